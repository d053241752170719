/* custom-timeout-retries.c - SNMPv2c GET with a custom timeout and retry count
 *
 * Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/custom-timeout-and-retries.py:
 * a GET of sysDescr.0 where each attempt waits TIMEOUT_MS milliseconds and
 * the request is resent RETRIES times before it fails with
 * G_IO_ERROR_TIMED_OUT (PySNMP's UdpTransportTarget(..., timeout=, retries=)).
 *
 * Like `snmpget -v2c -c public -On -t 1.5 -r 0 AGENT 1.3.6.1.2.1.1.1.0`.
 *
 * Usage: example-custom-timeout-retries AGENT [TIMEOUT_MS [RETRIES [COMMUNITY]]]
 *        (defaults 1500 ms, 0 retries, public)
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

        pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), result, &error);
        if (pdu == NULL || !gsnmp_pdu_check_error (pdu, &error)) {
                if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
                        g_printerr ("timed out: %s\n", error->message);
                else
                        g_printerr ("failure: %s\n", error->message);
                ex->status = 1;
        } else {
                g_autofree char *line = gsnmp_varbind_to_string (gsnmp_pdu_get_varbind (pdu, 0));

                g_print ("%s\n", line);
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
                g_printerr ("Usage: %s AGENT [TIMEOUT_MS [RETRIES [COMMUNITY]]]\n", argv[0]);
                return 2;
        }
        community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C,
                                         argc > 4 ? argv[4] : "public");
        target = gsnmp_target_new (argv[1], GSNMP_CREDENTIALS (community), &error);
        if (target == NULL || (engine = gsnmp_engine_new (&error)) == NULL) {
                g_printerr ("%s\n", error->message);
                return 1;
        }
        gsnmp_target_set_timeout (target, argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 1500);  /* ms per attempt */
        gsnmp_target_set_retries (target, argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 0);
        /* PySNMP's ObjectIdentity('SNMPv2-MIB', 'sysDescr', 0) */
        sys_descr = gsnmp_oid_new_from_string ("SNMPv2-MIB::sysDescr.0", NULL);

        ex.loop = g_main_loop_new (NULL, FALSE);
        gsnmp_engine_get_async (engine, target, &sys_descr, 1, NULL, on_get_done, &ex);
        g_main_loop_run (ex.loop);
        g_main_loop_unref (ex.loop);
        return ex.status;
}
