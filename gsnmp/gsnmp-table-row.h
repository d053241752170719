/* gsnmp-table-row.h - one row of a conceptual table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <glib-object.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-oid.h>
#include <gsnmp/gsnmp-varbind.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_TABLE_ROW (gsnmp_table_row_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpTableRow, gsnmp_table_row, GSNMP, TABLE_ROW, GObject)

GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_table_row_get_index          (GsnmpTableRow *self);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_table_row_get_n_cells        (GsnmpTableRow *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_table_row_get_cell           (GsnmpTableRow *self,
                                                     guint          position);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_table_row_get_cell_by_column (GsnmpTableRow *self,
                                                     guint32        column);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_table_row_get_cell_by_oid    (GsnmpTableRow *self,
                                                     GsnmpOid      *column);

G_END_DECLS
