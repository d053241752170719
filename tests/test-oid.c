/* test-oid.c - GsnmpOid tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gsnmp/gsnmp.h>

#include <string.h>

/*****************************************************************************/
/* Parsing */

typedef struct {
        const char    *str;
        const char    *canonical;       /* NULL: must fail */
        gsize          n_ids;
        const guint32 *ids;             /* NULL: not checked */
} ParseCase;

static const guint32 sysname_ids[] = { 1, 3, 6, 1, 2, 1, 1, 5, 0 };
static const guint32 max_ids[] = { 0, 4294967295u };
static const guint32 one_id[] = { 1 };

static const ParseCase parse_cases[] = {
        { "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.5.0", 9, sysname_ids },
        { ".1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.5.0", 9, sysname_ids },
        { "0.4294967295", "0.4294967295", 2, max_ids },
        { ".0.4294967295", "0.4294967295", 2, max_ids },
        { "1", "1", 1, one_id },
        { ".1", "1", 1, one_id },
        { "0", "0", 1, NULL },
        { "1.3.6.1.4.1.99999.000123", "1.3.6.1.4.1.99999.123", 8, NULL },
        { "2.999.1", "2.999.1", 3, NULL },

        /* invalid */
        { "", NULL, 0, NULL },
        { ".", NULL, 0, NULL },
        { "..", NULL, 0, NULL },
        { "..1", NULL, 0, NULL },
        { "1..3", NULL, 0, NULL },
        { "1.3.", NULL, 0, NULL },
        { "1.3.6.1.", NULL, 0, NULL },
        { "+1.3", NULL, 0, NULL },
        { "1.-3", NULL, 0, NULL },
        { "1.+3", NULL, 0, NULL },
        { " 1.3", NULL, 0, NULL },
        { "1.3 ", NULL, 0, NULL },
        { "1. 3", NULL, 0, NULL },
        { "1.3\n", NULL, 0, NULL },
        { "0x1.3", NULL, 0, NULL },
        { "1.0x3", NULL, 0, NULL },
        { "1.a", NULL, 0, NULL },
        { "1,3,6", NULL, 0, NULL },
        { "1.4294967296", NULL, 0, NULL },
        { "1.99999999999999999999999", NULL, 0, NULL },
        { "4294967296", NULL, 0, NULL },
        { "1.3.6.1\xc2\xa0", NULL, 0, NULL },
        { "１.３", NULL, 0, NULL },
};

static void
test_parse (gconstpointer data)
{
        const ParseCase *c = data;
        g_autoptr (GError) error = NULL;
        g_autoptr (GsnmpOid) oid = NULL;

        g_test_message ("parsing “%s”", c->str);
        oid = gsnmp_oid_new_from_string (c->str, &error);

        if (c->canonical == NULL) {
                g_assert_null (oid);
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID);
                /* The message names the string. */
                g_assert_nonnull (strstr (error->message, c->str));
                return;
        }

        g_assert_no_error (error);
        g_assert_nonnull (oid);
        g_assert_cmpuint (gsnmp_oid_get_length (oid), ==, c->n_ids);
        if (c->ids) {
                gsize n;
                const guint32 *ids = gsnmp_oid_get_ids (oid, &n);

                g_assert_cmpmem (ids, n * sizeof (guint32), c->ids, c->n_ids * sizeof (guint32));
        }

        {
                g_autofree char *str = gsnmp_oid_to_string (oid);

                g_assert_cmpstr (str, ==, c->canonical);
        }
}

static void
test_parse_error_messages (void)
{
        static const struct {
                const char *str;
                const char *message;
        } cases[] = {
                { "", "Invalid OID “”: it is empty" },
                { ".", "Invalid OID “.”: it is empty" },
                { "1..3", "Invalid OID “1..3”: sub-identifier 2 is empty" },
                { "1.3.", "Invalid OID “1.3.”: sub-identifier 3 is empty" },
                { "1.x", "Invalid OID “1.x”: sub-identifiers must be decimal numbers" },
                { "1.3a", "Invalid OID “1.3a”: sub-identifiers must be decimal numbers" },
                { "1.4294967296", "Invalid OID “1.4294967296”: sub-identifier 2 is larger than 4294967295" },
        };

        for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr (GError) error = NULL;
                GsnmpOid *oid;

                oid = gsnmp_oid_new_from_string (cases[i].str, &error);
                g_assert_null (oid);
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID);
                g_assert_cmpstr (error->message, ==, cases[i].message);
        }
}

static void
test_parse_null_error (void)
{
        /* A NULL GError location is fine for both outcomes. */
        g_autoptr (GsnmpOid) good = gsnmp_oid_new_from_string ("1.3", NULL);
        GsnmpOid *bad = gsnmp_oid_new_from_string ("1..3", NULL);

        g_assert_nonnull (good);
        g_assert_null (bad);
}

static char *
make_dotted (guint n_arcs,
             gboolean leading_dot)
{
        GString *s = g_string_new (leading_dot ? "." : "");

        for (guint i = 0; i < n_arcs; i++) {
                if (i > 0)
                        g_string_append_c (s, '.');
                g_string_append_printf (s, "%u", i == 0 ? 1 : 4294967295u - i);
        }

        return g_string_free (s, FALSE);
}

static void
test_parse_limits (void)
{
        g_autofree char *max = make_dotted (GSNMP_OID_MAX_LENGTH, FALSE);
        g_autofree char *max_dot = make_dotted (GSNMP_OID_MAX_LENGTH, TRUE);
        g_autofree char *too_long = make_dotted (GSNMP_OID_MAX_LENGTH + 1, FALSE);
        g_autofree char *far_too_long = make_dotted (10000, TRUE);
        g_autoptr (GError) error = NULL;
        g_autoptr (GsnmpOid) oid = NULL;
        g_autofree char *back = NULL;
        GsnmpOid *bad;

        oid = gsnmp_oid_new_from_string (max, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_oid_get_length (oid), ==, GSNMP_OID_MAX_LENGTH);
        back = gsnmp_oid_to_string (oid);
        g_assert_cmpstr (back, ==, max);
        g_clear_pointer (&oid, gsnmp_oid_unref);

        oid = gsnmp_oid_new_from_string (max_dot, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gsnmp_oid_get_length (oid), ==, GSNMP_OID_MAX_LENGTH);

        bad = gsnmp_oid_new_from_string (too_long, &error);
        g_assert_null (bad);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID);
        g_assert_nonnull (strstr (error->message, "more than 128 sub-identifiers"));
        g_clear_error (&error);

        bad = gsnmp_oid_new_from_string (far_too_long, &error);
        g_assert_null (bad);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID);
}

/*****************************************************************************/
/* Construction and accessors */

static void
test_new (void)
{
        static const guint32 ids[] = { 1, 3, 6, 1, 4, 1, 8072 };
        guint32 copy[G_N_ELEMENTS (ids)];
        g_autoptr (GsnmpOid) oid = NULL;
        g_autofree char *str = NULL;
        gsize n = 0;

        /* The ids are copied. */
        memcpy (copy, ids, sizeof (ids));
        oid = gsnmp_oid_new (copy, G_N_ELEMENTS (copy));
        copy[0] = 99;

        g_assert_cmpuint (gsnmp_oid_get_length (oid), ==, 7);
        g_assert_cmpmem (gsnmp_oid_get_ids (oid, &n), n * sizeof (guint32), ids, sizeof (ids));
        g_assert_nonnull (gsnmp_oid_get_ids (oid, NULL));
        g_assert_cmpuint (gsnmp_oid_get_id (oid, 0), ==, 1);
        g_assert_cmpuint (gsnmp_oid_get_id (oid, 6), ==, 8072);

        str = gsnmp_oid_to_string (oid);
        g_assert_cmpstr (str, ==, "1.3.6.1.4.1.8072");
}

static void
test_new_empty (void)
{
        g_autoptr (GsnmpOid) empty = gsnmp_oid_new (NULL, 0);
        g_autoptr (GsnmpOid) other = gsnmp_oid_new_from_string ("0.0", NULL);
        g_autofree char *str = gsnmp_oid_to_string (empty);
        gsize n = 99;

        g_assert_cmpuint (gsnmp_oid_get_length (empty), ==, 0);
        gsnmp_oid_get_ids (empty, &n);
        g_assert_cmpuint (n, ==, 0);
        g_assert_cmpstr (str, ==, "");
        /* The empty OID sorts first and is a prefix of everything. */
        g_assert_cmpint (gsnmp_oid_compare (empty, other), <, 0);
        g_assert_true (gsnmp_oid_has_prefix (other, empty));
        g_assert_true (gsnmp_oid_has_prefix (empty, empty));
        g_assert_false (gsnmp_oid_has_prefix (empty, other));
}

static void
test_new_too_long (void)
{
        if (g_test_subprocess ()) {
                guint32 ids[GSNMP_OID_MAX_LENGTH + 1] = { 0 };
                GsnmpOid *oid = gsnmp_oid_new (ids, G_N_ELEMENTS (ids));

                g_assert_null (oid);
                return;
        }

        g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_failed ();
        g_test_trap_assert_stderr ("*CRITICAL*n_ids <= GSNMP_OID_MAX_LENGTH*");
}

static void
test_new_child (void)
{
        static const guint32 index[] = { 1, 4, 127, 0, 0, 1 };
        g_autoptr (GsnmpOid) column = gsnmp_oid_new_from_string ("1.3.6.1.2.1.4.20.1.1", NULL);
        g_autoptr (GsnmpOid) cell = gsnmp_oid_new_child (column, index, G_N_ELEMENTS (index));
        g_autoptr (GsnmpOid) same = gsnmp_oid_new_child (column, NULL, 0);
        g_autofree char *str = gsnmp_oid_to_string (cell);

        g_assert_cmpstr (str, ==, "1.3.6.1.2.1.4.20.1.1.1.4.127.0.0.1");
        g_assert_cmpuint (gsnmp_oid_get_length (cell), ==, 16);
        g_assert_true (gsnmp_oid_has_prefix (cell, column));
        g_assert_true (gsnmp_oid_equal (same, column));
        g_assert_true (same != column);
}

static void
test_new_child_limit (void)
{
        guint32 ids[GSNMP_OID_MAX_LENGTH] = { 0 };
        g_autoptr (GsnmpOid) half = gsnmp_oid_new (ids, 64);
        g_autoptr (GsnmpOid) full = gsnmp_oid_new_child (half, ids, 64);

        g_assert_cmpuint (gsnmp_oid_get_length (full), ==, GSNMP_OID_MAX_LENGTH);

        if (g_test_subprocess ()) {
                GsnmpOid *bad = gsnmp_oid_new_child (half, ids, 65);

                g_assert_null (bad);
                return;
        }

        g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_failed ();
        g_test_trap_assert_stderr ("*CRITICAL*");
}

static void
test_ref (void)
{
        GsnmpOid *oid = gsnmp_oid_new_from_string ("1.3.6", NULL);

        g_assert_true (gsnmp_oid_ref (oid) == oid);
        gsnmp_oid_unref (oid);
        gsnmp_oid_unref (oid);
}

static void
test_boxed (void)
{
        g_autoptr (GsnmpOid) oid = gsnmp_oid_new_from_string ("1.3.6", NULL);
        GsnmpOid *copy;
        GValue value = G_VALUE_INIT;

        g_assert_true (G_TYPE_IS_BOXED (GSNMP_TYPE_OID));
        g_assert_cmpstr (g_type_name (GSNMP_TYPE_OID), ==, "GsnmpOid");

        /* Copying a boxed OID is a ref. */
        copy = g_boxed_copy (GSNMP_TYPE_OID, oid);
        g_assert_true (copy == oid);
        g_boxed_free (GSNMP_TYPE_OID, copy);

        g_value_init (&value, GSNMP_TYPE_OID);
        g_value_set_boxed (&value, oid);
        g_assert_true (g_value_get_boxed (&value) == oid);
        g_value_unset (&value);
}

/*****************************************************************************/
/* Ordering */

static void
test_compare (void)
{
        /* In strictly increasing order. */
        static const char *const sorted[] = {
                "0",
                "0.0",
                "0.1",
                "1",
                "1.3",
                "1.3.6",
                "1.3.6.0",
                "1.3.6.1",
                "1.3.6.1.0",
                "1.3.6.1.2",
                "1.3.6.1.2.1.1.1.0",
                "1.3.6.1.2.1.1.2",
                "1.3.6.1.2.1.1.10",
                "1.3.6.1.2.1.1.10.0",
                "1.3.6.1.4",
                "1.3.6.2",
                "1.3.6.10",
                "1.3.6.255",
                "1.3.6.256",
                "1.3.6.2147483647",
                "1.3.6.2147483648",
                "1.3.6.4294967295",
                "1.3.7",
                "1.4",
                "2",
                "4294967295",
        };
        GsnmpOid *oids[G_N_ELEMENTS (sorted)];

        for (gsize i = 0; i < G_N_ELEMENTS (sorted); i++) {
                oids[i] = gsnmp_oid_new_from_string (sorted[i], NULL);
                g_assert_nonnull (oids[i]);
        }

        for (gsize i = 0; i < G_N_ELEMENTS (sorted); i++) {
                for (gsize j = 0; j < G_N_ELEMENTS (sorted); j++) {
                        int c = gsnmp_oid_compare (oids[i], oids[j]);

                        if (i < j)
                                g_assert_cmpint (c, <, 0);
                        else if (i > j)
                                g_assert_cmpint (c, >, 0);
                        else
                                g_assert_cmpint (c, ==, 0);

                        g_assert_true (gsnmp_oid_equal (oids[i], oids[j]) == (i == j));
                }
        }

        for (gsize i = 0; i < G_N_ELEMENTS (sorted); i++)
                gsnmp_oid_unref (oids[i]);
}

static void
test_compare_equal_distinct (void)
{
        g_autoptr (GsnmpOid) a = gsnmp_oid_new_from_string ("1.3.6.1.2.1", NULL);
        g_autoptr (GsnmpOid) b = gsnmp_oid_new_from_string (".1.3.6.1.2.1", NULL);

        g_assert_true (a != b);
        g_assert_cmpint (gsnmp_oid_compare (a, b), ==, 0);
        g_assert_cmpint (gsnmp_oid_compare (a, a), ==, 0);
        g_assert_true (gsnmp_oid_equal (a, b));
        g_assert_cmpuint (gsnmp_oid_hash (a), ==, gsnmp_oid_hash (b));
}

static void
test_prefix (void)
{
        static const struct {
                const char *oid;
                const char *prefix;
                gboolean    expected;
        } cases[] = {
                { "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1", TRUE },
                { "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.5.0", TRUE },
                { "1.3.6.1.2.1.1.5.0", "1", TRUE },
                { "1.3.6.1.2.1", "1.3.6.1.2.1.1", FALSE },
                { "1.3.6.1.2.1", "1.3.6.1.2.2", FALSE },
                { "1.3.6.1.2.10", "1.3.6.1.2.1", FALSE },  /* not a string prefix */
                { "1.3.6.1.2.1", "1.3.6.1.2.10", FALSE },
                { "1.3.6.1.4.1.99999", "1.3.6.1.2", FALSE },
                { "2.3", "1", FALSE },
        };

        for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr (GsnmpOid) oid = gsnmp_oid_new_from_string (cases[i].oid, NULL);
                g_autoptr (GsnmpOid) prefix = gsnmp_oid_new_from_string (cases[i].prefix, NULL);

                g_assert_true (gsnmp_oid_has_prefix (oid, prefix) == cases[i].expected);
        }
}

static void
test_hash_table (void)
{
        g_autoptr (GHashTable) table = NULL;
        g_autoptr (GsnmpOid) lookup = NULL;
        static const char *const keys[] = {
                "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.5.0",
                "1.3.6.1.2.1.1.5", "1.3.6.1.2.1.1.5.0.0", "0", "0.0", "1.0", "0.1",
        };

        table = g_hash_table_new_full ((GHashFunc) gsnmp_oid_hash, (GEqualFunc) gsnmp_oid_equal,
                                       (GDestroyNotify) gsnmp_oid_unref, g_free);
        for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
                g_hash_table_insert (table, gsnmp_oid_new_from_string (keys[i], NULL),
                                     g_strdup (keys[i]));
        g_assert_cmpuint (g_hash_table_size (table), ==, G_N_ELEMENTS (keys));

        for (gsize i = 0; i < G_N_ELEMENTS (keys); i++) {
                g_autofree char *dotted = g_strconcat (".", keys[i], NULL);
                g_autoptr (GsnmpOid) key = gsnmp_oid_new_from_string (dotted, NULL);

                g_assert_cmpstr (g_hash_table_lookup (table, key), ==, keys[i]);
        }

        lookup = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.4.0", NULL);
        g_assert_null (g_hash_table_lookup (table, lookup));
}

static void
test_to_string_round_trip (void)
{
        static const char *const cases[] = {
                "0", "1", "1.3", "1.3.6.1.2.1.1.5.0", "0.0.0.0", "4294967295.4294967295",
                "1.3.6.1.4.1.2021.10.1.6.1", "2.25.329800735698586629295641978511506172918",
        };

        for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr (GError) error = NULL;
                g_autoptr (GsnmpOid) oid = gsnmp_oid_new_from_string (cases[i], &error);
                g_autofree char *str = NULL;
                g_autoptr (GsnmpOid) again = NULL;

                if (i == G_N_ELEMENTS (cases) - 1) {
                        /* UUID arcs do not fit in 32 bits */
                        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID);
                        continue;
                }
                g_assert_no_error (error);
                str = gsnmp_oid_to_string (oid);
                g_assert_cmpstr (str, ==, cases[i]);
                again = gsnmp_oid_new_from_string (str, NULL);
                g_assert_true (gsnmp_oid_equal (oid, again));
        }
}

int
main (int    argc,
      char **argv)
{
        g_test_init (&argc, &argv, NULL);

        for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++) {
                g_autofree char *path = NULL;

                path = g_strdup_printf ("/gsnmp/oid/parse/%s/%" G_GSIZE_FORMAT,
                                        parse_cases[i].canonical ? "valid" : "invalid", i);
                g_test_add_data_func (path, &parse_cases[i], test_parse);
        }
        g_test_add_func ("/gsnmp/oid/parse/error-messages", test_parse_error_messages);
        g_test_add_func ("/gsnmp/oid/parse/null-error", test_parse_null_error);
        g_test_add_func ("/gsnmp/oid/parse/limits", test_parse_limits);
        g_test_add_func ("/gsnmp/oid/new/ids", test_new);
        g_test_add_func ("/gsnmp/oid/new/empty", test_new_empty);
        g_test_add_func ("/gsnmp/oid/new/too-long", test_new_too_long);
        g_test_add_func ("/gsnmp/oid/new-child/basic", test_new_child);
        g_test_add_func ("/gsnmp/oid/new-child/limit", test_new_child_limit);
        g_test_add_func ("/gsnmp/oid/ref/basic", test_ref);
        g_test_add_func ("/gsnmp/oid/ref/boxed", test_boxed);
        g_test_add_func ("/gsnmp/oid/compare/order", test_compare);
        g_test_add_func ("/gsnmp/oid/compare/equal-distinct", test_compare_equal_distinct);
        g_test_add_func ("/gsnmp/oid/prefix/table", test_prefix);
        g_test_add_func ("/gsnmp/oid/hash/table", test_hash_table);
        g_test_add_func ("/gsnmp/oid/to-string/round-trip", test_to_string_round_trip);

        return g_test_run ();
}
