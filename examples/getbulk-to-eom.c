/* getbulk-to-eom.c - SNMPv3 GETBULK walk from a root to the end of the MIB
 *
 * Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/getbulk-to-eom.py:
 * a series of GetBulkRequests (non-repeaters 0, max-repetitions 50) with an
 * SNMPv3 USM user (HMAC-SHA-96 authentication, AES-128 privacy), starting
 * at SNMPv2-MIB::system and going on past it until the agent reports
 * endOfMibView. A GsnmpWalk in lexicographic mode does the bookkeeping;
 * each batch is printed as it arrives. The last line gives how the walk
 * ended.
 *
 * Like `snmpbulkwalk -v3 -l authPriv -u USER -a SHA -A AUTHPASS -x AES
 * -X PRIVPASS -Cn0 -Cr50 -Cc -On AGENT 1.3.6.1.2.1.1` walking on to the
 * end of the MIB (`snmpbulkwalk` stops at the end of the subtree).
 *
 * Usage: example-getbulk-to-eom AGENT USER AUTHPASS PRIVPASS [ROOT]
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <locale.h>

#include <gsnmp/gsnmp.h>

typedef struct {
        GMainLoop *loop;
        int        status;
} Example;

static void
on_batch (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
        GsnmpWalk *walk = GSNMP_WALK (source);
        Example *ex = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) batch = NULL;
        guint i;

        batch = gsnmp_walk_next_finish (walk, result, &error);
        if (batch == NULL) {
                g_printerr ("failure: %s\n", error->message);
                ex->status = 1;
                g_main_loop_quit (ex->loop);
                return;
        }
        for (i = 0; i < batch->len; i++) {
                g_autofree char *line = gsnmp_varbind_to_string (batch->pdata[i]);

                g_print ("%s\n", line);
        }
        if (batch->len > 0) {
                /* Not the end yet: ask for the next batch */
                gsnmp_walk_next_async (walk, NULL, on_batch, ex);
                return;
        }
        g_print ("# %s after %u variables in %u requests\n",
                 gsnmp_walk_get_status (walk) == GSNMP_WALK_STATUS_END_OF_MIB_VIEW ?
                 "endOfMibView" : "end of walk",
                 gsnmp_walk_get_n_varbinds (walk), gsnmp_walk_get_n_requests (walk));
        g_main_loop_quit (ex->loop);
}

int
main (int   argc,
      char *argv[])
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpUsmUser) user = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpOid) root = NULL;
        g_autoptr(GsnmpWalk) walk = NULL;
        Example ex = { 0, };

        /* Messages (GError, g_printerr) in the user's language and charset */
        setlocale (LC_ALL, "");

        if (argc < 5) {
                g_printerr ("Usage: %s AGENT USER AUTHPASS PRIVPASS [ROOT]\n", argv[0]);
                return 2;
        }
        user = gsnmp_usm_user_new (argv[2], GSNMP_AUTH_PROTOCOL_SHA, argv[3],
                                   GSNMP_PRIV_PROTOCOL_AES, argv[4], &error);
        if (user == NULL ||
            (target = gsnmp_target_new (argv[1], GSNMP_CREDENTIALS (user), &error)) == NULL ||
            (root = gsnmp_oid_new_from_string (argc > 5 ? argv[5] : "SNMPv2-MIB::system", &error)) == NULL ||
            (engine = gsnmp_engine_new (&error)) == NULL) {
                g_printerr ("%s\n", error->message);
                return 1;
        }

        walk = gsnmp_walk_new (engine, target, root);
        gsnmp_walk_set_max_repetitions (walk, 50);       /* -Cr50 */
        gsnmp_walk_set_lexicographic (walk, TRUE);       /* on past the root, to endOfMibView */

        ex.loop = g_main_loop_new (NULL, FALSE);
        gsnmp_walk_next_async (walk, NULL, on_batch, &ex);
        g_main_loop_run (ex.loop);
        g_main_loop_unref (ex.loop);
        return ex.status;
}
