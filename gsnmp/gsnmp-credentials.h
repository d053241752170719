/* gsnmp-credentials.h - the abstract base of SNMP credentials
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <glib-object.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-enums.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_CREDENTIALS (gsnmp_credentials_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GsnmpCredentials, gsnmp_credentials, GSNMP, CREDENTIALS, GObject)

/**
 * GsnmpCredentialsClass:
 * @parent_class: the parent class
 *
 * The class of [class@Gsnmp.Credentials]. Only gsnmp itself subclasses it.
 *
 * Since: 0.1
 */
struct _GsnmpCredentialsClass {
        GObjectClass parent_class;

        /*< private >*/
        gpointer padding[8];
};

GSNMP_AVAILABLE_IN_ALL
GsnmpProtocolVersion gsnmp_credentials_get_version (GsnmpCredentials *self);

G_END_DECLS
