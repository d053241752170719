/* gsnmp-socket-private.h - the UDP sockets of engines and listeners
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sys/socket.h>

G_BEGIN_DECLS

/* How many datagrams one drain step reads at once, and the room for each:
 * any UDP datagram fits. */
#define GSNMP_SOCKET_BATCH 16
#define GSNMP_SOCKET_BUFFER_SIZE 65536

/* Called for each datagram read; @truncated when it did not fit. */
typedef void (*GsnmpDatagramFunc) (const struct sockaddr *from,
                                   socklen_t              from_len,
                                   const guint8          *data,
                                   gsize                  length,
                                   gboolean               truncated,
                                   gpointer               user_data);

/* A non-blocking UDP socket bound to @address (port 0 for any), IPv6-only
 * for IPv6, with a receive buffer of several MiB so that bursts are not
 * dropped (past rmem_max when the process may force it). */
GSocket  *gsnmp_socket_new_udp        (GSocketAddress    *address,
                                       GError           **error);

/* Room for one drain step: GSNMP_SOCKET_BATCH buffers. */
guint8   *gsnmp_socket_buffers_new    (void);

/* Reads the datagrams queued on @socket, in batches (recvmmsg() where
 * there is one), handing each to @func, until the socket is empty, *@stop
 * becomes TRUE or @max_batches batches were read (0: no limit). */
void      gsnmp_socket_drain          (GSocket           *socket,
                                       guint8            *buffers,
                                       guint              max_batches,
                                       GsnmpDatagramFunc  func,
                                       gpointer           user_data,
                                       const gboolean    *stop);

G_END_DECLS
