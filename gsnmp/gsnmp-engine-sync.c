/* gsnmp-engine-sync.c - synchronous forms of the engine's requests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every synchronous call here runs the matching `_async` call to completion
 * through one helper, engine_run_sync():
 *
 *  - when the calling thread can own the engine's main context (it is the
 *    thread that runs it, or nobody runs it right now), the call is started
 *    with that context as the thread-default one and the context is iterated
 *    until the call completes;
 *  - otherwise (another thread runs the engine's context, e.g. a GTK main
 *    loop), the call is handed to that context with an idle source and the
 *    calling thread waits on a GCond until its callback ran there.
 */
#include "config.h"

#include "gsnmp-engine.h"
#include "gsnmp-engine-private.h"
#include "gsnmp-walk.h"
#include "gsnmp-table.h"
#include "gsnmp-notify.h"

/* Starts the asynchronous call that a synchronous one stands for, with
 * @callback/@user_data as its callback. */
typedef void (*SyncStartFunc) (gpointer             call_data,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

typedef struct {
        SyncStartFunc  start;
        gpointer       call_data;
        GCancellable  *cancellable;
        GMutex         lock;
        GCond          cond;
        GAsyncResult  *result;     /* (owned) (nullable) until completed */
} SyncCall;

static void
on_sync_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
        SyncCall *call = user_data;

        g_mutex_lock (&call->lock);
        call->result = g_object_ref (result);
        g_cond_signal (&call->cond);
        /* The waiting thread may free @call as soon as this unlocks */
        g_mutex_unlock (&call->lock);
}

static gboolean
sync_start_in_context (gpointer user_data)
{
        SyncCall *call = user_data;

        call->start (call->call_data, call->cancellable, on_sync_done, call);
        return G_SOURCE_REMOVE;
}

/* Runs an asynchronous call of @engine to completion and returns its result
 * (transfer full), to be passed to the matching _finish function. */
static GAsyncResult *
engine_run_sync (GsnmpEngine  *engine,
                 SyncStartFunc start,
                 gpointer      call_data,
                 GCancellable *cancellable)
{
        GMainContext *context = gsnmp_engine_get_context (engine);
        SyncCall call = { start, call_data, cancellable, };

        g_mutex_init (&call.lock);
        g_cond_init (&call.cond);

        if (g_main_context_acquire (context)) {
                /* This thread runs the engine's context (or nobody does):
                 * iterate it here until the call completes. */
                gboolean push = !gsnmp_engine_in_context (engine);

                if (push)
                        g_main_context_push_thread_default (context);
                start (call_data, cancellable, on_sync_done, &call);
                while (call.result == NULL)
                        g_main_context_iteration (context, TRUE);
                if (push)
                        g_main_context_pop_thread_default (context);
                g_main_context_release (context);
        } else {
                /* Another thread runs the engine's context: start the call
                 * there and wait for its callback. */
                GSource *idle = g_idle_source_new ();

                g_source_set_priority (idle, G_PRIORITY_DEFAULT);
                g_source_set_callback (idle, sync_start_in_context, &call, NULL);
                g_source_set_static_name (idle, "[gsnmp] synchronous call");
                g_source_attach (idle, context);
                g_source_unref (idle);

                g_mutex_lock (&call.lock);
                while (call.result == NULL)
                        g_cond_wait (&call.cond, &call.lock);
                g_mutex_unlock (&call.lock);
        }

        g_mutex_clear (&call.lock);
        g_cond_clear (&call.cond);
        return call.result;
}

#define CHECK_SYNC_ARGS(self, target, cancellable, error, val)                            \
        G_STMT_START {                                                                    \
                g_return_val_if_fail (GSNMP_IS_ENGINE (self), val);                       \
                g_return_val_if_fail (GSNMP_IS_TARGET (target), val);                     \
                g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), val); \
                g_return_val_if_fail (error == NULL || *error == NULL, val);              \
        } G_STMT_END

/*****************************************************************************/
/* GET, GETNEXT, GETBULK, SET and any PDU */

typedef struct {
        GsnmpEngine           *engine;
        GsnmpTarget           *target;
        GsnmpOid * const      *oids;
        gsize                  n_oids;
        guint                  non_repeaters;
        guint                  max_repetitions;
        GsnmpVarbind * const  *varbinds;
        gsize                  n_varbinds;
        GsnmpPdu              *pdu;
} RequestArgs;

static void
start_get (gpointer data, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer user_data)
{
        RequestArgs *a = data;

        gsnmp_engine_get_async (a->engine, a->target, a->oids, a->n_oids, cancellable, cb, user_data);
}

static void
start_get_next (gpointer data, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer user_data)
{
        RequestArgs *a = data;

        gsnmp_engine_get_next_async (a->engine, a->target, a->oids, a->n_oids, cancellable,
                                     cb, user_data);
}

static void
start_get_bulk (gpointer data, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer user_data)
{
        RequestArgs *a = data;

        gsnmp_engine_get_bulk_async (a->engine, a->target, a->non_repeaters, a->max_repetitions,
                                     a->oids, a->n_oids, cancellable, cb, user_data);
}

static void
start_set (gpointer data, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer user_data)
{
        RequestArgs *a = data;

        gsnmp_engine_set_async (a->engine, a->target, a->varbinds, a->n_varbinds, cancellable,
                                cb, user_data);
}

static void
start_send_pdu (gpointer data, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer user_data)
{
        RequestArgs *a = data;

        gsnmp_engine_send_pdu_async (a->engine, a->target, a->pdu, cancellable, cb, user_data);
}

/**
 * gsnmp_engine_get:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent to query
 * @oids: (array length=n_oids): the object identifiers to fetch
 * @n_oids: the number of elements in @oids
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Sends a GetRequest for @oids to @target and waits for the response: the
 * synchronous form of [method@Gsnmp.Engine.get_async], with the same
 * retries, results and errors as [method@Gsnmp.Engine.get_finish].
 *
 * Every synchronous call of gsnmp works this way and may be called from
 * any thread:
 *
 * - from the thread that runs the engine's main context (or from any thread
 *   when no thread runs it), it iterates that context until the request
 *   completes. Other sources attached to that context (a GTK window's
 *   events, other requests' callbacks, timeouts) are dispatched meanwhile,
 *   as in a nested main loop, so do not call it from code that must not be
 *   re-entered; a GUI should use the `_async` form instead;
 * - from another thread, while the engine's context is run elsewhere, it
 *   starts the request in that context (one idle source) and blocks on a
 *   [struct@GLib.Cond] until the request completes there, which costs two
 *   thread switches on top of the round trip. The thread that runs the
 *   engine's context must keep running it meanwhile, or this call waits
 *   until it does.
 *
 * Returns: (transfer full): the response PDU, whatever its error-status
 *   (see [method@Gsnmp.Pdu.check_error]), or %NULL with @error set
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_get (GsnmpEngine      *self,
                  GsnmpTarget      *target,
                  GsnmpOid * const *oids,
                  gsize             n_oids,
                  GCancellable     *cancellable,
                  GError          **error)
{
        RequestArgs a = { self, target, oids, n_oids, };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (self, target, cancellable, error, NULL);
        g_return_val_if_fail (oids != NULL || n_oids == 0, NULL);

        result = engine_run_sync (self, start_get, &a, cancellable);
        return gsnmp_engine_get_finish (self, result, error);
}

/**
 * gsnmp_engine_get_next:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent to query
 * @oids: (array length=n_oids): the object identifiers to fetch the
 *   successors of
 * @n_oids: the number of elements in @oids
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Sends a GetNextRequest for @oids to @target and waits for the response:
 * the synchronous form of [method@Gsnmp.Engine.get_next_async]. See
 * [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * Returns: (transfer full): the response PDU, whatever its error-status,
 *   or %NULL with @error set
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_get_next (GsnmpEngine      *self,
                       GsnmpTarget      *target,
                       GsnmpOid * const *oids,
                       gsize             n_oids,
                       GCancellable     *cancellable,
                       GError          **error)
{
        RequestArgs a = { self, target, oids, n_oids, };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (self, target, cancellable, error, NULL);
        g_return_val_if_fail (oids != NULL || n_oids == 0, NULL);

        result = engine_run_sync (self, start_get_next, &a, cancellable);
        return gsnmp_engine_get_next_finish (self, result, error);
}

/**
 * gsnmp_engine_get_bulk:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent to query
 * @non_repeaters: how many of @oids, from the start, get one successor each
 * @max_repetitions: how many successors the other @oids get
 * @oids: (array length=n_oids): the object identifiers
 * @n_oids: the number of elements in @oids
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Sends a GetBulkRequest to @target and waits for the response: the
 * synchronous form of [method@Gsnmp.Engine.get_bulk_async]. See
 * [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * Returns: (transfer full): the response PDU, whatever its error-status,
 *   or %NULL with @error set
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_get_bulk (GsnmpEngine      *self,
                       GsnmpTarget      *target,
                       guint             non_repeaters,
                       guint             max_repetitions,
                       GsnmpOid * const *oids,
                       gsize             n_oids,
                       GCancellable     *cancellable,
                       GError          **error)
{
        RequestArgs a = { self, target, oids, n_oids, non_repeaters, max_repetitions, };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (self, target, cancellable, error, NULL);
        g_return_val_if_fail (oids != NULL || n_oids == 0, NULL);

        result = engine_run_sync (self, start_get_bulk, &a, cancellable);
        return gsnmp_engine_get_bulk_finish (self, result, error);
}

/**
 * gsnmp_engine_set:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent to write to
 * @varbinds: (array length=n_varbinds): the values to set
 * @n_varbinds: the number of elements in @varbinds
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Sends a SetRequest to @target and waits for the response: the
 * synchronous form of [method@Gsnmp.Engine.set_async] (whose notes on
 * retries apply). See [method@Gsnmp.Engine.get] for threads and what
 * waiting costs.
 *
 * Returns: (transfer full): the response PDU, whatever its error-status,
 *   or %NULL with @error set
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_set (GsnmpEngine          *self,
                  GsnmpTarget          *target,
                  GsnmpVarbind * const *varbinds,
                  gsize                 n_varbinds,
                  GCancellable         *cancellable,
                  GError              **error)
{
        RequestArgs a = { self, target, .varbinds = varbinds, .n_varbinds = n_varbinds };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (self, target, cancellable, error, NULL);
        g_return_val_if_fail (varbinds != NULL || n_varbinds == 0, NULL);

        result = engine_run_sync (self, start_set, &a, cancellable);
        return gsnmp_engine_set_finish (self, result, error);
}

/**
 * gsnmp_engine_send_pdu:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent to send to
 * @pdu: the request
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Sends @pdu to @target and waits for the response: the synchronous form of
 * [method@Gsnmp.Engine.send_pdu_async]. See [method@Gsnmp.Engine.get] for
 * threads and what waiting costs.
 *
 * Returns: (transfer full) (nullable): the response PDU, whatever its
 *   error-status, or %NULL with @error set
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_send_pdu (GsnmpEngine  *self,
                       GsnmpTarget  *target,
                       GsnmpPdu     *pdu,
                       GCancellable *cancellable,
                       GError      **error)
{
        RequestArgs a = { self, target, .pdu = pdu };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (self, target, cancellable, error, NULL);
        g_return_val_if_fail (pdu != NULL, NULL);

        result = engine_run_sync (self, start_send_pdu, &a, cancellable);
        return gsnmp_engine_send_pdu_finish (self, result, error);
}

typedef struct {
        GsnmpEngine *engine;
        GsnmpTarget *target;
} DiscoverArgs;

static void
start_discover (gpointer data, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer user_data)
{
        DiscoverArgs *a = data;

        gsnmp_engine_discover_async (a->engine, a->target, cancellable, cb, user_data);
}

/**
 * gsnmp_engine_discover:
 * @self: a [class@Gsnmp.Engine]
 * @target: the agent whose SNMPv3 engine to discover; only its address,
 *   timeout and retries are used
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Discovers the SNMPv3 engine of the agent at @target's address and waits
 * for it: the synchronous form of [method@Gsnmp.Engine.discover_async],
 * with the same results. See [method@Gsnmp.Engine.get] for threads and what
 * waiting costs.
 *
 * Returns: (transfer full): the agent's engine ID, or %NULL with @error set
 *
 * Since: 0.1
 */
GBytes *
gsnmp_engine_discover (GsnmpEngine  *self,
                       GsnmpTarget  *target,
                       GCancellable *cancellable,
                       GError      **error)
{
        DiscoverArgs a = { self, target };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (self, target, cancellable, error, NULL);

        result = engine_run_sync (self, start_discover, &a, cancellable);
        return gsnmp_engine_discover_finish (self, result, error);
}

/*****************************************************************************/
/* Walks and tables */

typedef enum {
        WALK_NEXT,
        WALK_ALL,
        WALK_TABLE,
} WalkCall;

typedef struct {
        GsnmpWalk *walk;
        WalkCall   call;
} WalkArgs;

static void
start_walk (gpointer data, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer user_data)
{
        WalkArgs *a = data;

        switch (a->call) {
        case WALK_NEXT:
                gsnmp_walk_next_async (a->walk, cancellable, cb, user_data);
                break;
        case WALK_ALL:
                gsnmp_walk_all_async (a->walk, cancellable, cb, user_data);
                break;
        case WALK_TABLE:
                gsnmp_walk_get_table_async (a->walk, cancellable, cb, user_data);
                break;
        }
}

#define CHECK_WALK_ARGS(self, cancellable, error)                                           \
        G_STMT_START {                                                                      \
                g_return_val_if_fail (GSNMP_IS_WALK (self), NULL);                          \
                g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL); \
                g_return_val_if_fail (error == NULL || *error == NULL, NULL);               \
        } G_STMT_END

/**
 * gsnmp_walk_next:
 * @self: a [class@Gsnmp.Walk]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Fetches the next batch of the walk and waits for it: the synchronous form
 * of [method@Gsnmp.Walk.next_async], with the same results. See
 * [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * ```c
 * g_autoptr(GsnmpWalk) walk = gsnmp_walk_new (engine, target, root);
 * g_autoptr(GPtrArray) batch = NULL;
 *
 * while ((batch = gsnmp_walk_next (walk, NULL, &error)) != NULL && batch->len > 0) {
 *         for (guint i = 0; i < batch->len; i++)
 *                 print_varbind (batch->pdata[i]);
 *         g_clear_pointer (&batch, g_ptr_array_unref);
 * }
 * ```
 *
 * Returns: (transfer container) (element-type Gsnmp.Varbind): the next
 *   variable bindings, an empty array once the walk ended, or %NULL with
 *   @error set
 *
 * Since: 0.1
 */
GPtrArray *
gsnmp_walk_next (GsnmpWalk    *self,
                 GCancellable *cancellable,
                 GError      **error)
{
        WalkArgs a = { self, WALK_NEXT };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_WALK_ARGS (self, cancellable, error);

        result = engine_run_sync (gsnmp_walk_get_engine (self), start_walk, &a, cancellable);
        return gsnmp_walk_next_finish (self, result, error);
}

/**
 * gsnmp_walk_all:
 * @self: a [class@Gsnmp.Walk]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Runs the rest of the walk and waits for it: the synchronous form of
 * [method@Gsnmp.Walk.all_async], with the same results. See
 * [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * Returns: (transfer container) (element-type Gsnmp.Varbind): every
 *   remaining variable binding, or %NULL with @error set
 *
 * Since: 0.1
 */
GPtrArray *
gsnmp_walk_all (GsnmpWalk    *self,
                GCancellable *cancellable,
                GError      **error)
{
        WalkArgs a = { self, WALK_ALL };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_WALK_ARGS (self, cancellable, error);

        result = engine_run_sync (gsnmp_walk_get_engine (self), start_walk, &a, cancellable);
        return gsnmp_walk_all_finish (self, result, error);
}

/**
 * gsnmp_walk_get_table:
 * @self: a [class@Gsnmp.Walk] of a table or a table column
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Retrieves the table the walk covers and waits for it: the synchronous
 * form of [method@Gsnmp.Walk.get_table_async], with the same results. See
 * [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 *
 * Since: 0.1
 */
GsnmpTable *
gsnmp_walk_get_table (GsnmpWalk    *self,
                      GCancellable *cancellable,
                      GError      **error)
{
        WalkArgs a = { self, WALK_TABLE };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_WALK_ARGS (self, cancellable, error);

        result = engine_run_sync (gsnmp_walk_get_engine (self), start_walk, &a, cancellable);
        return gsnmp_walk_get_table_finish (self, result, error);
}

typedef struct {
        GsnmpEngine *engine;
        GsnmpTarget *target;
        GsnmpOid    *root;
} EngineWalkArgs;

static void
start_engine_walk (gpointer data, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer user_data)
{
        EngineWalkArgs *a = data;

        gsnmp_engine_walk_async (a->engine, a->target, a->root, cancellable, cb, user_data);
}

/**
 * gsnmp_engine_walk:
 * @engine: a [class@Gsnmp.Engine]
 * @target: the agent to walk
 * @root: the root of the subtree to walk
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Walks the subtree below @root and waits for all of it: the synchronous
 * form of [method@Gsnmp.Engine.walk_async], with the same results. See
 * [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * Returns: (transfer container) (element-type Gsnmp.Varbind): the variable
 *   bindings of the subtree in OID order, or %NULL with @error set
 *
 * Since: 0.1
 */
GPtrArray *
gsnmp_engine_walk (GsnmpEngine  *engine,
                   GsnmpTarget  *target,
                   GsnmpOid     *root,
                   GCancellable *cancellable,
                   GError      **error)
{
        EngineWalkArgs a = { engine, target, root };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (engine, target, cancellable, error, NULL);
        g_return_val_if_fail (root != NULL, NULL);

        result = engine_run_sync (engine, start_engine_walk, &a, cancellable);
        return gsnmp_engine_walk_finish (engine, result, error);
}

typedef struct {
        GsnmpEngine      *engine;
        GsnmpTarget      *target;
        GsnmpOid         *table;
        GsnmpOid * const *columns;
        gsize             n_columns;
} TableArgs;

static void
start_table (gpointer data, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer user_data)
{
        TableArgs *a = data;

        if (a->table != NULL)
                gsnmp_engine_get_table_async (a->engine, a->target, a->table, cancellable,
                                              cb, user_data);
        else
                gsnmp_engine_get_table_columns_async (a->engine, a->target, a->columns,
                                                      a->n_columns, cancellable, cb, user_data);
}

/**
 * gsnmp_engine_get_table:
 * @engine: a [class@Gsnmp.Engine]
 * @target: the agent to query
 * @table: the table's OID (e.g. ifTable, 1.3.6.1.2.1.2.2)
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Retrieves a whole table and waits for it: the synchronous form of
 * [method@Gsnmp.Engine.get_table_async]. See [method@Gsnmp.Engine.get] for
 * threads and what waiting costs.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 *
 * Since: 0.1
 */
GsnmpTable *
gsnmp_engine_get_table (GsnmpEngine  *engine,
                        GsnmpTarget  *target,
                        GsnmpOid     *table,
                        GCancellable *cancellable,
                        GError      **error)
{
        TableArgs a = { engine, target, table, };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (engine, target, cancellable, error, NULL);
        g_return_val_if_fail (table != NULL, NULL);

        result = engine_run_sync (engine, start_table, &a, cancellable);
        return gsnmp_engine_get_table_finish (engine, result, error);
}

/**
 * gsnmp_engine_get_table_columns:
 * @engine: a [class@Gsnmp.Engine]
 * @target: the agent to query
 * @columns: (array length=n_columns): the columns' OIDs, all in one table
 * @n_columns: the number of elements in @columns
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Retrieves some columns of a table and waits for them: the synchronous
 * form of [method@Gsnmp.Engine.get_table_columns_async]. See
 * [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 *
 * Since: 0.1
 */
GsnmpTable *
gsnmp_engine_get_table_columns (GsnmpEngine      *engine,
                                GsnmpTarget      *target,
                                GsnmpOid * const *columns,
                                gsize             n_columns,
                                GCancellable     *cancellable,
                                GError          **error)
{
        TableArgs a = { engine, target, NULL, columns, n_columns };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (engine, target, cancellable, error, NULL);
        g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

        result = engine_run_sync (engine, start_table, &a, cancellable);
        return gsnmp_engine_get_table_columns_finish (engine, result, error);
}

/*****************************************************************************/
/* Notifications */

typedef enum {
        NOTIFY_TRAP,
        NOTIFY_INFORM,
        NOTIFY_V1_TRAP,
        NOTIFY_MANY,
} NotifyKind;

typedef struct {
        NotifyKind            kind;
        GsnmpEngine          *engine;
        GsnmpTarget          *target;
        GsnmpTarget * const  *targets;
        gsize                 n_targets;
        GsnmpPduType          type;
        GsnmpOid             *oid;
        GInetAddress         *agent_address;
        gint32                generic_trap;
        gint32                specific_trap;
        gint64                uptime;
        GsnmpVarbind * const *varbinds;
        gsize                 n_varbinds;
} NotifyArgs;

static void
start_notify (gpointer data, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer user_data)
{
        NotifyArgs *a = data;

        switch (a->kind) {
        case NOTIFY_TRAP:
                gsnmp_engine_send_trap_async (a->engine, a->target, a->oid, a->uptime,
                                              a->varbinds, a->n_varbinds, cancellable,
                                              cb, user_data);
                break;
        case NOTIFY_INFORM:
                gsnmp_engine_send_inform_async (a->engine, a->target, a->oid, a->uptime,
                                                a->varbinds, a->n_varbinds, cancellable,
                                                cb, user_data);
                break;
        case NOTIFY_V1_TRAP:
                gsnmp_engine_send_v1_trap_async (a->engine, a->target, a->oid, a->agent_address,
                                                 a->generic_trap, a->specific_trap, a->uptime,
                                                 a->varbinds, a->n_varbinds, cancellable,
                                                 cb, user_data);
                break;
        case NOTIFY_MANY:
                gsnmp_engine_notify_async (a->engine, a->targets, a->n_targets, a->type, a->oid,
                                           a->uptime, a->varbinds, a->n_varbinds, cancellable,
                                           cb, user_data);
                break;
        }
}

/**
 * gsnmp_engine_send_trap:
 * @self: a [class@Gsnmp.Engine]
 * @target: the notification receiver
 * @notification_oid: the notification (snmpTrapOID.0)
 * @uptime: sysUpTime.0 in hundredths of a second, or %GSNMP_UPTIME_ENGINE
 * @varbinds: (array length=n_varbinds) (nullable): further variable bindings
 * @n_varbinds: the number of elements in @varbinds
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Sends an SNMPv2c or SNMPv3 trap and waits until it is sent: the
 * synchronous form of [method@Gsnmp.Engine.send_trap_async]. See
 * [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * Returns: %TRUE once sent, %FALSE with @error set
 *
 * Since: 0.1
 */
gboolean
gsnmp_engine_send_trap (GsnmpEngine          *self,
                        GsnmpTarget          *target,
                        GsnmpOid             *notification_oid,
                        gint64                uptime,
                        GsnmpVarbind * const *varbinds,
                        gsize                 n_varbinds,
                        GCancellable         *cancellable,
                        GError              **error)
{
        NotifyArgs a = { NOTIFY_TRAP, self, target, .oid = notification_oid, .uptime = uptime,
                         .varbinds = varbinds, .n_varbinds = n_varbinds };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (self, target, cancellable, error, FALSE);

        result = engine_run_sync (self, start_notify, &a, cancellable);
        return gsnmp_engine_send_trap_finish (self, result, error);
}

/**
 * gsnmp_engine_send_inform:
 * @self: a [class@Gsnmp.Engine]
 * @target: the notification receiver
 * @notification_oid: the notification (snmpTrapOID.0)
 * @uptime: sysUpTime.0 in hundredths of a second, or %GSNMP_UPTIME_ENGINE
 * @varbinds: (array length=n_varbinds) (nullable): further variable bindings
 * @n_varbinds: the number of elements in @varbinds
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Sends an InformRequest and waits for its acknowledgement: the synchronous
 * form of [method@Gsnmp.Engine.send_inform_async], with the same results.
 * See [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * Returns: (transfer full): the receiver's Response-PDU, or %NULL with
 *   @error set
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_send_inform (GsnmpEngine          *self,
                          GsnmpTarget          *target,
                          GsnmpOid             *notification_oid,
                          gint64                uptime,
                          GsnmpVarbind * const *varbinds,
                          gsize                 n_varbinds,
                          GCancellable         *cancellable,
                          GError              **error)
{
        NotifyArgs a = { NOTIFY_INFORM, self, target, .oid = notification_oid, .uptime = uptime,
                         .varbinds = varbinds, .n_varbinds = n_varbinds };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (self, target, cancellable, error, NULL);

        result = engine_run_sync (self, start_notify, &a, cancellable);
        return gsnmp_engine_send_inform_finish (self, result, error);
}

/**
 * gsnmp_engine_send_v1_trap:
 * @self: a [class@Gsnmp.Engine]
 * @target: the notification receiver (SNMPv1 credentials)
 * @enterprise: the Trap-PDU's enterprise
 * @agent_address: (nullable): the Trap-PDU's agent-addr, or %NULL for 0.0.0.0
 * @generic_trap: the generic-trap number (0 to 6)
 * @specific_trap: the specific-trap number
 * @uptime: the time-stamp in hundredths of a second, or %GSNMP_UPTIME_ENGINE
 * @varbinds: (array length=n_varbinds) (nullable): the variable bindings
 * @n_varbinds: the number of elements in @varbinds
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Sends an SNMPv1 Trap-PDU and waits until it is sent: the synchronous form
 * of [method@Gsnmp.Engine.send_v1_trap_async]. See
 * [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * Returns: %TRUE once sent, %FALSE with @error set
 *
 * Since: 0.1
 */
gboolean
gsnmp_engine_send_v1_trap (GsnmpEngine          *self,
                           GsnmpTarget          *target,
                           GsnmpOid             *enterprise,
                           GInetAddress         *agent_address,
                           gint32                generic_trap,
                           gint32                specific_trap,
                           gint64                uptime,
                           GsnmpVarbind * const *varbinds,
                           gsize                 n_varbinds,
                           GCancellable         *cancellable,
                           GError              **error)
{
        NotifyArgs a = { NOTIFY_V1_TRAP, self, target, .oid = enterprise,
                         .agent_address = agent_address, .generic_trap = generic_trap,
                         .specific_trap = specific_trap, .uptime = uptime,
                         .varbinds = varbinds, .n_varbinds = n_varbinds };
        g_autoptr(GAsyncResult) result = NULL;

        CHECK_SYNC_ARGS (self, target, cancellable, error, FALSE);

        result = engine_run_sync (self, start_notify, &a, cancellable);
        return gsnmp_engine_send_v1_trap_finish (self, result, error);
}

/**
 * gsnmp_engine_notify:
 * @self: a [class@Gsnmp.Engine]
 * @targets: (array length=n_targets): the notification receivers
 * @n_targets: the number of elements in @targets
 * @type: %GSNMP_PDU_TYPE_TRAP_V2 or %GSNMP_PDU_TYPE_INFORM
 * @notification_oid: the notification (snmpTrapOID.0)
 * @uptime: sysUpTime.0 in hundredths of a second, or %GSNMP_UPTIME_ENGINE
 * @varbinds: (array length=n_varbinds) (nullable): further variable bindings
 * @n_varbinds: the number of elements in @varbinds
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Sends a notification to several receivers and waits for every outcome:
 * the synchronous form of [method@Gsnmp.Engine.notify_async]. See
 * [method@Gsnmp.Engine.get] for threads and what waiting costs.
 *
 * Returns: (transfer full): the outcome for each target, or %NULL with
 *   @error set
 *
 * Since: 0.1
 */
GsnmpNotifyResult *
gsnmp_engine_notify (GsnmpEngine          *self,
                     GsnmpTarget * const  *targets,
                     gsize                 n_targets,
                     GsnmpPduType          type,
                     GsnmpOid             *notification_oid,
                     gint64                uptime,
                     GsnmpVarbind * const *varbinds,
                     gsize                 n_varbinds,
                     GCancellable         *cancellable,
                     GError              **error)
{
        NotifyArgs a = { NOTIFY_MANY, self, .targets = targets, .n_targets = n_targets,
                         .type = type, .oid = notification_oid, .uptime = uptime,
                         .varbinds = varbinds, .n_varbinds = n_varbinds };
        g_autoptr(GAsyncResult) result = NULL;

        g_return_val_if_fail (GSNMP_IS_ENGINE (self), NULL);
        g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
        g_return_val_if_fail (error == NULL || *error == NULL, NULL);

        result = engine_run_sync (self, start_notify, &a, cancellable);
        return gsnmp_engine_notify_finish (self, result, error);
}

/**
 * gsnmp_engine_get_main_context:
 * @self: a [class@Gsnmp.Engine]
 *
 * Gets the main context the engine belongs to: the thread-default main
 * context that was current when it was created. Its sockets and timer are
 * attached there, its `_async` methods must be called there and their
 * callbacks run there. Bindings use it to drive the engine from another
 * event loop (the Python overrides run it from asyncio's loop).
 *
 * Returns: (transfer none): the engine's [struct@GLib.MainContext]
 *
 * Since: 0.1
 */
GMainContext *
gsnmp_engine_get_main_context (GsnmpEngine *self)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), NULL);

        return gsnmp_engine_get_context (self);
}
