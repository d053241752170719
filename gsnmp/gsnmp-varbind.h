/* gsnmp-varbind.h - variable bindings: an OID and a typed value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <gio/gio.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-enums.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_VARBIND (gsnmp_varbind_get_type ())
GSNMP_AVAILABLE_IN_ALL
GType            gsnmp_varbind_get_type             (void) G_GNUC_CONST;

GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_null             (GsnmpOid       *oid);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_integer          (GsnmpOid       *oid,
                                                     gint32          value);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_octet_string     (GsnmpOid       *oid,
                                                     const guint8   *data,
                                                     gsize           length);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_string           (GsnmpOid       *oid,
                                                     const char     *value);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_oid              (GsnmpOid       *oid,
                                                     GsnmpOid       *value);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_ip_address       (GsnmpOid       *oid,
                                                     const guint8   *address);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_counter32        (GsnmpOid       *oid,
                                                     guint32         value);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_gauge32          (GsnmpOid       *oid,
                                                     guint32         value);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_timeticks        (GsnmpOid       *oid,
                                                     guint32         value);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_opaque           (GsnmpOid       *oid,
                                                     const guint8   *data,
                                                     gsize           length);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_counter64        (GsnmpOid       *oid,
                                                     guint64         value);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_new_exception        (GsnmpOid       *oid,
                                                     GsnmpValueType  type);

GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_varbind_ref                  (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_varbind_unref                (GsnmpVarbind   *varbind);

GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_varbind_get_oid              (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
GsnmpValueType   gsnmp_varbind_get_value_type       (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_varbind_is_exception         (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
gint32           gsnmp_varbind_get_integer          (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
guint32          gsnmp_varbind_get_unsigned         (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
guint64          gsnmp_varbind_get_counter64        (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_varbind_get_counter64_string (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
const guint8    *gsnmp_varbind_get_octets           (GsnmpVarbind   *varbind,
                                                     gsize          *length);
GSNMP_AVAILABLE_IN_ALL
GBytes          *gsnmp_varbind_get_bytes            (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_varbind_get_string           (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_varbind_get_oid_value        (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
GInetAddress    *gsnmp_varbind_get_ip_address       (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
GVariant        *gsnmp_varbind_get_value            (GsnmpVarbind   *varbind);

GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_varbind_format               (GsnmpVarbind    *varbind,
                                                     GsnmpFormatFlags flags);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_varbind_to_string            (GsnmpVarbind   *varbind);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_varbind_value_to_string      (GsnmpVarbind   *varbind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsnmpVarbind, gsnmp_varbind_unref)

G_END_DECLS
