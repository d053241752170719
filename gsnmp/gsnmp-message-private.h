/* gsnmp-message-private.h - SNMP message encoding and decoding: SNMPv1 and
 * SNMPv2c (RFC 1157, RFC 1901) and SNMPv3 (RFC 3412) with USM (RFC 3414)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

#include "gsnmp-ber-private.h"
#include "gsnmp-enums.h"
#include "gsnmp-pdu.h"
#include "gsnmp-local-engine-private.h"
#include "gsnmp-usm-private.h"

G_BEGIN_DECLS

/* A decoded or to-be-encoded SNMPv1 or SNMPv2c message: the community and
 * the PDU (RFC 1157 §4, RFC 1901 §3).  SNMPv3 messages are GsnmpMessageV3,
 * below. */
typedef struct {
        GsnmpProtocolVersion  version;
        GBytes               *community;   /* (owned) (nullable) */
        GsnmpPdu             *pdu;         /* (owned) (nullable) */
} GsnmpMessage;

/* Encodes @msg into one datagram.  Fails (GSNMP_ERROR_MESSAGE_TOO_BIG) when
 * the result would exceed @max_size bytes (0: no limit). */
GBytes   *gsnmp_message_encode  (const GsnmpMessage *msg,
                                 gsize               max_size,
                                 GError            **error);

/* Decodes one datagram.  Every malformed input, including bytes after the
 * message, fails with GSNMP_ERROR_MALFORMED_MESSAGE and leaves @msg cleared.
 * @msg is output only: whatever it held before is overwritten, not freed.
 * An SNMPv3 message fails with GSNMP_ERROR_FAILED: decode it with
 * gsnmp_message_v3_decode(), or any version with gsnmp_message_decode_any(). */
gboolean  gsnmp_message_decode  (const guint8       *data,
                                 gsize               length,
                                 GsnmpMessage       *msg,
                                 GError            **error);

void      gsnmp_message_clear   (GsnmpMessage       *msg);

/* The PDU layer on its own, for the SNMPv3 scopedPDU (RFC 3412 §6).
 * _read_pdu reads one PDU at the reader's position, with the PDU types and
 * values @version allows (SNMPv3 allows what SNMPv2c does).  _write_pdu
 * prepends one PDU to @w (see gsnmp-ber-private.h); it fails with
 * GSNMP_ERROR_MESSAGE_TOO_BIG as soon as the PDU exceeds @max_size bytes
 * (0: no limit), and with GSNMP_ERROR_INVALID_VALUE for PDU types or values
 * @version cannot carry. */
gboolean  gsnmp_message_read_pdu  (GsnmpBerReader       *r,
                                   GsnmpProtocolVersion  version,
                                   GsnmpPdu            **pdu,
                                   GError              **error);
gboolean  gsnmp_message_write_pdu (GsnmpBerWriter       *w,
                                   GsnmpProtocolVersion  version,
                                   GsnmpPdu             *pdu,
                                   gsize                 max_size,
                                   GError              **error);

/***************************************************************************/
/* SNMPv3 */


/* msgFlags (RFC 3412 §6.4). */
#define GSNMP_V3_FLAG_AUTH       0x01
#define GSNMP_V3_FLAG_PRIV       0x02
#define GSNMP_V3_FLAG_REPORTABLE 0x04

/* msgSecurityModel of the User-based Security Model (RFC 3411 §5). */
#define GSNMP_V3_SECURITY_MODEL_USM 3

/* The smallest msgMaxSize an SNMP engine may announce (RFC 3412 §6.2). */
#define GSNMP_V3_MIN_MAX_SIZE 484

/* One SNMPv3 message with USM security parameters:
 *
 *   SNMPv3Message ::= SEQUENCE { msgVersion INTEGER (3),
 *       msgGlobalData SEQUENCE { msgID, msgMaxSize, msgFlags, msgSecurityModel },
 *       msgSecurityParameters OCTET STRING (UsmSecurityParameters),
 *       msgData CHOICE { ScopedPDU, encryptedPDU OCTET STRING } }
 *   ScopedPDU ::= SEQUENCE { contextEngineID, contextName, data PDU }
 *
 * Zero-initialise before encoding or decoding; gsnmp_message_v3_clear()
 * frees what it owns.  Report PDUs (0xa8) are PDUs like any other. */
typedef struct {
        gint32        msg_id;
        gint32        msg_max_size;
        guint8        msg_flags;
        gint32        security_model;       /* 3 */
        /* USM security parameters (RFC 3414 §2.4) */
        GBytes       *engine_id;            /* msgAuthoritativeEngineID (owned, may be empty) */
        guint32       engine_boots;
        guint32       engine_time;
        GBytes       *user_name;            /* (owned) */
        /* scopedPDU (all three NULL until decrypted) */
        GBytes       *context_engine_id;    /* (owned) */
        GBytes       *context_name;         /* (owned) */
        GsnmpPdu     *pdu;                  /* (owned) NULL until decrypted */
        /* set by decode, valid only while the datagram is: */
        gsize         auth_offset;          /* msgAuthenticationParameters in the datagram */
        gsize         auth_len;
        const guint8 *priv_params;  gsize priv_len;
        const guint8 *encrypted;    gsize encrypted_len;   /* encryptedPDU when PRIV */
} GsnmpMessageV3;

/* 0, 1 or 3 from the first INTEGER of the message, or -1 when it isn't an
 * SNMP message (not a SEQUENCE, a length past the datagram, no INTEGER
 * first, or another version).  Reads a few bytes only. */
gint      gsnmp_message_peek_version (const guint8         *data,
                                      gsize                 length);

/* Encodes @msg (its PDU must be set; NULL context IDs, engine ID and user
 * name count as empty).  With GSNMP_V3_FLAG_PRIV, encrypts the scopedPDU in
 * place with @priv_key (salt from gsnmp_usm_make_salt() with
 * @msg->engine_boots; the AES IV uses @msg->engine_boots and engine_time).
 * With GSNMP_V3_FLAG_AUTH, writes a zeroed msgAuthenticationParameters of
 * gsnmp_usm_auth_mac_length() bytes and signs the final datagram in place
 * with @auth_key.  Keys may be NULL when the flags don't need them.
 *
 * Fails with GSNMP_ERROR_MESSAGE_TOO_BIG beyond @max_size bytes (0: no
 * limit); with GSNMP_ERROR_INVALID_VALUE for values the message cannot carry
 * (PRIV without AUTH, a missing or wrong key, a negative msgID, msgMaxSize
 * below 484, boots or time above 2^31-1, engine IDs or a user name longer
 * than 32 bytes, a PDU type or value SNMPv3 cannot carry); with the crypto
 * module's errors otherwise. */
GBytes   *gsnmp_message_v3_encode    (const GsnmpMessageV3 *msg,
                                      GsnmpUsmKey          *auth_key,
                                      GsnmpUsmKey          *priv_key,
                                      gsize                 max_size,
                                      GError              **error);

/* Parses the header and the USM security parameters, and the scopedPDU
 * unless GSNMP_V3_FLAG_PRIV is set (then @msg->encrypted points into @data
 * and @msg->pdu stays NULL until gsnmp_message_v3_unprotect()).  @msg is
 * output only: whatever it held is overwritten, not freed; on failure it is
 * left cleared.
 *
 * Errors:
 *  - GSNMP_ERROR_MALFORMED_MESSAGE: anything malformed (every length is
 *    checked, bytes after the message are an error), msgVersion not 3,
 *    msgID or msgMaxSize out of range (RFC 3412 §6), msgFlags not one byte
 *    or with PRIV but not AUTH (RFC 3412 §7.2 step 5d), negative boots or
 *    time, engine IDs or user name longer than 32 bytes;
 *  - GSNMP_ERROR_FAILED: a msgSecurityModel other than USM (RFC 3412 §7.2
 *    step 4: snmpUnknownSecurityModels), so the engine can tell it apart;
 *    the rest of the message is not parsed. */
gboolean  gsnmp_message_v3_decode    (const guint8         *data,
                                      gsize                 length,
                                      GsnmpMessageV3       *msg,
                                      GError              **error);

/* RFC 3414 §3.2 steps 6-8 for a message decoded from @data: when AUTH is
 * set, verifies the HMAC over @data with @auth_key (GSNMP_ERROR_WRONG_DIGEST,
 * also for authentication parameters of the wrong length); then, when PRIV
 * is set, decrypts the encryptedPDU with @priv_key and parses the scopedPDU
 * (GSNMP_ERROR_DECRYPTION_ERROR when the privacy parameters or the
 * ciphertext length are wrong or the plaintext is not a scopedPDU; bytes
 * after the scopedPDU are padding and ignored).  A NULL key for a flag that
 * needs one fails with GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL (the user has
 * no such protocol, RFC 3414 §3.2 step 5).  The time-window check (step 7)
 * is the engine's. */
gboolean  gsnmp_message_v3_unprotect (GsnmpMessageV3       *msg,
                                      const guint8         *data,
                                      gsize                 length,
                                      GsnmpUsmKey          *auth_key,
                                      GsnmpUsmKey          *priv_key,
                                      GError              **error);

/* Frees what @msg owns and zeroes it. */
void      gsnmp_message_v3_clear     (GsnmpMessageV3       *msg);

/***************************************************************************/
/* Any version: the receive side's first step */

/* One incoming datagram, decoded according to its version. */
typedef struct {
        GsnmpProtocolVersion version;
        GsnmpMessage         community;  /* SNMPv1, SNMPv2c */
        GsnmpMessageV3       v3;         /* SNMPv3: its scopedPDU once unprotected */
} GsnmpIncoming;

/* RFC 3412 §7.2 steps 1-3: decodes @data of any version into @in, counting
 * in @local what makes it unusable (snmpInBadVersions, snmpInASNParseErrs,
 * snmpUnknownSecurityModels); snmpInPkts is the caller's, once per
 * datagram. FALSE (with @error) when the datagram is to be dropped. An
 * SNMPv3 message is decoded as far as it can be without keys: see
 * gsnmp_usm_process_incoming() for the rest. */
gboolean  gsnmp_message_decode_any   (const guint8         *data,
                                      gsize                 length,
                                      GsnmpLocalEngine     *local,
                                      GsnmpIncoming        *in,
                                      GError              **error);
void      gsnmp_incoming_clear       (GsnmpIncoming        *in);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GsnmpIncoming, gsnmp_incoming_clear)

G_END_DECLS
