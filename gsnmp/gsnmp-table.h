/* gsnmp-table.h - conceptual tables, retrieved with GetBulk
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <gio/gio.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-oid.h>
#include <gsnmp/gsnmp-target.h>
#include <gsnmp/gsnmp-engine.h>
#include <gsnmp/gsnmp-table-row.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

/**
 * GSNMP_TABLE_DEFAULT_MAX_CELLS:
 *
 * The most cells [method@Gsnmp.Engine.get_table_async] and
 * [method@Gsnmp.Engine.get_table_columns_async] retrieve before they fail
 * with %GSNMP_ERROR_LIMIT_REACHED: an agent whose table never ends must not
 * take all the memory there is.
 *
 * Since: 0.1
 */
#define GSNMP_TABLE_DEFAULT_MAX_CELLS 1000000

#define GSNMP_TYPE_TABLE (gsnmp_table_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpTable, gsnmp_table, GSNMP, TABLE, GObject)

GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_table_get_n_columns             (GsnmpTable           *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_table_get_column                (GsnmpTable           *self,
                                                        guint                 position);
GSNMP_AVAILABLE_IN_ALL
int              gsnmp_table_find_column               (GsnmpTable           *self,
                                                        guint32               column);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_table_get_n_rows                (GsnmpTable           *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpTableRow   *gsnmp_table_get_row                   (GsnmpTable           *self,
                                                        guint                 position);
GSNMP_AVAILABLE_IN_ALL
GsnmpTableRow   *gsnmp_table_lookup_row                (GsnmpTable           *self,
                                                        GsnmpOid             *index);

GSNMP_AVAILABLE_IN_ALL
void             gsnmp_engine_get_table_async          (GsnmpEngine          *engine,
                                                        GsnmpTarget          *target,
                                                        GsnmpOid             *table,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GsnmpTable      *gsnmp_engine_get_table_finish         (GsnmpEngine          *engine,
                                                        GAsyncResult         *result,
                                                        GError              **error);

GSNMP_AVAILABLE_IN_ALL
void             gsnmp_engine_get_table_columns_async  (GsnmpEngine          *engine,
                                                        GsnmpTarget          *target,
                                                        GsnmpOid * const     *columns,
                                                        gsize                 n_columns,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GsnmpTable      *gsnmp_engine_get_table_columns_finish (GsnmpEngine          *engine,
                                                        GAsyncResult         *result,
                                                        GError              **error);

GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_get_table_async            (GsnmpWalk            *self,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GsnmpTable      *gsnmp_walk_get_table_finish           (GsnmpWalk            *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

GSNMP_AVAILABLE_IN_ALL
GsnmpTable      *gsnmp_engine_get_table                (GsnmpEngine          *engine,
                                                        GsnmpTarget          *target,
                                                        GsnmpOid             *table,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpTable      *gsnmp_engine_get_table_columns        (GsnmpEngine          *engine,
                                                        GsnmpTarget          *target,
                                                        GsnmpOid * const     *columns,
                                                        gsize                 n_columns,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpTable      *gsnmp_walk_get_table                  (GsnmpWalk            *self,
                                                        GCancellable         *cancellable,
                                                        GError              **error);

G_END_DECLS
