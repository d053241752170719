/* gsnmp-target-private.h - what the engine reads from a target
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <sys/socket.h>

#include "gsnmp-target.h"

G_BEGIN_DECLS

/* FALSE (with the parse error) when the address given at construction was
 * invalid: requests to such a target fail with that error. */
gboolean       gsnmp_target_check_address     (GsnmpTarget  *self,
                                               GError      **error);
/* The address when it was an IP literal, or NULL when it needs resolving. */
GInetAddress  *gsnmp_target_get_inet_address  (GsnmpTarget  *self);
/* That address with the target's port, built once, or NULL. */
GSocketAddress *gsnmp_target_get_socket_address (GsnmpTarget *self);
/* That socket address in native form (@len its size), built once, or NULL:
 * what a request to the target copies instead of converting it again. */
const struct sockaddr *gsnmp_target_get_native_address (GsnmpTarget *self,
                                                        socklen_t   *len);
/* G_SOCKET_FAMILY_INVALID: either family, IPv4 preferred (Net-SNMP's
 * default udp transport); IPV4 for "udp:", IPV6 for "udp6:". */
GSocketFamily  gsnmp_target_get_family_hint   (GsnmpTarget  *self);

G_END_DECLS
