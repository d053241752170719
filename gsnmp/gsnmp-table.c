/* gsnmp-table.c - conceptual tables, retrieved with GetBulk
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-table.h"
#include "gsnmp-table-row-private.h"
#include "gsnmp-walk-private.h"
#include "gsnmp-pdu.h"
#include "gsnmp-error.h"
#include "gsnmp-engine-private.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

/**
 * GsnmpTable:
 *
 * A conceptual table (RFC 2578 §7.1.12) as retrieved from an agent: its
 * columns and its rows, in index order.
 *
 * [method@Gsnmp.Engine.get_table_async] retrieves every column of a table,
 * given the OID of the table or of its entry;
 * [method@Gsnmp.Engine.get_table_columns_async] retrieves only the columns
 * it is given. No MIB files are needed: columns are OIDs, and a row's index
 * is the part of its cells' OIDs after the column OID.
 *
 * A table implements [iface@Gio.ListModel], with a [class@Gsnmp.TableRow]
 * per row, so a `GtkColumnView` can show it directly. Agents may leave
 * cells out (holes): such cells are %NULL, and a row exists as soon as one
 * of its cells does, whichever column it is in. A table is a snapshot: it
 * does not change after it was retrieved.
 *
 * ```c
 * g_autoptr(GsnmpTable) table = gsnmp_engine_get_table_finish (engine, result, &error);
 *
 * for (guint i = 0; i < gsnmp_table_get_n_rows (table); i++) {
 *         GsnmpTableRow *row = gsnmp_table_get_row (table, i);
 *         GsnmpVarbind *descr = gsnmp_table_row_get_cell_by_column (row, 2);
 *         ...
 * }
 * ```
 *
 * Since: 0.1
 */

struct _GsnmpTable {
        GObject    parent_instance;

        GPtrArray *columns;   /* (element-type GsnmpOid) */
        GPtrArray *rows;      /* (element-type GsnmpTableRow) */
};

static void gsnmp_table_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GsnmpTable, gsnmp_table, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gsnmp_table_list_model_init))

enum {
        PROP_0,
        PROP_ITEM_TYPE,
        PROP_N_ITEMS,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
gsnmp_table_get_item_type (GListModel *model)
{
        return GSNMP_TYPE_TABLE_ROW;
}

static guint
gsnmp_table_get_n_items (GListModel *model)
{
        return GSNMP_TABLE (model)->rows->len;
}

static gpointer
gsnmp_table_get_item (GListModel *model,
                      guint       position)
{
        GsnmpTable *self = GSNMP_TABLE (model);

        if (position >= self->rows->len)
                return NULL;

        return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
gsnmp_table_list_model_init (GListModelInterface *iface)
{
        iface->get_item_type = gsnmp_table_get_item_type;
        iface->get_n_items = gsnmp_table_get_n_items;
        iface->get_item = gsnmp_table_get_item;
}

static void
gsnmp_table_finalize (GObject *object)
{
        GsnmpTable *self = GSNMP_TABLE (object);

        g_clear_pointer (&self->rows, g_ptr_array_unref);
        g_clear_pointer (&self->columns, g_ptr_array_unref);

        G_OBJECT_CLASS (gsnmp_table_parent_class)->finalize (object);
}

static void
gsnmp_table_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
        GsnmpTable *self = GSNMP_TABLE (object);

        switch (prop_id) {
        case PROP_ITEM_TYPE:
                g_value_set_gtype (value, GSNMP_TYPE_TABLE_ROW);
                break;
        case PROP_N_ITEMS:
                g_value_set_uint (value, self->rows->len);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_table_class_init (GsnmpTableClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->finalize = gsnmp_table_finalize;
        object_class->get_property = gsnmp_table_get_property;

        /**
         * GsnmpTable:item-type:
         *
         * The type of the table's items: [class@Gsnmp.TableRow].
         *
         * Since: 0.1
         */
        properties[PROP_ITEM_TYPE] =
                g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpTable:n-items:
         *
         * The number of rows of the table.
         *
         * Since: 0.1
         */
        properties[PROP_N_ITEMS] =
                g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gsnmp_table_init (GsnmpTable *self)
{
        self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/*****************************************************************************/
/* Accessors */

/**
 * gsnmp_table_get_n_columns:
 * @self: a [class@Gsnmp.Table]
 *
 * Gets the number of columns of the table: those that were asked for, or,
 * for a whole table, those in which the agent returned at least one cell.
 *
 * Returns: the number of columns
 *
 * Since: 0.1
 */
guint
gsnmp_table_get_n_columns (GsnmpTable *self)
{
        g_return_val_if_fail (GSNMP_IS_TABLE (self), 0);

        return self->columns->len;
}

/**
 * gsnmp_table_get_column:
 * @self: a [class@Gsnmp.Table]
 * @position: a column position, less than
 *   [method@Gsnmp.Table.get_n_columns]
 *
 * Gets the OID of the column at @position, such as `1.3.6.1.2.1.2.2.1.2`
 * (ifDescr). Columns are in the order they were asked for, or, for a
 * whole table, in OID order.
 *
 * Returns: (transfer none): the column OID
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_table_get_column (GsnmpTable *self,
                        guint       position)
{
        g_return_val_if_fail (GSNMP_IS_TABLE (self), NULL);
        g_return_val_if_fail (position < self->columns->len, NULL);

        return g_ptr_array_index (self->columns, position);
}

/**
 * gsnmp_table_find_column:
 * @self: a [class@Gsnmp.Table]
 * @column: a column number: the last sub-identifier of a column OID, such
 *   as 2 for ifDescr
 *
 * Finds the position of the column numbered @column.
 *
 * Returns: the position of the first such column, or -1 if there is none
 *
 * Since: 0.1
 */
int
gsnmp_table_find_column (GsnmpTable *self,
                         guint32     column)
{
        guint i;

        g_return_val_if_fail (GSNMP_IS_TABLE (self), -1);

        for (i = 0; i < self->columns->len; i++) {
                GsnmpOid *oid = g_ptr_array_index (self->columns, i);
                gsize length = gsnmp_oid_get_length (oid);

                if (length > 0 && gsnmp_oid_get_id (oid, length - 1) == column)
                        return (int) i;
        }

        return -1;
}

/**
 * gsnmp_table_get_n_rows:
 * @self: a [class@Gsnmp.Table]
 *
 * Gets the number of rows of the table, the same as
 * [method@Gio.ListModel.get_n_items].
 *
 * Returns: the number of rows
 *
 * Since: 0.1
 */
guint
gsnmp_table_get_n_rows (GsnmpTable *self)
{
        g_return_val_if_fail (GSNMP_IS_TABLE (self), 0);

        return self->rows->len;
}

/**
 * gsnmp_table_get_row:
 * @self: a [class@Gsnmp.Table]
 * @position: a row position, less than [method@Gsnmp.Table.get_n_rows]
 *
 * Gets the row at @position; rows are in index order.
 *
 * Returns: (transfer none): the row
 *
 * Since: 0.1
 */
GsnmpTableRow *
gsnmp_table_get_row (GsnmpTable *self,
                     guint       position)
{
        g_return_val_if_fail (GSNMP_IS_TABLE (self), NULL);
        g_return_val_if_fail (position < self->rows->len, NULL);

        return g_ptr_array_index (self->rows, position);
}

/* Compares two sub-identifier arrays in OID order. */
static int
compare_ids (const guint32 *a,
             gsize          a_len,
             const guint32 *b,
             gsize          b_len)
{
        gsize n = MIN (a_len, b_len);
        gsize i;

        for (i = 0; i < n; i++) {
                if (a[i] != b[i])
                        return a[i] < b[i] ? -1 : 1;
        }
        if (a_len == b_len)
                return 0;
        return a_len < b_len ? -1 : 1;
}

/**
 * gsnmp_table_lookup_row:
 * @self: a [class@Gsnmp.Table]
 * @index: a row index, such as `3` for the third interface of ifTable
 *
 * Finds the row with the index @index.
 *
 * Returns: (transfer none) (nullable): the row, or %NULL if there is none
 *
 * Since: 0.1
 */
GsnmpTableRow *
gsnmp_table_lookup_row (GsnmpTable *self,
                        GsnmpOid   *index)
{
        guint lo = 0, hi;

        g_return_val_if_fail (GSNMP_IS_TABLE (self), NULL);
        g_return_val_if_fail (index != NULL, NULL);

        hi = self->rows->len;
        while (lo < hi) {
                guint mid = lo + (hi - lo) / 2;
                GsnmpTableRow *row = g_ptr_array_index (self->rows, mid);
                int cmp = gsnmp_oid_compare (gsnmp_table_row_get_index (row), index);

                if (cmp == 0)
                        return row;
                if (cmp < 0)
                        lo = mid + 1;
                else
                        hi = mid;
        }

        return NULL;
}

/*****************************************************************************/
/* Building a table from columns */

/* One column's cells, sorted by index: varbinds[i]'s OID is the column OID
 * (prefix_len sub-identifiers) followed by the index. */
typedef struct {
        GsnmpVarbind **varbinds;
        guint          n_varbinds;
        gsize          prefix_len;
        guint          head;
} ColumnCells;

static const guint32 *
column_head_index (ColumnCells *col,
                   gsize       *length)
{
        gsize n;
        const guint32 *ids = gsnmp_oid_get_ids (gsnmp_varbind_get_oid (col->varbinds[col->head]), &n);

        *length = n - col->prefix_len;
        return ids + col->prefix_len;
}

/* Merges the columns' cells into rows in index order: a k-way merge, so
 * O(cells × columns) comparisons of indexes. Each column's cells must be in
 * strictly increasing index order. Refs the varbinds it keeps. */
static GsnmpTable *
table_build (GPtrArray   *columns,
             ColumnCells *cells)
{
        GsnmpTable *self = g_object_new (GSNMP_TYPE_TABLE, NULL);
        guint n_columns = columns->len;
        guint c;

        for (c = 0; c < n_columns; c++)
                g_ptr_array_add (self->columns, gsnmp_oid_ref (g_ptr_array_index (columns, c)));

        for (;;) {
                const guint32 *min = NULL;
                gsize min_len = 0;
                GsnmpVarbind **row_cells;
                GsnmpOid *index;

                for (c = 0; c < n_columns; c++) {
                        const guint32 *ids;
                        gsize len;

                        if (cells[c].head >= cells[c].n_varbinds)
                                continue;
                        ids = column_head_index (&cells[c], &len);
                        if (min == NULL || compare_ids (ids, len, min, min_len) < 0) {
                                min = ids;
                                min_len = len;
                        }
                }
                if (min == NULL)
                        break;

                index = gsnmp_oid_new (min, min_len);
                row_cells = g_new0 (GsnmpVarbind *, MAX (n_columns, 1));
                for (c = 0; c < n_columns; c++) {
                        const guint32 *ids;
                        gsize len;

                        if (cells[c].head >= cells[c].n_varbinds)
                                continue;
                        ids = column_head_index (&cells[c], &len);
                        if (len == min_len && memcmp (ids, min, len * sizeof (guint32)) == 0) {
                                row_cells[c] = gsnmp_varbind_ref (cells[c].varbinds[cells[c].head]);
                                cells[c].head++;
                        }
                }
                g_ptr_array_add (self->rows, gsnmp_table_row_new_take (index, self->columns, row_cells));
        }

        return self;
}

/*****************************************************************************/
/* Whole tables, walked */

/* Decides where the columns start below @table, the OID given to
 * get_table_async(): @table itself if it is the entry, @table.1 if it is the
 * table. A table's only child is its entry, numbered 1 (RFC 2578 §7.10), so
 * @table is taken as the table when every object below it is below
 * @table.1 and leaves room for a column number and a non-empty index. */
static gsize
find_entry_length (GsnmpOid  *table,
                   GPtrArray *varbinds)
{
        gsize table_len = gsnmp_oid_get_length (table);
        guint i;

        if (varbinds->len == 0)
                return table_len;

        for (i = 0; i < varbinds->len; i++) {
                GsnmpOid *oid = gsnmp_varbind_get_oid (g_ptr_array_index (varbinds, i));

                if (gsnmp_oid_get_length (oid) < table_len + 3 ||
                    gsnmp_oid_get_id (oid, table_len) != 1)
                        return table_len;
        }

        return table_len + 1;
}

static GsnmpTable *
table_build_from_walk (GsnmpOid  *table,
                       GPtrArray *varbinds)
{
        g_autoptr(GPtrArray) columns = NULL;
        g_autoptr(GArray) cells = NULL;
        gsize entry_len = find_entry_length (table, varbinds);
        gboolean new_run = TRUE;
        guint i;

        columns = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        cells = g_array_new (FALSE, TRUE, sizeof (ColumnCells));

        /* The walk returned strictly increasing OIDs, so each column's cells
         * form one run, in index order. */
        for (i = 0; i < varbinds->len; i++) {
                GsnmpOid *oid = gsnmp_varbind_get_oid (g_ptr_array_index (varbinds, i));
                const guint32 *ids;
                gsize len;
                ColumnCells *col;

                ids = gsnmp_oid_get_ids (oid, &len);
                if (len < entry_len + 2) {
                        /* no index: not a table cell */
                        g_debug ("table: ignoring %u sub-identifier OID below the table",
                                 (guint) len);
                        new_run = TRUE;
                        continue;
                }

                col = cells->len > 0 ? &g_array_index (cells, ColumnCells, cells->len - 1) : NULL;
                if (new_run || ids[entry_len] != gsnmp_oid_get_id (g_ptr_array_index (columns, cells->len - 1), entry_len)) {
                        ColumnCells new_col = { 0, };

                        new_col.varbinds = (GsnmpVarbind **) &varbinds->pdata[i];
                        new_col.prefix_len = entry_len + 1;
                        g_array_append_val (cells, new_col);
                        g_ptr_array_add (columns, gsnmp_oid_new (ids, entry_len + 1));
                        col = &g_array_index (cells, ColumnCells, cells->len - 1);
                        new_run = FALSE;
                }
                col->n_varbinds++;
        }

        return table_build (columns, (ColumnCells *) (void *) cells->data);
}

/* A table cut short by a limit would look complete: an error instead. */
static GPtrArray *
table_walk_finish (GsnmpWalk     *walk,
                   GAsyncResult  *result,
                   GError       **error)
{
        g_autoptr(GPtrArray) varbinds = gsnmp_walk_all_finish (walk, result, error);

        if (varbinds == NULL)
                return NULL;
        switch (gsnmp_walk_get_status (walk)) {
        case GSNMP_WALK_STATUS_MAX_VARBINDS:
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_LIMIT_REACHED,
                             _("The table has more than %u cells"),
                             gsnmp_walk_get_max_varbinds (walk));
                return NULL;
        case GSNMP_WALK_STATUS_MAX_REQUESTS:
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_LIMIT_REACHED,
                             _("The table did not end within %u requests"),
                             gsnmp_walk_get_max_requests (walk));
                return NULL;
        case GSNMP_WALK_STATUS_RUNNING:
        case GSNMP_WALK_STATUS_END_OF_SUBTREE:
        case GSNMP_WALK_STATUS_END_OF_MIB_VIEW:
        case GSNMP_WALK_STATUS_FAILED:
        default:
                return g_steal_pointer (&varbinds);
        }
}

static void
on_table_walked (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
        g_autoptr(GTask) task = user_data;
        g_autoptr(GPtrArray) varbinds = NULL;
        GError *error = NULL;
        GsnmpWalk *walk = GSNMP_WALK (source);

        varbinds = table_walk_finish (walk, result, &error);
        if (varbinds == NULL) {
                g_task_return_error (task, error);
                return;
        }

        g_task_return_pointer (task, table_build_from_walk (gsnmp_walk_get_root (walk), varbinds),
                               g_object_unref);
}

/**
 * gsnmp_engine_get_table_async:
 * @engine: a [class@Gsnmp.Engine]
 * @target: the agent to ask
 * @table: the OID of a table, such as `1.3.6.1.2.1.2.2` (ifTable), or of
 *   its entry (`1.3.6.1.2.1.2.2.1`, ifEntry)
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the table has
 *   been retrieved
 * @user_data: data for @callback
 *
 * Retrieves every column of a conceptual table by walking it with
 * GetBulkRequests (GetNextRequests for SNMPv1), with the target's
 * [property@Gsnmp.Target:max-repetitions]. Call
 * [method@Gsnmp.Engine.get_table_finish] from @callback.
 *
 * The table's columns are those with at least one cell. Without MIB files
 * the table and entry OIDs are told apart by the shape of what lies below
 * them: when every object lies below @table.1, @table is taken as the
 * table (a table's only child is its entry, 1). Only a table whose entry
 * has a single column numbered 1 is taken for its own table by this rule:
 * pass the table OID for such a table, or use
 * [method@Gsnmp.Engine.get_table_columns_async].
 *
 * An agent whose table never ends would otherwise take all the memory
 * there is: the retrieval stops with %GSNMP_ERROR_LIMIT_REACHED after
 * %GSNMP_TABLE_DEFAULT_MAX_CELLS cells. To choose the limits (and every
 * other option of a walk), use [method@Gsnmp.Walk.get_table_async].
 *
 * Since: 0.1
 */
void
gsnmp_engine_get_table_async (GsnmpEngine         *engine,
                              GsnmpTarget         *target,
                              GsnmpOid            *table,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        GTask *task;

        g_return_if_fail (GSNMP_IS_ENGINE (engine));
        g_return_if_fail (GSNMP_IS_TARGET (target));
        g_return_if_fail (table != NULL);
        g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
        g_return_if_fail (gsnmp_engine_in_context (engine));

        task = g_task_new (engine, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_engine_get_table_async);
        g_task_set_name (task, "[gsnmp] get-table");

        walk = gsnmp_walk_new (engine, target, table);
        gsnmp_walk_set_max_varbinds (walk, GSNMP_TABLE_DEFAULT_MAX_CELLS);
        gsnmp_walk_set_root_fallback (walk, FALSE);
        gsnmp_walk_all_async (walk, cancellable, on_table_walked, task);
}

/**
 * gsnmp_walk_get_table_async:
 * @self: a [class@Gsnmp.Walk] made by [ctor@Gsnmp.Walk.new] whose root is a
 *   table or its entry, and that has not started
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the table has
 *   been retrieved
 * @user_data: data for @callback
 *
 * Retrieves the table at the root of @self as
 * [method@Gsnmp.Engine.get_table_async] does, with the options of @self:
 * [property@Gsnmp.Walk:max-varbinds] (the most cells),
 * [property@Gsnmp.Walk:max-requests], [property@Gsnmp.Walk:max-repetitions]
 * and the others. When a limit stops the walk before the end of the table,
 * the call fails with %GSNMP_ERROR_LIMIT_REACHED rather than return part of
 * the table. Call [method@Gsnmp.Walk.get_table_finish] from @callback.
 *
 * Since: 0.1
 */
void
gsnmp_walk_get_table_async (GsnmpWalk           *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
        GTask *task;

        g_return_if_fail (GSNMP_IS_WALK (self));
        g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

        task = g_task_new (self, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_walk_get_table_async);
        g_task_set_name (task, "[gsnmp] walk-get-table");

        gsnmp_walk_set_root_fallback (self, FALSE);
        gsnmp_walk_all_async (self, cancellable, on_table_walked, task);
}

/**
 * gsnmp_walk_get_table_finish:
 * @self: a [class@Gsnmp.Walk]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Walk.get_table_async]. The errors are those of
 * [method@Gsnmp.Walk.next_finish] and %GSNMP_ERROR_LIMIT_REACHED.
 *
 * Returns: (transfer full): the table, or %NULL on error
 *
 * Since: 0.1
 */
GsnmpTable *
gsnmp_walk_get_table_finish (GsnmpWalk     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
        g_return_val_if_fail (GSNMP_IS_WALK (self), NULL);
        g_return_val_if_fail (g_task_is_valid (result, self), NULL);
        g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gsnmp_walk_get_table_async, NULL);

        return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * gsnmp_engine_get_table_finish:
 * @engine: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.get_table_async]. The errors are those of
 * [method@Gsnmp.Walk.next_finish].
 *
 * Returns: (transfer full): the table, or %NULL on error
 *
 * Since: 0.1
 */
GsnmpTable *
gsnmp_engine_get_table_finish (GsnmpEngine   *engine,
                               GAsyncResult  *result,
                               GError       **error)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (engine), NULL);
        g_return_val_if_fail (g_task_is_valid (result, engine), NULL);
        g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gsnmp_engine_get_table_async, NULL);

        return g_task_propagate_pointer (G_TASK (result), error);
}

/*****************************************************************************/
/* Chosen columns, side by side */

/* The column fetch is a walk of the columns side by side
 * (gsnmp_walk_new_columns()); its varbinds come back interleaved and are
 * sorted into the columns here. */
static void
on_columns_walked (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
        g_autoptr(GTask) task = user_data;
        GPtrArray *columns = g_task_get_task_data (task);
        g_autoptr(GPtrArray) varbinds = NULL;
        g_autofree GPtrArray **by_column = NULL;
        g_autofree ColumnCells *cells = NULL;
        GError *error = NULL;
        guint n = columns->len, c, i;

        varbinds = table_walk_finish (GSNMP_WALK (source), result, &error);
        if (varbinds == NULL) {
                g_task_return_error (task, error);
                return;
        }

        by_column = g_new0 (GPtrArray *, n);
        cells = g_new0 (ColumnCells, n);
        for (c = 0; c < n; c++)
                by_column[c] = g_ptr_array_new ();
        for (i = 0; i < varbinds->len; i++) {
                GsnmpOid *oid = gsnmp_varbind_get_oid (varbinds->pdata[i]);
                guint best = n, best_len = 0;

                /* the longest column OID that is a prefix: columns may nest */
                for (c = 0; c < n; c++) {
                        GsnmpOid *column = g_ptr_array_index (columns, c);
                        guint len = gsnmp_oid_get_length (column);

                        if (len >= best_len && gsnmp_oid_has_prefix (oid, column)) {
                                best = c;
                                best_len = len;
                        }
                }
                if (best < n)
                        g_ptr_array_add (by_column[best], varbinds->pdata[i]);
        }
        for (c = 0; c < n; c++) {
                cells[c].varbinds = (GsnmpVarbind **) by_column[c]->pdata;
                cells[c].n_varbinds = by_column[c]->len;
                cells[c].prefix_len = gsnmp_oid_get_length (g_ptr_array_index (columns, c));
        }

        g_task_return_pointer (task, table_build (columns, cells), g_object_unref);
        for (c = 0; c < n; c++)
                g_ptr_array_unref (by_column[c]);
}

/**
 * gsnmp_engine_get_table_columns_async:
 * @engine: a [class@Gsnmp.Engine]
 * @target: the agent to ask
 * @columns: (array length=n_columns): the OIDs of the columns to retrieve,
 *   such as `1.3.6.1.2.1.2.2.1.2` (ifDescr) and `1.3.6.1.2.1.2.2.1.10`
 *   (ifInOctets)
 * @n_columns: the number of elements in @columns, at least 1
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the columns
 *   have been retrieved
 * @user_data: data for @callback
 *
 * Retrieves some columns of a conceptual table side by side: each
 * GetBulkRequest (GetNextRequest for SNMPv1) asks for the next cells of
 * every column that has not ended yet, with the target's
 * [property@Gsnmp.Target:max-repetitions]. A column ends where the agent
 * returns an OID outside it; columns may end at different rows and have
 * holes. Call [method@Gsnmp.Engine.get_table_columns_finish] from
 * @callback.
 *
 * The table's columns are @columns, in that order, even those without any
 * cell.
 *
 * Since: 0.1
 */
void
gsnmp_engine_get_table_columns_async (GsnmpEngine         *engine,
                                      GsnmpTarget         *target,
                                      GsnmpOid * const    *columns,
                                      gsize                n_columns,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        GPtrArray *cols;
        GTask *task;
        gsize c;

        g_return_if_fail (GSNMP_IS_ENGINE (engine));
        g_return_if_fail (GSNMP_IS_TARGET (target));
        g_return_if_fail (columns != NULL && n_columns > 0);
        g_return_if_fail (n_columns <= G_MAXINT32);
        g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
        g_return_if_fail (gsnmp_engine_in_context (engine));

        task = g_task_new (engine, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_engine_get_table_columns_async);
        g_task_set_name (task, "[gsnmp] get-table-columns");

        cols = g_ptr_array_new_full (n_columns, (GDestroyNotify) gsnmp_oid_unref);
        for (c = 0; c < n_columns; c++)
                g_ptr_array_add (cols, gsnmp_oid_ref (columns[c]));
        g_task_set_task_data (task, cols, (GDestroyNotify) g_ptr_array_unref);

        walk = gsnmp_walk_new_columns (engine, target, columns, (guint) n_columns);
        gsnmp_walk_set_max_varbinds (walk, GSNMP_TABLE_DEFAULT_MAX_CELLS);
        gsnmp_walk_set_root_fallback (walk, FALSE);
        gsnmp_walk_all_async (walk, cancellable, on_columns_walked, task);
}

/**
 * gsnmp_engine_get_table_columns_finish:
 * @engine: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.get_table_columns_async]. Besides the
 * errors of [method@Gsnmp.Engine.get_bulk_finish], this fails with
 * %GSNMP_ERROR_OID_NOT_INCREASING when the agent returned a column's OIDs
 * out of order, and with a %GSNMP_PDU_ERROR when it answered with an
 * error-status.
 *
 * Returns: (transfer full): the table, or %NULL on error
 *
 * Since: 0.1
 */
GsnmpTable *
gsnmp_engine_get_table_columns_finish (GsnmpEngine   *engine,
                                       GAsyncResult  *result,
                                       GError       **error)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (engine), NULL);
        g_return_val_if_fail (g_task_is_valid (result, engine), NULL);
        g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gsnmp_engine_get_table_columns_async, NULL);

        return g_task_propagate_pointer (G_TASK (result), error);
}
