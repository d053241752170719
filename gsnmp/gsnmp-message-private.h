/* gsnmp-message-private.h - SNMP message encoding and decoding
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

#include "gsnmp-ber-private.h"
#include "gsnmp-enums.h"
#include "gsnmp-pdu.h"

G_BEGIN_DECLS

/* A decoded or to-be-encoded SNMP message.  For SNMPv1 and SNMPv2c that is
 * the community and the PDU (RFC 1157 §4, RFC 1901 §3).  The SNMPv3 work adds
 * the header and security parameters here. */
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
 * (Until the SNMPv3 work hooks in, an SNMPv3 message fails with
 * GSNMP_ERROR_FAILED: see decode_v3() in gsnmp-message.c.) */
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

G_END_DECLS
