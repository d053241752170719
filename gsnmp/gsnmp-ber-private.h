/* gsnmp-ber-private.h - BER reader and writer (definite length only)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The subset of X.690 BER that SNMP uses: one-byte tags, definite lengths
 * of at most four length octets, primitive encodings of the SMIv2 types.
 *
 * Reading: a GsnmpBerReader is a bounded cursor over one datagram.  Every
 * read checks the bytes it needs against the end of the innermost
 * constructed value it is in, so nothing ever reads past the input.  Every
 * failure is a GSNMP_ERROR_MALFORMED_MESSAGE.  Octet strings are returned as
 * pointers into the input, without a copy.
 *
 *   GsnmpBerReader r;
 *   gsnmp_ber_reader_init (&r, data, len);
 *   if (!gsnmp_ber_enter (&r, GSNMP_BER_TAG_SEQUENCE, error) ||
 *       !gsnmp_ber_read_integer (&r, GSNMP_BER_TAG_INTEGER, &version, error) ||
 *       ...
 *       !gsnmp_ber_leave (&r, error) ||
 *       !gsnmp_ber_reader_finish (&r, error))
 *
 * Writing: a GsnmpBerWriter encodes backwards, Net-SNMP style: the last
 * element is written first and each write *prepends* its bytes, so every
 * length is known when its header is written and nothing is ever moved
 * except when the buffer grows (doubling, so O(n) overall).  A constructed
 * value is written by taking a mark, writing its elements last to first,
 * then wrapping them:
 *
 *   gsize mark = gsnmp_ber_writer_begin (&w);
 *   gsnmp_ber_write_null (&w, GSNMP_BER_TAG_NULL);       // the value …
 *   gsnmp_ber_write_oid (&w, ids, n_ids, error);         // … after the name
 *   gsnmp_ber_writer_end (&w, mark, GSNMP_BER_TAG_SEQUENCE);
 *
 * Positions: gsnmp_ber_writer_get_length() counts the bytes written so far,
 * which are the *last* bytes of the final encoding.  Bytes written while the
 * length went from L1 to L2 end up at offsets [T - L2, T - L1) of a final
 * encoding of T bytes; that is how SNMPv3 finds the msgAuthenticationParameters
 * placeholder to patch the HMAC in place.  To nest an encoding inside an OCTET
 * STRING (an encrypted scopedPDU), encode it with a second writer and write
 * the result with gsnmp_ber_write_octets(). */

/* Sets *@error (when @error is not NULL) to a GSNMP_ERROR_MALFORMED_MESSAGE
 * with the printf-style message and returns FALSE: the one way the BER,
 * message and security modules report malformed input. */
gboolean gsnmp_ber_set_malformed (GError    **error,
                                  const char *format,
                                  ...) G_GNUC_PRINTF (2, 3);

/* Identifier octets (X.690 §8.1.2; RFC 2578 §7.1; RFC 3416 §3). */
#define GSNMP_BER_TAG_INTEGER           0x02
#define GSNMP_BER_TAG_OCTET_STRING      0x04
#define GSNMP_BER_TAG_NULL              0x05
#define GSNMP_BER_TAG_OBJECT_ID         0x06
#define GSNMP_BER_TAG_SEQUENCE          0x30
#define GSNMP_BER_TAG_IP_ADDRESS        0x40
#define GSNMP_BER_TAG_COUNTER32         0x41
#define GSNMP_BER_TAG_GAUGE32           0x42
#define GSNMP_BER_TAG_TIMETICKS         0x43
#define GSNMP_BER_TAG_OPAQUE            0x44
#define GSNMP_BER_TAG_NSAP_ADDRESS      0x45    /* historic (RFC 1442) */
#define GSNMP_BER_TAG_COUNTER64         0x46
#define GSNMP_BER_TAG_UINTEGER32        0x47    /* historic (RFC 1442) */
#define GSNMP_BER_TAG_NO_SUCH_OBJECT    0x80
#define GSNMP_BER_TAG_NO_SUCH_INSTANCE  0x81
#define GSNMP_BER_TAG_END_OF_MIB_VIEW   0x82

/* The constructed bit of an identifier octet. */
#define GSNMP_BER_CONSTRUCTED           0x20

/* How deep constructed values may nest.  An SNMPv3 message in plain text
 * needs 5 (message, scopedPDU, PDU, varbind list, varbind). */
#define GSNMP_BER_MAX_DEPTH             8

/* The most sub-identifiers an OBJECT IDENTIFIER may have (RFC 2578 §7.1.3),
 * and so the size of the buffer gsnmp_ber_read_oid() needs. */
#define GSNMP_BER_MAX_OID_LENGTH        128

/* The longest length field accepted: 0x84 plus four octets. */
#define GSNMP_BER_MAX_LENGTH_OCTETS     4

/***************************************************************************/
/* Reader */

typedef struct {
        const guint8 *start;    /* the whole input, for offsets */
        const guint8 *pos;      /* next byte to read */
        const guint8 *end;      /* end of the innermost open constructed value */
        guint         depth;
        const guint8 *outer_end[GSNMP_BER_MAX_DEPTH];
} GsnmpBerReader;

void      gsnmp_ber_reader_init       (GsnmpBerReader       *r,
                                       const guint8         *data,
                                       gsize                 length);
/* Whether the innermost open constructed value (or the input) is used up. */
gboolean  gsnmp_ber_reader_at_end     (const GsnmpBerReader *r);
/* The offset of the next byte from the start of the input. */
gsize     gsnmp_ber_reader_get_offset (const GsnmpBerReader *r);
/* The next identifier octet, without consuming it; FALSE at the end. */
gboolean  gsnmp_ber_reader_peek_tag   (const GsnmpBerReader *r,
                                       guint8               *tag);
/* How many whole elements are left in the innermost open constructed
 * value (or the input), without moving: the count stops at the first
 * malformed or truncated header, which a real read reports. */
guint     gsnmp_ber_reader_count_elements (const GsnmpBerReader *r);
/* At depth 0 and at the end of the input: else "trailing bytes". */
gboolean  gsnmp_ber_reader_finish     (const GsnmpBerReader *r,
                                       GError              **error);

/* Reads one identifier and length, checks the length against what is left,
 * and returns the content (which it skips). */
gboolean  gsnmp_ber_read_tlv          (GsnmpBerReader       *r,
                                       guint8               *tag,
                                       const guint8        **content,
                                       gsize                *length,
                                       GError              **error);
/* Reads an identifier and length and steps into the content.  _enter wants
 * exactly @tag; _enter_constructed any tag with the constructed bit. */
gboolean  gsnmp_ber_enter             (GsnmpBerReader       *r,
                                       guint8                tag,
                                       GError              **error);
gboolean  gsnmp_ber_enter_constructed (GsnmpBerReader       *r,
                                       guint8               *tag,
                                       GError              **error);
/* Steps out of the innermost constructed value, which must be used up. */
gboolean  gsnmp_ber_leave             (GsnmpBerReader       *r,
                                       GError              **error);

/* Typed reads: each wants exactly @tag (for INTEGER pass
 * GSNMP_BER_TAG_INTEGER, for Counter32 GSNMP_BER_TAG_COUNTER32, …). */
gboolean  gsnmp_ber_read_integer      (GsnmpBerReader       *r,
                                       guint8                tag,
                                       gint32               *value,
                                       GError              **error);
gboolean  gsnmp_ber_read_unsigned     (GsnmpBerReader       *r,
                                       guint8                tag,
                                       guint32              *value,
                                       GError              **error);
gboolean  gsnmp_ber_read_counter64    (GsnmpBerReader       *r,
                                       guint8                tag,
                                       guint64              *value,
                                       GError              **error);
gboolean  gsnmp_ber_read_octets       (GsnmpBerReader       *r,
                                       guint8                tag,
                                       const guint8        **data,
                                       gsize                *length,
                                       GError              **error);
gboolean  gsnmp_ber_read_null         (GsnmpBerReader       *r,
                                       guint8                tag,
                                       GError              **error);
/* @ids must have room for GSNMP_BER_MAX_OID_LENGTH sub-identifiers. */
gboolean  gsnmp_ber_read_oid          (GsnmpBerReader       *r,
                                       guint32              *ids,
                                       gsize                *n_ids,
                                       GError              **error);
gboolean  gsnmp_ber_read_ip_address   (GsnmpBerReader       *r,
                                       guint8                address[4],
                                       GError              **error);

/* Content decoders, for a value whose identifier and length were read with
 * gsnmp_ber_read_tlv(). */
gboolean  gsnmp_ber_decode_integer    (const guint8         *content,
                                       gsize                 length,
                                       gint32               *value,
                                       GError              **error);
gboolean  gsnmp_ber_decode_unsigned   (const guint8         *content,
                                       gsize                 length,
                                       guint32              *value,
                                       GError              **error);
gboolean  gsnmp_ber_decode_counter64  (const guint8         *content,
                                       gsize                 length,
                                       guint64              *value,
                                       GError              **error);
gboolean  gsnmp_ber_decode_oid        (const guint8         *content,
                                       gsize                 length,
                                       guint32              *ids,
                                       gsize                *n_ids,
                                       GError              **error);

/***************************************************************************/
/* Writer */

typedef struct {
        guint8 *buf;    /* the allocation; the encoding is its last @used bytes */
        gsize   size;
        gsize   used;
} GsnmpBerWriter;

/* @size_hint: the expected size of the encoding (0: a default). */
void      gsnmp_ber_writer_init        (GsnmpBerWriter       *w,
                                        gsize                 size_hint);
void      gsnmp_ber_writer_clear       (GsnmpBerWriter       *w);
/* The number of bytes written so far (the tail of the final encoding). */
gsize     gsnmp_ber_writer_get_length  (const GsnmpBerWriter *w);
/* The bytes written so far; valid until the next write. */
guint8   *gsnmp_ber_writer_get_data    (GsnmpBerWriter       *w);
/* Hands the encoding over as GBytes (no copy) and clears @w. */
GBytes   *gsnmp_ber_writer_free_to_bytes (GsnmpBerWriter     *w);

/* Prepends @n uninitialised bytes and returns them; valid until the next
 * write. */
guint8   *gsnmp_ber_writer_reserve     (GsnmpBerWriter       *w,
                                        gsize                 n);
/* Prepends pre-encoded bytes as they are. */
void      gsnmp_ber_write_raw          (GsnmpBerWriter       *w,
                                        const guint8         *data,
                                        gsize                 length);
/* Prepends an identifier and a (minimal) length. */
void      gsnmp_ber_write_header       (GsnmpBerWriter       *w,
                                        guint8                tag,
                                        gsize                 length);
/* A constructed value: mark, write its elements last to first, then _end
 * wraps everything written since the mark in @tag. */
gsize     gsnmp_ber_writer_begin       (const GsnmpBerWriter *w);
void      gsnmp_ber_writer_end         (GsnmpBerWriter       *w,
                                        gsize                 mark,
                                        guint8                tag);

/* Typed writes, minimal encodings. */
void      gsnmp_ber_write_integer      (GsnmpBerWriter       *w,
                                        guint8                tag,
                                        gint32                value);
void      gsnmp_ber_write_unsigned     (GsnmpBerWriter       *w,
                                        guint8                tag,
                                        guint32               value);
void      gsnmp_ber_write_counter64    (GsnmpBerWriter       *w,
                                        guint8                tag,
                                        guint64               value);
void      gsnmp_ber_write_octets       (GsnmpBerWriter       *w,
                                        guint8                tag,
                                        const guint8         *data,
                                        gsize                 length);
void      gsnmp_ber_write_null         (GsnmpBerWriter       *w,
                                        guint8                tag);
/* Fails (GSNMP_ERROR_INVALID_OID) for OIDs BER cannot encode: more than
 * GSNMP_BER_MAX_OID_LENGTH sub-identifiers, a first arc above 2, or a
 * second arc above 39 under 0 or 1.  An empty OID is written as 0.0 and
 * one with a single arc x as x.0, as Net-SNMP does. */
gboolean  gsnmp_ber_write_oid          (GsnmpBerWriter       *w,
                                        const guint32        *ids,
                                        gsize                 n_ids,
                                        GError              **error);

G_END_DECLS

/* Encoding sizes (gsnmp-ber.c, "Sizes"). */
G_BEGIN_DECLS
gsize     gsnmp_ber_header_size          (gsize                 length);
gsize     gsnmp_ber_integer_content_size (gint64                svalue,
                                          gboolean              is_unsigned,
                                          guint64               uvalue);
gsize     gsnmp_ber_oid_content_size     (const guint32        *ids,
                                          gsize                 n_ids);
G_END_DECLS
