/* gsnmp-bench.c - request throughput and client CPU cost of one GsnmpEngine
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *     gsnmp-bench get -v2c -c public -n 20000 -w 32 127.0.0.1:16100 1.3.6.1.2.1.1.1.0
 *
 * sends N GET requests to one agent, keeping W of them in flight on a single
 * GsnmpEngine (-w N issues all of them at once and lets the engine pace the
 * wire), and prints one JSON line:
 *
 *     {"ops": 20000, "wall_s": 0.81, "cpu_s": 0.30, "us_per_op": 40.5,
 *      "cpu_us_per_op": 15.0, ...}
 *
 * cpu_s is getrusage (RUSAGE_SELF) user + system time around the request loop
 * only: start-up, parsing and a few warm-up requests are excluded. bench/run.sh
 * runs it side by side with a Net-SNMP C client (bench/netsnmp-client.c), which
 * prints the same line.
 *
 * Subcommands live in a table and options in another, both shared, so that
 * walk and the SNMPv3 options can be added as rows.
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <gsnmp/gsnmp.h>

/* --- options -------------------------------------------------------------- */

typedef struct {
        GsnmpProtocolVersion version;
        char *community;
        guint64 n;
        guint64 window;
        guint timeout_ms;          /* 0: the target's default */
        int retries;               /* < 0: the target's default */
        guint max_in_flight;       /* 0: the engine's default */
        guint warmup;
        char *agent;
        GPtrArray *oid_strings;    /* (element-type utf8) */
        /* SNMPv3 */
        char *user;
        GsnmpSecurityLevel level;
        GsnmpAuthProtocol auth_protocol;
        char *auth_pass;
        GsnmpPrivProtocol priv_protocol;
        char *priv_pass;
        /* walk */
        guint max_repetitions;     /* 0: the target's default */
        /* poll */
        guint rounds;
} BenchOptions;

typedef gboolean (*OptionSetter) (BenchOptions  *opts,
                                  const char    *value,
                                  GError       **error);

typedef struct {
        char letter;               /* Net-SNMP style: -v2c and -v 2c */
        const char *long_name;     /* --name VALUE and --name=VALUE */
        const char *arg_name;
        OptionSetter set;
        const char *help;
} BenchOption;

static gboolean
parse_uint (const char  *value,
            guint64      min,
            guint64      max,
            guint64     *out,
            GError     **error)
{
        return g_ascii_string_to_unsigned (value, 10, min, max, out, error);
}

static gboolean
set_version (BenchOptions  *opts,
             const char    *value,
             GError       **error)
{
        if (g_str_equal (value, "1"))
                opts->version = GSNMP_PROTOCOL_VERSION_V1;
        else if (g_str_equal (value, "2c"))
                opts->version = GSNMP_PROTOCOL_VERSION_V2C;
        else if (g_str_equal (value, "3"))
                opts->version = GSNMP_PROTOCOL_VERSION_V3;
        else {
                g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                             "unsupported version “%s” (1, 2c or 3)", value);
                return FALSE;
        }
        return TRUE;
}

static gboolean
set_community (BenchOptions  *opts,
               const char    *value,
               GError       **error)
{
        g_free (opts->community);
        opts->community = g_strdup (value);
        return TRUE;
}

static gboolean
set_count (BenchOptions  *opts,
           const char    *value,
           GError       **error)
{
        return parse_uint (value, 1, G_MAXINT32, &opts->n, error);
}

static gboolean
set_window (BenchOptions  *opts,
            const char    *value,
            GError       **error)
{
        return parse_uint (value, 1, G_MAXINT32, &opts->window, error);
}

static gboolean
set_timeout (BenchOptions  *opts,
             const char    *value,
             GError       **error)
{
        guint64 v;

        /* Milliseconds, unlike Net-SNMP's -t in seconds. */
        if (!parse_uint (value, 1, G_MAXUINT, &v, error))
                return FALSE;
        opts->timeout_ms = v;
        return TRUE;
}

static gboolean
set_retries (BenchOptions  *opts,
             const char    *value,
             GError       **error)
{
        guint64 v;

        if (!parse_uint (value, 0, 1000, &v, error))
                return FALSE;
        opts->retries = v;
        return TRUE;
}

static gboolean
set_max_in_flight (BenchOptions  *opts,
                   const char    *value,
                   GError       **error)
{
        guint64 v;

        if (!parse_uint (value, 1, G_MAXUINT, &v, error))
                return FALSE;
        opts->max_in_flight = v;
        return TRUE;
}

static gboolean
set_warmup (BenchOptions  *opts,
            const char    *value,
            GError       **error)
{
        guint64 v;

        if (!parse_uint (value, 0, 100000, &v, error))
                return FALSE;
        opts->warmup = v;
        return TRUE;
}

static gboolean
set_user (BenchOptions  *opts,
          const char    *value,
          GError       **error)
{
        g_free (opts->user);
        opts->user = g_strdup (value);
        return TRUE;
}

static gboolean
set_level (BenchOptions  *opts,
           const char    *value,
           GError       **error)
{
        if (g_ascii_strcasecmp (value, "noAuthNoPriv") == 0)
                opts->level = GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV;
        else if (g_ascii_strcasecmp (value, "authNoPriv") == 0)
                opts->level = GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV;
        else if (g_ascii_strcasecmp (value, "authPriv") == 0)
                opts->level = GSNMP_SECURITY_LEVEL_AUTH_PRIV;
        else {
                g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                             "unknown security level “%s”", value);
                return FALSE;
        }
        return TRUE;
}

static const struct {
        const char *name;
        GsnmpAuthProtocol protocol;
} auth_protocols[] = {
        { "MD5", GSNMP_AUTH_PROTOCOL_MD5 },
        { "SHA", GSNMP_AUTH_PROTOCOL_SHA },
        { "SHA-224", GSNMP_AUTH_PROTOCOL_SHA224 },
        { "SHA-256", GSNMP_AUTH_PROTOCOL_SHA256 },
        { "SHA-384", GSNMP_AUTH_PROTOCOL_SHA384 },
        { "SHA-512", GSNMP_AUTH_PROTOCOL_SHA512 },
};

static const struct {
        const char *name;
        GsnmpPrivProtocol protocol;
} priv_protocols[] = {
        { "DES", GSNMP_PRIV_PROTOCOL_DES },
        { "AES", GSNMP_PRIV_PROTOCOL_AES },
        { "AES-128", GSNMP_PRIV_PROTOCOL_AES },
        { "AES-192", GSNMP_PRIV_PROTOCOL_AES192 },
        { "AES-256", GSNMP_PRIV_PROTOCOL_AES256 },
};

static gboolean
set_auth_protocol (BenchOptions  *opts,
                   const char    *value,
                   GError       **error)
{
        gsize i;

        for (i = 0; i < G_N_ELEMENTS (auth_protocols); i++) {
                if (g_ascii_strcasecmp (value, auth_protocols[i].name) == 0) {
                        opts->auth_protocol = auth_protocols[i].protocol;
                        return TRUE;
                }
        }
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     "unknown authentication protocol “%s”", value);
        return FALSE;
}

static gboolean
set_auth_pass (BenchOptions  *opts,
               const char    *value,
               GError       **error)
{
        g_free (opts->auth_pass);
        opts->auth_pass = g_strdup (value);
        return TRUE;
}

static gboolean
set_priv_protocol (BenchOptions  *opts,
                   const char    *value,
                   GError       **error)
{
        gsize i;

        for (i = 0; i < G_N_ELEMENTS (priv_protocols); i++) {
                if (g_ascii_strcasecmp (value, priv_protocols[i].name) == 0) {
                        opts->priv_protocol = priv_protocols[i].protocol;
                        return TRUE;
                }
        }
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     "unknown privacy protocol “%s”", value);
        return FALSE;
}

static gboolean
set_priv_pass (BenchOptions  *opts,
               const char    *value,
               GError       **error)
{
        g_free (opts->priv_pass);
        opts->priv_pass = g_strdup (value);
        return TRUE;
}

/* Net-SNMP's -C APPOPTS; only r<NUM> (max-repetitions) matters here. */
static gboolean
set_app_options (BenchOptions  *opts,
                 const char    *value,
                 GError       **error)
{
        guint64 v;

        if (value[0] != 'r') {
                g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                             "unsupported application option “%s” (only r<NUM>)", value);
                return FALSE;
        }
        if (!parse_uint (value + 1, 1, G_MAXINT32, &v, error))
                return FALSE;
        opts->max_repetitions = v;
        return TRUE;
}

static gboolean
set_rounds (BenchOptions  *opts,
            const char    *value,
            GError       **error)
{
        guint64 v;

        if (!parse_uint (value, 1, 100000, &v, error))
                return FALSE;
        opts->rounds = v;
        return TRUE;
}

static const BenchOption options[] = {
        { 'v', "version", "1|2c|3", set_version, "SNMP version (default 2c)" },
        { 'c', "community", "COMMUNITY", set_community, "community string (default public)" },
        { 'n', "requests", "N", set_count, "number of requests (default 10000)" },
        { 'w', "window", "W", set_window, "requests kept in flight (default 1; W >= N issues all at once)" },
        { 't', "timeout", "MS", set_timeout, "target timeout in milliseconds (default: the target's)" },
        { 'r', "retries", "R", set_retries, "target retries (default: the target's)" },
        { 'm', "max-in-flight", "M", set_max_in_flight, "engine limit on requests on the wire (default: the engine's)" },
        { 0, "warmup", "K", set_warmup, "untimed requests sent one by one first (default 10)" },
        { 'u', "user", "USER", set_user, "SNMPv3 user name" },
        { 'l', "level", "LEVEL", set_level, "SNMPv3 security level: noAuthNoPriv, authNoPriv, authPriv" },
        { 'a', "auth-protocol", "PROTOCOL", set_auth_protocol, "SNMPv3 authentication: MD5, SHA, SHA-224 ... SHA-512" },
        { 'A', "auth-pass", "PASSPHRASE", set_auth_pass, "SNMPv3 authentication pass phrase" },
        { 'x', "priv-protocol", "PROTOCOL", set_priv_protocol, "SNMPv3 privacy: DES, AES, AES-192, AES-256" },
        { 'X', "priv-pass", "PASSPHRASE", set_priv_pass, "SNMPv3 privacy pass phrase" },
        { 'C', "app-options", "rNUM", set_app_options, "walk: max-repetitions (-Cr50; default: the target's)" },
        { 0, "rounds", "R", set_rounds, "poll: rounds of one GET per agent (default 5)" },
};

/* --- the measurement ------------------------------------------------------- */

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

/* A JSON string body: quotes, backslashes and control bytes escaped, UTF-8
 * passed through. */
static char *
json_escape (const char *s)
{
        GString *out = g_string_new (NULL);

        for (; *s; s++) {
                guchar c = *s;

                if (c == '"' || c == '\\')
                        g_string_append_printf (out, "\\%c", c);
                else if (c < 0x20)
                        g_string_append_printf (out, "\\u%04x", c);
                else
                        g_string_append_c (out, c);
        }
        return g_string_free (out, FALSE);
}

static void
print_result (const char         *command,
              const BenchOptions *opts,
              guint64             ops,
              guint64             n_ok,
              guint64             n_errors,
              Stamp               start,
              Stamp               end,
              const char         *first_error)
{
        double wall = end.wall - start.wall;
        double cpu = end.cpu - start.cpu;
        g_autofree char *escaped = first_error ? json_escape (first_error) : NULL;
        char buf[5][G_ASCII_DTOSTR_BUF_SIZE];

        /* Locale-independent decimals: this is JSON. */
        printf ("{\"ops\": %" G_GUINT64_FORMAT ", \"wall_s\": %s, \"cpu_s\": %s, "
                "\"us_per_op\": %s, \"cpu_us_per_op\": %s, "
                "\"ops_per_s\": %s, \"tool\": \"gsnmp\", \"command\": \"%s\", "
                "\"window\": %" G_GUINT64_FORMAT ", \"ok\": %" G_GUINT64_FORMAT
                ", \"errors\": %" G_GUINT64_FORMAT "%s%s%s}\n",
                ops,
                g_ascii_formatd (buf[0], sizeof buf[0], "%.6f", wall),
                g_ascii_formatd (buf[1], sizeof buf[1], "%.6f", cpu),
                g_ascii_formatd (buf[2], sizeof buf[2], "%.3f", ops ? wall * 1e6 / ops : 0.0),
                g_ascii_formatd (buf[3], sizeof buf[3], "%.3f", ops ? cpu * 1e6 / ops : 0.0),
                g_ascii_formatd (buf[4], sizeof buf[4], "%.1f", wall > 0 ? ops / wall : 0.0),
                command,
                MIN (opts->window, opts->n), n_ok, n_errors,
                escaped ? ", \"first_error\": \"" : "",
                escaped ? escaped : "",
                escaped ? "\"" : "");
        fflush (stdout);
}

/* --- get ------------------------------------------------------------------- */

typedef struct {
        GsnmpEngine *engine;
        GsnmpTarget *target;
        GsnmpOid **oids;
        gsize n_oids;
        guint64 n;          /* requests to send */
        guint64 n_issued;
        guint64 n_done;
        guint64 n_ok;
        guint64 n_errors;
        char *first_error;
} GetRun;

static void issue_get (GetRun *run);

static void
on_get_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
        GetRun *run = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;

        pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), result, &error);
        if (pdu != NULL && gsnmp_pdu_check_error (pdu, &error) &&
            gsnmp_pdu_get_n_varbinds (pdu) != run->n_oids)
                g_set_error (&error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                             "response has %u varbinds, expected %" G_GSIZE_FORMAT,
                             gsnmp_pdu_get_n_varbinds (pdu), run->n_oids);

        if (error == NULL) {
                run->n_ok++;
        } else {
                run->n_errors++;
                if (run->first_error == NULL)
                        run->first_error = g_strdup (error->message);
        }
        run->n_done++;

        if (run->n_issued < run->n)
                issue_get (run);
}

static void
issue_get (GetRun *run)
{
        run->n_issued++;
        gsnmp_engine_get_async (run->engine, run->target,
                                (GsnmpOid * const *) run->oids, run->n_oids,
                                NULL, on_get_done, run);
}

static void
get_run_loop (GetRun  *run,
              guint64  n,
              guint64  window)
{
        guint64 i;

        run->n = n;
        run->n_issued = run->n_done = run->n_ok = run->n_errors = 0;
        g_clear_pointer (&run->first_error, g_free);

        for (i = 0; i < MIN (window, n); i++)
                issue_get (run);
        while (run->n_done < run->n)
                g_main_context_iteration (NULL, TRUE);
}

/* The engine, the target (community or USM user) and the OIDs of the
 * command line; prints the error and returns the exit status otherwise. */
static int
setup (BenchOptions  *opts,
       GsnmpEngine  **engine_out,
       GsnmpTarget  **target_out,
       GPtrArray    **oids_out)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpCredentials) credentials = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GPtrArray) oids = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        guint i;

        for (i = 0; i < opts->oid_strings->len; i++) {
                GsnmpOid *oid = gsnmp_oid_new_from_string (opts->oid_strings->pdata[i], &error);

                if (oid == NULL) {
                        g_printerr ("gsnmp-bench: %s\n", error->message);
                        return 2;
                }
                g_ptr_array_add (oids, oid);
        }

        engine = gsnmp_engine_new (&error);
        if (engine == NULL) {
                g_printerr ("gsnmp-bench: %s\n", error->message);
                return 1;
        }
        if (opts->max_in_flight > 0)
                gsnmp_engine_set_max_in_flight (engine, opts->max_in_flight);

        if (opts->version == GSNMP_PROTOCOL_VERSION_V3) {
                GsnmpAuthProtocol auth = GSNMP_AUTH_PROTOCOL_NONE;
                GsnmpPrivProtocol priv = GSNMP_PRIV_PROTOCOL_NONE;

                if (opts->user == NULL) {
                        g_printerr ("gsnmp-bench: SNMPv3 needs a user name (-u)\n");
                        return 2;
                }
                if (opts->level >= GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV)
                        auth = opts->auth_protocol;
                if (opts->level == GSNMP_SECURITY_LEVEL_AUTH_PRIV)
                        priv = opts->priv_protocol;
                credentials = GSNMP_CREDENTIALS (gsnmp_usm_user_new (opts->user,
                                                                     auth, opts->auth_pass,
                                                                     priv, opts->priv_pass,
                                                                     &error));
        } else {
                credentials = GSNMP_CREDENTIALS (gsnmp_community_new (opts->version, opts->community));
        }
        if (credentials == NULL) {
                g_printerr ("gsnmp-bench: %s\n", error->message);
                return 2;
        }
        target = gsnmp_target_new (opts->agent, credentials, &error);
        if (target == NULL) {
                g_printerr ("gsnmp-bench: %s\n", error->message);
                return 2;
        }
        if (opts->timeout_ms > 0)
                gsnmp_target_set_timeout (target, opts->timeout_ms);
        if (opts->retries >= 0)
                gsnmp_target_set_retries (target, opts->retries);
        if (opts->max_repetitions > 0)
                gsnmp_target_set_max_repetitions (target, opts->max_repetitions);

        *engine_out = g_steal_pointer (&engine);
        *target_out = g_steal_pointer (&target);
        *oids_out = g_steal_pointer (&oids);
        return 0;
}

static int
run_get (const char   *command,
         BenchOptions *opts)
{
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GPtrArray) oids = NULL;
        GetRun run = { 0 };
        Stamp start, end;
        int ret;

        ret = setup (opts, &engine, &target, &oids);
        if (ret != 0)
                return ret;

        run.engine = engine;
        run.target = target;
        run.oids = (GsnmpOid **) oids->pdata;
        run.n_oids = oids->len;

        /* Warm-up, untimed: first socket use, caches, page faults. */
        if (opts->warmup > 0) {
                get_run_loop (&run, opts->warmup, 1);
                if (run.n_errors > 0) {
                        g_printerr ("gsnmp-bench: warm-up failed: %s\n", run.first_error);
                        g_free (run.first_error);
                        return 1;
                }
        }

        start = stamp_now ();
        get_run_loop (&run, opts->n, opts->window);
        end = stamp_now ();

        print_result (command, opts, run.n_done, run.n_ok, run.n_errors,
                      start, end, run.first_error);
        if (run.n_errors > 0)
                g_printerr ("gsnmp-bench: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                            " requests failed, first: %s\n",
                            run.n_errors, run.n_done, run.first_error);
        g_free (run.first_error);

        return run.n_errors > 0 ? 1 : 0;
}

/* --- many agents: poll and burst ------------------------------------------- */

/* One GET of the OIDs to each of many agents.  AGENT is a file of agent
 * addresses, one per line (bench/agent-farm writes it); each gets its own
 * GsnmpTarget, all on one engine. */
typedef struct {
        GsnmpEngine *engine;
        GPtrArray *targets;        /* (element-type GsnmpTarget) */
        GsnmpOid **oids;
        gsize n_oids;
        guint64 n_done;
        guint64 n_ok;
        guint64 n_errors;
        char *first_error;
} ManyRun;

static void
on_many_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
        ManyRun *run = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;

        pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), result, &error);
        if (pdu != NULL && gsnmp_pdu_check_error (pdu, &error) &&
            gsnmp_pdu_get_n_varbinds (pdu) != run->n_oids)
                g_set_error (&error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                             "response has %u varbinds, expected %" G_GSIZE_FORMAT,
                             gsnmp_pdu_get_n_varbinds (pdu), run->n_oids);
        if (error == NULL) {
                run->n_ok++;
        } else {
                run->n_errors++;
                if (run->first_error == NULL)
                        run->first_error = g_strdup (error->message);
        }
        run->n_done++;
}

/* Issues @n GETs at once, to the agents in turn, and waits for all. */
static void
many_run_issue (ManyRun *run,
                guint64  n)
{
        guint64 i, target = run->n_done + n;

        for (i = 0; i < n; i++)
                gsnmp_engine_get_async (run->engine,
                                        run->targets->pdata[i % run->targets->len],
                                        (GsnmpOid * const *) run->oids, run->n_oids,
                                        NULL, on_many_done, run);
        while (run->n_done < target)
                g_main_context_iteration (NULL, TRUE);
}

static long
current_rss_kb (void)
{
        g_autofree char *statm = NULL;
        long pages = 0, resident = 0;

        if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
            sscanf (statm, "%ld %ld", &pages, &resident) != 2)
                return 0;
        return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

/* poll: --rounds R rounds, each one GET to every agent, all issued at once
 * (the engine paces the wire); ops = R x agents.
 * burst: -n N GETs issued at once, spread over the agents; reports the peak
 * RSS growth over the idle engine and its share per request in flight. */
static int
run_many (const char   *command,
          BenchOptions *opts)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpCredentials) credentials = NULL;
        g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr(GPtrArray) oids = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        g_autofree char *contents = NULL;
        g_auto(GStrv) lines = NULL;
        gboolean burst = g_str_equal (command, "burst");
        ManyRun run = { 0 };
        Stamp start, end;
        long rss_idle, rss_peak;
        struct rusage ru;
        guint64 ops;
        guint i;

        if (opts->version == GSNMP_PROTOCOL_VERSION_V3) {
                g_printerr ("gsnmp-bench: %s is SNMPv1/v2c only\n", command);
                return 2;
        }
        if (!g_file_get_contents (opts->agent, &contents, NULL, &error)) {
                g_printerr ("gsnmp-bench: %s\n", error->message);
                return 2;
        }
        for (i = 0; i < opts->oid_strings->len; i++) {
                GsnmpOid *oid = gsnmp_oid_new_from_string (opts->oid_strings->pdata[i], &error);

                if (oid == NULL) {
                        g_printerr ("gsnmp-bench: %s\n", error->message);
                        return 2;
                }
                g_ptr_array_add (oids, oid);
        }
        engine = gsnmp_engine_new (&error);
        if (engine == NULL) {
                g_printerr ("gsnmp-bench: %s\n", error->message);
                return 1;
        }
        if (opts->max_in_flight > 0)
                gsnmp_engine_set_max_in_flight (engine, opts->max_in_flight);
        credentials = GSNMP_CREDENTIALS (gsnmp_community_new (opts->version, opts->community));
        lines = g_strsplit (contents, "\n", -1);
        for (i = 0; lines[i] != NULL; i++) {
                GsnmpTarget *target;

                g_strstrip (lines[i]);
                if (lines[i][0] == '\0')
                        continue;
                target = gsnmp_target_new (lines[i], credentials, &error);
                if (target == NULL) {
                        g_printerr ("gsnmp-bench: %s\n", error->message);
                        return 2;
                }
                if (opts->timeout_ms > 0)
                        gsnmp_target_set_timeout (target, opts->timeout_ms);
                if (opts->retries >= 0)
                        gsnmp_target_set_retries (target, opts->retries);
                g_ptr_array_add (targets, target);
        }
        if (targets->len == 0) {
                g_printerr ("gsnmp-bench: no agents in %s\n", opts->agent);
                return 2;
        }

        run.engine = engine;
        run.targets = targets;
        run.oids = (GsnmpOid **) oids->pdata;
        run.n_oids = oids->len;

        /* Warm-up, untimed: one GET to every agent (first use of each
         * target, allocator pools at their working size) */
        if (opts->warmup > 0) {
                many_run_issue (&run, targets->len);
                if (run.n_errors > 0) {
                        g_printerr ("gsnmp-bench: warm-up failed: %s\n", run.first_error);
                        g_free (run.first_error);
                        return 1;
                }
        }
        run.n_done = run.n_ok = run.n_errors = 0;

        rss_idle = current_rss_kb ();
        start = stamp_now ();
        if (burst) {
                many_run_issue (&run, opts->n);
        } else {
                for (i = 0; i < opts->rounds; i++)
                        many_run_issue (&run, targets->len);
        }
        end = stamp_now ();
        getrusage (RUSAGE_SELF, &ru);
        rss_peak = ru.ru_maxrss;
        ops = run.n_done;

        {
                double wall = end.wall - start.wall;
                double cpu = end.cpu - start.cpu;
                long growth = rss_peak > rss_idle ? rss_peak - rss_idle : 0;
                g_autofree char *escaped = run.first_error ? json_escape (run.first_error) : NULL;
                char buf[6][G_ASCII_DTOSTR_BUF_SIZE];

                printf ("{\"ops\": %" G_GUINT64_FORMAT ", \"wall_s\": %s, \"cpu_s\": %s, "
                        "\"us_per_op\": %s, \"cpu_us_per_op\": %s, \"ops_per_s\": %s, "
                        "\"tool\": \"gsnmp\", \"command\": \"%s\", \"agents\": %u, "
                        "\"rss_idle_kb\": %ld, \"max_rss_kb\": %ld, \"bytes_per_request\": %s, "
                        "\"ok\": %" G_GUINT64_FORMAT ", \"errors\": %" G_GUINT64_FORMAT "%s%s%s}\n",
                        ops,
                        g_ascii_formatd (buf[0], sizeof buf[0], "%.6f", wall),
                        g_ascii_formatd (buf[1], sizeof buf[1], "%.6f", cpu),
                        g_ascii_formatd (buf[2], sizeof buf[2], "%.3f", ops ? wall * 1e6 / ops : 0.0),
                        g_ascii_formatd (buf[3], sizeof buf[3], "%.3f", ops ? cpu * 1e6 / ops : 0.0),
                        g_ascii_formatd (buf[4], sizeof buf[4], "%.1f", wall > 0 ? ops / wall : 0.0),
                        command, targets->len, rss_idle, rss_peak,
                        g_ascii_formatd (buf[5], sizeof buf[5], "%.1f",
                                         burst && ops ? growth * 1024.0 / ops : 0.0),
                        run.n_ok, run.n_errors,
                        escaped ? ", \"first_error\": \"" : "",
                        escaped ? escaped : "",
                        escaped ? "\"" : "");
                fflush (stdout);
        }
        if (run.n_errors > 0)
                g_printerr ("gsnmp-bench: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                            " requests failed, first: %s\n", run.n_errors, ops, run.first_error);
        g_free (run.first_error);
        return run.n_errors > 0 ? 1 : 0;
}

/* --- walk ------------------------------------------------------------------ */

typedef struct {
        guint64 n_varbinds;
        gboolean done;
        GError *error;
} WalkRun;

static void
on_walk_next (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
        WalkRun *run = user_data;
        GPtrArray *batch;

        batch = gsnmp_walk_next_finish (GSNMP_WALK (source), result, &run->error);
        if (batch == NULL || batch->len == 0)
                run->done = TRUE;
        else
                run->n_varbinds += batch->len;
        g_clear_pointer (&batch, g_ptr_array_unref);
        if (!run->done)
                gsnmp_walk_next_async (GSNMP_WALK (source), NULL, on_walk_next, run);
}

/* Walks the subtree below the OID with the enumerator, one batch (one
 * GETBULK) at a time, and drops each batch: memory must not grow with the
 * subtree. ops counts variable bindings; max_rss_kb is the process's peak. */
static int
run_walk (const char   *command,
          BenchOptions *opts)
{
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GPtrArray) oids = NULL;
        g_autoptr(GsnmpWalk) walk = NULL;
        GetRun warm = { 0 };
        WalkRun run = { 0 };
        Stamp start, end;
        struct rusage ru;
        char buf[5][G_ASCII_DTOSTR_BUF_SIZE];
        double wall, cpu;
        int ret;

        if (opts->oid_strings->len != 1) {
                g_printerr ("gsnmp-bench: walk takes one OID\n");
                return 2;
        }
        ret = setup (opts, &engine, &target, &oids);
        if (ret != 0)
                return ret;

        /* Warm-up, untimed: GETs of the root (SNMPv3 discovery happens here). */
        if (opts->warmup > 0) {
                warm.engine = engine;
                warm.target = target;
                warm.oids = (GsnmpOid **) oids->pdata;
                warm.n_oids = 1;
                get_run_loop (&warm, opts->warmup, 1);
                if (warm.n_errors > 0) {
                        g_printerr ("gsnmp-bench: warm-up failed: %s\n", warm.first_error);
                        g_free (warm.first_error);
                        return 1;
                }
                g_free (warm.first_error);
        }

        walk = gsnmp_walk_new (engine, target, oids->pdata[0]);
        if (opts->max_repetitions > 0)
                gsnmp_walk_set_max_repetitions (walk, opts->max_repetitions);

        start = stamp_now ();
        gsnmp_walk_next_async (walk, NULL, on_walk_next, &run);
        while (!run.done)
                g_main_context_iteration (NULL, TRUE);
        end = stamp_now ();

        getrusage (RUSAGE_SELF, &ru);
        wall = end.wall - start.wall;
        cpu = end.cpu - start.cpu;
        printf ("{\"ops\": %" G_GUINT64_FORMAT ", \"wall_s\": %s, \"cpu_s\": %s, "
                "\"us_per_op\": %s, \"cpu_us_per_op\": %s, \"ops_per_s\": %s, "
                "\"tool\": \"gsnmp\", \"command\": \"%s\", \"requests\": %u, "
                "\"max_rss_kb\": %ld, \"ok\": %" G_GUINT64_FORMAT ", \"errors\": %d}\n",
                run.n_varbinds,
                g_ascii_formatd (buf[0], sizeof buf[0], "%.6f", wall),
                g_ascii_formatd (buf[1], sizeof buf[1], "%.6f", cpu),
                g_ascii_formatd (buf[2], sizeof buf[2], "%.3f", run.n_varbinds ? wall * 1e6 / run.n_varbinds : 0.0),
                g_ascii_formatd (buf[3], sizeof buf[3], "%.3f", run.n_varbinds ? cpu * 1e6 / run.n_varbinds : 0.0),
                g_ascii_formatd (buf[4], sizeof buf[4], "%.1f", wall > 0 ? run.n_varbinds / wall : 0.0),
                command, gsnmp_walk_get_n_requests (walk), ru.ru_maxrss,
                run.error ? (guint64) 0 : run.n_varbinds, run.error ? 1 : 0);
        fflush (stdout);
        if (run.error != NULL) {
                g_printerr ("gsnmp-bench: walk failed: %s\n", run.error->message);
                g_error_free (run.error);
                return 1;
        }
        return 0;
}

/* --- subcommands ----------------------------------------------------------- */

typedef struct {
        const char *name;
        const char *args;
        const char *summary;
        int (*run) (const char *command, BenchOptions *opts);
} BenchCommand;

static const BenchCommand commands[] = {
        { "get", "AGENT OID...", "send N GET requests for the OIDs, W in flight", run_get },
        { "walk", "AGENT OID", "walk a subtree with GETBULK (GsnmpWalk), batch by batch", run_walk },
        { "poll", "AGENTS-FILE OID...", "R rounds of one GET to every agent in the file, all at once", run_many },
        { "burst", "AGENTS-FILE OID...", "N GETs at once spread over the agents; peak RSS per request", run_many },
};

static void
usage (FILE *out)
{
        gsize i;

        fprintf (out, "Usage: gsnmp-bench COMMAND [OPTION...] AGENT OID...\n\nCommands:\n");
        for (i = 0; i < G_N_ELEMENTS (commands); i++)
                fprintf (out, "  %-6s %-14s %s\n", commands[i].name, commands[i].args, commands[i].summary);
        fprintf (out, "\nOptions:\n");
        for (i = 0; i < G_N_ELEMENTS (options); i++) {
                g_autofree char *form = NULL;

                if (options[i].letter)
                        form = g_strdup_printf ("-%c, --%s %s", options[i].letter,
                                                options[i].long_name, options[i].arg_name);
                else
                        form = g_strdup_printf ("    --%s %s", options[i].long_name, options[i].arg_name);
                fprintf (out, "  %-30s %s\n", form, options[i].help);
        }
        fprintf (out, "\nAGENT is anything GsnmpTarget accepts: HOST[:PORT], udp6:[::1]:PORT, snmp://...\n"
                      "Prints one JSON line: ops, wall_s, cpu_s, us_per_op, cpu_us_per_op, ...\n");
}

static const BenchOption *
find_option (char        letter,
             const char *long_name,
             gsize       long_len)
{
        gsize i;

        for (i = 0; i < G_N_ELEMENTS (options); i++) {
                if (letter != 0 && options[i].letter == letter)
                        return &options[i];
                if (long_name != NULL && strlen (options[i].long_name) == long_len &&
                    strncmp (options[i].long_name, long_name, long_len) == 0)
                        return &options[i];
        }
        return NULL;
}

/* Net-SNMP style: "-v2c", "-v 2c", "--version=2c", "--version 2c". */
static gboolean
parse_args (int            argc,
            char         **argv,
            BenchOptions  *opts,
            GError       **error)
{
        int i;

        for (i = 0; i < argc; i++) {
                const char *arg = argv[i];
                const BenchOption *opt;
                const char *value = NULL;

                if (arg[0] != '-' || arg[1] == '\0') {
                        if (opts->agent == NULL)
                                opts->agent = g_strdup (arg);
                        else
                                g_ptr_array_add (opts->oid_strings, g_strdup (arg));
                        continue;
                }
                if (arg[1] == '-') {
                        const char *eq = strchr (arg + 2, '=');
                        gsize len = eq ? (gsize) (eq - arg - 2) : strlen (arg + 2);

                        opt = find_option (0, arg + 2, len);
                        if (eq != NULL)
                                value = eq + 1;
                } else {
                        opt = find_option (arg[1], NULL, 0);
                        if (arg[2] != '\0')
                                value = arg + 2;
                }
                if (opt == NULL) {
                        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                                     "unknown option “%s”", arg);
                        return FALSE;
                }
                if (value == NULL) {
                        if (i + 1 >= argc) {
                                g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                             "option “%s” needs a value", arg);
                                return FALSE;
                        }
                        value = argv[++i];
                }
                if (!opt->set (opts, value, error)) {
                        g_prefix_error (error, "%s: ", arg);
                        return FALSE;
                }
        }
        return TRUE;
}

int
main (int    argc,
      char **argv)
{
        g_autoptr(GError) error = NULL;
        const BenchCommand *command = NULL;
        BenchOptions opts = {
                .version = GSNMP_PROTOCOL_VERSION_V2C,
                .n = 10000,
                .window = 1,
                .retries = -1,
                .warmup = 10,
                .rounds = 5,
                .level = GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV,
                .auth_protocol = GSNMP_AUTH_PROTOCOL_MD5,
                .priv_protocol = GSNMP_PRIV_PROTOCOL_DES,
        };
        gsize i;
        int ret;

        setlocale (LC_ALL, "");

        if (argc < 2 || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "--help")) {
                usage (argc < 2 ? stderr : stdout);
                return argc < 2 ? 2 : 0;
        }
        for (i = 0; i < G_N_ELEMENTS (commands); i++) {
                if (g_str_equal (argv[1], commands[i].name))
                        command = &commands[i];
        }
        if (command == NULL) {
                g_printerr ("gsnmp-bench: unknown command “%s”\n", argv[1]);
                usage (stderr);
                return 2;
        }

        opts.community = g_strdup ("public");
        opts.oid_strings = g_ptr_array_new_with_free_func (g_free);
        if (!parse_args (argc - 2, argv + 2, &opts, &error)) {
                g_printerr ("gsnmp-bench: %s\n", error->message);
                ret = 2;
        } else if (opts.agent == NULL || opts.oid_strings->len == 0) {
                g_printerr ("gsnmp-bench: %s needs %s\n", command->name, command->args);
                ret = 2;
        } else {
                ret = command->run (command->name, &opts);
        }

        g_free (opts.community);
        g_free (opts.user);
        g_free (opts.auth_pass);
        g_free (opts.priv_pass);
        g_free (opts.agent);
        g_ptr_array_unref (opts.oid_strings);
        return ret;
}
