/* multiple-concurrent-queries.c - several SNMPv2c GETs in flight at once
 *
 * Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/multiple-concurrent-queries.py:
 * one GET for sysDescr.0 and one for sysLocation.0 are started together on
 * one engine (PySNMP's DeferredList); the program ends when both are done.
 * Replies may come in either order.
 *
 * Like `snmpget -v2c -c public -On AGENT 1.3.6.1.2.1.1.1.0` and
 * `snmpget -v2c -c public -On AGENT 1.3.6.1.2.1.1.6.0` run in parallel.
 *
 * Usage: example-multiple-concurrent-queries AGENT [COMMUNITY]
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

static void
on_get_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
        Example *ex = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;

        pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), result, &error);
        if (pdu == NULL || !gsnmp_pdu_check_error (pdu, &error)) {
                g_printerr ("failure: %s\n", error->message);
                ex->status = 1;
        } else {
                g_autofree char *line = gsnmp_varbind_to_string (gsnmp_pdu_get_varbind (pdu, 0));

                g_print ("%s\n", line);
        }
        if (--ex->pending == 0)
                g_main_loop_quit (ex->loop);
}

int
main (int   argc,
      char *argv[])
{
        static const char *const objects[] = {
                "SNMPv2-MIB::sysDescr.0",       /* 1.3.6.1.2.1.1.1.0 */
                "SNMPv2-MIB::sysLocation.0",    /* 1.3.6.1.2.1.1.6.0 */
        };
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpCommunity) community = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        Example ex = { 0, };
        guint i;

        /* Messages (GError, g_printerr) in the user's language and charset */
        setlocale (LC_ALL, "");

        if (argc < 2) {
                g_printerr ("Usage: %s AGENT [COMMUNITY]\n", argv[0]);
                return 2;
        }
        community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C,
                                         argc > 2 ? argv[2] : "public");
        target = gsnmp_target_new (argv[1], GSNMP_CREDENTIALS (community), &error);
        if (target == NULL || (engine = gsnmp_engine_new (&error)) == NULL) {
                g_printerr ("%s\n", error->message);
                return 1;
        }

        ex.loop = g_main_loop_new (NULL, FALSE);
        for (i = 0; i < G_N_ELEMENTS (objects); i++) {
                g_autoptr(GsnmpOid) oid = gsnmp_oid_new_from_string (objects[i], NULL);

                ex.pending++;
                gsnmp_engine_get_async (engine, target, &oid, 1, NULL, on_get_done, &ex);
        }
        g_main_loop_run (ex.loop);
        g_main_loop_unref (ex.loop);
        return ex.status;
}
