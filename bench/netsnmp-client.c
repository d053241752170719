/* netsnmp-client.c - the Net-SNMP C library side of bench/run.sh
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A reference client only: bench/run.sh builds it with cc against Debian's
 * libsnmp-dev (net-snmp-config --cflags --libs). It is never built by meson
 * and never linked into gsnmp.
 *
 *     netsnmp-client get -v2c -c public -n 20000 -w 1  127.0.0.1:16100 .1.3.6.1.2.1.1.1.0
 *     netsnmp-client get -v2c -c public -n 50000 -w 32 127.0.0.1:16100 .1.3.6.1.2.1.1.1.0
 *
 * -w 1 (or --mode sync) is a snmp_synch_response() loop; -w W > 1 (or
 * --mode async) keeps W requests in flight with snmp_async_send() and a
 * snmp_select_info() / select() / snmp_read() loop, sending the next request
 * from the response callback, as Net-SNMP's own asyncapp example does. Each
 * request is a fresh PDU, as a Net-SNMP application builds it. The output is
 * gsnmp-bench's JSON line; CPU time (getrusage user + system) covers only the
 * request loop, after the same untimed warm-up.
 *
 *     netsnmp-client poll --rounds 5 -v2c -c public AGENTS-FILE .1.3.6.1.2.1.1.1.0
 *
 * polls many agents (AGENTS-FILE: one address per line, as bench/agent-farm
 * writes it): one session per agent, as Net-SNMP's API requires, opened with
 * the single-session API (snmp_sess_open(), each with its own socket); each
 * round sends one GET to every agent with snmp_sess_async_send(), all at
 * once, and an epoll set over the sessions' sockets calls snmp_sess_read2()
 * on the ready one only (the traditional snmp_read() would scan all 10,000
 * sessions per wake-up); snmp_sess_timeout() runs on every session when the
 * sockets are idle for 200 ms.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/large_fd_set.h>

#define MAX_OIDS 64

typedef struct {
        long version;
        const char *community;
        long n;
        long window;
        long timeout_ms;
        int retries;
        int async;              /* -1: from the window */
        long warmup;
        const char *agent;
        /* SNMPv3 (-u -l -a -A -x -X), as snmpget takes them */
        const char *user;
        int level;
        const char *auth_protocol;
        const char *auth_pass;
        const char *priv_protocol;
        const char *priv_pass;
        oid oids[MAX_OIDS][MAX_OID_LEN];
        size_t oid_lens[MAX_OIDS];
        int n_oids;
} Options;

typedef struct {
        netsnmp_session *ss;
        Options *opts;
        long n;
        long n_issued;
        long n_done;
        long n_ok;
        long n_errors;
        char first_error[256];
} Run;

typedef struct {
        double wall;
        double cpu;
} Stamp;

static Stamp
stamp_now (void)
{
        struct timespec ts;
        struct rusage ru;
        Stamp s;

        clock_gettime (CLOCK_MONOTONIC, &ts);
        getrusage (RUSAGE_SELF, &ru);
        s.wall = ts.tv_sec + ts.tv_nsec / 1e9;
        s.cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
                ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
        return s;
}

static void
note_error (Run        *run,
            const char *what)
{
        run->n_errors++;
        if (run->first_error[0] == '\0')
                snprintf (run->first_error, sizeof run->first_error, "%s", what);
}

static netsnmp_pdu *
make_pdu (const Options *opts)
{
        netsnmp_pdu *pdu = snmp_pdu_create (SNMP_MSG_GET);
        int i;

        for (i = 0; i < opts->n_oids; i++)
                snmp_add_null_var (pdu, opts->oids[i], opts->oid_lens[i]);
        return pdu;
}

static void
check_response (Run         *run,
                int          status,
                netsnmp_pdu *response)
{
        if (status != STAT_SUCCESS || response == NULL) {
                note_error (run, status == STAT_TIMEOUT ? "timeout" : snmp_api_errstring (snmp_errno));
        } else if (response->errstat != SNMP_ERR_NOERROR) {
                note_error (run, snmp_errstring (response->errstat));
        } else {
                run->n_ok++;
        }
        run->n_done++;
}

/* --- sync ------------------------------------------------------------------ */

static void
run_sync (Run  *run,
          long  n)
{
        long i;

        for (i = 0; i < n; i++) {
                netsnmp_pdu *response = NULL;
                int status;

                run->n_issued++;
                status = snmp_synch_response (run->ss, make_pdu (run->opts), &response);
                check_response (run, status, response);
                if (response != NULL)
                        snmp_free_pdu (response);
        }
}

/* --- async window ------------------------------------------------------------ */

static void issue_async (Run *run);

static int
on_response (int              operation,
             netsnmp_session *session,
             int              reqid,
             netsnmp_pdu     *pdu,
             void            *magic)
{
        Run *run = magic;
        char what[64];

        switch (operation) {
        case NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE:
                check_response (run, STAT_SUCCESS, pdu);
                break;
        case NETSNMP_CALLBACK_OP_TIMED_OUT:
                check_response (run, STAT_TIMEOUT, NULL);
                break;
        case NETSNMP_CALLBACK_OP_SEND_FAILED:
        case NETSNMP_CALLBACK_OP_SEC_ERROR:
                snprintf (what, sizeof what, "callback operation %d", operation);
                note_error (run, what);
                run->n_done++;
                break;
        default:
                /* RESEND, CONNECT, DISCONNECT: notifications only. */
                return 1;
        }

        if (run->n_issued < run->n)
                issue_async (run);
        return 1;
}

static void
issue_async (Run *run)
{
        netsnmp_pdu *pdu = make_pdu (run->opts);

        run->n_issued++;
        if (snmp_async_send (run->ss, pdu, on_response, run) == 0) {
                snmp_free_pdu (pdu);
                note_error (run, snmp_api_errstring (snmp_errno));
                run->n_done++;
        }
}

static void
run_async (Run  *run,
           long  n,
           long  window)
{
        long i;

        for (i = 0; i < window && run->n_issued < n; i++)
                issue_async (run);

        while (run->n_done < n) {
                int fds = 0, block = 1, count;
                fd_set fdset;
                struct timeval timeout = { 0 };

                FD_ZERO (&fdset);
                snmp_select_info (&fds, &fdset, &timeout, &block);
                count = select (fds, &fdset, NULL, NULL, block ? NULL : &timeout);
                if (count > 0) {
                        snmp_read (&fdset);
                } else if (count == 0) {
                        snmp_timeout ();
                } else if (errno != EINTR) {
                        perror ("netsnmp-client: select");
                        exit (1);
                }
                /* A failed send completes without a callback: top up. */
                while (run->n_issued < n && run->n_issued - run->n_done < window)
                        issue_async (run);
        }
}

static void
run_loop (Run  *run,
          long  n,
          long  window,
          int   async)
{
        run->n = n;
        run->n_issued = run->n_done = run->n_ok = run->n_errors = 0;
        run->first_error[0] = '\0';

        if (async)
                run_async (run, n, window);
        else
                run_sync (run, n);
}

/* --- many agents ------------------------------------------------------------- */

static int
on_poll_response (int              operation,
                  netsnmp_session *session,
                  int              reqid,
                  netsnmp_pdu     *pdu,
                  void            *magic)
{
        Run *run = magic;
        char what[64];

        switch (operation) {
        case NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE:
                check_response (run, STAT_SUCCESS, pdu);
                break;
        case NETSNMP_CALLBACK_OP_TIMED_OUT:
                check_response (run, STAT_TIMEOUT, NULL);
                break;
        case NETSNMP_CALLBACK_OP_SEND_FAILED:
        case NETSNMP_CALLBACK_OP_SEC_ERROR:
                snprintf (what, sizeof what, "callback operation %d", operation);
                note_error (run, what);
                run->n_done++;
                break;
        default:
                break;
        }
        return 1;
}

typedef struct {
        void **sessions;
        int *fds;
        long n;
        int ep;
        netsnmp_large_fd_set fdset;
} Farm;

/* One GET to every agent, all at once, then waits for every answer. */
static void
poll_round (Run  *run,
            Farm *farm)
{
        struct epoll_event events[256];
        long i, target = run->n_done + farm->n;

        for (i = 0; i < farm->n; i++) {
                netsnmp_pdu *pdu = make_pdu (run->opts);

                run->n_issued++;
                if (snmp_sess_async_send (farm->sessions[i], pdu, on_poll_response, run) == 0) {
                        snmp_free_pdu (pdu);
                        note_error (run, "snmp_sess_async_send failed");
                        run->n_done++;
                }
        }
        while (run->n_done < target) {
                int k = epoll_wait (farm->ep, events, 256, 200), j;

                if (k < 0 && errno != EINTR) {
                        perror ("netsnmp-client: epoll_wait");
                        exit (1);
                }
                if (k == 0) {
                        for (i = 0; i < farm->n; i++)
                                snmp_sess_timeout (farm->sessions[i]);
                        continue;
                }
                for (j = 0; j < k; j++) {
                        long s = events[j].data.u64;

                        netsnmp_large_fd_setfd (farm->fds[s], &farm->fdset);
                        snmp_sess_read2 (farm->sessions[s], &farm->fdset);
                        netsnmp_large_fd_clr (farm->fds[s], &farm->fdset);
                }
        }
}

static int
run_poll (Options    *opts,
          const char *agents_file,
          long        rounds)
{
        char line[256];
        FILE *f = fopen (agents_file, "r");
        Farm farm = { 0 };
        Run run = { 0 };
        Stamp start, end;
        double wall, cpu;
        struct rlimit rl;
        long cap = 0, r;

        if (f == NULL) {
                perror (agents_file);
                return 2;
        }
        if (getrlimit (RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
                rl.rlim_cur = rl.rlim_max;
                setrlimit (RLIMIT_NOFILE, &rl);
        }
        farm.ep = epoll_create1 (0);
        while (fgets (line, sizeof line, f) != NULL) {
                netsnmp_session session;
                netsnmp_transport *t;
                struct epoll_event ev;

                line[strcspn (line, "\r\n")] = '\0';
                if (line[0] == '\0')
                        continue;
                if (farm.n == cap) {
                        cap = cap ? 2 * cap : 1024;
                        farm.sessions = realloc (farm.sessions, cap * sizeof *farm.sessions);
                        farm.fds = realloc (farm.fds, cap * sizeof *farm.fds);
                }
                snmp_sess_init (&session);
                session.peername = line;
                session.version = opts->version;
                session.community = (u_char *) opts->community;
                session.community_len = strlen (opts->community);
                session.timeout = opts->timeout_ms * 1000;
                session.retries = opts->retries;
                farm.sessions[farm.n] = snmp_sess_open (&session);
                if (farm.sessions[farm.n] == NULL) {
                        snmp_sess_perror ("netsnmp-client", &session);
                        return 1;
                }
                t = snmp_sess_transport (farm.sessions[farm.n]);
                farm.fds[farm.n] = t->sock;
                ev.events = EPOLLIN;
                ev.data.u64 = farm.n;
                epoll_ctl (farm.ep, EPOLL_CTL_ADD, t->sock, &ev);
                farm.n++;
        }
        fclose (f);
        if (farm.n == 0) {
                fprintf (stderr, "netsnmp-client: no agents in %s\n", agents_file);
                return 2;
        }
        netsnmp_large_fd_set_init (&farm.fdset, 65536);
        run.opts = opts;

        if (opts->warmup > 0) {
                poll_round (&run, &farm);
                if (run.n_errors > 0) {
                        fprintf (stderr, "netsnmp-client: warm-up failed: %s\n", run.first_error);
                        return 1;
                }
        }
        run.n_issued = run.n_done = run.n_ok = run.n_errors = 0;

        start = stamp_now ();
        for (r = 0; r < rounds; r++)
                poll_round (&run, &farm);
        end = stamp_now ();

        wall = end.wall - start.wall;
        cpu = end.cpu - start.cpu;
        printf ("{\"ops\": %ld, \"wall_s\": %.6f, \"cpu_s\": %.6f, "
                "\"us_per_op\": %.3f, \"cpu_us_per_op\": %.3f, \"ops_per_s\": %.1f, "
                "\"tool\": \"netsnmp\", \"command\": \"poll\", \"agents\": %ld, "
                "\"ok\": %ld, \"errors\": %ld}\n",
                run.n_done, wall, cpu,
                run.n_done ? wall * 1e6 / run.n_done : 0.0,
                run.n_done ? cpu * 1e6 / run.n_done : 0.0,
                wall > 0 ? run.n_done / wall : 0.0,
                farm.n, run.n_ok, run.n_errors);
        fflush (stdout);
        if (run.n_errors > 0)
                fprintf (stderr, "netsnmp-client: %ld of %ld requests failed, first: %s\n",
                         run.n_errors, run.n_done, run.first_error);
        return run.n_errors > 0 ? 1 : 0;
}

/* --- SNMPv3 ------------------------------------------------------------------ */

/* The session fields snmpget's snmp_parse_args() sets for -u -l -a -A -x -X:
 * Ku from the pass phrases (generate_Ku(), with the authentication hash for
 * both keys); the library localizes them once it has discovered the agent's
 * engine ID, which snmp_open() does. */
static int
setup_usm (netsnmp_session *session,
           const Options   *opts)
{
        if (opts->user == NULL) {
                fprintf (stderr, "netsnmp-client: SNMPv3 needs a user name (-u)\n");
                return -1;
        }
        session->securityName = (char *) opts->user;
        session->securityNameLen = strlen (opts->user);
        session->securityLevel = opts->level;
        session->securityModel = SNMP_SEC_MODEL_USM;

        if (opts->level >= SNMP_SEC_LEVEL_AUTHNOPRIV) {
                if (strcasecmp (opts->auth_protocol, "SHA") == 0) {
                        session->securityAuthProto = snmp_duplicate_objid (usmHMACSHA1AuthProtocol,
                                                                           USM_AUTH_PROTO_SHA_LEN);
                        session->securityAuthProtoLen = USM_AUTH_PROTO_SHA_LEN;
                } else if (strcasecmp (opts->auth_protocol, "MD5") == 0) {
                        session->securityAuthProto = snmp_duplicate_objid (usmHMACMD5AuthProtocol,
                                                                           USM_AUTH_PROTO_MD5_LEN);
                        session->securityAuthProtoLen = USM_AUTH_PROTO_MD5_LEN;
                } else {
                        fprintf (stderr, "netsnmp-client: unsupported -a “%s” (MD5, SHA)\n", opts->auth_protocol);
                        return -1;
                }
                if (opts->auth_pass == NULL) {
                        fprintf (stderr, "netsnmp-client: -A is needed\n");
                        return -1;
                }
                session->securityAuthKeyLen = USM_AUTH_KU_LEN;
                if (generate_Ku (session->securityAuthProto, session->securityAuthProtoLen,
                                 (const u_char *) opts->auth_pass, strlen (opts->auth_pass),
                                 session->securityAuthKey, &session->securityAuthKeyLen) != SNMPERR_SUCCESS) {
                        fprintf (stderr, "netsnmp-client: generate_Ku (auth) failed\n");
                        return -1;
                }
        }
        if (opts->level == SNMP_SEC_LEVEL_AUTHPRIV) {
                if (strcasecmp (opts->priv_protocol, "AES") == 0 ||
                    strcasecmp (opts->priv_protocol, "AES-128") == 0) {
                        session->securityPrivProto = snmp_duplicate_objid (usmAESPrivProtocol,
                                                                           USM_PRIV_PROTO_AES_LEN);
                        session->securityPrivProtoLen = USM_PRIV_PROTO_AES_LEN;
                } else if (strcasecmp (opts->priv_protocol, "DES") == 0) {
                        session->securityPrivProto = snmp_duplicate_objid (usmDESPrivProtocol,
                                                                           USM_PRIV_PROTO_DES_LEN);
                        session->securityPrivProtoLen = USM_PRIV_PROTO_DES_LEN;
                } else {
                        fprintf (stderr, "netsnmp-client: unsupported -x “%s” (DES, AES)\n", opts->priv_protocol);
                        return -1;
                }
                if (opts->priv_pass == NULL) {
                        fprintf (stderr, "netsnmp-client: -X is needed\n");
                        return -1;
                }
                session->securityPrivKeyLen = USM_PRIV_KU_LEN;
                if (generate_Ku (session->securityAuthProto, session->securityAuthProtoLen,
                                 (const u_char *) opts->priv_pass, strlen (opts->priv_pass),
                                 session->securityPrivKey, &session->securityPrivKeyLen) != SNMPERR_SUCCESS) {
                        fprintf (stderr, "netsnmp-client: generate_Ku (priv) failed\n");
                        return -1;
                }
        }
        return 0;
}

/* --- main -------------------------------------------------------------------- */

static void
usage (FILE *out)
{
        fprintf (out,
                 "Usage: netsnmp-client get [OPTION...] AGENT OID...\n"
                 "       netsnmp-client poll [--rounds R] [OPTION...] AGENTS-FILE OID...\n"
                 "  -v 1|2c|3        SNMP version (default 2c)\n"
                 "  -u USER -l LEVEL -a MD5|SHA -A PASS -x DES|AES -X PASS   SNMPv3\n"
                 "  -c COMMUNITY     community (default public)\n"
                 "  -n N             number of requests (default 10000)\n"
                 "  -w W             requests in flight (default 1)\n"
                 "  -t MS            timeout in milliseconds (default 1000)\n"
                 "  -r R             retries (default 5)\n"
                 "  --mode sync|async  default: sync when W is 1, else async\n"
                 "  --warmup K       untimed requests first (default 10)\n");
}

static long
parse_long (const char *s,
            long        min,
            long        max)
{
        char *end;
        long v;

        errno = 0;
        v = strtol (s, &end, 10);
        if (errno != 0 || *s == '\0' || *end != '\0' || v < min || v > max) {
                fprintf (stderr, "netsnmp-client: bad number “%s”\n", s);
                exit (2);
        }
        return v;
}

int
main (int    argc,
      char **argv)
{
        static const struct option long_options[] = {
                { "mode", required_argument, NULL, 'M' },
                { "warmup", required_argument, NULL, 'W' },
                { "rounds", required_argument, NULL, 'R' },
                { "help", no_argument, NULL, 'h' },
                { NULL, 0, NULL, 0 },
        };
        Options opts = {
                .version = SNMP_VERSION_2c,
                .community = "public",
                .n = 10000,
                .window = 1,
                .timeout_ms = 1000,
                .retries = 5,
                .async = -1,
                .warmup = 10,
                .level = SNMP_SEC_LEVEL_NOAUTH,
                .auth_protocol = "MD5",
                .priv_protocol = "DES",
        };
        netsnmp_session session;
        Run run = { 0 };
        Stamp start, end;
        double wall, cpu;
        long rounds = 5;
        int c, i, poll;

        if (argc < 2 || (strcmp (argv[1], "get") != 0 && strcmp (argv[1], "poll") != 0)) {
                usage (stderr);
                return 2;
        }
        poll = strcmp (argv[1], "poll") == 0;
        argc--;
        argv++;

        while ((c = getopt_long (argc, argv, "v:c:n:w:t:r:u:l:a:A:x:X:h", long_options, NULL)) != -1) {
                switch (c) {
                case 'v':
                        if (strcmp (optarg, "1") == 0)
                                opts.version = SNMP_VERSION_1;
                        else if (strcmp (optarg, "2c") == 0)
                                opts.version = SNMP_VERSION_2c;
                        else if (strcmp (optarg, "3") == 0)
                                opts.version = SNMP_VERSION_3;
                        else {
                                fprintf (stderr, "netsnmp-client: unsupported version “%s”\n", optarg);
                                return 2;
                        }
                        break;
                case 'c':
                        opts.community = optarg;
                        break;
                case 'u':
                        opts.user = optarg;
                        break;
                case 'l':
                        if (strcasecmp (optarg, "noAuthNoPriv") == 0)
                                opts.level = SNMP_SEC_LEVEL_NOAUTH;
                        else if (strcasecmp (optarg, "authNoPriv") == 0)
                                opts.level = SNMP_SEC_LEVEL_AUTHNOPRIV;
                        else if (strcasecmp (optarg, "authPriv") == 0)
                                opts.level = SNMP_SEC_LEVEL_AUTHPRIV;
                        else {
                                fprintf (stderr, "netsnmp-client: bad security level “%s”\n", optarg);
                                return 2;
                        }
                        break;
                case 'a':
                        opts.auth_protocol = optarg;
                        break;
                case 'A':
                        opts.auth_pass = optarg;
                        break;
                case 'x':
                        opts.priv_protocol = optarg;
                        break;
                case 'X':
                        opts.priv_pass = optarg;
                        break;
                case 'n':
                        opts.n = parse_long (optarg, 1, 1L << 30);
                        break;
                case 'w':
                        opts.window = parse_long (optarg, 1, 1L << 30);
                        break;
                case 't':
                        opts.timeout_ms = parse_long (optarg, 1, 1L << 30);
                        break;
                case 'r':
                        opts.retries = parse_long (optarg, 0, 1000);
                        break;
                case 'M':
                        if (strcmp (optarg, "sync") == 0)
                                opts.async = 0;
                        else if (strcmp (optarg, "async") == 0)
                                opts.async = 1;
                        else {
                                usage (stderr);
                                return 2;
                        }
                        break;
                case 'W':
                        opts.warmup = parse_long (optarg, 0, 100000);
                        break;
                case 'R':
                        rounds = parse_long (optarg, 1, 100000);
                        break;
                case 'h':
                        usage (stdout);
                        return 0;
                default:
                        usage (stderr);
                        return 2;
                }
        }
        if (optind + 2 > argc) {
                usage (stderr);
                return 2;
        }
        if (opts.async < 0)
                opts.async = opts.window > 1;
        if (!opts.async && opts.window != 1) {
                fprintf (stderr, "netsnmp-client: sync mode has 1 request in flight\n");
                return 2;
        }
        opts.agent = argv[optind];

        /* No configuration files, no MIBs, no persistent state: only the
         * library's request path is measured. */
        setenv ("MIBS", "", 1);
        netsnmp_ds_set_boolean (NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
        netsnmp_ds_set_boolean (NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
        netsnmp_ds_set_boolean (NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
        init_snmp ("netsnmp-client");

        for (i = optind + 1; i < argc; i++) {
                if (opts.n_oids == MAX_OIDS) {
                        fprintf (stderr, "netsnmp-client: at most %d OIDs\n", MAX_OIDS);
                        return 2;
                }
                opts.oid_lens[opts.n_oids] = MAX_OID_LEN;
                if (read_objid (argv[i], opts.oids[opts.n_oids], &opts.oid_lens[opts.n_oids]) == 0) {
                        fprintf (stderr, "netsnmp-client: bad OID “%s”\n", argv[i]);
                        return 2;
                }
                opts.n_oids++;
        }

        if (poll)
                return run_poll (&opts, opts.agent, rounds);

        snmp_sess_init (&session);
        session.peername = (char *) opts.agent;
        session.version = opts.version;
        session.community = (u_char *) opts.community;
        session.community_len = strlen (opts.community);
        if (opts.version == SNMP_VERSION_3 && setup_usm (&session, &opts) != 0)
                return 2;
        session.timeout = opts.timeout_ms * 1000;
        session.retries = opts.retries;
        run.ss = snmp_open (&session);
        if (run.ss == NULL) {
                snmp_sess_perror ("netsnmp-client", &session);
                return 1;
        }
        run.opts = &opts;

        if (opts.warmup > 0) {
                run_loop (&run, opts.warmup, 1, opts.async);
                if (run.n_errors > 0) {
                        fprintf (stderr, "netsnmp-client: warm-up failed: %s\n", run.first_error);
                        return 1;
                }
        }

        start = stamp_now ();
        run_loop (&run, opts.n, opts.window, opts.async);
        end = stamp_now ();

        wall = end.wall - start.wall;
        cpu = end.cpu - start.cpu;
        printf ("{\"ops\": %ld, \"wall_s\": %.6f, \"cpu_s\": %.6f, "
                "\"us_per_op\": %.3f, \"cpu_us_per_op\": %.3f, \"ops_per_s\": %.1f, "
                "\"tool\": \"netsnmp\", \"command\": \"get\", \"mode\": \"%s\", "
                "\"window\": %ld, \"ok\": %ld, \"errors\": %ld}\n",
                run.n_done, wall, cpu,
                run.n_done ? wall * 1e6 / run.n_done : 0.0,
                run.n_done ? cpu * 1e6 / run.n_done : 0.0,
                wall > 0 ? run.n_done / wall : 0.0,
                opts.async ? "async" : "sync",
                opts.window < opts.n ? opts.window : opts.n,
                run.n_ok, run.n_errors);
        fflush (stdout);
        if (run.n_errors > 0)
                fprintf (stderr, "netsnmp-client: %ld of %ld requests failed, first: %s\n",
                         run.n_errors, run.n_done, run.first_error);

        snmp_close (run.ss);
        snmp_shutdown ("netsnmp-client");
        return run.n_errors > 0 ? 1 : 0;
}
