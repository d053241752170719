/* gsnmp-view.h - MIB views: which subtrees an agent shows to whom
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
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_VIEW (gsnmp_view_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpView, gsnmp_view, GSNMP, VIEW, GObject)

GSNMP_AVAILABLE_IN_ALL
GsnmpView *gsnmp_view_new             (void);
GSNMP_AVAILABLE_IN_ALL
GsnmpView *gsnmp_view_new_all         (void);
GSNMP_AVAILABLE_IN_ALL
void       gsnmp_view_include_subtree (GsnmpView      *self,
                                       GsnmpOid       *subtree);
GSNMP_AVAILABLE_IN_ALL
void       gsnmp_view_exclude_subtree (GsnmpView      *self,
                                       GsnmpOid       *subtree);
GSNMP_AVAILABLE_IN_ALL
gboolean   gsnmp_view_contains        (GsnmpView      *self,
                                       const GsnmpOid *oid);

G_END_DECLS
