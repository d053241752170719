/* gsnmp-usm-private.h - SNMPv3 USM keys, HMACs and ciphers (RFC 3414, 3826, 7860)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The only code in gsnmp that touches key material.  Everything here works
 * on byte buffers; the message layer finds the fields, this module does the
 * cryptography.  Key material is wiped before it is freed and never logged.
 *
 * Performance: keep libgcrypt's random number generator uninitialised
 * (no gcry_randomize, gcry_create_nonce, gcry_random_bytes anywhere in
 * gsnmp).  Once it is initialised, every gcry_md_open and gcry_cipher_open
 * runs a "fast random poll" (getrusage and clock_gettime), which made an
 * HMAC 13 times slower here (0.75 µs → 10 µs).  Use GLib's g_random_*
 * (seeded from /dev/urandom) for salts and request IDs.
 */
#pragma once

#include <glib.h>

#include "gsnmp-enums.h"
#include "gsnmp-usm-user.h"

G_BEGIN_DECLS

/* The longest of each kind of value, for stack buffers. */
#define GSNMP_USM_MAX_HASH_LENGTH 64  /* SHA-512: the longest Ku and Kul */
#define GSNMP_USM_MAX_MAC_LENGTH  48  /* HMAC-SHA-512-384 */
#define GSNMP_USM_MAX_PRIV_LENGTH 32  /* AES-256 key; 3DES key and pre-IV */
#define GSNMP_USM_SALT_LENGTH      8  /* msgPrivacyParameters of every protocol */
#define GSNMP_USM_MAX_ENGINE_ID_LENGTH 32  /* SnmpEngineID, RFC 3411 */

/* Sizes of the protocols: the hash output (the length of Ku and of a
 * localized key), the length of msgAuthenticationParameters, the key
 * material a privacy protocol uses (DES: key and pre-IV; 3DES: key and
 * pre-IV) and the cipher's block for padding (1: no padding).  All return
 * 0 for NONE and for values outside the enums. */
gsize        gsnmp_usm_auth_key_length   (GsnmpAuthProtocol auth);
gsize        gsnmp_usm_auth_mac_length   (GsnmpAuthProtocol auth);
gsize        gsnmp_usm_priv_key_length   (GsnmpPrivProtocol priv);
gsize        gsnmp_usm_priv_block_length (GsnmpPrivProtocol priv);

/* Stable ASCII names, Net-SNMP's spelling ("SHA-256", "AES-192-C"), for
 * messages and g_debug. */
const char  *gsnmp_usm_auth_protocol_name (GsnmpAuthProtocol auth);
const char  *gsnmp_usm_priv_protocol_name (GsnmpPrivProtocol priv);

/* Overwrites @len bytes at @data with zeros in a way the compiler does not
 * remove. */
void         gsnmp_usm_wipe              (gpointer          data,
                                          gsize             len);

/* Compares in time that depends only on @len. */
gboolean     gsnmp_usm_equal_constant_time (const guint8   *a,
                                            const guint8   *b,
                                            gsize           len);

/* ------------------------------------------------------------------ */
/* Keys */

/* A key: a master key Ku, a localized authentication key Kul, or a privacy
 * key (localized, extended and cut to gsnmp_usm_priv_key_length()).
 * Immutable and atomically ref-counted; the last unref wipes it.  @auth is
 * the hash the key was made with; @priv is the privacy protocol for privacy
 * keys and NONE otherwise. */
typedef struct {
        gatomicrefcount   ref_count;
        GsnmpAuthProtocol auth;
        GsnmpPrivProtocol priv;
        guint             hash;      /* of the bytes, for the key cache */
        gsize             length;
        guint8            data[];
} GsnmpUsmKey;

GsnmpUsmKey *gsnmp_usm_key_new           (GsnmpAuthProtocol  auth,
                                          GsnmpPrivProtocol  priv,
                                          const guint8      *data,
                                          gsize              length);
GsnmpUsmKey *gsnmp_usm_key_ref           (GsnmpUsmKey       *key);
void         gsnmp_usm_key_unref         (GsnmpUsmKey       *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsnmpUsmKey, gsnmp_usm_key_unref)

/* RFC 3414 §A.2 password-to-key (RFC 7860 §9.3 for SHA-2): hashes 1 MiB of
 * the passphrase repeated with @auth's hash and returns Ku.  Fails with
 * GSNMP_ERROR_INVALID_VALUE when the passphrase is shorter than 8 bytes or
 * @auth is NONE, GSNMP_ERROR_FAILED when libgcrypt refuses the hash (MD5 in
 * FIPS mode). */
GsnmpUsmKey *gsnmp_usm_password_to_key   (GsnmpAuthProtocol  auth,
                                          const guint8      *passphrase,
                                          gsize              passphrase_len,
                                          GError           **error);

/* RFC 3414 §2.6: Kul = H (Ku || engineID || Ku), with @ku->auth's hash.
 * @ku's length must be that hash's length. */
GsnmpUsmKey *gsnmp_usm_localize_key      (const GsnmpUsmKey *ku,
                                          const guint8      *engine_id,
                                          gsize              engine_id_len,
                                          GError           **error);

/* Turns a localized privacy key (@kul, made with @auth's hash) into the key
 * material of @priv: the first bytes of @kul, extended when it is too short
 * (draft-blumenthal-aes-usm-04 §3.1.2.1 for AES192/AES256,
 * draft-reeder-snmpv3-usm-3desede-00 §2.1 for the Cisco variants and 3DES,
 * which also need @engine_id).  @kul_len must be at least the hash length
 * of @auth unless it already holds gsnmp_usm_priv_key_length() bytes. */
GsnmpUsmKey *gsnmp_usm_derive_priv_key   (GsnmpAuthProtocol  auth,
                                          GsnmpPrivProtocol  priv,
                                          const guint8      *kul,
                                          gsize              kul_len,
                                          const guint8      *engine_id,
                                          gsize              engine_id_len,
                                          GError           **error);

/* ------------------------------------------------------------------ */
/* Authentication (RFC 3414 §6.3, §7.3; RFC 7860 §4.2) */

/* Computes the truncated HMAC of @msg with the localized key @kul into
 * @mac (gsnmp_usm_auth_mac_length() bytes).  When @mac_offset is not
 * G_MAXSIZE, the MAC-sized field at @mac_offset in @msg counts as zeros
 * whatever it holds, as for a received message (RFC 3414 §6.3.2 step 3). */
gboolean     gsnmp_usm_auth_compute      (const GsnmpUsmKey *kul,
                                          const guint8      *msg,
                                          gsize              msg_len,
                                          gsize              mac_offset,
                                          guint8            *mac,
                                          GError           **error);

/* Authenticates an outgoing message in place: computes the HMAC with the
 * MAC field at @mac_offset counted as zeros and writes it there. */
gboolean     gsnmp_usm_auth_sign         (const GsnmpUsmKey *kul,
                                          guint8            *msg,
                                          gsize              msg_len,
                                          gsize              mac_offset,
                                          GError           **error);

/* Checks a received message whose msgAuthenticationParameters are the
 * @mac_len bytes at @mac_offset, comparing in constant time.  A wrong
 * length or a mismatch fails with GSNMP_ERROR_WRONG_DIGEST. */
gboolean     gsnmp_usm_auth_verify       (const GsnmpUsmKey *kul,
                                          const guint8      *msg,
                                          gsize              msg_len,
                                          gsize              mac_offset,
                                          gsize              mac_len,
                                          GError           **error);

/* ------------------------------------------------------------------ */
/* Privacy (RFC 3414 §8, RFC 3826 §3, draft-reeder-snmpv3-usm-3desede-00) */

/* Fills @salt (the msgPrivacyParameters of the next message) from a
 * process-wide counter seeded at random: for DES and 3DES @engine_boots
 * (RFC 3414 §8.1.1.1 uses the local snmpEngineBoots) followed by a 32-bit
 * counter, for the AES protocols a 64-bit counter (RFC 3826 §3.1.2.1).
 * Thread-safe. */
void         gsnmp_usm_make_salt         (GsnmpPrivProtocol  priv,
                                          guint32            engine_boots,
                                          guint8             salt[GSNMP_USM_SALT_LENGTH]);

/* The length of the ciphertext of @plaintext_len bytes: DES and 3DES pad
 * to a multiple of 8, AES does not pad. */
gsize        gsnmp_usm_encrypted_length  (GsnmpPrivProtocol  priv,
                                          gsize              plaintext_len);

/* Encrypts @plaintext_len bytes into @out (gsnmp_usm_encrypted_length()
 * bytes; may be @plaintext when that buffer is long enough) with the
 * privacy key @key.  @engine_boots and @engine_time are the authoritative
 * engine's (msgAuthoritativeEngineBoots/-Time, used by AES) and @salt goes
 * to msgPrivacyParameters.  The DES and 3DES padding bytes hold the pad
 * length, as Net-SNMP's do; receivers ignore them. */
gboolean     gsnmp_usm_encrypt           (const GsnmpUsmKey *key,
                                          guint32            engine_boots,
                                          guint32            engine_time,
                                          const guint8       salt[GSNMP_USM_SALT_LENGTH],
                                          const guint8      *plaintext,
                                          gsize              plaintext_len,
                                          guint8            *out,
                                          GError           **error);

/* Decrypts @ciphertext_len bytes into @out (as many bytes; may be
 * @ciphertext).  Fails with GSNMP_ERROR_DECRYPTION_ERROR when @salt_len is
 * not 8 or the ciphertext is empty or, for DES and 3DES, not a multiple of
 * 8 bytes (RFC 3414 §8.3.2).  The plaintext of DES and 3DES ends in padding:
 * the caller decodes the scopedPDU and ignores the bytes after it. */
gboolean     gsnmp_usm_decrypt           (const GsnmpUsmKey *key,
                                          guint32            engine_boots,
                                          guint32            engine_time,
                                          const guint8      *salt,
                                          gsize              salt_len,
                                          const guint8      *ciphertext,
                                          gsize              ciphertext_len,
                                          guint8            *out,
                                          GError           **error);

/* ------------------------------------------------------------------ */
/* Key cache */

/* Localized keys of an engine, so password-to-key and localization run once
 * per (protocols, Ku, engine ID), not per request and not per user name:
 * two users with the same passphrase share keys, one user name with two
 * passphrases does not.  A lookup is one hash-table lookup.  Not
 * thread-safe: one cache per GsnmpEngine, used in its context. */
typedef struct _GsnmpUsmKeyCache GsnmpUsmKeyCache;

GsnmpUsmKeyCache *gsnmp_usm_key_cache_new  (void);
void         gsnmp_usm_key_cache_free    (GsnmpUsmKeyCache  *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsnmpUsmKeyCache, gsnmp_usm_key_cache_free)

/* The number of keys held, for tests. */
guint        gsnmp_usm_key_cache_get_size (GsnmpUsmKeyCache *cache);

/* Drops every key (say, when an agent's engine ID changed). */
void         gsnmp_usm_key_cache_clear   (GsnmpUsmKeyCache  *cache);

/* The localized authentication key of @user at the authoritative engine
 * @engine_id, or its privacy key.  Returns a new reference.  Fails with
 * GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL when @user has no authentication
 * (or no privacy) protocol, GSNMP_ERROR_UNKNOWN_ENGINE_ID when @user was
 * made with keys localized for another engine, GSNMP_ERROR_INVALID_VALUE
 * for an empty or overlong @engine_id. */
GsnmpUsmKey *gsnmp_usm_key_cache_get_auth_key (GsnmpUsmKeyCache *cache,
                                               GsnmpUsmUser     *user,
                                               const guint8     *engine_id,
                                               gsize             engine_id_len,
                                               GError          **error);
GsnmpUsmKey *gsnmp_usm_key_cache_get_priv_key (GsnmpUsmKeyCache *cache,
                                               GsnmpUsmUser     *user,
                                               const guint8     *engine_id,
                                               gsize             engine_id_len,
                                               GError          **error);

G_END_DECLS
