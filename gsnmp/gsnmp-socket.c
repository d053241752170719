/* gsnmp-socket.c - the UDP sockets of engines and listeners
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-socket-private.h"

#include <errno.h>
#include <string.h>
#include <netinet/in.h>

/* The receive buffer asked for */
#define SOCKET_RCVBUF (8 * 1024 * 1024)

GSocket *
gsnmp_socket_new_udp (GSocketAddress *address,
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

guint8 *
gsnmp_socket_buffers_new (void)
{
        return g_malloc ((gsize) GSNMP_SOCKET_BATCH * GSNMP_SOCKET_BUFFER_SIZE);
}

#ifdef HAVE_RECVMMSG
void
gsnmp_socket_drain (GSocket          *socket,
                    guint8           *buffers,
                    guint             max_batches,
                    GsnmpDatagramFunc func,
                    gpointer          user_data,
                    const gboolean   *stop)
{
        struct mmsghdr msgs[GSNMP_SOCKET_BATCH];
        struct iovec iov[GSNMP_SOCKET_BATCH];
        struct sockaddr_storage addrs[GSNMP_SOCKET_BATCH];
        int fd = g_socket_get_fd (socket);

        while (!*stop) {
                int n, i;

                for (i = 0; i < GSNMP_SOCKET_BATCH; i++) {
                        iov[i].iov_base = buffers + (gsize) i * GSNMP_SOCKET_BUFFER_SIZE;
                        iov[i].iov_len = GSNMP_SOCKET_BUFFER_SIZE;
                        memset (&msgs[i].msg_hdr, 0, sizeof msgs[i].msg_hdr);
                        msgs[i].msg_hdr.msg_iov = &iov[i];
                        msgs[i].msg_hdr.msg_iovlen = 1;
                        msgs[i].msg_hdr.msg_name = &addrs[i];
                        msgs[i].msg_hdr.msg_namelen = sizeof addrs[i];
                }

                n = recvmmsg (fd, msgs, GSNMP_SOCKET_BATCH, MSG_DONTWAIT, NULL);
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
                              (msgs[i].msg_hdr.msg_flags & MSG_TRUNC) != 0, user_data);
                }
                if (n < GSNMP_SOCKET_BATCH || --max_batches == 0)
                        return;
        }
}
#else
void
gsnmp_socket_drain (GSocket          *socket,
                    guint8           *buffers,
                    guint             max_batches,
                    GsnmpDatagramFunc func,
                    gpointer          user_data,
                    const gboolean   *stop)
{
        int fd = g_socket_get_fd (socket);

        while (!*stop) {
                struct sockaddr_storage from;
                socklen_t from_len = sizeof from;
                ssize_t n;

                n = recvfrom (fd, buffers, GSNMP_SOCKET_BUFFER_SIZE, MSG_DONTWAIT | MSG_TRUNC,
                              (struct sockaddr *) &from, &from_len);
                if (n < 0) {
                        if (errno == EINTR)
                                continue;
                        if (errno != EAGAIN && errno != EWOULDBLOCK)
                                g_debug ("receive error: %s", g_strerror (errno));
                        return;
                }
                func ((struct sockaddr *) &from, from_len, buffers,
                      MIN ((gsize) n, GSNMP_SOCKET_BUFFER_SIZE),
                      n > GSNMP_SOCKET_BUFFER_SIZE, user_data);
                if (--max_batches == 0)
                        return;
        }
}
#endif
