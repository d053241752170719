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
        g_assert_cmpuint (a->varbinds->len, ==, b->varbinds->len);
        for (guint i = 0; i < a->varbinds->len; i++)
                assert_varbinds_equal (g_ptr_array_index (a->varbinds, i),
                                       g_ptr_array_index (b->varbinds, i));
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
