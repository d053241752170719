/* test-engine-sync.c - the synchronous calls and engines made with
 * g_object_new(), against the in-process fake agent
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-test-utils.h"

#include <string.h>

#define SHORT_TIMEOUT_MS 50
#define T "1.3.6.1.4.1.99.5"          /* a table: entry T.1, columns T.1.1-2 */

static GsnmpPdu *
sync_get (GsnmpEngine  *engine,
          GsnmpTarget  *target,
          const char   *oid,
          GCancellable *cancellable,
          GError      **error)
{
        g_autoptr(GsnmpOid) o = test_oid (oid);

        return gsnmp_engine_get (engine, target, &o, 1, cancellable, error);
}

static void
assert_string (GsnmpPdu   *pdu,
               guint       index,
               const char *oid,
               const char *value)
{
        GsnmpVarbind *vb = gsnmp_pdu_get_varbind (pdu, index);
        g_autofree char *str = gsnmp_oid_to_string (gsnmp_varbind_get_oid (vb));
        g_autofree char *got = gsnmp_varbind_get_string (vb);

        g_assert_cmpstr (str, ==, oid);
        g_assert_cmpstr (got, ==, value);
}

/*****************************************************************************/
/* In the thread that owns the engine's context */

static void
test_sync_get (TestFixture   *fixture,
               gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("gsnmp_engine_get() returns the response in one call");

        fake_agent_set_string (fixture->agent, "1.3.6.1.2.1.1.5.0", "sync-host");
        pdu = sync_get (fixture->engine, fixture->target, "1.3.6.1.2.1.1.5.0", NULL, &error);
        g_assert_no_error (error);
        g_assert_nonnull (pdu);
        g_assert_cmpint (gsnmp_pdu_get_pdu_type (pdu), ==, GSNMP_PDU_TYPE_RESPONSE);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (pdu), ==, 1);
        assert_string (pdu, 0, "1.3.6.1.2.1.1.5.0", "sync-host");
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);
}

static void
test_sync_ops (TestFixture   *fixture,
               gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) next = NULL;
        g_autoptr(GsnmpPdu) bulk = NULL;
        g_autoptr(GsnmpPdu) set = NULL;
        g_autoptr(GsnmpPdu) sent = NULL;
        g_autoptr(GsnmpPdu) request = NULL;
        g_autoptr(GsnmpOid) o = test_oid ("1.3.6.1.4.1.99.1");
        g_autoptr(GsnmpOid) set_oid = test_oid ("1.3.6.1.4.1.99.1.2.0");
        g_autoptr(GsnmpVarbind) vb = NULL;
        g_autofree char *contact = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("GETNEXT, GETBULK, SET and any PDU, synchronously");

        fake_agent_set_string (fixture->agent, "1.3.6.1.4.1.99.1.1.0", "one");
        fake_agent_set_string (fixture->agent, "1.3.6.1.4.1.99.1.2.0", "two");
        fake_agent_set_string (fixture->agent, "1.3.6.1.4.1.99.1.3.0", "three");

        next = gsnmp_engine_get_next (fixture->engine, fixture->target, &o, 1, NULL, &error);
        g_assert_no_error (error);
        assert_string (next, 0, "1.3.6.1.4.1.99.1.1.0", "one");

        bulk = gsnmp_engine_get_bulk (fixture->engine, fixture->target, 0, 3, &o, 1, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (bulk), ==, 3);
        assert_string (bulk, 2, "1.3.6.1.4.1.99.1.3.0", "three");

        vb = gsnmp_varbind_new_string (set_oid, "deux");
        set = gsnmp_engine_set (fixture->engine, fixture->target, &vb, 1, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (set), ==, 0);
        contact = gsnmp_varbind_get_string (fake_agent_lookup (fixture->agent,
                                                               "1.3.6.1.4.1.99.1.2.0"));
        g_assert_cmpstr (contact, ==, "deux");

        request = gsnmp_pdu_new (GSNMP_PDU_TYPE_GET);
        gsnmp_pdu_take_varbind (request, gsnmp_varbind_new_null (set_oid));
        sent = gsnmp_engine_send_pdu (fixture->engine, fixture->target, request, NULL, &error);
        g_assert_no_error (error);
        assert_string (sent, 0, "1.3.6.1.4.1.99.1.2.0", "deux");
}

static void
test_sync_error_status (TestFixture   *fixture,
                        gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GError) pdu_error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A response with an error-status is returned, not raised, "
                        "as by the _finish functions");

        fixture->agent->error_status = GSNMP_PDU_ERROR_NO_SUCH_NAME;
        fixture->agent->error_index = 1;
        pdu = sync_get (fixture->engine, fixture->target, "1.3.6.1.2.1.1.5.0", NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (pdu), ==, GSNMP_PDU_ERROR_NO_SUCH_NAME);
        g_assert_false (gsnmp_pdu_check_error (pdu, &pdu_error));
        g_assert_error (pdu_error, GSNMP_PDU_ERROR, GSNMP_PDU_ERROR_NO_SUCH_NAME);
}

static void
test_sync_timeout (TestFixture   *fixture,
                   gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A synchronous call that gets no answer fails with "
                        "G_IO_ERROR_TIMED_OUT after the retries");

        fixture->agent->black_hole = TRUE;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 1);
        pdu = sync_get (fixture->engine, fixture->target, "1.3.6.1.2.1.1.5.0", NULL, &error);
        g_assert_null (pdu);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 2);
}

static void
test_sync_cancelled (TestFixture   *fixture,
                     gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A synchronous call with a cancelled cancellable fails with "
                        "G_IO_ERROR_CANCELLED and sends nothing");

        g_cancellable_cancel (cancellable);
        pdu = sync_get (fixture->engine, fixture->target, "1.3.6.1.2.1.1.5.0", cancellable, &error);
        g_assert_null (pdu);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 0);
}

typedef struct {
        TestFixture *fixture;
        GsnmpPdu    *pdu;
        GError      *error;
        gboolean     done;
} Nested;

static void
on_outer_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
        Nested *n = user_data;
        g_autoptr(GsnmpPdu) outer = NULL;
        g_autoptr(GError) error = NULL;

        outer = gsnmp_engine_get_finish (GSNMP_ENGINE (source), result, &error);
        g_assert_no_error (error);
        /* A synchronous call from inside a callback: a nested iteration */
        n->pdu = sync_get (n->fixture->engine, n->fixture->target, "1.3.6.1.2.1.1.5.0",
                           NULL, &n->error);
        n->done = TRUE;
}

static void
test_sync_in_callback (TestFixture   *fixture,
                       gconstpointer  data)
{
        g_autoptr(GsnmpOid) o = test_oid ("1.3.6.1.2.1.1.1.0");
        Nested n = { fixture, };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A synchronous call from an async callback completes");

        fake_agent_set_string (fixture->agent, "1.3.6.1.2.1.1.5.0", "nested");
        gsnmp_engine_get_async (fixture->engine, fixture->target, &o, 1, NULL, on_outer_done, &n);
        test_run_until (&n.done);
        g_assert_no_error (n.error);
        assert_string (n.pdu, 0, "1.3.6.1.2.1.1.5.0", "nested");
        g_clear_pointer (&n.pdu, gsnmp_pdu_unref);
}

static void
test_sync_walk (TestFixture   *fixture,
                gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) root = test_oid ("1.3.6.1.4.1.99.2");
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GsnmpWalk) walk2 = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GPtrArray) whole = NULL;
        guint total = 0, batches = 0;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("gsnmp_walk_next() in a loop, gsnmp_walk_all() and gsnmp_engine_walk() "
                        "walk the subtree");

        for (guint i = 1; i <= 25; i++) {
                g_autofree char *oid = g_strdup_printf ("1.3.6.1.4.1.99.2.%u.0", i);

                fake_agent_set_integer (fixture->agent, oid, (gint32) i);
        }
        fake_agent_set_integer (fixture->agent, "1.3.6.1.4.1.99.3.0", 0);

        walk = gsnmp_walk_new (fixture->engine, fixture->target, root);
        gsnmp_walk_set_max_repetitions (walk, 10);
        for (;;) {
                g_autoptr(GPtrArray) batch = gsnmp_walk_next (walk, NULL, &error);

                g_assert_no_error (error);
                g_assert_nonnull (batch);
                if (batch->len == 0)
                        break;
                for (guint i = 0; i < batch->len; i++)
                        g_assert_cmpint (gsnmp_varbind_get_integer (batch->pdata[i]), ==,
                                         (gint) (total + i + 1));
                total += batch->len;
                batches++;
        }
        g_assert_cmpuint (total, ==, 25);
        g_assert_cmpuint (batches, >=, 3);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_END_OF_SUBTREE);

        walk2 = gsnmp_walk_new (fixture->engine, fixture->target, root);
        all = gsnmp_walk_all (walk2, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (all->len, ==, 25);

        whole = gsnmp_engine_walk (fixture->engine, fixture->target, root, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (whole->len, ==, 25);
        g_assert_cmpint (gsnmp_varbind_get_integer (whole->pdata[24]), ==, 25);
}

static void
test_sync_table (TestFixture   *fixture,
                 gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) table_oid = test_oid (T);
        g_autoptr(GsnmpOid) column = test_oid (T ".1.2");
        g_autoptr(GsnmpTable) table = NULL;
        g_autoptr(GsnmpTable) columns = NULL;
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GsnmpTable) from_walk = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("gsnmp_engine_get_table(), _columns() and gsnmp_walk_get_table() "
                        "return the table");

        for (guint col = 1; col <= 2; col++) {
                for (guint row = 1; row <= 3; row++) {
                        g_autofree char *oid = g_strdup_printf (T ".1.%u.%u", col, row);

                        fake_agent_set_integer (fixture->agent, oid, (gint32) (10 * col + row));
                }
        }

        table = gsnmp_engine_get_table (fixture->engine, fixture->target, table_oid, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_table_get_n_columns (table), ==, 2);
        g_assert_cmpuint (gsnmp_table_get_n_rows (table), ==, 3);
        g_assert_cmpint (gsnmp_varbind_get_integer (
                gsnmp_table_row_get_cell (gsnmp_table_get_row (table, 2), 1)), ==, 23);

        columns = gsnmp_engine_get_table_columns (fixture->engine, fixture->target, &column, 1,
                                                  NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_table_get_n_columns (columns), ==, 1);
        g_assert_cmpuint (gsnmp_table_get_n_rows (columns), ==, 3);

        walk = gsnmp_walk_new (fixture->engine, fixture->target, table_oid);
        from_walk = gsnmp_walk_get_table (walk, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_table_get_n_columns (from_walk), ==, 2);
        g_assert_cmpuint (gsnmp_table_get_n_rows (from_walk), ==, 3);
}

static void
test_sync_notify (TestFixture   *fixture,
                  gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) trap_oid = test_oid ("1.3.6.1.6.3.1.1.5.1");
        g_autoptr(GsnmpOid) enterprise = test_oid ("1.3.6.1.4.1.99");
        g_autoptr(GsnmpPdu) ack = NULL;
        g_autoptr(GsnmpNotifyResult) many = NULL;
        g_autoptr(GsnmpTarget) v1 = fake_agent_new_target (fixture->agent,
                                                           GSNMP_PROTOCOL_VERSION_V1, "public");
        GsnmpTarget *targets[] = { fixture->target, fixture->target };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("Traps return once sent, informs with the acknowledgement");

        g_assert_true (gsnmp_engine_send_trap (fixture->engine, fixture->target, trap_oid, 5,
                                               NULL, 0, NULL, &error));
        g_assert_no_error (error);
        g_assert_true (gsnmp_engine_send_v1_trap (fixture->engine, v1, enterprise, NULL, 0, 0, 5,
                                                  NULL, 0, NULL, &error));
        g_assert_no_error (error);

        ack = gsnmp_engine_send_inform (fixture->engine, fixture->target, trap_oid, 5,
                                        NULL, 0, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpint (gsnmp_pdu_get_pdu_type (ack), ==, GSNMP_PDU_TYPE_RESPONSE);

        many = gsnmp_engine_notify (fixture->engine, targets, G_N_ELEMENTS (targets),
                                    GSNMP_PDU_TYPE_INFORM, trap_oid, 5, NULL, 0, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_notify_result_get_n_targets (many), ==, 2);
        g_assert_cmpuint (gsnmp_notify_result_get_n_failed (many), ==, 0);
        g_assert_cmpint (gsnmp_notify_result_get_outcome (many, 1), ==,
                         GSNMP_NOTIFY_OUTCOME_ACKNOWLEDGED);

        fake_agent_sync (fixture->agent);
        /* trap, v1 trap, inform, two informs */
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 5);
}

static void
test_sync_discover_fails (TestFixture   *fixture,
                          gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) engine_id = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("gsnmp_engine_discover() against an agent that does not answer "
                        "fails after the retries (success is checked against snmpd in "
                        "tests/gi/pythonic.py)");

        fixture->agent->black_hole = TRUE;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 1);
        engine_id = gsnmp_engine_discover (fixture->engine, fixture->target, NULL, &error);
        g_assert_null (engine_id);
        g_assert_nonnull (error);
        g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
                       g_error_matches (error, GSNMP_ERROR, GSNMP_ERROR_DISCOVERY_FAILED));
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 2);
}

/*****************************************************************************/
/* From another thread */

typedef struct {
        TestFixture  *fixture;
        GCancellable *cancellable;
        guint         n_calls;
        GsnmpPdu     *pdu;          /* the last one */
        GError       *error;
        GThread      *caller;
        gboolean      callback_thread_ok;
        gint          done;         /* atomic */
} ThreadCall;

static gpointer
call_thread_func (gpointer data)
{
        ThreadCall *tc = data;

        for (guint i = 0; i < tc->n_calls && tc->error == NULL; i++) {
                g_clear_pointer (&tc->pdu, gsnmp_pdu_unref);
                tc->pdu = sync_get (tc->fixture->engine, tc->fixture->target, "1.3.6.1.2.1.1.5.0",
                                    tc->cancellable, &tc->error);
        }
        g_atomic_int_set (&tc->done, TRUE);
        g_main_context_wakeup (gsnmp_engine_get_main_context (tc->fixture->engine));
        return NULL;
}

static gboolean
thread_call_done (gpointer data)
{
        ThreadCall *tc = data;

        return g_atomic_int_get (&tc->done);
}

static void
test_sync_other_thread (TestFixture   *fixture,
                        gconstpointer  data)
{
        ThreadCall tc = { fixture, NULL, 20, };
        GThread *thread;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("From another thread, while the engine's thread runs its "
                        "context, synchronous calls run in the engine's context");

        fake_agent_set_string (fixture->agent, "1.3.6.1.2.1.1.5.0", "threaded");
        thread = g_thread_new ("sync-caller", call_thread_func, &tc);
        /* The engine's thread keeps running its context, as a GUI would */
        test_run_until_cond (thread_call_done, &tc);
        g_thread_join (thread);

        g_assert_no_error (tc.error);
        assert_string (tc.pdu, 0, "1.3.6.1.2.1.1.5.0", "threaded");
        g_assert_cmpuint (fixture->agent->n_answered, ==, 20);
        g_clear_pointer (&tc.pdu, gsnmp_pdu_unref);
}

static void
test_sync_other_thread_idle (TestFixture   *fixture,
                             gconstpointer  data)
{
        ThreadCall tc = { fixture, NULL, 3, };
        GThread *thread;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("From another thread while nobody runs the engine's context, "
                        "the calling thread runs it");

        fake_agent_set_string (fixture->agent, "1.3.6.1.2.1.1.5.0", "idle-owner");
        thread = g_thread_new ("sync-caller", call_thread_func, &tc);
        g_thread_join (thread);   /* this thread does not iterate meanwhile */

        g_assert_no_error (tc.error);
        assert_string (tc.pdu, 0, "1.3.6.1.2.1.1.5.0", "idle-owner");
        g_clear_pointer (&tc.pdu, gsnmp_pdu_unref);
}

static gboolean
cancel_when_received (FakeAgent              *agent,
                      const FakeAgentRequest *request,
                      gpointer                user_data)
{
        ThreadCall *tc = user_data;

        /* Hold the request, cancel from the engine's thread */
        g_cancellable_cancel (tc->cancellable);
        return TRUE;
}

static void
test_sync_other_thread_cancel (TestFixture   *fixture,
                               gconstpointer  data)
{
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        ThreadCall tc = { fixture, cancellable, 1, };
        GThread *thread;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A synchronous call from another thread can be cancelled");

        fixture->agent->hook = cancel_when_received;
        fixture->agent->hook_data = &tc;
        thread = g_thread_new ("sync-caller", call_thread_func, &tc);
        test_run_until_cond (thread_call_done, &tc);
        g_thread_join (thread);
        fixture->agent->hook = NULL;

        g_assert_null (tc.pdu);
        g_assert_error (tc.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_clear_error (&tc.error);
}

/*****************************************************************************/
/* Engines from g_object_new() (Gsnmp.Engine() in Python and JavaScript) */

static void
test_object_new (TestFixture   *fixture,
                 gconstpointer  data)
{
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("g_object_new (GSNMP_TYPE_ENGINE, NULL) gives a working engine");

        engine = g_object_new (GSNMP_TYPE_ENGINE, NULL);
        g_assert_nonnull (gsnmp_engine_get_engine_id (engine));
        g_assert_cmpuint (gsnmp_engine_get_engine_boots (engine), ==, 1);
        g_assert_true (g_initable_init (G_INITABLE (engine), NULL, &error));
        g_assert_no_error (error);

        fake_agent_set_string (fixture->agent, "1.3.6.1.2.1.1.5.0", "object-new");
        pdu = sync_get (engine, fixture->target, "1.3.6.1.2.1.1.5.0", NULL, &error);
        g_assert_no_error (error);
        assert_string (pdu, 0, "1.3.6.1.2.1.1.5.0", "object-new");
        gsnmp_engine_close (engine);
}

static void
test_object_new_error (void)
{
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpEngine) initable = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpCommunity) community = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;
        const char *state = "/nonexistent-gsnmp-dir/sub/engine.state";

        g_test_summary ("An engine that cannot start says why: GInitable reports the "
                        "error, and every request fails with it at once");

        initable = g_initable_new (GSNMP_TYPE_ENGINE, NULL, &error, "state-file", state, NULL);
        g_assert_null (initable);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED);
        g_assert_nonnull (strstr (error->message, state));
        g_clear_error (&error);

        engine = g_object_new (GSNMP_TYPE_ENGINE, "state-file", state, NULL);
        g_assert_false (g_initable_init (G_INITABLE (engine), NULL, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED);
        g_clear_error (&error);
        if (g_test_undefined ()) {
                /* its getters fail clearly, without crashing */
                g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*self->local != NULL*");
                g_assert_null (gsnmp_engine_get_engine_id (engine));
                g_test_assert_expected_messages ();
        }

        community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public");
        target = gsnmp_target_new ("127.0.0.1:9", GSNMP_CREDENTIALS (community), NULL);
        pdu = sync_get (engine, target, "1.3.6.1.2.1.1.5.0", NULL, &error);
        g_assert_null (pdu);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED);
        g_assert_nonnull (strstr (error->message, "could not start"));
        g_assert_nonnull (strstr (error->message, state));
}

int
main (int   argc,
      char *argv[])
{
        g_test_init (&argc, &argv, NULL);

        TEST_ADD ("/gsnmp/engine-sync/get/basic", test_sync_get);
        TEST_ADD ("/gsnmp/engine-sync/get/ops", test_sync_ops);
        TEST_ADD ("/gsnmp/engine-sync/get/error-status", test_sync_error_status);
        TEST_ADD ("/gsnmp/engine-sync/get/timeout", test_sync_timeout);
        TEST_ADD ("/gsnmp/engine-sync/get/cancelled", test_sync_cancelled);
        TEST_ADD ("/gsnmp/engine-sync/get/in-callback", test_sync_in_callback);
        TEST_ADD ("/gsnmp/engine-sync/discover/no-answer", test_sync_discover_fails);
        TEST_ADD ("/gsnmp/engine-sync/walk/batches", test_sync_walk);
        TEST_ADD ("/gsnmp/engine-sync/table/whole", test_sync_table);
        TEST_ADD ("/gsnmp/engine-sync/notify/all", test_sync_notify);
        TEST_ADD ("/gsnmp/engine-sync/thread/running-context", test_sync_other_thread);
        TEST_ADD ("/gsnmp/engine-sync/thread/idle-context", test_sync_other_thread_idle);
        TEST_ADD ("/gsnmp/engine-sync/thread/cancel", test_sync_other_thread_cancel);
        TEST_ADD ("/gsnmp/engine-sync/new/object-new", test_object_new);
        g_test_add_func ("/gsnmp/engine-sync/new/open-error", test_object_new_error);

        return g_test_run ();
}
