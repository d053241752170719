/* gsnmp-community.h - SNMPv1 and SNMPv2c community credentials
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <glib-object.h>
#include <gsnmp/gsnmp-credentials.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_COMMUNITY (gsnmp_community_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpCommunity, gsnmp_community, GSNMP, COMMUNITY, GsnmpCredentials)

GSNMP_AVAILABLE_IN_ALL
GsnmpCommunity  *gsnmp_community_new            (GsnmpProtocolVersion  version,
                                                 const char           *community);
GSNMP_AVAILABLE_IN_ALL
GsnmpCommunity  *gsnmp_community_new_from_bytes (GsnmpProtocolVersion  version,
                                                 GBytes               *community);
GSNMP_AVAILABLE_IN_ALL
const char      *gsnmp_community_get_community  (GsnmpCommunity       *self);
GSNMP_AVAILABLE_IN_ALL
GBytes          *gsnmp_community_get_bytes      (GsnmpCommunity       *self);

G_END_DECLS
