/* gsnmp-provider.h - the base class of what an agent serves
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
#include <gsnmp/gsnmp-provider-request.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_PROVIDER (gsnmp_provider_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GsnmpProvider, gsnmp_provider, GSNMP, PROVIDER, GObject)

/**
 * GsnmpProviderClass:
 * @parent_class: the parent class
 * @handle: answers a [class@Gsnmp.ProviderRequest], now or later, by
 *   calling [method@Gsnmp.ProviderRequest.complete]
 *
 * The class of [class@Gsnmp.Provider]. Subclasses override @handle
 * (`do_handle` in Python, `vfunc_handle` in JavaScript).
 *
 * Since: 0.1
 */
struct _GsnmpProviderClass {
        GObjectClass parent_class;

        void (*handle) (GsnmpProvider        *self,
                        GsnmpProviderRequest *request);

        /*< private >*/
        gpointer padding[8];
};

GSNMP_AVAILABLE_IN_ALL
GsnmpOid *gsnmp_provider_get_root (GsnmpProvider        *self);
GSNMP_AVAILABLE_IN_ALL
void      gsnmp_provider_handle   (GsnmpProvider        *self,
                                   GsnmpProviderRequest *request);

G_END_DECLS
