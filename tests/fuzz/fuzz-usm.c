/* fuzz-usm.c - libFuzzer target for the SNMPv3 receive path with keys
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * fuzz-message decodes SNMPv3 messages but never gets past the HMAC check,
 * which no mutated input passes. Here the first input byte picks an
 * authentication and a privacy protocol, the rest is a datagram; the
 * target holds fixed keys for them and
 *   1. runs gsnmp_message_v3_unprotect() on the datagram as it came (a
 *      wrong digest, almost always);
 *   2. signs a copy of the datagram in place with the authentication key,
 *      as the sender would have, and runs it again: the HMAC check passes,
 *      and the decryption (DES, 3DES, AES-128/192/256 with both key
 *      extensions) and the scopedPDU parse behind it see the fuzzer's bytes.
 * Whatever decrypts must encode again at noAuthNoPriv. Errors must be
 * GSNMP_ERROR ones; criticals and warnings abort.
 *
 * The seed corpus (tests/fuzz/corpus/usm/) holds authNoPriv and authPriv
 * messages made with these same keys, by running this program with
 * GSNMP_FUZZ_USM_WRITE_SEEDS=DIR (see write_seeds()).
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=enabled
 *   mkdir -p /tmp/corpus
 *   ./build-fuzz/tests/fuzz/fuzz-usm -max_total_time=60 /tmp/corpus tests/fuzz/corpus/usm
 */
#include "config.h"

#include "gsnmp-message-private.h"
#include "gsnmp-usm-private.h"
#include "gsnmp-error.h"
#include "gsnmp-oid.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-varbind.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const GsnmpAuthProtocol auths[] = {
        GSNMP_AUTH_PROTOCOL_MD5, GSNMP_AUTH_PROTOCOL_SHA, GSNMP_AUTH_PROTOCOL_SHA224,
        GSNMP_AUTH_PROTOCOL_SHA256, GSNMP_AUTH_PROTOCOL_SHA384, GSNMP_AUTH_PROTOCOL_SHA512,
};
static const GsnmpPrivProtocol privs[] = {
        GSNMP_PRIV_PROTOCOL_NONE, GSNMP_PRIV_PROTOCOL_DES, GSNMP_PRIV_PROTOCOL_AES,
        GSNMP_PRIV_PROTOCOL_AES192, GSNMP_PRIV_PROTOCOL_AES256,
        GSNMP_PRIV_PROTOCOL_AES192_CISCO, GSNMP_PRIV_PROTOCOL_AES256_CISCO,
        GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
};

/* Fixed key material: 64 bytes, of which each key takes what it needs. */
static const guint8 key_bytes[64] = {
        0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe,
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00,
        0xf0, 0xe1, 0xd2, 0xc3, 0xb4, 0xa5, 0x96, 0x87, 0x78, 0x69, 0x5a, 0x4b, 0x3c, 0x2d, 0x1e, 0x0f,
        0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f, 0x60, 0x71, 0x82, 0x93, 0xa4, 0xb5, 0xc6, 0xd7, 0xe8, 0xf9,
};

static void
pick_keys (guint8        selector,
           GsnmpUsmKey **auth_key,
           GsnmpUsmKey **priv_key)
{
        GsnmpAuthProtocol auth = auths[selector % G_N_ELEMENTS (auths)];
        GsnmpPrivProtocol priv = privs[(selector / G_N_ELEMENTS (auths)) % G_N_ELEMENTS (privs)];

        *auth_key = gsnmp_usm_key_new (auth, GSNMP_PRIV_PROTOCOL_NONE, key_bytes,
                                       gsnmp_usm_auth_key_length (auth));
        *priv_key = priv == GSNMP_PRIV_PROTOCOL_NONE ? NULL :
                    gsnmp_usm_key_new (auth, priv, key_bytes + 7, gsnmp_usm_priv_key_length (priv));
}

static void
unprotect (const guint8 *data,
           gsize         size,
           GsnmpUsmKey  *auth_key,
           GsnmpUsmKey  *priv_key)
{
        GsnmpMessageV3 msg;
        GError *error = NULL;

        if (!gsnmp_message_v3_decode (data, size, &msg, &error)) {
                if (error == NULL || error->domain != GSNMP_ERROR || msg.pdu != NULL)
                        abort ();
                g_error_free (error);
                return;
        }
        if (!gsnmp_message_v3_unprotect (&msg, data, size,
                                         (msg.msg_flags & GSNMP_V3_FLAG_AUTH) ? auth_key : NULL,
                                         (msg.msg_flags & GSNMP_V3_FLAG_PRIV) ? priv_key : NULL,
                                         &error)) {
                if (error == NULL || error->domain != GSNMP_ERROR)
                        abort ();
                g_clear_error (&error);
        } else if (msg.pdu != NULL &&
                   gsnmp_pdu_get_error_status (msg.pdu) <= G_MAXINT32 &&
                   gsnmp_pdu_get_error_index (msg.pdu) <= G_MAXINT32) {
                /* (a negative error-status or -index is decoded, as the
                 * agent's answer, but never sent) */
                GBytes *bytes;

                msg.msg_flags &= ~(GSNMP_V3_FLAG_AUTH | GSNMP_V3_FLAG_PRIV);
                bytes = gsnmp_message_v3_encode (&msg, NULL, NULL, 0, &error);
                if (bytes == NULL)
                        g_error ("re-encoding an unprotected SNMPv3 message failed: %s", error->message);
                g_bytes_unref (bytes);
        }
        gsnmp_message_v3_clear (&msg);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
        GsnmpUsmKey *auth_key, *priv_key;
        GsnmpMessageV3 msg;
        GError *error = NULL;

        if (size < 2)
                return 0;
        pick_keys (data[0], &auth_key, &priv_key);
        data++;
        size--;

        unprotect (data, size, auth_key, priv_key);

        /* Signed as the sender would have: the HMAC check passes. */
        if (gsnmp_message_v3_decode (data, size, &msg, NULL)) {
                if ((msg.msg_flags & GSNMP_V3_FLAG_AUTH) &&
                    msg.auth_len == gsnmp_usm_auth_mac_length (auth_key->auth)) {
                        guint8 *copy = g_memdup2 (data, size);

                        if (!gsnmp_usm_auth_sign (auth_key, copy, size, msg.auth_offset, &error))
                                g_error ("signing failed: %s", error->message);
                        unprotect (copy, size, auth_key, priv_key);
                        g_free (copy);
                }
                gsnmp_message_v3_clear (&msg);
        }

        gsnmp_usm_key_unref (auth_key);
        if (priv_key != NULL)
                gsnmp_usm_key_unref (priv_key);
        return 0;
}

/* Writes the seed corpus: a GetResponse with a few values, for every pair
 * of protocols the selector byte can pick, at authNoPriv and authPriv. */
static void
write_seeds (const char *dir)
{
        static const guint8 engine_id[] = { 0x80, 0x00, 0x1f, 0x88, 0x04, 'f', 'u', 'z', 'z' };

        for (guint selector = 0; selector < G_N_ELEMENTS (auths) * G_N_ELEMENTS (privs); selector++) {
                GsnmpUsmKey *auth_key, *priv_key;
                GsnmpMessageV3 msg = { 0, };
                GError *error = NULL;
                GsnmpOid *oid = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.5.0", NULL);
                GBytes *bytes;
                char *path;
                GByteArray *file;

                pick_keys ((guint8) selector, &auth_key, &priv_key);
                msg.msg_id = 1000 + (gint32) selector;
                msg.msg_max_size = 65507;
                msg.msg_flags = GSNMP_V3_FLAG_AUTH | (priv_key ? GSNMP_V3_FLAG_PRIV : 0);
                msg.security_model = 3;
                msg.engine_id = g_bytes_new_static (engine_id, sizeof engine_id);
                msg.engine_boots = 5;
                msg.engine_time = 1234;
                msg.user_name = g_bytes_new_static ("fuzzer", 6);
                msg.context_engine_id = g_bytes_new_static (engine_id, sizeof engine_id);
                msg.context_name = g_bytes_new_static ("", 0);
                msg.pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
                gsnmp_pdu_set_request_id (msg.pdu, 77);
                gsnmp_pdu_take_varbind (msg.pdu, gsnmp_varbind_new_string (oid, "fuzz-host"));
                gsnmp_pdu_take_varbind (msg.pdu, gsnmp_varbind_new_integer (oid, -5));
                bytes = gsnmp_message_v3_encode (&msg, auth_key, priv_key, 0, &error);
                if (bytes == NULL)
                        g_error ("seed %u: %s", selector, error->message);

                file = g_byte_array_new ();
                g_byte_array_append (file, (const guint8 *) &(guint8) { (guint8) selector }, 1);
                g_byte_array_append (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
                path = g_strdup_printf ("%s/%s-%s.bin", dir,
                                        gsnmp_usm_auth_protocol_name (auth_key->auth),
                                        priv_key ? gsnmp_usm_priv_protocol_name (priv_key->priv) : "nopriv");
                if (!g_file_set_contents (path, (const char *) file->data, file->len, &error))
                        g_error ("%s", error->message);
                g_free (path);
                g_byte_array_unref (file);
                g_bytes_unref (bytes);
                gsnmp_oid_unref (oid);
                gsnmp_message_v3_clear (&msg);
                gsnmp_usm_key_unref (auth_key);
                if (priv_key != NULL)
                        gsnmp_usm_key_unref (priv_key);
        }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
        const char *seeds = g_getenv ("GSNMP_FUZZ_USM_WRITE_SEEDS");

        g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
        if (seeds != NULL) {
                write_seeds (seeds);
                exit (0);
        }
        return 0;
}
