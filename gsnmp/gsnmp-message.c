/* gsnmp-message.c - SNMP message encoding and decoding
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-message-private.h"
#include "gsnmp-ber-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-varbind-private.h"

#include <gio/gio.h>
#include <string.h>

/* SNMPv1 (RFC 1157 §4) and SNMPv2c (RFC 1901 §3) messages:
 *
 *   Message ::= SEQUENCE { version INTEGER, community OCTET STRING, data PDUs }
 *
 * with the PDUs of RFC 3416 §3 and, for SNMPv1 only, the Trap-PDU of
 * RFC 1157 §4.1.6.
 *
 * Decoding is strict about structure (every length checked, nothing after
 * the message, no SNMPv2 PDU types or values in SNMPv1, no SNMPv1 Trap-PDU
 * in SNMPv2c) and lenient about values that agents in the field get
 * slightly wrong and that do no harm:
 *  - non-minimal lengths and integers are accepted (X.690 allows them);
 *  - error-index is not checked against the number of varbinds (agents put
 *    odd values there with tooBig and genErr); users of a PDU must
 *    bounds-check it before indexing the varbinds;
 *  - negative non-repeaters and max-repetitions of a GetBulkRequest are
 *    read as 0, as RFC 3416 §4.2.3 says a receiver does;
 *  - generic-trap and specific-trap are any INTEGER, kept as the 32-bit
 *    two's-complement pattern in the guint32 fields.
 * error-status must be 0..18 and error-index non-negative. */

/***************************************************************************/
/* Decoding */

/* Whether @type is a PDU that a message of @version may carry. */
static gboolean
pdu_type_allowed (GsnmpProtocolVersion version,
                  guint8               type)
{
        switch (type) {
        case GSNMP_PDU_TYPE_GET:
        case GSNMP_PDU_TYPE_GET_NEXT:
        case GSNMP_PDU_TYPE_RESPONSE:
        case GSNMP_PDU_TYPE_SET:
                return TRUE;
        case GSNMP_PDU_TYPE_TRAP_V1:
                return version == GSNMP_PROTOCOL_VERSION_V1;
        case GSNMP_PDU_TYPE_GET_BULK:
        case GSNMP_PDU_TYPE_INFORM:
        case GSNMP_PDU_TYPE_TRAP:
        case GSNMP_PDU_TYPE_REPORT:
                return version != GSNMP_PROTOCOL_VERSION_V1;
        default:
                return FALSE;
        }
}

/* Reads one VarBind (RFC 3416 §3: SEQUENCE { name, value }). */
static gboolean
read_varbind (GsnmpBerReader       *r,
              GsnmpProtocolVersion  version,
              GsnmpVarbind        **out,
              GError              **error)
{
        guint32 name[GSNMP_BER_MAX_OID_LENGTH];
        gsize n_name;
        guint8 tag;
        const guint8 *content;
        gsize length;
        GsnmpOid *oid;

        if (!gsnmp_ber_enter (r, GSNMP_BER_TAG_SEQUENCE, error) ||
            !gsnmp_ber_read_oid (r, name, &n_name, error) ||
            !gsnmp_ber_read_tlv (r, &tag, &content, &length, error) ||
            !gsnmp_ber_leave (r, error))
                return FALSE;

        /* Check the value completely before allocating anything. */
        switch (tag) {
        case GSNMP_BER_TAG_INTEGER: {
                gint32 v;

                if (!gsnmp_ber_decode_integer (content, length, &v, error))
                        return FALSE;
                oid = gsnmp_oid_new (name, n_name);
                *out = gsnmp_varbind_new_take (oid, GSNMP_VALUE_TYPE_INTEGER, (guint64) (gint64) v);
                return TRUE;
        }
        case GSNMP_BER_TAG_COUNTER32:
        case GSNMP_BER_TAG_GAUGE32:
        case GSNMP_BER_TAG_TIMETICKS: {
                guint32 v;

                if (!gsnmp_ber_decode_unsigned (content, length, &v, error))
                        return FALSE;
                oid = gsnmp_oid_new (name, n_name);
                *out = gsnmp_varbind_new_take (oid, (GsnmpValueType) tag, v);
                return TRUE;
        }
        case GSNMP_BER_TAG_COUNTER64: {
                guint64 v;

                if (version == GSNMP_PROTOCOL_VERSION_V1)
                        return gsnmp_ber_set_malformed (error, _("Counter64 value in an SNMPv1 message"));
                if (!gsnmp_ber_decode_counter64 (content, length, &v, error))
                        return FALSE;
                oid = gsnmp_oid_new (name, n_name);
                *out = gsnmp_varbind_new_take (oid, GSNMP_VALUE_TYPE_COUNTER64, v);
                return TRUE;
        }
        case GSNMP_BER_TAG_OCTET_STRING:
        case GSNMP_BER_TAG_OPAQUE:
                oid = gsnmp_oid_new (name, n_name);
                *out = gsnmp_varbind_new_take_octets (oid, (GsnmpValueType) tag, content, length);
                return TRUE;
        case GSNMP_BER_TAG_IP_ADDRESS:
                if (length != 4)
                        return gsnmp_ber_set_malformed (error, _("BER IpAddress of %u bytes instead of 4"),
                                              (guint) length);
                oid = gsnmp_oid_new (name, n_name);
                *out = gsnmp_varbind_new_take_octets (oid, GSNMP_VALUE_TYPE_IP_ADDRESS, content, 4);
                return TRUE;
        case GSNMP_BER_TAG_NO_SUCH_OBJECT:
        case GSNMP_BER_TAG_NO_SUCH_INSTANCE:
        case GSNMP_BER_TAG_END_OF_MIB_VIEW:
                if (version == GSNMP_PROTOCOL_VERSION_V1)
                        return gsnmp_ber_set_malformed (error, _("Exception value in an SNMPv1 message"));
                G_GNUC_FALLTHROUGH;
        case GSNMP_BER_TAG_NULL:
                if (length != 0)
                        return gsnmp_ber_set_malformed (error, _("BER NULL value with content"));
                oid = gsnmp_oid_new (name, n_name);
                *out = gsnmp_varbind_new_take (oid, (GsnmpValueType) tag, 0);
                return TRUE;
        case GSNMP_BER_TAG_OBJECT_ID: {
                guint32 value[GSNMP_BER_MAX_OID_LENGTH];
                gsize n_value;

                if (!gsnmp_ber_decode_oid (content, length, value, &n_value, error))
                        return FALSE;
                oid = gsnmp_oid_new (name, n_name);
                *out = gsnmp_varbind_new_take_oid (oid, gsnmp_oid_new (value, n_value));
                return TRUE;
        }
        default:
                return gsnmp_ber_set_malformed (error, _("Unknown value type 0x%02x"), tag);
        }
}

/* Reads the fields of an SNMPv1 Trap-PDU (RFC 1157 §4.1.6) after its tag. */
static gboolean
read_trap_v1_header (GsnmpBerReader *r,
                     GsnmpPdu       *pdu,
                     GError        **error)
{
        guint32 ids[GSNMP_BER_MAX_OID_LENGTH];
        gsize n_ids;
        gint32 generic, specific;

        if (!gsnmp_ber_read_oid (r, ids, &n_ids, error) ||
            !gsnmp_ber_read_ip_address (r, pdu->agent_addr, error) ||
            !gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &generic, error) ||
            !gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &specific, error) ||
            !gsnmp_ber_read_unsigned (r, GSNMP_BER_TAG_TIMETICKS, &pdu->time_stamp, error))
                return FALSE;

        pdu->enterprise = gsnmp_oid_new (ids, n_ids);
        pdu->generic_trap = (guint32) generic;
        pdu->specific_trap = (guint32) specific;
        return TRUE;
}

/* Reads request-id, error-status and error-index (or non-repeaters and
 * max-repetitions) of every other PDU (RFC 3416 §3). */
static gboolean
read_pdu_header (GsnmpBerReader *r,
                 GsnmpPdu       *pdu,
                 GError        **error)
{
        gint32 request_id, status, index;

        if (!gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &request_id, error) ||
            !gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &status, error) ||
            !gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &index, error))
                return FALSE;

        pdu->request_id = request_id;
        if (pdu->type == GSNMP_PDU_TYPE_GET_BULK) {
                /* RFC 3416 §4.2.3: negative values count as 0. */
                pdu->error_status = (guint32) MAX (status, 0);
                pdu->error_index = (guint32) MAX (index, 0);
        } else {
                if (status < 0 || status > GSNMP_PDU_ERROR_INCONSISTENT_NAME)
                        return gsnmp_ber_set_malformed (error, _("Invalid error-status %d"), status);
                if (index < 0)
                        return gsnmp_ber_set_malformed (error, _("Invalid error-index %d"), index);
                pdu->error_status = (guint32) status;
                pdu->error_index = (guint32) index;
        }
        return TRUE;
}

/* Reads one PDU (RFC 3416 §3, RFC 1157 §4.1) of a @version message. */
gboolean
gsnmp_message_read_pdu (GsnmpBerReader        *r,
                        GsnmpProtocolVersion   version,
                        GsnmpPdu             **out,
                        GError               **error)
{
        GsnmpPdu *pdu;
        guint8 tag;
        gboolean ok;

        if (!gsnmp_ber_enter_constructed (r, &tag, error))
                return FALSE;
        if (!pdu_type_allowed (version, tag)) {
                if (tag >= GSNMP_PDU_TYPE_GET && tag <= GSNMP_PDU_TYPE_REPORT)
                        return gsnmp_ber_set_malformed (error, _("PDU type 0x%02x is not allowed in an SNMP%s message"),
                                              tag, version == GSNMP_PROTOCOL_VERSION_V1 ? "v1" :
                                              version == GSNMP_PROTOCOL_VERSION_V2C ? "v2c" : "v3");
                return gsnmp_ber_set_malformed (error, _("Unknown PDU type 0x%02x"), tag);
        }

        pdu = gsnmp_pdu_new ((GsnmpPduType) tag);

        if (tag == GSNMP_PDU_TYPE_TRAP_V1)
                ok = read_trap_v1_header (r, pdu, error);
        else
                ok = read_pdu_header (r, pdu, error);

        ok = ok && gsnmp_ber_enter (r, GSNMP_BER_TAG_SEQUENCE, error);
        while (ok && !gsnmp_ber_reader_at_end (r)) {
                GsnmpVarbind *vb;

                ok = read_varbind (r, version, &vb, error);
                if (ok)
                        gsnmp_pdu_take_varbind (pdu, vb);
        }
        ok = ok && gsnmp_ber_leave (r, error) && gsnmp_ber_leave (r, error);

        if (!ok) {
                gsnmp_pdu_unref (pdu);
                return FALSE;
        }
        *out = pdu;
        return TRUE;
}

/* Hook for the SNMPv3 message format (RFC 3412 §6): @r is positioned after
 * msgVersion inside the message SEQUENCE. */
static gboolean
decode_v3 (GsnmpBerReader *r,
           GsnmpMessage   *msg,
           GError        **error)
{
        g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                             _("SNMPv3 messages are not handled here"));
        return FALSE;
}

/* Decodes one whole datagram. */
gboolean
gsnmp_message_decode (const guint8  *data,
                      gsize          length,
                      GsnmpMessage  *msg,
                      GError       **error)
{
        GsnmpBerReader r;
        gint32 version;
        const guint8 *community;
        gsize community_len;

        g_return_val_if_fail (data != NULL || length == 0, FALSE);
        g_return_val_if_fail (msg != NULL, FALSE);

        memset (msg, 0, sizeof (*msg));

        gsnmp_ber_reader_init (&r, data, length);
        if (!gsnmp_ber_enter (&r, GSNMP_BER_TAG_SEQUENCE, error) ||
            !gsnmp_ber_read_integer (&r, GSNMP_BER_TAG_INTEGER, &version, error))
                return FALSE;

        switch (version) {
        case GSNMP_PROTOCOL_VERSION_V1:
        case GSNMP_PROTOCOL_VERSION_V2C:
                break;
        case GSNMP_PROTOCOL_VERSION_V3:
                if (!decode_v3 (&r, msg, error)) {
                        gsnmp_message_clear (msg);
                        return FALSE;
                }
                return TRUE;
        default:
                return gsnmp_ber_set_malformed (error, _("Unknown SNMP version %d"), version);
        }

        msg->version = (GsnmpProtocolVersion) version;
        if (!gsnmp_ber_read_octets (&r, GSNMP_BER_TAG_OCTET_STRING, &community, &community_len, error) ||
            !gsnmp_message_read_pdu (&r, msg->version, &msg->pdu, error) ||
            !gsnmp_ber_leave (&r, error) ||
            !gsnmp_ber_reader_finish (&r, error)) {
                gsnmp_message_clear (msg);
                return FALSE;
        }
        msg->community = g_bytes_new (community, community_len);
        return TRUE;
}

/* Frees what @msg holds and resets it. */
void
gsnmp_message_clear (GsnmpMessage *msg)
{
        g_clear_pointer (&msg->community, g_bytes_unref);
        g_clear_pointer (&msg->pdu, gsnmp_pdu_unref);
        msg->version = GSNMP_PROTOCOL_VERSION_V1;
}

/***************************************************************************/
/* Encoding */

/* Writes a guint32 field that goes on the wire as INTEGER (0..2^31-1). */
static gboolean
write_integer_field (GsnmpBerWriter *w,
                     guint32         value,
                     const char     *name,
                     GError        **error)
{
        if (value > G_MAXINT32) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("The %s %u is out of range"), name, value);
                return FALSE;
        }
        gsnmp_ber_write_integer (w, GSNMP_BER_TAG_INTEGER, (gint32) value);
        return TRUE;
}

/* Writes one VarBind (RFC 3416 §3). */
static gboolean
write_varbind (GsnmpBerWriter       *w,
               GsnmpProtocolVersion  version,
               GsnmpVarbind         *vb,
               GError              **error)
{
        GsnmpValueType type = gsnmp_varbind_get_value_type (vb);
        gsize mark = gsnmp_ber_writer_begin (w);
        GsnmpOid *name;
        const guint32 *ids;
        gsize n_ids;

        switch (type) {
        case GSNMP_VALUE_TYPE_INTEGER:
                gsnmp_ber_write_integer (w, type, gsnmp_varbind_get_integer (vb));
                break;
        case GSNMP_VALUE_TYPE_COUNTER32:
        case GSNMP_VALUE_TYPE_GAUGE32:
        case GSNMP_VALUE_TYPE_TIMETICKS:
                gsnmp_ber_write_unsigned (w, type, gsnmp_varbind_get_unsigned (vb));
                break;
        case GSNMP_VALUE_TYPE_COUNTER64:
                if (version == GSNMP_PROTOCOL_VERSION_V1)
                        goto not_v1;
                gsnmp_ber_write_counter64 (w, type, gsnmp_varbind_get_counter64 (vb));
                break;
        case GSNMP_VALUE_TYPE_OCTET_STRING:
        case GSNMP_VALUE_TYPE_OPAQUE: {
                const guint8 *data;
                gsize length = 0;

                data = gsnmp_varbind_get_octets (vb, &length);
                gsnmp_ber_write_octets (w, type, data, length);
                break;
        }
        case GSNMP_VALUE_TYPE_IP_ADDRESS: {
                GInetAddress *addr = gsnmp_varbind_get_ip_address (vb);

                if (addr == NULL || g_inet_address_get_native_size (addr) != 4) {
                        g_clear_object (&addr);
                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                                     _("Invalid IpAddress value"));
                        return FALSE;
                }
                gsnmp_ber_write_octets (w, type, g_inet_address_to_bytes (addr), 4);
                g_object_unref (addr);
                break;
        }
        case GSNMP_VALUE_TYPE_NO_SUCH_OBJECT:
        case GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE:
        case GSNMP_VALUE_TYPE_END_OF_MIB_VIEW:
                if (version == GSNMP_PROTOCOL_VERSION_V1)
                        goto not_v1;
                G_GNUC_FALLTHROUGH;
        case GSNMP_VALUE_TYPE_NULL:
                gsnmp_ber_write_null (w, type);
                break;
        case GSNMP_VALUE_TYPE_OBJECT_ID:
                ids = gsnmp_oid_get_ids (gsnmp_varbind_get_oid_value (vb), &n_ids);
                if (!gsnmp_ber_write_oid (w, ids, n_ids, error))
                        return FALSE;
                break;
        default:
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("Unknown value type 0x%02x"), type);
                return FALSE;
        }

        name = gsnmp_varbind_get_oid (vb);
        ids = gsnmp_oid_get_ids (name, &n_ids);
        if (!gsnmp_ber_write_oid (w, ids, n_ids, error))
                return FALSE;
        gsnmp_ber_writer_end (w, mark, GSNMP_BER_TAG_SEQUENCE);
        return TRUE;

not_v1:
        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                     _("SNMPv1 cannot carry %s values"),
                     type == GSNMP_VALUE_TYPE_COUNTER64 ? "Counter64" : "exception");
        return FALSE;
}

static gboolean
set_too_big (GError **error,
             gsize    max_size)
{
        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_MESSAGE_TOO_BIG,
                     _("The message does not fit in %zu bytes"), max_size);
        return FALSE;
}

/* Writes one PDU for a @version message; fails early with
 * GSNMP_ERROR_MESSAGE_TOO_BIG once the varbinds alone exceed @max_size
 * (0: no limit). */
gboolean
gsnmp_message_write_pdu (GsnmpBerWriter       *w,
                         GsnmpProtocolVersion  version,
                         GsnmpPdu             *pdu,
                         gsize                 max_size,
                         GError              **error)
{
        gsize pdu_mark, list_mark;
        GPtrArray *varbinds = pdu->varbinds;

        if (!pdu_type_allowed (version, pdu->type)) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("PDU type 0x%02x cannot be sent with SNMP%s"), pdu->type,
                             version == GSNMP_PROTOCOL_VERSION_V1 ? "v1" :
                             version == GSNMP_PROTOCOL_VERSION_V2C ? "v2c" : "v3");
                return FALSE;
        }

        pdu_mark = gsnmp_ber_writer_begin (w);
        list_mark = gsnmp_ber_writer_begin (w);
        for (guint i = varbinds ? varbinds->len : 0; i > 0; i--) {
                if (!write_varbind (w, version, g_ptr_array_index (varbinds, i - 1), error))
                        return FALSE;
                if (max_size > 0 && gsnmp_ber_writer_get_length (w) - pdu_mark > max_size)
                        return set_too_big (error, max_size);
        }
        gsnmp_ber_writer_end (w, list_mark, GSNMP_BER_TAG_SEQUENCE);

        if (pdu->type == GSNMP_PDU_TYPE_TRAP_V1) {
                const guint32 *ids = NULL;
                gsize n_ids = 0;

                gsnmp_ber_write_unsigned (w, GSNMP_BER_TAG_TIMETICKS, pdu->time_stamp);
                gsnmp_ber_write_integer (w, GSNMP_BER_TAG_INTEGER, (gint32) pdu->specific_trap);
                gsnmp_ber_write_integer (w, GSNMP_BER_TAG_INTEGER, (gint32) pdu->generic_trap);
                gsnmp_ber_write_octets (w, GSNMP_BER_TAG_IP_ADDRESS, pdu->agent_addr, 4);
                if (pdu->enterprise)
                        ids = gsnmp_oid_get_ids (pdu->enterprise, &n_ids);
                if (!gsnmp_ber_write_oid (w, ids, n_ids, error))
                        return FALSE;
        } else {
                const char *status = "error-status", *index = "error-index";

                if (pdu->type == GSNMP_PDU_TYPE_GET_BULK) {
                        status = "non-repeaters";
                        index = "max-repetitions";
                }
                if (!write_integer_field (w, pdu->error_index, index, error) ||
                    !write_integer_field (w, pdu->error_status, status, error))
                        return FALSE;
                gsnmp_ber_write_integer (w, GSNMP_BER_TAG_INTEGER, pdu->request_id);
        }
        gsnmp_ber_writer_end (w, pdu_mark, pdu->type);
        return TRUE;
}

/* Encodes a whole SNMPv1 or SNMPv2c message. */
GBytes *
gsnmp_message_encode (const GsnmpMessage *msg,
                      gsize               max_size,
                      GError            **error)
{
        GsnmpBerWriter w;
        const guint8 *community = NULL;
        gsize community_len = 0;
        gsize mark;
        guint n_varbinds;

        g_return_val_if_fail (msg != NULL, NULL);
        g_return_val_if_fail (msg->pdu != NULL, NULL);

        if (msg->version != GSNMP_PROTOCOL_VERSION_V1 &&
            msg->version != GSNMP_PROTOCOL_VERSION_V2C) {
                /* Hook for the SNMPv3 message format (RFC 3412 §6). */
                g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                                     _("SNMPv3 messages are not handled here"));
                return NULL;
        }

        if (msg->community)
                community = g_bytes_get_data (msg->community, &community_len);

        /* Most requests fit in the first guess; the writer doubles if not. */
        n_varbinds = msg->pdu->varbinds ? msg->pdu->varbinds->len : 0;
        gsnmp_ber_writer_init (&w, 64 + community_len + 48 * n_varbinds);

        mark = gsnmp_ber_writer_begin (&w);
        if (!gsnmp_message_write_pdu (&w, msg->version, msg->pdu, max_size, error)) {
                gsnmp_ber_writer_clear (&w);
                return NULL;
        }
        gsnmp_ber_write_octets (&w, GSNMP_BER_TAG_OCTET_STRING, community, community_len);
        gsnmp_ber_write_integer (&w, GSNMP_BER_TAG_INTEGER, msg->version);
        gsnmp_ber_writer_end (&w, mark, GSNMP_BER_TAG_SEQUENCE);

        if (max_size > 0 && gsnmp_ber_writer_get_length (&w) > max_size) {
                gsnmp_ber_writer_clear (&w);
                set_too_big (error, max_size);
                return NULL;
        }
        return gsnmp_ber_writer_free_to_bytes (&w);
}
