/* test-walk.c - walks and tables against the in-process fake agent
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-test-utils.h"
#include "gsnmp-walk-private.h"

#include <string.h>

/* Only for the paths that must time out. */
#define SHORT_TIMEOUT_MS 50
/* For paths that need one retransmission but must then succeed. */
#define RETRY_TIMEOUT_MS 250

#define SYSTEM "1.3.6.1.2.1.1"
#define X "1.3.6.1.4.1.99.1"          /* a subtree the scripted agents serve */
#define T "1.3.6.1.4.1.99.5"          /* a table: entry T.1, columns T.1.1-3 */

static const char * const system_group[] = {
        SYSTEM ".1.0", SYSTEM ".2.0", SYSTEM ".3.0", SYSTEM ".4.0",
        SYSTEM ".5.0", SYSTEM ".6.0", SYSTEM ".7.0", NULL
};

static const TestFixtureConfig v1_config = { G_SOCKET_FAMILY_INVALID, GSNMP_PROTOCOL_VERSION_V1 };
static const TestFixtureConfig v2c_config = { G_SOCKET_FAMILY_INVALID, GSNMP_PROTOCOL_VERSION_V2C };
static const TestFixtureConfig v6_config = { G_SOCKET_FAMILY_IPV6, GSNMP_PROTOCOL_VERSION_V2C };

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static GsnmpVarbind *
vb_int (const char *oid_str,
        gint32      value)
{
        g_autoptr(GsnmpOid) oid = test_oid (oid_str);

        return gsnmp_varbind_new_integer (oid, value);
}

static GsnmpVarbind *
vb_exception (const char     *oid_str,
              GsnmpValueType  type)
{
        g_autoptr(GsnmpOid) oid = test_oid (oid_str);

        return gsnmp_varbind_new_exception (oid, type);
}

static char *
varbind_oid_string (GsnmpVarbind *varbind)
{
        return gsnmp_oid_to_string (gsnmp_varbind_get_oid (varbind));
}

/* Asserts that @varbinds has exactly the OIDs of the NULL-terminated
 * @expected, in order. */
static void
assert_oids (GPtrArray          *varbinds,
             const char * const *expected)
{
        guint n = g_strv_length ((char **) expected);

        for (guint i = 0; i < MIN (n, varbinds->len); i++) {
                g_autofree char *str = varbind_oid_string (g_ptr_array_index (varbinds, i));

                g_assert_cmpstr (str, ==, expected[i]);
        }
        g_assert_cmpuint (varbinds->len, ==, n);
}

static void
assert_oid (GsnmpVarbind *varbind,
            const char   *expected)
{
        g_autofree char *str = NULL;

        g_assert_nonnull (varbind);
        str = varbind_oid_string (varbind);
        g_assert_cmpstr (str, ==, expected);
}

/* Adds @prefix.1 … @prefix.@n = INTEGER i to the agent's MIB. */
static void
add_objects (FakeAgent  *agent,
             const char *prefix,
             guint       n)
{
        for (guint i = 1; i <= n; i++) {
                g_autofree char *oid = g_strdup_printf ("%s.%u", prefix, i);

                fake_agent_set_integer (agent, oid, (gint32) i);
        }
}

/* The first varbind OID of a request, as a string. */
static char *
request_oid (const FakeAgentRequest *request)
{
        return varbind_oid_string (gsnmp_pdu_get_varbind (request->message.pdu, 0));
}

static GsnmpPduType
request_type (const FakeAgentRequest *request)
{
        return gsnmp_pdu_get_pdu_type (request->message.pdu);
}

/* Sends a scripted Response to @request. */
static void
send_response (FakeAgent              *agent,
               const FakeAgentRequest *request,
               GsnmpVarbind * const   *varbinds,
               guint                   n_varbinds,
               guint32                 error_status,
               guint32                 error_index)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) response = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        g_autoptr(GBytes) bytes = NULL;
        GsnmpMessage message = { 0, };
        gsize length;
        const char *data;

        gsnmp_pdu_set_request_id (response, gsnmp_pdu_get_request_id (request->message.pdu));
        gsnmp_pdu_set_error (response, error_status, error_index);
        for (guint i = 0; i < n_varbinds; i++)
                gsnmp_pdu_add_varbind (response, varbinds[i]);

        message.version = request->message.version;
        message.community = request->message.community;
        message.pdu = response;
        bytes = gsnmp_message_encode (&message, 0, &error);
        g_assert_no_error (error);

        data = g_bytes_get_data (bytes, &length);
        g_socket_send_to (agent->socket, request->from, data, length, NULL, &error);
        g_assert_no_error (error);
}

/* Sends a Response with the varbinds given as a NULL-terminated list, which
 * it consumes. */
static void
send_varbinds (FakeAgent              *agent,
               const FakeAgentRequest *request,
               ...)
{
        g_autoptr(GPtrArray) varbinds = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_varbind_unref);
        GsnmpVarbind *varbind;
        va_list args;

        va_start (args, request);
        while ((varbind = va_arg (args, GsnmpVarbind *)) != NULL)
                g_ptr_array_add (varbinds, varbind);
        va_end (args);

        send_response (agent, request, (GsnmpVarbind **) varbinds->pdata, varbinds->len, 0, 0);
}

/* Running a walk step by step */

typedef struct {
        gboolean   done;
        GPtrArray *batch;
        GError    *error;
} NextResult;

static void
on_next (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
        NextResult *r = user_data;

        r->batch = gsnmp_walk_next_finish (GSNMP_WALK (source), result, &r->error);
        g_assert_true ((r->batch == NULL) != (r->error == NULL));
        r->done = TRUE;
}

static GPtrArray *
walk_next (GsnmpWalk     *walk,
           GCancellable  *cancellable,
           GError       **error)
{
        NextResult r = { 0, };

        gsnmp_walk_next_async (walk, cancellable, on_next, &r);
        g_assert_false (r.done);
        test_run_until (&r.done);
        if (r.error != NULL)
                g_propagate_error (error, r.error);

        return r.batch;
}

/* Walks to the end: everything returned until an empty batch or an error
 * (set in @error; what came before is still returned). */
static GPtrArray *
walk_to_end (GsnmpWalk  *walk,
             guint       max_batch,
             GError    **error)
{
        GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_varbind_unref);

        for (;;) {
                GPtrArray *batch = walk_next (walk, NULL, error);

                if (batch == NULL)
                        break;
                if (batch->len == 0) {
                        g_ptr_array_unref (batch);
                        break;
                }
                if (max_batch > 0)
                        g_assert_cmpuint (batch->len, <=, max_batch);
                g_ptr_array_extend_and_steal (all, batch);
        }

        return all;
}

static GsnmpWalk *
new_walk (TestFixture *fixture,
          const char  *root_str)
{
        g_autoptr(GsnmpOid) root = test_oid (root_str);

        return gsnmp_walk_new (fixture->engine, fixture->target, root);
}

/* Asserts that every request the agent got has @type. */
static void
assert_request_types (FakeAgent    *agent,
                      GsnmpPduType  type)
{
        fake_agent_sync (agent);
        for (guint i = 0; i < fake_agent_get_n_requests (agent); i++)
                g_assert_cmpint (request_type (fake_agent_get_request (agent, i)), ==, type);
}

/* A request answered in full: nothing is left in flight or in a socket. */
static void
sync_engine (TestFixture *fixture)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;

        fixture->agent->hook = NULL;
        fixture->agent->black_hole = FALSE;
        fixture->agent->hold = FALSE;
        gsnmp_target_set_timeout (fixture->target, TEST_LONG_TIMEOUT_MS);

        walk = new_walk (fixture, SYSTEM ".5");
        all = walk_to_end (walk, 0, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (all->len, ==, 1);
}

/* ---------------------------------------------------------------------- */
/* Walks against the fake agent's own MIB                                  */

static void
test_bulk_subtree (TestFixture   *fixture,
                   gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A GetBulk walk returns the subtree in order, and stops where the "
                        "agent's answer runs past it");

        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_repetitions (walk, 3);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_RUNNING);
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 0);

        all = walk_to_end (walk, 3, &error);
        g_assert_no_error (error);
        assert_oids (all, system_group);

        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_END_OF_SUBTREE);
        assert_oid (gsnmp_walk_get_end_varbind (walk), "1.3.6.1.2.1.2.1.0");
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 3);
        g_assert_cmpuint (gsnmp_walk_get_n_varbinds (walk), ==, 7);

        assert_request_types (fixture->agent, GSNMP_PDU_TYPE_GET_BULK);
        for (guint i = 0; i < 3; i++) {
                GsnmpPdu *pdu = fake_agent_get_request (fixture->agent, i)->message.pdu;

                g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (pdu), ==, 3);
                g_assert_cmpuint (gsnmp_pdu_get_non_repeaters (pdu), ==, 0);
                g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (pdu), ==, 1);
        }

        /* An ended walk only returns empty batches, without I/O. */
        {
                g_autoptr(GPtrArray) more = walk_next (walk, NULL, &error);

                g_assert_no_error (error);
                g_assert_cmpuint (more->len, ==, 0);
                fake_agent_sync (fixture->agent);
                g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 3);
        }
}

static void
test_target_max_repetitions (TestFixture   *fixture,
                             gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);

        gsnmp_target_set_max_repetitions (fixture->target, 2);
        walk = new_walk (fixture, SYSTEM);
        g_assert_cmpuint (gsnmp_walk_get_max_repetitions (walk), ==, 0);

        all = walk_to_end (walk, 2, &error);
        g_assert_no_error (error);
        assert_oids (all, system_group);
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 4);

        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (fake_agent_get_request (fixture->agent, 0)->message.pdu),
                          ==, 2);
}

static void
test_getnext (TestFixture   *fixture,
              gconstpointer  data)
{
        const TestFixtureConfig *config = data;
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("SNMPv1 walks, and walks with use-getnext, send one GetNext per object");

        walk = new_walk (fixture, SYSTEM);
        if (config->version != GSNMP_PROTOCOL_VERSION_V1)
                gsnmp_walk_set_use_getnext (walk, TRUE);

        all = walk_to_end (walk, 1, &error);
        g_assert_no_error (error);
        assert_oids (all, system_group);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_END_OF_SUBTREE);
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 8);
        assert_request_types (fixture->agent, GSNMP_PDU_TYPE_GET_NEXT);
}

static void
test_end_of_mib (TestFixture   *fixture,
                 gconstpointer  data)
{
        const TestFixtureConfig *config = data;
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;
        static const char * const expected[] = { "1.3.6.1.2.1.2.1.0", NULL };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("endOfMibView (SNMPv2c) and noSuchName (SNMPv1) end a walk cleanly");

        walk = new_walk (fixture, "1.3.6.1.2.1.2");
        all = walk_to_end (walk, 0, &error);
        g_assert_no_error (error);
        assert_oids (all, expected);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_END_OF_MIB_VIEW);

        if (config->version == GSNMP_PROTOCOL_VERSION_V1) {
                g_assert_null (gsnmp_walk_get_end_varbind (walk));
                g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 2);
        } else {
                GsnmpVarbind *end = gsnmp_walk_get_end_varbind (walk);

                assert_oid (end, "1.3.6.1.2.1.2.1.0");
                g_assert_cmpint (gsnmp_varbind_get_value_type (end), ==,
                                 GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
                g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 1);
        }
}

static void
test_lexicographic (TestFixture   *fixture,
                    gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;
        static const char * const expected[] = {
                SYSTEM ".6.0", SYSTEM ".7.0", "1.3.6.1.2.1.2.1.0", NULL
        };

        TEST_RETURN_IF_SKIPPED (fixture);

        walk = new_walk (fixture, SYSTEM ".6");
        gsnmp_walk_set_lexicographic (walk, TRUE);
        gsnmp_walk_set_max_repetitions (walk, 2);
        all = walk_to_end (walk, 2, &error);
        g_assert_no_error (error);
        assert_oids (all, expected);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_END_OF_MIB_VIEW);
}

static void
test_max_varbinds (TestFixture   *fixture,
                   gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;
        static const char * const expected[] = {
                SYSTEM ".1.0", SYSTEM ".2.0", SYSTEM ".3.0", SYSTEM ".4.0", NULL
        };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("max-varbinds ends the walk, and the last request asks only for what "
                        "is still needed");

        walk = new_walk (fixture, SYSTEM);
        g_object_set (walk, "max-repetitions", 3, "max-varbinds", 4, NULL);
        all = walk_to_end (walk, 3, &error);
        g_assert_no_error (error);
        assert_oids (all, expected);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_MAX_VARBINDS);
        g_assert_null (gsnmp_walk_get_end_varbind (walk));
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 2);

        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 2);
        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (fake_agent_get_request (fixture->agent, 1)->message.pdu),
                          ==, 1);
}

static void
test_max_varbinds_getnext (TestFixture   *fixture,
                           gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);

        walk = new_walk (fixture, SYSTEM);
        g_object_set (walk, "use-getnext", TRUE, "max-varbinds", 2, NULL);
        all = walk_to_end (walk, 1, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (all->len, ==, 2);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_MAX_VARBINDS);
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 2);
}

static void
test_max_requests (TestFixture   *fixture,
                   gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);

        walk = new_walk (fixture, SYSTEM);
        g_object_set (walk, "max-repetitions", 2, "max-requests", 2, NULL);
        all = walk_to_end (walk, 2, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (all->len, ==, 4);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_MAX_REQUESTS);
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 2);
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 2);
}

static void
test_large (TestFixture   *fixture,
            gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GError) error = NULL;
        guint n = 0, n_batches = 0;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A 3,000-object subtree, batch by batch, without keeping the batches");

        add_objects (fixture->agent, X, 3000);
        fake_agent_set_integer (fixture->agent, "1.3.6.1.4.1.99.2.0", 0);
        walk = new_walk (fixture, X);
        gsnmp_walk_set_max_repetitions (walk, 50);

        for (;;) {
                g_autoptr(GPtrArray) batch = walk_next (walk, NULL, &error);

                g_assert_no_error (error);
                if (batch->len == 0)
                        break;
                g_assert_cmpuint (batch->len, <=, 50);
                for (guint i = 0; i < batch->len; i++) {
                        g_assert_cmpint (gsnmp_varbind_get_integer (batch->pdata[i]), ==, (gint) (n + 1));
                        n++;
                }
                n_batches++;
        }
        g_assert_cmpuint (n, ==, 3000);
        g_assert_cmpuint (n_batches, ==, 60);
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 61);
}

static void
test_ipv6 (TestFixture   *fixture,
           gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);

        walk = new_walk (fixture, SYSTEM);
        all = walk_to_end (walk, 0, &error);
        g_assert_no_error (error);
        assert_oids (all, system_group);
}

/* ---------------------------------------------------------------------- */
/* Scalars: the root fallback                                              */

static void
test_scalar (TestFixture   *fixture,
             gconstpointer  data)
{
        const TestFixtureConfig *config = data;
        static const struct {
                const char *root;
                gboolean    fallback;
                const char *expected;   /* NULL: nothing */
        } cases[] = {
                { SYSTEM ".5.0", TRUE, SYSTEM ".5.0" },
                { SYSTEM ".5.0", FALSE, NULL },
                { "1.3.6.1.2.1.2.1.0", TRUE, "1.3.6.1.2.1.2.1.0" },   /* at the end of the MIB */
                { SYSTEM ".99", TRUE, NULL },                          /* nothing there */
                { "1.3.6.1.9", TRUE, NULL },                           /* past the end */
        };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("Walking a scalar instance returns it, as Net-SNMP's snmpwalk does");

        for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr(GsnmpWalk) walk = new_walk (fixture, cases[i].root);
                g_autoptr(GPtrArray) all = NULL;
                g_autoptr(GError) error = NULL;
                guint n_before;

                fake_agent_sync (fixture->agent);
                n_before = fake_agent_get_n_requests (fixture->agent);

                gsnmp_walk_set_root_fallback (walk, cases[i].fallback);
                all = walk_to_end (walk, 1, &error);
                g_assert_no_error (error);
                if (cases[i].expected != NULL) {
                        const char * const expected[] = { cases[i].expected, NULL };

                        assert_oids (all, expected);
                } else {
                        g_assert_cmpuint (all->len, ==, 0);
                }
                g_assert_cmpint (gsnmp_walk_get_status (walk), !=, GSNMP_WALK_STATUS_RUNNING);
                g_assert_cmpint (gsnmp_walk_get_status (walk), !=, GSNMP_WALK_STATUS_FAILED);

                /* The fallback is a GetRequest for the root. */
                fake_agent_sync (fixture->agent);
                if (cases[i].fallback) {
                        const FakeAgentRequest *last =
                                fake_agent_get_request (fixture->agent,
                                                        fake_agent_get_n_requests (fixture->agent) - 1);
                        g_autofree char *asked = request_oid (last);

                        g_assert_cmpint (request_type (last), ==, GSNMP_PDU_TYPE_GET);
                        g_assert_cmpstr (asked, ==, cases[i].root);
                } else {
                        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, n_before + 1);
                }
                (void) config;
        }
}

/* ---------------------------------------------------------------------- */
/* Misbehaving agents                                                      */

static gboolean
answer_padded (FakeAgent              *agent,
               const FakeAgentRequest *request,
               gpointer                user_data)
{
        /* Two objects of the subtree, one past it, and one inside again. */
        send_varbinds (agent, request,
                       vb_int (X ".1", 1), vb_int (X ".2", 2),
                       vb_int ("1.3.6.1.4.1.99.2.0", 3), vb_int (X ".3", 4),
                       NULL);
        return TRUE;
}

static void
test_padded (TestFixture   *fixture,
             gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;
        static const char * const expected[] = { X ".1", X ".2", NULL };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("Nothing past the subtree is returned, however the agent pads its "
                        "GetBulk response");

        fixture->agent->hook = answer_padded;
        walk = new_walk (fixture, X);
        all = walk_to_end (walk, 0, &error);
        g_assert_no_error (error);
        assert_oids (all, expected);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_END_OF_SUBTREE);
        assert_oid (gsnmp_walk_get_end_varbind (walk), "1.3.6.1.4.1.99.2.0");
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 1);
}

static gboolean
answer_bulk_then_backwards (FakeAgent              *agent,
                            const FakeAgentRequest *request,
                            gpointer                user_data)
{
        send_varbinds (agent, request,
                       vb_int (X ".1", 1), vb_int (X ".2", 2), vb_int (X ".1.5", 3),
                       NULL);
        return TRUE;
}

static void
test_non_increasing_in_batch (TestFixture   *fixture,
                              gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) batch = NULL;
        g_autoptr(GPtrArray) more = NULL;
        g_autoptr(GPtrArray) after = NULL;
        g_autoptr(GError) error = NULL;
        static const char * const expected[] = { X ".1", X ".2", NULL };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("An OID that goes backwards inside a GetBulk response: what came "
                        "before is returned, then the error");

        fixture->agent->hook = answer_bulk_then_backwards;
        walk = new_walk (fixture, X);

        batch = walk_next (walk, NULL, &error);
        g_assert_no_error (error);
        assert_oids (batch, expected);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_FAILED);

        more = walk_next (walk, NULL, &error);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_OID_NOT_INCREASING);
        g_assert_null (more);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, X ".1.5"));
        assert_oid (gsnmp_walk_get_end_varbind (walk), X ".1.5");
        g_clear_error (&error);

        after = walk_next (walk, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (after->len, ==, 0);

        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 1);
}

/* GetNext answers from a list, by the number of the request. */
typedef struct {
        const char * const *oids;    /* NULL-terminated; then endOfMibView */
        guint               n;
        guint               repeat_from;  /* 0: no repetition; else cycle */
        gboolean            decreasing;   /* answer X.(1000000 - n) forever */
} Script;

static gboolean
answer_script (FakeAgent              *agent,
               const FakeAgentRequest *request,
               gpointer                user_data)
{
        Script *script = user_data;
        g_autofree char *generated = NULL;
        const char *oid;

        if (request->copy != 1 || request_type (request) == GSNMP_PDU_TYPE_GET)
                return FALSE;

        if (script->decreasing) {
                generated = g_strdup_printf (X ".%u", 1000000 - script->n);
                oid = generated;
        } else {
                oid = script->oids[script->n];
        }
        script->n++;

        if (oid == NULL) {
                g_autofree char *asked = request_oid (request);

                send_varbinds (agent, request,
                               vb_exception (asked, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW), NULL);
        } else {
                send_varbinds (agent, request, vb_int (oid, (gint32) script->n), NULL);
        }

        return TRUE;
}

static void
test_non_increasing (TestFixture   *fixture,
                     gconstpointer  data)
{
        static const struct {
                const char         *name;
                const char * const  oids[6];
                gboolean            allow;
                guint               n_returned;
                const char         *error_oid;   /* NULL: no error */
        } cases[] = {
                { "backwards", { X ".1", X ".3", X ".2", NULL }, FALSE, 2, X ".2" },
                { "repeated", { X ".1", X ".1", NULL }, FALSE, 1, X ".1" },
                { "root", { X, NULL }, FALSE, 0, X },
                { "below-root", { "1.3.6.1.4.1.99.0", NULL }, FALSE, 0, NULL },
                { "allowed", { X ".5", X ".3", X ".4", NULL }, TRUE, 3, NULL },
                { "allowed-repeated", { X ".1", X ".1", NULL }, TRUE, 1, X ".1" },
                { "allowed-cycle", { X ".5", X ".3", X ".4", X ".3", NULL }, TRUE, 3, X ".3" },
        };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("OIDs that do not increase end the walk with an error, unless allowed; "
                        "even then an OID that comes back ends it");

        for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr(GsnmpWalk) walk = new_walk (fixture, X);
                g_autoptr(GPtrArray) all = NULL;
                g_autoptr(GError) error = NULL;
                Script script = { cases[i].oids, 0, 0, FALSE };

                g_test_message ("case %s", cases[i].name);
                fixture->agent->hook = answer_script;
                fixture->agent->hook_data = &script;

                g_object_set (walk, "use-getnext", TRUE,
                              "allow-non-increasing", cases[i].allow, NULL);
                all = walk_to_end (walk, 1, &error);
                g_assert_cmpuint (all->len, ==, cases[i].n_returned);
                if (cases[i].error_oid != NULL) {
                        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_OID_NOT_INCREASING);
                        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_FAILED);
                        assert_oid (gsnmp_walk_get_end_varbind (walk), cases[i].error_oid);
                } else {
                        g_assert_no_error (error);
                        g_assert_cmpint (gsnmp_walk_get_status (walk), !=, GSNMP_WALK_STATUS_FAILED);
                }
                fixture->agent->hook = NULL;
        }
}

static void
test_non_increasing_max_requests (TestFixture   *fixture,
                                  gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;
        Script script = { NULL, 0, 0, TRUE };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("An agent that goes backwards forever is bounded by max-requests");

        fixture->agent->hook = answer_script;
        fixture->agent->hook_data = &script;

        walk = new_walk (fixture, X);
        g_object_set (walk, "allow-non-increasing", TRUE, "max-requests", 5, NULL);
        all = walk_to_end (walk, 1, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (all->len, ==, 5);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_MAX_REQUESTS);
        g_assert_cmpuint (script.n, ==, 5);
}

static gboolean
answer_empty (FakeAgent              *agent,
              const FakeAgentRequest *request,
              gpointer                user_data)
{
        send_response (agent, request, NULL, 0, 0, 0);
        return TRUE;
}

static void
test_empty_response (TestFixture   *fixture,
                     gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) batch = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);

        fixture->agent->hook = answer_empty;
        walk = new_walk (fixture, X);
        batch = walk_next (walk, NULL, &error);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED);
        g_assert_null (batch);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_FAILED);
}

static void
test_error_status (TestFixture   *fixture,
                   gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) batch = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("An error-status other than noSuchName ends the walk with a GSNMP_PDU_ERROR");

        fixture->agent->error_status = GSNMP_PDU_ERROR_GEN_ERR;
        fixture->agent->error_index = 1;
        walk = new_walk (fixture, SYSTEM);
        batch = walk_next (walk, NULL, &error);
        g_assert_error (error, GSNMP_PDU_ERROR, GSNMP_PDU_ERROR_GEN_ERR);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_FAILED);
        assert_oid (gsnmp_walk_get_end_varbind (walk), SYSTEM);
        fixture->agent->error_status = 0;
}

static gboolean
answer_too_big (FakeAgent              *agent,
                const FakeAgentRequest *request,
                gpointer                user_data)
{
        GsnmpPdu *pdu = request->message.pdu;

        if (request_type (request) != GSNMP_PDU_TYPE_GET_BULK ||
            gsnmp_pdu_get_max_repetitions (pdu) <= 2)
                return FALSE;

        send_response (agent, request, gsnmp_pdu_get_varbinds (pdu, NULL),
                       gsnmp_pdu_get_n_varbinds (pdu), GSNMP_PDU_ERROR_TOO_BIG, 0);
        return TRUE;
}

static void
test_too_big (TestFixture   *fixture,
              gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;
        guint n;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("An agent that answers tooBig to GetBulk gets fewer repetitions");

        fixture->agent->hook = answer_too_big;
        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_repetitions (walk, 8);
        all = walk_to_end (walk, 2, &error);
        g_assert_no_error (error);
        assert_oids (all, system_group);

        fake_agent_sync (fixture->agent);
        n = fake_agent_get_n_requests (fixture->agent);
        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (fake_agent_get_request (fixture->agent, 0)->message.pdu), ==, 8);
        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (fake_agent_get_request (fixture->agent, 1)->message.pdu), ==, 4);
        for (guint i = 2; i < n; i++)
                g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (fake_agent_get_request (fixture->agent, i)->message.pdu), ==, 2);
}

/* ---------------------------------------------------------------------- */
/* Adaptive walks                                                          */

/* How the agent treats GetBulkRequests with more than a limit of
 * repetitions: never answers (a device whose big responses are lost), or
 * answers tooBig. limit 0: every GetBulk. */
typedef struct {
        guint    limit;
        gboolean too_big;
} BulkQuirk;

static gboolean
answer_bulk_quirk (FakeAgent              *agent,
                   const FakeAgentRequest *request,
                   gpointer                user_data)
{
        BulkQuirk *quirk = user_data;
        GsnmpPdu *pdu = request->message.pdu;

        if (request_type (request) != GSNMP_PDU_TYPE_GET_BULK ||
            gsnmp_pdu_get_max_repetitions (pdu) <= quirk->limit)
                return FALSE;
        if (quirk->too_big)
                send_response (agent, request, gsnmp_pdu_get_varbinds (pdu, NULL),
                               gsnmp_pdu_get_n_varbinds (pdu), GSNMP_PDU_ERROR_TOO_BIG, 0);
        return TRUE;
}

/* The max-repetitions of every GetBulk the agent got from @first on; 0 for
 * a GetNext. */
static GArray *
request_reps (FakeAgent *agent,
              guint      first)
{
        GArray *reps = g_array_new (FALSE, FALSE, sizeof (guint));

        fake_agent_sync (agent);
        for (guint i = first; i < fake_agent_get_n_requests (agent); i++) {
                const FakeAgentRequest *req = fake_agent_get_request (agent, i);
                guint r = 0;

                if (req->message.pdu == NULL || req->copy != 1)
                        continue;
                if (request_type (req) == GSNMP_PDU_TYPE_GET_BULK)
                        r = gsnmp_pdu_get_max_repetitions (req->message.pdu);
                else if (request_type (req) != GSNMP_PDU_TYPE_GET_NEXT)
                        continue;
                g_array_append_val (reps, r);
        }
        return reps;
}

static void
check_adaptive (TestFixture     *fixture,
                const BulkQuirk *quirk)
{
        BulkQuirk q = *quirk;
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GsnmpWalk) again = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GArray) reps = NULL;
        g_autoptr(GError) error = NULL;
        guint first_of_second;
        guint expected_current = q.limit == 0 ? 0 : q.limit >= 5 ? 5 : q.limit >= 2 ? 2 : 1;
        guint expected_steps = q.limit == 0 ? 5 : q.limit >= 10 ? 1 : q.limit >= 5 ? 2 :
                               q.limit >= 2 ? 3 : 4;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("An agent that drops big GetBulk responses, answers tooBig above N "
                        "varbinds or never answers GetBulk: the walk halves max-repetitions, "
                        "falls back to GetNext, returns everything, reports what it did, and "
                        "the next walk of the agent starts from what worked");

        fixture->agent->hook = answer_bulk_quirk;
        fixture->agent->hook_data = &q;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 0);

        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_repetitions (walk, 20);
        g_assert_true (gsnmp_walk_get_adaptive (walk));
        all = walk_to_end (walk, 0, &error);
        g_assert_no_error (error);
        assert_oids (all, system_group);
        g_assert_cmpuint (gsnmp_walk_get_n_adaptations (walk), ==, expected_steps);
        g_assert_cmpuint (gsnmp_walk_get_current_max_repetitions (walk), ==, expected_current);

        /* 20, 10, 5, 2, 1, then GetNext: each refused step halves */
        reps = request_reps (fixture->agent, 0);
        g_assert_cmpuint (g_array_index (reps, guint, 0), ==, 20);
        for (guint i = 1; i < expected_steps + 1; i++) {
                guint prev = g_array_index (reps, guint, i - 1);

                g_assert_cmpuint (g_array_index (reps, guint, i), ==, prev == 1 ? 0 : prev / 2);
        }
        for (guint i = expected_steps + 1; i < reps->len; i++)
                g_assert_cmpuint (g_array_index (reps, guint, i), ==, expected_current);
        first_of_second = fake_agent_get_n_requests (fixture->agent);
        g_clear_pointer (&reps, g_array_unref);
        g_clear_pointer (&all, g_ptr_array_unref);

        /* The engine remembers: the next walk never asks for more. */
        again = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_repetitions (again, 20);
        all = walk_to_end (again, 0, &error);
        g_assert_no_error (error);
        assert_oids (all, system_group);
        g_assert_cmpuint (gsnmp_walk_get_n_adaptations (again), ==, 0);
        reps = request_reps (fixture->agent, first_of_second);
        g_assert_cmpuint (reps->len, >, 0);
        for (guint i = 0; i < reps->len; i++)
                g_assert_cmpuint (g_array_index (reps, guint, i), ==, expected_current);
}

static const BulkQuirk drops_above_4 = { 4, FALSE };
static const BulkQuirk too_big_above_3 = { 3, TRUE };
static const BulkQuirk never_bulk = { 0, FALSE };
static const BulkQuirk too_big_always = { 0, TRUE };

static void
test_adaptive_drops_big (TestFixture   *fixture,
                         gconstpointer  data)
{
        check_adaptive (fixture, &drops_above_4);
}

static void
test_adaptive_too_big (TestFixture   *fixture,
                       gconstpointer  data)
{
        check_adaptive (fixture, &too_big_above_3);
}

static void
test_adaptive_never_bulk (TestFixture   *fixture,
                          gconstpointer  data)
{
        check_adaptive (fixture, &never_bulk);
}

static void
test_adaptive_too_big_always (TestFixture   *fixture,
                              gconstpointer  data)
{
        check_adaptive (fixture, &too_big_always);
}

static void
test_adaptive_off (TestFixture   *fixture,
                   gconstpointer  data)
{
        BulkQuirk q = never_bulk;
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("With adaptive off, a GetBulk that times out ends the call with the "
                        "timeout, as snmpbulkwalk does");

        fixture->agent->hook = answer_bulk_quirk;
        fixture->agent->hook_data = &q;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 0);

        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_adaptive (walk, FALSE);
        all = walk_to_end (walk, 0, &error);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_assert_cmpuint (all->len, ==, 0);
        g_assert_cmpuint (gsnmp_walk_get_n_adaptations (walk), ==, 0);
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 1);
}

static void
test_max_duration (TestFixture   *fixture,
                   gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) batch = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("max-duration ends a walk whose agent went silent, long before the "
                        "request's own timeout and retries, and every later call");

        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_repetitions (walk, 2);
        gsnmp_walk_set_max_duration (walk, 200);
        batch = walk_next (walk, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (batch->len, ==, 2);
        g_clear_pointer (&batch, g_ptr_array_unref);

        /* the target would wait 10 s × 6: the deadline comes first */
        fixture->agent->black_hole = TRUE;
        batch = walk_next (walk, NULL, &error);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_assert_null (batch);
        g_clear_error (&error);

        fixture->agent->black_hole = FALSE;
        batch = walk_next (walk, NULL, &error);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_assert_null (batch);
}

static void
test_max_duration_cancel (TestFixture   *fixture,
                          gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        g_autoptr(GPtrArray) batch = NULL;
        g_autoptr(GError) error = NULL;
        NextResult r = { 0, };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("With max-duration set, cancelling still cancels (and is not "
                        "reported as the deadline)");

        fixture->agent->hold = TRUE;
        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_duration (walk, 60000);
        gsnmp_walk_next_async (walk, cancellable, on_next, &r);
        fake_agent_sync (fixture->agent);
        g_cancellable_cancel (cancellable);
        test_run_until (&r.done);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_clear_error (&r.error);
        fixture->agent->hold = FALSE;
        fake_agent_release (fixture->agent);

        /* and the walk goes on */
        batch = walk_next (walk, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (batch->len, >, 0);
}

/* ---------------------------------------------------------------------- */
/* Timeouts, retries, cancellation                                         */

typedef struct {
        guint n_distinct;     /* request-ids seen */
        guint swallow_from;   /* from this request-id on, never answer (0: never) */
        guint drop_copy1_of;  /* drop the first copy of this request (0: none) */
} Flaky;

static gboolean
answer_flaky (FakeAgent              *agent,
              const FakeAgentRequest *request,
              gpointer                user_data)
{
        Flaky *flaky = user_data;

        if (request->copy == 1)
                flaky->n_distinct++;
        if (flaky->swallow_from > 0 && flaky->n_distinct >= flaky->swallow_from)
                return TRUE;
        if (request->copy == 1 && flaky->n_distinct == flaky->drop_copy1_of)
                return TRUE;

        return FALSE;
}

static void
test_timeout_mid_walk (TestFixture   *fixture,
                       gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) first = NULL;
        g_autoptr(GPtrArray) lost = NULL;
        g_autoptr(GPtrArray) rest = NULL;
        g_autoptr(GError) error = NULL;
        Flaky flaky = { 0, 2, 0 };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("An agent that stops answering mid-walk times the walk out; the walk "
                        "stays where it was and can go on");

        fixture->agent->hook = answer_flaky;
        fixture->agent->hook_data = &flaky;

        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_repetitions (walk, 2);
        first = walk_next (walk, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (first->len, ==, 2);

        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 1);
        lost = walk_next (walk, NULL, &error);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_assert_null (lost);
        g_clear_error (&error);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_RUNNING);

        /* The agent is back: the walk resumes after the first batch. */
        fixture->agent->hook = NULL;
        gsnmp_target_set_timeout (fixture->target, TEST_LONG_TIMEOUT_MS);
        rest = walk_to_end (walk, 2, &error);
        g_assert_no_error (error);
        g_ptr_array_extend_and_steal (first, g_steal_pointer (&rest));
        assert_oids (first, system_group);
}

static void
test_retry_mid_walk (TestFixture   *fixture,
                     gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GError) error = NULL;
        Flaky flaky = { 0, 0, 2 };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A request lost mid-walk is retransmitted and the walk goes on");

        fixture->agent->hook = answer_flaky;
        fixture->agent->hook_data = &flaky;
        gsnmp_target_set_timeout (fixture->target, RETRY_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 10);

        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_repetitions (walk, 2);
        all = walk_to_end (walk, 2, &error);
        g_assert_no_error (error);
        assert_oids (all, system_group);
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 4);
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), >=, 5);
}

static void
test_cancel_before (TestFixture   *fixture,
                    gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        g_autoptr(GPtrArray) first = NULL;
        g_autoptr(GPtrArray) none = NULL;
        g_autoptr(GPtrArray) rest = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A walk cancelled between requests sends nothing and can go on");

        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_repetitions (walk, 3);
        first = walk_next (walk, NULL, &error);
        g_assert_no_error (error);

        g_cancellable_cancel (cancellable);
        none = walk_next (walk, cancellable, &error);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_null (none);
        g_clear_error (&error);
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 1);

        rest = walk_to_end (walk, 3, &error);
        g_assert_no_error (error);
        g_ptr_array_extend_and_steal (first, g_steal_pointer (&rest));
        assert_oids (first, system_group);
}

static gboolean
cancel_on_second (FakeAgent              *agent,
                  const FakeAgentRequest *request,
                  gpointer                user_data)
{
        static guint n;

        if (request->copy != 1)
                return TRUE;
        if (++n % 2 == 0) {
                /* hold it: the test cancels while it waits */
                g_cancellable_cancel (user_data);
                return TRUE;
        }
        return FALSE;
}

static void
test_cancel_during (TestFixture   *fixture,
                    gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        g_autoptr(GPtrArray) first = NULL;
        g_autoptr(GPtrArray) none = NULL;
        g_autoptr(GPtrArray) rest = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A walk cancelled while a request waits stays where it was");

        fixture->agent->hook = cancel_on_second;
        fixture->agent->hook_data = cancellable;

        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_repetitions (walk, 3);
        first = walk_next (walk, cancellable, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (first->len, ==, 3);

        none = walk_next (walk, cancellable, &error);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_null (none);
        g_clear_error (&error);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->engine), ==, 0);

        fixture->agent->hook = NULL;
        rest = walk_to_end (walk, 3, &error);
        g_assert_no_error (error);
        g_ptr_array_extend_and_steal (first, g_steal_pointer (&rest));
        assert_oids (first, system_group);
}

static void
test_pending (TestFixture   *fixture,
              gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GError) error = NULL;
        NextResult r1 = { 0, }, r2 = { 0, };

        TEST_RETURN_IF_SKIPPED (fixture);

        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_next_async (walk, NULL, on_next, &r1);
        gsnmp_walk_next_async (walk, NULL, on_next, &r2);
        test_run_until (&r2.done);
        g_assert_error (r2.error, G_IO_ERROR, G_IO_ERROR_PENDING);
        g_clear_error (&r2.error);
        test_run_until (&r1.done);
        g_assert_no_error (r1.error);
        g_assert_cmpuint (r1.batch->len, >, 0);
        g_ptr_array_unref (r1.batch);
}

static void
test_engine_closed (TestFixture   *fixture,
                    gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        NextResult r = { 0, };

        TEST_RETURN_IF_SKIPPED (fixture);

        fixture->agent->black_hole = TRUE;
        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_next_async (walk, NULL, on_next, &r);
        fake_agent_sync (fixture->agent);
        while (fake_agent_get_n_requests (fixture->agent) == 0) {
                g_main_context_iteration (NULL, TRUE);
                fake_agent_sync (fixture->agent);
        }
        gsnmp_engine_close (fixture->engine);
        test_run_until (&r.done);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CLOSED);
        g_clear_error (&r.error);
}

/* ---------------------------------------------------------------------- */
/* Whole walks                                                             */

typedef struct {
        gboolean   done;
        GPtrArray *all;
        GError    *error;
} AllResult;

static void
on_engine_walk (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
        AllResult *r = user_data;

        r->all = gsnmp_engine_walk_finish (GSNMP_ENGINE (source), result, &r->error);
        r->done = TRUE;
}

static void
on_walk_all (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
        AllResult *r = user_data;

        r->all = gsnmp_walk_all_finish (GSNMP_WALK (source), result, &r->error);
        r->done = TRUE;
}

static void
test_engine_walk_async (TestFixture   *fixture,
                        gconstpointer  data)
{
        g_autoptr(GsnmpOid) root = test_oid (SYSTEM);
        g_autoptr(GsnmpOid) scalar = test_oid (SYSTEM ".5.0");
        g_autoptr(GsnmpOid) bad = test_oid (X);
        AllResult r = { 0, };
        static const char * const sys_name[] = { SYSTEM ".5.0", NULL };

        TEST_RETURN_IF_SKIPPED (fixture);

        gsnmp_target_set_max_repetitions (fixture->target, 3);
        gsnmp_engine_walk_async (fixture->engine, fixture->target, root, NULL, on_engine_walk, &r);
        test_run_until (&r.done);
        g_assert_no_error (r.error);
        assert_oids (r.all, system_group);
        g_clear_pointer (&r.all, g_ptr_array_unref);

        r.done = FALSE;
        gsnmp_engine_walk_async (fixture->engine, fixture->target, scalar, NULL, on_engine_walk, &r);
        test_run_until (&r.done);
        g_assert_no_error (r.error);
        assert_oids (r.all, sys_name);
        g_clear_pointer (&r.all, g_ptr_array_unref);

        r.done = FALSE;
        fixture->agent->hook = answer_bulk_then_backwards;
        gsnmp_engine_walk_async (fixture->engine, fixture->target, bad, NULL, on_engine_walk, &r);
        test_run_until (&r.done);
        g_assert_error (r.error, GSNMP_ERROR, GSNMP_ERROR_OID_NOT_INCREASING);
        g_assert_null (r.all);
        g_clear_error (&r.error);
}

static void
test_walk_all_async (TestFixture   *fixture,
                     gconstpointer  data)
{
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GPtrArray) first = NULL;
        g_autoptr(GError) error = NULL;
        AllResult r = { 0, };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("all_async returns the rest of a walk that already started");

        walk = new_walk (fixture, SYSTEM);
        gsnmp_walk_set_max_repetitions (walk, 2);
        first = walk_next (walk, NULL, &error);
        g_assert_no_error (error);
        gsnmp_walk_all_async (walk, NULL, on_walk_all, &r);
        test_run_until (&r.done);
        g_assert_no_error (r.error);
        g_ptr_array_extend_and_steal (first, r.all);
        assert_oids (first, system_group);
}

/* ---------------------------------------------------------------------- */
/* Tables                                                                  */

/* A table with holes and columns of different lengths:
 *   column 1: rows 1 2 3 4
 *   column 2: rows 1 . 3 .
 *   column 3: rows . 2 . 4 5
 * Cell T.1.c.r holds 10 * c + r. */
static const guint table_cells[][2] = {
        { 1, 1 }, { 1, 2 }, { 1, 3 }, { 1, 4 },
        { 2, 1 }, { 2, 3 },
        { 3, 2 }, { 3, 4 }, { 3, 5 },
};

static void
add_table (FakeAgent *agent,
           gboolean   object_after)
{
        for (guint i = 0; i < G_N_ELEMENTS (table_cells); i++) {
                g_autofree char *oid = g_strdup_printf (T ".1.%u.%u", table_cells[i][0], table_cells[i][1]);

                fake_agent_set_integer (agent, oid, (gint32) (10 * table_cells[i][0] + table_cells[i][1]));
        }
        if (object_after)
                fake_agent_set_integer (agent, "1.3.6.1.4.1.99.6.0", 0);
}

/* Checks a table built from columns @cols (column numbers) against
 * table_cells. */
static void
assert_table (GsnmpTable    *table,
              const guint32 *cols,
              guint          n_cols)
{
        guint n_rows = 0;
        guint32 max_row = 0;

        g_assert_cmpuint (gsnmp_table_get_n_columns (table), ==, n_cols);
        for (guint c = 0; c < n_cols; c++) {
                g_autofree char *expected = g_strdup_printf (T ".1.%u", cols[c]);
                g_autofree char *str = gsnmp_oid_to_string (gsnmp_table_get_column (table, c));

                g_assert_cmpstr (str, ==, expected);
                g_assert_cmpint (gsnmp_table_find_column (table, cols[c]), ==, (int) c);
        }
        g_assert_cmpint (gsnmp_table_find_column (table, 77), ==, -1);

        /* The rows are those with a cell in one of the columns. */
        for (guint32 r = 1; r <= 5; r++) {
                for (guint i = 0; i < G_N_ELEMENTS (table_cells); i++) {
                        for (guint c = 0; c < n_cols; c++) {
                                if (table_cells[i][0] == cols[c] && table_cells[i][1] == r) {
                                        n_rows++;
                                        max_row = r;
                                        goto next_row;
                                }
                        }
                }
next_row:
                ;
        }
        g_assert_cmpuint (gsnmp_table_get_n_rows (table), ==, n_rows);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, n_rows);
        g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (table)) == GSNMP_TYPE_TABLE_ROW);
        g_assert_null (g_list_model_get_item (G_LIST_MODEL (table), n_rows));

        for (guint i = 0; i < n_rows; i++) {
                g_autoptr(GsnmpTableRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);
                GsnmpOid *index = gsnmp_table_row_get_index (row);
                guint32 r;

                g_assert_true (row == gsnmp_table_get_row (table, i));
                g_assert_cmpuint (gsnmp_oid_get_length (index), ==, 1);
                r = gsnmp_oid_get_id (index, 0);
                g_assert_true (gsnmp_table_lookup_row (table, index) == row);
                if (i > 0)
                        g_assert_cmpint (gsnmp_oid_compare (gsnmp_table_row_get_index (gsnmp_table_get_row (table, i - 1)), index), <, 0);
                g_assert_cmpuint (r, <=, max_row);
                g_assert_cmpuint (gsnmp_table_row_get_n_cells (row), ==, n_cols);

                for (guint c = 0; c < n_cols; c++) {
                        GsnmpVarbind *cell = gsnmp_table_row_get_cell (row, c);
                        gboolean present = FALSE;

                        for (guint k = 0; k < G_N_ELEMENTS (table_cells); k++)
                                present |= table_cells[k][0] == cols[c] && table_cells[k][1] == r;
                        if (!present) {
                                g_assert_null (cell);
                                continue;
                        }
                        g_assert_nonnull (cell);
                        g_assert_cmpint (gsnmp_varbind_get_integer (cell), ==, (gint) (10 * cols[c] + r));
                        g_assert_true (gsnmp_table_row_get_cell_by_column (row, cols[c]) == cell);
                        g_assert_true (gsnmp_table_row_get_cell_by_oid (row, gsnmp_table_get_column (table, c)) == cell);
                }
                g_assert_null (gsnmp_table_row_get_cell_by_column (row, 77));
        }
}

typedef struct {
        gboolean    done;
        GsnmpTable *table;
        GError     *error;
} TableResult;

static void
on_table (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
        TableResult *r = user_data;

        r->table = gsnmp_engine_get_table_finish (GSNMP_ENGINE (source), result, &r->error);
        r->done = TRUE;
}

static void
on_table_columns (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
        TableResult *r = user_data;

        r->table = gsnmp_engine_get_table_columns_finish (GSNMP_ENGINE (source), result, &r->error);
        r->done = TRUE;
}

static GsnmpTable *
get_table (TestFixture  *fixture,
           const char   *oid_str,
           GError      **error)
{
        g_autoptr(GsnmpOid) oid = test_oid (oid_str);
        TableResult r = { 0, };

        gsnmp_engine_get_table_async (fixture->engine, fixture->target, oid, NULL, on_table, &r);
        test_run_until (&r.done);
        if (r.error != NULL)
                g_propagate_error (error, r.error);
        return r.table;
}

static GsnmpTable *
get_table_columns (TestFixture    *fixture,
                   const guint32  *cols,
                   guint           n_cols,
                   GError        **error)
{
        g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        TableResult r = { 0, };

        for (guint c = 0; c < n_cols; c++) {
                g_autofree char *str = g_strdup_printf (T ".1.%u", cols[c]);

                g_ptr_array_add (columns, test_oid (str));
        }
        gsnmp_engine_get_table_columns_async (fixture->engine, fixture->target,
                                              (GsnmpOid **) columns->pdata, columns->len,
                                              NULL, on_table_columns, &r);
        test_run_until (&r.done);
        if (r.error != NULL)
                g_propagate_error (error, r.error);
        return r.table;
}

static void
test_table_whole (TestFixture   *fixture,
                  gconstpointer  data)
{
        static const guint32 all_cols[] = { 1, 2, 3 };
        static const char * const oids[] = { T, T ".1" };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A whole table, by table or entry OID, with holes and columns "
                        "that end at different rows");

        add_table (fixture->agent, TRUE);
        gsnmp_target_set_max_repetitions (fixture->target, 4);

        for (guint i = 0; i < G_N_ELEMENTS (oids); i++) {
                g_autoptr(GsnmpTable) table = NULL;
                g_autoptr(GError) error = NULL;

                table = get_table (fixture, oids[i], &error);
                g_assert_no_error (error);
                assert_table (table, all_cols, 3);
        }
}

static void
on_walk_table (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
        TableResult *r = user_data;

        r->table = gsnmp_walk_get_table_finish (GSNMP_WALK (source), result, &r->error);
        r->done = TRUE;
}

static GsnmpTable *
walk_get_table (TestFixture  *fixture,
                guint         max_varbinds,
                guint         max_requests,
                GError      **error)
{
        g_autoptr(GsnmpOid) oid = test_oid (T);
        g_autoptr(GsnmpWalk) walk = gsnmp_walk_new (fixture->engine, fixture->target, oid);
        TableResult r = { 0, };

        gsnmp_walk_set_max_varbinds (walk, max_varbinds);
        gsnmp_walk_set_max_requests (walk, max_requests);
        gsnmp_walk_get_table_async (walk, NULL, on_walk_table, &r);
        test_run_until (&r.done);
        if (r.error != NULL)
                g_propagate_error (error, r.error);
        return r.table;
}

/* Probe defect 2: a table stops at the walk's limits with an error, rather
 * than grow without bound (an agent whose table never ends) or come back
 * cut short as if complete. */
static void
test_table_limits (TestFixture   *fixture,
                   gconstpointer  data)
{
        static const guint32 all_cols[] = { 1, 2, 3 };
        g_autoptr(GsnmpTable) table = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("gsnmp_walk_get_table_async() keeps to max-varbinds and max-requests");

        add_table (fixture->agent, TRUE);
        gsnmp_target_set_max_repetitions (fixture->target, 2);

        table = walk_get_table (fixture, 3, 0, &error);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_LIMIT_REACHED);
        g_assert_null (table);
        g_clear_error (&error);

        table = walk_get_table (fixture, 0, 1, &error);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_LIMIT_REACHED);
        g_assert_null (table);
        g_clear_error (&error);

        /* no limit, or limits the table fits in */
        table = walk_get_table (fixture, 0, 0, &error);
        g_assert_no_error (error);
        assert_table (table, all_cols, 3);
        g_clear_object (&table);
        table = walk_get_table (fixture, 1000, 1000, &error);
        g_assert_no_error (error);
        assert_table (table, all_cols, 3);
}

static void
test_table_max_duration (TestFixture   *fixture,
                         gconstpointer  data)
{
        g_autoptr(GsnmpOid) oid = test_oid (T);
        g_autoptr(GsnmpWalk) walk = NULL;
        TableResult r = { 0, };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A table retrieval keeps to its walk's max-duration");

        add_table (fixture->agent, TRUE);
        fixture->agent->black_hole = TRUE;
        walk = gsnmp_walk_new (fixture->engine, fixture->target, oid);
        gsnmp_walk_set_max_duration (walk, 200);
        gsnmp_walk_get_table_async (walk, NULL, on_walk_table, &r);
        test_run_until (&r.done);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_assert_null (r.table);
        g_clear_error (&r.error);
}

static void
test_table_columns (TestFixture   *fixture,
                    gconstpointer  data)
{
        static const struct {
                guint32 cols[3];
                guint   n;
        } cases[] = {
                { { 1, 2, 3 }, 3 },
                { { 3, 2 }, 2 },
                { { 2 }, 1 },
                { { 3 }, 1 },
                { { 2, 9 }, 2 },     /* a column without cells */
        };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("Chosen columns side by side, with holes and columns that end at "
                        "different rows; for SNMPv1 also at the end of the MIB");

        /* For SNMPv1, nothing after the table: the last column runs off the
         * end of the MIB (noSuchName). */
        add_table (fixture->agent, ((const TestFixtureConfig *) data)->version != GSNMP_PROTOCOL_VERSION_V1);
        gsnmp_target_set_max_repetitions (fixture->target, 2);

        for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr(GsnmpTable) table = NULL;
                g_autoptr(GError) error = NULL;

                table = get_table_columns (fixture, cases[i].cols, cases[i].n, &error);
                g_assert_no_error (error);
                assert_table (table, cases[i].cols, cases[i].n);
        }

        /* Each request carries every column still going. */
        fake_agent_sync (fixture->agent);
        {
                GsnmpPdu *pdu = fake_agent_get_request (fixture->agent, 0)->message.pdu;

                g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (pdu), ==, 3);
                if (((const TestFixtureConfig *) data)->version == GSNMP_PROTOCOL_VERSION_V1) {
                        g_assert_cmpint (gsnmp_pdu_get_pdu_type (pdu), ==, GSNMP_PDU_TYPE_GET_NEXT);
                } else {
                        g_assert_cmpint (gsnmp_pdu_get_pdu_type (pdu), ==, GSNMP_PDU_TYPE_GET_BULK);
                        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (pdu), ==, 2);
                }
        }
}

/* The column fetch is a walk: its options apply to columns too. */
static void
test_table_columns_walk_options (TestFixture   *fixture,
                                 gconstpointer  data)
{
        g_autoptr(GsnmpOid) col1 = test_oid (T ".1.1");
        g_autoptr(GsnmpOid) col3 = test_oid (T ".1.3");
        GsnmpOid *cols[] = { col1, col3 };
        g_autoptr(GsnmpWalk) walk = NULL;
        AllResult r = { 0, };

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("A walk of columns side by side stops at max-requests, and "
                        "takes every column's varbinds in one request");

        add_table (fixture->agent, TRUE);
        gsnmp_target_set_max_repetitions (fixture->target, 2);

        walk = gsnmp_walk_new_columns (fixture->engine, fixture->target, cols, 2);
        gsnmp_walk_set_max_requests (walk, 1);
        gsnmp_walk_set_allow_non_increasing (walk, TRUE);
        gsnmp_walk_all_async (walk, NULL, on_walk_all, &r);
        test_run_until (&r.done);
        g_assert_no_error (r.error);

        /* rows 1 and 2 of column 1, rows 2 and 4 of column 3, interleaved */
        g_assert_cmpuint (r.all->len, ==, 4);
        g_assert_cmpuint (gsnmp_walk_get_n_requests (walk), ==, 1);
        g_assert_cmpint (gsnmp_walk_get_status (walk), ==, GSNMP_WALK_STATUS_MAX_REQUESTS);
        fake_agent_sync (fixture->agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->agent), ==, 1);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (fake_agent_get_request (fixture->agent, 0)->message.pdu), ==, 2);
        g_ptr_array_unref (r.all);
}

static void
test_table_empty (TestFixture   *fixture,
                  gconstpointer  data)
{
        g_autoptr(GsnmpTable) table = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);

        table = get_table (fixture, T, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_table_get_n_rows (table), ==, 0);
        g_assert_cmpuint (gsnmp_table_get_n_columns (table), ==, 0);
}

static void
test_table_multi_index (TestFixture   *fixture,
                        gconstpointer  data)
{
        g_autoptr(GsnmpTable) table = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) index = test_oid ("2.10.0.0.1");
        g_autoptr(GsnmpOid) missing = test_oid ("2.10.0.0.2");
        GsnmpTableRow *row;

        TEST_RETURN_IF_SKIPPED (fixture);
        g_test_summary ("Indexes of several sub-identifiers, in OID order");

        /* like ipNetToMediaTable: ifIndex + IPv4 address */
        fake_agent_set_integer (fixture->agent, T ".1.1.1.10.0.0.9", 1);
        fake_agent_set_integer (fixture->agent, T ".1.1.2.10.0.0.1", 2);
        fake_agent_set_integer (fixture->agent, T ".1.1.2.10.0.0.10", 3);
        fake_agent_set_integer (fixture->agent, T ".1.2.2.10.0.0.1", 4);
        fake_agent_set_integer (fixture->agent, T ".1.2.3.1.1.1.1", 5);

        table = get_table (fixture, T, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_table_get_n_rows (table), ==, 4);
        g_assert_cmpuint (gsnmp_table_get_n_columns (table), ==, 2);

        row = gsnmp_table_lookup_row (table, index);
        g_assert_nonnull (row);
        g_assert_cmpint (gsnmp_varbind_get_integer (gsnmp_table_row_get_cell (row, 0)), ==, 2);
        g_assert_cmpint (gsnmp_varbind_get_integer (gsnmp_table_row_get_cell (row, 1)), ==, 4);
        g_assert_true (row == gsnmp_table_get_row (table, 1));
        g_assert_null (gsnmp_table_lookup_row (table, missing));
        row = gsnmp_table_get_row (table, 3);
        g_assert_null (gsnmp_table_row_get_cell (row, 0));
        g_assert_cmpint (gsnmp_varbind_get_integer (gsnmp_table_row_get_cell (row, 1)), ==, 5);
}

static gboolean
answer_table_backwards (FakeAgent              *agent,
                        const FakeAgentRequest *request,
                        gpointer                user_data)
{
        send_varbinds (agent, request, vb_int (T ".1.1.5", 1), vb_int (T ".1.1.4", 2), NULL);
        return TRUE;
}

static void
test_table_non_increasing (TestFixture   *fixture,
                           gconstpointer  data)
{
        static const guint32 cols[] = { 1 };
        g_autoptr(GsnmpTable) table = NULL;
        g_autoptr(GsnmpTable) whole = NULL;
        g_autoptr(GError) error = NULL;

        TEST_RETURN_IF_SKIPPED (fixture);

        fixture->agent->hook = answer_table_backwards;
        table = get_table_columns (fixture, cols, 1, &error);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_OID_NOT_INCREASING);
        g_assert_null (table);
        g_clear_error (&error);

        whole = get_table (fixture, T, &error);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_OID_NOT_INCREASING);
        g_assert_null (whole);
}

static void
test_table_timeout (TestFixture   *fixture,
                    gconstpointer  data)
{
        static const guint32 cols[] = { 1, 2 };
        g_autoptr(GsnmpTable) table = NULL;
        g_autoptr(GError) error = NULL;
        Flaky flaky = { 0, 2, 0 };

        TEST_RETURN_IF_SKIPPED (fixture);

        add_table (fixture->agent, TRUE);
        gsnmp_target_set_max_repetitions (fixture->target, 1);
        fixture->agent->hook = answer_flaky;
        fixture->agent->hook_data = &flaky;
        gsnmp_target_set_timeout (fixture->target, SHORT_TIMEOUT_MS);
        gsnmp_target_set_retries (fixture->target, 1);

        table = get_table_columns (fixture, cols, 2, &error);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_assert_null (table);
        sync_engine (fixture);
}

int
main (int   argc,
      char *argv[])
{
        g_test_init (&argc, &argv, NULL);

        TEST_ADD ("/gsnmp/walk/bulk/subtree", test_bulk_subtree);
        TEST_ADD ("/gsnmp/walk/bulk/target-max-repetitions", test_target_max_repetitions);
        TEST_ADD_DATA ("/gsnmp/walk/getnext/v1", &v1_config, test_getnext);
        TEST_ADD_DATA ("/gsnmp/walk/getnext/use-getnext", &v2c_config, test_getnext);
        TEST_ADD_DATA ("/gsnmp/walk/end/end-of-mib-view", &v2c_config, test_end_of_mib);
        TEST_ADD_DATA ("/gsnmp/walk/end/v1-no-such-name", &v1_config, test_end_of_mib);
        TEST_ADD ("/gsnmp/walk/end/lexicographic", test_lexicographic);
        TEST_ADD ("/gsnmp/walk/limits/max-varbinds", test_max_varbinds);
        TEST_ADD ("/gsnmp/walk/limits/max-varbinds-getnext", test_max_varbinds_getnext);
        TEST_ADD ("/gsnmp/walk/limits/max-requests", test_max_requests);
        TEST_ADD ("/gsnmp/walk/bulk/large", test_large);
        TEST_ADD_DATA ("/gsnmp/walk/bulk/ipv6", &v6_config, test_ipv6);
        TEST_ADD_DATA ("/gsnmp/walk/scalar/v2c", &v2c_config, test_scalar);
        TEST_ADD_DATA ("/gsnmp/walk/scalar/v1", &v1_config, test_scalar);
        TEST_ADD ("/gsnmp/walk/agent/padded", test_padded);
        TEST_ADD ("/gsnmp/walk/agent/non-increasing-in-batch", test_non_increasing_in_batch);
        TEST_ADD ("/gsnmp/walk/agent/non-increasing", test_non_increasing);
        TEST_ADD ("/gsnmp/walk/agent/non-increasing-max-requests", test_non_increasing_max_requests);
        TEST_ADD ("/gsnmp/walk/agent/empty-response", test_empty_response);
        TEST_ADD ("/gsnmp/walk/agent/error-status", test_error_status);
        TEST_ADD ("/gsnmp/walk/agent/too-big", test_too_big);
        TEST_ADD ("/gsnmp/walk/io/timeout-mid-walk", test_timeout_mid_walk);
        TEST_ADD ("/gsnmp/walk/io/retry-mid-walk", test_retry_mid_walk);
        TEST_ADD ("/gsnmp/walk/io/cancel-before", test_cancel_before);
        TEST_ADD ("/gsnmp/walk/io/cancel-during", test_cancel_during);
        TEST_ADD ("/gsnmp/walk/io/pending", test_pending);
        TEST_ADD ("/gsnmp/walk/io/engine-closed", test_engine_closed);
        TEST_ADD ("/gsnmp/walk/all/engine-walk-async", test_engine_walk_async);
        TEST_ADD ("/gsnmp/walk/all/walk-all-async", test_walk_all_async);
        TEST_ADD ("/gsnmp/table/whole/holes", test_table_whole);
        TEST_ADD ("/gsnmp/table/whole/empty", test_table_empty);
        TEST_ADD ("/gsnmp/table/whole/multi-index", test_table_multi_index);
        TEST_ADD ("/gsnmp/table/limits/walk-options", test_table_limits);
        TEST_ADD ("/gsnmp/table/limits/max-duration", test_table_max_duration);
        TEST_ADD ("/gsnmp/walk/adaptive/drops-big-responses", test_adaptive_drops_big);
        TEST_ADD ("/gsnmp/walk/adaptive/too-big-above-n", test_adaptive_too_big);
        TEST_ADD ("/gsnmp/walk/adaptive/never-answers-bulk", test_adaptive_never_bulk);
        TEST_ADD ("/gsnmp/walk/adaptive/too-big-always", test_adaptive_too_big_always);
        TEST_ADD ("/gsnmp/walk/adaptive/off", test_adaptive_off);
        TEST_ADD ("/gsnmp/walk/limits/max-duration", test_max_duration);
        TEST_ADD ("/gsnmp/walk/limits/max-duration-cancel", test_max_duration_cancel);
        TEST_ADD_DATA ("/gsnmp/table/columns/v2c", &v2c_config, test_table_columns);
        TEST_ADD_DATA ("/gsnmp/table/columns/v1", &v1_config, test_table_columns);
        TEST_ADD_DATA ("/gsnmp/table/columns/walk-options", &v2c_config, test_table_columns_walk_options);
        TEST_ADD ("/gsnmp/table/agent/non-increasing", test_table_non_increasing);
        TEST_ADD ("/gsnmp/table/io/timeout", test_table_timeout);

        return g_test_run ();
}
