/* test-mib.c - the MIB store: parsing modules, names, formatting, errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

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

/* The reason in the message, in Net-SNMP's words (gsnmp's tool prints it
 * as snmpget does) */
static void
test_parse_detail (void)
{
        static const struct { const char *name, *message; } cases[] = {
                { "IF-MIB::ifDescr.abc", "IF-MIB::ifDescr.abc: Index out of range: abc (ifIndex)" },
                { "IF-MIB::ifDescr.1.x", "IF-MIB::ifDescr.1.x: Sub-id not found: ifIndex -> x" },
                { "IP-MIB::ipAdEntIfIndex.1.2.3.999",
                  "IP-MIB::ipAdEntIfIndex.1.2.3.999: Index out of range: 999 (ipAdEntAddr)" },
                { "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.'ab'",
                  "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.'ab': '-quote is for fixed length strings" },
                { "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.\"ab",
                  "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.\"ab: Index out of range: \"ab (vacmSecurityName)" },
                { ".1.3.6.x", ".1.3.6.x: Sub-id not found: dod -> x" },
                { "sysDescrx.0", "sysDescrx.0: Sub-id not found: (top) -> sysDescrx" },
                { "sysDescr.x.y", "sysDescr.x.y: x.y" },
                /* the ranges of the index types */
                { "IF-MIB::ifDescr.0", "IF-MIB::ifDescr.0: Index out of range: 0 (ifIndex)" },
                { "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.\"\"",
                  "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.\"\": Index out of range: \" (vacmSecurityName)" },
        };
        guint i;

        for (i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr(GError) error = NULL;
                g_autoptr(GsnmpOid) oid = gsnmp_mib_parse_oid (core_mib (), cases[i].name, &error);

                g_assert_null (oid);
                g_assert_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNKNOWN_NAME);
                g_assert_cmpstr (error->message, ==, cases[i].message);
        }
}

static void
test_children (void)
{
        static const guint32 if_entry[] = { 1, 3, 6, 1, 2, 1, 2, 2, 1 };
        static const guint32 nowhere[] = { 1, 3, 6, 1, 2, 1, 2, 2, 1, 2, 7 };
        g_autoptr(GsnmpOid) entry = gsnmp_oid_new (if_entry, G_N_ELEMENTS (if_entry));
        g_autoptr(GsnmpOid) instance = gsnmp_oid_new (nowhere, G_N_ELEMENTS (nowhere));
        g_autoptr(GsnmpOid) top = gsnmp_oid_new (NULL, 0);
        g_autoptr(GPtrArray) columns = gsnmp_mib_get_children (core_mib (), entry);
        g_autoptr(GPtrArray) none = gsnmp_mib_get_children (core_mib (), instance);
        g_autoptr(GPtrArray) roots = gsnmp_mib_get_children (core_mib (), top);
        g_autoptr(GsnmpOid) last = NULL;

        /* ifIndex .. ifSpecific, in the order of their sub-identifiers */
        g_assert_cmpuint (columns->len, ==, 22);
        g_assert_cmpstr (gsnmp_mib_object_get_name (columns->pdata[0]), ==, "ifIndex");
        g_assert_cmpstr (gsnmp_mib_object_get_name (columns->pdata[21]), ==, "ifSpecific");
        last = gsnmp_mib_object_get_oid (columns->pdata[21]);
        g_assert_cmpuint (gsnmp_oid_get_id (last, gsnmp_oid_get_length (last) - 1), ==, 22);
        g_assert_cmpuint (none->len, ==, 0);
        /* ccitt, iso, joint-iso-ccitt */
        g_assert_cmpuint (roots->len, ==, 3);
        g_assert_cmpstr (gsnmp_mib_object_get_name (roots->pdata[1]), ==, "iso");
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


/*****************************************************************************/
/* The compiled cache */

#define CACHE_TEST_MODULE(obj, desc) \
        "CACHE-TEST-MIB DEFINITIONS ::= BEGIN\n" \
        "IMPORTS OBJECT-TYPE, enterprises FROM SNMPv2-SMI DisplayString FROM SNMPv2-TC;\n" \
        "cacheTest OBJECT IDENTIFIER ::= { enterprises 99998 }\n" \
        obj " OBJECT-TYPE SYNTAX INTEGER { up(1), down(2) } MAX-ACCESS read-only\n" \
        "    STATUS current DESCRIPTION \"" desc "\" ::= { cacheTest 1 }\n" \
        "cacheName OBJECT-TYPE SYNTAX DisplayString MAX-ACCESS read-only STATUS current\n" \
        "    DESCRIPTION \"a name\" ::= { cacheTest 2 }\n" \
        "END\n"

/* A store of @dir and the bundled folder, caching in @cache_dir (NULL: no
 * cache), with every module loaded */
static GsnmpMib *
cached_mib (const char *dir,
            const char *cache_dir)
{
        GsnmpMib *mib = mib_in (dir);
        g_autoptr(GError) error = NULL;

        gsnmp_mib_set_cache_directory (mib, cache_dir);
        gsnmp_mib_load_all (mib, &error);
        g_assert_no_error (error);
        return mib;
}

/* Whether @module came from a cache (its strings live in the cache's
 * buffer) rather than from parsing its file */
static gboolean
module_from_cache (GsnmpMib   *mib,
                   const char *module,
                   const char *label)
{
        MibNode *node = gsnmp_mib_find_label (mib, module, label);

        g_assert_nonnull (node);
        return node->module->strings == NULL;
}

static guint
count_files (const char *dir)
{
        g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
        guint n = 0;

        while (d != NULL && g_dir_read_name (d) != NULL)
                n++;
        return n;
}

/* The one cache file in @cache_dir */
static char *
cache_file (const char *cache_dir)
{
        g_autoptr(GDir) d = g_dir_open (cache_dir, 0, NULL);
        const char *name;

        g_assert_nonnull (d);
        name = g_dir_read_name (d);
        g_assert_nonnull (name);
        g_assert_true (g_str_has_prefix (name, "mibs-") && g_str_has_suffix (name, ".cache"));
        g_assert_null (g_dir_read_name (d));
        return g_build_filename (cache_dir, name, NULL);
}

/* The whole tree as gsnmp translate -Tp prints it, and a description */
static char *
tree_of (GsnmpMib *mib)
{
        g_autoptr(GsnmpOid) root = gsnmp_oid_new_from_string ("1", NULL);
        g_autoptr(GsnmpOid) descr = gsnmp_mib_parse_oid (mib, "SNMPv2-MIB::sysDescr", NULL);
        g_autoptr(GsnmpOid) if_type = gsnmp_mib_parse_oid (mib, "IF-MIB::ifType", NULL);
        g_autofree char *tree = gsnmp_mib_format_tree (mib, root);
        g_autofree char *d1 = gsnmp_mib_describe (mib, descr);
        g_autofree char *d2 = gsnmp_mib_describe (mib, if_type);
        g_auto(GStrv) modules = gsnmp_mib_get_modules (mib);
        g_autofree char *names = g_strjoinv (",", modules);

        g_assert_nonnull (tree);
        g_assert_nonnull (d1);
        g_assert_nonnull (d2);
        return g_strconcat (names, "\n", tree, d1, d2, NULL);
}

/* A second store loads every module from the cache the first wrote, and
 * knows exactly what a store without a cache knows */
static void
test_cache_hit (void)
{
        static const char * const files[] = { "CACHE-TEST-MIB.txt", CACHE_TEST_MODULE ("cacheObjA", "first"), NULL };
        char *dir = write_modules (files);
        char *cache_dir = g_dir_make_tmp ("gsnmp-mib-cache-XXXXXX", NULL);
        g_autoptr(GsnmpMib) first = cached_mib (dir, cache_dir);
        g_autoptr(GsnmpMib) second = NULL;
        g_autoptr(GsnmpMib) plain = cached_mib (dir, NULL);
        g_autofree char *expected = tree_of (plain);
        g_autofree char *got = NULL;
        g_autoptr(GsnmpMibObject) object = NULL;
        g_autofree char *description = NULL;

        g_assert_false (module_from_cache (first, "SNMPv2-MIB", "sysDescr"));
        g_assert_cmpuint (count_files (cache_dir), ==, 1);
        second = cached_mib (dir, cache_dir);
        g_assert_true (module_from_cache (second, "SNMPv2-MIB", "sysDescr"));
        g_assert_true (module_from_cache (second, "CACHE-TEST-MIB", "cacheObjA"));
        g_assert_false (module_from_cache (plain, "SNMPv2-MIB", "sysDescr"));
        got = tree_of (second);
        g_assert_cmpstr (got, ==, expected);
        object = gsnmp_mib_lookup_name (second, "CACHE-TEST-MIB::cacheObjA", NULL);
        g_assert_nonnull (object);
        description = gsnmp_mib_object_get_description (object);
        g_assert_cmpstr (description, ==, "first");
        g_assert_cmpstr (gsnmp_mib_object_get_enum_label (object, 2), ==, "down");
        g_clear_pointer (&object, gsnmp_mib_object_unref);
        object = gsnmp_mib_lookup_name (second, "CACHE-TEST-MIB::cacheName", NULL);
        g_assert_cmpstr (gsnmp_mib_object_get_display_hint (object), ==, "255a");
        /* nothing changed: the cache was not written again */
        g_assert_cmpuint (count_files (cache_dir), ==, 1);

        remove_dir (dir);
        remove_dir (cache_dir);
}

static void
set_mtime (const char *path,
           gint64      seconds)
{
        struct utimbuf times = { (time_t) seconds, (time_t) seconds };

        g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* A module file that changed (size, or only its modification time) is
 * parsed again, the others still come from the cache */
static void
test_cache_stale (void)
{
        static const char * const files[] = { "CACHE-TEST-MIB.txt", CACHE_TEST_MODULE ("cacheObjA", "first"), NULL };
        char *dir = write_modules (files);
        char *cache_dir = g_dir_make_tmp ("gsnmp-mib-cache-XXXXXX", NULL);
        g_autofree char *path = g_build_filename (dir, "CACHE-TEST-MIB.txt", NULL);
        g_autoptr(GsnmpMib) first = cached_mib (dir, cache_dir);
        g_autoptr(GsnmpMib) second = NULL;
        g_autoptr(GsnmpMib) third = NULL;
        g_autoptr(GsnmpMib) fourth = NULL;
        g_autoptr(GsnmpOid) oid = NULL;
        GStatBuf st;
        FILE *f;

        /* a new size (and, through g_file_set_contents, a new inode) */
        g_assert_true (g_file_set_contents (path, CACHE_TEST_MODULE ("cacheObjLonger", "second"), -1, NULL));
        second = cached_mib (dir, cache_dir);
        g_assert_false (module_from_cache (second, "CACHE-TEST-MIB", "cacheObjLonger"));
        g_assert_true (module_from_cache (second, "SNMPv2-MIB", "sysDescr"));
        g_assert_null (gsnmp_mib_find_label (second, "CACHE-TEST-MIB", "cacheObjA"));

        /* the same size and inode, written in place: only the time differs */
        g_assert_cmpint (g_stat (path, &st), ==, 0);
        f = fopen (path, "r+");
        g_assert_nonnull (f);
        fputs (CACHE_TEST_MODULE ("cacheObjShort", "second"), f);
        fclose (f);
        set_mtime (path, (gint64) st.st_mtime + 10);
        third = cached_mib (dir, cache_dir);
        g_assert_false (module_from_cache (third, "CACHE-TEST-MIB", "cacheObjShort"));
        g_assert_null (gsnmp_mib_find_label (third, "CACHE-TEST-MIB", "cacheObjLonger"));
        oid = gsnmp_mib_parse_oid (third, "cacheObjShort.0", NULL);
        g_assert_nonnull (oid);

        /* and that is cached in turn */
        fourth = cached_mib (dir, cache_dir);
        g_assert_true (module_from_cache (fourth, "CACHE-TEST-MIB", "cacheObjShort"));

        remove_dir (dir);
        remove_dir (cache_dir);
}

/* A module added to a folder after the cache was written loads */
static void
test_cache_added (void)
{
        static const char * const files[] = { "CACHE-TEST-MIB.txt", CACHE_TEST_MODULE ("cacheObjA", "first"), NULL };
        char *dir = write_modules (files);
        char *cache_dir = g_dir_make_tmp ("gsnmp-mib-cache-XXXXXX", NULL);
        g_autofree char *path = g_build_filename (dir, "ADDED-TEST-MIB.txt", NULL);
        g_autoptr(GsnmpMib) first = cached_mib (dir, cache_dir);
        g_autoptr(GsnmpMib) second = NULL;
        g_autoptr(GsnmpOid) oid = NULL;
        g_auto(GStrv) modules = NULL;

        g_assert_true (g_file_set_contents (path,
                                            "ADDED-TEST-MIB DEFINITIONS ::= BEGIN\n"
                                            "IMPORTS enterprises FROM SNMPv2-SMI;\n"
                                            "addedObj OBJECT IDENTIFIER ::= { enterprises 99997 }\n"
                                            "END\n", -1, NULL));
        second = cached_mib (dir, cache_dir);
        modules = gsnmp_mib_get_modules (second);
        g_assert_true (g_strv_contains ((const char * const *) modules, "ADDED-TEST-MIB"));
        oid = gsnmp_mib_parse_oid (second, "ADDED-TEST-MIB::addedObj", NULL);
        g_assert_nonnull (oid);
        g_assert_true (module_from_cache (second, "CACHE-TEST-MIB", "cacheObjA"));

        remove_dir (dir);
        remove_dir (cache_dir);
}

/* Garbage, truncated, corrupted and forged caches are ignored (or, forged
 * with a right checksum, decoded within bounds), never a crash */
static void
test_cache_garbage (void)
{
        static const char * const files[] = { "CACHE-TEST-MIB.txt", CACHE_TEST_MODULE ("cacheObjA", "first"), NULL };
        char *dir = write_modules (files);
        char *cache_dir = g_dir_make_tmp ("gsnmp-mib-cache-XXXXXX", NULL);
        g_autoptr(GsnmpMib) plain = cached_mib (dir, NULL);
        g_autofree char *expected = tree_of (plain);
        g_autoptr(GsnmpMib) first = cached_mib (dir, cache_dir);
        g_autofree char *path = cache_file (cache_dir);
        g_autofree char *valid = NULL;
        g_autoptr(GRand) rand = g_rand_new_with_seed (12);
        gsize length, i;
        guint round;

        g_assert_true (g_file_get_contents (path, &valid, &length, NULL));
        g_assert_cmpuint (length, >, 1000);
        /* the forged one first: the next rounds make the store write a
         * right cache again */
        for (round = 5; round < 6 + 5; round++) {
                g_autofree char *data = g_memdup2 (valid, length);
                gsize n = length;
                g_autoptr(GsnmpMib) mib = NULL;
                g_autofree char *got = NULL;
                guint64 sum;

                switch (round % 6) {
                case 0:         /* random bytes */
                        for (i = 0; i < n; i++)
                                data[i] = (char) g_rand_int (rand);
                        break;
                case 1:         /* truncated */
                        n = length / 2;
                        break;
                case 2:         /* a byte changed: the checksum fails */
                        data[length / 2] ^= 0x5a;
                        break;
                case 3:         /* empty */
                        n = 0;
                        break;
                case 4:         /* only the header */
                        n = 32;
                        break;
                case 5:         /* bytes changed and the checksum forged */
                        for (i = 0; i < 64; i++)
                                data[32 + g_rand_int_range (rand, 0, (gint32) (length - 32))] = (char) g_rand_int (rand);
                        sum = gsnmp_mib_cache_checksum ((const guint8 *) data + 32, length - 32);
                        memcpy (data + 24, &sum, 8);
                        break;
                default:
                        g_assert_not_reached ();
                }
                g_assert_true (g_file_set_contents (path, data, (gssize) n, NULL));
                mib = mib_in (dir);
                gsnmp_mib_set_cache_directory (mib, cache_dir);
                gsnmp_mib_load_all (mib, NULL);
                if (round == 5)
                        continue;       /* forged: bounded, not necessarily right */
                got = tree_of (mib);
                g_assert_cmpstr (got, ==, expected);
                g_assert_false (module_from_cache (mib, "SNMPv2-MIB", "sysDescr"));
        }
        /* The cache was written again, whole: the next store uses it */
        {
                g_autoptr(GsnmpMib) again = cached_mib (dir, cache_dir);
                g_autofree char *got = tree_of (again);

                g_assert_true (module_from_cache (again, "SNMPv2-MIB", "sysDescr"));
                g_assert_cmpstr (got, ==, expected);
        }

        remove_dir (dir);
        remove_dir (cache_dir);
}

/* Every prefix and single-byte change of a small cache, decoded without
 * the checksum (the fuzz target's way in) */
static void
test_cache_decoder (void)
{
        static const char * const files[] = {
                "s.txt", "S-MIB DEFINITIONS ::= BEGIN\n"
                         "T ::= TEXTUAL-CONVENTION DISPLAY-HINT \"1x:\" STATUS current DESCRIPTION \"t\"\n"
                         "    SYNTAX OCTET STRING (SIZE (6))\n"
                         "s OBJECT IDENTIFIER ::= { iso 99 }\n"
                         "sT OBJECT-TYPE SYNTAX SEQUENCE OF SE MAX-ACCESS not-accessible STATUS current\n"
                         "    DESCRIPTION \"d\" ::= { s 1 }\n"
                         "sE OBJECT-TYPE SYNTAX SE MAX-ACCESS not-accessible STATUS current\n"
                         "    DESCRIPTION \"d\" INDEX { IMPLIED sA } ::= { sT 1 }\n"
                         "sA OBJECT-TYPE SYNTAX T MAX-ACCESS read-only STATUS current\n"
                         "    DESCRIPTION \"d\" ::= { sE 1 }\n"
                         "sB OBJECT-TYPE SYNTAX INTEGER { a(1), b(2) } UNITS \"s\" MAX-ACCESS read-only\n"
                         "    STATUS current DESCRIPTION \"d\" DEFVAL { a } ::= { sE 2 }\n"
                         "END\n",
                /* no definitions at all (the fuzz target's first find) */
                "e.txt", "E-MIB DEFINITIONS ::= BEGIN\nEND\n",
                NULL,
        };
        char *dir = write_modules (files);
        char *cache_dir = g_dir_make_tmp ("gsnmp-mib-cache-XXXXXX", NULL);
        g_autoptr(GsnmpMib) mib = gsnmp_mib_new ();
        g_autofree char *path = NULL;
        g_autofree guint8 *valid = NULL;
        gsize length, i;

        gsnmp_mib_set_search_path (mib, dir);
        gsnmp_mib_set_cache_directory (mib, cache_dir);
        g_assert_true (gsnmp_mib_load_modules (mib, "S-MIB:E-MIB", NULL));
        path = cache_file (cache_dir);
        g_assert_true (g_file_get_contents (path, (char **) &valid, &length, NULL));
        g_assert_cmpuint (gsnmp_mib_cache_exercise (valid, length), ==, 2);
        for (i = 0; i < length; i++)
                g_assert_cmpuint (gsnmp_mib_cache_exercise (valid, i), ==, 0);
        for (i = 0; i < length; i++) {
                g_autofree guint8 *data = g_memdup2 (valid, length);

                data[i] ^= 0xff;
                gsnmp_mib_cache_exercise (data, length);
                data[i] = (guint8) (valid[i] + 1);
                gsnmp_mib_cache_exercise (data, length);
        }

        remove_dir (dir);
        remove_dir (cache_dir);
}

/* The cache fuzz target's seed corpus, through the same entry point */
static void
test_cache_corpus (void)
{
        g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fuzz", "corpus", "mib-cache", NULL);
        g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
        const char *name;
        guint n = 0, modules = 0;

        g_assert_nonnull (d);
        while ((name = g_dir_read_name (d)) != NULL) {
                g_autofree char *path = g_build_filename (dir, name, NULL);
                g_autofree char *data = NULL;
                gsize length;

                g_assert_true (g_file_get_contents (path, &data, &length, NULL));
                modules += gsnmp_mib_cache_exercise ((const guint8 *) data, length);
                n++;
        }
        g_assert_cmpuint (n, >=, 3);
        g_assert_cmpuint (modules, >=, 4);
}

/* A cache folder that cannot be made, or caching turned off: no error, no
 * cache, the same modules */
static void
test_cache_unwritable (void)
{
        static const char * const files[] = { "CACHE-TEST-MIB.txt", CACHE_TEST_MODULE ("cacheObjA", "first"), NULL };
        char *dir = write_modules (files);
        char *cache_dir = g_dir_make_tmp ("gsnmp-mib-cache-XXXXXX", NULL);
        g_autofree char *blocker = g_build_filename (cache_dir, "file", NULL);
        /* below a regular file: fails even for root, who may write anywhere */
        g_autofree char *below = g_build_filename (blocker, "gsnmp", NULL);
        g_autoptr(GsnmpMib) plain = cached_mib (dir, NULL);
        g_autofree char *expected = tree_of (plain);
        g_autoptr(GsnmpMib) a = NULL;
        g_autoptr(GsnmpMib) b = NULL;
        g_autoptr(GsnmpMib) c = NULL;
        g_autofree char *got_a = NULL, *got_b = NULL;

        g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
        a = cached_mib (dir, below);
        got_a = tree_of (a);
        g_assert_cmpstr (got_a, ==, expected);
        g_assert_cmpuint (count_files (cache_dir), ==, 1);

        g_setenv ("GSNMP_MIB_CACHE", "0", TRUE);
        b = cached_mib (dir, cache_dir);
        c = cached_mib (dir, cache_dir);
        g_unsetenv ("GSNMP_MIB_CACHE");
        got_b = tree_of (c);
        g_assert_cmpstr (got_b, ==, expected);
        g_assert_false (module_from_cache (c, "SNMPv2-MIB", "sysDescr"));
        g_assert_cmpuint (count_files (cache_dir), ==, 1);

        remove_dir (dir);
        remove_dir (cache_dir);
}

int
main (int argc, char *argv[])
{
        int ret;

        g_test_init (&argc, &argv, NULL);
        g_test_add_func ("/gsnmp/mib/parse/names", test_parse_names);
        g_test_add_func ("/gsnmp/mib/parse/unknown", test_parse_unknown);
        g_test_add_func ("/gsnmp/mib/parse/detail", test_parse_detail);
        g_test_add_func ("/gsnmp/mib/object/children", test_children);
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
        g_test_add_func ("/gsnmp/mib/cache/hit", test_cache_hit);
        g_test_add_func ("/gsnmp/mib/cache/stale", test_cache_stale);
        g_test_add_func ("/gsnmp/mib/cache/added", test_cache_added);
        g_test_add_func ("/gsnmp/mib/cache/garbage", test_cache_garbage);
        g_test_add_func ("/gsnmp/mib/cache/decoder", test_cache_decoder);
        g_test_add_func ("/gsnmp/mib/cache/corpus", test_cache_corpus);
        g_test_add_func ("/gsnmp/mib/cache/unwritable", test_cache_unwritable);
        ret = g_test_run ();
        g_clear_object (&all_mib);
        g_clear_pointer (&oids, g_ptr_array_unref);
        return ret;
}
