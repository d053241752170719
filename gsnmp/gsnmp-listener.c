/* gsnmp-listener.c - receives SNMP notifications (traps and informs)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-listener.h"
#include "gsnmp-address-private.h"
#include "gsnmp-ber-private.h"
#include "gsnmp-engine-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"
#include "gsnmp-message-private.h"
#include "gsnmp-notification-private.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-respond-private.h"
#include "gsnmp-security-private.h"
#include "gsnmp-transport-private.h"
#include "gsnmp-usm-private.h"
#include "gsnmp-usm-user-private.h"
#include "gsnmp-varbind-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

/**
 * GsnmpListener:
 *
 * Receives SNMP notifications: SNMPv1 traps, SNMPv2 traps and informs,
 * over SNMPv1, SNMPv2c and SNMPv3, in the style of [class@Gio.SocketService]:
 * it has its own UDP sockets and its own accepted communities and USM
 * users, and emits [signal@Gsnmp.Listener::notification] for every
 * notification it accepts. Made on a [class@Gsnmp.Engine], it is a role of
 * the same SNMP entity: it uses the engine's engine ID, boots and time, and
 * counts in the engine's counters ([method@Gsnmp.Engine.get_counter]).
 *
 * ```c
 * static void
 * on_notification (GsnmpListener *listener, GsnmpNotification *n, gpointer data)
 * {
 *         g_autofree char *oid = gsnmp_oid_to_string (gsnmp_notification_get_notification_oid (n));
 *         g_autofree char *from = gsnmp_notification_get_sender_string (n);
 *
 *         g_print ("%s from %s\n", oid, from);
 * }
 *
 * listener = gsnmp_listener_new (NULL);
 * gsnmp_listener_add_community (listener, "public");
 * if (!gsnmp_listener_add_address (listener, "udp:0.0.0.0:162", NULL, &error))
 *         …
 * g_signal_connect (listener, "notification", G_CALLBACK (on_notification), NULL);
 * ```
 *
 * ## What it accepts
 *
 * SNMPv1 and SNMPv2c notifications are accepted only with a community
 * added with [method@Gsnmp.Listener.add_community]; SNMPv3 ones only from a
 * user added with [method@Gsnmp.Listener.add_user], at exactly that user's
 * security level. Everything else is dropped and counted (see
 * [enum@Gsnmp.ListenerCounter] and [method@Gsnmp.Listener.get_counter]),
 * never reported as an error: malformed datagrams are normal on a network.
 *
 * An SNMPv3 trap is authenticated with keys localized for the sender's
 * engine ID (RFC 3414 §2.6). A user added with a %NULL engine ID is
 * accepted from any sender: the listener localizes its keys for each new
 * sender engine ID it sees (a hash, cached), so senders need not be
 * configured one by one. A user added with an engine ID is accepted only
 * from that engine. The listener keeps, per sender engine ID, the latest
 * boots and time it authenticated and drops older messages (RFC 3414 §3.2
 * step 7b).
 *
 * ## Informs
 *
 * Informs are acknowledged with a Response-PDU echoing their variable
 * bindings (RFC 3416 §4.2.7), before the signal is emitted. The listener
 * remembers the informs of the last two minutes by sender and request-id:
 * a retransmitted inform (its acknowledgement was lost) is acknowledged
 * again but not emitted again.
 *
 * For SNMPv3 informs the listener is the authoritative engine: it answers
 * discovery with a report carrying its engine ID, boots and time, checks
 * the time window, and answers messages outside it with an authenticated
 * notInTimeWindow report, as RFC 3414 requires. Its engine ID, boots and
 * time are those of the [class@Gsnmp.Engine] given to
 * [ctor@Gsnmp.Listener.new]; without one the listener makes a random
 * engine ID of its own with boots 1. Senders' users for informs are
 * therefore keyed to the listener's engine ID
 * ([method@Gsnmp.Listener.get_engine_id]).
 *
 * ## Threading
 *
 * A listener belongs to the thread-default [struct@GLib.MainContext] that
 * was current when it was created: its sockets are attached there and its
 * signal is emitted there. Its methods must be called from that context's
 * thread. The [class@Gsnmp.Notification]s it emits are immutable and may
 * be handed to other threads.
 *
 * Since: 0.1
 */

/* How long and how many informs are remembered to recognise
 * retransmissions (senders retry for seconds, not minutes). */
#define INFORM_MEMORY_US (120 * G_USEC_PER_SEC)
#define INFORM_MEMORY_MAX 65536
/* Bounds on per-sender state, which unauthenticated input can grow */
#define KEY_CACHE_MAX 4096
#define REMOTE_TIMES_MAX 65536


#define N_COUNTERS (GSNMP_LISTENER_COUNTER_DECRYPTION_ERRORS + 1)

/* A USM user and the authoritative engine ID it is bound to. */
typedef struct {
        GsnmpUsmUser *user;
        GBytes       *engine_id;  /* (nullable): any */
} UserEntry;


/* An inform seen recently, to recognise its retransmissions. */
typedef struct {
        guint16 family;
        guint16 port;
        guint8  addr[16];
        gint32  request_id;
        guint32 security_hash;   /* of the community or user name */
        guint32 version;
} InformKey;

typedef struct {
        InformKey key;
        gint64    expiry;
        GList     link;          /* in listener->inform_order */
} InformEntry;

struct _GsnmpListener {
        GObject           parent_instance;

        GMainContext     *context;
        GPtrArray        *transports;    /* (element-type GsnmpTransport) */
        gboolean          closed;

        GHashTable       *communities;   /* GBytes set */
        GHashTable       *users;         /* user name GBytes → GPtrArray of UserEntry */
        GHashTable       *bound_ids;     /* engine ID GBytes → number of users bound */
        guint             n_any_users;
        GsnmpUsmKeyCache *keys;
        GHashTable       *remote_times;  /* engine ID GBytes → GsnmpUsmClock */

        GHashTable       *informs;       /* InformKey → InformEntry */
        GQueue            inform_order;  /* oldest first */

        /* The local engine, authoritative for informs: the engine's, or
         * one of the listener's own */
        GsnmpEngine      *engine;        /* (nullable) */
        GsnmpLocalEngine *local;

        guint64           counters[N_COUNTERS];
};

G_DEFINE_FINAL_TYPE (GsnmpListener, gsnmp_listener, G_TYPE_OBJECT)

enum {
        PROP_0,
        PROP_ENGINE,
        PROP_ENGINE_ID,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
        SIGNAL_NOTIFICATION,
        N_SIGNALS
};

static guint signals[N_SIGNALS];

/*****************************************************************************/
/* The local engine: engine ID, boots, time and the entity's counters */

/* The entity counter a listener counter is, or -1 for the listener's own. */
static int
entity_counter (GsnmpListenerCounter counter)
{
        switch (counter) {
        case GSNMP_LISTENER_COUNTER_IN_PACKETS:
                return GSNMP_COUNTER_IN_PKTS;
        case GSNMP_LISTENER_COUNTER_BAD_VERSIONS:
                return GSNMP_COUNTER_IN_BAD_VERSIONS;
        case GSNMP_LISTENER_COUNTER_BAD_COMMUNITY_NAMES:
                return GSNMP_COUNTER_IN_BAD_COMMUNITY_NAMES;
        case GSNMP_LISTENER_COUNTER_ASN_PARSE_ERRORS:
                return GSNMP_COUNTER_IN_ASN_PARSE_ERRS;
        case GSNMP_LISTENER_COUNTER_UNKNOWN_PDU_HANDLERS:
                return GSNMP_COUNTER_UNKNOWN_PDU_HANDLERS;
        case GSNMP_LISTENER_COUNTER_UNKNOWN_SECURITY_MODELS:
                return GSNMP_COUNTER_UNKNOWN_SECURITY_MODELS;
        case GSNMP_LISTENER_COUNTER_UNSUPPORTED_SEC_LEVELS:
                return GSNMP_COUNTER_USM_UNSUPPORTED_SEC_LEVELS;
        case GSNMP_LISTENER_COUNTER_NOT_IN_TIME_WINDOWS:
                return GSNMP_COUNTER_USM_NOT_IN_TIME_WINDOWS;
        case GSNMP_LISTENER_COUNTER_UNKNOWN_USER_NAMES:
                return GSNMP_COUNTER_USM_UNKNOWN_USER_NAMES;
        case GSNMP_LISTENER_COUNTER_UNKNOWN_ENGINE_IDS:
                return GSNMP_COUNTER_USM_UNKNOWN_ENGINE_IDS;
        case GSNMP_LISTENER_COUNTER_WRONG_DIGESTS:
                return GSNMP_COUNTER_USM_WRONG_DIGESTS;
        case GSNMP_LISTENER_COUNTER_DECRYPTION_ERRORS:
                return GSNMP_COUNTER_USM_DECRYPTION_ERRORS;
        case GSNMP_LISTENER_COUNTER_NOTIFICATIONS:
        case GSNMP_LISTENER_COUNTER_INFORM_RESPONSES:
        case GSNMP_LISTENER_COUNTER_DUPLICATE_INFORMS:
        case GSNMP_LISTENER_COUNTER_REPORTS:
        case GSNMP_LISTENER_COUNTER_INVALID_NOTIFICATIONS:
        default:
                return -1;
        }
}

/* Counts one event, in the entity's counters (the local engine's) or the
 * listener's own; returns the new value. */
static guint64
listener_count (GsnmpListener        *self,
                GsnmpListenerCounter  counter)
{
        int entity = entity_counter (counter);

        if (entity >= 0)
                return gsnmp_local_engine_count (self->local, (GsnmpCounter) entity);
        return ++self->counters[counter];
}

static guint64
listener_get_count (GsnmpListener        *self,
                    GsnmpListenerCounter  counter)
{
        int entity = entity_counter (counter);

        if (entity >= 0)
                return gsnmp_local_engine_get_counter (self->local, (GsnmpCounter) entity);
        return self->counters[counter];
}

/* The authoritative engine ID for informs. */
static GBytes *
local_engine_id (GsnmpListener *self)
{
        return gsnmp_local_engine_get_id (self->local);
}

/* snmpEngineBoots of the local engine (RFC 3414 §2.2). */
static guint32
local_engine_boots (GsnmpListener *self)
{
        return gsnmp_local_engine_get_boots (self->local);
}

/* snmpEngineTime of the local engine, in seconds (RFC 3414 §2.2). */
static guint32
local_engine_time (GsnmpListener *self)
{
        return gsnmp_local_engine_get_time (self->local);
}

/*****************************************************************************/
/* Recently seen informs */

/* Hashes an InformKey for the table of recent informs. */
static guint
inform_key_hash (gconstpointer key)
{
        const InformKey *k = key;
        guint h = (guint) k->request_id * 31 + k->port;
        guint i;

        for (i = 0; i < 16; i++)
                h = h * 33 + k->addr[i];
        return h ^ k->security_hash ^ k->version;
}

/* Compares two InformKeys byte for byte (they are zero-padded). */
static gboolean
inform_key_equal (gconstpointer a,
                  gconstpointer b)
{
        return memcmp (a, b, sizeof (InformKey)) == 0;
}

/* The key of an inform: sender address and port, version, request-id and
 * security name. */
static void
inform_key_init (InformKey             *key,
                 const struct sockaddr *from,
                 GsnmpProtocolVersion   version,
                 gint32                 request_id,
                 GBytes                *security_name)
{
        memset (key, 0, sizeof *key);
        if (from->sa_family == AF_INET) {
                const struct sockaddr_in *sin = (const struct sockaddr_in *) from;

                key->family = AF_INET;
                key->port = g_ntohs (sin->sin_port);
                memcpy (key->addr, &sin->sin_addr, 4);
        } else if (from->sa_family == AF_INET6) {
                const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *) from;

                key->family = AF_INET6;
                key->port = g_ntohs (sin6->sin6_port);
                memcpy (key->addr, &sin6->sin6_addr, 16);
        }
        key->request_id = request_id;
        key->security_hash = security_name ? g_bytes_hash (security_name) : 0;
        key->version = version;
}

/* Forgets the informs that are too old, and the oldest beyond the limit. */
static void
informs_expire (GsnmpListener *self,
                gint64         now)
{
        while (self->inform_order.length > 0) {
                InformEntry *entry = self->inform_order.head->data;

                if (entry->expiry > now && self->inform_order.length <= INFORM_MEMORY_MAX)
                        break;
                g_queue_unlink (&self->inform_order, &entry->link);
                g_hash_table_remove (self->informs, &entry->key);
        }
}

/* Records an inform; returns FALSE when it was seen already (a
 * retransmission). */
static gboolean
informs_remember (GsnmpListener   *self,
                  const InformKey *key)
{
        gint64 now = g_get_monotonic_time ();
        InformEntry *entry;

        informs_expire (self, now);
        if (g_hash_table_contains (self->informs, key))
                return FALSE;

        entry = g_new0 (InformEntry, 1);
        entry->key = *key;
        entry->expiry = now + INFORM_MEMORY_US;
        entry->link.data = entry;
        g_queue_push_tail_link (&self->inform_order, &entry->link);
        g_hash_table_insert (self->informs, &entry->key, entry);
        return TRUE;
}

/*****************************************************************************/
/* Sending acknowledgements and reports */

/* RFC 3416 §4.2.7: acknowledges @inform with a Response-PDU echoing its
 * variable bindings, under @security (tooBig when the echo does not fit). */
static void
ack_inform (GsnmpListener              *self,
            GsnmpTransport             *transport,
            const struct sockaddr      *from,
            gsize                       from_len,
            const GsnmpRespondSecurity *security,
            GsnmpPdu                   *inform)
{
        g_autoptr(GsnmpPdu) response = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        guint i;

        gsnmp_pdu_set_request_id (response, inform->request_id);
        for (i = 0; i < inform->n_varbinds; i++)
                gsnmp_pdu_add_varbind (response, inform->varbinds[i]);
        if (gsnmp_respond (transport, from, (socklen_t) from_len, self->local, security, response))
                listener_count (self, GSNMP_LISTENER_COUNTER_INFORM_RESPONSES);
}

/* Answers @request with a report of usmStats.@status (counted already). */
static void
send_report (GsnmpListener         *self,
             GsnmpTransport        *transport,
             const struct sockaddr *from,
             gsize                  from_len,
             const GsnmpMessageV3  *request,
             GsnmpUsmStatus         status,
             GsnmpUsmKey           *auth_key)
{
        if (gsnmp_respond_report (transport, from, (socklen_t) from_len, self->local, request,
                                  status, auth_key))
                listener_count (self, GSNMP_LISTENER_COUNTER_REPORTS);
}

/*****************************************************************************/
/* Receiving */

/* Emits @notification. */
static void
deliver (GsnmpListener     *self,
         GsnmpNotification *notification)
{
        listener_count (self, GSNMP_LISTENER_COUNTER_NOTIFICATIONS);
        g_signal_emit (self, signals[SIGNAL_NOTIFICATION], 0, notification);
}

/* Wraps @pdu (transfer full), or counts it as invalid and returns NULL. */
static GsnmpNotification *
make_notification (GsnmpListener                   *self,
                   const GsnmpNotificationSecurity *security,
                   const struct sockaddr           *from,
                   gsize                            from_len,
                   GsnmpPdu                        *pdu)
{
        g_autoptr(GError) error = NULL;
        GsnmpNotification *notification;

        notification = gsnmp_notification_new (security, from, from_len, pdu, &error);
        if (notification == NULL) {
                g_debug ("listener: dropping an invalid notification: %s", error->message);
                listener_count (self, GSNMP_LISTENER_COUNTER_INVALID_NOTIFICATIONS);
        }
        return notification;
}

/* Emits @notification, which came in @pdu; an inform is acknowledged
 * first under @answer, and one seen already from that sender (its
 * acknowledgement was lost, RFC 3416 §4.2.7) is only acknowledged again.
 * @security_name is the community or user name. */
static void
accept_notification (GsnmpListener              *self,
                     GsnmpTransport             *transport,
                     const struct sockaddr      *from,
                     gsize                       from_len,
                     const GsnmpRespondSecurity *answer,
                     GBytes                     *security_name,
                     GsnmpPdu                   *pdu,
                     GsnmpNotification          *notification)
{
        if (gsnmp_pdu_get_pdu_type (pdu) == GSNMP_PDU_TYPE_INFORM) {
                InformKey key;
                gboolean first;

                inform_key_init (&key, from, answer->version, pdu->request_id, security_name);
                first = informs_remember (self, &key);
                ack_inform (self, transport, from, from_len, answer, pdu);
                if (!first) {
                        g_debug ("listener: acknowledged a retransmitted inform %d again",
                                 pdu->request_id);
                        listener_count (self, GSNMP_LISTENER_COUNTER_DUPLICATE_INFORMS);
                        return;
                }
        }
        deliver (self, notification);
}

/* SNMPv1 and SNMPv2c (RFC 1157 §4, RFC 1901, RFC 3584 §4.1) */
static void
handle_community (GsnmpListener         *self,
                  GsnmpTransport        *transport,
                  const struct sockaddr *from,
                  gsize                  from_len,
                  GsnmpMessage          *msg)
{
        g_autoptr(GsnmpNotification) notification = NULL;
        GsnmpNotificationSecurity security = { 0, };
        GsnmpRespondSecurity answer = { 0, };
        GsnmpPduType type;

        if (msg->community == NULL || !g_hash_table_contains (self->communities, msg->community)) {
                g_debug ("listener: dropping a message with an unknown community");
                listener_count (self, GSNMP_LISTENER_COUNTER_BAD_COMMUNITY_NAMES);
                return;
        }
        type = gsnmp_pdu_get_pdu_type (msg->pdu);
        if (type != GSNMP_PDU_TYPE_TRAP_V1 && type != GSNMP_PDU_TYPE_TRAP &&
            type != GSNMP_PDU_TYPE_INFORM) {
                g_debug ("listener: dropping a PDU of type 0x%02x", type);
                listener_count (self, GSNMP_LISTENER_COUNTER_UNKNOWN_PDU_HANDLERS);
                return;
        }

        security.version = msg->version;
        security.community = msg->community;
        security.level = GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV;
        notification = make_notification (self, &security, from, from_len, gsnmp_pdu_ref (msg->pdu));
        if (notification == NULL)
                return;

        answer.version = msg->version;
        answer.community = msg->community;
        accept_notification (self, transport, from, from_len, &answer, msg->community,
                             msg->pdu, notification);
}

/* RFC 3414 §3.2 step 4: the user @user_name bound to @engine_id, else the
 * one accepted from any engine, else NULL. */
static const UserEntry *
find_user (GsnmpListener *self,
           GBytes        *user_name,
           GBytes        *engine_id)
{
        GPtrArray *entries;
        const UserEntry *any = NULL;
        guint i;

        if (user_name == NULL)
                return NULL;
        entries = g_hash_table_lookup (self->users, user_name);
        if (entries == NULL)
                return NULL;
        for (i = 0; i < entries->len; i++) {
                const UserEntry *entry = entries->pdata[i];

                if (entry->engine_id == NULL)
                        any = entry;
                else if (g_bytes_equal (entry->engine_id, engine_id))
                        return entry;
        }
        return any;
}

/* The sender engine's clock, for a trap it sent as the authoritative
 * engine (RFC 3414 §3.2 step 7b); bounded, since unauthenticated input
 * could grow the table. */
static GsnmpUsmClock *
remote_clock (GsnmpListener *self,
              GBytes        *engine_id)
{
        GsnmpUsmClock *clock = g_hash_table_lookup (self->remote_times, engine_id);

        if (clock == NULL) {
                if (g_hash_table_size (self->remote_times) >= REMOTE_TIMES_MAX)
                        g_hash_table_remove_all (self->remote_times);
                clock = g_new0 (GsnmpUsmClock, 1);
                g_hash_table_insert (self->remote_times, g_bytes_ref (engine_id), clock);
        }
        return clock;
}

/* SNMPv3 with USM (RFC 3412 §7.2, RFC 3414 §3.2) */
static void
handle_v3 (GsnmpListener         *self,
           GsnmpTransport        *transport,
           const struct sockaddr *from,
           gsize                  from_len,
           GsnmpMessageV3        *msg,
           const guint8          *data,
           gsize                  len)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmKey) auth_key = NULL;
        g_autoptr(GsnmpUsmKey) priv_key = NULL;
        g_autoptr(GsnmpNotification) notification = NULL;
        GsnmpNotificationSecurity security = { 0, };
        GsnmpRespondSecurity answer = { 0, };
        const UserEntry *entry;
        GsnmpSecurityLevel level;
        gboolean local;
        GsnmpUsmStatus status;
        GsnmpPduType type;
        gsize id_len;

        /* Step 3: is the authoritative engine known? */
        id_len = g_bytes_get_size (msg->engine_id);
        local = g_bytes_equal (msg->engine_id, local_engine_id (self));
        if (id_len == 0 ||
            (!local && self->n_any_users == 0 &&
             !g_hash_table_contains (self->bound_ids, msg->engine_id))) {
                g_debug ("listener: SNMPv3 message for an unknown engine ID%s",
                         id_len == 0 ? " (discovery)" : "");
                listener_count (self, GSNMP_LISTENER_COUNTER_UNKNOWN_ENGINE_IDS);
                send_report (self, transport, from, from_len, msg,
                             GSNMP_USM_STATUS_UNKNOWN_ENGINE_ID, NULL);
                return;
        }

        /* Step 4: the user, for this engine */
        entry = find_user (self, msg->user_name, msg->engine_id);
        if (entry == NULL) {
                g_debug ("listener: dropping an SNMPv3 message from an unknown user");
                listener_count (self, GSNMP_LISTENER_COUNTER_UNKNOWN_USER_NAMES);
                send_report (self, transport, from, from_len, msg,
                             GSNMP_USM_STATUS_UNKNOWN_USER_NAME, NULL);
                return;
        }

        /* Step 5, and no less than the user is configured with */
        level = gsnmp_usm_level_from_flags (msg->msg_flags);
        if (level != gsnmp_usm_user_get_security_level (entry->user)) {
                g_debug ("listener: dropping an SNMPv3 message at another security level");
                listener_count (self, GSNMP_LISTENER_COUNTER_UNSUPPORTED_SEC_LEVELS);
                send_report (self, transport, from, from_len, msg,
                             GSNMP_USM_STATUS_UNSUPPORTED_SEC_LEVEL, NULL);
                return;
        }

        /* Steps 6-8: authentication, timeliness, decryption */
        if (gsnmp_usm_key_cache_get_size (self->keys) >= KEY_CACHE_MAX)
                gsnmp_usm_key_cache_clear (self->keys);
        status = gsnmp_usm_process_incoming (self->keys, self->local, entry->user,
                                             local ? NULL : remote_clock (self, msg->engine_id),
                                             msg, data, len, &auth_key, &priv_key, &error);
        if (status != GSNMP_USM_STATUS_OK) {
                g_debug ("listener: dropping an SNMPv3 message: %s", error->message);
                /* Not unsupportedSecLevel: a message the flags promised
                 * more than it carried; notInTimeWindow only authenticated,
                 * so the sender can trust our clock (step 7a) */
                if (status == GSNMP_USM_STATUS_WRONG_DIGEST ||
                    status == GSNMP_USM_STATUS_DECRYPTION_ERROR)
                        send_report (self, transport, from, from_len, msg, status, NULL);
                else if (status == GSNMP_USM_STATUS_NOT_IN_TIME_WINDOW && local)
                        send_report (self, transport, from, from_len, msg, status, auth_key);
                return;
        }

        if (msg->pdu == NULL) {
                listener_count (self, GSNMP_LISTENER_COUNTER_ASN_PARSE_ERRORS);
                return;
        }
        type = gsnmp_pdu_get_pdu_type (msg->pdu);
        if (type == GSNMP_PDU_TYPE_INFORM && !local) {
                /* The receiver of an inform is authoritative: the sender
                 * has an old engine ID for us */
                g_debug ("listener: dropping an inform for another engine ID");
                listener_count (self, GSNMP_LISTENER_COUNTER_UNKNOWN_ENGINE_IDS);
                send_report (self, transport, from, from_len, msg,
                             GSNMP_USM_STATUS_UNKNOWN_ENGINE_ID, NULL);
                return;
        }
        if (type != GSNMP_PDU_TYPE_TRAP && type != GSNMP_PDU_TYPE_INFORM) {
                g_debug ("listener: dropping a PDU of type 0x%02x", type);
                listener_count (self, GSNMP_LISTENER_COUNTER_UNKNOWN_PDU_HANDLERS);
                return;
        }

        security.version = GSNMP_PROTOCOL_VERSION_V3;
        security.user_name = msg->user_name;
        security.level = level;
        security.engine_id = msg->engine_id;
        security.context_engine_id = msg->context_engine_id;
        security.context_name = msg->context_name;
        notification = make_notification (self, &security, from, from_len, gsnmp_pdu_ref (msg->pdu));
        if (notification == NULL)
                return;

        answer.version = GSNMP_PROTOCOL_VERSION_V3;
        answer.v3 = msg;
        answer.auth_key = auth_key;
        answer.priv_key = priv_key;
        accept_notification (self, transport, from, from_len, &answer, msg->user_name,
                             msg->pdu, notification);
}

/* Counts one datagram and dispatches it by SNMP version (RFC 3412 §7.2). */
static void
handle_datagram (GsnmpListener         *self,
                 GsnmpTransport        *transport,
                 const struct sockaddr *from,
                 gsize                  from_len,
                 const guint8          *data,
                 gsize                  len)
{
        g_autoptr(GError) error = NULL;
        g_auto(GsnmpIncoming) in = { 0, };

        listener_count (self, GSNMP_LISTENER_COUNTER_IN_PACKETS);

        if (from->sa_family != AF_INET && from->sa_family != AF_INET6)
                return;

        if (!gsnmp_message_decode_any (data, len, self->local, &in, &error)) {
                g_debug ("listener: dropping a datagram: %s", error->message);
                return;
        }
        if (in.version == GSNMP_PROTOCOL_VERSION_V3)
                handle_v3 (self, transport, from, from_len, &in.v3, data, len);
        else
                handle_community (self, transport, from, from_len, &in.community);
}

/* Each datagram read from a transport (a bounded batch per dispatch). */
static void
on_datagram (GsnmpTransport        *transport,
             const struct sockaddr *from,
             socklen_t              from_len,
             const guint8          *data,
             gsize                  length,
             gboolean               truncated,
             gpointer               owner)
{
        GsnmpListener *self = owner;

        if (truncated) {
                g_debug ("listener: dropping a truncated datagram");
                listener_count (self, GSNMP_LISTENER_COUNTER_IN_PACKETS);
                listener_count (self, GSNMP_LISTENER_COUNTER_ASN_PARSE_ERRORS);
                return;
        }
        handle_datagram (self, transport, from, from_len, data, length);
}

/*****************************************************************************/
/* GObject */

static void
gsnmp_listener_dispose (GObject *object)
{
        GsnmpListener *self = GSNMP_LISTENER (object);

        gsnmp_listener_close (self);

        G_OBJECT_CLASS (gsnmp_listener_parent_class)->dispose (object);
}

static void
gsnmp_listener_finalize (GObject *object)
{
        GsnmpListener *self = GSNMP_LISTENER (object);

        g_clear_pointer (&self->transports, g_ptr_array_unref);
        g_clear_pointer (&self->communities, g_hash_table_unref);
        g_clear_pointer (&self->users, g_hash_table_unref);
        g_clear_pointer (&self->bound_ids, g_hash_table_unref);
        g_clear_pointer (&self->keys, gsnmp_usm_key_cache_free);
        g_clear_pointer (&self->remote_times, g_hash_table_unref);
        /* The queue links live in the entries the table frees */
        g_clear_pointer (&self->informs, g_hash_table_unref);
        g_queue_init (&self->inform_order);
        g_clear_object (&self->engine);
        g_clear_pointer (&self->local, gsnmp_local_engine_unref);
        g_clear_pointer (&self->context, g_main_context_unref);

        G_OBJECT_CLASS (gsnmp_listener_parent_class)->finalize (object);
}

static void
gsnmp_listener_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
        GsnmpListener *self = GSNMP_LISTENER (object);

        switch (prop_id) {
        case PROP_ENGINE:
                g_value_set_object (value, self->engine);
                break;
        case PROP_ENGINE_ID:
                g_value_set_boxed (value, local_engine_id (self));
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_listener_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
        GsnmpListener *self = GSNMP_LISTENER (object);

        switch (prop_id) {
        case PROP_ENGINE:
                self->engine = g_value_dup_object (value);
                if (self->engine != NULL)
                        self->local = gsnmp_local_engine_ref (gsnmp_engine_get_local (self->engine));
                else
                        self->local = gsnmp_local_engine_new (NULL, NULL, NULL);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

/* Frees a UserEntry. */
static void
user_entry_free (UserEntry *entry)
{
        g_clear_object (&entry->user);
        g_clear_pointer (&entry->engine_id, g_bytes_unref);
        g_free (entry);
}

static void
gsnmp_listener_class_init (GsnmpListenerClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->dispose = gsnmp_listener_dispose;
        object_class->finalize = gsnmp_listener_finalize;
        object_class->get_property = gsnmp_listener_get_property;
        object_class->set_property = gsnmp_listener_set_property;

        /**
         * GsnmpListener:engine: (getter get_engine)
         *
         * The engine whose engine ID, boots and time the listener uses as
         * the authoritative engine of SNMPv3 informs, or %NULL when the
         * listener has its own.
         *
         * Since: 0.1
         */
        properties[PROP_ENGINE] =
                g_param_spec_object ("engine", NULL, NULL, GSNMP_TYPE_ENGINE,
                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                     G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpListener:engine-id: (getter get_engine_id)
         *
         * The SNMPv3 engine ID of the listener, authoritative for the
         * informs it receives: senders key their users for informs to it.
         *
         * Since: 0.1
         */
        properties[PROP_ENGINE_ID] =
                g_param_spec_boxed ("engine-id", NULL, NULL, G_TYPE_BYTES,
                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);

        /**
         * GsnmpListener::notification:
         * @self: the listener
         * @notification: the notification received
         *
         * Emitted for each notification the listener accepts. An inform has
         * already been acknowledged, and a retransmitted one is not emitted
         * again.
         *
         * Since: 0.1
         */
        signals[SIGNAL_NOTIFICATION] =
                g_signal_new ("notification", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                              0, NULL, NULL, g_cclosure_marshal_VOID__OBJECT,
                              G_TYPE_NONE, 1, GSNMP_TYPE_NOTIFICATION);
        g_signal_set_va_marshaller (signals[SIGNAL_NOTIFICATION], G_TYPE_FROM_CLASS (klass),
                                    g_cclosure_marshal_VOID__OBJECTv);
}

static void
gsnmp_listener_init (GsnmpListener *self)
{
        self->context = g_main_context_ref_thread_default ();
        self->transports = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_transport_unref);
        self->communities = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                   (GDestroyNotify) g_bytes_unref, NULL);
        self->users = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                             (GDestroyNotify) g_bytes_unref,
                                             (GDestroyNotify) g_ptr_array_unref);
        self->bound_ids = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                 (GDestroyNotify) g_bytes_unref, NULL);
        self->keys = gsnmp_usm_key_cache_new ();
        self->remote_times = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                    (GDestroyNotify) g_bytes_unref, g_free);
        self->informs = g_hash_table_new_full (inform_key_hash, inform_key_equal, NULL, g_free);
        g_queue_init (&self->inform_order);
}

/*****************************************************************************/
/* Public API */

/**
 * gsnmp_listener_new:
 * @engine: (nullable): an engine whose SNMPv3 engine ID, boots and time the
 *   listener takes as its own, or %NULL
 *
 * Creates a listener with no address, community or user yet. It belongs to
 * the thread-default main context that is current now.
 *
 * Returns: (transfer full): a new [class@Gsnmp.Listener]
 *
 * Since: 0.1
 */
GsnmpListener *
gsnmp_listener_new (GsnmpEngine *engine)
{
        g_return_val_if_fail (engine == NULL || GSNMP_IS_ENGINE (engine), NULL);

        return g_object_new (GSNMP_TYPE_LISTENER, "engine", engine, NULL);
}

/**
 * gsnmp_listener_add_socket_address:
 * @self: a [class@Gsnmp.Listener]
 * @address: an IPv4 or IPv6 [class@Gio.InetSocketAddress] to listen on;
 *   port 0 picks a free port
 * @bound_port: (out) (optional): return location for the port bound
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Binds a UDP socket to @address and receives notifications on it. An IPv6
 * socket receives only IPv6 (it is IPv6-only), so `0.0.0.0` and `::` can
 * both be added with the same port.
 *
 * The socket asks for a large receive buffer (8 MiB; the kernel caps it at
 * `net.core.rmem_max` unless the process has `CAP_NET_ADMIN`), so that a
 * burst of notifications is not dropped while the main loop is busy.
 *
 * Returns: %TRUE on success, %FALSE if the socket could not be bound
 *
 * Since: 0.1
 */
gboolean
gsnmp_listener_add_socket_address (GsnmpListener  *self,
                                   GSocketAddress *address,
                                   guint16        *bound_port,
                                   GError        **error)
{
        g_autoptr(GsnmpTransport) transport = NULL;

        g_return_val_if_fail (GSNMP_IS_LISTENER (self), FALSE);
        g_return_val_if_fail (G_IS_INET_SOCKET_ADDRESS (address), FALSE);
        g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

        if (self->closed) {
                g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                                     _("The listener was closed"));
                return FALSE;
        }

        transport = gsnmp_transport_new (address, self->context, "[gsnmp] listener socket",
                                         on_datagram, self, error);
        if (transport == NULL)
                return FALSE;
        if (bound_port != NULL)
                *bound_port = gsnmp_transport_get_port (transport);
        g_ptr_array_add (self->transports, g_steal_pointer (&transport));
        return TRUE;
}

/**
 * gsnmp_listener_add_address:
 * @self: a [class@Gsnmp.Listener]
 * @address: where to listen, in Net-SNMP's form: `udp:0.0.0.0:162`,
 *   `udp6:[::]:162`, `127.0.0.1:1162`, `[::1]:0`, or just a port (`1162`,
 *   `udp6:1162`) for every address of that family
 * @bound_port: (out) (optional): return location for the port bound
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Parses @address and calls [method@Gsnmp.Listener.add_socket_address].
 * The port defaults to 162; port 0 picks a free one. Host names are not
 * resolved: give an IP address.
 *
 * Returns: %TRUE on success, %FALSE if @address is invalid
 *   (%GSNMP_ERROR_INVALID_ADDRESS) or could not be bound
 *
 * Since: 0.1
 */
gboolean
gsnmp_listener_add_address (GsnmpListener *self,
                            const char    *address,
                            guint16       *bound_port,
                            GError       **error)
{
        g_auto(GsnmpAddress) parsed = { 0, };
        g_autoptr(GSocketAddress) socket_address = NULL;

        g_return_val_if_fail (GSNMP_IS_LISTENER (self), FALSE);
        g_return_val_if_fail (address != NULL, FALSE);
        g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

        if (!gsnmp_address_parse (address, GSNMP_ADDRESS_USE_LISTEN, GSNMP_TRAP_PORT,
                                  &parsed, error))
                return FALSE;
        socket_address = g_inet_socket_address_new (parsed.inet_address, parsed.port);
        return gsnmp_listener_add_socket_address (self, socket_address, bound_port, error);
}

/**
 * gsnmp_listener_add_community:
 * @self: a [class@Gsnmp.Listener]
 * @community: a community to accept
 *
 * Accepts SNMPv1 and SNMPv2c notifications with @community. Without any
 * community, the listener accepts no SNMPv1 or SNMPv2c notification.
 *
 * Since: 0.1
 */
void
gsnmp_listener_add_community (GsnmpListener *self,
                              const char    *community)
{
        g_return_if_fail (GSNMP_IS_LISTENER (self));
        g_return_if_fail (community != NULL);

        g_hash_table_add (self->communities, g_bytes_new (community, strlen (community)));
}

/**
 * gsnmp_listener_add_user:
 * @self: a [class@Gsnmp.Listener]
 * @user: a USM user to accept SNMPv3 notifications from
 * @engine_id: (nullable): the engine ID of the only sender to accept @user
 *   from, or %NULL for any
 *
 * Accepts SNMPv3 notifications from @user, at exactly its security level.
 *
 * Traps are authenticated with @user's keys localized for the sender's
 * engine ID: with a %NULL @engine_id, for whichever sender engine the trap
 * comes from. Informs are authenticated with keys localized for the
 * listener's own engine ID ([method@Gsnmp.Listener.get_engine_id]), which
 * a %NULL @engine_id includes. A user made with
 * [ctor@Gsnmp.UsmUser.new_localized] is bound to the engine ID its keys are
 * localized for.
 *
 * Adding a user with the same name and engine ID again replaces it.
 *
 * Since: 0.1
 */
void
gsnmp_listener_add_user (GsnmpListener *self,
                         GsnmpUsmUser  *user,
                         GBytes        *engine_id)
{
        const char *name;
        g_autoptr(GBytes) name_bytes = NULL;
        g_autoptr(GBytes) binding = NULL;
        GPtrArray *entries;
        UserEntry *entry;
        const guint8 *localized;
        gsize localized_len;
        guint i;

        g_return_if_fail (GSNMP_IS_LISTENER (self));
        g_return_if_fail (GSNMP_IS_USM_USER (user));
        g_return_if_fail (engine_id == NULL || g_bytes_get_size (engine_id) > 0);

        name = gsnmp_usm_user_get_user_name (user);
        name_bytes = g_bytes_new (name, strlen (name));
        localized = gsnmp_usm_user_get_localized_engine_id (user, &localized_len);
        if (engine_id != NULL)
                binding = g_bytes_ref (engine_id);
        else if (localized != NULL)
                binding = g_bytes_new (localized, localized_len);

        entries = g_hash_table_lookup (self->users, name_bytes);
        if (entries == NULL) {
                entries = g_ptr_array_new_with_free_func ((GDestroyNotify) user_entry_free);
                g_hash_table_insert (self->users, g_bytes_ref (name_bytes), entries);
        }
        for (i = 0; i < entries->len; i++) {
                UserEntry *old = entries->pdata[i];

                if ((old->engine_id == NULL && binding == NULL) ||
                    (old->engine_id != NULL && binding != NULL &&
                     g_bytes_equal (old->engine_id, binding))) {
                        g_set_object (&old->user, user);
                        return;
                }
        }

        entry = g_new0 (UserEntry, 1);
        entry->user = g_object_ref (user);
        entry->engine_id = binding ? g_bytes_ref (binding) : NULL;
        g_ptr_array_add (entries, entry);
        if (binding == NULL) {
                self->n_any_users++;
        } else {
                gpointer n = g_hash_table_lookup (self->bound_ids, binding);

                g_hash_table_replace (self->bound_ids, g_bytes_ref (binding),
                                      GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
        }
}

/**
 * gsnmp_listener_get_engine: (get-property engine)
 * @self: a [class@Gsnmp.Listener]
 *
 * Gets the engine given to [ctor@Gsnmp.Listener.new].
 *
 * Returns: (nullable) (transfer none): the engine, or %NULL
 *
 * Since: 0.1
 */
GsnmpEngine *
gsnmp_listener_get_engine (GsnmpListener *self)
{
        g_return_val_if_fail (GSNMP_IS_LISTENER (self), NULL);

        return self->engine;
}

/**
 * gsnmp_listener_get_engine_id: (get-property engine-id)
 * @self: a [class@Gsnmp.Listener]
 *
 * Gets the SNMPv3 engine ID the listener answers discovery with: the
 * engine's, or its own random one.
 *
 * Returns: (transfer none): the engine ID
 *
 * Since: 0.1
 */
GBytes *
gsnmp_listener_get_engine_id (GsnmpListener *self)
{
        g_return_val_if_fail (GSNMP_IS_LISTENER (self), NULL);

        return local_engine_id (self);
}

/**
 * gsnmp_listener_get_engine_boots:
 * @self: a [class@Gsnmp.Listener]
 *
 * Gets the snmpEngineBoots the listener answers discovery with.
 *
 * Returns: the engine boots, at least 1
 *
 * Since: 0.1
 */
guint
gsnmp_listener_get_engine_boots (GsnmpListener *self)
{
        g_return_val_if_fail (GSNMP_IS_LISTENER (self), 0);

        return local_engine_boots (self);
}

/**
 * gsnmp_listener_get_engine_time:
 * @self: a [class@Gsnmp.Listener]
 *
 * Gets the snmpEngineTime the listener answers discovery with.
 *
 * Returns: the engine time in seconds
 *
 * Since: 0.1
 */
guint
gsnmp_listener_get_engine_time (GsnmpListener *self)
{
        g_return_val_if_fail (GSNMP_IS_LISTENER (self), 0);

        return local_engine_time (self);
}

/**
 * gsnmp_listener_get_counter:
 * @self: a [class@Gsnmp.Listener]
 * @counter: which counter
 *
 * Reads one of the listener's counters, which count since it was created.
 *
 * Returns: the counter's value
 *
 * Since: 0.1
 */
guint64
gsnmp_listener_get_counter (GsnmpListener        *self,
                            GsnmpListenerCounter  counter)
{
        g_return_val_if_fail (GSNMP_IS_LISTENER (self), 0);
        g_return_val_if_fail ((guint) counter < N_COUNTERS, 0);

        return listener_get_count (self, counter);
}

/**
 * gsnmp_listener_close:
 * @self: a [class@Gsnmp.Listener]
 *
 * Closes the listener's sockets: it receives nothing more. Safe to call
 * from a [signal@Gsnmp.Listener::notification] handler; the notifications
 * already read from the socket but not yet emitted are dropped. Disposing
 * the listener closes it.
 *
 * Since: 0.1
 */
void
gsnmp_listener_close (GsnmpListener *self)
{
        guint i;

        g_return_if_fail (GSNMP_IS_LISTENER (self));

        if (self->closed)
                return;
        self->closed = TRUE;
        for (i = 0; i < self->transports->len; i++)
                gsnmp_transport_close (self->transports->pdata[i]);
        g_ptr_array_set_size (self->transports, 0);
}
