/* agent-farm.c - many SNMPv2c agents in one process, for bench/run.sh
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A benchmark peer only (Linux; bench/run.sh builds it with cc, it is never
 * part of gsnmp):
 *
 *     agent-farm N PORTS-FILE
 *
 * binds N UDP sockets on 127.0.0.1 (ports picked by the kernel), writes
 * "127.0.0.1:PORT" lines to PORTS-FILE, one per agent, and answers every
 * SNMPv2c GetRequest on any of them with a Response that carries each
 * requested OID with the same ~100-byte OCTET STRING (as sysDescr.0 is in
 * the single-agent rows).  It does no MIB lookup and checks no community:
 * it must cost far less than the clients it serves.  One epoll set over
 * the sockets; on a readable socket recvmmsg() drains it in batches and
 * sendmmsg() answers each batch.  It exits on SIGTERM or SIGINT and prints
 * the number of requests it answered and dropped to stderr.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#define BATCH 64
#define MAX_DGRAM 1500

static const char value[] =
        "Linux agent-farm 6.1.0 #1 SMP PREEMPT_DYNAMIC Debian 6.1.0 x86_64 "
        "(a gsnmp benchmark agent, answering GET)";

static volatile sig_atomic_t stop;

static void
on_signal (int sig)
{
        (void) sig;
        stop = 1;
}

/* --- a minimal BER reader -------------------------------------------------- */

typedef struct {
        const unsigned char *p, *end;
} Reader;

/* Reads a tag and length; returns the content start or NULL. */
static const unsigned char *
rd_tlv (Reader *r, unsigned char *tag, size_t *len)
{
        size_t n = 0;
        unsigned char b;

        if (r->end - r->p < 2)
                return NULL;
        *tag = *r->p++;
        b = *r->p++;
        if (b & 0x80) {
                int k = b & 0x7f;

                if (k == 0 || k > 3 || r->end - r->p < k)
                        return NULL;
                while (k--)
                        n = (n << 8) | *r->p++;
        } else {
                n = b;
        }
        if ((size_t) (r->end - r->p) < n)
                return NULL;
        *len = n;
        return r->p;
}

/* --- a minimal BER writer, backwards from the end of a buffer -------------- */

typedef struct {
        unsigned char *start, *p;   /* p moves towards start */
} Writer;

static int
wr_bytes (Writer *w, const void *data, size_t n)
{
        if ((size_t) (w->p - w->start) < n)
                return -1;
        w->p -= n;
        memcpy (w->p, data, n);
        return 0;
}

static int
wr_header (Writer *w, unsigned char tag, size_t len)
{
        unsigned char h[5];
        int n = 0;

        if (len < 0x80) {
                h[4 - n++] = (unsigned char) len;
        } else {
                int k = 0;

                while (len) {
                        h[4 - n++] = len & 0xff;
                        len >>= 8;
                        k++;
                }
                h[4 - n++] = 0x80 | k;
        }
        h[4 - n++] = tag;
        return wr_bytes (w, h + 5 - n, n);
}

/* Builds the Response to the GetRequest in req; returns its length or -1. */
static ssize_t
answer (const unsigned char *req, size_t req_len, unsigned char *out, size_t out_size)
{
        Reader r = { req, req + req_len }, pdu, vbl;
        Writer w = { out, out + out_size };
        const unsigned char *msg, *ver, *comm, *body, *reqid, *c;
        size_t msg_len, ver_len, comm_len, body_len, reqid_len, vbl_len, len;
        unsigned char tag;
        const unsigned char *oids[128];
        size_t oid_lens[128];
        int n_oids = 0, i;
        unsigned char *mark;

        if (!(msg = rd_tlv (&r, &tag, &msg_len)) || tag != 0x30)
                return -1;
        r.end = msg + msg_len;
        if (!(ver = rd_tlv (&r, &tag, &ver_len)) || tag != 0x02 || ver_len != 1 || ver[0] != 1)
                return -1;       /* SNMPv2c only */
        r.p += ver_len;
        if (!(comm = rd_tlv (&r, &tag, &comm_len)) || tag != 0x04)
                return -1;
        r.p += comm_len;
        if (!(body = rd_tlv (&r, &tag, &body_len)) || tag != 0xa0)
                return -1;       /* GetRequest-PDU only */
        pdu.p = body;
        pdu.end = body + body_len;
        if (!(reqid = rd_tlv (&pdu, &tag, &reqid_len)) || tag != 0x02)
                return -1;
        pdu.p += reqid_len;
        for (i = 0; i < 2; i++) {        /* error-status, error-index */
                if (!(c = rd_tlv (&pdu, &tag, &len)) || tag != 0x02)
                        return -1;
                pdu.p += len;
        }
        if (!(c = rd_tlv (&pdu, &tag, &vbl_len)) || tag != 0x30)
                return -1;
        vbl.p = c;
        vbl.end = c + vbl_len;
        while (vbl.p < vbl.end) {
                Reader vb;
                size_t vb_len;

                if (n_oids == 128 || !(c = rd_tlv (&vbl, &tag, &vb_len)) || tag != 0x30)
                        return -1;
                vb.p = c;
                vb.end = c + vb_len;
                vbl.p = c + vb_len;
                if (!(c = rd_tlv (&vb, &tag, &len)) || tag != 0x06)
                        return -1;
                oids[n_oids] = c;
                oid_lens[n_oids++] = len;
        }

        /* Written back to front: varbinds, then the PDU, then the message */
        mark = w.p;
        for (i = n_oids - 1; i >= 0; i--) {
                unsigned char *vb_end = w.p;

                if (wr_bytes (&w, value, sizeof value - 1) < 0 ||
                    wr_header (&w, 0x04, sizeof value - 1) < 0 ||
                    wr_bytes (&w, oids[i], oid_lens[i]) < 0 ||
                    wr_header (&w, 0x06, oid_lens[i]) < 0 ||
                    wr_header (&w, 0x30, vb_end - w.p) < 0)
                        return -1;
        }
        if (wr_header (&w, 0x30, mark - w.p) < 0 ||
            wr_bytes (&w, "\x02\x01\x00\x02\x01\x00", 6) < 0 ||   /* noError, 0 */
            wr_bytes (&w, reqid, reqid_len) < 0 ||
            wr_header (&w, 0x02, reqid_len) < 0 ||
            wr_header (&w, 0xa2, mark - w.p) < 0 ||
            wr_bytes (&w, comm, comm_len) < 0 ||
            wr_header (&w, 0x04, comm_len) < 0 ||
            wr_bytes (&w, "\x02\x01\x01", 3) < 0 ||
            wr_header (&w, 0x30, mark - w.p) < 0)
                return -1;
        len = (out + out_size) - w.p;
        memmove (out, w.p, len);
        return len;
}

int
main (int argc, char **argv)
{
        struct rlimit rl;
        struct epoll_event ev, events[256];
        struct mmsghdr in[BATCH], outm[BATCH];
        struct iovec in_iov[BATCH], out_iov[BATCH];
        struct sockaddr_in from[BATCH];
        static unsigned char in_buf[BATCH][MAX_DGRAM], out_buf[BATCH][MAX_DGRAM];
        unsigned long long answered = 0, dropped = 0;
        FILE *ports;
        int n, i, ep;

        if (argc != 3 || (n = atoi (argv[1])) <= 0) {
                fprintf (stderr, "Usage: agent-farm N PORTS-FILE\n");
                return 2;
        }
        if (getrlimit (RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t) n + 16) {
                rl.rlim_cur = rl.rlim_max;
                setrlimit (RLIMIT_NOFILE, &rl);
        }
        signal (SIGTERM, on_signal);
        signal (SIGINT, on_signal);

        ep = epoll_create1 (0);
        ports = fopen (argv[2], "w");
        if (ep < 0 || ports == NULL) {
                perror ("agent-farm");
                return 1;
        }
        for (i = 0; i < n; i++) {
                struct sockaddr_in sin = { .sin_family = AF_INET };
                socklen_t sl = sizeof sin;
                int fd = socket (AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

                sin.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
                if (fd < 0 || bind (fd, (struct sockaddr *) &sin, sizeof sin) < 0 ||
                    getsockname (fd, (struct sockaddr *) &sin, &sl) < 0) {
                        fprintf (stderr, "agent-farm: socket %d of %d: %s\n", i + 1, n, strerror (errno));
                        return 1;
                }
                ev.events = EPOLLIN;
                ev.data.fd = fd;
                if (epoll_ctl (ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
                        perror ("agent-farm: epoll_ctl");
                        return 1;
                }
                fprintf (ports, "127.0.0.1:%u\n", ntohs (sin.sin_port));
        }
        fclose (ports);

        for (i = 0; i < BATCH; i++) {
                in_iov[i].iov_base = in_buf[i];
                in_iov[i].iov_len = MAX_DGRAM;
                out_iov[i].iov_base = out_buf[i];
        }

        while (!stop) {
                int k = epoll_wait (ep, events, 256, 500);

                for (i = 0; i < k; i++) {
                        int fd = events[i].data.fd;

                        for (;;) {
                                int got, j, m = 0;

                                for (j = 0; j < BATCH; j++) {
                                        memset (&in[j].msg_hdr, 0, sizeof in[j].msg_hdr);
                                        in[j].msg_hdr.msg_name = &from[j];
                                        in[j].msg_hdr.msg_namelen = sizeof from[j];
                                        in[j].msg_hdr.msg_iov = &in_iov[j];
                                        in[j].msg_hdr.msg_iovlen = 1;
                                }
                                got = recvmmsg (fd, in, BATCH, MSG_DONTWAIT, NULL);
                                if (got <= 0)
                                        break;
                                for (j = 0; j < got; j++) {
                                        ssize_t len = answer (in_buf[j], in[j].msg_len, out_buf[m], MAX_DGRAM);

                                        if (len < 0) {
                                                dropped++;
                                                continue;
                                        }
                                        memset (&outm[m].msg_hdr, 0, sizeof outm[m].msg_hdr);
                                        out_iov[m].iov_base = out_buf[m];
                                        out_iov[m].iov_len = len;
                                        outm[m].msg_hdr.msg_name = &from[j];
                                        outm[m].msg_hdr.msg_namelen = in[j].msg_hdr.msg_namelen;
                                        outm[m].msg_hdr.msg_iov = &out_iov[m];
                                        outm[m].msg_hdr.msg_iovlen = 1;
                                        m++;
                                }
                                if (m > 0 && sendmmsg (fd, outm, m, 0) == m)
                                        answered += m;
                                else
                                        dropped += m;
                                if (got < BATCH)
                                        break;
                        }
                }
        }
        fprintf (stderr, "agent-farm: answered %llu, dropped %llu\n", answered, dropped);
        return 0;
}
