/* gsnmp-usm.c - SNMPv3 USM keys, HMACs and ciphers (RFC 3414, 3826, 7860)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * All cryptography goes through libgcrypt, initialised by gsnmp_init_once().
 * Key material lives only in GsnmpUsmKey objects and in stack buffers that
 * are wiped before they go out of scope; none of it is ever logged.
 */
#include "config.h"

#include "gsnmp-usm-private.h"
#include "gsnmp-usm-user-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

#include <gcrypt.h>
#include <string.h>

/* RFC 3414 §11.2: passphrases of at least 8 octets. */
#define MIN_PASSPHRASE_LENGTH 8

/* RFC 3414 §A.2.1: the passphrase is repeated to fill 1 MiB. */
#define PASSWORD_TO_KEY_BYTES 1048576
#define PASSWORD_TO_KEY_CHUNK 4096

static const guint8 zeros[GSNMP_USM_MAX_MAC_LENGTH];

/*****************************************************************************/
/* Protocol tables */

/* The libgcrypt hash of an authentication protocol, or 0. */
static int
auth_md_algo (GsnmpAuthProtocol auth)
{
        switch (auth) {
        case GSNMP_AUTH_PROTOCOL_MD5:
                return GCRY_MD_MD5;
        case GSNMP_AUTH_PROTOCOL_SHA:
                return GCRY_MD_SHA1;
        case GSNMP_AUTH_PROTOCOL_SHA224:
                return GCRY_MD_SHA224;
        case GSNMP_AUTH_PROTOCOL_SHA256:
                return GCRY_MD_SHA256;
        case GSNMP_AUTH_PROTOCOL_SHA384:
                return GCRY_MD_SHA384;
        case GSNMP_AUTH_PROTOCOL_SHA512:
                return GCRY_MD_SHA512;
        case GSNMP_AUTH_PROTOCOL_NONE:
        default:
                return 0;
        }
}

/* The hash output length: Ku and Kul are this long (RFC 3414 §A.2, RFC 7860 §9.3). */
gsize
gsnmp_usm_auth_key_length (GsnmpAuthProtocol auth)
{
        switch (auth) {
        case GSNMP_AUTH_PROTOCOL_MD5:
                return 16;
        case GSNMP_AUTH_PROTOCOL_SHA:
                return 20;
        case GSNMP_AUTH_PROTOCOL_SHA224:
                return 28;
        case GSNMP_AUTH_PROTOCOL_SHA256:
                return 32;
        case GSNMP_AUTH_PROTOCOL_SHA384:
                return 48;
        case GSNMP_AUTH_PROTOCOL_SHA512:
                return 64;
        case GSNMP_AUTH_PROTOCOL_NONE:
        default:
                return 0;
        }
}

/* The truncated HMAC length: RFC 3414 §6.3/§7.3 (96 bits), RFC 7860 §4.2.1. */
gsize
gsnmp_usm_auth_mac_length (GsnmpAuthProtocol auth)
{
        switch (auth) {
        case GSNMP_AUTH_PROTOCOL_MD5:
        case GSNMP_AUTH_PROTOCOL_SHA:
                return 12;
        case GSNMP_AUTH_PROTOCOL_SHA224:
                return 16;
        case GSNMP_AUTH_PROTOCOL_SHA256:
                return 24;
        case GSNMP_AUTH_PROTOCOL_SHA384:
                return 32;
        case GSNMP_AUTH_PROTOCOL_SHA512:
                return 48;
        case GSNMP_AUTH_PROTOCOL_NONE:
        default:
                return 0;
        }
}

/* The key material a privacy protocol uses: DES key and pre-IV (RFC 3414
 * §8.1.1.1), the AES key (RFC 3826 §3.1.2.1), 3DES key and pre-IV (Reeder
 * §5.1.1.1). */
gsize
gsnmp_usm_priv_key_length (GsnmpPrivProtocol priv)
{
        switch (priv) {
        case GSNMP_PRIV_PROTOCOL_DES:
        case GSNMP_PRIV_PROTOCOL_AES:
                return 16;
        case GSNMP_PRIV_PROTOCOL_AES192:
        case GSNMP_PRIV_PROTOCOL_AES192_CISCO:
                return 24;
        case GSNMP_PRIV_PROTOCOL_AES256:
        case GSNMP_PRIV_PROTOCOL_AES256_CISCO:
        case GSNMP_PRIV_PROTOCOL_TRIPLE_DES:
                return 32;
        case GSNMP_PRIV_PROTOCOL_NONE:
        default:
                return 0;
        }
}

/* The padding block: CBC modes pad to 8 bytes, CFB needs none. */
gsize
gsnmp_usm_priv_block_length (GsnmpPrivProtocol priv)
{
        switch (priv) {
        case GSNMP_PRIV_PROTOCOL_DES:
        case GSNMP_PRIV_PROTOCOL_TRIPLE_DES:
                return 8;
        case GSNMP_PRIV_PROTOCOL_AES:
        case GSNMP_PRIV_PROTOCOL_AES192:
        case GSNMP_PRIV_PROTOCOL_AES256:
        case GSNMP_PRIV_PROTOCOL_AES192_CISCO:
        case GSNMP_PRIV_PROTOCOL_AES256_CISCO:
                return 1;
        case GSNMP_PRIV_PROTOCOL_NONE:
        default:
                return 0;
        }
}

/* The libgcrypt cipher and mode of a privacy protocol. */
static gboolean
priv_cipher (GsnmpPrivProtocol priv,
             int              *algo,
             int              *mode,
             gsize            *key_len)
{
        switch (priv) {
        case GSNMP_PRIV_PROTOCOL_DES:
                *algo = GCRY_CIPHER_DES;
                *mode = GCRY_CIPHER_MODE_CBC;
                *key_len = 8;
                return TRUE;
        case GSNMP_PRIV_PROTOCOL_TRIPLE_DES:
                *algo = GCRY_CIPHER_3DES;
                *mode = GCRY_CIPHER_MODE_CBC;
                *key_len = 24;
                return TRUE;
        case GSNMP_PRIV_PROTOCOL_AES:
                *algo = GCRY_CIPHER_AES128;
                *mode = GCRY_CIPHER_MODE_CFB;
                *key_len = 16;
                return TRUE;
        case GSNMP_PRIV_PROTOCOL_AES192:
        case GSNMP_PRIV_PROTOCOL_AES192_CISCO:
                *algo = GCRY_CIPHER_AES192;
                *mode = GCRY_CIPHER_MODE_CFB;
                *key_len = 24;
                return TRUE;
        case GSNMP_PRIV_PROTOCOL_AES256:
        case GSNMP_PRIV_PROTOCOL_AES256_CISCO:
                *algo = GCRY_CIPHER_AES256;
                *mode = GCRY_CIPHER_MODE_CFB;
                *key_len = 32;
                return TRUE;
        case GSNMP_PRIV_PROTOCOL_NONE:
        default:
                return FALSE;
        }
}

/* Net-SNMP's names of the protocols (its -a and -x arguments). */
const char *
gsnmp_usm_auth_protocol_name (GsnmpAuthProtocol auth)
{
        switch (auth) {
        case GSNMP_AUTH_PROTOCOL_NONE:
                return "none";
        case GSNMP_AUTH_PROTOCOL_MD5:
                return "MD5";
        case GSNMP_AUTH_PROTOCOL_SHA:
                return "SHA";
        case GSNMP_AUTH_PROTOCOL_SHA224:
                return "SHA-224";
        case GSNMP_AUTH_PROTOCOL_SHA256:
                return "SHA-256";
        case GSNMP_AUTH_PROTOCOL_SHA384:
                return "SHA-384";
        case GSNMP_AUTH_PROTOCOL_SHA512:
                return "SHA-512";
        default:
                return "unknown";
        }
}

const char *
gsnmp_usm_priv_protocol_name (GsnmpPrivProtocol priv)
{
        switch (priv) {
        case GSNMP_PRIV_PROTOCOL_NONE:
                return "none";
        case GSNMP_PRIV_PROTOCOL_DES:
                return "DES";
        case GSNMP_PRIV_PROTOCOL_AES:
                return "AES";
        case GSNMP_PRIV_PROTOCOL_AES192:
                return "AES-192";
        case GSNMP_PRIV_PROTOCOL_AES256:
                return "AES-256";
        case GSNMP_PRIV_PROTOCOL_AES192_CISCO:
                return "AES-192-C";
        case GSNMP_PRIV_PROTOCOL_AES256_CISCO:
                return "AES-256-C";
        case GSNMP_PRIV_PROTOCOL_TRIPLE_DES:
                return "3DES";
        default:
                return "unknown";
        }
}

/*****************************************************************************/
/* Helpers */

/* The volatile stores cannot be optimised away as a dead memset can. */
void
gsnmp_usm_wipe (gpointer data,
                gsize    len)
{
        volatile guint8 *p = data;

        while (len--)
                *p++ = 0;
}

/* ORs all the differences: no early exit that would leak the position of
 * the first wrong byte of a MAC. */
gboolean
gsnmp_usm_equal_constant_time (const guint8 *a,
                               const guint8 *b,
                               gsize         len)
{
        volatile guint8 diff = 0;
        gsize i;

        for (i = 0; i < len; i++)
                diff |= a[i] ^ b[i];

        return diff == 0;
}

/* FNV-1a over bytes, for hash tables. */
static guint
hash_bytes (guint         h,
            const guint8 *data,
            gsize         len)
{
        gsize i;

        for (i = 0; i < len; i++) {
                h ^= data[i];
                h *= 16777619u;
        }
        return h;
}

static void
set_gcrypt_error (GError     **error,
                  const char  *what,
                  gcry_error_t err)
{
        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                     _("Cryptographic operation failed (%s): %s"),
                     what, gcry_strerror (err));
}

/* Hashes @n_parts buffers with @auth's hash into @out (or, with
 * @hmac_key, computes their HMAC). */
static gboolean
hash_parts (GsnmpAuthProtocol  auth,
            const guint8      *hmac_key,
            gsize              hmac_key_len,
            gcry_buffer_t     *parts,
            int                n_parts,
            guint8            *out,
            GError           **error)
{
        gcry_buffer_t iov[5];
        int n = 0, i;
        gcry_error_t err;

        g_assert (n_parts <= 4);

        gsnmp_init_once ();

        if (hmac_key != NULL) {
                iov[n++] = (gcry_buffer_t) { .len = hmac_key_len, .data = (gpointer) hmac_key };
        }
        for (i = 0; i < n_parts; i++)
                iov[n++] = parts[i];

        err = gcry_md_hash_buffers (auth_md_algo (auth),
                                    hmac_key != NULL ? GCRY_MD_FLAG_HMAC : 0,
                                    out, iov, n);
        if (err != 0) {
                set_gcrypt_error (error, gsnmp_usm_auth_protocol_name (auth), err);
                return FALSE;
        }
        return TRUE;
}

/*****************************************************************************/
/* Keys */

/* Copies @data; the hash feeds the key cache. */
GsnmpUsmKey *
gsnmp_usm_key_new (GsnmpAuthProtocol auth,
                   GsnmpPrivProtocol priv,
                   const guint8     *data,
                   gsize             length)
{
        GsnmpUsmKey *key;

        g_return_val_if_fail (data != NULL || length == 0, NULL);

        key = g_malloc (sizeof (GsnmpUsmKey) + length);
        g_atomic_ref_count_init (&key->ref_count);
        key->auth = auth;
        key->priv = priv;
        key->length = length;
        if (length > 0)
                memcpy (key->data, data, length);
        key->hash = hash_bytes (2166136261u, key->data, length);

        return key;
}

GsnmpUsmKey *
gsnmp_usm_key_ref (GsnmpUsmKey *key)
{
        g_return_val_if_fail (key != NULL, NULL);

        g_atomic_ref_count_inc (&key->ref_count);
        return key;
}

/* The last unref wipes the key material before freeing it. */
void
gsnmp_usm_key_unref (GsnmpUsmKey *key)
{
        g_return_if_fail (key != NULL);

        if (g_atomic_ref_count_dec (&key->ref_count)) {
                gsnmp_usm_wipe (key, sizeof (GsnmpUsmKey) + key->length);
                g_free (key);
        }
}

/* RFC 3414 §A.2.1/§A.2.2 (RFC 7860 §9.3 for SHA-2): Ku = H (the passphrase
 * repeated over 1 MiB). */
GsnmpUsmKey *
gsnmp_usm_password_to_key (GsnmpAuthProtocol auth,
                           const guint8     *passphrase,
                           gsize             passphrase_len,
                           GError          **error)
{
        gcry_md_hd_t md = NULL;
        gcry_error_t err;
        guint8 *ring;
        gsize ring_len, pos, i;
        gsize key_len = gsnmp_usm_auth_key_length (auth);
        GsnmpUsmKey *key;

        g_return_val_if_fail (passphrase != NULL || passphrase_len == 0, NULL);

        if (key_len == 0) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("A passphrase needs an authentication protocol"));
                return NULL;
        }
        if (passphrase_len < MIN_PASSPHRASE_LENGTH) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("The passphrase is too short: SNMPv3 needs at least %d characters"),
                             MIN_PASSPHRASE_LENGTH);
                return NULL;
        }

        gsnmp_init_once ();

        err = gcry_md_open (&md, auth_md_algo (auth), 0);
        if (err != 0) {
                set_gcrypt_error (error, gsnmp_usm_auth_protocol_name (auth), err);
                return NULL;
        }

        /* ring[k] = passphrase[k % len] for one chunk plus one period, so
         * the stream from any position is a window of it. */
        ring_len = PASSWORD_TO_KEY_CHUNK + passphrase_len;
        ring = g_malloc (ring_len);
        for (i = 0; i < ring_len; i++)
                ring[i] = passphrase[i % passphrase_len];

        for (pos = 0; pos < PASSWORD_TO_KEY_BYTES; pos += PASSWORD_TO_KEY_CHUNK)
                gcry_md_write (md, ring + pos % passphrase_len, PASSWORD_TO_KEY_CHUNK);

        key = gsnmp_usm_key_new (auth, GSNMP_PRIV_PROTOCOL_NONE,
                                 gcry_md_read (md, 0), key_len);

        gcry_md_close (md);
        gsnmp_usm_wipe (ring, ring_len);
        g_free (ring);

        return key;
}

/* RFC 3414 §2.6 and §A.2: Kul = H (Ku || engineID || Ku). */
static gboolean
localize (GsnmpAuthProtocol auth,
          const guint8     *ku,
          gsize             ku_len,
          const guint8     *engine_id,
          gsize             engine_id_len,
          guint8           *kul,
          GError          **error)
{
        gcry_buffer_t parts[3] = {
                { .len = ku_len, .data = (gpointer) ku },
                { .len = engine_id_len, .data = (gpointer) engine_id },
                { .len = ku_len, .data = (gpointer) ku },
        };

        return hash_parts (auth, NULL, 0, parts, 3, kul, error);
}

static gboolean
check_engine_id (gsize    engine_id_len,
                 GError **error)
{
        if (engine_id_len == 0 || engine_id_len > GSNMP_USM_MAX_ENGINE_ID_LENGTH) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("An SNMP engine ID must be 1 to %d bytes long, not %zu"),
                             GSNMP_USM_MAX_ENGINE_ID_LENGTH, engine_id_len);
                return FALSE;
        }
        return TRUE;
}

/* RFC 3414 §2.6 as a key object. */
GsnmpUsmKey *
gsnmp_usm_localize_key (const GsnmpUsmKey *ku,
                        const guint8      *engine_id,
                        gsize              engine_id_len,
                        GError           **error)
{
        guint8 kul[GSNMP_USM_MAX_HASH_LENGTH];
        gsize key_len;
        GsnmpUsmKey *key;

        g_return_val_if_fail (ku != NULL, NULL);
        g_return_val_if_fail (engine_id != NULL || engine_id_len == 0, NULL);

        key_len = gsnmp_usm_auth_key_length (ku->auth);
        if (key_len == 0 || ku->length != key_len) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("A %s key must be %zu bytes long"),
                             gsnmp_usm_auth_protocol_name (ku->auth), key_len);
                return NULL;
        }
        if (!check_engine_id (engine_id_len, error))
                return NULL;

        if (!localize (ku->auth, ku->data, ku->length, engine_id, engine_id_len, kul, error))
                return NULL;

        key = gsnmp_usm_key_new (ku->auth, GSNMP_PRIV_PROTOCOL_NONE, kul, key_len);
        gsnmp_usm_wipe (kul, sizeof kul);
        return key;
}

/* draft-blumenthal-aes-usm-04 §3.1.2.1: Kul = Kul || H (Kul) until it is
 * long enough, hashing all of the key so far each time (as Net-SNMP's
 * _kul_extend_blumenthal and PySNMP's AbstractAesBlumenthal do). */
static gboolean
extend_blumenthal (GsnmpAuthProtocol auth,
                   guint8           *buf,
                   gsize            *len,
                   gsize             need,
                   GError          **error)
{
        guint8 h[GSNMP_USM_MAX_HASH_LENGTH];
        gsize hash_len = gsnmp_usm_auth_key_length (auth);

        while (*len < need) {
                gcry_buffer_t part = { .len = *len, .data = buf };
                gsize n;

                if (!hash_parts (auth, NULL, 0, &part, 1, h, error)) {
                        gsnmp_usm_wipe (h, sizeof h);
                        return FALSE;
                }
                n = MIN (need - *len, hash_len);
                memcpy (buf + *len, h, n);
                *len += n;
        }
        gsnmp_usm_wipe (h, sizeof h);
        return TRUE;
}

/* draft-reeder-snmpv3-usm-3desede-00 §2.1: Kul = Kul || localize
 * (password-to-key (Kul), engineID) until it is long enough, with all of
 * the key so far as the "passphrase" (as Net-SNMP's _kul_extend_reeder and
 * PySNMP's AbstractAesReeder and Des3 do). */
static gboolean
extend_reeder (GsnmpAuthProtocol auth,
               guint8           *buf,
               gsize            *len,
               gsize             need,
               const guint8     *engine_id,
               gsize             engine_id_len,
               GError          **error)
{
        guint8 kul[GSNMP_USM_MAX_HASH_LENGTH];
        gsize hash_len = gsnmp_usm_auth_key_length (auth);

        while (*len < need) {
                g_autoptr(GsnmpUsmKey) ku = NULL;
                gsize n;

                ku = gsnmp_usm_password_to_key (auth, buf, *len, error);
                if (ku == NULL)
                        return FALSE;
                if (!localize (auth, ku->data, ku->length, engine_id, engine_id_len, kul, error)) {
                        gsnmp_usm_wipe (kul, sizeof kul);
                        return FALSE;
                }
                n = MIN (need - *len, hash_len);
                memcpy (buf + *len, kul, n);
                *len += n;
        }
        gsnmp_usm_wipe (kul, sizeof kul);
        return TRUE;
}

/* RFC 3414 §8.1.1.1, RFC 3826 §3.1.2.1 and the drafts: the key material
 * of a privacy protocol from its localized key. */
GsnmpUsmKey *
gsnmp_usm_derive_priv_key (GsnmpAuthProtocol auth,
                           GsnmpPrivProtocol priv,
                           const guint8     *kul,
                           gsize             kul_len,
                           const guint8     *engine_id,
                           gsize             engine_id_len,
                           GError          **error)
{
        guint8 buf[2 * GSNMP_USM_MAX_HASH_LENGTH];
        gsize need = gsnmp_usm_priv_key_length (priv);
        gsize hash_len = gsnmp_usm_auth_key_length (auth);
        gsize len;
        gboolean ok = TRUE;
        GsnmpUsmKey *key = NULL;

        g_return_val_if_fail (kul != NULL || kul_len == 0, NULL);
        g_return_val_if_fail (engine_id != NULL || engine_id_len == 0, NULL);

        if (need == 0 || hash_len == 0) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("Privacy needs an authentication protocol"));
                return NULL;
        }

        if (kul_len >= need)
                return gsnmp_usm_key_new (auth, priv, kul, need);

        /* Too short: only the extensible protocols, from a whole Kul. */
        if (kul_len != hash_len ||
            priv == GSNMP_PRIV_PROTOCOL_DES || priv == GSNMP_PRIV_PROTOCOL_AES) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("A localized %s key for %s must be %zu or at least %zu bytes long"),
                             gsnmp_usm_priv_protocol_name (priv),
                             gsnmp_usm_auth_protocol_name (auth), hash_len, need);
                return NULL;
        }

        memcpy (buf, kul, kul_len);
        len = kul_len;

        switch (priv) {
        case GSNMP_PRIV_PROTOCOL_AES192:
        case GSNMP_PRIV_PROTOCOL_AES256:
                ok = extend_blumenthal (auth, buf, &len, need, error);
                break;
        case GSNMP_PRIV_PROTOCOL_AES192_CISCO:
        case GSNMP_PRIV_PROTOCOL_AES256_CISCO:
        case GSNMP_PRIV_PROTOCOL_TRIPLE_DES:
                ok = check_engine_id (engine_id_len, error) &&
                     extend_reeder (auth, buf, &len, need, engine_id, engine_id_len, error);
                break;
        default:
                g_assert_not_reached ();
        }

        if (ok)
                key = gsnmp_usm_key_new (auth, priv, buf, need);
        gsnmp_usm_wipe (buf, sizeof buf);
        return key;
}

/*****************************************************************************/
/* Authentication */

/* HMAC of @msg with the MAC field at @mac_offset taken as zeros, untruncated,
 * into @full. */
static gboolean
auth_hmac (const GsnmpUsmKey *kul,
           const guint8      *msg,
           gsize              msg_len,
           gsize              mac_offset,
           guint8            *full,
           GError           **error)
{
        gsize mac_len = gsnmp_usm_auth_mac_length (kul->auth);
        gcry_buffer_t parts[3];
        int n = 0;

        if (mac_len == 0) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("No authentication protocol to compute a digest with"));
                return FALSE;
        }

        if (mac_offset == G_MAXSIZE) {
                parts[n++] = (gcry_buffer_t) { .len = msg_len, .data = (gpointer) msg };
        } else {
                g_return_val_if_fail (mac_offset <= msg_len && msg_len - mac_offset >= mac_len, FALSE);

                parts[n++] = (gcry_buffer_t) { .len = mac_offset, .data = (gpointer) msg };
                parts[n++] = (gcry_buffer_t) { .len = mac_len, .data = (gpointer) zeros };
                parts[n++] = (gcry_buffer_t) {
                        .len = msg_len - mac_offset - mac_len,
                        .data = (gpointer) (msg + mac_offset + mac_len),
                };
        }

        return hash_parts (kul->auth, kul->data, kul->length, parts, n, full, error);
}

/* RFC 3414 §6.3.1, §7.3.1; RFC 7860 §4.2.1: the MAC is the first
 * gsnmp_usm_auth_mac_length() bytes of HMAC (Kul, wholeMsg). */
gboolean
gsnmp_usm_auth_compute (const GsnmpUsmKey *kul,
                        const guint8      *msg,
                        gsize              msg_len,
                        gsize              mac_offset,
                        guint8            *mac,
                        GError           **error)
{
        guint8 full[GSNMP_USM_MAX_HASH_LENGTH];

        g_return_val_if_fail (kul != NULL, FALSE);
        g_return_val_if_fail (msg != NULL || msg_len == 0, FALSE);
        g_return_val_if_fail (mac != NULL, FALSE);

        if (!auth_hmac (kul, msg, msg_len, mac_offset, full, error))
                return FALSE;

        memcpy (mac, full, gsnmp_usm_auth_mac_length (kul->auth));
        gsnmp_usm_wipe (full, sizeof full);
        return TRUE;
}

/* RFC 3414 §6.3.1 steps 1-3: zeros in the field while hashing, then the MAC. */
gboolean
gsnmp_usm_auth_sign (const GsnmpUsmKey *kul,
                     guint8            *msg,
                     gsize              msg_len,
                     gsize              mac_offset,
                     GError           **error)
{
        g_return_val_if_fail (kul != NULL, FALSE);
        g_return_val_if_fail (msg != NULL, FALSE);
        g_return_val_if_fail (mac_offset != G_MAXSIZE, FALSE);

        return gsnmp_usm_auth_compute (kul, msg, msg_len, mac_offset, msg + mac_offset, error);
}

/* RFC 3414 §6.3.2, §7.3.2; RFC 7860 §4.2.2. */
gboolean
gsnmp_usm_auth_verify (const GsnmpUsmKey *kul,
                       const guint8      *msg,
                       gsize              msg_len,
                       gsize              mac_offset,
                       gsize              mac_len,
                       GError           **error)
{
        guint8 full[GSNMP_USM_MAX_HASH_LENGTH];
        gsize want;
        gboolean equal;

        g_return_val_if_fail (kul != NULL, FALSE);
        g_return_val_if_fail (msg != NULL || msg_len == 0, FALSE);

        want = gsnmp_usm_auth_mac_length (kul->auth);
        if (want == 0) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("No authentication protocol to check a digest with"));
                return FALSE;
        }
        if (mac_len != want || mac_offset > msg_len || msg_len - mac_offset < mac_len) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST,
                             _("The message’s authentication parameters are %zu bytes long, not %zu as %s needs"),
                             mac_len, want, gsnmp_usm_auth_protocol_name (kul->auth));
                return FALSE;
        }

        if (!auth_hmac (kul, msg, msg_len, mac_offset, full, error))
                return FALSE;

        equal = gsnmp_usm_equal_constant_time (full, msg + mac_offset, mac_len);
        gsnmp_usm_wipe (full, sizeof full);

        if (!equal) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST,
                             _("The message’s digest is wrong: check the authentication "
                               "protocol and passphrase"));
                return FALSE;
        }
        return TRUE;
}

/*****************************************************************************/
/* Privacy */

G_LOCK_DEFINE_STATIC (salt);
static gboolean salt_seeded;
static guint32 salt32;
static guint64 salt64;

static void
put_be32 (guint8 *p,
          guint32 v)
{
        p[0] = v >> 24;
        p[1] = v >> 16;
        p[2] = v >> 8;
        p[3] = v;
}

/* RFC 3414 §8.1.1.1 (DES), RFC 3826 §3.1.2.1 (AES), Reeder §5.1.1.1 (3DES). */
void
gsnmp_usm_make_salt (GsnmpPrivProtocol priv,
                     guint32           engine_boots,
                     guint8            salt[GSNMP_USM_SALT_LENGTH])
{
        guint32 v32;
        guint64 v64;

        G_LOCK (salt);
        if (!salt_seeded) {
                /* Salts need to be unique, not secret (RFC 3826 §3.1.2.1):
                 * GLib's generator, seeded from /dev/urandom, will do.  Not
                 * libgcrypt's: see gsnmp-usm-private.h. */
                salt32 = g_random_int ();
                salt64 = (guint64) g_random_int () << 32 | g_random_int ();
                salt_seeded = TRUE;
        }
        v32 = salt32++;
        v64 = salt64++;
        G_UNLOCK (salt);

        if (priv == GSNMP_PRIV_PROTOCOL_DES || priv == GSNMP_PRIV_PROTOCOL_TRIPLE_DES) {
                put_be32 (salt, engine_boots);
                put_be32 (salt + 4, v32);
        } else {
                put_be32 (salt, v64 >> 32);
                put_be32 (salt + 4, (guint32) v64);
        }
}

/* RFC 3414 §8.1.1.2: DES pads to whole blocks; RFC 3826 §3.1.3: AES does not. */
gsize
gsnmp_usm_encrypted_length (GsnmpPrivProtocol priv,
                            gsize             plaintext_len)
{
        gsize block = gsnmp_usm_priv_block_length (priv);

        if (block <= 1)
                return plaintext_len;
        return (plaintext_len + block - 1) / block * block;
}

/* Opens the cipher of @key->priv with its key and the IV of this message:
 * DES and 3DES XOR the salt with the pre-IV after the key, AES concatenates
 * boots, time and salt. */
static gcry_cipher_hd_t
open_cipher (const GsnmpUsmKey *key,
             guint32            engine_boots,
             guint32            engine_time,
             const guint8      *salt,
             GError           **error)
{
        gcry_cipher_hd_t hd = NULL;
        gcry_error_t err;
        guint8 iv[16];
        gsize iv_len, cipher_key_len, i;
        int algo, mode;

        if (!priv_cipher (key->priv, &algo, &mode, &cipher_key_len) ||
            key->length != gsnmp_usm_priv_key_length (key->priv)) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("The key is not a privacy key"));
                return NULL;
        }

        gsnmp_init_once ();

        err = gcry_cipher_open (&hd, algo, mode, 0);
        if (err != 0) {
                set_gcrypt_error (error, gsnmp_usm_priv_protocol_name (key->priv), err);
                return NULL;
        }

        if (mode == GCRY_CIPHER_MODE_CBC) {
                /* A weak DES key is as good as any other here: both ends
                 * derive it, neither chooses it. */
                gcry_cipher_ctl (hd, GCRYCTL_SET_ALLOW_WEAK_KEY, NULL, 1);
                iv_len = 8;
                for (i = 0; i < 8; i++)
                        iv[i] = salt[i] ^ key->data[cipher_key_len + i];
        } else {
                iv_len = 16;
                put_be32 (iv, engine_boots);
                put_be32 (iv + 4, engine_time);
                memcpy (iv + 8, salt, GSNMP_USM_SALT_LENGTH);
        }

        err = gcry_cipher_setkey (hd, key->data, cipher_key_len);
        if (err == 0)
                err = gcry_cipher_setiv (hd, iv, iv_len);
        gsnmp_usm_wipe (iv, sizeof iv);
        if (err != 0) {
                set_gcrypt_error (error, gsnmp_usm_priv_protocol_name (key->priv), err);
                gcry_cipher_close (hd);
                return NULL;
        }

        return hd;
}

/* RFC 3414 §8.3.1, RFC 3826 §3.3.1, Reeder §5.1.1.2. */
gboolean
gsnmp_usm_encrypt (const GsnmpUsmKey *key,
                   guint32            engine_boots,
                   guint32            engine_time,
                   const guint8       salt[GSNMP_USM_SALT_LENGTH],
                   const guint8      *plaintext,
                   gsize              plaintext_len,
                   guint8            *out,
                   GError           **error)
{
        gcry_cipher_hd_t hd;
        gcry_error_t err;
        gsize out_len;

        g_return_val_if_fail (key != NULL, FALSE);
        g_return_val_if_fail (salt != NULL, FALSE);
        g_return_val_if_fail (plaintext != NULL || plaintext_len == 0, FALSE);
        g_return_val_if_fail (out != NULL, FALSE);

        hd = open_cipher (key, engine_boots, engine_time, salt, error);
        if (hd == NULL)
                return FALSE;

        out_len = gsnmp_usm_encrypted_length (key->priv, plaintext_len);
        if (out != plaintext)
                memmove (out, plaintext, plaintext_len);
        /* RFC 3414 §8.1.1.2: any padding will do; Net-SNMP's is the pad length. */
        memset (out + plaintext_len, (int) (out_len - plaintext_len), out_len - plaintext_len);

        err = gcry_cipher_encrypt (hd, out, out_len, NULL, 0);
        gcry_cipher_close (hd);
        if (err != 0) {
                set_gcrypt_error (error, gsnmp_usm_priv_protocol_name (key->priv), err);
                return FALSE;
        }
        return TRUE;
}

/* RFC 3414 §8.3.2, RFC 3826 §3.3.2. */
gboolean
gsnmp_usm_decrypt (const GsnmpUsmKey *key,
                   guint32            engine_boots,
                   guint32            engine_time,
                   const guint8      *salt,
                   gsize              salt_len,
                   const guint8      *ciphertext,
                   gsize              ciphertext_len,
                   guint8            *out,
                   GError           **error)
{
        gcry_cipher_hd_t hd;
        gcry_error_t err;
        gsize block;

        g_return_val_if_fail (key != NULL, FALSE);
        g_return_val_if_fail (salt != NULL || salt_len == 0, FALSE);
        g_return_val_if_fail (ciphertext != NULL || ciphertext_len == 0, FALSE);
        g_return_val_if_fail (out != NULL, FALSE);

        block = gsnmp_usm_priv_block_length (key->priv);
        if (salt_len != GSNMP_USM_SALT_LENGTH) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_DECRYPTION_ERROR,
                             _("The message’s privacy parameters are %zu bytes long, not %d"),
                             salt_len, GSNMP_USM_SALT_LENGTH);
                return FALSE;
        }
        if (ciphertext_len == 0 || (block > 1 && ciphertext_len % block != 0)) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_DECRYPTION_ERROR,
                             _("The encrypted data is %zu bytes long, which %s cannot decrypt"),
                             ciphertext_len, gsnmp_usm_priv_protocol_name (key->priv));
                return FALSE;
        }

        hd = open_cipher (key, engine_boots, engine_time, salt, error);
        if (hd == NULL)
                return FALSE;

        if (out == ciphertext)
                err = gcry_cipher_decrypt (hd, out, ciphertext_len, NULL, 0);
        else
                err = gcry_cipher_decrypt (hd, out, ciphertext_len, ciphertext, ciphertext_len);
        gcry_cipher_close (hd);
        if (err != 0) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_DECRYPTION_ERROR,
                             _("Decryption failed (%s): %s"),
                             gsnmp_usm_priv_protocol_name (key->priv), gcry_strerror (err));
                return FALSE;
        }
        return TRUE;
}

/*****************************************************************************/
/* Key cache */

typedef enum {
        KIND_AUTH,
        KIND_PRIV,
} KeyKind;

/* What a key depends on.  A lookup builds one on the stack, borrowing the
 * user's Ku and the engine ID; a stored entry owns them. */
typedef struct {
        guint              hash;
        KeyKind            kind;
        GsnmpAuthProtocol  auth;
        GsnmpPrivProtocol  priv;
        const GsnmpUsmKey *ku;
        const guint8      *engine_id;
        gsize              engine_id_len;
} CacheKey;

typedef struct {
        CacheKey     key;        /* the table's key points here */
        GsnmpUsmKey *ku;         /* owned: key.ku */
        GsnmpUsmKey *value;      /* owned */
        guint8       engine_id[GSNMP_USM_MAX_ENGINE_ID_LENGTH];  /* key.engine_id */
} CacheEntry;

struct _GsnmpUsmKeyCache {
        GHashTable *table;       /* CacheKey* → CacheEntry* (owned) */
};

static guint
cache_key_hash (gconstpointer p)
{
        const CacheKey *k = p;

        return k->hash;
}

static gboolean
cache_key_equal (gconstpointer a,
                 gconstpointer b)
{
        const CacheKey *x = a, *y = b;

        return x->hash == y->hash && x->kind == y->kind && x->auth == y->auth &&
               x->priv == y->priv && x->engine_id_len == y->engine_id_len &&
               x->ku->length == y->ku->length &&
               memcmp (x->engine_id, y->engine_id, x->engine_id_len) == 0 &&
               (x->ku == y->ku ||
                gsnmp_usm_equal_constant_time (x->ku->data, y->ku->data, x->ku->length));
}

static void
cache_entry_free (gpointer p)
{
        CacheEntry *entry = p;

        gsnmp_usm_key_unref (entry->ku);
        gsnmp_usm_key_unref (entry->value);
        gsnmp_usm_wipe (entry, sizeof *entry);
        g_free (entry);
}

GsnmpUsmKeyCache *
gsnmp_usm_key_cache_new (void)
{
        GsnmpUsmKeyCache *cache = g_new0 (GsnmpUsmKeyCache, 1);

        cache->table = g_hash_table_new_full (cache_key_hash, cache_key_equal,
                                              NULL, cache_entry_free);
        return cache;
}

void
gsnmp_usm_key_cache_free (GsnmpUsmKeyCache *cache)
{
        if (cache == NULL)
                return;

        g_hash_table_unref (cache->table);
        g_free (cache);
}

guint
gsnmp_usm_key_cache_get_size (GsnmpUsmKeyCache *cache)
{
        g_return_val_if_fail (cache != NULL, 0);

        return g_hash_table_size (cache->table);
}

void
gsnmp_usm_key_cache_clear (GsnmpUsmKeyCache *cache)
{
        g_return_if_fail (cache != NULL);

        g_hash_table_remove_all (cache->table);
}

/* For users made with localized keys: their own key, if @engine_id is theirs. */
static GsnmpUsmKey *
localized_user_key (GsnmpUsmUser *user,
                    KeyKind       kind,
                    const guint8 *engine_id,
                    gsize         engine_id_len,
                    GError      **error)
{
        const guint8 *own_id;
        gsize own_len = 0;
        GsnmpUsmKey *key;

        own_id = gsnmp_usm_user_get_localized_engine_id (user, &own_len);
        if (own_len != engine_id_len || memcmp (own_id, engine_id, own_len) != 0) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_ENGINE_ID,
                             _("The keys of user “%s” are localized for another SNMP engine"),
                             gsnmp_usm_user_get_user_name (user));
                return NULL;
        }

        key = kind == KIND_AUTH ? gsnmp_usm_user_get_localized_auth_key (user)
                                : gsnmp_usm_user_get_localized_priv_key (user);
        return gsnmp_usm_key_ref (key);
}

static GsnmpUsmKey *
cache_get (GsnmpUsmKeyCache *cache,
           GsnmpUsmUser     *user,
           KeyKind           kind,
           const guint8     *engine_id,
           gsize             engine_id_len,
           GError          **error)
{
        CacheKey lookup;
        CacheEntry *entry;
        GsnmpUsmKey *ku;
        g_autoptr(GsnmpUsmKey) kul = NULL;
        GsnmpUsmKey *value;

        g_return_val_if_fail (cache != NULL, NULL);
        g_return_val_if_fail (GSNMP_IS_USM_USER (user), NULL);
        g_return_val_if_fail (engine_id != NULL || engine_id_len == 0, NULL);

        lookup.auth = gsnmp_usm_user_get_auth_protocol (user);
        lookup.priv = kind == KIND_PRIV ? gsnmp_usm_user_get_priv_protocol (user)
                                        : GSNMP_PRIV_PROTOCOL_NONE;
        if (lookup.auth == GSNMP_AUTH_PROTOCOL_NONE ||
            (kind == KIND_PRIV && lookup.priv == GSNMP_PRIV_PROTOCOL_NONE)) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL,
                             kind == KIND_AUTH ? _("User “%s” has no authentication protocol")
                                               : _("User “%s” has no privacy protocol"),
                             gsnmp_usm_user_get_user_name (user));
                return NULL;
        }
        if (!check_engine_id (engine_id_len, error))
                return NULL;

        if (gsnmp_usm_user_get_localized_engine_id (user, NULL) != NULL)
                return localized_user_key (user, kind, engine_id, engine_id_len, error);

        ku = kind == KIND_AUTH ? gsnmp_usm_user_get_auth_master_key (user)
                               : gsnmp_usm_user_get_priv_master_key (user);
        g_return_val_if_fail (ku != NULL, NULL);

        lookup.kind = kind;
        lookup.ku = ku;
        lookup.engine_id = engine_id;
        lookup.engine_id_len = engine_id_len;
        lookup.hash = hash_bytes (ku->hash ^ (kind << 16 | lookup.auth << 8 | lookup.priv),
                                  engine_id, engine_id_len);

        entry = g_hash_table_lookup (cache->table, &lookup);
        if (entry != NULL)
                return gsnmp_usm_key_ref (entry->value);

        /* A miss: localize (and for privacy, extend) once. */
        kul = gsnmp_usm_localize_key (ku, engine_id, engine_id_len, error);
        if (kul == NULL)
                return NULL;
        if (kind == KIND_AUTH) {
                value = g_steal_pointer (&kul);
        } else {
                value = gsnmp_usm_derive_priv_key (lookup.auth, lookup.priv,
                                                   kul->data, kul->length,
                                                   engine_id, engine_id_len, error);
                if (value == NULL)
                        return NULL;
        }

        entry = g_new0 (CacheEntry, 1);
        entry->key = lookup;
        entry->ku = gsnmp_usm_key_ref (ku);
        entry->key.ku = entry->ku;
        memcpy (entry->engine_id, engine_id, engine_id_len);
        entry->key.engine_id = entry->engine_id;
        entry->value = value;
        g_hash_table_insert (cache->table, &entry->key, entry);

        return gsnmp_usm_key_ref (value);
}

GsnmpUsmKey *
gsnmp_usm_key_cache_get_auth_key (GsnmpUsmKeyCache *cache,
                                  GsnmpUsmUser     *user,
                                  const guint8     *engine_id,
                                  gsize             engine_id_len,
                                  GError          **error)
{
        return cache_get (cache, user, KIND_AUTH, engine_id, engine_id_len, error);
}

GsnmpUsmKey *
gsnmp_usm_key_cache_get_priv_key (GsnmpUsmKeyCache *cache,
                                  GsnmpUsmUser     *user,
                                  const guint8     *engine_id,
                                  gsize             engine_id_len,
                                  GError          **error)
{
        return cache_get (cache, user, KIND_PRIV, engine_id, engine_id_len, error);
}
