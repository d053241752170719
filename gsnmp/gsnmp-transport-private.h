/* gsnmp-transport-private.h - the UDP endpoints every role of the SNMP
 * entity receives and sends on (the engine, the listener, the agent)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Only this module touches sockets. A GsnmpTransport is one bound,
 * non-blocking UDP socket with a source on the role's main context. When
 * the socket is readable it reads what is queued in batches (recvmmsg()
 * where there is one), at most GSNMP_TRANSPORT_MAX_BATCHES batches per
 * dispatch, so that a flood cannot starve the main loop, and hands each
 * datagram to the role's GsnmpTransportFunc. The drain is reentrant: a
 * callback may run a nested main loop (the transport then reads into
 * buffers of its own), close the transport or drop its owner.
 */
#pragma once

#include <gio/gio.h>
#include <sys/socket.h>

G_BEGIN_DECLS

/* How many datagrams one batch reads at once, and the room for each: any
 * UDP datagram fits. */
#define GSNMP_TRANSPORT_BATCH 16
#define GSNMP_TRANSPORT_BUFFER_SIZE 65536
/* Batches read per dispatch: a socket still readable is dispatched again
 * at once, after the other sources of the main context had their turn. */
#define GSNMP_TRANSPORT_MAX_BATCHES 1

typedef struct _GsnmpTransport GsnmpTransport;

/* Called for each datagram read; @truncated when it did not fit (it is
 * then cut at GSNMP_TRANSPORT_BUFFER_SIZE). @owner is the object given to
 * gsnmp_transport_new(), kept alive during the call. */
typedef void (*GsnmpTransportFunc) (GsnmpTransport        *transport,
                                    const struct sockaddr *from,
                                    socklen_t              from_len,
                                    const guint8          *data,
                                    gsize                  length,
                                    gboolean               truncated,
                                    gpointer               owner);

/* A UDP endpoint bound to @address (port 0 for any), IPv6-only for IPv6,
 * with a receive buffer of several MiB (past rmem_max when the process may
 * force it), reading on @context and calling @func with @owner (a GObject,
 * referenced during each dispatch, not by the transport). */
GsnmpTransport *gsnmp_transport_new        (GSocketAddress        *address,
                                            GMainContext          *context,
                                            const char            *name,
                                            GsnmpTransportFunc     func,
                                            gpointer               owner,
                                            GError               **error);
/* The same, but reading only from its first send on: for a requester,
 * to which nothing can come before it sent something. */
GsnmpTransport *gsnmp_transport_new_lazy   (GSocketAddress        *address,
                                            GMainContext          *context,
                                            const char            *name,
                                            GsnmpTransportFunc     func,
                                            gpointer               owner,
                                            GError               **error);
GsnmpTransport *gsnmp_transport_ref        (GsnmpTransport        *self);
/* The local port the socket is bound to (0 if the system cannot tell). */
guint16         gsnmp_transport_get_port   (GsnmpTransport        *self);
void            gsnmp_transport_unref      (GsnmpTransport        *self);

/* Stops reading and closes the socket; idempotent, and safe from inside a
 * GsnmpTransportFunc (the drain stops after that datagram). */
void            gsnmp_transport_close      (GsnmpTransport        *self);
gboolean        gsnmp_transport_is_closed  (GsnmpTransport        *self);

/* From a GsnmpTransportFunc: TRUE when more datagrams of the same batch
 * follow this one (their callbacks run before the dispatch ends), so
 * that a role can gather what it sends meanwhile into one batch. */
gboolean        gsnmp_transport_has_more   (GsnmpTransport        *self);

/* The socket, for its local address and family. */
GSocket        *gsnmp_transport_get_socket (GsnmpTransport        *self);

/* Sends @data to @to without blocking. Returns FALSE with @error set on
 * failure: G_IO_ERROR_WOULD_BLOCK when the send buffer is full (a lost
 * datagram, which the requester retransmits), else the socket error. */
gboolean        gsnmp_transport_send       (GsnmpTransport        *self,
                                            const struct sockaddr *to,
                                            socklen_t              to_len,
                                            const guint8          *data,
                                            gsize                  length,
                                            GError               **error);

/* One datagram of gsnmp_transport_send_batch(); @error is set there: 0
 * when sent, else the errno of its send (EAGAIN/EWOULDBLOCK: the send
 * buffer was full, a lost datagram). */
typedef struct {
        const struct sockaddr *to;
        socklen_t              to_len;
        const guint8          *data;
        gsize                  length;
        int                    error;
} GsnmpTransportMessage;

/* Sends @n datagrams without blocking, with as few system calls as the
 * system allows (sendmmsg() where there is one), in order; a failed
 * datagram does not stop the others. */
void            gsnmp_transport_send_batch (GsnmpTransport        *self,
                                            GsnmpTransportMessage *messages,
                                            guint                  n);

/* The IPv4 address the kernel would send from to reach @to:@port, in
 * @out (0.0.0.0 when there is no route). Sends nothing. */
void            gsnmp_transport_get_route_source_ipv4 (const guint8 to[4],
                                                       guint16      port,
                                                       guint8       out[4]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsnmpTransport, gsnmp_transport_unref)

G_END_DECLS
