/* gsnmp-usm-user.h - SNMPv3 user-based security model (USM) credentials
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

#define GSNMP_TYPE_USM_USER (gsnmp_usm_user_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpUsmUser, gsnmp_usm_user, GSNMP, USM_USER, GsnmpCredentials)

GSNMP_AVAILABLE_IN_ALL
GsnmpUsmUser       *gsnmp_usm_user_new                (const char         *user_name,
                                                       GsnmpAuthProtocol   auth_protocol,
                                                       const char         *auth_passphrase,
                                                       GsnmpPrivProtocol   priv_protocol,
                                                       const char         *priv_passphrase,
                                                       GError            **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpUsmUser       *gsnmp_usm_user_new_from_keys      (const char         *user_name,
                                                       GsnmpAuthProtocol   auth_protocol,
                                                       const guint8       *auth_key,
                                                       gsize               auth_key_len,
                                                       GsnmpPrivProtocol   priv_protocol,
                                                       const guint8       *priv_key,
                                                       gsize               priv_key_len,
                                                       GError            **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpUsmUser       *gsnmp_usm_user_new_localized      (const char         *user_name,
                                                       const guint8       *engine_id,
                                                       gsize               engine_id_len,
                                                       GsnmpAuthProtocol   auth_protocol,
                                                       const guint8       *auth_key,
                                                       gsize               auth_key_len,
                                                       GsnmpPrivProtocol   priv_protocol,
                                                       const guint8       *priv_key,
                                                       gsize               priv_key_len,
                                                       GError            **error);

GSNMP_AVAILABLE_IN_ALL
const char         *gsnmp_usm_user_get_user_name      (GsnmpUsmUser       *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpSecurityLevel  gsnmp_usm_user_get_security_level (GsnmpUsmUser       *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpAuthProtocol   gsnmp_usm_user_get_auth_protocol  (GsnmpUsmUser       *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpPrivProtocol   gsnmp_usm_user_get_priv_protocol  (GsnmpUsmUser       *self);

G_END_DECLS
