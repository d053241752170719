/* test-engine-v3.c - GsnmpEngine with SNMPv3 (USM) against an in-process fake agent
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The fake SNMPv3 agent here is an authoritative SNMP engine (RFC 3414
 * §3.2) of its own: it has an engine ID, boots and a clock, answers
 * discovery with a usmStatsUnknownEngineIDs report carrying them, checks
 * requests with keys from the gsnmp-usm module (user, security level, HMAC,
 * time window, decryption, context) and answers with authenticated and
 * encrypted responses or with the report RFC 3414 asks for — including
 * usmStatsDecryptionErrors, which snmpd never sends.  Like the fake agent of
 * gsnmp-test-utils it runs in the test's main context, and it is scripted by
 * events (hold, hooks that see every datagram), never by time.
 */
#include "config.h"

#include "gsnmp-test-utils.h"
#include "gsnmp-message-private.h"
#include "gsnmp-usm-private.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>

/* Timeouts (ms) only for requests that must time out. */
#define SHORT_TIMEOUT_MS 50
/* For requests that must retransmit once and then succeed: the agent acts
 * on the retransmission's arrival, not on time, so this only needs to be
 * short enough to keep the test quick. */
#define RETRY_TIMEOUT_MS 200

#define TIME_WINDOW 150
#define AGENT_START_TIME 1000

/* What the poisoned answers carry: the engine must never accept them. */
#define POISON_STATUS 5    /* genErr */
#define POISON_STRING "poison"

#define SYS_DESCR "1.3.6.1.2.1.1.1.0"
#define SYS_NAME  "1.3.6.1.2.1.1.5.0"
#define SYS_LOCATION_OID "1.3.6.1.2.1.1.6.0"

/***************************************************************************/
/* Users */

typedef struct {
        const char        *key;        /* how tests ask for it */
        const char        *name;       /* msgUserName */
        GsnmpAuthProtocol  auth;
        const char        *auth_pass;
        GsnmpPrivProtocol  priv;
        const char        *priv_pass;
} UserSpec;

#define A(x) GSNMP_AUTH_PROTOCOL_##x
#define P(x) GSNMP_PRIV_PROTOCOL_##x

/* The agent knows the first block; the second are the engine's mistakes. */
static const UserSpec user_specs[] = {
        { "nanp",      "nanp",      A (NONE),   NULL,              P (NONE),   NULL },
        { "md5",       "md5",       A (MD5),    "md5passphrase",   P (NONE),   NULL },
        { "sha",       "sha",       A (SHA),    "shapassphrase",   P (NONE),   NULL },
        { "sha224",    "sha224",    A (SHA224), "sha224passphrase", P (NONE),  NULL },
        { "sha256",    "sha256",    A (SHA256), "sha256passphrase", P (NONE),  NULL },
        { "sha384",    "sha384",    A (SHA384), "sha384passphrase", P (NONE),  NULL },
        { "sha512",    "sha512",    A (SHA512), "sha512passphrase", P (NONE),  NULL },
        { "des",       "des",       A (MD5),    "desauthpass",     P (DES),    "desprivpass" },
        { "aes",       "aes",       A (SHA),    "aesauthpass",     P (AES),    "aesprivpass" },
        { "aes192",    "aes192",    A (SHA256), "aes192authpass",  P (AES192), "aes192privpass" },
        { "aes256",    "aes256",    A (SHA256), "aes256authpass",  P (AES256), "aes256privpass" },
        { "aes192c",   "aes192c",   A (SHA),    "aes192cauthpass", P (AES192_CISCO), "aes192cprivpass" },
        { "aes256c",   "aes256c",   A (SHA512), "aes256cauthpass", P (AES256_CISCO), "aes256cprivpass" },
        { "md5aes256", "md5aes256", A (MD5),    "md5aes256auth",   P (AES256), "md5aes256priv" },
        { "3des",      "3des",      A (SHA),    "3desauthpass",    P (TRIPLE_DES), "3desprivpass" },
#define N_AGENT_USERS 15
        /* the engine's side only */
        { "nobody",       "nobody",  A (SHA),  "nobodypassphrase", P (NONE), NULL },
        { "sha-wrongpass", "sha",    A (SHA),  "wrongpassphrase", P (NONE), NULL },
        { "sha-wrongproto", "sha",   A (MD5),  "shapassphrase",   P (NONE), NULL },
        { "aes-wrongpriv", "aes",    A (SHA),  "aesauthpass",     P (AES),  "wrongprivpass" },
        { "nanp-auth",    "nanp",    A (SHA),  "nanppassphrase",  P (NONE), NULL },
        { "md5-priv",     "md5",     A (MD5),  "md5passphrase",   P (DES),  "md5privpass" },
        /* the same keys as "aes" under another name, for spoofing */
        { "mallory",      "mallory", A (SHA),  "aesauthpass",     P (AES),  "aesprivpass" },
};

#undef A
#undef P

static GHashTable *users;   /* key → GsnmpUsmUser, made once (password-to-key is slow) */

static const UserSpec *
find_user_spec (const char *key)
{
        for (guint i = 0; i < G_N_ELEMENTS (user_specs); i++)
                if (strcmp (user_specs[i].key, key) == 0)
                        return &user_specs[i];
        g_assert_not_reached ();
        return NULL;
}

/* (transfer none) */
static GsnmpUsmUser *
get_user (const char *key)
{
        const UserSpec *spec = find_user_spec (key);
        g_autoptr(GError) error = NULL;
        GsnmpUsmUser *user;

        if (users == NULL)
                users = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
        user = g_hash_table_lookup (users, key);
        if (user != NULL)
                return user;

        user = gsnmp_usm_user_new (spec->name, spec->auth, spec->auth_pass,
                                   spec->priv, spec->priv_pass, &error);
        g_assert_no_error (error);
        g_assert_nonnull (user);
        g_hash_table_insert (users, (gpointer) spec->key, user);

        return user;
}

/***************************************************************************/
/* The fake SNMPv3 agent */

typedef enum {
        USM_DROP = -1,
        USM_OK = 0,
        /* usmStats (1.3.6.1.6.3.15.1.1.N.0), RFC 3414 §5 */
        USM_UNSUPPORTED_SEC_LEVEL = 1,
        USM_NOT_IN_TIME_WINDOW = 2,
        USM_UNKNOWN_USER_NAME = 3,
        USM_UNKNOWN_ENGINE_ID = 4,
        USM_WRONG_DIGEST = 5,
        USM_DECRYPTION_ERROR = 6,
} UsmStatus;

/* One datagram the agent received, checked as RFC 3414 §3.2 says. */
typedef struct {
        GBytes            *datagram;
        GSocketAddress    *from;
        GsnmpMessageV3     msg;        /* msg.pdu is set when it was readable */
        gboolean           decoded;
        gboolean           discovery;  /* an empty msgAuthoritativeEngineID */
        UsmStatus          status;
        GsnmpSecurityLevel level;      /* from msgFlags */
        GsnmpUsmUser      *user;       /* (nullable) the agent's user of that name */
        gint32             request_id; /* -1 while the PDU is unknown */
        guint              copy;       /* 1 for the first datagram with this
                                        * request-id, 2 for the next, … */
        gboolean           answered;
} V3Request;

typedef struct _V3Agent V3Agent;

/* Sees every datagram after it was checked and recorded; returns TRUE when
 * it took care of it. */
typedef gboolean (*V3AgentHook) (V3Agent   *agent,
                                 V3Request *request,
                                 gpointer   user_data);

struct _V3Agent {
        char             *label;
        GSocketFamily     family;
        GSocket          *socket;
        GSocket          *other_socket;   /* for answers from another port */
        GSource          *source;
        guint16           port;

        GBytes           *engine_id;
        guint32           boots;
        guint32           time_base;      /* snmpEngineTime at time_ref */
        gint64            time_ref;
        GHashTable       *users;          /* name → GsnmpUsmUser */
        GsnmpUsmKeyCache *keys;
        char             *unavailable_context;

        /* behaviour */
        gboolean          hold;           /* keep every request until v3_agent_release() */
        gboolean          hold_discovery; /* likewise, discovery requests only */
        gboolean          black_hole_discovery;
        V3AgentHook       hook;
        gpointer          hook_data;

        /* observations */
        GPtrArray        *requests;       /* (element-type V3Request) every datagram */
        GPtrArray        *held;           /* (element-type V3Request) (not owned) */
        GHashTable       *copies;         /* request-id → copies received */
        guint             n_discoveries;  /* discovery datagrams received */
        guint             n_responses;    /* responses sent */
        guint32           counters[7];    /* usmStats */
};

static void
v3_request_free (gpointer data)
{
        V3Request *request = data;

        gsnmp_message_v3_clear (&request->msg);
        g_bytes_unref (request->datagram);
        g_clear_object (&request->from);
        g_free (request);
}

/* A test-only time source: this program is linked with
 * -Wl,--wrap=g_get_monotonic_time (tests/meson.build), so the engine (the
 * static gsnmp-internal library) and the fake agent both read the real
 * clock plus clock_offset_us, which a test can move forward: minutes of
 * engine time pass in no time. GLib itself still reads the real clock. */
gint64 __real_g_get_monotonic_time (void);
gint64 __wrap_g_get_monotonic_time (void);

static gint64 clock_offset_us;

gint64
__wrap_g_get_monotonic_time (void)
{
        return __real_g_get_monotonic_time () + clock_offset_us;
}

static guint32
v3_agent_time (V3Agent *agent)
{
        return agent->time_base +
               (guint32) ((g_get_monotonic_time () - agent->time_ref) / G_USEC_PER_SEC);
}

/* The agent reboots or its clock jumps: from now on its clock reads @time. */
static void
v3_agent_set_clock (V3Agent *agent,
                    guint32  boots,
                    guint32  time)
{
        agent->boots = boots;
        agent->time_base = time;
        agent->time_ref = g_get_monotonic_time ();
}

static void
v3_agent_set_engine_id (V3Agent    *agent,
                        const char *id_text)
{
        /* enterprise 8072 (Net-SNMP), format 4 (text) */
        GByteArray *id = g_byte_array_new ();
        static const guint8 prefix[] = { 0x80, 0x00, 0x1f, 0x88, 0x04 };

        g_byte_array_append (id, prefix, sizeof prefix);
        g_byte_array_append (id, (const guint8 *) id_text, strlen (id_text));
        g_clear_pointer (&agent->engine_id, g_bytes_unref);
        agent->engine_id = g_byte_array_free_to_bytes (id);
}

static void
v3_agent_add_user (V3Agent      *agent,
                   GsnmpUsmUser *user)
{
        g_hash_table_replace (agent->users, g_strdup (gsnmp_usm_user_get_user_name (user)),
                              g_object_ref (user));
}

static void
v3_agent_add_all_users (V3Agent *agent)
{
        for (guint i = 0; i < N_AGENT_USERS; i++)
                v3_agent_add_user (agent, get_user (user_specs[i].key));
}

static char *
v3_agent_get_address (V3Agent *agent)
{
        if (agent->family == G_SOCKET_FAMILY_IPV6)
                return g_strdup_printf ("[::1]:%u", agent->port);
        return g_strdup_printf ("127.0.0.1:%u", agent->port);
}

/* The value the agent has for @oid: tells agents and objects apart. */
static char *
v3_agent_value (V3Agent    *agent,
                const char *oid)
{
        return g_strdup_printf ("%s %s", agent->label, oid);
}

static GsnmpTarget *
v3_agent_new_target (V3Agent      *agent,
                     GsnmpUsmUser *user)
{
        g_autoptr(GError) error = NULL;
        g_autofree char *address = v3_agent_get_address (agent);
        GsnmpTarget *target;

        target = gsnmp_target_new (address, GSNMP_CREDENTIALS (user), &error);
        g_assert_no_error (error);
        g_assert_nonnull (target);
        gsnmp_target_set_timeout (target, TEST_LONG_TIMEOUT_MS);
        gsnmp_target_set_retries (target, 2);

        return target;
}

/* Never NULL, also for an empty or NULL @bytes. */
static char *
bytes_to_string (GBytes *bytes)
{
        gsize len = 0;
        const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

        return len > 0 ? g_strndup (data, len) : g_strdup ("");
}

static GsnmpSecurityLevel
flags_level (guint8 flags)
{
        if (flags & GSNMP_V3_FLAG_PRIV)
                return GSNMP_SECURITY_LEVEL_AUTH_PRIV;
        if (flags & GSNMP_V3_FLAG_AUTH)
                return GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV;
        return GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV;
}

/* Encodes a message from the agent (or from a spoofer pretending to be it):
 * keys are @key_user's localized for @engine_id; @user_name overrides the
 * user name carried. */
static GBytes *
agent_encode (V3Agent            *agent,
              gint32              msg_id,
              GBytes             *engine_id,
              guint32             boots,
              guint32             time,
              GsnmpUsmUser       *key_user,
              GBytes             *user_name,
              GsnmpSecurityLevel  level,
              GBytes             *context_name,
              GsnmpPdu           *pdu)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmKey) auth_key = NULL;
        g_autoptr(GsnmpUsmKey) priv_key = NULL;
        g_autoptr(GBytes) name = NULL;
        GsnmpMessageV3 msg = { 0, };
        gsize id_len;
        const guint8 *id = g_bytes_get_data (engine_id, &id_len);
        GBytes *bytes;

        if (user_name == NULL && key_user != NULL) {
                const char *s = gsnmp_usm_user_get_user_name (key_user);

                name = g_bytes_new (s, strlen (s));
                user_name = name;
        }

        msg.msg_id = msg_id;
        msg.msg_max_size = 65507;
        msg.msg_flags = level == GSNMP_SECURITY_LEVEL_AUTH_PRIV ? 3 :
                        level == GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV ? 1 : 0;
        msg.security_model = GSNMP_V3_SECURITY_MODEL_USM;
        msg.engine_id = engine_id;
        msg.engine_boots = boots;
        msg.engine_time = time;
        msg.user_name = user_name;
        msg.context_engine_id = engine_id;
        msg.context_name = context_name;
        msg.pdu = pdu;

        if (level >= GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV) {
                auth_key = gsnmp_usm_key_cache_get_auth_key (agent->keys, key_user,
                                                             id, id_len, &error);
                g_assert_no_error (error);
        }
        if (level == GSNMP_SECURITY_LEVEL_AUTH_PRIV) {
                priv_key = gsnmp_usm_key_cache_get_priv_key (agent->keys, key_user,
                                                             id, id_len, &error);
                g_assert_no_error (error);
        }

        bytes = gsnmp_message_v3_encode (&msg, auth_key, priv_key, 0, &error);
        g_assert_no_error (error);
        g_assert_nonnull (bytes);

        return bytes;
}

static void
agent_send (GSocket        *socket,
            GSocketAddress *to,
            GBytes         *bytes)
{
        g_autoptr(GError) error = NULL;
        gsize len;
        const guint8 *data = g_bytes_get_data (bytes, &len);

        if (g_socket_send_to (socket, to, (const char *) data, len, NULL, &error) < 0)
                g_debug ("fake v3 agent: send failed: %s", error->message);
}

static GsnmpPdu *
make_report (V3Request    *request,
             const char   *oid_str,
             guint32       count)
{
        g_autoptr(GsnmpOid) oid = test_oid (oid_str);
        GsnmpPdu *report = gsnmp_pdu_new (GSNMP_PDU_TYPE_REPORT);

        gsnmp_pdu_set_request_id (report, request->request_id >= 0 ? request->request_id : 0);
        gsnmp_pdu_take_varbind (report, gsnmp_varbind_new_counter32 (oid, count));

        return report;
}

/* Sends a report about @request: @level is the report's own security level
 * (RFC 3414 §3.1 step 3: notInTimeWindow goes out authNoPriv, the others
 * unauthenticated); the agent's clock unless @boots is not G_MAXUINT32. */
static void
v3_agent_send_report_full (V3Agent            *agent,
                           V3Request          *request,
                           gint32              msg_id,
                           const char         *oid,
                           GsnmpSecurityLevel  level,
                           guint32             boots,
                           guint32             time)
{
        g_autoptr(GsnmpPdu) report = make_report (request, oid, 1);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

        if (boots == G_MAXUINT32) {
                boots = agent->boots;
                time = v3_agent_time (agent);
        }
        bytes = agent_encode (agent, msg_id, agent->engine_id, boots, time,
                              level != GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV ? request->user : NULL,
                              request->msg.user_name ? request->msg.user_name : empty,
                              level, request->msg.context_name ? request->msg.context_name : empty,
                              report);
        agent_send (agent->socket, request->from, bytes);
        request->answered = TRUE;
}

static void
v3_agent_send_report (V3Agent            *agent,
                      V3Request          *request,
                      const char         *oid,
                      GsnmpSecurityLevel  level)
{
        v3_agent_send_report_full (agent, request, request->msg.msg_id, oid, level,
                                   G_MAXUINT32, 0);
}

static GsnmpPdu *
build_response (V3Agent   *agent,
                GsnmpPdu  *pdu,
                gboolean   poison)
{
        GsnmpPdu *response = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        guint n = gsnmp_pdu_get_n_varbinds (pdu);

        gsnmp_pdu_set_request_id (response, gsnmp_pdu_get_request_id (pdu));
        if (poison)
                gsnmp_pdu_set_error (response, POISON_STATUS, n > 0 ? 1 : 0);
        for (guint i = 0; i < n; i++) {
                GsnmpVarbind *vb = gsnmp_pdu_get_varbind (pdu, i);
                GsnmpOid *oid = gsnmp_varbind_get_oid (vb);
                g_autofree char *oid_str = gsnmp_oid_to_string (oid);
                g_autofree char *value = v3_agent_value (agent, oid_str);

                if (poison)
                        gsnmp_pdu_take_varbind (response, gsnmp_varbind_new_string (oid, POISON_STRING));
                else if (gsnmp_pdu_get_pdu_type (pdu) == GSNMP_PDU_TYPE_SET)
                        gsnmp_pdu_add_varbind (response, vb);
                else
                        gsnmp_pdu_take_varbind (response, gsnmp_varbind_new_string (oid, value));
        }
        return response;
}

/* Answers @request as the agent would. */
static void
v3_agent_answer (V3Agent   *agent,
                 V3Request *request)
{
        static const char *usm_oids[] = {
                NULL,
                "1.3.6.1.6.3.15.1.1.1.0",  /* usmStatsUnsupportedSecLevels */
                "1.3.6.1.6.3.15.1.1.2.0",  /* usmStatsNotInTimeWindows */
                "1.3.6.1.6.3.15.1.1.3.0",  /* usmStatsUnknownUserNames */
                "1.3.6.1.6.3.15.1.1.4.0",  /* usmStatsUnknownEngineIDs */
                "1.3.6.1.6.3.15.1.1.5.0",  /* usmStatsWrongDigests */
                "1.3.6.1.6.3.15.1.1.6.0",  /* usmStatsDecryptionErrors */
        };
        g_autoptr(GsnmpPdu) response = NULL;
        g_autoptr(GBytes) bytes = NULL;
        g_autofree char *context = NULL;

        if (request->status == USM_DROP)
                return;
        if (request->status != USM_OK) {
                v3_agent_send_report (agent, request, usm_oids[request->status],
                                      request->status == USM_NOT_IN_TIME_WINDOW ?
                                      GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV :
                                      GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV);
                return;
        }

        /* RFC 3413 §3.2 / RFC 3412 §7.2: the context, at the request's level */
        context = bytes_to_string (request->msg.context_name);
        if (agent->unavailable_context != NULL &&
            strcmp (context, agent->unavailable_context) == 0) {
                v3_agent_send_report (agent, request, "1.3.6.1.6.3.12.1.4.0", request->level);
                return;
        }
        if (strcmp (context, "") != 0 && strcmp (context, "ctx1") != 0) {
                v3_agent_send_report (agent, request, "1.3.6.1.6.3.12.1.5.0", request->level);
                return;
        }

        response = build_response (agent, request->msg.pdu, FALSE);
        bytes = agent_encode (agent, request->msg.msg_id, agent->engine_id, agent->boots,
                              v3_agent_time (agent), request->user, NULL, request->level,
                              request->msg.context_name, response);
        agent_send (agent->socket, request->from, bytes);
        agent->n_responses++;
        request->answered = TRUE;
}

static void
v3_agent_release (V3Agent *agent)
{
        g_autoptr(GPtrArray) held = agent->held;

        agent->held = g_ptr_array_new ();
        for (guint i = 0; i < held->len; i++)
                v3_agent_answer (agent, g_ptr_array_index (held, i));
}

/* RFC 3414 §3.2, the authoritative side. */
static UsmStatus
agent_check (V3Agent   *agent,
             V3Request *request)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmKey) auth_key = NULL;
        g_autoptr(GsnmpUsmKey) priv_key = NULL;
        g_autofree char *name = NULL;
        GsnmpMessageV3 *msg = &request->msg;
        gsize data_len, id_len;
        const guint8 *data = g_bytes_get_data (request->datagram, &data_len);
        const guint8 *id;
        gint64 now;

        if (!gsnmp_message_v3_decode (data, data_len, msg, &error)) {
                g_debug ("fake v3 agent: undecodable request: %s", error->message);
                return USM_DROP;
        }
        request->decoded = TRUE;
        request->level = flags_level (msg->msg_flags);
        if (msg->pdu != NULL)
                request->request_id = gsnmp_pdu_get_request_id (msg->pdu);

        /* step 3 */
        if (msg->engine_id == NULL || g_bytes_get_size (msg->engine_id) == 0) {
                request->discovery = TRUE;
                return USM_UNKNOWN_ENGINE_ID;
        }
        if (!g_bytes_equal (msg->engine_id, agent->engine_id))
                return USM_UNKNOWN_ENGINE_ID;

        /* step 4 */
        name = bytes_to_string (msg->user_name);
        request->user = g_hash_table_lookup (agent->users, name);
        if (request->user == NULL)
                return USM_UNKNOWN_USER_NAME;

        /* step 5 */
        if (request->level > gsnmp_usm_user_get_security_level (request->user))
                return USM_UNSUPPORTED_SEC_LEVEL;

        id = g_bytes_get_data (agent->engine_id, &id_len);
        if (request->level >= GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV) {
                /* step 6 */
                auth_key = gsnmp_usm_key_cache_get_auth_key (agent->keys, request->user,
                                                             id, id_len, &error);
                g_assert_no_error (error);
                if (!gsnmp_usm_auth_verify (auth_key, data, data_len, msg->auth_offset,
                                            msg->auth_len, NULL))
                        return USM_WRONG_DIGEST;

                /* step 7a */
                now = v3_agent_time (agent);
                if (agent->boots == G_MAXINT32 || msg->engine_boots != agent->boots ||
                    (gint64) msg->engine_time > now + TIME_WINDOW ||
                    (gint64) msg->engine_time < now - TIME_WINDOW)
                        return USM_NOT_IN_TIME_WINDOW;
        }

        if (request->level == GSNMP_SECURITY_LEVEL_AUTH_PRIV) {
                /* step 8 */
                priv_key = gsnmp_usm_key_cache_get_priv_key (agent->keys, request->user,
                                                             id, id_len, &error);
                g_assert_no_error (error);
                if (!gsnmp_message_v3_unprotect (msg, data, data_len, auth_key, priv_key,
                                                 &error)) {
                        g_debug ("fake v3 agent: %s", error->message);
                        return USM_DECRYPTION_ERROR;
                }
                request->request_id = gsnmp_pdu_get_request_id (msg->pdu);
        }

        if (msg->pdu == NULL)
                return USM_DROP;
        return USM_OK;
}

static void
agent_handle_datagram (V3Agent        *agent,
                       GSocketAddress *from,
                       const guint8   *data,
                       gsize           len)
{
        V3Request *request = g_new0 (V3Request, 1);

        request->datagram = g_bytes_new (data, len);
        request->from = g_object_ref (from);
        request->request_id = -1;
        g_ptr_array_add (agent->requests, request);

        request->status = agent_check (agent, request);
        if (request->status != USM_DROP && request->status != USM_OK)
                agent->counters[request->status]++;
        if (request->discovery)
                agent->n_discoveries++;
        if (request->request_id >= 0) {
                gpointer key = GINT_TO_POINTER (request->request_id);

                request->copy = GPOINTER_TO_UINT (g_hash_table_lookup (agent->copies, key)) + 1;
                g_hash_table_insert (agent->copies, key, GUINT_TO_POINTER (request->copy));
        }

        if (agent->hook != NULL && agent->hook (agent, request, agent->hook_data))
                return;
        if (request->discovery && agent->black_hole_discovery)
                return;
        if (agent->hold || (request->discovery && agent->hold_discovery)) {
                g_ptr_array_add (agent->held, request);
                return;
        }
        v3_agent_answer (agent, request);
}

static gboolean
on_agent_readable (GSocket      *socket,
                   GIOCondition  condition,
                   gpointer      user_data)
{
        V3Agent *agent = user_data;
        guint8 buffer[65536];

        for (;;) {
                g_autoptr(GError) error = NULL;
                g_autoptr(GSocketAddress) from = NULL;
                gssize n;

                n = g_socket_receive_from (socket, &from, (char *) buffer, sizeof buffer,
                                           NULL, &error);
                if (n < 0) {
                        if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
                                g_debug ("fake v3 agent: receive failed: %s", error->message);
                        break;
                }
                agent_handle_datagram (agent, from, buffer, n);
        }

        return G_SOURCE_CONTINUE;
}

static GSocket *
bind_loopback (GSocketFamily  family,
               guint16       *port,
               GError       **error)
{
        g_autoptr(GSocket) socket = NULL;
        g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (family);
        g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
        g_autoptr(GSocketAddress) local = NULL;

        socket = g_socket_new (family, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, error);
        if (socket == NULL)
                return NULL;
        g_socket_set_blocking (socket, FALSE);
        if (!g_socket_bind (socket, address, FALSE, error))
                return NULL;
        local = g_socket_get_local_address (socket, error);
        if (local == NULL)
                return NULL;
        if (port != NULL)
                *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
        return g_steal_pointer (&socket);
}

/* A new agent on the loopback address of @family, port 0, with engine ID
 * "<label>", boots 1 and its clock at AGENT_START_TIME. */
static V3Agent *
v3_agent_new (GSocketFamily   family,
              const char     *label,
              GError        **error)
{
        V3Agent *agent;
        GSocket *socket;
        guint16 port = 0;

        socket = bind_loopback (family, &port, error);
        if (socket == NULL)
                return NULL;

        agent = g_new0 (V3Agent, 1);
        agent->label = g_strdup (label);
        agent->family = family;
        agent->socket = socket;
        agent->port = port;
        v3_agent_set_engine_id (agent, label);
        v3_agent_set_clock (agent, 1, AGENT_START_TIME);
        agent->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
        agent->keys = gsnmp_usm_key_cache_new ();
        agent->requests = g_ptr_array_new_with_free_func (v3_request_free);
        agent->held = g_ptr_array_new ();
        agent->copies = g_hash_table_new (NULL, NULL);

        agent->source = g_socket_create_source (socket, G_IO_IN, NULL);
        g_source_set_callback (agent->source, (GSourceFunc) G_CALLBACK (on_agent_readable),
                               agent, NULL);
        g_source_attach (agent->source, g_main_context_get_thread_default ());

        return agent;
}

static void
v3_agent_free (V3Agent *agent)
{
        if (agent == NULL)
                return;
        g_source_destroy (agent->source);
        g_source_unref (agent->source);
        g_socket_close (agent->socket, NULL);
        g_object_unref (agent->socket);
        if (agent->other_socket != NULL) {
                g_socket_close (agent->other_socket, NULL);
                g_object_unref (agent->other_socket);
        }
        g_ptr_array_unref (agent->held);
        g_ptr_array_unref (agent->requests);
        g_hash_table_unref (agent->copies);
        g_hash_table_unref (agent->users);
        gsnmp_usm_key_cache_free (agent->keys);
        g_bytes_unref (agent->engine_id);
        g_free (agent->unavailable_context);
        g_free (agent->label);
        g_free (agent);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (V3Agent, v3_agent_free)

static V3Request *
v3_agent_get_request (V3Agent *agent,
                      guint    index)
{
        g_assert_cmpuint (index, <, agent->requests->len);
        return g_ptr_array_index (agent->requests, index);
}

/* The requests (not discoveries) the agent received, in order. */
static GPtrArray *
v3_agent_get_non_discovery (V3Agent *agent)
{
        GPtrArray *out = g_ptr_array_new ();

        for (guint i = 0; i < agent->requests->len; i++) {
                V3Request *r = g_ptr_array_index (agent->requests, i);

                if (r->decoded && !r->discovery)
                        g_ptr_array_add (out, r);
        }
        return out;
}

/***************************************************************************/
/* Spoofed answers */

typedef enum {
        SPOOF_WRONG_HMAC,
        SPOOF_WRONG_USER,
        SPOOF_WRONG_ENGINE_ID,
        SPOOF_NO_AUTH,           /* downgraded: AUTH (and PRIV) flags cleared */
        SPOOF_NO_PRIV,           /* downgraded: authNoPriv answer to authPriv */
        SPOOF_OLD_BOOTS,         /* authentic, but from an earlier boot */
        SPOOF_OLD_TIME,          /* authentic, but far behind the agent's clock */
        SPOOF_OTHER_PORT,        /* authentic, but from another port */
        SPOOF_WRONG_MSG_ID,      /* authentic, but another msgID */
        SPOOF_WRONG_REQUEST_ID,  /* authentic, but another request-id */
} SpoofKind;

/* Sends a poisoned answer to @request (which the agent could read) that the
 * engine must drop. */
static void
v3_agent_send_spoof (V3Agent   *agent,
                     V3Request *request,
                     SpoofKind  kind)
{
        g_autoptr(GsnmpPdu) poison = build_response (agent, request->msg.pdu, TRUE);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GBytes) other_id = NULL;
        GsnmpSecurityLevel level = request->level;
        GBytes *engine_id = agent->engine_id;
        GsnmpUsmUser *key_user = request->user;
        guint32 boots = agent->boots;
        guint32 time = v3_agent_time (agent);
        gint32 msg_id = request->msg.msg_id;
        GSocket *socket = agent->socket;

        switch (kind) {
        case SPOOF_WRONG_HMAC:
        case SPOOF_OTHER_PORT:
                break;
        case SPOOF_WRONG_USER:
                key_user = get_user ("mallory");
                break;
        case SPOOF_WRONG_ENGINE_ID:
                other_id = g_bytes_new_static ("\x80\x00\x1f\x88\x04" "spoofer", 12);
                engine_id = other_id;
                break;
        case SPOOF_NO_AUTH:
                level = GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV;
                break;
        case SPOOF_NO_PRIV:
                level = GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV;
                break;
        case SPOOF_OLD_BOOTS:
                g_assert_cmpuint (boots, >, 1);
                boots--;
                break;
        case SPOOF_OLD_TIME:
                g_assert_cmpuint (time, >, 2 * TIME_WINDOW);
                time -= 2 * TIME_WINDOW;
                break;
        case SPOOF_WRONG_MSG_ID:
                msg_id ^= 0x5a5a;
                break;
        case SPOOF_WRONG_REQUEST_ID:
                gsnmp_pdu_set_request_id (poison, gsnmp_pdu_get_request_id (poison) ^ 0x5a5a);
                break;
        }

        bytes = agent_encode (agent, msg_id, engine_id, boots, time, key_user, NULL, level,
                              request->msg.context_name, poison);

        if (kind == SPOOF_WRONG_HMAC) {
                GsnmpMessageV3 msg = { 0, };
                gsize len;
                guint8 *data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);

                g_assert_true (gsnmp_message_v3_decode (data, len, &msg, NULL));
                g_assert_cmpuint (msg.auth_len, >, 0);
                data[msg.auth_offset + msg.auth_len - 1] ^= 0x01;
                gsnmp_message_v3_clear (&msg);
                bytes = g_bytes_new_take (data, len);
        }
        if (kind == SPOOF_OTHER_PORT) {
                if (agent->other_socket == NULL) {
                        g_autoptr(GError) error = NULL;

                        agent->other_socket = bind_loopback (agent->family, NULL, &error);
                        g_assert_no_error (error);
                }
                socket = agent->other_socket;
        }
        agent_send (socket, request->from, bytes);
}

/***************************************************************************/
/* Requests */

typedef struct {
        GsnmpPdu *pdu;
        GError   *error;
        gboolean  done;
        guint    *n_done;
        gboolean  is_set;
} Result;

static void
result_clear (Result *r)
{
        g_clear_pointer (&r->pdu, gsnmp_pdu_unref);
        g_clear_error (&r->error);
        memset (r, 0, sizeof *r);
}

static void
on_done (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
        Result *r = user_data;

        g_assert_false (r->done);
        if (r->is_set)
                r->pdu = gsnmp_engine_set_finish (GSNMP_ENGINE (source), res, &r->error);
        else
                r->pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), res, &r->error);
        g_assert_true ((r->pdu == NULL) != (r->error == NULL));
        r->done = TRUE;
        if (r->n_done != NULL)
                (*r->n_done)++;
}

static void
start_get (GsnmpEngine  *engine,
           GsnmpTarget  *target,
           const char   *oid_str,
           GCancellable *cancellable,
           Result       *r,
           guint        *n_done)
{
        g_autoptr(GsnmpOid) oid = test_oid (oid_str);

        memset (r, 0, sizeof *r);
        r->n_done = n_done;
        gsnmp_engine_get_async (engine, target, &oid, 1, cancellable, on_done, r);
        g_assert_false (r->done);
}

static void
assert_value (Result     *r,
              V3Agent    *agent,
              const char *oid_str)
{
        g_autofree char *expected = v3_agent_value (agent, oid_str);
        g_autofree char *value = NULL;
        g_autofree char *got_oid = NULL;
        GsnmpVarbind *vb;

        g_assert_true (r->done);
        g_assert_no_error (r->error);
        g_assert_nonnull (r->pdu);
        g_assert_cmpint (gsnmp_pdu_get_pdu_type (r->pdu), ==, GSNMP_PDU_TYPE_RESPONSE);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (r->pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (r->pdu), ==, 1);
        vb = gsnmp_pdu_get_varbind (r->pdu, 0);
        got_oid = gsnmp_oid_to_string (gsnmp_varbind_get_oid (vb));
        g_assert_cmpstr (got_oid, ==, oid_str);
        value = gsnmp_varbind_get_string (vb);
        g_assert_cmpstr (value, ==, expected);
}

/* One GET, run to completion. */
static void
get_sync (GsnmpEngine *engine,
          GsnmpTarget *target,
          const char  *oid,
          Result      *r)
{
        start_get (engine, target, oid, NULL, r, NULL);
        test_run_until (&r->done);
}

/* Lets the main loop run for @ms milliseconds (only where the clock itself
 * is what is tested). */
static gboolean
on_wait_done (gpointer data)
{
        *(gboolean *) data = TRUE;
        return G_SOURCE_REMOVE;
}

static void
run_for_ms (guint ms)
{
        gboolean done = FALSE;

        g_timeout_add (ms, on_wait_done, &done);
        test_run_until (&done);
}

/***************************************************************************/
/* The fixture: an engine and one IPv4 agent that knows every user */

typedef struct {
        GsnmpEngine *engine;
        V3Agent     *agent;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
        g_autoptr(GError) error = NULL;

        f->agent = v3_agent_new (G_SOCKET_FAMILY_IPV4, "agent", &error);
        g_assert_no_error (error);
        v3_agent_add_all_users (f->agent);
        f->engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
        if (f->engine != NULL) {
                g_assert_cmpuint (gsnmp_engine_get_n_pending (f->engine), ==, 0);
                while (g_main_context_iteration (NULL, FALSE))
                        ;
                g_object_add_weak_pointer (G_OBJECT (f->engine), (gpointer *) &f->engine);
                g_object_unref (f->engine);
                g_assert_null (f->engine);
        }
        g_clear_pointer (&f->agent, v3_agent_free);
}

#define V3_TEST_ADD(path, func) \
        g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)
#define V3_TEST_ADD_DATA(path, data, func) \
        g_test_add ((path), Fixture, (data), fixture_setup, (func), fixture_teardown)

/***************************************************************************/
/* GET at every level and with every protocol */

static void
test_get_user (Fixture       *f,
               gconstpointer  data)
{
        const char *key = data;
        GsnmpUsmUser *user = get_user (key);
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, user);
        g_autoptr(GPtrArray) sent = NULL;
        GsnmpSecurityLevel level = gsnmp_usm_user_get_security_level (user);
        V3Request *disc, *req;
        Result r;

        g_test_summary ("A GET with a user of each security level and protocol: one "
                        "discovery, then a request the agent can authenticate and "
                        "decrypt, and its protected response");

        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);

        /* a discovery (RFC 3414 §4): noAuthNoPriv, empty engine ID and user,
         * reportable, answered with the agent's engine ID, boots and time */
        g_assert_cmpuint (f->agent->requests->len, ==, 2);
        disc = v3_agent_get_request (f->agent, 0);
        g_assert_true (disc->discovery);
        g_assert_cmpuint (disc->msg.msg_flags, ==, GSNMP_V3_FLAG_REPORTABLE);
        g_assert_cmpuint (g_bytes_get_size (disc->msg.user_name), ==, 0);
        g_assert_nonnull (disc->msg.pdu);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (disc->msg.pdu), ==, 0);

        req = v3_agent_get_request (f->agent, 1);
        g_assert_cmpint (req->status, ==, USM_OK);
        g_assert_cmpint (req->level, ==, level);
        g_assert_true (req->msg.msg_flags & GSNMP_V3_FLAG_REPORTABLE);
        g_assert_cmpint (req->msg.msg_id, !=, disc->msg.msg_id);
        g_assert_true (g_bytes_equal (req->msg.engine_id, f->agent->engine_id));
        g_assert_true (g_bytes_equal (req->msg.context_engine_id, f->agent->engine_id));
        g_assert_cmpuint (g_bytes_get_size (req->msg.context_name), ==, 0);
        g_assert_cmpuint (req->msg.engine_boots, ==, f->agent->boots);
        g_assert_cmpuint (req->msg.engine_time, >=, AGENT_START_TIME);
        if (level == GSNMP_SECURITY_LEVEL_AUTH_PRIV) {
                gsize len;
                const guint8 *d = g_bytes_get_data (req->datagram, &len);

                g_assert_nonnull (req->msg.encrypted);
                /* the OID is not in clear text: 1.3.6.1.2.1.1.1.0 */
                g_assert_null (memmem (d, len, "\x06\x08\x2b\x06\x01\x02\x01\x01\x01\x00", 10));
        }

        /* a second request needs no discovery */
        get_sync (f->engine, target, SYS_NAME, &r);
        assert_value (&r, f->agent, SYS_NAME);
        result_clear (&r);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 1);
        sent = v3_agent_get_non_discovery (f->agent);
        g_assert_cmpuint (sent->len, ==, 2);
        g_assert_cmpuint (f->agent->n_responses, ==, 2);
}

static void
test_get_ipv6 (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(V3Agent) agent = v3_agent_new (G_SOCKET_FAMILY_IPV6, "agent6", &error);
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        Result r;

        if (agent == NULL) {
                g_test_skip ("no ::1");
                return;
        }
        v3_agent_add_user (agent, get_user ("aes"));
        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        target = v3_agent_new_target (agent, get_user ("aes"));

        get_sync (engine, target, SYS_DESCR, &r);
        assert_value (&r, agent, SYS_DESCR);
        result_clear (&r);
        g_assert_cmpuint (agent->n_discoveries, ==, 1);
}

static void
test_set (Fixture       *f,
          gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("aes256c"));
        g_autoptr(GsnmpOid) oid = test_oid (SYS_NAME);
        g_autoptr(GsnmpVarbind) vb = gsnmp_varbind_new_string (oid, "new name");
        g_autofree char *value = NULL;
        Result r = { 0, };

        r.is_set = TRUE;
        gsnmp_engine_set_async (f->engine, target, &vb, 1, NULL, on_done, &r);
        test_run_until (&r.done);
        g_assert_no_error (r.error);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (r.pdu), ==, 1);
        value = gsnmp_varbind_get_string (gsnmp_pdu_get_varbind (r.pdu, 0));
        g_assert_cmpstr (value, ==, "new name");
        result_clear (&r);
}

static void
test_context (Fixture       *f,
              gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha"));
        g_autoptr(GBytes) ctx_id = g_bytes_new_static ("\x80\x00\x1f\x88\x04" "ctxengine", 14);
        V3Request *req;
        Result r;

        gsnmp_target_set_context_name (target, "ctx1");
        gsnmp_target_set_context_engine_id (target, ctx_id);
        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);

        req = v3_agent_get_request (f->agent, 1);
        g_assert_cmpmem (g_bytes_get_data (req->msg.context_name, NULL),
                         g_bytes_get_size (req->msg.context_name), "ctx1", 4);
        g_assert_true (g_bytes_equal (req->msg.context_engine_id, ctx_id));
}

static void
test_localized_user (Fixture       *f,
                     gconstpointer  data)
{
        static const guint8 auth_key[20] = "0123456789abcdefghij";
        static const guint8 priv_key[16] = "ABCDEFGHIJKLMNOP";
        g_autoptr(GError) error = NULL;
        g_autoptr(V3Agent) other = v3_agent_new (G_SOCKET_FAMILY_IPV4, "other", &error);
        g_autoptr(GsnmpUsmUser) user = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpTarget) other_target = NULL;
        gsize id_len;
        const guint8 *id = g_bytes_get_data (f->agent->engine_id, &id_len);
        Result r;

        g_test_summary ("A user with keys localized for the agent's engine ID works with "
                        "it; with another agent the request fails with "
                        "GSNMP_ERROR_UNKNOWN_ENGINE_ID");

        g_assert_no_error (error);
        user = gsnmp_usm_user_new_localized ("loc", id, id_len,
                                             GSNMP_AUTH_PROTOCOL_SHA, auth_key, sizeof auth_key,
                                             GSNMP_PRIV_PROTOCOL_AES, priv_key, sizeof priv_key,
                                             &error);
        g_assert_no_error (error);
        v3_agent_add_user (f->agent, user);
        v3_agent_add_user (other, user);
        target = v3_agent_new_target (f->agent, user);
        other_target = v3_agent_new_target (other, user);

        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);

        get_sync (f->engine, other_target, SYS_DESCR, &r);
        g_assert_error (r.error, GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_ENGINE_ID);
        g_test_message ("%s", r.error->message);
        result_clear (&r);
        /* discovered, and nothing sent with keys of another engine */
        g_assert_cmpuint (other->n_discoveries, ==, 1);
        g_assert_cmpuint (other->requests->len, ==, 1);
}

/***************************************************************************/
/* Discovery */

static void
test_discovery_concurrent (Fixture       *f,
                           gconstpointer  data)
{
        enum { N = 64 };
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("aes"));
        g_autoptr(GsnmpTarget) target2 = v3_agent_new_target (f->agent, get_user ("sha512"));
        Result *r = g_new0 (Result, 2 * N);
        char oid[64];
        guint n_done = 0;

        g_test_summary ("Many first requests to a fresh agent, started before and while "
                        "its discovery is in flight, share one discovery exchange");

        f->agent->hold_discovery = TRUE;
        for (guint i = 0; i < N; i++) {
                g_snprintf (oid, sizeof oid, "1.3.6.1.4.1.99999.1.%u", i);
                start_get (f->engine, i % 2 ? target : target2, oid, NULL, &r[i], &n_done);
        }
        /* the discovery reaches the agent, which holds it */
        test_run_until_count (&f->agent->n_discoveries, 1);
        g_assert_cmpuint (f->agent->held->len, ==, 1);
        for (guint i = N; i < 2 * N; i++) {
                g_snprintf (oid, sizeof oid, "1.3.6.1.4.1.99999.1.%u", i);
                start_get (f->engine, i % 2 ? target : target2, oid, NULL, &r[i], &n_done);
        }
        g_assert_cmpuint (gsnmp_engine_get_n_pending (f->engine), ==, 2 * N);
        g_assert_cmpuint (n_done, ==, 0);
        /* nothing but the discovery was sent */
        g_assert_cmpuint (f->agent->requests->len, ==, 1);

        f->agent->hold_discovery = FALSE;
        v3_agent_release (f->agent);
        test_run_until_count (&n_done, 2 * N);

        for (guint i = 0; i < 2 * N; i++) {
                g_snprintf (oid, sizeof oid, "1.3.6.1.4.1.99999.1.%u", i);
                assert_value (&r[i], f->agent, oid);
                result_clear (&r[i]);
        }
        g_assert_cmpuint (f->agent->n_discoveries, ==, 1);
        g_assert_cmpuint (f->agent->requests->len, ==, 2 * N + 1);
        g_free (r);
}

typedef struct {
        V3Agent     *agent;
        GsnmpTarget *target;
        Result       r;
} ManyAgent;

/* Makes sure @n more descriptors can be opened; returns how many agents
 * fit. */
static guint
ensure_fd_limit (guint n)
{
        struct rlimit rl;
        rlim_t want = n + 256;

        if (getrlimit (RLIMIT_NOFILE, &rl) != 0)
                return n;
        if (rl.rlim_cur < want) {
                rlim_t old = rl.rlim_cur;

                rl.rlim_cur = MIN (want, rl.rlim_max);
                if (setrlimit (RLIMIT_NOFILE, &rl) != 0)
                        rl.rlim_cur = old;
                g_test_message ("raised the descriptor limit from %lu to %lu",
                                (gulong) old, (gulong) rl.rlim_cur);
        }
        if (rl.rlim_cur < want)
                return rl.rlim_cur > 256 ? (guint) (rl.rlim_cur - 256) : 0;
        return n;
}

static void
test_discovery_many_agents (void)
{
        guint n = 1000;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        ManyAgent *agents;
        guint n_done = 0;

        g_test_summary ("1,000 distinct agents discovered in parallel, one discovery "
                        "exchange each, and every request completes (issue 4's target)");

        n = ensure_fd_limit (n);
        if (n < 1000)
                g_test_message ("only %u agents fit under the descriptor limit", n);
        g_assert_cmpuint (n, >, 0);

        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);

        agents = g_new0 (ManyAgent, n);
        for (guint i = 0; i < n; i++) {
                g_autofree char *label = g_strdup_printf ("agent%u", i);

                agents[i].agent = v3_agent_new (G_SOCKET_FAMILY_IPV4, label, &error);
                g_assert_no_error (error);
                v3_agent_add_user (agents[i].agent, get_user ("aes"));
                agents[i].target = v3_agent_new_target (agents[i].agent, get_user ("aes"));
                /* a slow run (valgrind) must never retransmit a discovery */
                gsnmp_target_set_timeout (agents[i].target, 3 * TEST_LONG_TIMEOUT_MS);
        }
        g_test_message ("%u agents", n);
        for (guint i = 0; i < n; i++)
                start_get (engine, agents[i].target, SYS_DESCR, NULL, &agents[i].r, &n_done);
        test_run_until_count (&n_done, n);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (engine), ==, 0);

        for (guint i = 0; i < n; i++) {
                assert_value (&agents[i].r, agents[i].agent, SYS_DESCR);
                g_assert_cmpuint (agents[i].agent->n_discoveries, ==, 1);
                g_assert_cmpuint (agents[i].agent->requests->len, ==, 2);
                result_clear (&agents[i].r);
                g_object_unref (agents[i].target);
                v3_agent_free (agents[i].agent);
        }
        g_free (agents);
}

static void
test_discovery_timeout (Fixture       *f,
                        gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha"));
        Result r[3];
        guint n_done = 0;

        g_test_summary ("An agent that never answers discovery: every waiting request "
                        "fails with GSNMP_ERROR_DISCOVERY_FAILED after the discovery's retries, "
                        "and a later request discovers again");

        gsnmp_target_set_timeout (target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (target, 1);
        f->agent->black_hole_discovery = TRUE;
        for (guint i = 0; i < 3; i++)
                start_get (f->engine, target, SYS_DESCR, NULL, &r[i], &n_done);
        test_run_until_count (&n_done, 3);
        for (guint i = 0; i < 3; i++) {
                g_assert_error (r[i].error, GSNMP_ERROR, GSNMP_ERROR_DISCOVERY_FAILED);
                result_clear (&r[i]);
        }
        /* one discovery, sent twice (one retry) */
        g_assert_cmpuint (f->agent->n_discoveries, ==, 2);
        g_assert_cmpuint (f->agent->requests->len, ==, 2);

        f->agent->black_hole_discovery = FALSE;
        gsnmp_target_set_timeout (target, TEST_LONG_TIMEOUT_MS);
        get_sync (f->engine, target, SYS_DESCR, &r[0]);
        assert_value (&r[0], f->agent, SYS_DESCR);
        result_clear (&r[0]);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 3);
}

static void
test_discovery_n_pending (Fixture       *f,
                          gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha"));
        Result r;
        guint n_done = 0;

        g_test_summary ("One SNMPv3 GET to a new agent counts as one pending request while "
                        "its discovery is in flight: discoveries are not the caller's");

        f->agent->hold_discovery = TRUE;
        start_get (f->engine, target, SYS_DESCR, NULL, &r, &n_done);
        test_run_until_count (&f->agent->n_discoveries, 1);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (f->engine), ==, 1);

        f->agent->hold_discovery = FALSE;
        v3_agent_release (f->agent);
        test_run_until_count (&n_done, 1);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (f->engine), ==, 0);
}

typedef struct {
        gboolean  done;
        GBytes   *engine_id;
        GError   *error;
} DiscoverResult;

static void
on_discovered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
        DiscoverResult *d = user_data;

        d->engine_id = gsnmp_engine_discover_finish (GSNMP_ENGINE (source), result, &d->error);
        g_assert_true ((d->engine_id == NULL) != (d->error == NULL));
        d->done = TRUE;
}

static void
discover_sync (GsnmpEngine    *engine,
               GsnmpTarget    *target,
               DiscoverResult *d)
{
        memset (d, 0, sizeof *d);
        gsnmp_engine_discover_async (engine, target, NULL, on_discovered, d);
        g_assert_false (d->done);
        test_run_until (&d->done);
}

static void
test_discover_async (Fixture       *f,
                     gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha"));
        g_autoptr(GsnmpCommunity) community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C,
                                                                   "public");
        g_autoptr(GsnmpTarget) plain = NULL;
        g_autofree char *address = NULL;
        g_autoptr(GError) error = NULL;
        DiscoverResult d;
        Result r;

        g_test_summary ("gsnmp_engine_discover_async() returns the agent's engine ID "
                        "with one discovery exchange, any credentials on the target; "
                        "the requests that follow and a second discovery send none");

        address = g_strdup (gsnmp_target_get_address (target));
        plain = gsnmp_target_new (address, GSNMP_CREDENTIALS (community), &error);
        g_assert_no_error (error);

        discover_sync (f->engine, plain, &d);
        g_assert_no_error (d.error);
        g_assert_true (g_bytes_equal (d.engine_id, f->agent->engine_id));
        g_clear_pointer (&d.engine_id, g_bytes_unref);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 1);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (f->engine), ==, 0);

        /* known now: nothing sent */
        discover_sync (f->engine, target, &d);
        g_assert_no_error (d.error);
        g_assert_true (g_bytes_equal (d.engine_id, f->agent->engine_id));
        g_clear_pointer (&d.engine_id, g_bytes_unref);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 1);

        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 1);

        /* the entity's counters: the discovery's report and the response */
        g_assert_cmpuint (gsnmp_engine_get_counter (f->engine, GSNMP_COUNTER_IN_PKTS), ==, 2);
        g_assert_cmpuint (gsnmp_engine_get_counter (f->engine, GSNMP_COUNTER_IN_ASN_PARSE_ERRS),
                          ==, 0);
}

static void
test_discover_failed (Fixture       *f,
                      gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha"));
        DiscoverResult d;

        g_test_summary ("A discovery the agent never answers fails with "
                        "GSNMP_ERROR_DISCOVERY_FAILED after the target's retries");

        gsnmp_target_set_timeout (target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (target, 1);
        f->agent->black_hole_discovery = TRUE;
        discover_sync (f->engine, target, &d);
        g_assert_error (d.error, GSNMP_ERROR, GSNMP_ERROR_DISCOVERY_FAILED);
        g_test_message ("%s", d.error->message);
        g_clear_error (&d.error);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 2);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (f->engine), ==, 0);
}

/* A discovery answer from another port, or without an engine ID, is
 * dropped and the real one still counts. */
static gboolean
hook_bad_discovery_answers (V3Agent   *agent,
                            V3Request *request,
                            gpointer   data)
{
        if (request->discovery) {
                g_autoptr(GsnmpPdu) report = make_report (request, "1.3.6.1.6.3.15.1.1.4.0", 1);
                g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
                g_autoptr(GBytes) spoof_id = g_bytes_new_static ("\x80\x00\x1f\x88\x04" "spoofer", 12);
                g_autoptr(GBytes) no_id = agent_encode (agent, request->msg.msg_id, empty, 7, 7,
                                                        NULL, empty,
                                                        GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV,
                                                        empty, report);
                g_autoptr(GBytes) spoof = agent_encode (agent, request->msg.msg_id, spoof_id, 7, 7,
                                                        NULL, empty,
                                                        GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV,
                                                        empty, report);
                g_autoptr(GError) error = NULL;

                if (agent->other_socket == NULL) {
                        agent->other_socket = bind_loopback (agent->family, NULL, &error);
                        g_assert_no_error (error);
                }
                agent_send (agent->socket, request->from, no_id);
                agent_send (agent->other_socket, request->from, spoof);
        }
        return FALSE;
}

static void
test_discovery_bad_answers (Fixture       *f,
                            gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha"));
        V3Request *req;
        Result r;

        g_test_summary ("Discovery answers without an engine ID or from another port "
                        "are dropped; the agent's own report is used");

        f->agent->hook = hook_bad_discovery_answers;
        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);
        req = v3_agent_get_request (f->agent, 1);
        g_assert_true (g_bytes_equal (req->msg.engine_id, f->agent->engine_id));
        g_assert_cmpuint (f->agent->n_discoveries, ==, 1);
}

/***************************************************************************/
/* Retransmissions */

typedef struct {
        V3Request *first;       /* the first attempt, held */
        guint      n_attempts;
        gboolean   answer_second_late;
} RetryHook;

static gboolean
hook_answer_first_on_retry (V3Agent   *agent,
                            V3Request *request,
                            gpointer   data)
{
        RetryHook *h = data;

        if (request->discovery || request->status != USM_OK)
                return FALSE;
        h->n_attempts++;
        if (request->copy == 1) {
                h->first = request;   /* no answer yet */
                return TRUE;
        }
        if (request->copy == 2) {
                /* answer the first msgID; the second stays unanswered */
                v3_agent_answer (agent, h->first);
                return TRUE;
        }
        return TRUE;
}

static void
test_retry_new_msg_id (Fixture       *f,
                       gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("aes"));
        g_autoptr(GPtrArray) sent = NULL;
        RetryHook h = { 0, };
        V3Request *a1, *a2, *b;
        Result r, r2;

        g_test_summary ("A retransmission gets a new msgID and HMAC with the same "
                        "request-id; the late answer to the first msgID completes "
                        "the request; an answer to a msgID of a completed request "
                        "is dropped");

        /* discover first, so only the request retries */
        get_sync (f->engine, target, SYS_NAME, &r);
        assert_value (&r, f->agent, SYS_NAME);
        result_clear (&r);

        gsnmp_target_set_timeout (target, RETRY_TIMEOUT_MS);
        gsnmp_target_set_retries (target, 5);
        f->agent->hook = hook_answer_first_on_retry;
        f->agent->hook_data = &h;
        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);
        f->agent->hook = NULL;

        sent = v3_agent_get_non_discovery (f->agent);
        g_assert_cmpuint (sent->len, >=, 3);
        a1 = g_ptr_array_index (sent, 1);
        a2 = g_ptr_array_index (sent, 2);
        g_assert_cmpint (a1->status, ==, USM_OK);
        g_assert_cmpint (a2->status, ==, USM_OK);
        g_assert_cmpint (a1->request_id, ==, a2->request_id);
        g_assert_cmpuint (a2->copy, ==, 2);
        g_assert_cmpint (a1->msg.msg_id, !=, a2->msg.msg_id);
        g_assert_false (g_bytes_equal (a1->datagram, a2->datagram));

        /* The answer to the second msgID, poisoned and carrying the request-id
         * of a request now pending: dropped (msgID of a completed request).
         * Then the pending request gets its own answer. */
        f->agent->hold = TRUE;
        start_get (f->engine, target, SYS_LOCATION_OID, NULL, &r2, NULL);
        while (f->agent->held->len == 0)
                g_main_context_iteration (NULL, TRUE);
        b = g_ptr_array_index (f->agent->held, 0);
        {
                g_autoptr(GsnmpPdu) poison = build_response (f->agent, b->msg.pdu, TRUE);
                g_autoptr(GBytes) bytes = agent_encode (f->agent, a2->msg.msg_id,
                                                        f->agent->engine_id, f->agent->boots,
                                                        v3_agent_time (f->agent), a2->user, NULL,
                                                        a2->level, a2->msg.context_name, poison);

                agent_send (f->agent->socket, a2->from, bytes);
        }
        f->agent->hold = FALSE;
        v3_agent_release (f->agent);
        test_run_until (&r2.done);
        assert_value (&r2, f->agent, SYS_LOCATION_OID);
        result_clear (&r2);
}

/***************************************************************************/
/* Time windows */

static void
test_time_advances (Fixture       *f,
                    gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha256"));
        g_autoptr(GPtrArray) sent = NULL;
        V3Request *first, *second;
        guint32 discovered;
        Result r;

        g_test_summary ("The engine's idea of the agent's snmpEngineTime advances with "
                        "the local clock (RFC 3414 §2.3)");

        v3_agent_set_clock (f->agent, 7, 50000);
        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);
        discovered = 50000;

        /* more than a second of the local clock */
        run_for_ms (1100);

        get_sync (f->engine, target, SYS_NAME, &r);
        assert_value (&r, f->agent, SYS_NAME);
        result_clear (&r);

        sent = v3_agent_get_non_discovery (f->agent);
        g_assert_cmpuint (sent->len, ==, 2);
        first = g_ptr_array_index (sent, 0);
        second = g_ptr_array_index (sent, 1);
        g_assert_cmpuint (first->msg.engine_boots, ==, 7);
        g_assert_cmpuint (second->msg.engine_boots, ==, 7);
        g_assert_cmpuint (first->msg.engine_time, >=, discovered);
        g_assert_cmpuint (second->msg.engine_time, >=, first->msg.engine_time);
        g_assert_cmpuint (second->msg.engine_time, >=, discovered + 1);
}

/* node-net-snmp and gosnmp kept the agent's snmpEngineTime from discovery
 * and stopped working 150 s later (RFC 3414 §3.2 step 7: the time window).
 * With the simulated clock, the session runs for 20 minutes of engine
 * time and never gets a notInTimeWindow report. */
static void
test_time_past_150s (Fixture       *f,
                     gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("aes256"));
        g_autoptr(GPtrArray) sent = NULL;
        guint32 discovered;
        Result r;

        g_test_summary ("An SNMPv3 session keeps working past 150 s of engine time, "
                        "without a notInTimeWindow report or a new discovery");

        v3_agent_set_clock (f->agent, 3, 1000);
        discovered = 1000;
        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);

        for (guint step = 1; step <= 8; step++) {
                /* 151 s, then 2.5 minutes at a time, on both clocks */
                clock_offset_us += (step == 1 ? 151 : 150) * G_USEC_PER_SEC;
                get_sync (f->engine, target, step % 2 ? SYS_NAME : SYS_DESCR, &r);
                assert_value (&r, f->agent, step % 2 ? SYS_NAME : SYS_DESCR);
                result_clear (&r);
        }

        sent = v3_agent_get_non_discovery (f->agent);
        g_assert_cmpuint (sent->len, ==, 9);
        for (guint i = 0; i < sent->len; i++) {
                V3Request *req = g_ptr_array_index (sent, i);

                g_assert_cmpint (req->status, ==, USM_OK);
                g_assert_cmpuint (req->msg.engine_boots, ==, 3);
        }
        g_assert_cmpuint (((V3Request *) g_ptr_array_index (sent, 8))->msg.engine_time, >=,
                          discovered + 151 + 7 * 150);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 1);
}

typedef enum {
        CLOCK_REBOOT,         /* boots + 1, time from 0 */
        CLOCK_JUMP,           /* same boots, time + 1000 */
} ClockChange;

static void
test_not_in_time_window_resync (Fixture       *f,
                                gconstpointer  data)
{
        ClockChange change = GPOINTER_TO_INT (data);
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("aes256"));
        g_autoptr(GPtrArray) sent = NULL;
        V3Request *stale, *fresh;
        guint32 boots, time;
        Result r;

        g_test_summary ("After the agent rebooted or its clock jumped, its authenticated "
                        "notInTimeWindow report resynchronises the engine, which resends "
                        "once and succeeds");

        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);

        if (change == CLOCK_REBOOT) {
                boots = f->agent->boots + 1;
                time = 3;
        } else {
                boots = f->agent->boots;
                time = v3_agent_time (f->agent) + 1000;
        }
        v3_agent_set_clock (f->agent, boots, time);

        get_sync (f->engine, target, SYS_NAME, &r);
        assert_value (&r, f->agent, SYS_NAME);
        result_clear (&r);

        sent = v3_agent_get_non_discovery (f->agent);
        g_assert_cmpuint (sent->len, ==, 3);
        stale = g_ptr_array_index (sent, 1);
        fresh = g_ptr_array_index (sent, 2);
        g_assert_cmpint (stale->status, ==, USM_NOT_IN_TIME_WINDOW);
        g_assert_cmpint (fresh->status, ==, USM_OK);
        g_assert_cmpint (stale->request_id, ==, -1);  /* encrypted: never read */
        g_assert_cmpint (fresh->msg.msg_id, !=, stale->msg.msg_id);
        g_assert_cmpuint (fresh->msg.engine_boots, ==, boots);
        g_assert_cmpuint (fresh->msg.engine_time, >=, time);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 1);

        /* the engine stays in sync */
        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);
        g_assert_cmpuint (f->agent->requests->len, ==, 5);
}

/* Every request gets an authenticated notInTimeWindow report with the
 * agent's (correct) clock. */
static gboolean
hook_always_not_in_time_window (V3Agent   *agent,
                                V3Request *request,
                                gpointer   data)
{
        if (request->discovery || request->user == NULL)
                return FALSE;
        v3_agent_send_report (agent, request, "1.3.6.1.6.3.15.1.1.2.0",
                              GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV);
        return TRUE;
}

static void
test_not_in_time_window_twice (Fixture       *f,
                               gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha"));
        g_autoptr(GPtrArray) sent = NULL;
        Result r;

        g_test_summary ("A second notInTimeWindow report after the resynchronisation "
                        "fails the request with GSNMP_ERROR_NOT_IN_TIME_WINDOW");

        f->agent->hook = hook_always_not_in_time_window;
        get_sync (f->engine, target, SYS_DESCR, &r);
        g_assert_error (r.error, GSNMP_ERROR, GSNMP_ERROR_NOT_IN_TIME_WINDOW);
        result_clear (&r);
        sent = v3_agent_get_non_discovery (f->agent);
        /* the request and one resend */
        g_assert_cmpuint (sent->len, ==, 2);
}

/* An unauthenticated notInTimeWindow report claiming a later boot. */
static gboolean
hook_unauthenticated_not_in_time_window (V3Agent   *agent,
                                         V3Request *request,
                                         gpointer   data)
{
        guint *n = data;

        if (request->discovery || request->user == NULL || (*n)++ > 0)
                return FALSE;
        v3_agent_send_report_full (agent, request, request->msg.msg_id,
                                   "1.3.6.1.6.3.15.1.1.2.0",
                                   GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV,
                                   agent->boots + 5, 1);
        return TRUE;
}

static void
test_not_in_time_window_unauthenticated (Fixture       *f,
                                         gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha"));
        g_autoptr(GPtrArray) sent = NULL;
        V3Request *next;
        guint n = 0;
        Result r;

        g_test_summary ("An unauthenticated notInTimeWindow report ends the request it "
                        "answers but changes neither boots nor time, and is not "
                        "retried");

        f->agent->hook = hook_unauthenticated_not_in_time_window;
        f->agent->hook_data = &n;
        get_sync (f->engine, target, SYS_DESCR, &r);
        g_assert_error (r.error, GSNMP_ERROR, GSNMP_ERROR_NOT_IN_TIME_WINDOW);
        result_clear (&r);

        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);
        sent = v3_agent_get_non_discovery (f->agent);
        g_assert_cmpuint (sent->len, ==, 2);
        next = g_ptr_array_index (sent, 1);
        g_assert_cmpuint (next->msg.engine_boots, ==, f->agent->boots);
}

/***************************************************************************/
/* Reports mapped to errors */

typedef struct {
        const char *user;
        const char *context;        /* NULL: "" */
        gint        error_code;
        UsmStatus   agent_status;   /* what the agent found */
} ReportCase;

static const ReportCase report_cases[] = {
        { "nobody",         NULL,        GSNMP_ERROR_UNKNOWN_USER_NAME, USM_UNKNOWN_USER_NAME },
        { "sha-wrongpass",  NULL,        GSNMP_ERROR_WRONG_DIGEST, USM_WRONG_DIGEST },
        { "sha-wrongproto", NULL,        GSNMP_ERROR_WRONG_DIGEST, USM_WRONG_DIGEST },
        { "nanp-auth",      NULL,        GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL, USM_UNSUPPORTED_SEC_LEVEL },
        { "md5-priv",       NULL,        GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL, USM_UNSUPPORTED_SEC_LEVEL },
        { "aes-wrongpriv",  NULL,        GSNMP_ERROR_DECRYPTION_ERROR, USM_DECRYPTION_ERROR },
        { "aes",            "nosuchctx", GSNMP_ERROR_UNKNOWN_CONTEXT, USM_OK },
        { "sha",            "nosuchctx", GSNMP_ERROR_UNKNOWN_CONTEXT, USM_OK },
        { "nanp",           "nosuchctx", GSNMP_ERROR_UNKNOWN_CONTEXT, USM_OK },
        { "aes",            "down",      GSNMP_ERROR_UNAVAILABLE_CONTEXT, USM_OK },
};

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
        const ReportCase *c = data;
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user (c->user));
        g_autoptr(GPtrArray) sent = NULL;
        V3Request *req;
        Result r;

        g_test_summary ("A report from the agent ends the request with the matching "
                        "GSNMP_ERROR code, without retries");

        f->agent->unavailable_context = g_strdup ("down");
        if (c->context != NULL)
                gsnmp_target_set_context_name (target, c->context);
        get_sync (f->engine, target, SYS_DESCR, &r);
        g_assert_error (r.error, GSNMP_ERROR, c->error_code);
        g_test_message ("%s", r.error->message);
        result_clear (&r);

        sent = v3_agent_get_non_discovery (f->agent);
        g_assert_cmpuint (sent->len, ==, 1);
        req = g_ptr_array_index (sent, 0);
        g_assert_cmpint (req->status, ==, c->agent_status);

        /* the engine still works for a good user */
        {
                g_autoptr(GsnmpTarget) good = v3_agent_new_target (f->agent, get_user ("aes"));

                get_sync (f->engine, good, SYS_DESCR, &r);
                assert_value (&r, f->agent, SYS_DESCR);
                result_clear (&r);
                g_assert_cmpuint (f->agent->n_discoveries, ==, 1);
        }
}

static void
test_report_unknown_engine_id (Fixture       *f,
                               gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("aes"));
        g_autoptr(GBytes) old_id = g_bytes_ref (f->agent->engine_id);
        g_autoptr(GPtrArray) sent = NULL;
        V3Request *req;
        Result r;

        g_test_summary ("An agent whose engine ID changed answers unknownEngineID: the "
                        "request fails with GSNMP_ERROR_UNKNOWN_ENGINE_ID and the next "
                        "request discovers the new engine ID");

        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);

        v3_agent_set_engine_id (f->agent, "replaced");
        v3_agent_set_clock (f->agent, 1, 20);
        get_sync (f->engine, target, SYS_DESCR, &r);
        g_assert_error (r.error, GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_ENGINE_ID);
        result_clear (&r);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 1);

        get_sync (f->engine, target, SYS_NAME, &r);
        assert_value (&r, f->agent, SYS_NAME);
        result_clear (&r);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 2);

        sent = v3_agent_get_non_discovery (f->agent);
        g_assert_cmpuint (sent->len, ==, 3);
        req = g_ptr_array_index (sent, 1);
        g_assert_true (g_bytes_equal (req->msg.engine_id, old_id));
        g_assert_cmpint (req->status, ==, USM_UNKNOWN_ENGINE_ID);
        req = g_ptr_array_index (sent, 2);
        g_assert_true (g_bytes_equal (req->msg.engine_id, f->agent->engine_id));
        g_assert_cmpint (req->status, ==, USM_OK);
}

/* The first request A gets unknownEngineID; the first attempt of B is
 * dropped, so B retransmits after the engine forgot the engine ID. */
typedef struct {
        gboolean a_reported;
        guint    n_b;
} InFlightHook;

static gboolean
hook_engine_id_in_flight (V3Agent   *agent,
                          V3Request *request,
                          gpointer   data)
{
        InFlightHook *h = data;

        if (request->discovery)
                return FALSE;
        if (request->status == USM_UNKNOWN_ENGINE_ID && !h->a_reported) {
                /* A: the report */
                h->a_reported = TRUE;
                return FALSE;
        }
        if (h->n_b++ == 0)
                return TRUE;   /* B's first attempt: lost */
        return FALSE;
}

static void
test_report_unknown_engine_id_in_flight (Fixture       *f,
                                         gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha"));
        g_autoptr(GsnmpTarget) retry_target = v3_agent_new_target (f->agent, get_user ("sha"));
        InFlightHook h = { 0, };
        guint n_done = 0;
        Result a, b;

        g_test_summary ("A request in flight when another request's unknownEngineID "
                        "report made the engine forget the agent's engine ID: its "
                        "retransmission neither crashes nor hangs");

        /* in a child, so that a crash fails this case only */
        if (!g_test_subprocess ()) {
                g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
                if (!g_test_trap_has_passed ())
                        g_test_fail_printf ("the engine crashed or failed: see the "
                                            "child's messages above");
                return;
        }

        get_sync (f->engine, target, SYS_DESCR, &a);
        assert_value (&a, f->agent, SYS_DESCR);
        result_clear (&a);

        v3_agent_set_engine_id (f->agent, "replaced");
        f->agent->hook = hook_engine_id_in_flight;
        f->agent->hook_data = &h;
        gsnmp_target_set_timeout (retry_target, RETRY_TIMEOUT_MS);
        gsnmp_target_set_retries (retry_target, 3);
        start_get (f->engine, target, SYS_DESCR, NULL, &a, &n_done);
        start_get (f->engine, retry_target, SYS_NAME, NULL, &b, &n_done);
        test_run_until_count (&n_done, 2);

        g_assert_error (a.error, GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_ENGINE_ID);
        /* B either failed cleanly with the same error or was rediscovered */
        if (b.error != NULL) {
                g_test_message ("B: %s", b.error->message);
                g_assert_true (g_error_matches (b.error, GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_ENGINE_ID) ||
                               g_error_matches (b.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT));
        } else {
                assert_value (&b, f->agent, SYS_NAME);
        }
        result_clear (&a);
        result_clear (&b);
}

/***************************************************************************/
/* Unauthenticated reports and spoofed answers */

static void
test_unauthenticated_report (Fixture       *f,
                             gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("aes"));
        V3Request *old, *a;
        guint n_done = 0;
        Result r, ra, rb;

        g_test_summary ("An unauthenticated report whose msgID matches no pending request "
                        "is dropped; one that matches a pending request ends only that "
                        "request");

        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);
        old = v3_agent_get_request (f->agent, 1);

        f->agent->hold = TRUE;
        start_get (f->engine, target, SYS_DESCR, NULL, &ra, &n_done);
        start_get (f->engine, target, SYS_NAME, NULL, &rb, &n_done);
        while (f->agent->held->len < 2)
                g_main_context_iteration (NULL, TRUE);
        a = g_ptr_array_index (f->agent->held, 0);

        /* reports for the completed request's msgID, and for a msgID never used */
        v3_agent_send_report (f->agent, old, "1.3.6.1.6.3.15.1.1.3.0",
                              GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV);
        v3_agent_send_report_full (f->agent, a, G_MAXINT32 - 3, "1.3.6.1.6.3.15.1.1.5.0",
                                   GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV, G_MAXUINT32, 0);
        /* a wrongDigest report for A */
        v3_agent_send_report (f->agent, a, "1.3.6.1.6.3.15.1.1.5.0",
                              GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV);
        test_run_until_count (&n_done, 1);
        g_assert_true (ra.done);
        g_assert_error (ra.error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST);
        g_assert_false (rb.done);

        /* B gets its real answer */
        g_ptr_array_remove_index (f->agent->held, 0);
        f->agent->hold = FALSE;
        v3_agent_release (f->agent);
        test_run_until (&rb.done);
        assert_value (&rb, f->agent, SYS_NAME);
        result_clear (&ra);
        result_clear (&rb);
}

static const struct {
        const char *path;
        SpoofKind   kind;
        const char *user;
} spoof_cases[] = {
        { "/gsnmp/engine-v3/spoof/wrong-hmac",        SPOOF_WRONG_HMAC,       "aes" },
        { "/gsnmp/engine-v3/spoof/wrong-hmac-auth",   SPOOF_WRONG_HMAC,       "sha512" },
        { "/gsnmp/engine-v3/spoof/wrong-user",        SPOOF_WRONG_USER,       "aes" },
        { "/gsnmp/engine-v3/spoof/wrong-engine-id",   SPOOF_WRONG_ENGINE_ID,  "aes" },
        { "/gsnmp/engine-v3/spoof/downgraded-no-auth", SPOOF_NO_AUTH,         "aes" },
        { "/gsnmp/engine-v3/spoof/downgraded-no-auth-from-auth", SPOOF_NO_AUTH, "sha" },
        { "/gsnmp/engine-v3/spoof/downgraded-no-priv", SPOOF_NO_PRIV,         "aes" },
        { "/gsnmp/engine-v3/spoof/old-boots",         SPOOF_OLD_BOOTS,        "aes" },
        { "/gsnmp/engine-v3/spoof/old-time",          SPOOF_OLD_TIME,         "aes" },
        { "/gsnmp/engine-v3/spoof/other-port",        SPOOF_OTHER_PORT,       "aes" },
        { "/gsnmp/engine-v3/spoof/wrong-msg-id",      SPOOF_WRONG_MSG_ID,     "aes" },
        { "/gsnmp/engine-v3/spoof/wrong-request-id",  SPOOF_WRONG_REQUEST_ID, "aes" },
};

typedef struct {
        SpoofKind kind;
        guint     n_spoofed;
} SpoofHook;

static gboolean
hook_spoof_first (V3Agent   *agent,
                  V3Request *request,
                  gpointer   data)
{
        SpoofHook *h = data;

        if (request->discovery || request->status != USM_OK)
                return FALSE;
        v3_agent_send_spoof (agent, request, h->kind);
        h->n_spoofed++;
        return FALSE;   /* then the real answer */
}

static void
test_spoof (Fixture       *f,
            gconstpointer  data)
{
        guint i = GPOINTER_TO_UINT (data);
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user (spoof_cases[i].user));
        SpoofHook h = { spoof_cases[i].kind, 0 };
        Result r;

        g_test_summary ("A poisoned answer the engine must not accept, sent just before "
                        "the real one, is dropped: the request completes with the real "
                        "answer");

        /* a reboot in the past, so that answers from an earlier boot exist */
        v3_agent_set_clock (f->agent, 5, AGENT_START_TIME);
        get_sync (f->engine, target, SYS_NAME, &r);
        assert_value (&r, f->agent, SYS_NAME);
        result_clear (&r);

        f->agent->hook = hook_spoof_first;
        f->agent->hook_data = &h;
        get_sync (f->engine, target, SYS_DESCR, &r);
        assert_value (&r, f->agent, SYS_DESCR);
        result_clear (&r);
        g_assert_cmpuint (h.n_spoofed, ==, 1);
        /* no retransmission was needed */
        g_assert_cmpuint (f->agent->requests->len, ==, 3);
}

/***************************************************************************/
/* Cancellation and close while waiting for discovery */

static void
test_cancel_during_discovery (Fixture       *f,
                              gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("aes"));
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        guint n_done = 0;
        Result r[3];

        g_test_summary ("Cancelling requests that wait for discovery ends them with "
                        "G_IO_ERROR_CANCELLED; the discovery and the others go on");

        f->agent->hold_discovery = TRUE;
        start_get (f->engine, target, SYS_DESCR, cancellable, &r[0], &n_done);
        start_get (f->engine, target, SYS_NAME, NULL, &r[1], &n_done);
        start_get (f->engine, target, SYS_LOCATION_OID, cancellable, &r[2], &n_done);
        test_run_until_count (&f->agent->n_discoveries, 1);

        g_cancellable_cancel (cancellable);
        test_run_until_count (&n_done, 2);
        g_assert_error (r[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_error (r[2].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_false (r[1].done);

        f->agent->hold_discovery = FALSE;
        v3_agent_release (f->agent);
        test_run_until (&r[1].done);
        assert_value (&r[1], f->agent, SYS_NAME);
        for (guint i = 0; i < 3; i++)
                result_clear (&r[i]);
        /* the cancelled requests were never sent */
        g_assert_cmpuint (f->agent->requests->len, ==, 2);
}

static void
test_cancel_all_during_discovery (Fixture       *f,
                                  gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("sha"));
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        guint n_done = 0;
        Result r[2];

        g_test_summary ("When every waiting request was cancelled, the discovery still "
                        "completes and its result serves the next request");

        f->agent->hold_discovery = TRUE;
        start_get (f->engine, target, SYS_DESCR, cancellable, &r[0], &n_done);
        start_get (f->engine, target, SYS_NAME, cancellable, &r[1], &n_done);
        test_run_until_count (&f->agent->n_discoveries, 1);
        g_cancellable_cancel (cancellable);
        test_run_until_count (&n_done, 2);
        for (guint i = 0; i < 2; i++) {
                g_assert_error (r[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
                result_clear (&r[i]);
        }

        f->agent->hold_discovery = FALSE;
        v3_agent_release (f->agent);
        /* the discovery answer arrives and is taken */
        while (gsnmp_engine_get_n_pending (f->engine) > 0)
                g_main_context_iteration (NULL, TRUE);

        get_sync (f->engine, target, SYS_DESCR, &r[0]);
        assert_value (&r[0], f->agent, SYS_DESCR);
        result_clear (&r[0]);
        g_assert_cmpuint (f->agent->n_discoveries, ==, 1);
}

static void
test_close_during_discovery (Fixture       *f,
                             gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = v3_agent_new_target (f->agent, get_user ("aes"));
        guint n_done = 0;
        Result r[4];

        g_test_summary ("Closing the engine while requests wait for discovery ends them "
                        "with G_IO_ERROR_CLOSED, and nothing is left behind");

        f->agent->hold_discovery = TRUE;
        for (guint i = 0; i < 4; i++)
                start_get (f->engine, target, SYS_DESCR, NULL, &r[i], &n_done);
        test_run_until_count (&f->agent->n_discoveries, 1);

        gsnmp_engine_close (f->engine);
        test_run_until_count (&n_done, 4);
        for (guint i = 0; i < 4; i++) {
                g_assert_error (r[i].error, G_IO_ERROR, G_IO_ERROR_CLOSED);
                result_clear (&r[i]);
        }
        g_assert_cmpuint (gsnmp_engine_get_n_pending (f->engine), ==, 0);

        /* the discovery answer comes to a closed engine */
        f->agent->hold_discovery = FALSE;
        v3_agent_release (f->agent);

        /* and a new request fails at once */
        start_get (f->engine, target, SYS_DESCR, NULL, &r[0], NULL);
        test_run_until (&r[0].done);
        g_assert_error (r[0].error, G_IO_ERROR, G_IO_ERROR_CLOSED);
        result_clear (&r[0]);
}

static void
test_dispose_during_discovery (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(V3Agent) agent = v3_agent_new (G_SOCKET_FAMILY_IPV4, "agent", &error);
        g_autoptr(GsnmpTarget) target = NULL;
        GsnmpEngine *engine;
        guint n_done = 0;
        Result r[2];

        g_test_summary ("g_object_run_dispose() on an engine whose requests wait for "
                        "discovery ends them with G_IO_ERROR_CLOSED and frees the engine");

        g_assert_no_error (error);
        v3_agent_add_user (agent, get_user ("sha"));
        target = v3_agent_new_target (agent, get_user ("sha"));
        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);

        agent->black_hole_discovery = TRUE;
        for (guint i = 0; i < 2; i++)
                start_get (engine, target, SYS_DESCR, NULL, &r[i], &n_done);
        test_run_until_count (&agent->n_discoveries, 1);

        g_object_run_dispose (G_OBJECT (engine));
        test_run_until_count (&n_done, 2);
        for (guint i = 0; i < 2; i++) {
                g_assert_error (r[i].error, G_IO_ERROR, G_IO_ERROR_CLOSED);
                result_clear (&r[i]);
        }
        while (g_main_context_iteration (NULL, FALSE))
                ;
        /* (run_dispose clears weak pointers: add it only now) */
        g_object_add_weak_pointer (G_OBJECT (engine), (gpointer *) &engine);
        g_object_unref (engine);
        g_assert_null (engine);
}

/***************************************************************************/
/* The local engine */

static void
assert_engine_id_shape (GBytes *id)
{
        gsize len, i;
        const guint8 *d = g_bytes_get_data (id, &len);
        gboolean all_zero = TRUE, all_ff = TRUE;

        /* RFC 3411 §5 SnmpEngineID: 5 to 32 octets, not all 0 nor all ff;
         * the first bit set means the RFC 3411 format: enterprise number,
         * then a format octet (1-5 defined, 128-255 enterprise specific) */
        g_assert_cmpuint (len, >=, 5);
        g_assert_cmpuint (len, <=, 32);
        for (i = 0; i < len; i++) {
                all_zero = all_zero && d[i] == 0;
                all_ff = all_ff && d[i] == 0xff;
        }
        g_assert_false (all_zero);
        g_assert_false (all_ff);
        g_assert_cmpuint (d[0] & 0x80, ==, 0x80);
        g_assert_cmpuint (len, >=, 6);
        g_assert_true ((d[4] >= 1 && d[4] <= 5) || d[4] >= 128);
        if (d[4] == 5)   /* octets: 1 to 27 of them */
                g_assert_cmpuint (len - 5, <=, 27);
}

static void
test_local_no_state_file (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) a = gsnmp_engine_new (&error);
        g_autoptr(GsnmpEngine) b = NULL;
        g_autoptr(GBytes) prop_id = NULL;
        g_autofree char *state_file = NULL;
        guint boots = 0;

        g_test_summary ("Without a state file the engine has boots 1 and a fresh "
                        "RFC 3411 engine ID, different for each engine");

        g_assert_no_error (error);
        b = gsnmp_engine_new (&error);
        g_assert_no_error (error);

        g_assert_cmpuint (gsnmp_engine_get_engine_boots (a), ==, 1);
        g_assert_cmpuint (gsnmp_engine_get_engine_boots (b), ==, 1);
        assert_engine_id_shape (gsnmp_engine_get_engine_id (a));
        assert_engine_id_shape (gsnmp_engine_get_engine_id (b));
        g_assert_false (g_bytes_equal (gsnmp_engine_get_engine_id (a),
                                       gsnmp_engine_get_engine_id (b)));

        g_object_get (a, "engine-id", &prop_id, "engine-boots", &boots,
                      "state-file", &state_file, NULL);
        g_assert_true (g_bytes_equal (prop_id, gsnmp_engine_get_engine_id (a)));
        g_assert_cmpuint (boots, ==, 1);
        g_assert_null (state_file);
        g_assert_cmpuint (gsnmp_engine_get_engine_time (a), <, 60);
}

static void
test_local_state_file (void)
{
        g_autoptr(GError) error = NULL;
        g_autofree char *dir = g_dir_make_tmp ("gsnmp-test-XXXXXX", &error);
        g_autofree char *path = NULL;
        g_autofree char *prop = NULL;
        g_autoptr(GBytes) first_id = NULL;

        g_test_summary ("With a state file the engine ID persists and boots goes 1, 2, 3 "
                        "across engines");

        g_assert_no_error (error);
        path = g_build_filename (dir, "engine.state", NULL);

        for (guint i = 1; i <= 3; i++) {
                g_autoptr(GsnmpEngine) engine = gsnmp_engine_new_with_state_file (path, &error);

                g_assert_no_error (error);
                g_assert_nonnull (engine);
                g_assert_cmpuint (gsnmp_engine_get_engine_boots (engine), ==, i);
                assert_engine_id_shape (gsnmp_engine_get_engine_id (engine));
                if (first_id == NULL)
                        first_id = g_bytes_ref (gsnmp_engine_get_engine_id (engine));
                else
                        g_assert_true (g_bytes_equal (first_id, gsnmp_engine_get_engine_id (engine)));
                if (i == 1) {
                        g_object_get (engine, "state-file", &prop, NULL);
                        g_assert_cmpstr (prop, ==, path);
                }
        }

        /* another file, another engine ID */
        {
                g_autofree char *path2 = g_build_filename (dir, "other.state", NULL);
                g_autoptr(GsnmpEngine) engine = gsnmp_engine_new_with_state_file (path2, &error);

                g_assert_no_error (error);
                g_assert_cmpuint (gsnmp_engine_get_engine_boots (engine), ==, 1);
                g_assert_false (g_bytes_equal (first_id, gsnmp_engine_get_engine_id (engine)));
                g_assert_cmpint (g_unlink (path2), ==, 0);
        }

        g_assert_cmpint (g_unlink (path), ==, 0);
        g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static GsnmpEngine *
engine_with_id (const char *state_file,
                GBytes     *id,
                GError    **error)
{
        return g_initable_new (GSNMP_TYPE_ENGINE, NULL, error, "state-file", state_file,
                               "engine-id", id, NULL);
}

static void
test_local_engine_id (void)
{
        static const guint8 id_a[] = { 0x80, 0x00, 0x1f, 0x88, 0x04, 'a', 'a' };
        static const guint8 id_b[] = { 0x80, 0x00, 0x1f, 0x88, 0x04, 'b', 'b', 'b' };
        g_autoptr(GBytes) a = g_bytes_new_static (id_a, sizeof id_a);
        g_autoptr(GBytes) b = g_bytes_new_static (id_b, sizeof id_b);
        g_autoptr(GBytes) short_id = g_bytes_new_static (id_a, 4);
        g_autoptr(GBytes) long_id = g_bytes_new_take (g_malloc0 (33), 33);
        g_autoptr(GError) error = NULL;
        g_autofree char *dir = g_dir_make_tmp ("gsnmp-test-XXXXXX", &error);
        g_autofree char *path = NULL;
        g_autofree char *contents = NULL;
        GsnmpEngine *engine;
        GBytes *prop = NULL;

        g_test_summary ("An engine ID given at construction: taken as is without a state "
                        "file; with one it wins, boots restarts at 1 when it changes and "
                        "grows while it stays; 4 or 33 octets are refused");

        g_assert_no_error (error);
        path = g_build_filename (dir, "engine.state", NULL);

        engine = engine_with_id (NULL, a, &error);
        g_assert_no_error (error);
        g_assert_true (g_bytes_equal (gsnmp_engine_get_engine_id (engine), a));
        g_assert_cmpuint (gsnmp_engine_get_engine_boots (engine), ==, 1);
        g_object_get (engine, "engine-id", &prop, NULL);
        g_assert_true (g_bytes_equal (prop, a));
        g_clear_pointer (&prop, g_bytes_unref);
        g_clear_object (&engine);

        /* a file made with its own random ID, started twice */
        for (guint i = 0; i < 2; i++) {
                engine = gsnmp_engine_new_with_state_file (path, &error);
                g_assert_no_error (error);
                g_clear_object (&engine);
        }
        /* the given ID replaces it: boots 1, then 2, 3 while it stays */
        for (guint i = 1; i <= 3; i++) {
                engine = engine_with_id (path, a, &error);
                g_assert_no_error (error);
                g_assert_true (g_bytes_equal (gsnmp_engine_get_engine_id (engine), a));
                g_assert_cmpuint (gsnmp_engine_get_engine_boots (engine), ==, i);
                g_clear_object (&engine);
        }
        g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
        g_assert_nonnull (strstr (contents, "id=80001f88046161\n"));
        g_clear_pointer (&contents, g_free);
        /* the file keeps it for an engine made without one */
        engine = gsnmp_engine_new_with_state_file (path, &error);
        g_assert_no_error (error);
        g_assert_true (g_bytes_equal (gsnmp_engine_get_engine_id (engine), a));
        g_assert_cmpuint (gsnmp_engine_get_engine_boots (engine), ==, 4);
        g_clear_object (&engine);
        /* another ID: boots starts again */
        engine = engine_with_id (path, b, &error);
        g_assert_no_error (error);
        g_assert_true (g_bytes_equal (gsnmp_engine_get_engine_id (engine), b));
        g_assert_cmpuint (gsnmp_engine_get_engine_boots (engine), ==, 1);
        g_clear_object (&engine);

        /* RFC 3411 §5: 5 to 32 octets */
        engine = engine_with_id (NULL, short_id, &error);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_assert_null (engine);
        g_clear_error (&error);
        engine = engine_with_id (path, long_id, &error);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_assert_null (engine);
        g_clear_error (&error);

        g_assert_cmpint (g_unlink (path), ==, 0);
        g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_local_state_file_boots_max (void)
{
        g_autoptr(GError) error = NULL;
        g_autofree char *dir = g_dir_make_tmp ("gsnmp-test-XXXXXX", &error);
        g_autofree char *path = g_build_filename (dir, "engine.state", NULL);
        g_autoptr(GsnmpEngine) engine = NULL;

        g_test_summary ("Boots stops at 2^31-1 (RFC 3414 §2.2.2)");

        g_assert_true (g_file_set_contents (path, "[engine]\nid=80001f880474657374\n"
                                            "boots=2147483647\n", -1, &error));
        engine = gsnmp_engine_new_with_state_file (path, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_engine_get_engine_boots (engine), ==, G_MAXINT32);
        g_clear_object (&engine);
        g_assert_cmpint (g_unlink (path), ==, 0);
        g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static const struct {
        const char *name;
        const char *contents;
} corrupt_cases[] = {
        { "not-a-key-file",   "this is not a key file\n\x01\x02" },
        { "id-not-hex",       "[engine]\nid=80001f88zz74657374\nboots=3\n" },
        { "id-odd-length",    "[engine]\nid=80001f880474657\nboots=3\n" },
        { "id-too-short",     "[engine]\nid=8000\nboots=3\n" },
        { "id-too-long",      "[engine]\nid=80001f8804000000000000000000000000000000000000000000000000000000000000\nboots=3\n" },
        { "boots-not-number", "[engine]\nid=80001f880474657374\nboots=many\n" },
        { "boots-negative",   "[engine]\nid=80001f880474657374\nboots=-4\n" },
        { "boots-missing",    "[engine]\nid=80001f880474657374\n" },
};

static void
test_local_state_file_corrupt (gconstpointer data)
{
        guint i = GPOINTER_TO_UINT (data);
        g_autoptr(GError) error = NULL;
        g_autofree char *dir = g_dir_make_tmp ("gsnmp-test-XXXXXX", &error);
        g_autofree char *path = g_build_filename (dir, "engine.state", NULL);
        g_autofree char *after = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;

        g_test_summary ("A corrupt state file is a clear error naming the file, and is "
                        "left as it was");

        g_assert_true (g_file_set_contents (path, corrupt_cases[i].contents, -1, &error));
        engine = gsnmp_engine_new_with_state_file (path, &error);
        if (engine != NULL) {
                /* fail this case only, and go on with the others */
                g_test_fail_printf ("the corrupt state file was accepted (engine boots "
                                    "%u, with the engine ID kept)",
                                    gsnmp_engine_get_engine_boots (engine));
        } else {
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED);
                g_test_message ("%s", error->message);
                g_assert_nonnull (strstr (error->message, path));

                g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
                g_assert_cmpstr (after, ==, corrupt_cases[i].contents);
        }
        g_assert_cmpint (g_unlink (path), ==, 0);
        g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_local_state_file_unwritable (void)
{
        g_autoptr(GError) error = NULL;
        g_autofree char *dir = g_dir_make_tmp ("gsnmp-test-XXXXXX", &error);
        g_autofree char *path = g_build_filename (dir, "missing-dir", "engine.state", NULL);
        g_autoptr(GsnmpEngine) engine = NULL;

        g_test_summary ("A state file that cannot be written is an error");

        engine = gsnmp_engine_new_with_state_file (path, &error);
        g_assert_null (engine);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED);
        g_assert_nonnull (strstr (error->message, path));
        g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/***************************************************************************/

int
main (int   argc,
      char *argv[])
{
        static const char *get_users[] = {
                "nanp", "md5", "sha", "sha224", "sha256", "sha384", "sha512",
                "des", "aes", "aes192", "aes256", "aes192c", "aes256c", "md5aes256", "3des",
        };
        g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
        int ret;

        g_test_init (&argc, &argv, NULL);

        for (guint i = 0; i < G_N_ELEMENTS (get_users); i++) {
                char *path = g_strdup_printf ("/gsnmp/engine-v3/get/%s", get_users[i]);

                g_ptr_array_add (paths, path);
                V3_TEST_ADD_DATA (path, get_users[i], test_get_user);
        }
        g_test_add_func ("/gsnmp/engine-v3/get/ipv6", test_get_ipv6);
        V3_TEST_ADD ("/gsnmp/engine-v3/set/aes256c", test_set);
        V3_TEST_ADD ("/gsnmp/engine-v3/get/context", test_context);
        V3_TEST_ADD ("/gsnmp/engine-v3/get/localized-user", test_localized_user);

        V3_TEST_ADD ("/gsnmp/engine-v3/discovery/concurrent", test_discovery_concurrent);
        g_test_add_func ("/gsnmp/engine-v3/discovery/many-agents", test_discovery_many_agents);
        V3_TEST_ADD ("/gsnmp/engine-v3/discovery/timeout", test_discovery_timeout);
        V3_TEST_ADD ("/gsnmp/engine-v3/discovery/n-pending", test_discovery_n_pending);
        V3_TEST_ADD ("/gsnmp/engine-v3/discover/engine-id", test_discover_async);
        V3_TEST_ADD ("/gsnmp/engine-v3/discover/failed", test_discover_failed);
        V3_TEST_ADD ("/gsnmp/engine-v3/discovery/bad-answers", test_discovery_bad_answers);

        V3_TEST_ADD ("/gsnmp/engine-v3/retry/new-msg-id", test_retry_new_msg_id);

        V3_TEST_ADD ("/gsnmp/engine-v3/time/advances", test_time_advances);
        V3_TEST_ADD ("/gsnmp/engine-v3/time/past-150s", test_time_past_150s);
        V3_TEST_ADD_DATA ("/gsnmp/engine-v3/time/resync-reboot", GINT_TO_POINTER (CLOCK_REBOOT),
                       test_not_in_time_window_resync);
        V3_TEST_ADD_DATA ("/gsnmp/engine-v3/time/resync-clock-jump", GINT_TO_POINTER (CLOCK_JUMP),
                       test_not_in_time_window_resync);
        V3_TEST_ADD ("/gsnmp/engine-v3/time/not-in-window-twice", test_not_in_time_window_twice);
        V3_TEST_ADD ("/gsnmp/engine-v3/time/not-in-window-unauthenticated",
                  test_not_in_time_window_unauthenticated);

        for (guint i = 0; i < G_N_ELEMENTS (report_cases); i++) {
                char *path = g_strdup_printf ("/gsnmp/engine-v3/report/%s%s%s", report_cases[i].user,
                                              report_cases[i].context ? "-context-" : "",
                                              report_cases[i].context ? report_cases[i].context : "");

                g_ptr_array_add (paths, path);
                V3_TEST_ADD_DATA (path, &report_cases[i], test_report);
        }
        V3_TEST_ADD ("/gsnmp/engine-v3/report/unknown-engine-id", test_report_unknown_engine_id);
        V3_TEST_ADD ("/gsnmp/engine-v3/report/unknown-engine-id-in-flight",
                  test_report_unknown_engine_id_in_flight);
        V3_TEST_ADD ("/gsnmp/engine-v3/report/unauthenticated", test_unauthenticated_report);

        for (guint i = 0; i < G_N_ELEMENTS (spoof_cases); i++)
                V3_TEST_ADD_DATA (spoof_cases[i].path, GUINT_TO_POINTER (i), test_spoof);

        V3_TEST_ADD ("/gsnmp/engine-v3/cancel/during-discovery", test_cancel_during_discovery);
        V3_TEST_ADD ("/gsnmp/engine-v3/cancel/all-during-discovery", test_cancel_all_during_discovery);
        V3_TEST_ADD ("/gsnmp/engine-v3/close/during-discovery", test_close_during_discovery);
        g_test_add_func ("/gsnmp/engine-v3/close/dispose-during-discovery",
                         test_dispose_during_discovery);

        g_test_add_func ("/gsnmp/engine-v3/local/no-state-file", test_local_no_state_file);
        g_test_add_func ("/gsnmp/engine-v3/local/state-file", test_local_state_file);
        g_test_add_func ("/gsnmp/engine-v3/local/engine-id", test_local_engine_id);
        g_test_add_func ("/gsnmp/engine-v3/local/state-file-boots-max",
                         test_local_state_file_boots_max);
        for (guint i = 0; i < G_N_ELEMENTS (corrupt_cases); i++) {
                char *path = g_strdup_printf ("/gsnmp/engine-v3/local/state-file-corrupt/%s",
                                              corrupt_cases[i].name);

                g_ptr_array_add (paths, path);
                g_test_add_data_func (path, GUINT_TO_POINTER (i), test_local_state_file_corrupt);
        }
        g_test_add_func ("/gsnmp/engine-v3/local/state-file-unwritable",
                         test_local_state_file_unwritable);

        ret = g_test_run ();
        g_clear_pointer (&users, g_hash_table_unref);
        return ret;
}
