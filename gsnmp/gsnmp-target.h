/* gsnmp-target.h - a remote SNMP entity: its address, credentials and timing
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
#include <gsnmp/gsnmp-credentials.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

/**
 * GSNMP_DEFAULT_PORT:
 *
 * The UDP port of SNMP agents (RFC 3417 §3.2).
 *
 * Since: 0.1
 */
#define GSNMP_DEFAULT_PORT 161

#define GSNMP_TYPE_TARGET (gsnmp_target_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpTarget, gsnmp_target, GSNMP, TARGET, GObject)

GSNMP_AVAILABLE_IN_ALL
GsnmpTarget      *gsnmp_target_new                   (const char        *address,
                                                      GsnmpCredentials  *credentials,
                                                      GError           **error);
GSNMP_AVAILABLE_IN_ALL
const char       *gsnmp_target_get_address           (GsnmpTarget       *self);
GSNMP_AVAILABLE_IN_ALL
const char       *gsnmp_target_get_host              (GsnmpTarget       *self);
GSNMP_AVAILABLE_IN_ALL
guint16           gsnmp_target_get_port              (GsnmpTarget       *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpCredentials *gsnmp_target_get_credentials       (GsnmpTarget       *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpProtocolVersion gsnmp_target_get_version        (GsnmpTarget       *self);
GSNMP_AVAILABLE_IN_ALL
guint             gsnmp_target_get_timeout           (GsnmpTarget       *self);
GSNMP_AVAILABLE_IN_ALL
void              gsnmp_target_set_timeout           (GsnmpTarget       *self,
                                                      guint              timeout_ms);
GSNMP_AVAILABLE_IN_ALL
guint             gsnmp_target_get_retries           (GsnmpTarget       *self);
GSNMP_AVAILABLE_IN_ALL
void              gsnmp_target_set_retries           (GsnmpTarget       *self,
                                                      guint              retries);
GSNMP_AVAILABLE_IN_ALL
guint             gsnmp_target_get_max_repetitions   (GsnmpTarget       *self);
GSNMP_AVAILABLE_IN_ALL
void              gsnmp_target_set_max_repetitions   (GsnmpTarget       *self,
                                                      guint              max_repetitions);
GSNMP_AVAILABLE_IN_ALL
GBytes           *gsnmp_target_get_context_engine_id (GsnmpTarget       *self);
GSNMP_AVAILABLE_IN_ALL
void              gsnmp_target_set_context_engine_id (GsnmpTarget       *self,
                                                      GBytes            *engine_id);
GSNMP_AVAILABLE_IN_ALL
const char       *gsnmp_target_get_context_name      (GsnmpTarget       *self);
GSNMP_AVAILABLE_IN_ALL
void              gsnmp_target_set_context_name      (GsnmpTarget       *self,
                                                      const char        *context_name);

G_END_DECLS
