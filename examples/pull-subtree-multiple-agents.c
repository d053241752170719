/* pull-subtree-multiple-agents.c - walk one subtree of several agents at once
 *
 * Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/pull-mibs-from-multiple-agents-at-once.py:
 * the system subtree (SNMPv2-MIB::system, 1.3.6.1.2.1.1) is walked on every agent given, all
 * at the same time on one engine (GETBULK with SNMPv2c, community
 * "public"). Each line is prefixed with the agent it came from; lines of
 * different agents may interleave.
 *
 * Like running `snmpbulkwalk -v2c -c public -On AGENT 1.3.6.1.2.1.1` for
 * each AGENT in parallel.
 *
 * Usage: example-pull-subtree-multiple-agents AGENT [AGENT...]
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <locale.h>

#include <gsnmp/gsnmp.h>

typedef struct {
        GMainLoop *loop;
        guint      pending;
        int        status;
} Example;

typedef struct {
        Example *ex;
        char    *agent;
} Walk;

static void
on_walk_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
        Walk *w = user_data;
        Example *ex = w->ex;
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) varbinds = NULL;
        guint i;

        varbinds = gsnmp_engine_walk_finish (GSNMP_ENGINE (source), result, &error);
        if (varbinds == NULL) {
                g_printerr ("%s: failure: %s\n", w->agent, error->message);
                ex->status = 1;
        } else {
                for (i = 0; i < varbinds->len; i++) {
                        g_autofree char *line = gsnmp_varbind_to_string (varbinds->pdata[i]);

                        g_print ("%s: %s\n", w->agent, line);
                }
        }
        g_free (w->agent);
        g_free (w);
        if (--ex->pending == 0)
                g_main_loop_quit (ex->loop);
}

int
main (int   argc,
      char *argv[])
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpCommunity) community = NULL;
        g_autoptr(GsnmpOid) system = NULL;
        Example ex = { 0, };
        int i;

        /* Messages (GError, g_printerr) in the user's language and charset */
        setlocale (LC_ALL, "");

        if (argc < 2) {
                g_printerr ("Usage: %s AGENT [AGENT...]\n", argv[0]);
                return 2;
        }
        engine = gsnmp_engine_new (&error);
        if (engine == NULL) {
                g_printerr ("%s\n", error->message);
                return 1;
        }
        community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public");
        /* PySNMP's ObjectIdentity('SNMPv2-MIB', 'system') */
        system = gsnmp_oid_new_from_string ("SNMPv2-MIB::system", NULL);

        ex.loop = g_main_loop_new (NULL, FALSE);
        for (i = 1; i < argc; i++) {
                g_autoptr(GsnmpTarget) target = NULL;
                Walk *w;

                target = gsnmp_target_new (argv[i], GSNMP_CREDENTIALS (community), &error);
                if (target == NULL) {
                        g_printerr ("%s: %s\n", argv[i], error->message);
                        g_clear_error (&error);
                        ex.status = 1;
                        continue;
                }
                w = g_new0 (Walk, 1);
                w->ex = &ex;
                w->agent = g_strdup (argv[i]);
                ex.pending++;
                gsnmp_engine_walk_async (engine, target, system, NULL, on_walk_done, w);
        }
        if (ex.pending > 0)
                g_main_loop_run (ex.loop);
        g_main_loop_unref (ex.loop);
        return ex.status;
}
