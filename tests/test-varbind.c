/* test-varbind.c - GsnmpVarbind tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gsnmp/gsnmp.h>
#include "gsnmp-varbind-private.h"

#include <locale.h>
#include <string.h>

/*****************************************************************************/
/* Formatting, checked against Net-SNMP */

typedef enum {
        VALUE_NULL,
        VALUE_INTEGER,
        VALUE_STRING,
        VALUE_OCTETS,
        VALUE_OID,
        VALUE_IP,
        VALUE_COUNTER32,
        VALUE_GAUGE32,
        VALUE_TIMETICKS,
        VALUE_OPAQUE,
        VALUE_COUNTER64,
        VALUE_EXCEPTION,
} ValueKind;

typedef struct {
        const char *oid;
        ValueKind   kind;
        struct {
                gint32          i;
                guint64         u;
                const char     *s;      /* VALUE_STRING text, VALUE_OID dotted */
                const guint8   *data;   /* VALUE_OCTETS, VALUE_OPAQUE, VALUE_IP */
                gsize           len;
                GsnmpValueType  type;   /* VALUE_EXCEPTION */
        } arg;
        const char *value;              /* snmpget -On -Ov */
        const char *quick;              /* snmpget -On -Oqv */
} FormatCase;

/* Every expectation below is the output of Net-SNMP 5.9.3 (Debian 12's
 * snmp package), run with LC_ALL=C and MIBS="" so that nothing is resolved
 * to a name:
 *
 *   snmpget -On [-Ov | -Oqv] -v2c -c public udp:127.0.0.1:PORT OID
 *
 * against Net-SNMP's snmpd on a free loopback port.  snmpd served the values
 * from "override" lines (octet_str, integer, counter, uinteger, unsigned,
 * timeticks, object_id) and from a "pass" script (counter64, ipaddress,
 * gauge, octet for arbitrary bytes, opaque for arbitrary contents); the
 * exceptions came from a missing object (.1.3.6.1.4.1.99998.1), a missing
 * instance (sysName.1) and snmpgetnext past the end of the tree.  The line
 * printed without -Ov was checked to be "OID = " + the -Ov value, -Oq to
 * be "OID " + the -Oqv value, -OQ to be "OID = " + the -Oqv value, -OQv to
 * equal -Oqv and -Oe to change nothing, for every case.  NULL, which agents
 * do not return, was checked with snmptrapd -On (and -On -Oq) receiving
 * snmptrap's "n" type (".1.3.6.1.4.1.99999.3.1 = NULL", "… NULL").
 *
 * Net-SNMP's printing code is snmplib/mib.c (sprint_realloc_octet_string,
 * sprint_realloc_hexstring, uptimeString, sprint_realloc_opaque, …); the
 * Opaque cases include the 64-bit integers and floats that Net-SNMP
 * wraps in Opaque (snmplib/asn1.c with NETSNMP_WITH_OPAQUE_SPECIAL_TYPES). */
static const FormatCase format_cases[] = {
        { ".1.3.6.1.4.1.99999.3.1", VALUE_NULL, { 0 },
          "NULL",
          "NULL" },
        { ".1.3.6.1.4.1.99999.1.1.0", VALUE_STRING, { .s = "peers-agent" },
          "STRING: \"peers-agent\"",
          "\"peers-agent\"" },
        { ".1.3.6.1.4.1.99999.1.2.0", VALUE_INTEGER, { .i = -3 },
          "INTEGER: -3",
          "-3" },
        { ".1.3.6.1.4.1.99999.1.12.0", VALUE_INTEGER, { .i = 0 },
          "INTEGER: 0",
          "0" },
        { ".1.3.6.1.4.1.99999.2.19", VALUE_INTEGER, { .i = G_MININT32 },
          "INTEGER: -2147483648",
          "-2147483648" },
        { ".1.3.6.1.4.1.99999.2.40", VALUE_INTEGER, { .i = G_MAXINT32 },
          "INTEGER: 2147483647",
          "2147483647" },
        { ".1.3.6.1.4.1.99999.1.3.0", VALUE_COUNTER32, { .u = 4294967295u },
          "Counter32: 4294967295",
          "4294967295" },
        { ".1.3.6.1.4.1.99999.1.4.0", VALUE_GAUGE32, { .u = 42 },
          "Gauge32: 42",
          "42" },
        { ".1.3.6.1.4.1.99999.2.13", VALUE_GAUGE32, { .u = 4294967295u },
          "Gauge32: 4294967295",
          "4294967295" },
        { ".1.3.6.1.4.1.99999.1.5.0", VALUE_TIMETICKS, { .u = 382209 },
          "Timeticks: (382209) 1:03:42.09",
          "0:1:03:42.09" },
        { ".1.3.6.1.4.1.99999.1.11.0", VALUE_TIMETICKS, { .u = 8639999 },
          "Timeticks: (8639999) 23:59:59.99",
          "0:23:59:59.99" },
        { ".1.3.6.1.4.1.99999.2.14", VALUE_TIMETICKS, { .u = 8640000 },
          "Timeticks: (8640000) 1 day, 0:00:00.00",
          "1:0:00:00.00" },
        { ".1.3.6.1.4.1.99999.2.15", VALUE_TIMETICKS, { .u = 17280099 },
          "Timeticks: (17280099) 2 days, 0:00:00.99",
          "2:0:00:00.99" },
        { ".1.3.6.1.4.1.99999.2.16", VALUE_TIMETICKS, { .u = 4294967295u },
          "Timeticks: (4294967295) 497 days, 2:27:52.95",
          "497:2:27:52.95" },
        { ".1.3.6.1.4.1.99999.2.17", VALUE_TIMETICKS, { .u = 0 },
          "Timeticks: (0) 0:00:00.00",
          "0:0:00:00.00" },
        { ".1.3.6.1.4.1.99999.1.6.0", VALUE_OID, { .s = "1.3.6.1.4.1.8072.3.2.10" },
          "OID: .1.3.6.1.4.1.8072.3.2.10",
          ".1.3.6.1.4.1.8072.3.2.10" },
        { ".1.3.6.1.4.1.99999.2.18", VALUE_OID, { .s = "0.0" },
          "OID: .0.0",
          ".0.0" },
        { ".1.3.6.1.4.1.99999.2.1", VALUE_COUNTER64, { .u = G_MAXUINT64 },
          "Counter64: 18446744073709551615",
          "18446744073709551615" },
        { ".1.3.6.1.4.1.99999.2.5", VALUE_COUNTER64, { .u = 0 },
          "Counter64: 0",
          "0" },
        { ".1.3.6.1.4.1.99999.2.2", VALUE_IP, { .data = (const guint8[]) { 192, 0, 2, 1 }, .len = 4 },
          "IpAddress: 192.0.2.1",
          "192.0.2.1" },
        { ".1.3.6.1.4.1.99999.2.20", VALUE_IP, { .data = (const guint8[]) { 0, 0, 0, 0 }, .len = 4 },
          "IpAddress: 0.0.0.0",
          "0.0.0.0" },
        { ".1.3.6.1.4.1.99999.1.7.0", VALUE_OCTETS, { .data = NULL, .len = 0 },
          "\"\"",
          "\"\"" },
        { ".1.3.6.1.4.1.99999.1.9.0", VALUE_OCTETS, { .data = (const guint8[]) { 0x00, 0xff, 0x10 }, .len = 3 },
          "Hex-STRING: 00 FF 10 ",
          "\"00 FF 10 \"" },
        { ".1.3.6.1.4.1.99999.2.6", VALUE_OCTETS, { .data = (const guint8[]) { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x20 }, .len = 33 },
          "Hex-STRING: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F \n20 ",
          "\"00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F \n20 \"" },
        { ".1.3.6.1.4.1.99999.2.7", VALUE_OCTETS, { .data = (const guint8[]) { 0xc3, 0xa9, 0x74, 0xc3, 0xa9 }, .len = 5 },
          "Hex-STRING: C3 A9 74 C3 A9 ",
          "\"C3 A9 74 C3 A9 \"" },
        { ".1.3.6.1.4.1.99999.2.8", VALUE_OCTETS, { .data = (const guint8[]) { 0x61, 0x62, 0x0a, 0x63, 0x09, 0x64, 0x0d, 0x22, 0x5c, 0x27 }, .len = 10 },
          "STRING: \"ab\nc\td\015\\\"\\\\'\"",
          "\"ab\nc\td\015\\\"\\\\'\"" },
        { ".1.3.6.1.4.1.99999.2.9", VALUE_OCTETS, { .data = (const guint8[]) { 0x61, 0x62, 0x63, 0x00 }, .len = 4 },
          "Hex-STRING: 61 62 63 00 ",
          "\"61 62 63 00 \"" },
        { ".1.3.6.1.4.1.99999.2.10", VALUE_OCTETS, { .data = (const guint8[]) { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f }, .len = 16 },
          "Hex-STRING: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F ",
          "\"00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \"" },
        { ".1.3.6.1.4.1.99999.2.11", VALUE_OCTETS, { .data = (const guint8[]) { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10 }, .len = 17 },
          "Hex-STRING: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n10 ",
          "\"00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n10 \"" },
        { ".1.3.6.1.4.1.99999.2.43", VALUE_OCTETS, { .data = (const guint8[]) { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f }, .len = 32 },
          "Hex-STRING: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F ",
          "\"00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F \"" },
        { ".1.3.6.1.4.1.99999.2.12", VALUE_OCTETS, { .data = (const guint8[]) { 0x7f }, .len = 1 },
          "Hex-STRING: 7F ",
          "\"7F \"" },
        { ".1.3.6.1.4.1.99999.2.22", VALUE_OCTETS, { .data = (const guint8[]) { 0x0b, 0x0c }, .len = 2 },
          "STRING: \"\013\014\"",
          "\"\013\014\"" },
        { ".1.3.6.1.4.1.99999.2.23", VALUE_STRING, { .s = "  spaced  " },
          "STRING: \"  spaced  \"",
          "\"  spaced  \"" },
        { ".1.3.6.1.4.1.99999.2.24", VALUE_OCTETS, { .data = (const guint8[]) { 0x80 }, .len = 1 },
          "Hex-STRING: 80 ",
          "\"80 \"" },
        { ".1.3.6.1.4.1.99999.2.41", VALUE_OCTETS, { .data = (const guint8[]) { 0x09 }, .len = 1 },
          "STRING: \"\t\"",
          "\"\t\"" },
        { ".1.3.6.1.4.1.99999.2.42", VALUE_STRING, { .s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" },
          "STRING: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
          "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"" },
        { ".1.3.6.1.4.1.99999.2.44", VALUE_OCTETS, { .data = (const guint8[]) { 0x61, 0x7e, 0x20, 0x41 }, .len = 4 },
          "STRING: \"a~ A\"",
          "\"a~ A\"" },
        { ".1.3.6.1.4.1.99999.2.45", VALUE_OCTETS, { .data = (const guint8[]) { 0x1f }, .len = 1 },
          "Hex-STRING: 1F ",
          "\"1F \"" },
        { ".1.3.6.1.4.1.99999.2.3", VALUE_OPAQUE, { .data = (const guint8[]) { 0x04, 0x03, 0x61, 0x62, 0x63 }, .len = 5 },
          "OPAQUE: 04 03 61 62 63 ",
          "04 03 61 62 63 " },
        { ".1.3.6.1.4.1.99999.2.4", VALUE_OPAQUE, { .data = NULL, .len = 0 },
          "OPAQUE: ",
          "" },
        { ".1.3.6.1.4.1.99999.2.39", VALUE_OPAQUE, { .data = (const guint8[]) { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11 }, .len = 18 },
          "OPAQUE: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n10 11 ",
          "00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n10 11 " },
        { ".1.3.6.1.4.1.99999.2.21", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x78, 0x04, 0x3f, 0xc0, 0x00, 0x00 }, .len = 7 },
          "Opaque: Float: 1.500000",
          "1.500000" },
        { ".1.3.6.1.4.1.99999.2.25", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x76, 0x09, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, .len = 12 },
          "Opaque: Counter64: 18446744073709551615",
          "18446744073709551615" },
        { ".1.3.6.1.4.1.99999.2.26", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x7b, 0x02, 0x01, 0x00 }, .len = 5 },
          "Opaque: UInt64: 256",
          "256" },
        { ".1.3.6.1.4.1.99999.2.27", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x7a, 0x01, 0xfd }, .len = 4 },
          "Opaque: Int64: -3",
          "-3" },
        { ".1.3.6.1.4.1.99999.2.28", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x79, 0x08, 0x3f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, .len = 11 },
          "Opaque: Float: 1.500000",
          "1.500000" },
        { ".1.3.6.1.4.1.99999.2.29", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x78, 0x04, 0xc1, 0x20, 0x00, 0x00 }, .len = 7 },
          "Opaque: Float: -10.000000",
          "-10.000000" },
        { ".1.3.6.1.4.1.99999.2.31", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x77, 0x01, 0x00 }, .len = 4 },
          "OPAQUE: 9F 77 01 00 ",
          "9F 77 01 00 " },
        { ".1.3.6.1.4.1.99999.2.32", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x78 }, .len = 2 },
          "OPAQUE: 9F 78 ",
          "9F 78 " },
        { ".1.3.6.1.4.1.99999.2.33", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x78, 0x04, 0x7f, 0x80, 0x00, 0x00 }, .len = 7 },
          "Opaque: Float: inf",
          "inf" },
        { ".1.3.6.1.4.1.99999.2.34", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x7a, 0x08, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, .len = 11 },
          "Opaque: Int64: -9223372036854775808",
          "-9223372036854775808" },
        { ".1.3.6.1.4.1.99999.2.35", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x78, 0x04, 0x4e, 0x6e, 0x6b, 0x28 }, .len = 7 },
          "Opaque: Float: 1000000000.000000",
          "1000000000.000000" },
        { ".1.3.6.1.4.1.99999.2.36", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x76, 0x01, 0x05 }, .len = 4 },
          "Opaque: Counter64: 5",
          "5" },
        { ".1.3.6.1.4.1.99999.2.46", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x79, 0x08, 0x7f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, .len = 11 },
          "Opaque: Float: nan",
          "nan" },
        { ".1.3.6.1.4.1.99999.2.47", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x7a, 0x00 }, .len = 3 },
          "Opaque: Int64: 0",
          "0" },
        { ".1.3.6.1.4.1.99999.2.48", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x7b, 0x09, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, .len = 12 },
          "Opaque: UInt64: 18446744073709551615",
          "18446744073709551615" },
        { ".1.3.6.1.4.1.99999.2.49", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x78, 0x04, 0x00, 0x00, 0x00, 0x01 }, .len = 7 },
          "Opaque: Float: 0.000000",
          "0.000000" },
        { ".1.3.6.1.4.1.99999.2.50", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x79, 0x08, 0xc0, 0x5e, 0xdd, 0x2f, 0x1a, 0x9f, 0xbe, 0x77 }, .len = 11 },
          "Opaque: Float: -123.456000",
          "-123.456000" },
        { ".1.3.6.1.4.1.99999.2.51", VALUE_OPAQUE, { .data = (const guint8[]) { 0x9f, 0x7a, 0x02, 0x00, 0x80 }, .len = 5 },
          "Opaque: Int64: 128",
          "128" },
        { ".1.3.6.1.4.1.99998.1", VALUE_EXCEPTION, { .type = GSNMP_VALUE_TYPE_NO_SUCH_OBJECT },
          "No Such Object available on this agent at this OID",
          "No Such Object available on this agent at this OID" },
        { ".1.3.6.1.2.1.1.5.1", VALUE_EXCEPTION, { .type = GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE },
          "No Such Instance currently exists at this OID",
          "No Such Instance currently exists at this OID" },
        { ".1.3.6.1.6.3.99999", VALUE_EXCEPTION, { .type = GSNMP_VALUE_TYPE_END_OF_MIB_VIEW },
          "No more variables left in this MIB View (It is past the end of the MIB tree)",
          "No more variables left in this MIB View (It is past the end of the MIB tree)" },
};

static GsnmpVarbind *
varbind_from_case (const FormatCase *c)
{
        g_autoptr (GsnmpOid) oid = gsnmp_oid_new_from_string (c->oid, NULL);
        g_autoptr (GsnmpOid) value = NULL;

        g_assert_nonnull (oid);

        switch (c->kind) {
        case VALUE_NULL:
                return gsnmp_varbind_new_null (oid);
        case VALUE_INTEGER:
                return gsnmp_varbind_new_integer (oid, c->arg.i);
        case VALUE_STRING:
                return gsnmp_varbind_new_string (oid, c->arg.s);
        case VALUE_OCTETS:
                return gsnmp_varbind_new_octet_string (oid, c->arg.data, c->arg.len);
        case VALUE_OID:
                value = gsnmp_oid_new_from_string (c->arg.s, NULL);
                g_assert_nonnull (value);
                return gsnmp_varbind_new_oid (oid, value);
        case VALUE_IP:
                g_assert_cmpuint (c->arg.len, ==, 4);
                return gsnmp_varbind_new_ip_address (oid, c->arg.data);
        case VALUE_COUNTER32:
                return gsnmp_varbind_new_counter32 (oid, c->arg.u);
        case VALUE_GAUGE32:
                return gsnmp_varbind_new_gauge32 (oid, c->arg.u);
        case VALUE_TIMETICKS:
                return gsnmp_varbind_new_timeticks (oid, c->arg.u);
        case VALUE_OPAQUE:
                return gsnmp_varbind_new_opaque (oid, c->arg.data, c->arg.len);
        case VALUE_COUNTER64:
                return gsnmp_varbind_new_counter64 (oid, c->arg.u);
        case VALUE_EXCEPTION:
                return gsnmp_varbind_new_exception (oid, c->arg.type);
        default:
                g_assert_not_reached ();
        }
}

static void
check_format (GsnmpVarbind     *vb,
              GsnmpFormatFlags  flags,
              const char       *expected)
{
        g_autofree char *str = gsnmp_varbind_format (vb, flags);

        g_assert_cmpstr (str, ==, expected);
}

static void
test_format_net_snmp (gconstpointer data)
{
        const FormatCase *c = data;
        g_autoptr (GsnmpVarbind) vb = varbind_from_case (c);
        g_autofree char *full = g_strconcat (c->oid, " = ", c->value, NULL);
        g_autofree char *quick = g_strconcat (c->oid, " ", c->quick, NULL);
        g_autofree char *quick_equals = g_strconcat (c->oid, " = ", c->quick, NULL);
        g_autofree char *to_string = gsnmp_varbind_to_string (vb);
        g_autofree char *value_to_string = gsnmp_varbind_value_to_string (vb);

        g_assert_cmpstr (to_string, ==, full);
        g_assert_cmpstr (value_to_string, ==, c->value);

        /* -On, -Oq, -OQ, -Ov, -Oqv, -OQv, -Oe, -Oqe */
        check_format (vb, GSNMP_FORMAT_NONE, full);
        check_format (vb, GSNMP_FORMAT_QUICK, quick);
        check_format (vb, GSNMP_FORMAT_QUICK_EQUALS, quick_equals);
        check_format (vb, GSNMP_FORMAT_VALUE_ONLY, c->value);
        check_format (vb, GSNMP_FORMAT_VALUE_ONLY | GSNMP_FORMAT_QUICK, c->quick);
        check_format (vb, GSNMP_FORMAT_VALUE_ONLY | GSNMP_FORMAT_QUICK_EQUALS, c->quick);
        check_format (vb, GSNMP_FORMAT_NUMERIC_ENUMS, full);
        check_format (vb, GSNMP_FORMAT_QUICK | GSNMP_FORMAT_NUMERIC_ENUMS, quick);
        /* QUICK_EQUALS wins over QUICK */
        check_format (vb, GSNMP_FORMAT_QUICK | GSNMP_FORMAT_QUICK_EQUALS, quick_equals);
}

static void
test_format_examples (void)
{
        /* A few whole lines, spelled out. */
        g_autoptr (GsnmpOid) sysname = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.5.0", NULL);
        g_autoptr (GsnmpOid) uptime = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.3.0", NULL);
        g_autoptr (GsnmpVarbind) name = gsnmp_varbind_new_string (sysname, "peers-agent");
        g_autoptr (GsnmpVarbind) ticks = gsnmp_varbind_new_timeticks (uptime, 382209);

        check_format (name, GSNMP_FORMAT_NONE, ".1.3.6.1.2.1.1.5.0 = STRING: \"peers-agent\"");
        check_format (name, GSNMP_FORMAT_QUICK, ".1.3.6.1.2.1.1.5.0 \"peers-agent\"");
        check_format (name, GSNMP_FORMAT_QUICK_EQUALS, ".1.3.6.1.2.1.1.5.0 = \"peers-agent\"");
        check_format (name, GSNMP_FORMAT_VALUE_ONLY, "STRING: \"peers-agent\"");
        check_format (name, GSNMP_FORMAT_VALUE_ONLY | GSNMP_FORMAT_QUICK, "\"peers-agent\"");
        check_format (ticks, GSNMP_FORMAT_NONE, ".1.3.6.1.2.1.1.3.0 = Timeticks: (382209) 1:03:42.09");
        check_format (ticks, GSNMP_FORMAT_QUICK, ".1.3.6.1.2.1.1.3.0 0:1:03:42.09");
}

static void
test_format_locale (void)
{
        /* Opaque floats print with a dot whatever the locale. */
        static const guint8 float_1_5[] = { 0x9f, 0x78, 0x04, 0x3f, 0xc0, 0x00, 0x00 };
        g_autoptr (GsnmpOid) oid = gsnmp_oid_new_from_string ("1.3.6.1.4.1.2021.10.1.6.1", NULL);
        g_autoptr (GsnmpVarbind) vb = gsnmp_varbind_new_opaque (oid, float_1_5, sizeof (float_1_5));
        const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8" };
        g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

        for (gsize i = 0; i < G_N_ELEMENTS (locales); i++) {
                if (!setlocale (LC_ALL, locales[i]))
                        continue;
                check_format (vb, GSNMP_FORMAT_VALUE_ONLY, "Opaque: Float: 1.500000");
        }
        setlocale (LC_ALL, saved);
}

static void
test_format_malformed_opaque (void)
{
        /* Net-SNMP drops a whole message when a wrapped value is malformed
         * (snmpget times out); gsnmp prints the hex bytes instead. */
        static const struct {
                guint8      data[16];
                gsize       len;
                const char *value;
        } cases[] = {
                { { 0x9f, 0x78, 0x03, 0xc1, 0x20, 0x00 }, 6, "OPAQUE: 9F 78 03 C1 20 00 " },
                { { 0x9f, 0x78, 0x05, 0x3f, 0xc0, 0x00, 0x00, 0x00 }, 8, "OPAQUE: 9F 78 05 3F C0 00 00 00 " },
                { { 0x9f, 0x79, 0x04, 0x3f, 0xc0, 0x00, 0x00 }, 7, "OPAQUE: 9F 79 04 3F C0 00 00 " },
                { { 0x9f, 0x76, 0x05, 0x01 }, 4, "OPAQUE: 9F 76 05 01 " },
                { { 0x9f, 0x76, 0x09, 0x01, 0, 0, 0, 0, 0, 0, 0, 0 }, 12, "OPAQUE: 9F 76 09 01 00 00 00 00 00 00 00 00 " },
                { { 0x9f, 0x7a, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 13, "OPAQUE: 9F 7A 0A 00 00 00 00 00 00 00 00 00 00 " },
                { { 0x9f, 0x7b, 0x81, 0x01, 0x05 }, 5, "OPAQUE: 9F 7B 81 01 05 " },
        };

        for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_autoptr (GsnmpOid) oid = gsnmp_oid_new_from_string ("1.3.6.1.4.1.99999.4", NULL);
                g_autoptr (GsnmpVarbind) vb = gsnmp_varbind_new_opaque (oid, cases[i].data, cases[i].len);

                check_format (vb, GSNMP_FORMAT_VALUE_ONLY, cases[i].value);
        }
}

/*****************************************************************************/
/* Constructors and getters */

static GsnmpOid *
oid (const char *str)
{
        GsnmpOid *o = gsnmp_oid_new_from_string (str, NULL);

        g_assert_nonnull (o);
        return o;
}

static void
check_variant (GsnmpVarbind *vb,
               const char   *type,
               const char   *printed)
{
        g_autoptr (GVariant) v = gsnmp_varbind_get_value (vb);
        g_autofree char *str = NULL;

        g_assert_nonnull (v);
        g_assert_false (g_variant_is_floating (v));
        g_assert_cmpstr (g_variant_get_type_string (v), ==, type);
        str = g_variant_print (v, FALSE);
        g_assert_cmpstr (str, ==, printed);
}

static void
test_integer (void)
{
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.4.1.99999.1.2.0");
        g_autoptr (GsnmpVarbind) vb = gsnmp_varbind_new_integer (name, -3);

        g_assert_true (gsnmp_varbind_get_oid (vb) == name);
        g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_INTEGER);
        g_assert_false (gsnmp_varbind_is_exception (vb));
        g_assert_cmpint (gsnmp_varbind_get_integer (vb), ==, -3);
        g_assert_null (gsnmp_varbind_get_string (vb));
        check_variant (vb, "i", "-3");
}

static void
test_unsigned (void)
{
        static const struct {
                GsnmpVarbind *(*ctor) (GsnmpOid *, guint32);
                GsnmpValueType type;
        } ctors[] = {
                { gsnmp_varbind_new_counter32, GSNMP_VALUE_TYPE_COUNTER32 },
                { gsnmp_varbind_new_gauge32, GSNMP_VALUE_TYPE_GAUGE32 },
                { gsnmp_varbind_new_timeticks, GSNMP_VALUE_TYPE_TIMETICKS },
        };
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.4.1.99999.1.3.0");

        for (gsize i = 0; i < G_N_ELEMENTS (ctors); i++) {
                g_autoptr (GsnmpVarbind) vb = ctors[i].ctor (name, 4294967295u);

                g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, ctors[i].type);
                g_assert_cmpuint (gsnmp_varbind_get_unsigned (vb), ==, 4294967295u);
                check_variant (vb, "u", "4294967295");
        }
}

static void
test_counter64 (void)
{
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.2.1.31.1.1.1.6.1");
        g_autoptr (GsnmpVarbind) max = gsnmp_varbind_new_counter64 (name, G_MAXUINT64);
        g_autoptr (GsnmpVarbind) big = gsnmp_varbind_new_counter64 (name, (G_GUINT64_CONSTANT (1) << 53) + 1);
        g_autofree char *max_str = gsnmp_varbind_get_counter64_string (max);
        g_autofree char *big_str = gsnmp_varbind_get_counter64_string (big);

        g_assert_cmpint (gsnmp_varbind_get_value_type (max), ==, GSNMP_VALUE_TYPE_COUNTER64);
        g_assert_cmpuint (gsnmp_varbind_get_counter64 (max), ==, G_MAXUINT64);
        g_assert_cmpstr (max_str, ==, "18446744073709551615");
        g_assert_cmpstr (big_str, ==, "9007199254740993");
        check_variant (max, "t", "18446744073709551615");
}

static void
test_octet_string (void)
{
        static const guint8 bytes[] = { 0x00, 'a', 0xff, '\n' };
        guint8 copy[sizeof (bytes)];
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.4.1.99999.1.9.0");
        g_autoptr (GsnmpVarbind) vb = NULL;
        g_autoptr (GBytes) gbytes = NULL;
        g_autoptr (GBytes) expected = g_bytes_new_static (bytes, sizeof (bytes));
        g_autofree char *text = NULL;
        const guint8 *data;
        gsize len = 99;

        memcpy (copy, bytes, sizeof (bytes));
        vb = gsnmp_varbind_new_octet_string (name, copy, sizeof (copy));
        memset (copy, 0, sizeof (copy));    /* the constructor copied */

        g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_OCTET_STRING);
        data = gsnmp_varbind_get_octets (vb, &len);
        g_assert_cmpmem (data, len, bytes, sizeof (bytes));

        gbytes = gsnmp_varbind_get_bytes (vb);
        g_assert_true (g_bytes_equal (gbytes, expected));
        /* no copy */
        g_assert_true (g_bytes_get_data (gbytes, NULL) == (gconstpointer) data);

        text = gsnmp_varbind_get_string (vb);
        g_assert_true (g_utf8_validate (text, -1, NULL));
        /* NUL and invalid bytes become U+FFFD */
        g_assert_cmpstr (text, ==, "\xef\xbf\xbd" "a" "\xef\xbf\xbd" "\n");

        check_variant (vb, "ay", "[0x00, 0x61, 0xff, 0x0a]");
}

static void
test_octet_string_bytes_outlive (void)
{
        /* The GBytes keeps the data alive after the varbind is gone. */
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.4.1.99999.1.1.0");
        GsnmpVarbind *vb = gsnmp_varbind_new_string (name, "peers-agent");
        g_autoptr (GBytes) bytes = gsnmp_varbind_get_bytes (vb);
        g_autoptr (GVariant) v = gsnmp_varbind_get_value (vb);
        gsize len;

        gsnmp_varbind_unref (vb);
        g_assert_cmpmem (g_bytes_get_data (bytes, &len), len, "peers-agent", 11);
        g_assert_cmpmem (g_variant_get_data (v), g_variant_get_size (v), "peers-agent", 11);
}

static void
test_string (void)
{
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.2.1.1.5.0");
        g_autoptr (GsnmpVarbind) vb = gsnmp_varbind_new_string (name, "h\xc3\xa9llo");
        g_autoptr (GsnmpVarbind) empty = gsnmp_varbind_new_string (name, "");
        g_autoptr (GsnmpVarbind) latin1 = NULL;
        g_autofree char *str = gsnmp_varbind_get_string (vb);
        g_autofree char *empty_str = gsnmp_varbind_get_string (empty);
        g_autofree char *latin1_str = NULL;
        gsize len;

        /* no NUL */
        gsnmp_varbind_get_octets (vb, &len);
        g_assert_cmpuint (len, ==, 6);
        g_assert_cmpstr (str, ==, "h\xc3\xa9llo");

        g_assert_nonnull (gsnmp_varbind_get_octets (empty, &len));
        g_assert_cmpuint (len, ==, 0);
        g_assert_cmpstr (empty_str, ==, "");
        check_variant (empty, "ay", "[]");

        /* invalid UTF-8 is replaced */
        latin1 = gsnmp_varbind_new_octet_string (name, (const guint8 *) "h\xe9llo", 5);
        latin1_str = gsnmp_varbind_get_string (latin1);
        g_assert_cmpstr (latin1_str, ==, "h\xef\xbf\xbdllo");
}

static void
test_oid_value (void)
{
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.2.1.1.2.0");
        g_autoptr (GsnmpOid) value = oid ("1.3.6.1.4.1.8072.3.2.10");
        g_autoptr (GsnmpVarbind) vb = gsnmp_varbind_new_oid (name, value);

        g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_OBJECT_ID);
        g_assert_true (gsnmp_varbind_get_oid_value (vb) == value);
        check_variant (vb, "s", "'1.3.6.1.4.1.8072.3.2.10'");
}

static void
test_ip_address (void)
{
        static const guint8 addr[4] = { 192, 0, 2, 1 };
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.2.1.4.20.1.1.192.0.2.1");
        g_autoptr (GsnmpVarbind) vb = gsnmp_varbind_new_ip_address (name, addr);
        g_autoptr (GInetAddress) inet = gsnmp_varbind_get_ip_address (vb);
        g_autofree char *str = g_inet_address_to_string (inet);

        g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_IP_ADDRESS);
        g_assert_cmpint (g_inet_address_get_family (inet), ==, G_SOCKET_FAMILY_IPV4);
        g_assert_cmpstr (str, ==, "192.0.2.1");
        check_variant (vb, "s", "'192.0.2.1'");
}

static void
test_opaque (void)
{
        static const guint8 bytes[] = { 0x9f, 0x78, 0x04, 0x3f, 0xc0, 0x00, 0x00 };
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.4.1.2021.10.1.6.1");
        g_autoptr (GsnmpVarbind) vb = gsnmp_varbind_new_opaque (name, bytes, sizeof (bytes));
        g_autoptr (GBytes) gbytes = gsnmp_varbind_get_bytes (vb);
        const guint8 *data;
        gsize len;

        g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_OPAQUE);
        data = gsnmp_varbind_get_octets (vb, &len);
        g_assert_cmpmem (data, len, bytes, sizeof (bytes));
        g_assert_cmpuint (g_bytes_get_size (gbytes), ==, sizeof (bytes));
        /* not text */
        g_assert_null (gsnmp_varbind_get_string (vb));
        check_variant (vb, "ay", "[0x9f, 0x78, 0x04, 0x3f, 0xc0, 0x00, 0x00]");
}

static void
test_null_and_exceptions (void)
{
        static const GsnmpValueType exceptions[] = {
                GSNMP_VALUE_TYPE_NO_SUCH_OBJECT,
                GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE,
                GSNMP_VALUE_TYPE_END_OF_MIB_VIEW,
        };
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.2.1.1.5.0");
        g_autoptr (GsnmpVarbind) null = gsnmp_varbind_new_null (name);

        g_assert_cmpint (gsnmp_varbind_get_value_type (null), ==, GSNMP_VALUE_TYPE_NULL);
        g_assert_false (gsnmp_varbind_is_exception (null));
        check_variant (null, "()", "()");

        for (gsize i = 0; i < G_N_ELEMENTS (exceptions); i++) {
                g_autoptr (GsnmpVarbind) vb = gsnmp_varbind_new_exception (name, exceptions[i]);

                g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, exceptions[i]);
                g_assert_true (gsnmp_varbind_is_exception (vb));
                check_variant (vb, "()", "()");
        }
}

static void
test_exception_wrong_type (void)
{
        if (g_test_subprocess ()) {
                g_autoptr (GsnmpOid) name = oid ("1.3.6.1.2.1.1.5.0");
                GsnmpVarbind *vb = gsnmp_varbind_new_exception (name, GSNMP_VALUE_TYPE_INTEGER);

                g_assert_null (vb);
                return;
        }

        g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_failed ();
        g_test_trap_assert_stderr ("*CRITICAL*is_exception_type*");
}

/* Each getter, called on a varbind of the wrong type, is a programming error
 * that returns 0 or NULL. */
static void
test_getter_wrong_type (void)
{
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.2.1.1.5.0");
        g_autoptr (GsnmpVarbind) str = gsnmp_varbind_new_string (name, "x");
        g_autoptr (GsnmpVarbind) num = gsnmp_varbind_new_integer (name, 5);
        g_autoptr (GsnmpVarbind) c64 = gsnmp_varbind_new_counter64 (name, 5);
        gsize len = 99;

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*GSNMP_VALUE_TYPE_INTEGER*");
        g_assert_cmpint (gsnmp_varbind_get_integer (str), ==, 0);
        g_test_assert_expected_messages ();

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*GSNMP_VALUE_TYPE_COUNTER32*");
        g_assert_cmpuint (gsnmp_varbind_get_unsigned (c64), ==, 0);
        g_test_assert_expected_messages ();

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*GSNMP_VALUE_TYPE_COUNTER64*");
        g_assert_cmpuint (gsnmp_varbind_get_counter64 (num), ==, 0);
        g_test_assert_expected_messages ();

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*GSNMP_VALUE_TYPE_COUNTER64*");
        g_assert_null (gsnmp_varbind_get_counter64_string (num));
        g_test_assert_expected_messages ();

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*GSNMP_VALUE_TYPE_OCTET_STRING*");
        g_assert_null (gsnmp_varbind_get_octets (num, &len));
        g_assert_cmpuint (len, ==, 0);
        g_test_assert_expected_messages ();

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*GSNMP_VALUE_TYPE_OCTET_STRING*");
        g_assert_null (gsnmp_varbind_get_bytes (num));
        g_test_assert_expected_messages ();

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*GSNMP_VALUE_TYPE_OBJECT_ID*");
        g_assert_null (gsnmp_varbind_get_oid_value (str));
        g_test_assert_expected_messages ();

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*GSNMP_VALUE_TYPE_IP_ADDRESS*");
        g_assert_null (gsnmp_varbind_get_ip_address (str));
        g_test_assert_expected_messages ();
}

static void
test_ref (void)
{
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.2.1.1.5.0");
        GsnmpVarbind *vb = gsnmp_varbind_new_null (name);
        GsnmpVarbind *copy;

        g_assert_true (gsnmp_varbind_ref (vb) == vb);
        gsnmp_varbind_unref (vb);

        g_assert_true (G_TYPE_IS_BOXED (GSNMP_TYPE_VARBIND));
        copy = g_boxed_copy (GSNMP_TYPE_VARBIND, vb);
        g_assert_true (copy == vb);
        g_boxed_free (GSNMP_TYPE_VARBIND, copy);

        /* the varbind holds its own reference on its name */
        gsnmp_varbind_unref (vb);
}

/*****************************************************************************/
/* The codec's constructors (gsnmp-varbind-private.h) */

static void
test_take (void)
{
        static const guint8 addr[] = { 10, 0, 0, 1 };
        GsnmpVarbind *vb;
        g_autofree char *str = NULL;
        gsize len;

        vb = gsnmp_varbind_new_take (oid ("1.3.6.1.2.1.1.3.0"), GSNMP_VALUE_TYPE_TIMETICKS, 382209);
        g_assert_cmpuint (gsnmp_varbind_get_unsigned (vb), ==, 382209);
        gsnmp_varbind_unref (vb);

        vb = gsnmp_varbind_new_take (oid ("1.3.6.1.4.1.99999.1.2.0"), GSNMP_VALUE_TYPE_INTEGER, (gint32) -3);
        g_assert_cmpint (gsnmp_varbind_get_integer (vb), ==, -3);
        gsnmp_varbind_unref (vb);

        vb = gsnmp_varbind_new_take (oid ("1.3.6.1.4.1.99999.2.1"), GSNMP_VALUE_TYPE_COUNTER64, G_MAXUINT64);
        g_assert_cmpuint (gsnmp_varbind_get_counter64 (vb), ==, G_MAXUINT64);
        gsnmp_varbind_unref (vb);

        vb = gsnmp_varbind_new_take (oid ("1.3.6.1.6.3.99999"), GSNMP_VALUE_TYPE_END_OF_MIB_VIEW, 0);
        g_assert_true (gsnmp_varbind_is_exception (vb));
        gsnmp_varbind_unref (vb);

        vb = gsnmp_varbind_new_take_octets (oid ("1.3.6.1.2.1.1.5.0"), GSNMP_VALUE_TYPE_OCTET_STRING,
                                            (const guint8 *) "abc", 3);
        str = gsnmp_varbind_get_string (vb);
        g_assert_cmpstr (str, ==, "abc");
        gsnmp_varbind_unref (vb);

        vb = gsnmp_varbind_new_take_octets (oid ("1.3.6.1.2.1.4.20.1.1.10.0.0.1"), GSNMP_VALUE_TYPE_IP_ADDRESS,
                                            addr, 4);
        g_clear_pointer (&str, g_free);
        str = gsnmp_varbind_value_to_string (vb);
        g_assert_cmpstr (str, ==, "IpAddress: 10.0.0.1");
        gsnmp_varbind_unref (vb);

        vb = gsnmp_varbind_new_take_bytes (oid ("1.3.6.1.4.1.99999.2.3"), GSNMP_VALUE_TYPE_OPAQUE,
                                           g_bytes_new ("\x04\x01\x61", 3));
        g_assert_cmpmem (gsnmp_varbind_get_octets (vb, &len), len, "\x04\x01\x61", 3);
        {
                g_autoptr (GBytes) b = gsnmp_varbind_get_bytes (vb);

                g_assert_cmpuint (g_bytes_get_size (b), ==, 3);
        }
        gsnmp_varbind_unref (vb);

        vb = gsnmp_varbind_new_take_bytes (oid ("1.3.6.1.2.1.4.20.1.1.10.0.0.1"), GSNMP_VALUE_TYPE_IP_ADDRESS,
                                           g_bytes_new (addr, 4));
        g_clear_pointer (&str, g_free);
        str = gsnmp_varbind_value_to_string (vb);
        g_assert_cmpstr (str, ==, "IpAddress: 10.0.0.1");
        gsnmp_varbind_unref (vb);

        vb = gsnmp_varbind_new_take_oid (oid ("1.3.6.1.2.1.1.2.0"), oid ("1.3.6.1.4.1.8072.3.2.10"));
        g_clear_pointer (&str, g_free);
        str = gsnmp_varbind_to_string (vb);
        g_assert_cmpstr (str, ==, ".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.8072.3.2.10");
        gsnmp_varbind_unref (vb);
}

static void
test_threads_worker (gpointer data,
                     gpointer user_data)
{
        GsnmpVarbind *vb = user_data;

        for (int i = 0; i < 1000; i++) {
                GsnmpVarbind *ref = gsnmp_varbind_ref (vb);
                GsnmpOid *name = gsnmp_oid_ref (gsnmp_varbind_get_oid (ref));

                gsnmp_oid_unref (name);
                gsnmp_varbind_unref (ref);
        }
}

static void
test_threads (void)
{
        g_autoptr (GsnmpOid) name = oid ("1.3.6.1.2.1.1.5.0");
        GsnmpVarbind *vb = gsnmp_varbind_new_string (name, "shared");
        GThreadPool *pool = g_thread_pool_new (test_threads_worker, vb, 4, FALSE, NULL);

        for (int i = 0; i < 8; i++)
                g_thread_pool_push (pool, GINT_TO_POINTER (i + 1), NULL);
        g_thread_pool_free (pool, FALSE, TRUE);

        {
                g_autofree char *str = gsnmp_varbind_get_string (vb);

                g_assert_cmpstr (str, ==, "shared");
        }
        gsnmp_varbind_unref (vb);
}

int
main (int    argc,
      char **argv)
{
        g_test_init (&argc, &argv, NULL);

        for (gsize i = 0; i < G_N_ELEMENTS (format_cases); i++) {
                g_autofree char *path = g_strdup_printf ("/gsnmp/varbind/format/net-snmp/%" G_GSIZE_FORMAT, i);

                g_test_add_data_func (path, &format_cases[i], test_format_net_snmp);
        }
        g_test_add_func ("/gsnmp/varbind/format/examples", test_format_examples);
        g_test_add_func ("/gsnmp/varbind/format/locale", test_format_locale);
        g_test_add_func ("/gsnmp/varbind/format/malformed-opaque", test_format_malformed_opaque);
        g_test_add_func ("/gsnmp/varbind/value/integer", test_integer);
        g_test_add_func ("/gsnmp/varbind/value/unsigned", test_unsigned);
        g_test_add_func ("/gsnmp/varbind/value/counter64", test_counter64);
        g_test_add_func ("/gsnmp/varbind/value/octet-string", test_octet_string);
        g_test_add_func ("/gsnmp/varbind/value/bytes-outlive", test_octet_string_bytes_outlive);
        g_test_add_func ("/gsnmp/varbind/value/string", test_string);
        g_test_add_func ("/gsnmp/varbind/value/oid", test_oid_value);
        g_test_add_func ("/gsnmp/varbind/value/ip-address", test_ip_address);
        g_test_add_func ("/gsnmp/varbind/value/opaque", test_opaque);
        g_test_add_func ("/gsnmp/varbind/value/null-and-exceptions", test_null_and_exceptions);
        g_test_add_func ("/gsnmp/varbind/value/exception-wrong-type", test_exception_wrong_type);
        g_test_add_func ("/gsnmp/varbind/value/getter-wrong-type", test_getter_wrong_type);
        g_test_add_func ("/gsnmp/varbind/ref/basic", test_ref);
        g_test_add_func ("/gsnmp/varbind/ref/threads", test_threads);
        g_test_add_func ("/gsnmp/varbind/private/take", test_take);

        return g_test_run ();
}
