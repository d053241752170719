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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
        GsnmpMessage msg, again;
        GError *error = NULL;
        GBytes *bytes, *bytes2;

        if (!gsnmp_message_decode (data, size, &msg, &error)) {
                if (error == NULL || error->domain != GSNMP_ERROR ||
                    msg.pdu != NULL || msg.community != NULL)
                        abort ();
                g_error_free (error);
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
