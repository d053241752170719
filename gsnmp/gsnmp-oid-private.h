/* gsnmp-oid-private.h - OID helpers for the library's modules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-oid.h"

G_BEGIN_DECLS

/* The first OID after the whole subtree rooted at @prefix: @prefix with its
 * last sub-identifier plus one (carrying into the parent when it is
 * 4294967295).  NULL when no OID follows the subtree (the empty OID, or
 * only 4294967295s): read NULL as "infinity". */
GsnmpOid *gsnmp_oid_subtree_end  (const GsnmpOid *prefix);

/* The greatest OID of at most GSNMP_OID_MAX_LENGTH sub-identifiers that is
 * smaller than @oid, so that "the first OID > result" is "the first OID
 * >= @oid": GETNEXT asked from the result starts exactly at @oid.  NULL
 * for the empty OID, which has no predecessor. */
GsnmpOid *gsnmp_oid_predecessor  (const GsnmpOid *oid);

/* Whether @oid is exactly @ids (n_ids sub-identifiers). */
gboolean gsnmp_oid_is (const GsnmpOid *oid,
                       const guint32  *ids,
                       gsize           n_ids);

/* gsnmp_oid_is() against a static array. */
#define GSNMP_OID_IS(oid, ids) gsnmp_oid_is ((oid), (ids), G_N_ELEMENTS (ids))

/* An embedded OID lives inside another object's allocation (a decoded
 * varbind's name, gsnmp-varbind.c): its reference count stays 0, and
 * gsnmp_oid_ref()/_unref() on it take and drop a reference to that
 * object instead, so it lives exactly as long as its owner.
 * _embedded_size: the bytes it needs (a multiple of 4);
 * _init_embedded: writes it at @mem (4-byte aligned) and returns it. */
gsize     gsnmp_oid_embedded_size (gsize          n_ids);
GsnmpOid *gsnmp_oid_init_embedded (gpointer       mem,
                                   const guint32 *ids,
                                   gsize          n_ids);

G_END_DECLS
