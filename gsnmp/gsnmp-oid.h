/* gsnmp-oid.h - object identifiers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <glib-object.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

/**
 * GSNMP_OID_MAX_LENGTH:
 *
 * The largest number of sub-identifiers an OID may have (RFC 2578 §7.1.3).
 *
 * Since: 0.1
 */
#define GSNMP_OID_MAX_LENGTH 128

#define GSNMP_TYPE_OID (gsnmp_oid_get_type ())
GSNMP_AVAILABLE_IN_ALL
GType            gsnmp_oid_get_type        (void) G_GNUC_CONST;

GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_oid_new             (const guint32  *ids,
                                            gsize           n_ids);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_oid_new_from_string (const char     *str,
                                            GError        **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_oid_new_from_name   (const char     *module,
                                            const char     *name,
                                            const guint32  *index,
                                            gsize           n_index,
                                            GError        **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_oid_new_child       (const GsnmpOid *prefix,
                                            const guint32  *ids,
                                            gsize           n_ids);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_oid_ref             (GsnmpOid       *oid);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_oid_unref           (GsnmpOid       *oid);

GSNMP_AVAILABLE_IN_ALL
const guint32   *gsnmp_oid_get_ids         (const GsnmpOid *oid,
                                            gsize          *n_ids);
GSNMP_AVAILABLE_IN_ALL
gsize            gsnmp_oid_get_length      (const GsnmpOid *oid);
GSNMP_AVAILABLE_IN_ALL
guint32          gsnmp_oid_get_id          (const GsnmpOid *oid,
                                            gsize           index);

GSNMP_AVAILABLE_IN_ALL
int              gsnmp_oid_compare         (const GsnmpOid *a,
                                            const GsnmpOid *b);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_oid_equal           (const GsnmpOid *a,
                                            const GsnmpOid *b);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_oid_hash            (const GsnmpOid *oid);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_oid_has_prefix      (const GsnmpOid *oid,
                                            const GsnmpOid *prefix);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_oid_to_string       (const GsnmpOid *oid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsnmpOid, gsnmp_oid_unref)

G_END_DECLS
