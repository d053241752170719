/* gsnmp-respond.c - Responses and Reports under the request's security
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-respond-private.h"
#include "gsnmp-error.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-varbind-private.h"

/* Encodes @pdu as the answer to a message with @security. */
static GBytes *
encode_answer (GsnmpLocalEngine           *local,
               const GsnmpRespondSecurity *security,
               GsnmpPdu                   *pdu,
               GError                    **error)
{
        const GsnmpMessageV3 *request = security->v3;
        GsnmpMessageV3 msg = { 0, };

        if (security->version != GSNMP_PROTOCOL_VERSION_V3) {
                GsnmpMessage community_msg = { security->version, security->community, pdu };

                return gsnmp_message_encode (&community_msg, GSNMP_MAX_DATAGRAM_SIZE, error);
        }

        msg.msg_id = request->msg_id;
        msg.msg_max_size = GSNMP_MAX_DATAGRAM_SIZE;
        msg.msg_flags = request->msg_flags & (GSNMP_V3_FLAG_AUTH | GSNMP_V3_FLAG_PRIV);
        msg.security_model = GSNMP_V3_SECURITY_MODEL_USM;
        msg.engine_id = gsnmp_local_engine_get_id (local);
        msg.engine_boots = gsnmp_local_engine_get_boots (local);
        msg.engine_time = gsnmp_local_engine_get_time (local);
        msg.user_name = request->user_name;
        msg.context_engine_id = request->context_engine_id;
        msg.context_name = request->context_name;
        msg.pdu = pdu;

        return gsnmp_message_v3_encode (&msg, security->auth_key, security->priv_key,
                                        MIN ((gsize) MAX (request->msg_max_size,
                                                          GSNMP_V3_MIN_MAX_SIZE),
                                             GSNMP_MAX_DATAGRAM_SIZE),
                                        error);
}

static gboolean
send_datagram (GsnmpTransport        *transport,
               const struct sockaddr *to,
               socklen_t              to_len,
               GBytes                *datagram)
{
        g_autoptr(GError) error = NULL;
        gsize len;
        const guint8 *data = g_bytes_get_data (datagram, &len);

        if (!gsnmp_transport_send (transport, to, to_len, data, len, &error)) {
                g_debug ("could not send %" G_GSIZE_FORMAT " bytes: %s", len, error->message);
                return FALSE;
        }
        return TRUE;
}

gboolean
gsnmp_respond (GsnmpTransport             *transport,
               const struct sockaddr      *to,
               socklen_t                   to_len,
               GsnmpLocalEngine           *local,
               const GsnmpRespondSecurity *security,
               GsnmpPdu                   *response)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) datagram = NULL;

        datagram = encode_answer (local, security, response, &error);
        if (datagram == NULL && g_error_matches (error, GSNMP_ERROR, GSNMP_ERROR_MESSAGE_TOO_BIG)) {
                /* RFC 3416 §4.2.1: tooBig, without variable bindings */
                g_autoptr(GsnmpPdu) too_big = gsnmp_pdu_new (gsnmp_pdu_get_pdu_type (response));

                gsnmp_pdu_set_request_id (too_big, gsnmp_pdu_get_request_id (response));
                gsnmp_pdu_set_error (too_big, GSNMP_PDU_ERROR_TOO_BIG, 0);
                g_clear_error (&error);
                datagram = encode_answer (local, security, too_big, &error);
        }
        if (datagram == NULL) {
                g_debug ("could not encode a response: %s", error->message);
                return FALSE;
        }
        return send_datagram (transport, to, to_len, datagram);
}

gboolean
gsnmp_respond_report (GsnmpTransport        *transport,
                      const struct sockaddr *to,
                      socklen_t              to_len,
                      GsnmpLocalEngine      *local,
                      const GsnmpMessageV3  *request,
                      GsnmpUsmStatus         status,
                      GsnmpUsmKey           *auth_key)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) report = NULL;
        g_autoptr(GBytes) empty = NULL;
        g_autoptr(GBytes) datagram = NULL;
        GsnmpMessageV3 msg = { 0, };
        guint64 value;

        if (!(request->msg_flags & GSNMP_V3_FLAG_REPORTABLE))
                return FALSE;
        /* Never answer a report, response or trap (RFC 3412 §7.1 step 3) */
        if (request->pdu != NULL &&
            (request->pdu->type == GSNMP_PDU_TYPE_REPORT ||
             request->pdu->type == GSNMP_PDU_TYPE_RESPONSE ||
             request->pdu->type == GSNMP_PDU_TYPE_TRAP))
                return FALSE;

        value = gsnmp_local_engine_get_counter (local, gsnmp_usm_status_counter (status));
        report = gsnmp_pdu_new (GSNMP_PDU_TYPE_REPORT);
        gsnmp_pdu_set_request_id (report, request->pdu ? request->pdu->request_id : 0);
        gsnmp_pdu_take_varbind (report, gsnmp_varbind_new_take (gsnmp_usm_status_report_oid (status),
                                                                GSNMP_VALUE_TYPE_COUNTER32,
                                                                (guint32) value));

        empty = g_bytes_new_static ("", 0);
        msg.msg_id = request->msg_id;
        msg.msg_max_size = GSNMP_MAX_DATAGRAM_SIZE;
        msg.msg_flags = auth_key != NULL ? GSNMP_V3_FLAG_AUTH : 0;
        msg.security_model = GSNMP_V3_SECURITY_MODEL_USM;
        msg.engine_id = gsnmp_local_engine_get_id (local);
        msg.engine_boots = gsnmp_local_engine_get_boots (local);
        msg.engine_time = gsnmp_local_engine_get_time (local);
        msg.user_name = request->user_name ? request->user_name : empty;
        msg.context_engine_id = gsnmp_local_engine_get_id (local);
        msg.context_name = empty;
        msg.pdu = report;

        datagram = gsnmp_message_v3_encode (&msg, auth_key, NULL, GSNMP_MAX_DATAGRAM_SIZE, &error);
        if (datagram == NULL) {
                g_debug ("could not encode a report: %s", error->message);
                return FALSE;
        }
        return send_datagram (transport, to, to_len, datagram);
}
