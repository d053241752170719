/* gsnmp-ber.c - BER reader and writer (definite length only)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-ber-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

/* The encoding rules are X.690 §8 (BER), restricted as SNMP uses them
 * (RFC 3417 §8): one-byte identifiers, definite lengths, primitive
 * encodings.  Non-minimal lengths and integers with redundant leading
 * 0x00/0xff octets are accepted on input (X.690 allows them in BER), and
 * always judged by their value; the writer only produces minimal ones.
 * doc/decoder-strictness.md lists every such choice and its test. */

/***************************************************************************/
/* Errors */

/* See gsnmp-ber-private.h. */
gboolean
gsnmp_ber_set_malformed (GError    **error,
                         const char *format,
                         ...)
{
        va_list args;

        if (error == NULL)
                return FALSE;

        va_start (args, format);
        *error = g_error_new_valist (GSNMP_ERROR, GSNMP_ERROR_MALFORMED_MESSAGE,
                                     format, args);
        va_end (args);
        return FALSE;
}

static gboolean
set_unexpected_tag (GError **error,
                    guint8   tag,
                    guint8   expected)
{
        return gsnmp_ber_set_malformed (error, _("Unexpected BER tag 0x%02x where 0x%02x was expected"),
                              tag, expected);
}

/***************************************************************************/
/* Reader */

/* Starts reading @length bytes at @data. */
void
gsnmp_ber_reader_init (GsnmpBerReader *r,
                       const guint8   *data,
                       gsize           length)
{
        r->start = data;
        r->pos = data;
        r->end = data + length;
        r->depth = 0;
}

/* Whether the innermost open value (or the input) has no bytes left. */
gboolean
gsnmp_ber_reader_at_end (const GsnmpBerReader *r)
{
        return r->pos >= r->end;
}

/* The offset of the next byte to read from the start of the input. */
gsize
gsnmp_ber_reader_get_offset (const GsnmpBerReader *r)
{
        return (gsize) (r->pos - r->start);
}

/* Peeks at the next identifier octet. */
gboolean
gsnmp_ber_reader_peek_tag (const GsnmpBerReader *r,
                           guint8               *tag)
{
        if (r->pos >= r->end)
                return FALSE;
        *tag = r->pos[0];
        return TRUE;
}

/* Checks that every constructed value was left and no bytes follow. */
gboolean
gsnmp_ber_reader_finish (const GsnmpBerReader *r,
                         GError              **error)
{
        if (r->depth != 0)
                return gsnmp_ber_set_malformed (error, _("Unterminated BER constructed value"));
        if (r->pos != r->end)
                return gsnmp_ber_set_malformed (error, _("%u unexpected bytes after the message"),
                                      (guint) (r->end - r->pos));
        return TRUE;
}

/* X.690 §8.1.2-8.1.3: reads the identifier and length octets and checks
 * that the content fits in what is left of the enclosing value. */
static gboolean
ber_read_header (GsnmpBerReader *r,
                 guint8         *tag,
                 gsize          *length,
                 GError        **error)
{
        const guint8 *p = r->pos;
        gsize avail = (gsize) (r->end - p);
        gsize len;

        /* Set on every path: the compiler cannot see that
         * gsnmp_ber_set_malformed() returns FALSE, and callers read both
         * only on success. */
        *tag = 0;
        *length = 0;
        if (avail < 2)
                return gsnmp_ber_set_malformed (error, _("Truncated BER value"));

        /* High-tag-number form (X.690 §8.1.2.4) never occurs in SNMP. */
        if ((p[0] & 0x1f) == 0x1f)
                return gsnmp_ber_set_malformed (error, _("Unsupported multi-byte BER tag"));
        *tag = p[0];

        len = p[1];
        p += 2;
        avail -= 2;
        if (len & 0x80) {
                guint n = len & 0x7f;

                if (n == 0)
                        return gsnmp_ber_set_malformed (error, _("Indefinite BER length"));
                if (n > GSNMP_BER_MAX_LENGTH_OCTETS)
                        return gsnmp_ber_set_malformed (error, _("BER length field too long"));
                if (avail < n)
                        return gsnmp_ber_set_malformed (error, _("Truncated BER length"));

                len = 0;
                for (guint i = 0; i < n; i++)
                        len = (len << 8) | p[i];
                p += n;
                avail -= n;
        }

        if (len > avail)
                return gsnmp_ber_set_malformed (error, _("BER length %zu exceeds the remaining %zu bytes"),
                                      len, avail);

        r->pos = p;
        *length = len;
        return TRUE;
}

/* Counts the elements left in the innermost open value. */
guint
gsnmp_ber_reader_count_elements (const GsnmpBerReader *r)
{
        GsnmpBerReader peek = { .start = r->start, .pos = r->pos, .end = r->end };
        guint8 tag;
        gsize length;
        guint n = 0;

        while (peek.pos < peek.end && ber_read_header (&peek, &tag, &length, NULL)) {
                peek.pos += length;
                n++;
        }
        return n;
}

/* Reads one whole element and returns its content. */
gboolean
gsnmp_ber_read_tlv (GsnmpBerReader *r,
                    guint8         *tag,
                    const guint8  **content,
                    gsize          *length,
                    GError        **error)
{
        if (!ber_read_header (r, tag, length, error))
                return FALSE;
        *content = r->pos;
        r->pos += *length;
        return TRUE;
}

/* Steps into a value whose header was just read. */
static gboolean
ber_push (GsnmpBerReader *r,
          gsize           length,
          GError        **error)
{
        if (r->depth >= GSNMP_BER_MAX_DEPTH)
                return gsnmp_ber_set_malformed (error, _("BER values nested too deeply"));
        r->outer_end[r->depth++] = r->end;
        r->end = r->pos + length;
        return TRUE;
}

/* Steps into a constructed value tagged @tag. */
gboolean
gsnmp_ber_enter (GsnmpBerReader *r,
                 guint8          tag,
                 GError        **error)
{
        const guint8 *p = r->pos;
        guint8 t;
        gsize length;

        /* The common case first: @tag with a short-form length that fits,
         * not too deep. */
        if (G_LIKELY (r->end - p >= 2 && p[0] == tag && p[1] < 0x80 &&
                      (gsize) (r->end - p) - 2 >= p[1] && r->depth < GSNMP_BER_MAX_DEPTH)) {
                r->pos = p + 2;
                r->outer_end[r->depth++] = r->end;
                r->end = r->pos + p[1];
                return TRUE;
        }

        if (!ber_read_header (r, &t, &length, error))
                return FALSE;
        if (t != tag)
                return set_unexpected_tag (error, t, tag);
        return ber_push (r, length, error);
}

/* Steps into a constructed value of any tag and returns the tag. */
gboolean
gsnmp_ber_enter_constructed (GsnmpBerReader *r,
                             guint8         *tag,
                             GError        **error)
{
        gsize length;

        if (!ber_read_header (r, tag, &length, error))
                return FALSE;
        if (!(*tag & GSNMP_BER_CONSTRUCTED))
                return gsnmp_ber_set_malformed (error, _("Unexpected primitive BER value 0x%02x where a constructed value was expected"),
                                      *tag);
        return ber_push (r, length, error);
}

/* Steps out of the innermost constructed value; it must be used up. */
gboolean
gsnmp_ber_leave (GsnmpBerReader *r,
                 GError        **error)
{
        if (r->depth == 0)
                return gsnmp_ber_set_malformed (error, _("Not inside a BER constructed value"));
        if (r->pos != r->end)
                return gsnmp_ber_set_malformed (error, _("%u unexpected bytes at the end of a BER constructed value"),
                                      (guint) (r->end - r->pos));
        r->end = r->outer_end[--r->depth];
        return TRUE;
}

/* Reads the header of a primitive value that must be tagged @tag. */
static gboolean
ber_read_primitive (GsnmpBerReader *r,
                    guint8          tag,
                    const guint8  **content,
                    gsize          *length,
                    GError        **error)
{
        guint8 t;

        if (!gsnmp_ber_read_tlv (r, &t, content, length, error))
                return FALSE;
        if (t != tag)
                return set_unexpected_tag (error, t, tag);
        return TRUE;
}

/* X.690 §8.3: a two's-complement INTEGER that must fit in 32 bits. */
gboolean
gsnmp_ber_decode_integer (const guint8 *content,
                          gsize         length,
                          gint32       *value,
                          GError      **error)
{
        guint32 v;

        if (length == 0)
                return gsnmp_ber_set_malformed (error, _("Empty BER integer"));

        /* Drop redundant sign octets: 0x00 before a clear top bit, 0xff
         * before a set one. */
        while (length > 1 &&
               ((content[0] == 0x00 && !(content[1] & 0x80)) ||
                (content[0] == 0xff && (content[1] & 0x80)))) {
                content++;
                length--;
        }
        if (length > 4)
                return gsnmp_ber_set_malformed (error, _("BER integer does not fit in 32 bits"));

        v = (content[0] & 0x80) ? G_MAXUINT32 : 0;
        for (gsize i = 0; i < length; i++)
                v = (v << 8) | content[i];
        *value = (gint32) v;
        return TRUE;
}

/* Drops leading zero octets of an unsigned value.  An encoding whose
 * first octet has its top bit set is, in X.690 terms, negative: agents
 * that forget the leading 0x00 send Counter32 3000000000 as b2 d0 5e 00.
 * Net-SNMP (asn_parse_unsigned_int()) reads the octets as an unsigned
 * number, and so does gsnmp (doc/decoder-strictness.md). */
static gboolean
ber_strip_unsigned (const guint8 **content,
                    gsize         *length,
                    GError       **error)
{
        if (*length == 0)
                return gsnmp_ber_set_malformed (error, _("Empty BER integer"));
        while (*length > 1 && (*content)[0] == 0x00) {
                (*content)++;
                (*length)--;
        }
        return TRUE;
}

/* RFC 2578 §7.1.6-7.1.8: Counter32, Gauge32, TimeTicks, and RFC 1442's
 * UInteger32 (0..2^32-1). */
gboolean
gsnmp_ber_decode_unsigned (const guint8 *content,
                           gsize         length,
                           guint32      *value,
                           GError      **error)
{
        guint32 v = 0;

        if (!ber_strip_unsigned (&content, &length, error))
                return FALSE;
        if (length > 4)
                return gsnmp_ber_set_malformed (error, _("BER unsigned value does not fit in 32 bits"));
        for (gsize i = 0; i < length; i++)
                v = (v << 8) | content[i];
        *value = v;
        return TRUE;
}

/* RFC 2578 §7.1.10: Counter64 (0..2^64-1). */
gboolean
gsnmp_ber_decode_counter64 (const guint8 *content,
                            gsize         length,
                            guint64      *value,
                            GError      **error)
{
        guint64 v = 0;

        if (!ber_strip_unsigned (&content, &length, error))
                return FALSE;
        if (length > 8)
                return gsnmp_ber_set_malformed (error, _("BER Counter64 value does not fit in 64 bits"));
        for (gsize i = 0; i < length; i++)
                v = (v << 8) | content[i];
        *value = v;
        return TRUE;
}

static gboolean
set_too_many_subids (GError **error)
{
        return gsnmp_ber_set_malformed (error, _("BER object identifier has more than %u sub-identifiers"),
                                        (guint) GSNMP_BER_MAX_OID_LENGTH);
}

/* X.690 §8.19: OBJECT IDENTIFIER contents.  The first sub-identifier holds
 * the first two arcs (X * 40 + Y); it may exceed 32 bits by up to 80 when
 * the first arc is 2. */
gboolean
gsnmp_ber_decode_oid (const guint8 *content,
                      gsize         length,
                      guint32      *ids,
                      gsize        *n_ids,
                      GError      **error)
{
        const guint8 *p = content, *end = content + length;
        gsize n = 0;

        if (length == 0)
                return gsnmp_ber_set_malformed (error, _("Empty BER object identifier"));
        if (end[-1] & 0x80)
                return gsnmp_ber_set_malformed (error, _("Truncated sub-identifier in a BER object identifier"));

        while (p < end) {
                /* Each sub-identifier is base 128, high bit on all but the
                 * last octet; a leading 0x80 would be padding (§8.19.2). */
                guint64 v = 0;
                guint64 limit = (n == 0) ? (guint64) G_MAXUINT32 + 80 : G_MAXUINT32;

                /* The common case: sub-identifiers below 128, one octet
                 * each. */
                if (n >= 2 && !(*p & 0x80)) {
                        if (n >= GSNMP_BER_MAX_OID_LENGTH)
                                return set_too_many_subids (error);
                        ids[n++] = *p++;
                        continue;
                }
                if (*p == 0x80)
                        return gsnmp_ber_set_malformed (error, _("Padded sub-identifier in a BER object identifier"));
                do {
                        v = (v << 7) | (*p & 0x7f);
                        if (v > limit)
                                return gsnmp_ber_set_malformed (error, _("Sub-identifier too large in a BER object identifier"));
                } while (*p++ & 0x80);
                /* The last octet has no continuation bit (checked above), so
                 * p never passes end. */

                if (n == 0) {
                        if (v < 40) {
                                ids[0] = 0;
                                ids[1] = (guint32) v;
                        } else if (v < 80) {
                                ids[0] = 1;
                                ids[1] = (guint32) (v - 40);
                        } else {
                                ids[0] = 2;
                                ids[1] = (guint32) (v - 80);
                        }
                        n = 2;
                } else {
                        if (n >= GSNMP_BER_MAX_OID_LENGTH)
                                return set_too_many_subids (error);
                        ids[n++] = (guint32) v;
                }
        }

        *n_ids = n;
        return TRUE;
}

/* gsnmp_ber_read_integer() past its fast path: long lengths, bad tags,
 * truncation; kept out of line so that the fast path stays small. */
static G_GNUC_NO_INLINE gboolean
ber_read_integer_slow (GsnmpBerReader *r,
                       guint8          tag,
                       gint32         *value,
                       GError        **error)
{
        const guint8 *content;
        gsize length;

        return ber_read_primitive (r, tag, &content, &length, error) &&
               gsnmp_ber_decode_integer (content, length, value, error);
}

/* Reads an INTEGER-encoded value tagged @tag into a gint32. */
gboolean
gsnmp_ber_read_integer (GsnmpBerReader *r,
                        guint8          tag,
                        gint32         *value,
                        GError        **error)
{
        const guint8 *p = r->pos;

        /* The common case first: the tag, a short length of 1 to 4 and
         * the content, all within the value; redundant sign octets do not
         * change the value, so this reads what the general path does. */
        if (G_LIKELY (r->end - p >= 3 && p[0] == tag && p[1] >= 1 && p[1] <= 4 &&
                      (gsize) (r->end - p) >= 2u + p[1])) {
                guint32 v = (p[2] & 0x80) ? G_MAXUINT32 : 0;

                for (guint i = 0; i < p[1]; i++)
                        v = (v << 8) | p[2 + i];
                *value = (gint32) v;
                r->pos = p + 2 + p[1];
                return TRUE;
        }

        return ber_read_integer_slow (r, tag, value, error);
}

/* Reads an unsigned 32-bit value tagged @tag. */
gboolean
gsnmp_ber_read_unsigned (GsnmpBerReader *r,
                         guint8          tag,
                         guint32        *value,
                         GError        **error)
{
        const guint8 *content;
        gsize length;

        return ber_read_primitive (r, tag, &content, &length, error) &&
               gsnmp_ber_decode_unsigned (content, length, value, error);
}

/* Reads an unsigned 64-bit value tagged @tag. */
gboolean
gsnmp_ber_read_counter64 (GsnmpBerReader *r,
                          guint8          tag,
                          guint64        *value,
                          GError        **error)
{
        const guint8 *content;
        gsize length;

        return ber_read_primitive (r, tag, &content, &length, error) &&
               gsnmp_ber_decode_counter64 (content, length, value, error);
}

/* Reads the content of a string-like value tagged @tag, without a copy. */
gboolean
gsnmp_ber_read_octets (GsnmpBerReader *r,
                       guint8          tag,
                       const guint8  **data,
                       gsize          *length,
                       GError        **error)
{
        return ber_read_primitive (r, tag, data, length, error);
}

/* Reads a NULL (or an exception, which is NULL-like) tagged @tag. */
gboolean
gsnmp_ber_read_null (GsnmpBerReader *r,
                     guint8          tag,
                     GError        **error)
{
        const guint8 *content;
        gsize length;

        if (!ber_read_primitive (r, tag, &content, &length, error))
                return FALSE;
        if (length != 0)
                return gsnmp_ber_set_malformed (error, _("BER NULL value with content"));
        return TRUE;
}

/* Reads an OBJECT IDENTIFIER into @ids (GSNMP_BER_MAX_OID_LENGTH long). */
gboolean
gsnmp_ber_read_oid (GsnmpBerReader *r,
                    guint32        *ids,
                    gsize          *n_ids,
                    GError        **error)
{
        const guint8 *content;
        gsize length;

        return ber_read_primitive (r, GSNMP_BER_TAG_OBJECT_ID, &content, &length, error) &&
               gsnmp_ber_decode_oid (content, length, ids, n_ids, error);
}

/* RFC 2578 §7.1.5: IpAddress, exactly four octets. */
gboolean
gsnmp_ber_read_ip_address (GsnmpBerReader *r,
                           guint8          address[4],
                           GError        **error)
{
        const guint8 *content;
        gsize length;

        if (!ber_read_primitive (r, GSNMP_BER_TAG_IP_ADDRESS, &content, &length, error))
                return FALSE;
        if (length != 4)
                return gsnmp_ber_set_malformed (error, _("BER IpAddress of %u bytes instead of 4"),
                                      (guint) length);
        memcpy (address, content, 4);
        return TRUE;
}

/***************************************************************************/
/* Writer */

#define DEFAULT_WRITER_SIZE 256

/* Starts an empty encoding. */
void
gsnmp_ber_writer_init (GsnmpBerWriter *w,
                       gsize           size_hint)
{
        w->size = size_hint ? size_hint : DEFAULT_WRITER_SIZE;
        w->buf = g_malloc (w->size);
        w->used = 0;
}

/* Frees the buffer; @w can be initialised again. */
void
gsnmp_ber_writer_clear (GsnmpBerWriter *w)
{
        g_clear_pointer (&w->buf, g_free);
        w->size = 0;
        w->used = 0;
}

/* The number of bytes written so far. */
gsize
gsnmp_ber_writer_get_length (const GsnmpBerWriter *w)
{
        return w->used;
}

/* The bytes written so far (the front of the encoding). */
guint8 *
gsnmp_ber_writer_get_data (GsnmpBerWriter *w)
{
        return w->buf + w->size - w->used;
}

/* Turns the encoding into GBytes without copying it. */
GBytes *
gsnmp_ber_writer_free_to_bytes (GsnmpBerWriter *w)
{
        GBytes *bytes;

        bytes = g_bytes_new_with_free_func (w->buf + w->size - w->used, w->used,
                                            g_free, w->buf);
        w->buf = NULL;
        w->size = 0;
        w->used = 0;
        return bytes;
}

/* Grows the buffer so that @n more bytes fit in front, keeping the
 * encoding at the end of the new buffer. */
static void
ber_grow (GsnmpBerWriter *w,
          gsize           n)
{
        gsize new_size = MAX (w->size, 64);
        guint8 *new_buf;

        while (new_size - w->used < n) {
                if (new_size > G_MAXSIZE / 2)
                        g_error ("BER writer: encoding too large");
                new_size *= 2;
        }
        new_buf = g_malloc (new_size);
        if (w->used > 0)
                memcpy (new_buf + new_size - w->used, w->buf + w->size - w->used, w->used);
        g_free (w->buf);
        w->buf = new_buf;
        w->size = new_size;
}

/* Prepends @n bytes and returns a pointer to them. */
static inline guint8 *
ber_reserve (GsnmpBerWriter *w,
             gsize           n)
{
        if (G_UNLIKELY (w->size - w->used < n))
                ber_grow (w, n);
        w->used += n;
        return w->buf + w->size - w->used;
}

guint8 *
gsnmp_ber_writer_reserve (GsnmpBerWriter *w,
                          gsize           n)
{
        return ber_reserve (w, n);
}

/* Prepends pre-encoded bytes. */
void
gsnmp_ber_write_raw (GsnmpBerWriter *w,
                     const guint8   *data,
                     gsize           length)
{
        if (length > 0)
                memcpy (ber_reserve (w, length), data, length);
}

/* The number of octets of a long-form length field for @length (>= 0x80),
 * without the first one. */
static inline guint
ber_long_length_octets (gsize length)
{
        guint n = 0;

        for (gsize l = length; l > 0; l >>= 8)
                n++;
        return n;
}

/* Fills the identifier and length octets for @length content octets into
 * @p, which has gsnmp_ber_header_size (@length) bytes. */
static inline void
ber_fill_header (guint8 *p,
                 guint8  tag,
                 gsize   length)
{
        p[0] = tag;
        if (G_LIKELY (length < 0x80)) {
                p[1] = (guint8) length;
        } else {
                guint n = ber_long_length_octets (length);

                p[1] = 0x80 | n;
                for (guint i = 0; i < n; i++)
                        p[1 + n - i] = (guint8) (length >> (8 * i));
        }
}

/* X.690 §8.1.3: prepends an identifier and a minimal definite length. */
void
gsnmp_ber_write_header (GsnmpBerWriter *w,
                        guint8          tag,
                        gsize           length)
{
        g_return_if_fail (length <= G_MAXUINT32);

        ber_fill_header (ber_reserve (w, gsnmp_ber_header_size (length)), tag, length);
}

/* Marks the end of a constructed value's content. */
gsize
gsnmp_ber_writer_begin (const GsnmpBerWriter *w)
{
        return w->used;
}

/* Wraps everything written since @mark in a constructed value @tag. */
void
gsnmp_ber_writer_end (GsnmpBerWriter *w,
                      gsize           mark,
                      guint8          tag)
{
        g_return_if_fail (mark <= w->used);
        gsnmp_ber_write_header (w, tag, w->used - mark);
}

/* Prepends the minimal two's-complement encoding of a 64-bit value that
 * the caller knows to be in range, with identifier @tag: one reservation
 * for the whole element. */
static void
ber_write_int64 (GsnmpBerWriter *w,
                 guint8          tag,
                 gint64          value,
                 gboolean        is_unsigned,
                 guint64         uvalue)
{
        guint8 tmp[11];
        guint n = 0;

        /* Emit octets least significant first, from the end of @tmp, until
         * the remaining value is just the sign extension of the last octet
         * emitted. */
        if (is_unsigned) {
                do {
                        tmp[10 - n++] = (guint8) uvalue;
                        uvalue >>= 8;
                } while (uvalue != 0);
                if (tmp[11 - n] & 0x80)
                        tmp[10 - n++] = 0x00;
        } else {
                for (;;) {
                        guint8 b = (guint8) value;

                        tmp[10 - n++] = b;
                        value >>= 8;    /* arithmetic shift on every supported compiler */
                        if ((value == 0 && !(b & 0x80)) || (value == -1 && (b & 0x80)))
                                break;
                }
        }
        /* At most 9 content octets: a short-form length. */
        tmp[9 - n] = tag;
        tmp[10 - n] = (guint8) n;
        memcpy (ber_reserve (w, n + 2), tmp + 9 - n, n + 2);
}

/* Prepends a two's-complement INTEGER (X.690 §8.3). */
void
gsnmp_ber_write_integer (GsnmpBerWriter *w,
                         guint8          tag,
                         gint32          value)
{
        /* The common small case: one content octet. */
        if (value >= -128 && value <= 127) {
                guint8 *p = ber_reserve (w, 3);

                p[0] = tag;
                p[1] = 1;
                p[2] = (guint8) value;
                return;
        }
        ber_write_int64 (w, tag, value, FALSE, 0);
}

/* Prepends an unsigned 32-bit value (Counter32, Gauge32, TimeTicks). */
void
gsnmp_ber_write_unsigned (GsnmpBerWriter *w,
                          guint8          tag,
                          guint32         value)
{
        ber_write_int64 (w, tag, 0, TRUE, value);
}

/* Prepends an unsigned 64-bit value (Counter64). */
void
gsnmp_ber_write_counter64 (GsnmpBerWriter *w,
                           guint8          tag,
                           guint64         value)
{
        ber_write_int64 (w, tag, 0, TRUE, value);
}

/* Prepends a string-like value. */
void
gsnmp_ber_write_octets (GsnmpBerWriter *w,
                        guint8          tag,
                        const guint8   *data,
                        gsize           length)
{
        gsize header;
        guint8 *p;

        g_return_if_fail (length <= G_MAXUINT32);

        header = gsnmp_ber_header_size (length);
        p = ber_reserve (w, header + length);
        ber_fill_header (p, tag, length);
        if (length > 0)
                memcpy (p + header, data, length);
}

/* Prepends a NULL-like value (NULL or an exception). */
void
gsnmp_ber_write_null (GsnmpBerWriter *w,
                      guint8          tag)
{
        guint8 *p = ber_reserve (w, 2);

        p[0] = tag;
        p[1] = 0;
}

/* Stores one base-128 sub-identifier so that it ends just before @end;
 * returns its first octet. */
static inline guint8 *
ber_put_subid (guint8  *end,
               guint64  v)
{
        *--end = v & 0x7f;
        v >>= 7;
        while (v != 0) {
                *--end = 0x80 | (v & 0x7f);
                v >>= 7;
        }
        return end;
}

/* The most octets an OBJECT IDENTIFIER's element can take: the header
 * (content below 0x80 * 8 fits in two length octets) and five octets per
 * 32-bit sub-identifier, one more for the first two arcs together. */
#define MAX_OID_ELEMENT_SIZE (4 + 5 * GSNMP_BER_MAX_OID_LENGTH + 1)

/* X.690 §8.19: prepends an OBJECT IDENTIFIER, encoded backwards on the
 * stack and copied in one piece. */
gboolean
gsnmp_ber_write_oid (GsnmpBerWriter *w,
                     const guint32  *ids,
                     gsize           n_ids,
                     GError        **error)
{
        guint8 tmp[MAX_OID_ELEMENT_SIZE];
        guint8 *end = tmp + sizeof tmp, *p = end;
        guint32 first = 0, second = 0;
        gsize length, header;

        if (n_ids > GSNMP_BER_MAX_OID_LENGTH) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID,
                             _("Object identifier has more than %u sub-identifiers"),
                             (guint) GSNMP_BER_MAX_OID_LENGTH);
                return FALSE;
        }
        if (n_ids >= 1)
                first = ids[0];
        if (n_ids >= 2)
                second = ids[1];
        if (first > 2 || (first < 2 && second >= 40)) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID,
                             _("Object identifier cannot start with %u.%u"),
                             first, second);
                return FALSE;
        }

        for (gsize i = n_ids; i > 2; i--) {
                guint32 v = ids[i - 1];

                if (G_LIKELY (v < 0x80))
                        *--p = (guint8) v;
                else
                        p = ber_put_subid (p, v);
        }
        p = ber_put_subid (p, (guint64) first * 40 + second);

        length = (gsize) (end - p);
        header = gsnmp_ber_header_size (length);
        p -= header;
        ber_fill_header (p, GSNMP_BER_TAG_OBJECT_ID, length);
        memcpy (ber_reserve (w, header + length), p, header + length);
        return TRUE;
}

/***************************************************************************/
/* Sizes, for callers that must know how big an encoding will be before
 * writing it (the agent filling a GETBULK response up to the message
 * size).  Each matches what the writer above produces. */

/* The size of an identifier and a length field for @length content bytes. */
gsize
gsnmp_ber_header_size (gsize length)
{
        gsize n = 2;

        if (length >= 0x80) {
                for (gsize l = length; l > 0; l >>= 8)
                        n++;
        }
        return n;
}

/* The content size of the minimal encoding ber_write_int64() writes:
 * two's complement @svalue, or @uvalue when @is_unsigned. */
gsize
gsnmp_ber_integer_content_size (gint64   svalue,
                                gboolean is_unsigned,
                                guint64  uvalue)
{
        gsize n = 0;

        if (is_unsigned) {
                guint8 last;

                do {
                        last = (guint8) uvalue;
                        uvalue >>= 8;
                        n++;
                } while (uvalue != 0);
                return (last & 0x80) ? n + 1 : n;
        }

        for (;;) {
                guint8 b = (guint8) svalue;

                n++;
                svalue >>= 8;
                if ((svalue == 0 && !(b & 0x80)) || (svalue == -1 && (b & 0x80)))
                        return n;
        }
}

static gsize
subid_size (guint64 v)
{
        gsize n = 1;

        while (v >= 0x80) {
                v >>= 7;
                n++;
        }
        return n;
}

/* The content size of an OBJECT IDENTIFIER, as gsnmp_ber_write_oid()
 * writes it (the OID must be one it can write). */
gsize
gsnmp_ber_oid_content_size (const guint32 *ids,
                            gsize          n_ids)
{
        guint32 first = n_ids >= 1 ? ids[0] : 0;
        guint32 second = n_ids >= 2 ? ids[1] : 0;
        gsize n = subid_size ((guint64) first * 40 + second);

        for (gsize i = 2; i < n_ids; i++)
                n += subid_size (ids[i]);
        return n;
}
