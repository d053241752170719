/* notification-receiver.c - receive traps and informs with GsnmpListener
 *
 * Port of PySNMP's v3arch/twisted/manager/ntfrcv examples: listens on
 * ADDRESS for SNMPv1 and SNMPv2c notifications with COMMUNITY and, if a
 * USER is given, SNMPv3 ones from USER (SHA, AES) whatever engine sends
 * them; informs are acknowledged by the listener. Each notification is
 * printed as a header line followed by its variable bindings. So that it
 * can be tested, it stops after COUNT notifications or TIMEOUT seconds
 * (exit status 1 on timeout); 0 means no limit.
 *
 * The first line says which port it listens on (useful with port 0).
 *
 * Like `snmptrapd -f -Lo -On -c` with `authCommunity log COMMUNITY` and
 * `createUser USER SHA AUTHPASS AES PRIVPASS` in snmptrapd.conf.
 *
 * Usage: example-notification-receiver ADDRESS COUNT TIMEOUT [COMMUNITY [USER AUTHPASS PRIVPASS]]
 *        (e.g. udp:127.0.0.1:0 3 10 public)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>

#include <locale.h>

#include <gsnmp/gsnmp.h>

typedef struct {
        GMainLoop *loop;
        guint      count;
        guint      received;
        int        status;
} Example;

static const char *
version_name (GsnmpProtocolVersion version)
{
        switch (version) {
        case GSNMP_PROTOCOL_VERSION_V1:
                return "v1";
        case GSNMP_PROTOCOL_VERSION_V2C:
                return "v2c";
        default:
                return "v3";
        }
}

static void
on_notification (GsnmpListener     *listener,
                 GsnmpNotification *notification,
                 gpointer           user_data)
{
        Example *ex = user_data;
        g_autofree char *sender = gsnmp_notification_get_sender_string (notification);
        g_autofree char *trap_oid = NULL;
        GsnmpProtocolVersion version = gsnmp_notification_get_version (notification);
        GsnmpVarbind **varbinds;
        guint n, i;

        trap_oid = gsnmp_oid_to_string (gsnmp_notification_get_notification_oid (notification));
        g_print ("%s %s from %s (%s %s): %s\n", version_name (version),
                 gsnmp_notification_is_inform (notification) ? "INFORM" : "TRAP",
                 sender,
                 version == GSNMP_PROTOCOL_VERSION_V3 ? "user" : "community",
                 version == GSNMP_PROTOCOL_VERSION_V3 ?
                 gsnmp_notification_get_user_name (notification) :
                 gsnmp_notification_get_community (notification),
                 trap_oid);
        if (version == GSNMP_PROTOCOL_VERSION_V1) {
                g_autofree char *enterprise = NULL;

                enterprise = gsnmp_oid_to_string (gsnmp_notification_get_enterprise (notification));
                g_print ("  enterprise %s generic %d specific %d\n", enterprise,
                         gsnmp_notification_get_generic_trap (notification),
                         gsnmp_notification_get_specific_trap (notification));
        }
        varbinds = gsnmp_notification_get_varbinds (notification, &n);
        for (i = 0; i < n; i++) {
                g_autofree char *line = gsnmp_varbind_to_string (varbinds[i]);

                g_print ("  %s\n", line);
        }
        fflush (stdout);

        if (ex->count > 0 && ++ex->received >= ex->count)
                g_main_loop_quit (ex->loop);
}

static gboolean
on_timeout (gpointer user_data)
{
        Example *ex = user_data;

        g_printerr ("timed out after %u notifications\n", ex->received);
        ex->status = 1;
        g_main_loop_quit (ex->loop);
        return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpListener) listener = NULL;
        Example ex = { 0, };
        guint16 port = 0;
        guint timeout_id = 0;
        guint timeout;

        /* Messages (GError, g_printerr) in the user's language and charset */
        setlocale (LC_ALL, "");

        if (argc < 4 || (argc > 5 && argc != 8)) {
                g_printerr ("Usage: %s ADDRESS COUNT TIMEOUT [COMMUNITY [USER AUTHPASS PRIVPASS]]\n",
                            argv[0]);
                return 2;
        }
        ex.count = (guint) g_ascii_strtoull (argv[2], NULL, 10);
        timeout = (guint) g_ascii_strtoull (argv[3], NULL, 10);

        engine = gsnmp_engine_new (&error);
        if (engine == NULL) {
                g_printerr ("%s\n", error->message);
                return 1;
        }
        listener = gsnmp_listener_new (engine);
        gsnmp_listener_add_community (listener, argc > 4 ? argv[4] : "public");
        if (argc == 8) {
                g_autoptr(GsnmpUsmUser) user = NULL;

                user = gsnmp_usm_user_new (argv[5], GSNMP_AUTH_PROTOCOL_SHA, argv[6],
                                           GSNMP_PRIV_PROTOCOL_AES, argv[7], &error);
                if (user == NULL) {
                        g_printerr ("%s\n", error->message);
                        return 1;
                }
                /* NULL: from any sending engine (traps); informs use ours */
                gsnmp_listener_add_user (listener, user, NULL);
        }
        if (!gsnmp_listener_add_address (listener, argv[1], &port, &error)) {
                g_printerr ("%s\n", error->message);
                return 1;
        }
        g_print ("listening on port %u\n", port);
        fflush (stdout);

        ex.loop = g_main_loop_new (NULL, FALSE);
        g_signal_connect (listener, "notification", G_CALLBACK (on_notification), &ex);
        if (timeout > 0)
                timeout_id = g_timeout_add_seconds (timeout, on_timeout, &ex);
        g_main_loop_run (ex.loop);

        if (ex.status == 0 && timeout_id != 0)
                g_source_remove (timeout_id);
        gsnmp_listener_close (listener);
        g_main_loop_unref (ex.loop);
        return ex.status;
}
