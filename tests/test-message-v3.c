/* test-message-v3.c - SNMPv3 messages (RFC 3412) with USM (RFC 3414)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Round trips at every security level with every protocol, tampering,
 * wrong keys, malformed headers, and known-answer vectors captured from
 * Net-SNMP 5.9.3 (Debian 12).
 *
 * How the interop vectors were made: tests/snmpd-fixture.sh started snmpd
 * on a free loopback port (engine ID 0x80001f880467736e6d7066697874757265,
 * "engineID gsnmpfixture"), then for each fixture user
 *
 *   MIBS= snmpget -On -v3 -l <level> -u <user> -a <auth> -A <pass> \
 *           -x <priv> -X <pass> -d -r0 udp:127.0.0.1:<port> \
 *           1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.6.0
 *
 * printed the datagrams (-d); each vector is snmpget's second request (after
 * discovery) and snmpd's response.  The reports come from the same agent:
 * discovery, a wrong authentication passphrase (-A wrongpassword), an
 * unknown user, -l authNoPriv for the noAuthNoPriv user nanp, and -Z 7,1000
 * (boots and time out of the window).
 */
#include "config.h"

#include <gsnmp/gsnmp.h>
#include "gsnmp-ber-private.h"
#include "gsnmp-message-private.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-usm-private.h"
#include "gsnmp-usm-user-private.h"

#include <string.h>

#define FIXTURE_ENGINE_ID "80001f880467736e6d7066697874757265"

/***************************************************************************/
/* Helpers */

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
        *len = n;
        return out;
}

static GBytes *
bytes_from_hex (const char *hex)
{
        gsize len;
        guint8 *data = unhex (hex, &len);

        return g_bytes_new_take (data, len);
}

/* The localized keys of a user at @engine_id, as the engine gets them. */
static void
make_keys (GsnmpAuthProtocol  auth,
           const char        *auth_pass,
           GsnmpPrivProtocol  priv,
           const char        *priv_pass,
           GBytes            *engine_id,
           GsnmpUsmKey      **auth_key,
           GsnmpUsmKey      **priv_key)
{
        GError *error = NULL;
        GsnmpUsmUser *user;
        GsnmpUsmKeyCache *cache;
        gsize len;
        const guint8 *id = g_bytes_get_data (engine_id, &len);

        *auth_key = NULL;
        *priv_key = NULL;
        if (auth == GSNMP_AUTH_PROTOCOL_NONE)
                return;

        user = gsnmp_usm_user_new ("user", auth, auth_pass, priv,
                                   priv != GSNMP_PRIV_PROTOCOL_NONE ? priv_pass : NULL, &error);
        g_assert_no_error (error);
        cache = gsnmp_usm_key_cache_new ();
        *auth_key = gsnmp_usm_key_cache_get_auth_key (cache, user, id, len, &error);
        g_assert_no_error (error);
        if (priv != GSNMP_PRIV_PROTOCOL_NONE) {
                *priv_key = gsnmp_usm_key_cache_get_priv_key (cache, user, id, len, &error);
                g_assert_no_error (error);
        }
        gsnmp_usm_key_cache_free (cache);
        g_object_unref (user);
}

static guint8
level_flags (GsnmpAuthProtocol auth,
             GsnmpPrivProtocol priv)
{
        return (auth != GSNMP_AUTH_PROTOCOL_NONE ? GSNMP_V3_FLAG_AUTH : 0) |
               (priv != GSNMP_PRIV_PROTOCOL_NONE ? GSNMP_V3_FLAG_PRIV : 0);
}

/* The PDU as text: type, request-id, error fields and every varbind in
 * Net-SNMP's -On form, one per line. */
static char *
pdu_to_string (GsnmpPdu *pdu)
{
        GString *s = g_string_new (NULL);
        guint i, n = gsnmp_pdu_get_n_varbinds (pdu);

        g_string_append_printf (s, "0x%02x %d %u %u\n", gsnmp_pdu_get_pdu_type (pdu),
                                gsnmp_pdu_get_request_id (pdu), pdu->error_status,
                                pdu->error_index);
        for (i = 0; i < n; i++) {
                char *vb = gsnmp_varbind_format (gsnmp_pdu_get_varbind (pdu, i), GSNMP_FORMAT_NONE);

                g_string_append_printf (s, "%s\n", vb);
                g_free (vb);
        }
        return g_string_free (s, FALSE);
}

static void
assert_bytes_hex (GBytes     *bytes,
                  const char *hex)
{
        gsize len, want_len;
        guint8 *want = unhex (hex, &want_len);

        g_assert_nonnull (bytes);
        g_assert_cmpmem (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes), want, want_len);
        g_free (want);
}

static void
assert_bytes_str (GBytes     *bytes,
                  const char *str)
{
        g_assert_nonnull (bytes);
        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), str, strlen (str));
}

static gboolean
contains (const guint8 *haystack,
          gsize         len,
          const char   *needle)
{
        return memmem (haystack, len, needle, strlen (needle)) != NULL;
}

/* A response carrying one value of every type, with a secret to look for. */
#define SECRET "secret-value-1234"

static GsnmpPdu *
make_test_pdu (void)
{
        static const guint8 addr[4] = { 192, 0, 2, 1 };
        GsnmpPdu *pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        GsnmpOid *oid;
        GsnmpOid *value;

#define ADD(str, expr) \
        oid = gsnmp_oid_new_from_string (str, NULL); \
        gsnmp_pdu_take_varbind (pdu, expr); \
        gsnmp_oid_unref (oid)

        gsnmp_pdu_set_request_id (pdu, 0x12345678);
        ADD ("1.3.6.1.2.1.1.5.0", gsnmp_varbind_new_string (oid, SECRET));
        ADD ("1.3.6.1.2.1.2.1.0", gsnmp_varbind_new_integer (oid, -42));
        ADD ("1.3.6.1.2.1.1.3.0", gsnmp_varbind_new_timeticks (oid, 123456));
        ADD ("1.3.6.1.2.1.31.1.1.1.6.1", gsnmp_varbind_new_counter64 (oid, G_GUINT64_CONSTANT (0x1234567890abcdef)));
        ADD ("1.3.6.1.2.1.4.20.1.1.192.0.2.1", gsnmp_varbind_new_ip_address (oid, addr));
        value = gsnmp_oid_new_from_string ("1.3.6.1.4.1.8072.3.2.10", NULL);
        ADD ("1.3.6.1.2.1.1.2.0", gsnmp_varbind_new_oid (oid, value));
        gsnmp_oid_unref (value);
        ADD ("1.3.6.1.2.1.1.9.9.9", gsnmp_varbind_new_exception (oid, GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE));
#undef ADD
        return pdu;
}

/* A message ready to encode; the caller clears it. */
static void
init_message (GsnmpMessageV3   *msg,
              GsnmpAuthProtocol auth,
              GsnmpPrivProtocol priv)
{
        memset (msg, 0, sizeof (*msg));
        msg->msg_id = 4242;
        msg->msg_max_size = 65507;
        msg->msg_flags = level_flags (auth, priv) | GSNMP_V3_FLAG_REPORTABLE;
        msg->security_model = GSNMP_V3_SECURITY_MODEL_USM;
        msg->engine_id = bytes_from_hex ("80001f8804" "67736e6d7074657374");
        msg->engine_boots = 7;
        msg->engine_time = 123456;
        msg->user_name = g_bytes_new_static ("someuser", 8);
        msg->context_engine_id = bytes_from_hex ("80001f8804" "67736e6d7074657374");
        msg->context_name = g_bytes_new_static ("ctx", 3);
        msg->pdu = make_test_pdu ();
}

static GBytes *
encode_ok (const GsnmpMessageV3 *msg,
           GsnmpUsmKey          *auth_key,
           GsnmpUsmKey          *priv_key)
{
        GError *error = NULL;
        GBytes *bytes = gsnmp_message_v3_encode (msg, auth_key, priv_key, 0, &error);

        g_assert_no_error (error);
        g_assert_nonnull (bytes);
        return bytes;
}

/* Decodes and unprotects @data, which must succeed. */
static void
decode_ok (GBytes         *data,
           GsnmpMessageV3 *msg,
           GsnmpUsmKey    *auth_key,
           GsnmpUsmKey    *priv_key)
{
        GError *error = NULL;
        gsize len;
        const guint8 *p = g_bytes_get_data (data, &len);

        g_assert_true (gsnmp_message_v3_decode (p, len, msg, &error));
        g_assert_no_error (error);
        g_assert_true (gsnmp_message_v3_unprotect (msg, p, len, auth_key, priv_key, &error));
        g_assert_no_error (error);
        g_assert_nonnull (msg->pdu);
}

static void
assert_decode_fails (const guint8 *data,
                     gsize         len,
                     GsnmpError    code)
{
        GsnmpMessageV3 msg;
        GError *error = NULL;

        memset (&msg, 0xaa, sizeof msg);
        g_assert_false (gsnmp_message_v3_decode (data, len, &msg, &error));
        g_assert_error (error, GSNMP_ERROR, (gint) code);
        g_clear_error (&error);
        /* Left cleared. */
        g_assert_null (msg.engine_id);
        g_assert_null (msg.user_name);
        g_assert_null (msg.context_engine_id);
        g_assert_null (msg.context_name);
        g_assert_null (msg.pdu);
}

/***************************************************************************/
/* peek_version */

typedef struct {
        const char *name;
        const char *hex;
        gint        version;
} PeekCase;

static const PeekCase peek_cases[] = {
        { "v1", "3018020100040670" "75626c6963a00b020101020100020100" "3000", 0 },
        { "v2c", "3018020101040670" "75626c6963a00b020101020100020100" "3000", 1 },
        { "v3", "30030201033000", 3 },
        /* Only the first bytes matter: the rest need not be valid. */
        { "v3-prefix-only", "3005020103ffff", 3 },
        { "v2", "3003020102", -1 },
        { "v-1", "30030201ff", -1 },
        { "empty", "", -1 },
        { "one-byte", "30", -1 },
        { "not-a-sequence", "0403020103", -1 },
        { "length-past-end", "3010020103", -1 },
        { "octets-first", "3003040103", -1 },
        { "long-integer", "300702050100000003", -1 },
};

static void
test_peek_version (gconstpointer data)
{
        const PeekCase *c = data;
        gsize len;
        guint8 *bytes = unhex (c->hex, &len);

        g_assert_cmpint (gsnmp_message_peek_version (bytes, len), ==, c->version);
        g_free (bytes);
}

/***************************************************************************/
/* Round trips */

typedef struct {
        const char        *name;
        GsnmpAuthProtocol  auth;
        GsnmpPrivProtocol  priv;
} Level;

static const Level levels[] = {
        { "no-auth-no-priv", GSNMP_AUTH_PROTOCOL_NONE, GSNMP_PRIV_PROTOCOL_NONE },
        { "md5", GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_NONE },
        { "sha", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_NONE },
        { "sha224", GSNMP_AUTH_PROTOCOL_SHA224, GSNMP_PRIV_PROTOCOL_NONE },
        { "sha256", GSNMP_AUTH_PROTOCOL_SHA256, GSNMP_PRIV_PROTOCOL_NONE },
        { "sha384", GSNMP_AUTH_PROTOCOL_SHA384, GSNMP_PRIV_PROTOCOL_NONE },
        { "sha512", GSNMP_AUTH_PROTOCOL_SHA512, GSNMP_PRIV_PROTOCOL_NONE },
        { "md5-des", GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_DES },
        { "sha-des", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_DES },
        { "sha-aes", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES },
        { "sha-aes192", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES192 },
        { "sha-aes256", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES256 },
        { "sha-aes192-cisco", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES192_CISCO },
        { "sha-aes256-cisco", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES256_CISCO },
        { "sha-3des", GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_TRIPLE_DES },
        { "md5-aes256-cisco", GSNMP_AUTH_PROTOCOL_MD5, GSNMP_PRIV_PROTOCOL_AES256_CISCO },
        { "sha256-aes", GSNMP_AUTH_PROTOCOL_SHA256, GSNMP_PRIV_PROTOCOL_AES },
        { "sha512-aes256", GSNMP_AUTH_PROTOCOL_SHA512, GSNMP_PRIV_PROTOCOL_AES256 },
        { "sha384-3des", GSNMP_AUTH_PROTOCOL_SHA384, GSNMP_PRIV_PROTOCOL_TRIPLE_DES },
};

/* Keys of one level, made once per test. */
typedef struct {
        GsnmpMessageV3  msg;
        GsnmpUsmKey    *auth_key;
        GsnmpUsmKey    *priv_key;
        GBytes         *encoded;
        char           *pdu_text;
} RoundTrip;

static void
round_trip_setup (RoundTrip   *rt,
                  const Level *level)
{
        init_message (&rt->msg, level->auth, level->priv);
        make_keys (level->auth, "auth-passphrase", level->priv, "priv-passphrase",
                   rt->msg.engine_id, &rt->auth_key, &rt->priv_key);
        rt->encoded = encode_ok (&rt->msg, rt->auth_key, rt->priv_key);
        rt->pdu_text = pdu_to_string (rt->msg.pdu);
}

static void
round_trip_teardown (RoundTrip *rt)
{
        gsnmp_message_v3_clear (&rt->msg);
        g_clear_pointer (&rt->auth_key, gsnmp_usm_key_unref);
        g_clear_pointer (&rt->priv_key, gsnmp_usm_key_unref);
        g_clear_pointer (&rt->encoded, g_bytes_unref);
        g_clear_pointer (&rt->pdu_text, g_free);
}

static void
test_round_trip (gconstpointer data)
{
        const Level *level = data;
        RoundTrip rt;
        GsnmpMessageV3 out;
        GError *error = NULL;
        gsize len;
        const guint8 *p;
        char *text;

        round_trip_setup (&rt, level);
        p = g_bytes_get_data (rt.encoded, &len);
        g_assert_cmpint (gsnmp_message_peek_version (p, len), ==, 3);

        g_assert_true (gsnmp_message_v3_decode (p, len, &out, &error));
        g_assert_no_error (error);
        g_assert_cmpint (out.msg_id, ==, 4242);
        g_assert_cmpint (out.msg_max_size, ==, 65507);
        g_assert_cmpuint (out.msg_flags, ==, rt.msg.msg_flags);
        g_assert_cmpint (out.security_model, ==, GSNMP_V3_SECURITY_MODEL_USM);
        g_assert_true (g_bytes_equal (out.engine_id, rt.msg.engine_id));
        g_assert_cmpuint (out.engine_boots, ==, 7);
        g_assert_cmpuint (out.engine_time, ==, 123456);
        assert_bytes_str (out.user_name, "someuser");

        if (level->auth != GSNMP_AUTH_PROTOCOL_NONE) {
                guint8 mac[GSNMP_USM_MAX_MAC_LENGTH];

                /* The MAC sits where decode says, and is the right one. */
                g_assert_cmpuint (out.auth_len, ==, gsnmp_usm_auth_mac_length (level->auth));
                g_assert_true (gsnmp_usm_auth_compute (rt.auth_key, p, len, out.auth_offset, mac, &error));
                g_assert_no_error (error);
                g_assert_cmpmem (p + out.auth_offset, out.auth_len, mac, out.auth_len);
        } else {
                g_assert_cmpuint (out.auth_len, ==, 0);
        }

        if (level->priv != GSNMP_PRIV_PROTOCOL_NONE) {
                gsize block = gsnmp_usm_priv_block_length (level->priv);

                g_assert_null (out.pdu);
                g_assert_null (out.context_engine_id);
                g_assert_nonnull (out.encrypted);
                g_assert_true (out.encrypted > p && out.encrypted + out.encrypted_len == p + len);
                g_assert_cmpuint (out.priv_len, ==, GSNMP_USM_SALT_LENGTH);
                if (block > 1)
                        g_assert_cmpuint (out.encrypted_len % block, ==, 0);
                /* Nothing of the scopedPDU shows. */
                g_assert_false (contains (p, len, SECRET));
                g_assert_false (contains (p, len, "ctx"));
        } else {
                g_assert_cmpuint (out.priv_len, ==, 0);
                g_assert_null (out.encrypted);
                g_assert_nonnull (out.pdu);
                g_assert_true (contains (p, len, SECRET));
        }

        g_assert_true (gsnmp_message_v3_unprotect (&out, p, len, rt.auth_key, rt.priv_key, &error));
        g_assert_no_error (error);
        g_assert_nonnull (out.pdu);
        text = pdu_to_string (out.pdu);
        g_assert_cmpstr (text, ==, rt.pdu_text);
        g_free (text);
        g_assert_true (g_bytes_equal (out.context_engine_id, rt.msg.context_engine_id));
        assert_bytes_str (out.context_name, "ctx");
        gsnmp_message_v3_clear (&out);
        g_assert_null (out.pdu);
        g_assert_null (out.engine_id);

        /* Without privacy the encoding is deterministic; with it every
         * message gets a new salt. */
        if (level->priv == GSNMP_PRIV_PROTOCOL_NONE) {
                GBytes *again = encode_ok (&rt.msg, rt.auth_key, rt.priv_key);

                g_assert_true (g_bytes_equal (again, rt.encoded));
                g_bytes_unref (again);
        } else {
                GBytes *again = encode_ok (&rt.msg, rt.auth_key, rt.priv_key);

                g_assert_false (g_bytes_equal (again, rt.encoded));
                decode_ok (again, &out, rt.auth_key, rt.priv_key);
                text = pdu_to_string (out.pdu);
                g_assert_cmpstr (text, ==, rt.pdu_text);
                g_free (text);
                gsnmp_message_v3_clear (&out);
                g_bytes_unref (again);
        }

        round_trip_teardown (&rt);
}

/* Empty and NULL strings, a Report-PDU without varbinds, the smallest
 * msgMaxSize: byte for byte. */
static void
test_round_trip_empty (void)
{
        GsnmpMessageV3 msg, out;
        GBytes *bytes;
        char *text;

        memset (&msg, 0, sizeof msg);
        msg.msg_max_size = GSNMP_V3_MIN_MAX_SIZE;
        msg.security_model = GSNMP_V3_SECURITY_MODEL_USM;
        msg.engine_id = g_bytes_new_static ("", 0);
        msg.pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_REPORT);

        bytes = encode_ok (&msg, NULL, NULL);
        assert_bytes_hex (bytes, "3037020103"
                                 "300d020100020201e4040100020103"
                                 "0410300e0400020100020100040004000400"
                                 "301104000400a80b0201000201000201003000");
        decode_ok (bytes, &out, NULL, NULL);
        g_assert_cmpuint (g_bytes_get_size (out.engine_id), ==, 0);
        g_assert_cmpuint (g_bytes_get_size (out.user_name), ==, 0);
        g_assert_cmpuint (g_bytes_get_size (out.context_engine_id), ==, 0);
        g_assert_cmpuint (g_bytes_get_size (out.context_name), ==, 0);
        text = pdu_to_string (out.pdu);
        g_assert_cmpstr (text, ==, "0xa8 0 0 0\n");
        g_free (text);

        gsnmp_message_v3_clear (&out);
        gsnmp_message_v3_clear (&msg);
        g_bytes_unref (bytes);
}

/***************************************************************************/
/* Tampering, wrong keys, truncation */

/* Flips one bit of every byte in turn: the message must fail to decode or
 * fail authentication.  The one exception is clearing the AUTH flag of an
 * authNoPriv message, which turns it into a valid-looking noAuthNoPriv one:
 * catching that is the engine's job (RFC 3412 §7.2 step 12: the response
 * must have the request's security level). */
static void
test_tamper (gconstpointer data)
{
        const Level *level = data;
        static const guint8 masks[] = { 0x01, 0x80 };
        RoundTrip rt;
        gsize len, i, m;
        guint8 *copy;
        guint n_decoded = 0, n_downgraded = 0;

        round_trip_setup (&rt, level);
        copy = g_bytes_unref_to_data (g_bytes_ref (rt.encoded), &len);

        for (i = 0; i < len; i++) {
                for (m = 0; m < G_N_ELEMENTS (masks); m++) {
                        GsnmpMessageV3 out;
                        GError *error = NULL;

                        copy[i] ^= masks[m];
                        if (!gsnmp_message_v3_decode (copy, len, &out, &error)) {
                                g_assert_true (error->domain == GSNMP_ERROR);
                                g_assert_true (error->code == GSNMP_ERROR_MALFORMED_MESSAGE ||
                                               error->code == GSNMP_ERROR_FAILED);
                                g_clear_error (&error);
                        } else if (out.msg_flags & GSNMP_V3_FLAG_AUTH) {
                                n_decoded++;
                                g_assert_false (gsnmp_message_v3_unprotect (&out, copy, len, rt.auth_key,
                                                                            rt.priv_key, &error));
                                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST);
                                g_clear_error (&error);
                                gsnmp_message_v3_clear (&out);
                        } else {
                                g_assert_cmpuint (out.msg_flags, ==, rt.msg.msg_flags ^ masks[m]);
                                g_assert_cmpuint (level->priv, ==, GSNMP_PRIV_PROTOCOL_NONE);
                                n_downgraded++;
                                gsnmp_message_v3_clear (&out);
                        }
                        copy[i] ^= masks[m];
                }
        }
        /* The MAC, the user name, the values, ... all decode. */
        g_assert_cmpuint (n_decoded, >, len / 2);
        g_assert_cmpuint (n_downgraded, <=, 1);

        g_free (copy);
        round_trip_teardown (&rt);
}

static void
unprotect_fails (GBytes      *bytes,
                 GsnmpUsmKey *auth_key,
                 GsnmpUsmKey *priv_key,
                 gsize        priv_len,       /* G_MAXSIZE: as decoded */
                 gsize        encrypted_cut,  /* bytes to drop from the encryptedPDU (G_MAXSIZE: all) */
                 GsnmpError   code)
{
        GsnmpMessageV3 out;
        GError *error = NULL;
        gsize len;
        const guint8 *p = g_bytes_get_data (bytes, &len);

        g_assert_true (gsnmp_message_v3_decode (p, len, &out, &error));
        g_assert_no_error (error);
        if (priv_len != G_MAXSIZE)
                out.priv_len = priv_len;
        out.encrypted_len -= MIN (encrypted_cut, out.encrypted_len);
        g_assert_false (gsnmp_message_v3_unprotect (&out, p, len, auth_key, priv_key, &error));
        g_assert_error (error, GSNMP_ERROR, (gint) code);
        g_clear_error (&error);
        if (out.msg_flags & GSNMP_V3_FLAG_PRIV)
                g_assert_null (out.pdu);
        gsnmp_message_v3_clear (&out);
}

static void
test_wrong_keys (gconstpointer data)
{
        const Level *level = data;
        RoundTrip rt;
        GsnmpUsmKey *other_auth, *other_priv;

        round_trip_setup (&rt, level);
        make_keys (level->auth, "other-passphrase", level->priv, "other-passphrase",
                   rt.msg.engine_id, &other_auth, &other_priv);

        unprotect_fails (rt.encoded, other_auth, rt.priv_key, G_MAXSIZE, 0, GSNMP_ERROR_WRONG_DIGEST);
        unprotect_fails (rt.encoded, NULL, rt.priv_key, G_MAXSIZE, 0,
                         GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL);

        if (level->priv != GSNMP_PRIV_PROTOCOL_NONE) {
                gsize block = gsnmp_usm_priv_block_length (level->priv);

                unprotect_fails (rt.encoded, rt.auth_key, other_priv, G_MAXSIZE, 0,
                                 GSNMP_ERROR_DECRYPTION_ERROR);
                unprotect_fails (rt.encoded, rt.auth_key, NULL, G_MAXSIZE, 0,
                                 GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL);
                /* msgPrivacyParameters of the wrong length (RFC 3414 §8.3.2
                 * step 1, RFC 3826 §3.3.2 step 1). */
                unprotect_fails (rt.encoded, rt.auth_key, rt.priv_key, 7, 0,
                                 GSNMP_ERROR_DECRYPTION_ERROR);
                unprotect_fails (rt.encoded, rt.auth_key, rt.priv_key, 0, 0,
                                 GSNMP_ERROR_DECRYPTION_ERROR);
                /* Ciphertext not a whole number of blocks (DES) or cut
                 * short (AES: the scopedPDU is incomplete). */
                unprotect_fails (rt.encoded, rt.auth_key, rt.priv_key, G_MAXSIZE, 1,
                                 GSNMP_ERROR_DECRYPTION_ERROR);
                if (block > 1)
                        unprotect_fails (rt.encoded, rt.auth_key, rt.priv_key, G_MAXSIZE, block,
                                         GSNMP_ERROR_DECRYPTION_ERROR);
                /* Empty ciphertext. */
                unprotect_fails (rt.encoded, rt.auth_key, rt.priv_key, G_MAXSIZE, G_MAXSIZE,
                                 GSNMP_ERROR_DECRYPTION_ERROR);
        }

        g_clear_pointer (&other_auth, gsnmp_usm_key_unref);
        g_clear_pointer (&other_priv, gsnmp_usm_key_unref);
        round_trip_teardown (&rt);
}

/* Every prefix fails; so does every prefix re-wrapped in a message header
 * of the right length (the cut then falls inside an inner value); so do
 * trailing bytes. */
static void
test_truncated (gconstpointer data)
{
        const Level *level = data;
        RoundTrip rt;
        gsize len, k, hdr;
        const guint8 *p;

        round_trip_setup (&rt, level);
        p = g_bytes_get_data (rt.encoded, &len);
        hdr = (p[1] & 0x80) ? 2 + (p[1] & 0x7f) : 2;

        for (k = 0; k < len; k++) {
                guint8 *cut = g_memdup2 (p, k);

                assert_decode_fails (cut, k, GSNMP_ERROR_MALFORMED_MESSAGE);
                g_free (cut);

                if (k > hdr) {
                        GsnmpBerWriter w;
                        GBytes *rewrapped;

                        gsnmp_ber_writer_init (&w, 0);
                        gsnmp_ber_write_octets (&w, GSNMP_BER_TAG_SEQUENCE, p + hdr, k - hdr);
                        rewrapped = gsnmp_ber_writer_free_to_bytes (&w);
                        assert_decode_fails (g_bytes_get_data (rewrapped, NULL),
                                             g_bytes_get_size (rewrapped),
                                             GSNMP_ERROR_MALFORMED_MESSAGE);
                        g_bytes_unref (rewrapped);
                }
        }

        {
                static const char *trailers[] = { "00", "3000", "0500" };

                for (k = 0; k < G_N_ELEMENTS (trailers); k++) {
                        gsize tlen;
                        guint8 *t = unhex (trailers[k], &tlen);
                        guint8 *longer = g_malloc (len + tlen);

                        memcpy (longer, p, len);
                        memcpy (longer + len, t, tlen);
                        assert_decode_fails (longer, len + tlen, GSNMP_ERROR_MALFORMED_MESSAGE);
                        g_free (longer);
                        g_free (t);
                }
        }

        round_trip_teardown (&rt);
}

/***************************************************************************/
/* Malformed headers, built field by field */

typedef struct {
        const char *name;
        const char *version;    /* the msgVersion TLV */
        const char *header;     /* the content of msgGlobalData */
        const char *params;     /* the whole msgSecurityParameters TLV */
        const char *usm;        /* the content of UsmSecurityParameters */
        const char *data;       /* the msgData TLV */
        const char *after;      /* inside the message, after msgData */
        const char *trailer;    /* after the message */
        const char *raw;        /* the whole datagram instead */
        gint        code;       /* -1: decodes */
} HeaderCase;

#define H_VERSION  "020103"
#define H_ID       "020101"
#define H_MAX      "020205dc"
#define H_FLAGS    "040104"
#define H_MODEL    "020103"
#define H_HEADER   H_ID H_MAX H_FLAGS H_MODEL
#define U_EID      "040580001f8801"
#define U_BOOTS    "020101"
#define U_TIME     "020102"
#define U_USER     "040475736572"
#define U_AUTH     "0400"
#define U_PRIV     "0400"
#define H_USM      U_EID U_BOOTS U_TIME U_USER U_AUTH U_PRIV
/* A scopedPDU with a GetRequest-PDU without varbinds. */
#define S_PDU      "a00b0201050201000201003000"
#define H_SCOPED   "301104000400" S_PDU

#define HEX32 "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"

static const HeaderCase header_cases[] = {
        { "valid", .code = -1 },
        { "version-1", .version = "020101", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "version-2", .version = "020102", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "version-octets", .version = "040103", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "msgid-max", .header = "02047fffffff" H_MAX H_FLAGS H_MODEL, .code = -1 },
        { "msgid-negative", .header = "0201ff" H_MAX H_FLAGS H_MODEL,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "msgid-2^31", .header = "02050080000000" H_MAX H_FLAGS H_MODEL,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "maxsize-484", .header = H_ID "020201e4" H_FLAGS H_MODEL, .code = -1 },
        { "maxsize-483", .header = H_ID "020201e3" H_FLAGS H_MODEL,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "maxsize-negative", .header = H_ID "0201ff" H_FLAGS H_MODEL,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "flags-zero", .header = H_ID H_MAX "040100" H_MODEL, .code = -1 },
        { "flags-reserved-bits", .header = H_ID H_MAX "0401f4" H_MODEL, .code = -1 },
        { "flags-empty", .header = H_ID H_MAX "0400" H_MODEL, .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "flags-two-bytes", .header = H_ID H_MAX "04020400" H_MODEL,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "flags-integer", .header = H_ID H_MAX "020104" H_MODEL, .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        /* RFC 3412 §7.2 step 5d */
        { "flags-priv-without-auth", .header = H_ID H_MAX "040102" H_MODEL,
          .data = "040401020304", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "flags-priv-reportable-without-auth", .header = H_ID H_MAX "040106" H_MODEL,
          .data = "040401020304", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "model-2", .header = H_ID H_MAX H_FLAGS "020102", .code = GSNMP_ERROR_FAILED },
        { "model-big", .header = H_ID H_MAX H_FLAGS "02020100", .code = GSNMP_ERROR_FAILED },
        { "model-0", .header = H_ID H_MAX H_FLAGS "020100", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "model-negative", .header = H_ID H_MAX H_FLAGS "0201fd", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "header-missing-model", .header = H_ID H_MAX H_FLAGS, .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "header-extra-field", .header = H_HEADER "020100", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "header-empty", .header = "", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "params-empty", .params = "0400", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "params-sequence", .params = "3000", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "params-trailing-byte", .params = "041a3017" H_USM "00",
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "params-short", .params = "04183017" H_USM, .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "usm-not-sequence", .params = "04193117" H_USM, .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "usm-missing-priv", .usm = U_EID U_BOOTS U_TIME U_USER U_AUTH,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "usm-extra-field", .usm = H_USM "0400", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "usm-empty", .usm = "", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "engine-id-empty", .usm = "0400" U_BOOTS U_TIME U_USER U_AUTH U_PRIV, .code = -1 },
        { "engine-id-32", .usm = "0420" HEX32 U_BOOTS U_TIME U_USER U_AUTH U_PRIV, .code = -1 },
        { "engine-id-33", .usm = "0421" HEX32 "21" U_BOOTS U_TIME U_USER U_AUTH U_PRIV,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "engine-id-integer", .usm = "020101" U_BOOTS U_TIME U_USER U_AUTH U_PRIV,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "boots-max", .usm = U_EID "02047fffffff" U_TIME U_USER U_AUTH U_PRIV, .code = -1 },
        /* Net-SNMP's reading (usm_parse_security_parameters()): up to 8
         * octets, sign-extended, the low 32 bits at most 2^31-1 */
        { "boots-negative-8-bytes", .usm = U_EID "0208ffffffff00000005" U_TIME U_USER U_AUTH U_PRIV,
          .code = -1 },
        { "boots-2^32+5", .usm = U_EID "02050100000005" U_TIME U_USER U_AUTH U_PRIV, .code = -1 },
        { "time-negative-8-bytes", .usm = U_EID U_BOOTS "0208ffffffff00000005" U_USER U_AUTH U_PRIV,
          .code = -1 },
        { "boots-9-bytes", .usm = U_EID "0209000000000000000005" U_TIME U_USER U_AUTH U_PRIV,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "boots-empty", .usm = U_EID "0200" U_TIME U_USER U_AUTH U_PRIV,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "boots-negative", .usm = U_EID "0201ff" U_TIME U_USER U_AUTH U_PRIV,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "boots-2^31", .usm = U_EID "02050080000000" U_TIME U_USER U_AUTH U_PRIV,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "time-negative", .usm = U_EID U_BOOTS "020480000000" U_USER U_AUTH U_PRIV,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "time-octets", .usm = U_EID U_BOOTS "040102" U_USER U_AUTH U_PRIV,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "user-32", .usm = U_EID U_BOOTS U_TIME "0420" HEX32 U_AUTH U_PRIV, .code = -1 },
        { "user-33", .usm = U_EID U_BOOTS U_TIME "0421" HEX32 "21" U_AUTH U_PRIV,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "auth-params-integer", .usm = U_EID U_BOOTS U_TIME U_USER "020100" U_PRIV,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "priv-params-null", .usm = U_EID U_BOOTS U_TIME U_USER U_AUTH "0500",
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "data-missing", .data = "", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "data-octets-without-priv", .data = "040401020304", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "data-priv-octets", .header = H_ID H_MAX "040107" H_MODEL, .data = "040401020304", .code = -1 },
        { "data-priv-empty-octets", .header = H_ID H_MAX "040103" H_MODEL, .data = "0400", .code = -1 },
        { "data-priv-plaintext", .header = H_ID H_MAX "040107" H_MODEL,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "scoped-report", .data = "301104000400a80b0201050201000201003000", .code = -1 },
        { "scoped-trap", .data = "301104000400a70b0201050201000201003000", .code = -1 },
        { "scoped-trap-v1", .data = "301104000400a40b0201050201000201003000",
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "scoped-unknown-pdu", .data = "301104000400a90b0201050201000201003000",
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "scoped-missing-pdu", .data = "300404000400", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "scoped-missing-context-name", .data = "300f0400" S_PDU, .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "scoped-extra-field", .data = "301304000400" S_PDU "0500", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "scoped-context-engine-id-32", .data = "30310420" HEX32 "0400" S_PDU, .code = -1 },
        { "scoped-context-engine-id-33", .data = "30320421" HEX32 "21" "0400" S_PDU,
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "scoped-context-name-long", .data = "30410400" "0430" HEX32 "0102030405060708090a0b0c0d0e0f10"
          S_PDU, .code = -1 },
        { "scoped-bad-varbind", .data = "301504000400a00f0201050201000201003004300206" "00",
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "after-data", .after = "0500", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "trailing-byte", .trailer = "00", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "trailing-message", .trailer = "30030201033000", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "raw-empty", .raw = "", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "raw-one-byte", .raw = "30", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "raw-empty-sequence", .raw = "3000", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "raw-version-only", .raw = "3003020103", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "raw-indefinite-length", .raw = "3080020103" "0000", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "raw-not-a-sequence", .raw = "0403020103", .code = GSNMP_ERROR_MALFORMED_MESSAGE },
        { "raw-v2c", .raw = "3018020101040670" "75626c6963a00b020101020100020100" "3000",
          .code = GSNMP_ERROR_MALFORMED_MESSAGE },
};

/* Wraps the bytes of @hex in a TLV with identifier @tag. */
static char *
wrap_hex (guint8      tag,
          const char *hex)
{
        gsize len = strlen (hex) / 2;

        if (len < 0x80)
                return g_strdup_printf ("%02x%02x%s", tag, (guint) len, hex);
        if (len < 0x100)
                return g_strdup_printf ("%02x81%02x%s", tag, (guint) len, hex);
        return g_strdup_printf ("%02x82%04x%s", tag, (guint) len, hex);
}

static char *
build_header_case (const HeaderCase *c)
{
        char *header, *usm, *params, *body, *message, *result;

        if (c->raw != NULL)
                return g_strdup (c->raw);

        header = wrap_hex (GSNMP_BER_TAG_SEQUENCE, c->header ? c->header : H_HEADER);
        if (c->params != NULL) {
                params = g_strdup (c->params);
        } else {
                usm = wrap_hex (GSNMP_BER_TAG_SEQUENCE, c->usm ? c->usm : H_USM);
                params = wrap_hex (GSNMP_BER_TAG_OCTET_STRING, usm);
                g_free (usm);
        }
        body = g_strconcat (c->version ? c->version : H_VERSION, header, params,
                            c->data ? c->data : H_SCOPED, c->after ? c->after : "", NULL);
        message = wrap_hex (GSNMP_BER_TAG_SEQUENCE, body);
        result = g_strconcat (message, c->trailer ? c->trailer : "", NULL);

        g_free (header);
        g_free (params);
        g_free (body);
        g_free (message);
        return result;
}

static void
test_header (gconstpointer data)
{
        const HeaderCase *c = data;
        char *hex = build_header_case (c);
        gsize len;
        guint8 *bytes = unhex (hex, &len);

        if (c->code < 0) {
                GsnmpMessageV3 msg;
                GError *error = NULL;

                g_assert_true (gsnmp_message_v3_decode (bytes, len, &msg, &error));
                g_assert_no_error (error);
                g_assert_cmpint (msg.security_model, ==, GSNMP_V3_SECURITY_MODEL_USM);
                if (g_str_has_prefix (c->name, "boots-"))
                        g_assert_cmpuint (msg.engine_boots, ==, strcmp (c->name, "boots-max") == 0
                                          ? G_MAXINT32 : 5);
                if (strcmp (c->name, "time-negative-8-bytes") == 0)
                        g_assert_cmpuint (msg.engine_time, ==, 5);
                if (msg.msg_flags & GSNMP_V3_FLAG_PRIV) {
                        g_assert_null (msg.pdu);
                        g_assert_true (msg.encrypted != NULL);
                } else {
                        g_assert_nonnull (msg.pdu);
                }
                gsnmp_message_v3_clear (&msg);
        } else {
                assert_decode_fails (bytes, len, (GsnmpError) c->code);
        }

        g_free (bytes);
        g_free (hex);
}

/* The fields of the valid case, exactly. */
static void
test_header_fields (void)
{
        char *hex = build_header_case (&header_cases[0]);
        gsize len;
        guint8 *bytes = unhex (hex, &len);
        GsnmpMessageV3 msg;
        GError *error = NULL;
        char *text;

        g_assert_true (gsnmp_message_v3_decode (bytes, len, &msg, &error));
        g_assert_no_error (error);
        g_assert_cmpint (msg.msg_id, ==, 1);
        g_assert_cmpint (msg.msg_max_size, ==, 1500);
        g_assert_cmpuint (msg.msg_flags, ==, GSNMP_V3_FLAG_REPORTABLE);
        g_assert_cmpint (msg.security_model, ==, 3);
        assert_bytes_hex (msg.engine_id, "80001f8801");
        g_assert_cmpuint (msg.engine_boots, ==, 1);
        g_assert_cmpuint (msg.engine_time, ==, 2);
        assert_bytes_str (msg.user_name, "user");
        g_assert_cmpuint (msg.auth_len, ==, 0);
        /* Where the (empty) msgAuthenticationParameters' content starts. */
        g_assert_cmpuint (msg.auth_offset, ==, 2 + 3 + 2 + 13 + 4 + 7 + 3 + 3 + 6 + 2);
        g_assert_cmpuint (msg.priv_len, ==, 0);
        g_assert_null (msg.encrypted);
        g_assert_cmpuint (g_bytes_get_size (msg.context_engine_id), ==, 0);
        g_assert_cmpuint (g_bytes_get_size (msg.context_name), ==, 0);
        text = pdu_to_string (msg.pdu);
        g_assert_cmpstr (text, ==, "0xa0 5 0 0\n");
        g_free (text);

        /* Nothing to check at noAuthNoPriv. */
        g_assert_true (gsnmp_message_v3_unprotect (&msg, bytes, len, NULL, NULL, &error));
        g_assert_no_error (error);

        gsnmp_message_v3_clear (&msg);
        g_free (bytes);
        g_free (hex);
}

/***************************************************************************/
/* Encoding errors */

static void
encode_fails (const GsnmpMessageV3 *msg,
              GsnmpUsmKey          *auth_key,
              GsnmpUsmKey          *priv_key,
              gsize                 max_size,
              GsnmpError            code)
{
        GError *error = NULL;

        g_assert_null (gsnmp_message_v3_encode (msg, auth_key, priv_key, max_size, &error));
        g_assert_error (error, GSNMP_ERROR, (gint) code);
        g_clear_error (&error);
}

static void
test_encode_errors (void)
{
        GsnmpMessageV3 msg;
        GsnmpUsmKey *auth_key, *priv_key, *auth_as_priv;
        GsnmpPdu *trap;
        GBytes *saved;

        init_message (&msg, GSNMP_AUTH_PROTOCOL_SHA, GSNMP_PRIV_PROTOCOL_AES);
        make_keys (GSNMP_AUTH_PROTOCOL_SHA, "auth-passphrase", GSNMP_PRIV_PROTOCOL_AES,
                   "priv-passphrase", msg.engine_id, &auth_key, &priv_key);

        /* Missing or wrong keys */
        encode_fails (&msg, NULL, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        encode_fails (&msg, auth_key, NULL, 0, GSNMP_ERROR_INVALID_VALUE);
        encode_fails (&msg, priv_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        auth_as_priv = gsnmp_usm_key_ref (auth_key);
        encode_fails (&msg, auth_key, auth_as_priv, 0, GSNMP_ERROR_INVALID_VALUE);
        gsnmp_usm_key_unref (auth_as_priv);

        /* Privacy without authentication */
        msg.msg_flags = GSNMP_V3_FLAG_PRIV;
        encode_fails (&msg, auth_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        msg.msg_flags = GSNMP_V3_FLAG_AUTH | GSNMP_V3_FLAG_PRIV;

        /* Out-of-range header fields */
        msg.msg_id = -1;
        encode_fails (&msg, auth_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        msg.msg_id = 1;
        msg.msg_max_size = 483;
        encode_fails (&msg, auth_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        msg.msg_max_size = 1500;
        msg.security_model = 0;
        encode_fails (&msg, auth_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        msg.security_model = GSNMP_V3_SECURITY_MODEL_USM;
        msg.engine_boots = 0x80000000u;
        encode_fails (&msg, auth_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        msg.engine_boots = 1;
        msg.engine_time = G_MAXUINT32;
        encode_fails (&msg, auth_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        msg.engine_time = 1;

        /* Overlong strings */
        saved = msg.user_name;
        msg.user_name = g_bytes_new_static (HEX32 "x", 33);
        encode_fails (&msg, auth_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        g_bytes_unref (msg.user_name);
        msg.user_name = g_bytes_new_static (HEX32, 32);
        g_bytes_unref (encode_ok (&msg, auth_key, priv_key));
        g_bytes_unref (msg.user_name);
        msg.user_name = saved;

        saved = msg.engine_id;
        msg.engine_id = g_bytes_new_static (HEX32 "x", 33);
        encode_fails (&msg, auth_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        g_bytes_unref (msg.engine_id);
        msg.engine_id = saved;

        saved = msg.context_engine_id;
        msg.context_engine_id = g_bytes_new_static (HEX32 "x", 33);
        encode_fails (&msg, auth_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);
        g_bytes_unref (msg.context_engine_id);
        msg.context_engine_id = saved;

        /* A PDU SNMPv3 cannot carry */
        trap = gsnmp_pdu_new (GSNMP_PDU_TYPE_TRAP_V1);
        gsnmp_pdu_unref (msg.pdu);
        msg.pdu = trap;
        encode_fails (&msg, auth_key, priv_key, 0, GSNMP_ERROR_INVALID_VALUE);

        gsnmp_message_v3_clear (&msg);
        gsnmp_usm_key_unref (auth_key);
        gsnmp_usm_key_unref (priv_key);
}

/* GSNMP_ERROR_MESSAGE_TOO_BIG exactly past the limit, at every level. */
static void
test_too_big (gconstpointer data)
{
        const Level *level = data;
        RoundTrip rt;
        GError *error = NULL;
        gsize len = 0;
        GBytes *bytes;

        round_trip_setup (&rt, level);
        len = g_bytes_get_size (rt.encoded);

        bytes = gsnmp_message_v3_encode (&rt.msg, rt.auth_key, rt.priv_key, len, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_bytes_get_size (bytes), ==, len);
        g_bytes_unref (bytes);

        encode_fails (&rt.msg, rt.auth_key, rt.priv_key, len - 1, GSNMP_ERROR_MESSAGE_TOO_BIG);
        encode_fails (&rt.msg, rt.auth_key, rt.priv_key, 100, GSNMP_ERROR_MESSAGE_TOO_BIG);
        encode_fails (&rt.msg, rt.auth_key, rt.priv_key, 1, GSNMP_ERROR_MESSAGE_TOO_BIG);

        round_trip_teardown (&rt);
}

/* A message large enough to make the writer grow and to decrypt on the
 * heap. */
static void
test_large (gconstpointer data)
{
        const Level *level = data;
        RoundTrip rt;
        GsnmpMessageV3 out;
        guint8 *big = g_malloc (3000);
        GsnmpOid *oid;
        char *text;
        guint i;

        round_trip_setup (&rt, level);
        memset (big, 'x', 3000);
        for (i = 0; i < 8; i++) {
                oid = gsnmp_oid_new_from_string ("1.3.6.1.4.1.99999.9", NULL);
                gsnmp_pdu_take_varbind (rt.msg.pdu, gsnmp_varbind_new_octet_string (oid, big, 3000));
                gsnmp_oid_unref (oid);
        }
        g_bytes_unref (rt.encoded);
        rt.encoded = encode_ok (&rt.msg, rt.auth_key, rt.priv_key);
        g_assert_cmpuint (g_bytes_get_size (rt.encoded), >, 24000);

        decode_ok (rt.encoded, &out, rt.auth_key, rt.priv_key);
        g_free (rt.pdu_text);
        rt.pdu_text = pdu_to_string (rt.msg.pdu);
        text = pdu_to_string (out.pdu);
        g_assert_cmpstr (text, ==, rt.pdu_text);
        g_free (text);
        gsnmp_message_v3_clear (&out);

        g_free (big);
        round_trip_teardown (&rt);
}

/***************************************************************************/
/* Known answers from Net-SNMP (see the top of this file) */

typedef struct {
        const char        *user;
        GsnmpAuthProtocol  auth;
        const char        *auth_pass;
        GsnmpPrivProtocol  priv;
        const char        *priv_pass;
        const char        *request;     /* snmpget's GetRequest */
        const char        *response;    /* snmpd's Response */
} InteropVector;

static const InteropVector interop_vectors[] = {
        {
                "nanp", GSNMP_AUTH_PROTOCOL_NONE, NULL, GSNMP_PRIV_PROTOCOL_NONE, NULL,
                "30818002010330110204597241cd020300ffe304010402010304253023041180"
                "001f880467736e6d706669787475726502010102011404046e616e7004000400"
                "3041041180001f880467736e6d70666978747572650400a02a0204469d35a202"
                "0100020100301c300c06082b060102010105000500300c06082b060102010106"
                "000500",
                "30819b02010330110204597241cd020300ffe304010002010304253023041180"
                "001f880467736e6d706669787475726502010102011404046e616e7004000400"
                "305c041180001f880467736e6d70666978747572650400a2450204469d35a202"
                "01000201003037301906082b06010201010500040d67736e6d702d6669787475"
                "7265301a06082b06010201010600040e67736e6d702d746573742d6c6162",
        },
        {
                "md5user", GSNMP_AUTH_PROTOCOL_MD5, "md5password", GSNMP_PRIV_PROTOCOL_NONE, NULL,
                "30818f0201033011020423e2cd6a020300ffe304010502010304343032041180"
                "001f880467736e6d706669787475726502010102011404076d64357573657204"
                "0ccccdf3cad5f1d5a70e7f638e04003041041180001f880467736e6d70666978"
                "747572650400a02a0204023cbdf3020100020100301c300c06082b0601020101"
                "05000500300c06082b060102010106000500",
                "3081aa0201033011020423e2cd6a020300ffe304010102010304343032041180"
                "001f880467736e6d706669787475726502010102011404076d64357573657204"
                "0c4987e19a97330cc9151ab63f0400305c041180001f880467736e6d70666978"
                "747572650400a2450204023cbdf30201000201003037301906082b0601020101"
                "0500040d67736e6d702d66697874757265301a06082b06010201010600040e67"
                "736e6d702d746573742d6c6162",
        },
        {
                "shauser", GSNMP_AUTH_PROTOCOL_SHA, "shapassword", GSNMP_PRIV_PROTOCOL_NONE, NULL,
                "30818f02010330110204541b2c67020300ffe304010502010304343032041180"
                "001f880467736e6d706669787475726502010102011504077368617573657204"
                "0ce066ff339f582a86415d28bc04003041041180001f880467736e6d70666978"
                "747572650400a02a020440391ea8020100020100301c300c06082b0601020101"
                "05000500300c06082b060102010106000500",
                "3081aa02010330110204541b2c67020300ffe304010102010304343032041180"
                "001f880467736e6d706669787475726502010102011504077368617573657204"
                "0c4bf7e7dc52911d3de4a61c4d0400305c041180001f880467736e6d70666978"
                "747572650400a245020440391ea80201000201003037301906082b0601020101"
                "0500040d67736e6d702d66697874757265301a06082b06010201010600040e67"
                "736e6d702d746573742d6c6162",
        },
        {
                "sha224user", GSNMP_AUTH_PROTOCOL_SHA224, "sha224password", GSNMP_PRIV_PROTOCOL_NONE, NULL,
                "308196020103301102043e8ee037020300ffe3040105020103043b3039041180"
                "001f880467736e6d7066697874757265020101020115040a7368613232347573"
                "657204105765aa8f0be8742dacc33b1e87c15f2b04003041041180001f880467"
                "736e6d70666978747572650400a02a02047e0f62f0020100020100301c300c06"
                "082b060102010105000500300c06082b060102010106000500",
                "3081b1020103301102043e8ee037020300ffe3040101020103043b3039041180"
                "001f880467736e6d7066697874757265020101020115040a7368613232347573"
                "65720410b51b0ddec49f26131ef4d26996d529f10400305c041180001f880467"
                "736e6d70666978747572650400a24502047e0f62f00201000201003037301906"
                "082b06010201010500040d67736e6d702d66697874757265301a06082b060102"
                "01010600040e67736e6d702d746573742d6c6162",
        },
        {
                "sha256user", GSNMP_AUTH_PROTOCOL_SHA256, "sha256password", GSNMP_PRIV_PROTOCOL_NONE, NULL,
                "30819e020103301102041b4ee5da020300ffe304010502010304433041041180"
                "001f880467736e6d7066697874757265020101020115040a7368613235367573"
                "65720418989ad49ee5827dc78a0ba895d40d59b2e33822c00cd76dee04003041"
                "041180001f880467736e6d70666978747572650400a02a020434b2f0c6020100"
                "020100301c300c06082b060102010105000500300c06082b0601020101060005"
                "00",
                "3081b9020103301102041b4ee5da020300ffe304010102010304433041041180"
                "001f880467736e6d7066697874757265020101020115040a7368613235367573"
                "65720418b904bebc63964199f9a4de80776441f6c946f998262de1700400305c"
                "041180001f880467736e6d70666978747572650400a245020434b2f0c6020100"
                "0201003037301906082b06010201010500040d67736e6d702d66697874757265"
                "301a06082b06010201010600040e67736e6d702d746573742d6c6162",
        },
        {
                "sha384user", GSNMP_AUTH_PROTOCOL_SHA384, "sha384password", GSNMP_PRIV_PROTOCOL_NONE, NULL,
                "3081a60201033011020473676c25020300ffe3040105020103044b3049041180"
                "001f880467736e6d7066697874757265020101020115040a7368613338347573"
                "65720420e4b5ccef03b58726fbabce9b53af029f725f0aded74f4241dd216c00"
                "f57a8a6704003041041180001f880467736e6d70666978747572650400a02a02"
                "0428acdc9f020100020100301c300c06082b060102010105000500300c06082b"
                "060102010106000500",
                "3081c10201033011020473676c25020300ffe3040101020103044b3049041180"
                "001f880467736e6d7066697874757265020101020115040a7368613338347573"
                "657204202a700982fe6dea7a09506253cdbf4002f5c4b6a3e2d3100f4b9201b7"
                "bb50e1af0400305c041180001f880467736e6d70666978747572650400a24502"
                "0428acdc9f0201000201003037301906082b06010201010500040d67736e6d70"
                "2d66697874757265301a06082b06010201010600040e67736e6d702d74657374"
                "2d6c6162",
        },
        {
                "sha512user", GSNMP_AUTH_PROTOCOL_SHA512, "sha512password", GSNMP_PRIV_PROTOCOL_NONE, NULL,
                "3081b6020103301102042f7e8163020300ffe3040105020103045b3059041180"
                "001f880467736e6d7066697874757265020101020115040a7368613531327573"
                "65720430a6821a54575043187943da50090811f9e10467db8fb24f1b02033d29"
                "8a6e38264918574298170a55819556ef56a09e1904003041041180001f880467"
                "736e6d70666978747572650400a02a020444bcaa6c020100020100301c300c06"
                "082b060102010105000500300c06082b060102010106000500",
                "3081d1020103301102042f7e8163020300ffe3040101020103045b3059041180"
                "001f880467736e6d7066697874757265020101020115040a7368613531327573"
                "657204300c2aea0eaa46c948f3626812c46923bc04b8f06d1c4442192c5412b9"
                "033cb78910d25c992b42154cf5da27eb18cceeb10400305c041180001f880467"
                "736e6d70666978747572650400a245020444bcaa6c0201000201003037301906"
                "082b06010201010500040d67736e6d702d66697874757265301a06082b060102"
                "01010600040e67736e6d702d746573742d6c6162",
        },
        {
                "md5des", GSNMP_AUTH_PROTOCOL_MD5, "md5despass", GSNMP_PRIV_PROTOCOL_DES, "md5despriv",
                "30819d020103301102040d4af4e6020300ffe3040107020103043b3039041180"
                "001f880467736e6d706669787475726502010102011504066d6435646573040c"
                "01ac7ed36bbc7d8b1a3db386040800000001221903fa044812cf2338b5647641"
                "75a4c0de577a6aae9afb6800978cc1521a7564b083c3316491d46bee8aff7f1b"
                "ae17639115622223bace4d20a7b6bf8d13759174cf79c0cf11aeb60c5ab88ca5",
                "3081b5020103301102040d4af4e6020300ffe3040103020103043b3039041180"
                "001f880467736e6d706669787475726502010102011504066d6435646573040c"
                "42767e1b96bde17e29eed174040800000001d31089150460d80bcf86bfe5189c"
                "a9554b117cb88c52266a03b66072a0acc1a87aef08ed45c2116b5cb8dc4471fd"
                "3b205e57f4084d3c9b68b8904871effaaf3c00141f5896164fa81c34ca9ddd9b"
                "576b82194331064169bb497b62e8217c4ea14df930bdbf66",
        },
        {
                "shades", GSNMP_AUTH_PROTOCOL_SHA, "shadespass", GSNMP_PRIV_PROTOCOL_DES, "shadespriv",
                "30819d02010330110204713e010c020300ffe3040107020103043b3039041180"
                "001f880467736e6d70666978747572650201010201150406736861646573040c"
                "444beffe90aa2284ba238257040800000001ba4c9cba04488fb0549bca55014c"
                "8be522ffcc834e5da6a8c13ef748b3691940bccc1f0c9a901ee58566051e1c56"
                "5f9dad9b4233496b3fe7cfa2e32a3f2ab97dfeb2bcbbf756055db0f97854cf81",
                "3081b502010330110204713e010c020300ffe3040103020103043b3039041180"
                "001f880467736e6d70666978747572650201010201150406736861646573040c"
                "6a28006121f131eac7af743f040800000001d31089160460b4edc1110dfb3f9e"
                "e0194938d858234647063cec86ac6b3c425c07579446db0b3b8e290c89195fcb"
                "ed1556fea2689af26f569d26172e3da00fbd86bca6b22c682b190978c34b894f"
                "04211ebcda1380cd4e013821f2e9ddbcbce831dea8c9943d",
        },
        {
                "shaaes", GSNMP_AUTH_PROTOCOL_SHA, "shaaespass", GSNMP_PRIV_PROTOCOL_AES, "shaaespriv",
                "3081980201033011020437f7e152020300ffe3040107020103043b3039041180"
                "001f880467736e6d70666978747572650201010201150406736861616573040c"
                "8ccef84ebfb4eb0b3500eb000408bd5f714470a2f9c104435b0e7de15c7f4056"
                "cead830df1c0e85c326b772b94a66ea39cdb3ad92eb28dab49d5e0787a160958"
                "8ce6d4255642c44c674d24e8690bd7f79edd7dd0d678ab62be5085",
                "3081b30201033011020437f7e152020300ffe3040103020103043b3039041180"
                "001f880467736e6d70666978747572650201010201150406736861616573040c"
                "bb5f17b72513273c201f3929040862572cd085873f24045eff04b3af14ca0d8f"
                "42608930e7b52011067c15385dcf69e25662f5e4815420ac802e78be1a731472"
                "a0ffc64fbaad5f8c9f38899db27f7e3b140c2bb0bbe138c1b248017fa9680914"
                "b6adb26672d514e55cb4d779201eae28850ed03acf66",
        },
        {
                "shaaes192", GSNMP_AUTH_PROTOCOL_SHA, "shaaes192pass", GSNMP_PRIV_PROTOCOL_AES192, "shaaes192priv",
                "30819b020103301102040d751be0020300ffe3040107020103043e303c041180"
                "001f880467736e6d706669787475726502010102011504097368616165733139"
                "32040c935bac289164ce393d7821b704087fae4f6fc5a8b00d0443e09e64b7ef"
                "8cb149feaae3ae94ed4358987d2818beaac212a8bfc8c1e3999e2e02b0ad2c8b"
                "9886717a9ee88aa266c17a610756545a8609cc32d134d98e0320d71a1c57",
                "3081b6020103301102040d751be0020300ffe3040103020103043e303c041180"
                "001f880467736e6d706669787475726502010102011504097368616165733139"
                "32040c4029e0fdbbce4ba506cade58040862572cd085873f25045e120e0edd00"
                "aa154ea1f2a7de58badde0e38950a7936f3b147b176c31810f27974d270b7b07"
                "075111400af16228bffb6f6ab951a0111bcbc4044be00419c02bffe55345200a"
                "87aa915413329c009a9d3e0edd575cf284d5d19a110f73f7fd",
        },
        {
                "shaaes256", GSNMP_AUTH_PROTOCOL_SHA, "shaaes256pass", GSNMP_PRIV_PROTOCOL_AES256, "shaaes256priv",
                "30819b0201033011020469b4bd34020300ffe3040107020103043e303c041180"
                "001f880467736e6d706669787475726502010102011504097368616165733235"
                "36040cdd5f0f6a04260046646217c104086f8a671e75f77e610443acbdd45bc6"
                "ed326de5f899bbbfd56a8c6c729a7a95c3d36256dd2602a97f2f8e80558a8a5a"
                "c0925b76b0a9cf85032810ff8399f029f8de7a58a7aa1df2af28890299e3",
                "3081b60201033011020469b4bd34020300ffe3040103020103043e303c041180"
                "001f880467736e6d706669787475726502010102011504097368616165733235"
                "36040c40d157f6b2dfb3a7468be0a1040862572cd085873f26045ee03da3ad02"
                "23124d382cece0a8f28ef523539546ab02449220892855002f231338218a6a6b"
                "7905837fda4705026f5b5a3b7b10d3ae3dd98eae2990ea34ce6720dfa5b2e5d7"
                "3bdbc52d92e5d4005c3c64c478b91834f4fb87ca5868c5cc1e",
        },
        {
                "shaaes192c", GSNMP_AUTH_PROTOCOL_SHA, "shaaes192cpas", GSNMP_PRIV_PROTOCOL_AES192_CISCO, "shaaes192cpriv",
                "30819c020103301102047abbfe5b020300ffe3040107020103043f303d041180"
                "001f880467736e6d7066697874757265020101020115040a7368616165733139"
                "3263040cc3f4934be6fc90d52526f88f040828f5bfe34e99008d04434178a0da"
                "66f7c921a5e4a5662c13935de19b80bb81798c2d37b4f90e8337ed5622992be4"
                "8e8a3e9f812ccc285e01f17264cbb72cc014907b34c5a71f4e3d429ef815ba",
                "3081b7020103301102047abbfe5b020300ffe3040103020103043f303d041180"
                "001f880467736e6d7066697874757265020101020115040a7368616165733139"
                "3263040c55577cb104e2abe554912795040862572cd085873f27045e168f04bc"
                "b4f7d92c3e10c664ab6b85780807e6fea0beae9115ba051d4d8758b3bcfff97e"
                "b79c1cda522d2a767e19903874ed997e3f4d5cfa49adc2fa8161ab731e2b942f"
                "720e41f814b7f90bc74c7d55ba0ea43583005ffc5d8b2aff8e39",
        },
        {
                "shaaes256c", GSNMP_AUTH_PROTOCOL_SHA, "shaaes256cpas", GSNMP_PRIV_PROTOCOL_AES256_CISCO, "shaaes256cpriv",
                "30819c020103301102046a2b2fdc020300ffe3040107020103043f303d041180"
                "001f880467736e6d7066697874757265020101020115040a7368616165733235"
                "3663040cbb2cd5badcdbb82c155a89e90408ccaf1827b7df3030044339a6d3e5"
                "1906008dbb96737898620a3a3dfaef8fc05fd13d1f927f8262f7ba12a68afa71"
                "622e93350fb91695c457ab192660bc47bf102653640f386a3adaf22be862f2",
                "3081b7020103301102046a2b2fdc020300ffe3040103020103043f303d041180"
                "001f880467736e6d7066697874757265020101020115040a7368616165733235"
                "3663040c7b3e88e8b333e6f8742a33cc040862572cd085873f28045e676c54c5"
                "bd2c457946ad89b358479a421d91f0b0192437f009511b19bf391a8a079fe811"
                "71c4a8f2f06c99a8f687146d7de28f6575cca5590abe6ac96f0f04b261ecbf8a"
                "d5be2e979d925abc4afb103be2f831f44b8c32c6c37097f30915",
        },
        {
                "md5aes256", GSNMP_AUTH_PROTOCOL_MD5, "md5aes256pass", GSNMP_PRIV_PROTOCOL_AES256, "md5aes256priv",
                "30819b02010330110204320986ce020300ffe3040107020103043e303c041180"
                "001f880467736e6d706669787475726502010102011504096d64356165733235"
                "36040cab2e3967b774ea9dbc8a8c1f04080e517245ff40768b0443fc5274cdbc"
                "1ed5911c448e5f98341c8aa2afaf29e637e7534457db04171196399037f2fd3b"
                "48a90c767256c78c380f61dfa02d16f5db1ac7682d43f246389fde333d96",
                "3081b602010330110204320986ce020300ffe3040103020103043e303c041180"
                "001f880467736e6d706669787475726502010102011504096d64356165733235"
                "36040ce008926eb37ec6c4f8e47c85040862572cd085873f29045edb14bef36e"
                "e2dee8276489ea6fdf051e2e901685e3ee0ed2b4cd48d42fa9e7b1cdca0376fb"
                "9ae136a1025e4b502803a440f077cccdf4d59d49f44b96bb0aff36596fd42c35"
                "20c15366c7317807342a6e32d88d51cc93eae9cc4323a896fb",
        },
        {
                "md5aes256c", GSNMP_AUTH_PROTOCOL_MD5, "md5aes256cpas", GSNMP_PRIV_PROTOCOL_AES256_CISCO, "md5aes256cpriv",
                "30819c020103301102046adcd0d8020300ffe3040107020103043f303d041180"
                "001f880467736e6d7066697874757265020101020115040a6d64356165733235"
                "3663040cac9f6f53f59b404d26e471950408531ae4d1584616df0443c9ba7955"
                "96305df3aa92b83dd852137b40969a295e69dae8096f543c034be87cb08a7535"
                "0c1f3314d6b1343f370fa01b3bd43bbf1b38f8685530f2796a6cd62575a7d8",
                "3081b7020103301102046adcd0d8020300ffe3040103020103043f303d041180"
                "001f880467736e6d7066697874757265020101020115040a6d64356165733235"
                "3663040ce1533695580965f668937986040862572cd085873f2a045e5897574a"
                "beb5cdc929e2178f0451acb416a9046c9d44495ba5d7cf72657ab3ad1eaef2c9"
                "73425c1c947bd73b97720601ad6d6df2a729ac6611374e40e5e66cf5f5171690"
                "fc8432daf9c4a60fb5e4512652e6148f291c65428a11a95957ad",
        },
        {
                "sha256aes", GSNMP_AUTH_PROTOCOL_SHA256, "sha256aespass", GSNMP_PRIV_PROTOCOL_AES, "sha256aespriv",
                "3081a7020103301102040a87dadc020300ffe3040107020103044a3048041180"
                "001f880467736e6d706669787475726502010102011504097368613235366165"
                "7304181d1ee4607b7be9fcb681d98a4ebe8610daa79cf894c951b10408043e8b"
                "90c5d57baa04430169afbb2b26f23af1099107ebbc598d4760761c5bb409ee15"
                "f96e23d8aa3bb54f6da06fc0106ddbcc2ffc6af76da69717f7c5c0d1c65e197e"
                "b42903de1bbe4e72092f",
                "3081c2020103301102040a87dadc020300ffe3040103020103044a3048041180"
                "001f880467736e6d706669787475726502010102011504097368613235366165"
                "730418b01852a5e0def54b9fcfe454a44ec47b7518a2255a27c065040862572c"
                "d085873f2b045e56e3cc41e87874905b48e8e632e6d5f40bfaa469366b21bf1a"
                "f52664216ca76e2dfb5d1428e45912a86ad303115bc0e9d25c3fd94732be262f"
                "88e7629d873f791c40e90f11905912e807e47de4ce13fbd0cfab4a5e2181d9cc"
                "1fa44ed9c7",
        },
        {
                "sha256aes256", GSNMP_AUTH_PROTOCOL_SHA256, "sha256pass", GSNMP_PRIV_PROTOCOL_AES256, "aes256priv",
                "3081aa020103301102046dbc7381020300ffe3040107020103044d304b041180"
                "001f880467736e6d7066697874757265020101020115040c7368613235366165"
                "73323536041852e9d068f7ad1efa8e7334057a99ae003dd82e8ff238becb0408"
                "66eb53766a7cf77c04439ff36d7445e715f87b9abad2b8000bde261adefa3a9f"
                "da2ef643cb1abb1447eb585a07c5125a9bf568d9dcafd7711d99c0bab5133eb6"
                "2d602504a6eed20ea16b5e4220",
                "3081c5020103301102046dbc7381020300ffe3040103020103044d304b041180"
                "001f880467736e6d7066697874757265020101020115040c7368613235366165"
                "733235360418cd4cd8208b854b7c129eb05e19f82716bbbc63d2c8a09fd00408"
                "62572cd085873f2c045ef8c83728d66e3c862898fa58f7aaab6bf19170f2376e"
                "b0ff80b73e2772713ec37abb8e8e567e47c32c1c13b24f6ae8f5a2ed2345db5a"
                "62cec86104793ac8ae3aa7696e07eb90d82e20aa3093e7469f6bda6f0dec05ca"
                "2f5ca091a849d2f5",
        },
        {
                "sha512aes256", GSNMP_AUTH_PROTOCOL_SHA512, "sha512pass", GSNMP_PRIV_PROTOCOL_AES256, "aes256priv2",
                "3081c20201033011020470694fb3020300ffe304010702010304653063041180"
                "001f880467736e6d7066697874757265020101020115040c7368613531326165"
                "733235360430f2a9f3c98a68a0cc136e11ac187af0ab92d34cb3bc2c63c10f3d"
                "9e62b2e728d4f956a1699ceba32e0de42c8d1864087204084934b6de9ca56283"
                "04439603c77b3b9552d5dccb8f56086276ddab8bcde381ea900a00983d6b3a2b"
                "445f7f20f49acbc6667ea19eba692c8adfe6839b3a5e0a88c8a7b448be5a1477"
                "13531c68f9",
                "3081dd0201033011020470694fb3020300ffe304010302010304653063041180"
                "001f880467736e6d7066697874757265020101020115040c7368613531326165"
                "733235360430a015201907ec865ef1abeb321913bf47e16fe43fc7ba163fc11a"
                "a6b535118fe7e37fc5c3dbf17477c1ad7174fce63337040862572cd085873f2d"
                "045e2927f65a0f21adda22088a407bc100e89eabaae942f8a5d0af0ee8a1f14d"
                "b5985f1bc795033f3104568cb18da46a0bcc5645f936c75511ce53cdbe0fdee5"
                "50e3b34d65bb1c64b486ab3fd35dad60f0ef7663a29bbff9b47d4e695ba8bd30",
        },
};

/* discovery report (usmStatsUnknownEngineIDs) */
#define REPORT_UNKNOWN_ENGINE_ID \
        "30710201033011020437f7e153020300ffe30401000201030421301f04118000" \
        "1f880467736e6d70666978747572650201010201150400040004003036041180" \
        "001f880467736e6d70666978747572650400a81f0204783c0a24020100020100" \
        "3011300f060a2b060106030f0101040041010b"
#define REPORT_WRONGDIGEST \
        "3078020103301102040b2344a4020300ffe30401000201030428302604118000" \
        "1f880467736e6d706669787475726502010102011d0407736861757365720400" \
        "04003036041180001f880467736e6d70666978747572650400a81f0204716023" \
        "a40201000201003011300f060a2b060106030f01010500410101"
#define REPORT_UNKNOWNUSER \
        "307b02010330110204573f0be7020300ffe3040100020103042b302904118000" \
        "1f880467736e6d706669787475726502010102011d040a6e6f73756368757365" \
        "72040004003036041180001f880467736e6d70666978747572650400a81f0204" \
        "20b3d0b00201000201003011300f060a2b060106030f01010300410101"
#define REPORT_NOTINTIME \
        "30818002010330110204781413c1020300ffe304010102010304333031041180" \
        "001f880467736e6d706669787475726502010102011d0406736861616573040c" \
        "d8007f2e33bbb06546353bf504003033041180001f880467736e6d7066697874" \
        "7572650400a81c0201000201000201003011300f060a2b060106030f01010200" \
        "410101"
#define REPORT_UNSUPPORTEDLEVEL \
        "307502010330110204403aeee3020300ffe30401000201030425302304118000" \
        "1f880467736e6d706669787475726502010102011d04046e616e700400040030" \
        "36041180001f880467736e6d70666978747572650400a81f020417bc46810201" \
        "000201003011300f060a2b060106030f01010100410101"

static void
check_interop_request (const InteropVector *v,
                       GsnmpMessageV3      *msg,
                       GBytes              *engine_id)
{
        char *text, *want;

        g_assert_cmpuint (msg->msg_flags, ==, level_flags (v->auth, v->priv) | GSNMP_V3_FLAG_REPORTABLE);
        g_assert_cmpint (msg->msg_max_size, ==, 65507);
        g_assert_true (g_bytes_equal (msg->engine_id, engine_id));
        g_assert_cmpuint (msg->engine_boots, ==, 1);
        assert_bytes_str (msg->user_name, v->user);
        g_assert_true (g_bytes_equal (msg->context_engine_id, engine_id));
        g_assert_cmpuint (g_bytes_get_size (msg->context_name), ==, 0);

        text = pdu_to_string (msg->pdu);
        want = g_strdup_printf ("0xa0 %d 0 0\n"
                                ".1.3.6.1.2.1.1.5.0 = NULL\n"
                                ".1.3.6.1.2.1.1.6.0 = NULL\n",
                                gsnmp_pdu_get_request_id (msg->pdu));
        g_assert_cmpstr (text, ==, want);
        g_free (want);
        g_free (text);
}

static void
check_interop_response (const InteropVector *v,
                        GsnmpMessageV3      *msg,
                        GsnmpMessageV3      *request,
                        GBytes              *engine_id)
{
        char *text, *want;

        g_assert_cmpuint (msg->msg_flags, ==, level_flags (v->auth, v->priv));
        g_assert_cmpint (msg->msg_id, ==, request->msg_id);
        g_assert_true (g_bytes_equal (msg->engine_id, engine_id));
        g_assert_cmpuint (msg->engine_boots, ==, 1);
        g_assert_cmpuint (msg->engine_time, >=, request->engine_time);
        assert_bytes_str (msg->user_name, v->user);
        g_assert_true (g_bytes_equal (msg->context_engine_id, engine_id));
        g_assert_cmpuint (g_bytes_get_size (msg->context_name), ==, 0);

        text = pdu_to_string (msg->pdu);
        want = g_strdup_printf ("0xa2 %d 0 0\n"
                                ".1.3.6.1.2.1.1.5.0 = STRING: \"gsnmp-fixture\"\n"
                                ".1.3.6.1.2.1.1.6.0 = STRING: \"gsnmp-test-lab\"\n",
                                gsnmp_pdu_get_request_id (request->pdu));
        g_assert_cmpstr (text, ==, want);
        g_free (want);
        g_free (text);
}

/* Decodes and unprotects both datagrams with keys made from the pass
 * phrases and the fixture's engine ID; without privacy, also encodes the
 * decoded messages again and expects Net-SNMP's bytes, HMAC included. */
static void
test_interop (gconstpointer data)
{
        const InteropVector *v = data;
        GBytes *engine_id = bytes_from_hex (FIXTURE_ENGINE_ID);
        GBytes *request = bytes_from_hex (v->request);
        GBytes *response = bytes_from_hex (v->response);
        GsnmpUsmKey *auth_key, *priv_key;
        GsnmpMessageV3 req, resp;

        make_keys (v->auth, v->auth_pass, v->priv, v->priv_pass, engine_id, &auth_key, &priv_key);

        decode_ok (request, &req, auth_key, priv_key);
        check_interop_request (v, &req, engine_id);
        decode_ok (response, &resp, auth_key, priv_key);
        check_interop_response (v, &resp, &req, engine_id);

        if (v->priv == GSNMP_PRIV_PROTOCOL_NONE) {
                GBytes *again;

                again = encode_ok (&req, auth_key, priv_key);
                g_assert_true (g_bytes_equal (again, request));
                g_bytes_unref (again);
                again = encode_ok (&resp, auth_key, priv_key);
                g_assert_true (g_bytes_equal (again, response));
                g_bytes_unref (again);
        } else {
                GsnmpMessageV3 again_msg;
                GBytes *again;
                gsize enc_len = resp.encrypted_len;

                /* Same plaintext, same ciphertext length. */
                again = encode_ok (&resp, auth_key, priv_key);
                g_assert_cmpuint (g_bytes_get_size (again), ==, g_bytes_get_size (response));
                decode_ok (again, &again_msg, auth_key, priv_key);
                g_assert_cmpuint (again_msg.encrypted_len, ==, enc_len);
                check_interop_response (v, &again_msg, &req, engine_id);
                gsnmp_message_v3_clear (&again_msg);
                g_bytes_unref (again);
        }
        gsnmp_message_v3_clear (&req);
        gsnmp_message_v3_clear (&resp);

        /* Wrong pass phrases. */
        if (v->auth != GSNMP_AUTH_PROTOCOL_NONE) {
                GsnmpUsmKey *wrong_auth, *wrong_priv;

                make_keys (v->auth, "wrong-passphrase", v->priv, "wrong-passphrase", engine_id,
                           &wrong_auth, &wrong_priv);
                unprotect_fails (response, wrong_auth, priv_key, G_MAXSIZE, 0, GSNMP_ERROR_WRONG_DIGEST);
                if (v->priv != GSNMP_PRIV_PROTOCOL_NONE)
                        unprotect_fails (response, auth_key, wrong_priv, G_MAXSIZE, 0,
                                         GSNMP_ERROR_DECRYPTION_ERROR);
                g_clear_pointer (&wrong_auth, gsnmp_usm_key_unref);
                g_clear_pointer (&wrong_priv, gsnmp_usm_key_unref);
        }

        g_clear_pointer (&auth_key, gsnmp_usm_key_unref);
        g_clear_pointer (&priv_key, gsnmp_usm_key_unref);
        g_bytes_unref (request);
        g_bytes_unref (response);
        g_bytes_unref (engine_id);
}

typedef struct {
        const char        *name;
        const char        *hex;
        guint8             flags;
        const char        *user;
        GsnmpAuthProtocol  auth;        /* the reports sent authenticated */
        const char        *auth_pass;
        const char        *pdu;
} ReportVector;

static const ReportVector report_vectors[] = {
        /* RFC 3414 §4: the answer to discovery, with the agent's engine ID,
         * boots and time. */
        { "unknown-engine-id", REPORT_UNKNOWN_ENGINE_ID, 0, "",
          GSNMP_AUTH_PROTOCOL_NONE, NULL,
          "0xa8 2017200676 0 0\n.1.3.6.1.6.3.15.1.1.4.0 = Counter32: 11\n" },
        { "wrong-digest", REPORT_WRONGDIGEST, 0, "shauser",
          GSNMP_AUTH_PROTOCOL_NONE, NULL,
          "0xa8 1902125988 0 0\n.1.3.6.1.6.3.15.1.1.5.0 = Counter32: 1\n" },
        { "unknown-user-name", REPORT_UNKNOWNUSER, 0, "nosuchuser",
          GSNMP_AUTH_PROTOCOL_NONE, NULL,
          "0xa8 548655280 0 0\n.1.3.6.1.6.3.15.1.1.3.0 = Counter32: 1\n" },
        { "unsupported-sec-level", REPORT_UNSUPPORTEDLEVEL, 0, "nanp",
          GSNMP_AUTH_PROTOCOL_NONE, NULL,
          "0xa8 398214785 0 0\n.1.3.6.1.6.3.15.1.1.1.0 = Counter32: 1\n" },
        /* RFC 3414 §3.2 step 7b: authenticated, and the request-id is 0
         * because snmpd never decrypted the request. */
        { "not-in-time-window", REPORT_NOTINTIME, GSNMP_V3_FLAG_AUTH, "shaaes",
          GSNMP_AUTH_PROTOCOL_SHA, "shaaespass",
          "0xa8 0 0 0\n.1.3.6.1.6.3.15.1.1.2.0 = Counter32: 1\n" },
};

static void
test_report (gconstpointer data)
{
        const ReportVector *v = data;
        GBytes *engine_id = bytes_from_hex (FIXTURE_ENGINE_ID);
        GBytes *bytes = bytes_from_hex (v->hex);
        GsnmpUsmKey *auth_key, *priv_key;
        GsnmpMessageV3 msg;
        char *text;

        make_keys (v->auth, v->auth_pass, GSNMP_PRIV_PROTOCOL_NONE, NULL, engine_id,
                   &auth_key, &priv_key);
        decode_ok (bytes, &msg, auth_key, priv_key);
        g_assert_cmpuint (msg.msg_flags, ==, v->flags);
        g_assert_true (g_bytes_equal (msg.engine_id, engine_id));
        g_assert_cmpuint (msg.engine_boots, ==, 1);
        g_assert_cmpuint (msg.engine_time, >, 0);
        assert_bytes_str (msg.user_name, v->user);
        text = pdu_to_string (msg.pdu);
        g_assert_cmpstr (text, ==, v->pdu);
        g_free (text);

        /* Our encoding of it is Net-SNMP's. */
        {
                GBytes *again = encode_ok (&msg, auth_key, NULL);

                g_assert_true (g_bytes_equal (again, bytes));
                g_bytes_unref (again);
        }

        gsnmp_message_v3_clear (&msg);
        g_clear_pointer (&auth_key, gsnmp_usm_key_unref);
        g_bytes_unref (bytes);
        g_bytes_unref (engine_id);
}

/* Net-SNMP on Debian has no 3DES, so this authPriv SHA/3DES response was
 * built with Python's hashlib, hmac and cryptography packages from RFC 3414
 * §A.2, §2.6, §6.3.1 and draft-reeder-snmpv3-usm-3desede-00 §2.1, §5.1.1,
 * independently of gsnmp: user "sha3des", pass phrases "sha3despass" and
 * "sha3despriv", the fixture's engine ID, boots 1, time 1000, salt
 * 00000001a1b2c3d4, msgID 77, a Response (request-id 0x1234) with
 * sysName.0 = "gsnmp-3des". */
static void
test_python_3des (void)
{
        GBytes *engine_id = bytes_from_hex (FIXTURE_ENGINE_ID);
        GBytes *bytes = bytes_from_hex (
                "308194020103300e02014d020300ffe3040103020103043d303b041180001f88"
                "0467736e6d7066697874757265020101020203e8040773686133646573040c5e"
                "5f5450f8d3e65a39a6f646040800000001a1b2c3d4044061f0d2692b08e79bba"
                "a433ecd664bb36957f0c7448b583ec52d77ef1dab6d96e3a6847cea9fbc4444a"
                "d7db5b8593b26bb7eabb2e34bb08956d371ebc89b74fac");
        GsnmpUsmKey *auth_key, *priv_key, *wrong_auth, *wrong_priv;
        GsnmpMessageV3 msg;
        char *text;

        make_keys (GSNMP_AUTH_PROTOCOL_SHA, "sha3despass", GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
                   "sha3despriv", engine_id, &auth_key, &priv_key);
        decode_ok (bytes, &msg, auth_key, priv_key);
        g_assert_cmpint (msg.msg_id, ==, 77);
        g_assert_cmpuint (msg.msg_flags, ==, GSNMP_V3_FLAG_AUTH | GSNMP_V3_FLAG_PRIV);
        g_assert_cmpuint (msg.engine_boots, ==, 1);
        g_assert_cmpuint (msg.engine_time, ==, 1000);
        assert_bytes_str (msg.user_name, "sha3des");
        assert_bytes_hex (msg.context_engine_id, FIXTURE_ENGINE_ID);
        text = pdu_to_string (msg.pdu);
        g_assert_cmpstr (text, ==, "0xa2 4660 0 0\n.1.3.6.1.2.1.1.5.0 = STRING: \"gsnmp-3des\"\n");
        g_free (text);
        gsnmp_message_v3_clear (&msg);

        make_keys (GSNMP_AUTH_PROTOCOL_SHA, "wrong-passphrase", GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
                   "wrong-passphrase", engine_id, &wrong_auth, &wrong_priv);
        unprotect_fails (bytes, wrong_auth, priv_key, G_MAXSIZE, 0, GSNMP_ERROR_WRONG_DIGEST);
        unprotect_fails (bytes, auth_key, wrong_priv, G_MAXSIZE, 0, GSNMP_ERROR_DECRYPTION_ERROR);

        gsnmp_usm_key_unref (auth_key);
        gsnmp_usm_key_unref (priv_key);
        gsnmp_usm_key_unref (wrong_auth);
        gsnmp_usm_key_unref (wrong_priv);
        g_bytes_unref (bytes);
        g_bytes_unref (engine_id);
}

/***************************************************************************/
/* The fuzzing corpus: v3-bad-* must fail, the other v3-* and netsnmp-v3-*
 * must decode; the rest (SNMPv1 and SNMPv2c seeds, inputs the fuzzer
 * found) must not crash the SNMPv3 decoder. */

static void
test_corpus (void)
{
        char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "message", NULL);
        GError *error = NULL;
        GDir *dir = g_dir_open (dir_path, 0, &error);
        const char *name;
        guint n_v3 = 0, n_v3_bad = 0;

        g_assert_no_error (error);
        while ((name = g_dir_read_name (dir)) != NULL) {
                char *path = g_build_filename (dir_path, name, NULL);
                char *contents;
                gsize length;
                GsnmpMessageV3 msg;
                gboolean ok;

                g_file_get_contents (path, &contents, &length, &error);
                g_assert_no_error (error);
                g_test_message ("%s (%" G_GSIZE_FORMAT " bytes)", name, length);

                ok = gsnmp_message_v3_decode ((const guint8 *) contents, length, &msg, &error);
                if (ok) {
                        g_assert_no_error (error);
                        g_assert_cmpint (gsnmp_message_peek_version ((const guint8 *) contents, length), ==, 3);
                        gsnmp_message_v3_clear (&msg);
                } else {
                        g_assert_nonnull (error);
                        g_assert_true (error->domain == GSNMP_ERROR);
                        g_clear_error (&error);
                }

                if (g_str_has_prefix (name, "v3-bad-")) {
                        g_assert_false (ok);
                        n_v3_bad++;
                } else if (g_str_has_prefix (name, "v3-") ||
                           g_str_has_prefix (name, "netsnmp-v3-")) {
                        g_assert_true (ok);
                        n_v3++;
                }
                g_free (contents);
                g_free (path);
        }
        g_assert_cmpuint (n_v3, >=, 5);
        g_assert_cmpuint (n_v3_bad, >=, 3);
        g_dir_close (dir);
        g_free (dir_path);
}

/***************************************************************************/

int
main (int    argc,
      char **argv)
{
        gsize i;

        g_test_init (&argc, &argv, NULL);

        for (i = 0; i < G_N_ELEMENTS (peek_cases); i++) {
                char *path = g_strdup_printf ("/gsnmp/message-v3/peek-version/%s", peek_cases[i].name);

                g_test_add_data_func (path, &peek_cases[i], test_peek_version);
                g_free (path);
        }

        for (i = 0; i < G_N_ELEMENTS (levels); i++) {
                const Level *l = &levels[i];
                char *path;

                path = g_strdup_printf ("/gsnmp/message-v3/round-trip/%s", l->name);
                g_test_add_data_func (path, l, test_round_trip);
                g_free (path);
                path = g_strdup_printf ("/gsnmp/message-v3/truncated/%s", l->name);
                g_test_add_data_func (path, l, test_truncated);
                g_free (path);
                path = g_strdup_printf ("/gsnmp/message-v3/too-big/%s", l->name);
                g_test_add_data_func (path, l, test_too_big);
                g_free (path);
                if (l->auth != GSNMP_AUTH_PROTOCOL_NONE) {
                        path = g_strdup_printf ("/gsnmp/message-v3/tamper/%s", l->name);
                        g_test_add_data_func (path, l, test_tamper);
                        g_free (path);
                        path = g_strdup_printf ("/gsnmp/message-v3/wrong-key/%s", l->name);
                        g_test_add_data_func (path, l, test_wrong_keys);
                        g_free (path);
                }
        }
        g_test_add_data_func ("/gsnmp/message-v3/large/sha-aes",
                              &levels[9], test_large);
        g_test_add_data_func ("/gsnmp/message-v3/large/sha-des",
                              &levels[8], test_large);
        g_test_add_data_func ("/gsnmp/message-v3/large/sha",
                              &levels[2], test_large);
        g_test_add_func ("/gsnmp/message-v3/round-trip/empty", test_round_trip_empty);

        for (i = 0; i < G_N_ELEMENTS (header_cases); i++) {
                char *path = g_strdup_printf ("/gsnmp/message-v3/header/%s", header_cases[i].name);

                g_test_add_data_func (path, &header_cases[i], test_header);
                g_free (path);
        }
        g_test_add_func ("/gsnmp/message-v3/header/fields", test_header_fields);
        g_test_add_func ("/gsnmp/message-v3/encode/errors", test_encode_errors);

        for (i = 0; i < G_N_ELEMENTS (interop_vectors); i++) {
                char *path = g_strdup_printf ("/gsnmp/message-v3/net-snmp/%s", interop_vectors[i].user);

                g_test_add_data_func (path, &interop_vectors[i], test_interop);
                g_free (path);
        }
        for (i = 0; i < G_N_ELEMENTS (report_vectors); i++) {
                char *path = g_strdup_printf ("/gsnmp/message-v3/net-snmp/report/%s", report_vectors[i].name);

                g_test_add_data_func (path, &report_vectors[i], test_report);
                g_free (path);
        }
        g_test_add_func ("/gsnmp/message-v3/python/sha-3des", test_python_3des);
        g_test_add_func ("/gsnmp/message-v3/corpus", test_corpus);

        return g_test_run ();
}
