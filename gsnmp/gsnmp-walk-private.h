/* gsnmp-walk-private.h - walks of several columns side by side
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-walk.h"

G_BEGIN_DECLS

/* A walk that follows @columns (at least one) side by side: each request
 * carries the last OID of every column that has not ended yet, so a
 * GetBulk response holds up to max-repetitions rows (RFC 3416 §4.2.3); a
 * column ends where the agent returns an OID outside it (or an exception,
 * or SNMPv1 noSuchName at its position), the walk when every column has.
 * The batches hold the columns' varbinds interleaved; every option of a
 * walk applies (max-requests, allow-non-increasing, …), except the root
 * fallback. The table's column fetch is built on this. */
GsnmpWalk *gsnmp_walk_new_columns (GsnmpEngine      *engine,
                                   GsnmpTarget      *target,
                                   GsnmpOid * const *columns,
                                   guint             n_columns);

G_END_DECLS
