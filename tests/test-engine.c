/* test-engine.c - GsnmpEngine against the in-process fake agent
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-test-utils.h"

#include <string.h>

/* Short timeouts, only for requests that must time out (ms). */
#define SHORT_TIMEOUT_MS 50
/* Timeouts for requests that must retransmit once and then succeed: long
 * enough that the answer to the retransmission is read before the next one. */
#define RETRY_TIMEOUT_MS 250

typedef enum {
        OP_GET,
        OP_GET_NEXT,
        OP_GET_BULK,
        OP_SET,
        OP_SEND_PDU,
} Op;

/* The outcome of one request, filled by on_request_done(). */
typedef struct {
        GsnmpEngine  *engine;
        Op            op;
        GsnmpPdu     *pdu;
        GError       *error;
        guint         n_calls;
        gboolean      done;
        gboolean      in_async;    /* TRUE while inside the _async call */
        GThread      *thread;      /* the thread the callback must run in */
        GMainContext *context;     /* the context it must run in */
        guint        *n_done;      /* (nullable) incremented on completion */
} Result;

static void
result_init (Result      *r,
             GsnmpEngine *engine,
             Op           op)
{
        memset (r, 0, sizeof *r);
        r->engine = engine;
        r->op = op;
        r->thread = g_thread_self ();
        r->context = g_main_context_ref_thread_default ();
}

static void
result_clear (Result *r)
{
        g_clear_pointer (&r->pdu, gsnmp_pdu_unref);
        g_clear_error (&r->error);
        g_clear_pointer (&r->context, g_main_context_unref);
}

static void
on_request_done (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
        Result *r = user_data;
        GsnmpEngine *engine = GSNMP_ENGINE (source);

        /* exactly once, never inside the _async call, in the engine's
         * thread and context */
        g_assert_cmpuint (r->n_calls, ==, 0);
        g_assert_false (r->in_async);
        g_assert_true (engine == r->engine);
        g_assert_true (g_thread_self () == r->thread);
        g_assert_true (g_main_context_is_owner (r->context));

        r->n_calls++;
        switch (r->op) {
        case OP_GET:
                r->pdu = gsnmp_engine_get_finish (engine, res, &r->error);
                break;
        case OP_GET_NEXT:
                r->pdu = gsnmp_engine_get_next_finish (engine, res, &r->error);
                break;
        case OP_GET_BULK:
                r->pdu = gsnmp_engine_get_bulk_finish (engine, res, &r->error);
                break;
        case OP_SET:
                r->pdu = gsnmp_engine_set_finish (engine, res, &r->error);
                break;
        case OP_SEND_PDU:
                r->pdu = gsnmp_engine_send_pdu_finish (engine, res, &r->error);
                break;
        }
        g_assert_true ((r->pdu == NULL) != (r->error == NULL));

        r->done = TRUE;
        if (r->n_done != NULL)
                (*r->n_done)++;
}

static GPtrArray *
oids_new (const char * const *strv)
{
        GPtrArray *oids = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);

        for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
                g_ptr_array_add (oids, test_oid (strv[i]));

        return oids;
}

/* Starts a GET, GETNEXT or GETBULK for @strv (a NULL-terminated array). */
static void
start_oids (Result             *r,
            GsnmpTarget        *target,
            const char * const *strv,
            guint               non_repeaters,
            guint               max_repetitions,
            GCancellable       *cancellable)
{
        g_autoptr(GPtrArray) oids = oids_new (strv);
        GsnmpOid * const *array = (GsnmpOid * const *) oids->pdata;

        r->in_async = TRUE;
        switch (r->op) {
        case OP_GET:
                gsnmp_engine_get_async (r->engine, target, array, oids->len,
                                        cancellable, on_request_done, r);
                break;
        case OP_GET_NEXT:
                gsnmp_engine_get_next_async (r->engine, target, array, oids->len,
                                             cancellable, on_request_done, r);
                break;
        case OP_GET_BULK:
                gsnmp_engine_get_bulk_async (r->engine, target, non_repeaters, max_repetitions,
                                             array, oids->len, cancellable, on_request_done, r);
                break;
        default:
                g_assert_not_reached ();
        }
        r->in_async = FALSE;
}

static void
start_get (Result       *r,
           GsnmpTarget  *target,
           const char   *oid,
           GCancellable *cancellable)
{
        const char *strv[] = { oid, NULL };

        g_assert_true (r->op == OP_GET);
        start_oids (r, target, strv, 0, 0, cancellable);
}

/* A GET of sysName.0 that reports to @callback with @user_data; @r is
 * marked as inside the _async call meanwhile. */
static void
start_sys_name_get (Result              *r,
                    TestFixture         *fixture,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
        g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.2.1.1.5.0");

        r->in_async = TRUE;
        gsnmp_engine_get_async (fixture->engine, fixture->target, &oid, 1, NULL,
                                callback, user_data);
        r->in_async = FALSE;
}

static void
start_set (Result        *r,
           GsnmpTarget   *target,
           GPtrArray     *varbinds,
           GCancellable  *cancellable)
{
        r->in_async = TRUE;
        gsnmp_engine_set_async (r->engine, target, (GsnmpVarbind * const *) varbinds->pdata,
                                varbinds->len, cancellable, on_request_done, r);
        r->in_async = FALSE;
}

static void
assert_oid (GsnmpOid   *oid,
            const char *expected)
{
        g_autofree char *str = gsnmp_oid_to_string (oid);

        g_assert_cmpstr (str, ==, expected);
}

static void
assert_varbind_string (GsnmpVarbind *varbind,
                       const char   *oid,
                       const char   *value)
{
        g_autofree char *str = NULL;

        g_assert_nonnull (varbind);
        assert_oid (gsnmp_varbind_get_oid (varbind), oid);
        g_assert_cmpint (gsnmp_varbind_get_value_type (varbind), ==, GSNMP_VALUE_TYPE_OCTET_STRING);
        str = gsnmp_varbind_get_string (varbind);
        g_assert_cmpstr (str, ==, value);
}

static void
assert_varbind_integer (GsnmpVarbind *varbind,
                        const char   *oid,
                        gint32        value)
{
        g_assert_nonnull (varbind);
        assert_oid (gsnmp_varbind_get_oid (varbind), oid);
        g_assert_cmpint (gsnmp_varbind_get_value_type (varbind), ==, GSNMP_VALUE_TYPE_INTEGER);
        g_assert_cmpint (gsnmp_varbind_get_integer (varbind), ==, value);
}

static void
assert_varbind_exception (GsnmpVarbind   *varbind,
                          const char     *oid,
                          GsnmpValueType  type)
{
        g_assert_nonnull (varbind);
        assert_oid (gsnmp_varbind_get_oid (varbind), oid);
        g_assert_true (gsnmp_varbind_is_exception (varbind));
        g_assert_cmpint (gsnmp_varbind_get_value_type (varbind), ==, type);
}

/* The answer to a GET of sysName.0 that the agent sends when all is well:
 * never the poisoned ones. */
static void
assert_sys_name_response (Result *r)
{
        g_assert_cmpuint (r->n_calls, ==, 1);
        g_assert_no_error (r->error);
        g_assert_nonnull (r->pdu);
        g_assert_cmpint (gsnmp_pdu_get_pdu_type (r->pdu), ==, GSNMP_PDU_TYPE_RESPONSE);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (r->pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_error_index (r->pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (r->pdu), ==, 1);
        assert_varbind_string (gsnmp_pdu_get_varbind (r->pdu, 0), "1.3.6.1.2.1.1.5.0", "fake");
}

/* One GET of sysName.0 to @target, run to completion. */
static void
run_get_sys_name (GsnmpEngine *engine,
                  GsnmpTarget *target,
                  Result      *r)
{
        result_init (r, engine, OP_GET);
        start_get (r, target, "1.3.6.1.2.1.1.5.0", NULL);
        test_run_until (&r->done);
}

/* Makes sure the engine has read every datagram sent to it before this call:
 * the answer to a new request is queued on the engine's socket after them. */
static void
sync_engine (TestFixture *fixture)
{
        FakeAgent saved = *fixture->agent;
        Result r;

        fixture->agent->black_hole = FALSE;
        fixture->agent->drop_first = 0;
        fixture->agent->hold = FALSE;
        fixture->agent->poison_only = FALSE;
        fixture->agent->error_status = 0;
        fixture->agent->hook = NULL;

        run_get_sys_name (fixture->engine, fixture->target, &r);
        assert_sys_name_response (&r);
        result_clear (&r);

        fixture->agent->black_hole = saved.black_hole;
        fixture->agent->drop_first = saved.drop_first;
        fixture->agent->hold = saved.hold;
        fixture->agent->poison_only = saved.poison_only;
        fixture->agent->error_status = saved.error_status;
        fixture->agent->hook = saved.hook;
}

static void
assert_all_copies_identical (FakeAgent *agent)
{
        FakeAgentRequest *first = fake_agent_get_request (agent, 0);

        for (guint i = 1; i < fake_agent_get_n_requests (agent); i++) {
                FakeAgentRequest *copy = fake_agent_get_request (agent, i);

                g_assert_true (g_bytes_equal (first->datagram, copy->datagram));
                g_assert_cmpuint (copy->copy, ==, i + 1);
        }
}

/* ---------------------------------------------------------------------- */
/* Basic operations: v1 and v2c, IPv4 and IPv6                             */

typedef struct {
        TestFixtureConfig config;   /* first: the fixture setup reads it */
        Op                op;
} OpCase;

static void
assert_request_seen (TestFixture  *fixture,
                     guint         index,
                     GsnmpPduType  type,
                     guint         n_varbinds)
{
        FakeAgentRequest *request = fake_agent_get_request (fixture->agent, index);
        gsize length;
        const guint8 *community;

        g_assert_nonnull (request->message.pdu);
        g_assert_cmpint (request->message.version, ==, gsnmp_target_get_version (fixture->target));
        g_assert_nonnull (request->message.community);
        community = g_bytes_get_data (request->message.community, &length);
        g_assert_cmpmem (community, length, "public", 6);
        g_assert_cmpint (gsnmp_pdu_get_pdu_type (request->message.pdu), ==, type);
        /* (in a GetBulkRequest the field holds non-repeaters) */
        if (type != GSNMP_PDU_TYPE_GET_BULK)
                g_assert_cmpuint (gsnmp_pdu_get_error_status (request->message.pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (request->message.pdu), ==, n_varbinds);
        g_assert_cmpuint (request->copy, ==, 1);
}

static void
assert_response_to (Result      *r,
                    TestFixture *fixture,
                    guint        index)
{
        FakeAgentRequest *request = fake_agent_get_request (fixture->agent, index);

        g_assert_cmpuint (r->n_calls, ==, 1);
        g_assert_no_error (r->error);
        g_assert_nonnull (r->pdu);
        g_assert_cmpint (gsnmp_pdu_get_pdu_type (r->pdu), ==, GSNMP_PDU_TYPE_RESPONSE);
        g_assert_cmpint (gsnmp_pdu_get_request_id (r->pdu), ==,
                         gsnmp_pdu_get_request_id (request->message.pdu));
}

static void
check_get (TestFixture *fixture,
           gboolean     v1)
{
        const char *found[] = { "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.7.0", NULL };
        const char *missing[] = { "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.99.0", NULL };
        Result r;

        result_init (&r, fixture->engine, OP_GET);
        start_oids (&r, fixture->target, found, 0, 0, NULL);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 1);
        test_run_until (&r.done);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);

        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 1);
        assert_request_seen (fixture, 0, GSNMP_PDU_TYPE_GET, 3);
        for (guint i = 0; i < 3; i++) {
                GsnmpPdu *asked = fake_agent_get_request (fixture->agent, 0)->message.pdu;
                GsnmpVarbind *vb = gsnmp_pdu_get_varbind (asked, i);

                assert_oid (gsnmp_varbind_get_oid (vb), found[i]);
                g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_NULL);
        }
        assert_response_to (&r, fixture, 0);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (r.pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (r.pdu), ==, 3);
        assert_varbind_string (gsnmp_pdu_get_varbind (r.pdu, 0), found[0], "gsnmp fake agent");
        assert_varbind_string (gsnmp_pdu_get_varbind (r.pdu, 1), found[1], "fake");
        assert_varbind_integer (gsnmp_pdu_get_varbind (r.pdu, 2), found[2], 72);
        result_clear (&r);

        /* A missing object: noSuchName in v1, a noSuchObject exception in v2c */
        result_init (&r, fixture->engine, OP_GET);
        start_oids (&r, fixture->target, missing, 0, 0, NULL);
        test_run_until (&r.done);
        assert_response_to (&r, fixture, 1);
        if (v1) {
                g_autoptr(GError) error = NULL;

                g_assert_cmpuint (gsnmp_pdu_get_error_status (r.pdu), ==, GSNMP_PDU_ERROR_NO_SUCH_NAME);
                g_assert_cmpuint (gsnmp_pdu_get_error_index (r.pdu), ==, 2);
                g_assert_false (gsnmp_pdu_check_error (r.pdu, &error));
                g_assert_error (error, GSNMP_PDU_ERROR, GSNMP_PDU_ERROR_NO_SUCH_NAME);
        } else {
                g_assert_cmpuint (gsnmp_pdu_get_error_status (r.pdu), ==, 0);
                g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (r.pdu), ==, 2);
                assert_varbind_string (gsnmp_pdu_get_varbind (r.pdu, 0), missing[0], "fake");
                assert_varbind_exception (gsnmp_pdu_get_varbind (r.pdu, 1), missing[1],
                                          GSNMP_VALUE_TYPE_NO_SUCH_OBJECT);
        }
        result_clear (&r);
}

static void
check_get_next (TestFixture *fixture,
                gboolean     v1)
{
        const char *next[] = { "1.3.6.1.2.1.1", "1.3.6.1.2.1.1.1.0", NULL };
        const char *end[] = { "1.3.6.1.2.1.2.1.0", NULL };
        GsnmpOid *value;
        Result r;

        result_init (&r, fixture->engine, OP_GET_NEXT);
        start_oids (&r, fixture->target, next, 0, 0, NULL);
        test_run_until (&r.done);
        assert_request_seen (fixture, 0, GSNMP_PDU_TYPE_GET_NEXT, 2);
        assert_response_to (&r, fixture, 0);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (r.pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (r.pdu), ==, 2);
        assert_varbind_string (gsnmp_pdu_get_varbind (r.pdu, 0), "1.3.6.1.2.1.1.1.0", "gsnmp fake agent");
        assert_oid (gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (r.pdu, 1)), "1.3.6.1.2.1.1.2.0");
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (r.pdu, 1)), ==,
                         GSNMP_VALUE_TYPE_OBJECT_ID);
        value = gsnmp_varbind_get_oid_value (gsnmp_pdu_get_varbind (r.pdu, 1));
        assert_oid (value, "1.3.6.1.4.1.8072.3.2.10");
        result_clear (&r);

        /* Past the end of the MIB */
        result_init (&r, fixture->engine, OP_GET_NEXT);
        start_oids (&r, fixture->target, end, 0, 0, NULL);
        test_run_until (&r.done);
        assert_response_to (&r, fixture, 1);
        if (v1) {
                g_assert_cmpuint (gsnmp_pdu_get_error_status (r.pdu), ==, GSNMP_PDU_ERROR_NO_SUCH_NAME);
                g_assert_cmpuint (gsnmp_pdu_get_error_index (r.pdu), ==, 1);
        } else {
                g_assert_cmpuint (gsnmp_pdu_get_error_status (r.pdu), ==, 0);
                assert_varbind_exception (gsnmp_pdu_get_varbind (r.pdu, 0), end[0],
                                          GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
        }
        result_clear (&r);
}

static void
check_get_bulk (TestFixture *fixture,
                gboolean     v1)
{
        const char *oids[] = { "1.3.6.1.2.1.1.1", "1.3.6.1.2.1.1.2", NULL };
        const char *end[] = { "1.3.6.1.2.1.1.7.0", NULL };
        GsnmpPdu *asked;
        Result r;

        result_init (&r, fixture->engine, OP_GET_BULK);
        start_oids (&r, fixture->target, oids, 1, 3, NULL);
        test_run_until (&r.done);

        if (v1) {
                /* SNMPv1 has no GetBulkRequest: an error, and nothing sent */
                g_assert_cmpuint (r.n_calls, ==, 1);
                g_assert_null (r.pdu);
                g_assert_nonnull (r.error);
                g_test_message ("v1 get-bulk: %s", r.error->message);
                fake_agent_sync (fixture->agent);
                g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 0);
                result_clear (&r);
                return;
        }

        assert_request_seen (fixture, 0, GSNMP_PDU_TYPE_GET_BULK, 2);
        asked = fake_agent_get_request (fixture->agent, 0)->message.pdu;
        g_assert_cmpuint (gsnmp_pdu_get_non_repeaters (asked), ==, 1);
        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (asked), ==, 3);

        assert_response_to (&r, fixture, 0);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (r.pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (r.pdu), ==, 4);
        assert_varbind_string (gsnmp_pdu_get_varbind (r.pdu, 0), "1.3.6.1.2.1.1.1.0", "gsnmp fake agent");
        assert_oid (gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (r.pdu, 1)), "1.3.6.1.2.1.1.2.0");
        assert_oid (gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (r.pdu, 2)), "1.3.6.1.2.1.1.3.0");
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (r.pdu, 2)), ==,
                         GSNMP_VALUE_TYPE_TIMETICKS);
        g_assert_cmpuint (gsnmp_varbind_get_unsigned (gsnmp_pdu_get_varbind (r.pdu, 2)), ==, 123456);
        assert_varbind_string (gsnmp_pdu_get_varbind (r.pdu, 3), "1.3.6.1.2.1.1.4.0", "root@localhost");
        result_clear (&r);

        /* Running off the end of the MIB */
        result_init (&r, fixture->engine, OP_GET_BULK);
        start_oids (&r, fixture->target, end, 0, 5, NULL);
        test_run_until (&r.done);
        assert_response_to (&r, fixture, 1);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (r.pdu), ==, 2);
        assert_varbind_integer (gsnmp_pdu_get_varbind (r.pdu, 0), "1.3.6.1.2.1.2.1.0", 2);
        assert_varbind_exception (gsnmp_pdu_get_varbind (r.pdu, 1), "1.3.6.1.2.1.2.1.0",
                                  GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
        result_clear (&r);
}

static void
check_set (TestFixture *fixture,
           gboolean     v1)
{
        g_autoptr(GPtrArray) varbinds = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_varbind_unref);
        g_autoptr(GsnmpOid) name = test_oid ("1.3.6.1.2.1.1.5.0");
        g_autoptr(GsnmpOid) services = test_oid ("1.3.6.1.2.1.1.7.0");
        g_autoptr(GsnmpOid) fresh = test_oid ("1.3.6.1.4.1.99999.1.0");
        GsnmpPdu *asked;
        GsnmpVarbind *stored;
        Result r;

        g_ptr_array_add (varbinds, gsnmp_varbind_new_string (name, "renamed"));
        g_ptr_array_add (varbinds, gsnmp_varbind_new_integer (services, 4));
        g_ptr_array_add (varbinds, gsnmp_varbind_new_gauge32 (fresh, 4000000000u));

        result_init (&r, fixture->engine, OP_SET);
        start_set (&r, fixture->target, varbinds, NULL);
        test_run_until (&r.done);

        assert_request_seen (fixture, 0, GSNMP_PDU_TYPE_SET, 3);
        asked = fake_agent_get_request (fixture->agent, 0)->message.pdu;
        assert_varbind_string (gsnmp_pdu_get_varbind (asked, 0), "1.3.6.1.2.1.1.5.0", "renamed");
        assert_varbind_integer (gsnmp_pdu_get_varbind (asked, 1), "1.3.6.1.2.1.1.7.0", 4);
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (asked, 2)), ==,
                         GSNMP_VALUE_TYPE_GAUGE32);
        g_assert_cmpuint (gsnmp_varbind_get_unsigned (gsnmp_pdu_get_varbind (asked, 2)), ==, 4000000000u);

        assert_response_to (&r, fixture, 0);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (r.pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (r.pdu), ==, 3);
        assert_varbind_string (gsnmp_pdu_get_varbind (r.pdu, 0), "1.3.6.1.2.1.1.5.0", "renamed");
        assert_varbind_integer (gsnmp_pdu_get_varbind (r.pdu, 1), "1.3.6.1.2.1.1.7.0", 4);
        result_clear (&r);

        stored = fake_agent_lookup (fixture->agent, "1.3.6.1.2.1.1.5.0");
        assert_varbind_string (stored, "1.3.6.1.2.1.1.5.0", "renamed");
        stored = fake_agent_lookup (fixture->agent, "1.3.6.1.4.1.99999.1.0");
        g_assert_nonnull (stored);
        g_assert_cmpuint (gsnmp_varbind_get_unsigned (stored), ==, 4000000000u);

        /* and a GET sees the new value */
        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, fixture->target, "1.3.6.1.2.1.1.5.0", NULL);
        test_run_until (&r.done);
        assert_response_to (&r, fixture, 1);
        assert_varbind_string (gsnmp_pdu_get_varbind (r.pdu, 0), "1.3.6.1.2.1.1.5.0", "renamed");
        result_clear (&r);
}

static void
test_op (TestFixture   *fixture,
         gconstpointer  data)
{
        const OpCase *c = data;
        gboolean v1 = c->config.version == GSNMP_PROTOCOL_VERSION_V1;

        TEST_RETURN_IF_SKIPPED (fixture);

        g_assert_cmpint (gsnmp_target_get_version (fixture->target), ==, c->config.version);

        switch (c->op) {
        case OP_GET:
                check_get (fixture, v1);
                break;
        case OP_GET_NEXT:
                check_get_next (fixture, v1);
                break;
        case OP_GET_BULK:
                check_get_bulk (fixture, v1);
                break;
        case OP_SET:
                check_set (fixture, v1);
                break;
        default:
                g_assert_not_reached ();
        }
}

static void
test_send_pdu (TestFixture   *fixture,
               gconstpointer  data)
{
        g_autoptr(GsnmpPdu) pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_GET_NEXT);
        g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.2.1.1.4.0");
        g_autoptr(GsnmpVarbind) vb = gsnmp_varbind_new_null (oid);
        Result r;

        gsnmp_pdu_add_varbind (pdu, vb);
        result_init (&r, fixture->engine, OP_SEND_PDU);
        r.in_async = TRUE;
        gsnmp_engine_send_pdu_async (fixture->engine, fixture->target, pdu, NULL, on_request_done, &r);
        r.in_async = FALSE;
        test_run_until (&r.done);

        assert_request_seen (fixture, 0, GSNMP_PDU_TYPE_GET_NEXT, 1);
        assert_response_to (&r, fixture, 0);
        assert_varbind_string (gsnmp_pdu_get_varbind (r.pdu, 0), "1.3.6.1.2.1.1.5.0", "fake");
        /* the caller's PDU is not the one that went out: it stays untouched */
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (pdu), ==, 1);
        result_clear (&r);
}

/* ---------------------------------------------------------------------- */
/* Retransmissions and timeouts                                            */

static void
test_retry_then_success (TestFixture   *fixture,
                         gconstpointer  data)
{
        Result r;

        g_test_summary ("The agent drops the first copy; the retransmission, "
                        "byte for byte the same, gets the answer");

        fixture->agent->drop_first = 1;
        gsnmp_target_set_timeout (fixture->target, RETRY_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 5);

        run_get_sys_name (fixture->engine, fixture->target, &r);
        assert_sys_name_response (&r);
        result_clear (&r);

        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), >=, 2);
        assert_all_copies_identical (fixture->agent);
}

static void
test_retry_last_chance (TestFixture   *fixture,
                        gconstpointer  data)
{
        Result r;

        g_test_summary ("Only the last allowed copy (retries = 2) is answered");

        fixture->agent->drop_first = 2;
        gsnmp_target_set_timeout (fixture->target, RETRY_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 2);

        run_get_sys_name (fixture->engine, fixture->target, &r);
        assert_sys_name_response (&r);
        result_clear (&r);

        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 3);
        assert_all_copies_identical (fixture->agent);
}

static void
test_retry_set (TestFixture   *fixture,
                gconstpointer  data)
{
        g_autoptr(GPtrArray) varbinds = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_varbind_unref);
        g_autoptr(GsnmpOid) name = test_oid ("1.3.6.1.2.1.1.5.0");
        Result r;

        g_test_summary ("SET is retransmitted like the other requests");

        fixture->agent->drop_first = 1;
        gsnmp_target_set_timeout (fixture->target, RETRY_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 3);

        g_ptr_array_add (varbinds, gsnmp_varbind_new_string (name, "again"));
        result_init (&r, fixture->engine, OP_SET);
        start_set (&r, fixture->target, varbinds, NULL);
        test_run_until (&r.done);
        g_assert_no_error (r.error);
        assert_varbind_string (gsnmp_pdu_get_varbind (r.pdu, 0), "1.3.6.1.2.1.1.5.0", "again");
        result_clear (&r);

        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), >=, 2);
        assert_all_copies_identical (fixture->agent);
}

static void
check_final_timeout (TestFixture *fixture,
                     guint        retries)
{
        Result r;

        fixture->agent->black_hole = TRUE;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, retries);

        run_get_sys_name (fixture->engine, fixture->target, &r);
        g_assert_cmpuint (r.n_calls, ==, 1);
        g_assert_null (r.pdu);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_test_message ("timeout message: %s", r.error->message);
        result_clear (&r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);

        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, retries + 1);
        assert_all_copies_identical (fixture->agent);

        /* the engine still works afterwards */
        fixture->agent->black_hole = FALSE;
        gsnmp_target_set_timeout (fixture->target, TEST_LONG_TIMEOUT_MS);
        run_get_sys_name (fixture->engine, fixture->target, &r);
        assert_sys_name_response (&r);
        result_clear (&r);
}

static void
test_timeout_final (TestFixture   *fixture,
                    gconstpointer  data)
{
        g_test_summary ("A black hole: TIMED_OUT after exactly retries + 1 identical sends");
        check_final_timeout (fixture, 3);
}

static void
test_timeout_no_retries (TestFixture   *fixture,
                         gconstpointer  data)
{
        check_final_timeout (fixture, 0);
}

static void
test_timeout_snapshot (TestFixture   *fixture,
                       gconstpointer  data)
{
        Result r;

        g_test_summary ("A request snapshots its target: changing the target "
                        "afterwards does not change the request in flight");

        fixture->agent->black_hole = TRUE;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 0);

        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, fixture->target, "1.3.6.1.2.1.1.5.0", NULL);
        gsnmp_target_set_timeout (fixture->target, 60000);
        gsnmp_target_set_retries (fixture->target, 10);
        test_run_until (&r.done);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        result_clear (&r);

        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 1);
}

static void
test_timeout_many (TestFixture   *fixture,
                   gconstpointer  data)
{
        Result r[20];
        guint n_done = 0;

        g_test_summary ("Many requests time out, each after its own retries");

        fixture->agent->black_hole = TRUE;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 1);

        for (guint i = 0; i < G_N_ELEMENTS (r); i++) {
                result_init (&r[i], fixture->engine, OP_GET);
                r[i].n_done = &n_done;
                start_get (&r[i], fixture->target, "1.3.6.1.2.1.1.5.0", NULL);
        }
        test_run_until_count (&n_done, G_N_ELEMENTS (r));
        for (guint i = 0; i < G_N_ELEMENTS (r); i++) {
                g_assert_error (r[i].error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
                result_clear (&r[i]);
        }
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 2 * G_N_ELEMENTS (r));
}

/* ---------------------------------------------------------------------- */
/* Cancellation                                                            */

static void
assert_cancelled (Result *r)
{
        g_assert_cmpuint (r->n_calls, ==, 1);
        g_assert_null (r->pdu);
        g_assert_error (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_cancel_before_send (TestFixture   *fixture,
                         gconstpointer  data)
{
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        Result r;

        g_test_summary ("An already-cancelled cancellable: CANCELLED, in a later iteration");

        g_cancellable_cancel (cancellable);
        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, fixture->target, "1.3.6.1.2.1.1.5.0", cancellable);
        g_assert_cmpuint (r.n_calls, ==, 0);
        test_run_until (&r.done);
        assert_cancelled (&r);
        result_clear (&r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);

        fake_agent_sync (fixture->agent);
        g_test_message ("datagrams sent for a request cancelled before it started: %u",
                        fake_agent_get_n_requests (fixture->agent));
        /* the engine must drop the agent's answer, if any, quietly */
        sync_engine (fixture);
}

static gboolean
cancel_on_first_copy (FakeAgent              *agent,
                      const FakeAgentRequest *request,
                      gpointer                user_data)
{
        g_cancellable_cancel (user_data);

        return TRUE;   /* and do not answer */
}

static void
test_cancel_while_waiting (TestFixture   *fixture,
                           gconstpointer  data)
{
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        Result r;

        g_test_summary ("Cancelled after the agent received the request, before any answer");

        fixture->agent->hook = cancel_on_first_copy;
        fixture->agent->hook_data = cancellable;

        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, fixture->target, "1.3.6.1.2.1.1.5.0", cancellable);
        test_run_until (&r.done);
        assert_cancelled (&r);
        result_clear (&r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);

        fixture->agent->hook = NULL;
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 1);
        sync_engine (fixture);
}

static gboolean
on_cancel_timeout (gpointer user_data)
{
        g_cancellable_cancel (user_data);

        return G_SOURCE_REMOVE;
}

static gboolean
cancel_after_second_copy (FakeAgent              *agent,
                          const FakeAgentRequest *request,
                          gpointer                user_data)
{
        if (request->copy == 2) {
                g_autoptr(GSource) source = g_timeout_source_new (0);

                g_source_set_callback (source, on_cancel_timeout, g_object_ref (user_data),
                                       g_object_unref);
                g_source_attach (source, g_main_context_get_thread_default ());
        }

        return TRUE;
}

static void
test_cancel_between_retries (TestFixture   *fixture,
                             gconstpointer  data)
{
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        Result r;

        g_test_summary ("Cancelled from a timeout callback after the first retransmission arrived");

        fixture->agent->hook = cancel_after_second_copy;
        fixture->agent->hook_data = cancellable;
        gsnmp_target_set_timeout (fixture->target, RETRY_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 5);

        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, fixture->target, "1.3.6.1.2.1.1.5.0", cancellable);
        test_run_until (&r.done);
        assert_cancelled (&r);
        result_clear (&r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);

        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), >=, 2);
        assert_all_copies_identical (fixture->agent);
}

static gpointer
cancel_thread_func (gpointer data)
{
        g_cancellable_cancel (data);

        return NULL;
}

typedef struct {
        GCancellable *cancellable;
        GThread      *thread;
} CancelThread;

static gboolean
cancel_from_thread (FakeAgent              *agent,
                    const FakeAgentRequest *request,
                    gpointer                user_data)
{
        CancelThread *ct = user_data;

        if (ct->thread == NULL)
                ct->thread = g_thread_new ("canceller", cancel_thread_func, ct->cancellable);

        return TRUE;
}

static void
test_cancel_other_thread (TestFixture   *fixture,
                          gconstpointer  data)
{
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        CancelThread ct = { cancellable, NULL };
        Result r;

        g_test_summary ("g_cancellable_cancel() in another thread completes the "
                        "request in the engine's thread and context");

        fixture->agent->hook = cancel_from_thread;
        fixture->agent->hook_data = &ct;

        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, fixture->target, "1.3.6.1.2.1.1.5.0", cancellable);
        test_run_until (&r.done);   /* on_request_done checks the thread */
        assert_cancelled (&r);
        result_clear (&r);

        g_assert_nonnull (ct.thread);
        g_thread_join (ct.thread);
        fixture->agent->hook = NULL;
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);
}

static gpointer
cancel_array_thread_func (gpointer data)
{
        GPtrArray *cancellables = data;

        for (guint i = 0; i < cancellables->len; i++)
                g_cancellable_cancel (g_ptr_array_index (cancellables, i));

        return NULL;
}

static void
test_cancel_other_thread_many (TestFixture   *fixture,
                               gconstpointer  data)
{
        enum { N = 200 };
        GPtrArray *halves[2];
        GThread *threads[2];
        Result *r = g_new0 (Result, N);
        guint n_done = 0;

        g_test_summary ("Many requests cancelled from two other threads at once");

        halves[0] = g_ptr_array_new_with_free_func (g_object_unref);
        halves[1] = g_ptr_array_new_with_free_func (g_object_unref);
        /* all of them on the wire at once, none queued */
        gsnmp_engine_set_max_in_flight (fixture->engine, N);
        fixture->agent->black_hole = TRUE;
        for (guint i = 0; i < N; i++) {
                GCancellable *cancellable = g_cancellable_new ();

                g_ptr_array_add (halves[i % 2], cancellable);
                result_init (&r[i], fixture->engine, OP_GET);
                r[i].n_done = &n_done;
                start_get (&r[i], fixture->target, "1.3.6.1.2.1.1.5.0", cancellable);
        }
        /* the agent has them all: every request is waiting */
        while (fake_agent_get_n_requests (fixture->agent) < N)
                fake_agent_sync (fixture->agent);

        for (guint t = 0; t < 2; t++)
                threads[t] = g_thread_new ("canceller", cancel_array_thread_func, halves[t]);
        test_run_until_count (&n_done, N);
        for (guint t = 0; t < 2; t++) {
                g_thread_join (threads[t]);
                g_ptr_array_unref (halves[t]);
        }

        for (guint i = 0; i < N; i++) {
                assert_cancelled (&r[i]);
                result_clear (&r[i]);
        }
        g_free (r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);
}

static void
test_cancel_shared (TestFixture   *fixture,
                    gconstpointer  data)
{
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        Result r[10];
        guint n_done = 0;

        g_test_summary ("One cancellable shared by several requests cancels them all");

        fixture->agent->black_hole = TRUE;
        for (guint i = 0; i < G_N_ELEMENTS (r); i++) {
                result_init (&r[i], fixture->engine, OP_GET);
                r[i].n_done = &n_done;
                start_get (&r[i], fixture->target, "1.3.6.1.2.1.1.5.0", cancellable);
        }
        while (fake_agent_get_n_requests (fixture->agent) < G_N_ELEMENTS (r))
                fake_agent_sync (fixture->agent);
        g_cancellable_cancel (cancellable);
        test_run_until_count (&n_done, G_N_ELEMENTS (r));
        for (guint i = 0; i < G_N_ELEMENTS (r); i++) {
                assert_cancelled (&r[i]);
                result_clear (&r[i]);
        }
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);
}

static void
test_cancel_after_completion (TestFixture   *fixture,
                              gconstpointer  data)
{
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        Result r;

        g_test_summary ("Cancelling after the request completed does nothing");

        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, fixture->target, "1.3.6.1.2.1.1.5.0", cancellable);
        test_run_until (&r.done);
        assert_sys_name_response (&r);
        g_cancellable_cancel (cancellable);
        sync_engine (fixture);
        g_assert_cmpuint (r.n_calls, ==, 1);
        result_clear (&r);
}

/* ---------------------------------------------------------------------- */
/* Closing the engine                                                      */

static void
check_close (TestFixture *fixture,
             gboolean     run_dispose)
{
        enum { N = 5 };
        Result r[N + 1];
        guint n_done = 0;
        guint n_done_at_return;

        fixture->agent->black_hole = TRUE;
        for (guint i = 0; i < N; i++) {
                result_init (&r[i], fixture->engine, OP_GET);
                r[i].n_done = &n_done;
                start_get (&r[i], fixture->target, "1.3.6.1.2.1.1.5.0", NULL);
        }
        while (fake_agent_get_n_requests (fixture->agent) < N)
                fake_agent_sync (fixture->agent);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, N);

        if (run_dispose)
                g_object_run_dispose (G_OBJECT (fixture->engine));
        else
                gsnmp_engine_close (fixture->engine);
        n_done_at_return = n_done;
        g_test_message ("callbacks run before close returned: %u of %u", n_done_at_return, N);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);

        test_run_until_count (&n_done, N);
        for (guint i = 0; i < N; i++) {
                g_assert_cmpuint (r[i].n_calls, ==, 1);
                g_assert_error (r[i].error, G_IO_ERROR, G_IO_ERROR_CLOSED);
                result_clear (&r[i]);
        }

        /* a request to a closed engine fails the same way, later */
        result_init (&r[N], fixture->engine, OP_GET);
        start_get (&r[N], fixture->target, "1.3.6.1.2.1.1.5.0", NULL);
        g_assert_cmpuint (r[N].n_calls, ==, 0);
        test_run_until (&r[N].done);
        g_assert_error (r[N].error, G_IO_ERROR, G_IO_ERROR_CLOSED);
        result_clear (&r[N]);

        /* closing twice is harmless */
        gsnmp_engine_close (fixture->engine);
}

static void
test_close_pending (TestFixture   *fixture,
                    gconstpointer  data)
{
        g_test_summary ("gsnmp_engine_close() fails every pending request with CLOSED");
        check_close (fixture, FALSE);
}

static void
test_dispose_pending (TestFixture   *fixture,
                      gconstpointer  data)
{
        g_test_summary ("Disposing the engine fails every pending request with CLOSED");
        check_close (fixture, TRUE);
}

static void
on_done_unref_engine (GObject      *source,
                      GAsyncResult *res,
                      gpointer      user_data)
{
        Result *r = user_data;

        on_request_done (source, res, user_data);
        g_assert_error (r->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
}

static void
test_unref_pending (TestFixture   *fixture,
                    gconstpointer  data)
{
        GsnmpEngine *engine = g_steal_pointer (&fixture->engine);
        Result r;

        g_test_summary ("Dropping the caller's reference with a request pending: "
                        "the request keeps the engine alive and still completes");

        fixture->agent->black_hole = TRUE;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 0);

        result_init (&r, engine, OP_GET);
        r.in_async = TRUE;
        {
                g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.2.1.1.5.0");

                gsnmp_engine_get_async (engine, fixture->target, &oid, 1, NULL,
                                        on_done_unref_engine, &r);
        }
        r.in_async = FALSE;
        g_object_add_weak_pointer (G_OBJECT (engine), (gpointer *) &engine);
        g_object_unref (engine);
        test_run_until (&r.done);
        result_clear (&r);

        while (g_main_context_iteration (NULL, FALSE))
                ;
        g_assert_null (engine);
}

/* ---------------------------------------------------------------------- */
/* Replies the engine must drop                                            */

static void
check_bad_first (TestFixture *fixture)
{
        Result r;

        run_get_sys_name (fixture->engine, fixture->target, &r);
        /* the poisoned answer would have error-status genErr and "poison" */
        assert_sys_name_response (&r);
        result_clear (&r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);
        sync_engine (fixture);
}

static void
test_reply_spoofed_port (TestFixture   *fixture,
                         gconstpointer  data)
{
        g_test_summary ("An answer from another port is dropped; the real one completes");
        fixture->agent->spoof_first = TRUE;
        check_bad_first (fixture);
}

static void
test_reply_wrong_request_id (TestFixture   *fixture,
                             gconstpointer  data)
{
        g_test_summary ("An answer with an unknown request-id is dropped");
        fixture->agent->wrong_id_first = TRUE;
        check_bad_first (fixture);
}

static void
test_reply_spoofed_address (TestFixture   *fixture,
                            gconstpointer  data)
{
        g_test_summary ("An answer from the agent's port on another address is dropped");
        fixture->agent->spoof_address_first = TRUE;
        check_bad_first (fixture);
}

static void
test_reply_wrong_community (TestFixture   *fixture,
                            gconstpointer  data)
{
        g_test_summary ("An answer with another community is dropped");
        fixture->agent->wrong_community_first = TRUE;
        check_bad_first (fixture);
}

static void
test_reply_wrong_version (TestFixture   *fixture,
                          gconstpointer  data)
{
        g_test_summary ("An answer in another SNMP version is dropped");
        fixture->agent->wrong_version_first = TRUE;
        check_bad_first (fixture);
}

static void
test_reply_wrong_type (TestFixture   *fixture,
                       gconstpointer  data)
{
        g_test_summary ("A PDU with the request-id that is not a Response is dropped");
        fixture->agent->wrong_type_first = TRUE;
        check_bad_first (fixture);
}

static gboolean
answer_the_next_id (FakeAgent              *agent,
                    const FakeAgentRequest *request,
                    gpointer                user_data)
{
        GsnmpPdu *pdu = request->message.pdu;
        g_autoptr(GsnmpPdu) poison = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        g_autoptr(GsnmpVarbind) vb = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = NULL;
        GsnmpMessage message = { 0, };

        if (request->copy != 1 || gsnmp_pdu_get_n_varbinds (pdu) != 1 ||
            !g_str_equal (user_data, "first"))
                return FALSE;

        /* A Response for the request-id after this one: the request the
         * engine still holds in its queue (ids are sequential today; if they
         * are not, this tests an unknown id instead). */
        vb = gsnmp_varbind_new_string (gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (pdu, 0)),
                                       FAKE_AGENT_POISON_STRING);
        gsnmp_pdu_set_request_id (poison, gsnmp_pdu_get_request_id (pdu) + 1);
        gsnmp_pdu_set_error (poison, FAKE_AGENT_POISON_STATUS, 1);
        gsnmp_pdu_add_varbind (poison, vb);
        message.version = request->message.version;
        message.community = g_bytes_ref (request->message.community);
        message.pdu = gsnmp_pdu_ref (poison);
        bytes = gsnmp_message_encode (&message, 0, &error);
        g_assert_no_error (error);
        gsnmp_message_clear (&message);
        g_socket_send_to (agent->socket, request->from, g_bytes_get_data (bytes, NULL),
                          g_bytes_get_size (bytes), NULL, &error);
        g_assert_no_error (error);

        return FALSE;   /* and answer this one normally */
}

static void
test_reply_to_queued (TestFixture   *fixture,
                      gconstpointer  data)
{
        Result r[2];
        guint n_done = 0;

        g_test_summary ("A Response for a request still queued (not sent) is dropped");

        gsnmp_engine_set_max_in_flight (fixture->engine, 1);
        fixture->agent->hook = answer_the_next_id;
        fixture->agent->hook_data = (gpointer) "first";
        for (guint i = 0; i < 2; i++) {
                result_init (&r[i], fixture->engine, OP_GET);
                r[i].n_done = &n_done;
                start_get (&r[i], fixture->target, "1.3.6.1.2.1.1.5.0", NULL);
        }
        test_run_until (&r[0].done);
        fixture->agent->hook_data = (gpointer) "done";
        test_run_until_count (&n_done, 2);
        for (guint i = 0; i < 2; i++) {
                assert_sys_name_response (&r[i]);
                result_clear (&r[i]);
        }
        fixture->agent->hook = NULL;
}

static void
test_reply_malformed (TestFixture   *fixture,
                      gconstpointer  data)
{
        g_test_summary ("Garbage, truncated and empty datagrams are dropped");
        fixture->agent->garbage_first = FAKE_AGENT_GARBAGE_RANDOM |
                                        FAKE_AGENT_GARBAGE_TRUNCATED |
                                        FAKE_AGENT_GARBAGE_EMPTY;
        check_bad_first (fixture);
}

static void
test_reply_trailing_bytes (TestFixture   *fixture,
                           gconstpointer  data)
{
        g_test_summary ("An answer followed by extra bytes is dropped");
        fixture->agent->garbage_first = FAKE_AGENT_GARBAGE_TRAILING;
        check_bad_first (fixture);
}

static void
test_reply_poison_only (TestFixture   *fixture,
                        gconstpointer  data)
{
        Result r;

        g_test_summary ("Only bad answers ever arrive: the request times out");

        fixture->agent->spoof_first = TRUE;
        fixture->agent->spoof_address_first = TRUE;
        fixture->agent->wrong_id_first = TRUE;
        fixture->agent->wrong_community_first = TRUE;
        fixture->agent->wrong_version_first = TRUE;
        fixture->agent->wrong_type_first = TRUE;
        fixture->agent->garbage_first = FAKE_AGENT_GARBAGE_ALL;
        fixture->agent->poison_only = TRUE;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 1);

        run_get_sys_name (fixture->engine, fixture->target, &r);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        result_clear (&r);
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 2);
}

static void
test_reply_duplicate (TestFixture   *fixture,
                      gconstpointer  data)
{
        Result r;

        g_test_summary ("Two copies of the answer complete the request once");

        fixture->agent->n_answers = 3;
        run_get_sys_name (fixture->engine, fixture->target, &r);
        assert_sys_name_response (&r);
        /* the engine has read the other copies once this completes */
        sync_engine (fixture);
        g_assert_cmpuint (r.n_calls, ==, 1);
        result_clear (&r);
}

static void
test_reply_late (TestFixture   *fixture,
                 gconstpointer  data)
{
        Result r;

        g_test_summary ("Answers that arrive after the final timeout are ignored");

        fixture->agent->hold = TRUE;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 1);

        run_get_sys_name (fixture->engine, fixture->target, &r);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);

        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 2);
        fixture->agent->hold = FALSE;
        fake_agent_release (fixture->agent);   /* two late answers */
        gsnmp_target_set_timeout (fixture->target, TEST_LONG_TIMEOUT_MS);
        sync_engine (fixture);
        g_assert_cmpuint (r.n_calls, ==, 1);
        result_clear (&r);
}

static void
test_reply_late_after_cancel (TestFixture   *fixture,
                              gconstpointer  data)
{
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        Result r;

        g_test_summary ("An answer that arrives after cancellation is ignored");

        fixture->agent->hold = TRUE;
        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, fixture->target, "1.3.6.1.2.1.1.5.0", cancellable);
        while (fake_agent_get_n_requests (fixture->agent) < 1)
                fake_agent_sync (fixture->agent);
        g_cancellable_cancel (cancellable);
        test_run_until (&r.done);
        assert_cancelled (&r);

        fixture->agent->hold = FALSE;
        fake_agent_release (fixture->agent);
        sync_engine (fixture);
        g_assert_cmpuint (r.n_calls, ==, 1);
        result_clear (&r);
}

/* ---------------------------------------------------------------------- */
/* Error-status                                                            */

static void
check_error_status (TestFixture   *fixture,
                    GsnmpPduError  status,
                    guint          index)
{
        g_autoptr(GError) error = NULL;
        Result r;

        fixture->agent->error_status = status;
        fixture->agent->error_index = index;

        run_get_sys_name (fixture->engine, fixture->target, &r);
        g_assert_cmpuint (r.n_calls, ==, 1);
        /* a response is a PDU, whatever its error-status */
        g_assert_no_error (r.error);
        g_assert_nonnull (r.pdu);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (r.pdu), ==, status);
        g_assert_cmpuint (gsnmp_pdu_get_error_index (r.pdu), ==, index);
        g_assert_false (gsnmp_pdu_check_error (r.pdu, &error));
        g_assert_error (error, GSNMP_PDU_ERROR, (gint) status);
        g_test_message ("%s", error->message);
        result_clear (&r);
}

static void
test_error_status_no_such_name (TestFixture   *fixture,
                                gconstpointer  data)
{
        check_error_status (fixture, GSNMP_PDU_ERROR_NO_SUCH_NAME, 1);
}

static void
test_error_status_too_big (TestFixture   *fixture,
                           gconstpointer  data)
{
        check_error_status (fixture, GSNMP_PDU_ERROR_TOO_BIG, 0);
}

static void
test_error_status_v2 (TestFixture   *fixture,
                      gconstpointer  data)
{
        check_error_status (fixture, GSNMP_PDU_ERROR_NOT_WRITABLE, 1);
}

/* An error-status RFC 3416 does not define (and an error-index past the
 * varbinds) is still the agent's answer: the request completes with it
 * instead of waiting for another answer and timing out. */
static void
test_error_status_unknown (TestFixture   *fixture,
                           gconstpointer  data)
{
        check_error_status (fixture, (GsnmpPduError) 999, 999);
}

/* ---------------------------------------------------------------------- */
/* Scale                                                                   */

#define SCALE_PREFIX "1.3.6.1.4.1.99999.2"

typedef struct {
        GsnmpEngine *engine;
        GsnmpOid    *oid;
        gint32       expected;
        guint       *n_done;
        gboolean     done;
        gboolean     in_async;
} ScaleRequest;

static void
on_scale_done (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
        ScaleRequest *sr = user_data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) pdu = NULL;
        GsnmpVarbind *vb;

        g_assert_false (sr->done);
        g_assert_false (sr->in_async);
        pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), res, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (pdu), ==, 1);
        vb = gsnmp_pdu_get_varbind (pdu, 0);
        /* the answer to this request, not to another */
        g_assert_true (gsnmp_oid_equal (gsnmp_varbind_get_oid (vb), sr->oid));
        g_assert_cmpint (gsnmp_varbind_get_integer (vb), ==, sr->expected);

        sr->done = TRUE;
        (*sr->n_done)++;
}

static void
scale_fill_mib (FakeAgent *agent,
                guint      n,
                gint32     base)
{
        for (guint i = 0; i < n; i++) {
                g_autofree char *oid = g_strdup_printf (SCALE_PREFIX ".%u.0", i);

                fake_agent_set_integer (agent, oid, base + (gint32) i);
        }
}

static void
scale_start (ScaleRequest *sr,
             GsnmpEngine  *engine,
             GsnmpTarget  *target,
             guint         i,
             gint32        base,
             guint        *n_done)
{
        g_autofree char *str = g_strdup_printf (SCALE_PREFIX ".%u.0", i);

        sr->engine = engine;
        sr->oid = test_oid (str);
        sr->expected = base + (gint32) i;
        sr->n_done = n_done;
        sr->in_async = TRUE;
        gsnmp_engine_get_async (engine, target, &sr->oid, 1, NULL, on_scale_done, sr);
        sr->in_async = FALSE;
}

static void
test_scale_one_agent (TestFixture   *fixture,
                      gconstpointer  data)
{
        enum { N = 2000 };
        ScaleRequest *sr = g_new0 (ScaleRequest, N);
        guint n_done = 0;

        g_test_summary ("2,000 requests at once to one agent all get their own answers");

        scale_fill_mib (fixture->agent, N, 0);
        for (guint i = 0; i < N; i++)
                scale_start (&sr[i], fixture->engine, fixture->target, i, 0, &n_done);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, N);

        test_run_until_count (&n_done, N);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);
        g_test_message ("agent received %u datagrams for %u requests",
                        fake_agent_get_n_requests (fixture->agent), N);
        for (guint i = 0; i < N; i++)
                gsnmp_oid_unref (sr[i].oid);
        g_free (sr);
}

static void
test_scale_many_agents (TestFixture   *fixture,
                        gconstpointer  data)
{
        enum { N_AGENTS = 6, N_PER_AGENT = 150 };
        FakeAgent *agents[N_AGENTS];
        GsnmpTarget *targets[N_AGENTS];
        ScaleRequest *sr = g_new0 (ScaleRequest, N_AGENTS * N_PER_AGENT);
        guint n_done = 0;
        guint k = 0;

        g_test_summary ("Requests interleaved over several agents, IPv4 and IPv6, "
                        "each answer matched to its agent");

        for (guint a = 0; a < N_AGENTS; a++) {
                g_autoptr(GError) error = NULL;

                /* every other agent on ::1 when there is one */
                agents[a] = NULL;
                if (a % 2 == 1)
                        agents[a] = fake_agent_new (G_SOCKET_FAMILY_IPV6, &error);
                if (agents[a] == NULL) {
                        g_clear_error (&error);
                        agents[a] = fake_agent_new (G_SOCKET_FAMILY_IPV4, &error);
                }
                g_assert_no_error (error);
                /* the same OIDs everywhere, with values that tell the agents apart */
                scale_fill_mib (agents[a], N_PER_AGENT, (gint32) (a + 1) * 100000);
                targets[a] = fake_agent_new_target (agents[a], GSNMP_PROTOCOL_VERSION_V2C, "public");
        }

        for (guint i = 0; i < N_PER_AGENT; i++)
                for (guint a = 0; a < N_AGENTS; a++)
                        scale_start (&sr[k++], fixture->engine, targets[a], i,
                                     (gint32) (a + 1) * 100000, &n_done);

        test_run_until_count (&n_done, N_AGENTS * N_PER_AGENT);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);

        for (guint i = 0; i < N_AGENTS * N_PER_AGENT; i++)
                gsnmp_oid_unref (sr[i].oid);
        g_free (sr);
        for (guint a = 0; a < N_AGENTS; a++) {
                g_assert_cmpuint (fake_agent_get_n_requests (agents[a]), >=, N_PER_AGENT);
                g_object_unref (targets[a]);
                fake_agent_free (agents[a]);
        }
}

static void
test_scale_max_in_flight (TestFixture   *fixture,
                          gconstpointer  data)
{
        enum { N = 60, LIMIT = 4 };
        ScaleRequest *sr = g_new0 (ScaleRequest, N);
        guint n_done = 0;

        g_test_summary ("With max-in-flight 4 the agent never has more than 4 "
                        "unanswered requests, and all complete");

        g_assert_cmpuint (gsnmp_engine_get_max_in_flight (fixture->engine), >, 0);
        gsnmp_engine_set_max_in_flight (fixture->engine, LIMIT);
        g_assert_cmpuint (gsnmp_engine_get_max_in_flight (fixture->engine), ==, LIMIT);

        /* the agent answers in batches from a low-priority idle, so requests
         * pile up at the agent if the engine sends more than it should */
        fixture->agent->answer_in_idle = TRUE;
        scale_fill_mib (fixture->agent, N, 7);
        for (guint i = 0; i < N; i++)
                scale_start (&sr[i], fixture->engine, fixture->target, i, 7, &n_done);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, N);

        test_run_until_count (&n_done, N);
        g_test_message ("most unanswered requests at the agent: %u", fixture->agent->max_outstanding);
        g_assert_cmpuint (fixture->agent->max_outstanding, <=, LIMIT);
        g_assert_cmpuint (fixture->agent->max_outstanding, >=, 1);
        g_assert_cmpuint (fixture->agent->n_answered, ==, N);
        /* no retransmissions were needed */
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, N);

        for (guint i = 0; i < N; i++)
                gsnmp_oid_unref (sr[i].oid);
        g_free (sr);
}

static void
test_scale_max_in_flight_timeouts (TestFixture   *fixture,
                                   gconstpointer  data)
{
        Result r[9];
        guint n_done = 0;

        g_test_summary ("Queued requests behind timed-out ones still go out and time out");

        gsnmp_engine_set_max_in_flight (fixture->engine, 2);
        fixture->agent->black_hole = TRUE;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 0);
        for (guint i = 0; i < G_N_ELEMENTS (r); i++) {
                result_init (&r[i], fixture->engine, OP_GET);
                r[i].n_done = &n_done;
                start_get (&r[i], fixture->target, "1.3.6.1.2.1.1.5.0", NULL);
        }
        test_run_until_count (&n_done, G_N_ELEMENTS (r));
        for (guint i = 0; i < G_N_ELEMENTS (r); i++) {
                g_assert_error (r[i].error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
                result_clear (&r[i]);
        }
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, G_N_ELEMENTS (r));
        g_assert_cmpuint (fixture->agent->max_outstanding, <=, G_N_ELEMENTS (r));
}

static void
test_scale_cancel_queued (TestFixture   *fixture,
                          gconstpointer  data)
{
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        Result r[6];
        guint n_done = 0;

        g_test_summary ("Cancelling requests still queued behind max-in-flight");

        gsnmp_engine_set_max_in_flight (fixture->engine, 1);
        fixture->agent->hold = TRUE;
        for (guint i = 0; i < G_N_ELEMENTS (r); i++) {
                result_init (&r[i], fixture->engine, OP_GET);
                r[i].n_done = &n_done;
                start_get (&r[i], fixture->target, "1.3.6.1.2.1.1.5.0",
                           i == 0 ? NULL : cancellable);
        }
        while (fake_agent_get_n_requests (fixture->agent) < 1)
                fake_agent_sync (fixture->agent);
        g_cancellable_cancel (cancellable);
        test_run_until_count (&n_done, G_N_ELEMENTS (r) - 1);
        for (guint i = 1; i < G_N_ELEMENTS (r); i++)
                assert_cancelled (&r[i]);

        /* the queued ones never went out */
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 1);

        fixture->agent->hold = FALSE;
        fake_agent_release (fixture->agent);
        test_run_until (&r[0].done);
        assert_sys_name_response (&r[0]);
        for (guint i = 0; i < G_N_ELEMENTS (r); i++)
                result_clear (&r[i]);
}

/* ---------------------------------------------------------------------- */
/* Completion objects and send batches                                     */

static void
test_context_pushed_early (void)
{
        g_autoptr(GMainContext) context = g_main_context_new ();
        g_autoptr(GCancellable) cancelled = g_cancellable_new ();
        g_autoptr(GError) error = NULL;
        GsnmpEngine *engine;
        FakeAgent *agent;
        GsnmpTarget *target, *bad;
        Result early[2];

        g_test_summary ("Requests that fail before they start call back later, in the "
                        "pushed thread-default context, never inside the _async call");

        g_main_context_push_thread_default (context);

        agent = fake_agent_new (G_SOCKET_FAMILY_IPV4, &error);
        g_assert_no_error (error);
        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        target = fake_agent_new_target (agent, GSNMP_PROTOCOL_VERSION_V2C, "public");
        bad = g_object_new (GSNMP_TYPE_TARGET, "address", "udp:", NULL);
        g_cancellable_cancel (cancelled);

        for (guint i = 0; i < G_N_ELEMENTS (early); i++) {
                result_init (&early[i], engine, OP_GET);
                g_assert_true (early[i].context == context);
        }
        start_get (&early[0], target, "1.3.6.1.2.1.1.5.0", cancelled);
        start_get (&early[1], bad, "1.3.6.1.2.1.1.5.0", NULL);
        /* the global default context must not run them */
        while (g_main_context_iteration (NULL, FALSE))
                ;
        g_assert_cmpuint (early[0].n_calls + early[1].n_calls, ==, 0);

        test_run_until (&early[0].done);
        test_run_until (&early[1].done);
        g_assert_error (early[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_error (early[1].error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS);
        g_assert_cmpuint (fake_agent_get_n_requests (agent), ==, 0);
        for (guint i = 0; i < G_N_ELEMENTS (early); i++)
                result_clear (&early[i]);

        g_object_add_weak_pointer (G_OBJECT (engine), (gpointer *) &engine);
        g_object_unref (engine);
        while (g_main_context_iteration (context, FALSE))
                ;
        g_assert_null (engine);
        g_object_unref (bad);
        g_object_unref (target);
        fake_agent_free (agent);

        g_main_context_pop_thread_default (context);
}

typedef struct {
        TestFixture  *fixture;
        GAsyncResult *kept[6];    /* (owned) the results, referenced past their callbacks */
        Result        results[6];
        guint         n_done;
} KeptResults;

static void
on_kept_done (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
        KeptResults *kr = user_data;
        guint i = kr->n_done;

        g_assert_true (g_async_result_get_user_data (res) == kr);
        g_assert_true (g_async_result_is_tagged (res, gsnmp_engine_get_async));
        g_assert_false (g_async_result_is_tagged (res, gsnmp_engine_set_async));
        kr->kept[i] = g_object_ref (res);
        on_request_done (source, res, &kr->results[i]);
        kr->n_done++;

        if (kr->n_done < G_N_ELEMENTS (kr->results))
                start_sys_name_get (&kr->results[kr->n_done], kr->fixture, on_kept_done, kr);
}

static void
test_result_kept (TestFixture   *fixture,
                  gconstpointer  data)
{
        KeptResults kr = { fixture, };

        g_test_summary ("A result the callback keeps a reference on is never handed to "
                        "another request, and keeps its source object, tag and user data");

        TEST_RETURN_IF_SKIPPED (fixture);
        for (guint i = 0; i < G_N_ELEMENTS (kr.results); i++)
                result_init (&kr.results[i], fixture->engine, OP_GET);

        start_sys_name_get (&kr.results[0], fixture, on_kept_done, &kr);
        test_run_until_count (&kr.n_done, G_N_ELEMENTS (kr.results));

        for (guint i = 0; i < G_N_ELEMENTS (kr.results); i++) {
                g_autoptr(GObject) source = g_async_result_get_source_object (kr.kept[i]);

                assert_sys_name_response (&kr.results[i]);
                for (guint j = 0; j < i; j++)
                        g_assert_true (kr.kept[i] != kr.kept[j]);
                g_assert_true (source == G_OBJECT (fixture->engine));
                g_assert_true (g_async_result_get_user_data (kr.kept[i]) == &kr);
                g_assert_true (g_async_result_is_tagged (kr.kept[i], gsnmp_engine_get_async));
                g_assert_true (G_IS_ASYNC_RESULT (kr.kept[i]));
                result_clear (&kr.results[i]);
                g_object_unref (kr.kept[i]);
        }
}

#define BATCH_N 8

typedef struct {
        TestFixture *fixture;
        Result       first[BATCH_N];
        Result       second[BATCH_N];
        guint        n_first;
        guint        n_second;
        gboolean     nested;      /* the first callback makes a synchronous call */
        GsnmpPdu    *nested_pdu;
        GError      *nested_error;
} Batch;

static void
on_batch_first_done (GObject      *source,
                     GAsyncResult *res,
                     gpointer      user_data)
{
        Batch *b = user_data;
        guint i = b->n_first++;
        g_autofree char *str = g_strdup_printf ("1.3.6.1.4.1.99999.9.%u", i);
        g_autoptr(GsnmpOid) oid = test_oid (str);

        on_request_done (source, res, &b->first[i]);
        if (b->nested && i == 0) {
                /* Answers to the others follow in the same read: this
                 * request waits in the send batch, which the nested main
                 * loop must send */
                b->fixture->agent->hold = FALSE;
                b->nested_pdu = gsnmp_engine_get (b->fixture->engine, b->fixture->target,
                                                  &oid, 1, NULL, &b->nested_error);
                b->fixture->agent->hold = TRUE;
                return;
        }
        /* the next request, whose OID says in which order it was issued */
        b->second[i].in_async = TRUE;
        gsnmp_engine_get_async (b->fixture->engine, b->fixture->target, &oid, 1, NULL,
                                on_request_done, &b->second[i]);
        b->second[i].in_async = FALSE;
}

static gboolean
batch_all_held (gpointer data)
{
        TestFixture *fixture = data;

        return fake_agent_get_n_outstanding (fixture->agent) >= BATCH_N;
}

static void
batch_start (Batch       *b,
             TestFixture *fixture)
{
        g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.2.1.1.5.0");

        b->fixture = fixture;
        for (guint i = 0; i < BATCH_N; i++) {
                result_init (&b->first[i], fixture->engine, OP_GET);
                result_init (&b->second[i], fixture->engine, OP_GET);
                b->second[i].n_done = &b->n_second;
        }
        /* the answers to the first wave come back at once, in one read */
        fixture->agent->hold = TRUE;
        for (guint i = 0; i < BATCH_N; i++)
                gsnmp_engine_get_async (fixture->engine, fixture->target, &oid, 1, NULL,
                                        on_batch_first_done, b);
        test_run_until_cond (batch_all_held, fixture);
        fake_agent_release (fixture->agent);
        test_run_until_count (&b->n_first, BATCH_N);
}

static void
batch_clear (Batch *b)
{
        for (guint i = 0; i < BATCH_N; i++) {
                result_clear (&b->first[i]);
                result_clear (&b->second[i]);
        }
        g_clear_pointer (&b->nested_pdu, gsnmp_pdu_unref);
        g_clear_error (&b->nested_error);
}

static void
test_batch_order (TestFixture   *fixture,
                  gconstpointer  data)
{
        Batch b = { 0, };
        guint n_before, next = 0;

        g_test_summary ("Requests issued from the callbacks of one read reach the agent "
                        "in the order they were issued");

        TEST_RETURN_IF_SKIPPED (fixture);
        fake_agent_add_system_group (fixture->agent);
        n_before = fake_agent_get_n_requests (fixture->agent);
        batch_start (&b, fixture);
        for (guint i = 0; i < BATCH_N; i++)
                assert_sys_name_response (&b.first[i]);

        /* the second wave is held by the agent: look at its arrival order */
        test_run_until_cond (batch_all_held, fixture);
        for (guint i = n_before; i < fake_agent_get_n_requests (fixture->agent); i++) {
                FakeAgentRequest *req = fake_agent_get_request (fixture->agent, i);
                g_autofree char *str = NULL;
                GsnmpVarbind *vb;

                if (req->message.pdu == NULL || req->copy != 1 ||
                    gsnmp_pdu_get_n_varbinds (req->message.pdu) != 1)
                        continue;
                vb = gsnmp_pdu_get_varbind (req->message.pdu, 0);
                str = gsnmp_oid_to_string (gsnmp_varbind_get_oid (vb));
                if (!g_str_has_prefix (str, "1.3.6.1.4.1.99999.9."))
                        continue;
                g_assert_cmpuint (g_ascii_strtoull (str + strlen ("1.3.6.1.4.1.99999.9."),
                                                    NULL, 10), ==, next);
                next++;
        }
        g_assert_cmpuint (next, ==, BATCH_N);

        fixture->agent->hold = FALSE;
        fake_agent_release (fixture->agent);
        test_run_until_count (&b.n_second, BATCH_N);
        for (guint i = 0; i < BATCH_N; i++) {
                g_assert_no_error (b.second[i].error);
                g_assert_nonnull (b.second[i].pdu);
        }
        batch_clear (&b);
}

static void
test_batch_nested_loop (TestFixture   *fixture,
                        gconstpointer  data)
{
        Batch b = { 0, };

        g_test_summary ("A synchronous call from a callback while more answers of the "
                        "same read wait (a nested main loop) is sent and answered");

        TEST_RETURN_IF_SKIPPED (fixture);
        fake_agent_add_system_group (fixture->agent);
        /* no retransmission could hide a request that was never sent */
        gsnmp_target_set_retries (fixture->target, 0);
        b.nested = TRUE;
        batch_start (&b, fixture);
        g_assert_no_error (b.nested_error);
        g_assert_nonnull (b.nested_pdu);

        fixture->agent->hold = FALSE;
        fake_agent_release (fixture->agent);
        test_run_until_count (&b.n_second, BATCH_N - 1);
        for (guint i = 1; i < BATCH_N; i++)
                g_assert_no_error (b.second[i].error);
        batch_clear (&b);
}

/* ---------------------------------------------------------------------- */
/* Main contexts and threads                                               */

static void
test_context_pushed (void)
{
        g_autoptr(GMainContext) context = g_main_context_new ();
        g_autoptr(GError) error = NULL;
        GsnmpEngine *engine;
        FakeAgent *agent;
        GsnmpTarget *target;
        Result r;

        g_test_summary ("An engine created under a pushed thread-default context "
                        "calls back in that context");

        g_main_context_push_thread_default (context);

        agent = fake_agent_new (G_SOCKET_FAMILY_IPV4, &error);
        g_assert_no_error (error);
        fake_agent_add_system_group (agent);
        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        target = fake_agent_new_target (agent, GSNMP_PROTOCOL_VERSION_V2C, "public");

        result_init (&r, engine, OP_GET);
        g_assert_true (r.context == context);
        start_get (&r, target, "1.3.6.1.2.1.1.5.0", NULL);
        /* nothing for the global default context to do */
        while (g_main_context_iteration (NULL, FALSE))
                ;
        g_assert_cmpuint (r.n_calls, ==, 0);
        test_run_until (&r.done);
        assert_sys_name_response (&r);
        result_clear (&r);

        g_object_add_weak_pointer (G_OBJECT (engine), (gpointer *) &engine);
        g_object_unref (engine);
        while (g_main_context_iteration (context, FALSE))
                ;
        g_assert_null (engine);
        g_object_unref (target);
        fake_agent_free (agent);

        g_main_context_pop_thread_default (context);
}

static void
test_context_wrong (TestFixture   *fixture,
                    gconstpointer  data)
{
        g_autoptr(GMainContext) context = g_main_context_new ();
        g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.2.1.1.5.0");
        gboolean called = FALSE;

        g_test_summary ("Calling an _async method from another context is a programmer error");

        g_main_context_push_thread_default (context);
        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*in_context*");
        gsnmp_engine_get_async (fixture->engine, fixture->target, &oid, 1, NULL,
                                (GAsyncReadyCallback) (void (*) (void)) abort, &called);
        g_test_assert_expected_messages ();
        g_main_context_pop_thread_default (context);

        while (g_main_context_iteration (NULL, FALSE))
                ;
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);
}

typedef struct {
        guint    n_requests;
        gboolean ok;
} ThreadJob;

static gpointer
engine_thread_func (gpointer data)
{
        ThreadJob *job = data;
        g_autoptr(GMainContext) context = g_main_context_new ();
        g_autoptr(GError) error = NULL;
        GsnmpEngine *engine;
        FakeAgent *agent;
        GsnmpTarget *target;
        ScaleRequest *sr;
        guint n_done = 0;

        g_main_context_push_thread_default (context);

        agent = fake_agent_new (G_SOCKET_FAMILY_IPV4, &error);
        g_assert_no_error (error);
        engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        target = fake_agent_new_target (agent, GSNMP_PROTOCOL_VERSION_V2C, "public");

        scale_fill_mib (agent, job->n_requests, 42);
        sr = g_new0 (ScaleRequest, job->n_requests);
        for (guint i = 0; i < job->n_requests; i++)
                scale_start (&sr[i], engine, target, i, 42, &n_done);
        test_run_until_count (&n_done, job->n_requests);

        /* and one that times out, through the engine's timer in this context */
        {
                Result r;

                agent->black_hole = TRUE;
                gsnmp_target_set_timeout (target, SHORT_TIMEOUT_MS);
                gsnmp_target_set_retries (target, 1);
                result_init (&r, engine, OP_GET);
                start_get (&r, target, "1.3.6.1.2.1.1.5.0", NULL);
                test_run_until (&r.done);
                g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
                result_clear (&r);
        }

        for (guint i = 0; i < job->n_requests; i++)
                gsnmp_oid_unref (sr[i].oid);
        g_free (sr);

        g_object_add_weak_pointer (G_OBJECT (engine), (gpointer *) &engine);
        g_object_unref (engine);
        while (g_main_context_iteration (context, FALSE))
                ;
        g_assert_null (engine);
        g_object_unref (target);
        fake_agent_free (agent);

        g_main_context_pop_thread_default (context);
        job->ok = TRUE;

        return NULL;
}

static void
test_context_two_threads (void)
{
        ThreadJob jobs[2] = { { 300, FALSE }, { 300, FALSE } };
        GThread *threads[2];

        g_test_summary ("Two engines in two threads, each with its own context");

        for (guint i = 0; i < 2; i++)
                threads[i] = g_thread_new ("engine", engine_thread_func, &jobs[i]);
        for (guint i = 0; i < 2; i++)
                g_thread_join (threads[i]);
        g_assert_true (jobs[0].ok);
        g_assert_true (jobs[1].ok);
}

/* ---------------------------------------------------------------------- */
/* Targets the engine cannot use                                           */

static void
test_target_invalid_address (TestFixture   *fixture,
                             gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = NULL;
        Result r;

        g_test_summary ("A target built with g_object_new() and a bad address "
                        "fails its requests with INVALID_ADDRESS");

        target = g_object_new (GSNMP_TYPE_TARGET, "address", "127.0.0.1:99999", NULL);
        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, target, "1.3.6.1.2.1.1.5.0", NULL);
        g_assert_cmpuint (r.n_calls, ==, 0);
        test_run_until (&r.done);
        g_assert_error (r.error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS);
        result_clear (&r);
}

static void
test_target_unreachable_port (TestFixture   *fixture,
                              gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpCommunity) community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public");
        g_autoptr(GError) error = NULL;
        g_autofree char *address = NULL;
        guint16 port;
        Result r;

        g_test_summary ("A request to a closed port times out (no ICMP error leaks "
                        "into other requests)");

        /* a port that was free a moment ago */
        {
                FakeAgent *gone = fake_agent_new (G_SOCKET_FAMILY_IPV4, &error);

                g_assert_no_error (error);
                port = fake_agent_get_port (gone);
                fake_agent_free (gone);
        }
        address = g_strdup_printf ("127.0.0.1:%u", port);
        target = gsnmp_target_new (address, GSNMP_CREDENTIALS (community), &error);
        g_assert_no_error (error);
        gsnmp_target_set_timeout (target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (target, 1);

        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, target, "1.3.6.1.2.1.1.5.0", NULL);
        test_run_until (&r.done);
        g_assert_nonnull (r.error);
        g_test_message ("closed port: %s", r.error->message);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        result_clear (&r);

        /* the engine's socket still works */
        sync_engine (fixture);
}

static void
test_target_ipv4_mapped (TestFixture   *fixture,
                         gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpCommunity) community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public");
        g_autoptr(GError) error = NULL;
        g_autofree char *address = NULL;
        Result r;

        g_test_summary ("An IPv4-mapped IPv6 address reaches the IPv4 agent and "
                        "its answer is accepted");

        address = g_strdup_printf ("[::ffff:127.0.0.1]:%u", fake_agent_get_port (fixture->agent));
        target = gsnmp_target_new (address, GSNMP_CREDENTIALS (community), &error);
        g_assert_no_error (error);
        gsnmp_target_set_timeout (target, TEST_LONG_TIMEOUT_MS);

        run_get_sys_name (fixture->engine, target, &r);
        assert_sys_name_response (&r);
        result_clear (&r);
}

static void
test_target_send_error (TestFixture   *fixture,
                        gconstpointer  data)
{
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpCommunity) community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public");
        g_autoptr(GError) error = NULL;
        Result r;

        g_test_summary ("A send error (broadcast without SO_BROADCAST) is returned "
                        "as the GIO error, later, not as a timeout");

        target = gsnmp_target_new ("255.255.255.255:161", GSNMP_CREDENTIALS (community), &error);
        g_assert_no_error (error);
        gsnmp_target_set_timeout (target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (target, 0);

        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, target, "1.3.6.1.2.1.1.5.0", NULL);
        g_assert_cmpuint (r.n_calls, ==, 0);
        test_run_until (&r.done);
        g_assert_nonnull (r.error);
        g_test_message ("send to broadcast: %s", r.error->message);
        g_assert_true (r.error->domain == G_IO_ERROR);
        g_assert_false (g_error_matches (r.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT));
        result_clear (&r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);

        sync_engine (fixture);
}

static void
test_message_too_big (TestFixture   *fixture,
                      gconstpointer  data)
{
        g_autoptr(GPtrArray) varbinds = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_varbind_unref);
        g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.2.1.1.5.0");
        g_autofree guint8 *big = g_malloc0 (70000);
        Result r;

        g_test_summary ("A request larger than a UDP datagram fails with MESSAGE_TOO_BIG");

        g_ptr_array_add (varbinds, gsnmp_varbind_new_octet_string (oid, big, 70000));
        result_init (&r, fixture->engine, OP_SET);
        start_set (&r, fixture->target, varbinds, NULL);
        g_assert_cmpuint (r.n_calls, ==, 0);
        test_run_until (&r.done);
        g_assert_error (r.error, GSNMP_ERROR, GSNMP_ERROR_MESSAGE_TOO_BIG);
        result_clear (&r);
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 0);
}

static void
test_large_response (TestFixture   *fixture,
                     gconstpointer  data)
{
        g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.2.1.1.1.0");
        g_autofree guint8 *big = g_malloc (60000);
        g_autoptr(GsnmpVarbind) vb = NULL;
        const guint8 *octets;
        gsize length;
        Result r;

        g_test_summary ("A 60,000-byte answer is received whole");

        for (guint i = 0; i < 60000; i++)
                big[i] = i * 7;
        vb = gsnmp_varbind_new_octet_string (oid, big, 60000);
        fake_agent_set_varbind (fixture->agent, vb);

        result_init (&r, fixture->engine, OP_GET);
        start_get (&r, fixture->target, "1.3.6.1.2.1.1.1.0", NULL);
        test_run_until (&r.done);
        g_assert_no_error (r.error);
        octets = gsnmp_varbind_get_octets (gsnmp_pdu_get_varbind (r.pdu, 0), &length);
        g_assert_cmpmem (octets, length, big, 60000);
        result_clear (&r);
}

/* ---------------------------------------------------------------------- */
/* Re-entrancy: callbacks that start, cancel or close                      */

typedef struct {
        TestFixture *fixture;
        GsnmpTarget *bad_target;
        Result       results[50];
        Result       early[50];
        guint        n_started;
        guint        n_done;
        guint        n_early_done;
} Chain;

static void on_chain_done (GObject *source, GAsyncResult *res, gpointer user_data);

static void
chain_start (Chain *chain)
{
        Result *r = &chain->results[chain->n_started++];

        result_init (r, chain->fixture->engine, OP_GET);
        start_sys_name_get (r, chain->fixture, on_chain_done, chain);
}

static void
on_chain_done (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
        Chain *chain = user_data;
        Result *r = &chain->results[chain->n_done];
        Result *early = &chain->early[chain->n_done];

        on_request_done (source, res, r);
        assert_sys_name_response (r);
        chain->n_done++;

        /* an early failure started from a callback still completes later */
        result_init (early, chain->fixture->engine, OP_GET);
        early->n_done = &chain->n_early_done;
        start_get (early, chain->bad_target, "1.3.6.1.2.1.1.5.0", NULL);
        g_assert_cmpuint (early->n_calls, ==, 0);

        if (chain->n_started < G_N_ELEMENTS (chain->results))
                chain_start (chain);
}

static void
test_reentrant_chain (TestFixture   *fixture,
                      gconstpointer  data)
{
        Chain *chain = g_new0 (Chain, 1);

        g_test_summary ("Each callback starts the next request (and one that fails at once)");

        chain->fixture = fixture;
        chain->bad_target = g_object_new (GSNMP_TYPE_TARGET, "address", "udp:", NULL);
        gsnmp_engine_set_max_in_flight (fixture->engine, 1);
        chain_start (chain);
        test_run_until_count (&chain->n_done, G_N_ELEMENTS (chain->results));
        test_run_until_count (&chain->n_early_done, G_N_ELEMENTS (chain->early));
        for (guint i = 0; i < G_N_ELEMENTS (chain->results); i++) {
                g_assert_error (chain->early[i].error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS);
                result_clear (&chain->results[i]);
                result_clear (&chain->early[i]);
        }
        g_object_unref (chain->bad_target);
        g_free (chain);
}

typedef struct {
        GsnmpEngine *engine;
        Result       results[20];
        guint        n_done;
        guint        n_ok;
        guint        n_closed;
} CloseInCallback;

static void
on_close_in_callback (GObject      *source,
                      GAsyncResult *res,
                      gpointer      user_data)
{
        CloseInCallback *cic = user_data;
        /* callbacks share @user_data: each takes the next free slot */
        Result *r = &cic->results[cic->n_done];

        on_request_done (source, res, r);
        cic->n_done++;
        if (r->error == NULL) {
                cic->n_ok++;
                if (cic->n_ok == 1)
                        gsnmp_engine_close (cic->engine);
        } else {
                g_assert_error (r->error, G_IO_ERROR, G_IO_ERROR_CLOSED);
                cic->n_closed++;
        }
}

static void
test_reentrant_close (TestFixture   *fixture,
                      gconstpointer  data)
{
        CloseInCallback *cic = g_new0 (CloseInCallback, 1);
        g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.2.1.1.5.0");

        g_test_summary ("Closing the engine from a callback while more answers wait "
                        "in its socket: every other request gets CLOSED, once");

        cic->engine = fixture->engine;
        /* all answers are sent at once, so they wait together in the socket */
        fixture->agent->answer_in_idle = TRUE;
        for (guint i = 0; i < G_N_ELEMENTS (cic->results); i++) {
                result_init (&cic->results[i], fixture->engine, OP_GET);
                cic->results[i].in_async = TRUE;
                gsnmp_engine_get_async (fixture->engine, fixture->target, &oid, 1, NULL,
                                        on_close_in_callback, cic);
                cic->results[i].in_async = FALSE;
        }
        test_run_until_count (&cic->n_done, G_N_ELEMENTS (cic->results));
        g_test_message ("%u answered, %u closed", cic->n_ok, cic->n_closed);
        g_assert_cmpuint (cic->n_ok, ==, 1);
        g_assert_cmpuint (cic->n_closed, ==, G_N_ELEMENTS (cic->results) - 1);
        for (guint i = 0; i < G_N_ELEMENTS (cic->results); i++) {
                g_assert_cmpuint (cic->results[i].n_calls, ==, 1);
                result_clear (&cic->results[i]);
        }
        g_free (cic);
}

typedef struct {
        GCancellable *other;
        Result        first;
        Result        second;
} CancelOther;

static void
on_cancel_other_done (GObject      *source,
                      GAsyncResult *res,
                      gpointer      user_data)
{
        CancelOther *co = user_data;

        on_request_done (source, res, &co->first);
        g_cancellable_cancel (co->other);
}

static void
test_reentrant_cancel (TestFixture   *fixture,
                       gconstpointer  data)
{
        g_autoptr(GCancellable) other = g_cancellable_new ();
        g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.2.1.1.5.0");
        g_autoptr(GsnmpOid) missing = test_oid ("1.3.6.1.2.1.1.98.0");
        CancelOther co = { other, };

        g_test_summary ("A callback cancels another pending request");

        /* the second goes to the same agent but is never answered */
        fixture->agent->hook = NULL;
        result_init (&co.first, fixture->engine, OP_GET);
        result_init (&co.second, fixture->engine, OP_GET);
        co.second.in_async = TRUE;
        fixture->agent->hold = TRUE;
        gsnmp_engine_get_async (fixture->engine, fixture->target, &missing, 1, other,
                                on_request_done, &co.second);
        co.second.in_async = FALSE;
        while (fake_agent_get_n_requests (fixture->agent) < 1)
                fake_agent_sync (fixture->agent);
        fixture->agent->hold = FALSE;

        co.first.in_async = TRUE;
        gsnmp_engine_get_async (fixture->engine, fixture->target, &oid, 1, NULL,
                                on_cancel_other_done, &co);
        co.first.in_async = FALSE;
        test_run_until (&co.first.done);
        test_run_until (&co.second.done);
        assert_sys_name_response (&co.first);
        assert_cancelled (&co.second);
        result_clear (&co.first);
        result_clear (&co.second);
}

/* ---------------------------------------------------------------------- */

#define V4 G_SOCKET_FAMILY_IPV4
#define V6 G_SOCKET_FAMILY_IPV6
#define V1 GSNMP_PROTOCOL_VERSION_V1
#define V2C GSNMP_PROTOCOL_VERSION_V2C

static const struct {
        const char *path;
        OpCase      c;
} op_cases[] = {
        { "/gsnmp/engine/get/v1-ipv4",        { { V4, V1 },  OP_GET } },
        { "/gsnmp/engine/get/v2c-ipv4",       { { V4, V2C }, OP_GET } },
        { "/gsnmp/engine/get/v1-ipv6",        { { V6, V1 },  OP_GET } },
        { "/gsnmp/engine/get/v2c-ipv6",       { { V6, V2C }, OP_GET } },
        { "/gsnmp/engine/get-next/v1-ipv4",   { { V4, V1 },  OP_GET_NEXT } },
        { "/gsnmp/engine/get-next/v2c-ipv4",  { { V4, V2C }, OP_GET_NEXT } },
        { "/gsnmp/engine/get-next/v1-ipv6",   { { V6, V1 },  OP_GET_NEXT } },
        { "/gsnmp/engine/get-next/v2c-ipv6",  { { V6, V2C }, OP_GET_NEXT } },
        { "/gsnmp/engine/get-bulk/v2c-ipv4",  { { V4, V2C }, OP_GET_BULK } },
        { "/gsnmp/engine/get-bulk/v2c-ipv6",  { { V6, V2C }, OP_GET_BULK } },
        { "/gsnmp/engine/get-bulk/v1-refused", { { V4, V1 }, OP_GET_BULK } },
        { "/gsnmp/engine/set/v1-ipv4",        { { V4, V1 },  OP_SET } },
        { "/gsnmp/engine/set/v2c-ipv4",       { { V4, V2C }, OP_SET } },
        { "/gsnmp/engine/set/v1-ipv6",        { { V6, V1 },  OP_SET } },
        { "/gsnmp/engine/set/v2c-ipv6",       { { V6, V2C }, OP_SET } },
};

int
main (int   argc,
      char *argv[])
{
        g_test_init (&argc, &argv, NULL);

        for (guint i = 0; i < G_N_ELEMENTS (op_cases); i++)
                TEST_ADD_DATA (op_cases[i].path, &op_cases[i].c, test_op);
        TEST_ADD ("/gsnmp/engine/send-pdu/get-next", test_send_pdu);

        TEST_ADD ("/gsnmp/engine/retry/timeout-then-success", test_retry_then_success);
        TEST_ADD ("/gsnmp/engine/retry/last-chance", test_retry_last_chance);
        TEST_ADD ("/gsnmp/engine/retry/set", test_retry_set);
        TEST_ADD ("/gsnmp/engine/timeout/final", test_timeout_final);
        TEST_ADD ("/gsnmp/engine/timeout/no-retries", test_timeout_no_retries);
        TEST_ADD ("/gsnmp/engine/timeout/target-snapshot", test_timeout_snapshot);
        TEST_ADD ("/gsnmp/engine/timeout/many", test_timeout_many);

        TEST_ADD ("/gsnmp/engine/cancel/before-send", test_cancel_before_send);
        TEST_ADD ("/gsnmp/engine/cancel/while-waiting", test_cancel_while_waiting);
        TEST_ADD ("/gsnmp/engine/cancel/between-retries", test_cancel_between_retries);
        TEST_ADD ("/gsnmp/engine/cancel/other-thread", test_cancel_other_thread);
        TEST_ADD ("/gsnmp/engine/cancel/other-thread-many", test_cancel_other_thread_many);
        TEST_ADD ("/gsnmp/engine/cancel/shared-cancellable", test_cancel_shared);
        TEST_ADD ("/gsnmp/engine/cancel/after-completion", test_cancel_after_completion);

        TEST_ADD ("/gsnmp/engine/close/pending", test_close_pending);
        TEST_ADD ("/gsnmp/engine/close/dispose-pending", test_dispose_pending);
        TEST_ADD ("/gsnmp/engine/close/unref-pending", test_unref_pending);

        TEST_ADD ("/gsnmp/engine/reply/spoofed-port", test_reply_spoofed_port);
        TEST_ADD ("/gsnmp/engine/reply/spoofed-address", test_reply_spoofed_address);
        TEST_ADD ("/gsnmp/engine/reply/wrong-request-id", test_reply_wrong_request_id);
        TEST_ADD ("/gsnmp/engine/reply/wrong-community", test_reply_wrong_community);
        TEST_ADD ("/gsnmp/engine/reply/wrong-version", test_reply_wrong_version);
        TEST_ADD ("/gsnmp/engine/reply/wrong-pdu-type", test_reply_wrong_type);
        TEST_ADD ("/gsnmp/engine/reply/malformed", test_reply_malformed);
        TEST_ADD ("/gsnmp/engine/reply/trailing-bytes", test_reply_trailing_bytes);
        TEST_ADD ("/gsnmp/engine/reply/only-bad", test_reply_poison_only);
        TEST_ADD ("/gsnmp/engine/reply/to-queued-request", test_reply_to_queued);
        TEST_ADD ("/gsnmp/engine/reply/duplicate", test_reply_duplicate);
        TEST_ADD ("/gsnmp/engine/reply/late-after-timeout", test_reply_late);
        TEST_ADD ("/gsnmp/engine/reply/late-after-cancel", test_reply_late_after_cancel);

        TEST_ADD ("/gsnmp/engine/error-status/no-such-name", test_error_status_no_such_name);
        TEST_ADD ("/gsnmp/engine/error-status/too-big", test_error_status_too_big);
        TEST_ADD ("/gsnmp/engine/error-status/not-writable", test_error_status_v2);
        TEST_ADD ("/gsnmp/engine/error-status/unknown-999", test_error_status_unknown);

        TEST_ADD ("/gsnmp/engine/scale/one-agent-2000", test_scale_one_agent);
        TEST_ADD ("/gsnmp/engine/scale/many-agents", test_scale_many_agents);
        TEST_ADD ("/gsnmp/engine/scale/max-in-flight", test_scale_max_in_flight);
        TEST_ADD ("/gsnmp/engine/scale/max-in-flight-timeouts", test_scale_max_in_flight_timeouts);
        TEST_ADD ("/gsnmp/engine/scale/cancel-queued", test_scale_cancel_queued);

        g_test_add_func ("/gsnmp/engine/context/pushed", test_context_pushed);
        TEST_ADD ("/gsnmp/engine/context/wrong-context", test_context_wrong);
        g_test_add_func ("/gsnmp/engine/context/two-threads", test_context_two_threads);
        g_test_add_func ("/gsnmp/engine/context/pushed-early-error", test_context_pushed_early);
        TEST_ADD ("/gsnmp/engine/completion/result-kept", test_result_kept);
        TEST_ADD ("/gsnmp/engine/batch/order", test_batch_order);
        TEST_ADD ("/gsnmp/engine/batch/nested-loop", test_batch_nested_loop);

        TEST_ADD ("/gsnmp/engine/target/invalid-address", test_target_invalid_address);
        TEST_ADD ("/gsnmp/engine/target/closed-port", test_target_unreachable_port);
        TEST_ADD ("/gsnmp/engine/target/ipv4-mapped", test_target_ipv4_mapped);
        TEST_ADD ("/gsnmp/engine/target/send-error", test_target_send_error);
        TEST_ADD ("/gsnmp/engine/message/too-big", test_message_too_big);
        TEST_ADD ("/gsnmp/engine/message/large-response", test_large_response);

        TEST_ADD ("/gsnmp/engine/reentrancy/chain", test_reentrant_chain);
        TEST_ADD ("/gsnmp/engine/reentrancy/close-in-callback", test_reentrant_close);
        TEST_ADD ("/gsnmp/engine/reentrancy/cancel-in-callback", test_reentrant_cancel);

        return g_test_run ();
}
