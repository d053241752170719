/* test-mib.c - the MIB store: parsing modules, names, formatting, errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gsnmp-mib.h"
#include "gsnmp-mib-private.h"
#include "gsnmp-oid.h"
#include "gsnmp-varbind.h"
#include "gsnmp-error.h"

static GsnmpMib *all_mib;

static GsnmpMib *
core_mib (void)
{
        if (all_mib == NULL) {
                g_autoptr(GError) error = NULL;

                all_mib = gsnmp_mib_new ();
                gsnmp_mib_load_modules (all_mib,
                                        "SNMPv2-MIB:IF-MIB:IP-MIB:TCP-MIB:UDP-MIB:HOST-RESOURCES-MIB:"
                                        "SNMP-VIEW-BASED-ACM-MIB:SNMP-FRAMEWORK-MIB:SNMP-USER-BASED-SM-MIB:"
                                        "IP-FORWARD-MIB:NOTIFICATION-LOG-MIB:BRIDGE-MIB:EtherLike-MIB",
                                        &error);
                g_assert_no_error (error);
        }
        return all_mib;
}

static char *
name_of (const char *numeric,
         GsnmpFormatFlags flags)
{
        g_autoptr(GsnmpOid) oid = gsnmp_oid_new_from_string (numeric, NULL);

        g_assert_nonnull (oid);
        return gsnmp_mib_format_oid (core_mib (), oid, flags);
}

static char *
numeric_of (const char *name)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) oid = gsnmp_mib_parse_oid (core_mib (), name, &error);

        g_assert_no_error (error);
        return gsnmp_oid_to_string (oid);
}

static void
test_parse_names (void)
{
        static const struct { const char *name, *numeric; } cases[] = {
                { "sysDescr.0", "1.3.6.1.2.1.1.1.0" },
                { "SNMPv2-MIB::sysDescr.0", "1.3.6.1.2.1.1.1.0" },
                { "SNMPv2-MIB:sysDescr.0", "1.3.6.1.2.1.1.1.0" },
                { "IF-MIB::ifDescr.3", "1.3.6.1.2.1.2.2.1.2.3" },
                { "iso.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.1.0" },
                { ".iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0", "1.3.6.1.2.1.1.1.0" },
                { ".1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.1.0" },
                { "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.5.0" },
                { "system", "1.3.6.1.2.1.1" },
                { "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.\"alice\"", "1.3.6.1.6.3.16.1.2.1.3.3.5.97.108.105.99.101" },
                { "IP-MIB::ipAdEntIfIndex.127.0.0.1", "1.3.6.1.2.1.4.20.1.2.127.0.0.1" },
                { "ifType.1", "1.3.6.1.2.1.2.2.1.3.1" },
                { "enterprises.8072", "1.3.6.1.4.1.8072" },
                { "IF-MIB::ifXTable", "1.3.6.1.2.1.31.1.1" },
                { "SNMPv2-MIB::coldStart", "1.3.6.1.6.3.1.1.5.1" },
        };
        guint i;

        for (i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autofree char *numeric = numeric_of (cases[i].name);

                g_assert_cmpstr (numeric, ==, cases[i].numeric);
        }
}

static void
test_parse_unknown (void)
{
        static const char * const bad[] = {
                "sysDescrx.0", "NO-SUCH-MIB::sysDescr.0", "IF-MIB::sysNothing", "sysDescr.zero",
                "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.'alice'", "", "::", "iso.foo",
        };
        guint i;

        for (i = 0; i < G_N_ELEMENTS (bad); i++) {
                g_autoptr(GError) error = NULL;
                g_autoptr(GsnmpOid) oid = gsnmp_mib_parse_oid (core_mib (), bad[i], &error);

                g_assert_null (oid);
                g_assert_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNKNOWN_NAME);
        }
}

static void
test_format_oid (void)
{
        static const struct { const char *numeric; GsnmpFormatFlags flags; const char *name; } cases[] = {
                { "1.3.6.1.2.1.1.1.0", 0, "SNMPv2-MIB::sysDescr.0" },
                { "1.3.6.1.2.1.1.1.0", GSNMP_FORMAT_OID_SUFFIX, "sysDescr.0" },
                { "1.3.6.1.2.1.1.1.0", GSNMP_FORMAT_OID_FULL, ".iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0" },
                { "1.3.6.1.2.1.1.1.0", GSNMP_FORMAT_OID_NUMERIC, ".1.3.6.1.2.1.1.1.0" },
                { "1.3.6.1.2.1.1.1.0", GSNMP_FORMAT_OID_UCD, "system.sysDescr.0" },
                { "1.3", 0, "SNMPv2-SMI::org" },
                { "1", 0, "iso" },
                { "0.5", 0, "ccitt.5" },
                { "7.5", 0, ".7.5" },
                { "1.3.6.1.2.1.1.99.4", 0, "SNMPv2-MIB::system.99.4" },
                { "1.3.6.1.2.1.2.2.1.99.4.5", 0, "IF-MIB::ifEntry.99.4.5" },
                { "1.3.6.1.2.1.2.2.1.2.3", GSNMP_FORMAT_EXTENDED_INDEX, "IF-MIB::ifDescr[3]" },
                { "1.3.6.1.4.1.8072.3.2.10", 0, "SNMPv2-SMI::enterprises.8072.3.2.10" },
                { "1.3.6.1.6.3.16.1.2.1.3.3.5.97.108.105.99.101", 0, "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.\"alice\"" },
                { "1.3.6.1.6.3.16.1.2.1.3.3.5.97.108.105.99.101", GSNMP_FORMAT_NO_INDEX_BREAKDOWN,
                  "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.5.97.108.105.99.101" },
                { "1.3.6.1.6.3.16.1.2.1.3.3.5.97.108.105.99.101", GSNMP_FORMAT_EXTENDED_INDEX,
                  "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName[3][STRING: alice]" },
                { "1.3.6.1.2.1.4.20.1.2.127.0.0.1", GSNMP_FORMAT_OID_SUFFIX, "ipAdEntIfIndex.127.0.0.1" },
                { "1.3.6.1.2.1.4.34.1.3.1.4.127.0.0.1", 0, "IP-MIB::ipAddressIfIndex.ipv4.\"127.0.0.1\"" },
                { "1.3.6.1.2.1.4.34.1.3.1.4.127.0.0.1", GSNMP_FORMAT_EXTENDED_INDEX, "IP-MIB::ipAddressIfIndex[ipv4][\"127.0.0.1\"]" },
        };
        guint i;

        for (i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autofree char *name = name_of (cases[i].numeric, cases[i].flags);

                g_assert_cmpstr (name, ==, cases[i].name);
        }
}

static void
check_varbind (GsnmpVarbind    *vb,
               GsnmpFormatFlags flags,
               const char      *expected)
{
        g_autofree char *text = gsnmp_mib_format_varbind (core_mib (), vb, flags);

        g_assert_cmpstr (text, ==, expected);
        gsnmp_varbind_unref (vb);
}

/* OIDs for the varbind constructors, which take a reference of their own */
static GPtrArray *oids;

static GsnmpOid *
oid (const char *str)
{
        GsnmpOid *o = gsnmp_oid_new_from_string (str, NULL);

        if (oids == NULL)
                oids = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        g_ptr_array_add (oids, o);
        return o;
}

static void
test_format_values (void)
{
        static const guint8 mac[] = { 0x00, 0x1c, 0x6f, 0x65, 0xd0, 0x34 };
        static const guint8 date[] = { 0x07, 0xea, 12, 2, 9, 30, 15, 0, '+', 1, 0 };
        static const guint8 engine_id[] = { 0x80, 0x00, 0x1f, 0x88, 0x04 };

        check_varbind (gsnmp_varbind_new_string (oid ("1.3.6.1.2.1.1.1.0"), "Linux box"), 0,
                       "SNMPv2-MIB::sysDescr.0 = STRING: Linux box");
        check_varbind (gsnmp_varbind_new_integer (oid ("1.3.6.1.2.1.2.2.1.3.1"), 24), 0,
                       "IF-MIB::ifType.1 = INTEGER: softwareLoopback(24)");
        check_varbind (gsnmp_varbind_new_integer (oid ("1.3.6.1.2.1.2.2.1.3.1"), 24), GSNMP_FORMAT_NUMERIC_ENUMS,
                       "IF-MIB::ifType.1 = INTEGER: 24");
        check_varbind (gsnmp_varbind_new_integer (oid ("1.3.6.1.2.1.2.2.1.3.1"), 24), GSNMP_FORMAT_QUICK,
                       "IF-MIB::ifType.1 softwareLoopback");
        check_varbind (gsnmp_varbind_new_octet_string (oid ("1.3.6.1.2.1.2.2.1.6.2"), mac, sizeof mac),
                       GSNMP_FORMAT_OID_SUFFIX,
                       "ifPhysAddress.2 = STRING: 0:1c:6f:65:d0:34");
        check_varbind (gsnmp_varbind_new_octet_string (oid ("1.3.6.1.2.1.25.1.2.0"), date, sizeof date), 0,
                       "HOST-RESOURCES-MIB::hrSystemDate.0 = STRING: 2026-12-2,9:30:15.0,+1:0");
        check_varbind (gsnmp_varbind_new_octet_string (oid ("1.3.6.1.6.3.10.2.1.1.0"), engine_id, sizeof engine_id), 0,
                       "SNMP-FRAMEWORK-MIB::snmpEngineID.0 = Hex-STRING: 80 00 1F 88 04 ");
        check_varbind (gsnmp_varbind_new_gauge32 (oid ("1.3.6.1.2.1.2.2.1.5.1"), 10000000), 0,
                       "IF-MIB::ifSpeed.1 = Gauge32: 10000000");
        check_varbind (gsnmp_varbind_new_integer (oid ("1.3.6.1.2.1.25.2.3.1.4.1"), 4096), 0,
                       "HOST-RESOURCES-MIB::hrStorageAllocationUnits.1 = INTEGER: 4096 Bytes");
        check_varbind (gsnmp_varbind_new_integer (oid ("1.3.6.1.2.1.25.2.3.1.4.1"), 4096), GSNMP_FORMAT_NO_UNITS,
                       "HOST-RESOURCES-MIB::hrStorageAllocationUnits.1 = INTEGER: 4096");
        check_varbind (gsnmp_varbind_new_counter32 (oid ("1.3.6.1.2.1.1.1.0"), 5), 0,
                       "SNMPv2-MIB::sysDescr.0 = Wrong Type (should be OCTET STRING): Counter32: 5");
        check_varbind (gsnmp_varbind_new_timeticks (oid ("1.3.6.1.2.1.1.3.0"), 382209), GSNMP_FORMAT_NUMERIC_TIMETICKS,
                       "SNMPv2-MIB::sysUpTime.0 = 382209");
        check_varbind (gsnmp_varbind_new_oid (oid ("1.3.6.1.2.1.1.2.0"), oid ("1.3.6.1.4.1.8072.3.2.10")), 0,
                       "SNMPv2-MIB::sysObjectID.0 = OID: SNMPv2-SMI::enterprises.8072.3.2.10");
        check_varbind (gsnmp_varbind_new_string (oid ("1.3.6.1.2.1.1.1.0"), "Linux box"), GSNMP_FORMAT_VALUE_ONLY,
                       "STRING: Linux box");
}

static void
test_object_info (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpMibObject) object = gsnmp_mib_lookup_name (core_mib (), "IF-MIB::ifOperStatus", &error);
        g_autoptr(GsnmpOid) index = NULL;
        GsnmpOid *instance = oid ("1.3.6.1.2.1.2.2.1.2.7");
        g_autoptr(GsnmpMibObject) descr = NULL;
        g_auto(GStrv) labels = NULL;
        g_auto(GStrv) indexes = NULL;
        g_autofree char *description = NULL;
        gint64 value = 0;

        g_assert_no_error (error);
        g_assert_cmpstr (gsnmp_mib_object_get_name (object), ==, "ifOperStatus");
        g_assert_cmpstr (gsnmp_mib_object_get_module (object), ==, "IF-MIB");
        g_assert_cmpstr (gsnmp_mib_object_get_syntax (object), ==, "INTEGER");
        g_assert_cmpstr (gsnmp_mib_object_get_access (object), ==, "read-only");
        g_assert_cmpstr (gsnmp_mib_object_get_status (object), ==, "current");
        g_assert_cmpstr (gsnmp_mib_object_get_enum_label (object, 1), ==, "up");
        g_assert_true (gsnmp_mib_object_get_enum_value (object, "lowerLayerDown", &value));
        g_assert_cmpint (value, ==, 7);
        labels = gsnmp_mib_object_get_enum_labels (object);
        g_assert_cmpstr (labels[0], ==, "up");
        indexes = gsnmp_mib_object_get_index_names (object);
        g_assert_cmpstr (indexes[0], ==, "ifIndex");
        g_assert_null (indexes[1]);
        description = gsnmp_mib_object_get_description (object);
        g_assert_true (g_str_has_prefix (description, "The current operational state"));
        g_assert_cmpint (gsnmp_mib_object_get_value_type (object), ==, GSNMP_VALUE_TYPE_INTEGER);

        descr = gsnmp_mib_lookup (core_mib (), instance, &index);
        g_assert_cmpstr (gsnmp_mib_object_get_name (descr), ==, "ifDescr");
        g_assert_cmpstr (gsnmp_mib_object_get_syntax (descr), ==, "DisplayString");
        g_assert_cmpstr (gsnmp_mib_object_get_display_hint (descr), ==, "255a");
        g_assert_cmpuint (gsnmp_oid_get_length (index), ==, 1);
        g_assert_cmpuint (gsnmp_oid_get_id (index, 0), ==, 7);
}

static void
test_resolve (void)
{
        static const guint32 zero[] = { 0 };
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) a = gsnmp_mib_resolve (core_mib (), "SNMPv2-MIB", "sysDescr", zero, 1, &error);
        g_autofree char *s = NULL;

        g_assert_no_error (error);
        s = gsnmp_oid_to_string (a);
        g_assert_cmpstr (s, ==, "1.3.6.1.2.1.1.1.0");
        g_assert_null (gsnmp_mib_resolve (core_mib (), "SNMPv2-MIB", "ifDescr", NULL, 0, &error));
        g_assert_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNKNOWN_NAME);
}

/* Modules with errors, in a temporary folder */
static char *
write_modules (const char * const *files)
{
        g_autoptr(GError) error = NULL;
        char *dir = g_dir_make_tmp ("gsnmp-mib-XXXXXX", &error);
        guint i;

        g_assert_no_error (error);
        for (i = 0; files[i] != NULL; i += 2) {
                g_autofree char *path = g_build_filename (dir, files[i], NULL);

                g_file_set_contents (path, files[i + 1], -1, &error);
                g_assert_no_error (error);
        }
        return dir;
}

static void
remove_dir (char *dir)
{
        g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
        const char *name;

        while ((name = g_dir_read_name (d)) != NULL) {
                g_autofree char *path = g_build_filename (dir, name, NULL);

                g_unlink (path);
        }
        g_rmdir (dir);
        g_free (dir);
}

static GsnmpMib *
mib_in (const char *dir)
{
        GsnmpMib *mib = gsnmp_mib_new ();
        g_autofree char *path = g_strdup_printf ("%s:%s", dir, g_getenv ("GSNMP_MIBS_DIR"));

        gsnmp_mib_set_search_path (mib, path);
        return mib;
}

static void
test_errors (void)
{
        static const char * const files[] = {
                "a.txt", "A-MIB DEFINITIONS ::= BEGIN\nIMPORTS x FROM B-MIB;\na OBJECT IDENTIFIER ::= { x 1 }\nEND\n",
                "b.txt", "B-MIB DEFINITIONS ::= BEGIN\nIMPORTS a FROM A-MIB;\nx OBJECT IDENTIFIER ::= { iso 99 }\nEND\n",
                "c.txt", "C-MIB DEFINITIONS ::= BEGIN\nIMPORTS foo FROM NO-SUCH-MIB;\nc OBJECT IDENTIFIER ::= { iso 98 }\nEND\n",
                "d.txt", "D-MIB DEFINITIONS ::= BEGIN\nd OBJECT IDENTIFIER ::= { nowhere 1 }\nEND\n",
                "e.txt", "E-MIB DEFINITIONS ::= BEGIN\ne OBJECT-TYPE SYNTAX INTEGER { a(1 } ::= { iso 97 }\nEND\n",
                "f.txt", "F-MIB DEFINITIONS ::= BEGIN\nf OBJECT IDENTIFIER ::= { iso 96 }\n",
                NULL,
        };
        char *dir = write_modules (files);
        g_autoptr(GsnmpMib) mib = mib_in (dir);
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) c = NULL;

        g_assert_false (gsnmp_mib_load_module (mib, "A-MIB", &error));
        g_assert_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNRESOLVED);
        g_assert_nonnull (strstr (error->message, "cycle"));
        g_clear_error (&error);

        g_assert_false (gsnmp_mib_load_module (mib, "C-MIB", &error));
        g_assert_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNRESOLVED);
        g_assert_nonnull (strstr (error->message, "NO-SUCH-MIB"));
        g_clear_error (&error);
        /* what could be linked is there */
        c = gsnmp_mib_parse_oid (mib, "C-MIB::c", &error);
        g_assert_no_error (error);
        g_assert_nonnull (c);

        g_assert_false (gsnmp_mib_load_module (mib, "D-MIB", &error));
        g_assert_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNRESOLVED);
        g_assert_nonnull (strstr (error->message, "nowhere"));
        g_clear_error (&error);

        g_assert_false (gsnmp_mib_load_module (mib, "E-MIB", &error));
        g_assert_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_SYNTAX);
        g_assert_nonnull (strstr (error->message, ":2:"));
        g_clear_error (&error);

        g_assert_false (gsnmp_mib_load_module (mib, "F-MIB", &error));
        g_assert_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_SYNTAX);
        g_clear_error (&error);

        g_assert_false (gsnmp_mib_load_module (mib, "G-MIB", &error));
        g_assert_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_MODULE_NOT_FOUND);
        g_clear_error (&error);

        g_assert_false (gsnmp_mib_load_all (mib, &error));
        g_clear_error (&error);

        remove_dir (dir);
}

/* Every *.txt file in the bundled folder is a module the store loaded */
static void
check_every_file_loaded (const char * const *modules)
{
        const char *dir = g_getenv ("GSNMP_MIBS_DIR");
        g_autoptr(GDir) d = NULL;
        const char *name;
        guint n = 0;

        g_assert_nonnull (dir);
        d = g_dir_open (dir, 0, NULL);
        g_assert_nonnull (d);
        while ((name = g_dir_read_name (d)) != NULL) {
                g_autofree char *module = NULL;

                if (!g_str_has_suffix (name, ".txt"))
                        continue;
                module = g_strndup (name, strlen (name) - 4);
                if (!g_strv_contains (modules, module))
                        g_error ("bundled file %s is not a loaded module", name);
                n++;
        }
        g_assert_cmpuint (n, >=, 30);
}

/* Every bundled module parses and links without an error */
static void
test_bundled (void)
{
        static const struct {
                const char *module, *name, *numeric;
        } names[] = {
                { "ENTITY-MIB", "entPhysicalDescr", "1.3.6.1.2.1.47.1.1.1.1.2" },
                { "Q-BRIDGE-MIB", "dot1qTpFdbPort", "1.3.6.1.2.1.17.7.1.2.2.1.2" },
                { "P-BRIDGE-MIB", "dot1dTpHCPortInFrames", "1.3.6.1.2.1.17.4.5.1.1" },
                { "RMON2-MIB", "probeCapabilities", "1.3.6.1.2.1.16.19.1" },
        };
        g_autoptr(GsnmpMib) mib = gsnmp_mib_new ();
        g_autoptr(GError) error = NULL;
        g_auto(GStrv) modules = NULL;
        guint i;

        gsnmp_mib_load_all (mib, &error);
        g_assert_no_error (error);
        modules = gsnmp_mib_get_modules (mib);
        g_assert_cmpuint (g_strv_length (modules), >=, 30);
        check_every_file_loaded ((const char * const *) modules);
        for (i = 0; i < G_N_ELEMENTS (names); i++) {
                g_autoptr(GsnmpOid) oid = gsnmp_mib_resolve (mib, names[i].module, names[i].name,
                                                             NULL, 0, &error);
                g_autofree char *s = NULL;

                g_assert_no_error (error);
                s = gsnmp_oid_to_string (oid);
                g_assert_cmpstr (s, ==, names[i].numeric);
        }
}

/* The fuzz target's seed corpus, through the same entry point */
static void
test_corpus (void)
{
        g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fuzz", "corpus", "mib", NULL);
        g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
        const char *name;
        guint n = 0;

        g_assert_nonnull (d);
        while ((name = g_dir_read_name (d)) != NULL) {
                g_autofree char *path = g_build_filename (dir, name, NULL);
                g_autofree char *text = NULL;
                g_autoptr(GsnmpMib) mib = gsnmp_mib_new ();
                g_autoptr(GError) error = NULL;
                gsize length;

                g_assert_true (g_file_get_contents (path, &text, &length, NULL));
                if (!gsnmp_mib_load_text (mib, text, length, &error))
                        g_test_message ("%s: %s", name, error->message);
                n++;
        }
        g_assert_cmpuint (n, >=, 5);
}

static void
test_load_text (void)
{
        static const char text[] =
                "TEST-MIB DEFINITIONS ::= BEGIN\n"
                "IMPORTS OBJECT-TYPE, Integer32, enterprises FROM SNMPv2-SMI TEXTUAL-CONVENTION FROM SNMPv2-TC;\n"
                "Cents ::= TEXTUAL-CONVENTION DISPLAY-HINT \"d-2\" STATUS current DESCRIPTION \"d\" SYNTAX Integer32\n"
                "Mac ::= TEXTUAL-CONVENTION DISPLAY-HINT \"1x:\" STATUS current DESCRIPTION \"d\" SYNTAX OCTET STRING (SIZE (6))\n"
                "testMoney OBJECT-TYPE SYNTAX Cents UNITS \"euro\" MAX-ACCESS read-only STATUS current\n"
                "  DESCRIPTION \"m\" ::= { enterprises 99999 1 }\n"
                "testOctal OBJECT-TYPE SYNTAX OCTET STRING MAX-ACCESS read-only STATUS current DESCRIPTION \"o\" ::= { enterprises 99999 2 }\n"
                "END\n";
        g_autoptr(GsnmpMib) mib = gsnmp_mib_new ();
        g_autoptr(GError) error = NULL;
        g_autofree char *a = NULL;
        GsnmpVarbind *vb;

        g_assert_true (gsnmp_mib_load_text (mib, text, sizeof text - 1, &error));
        g_assert_no_error (error);
        vb = gsnmp_varbind_new_integer (oid ("1.3.6.1.4.1.99999.1.0"), -1234);
        a = gsnmp_mib_format_varbind (mib, vb, 0);
        g_assert_cmpstr (a, ==, "TEST-MIB::testMoney.0 = INTEGER: -12.34 euro");
        gsnmp_varbind_unref (vb);
}

static gpointer
lookup_thread (gpointer data)
{
        GsnmpMib *mib = data;
        guint i;

        for (i = 0; i < 2000; i++) {
                g_autoptr(GsnmpOid) o = gsnmp_mib_parse_oid (mib, "IF-MIB::ifDescr.3", NULL);
                g_autofree char *s = gsnmp_mib_format_oid (mib, o, 0);

                g_assert_cmpstr (s, ==, "IF-MIB::ifDescr.3");
        }
        return NULL;
}

static void
test_threads (void)
{
        g_autoptr(GsnmpMib) mib = gsnmp_mib_new ();
        GThread *threads[4];
        guint i;

        gsnmp_mib_load_module (mib, "IF-MIB", NULL);
        for (i = 0; i < G_N_ELEMENTS (threads); i++)
                threads[i] = g_thread_new ("lookup", lookup_thread, mib);
        /* a load while they look up */
        gsnmp_mib_load_module (mib, "IP-MIB", NULL);
        for (i = 0; i < G_N_ELEMENTS (threads); i++)
                g_thread_join (threads[i]);
}

static void
test_oid_from_name (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) a = gsnmp_oid_new_from_string ("SNMPv2-MIB::sysName.0", &error);
        g_autoptr(GsnmpOid) b = NULL;
        g_autofree char *s = NULL;

        g_assert_no_error (error);
        s = gsnmp_oid_to_string (a);
        g_assert_cmpstr (s, ==, "1.3.6.1.2.1.1.5.0");
        b = gsnmp_oid_new_from_string ("sysNameX.0", &error);
        g_assert_null (b);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID);
}

int
main (int argc, char *argv[])
{
        int ret;

        g_test_init (&argc, &argv, NULL);
        g_test_add_func ("/gsnmp/mib/parse/names", test_parse_names);
        g_test_add_func ("/gsnmp/mib/parse/unknown", test_parse_unknown);
        g_test_add_func ("/gsnmp/mib/format/oid", test_format_oid);
        g_test_add_func ("/gsnmp/mib/format/values", test_format_values);
        g_test_add_func ("/gsnmp/mib/object/info", test_object_info);
        g_test_add_func ("/gsnmp/mib/object/resolve", test_resolve);
        g_test_add_func ("/gsnmp/mib/load/errors", test_errors);
        g_test_add_func ("/gsnmp/mib/load/bundled", test_bundled);
        g_test_add_func ("/gsnmp/mib/load/threads", test_threads);
        g_test_add_func ("/gsnmp/mib/load/corpus", test_corpus);
        g_test_add_func ("/gsnmp/mib/load/text", test_load_text);
        g_test_add_func ("/gsnmp/mib/oid/from-name", test_oid_from_name);
        ret = g_test_run ();
        g_clear_object (&all_mib);
        g_clear_pointer (&oids, g_ptr_array_unref);
        return ret;
}
