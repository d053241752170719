/* get-floor.c - the floor of a GET v2c round trip against a real agent
 *
 *     cc -O2 -o get-floor bench/get-floor.c
 *     get-floor PORT N W
 *
 * Sends one fixed, pre-encoded GET v2c of sysDescr.0 (community "public")
 * to 127.0.0.1:PORT, keeping W in flight, with the system calls an event
 * loop client cannot avoid (sendto, poll, recv) and nothing else: no
 * encoding, no decoding, no request matching.  Prints the client's CPU
 * (user + system) per GET: what any SNMP client of the agent pays before
 * doing any SNMP work.  A measuring tool of bench/ only, not an SNMP stack.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/socket.h>

static double
cpu_us (void)
{
        struct rusage r;

        getrusage (RUSAGE_SELF, &r);
        return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e6 + r.ru_utime.tv_usec + r.ru_stime.tv_usec;
}

int
main (int argc, char **argv)
{
        static const unsigned char get[] = {
                0x30, 0x29, 0x02, 0x01, 0x01, 0x04, 0x06, 'p', 'u', 'b', 'l', 'i', 'c',
                0xa0, 0x1c, 0x02, 0x04, 0x00, 0x00, 0x00, 0x01, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00,
                0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00,
                0x05, 0x00,
        };
        struct sockaddr_in agent = { 0 };
        char buf[65536];
        int fd, n, w, sent, got;
        double t0;

        if (argc != 4 || (n = atoi (argv[2])) <= 0 || (w = atoi (argv[3])) <= 0) {
                fprintf (stderr, "usage: get-floor PORT N W\n");
                return 2;
        }
        agent.sin_family = AF_INET;
        agent.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
        agent.sin_port = htons ((unsigned short) atoi (argv[1]));
        fd = socket (AF_INET, SOCK_DGRAM, 0);
        if (fd < 0) {
                perror ("get-floor: socket");
                return 1;
        }

        for (int i = 0; i < 10; i++) {         /* warm-up */
                struct pollfd p = { fd, POLLIN, 0 };

                sendto (fd, get, sizeof get, 0, (struct sockaddr *) &agent, sizeof agent);
                if (poll (&p, 1, 2000) != 1) {
                        fprintf (stderr, "get-floor: no answer from 127.0.0.1:%s\n", argv[1]);
                        return 1;
                }
                recv (fd, buf, sizeof buf, 0);
        }

        for (sent = 0; sent < w; sent++)
                sendto (fd, get, sizeof get, 0, (struct sockaddr *) &agent, sizeof agent);
        t0 = cpu_us ();
        for (got = 0; got < n;) {
                struct pollfd p = { fd, POLLIN, 0 };

                if (poll (&p, 1, 1000) != 1) {
                        fprintf (stderr, "get-floor: an answer was lost after %d\n", got);
                        return 1;
                }
                while (recv (fd, buf, sizeof buf, MSG_DONTWAIT) > 0) {
                        got++;
                        if (sent < n) {
                                sendto (fd, get, sizeof get, 0, (struct sockaddr *) &agent, sizeof agent);
                                sent++;
                        }
                }
        }
        printf ("W=%d: %.2f us client CPU per GET (%d GETs)\n", w, (cpu_us () - t0) / n, n);
        return 0;
}
