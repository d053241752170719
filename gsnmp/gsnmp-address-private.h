/* gsnmp-address-private.h - the one parser of transport addresses, for
 * targets and for listening addresses alike
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
        /* a remote entity: host names allowed, default port 161, ports 1-65535 */
        GSNMP_ADDRESS_USE_TARGET,
        /* a local address to listen on: an IP address or a port alone,
         * default port 162, port 0 picks a free one */
        GSNMP_ADDRESS_USE_LISTEN,
} GsnmpAddressUse;

typedef struct {
        char          *host;          /* a host name or an IP literal */
        guint16        port;
        GSocketFamily  family_hint;   /* IPV4 for "udp:", IPV6 for "udp6:", else INVALID */
        GInetAddress  *inet_address;  /* (nullable) when host is an IP literal */
        char          *community;     /* (nullable) the user part of an snmp:// URI */
} GsnmpAddress;

/* Parses Net-SNMP's transport forms, [udp:|udp6:](HOST|[IPV6])[:PORT] (and
 * for listening a port alone), and RFC 4088 URIs,
 * snmp://[COMMUNITY@]HOST[:PORT][/…]; @default_port is the port of an
 * address that names none (161 for targets and agents, 162 for
 * notification listeners). Every failure is a
 * GSNMP_ERROR_INVALID_ADDRESS that names @str and says what is wrong. */
gboolean gsnmp_address_parse (const char       *str,
                              GsnmpAddressUse   use,
                              guint16           default_port,
                              GsnmpAddress     *address,
                              GError          **error);
void     gsnmp_address_clear (GsnmpAddress     *address);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GsnmpAddress, gsnmp_address_clear)

G_END_DECLS
