/* gsnmp-agent.c - the command responder: serves providers to managers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-agent.h"
#include "gsnmp-agent-private.h"
#include "gsnmp-address-private.h"
#include "gsnmp-ber-private.h"
#include "gsnmp-builtin-provider-private.h"
#include "gsnmp-engine-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"
#include "gsnmp-oid-private.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-provider-private.h"
#include "gsnmp-respond-private.h"
#include "gsnmp-security-private.h"
#include "gsnmp-store-provider-private.h"
#include "gsnmp-transport-private.h"
#include "gsnmp-usm-user-private.h"
#include "gsnmp-view-private.h"

#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>

/**
 * GsnmpAgent:
 *
 * An SNMP command responder (RFC 3413 §3.2): it answers GetRequest,
 * GetNextRequest, GetBulkRequest and SetRequest PDUs from SNMPv1, SNMPv2c
 * and SNMPv3 managers with the values of its providers.
 *
 * ```c
 * g_autoptr(GsnmpAgent) agent = gsnmp_agent_new (engine);
 * g_autoptr(GsnmpStoreProvider) store = gsnmp_store_provider_new (my_subtree);
 *
 * gsnmp_store_provider_set (store, some_varbind);
 * gsnmp_agent_register_provider (agent, NULL, GSNMP_PROVIDER (store), &error);
 * gsnmp_agent_add_community (agent, "public", NULL, NULL, NULL);
 * ```
 *
 * ## Providers and contexts
 *
 * Values come from [class@Gsnmp.Provider]s, each serving the subtree under
 * its [property@Gsnmp.Provider:root], registered in a context: the default
 * context (`""`, or %NULL) or a named one, which SNMPv3 managers choose
 * with the context name and SNMPv1/v2c managers through the community
 * ([method@Gsnmp.Agent.add_community]). Where roots nest, the longest one
 * serves its subtree and the shorter one the rest, so an application can
 * register its own `sysName` provider over a recorded device.
 *
 * GETNEXT and GETBULK go from provider to provider in OID order; with
 * [class@Gsnmp.StoreProvider]s each variable binding costs O(log n) in the
 * number of values. Providers may answer later (see
 * [class@Gsnmp.ProviderRequest]): the agent serves other requests
 * meanwhile, and answers `genErr` for providers that have not answered
 * within [property@Gsnmp.Agent:provider-timeout].
 *
 * The default context also holds the agent's own groups: the system group
 * (sysDescr, sysObjectID, sysUpTime, sysContact, sysName and sysLocation,
 * the last three writable, sysServices, sysORLastChange, sysORTable from
 * [method@Gsnmp.Agent.add_capability]), the snmp group's counters
 * (`1.3.6.1.2.1.11`), snmpEngine (`1.3.6.1.6.3.10.2.1`), snmpMPDStats
 * (`1.3.6.1.6.3.11.2.1`), usmStats (`1.3.6.1.6.3.15.1.1`) and
 * snmpUnavailableContexts and snmpUnknownContexts (`1.3.6.1.6.3.12.1.4`
 * and `.5`). The counters are the engine's: every role on it counts into
 * them, and [method@Gsnmp.Engine.get_counter] reads them.
 *
 * ## Access
 *
 * Each community ([method@Gsnmp.Agent.add_community]) and SNMPv3 user
 * ([method@Gsnmp.Agent.add_user]) has a read view and a write view
 * ([class@Gsnmp.View]). As RFC 3416 says: a GET outside the read view
 * gets `noSuchObject`, GETNEXT and GETBULK skip what is outside it, and a
 * SET outside the write view gets `noAccess`. SNMPv1 managers get the
 * error statuses RFC 3584 §4.4 maps these to.
 *
 * SET requests are processed one at a time, in the order they arrive, in
 * the phases of RFC 3416 §4.2.5: every variable binding is tested, then
 * all are committed, and if a commit fails the others are undone; GETs
 * keep being served meanwhile.
 *
 * ## Threading
 *
 * An agent belongs to the thread-default [struct@GLib.MainContext] of its
 * engine. Its methods, and its providers' handlers, run in that context's
 * thread.
 *
 * Since: 0.1
 */

#define DEFAULT_PROVIDER_TIMEOUT 5000
/* Bound on the localized keys kept, which unauthenticated input can grow
 * (one engine ID here, but many user names) */
#define KEY_CACHE_MAX 4096
#define DEFAULT_MAX_MESSAGE_SIZE 65507
#define MIN_MAX_MESSAGE_SIZE     484    /* RFC 3417 §3.1 */

/* The room a Response-PDU needs besides its varbinds is computed exactly
 * in pdu_size(); these bound what a request may ask to repeat. */

typedef struct {
        GsnmpOid      *lo;        /* (owned) inclusive */
        GsnmpOid      *hi;        /* (owned) (nullable) exclusive; NULL: no end */
        GsnmpProvider *provider;  /* (owned) */
} Range;

/* A context: its registered providers and the partition of the OID space
 * they make, rebuilt on every (un)registration.  Requests in flight keep
 * the partition they started with. */
typedef struct {
        GPtrArray *providers;     /* (element-type GsnmpProvider) (owned) */
        GArray    *ranges;        /* (element-type Range), sorted; refcounted */
} Context;

typedef struct {
        GBytes    *community;
        char      *context_name;
        GsnmpView *read_view;     /* (nullable): everything */
        GsnmpView *write_view;    /* (nullable): nothing */
} CommunityEntry;

typedef struct {
        GBytes       *name;
        GsnmpUsmUser *user;
        GsnmpView    *read_view;
        GsnmpView    *write_view;
} UserEntry;

typedef struct {
        GsnmpOid *id;
        char     *descr;
        guint32   uptime;
} Capability;

typedef struct _Job Job;

struct _GsnmpAgent {
        GObject        parent_instance;

        GsnmpEngine   *engine;
        GsnmpLocalEngine *local;        /* the engine's: ID, boots, time, counters */
        GMainContext  *context;
        GPtrArray     *transports;      /* (element-type GsnmpTransport) */
        GsnmpUsmKeyCache *keys;
        gboolean       closed;
        gboolean       builtins;

        GHashTable    *contexts;        /* char* → Context* */
        GHashTable    *communities;     /* GBytes → CommunityEntry */
        GHashTable    *users;           /* GBytes (name) → UserEntry */

        char          *sys_descr;
        GsnmpOid      *sys_object_id;
        char          *sys_contact;
        char          *sys_name;
        char          *sys_location;
        GArray        *capabilities;    /* (element-type Capability) */
        guint32        capabilities_changed;
        guint          capabilities_serial;

        guint          provider_timeout;
        guint          max_message_size;

        GHashTable    *jobs;            /* Job* set */
        GQueue         set_queue;       /* SET jobs waiting for their turn */
        Job           *active_set;
        GSequence     *deadlines;       /* (element-type Call), by deadline */
        GSource       *timer;
        guint64        call_serial;

        guint64        stats[GSNMP_AGENT_N_STATS];
};

G_DEFINE_FINAL_TYPE_WITH_CODE (GsnmpAgent, gsnmp_agent, G_TYPE_OBJECT, gsnmp_init_once ())

enum {
        PROP_0,
        PROP_ENGINE,
        PROP_BUILTINS,
        PROP_PROVIDER_TIMEOUT,
        PROP_MAX_MESSAGE_SIZE,
        PROP_SYS_DESCR,
        PROP_SYS_OBJECT_ID,
        PROP_SYS_CONTACT,
        PROP_SYS_NAME,
        PROP_SYS_LOCATION,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

/****************************************************************************/
/* The MIB tree: providers by context, and their partition of the OID space */

static void
range_clear (gpointer data)
{
        Range *r = data;

        g_clear_pointer (&r->lo, gsnmp_oid_unref);
        g_clear_pointer (&r->hi, gsnmp_oid_unref);
        g_clear_object (&r->provider);
}

static GArray *
ranges_new (void)
{
        GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));

        g_array_set_clear_func (ranges, range_clear);
        return ranges;
}

static void
context_free (gpointer data)
{
        Context *c = data;

        g_ptr_array_unref (c->providers);
        g_array_unref (c->ranges);
        g_free (c);
}

static int
compare_oid_ptrs (gconstpointer a,
                  gconstpointer b)
{
        const GsnmpOid *oa = *(GsnmpOid * const *) a;
        const GsnmpOid *ob = *(GsnmpOid * const *) b;

        if (oa == NULL || ob == NULL)
                return (oa == NULL) - (ob == NULL);
        return gsnmp_oid_compare (oa, ob);
}

/* Splits the OID space at every root and every root's subtree end; each
 * piece belongs to the longest root that is a prefix of its start. */
static void
context_rebuild (Context *c)
{
        g_autoptr(GPtrArray) bounds = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        GArray *ranges = ranges_new ();
        guint n;

        for (guint i = 0; i < c->providers->len; i++) {
                GsnmpOid *root = gsnmp_provider_get_root (g_ptr_array_index (c->providers, i));
                GsnmpOid *end = gsnmp_oid_subtree_end (root);

                g_ptr_array_add (bounds, gsnmp_oid_ref (root));
                if (end != NULL)
                        g_ptr_array_add (bounds, end);
        }
        g_ptr_array_sort (bounds, compare_oid_ptrs);

        n = bounds->len;
        for (guint i = 0; i < n; i++) {
                GsnmpOid *lo = g_ptr_array_index (bounds, i);
                GsnmpOid *hi = NULL;
                GsnmpProvider *owner = NULL;
                gsize best = 0;
                Range r;

                if (i + 1 < n) {
                        hi = g_ptr_array_index (bounds, i + 1);
                        if (gsnmp_oid_equal (lo, hi))
                                continue;
                }

                for (guint j = 0; j < c->providers->len; j++) {
                        GsnmpProvider *p = g_ptr_array_index (c->providers, j);
                        GsnmpOid *root = gsnmp_provider_get_root (p);

                        if (gsnmp_oid_has_prefix (lo, root) &&
                            (owner == NULL || gsnmp_oid_get_length (root) >= best)) {
                                owner = p;
                                best = gsnmp_oid_get_length (root);
                        }
                }
                if (owner == NULL)
                        continue;

                /* Merge with the previous piece when it is the same
                 * provider's and adjacent. */
                if (ranges->len > 0) {
                        Range *prev = &g_array_index (ranges, Range, ranges->len - 1);

                        if (prev->provider == owner && prev->hi != NULL && gsnmp_oid_equal (prev->hi, lo)) {
                                g_clear_pointer (&prev->hi, gsnmp_oid_unref);
                                prev->hi = hi ? gsnmp_oid_ref (hi) : NULL;
                                continue;
                        }
                }

                r.lo = gsnmp_oid_ref (lo);
                r.hi = hi ? gsnmp_oid_ref (hi) : NULL;
                r.provider = g_object_ref (owner);
                g_array_append_val (ranges, r);
        }

        g_array_unref (c->ranges);
        c->ranges = ranges;
}

static Context *
get_context (GsnmpAgent *self,
             const char *name,
             gboolean    create)
{
        Context *c = g_hash_table_lookup (self->contexts, name ? name : "");

        if (c == NULL && create) {
                c = g_new0 (Context, 1);
                c->providers = g_ptr_array_new_with_free_func (g_object_unref);
                c->ranges = ranges_new ();
                g_hash_table_insert (self->contexts, g_strdup (name ? name : ""), c);
        }

        return c;
}

/* The range holding @oid, or -1. */
static int
find_range (GArray         *ranges,
            const GsnmpOid *oid)
{
        guint lo = 0, hi = ranges->len;
        Range *r;

        /* the last range with lo <= oid */
        while (lo < hi) {
                guint mid = lo + (hi - lo) / 2;

                if (gsnmp_oid_compare (g_array_index (ranges, Range, mid).lo, oid) <= 0)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        if (lo == 0)
                return -1;

        r = &g_array_index (ranges, Range, lo - 1);
        if (r->hi != NULL && gsnmp_oid_compare (oid, r->hi) >= 0)
                return -1;
        return (int) lo - 1;
}

/* The first range at or after @min whose end is after @oid, or -1. */
static int
find_next_range (GArray         *ranges,
                 const GsnmpOid *oid,
                 guint           min)
{
        guint lo = 0, hi = ranges->len;

        while (lo < hi) {
                guint mid = lo + (hi - lo) / 2;
                Range *r = &g_array_index (ranges, Range, mid);

                if (r->hi != NULL && gsnmp_oid_compare (r->hi, oid) <= 0)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        lo = MAX (lo, min);

        return lo < ranges->len ? (int) lo : -1;
}

/****************************************************************************/
/* Sizes */

gsize
gsnmp_agent_varbind_size (GsnmpVarbind *vb)
{
        GsnmpOid *oid = gsnmp_varbind_get_oid (vb);
        const guint32 *ids;
        gsize n_ids, name, value, content;

        ids = gsnmp_oid_get_ids (oid, &n_ids);
        name = gsnmp_ber_oid_content_size (ids, n_ids);

        switch (gsnmp_varbind_get_value_type (vb)) {
        case GSNMP_VALUE_TYPE_INTEGER:
                value = gsnmp_ber_integer_content_size (gsnmp_varbind_get_integer (vb), FALSE, 0);
                break;
        case GSNMP_VALUE_TYPE_COUNTER32:
        case GSNMP_VALUE_TYPE_GAUGE32:
        case GSNMP_VALUE_TYPE_TIMETICKS:
                value = gsnmp_ber_integer_content_size (0, TRUE, gsnmp_varbind_get_unsigned (vb));
                break;
        case GSNMP_VALUE_TYPE_COUNTER64:
                value = gsnmp_ber_integer_content_size (0, TRUE, gsnmp_varbind_get_counter64 (vb));
                break;
        case GSNMP_VALUE_TYPE_OCTET_STRING:
        case GSNMP_VALUE_TYPE_OPAQUE:
                gsnmp_varbind_get_octets (vb, &value);
                break;
        case GSNMP_VALUE_TYPE_IP_ADDRESS:
                value = 4;
                break;
        case GSNMP_VALUE_TYPE_OBJECT_ID:
                ids = gsnmp_oid_get_ids (gsnmp_varbind_get_oid_value (vb), &n_ids);
                value = gsnmp_ber_oid_content_size (ids, n_ids);
                break;
        default:
                value = 0;
                break;
        }

        content = gsnmp_ber_header_size (name) + name + gsnmp_ber_header_size (value) + value;
        return gsnmp_ber_header_size (content) + content;
}

/* The size of a PDU whose varbinds take @varbinds bytes. */
static gsize
pdu_size (gint32 request_id,
          guint  error_status,
          guint  error_index,
          gsize  varbinds)
{
        gsize content = 2 + gsnmp_ber_integer_content_size (request_id, FALSE, 0) +
                        2 + gsnmp_ber_integer_content_size (error_status, FALSE, 0) +
                        2 + gsnmp_ber_integer_content_size (error_index, FALSE, 0) +
                        gsnmp_ber_header_size (varbinds) + varbinds;

        return gsnmp_ber_header_size (content) + content;
}

/****************************************************************************/
/* Request processing */

typedef enum {
        STAGE_START,
        STAGE_GET,
        STAGE_NEXT,
        STAGE_SET_TEST,
        STAGE_SET_READ,
        STAGE_SET_COMMIT,
        STAGE_SET_UNDO,
        STAGE_DONE,
} Stage;

/* One variable binding being resolved. */
typedef struct {
        GsnmpOid     *name;     /* (owned) the name asked for */
        GsnmpVarbind *value;    /* (owned) (nullable) SET: the value to set */
        GsnmpOid     *cursor;   /* (owned) GETNEXT: answer the first OID after it */
        GsnmpOid     *query;    /* (owned) what the provider was asked */
        guint         min_range;
        int           range;    /* the range asked, for GETNEXT */
        GsnmpVarbind *result;   /* (owned) (nullable) */
        GsnmpVarbind *old;      /* (owned) (nullable) SET: the value before */
        guint         error;
        guint         index;    /* 1-based index in the request */
        gboolean      done;
} Slot;

/* One batch handed to a provider. */
typedef struct {
        Job                  *job;
        GsnmpProviderRequest *request;
        GsnmpProviderOperation op;
        GSequenceIter        *deadline_iter;  /* (nullable) */
        gint64                deadline;
        guint64               serial;
} Call;

struct _Job {
        GsnmpAgent             *agent;
        GsnmpPdu               *request;      /* (owned) */
        GsnmpProtocolVersion    version;
        char                   *context_name;
        GsnmpView              *read_view;    /* (owned) (nullable) */
        GsnmpView              *write_view;   /* (owned) (nullable) */
        gsize                   max_size;
        GArray                 *ranges;       /* (owned) the context's partition */
        GsnmpAgentResponseFunc  callback;
        gpointer                user_data;

        Stage                   stage;
        GArray                 *slots;        /* (element-type Slot) */
        GPtrArray              *calls;        /* (element-type Call) outstanding */
        gboolean                driving;
        gboolean                closed;       /* agent closed while driving */

        /* GETBULK */
        guint                   non_repeaters;
        guint                   max_repetitions;
        guint                   repetition;
        GPtrArray              *out;          /* (element-type GsnmpVarbind) */
        gsize                   out_size;
        gboolean                full;
};

static void job_step (Job *job);

static void
slot_clear (gpointer data)
{
        Slot *s = data;

        g_clear_pointer (&s->name, gsnmp_oid_unref);
        g_clear_pointer (&s->value, gsnmp_varbind_unref);
        g_clear_pointer (&s->cursor, gsnmp_oid_unref);
        g_clear_pointer (&s->query, gsnmp_oid_unref);
        g_clear_pointer (&s->result, gsnmp_varbind_unref);
        g_clear_pointer (&s->old, gsnmp_varbind_unref);
}

static void
call_free (Call *call)
{
        if (call->deadline_iter != NULL)
                g_sequence_remove (call->deadline_iter);
        g_clear_object (&call->request);
        g_free (call);
}

static void
job_free (Job *job)
{
        g_clear_pointer (&job->request, gsnmp_pdu_unref);
        g_clear_pointer (&job->context_name, g_free);
        g_clear_object (&job->read_view);
        g_clear_object (&job->write_view);
        g_clear_pointer (&job->ranges, g_array_unref);
        g_clear_pointer (&job->slots, g_array_unref);
        g_clear_pointer (&job->calls, g_ptr_array_unref);
        g_clear_pointer (&job->out, g_ptr_array_unref);
        g_free (job);
}

static void
job_add_slot (Job          *job,
              GsnmpOid     *name,
              GsnmpVarbind *value,
              guint         index)
{
        Slot s = { 0, };

        s.name = gsnmp_oid_ref (name);
        s.value = value ? gsnmp_varbind_ref (value) : NULL;
        s.cursor = gsnmp_oid_ref (name);
        s.range = -1;
        s.index = index;
        g_array_append_val (job->slots, s);
}

/* RFC 3584 §4.4: the SNMPv1 error status for an SNMPv2 one. */
static guint
v1_error_status (guint status)
{
        switch (status) {
        case GSNMP_PDU_ERROR_WRONG_VALUE:
        case GSNMP_PDU_ERROR_WRONG_ENCODING:
        case GSNMP_PDU_ERROR_WRONG_TYPE:
        case GSNMP_PDU_ERROR_WRONG_LENGTH:
        case GSNMP_PDU_ERROR_INCONSISTENT_VALUE:
                return GSNMP_PDU_ERROR_BAD_VALUE;
        case GSNMP_PDU_ERROR_NO_ACCESS:
        case GSNMP_PDU_ERROR_NOT_WRITABLE:
        case GSNMP_PDU_ERROR_NO_CREATION:
        case GSNMP_PDU_ERROR_INCONSISTENT_NAME:
        case GSNMP_PDU_ERROR_AUTHORIZATION_ERROR:
                return GSNMP_PDU_ERROR_NO_SUCH_NAME;
        case GSNMP_PDU_ERROR_RESOURCE_UNAVAILABLE:
        case GSNMP_PDU_ERROR_COMMIT_FAILED:
        case GSNMP_PDU_ERROR_UNDO_FAILED:
                return GSNMP_PDU_ERROR_GEN_ERR;
        default:
                return status;
        }
}

static GsnmpPdu *
response_new (Job *job)
{
        GsnmpPdu *pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);

        gsnmp_pdu_set_request_id (pdu, gsnmp_pdu_get_request_id (job->request));
        return pdu;
}

static void start_next_set (GsnmpAgent *self);

/* Ends @job: hands @response to the caller and frees @job.  The caller may
 * close the agent from its callback: @job has left the agent by then. */
static void
job_complete (Job      *job,
              GsnmpPdu *response)
{
        GsnmpAgent *self = job->agent;

        g_hash_table_remove (self->jobs, job);
        if (self->active_set == job)
                self->active_set = NULL;
        job->stage = STAGE_DONE;
        job->callback (self, response, job->user_data);
        job_free (job);
        start_next_set (self);
}

/* Sends @response, or its tooBig replacement (RFC 3416 §4.2.1: no
 * varbinds; RFC 1157 §4.1.2: SNMPv1 keeps the request's), and ends @job. */
static void
job_respond (Job      *job,
             GsnmpPdu *response)
{
        GsnmpAgent *self = job->agent;
        guint n = gsnmp_pdu_get_n_varbinds (response);
        gsize size = 0;

        for (guint i = 0; i < n; i++)
                size += gsnmp_agent_varbind_size (gsnmp_pdu_get_varbind (response, i));
        if (pdu_size (gsnmp_pdu_get_request_id (response), gsnmp_pdu_get_error_status (response),
                      gsnmp_pdu_get_error_index (response), size) > job->max_size) {
                g_autoptr(GsnmpPdu) too_big = response_new (job);

                gsnmp_pdu_set_error (too_big, GSNMP_PDU_ERROR_TOO_BIG, 0);
                if (job->version == GSNMP_PROTOCOL_VERSION_V1) {
                        n = gsnmp_pdu_get_n_varbinds (job->request);
                        for (guint i = 0; i < n; i++)
                                gsnmp_pdu_add_varbind (too_big, gsnmp_pdu_get_varbind (job->request, i));
                }
                gsnmp_agent_count (self, GSNMP_AGENT_STAT_OUT_TOO_BIGS);
                job_complete (job, too_big);
                return;
        }

        job_complete (job, response);
}

/* An error response: the request's varbinds, @status at @index. */
static void
job_respond_error (Job   *job,
                   guint  status,
                   guint  index)
{
        g_autoptr(GsnmpPdu) response = response_new (job);
        guint n = gsnmp_pdu_get_n_varbinds (job->request);

        if (job->version == GSNMP_PROTOCOL_VERSION_V1)
                status = v1_error_status (status);
        gsnmp_pdu_set_error (response, status, index);
        for (guint i = 0; i < n; i++)
                gsnmp_pdu_add_varbind (response, gsnmp_pdu_get_varbind (job->request, i));

        job_respond (job, response);
}

/****************************************************************************/
/* Deadlines: one timer for every provider call waiting */

static int
compare_calls (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
        const Call *ca = a, *cb = b;

        if (ca->deadline != cb->deadline)
                return ca->deadline < cb->deadline ? -1 : 1;
        return ca->serial < cb->serial ? -1 : (ca->serial > cb->serial);
}

static void call_done (GsnmpProviderRequest *request, gpointer user_data);
static void call_finish (Call *call, gboolean timed_out);
static void arm_timer (GsnmpAgent *self);

static gboolean
on_timer (gpointer data)
{
        GsnmpAgent *self = data;
        gint64 now = g_get_monotonic_time ();

        g_clear_pointer (&self->timer, g_source_unref);

        while (!g_sequence_is_empty (self->deadlines)) {
                GSequenceIter *it = g_sequence_get_begin_iter (self->deadlines);
                Call *call = g_sequence_get (it);

                if (call->deadline > now)
                        break;

                g_debug ("agent: provider %s did not answer in time",
                         G_OBJECT_TYPE_NAME (call->request));
                g_sequence_remove (it);
                call->deadline_iter = NULL;
                gsnmp_provider_request_abandon (call->request);
                call_finish (call, TRUE);
        }

        arm_timer (self);
        return G_SOURCE_REMOVE;
}

static void
arm_timer (GsnmpAgent *self)
{
        Call *first;
        gint64 ready;

        if (g_sequence_is_empty (self->deadlines)) {
                if (self->timer != NULL) {
                        g_source_destroy (self->timer);
                        g_clear_pointer (&self->timer, g_source_unref);
                }
                return;
        }

        first = g_sequence_get (g_sequence_get_begin_iter (self->deadlines));
        ready = first->deadline;
        if (self->timer != NULL) {
                if (g_source_get_ready_time (self->timer) == ready)
                        return;
                g_source_set_ready_time (self->timer, ready);
                return;
        }

        self->timer = g_timeout_source_new (G_MAXINT);
        g_source_set_ready_time (self->timer, ready);
        g_source_set_callback (self->timer, on_timer, self, NULL);
        g_source_set_static_name (self->timer, "GsnmpAgent provider deadline");
        g_source_attach (self->timer, self->context);
}

/****************************************************************************/
/* Provider calls */

/* Hands one batch to its provider.  The answers come back through
 * call_done(), maybe before this returns. */
static void
call_start (Job                  *job,
            GsnmpProvider        *provider,
            GsnmpProviderRequest *request,
            Call                 *call)
{
        GsnmpAgent *self = job->agent;
        g_autoptr(GsnmpProviderRequest) alive = g_object_ref (request);

        g_ptr_array_add (job->calls, call);
        gsnmp_provider_handle (provider, request);

        /* @call is gone if the provider completed it, or closed the agent */
        if (gsnmp_provider_request_is_pending (alive)) {
                call->deadline = g_get_monotonic_time () + (gint64) self->provider_timeout * 1000;
                call->serial = self->call_serial++;
                call->deadline_iter = g_sequence_insert_sorted (self->deadlines, call, compare_calls, NULL);
                arm_timer (self);
        }
}

static void
call_done (GsnmpProviderRequest *request,
           gpointer              user_data)
{
        call_finish (user_data, FALSE);
}

static void
next_answer (Job          *job,
             Slot         *s,
             GsnmpVarbind *vb);

/* Takes the answers of a completed or abandoned batch. */
static void
call_finish (Call    *call,
             gboolean timed_out)
{
        Job *job = call->job;
        GsnmpProviderRequest *request = call->request;
        guint n = gsnmp_provider_request_get_n_oids (request);

        for (guint i = 0; i < n; i++) {
                Slot *s = &g_array_index (job->slots, Slot, gsnmp_provider_request_get_tag (request, i));
                guint status = 0;
                GsnmpVarbind *answer = gsnmp_provider_request_get_answer (request, i, &status);

                if (timed_out) {
                        switch (call->op) {
                        case GSNMP_PROVIDER_OPERATION_SET_COMMIT:
                                status = GSNMP_PDU_ERROR_COMMIT_FAILED;
                                break;
                        case GSNMP_PROVIDER_OPERATION_SET_UNDO:
                                status = GSNMP_PDU_ERROR_UNDO_FAILED;
                                break;
                        default:
                                status = GSNMP_PDU_ERROR_GEN_ERR;
                                break;
                        }
                        answer = NULL;
                }

                switch (call->op) {
                case GSNMP_PROVIDER_OPERATION_GET:
                        if (job->stage == STAGE_SET_READ) {
                                g_clear_pointer (&s->old, gsnmp_varbind_unref);
                                if (answer != NULL && status == 0)
                                        s->old = gsnmp_varbind_ref (answer);
                                break;
                        }
                        if (status != 0)
                                s->error = status;
                        else if (answer != NULL)
                                s->result = gsnmp_varbind_ref (answer);
                        else
                                s->result = gsnmp_varbind_new_exception (s->name, GSNMP_VALUE_TYPE_NO_SUCH_OBJECT);
                        s->done = TRUE;
                        break;
                case GSNMP_PROVIDER_OPERATION_GET_NEXT:
                        if (status != 0) {
                                s->error = status;
                                s->done = TRUE;
                        } else {
                                next_answer (job, s, answer);
                        }
                        break;
                default:
                        if (status != 0 && s->error == 0)
                                s->error = status;
                        break;
                }
        }

        g_ptr_array_remove_fast (job->calls, call);
        call->job = NULL;
        call_free (call);

        if (job->calls->len == 0 && !job->driving)
                job_step (job);
}

/* Batches by provider, in the order first seen. */
typedef struct {
        GsnmpProvider        *provider;
        GsnmpProviderRequest *request;
        Call                 *call;
} Batch;

static Batch *
batch_for (Job                    *job,
           GArray                 *batches,
           GsnmpProvider          *provider,
           GsnmpProviderOperation  op)
{
        Batch b;

        for (guint i = 0; i < batches->len; i++) {
                Batch *old = &g_array_index (batches, Batch, i);

                if (old->provider == provider)
                        return old;
        }

        b.provider = provider;
        b.call = g_new0 (Call, 1);
        b.call->job = job;
        b.call->op = op;
        b.request = gsnmp_provider_request_new (op, job->context_name, call_done, b.call);
        b.call->request = b.request;
        g_array_append_val (batches, b);

        return &g_array_index (batches, Batch, batches->len - 1);
}

static void
dispatch (Job    *job,
          GArray *batches)
{
        /* Start them all: answers given synchronously are taken as they
         * come, and job_step() runs once every batch has answered. */
        for (guint i = 0; i < batches->len; i++) {
                Batch *b = &g_array_index (batches, Batch, i);

                if (job->closed) {
                        b->call->job = NULL;
                        call_free (b->call);
                        continue;
                }
                call_start (job, b->provider, b->request, b->call);
        }
}

/****************************************************************************/
/* GET */

static void
plan_get (Job                    *job,
          GsnmpProviderOperation  op)
{
        g_autoptr(GArray) batches = g_array_new (FALSE, FALSE, sizeof (Batch));

        for (guint i = 0; i < job->slots->len; i++) {
                Slot *s = &g_array_index (job->slots, Slot, i);
                GsnmpProvider *provider;
                int r;

                if (s->done || s->error != 0)
                        continue;

                if (op == GSNMP_PROVIDER_OPERATION_GET && job->stage == STAGE_GET &&
                    job->read_view != NULL && !gsnmp_view_contains (job->read_view, s->name)) {
                        s->result = gsnmp_varbind_new_exception (s->name, GSNMP_VALUE_TYPE_NO_SUCH_OBJECT);
                        s->done = TRUE;
                        continue;
                }

                r = find_range (job->ranges, s->name);
                if (r < 0) {
                        if (job->stage == STAGE_GET)
                                s->result = gsnmp_varbind_new_exception (s->name, GSNMP_VALUE_TYPE_NO_SUCH_OBJECT);
                        s->done = job->stage == STAGE_GET;
                        continue;
                }
                provider = g_array_index (job->ranges, Range, r).provider;

                if (op == GSNMP_PROVIDER_OPERATION_GET && GSNMP_IS_STORE_PROVIDER (provider)) {
                        GsnmpVarbind *vb = gsnmp_store_provider_answer (GSNMP_STORE_PROVIDER (provider),
                                                                        s->name, FALSE);
                        if (job->stage == STAGE_SET_READ) {
                                s->old = vb;
                        } else {
                                s->result = vb;
                                s->done = TRUE;
                        }
                        continue;
                }

                gsnmp_provider_request_add (batch_for (job, batches, provider, op)->request,
                                            s->name,
                                            op == GSNMP_PROVIDER_OPERATION_GET ? NULL : s->value,
                                            i);
        }

        dispatch (job, batches);
}

static void
finish_get (Job *job)
{
        g_autoptr(GsnmpPdu) response = NULL;

        for (guint i = 0; i < job->slots->len; i++) {
                Slot *s = &g_array_index (job->slots, Slot, i);

                if (s->error != 0) {
                        job_respond_error (job, s->error, s->index);
                        return;
                }
        }

        if (job->version == GSNMP_PROTOCOL_VERSION_V1) {
                /* RFC 3584 §4.2.2.1: exceptions and Counter64 become
                 * noSuchName */
                for (guint i = 0; i < job->slots->len; i++) {
                        Slot *s = &g_array_index (job->slots, Slot, i);
                        GsnmpValueType t = gsnmp_varbind_get_value_type (s->result);

                        if (gsnmp_varbind_is_exception (s->result) || t == GSNMP_VALUE_TYPE_COUNTER64) {
                                job_respond_error (job, GSNMP_PDU_ERROR_NO_SUCH_NAME, s->index);
                                return;
                        }
                }
        }

        response = response_new (job);
        for (guint i = 0; i < job->slots->len; i++) {
                Slot *s = &g_array_index (job->slots, Slot, i);

                gsnmp_pdu_take_varbind (response, g_steal_pointer (&s->result));
        }
        job_respond (job, response);
}

/****************************************************************************/
/* GETNEXT and GETBULK */

static void
slot_end_of_view (Slot *s)
{
        g_clear_pointer (&s->result, gsnmp_varbind_unref);
        s->result = gsnmp_varbind_new_exception (s->name, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
        s->done = TRUE;
}

static void
slot_move (Slot     *s,
           GsnmpOid *cursor)
{
        g_clear_pointer (&s->cursor, gsnmp_oid_unref);
        s->cursor = cursor;
}

/* Takes a provider's GETNEXT answer for @s, asked in range @s->range. */
static void
next_answer (Job          *job,
             Slot         *s,
             GsnmpVarbind *vb)
{
        Range *r = &g_array_index (job->ranges, Range, s->range);
        GsnmpOid *oid;
        GsnmpOid *skip = NULL;

        if (vb == NULL || gsnmp_varbind_is_exception (vb)) {
                s->min_range = s->range + 1;
                return;
        }

        oid = gsnmp_varbind_get_oid (vb);
        if (gsnmp_oid_compare (oid, s->query) <= 0 || gsnmp_oid_compare (oid, r->lo) < 0 ||
            (r->hi != NULL && gsnmp_oid_compare (oid, r->hi) >= 0)) {
                /* Nothing more in this range (or a provider that answered
                 * outside what it was asked: ignore it). */
                s->min_range = s->range + 1;
                return;
        }

        if (job->read_view != NULL && !gsnmp_view_check (job->read_view, oid, &skip)) {
                if (skip == NULL) {
                        slot_end_of_view (s);
                        return;
                }
                slot_move (s, skip);
                s->min_range = s->range;
                return;
        }

        if (job->version == GSNMP_PROTOCOL_VERSION_V1 &&
            gsnmp_varbind_get_value_type (vb) == GSNMP_VALUE_TYPE_COUNTER64) {
                /* RFC 3584 §4.2.2.1: SNMPv1 GETNEXT skips Counter64 */
                slot_move (s, gsnmp_oid_ref (oid));
                s->min_range = s->range;
                return;
        }

        g_clear_pointer (&s->result, gsnmp_varbind_unref);
        s->result = gsnmp_varbind_ref (vb);
        s->done = TRUE;
}

/* One GETNEXT round: every slot not done asks the provider of the next
 * range after its cursor; stores answer at once. */
static void
plan_next (Job *job)
{
        g_autoptr(GArray) batches = g_array_new (FALSE, FALSE, sizeof (Batch));

        for (guint i = 0; i < job->slots->len; i++) {
                Slot *s = &g_array_index (job->slots, Slot, i);

                while (!s->done) {
                        GsnmpProvider *provider;
                        Range *r;
                        int ri = find_next_range (job->ranges, s->cursor, s->min_range);

                        if (ri < 0) {
                                slot_end_of_view (s);
                                break;
                        }
                        r = &g_array_index (job->ranges, Range, ri);
                        s->range = ri;
                        g_clear_pointer (&s->query, gsnmp_oid_unref);
                        if (gsnmp_oid_compare (s->cursor, r->lo) >= 0)
                                s->query = gsnmp_oid_ref (s->cursor);
                        else
                                s->query = gsnmp_oid_predecessor (r->lo);
                        if (s->query == NULL) {
                                /* only the empty OID has no predecessor:
                                 * a range starting there holds @cursor */
                                s->query = gsnmp_oid_ref (s->cursor);
                        }

                        provider = r->provider;
                        if (GSNMP_IS_STORE_PROVIDER (provider)) {
                                g_autoptr(GsnmpVarbind) vb = NULL;

                                vb = gsnmp_store_provider_answer (GSNMP_STORE_PROVIDER (provider),
                                                                  s->query, TRUE);
                                next_answer (job, s, vb);
                                continue;
                        }

                        gsnmp_provider_request_add (batch_for (job, batches, provider,
                                                               GSNMP_PROVIDER_OPERATION_GET_NEXT)->request,
                                                    s->query, NULL, i);
                        break;
                }
        }

        dispatch (job, batches);
}

static gboolean
slots_done (Job *job)
{
        for (guint i = 0; i < job->slots->len; i++) {
                if (!g_array_index (job->slots, Slot, i).done)
                        return FALSE;
        }
        return TRUE;
}

/* GETBULK: appends one varbind if it fits. */
static gboolean
bulk_add (Job          *job,
          GsnmpVarbind *vb)
{
        gsize size = gsnmp_agent_varbind_size (vb);

        if (pdu_size (gsnmp_pdu_get_request_id (job->request), 0, 0, job->out_size + size) > job->max_size) {
                job->full = TRUE;
                return FALSE;
        }

        job->out_size += size;
        g_ptr_array_add (job->out, gsnmp_varbind_ref (vb));
        return TRUE;
}

/* GETBULK: takes the results of one round.  Returns TRUE when another
 * repetition is needed, with the repeaters' slots reset for it. */
static gboolean
bulk_collect (Job *job)
{
        guint n = job->slots->len;
        gboolean all_end = TRUE;
        guint first = 0;

        for (guint i = 0; i < n; i++) {
                if (g_array_index (job->slots, Slot, i).error != 0)
                        return FALSE;
        }

        if (job->repetition == 0) {
                for (guint i = 0; i < job->non_repeaters && i < n; i++) {
                        if (!bulk_add (job, g_array_index (job->slots, Slot, i).result))
                                return FALSE;
                }
                first = job->non_repeaters;
        }

        for (guint i = first; i < n; i++) {
                Slot *s = &g_array_index (job->slots, Slot, i);

                if (!bulk_add (job, s->result))
                        return FALSE;
                if (gsnmp_varbind_get_value_type (s->result) != GSNMP_VALUE_TYPE_END_OF_MIB_VIEW)
                        all_end = FALSE;
        }

        job->repetition++;
        if (all_end || job->repetition >= job->max_repetitions)
                return FALSE;

        /* The next repetition asks for the successors of these results;
         * the non-repeaters leave. */
        if (first > 0)
                g_array_remove_range (job->slots, 0, first);
        for (guint i = 0; i < job->slots->len; i++) {
                Slot *s = &g_array_index (job->slots, Slot, i);
                GsnmpOid *oid = gsnmp_varbind_get_oid (s->result);

                if (gsnmp_varbind_get_value_type (s->result) == GSNMP_VALUE_TYPE_END_OF_MIB_VIEW) {
                        /* stays at the end: same name, same value */
                        g_clear_pointer (&s->name, gsnmp_oid_unref);
                        s->name = gsnmp_oid_ref (oid);
                        continue;
                }
                g_clear_pointer (&s->name, gsnmp_oid_unref);
                s->name = gsnmp_oid_ref (oid);
                slot_move (s, gsnmp_oid_ref (oid));
                g_clear_pointer (&s->result, gsnmp_varbind_unref);
                s->min_range = 0;
                s->done = FALSE;
        }

        return TRUE;
}

static void
finish_next (Job *job)
{
        g_autoptr(GsnmpPdu) response = NULL;

        for (guint i = 0; i < job->slots->len; i++) {
                Slot *s = &g_array_index (job->slots, Slot, i);

                if (s->error != 0) {
                        job_respond_error (job, s->error, s->index);
                        return;
                }
                if (job->version == GSNMP_PROTOCOL_VERSION_V1 &&
                    gsnmp_varbind_is_exception (s->result)) {
                        job_respond_error (job, GSNMP_PDU_ERROR_NO_SUCH_NAME, s->index);
                        return;
                }
        }

        response = response_new (job);
        if (job->out != NULL) {
                for (guint i = 0; i < job->out->len; i++)
                        gsnmp_pdu_add_varbind (response, g_ptr_array_index (job->out, i));
        } else {
                for (guint i = 0; i < job->slots->len; i++) {
                        Slot *s = &g_array_index (job->slots, Slot, i);

                        gsnmp_pdu_take_varbind (response, g_steal_pointer (&s->result));
                }
        }
        job_respond (job, response);
}

/****************************************************************************/
/* SET: RFC 3416 §4.2.5 */

static gboolean
set_first_error (Job   *job,
                 guint *status,
                 guint *index)
{
        for (guint i = 0; i < job->slots->len; i++) {
                Slot *s = &g_array_index (job->slots, Slot, i);

                if (s->error != 0) {
                        *status = s->error;
                        *index = s->index;
                        return TRUE;
                }
        }
        return FALSE;
}

/* Access and existence checks the agent makes itself, before the
 * providers test the values. */
static void
set_check (Job *job)
{
        for (guint i = 0; i < job->slots->len; i++) {
                Slot *s = &g_array_index (job->slots, Slot, i);

                if (job->write_view == NULL || !gsnmp_view_contains (job->write_view, s->name))
                        s->error = GSNMP_PDU_ERROR_NO_ACCESS;
                else if (find_range (job->ranges, s->name) < 0)
                        s->error = GSNMP_PDU_ERROR_NOT_WRITABLE;
        }
}

static void
plan_set (Job                    *job,
          GsnmpProviderOperation  op)
{
        g_autoptr(GArray) batches = g_array_new (FALSE, FALSE, sizeof (Batch));

        for (guint i = 0; i < job->slots->len; i++) {
                Slot *s = &g_array_index (job->slots, Slot, i);
                g_autoptr(GsnmpVarbind) undo = NULL;
                GsnmpVarbind *value = s->value;
                int r = find_range (job->ranges, s->name);

                if (r < 0)
                        continue;
                if (op == GSNMP_PROVIDER_OPERATION_SET_UNDO) {
                        if (s->old != NULL && !gsnmp_varbind_is_exception (s->old))
                                value = s->old;
                        else
                                value = undo = gsnmp_varbind_new_exception (s->name, GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE);
                }

                gsnmp_provider_request_add (batch_for (job, batches,
                                                       g_array_index (job->ranges, Range, r).provider,
                                                       op)->request,
                                            NULL, value, i);
        }

        dispatch (job, batches);
}

/****************************************************************************/
/* The state machine */

static void
clear_errors (Job *job)
{
        for (guint i = 0; i < job->slots->len; i++)
                g_array_index (job->slots, Slot, i).error = 0;
}

/* Advances @job as far as it can without waiting for a provider. */
static void
job_step (Job *job)
{
        guint status, index;

        job->driving = TRUE;

        while (job->calls->len == 0 && !job->closed) {
                switch (job->stage) {
                case STAGE_START:
                        switch (gsnmp_pdu_get_pdu_type (job->request)) {
                        case GSNMP_PDU_TYPE_GET:
                                job->stage = STAGE_GET;
                                plan_get (job, GSNMP_PROVIDER_OPERATION_GET);
                                break;
                        case GSNMP_PDU_TYPE_GET_NEXT:
                        case GSNMP_PDU_TYPE_GET_BULK:
                                job->stage = STAGE_NEXT;
                                plan_next (job);
                                break;
                        case GSNMP_PDU_TYPE_SET:
                                set_check (job);
                                job->stage = STAGE_SET_TEST;
                                plan_set (job, GSNMP_PROVIDER_OPERATION_SET_TEST);
                                break;
                        default:
                                g_assert_not_reached ();
                        }
                        break;

                case STAGE_GET:
                        finish_get (job);
                        return;

                case STAGE_NEXT:
                        if (!slots_done (job)) {
                                gboolean errors = FALSE;

                                for (guint i = 0; i < job->slots->len; i++)
                                        errors |= g_array_index (job->slots, Slot, i).error != 0;
                                if (!errors) {
                                        plan_next (job);
                                        break;
                                }
                        }
                        if (job->out != NULL && bulk_collect (job)) {
                                plan_next (job);
                                break;
                        }
                        finish_next (job);
                        return;

                case STAGE_SET_TEST:
                        if (set_first_error (job, &status, &index)) {
                                job_respond_error (job, status, index);
                                return;
                        }
                        job->stage = STAGE_SET_READ;
                        plan_get (job, GSNMP_PROVIDER_OPERATION_GET);
                        break;

                case STAGE_SET_READ:
                        job->stage = STAGE_SET_COMMIT;
                        plan_set (job, GSNMP_PROVIDER_OPERATION_SET_COMMIT);
                        break;

                case STAGE_SET_COMMIT:
                        if (set_first_error (job, &status, &index)) {
                                /* keep the first failure's index for the
                                 * answer; undo everything */
                                for (guint i = 0; i < job->slots->len; i++) {
                                        Slot *s = &g_array_index (job->slots, Slot, i);

                                        if (s->index == index)
                                                s->done = TRUE;   /* marks the failed one */
                                }
                                clear_errors (job);
                                job->stage = STAGE_SET_UNDO;
                                plan_set (job, GSNMP_PROVIDER_OPERATION_SET_UNDO);
                                break;
                        }
                        job_respond_error (job, 0, 0);
                        return;

                case STAGE_SET_UNDO:
                        index = 0;
                        for (guint i = 0; i < job->slots->len; i++) {
                                Slot *s = &g_array_index (job->slots, Slot, i);

                                if (s->done)
                                        index = s->index;
                        }
                        if (set_first_error (job, &status, &status))
                                job_respond_error (job, GSNMP_PDU_ERROR_UNDO_FAILED, index);
                        else
                                job_respond_error (job, GSNMP_PDU_ERROR_COMMIT_FAILED, index);
                        return;

                case STAGE_DONE:
                default:
                        g_assert_not_reached ();
                }
        }

        if (job->closed) {
                /* the agent was closed by a provider: it left @job to us */
                job_free (job);
                return;
        }
        job->driving = FALSE;
}

static void
job_start (Job *job)
{
        job->driving = FALSE;
        job_step (job);
}

static void
start_next_set (GsnmpAgent *self)
{
        Job *job;

        if (self->active_set != NULL || self->closed)
                return;
        job = g_queue_pop_head (&self->set_queue);
        if (job == NULL)
                return;

        self->active_set = job;
        job_start (job);
}

void
gsnmp_agent_process (GsnmpAgent             *self,
                     const GsnmpAgentAccess *access,
                     GsnmpPdu               *request,
                     GsnmpAgentResponseFunc  callback,
                     gpointer                user_data)
{
        GsnmpPduType type = gsnmp_pdu_get_pdu_type (request);
        Context *context;
        guint n;
        Job *job;

        g_return_if_fail (GSNMP_IS_AGENT (self));

        if (self->closed) {
                callback (self, NULL, user_data);
                return;
        }

        if (type != GSNMP_PDU_TYPE_GET && type != GSNMP_PDU_TYPE_GET_NEXT &&
            type != GSNMP_PDU_TYPE_GET_BULK && type != GSNMP_PDU_TYPE_SET) {
                gsnmp_agent_count (self, GSNMP_AGENT_STAT_UNKNOWN_PDU_HANDLERS);
                callback (self, NULL, user_data);
                return;
        }

        job = g_new0 (Job, 1);
        job->agent = self;
        job->request = gsnmp_pdu_ref (request);
        job->version = access->version;
        job->context_name = g_strdup (access->context_name ? access->context_name : "");
        job->read_view = access->read_view ? g_object_ref (access->read_view) : NULL;
        job->write_view = access->write_view ? g_object_ref (access->write_view) : NULL;
        job->max_size = MIN (access->max_size, self->max_message_size);
        job->callback = callback;
        job->user_data = user_data;
        job->slots = g_array_new (FALSE, TRUE, sizeof (Slot));
        g_array_set_clear_func (job->slots, slot_clear);
        job->calls = g_ptr_array_new ();

        context = get_context (self, job->context_name, FALSE);
        job->ranges = context ? g_array_ref (context->ranges) : ranges_new ();

        n = gsnmp_pdu_get_n_varbinds (request);
        for (guint i = 0; i < n; i++) {
                GsnmpVarbind *vb = gsnmp_pdu_get_varbind (request, i);

                job_add_slot (job, gsnmp_varbind_get_oid (vb),
                              type == GSNMP_PDU_TYPE_SET ? vb : NULL, i + 1);
        }

        if (type == GSNMP_PDU_TYPE_GET_BULK) {
                /* RFC 3416 §4.2.3: N = min(max(non-repeaters, 0), L),
                 * M = max(max-repetitions, 0); the response is bounded by
                 * the message size, never by M. */
                job->non_repeaters = MIN (gsnmp_pdu_get_non_repeaters (request), n);
                job->max_repetitions = gsnmp_pdu_get_max_repetitions (request);
                if ((gint32) job->max_repetitions < 0)
                        job->max_repetitions = 0;
                if ((gint32) gsnmp_pdu_get_non_repeaters (request) < 0)
                        job->non_repeaters = 0;
                job->out = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_varbind_unref);
                if (job->max_repetitions == 0 || job->non_repeaters == n) {
                        /* only the non-repeaters */
                        g_array_remove_range (job->slots, job->non_repeaters,
                                              n - job->non_repeaters);
                        job->max_repetitions = 1;
                }
        }

        g_hash_table_add (self->jobs, job);
        self->stats[GSNMP_AGENT_STAT_IN_REQUESTS]++;

        if (type == GSNMP_PDU_TYPE_SET) {
                g_queue_push_tail (&self->set_queue, job);
                start_next_set (self);
                return;
        }

        job_start (job);
}

guint
gsnmp_agent_get_n_processing (GsnmpAgent *self)
{
        return g_hash_table_size (self->jobs);
}

/****************************************************************************/
/* The receive path: transport → message → security → processing → respond */

/* Where and how to answer one request while it is processed. */
typedef struct {
        GsnmpAgent              *agent;       /* (owned) */
        GsnmpTransport          *transport;   /* (owned) */
        struct sockaddr_storage  from;
        socklen_t                from_len;
        GsnmpProtocolVersion     version;
        GBytes                  *community;   /* (owned) (nullable) */
        GsnmpMessageV3           v3;          /* (owned) v3: the request */
        GsnmpUsmKey             *auth_key;    /* (owned) (nullable) */
        GsnmpUsmKey             *priv_key;    /* (owned) (nullable) */
} Reply;

static void
reply_free (Reply *reply)
{
        g_clear_pointer (&reply->community, g_bytes_unref);
        gsnmp_message_v3_clear (&reply->v3);
        g_clear_pointer (&reply->auth_key, gsnmp_usm_key_unref);
        g_clear_pointer (&reply->priv_key, gsnmp_usm_key_unref);
        g_clear_pointer (&reply->transport, gsnmp_transport_unref);
        g_clear_object (&reply->agent);
        g_free (reply);
}

static Reply *
reply_new (GsnmpAgent            *self,
           GsnmpTransport        *transport,
           const struct sockaddr *from,
           socklen_t              from_len)
{
        Reply *reply = g_new0 (Reply, 1);

        reply->agent = g_object_ref (self);
        reply->transport = gsnmp_transport_ref (transport);
        memcpy (&reply->from, from, MIN ((gsize) from_len, sizeof (reply->from)));
        reply->from_len = from_len;
        return reply;
}

static void
on_processed (GsnmpAgent *self,
              GsnmpPdu   *response,
              gpointer    data)
{
        Reply *reply = data;

        if (response != NULL && !self->closed && !gsnmp_transport_is_closed (reply->transport)) {
                GsnmpRespondSecurity security = {
                        reply->version, reply->community,
                        reply->version == GSNMP_PROTOCOL_VERSION_V3 ? &reply->v3 : NULL,
                        reply->auth_key, reply->priv_key,
                };

                if (gsnmp_respond (reply->transport, (struct sockaddr *) &reply->from, reply->from_len,
                                   self->local, &security, response))
                        gsnmp_agent_count (self, GSNMP_AGENT_STAT_OUT_PKTS);
                else
                        gsnmp_agent_count (self, GSNMP_AGENT_STAT_SILENT_DROPS);
        }
        reply_free (reply);
}

/* Room for the PDU in a message of @max bytes, after the message's own
 * fields: exact for SNMPv1/v2c, an upper bound for SNMPv3 (USM
 * parameters, digest, privacy padding).  gsnmp_respond() is the final
 * judge. */
static gsize
pdu_room (Reply *reply,
          gsize  max)
{
        gsize overhead;

        if (reply->version != GSNMP_PROTOCOL_VERSION_V3) {
                gsize community = g_bytes_get_size (reply->community);

                overhead = 4 + 3 + gsnmp_ber_header_size (community) + community;
        } else {
                overhead = 64 + 48 + 16 +
                           g_bytes_get_size (reply->v3.engine_id) +
                           (reply->v3.user_name ? g_bytes_get_size (reply->v3.user_name) : 0) +
                           (reply->v3.context_engine_id ? g_bytes_get_size (reply->v3.context_engine_id) : 0) +
                           (reply->v3.context_name ? g_bytes_get_size (reply->v3.context_name) : 0);
        }
        return max > overhead ? max - overhead : 0;
}

static void
process_request (GsnmpAgent  *self,
                 Reply       *reply,
                 GsnmpPdu    *pdu,
                 const char  *context_name,
                 GsnmpView   *read_view,
                 GsnmpView   *write_view,
                 gsize        max_size)
{
        GsnmpAgentAccess access;

        access.version = reply->version;
        access.context_name = context_name;
        access.read_view = read_view;
        access.write_view = write_view;
        access.max_size = pdu_room (reply, MIN (max_size, self->max_message_size));
        gsnmp_agent_process (self, &access, pdu, on_processed, reply);
}

/* SNMPv1 and SNMPv2c (RFC 3584 §5.2.1 without its tables): the
 * community's context and views. */
static void
handle_community (GsnmpAgent            *self,
                  GsnmpTransport        *transport,
                  const struct sockaddr *from,
                  socklen_t              from_len,
                  GsnmpMessage          *msg)
{
        CommunityEntry *entry = msg->community ? g_hash_table_lookup (self->communities, msg->community) : NULL;
        Reply *reply;

        if (entry == NULL) {
                g_debug ("agent: dropping a message with an unknown community");
                gsnmp_agent_count (self, GSNMP_AGENT_STAT_BAD_COMMUNITY_NAMES);
                return;
        }

        /* RFC 3418 snmpInBadCommunityUses: a known community asking for an
         * operation it is not allowed (a SET with a read-only community);
         * the request is still answered, with noAccess */
        if (entry->write_view == NULL && msg->pdu != NULL &&
            gsnmp_pdu_get_pdu_type (msg->pdu) == GSNMP_PDU_TYPE_SET)
                gsnmp_agent_count (self, GSNMP_AGENT_STAT_BAD_COMMUNITY_USES);

        reply = reply_new (self, transport, from, from_len);
        reply->version = msg->version;
        reply->community = g_bytes_ref (msg->community);
        process_request (self, reply, msg->pdu, entry->context_name, entry->read_view,
                         entry->write_view, GSNMP_MAX_DATAGRAM_SIZE);
}

static void
send_report (GsnmpAgent            *self,
             GsnmpTransport        *transport,
             const struct sockaddr *from,
             socklen_t              from_len,
             const GsnmpMessageV3  *request,
             GsnmpUsmStatus         status,
             GsnmpUsmKey           *auth_key)
{
        if (gsnmp_respond_report (transport, from, from_len, self->local, request, status, auth_key))
                gsnmp_agent_count (self, GSNMP_AGENT_STAT_OUT_PKTS);
}

static gchar *
context_name_of (GsnmpMessageV3 *msg)
{
        gsize len = 0;
        const char *data = msg->context_name ? g_bytes_get_data (msg->context_name, &len) : NULL;

        return g_strndup (data ? data : "", len);
}

/* SNMPv3 with USM, the agent being the authoritative engine (RFC 3414
 * §3.2), then the user's views (RFC 3415's idea). */
static void
handle_v3 (GsnmpAgent            *self,
           GsnmpTransport        *transport,
           const struct sockaddr *from,
           socklen_t              from_len,
           GsnmpMessageV3        *msg,
           const guint8          *data,
           gsize                  len)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmKey) auth_key = NULL;
        g_autoptr(GsnmpUsmKey) priv_key = NULL;
        g_autofree char *context_name = NULL;
        GsnmpSecurityLevel level, user_level;
        GsnmpUsmStatus status;
        UserEntry *entry;
        Reply *reply;

        /* Step 3: for us, else a report with our engine ID (discovery) */
        if (!g_bytes_equal (msg->engine_id, gsnmp_local_engine_get_id (self->local))) {
                g_debug ("agent: SNMPv3 message for another engine ID (discovery?)");
                gsnmp_agent_count (self, GSNMP_AGENT_STAT_UNKNOWN_ENGINE_IDS);
                send_report (self, transport, from, from_len, msg, GSNMP_USM_STATUS_UNKNOWN_ENGINE_ID, NULL);
                return;
        }

        /* Step 4: the user */
        entry = msg->user_name ? g_hash_table_lookup (self->users, msg->user_name) : NULL;
        if (entry == NULL) {
                g_debug ("agent: SNMPv3 message from an unknown user");
                gsnmp_agent_count (self, GSNMP_AGENT_STAT_UNKNOWN_USER_NAMES);
                send_report (self, transport, from, from_len, msg, GSNMP_USM_STATUS_UNKNOWN_USER_NAME, NULL);
                return;
        }

        /* Step 5: no more than the user's keys allow */
        level = gsnmp_usm_level_from_flags (msg->msg_flags);
        user_level = gsnmp_usm_user_get_security_level (entry->user);
        if (level > user_level) {
                g_debug ("agent: SNMPv3 message above the user's security level");
                gsnmp_agent_count (self, GSNMP_AGENT_STAT_UNSUPPORTED_SEC_LEVELS);
                send_report (self, transport, from, from_len, msg, GSNMP_USM_STATUS_UNSUPPORTED_SEC_LEVEL, NULL);
                return;
        }

        /* Steps 6-8 */
        if (gsnmp_usm_key_cache_get_size (self->keys) >= KEY_CACHE_MAX)
                gsnmp_usm_key_cache_clear (self->keys);
        status = gsnmp_usm_process_incoming (self->keys, self->local, entry->user, NULL,
                                             msg, data, len, &auth_key, &priv_key, &error);
        if (status != GSNMP_USM_STATUS_OK) {
                g_debug ("agent: dropping an SNMPv3 message: %s", error ? error->message : "");
                if (status == GSNMP_USM_STATUS_WRONG_DIGEST || status == GSNMP_USM_STATUS_DECRYPTION_ERROR)
                        send_report (self, transport, from, from_len, msg, status, NULL);
                else if (status == GSNMP_USM_STATUS_NOT_IN_TIME_WINDOW)
                        send_report (self, transport, from, from_len, msg, status, auth_key);
                return;
        }
        if (msg->pdu == NULL) {
                gsnmp_agent_count (self, GSNMP_AGENT_STAT_ASN_PARSE_ERRS);
                return;
        }

        reply = reply_new (self, transport, from, from_len);
        reply->version = GSNMP_PROTOCOL_VERSION_V3;
        reply->v3 = *msg;
        memset (msg, 0, sizeof (*msg));         /* the reply owns it now */
        reply->auth_key = g_steal_pointer (&auth_key);
        reply->priv_key = g_steal_pointer (&priv_key);
        context_name = context_name_of (&reply->v3);

        if (get_context (self, context_name, FALSE) == NULL) {
                /* RFC 3413 §3.2 step 3: snmpUnknownContexts in a report,
                 * under the request's security */
                static const guint32 unknown_contexts[] = { 1, 3, 6, 1, 6, 3, 12, 1, 5, 0 };
                g_autoptr(GsnmpPdu) report = gsnmp_pdu_new (GSNMP_PDU_TYPE_REPORT);
                g_autoptr(GsnmpOid) oid = gsnmp_oid_new (unknown_contexts, G_N_ELEMENTS (unknown_contexts));
                g_autoptr(GsnmpVarbind) vb = NULL;
                guint64 count;

                g_debug ("agent: SNMPv3 request for an unknown context");
                count = gsnmp_agent_count (self, GSNMP_AGENT_STAT_UNKNOWN_CONTEXTS);
                if (!(reply->v3.msg_flags & GSNMP_V3_FLAG_REPORTABLE)) {
                        reply_free (reply);
                        return;
                }
                vb = gsnmp_varbind_new_counter32 (oid, (guint32) count);
                gsnmp_pdu_set_request_id (report, gsnmp_pdu_get_request_id (reply->v3.pdu));
                gsnmp_pdu_add_varbind (report, vb);
                on_processed (self, report, reply);
                return;
        }

        if (level < user_level) {
                /* RFC 3413 §3.2 step 4: no access at this level */
                g_autoptr(GsnmpPdu) response = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
                GsnmpPduType type = gsnmp_pdu_get_pdu_type (reply->v3.pdu);

                if (type != GSNMP_PDU_TYPE_GET && type != GSNMP_PDU_TYPE_GET_NEXT &&
                    type != GSNMP_PDU_TYPE_GET_BULK && type != GSNMP_PDU_TYPE_SET) {
                        gsnmp_agent_count (self, GSNMP_AGENT_STAT_UNKNOWN_PDU_HANDLERS);
                        reply_free (reply);
                        return;
                }
                gsnmp_pdu_set_request_id (response, gsnmp_pdu_get_request_id (reply->v3.pdu));
                gsnmp_pdu_set_error (response, GSNMP_PDU_ERROR_AUTHORIZATION_ERROR, 0);
                for (guint i = 0; i < gsnmp_pdu_get_n_varbinds (reply->v3.pdu); i++)
                        gsnmp_pdu_add_varbind (response, gsnmp_pdu_get_varbind (reply->v3.pdu, i));
                on_processed (self, response, reply);
                return;
        }

        process_request (self, reply, reply->v3.pdu, context_name, entry->read_view, entry->write_view,
                         (gsize) MAX (reply->v3.msg_max_size, GSNMP_V3_MIN_MAX_SIZE));
}

static void
on_datagram (GsnmpTransport        *transport,
             const struct sockaddr *from,
             socklen_t              from_len,
             const guint8          *data,
             gsize                  length,
             gboolean               truncated,
             gpointer               owner)
{
        GsnmpAgent *self = owner;
        g_autoptr(GError) error = NULL;
        g_auto(GsnmpIncoming) in = { 0, };

        gsnmp_agent_count (self, GSNMP_AGENT_STAT_IN_PKTS);
        if (self->closed)
                return;
        if (truncated) {
                g_debug ("agent: dropping a truncated datagram");
                gsnmp_agent_count (self, GSNMP_AGENT_STAT_ASN_PARSE_ERRS);
                return;
        }
        if (from->sa_family != AF_INET && from->sa_family != AF_INET6)
                return;

        if (!gsnmp_message_decode_any (data, length, self->local, &in, &error)) {
                g_debug ("agent: dropping a datagram: %s", error->message);
                return;
        }
        if (in.version == GSNMP_PROTOCOL_VERSION_V3)
                handle_v3 (self, transport, from, from_len, &in.v3, data, length);
        else
                handle_community (self, transport, from, from_len, &in.community);
}

void
gsnmp_agent_receive (GsnmpAgent            *self,
                     GsnmpTransport        *transport,
                     const struct sockaddr *from,
                     socklen_t              from_len,
                     const guint8          *data,
                     gsize                  length)
{
        on_datagram (transport, from, from_len, data, length, FALSE, self);
}

/****************************************************************************/
/* Private accessors for the built-in groups */

guint32
gsnmp_agent_get_uptime (GsnmpAgent *self)
{
        return gsnmp_local_engine_get_uptime (self->local);
}

/* The entity's counter (the local engine's) for @stat, or -1 for the
 * agent's own. */
static int
entity_counter (GsnmpAgentStat stat)
{
        switch (stat) {
        case GSNMP_AGENT_STAT_IN_PKTS:
                return GSNMP_COUNTER_IN_PKTS;
        case GSNMP_AGENT_STAT_BAD_VERSIONS:
                return GSNMP_COUNTER_IN_BAD_VERSIONS;
        case GSNMP_AGENT_STAT_BAD_COMMUNITY_NAMES:
                return GSNMP_COUNTER_IN_BAD_COMMUNITY_NAMES;
        case GSNMP_AGENT_STAT_ASN_PARSE_ERRS:
                return GSNMP_COUNTER_IN_ASN_PARSE_ERRS;
        case GSNMP_AGENT_STAT_UNKNOWN_SECURITY_MODELS:
                return GSNMP_COUNTER_UNKNOWN_SECURITY_MODELS;
        case GSNMP_AGENT_STAT_INVALID_MSGS:
                return GSNMP_COUNTER_INVALID_MSGS;
        case GSNMP_AGENT_STAT_UNKNOWN_PDU_HANDLERS:
                return GSNMP_COUNTER_UNKNOWN_PDU_HANDLERS;
        case GSNMP_AGENT_STAT_UNSUPPORTED_SEC_LEVELS:
                return GSNMP_COUNTER_USM_UNSUPPORTED_SEC_LEVELS;
        case GSNMP_AGENT_STAT_NOT_IN_TIME_WINDOWS:
                return GSNMP_COUNTER_USM_NOT_IN_TIME_WINDOWS;
        case GSNMP_AGENT_STAT_UNKNOWN_USER_NAMES:
                return GSNMP_COUNTER_USM_UNKNOWN_USER_NAMES;
        case GSNMP_AGENT_STAT_UNKNOWN_ENGINE_IDS:
                return GSNMP_COUNTER_USM_UNKNOWN_ENGINE_IDS;
        case GSNMP_AGENT_STAT_WRONG_DIGESTS:
                return GSNMP_COUNTER_USM_WRONG_DIGESTS;
        case GSNMP_AGENT_STAT_DECRYPTION_ERRORS:
                return GSNMP_COUNTER_USM_DECRYPTION_ERRORS;
        case GSNMP_AGENT_STAT_BAD_COMMUNITY_USES:
                return GSNMP_COUNTER_IN_BAD_COMMUNITY_USES;
        case GSNMP_AGENT_STAT_OUT_PKTS:
                return GSNMP_COUNTER_OUT_PKTS;
        case GSNMP_AGENT_STAT_OUT_TOO_BIGS:
                return GSNMP_COUNTER_OUT_TOO_BIGS;
        case GSNMP_AGENT_STAT_SILENT_DROPS:
                return GSNMP_COUNTER_SILENT_DROPS;
        case GSNMP_AGENT_STAT_UNKNOWN_CONTEXTS:
                return GSNMP_COUNTER_UNKNOWN_CONTEXTS;
        default:
                return -1;
        }
}

guint64
gsnmp_agent_get_stat (GsnmpAgent     *self,
                      GsnmpAgentStat  stat)
{
        int entity = entity_counter (stat);

        g_return_val_if_fail (stat < GSNMP_AGENT_N_STATS, 0);

        if (entity >= 0)
                return gsnmp_local_engine_get_counter (self->local, (GsnmpCounter) entity);
        return self->stats[stat];
}

guint64
gsnmp_agent_count (GsnmpAgent     *self,
                   GsnmpAgentStat  stat)
{
        int entity = entity_counter (stat);

        if (entity >= 0)
                return gsnmp_local_engine_count (self->local, (GsnmpCounter) entity);
        return ++self->stats[stat];
}

guint
gsnmp_agent_get_capabilities (GsnmpAgent  *self,
                              guint32     *last_change,
                              guint       *serial)
{
        *last_change = self->capabilities_changed;
        *serial = self->capabilities_serial;
        return self->capabilities->len;
}

void
gsnmp_agent_get_capability (GsnmpAgent  *self,
                            guint        index,
                            GsnmpOid   **id,
                            const char **descr,
                            guint32     *uptime)
{
        Capability *c = &g_array_index (self->capabilities, Capability, index);

        *id = c->id;
        *descr = c->descr;
        *uptime = c->uptime;
}

/****************************************************************************/
/* GObject */

static void
community_entry_free (gpointer data)
{
        CommunityEntry *e = data;

        g_bytes_unref (e->community);
        g_free (e->context_name);
        g_clear_object (&e->read_view);
        g_clear_object (&e->write_view);
        g_free (e);
}

static void
user_entry_free (gpointer data)
{
        UserEntry *e = data;

        g_bytes_unref (e->name);
        g_object_unref (e->user);
        g_clear_object (&e->read_view);
        g_clear_object (&e->write_view);
        g_free (e);
}

static void
capability_clear (gpointer data)
{
        Capability *c = data;

        g_clear_pointer (&c->id, gsnmp_oid_unref);
        g_clear_pointer (&c->descr, g_free);
}

static void
agent_close (GsnmpAgent *self)
{
        GHashTableIter it;
        gpointer key;
        g_autoptr(GPtrArray) jobs = NULL;

        if (self->closed)
                return;
        self->closed = TRUE;

        /* Give up on every request: abandon the providers' batches (their
         * cancellables fire) and answer nothing. */
        jobs = g_ptr_array_new ();
        g_hash_table_iter_init (&it, self->jobs);
        while (g_hash_table_iter_next (&it, &key, NULL))
                g_ptr_array_add (jobs, key);
        g_hash_table_remove_all (self->jobs);
        g_queue_clear (&self->set_queue);
        self->active_set = NULL;

        for (guint i = 0; i < jobs->len; i++) {
                Job *job = g_ptr_array_index (jobs, i);

                for (guint j = 0; j < job->calls->len; j++) {
                        Call *call = g_ptr_array_index (job->calls, j);

                        gsnmp_provider_request_abandon (call->request);
                        call->job = NULL;
                        call_free (call);
                }
                g_ptr_array_set_size (job->calls, 0);
                job->callback (self, NULL, job->user_data);
                if (job->driving)
                        job->closed = TRUE;
                else
                        job_free (job);
        }

        if (self->timer != NULL) {
                g_source_destroy (self->timer);
                g_clear_pointer (&self->timer, g_source_unref);
        }

        for (guint i = 0; i < self->transports->len; i++)
                gsnmp_transport_close (g_ptr_array_index (self->transports, i));
}

static void
gsnmp_agent_dispose (GObject *object)
{
        GsnmpAgent *self = GSNMP_AGENT (object);

        agent_close (self);
        g_hash_table_remove_all (self->contexts);

        G_OBJECT_CLASS (gsnmp_agent_parent_class)->dispose (object);
}

static void
gsnmp_agent_finalize (GObject *object)
{
        GsnmpAgent *self = GSNMP_AGENT (object);

        g_clear_pointer (&self->contexts, g_hash_table_unref);
        g_clear_pointer (&self->communities, g_hash_table_unref);
        g_clear_pointer (&self->users, g_hash_table_unref);
        g_clear_pointer (&self->transports, g_ptr_array_unref);
        g_clear_pointer (&self->keys, gsnmp_usm_key_cache_free);
        g_clear_pointer (&self->local, gsnmp_local_engine_unref);
        g_clear_pointer (&self->capabilities, g_array_unref);
        g_clear_pointer (&self->jobs, g_hash_table_unref);
        g_clear_pointer (&self->deadlines, g_sequence_free);
        g_clear_pointer (&self->sys_descr, g_free);
        g_clear_pointer (&self->sys_object_id, gsnmp_oid_unref);
        g_clear_pointer (&self->sys_contact, g_free);
        g_clear_pointer (&self->sys_name, g_free);
        g_clear_pointer (&self->sys_location, g_free);
        g_clear_pointer (&self->context, g_main_context_unref);
        g_clear_object (&self->engine);

        G_OBJECT_CLASS (gsnmp_agent_parent_class)->finalize (object);
}

static void
gsnmp_agent_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
        GsnmpAgent *self = GSNMP_AGENT (object);

        switch (prop_id) {
        case PROP_ENGINE:
                g_value_set_object (value, self->engine);
                break;
        case PROP_BUILTINS:
                g_value_set_boolean (value, self->builtins);
                break;
        case PROP_PROVIDER_TIMEOUT:
                g_value_set_uint (value, self->provider_timeout);
                break;
        case PROP_MAX_MESSAGE_SIZE:
                g_value_set_uint (value, self->max_message_size);
                break;
        case PROP_SYS_DESCR:
                g_value_set_string (value, self->sys_descr);
                break;
        case PROP_SYS_OBJECT_ID:
                g_value_set_boxed (value, self->sys_object_id);
                break;
        case PROP_SYS_CONTACT:
                g_value_set_string (value, self->sys_contact);
                break;
        case PROP_SYS_NAME:
                g_value_set_string (value, self->sys_name);
                break;
        case PROP_SYS_LOCATION:
                g_value_set_string (value, self->sys_location);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_agent_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
        GsnmpAgent *self = GSNMP_AGENT (object);

        switch (prop_id) {
        case PROP_ENGINE:
                self->engine = g_value_dup_object (value);
                break;
        case PROP_BUILTINS:
                self->builtins = g_value_get_boolean (value);
                break;
        case PROP_PROVIDER_TIMEOUT:
                gsnmp_agent_set_provider_timeout (self, g_value_get_uint (value));
                break;
        case PROP_MAX_MESSAGE_SIZE:
                gsnmp_agent_set_max_message_size (self, g_value_get_uint (value));
                break;
        case PROP_SYS_DESCR:
                gsnmp_agent_set_sys_descr (self, g_value_get_string (value));
                break;
        case PROP_SYS_OBJECT_ID:
                gsnmp_agent_set_sys_object_id (self, g_value_get_boxed (value));
                break;
        case PROP_SYS_CONTACT:
                gsnmp_agent_set_sys_contact (self, g_value_get_string (value));
                break;
        case PROP_SYS_NAME:
                gsnmp_agent_set_sys_name (self, g_value_get_string (value));
                break;
        case PROP_SYS_LOCATION:
                gsnmp_agent_set_sys_location (self, g_value_get_string (value));
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
register_builtin (GsnmpAgent         *self,
                  GsnmpBuiltinGroup   group)
{
        g_autoptr(GsnmpProvider) p = gsnmp_builtin_provider_new (self, group);

        gsnmp_agent_register_provider (self, NULL, p, NULL);
}

static void
add_default_capabilities (GsnmpAgent *self)
{
        static const struct {
                const char *oid;
                const char *descr;
        } defaults[] = {
                { "1.3.6.1.6.3.1", "The MIB module for SNMPv2 entities" },
                { "1.3.6.1.6.3.10.3.1.1", "The SNMP Management Architecture MIB." },
                { "1.3.6.1.6.3.11.3.1.1", "The MIB for Message Processing and Dispatching." },
                { "1.3.6.1.6.3.15.2.1.1", "The management information definitions for the SNMP User-based Security Model." },
        };

        for (gsize i = 0; i < G_N_ELEMENTS (defaults); i++) {
                g_autoptr(GsnmpOid) oid = gsnmp_oid_new_from_string (defaults[i].oid, NULL);

                gsnmp_agent_add_capability (self, oid, defaults[i].descr);
        }
}

static void
gsnmp_agent_constructed (GObject *object)
{
        GsnmpAgent *self = GSNMP_AGENT (object);

        G_OBJECT_CLASS (gsnmp_agent_parent_class)->constructed (object);

        g_return_if_fail (self->engine != NULL);
        self->context = g_main_context_ref (gsnmp_engine_get_context (self->engine));
        self->local = gsnmp_local_engine_ref (gsnmp_engine_get_local (self->engine));

        if (self->builtins) {
                register_builtin (self, GSNMP_BUILTIN_GROUP_SYSTEM);
                register_builtin (self, GSNMP_BUILTIN_GROUP_SNMP);
                register_builtin (self, GSNMP_BUILTIN_GROUP_ENGINE);
                register_builtin (self, GSNMP_BUILTIN_GROUP_MPD_STATS);
                register_builtin (self, GSNMP_BUILTIN_GROUP_USM_STATS);
                register_builtin (self, GSNMP_BUILTIN_GROUP_TARGET);
        }
        add_default_capabilities (self);
        /* The agent's own rows are there from the start: sysORUpTime and
         * sysORLastChange 0 */
        for (guint i = 0; i < self->capabilities->len; i++)
                g_array_index (self->capabilities, Capability, i).uptime = 0;
        self->capabilities_changed = 0;
}

static void
gsnmp_agent_class_init (GsnmpAgentClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        object_class->constructed = gsnmp_agent_constructed;
        object_class->dispose = gsnmp_agent_dispose;
        object_class->finalize = gsnmp_agent_finalize;
        object_class->get_property = gsnmp_agent_get_property;
        object_class->set_property = gsnmp_agent_set_property;

        /**
         * GsnmpAgent:engine: (getter get_engine)
         *
         * The local SNMP engine: its engine ID, boots and time are the
         * agent's (it is the authoritative engine of SNMPv3 requests).
         *
         * Since: 0.1
         */
        properties[PROP_ENGINE] =
                g_param_spec_object ("engine", NULL, NULL, GSNMP_TYPE_ENGINE,
                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                     G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpAgent:builtins:
         *
         * Whether the default context serves the agent's own groups
         * (system, snmp, snmpEngine, snmpMPDStats, usmStats, the context
         * counters of SNMP-TARGET-MIB). Turn it off
         * to serve a recorded device ([ctor@Gsnmp.StoreProvider.new_from_snmprec])
         * exactly as it was recorded.
         *
         * Since: 0.1
         */
        properties[PROP_BUILTINS] =
                g_param_spec_boolean ("builtins", NULL, NULL, TRUE,
                                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                      G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpAgent:provider-timeout: (getter get_provider_timeout) (setter set_provider_timeout)
         *
         * How long, in milliseconds, the agent waits for a provider to
         * complete a [class@Gsnmp.ProviderRequest] before it answers
         * `genErr` (`commitFailed` or `undoFailed` in the SET phases that
         * change values).
         *
         * Since: 0.1
         */
        properties[PROP_PROVIDER_TIMEOUT] =
                g_param_spec_uint ("provider-timeout", NULL, NULL, 1, G_MAXINT / 1000,
                                   DEFAULT_PROVIDER_TIMEOUT,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpAgent:max-message-size: (getter get_max_message_size) (setter set_max_message_size)
         *
         * The largest message the agent sends, in bytes (snmpEngineMaxMessageSize).
         * Responses are also bounded by the manager's msgMaxSize (SNMPv3);
         * GETBULK responses stop before they exceed it, other responses
         * that would are answered with `tooBig`.
         *
         * Since: 0.1
         */
        properties[PROP_MAX_MESSAGE_SIZE] =
                g_param_spec_uint ("max-message-size", NULL, NULL, MIN_MAX_MESSAGE_SIZE, 65507,
                                   DEFAULT_MAX_MESSAGE_SIZE,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpAgent:sys-descr: (getter get_sys_descr) (setter set_sys_descr)
         *
         * The value of `sysDescr.0`.
         *
         * Since: 0.1
         */
        properties[PROP_SYS_DESCR] =
                g_param_spec_string ("sys-descr", NULL, NULL, NULL,
                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpAgent:sys-object-id: (getter get_sys_object_id) (setter set_sys_object_id)
         *
         * The value of `sysObjectID.0`; `0.0` by default, as RFC 3418 says
         * for agents without a registered identity.
         *
         * Since: 0.1
         */
        properties[PROP_SYS_OBJECT_ID] =
                g_param_spec_boxed ("sys-object-id", NULL, NULL, GSNMP_TYPE_OID,
                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                    G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpAgent:sys-contact: (getter get_sys_contact) (setter set_sys_contact)
         *
         * The value of `sysContact.0`, which managers may also SET (kept in
         * memory only).
         *
         * Since: 0.1
         */
        properties[PROP_SYS_CONTACT] =
                g_param_spec_string ("sys-contact", NULL, NULL, NULL,
                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpAgent:sys-name: (getter get_sys_name) (setter set_sys_name)
         *
         * The value of `sysName.0`, the host name by default, which managers
         * may also SET (kept in memory only).
         *
         * Since: 0.1
         */
        properties[PROP_SYS_NAME] =
                g_param_spec_string ("sys-name", NULL, NULL, NULL,
                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpAgent:sys-location: (getter get_sys_location) (setter set_sys_location)
         *
         * The value of `sysLocation.0`, which managers may also SET (kept
         * in memory only).
         *
         * Since: 0.1
         */
        properties[PROP_SYS_LOCATION] =
                g_param_spec_string ("sys-location", NULL, NULL, NULL,
                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gsnmp_agent_init (GsnmpAgent *self)
{
        static const guint32 zero_dot_zero[] = { 0, 0 };

        self->contexts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, context_free);
        self->communities = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, NULL, community_entry_free);
        self->users = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, NULL, user_entry_free);
        self->transports = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_transport_unref);
        self->keys = gsnmp_usm_key_cache_new ();
        self->capabilities = g_array_new (FALSE, FALSE, sizeof (Capability));
        g_array_set_clear_func (self->capabilities, capability_clear);
        self->jobs = g_hash_table_new (NULL, NULL);
        g_queue_init (&self->set_queue);
        self->deadlines = g_sequence_new (NULL);
        self->builtins = TRUE;
        self->provider_timeout = DEFAULT_PROVIDER_TIMEOUT;
        self->max_message_size = DEFAULT_MAX_MESSAGE_SIZE;

        self->sys_descr = g_strdup_printf ("gsnmp %s", PACKAGE_VERSION);
        self->sys_object_id = gsnmp_oid_new (zero_dot_zero, 2);
        self->sys_contact = g_strdup ("");
        self->sys_name = g_strdup (g_get_host_name ());
        self->sys_location = g_strdup ("");
}

/****************************************************************************/
/* Public API */

/**
 * gsnmp_agent_new:
 * @engine: the local SNMP engine
 *
 * Creates an agent on @engine, with the built-in groups in its default
 * context and no community or user yet: it answers nobody until
 * [method@Gsnmp.Agent.add_community] or [method@Gsnmp.Agent.add_user].
 *
 * Returns: (transfer full): a new agent
 *
 * Since: 0.1
 */
GsnmpAgent *
gsnmp_agent_new (GsnmpEngine *engine)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (engine), NULL);

        return g_object_new (GSNMP_TYPE_AGENT, "engine", engine, NULL);
}

/**
 * gsnmp_agent_get_engine: (get-property engine)
 * @self: a [class@Gsnmp.Agent]
 *
 * Gets the engine the agent runs on.
 *
 * Returns: (transfer none): the engine
 *
 * Since: 0.1
 */
GsnmpEngine *
gsnmp_agent_get_engine (GsnmpAgent *self)
{
        g_return_val_if_fail (GSNMP_IS_AGENT (self), NULL);

        return self->engine;
}

/**
 * gsnmp_agent_add_community:
 * @self: a [class@Gsnmp.Agent]
 * @community: the community string
 * @context_name: (nullable): the context it reads and writes; %NULL or
 *   `""` for the default context
 * @read_view: (nullable): what it may read; %NULL for everything
 * @write_view: (nullable): what it may write; %NULL for nothing (a
 *   read-only community)
 *
 * Accepts SNMPv1 and SNMPv2c requests carrying @community. Adding a
 * community again replaces its context and views.
 *
 * Since: 0.1
 */
void
gsnmp_agent_add_community (GsnmpAgent *self,
                           const char *community,
                           const char *context_name,
                           GsnmpView  *read_view,
                           GsnmpView  *write_view)
{
        CommunityEntry *e;
        g_autoptr(GBytes) bytes = NULL;

        g_return_if_fail (GSNMP_IS_AGENT (self));
        g_return_if_fail (community != NULL);
        g_return_if_fail (read_view == NULL || GSNMP_IS_VIEW (read_view));
        g_return_if_fail (write_view == NULL || GSNMP_IS_VIEW (write_view));

        bytes = g_bytes_new (community, strlen (community));
        g_hash_table_remove (self->communities, bytes);

        e = g_new0 (CommunityEntry, 1);
        e->community = g_steal_pointer (&bytes);
        e->context_name = g_strdup (context_name ? context_name : "");
        e->read_view = read_view ? g_object_ref (read_view) : NULL;
        e->write_view = write_view ? g_object_ref (write_view) : NULL;
        g_hash_table_insert (self->communities, e->community, e);
}

/**
 * gsnmp_agent_add_user:
 * @self: a [class@Gsnmp.Agent]
 * @user: the SNMPv3 user, with its keys
 * @read_view: (nullable): what it may read; %NULL for everything
 * @write_view: (nullable): what it may write; %NULL for nothing
 *
 * Accepts SNMPv3 requests from @user, in any context, at the user's
 * security level or above it: requests at a lower level are answered
 * with `authorizationError`. The agent is the authoritative engine:
 * the user's keys are localized with the engine's ID. Adding a user of
 * the same name again replaces it.
 *
 * Since: 0.1
 */
void
gsnmp_agent_add_user (GsnmpAgent   *self,
                      GsnmpUsmUser *user,
                      GsnmpView    *read_view,
                      GsnmpView    *write_view)
{
        UserEntry *e;

        g_return_if_fail (GSNMP_IS_AGENT (self));
        g_return_if_fail (GSNMP_IS_USM_USER (user));
        g_return_if_fail (read_view == NULL || GSNMP_IS_VIEW (read_view));
        g_return_if_fail (write_view == NULL || GSNMP_IS_VIEW (write_view));

        e = g_new0 (UserEntry, 1);
        e->name = g_bytes_new (gsnmp_usm_user_get_user_name (user),
                               strlen (gsnmp_usm_user_get_user_name (user)));
        e->user = g_object_ref (user);
        e->read_view = read_view ? g_object_ref (read_view) : NULL;
        e->write_view = write_view ? g_object_ref (write_view) : NULL;
        g_hash_table_replace (self->users, e->name, e);
}

/**
 * gsnmp_agent_register_provider:
 * @self: a [class@Gsnmp.Agent]
 * @context_name: (nullable): the context; %NULL or `""` for the default
 *   context
 * @provider: the provider, serving the subtree under its
 *   [property@Gsnmp.Provider:root]
 * @error: return location for a [struct@GLib.Error]
 *
 * Serves @provider's subtree in a context (which this creates if it is
 * new). Where @provider's root is under another provider's, @provider
 * serves its subtree and the other one the rest; where another one's root
 * is under @provider's, the reverse.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_EXISTS when a
 *   provider with the same root is already registered in the context
 *
 * Since: 0.1
 */
gboolean
gsnmp_agent_register_provider (GsnmpAgent     *self,
                               const char     *context_name,
                               GsnmpProvider  *provider,
                               GError        **error)
{
        GsnmpOid *root;
        Context *c;

        g_return_val_if_fail (GSNMP_IS_AGENT (self), FALSE);
        g_return_val_if_fail (GSNMP_IS_PROVIDER (provider), FALSE);
        g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

        root = gsnmp_provider_get_root (provider);
        c = get_context (self, context_name, TRUE);
        for (guint i = 0; i < c->providers->len; i++) {
                if (gsnmp_oid_equal (gsnmp_provider_get_root (g_ptr_array_index (c->providers, i)), root)) {
                        g_autofree char *s = gsnmp_oid_to_string (root);

                        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                                     _("A provider is already registered at “%s” in context “%s”"),
                                     s, context_name ? context_name : "");
                        return FALSE;
                }
        }

        g_ptr_array_add (c->providers, g_object_ref (provider));
        context_rebuild (c);

        return TRUE;
}

/**
 * gsnmp_agent_unregister_provider:
 * @self: a [class@Gsnmp.Agent]
 * @context_name: (nullable): the context; %NULL or `""` for the default
 *   context
 * @provider: a provider registered there
 *
 * Stops serving @provider in a context. Requests already being processed
 * may still use it.
 *
 * Returns: %TRUE if @provider was registered in the context
 *
 * Since: 0.1
 */
gboolean
gsnmp_agent_unregister_provider (GsnmpAgent    *self,
                                 const char    *context_name,
                                 GsnmpProvider *provider)
{
        Context *c;

        g_return_val_if_fail (GSNMP_IS_AGENT (self), FALSE);
        g_return_val_if_fail (GSNMP_IS_PROVIDER (provider), FALSE);

        c = get_context (self, context_name, FALSE);
        if (c == NULL || !g_ptr_array_remove (c->providers, provider))
                return FALSE;

        context_rebuild (c);
        return TRUE;
}

/**
 * gsnmp_agent_add_capability:
 * @self: a [class@Gsnmp.Agent]
 * @id: the capability, such as the OID of a MIB module's compliance
 *   statement
 * @description: its description
 *
 * Adds a row to `sysORTable` (RFC 3418) and sets `sysORLastChange`.
 *
 * Since: 0.1
 */
void
gsnmp_agent_add_capability (GsnmpAgent *self,
                            GsnmpOid   *id,
                            const char *description)
{
        Capability c;

        g_return_if_fail (GSNMP_IS_AGENT (self));
        g_return_if_fail (id != NULL);
        g_return_if_fail (description != NULL);

        c.id = gsnmp_oid_ref (id);
        c.descr = g_strdup (description);
        c.uptime = gsnmp_agent_get_uptime (self);
        g_array_append_val (self->capabilities, c);
        self->capabilities_changed = c.uptime;
        self->capabilities_serial++;
}

/**
 * gsnmp_agent_get_provider_timeout: (get-property provider-timeout)
 * @self: a [class@Gsnmp.Agent]
 *
 * Gets how long the agent waits for its providers, in milliseconds.
 *
 * Returns: the timeout in milliseconds
 *
 * Since: 0.1
 */
guint
gsnmp_agent_get_provider_timeout (GsnmpAgent *self)
{
        g_return_val_if_fail (GSNMP_IS_AGENT (self), 0);

        return self->provider_timeout;
}

/**
 * gsnmp_agent_set_provider_timeout: (set-property provider-timeout)
 * @self: a [class@Gsnmp.Agent]
 * @timeout_ms: the timeout in milliseconds, at least 1
 *
 * Sets how long the agent waits for a provider before answering `genErr`;
 * it applies to the batches handed out from then on.
 *
 * Since: 0.1
 */
void
gsnmp_agent_set_provider_timeout (GsnmpAgent *self,
                                  guint       timeout_ms)
{
        g_return_if_fail (GSNMP_IS_AGENT (self));
        g_return_if_fail (timeout_ms > 0 && timeout_ms <= G_MAXINT / 1000);

        if (self->provider_timeout == timeout_ms)
                return;
        self->provider_timeout = timeout_ms;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER_TIMEOUT]);
}

/**
 * gsnmp_agent_get_max_message_size: (get-property max-message-size)
 * @self: a [class@Gsnmp.Agent]
 *
 * Gets the largest message the agent sends.
 *
 * Returns: the size in bytes
 *
 * Since: 0.1
 */
guint
gsnmp_agent_get_max_message_size (GsnmpAgent *self)
{
        g_return_val_if_fail (GSNMP_IS_AGENT (self), 0);

        return self->max_message_size;
}

/**
 * gsnmp_agent_set_max_message_size: (set-property max-message-size)
 * @self: a [class@Gsnmp.Agent]
 * @size: the size in bytes, from 484 to 65507
 *
 * Sets the largest message the agent sends.
 *
 * Since: 0.1
 */
void
gsnmp_agent_set_max_message_size (GsnmpAgent *self,
                                  guint       size)
{
        g_return_if_fail (GSNMP_IS_AGENT (self));
        g_return_if_fail (size >= MIN_MAX_MESSAGE_SIZE && size <= 65507);

        if (self->max_message_size == size)
                return;
        self->max_message_size = size;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MESSAGE_SIZE]);
}

static void
set_string (GsnmpAgent  *self,
            char       **field,
            const char  *value,
            guint        prop)
{
        if (g_strcmp0 (*field, value ? value : "") == 0)
                return;
        g_free (*field);
        *field = g_strdup (value ? value : "");
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * gsnmp_agent_get_sys_descr: (get-property sys-descr)
 * @self: a [class@Gsnmp.Agent]
 *
 * Gets `sysDescr.0`.
 *
 * Returns: the description
 *
 * Since: 0.1
 */
const char *
gsnmp_agent_get_sys_descr (GsnmpAgent *self)
{
        g_return_val_if_fail (GSNMP_IS_AGENT (self), NULL);

        return self->sys_descr;
}

/**
 * gsnmp_agent_set_sys_descr: (set-property sys-descr)
 * @self: a [class@Gsnmp.Agent]
 * @descr: (nullable): the description
 *
 * Sets `sysDescr.0`.
 *
 * Since: 0.1
 */
void
gsnmp_agent_set_sys_descr (GsnmpAgent *self,
                           const char *descr)
{
        g_return_if_fail (GSNMP_IS_AGENT (self));

        set_string (self, &self->sys_descr, descr, PROP_SYS_DESCR);
}

/**
 * gsnmp_agent_get_sys_object_id: (get-property sys-object-id)
 * @self: a [class@Gsnmp.Agent]
 *
 * Gets `sysObjectID.0`.
 *
 * Returns: (transfer none): the OID
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_agent_get_sys_object_id (GsnmpAgent *self)
{
        g_return_val_if_fail (GSNMP_IS_AGENT (self), NULL);

        return self->sys_object_id;
}

/**
 * gsnmp_agent_set_sys_object_id: (set-property sys-object-id)
 * @self: a [class@Gsnmp.Agent]
 * @oid: the OID identifying the product
 *
 * Sets `sysObjectID.0`.
 *
 * Since: 0.1
 */
void
gsnmp_agent_set_sys_object_id (GsnmpAgent *self,
                               GsnmpOid   *oid)
{
        g_return_if_fail (GSNMP_IS_AGENT (self));

        if (oid == NULL || gsnmp_oid_equal (oid, self->sys_object_id))
                return;
        gsnmp_oid_unref (self->sys_object_id);
        self->sys_object_id = gsnmp_oid_ref (oid);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYS_OBJECT_ID]);
}

/**
 * gsnmp_agent_get_sys_contact: (get-property sys-contact)
 * @self: a [class@Gsnmp.Agent]
 *
 * Gets `sysContact.0`.
 *
 * Returns: the contact
 *
 * Since: 0.1
 */
const char *
gsnmp_agent_get_sys_contact (GsnmpAgent *self)
{
        g_return_val_if_fail (GSNMP_IS_AGENT (self), NULL);

        return self->sys_contact;
}

/**
 * gsnmp_agent_set_sys_contact: (set-property sys-contact)
 * @self: a [class@Gsnmp.Agent]
 * @contact: (nullable): the contact
 *
 * Sets `sysContact.0`.
 *
 * Since: 0.1
 */
void
gsnmp_agent_set_sys_contact (GsnmpAgent *self,
                             const char *contact)
{
        g_return_if_fail (GSNMP_IS_AGENT (self));

        set_string (self, &self->sys_contact, contact, PROP_SYS_CONTACT);
}

/**
 * gsnmp_agent_get_sys_name: (get-property sys-name)
 * @self: a [class@Gsnmp.Agent]
 *
 * Gets `sysName.0`.
 *
 * Returns: the name
 *
 * Since: 0.1
 */
const char *
gsnmp_agent_get_sys_name (GsnmpAgent *self)
{
        g_return_val_if_fail (GSNMP_IS_AGENT (self), NULL);

        return self->sys_name;
}

/**
 * gsnmp_agent_set_sys_name: (set-property sys-name)
 * @self: a [class@Gsnmp.Agent]
 * @name: (nullable): the name
 *
 * Sets `sysName.0`.
 *
 * Since: 0.1
 */
void
gsnmp_agent_set_sys_name (GsnmpAgent *self,
                          const char *name)
{
        g_return_if_fail (GSNMP_IS_AGENT (self));

        set_string (self, &self->sys_name, name, PROP_SYS_NAME);
}

/**
 * gsnmp_agent_get_sys_location: (get-property sys-location)
 * @self: a [class@Gsnmp.Agent]
 *
 * Gets `sysLocation.0`.
 *
 * Returns: the location
 *
 * Since: 0.1
 */
const char *
gsnmp_agent_get_sys_location (GsnmpAgent *self)
{
        g_return_val_if_fail (GSNMP_IS_AGENT (self), NULL);

        return self->sys_location;
}

/**
 * gsnmp_agent_set_sys_location: (set-property sys-location)
 * @self: a [class@Gsnmp.Agent]
 * @location: (nullable): the location
 *
 * Sets `sysLocation.0`.
 *
 * Since: 0.1
 */
void
gsnmp_agent_set_sys_location (GsnmpAgent *self,
                              const char *location)
{
        g_return_if_fail (GSNMP_IS_AGENT (self));

        set_string (self, &self->sys_location, location, PROP_SYS_LOCATION);
}

/**
 * gsnmp_agent_add_socket_address:
 * @self: a [class@Gsnmp.Agent]
 * @address: an IPv4 or IPv6 [class@Gio.InetSocketAddress] to listen on;
 *   port 0 picks a free port
 * @bound_port: (out) (optional): return location for the port bound
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Binds a UDP socket to @address and answers the requests that arrive on
 * it, from the socket they came to. An IPv6 socket receives only IPv6, so
 * `0.0.0.0` and `::` can both be added with the same port.
 *
 * Returns: %TRUE on success, %FALSE if the socket could not be bound or
 *   the agent is closed
 *
 * Since: 0.1
 */
gboolean
gsnmp_agent_add_socket_address (GsnmpAgent     *self,
                                GSocketAddress *address,
                                guint16        *bound_port,
                                GError        **error)
{
        g_autoptr(GsnmpTransport) transport = NULL;

        g_return_val_if_fail (GSNMP_IS_AGENT (self), FALSE);
        g_return_val_if_fail (G_IS_INET_SOCKET_ADDRESS (address), FALSE);
        g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

        if (self->closed) {
                g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The agent was closed"));
                return FALSE;
        }

        transport = gsnmp_transport_new (address, self->context, "[gsnmp] agent socket",
                                         on_datagram, self, error);
        if (transport == NULL)
                return FALSE;
        if (bound_port != NULL)
                *bound_port = gsnmp_transport_get_port (transport);
        g_ptr_array_add (self->transports, g_steal_pointer (&transport));
        return TRUE;
}

/**
 * gsnmp_agent_add_address:
 * @self: a [class@Gsnmp.Agent]
 * @address: where to listen, in Net-SNMP's form: `udp:0.0.0.0:161`,
 *   `udp6:[::]:161`, `127.0.0.1:1161`, `[::1]:0`, or just a port (`1161`,
 *   `udp6:1161`) for every address of that family
 * @bound_port: (out) (optional): return location for the port bound
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Parses @address and calls [method@Gsnmp.Agent.add_socket_address]. The
 * port defaults to 161 (%GSNMP_AGENT_PORT); port 0 picks a free one. Host
 * names are not resolved: give an IP address.
 *
 * Returns: %TRUE on success, %FALSE if @address is invalid
 *   (%GSNMP_ERROR_INVALID_ADDRESS) or could not be bound
 *
 * Since: 0.1
 */
gboolean
gsnmp_agent_add_address (GsnmpAgent  *self,
                         const char  *address,
                         guint16     *bound_port,
                         GError     **error)
{
        g_auto(GsnmpAddress) parsed = { 0, };
        g_autoptr(GSocketAddress) socket_address = NULL;

        g_return_val_if_fail (GSNMP_IS_AGENT (self), FALSE);
        g_return_val_if_fail (address != NULL, FALSE);
        g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

        if (!gsnmp_address_parse (address, GSNMP_ADDRESS_USE_LISTEN, GSNMP_AGENT_PORT,
                                  &parsed, error))
                return FALSE;
        socket_address = g_inet_socket_address_new (parsed.inet_address, parsed.port);
        return gsnmp_agent_add_socket_address (self, socket_address, bound_port, error);
}

/**
 * gsnmp_agent_close:
 * @self: a [class@Gsnmp.Agent]
 *
 * Stops the agent: requests being processed are dropped unanswered, the
 * providers' pending [class@Gsnmp.ProviderRequest]s are cancelled, and
 * nothing is answered from then on. Disposing of the agent closes it.
 *
 * Since: 0.1
 */
void
gsnmp_agent_close (GsnmpAgent *self)
{
        g_return_if_fail (GSNMP_IS_AGENT (self));

        g_object_ref (self);
        agent_close (self);
        g_object_unref (self);
}
