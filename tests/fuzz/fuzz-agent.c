/* fuzz-agent.c - libFuzzer target for the agent's request path
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One agent (demo store with a writable scalar and a creatable column, the
 * built-in groups, community "public" read-only and "private" read-write,
 * an authPriv SHA/AES user) takes each input as a datagram from
 * 127.0.0.1 and answers it through the whole receive path: message
 * decoding, the community check or the authoritative USM, views,
 * processing, the respond helper. Answers go to the discard port.
 *
 * The first byte chooses how the rest is used:
 *   even: the datagram as it is (SNMPv1, SNMPv2c, SNMPv3 discovery, reports,
 *         garbage);
 *   odd:  a PDU, sent as an authenticated and encrypted SNMPv3 message of
 *         the user with the agent's current boots and time, so that fuzzing
 *         reaches processing behind USM (bit 1 picks authNoPriv).
 * Criticals and warnings abort.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=enabled
 *   ./build-fuzz/tests/fuzz/fuzz-agent -max_total_time=60 /tmp/corpus \
 *           tests/fuzz/corpus/agent
 */
#include "config.h"

#include "gsnmp-agent.h"
#include "gsnmp-agent-private.h"
#include "gsnmp-engine-private.h"
#include "gsnmp-message-private.h"
#include "gsnmp-store-provider.h"
#include "gsnmp-transport-private.h"
#include "gsnmp-usm-private.h"

#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GsnmpEngine *engine;
static GsnmpAgent *agent;
static GsnmpTransport *transport;
static GsnmpUsmUser *user;
static GsnmpUsmKey *auth_key;
static GsnmpUsmKey *priv_key;
static struct sockaddr_in from;

static void
on_datagram (GsnmpTransport        *t,
             const struct sockaddr *addr,
             socklen_t              len,
             const guint8          *data,
             gsize                  length,
             gboolean               truncated,
             gpointer               owner)
{
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
        static const guint32 root_ids[] = { 1, 3, 6, 1, 4, 1, 99999 };
        static const guint32 scalar_ids[] = { 1, 3, 6, 1, 4, 1, 99999, 1, 0 };
        static const guint32 column_ids[] = { 1, 3, 6, 1, 4, 1, 99999, 2, 1, 2 };
        g_autoptr(GsnmpOid) root = gsnmp_oid_new (root_ids, G_N_ELEMENTS (root_ids));
        g_autoptr(GsnmpOid) scalar = gsnmp_oid_new (scalar_ids, G_N_ELEMENTS (scalar_ids));
        g_autoptr(GsnmpOid) column = gsnmp_oid_new (column_ids, G_N_ELEMENTS (column_ids));
        g_autoptr(GsnmpStoreProvider) store = gsnmp_store_provider_new (root);
        g_autoptr(GsnmpView) all = gsnmp_view_new_all ();
        g_autoptr(GsnmpUsmKeyCache) keys = gsnmp_usm_key_cache_new ();
        g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
        g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
        g_autoptr(GsnmpVarbind) v = NULL;
        GBytes *id;

        g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

        engine = gsnmp_engine_new (NULL);
        agent = gsnmp_agent_new (engine);
        gsnmp_agent_set_provider_timeout (agent, 1);
        v = gsnmp_varbind_new_integer (scalar, 1);
        gsnmp_store_provider_set (store, v);
        for (guint32 i = 1; i <= 20; i++) {
                g_autoptr(GsnmpOid) oid = gsnmp_oid_new_child (column, &i, 1);
                g_autoptr(GsnmpVarbind) row = gsnmp_varbind_new_string (oid, "row");

                gsnmp_store_provider_set (store, row);
        }
        gsnmp_store_provider_set_writable (store, scalar, GSNMP_VALUE_TYPE_INTEGER, FALSE);
        gsnmp_store_provider_set_writable (store, column, GSNMP_VALUE_TYPE_OCTET_STRING, TRUE);
        gsnmp_agent_register_provider (agent, NULL, GSNMP_PROVIDER (store), NULL);
        gsnmp_agent_add_community (agent, "public", NULL, NULL, NULL);
        gsnmp_agent_add_community (agent, "private", NULL, NULL, all);
        user = gsnmp_usm_user_new ("fuzz", GSNMP_AUTH_PROTOCOL_SHA, "fuzzpassword",
                                   GSNMP_PRIV_PROTOCOL_AES, "fuzzprivacy", NULL);
        gsnmp_agent_add_user (agent, user, NULL, all);

        id = gsnmp_engine_get_engine_id (engine);
        auth_key = gsnmp_usm_key_cache_get_auth_key (keys, user, g_bytes_get_data (id, NULL),
                                                     g_bytes_get_size (id), NULL);
        priv_key = gsnmp_usm_key_cache_get_priv_key (keys, user, g_bytes_get_data (id, NULL),
                                                     g_bytes_get_size (id), NULL);

        transport = gsnmp_transport_new (any, gsnmp_engine_get_context (engine), "fuzz",
                                         on_datagram, agent, NULL);
        if (transport == NULL || auth_key == NULL || priv_key == NULL)
                abort ();

        from.sin_family = AF_INET;
        from.sin_port = htons (9);   /* discard */
        from.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
        return 0;
}

/* Wraps the PDU in @data into a valid SNMPv3 message of the user. */
static GBytes *
wrap_v3 (const uint8_t *data,
         size_t         size,
         gboolean       priv)
{
        GsnmpBerReader r;
        GsnmpPdu *pdu = NULL;
        GsnmpMessageV3 msg = { 0, };
        GError *error = NULL;
        GBytes *out;

        gsnmp_ber_reader_init (&r, data, size);
        if (!gsnmp_message_read_pdu (&r, GSNMP_PROTOCOL_VERSION_V3, &pdu, &error)) {
                g_clear_error (&error);
                return NULL;
        }

        msg.msg_id = 1;
        msg.msg_max_size = 65507;
        msg.msg_flags = GSNMP_V3_FLAG_AUTH | GSNMP_V3_FLAG_REPORTABLE | (priv ? GSNMP_V3_FLAG_PRIV : 0);
        msg.security_model = GSNMP_V3_SECURITY_MODEL_USM;
        msg.engine_id = gsnmp_engine_get_engine_id (engine);
        msg.engine_boots = gsnmp_engine_get_engine_boots (engine);
        msg.engine_time = gsnmp_engine_get_engine_time (engine);
        msg.user_name = g_bytes_new_static ("fuzz", 4);
        msg.context_engine_id = msg.engine_id;
        msg.context_name = g_bytes_new_static ("", 0);
        msg.pdu = pdu;
        out = gsnmp_message_v3_encode (&msg, auth_key, priv ? priv_key : NULL, 0, &error);
        g_clear_error (&error);
        g_bytes_unref (msg.user_name);
        g_bytes_unref (msg.context_name);
        gsnmp_pdu_unref (pdu);
        return out;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
        GBytes *wrapped = NULL;

        if (size < 1)
                return 0;

        if (data[0] & 1) {
                wrapped = wrap_v3 (data + 1, size - 1, !(data[0] & 2));
                if (wrapped == NULL)
                        return 0;
                gsnmp_agent_receive (agent, transport, (struct sockaddr *) &from, sizeof (from),
                                     g_bytes_get_data (wrapped, NULL), g_bytes_get_size (wrapped));
                g_bytes_unref (wrapped);
        } else {
                gsnmp_agent_receive (agent, transport, (struct sockaddr *) &from, sizeof (from),
                                     data + 1, size - 1);
        }

        /* whatever is still processing (nothing, with these providers) */
        while (g_main_context_iteration (gsnmp_engine_get_context (engine), FALSE))
                ;
        if (gsnmp_agent_get_n_processing (agent) != 0)
                abort ();
        return 0;
}
