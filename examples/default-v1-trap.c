/* default-v1-trap.c - send an SNMPv1 Trap-PDU with the defaults
 *
 * Port of PySNMP's hlapi/v3arch/twisted/agent/ntforg/default-v1-trap.py:
 * an SNMPv1 trap with community "public", enterprise
 * 1.3.6.1.4.1.20408.4.1.1.2, generic trap 1 (warmStart), specific trap 0,
 * the engine's uptime, the default agent address (the sending address,
 * as snmptrap picks for an empty agent argument) and one
 * variable binding sysDescr.0 = "my system". A trap is not acknowledged:
 * success means it was sent.
 *
 * Like `snmptrap -v1 -c public MANAGER 1.3.6.1.4.1.20408.4.1.1.2 ''
 * 1 0 '' 1.3.6.1.2.1.1.1.0 s "my system"`.
 *
 * Usage: example-default-v1-trap MANAGER [COMMUNITY]   (e.g. udp:127.0.0.1:162)
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
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
        Example *ex = user_data;
        g_autoptr(GError) error = NULL;

        if (!gsnmp_engine_send_v1_trap_finish (GSNMP_ENGINE (source), result, &error)) {
                g_printerr ("failure: %s\n", error->message);
                ex->status = 1;
        } else {
                g_print ("SNMPv1 trap sent\n");
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
        g_autoptr(GsnmpOid) enterprise = NULL;
        g_autoptr(GsnmpOid) sys_descr = NULL;
        g_autoptr(GsnmpVarbind) varbind = NULL;
        Example ex = { 0, };

        /* Messages (GError, g_printerr) in the user's language and charset */
        setlocale (LC_ALL, "");

        if (argc < 2) {
                g_printerr ("Usage: %s MANAGER [COMMUNITY]\n", argv[0]);
                return 2;
        }
        community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V1,
                                         argc > 2 ? argv[2] : "public");
        target = gsnmp_target_new (argv[1], GSNMP_CREDENTIALS (community), &error);
        if (target == NULL || (engine = gsnmp_engine_new (&error)) == NULL) {
                g_printerr ("%s\n", error->message);
                return 1;
        }
        enterprise = gsnmp_oid_new_from_string ("1.3.6.1.4.1.20408.4.1.1.2", NULL);
        sys_descr = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.1.0", NULL);
        varbind = gsnmp_varbind_new_string (sys_descr, "my system");

        ex.loop = g_main_loop_new (NULL, FALSE);
        gsnmp_engine_send_v1_trap_async (engine, target, enterprise,
                                         NULL,                  /* agent-addr: the sending address */
                                         1, 0,                  /* warmStart, specific 0 */
                                         GSNMP_UPTIME_ENGINE,   /* time-stamp */
                                         &varbind, 1, NULL, on_sent, &ex);
        g_main_loop_run (ex.loop);
        g_main_loop_unref (ex.loop);
        return ex.status;
}
