/* gsnmp-address.c - the one parser of transport addresses
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-address-private.h"
#include "gsnmp-listener.h"
#include "gsnmp-target.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

static gboolean
set_address_error (GError          **error,
                   GsnmpAddressUse   use,
                   const char       *address,
                   const char       *reason)
{
        if (use == GSNMP_ADDRESS_USE_LISTEN)
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS,
                             _("Invalid listening address “%s”: %s"), address, reason);
        else
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS,
                             _("Invalid agent address “%s”: %s"), address, reason);
        return FALSE;
}

/* A decimal port and nothing after it: 1-65535, or 0-65535 for listening. */
static gboolean
parse_port (const char      *str,
            GsnmpAddressUse  use,
            guint16         *port)
{
        guint64 value;

        if (str[0] == '\0' || !g_ascii_isdigit (str[0]))
                return FALSE;
        if (!g_ascii_string_to_unsigned (str, 10, use == GSNMP_ADDRESS_USE_LISTEN ? 0 : 1,
                                         65535, &value, NULL))
                return FALSE;
        *port = (guint16) value;
        return TRUE;
}

static gboolean
is_valid_host_name (const char *host)
{
        const char *p;

        if (host[0] == '\0' || strlen (host) > 253)
                return FALSE;
        for (p = host; *p; p++) {
                if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
                        return FALSE;
        }
        return TRUE;
}

/* Splits "host", "host:port", "[v6]", "[v6]:port", a bare IPv6 literal or,
 * for listening, a port alone. */
static gboolean
split_host_port (const char       *address,
                 const char       *rest,
                 GsnmpAddressUse   use,
                 GSocketFamily     family_hint,
                 guint16           default_port,
                 char            **host_out,
                 guint16          *port_out,
                 GError          **error)
{
        g_autofree char *host = NULL;
        const char *colon;
        guint16 port = default_port;

        if (rest[0] == '\0')
                return set_address_error (error, use, address, _("no host given"));

        if (rest[0] == '[') {
                const char *close = strchr (rest, ']');

                if (close == NULL)
                        return set_address_error (error, use, address, _("missing “]”"));
                host = g_strndup (rest + 1, close - rest - 1);
                if (close[1] == ':') {
                        if (!parse_port (close + 2, use, &port))
                                return set_address_error (error, use, address, _("invalid port"));
                } else if (close[1] != '\0') {
                        return set_address_error (error, use, address,
                                                  _("unexpected text after “]”"));
                }
                if (!g_hostname_is_ip_address (host) || strchr (host, ':') == NULL)
                        return set_address_error (error, use, address,
                                                  _("not an IPv6 address in brackets"));
        } else if (use == GSNMP_ADDRESS_USE_LISTEN && parse_port (rest, use, &port)) {
                /* A port alone: every address of the family */
                host = g_strdup (family_hint == G_SOCKET_FAMILY_IPV6 ? "::" : "0.0.0.0");
        } else if ((colon = strchr (rest, ':')) != NULL && strchr (colon + 1, ':') != NULL) {
                /* Two or more colons: a bare IPv6 literal, without port */
                host = g_strdup (rest);
                if (!g_hostname_is_ip_address (host))
                        return set_address_error (error, use, address, _("invalid IPv6 address"));
        } else if (colon != NULL) {
                host = g_strndup (rest, colon - rest);
                if (!parse_port (colon + 1, use, &port))
                        return set_address_error (error, use, address, _("invalid port"));
        } else {
                host = g_strdup (rest);
        }

        if (host[0] == '\0')
                return set_address_error (error, use, address, _("no host given"));
        if (!g_hostname_is_ip_address (host) &&
            (use == GSNMP_ADDRESS_USE_LISTEN || !is_valid_host_name (host)))
                return set_address_error (error, use, address,
                                          use == GSNMP_ADDRESS_USE_LISTEN ?
                                          _("give an IP address, such as “udp:0.0.0.0:162” or “udp6:[::]:162”") :
                                          _("invalid host name"));

        *host_out = g_steal_pointer (&host);
        *port_out = port;
        return TRUE;
}

/* Net-SNMP's transport specifier before the first colon: "udp" and
 * "udp6" (and its aliases) set @family_hint; another transport is an
 * error. Returns where the address proper starts. */
static const char *
skip_transport (const char       *address,
                GsnmpAddressUse   use,
                GSocketFamily    *family_hint,
                GError          **error)
{
        static const char * const unsupported[] = {
                "tcp", "tcp6", "tcpv6", "unix", "dtlsudp", "tlstcp", "ssh", "ipx", "aal5pvc",
        };
        const char *colon = strchr (address, ':');
        g_autofree char *prefix = NULL;
        gsize i;

        *family_hint = G_SOCKET_FAMILY_INVALID;
        if (colon == NULL || colon == address || address[0] == '[')
                return address;

        prefix = g_ascii_strdown (address, colon - address);
        if (g_str_equal (prefix, "udp")) {
                *family_hint = G_SOCKET_FAMILY_IPV4;
                return colon + 1;
        }
        if (g_str_equal (prefix, "udp6") || g_str_equal (prefix, "udpv6") ||
            g_str_equal (prefix, "udpipv6")) {
                *family_hint = G_SOCKET_FAMILY_IPV6;
                return colon + 1;
        }
        for (i = 0; i < G_N_ELEMENTS (unsupported); i++) {
                if (g_str_equal (prefix, unsupported[i])) {
                        set_address_error (error, use, address,
                                           _("only the UDP transports “udp:” and “udp6:” are supported"));
                        return NULL;
                }
        }
        return address;
}

gboolean
gsnmp_address_parse (const char       *str,
                     GsnmpAddressUse   use,
                     guint16           default_port,
                     GsnmpAddress     *out,
                     GError          **error)
{
        g_autofree char *uri_user = NULL;
        g_autofree char *uri_hostport = NULL;
        g_autofree char *host = NULL;
        GSocketFamily family_hint = G_SOCKET_FAMILY_INVALID;
        const char *rest;
        guint16 port = 0;

        memset (out, 0, sizeof *out);
        if (str == NULL || str[0] == '\0')
                return set_address_error (error, use, "", _("no host given"));

        if (g_ascii_strncasecmp (str, "snmp://", 7) == 0) {
                /* RFC 4088 §3: snmp://[user@]host[:port][/context…] */
                const char *start = str + 7;
                const char *end = strchr (start, '/');
                const char *at;

                uri_hostport = end ? g_strndup (start, end - start) : g_strdup (start);
                at = strrchr (uri_hostport, '@');
                if (at != NULL) {
                        g_autofree char *escaped = g_strndup (uri_hostport, at - uri_hostport);

                        uri_user = g_uri_unescape_string (escaped, NULL);
                        if (uri_user == NULL || uri_user[0] == '\0')
                                return set_address_error (error, use, str,
                                                          _("invalid community in URI"));
                        rest = at + 1;
                } else {
                        rest = uri_hostport;
                }
        } else {
                rest = skip_transport (str, use, &family_hint, error);
                if (rest == NULL)
                        return FALSE;
        }

        if (!split_host_port (str, rest, use, family_hint, default_port, &host, &port, error))
                return FALSE;

        if (g_hostname_is_ip_address (host)) {
                out->inet_address = g_inet_address_new_from_string (host);
                if (out->inet_address == NULL)
                        return set_address_error (error, use, str, _("invalid IP address"));
                if (family_hint != G_SOCKET_FAMILY_INVALID &&
                    g_inet_address_get_family (out->inet_address) != family_hint) {
                        g_clear_object (&out->inet_address);
                        return set_address_error (error, use, str,
                                                  family_hint == G_SOCKET_FAMILY_IPV6 ?
                                                  _("“udp6:” needs an IPv6 address") :
                                                  _("“udp:” needs an IPv4 address"));
                }
        }

        out->host = g_steal_pointer (&host);
        out->port = port;
        out->family_hint = family_hint;
        out->community = g_steal_pointer (&uri_user);
        return TRUE;
}

void
gsnmp_address_clear (GsnmpAddress *address)
{
        g_clear_pointer (&address->host, g_free);
        g_clear_object (&address->inet_address);
        g_clear_pointer (&address->community, g_free);
}
