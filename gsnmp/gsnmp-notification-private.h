/* gsnmp-notification-private.h - notification internals shared by the
 * listener and the originator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <sys/socket.h>

#include "gsnmp-notification.h"

G_BEGIN_DECLS

/* sysUpTime.0, snmpTrapOID.0 (RFC 3418), the snmpTraps prefix whose
 * children .1 to .6 are the SNMPv1 generic traps (RFC 3418, RFC 3584 §3),
 * snmpTrapEnterprise.0 (RFC 3418), snmpTrapAddress.0 and
 * snmpTrapCommunity.0 (RFC 3584 §5). */
#define GSNMP_OID_SYS_UP_TIME           1, 3, 6, 1, 2, 1, 1, 3, 0
#define GSNMP_OID_SNMP_TRAP_OID         1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0
#define GSNMP_OID_SNMP_TRAPS            1, 3, 6, 1, 6, 3, 1, 1, 5
#define GSNMP_OID_SNMP_TRAP_ENTERPRISE  1, 3, 6, 1, 6, 3, 1, 1, 4, 3, 0
#define GSNMP_OID_SNMP_TRAP_ADDRESS     1, 3, 6, 1, 6, 3, 18, 1, 3, 0
#define GSNMP_OID_SNMP_TRAP_COMMUNITY   1, 3, 6, 1, 6, 3, 18, 1, 4, 0

/* The security information a notification arrived with. */
typedef struct {
        GsnmpProtocolVersion  version;
        GBytes               *community;          /* v1, v2c */
        GBytes               *user_name;          /* v3 */
        GsnmpSecurityLevel    level;
        GBytes               *engine_id;          /* v3: msgAuthoritativeEngineID */
        GBytes               *context_engine_id;  /* v3 */
        GBytes               *context_name;       /* v3 */
} GsnmpNotificationSecurity;

/* A notification for @pdu (transfer full), a Trap-PDU (SNMPv1), an
 * SNMPv2-Trap-PDU or an InformRequest-PDU, received from @from.  Fails with
 * GSNMP_ERROR_MALFORMED_MESSAGE (and frees @pdu) when an SNMPv2 notification
 * does not begin with sysUpTime.0 and snmpTrapOID.0 (RFC 3416 §4.2.6). */
GsnmpNotification *gsnmp_notification_new   (const GsnmpNotificationSecurity *security,
                                             const struct sockaddr           *from,
                                             gsize                            from_len,
                                             GsnmpPdu                        *pdu,
                                             GError                         **error);

/* RFC 3584 §3.1: the SNMPv2 notification OID of an SNMPv1 trap. */
GsnmpOid          *gsnmp_notification_v1_trap_oid (GsnmpOid *enterprise,
                                                   gint32    generic_trap,
                                                   gint32    specific_trap);

/* The OID of one of the well-known objects above (a new reference). */
GsnmpOid          *gsnmp_notification_sys_up_time_oid (void);
GsnmpOid          *gsnmp_notification_snmp_trap_oid   (void);

G_END_DECLS
