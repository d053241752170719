/* gsnmp-test-utils.c - an in-process fake SNMP agent and test helpers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-test-utils.h"

#include <string.h>
#include <sys/socket.h>

/* What fake_agent_sync() sends: not BER (no 0x30 first byte). */
#define SYNC_MARKER "GSNMP-TEST-SYNC"

#define RECEIVE_BUFFER_SIZE (4 * 1024 * 1024)

/* ---------------------------------------------------------------------- */
/* Main-loop helpers                                                       */

static gboolean
on_safety_timeout (gpointer user_data)
{
        gboolean *timed_out = user_data;

        *timed_out = TRUE;

        return G_SOURCE_REMOVE;
}

void
test_run_until_cond (gboolean (*condition) (gpointer data),
                     gpointer   data)
{
        g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
        gboolean timed_out = FALSE;
        GSource *safety;

        safety = g_timeout_source_new_seconds (TEST_SAFETY_TIMEOUT_S);
        g_source_set_callback (safety, on_safety_timeout, &timed_out, NULL);
        g_source_attach (safety, context);

        while (!condition (data) && !timed_out)
                g_main_context_iteration (context, TRUE);

        g_source_destroy (safety);
        g_source_unref (safety);

        if (timed_out)
                g_test_message ("nothing happened in %d s: the engine or the agent is stuck",
                                TEST_SAFETY_TIMEOUT_S);
        g_assert_false (timed_out);
}

static gboolean
flag_is_set (gpointer data)
{
        return *(gboolean *) data;
}

void
test_run_until (gboolean *flag)
{
        test_run_until_cond (flag_is_set, flag);
}

typedef struct {
        guint *counter;
        guint  n;
} CountWait;

static gboolean
count_reached (gpointer data)
{
        CountWait *wait = data;

        return *wait->counter >= wait->n;
}

void
test_run_until_count (guint *counter,
                      guint  n)
{
        CountWait wait = { counter, n };

        test_run_until_cond (count_reached, &wait);
}

GsnmpOid *
test_oid (const char *str)
{
        g_autoptr(GError) error = NULL;
        GsnmpOid *oid;

        oid = gsnmp_oid_new_from_string (str, &error);
        g_assert_no_error (error);
        g_assert_nonnull (oid);

        return oid;
}

/* ---------------------------------------------------------------------- */
/* The fake agent                                                          */

static void
request_free (gpointer data)
{
        FakeAgentRequest *request = data;

        g_bytes_unref (request->datagram);
        gsnmp_message_clear (&request->message);
        g_clear_object (&request->from);
        g_free (request);
}

static int
compare_oids (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
        return gsnmp_oid_compare (a, b);
}

static GSocket *
bind_loopback (GSocketFamily   family,
               guint16        *port,
               GError        **error)
{
        g_autoptr(GSocket) socket = NULL;
        g_autoptr(GInetAddress) loopback = NULL;
        g_autoptr(GSocketAddress) address = NULL;
        g_autoptr(GSocketAddress) local = NULL;

        socket = g_socket_new (family, G_SOCKET_TYPE_DATAGRAM,
                               G_SOCKET_PROTOCOL_UDP, error);
        if (socket == NULL)
                return NULL;
        g_socket_set_blocking (socket, FALSE);

        loopback = g_inet_address_new_loopback (family);
        address = g_inet_socket_address_new (loopback, 0);
        if (!g_socket_bind (socket, address, FALSE, error))
                return NULL;

        local = g_socket_get_local_address (socket, error);
        if (local == NULL)
                return NULL;
        if (port != NULL)
                *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));

        return g_steal_pointer (&socket);
}

static GSocketAddress *
agent_address (FakeAgent *agent)
{
        g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (agent->family);

        return g_inet_socket_address_new (loopback, agent->port);
}

static void
send_datagram (GSocket        *socket,
               GSocketAddress *to,
               const guint8   *data,
               gsize           length)
{
        g_autoptr(GError) error = NULL;

        if (g_socket_send_to (socket, to, (const char *) data, length, NULL, &error) < 0)
                g_debug ("fake agent: send failed: %s", error->message);
}

static void
send_bytes (GSocket        *socket,
            GSocketAddress *to,
            GBytes         *bytes)
{
        gsize length;
        const guint8 *data = g_bytes_get_data (bytes, &length);

        send_datagram (socket, to, data, length);
}

static void
copy_varbinds (GsnmpPdu *to,
               GsnmpPdu *from)
{
        guint n = gsnmp_pdu_get_n_varbinds (from);

        for (guint i = 0; i < n; i++)
                gsnmp_pdu_add_varbind (to, gsnmp_pdu_get_varbind (from, i));
}

/* The first MIB entry after @oid, or NULL at the end of the MIB. */
static GsnmpVarbind *
mib_next (FakeAgent *agent,
          GsnmpOid  *oid)
{
        GTreeNode *node = g_tree_upper_bound (agent->mib, oid);

        return node != NULL ? g_tree_node_value (node) : NULL;
}

static void
add_exception (GsnmpPdu       *pdu,
               GsnmpOid       *oid,
               GsnmpValueType  type)
{
        g_autoptr(GsnmpVarbind) varbind = gsnmp_varbind_new_exception (oid, type);

        gsnmp_pdu_add_varbind (pdu, varbind);
}

/* Builds the answer to @request, or NULL when there is none to give. */
static GsnmpPdu *
build_response (FakeAgent          *agent,
                const GsnmpMessage *request)
{
        GsnmpPdu *pdu = request->pdu;
        g_autoptr(GsnmpPdu) response = NULL;
        gboolean v1 = request->version == GSNMP_PROTOCOL_VERSION_V1;
        guint n = gsnmp_pdu_get_n_varbinds (pdu);

        switch (gsnmp_pdu_get_pdu_type (pdu)) {
        case GSNMP_PDU_TYPE_GET:
        case GSNMP_PDU_TYPE_GET_NEXT:
        case GSNMP_PDU_TYPE_GET_BULK:
        case GSNMP_PDU_TYPE_SET:
        case GSNMP_PDU_TYPE_INFORM:
                break;
        default:
                return NULL;
        }

        response = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        gsnmp_pdu_set_request_id (response, gsnmp_pdu_get_request_id (pdu));

        if (agent->error_status != 0) {
                gsnmp_pdu_set_error (response, agent->error_status, agent->error_index);
                copy_varbinds (response, pdu);
                return g_steal_pointer (&response);
        }

        switch (gsnmp_pdu_get_pdu_type (pdu)) {
        case GSNMP_PDU_TYPE_GET:
                for (guint i = 0; i < n; i++) {
                        GsnmpVarbind *asked = gsnmp_pdu_get_varbind (pdu, i);
                        GsnmpOid *oid = gsnmp_varbind_get_oid (asked);
                        GsnmpVarbind *found = g_tree_lookup (agent->mib, oid);

                        if (found != NULL) {
                                gsnmp_pdu_add_varbind (response, found);
                        } else if (v1) {
                                g_clear_pointer (&response, gsnmp_pdu_unref);
                                response = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
                                gsnmp_pdu_set_request_id (response, gsnmp_pdu_get_request_id (pdu));
                                gsnmp_pdu_set_error (response, GSNMP_PDU_ERROR_NO_SUCH_NAME, i + 1);
                                copy_varbinds (response, pdu);
                                break;
                        } else {
                                add_exception (response, oid, GSNMP_VALUE_TYPE_NO_SUCH_OBJECT);
                        }
                }
                break;

        case GSNMP_PDU_TYPE_GET_NEXT:
                for (guint i = 0; i < n; i++) {
                        GsnmpOid *oid = gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (pdu, i));
                        GsnmpVarbind *next = mib_next (agent, oid);

                        if (next != NULL) {
                                gsnmp_pdu_add_varbind (response, next);
                        } else if (v1) {
                                g_clear_pointer (&response, gsnmp_pdu_unref);
                                response = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
                                gsnmp_pdu_set_request_id (response, gsnmp_pdu_get_request_id (pdu));
                                gsnmp_pdu_set_error (response, GSNMP_PDU_ERROR_NO_SUCH_NAME, i + 1);
                                copy_varbinds (response, pdu);
                                break;
                        } else {
                                add_exception (response, oid, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
                        }
                }
                break;

        case GSNMP_PDU_TYPE_GET_BULK: {
                /* RFC 3416 §4.2.3 */
                guint non_repeaters = MIN (gsnmp_pdu_get_non_repeaters (pdu), n);
                guint max_repetitions = gsnmp_pdu_get_max_repetitions (pdu);
                guint n_repeaters = n - non_repeaters;
                g_autoptr(GPtrArray) last = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);

                for (guint i = 0; i < non_repeaters; i++) {
                        GsnmpOid *oid = gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (pdu, i));
                        GsnmpVarbind *next = mib_next (agent, oid);

                        if (next != NULL)
                                gsnmp_pdu_add_varbind (response, next);
                        else
                                add_exception (response, oid, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
                }
                for (guint i = non_repeaters; i < n; i++)
                        g_ptr_array_add (last, gsnmp_oid_ref (gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (pdu, i))));

                for (guint r = 0; r < max_repetitions && n_repeaters > 0; r++) {
                        gboolean all_end = TRUE;

                        for (guint j = 0; j < n_repeaters; j++) {
                                GsnmpOid *oid = g_ptr_array_index (last, j);
                                GsnmpVarbind *next = mib_next (agent, oid);

                                if (next != NULL) {
                                        gsnmp_pdu_add_varbind (response, next);
                                        g_ptr_array_index (last, j) = gsnmp_oid_ref (gsnmp_varbind_get_oid (next));
                                        gsnmp_oid_unref (oid);
                                        all_end = FALSE;
                                } else {
                                        add_exception (response, oid, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
                                }
                        }
                        if (all_end)
                                break;
                }
                break;
        }

        case GSNMP_PDU_TYPE_SET:
                for (guint i = 0; i < n; i++)
                        fake_agent_set_varbind (agent, gsnmp_pdu_get_varbind (pdu, i));
                copy_varbinds (response, pdu);
                break;

        case GSNMP_PDU_TYPE_INFORM:
                copy_varbinds (response, pdu);
                break;

        default:
                g_assert_not_reached ();
        }

        return g_steal_pointer (&response);
}

static GBytes *
encode_response (const GsnmpMessage *request,
                 GsnmpPdu           *response)
{
        g_autoptr(GError) error = NULL;
        GsnmpMessage message = { 0, };
        GBytes *bytes;

        message.version = request->version;
        message.community = request->community != NULL ? g_bytes_ref (request->community) : NULL;
        message.pdu = gsnmp_pdu_ref (response);

        bytes = gsnmp_message_encode (&message, 0, &error);
        g_assert_no_error (error);
        g_assert_nonnull (bytes);
        gsnmp_message_clear (&message);

        return bytes;
}

/* An answer the engine must never accept: genErr and "poison" values. */
static GBytes *
encode_poison_full (const GsnmpMessage   *request,
                    gint32                request_id,
                    GsnmpProtocolVersion  version,
                    const char           *community,
                    GsnmpPduType          type)
{
        g_autoptr(GsnmpPdu) poison = gsnmp_pdu_new (type);
        g_autoptr(GError) error = NULL;
        guint n = gsnmp_pdu_get_n_varbinds (request->pdu);
        GsnmpMessage message = { 0, };
        GBytes *bytes;

        gsnmp_pdu_set_request_id (poison, request_id);
        gsnmp_pdu_set_error (poison, FAKE_AGENT_POISON_STATUS, n > 0 ? 1 : 0);
        for (guint i = 0; i < n; i++) {
                GsnmpOid *oid = gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (request->pdu, i));
                g_autoptr(GsnmpVarbind) varbind = gsnmp_varbind_new_string (oid, FAKE_AGENT_POISON_STRING);

                gsnmp_pdu_add_varbind (poison, varbind);
        }

        message.version = version;
        message.community = g_bytes_new (community, strlen (community));
        message.pdu = gsnmp_pdu_ref (poison);
        bytes = gsnmp_message_encode (&message, 0, &error);
        g_assert_no_error (error);
        gsnmp_message_clear (&message);

        return bytes;
}

static GBytes *
encode_poison (const GsnmpMessage *request,
               gint32              request_id)
{
        g_autoptr(GsnmpPdu) poison = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        guint n = gsnmp_pdu_get_n_varbinds (request->pdu);

        gsnmp_pdu_set_request_id (poison, request_id);
        gsnmp_pdu_set_error (poison, FAKE_AGENT_POISON_STATUS, n > 0 ? 1 : 0);
        for (guint i = 0; i < n; i++) {
                GsnmpOid *oid = gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (request->pdu, i));
                g_autoptr(GsnmpVarbind) varbind = gsnmp_varbind_new_string (oid, FAKE_AGENT_POISON_STRING);

                gsnmp_pdu_add_varbind (poison, varbind);
        }

        return encode_response (request, poison);
}

static GSocket *
get_spoof_socket (FakeAgent *agent)
{
        if (agent->spoof_socket == NULL) {
                g_autoptr(GError) error = NULL;

                agent->spoof_socket = bind_loopback (agent->family, NULL, &error);
                g_assert_no_error (error);
        }

        return agent->spoof_socket;
}

/* 127.0.0.2 on the agent's own port: the same port, another address. */
static GSocket *
get_spoof_address_socket (FakeAgent *agent)
{
        if (agent->spoof_address_socket == NULL) {
                g_autoptr(GError) error = NULL;
                g_autoptr(GInetAddress) other = g_inet_address_new_from_string ("127.0.0.2");
                g_autoptr(GSocketAddress) address = g_inet_socket_address_new (other, agent->port);
                GSocket *socket;

                socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                       G_SOCKET_PROTOCOL_UDP, &error);
                g_assert_no_error (error);
                g_socket_bind (socket, address, FALSE, &error);
                g_assert_no_error (error);
                agent->spoof_address_socket = socket;
        }

        return agent->spoof_address_socket;
}

void
fake_agent_answer (FakeAgent              *agent,
                   const FakeAgentRequest *request)
{
        const GsnmpMessage *message = &request->message;
        g_autoptr(GsnmpPdu) response = NULL;
        gint32 request_id;
        gpointer key;

        g_assert_nonnull (message->pdu);
        request_id = gsnmp_pdu_get_request_id (message->pdu);
        key = GINT_TO_POINTER (request_id);

        response = build_response (agent, message);
        if (response == NULL)
                return;

        if (agent->spoof_first) {
                g_autoptr(GBytes) poison = encode_poison (message, request_id);

                send_bytes (get_spoof_socket (agent), request->from, poison);
        }

        if (agent->spoof_address_first && agent->family == G_SOCKET_FAMILY_IPV4) {
                g_autoptr(GBytes) poison = encode_poison (message, request_id);

                send_bytes (get_spoof_address_socket (agent), request->from, poison);
        }

        if (agent->wrong_community_first) {
                g_autoptr(GBytes) poison = encode_poison_full (message, request_id, message->version,
                                                               "wrong", GSNMP_PDU_TYPE_RESPONSE);

                send_bytes (agent->socket, request->from, poison);
        }

        if (agent->wrong_version_first) {
                GsnmpProtocolVersion other = message->version == GSNMP_PROTOCOL_VERSION_V1 ?
                        GSNMP_PROTOCOL_VERSION_V2C : GSNMP_PROTOCOL_VERSION_V1;
                g_autofree char *community = g_strndup (g_bytes_get_data (message->community, NULL),
                                                        g_bytes_get_size (message->community));
                g_autoptr(GBytes) poison = encode_poison_full (message, request_id, other,
                                                               community, GSNMP_PDU_TYPE_RESPONSE);

                send_bytes (agent->socket, request->from, poison);
        }

        if (agent->wrong_type_first) {
                g_autofree char *community = g_strndup (g_bytes_get_data (message->community, NULL),
                                                        g_bytes_get_size (message->community));
                g_autoptr(GBytes) get = encode_poison_full (message, request_id, message->version,
                                                            community, GSNMP_PDU_TYPE_GET);
                g_autoptr(GBytes) report = encode_poison_full (message, request_id, message->version,
                                                               community, GSNMP_PDU_TYPE_REPORT);

                send_bytes (agent->socket, request->from, get);
                send_bytes (agent->socket, request->from, report);
        }

        if (agent->wrong_id_first) {
                gint32 other_id = (gint32) ((guint32) request_id ^ 0x40000000u);
                g_autoptr(GBytes) poison = encode_poison (message, other_id);

                send_bytes (agent->socket, request->from, poison);
        }

        if (agent->garbage_first & FAKE_AGENT_GARBAGE_RANDOM) {
                static const guint8 not_ber[] = "this is not an SNMP message";
                static const guint8 bad_ber[] = { 0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01 };
                static const guint8 deep_ber[] = {
                        0x30, 0x0e, 0x30, 0x0c, 0x30, 0x0a, 0x30, 0x08,
                        0x30, 0x06, 0x30, 0x04, 0x30, 0x02, 0x30, 0x00,
                };

                send_datagram (agent->socket, request->from, not_ber, sizeof not_ber - 1);
                send_datagram (agent->socket, request->from, bad_ber, sizeof bad_ber);
                send_datagram (agent->socket, request->from, deep_ber, sizeof deep_ber);
        }

        if (agent->garbage_first & FAKE_AGENT_GARBAGE_EMPTY)
                send_datagram (agent->socket, request->from, (const guint8 *) "", 0);

        if (agent->garbage_first & (FAKE_AGENT_GARBAGE_TRUNCATED | FAKE_AGENT_GARBAGE_TRAILING)) {
                g_autoptr(GBytes) poison = encode_poison (message, request_id);
                gsize length;
                const guint8 *data = g_bytes_get_data (poison, &length);

                if (agent->garbage_first & FAKE_AGENT_GARBAGE_TRUNCATED) {
                        /* cut in the middle and one byte short */
                        send_datagram (agent->socket, request->from, data, length / 2);
                        send_datagram (agent->socket, request->from, data, length - 1);
                }
                if (agent->garbage_first & FAKE_AGENT_GARBAGE_TRAILING) {
                        g_autofree guint8 *longer = g_malloc (length + 3);

                        memcpy (longer, data, length);
                        longer[length] = 0x05;   /* a NULL after the message */
                        longer[length + 1] = 0x00;
                        longer[length + 2] = 0x00;
                        send_datagram (agent->socket, request->from, longer, length + 3);
                }
        }

        if (!agent->poison_only) {
                g_autoptr(GBytes) bytes = encode_response (message, response);
                guint n_answers = MAX (agent->n_answers, 1);

                for (guint i = 0; i < n_answers; i++)
                        send_bytes (agent->socket, request->from, bytes);
        }

        if (g_hash_table_remove (agent->unanswered, key))
                agent->n_answered++;
}

static void
update_outstanding (FakeAgent *agent)
{
        agent->max_outstanding = MAX (agent->max_outstanding,
                                      g_hash_table_size (agent->unanswered));
}

void
fake_agent_release (FakeAgent *agent)
{
        g_autoptr(GPtrArray) held = agent->held;

        agent->held = g_ptr_array_new ();
        for (guint i = 0; i < held->len; i++)
                fake_agent_answer (agent, g_ptr_array_index (held, i));
}

static gboolean
on_idle_answer (gpointer user_data)
{
        FakeAgent *agent = user_data;

        g_clear_pointer (&agent->idle, g_source_unref);
        fake_agent_release (agent);

        return G_SOURCE_REMOVE;
}

static void
handle_datagram (FakeAgent      *agent,
                 GSocketAddress *from,
                 const guint8   *data,
                 gsize           length)
{
        g_autoptr(GError) error = NULL;
        FakeAgentRequest *request;
        gpointer key;
        guint copies;

        if (length == strlen (SYNC_MARKER) && memcmp (data, SYNC_MARKER, length) == 0) {
                agent->sync_seen++;
                return;
        }

        request = g_new0 (FakeAgentRequest, 1);
        request->datagram = g_bytes_new (data, length);
        request->from = g_object_ref (from);
        g_ptr_array_add (agent->requests, request);

        if (!gsnmp_message_decode (data, length, &request->message, &error)) {
                g_debug ("fake agent: undecodable request: %s", error->message);
                return;
        }
        if (request->message.pdu == NULL)
                return;

        key = GINT_TO_POINTER (gsnmp_pdu_get_request_id (request->message.pdu));
        copies = GPOINTER_TO_UINT (g_hash_table_lookup (agent->copies, key)) + 1;
        g_hash_table_insert (agent->copies, key, GUINT_TO_POINTER (copies));
        request->copy = copies;
        if (copies == 1) {
                g_hash_table_add (agent->unanswered, key);
                update_outstanding (agent);
        }

        if (agent->hook != NULL && agent->hook (agent, request, agent->hook_data))
                return;
        if (agent->black_hole)
                return;
        if (copies <= agent->drop_first)
                return;

        if (agent->hold || agent->answer_in_idle) {
                g_ptr_array_add (agent->held, request);
                if (agent->answer_in_idle && !agent->hold && agent->idle == NULL) {
                        agent->idle = g_idle_source_new ();
                        g_source_set_priority (agent->idle, G_PRIORITY_LOW);
                        g_source_set_callback (agent->idle, on_idle_answer, agent, NULL);
                        g_source_attach (agent->idle, agent->context);
                }
                return;
        }

        fake_agent_answer (agent, request);
}

static gboolean
on_readable (GSocket      *socket,
             GIOCondition  condition,
             gpointer      user_data)
{
        FakeAgent *agent = user_data;
        g_autofree guint8 *buffer = g_malloc (65536);

        /* Drain the socket: a burst must not wait for more iterations. */
        for (;;) {
                g_autoptr(GError) error = NULL;
                g_autoptr(GSocketAddress) from = NULL;
                gssize n;

                n = g_socket_receive_from (socket, &from, (char *) buffer, 65536, NULL, &error);
                if (n < 0) {
                        if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
                                g_debug ("fake agent: receive failed: %s", error->message);
                        break;
                }
                handle_datagram (agent, from, buffer, n);
        }

        return G_SOURCE_CONTINUE;
}

FakeAgent *
fake_agent_new (GSocketFamily   family,
                GError        **error)
{
        FakeAgent *agent;
        GSocket *socket;
        guint16 port = 0;

        socket = bind_loopback (family, &port, error);
        if (socket == NULL)
                return NULL;

        /* A burst of thousands of requests must not overflow the agent
         * (the kernel caps this at net.core.rmem_max). */
        g_socket_set_option (socket, SOL_SOCKET, SO_RCVBUF, RECEIVE_BUFFER_SIZE, NULL);
        g_socket_set_option (socket, SOL_SOCKET, SO_SNDBUF, RECEIVE_BUFFER_SIZE, NULL);

        agent = g_new0 (FakeAgent, 1);
        agent->family = family;
        agent->socket = socket;
        agent->port = port;
        agent->context = g_main_context_ref_thread_default ();
        agent->requests = g_ptr_array_new_with_free_func (request_free);
        agent->held = g_ptr_array_new ();
        agent->mib = g_tree_new_full (compare_oids, NULL,
                                      (GDestroyNotify) gsnmp_oid_unref,
                                      (GDestroyNotify) gsnmp_varbind_unref);
        agent->copies = g_hash_table_new (NULL, NULL);
        agent->unanswered = g_hash_table_new (NULL, NULL);

        agent->source = g_socket_create_source (socket, G_IO_IN, NULL);
        g_source_set_callback (agent->source, (GSourceFunc) G_CALLBACK (on_readable), agent, NULL);
        g_source_attach (agent->source, agent->context);

        return agent;
}

void
fake_agent_free (FakeAgent *agent)
{
        if (agent == NULL)
                return;

        if (agent->idle != NULL) {
                g_source_destroy (agent->idle);
                g_source_unref (agent->idle);
        }
        g_source_destroy (agent->source);
        g_source_unref (agent->source);
        g_socket_close (agent->socket, NULL);
        g_object_unref (agent->socket);
        if (agent->spoof_socket != NULL) {
                g_socket_close (agent->spoof_socket, NULL);
                g_object_unref (agent->spoof_socket);
        }
        if (agent->spoof_address_socket != NULL) {
                g_socket_close (agent->spoof_address_socket, NULL);
                g_object_unref (agent->spoof_address_socket);
        }
        if (agent->sync_socket != NULL) {
                g_socket_close (agent->sync_socket, NULL);
                g_object_unref (agent->sync_socket);
        }
        g_ptr_array_unref (agent->held);
        g_ptr_array_unref (agent->requests);
        g_tree_unref (agent->mib);
        g_hash_table_unref (agent->copies);
        g_hash_table_unref (agent->unanswered);
        g_main_context_unref (agent->context);
        g_free (agent);
}

guint16
fake_agent_get_port (FakeAgent *agent)
{
        return agent->port;
}

char *
fake_agent_get_address (FakeAgent *agent)
{
        if (agent->family == G_SOCKET_FAMILY_IPV6)
                return g_strdup_printf ("[::1]:%u", agent->port);
        return g_strdup_printf ("127.0.0.1:%u", agent->port);
}

GsnmpTarget *
fake_agent_new_target (FakeAgent            *agent,
                       GsnmpProtocolVersion  version,
                       const char           *community)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpCommunity) credentials = NULL;
        g_autofree char *address = fake_agent_get_address (agent);
        GsnmpTarget *target;

        credentials = gsnmp_community_new (version, community);
        target = gsnmp_target_new (address, GSNMP_CREDENTIALS (credentials), &error);
        g_assert_no_error (error);
        g_assert_nonnull (target);
        gsnmp_target_set_timeout (target, TEST_LONG_TIMEOUT_MS);
        gsnmp_target_set_retries (target, 2);

        return target;
}

void
fake_agent_set_varbind (FakeAgent    *agent,
                        GsnmpVarbind *varbind)
{
        GsnmpOid *oid = gsnmp_varbind_get_oid (varbind);

        g_tree_replace (agent->mib, gsnmp_oid_ref (oid), gsnmp_varbind_ref (varbind));
}

void
fake_agent_set_integer (FakeAgent  *agent,
                        const char *oid_str,
                        gint32      value)
{
        g_autoptr(GsnmpOid) oid = test_oid (oid_str);
        g_autoptr(GsnmpVarbind) varbind = gsnmp_varbind_new_integer (oid, value);

        fake_agent_set_varbind (agent, varbind);
}

void
fake_agent_set_string (FakeAgent  *agent,
                       const char *oid_str,
                       const char *value)
{
        g_autoptr(GsnmpOid) oid = test_oid (oid_str);
        g_autoptr(GsnmpVarbind) varbind = gsnmp_varbind_new_string (oid, value);

        fake_agent_set_varbind (agent, varbind);
}

GsnmpVarbind *
fake_agent_lookup (FakeAgent  *agent,
                   const char *oid_str)
{
        g_autoptr(GsnmpOid) oid = test_oid (oid_str);

        return g_tree_lookup (agent->mib, oid);
}

/* sysDescr.0, sysObjectID.0, sysUpTime.0, sysContact.0, sysName.0,
 * sysLocation.0, sysServices.0 and ifNumber.0 */
void
fake_agent_add_system_group (FakeAgent *agent)
{
        g_autoptr(GsnmpOid) sys_object_id = test_oid ("1.3.6.1.4.1.8072.3.2.10");
        g_autoptr(GsnmpOid) oid2 = test_oid ("1.3.6.1.2.1.1.2.0");
        g_autoptr(GsnmpOid) oid3 = test_oid ("1.3.6.1.2.1.1.3.0");
        g_autoptr(GsnmpVarbind) vb2 = gsnmp_varbind_new_oid (oid2, sys_object_id);
        g_autoptr(GsnmpVarbind) vb3 = gsnmp_varbind_new_timeticks (oid3, 123456);

        fake_agent_set_string (agent, "1.3.6.1.2.1.1.1.0", "gsnmp fake agent");
        fake_agent_set_varbind (agent, vb2);
        fake_agent_set_varbind (agent, vb3);
        fake_agent_set_string (agent, "1.3.6.1.2.1.1.4.0", "root@localhost");
        fake_agent_set_string (agent, "1.3.6.1.2.1.1.5.0", "fake");
        fake_agent_set_string (agent, "1.3.6.1.2.1.1.6.0", "test suite");
        fake_agent_set_integer (agent, "1.3.6.1.2.1.1.7.0", 72);
        fake_agent_set_integer (agent, "1.3.6.1.2.1.2.1.0", 2);
}

guint
fake_agent_get_n_requests (FakeAgent *agent)
{
        return agent->requests->len;
}

guint
fake_agent_get_n_outstanding (FakeAgent *agent)
{
        return g_hash_table_size (agent->unanswered);
}

FakeAgentRequest *
fake_agent_get_request (FakeAgent *agent,
                        guint      index)
{
        g_assert_cmpuint (index, <, agent->requests->len);

        return g_ptr_array_index (agent->requests, index);
}

void
fake_agent_sync (FakeAgent *agent)
{
        g_autoptr(GSocketAddress) to = agent_address (agent);

        if (agent->sync_socket == NULL) {
                g_autoptr(GError) error = NULL;

                agent->sync_socket = bind_loopback (agent->family, NULL, &error);
                g_assert_no_error (error);
        }

        agent->sync_sent++;
        send_datagram (agent->sync_socket, to, (const guint8 *) SYNC_MARKER, strlen (SYNC_MARKER));
        test_run_until_count (&agent->sync_seen, agent->sync_sent);
}

/* ---------------------------------------------------------------------- */
/* The fixture                                                             */

void
test_fixture_setup (TestFixture   *fixture,
                    gconstpointer  data)
{
        const TestFixtureConfig *config = data;
        GSocketFamily family = G_SOCKET_FAMILY_IPV4;
        GsnmpProtocolVersion version = GSNMP_PROTOCOL_VERSION_V2C;
        g_autoptr(GError) error = NULL;

        if (config != NULL) {
                if (config->family != G_SOCKET_FAMILY_INVALID)
                        family = config->family;
                version = config->version;
        }

        fixture->agent = fake_agent_new (family, &error);
        if (fixture->agent == NULL) {
                g_assert_cmpint (family, ==, G_SOCKET_FAMILY_IPV6);
                g_test_message ("cannot bind [::1]:0: %s", error->message);
                g_test_skip ("no ::1");
                return;
        }
        fake_agent_add_system_group (fixture->agent);

        fixture->engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        g_assert_nonnull (fixture->engine);

        fixture->target = fake_agent_new_target (fixture->agent, version, "public");
}

void
test_fixture_teardown (TestFixture   *fixture,
                       gconstpointer  data)
{
        if (fixture->engine != NULL) {
                GsnmpEngine *engine = fixture->engine;

                g_assert_cmpuint (gsnmp_engine_get_n_pending (engine), ==, 0);

                /* Let completed tasks and their idles go before checking
                 * that nothing else holds the engine. */
                while (g_main_context_iteration (NULL, FALSE))
                        ;

                g_object_add_weak_pointer (G_OBJECT (engine), (gpointer *) &fixture->engine);
                g_object_unref (engine);
                if (fixture->engine != NULL)
                        g_test_message ("the engine was not finalized: something still holds a reference");
                g_assert_null (fixture->engine);
        }
        g_clear_object (&fixture->target);
        g_clear_pointer (&fixture->agent, fake_agent_free);
}
