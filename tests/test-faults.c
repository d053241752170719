/* test-faults.c - the engine through a lossy, duplicating, reordering relay
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Run by tests/interop-faults.sh, which starts snmpd (tests/snmpd-fixture.sh,
 * FIXTURE_ROWS rows) and sets:
 *   GSNMP_FAULTS_SNMPD_PORT  snmpd's port on 127.0.0.1
 *   GSNMP_FAULTS_ROWS        the rows of .1.3.6.1.4.1.99999.2.1.2.<i> = "row-<i>"
 *   GSNMP_FAULTS_RELAY       tests/lossy-relay.py
 *
 * Every test starts its own relay (loss 10% or 30% each way, 10%
 * duplication, 10% reordering, a fixed seed) in front of snmpd or of an
 * in-process listener, and checks that GETs, walks, tables, SNMPv3 walks and
 * informs complete with the right data, and that every request completes
 * exactly once: none lost, none twice.
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "gsnmp.h"
#include "gsnmp-test-utils.h"

#define ROW_PREFIX "1.3.6.1.4.1.99999.2.1.2"

typedef struct {
        double loss;
        guint  seed;
} FaultConfig;

static const FaultConfig loss10 = { 0.10, 10 };
static const FaultConfig loss30 = { 0.30, 30 };

static guint16 snmpd_port;
static guint n_rows;
static const char *relay_script;

/* Starts lossy-relay.py in front of 127.0.0.1:@to; returns its port. */
static guint16
start_relay (guint16            to,
             const FaultConfig *config,
             GPid              *pid)
{
        g_autofree char *to_str = g_strdup_printf ("%u", to);
        g_autofree char *loss = g_strdup_printf ("%.2f", config->loss);
        g_autofree char *seed = g_strdup_printf ("%u", config->seed);
        g_autofree char *parent = g_strdup_printf ("%d", (int) getpid ());
        const char *argv[] = { "/usr/bin/python3", relay_script, "--to", to_str, "--loss", loss,
                               "--dup", "0.1", "--reorder", "0.1", "--seed", seed,
                               "--parent", parent, NULL };
        g_autoptr(GError) error = NULL;
        g_autoptr(GIOChannel) channel = NULL;
        g_autofree char *line = NULL;
        int out_fd;
        guint64 port;

        g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                  pid, NULL, &out_fd, NULL, &error);
        g_assert_no_error (error);
        channel = g_io_channel_unix_new (out_fd);
        g_io_channel_set_close_on_unref (channel, TRUE);
        g_io_channel_read_line (channel, &line, NULL, NULL, &error);
        g_assert_no_error (error);
        g_assert_nonnull (line);
        g_assert_true (g_ascii_string_to_unsigned (g_strstrip (line), 10, 1, 65535, &port, NULL));
        return (guint16) port;
}

static void
stop_relay (GPid pid)
{
        kill (pid, SIGTERM);
        g_spawn_close_pid (pid);
}

/* A target through the relay: short timeouts, many retries, so that the
 * test is quick and nothing times out for good at 30% loss each way
 * (a request fails with probability 0.51^31 < 1e-9). */
static GsnmpTarget *
relay_target (guint16           port,
              GsnmpCredentials *credentials)
{
        g_autofree char *address = g_strdup_printf ("127.0.0.1:%u", port);
        g_autoptr(GError) error = NULL;
        GsnmpTarget *target = gsnmp_target_new (address, credentials, &error);

        g_assert_no_error (error);
        gsnmp_target_set_timeout (target, 250);
        gsnmp_target_set_retries (target, 30);
        return target;
}

static GsnmpCredentials *
v2c_public (void)
{
        return GSNMP_CREDENTIALS (gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public"));
}

/*****************************************************************************/
/* GETs */

typedef struct {
        guint *calls;        /* per request */
        guint  n_done;
        guint  n_wrong;
} GetRun;

typedef struct {
        GetRun *run;
        guint   row;
} GetRequest;

static void
on_get (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
        GetRequest *req = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), result, &error);
        g_autofree char *expected = g_strdup_printf ("row-%u", req->row);

        g_assert_no_error (error);
        req->run->calls[req->row]++;
        if (gsnmp_pdu_get_error_status (pdu) != 0 || gsnmp_pdu_get_n_varbinds (pdu) != 1) {
                req->run->n_wrong++;
        } else {
                g_autofree char *value = gsnmp_varbind_get_string (gsnmp_pdu_get_varbind (pdu, 0));

                if (g_strcmp0 (value, expected) != 0)
                        req->run->n_wrong++;
        }
        req->run->n_done++;
        g_free (req);
}

static gboolean
on_settled (gpointer data)
{
        *(gboolean *) data = TRUE;
        return G_SOURCE_REMOVE;
}

/* Lets late duplicates and retransmitted answers arrive. */
static void
settle (guint ms)
{
        gboolean done = FALSE;

        g_timeout_add (ms, on_settled, &done);
        test_run_until (&done);
}

static void
test_gets (gconstpointer data)
{
        const FaultConfig *config = data;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpCredentials) cred = v2c_public ();
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GError) error = NULL;
        GetRun run = { 0, };
        GPid relay;
        guint i;

        g_test_summary ("Every one of many concurrent GETs through a lossy, duplicating, "
                        "reordering relay completes exactly once, with its own row's value");

        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        target = relay_target (start_relay (snmpd_port, config, &relay), cred);
        run.calls = g_new0 (guint, n_rows + 1);

        for (i = 1; i <= n_rows; i++) {
                g_autofree char *str = g_strdup_printf (ROW_PREFIX ".%u", i);
                g_autoptr(GsnmpOid) oid = test_oid (str);
                GetRequest *req = g_new0 (GetRequest, 1);

                req->run = &run;
                req->row = i;
                gsnmp_engine_get_async (engine, target, &oid, 1, NULL, on_get, req);
        }
        test_run_until_count (&run.n_done, n_rows);
        settle (500);

        g_assert_cmpuint (run.n_done, ==, n_rows);
        g_assert_cmpuint (run.n_wrong, ==, 0);
        for (i = 1; i <= n_rows; i++)
                g_assert_cmpuint (run.calls[i], ==, 1);
        g_free (run.calls);
        stop_relay (relay);
}

/*****************************************************************************/
/* Walks and tables */

typedef struct {
        gboolean    done;
        guint       n_calls;
        GPtrArray  *varbinds;
        GsnmpTable *table;
        GError     *error;
} Result;

static void
on_walk_all (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
        Result *r = user_data;

        r->varbinds = gsnmp_walk_all_finish (GSNMP_WALK (source), result, &r->error);
        r->n_calls++;
        r->done = TRUE;
}

static void
on_table (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
        Result *r = user_data;

        r->table = gsnmp_engine_get_table_finish (GSNMP_ENGINE (source), result, &r->error);
        r->n_calls++;
        r->done = TRUE;
}

static void
assert_rows (GPtrArray *varbinds)
{
        g_assert_cmpuint (varbinds->len, ==, n_rows);
        for (guint i = 0; i < varbinds->len; i++) {
                GsnmpVarbind *vb = g_ptr_array_index (varbinds, i);
                g_autofree char *oid = gsnmp_oid_to_string (gsnmp_varbind_get_oid (vb));
                g_autofree char *expected_oid = g_strdup_printf (ROW_PREFIX ".%u", i + 1);
                g_autofree char *value = gsnmp_varbind_get_string (vb);
                g_autofree char *expected = g_strdup_printf ("row-%u", i + 1);

                g_assert_cmpstr (oid, ==, expected_oid);
                g_assert_cmpstr (value, ==, expected);
        }
}

static void
run_walk (const FaultConfig *config,
          GsnmpCredentials  *cred)
{
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpOid) root = test_oid (ROW_PREFIX);
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GError) error = NULL;
        Result r = { 0, };
        GPid relay;

        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        target = relay_target (start_relay (snmpd_port, config, &relay), cred);
        walk = gsnmp_walk_new (engine, target, root);
        gsnmp_walk_set_max_repetitions (walk, 10);
        gsnmp_walk_all_async (walk, NULL, on_walk_all, &r);
        test_run_until (&r.done);
        settle (300);

        g_assert_no_error (r.error);
        g_assert_cmpuint (r.n_calls, ==, 1);
        assert_rows (r.varbinds);
        g_test_message ("%u rows in %u requests", r.varbinds->len, gsnmp_walk_get_n_requests (walk));
        g_ptr_array_unref (r.varbinds);
        stop_relay (relay);
}

static void
test_walk (gconstpointer data)
{
        g_autoptr(GsnmpCredentials) cred = v2c_public ();

        g_test_summary ("A GetBulk walk through a lossy relay returns every row once, in order");
        run_walk (data, cred);
}

static void
test_walk_v3 (gconstpointer data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpUsmUser) user = gsnmp_usm_user_new ("sha256aes", GSNMP_AUTH_PROTOCOL_SHA256,
                                                           "sha256aespass", GSNMP_PRIV_PROTOCOL_AES,
                                                           "sha256aespriv", &error);

        g_test_summary ("An SNMPv3 authPriv walk (discovery included) through a lossy relay "
                        "returns every row once, in order");
        g_assert_no_error (error);
        run_walk (data, GSNMP_CREDENTIALS (user));
}

static void
test_table (gconstpointer data)
{
        const FaultConfig *config = data;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpCredentials) cred = v2c_public ();
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpOid) table = test_oid ("1.3.6.1.4.1.99999.2");
        g_autoptr(GError) error = NULL;
        Result r = { 0, };
        GPid relay;

        g_test_summary ("A table through a lossy relay has every row");

        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        target = relay_target (start_relay (snmpd_port, config, &relay), cred);
        gsnmp_engine_get_table_async (engine, target, table, NULL, on_table, &r);
        test_run_until (&r.done);
        settle (300);

        g_assert_no_error (r.error);
        g_assert_cmpuint (r.n_calls, ==, 1);
        g_assert_cmpuint (gsnmp_table_get_n_rows (r.table), ==, n_rows);
        g_assert_cmpuint (gsnmp_table_get_n_columns (r.table), ==, 1);
        g_object_unref (r.table);
        stop_relay (relay);
}

/*****************************************************************************/
/* Informs */

#define N_INFORMS 60

typedef struct {
        guint sent_calls[N_INFORMS];
        guint received[N_INFORMS];
        guint n_done;
        guint n_errors;
        guint n_unexpected;
} InformRun;

typedef struct {
        InformRun *run;
        guint      k;
} InformRequest;

static void
on_inform (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
        InformRequest *req = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = gsnmp_engine_send_inform_finish (GSNMP_ENGINE (source), result, &error);

        if (pdu == NULL)
                req->run->n_errors++;
        req->run->sent_calls[req->k]++;
        req->run->n_done++;
        g_free (req);
}

static void
on_notification (GsnmpListener     *listener,
                 GsnmpNotification *n,
                 gpointer           user_data)
{
        InformRun *run = user_data;
        guint n_varbinds;
        GsnmpVarbind **vbs = gsnmp_notification_get_varbinds (n, &n_varbinds);

        for (guint i = 0; i < n_varbinds; i++) {
                GsnmpVarbind *vb = vbs[i];
                g_autofree char *oid = gsnmp_oid_to_string (gsnmp_varbind_get_oid (vb));
                gint32 k;

                if (g_strcmp0 (oid, "1.3.6.1.4.1.99999.9.0") != 0)
                        continue;
                k = gsnmp_varbind_get_integer (vb);
                if (k >= 0 && k < N_INFORMS)
                        run->received[k]++;
                else
                        run->n_unexpected++;
                return;
        }
        run->n_unexpected++;
}

static void
test_informs (gconstpointer data)
{
        const FaultConfig *config = data;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpEngine) receiver = NULL;
        g_autoptr(GsnmpListener) listener = NULL;
        g_autoptr(GsnmpCredentials) cred = v2c_public ();
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpOid) trap_oid = test_oid ("1.3.6.1.6.3.1.1.5.1");
        g_autoptr(GError) error = NULL;
        InformRun run = { 0, };
        guint16 port = 0;
        GPid relay;
        guint k;

        g_test_summary ("Informs through a lossy relay: each completes once on its "
                        "acknowledgement, and the listener reports each once");

        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        receiver = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        listener = gsnmp_listener_new (receiver);
        gsnmp_listener_add_community (listener, "public");
        g_assert_true (gsnmp_listener_add_address (listener, "udp:127.0.0.1:0", &port, &error));
        g_assert_no_error (error);
        g_signal_connect (listener, "notification", G_CALLBACK (on_notification), &run);

        target = relay_target (start_relay (port, config, &relay), cred);
        for (k = 0; k < N_INFORMS; k++) {
                g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.4.1.99999.9.0");
                g_autoptr(GsnmpVarbind) vb = gsnmp_varbind_new_integer (oid, (gint32) k);
                InformRequest *req = g_new0 (InformRequest, 1);

                req->run = &run;
                req->k = k;
                gsnmp_engine_send_inform_async (engine, target, trap_oid, -1, &vb, 1, NULL,
                                                on_inform, req);
        }
        test_run_until_count (&run.n_done, N_INFORMS);
        settle (500);

        g_assert_cmpuint (run.n_errors, ==, 0);
        g_assert_cmpuint (run.n_unexpected, ==, 0);
        for (k = 0; k < N_INFORMS; k++) {
                g_assert_cmpuint (run.sent_calls[k], ==, 1);
                g_assert_cmpuint (run.received[k], ==, 1);
        }
        g_test_message ("duplicate informs seen by the listener: %" G_GUINT64_FORMAT,
                        gsnmp_listener_get_counter (listener, GSNMP_LISTENER_COUNTER_DUPLICATE_INFORMS));
        gsnmp_listener_close (listener);
        stop_relay (relay);
}

int
main (int   argc,
      char *argv[])
{
        const char *port = g_getenv ("GSNMP_FAULTS_SNMPD_PORT");
        const char *rows = g_getenv ("GSNMP_FAULTS_ROWS");
        guint64 v;

        g_test_init (&argc, &argv, NULL);

        relay_script = g_getenv ("GSNMP_FAULTS_RELAY");
        if (port == NULL || rows == NULL || relay_script == NULL) {
                g_printerr ("test-faults: run by tests/interop-faults.sh, which sets "
                            "GSNMP_FAULTS_SNMPD_PORT, GSNMP_FAULTS_ROWS and GSNMP_FAULTS_RELAY\n");
                return 1;
        }
        g_assert_true (g_ascii_string_to_unsigned (port, 10, 1, 65535, &v, NULL));
        snmpd_port = (guint16) v;
        g_assert_true (g_ascii_string_to_unsigned (rows, 10, 1, 100000, &v, NULL));
        n_rows = (guint) v;

        g_test_add_data_func ("/gsnmp/faults/get/loss-10", &loss10, test_gets);
        g_test_add_data_func ("/gsnmp/faults/get/loss-30", &loss30, test_gets);
        g_test_add_data_func ("/gsnmp/faults/walk/loss-10", &loss10, test_walk);
        g_test_add_data_func ("/gsnmp/faults/walk/loss-30", &loss30, test_walk);
        g_test_add_data_func ("/gsnmp/faults/table/loss-10", &loss10, test_table);
        g_test_add_data_func ("/gsnmp/faults/table/loss-30", &loss30, test_table);
        g_test_add_data_func ("/gsnmp/faults/walk-v3/loss-10", &loss10, test_walk_v3);
        g_test_add_data_func ("/gsnmp/faults/walk-v3/loss-30", &loss30, test_walk_v3);
        g_test_add_data_func ("/gsnmp/faults/inform/loss-10", &loss10, test_informs);
        g_test_add_data_func ("/gsnmp/faults/inform/loss-30", &loss30, test_informs);

        return g_test_run ();
}
