/* gsnmp-oid-private.h - OID helpers for the library's modules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-oid.h"

G_BEGIN_DECLS

/* Whether @oid is exactly @ids (n_ids sub-identifiers). */
gboolean gsnmp_oid_is (const GsnmpOid *oid,
                       const guint32  *ids,
                       gsize           n_ids);

/* gsnmp_oid_is() against a static array. */
#define GSNMP_OID_IS(oid, ids) gsnmp_oid_is ((oid), (ids), G_N_ELEMENTS (ids))

G_END_DECLS
