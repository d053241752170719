/* fuzz-engine.c - libFuzzer target for the engine's response matching and
 * the walk's response handling
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * An engine sends its requests over loopback to a socket this target holds
 * as the agent. For each input, the first byte picks what is pending: a GET
 * (0), a GetBulk walk (1) or a GetNext walk (2). The agent reads the
 * request and answers with the rest of the input twice: as it is, and, when
 * it decodes as an SNMPv1/v2c message, with the request's request-id, so
 * that the matching accepts it and the response (or walk) handling sees the
 * fuzzer's varbinds, error-status and error-index. Then it answers every
 * further request properly (endOfMibView, noSuchName for SNMPv1), so each
 * input ends without waiting for a timeout. The request or walk must
 * complete exactly once. Criticals and warnings abort.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=enabled
 *   mkdir -p /tmp/corpus
 *   ./build-fuzz/tests/fuzz/fuzz-engine -max_total_time=60 /tmp/corpus tests/fuzz/corpus/engine
 */
#include "config.h"

#include "gsnmp.h"
#include "gsnmp-message-private.h"
#include "gsnmp-pdu-private.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GsnmpEngine *engine;
static GsnmpTarget *target;
static GSocket *agent;

typedef struct {
        guint      n_calls;
        GsnmpWalk *walk;
} Pending;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
        g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
        g_autoptr(GSocketAddress) bound = NULL;
        g_autoptr(GsnmpCommunity) community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public");
        g_autofree char *address = NULL;

        g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

        agent = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                              G_SOCKET_PROTOCOL_UDP, &error);
        g_assert_no_error (error);
        g_socket_bind (agent, any, TRUE, &error);
        g_assert_no_error (error);
        g_socket_set_blocking (agent, FALSE);
        bound = g_socket_get_local_address (agent, &error);
        g_assert_no_error (error);
        address = g_strdup_printf ("127.0.0.1:%u",
                                   g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        target = gsnmp_target_new (address, GSNMP_CREDENTIALS (community), &error);
        g_assert_no_error (error);
        /* long: answers always come, a timeout would mean a lost request */
        gsnmp_target_set_timeout (target, 60000);
        gsnmp_target_set_retries (target, 0);
        return 0;
}

static void
on_get (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
        Pending *p = user_data;
        g_autoptr(GsnmpPdu) pdu = gsnmp_engine_get_finish (engine, result, NULL);

        p->n_calls++;
}

static void
on_walk (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
        Pending *p = user_data;
        g_autoptr(GPtrArray) all = gsnmp_walk_all_finish (GSNMP_WALK (source), result, NULL);

        p->n_calls++;
}

/* Waits for the engine's next request; NULL once @p completed. */
static GSocketAddress *
read_request (Pending      *p,
              GsnmpMessage *request)
{
        gchar buffer[65536];

        for (;;) {
                GSocketAddress *from = NULL;
                gssize n = g_socket_receive_from (agent, &from, buffer, sizeof buffer, NULL, NULL);

                if (n > 0) {
                        if (gsnmp_message_decode ((const guint8 *) buffer, (gsize) n, request, NULL))
                                return from;
                        g_object_unref (from);
                        continue;
                }
                if (p->n_calls > 0)
                        return NULL;
                /* the engine's sources, then a short wait for its datagram */
                while (g_main_context_iteration (NULL, FALSE))
                        ;
                if (p->n_calls == 0)
                        g_socket_condition_timed_wait (agent, G_IO_IN, 1000, NULL, NULL);
        }
}

static void
send_bytes (GSocketAddress *to,
            const guint8   *data,
            gsize           size)
{
        g_socket_send_to (agent, to, (const gchar *) data, size, NULL, NULL);
}

/* The proper end of anything: endOfMibView for each varbind. */
static void
send_end (GSocketAddress *to,
          GsnmpMessage   *request)
{
        g_autoptr(GsnmpPdu) pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        GsnmpMessage msg = { request->version, request->community, pdu };
        g_autoptr(GBytes) bytes = NULL;
        guint n = gsnmp_pdu_get_n_varbinds (request->pdu);

        gsnmp_pdu_set_request_id (pdu, gsnmp_pdu_get_request_id (request->pdu));
        for (guint i = 0; i < n; i++) {
                GsnmpOid *oid = gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (request->pdu, i));

                gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_exception (oid, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW));
        }
        bytes = gsnmp_message_encode (&msg, 0, NULL);
        if (bytes != NULL)
                send_bytes (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
        g_autoptr(GsnmpOid) root = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1", NULL);
        Pending p = { 0, };
        GsnmpMessage request, fuzzed;
        GSocketAddress *from;
        guint rounds = 0;

        if (size < 1)
                return 0;
        switch (data[0] % 3) {
        case 0:
                gsnmp_engine_get_async (engine, target, &root, 1, NULL, on_get, &p);
                break;
        default:
                p.walk = gsnmp_walk_new (engine, target, root);
                gsnmp_walk_set_use_getnext (p.walk, data[0] % 3 == 2);
                gsnmp_walk_set_max_requests (p.walk, 20);
                gsnmp_walk_set_allow_non_increasing (p.walk, (data[0] & 0x80) != 0);
                gsnmp_walk_all_async (p.walk, NULL, on_walk, &p);
                break;
        }
        data++;
        size--;

        while ((from = read_request (&p, &request)) != NULL) {
                if (rounds++ == 0) {
                        send_bytes (from, data, size);
                        if (gsnmp_message_decode (data, size, &fuzzed, NULL)) {
                                GBytes *bytes;

                                gsnmp_pdu_set_request_id (fuzzed.pdu,
                                                          gsnmp_pdu_get_request_id (request.pdu));
                                g_clear_pointer (&fuzzed.community, g_bytes_unref);
                                fuzzed.community = g_bytes_ref (request.community);
                                fuzzed.version = request.version;
                                bytes = gsnmp_message_encode (&fuzzed, 0, NULL);
                                if (bytes != NULL) {
                                        send_bytes (from, g_bytes_get_data (bytes, NULL),
                                                    g_bytes_get_size (bytes));
                                        g_bytes_unref (bytes);
                                }
                                gsnmp_message_clear (&fuzzed);
                        }
                }
                /* the fuzzed answer may not have matched, or the walk goes
                 * on: finish properly (after the fuzzed ones, in order) */
                send_end (from, &request);
                gsnmp_message_clear (&request);
                g_object_unref (from);
                while (p.n_calls == 0 && g_main_context_iteration (NULL, FALSE))
                        ;
        }
        while (g_main_context_iteration (NULL, FALSE))
                ;
        if (p.n_calls != 1)
                abort ();
        g_clear_object (&p.walk);
        return 0;
}
