/* get.c - SNMPv2c GET of sysDescr.0 and sysName.0, then a GETNEXT
 *
 * Like `snmpget -v2c -c public -On AGENT 1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1.5.0`
 * followed by `snmpgetnext -v2c -c public -On AGENT 1.3.6.1.2.1.1`.
 *
 * Usage: example-get [AGENT] [COMMUNITY]     (default udp:127.0.0.1:161 public)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <locale.h>

#include <gsnmp/gsnmp.h>

typedef struct {
        GMainLoop   *loop;
        GsnmpEngine *engine;
        GsnmpTarget *target;
        int          status;
} Example;

static void
print_pdu (GsnmpPdu *pdu)
{
        GsnmpVarbind **varbinds;
        guint n, i;

        varbinds = gsnmp_pdu_get_varbinds (pdu, &n);
        for (i = 0; i < n; i++) {
                g_autofree char *line = gsnmp_varbind_to_string (varbinds[i]);

                g_print ("%s\n", line);
        }
}

static void
on_get_next_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
        Example *ex = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;

        pdu = gsnmp_engine_get_next_finish (GSNMP_ENGINE (source), result, &error);
        if (pdu == NULL || !gsnmp_pdu_check_error (pdu, &error)) {
                g_printerr ("GETNEXT failed: %s\n", error->message);
                ex->status = 1;
        } else {
                print_pdu (pdu);
        }
        g_main_loop_quit (ex->loop);
}

static void
on_get_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
        Example *ex = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;
        g_autoptr(GsnmpOid) system = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1", NULL);

        pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), result, &error);
        if (pdu == NULL || !gsnmp_pdu_check_error (pdu, &error)) {
                g_printerr ("GET failed: %s\n", error->message);
                ex->status = 1;
                g_main_loop_quit (ex->loop);
                return;
        }
        print_pdu (pdu);

        /* The first object of the system group */
        gsnmp_engine_get_next_async (ex->engine, ex->target, &system, 1, NULL,
                                     on_get_next_done, ex);
}

int
main (int   argc,
      char *argv[])
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpCommunity) community = NULL;
        g_autoptr(GsnmpOid) sys_descr = NULL;
        g_autoptr(GsnmpOid) sys_name = NULL;
        GsnmpOid *oids[2];
        Example ex = { 0, };

        /* Messages (GError, g_printerr) in the user's language and charset */
        setlocale (LC_ALL, "");

        community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C,
                                         argc > 2 ? argv[2] : "public");
        ex.target = gsnmp_target_new (argc > 1 ? argv[1] : "udp:127.0.0.1:161",
                                      GSNMP_CREDENTIALS (community), &error);
        if (ex.target == NULL) {
                g_printerr ("%s\n", error->message);
                return 1;
        }
        ex.engine = gsnmp_engine_new (&error);
        if (ex.engine == NULL) {
                g_printerr ("%s\n", error->message);
                g_object_unref (ex.target);
                return 1;
        }

        sys_descr = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.1.0", NULL);
        sys_name = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.5.0", NULL);
        oids[0] = sys_descr;
        oids[1] = sys_name;

        ex.loop = g_main_loop_new (NULL, FALSE);
        gsnmp_engine_get_async (ex.engine, ex.target, oids, G_N_ELEMENTS (oids), NULL,
                                on_get_done, &ex);
        g_main_loop_run (ex.loop);

        g_main_loop_unref (ex.loop);
        g_object_unref (ex.engine);
        g_object_unref (ex.target);
        return ex.status;
}
