/* fuzz-listener.c - libFuzzer target for the listener's receive path
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each input is one datagram, sent over loopback to a GsnmpListener that
 * accepts the community "public" and the SNMPv3 users "fuzznoauth"
 * (noAuthNoPriv) and "fuzzauth" (SHA, authNoPriv): the transport, the
 * message decoder, the community check or the authoritative USM (reports,
 * discovery, time window), the notification checks, the inform
 * acknowledgement and the "notification" signal all see it, as they do in
 * `gsnmp listen`. The target waits until the listener has counted the
 * datagram (snmpInPkts), so every input is processed before the next one.
 * Criticals and warnings abort.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=enabled
 *   mkdir -p /tmp/corpus
 *   ./build-fuzz/tests/fuzz/fuzz-listener -max_total_time=60 /tmp/corpus tests/fuzz/corpus/listener
 */
#include "config.h"

#include "gsnmp.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GsnmpEngine *engine;
static GsnmpListener *listener;
static GSocket *sender;
static GSocketAddress *listener_address;
static guint64 n_notifications;

static void
on_notification (GsnmpListener     *l,
                 GsnmpNotification *n,
                 gpointer           user_data)
{
        g_autofree char *text = NULL;
        guint n_varbinds;

        /* touch what a handler reads */
        gsnmp_notification_get_varbinds (n, &n_varbinds);
        text = gsnmp_oid_to_string (gsnmp_notification_get_notification_oid (n));
        n_notifications++;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmUser) noauth = NULL;
        g_autoptr(GsnmpUsmUser) auth = NULL;
        g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
        guint16 port = 0;

        g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        listener = gsnmp_listener_new (engine);
        gsnmp_listener_add_community (listener, "public");
        noauth = gsnmp_usm_user_new ("fuzznoauth", GSNMP_AUTH_PROTOCOL_NONE, NULL,
                                     GSNMP_PRIV_PROTOCOL_NONE, NULL, &error);
        g_assert_no_error (error);
        auth = gsnmp_usm_user_new ("fuzzauth", GSNMP_AUTH_PROTOCOL_SHA, "fuzzauthpass",
                                   GSNMP_PRIV_PROTOCOL_NONE, NULL, &error);
        g_assert_no_error (error);
        gsnmp_listener_add_user (listener, noauth, NULL);
        gsnmp_listener_add_user (listener, auth, NULL);
        g_signal_connect (listener, "notification", G_CALLBACK (on_notification), NULL);
        if (!gsnmp_listener_add_address (listener, "udp:127.0.0.1:0", &port, &error))
                g_error ("%s", error->message);
        listener_address = g_inet_socket_address_new (loopback, port);

        sender = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                               G_SOCKET_PROTOCOL_UDP, &error);
        g_assert_no_error (error);
        g_socket_set_blocking (sender, FALSE);
        return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
        guint64 before = gsnmp_listener_get_counter (listener, GSNMP_LISTENER_COUNTER_IN_PACKETS);
        gchar buffer[2048];

        if (g_socket_send_to (sender, listener_address, (const gchar *) data, size, NULL, NULL) < 0)
                return 0;
        /* until the listener has read it (loopback does not lose it) */
        for (guint i = 0; i < 100000; i++) {
                if (gsnmp_listener_get_counter (listener, GSNMP_LISTENER_COUNTER_IN_PACKETS) > before)
                        break;
                g_main_context_iteration (NULL, i > 10);
        }
        while (g_main_context_iteration (NULL, FALSE))
                ;
        /* acknowledgements and reports come back to the sender: drop them */
        while (g_socket_receive (sender, buffer, sizeof buffer, NULL, NULL) > 0)
                ;
        return 0;
}
