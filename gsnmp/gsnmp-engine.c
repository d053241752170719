/* gsnmp-engine.c - the local SNMP entity: sockets, requests and timers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-engine.h"
#include "gsnmp-engine-private.h"
#include "gsnmp-community.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"
#include "gsnmp-message-private.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-request-result-private.h"
#include "gsnmp-target-private.h"
#include "gsnmp-local-engine-private.h"
#include "gsnmp-security-private.h"
#include "gsnmp-transport-private.h"
#include "gsnmp-usm-private.h"
#include "gsnmp-usm-user.h"
#include "gsnmp-usm-user-private.h"

#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

/**
 * GsnmpEngine:
 *
 * The local SNMP entity: it owns the UDP sockets, the table of requests in
 * flight and their timers, and sends requests to [class@Gsnmp.Target]s.
 *
 * Requests are methods on the engine that take a target, as PySNMP's
 * `getCmd (snmpEngine, auth, transportTarget, …)` does:
 *
 * ```c
 * static void
 * on_get_done (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *         g_autoptr(GError) error = NULL;
 *         g_autoptr(GsnmpPdu) pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source),
 *                                                             result, &error);
 *         if (pdu == NULL)
 *                 g_printerr ("%s\n", error->message);
 *         …
 * }
 *
 * gsnmp_engine_get_async (engine, target, oids, n_oids, NULL, on_get_done, NULL);
 * ```
 *
 * One engine serves any number of targets and requests at once: it keeps
 * one IPv4 and one IPv6 socket, one table of pending requests and one timer,
 * so the cost of a request does not grow with the number in flight. A
 * request that gets no answer is retransmitted
 * [property@Gsnmp.Target:retries] times, each attempt waiting
 * [property@Gsnmp.Target:timeout] milliseconds, and then fails with
 * %G_IO_ERROR_TIMED_OUT. Replies are accepted only from the address and port
 * the request went to and only with the matching request-id; anything else
 * is dropped (enable `G_MESSAGES_DEBUG=Gsnmp` to see why).
 *
 * A request that got a response completes with the response
 * [struct@Gsnmp.Pdu], whatever its error-status: use
 * [method@Gsnmp.Pdu.check_error] to turn a non-zero error-status into a
 * [error@Gsnmp.PduError].
 *
 * ## Threading
 *
 * An engine belongs to the thread-default [struct@GLib.MainContext] that was
 * current when it was created: its sockets and timer are attached there, its
 * `_async` methods must be called from there, and their callbacks run there.
 * Several engines in several threads, each with its own context, work
 * independently. A [class@Gio.Cancellable] may be cancelled from any thread.
 * Each request also has a synchronous form ([method@Gsnmp.Engine.get],
 * [method@Gsnmp.Walk.next], …) that may be called from any thread; see
 * [method@Gsnmp.Engine.get] for what it costs.
 *
 * Disposing the engine fails every pending request with
 * %G_IO_ERROR_CLOSED.
 *
 * Since: 0.1
 */

/* The largest UDP payload over IPv4 (RFC 3417 §3.2 asks for at least 484). */
#define MAX_DATAGRAM_SIZE 65507
#define DEFAULT_RESOLVE_TIMEOUT_MS 5000
#define DEFAULT_MAX_IN_FLIGHT 128
/* Completed GsnmpRequestResults kept for the next requests */
#define MAX_RESULT_POOL 256
/* Freed Request records kept likewise */
#define MAX_REQUEST_POOL 256

/* The life of a request, and the function that takes each step:
 *
 *   gsnmp_engine_start_request()          the caller's request: one Request record
 *     │  host name: request_resolve()  ──►  RESOLVING ──on_resolved()──┐
 *     │  IP address                                                     │
 *     ▼                                                                 ▼
 *   request_advance() ◄───────────── discovery_finish() (discovered) ◄─┐
 *     │  SNMPv3, the agent's engine unknown:                            │
 *     │        DISCOVERING (joins the agent's one discovery, or         │
 *     │        discovery_start()s it: an internal record) ──────────────┘
 *     │  gsnmp_engine_discover_async(), engine known: DONE
 *     │  SNMPv3, engine known: v3_request_encode()
 *     │  max-in-flight on the wire: QUEUED ──engine_pump_queue()──┐
 *     ▼                                                            ▼
 *   ON_WIRE: request_send() ◄── engine_process_deadlines() retransmits (a v3
 *     │        request whose agent's engine was forgotten goes back to
 *     │        request_advance())
 *     ▼
 *   DONE: request_complete(), the one way out, from every state: the answer
 *         (engine_handle_datagram(), engine_handle_v3()), a timeout
 *         (engine_process_deadlines()), a cancellation
 *         (engine_process_cancellations()), engine_close(), or an error on
 *         any edge. It first takes the record out of every engine structure
 *         (request_detach()).
 */
typedef enum {
        REQUEST_NEW,           /* in no queue: created, or between two steps */
        REQUEST_RESOLVING,     /* waiting for GResolver (deadline: resolve-timeout) */
        REQUEST_DISCOVERING,   /* SNMPv3: in remote->waiting for the agent's engine ID */
        REQUEST_QUEUED,        /* in engine->send_queue, for a slot on the wire */
        REQUEST_ON_WIRE,       /* sent, waiting for the answer (deadline: timeout) */
        REQUEST_DONE,          /* completed; the record is being freed */
} RequestState;

/* The address a request went to, in a form that compares with memcmp. */
typedef struct {
        guint16 family;   /* AF_INET or AF_INET6 */
        guint16 port;     /* host order */
        guint8  addr[16];
} PeerKey;

typedef struct _Request Request;
typedef struct _DeadlineList DeadlineList;

/* What the engine knows of a remote SNMPv3 engine at one address (RFC 3414
 * §2.3): its engine ID, boots and time, learnt by discovery. */
typedef struct {
        PeerKey   key;
        GBytes   *engine_id;      /* (owned) (nullable) until discovered */
        GsnmpUsmClock clock;      /* its boots and time */
        Request  *discovery;      /* (unowned) (nullable) the discovery in flight */
        GQueue    waiting;        /* requests waiting for that discovery */
} RemoteEngine;

struct _Request {
        GsnmpEngine          *engine;        /* unowned: outlives every request */
        GTask                *task;          /* (owned) (nullable) the applications' requests */
        GsnmpRequestResult   *result;        /* (owned) (nullable) the engine's own _async calls */
        guint64               serial;        /* unique per engine, for the cancel queue */
        gint32                request_id;    /* key in engine->requests */
        RequestState          state;
        GsnmpProtocolVersion  version;
        GBytes               *community;     /* (owned) to check the response */
        GBytes               *datagram;      /* (owned) encoded once, resent as is */

        GsnmpTransport       *transport;     /* (unowned) engine->transport4 or transport6 */
        PeerKey               peer_key;
        struct sockaddr_storage peer_native; /* where it goes, once known */
        socklen_t             peer_native_len;

        char                 *host;          /* (owned) (nullable) name to resolve */
        guint16               port;
        GSocketFamily         family_hint;
        GCancellable         *resolve_cancellable;   /* (owned) (nullable) */

        guint                 timeout_ms;
        guint                 retries_left;
        gint64                deadline;      /* monotonic µs */
        DeadlineList         *deadline_list; /* (unowned) (nullable) the one it waits in */
        GList                 deadline_link; /* in deadline_list */
        guint                 batch_index;   /* in engine->send_batch, or G_MAXUINT */
        GList                 queue_link;    /* in engine->send_queue while QUEUED */

        GCancellable         *cancellable;   /* (owned) (nullable) */
        gulong                cancel_id;

        /* SNMPv3: the message is encoded again for every attempt, with a
         * new msgID (RFC 3412 §6.2), time and HMAC */
        GsnmpUsmUser         *user;          /* (owned) (nullable) */
        GBytes               *user_name;     /* (owned) (nullable) */
        GsnmpSecurityLevel    level;
        GsnmpPdu             *pdu;           /* (owned) (nullable) */
        GBytes               *context_engine_id; /* (owned) (nullable) */
        GBytes               *context_name;  /* (owned) (nullable) */
        GArray               *msg_ids;       /* (element-type gint32) (owned) (nullable) */
        RemoteEngine         *remote;        /* (unowned) (nullable) */
        gboolean              is_discovery;  /* the engine's own, not the caller's */
        gboolean              discover_only; /* gsnmp_engine_discover_async(): done once the
                                              * agent's engine ID is known */
        gboolean              send_only;     /* a trap: done once sent */
        gboolean              local_authoritative; /* SNMPv3 trap: our engine ID */
        guint                 resyncs_left;
        GList                 wait_link;     /* in remote->waiting while DISCOVERING */
        Request              *next_free;     /* in engine->request_pool */
};

typedef struct {
        gint32  request_id;
        guint64 serial;
} CancelEntry;

/* The table of pending requests: see request_table_lookup() */
typedef struct {
        gint32   key;
        Request *req;
} RequestSlot;

typedef struct {
        RequestSlot *slots;
        guint        bits;
        guint        len;
} RequestTable;

struct _GsnmpEngine {
        GObject       parent_instance;

        GMainContext *context;
        GsnmpTransport *transport4;
        GsnmpTransport *transport6; /* (nullable) without IPv6 */
        gint64        timer_ready; /* the ready time last given to the engine source */

        RequestTable  requests;    /* request-id (and msgID) → Request */
        GPtrArray    *deadline_lists; /* (element-type DeadlineList) (owned) */
        DeadlineList *last_deadline_list; /* (nullable) the one used last */
        GQueue        send_queue;  /* requests waiting for a slot on the wire */
        guint         n_on_wire;
        guint         n_pending;   /* the caller's requests (not discoveries) */
        guint         max_in_flight;
        guint         resolve_timeout_ms;
        gint32        next_request_id;
        guint64       next_serial;
        gboolean      pumping;
        gboolean      disposed;

        /* GsnmpRequestResult callbacks run at once from the engine's own
         * dispatches (a reply, the timer, a cancellation), and otherwise
         * (inside an _async call, from engine_close()) from this queue */
        guint               dispatching; /* depth of the engine's own dispatches */
        guint               starting;    /* depth of gsnmp_engine_start_request() */
        GsnmpRequestResult *deferred_head; /* (owned) linked by their next */
        GsnmpRequestResult *deferred_tail; /* (unowned) */
        /* The engine's one source besides its sockets, from init to
         * finalize: the timer (its ready time, re-armed to the earliest
         * deadline), the cancellations (woken from any thread), the
         * deferred callbacks, and the send batch (flushed in prepare) */
        GSource            *source;
        gint                cancel_pending; /* (atomic) */
        Request            *request_pool; /* (owned) freed records, linked by next_free */
        guint               request_pool_len;
        GsnmpRequestResult *result_pool;  /* (owned) recycled results, linked by their next */
        guint               result_pool_len;

        /* Requests sent from the engine's own dispatches (a callback that
         * issues the next request) wait here for one sendmmsg() at the
         * start of the next main loop iteration (engine_flush_sends()) */
        GPtrArray          *send_batch;  /* (element-type Request) (nullable elements) */
        gboolean            batching;    /* more datagrams of this read follow, or a timer
                                          * or completion dispatch runs: gather sends */
        gboolean            flushing;
        GsnmpPdu     *scratch_pdu; /* (nullable) see build_request_pdu() */

        GMutex        cancel_lock;
        GArray       *cancelled;   /* (element-type CancelEntry) filled from any thread */

        /* SNMPv3 */
        GHashTable       *remotes;   /* PeerKey → RemoteEngine */
        GsnmpUsmKeyCache *keys;

        /* The local engine (RFC 3411 §3.1.1): authoritative for traps */
        char             *state_file;
        GBytes           *engine_id;        /* (nullable): given at construction */
        GsnmpLocalEngine *local;       /* engine ID, boots, time, counters */

        GError           *open_error;    /* (nullable) why constructed() failed */
};

static void gsnmp_engine_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GsnmpEngine, gsnmp_engine, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      gsnmp_engine_initable_iface_init))

enum {
        PROP_0,
        PROP_MAX_IN_FLIGHT,
        PROP_RESOLVE_TIMEOUT,
        PROP_STATE_FILE,
        PROP_ENGINE_ID,
        PROP_ENGINE_BOOTS,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void request_send (Request *req);
static void engine_pump_queue (GsnmpEngine *self);
static void request_advance (Request *req);
static RemoteEngine *engine_get_remote (GsnmpEngine   *self,
                                        const PeerKey *key);
static void discovery_start (GsnmpEngine  *self,
                             RemoteEngine *remote,
                             Request      *first);
static void discovery_finish (Request *disc,
                              GError  *error);
static gboolean v3_request_encode (Request *req,
                                   GError **error);

/*****************************************************************************/
/* The table of pending requests, by request-id (and SNMPv3 msgID) */

/* Open addressing with linear probing and Fibonacci hashing, so that the
 * engine's consecutive ids spread out and a lookup of an id that is not
 * there (a late or forged reply) stops at a short run; deletion shifts
 * the run back, so there are no tombstones.  Ids in the table are > 0;
 * 0 marks an empty slot.  Cheaper than GHashTable on the path every
 * request takes three times (insert, lookup, remove). */
#define REQUEST_TABLE_MIN_BITS 6

static inline guint
request_table_home (const RequestTable *t,
                    gint32              key)
{
        return ((guint32) key * 2654435769u) >> (32 - t->bits);
}

static void
request_table_init (RequestTable *t)
{
        t->bits = REQUEST_TABLE_MIN_BITS;
        t->len = 0;
        t->slots = g_new0 (RequestSlot, 1u << t->bits);
}

static void
request_table_clear (RequestTable *t)
{
        g_clear_pointer (&t->slots, g_free);
        t->len = 0;
}

static Request *
request_table_lookup (const RequestTable *t,
                      gint32              key)
{
        guint mask = (1u << t->bits) - 1;
        guint i;

        if (key <= 0)
                return NULL;
        for (i = request_table_home (t, key); t->slots[i].key != 0; i = (i + 1) & mask) {
                if (t->slots[i].key == key)
                        return t->slots[i].req;
        }
        return NULL;
}

static void request_table_insert (RequestTable *t,
                                  gint32        key,
                                  Request      *req);

static void
request_table_grow (RequestTable *t)
{
        RequestSlot *old = t->slots;
        guint n = 1u << t->bits;
        guint i;

        t->bits++;
        t->len = 0;
        t->slots = g_new0 (RequestSlot, 1u << t->bits);
        for (i = 0; i < n; i++) {
                if (old[i].key != 0)
                        request_table_insert (t, old[i].key, old[i].req);
        }
        g_free (old);
}

/* @key must not be in the table yet. */
static void
request_table_insert (RequestTable *t,
                      gint32        key,
                      Request      *req)
{
        guint mask;
        guint i;

        g_assert (key > 0);
        /* at most half full */
        if ((t->len + 1) * 2 > (1u << t->bits))
                request_table_grow (t);
        mask = (1u << t->bits) - 1;
        for (i = request_table_home (t, key); t->slots[i].key != 0; i = (i + 1) & mask)
                ;
        t->slots[i].key = key;
        t->slots[i].req = req;
        t->len++;
}

static void
request_table_remove (RequestTable *t,
                      gint32        key)
{
        guint mask = (1u << t->bits) - 1;
        guint i, j;

        if (key <= 0)
                return;
        for (i = request_table_home (t, key); t->slots[i].key != key; i = (i + 1) & mask) {
                if (t->slots[i].key == 0)
                        return;
        }
        /* Shift back the entries after it that may not stay past the hole */
        for (j = (i + 1) & mask; t->slots[j].key != 0; j = (j + 1) & mask) {
                guint home = request_table_home (t, t->slots[j].key);

                /* the entry at j may move to i when its home is not in
                 * the cyclic range (i, j] */
                if ((i <= j) ? (home <= i || home > j) : (home <= i && home > j)) {
                        t->slots[i] = t->slots[j];
                        i = j;
                }
        }
        t->slots[i].key = 0;
        t->slots[i].req = NULL;
        t->len--;
}

/*****************************************************************************/
/* Deadlines: one timer for the whole engine */

/* The requests whose deadline was set @delay µs after the moment it was
 * set.  Since the monotonic clock never goes back, appending keeps each
 * list in deadline order: adding and removing cost O(1) whatever the
 * number in flight, and the earliest deadline is the earliest head.  An
 * engine has one list per distinct delay in use (the targets' timeouts,
 * the resolve timeout): a handful. */
struct _DeadlineList {
        gint64 delay;
        GQueue queue;   /* (element-type Request) through deadline_link */
};

static void
deadline_remove (Request *req)
{
        if (req->deadline_list == NULL)
                return;
        g_queue_unlink (&req->deadline_list->queue, &req->deadline_link);
        req->deadline_list = NULL;
}

static DeadlineList *
engine_get_deadline_list (GsnmpEngine *self,
                          gint64       delay)
{
        DeadlineList *list;
        guint i;

        if (self->last_deadline_list != NULL && self->last_deadline_list->delay == delay)
                return self->last_deadline_list;
        for (i = 0; i < self->deadline_lists->len; i++) {
                list = self->deadline_lists->pdata[i];
                if (list->delay == delay)
                        return self->last_deadline_list = list;
        }
        list = g_new0 (DeadlineList, 1);
        list->delay = delay;
        g_ptr_array_add (self->deadline_lists, list);
        return self->last_deadline_list = list;
}

/* The earliest deadline, or -1 when nothing waits; drops empty lists. */
static gint64
engine_earliest_deadline (GsnmpEngine *self)
{
        gint64 earliest = -1;
        guint i = 0;

        while (i < self->deadline_lists->len) {
                DeadlineList *list = self->deadline_lists->pdata[i];
                Request *head;

                if (list->queue.head == NULL) {
                        if (list == self->last_deadline_list)
                                self->last_deadline_list = NULL;
                        g_ptr_array_remove_index_fast (self->deadline_lists, i);
                        continue;
                }
                head = list->queue.head->data;
                if (earliest < 0 || head->deadline < earliest)
                        earliest = head->deadline;
                i++;
        }
        return earliest;
}

/* Re-arms the timer when @deadline is earlier than what it waits for.  The
 * timer is never pushed later here: when the earliest request completes, the
 * timer fires once for nothing and re-arms itself, which is cheaper than
 * touching the GSource on every reply. */
static void
engine_arm_timer (GsnmpEngine *self,
                  gint64       deadline)
{
        if (self->disposed)
                return;
        if (self->timer_ready < 0 || deadline < self->timer_ready) {
                self->timer_ready = deadline;
                g_source_set_ready_time (self->source, deadline);
        }
}

/* Makes @req wait until @delay_ms from now. */
static void
request_set_deadline (Request *req,
                      guint    delay_ms)
{
        gint64 delay = (gint64) delay_ms * 1000;
        DeadlineList *list;

        deadline_remove (req);
        list = engine_get_deadline_list (req->engine, delay);
        req->deadline = g_get_monotonic_time () + delay;
        req->deadline_list = list;
        req->deadline_link.data = req;
        g_queue_push_tail_link (&list->queue, &req->deadline_link);
        engine_arm_timer (req->engine, req->deadline);
}

/*****************************************************************************/
/* Requests: creation and the one completion function */

/* Request records are kept for the next requests (a GET costs one
 * allocation less); the owned fields are cleared before. */
static Request *
request_new (GsnmpEngine *self)
{
        Request *req = self->request_pool;

        if (req != NULL) {
                self->request_pool = req->next_free;
                self->request_pool_len--;
                req->next_free = NULL;
        } else {
                req = g_new0 (Request, 1);
        }
        req->engine = self;
        req->batch_index = G_MAXUINT;
        req->queue_link.data = req;
        return req;
}

static void
request_release (Request *req)
{
        GsnmpEngine *self = req->engine;

        if (self->request_pool_len >= MAX_REQUEST_POOL) {
                g_free (req);
                return;
        }
        memset (req, 0, sizeof *req);
        req->next_free = self->request_pool;
        self->request_pool = req;
        self->request_pool_len++;
}

static void
request_free (Request *req)
{
        g_clear_pointer (&req->community, g_bytes_unref);
        g_clear_pointer (&req->datagram, g_bytes_unref);
        g_clear_pointer (&req->host, g_free);
        g_clear_object (&req->resolve_cancellable);
        g_clear_object (&req->cancellable);
        g_clear_object (&req->task);
        g_clear_object (&req->result);
        g_clear_object (&req->user);
        g_clear_pointer (&req->user_name, g_bytes_unref);
        g_clear_pointer (&req->pdu, gsnmp_pdu_unref);
        g_clear_pointer (&req->context_engine_id, g_bytes_unref);
        g_clear_pointer (&req->context_name, g_bytes_unref);
        g_clear_pointer (&req->msg_ids, g_array_unref);
        request_release (req);
}

/* Completes @req with @pdu (transfer full) or @error (transfer full).  Every
 * path — reply, timeout, cancellation, resolver failure, dispose — ends here,
 * and this is the only place a request leaves the table. */
/* Takes @req out of every engine structure. */
static void
request_detach (Request *req)
{
        GsnmpEngine *self = req->engine;

        request_table_remove (&self->requests, req->request_id);
        if (req->msg_ids != NULL) {
                guint i;

                for (i = 0; i < req->msg_ids->len; i++)
                        request_table_remove (&self->requests,
                                              g_array_index (req->msg_ids, gint32, i));
                g_array_set_size (req->msg_ids, 0);
        }
        deadline_remove (req);
        if (req->batch_index != G_MAXUINT) {
                self->send_batch->pdata[req->batch_index] = NULL;
                req->batch_index = G_MAXUINT;
        }
        if (req->state == REQUEST_QUEUED)
                g_queue_unlink (&self->send_queue, &req->queue_link);
        else if (req->state == REQUEST_ON_WIRE)
                self->n_on_wire--;
        else if (req->state == REQUEST_DISCOVERING)
                g_queue_unlink (&req->remote->waiting, &req->wait_link);
        req->state = REQUEST_DONE;
}

static void engine_flush_sends (GsnmpEngine *self);

/* Around the engine's own dispatches (timer, cancellations, deferred
 * completions): callbacks run at once, what they send goes out in one
 * batch at the end. */
static void
engine_dispatch_begin (GsnmpEngine *self,
                       gboolean    *saved)
{
        *saved = self->batching;
        self->batching = TRUE;
        self->dispatching++;
}

static void
engine_dispatch_end (GsnmpEngine *self,
                     gboolean     saved)
{
        self->dispatching--;
        self->batching = saved;
        engine_flush_sends (self);
}

/* Drops the engine's reference to a completed @result, keeping the object
 * for the next request when nobody else holds it. */
static void
engine_release_result (GsnmpEngine        *self,
                       GsnmpRequestResult *result)
{
        if (self->result_pool_len < MAX_RESULT_POOL && gsnmp_request_result_recycle (result)) {
                gsnmp_request_result_set_next (result, self->result_pool);
                self->result_pool = result;
                self->result_pool_len++;
                return;
        }
        g_object_unref (result);
}

/* Runs @result's callback (takes the reference), now when the engine is in
 * one of its own dispatches and not inside an _async call, otherwise from
 * the engine's completion source. */
static void
engine_deliver (GsnmpEngine        *self,
                GsnmpRequestResult *result)
{
        if (self->dispatching > 0 && self->starting == 0 && !self->flushing && !self->disposed) {
                gsnmp_request_result_complete (result);
                engine_release_result (self, result);
                return;
        }
        gsnmp_request_result_set_next (result, NULL);
        if (self->deferred_tail != NULL)
                gsnmp_request_result_set_next (self->deferred_tail, result);
        else
                self->deferred_head = result;
        self->deferred_tail = result;
        /* the engine source's prepare sees it before the context polls */
}

static void
request_complete (Request  *req,
                  GsnmpPdu *pdu,
                  GError   *error)
{
        GsnmpEngine *self = req->engine;
        gpointer result = pdu;
        GDestroyNotify result_free = (GDestroyNotify) gsnmp_pdu_unref;
        GTask *task;

        if (req->is_discovery) {
                g_clear_pointer (&pdu, gsnmp_pdu_unref);
                discovery_finish (req, error);
                return;
        }
        self->n_pending--;

        request_detach (req);
        if (req->cancel_id != 0) {
                /* Never called from the cancel handler itself, which only queues */
                g_cancellable_disconnect (req->cancellable, req->cancel_id);
                req->cancel_id = 0;
        }
        if (req->resolve_cancellable != NULL)
                g_cancellable_cancel (req->resolve_cancellable);

        if (error == NULL && req->discover_only) {
                result = g_bytes_ref (req->remote->engine_id);
                result_free = (GDestroyNotify) g_bytes_unref;
        }
        if (req->result != NULL) {
                GsnmpRequestResult *light = g_steal_pointer (&req->result);

                /* Freed before the callback runs, which may start the next request */
                request_free (req);
                if (error != NULL)
                        gsnmp_request_result_set_error (light, error);
                else
                        gsnmp_request_result_set_pointer (light, result, result_free);
                engine_deliver (self, light);
                engine_pump_queue (self);
                return;
        }

        task = g_steal_pointer (&req->task);
        request_free (req);

        if (error != NULL)
                g_task_return_error (task, error);
        else
                g_task_return_pointer (task, result, result_free);
        g_object_unref (task);

        engine_pump_queue (self);
}

static void
on_request_cancelled (GCancellable *cancellable,
                      gpointer      user_data)
{
        /* May run in any thread, and synchronously inside
         * g_cancellable_connect(): hand the request back to the engine,
         * whose timer completes it in the engine's context. */
        Request *req = user_data;
        GsnmpEngine *self = req->engine;
        CancelEntry entry = { req->request_id, req->serial };

        g_mutex_lock (&self->cancel_lock);
        g_array_append_val (self->cancelled, entry);
        g_mutex_unlock (&self->cancel_lock);

        /* The engine source's prepare or check sees the flag; the wake-up
         * makes a context blocked in poll() look */
        g_atomic_int_set (&self->cancel_pending, 1);
        g_main_context_wakeup (self->context);
}

static gint32
engine_next_request_id (GsnmpEngine *self)
{
        gint32 id;

        do {
                id = self->next_request_id;
                self->next_request_id = id == G_MAXINT32 ? 1 : id + 1;
        } while (request_table_lookup (&self->requests, id) != NULL);

        return id;
}

static void
peer_key_from_native (PeerKey               *key,
                      const struct sockaddr *sa)
{
        memset (key, 0, sizeof *key);
        if (sa->sa_family == AF_INET) {
                const struct sockaddr_in *sin = (const struct sockaddr_in *) sa;

                key->family = AF_INET;
                key->port = g_ntohs (sin->sin_port);
                memcpy (key->addr, &sin->sin_addr, 4);
        } else if (sa->sa_family == AF_INET6) {
                const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *) sa;

                key->family = AF_INET6;
                key->port = g_ntohs (sin6->sin6_port);
                memcpy (key->addr, &sin6->sin6_addr, 16);
        }
}

static char *
peer_to_string (Request *req)
{
        g_autoptr(GSocketAddress) peer = NULL;
        g_autofree char *host = NULL;
        GInetAddress *addr;
        guint16 port;

        if (req->peer_native_len > 0)
                peer = g_socket_address_new_from_native (&req->peer_native, req->peer_native_len);
        if (peer == NULL || !G_IS_INET_SOCKET_ADDRESS (peer))
                return g_strdup ("?");
        addr = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (peer));
        port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (peer));
        host = g_inet_address_to_string (addr);
        if (g_inet_address_get_family (addr) == G_SOCKET_FAMILY_IPV6)
                return g_strdup_printf ("[%s]:%u", host, port);
        return g_strdup_printf ("%s:%u", host, port);
}

/* Picks the socket for @sa (@len bytes) and records where the request
 * goes.  An IPv4-mapped IPv6 address is normalised to IPv4, since the IPv6
 * socket is IPv6-only. */
static gboolean
request_set_peer_native (Request               *req,
                         const struct sockaddr *sa,
                         socklen_t              len,
                         GError               **error)
{
        GsnmpEngine *self = req->engine;
        const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *) sa;

        if (len > sizeof req->peer_native ||
            (sa->sa_family != AF_INET && sa->sa_family != AF_INET6)) {
                g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                     _("Not an IPv4 or IPv6 address"));
                return FALSE;
        }
        if (sa->sa_family == AF_INET6 && IN6_IS_ADDR_V4MAPPED (&sin6->sin6_addr)) {
                struct sockaddr_in *sin = (struct sockaddr_in *) &req->peer_native;

                memset (sin, 0, sizeof *sin);
                sin->sin_family = AF_INET;
                sin->sin_port = sin6->sin6_port;
                memcpy (&sin->sin_addr, &sin6->sin6_addr.s6_addr[12], 4);
                req->peer_native_len = sizeof *sin;
        } else {
                memcpy (&req->peer_native, sa, len);
                req->peer_native_len = len;
        }

        if (req->peer_native.ss_family == AF_INET6) {
                if (self->transport6 == NULL) {
                        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("IPv6 is not available on this system"));
                        return FALSE;
                }
                req->transport = self->transport6;
        } else {
                if (self->transport4 == NULL) {
                        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("IPv4 is not available on this system"));
                        return FALSE;
                }
                req->transport = self->transport4;
        }

        peer_key_from_native (&req->peer_key, (struct sockaddr *) &req->peer_native);

        return TRUE;
}

/* request_set_peer_native() for @address and the request's port. */
static gboolean
request_set_peer (Request      *req,
                  GInetAddress *address,
                  GError      **error)
{
        g_autoptr(GSocketAddress) peer = g_inet_socket_address_new (address, req->port);
        struct sockaddr_storage native;

        if (!g_socket_address_to_native (peer, &native, sizeof native, error))
                return FALSE;
        return request_set_peer_native (req, (struct sockaddr *) &native,
                                        (socklen_t) g_socket_address_get_native_size (peer),
                                        error);
}

/* What to do after a send of @req failed with @error (transfer full): a
 * full send buffer is a lost datagram, which the timer retransmits; any
 * other error ends the request. */
static gboolean
request_send_failed (Request *req,
                     GError  *error)
{
        if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
                g_debug ("send buffer full; request %d will be retransmitted", req->request_id);
                g_error_free (error);
                return FALSE;
        } else {
                g_autofree char *peer = peer_to_string (req);

                g_prefix_error (&error, _("Could not send to %s: "), peer);
                request_complete (req, NULL, error);
                return TRUE;
        }
}

/* Sends the queued datagrams of the requests in @reqs (@n of them, all on
 * @transport) with one system call. */
static void
engine_send_batch (GsnmpEngine    *engine,
                   GsnmpTransport *transport,
                   Request       **reqs,
                   guint           n)
{
        GsnmpTransportMessage msgs[64];
        CancelEntry failed[64];
        int errors[64];
        guint i, n_failed = 0;

        g_assert (n <= G_N_ELEMENTS (msgs));
        for (i = 0; i < n; i++) {
                msgs[i].to = (struct sockaddr *) &reqs[i]->peer_native;
                msgs[i].to_len = reqs[i]->peer_native_len;
                msgs[i].data = g_bytes_get_data (reqs[i]->datagram, &msgs[i].length);
        }
        gsnmp_transport_send_batch (transport, msgs, n);

        /* Failures are rare; a request that fails may complete (and a
         * callback run) before the next is looked at, so each is found
         * again by its request-id and serial */
        for (i = 0; i < n; i++) {
                if (msgs[i].error != 0) {
                        failed[n_failed].request_id = reqs[i]->request_id;
                        failed[n_failed].serial = reqs[i]->serial;
                        errors[n_failed++] = msgs[i].error;
                }
        }
        for (i = 0; i < n_failed; i++) {
                GsnmpEngine *self = engine;
                Request *req = request_table_lookup (&self->requests, failed[i].request_id);

                if (req == NULL || req->serial != failed[i].serial || req->state != REQUEST_ON_WIRE)
                        continue;
                request_send_failed (req, g_error_new_literal (G_IO_ERROR,
                                                               g_io_error_from_errno (errors[i]),
                                                               g_strerror (errors[i])));
        }
}

/* Sends what request_send() queued during the engine's dispatches, in the
 * order it was queued (per socket).  Runs before the main context polls
 * (the completion source's prepare), so nested main loops flush too;
 * callbacks of requests that fail here run later, from that source. */
static void
engine_flush_sends (GsnmpEngine *self)
{
        GPtrArray *batch = self->send_batch;
        GsnmpTransport *transports[2] = { self->transport4, self->transport6 };
        guint t, i;

        if (batch->len == 0 || self->flushing)
                return;
        /* What fails below completes, and what that starts is sent at once
         * (flushing); a request completed meanwhile has left the batch */
        self->flushing = TRUE;
        for (t = 0; t < G_N_ELEMENTS (transports); t++) {
                Request *reqs[64];
                guint n = 0;

                if (transports[t] == NULL)
                        continue;
                for (i = 0; i < batch->len; i++) {
                        Request *req = batch->pdata[i];

                        /* NULL: completed meanwhile, or already sent */
                        if (req == NULL || req->transport != transports[t])
                                continue;
                        batch->pdata[i] = NULL;
                        req->batch_index = G_MAXUINT;
                        reqs[n++] = req;
                        if (n == G_N_ELEMENTS (reqs)) {
                                engine_send_batch (self, transports[t], reqs, n);
                                n = 0;
                        }
                }
                if (n > 0)
                        engine_send_batch (self, transports[t], reqs, n);
        }
        g_ptr_array_set_size (batch, 0);
        self->flushing = FALSE;
}

/* Sends the datagram (again) and waits for the answer until the deadline.
 * From the engine's own dispatches the datagram joins the send batch. */
static void
request_send (Request *req)
{
        GsnmpEngine *self = req->engine;
        g_autoptr(GError) error = NULL;
        gsize len;
        const guint8 *data;
        gboolean sent;

        if (self->dispatching > 0 && !self->flushing && !req->send_only &&
            (self->batching || self->send_batch->len > 0)) {
                if (req->batch_index == G_MAXUINT) {
                        req->batch_index = self->send_batch->len;
                        g_ptr_array_add (self->send_batch, req);
                }
                request_set_deadline (req, req->timeout_ms);
                return;
        }

        data = g_bytes_get_data (req->datagram, &len);
        sent = gsnmp_transport_send (req->transport, (struct sockaddr *) &req->peer_native,
                                     req->peer_native_len, data, len, &error);
        if (!sent && request_send_failed (req, g_steal_pointer (&error)))
                return;
        if (sent && req->send_only) {
                request_complete (req, NULL, NULL);
                return;
        }

        request_set_deadline (req, req->timeout_ms);
}

/* The one step function (see the flow above): takes @req, whose peer is
 * known, to DISCOVERING, DONE (discover_async), QUEUED or ON_WIRE. */
static void
request_advance (Request *req)
{
        GsnmpEngine *self = req->engine;
        g_autoptr(GError) error = NULL;

        deadline_remove (req);
        req->state = REQUEST_NEW;

        if (req->version == GSNMP_PROTOCOL_VERSION_V3 && req->datagram == NULL) {
                /* Not encoded yet: the agent's engine ID comes first */
                req->remote = engine_get_remote (self, &req->peer_key);
                if (req->remote->engine_id == NULL && !req->local_authoritative) {
                        req->state = REQUEST_DISCOVERING;
                        req->wait_link.data = req;
                        g_queue_push_tail_link (&req->remote->waiting, &req->wait_link);
                        if (req->remote->discovery == NULL)
                                discovery_start (self, req->remote, req);
                        return;
                }
                if (req->discover_only) {
                        request_complete (req, NULL, NULL);
                        return;
                }
                if (!v3_request_encode (req, &error)) {
                        request_complete (req, NULL, g_steal_pointer (&error));
                        return;
                }
        }

        if (self->n_on_wire >= self->max_in_flight || self->send_queue.length > 0) {
                req->state = REQUEST_QUEUED;
                g_queue_push_tail_link (&self->send_queue, &req->queue_link);
                engine_pump_queue (self);
                return;
        }
        req->state = REQUEST_ON_WIRE;
        self->n_on_wire++;
        request_send (req);
}

static void
engine_pump_queue (GsnmpEngine *self)
{
        if (self->pumping || self->disposed)
                return;
        self->pumping = TRUE;
        while (self->send_queue.length > 0 && self->n_on_wire < self->max_in_flight) {
                GList *link = g_queue_pop_head_link (&self->send_queue);
                Request *req = link->data;

                req->state = REQUEST_ON_WIRE;
                self->n_on_wire++;
                request_send (req);
        }
        self->pumping = FALSE;
}

/*****************************************************************************/
/* Name resolution, bounded by the engine */

typedef struct {
        GWeakRef engine;
        gint32   request_id;
        guint64  serial;
} ResolveData;

static GInetAddress *
pick_address (GList        *addresses,
              GSocketFamily hint)
{
        GList *l;

        for (l = addresses; l != NULL; l = l->next) {
                GSocketFamily family = g_inet_address_get_family (l->data);

                if (family == (hint == G_SOCKET_FAMILY_INVALID ? G_SOCKET_FAMILY_IPV4 : hint))
                        return l->data;
        }
        if (hint == G_SOCKET_FAMILY_INVALID && addresses != NULL)
                return addresses->data;
        return NULL;
}

static void
on_resolved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
        ResolveData *data = user_data;
        g_autoptr(GsnmpEngine) self = g_weak_ref_get (&data->engine);
        g_autoptr(GError) error = NULL;
        GList *addresses;
        Request *req = NULL;
        GInetAddress *address;

        addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (source), result, &error);

        if (self != NULL && !self->disposed)
                req = request_table_lookup (&self->requests, data->request_id);
        g_weak_ref_clear (&data->engine);
        if (req == NULL || req->serial != data->serial || req->state != REQUEST_RESOLVING) {
                /* Completed meanwhile (timeout, cancellation, dispose) */
                g_resolver_free_addresses (addresses);
                g_free (data);
                return;
        }
        g_free (data);
        g_clear_object (&req->resolve_cancellable);

        if (addresses == NULL) {
                /* The resolver's own error, unchanged: it names the host */
                request_complete (req, NULL, g_steal_pointer (&error));
                return;
        }

        address = pick_address (addresses, req->family_hint);
        if (address == NULL) {
                g_set_error (&error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                             req->family_hint == G_SOCKET_FAMILY_IPV6 ?
                             _("“%s” has no IPv6 address") : _("“%s” has no IPv4 address"),
                             req->host);
        } else {
                request_set_peer (req, address, &error);
        }
        g_resolver_free_addresses (addresses);

        if (error != NULL) {
                request_complete (req, NULL, g_steal_pointer (&error));
                return;
        }
        request_advance (req);
}

static void
request_resolve (Request *req)
{
        GsnmpEngine *self = req->engine;
        g_autoptr(GResolver) resolver = g_resolver_get_default ();
        ResolveData *data = g_new0 (ResolveData, 1);

        g_weak_ref_init (&data->engine, self);
        data->request_id = req->request_id;
        data->serial = req->serial;

        req->state = REQUEST_RESOLVING;
        req->resolve_cancellable = g_cancellable_new ();
        /* GResolver in GLib 2.74 has no timeout of its own */
        request_set_deadline (req, self->resolve_timeout_ms);
        g_resolver_lookup_by_name_async (resolver, req->host, req->resolve_cancellable,
                                         on_resolved, data);
}


/*****************************************************************************/
/* SNMPv3: discovery, timeliness and USM (RFC 3412, RFC 3414) */


static guint
peer_key_hash (gconstpointer key)
{
        const PeerKey *k = key;
        guint h = k->family * 31 + k->port;
        guint i;

        for (i = 0; i < 16; i++)
                h = h * 33 + k->addr[i];
        return h;
}

static gboolean
peer_key_equal (gconstpointer a,
                gconstpointer b)
{
        return memcmp (a, b, sizeof (PeerKey)) == 0;
}

static void
remote_engine_free (RemoteEngine *remote)
{
        g_clear_pointer (&remote->engine_id, g_bytes_unref);
        g_free (remote);
}

static RemoteEngine *
engine_get_remote (GsnmpEngine   *self,
                   const PeerKey *key)
{
        RemoteEngine *remote = g_hash_table_lookup (self->remotes, key);

        if (remote == NULL) {
                remote = g_new0 (RemoteEngine, 1);
                remote->key = *key;
                g_queue_init (&remote->waiting);
                g_hash_table_insert (self->remotes, &remote->key, remote);
        }
        return remote;
}

/* Encodes @req for one attempt: a new msgID that maps back to @req, the
 * engine's current notion of the agent's boots and time, and a new HMAC. */
static gboolean
v3_request_encode (Request *req,
                   GError **error)
{
        GsnmpEngine *self = req->engine;
        RemoteEngine *remote = req->remote;
        GsnmpMessageV3 msg = { 0, };
        g_autoptr(GsnmpUsmKey) auth_key = NULL;
        g_autoptr(GsnmpUsmKey) priv_key = NULL;
        g_autoptr(GBytes) empty = NULL;
        GsnmpSecurityLevel level = req->is_discovery ? GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV :
                                                       req->level;
        gint32 msg_id = engine_next_request_id (self);
        GBytes *datagram;

        msg.msg_id = msg_id;
        msg.msg_max_size = MAX_DATAGRAM_SIZE;
        /* RFC 3412 §6.4: unconfirmed PDUs (traps) are not reportable */
        msg.msg_flags = (req->local_authoritative ? 0 : GSNMP_V3_FLAG_REPORTABLE) |
                        gsnmp_usm_flags_from_level (level);
        msg.security_model = GSNMP_V3_SECURITY_MODEL_USM;
        msg.pdu = req->pdu;

        if (req->is_discovery) {
                /* RFC 3414 §4: an unauthenticated request with an empty
                 * engine ID and user name draws a report with both */
                empty = g_bytes_new_static ("", 0);
                msg.engine_id = empty;
                msg.user_name = empty;
                msg.context_engine_id = empty;
                msg.context_name = empty;
        } else {
                GBytes *engine_id = req->local_authoritative ? gsnmp_local_engine_get_id (self->local) :
                                                               remote->engine_id;
                gsize id_len;
                const guint8 *id = g_bytes_get_data (engine_id, &id_len);

                msg.engine_id = engine_id;
                if (req->local_authoritative) {
                        /* RFC 3414 §3.1.1: a trap carries our own engine's clock */
                        msg.engine_boots = gsnmp_local_engine_get_boots (self->local);
                        msg.engine_time = gsnmp_engine_get_engine_time (self);
                } else {
                        msg.engine_boots = remote->clock.boots;
                        msg.engine_time = gsnmp_usm_clock_now (&remote->clock);
                }
                msg.user_name = req->user_name;
                msg.context_engine_id = req->context_engine_id ? req->context_engine_id :
                                                                 engine_id;
                msg.context_name = req->context_name;

                if (level >= GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV) {
                        auth_key = gsnmp_usm_key_cache_get_auth_key (self->keys, req->user,
                                                                     id, id_len, error);
                        if (auth_key == NULL)
                                return FALSE;
                }
                if (level == GSNMP_SECURITY_LEVEL_AUTH_PRIV) {
                        priv_key = gsnmp_usm_key_cache_get_priv_key (self->keys, req->user,
                                                                     id, id_len, error);
                        if (priv_key == NULL)
                                return FALSE;
                }
        }

        datagram = gsnmp_message_v3_encode (&msg, auth_key, priv_key, MAX_DATAGRAM_SIZE, error);
        if (datagram == NULL)
                return FALSE;

        g_clear_pointer (&req->datagram, g_bytes_unref);
        req->datagram = datagram;
        if (req->msg_ids == NULL)
                req->msg_ids = g_array_new (FALSE, FALSE, sizeof (gint32));
        g_array_append_val (req->msg_ids, msg_id);
        request_table_insert (&self->requests, msg_id, req);

        return TRUE;
}

static void
discovery_start (GsnmpEngine  *self,
                 RemoteEngine *remote,
                 Request      *first)
{
        g_autoptr(GError) error = NULL;
        Request *disc = request_new (self);

        disc->serial = ++self->next_serial;
        disc->version = GSNMP_PROTOCOL_VERSION_V3;
        disc->is_discovery = TRUE;
        disc->remote = remote;
        disc->transport = first->transport;
        disc->peer_key = first->peer_key;
        disc->peer_native = first->peer_native;
        disc->peer_native_len = first->peer_native_len;
        disc->port = first->port;
        /* Discovery has its own retry budget: that of the first request */
        disc->timeout_ms = first->timeout_ms;
        disc->retries_left = first->retries_left;
        disc->request_id = engine_next_request_id (self);
        disc->pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_GET);
        gsnmp_pdu_set_request_id (disc->pdu, disc->request_id);
        request_table_insert (&self->requests, disc->request_id, disc);
        remote->discovery = disc;

        g_debug ("discovering the SNMP engine at request %d's agent", first->request_id);
        if (!v3_request_encode (disc, &error)) {
                discovery_finish (disc, g_steal_pointer (&error));
                return;
        }
        request_advance (disc);
}

/* Ends a discovery: with @error (transfer full) every waiting request fails
 * with it, otherwise they are encoded and sent. */
static void
discovery_finish (Request *disc,
                  GError  *error)
{
        RemoteEngine *remote = disc->remote;
        GQueue waiting = remote->waiting;

        request_detach (disc);
        remote->discovery = NULL;
        g_queue_init (&remote->waiting);
        request_free (disc);

        while (waiting.length > 0) {
                GList *link = g_queue_pop_head_link (&waiting);
                Request *req = link->data;

                req->state = REQUEST_NEW;  /* in no queue */
                if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)) {
                        /* No answer: GSNMP_ERROR_DISCOVERY_FAILED tells it
                         * from a request that timed out */
                        request_complete (req, NULL,
                                          g_error_new (GSNMP_ERROR, GSNMP_ERROR_DISCOVERY_FAILED,
                                                       _("SNMPv3 engine discovery failed: %s"),
                                                       error->message));
                } else if (error != NULL) {
                        /* A socket error, unchanged but for the context */
                        GError *copy = g_error_copy (error);

                        g_prefix_error (&copy, "%s", _("SNMPv3 engine discovery failed: "));
                        request_complete (req, NULL, copy);
                } else {
                        request_advance (req);
                }
        }
        g_clear_error (&error);
}

/* Maps a Report-PDU to the error it stands for (RFC 3414 §3.2, RFC 3412 §7.2). */
static GError *
report_to_error (Request  *req,
                 GsnmpPdu *report)
{
        static const guint32 mpd_stats[] = { 1, 3, 6, 1, 6, 3, 11, 2, 1 };
        static const guint32 target_stats[] = { 1, 3, 6, 1, 6, 3, 12, 1 };
        const char *user = gsnmp_usm_user_get_user_name (req->user);
        g_autofree char *oid_str = NULL;
        GsnmpVarbind *vb;
        GsnmpUsmStatus status;
        const guint32 *ids;
        gsize n;

        if (gsnmp_pdu_get_n_varbinds (report) == 0)
                return g_error_new_literal (GSNMP_ERROR, GSNMP_ERROR_FAILED,
                                            _("The agent sent an empty report"));
        vb = gsnmp_pdu_get_varbind (report, 0);
        ids = gsnmp_oid_get_ids (gsnmp_varbind_get_oid (vb), &n);

        status = gsnmp_usm_status_from_oid (gsnmp_varbind_get_oid (vb));
        if (status != GSNMP_USM_STATUS_OK)
                return gsnmp_usm_status_to_error (status, user);
        if (n == 10 && memcmp (ids, target_stats, sizeof target_stats) == 0) {
                if (ids[8] == 5)
                        return g_error_new_literal (GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_CONTEXT,
                                                    _("Unknown context: check the context name"));
                if (ids[8] == 4)
                        return g_error_new_literal (GSNMP_ERROR, GSNMP_ERROR_UNAVAILABLE_CONTEXT,
                                                    _("Unavailable context: check the context name"));
        } else if (n >= 9 && memcmp (ids, mpd_stats, sizeof mpd_stats) == 0) {
                return g_error_new_literal (GSNMP_ERROR, GSNMP_ERROR_FAILED,
                                            _("The agent could not process the message (snmpUnknownPDUHandlers or snmpInvalidMsgs)"));
        }

        oid_str = gsnmp_oid_to_string (gsnmp_varbind_get_oid (vb));
        return g_error_new (GSNMP_ERROR, GSNMP_ERROR_FAILED,
                            _("The agent sent a report: %s"), oid_str);
}

static void
engine_handle_v3 (GsnmpEngine   *self,
                  const PeerKey  *from,
                  GsnmpMessageV3 *msg,
                  const guint8   *data,
                  gsize           len)
{
        g_autoptr(GError) error = NULL;
        RemoteEngine *remote;
        Request *req;
        gboolean authentic;
        GsnmpPduType type;

        req = request_table_lookup (&self->requests, msg->msg_id);
        if (req == NULL || req->state != REQUEST_ON_WIRE ||
            memcmp (from, &req->peer_key, sizeof *from) != 0) {
                g_debug ("dropping SNMPv3 message with unknown msgID %d or from another address",
                         msg->msg_id);
                return;
        }
        remote = req->remote;

        if (req->is_discovery) {
                /* The unknownEngineID report carries the engine ID, boots and time */
                if (msg->pdu == NULL || gsnmp_pdu_get_pdu_type (msg->pdu) != GSNMP_PDU_TYPE_REPORT ||
                    msg->engine_id == NULL || g_bytes_get_size (msg->engine_id) == 0) {
                        g_debug ("dropping discovery answer without an engine ID");
                        return;
                }
                g_clear_pointer (&remote->engine_id, g_bytes_unref);
                remote->engine_id = g_bytes_ref (msg->engine_id);
                gsnmp_usm_clock_set (&remote->clock, msg->engine_boots, msg->engine_time);
                request_complete (req, NULL, NULL);
                return;
        }

        authentic = (msg->msg_flags & GSNMP_V3_FLAG_AUTH) != 0;
        if (authentic) {
                g_autoptr(GsnmpUsmKey) auth_key = NULL;
                g_autoptr(GsnmpUsmKey) priv_key = NULL;

                if (msg->engine_id == NULL || remote->engine_id == NULL ||
                    !g_bytes_equal (msg->engine_id, remote->engine_id) ||
                    msg->user_name == NULL || !g_bytes_equal (msg->user_name, req->user_name) ||
                    req->level == GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV) {
                        g_debug ("dropping SNMPv3 message for another engine, user or level");
                        return;
                }
                /* RFC 3414 §3.2 steps 6-8, as the non-authoritative side */
                if (gsnmp_usm_process_incoming (self->keys, self->local, req->user, &remote->clock,
                                                msg, data, len, &auth_key, &priv_key,
                                                &error) != GSNMP_USM_STATUS_OK) {
                        g_debug ("dropping SNMPv3 message that failed USM processing: %s",
                                 error->message);
                        return;
                }
        }

        if (msg->pdu == NULL)
                return;
        type = gsnmp_pdu_get_pdu_type (msg->pdu);

        if (type == GSNMP_PDU_TYPE_REPORT) {
                GError *report_error = report_to_error (req, msg->pdu);

                /* Unauthenticated reports only end the request they answer */
                if (authentic && g_error_matches (report_error, GSNMP_ERROR,
                                                  GSNMP_ERROR_NOT_IN_TIME_WINDOW) &&
                    req->resyncs_left > 0) {
                        /* gsnmp_usm_clock_check() took the agent's boots and time:
                         * resynchronised, retry once */
                        g_error_free (report_error);
                        req->resyncs_left--;
                        g_debug ("resynchronised with the agent's clock; resending request %d",
                                 req->request_id);
                        if (!v3_request_encode (req, &error)) {
                                request_complete (req, NULL, g_steal_pointer (&error));
                                return;
                        }
                        request_send (req);
                        return;
                }
                if (g_error_matches (report_error, GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_ENGINE_ID)) {
                        /* The agent's engine changed: the next request discovers it again */
                        g_clear_pointer (&remote->engine_id, g_bytes_unref);
                }
                request_complete (req, NULL, report_error);
                return;
        }

        if (type != GSNMP_PDU_TYPE_RESPONSE ||
            gsnmp_usm_level_from_flags (msg->msg_flags) != req->level ||
            gsnmp_pdu_get_request_id (msg->pdu) != req->request_id) {
                g_debug ("dropping SNMPv3 response of another type, security level or request-id");
                return;
        }

        request_complete (req, g_steal_pointer (&msg->pdu), NULL);
}

/*****************************************************************************/
/* Receiving: socket → message → dispatcher */

static void
engine_handle_datagram (GsnmpEngine           *self,
                        const struct sockaddr *from,
                        const guint8          *data,
                        gsize                  len)
{
        g_autoptr(GError) error = NULL;
        g_auto(GsnmpIncoming) in = { 0, };
        GsnmpMessage *msg = &in.community;
        PeerKey key;
        Request *req;

        if (!gsnmp_message_decode_any (data, len, self->local, &in, &error)) {
                g_debug ("dropping a datagram of %" G_GSIZE_FORMAT " bytes: %s",
                         len, error->message);
                return;
        }
        peer_key_from_native (&key, from);
        if (in.version == GSNMP_PROTOCOL_VERSION_V3) {
                engine_handle_v3 (self, &key, &in.v3, data, len);
                return;
        }

        if (msg->pdu == NULL || gsnmp_pdu_get_pdu_type (msg->pdu) != GSNMP_PDU_TYPE_RESPONSE) {
                g_debug ("dropping a message that is not a response");
                return;
        }

        req = request_table_lookup (&self->requests, gsnmp_pdu_get_request_id (msg->pdu));
        if (req == NULL || req->state != REQUEST_ON_WIRE) {
                g_debug ("dropping response with unknown or late request-id %d",
                         gsnmp_pdu_get_request_id (msg->pdu));
                return;
        }

        if (memcmp (&key, &req->peer_key, sizeof key) != 0) {
                g_debug ("dropping response to request %d from an address or port it "
                         "was not sent to", req->request_id);
                return;
        }

        if (msg->version != req->version ||
            (req->community != NULL &&
             (msg->community == NULL || !g_bytes_equal (msg->community, req->community)))) {
                g_debug ("dropping response to request %d with another version or community",
                         req->request_id);
                return;
        }

        request_complete (req, g_steal_pointer (&msg->pdu), NULL);
}

/* Each datagram the engine's transports read (one batch per dispatch: a
 * request that a callback starts and whose answer came in the same
 * main-loop iteration would make its GTask complete through an idle source
 * of its own). */
static void
on_datagram (GsnmpTransport        *transport,
             const struct sockaddr *from,
             socklen_t              from_len,
             const guint8          *data,
             gsize                  length,
             gboolean               truncated,
             gpointer               owner)
{
        GsnmpEngine *self = owner;
        gboolean saved;

        if (self->disposed)
                return;
        gsnmp_local_engine_count (self->local, GSNMP_COUNTER_IN_PKTS);
        if (truncated) {
                g_debug ("dropping truncated datagram");
                gsnmp_local_engine_count (self->local, GSNMP_COUNTER_IN_ASN_PARSE_ERRS);
                return;
        }
        /* What the callbacks send waits for the last datagram of the read,
         * then goes out in one batch; a lone reply's next request goes out
         * at once */
        saved = self->batching;
        self->batching = gsnmp_transport_has_more (transport);
        self->dispatching++;
        engine_handle_datagram (self, from, data, length);
        self->dispatching--;
        self->batching = saved;
        if (!gsnmp_transport_has_more (transport))
                engine_flush_sends (self);
}

/*****************************************************************************/
/* The timer: retransmissions, timeouts and cancellations */

static void
engine_process_cancellations (GsnmpEngine *self)
{
        g_autoptr(GArray) cancelled = NULL;
        guint i;

        g_mutex_lock (&self->cancel_lock);
        if (self->cancelled->len > 0) {
                cancelled = self->cancelled;
                self->cancelled = g_array_new (FALSE, FALSE, sizeof (CancelEntry));
        }
        g_mutex_unlock (&self->cancel_lock);

        if (cancelled == NULL)
                return;

        for (i = 0; i < cancelled->len && !self->disposed; i++) {
                CancelEntry *entry = &g_array_index (cancelled, CancelEntry, i);
                Request *req = request_table_lookup (&self->requests, entry->request_id);

                if (req == NULL || req->serial != entry->serial)
                        continue;
                request_complete (req, NULL,
                                  g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                       _("Operation was cancelled")));
        }
}

static void request_expire (Request *req);

static void
engine_process_deadlines (GsnmpEngine *self)
{
        gint64 now = g_get_monotonic_time ();
        guint i;

        /* List by list (a callback may add lists: they are looked up by
         * index); what is retransmitted goes to the tail with a later
         * deadline */
        for (i = 0; i < self->deadline_lists->len && !self->disposed; i++) {
                DeadlineList *list = self->deadline_lists->pdata[i];

                while (list->queue.head != NULL && !self->disposed) {
                        Request *req = list->queue.head->data;

                        if (req->deadline > now)
                                break;
                        request_expire (req);
                }
        }
}

/* @req's deadline passed: a retransmission, or the end */
static void
request_expire (Request *req)
{
        GsnmpEngine *self = req->engine;
        g_autoptr(GError) error = NULL;

        if (req->state == REQUEST_RESOLVING) {
                request_complete (req, NULL,
                                  g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                               _("Timed out resolving “%s”"), req->host));
        } else if (req->retries_left > 0) {
                req->retries_left--;
                if (req->version == GSNMP_PROTOCOL_VERSION_V3 && !req->is_discovery &&
                    !req->local_authoritative && req->remote->engine_id == NULL) {
                        /* unknownEngineID made us forget the agent's
                         * engine: rediscover it, then resend */
                        deadline_remove (req);
                        self->n_on_wire--;
                        g_clear_pointer (&req->datagram, g_bytes_unref);
                        request_advance (req);
                        engine_pump_queue (self);
                        return;
                }
                g_debug ("retransmitting request %d", req->request_id);
                if (req->version == GSNMP_PROTOCOL_VERSION_V3 &&
                    !v3_request_encode (req, &error)) {
                        request_complete (req, NULL, g_steal_pointer (&error));
                        return;
                }
                request_send (req);
        } else {
                g_autofree char *peer = peer_to_string (req);

                /* RFC 3414 §3.2 step 8: an agent sends no report when it
                 * cannot decrypt, so say what to check */
                if (req->version == GSNMP_PROTOCOL_VERSION_V3 && !req->is_discovery &&
                    req->level == GSNMP_SECURITY_LEVEL_AUTH_PRIV)
                        request_complete (req, NULL,
                                          g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                                       _("No response from %s (with authPriv, a wrong privacy pass phrase also ends in a timeout: agents send no report on a decryption error)"),
                                                       peer));
                else
                        request_complete (req, NULL,
                                          g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                                       _("No response from %s"), peer));
        }
}

/* The engine source's dispatch: deferred callbacks, cancellations and,
 * when its time came, the timer. */
static gboolean
on_engine_source (gpointer user_data)
{
        /* The last callback may drop the last reference */
        g_autoptr(GsnmpEngine) self = g_object_ref (GSNMP_ENGINE (user_data));
        GsnmpRequestResult *result = self->deferred_head;
        gboolean timer_due = self->timer_ready >= 0 &&
                             g_get_monotonic_time () >= self->timer_ready;
        gboolean saved;

        /* Only those queued so far: a callback may queue more.  The flag
         * is cleared before the cancellation queue is taken: one queued
         * after this sets it again. */
        self->deferred_head = self->deferred_tail = NULL;
        g_atomic_int_set (&self->cancel_pending, 0);
        if (timer_due) {
                self->timer_ready = -1;
                g_source_set_ready_time (self->source, -1);
        }

        engine_dispatch_begin (self, &saved);
        while (result != NULL) {
                GsnmpRequestResult *next = gsnmp_request_result_get_next (result);

                gsnmp_request_result_complete (result);
                engine_release_result (self, result);
                result = next;
        }
        engine_process_cancellations (self);
        if (timer_due)
                engine_process_deadlines (self);
        engine_dispatch_end (self, saved);

        if (timer_due && !self->disposed) {
                gint64 earliest = engine_earliest_deadline (self);

                if (earliest >= 0)
                        engine_arm_timer (self, earliest);
        }
        return G_SOURCE_CONTINUE;
}

typedef struct {
        GSource      source;
        GsnmpEngine *engine;   /* (unowned) the source dies in its finalize */
} EngineSource;

static gboolean
engine_source_pending (GsnmpEngine *self)
{
        return self->deferred_head != NULL || g_atomic_int_get (&self->cancel_pending);
}

/* Before the context polls: send the batch, and be ready when callbacks
 * or cancellations wait (the timer is the source's ready time). */
static gboolean
engine_source_prepare (GSource *source,
                       gint    *timeout)
{
        GsnmpEngine *self = ((EngineSource *) source)->engine;

        engine_flush_sends (self);
        if (engine_source_pending (self)) {
                *timeout = 0;
                return TRUE;
        }
        *timeout = -1;
        return FALSE;
}

static gboolean
engine_source_check (GSource *source)
{
        return engine_source_pending (((EngineSource *) source)->engine);
}

static gboolean
engine_source_dispatch (GSource     *source,
                        GSourceFunc  callback,
                        gpointer     user_data)
{
        return callback (user_data);
}

static GSourceFuncs engine_source_funcs = {
        engine_source_prepare, engine_source_check, engine_source_dispatch, NULL, NULL, NULL,
};

/*****************************************************************************/
/* GObject and GInitable */

static GsnmpTransport *
open_transport (GsnmpEngine   *self,
                GSocketFamily  family,
                GError       **error)
{
        g_autoptr(GInetAddress) any = g_inet_address_new_any (family);
        g_autoptr(GSocketAddress) address = g_inet_socket_address_new (any, 0);

        /* Nothing comes to it before it sent a request */
        return gsnmp_transport_new_lazy (address, self->context, "[gsnmp] engine socket",
                                         on_datagram, self, error);
}

/* Opens the engine: state, sockets, sources.  Runs from constructed(), so
 * that g_object_new() alone (Gsnmp.Engine() in Python, new Gsnmp.Engine()
 * in JavaScript) gives a working engine; GInitable reports its error. */
static gboolean
engine_open (GsnmpEngine *self,
             GError     **error)
{
        g_autoptr(GError) error6 = NULL;
        gint size = 0;

        if (self->transport4 != NULL)
                return TRUE;

        if (self->engine_id != NULL) {
                gsize len = g_bytes_get_size (self->engine_id);

                if (len < 5 || len > 32) {
                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                                     _("An SNMP engine ID has 5 to 32 octets, not %" G_GSIZE_FORMAT), len);
                        return FALSE;
                }
        }
        self->local = gsnmp_local_engine_new (self->state_file, self->engine_id, error);
        if (self->local == NULL)
                return FALSE;

        self->transport4 = open_transport (self, G_SOCKET_FAMILY_IPV4, error);
        if (self->transport4 == NULL)
                return FALSE;

        self->transport6 = open_transport (self, G_SOCKET_FAMILY_IPV6, &error6);
        if (self->transport6 == NULL)
                g_debug ("no IPv6 socket: %s", error6->message);

        /* Size the window on the wire to what the receive buffer can hold
         * (Linux reports twice the size it grants; count ~2 KiB a response),
         * and to what an agent's own buffer holds: a Linux agent gets 208 KiB
         * by default, a few hundred datagrams, and drops the rest of a burst,
         * which then costs a retransmission timeout. */
        if (self->max_in_flight == 0) {
                if (!g_socket_get_option (gsnmp_transport_get_socket (self->transport4),
                                          SOL_SOCKET, SO_RCVBUF, &size, NULL))
                        size = 0;
                self->max_in_flight = CLAMP (size / 2048, 32, DEFAULT_MAX_IN_FLIGHT);
        }

        return TRUE;
}

static void
gsnmp_engine_constructed (GObject *object)
{
        GsnmpEngine *self = GSNMP_ENGINE (object);

        G_OBJECT_CLASS (gsnmp_engine_parent_class)->constructed (object);

        if (!engine_open (self, &self->open_error))
                g_debug ("the engine could not start: %s", self->open_error->message);
}

static gboolean
gsnmp_engine_initable_init (GInitable    *initable,
                            GCancellable *cancellable,
                            GError      **error)
{
        GsnmpEngine *self = GSNMP_ENGINE (initable);

        if (self->open_error != NULL) {
                g_propagate_error (error, g_error_copy (self->open_error));
                return FALSE;
        }
        return TRUE;
}

static void
gsnmp_engine_initable_iface_init (GInitableIface *iface)
{
        iface->init = gsnmp_engine_initable_init;
}

static void
destroy_source (GSource **source)
{
        if (*source != NULL) {
                g_source_destroy (*source);
                g_clear_pointer (source, g_source_unref);
        }
}

/* Fails every pending request with G_IO_ERROR_CLOSED, as libqmi's device
 * hang-up does, then closes the sockets.  Callbacks may run from here. */
static void
engine_close (GsnmpEngine *self)
{
        if (!self->disposed) {
                g_autoptr(GPtrArray) pending = g_ptr_array_new ();
                guint i, slot, pass;

                /* From now on new requests fail at once and the queue stays put */
                self->disposed = TRUE;
                /* Requests first, then the discoveries they may have waited for;
                 * an SNMPv3 request is in the table under several keys. */
                for (pass = 0; pass < 2; pass++) {
                        g_ptr_array_set_size (pending, 0);
                        for (slot = 0; slot < (1u << self->requests.bits); slot++) {
                                RequestSlot *entry = &self->requests.slots[slot];

                                if (entry->key != 0 && entry->key == entry->req->request_id &&
                                    entry->req->is_discovery == (pass == 1))
                                        g_ptr_array_add (pending, entry->req);
                        }
                        for (i = 0; i < pending->len; i++) {
                                request_complete (pending->pdata[i], NULL,
                                                  g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CLOSED,
                                                                       _("The SNMP engine was closed")));
                        }
                }
        }

        self->timer_ready = -1;
        g_source_set_ready_time (self->source, -1);
        if (self->transport4 != NULL)
                gsnmp_transport_close (self->transport4);
        if (self->transport6 != NULL)
                gsnmp_transport_close (self->transport6);
}

static void
gsnmp_engine_dispose (GObject *object)
{
        engine_close (GSNMP_ENGINE (object));

        G_OBJECT_CLASS (gsnmp_engine_parent_class)->dispose (object);
}

static void
gsnmp_engine_finalize (GObject *object)
{
        GsnmpEngine *self = GSNMP_ENGINE (object);

        g_assert (self->deferred_head == NULL);
        while (self->request_pool != NULL) {
                Request *req = self->request_pool;

                self->request_pool = req->next_free;
                g_free (req);
        }
        while (self->result_pool != NULL) {
                GsnmpRequestResult *result = self->result_pool;

                self->result_pool = gsnmp_request_result_get_next (result);
                g_object_unref (result);
        }
        destroy_source (&self->source);
        g_clear_pointer (&self->send_batch, g_ptr_array_unref);
        request_table_clear (&self->requests);
        g_clear_pointer (&self->scratch_pdu, gsnmp_pdu_unref);
        g_clear_pointer (&self->remotes, g_hash_table_unref);
        g_clear_pointer (&self->keys, gsnmp_usm_key_cache_free);
        g_clear_pointer (&self->state_file, g_free);
        g_clear_pointer (&self->engine_id, g_bytes_unref);
        g_clear_pointer (&self->local, gsnmp_local_engine_unref);
        g_clear_pointer (&self->deadline_lists, g_ptr_array_unref);
        g_clear_pointer (&self->cancelled, g_array_unref);
        g_mutex_clear (&self->cancel_lock);
        g_clear_pointer (&self->transport4, gsnmp_transport_unref);
        g_clear_pointer (&self->transport6, gsnmp_transport_unref);
        g_clear_pointer (&self->context, g_main_context_unref);
        g_clear_error (&self->open_error);

        G_OBJECT_CLASS (gsnmp_engine_parent_class)->finalize (object);
}

static void
gsnmp_engine_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
        GsnmpEngine *self = GSNMP_ENGINE (object);

        switch (prop_id) {
        case PROP_MAX_IN_FLIGHT:
                g_value_set_uint (value, self->max_in_flight);
                break;
        case PROP_RESOLVE_TIMEOUT:
                g_value_set_uint (value, self->resolve_timeout_ms);
                break;
        case PROP_STATE_FILE:
                g_value_set_string (value, self->state_file);
                break;
        case PROP_ENGINE_ID:
                g_value_set_boxed (value, self->local ? gsnmp_local_engine_get_id (self->local) : self->engine_id);
                break;
        case PROP_ENGINE_BOOTS:
                g_value_set_uint (value, self->local ? gsnmp_local_engine_get_boots (self->local) : 0);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_engine_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
        GsnmpEngine *self = GSNMP_ENGINE (object);

        switch (prop_id) {
        case PROP_MAX_IN_FLIGHT:
                if (g_value_get_uint (value) != 0)
                        gsnmp_engine_set_max_in_flight (self, g_value_get_uint (value));
                break;
        case PROP_RESOLVE_TIMEOUT:
                gsnmp_engine_set_resolve_timeout (self, g_value_get_uint (value));
                break;
        case PROP_STATE_FILE:
                self->state_file = g_value_dup_string (value);
                break;
        case PROP_ENGINE_ID:
                self->engine_id = g_value_dup_boxed (value);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_engine_class_init (GsnmpEngineClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->constructed = gsnmp_engine_constructed;
        object_class->dispose = gsnmp_engine_dispose;
        object_class->finalize = gsnmp_engine_finalize;
        object_class->get_property = gsnmp_engine_get_property;
        object_class->set_property = gsnmp_engine_set_property;

        /**
         * GsnmpEngine:max-in-flight: (getter get_max_in_flight) (setter set_max_in_flight)
         *
         * The most requests the engine keeps on the wire at once; further
         * requests wait in a queue, in order, and their timeouts start when
         * they are sent. The default, 128 or less when the socket's receive
         * buffer is small, keeps a burst within what the engine's and a
         * typical agent's socket buffers hold; raise it when many agents are
         * queried at once.
         *
         * Since: 0.1
         */
        properties[PROP_MAX_IN_FLIGHT] =
                g_param_spec_uint ("max-in-flight", NULL, NULL,
                                   0, G_MAXINT32, 0,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpEngine:resolve-timeout: (getter get_resolve_timeout) (setter set_resolve_timeout)
         *
         * How long, in milliseconds, a request waits for its target's host
         * name to resolve before it fails with %G_IO_ERROR_TIMED_OUT.
         *
         * Since: 0.1
         */
        properties[PROP_RESOLVE_TIMEOUT] =
                g_param_spec_uint ("resolve-timeout", NULL, NULL,
                                   1, G_MAXUINT, DEFAULT_RESOLVE_TIMEOUT_MS,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpEngine:state-file:
         *
         * A file where the engine keeps its SNMPv3 engine ID and boots
         * counter, or %NULL. With a state file the engine ID persists and
         * [property@Gsnmp.Engine:engine-boots] grows by one at every start;
         * without one each engine gets a fresh random engine ID with boots 1,
         * so receivers never see boots go back for an engine ID they know.
         *
         * Since: 0.1
         */
        properties[PROP_STATE_FILE] =
                g_param_spec_string ("state-file", NULL, NULL, NULL,
                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                     G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpEngine:engine-id: (getter get_engine_id)
         *
         * The local SNMPv3 engine ID (RFC 3411 §5), authoritative for the
         * traps this engine sends and for the [class@Gsnmp.Agent]s and
         * [class@Gsnmp.Listener]s made on it.
         *
         * Without one at construction the engine takes the ID of its
         * [property@Gsnmp.Engine:state-file], or a fresh random one. One
         * given at construction (5 to 32 octets, else the engine fails to
         * start with %GSNMP_ERROR_INVALID_VALUE) wins over the state file's;
         * when it differs from the file's, the file takes it and
         * [property@Gsnmp.Engine:engine-boots] starts again at 1.
         *
         * Since: 0.1
         */
        properties[PROP_ENGINE_ID] =
                g_param_spec_boxed ("engine-id", NULL, NULL, G_TYPE_BYTES,
                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpEngine:engine-boots: (getter get_engine_boots)
         *
         * How many times the local engine has started (snmpEngineBoots,
         * RFC 3414 §2.2); never 0.
         *
         * Since: 0.1
         */
        properties[PROP_ENGINE_BOOTS] =
                g_param_spec_uint ("engine-boots", NULL, NULL, 1, G_MAXINT32, 1,
                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gsnmp_engine_init (GsnmpEngine *self)
{
        self->context = g_main_context_ref_thread_default ();
        request_table_init (&self->requests);
        self->remotes = g_hash_table_new_full (peer_key_hash, peer_key_equal, NULL,
                                               (GDestroyNotify) remote_engine_free);
        self->keys = gsnmp_usm_key_cache_new ();
        self->deadline_lists = g_ptr_array_new_with_free_func (g_free);
        g_queue_init (&self->send_queue);
        self->resolve_timeout_ms = DEFAULT_RESOLVE_TIMEOUT_MS;
        self->next_request_id = g_random_int_range (1, G_MAXINT32);
        self->timer_ready = -1;
        g_mutex_init (&self->cancel_lock);
        self->cancelled = g_array_new (FALSE, FALSE, sizeof (CancelEntry));

        /* Lives until finalize: every result in its queue holds a reference
         * on the engine */
        self->send_batch = g_ptr_array_new ();
        self->source = g_source_new (&engine_source_funcs, sizeof (EngineSource));
        ((EngineSource *) self->source)->engine = self;
        g_source_set_callback (self->source, on_engine_source, self, NULL);
        g_source_set_static_name (self->source, "[gsnmp] engine");
        /* A callback may make a synchronous call, which iterates the context */
        g_source_set_can_recurse (self->source, TRUE);
        g_source_set_ready_time (self->source, -1);
        g_source_attach (self->source, self->context);
}

/*****************************************************************************/
/* Internal API */

GMainContext *
gsnmp_engine_get_context (GsnmpEngine *self)
{
        return self->context;
}

guint32
gsnmp_engine_get_uptime (GsnmpEngine *self)
{
        return gsnmp_local_engine_get_uptime (self->local);
}

GsnmpLocalEngine *
gsnmp_engine_get_local (GsnmpEngine *self)
{
        return self->local;
}

gboolean
gsnmp_engine_in_context (GsnmpEngine *self)
{
        GMainContext *context = g_main_context_get_thread_default ();

        return (context ? context : g_main_context_default ()) == self->context;
}

/*****************************************************************************/
/* Issuing requests */

/* Fails a request that could not start (@error: transfer full); its
 * callback runs later, never inside the _async call. */
static void
start_fail (GsnmpEngine        *self,
            GTask              *task,
            GsnmpRequestResult *result,
            GError             *error)
{
        if (task != NULL) {
                g_task_return_error (task, error);
                return;
        }
        gsnmp_request_result_set_error (result, error);
        engine_deliver (self, g_object_ref (result));
}

/* Starts a request for @pdu (which the engine may modify: it sets the
 * request-id) that completes either @task or @result (one of them) with the
 * response PDU (or, for traps, NULL once sent). */
static void
engine_start (GsnmpEngine        *self,
              GsnmpTarget        *target,
              GsnmpPdu           *pdu,
              GCancellable       *cancellable,
              GTask              *task,
              GsnmpRequestResult *result)
{
        g_autoptr(GError) error = NULL;
        GsnmpCredentials *credentials;
        GsnmpMessage msg = { 0, };
        GInetAddress *address;
        const struct sockaddr *native;
        socklen_t native_len;
        Request *req;

        if (self->open_error != NULL) {
                start_fail (self, task, result,
                            g_error_new (self->open_error->domain, self->open_error->code,
                                         _("The SNMP engine could not start: %s"),
                                         self->open_error->message));
                return;
        }
        if (self->disposed || self->transport4 == NULL) {
                start_fail (self, task, result,
                            g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CLOSED,
                                                 _("The SNMP engine was closed")));
                return;
        }
        /* Cancelled before it started: send nothing */
        if (g_cancellable_set_error_if_cancelled (cancellable, &error)) {
                start_fail (self, task, result, g_steal_pointer (&error));
                return;
        }
        if (!gsnmp_target_check_address (target, &error)) {
                start_fail (self, task, result, g_steal_pointer (&error));
                return;
        }

        credentials = gsnmp_target_get_credentials (target);
        msg.version = pdu == NULL ? GSNMP_PROTOCOL_VERSION_V3 :
                                    gsnmp_credentials_get_version (credentials);
        if (pdu == NULL) {
                /* gsnmp_engine_discover_async(): the address and timing only */
        } else if (msg.version == GSNMP_PROTOCOL_VERSION_V1 &&
            gsnmp_pdu_get_pdu_type (pdu) == GSNMP_PDU_TYPE_GET_BULK) {
                start_fail (self, task, result,
                            g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                 _("SNMPv1 has no GetBulkRequest; use SNMPv2c or SNMPv3")));
                return;
        }
        if (pdu != NULL &&
            (msg.version == GSNMP_PROTOCOL_VERSION_V1) !=
            (gsnmp_pdu_get_pdu_type (pdu) == GSNMP_PDU_TYPE_TRAP_V1) &&
            (gsnmp_pdu_get_pdu_type (pdu) == GSNMP_PDU_TYPE_TRAP_V1 ||
             gsnmp_pdu_get_pdu_type (pdu) == GSNMP_PDU_TYPE_TRAP ||
             gsnmp_pdu_get_pdu_type (pdu) == GSNMP_PDU_TYPE_INFORM)) {
                start_fail (self, task, result,
                            g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                 msg.version == GSNMP_PROTOCOL_VERSION_V1 ?
                                                 _("SNMPv1 has only the SNMPv1 Trap-PDU") :
                                                 _("The SNMPv1 Trap-PDU needs SNMPv1 credentials")));
                return;
        }

        req = request_new (self);
        req->serial = ++self->next_serial;
        req->version = msg.version;
        req->port = gsnmp_target_get_port (target);
        req->family_hint = gsnmp_target_get_family_hint (target);
        req->timeout_ms = gsnmp_target_get_timeout (target);
        req->retries_left = gsnmp_target_get_retries (target);

        req->request_id = engine_next_request_id (self);
        if (pdu == NULL) {
                req->discover_only = TRUE;
        } else {
                gsnmp_pdu_set_request_id (pdu, req->request_id);
                req->send_only = gsnmp_pdu_get_pdu_type (pdu) == GSNMP_PDU_TYPE_TRAP ||
                                 gsnmp_pdu_get_pdu_type (pdu) == GSNMP_PDU_TYPE_TRAP_V1;
                req->local_authoritative = req->send_only &&
                                           msg.version == GSNMP_PROTOCOL_VERSION_V3;
        }

        if (req->discover_only) {
                /* nothing to encode: it ends when the agent's engine is known */
        } else if (GSNMP_IS_USM_USER (credentials)) {
                /* Encoded per attempt, once the agent's engine is known */
                const char *name = gsnmp_usm_user_get_user_name (GSNMP_USM_USER (credentials));
                const char *context = gsnmp_target_get_context_name (target);

                req->user = g_object_ref (GSNMP_USM_USER (credentials));
                req->user_name = g_bytes_new (name, strlen (name));
                req->level = gsnmp_usm_user_get_security_level (req->user);
                req->pdu = gsnmp_pdu_ref (pdu);
                if (gsnmp_target_get_context_engine_id (target) != NULL)
                        req->context_engine_id =
                                g_bytes_ref (gsnmp_target_get_context_engine_id (target));
                req->context_name = g_bytes_new (context, strlen (context));
                req->resyncs_left = 1;
        } else {
                req->community = g_bytes_ref (gsnmp_community_get_bytes (GSNMP_COMMUNITY (credentials)));
                msg.community = req->community;
                msg.pdu = pdu;
                req->datagram = gsnmp_message_encode (&msg, MAX_DATAGRAM_SIZE, &error);
                if (req->datagram == NULL) {
                        request_free (req);
                        start_fail (self, task, result, g_steal_pointer (&error));
                        return;
                }
        }

        address = gsnmp_target_get_inet_address (target);
        native = gsnmp_target_get_native_address (target, &native_len);
        if (address != NULL &&
            !(native != NULL ? request_set_peer_native (req, native, native_len, &error) :
                               request_set_peer (req, address, &error))) {
                request_free (req);
                start_fail (self, task, result, g_steal_pointer (&error));
                return;
        }

        if (task != NULL)
                req->task = g_object_ref (task);
        else
                req->result = g_object_ref (result);
        request_table_insert (&self->requests, req->request_id, req);
        self->n_pending++;

        if (cancellable != NULL) {
                req->cancellable = g_object_ref (cancellable);
                req->cancel_id = g_cancellable_connect (cancellable,
                                                        G_CALLBACK (on_request_cancelled),
                                                        req, NULL);
        }

        if (address == NULL) {
                req->host = g_strdup (gsnmp_target_get_host (target));
                request_resolve (req);
        } else {
                request_advance (req);
        }
}

/* Starts a request for @pdu (which the engine may modify: it sets the
 * request-id) on @task, which returns the response PDU (or, for traps,
 * NULL once sent).  The entry point of every application on the engine. */
void
gsnmp_engine_start_request (GsnmpEngine  *self,
                            GsnmpTarget  *target,
                            GsnmpPdu     *pdu,
                            GCancellable *cancellable,
                            GTask        *task)
{
        self->starting++;
        engine_start (self, target, pdu, cancellable, task, NULL);
        self->starting--;
}

/* The request PDU of get, get-next and get-bulk.  SNMPv1/v2c requests are
 * encoded once and drop their PDU right away, so the engine keeps one
 * scratch PDU for them instead of a new one per request; whoever keeps a
 * reference (SNMPv3 requests do) makes the next call build a new one. */
static GsnmpPdu *
build_request_pdu (GsnmpEngine      *self,
                   GsnmpPduType      type,
                   GsnmpOid * const *oids,
                   gsize             n_oids)
{
        GsnmpPdu *pdu = self->scratch_pdu;
        gsize i;

        if (pdu != NULL && g_atomic_ref_count_compare (&pdu->ref_count, 1)) {
                gsnmp_pdu_clear_varbinds (pdu);
                pdu->type = type;
                pdu->request_id = 0;
                pdu->error_status = 0;
                pdu->error_index = 0;
        } else {
                g_clear_pointer (&self->scratch_pdu, gsnmp_pdu_unref);
                pdu = self->scratch_pdu = gsnmp_pdu_new (type);
        }

        for (i = 0; i < n_oids; i++)
                gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_null (oids[i]));
        return gsnmp_pdu_ref (pdu);
}

static void
engine_request_oids (GsnmpEngine         *self,
                     GsnmpTarget         *target,
                     GsnmpPdu            *pdu,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data,
                     gpointer             source_tag)
{
        g_autoptr(GsnmpRequestResult) result = NULL;

        /* Not a GTask: see gsnmp-request-result-private.h */
        if (self->result_pool != NULL) {
                result = g_steal_pointer (&self->result_pool);
                self->result_pool = gsnmp_request_result_get_next (result);
                self->result_pool_len--;
                gsnmp_request_result_set_next (result, NULL);
                gsnmp_request_result_reuse (result, self, cancellable, callback, user_data,
                                            source_tag);
        } else {
                result = gsnmp_request_result_new (self, cancellable, callback, user_data,
                                                   source_tag);
        }
        self->starting++;
        engine_start (self, target, pdu, cancellable, NULL, result);
        self->starting--;
}

#define CHECK_ASYNC_ARGS(self, target, cancellable)                                     \
        G_STMT_START {                                                                  \
                g_return_if_fail (GSNMP_IS_ENGINE (self));                              \
                g_return_if_fail (GSNMP_IS_TARGET (target));                            \
                g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable)); \
                g_return_if_fail (gsnmp_engine_in_context (self));                      \
        } G_STMT_END

static GsnmpPdu *
engine_request_finish (GsnmpEngine  *self,
                       GAsyncResult *result,
                       gpointer      source_tag,
                       GError      **error)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), NULL);
        g_return_val_if_fail (gsnmp_request_result_is_valid (result, self, source_tag), NULL);

        return gsnmp_request_result_propagate_pointer ((GsnmpRequestResult *) result, error);
}

/*****************************************************************************/
/* Public API */

/**
 * gsnmp_engine_new:
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Creates an SNMP engine and opens its sockets. The engine belongs to the
 * thread-default main context that is current now.
 *
 * Returns: (transfer full): a new [class@Gsnmp.Engine], or %NULL if no
 *   socket could be opened
 *
 * Since: 0.1
 */
GsnmpEngine *
gsnmp_engine_new (GError **error)
{
        return g_initable_new (GSNMP_TYPE_ENGINE, NULL, error, NULL);
}

/**
 * gsnmp_engine_close:
 * @self: a [class@Gsnmp.Engine]
 *
 * Fails every pending request with %G_IO_ERROR_CLOSED and closes the
 * engine's sockets. Requests started later fail the same way.
 *
 * Each pending request holds a reference on its engine until it completes,
 * as GIO's asynchronous operations do, so dropping the last reference of
 * your own does not end them; call this (or g_object_run_dispose()) to.
 * Their callbacks run in the engine's main context: from here when this is
 * called from that context's dispatch, otherwise at its next iteration.
 *
 * Since: 0.1
 */
void
gsnmp_engine_close (GsnmpEngine *self)
{
        g_return_if_fail (GSNMP_IS_ENGINE (self));

        g_object_ref (self);
        engine_close (self);
        g_object_unref (self);
}

/**
 * gsnmp_engine_new_with_state_file:
 * @state_file: (type filename): where the engine keeps its engine ID and boots
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Creates an SNMP engine whose SNMPv3 engine ID persists in @state_file
 * and whose boots counter grows at every start; see
 * [property@Gsnmp.Engine:state-file].
 *
 * Returns: (transfer full): a new [class@Gsnmp.Engine], or %NULL if the
 *   state file could not be read or written or no socket could be opened
 *
 * Since: 0.1
 */
GsnmpEngine *
gsnmp_engine_new_with_state_file (const char *state_file,
                                  GError    **error)
{
        g_return_val_if_fail (state_file != NULL, NULL);

        return g_initable_new (GSNMP_TYPE_ENGINE, NULL, error, "state-file", state_file, NULL);
}

/**
 * gsnmp_engine_get_engine_id: (get-property engine-id)
 * @self: a [class@Gsnmp.Engine]
 *
 * Gets the local SNMPv3 engine ID.
 *
 * Returns: (transfer none): the engine ID
 *
 * Since: 0.1
 */
GBytes *
gsnmp_engine_get_engine_id (GsnmpEngine *self)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), NULL);
        /* an engine that could not start has no local engine */
        g_return_val_if_fail (self->local != NULL, NULL);

        return gsnmp_local_engine_get_id (self->local);
}

/**
 * gsnmp_engine_get_engine_boots: (get-property engine-boots)
 * @self: a [class@Gsnmp.Engine]
 *
 * Gets the local snmpEngineBoots.
 *
 * Returns: the number of starts, at least 1
 *
 * Since: 0.1
 */
guint
gsnmp_engine_get_engine_boots (GsnmpEngine *self)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), 0);
        /* an engine that could not start has no local engine */
        g_return_val_if_fail (self->local != NULL, 0);

        return gsnmp_local_engine_get_boots (self->local);
}

/**
 * gsnmp_engine_get_engine_time:
 * @self: a [class@Gsnmp.Engine]
 *
 * Gets the local snmpEngineTime: the seconds since the engine started.
 *
 * Returns: the engine time in seconds
 *
 * Since: 0.1
 */
guint
gsnmp_engine_get_engine_time (GsnmpEngine *self)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), 0);
        /* an engine that could not start has no local engine */
        g_return_val_if_fail (self->local != NULL, 0);

        return gsnmp_local_engine_get_time (self->local);
}

/**
 * gsnmp_engine_get_counter:
 * @self: a [class@Gsnmp.Engine]
 * @counter: the counter to read
 *
 * Reads one of the counters of the local SNMP entity (snmpInPkts,
 * usmStatsWrongDigests, …; see [enum@Gsnmp.Counter]). They count what every
 * role on the engine counted: the responses to its requests, what the
 * [class@Gsnmp.Listener]s made on it receive, and what the
 * [class@Gsnmp.Agent]s made on it receive and send.
 *
 * Returns: the counter's value since the engine was created
 *
 * Since: 0.1
 */
guint64
gsnmp_engine_get_counter (GsnmpEngine  *self,
                          GsnmpCounter  counter)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), 0);
        g_return_val_if_fail ((guint) counter < GSNMP_N_COUNTERS, 0);
        /* an engine that could not start has no local engine */
        g_return_val_if_fail (self->local != NULL, 0);

        return gsnmp_local_engine_get_counter (self->local, counter);
}

/**
 * gsnmp_engine_get_max_in_flight: (get-property max-in-flight)
 * @self: a [class@Gsnmp.Engine]
 *
 * Gets the most requests the engine keeps on the wire at once.
 *
 * Returns: the limit
 *
 * Since: 0.1
 */
guint
gsnmp_engine_get_max_in_flight (GsnmpEngine *self)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), 0);

        return self->max_in_flight;
}

/**
 * gsnmp_engine_set_max_in_flight: (set-property max-in-flight)
 * @self: a [class@Gsnmp.Engine]
 * @max_in_flight: the limit, at least 1
 *
 * Sets the most requests the engine keeps on the wire at once. Requests
 * beyond it wait in a queue.
 *
 * Since: 0.1
 */
void
gsnmp_engine_set_max_in_flight (GsnmpEngine *self,
                                guint        max_in_flight)
{
        g_return_if_fail (GSNMP_IS_ENGINE (self));
        g_return_if_fail (max_in_flight > 0);

        if (self->max_in_flight == max_in_flight)
                return;
        self->max_in_flight = max_in_flight;
        engine_pump_queue (self);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_IN_FLIGHT]);
}

/**
 * gsnmp_engine_get_resolve_timeout: (get-property resolve-timeout)
 * @self: a [class@Gsnmp.Engine]
 *
 * Gets how long a request waits for name resolution.
 *
 * Returns: the timeout in milliseconds
 *
 * Since: 0.1
 */
guint
gsnmp_engine_get_resolve_timeout (GsnmpEngine *self)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), 0);

        return self->resolve_timeout_ms;
}

/**
 * gsnmp_engine_set_resolve_timeout: (set-property resolve-timeout)
 * @self: a [class@Gsnmp.Engine]
 * @timeout_ms: the timeout in milliseconds, greater than 0
 *
 * Sets how long a request waits for its target's host name to resolve.
 *
 * Since: 0.1
 */
void
gsnmp_engine_set_resolve_timeout (GsnmpEngine *self,
                                  guint        timeout_ms)
{
        g_return_if_fail (GSNMP_IS_ENGINE (self));
        g_return_if_fail (timeout_ms > 0);

        if (self->resolve_timeout_ms == timeout_ms)
                return;
        self->resolve_timeout_ms = timeout_ms;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVE_TIMEOUT]);
}

/**
 * gsnmp_engine_get_n_pending:
 * @self: a [class@Gsnmp.Engine]
 *
 * Gets the number of the caller's requests that have not completed yet:
 * resolving, waiting for the agent's SNMPv3 engine to be discovered,
 * queued or waiting for a response. The engine's own discovery exchanges
 * are not counted: one SNMPv3 GET to a new agent counts one.
 *
 * Returns: the number of pending requests
 *
 * Since: 0.1
 */
guint
gsnmp_engine_get_n_pending (GsnmpEngine *self)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), 0);

        return self->n_pending;
}

/**
 * gsnmp_engine_discover_async:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent whose SNMPv3 engine to discover; only its address,
 *   timeout and retries are used
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the agent's
 *   engine ID is known, or discovery failed
 * @user_data: data for @callback
 *
 * Discovers the SNMPv3 engine of the agent at @target's address (RFC 3414
 * §4): sends an unauthenticated request with an empty engine ID and user
 * name and takes the agent's engine ID, boots and time from the report it
 * answers with. Call [method@Gsnmp.Engine.discover_finish] from @callback.
 *
 * SNMPv3 requests discover the agent by themselves; this is for callers
 * that want the engine ID, or want to tell a failed discovery from a
 * failed request (as Net-SNMP's tools do before their first request). The
 * engine keeps what it learnt, so the requests that follow to that address
 * skip discovery; when the agent's engine is known already, nothing is
 * sent. Requests started while a discovery is in flight share it.
 *
 * Since: 0.1
 */
void
gsnmp_engine_discover_async (GsnmpEngine         *self,
                             GsnmpTarget         *target,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
        g_autoptr(GTask) task = NULL;

        CHECK_ASYNC_ARGS (self, target, cancellable);

        task = g_task_new (self, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_engine_discover_async);
        g_task_set_name (task, "[gsnmp] discover");
        gsnmp_engine_start_request (self, target, NULL, cancellable, task);
}

/**
 * gsnmp_engine_discover_finish:
 * @self: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.discover_async].
 *
 * Fails with %GSNMP_ERROR_DISCOVERY_FAILED when the agent did not answer
 * the discovery with its engine ID within the target's timeout and
 * retries; otherwise with the errors of [method@Gsnmp.Engine.get_finish],
 * unchanged (an invalid or unknown address, a socket error,
 * %G_IO_ERROR_CANCELLED, %G_IO_ERROR_CLOSED).
 *
 * Returns: (transfer full): the agent's snmpEngineID, or %NULL on error
 *
 * Since: 0.1
 */
GBytes *
gsnmp_engine_discover_finish (GsnmpEngine   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), NULL);
        g_return_val_if_fail (g_task_is_valid (result, self), NULL);
        g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gsnmp_engine_discover_async,
                              NULL);

        return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * gsnmp_engine_get_async:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent to query
 * @oids: (array length=n_oids): the object identifiers to fetch
 * @n_oids: the number of elements in @oids
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the response,
 *   a final timeout or an error arrives
 * @user_data: data for @callback
 *
 * Sends a GetRequest for @oids to @target.
 *
 * The request is retransmitted [property@Gsnmp.Target:retries] times, each
 * attempt waiting [property@Gsnmp.Target:timeout] milliseconds. @callback
 * runs in the thread-default main context that was current when @self was
 * created (which must be current now); call
 * [method@Gsnmp.Engine.get_finish] from it to get the response.
 *
 * Since: 0.1
 */
void
gsnmp_engine_get_async (GsnmpEngine         *self,
                        GsnmpTarget         *target,
                        GsnmpOid * const    *oids,
                        gsize                n_oids,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
        g_autoptr(GsnmpPdu) pdu = NULL;

        CHECK_ASYNC_ARGS (self, target, cancellable);
        g_return_if_fail (oids != NULL || n_oids == 0);

        pdu = build_request_pdu (self, GSNMP_PDU_TYPE_GET, oids, n_oids);
        engine_request_oids (self, target, pdu, cancellable, callback, user_data,
                             gsnmp_engine_get_async);
}

/**
 * gsnmp_engine_get_finish:
 * @self: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.get_async].
 *
 * A response is returned whatever its error-status; see
 * [method@Gsnmp.Pdu.check_error]. A request that got no answer fails with
 * %G_IO_ERROR_TIMED_OUT, a cancelled one with %G_IO_ERROR_CANCELLED, and one
 * pending when the engine was disposed with %G_IO_ERROR_CLOSED.
 *
 * Returns: (transfer full): the response PDU, or %NULL on error
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_get_finish (GsnmpEngine  *self,
                         GAsyncResult *result,
                         GError      **error)
{
        return engine_request_finish (self, result, gsnmp_engine_get_async, error);
}

/**
 * gsnmp_engine_get_next_async:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent to query
 * @oids: (array length=n_oids): the object identifiers to fetch the
 *   successors of
 * @n_oids: the number of elements in @oids
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the response,
 *   a final timeout or an error arrives
 * @user_data: data for @callback
 *
 * Sends a GetNextRequest for @oids to @target. See
 * [method@Gsnmp.Engine.get_async] for retries and threading; call
 * [method@Gsnmp.Engine.get_next_finish] from @callback.
 *
 * Since: 0.1
 */
void
gsnmp_engine_get_next_async (GsnmpEngine         *self,
                             GsnmpTarget         *target,
                             GsnmpOid * const    *oids,
                             gsize                n_oids,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
        g_autoptr(GsnmpPdu) pdu = NULL;

        CHECK_ASYNC_ARGS (self, target, cancellable);
        g_return_if_fail (oids != NULL || n_oids == 0);

        pdu = build_request_pdu (self, GSNMP_PDU_TYPE_GET_NEXT, oids, n_oids);
        engine_request_oids (self, target, pdu, cancellable, callback, user_data,
                             gsnmp_engine_get_next_async);
}

/**
 * gsnmp_engine_get_next_finish:
 * @self: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.get_next_async]. Errors are as for
 * [method@Gsnmp.Engine.get_finish].
 *
 * Returns: (transfer full): the response PDU, or %NULL on error
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_get_next_finish (GsnmpEngine  *self,
                              GAsyncResult *result,
                              GError      **error)
{
        return engine_request_finish (self, result, gsnmp_engine_get_next_async, error);
}

/**
 * gsnmp_engine_get_bulk_async:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent to query, SNMPv2c or SNMPv3
 * @non_repeaters: how many of @oids, from the start, get a single successor
 * @max_repetitions: how many successors the other @oids get
 * @oids: (array length=n_oids): the object identifiers to fetch the
 *   successors of
 * @n_oids: the number of elements in @oids
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the response,
 *   a final timeout or an error arrives
 * @user_data: data for @callback
 *
 * Sends a GetBulkRequest (RFC 3416 §4.2.3) for @oids to @target. SNMPv1
 * has no GetBulkRequest: with SNMPv1 credentials this fails with
 * %G_IO_ERROR_NOT_SUPPORTED. Call [method@Gsnmp.Engine.get_bulk_finish]
 * from @callback.
 *
 * Since: 0.1
 */
void
gsnmp_engine_get_bulk_async (GsnmpEngine         *self,
                             GsnmpTarget         *target,
                             guint                non_repeaters,
                             guint                max_repetitions,
                             GsnmpOid * const    *oids,
                             gsize                n_oids,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
        g_autoptr(GsnmpPdu) pdu = NULL;

        CHECK_ASYNC_ARGS (self, target, cancellable);
        g_return_if_fail (oids != NULL || n_oids == 0);
        g_return_if_fail (non_repeaters <= G_MAXINT32 && max_repetitions <= G_MAXINT32);

        pdu = build_request_pdu (self, GSNMP_PDU_TYPE_GET_BULK, oids, n_oids);
        gsnmp_pdu_set_bulk (pdu, non_repeaters, max_repetitions);
        engine_request_oids (self, target, pdu, cancellable, callback, user_data,
                             gsnmp_engine_get_bulk_async);
}

/**
 * gsnmp_engine_get_bulk_finish:
 * @self: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.get_bulk_async]. Errors are as for
 * [method@Gsnmp.Engine.get_finish].
 *
 * Returns: (transfer full): the response PDU, or %NULL on error
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_get_bulk_finish (GsnmpEngine  *self,
                              GAsyncResult *result,
                              GError      **error)
{
        return engine_request_finish (self, result, gsnmp_engine_get_bulk_async, error);
}

/**
 * gsnmp_engine_set_async:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent to modify
 * @varbinds: (array length=n_varbinds): the objects and the values to set
 * @n_varbinds: the number of elements in @varbinds
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the response,
 *   a final timeout or an error arrives
 * @user_data: data for @callback
 *
 * Sends a SetRequest to @target.
 *
 * Like every request, a SET is retransmitted when no response arrives in
 * time, as Net-SNMP does: a lost response can mean that the SET was applied,
 * so a retransmission may reach the agent twice. Set
 * [property@Gsnmp.Target:retries] to 0 where that matters. Call
 * [method@Gsnmp.Engine.set_finish] from @callback.
 *
 * Since: 0.1
 */
void
gsnmp_engine_set_async (GsnmpEngine          *self,
                        GsnmpTarget          *target,
                        GsnmpVarbind * const *varbinds,
                        gsize                 n_varbinds,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
        g_autoptr(GsnmpPdu) pdu = NULL;
        gsize i;

        CHECK_ASYNC_ARGS (self, target, cancellable);
        g_return_if_fail (varbinds != NULL || n_varbinds == 0);

        pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_SET);
        for (i = 0; i < n_varbinds; i++)
                gsnmp_pdu_add_varbind (pdu, varbinds[i]);
        engine_request_oids (self, target, pdu, cancellable, callback, user_data,
                             gsnmp_engine_set_async);
}

/**
 * gsnmp_engine_set_finish:
 * @self: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.set_async]. Errors are as for
 * [method@Gsnmp.Engine.get_finish].
 *
 * Returns: (transfer full): the response PDU, or %NULL on error
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_set_finish (GsnmpEngine  *self,
                         GAsyncResult *result,
                         GError      **error)
{
        return engine_request_finish (self, result, gsnmp_engine_set_async, error);
}

/**
 * gsnmp_engine_send_pdu_async:
 * @self: a [class@Gsnmp.Engine]
 * @target: the entity to send to
 * @pdu: a request PDU: Get, GetNext, GetBulk, Set or Inform
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the response,
 *   a final timeout or an error arrives
 * @user_data: data for @callback
 *
 * Sends a request built by the caller and waits for its response. @pdu is
 * not modified: the engine sends a copy with a request-id of its own. Call
 * [method@Gsnmp.Engine.send_pdu_finish] from @callback.
 *
 * Since: 0.1
 */
void
gsnmp_engine_send_pdu_async (GsnmpEngine         *self,
                             GsnmpTarget         *target,
                             GsnmpPdu            *pdu,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
        g_autoptr(GsnmpPdu) copy = NULL;
        GsnmpPduType type;
        guint i, n;

        CHECK_ASYNC_ARGS (self, target, cancellable);
        g_return_if_fail (pdu != NULL);
        type = gsnmp_pdu_get_pdu_type (pdu);
        g_return_if_fail (type == GSNMP_PDU_TYPE_GET || type == GSNMP_PDU_TYPE_GET_NEXT ||
                          type == GSNMP_PDU_TYPE_GET_BULK || type == GSNMP_PDU_TYPE_SET ||
                          type == GSNMP_PDU_TYPE_INFORM);

        copy = gsnmp_pdu_new (type);
        if (type == GSNMP_PDU_TYPE_GET_BULK)
                gsnmp_pdu_set_bulk (copy, gsnmp_pdu_get_non_repeaters (pdu),
                                    gsnmp_pdu_get_max_repetitions (pdu));
        n = gsnmp_pdu_get_n_varbinds (pdu);
        for (i = 0; i < n; i++)
                gsnmp_pdu_add_varbind (copy, gsnmp_pdu_get_varbind (pdu, i));

        engine_request_oids (self, target, copy, cancellable, callback, user_data,
                             gsnmp_engine_send_pdu_async);
}

/**
 * gsnmp_engine_send_pdu_finish:
 * @self: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.send_pdu_async]. Errors are as for
 * [method@Gsnmp.Engine.get_finish].
 *
 * Returns: (transfer full): the response PDU, or %NULL on error
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_send_pdu_finish (GsnmpEngine  *self,
                              GAsyncResult *result,
                              GError      **error)
{
        return engine_request_finish (self, result, gsnmp_engine_send_pdu_async, error);
}
