/* fuzz-message.c - libFuzzer target for the SNMP message decoder
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Decodes arbitrary bytes as one datagram.  Whatever decodes must encode
 * again, and that encoding must decode to a message that encodes to the
 * very same bytes.  Criticals and warnings abort, so a decoder that hands
 * bad arguments to the value types is found too.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=enabled
 *   mkdir -p /tmp/corpus
 *   ./build-fuzz/tests/fuzz/fuzz-message -max_total_time=60 /tmp/corpus \
 *           tests/fuzz/corpus/message
 */
#include "config.h"

#include "gsnmp-message-private.h"
#include "gsnmp-error.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
        g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
        return 0;
}

/* SNMPv3 (gsnmp-message-v3.c): decode; then decrypt and parse whatever
 * encryptedPDU there is with fixed keys (the HMAC check is skipped: no input
 * forges it); then a message with a scopedPDU must encode at noAuthNoPriv,
 * decode again, and encode to the same bytes. */
static void
fuzz_v3 (const uint8_t *data,
         size_t         size)
{
        static const guint8 key_bytes[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                              17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };
        GsnmpMessageV3 msg, again;
        GsnmpUsmKey *priv_key;
        GError *error = NULL;
        GBytes *bytes, *bytes2;

        if (!gsnmp_message_v3_decode (data, size, &msg, &error)) {
                if (error == NULL || error->domain != GSNMP_ERROR || msg.pdu != NULL ||
                    msg.engine_id != NULL || msg.user_name != NULL)
                        abort ();
                g_error_free (error);
                return;
        }

        if (msg.msg_flags & GSNMP_V3_FLAG_PRIV) {
                /* DES (16-byte key) or AES-128 (16), by the input's length. */
                priv_key = gsnmp_usm_key_new (GSNMP_AUTH_PROTOCOL_SHA,
                                              size % 2 ? GSNMP_PRIV_PROTOCOL_DES : GSNMP_PRIV_PROTOCOL_AES,
                                              key_bytes, 16);
                msg.msg_flags &= ~GSNMP_V3_FLAG_AUTH;
                if (!gsnmp_message_v3_unprotect (&msg, data, size, NULL, priv_key, &error)) {
                        if (error == NULL || error->domain != GSNMP_ERROR || msg.pdu != NULL)
                                abort ();
                        g_clear_error (&error);
                }
                gsnmp_usm_key_unref (priv_key);
        }

        /* A negative error-status or -index is decoded (the agent's
         * answer) but never sent: the encoder refuses it. */
        if (msg.pdu != NULL && gsnmp_pdu_get_error_status (msg.pdu) <= G_MAXINT32 &&
            gsnmp_pdu_get_error_index (msg.pdu) <= G_MAXINT32) {
                msg.msg_flags &= ~(GSNMP_V3_FLAG_AUTH | GSNMP_V3_FLAG_PRIV);
                bytes = gsnmp_message_v3_encode (&msg, NULL, NULL, 0, &error);
                if (bytes == NULL)
                        g_error ("re-encoding a decoded SNMPv3 message failed: %s", error->message);
                if (!gsnmp_message_v3_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                              &again, &error))
                        g_error ("decoding a re-encoded SNMPv3 message failed: %s", error->message);
                bytes2 = gsnmp_message_v3_encode (&again, NULL, NULL, 0, &error);
                if (bytes2 == NULL || !g_bytes_equal (bytes, bytes2))
                        g_error ("SNMPv3 encoding is not stable");
                g_bytes_unref (bytes2);
                g_bytes_unref (bytes);
                gsnmp_message_v3_clear (&again);
        }
        gsnmp_message_v3_clear (&msg);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
        GsnmpMessage msg, again;
        GError *error = NULL;
        GBytes *bytes, *bytes2;

        if (gsnmp_message_peek_version (data, size) == GSNMP_PROTOCOL_VERSION_V3)
                fuzz_v3 (data, size);

        if (!gsnmp_message_decode (data, size, &msg, &error)) {
                if (error == NULL || error->domain != GSNMP_ERROR ||
                    msg.pdu != NULL || msg.community != NULL)
                        abort ();
                g_error_free (error);
                return 0;
        }

        if (gsnmp_pdu_get_error_status (msg.pdu) > G_MAXINT32 ||
            gsnmp_pdu_get_error_index (msg.pdu) > G_MAXINT32) {
                gsnmp_message_clear (&msg);
                return 0;
        }
        bytes = gsnmp_message_encode (&msg, 0, &error);
        if (bytes == NULL)
                g_error ("re-encoding a decoded message failed: %s", error->message);
        if (!gsnmp_message_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   &again, &error))
                g_error ("decoding a re-encoded message failed: %s", error->message);
        bytes2 = gsnmp_message_encode (&again, 0, &error);
        if (bytes2 == NULL || !g_bytes_equal (bytes, bytes2))
                g_error ("encoding is not stable");

        g_bytes_unref (bytes2);
        g_bytes_unref (bytes);
        gsnmp_message_clear (&again);
        gsnmp_message_clear (&msg);
        return 0;
}
