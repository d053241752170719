/* test-message.c - SNMPv1/v2c message encoding and decoding
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-message-private.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-varbind-private.h"
#include "gsnmp-error.h"

#include <gio/gio.h>
#include <string.h>

/***************************************************************************/
/* Datagrams captured from Net-SNMP 5.9.3 (Debian 12)
 *
 * Made by running snmpd and snmptrapd on free loopback ports (config:
 * "rocommunity public 127.0.0.1", "rwcommunity private 127.0.0.1",
 * "sysName codec-agent") and the Net-SNMP tools with -d, which hex-dumps
 * every datagram sent and received, e.g.
 *   snmpget -d -On -v2c -c public udp:127.0.0.1:PORT 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.3.0
 *   snmpget -d -On -v1 -c public … 1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1.2.0
 *   snmpget -d -On -v1 -c public … 1.3.6.1.2.1.1.99.0        (noSuchName)
 *   snmptrap -d -v1 -c public … 1.3.6.1.4.1.8072.2.3 127.0.0.1 6 17 12345 \
 *           1.3.6.1.2.1.1.5.0 s trap-host
 *   snmpbulkget -d -On -v2c -c public -Cn0 -Cr3 … 1.3.6.1.2.1.2.2.1
 *   snmpget -d -On -v2c -c public … 1.3.6.1.2.1.31.1.1.1.6.1 1.3.6.1.2.1.1.99.0 \
 *           1.3.6.1.2.1.1.1.99                    (Counter64, noSuch*)
 *   snmpgetnext -d -On -v2c -c public … 1.3.6.1.6.3.99         (endOfMibView)
 *   snmpset -d -On -v2c -c private … 1.3.6.1.2.1.1.4.0 s ops@example.com
 *   snmptrap -d -v2c -c public … 4242 1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s trap-host
 *   snmpinform -d -v2c -c public … (the same, "inform-host", to snmptrapd)
 *   snmpgetnext -d -On -v2c|-v1 -c public … 1.3.6.1.2.1.4.20.1.1 \
 *           1.3.6.1.2.1.2.2.1.5[.1] 1.3.6.1.2.1.2.2.1.10[.1] [1.3.6.1.2.1.1.7]
 * The same datagrams, and a 50-repetition GetBulk response, are the seed
 * corpus in fuzz/corpus/message/. */

static const guint8 v2c_get_request[] = {
        0x30, 0x37, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa0, 0x2a, 0x02, 0x04, 0x63, 0xc3, 0x54, 0x45, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x1c, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x01, 0x05, 0x00, 0x05, 0x00, 0x30, 0x0c, 0x06, 0x08, 0x2b,
        0x06, 0x01, 0x02, 0x01, 0x01, 0x03, 0x00, 0x05, 0x00,
};
static const guint8 v2c_get_response[] = {
        0x30, 0x44, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa2, 0x37, 0x02, 0x04, 0x63, 0xc3, 0x54, 0x45, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x29, 0x30, 0x17, 0x06, 0x08, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x01, 0x05, 0x00, 0x04, 0x0b, 0x63, 0x6f, 0x64, 0x65, 0x63,
        0x2d, 0x61, 0x67, 0x65, 0x6e, 0x74, 0x30, 0x0e, 0x06, 0x08, 0x2b, 0x06,
        0x01, 0x02, 0x01, 0x01, 0x03, 0x00, 0x43, 0x02, 0x03, 0x0f,
};
static const guint8 v1_get_request[] = {
        0x30, 0x37, 0x02, 0x01, 0x00, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa0, 0x2a, 0x02, 0x04, 0x39, 0xde, 0x48, 0x5d, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x1c, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x01, 0x01, 0x00, 0x05, 0x00, 0x30, 0x0c, 0x06, 0x08, 0x2b,
        0x06, 0x01, 0x02, 0x01, 0x01, 0x02, 0x00, 0x05, 0x00,
};
static const guint8 v1_get_response[] = {
        0x30, 0x7a, 0x02, 0x01, 0x00, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa2, 0x6d, 0x02, 0x04, 0x39, 0xde, 0x48, 0x5d, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x5f, 0x30, 0x45, 0x06, 0x08, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x01, 0x01, 0x00, 0x04, 0x39, 0x4c, 0x69, 0x6e, 0x75, 0x78,
        0x20, 0x76, 0x6d, 0x20, 0x36, 0x2e, 0x31, 0x38, 0x2e, 0x34, 0x34, 0x2d,
        0x66, 0x63, 0x2d, 0x76, 0x37, 0x38, 0x32, 0x20, 0x23, 0x31, 0x20, 0x53,
        0x4d, 0x50, 0x20, 0x50, 0x52, 0x45, 0x45, 0x4d, 0x50, 0x54, 0x5f, 0x44,
        0x59, 0x4e, 0x41, 0x4d, 0x49, 0x43, 0x20, 0x40, 0x30, 0x20, 0x78, 0x38,
        0x36, 0x5f, 0x36, 0x34, 0x30, 0x16, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02,
        0x01, 0x01, 0x02, 0x00, 0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xbf,
        0x08, 0x03, 0x02, 0x0a,
};
static const guint8 v1_nosuchname_request[] = {
        0x30, 0x29, 0x02, 0x01, 0x00, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa0, 0x1c, 0x02, 0x04, 0x52, 0x7e, 0x1f, 0x72, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x01, 0x63, 0x00, 0x05, 0x00,
};
static const guint8 v1_nosuchname_response[] = {
        0x30, 0x29, 0x02, 0x01, 0x00, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa2, 0x1c, 0x02, 0x04, 0x52, 0x7e, 0x1f, 0x72, 0x02, 0x01, 0x02,
        0x02, 0x01, 0x01, 0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x01, 0x63, 0x00, 0x05, 0x00,
};
static const guint8 v1_trap[] = {
        0x30, 0x41, 0x02, 0x01, 0x00, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa4, 0x34, 0x06, 0x09, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xbf, 0x08,
        0x02, 0x03, 0x40, 0x04, 0x7f, 0x00, 0x00, 0x01, 0x02, 0x01, 0x06, 0x02,
        0x01, 0x11, 0x43, 0x02, 0x30, 0x39, 0x30, 0x17, 0x30, 0x15, 0x06, 0x08,
        0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00, 0x04, 0x09, 0x74, 0x72,
        0x61, 0x70, 0x2d, 0x68, 0x6f, 0x73, 0x74,
};
static const guint8 v2c_bulk_request[] = {
        0x30, 0x29, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa5, 0x1c, 0x02, 0x04, 0x56, 0x92, 0x21, 0x82, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x03, 0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x02, 0x02, 0x01, 0x05, 0x00,
};
static const guint8 v2c_bulk_response[] = {
        0x30, 0x4e, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa2, 0x41, 0x02, 0x04, 0x56, 0x92, 0x21, 0x82, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x33, 0x30, 0x0f, 0x06, 0x0a, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x02, 0x02, 0x01, 0x01, 0x01, 0x02, 0x01, 0x01, 0x30, 0x0f,
        0x06, 0x0a, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x02, 0x02, 0x01, 0x01, 0x02,
        0x02, 0x01, 0x02, 0x30, 0x0f, 0x06, 0x0a, 0x2b, 0x06, 0x01, 0x02, 0x01,
        0x02, 0x02, 0x01, 0x01, 0x03, 0x02, 0x01, 0x03,
};
static const guint8 v2c_c64_request[] = {
        0x30, 0x48, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa0, 0x3b, 0x02, 0x04, 0x0e, 0x7f, 0x57, 0x72, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x2d, 0x30, 0x0f, 0x06, 0x0b, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x1f, 0x01, 0x01, 0x01, 0x06, 0x01, 0x05, 0x00, 0x30, 0x0c,
        0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x63, 0x00, 0x05, 0x00,
        0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x63,
        0x05, 0x00,
};
static const guint8 v2c_c64_response[] = {
        0x30, 0x4c, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa2, 0x3f, 0x02, 0x04, 0x0e, 0x7f, 0x57, 0x72, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x31, 0x30, 0x13, 0x06, 0x0b, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x1f, 0x01, 0x01, 0x01, 0x06, 0x01, 0x46, 0x04, 0x08, 0x1c,
        0x7c, 0xed, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01,
        0x63, 0x00, 0x80, 0x00, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02,
        0x01, 0x01, 0x01, 0x63, 0x81, 0x00,
};
static const guint8 v2c_eomv_request[] = {
        0x30, 0x27, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa1, 0x1a, 0x02, 0x04, 0x79, 0x76, 0xd0, 0xc1, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x0c, 0x30, 0x0a, 0x06, 0x06, 0x2b, 0x06, 0x01,
        0x06, 0x03, 0x63, 0x05, 0x00,
};
static const guint8 v2c_eomv_response[] = {
        0x30, 0x27, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa2, 0x1a, 0x02, 0x04, 0x79, 0x76, 0xd0, 0xc1, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x0c, 0x30, 0x0a, 0x06, 0x06, 0x2b, 0x06, 0x01,
        0x06, 0x03, 0x63, 0x82, 0x00,
};
static const guint8 v2c_set_request[] = {
        0x30, 0x39, 0x02, 0x01, 0x01, 0x04, 0x07, 0x70, 0x72, 0x69, 0x76, 0x61,
        0x74, 0x65, 0xa3, 0x2b, 0x02, 0x04, 0x22, 0xf9, 0x0b, 0x88, 0x02, 0x01,
        0x00, 0x02, 0x01, 0x00, 0x30, 0x1d, 0x30, 0x1b, 0x06, 0x08, 0x2b, 0x06,
        0x01, 0x02, 0x01, 0x01, 0x04, 0x00, 0x04, 0x0f, 0x6f, 0x70, 0x73, 0x40,
        0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2e, 0x63, 0x6f, 0x6d,
};
static const guint8 v2c_set_response[] = {
        0x30, 0x39, 0x02, 0x01, 0x01, 0x04, 0x07, 0x70, 0x72, 0x69, 0x76, 0x61,
        0x74, 0x65, 0xa2, 0x2b, 0x02, 0x04, 0x22, 0xf9, 0x0b, 0x88, 0x02, 0x01,
        0x00, 0x02, 0x01, 0x00, 0x30, 0x1d, 0x30, 0x1b, 0x06, 0x08, 0x2b, 0x06,
        0x01, 0x02, 0x01, 0x01, 0x04, 0x00, 0x04, 0x0f, 0x6f, 0x70, 0x73, 0x40,
        0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2e, 0x63, 0x6f, 0x6d,
};
static const guint8 v2c_trap[] = {
        0x30, 0x5b, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa7, 0x4e, 0x02, 0x04, 0x79, 0x1d, 0xa9, 0x48, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x40, 0x30, 0x0e, 0x06, 0x08, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x01, 0x03, 0x00, 0x43, 0x02, 0x10, 0x92, 0x30, 0x17, 0x06,
        0x0a, 0x2b, 0x06, 0x01, 0x06, 0x03, 0x01, 0x01, 0x04, 0x01, 0x00, 0x06,
        0x09, 0x2b, 0x06, 0x01, 0x06, 0x03, 0x01, 0x01, 0x05, 0x01, 0x30, 0x15,
        0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00, 0x04, 0x09,
        0x74, 0x72, 0x61, 0x70, 0x2d, 0x68, 0x6f, 0x73, 0x74,
};
static const guint8 v2c_inform_request[] = {
        0x30, 0x5d, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa6, 0x50, 0x02, 0x04, 0x0e, 0xe1, 0x8e, 0x32, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x42, 0x30, 0x0e, 0x06, 0x08, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x01, 0x03, 0x00, 0x43, 0x02, 0x10, 0x92, 0x30, 0x17, 0x06,
        0x0a, 0x2b, 0x06, 0x01, 0x06, 0x03, 0x01, 0x01, 0x04, 0x01, 0x00, 0x06,
        0x09, 0x2b, 0x06, 0x01, 0x06, 0x03, 0x01, 0x01, 0x05, 0x01, 0x30, 0x17,
        0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00, 0x04, 0x0b,
        0x69, 0x6e, 0x66, 0x6f, 0x72, 0x6d, 0x2d, 0x68, 0x6f, 0x73, 0x74,
};
static const guint8 v2c_inform_ack[] = {
        0x30, 0x5d, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa2, 0x50, 0x02, 0x04, 0x0e, 0xe1, 0x8e, 0x32, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x42, 0x30, 0x0e, 0x06, 0x08, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x01, 0x03, 0x00, 0x43, 0x02, 0x10, 0x92, 0x30, 0x17, 0x06,
        0x0a, 0x2b, 0x06, 0x01, 0x06, 0x03, 0x01, 0x01, 0x04, 0x01, 0x00, 0x06,
        0x09, 0x2b, 0x06, 0x01, 0x06, 0x03, 0x01, 0x01, 0x05, 0x01, 0x30, 0x17,
        0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00, 0x04, 0x0b,
        0x69, 0x6e, 0x66, 0x6f, 0x72, 0x6d, 0x2d, 0x68, 0x6f, 0x73, 0x74,
};
static const guint8 v2c_types_request[] = {
        0x30, 0x57, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa1, 0x4a, 0x02, 0x04, 0x0a, 0x38, 0x89, 0xac, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x3c, 0x30, 0x0d, 0x06, 0x09, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x04, 0x14, 0x01, 0x01, 0x05, 0x00, 0x30, 0x0e, 0x06, 0x0a,
        0x2b, 0x06, 0x01, 0x02, 0x01, 0x02, 0x02, 0x01, 0x05, 0x01, 0x05, 0x00,
        0x30, 0x0e, 0x06, 0x0a, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x02, 0x02, 0x01,
        0x0a, 0x01, 0x05, 0x00, 0x30, 0x0b, 0x06, 0x07, 0x2b, 0x06, 0x01, 0x02,
        0x01, 0x01, 0x07, 0x05, 0x00,
};
static const guint8 v2c_types_response[] = {
        0x30, 0x63, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa2, 0x56, 0x02, 0x04, 0x0a, 0x38, 0x89, 0xac, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x48, 0x30, 0x15, 0x06, 0x0d, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x04, 0x14, 0x01, 0x01, 0x7f, 0x00, 0x00, 0x01, 0x40, 0x04,
        0x7f, 0x00, 0x00, 0x01, 0x30, 0x0f, 0x06, 0x0a, 0x2b, 0x06, 0x01, 0x02,
        0x01, 0x02, 0x02, 0x01, 0x05, 0x02, 0x42, 0x01, 0x00, 0x30, 0x0f, 0x06,
        0x0a, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x02, 0x02, 0x01, 0x0a, 0x02, 0x41,
        0x01, 0x00, 0x30, 0x0d, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01,
        0x08, 0x00, 0x43, 0x01, 0x03,
};
static const guint8 v1_types_request[] = {
        0x30, 0x48, 0x02, 0x01, 0x00, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa1, 0x3b, 0x02, 0x04, 0x36, 0x9c, 0x4e, 0x0d, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x04, 0x14, 0x01, 0x01, 0x05, 0x00, 0x30, 0x0d, 0x06, 0x09,
        0x2b, 0x06, 0x01, 0x02, 0x01, 0x02, 0x02, 0x01, 0x05, 0x05, 0x00, 0x30,
        0x0d, 0x06, 0x09, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x02, 0x02, 0x01, 0x0a,
        0x05, 0x00,
};
static const guint8 v1_types_response[] = {
        0x30, 0x5a, 0x02, 0x01, 0x00, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69,
        0x63, 0xa2, 0x4d, 0x02, 0x04, 0x36, 0x9c, 0x4e, 0x0d, 0x02, 0x01, 0x00,
        0x02, 0x01, 0x00, 0x30, 0x3f, 0x30, 0x15, 0x06, 0x0d, 0x2b, 0x06, 0x01,
        0x02, 0x01, 0x04, 0x14, 0x01, 0x01, 0x7f, 0x00, 0x00, 0x01, 0x40, 0x04,
        0x7f, 0x00, 0x00, 0x01, 0x30, 0x12, 0x06, 0x0a, 0x2b, 0x06, 0x01, 0x02,
        0x01, 0x02, 0x02, 0x01, 0x05, 0x01, 0x42, 0x04, 0x00, 0x98, 0x96, 0x80,
        0x30, 0x12, 0x06, 0x0a, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x02, 0x02, 0x01,
        0x0a, 0x01, 0x41, 0x04, 0x08, 0x1f, 0x2b, 0x15,
};

/***************************************************************************/
/* Helpers */

static GsnmpOid *
make_oid (const char *str)
{
        GError *error = NULL;
        GsnmpOid *oid = gsnmp_oid_new_from_string (str, &error);

        g_assert_no_error (error);
        g_assert_nonnull (oid);
        return oid;
}

static void
assert_oid_is (GsnmpOid   *oid,
               const char *expected)
{
        char *str;

        g_assert_nonnull (oid);
        str = gsnmp_oid_to_string (oid);
        g_assert_cmpstr (str, ==, expected);
        g_free (str);
}

/* Decodes @data, which must succeed. */
static void
decode_ok (const guint8 *data,
           gsize         length,
           GsnmpMessage *msg)
{
        GError *error = NULL;

        g_assert_true (gsnmp_message_decode (data, length, msg, &error));
        g_assert_no_error (error);
        g_assert_nonnull (msg->pdu);
        g_assert_nonnull (msg->community);
}

/* Encodes @msg, which must succeed, and returns the bytes. */
static GBytes *
encode_ok (const GsnmpMessage *msg)
{
        GError *error = NULL;
        GBytes *bytes = gsnmp_message_encode (msg, 0, &error);

        g_assert_no_error (error);
        g_assert_nonnull (bytes);
        return bytes;
}

static void
assert_varbinds_equal (GsnmpVarbind *a,
                       GsnmpVarbind *b)
{
        GsnmpValueType type = gsnmp_varbind_get_value_type (a);

        g_assert_true (gsnmp_oid_equal (gsnmp_varbind_get_oid (a), gsnmp_varbind_get_oid (b)));
        g_assert_cmphex (type, ==, gsnmp_varbind_get_value_type (b));

        switch (type) {
        case GSNMP_VALUE_TYPE_INTEGER:
                g_assert_cmpint (gsnmp_varbind_get_integer (a), ==, gsnmp_varbind_get_integer (b));
                break;
        case GSNMP_VALUE_TYPE_COUNTER32:
        case GSNMP_VALUE_TYPE_GAUGE32:
        case GSNMP_VALUE_TYPE_TIMETICKS:
                g_assert_cmpuint (gsnmp_varbind_get_unsigned (a), ==, gsnmp_varbind_get_unsigned (b));
                break;
        case GSNMP_VALUE_TYPE_COUNTER64:
                g_assert_cmpuint (gsnmp_varbind_get_counter64 (a), ==, gsnmp_varbind_get_counter64 (b));
                break;
        case GSNMP_VALUE_TYPE_OCTET_STRING:
        case GSNMP_VALUE_TYPE_OPAQUE: {
                gsize la, lb;
                const guint8 *da = gsnmp_varbind_get_octets (a, &la);
                const guint8 *db = gsnmp_varbind_get_octets (b, &lb);

                g_assert_cmpmem (da, la, db, lb);
                break;
        }
        case GSNMP_VALUE_TYPE_IP_ADDRESS: {
                GInetAddress *ia = gsnmp_varbind_get_ip_address (a);
                GInetAddress *ib = gsnmp_varbind_get_ip_address (b);

                g_assert_true (g_inet_address_equal (ia, ib));
                g_object_unref (ia);
                g_object_unref (ib);
                break;
        }
        case GSNMP_VALUE_TYPE_OBJECT_ID:
                g_assert_true (gsnmp_oid_equal (gsnmp_varbind_get_oid_value (a),
                                                gsnmp_varbind_get_oid_value (b)));
                break;
        default:
                break;
        }
}

static void
assert_pdus_equal (GsnmpPdu *a,
                   GsnmpPdu *b)
{
        g_assert_cmphex (a->type, ==, b->type);
        g_assert_cmpint (a->request_id, ==, b->request_id);
        g_assert_cmpuint (a->error_status, ==, b->error_status);
        g_assert_cmpuint (a->error_index, ==, b->error_index);
        g_assert_cmpuint (a->n_varbinds, ==, b->n_varbinds);
        for (guint i = 0; i < a->n_varbinds; i++)
                assert_varbinds_equal (a->varbinds[i], b->varbinds[i]);
        if (a->type == GSNMP_PDU_TYPE_TRAP_V1) {
                g_assert_true (gsnmp_oid_equal (a->enterprise, b->enterprise));
                g_assert_cmpmem (a->agent_addr, 4, b->agent_addr, 4);
                g_assert_cmpuint (a->generic_trap, ==, b->generic_trap);
                g_assert_cmpuint (a->specific_trap, ==, b->specific_trap);
                g_assert_cmpuint (a->time_stamp, ==, b->time_stamp);
        }
}

/* Decoding @data either fails with a GSNMP_ERROR, leaving @msg cleared, or
 * succeeds; then the message re-encodes, and decoding that gives the same
 * message and encoding again the same bytes.  Returns whether it decoded. */
static gboolean
check_decode_survives (const guint8 *data,
                       gsize         length)
{
        GsnmpMessage msg, again;
        GError *error = NULL;
        GBytes *bytes, *bytes2;

        if (!gsnmp_message_decode (data, length, &msg, &error)) {
                g_assert_nonnull (error);
                g_assert_true (error->domain == GSNMP_ERROR);
                g_assert_null (msg.pdu);
                g_assert_null (msg.community);
                g_clear_error (&error);
                return FALSE;
        }
        g_assert_no_error (error);

        /* A negative error-status or error-index is decoded (as the agent's
         * answer) but never sent: the encoder refuses it. */
        if (msg.pdu->error_status > G_MAXINT32 || msg.pdu->error_index > G_MAXINT32) {
                g_assert_null (gsnmp_message_encode (&msg, 0, &error));
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
                g_clear_error (&error);
                gsnmp_message_clear (&msg);
                return TRUE;
        }

        bytes = encode_ok (&msg);
        decode_ok (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &again);
        g_assert_cmpint (msg.version, ==, again.version);
        g_assert_true (g_bytes_equal (msg.community, again.community));
        assert_pdus_equal (msg.pdu, again.pdu);
        bytes2 = encode_ok (&again);
        g_assert_true (g_bytes_equal (bytes, bytes2));

        g_bytes_unref (bytes);
        g_bytes_unref (bytes2);
        gsnmp_message_clear (&msg);
        gsnmp_message_clear (&again);
        return TRUE;
}

/***************************************************************************/
/* Net-SNMP datagrams */

typedef struct {
        const char           *path;
        const guint8         *data;
        gsize                 length;
        GsnmpProtocolVersion  version;
        const char           *community;
        GsnmpPduType          type;
        gint32                request_id;
        guint32               error_status;    /* non-repeaters for GetBulk */
        guint32               error_index;     /* max-repetitions for GetBulk */
        guint                 n_varbinds;
        const char           *first_name;
        GsnmpValueType        first_type;
} CapturedCase;

#define DATA(a) a, sizeof (a)
#define V1 GSNMP_PROTOCOL_VERSION_V1
#define V2C GSNMP_PROTOCOL_VERSION_V2C

static const CapturedCase captured_cases[] = {
        { "/gsnmp/message/netsnmp/v2c-get-request", DATA (v2c_get_request), V2C, "public",
          GSNMP_PDU_TYPE_GET, 1673745477, 0, 0, 2, "1.3.6.1.2.1.1.5.0", GSNMP_VALUE_TYPE_NULL },
        { "/gsnmp/message/netsnmp/v2c-get-response", DATA (v2c_get_response), V2C, "public",
          GSNMP_PDU_TYPE_RESPONSE, 1673745477, 0, 0, 2, "1.3.6.1.2.1.1.5.0", GSNMP_VALUE_TYPE_OCTET_STRING },
        { "/gsnmp/message/netsnmp/v1-get-request", DATA (v1_get_request), V1, "public",
          GSNMP_PDU_TYPE_GET, 970868829, 0, 0, 2, "1.3.6.1.2.1.1.1.0", GSNMP_VALUE_TYPE_NULL },
        { "/gsnmp/message/netsnmp/v1-get-response", DATA (v1_get_response), V1, "public",
          GSNMP_PDU_TYPE_RESPONSE, 970868829, 0, 0, 2, "1.3.6.1.2.1.1.1.0", GSNMP_VALUE_TYPE_OCTET_STRING },
        { "/gsnmp/message/netsnmp/v1-nosuchname-request", DATA (v1_nosuchname_request), V1, "public",
          GSNMP_PDU_TYPE_GET, 1383997298, 0, 0, 1, "1.3.6.1.2.1.1.99.0", GSNMP_VALUE_TYPE_NULL },
        { "/gsnmp/message/netsnmp/v1-nosuchname-response", DATA (v1_nosuchname_response), V1, "public",
          GSNMP_PDU_TYPE_RESPONSE, 1383997298, 2, 1, 1, "1.3.6.1.2.1.1.99.0", GSNMP_VALUE_TYPE_NULL },
        { "/gsnmp/message/netsnmp/v1-trap", DATA (v1_trap), V1, "public",
          GSNMP_PDU_TYPE_TRAP_V1, 0, 0, 0, 1, "1.3.6.1.2.1.1.5.0", GSNMP_VALUE_TYPE_OCTET_STRING },
        { "/gsnmp/message/netsnmp/v2c-bulk-request", DATA (v2c_bulk_request), V2C, "public",
          GSNMP_PDU_TYPE_GET_BULK, 1452417410, 0, 3, 1, "1.3.6.1.2.1.2.2.1", GSNMP_VALUE_TYPE_NULL },
        { "/gsnmp/message/netsnmp/v2c-bulk-response", DATA (v2c_bulk_response), V2C, "public",
          GSNMP_PDU_TYPE_RESPONSE, 1452417410, 0, 0, 3, "1.3.6.1.2.1.2.2.1.1.1", GSNMP_VALUE_TYPE_INTEGER },
        { "/gsnmp/message/netsnmp/v2c-c64-request", DATA (v2c_c64_request), V2C, "public",
          GSNMP_PDU_TYPE_GET, 243226482, 0, 0, 3, "1.3.6.1.2.1.31.1.1.1.6.1", GSNMP_VALUE_TYPE_NULL },
        { "/gsnmp/message/netsnmp/v2c-c64-response", DATA (v2c_c64_response), V2C, "public",
          GSNMP_PDU_TYPE_RESPONSE, 243226482, 0, 0, 3, "1.3.6.1.2.1.31.1.1.1.6.1", GSNMP_VALUE_TYPE_COUNTER64 },
        { "/gsnmp/message/netsnmp/v2c-eomv-request", DATA (v2c_eomv_request), V2C, "public",
          GSNMP_PDU_TYPE_GET_NEXT, 2037829825, 0, 0, 1, "1.3.6.1.6.3.99", GSNMP_VALUE_TYPE_NULL },
        { "/gsnmp/message/netsnmp/v2c-eomv-response", DATA (v2c_eomv_response), V2C, "public",
          GSNMP_PDU_TYPE_RESPONSE, 2037829825, 0, 0, 1, "1.3.6.1.6.3.99", GSNMP_VALUE_TYPE_END_OF_MIB_VIEW },
        { "/gsnmp/message/netsnmp/v2c-set-request", DATA (v2c_set_request), V2C, "private",
          GSNMP_PDU_TYPE_SET, 586746760, 0, 0, 1, "1.3.6.1.2.1.1.4.0", GSNMP_VALUE_TYPE_OCTET_STRING },
        { "/gsnmp/message/netsnmp/v2c-set-response", DATA (v2c_set_response), V2C, "private",
          GSNMP_PDU_TYPE_RESPONSE, 586746760, 0, 0, 1, "1.3.6.1.2.1.1.4.0", GSNMP_VALUE_TYPE_OCTET_STRING },
        { "/gsnmp/message/netsnmp/v2c-trap", DATA (v2c_trap), V2C, "public",
          GSNMP_PDU_TYPE_TRAP, 2031987016, 0, 0, 3, "1.3.6.1.2.1.1.3.0", GSNMP_VALUE_TYPE_TIMETICKS },
        { "/gsnmp/message/netsnmp/v2c-inform-request", DATA (v2c_inform_request), V2C, "public",
          GSNMP_PDU_TYPE_INFORM, 249663026, 0, 0, 3, "1.3.6.1.2.1.1.3.0", GSNMP_VALUE_TYPE_TIMETICKS },
        { "/gsnmp/message/netsnmp/v2c-inform-ack", DATA (v2c_inform_ack), V2C, "public",
          GSNMP_PDU_TYPE_RESPONSE, 249663026, 0, 0, 3, "1.3.6.1.2.1.1.3.0", GSNMP_VALUE_TYPE_TIMETICKS },
        { "/gsnmp/message/netsnmp/v2c-types-request", DATA (v2c_types_request), V2C, "public",
          GSNMP_PDU_TYPE_GET_NEXT, 171477420, 0, 0, 4, "1.3.6.1.2.1.4.20.1.1", GSNMP_VALUE_TYPE_NULL },
        { "/gsnmp/message/netsnmp/v2c-types-response", DATA (v2c_types_response), V2C, "public",
          GSNMP_PDU_TYPE_RESPONSE, 171477420, 0, 0, 4, "1.3.6.1.2.1.4.20.1.1.127.0.0.1", GSNMP_VALUE_TYPE_IP_ADDRESS },
        { "/gsnmp/message/netsnmp/v1-types-request", DATA (v1_types_request), V1, "public",
          GSNMP_PDU_TYPE_GET_NEXT, 916213261, 0, 0, 3, "1.3.6.1.2.1.4.20.1.1", GSNMP_VALUE_TYPE_NULL },
        { "/gsnmp/message/netsnmp/v1-types-response", DATA (v1_types_response), V1, "public",
          GSNMP_PDU_TYPE_RESPONSE, 916213261, 0, 0, 3, "1.3.6.1.2.1.4.20.1.1.127.0.0.1", GSNMP_VALUE_TYPE_IP_ADDRESS },
};

static void
test_captured (gconstpointer data)
{
        const CapturedCase *c = data;
        GsnmpMessage msg;
        GsnmpVarbind *first;
        GBytes *bytes;

        decode_ok (c->data, c->length, &msg);
        g_assert_cmpint (msg.version, ==, c->version);
        g_assert_cmpmem (g_bytes_get_data (msg.community, NULL), g_bytes_get_size (msg.community),
                         c->community, strlen (c->community));
        g_assert_cmphex (gsnmp_pdu_get_pdu_type (msg.pdu), ==, c->type);
        g_assert_cmpint (msg.pdu->request_id, ==, c->request_id);
        g_assert_cmpuint (msg.pdu->error_status, ==, c->error_status);
        g_assert_cmpuint (msg.pdu->error_index, ==, c->error_index);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (msg.pdu), ==, c->n_varbinds);
        first = gsnmp_pdu_get_varbind (msg.pdu, 0);
        assert_oid_is (gsnmp_varbind_get_oid (first), c->first_name);
        g_assert_cmphex (gsnmp_varbind_get_value_type (first), ==, c->first_type);

        /* Net-SNMP encodes minimally, and so do we: re-encoding gives back
         * the very same bytes. */
        bytes = encode_ok (&msg);
        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                         c->data, c->length);
        g_bytes_unref (bytes);

        gsnmp_message_clear (&msg);
        g_assert_null (msg.pdu);
        g_assert_null (msg.community);
}

static void
test_captured_values (void)
{
        GsnmpMessage msg;
        GsnmpVarbind *vb;
        const guint8 *octets;
        gsize len;
        GInetAddress *addr;
        char *str;

        /* sysName and sysUpTime */
        decode_ok (DATA (v2c_get_response), &msg);
        octets = gsnmp_varbind_get_octets (gsnmp_pdu_get_varbind (msg.pdu, 0), &len);
        g_assert_cmpmem (octets, len, "codec-agent", 11);
        g_assert_cmpuint (gsnmp_varbind_get_unsigned (gsnmp_pdu_get_varbind (msg.pdu, 1)), ==, 783);
        gsnmp_message_clear (&msg);

        /* sysDescr and sysObjectID */
        decode_ok (DATA (v1_get_response), &msg);
        octets = gsnmp_varbind_get_octets (gsnmp_pdu_get_varbind (msg.pdu, 0), &len);
        g_assert_cmpuint (len, ==, 57);
        g_assert_true (memcmp (octets, "Linux vm ", 9) == 0);
        vb = gsnmp_pdu_get_varbind (msg.pdu, 1);
        g_assert_cmphex (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_OBJECT_ID);
        assert_oid_is (gsnmp_varbind_get_oid_value (vb), "1.3.6.1.4.1.8072.3.2.10");
        gsnmp_message_clear (&msg);

        /* Counter64 and the two noSuch exceptions */
        decode_ok (DATA (v2c_c64_response), &msg);
        g_assert_cmpuint (gsnmp_varbind_get_counter64 (gsnmp_pdu_get_varbind (msg.pdu, 0)), ==, 136084717);
        g_assert_cmphex (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (msg.pdu, 1)), ==,
                         GSNMP_VALUE_TYPE_NO_SUCH_OBJECT);
        g_assert_cmphex (gsnmp_varbind_get_value_type (gsnmp_pdu_get_varbind (msg.pdu, 2)), ==,
                         GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE);
        gsnmp_message_clear (&msg);

        /* IpAddress, Gauge32, Counter32, TimeTicks */
        decode_ok (DATA (v2c_types_response), &msg);
        addr = gsnmp_varbind_get_ip_address (gsnmp_pdu_get_varbind (msg.pdu, 0));
        str = g_inet_address_to_string (addr);
        g_assert_cmpstr (str, ==, "127.0.0.1");
        g_free (str);
        g_object_unref (addr);
        vb = gsnmp_pdu_get_varbind (msg.pdu, 1);
        g_assert_cmphex (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_GAUGE32);
        assert_oid_is (gsnmp_varbind_get_oid (vb), "1.3.6.1.2.1.2.2.1.5.2");
        vb = gsnmp_pdu_get_varbind (msg.pdu, 2);
        g_assert_cmphex (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_COUNTER32);
        vb = gsnmp_pdu_get_varbind (msg.pdu, 3);
        g_assert_cmphex (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_TIMETICKS);
        g_assert_cmpuint (gsnmp_varbind_get_unsigned (vb), ==, 3);
        gsnmp_message_clear (&msg);

        decode_ok (DATA (v1_types_response), &msg);
        g_assert_cmpuint (gsnmp_varbind_get_unsigned (gsnmp_pdu_get_varbind (msg.pdu, 1)), ==, 10000000);
        g_assert_cmpuint (gsnmp_varbind_get_unsigned (gsnmp_pdu_get_varbind (msg.pdu, 2)), ==, 136260373);
        gsnmp_message_clear (&msg);

        /* The SNMPv1 Trap-PDU fields */
        decode_ok (DATA (v1_trap), &msg);
        assert_oid_is (msg.pdu->enterprise, "1.3.6.1.4.1.8072.2.3");
        g_assert_cmpmem (msg.pdu->agent_addr, 4, "\x7f\x00\x00\x01", 4);
        g_assert_cmpuint (msg.pdu->generic_trap, ==, 6);
        g_assert_cmpuint (msg.pdu->specific_trap, ==, 17);
        g_assert_cmpuint (msg.pdu->time_stamp, ==, 12345);
        octets = gsnmp_varbind_get_octets (gsnmp_pdu_get_varbind (msg.pdu, 0), &len);
        g_assert_cmpmem (octets, len, "trap-host", 9);
        gsnmp_message_clear (&msg);

        /* snmpTrapOID.0 = coldStart */
        decode_ok (DATA (v2c_trap), &msg);
        vb = gsnmp_pdu_get_varbind (msg.pdu, 1);
        assert_oid_is (gsnmp_varbind_get_oid (vb), "1.3.6.1.6.3.1.1.4.1.0");
        assert_oid_is (gsnmp_varbind_get_oid_value (vb), "1.3.6.1.6.3.1.1.5.1");
        gsnmp_message_clear (&msg);
}

/* A full 50-repetition GetBulk response, from the corpus. */
static void
test_captured_bulk50 (void)
{
        char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "message",
                                            "netsnmp-v2c-bulk50-response.bin", NULL);
        GError *error = NULL;
        char *contents;
        gsize length;
        GsnmpMessage msg;
        GBytes *bytes;

        g_file_get_contents (path, &contents, &length, &error);
        g_assert_no_error (error);
        decode_ok ((const guint8 *) contents, length, &msg);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (msg.pdu), ==, 50);
        assert_oid_is (gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (msg.pdu, 0)), "1.3.6.1.2.1.1.1.0");
        bytes = encode_ok (&msg);
        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);
        g_bytes_unref (bytes);
        gsnmp_message_clear (&msg);
        g_free (contents);
        g_free (path);
}

/***************************************************************************/
/* Round trips of every PDU type */

typedef struct {
        const char           *path;
        GsnmpProtocolVersion  version;
        GsnmpPduType          type;
        gboolean              allowed;
} RoundTripCase;

static const RoundTripCase round_trip_cases[] = {
        { "/gsnmp/message/round-trip/v1/get", V1, GSNMP_PDU_TYPE_GET, TRUE },
        { "/gsnmp/message/round-trip/v1/get-next", V1, GSNMP_PDU_TYPE_GET_NEXT, TRUE },
        { "/gsnmp/message/round-trip/v1/response", V1, GSNMP_PDU_TYPE_RESPONSE, TRUE },
        { "/gsnmp/message/round-trip/v1/set", V1, GSNMP_PDU_TYPE_SET, TRUE },
        { "/gsnmp/message/round-trip/v1/trap-v1", V1, GSNMP_PDU_TYPE_TRAP_V1, TRUE },
        { "/gsnmp/message/round-trip/v1/get-bulk", V1, GSNMP_PDU_TYPE_GET_BULK, FALSE },
        { "/gsnmp/message/round-trip/v1/inform", V1, GSNMP_PDU_TYPE_INFORM, FALSE },
        { "/gsnmp/message/round-trip/v1/trap", V1, GSNMP_PDU_TYPE_TRAP, FALSE },
        { "/gsnmp/message/round-trip/v1/report", V1, GSNMP_PDU_TYPE_REPORT, FALSE },
        { "/gsnmp/message/round-trip/v2c/get", V2C, GSNMP_PDU_TYPE_GET, TRUE },
        { "/gsnmp/message/round-trip/v2c/get-next", V2C, GSNMP_PDU_TYPE_GET_NEXT, TRUE },
        { "/gsnmp/message/round-trip/v2c/response", V2C, GSNMP_PDU_TYPE_RESPONSE, TRUE },
        { "/gsnmp/message/round-trip/v2c/set", V2C, GSNMP_PDU_TYPE_SET, TRUE },
        { "/gsnmp/message/round-trip/v2c/trap-v1", V2C, GSNMP_PDU_TYPE_TRAP_V1, FALSE },
        { "/gsnmp/message/round-trip/v2c/get-bulk", V2C, GSNMP_PDU_TYPE_GET_BULK, TRUE },
        { "/gsnmp/message/round-trip/v2c/inform", V2C, GSNMP_PDU_TYPE_INFORM, TRUE },
        { "/gsnmp/message/round-trip/v2c/trap", V2C, GSNMP_PDU_TYPE_TRAP, TRUE },
        { "/gsnmp/message/round-trip/v2c/report", V2C, GSNMP_PDU_TYPE_REPORT, TRUE },
};

/* A PDU with one varbind of every value type @version can carry. */
static GsnmpPdu *
make_sample_pdu (GsnmpPduType         type,
                 GsnmpProtocolVersion version)
{
        static const guint8 binary[] = { 0x00, 0xff, 0x80, 'a', 0x00 };
        static const guint8 ip[] = { 192, 0, 2, 1 };
        GsnmpPdu *pdu = gsnmp_pdu_new (type);

        if (type == GSNMP_PDU_TYPE_TRAP_V1) {
                pdu->enterprise = make_oid ("1.3.6.1.4.1.8072.2.3");
                memcpy (pdu->agent_addr, ip, 4);
                pdu->generic_trap = 6;
                pdu->specific_trap = 17;
                pdu->time_stamp = G_MAXUINT32;
        } else if (type == GSNMP_PDU_TYPE_GET_BULK) {
                gsnmp_pdu_set_request_id (pdu, G_MININT32);
                gsnmp_pdu_set_bulk (pdu, 1, 50);
        } else {
                gsnmp_pdu_set_request_id (pdu, G_MAXINT32);
                gsnmp_pdu_set_error (pdu, 18, 3);
        }

        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take (make_oid ("1.3.6.1.2.1.1.1.0"),
                                                             GSNMP_VALUE_TYPE_NULL, 0));
        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take (make_oid ("1.3.6.1.2.1.2.2.1.8.1"),
                                                             GSNMP_VALUE_TYPE_INTEGER,
                                                             (guint64) (gint64) G_MININT32));
        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take_octets (make_oid ("1.3.6.1.2.1.1.5.0"),
                                                                    GSNMP_VALUE_TYPE_OCTET_STRING,
                                                                    binary, sizeof binary));
        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take_octets (make_oid ("1.3.6.1.2.1.1.6.0"),
                                                                    GSNMP_VALUE_TYPE_OCTET_STRING,
                                                                    NULL, 0));
        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take_oid (make_oid ("1.3.6.1.2.1.1.2.0"),
                                                                  make_oid ("2.999.4294967295")));
        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take_octets (make_oid ("1.3.6.1.2.1.4.20.1.1.192.0.2.1"),
                                                                    GSNMP_VALUE_TYPE_IP_ADDRESS, ip, 4));
        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take (make_oid ("1.3.6.1.2.1.2.2.1.10.1"),
                                                             GSNMP_VALUE_TYPE_COUNTER32, G_MAXUINT32));
        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take (make_oid ("1.3.6.1.2.1.2.2.1.5.1"),
                                                             GSNMP_VALUE_TYPE_GAUGE32, 2147483648u));
        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take (make_oid ("1.3.6.1.2.1.1.3.0"),
                                                             GSNMP_VALUE_TYPE_TIMETICKS, 0));
        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take_octets (make_oid ("1.3.6.1.4.1.2021.10.1.6.1"),
                                                                    GSNMP_VALUE_TYPE_OPAQUE,
                                                                    (const guint8 *) "\x9f\x78\x04\x3f\x80\x00\x00", 7));
        if (version != GSNMP_PROTOCOL_VERSION_V1) {
                gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take (make_oid ("1.3.6.1.2.1.31.1.1.1.6.1"),
                                                                     GSNMP_VALUE_TYPE_COUNTER64, G_MAXUINT64));
                gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take (make_oid ("1.3.6.1.2.1.1.99.0"),
                                                                     GSNMP_VALUE_TYPE_NO_SUCH_OBJECT, 0));
                gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take (make_oid ("1.3.6.1.2.1.1.1.99"),
                                                                     GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE, 0));
                gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take (make_oid ("1.3.6.1.6.3.99"),
                                                                     GSNMP_VALUE_TYPE_END_OF_MIB_VIEW, 0));
        }
        return pdu;
}

static void
test_round_trip (gconstpointer data)
{
        const RoundTripCase *c = data;
        GsnmpMessage msg = { 0 }, out;
        GError *error = NULL;
        GBytes *bytes;

        msg.version = c->version;
        msg.community = g_bytes_new_static ("c\0mm", 4);
        msg.pdu = make_sample_pdu (c->type, c->version);

        bytes = gsnmp_message_encode (&msg, 0, &error);
        if (!c->allowed) {
                g_assert_null (bytes);
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
                g_clear_error (&error);
                gsnmp_message_clear (&msg);
                return;
        }
        g_assert_no_error (error);
        g_assert_nonnull (bytes);

        decode_ok (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &out);
        g_assert_cmpint (out.version, ==, c->version);
        g_assert_true (g_bytes_equal (out.community, msg.community));
        assert_pdus_equal (msg.pdu, out.pdu);
        if (c->type == GSNMP_PDU_TYPE_GET_BULK) {
                g_assert_cmpuint (gsnmp_pdu_get_non_repeaters (out.pdu), ==, 1);
                g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (out.pdu), ==, 50);
        }

        /* The exact size limit passes, one byte less does not. */
        {
                gsize size = g_bytes_get_size (bytes);
                GBytes *exact = gsnmp_message_encode (&msg, size, &error);

                g_assert_no_error (error);
                g_assert_true (g_bytes_equal (exact, bytes));
                g_bytes_unref (exact);
                g_assert_null (gsnmp_message_encode (&msg, size - 1, &error));
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_MESSAGE_TOO_BIG);
                g_clear_error (&error);
        }

        g_bytes_unref (bytes);
        gsnmp_message_clear (&msg);
        gsnmp_message_clear (&out);
}

/***************************************************************************/
/* Hostile and odd inputs */

static GByteArray *
hex_to_bytes (const char *hex)
{
        GByteArray *a = g_byte_array_new ();

        for (; *hex; hex++) {
                guint8 b;

                if (*hex == ' ')
                        continue;
                g_assert_true (g_ascii_isxdigit (hex[0]) && g_ascii_isxdigit (hex[1]));
                b = (guint8) (g_ascii_xdigit_value (hex[0]) << 4 | g_ascii_xdigit_value (hex[1]));
                g_byte_array_append (a, &b, 1);
                hex++;
        }
        return a;
}

#define MUST_DECODE (-1)
#define NO_PATCH (-1)

typedef struct {
        const char   *path;
        const guint8 *data;     /* a captured datagram to patch, or NULL */
        gsize         length;
        gssize        offset;   /* patch one byte here, or NO_PATCH */
        guint8        value;
        const char   *hex;      /* appended to @data (or the whole input) */
        gint          code;     /* the expected GSNMP_ERROR, or MUST_DECODE */
} HostileCase;

#define MALFORMED GSNMP_ERROR_MALFORMED_MESSAGE

/* Offsets into v2c_get_response: 1 message length, 4 version, 5 community
 * tag, 13 PDU tag, 15 request-id tag, 23 error-status, 26 error-index,
 * 27 varbind list tag, 29 first varbind tag, 31 its name tag, 41 its value
 * tag.  v1_nosuchname_response: 41 value tag.  v1_types_response: 66 the
 * Gauge32 tag.  v1_trap: 26 agent-addr tag, 27 its length, 37 specific-trap,
 * 38 time-stamp tag.  v2c_bulk_request: 23 non-repeaters, 26
 * max-repetitions. */
static const HostileCase hostile_cases[] = {
        { "/gsnmp/message/hostile/empty", NULL, 0, NO_PATCH, 0, "", MALFORMED },
        { "/gsnmp/message/hostile/trailing-byte", DATA (v2c_get_response), NO_PATCH, 0, "00", MALFORMED },
        { "/gsnmp/message/hostile/trailing-message", DATA (v2c_get_response), NO_PATCH, 0, "30 00", MALFORMED },
        { "/gsnmp/message/hostile/message-length-long", DATA (v2c_get_response), 1, 0x45, "", MALFORMED },
        { "/gsnmp/message/hostile/message-length-short", DATA (v2c_get_response), 1, 0x43, "", MALFORMED },
        { "/gsnmp/message/hostile/message-not-sequence", DATA (v2c_get_response), 0, 0x04, "", MALFORMED },
        { "/gsnmp/message/hostile/message-indefinite", DATA (v2c_get_response), 1, 0x80, "", MALFORMED },
        { "/gsnmp/message/hostile/version-2", DATA (v2c_get_response), 4, 0x02, "", MALFORMED },
        { "/gsnmp/message/hostile/version-negative", DATA (v2c_get_response), 4, 0xff, "", MALFORMED },
        /* The hook the SNMPv3 work replaces. */
        { "/gsnmp/message/hostile/version-3", DATA (v2c_get_response), 4, 0x03, "", GSNMP_ERROR_FAILED },
        { "/gsnmp/message/hostile/community-not-octets", DATA (v2c_get_response), 5, 0x02, "", MALFORMED },
        { "/gsnmp/message/hostile/pdu-trap-v1-in-v2c", DATA (v2c_get_response), 13, 0xa4, "", MALFORMED },
        { "/gsnmp/message/hostile/pdu-unknown", DATA (v2c_get_response), 13, 0xa9, "", MALFORMED },
        { "/gsnmp/message/hostile/pdu-primitive", DATA (v2c_get_response), 13, 0x82, "", MALFORMED },
        { "/gsnmp/message/hostile/pdu-sequence", DATA (v2c_get_response), 13, 0x30, "", MALFORMED },
        { "/gsnmp/message/hostile/request-id-not-integer", DATA (v2c_get_response), 15, 0x04, "", MALFORMED },
        { "/gsnmp/message/hostile/varbinds-not-sequence", DATA (v2c_get_response), 27, 0x31, "", MALFORMED },
        { "/gsnmp/message/hostile/varbind-not-sequence", DATA (v2c_get_response), 29, 0x04, "", MALFORMED },
        { "/gsnmp/message/hostile/name-not-oid", DATA (v2c_get_response), 31, 0x04, "", MALFORMED },
        { "/gsnmp/message/hostile/value-unknown-type", DATA (v2c_get_response), 41, 0x48, "", MALFORMED },
        { "/gsnmp/message/hostile/value-constructed", DATA (v2c_get_response), 41, 0x24, "", MALFORMED },
        { "/gsnmp/message/hostile/value-null-with-content", DATA (v2c_get_response), 41, 0x05, "", MALFORMED },
        { "/gsnmp/message/hostile/value-ip-address-11-bytes", DATA (v2c_get_response), 41, 0x40, "", MALFORMED },
        { "/gsnmp/message/hostile/value-exception-with-content", DATA (v2c_get_response), 41, 0x80, "", MALFORMED },
        { "/gsnmp/message/hostile/v1-get-bulk", DATA (v1_get_response), 13, 0xa5, "", MALFORMED },
        { "/gsnmp/message/hostile/v1-inform", DATA (v1_get_response), 13, 0xa6, "", MALFORMED },
        { "/gsnmp/message/hostile/v1-trap2", DATA (v1_get_response), 13, 0xa7, "", MALFORMED },
        { "/gsnmp/message/hostile/v1-report", DATA (v1_get_response), 13, 0xa8, "", MALFORMED },
        { "/gsnmp/message/hostile/v1-counter64", DATA (v1_types_response), 66, 0x46, "", MALFORMED },
        { "/gsnmp/message/hostile/v1-end-of-mib-view", DATA (v1_nosuchname_response), 41, 0x82, "", MALFORMED },
        { "/gsnmp/message/hostile/v1-no-such-object", DATA (v1_nosuchname_response), 41, 0x80, "", MALFORMED },
        { "/gsnmp/message/hostile/trap-agent-addr-octets", DATA (v1_trap), 26, 0x04, "", MALFORMED },
        { "/gsnmp/message/hostile/trap-agent-addr-5-bytes", DATA (v1_trap), 27, 0x05, "", MALFORMED },
        { "/gsnmp/message/hostile/trap-time-stamp-integer", DATA (v1_trap), 38, 0x02, "", MALFORMED },
        /* hand-made */
        { "/gsnmp/message/hostile/varbind-3-elements", NULL, 0, NO_PATCH, 0,
          "30 28 02 01 01 04 06 70 75 62 6c 69 63 a0 1b 02 01 01 02 01 00 02 01 00 30 10 30 0e 06 08 2b 06 01 02 01 01 05 00 05 00 05 00",
          MALFORMED },
        { "/gsnmp/message/hostile/varbind-1-element", NULL, 0, NO_PATCH, 0,
          "30 24 02 01 01 04 06 70 75 62 6c 69 63 a0 17 02 01 01 02 01 00 02 01 00 30 0c 30 0a 06 08 2b 06 01 02 01 01 05 00",
          MALFORMED },
        { "/gsnmp/message/hostile/varbind-empty", NULL, 0, NO_PATCH, 0,
          "30 1a 02 01 01 04 06 70 75 62 6c 69 63 a0 0d 02 01 01 02 01 00 02 01 00 30 02 30 00",
          MALFORMED },
        { "/gsnmp/message/hostile/pdu-extra-field", NULL, 0, NO_PATCH, 0,
          "30 29 02 01 01 04 06 70 75 62 6c 69 63 a0 1c 02 01 01 02 01 00 02 01 00 30 0e 30 0c 06 08 2b 06 01 02 01 01 05 00 05 00 02 01 00",
          MALFORMED },
        { "/gsnmp/message/hostile/pdu-no-varbind-list", NULL, 0, NO_PATCH, 0,
          "30 16 02 01 01 04 06 70 75 62 6c 69 63 a0 09 02 01 01 02 01 00 02 01 00",
          MALFORMED },
        { "/gsnmp/message/hostile/pdu-no-error-fields", NULL, 0, NO_PATCH, 0,
          "30 20 02 01 01 04 06 70 75 62 6c 69 63 a0 13 02 01 01 30 0e 30 0c 06 08 2b 06 01 02 01 01 05 00 05 00",
          MALFORMED },
        { "/gsnmp/message/hostile/message-extra-field", NULL, 0, NO_PATCH, 0,
          "30 28 02 01 01 04 06 70 75 62 6c 69 63 a0 19 02 01 01 02 01 00 02 01 00 30 0e 30 0c 06 08 2b 06 01 02 01 01 05 00 05 00 05 00",
          MALFORMED },
        { "/gsnmp/message/hostile/request-id-5-bytes", NULL, 0, NO_PATCH, 0,
          "30 2a 02 01 01 04 06 70 75 62 6c 69 63 a0 1d 02 05 01 00 00 00 00 02 01 00 02 01 00 30 0e 30 0c 06 08 2b 06 01 02 01 01 05 00 05 00",
          MALFORMED },
        { "/gsnmp/message/hostile/varbind-not-in-list", NULL, 0, NO_PATCH, 0,
          "30 24 02 01 01 04 06 70 75 62 6c 69 63 a0 17 02 01 01 02 01 00 02 01 00 30 0c 06 08 2b 06 01 02 01 01 05 00 05 00",
          MALFORMED },
        { "/gsnmp/message/hostile/value-nested-deep", NULL, 0, NO_PATCH, 0,
          "30 2f 02 01 01 04 06 70 75 62 6c 69 63 a0 22 02 01 01 02 01 00 02 01 00 30 17 30 15 06 03 2b 06 01 30 0e 30 0c 30 0a 30 08 30 06 30 04 30 02 05 00",
          MALFORMED },

        /* Accepted on purpose (see gsnmp-message.c) */
        { "/gsnmp/message/lenient/error-index-negative", DATA (v2c_get_response), 26, 0xff, "", MUST_DECODE },
        { "/gsnmp/message/lenient/error-status-negative", DATA (v2c_get_response), 23, 0xff, "", MUST_DECODE },
        { "/gsnmp/message/lenient/error-status-19", DATA (v2c_get_response), 23, 0x13, "", MUST_DECODE },
        /* the historic RFC 1442 types, which Net-SNMP decodes */
        { "/gsnmp/message/lenient/value-uinteger32", NULL, 0, NO_PATCH, 0,
          "30 22 02 01 01 04 06 70 75 62 6c 69 63 a2 15 02 01 01 02 01 00 02 01 00 30 0a 30 08 06 03 2b 06 01 47 01 01",
          MUST_DECODE },
        { "/gsnmp/message/lenient/value-nsap-address", NULL, 0, NO_PATCH, 0,
          "30 26 02 01 01 04 06 70 75 62 6c 69 63 a2 19 02 01 01 02 01 00 02 01 00 30 0e 30 0c 06 03 2b 06 01 45 05 47 00 05 80 ff",
          MUST_DECODE },
        /* Counter32 3000000000 without its leading 0x00 */
        { "/gsnmp/message/lenient/value-counter32-top-bit", NULL, 0, NO_PATCH, 0,
          "30 25 02 01 01 04 06 70 75 62 6c 69 63 a2 18 02 01 01 02 01 00 02 01 00 30 0d 30 0b 06 03 2b 06 01 41 04 b2 d0 5e 00",
          MUST_DECODE },
        { "/gsnmp/message/lenient/error-index-beyond-varbinds", DATA (v2c_get_response), 26, 0x05, "", MUST_DECODE },
        { "/gsnmp/message/lenient/error-status-18", DATA (v2c_get_response), 23, 0x12, "", MUST_DECODE },
        { "/gsnmp/message/lenient/bulk-negative-non-repeaters", DATA (v2c_bulk_request), 23, 0xff, "", MUST_DECODE },
        { "/gsnmp/message/lenient/bulk-negative-max-repetitions", DATA (v2c_bulk_request), 26, 0x80, "", MUST_DECODE },
        { "/gsnmp/message/lenient/trap-negative-specific", DATA (v1_trap), 37, 0xff, "", MUST_DECODE },
        { "/gsnmp/message/lenient/no-varbinds", NULL, 0, NO_PATCH, 0,
          "30 18 02 01 01 04 06 70 75 62 6c 69 63 a2 0b 02 01 01 02 01 00 02 01 00 30 00",
          MUST_DECODE },
        { "/gsnmp/message/lenient/long-form-length", NULL, 0, NO_PATCH, 0,
          "30 84 00 00 00 26 02 01 01 04 06 70 75 62 6c 69 63 a0 19 02 01 01 02 01 00 02 01 00 30 0e 30 0c 06 08 2b 06 01 02 01 01 05 00 05 00",
          MUST_DECODE },
        { "/gsnmp/message/lenient/opaque", NULL, 0, NO_PATCH, 0,
          "30 24 02 01 01 04 06 70 75 62 6c 69 63 a2 17 02 01 01 02 01 00 02 01 00 30 0c 30 0a 06 03 2b 06 01 44 03 61 62 63",
          MUST_DECODE },
};

static GByteArray *
hostile_input (const HostileCase *c)
{
        GByteArray *in = g_byte_array_new ();
        GByteArray *tail = hex_to_bytes (c->hex);

        if (c->data)
                g_byte_array_append (in, c->data, c->length);
        if (c->offset != NO_PATCH) {
                g_assert_cmpint (c->offset, <, in->len);
                g_assert_cmpuint (in->data[c->offset], !=, c->value);
                in->data[c->offset] = c->value;
        }
        g_byte_array_append (in, tail->data, tail->len);
        g_byte_array_unref (tail);
        return in;
}

static void
test_hostile (gconstpointer data)
{
        const HostileCase *c = data;
        GByteArray *in = hostile_input (c);
        /* An exact-size copy, so that ASan and valgrind catch over-reads. */
        guint8 *copy = g_memdup2 (in->data, in->len);
        GsnmpMessage msg;
        GError *error = NULL;
        gboolean ok;

        /* Garbage in @msg must not matter: it is output only. */
        memset (&msg, 0xaa, sizeof msg);
        ok = gsnmp_message_decode (copy ? copy : (const guint8 *) "", in->len, &msg, &error);
        if (c->code == MUST_DECODE) {
                g_assert_no_error (error);
                g_assert_true (ok);
                gsnmp_message_clear (&msg);
                g_assert_true (check_decode_survives (copy, in->len));
        } else {
                g_assert_false (ok);
                g_assert_error (error, GSNMP_ERROR, c->code);
                g_test_message ("%s", error->message);
                g_clear_error (&error);
                g_assert_null (msg.pdu);
                g_assert_null (msg.community);
                /* and without a GError */
                g_assert_false (gsnmp_message_decode (copy ? copy : (const guint8 *) "", in->len,
                                                      &msg, NULL));
        }
        g_free (copy);
        g_byte_array_unref (in);
}

static void
test_lenient_values (void)
{
        const HostileCase *c;
        GByteArray *in;
        GsnmpMessage msg;

        for (gsize i = 0; i < G_N_ELEMENTS (hostile_cases); i++) {
                c = &hostile_cases[i];
                if (c->code != MUST_DECODE)
                        continue;
                in = hostile_input (c);
                decode_ok (in->data, in->len, &msg);

                if (g_str_has_suffix (c->path, "error-index-beyond-varbinds")) {
                        g_assert_cmpuint (gsnmp_pdu_get_error_index (msg.pdu), ==, 5);
                        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (msg.pdu), ==, 2);
                } else if (g_str_has_suffix (c->path, "error-status-19")) {
                        g_assert_cmpuint (gsnmp_pdu_get_error_status (msg.pdu), ==, 19);
                } else if (g_str_has_suffix (c->path, "error-status-negative")) {
                        g_assert_cmpuint (gsnmp_pdu_get_error_status (msg.pdu), ==, G_MAXUINT32);
                } else if (g_str_has_suffix (c->path, "error-index-negative")) {
                        g_assert_cmpuint (gsnmp_pdu_get_error_index (msg.pdu), ==, G_MAXUINT32);
                } else if (g_str_has_suffix (c->path, "error-status-18")) {
                        g_assert_cmpuint (gsnmp_pdu_get_error_status (msg.pdu), ==, 18);
                } else if (g_str_has_suffix (c->path, "bulk-negative-non-repeaters")) {
                        g_assert_cmpuint (gsnmp_pdu_get_non_repeaters (msg.pdu), ==, 0);
                        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (msg.pdu), ==, 3);
                } else if (g_str_has_suffix (c->path, "bulk-negative-max-repetitions")) {
                        g_assert_cmpuint (gsnmp_pdu_get_max_repetitions (msg.pdu), ==, 0);
                } else if (g_str_has_suffix (c->path, "trap-negative-specific")) {
                        GBytes *bytes = encode_ok (&msg);

                        g_assert_cmpuint (msg.pdu->specific_trap, ==, G_MAXUINT32);
                        /* and it goes back out as the same INTEGER -1 */
                        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         in->data, in->len);
                        g_bytes_unref (bytes);
                } else if (g_str_has_suffix (c->path, "no-varbinds")) {
                        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (msg.pdu), ==, 0);
                } else if (g_str_has_suffix (c->path, "long-form-length")) {
                        GBytes *bytes = encode_ok (&msg);

                        /* re-encoded minimally: 4 bytes shorter */
                        g_assert_cmpuint (g_bytes_get_size (bytes), ==, in->len - 4);
                        g_bytes_unref (bytes);
                } else if (g_str_has_suffix (c->path, "value-uinteger32")) {
                        GsnmpVarbind *vb = gsnmp_pdu_get_varbind (msg.pdu, 0);
                        GBytes *bytes = encode_ok (&msg);
                        g_autofree char *text = gsnmp_varbind_to_string (vb);

                        g_assert_cmphex (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_UINTEGER32);
                        g_assert_cmpuint (gsnmp_varbind_get_unsigned (vb), ==, 1);
                        /* sprint_realloc_uinteger(): no type prefix */
                        g_assert_cmpstr (text, ==, ".1.3.6.1 = 1");
                        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         in->data, in->len);
                        g_bytes_unref (bytes);
                } else if (g_str_has_suffix (c->path, "value-nsap-address")) {
                        GsnmpVarbind *vb = gsnmp_pdu_get_varbind (msg.pdu, 0);
                        GBytes *bytes = encode_ok (&msg);
                        g_autofree char *text = gsnmp_varbind_to_string (vb);
                        const guint8 *octets;
                        gsize len;

                        g_assert_cmphex (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_NSAP_ADDRESS);
                        octets = gsnmp_varbind_get_octets (vb, &len);
                        g_assert_cmpmem (octets, len, "\x47\x00\x05\x80\xff", 5);
                        /* what Net-SNMP 5.9 prints without a MIB */
                        g_assert_cmpstr (text, ==, ".1.3.6.1 = Variable has bad type");
                        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         in->data, in->len);
                        g_bytes_unref (bytes);
                } else if (g_str_has_suffix (c->path, "value-counter32-top-bit")) {
                        GsnmpVarbind *vb = gsnmp_pdu_get_varbind (msg.pdu, 0);

                        g_assert_cmpuint (gsnmp_varbind_get_unsigned (vb), ==, 3000000000u);
                } else if (g_str_has_suffix (c->path, "opaque")) {
                        GsnmpVarbind *vb = gsnmp_pdu_get_varbind (msg.pdu, 0);
                        const guint8 *octets;
                        gsize len;

                        g_assert_cmphex (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_OPAQUE);
                        octets = gsnmp_varbind_get_octets (vb, &len);
                        g_assert_cmpmem (octets, len, "abc", 3);
                }
                gsnmp_message_clear (&msg);
                g_byte_array_unref (in);
        }
}

/* Every proper prefix of every captured datagram is malformed. */
static void
test_truncated (void)
{
        for (gsize k = 0; k < G_N_ELEMENTS (captured_cases); k++) {
                const CapturedCase *c = &captured_cases[k];

                for (gsize n = 0; n < c->length; n++) {
                        guint8 *copy = g_memdup2 (c->data, n);
                        GsnmpMessage msg;
                        GError *error = NULL;

                        g_assert_false (gsnmp_message_decode (copy ? copy : c->data, n, &msg, &error));
                        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_MALFORMED_MESSAGE);
                        g_clear_error (&error);
                        g_assert_null (msg.pdu);
                        g_free (copy);
                }
        }
}

/* A small deterministic fuzzer that runs in every build: every byte of every
 * captured datagram replaced by a few interesting values.  Nothing may crash
 * or leak, and whatever decodes must re-encode consistently. */
static void
test_mutations (void)
{
        guint decoded = 0, rejected = 0;

        for (gsize k = 0; k < G_N_ELEMENTS (captured_cases); k++) {
                const CapturedCase *c = &captured_cases[k];
                guint8 *copy = g_memdup2 (c->data, c->length);

                for (gsize pos = 0; pos < c->length; pos++) {
                        guint8 orig = c->data[pos];
                        const guint8 values[] = {
                                0x00, 0x01, 0x7f, 0x80, 0x81, 0x84, 0xff,
                                orig ^ 0x01, orig ^ 0x80, orig + 1, orig - 1,
                        };

                        for (gsize v = 0; v < G_N_ELEMENTS (values); v++) {
                                if (values[v] == orig)
                                        continue;
                                copy[pos] = values[v];
                                if (check_decode_survives (copy, c->length))
                                        decoded++;
                                else
                                        rejected++;
                        }
                        copy[pos] = orig;
                }
                g_free (copy);
        }
        g_test_message ("%u mutations decoded, %u rejected", decoded, rejected);
        g_assert_cmpuint (decoded, >, 0);
        g_assert_cmpuint (rejected, >, 0);
}

/* Every seed of the fuzzing corpus, in every build (not only -Dfuzzing):
 * bad-* must be rejected; netsnmp-v1-*, netsnmp-v2c-* (captured from
 * Net-SNMP) and gsnmp-* (hand-made, one of every type) must decode and
 * re-encode to the same bytes; anything else (SNMPv3, inputs the fuzzer
 * found) must just not crash. */
static void
test_corpus_replay (void)
{
        char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "message", NULL);
        GError *error = NULL;
        GDir *dir = g_dir_open (dir_path, 0, &error);
        const char *name;
        guint n = 0;

        g_assert_no_error (error);
        while ((name = g_dir_read_name (dir)) != NULL) {
                char *path = g_build_filename (dir_path, name, NULL);
                char *contents;
                gsize length;
                GsnmpMessage msg;
                GError *decode_error = NULL;
                gboolean ok;

                g_file_get_contents (path, &contents, &length, &error);
                g_assert_no_error (error);
                g_test_message ("%s (%" G_GSIZE_FORMAT " bytes)", name, length);

                ok = check_decode_survives ((const guint8 *) contents, length);
                if (g_str_has_prefix (name, "bad-")) {
                        g_assert_false (ok);
                        g_assert_false (gsnmp_message_decode ((const guint8 *) contents, length,
                                                              &msg, &decode_error));
                        g_assert_error (decode_error, GSNMP_ERROR, GSNMP_ERROR_MALFORMED_MESSAGE);
                        g_clear_error (&decode_error);
                } else if (g_str_has_prefix (name, "netsnmp-v1-") ||
                           g_str_has_prefix (name, "netsnmp-v2c-") ||
                           g_str_has_prefix (name, "gsnmp-")) {
                        GBytes *bytes;

                        g_assert_true (ok);
                        decode_ok ((const guint8 *) contents, length, &msg);
                        bytes = encode_ok (&msg);
                        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         contents, length);
                        g_bytes_unref (bytes);
                        gsnmp_message_clear (&msg);
                }
                n++;
                g_free (contents);
                g_free (path);
        }
        g_assert_cmpuint (n, >=, 30);
        g_dir_close (dir);
        g_free (dir_path);
}

/***************************************************************************/
/* Encoding */

static void
test_encode_v1_refuses_v2_values (void)
{
        GsnmpValueType types[] = {
                GSNMP_VALUE_TYPE_COUNTER64,
                GSNMP_VALUE_TYPE_NO_SUCH_OBJECT,
                GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE,
                GSNMP_VALUE_TYPE_END_OF_MIB_VIEW,
        };

        for (gsize i = 0; i < G_N_ELEMENTS (types); i++) {
                GsnmpMessage msg = { GSNMP_PROTOCOL_VERSION_V1, NULL, NULL };
                GError *error = NULL;
                GBytes *bytes;

                msg.pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
                gsnmp_pdu_take_varbind (msg.pdu, gsnmp_varbind_new_take (make_oid ("1.3.6.1.2.1.1.1.0"),
                                                                         types[i], 1));
                g_assert_null (gsnmp_message_encode (&msg, 0, &error));
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
                g_clear_error (&error);

                /* The same is fine in SNMPv2c. */
                msg.version = GSNMP_PROTOCOL_VERSION_V2C;
                bytes = gsnmp_message_encode (&msg, 0, &error);
                g_assert_no_error (error);
                g_assert_nonnull (bytes);
                g_bytes_unref (bytes);
                gsnmp_message_clear (&msg);
        }
}

static void
test_encode_invalid (void)
{
        GsnmpMessage msg = { GSNMP_PROTOCOL_VERSION_V2C, NULL, NULL };
        GError *error = NULL;
        GBytes *bytes;
        guint32 bad[] = { 3, 1 };

        /* A name BER cannot encode. */
        msg.pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_GET);
        gsnmp_pdu_take_varbind (msg.pdu, gsnmp_varbind_new_take (gsnmp_oid_new (bad, 2),
                                                                 GSNMP_VALUE_TYPE_NULL, 0));
        g_assert_null (gsnmp_message_encode (&msg, 0, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID);
        g_clear_error (&error);
        gsnmp_message_clear (&msg);

        /* error-index beyond INTEGER's range */
        msg.version = GSNMP_PROTOCOL_VERSION_V2C;
        msg.pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        gsnmp_pdu_set_error (msg.pdu, 5, 0x80000000u);
        g_assert_null (gsnmp_message_encode (&msg, 0, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        /* SNMPv3 is not this function's business (yet). */
        msg.version = GSNMP_PROTOCOL_VERSION_V3;
        gsnmp_pdu_set_error (msg.pdu, 0, 0);
        g_assert_null (gsnmp_message_encode (&msg, 0, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED);
        g_clear_error (&error);

        /* No community is the empty community. */
        msg.version = GSNMP_PROTOCOL_VERSION_V2C;
        bytes = gsnmp_message_encode (&msg, 0, &error);
        g_assert_no_error (error);
        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 7, "\x30\x12\x02\x01\x01\x04\x00", 7);
        g_bytes_unref (bytes);
        gsnmp_message_clear (&msg);
}

/* Encoding a request with the same fields as Net-SNMP's gives its bytes. */
static void
test_encode_like_netsnmp (void)
{
        GsnmpMessage msg = { GSNMP_PROTOCOL_VERSION_V2C, NULL, NULL };
        GBytes *bytes;
        GsnmpOid *oid;
        GsnmpVarbind *vb;

        msg.community = g_bytes_new_static ("public", 6);
        msg.pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_GET);
        gsnmp_pdu_set_request_id (msg.pdu, 1673745477);
        /* the public constructors, once */
        oid = make_oid ("1.3.6.1.2.1.1.5.0");
        vb = gsnmp_varbind_new_null (oid);
        gsnmp_pdu_add_varbind (msg.pdu, vb);
        gsnmp_varbind_unref (vb);
        gsnmp_oid_unref (oid);
        gsnmp_pdu_take_varbind (msg.pdu, gsnmp_varbind_new_take (make_oid (".1.3.6.1.2.1.1.3.0"),
                                                                 GSNMP_VALUE_TYPE_NULL, 0));
        bytes = encode_ok (&msg);
        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                         v2c_get_request, sizeof v2c_get_request);
        g_bytes_unref (bytes);
        gsnmp_message_clear (&msg);
}

static void
test_encode_too_big_early (void)
{
        GsnmpMessage msg = { GSNMP_PROTOCOL_VERSION_V2C, NULL, NULL };
        GError *error = NULL;
        GBytes *bytes;
        gsize size;

        msg.community = g_bytes_new_static ("public", 6);
        msg.pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        for (guint i = 0; i < 1000; i++) {
                guint32 ids[] = { 1, 3, 6, 1, 2, 1, 2, 2, 1, 2, i };

                gsnmp_pdu_take_varbind (msg.pdu, gsnmp_varbind_new_take_octets (
                        gsnmp_oid_new (ids, G_N_ELEMENTS (ids)), GSNMP_VALUE_TYPE_OCTET_STRING,
                        (const guint8 *) "GigabitEthernet0/0/0", 20));
        }
        g_assert_null (gsnmp_message_encode (&msg, 484, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_MESSAGE_TOO_BIG);
        g_clear_error (&error);

        bytes = gsnmp_message_encode (&msg, 65507, &error);
        g_assert_no_error (error);
        size = g_bytes_get_size (bytes);
        g_assert_cmpuint (size, >, 30000);
        g_assert_true (check_decode_survives (g_bytes_get_data (bytes, NULL), size));
        g_bytes_unref (bytes);
        gsnmp_message_clear (&msg);
}

/* The PDU layer alone, as the SNMPv3 code uses it inside a scopedPDU. */
static void
test_pdu_layer (void)
{
        GsnmpBerWriter w;
        GsnmpBerReader r;
        GsnmpPdu *pdu = make_sample_pdu (GSNMP_PDU_TYPE_REPORT, GSNMP_PROTOCOL_VERSION_V3);
        GsnmpPdu *out = NULL;
        GError *error = NULL;
        gsize mark;

        gsnmp_ber_writer_init (&w, 0);
        mark = gsnmp_ber_writer_begin (&w);
        g_assert_true (gsnmp_message_write_pdu (&w, GSNMP_PROTOCOL_VERSION_V3, pdu, 0, &error));
        gsnmp_ber_write_octets (&w, GSNMP_BER_TAG_OCTET_STRING, (const guint8 *) "", 0);
        gsnmp_ber_write_octets (&w, GSNMP_BER_TAG_OCTET_STRING, (const guint8 *) "\x80\x00\x1f\x88\x04", 5);
        gsnmp_ber_writer_end (&w, mark, GSNMP_BER_TAG_SEQUENCE);
        g_assert_no_error (error);

        gsnmp_ber_reader_init (&r, gsnmp_ber_writer_get_data (&w), gsnmp_ber_writer_get_length (&w));
        {
                const guint8 *p;
                gsize len;

                g_assert_true (gsnmp_ber_enter (&r, GSNMP_BER_TAG_SEQUENCE, &error));
                g_assert_true (gsnmp_ber_read_octets (&r, GSNMP_BER_TAG_OCTET_STRING, &p, &len, &error));
                g_assert_cmpuint (len, ==, 5);
                g_assert_true (gsnmp_ber_read_octets (&r, GSNMP_BER_TAG_OCTET_STRING, &p, &len, &error));
                g_assert_cmpuint (len, ==, 0);
        }
        g_assert_true (gsnmp_message_read_pdu (&r, GSNMP_PROTOCOL_VERSION_V3, &out, &error));
        g_assert_true (gsnmp_ber_leave (&r, &error));
        g_assert_true (gsnmp_ber_reader_finish (&r, &error));
        g_assert_no_error (error);
        assert_pdus_equal (pdu, out);

        /* SNMPv3 refuses the SNMPv1 Trap-PDU like SNMPv2c does. */
        gsnmp_pdu_unref (pdu);
        pdu = make_sample_pdu (GSNMP_PDU_TYPE_TRAP_V1, GSNMP_PROTOCOL_VERSION_V1);
        g_assert_false (gsnmp_message_write_pdu (&w, GSNMP_PROTOCOL_VERSION_V3, pdu, 0, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE);
        g_clear_error (&error);

        gsnmp_ber_writer_clear (&w);
        gsnmp_pdu_unref (pdu);
        gsnmp_pdu_unref (out);
}

/* A decoded PDU is one allocation for its varbind slots and one per
 * varbind, with the varbind's name embedded in it: a varbind and its name
 * taken from a decoded PDU must outlive the PDU, whatever is ref'd or
 * copied, and octet strings of every size near the allocation's
 * boundaries must come back whole (valgrind and ASan watch the reads). */
static void
test_decoded_outlive_pdu (void)
{
        static const gsize sizes[] = { 0, 1, 3, 4, 5, 7, 8, 9, 127, 128, 255, 256, 1000 };
        guint32 name[] = { 1, 3, 6, 1, 4, 1, 99999, 7, 0 };
        GsnmpPdu *pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_RESPONSE);
        GsnmpMessage msg = { GSNMP_PROTOCOL_VERSION_V2C, NULL, NULL };
        GsnmpMessage out;
        GError *error = NULL;
        GBytes *wire;
        GPtrArray *kept_vbs = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_varbind_unref);
        GPtrArray *kept_oids = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        GHashTable *by_oid;
        GsnmpOid *value;
        GsnmpVarbind **vbs;
        guint n;
        gsize k;

        for (k = 0; k < G_N_ELEMENTS (sizes); k++) {
                g_autoptr(GsnmpOid) oid = NULL;
                g_autofree guint8 *data = g_malloc (sizes[k] + 1);

                name[G_N_ELEMENTS (name) - 1] = (guint32) k;
                oid = gsnmp_oid_new (name, G_N_ELEMENTS (name));
                for (gsize i = 0; i < sizes[k]; i++)
                        data[i] = (guint8) (i * 7 + k);
                gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_octet_string (oid, data, sizes[k]));
        }
        {
                /* and a name of the most sub-identifiers, as an OID value too */
                guint32 ids[GSNMP_OID_MAX_LENGTH];
                g_autoptr(GsnmpOid) longest = NULL;

                for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
                        ids[i] = i < 2 ? (guint32) (1 + 2 * i) : G_MAXUINT32 - (guint32) i;
                longest = gsnmp_oid_new (ids, G_N_ELEMENTS (ids));
                gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_oid (longest, longest));
                gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_counter64 (longest, G_MAXUINT64));
        }
        msg.community = g_bytes_new_static ("public", 6);
        msg.pdu = pdu;
        wire = gsnmp_message_encode (&msg, 0, &error);
        g_assert_no_error (error);
        g_bytes_unref (msg.community);
        g_clear_pointer (&msg.pdu, gsnmp_pdu_unref);

        g_assert_true (gsnmp_message_decode (g_bytes_get_data (wire, NULL), g_bytes_get_size (wire),
                                             &out, &error));
        g_assert_no_error (error);
        g_bytes_unref (wire);

        vbs = gsnmp_pdu_get_varbinds (out.pdu, &n);
        g_assert_cmpuint (n, ==, G_N_ELEMENTS (sizes) + 2);
        /* Exactly the room it needed, in the PDU's own allocation. */
        g_assert_cmpuint (out.pdu->varbinds_size, ==, n);
        g_assert_true (out.pdu->varbinds == out.pdu->inline_varbinds);
        for (guint i = 0; i < n; i++) {
                if (i % 2 == 0)
                        g_ptr_array_add (kept_vbs, gsnmp_varbind_ref (vbs[i]));
                else
                        g_ptr_array_add (kept_oids, g_boxed_copy (GSNMP_TYPE_OID, gsnmp_varbind_get_oid (vbs[i])));
        }
        /* The OBJECT IDENTIFIER value named by the longest OID: its value
         * kept past the varbind, and the varbind past the PDU. */
        g_assert_cmpint (gsnmp_varbind_get_value_type (vbs[n - 2]), ==, GSNMP_VALUE_TYPE_OBJECT_ID);
        g_assert_true (gsnmp_oid_equal (gsnmp_varbind_get_oid (vbs[n - 2]),
                                        gsnmp_varbind_get_oid_value (vbs[n - 2])));
        value = gsnmp_oid_ref (gsnmp_varbind_get_oid_value (vbs[n - 2]));
        /* A new varbind named by a decoded one's name, kept past both. */
        g_ptr_array_add (kept_vbs, gsnmp_varbind_new_null (gsnmp_varbind_get_oid (vbs[1])));
        gsnmp_message_clear (&out);

        for (guint i = 0; i + 1 < kept_vbs->len; i++) {
                GsnmpVarbind *vb = kept_vbs->pdata[i];
                guint idx = 2 * i;

                if (idx < G_N_ELEMENTS (sizes)) {
                        const guint8 *data;
                        gsize length;
                        const guint32 *ids;
                        gsize n_ids;

                        g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_OCTET_STRING);
                        data = gsnmp_varbind_get_octets (vb, &length);
                        g_assert_cmpuint (length, ==, sizes[idx]);
                        for (gsize j = 0; j < length; j++)
                                g_assert_cmpuint (data[j], ==, (guint8) (j * 7 + idx));
                        ids = gsnmp_oid_get_ids (gsnmp_varbind_get_oid (vb), &n_ids);
                        g_assert_cmpuint (n_ids, ==, G_N_ELEMENTS (name));
                        g_assert_cmpuint (ids[n_ids - 1], ==, idx);
                } else {
                        /* the Counter64 named by the longest OID */
                        g_assert_cmpint (gsnmp_varbind_get_value_type (vb), ==, GSNMP_VALUE_TYPE_COUNTER64);
                        g_assert_cmpuint (gsnmp_varbind_get_counter64 (vb), ==, G_MAXUINT64);
                        g_assert_cmpuint (gsnmp_oid_get_length (gsnmp_varbind_get_oid (vb)), ==,
                                          GSNMP_OID_MAX_LENGTH);
                }
        }

        /* Names kept on their own work as hash keys and compare by value. */
        by_oid = g_hash_table_new ((GHashFunc) gsnmp_oid_hash, (GEqualFunc) gsnmp_oid_equal);
        for (guint i = 0; i < kept_oids->len; i++)
                g_hash_table_add (by_oid, kept_oids->pdata[i]);
        g_assert_cmpuint (g_hash_table_size (by_oid), ==, kept_oids->len);
        for (guint i = 0; i < kept_oids->len; i++) {
                g_autofree char *str = gsnmp_oid_to_string (kept_oids->pdata[i]);
                g_autoptr(GsnmpOid) parsed = gsnmp_oid_new_from_string (str, &error);

                g_assert_no_error (error);
                g_assert_true (g_hash_table_contains (by_oid, parsed));
        }
        g_assert_true (gsnmp_oid_equal (gsnmp_varbind_get_oid (kept_vbs->pdata[kept_vbs->len - 1]),
                                        kept_oids->pdata[0]));
        g_hash_table_unref (by_oid);
        /* the name of the OBJECT IDENTIFIER varbind, 14th: kept_oids[6] */
        g_assert_true (gsnmp_oid_equal (value, kept_oids->pdata[6]));
        gsnmp_oid_unref (value);

        /* Dropping the varbinds first, then the names, frees everything
         * (the leak check of the valgrind and ASan runs). */
        g_ptr_array_unref (kept_vbs);
        g_ptr_array_unref (kept_oids);
}

int
main (int    argc,
      char **argv)
{
        g_test_init (&argc, &argv, NULL);

        for (gsize i = 0; i < G_N_ELEMENTS (captured_cases); i++)
                g_test_add_data_func (captured_cases[i].path, &captured_cases[i], test_captured);
        g_test_add_func ("/gsnmp/message/netsnmp/values", test_captured_values);
        g_test_add_func ("/gsnmp/message/netsnmp/bulk50", test_captured_bulk50);

        for (gsize i = 0; i < G_N_ELEMENTS (round_trip_cases); i++)
                g_test_add_data_func (round_trip_cases[i].path, &round_trip_cases[i], test_round_trip);

        for (gsize i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
                g_test_add_data_func (hostile_cases[i].path, &hostile_cases[i], test_hostile);
        g_test_add_func ("/gsnmp/message/lenient/values", test_lenient_values);
        g_test_add_func ("/gsnmp/message/hostile/truncated", test_truncated);
        g_test_add_func ("/gsnmp/message/hostile/mutations", test_mutations);
        g_test_add_func ("/gsnmp/message/hostile/corpus-replay", test_corpus_replay);

        g_test_add_func ("/gsnmp/message/encode/v1-refuses-v2-values", test_encode_v1_refuses_v2_values);
        g_test_add_func ("/gsnmp/message/encode/invalid", test_encode_invalid);
        g_test_add_func ("/gsnmp/message/encode/like-netsnmp", test_encode_like_netsnmp);
        g_test_add_func ("/gsnmp/message/encode/too-big-early", test_encode_too_big_early);
        g_test_add_func ("/gsnmp/message/encode/pdu-layer", test_pdu_layer);
        g_test_add_func ("/gsnmp/message/decode/varbinds-outlive-pdu", test_decoded_outlive_pdu);

        return g_test_run ();
}
