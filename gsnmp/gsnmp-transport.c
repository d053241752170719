/* gsnmp-transport.c - the UDP endpoints of the SNMP entity: sockets,
 * batched and bounded draining, sending
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-transport-private.h"

#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include <unistd.h>

/* The receive buffer asked for */
#define SOCKET_RCVBUF (8 * 1024 * 1024)

typedef void (*DatagramFunc) (const struct sockaddr *from,
                              socklen_t              from_len,
                              const guint8          *data,
                              gsize                  length,
                              gboolean               truncated,
                              gboolean               more,
                              gpointer               user_data);

struct _GsnmpTransport {
        GSocket            *socket;
        GSource            *source;
        GsnmpTransportFunc  func;
        gpointer            owner;      /* (unowned) a GObject */
        guint8             *buffers;    /* (nullable) until the first drain */
        gboolean            draining;   /* buffers are in use */
        gboolean            more;       /* datagrams follow the current one in its batch */
        GMainContext       *context;    /* (owned) (nullable) where source goes on the
                                         * first send (gsnmp_transport_new_lazy()) */
        gboolean            closed;
};

static GSocket *
socket_new_udp (GSocketAddress *address,
                GError        **error)
{
        g_autoptr(GSocket) socket = NULL;
        GSocketFamily family = g_socket_address_get_family (address);
        gint size = 0;

        socket = g_socket_new (family, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, error);
        if (socket == NULL)
                return NULL;
        g_socket_set_blocking (socket, FALSE);

        if (family == G_SOCKET_FAMILY_IPV6 &&
            !g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, 1, error))
                return NULL;

        g_socket_set_option (socket, SOL_SOCKET, SO_RCVBUF, SOCKET_RCVBUF, NULL);
#ifdef SO_RCVBUFFORCE
        /* Linux reports twice the size it grants */
        if (g_socket_get_option (socket, SOL_SOCKET, SO_RCVBUF, &size, NULL) &&
            size < 2 * SOCKET_RCVBUF)
                g_socket_set_option (socket, SOL_SOCKET, SO_RCVBUFFORCE, SOCKET_RCVBUF, NULL);
#endif

        if (!g_socket_bind (socket, address, FALSE, error))
                return NULL;

        return g_steal_pointer (&socket);
}

static guint8 *
buffers_new (void)
{
        return g_malloc ((gsize) GSNMP_TRANSPORT_BATCH * GSNMP_TRANSPORT_BUFFER_SIZE);
}

#ifdef HAVE_RECVMMSG
/* Reads the datagrams queued on @socket, in batches, handing each to
 * @func, until the socket is empty, *@stop becomes TRUE or @max_batches
 * batches were read. */
static void
socket_drain (GSocket        *socket,
              guint8         *buffers,
              guint           max_batches,
              DatagramFunc    func,
              gpointer        user_data,
              const gboolean *stop)
{
        struct mmsghdr msgs[GSNMP_TRANSPORT_BATCH];
        struct iovec iov[GSNMP_TRANSPORT_BATCH];
        struct sockaddr_storage addrs[GSNMP_TRANSPORT_BATCH];
        int fd = g_socket_get_fd (socket);

        while (!*stop) {
                int n, i;

                for (i = 0; i < GSNMP_TRANSPORT_BATCH; i++) {
                        iov[i].iov_base = buffers + (gsize) i * GSNMP_TRANSPORT_BUFFER_SIZE;
                        iov[i].iov_len = GSNMP_TRANSPORT_BUFFER_SIZE;
                        memset (&msgs[i].msg_hdr, 0, sizeof msgs[i].msg_hdr);
                        msgs[i].msg_hdr.msg_iov = &iov[i];
                        msgs[i].msg_hdr.msg_iovlen = 1;
                        msgs[i].msg_hdr.msg_name = &addrs[i];
                        msgs[i].msg_hdr.msg_namelen = sizeof addrs[i];
                }

                n = recvmmsg (fd, msgs, GSNMP_TRANSPORT_BATCH, MSG_DONTWAIT, NULL);
                if (n < 0) {
                        if (errno == EINTR)
                                continue;
                        if (errno != EAGAIN && errno != EWOULDBLOCK)
                                g_debug ("receive error: %s", g_strerror (errno));
                        return;
                }

                for (i = 0; i < n && !*stop; i++) {
                        func ((struct sockaddr *) &addrs[i], msgs[i].msg_hdr.msg_namelen,
                              iov[i].iov_base, msgs[i].msg_len,
                              (msgs[i].msg_hdr.msg_flags & MSG_TRUNC) != 0, i + 1 < n,
                              user_data);
                }
                if (n < GSNMP_TRANSPORT_BATCH || --max_batches == 0)
                        return;
        }
}
#else
/* Reads the datagrams queued on @socket, in batches, handing each to
 * @func, until the socket is empty, *@stop becomes TRUE or @max_batches
 * batches were read. */
static void
socket_drain (GSocket        *socket,
              guint8         *buffers,
              guint           max_batches,
              DatagramFunc    func,
              gpointer        user_data,
              const gboolean *stop)
{
        int fd = g_socket_get_fd (socket);

        while (!*stop) {
                struct sockaddr_storage from;
                socklen_t from_len = sizeof from;
                ssize_t n;

                n = recvfrom (fd, buffers, GSNMP_TRANSPORT_BUFFER_SIZE, MSG_DONTWAIT | MSG_TRUNC,
                              (struct sockaddr *) &from, &from_len);
                if (n < 0) {
                        if (errno == EINTR)
                                continue;
                        if (errno != EAGAIN && errno != EWOULDBLOCK)
                                g_debug ("receive error: %s", g_strerror (errno));
                        return;
                }
                func ((struct sockaddr *) &from, from_len, buffers,
                      MIN ((gsize) n, GSNMP_TRANSPORT_BUFFER_SIZE),
                      n > GSNMP_TRANSPORT_BUFFER_SIZE, FALSE, user_data);
                if (--max_batches == 0)
                        return;
        }
}
#endif

/*****************************************************************************/
/* The endpoint */

static void
on_datagram (const struct sockaddr *from,
             socklen_t              from_len,
             const guint8          *data,
             gsize                  length,
             gboolean               truncated,
             gboolean               more,
             gpointer               user_data)
{
        GsnmpTransport *self = user_data;
        gboolean saved = self->more;

        self->more = more;
        self->func (self, from, from_len, data, length, truncated, self->owner);
        self->more = saved;
}

static gboolean
on_socket_readable (GSocket      *socket,
                    GIOCondition  condition,
                    gpointer      user_data)
{
        /* A callback may close the transport or drop its owner meanwhile */
        g_autoptr(GsnmpTransport) self = gsnmp_transport_ref (user_data);
        g_autoptr(GObject) owner = g_object_ref (self->owner);

        if (self->closed)
                return G_SOURCE_CONTINUE;

        if (!self->draining) {
                if (self->buffers == NULL)
                        self->buffers = buffers_new ();
                self->draining = TRUE;
                socket_drain (self->socket, self->buffers, GSNMP_TRANSPORT_MAX_BATCHES,
                              on_datagram, self, &self->closed);
                self->draining = FALSE;
        } else {
                /* A callback runs a nested main loop: the outer drain still
                 * reads its buffers, so this one gets buffers of its own */
                g_autofree guint8 *buffers = buffers_new ();

                socket_drain (self->socket, buffers, GSNMP_TRANSPORT_MAX_BATCHES,
                              on_datagram, self, &self->closed);
        }

        return G_SOURCE_CONTINUE;
}

static void
transport_clear (GsnmpTransport *self)
{
        gsnmp_transport_close (self);
        g_clear_pointer (&self->context, g_main_context_unref);
        g_clear_object (&self->socket);
        g_clear_pointer (&self->buffers, g_free);
}

static GsnmpTransport *
transport_new (GSocketAddress      *address,
               GMainContext        *context,
               const char          *name,
               GsnmpTransportFunc   func,
               gpointer             owner,
               gboolean             lazy,
               GError             **error)
{
        GsnmpTransport *self;
        GSocket *socket;

        g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

        socket = socket_new_udp (address, error);
        if (socket == NULL)
                return NULL;

        self = g_atomic_rc_box_new0 (GsnmpTransport);
        self->socket = socket;
        self->func = func;
        self->owner = owner;
        self->source = g_socket_create_source (socket, G_IO_IN, NULL);
        /* The source holds no reference: closing destroys it first */
        g_source_set_callback (self->source, (GSourceFunc) G_CALLBACK (on_socket_readable),
                               self, NULL);
        g_source_set_static_name (self->source, name);
        /* A non-recursive fd source is taken out of the poll set around each
         * dispatch, which costs two wake-up writes per dispatch; the drain
         * copes with nested main loops itself. */
        g_source_set_can_recurse (self->source, TRUE);
        if (lazy)
                self->context = g_main_context_ref (context);
        else
                g_source_attach (self->source, context);
        return self;
}

GsnmpTransport *
gsnmp_transport_new (GSocketAddress      *address,
                     GMainContext        *context,
                     const char          *name,
                     GsnmpTransportFunc   func,
                     gpointer             owner,
                     GError             **error)
{
        return transport_new (address, context, name, func, owner, FALSE, error);
}

GsnmpTransport *
gsnmp_transport_new_lazy (GSocketAddress      *address,
                          GMainContext        *context,
                          const char          *name,
                          GsnmpTransportFunc   func,
                          gpointer             owner,
                          GError             **error)
{
        return transport_new (address, context, name, func, owner, TRUE, error);
}

/* A lazy transport starts reading when it first sends: before that,
 * nothing can be addressed to it, and a source less makes every main
 * loop iteration cheaper. */
static inline void
transport_attach (GsnmpTransport *self)
{
        if (G_LIKELY (self->context == NULL))
                return;
        g_source_attach (self->source, self->context);
        g_clear_pointer (&self->context, g_main_context_unref);
}

guint16
gsnmp_transport_get_port (GsnmpTransport *self)
{
        struct sockaddr_storage local;
        socklen_t len = sizeof local;

        if (getsockname (g_socket_get_fd (self->socket), (struct sockaddr *) &local, &len) != 0)
                return 0;
        if (local.ss_family == AF_INET6)
                return g_ntohs (((struct sockaddr_in6 *) &local)->sin6_port);
        if (local.ss_family == AF_INET)
                return g_ntohs (((struct sockaddr_in *) &local)->sin_port);
        return 0;
}

GsnmpTransport *
gsnmp_transport_ref (GsnmpTransport *self)
{
        return g_atomic_rc_box_acquire (self);
}

void
gsnmp_transport_unref (GsnmpTransport *self)
{
        g_atomic_rc_box_release_full (self, (GDestroyNotify) transport_clear);
}

void
gsnmp_transport_close (GsnmpTransport *self)
{
        if (self->closed)
                return;
        self->closed = TRUE;
        if (self->source != NULL) {
                g_source_destroy (self->source);
                g_clear_pointer (&self->source, g_source_unref);
        }
        g_socket_close (self->socket, NULL);
}

gboolean
gsnmp_transport_has_more (GsnmpTransport *self)
{
        return self->more;
}

gboolean
gsnmp_transport_is_closed (GsnmpTransport *self)
{
        return self->closed;
}

GSocket *
gsnmp_transport_get_socket (GsnmpTransport *self)
{
        return self->socket;
}

gboolean
gsnmp_transport_send (GsnmpTransport        *self,
                      const struct sockaddr *to,
                      socklen_t              to_len,
                      const guint8          *data,
                      gsize                  length,
                      GError               **error)
{
        ssize_t sent;
        int saved;

        if (self->closed) {
                g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                                     g_strerror (EBADF));
                return FALSE;
        }
        transport_attach (self);
        do {
                sent = sendto (g_socket_get_fd (self->socket), data, length, MSG_DONTWAIT,
                               to, to_len);
        } while (sent < 0 && errno == EINTR);
        if (sent >= 0)
                return TRUE;
        saved = errno;
        g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved),
                             g_strerror (saved));
        return FALSE;
}

/* At most this many datagrams per sendmmsg() call (its stack arrays) */
#define SEND_BATCH 64

void
gsnmp_transport_send_batch (GsnmpTransport        *self,
                            GsnmpTransportMessage *messages,
                            guint                  n)
{
        int fd;
        guint i = 0;

        if (self->closed) {
                for (i = 0; i < n; i++)
                        messages[i].error = EBADF;
                return;
        }
        transport_attach (self);
        fd = g_socket_get_fd (self->socket);
#ifdef HAVE_SENDMMSG
        while (i < n) {
                struct mmsghdr msgs[SEND_BATCH];
                struct iovec iov[SEND_BATCH];
                guint count = MIN (n - i, SEND_BATCH);
                guint j;
                int sent;

                memset (msgs, 0, sizeof msgs[0] * count);
                for (j = 0; j < count; j++) {
                        GsnmpTransportMessage *m = &messages[i + j];

                        iov[j].iov_base = (void *) m->data;
                        iov[j].iov_len = m->length;
                        msgs[j].msg_hdr.msg_name = (void *) m->to;
                        msgs[j].msg_hdr.msg_namelen = m->to_len;
                        msgs[j].msg_hdr.msg_iov = &iov[j];
                        msgs[j].msg_hdr.msg_iovlen = 1;
                }
                sent = sendmmsg (fd, msgs, count, MSG_DONTWAIT);
                if (sent < 0 && errno == EINTR)
                        continue;
                if (sent <= 0) {
                        /* The first datagram failed: say why, go on after it */
                        messages[i++].error = sent < 0 ? errno : EAGAIN;
                        continue;
                }
                for (j = 0; j < (guint) sent; j++)
                        messages[i + j].error = 0;
                i += sent;
        }
#else
        for (i = 0; i < n; i++) {
                ssize_t sent;

                do {
                        sent = sendto (fd, messages[i].data, messages[i].length, MSG_DONTWAIT,
                                       messages[i].to, messages[i].to_len);
                } while (sent < 0 && errno == EINTR);
                messages[i].error = sent < 0 ? errno : 0;
        }
#endif
}

void
gsnmp_transport_get_route_source_ipv4 (const guint8 to[4],
                                       guint16      port,
                                       guint8       out[4])
{
        struct sockaddr_in sin = { 0, }, local = { 0, };
        socklen_t local_len = sizeof local;
        int fd;

        memset (out, 0, 4);
        sin.sin_family = AF_INET;
        sin.sin_port = g_htons (port);
        memcpy (&sin.sin_addr, to, 4);

        /* Connecting a UDP socket sends nothing: it picks the route */
        fd = socket (AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return;
        if (connect (fd, (struct sockaddr *) &sin, sizeof sin) == 0 &&
            getsockname (fd, (struct sockaddr *) &local, &local_len) == 0 &&
            local.sin_family == AF_INET)
                memcpy (out, &local.sin_addr, 4);
        close (fd);
}
