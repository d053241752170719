/* test-usm.c - SNMPv3 USM keys, HMACs, ciphers and GsnmpUsmUser
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The vectors for MD5 and SHA password-to-key and localization are RFC 3414
 * §A.3.1 and §A.3.2.  All the others (SHA-2 keys, privacy key extension,
 * HMACs and ciphertexts) were computed on Debian 12 by two independent
 * implementations that agreed on every byte: Net-SNMP 5.9.3's own functions
 * (generate_Ku, generate_kul, netsnmp_extend_kul, sc_generate_keyed_hash,
 * sc_encrypt) in tests/vectors/gen-usm-vectors.c, and Python's hashlib and
 * the cryptography package in tests/vectors/usm-vectors.py.  Net-SNMP has no
 * 3DES, so the 3DES ciphertext comes from the Python script alone (its key
 * extension is the Reeder one Net-SNMP computes for AES-256-C).
 */
#include "config.h"

#include <gsnmp/gsnmp.h>
#include "gsnmp-usm-private.h"
#include "gsnmp-usm-user-private.h"

#include <string.h>

/* RFC 3414 §A.3 */
#define ENGINE_ID_HEX "000000000000000000000002"
#define AUTH_PASSPHRASE "maplesyrup"
#define PRIV_PASSPHRASE "privsyrup99"

static guint8 *
unhex (const char *hex,
       gsize      *len)
{
        gsize n = strlen (hex) / 2, i;
        guint8 *out = g_malloc (n + 1);

        g_assert_cmpuint (strlen (hex) % 2, ==, 0);
        for (i = 0; i < n; i++) {
                int hi = g_ascii_xdigit_value (hex[2 * i]);
                int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

                g_assert_cmpint (hi, >=, 0);
                g_assert_cmpint (lo, >=, 0);
                out[i] = hi << 4 | lo;
        }
        if (len != NULL)
                *len = n;
        return out;
}

static char *
tohex (const guint8 *data,
       gsize         len)
{
        GString *s = g_string_new (NULL);
        gsize i;

        for (i = 0; i < len; i++)
                g_string_append_printf (s, "%02x", data[i]);
        return g_string_free (s, FALSE);
}

static void
assert_key_hex (const GsnmpUsmKey *key,
                const char        *hex)
{
        g_autofree char *got = tohex (key->data, key->length);

        g_assert_cmpstr (got, ==, hex);
}

/* Computed once, freed at the end of main(). */
static guint8 *engine_id_bytes;
static GsnmpUsmKey *priv_kuls[8];

static const guint8 *
engine_id (gsize *len)
{
        static gsize id_len;

        if (engine_id_bytes == NULL)
                engine_id_bytes = unhex (ENGINE_ID_HEX, &id_len);
        *len = id_len;
        return engine_id_bytes;
}

/*****************************************************************************/
/* Password-to-key and localization */

typedef struct {
        const char       *name;
        GsnmpAuthProtocol auth;
        const char       *ku;
        const char       *kul;
        const char       *hmac;   /* of the bytes 00 01 .. 63, keyed with kul */
} AuthVector;

static const AuthVector auth_vectors[] = {
        /* RFC 3414 §A.3.1 */
        { "md5", GSNMP_AUTH_PROTOCOL_MD5,
          "9faf3283884e92834ebc9847d8edd963",
          "526f5eed9fcce26f8964c2930787d82b",
          "7526859f58acbc2fed2ee8d1" },
        /* RFC 3414 §A.3.2 */
        { "sha", GSNMP_AUTH_PROTOCOL_SHA,
          "9fb5cc0381497b3793528939ff788d5d79145211",
          "6695febc9288e36282235fc7151f128497b38f3f",
          "041191d08d1966fe5703b255" },
        /* RFC 7860: Net-SNMP and Python, see the top of this file */
        { "sha224", GSNMP_AUTH_PROTOCOL_SHA224,
          "282a5867ee9aac639ad59df9572c7d3ac0fbc13a905b6df07dbbf00b",
          "0bd8827c6e29f8065e08e09237f177e410f69b90e1782be682075674",
          "7896e126f12d8a87b013c70a36a93864" },
        { "sha256", GSNMP_AUTH_PROTOCOL_SHA256,
          "ab51014d1e077f6017df2b12bee5f5aa72993177e9bb569c4dff5a4ca0b4afac",
          "8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b",
          "d36977b076b1ca1c07aefdc22ba659ad9cc49c70817d1b8c" },
        { "sha384", GSNMP_AUTH_PROTOCOL_SHA384,
          "e06eccdf2c68a06ed034723c9c26e0db3b669e1e2efed49150b55377a2e98f38"
          "3c86fb836857444654b287c93f51ff64",
          "3b298f16164a11184279d5432bf169e2d2a48307de02b3d3f7e2b4f36eb6f045"
          "5a53689a3937eea07319a633d2ccba78",
          "67b925d628d3bd254cabe71ab4954b559cf2537a6739429b52042b35845f839b" },
        { "sha512", GSNMP_AUTH_PROTOCOL_SHA512,
          "7e4396de5aadc77be853819b98c9406265b3a9c37cc3176569847a4e4f6fba63"
          "dd3a73d04924d31a63f95a601f9385af6be4ed1b37f87d040f7c6ed6f8d38a91",
          "22a5a36cedfcc085807a128d7bc6c2382167ad6c0dbc5fdff856740f3d84c099"
          "ad1ea87a8db096714d9788bd544047c9021e4229ce27e4c0a69250adfcffbb0b",
          "b3f263e1118aba54b253497168d7683e6fab7c694d0a90a55ee3e32ac0a8c3f6"
          "424eb2ff09efacc899953f247cc6447d" },
};

static void
test_password_to_key (gconstpointer data)
{
        const AuthVector *v = data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmKey) ku = NULL;
        g_autoptr(GsnmpUsmKey) kul = NULL;
        const guint8 *id;
        gsize id_len;

        ku = gsnmp_usm_password_to_key (v->auth, (const guint8 *) AUTH_PASSPHRASE,
                                        strlen (AUTH_PASSPHRASE), &error);
        g_assert_no_error (error);
        g_assert_cmpuint (ku->length, ==, gsnmp_usm_auth_key_length (v->auth));
        g_assert_cmpint (ku->auth, ==, v->auth);
        assert_key_hex (ku, v->ku);

        id = engine_id (&id_len);
        kul = gsnmp_usm_localize_key (ku, id, id_len, &error);
        g_assert_no_error (error);
        assert_key_hex (kul, v->kul);
}

static void
test_password_to_key_errors (void)
{
        static const struct {
                GsnmpAuthProtocol auth;
                const char       *passphrase;
        } cases[] = {
                { GSNMP_AUTH_PROTOCOL_SHA, "" },
                { GSNMP_AUTH_PROTOCOL_SHA, "1234567" },
                { GSNMP_AUTH_PROTOCOL_MD5, "short" },
                { GSNMP_AUTH_PROTOCOL_NONE, "long enough" },
                { (GsnmpAuthProtocol) 99, "long enough" },
        };
        gsize i;

        for (i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr(GError) error = NULL;
                GsnmpUsmKey *key;

                key = gsnmp_usm_password_to_key (cases[i].auth,
                                                 (const guint8 *) cases[i].passphrase,
                                                 strlen (cases[i].passphrase), &error);
                g_assert_null (key);
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        }

        /* Exactly 8 is enough. */
        {
                g_autoptr(GError) error = NULL;
                g_autoptr(GsnmpUsmKey) key = NULL;

                key = gsnmp_usm_password_to_key (GSNMP_AUTH_PROTOCOL_MD5,
                                                 (const guint8 *) "12345678", 8, &error);
                g_assert_no_error (error);
                g_assert_nonnull (key);
        }
}

static void
test_localize_errors (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmKey) ku = NULL;
        guint8 long_id[33] = { 0 };
        GsnmpUsmKey *kul;

        ku = gsnmp_usm_key_new (GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_NONE,
                                long_id, 20);

        kul = gsnmp_usm_localize_key (ku, long_id, 0, &error);
        g_assert_null (kul);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        kul = gsnmp_usm_localize_key (ku, long_id, sizeof long_id, &error);
        g_assert_null (kul);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        /* A Ku of the wrong length for its hash. */
        {
                g_autoptr(GsnmpUsmKey) bad = gsnmp_usm_key_new (GSNMP_AUTH_PROTOCOL_SHA256,
                                                                GSNMP_PRIV_PROTOCOL_NONE,
                                                                long_id, 20);

                kul = gsnmp_usm_localize_key (bad, long_id, 12, &error);
                g_assert_null (kul);
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        }
}

/*****************************************************************************/
/* Privacy keys */

typedef struct {
        const char       *name;
        GsnmpAuthProtocol auth;
        GsnmpPrivProtocol priv;
        const char       *key;
} PrivVector;

/* The privacy key of PRIV_PASSPHRASE at ENGINE_ID for each pair: DES and
 * AES take a prefix of Kul; AES-192/256 extend it the Blumenthal way,
 * AES-192/256-C and 3DES the Reeder way, when Kul is too short. */
static const PrivVector priv_vectors[] = {
        { "md5-des", GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_DES,
          "730af4009a3b31c2838c29d131f48aba" },
        { "md5-aes", GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_AES,
          "730af4009a3b31c2838c29d131f48aba" },
        { "md5-aes192", GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_AES192,
          "730af4009a3b31c2838c29d131f48aba5033dd077ada6c67" },
        { "md5-aes256", GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_AES256,
          "730af4009a3b31c2838c29d131f48aba5033dd077ada6c671fc9c2252caa788d" },
        { "md5-aes192c", GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_AES192_CISCO,
          "730af4009a3b31c2838c29d131f48abacf2bef7acc8b34b5" },
        { "md5-aes256c", GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_AES256_CISCO,
          "730af4009a3b31c2838c29d131f48abacf2bef7acc8b34b54735b32cd0303d28" },
        { "md5-3des", GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
          "730af4009a3b31c2838c29d131f48abacf2bef7acc8b34b54735b32cd0303d28" },
        { "sha-des", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_DES,
          "a08616d94d4ce1a6d934961d52967348" },
        { "sha-aes", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES,
          "a08616d94d4ce1a6d934961d52967348" },
        { "sha-aes192", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES192,
          "a08616d94d4ce1a6d934961d52967348521fbf63c4c3d501" },
        { "sha-aes256", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES256,
          "a08616d94d4ce1a6d934961d52967348521fbf63c4c3d50102de1f962fd1893f" },
        { "sha-aes192c", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES192_CISCO,
          "a08616d94d4ce1a6d934961d52967348521fbf636abe4962" },
        { "sha-aes256c", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES256_CISCO,
          "a08616d94d4ce1a6d934961d52967348521fbf636abe49627bf7a23a700554bf" },
        { "sha-3des", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
          "a08616d94d4ce1a6d934961d52967348521fbf636abe49627bf7a23a700554bf" },
        { "sha224-des", GSNMP_AUTH_PROTOCOL_SHA224, GSNMP_PRIV_PROTOCOL_DES,
          "f2a3a87d7506469ff2f09730ae569da3" },
        { "sha224-aes", GSNMP_AUTH_PROTOCOL_SHA224, GSNMP_PRIV_PROTOCOL_AES,
          "f2a3a87d7506469ff2f09730ae569da3" },
        { "sha224-aes192", GSNMP_AUTH_PROTOCOL_SHA224, GSNMP_PRIV_PROTOCOL_AES192,
          "f2a3a87d7506469ff2f09730ae569da328bc64599d4c4a34" },
        { "sha224-aes256", GSNMP_AUTH_PROTOCOL_SHA224, GSNMP_PRIV_PROTOCOL_AES256,
          "f2a3a87d7506469ff2f09730ae569da328bc64599d4c4a347489d517ae7110ba" },
        { "sha224-aes192c", GSNMP_AUTH_PROTOCOL_SHA224, GSNMP_PRIV_PROTOCOL_AES192_CISCO,
          "f2a3a87d7506469ff2f09730ae569da328bc64599d4c4a34" },
        { "sha224-aes256c", GSNMP_AUTH_PROTOCOL_SHA224, GSNMP_PRIV_PROTOCOL_AES256_CISCO,
          "f2a3a87d7506469ff2f09730ae569da328bc64599d4c4a347489d5172cc797a9" },
        { "sha224-3des", GSNMP_AUTH_PROTOCOL_SHA224, GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
          "f2a3a87d7506469ff2f09730ae569da328bc64599d4c4a347489d5172cc797a9" },
        { "sha256-des", GSNMP_AUTH_PROTOCOL_SHA256, GSNMP_PRIV_PROTOCOL_DES,
          "38b256f1de3899dedcc0cf51ab3f8761" },
        { "sha256-aes", GSNMP_AUTH_PROTOCOL_SHA256, GSNMP_PRIV_PROTOCOL_AES,
          "38b256f1de3899dedcc0cf51ab3f8761" },
        { "sha256-aes192", GSNMP_AUTH_PROTOCOL_SHA256, GSNMP_PRIV_PROTOCOL_AES192,
          "38b256f1de3899dedcc0cf51ab3f87614d6882c8ebae04ca" },
        { "sha256-aes256", GSNMP_AUTH_PROTOCOL_SHA256, GSNMP_PRIV_PROTOCOL_AES256,
          "38b256f1de3899dedcc0cf51ab3f87614d6882c8ebae04ca2124d3932108629d" },
        { "sha256-aes192c", GSNMP_AUTH_PROTOCOL_SHA256, GSNMP_PRIV_PROTOCOL_AES192_CISCO,
          "38b256f1de3899dedcc0cf51ab3f87614d6882c8ebae04ca" },
        { "sha256-aes256c", GSNMP_AUTH_PROTOCOL_SHA256, GSNMP_PRIV_PROTOCOL_AES256_CISCO,
          "38b256f1de3899dedcc0cf51ab3f87614d6882c8ebae04ca2124d3932108629d" },
        { "sha256-3des", GSNMP_AUTH_PROTOCOL_SHA256, GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
          "38b256f1de3899dedcc0cf51ab3f87614d6882c8ebae04ca2124d3932108629d" },
        { "sha384-des", GSNMP_AUTH_PROTOCOL_SHA384, GSNMP_PRIV_PROTOCOL_DES,
          "fcb9388723c6e62b6e78a692fe667bbc" },
        { "sha384-aes", GSNMP_AUTH_PROTOCOL_SHA384, GSNMP_PRIV_PROTOCOL_AES,
          "fcb9388723c6e62b6e78a692fe667bbc" },
        { "sha384-aes192", GSNMP_AUTH_PROTOCOL_SHA384, GSNMP_PRIV_PROTOCOL_AES192,
          "fcb9388723c6e62b6e78a692fe667bbc49917202f5e75ab0" },
        { "sha384-aes256", GSNMP_AUTH_PROTOCOL_SHA384, GSNMP_PRIV_PROTOCOL_AES256,
          "fcb9388723c6e62b6e78a692fe667bbc49917202f5e75ab05613787d553e3f90" },
        { "sha384-aes192c", GSNMP_AUTH_PROTOCOL_SHA384, GSNMP_PRIV_PROTOCOL_AES192_CISCO,
          "fcb9388723c6e62b6e78a692fe667bbc49917202f5e75ab0" },
        { "sha384-aes256c", GSNMP_AUTH_PROTOCOL_SHA384, GSNMP_PRIV_PROTOCOL_AES256_CISCO,
          "fcb9388723c6e62b6e78a692fe667bbc49917202f5e75ab05613787d553e3f90" },
        { "sha384-3des", GSNMP_AUTH_PROTOCOL_SHA384, GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
          "fcb9388723c6e62b6e78a692fe667bbc49917202f5e75ab05613787d553e3f90" },
        { "sha512-des", GSNMP_AUTH_PROTOCOL_SHA512, GSNMP_PRIV_PROTOCOL_DES,
          "bc5e03da2d7942cda85732d41924bf24" },
        { "sha512-aes", GSNMP_AUTH_PROTOCOL_SHA512, GSNMP_PRIV_PROTOCOL_AES,
          "bc5e03da2d7942cda85732d41924bf24" },
        { "sha512-aes192", GSNMP_AUTH_PROTOCOL_SHA512, GSNMP_PRIV_PROTOCOL_AES192,
          "bc5e03da2d7942cda85732d41924bf24cd6ccdf49afba64f" },
        { "sha512-aes256", GSNMP_AUTH_PROTOCOL_SHA512, GSNMP_PRIV_PROTOCOL_AES256,
          "bc5e03da2d7942cda85732d41924bf24cd6ccdf49afba64fbdb368b6bf02e5e1" },
        { "sha512-aes192c", GSNMP_AUTH_PROTOCOL_SHA512, GSNMP_PRIV_PROTOCOL_AES192_CISCO,
          "bc5e03da2d7942cda85732d41924bf24cd6ccdf49afba64f" },
        { "sha512-aes256c", GSNMP_AUTH_PROTOCOL_SHA512, GSNMP_PRIV_PROTOCOL_AES256_CISCO,
          "bc5e03da2d7942cda85732d41924bf24cd6ccdf49afba64fbdb368b6bf02e5e1" },
        { "sha512-3des", GSNMP_AUTH_PROTOCOL_SHA512, GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
          "bc5e03da2d7942cda85732d41924bf24cd6ccdf49afba64fbdb368b6bf02e5e1" },
};

/* The localized privacy Kul of each auth protocol, computed once: each is
 * a megabyte of hashing, slow under valgrind. */
static GsnmpUsmKey *
priv_kul_for (GsnmpAuthProtocol auth)
{
        GsnmpUsmKey **kuls = priv_kuls;
        g_autoptr(GError) error = NULL;

        g_assert_cmpint (auth, <, G_N_ELEMENTS (priv_kuls));
        if (kuls[auth] == NULL) {
                g_autoptr(GsnmpUsmKey) ku = NULL;
                const guint8 *id;
                gsize id_len;

                ku = gsnmp_usm_password_to_key (auth, (const guint8 *) PRIV_PASSPHRASE,
                                                strlen (PRIV_PASSPHRASE), &error);
                g_assert_no_error (error);
                id = engine_id (&id_len);
                kuls[auth] = gsnmp_usm_localize_key (ku, id, id_len, &error);
                g_assert_no_error (error);
        }
        return kuls[auth];
}

static void
test_priv_key (gconstpointer data)
{
        const PrivVector *v = data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmKey) key = NULL;
        GsnmpUsmKey *kul = priv_kul_for (v->auth);
        const guint8 *id;
        gsize id_len;

        id = engine_id (&id_len);
        key = gsnmp_usm_derive_priv_key (v->auth, v->priv, kul->data, kul->length,
                                         id, id_len, &error);
        g_assert_no_error (error);
        g_assert_cmpint (key->priv, ==, v->priv);
        g_assert_cmpuint (key->length, ==, gsnmp_usm_priv_key_length (v->priv));
        assert_key_hex (key, v->key);
}

static void
test_priv_key_errors (void)
{
        guint8 kul[64] = { 1, 2, 3 };
        const guint8 *id;
        gsize id_len;
        static const struct {
                GsnmpAuthProtocol auth;
                GsnmpPrivProtocol priv;
                gsize             kul_len;
        } cases[] = {
                /* Too short and not extensible. */
                { GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_DES, 15 },
                { GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES, 8 },
                /* Too short and not a whole Kul. */
                { GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES256, 16 },
                { GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_AES192_CISCO, 12 },
                /* No protocol. */
                { GSNMP_AUTH_PROTOCOL_NONE, GSNMP_PRIV_PROTOCOL_AES, 32 },
                { GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_NONE, 20 },
        };
        gsize i;

        id = engine_id (&id_len);
        for (i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr(GError) error = NULL;
                GsnmpUsmKey *key;

                key = gsnmp_usm_derive_priv_key (cases[i].auth, cases[i].priv,
                                                 kul, cases[i].kul_len, id, id_len, &error);
                g_assert_null (key);
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        }
}

/*****************************************************************************/
/* HMAC */

static void
test_hmac (gconstpointer data)
{
        const AuthVector *v = data;
        g_autoptr(GError) error = NULL;
        g_autofree guint8 *kul_bytes = NULL;
        g_autoptr(GsnmpUsmKey) kul = NULL;
        gsize kul_len, mac_len = gsnmp_usm_auth_mac_length (v->auth), off, i;
        guint8 msg[100], signed_msg[100], mac[GSNMP_USM_MAX_MAC_LENGTH];
        g_autofree char *mac_hex = NULL;

        kul_bytes = unhex (v->kul, &kul_len);
        kul = gsnmp_usm_key_new (v->auth, GSNMP_PRIV_PROTOCOL_NONE, kul_bytes, kul_len);
        for (i = 0; i < sizeof msg; i++)
                msg[i] = i;

        /* The whole buffer. */
        g_assert_true (gsnmp_usm_auth_compute (kul, msg, sizeof msg, G_MAXSIZE, mac, &error));
        g_assert_no_error (error);
        mac_hex = tohex (mac, mac_len);
        g_assert_cmpstr (mac_hex, ==, v->hmac);

        /* Sign in place: the field counts as zeros, whatever it holds. */
        off = 40;
        memcpy (signed_msg, msg, sizeof msg);
        g_assert_true (gsnmp_usm_auth_sign (kul, signed_msg, sizeof signed_msg, off, &error));
        g_assert_no_error (error);
        memset (msg + off, 0, mac_len);
        g_assert_true (gsnmp_usm_auth_compute (kul, msg, sizeof msg, G_MAXSIZE, mac, &error));
        g_assert_cmpmem (signed_msg + off, mac_len, mac, mac_len);
        g_assert_cmpmem (signed_msg, off, msg, off);

        g_assert_true (gsnmp_usm_auth_verify (kul, signed_msg, sizeof signed_msg, off, mac_len, &error));
        g_assert_no_error (error);

        /* A MAC field at the very end. */
        off = sizeof signed_msg - mac_len;
        g_assert_true (gsnmp_usm_auth_sign (kul, signed_msg, sizeof signed_msg, off, &error));
        g_assert_true (gsnmp_usm_auth_verify (kul, signed_msg, sizeof signed_msg, off, mac_len, &error));
        g_assert_no_error (error);

        /* Every flipped bit, in the message or the MAC, is caught. */
        for (i = 0; i < sizeof signed_msg * 8; i += 7) {
                signed_msg[i / 8] ^= 1 << (i % 8);
                g_assert_false (gsnmp_usm_auth_verify (kul, signed_msg, sizeof signed_msg,
                                                       off, mac_len, &error));
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST);
                g_clear_error (&error);
                signed_msg[i / 8] ^= 1 << (i % 8);
        }
        g_assert_true (gsnmp_usm_auth_verify (kul, signed_msg, sizeof signed_msg, off, mac_len, &error));

        /* Wrong MAC lengths and fields that do not fit. */
        g_assert_false (gsnmp_usm_auth_verify (kul, signed_msg, sizeof signed_msg, off - 1,
                                               mac_len + 1, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST);
        g_clear_error (&error);
        g_assert_false (gsnmp_usm_auth_verify (kul, signed_msg, sizeof signed_msg, off, 0, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST);
        g_clear_error (&error);
        g_assert_false (gsnmp_usm_auth_verify (kul, signed_msg, sizeof signed_msg, off + 1,
                                               mac_len, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST);
        g_clear_error (&error);
        g_assert_false (gsnmp_usm_auth_verify (kul, signed_msg, sizeof signed_msg, G_MAXSIZE,
                                               mac_len, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST);
        g_clear_error (&error);

        /* Another key fails. */
        {
                g_autoptr(GsnmpUsmKey) other = NULL;

                kul_bytes[0] ^= 0x80;
                other = gsnmp_usm_key_new (v->auth, GSNMP_PRIV_PROTOCOL_NONE, kul_bytes, kul_len);
                g_assert_false (gsnmp_usm_auth_verify (other, signed_msg, sizeof signed_msg,
                                                       off, mac_len, &error));
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST);
        }
}

static void
test_equal_constant_time (void)
{
        const guint8 a[] = { 1, 2, 3, 4 }, b[] = { 1, 2, 3, 5 };

        g_assert_true (gsnmp_usm_equal_constant_time (a, a, sizeof a));
        g_assert_false (gsnmp_usm_equal_constant_time (a, b, sizeof a));
        g_assert_true (gsnmp_usm_equal_constant_time (a, b, 3));
        g_assert_true (gsnmp_usm_equal_constant_time (a, b, 0));
}

/*****************************************************************************/
/* Ciphers */

#define PLAINTEXT "The quick brown fox jumps over the lazy dog"
#define ENGINE_BOOTS 7
#define ENGINE_TIME 123456

typedef struct {
        const char       *name;
        GsnmpPrivProtocol priv;
        const char       *key;    /* the SHA privacy key from priv_vectors */
        const char       *salt;
        const char       *ciphertext;
} CipherVector;

static const CipherVector cipher_vectors[] = {
        { "des", GSNMP_PRIV_PROTOCOL_DES,
          "a08616d94d4ce1a6d934961d52967348", "000000070a0b0c0d",
          "d38e10b68ba8737876072bb895cf67be7a6537e8c43cb9c7a6dcb724455a341a"
          "3647dcb69334a2b62af672fd644f21c6" },
        { "aes", GSNMP_PRIV_PROTOCOL_AES,
          "a08616d94d4ce1a6d934961d52967348", "0102030405060708",
          "9d16af59deb8a322afafc1ba60691d8e3f319ef640766afba1f0b3230ba7f6ec"
          "9ae7ccb19f15f20775a502" },
        { "aes192", GSNMP_PRIV_PROTOCOL_AES192,
          "a08616d94d4ce1a6d934961d52967348521fbf63c4c3d501", "0102030405060708",
          "7599e4531792096ee885e677aad45ca64df4d547987b94b6a1d73a1a28687e86"
          "fa9b623923b6abb048b90c" },
        { "aes256", GSNMP_PRIV_PROTOCOL_AES256,
          "a08616d94d4ce1a6d934961d52967348521fbf63c4c3d50102de1f962fd1893f",
          "0102030405060708",
          "8f64f65de676801b25b49e33fc7643de9213b689660c1a8899616586b41cd221"
          "ddd2ed675f8b31f105bc57" },
        { "aes192c", GSNMP_PRIV_PROTOCOL_AES192_CISCO,
          "a08616d94d4ce1a6d934961d52967348521fbf636abe4962", "0102030405060708",
          "f790f0caa2e55676c5d0daab6e102b2706e369145464b94d01c5c998056cebe3"
          "dd69067d0bd5cee9bc58ed" },
        { "aes256c", GSNMP_PRIV_PROTOCOL_AES256_CISCO,
          "a08616d94d4ce1a6d934961d52967348521fbf636abe49627bf7a23a700554bf",
          "0102030405060708",
          "d0783baefa6fe19d088f9648e37efaf62383c93c001ba8db831f345bf75d6ce6"
          "bebab63be4966acb8920d7" },
        /* Net-SNMP here has no 3DES: made with Python's cryptography and
         * confirmed with PySNMP 4.4 (tests/vectors/pysnmp-3des.py). */
        { "3des", GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
          "a08616d94d4ce1a6d934961d52967348521fbf636abe49627bf7a23a700554bf",
          "000000070a0b0c0d",
          "3c366bbbe2aac9cd7a9238a76d7ce7016fab5013cda702938b48dea1e29b8b09"
          "2e07b28b5a9047342a12adeea95ba2da" },
};

static GsnmpUsmKey *
cipher_key (const CipherVector *v)
{
        g_autofree guint8 *bytes = NULL;
        gsize len;

        bytes = unhex (v->key, &len);
        return gsnmp_usm_key_new (GSNMP_AUTH_PROTOCOL_SHA, v->priv, bytes, len);
}

static void
test_cipher_known_answer (gconstpointer data)
{
        const CipherVector *v = data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmKey) key = cipher_key (v);
        g_autofree guint8 *salt = unhex (v->salt, NULL);
        gsize pt_len = strlen (PLAINTEXT);
        gsize ct_len = gsnmp_usm_encrypted_length (v->priv, pt_len);
        g_autofree guint8 *ct = g_malloc (ct_len);
        g_autofree guint8 *pt = g_malloc (ct_len);
        g_autofree char *ct_hex = NULL;

        g_assert_cmpuint (ct_len, ==, strlen (v->ciphertext) / 2);

        g_assert_true (gsnmp_usm_encrypt (key, ENGINE_BOOTS, ENGINE_TIME, salt,
                                          (const guint8 *) PLAINTEXT, pt_len, ct, &error));
        g_assert_no_error (error);
        ct_hex = tohex (ct, ct_len);
        g_assert_cmpstr (ct_hex, ==, v->ciphertext);

        g_assert_true (gsnmp_usm_decrypt (key, ENGINE_BOOTS, ENGINE_TIME, salt, 8,
                                          ct, ct_len, pt, &error));
        g_assert_no_error (error);
        g_assert_cmpmem (pt, pt_len, PLAINTEXT, pt_len);

        /* In place. */
        g_assert_true (gsnmp_usm_decrypt (key, ENGINE_BOOTS, ENGINE_TIME, salt, 8,
                                          ct, ct_len, ct, &error));
        g_assert_no_error (error);
        g_assert_cmpmem (ct, pt_len, PLAINTEXT, pt_len);

        /* AES depends on the engine time, DES and 3DES on the salt. */
        g_assert_true (gsnmp_usm_encrypt (key, ENGINE_BOOTS, ENGINE_TIME, salt,
                                          (const guint8 *) PLAINTEXT, pt_len, ct, &error));
        if (gsnmp_usm_priv_block_length (v->priv) == 1) {
                g_assert_true (gsnmp_usm_decrypt (key, ENGINE_BOOTS, ENGINE_TIME + 1, salt, 8,
                                                  ct, ct_len, pt, &error));
        } else {
                salt[7] ^= 1;
                g_assert_true (gsnmp_usm_decrypt (key, ENGINE_BOOTS, ENGINE_TIME, salt, 8,
                                                  ct, ct_len, pt, &error));
        }
        g_assert_no_error (error);
        g_assert_true (memcmp (pt, PLAINTEXT, 8) != 0);
}

static void
test_cipher_round_trip (gconstpointer data)
{
        const CipherVector *v = data;
        g_autoptr(GsnmpUsmKey) key = cipher_key (v);
        guint8 plaintext[200], ct[208], pt[208], salt[GSNMP_USM_SALT_LENGTH];
        gsize len, i;

        for (i = 0; i < sizeof plaintext; i++)
                plaintext[i] = g_test_rand_int_range (0, 256);

        for (len = 1; len <= sizeof plaintext; len += (len < 20 ? 1 : 17)) {
                g_autoptr(GError) error = NULL;
                gsize ct_len = gsnmp_usm_encrypted_length (v->priv, len);

                g_assert_cmpuint (ct_len, >=, len);
                g_assert_cmpuint (ct_len, <, len + 8);
                g_assert_cmpuint (ct_len % gsnmp_usm_priv_block_length (v->priv), ==, 0);

                gsnmp_usm_make_salt (v->priv, 42, salt);
                g_assert_true (gsnmp_usm_encrypt (key, 42, len, salt, plaintext, len, ct, &error));
                g_assert_no_error (error);
                g_assert_true (gsnmp_usm_decrypt (key, 42, len, salt, sizeof salt,
                                                  ct, ct_len, pt, &error));
                g_assert_no_error (error);
                g_assert_cmpmem (pt, len, plaintext, len);

                /* Encrypting in place gives the same. */
                memcpy (pt, plaintext, len);
                g_assert_true (gsnmp_usm_encrypt (key, 42, len, salt, pt, len, pt, &error));
                g_assert_cmpmem (pt, ct_len, ct, ct_len);
        }
}

static void
test_cipher_errors (gconstpointer data)
{
        const CipherVector *v = data;
        g_autoptr(GsnmpUsmKey) key = cipher_key (v);
        guint8 buf[64] = { 0 }, out[64], salt[GSNMP_USM_SALT_LENGTH] = { 0 };
        gboolean cbc = gsnmp_usm_priv_block_length (v->priv) > 1;
        g_autoptr(GError) error = NULL;

        /* Empty ciphertext. */
        g_assert_false (gsnmp_usm_decrypt (key, 1, 1, salt, 8, buf, 0, out, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_DECRYPTION_ERROR);
        g_clear_error (&error);

        /* Salts of the wrong length. */
        g_assert_false (gsnmp_usm_decrypt (key, 1, 1, salt, 7, buf, 16, out, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_DECRYPTION_ERROR);
        g_clear_error (&error);
        g_assert_false (gsnmp_usm_decrypt (key, 1, 1, salt, 0, buf, 16, out, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_DECRYPTION_ERROR);
        g_clear_error (&error);

        /* CBC needs whole blocks; CFB takes any length. */
        if (cbc) {
                gsize lens[] = { 1, 7, 9, 15, 63 };
                gsize i;

                for (i = 0; i < G_N_ELEMENTS (lens); i++) {
                        g_assert_false (gsnmp_usm_decrypt (key, 1, 1, salt, 8, buf, lens[i],
                                                           out, &error));
                        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_DECRYPTION_ERROR);
                        g_clear_error (&error);
                }
        } else {
                g_assert_true (gsnmp_usm_decrypt (key, 1, 1, salt, 8, buf, 7, out, &error));
                g_assert_no_error (error);
        }

        /* A key that is not a privacy key. */
        {
                g_autoptr(GsnmpUsmKey) auth_key = gsnmp_usm_key_new (GSNMP_AUTH_PROTOCOL_SHA,
                                                                     GSNMP_PRIV_PROTOCOL_NONE,
                                                                     buf, 20);

                g_assert_false (gsnmp_usm_encrypt (auth_key, 1, 1, salt, buf, 16, out, &error));
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
                g_clear_error (&error);
                g_assert_false (gsnmp_usm_decrypt (auth_key, 1, 1, salt, 8, buf, 16, out, &error));
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
                g_clear_error (&error);
        }
}

static void
test_salt (void)
{
        guint8 a[GSNMP_USM_SALT_LENGTH], b[GSNMP_USM_SALT_LENGTH];
        static const guint8 boots[4] = { 0x01, 0x02, 0x03, 0x04 };
        guint32 ca, cb;

        /* DES and 3DES: engineBoots, then a 32-bit counter (RFC 3414 §8.1.1.1). */
        gsnmp_usm_make_salt (GSNMP_PRIV_PROTOCOL_DES, 0x01020304, a);
        gsnmp_usm_make_salt (GSNMP_PRIV_PROTOCOL_TRIPLE_DES, 0x01020304, b);
        g_assert_cmpmem (a, 4, boots, 4);
        g_assert_cmpmem (b, 4, boots, 4);
        ca = (guint32) a[4] << 24 | a[5] << 16 | a[6] << 8 | a[7];
        cb = (guint32) b[4] << 24 | b[5] << 16 | b[6] << 8 | b[7];
        g_assert_cmpuint (cb, ==, ca + 1);

        /* AES: a 64-bit counter (RFC 3826 §3.1.2.1). */
        gsnmp_usm_make_salt (GSNMP_PRIV_PROTOCOL_AES, 0x01020304, a);
        gsnmp_usm_make_salt (GSNMP_PRIV_PROTOCOL_AES256, 0x01020304, b);
        g_assert_true (memcmp (a, b, sizeof a) != 0);
        ca = (guint32) a[4] << 24 | a[5] << 16 | a[6] << 8 | a[7];
        cb = (guint32) b[4] << 24 | b[5] << 16 | b[6] << 8 | b[7];
        g_assert_cmpuint (cb, ==, ca + 1);
}

static void
test_lengths (void)
{
        g_assert_cmpuint (gsnmp_usm_auth_mac_length (GSNMP_AUTH_PROTOCOL_MD5), ==, 12);
        g_assert_cmpuint (gsnmp_usm_auth_mac_length (GSNMP_AUTH_PROTOCOL_SHA), ==, 12);
        g_assert_cmpuint (gsnmp_usm_auth_mac_length (GSNMP_AUTH_PROTOCOL_SHA224), ==, 16);
        g_assert_cmpuint (gsnmp_usm_auth_mac_length (GSNMP_AUTH_PROTOCOL_SHA256), ==, 24);
        g_assert_cmpuint (gsnmp_usm_auth_mac_length (GSNMP_AUTH_PROTOCOL_SHA384), ==, 32);
        g_assert_cmpuint (gsnmp_usm_auth_mac_length (GSNMP_AUTH_PROTOCOL_SHA512), ==, 48);
        g_assert_cmpuint (gsnmp_usm_auth_mac_length (GSNMP_AUTH_PROTOCOL_NONE), ==, 0);
        g_assert_cmpuint (gsnmp_usm_auth_mac_length ((GsnmpAuthProtocol) 77), ==, 0);
        g_assert_cmpuint (gsnmp_usm_priv_key_length ((GsnmpPrivProtocol) 77), ==, 0);

        g_assert_cmpuint (gsnmp_usm_encrypted_length (GSNMP_PRIV_PROTOCOL_DES, 43), ==, 48);
        g_assert_cmpuint (gsnmp_usm_encrypted_length (GSNMP_PRIV_PROTOCOL_DES, 48), ==, 48);
        g_assert_cmpuint (gsnmp_usm_encrypted_length (GSNMP_PRIV_PROTOCOL_TRIPLE_DES, 1), ==, 8);
        g_assert_cmpuint (gsnmp_usm_encrypted_length (GSNMP_PRIV_PROTOCOL_AES, 43), ==, 43);
        g_assert_cmpuint (gsnmp_usm_encrypted_length (GSNMP_PRIV_PROTOCOL_AES256_CISCO, 1), ==, 1);

        g_assert_cmpstr (gsnmp_usm_auth_protocol_name (GSNMP_AUTH_PROTOCOL_SHA256), ==, "SHA-256");
        g_assert_cmpstr (gsnmp_usm_priv_protocol_name (GSNMP_PRIV_PROTOCOL_AES192_CISCO), ==,
                         "AES-192-C");
}

/*****************************************************************************/
/* GsnmpUsmUser */

static void
test_user_properties (void)
{
        static const struct {
                GsnmpAuthProtocol  auth;
                const char        *auth_pass;
                GsnmpPrivProtocol  priv;
                const char        *priv_pass;
                GsnmpSecurityLevel level;
        } cases[] = {
                { GSNMP_AUTH_PROTOCOL_NONE, NULL, GSNMP_PRIV_PROTOCOL_NONE, NULL,
                  GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV },
                { GSNMP_AUTH_PROTOCOL_MD5, "maplesyrup", GSNMP_PRIV_PROTOCOL_NONE, NULL,
                  GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV },
                { GSNMP_AUTH_PROTOCOL_SHA512, "maplesyrup", GSNMP_PRIV_PROTOCOL_AES256_CISCO,
                  "privsyrup99", GSNMP_SECURITY_LEVEL_AUTH_PRIV },
                { GSNMP_AUTH_PROTOCOL_SHA, "samepassword", GSNMP_PRIV_PROTOCOL_DES,
                  "samepassword", GSNMP_SECURITY_LEVEL_AUTH_PRIV },
        };
        gsize i;

        for (i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr(GError) error = NULL;
                g_autoptr(GsnmpUsmUser) user = NULL;
                g_autofree char *name = NULL;
                GsnmpSecurityLevel level;
                GsnmpAuthProtocol auth;
                GsnmpPrivProtocol priv;
                GsnmpProtocolVersion version;

                user = gsnmp_usm_user_new ("ünïcode user", cases[i].auth, cases[i].auth_pass,
                                           cases[i].priv, cases[i].priv_pass, &error);
                g_assert_no_error (error);
                g_assert_true (GSNMP_IS_CREDENTIALS (user));

                g_assert_cmpstr (gsnmp_usm_user_get_user_name (user), ==, "ünïcode user");
                g_assert_cmpint (gsnmp_usm_user_get_auth_protocol (user), ==, cases[i].auth);
                g_assert_cmpint (gsnmp_usm_user_get_priv_protocol (user), ==, cases[i].priv);
                g_assert_cmpint (gsnmp_usm_user_get_security_level (user), ==, cases[i].level);
                g_assert_cmpint (gsnmp_credentials_get_version (GSNMP_CREDENTIALS (user)), ==,
                                 GSNMP_PROTOCOL_VERSION_V3);

                g_object_get (user,
                              "user-name", &name,
                              "security-level", &level,
                              "auth-protocol", &auth,
                              "priv-protocol", &priv,
                              "version", &version,
                              NULL);
                g_assert_cmpstr (name, ==, "ünïcode user");
                g_assert_cmpint (level, ==, cases[i].level);
                g_assert_cmpint (auth, ==, cases[i].auth);
                g_assert_cmpint (priv, ==, cases[i].priv);
                g_assert_cmpint (version, ==, GSNMP_PROTOCOL_VERSION_V3);

                /* Master keys only, and only for the protocols in use. */
                g_assert_true ((gsnmp_usm_user_get_auth_master_key (user) != NULL) ==
                               (cases[i].auth != GSNMP_AUTH_PROTOCOL_NONE));
                g_assert_true ((gsnmp_usm_user_get_priv_master_key (user) != NULL) ==
                               (cases[i].priv != GSNMP_PRIV_PROTOCOL_NONE));
                g_assert_null (gsnmp_usm_user_get_localized_engine_id (user, NULL));
        }
}

static void
test_user_secrets_not_properties (void)
{
        g_autoptr(GsnmpUsmUser) user = NULL;
        GObjectClass *klass;
        guint n, i;
        g_autofree GParamSpec **specs = NULL;

        /* g_object_new() alone makes a noAuthNoPriv SNMPv3 user. */
        user = g_object_new (GSNMP_TYPE_USM_USER, NULL);
        g_assert_cmpint (gsnmp_credentials_get_version (GSNMP_CREDENTIALS (user)), ==,
                         GSNMP_PROTOCOL_VERSION_V3);
        g_assert_cmpint (gsnmp_usm_user_get_security_level (user), ==,
                         GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV);

        klass = G_OBJECT_GET_CLASS (user);
        specs = g_object_class_list_properties (klass, &n);
        for (i = 0; i < n; i++) {
                g_assert_null (strstr (specs[i]->name, "pass"));
                g_assert_null (strstr (specs[i]->name, "key"));
                if (specs[i]->owner_type == GSNMP_TYPE_USM_USER)
                        g_assert_false (specs[i]->flags & G_PARAM_WRITABLE);
        }
}

typedef struct {
        const char       *name;
        const char       *user_name;
        GsnmpAuthProtocol auth;
        const char       *auth_pass;
        GsnmpPrivProtocol priv;
        const char       *priv_pass;
} UserErrorCase;

static const UserErrorCase user_error_cases[] = {
        { "short-auth", "u", GSNMP_AUTH_PROTOCOL_SHA, "1234567", GSNMP_PRIV_PROTOCOL_NONE, NULL },
        { "empty-auth", "u", GSNMP_AUTH_PROTOCOL_MD5, "", GSNMP_PRIV_PROTOCOL_NONE, NULL },
        { "short-priv", "u", GSNMP_AUTH_PROTOCOL_SHA, "12345678", GSNMP_PRIV_PROTOCOL_AES, "abc" },
        { "priv-without-auth", "u", GSNMP_AUTH_PROTOCOL_NONE, NULL,
          GSNMP_PRIV_PROTOCOL_AES, "12345678" },
        { "auth-pass-without-protocol", "u", GSNMP_AUTH_PROTOCOL_NONE, "12345678",
          GSNMP_PRIV_PROTOCOL_NONE, NULL },
        { "auth-protocol-without-pass", "u", GSNMP_AUTH_PROTOCOL_SHA, NULL,
          GSNMP_PRIV_PROTOCOL_NONE, NULL },
        { "priv-pass-without-protocol", "u", GSNMP_AUTH_PROTOCOL_SHA, "12345678",
          GSNMP_PRIV_PROTOCOL_NONE, "12345678" },
        { "priv-protocol-without-pass", "u", GSNMP_AUTH_PROTOCOL_SHA, "12345678",
          GSNMP_PRIV_PROTOCOL_DES, NULL },
        { "empty-name", "", GSNMP_AUTH_PROTOCOL_NONE, NULL, GSNMP_PRIV_PROTOCOL_NONE, NULL },
        { "long-name", "123456789012345678901234567890123", GSNMP_AUTH_PROTOCOL_NONE, NULL,
          GSNMP_PRIV_PROTOCOL_NONE, NULL },
        { "invalid-utf8-name", "bad\xff", GSNMP_AUTH_PROTOCOL_NONE, NULL,
          GSNMP_PRIV_PROTOCOL_NONE, NULL },
};

static void
test_user_error (gconstpointer data)
{
        const UserErrorCase *c = data;
        g_autoptr(GError) error = NULL;
        GsnmpUsmUser *user;

        user = gsnmp_usm_user_new (c->user_name, c->auth, c->auth_pass, c->priv, c->priv_pass,
                                   &error);
        g_assert_null (user);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_test_message ("%s", error->message);
}

static void
test_user_short_passphrase_message (void)
{
        g_autoptr(GError) error = NULL;
        GsnmpUsmUser *user;

        user = gsnmp_usm_user_new ("u", GSNMP_AUTH_PROTOCOL_SHA, "short",
                                   GSNMP_PRIV_PROTOCOL_NONE, NULL, &error);
        g_assert_null (user);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_assert_nonnull (strstr (error->message, "authentication passphrase"));
        g_assert_nonnull (strstr (error->message, "8"));
        g_clear_error (&error);

        user = gsnmp_usm_user_new ("u", GSNMP_AUTH_PROTOCOL_SHA, "long enough",
                                   GSNMP_PRIV_PROTOCOL_AES, "short", &error);
        g_assert_null (user);
        g_assert_nonnull (strstr (error->message, "privacy passphrase"));
}

static void
test_user_key_errors (void)
{
        guint8 key[64] = { 0 };
        const guint8 *id;
        gsize id_len;
        g_autoptr(GError) error = NULL;
        GsnmpUsmUser *user;

        id = engine_id (&id_len);

        /* Master keys: exactly the hash length. */
        user = gsnmp_usm_user_new_from_keys ("u", GSNMP_AUTH_PROTOCOL_SHA, key, 16,
                                             GSNMP_PRIV_PROTOCOL_NONE, NULL, 0, &error);
        g_assert_null (user);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        user = gsnmp_usm_user_new_from_keys ("u", GSNMP_AUTH_PROTOCOL_SHA, key, 20,
                                             GSNMP_PRIV_PROTOCOL_AES, key, 16, &error);
        g_assert_null (user);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        user = gsnmp_usm_user_new_from_keys ("u", GSNMP_AUTH_PROTOCOL_NONE, NULL, 0,
                                             GSNMP_PRIV_PROTOCOL_AES, key, 16, &error);
        g_assert_null (user);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        user = gsnmp_usm_user_new_from_keys ("u", GSNMP_AUTH_PROTOCOL_MD5, NULL, 0,
                                             GSNMP_PRIV_PROTOCOL_NONE, NULL, 0, &error);
        g_assert_null (user);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        /* Localized keys: an engine ID of 1 to 32 bytes. */
        user = gsnmp_usm_user_new_localized ("u", id, 0, GSNMP_AUTH_PROTOCOL_MD5, key, 16,
                                             GSNMP_PRIV_PROTOCOL_NONE, NULL, 0, &error);
        g_assert_null (user);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        user = gsnmp_usm_user_new_localized ("u", key, 33, GSNMP_AUTH_PROTOCOL_MD5, key, 16,
                                             GSNMP_PRIV_PROTOCOL_NONE, NULL, 0, &error);
        g_assert_null (user);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        /* A localized AES-256 key must be 32 bytes, or a whole Kul to extend. */
        user = gsnmp_usm_user_new_localized ("u", id, id_len, GSNMP_AUTH_PROTOCOL_SHA, key, 20,
                                             GSNMP_PRIV_PROTOCOL_AES256, key, 24, &error);
        g_assert_null (user);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        user = gsnmp_usm_user_new_localized ("u", id, id_len, GSNMP_AUTH_PROTOCOL_SHA, key, 20,
                                             GSNMP_PRIV_PROTOCOL_DES, key, 8, &error);
        g_assert_null (user);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);
}

static void
test_user_from_keys (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmUser) user = NULL;
        g_autoptr(GsnmpUsmKeyCache) cache = gsnmp_usm_key_cache_new ();
        g_autoptr(GsnmpUsmKey) kul = NULL;
        g_autoptr(GsnmpUsmKey) priv = NULL;
        g_autoptr(GsnmpUsmKey) priv_ku = NULL;
        g_autofree guint8 *ku = NULL;
        const guint8 *id;
        gsize ku_len, id_len;

        /* The RFC 3414 §A.3.2 Ku, for both keys. */
        ku = unhex (auth_vectors[1].ku, &ku_len);
        user = gsnmp_usm_user_new_from_keys ("keyuser", GSNMP_AUTH_PROTOCOL_SHA, ku, ku_len,
                                             GSNMP_PRIV_PROTOCOL_AES192, ku, ku_len, &error);
        g_assert_no_error (error);
        g_assert_cmpint (gsnmp_usm_user_get_security_level (user), ==,
                         GSNMP_SECURITY_LEVEL_AUTH_PRIV);
        /* The caller's copy is not used. */
        memset (ku, 0, ku_len);

        id = engine_id (&id_len);
        kul = gsnmp_usm_key_cache_get_auth_key (cache, user, id, id_len, &error);
        g_assert_no_error (error);
        assert_key_hex (kul, auth_vectors[1].kul);

        /* AES-192 from the same Kul: its first 20 bytes. */
        priv = gsnmp_usm_key_cache_get_priv_key (cache, user, id, id_len, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (priv->length, ==, 24);
        g_assert_cmpmem (priv->data, 20, kul->data, 20);

        /* Ku from a passphrase and from bytes give the same keys. */
        {
                g_autoptr(GsnmpUsmUser) by_pass = NULL;
                g_autoptr(GsnmpUsmKey) key = NULL;

                by_pass = gsnmp_usm_user_new ("passuser", GSNMP_AUTH_PROTOCOL_SHA, AUTH_PASSPHRASE,
                                              GSNMP_PRIV_PROTOCOL_AES192, AUTH_PASSPHRASE, &error);
                g_assert_no_error (error);
                key = gsnmp_usm_key_cache_get_priv_key (cache, by_pass, id, id_len, &error);
                g_assert_no_error (error);
                g_assert_true (key == priv);
                g_assert_cmpuint (gsnmp_usm_key_cache_get_size (cache), ==, 2);
        }
}

static void
test_user_localized (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmUser) user = NULL;
        g_autoptr(GsnmpUsmKeyCache) cache = gsnmp_usm_key_cache_new ();
        g_autoptr(GsnmpUsmKey) auth = NULL;
        g_autoptr(GsnmpUsmKey) priv = NULL;
        GsnmpUsmKey *priv_kul = priv_kul_for (GSNMP_AUTH_PROTOCOL_SHA);
        g_autofree guint8 *kul = NULL;
        guint8 other_id[5] = { 0x80, 0, 0, 0, 1 };
        const guint8 *id, *got_id;
        gsize kul_len, id_len, got_len;

        /* Kul of RFC 3414 §A.3.2, and the 20-byte privacy Kul, which
         * AES-256-C extends the Reeder way. */
        kul = unhex (auth_vectors[1].kul, &kul_len);
        id = engine_id (&id_len);
        user = gsnmp_usm_user_new_localized ("localuser", id, id_len,
                                             GSNMP_AUTH_PROTOCOL_SHA, kul, kul_len,
                                             GSNMP_PRIV_PROTOCOL_AES256_CISCO,
                                             priv_kul->data, priv_kul->length, &error);
        g_assert_no_error (error);
        g_assert_null (gsnmp_usm_user_get_auth_master_key (user));
        got_id = gsnmp_usm_user_get_localized_engine_id (user, &got_len);
        g_assert_cmpmem (got_id, got_len, id, id_len);

        auth = gsnmp_usm_key_cache_get_auth_key (cache, user, id, id_len, &error);
        g_assert_no_error (error);
        assert_key_hex (auth, auth_vectors[1].kul);
        priv = gsnmp_usm_key_cache_get_priv_key (cache, user, id, id_len, &error);
        g_assert_no_error (error);
        assert_key_hex (priv, "a08616d94d4ce1a6d934961d52967348521fbf636abe49627bf7a23a700554bf");
        /* Its own keys, not the cache's. */
        g_assert_cmpuint (gsnmp_usm_key_cache_get_size (cache), ==, 0);

        /* Another engine has other keys. */
        g_assert_null (gsnmp_usm_key_cache_get_auth_key (cache, user, other_id, sizeof other_id,
                                                         &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_ENGINE_ID);
        g_clear_error (&error);
        g_assert_null (gsnmp_usm_key_cache_get_priv_key (cache, user, other_id, sizeof other_id,
                                                         &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_ENGINE_ID);
        g_clear_error (&error);

        /* A privacy key already long enough is cut, not extended. */
        {
                g_autoptr(GsnmpUsmUser) des = NULL;
                guint8 long_key[40];
                gsize i;

                for (i = 0; i < sizeof long_key; i++)
                        long_key[i] = i;
                des = gsnmp_usm_user_new_localized ("des", id, id_len,
                                                    GSNMP_AUTH_PROTOCOL_SHA, kul, kul_len,
                                                    GSNMP_PRIV_PROTOCOL_DES,
                                                    long_key, sizeof long_key, &error);
                g_assert_no_error (error);
                g_assert_cmpuint (gsnmp_usm_user_get_localized_priv_key (des)->length, ==, 16);
                g_assert_cmpmem (gsnmp_usm_user_get_localized_priv_key (des)->data, 16,
                                 long_key, 16);
        }
}

static void
test_key_cache (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmKeyCache) cache = gsnmp_usm_key_cache_new ();
        g_autoptr(GsnmpUsmUser) alice = NULL;
        g_autoptr(GsnmpUsmUser) bob = NULL;
        g_autoptr(GsnmpUsmUser) alice2 = NULL;
        g_autoptr(GsnmpUsmUser) noauth = NULL;
        g_autoptr(GsnmpUsmUser) authonly = NULL;
        g_autoptr(GsnmpUsmKey) a1 = NULL;
        g_autoptr(GsnmpUsmKey) a2 = NULL;
        g_autoptr(GsnmpUsmKey) b1 = NULL;
        g_autoptr(GsnmpUsmKey) c1 = NULL;
        g_autoptr(GsnmpUsmKey) p1 = NULL;
        g_autoptr(GsnmpUsmKey) p2 = NULL;
        g_autoptr(GsnmpUsmKey) other_engine = NULL;
        guint8 other_id[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3 };
        const guint8 *id;
        gsize id_len;

        id = engine_id (&id_len);

        /* Two names, one passphrase: one key. */
        alice = gsnmp_usm_user_new ("alice", GSNMP_AUTH_PROTOCOL_MD5, AUTH_PASSPHRASE,
                                    GSNMP_PRIV_PROTOCOL_AES256, PRIV_PASSPHRASE, &error);
        g_assert_no_error (error);
        bob = gsnmp_usm_user_new ("bob", GSNMP_AUTH_PROTOCOL_MD5, AUTH_PASSPHRASE,
                                  GSNMP_PRIV_PROTOCOL_AES256, PRIV_PASSPHRASE, &error);
        g_assert_no_error (error);
        /* One name, another passphrase: other keys. */
        alice2 = gsnmp_usm_user_new ("alice", GSNMP_AUTH_PROTOCOL_MD5, "another passphrase",
                                     GSNMP_PRIV_PROTOCOL_AES256, "another privacy", &error);
        g_assert_no_error (error);

        a1 = gsnmp_usm_key_cache_get_auth_key (cache, alice, id, id_len, &error);
        g_assert_no_error (error);
        assert_key_hex (a1, auth_vectors[0].kul);
        a2 = gsnmp_usm_key_cache_get_auth_key (cache, alice, id, id_len, &error);
        g_assert_no_error (error);
        g_assert_true (a1 == a2);
        b1 = gsnmp_usm_key_cache_get_auth_key (cache, bob, id, id_len, &error);
        g_assert_no_error (error);
        g_assert_true (a1 == b1);
        g_assert_cmpuint (gsnmp_usm_key_cache_get_size (cache), ==, 1);

        c1 = gsnmp_usm_key_cache_get_auth_key (cache, alice2, id, id_len, &error);
        g_assert_no_error (error);
        g_assert_true (c1 != a1);
        g_assert_false (c1->length == a1->length &&
                        memcmp (c1->data, a1->data, a1->length) == 0);
        g_assert_cmpuint (gsnmp_usm_key_cache_get_size (cache), ==, 2);

        /* Privacy keys are separate entries, shared the same way. */
        p1 = gsnmp_usm_key_cache_get_priv_key (cache, alice, id, id_len, &error);
        g_assert_no_error (error);
        assert_key_hex (p1, priv_vectors[3].key);   /* md5-aes256 */
        p2 = gsnmp_usm_key_cache_get_priv_key (cache, bob, id, id_len, &error);
        g_assert_no_error (error);
        g_assert_true (p1 == p2);
        g_assert_cmpuint (gsnmp_usm_key_cache_get_size (cache), ==, 3);

        /* Another engine ID: another key. */
        other_engine = gsnmp_usm_key_cache_get_auth_key (cache, alice, other_id, sizeof other_id,
                                                         &error);
        g_assert_no_error (error);
        g_assert_true (other_engine != a1);
        g_assert_false (memcmp (other_engine->data, a1->data, a1->length) == 0);
        g_assert_cmpuint (gsnmp_usm_key_cache_get_size (cache), ==, 4);

        /* Keys outlive the cache's entries. */
        gsnmp_usm_key_cache_clear (cache);
        g_assert_cmpuint (gsnmp_usm_key_cache_get_size (cache), ==, 0);
        assert_key_hex (a1, auth_vectors[0].kul);

        /* Security levels the user does not have. */
        noauth = gsnmp_usm_user_new ("noauth", GSNMP_AUTH_PROTOCOL_NONE, NULL,
                                     GSNMP_PRIV_PROTOCOL_NONE, NULL, &error);
        g_assert_no_error (error);
        g_assert_null (gsnmp_usm_key_cache_get_auth_key (cache, noauth, id, id_len, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL);
        g_clear_error (&error);

        authonly = gsnmp_usm_user_new ("authonly", GSNMP_AUTH_PROTOCOL_SHA, AUTH_PASSPHRASE,
                                       GSNMP_PRIV_PROTOCOL_NONE, NULL, &error);
        g_assert_no_error (error);
        g_assert_null (gsnmp_usm_key_cache_get_priv_key (cache, authonly, id, id_len, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL);
        g_clear_error (&error);

        /* Bad engine IDs. */
        g_assert_null (gsnmp_usm_key_cache_get_auth_key (cache, authonly, id, 0, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);
        {
                guint8 long_id[33] = { 0 };

                g_assert_null (gsnmp_usm_key_cache_get_auth_key (cache, authonly, long_id,
                                                                 sizeof long_id, &error));
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
                g_clear_error (&error);
        }
        g_assert_cmpuint (gsnmp_usm_key_cache_get_size (cache), ==, 0);
}

/* Auth and privacy keys of one passphrase are different entries, and so
 * are two privacy protocols that share a prefix. */
static void
test_key_cache_kinds (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmKeyCache) cache = gsnmp_usm_key_cache_new ();
        g_autoptr(GsnmpUsmUser) blumenthal = NULL;
        g_autoptr(GsnmpUsmUser) reeder = NULL;
        g_autoptr(GsnmpUsmKey) auth = NULL;
        g_autoptr(GsnmpUsmKey) pb = NULL;
        g_autoptr(GsnmpUsmKey) pr = NULL;
        const guint8 *id;
        gsize id_len;

        id = engine_id (&id_len);
        blumenthal = gsnmp_usm_user_new ("u", GSNMP_AUTH_PROTOCOL_SHA, PRIV_PASSPHRASE,
                                         GSNMP_PRIV_PROTOCOL_AES256, PRIV_PASSPHRASE, &error);
        g_assert_no_error (error);
        reeder = gsnmp_usm_user_new ("u", GSNMP_AUTH_PROTOCOL_SHA, PRIV_PASSPHRASE,
                                     GSNMP_PRIV_PROTOCOL_AES256_CISCO, PRIV_PASSPHRASE, &error);
        g_assert_no_error (error);

        auth = gsnmp_usm_key_cache_get_auth_key (cache, blumenthal, id, id_len, &error);
        g_assert_no_error (error);
        pb = gsnmp_usm_key_cache_get_priv_key (cache, blumenthal, id, id_len, &error);
        g_assert_no_error (error);
        pr = gsnmp_usm_key_cache_get_priv_key (cache, reeder, id, id_len, &error);
        g_assert_no_error (error);

        g_assert_cmpuint (gsnmp_usm_key_cache_get_size (cache), ==, 3);
        g_assert_cmpuint (auth->length, ==, 20);
        assert_key_hex (pb, priv_vectors[10].key);  /* sha-aes256 */
        assert_key_hex (pr, priv_vectors[12].key);  /* sha-aes256c */
        g_assert_cmpmem (auth->data, 20, pb->data, 20);
}

/*****************************************************************************/

int
main (int    argc,
      char **argv)
{
        gsize i;
        int ret;

        g_test_init (&argc, &argv, NULL);

        for (i = 0; i < G_N_ELEMENTS (auth_vectors); i++) {
                g_autofree char *path = NULL;

                path = g_strdup_printf ("/gsnmp/usm/password-to-key/%s", auth_vectors[i].name);
                g_test_add_data_func (path, &auth_vectors[i], test_password_to_key);
                g_free (path);
                path = g_strdup_printf ("/gsnmp/usm/hmac/%s", auth_vectors[i].name);
                g_test_add_data_func (path, &auth_vectors[i], test_hmac);
        }
        g_test_add_func ("/gsnmp/usm/password-to-key/errors", test_password_to_key_errors);
        g_test_add_func ("/gsnmp/usm/localize/errors", test_localize_errors);
        g_test_add_func ("/gsnmp/usm/hmac/equal-constant-time", test_equal_constant_time);

        for (i = 0; i < G_N_ELEMENTS (priv_vectors); i++) {
                g_autofree char *path = NULL;

                path = g_strdup_printf ("/gsnmp/usm/priv-key/%s", priv_vectors[i].name);
                g_test_add_data_func (path, &priv_vectors[i], test_priv_key);
        }
        g_test_add_func ("/gsnmp/usm/priv-key/errors", test_priv_key_errors);

        for (i = 0; i < G_N_ELEMENTS (cipher_vectors); i++) {
                g_autofree char *kat = NULL, *rt = NULL, *err = NULL;

                kat = g_strdup_printf ("/gsnmp/usm/cipher/%s/known-answer", cipher_vectors[i].name);
                rt = g_strdup_printf ("/gsnmp/usm/cipher/%s/round-trip", cipher_vectors[i].name);
                err = g_strdup_printf ("/gsnmp/usm/cipher/%s/errors", cipher_vectors[i].name);
                g_test_add_data_func (kat, &cipher_vectors[i], test_cipher_known_answer);
                g_test_add_data_func (rt, &cipher_vectors[i], test_cipher_round_trip);
                g_test_add_data_func (err, &cipher_vectors[i], test_cipher_errors);
        }
        g_test_add_func ("/gsnmp/usm/cipher/salt", test_salt);
        g_test_add_func ("/gsnmp/usm/protocol/lengths", test_lengths);

        g_test_add_func ("/gsnmp/usm/user/properties", test_user_properties);
        g_test_add_func ("/gsnmp/usm/user/no-secret-properties", test_user_secrets_not_properties);
        for (i = 0; i < G_N_ELEMENTS (user_error_cases); i++) {
                g_autofree char *path = NULL;

                path = g_strdup_printf ("/gsnmp/usm/user/error/%s", user_error_cases[i].name);
                g_test_add_data_func (path, &user_error_cases[i], test_user_error);
        }
        g_test_add_func ("/gsnmp/usm/user/error/short-passphrase-message",
                         test_user_short_passphrase_message);
        g_test_add_func ("/gsnmp/usm/user/error/keys", test_user_key_errors);
        g_test_add_func ("/gsnmp/usm/user/from-keys", test_user_from_keys);
        g_test_add_func ("/gsnmp/usm/user/localized", test_user_localized);
        g_test_add_func ("/gsnmp/usm/key-cache/shared", test_key_cache);
        g_test_add_func ("/gsnmp/usm/key-cache/kinds", test_key_cache_kinds);

        ret = g_test_run ();

        for (i = 0; i < G_N_ELEMENTS (priv_kuls); i++)
                g_clear_pointer (&priv_kuls[i], gsnmp_usm_key_unref);
        g_clear_pointer (&engine_id_bytes, g_free);

        return ret;
}
