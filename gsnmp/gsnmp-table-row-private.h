/* gsnmp-table-row-private.h - building table rows
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-table-row.h"

G_BEGIN_DECLS

/* Takes ownership of @index and of @cells, an array of @columns->len
 * varbinds (NULL for holes) allocated with g_new(); refs @columns, the
 * table's column OIDs (element-type GsnmpOid). */
GsnmpTableRow *gsnmp_table_row_new_take (GsnmpOid      *index,
                                         GPtrArray     *columns,
                                         GsnmpVarbind **cells);

G_END_DECLS
