/* v1-get.c - SNMPv1 GET of sysDescr.0
 *
 * Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/v1-get.py: one
 * GetRequest with SNMPv1, community "public", for SNMPv2-MIB::sysDescr.0.
 * An error-status in the response is printed with the OID it points at.
 *
 * Like `snmpget -v1 -c public -On AGENT 1.3.6.1.2.1.1.1.0`.
 *
 * Usage: example-v1-get AGENT [COMMUNITY]       (e.g. udp:127.0.0.1:161 public)
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
on_get_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
        Example *ex = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;

        /* errorIndication: a transport or security failure, or a timeout */
        pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), result, &error);
        if (pdu == NULL) {
                g_printerr ("failure: %s\n", error->message);
                ex->status = 1;
        } else if (!gsnmp_pdu_check_error (pdu, &error)) {
                /* errorStatus and errorIndex */
                guint index = gsnmp_pdu_get_error_index (pdu);
                GsnmpVarbind *vb = index > 0 ? gsnmp_pdu_get_varbind (pdu, index - 1) : NULL;
                g_autofree char *oid = vb != NULL ? gsnmp_oid_to_string (gsnmp_varbind_get_oid (vb)) : NULL;

                g_printerr ("%s at %s\n", error->message, oid != NULL ? oid : "?");
                ex->status = 1;
        } else {
                GsnmpVarbind **varbinds;
                guint n, i;

                varbinds = gsnmp_pdu_get_varbinds (pdu, &n);
                for (i = 0; i < n; i++) {
                        g_autofree char *line = gsnmp_varbind_to_string (varbinds[i]);

                        g_print ("%s\n", line);
                }
        }
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
        g_autoptr(GsnmpOid) sys_descr = NULL;
        Example ex = { 0, };

        /* Messages (GError, g_printerr) in the user's language and charset */
        setlocale (LC_ALL, "");

        if (argc < 2) {
                g_printerr ("Usage: %s AGENT [COMMUNITY]\n", argv[0]);
                return 2;
        }
        community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V1,
                                         argc > 2 ? argv[2] : "public");
        target = gsnmp_target_new (argv[1], GSNMP_CREDENTIALS (community), &error);
        if (target == NULL || (engine = gsnmp_engine_new (&error)) == NULL) {
                g_printerr ("%s\n", error->message);
                return 1;
        }
        /* PySNMP's ObjectIdentity('SNMPv2-MIB', 'sysDescr', 0) */
        sys_descr = gsnmp_oid_new_from_string ("SNMPv2-MIB::sysDescr.0", NULL);

        ex.loop = g_main_loop_new (NULL, FALSE);
        gsnmp_engine_get_async (engine, target, &sys_descr, 1, NULL, on_get_done, &ex);
        g_main_loop_run (ex.loop);
        g_main_loop_unref (ex.loop);
        return ex.status;
}
