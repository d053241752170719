/* gsnmp-store-provider.h - a provider of values kept in memory
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
#include <gsnmp/gsnmp-provider.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_STORE_PROVIDER (gsnmp_store_provider_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpStoreProvider, gsnmp_store_provider, GSNMP, STORE_PROVIDER, GsnmpProvider)

GSNMP_AVAILABLE_IN_ALL
GsnmpStoreProvider *gsnmp_store_provider_new               (GsnmpOid           *root);
GSNMP_AVAILABLE_IN_ALL
GsnmpStoreProvider *gsnmp_store_provider_new_from_snmprec  (const char         *path,
                                                            GError            **error);
GSNMP_AVAILABLE_IN_ALL
gboolean            gsnmp_store_provider_load_snmprec      (GsnmpStoreProvider *self,
                                                            const char         *data,
                                                            gssize              length,
                                                            GError            **error);
GSNMP_AVAILABLE_IN_ALL
void                gsnmp_store_provider_set               (GsnmpStoreProvider *self,
                                                            GsnmpVarbind       *value);
GSNMP_AVAILABLE_IN_ALL
gboolean            gsnmp_store_provider_remove            (GsnmpStoreProvider *self,
                                                            GsnmpOid           *oid);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind       *gsnmp_store_provider_lookup            (GsnmpStoreProvider *self,
                                                            GsnmpOid           *oid);
GSNMP_AVAILABLE_IN_ALL
guint               gsnmp_store_provider_get_n_values      (GsnmpStoreProvider *self);
GSNMP_AVAILABLE_IN_ALL
void                gsnmp_store_provider_set_writable      (GsnmpStoreProvider *self,
                                                            GsnmpOid           *subtree,
                                                            GsnmpValueType      type,
                                                            gboolean            creatable);

G_END_DECLS
