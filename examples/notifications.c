/* notifications.c - the common notifications: a v2c trap, a v3 trap, an inform
 *
 * Port of PySNMP's hlapi/v3arch/twisted/agent/ntforg examples
 * (v2c-trap-inline-callbacks.py, multiple-notifications-at-once.py): one
 * after the other,
 *   1. an SNMPv2c TRAP warmStart (1.3.6.1.6.3.1.1.5.2) with two variable
 *      bindings, snmpTrapEnterprise.0 = 1.3.6.1.4.1.20408.4.1.1.2 and
 *      sysDescr.0 = "my system" (sysUpTime.0 and snmpTrapOID.0 come first,
 *      added by the library);
 *   2. the same as an SNMPv3 TRAP, authPriv with USER (SHA, AES); this
 *      program's engine is the authoritative one, so the receiver must
 *      know USER for whatever engine ID sends it;
 *   3. the same as an SNMPv2c INFORM, which the manager acknowledges: the
 *      program waits for the response (or the timeout).
 *
 * Like
 *   snmptrap   -v2c -c public MANAGER '' 1.3.6.1.6.3.1.1.5.2 1.3.6.1.6.3.1.1.4.3.0 o 1.3.6.1.4.1.20408.4.1.1.2 1.3.6.1.2.1.1.1.0 s "my system"
 *   snmptrap   -v3 -l authPriv -u USER -a SHA -A AUTHPASS -x AES -X PRIVPASS MANAGER '' 1.3.6.1.6.3.1.1.5.2 …
 *   snmpinform -v2c -c public MANAGER '' 1.3.6.1.6.3.1.1.5.2 …
 *
 * Usage: example-notifications MANAGER COMMUNITY USER AUTHPASS PRIVPASS
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <locale.h>

#include <gsnmp/gsnmp.h>

typedef struct {
        GMainLoop    *loop;
        GsnmpEngine  *engine;
        GsnmpTarget  *v2c;
        GsnmpTarget  *v3;
        GsnmpOid     *warm_start;
        GsnmpVarbind *varbinds[2];
        int           status;
} Example;

static void
on_inform_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
        Example *ex = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) response = NULL;

        response = gsnmp_engine_send_inform_finish (GSNMP_ENGINE (source), result, &error);
        if (response == NULL || !gsnmp_pdu_check_error (response, &error)) {
                g_printerr ("INFORM failed: %s\n", error->message);
                ex->status = 1;
        } else {
                g_print ("SNMPv2c INFORM acknowledged (%u variables in the response)\n",
                         gsnmp_pdu_get_n_varbinds (response));
        }
        g_main_loop_quit (ex->loop);
}

static void
on_v3_trap_sent (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
        Example *ex = user_data;
        g_autoptr(GError) error = NULL;

        if (!gsnmp_engine_send_trap_finish (GSNMP_ENGINE (source), result, &error)) {
                g_printerr ("SNMPv3 TRAP failed: %s\n", error->message);
                ex->status = 1;
        } else {
                g_print ("SNMPv3 TRAP sent\n");
        }
        gsnmp_engine_send_inform_async (ex->engine, ex->v2c, ex->warm_start, GSNMP_UPTIME_ENGINE,
                                        ex->varbinds, G_N_ELEMENTS (ex->varbinds), NULL,
                                        on_inform_done, ex);
}

static void
on_v2c_trap_sent (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
        Example *ex = user_data;
        g_autoptr(GError) error = NULL;

        if (!gsnmp_engine_send_trap_finish (GSNMP_ENGINE (source), result, &error)) {
                g_printerr ("SNMPv2c TRAP failed: %s\n", error->message);
                ex->status = 1;
        } else {
                g_print ("SNMPv2c TRAP sent\n");
        }
        gsnmp_engine_send_trap_async (ex->engine, ex->v3, ex->warm_start, GSNMP_UPTIME_ENGINE,
                                      ex->varbinds, G_N_ELEMENTS (ex->varbinds), NULL,
                                      on_v3_trap_sent, ex);
}

int
main (int   argc,
      char *argv[])
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpCommunity) community = NULL;
        g_autoptr(GsnmpUsmUser) user = NULL;
        g_autoptr(GsnmpOid) trap_enterprise = NULL;
        g_autoptr(GsnmpOid) enterprise = NULL;
        g_autoptr(GsnmpOid) sys_descr = NULL;
        Example ex = { 0, };

        /* Messages (GError, g_printerr) in the user's language and charset */
        setlocale (LC_ALL, "");

        if (argc < 6) {
                g_printerr ("Usage: %s MANAGER COMMUNITY USER AUTHPASS PRIVPASS\n", argv[0]);
                return 2;
        }
        community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, argv[2]);
        user = gsnmp_usm_user_new (argv[3], GSNMP_AUTH_PROTOCOL_SHA, argv[4],
                                   GSNMP_PRIV_PROTOCOL_AES, argv[5], &error);
        if (user == NULL ||
            (ex.v2c = gsnmp_target_new (argv[1], GSNMP_CREDENTIALS (community), &error)) == NULL ||
            (ex.v3 = gsnmp_target_new (argv[1], GSNMP_CREDENTIALS (user), &error)) == NULL ||
            (ex.engine = gsnmp_engine_new (&error)) == NULL) {
                g_printerr ("%s\n", error->message);
                g_clear_object (&ex.v2c);
                g_clear_object (&ex.v3);
                return 1;
        }

        ex.warm_start = gsnmp_oid_new_from_string ("1.3.6.1.6.3.1.1.5.2", NULL);
        trap_enterprise = gsnmp_oid_new_from_string ("1.3.6.1.6.3.1.1.4.3.0", NULL);
        enterprise = gsnmp_oid_new_from_string ("1.3.6.1.4.1.20408.4.1.1.2", NULL);
        sys_descr = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.1.0", NULL);
        ex.varbinds[0] = gsnmp_varbind_new_oid (trap_enterprise, enterprise);
        ex.varbinds[1] = gsnmp_varbind_new_string (sys_descr, "my system");

        ex.loop = g_main_loop_new (NULL, FALSE);
        gsnmp_engine_send_trap_async (ex.engine, ex.v2c, ex.warm_start, GSNMP_UPTIME_ENGINE,
                                      ex.varbinds, G_N_ELEMENTS (ex.varbinds), NULL,
                                      on_v2c_trap_sent, &ex);
        g_main_loop_run (ex.loop);

        g_main_loop_unref (ex.loop);
        gsnmp_varbind_unref (ex.varbinds[0]);
        gsnmp_varbind_unref (ex.varbinds[1]);
        gsnmp_oid_unref (ex.warm_start);
        g_object_unref (ex.engine);
        g_object_unref (ex.v2c);
        g_object_unref (ex.v3);
        return ex.status;
}
