/* gsnmp-table-row.c - one row of a conceptual table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-table-row-private.h"
#include "gsnmp-i18n-private.h"

/**
 * GsnmpTableRow:
 *
 * One row of a [class@Gsnmp.Table]: its index and its cells.
 *
 * The index is the part of a cell's OID after the column OID: for
 * `ifDescr.3` (`1.3.6.1.2.1.2.2.1.2.3`) it is `3`, for an entry of
 * ipNetToMediaTable it is the interface number followed by the four
 * numbers of an IPv4 address. A cell is the [struct@Gsnmp.Varbind] the
 * agent returned for one column of the row, or %NULL where the agent has
 * no value (a hole).
 *
 * Cells can be looked up by their position among the table's columns
 * ([method@Gsnmp.Table.get_column]), by column number (the last
 * sub-identifier of the column OID, such as 2 for ifDescr), or by column
 * OID. Rows are immutable.
 *
 * Since: 0.1
 */

struct _GsnmpTableRow {
        GObject        parent_instance;

        GsnmpOid      *index;
        GPtrArray     *columns;   /* (element-type GsnmpOid): the table's */
        GsnmpVarbind **cells;     /* columns->len elements, NULL for holes */
};

G_DEFINE_FINAL_TYPE (GsnmpTableRow, gsnmp_table_row, G_TYPE_OBJECT)

enum {
        PROP_0,
        PROP_INDEX,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gsnmp_table_row_finalize (GObject *object)
{
        GsnmpTableRow *self = GSNMP_TABLE_ROW (object);
        guint i;

        if (self->cells != NULL) {
                for (i = 0; i < self->columns->len; i++)
                        g_clear_pointer (&self->cells[i], gsnmp_varbind_unref);
                g_free (self->cells);
        }
        g_clear_pointer (&self->columns, g_ptr_array_unref);
        g_clear_pointer (&self->index, gsnmp_oid_unref);

        G_OBJECT_CLASS (gsnmp_table_row_parent_class)->finalize (object);
}

static void
gsnmp_table_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
        GsnmpTableRow *self = GSNMP_TABLE_ROW (object);

        switch (prop_id) {
        case PROP_INDEX:
                g_value_set_boxed (value, self->index);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_table_row_class_init (GsnmpTableRowClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->finalize = gsnmp_table_row_finalize;
        object_class->get_property = gsnmp_table_row_get_property;

        /**
         * GsnmpTableRow:index: (getter get_index)
         *
         * The row's index: the sub-identifiers after the column OID.
         *
         * Since: 0.1
         */
        properties[PROP_INDEX] =
                g_param_spec_boxed ("index", NULL, NULL,
                                    GSNMP_TYPE_OID,
                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gsnmp_table_row_init (GsnmpTableRow *self)
{
}

GsnmpTableRow *
gsnmp_table_row_new_take (GsnmpOid      *index,
                          GPtrArray     *columns,
                          GsnmpVarbind **cells)
{
        GsnmpTableRow *self = g_object_new (GSNMP_TYPE_TABLE_ROW, NULL);

        self->index = index;
        self->columns = g_ptr_array_ref (columns);
        self->cells = cells;

        return self;
}

/**
 * gsnmp_table_row_get_index: (get-property index)
 * @self: a [class@Gsnmp.TableRow]
 *
 * Gets the row's index: the sub-identifiers of a cell's OID after its
 * column OID.
 *
 * Returns: (transfer none): the index
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_table_row_get_index (GsnmpTableRow *self)
{
        g_return_val_if_fail (GSNMP_IS_TABLE_ROW (self), NULL);

        return self->index;
}

/**
 * gsnmp_table_row_get_n_cells:
 * @self: a [class@Gsnmp.TableRow]
 *
 * Gets the number of cells of the row, holes included: the number of
 * columns of its table.
 *
 * Returns: the number of cells
 *
 * Since: 0.1
 */
guint
gsnmp_table_row_get_n_cells (GsnmpTableRow *self)
{
        g_return_val_if_fail (GSNMP_IS_TABLE_ROW (self), 0);

        return self->columns->len;
}

/**
 * gsnmp_table_row_get_cell:
 * @self: a [class@Gsnmp.TableRow]
 * @position: the position of the column, as in
 *   [method@Gsnmp.Table.get_column]
 *
 * Gets the cell of the row in the column at @position.
 *
 * Returns: (transfer none) (nullable): the cell, or %NULL if the agent has
 *   no value there
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_table_row_get_cell (GsnmpTableRow *self,
                          guint          position)
{
        g_return_val_if_fail (GSNMP_IS_TABLE_ROW (self), NULL);
        g_return_val_if_fail (position < self->columns->len, NULL);

        return self->cells[position];
}

/**
 * gsnmp_table_row_get_cell_by_column:
 * @self: a [class@Gsnmp.TableRow]
 * @column: a column number: the last sub-identifier of a column OID, such
 *   as 2 for ifDescr (`1.3.6.1.2.1.2.2.1.2`)
 *
 * Gets the cell of the row in the column numbered @column.
 *
 * Returns: (transfer none) (nullable): the cell, or %NULL if the table has
 *   no such column or the agent has no value there
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_table_row_get_cell_by_column (GsnmpTableRow *self,
                                    guint32        column)
{
        guint i;

        g_return_val_if_fail (GSNMP_IS_TABLE_ROW (self), NULL);

        for (i = 0; i < self->columns->len; i++) {
                GsnmpOid *oid = g_ptr_array_index (self->columns, i);
                gsize length = gsnmp_oid_get_length (oid);

                if (length > 0 && gsnmp_oid_get_id (oid, length - 1) == column)
                        return self->cells[i];
        }

        return NULL;
}

/**
 * gsnmp_table_row_get_cell_by_oid:
 * @self: a [class@Gsnmp.TableRow]
 * @column: a column OID, such as `1.3.6.1.2.1.2.2.1.2` (ifDescr)
 *
 * Gets the cell of the row in the column @column.
 *
 * Returns: (transfer none) (nullable): the cell, or %NULL if the table has
 *   no such column or the agent has no value there
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_table_row_get_cell_by_oid (GsnmpTableRow *self,
                                 GsnmpOid      *column)
{
        guint i;

        g_return_val_if_fail (GSNMP_IS_TABLE_ROW (self), NULL);
        g_return_val_if_fail (column != NULL, NULL);

        for (i = 0; i < self->columns->len; i++) {
                if (gsnmp_oid_equal (g_ptr_array_index (self->columns, i), column))
                        return self->cells[i];
        }

        return NULL;
}
