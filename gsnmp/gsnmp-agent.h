/* gsnmp-agent.h - the command responder: serves providers to managers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <gio/gio.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-engine.h>
#include <gsnmp/gsnmp-usm-user.h>
#include <gsnmp/gsnmp-view.h>
#include <gsnmp/gsnmp-provider.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

/**
 * GSNMP_AGENT_PORT:
 *
 * The UDP port agents listen on (RFC 3417 §3.2).
 *
 * Since: 0.1
 */
#define GSNMP_AGENT_PORT 161

#define GSNMP_TYPE_AGENT (gsnmp_agent_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpAgent, gsnmp_agent, GSNMP, AGENT, GObject)

GSNMP_AVAILABLE_IN_ALL
GsnmpAgent  *gsnmp_agent_new                  (GsnmpEngine    *engine);
GSNMP_AVAILABLE_IN_ALL
GsnmpEngine *gsnmp_agent_get_engine           (GsnmpAgent     *self);

GSNMP_AVAILABLE_IN_ALL
gboolean     gsnmp_agent_add_address          (GsnmpAgent     *self,
                                               const char     *address,
                                               guint16        *bound_port,
                                               GError        **error);
GSNMP_AVAILABLE_IN_ALL
gboolean     gsnmp_agent_add_socket_address   (GsnmpAgent     *self,
                                               GSocketAddress *address,
                                               guint16        *bound_port,
                                               GError        **error);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_add_community        (GsnmpAgent     *self,
                                               const char     *community,
                                               const char     *context_name,
                                               GsnmpView      *read_view,
                                               GsnmpView      *write_view);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_add_user             (GsnmpAgent     *self,
                                               GsnmpUsmUser   *user,
                                               GsnmpView      *read_view,
                                               GsnmpView      *write_view);

GSNMP_AVAILABLE_IN_ALL
gboolean     gsnmp_agent_register_provider    (GsnmpAgent     *self,
                                               const char     *context_name,
                                               GsnmpProvider  *provider,
                                               GError        **error);
GSNMP_AVAILABLE_IN_ALL
gboolean     gsnmp_agent_unregister_provider  (GsnmpAgent     *self,
                                               const char     *context_name,
                                               GsnmpProvider  *provider);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_add_capability       (GsnmpAgent     *self,
                                               GsnmpOid       *id,
                                               const char     *description);

GSNMP_AVAILABLE_IN_ALL
guint        gsnmp_agent_get_provider_timeout (GsnmpAgent     *self);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_set_provider_timeout (GsnmpAgent     *self,
                                               guint           timeout_ms);
GSNMP_AVAILABLE_IN_ALL
guint        gsnmp_agent_get_max_message_size (GsnmpAgent     *self);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_set_max_message_size (GsnmpAgent     *self,
                                               guint           size);

GSNMP_AVAILABLE_IN_ALL
const char  *gsnmp_agent_get_sys_descr        (GsnmpAgent     *self);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_set_sys_descr        (GsnmpAgent     *self,
                                               const char     *descr);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid    *gsnmp_agent_get_sys_object_id    (GsnmpAgent     *self);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_set_sys_object_id    (GsnmpAgent     *self,
                                               GsnmpOid       *oid);
GSNMP_AVAILABLE_IN_ALL
const char  *gsnmp_agent_get_sys_contact      (GsnmpAgent     *self);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_set_sys_contact      (GsnmpAgent     *self,
                                               const char     *contact);
GSNMP_AVAILABLE_IN_ALL
const char  *gsnmp_agent_get_sys_name         (GsnmpAgent     *self);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_set_sys_name         (GsnmpAgent     *self,
                                               const char     *name);
GSNMP_AVAILABLE_IN_ALL
const char  *gsnmp_agent_get_sys_location     (GsnmpAgent     *self);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_set_sys_location     (GsnmpAgent     *self,
                                               const char     *location);

GSNMP_AVAILABLE_IN_ALL
void         gsnmp_agent_close                (GsnmpAgent     *self);

G_END_DECLS
