/* test-agent.c - the command responder's request processing: providers,
 * views, GET/GETNEXT/GETBULK/SET, built-in groups, snmprec
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gsnmp/gsnmp.h>

#include "gsnmp-agent-private.h"
#include "gsnmp-message-private.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-usm-private.h"
#include "gsnmp-test-utils.h"

#include <string.h>

/****************************************************************************/
/* Helpers */

typedef struct {
        gboolean  done;
        GsnmpPdu *response;
} Answer;

static void
on_response (GsnmpAgent *agent,
             GsnmpPdu   *response,
             gpointer    data)
{
        Answer *a = data;

        g_assert_false (a->done);
        a->done = TRUE;
        a->response = response ? gsnmp_pdu_ref (response) : NULL;
}

/* The tests' context: the fixture's store without the built-in groups,
 * which only the default context has. */
#define CTX "t"

static GsnmpAgentAccess
access_v2c (void)
{
        GsnmpAgentAccess access = { GSNMP_PROTOCOL_VERSION_V2C, CTX, NULL, NULL, 65507 };

        return access;
}

static void
reg (GsnmpAgent    *agent,
     gpointer       provider)
{
        g_autoptr(GError) error = NULL;

        g_assert_true (gsnmp_agent_register_provider (agent, CTX, provider, &error));
        g_assert_no_error (error);
}

static GsnmpPdu *
request_new (GsnmpPduType type,
             const char  *first_oid,
             ...)
{
        GsnmpPdu *pdu = gsnmp_pdu_new (type);
        const char *s;
        va_list ap;

        gsnmp_pdu_set_request_id (pdu, 4242);
        va_start (ap, first_oid);
        for (s = first_oid; s != NULL; s = va_arg (ap, const char *)) {
                g_autoptr(GsnmpOid) oid = test_oid (s);
                g_autoptr(GsnmpVarbind) vb = gsnmp_varbind_new_null (oid);

                gsnmp_pdu_add_varbind (pdu, vb);
        }
        va_end (ap);

        return pdu;
}

/* Processes @request and waits for the answer (transfer full; NULL when
 * the agent answers nothing). */
static GsnmpPdu *
process (GsnmpAgent             *agent,
         const GsnmpAgentAccess *access,
         GsnmpPdu               *request)
{
        Answer a = { 0, };

        gsnmp_agent_process (agent, access, request, on_response, &a);
        test_run_until (&a.done);
        if (a.response != NULL) {
                g_assert_cmpint (gsnmp_pdu_get_pdu_type (a.response), ==, GSNMP_PDU_TYPE_RESPONSE);
                g_assert_cmpint (gsnmp_pdu_get_request_id (a.response), ==, 4242);
        }
        return a.response;
}

static void
assert_varbind (GsnmpPdu   *pdu,
                guint       index,
                const char *expected)
{
        g_autofree char *s = NULL;

        g_assert_cmpuint (index, <, gsnmp_pdu_get_n_varbinds (pdu));
        s = gsnmp_varbind_to_string (gsnmp_pdu_get_varbind (pdu, index));
        g_assert_cmpstr (s, ==, expected);
}

static void
assert_error (GsnmpPdu *pdu,
              guint     status,
              guint     index)
{
        g_assert_nonnull (pdu);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (pdu), ==, status);
        g_assert_cmpuint (gsnmp_pdu_get_error_index (pdu), ==, index);
}

static GsnmpVarbind *
vb_int (const char *oid,
        gint32      v)
{
        g_autoptr(GsnmpOid) o = test_oid (oid);

        return gsnmp_varbind_new_integer (o, v);
}

static GsnmpVarbind *
vb_str (const char *oid,
        const char *v)
{
        g_autoptr(GsnmpOid) o = test_oid (oid);

        return gsnmp_varbind_new_string (o, v);
}

static void
store_add (GsnmpStoreProvider *store,
           GsnmpVarbind       *vb)
{
        gsnmp_store_provider_set (store, vb);
        gsnmp_varbind_unref (vb);
}

/* The test fixture: an engine, an agent, and an enterprise subtree
 * 1.3.6.1.4.1.99999 served by a store:
 *   .1.0 = INTEGER 1 (writable, INTEGER), .2.0 = STRING "two",
 *   .3.1.2.N = INTEGER N for N = 1..5 (a table column, creatable) */
typedef struct {
        GsnmpEngine        *engine;
        GsnmpAgent         *agent;
        GsnmpStoreProvider *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) root = test_oid ("1.3.6.1.4.1.99999");
        g_autoptr(GsnmpOid) scalar = test_oid ("1.3.6.1.4.1.99999.1.0");
        g_autoptr(GsnmpOid) column = test_oid ("1.3.6.1.4.1.99999.3.1.2");

        f->engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        f->agent = gsnmp_agent_new (f->engine);
        f->store = gsnmp_store_provider_new (root);
        store_add (f->store, vb_int ("1.3.6.1.4.1.99999.1.0", 1));
        store_add (f->store, vb_str ("1.3.6.1.4.1.99999.2.0", "two"));
        for (int i = 1; i <= 5; i++) {
                g_autofree char *s = g_strdup_printf ("1.3.6.1.4.1.99999.3.1.2.%d", i);

                store_add (f->store, vb_int (s, i));
        }
        gsnmp_store_provider_set_writable (f->store, scalar, GSNMP_VALUE_TYPE_INTEGER, FALSE);
        gsnmp_store_provider_set_writable (f->store, column, GSNMP_VALUE_TYPE_INTEGER, TRUE);
        g_assert_true (gsnmp_agent_register_provider (f->agent, NULL, GSNMP_PROVIDER (f->store), &error));
        g_assert_no_error (error);
        reg (f->agent, f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
        g_clear_object (&f->store);
        g_clear_object (&f->agent);
        g_clear_object (&f->engine);
}

#define FIXTURE_ADD(path, func) \
        g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)

/****************************************************************************/
/* GET */

static void
test_get_values (Fixture       *f,
                 gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpPdu) req = request_new (GSNMP_PDU_TYPE_GET,
                                               "1.3.6.1.4.1.99999.1.0",
                                               "1.3.6.1.4.1.99999.2.0",
                                               "1.3.6.1.4.1.99999.3.1.2.4",
                                               "1.3.6.1.4.1.99999.3.1.2.9",
                                               "1.3.6.1.4.1.99999.7.0",
                                               "1.3.6.1.4.1.12345.1.0",
                                               NULL);
        g_autoptr(GsnmpPdu) resp = process (f->agent, &access, req);

        assert_error (resp, 0, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 6);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
        assert_varbind (resp, 1, ".1.3.6.1.4.1.99999.2.0 = STRING: \"two\"");
        assert_varbind (resp, 2, ".1.3.6.1.4.1.99999.3.1.2.4 = INTEGER: 4");
        assert_varbind (resp, 3, ".1.3.6.1.4.1.99999.3.1.2.9 = No Such Instance currently exists at this OID");
        assert_varbind (resp, 4, ".1.3.6.1.4.1.99999.7.0 = No Such Object available on this agent at this OID");
        assert_varbind (resp, 5, ".1.3.6.1.4.1.12345.1.0 = No Such Object available on this agent at this OID");
}

static void
test_get_v1 (Fixture       *f,
             gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpPdu) ok = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.2.0", NULL);
        g_autoptr(GsnmpPdu) missing = request_new (GSNMP_PDU_TYPE_GET,
                                                   "1.3.6.1.4.1.99999.1.0",
                                                   "1.3.6.1.4.1.99999.3.1.2.9", NULL);
        g_autoptr(GsnmpPdu) c64 = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.5.0", NULL);
        g_autoptr(GsnmpOid) c64_oid = test_oid ("1.3.6.1.4.1.99999.5.0");
        g_autoptr(GsnmpVarbind) c64_vb = gsnmp_varbind_new_counter64 (c64_oid, 7);
        g_autoptr(GsnmpPdu) resp = NULL;

        gsnmp_store_provider_set (f->store, c64_vb);
        access.version = GSNMP_PROTOCOL_VERSION_V1;

        resp = process (f->agent, &access, ok);
        assert_error (resp, 0, 0);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.2.0 = STRING: \"two\"");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* RFC 3584 §4.2.2.1: an exception gives noSuchName, with the
         * request's varbinds */
        resp = process (f->agent, &access, missing);
        assert_error (resp, GSNMP_PDU_ERROR_NO_SUCH_NAME, 2);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 2);
        assert_varbind (resp, 1, ".1.3.6.1.4.1.99999.3.1.2.9 = NULL");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        resp = process (f->agent, &access, c64);
        assert_error (resp, GSNMP_PDU_ERROR_NO_SUCH_NAME, 1);
}

static void
test_get_too_big (Fixture       *f,
                  gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpPdu) req = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.9.0", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        g_autofree char *big = g_strnfill (600, 'x');

        store_add (f->store, vb_str ("1.3.6.1.4.1.99999.9.0", big));
        access.max_size = 500;

        /* RFC 3416 §4.2.1: tooBig, index 0, no varbinds */
        resp = process (f->agent, &access, req);
        assert_error (resp, GSNMP_PDU_ERROR_TOO_BIG, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 0);
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* SNMPv1 (RFC 1157 §4.1.2): the request's varbinds */
        access.version = GSNMP_PROTOCOL_VERSION_V1;
        resp = process (f->agent, &access, req);
        assert_error (resp, GSNMP_PDU_ERROR_TOO_BIG, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 1);

        /* snmpOutTooBigs, the engine's counter */
        g_assert_cmpuint (gsnmp_engine_get_counter (f->engine, GSNMP_COUNTER_OUT_TOO_BIGS), ==, 2);
}

/****************************************************************************/
/* GETNEXT */

static void
test_getnext_walk (Fixture       *f,
                   gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpPdu) req = request_new (GSNMP_PDU_TYPE_GET_NEXT,
                                               "1.3.6.1.4.1.99999",
                                               "1.3.6.1.4.1.99999.1.0",
                                               "1.3.6.1.4.1.99999.3.1.2.4",
                                               "1.3.6.1.4.1.99999.3.1.2.5",
                                               "1.3.6.1.4.1.99998.5",
                                               NULL);
        g_autoptr(GsnmpPdu) resp = process (f->agent, &access, req);

        assert_error (resp, 0, 0);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
        assert_varbind (resp, 1, ".1.3.6.1.4.1.99999.2.0 = STRING: \"two\"");
        assert_varbind (resp, 2, ".1.3.6.1.4.1.99999.3.1.2.5 = INTEGER: 5");
        assert_varbind (resp, 3, ".1.3.6.1.4.1.99999.3.1.2.5 = No more variables left in this MIB View (It is past the end of the MIB tree)");
        assert_varbind (resp, 4, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
}

/* From the empty start, GETNEXT goes through the built-in groups and the
 * store in OID order. */
static void
test_getnext_across_providers (Fixture       *f,
                               gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpOid) sys_descr = test_oid ("1.3.6.1.2.1.1.1.0");
        g_autoptr(GsnmpPdu) req = request_new (GSNMP_PDU_TYPE_GET_NEXT,
                                               "0.0",
                                               "1.3.6.1.2.1.1.9.1.4.4",   /* last sysORUpTime */
                                               "1.3.6.1.2.1.11.32.0",     /* last snmp counter */
                                               "1.3.6.1.6.3.10.2.1.4.0",  /* last engine scalar */
                                               "1.3.6.1.6.3.15.1.1.6.0",  /* last usmStats */
                                               NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        GsnmpVarbind *vb;

        access.context_name = NULL;
        resp = process (f->agent, &access, req);
        assert_error (resp, 0, 0);
        vb = gsnmp_pdu_get_varbind (resp, 0);
        g_assert_true (gsnmp_oid_equal (gsnmp_varbind_get_oid (vb), sys_descr));
        assert_varbind (resp, 1, ".1.3.6.1.2.1.11.1.0 = Counter32: 0");
        assert_varbind (resp, 2, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
        assert_varbind (resp, 3, ".1.3.6.1.6.3.11.2.1.1.0 = Counter32: 0");
        vb = gsnmp_pdu_get_varbind (resp, 4);
        g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
}

/* A provider registered under another's root serves its subtree; the
 * outer one serves around it. */
static void
test_getnext_nested (Fixture       *f,
                     gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpOid) inner_root = test_oid ("1.3.6.1.4.1.99999.3");
        g_autoptr(GsnmpStoreProvider) inner = gsnmp_store_provider_new (inner_root);
        g_autoptr(GsnmpPdu) req = NULL;
        g_autoptr(GsnmpPdu) resp = NULL;
        g_autoptr(GError) error = NULL;

        store_add (inner, vb_str ("1.3.6.1.4.1.99999.3.7.0", "inner"));
        store_add (f->store, vb_int ("1.3.6.1.4.1.99999.4.0", 4));
        g_assert_true (gsnmp_agent_register_provider (f->agent, CTX, GSNMP_PROVIDER (inner), &error));
        g_assert_no_error (error);

        /* Registering the same root twice fails */
        g_assert_false (gsnmp_agent_register_provider (f->agent, CTX, GSNMP_PROVIDER (inner), &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

        req = request_new (GSNMP_PDU_TYPE_GET_NEXT,
                           "1.3.6.1.4.1.99999.2.0",
                           "1.3.6.1.4.1.99999.3.7.0",
                           NULL);
        resp = process (f->agent, &access, req);
        assert_error (resp, 0, 0);
        /* the outer store's column under .3 is hidden by the inner one */
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.3.7.0 = STRING: \"inner\"");
        assert_varbind (resp, 1, ".1.3.6.1.4.1.99999.4.0 = INTEGER: 4");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        g_clear_pointer (&req, gsnmp_pdu_unref);
        req = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.3.1.2.1", NULL);
        resp = process (f->agent, &access, req);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.3.1.2.1 = No Such Object available on this agent at this OID");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* Unregistered, the outer store serves .3 again */
        g_assert_true (gsnmp_agent_unregister_provider (f->agent, CTX, GSNMP_PROVIDER (inner)));
        g_assert_false (gsnmp_agent_unregister_provider (f->agent, CTX, GSNMP_PROVIDER (inner)));
        resp = process (f->agent, &access, req);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.3.1.2.1 = INTEGER: 1");
}

static void
test_getnext_v1 (Fixture       *f,
                 gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpOid) c64_oid = test_oid ("1.3.6.1.4.1.99999.2.5");
        g_autoptr(GsnmpVarbind) c64 = gsnmp_varbind_new_counter64 (c64_oid, 1);
        g_autoptr(GsnmpPdu) req = request_new (GSNMP_PDU_TYPE_GET_NEXT, "1.3.6.1.4.1.99999.2.0", NULL);
        g_autoptr(GsnmpPdu) end = request_new (GSNMP_PDU_TYPE_GET_NEXT,
                                               "1.3.6.1.4.1.99999.1.0",
                                               "1.3.6.1.6.3.15.1.1.6.0", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;

        access.version = GSNMP_PROTOCOL_VERSION_V1;
        gsnmp_store_provider_set (f->store, c64);

        /* RFC 3584 §4.2.2.1: Counter64 is skipped */
        resp = process (f->agent, &access, req);
        assert_error (resp, 0, 0);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.3.1.2.1 = INTEGER: 1");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* endOfMibView is noSuchName */
        resp = process (f->agent, &access, end);
        assert_error (resp, GSNMP_PDU_ERROR_NO_SUCH_NAME, 2);
}

/* The O(log n) path still gives the right order with many rows. */
static void
test_getnext_large_table (Fixture       *f,
                          gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpOid) root = test_oid ("1.3.6.1.4.1.88888");
        g_autoptr(GsnmpStoreProvider) big = gsnmp_store_provider_new (root);
        g_autoptr(GsnmpPdu) req = NULL;
        g_autoptr(GsnmpPdu) resp = NULL;

        /* inserted out of order */
        for (int i = 20000; i >= 1; i--) {
                guint32 ids[] = { 1, 3, 6, 1, 4, 1, 88888, 1, 1, 2, (guint32) i };
                g_autoptr(GsnmpOid) oid = gsnmp_oid_new (ids, G_N_ELEMENTS (ids));
                g_autoptr(GsnmpVarbind) vb = gsnmp_varbind_new_integer (oid, i);

                gsnmp_store_provider_set (big, vb);
        }
        g_assert_cmpuint (gsnmp_store_provider_get_n_values (big), ==, 20000);
        reg (f->agent, big);

        req = request_new (GSNMP_PDU_TYPE_GET_NEXT,
                           "1.3.6.1.4.1.88888.1.1.2.9999",
                           "1.3.6.1.4.1.88888.1.1.2.9999.5",
                           "1.3.6.1.4.1.88888.1.1.2.20000",
                           NULL);
        resp = process (f->agent, &access, req);
        assert_error (resp, 0, 0);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.88888.1.1.2.10000 = INTEGER: 10000");
        assert_varbind (resp, 1, ".1.3.6.1.4.1.88888.1.1.2.10000 = INTEGER: 10000");
        assert_varbind (resp, 2, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
}

/****************************************************************************/
/* GETBULK */

static GsnmpPdu *
bulk_new (guint32     non_repeaters,
          guint32     max_repetitions,
          const char *first_oid,
          ...)
{
        GsnmpPdu *pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_GET_BULK);
        const char *s;
        va_list ap;

        gsnmp_pdu_set_request_id (pdu, 4242);
        gsnmp_pdu_set_bulk (pdu, non_repeaters, max_repetitions);
        va_start (ap, first_oid);
        for (s = first_oid; s != NULL; s = va_arg (ap, const char *)) {
                g_autoptr(GsnmpOid) oid = test_oid (s);
                g_autoptr(GsnmpVarbind) vb = gsnmp_varbind_new_null (oid);

                gsnmp_pdu_add_varbind (pdu, vb);
        }
        va_end (ap);

        return pdu;
}

static void
test_getbulk_repetitions (Fixture       *f,
                          gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpPdu) req = bulk_new (1, 3,
                                            "1.3.6.1.4.1.99999.1",
                                            "1.3.6.1.4.1.99999.3.1.2",
                                            "1.3.6.1.4.1.99999.3.1.2.4",
                                            NULL);
        g_autoptr(GsnmpPdu) resp = process (f->agent, &access, req);

        /* RFC 3416 §4.2.3: N + M * R varbinds, the repeaters interleaved */
        assert_error (resp, 0, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 7);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
        assert_varbind (resp, 1, ".1.3.6.1.4.1.99999.3.1.2.1 = INTEGER: 1");
        assert_varbind (resp, 2, ".1.3.6.1.4.1.99999.3.1.2.5 = INTEGER: 5");
        assert_varbind (resp, 3, ".1.3.6.1.4.1.99999.3.1.2.2 = INTEGER: 2");
        assert_varbind (resp, 4, ".1.3.6.1.4.1.99999.3.1.2.5 = No more variables left in this MIB View (It is past the end of the MIB tree)");
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (resp, 4)), ==,
                         GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
        assert_varbind (resp, 5, ".1.3.6.1.4.1.99999.3.1.2.3 = INTEGER: 3");
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (resp, 6)), ==,
                         GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
}

static void
test_getbulk_edges (Fixture       *f,
                    gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpPdu) zero = bulk_new (0, 0, "1.3.6.1.4.1.99999", NULL);
        g_autoptr(GsnmpPdu) all_nr = bulk_new (5, 10, "1.3.6.1.4.1.99999", "1.3.6.1.4.1.99999.1.0", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;

        /* max-repetitions 0: only the non-repeaters, here none */
        resp = process (f->agent, &access, zero);
        assert_error (resp, 0, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 0);
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* non-repeaters above the number of varbinds: N = L */
        resp = process (f->agent, &access, all_nr);
        assert_error (resp, 0, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 2);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
        assert_varbind (resp, 1, ".1.3.6.1.4.1.99999.2.0 = STRING: \"two\"");
}

/* max-repetitions 2^31-1 over a long table: the response stops at the
 * message size, whatever was asked. */
static void
test_getbulk_huge (Fixture       *f,
                   gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpOid) root = test_oid ("1.3.6.1.4.1.88888");
        g_autoptr(GsnmpStoreProvider) big = gsnmp_store_provider_new (root);
        g_autoptr(GsnmpPdu) req = bulk_new (0, G_MAXINT32, "1.3.6.1.4.1.88888", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        gsize size = 0;
        guint n;

        for (int i = 1; i <= 5000; i++) {
                guint32 ids[] = { 1, 3, 6, 1, 4, 1, 88888, 1, (guint32) i };
                g_autoptr(GsnmpOid) oid = gsnmp_oid_new (ids, G_N_ELEMENTS (ids));
                g_autoptr(GsnmpVarbind) vb = gsnmp_varbind_new_integer (oid, i);

                gsnmp_store_provider_set (big, vb);
        }
        reg (f->agent, big);

        access.max_size = 1400;
        resp = process (f->agent, &access, req);
        assert_error (resp, 0, 0);
        n = gsnmp_pdu_get_n_varbinds (resp);
        g_assert_cmpuint (n, >, 10);
        g_assert_cmpuint (n, <, 200);
        for (guint i = 0; i < n; i++)
                size += gsnmp_agent_varbind_size (gsnmp_pdu_get_varbind (resp, i));
        g_assert_cmpuint (size, <=, 1400);
        /* and no room for one more */
        g_assert_cmpuint (size + gsnmp_agent_varbind_size (gsnmp_pdu_get_varbind (resp, 0)) + 10, >, 1400);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.88888.1.1 = INTEGER: 1");
}

/****************************************************************************/
/* Views */

static void
test_view_read (Fixture       *f,
                gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpView) view = gsnmp_view_new ();
        g_autoptr(GsnmpOid) ent = test_oid ("1.3.6.1.4.1.99999");
        g_autoptr(GsnmpOid) two = test_oid ("1.3.6.1.4.1.99999.2");
        g_autoptr(GsnmpOid) col = test_oid ("1.3.6.1.4.1.99999.3");
        g_autoptr(GsnmpOid) row3 = test_oid ("1.3.6.1.4.1.99999.3.1.2.3");
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET,
                                               "1.3.6.1.4.1.99999.1.0",
                                               "1.3.6.1.4.1.99999.2.0",
                                               "1.3.6.1.2.1.1.5.0", NULL);
        g_autoptr(GsnmpPdu) next = request_new (GSNMP_PDU_TYPE_GET_NEXT,
                                                "0.0",
                                                "1.3.6.1.4.1.99999.1.0",
                                                "1.3.6.1.4.1.99999.3.1.2.3", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;

        /* the enterprise subtree but .2 and .3, plus row 3 of the column */
        gsnmp_view_include_subtree (view, ent);
        gsnmp_view_exclude_subtree (view, two);
        gsnmp_view_exclude_subtree (view, col);
        gsnmp_view_include_subtree (view, row3);
        g_assert_true (gsnmp_view_contains (view, row3));
        g_assert_false (gsnmp_view_contains (view, two));
        access.read_view = view;

        resp = process (f->agent, &access, get);
        assert_error (resp, 0, 0);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
        assert_varbind (resp, 1, ".1.3.6.1.4.1.99999.2.0 = No Such Object available on this agent at this OID");
        assert_varbind (resp, 2, ".1.3.6.1.2.1.1.5.0 = No Such Object available on this agent at this OID");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        resp = process (f->agent, &access, next);
        assert_error (resp, 0, 0);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
        assert_varbind (resp, 1, ".1.3.6.1.4.1.99999.3.1.2.3 = INTEGER: 3");
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (resp, 2)), ==,
                         GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
        assert_varbind (resp, 2, ".1.3.6.1.4.1.99999.3.1.2.3 = No more variables left in this MIB View (It is past the end of the MIB tree)");
}

static void
test_view_write (Fixture       *f,
                 gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpView) view = gsnmp_view_new ();
        g_autoptr(GsnmpOid) col = test_oid ("1.3.6.1.4.1.99999.3");
        g_autoptr(GsnmpPdu) set = gsnmp_pdu_new (GSNMP_PDU_TYPE_SET);
        g_autoptr(GsnmpVarbind) a = vb_int ("1.3.6.1.4.1.99999.3.1.2.1", 10);
        g_autoptr(GsnmpVarbind) b = vb_int ("1.3.6.1.4.1.99999.1.0", 10);
        g_autoptr(GsnmpPdu) resp = NULL;

        gsnmp_pdu_set_request_id (set, 4242);
        gsnmp_pdu_add_varbind (set, a);
        gsnmp_pdu_add_varbind (set, b);
        gsnmp_view_include_subtree (view, col);

        /* read-only: noAccess on the first */
        resp = process (f->agent, &access, set);
        assert_error (resp, GSNMP_PDU_ERROR_NO_ACCESS, 1);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 2);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.3.1.2.1 = INTEGER: 10");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* only the column writable: noAccess on the second */
        access.write_view = view;
        resp = process (f->agent, &access, set);
        assert_error (resp, GSNMP_PDU_ERROR_NO_ACCESS, 2);
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* v1: noSuchName (RFC 3584 §4.4) */
        access.version = GSNMP_PROTOCOL_VERSION_V1;
        resp = process (f->agent, &access, set);
        assert_error (resp, GSNMP_PDU_ERROR_NO_SUCH_NAME, 2);
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* nothing was written */
        g_assert_cmpint (gsnmp_varbind_get_integer (gsnmp_store_provider_lookup (f->store, gsnmp_varbind_get_oid (a))), ==, 1);
}

/****************************************************************************/
/* SET */

static GsnmpPdu *
set_new (GsnmpVarbind *first,
         ...)
{
        GsnmpPdu *pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_SET);
        GsnmpVarbind *vb;
        va_list ap;

        gsnmp_pdu_set_request_id (pdu, 4242);
        va_start (ap, first);
        for (vb = first; vb != NULL; vb = va_arg (ap, GsnmpVarbind *)) {
                gsnmp_pdu_add_varbind (pdu, vb);
                gsnmp_varbind_unref (vb);
        }
        va_end (ap);

        return pdu;
}

static GsnmpAgentAccess
access_rw (void)
{
        static GsnmpView *all;
        GsnmpAgentAccess access = access_v2c ();

        if (all == NULL)
                all = gsnmp_view_new_all ();
        access.write_view = all;
        return access;
}

static gint32
store_int (Fixture    *f,
           const char *oid)
{
        g_autoptr(GsnmpOid) o = test_oid (oid);
        GsnmpVarbind *vb = gsnmp_store_provider_lookup (f->store, o);

        return vb ? gsnmp_varbind_get_integer (vb) : -1;
}

static void
test_set_ok (Fixture       *f,
             gconstpointer  data)
{
        GsnmpAgentAccess access = access_rw ();
        g_autoptr(GsnmpPdu) req = set_new (vb_int ("1.3.6.1.4.1.99999.1.0", 11),
                                           vb_int ("1.3.6.1.4.1.99999.3.1.2.2", 22),
                                           vb_int ("1.3.6.1.4.1.99999.3.1.2.6", 66),  /* created */
                                           NULL);
        g_autoptr(GsnmpPdu) resp = process (f->agent, &access, req);

        assert_error (resp, 0, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 3);
        assert_varbind (resp, 2, ".1.3.6.1.4.1.99999.3.1.2.6 = INTEGER: 66");
        g_assert_cmpint (store_int (f, "1.3.6.1.4.1.99999.1.0"), ==, 11);
        g_assert_cmpint (store_int (f, "1.3.6.1.4.1.99999.3.1.2.2"), ==, 22);
        g_assert_cmpint (store_int (f, "1.3.6.1.4.1.99999.3.1.2.6"), ==, 66);
}

static guint validate_status;

static guint
on_validate (GsnmpStoreProvider *store,
             GsnmpVarbind       *value,
             gpointer            data)
{
        /* refuse 1000 and above */
        if (gsnmp_varbind_get_value_type (value) == GSNMP_VALUE_TYPE_INTEGER &&
            gsnmp_varbind_get_integer (value) >= 1000)
                return validate_status;
        return 0;
}

typedef struct {
        const char *name;
        guint       v2_status;
        guint       v1_status;
        guint       index;
} SetErrorCase;

static void
test_set_errors (Fixture       *f,
                 gconstpointer  data)
{
        GsnmpAgentAccess access = access_rw ();
        static const guint refused[] = {
                GSNMP_PDU_ERROR_WRONG_VALUE, GSNMP_PDU_ERROR_WRONG_LENGTH,
                GSNMP_PDU_ERROR_WRONG_ENCODING, GSNMP_PDU_ERROR_INCONSISTENT_VALUE,
                GSNMP_PDU_ERROR_RESOURCE_UNAVAILABLE, GSNMP_PDU_ERROR_INCONSISTENT_NAME,
        };
        static const guint refused_v1[] = {
                GSNMP_PDU_ERROR_BAD_VALUE, GSNMP_PDU_ERROR_BAD_VALUE,
                GSNMP_PDU_ERROR_BAD_VALUE, GSNMP_PDU_ERROR_BAD_VALUE,
                GSNMP_PDU_ERROR_GEN_ERR, GSNMP_PDU_ERROR_NO_SUCH_NAME,
        };
        g_autoptr(GsnmpPdu) resp = NULL;

        g_signal_connect (f->store, "validate", G_CALLBACK (on_validate), NULL);

        /* notWritable: read-only instance; no provider at all */
        {
                g_autoptr(GsnmpPdu) req = set_new (vb_int ("1.3.6.1.4.1.99999.1.0", 5),
                                                   vb_str ("1.3.6.1.4.1.99999.2.0", "x"), NULL);
                g_autoptr(GsnmpPdu) req2 = set_new (vb_int ("1.3.6.1.4.1.99999.1.0", 5),
                                                    vb_int ("1.3.6.1.4.1.12345.1.0", 5), NULL);

                resp = process (f->agent, &access, req);
                assert_error (resp, GSNMP_PDU_ERROR_NOT_WRITABLE, 2);
                g_clear_pointer (&resp, gsnmp_pdu_unref);
                resp = process (f->agent, &access, req2);
                assert_error (resp, GSNMP_PDU_ERROR_NOT_WRITABLE, 2);
                g_clear_pointer (&resp, gsnmp_pdu_unref);
        }

        /* wrongType */
        {
                g_autoptr(GsnmpPdu) req = set_new (vb_str ("1.3.6.1.4.1.99999.1.0", "x"), NULL);

                resp = process (f->agent, &access, req);
                assert_error (resp, GSNMP_PDU_ERROR_WRONG_TYPE, 1);
                g_clear_pointer (&resp, gsnmp_pdu_unref);
                access.version = GSNMP_PROTOCOL_VERSION_V1;
                resp = process (f->agent, &access, req);
                assert_error (resp, GSNMP_PDU_ERROR_BAD_VALUE, 1);
                g_clear_pointer (&resp, gsnmp_pdu_unref);
                access.version = GSNMP_PROTOCOL_VERSION_V2C;
        }

        /* noCreation: the scalar's subtree is writable, not creatable */
        {
                g_autoptr(GsnmpOid) sub = test_oid ("1.3.6.1.4.1.99999.8");
                g_autoptr(GsnmpPdu) req = set_new (vb_int ("1.3.6.1.4.1.99999.3.1.2.1", 5),
                                                   vb_int ("1.3.6.1.4.1.99999.8.1", 5), NULL);

                gsnmp_store_provider_set_writable (f->store, sub, GSNMP_VALUE_TYPE_INTEGER, FALSE);
                resp = process (f->agent, &access, req);
                assert_error (resp, GSNMP_PDU_ERROR_NO_CREATION, 2);
                g_clear_pointer (&resp, gsnmp_pdu_unref);
                access.version = GSNMP_PROTOCOL_VERSION_V1;
                resp = process (f->agent, &access, req);
                assert_error (resp, GSNMP_PDU_ERROR_NO_SUCH_NAME, 2);
                g_clear_pointer (&resp, gsnmp_pdu_unref);
                access.version = GSNMP_PROTOCOL_VERSION_V2C;
        }

        /* what the application refuses, at the right index, v2 and v1 */
        for (gsize i = 0; i < G_N_ELEMENTS (refused); i++) {
                g_autoptr(GsnmpPdu) req = set_new (vb_int ("1.3.6.1.4.1.99999.3.1.2.1", 7),
                                                   vb_int ("1.3.6.1.4.1.99999.3.1.2.2", 8),
                                                   vb_int ("1.3.6.1.4.1.99999.3.1.2.3", 1000),
                                                   vb_int ("1.3.6.1.4.1.99999.3.1.2.4", 1001),
                                                   NULL);

                validate_status = refused[i];
                resp = process (f->agent, &access, req);
                assert_error (resp, refused[i], 3);
                g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 4);
                assert_varbind (resp, 3, ".1.3.6.1.4.1.99999.3.1.2.4 = INTEGER: 1001");
                g_clear_pointer (&resp, gsnmp_pdu_unref);

                access.version = GSNMP_PROTOCOL_VERSION_V1;
                resp = process (f->agent, &access, req);
                assert_error (resp, refused_v1[i], 3);
                g_clear_pointer (&resp, gsnmp_pdu_unref);
                access.version = GSNMP_PROTOCOL_VERSION_V2C;
        }

        /* nothing was written by any of them */
        g_assert_cmpint (store_int (f, "1.3.6.1.4.1.99999.3.1.2.1"), ==, 1);
        g_assert_cmpint (store_int (f, "1.3.6.1.4.1.99999.3.1.2.2"), ==, 2);
        g_assert_cmpint (store_int (f, "1.3.6.1.4.1.99999.1.0"), ==, 1);
}

/* A provider whose commits (and undos) fail on demand, recording what it
 * was asked. */
#define TEST_TYPE_FLAKY (test_flaky_get_type ())
G_DECLARE_FINAL_TYPE (TestFlaky, test_flaky, TEST, FLAKY, GsnmpProvider)

struct _TestFlaky {
        GsnmpProvider parent_instance;
        gint32        value;
        gboolean      fail_commit;
        gboolean      fail_undo;
        GString      *log;
        GPtrArray    *held;     /* requests kept for later (async) */
        gboolean      hold;
        guint         hold_only; /* 1 + the only operation held, or 0 */
};

G_DEFINE_FINAL_TYPE (TestFlaky, test_flaky, GSNMP_TYPE_PROVIDER)

static void flaky_answer (TestFlaky *self, GsnmpProviderRequest *request);

/* Answers every request held, and those they lead to, until @flag. */
static void
flaky_pump (TestFlaky *self,
            gboolean  *flag)
{
        while (!*flag && self->held->len > 0) {
                g_autoptr(GsnmpProviderRequest) r = g_object_ref (g_ptr_array_index (self->held, 0));

                g_ptr_array_remove_index (self->held, 0);
                flaky_answer (self, r);
        }
}

static void
test_flaky_handle (GsnmpProvider        *provider,
                   GsnmpProviderRequest *request)
{
        TestFlaky *self = TEST_FLAKY (provider);
        GsnmpProviderOperation op = gsnmp_provider_request_get_operation (request);
        static const char *names[] = { "get", "next", "test", "commit", "undo" };

        g_string_append_printf (self->log, "%s:%u ", names[op], gsnmp_provider_request_get_n_oids (request));

        if (self->hold || (self->hold_only != 0 && op == self->hold_only - 1)) {
                g_ptr_array_add (self->held, g_object_ref (request));
                return;
        }
        flaky_answer (self, request);
}

static void
flaky_answer (TestFlaky            *self,
              GsnmpProviderRequest *request)
{
        GsnmpProvider *provider = GSNMP_PROVIDER (self);
        GsnmpProviderOperation op = gsnmp_provider_request_get_operation (request);

        for (guint i = 0; i < gsnmp_provider_request_get_n_oids (request); i++) {
                GsnmpOid *oid = gsnmp_provider_request_get_oid (request, i);
                GsnmpVarbind *vb = gsnmp_provider_request_get_varbind (request, i);
                g_autoptr(GsnmpVarbind) answer = NULL;

                switch (op) {
                case GSNMP_PROVIDER_OPERATION_GET:
                        answer = gsnmp_varbind_new_integer (oid, self->value);
                        gsnmp_provider_request_set_value (request, i, answer);
                        break;
                case GSNMP_PROVIDER_OPERATION_GET_NEXT:
                        if (gsnmp_oid_compare (oid, gsnmp_provider_get_root (provider)) <= 0) {
                                guint32 zero = 0;
                                g_autoptr(GsnmpOid) inst = gsnmp_oid_new_child (gsnmp_provider_get_root (provider), &zero, 1);

                                answer = gsnmp_varbind_new_integer (inst, self->value);
                        } else {
                                answer = gsnmp_varbind_new_exception (oid, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
                        }
                        gsnmp_provider_request_set_value (request, i, answer);
                        break;
                case GSNMP_PROVIDER_OPERATION_SET_TEST:
                        break;
                case GSNMP_PROVIDER_OPERATION_SET_COMMIT:
                        if (self->fail_commit)
                                gsnmp_provider_request_set_error (request, i, GSNMP_PDU_ERROR_COMMIT_FAILED);
                        else
                                self->value = gsnmp_varbind_get_integer (vb);
                        break;
                case GSNMP_PROVIDER_OPERATION_SET_UNDO:
                        if (self->fail_undo)
                                gsnmp_provider_request_set_error (request, i, GSNMP_PDU_ERROR_UNDO_FAILED);
                        else if (!gsnmp_varbind_is_exception (vb))
                                self->value = gsnmp_varbind_get_integer (vb);
                        break;
                }
        }
        gsnmp_provider_request_complete (request);
}

static void
test_flaky_finalize (GObject *object)
{
        TestFlaky *self = TEST_FLAKY (object);

        g_string_free (self->log, TRUE);
        g_ptr_array_unref (self->held);
        G_OBJECT_CLASS (test_flaky_parent_class)->finalize (object);
}

static void
test_flaky_class_init (TestFlakyClass *klass)
{
        G_OBJECT_CLASS (klass)->finalize = test_flaky_finalize;
        GSNMP_PROVIDER_CLASS (klass)->handle = test_flaky_handle;
}

static void
test_flaky_init (TestFlaky *self)
{
        self->log = g_string_new (NULL);
        self->held = g_ptr_array_new_with_free_func (g_object_unref);
}

static TestFlaky *
flaky_new (const char *root)
{
        g_autoptr(GsnmpOid) oid = test_oid (root);

        return g_object_new (TEST_TYPE_FLAKY, "root", oid, NULL);
}

static void
test_set_commit_failed (Fixture       *f,
                        gconstpointer  data)
{
        GsnmpAgentAccess access = access_rw ();
        g_autoptr(TestFlaky) flaky = flaky_new ("1.3.6.1.4.1.77777");
        g_autoptr(GsnmpPdu) req = set_new (vb_int ("1.3.6.1.4.1.99999.3.1.2.1", 100),
                                           vb_int ("1.3.6.1.4.1.99999.3.1.2.7", 700),  /* created */
                                           vb_int ("1.3.6.1.4.1.77777.0", 5),
                                           NULL);
        g_autoptr(GsnmpPdu) resp = NULL;

        flaky->value = 3;
        flaky->fail_commit = TRUE;
        reg (f->agent, flaky);

        /* the store's commits are undone: old value back, new row gone */
        resp = process (f->agent, &access, req);
        assert_error (resp, GSNMP_PDU_ERROR_COMMIT_FAILED, 3);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 3);
        g_assert_cmpint (store_int (f, "1.3.6.1.4.1.99999.3.1.2.1"), ==, 1);
        g_assert_cmpint (store_int (f, "1.3.6.1.4.1.99999.3.1.2.7"), ==, -1);
        g_assert_cmpstr (flaky->log->str, ==, "test:1 get:1 commit:1 undo:1 ");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* v1: genErr */
        access.version = GSNMP_PROTOCOL_VERSION_V1;
        resp = process (f->agent, &access, req);
        assert_error (resp, GSNMP_PDU_ERROR_GEN_ERR, 3);
        g_clear_pointer (&resp, gsnmp_pdu_unref);
        access.version = GSNMP_PROTOCOL_VERSION_V2C;

        /* and undoFailed when the undo fails too */
        flaky->fail_undo = TRUE;
        resp = process (f->agent, &access, req);
        assert_error (resp, GSNMP_PDU_ERROR_UNDO_FAILED, 3);
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* a commit that works */
        flaky->fail_commit = FALSE;
        resp = process (f->agent, &access, req);
        assert_error (resp, 0, 0);
        g_assert_cmpint (flaky->value, ==, 5);
        g_assert_cmpint (store_int (f, "1.3.6.1.4.1.99999.3.1.2.7"), ==, 700);
}

/* SETs run one at a time: a second SET waits for the first, held by an
 * asynchronous provider, and then sees its result. */
static void
test_set_concurrent (Fixture       *f,
                     gconstpointer  data)
{
        GsnmpAgentAccess access = access_rw ();
        g_autoptr(TestFlaky) flaky = flaky_new ("1.3.6.1.4.1.77777");
        g_autoptr(GsnmpPdu) set1 = set_new (vb_int ("1.3.6.1.4.1.77777.0", 10), NULL);
        g_autoptr(GsnmpPdu) set2 = set_new (vb_int ("1.3.6.1.4.1.77777.0", 20), NULL);
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.1.0", NULL);
        Answer a1 = { 0, }, a2 = { 0, };
        g_autoptr(GsnmpPdu) resp = NULL;

        reg (f->agent, flaky);
        flaky->hold = TRUE;

        gsnmp_agent_process (f->agent, &access, set1, on_response, &a1);
        gsnmp_agent_process (f->agent, &access, set2, on_response, &a2);
        g_assert_cmpuint (flaky->held->len, ==, 1);   /* only set1's test */
        g_assert_cmpuint (gsnmp_agent_get_n_processing (f->agent), ==, 2);

        /* GETs are served meanwhile */
        resp = process (f->agent, &access, get);
        assert_error (resp, 0, 0);

        /* release set1 phase by phase: set2 waits */
        flaky_pump (flaky, &a1.done);
        g_assert_true (a1.done);
        assert_error (a1.response, 0, 0);
        g_assert_cmpint (flaky->value, ==, 10);
        g_clear_pointer (&a1.response, gsnmp_pdu_unref);

        /* set2 has started now */
        g_assert_false (a2.done);
        flaky_pump (flaky, &a2.done);
        g_assert_true (a2.done);
        assert_error (a2.response, 0, 0);
        g_assert_cmpint (flaky->value, ==, 20);
        g_clear_pointer (&a2.response, gsnmp_pdu_unref);
        g_assert_cmpstr (flaky->log->str, ==,
                         "test:1 get:1 commit:1 test:1 get:1 commit:1 ");
}

/****************************************************************************/
/* Asynchronous providers */

static gboolean
complete_later (gpointer data)
{
        TestFlaky *flaky = data;
        g_autoptr(GPtrArray) held = g_steal_pointer (&flaky->held);

        flaky->held = g_ptr_array_new_with_free_func (g_object_unref);
        for (guint i = 0; i < held->len; i++)
                flaky_answer (flaky, g_ptr_array_index (held, i));
        return G_SOURCE_REMOVE;
}

static void
test_async_late (Fixture       *f,
                 gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(TestFlaky) flaky = flaky_new ("1.3.6.1.4.1.77777");
        g_autoptr(GsnmpPdu) req = request_new (GSNMP_PDU_TYPE_GET_NEXT,
                                               "1.3.6.1.4.1.77776",
                                               "1.3.6.1.4.1.77777.0", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        Answer a = { 0, };

        flaky->value = 77;
        flaky->hold = TRUE;
        reg (f->agent, flaky);

        gsnmp_agent_process (f->agent, &access, req, on_response, &a);
        g_assert_false (a.done);
        /* answered from an idle, after the request returned */
        g_idle_add (complete_later, flaky);
        test_run_until (&a.done);
        resp = g_steal_pointer (&a.response);
        assert_error (resp, 0, 0);
        /* the provider is asked from just before its root; after its
         * .0 comes the store */
        assert_varbind (resp, 0, ".1.3.6.1.4.1.77777.0 = INTEGER: 77");
        assert_varbind (resp, 1, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
        g_assert_cmpstr (flaky->log->str, ==, "next:2 ");
}

static void
test_async_never (Fixture       *f,
                  gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(TestFlaky) flaky = flaky_new ("1.3.6.1.4.1.77777");
        g_autoptr(GsnmpPdu) req = request_new (GSNMP_PDU_TYPE_GET,
                                               "1.3.6.1.4.1.99999.1.0",
                                               "1.3.6.1.4.1.77777.0", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        GCancellable *cancellable;
        g_autoptr(GsnmpProviderRequest) held = NULL;

        flaky->hold = TRUE;
        reg (f->agent, flaky);
        gsnmp_agent_set_provider_timeout (f->agent, 50);

        /* genErr at the provider's varbind, not a hang */
        resp = process (f->agent, &access, req);
        assert_error (resp, GSNMP_PDU_ERROR_GEN_ERR, 2);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 2);

        /* the provider's request was cancelled; completing it late is
         * harmless */
        g_assert_cmpuint (flaky->held->len, ==, 1);
        held = g_object_ref (g_ptr_array_index (flaky->held, 0));
        cancellable = gsnmp_provider_request_get_cancellable (held);
        g_assert_true (g_cancellable_is_cancelled (cancellable));
        gsnmp_provider_request_complete (held);
        g_assert_cmpuint (gsnmp_agent_get_n_processing (f->agent), ==, 0);
}

/* A provider that never completes a SET phase: the deadline gives genErr
 * at its varbind for SET_TEST, commitFailed for SET_COMMIT (RFC 3416
 * §4.2.5), never a hang; the held request is cancelled */
static void
test_set_never (Fixture       *f,
                gconstpointer  data)
{
        GsnmpProviderOperation op = GPOINTER_TO_UINT (data);
        GsnmpAgentAccess access = access_rw ();
        g_autoptr(TestFlaky) flaky = flaky_new ("1.3.6.1.4.1.77777");
        g_autoptr(GsnmpPdu) req = set_new (vb_int ("1.3.6.1.4.1.99999.1.0", 42),
                                           vb_int ("1.3.6.1.4.1.77777.0", 5), NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        g_autoptr(GsnmpProviderRequest) held = NULL;

        flaky->hold_only = op + 1;
        reg (f->agent, flaky);
        gsnmp_agent_set_provider_timeout (f->agent, 50);

        resp = process (f->agent, &access, req);
        g_test_message ("log: %s", flaky->log->str);
        if (op == GSNMP_PROVIDER_OPERATION_SET_TEST)
                assert_error (resp, GSNMP_PDU_ERROR_GEN_ERR, 2);
        else
                assert_error (resp, GSNMP_PDU_ERROR_COMMIT_FAILED, 2);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 2);
        /* nothing written, or the store's write undone */
        g_assert_cmpint (gsnmp_varbind_get_integer (gsnmp_store_provider_lookup (f->store, gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (req, 0)))), ==, 1);

        g_assert_cmpuint (flaky->held->len, ==, 1);
        held = g_object_ref (g_ptr_array_index (flaky->held, 0));
        g_assert_cmpint (gsnmp_provider_request_get_operation (held), ==, op);
        g_assert_true (g_cancellable_is_cancelled (gsnmp_provider_request_get_cancellable (held)));
        gsnmp_provider_request_complete (held);
        g_assert_cmpuint (gsnmp_agent_get_n_processing (f->agent), ==, 0);
}

static void
test_async_close (Fixture       *f,
                  gconstpointer  data)
{
        GsnmpAgentAccess access = access_rw ();
        g_autoptr(TestFlaky) flaky = flaky_new ("1.3.6.1.4.1.77777");
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.77777.0", NULL);
        g_autoptr(GsnmpPdu) set1 = set_new (vb_int ("1.3.6.1.4.1.77777.0", 1), NULL);
        g_autoptr(GsnmpPdu) set2 = set_new (vb_int ("1.3.6.1.4.1.77777.0", 2), NULL);
        Answer a = { 0, }, b = { 0, }, c = { 0, }, d = { 0, };
        GCancellable *cancellable;

        flaky->hold = TRUE;
        reg (f->agent, flaky);

        gsnmp_agent_process (f->agent, &access, get, on_response, &a);
        gsnmp_agent_process (f->agent, &access, set1, on_response, &b);
        gsnmp_agent_process (f->agent, &access, set2, on_response, &c);
        g_assert_cmpuint (flaky->held->len, ==, 2);
        cancellable = gsnmp_provider_request_get_cancellable (g_ptr_array_index (flaky->held, 0));
        g_assert_false (g_cancellable_is_cancelled (cancellable));

        /* close: nothing is answered, every held request is cancelled */
        gsnmp_agent_close (f->agent);
        g_assert_true (a.done && b.done && c.done);
        g_assert_null (a.response);
        g_assert_null (b.response);
        g_assert_null (c.response);
        g_assert_true (g_cancellable_is_cancelled (cancellable));
        g_assert_true (g_cancellable_is_cancelled (gsnmp_provider_request_get_cancellable (g_ptr_array_index (flaky->held, 1))));
        g_assert_cmpuint (gsnmp_agent_get_n_processing (f->agent), ==, 0);

        /* late completions do nothing; new requests get no answer */
        gsnmp_provider_request_complete (g_ptr_array_index (flaky->held, 0));
        gsnmp_agent_process (f->agent, &access, get, on_response, &d);
        g_assert_true (d.done);
        g_assert_null (d.response);
}

/****************************************************************************/
/* Built-in groups */

static void
test_builtin_system (Fixture       *f,
                     gconstpointer  data)
{
        GsnmpAgentAccess access = access_rw ();
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET,
                                               "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0",
                                               "1.3.6.1.2.1.1.4.0", "1.3.6.1.2.1.1.5.0",
                                               "1.3.6.1.2.1.1.7.0", "1.3.6.1.2.1.1.9.1.2.1",
                                               "1.3.6.1.2.1.1.9.1.3.1", "1.3.6.1.2.1.1.3.0",
                                               "1.3.6.1.6.3.10.2.1.2.0", "1.3.6.1.2.1.1.1.1",
                                               NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.4.1.8072.3.2.10");
        g_autoptr(GsnmpOid) cap = test_oid ("1.3.6.1.4.1.99999.100");
        g_autofree char *long_name = g_strnfill (256, 'n');
        GsnmpVarbind *vb;

        access.context_name = NULL;
        gsnmp_agent_set_sys_descr (f->agent, "test agent");
        gsnmp_agent_set_sys_object_id (f->agent, oid);
        gsnmp_agent_set_sys_contact (f->agent, "root@example.org");
        gsnmp_agent_set_sys_name (f->agent, "box");

        resp = process (f->agent, &access, get);
        assert_error (resp, 0, 0);
        assert_varbind (resp, 0, ".1.3.6.1.2.1.1.1.0 = STRING: \"test agent\"");
        assert_varbind (resp, 1, ".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.8072.3.2.10");
        assert_varbind (resp, 2, ".1.3.6.1.2.1.1.4.0 = STRING: \"root@example.org\"");
        assert_varbind (resp, 3, ".1.3.6.1.2.1.1.5.0 = STRING: \"box\"");
        assert_varbind (resp, 4, ".1.3.6.1.2.1.1.7.0 = INTEGER: 72");
        assert_varbind (resp, 5, ".1.3.6.1.2.1.1.9.1.2.1 = OID: .1.3.6.1.6.3.1");
        assert_varbind (resp, 6, ".1.3.6.1.2.1.1.9.1.3.1 = STRING: \"The MIB module for SNMPv2 entities\"");
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (resp, 7)), ==, GSNMP_VALUE_TYPE_TIMETICKS);
        vb = gsnmp_pdu_get_varbind (resp, 8);
        g_assert_cmpint (gsnmp_varbind_get_integer (vb), ==, (gint32) gsnmp_engine_get_engine_boots (f->engine));
        assert_varbind (resp, 9, ".1.3.6.1.2.1.1.1.1 = No Such Instance currently exists at this OID");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* sysORTable grows with add_capability */
        gsnmp_agent_add_capability (f->agent, cap, "test capability");
        {
                g_autoptr(GsnmpPdu) next = request_new (GSNMP_PDU_TYPE_GET_NEXT, "1.3.6.1.2.1.1.9.1.2.4",
                                                        "1.3.6.1.2.1.1.9.1.3.4", NULL);

                resp = process (f->agent, &access, next);
                assert_varbind (resp, 0, ".1.3.6.1.2.1.1.9.1.2.5 = OID: .1.3.6.1.4.1.99999.100");
                assert_varbind (resp, 1, ".1.3.6.1.2.1.1.9.1.3.5 = STRING: \"test capability\"");
                g_clear_pointer (&resp, gsnmp_pdu_unref);
        }

        /* sysName, sysLocation writable; sysDescr not; length and type */
        {
                g_autoptr(GsnmpPdu) set = set_new (vb_str ("1.3.6.1.2.1.1.5.0", "newname"),
                                                   vb_str ("1.3.6.1.2.1.1.6.0", "lab"), NULL);
                g_autoptr(GsnmpPdu) ro = set_new (vb_str ("1.3.6.1.2.1.1.1.0", "x"), NULL);
                g_autoptr(GsnmpPdu) too_long = set_new (vb_str ("1.3.6.1.2.1.1.5.0", "ok"),
                                                        vb_str ("1.3.6.1.2.1.1.4.0", long_name), NULL);
                g_autoptr(GsnmpPdu) wrong_type = set_new (vb_int ("1.3.6.1.2.1.1.5.0", 1), NULL);

                resp = process (f->agent, &access, set);
                assert_error (resp, 0, 0);
                g_assert_cmpstr (gsnmp_agent_get_sys_name (f->agent), ==, "newname");
                g_assert_cmpstr (gsnmp_agent_get_sys_location (f->agent), ==, "lab");
                g_clear_pointer (&resp, gsnmp_pdu_unref);

                resp = process (f->agent, &access, ro);
                assert_error (resp, GSNMP_PDU_ERROR_NOT_WRITABLE, 1);
                g_clear_pointer (&resp, gsnmp_pdu_unref);
                resp = process (f->agent, &access, too_long);
                assert_error (resp, GSNMP_PDU_ERROR_WRONG_LENGTH, 2);
                g_clear_pointer (&resp, gsnmp_pdu_unref);
                resp = process (f->agent, &access, wrong_type);
                assert_error (resp, GSNMP_PDU_ERROR_WRONG_TYPE, 1);
                g_clear_pointer (&resp, gsnmp_pdu_unref);
                g_assert_cmpstr (gsnmp_agent_get_sys_name (f->agent), ==, "newname");
        }
}

static void
test_builtin_counters (Fixture       *f,
                       gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpPdu) req = request_new (GSNMP_PDU_TYPE_GET,
                                               "1.3.6.1.2.1.11.1.0", "1.3.6.1.2.1.11.30.0",
                                               "1.3.6.1.6.3.15.1.1.3.0", "1.3.6.1.6.3.11.2.1.3.0",
                                               NULL);
        g_autoptr(GsnmpPdu) trap = gsnmp_pdu_new (GSNMP_PDU_TYPE_TRAP);
        g_autoptr(GsnmpPdu) resp = NULL;
        Answer a = { 0, };

        access.context_name = NULL;
        gsnmp_agent_count (f->agent, GSNMP_AGENT_STAT_IN_PKTS);
        gsnmp_agent_count (f->agent, GSNMP_AGENT_STAT_IN_PKTS);
        gsnmp_agent_count (f->agent, GSNMP_AGENT_STAT_UNKNOWN_USER_NAMES);

        /* a PDU that is no request is not answered, and counted */
        gsnmp_agent_process (f->agent, &access, trap, on_response, &a);
        g_assert_true (a.done);
        g_assert_null (a.response);

        resp = process (f->agent, &access, req);
        assert_error (resp, 0, 0);
        assert_varbind (resp, 0, ".1.3.6.1.2.1.11.1.0 = Counter32: 2");
        assert_varbind (resp, 1, ".1.3.6.1.2.1.11.30.0 = INTEGER: 2");
        assert_varbind (resp, 2, ".1.3.6.1.6.3.15.1.1.3.0 = Counter32: 1");
        assert_varbind (resp, 3, ".1.3.6.1.6.3.11.2.1.3.0 = Counter32: 1");
}

/****************************************************************************/
/* Contexts and snmprec */

static const char snmprec[] =
        "# a recorded device\n"
        "1.3.6.1.2.1.1.1.0|4|Recorded device\r\n"
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10\n"
        "1.3.6.1.2.1.1.3.0|67|123456\n"
        "\n"
        "1.3.6.1.2.1.2.2.1.6.2|4x|0011223344ff\n"
        "1.3.6.1.2.1.2.2.1.5.2|66|1000000000\n"
        "1.3.6.1.2.1.4.20.1.1.10.0.0.1|64|10.0.0.1\n"
        "1.3.6.1.2.1.31.1.1.1.6.2|70|18446744073709551615\n"
        "1.3.6.1.2.1.2.2.1.10.2|65|4294967295\n"
        "1.3.6.1.2.1.2.2.1.8.2|2|-1\n"
        "1.3.6.1.2.1.2.2.1.2.2|4|eth0|with a bar\n"
        "1.3.6.1.4.1.2.1|5|\n"
        "1.3.6.1.4.1.2.2|68x|0102\n";

static void
test_snmprec_serve (Fixture       *f,
                    gconstpointer  data)
{
        GsnmpAgentAccess access = access_v2c ();
        g_autoptr(GsnmpStoreProvider) rec = gsnmp_store_provider_new (NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) req = bulk_new (0, 20, "1.3.6.1.2.1.1", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        g_autoptr(GsnmpPdu) set = set_new (vb_str ("1.3.6.1.2.1.1.1.0", "x"), NULL);
        static const char *expected[] = {
                ".1.3.6.1.2.1.1.1.0 = STRING: \"Recorded device\"",
                ".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.8072.3.2.10",
                ".1.3.6.1.2.1.1.3.0 = Timeticks: (123456) 0:20:34.56",
                ".1.3.6.1.2.1.2.2.1.2.2 = STRING: \"eth0|with a bar\"",
                ".1.3.6.1.2.1.2.2.1.5.2 = Gauge32: 1000000000",
                ".1.3.6.1.2.1.2.2.1.6.2 = Hex-STRING: 00 11 22 33 44 FF ",
                ".1.3.6.1.2.1.2.2.1.8.2 = INTEGER: -1",
                ".1.3.6.1.2.1.2.2.1.10.2 = Counter32: 4294967295",
                ".1.3.6.1.2.1.4.20.1.1.10.0.0.1 = IpAddress: 10.0.0.1",
                ".1.3.6.1.2.1.31.1.1.1.6.2 = Counter64: 18446744073709551615",
                ".1.3.6.1.4.1.2.1 = NULL",
                ".1.3.6.1.4.1.2.2 = OPAQUE: 01 02 ",
        };

        g_assert_true (gsnmp_store_provider_load_snmprec (rec, snmprec, -1, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_store_provider_get_n_values (rec), ==, G_N_ELEMENTS (expected));

        /* in its own context, as --data-dir serves it */
        g_assert_true (gsnmp_agent_register_provider (f->agent, "os/linux", GSNMP_PROVIDER (rec), &error));
        access.context_name = "os/linux";
        resp = process (f->agent, &access, req);
        assert_error (resp, 0, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, G_N_ELEMENTS (expected) + 1);
        for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
                assert_varbind (resp, i, expected[i]);
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* read-only */
        access.write_view = gsnmp_view_new_all ();
        resp = process (f->agent, &access, set);
        assert_error (resp, GSNMP_PDU_ERROR_NOT_WRITABLE, 1);
        g_clear_pointer (&resp, gsnmp_pdu_unref);
        g_clear_object (&access.write_view);

        /* an unknown context has nothing */
        access.context_name = "nowhere";
        resp = process (f->agent, &access, req);
        assert_error (resp, 0, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 1);
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (resp, 0)), ==,
                         GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
}

static void
test_snmprec_errors (void)
{
        static const struct {
                const char *data;
                const char *message;
        } cases[] = {
                { "1.3.6.1|4|ok\n1.3.6.1.2\n", "Line 2 of the snmprec data is not of the form OID|TAG|VALUE" },
                { "1.3.x|4|ok\n", "Line 1 of the snmprec data: Invalid OID" },
                { "1.3.6|2|12a\n", "Line 1 of the snmprec data: invalid value “12a” for tag 2" },
                { "1.3.6|2|2147483648\n", "Line 1 of the snmprec data: invalid value" },
                { "1.3.6|65|-1\n", "Line 1 of the snmprec data: invalid value" },
                { "1.3.6|4x|abc\n", "Line 1 of the snmprec data: invalid value" },
                { "1.3.6|64|1.2.3\n", "Line 1 of the snmprec data: invalid value" },
                { "1.3.6|64|1.2.3.256\n", "Line 1 of the snmprec data: invalid value" },
                { "1.3.6|4:numeric|1\n", "Line 1 of the snmprec data: unsupported tag “4:numeric”" },
                { "1.3.6|99|1\n", "Line 1 of the snmprec data: unknown type tag 99" },
                { "1.3.6|6|not.an.oid\n", "Line 1 of the snmprec data: invalid value" },
        };

        for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr(GsnmpStoreProvider) rec = gsnmp_store_provider_new (NULL);
                g_autoptr(GError) error = NULL;

                g_assert_false (gsnmp_store_provider_load_snmprec (rec, cases[i].data, -1, &error));
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
                g_assert_true (g_str_has_prefix (error->message, cases[i].message));
                /* nothing half-loaded */
                g_assert_cmpuint (gsnmp_store_provider_get_n_values (rec), ==, 0);
        }

        {
                g_autoptr(GError) error = NULL;
                g_autoptr(GsnmpStoreProvider) none = gsnmp_store_provider_new_from_snmprec ("/nonexistent/x.snmprec", &error);

                g_assert_null (none);
                g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
        }
}

static void
test_view_check (void)
{
        g_autoptr(GsnmpView) view = gsnmp_view_new ();
        g_autoptr(GsnmpView) all = gsnmp_view_new_all ();
        g_autoptr(GsnmpOid) a = test_oid ("1.3.6.1.2.1");
        g_autoptr(GsnmpOid) b = test_oid ("1.3.6.1.2.1.2");
        g_autoptr(GsnmpOid) in = test_oid ("1.3.6.1.2.1.1.5.0");
        g_autoptr(GsnmpOid) out = test_oid ("1.3.6.1.2.1.2.2.1.1.1");
        g_autoptr(GsnmpOid) before = test_oid ("1.3.6.1.1");

        gsnmp_view_include_subtree (view, a);
        gsnmp_view_exclude_subtree (view, b);
        g_assert_true (gsnmp_view_contains (view, in));
        g_assert_false (gsnmp_view_contains (view, out));
        g_assert_false (gsnmp_view_contains (view, before));
        g_assert_true (gsnmp_view_contains (view, a));
        g_assert_true (gsnmp_view_contains (all, out));

        /* re-including replaces the exclusion */
        gsnmp_view_include_subtree (view, b);
        g_assert_true (gsnmp_view_contains (view, out));
}


/****************************************************************************/
/* Over UDP: the library agent answering the library's engine */

typedef struct {
        GsnmpEngine        *agent_engine;
        GsnmpEngine        *client;
        GsnmpAgent         *agent;
        GsnmpStoreProvider *store;
        GsnmpUsmUser       *user;        /* authPriv SHA/AES, read-write */
        guint16             port;
        guint16             port6;       /* 0 without ::1 */
} Net;

static void
net_setup (Net           *n,
           gconstpointer  data)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) root = test_oid ("1.3.6.1.4.1.99999");
        g_autoptr(GsnmpOid) scalar = test_oid ("1.3.6.1.4.1.99999.1.0");
        g_autoptr(GsnmpView) all = gsnmp_view_new_all ();

        n->agent_engine = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        n->client = gsnmp_engine_new (&error);
        g_assert_no_error (error);
        n->agent = gsnmp_agent_new (n->agent_engine);
        n->store = gsnmp_store_provider_new (root);
        store_add (n->store, vb_int ("1.3.6.1.4.1.99999.1.0", 1));
        for (int i = 1; i <= 50; i++) {
                g_autofree char *s = g_strdup_printf ("1.3.6.1.4.1.99999.2.%d", i);
                g_autofree char *v = g_strdup_printf ("row-%d", i);

                store_add (n->store, vb_str (s, v));
        }
        gsnmp_store_provider_set_writable (n->store, scalar, GSNMP_VALUE_TYPE_INTEGER, FALSE);
        g_assert_true (gsnmp_agent_register_provider (n->agent, NULL, GSNMP_PROVIDER (n->store), &error));
        gsnmp_agent_add_community (n->agent, "public", NULL, NULL, NULL);
        gsnmp_agent_add_community (n->agent, "private", NULL, NULL, all);
        n->user = gsnmp_usm_user_new ("shaaes", GSNMP_AUTH_PROTOCOL_SHA, "shaaespass",
                                      GSNMP_PRIV_PROTOCOL_AES, "shaaespriv", &error);
        g_assert_no_error (error);
        gsnmp_agent_add_user (n->agent, n->user, NULL, all);

        g_assert_true (gsnmp_agent_add_address (n->agent, "udp:127.0.0.1:0", &n->port, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (n->port, >, 0);
        if (!gsnmp_agent_add_address (n->agent, "udp6:[::1]:0", &n->port6, NULL))
                n->port6 = 0;
}

static void
net_teardown (Net           *n,
              gconstpointer  data)
{
        g_clear_object (&n->user);
        g_clear_object (&n->store);
        g_clear_object (&n->agent);
        g_clear_object (&n->client);
        g_clear_object (&n->agent_engine);
}

#define NET_ADD(path, func) \
        g_test_add ((path), Net, NULL, net_setup, (func), net_teardown)

static GsnmpTarget *
net_target (Net              *n,
            gboolean          ipv6,
            GsnmpCredentials *credentials,
            guint             timeout_ms,
            gint              retries)
{
        g_autoptr(GError) error = NULL;
        g_autofree char *address = ipv6 ? g_strdup_printf ("udp6:[::1]:%u", n->port6)
                                        : g_strdup_printf ("127.0.0.1:%u", n->port);
        GsnmpTarget *target = gsnmp_target_new (address, credentials, &error);

        g_assert_no_error (error);
        gsnmp_target_set_timeout (target, timeout_ms);
        gsnmp_target_set_retries (target, retries);
        return target;
}

static GsnmpTarget *
net_community (Net                  *n,
               GsnmpProtocolVersion  version,
               const char           *community)
{
        g_autoptr(GsnmpCommunity) c = gsnmp_community_new (version, community);

        return net_target (n, FALSE, GSNMP_CREDENTIALS (c), TEST_LONG_TIMEOUT_MS, 2);
}

typedef struct {
        gboolean  done;
        GsnmpPdu *pdu;
        GError   *error;
} Got;

static void
on_got (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
        Got *got = data;

        got->pdu = gsnmp_engine_send_pdu_finish (GSNMP_ENGINE (source), result, &got->error);
        got->done = TRUE;
}

/* Sends @pdu to @target and waits. */
static GsnmpPdu *
net_send (Net          *n,
          GsnmpTarget  *target,
          GsnmpPdu     *pdu,
          GError      **error)
{
        Got got = { 0, };

        gsnmp_engine_send_pdu_async (n->client, target, pdu, NULL, on_got, &got);
        test_run_until (&got.done);
        if (got.error != NULL)
                g_propagate_error (error, got.error);
        return got.pdu;
}

static void
test_net_v2c (Net           *n,
              gconstpointer  data)
{
        g_autoptr(GsnmpTarget) pub = net_community (n, GSNMP_PROTOCOL_VERSION_V2C, "public");
        g_autoptr(GsnmpTarget) priv = net_community (n, GSNMP_PROTOCOL_VERSION_V2C, "private");
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.1.0",
                                               "1.3.6.1.2.1.1.3.0", NULL);
        g_autoptr(GsnmpPdu) next = request_new (GSNMP_PDU_TYPE_GET_NEXT, "1.3.6.1.4.1.99999.1.0", NULL);
        g_autoptr(GsnmpPdu) bulk = bulk_new (1, 10, "1.3.6.1.4.1.99999", "1.3.6.1.4.1.99999.2", NULL);
        g_autoptr(GsnmpPdu) set = set_new (vb_int ("1.3.6.1.4.1.99999.1.0", 5), NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        g_autoptr(GError) error = NULL;

        resp = net_send (n, pub, get, &error);
        g_assert_no_error (error);
        assert_error (resp, 0, 0);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (resp, 1)), ==,
                         GSNMP_VALUE_TYPE_TIMETICKS);
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        resp = net_send (n, pub, next, &error);
        g_assert_no_error (error);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.2.1 = STRING: \"row-1\"");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        resp = net_send (n, pub, bulk, &error);
        g_assert_no_error (error);
        assert_error (resp, 0, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), ==, 11);
        assert_varbind (resp, 10, ".1.3.6.1.4.1.99999.2.10 = STRING: \"row-10\"");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        /* read-only community: noAccess; read-write: done */
        resp = net_send (n, pub, set, &error);
        g_assert_no_error (error);
        assert_error (resp, GSNMP_PDU_ERROR_NO_ACCESS, 1);
        g_clear_pointer (&resp, gsnmp_pdu_unref);
        /* RFC 3418: the read-only community's SET is a bad community use */
        g_assert_cmpuint (gsnmp_agent_get_stat (n->agent, GSNMP_AGENT_STAT_BAD_COMMUNITY_USES), ==, 1);
        resp = net_send (n, priv, set, &error);
        g_assert_no_error (error);
        assert_error (resp, 0, 0);
        g_assert_cmpint (gsnmp_varbind_get_integer (gsnmp_store_provider_lookup (n->store, gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (set, 0)))), ==, 5);
        g_clear_pointer (&resp, gsnmp_pdu_unref);
        g_assert_cmpuint (gsnmp_agent_get_stat (n->agent, GSNMP_AGENT_STAT_BAD_COMMUNITY_USES), ==, 1);

        /* served as snmpInBadCommunityUses.0 */
        g_clear_pointer (&get, gsnmp_pdu_unref);
        get = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.2.1.11.5.0", NULL);
        resp = net_send (n, pub, get, &error);
        g_assert_no_error (error);
        assert_varbind (resp, 0, ".1.3.6.1.2.1.11.5.0 = Counter32: 1");
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        g_assert_cmpuint (gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_IN_PKTS), ==, 6);
        /* the engine's counters: the read-only community's SET, and one
         * response for each request with a known community */
        g_assert_cmpuint (gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_IN_BAD_COMMUNITY_USES), ==, 1);
        g_assert_cmpuint (gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_OUT_PKTS), ==,
                          6 - gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_IN_BAD_COMMUNITY_NAMES));
        g_assert_cmpuint (gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_SILENT_DROPS), ==, 0);
}

static void
test_net_v1_ipv6 (Net           *n,
                  gconstpointer  data)
{
        g_autoptr(GsnmpCommunity) c = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V1, "public");
        g_autoptr(GsnmpTarget) v1 = net_target (n, FALSE, GSNMP_CREDENTIALS (c), TEST_LONG_TIMEOUT_MS, 2);
        g_autoptr(GsnmpTarget) v6 = NULL;
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.1.0",
                                               "1.3.6.1.4.1.99999.9.0", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        g_autoptr(GError) error = NULL;

        resp = net_send (n, v1, get, &error);
        g_assert_no_error (error);
        assert_error (resp, GSNMP_PDU_ERROR_NO_SUCH_NAME, 2);
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        if (n->port6 == 0) {
                g_test_skip ("no ::1");
                return;
        }
        v6 = net_target (n, TRUE, GSNMP_CREDENTIALS (c), TEST_LONG_TIMEOUT_MS, 2);
        resp = net_send (n, v6, get, &error);
        g_assert_no_error (error);
        assert_error (resp, GSNMP_PDU_ERROR_NO_SUCH_NAME, 2);
}

static void
test_net_bad_community (Net           *n,
                        gconstpointer  data)
{
        g_autoptr(GsnmpCommunity) c = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "wrong");
        g_autoptr(GsnmpTarget) t = net_target (n, FALSE, GSNMP_CREDENTIALS (c), 100, 1);
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.1.0", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        g_autoptr(GError) error = NULL;

        resp = net_send (n, t, get, &error);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_assert_null (resp);
        /* the request and its retry */
        g_assert_cmpuint (gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_IN_BAD_COMMUNITY_NAMES), ==, 2);
}

static void
test_net_v3 (Net           *n,
             gconstpointer  data)
{
        g_autoptr(GsnmpTarget) t = net_target (n, FALSE, GSNMP_CREDENTIALS (n->user), TEST_LONG_TIMEOUT_MS, 2);
        g_autoptr(GsnmpUsmUser) wrong = gsnmp_usm_user_new ("shaaes", GSNMP_AUTH_PROTOCOL_SHA, "wrongpass",
                                                            GSNMP_PRIV_PROTOCOL_AES, "shaaespriv", NULL);
        g_autoptr(GsnmpUsmUser) unknown = gsnmp_usm_user_new ("nobody", GSNMP_AUTH_PROTOCOL_NONE, NULL,
                                                              GSNMP_PRIV_PROTOCOL_NONE, NULL, NULL);
        g_autoptr(GsnmpUsmUser) lower = gsnmp_usm_user_new ("shaaes", GSNMP_AUTH_PROTOCOL_SHA, "shaaespass",
                                                            GSNMP_PRIV_PROTOCOL_NONE, NULL, NULL);
        g_autoptr(GsnmpTarget) t_wrong = net_target (n, FALSE, GSNMP_CREDENTIALS (wrong), TEST_LONG_TIMEOUT_MS, 0);
        g_autoptr(GsnmpTarget) t_unknown = net_target (n, FALSE, GSNMP_CREDENTIALS (unknown), TEST_LONG_TIMEOUT_MS, 0);
        g_autoptr(GsnmpTarget) t_lower = net_target (n, FALSE, GSNMP_CREDENTIALS (lower), TEST_LONG_TIMEOUT_MS, 0);
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.1.0",
                                               "1.3.6.1.6.3.10.2.1.1.0", NULL);
        g_autoptr(GsnmpPdu) set = set_new (vb_int ("1.3.6.1.4.1.99999.1.0", 9), NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        g_autoptr(GError) error = NULL;
        GBytes *engine_id = gsnmp_engine_get_engine_id (n->agent_engine);
        gsize len;
        const guint8 *id;

        resp = net_send (n, t, get, &error);
        g_assert_no_error (error);
        assert_error (resp, 0, 0);
        assert_varbind (resp, 0, ".1.3.6.1.4.1.99999.1.0 = INTEGER: 1");
        id = gsnmp_varbind_get_octets (gsnmp_pdu_get_varbind (resp, 1), &len);
        g_assert_cmpmem (id, len, g_bytes_get_data (engine_id, NULL), g_bytes_get_size (engine_id));
        g_clear_pointer (&resp, gsnmp_pdu_unref);
        /* discovery was answered with a report */
        g_assert_cmpuint (gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_USM_UNKNOWN_ENGINE_IDS), ==, 1);

        resp = net_send (n, t, set, &error);
        g_assert_no_error (error);
        assert_error (resp, 0, 0);
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        resp = net_send (n, t_wrong, get, &error);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST);
        g_clear_error (&error);
        g_assert_cmpuint (gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_USM_WRONG_DIGESTS), ==, 1);

        resp = net_send (n, t_unknown, get, &error);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_USER_NAME);
        g_clear_error (&error);
        g_assert_cmpuint (gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_USM_UNKNOWN_USER_NAMES), ==, 1);

        /* RFC 3413 §3.2 step 3: an unknown context gets a report */
        {
                g_autoptr(GsnmpTarget) t_ctx = net_target (n, FALSE, GSNMP_CREDENTIALS (n->user),
                                                           TEST_LONG_TIMEOUT_MS, 0);

                gsnmp_target_set_context_name (t_ctx, "nowhere");
                resp = net_send (n, t_ctx, get, &error);
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_CONTEXT);
                g_assert_null (resp);
                g_clear_error (&error);
        }
        g_assert_cmpuint (gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_UNKNOWN_CONTEXTS), ==, 1);
        /* served as snmpUnknownContexts.0 (SNMP-TARGET-MIB), next to
         * snmpUnavailableContexts.0 */
        {
                g_autoptr(GsnmpPdu) counters = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.6.3.12.1.4.0",
                                                            "1.3.6.1.6.3.12.1.5.0", NULL);

                resp = net_send (n, t, counters, &error);
                g_assert_no_error (error);
                assert_error (resp, 0, 0);
                assert_varbind (resp, 0, ".1.3.6.1.6.3.12.1.4.0 = Counter32: 0");
                assert_varbind (resp, 1, ".1.3.6.1.6.3.12.1.5.0 = Counter32: 1");
                g_clear_pointer (&resp, gsnmp_pdu_unref);
        }

        /* below the user's level: authorizationError */
        resp = net_send (n, t_lower, get, &error);
        g_assert_no_error (error);
        assert_error (resp, GSNMP_PDU_ERROR_AUTHORIZATION_ERROR, 0);
        g_clear_pointer (&resp, gsnmp_pdu_unref);
}

/* RFC 3414 §3.2 step 7a: an authentic message from outside the time
 * window gets an authenticated notInTimeWindow report, and no answer. */
static void
test_net_v3_time_window (Net           *n,
                         gconstpointer  data)
{
        g_autoptr(GsnmpUsmKeyCache) keys = gsnmp_usm_key_cache_new ();
        GBytes *engine_id = gsnmp_engine_get_engine_id (n->agent_engine);
        g_autoptr(GsnmpUsmKey) auth = NULL;
        g_autoptr(GBytes) datagram = NULL;
        g_autoptr(GSocket) sock = NULL;
        g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
        g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
        g_autoptr(GSocketAddress) to = g_inet_socket_address_new (lo, n->port);
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.1.0", NULL);
        GsnmpMessageV3 msg = { 0, };
        guint8 buf[2048];
        gssize got;
        GsnmpIncoming in = { 0, };

        auth = gsnmp_usm_key_cache_get_auth_key (keys, n->user, g_bytes_get_data (engine_id, NULL),
                                                 g_bytes_get_size (engine_id), &error);
        g_assert_no_error (error);

        msg.msg_id = 77;
        msg.msg_max_size = 65507;
        msg.msg_flags = GSNMP_V3_FLAG_AUTH | GSNMP_V3_FLAG_REPORTABLE;
        msg.security_model = GSNMP_V3_SECURITY_MODEL_USM;
        msg.engine_id = engine_id;
        msg.engine_boots = gsnmp_engine_get_engine_boots (n->agent_engine);
        msg.engine_time = gsnmp_engine_get_engine_time (n->agent_engine) + 1000;   /* replayed from the future */
        msg.user_name = g_bytes_new_static ("shaaes", 6);
        msg.context_engine_id = engine_id;
        msg.context_name = g_bytes_new_static ("", 0);
        msg.pdu = get;
        datagram = gsnmp_message_v3_encode (&msg, auth, NULL, 65507, &error);
        g_assert_no_error (error);
        g_bytes_unref (msg.user_name);
        g_bytes_unref (msg.context_name);

        sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);
        g_assert_no_error (error);
        g_assert_true (g_socket_bind (sock, any, FALSE, &error));
        g_socket_set_timeout (sock, 10);
        g_assert_cmpint (g_socket_send_to (sock, to, g_bytes_get_data (datagram, NULL),
                                           g_bytes_get_size (datagram), NULL, &error), >, 0);
        g_socket_set_blocking (sock, FALSE);
        while ((got = g_socket_receive (sock, (char *) buf, sizeof (buf), NULL, NULL)) < 0)
                g_main_context_iteration (NULL, TRUE);

        g_assert_true (gsnmp_message_decode_any (buf, got, NULL, &in, &error));
        g_assert_no_error (error);
        g_assert_cmpint (in.version, ==, GSNMP_PROTOCOL_VERSION_V3);
        g_assert_true (in.v3.msg_flags & GSNMP_V3_FLAG_AUTH);   /* authenticated */
        g_assert_nonnull (in.v3.pdu);
        g_assert_cmpint (gsnmp_pdu_get_pdu_type (in.v3.pdu), ==, GSNMP_PDU_TYPE_REPORT);
        assert_varbind (in.v3.pdu, 0, ".1.3.6.1.6.3.15.1.1.2.0 = Counter32: 1");
        gsnmp_incoming_clear (&in);
        g_assert_cmpuint (gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_USM_NOT_IN_TIME_WINDOWS), ==, 1);
}

/* Garbage, truncated messages and a flood of them: counted and dropped,
 * and the agent goes on answering; GETBULK with max-repetitions 2^31-1
 * is bounded by the message size. */
static void
test_net_hostile (Net           *n,
                  gconstpointer  data)
{
        g_autoptr(GsnmpTarget) pub = net_community (n, GSNMP_PROTOCOL_VERSION_V2C, "public");
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.99999.1.0", NULL);
        g_autoptr(GsnmpPdu) bulk = bulk_new (0, G_MAXINT32, "1.3.6.1", NULL);
        g_autoptr(GsnmpPdu) resp = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GSocket) sock = NULL;
        g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
        g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
        g_autoptr(GSocketAddress) to = g_inet_socket_address_new (lo, n->port);
        static const guint8 truncated[] = { 0x30, 0x29, 0x02, 0x01, 0x01, 0x04, 0x06, 'p', 'u', 'b' };
        static const guint8 bad_version[] = { 0x30, 0x0b, 0x02, 0x01, 0x07, 0x04, 0x00, 0xa0, 0x04,
                                              0x02, 0x00, 0x02, 0x00 };
        guint64 parse_errors, bad_versions, in_pkts;
        const guint n_flood = 2000;
        guint8 junk[64];

        sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);
        g_assert_no_error (error);
        g_assert_true (g_socket_bind (sock, any, FALSE, &error));

        g_socket_send_to (sock, to, (const char *) truncated, sizeof (truncated), NULL, NULL);
        g_socket_send_to (sock, to, (const char *) bad_version, sizeof (bad_version), NULL, NULL);
        for (guint i = 0; i < n_flood; i++) {
                for (guint j = 0; j < sizeof (junk); j++)
                        junk[j] = (guint8) g_test_rand_int ();
                /* a SEQUENCE that does not start with the version
                 * INTEGER: always a parse error, never a bad version */
                junk[0] = 0x30;
                junk[1] = sizeof (junk) - 2;
                junk[2] = 0x04;
                g_socket_send_to (sock, to, (const char *) junk, sizeof (junk), NULL, NULL);
                if (i % 64 == 0)
                        while (g_main_context_iteration (NULL, FALSE));
        }

        /* still answering */
        resp = net_send (n, pub, get, &error);
        g_assert_no_error (error);
        assert_error (resp, 0, 0);
        g_clear_pointer (&resp, gsnmp_pdu_unref);

        parse_errors = gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_IN_ASN_PARSE_ERRS);
        bad_versions = gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_IN_BAD_VERSIONS);
        in_pkts = gsnmp_engine_get_counter (n->agent_engine, GSNMP_COUNTER_IN_PKTS);
        g_assert_cmpuint (bad_versions, ==, 1);
        /* every datagram is counted; the junk (and the truncated one) as
         * parse errors, but for what the kernel dropped */
        g_assert_cmpuint (parse_errors, >=, 1);
        g_assert_cmpuint (parse_errors + bad_versions + 1, ==, in_pkts);

        resp = net_send (n, pub, bulk, &error);
        g_assert_no_error (error);
        assert_error (resp, 0, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), >, 50);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (resp), <, 65507 / 8);
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (resp, gsnmp_pdu_get_n_varbinds (resp) - 1)), ==,
                         GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
}

/* Closing the agent while a provider holds a request: no answer (the
 * manager times out), the provider's request is cancelled, no leak. */
static void
test_net_close_pending (Net           *n,
                        gconstpointer  data)
{
        g_autoptr(TestFlaky) flaky = flaky_new ("1.3.6.1.4.1.77777");
        g_autoptr(GsnmpCommunity) c = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public");
        g_autoptr(GsnmpTarget) t = net_target (n, FALSE, GSNMP_CREDENTIALS (c), 200, 0);
        g_autoptr(GsnmpPdu) get = request_new (GSNMP_PDU_TYPE_GET, "1.3.6.1.4.1.77777.0", NULL);
        Got got = { 0, };

        flaky->hold = TRUE;
        g_assert_true (gsnmp_agent_register_provider (n->agent, NULL, GSNMP_PROVIDER (flaky), NULL));
        gsnmp_engine_send_pdu_async (n->client, t, get, NULL, on_got, &got);
        while (flaky->held->len == 0)
                g_main_context_iteration (NULL, TRUE);
        gsnmp_agent_close (n->agent);
        g_assert_true (g_cancellable_is_cancelled (gsnmp_provider_request_get_cancellable (g_ptr_array_index (flaky->held, 0))));
        test_run_until (&got.done);
        g_assert_error (got.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_clear_error (&got.error);

        /* closed: add_address fails */
        {
                g_autoptr(GError) error = NULL;

                g_assert_false (gsnmp_agent_add_address (n->agent, "udp:127.0.0.1:0", NULL, &error));
                g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
        }
}

static void
test_net_bad_address (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) engine = gsnmp_engine_new (&error);
        g_autoptr(GsnmpAgent) agent = gsnmp_agent_new (engine);

        g_assert_false (gsnmp_agent_add_address (agent, "udp:not-an-ip:161", NULL, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS);
}

int
main (int   argc,
      char *argv[])
{
        g_test_init (&argc, &argv, NULL);

        g_test_add_func ("/gsnmp/agent/view/contains", test_view_check);
        FIXTURE_ADD ("/gsnmp/agent/get/values", test_get_values);
        FIXTURE_ADD ("/gsnmp/agent/get/v1", test_get_v1);
        FIXTURE_ADD ("/gsnmp/agent/get/too-big", test_get_too_big);
        FIXTURE_ADD ("/gsnmp/agent/getnext/walk", test_getnext_walk);
        FIXTURE_ADD ("/gsnmp/agent/getnext/across-providers", test_getnext_across_providers);
        FIXTURE_ADD ("/gsnmp/agent/getnext/nested", test_getnext_nested);
        FIXTURE_ADD ("/gsnmp/agent/getnext/v1", test_getnext_v1);
        FIXTURE_ADD ("/gsnmp/agent/getnext/large-table", test_getnext_large_table);
        FIXTURE_ADD ("/gsnmp/agent/getbulk/repetitions", test_getbulk_repetitions);
        FIXTURE_ADD ("/gsnmp/agent/getbulk/edges", test_getbulk_edges);
        FIXTURE_ADD ("/gsnmp/agent/getbulk/huge-max-repetitions", test_getbulk_huge);
        FIXTURE_ADD ("/gsnmp/agent/view/read", test_view_read);
        FIXTURE_ADD ("/gsnmp/agent/view/write", test_view_write);
        FIXTURE_ADD ("/gsnmp/agent/set/ok", test_set_ok);
        FIXTURE_ADD ("/gsnmp/agent/set/errors", test_set_errors);
        FIXTURE_ADD ("/gsnmp/agent/set/commit-failed", test_set_commit_failed);
        FIXTURE_ADD ("/gsnmp/agent/set/concurrent", test_set_concurrent);
        g_test_add ("/gsnmp/agent/set/never-test", Fixture,
                    GUINT_TO_POINTER (GSNMP_PROVIDER_OPERATION_SET_TEST),
                    fixture_setup, test_set_never, fixture_teardown);
        g_test_add ("/gsnmp/agent/set/never-commit", Fixture,
                    GUINT_TO_POINTER (GSNMP_PROVIDER_OPERATION_SET_COMMIT),
                    fixture_setup, test_set_never, fixture_teardown);
        FIXTURE_ADD ("/gsnmp/agent/async/late", test_async_late);
        FIXTURE_ADD ("/gsnmp/agent/async/never", test_async_never);
        FIXTURE_ADD ("/gsnmp/agent/async/close", test_async_close);
        FIXTURE_ADD ("/gsnmp/agent/builtin/system", test_builtin_system);
        FIXTURE_ADD ("/gsnmp/agent/builtin/counters", test_builtin_counters);
        FIXTURE_ADD ("/gsnmp/agent/snmprec/serve", test_snmprec_serve);
        g_test_add_func ("/gsnmp/agent/snmprec/errors", test_snmprec_errors);
        NET_ADD ("/gsnmp/agent/net/v2c", test_net_v2c);
        NET_ADD ("/gsnmp/agent/net/v1-ipv6", test_net_v1_ipv6);
        NET_ADD ("/gsnmp/agent/net/bad-community", test_net_bad_community);
        NET_ADD ("/gsnmp/agent/net/v3", test_net_v3);
        NET_ADD ("/gsnmp/agent/net/v3-time-window", test_net_v3_time_window);
        NET_ADD ("/gsnmp/agent/net/hostile", test_net_hostile);
        NET_ADD ("/gsnmp/agent/net/close-pending", test_net_close_pending);
        g_test_add_func ("/gsnmp/agent/net/bad-address", test_net_bad_address);

        return g_test_run ();
}
