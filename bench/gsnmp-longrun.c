/* gsnmp-longrun.c - long runs: memory and descriptors stay flat
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *     gsnmp-longrun gets AGENT N        N GETs of sysName.0, 32 in flight
 *     gsnmp-longrun walks AGENT N OID   N walks of OID, one after the other
 *     gsnmp-longrun engines N           N engines created and destroyed
 *     gsnmp-longrun engines-get AGENT N N engines, each sending one GET
 *     gsnmp-longrun listeners N         N listeners bound to 127.0.0.1:0,
 *                                       closed and destroyed
 *
 * Each prints one JSON line: the resident set size and the number of open
 * file descriptors after a warm-up (the first tenth of the run) and at the
 * end, and the growth in between. bench/longrun.sh runs them all against a
 * snmpd of its own. Run on demand, not in CI: the full counts take minutes.
 */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsnmp/gsnmp.h>

static long
rss_kb (void)
{
        g_autofree char *status = NULL;
        const char *line;

        if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
                return -1;
        line = strstr (status, "VmRSS:");
        return line ? strtol (line + 6, NULL, 10) : -1;
}

static int
n_fds (void)
{
        DIR *dir = opendir ("/proc/self/fd");
        struct dirent *e;
        int n = 0;

        if (dir == NULL)
                return -1;
        while ((e = readdir (dir)) != NULL) {
                if (e->d_name[0] != '.')
                        n++;
        }
        closedir (dir);
        return n - 1;   /* the directory's own descriptor */
}

typedef struct {
        const char *what;
        guint64     n;
        guint64     errors;
        long        rss_warm, rss_end, rss_max;
        int         fds_warm, fds_end;
        gint64      start;
} Run;

static void
sample (Run     *run,
        guint64  done)
{
        long rss;

        if (done == run->n / 10) {
                run->rss_warm = rss_kb ();
                run->fds_warm = n_fds ();
        }
        rss = rss_kb ();
        run->rss_max = MAX (run->rss_max, rss);
}

static int
report (Run *run)
{
        double growth;

        run->rss_end = rss_kb ();
        run->fds_end = n_fds ();
        growth = run->rss_warm > 0 ? 100.0 * (run->rss_end - run->rss_warm) / run->rss_warm : 0.0;
        printf ("{\"what\": \"%s\", \"n\": %" G_GUINT64_FORMAT ", \"errors\": %" G_GUINT64_FORMAT
                ", \"wall_s\": %.1f, \"rss_kb_after_warmup\": %ld, \"rss_kb_end\": %ld"
                ", \"rss_kb_max\": %ld, \"rss_growth_pct\": %.2f"
                ", \"fds_after_warmup\": %d, \"fds_end\": %d}\n",
                run->what, run->n, run->errors,
                (g_get_monotonic_time () - run->start) / 1e6,
                run->rss_warm, run->rss_end, run->rss_max, growth,
                run->fds_warm, run->fds_end);
        fflush (stdout);
        return run->errors == 0 && run->fds_end <= run->fds_warm ? 0 : 1;
}

/* --- gets ----------------------------------------------------------------- */

typedef struct {
        Run          run;
        GsnmpEngine *engine;
        GsnmpTarget *target;
        GsnmpOid    *oid;
        guint64      issued, done;
} GetRun;

static void issue_get (GetRun *g);

static void
on_get (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
        GetRun *g = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), result, &error);

        if (pdu == NULL || gsnmp_pdu_get_error_status (pdu) != 0)
                g->run.errors++;
        g->done++;
        if (g->done % 1000 == 0 || g->done == g->run.n / 10)
                sample (&g->run, g->done);
        if (g->issued < g->run.n)
                issue_get (g);
}

static void
issue_get (GetRun *g)
{
        g->issued++;
        gsnmp_engine_get_async (g->engine, g->target, &g->oid, 1, NULL, on_get, g);
}

static GsnmpTarget *
new_target (const char *agent)
{
        g_autoptr(GsnmpCommunity) community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public");
        g_autoptr(GError) error = NULL;
        GsnmpTarget *target = gsnmp_target_new (agent, GSNMP_CREDENTIALS (community), &error);

        if (target == NULL) {
                g_printerr ("gsnmp-longrun: %s\n", error->message);
                exit (2);
        }
        return target;
}

static int
run_gets (const char *agent,
          guint64     n)
{
        GetRun g = { { "gets", n, 0, 0, 0, 0, 0, 0, g_get_monotonic_time () }, };
        g_autoptr(GError) error = NULL;

        g.engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        g.target = new_target (agent);
        g.oid = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.5.0", NULL);
        for (int i = 0; i < 32 && g.issued < n; i++)
                issue_get (&g);
        while (g.done < n)
                g_main_context_iteration (NULL, TRUE);
        gsnmp_oid_unref (g.oid);
        g_object_unref (g.target);
        g_object_unref (g.engine);
        return report (&g.run);
}

/* --- walks ---------------------------------------------------------------- */

typedef struct {
        gboolean   done;
        GPtrArray *varbinds;
} WalkWait;

static void
on_walk (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
        WalkWait *w = user_data;

        w->varbinds = gsnmp_walk_all_finish (GSNMP_WALK (source), result, NULL);
        w->done = TRUE;
}

static int
run_walks (const char *agent,
           guint64     n,
           const char *root_str)
{
        Run run = { "walks", n, 0, 0, 0, 0, 0, 0, g_get_monotonic_time () };
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpTarget) target = new_target (agent);
        g_autoptr(GsnmpOid) root = gsnmp_oid_new_from_string (root_str, NULL);
        g_autoptr(GError) error = NULL;
        guint expected = 0;
        int ret;

        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        for (guint64 i = 0; i < n; i++) {
                g_autoptr(GsnmpWalk) walk = gsnmp_walk_new (engine, target, root);
                WalkWait w = { 0, };

                gsnmp_walk_all_async (walk, NULL, on_walk, &w);
                while (!w.done)
                        g_main_context_iteration (NULL, TRUE);
                if (w.varbinds == NULL || (expected != 0 && w.varbinds->len != expected))
                        run.errors++;
                else
                        expected = w.varbinds->len;
                g_clear_pointer (&w.varbinds, g_ptr_array_unref);
                if ((i + 1) % 100 == 0 || i + 1 == n / 10)
                        sample (&run, i + 1);
        }
        ret = report (&run);   /* before anything else allocates */
        g_printerr ("gsnmp-longrun: %u varbinds per walk\n", expected);
        return ret;
}

/* --- engines and listeners ------------------------------------------------ */

static int
run_engines (guint64 n)
{
        Run run = { "engines", n, 0, 0, 0, 0, 0, 0, g_get_monotonic_time () };

        for (guint64 i = 0; i < n; i++) {
                g_autoptr(GError) error = NULL;
                GsnmpEngine *engine = gsnmp_engine_new (&error);

                if (engine == NULL)
                        run.errors++;
                g_clear_object (&engine);
                /* let the sources the engine removed go */
                while (g_main_context_iteration (NULL, FALSE))
                        ;
                if ((i + 1) % 100 == 0 || i + 1 == n / 10)
                        sample (&run, i + 1);
        }
        return report (&run);
}

/* Each engine sends one GET (so it opens its socket) before it goes. */
static int
run_engines_get (const char *agent,
                 guint64     n)
{
        Run run = { "engines-get", n, 0, 0, 0, 0, 0, 0, g_get_monotonic_time () };
        g_autoptr(GsnmpTarget) target = new_target (agent);
        g_autoptr(GsnmpOid) oid = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.5.0", NULL);

        for (guint64 i = 0; i < n; i++) {
                g_autoptr(GError) error = NULL;
                GsnmpEngine *engine = gsnmp_engine_new (&error);
                GetRun g = { { "engines-get", 1, 0, }, };

                if (engine == NULL) {
                        run.errors++;
                        continue;
                }
                g.engine = engine;
                g.target = target;
                g.oid = oid;
                issue_get (&g);
                while (g.done < 1)
                        g_main_context_iteration (NULL, TRUE);
                run.errors += g.run.errors;
                g_clear_object (&engine);
                while (g_main_context_iteration (NULL, FALSE))
                        ;
                if ((i + 1) % 100 == 0 || i + 1 == n / 10)
                        sample (&run, i + 1);
        }
        return report (&run);
}

static int
run_listeners (guint64 n)
{
        Run run = { "listeners", n, 0, 0, 0, 0, 0, 0, g_get_monotonic_time () };
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GError) error = NULL;

        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        for (guint64 i = 0; i < n; i++) {
                g_autoptr(GsnmpListener) listener = gsnmp_listener_new (engine);
                guint16 port = 0;

                gsnmp_listener_add_community (listener, "public");
                if (!gsnmp_listener_add_address (listener, "udp:127.0.0.1:0", &port, &error)) {
                        run.errors++;
                        g_clear_error (&error);
                }
                gsnmp_listener_close (listener);
                g_clear_object (&listener);
                while (g_main_context_iteration (NULL, FALSE))
                        ;
                if ((i + 1) % 100 == 0 || i + 1 == n / 10)
                        sample (&run, i + 1);
        }
        return report (&run);
}

int
main (int   argc,
      char *argv[])
{
        guint64 n;

        if (argc >= 3 && strcmp (argv[1], "engines") == 0 &&
            g_ascii_string_to_unsigned (argv[2], 10, 10, G_MAXUINT32, &n, NULL))
                return run_engines (n);
        if (argc >= 4 && strcmp (argv[1], "engines-get") == 0 &&
            g_ascii_string_to_unsigned (argv[3], 10, 10, G_MAXUINT32, &n, NULL))
                return run_engines_get (argv[2], n);
        if (argc >= 3 && strcmp (argv[1], "listeners") == 0 &&
            g_ascii_string_to_unsigned (argv[2], 10, 10, G_MAXUINT32, &n, NULL))
                return run_listeners (n);
        if (argc >= 4 && strcmp (argv[1], "gets") == 0 &&
            g_ascii_string_to_unsigned (argv[3], 10, 10, G_MAXUINT64, &n, NULL))
                return run_gets (argv[2], n);
        if (argc >= 5 && strcmp (argv[1], "walks") == 0 &&
            g_ascii_string_to_unsigned (argv[3], 10, 10, G_MAXUINT64, &n, NULL))
                return run_walks (argv[2], n, argv[4]);

        g_printerr ("usage: gsnmp-longrun gets AGENT N | walks AGENT N OID | engines N | "
                    "engines-get AGENT N | listeners N\n");
        return 2;
}
