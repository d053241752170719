/* gsnmp-message.c - SNMP message encoding and decoding: SNMPv1, SNMPv2c
 * and SNMPv3 with USM
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-message-private.h"
#include "gsnmp-ber-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-usm-private.h"
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
                *out = gsnmp_varbind_new_decoded (name, n_name, GSNMP_VALUE_TYPE_INTEGER,
                                                  (guint64) (gint64) v);
                return TRUE;
        }
        case GSNMP_BER_TAG_COUNTER32:
        case GSNMP_BER_TAG_GAUGE32:
        case GSNMP_BER_TAG_TIMETICKS:
        case GSNMP_BER_TAG_UINTEGER32: {
                guint32 v;

                if (!gsnmp_ber_decode_unsigned (content, length, &v, error))
                        return FALSE;
                *out = gsnmp_varbind_new_decoded (name, n_name, (GsnmpValueType) tag, v);
                return TRUE;
        }
        case GSNMP_BER_TAG_COUNTER64: {
                guint64 v;

                if (version == GSNMP_PROTOCOL_VERSION_V1)
                        return gsnmp_ber_set_malformed (error, _("Counter64 value in an SNMPv1 message"));
                if (!gsnmp_ber_decode_counter64 (content, length, &v, error))
                        return FALSE;
                *out = gsnmp_varbind_new_decoded (name, n_name, GSNMP_VALUE_TYPE_COUNTER64, v);
                return TRUE;
        }
        case GSNMP_BER_TAG_OCTET_STRING:
        case GSNMP_BER_TAG_OPAQUE:
        case GSNMP_BER_TAG_NSAP_ADDRESS:
                *out = gsnmp_varbind_new_decoded_octets (name, n_name, (GsnmpValueType) tag,
                                                         content, length);
                return TRUE;
        case GSNMP_BER_TAG_IP_ADDRESS:
                if (length != 4)
                        return gsnmp_ber_set_malformed (error, _("BER IpAddress of %u bytes instead of 4"),
                                              (guint) length);
                *out = gsnmp_varbind_new_decoded_octets (name, n_name, GSNMP_VALUE_TYPE_IP_ADDRESS,
                                                         content, 4);
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
                *out = gsnmp_varbind_new_decoded (name, n_name, (GsnmpValueType) tag, 0);
                return TRUE;
        case GSNMP_BER_TAG_OBJECT_ID: {
                guint32 value[GSNMP_BER_MAX_OID_LENGTH];
                gsize n_value;

                if (!gsnmp_ber_decode_oid (content, length, value, &n_value, error))
                        return FALSE;
                *out = gsnmp_varbind_new_decoded_oid (name, n_name, gsnmp_oid_new (value, n_value));
                return TRUE;
        }
        default:
                return gsnmp_ber_set_malformed (error, _("Unknown value type 0x%02x"), tag);
        }
}

/* The fields of a PDU before its varbinds, read before the PDU is
 * allocated (with room for exactly its varbinds). */
typedef struct {
        GsnmpPduType  type;
        gint32        request_id;
        guint32       error_status;
        guint32       error_index;
        GsnmpOid     *enterprise;       /* (owned) Trap-PDU */
        guint8        agent_addr[4];
        guint32       generic_trap;
        guint32       specific_trap;
        guint32       time_stamp;
} PduHeader;

/* Reads the fields of an SNMPv1 Trap-PDU (RFC 1157 §4.1.6) after its tag. */
static gboolean
read_trap_v1_header (GsnmpBerReader *r,
                     PduHeader      *hdr,
                     GError        **error)
{
        guint32 ids[GSNMP_BER_MAX_OID_LENGTH];
        gsize n_ids;
        gint32 generic, specific;

        if (!gsnmp_ber_read_oid (r, ids, &n_ids, error) ||
            !gsnmp_ber_read_ip_address (r, hdr->agent_addr, error) ||
            !gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &generic, error) ||
            !gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &specific, error) ||
            !gsnmp_ber_read_unsigned (r, GSNMP_BER_TAG_TIMETICKS, &hdr->time_stamp, error))
                return FALSE;

        hdr->enterprise = gsnmp_oid_new (ids, n_ids);
        hdr->generic_trap = (guint32) generic;
        hdr->specific_trap = (guint32) specific;
        return TRUE;
}

/* Reads request-id, error-status and error-index (or non-repeaters and
 * max-repetitions) of every other PDU (RFC 3416 §3). */
static gboolean
read_pdu_header (GsnmpBerReader *r,
                 PduHeader      *hdr,
                 GError        **error)
{
        gint32 request_id, status, index;

        if (!gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &request_id, error) ||
            !gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &status, error) ||
            !gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &index, error))
                return FALSE;

        hdr->request_id = request_id;
        if (hdr->type == GSNMP_PDU_TYPE_GET_BULK) {
                /* RFC 3416 §4.2.3: negative values count as 0. */
                hdr->error_status = (guint32) MAX (status, 0);
                hdr->error_index = (guint32) MAX (index, 0);
        } else {
                /* An error-status outside RFC 3416's 0..18 or a negative
                 * error-index is the agent's answer all the same: Net-SNMP
                 * shows it ("Reason: Unknown Error"), and so must callers,
                 * rather than wait for another answer and report a
                 * timeout.  Kept as the 32 bits on the wire (-1 reads as
                 * 4294967295, past any varbind). */
                hdr->error_status = (guint32) status;
                hdr->error_index = (guint32) index;
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
        PduHeader hdr = { 0 };
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

        hdr.type = (GsnmpPduType) tag;
        if (tag == GSNMP_PDU_TYPE_TRAP_V1)
                ok = read_trap_v1_header (r, &hdr, error);
        else
                ok = read_pdu_header (r, &hdr, error);
        if (!ok || !gsnmp_ber_enter (r, GSNMP_BER_TAG_SEQUENCE, error)) {
                g_clear_pointer (&hdr.enterprise, gsnmp_oid_unref);
                return FALSE;
        }

        /* One allocation with room for every varbind the list holds (a
         * malformed one fails below, whatever the count). */
        pdu = gsnmp_pdu_new_sized (hdr.type, gsnmp_ber_reader_count_elements (r));
        pdu->request_id = hdr.request_id;
        pdu->error_status = hdr.error_status;
        pdu->error_index = hdr.error_index;
        pdu->enterprise = hdr.enterprise;
        memcpy (pdu->agent_addr, hdr.agent_addr, sizeof pdu->agent_addr);
        pdu->generic_trap = hdr.generic_trap;
        pdu->specific_trap = hdr.specific_trap;
        pdu->time_stamp = hdr.time_stamp;

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

/* The community of the last message decoded in this thread: nearly every
 * datagram a process receives carries the same one, and sharing that
 * immutable GBytes saves a copy and two allocations per message. */
static GPrivate last_community = G_PRIVATE_INIT ((GDestroyNotify) g_bytes_unref);

/* A GBytes holding a copy of @data, shared with the last message's when
 * they are equal. */
static GBytes *
community_bytes (const guint8 *data,
                 gsize         length)
{
        GBytes *last = g_private_get (&last_community);

        if (last != NULL) {
                gsize last_length;
                const guint8 *last_data = g_bytes_get_data (last, &last_length);

                if (last_length == length && (length == 0 || memcmp (last_data, data, length) == 0))
                        return g_bytes_ref (last);
        }
        last = g_bytes_new (data, length);
        g_private_replace (&last_community, g_bytes_ref (last));
        return last;
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
                /* GsnmpMessageV3: gsnmp_message_v3_decode() */
                g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                                     _("SNMPv3 messages are not handled here"));
                return FALSE;
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
        msg->community = community_bytes (community, community_len);
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
        case GSNMP_VALUE_TYPE_UINTEGER32:
                gsnmp_ber_write_unsigned (w, type, gsnmp_varbind_get_unsigned (vb));
                break;
        case GSNMP_VALUE_TYPE_COUNTER64:
                if (version == GSNMP_PROTOCOL_VERSION_V1)
                        goto not_v1;
                gsnmp_ber_write_counter64 (w, type, gsnmp_varbind_get_counter64 (vb));
                break;
        case GSNMP_VALUE_TYPE_OCTET_STRING:
        case GSNMP_VALUE_TYPE_OPAQUE:
        case GSNMP_VALUE_TYPE_NSAP_ADDRESS: {
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

        if (!pdu_type_allowed (version, pdu->type)) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("PDU type 0x%02x cannot be sent with SNMP%s"), pdu->type,
                             version == GSNMP_PROTOCOL_VERSION_V1 ? "v1" :
                             version == GSNMP_PROTOCOL_VERSION_V2C ? "v2c" : "v3");
                return FALSE;
        }

        pdu_mark = gsnmp_ber_writer_begin (w);
        list_mark = gsnmp_ber_writer_begin (w);
        for (guint i = pdu->n_varbinds; i > 0; i--) {
                if (!write_varbind (w, version, pdu->varbinds[i - 1], error))
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
        n_varbinds = msg->pdu->n_varbinds;
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

/***************************************************************************/
/* SNMPv3 (RFC 3412) with USM (RFC 3414) */

/* The message format of RFC 3412 §6 with the UsmSecurityParameters of
 * RFC 3414 §2.4 inside msgSecurityParameters:
 *
 *   SNMPv3Message ::= SEQUENCE {
 *       msgVersion INTEGER (3),
 *       msgGlobalData SEQUENCE {
 *           msgID INTEGER (0..2147483647),
 *           msgMaxSize INTEGER (484..2147483647),
 *           msgFlags OCTET STRING (SIZE (1)),
 *           msgSecurityModel INTEGER (1..2147483647) },
 *       msgSecurityParameters OCTET STRING containing SEQUENCE {
 *           msgAuthoritativeEngineID OCTET STRING,
 *           msgAuthoritativeEngineBoots INTEGER (0..2147483647),
 *           msgAuthoritativeEngineTime INTEGER (0..2147483647),
 *           msgUserName OCTET STRING (SIZE (0..32)),
 *           msgAuthenticationParameters OCTET STRING,
 *           msgPrivacyParameters OCTET STRING },
 *       msgData CHOICE {
 *           plaintext ScopedPDU,
 *           encryptedPDU OCTET STRING } }
 *
 *   ScopedPDU ::= SEQUENCE {
 *       contextEngineID OCTET STRING, contextName OCTET STRING, data PDU }
 *
 * Encoding is one backwards pass with the BER writer (gsnmp-ber-private.h):
 * the scopedPDU is written first, at the end of the buffer; with privacy it
 * is encrypted where it lies (moved forward by the DES padding, if any) and
 * wrapped in an OCTET STRING; the header follows in front.  The HMAC is
 * computed over the finished buffer and written into its zeroed
 * placeholder, so a message costs one buffer and one GBytes.
 *
 * Decoding checks everything it reads (lengths, ranges, nothing after the
 * message) and copies only the octet strings msg owns.  With privacy it
 * leaves the encryptedPDU in the datagram for gsnmp_message_v3_unprotect(),
 * which decrypts into a stack buffer (heap for large messages) and parses
 * the scopedPDU from there. */

/* The longest SnmpEngineID (RFC 3411 §5) and msgUserName (RFC 3414 §2.4). */
#define MAX_ENGINE_ID_LENGTH    32
#define MAX_USER_NAME_LENGTH    32

/* Decrypted scopedPDUs up to this size stay on the stack. */
#define STACK_PLAINTEXT_SIZE    4096

/* The first INTEGER of the outer SEQUENCE, as the version. */
gint
gsnmp_message_peek_version (const guint8 *data,
                            gsize         length)
{
        GsnmpBerReader r;
        gint32 version;

        if (data == NULL)
                return -1;

        gsnmp_ber_reader_init (&r, data, length);
        if (!gsnmp_ber_enter (&r, GSNMP_BER_TAG_SEQUENCE, NULL) ||
            !gsnmp_ber_read_integer (&r, GSNMP_BER_TAG_INTEGER, &version, NULL))
                return -1;

        switch (version) {
        case GSNMP_PROTOCOL_VERSION_V1:
        case GSNMP_PROTOCOL_VERSION_V2C:
        case GSNMP_PROTOCOL_VERSION_V3:
                return version;
        default:
                return -1;
        }
}

/***************************************************************************/
/* Decoding */

/* Reads an OCTET STRING of at most @max bytes (0: any). */
static gboolean
read_string (GsnmpBerReader *r,
             const char     *name,
             gsize           max,
             const guint8  **data,
             gsize          *length,
             GError        **error)
{
        if (!gsnmp_ber_read_octets (r, GSNMP_BER_TAG_OCTET_STRING, data, length, error))
                return FALSE;
        if (max > 0 && *length > max)
                return gsnmp_ber_set_malformed (error, _("The %s is %zu bytes long, more than %zu"),
                                      name, *length, max);
        return TRUE;
}

/* Reads an INTEGER (@min..2147483647). */
static gboolean
read_ranged (GsnmpBerReader *r,
             const char     *name,
             gint32          min,
             gint32         *value,
             GError        **error)
{
        if (!gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, value, error))
                return FALSE;
        if (*value < min)
                return gsnmp_ber_set_malformed (error, _("Invalid %s %d"), name, *value);
        return TRUE;
}

/* msgAuthoritativeEngineBoots and msgAuthoritativeEngineTime
 * (RFC 3414 §2.4: 0..2^31-1), read as Net-SNMP 5.9 reads them
 * (usm_parse_security_parameters()): an INTEGER of up to 8 octets,
 * sign-extended, of which the low 32 bits are taken as an unsigned value
 * that must not exceed 2^31-1.  So an agent that encodes boots 5 as
 * ff ff ff ff 00 00 00 05 is understood as Net-SNMP understands it, and
 * -1 (2^32-1 once truncated) is still refused. */
static gboolean
read_boots_or_time (GsnmpBerReader *r,
                    const char     *name,
                    guint32        *value,
                    GError        **error)
{
        const guint8 *content;
        gsize length;
        guint64 v;

        if (!gsnmp_ber_read_octets (r, GSNMP_BER_TAG_INTEGER, &content, &length, error))
                return FALSE;
        if (length == 0 || length > 8)
                return gsnmp_ber_set_malformed (error, _("Invalid %s of %zu bytes"), name, length);
        v = (content[0] & 0x80) ? G_MAXUINT64 : 0;
        for (gsize i = 0; i < length; i++)
                v = (v << 8) | content[i];
        if ((v & G_MAXUINT32) > G_MAXINT32)
                return gsnmp_ber_set_malformed (error, _("Invalid %s %" G_GINT64_FORMAT), name, (gint64) v);
        *value = (guint32) (v & G_MAXUINT32);
        return TRUE;
}

/* Reads a ScopedPDU (RFC 3412 §6.8) into @msg, which it changes only on
 * success. */
static gboolean
read_scoped_pdu (GsnmpBerReader *r,
                 GsnmpMessageV3 *msg,
                 GError        **error)
{
        const guint8 *context_engine_id, *context_name;
        gsize context_engine_id_len, context_name_len;
        GsnmpPdu *pdu;

        if (!gsnmp_ber_enter (r, GSNMP_BER_TAG_SEQUENCE, error) ||
            !read_string (r, "contextEngineID", MAX_ENGINE_ID_LENGTH,
                          &context_engine_id, &context_engine_id_len, error) ||
            !read_string (r, "contextName", 0, &context_name, &context_name_len, error) ||
            !gsnmp_message_read_pdu (r, GSNMP_PROTOCOL_VERSION_V3, &pdu, error))
                return FALSE;
        if (!gsnmp_ber_leave (r, error)) {
                gsnmp_pdu_unref (pdu);
                return FALSE;
        }

        msg->context_engine_id = g_bytes_new (context_engine_id, context_engine_id_len);
        msg->context_name = g_bytes_new (context_name, context_name_len);
        msg->pdu = pdu;
        return TRUE;
}

static gboolean
decode_message (GsnmpBerReader *r,
                const guint8   *data,
                GsnmpMessageV3 *msg,
                GError        **error)
{
        gint32 version, model;
        guint32 boots, engine_time;
        const guint8 *flags, *engine_id, *user_name, *auth;
        gsize flags_len, engine_id_len, user_name_len;

        /* The message and msgGlobalData (RFC 3412 §6.1-6.4). */
        if (!gsnmp_ber_enter (r, GSNMP_BER_TAG_SEQUENCE, error) ||
            !gsnmp_ber_read_integer (r, GSNMP_BER_TAG_INTEGER, &version, error))
                return FALSE;
        if (version != GSNMP_PROTOCOL_VERSION_V3)
                return gsnmp_ber_set_malformed (error, _("SNMP version %d where SNMPv3 was expected"),
                                      version);

        if (!gsnmp_ber_enter (r, GSNMP_BER_TAG_SEQUENCE, error) ||
            !read_ranged (r, "msgID", 0, &msg->msg_id, error) ||
            !read_ranged (r, "msgMaxSize", GSNMP_V3_MIN_MAX_SIZE, &msg->msg_max_size, error) ||
            !gsnmp_ber_read_octets (r, GSNMP_BER_TAG_OCTET_STRING, &flags, &flags_len, error))
                return FALSE;
        if (flags_len != 1)
                return gsnmp_ber_set_malformed (error, _("The msgFlags are %zu bytes long instead of 1"), flags_len);
        msg->msg_flags = flags[0];
        if (!read_ranged (r, "msgSecurityModel", 1, &model, error) ||
            !gsnmp_ber_leave (r, error))
                return FALSE;
        msg->security_model = model;

        /* RFC 3412 §7.2 step 5d: privacy without authentication is invalid. */
        if ((msg->msg_flags & GSNMP_V3_FLAG_PRIV) && !(msg->msg_flags & GSNMP_V3_FLAG_AUTH))
                return gsnmp_ber_set_malformed (error, _("The msgFlags ask for privacy without authentication"));

        /* RFC 3412 §7.2 step 4. */
        if (model != GSNMP_V3_SECURITY_MODEL_USM) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                             _("Unsupported security model %d"), model);
                return FALSE;
        }

        /* msgSecurityParameters: UsmSecurityParameters in an OCTET STRING,
         * which the SEQUENCE must fill exactly (RFC 3414 §2.4). */
        if (!gsnmp_ber_enter (r, GSNMP_BER_TAG_OCTET_STRING, error) ||
            !gsnmp_ber_enter (r, GSNMP_BER_TAG_SEQUENCE, error) ||
            !read_string (r, "msgAuthoritativeEngineID", MAX_ENGINE_ID_LENGTH,
                          &engine_id, &engine_id_len, error) ||
            !read_boots_or_time (r, "msgAuthoritativeEngineBoots", &boots, error) ||
            !read_boots_or_time (r, "msgAuthoritativeEngineTime", &engine_time, error) ||
            !read_string (r, "msgUserName", MAX_USER_NAME_LENGTH,
                          &user_name, &user_name_len, error) ||
            !gsnmp_ber_read_octets (r, GSNMP_BER_TAG_OCTET_STRING, &auth, &msg->auth_len, error) ||
            !gsnmp_ber_read_octets (r, GSNMP_BER_TAG_OCTET_STRING,
                                    &msg->priv_params, &msg->priv_len, error) ||
            !gsnmp_ber_leave (r, error) ||
            !gsnmp_ber_leave (r, error))
                return FALSE;

        msg->engine_id = g_bytes_new (engine_id, engine_id_len);
        msg->engine_boots = boots;
        msg->engine_time = engine_time;
        msg->user_name = g_bytes_new (user_name, user_name_len);
        msg->auth_offset = (gsize) (auth - data);

        /* msgData (RFC 3412 §6.7). */
        if (msg->msg_flags & GSNMP_V3_FLAG_PRIV) {
                if (!gsnmp_ber_read_octets (r, GSNMP_BER_TAG_OCTET_STRING,
                                            &msg->encrypted, &msg->encrypted_len, error))
                        return FALSE;
        } else if (!read_scoped_pdu (r, msg, error)) {
                return FALSE;
        }

        return gsnmp_ber_leave (r, error) && gsnmp_ber_reader_finish (r, error);
}

/* Parses one datagram; see the header. */
gboolean
gsnmp_message_v3_decode (const guint8   *data,
                         gsize           length,
                         GsnmpMessageV3 *msg,
                         GError        **error)
{
        GsnmpBerReader r;

        g_return_val_if_fail (data != NULL || length == 0, FALSE);
        g_return_val_if_fail (msg != NULL, FALSE);

        memset (msg, 0, sizeof (*msg));
        gsnmp_ber_reader_init (&r, data, length);
        if (!decode_message (&r, data, msg, error)) {
                gsnmp_message_v3_clear (msg);
                return FALSE;
        }
        return TRUE;
}

/* RFC 3414 §3.2 steps 6 and 8; see the header. */
gboolean
gsnmp_message_v3_unprotect (GsnmpMessageV3 *msg,
                            const guint8   *data,
                            gsize           length,
                            GsnmpUsmKey    *auth_key,
                            GsnmpUsmKey    *priv_key,
                            GError        **error)
{
        guint8 stack_buf[STACK_PLAINTEXT_SIZE];
        guint8 *plain;
        GsnmpBerReader r;
        GError *local_error = NULL;
        gboolean ok;

        g_return_val_if_fail (msg != NULL, FALSE);
        g_return_val_if_fail (data != NULL, FALSE);

        if (msg->msg_flags & GSNMP_V3_FLAG_AUTH) {
                if (auth_key == NULL) {
                        g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL,
                                             _("The message is authenticated but the user has no authentication protocol"));
                        return FALSE;
                }
                if (!gsnmp_usm_auth_verify (auth_key, data, length,
                                            msg->auth_offset, msg->auth_len, error))
                        return FALSE;
        }

        if (!(msg->msg_flags & GSNMP_V3_FLAG_PRIV))
                return TRUE;

        g_return_val_if_fail (msg->pdu == NULL, FALSE);
        g_return_val_if_fail (msg->encrypted != NULL, FALSE);

        if (priv_key == NULL) {
                g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL,
                                     _("The message is encrypted but the user has no privacy protocol"));
                return FALSE;
        }

        plain = msg->encrypted_len <= sizeof stack_buf ? stack_buf : g_malloc (msg->encrypted_len);
        ok = gsnmp_usm_decrypt (priv_key, msg->engine_boots, msg->engine_time,
                                msg->priv_params, msg->priv_len,
                                msg->encrypted, msg->encrypted_len, plain, error);
        if (ok) {
                /* Bytes after the scopedPDU are DES padding (RFC 3414
                 * §8.3.2 step 4), so the reader is not finished. */
                gsnmp_ber_reader_init (&r, plain, msg->encrypted_len);
                if (!read_scoped_pdu (&r, msg, &local_error)) {
                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_DECRYPTION_ERROR,
                                     _("The decrypted scoped PDU is malformed (%s): check the "
                                       "privacy protocol and passphrase"),
                                     local_error->message);
                        g_error_free (local_error);
                        ok = FALSE;
                }
        }

        if (plain != stack_buf)
                g_free (plain);
        return ok;
}

/* Frees what @msg owns and zeroes it. */
void
gsnmp_message_v3_clear (GsnmpMessageV3 *msg)
{
        g_return_if_fail (msg != NULL);

        g_clear_pointer (&msg->engine_id, g_bytes_unref);
        g_clear_pointer (&msg->user_name, g_bytes_unref);
        g_clear_pointer (&msg->context_engine_id, g_bytes_unref);
        g_clear_pointer (&msg->context_name, g_bytes_unref);
        g_clear_pointer (&msg->pdu, gsnmp_pdu_unref);
        memset (msg, 0, sizeof (*msg));
}

/***************************************************************************/
/* Encoding */

static gboolean G_GNUC_PRINTF (2, 3)
set_invalid (GError    **error,
             const char *format,
             ...)
{
        va_list args;

        if (error == NULL)
                return FALSE;

        va_start (args, format);
        *error = g_error_new_valist (GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE, format, args);
        va_end (args);
        return FALSE;
}

/* The data and length of a nullable GBytes. */
static const guint8 *
bytes_data (GBytes *bytes,
            gsize  *length)
{
        *length = 0;
        if (bytes == NULL)
                return NULL;
        return g_bytes_get_data (bytes, length);
}

static gboolean
check_string (const char *name,
              gsize       length,
              gsize       max,
              GError    **error)
{
        if (length > max)
                return set_invalid (error, _("The %s is %zu bytes long, more than %zu"),
                                    name, length, max);
        return TRUE;
}

/* Everything encode checks before writing a byte. */
static gboolean
check_message (const GsnmpMessageV3 *msg,
               GsnmpUsmKey          *auth_key,
               GsnmpUsmKey          *priv_key,
               gsize                 engine_id_len,
               gsize                 user_name_len,
               gsize                 context_engine_id_len,
               GError              **error)
{
        if ((msg->msg_flags & GSNMP_V3_FLAG_PRIV) && !(msg->msg_flags & GSNMP_V3_FLAG_AUTH))
                return set_invalid (error, _("Privacy needs authentication"));
        if ((msg->msg_flags & GSNMP_V3_FLAG_AUTH) &&
            (auth_key == NULL || auth_key->priv != GSNMP_PRIV_PROTOCOL_NONE ||
             gsnmp_usm_auth_mac_length (auth_key->auth) == 0))
                return set_invalid (error, _("An authenticated message needs an authentication key"));
        if ((msg->msg_flags & GSNMP_V3_FLAG_PRIV) &&
            (priv_key == NULL || priv_key->priv == GSNMP_PRIV_PROTOCOL_NONE))
                return set_invalid (error, _("An encrypted message needs a privacy key"));
        if (msg->security_model != GSNMP_V3_SECURITY_MODEL_USM)
                return set_invalid (error, _("Unsupported security model %d"), msg->security_model);
        if (msg->msg_id < 0)
                return set_invalid (error, _("Invalid %s %d"), "msgID", msg->msg_id);
        if (msg->msg_max_size < GSNMP_V3_MIN_MAX_SIZE)
                return set_invalid (error, _("Invalid %s %d"), "msgMaxSize", msg->msg_max_size);
        if (msg->engine_boots > G_MAXINT32)
                return set_invalid (error, _("Invalid %s %u"), "msgAuthoritativeEngineBoots",
                                    msg->engine_boots);
        if (msg->engine_time > G_MAXINT32)
                return set_invalid (error, _("Invalid %s %u"), "msgAuthoritativeEngineTime",
                                    msg->engine_time);
        return check_string ("msgAuthoritativeEngineID", engine_id_len, MAX_ENGINE_ID_LENGTH, error) &&
               check_string ("msgUserName", user_name_len, MAX_USER_NAME_LENGTH, error) &&
               check_string ("contextEngineID", context_engine_id_len, MAX_ENGINE_ID_LENGTH, error);
}

/* Writes the scopedPDU (encrypted when PRIV is set) and the security
 * parameters; returns in @mac_end the writer length just after the MAC
 * placeholder was reserved (0 without AUTH). */
static gboolean
write_body (GsnmpBerWriter       *w,
            const GsnmpMessageV3 *msg,
            GsnmpUsmKey          *auth_key,
            GsnmpUsmKey          *priv_key,
            gsize                 max_size,
            gsize                *mac_end,
            GError              **error)
{
        const guint8 *engine_id, *user_name, *context_engine_id, *context_name;
        gsize engine_id_len, user_name_len, context_engine_id_len, context_name_len;
        guint8 salt[GSNMP_USM_SALT_LENGTH];
        gsize scoped_mark, params_mark, usm_mark;

        engine_id = bytes_data (msg->engine_id, &engine_id_len);
        user_name = bytes_data (msg->user_name, &user_name_len);
        context_engine_id = bytes_data (msg->context_engine_id, &context_engine_id_len);
        context_name = bytes_data (msg->context_name, &context_name_len);

        /* msgData: the scopedPDU, in plain text first. */
        scoped_mark = gsnmp_ber_writer_begin (w);
        if (!gsnmp_message_write_pdu (w, GSNMP_PROTOCOL_VERSION_V3, msg->pdu, max_size, error))
                return FALSE;
        gsnmp_ber_write_octets (w, GSNMP_BER_TAG_OCTET_STRING, context_name, context_name_len);
        gsnmp_ber_write_octets (w, GSNMP_BER_TAG_OCTET_STRING, context_engine_id, context_engine_id_len);
        gsnmp_ber_writer_end (w, scoped_mark, GSNMP_BER_TAG_SEQUENCE);

        if (msg->msg_flags & GSNMP_V3_FLAG_PRIV) {
                gsize plain_len = gsnmp_ber_writer_get_length (w) - scoped_mark;
                gsize enc_len = gsnmp_usm_encrypted_length (priv_key->priv, plain_len);
                guint8 *p;

                if (max_size > 0 && enc_len > max_size)
                        return set_too_big (error, max_size);

                /* Room for the padding after the plaintext: move it to the
                 * front of the reserved bytes, then encrypt in place. */
                p = gsnmp_ber_writer_reserve (w, enc_len - plain_len);
                if (enc_len > plain_len)
                        memmove (p, p + (enc_len - plain_len), plain_len);

                gsnmp_usm_make_salt (priv_key->priv, msg->engine_boots, salt);
                if (!gsnmp_usm_encrypt (priv_key, msg->engine_boots, msg->engine_time, salt,
                                        p, plain_len, p, error))
                        return FALSE;
                gsnmp_ber_write_header (w, GSNMP_BER_TAG_OCTET_STRING, enc_len);
        }

        /* msgSecurityParameters (RFC 3414 §2.4), last field first. */
        params_mark = gsnmp_ber_writer_begin (w);
        usm_mark = gsnmp_ber_writer_begin (w);
        if (msg->msg_flags & GSNMP_V3_FLAG_PRIV)
                gsnmp_ber_write_octets (w, GSNMP_BER_TAG_OCTET_STRING, salt, sizeof salt);
        else
                gsnmp_ber_write_octets (w, GSNMP_BER_TAG_OCTET_STRING, NULL, 0);

        *mac_end = 0;
        if (msg->msg_flags & GSNMP_V3_FLAG_AUTH) {
                gsize mac_len = gsnmp_usm_auth_mac_length (auth_key->auth);

                memset (gsnmp_ber_writer_reserve (w, mac_len), 0, mac_len);
                *mac_end = gsnmp_ber_writer_get_length (w);
                gsnmp_ber_write_header (w, GSNMP_BER_TAG_OCTET_STRING, mac_len);
        } else {
                gsnmp_ber_write_octets (w, GSNMP_BER_TAG_OCTET_STRING, NULL, 0);
        }

        gsnmp_ber_write_octets (w, GSNMP_BER_TAG_OCTET_STRING, user_name, user_name_len);
        gsnmp_ber_write_integer (w, GSNMP_BER_TAG_INTEGER, (gint32) msg->engine_time);
        gsnmp_ber_write_integer (w, GSNMP_BER_TAG_INTEGER, (gint32) msg->engine_boots);
        gsnmp_ber_write_octets (w, GSNMP_BER_TAG_OCTET_STRING, engine_id, engine_id_len);
        gsnmp_ber_writer_end (w, usm_mark, GSNMP_BER_TAG_SEQUENCE);
        gsnmp_ber_writer_end (w, params_mark, GSNMP_BER_TAG_OCTET_STRING);
        return TRUE;
}

/* Encodes one message; see the header. */
GBytes *
gsnmp_message_v3_encode (const GsnmpMessageV3 *msg,
                         GsnmpUsmKey          *auth_key,
                         GsnmpUsmKey          *priv_key,
                         gsize                 max_size,
                         GError              **error)
{
        GsnmpBerWriter w;
        gsize engine_id_len, user_name_len, context_engine_id_len, context_name_len;
        gsize message_mark, header_mark, mac_end, total;
        guint8 flags;
        guint n_varbinds;

        g_return_val_if_fail (msg != NULL, NULL);
        g_return_val_if_fail (msg->pdu != NULL, NULL);

        bytes_data (msg->engine_id, &engine_id_len);
        bytes_data (msg->user_name, &user_name_len);
        bytes_data (msg->context_engine_id, &context_engine_id_len);
        bytes_data (msg->context_name, &context_name_len);
        if (!check_message (msg, auth_key, priv_key, engine_id_len, user_name_len,
                            context_engine_id_len, error))
                return NULL;

        /* One allocation for most messages: the header is about 100 bytes
         * plus the strings, a request varbind about 20. */
        n_varbinds = msg->pdu->n_varbinds;
        gsnmp_ber_writer_init (&w, 160 + engine_id_len + user_name_len + context_engine_id_len +
                               context_name_len + 48 * n_varbinds);

        message_mark = gsnmp_ber_writer_begin (&w);
        if (!write_body (&w, msg, auth_key, priv_key, max_size, &mac_end, error))
                goto fail;

        header_mark = gsnmp_ber_writer_begin (&w);
        gsnmp_ber_write_integer (&w, GSNMP_BER_TAG_INTEGER, msg->security_model);
        flags = msg->msg_flags;
        gsnmp_ber_write_octets (&w, GSNMP_BER_TAG_OCTET_STRING, &flags, 1);
        gsnmp_ber_write_integer (&w, GSNMP_BER_TAG_INTEGER, msg->msg_max_size);
        gsnmp_ber_write_integer (&w, GSNMP_BER_TAG_INTEGER, msg->msg_id);
        gsnmp_ber_writer_end (&w, header_mark, GSNMP_BER_TAG_SEQUENCE);
        gsnmp_ber_write_integer (&w, GSNMP_BER_TAG_INTEGER, GSNMP_PROTOCOL_VERSION_V3);
        gsnmp_ber_writer_end (&w, message_mark, GSNMP_BER_TAG_SEQUENCE);

        total = gsnmp_ber_writer_get_length (&w);
        if (max_size > 0 && total > max_size) {
                set_too_big (error, max_size);
                goto fail;
        }

        /* RFC 3414 §6.3.1, §7.3.1: the MAC over the whole message with the
         * placeholder zeroed, written into the placeholder. */
        if ((msg->msg_flags & GSNMP_V3_FLAG_AUTH) &&
            !gsnmp_usm_auth_sign (auth_key, gsnmp_ber_writer_get_data (&w), total,
                                  total - mac_end, error))
                goto fail;

        return gsnmp_ber_writer_free_to_bytes (&w);

fail:
        gsnmp_ber_writer_clear (&w);
        return NULL;
}

/***************************************************************************/
/* Any version */

/* Is @data a SEQUENCE that begins with an INTEGER (a message of an unknown
 * version) rather than garbage? */
static gboolean
looks_like_message (const guint8 *data,
                    gsize         len)
{
        GsnmpBerReader r;
        gint32 version;

        gsnmp_ber_reader_init (&r, data, len);
        return gsnmp_ber_enter (&r, GSNMP_BER_TAG_SEQUENCE, NULL) &&
               gsnmp_ber_read_integer (&r, GSNMP_BER_TAG_INTEGER, &version, NULL);
}

gboolean
gsnmp_message_decode_any (const guint8      *data,
                          gsize              length,
                          GsnmpLocalEngine  *local,
                          GsnmpIncoming     *in,
                          GError           **error)
{
        gint version = gsnmp_message_peek_version (data, length);

        memset (in, 0, sizeof *in);
        switch (version) {
        case GSNMP_PROTOCOL_VERSION_V1:
        case GSNMP_PROTOCOL_VERSION_V2C:
                in->version = version;
                if (!gsnmp_message_decode (data, length, &in->community, error)) {
                        gsnmp_local_engine_count (local, GSNMP_COUNTER_IN_ASN_PARSE_ERRS);
                        return FALSE;
                }
                return TRUE;
        case GSNMP_PROTOCOL_VERSION_V3:
                in->version = version;
                if (!gsnmp_message_v3_decode (data, length, &in->v3, error)) {
                        /* an unknown msgSecurityModel is GSNMP_ERROR_FAILED */
                        gsnmp_local_engine_count (local,
                                                  g_error_matches (*error, GSNMP_ERROR, GSNMP_ERROR_FAILED) ?
                                                  GSNMP_COUNTER_UNKNOWN_SECURITY_MODELS :
                                                  GSNMP_COUNTER_IN_ASN_PARSE_ERRS);
                        return FALSE;
                }
                return TRUE;
        default:
                if (data != NULL && looks_like_message (data, length)) {
                        gsnmp_local_engine_count (local, GSNMP_COUNTER_IN_BAD_VERSIONS);
                        g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_MALFORMED_MESSAGE,
                                             _("A message of an unknown SNMP version"));
                } else {
                        gsnmp_local_engine_count (local, GSNMP_COUNTER_IN_ASN_PARSE_ERRS);
                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_MALFORMED_MESSAGE,
                                     _("%" G_GSIZE_FORMAT " bytes that are not an SNMP message"),
                                     length);
                }
                return FALSE;
        }
}

void
gsnmp_incoming_clear (GsnmpIncoming *in)
{
        gsnmp_message_clear (&in->community);
        gsnmp_message_v3_clear (&in->v3);
}
