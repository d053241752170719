/* gsnmp-walk.c - subtree walks with GetNext and GetBulk
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-walk-private.h"
#include "gsnmp-engine-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

/**
 * GsnmpWalk:
 *
 * An enumerator over the objects of a subtree of an agent's MIB, in the
 * style of [class@Gio.FileEnumerator].
 *
 * [ctor@Gsnmp.Walk.new] creates a walk
 * without sending anything; its options are properties, which can be set
 * before the first batch is requested. Each call of
 * [method@Gsnmp.Walk.next_async] sends one request (more only when the agent
 * answers `tooBig`, or for the root fallback described below) and completes
 * with the next batch of variable bindings, in OID order; an empty batch
 * means the walk has ended, and [method@Gsnmp.Walk.get_status] tells why.
 * [method@Gsnmp.Walk.all_async] and [method@Gsnmp.Engine.walk_async] return
 * the whole subtree at once.
 *
 * ```c
 * static void
 * on_batch (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *         GsnmpWalk *walk = GSNMP_WALK (source);
 *         g_autoptr(GError) error = NULL;
 *         g_autoptr(GPtrArray) batch = gsnmp_walk_next_finish (walk, result, &error);
 *
 *         if (batch == NULL) {
 *                 g_printerr ("%s\n", error->message);
 *                 return;
 *         }
 *         if (batch->len == 0)
 *                 return;  // done
 *         for (guint i = 0; i < batch->len; i++) {
 *                 g_autofree char *line = gsnmp_varbind_to_string (batch->pdata[i]);
 *                 g_print ("%s\n", line);
 *         }
 *         gsnmp_walk_next_async (walk, NULL, on_batch, NULL);
 * }
 * ```
 *
 * A walk uses GetBulkRequests (RFC 3416 §4.2.3) with
 * [property@Gsnmp.Walk:max-repetitions] repetitions, and GetNextRequests for
 * SNMPv1 targets or when [property@Gsnmp.Walk:use-getnext] is set.
 *
 * Unless [property@Gsnmp.Walk:lexicographic] is set, a walk never returns a
 * variable binding outside the root's subtree, however far an agent pads its
 * GetBulk responses past it. An exception value (endOfMibView) or, from an
 * SNMPv1 agent, the noSuchName error ends it cleanly. An agent that returns
 * an OID that does not follow the previous one would make a walk loop
 * forever: the walk stops with %GSNMP_ERROR_OID_NOT_INCREASING instead,
 * unless [property@Gsnmp.Walk:allow-non-increasing] is set.
 *
 * When nothing at all lies inside the subtree, the walk gets the root itself
 * and returns it if the agent has it, as Net-SNMP's `snmpwalk` does: walking
 * `1.3.6.1.2.1.1.5.0` returns sysName.0 (see
 * [property@Gsnmp.Walk:root-fallback]).
 *
 * A walk keeps only the OID it continues from (and, with
 * [property@Gsnmp.Walk:allow-non-increasing], the OIDs it returned), so its
 * memory does not grow with the size of the subtree.
 *
 * Errors that leave the walk where it was (a timeout, cancellation, a closed
 * engine, a socket error) can be retried by calling
 * [method@Gsnmp.Walk.next_async] again, which resends the same request. An
 * error from the agent (a non-zero error-status, an OID that does not
 * increase) ends the walk. When such an error comes after some variable
 * bindings of the same response, those are returned first and the error by
 * the next call.
 *
 * Like the engine, a walk belongs to the engine's main context: call its
 * methods only from there.
 *
 * Since: 0.1
 */

/* A subtree the walk follows: its root, or each column of a table that
 * gsnmp_walk_new_columns() fetches side by side (one request carries the
 * last OID of every column that has not ended, RFC 3416 §4.2.3). */
typedef struct {
        GsnmpOid *root;
        GsnmpOid *last;   /* the OID the next request continues from */
        gboolean  done;
} WalkColumn;

struct _GsnmpWalk {
        GObject          parent_instance;

        GsnmpEngine     *engine;
        GsnmpTarget     *target;
        GsnmpOid        *root;

        guint            max_repetitions;
        guint            max_varbinds;
        guint            max_requests;
        gboolean         lexicographic;
        gboolean         use_getnext;
        gboolean         allow_non_increasing;
        gboolean         root_fallback;
        gboolean         adaptive;
        guint            max_duration;    /* ms; 0: none */

        WalkColumn      *columns;         /* n_columns: the root, or a table's columns */
        guint            n_columns;
        guint           *active;          /* the columns in the request in flight */
        GsnmpOid       **request_oids;    /* their OIDs to continue from */
        guint            n_active;
        guint            bulk_limit;      /* halved after tooBig; 0: no limit */
        guint            n_requests;
        guint            n_varbinds;
        GsnmpWalkStatus  status;
        gboolean         fallback_pending;
        GsnmpVarbind    *end_varbind;
        GError          *deferred_error;
        GHashTable      *seen;            /* allow-non-increasing: OIDs returned */

        GTask           *task;            /* the pending next_async, if any */
        GsnmpPduType     request_type;    /* of the request in flight */
        guint            request_reps;

        /* adaptive: what this agent takes, learnt or from the engine */
        gboolean         getnext_fallback;
        gboolean         memory_loaded;
        guint            n_adaptations;

        /* max-duration: the deadline, and a cancellable of our own for the
         * request in flight, cancelled by the caller's or at the deadline */
        gint64           deadline;        /* monotonic µs; 0: not started */
        gboolean         deadline_passed;
        GCancellable    *call_cancellable;
        GCancellable    *user_cancellable;
        gulong           user_cancel_id;
        GSource         *deadline_source;
};

G_DEFINE_FINAL_TYPE (GsnmpWalk, gsnmp_walk, G_TYPE_OBJECT)

enum {
        PROP_0,
        PROP_ENGINE,
        PROP_TARGET,
        PROP_ROOT,
        PROP_MAX_REPETITIONS,
        PROP_MAX_VARBINDS,
        PROP_MAX_REQUESTS,
        PROP_LEXICOGRAPHIC,
        PROP_USE_GETNEXT,
        PROP_ALLOW_NON_INCREASING,
        PROP_ROOT_FALLBACK,
        PROP_ADAPTIVE,
        PROP_MAX_DURATION,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
walk_clear_columns (GsnmpWalk *self)
{
        guint c;

        for (c = 0; c < self->n_columns; c++) {
                gsnmp_oid_unref (self->columns[c].root);
                gsnmp_oid_unref (self->columns[c].last);
        }
        g_clear_pointer (&self->columns, g_free);
        g_clear_pointer (&self->active, g_free);
        g_clear_pointer (&self->request_oids, g_free);
        self->n_columns = 0;
}

/* Follows @roots side by side (at least one). */
static void
walk_set_columns (GsnmpWalk       *self,
                  GsnmpOid * const *roots,
                  guint            n_roots)
{
        guint c;

        walk_clear_columns (self);
        self->n_columns = n_roots;
        self->columns = g_new0 (WalkColumn, n_roots);
        self->active = g_new0 (guint, n_roots);
        self->request_oids = g_new0 (GsnmpOid *, n_roots);
        for (c = 0; c < n_roots; c++) {
                self->columns[c].root = gsnmp_oid_ref (roots[c]);
                self->columns[c].last = gsnmp_oid_ref (roots[c]);
        }
}

static void
gsnmp_walk_dispose (GObject *object)
{
        GsnmpWalk *self = GSNMP_WALK (object);

        /* A pending task holds a reference on the walk, so there is none. */
        g_warn_if_fail (self->task == NULL);

        G_OBJECT_CLASS (gsnmp_walk_parent_class)->dispose (object);
}

static void
gsnmp_walk_finalize (GObject *object)
{
        GsnmpWalk *self = GSNMP_WALK (object);

        g_clear_object (&self->engine);
        g_clear_object (&self->target);
        g_clear_pointer (&self->root, gsnmp_oid_unref);
        walk_clear_columns (self);
        g_clear_pointer (&self->end_varbind, gsnmp_varbind_unref);
        g_clear_error (&self->deferred_error);
        g_clear_pointer (&self->seen, g_hash_table_unref);
        g_warn_if_fail (self->call_cancellable == NULL);

        G_OBJECT_CLASS (gsnmp_walk_parent_class)->finalize (object);
}

static void
gsnmp_walk_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
        GsnmpWalk *self = GSNMP_WALK (object);

        switch (prop_id) {
        case PROP_ENGINE:
                g_value_set_object (value, self->engine);
                break;
        case PROP_TARGET:
                g_value_set_object (value, self->target);
                break;
        case PROP_ROOT:
                g_value_set_boxed (value, self->root);
                break;
        case PROP_MAX_REPETITIONS:
                g_value_set_uint (value, self->max_repetitions);
                break;
        case PROP_MAX_VARBINDS:
                g_value_set_uint (value, self->max_varbinds);
                break;
        case PROP_MAX_REQUESTS:
                g_value_set_uint (value, self->max_requests);
                break;
        case PROP_LEXICOGRAPHIC:
                g_value_set_boolean (value, self->lexicographic);
                break;
        case PROP_USE_GETNEXT:
                g_value_set_boolean (value, self->use_getnext);
                break;
        case PROP_ALLOW_NON_INCREASING:
                g_value_set_boolean (value, self->allow_non_increasing);
                break;
        case PROP_ROOT_FALLBACK:
                g_value_set_boolean (value, self->root_fallback);
                break;
        case PROP_ADAPTIVE:
                g_value_set_boolean (value, self->adaptive);
                break;
        case PROP_MAX_DURATION:
                g_value_set_uint (value, self->max_duration);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_walk_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
        GsnmpWalk *self = GSNMP_WALK (object);

        switch (prop_id) {
        case PROP_ENGINE:
                self->engine = g_value_dup_object (value);
                break;
        case PROP_TARGET:
                self->target = g_value_dup_object (value);
                break;
        case PROP_ROOT:
                self->root = g_value_dup_boxed (value);
                break;
        case PROP_MAX_REPETITIONS:
                gsnmp_walk_set_max_repetitions (self, g_value_get_uint (value));
                break;
        case PROP_MAX_VARBINDS:
                gsnmp_walk_set_max_varbinds (self, g_value_get_uint (value));
                break;
        case PROP_MAX_REQUESTS:
                gsnmp_walk_set_max_requests (self, g_value_get_uint (value));
                break;
        case PROP_LEXICOGRAPHIC:
                gsnmp_walk_set_lexicographic (self, g_value_get_boolean (value));
                break;
        case PROP_USE_GETNEXT:
                gsnmp_walk_set_use_getnext (self, g_value_get_boolean (value));
                break;
        case PROP_ALLOW_NON_INCREASING:
                gsnmp_walk_set_allow_non_increasing (self, g_value_get_boolean (value));
                break;
        case PROP_ROOT_FALLBACK:
                gsnmp_walk_set_root_fallback (self, g_value_get_boolean (value));
                break;
        case PROP_ADAPTIVE:
                gsnmp_walk_set_adaptive (self, g_value_get_boolean (value));
                break;
        case PROP_MAX_DURATION:
                gsnmp_walk_set_max_duration (self, g_value_get_uint (value));
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_walk_constructed (GObject *object)
{
        GsnmpWalk *self = GSNMP_WALK (object);

        G_OBJECT_CLASS (gsnmp_walk_parent_class)->constructed (object);

        g_return_if_fail (GSNMP_IS_ENGINE (self->engine));
        g_return_if_fail (GSNMP_IS_TARGET (self->target));
        g_return_if_fail (self->root != NULL);

        walk_set_columns (self, &self->root, 1);
}

static void
gsnmp_walk_class_init (GsnmpWalkClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->constructed = gsnmp_walk_constructed;
        object_class->dispose = gsnmp_walk_dispose;
        object_class->finalize = gsnmp_walk_finalize;
        object_class->get_property = gsnmp_walk_get_property;
        object_class->set_property = gsnmp_walk_set_property;

        /**
         * GsnmpWalk:engine: (getter get_engine)
         *
         * The engine that sends the walk's requests.
         *
         * Since: 0.1
         */
        properties[PROP_ENGINE] =
                g_param_spec_object ("engine", NULL, NULL,
                                     GSNMP_TYPE_ENGINE,
                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                     G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpWalk:target: (getter get_target)
         *
         * The agent that is walked.
         *
         * Since: 0.1
         */
        properties[PROP_TARGET] =
                g_param_spec_object ("target", NULL, NULL,
                                     GSNMP_TYPE_TARGET,
                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                     G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpWalk:root: (getter get_root)
         *
         * The root of the subtree that is walked: the walk returns the
         * objects whose OIDs start with it.
         *
         * Since: 0.1
         */
        properties[PROP_ROOT] =
                g_param_spec_boxed ("root", NULL, NULL,
                                    GSNMP_TYPE_OID,
                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                    G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpWalk:max-repetitions: (getter get_max_repetitions) (setter set_max_repetitions)
         *
         * The max-repetitions of the walk's GetBulkRequests: how many
         * variable bindings one request asks for. 0, the default, means the
         * target's [property@Gsnmp.Target:max-repetitions]. Agents may
         * return fewer, to fit their responses in a datagram.
         *
         * Since: 0.1
         */
        properties[PROP_MAX_REPETITIONS] =
                g_param_spec_uint ("max-repetitions", NULL, NULL,
                                   0, G_MAXINT32, 0,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpWalk:max-varbinds: (getter get_max_varbinds) (setter set_max_varbinds)
         *
         * The walk ends after returning this many variable bindings; 0, the
         * default, means no limit. The walk asks for no more than it still
         * needs.
         *
         * Since: 0.1
         */
        properties[PROP_MAX_VARBINDS] =
                g_param_spec_uint ("max-varbinds", NULL, NULL,
                                   0, G_MAXUINT, 0,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpWalk:max-requests: (getter get_max_requests) (setter set_max_requests)
         *
         * The walk ends after sending this many requests (retransmissions
         * do not count); 0, the default, means no limit.
         *
         * Since: 0.1
         */
        properties[PROP_MAX_REQUESTS] =
                g_param_spec_uint ("max-requests", NULL, NULL,
                                   0, G_MAXUINT, 0,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpWalk:lexicographic: (getter get_lexicographic) (setter set_lexicographic)
         *
         * Whether the walk goes on past the end of the root's subtree, in
         * OID order, until the end of the agent's MIB view (or a limit).
         *
         * Since: 0.1
         */
        /**
         * GsnmpWalk:adaptive: (getter get_adaptive) (setter set_adaptive)
         *
         * Whether the walk adapts to an agent that cannot answer its
         * GetBulkRequests: when one times out (after all retries) or comes
         * back tooBig, the walk asks again with half the repetitions, down
         * to 1, and then falls back to GetNextRequests. What worked is
         * remembered on the engine for the target's address and version,
         * so the next walk of that agent starts there.
         * [method@Gsnmp.Walk.get_n_adaptations] and
         * [method@Gsnmp.Walk.get_current_max_repetitions] tell what the walk
         * did. On by default; without it, a timeout ends the walk (as
         * Net-SNMP's snmpbulkwalk does) and only tooBig halves the
         * repetitions.
         *
         * Since: 0.1
         */
        properties[PROP_ADAPTIVE] =
                g_param_spec_boolean ("adaptive", NULL, NULL, TRUE,
                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                      G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpWalk:max-duration: (getter get_max_duration) (setter set_max_duration)
         *
         * The most time, in milliseconds, the walk may take from its first
         * [method@Gsnmp.Walk.next_async] call, retries, timeouts and
         * adaptations included; 0, the default, means no limit. When it
         * has passed, the request in flight is abandoned and the walk fails
         * with %G_IO_ERROR_TIMED_OUT.
         *
         * Since: 0.1
         */
        properties[PROP_MAX_DURATION] =
                g_param_spec_uint ("max-duration", NULL, NULL,
                                   0, G_MAXUINT, 0,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        properties[PROP_LEXICOGRAPHIC] =
                g_param_spec_boolean ("lexicographic", NULL, NULL, FALSE,
                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                      G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpWalk:use-getnext: (getter get_use_getnext) (setter set_use_getnext)
         *
         * Whether the walk uses GetNextRequests, one object per request, even
         * when the target's SNMP version has GetBulkRequest. SNMPv1 targets
         * always use GetNextRequests.
         *
         * Since: 0.1
         */
        properties[PROP_USE_GETNEXT] =
                g_param_spec_boolean ("use-getnext", NULL, NULL, FALSE,
                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                      G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpWalk:allow-non-increasing: (getter get_allow_non_increasing) (setter set_allow_non_increasing)
         *
         * Whether the walk accepts an OID that does not follow the previous
         * one, like Net-SNMP's `-Cc`, for agents whose tables are not in
         * order. The walk then remembers every OID it returned and still
         * ends with %GSNMP_ERROR_OID_NOT_INCREASING when an OID comes back,
         * so it cannot loop forever; [property@Gsnmp.Walk:max-requests]
         * bounds it further.
         *
         * Since: 0.1
         */
        properties[PROP_ALLOW_NON_INCREASING] =
                g_param_spec_boolean ("allow-non-increasing", NULL, NULL, FALSE,
                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                      G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpWalk:root-fallback: (getter get_root_fallback) (setter set_root_fallback)
         *
         * Whether a walk that found nothing inside the root's subtree gets
         * the root itself, and returns it when the agent has a value there.
         * This is how Net-SNMP's `snmpwalk` walks a scalar instance such as
         * `1.3.6.1.2.1.1.5.0` (its `-CI` option turns it off). The default
         * is %TRUE.
         *
         * Since: 0.1
         */
        properties[PROP_ROOT_FALLBACK] =
                g_param_spec_boolean ("root-fallback", NULL, NULL, TRUE,
                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                      G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gsnmp_walk_init (GsnmpWalk *self)
{
        self->adaptive = TRUE;
        self->root_fallback = TRUE;
        self->status = GSNMP_WALK_STATUS_RUNNING;
}

/*****************************************************************************/
/* Construction and options */

/**
 * gsnmp_walk_new:
 * @engine: the engine that sends the requests
 * @target: the agent to walk
 * @root: the root of the subtree to walk
 *
 * Creates a walk of the subtree below @root. Nothing is sent until
 * [method@Gsnmp.Walk.next_async] or [method@Gsnmp.Walk.all_async] is
 * called, so the walk's properties can be set first.
 *
 * Returns: (transfer full): a new [class@Gsnmp.Walk]
 *
 * Since: 0.1
 */
GsnmpWalk *
gsnmp_walk_new (GsnmpEngine *engine,
                GsnmpTarget *target,
                GsnmpOid    *root)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (engine), NULL);
        g_return_val_if_fail (GSNMP_IS_TARGET (target), NULL);
        g_return_val_if_fail (root != NULL, NULL);

        return g_object_new (GSNMP_TYPE_WALK,
                             "engine", engine,
                             "target", target,
                             "root", root,
                             NULL);
}

/*
 * gsnmp_walk_new_columns: (skip)
 *
 * A walk that follows @columns side by side (see gsnmp-walk-private.h).
 */
GsnmpWalk *
gsnmp_walk_new_columns (GsnmpEngine      *engine,
                        GsnmpTarget      *target,
                        GsnmpOid * const *columns,
                        guint             n_columns)
{
        GsnmpWalk *self;

        g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

        self = gsnmp_walk_new (engine, target, columns[0]);
        if (self != NULL)
                walk_set_columns (self, columns, n_columns);
        return self;
}

/**
 * gsnmp_walk_get_engine: (get-property engine)
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets the engine that sends the walk's requests.
 *
 * Returns: (transfer none): the engine
 *
 * Since: 0.1
 */
GsnmpEngine *
gsnmp_walk_get_engine (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), NULL);

        return self->engine;
}

/**
 * gsnmp_walk_get_target: (get-property target)
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets the agent that is walked.
 *
 * Returns: (transfer none): the target
 *
 * Since: 0.1
 */
GsnmpTarget *
gsnmp_walk_get_target (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), NULL);

        return self->target;
}

/**
 * gsnmp_walk_get_root: (get-property root)
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets the root of the subtree that is walked.
 *
 * Returns: (transfer none): the root OID
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_walk_get_root (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), NULL);

        return self->root;
}

/**
 * gsnmp_walk_get_max_repetitions: (get-property max-repetitions)
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets the max-repetitions of the walk's GetBulkRequests.
 *
 * Returns: the max-repetitions, or 0 for the target's
 *
 * Since: 0.1
 */
guint
gsnmp_walk_get_max_repetitions (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->max_repetitions;
}

/**
 * gsnmp_walk_set_max_repetitions: (set-property max-repetitions)
 * @self: a [class@Gsnmp.Walk]
 * @max_repetitions: the max-repetitions, or 0 for the target's
 *
 * Sets the max-repetitions of the walk's GetBulkRequests.
 *
 * Since: 0.1
 */
void
gsnmp_walk_set_max_repetitions (GsnmpWalk *self,
                                guint     max_repetitions)
{
        g_return_if_fail (GSNMP_IS_WALK (self));
        g_return_if_fail (max_repetitions <= G_MAXINT32);

        if (self->max_repetitions == max_repetitions)
                return;
        self->max_repetitions = max_repetitions;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_REPETITIONS]);
}

/**
 * gsnmp_walk_get_max_varbinds: (get-property max-varbinds)
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets the largest number of variable bindings the walk returns.
 *
 * Returns: the limit, or 0 for none
 *
 * Since: 0.1
 */
guint
gsnmp_walk_get_max_varbinds (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->max_varbinds;
}

/**
 * gsnmp_walk_set_max_varbinds: (set-property max-varbinds)
 * @self: a [class@Gsnmp.Walk]
 * @max_varbinds: the limit, or 0 for none
 *
 * Sets the largest number of variable bindings the walk returns.
 *
 * Since: 0.1
 */
void
gsnmp_walk_set_max_varbinds (GsnmpWalk *self,
                             guint     max_varbinds)
{
        g_return_if_fail (GSNMP_IS_WALK (self));

        if (self->max_varbinds == max_varbinds)
                return;
        self->max_varbinds = max_varbinds;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_VARBINDS]);
}

/**
 * gsnmp_walk_get_max_requests: (get-property max-requests)
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets the largest number of requests the walk sends.
 *
 * Returns: the limit, or 0 for none
 *
 * Since: 0.1
 */
guint
gsnmp_walk_get_max_requests (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->max_requests;
}

/**
 * gsnmp_walk_set_max_requests: (set-property max-requests)
 * @self: a [class@Gsnmp.Walk]
 * @max_requests: the limit, or 0 for none
 *
 * Sets the largest number of requests the walk sends.
 *
 * Since: 0.1
 */
void
gsnmp_walk_set_max_requests (GsnmpWalk *self,
                             guint     max_requests)
{
        g_return_if_fail (GSNMP_IS_WALK (self));

        if (self->max_requests == max_requests)
                return;
        self->max_requests = max_requests;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_REQUESTS]);
}

/**
 * gsnmp_walk_get_adaptive: (get-property adaptive)
 * @self: a [class@Gsnmp.Walk]
 *
 * Returns [property@Gsnmp.Walk:adaptive].
 *
 * Returns: whether the walk adapts to the agent
 *
 * Since: 0.1
 */
gboolean
gsnmp_walk_get_adaptive (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), FALSE);

        return self->adaptive;
}

/**
 * gsnmp_walk_set_adaptive: (set-property adaptive)
 * @self: a [class@Gsnmp.Walk]
 * @adaptive: whether the walk adapts to the agent
 *
 * Sets [property@Gsnmp.Walk:adaptive].
 *
 * Since: 0.1
 */
void
gsnmp_walk_set_adaptive (GsnmpWalk *self,
                         gboolean   adaptive)
{
        g_return_if_fail (GSNMP_IS_WALK (self));

        adaptive = !!adaptive;
        if (self->adaptive == adaptive)
                return;
        self->adaptive = adaptive;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADAPTIVE]);
}

/**
 * gsnmp_walk_get_max_duration: (get-property max-duration)
 * @self: a [class@Gsnmp.Walk]
 *
 * Returns [property@Gsnmp.Walk:max-duration].
 *
 * Returns: the limit in milliseconds, or 0 for none
 *
 * Since: 0.1
 */
guint
gsnmp_walk_get_max_duration (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->max_duration;
}

/**
 * gsnmp_walk_set_max_duration: (set-property max-duration)
 * @self: a [class@Gsnmp.Walk]
 * @max_duration: the limit in milliseconds, or 0 for none
 *
 * Sets [property@Gsnmp.Walk:max-duration]. It counts from the first
 * [method@Gsnmp.Walk.next_async] call, so set it before that.
 *
 * Since: 0.1
 */
void
gsnmp_walk_set_max_duration (GsnmpWalk *self,
                             guint      max_duration)
{
        g_return_if_fail (GSNMP_IS_WALK (self));

        if (self->max_duration == max_duration)
                return;
        self->max_duration = max_duration;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_DURATION]);
}

/**
 * gsnmp_walk_get_n_adaptations:
 * @self: a [class@Gsnmp.Walk]
 *
 * Returns how many times the walk lowered its max-repetitions or fell back
 * to GetNextRequests because a GetBulkRequest timed out or came back
 * tooBig (see [property@Gsnmp.Walk:adaptive]).
 *
 * Returns: the number of adaptations so far
 *
 * Since: 0.1
 */
guint
gsnmp_walk_get_n_adaptations (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->n_adaptations;
}

static gboolean walk_uses_bulk (GsnmpWalk *self);
static guint    walk_bulk_reps (GsnmpWalk *self);

/**
 * gsnmp_walk_get_current_max_repetitions:
 * @self: a [class@Gsnmp.Walk]
 *
 * Returns the max-repetitions of the walk's next GetBulkRequest, after
 * what it learnt about the agent (see [property@Gsnmp.Walk:adaptive]), or
 * 0 when the walk sends GetNextRequests (SNMPv1,
 * [property@Gsnmp.Walk:use-getnext], or a fallback).
 *
 * Returns: the repetitions, or 0 for GetNext
 *
 * Since: 0.1
 */
guint
gsnmp_walk_get_current_max_repetitions (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return walk_uses_bulk (self) ? walk_bulk_reps (self) : 0;
}

/**
 * gsnmp_walk_get_lexicographic: (get-property lexicographic)
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets whether the walk goes on past the root's subtree.
 *
 * Returns: %TRUE if it does
 *
 * Since: 0.1
 */
gboolean
gsnmp_walk_get_lexicographic (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->lexicographic;
}

/**
 * gsnmp_walk_set_lexicographic: (set-property lexicographic)
 * @self: a [class@Gsnmp.Walk]
 * @lexicographic: %TRUE to go on past the root's subtree
 *
 * Sets whether the walk goes on past the root's subtree.
 *
 * Since: 0.1
 */
void
gsnmp_walk_set_lexicographic (GsnmpWalk *self,
                              gboolean  lexicographic)
{
        g_return_if_fail (GSNMP_IS_WALK (self));

        if (self->lexicographic == lexicographic)
                return;
        self->lexicographic = lexicographic;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEXICOGRAPHIC]);
}

/**
 * gsnmp_walk_get_use_getnext: (get-property use-getnext)
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets whether the walk uses GetNextRequests.
 *
 * Returns: %TRUE if it does, whatever the SNMP version
 *
 * Since: 0.1
 */
gboolean
gsnmp_walk_get_use_getnext (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->use_getnext;
}

/**
 * gsnmp_walk_set_use_getnext: (set-property use-getnext)
 * @self: a [class@Gsnmp.Walk]
 * @use_getnext: %TRUE to use GetNextRequests
 *
 * Sets whether the walk uses GetNextRequests rather than GetBulkRequests.
 *
 * Since: 0.1
 */
void
gsnmp_walk_set_use_getnext (GsnmpWalk *self,
                            gboolean  use_getnext)
{
        g_return_if_fail (GSNMP_IS_WALK (self));

        if (self->use_getnext == use_getnext)
                return;
        self->use_getnext = use_getnext;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USE_GETNEXT]);
}

/**
 * gsnmp_walk_get_allow_non_increasing: (get-property allow-non-increasing)
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets whether the walk accepts OIDs that do not increase.
 *
 * Returns: %TRUE if it does
 *
 * Since: 0.1
 */
gboolean
gsnmp_walk_get_allow_non_increasing (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->allow_non_increasing;
}

/**
 * gsnmp_walk_set_allow_non_increasing: (set-property allow-non-increasing)
 * @self: a [class@Gsnmp.Walk]
 * @allow: %TRUE to accept OIDs that do not increase
 *
 * Sets whether the walk accepts OIDs that do not increase; see
 * [property@Gsnmp.Walk:allow-non-increasing].
 *
 * Since: 0.1
 */
void
gsnmp_walk_set_allow_non_increasing (GsnmpWalk *self,
                                     gboolean  allow)
{
        g_return_if_fail (GSNMP_IS_WALK (self));

        if (self->allow_non_increasing == allow)
                return;
        self->allow_non_increasing = allow;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_NON_INCREASING]);
}

/**
 * gsnmp_walk_get_root_fallback: (get-property root-fallback)
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets whether a walk that found nothing gets the root itself.
 *
 * Returns: %TRUE if it does
 *
 * Since: 0.1
 */
gboolean
gsnmp_walk_get_root_fallback (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->root_fallback;
}

/**
 * gsnmp_walk_set_root_fallback: (set-property root-fallback)
 * @self: a [class@Gsnmp.Walk]
 * @root_fallback: %TRUE to get the root when the subtree is empty
 *
 * Sets whether a walk that found nothing gets the root itself; see
 * [property@Gsnmp.Walk:root-fallback].
 *
 * Since: 0.1
 */
void
gsnmp_walk_set_root_fallback (GsnmpWalk *self,
                              gboolean  root_fallback)
{
        g_return_if_fail (GSNMP_IS_WALK (self));

        if (self->root_fallback == root_fallback)
                return;
        self->root_fallback = root_fallback;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT_FALLBACK]);
}

/**
 * gsnmp_walk_get_status:
 * @self: a [class@Gsnmp.Walk]
 *
 * Tells whether the walk has ended and why. A walk that ended returns only
 * empty batches.
 *
 * Returns: the walk's status
 *
 * Since: 0.1
 */
GsnmpWalkStatus
gsnmp_walk_get_status (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), GSNMP_WALK_STATUS_FAILED);

        return self->status;
}

/**
 * gsnmp_walk_get_end_varbind:
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets the variable binding from the agent that ended the walk, which the
 * walk did not return: the first one past the root's subtree
 * (%GSNMP_WALK_STATUS_END_OF_SUBTREE), the exception such as endOfMibView
 * (%GSNMP_WALK_STATUS_END_OF_MIB_VIEW), the one whose OID did not increase
 * (%GSNMP_ERROR_OID_NOT_INCREASING), or the one an error-status pointed at.
 *
 * Returns: (transfer none) (nullable): the variable binding, or %NULL when
 *   the walk has not ended or ended otherwise
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_walk_get_end_varbind (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), NULL);

        return self->end_varbind;
}

/**
 * gsnmp_walk_get_n_requests:
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets the number of requests the walk has sent so far, not counting
 * retransmissions.
 *
 * Returns: the number of requests
 *
 * Since: 0.1
 */
guint
gsnmp_walk_get_n_requests (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->n_requests;
}

/**
 * gsnmp_walk_get_n_varbinds:
 * @self: a [class@Gsnmp.Walk]
 *
 * Gets the number of variable bindings the walk has returned so far.
 *
 * Returns: the number of variable bindings
 *
 * Since: 0.1
 */
guint
gsnmp_walk_get_n_varbinds (GsnmpWalk *self)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), 0);

        return self->n_varbinds;
}

/*****************************************************************************/
/* Walking */

static void walk_step (GsnmpWalk *self);

/* Completes the pending next_async with @batch (transfer full) or @error. */
/*****************************************************************************/
/* Adapting to the agent */

/* What worked per agent, on the engine: "VERSION ADDRESS" → reps + 1
 * (1: GetNext). Walks of one engine share its main context. */
static GQuark
walk_memory_quark (void)
{
        return g_quark_from_static_string ("gsnmp-walk-memory");
}

static char *
walk_memory_key (GsnmpWalk *self)
{
        return g_strdup_printf ("%d %s", (int) gsnmp_target_get_version (self->target),
                                gsnmp_target_get_address (self->target));
}

static void
walk_load_memory (GsnmpWalk *self)
{
        GHashTable *memory = g_object_get_qdata (G_OBJECT (self->engine), walk_memory_quark ());
        g_autofree char *key = NULL;
        guint value;

        self->memory_loaded = TRUE;
        if (!self->adaptive || memory == NULL)
                return;
        key = walk_memory_key (self);
        value = GPOINTER_TO_UINT (g_hash_table_lookup (memory, key));
        if (value == 1)
                self->getnext_fallback = TRUE;
        else if (value > 1)
                self->bulk_limit = value - 1;
}

/* Remembers the walk's current limit for the next walk of this agent. */
static void
walk_save_memory (GsnmpWalk *self)
{
        GHashTable *memory = g_object_get_qdata (G_OBJECT (self->engine), walk_memory_quark ());

        if (!self->adaptive || (self->bulk_limit == 0 && !self->getnext_fallback))
                return;
        if (memory == NULL) {
                memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                g_object_set_qdata_full (G_OBJECT (self->engine), walk_memory_quark (), memory,
                                         (GDestroyNotify) g_hash_table_unref);
        }
        g_hash_table_insert (memory, walk_memory_key (self),
                             GUINT_TO_POINTER (self->getnext_fallback ? 1 : self->bulk_limit + 1));
}

/* The GetBulkRequest with @reps repetitions failed (timeout or tooBig):
 * half as many, or GetNext below 1. */
static void
walk_adapt (GsnmpWalk  *self,
            guint       reps,
            const char *why)
{
        self->n_adaptations++;
        if (reps > 1) {
                self->bulk_limit = reps / 2;
                g_debug ("walk: %s with max-repetitions %u, retrying with %u",
                         why, reps, self->bulk_limit);
        } else {
                self->getnext_fallback = TRUE;
                g_debug ("walk: %s with max-repetitions 1, falling back to GetNext", why);
        }
        walk_save_memory (self);
}

static gboolean
walk_uses_bulk (GsnmpWalk *self)
{
        return !self->use_getnext && !self->getnext_fallback &&
               gsnmp_target_get_version (self->target) != GSNMP_PROTOCOL_VERSION_V1;
}

static guint
walk_bulk_reps (GsnmpWalk *self)
{
        guint reps = self->max_repetitions;

        if (reps == 0)
                reps = gsnmp_target_get_max_repetitions (self->target);
        if (self->bulk_limit > 0)
                reps = MIN (reps, self->bulk_limit);
        if (self->max_varbinds > 0 && self->max_varbinds > self->n_varbinds)
                reps = MIN (reps, self->max_varbinds - self->n_varbinds);
        return MAX (reps, 1);
}

/*****************************************************************************/
/* The deadline */

static void
on_user_cancelled (GCancellable *cancellable,
                   gpointer      user_data)
{
        g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
on_deadline (gpointer user_data)
{
        GsnmpWalk *self = user_data;

        self->deadline_passed = TRUE;
        g_clear_pointer (&self->deadline_source, g_source_unref);
        g_cancellable_cancel (self->call_cancellable);
        return G_SOURCE_REMOVE;
}

static GError *
new_deadline_error (GsnmpWalk *self)
{
        return g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                            _("The walk did not finish within %u ms"), self->max_duration);
}

/* For one next_async call: a cancellable of our own, cancelled by the
 * caller's and at the deadline. */
static void
walk_arm_deadline (GsnmpWalk    *self,
                   GCancellable *cancellable)
{
        gint64 now = g_get_monotonic_time ();

        if (self->deadline == 0)
                self->deadline = now + (gint64) self->max_duration * 1000;
        self->call_cancellable = g_cancellable_new ();
        if (cancellable != NULL) {
                self->user_cancellable = g_object_ref (cancellable);
                self->user_cancel_id = g_cancellable_connect (cancellable,
                                                              G_CALLBACK (on_user_cancelled),
                                                              self->call_cancellable, NULL);
        }
        self->deadline_source = g_timeout_source_new ((guint) MAX ((self->deadline - now + 999) / 1000, 0));
        g_source_set_callback (self->deadline_source, on_deadline, self, NULL);
        g_source_set_static_name (self->deadline_source, "[gsnmp] walk deadline");
        g_source_attach (self->deadline_source, g_main_context_get_thread_default ());
}

static void
walk_disarm_deadline (GsnmpWalk *self)
{
        if (self->deadline_source != NULL) {
                g_source_destroy (self->deadline_source);
                g_clear_pointer (&self->deadline_source, g_source_unref);
        }
        if (self->user_cancellable != NULL) {
                g_cancellable_disconnect (self->user_cancellable, self->user_cancel_id);
                self->user_cancel_id = 0;
                g_clear_object (&self->user_cancellable);
        }
        g_clear_object (&self->call_cancellable);
}

static void
walk_complete (GsnmpWalk *self,
               GPtrArray *batch,
               GError    *error)
{
        GTask *task = g_steal_pointer (&self->task);

        if (self->deadline_passed && error != NULL &&
            g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
            !g_cancellable_is_cancelled (g_task_get_cancellable (task))) {
                g_error_free (error);
                error = new_deadline_error (self);
        }
        walk_disarm_deadline (self);

        if (error != NULL)
                g_task_return_error (task, error);
        else
                g_task_return_pointer (task, batch, (GDestroyNotify) g_ptr_array_unref);
        g_object_unref (task);
}

static GPtrArray *
new_batch (guint size)
{
        return g_ptr_array_new_full (size, (GDestroyNotify) gsnmp_varbind_unref);
}

/* Ends the walk with @error: right away when @batch is empty, else after
 * returning @batch. */
static void
walk_fail (GsnmpWalk *self,
           GPtrArray *batch,
           GError    *error)
{
        self->status = GSNMP_WALK_STATUS_FAILED;
        if (batch != NULL && batch->len > 0) {
                self->deferred_error = error;
                walk_complete (self, batch, NULL);
        } else {
                g_clear_pointer (&batch, g_ptr_array_unref);
                walk_complete (self, NULL, error);
        }
}

static void
set_end_varbind (GsnmpWalk    *self,
                 GsnmpVarbind *varbind)
{
        g_clear_pointer (&self->end_varbind, gsnmp_varbind_unref);
        if (varbind != NULL)
                self->end_varbind = gsnmp_varbind_ref (varbind);
}

static gboolean
is_exception (GsnmpValueType type)
{
        return type == GSNMP_VALUE_TYPE_END_OF_MIB_VIEW ||
               type == GSNMP_VALUE_TYPE_NO_SUCH_OBJECT ||
               type == GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE;
}

/* @repeated: @oid was returned before */
static GError *
new_not_increasing_error (GsnmpOid *previous,
                          GsnmpOid *oid,
                          gboolean  repeated)
{
        g_autofree char *previous_str = gsnmp_oid_to_string (previous);
        g_autofree char *oid_str = gsnmp_oid_to_string (oid);

        if (repeated)
                return g_error_new (GSNMP_ERROR, GSNMP_ERROR_OID_NOT_INCREASING,
                                    _("The agent returned OID “%s” twice: its MIB is not in order"),
                                    oid_str);
        return g_error_new (GSNMP_ERROR, GSNMP_ERROR_OID_NOT_INCREASING,
                            _("The agent returned OID “%s” after “%s”: its MIB is not in order"),
                            oid_str, previous_str);
}

/* The subtree (or the MIB view) ended and nothing was returned: get the
 * root itself next, if allowed. Returns TRUE when that is to be done. */
static gboolean
walk_maybe_fallback (GsnmpWalk *self)
{
        if (self->n_varbinds > 0 || !self->root_fallback || self->n_columns > 1)
                return FALSE;
        if (self->status != GSNMP_WALK_STATUS_END_OF_SUBTREE &&
            self->status != GSNMP_WALK_STATUS_END_OF_MIB_VIEW)
                return FALSE;
        if (self->max_requests > 0 && self->n_requests >= self->max_requests)
                return FALSE;

        self->fallback_pending = TRUE;
        return TRUE;
}

/* Handles the response to the root fallback's GetRequest. */
static void
on_fallback_response (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
        GsnmpWalk *self = user_data;
        g_autoptr(GsnmpPdu) pdu = NULL;
        GError *error = NULL;
        GPtrArray *batch;
        GsnmpVarbind *varbind;

        pdu = gsnmp_engine_get_finish (self->engine, result, &error);
        if (pdu == NULL) {
                /* Transient: fallback_pending stays set for a retry. */
                walk_complete (self, NULL, error);
                return;
        }

        self->fallback_pending = FALSE;
        batch = new_batch (1);

        /* Any error-status (SNMPv1 noSuchName) or exception (noSuchObject,
         * noSuchInstance) means there is nothing at the root either. */
        if (gsnmp_pdu_get_error_status (pdu) == 0 && gsnmp_pdu_get_n_varbinds (pdu) >= 1) {
                varbind = gsnmp_pdu_get_varbind (pdu, 0);
                if (!is_exception (gsnmp_varbind_get_value_type (varbind)) &&
                    gsnmp_oid_equal (gsnmp_varbind_get_oid (varbind), self->root)) {
                        g_ptr_array_add (batch, gsnmp_varbind_ref (varbind));
                        self->n_varbinds++;
                }
        }

        walk_complete (self, batch, NULL);
}

/* Ends @column: @status says why, @varbind (nullable) is what ended it.
 * The walk ends with the last column. */
static void
walk_end_column (GsnmpWalk       *self,
                 WalkColumn      *column,
                 GsnmpWalkStatus  status,
                 GsnmpVarbind    *varbind)
{
        guint c;

        column->done = TRUE;
        if (varbind != NULL)
                set_end_varbind (self, varbind);
        for (c = 0; c < self->n_columns; c++) {
                if (!self->columns[c].done)
                        return;
        }
        self->status = status;
}

/* Appends the varbinds of a GetNext or GetBulk response to @batch: varbind
 * i continues the column at active[i % n_active], until that column ends.
 * Returns FALSE, with @error set, when the agent misbehaved. */
static gboolean
walk_take_varbinds (GsnmpWalk  *self,
                    GsnmpPdu   *pdu,
                    GPtrArray  *batch,
                    GError    **error)
{
        GsnmpVarbind **varbinds;
        guint n, i;
        int cmp;

        varbinds = gsnmp_pdu_get_varbinds (pdu, &n);
        if (n == 0) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED, "%s",
                             _("The agent answered with no variable bindings"));
                return FALSE;
        }
        if (self->request_type != GSNMP_PDU_TYPE_GET_BULK)
                n = MIN (n, self->n_active);

        for (i = 0; i < n && self->status == GSNMP_WALK_STATUS_RUNNING; i++) {
                GsnmpVarbind *varbind = varbinds[i];
                GsnmpOid *oid = gsnmp_varbind_get_oid (varbind);
                WalkColumn *column = &self->columns[self->active[i % self->n_active]];

                if (column->done)
                        continue;

                if (is_exception (gsnmp_varbind_get_value_type (varbind))) {
                        walk_end_column (self, column, GSNMP_WALK_STATUS_END_OF_MIB_VIEW, varbind);
                        continue;
                }

                if (!self->lexicographic && !gsnmp_oid_has_prefix (oid, column->root)) {
                        walk_end_column (self, column, GSNMP_WALK_STATUS_END_OF_SUBTREE, varbind);
                        continue;
                }

                if (self->max_varbinds > 0 && self->n_varbinds >= self->max_varbinds) {
                        self->status = GSNMP_WALK_STATUS_MAX_VARBINDS;
                        return TRUE;
                }

                cmp = gsnmp_oid_compare (oid, column->last);
                if (self->allow_non_increasing) {
                        /* g_hash_table_add() is FALSE for an OID seen before */
                        if (self->seen == NULL)
                                self->seen = g_hash_table_new_full ((GHashFunc) gsnmp_oid_hash,
                                                                    (GEqualFunc) gsnmp_oid_equal,
                                                                    (GDestroyNotify) gsnmp_oid_unref,
                                                                    NULL);
                        if (cmp != 0 && g_hash_table_add (self->seen, gsnmp_oid_ref (oid)))
                                cmp = 1;
                        else
                                cmp = 0;
                }
                if (cmp <= 0) {
                        set_end_varbind (self, varbind);
                        *error = new_not_increasing_error (column->last, oid, cmp == 0);
                        return FALSE;
                }

                g_ptr_array_add (batch, gsnmp_varbind_ref (varbind));
                self->n_varbinds++;
                gsnmp_oid_unref (column->last);
                column->last = gsnmp_oid_ref (oid);
        }

        if (self->max_varbinds > 0 && self->n_varbinds >= self->max_varbinds)
                self->status = GSNMP_WALK_STATUS_MAX_VARBINDS;

        return TRUE;
}

static void
on_response (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
        GsnmpWalk *self = user_data;
        g_autoptr(GsnmpPdu) pdu = NULL;
        GError *error = NULL;
        GPtrArray *batch;
        guint status;

        if (self->request_type == GSNMP_PDU_TYPE_GET_BULK)
                pdu = gsnmp_engine_get_bulk_finish (self->engine, result, &error);
        else
                pdu = gsnmp_engine_get_next_finish (self->engine, result, &error);
        if (pdu == NULL) {
                if (self->adaptive && self->request_type == GSNMP_PDU_TYPE_GET_BULK &&
                    g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)) {
                        /* Some agents never answer a GetBulk, or one whose
                         * answer is too big for them: ask for less. */
                        g_clear_error (&error);
                        walk_adapt (self, self->request_reps, "timeout");
                        walk_step (self);
                        return;
                }
                /* Timeout, cancellation, closed engine, socket error: the
                 * walk stays where it was. */
                walk_complete (self, NULL, error);
                return;
        }

        status = gsnmp_pdu_get_error_status (pdu);
        if (status == GSNMP_PDU_ERROR_NO_SUCH_NAME &&
            (self->n_active == 1 || (gsnmp_pdu_get_error_index (pdu) >= 1 &&
                                     gsnmp_pdu_get_error_index (pdu) <= self->n_active))) {
                /* RFC 1157 §4.1.3: SNMPv1's end of the MIB, for the column
                 * at error-index; the others are asked again */
                guint index = self->n_active == 1 ? 1 : gsnmp_pdu_get_error_index (pdu);

                walk_end_column (self, &self->columns[self->active[index - 1]],
                                 GSNMP_WALK_STATUS_END_OF_MIB_VIEW, NULL);
                if (self->status == GSNMP_WALK_STATUS_RUNNING || walk_maybe_fallback (self))
                        walk_step (self);
                else
                        walk_complete (self, new_batch (0), NULL);
                return;
        }
        if (status == GSNMP_PDU_ERROR_TOO_BIG &&
            self->request_type == GSNMP_PDU_TYPE_GET_BULK &&
            (self->request_reps > 1 || self->adaptive)) {
                /* Agents should truncate GetBulk responses, but some
                 * answer tooBig instead: ask for less. */
                walk_adapt (self, self->request_reps, "tooBig");
                walk_step (self);
                return;
        }
        if (status != 0) {
                guint index = gsnmp_pdu_get_error_index (pdu);

                if (index >= 1 && index <= gsnmp_pdu_get_n_varbinds (pdu))
                        set_end_varbind (self, gsnmp_pdu_get_varbind (pdu, index - 1));
                gsnmp_pdu_check_error (pdu, &error);
                walk_fail (self, NULL, error);
                return;
        }

        batch = new_batch (gsnmp_pdu_get_n_varbinds (pdu));
        if (!walk_take_varbinds (self, pdu, batch, &error)) {
                walk_fail (self, batch, error);
                return;
        }

        if (self->status == GSNMP_WALK_STATUS_RUNNING &&
            self->max_requests > 0 && self->n_requests >= self->max_requests)
                self->status = GSNMP_WALK_STATUS_MAX_REQUESTS;

        if (batch->len == 0) {
                g_ptr_array_unref (batch);
                if (self->status == GSNMP_WALK_STATUS_RUNNING || walk_maybe_fallback (self))
                        walk_step (self);
                else
                        walk_complete (self, new_batch (0), NULL);
                return;
        }

        walk_complete (self, batch, NULL);
}

/* Sends the walk's next request, or completes the pending task when the
 * walk has ended. */
static void
walk_step (GsnmpWalk *self)
{
        GCancellable *cancellable = self->call_cancellable ? self->call_cancellable :
                                    g_task_get_cancellable (self->task);
        gboolean bulk;
        guint reps, c;

        if (!self->memory_loaded)
                walk_load_memory (self);

        if (self->fallback_pending) {
                self->n_requests++;
                gsnmp_engine_get_async (self->engine, self->target, &self->root, 1,
                                        cancellable, on_fallback_response, self);
                return;
        }

        if (self->status != GSNMP_WALK_STATUS_RUNNING) {
                walk_complete (self, new_batch (0), NULL);
                return;
        }
        if (self->max_requests > 0 && self->n_requests >= self->max_requests) {
                self->status = GSNMP_WALK_STATUS_MAX_REQUESTS;
                walk_complete (self, new_batch (0), NULL);
                return;
        }
        if (self->max_varbinds > 0 && self->n_varbinds >= self->max_varbinds) {
                /* lowered while the walk was going on */
                self->status = GSNMP_WALK_STATUS_MAX_VARBINDS;
                walk_complete (self, new_batch (0), NULL);
                return;
        }

        self->n_active = 0;
        for (c = 0; c < self->n_columns; c++) {
                if (self->columns[c].done)
                        continue;
                self->active[self->n_active] = c;
                self->request_oids[self->n_active] = self->columns[c].last;
                self->n_active++;
        }

        bulk = walk_uses_bulk (self);
        self->n_requests++;

        if (!bulk) {
                self->request_type = GSNMP_PDU_TYPE_GET_NEXT;
                self->request_reps = 1;
                gsnmp_engine_get_next_async (self->engine, self->target,
                                             self->request_oids, self->n_active,
                                             cancellable, on_response, self);
                return;
        }

        reps = walk_bulk_reps (self);

        self->request_type = GSNMP_PDU_TYPE_GET_BULK;
        self->request_reps = reps;
        gsnmp_engine_get_bulk_async (self->engine, self->target, 0, reps,
                                     self->request_oids, self->n_active,
                                     cancellable, on_response, self);
}

/**
 * gsnmp_walk_next_async:
 * @self: a [class@Gsnmp.Walk]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called with the next batch
 * @user_data: data for @callback
 *
 * Requests the next variable bindings of the walk: usually one request's
 * worth, up to [property@Gsnmp.Walk:max-repetitions]. Call
 * [method@Gsnmp.Walk.next_finish] from @callback.
 *
 * Only one call may be pending at a time; another fails with
 * %G_IO_ERROR_PENDING. Cancelling @cancellable, before or during the
 * request, completes the call with %G_IO_ERROR_CANCELLED and leaves the walk
 * where it was, so a later call resends the same request.
 *
 * Since: 0.1
 */
void
gsnmp_walk_next_async (GsnmpWalk           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
        g_autoptr(GTask) task = NULL;

        g_return_if_fail (GSNMP_IS_WALK (self));
        g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
        g_return_if_fail (gsnmp_engine_in_context (self->engine));

        task = g_task_new (self, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_walk_next_async);
        g_task_set_name (task, "[gsnmp] walk-next");
        /* The walk has moved on when a batch is returned: never drop one
         * because the cancellable fired meanwhile. */
        g_task_set_check_cancellable (task, FALSE);

        if (self->task != NULL) {
                g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                                         _("The walk already has a request pending"));
                return;
        }
        if (self->deferred_error != NULL) {
                g_task_return_error (task, g_steal_pointer (&self->deferred_error));
                return;
        }
        if (g_task_return_error_if_cancelled (task))
                return;
        if (self->max_duration > 0 &&
            (self->deadline_passed ||
             (self->deadline != 0 && g_get_monotonic_time () >= self->deadline))) {
                self->deadline_passed = TRUE;
                g_task_return_error (task, new_deadline_error (self));
                return;
        }

        self->task = g_steal_pointer (&task);
        if (self->max_duration > 0)
                walk_arm_deadline (self, cancellable);
        walk_step (self);
}

/**
 * gsnmp_walk_next_finish:
 * @self: a [class@Gsnmp.Walk]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Walk.next_async].
 *
 * Besides the errors of [method@Gsnmp.Engine.get_next_finish], this fails
 * with %GSNMP_ERROR_OID_NOT_INCREASING when the agent returned an OID out of
 * order, or with a %GSNMP_PDU_ERROR when it answered with an error-status
 * (other than SNMPv1's noSuchName, which ends the walk).
 *
 * The array owns its elements: g_ptr_array_unref() also unrefs the
 * variable bindings (hence `transfer container`, which bindings read
 * correctly for such arrays).
 *
 * Returns: (transfer container) (element-type Gsnmp.Varbind): the next variable
 *   bindings in OID order, empty when the walk has ended, or %NULL on error
 *
 * Since: 0.1
 */
GPtrArray *
gsnmp_walk_next_finish (GsnmpWalk     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), NULL);
        g_return_val_if_fail (g_task_is_valid (result, self), NULL);
        g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gsnmp_walk_next_async, NULL);

        return g_task_propagate_pointer (G_TASK (result), error);
}

/*****************************************************************************/
/* Whole walks */

static void
on_all_next (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
        GsnmpWalk *self = GSNMP_WALK (source);
        g_autoptr(GTask) task = user_data;
        GPtrArray *all = g_task_get_task_data (task);
        GCancellable *cancellable;
        GError *error = NULL;
        GPtrArray *batch;

        batch = gsnmp_walk_next_finish (self, result, &error);
        if (batch == NULL) {
                g_task_return_error (task, error);
                return;
        }
        if (batch->len == 0) {
                g_ptr_array_unref (batch);
                g_task_return_pointer (task, g_ptr_array_ref (all),
                                       (GDestroyNotify) g_ptr_array_unref);
                return;
        }

        g_ptr_array_extend_and_steal (all, batch);
        cancellable = g_task_get_cancellable (task);
        gsnmp_walk_next_async (self, cancellable, on_all_next, g_steal_pointer (&task));
}

/**
 * gsnmp_walk_all_async:
 * @self: a [class@Gsnmp.Walk]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the walk has
 *   ended
 * @user_data: data for @callback
 *
 * Walks to the end and returns everything in one array, with the options
 * set on @self. Call [method@Gsnmp.Walk.all_finish] from @callback.
 *
 * This keeps every variable binding of the subtree in memory; use
 * [method@Gsnmp.Walk.next_async] to process large subtrees piece by piece.
 *
 * Since: 0.1
 */
void
gsnmp_walk_all_async (GsnmpWalk           *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
        GTask *task;

        g_return_if_fail (GSNMP_IS_WALK (self));
        g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
        g_return_if_fail (gsnmp_engine_in_context (self->engine));

        task = g_task_new (self, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_walk_all_async);
        g_task_set_name (task, "[gsnmp] walk-all");
        g_task_set_task_data (task, new_batch (0), (GDestroyNotify) g_ptr_array_unref);

        gsnmp_walk_next_async (self, cancellable, on_all_next, task);
}

/**
 * gsnmp_walk_all_finish:
 * @self: a [class@Gsnmp.Walk]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Walk.all_async]. The errors are those of
 * [method@Gsnmp.Walk.next_finish]; on error, the variable bindings received
 * so far are dropped. Like the batches, the array owns its elements.
 *
 * Returns: (transfer container) (element-type Gsnmp.Varbind): the variable
 *   bindings in OID order, or %NULL on error
 *
 * Since: 0.1
 */
GPtrArray *
gsnmp_walk_all_finish (GsnmpWalk     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), NULL);
        g_return_val_if_fail (g_task_is_valid (result, self), NULL);
        g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gsnmp_walk_all_async, NULL);

        return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_engine_walk_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
        g_autoptr(GTask) task = user_data;
        GError *error = NULL;
        GPtrArray *all;

        all = gsnmp_walk_all_finish (GSNMP_WALK (source), result, &error);
        if (all == NULL)
                g_task_return_error (task, error);
        else
                g_task_return_pointer (task, all, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * gsnmp_engine_walk_async:
 * @engine: a [class@Gsnmp.Engine]
 * @target: the agent to walk
 * @root: the root of the subtree to walk
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the walk has
 *   ended
 * @user_data: data for @callback
 *
 * Walks the subtree below @root with a [class@Gsnmp.Walk]'s default options
 * and returns it whole. Call [method@Gsnmp.Engine.walk_finish] from
 * @callback.
 *
 * Since: 0.1
 */
void
gsnmp_engine_walk_async (GsnmpEngine         *engine,
                         GsnmpTarget         *target,
                         GsnmpOid            *root,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        GTask *task;

        g_return_if_fail (GSNMP_IS_ENGINE (engine));
        g_return_if_fail (GSNMP_IS_TARGET (target));
        g_return_if_fail (root != NULL);
        g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
        g_return_if_fail (gsnmp_engine_in_context (engine));

        task = g_task_new (engine, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_engine_walk_async);
        g_task_set_name (task, "[gsnmp] walk");

        walk = gsnmp_walk_new (engine, target, root);
        gsnmp_walk_all_async (walk, cancellable, on_engine_walk_done, task);
}

/**
 * gsnmp_engine_walk_finish:
 * @engine: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.walk_async]. The errors are those of
 * [method@Gsnmp.Walk.next_finish]. Like the batches of
 * [method@Gsnmp.Walk.next_finish], the array owns its elements.
 *
 * Returns: (transfer container) (element-type Gsnmp.Varbind): the variable
 *   bindings of the subtree in OID order, or %NULL on error
 *
 * Since: 0.1
 */
GPtrArray *
gsnmp_engine_walk_finish (GsnmpEngine   *engine,
                          GAsyncResult  *result,
                          GError       **error)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (engine), NULL);
        g_return_val_if_fail (g_task_is_valid (result, engine), NULL);
        g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gsnmp_engine_walk_async, NULL);

        return g_task_propagate_pointer (G_TASK (result), error);
}
