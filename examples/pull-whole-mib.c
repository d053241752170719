/* pull-whole-mib.c - SNMPv2c GETNEXT walk over the whole MIB
 *
 * Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/pull-whole-mib.py:
 * a series of GetNextRequests, each for the OID the last response
 * returned, going on in lexicographic order (PySNMP's nextCmd with
 * lexicographicMode) until the agent reports endOfMibView. Here with
 * SNMPv2c, community "public", from 1.3.6 (iso.org.dod) rather than from
 * SNMPv2-MIB::system. A GsnmpWalk with use-getnext and lexicographic set
 * does the bookkeeping; each variable is printed as it arrives. The last
 * line gives how the walk ended.
 *
 * Like `snmpwalk -v2c -c public -On AGENT .1.3.6`.
 *
 * Usage: example-pull-whole-mib AGENT [COMMUNITY] [ROOT]   (e.g. udp:127.0.0.1:161 public)
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
on_next (GObject      *source,
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
                /* Not the end of the MIB yet: the next GetNextRequest */
                gsnmp_walk_next_async (walk, NULL, on_next, ex);
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
        g_autoptr(GsnmpCommunity) community = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpOid) root = NULL;
        g_autoptr(GsnmpWalk) walk = NULL;
        Example ex = { 0, };

        /* Messages (GError, g_printerr) in the user's language and charset */
        setlocale (LC_ALL, "");

        if (argc < 2) {
                g_printerr ("Usage: %s AGENT [COMMUNITY] [ROOT]\n", argv[0]);
                return 2;
        }
        community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C,
                                         argc > 2 ? argv[2] : "public");
        target = gsnmp_target_new (argv[1], GSNMP_CREDENTIALS (community), &error);
        if (target == NULL ||
            (root = gsnmp_oid_new_from_string (argc > 3 ? argv[3] : "1.3.6", &error)) == NULL ||
            (engine = gsnmp_engine_new (&error)) == NULL) {
                g_printerr ("%s\n", error->message);
                return 1;
        }

        walk = gsnmp_walk_new (engine, target, root);
        gsnmp_walk_set_use_getnext (walk, TRUE);         /* GetNextRequests, like snmpwalk */
        gsnmp_walk_set_lexicographic (walk, TRUE);       /* on past the root, to endOfMibView */

        ex.loop = g_main_loop_new (NULL, FALSE);
        gsnmp_walk_next_async (walk, NULL, on_next, &ex);
        g_main_loop_run (ex.loop);
        g_main_loop_unref (ex.loop);
        return ex.status;
}
