/* fuzz-ber.c - libFuzzer target for the BER reader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Walks arbitrary bytes as a tree of BER values, entering every constructed
 * value and decoding every primitive with the decoder its tag calls for,
 * then re-encodes what decoded and checks it decodes to the same value.
 */
#include "config.h"

#include "gsnmp-ber-private.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
        g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
        return 0;
}

/* Re-encodes one decoded primitive and checks the round trip. */
static void
check_primitive (guint8        tag,
                 const guint8 *content,
                 gsize         length)
{
        GsnmpBerWriter w;
        GsnmpBerReader r;
        gboolean ok = TRUE;

        gsnmp_ber_writer_init (&w, 0);
        switch (tag) {
        case GSNMP_BER_TAG_INTEGER: {
                gint32 v, v2;

                if (!gsnmp_ber_decode_integer (content, length, &v, NULL))
                        break;
                gsnmp_ber_write_integer (&w, tag, v);
                gsnmp_ber_reader_init (&r, gsnmp_ber_writer_get_data (&w), gsnmp_ber_writer_get_length (&w));
                ok = gsnmp_ber_read_integer (&r, tag, &v2, NULL) && v == v2;
                break;
        }
        case GSNMP_BER_TAG_COUNTER32:
        case GSNMP_BER_TAG_GAUGE32:
        case GSNMP_BER_TAG_TIMETICKS: {
                guint32 v, v2;

                if (!gsnmp_ber_decode_unsigned (content, length, &v, NULL))
                        break;
                gsnmp_ber_write_unsigned (&w, tag, v);
                gsnmp_ber_reader_init (&r, gsnmp_ber_writer_get_data (&w), gsnmp_ber_writer_get_length (&w));
                ok = gsnmp_ber_read_unsigned (&r, tag, &v2, NULL) && v == v2;
                break;
        }
        case GSNMP_BER_TAG_COUNTER64: {
                guint64 v, v2;

                if (!gsnmp_ber_decode_counter64 (content, length, &v, NULL))
                        break;
                gsnmp_ber_write_counter64 (&w, tag, v);
                gsnmp_ber_reader_init (&r, gsnmp_ber_writer_get_data (&w), gsnmp_ber_writer_get_length (&w));
                ok = gsnmp_ber_read_counter64 (&r, tag, &v2, NULL) && v == v2;
                break;
        }
        case GSNMP_BER_TAG_OBJECT_ID: {
                guint32 ids[GSNMP_BER_MAX_OID_LENGTH], ids2[GSNMP_BER_MAX_OID_LENGTH];
                gsize n, n2;

                if (!gsnmp_ber_decode_oid (content, length, ids, &n, NULL))
                        break;
                ok = gsnmp_ber_write_oid (&w, ids, n, NULL);
                gsnmp_ber_reader_init (&r, gsnmp_ber_writer_get_data (&w), gsnmp_ber_writer_get_length (&w));
                ok = ok && gsnmp_ber_read_oid (&r, ids2, &n2, NULL) &&
                     n == n2 && memcmp (ids, ids2, n * sizeof (guint32)) == 0;
                break;
        }
        default:
                break;
        }
        gsnmp_ber_writer_clear (&w);
        if (!ok)
                abort ();
}

static gboolean
walk (GsnmpBerReader *r)
{
        while (!gsnmp_ber_reader_at_end (r)) {
                guint8 tag;
                const guint8 *content;
                gsize length;

                if (!gsnmp_ber_reader_peek_tag (r, &tag))
                        abort ();
                if (tag & GSNMP_BER_CONSTRUCTED) {
                        if (!gsnmp_ber_enter_constructed (r, &tag, NULL) ||
                            !walk (r) ||
                            !gsnmp_ber_leave (r, NULL))
                                return FALSE;
                        continue;
                }
                if (!gsnmp_ber_read_tlv (r, &tag, &content, &length, NULL))
                        return FALSE;
                check_primitive (tag, content, length);
        }
        return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
        GsnmpBerReader r;
        GError *error = NULL;

        gsnmp_ber_reader_init (&r, data, size);
        if (walk (&r))
                gsnmp_ber_reader_finish (&r, &error);
        g_clear_error (&error);
        return 0;
}
