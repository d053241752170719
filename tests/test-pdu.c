/* test-pdu.c - GsnmpPdu tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gsnmp/gsnmp.h>
#include "gsnmp-pdu-private.h"

static GsnmpVarbind *
null_varbind (const char *str)
{
        g_autoptr (GsnmpOid) oid = gsnmp_oid_new_from_string (str, NULL);

        g_assert_nonnull (oid);
        return gsnmp_varbind_new_null (oid);
}

static void
test_new (void)
{
        static const GsnmpPduType types[] = {
                GSNMP_PDU_TYPE_GET, GSNMP_PDU_TYPE_GET_NEXT, GSNMP_PDU_TYPE_RESPONSE,
                GSNMP_PDU_TYPE_SET, GSNMP_PDU_TYPE_TRAP_V1, GSNMP_PDU_TYPE_GET_BULK,
                GSNMP_PDU_TYPE_INFORM, GSNMP_PDU_TYPE_TRAP, GSNMP_PDU_TYPE_REPORT,
        };

        for (gsize i = 0; i < G_N_ELEMENTS (types); i++) {
                g_autoptr (GsnmpPdu) pdu = gsnmp_pdu_new (types[i]);
                guint n = 99;

                g_assert_nonnull (pdu);
                g_assert_cmpint (gsnmp_pdu_get_pdu_type (pdu), ==, types[i]);
                g_assert_cmpint (gsnmp_pdu_get_request_id (pdu), ==, 0);
                g_assert_cmpuint (gsnmp_pdu_get_error_status (pdu), ==, 0);
                g_assert_cmpuint (gsnmp_pdu_get_error_index (pdu), ==, 0);
                g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (pdu), ==, 0);
                gsnmp_pdu_get_varbinds (pdu, &n);
                g_assert_cmpuint (n, ==, 0);
                g_assert_null (pdu->enterprise);
        }
}

static void
test_varbinds (void)
{
        static const char *const oids[] = {
                "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.5.0",
        };
        g_autoptr (GsnmpPdu) pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_GET);
        GsnmpVarbind *added[G_N_ELEMENTS (oids)];
        GsnmpVarbind **vbs;
        guint n = 0;

        for (gsize i = 0; i < G_N_ELEMENTS (oids); i++) {
                added[i] = null_varbind (oids[i]);
                gsnmp_pdu_add_varbind (pdu, added[i]);
        }

        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (pdu), ==, G_N_ELEMENTS (oids));
        vbs = gsnmp_pdu_get_varbinds (pdu, &n);
        g_assert_cmpuint (n, ==, G_N_ELEMENTS (oids));
        g_assert_nonnull (gsnmp_pdu_get_varbinds (pdu, NULL));
        for (guint i = 0; i < n; i++) {
                g_autofree char *str = gsnmp_oid_to_string (gsnmp_varbind_get_oid (vbs[i]));

                g_assert_true (vbs[i] == added[i]);
                g_assert_true (gsnmp_pdu_get_varbind (pdu, i) == added[i]);
                g_assert_cmpstr (str, ==, oids[i]);
        }

        /* add_varbind took its own references */
        for (gsize i = 0; i < G_N_ELEMENTS (oids); i++)
                gsnmp_varbind_unref (added[i]);
        g_assert_cmpint (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (pdu, 2)), ==,
                         GSNMP_VALUE_TYPE_NULL);
}

static void
test_take_varbind (void)
{
        g_autoptr (GsnmpPdu) pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);

        /* ownership passes to the PDU: nothing to unref here */
        gsnmp_pdu_take_varbind (pdu, null_varbind ("1.3.6.1.2.1.1.1.0"));
        gsnmp_pdu_take_varbind (pdu, null_varbind ("1.3.6.1.2.1.1.3.0"));
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (pdu), ==, 2);
}

/* The varbinds live in the PDU's own allocation until they outgrow it,
 * then in an array of their own: order and ownership hold across every
 * growth, from any starting room, and after the slots are cleared. */
static void
test_varbinds_grow (void)
{
        static const guint rooms[] = { 0, 1, 4, 5 };

        for (gsize k = 0; k < G_N_ELEMENTS (rooms); k++) {
                GsnmpPdu *pdu = gsnmp_pdu_new_sized (GSNMP_PDU_TYPE_RESPONSE, rooms[k]);
                GsnmpVarbind *kept = NULL;
                GsnmpVarbind **vbs;
                guint n;

                g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (pdu), ==, 0);
                for (guint round = 0; round < 2; round++) {
                        for (guint i = 0; i < 100; i++) {
                                g_autofree char *str = g_strdup_printf ("1.3.6.1.4.1.99999.%u.%u", round, i);
                                GsnmpVarbind *vb = null_varbind (str);

                                if (i % 2 == 0) {
                                        gsnmp_pdu_take_varbind (pdu, vb);
                                } else {
                                        gsnmp_pdu_add_varbind (pdu, vb);
                                        gsnmp_varbind_unref (vb);
                                }
                        }
                        vbs = gsnmp_pdu_get_varbinds (pdu, &n);
                        g_assert_cmpuint (n, ==, 100);
                        for (guint i = 0; i < n; i++) {
                                const guint32 *ids;
                                gsize n_ids;

                                ids = gsnmp_oid_get_ids (gsnmp_varbind_get_oid (vbs[i]), &n_ids);
                                g_assert_cmpuint (n_ids, ==, 9);
                                g_assert_cmpuint (ids[7], ==, round);
                                g_assert_cmpuint (ids[8], ==, i);
                                g_assert_true (gsnmp_pdu_get_varbind (pdu, i) == vbs[i]);
                        }
                        if (round == 0) {
                                /* a varbind kept past the clearing */
                                kept = gsnmp_varbind_ref (vbs[99]);
                                gsnmp_pdu_clear_varbinds (pdu);
                                g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (pdu), ==, 0);
                        }
                }
                g_assert_cmpint (gsnmp_varbind_get_value_type (kept), ==, GSNMP_VALUE_TYPE_NULL);
                gsnmp_varbind_unref (kept);
                gsnmp_pdu_unref (pdu);
        }
}

static void
test_varbind_out_of_range (void)
{
        g_autoptr (GsnmpPdu) pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_GET);

        gsnmp_pdu_take_varbind (pdu, null_varbind ("1.3.6.1.2.1.1.1.0"));

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*index < self->n_varbinds*");
        g_assert_null (gsnmp_pdu_get_varbind (pdu, 1));
        g_test_assert_expected_messages ();
}

static void
test_private_setters (void)
{
        g_autoptr (GsnmpPdu) pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);

        gsnmp_pdu_set_request_id (pdu, G_MININT32);
        gsnmp_pdu_set_error (pdu, GSNMP_PDU_ERROR_NO_SUCH_NAME, 3);
        g_assert_cmpint (gsnmp_pdu_get_request_id (pdu), ==, G_MININT32);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (pdu), ==, 2);
        g_assert_cmpuint (gsnmp_pdu_get_error_index (pdu), ==, 3);
}

static void
test_bulk (void)
{
        g_autoptr (GsnmpPdu) pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_GET_BULK);
        g_autoptr (GsnmpPdu) get = gsnmp_pdu_new (GSNMP_PDU_TYPE_GET);

        gsnmp_pdu_set_bulk (pdu, 1, 50);
        g_assert_cmpuint (gsnmp_pdu_get_non_repeaters (pdu), ==, 1);
        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (pdu), ==, 50);
        /* the same fields on the wire */
        g_assert_cmpuint (gsnmp_pdu_get_error_status (pdu), ==, 1);
        g_assert_cmpuint (gsnmp_pdu_get_error_index (pdu), ==, 50);

        gsnmp_pdu_set_bulk (pdu, 0, G_MAXUINT32);
        g_assert_cmpuint (gsnmp_pdu_get_non_repeaters (pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (pdu), ==, G_MAXUINT32);

        /* only meaningful for GetBulk */
        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*GSNMP_PDU_TYPE_GET_BULK*");
        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (get), ==, 0);
        g_test_assert_expected_messages ();
        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*GSNMP_PDU_TYPE_GET_BULK*");
        g_assert_cmpuint (gsnmp_pdu_get_non_repeaters (get), ==, 0);
        g_test_assert_expected_messages ();
}

static void
test_boxed (void)
{
        /* A boxed, reference-counted type: GValues and bindings copy it by
         * taking a reference */
        g_autoptr (GsnmpPdu) pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_REPORT);
        g_auto (GValue) value = G_VALUE_INIT;
        GsnmpPdu *copy;

        gsnmp_pdu_set_request_id (pdu, 12345);
        gsnmp_pdu_set_error (pdu, 5, 1);
        g_assert_true (G_TYPE_IS_BOXED (GSNMP_TYPE_PDU));

        g_value_init (&value, GSNMP_TYPE_PDU);
        g_value_set_boxed (&value, pdu);
        copy = g_value_get_boxed (&value);
        g_assert_true (copy == pdu);
        copy = g_boxed_copy (GSNMP_TYPE_PDU, pdu);
        g_assert_true (copy == pdu);
        g_boxed_free (GSNMP_TYPE_PDU, copy);

        g_assert_cmpint (gsnmp_pdu_get_pdu_type (pdu), ==, GSNMP_PDU_TYPE_REPORT);
        g_assert_cmpint (gsnmp_pdu_get_request_id (pdu), ==, 12345);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (pdu), ==, 5);
        g_assert_cmpuint (gsnmp_pdu_get_error_index (pdu), ==, 1);

        g_assert_true (gsnmp_pdu_ref (pdu) == pdu);
        gsnmp_pdu_unref (pdu);
}

/*****************************************************************************/
/* check_error */

typedef struct {
        guint32     status;
        guint32     index;
        const char *message;    /* NULL: no error */
} CheckCase;

static const CheckCase check_cases[] = {
        { 0, 0, NULL },
        { 0, 2, NULL },
        { 1, 0, "Agent reported error tooBig (1)" },
        { 2, 1, "Agent reported error noSuchName (2) for 1.3.6.1.2.1.1.1.0" },
        { 2, 2, "Agent reported error noSuchName (2) for 1.3.6.1.2.1.1.7.0" },
        { 3, 3, "Agent reported error badValue (3)" },                  /* out of range */
        { 4, G_MAXUINT32, "Agent reported error readOnly (4)" },
        { 5, 1, "Agent reported error genErr (5) for 1.3.6.1.2.1.1.1.0" },
        { 6, 2, "Agent reported error noAccess (6) for 1.3.6.1.2.1.1.7.0" },
        { 7, 2, "Agent reported error wrongType (7) for 1.3.6.1.2.1.1.7.0" },
        { 8, 2, "Agent reported error wrongLength (8) for 1.3.6.1.2.1.1.7.0" },
        { 9, 2, "Agent reported error wrongEncoding (9) for 1.3.6.1.2.1.1.7.0" },
        { 10, 2, "Agent reported error wrongValue (10) for 1.3.6.1.2.1.1.7.0" },
        { 11, 2, "Agent reported error noCreation (11) for 1.3.6.1.2.1.1.7.0" },
        { 12, 2, "Agent reported error inconsistentValue (12) for 1.3.6.1.2.1.1.7.0" },
        { 13, 2, "Agent reported error resourceUnavailable (13) for 1.3.6.1.2.1.1.7.0" },
        { 14, 2, "Agent reported error commitFailed (14) for 1.3.6.1.2.1.1.7.0" },
        { 15, 2, "Agent reported error undoFailed (15) for 1.3.6.1.2.1.1.7.0" },
        { 16, 0, "Agent reported error authorizationError (16)" },
        { 17, 1, "Agent reported error notWritable (17) for 1.3.6.1.2.1.1.1.0" },
        { 18, 2, "Agent reported error inconsistentName (18) for 1.3.6.1.2.1.1.7.0" },
        { 19, 1, "Agent reported unknown error 19 for 1.3.6.1.2.1.1.1.0" },
        { 4000000000u, 0, "Agent reported unknown error 4000000000" },
};

static void
test_check_error (gconstpointer data)
{
        const CheckCase *c = data;
        g_autoptr (GsnmpPdu) pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        g_autoptr (GError) error = NULL;

        gsnmp_pdu_take_varbind (pdu, null_varbind ("1.3.6.1.2.1.1.1.0"));
        gsnmp_pdu_take_varbind (pdu, null_varbind ("1.3.6.1.2.1.1.7.0"));
        gsnmp_pdu_set_error (pdu, c->status, c->index);

        if (!c->message) {
                g_assert_true (gsnmp_pdu_check_error (pdu, &error));
                g_assert_no_error (error);
                g_assert_true (gsnmp_pdu_check_error (pdu, NULL));
                return;
        }

        g_assert_false (gsnmp_pdu_check_error (pdu, &error));
        g_assert_error (error, GSNMP_PDU_ERROR, (gint) c->status);
        g_assert_cmpstr (error->message, ==, c->message);
        g_assert_false (gsnmp_pdu_check_error (pdu, NULL));
}

static void
test_check_error_no_varbinds (void)
{
        g_autoptr (GsnmpPdu) pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        g_autoptr (GError) error = NULL;

        gsnmp_pdu_set_error (pdu, GSNMP_PDU_ERROR_TOO_BIG, 1);
        g_assert_false (gsnmp_pdu_check_error (pdu, &error));
        g_assert_error (error, GSNMP_PDU_ERROR, GSNMP_PDU_ERROR_TOO_BIG);
        g_assert_cmpstr (error->message, ==, "Agent reported error tooBig (1)");
}

static void
test_error_to_string (void)
{
        static const struct {
                guint code;
                const char *name;
        } cases[] = {
                { 0, "noError" },
                { GSNMP_PDU_ERROR_TOO_BIG, "tooBig" },
                { GSNMP_PDU_ERROR_NO_SUCH_NAME, "noSuchName" },
                { GSNMP_PDU_ERROR_BAD_VALUE, "badValue" },
                { GSNMP_PDU_ERROR_READ_ONLY, "readOnly" },
                { GSNMP_PDU_ERROR_GEN_ERR, "genErr" },
                { GSNMP_PDU_ERROR_NO_ACCESS, "noAccess" },
                { GSNMP_PDU_ERROR_WRONG_TYPE, "wrongType" },
                { GSNMP_PDU_ERROR_WRONG_LENGTH, "wrongLength" },
                { GSNMP_PDU_ERROR_WRONG_ENCODING, "wrongEncoding" },
                { GSNMP_PDU_ERROR_WRONG_VALUE, "wrongValue" },
                { GSNMP_PDU_ERROR_NO_CREATION, "noCreation" },
                { GSNMP_PDU_ERROR_INCONSISTENT_VALUE, "inconsistentValue" },
                { GSNMP_PDU_ERROR_RESOURCE_UNAVAILABLE, "resourceUnavailable" },
                { GSNMP_PDU_ERROR_COMMIT_FAILED, "commitFailed" },
                { GSNMP_PDU_ERROR_UNDO_FAILED, "undoFailed" },
                { GSNMP_PDU_ERROR_AUTHORIZATION_ERROR, "authorizationError" },
                { GSNMP_PDU_ERROR_NOT_WRITABLE, "notWritable" },
                { GSNMP_PDU_ERROR_INCONSISTENT_NAME, "inconsistentName" },
                { 19, NULL },
                { 1000, NULL },
                { (guint) -1, NULL },
        };

        for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
                g_assert_cmpstr (gsnmp_pdu_error_to_string (cases[i].code), ==, cases[i].name);
}

static void
test_error_quarks (void)
{
        g_assert_cmpstr (g_quark_to_string (GSNMP_ERROR), ==, "gsnmp-error-quark");
        g_assert_cmpstr (g_quark_to_string (GSNMP_PDU_ERROR), ==, "gsnmp-pdu-error-quark");
        g_assert_true (G_TYPE_IS_ENUM (GSNMP_TYPE_ERROR));
        g_assert_true (G_TYPE_IS_ENUM (GSNMP_TYPE_PDU_ERROR));
}

static void
test_finalize_frees (void)
{
        /* the last unref drops the varbinds and the SNMPv1 enterprise OID
         * (checked under valgrind) */
        GsnmpPdu *pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_TRAP_V1);
        GsnmpVarbind *vb = null_varbind ("1.3.6.1.2.1.1.1.0");
        GsnmpVarbind *kept = gsnmp_varbind_ref (vb);

        pdu->enterprise = gsnmp_oid_new_from_string ("1.3.6.1.4.1.8072.3.2.10", NULL);
        gsnmp_pdu_take_varbind (pdu, vb);
        gsnmp_pdu_unref (pdu);

        /* our own reference is still valid */
        g_assert_cmpint (gsnmp_varbind_get_value_type (kept), ==, GSNMP_VALUE_TYPE_NULL);
        gsnmp_varbind_unref (kept);
}

int
main (int    argc,
      char **argv)
{
        g_test_init (&argc, &argv, NULL);

        g_test_add_func ("/gsnmp/pdu/new/types", test_new);
        g_test_add_func ("/gsnmp/pdu/varbinds/add", test_varbinds);
        g_test_add_func ("/gsnmp/pdu/varbinds/take", test_take_varbind);
        g_test_add_func ("/gsnmp/pdu/varbinds/out-of-range", test_varbind_out_of_range);
        g_test_add_func ("/gsnmp/pdu/varbinds/grow", test_varbinds_grow);
        g_test_add_func ("/gsnmp/pdu/fields/setters", test_private_setters);
        g_test_add_func ("/gsnmp/pdu/fields/bulk", test_bulk);
        g_test_add_func ("/gsnmp/pdu/boxed/ref", test_boxed);
        for (gsize i = 0; i < G_N_ELEMENTS (check_cases); i++) {
                g_autofree char *path = g_strdup_printf ("/gsnmp/pdu/check-error/status-%u-index-%u",
                                                         check_cases[i].status, check_cases[i].index);

                g_test_add_data_func (path, &check_cases[i], test_check_error);
        }
        g_test_add_func ("/gsnmp/pdu/check-error/no-varbinds", test_check_error_no_varbinds);
        g_test_add_func ("/gsnmp/pdu/error/to-string", test_error_to_string);
        g_test_add_func ("/gsnmp/pdu/error/quarks", test_error_quarks);
        g_test_add_func ("/gsnmp/pdu/finalize/frees", test_finalize_frees);

        return g_test_run ();
}
