/* gsnmp-notification.h - a received SNMP notification (trap or inform)
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
#include <gsnmp/gsnmp-oid.h>
#include <gsnmp/gsnmp-varbind.h>
#include <gsnmp/gsnmp-pdu.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_NOTIFICATION (gsnmp_notification_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpNotification, gsnmp_notification, GSNMP, NOTIFICATION, GObject)

GSNMP_AVAILABLE_IN_ALL
GsnmpProtocolVersion  gsnmp_notification_get_version           (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
gboolean              gsnmp_notification_is_inform             (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
GInetSocketAddress   *gsnmp_notification_get_sender            (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
char                 *gsnmp_notification_get_sender_string     (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
const char           *gsnmp_notification_get_community         (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
GBytes               *gsnmp_notification_get_community_bytes   (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
const char           *gsnmp_notification_get_user_name         (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpSecurityLevel    gsnmp_notification_get_security_level    (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
GBytes               *gsnmp_notification_get_engine_id         (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
GBytes               *gsnmp_notification_get_context_engine_id (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
const char           *gsnmp_notification_get_context_name      (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid             *gsnmp_notification_get_notification_oid  (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
guint32               gsnmp_notification_get_uptime            (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind        **gsnmp_notification_get_varbinds          (GsnmpNotification *self,
                                                                guint             *n_varbinds);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu             *gsnmp_notification_get_pdu               (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
gint32                gsnmp_notification_get_request_id        (GsnmpNotification *self);

GSNMP_AVAILABLE_IN_ALL
GsnmpOid             *gsnmp_notification_get_enterprise        (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
GInetAddress         *gsnmp_notification_get_agent_address     (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
gint32                gsnmp_notification_get_generic_trap      (GsnmpNotification *self);
GSNMP_AVAILABLE_IN_ALL
gint32                gsnmp_notification_get_specific_trap     (GsnmpNotification *self);

G_END_DECLS
