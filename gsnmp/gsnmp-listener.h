/* gsnmp-listener.h - receives SNMP notifications (traps and informs)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <gio/gio.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-usm-user.h>
#include <gsnmp/gsnmp-engine.h>
#include <gsnmp/gsnmp-notification.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

/**
 * GSNMP_TRAP_PORT:
 *
 * The UDP port notification receivers listen on (RFC 3417 §3.2).
 *
 * Since: 0.1
 */
#define GSNMP_TRAP_PORT 162

/**
 * GsnmpListenerCounter:
 * @GSNMP_LISTENER_COUNTER_IN_PACKETS: datagrams received (snmpInPkts)
 * @GSNMP_LISTENER_COUNTER_NOTIFICATIONS: notifications accepted and
 *   emitted with [signal@Gsnmp.Listener::notification]
 * @GSNMP_LISTENER_COUNTER_INFORM_RESPONSES: Response-PDUs sent to
 *   acknowledge informs, retransmitted ones included
 * @GSNMP_LISTENER_COUNTER_DUPLICATE_INFORMS: retransmitted informs,
 *   acknowledged again but not emitted again
 * @GSNMP_LISTENER_COUNTER_REPORTS: Report-PDUs sent (SNMPv3 discovery and
 *   errors)
 * @GSNMP_LISTENER_COUNTER_BAD_VERSIONS: messages of an unknown SNMP version
 *   (snmpInBadVersions)
 * @GSNMP_LISTENER_COUNTER_BAD_COMMUNITY_NAMES: SNMPv1 and SNMPv2c messages
 *   with a community the listener does not accept
 *   (snmpInBadCommunityNames)
 * @GSNMP_LISTENER_COUNTER_ASN_PARSE_ERRORS: datagrams that are not
 *   well-formed SNMP messages (snmpInASNParseErrs)
 * @GSNMP_LISTENER_COUNTER_INVALID_NOTIFICATIONS: SNMPv2 notifications that
 *   do not begin with `sysUpTime.0` and `snmpTrapOID.0`
 * @GSNMP_LISTENER_COUNTER_UNKNOWN_PDU_HANDLERS: messages that carry no
 *   notification, such as a GetRequest (snmpUnknownPDUHandlers)
 * @GSNMP_LISTENER_COUNTER_UNKNOWN_SECURITY_MODELS: SNMPv3 messages with a
 *   security model other than USM (snmpUnknownSecurityModels)
 * @GSNMP_LISTENER_COUNTER_UNSUPPORTED_SEC_LEVELS: SNMPv3 messages at a
 *   security level the user is not configured with, lower or higher
 *   (usmStatsUnsupportedSecLevels)
 * @GSNMP_LISTENER_COUNTER_NOT_IN_TIME_WINDOWS: authenticated SNMPv3 messages
 *   outside the time window (usmStatsNotInTimeWindows)
 * @GSNMP_LISTENER_COUNTER_UNKNOWN_USER_NAMES: SNMPv3 messages from a user
 *   the listener does not accept (usmStatsUnknownUserNames)
 * @GSNMP_LISTENER_COUNTER_UNKNOWN_ENGINE_IDS: SNMPv3 messages for an
 *   authoritative engine ID no user is bound to, SNMPv3 discovery included
 *   (usmStatsUnknownEngineIDs)
 * @GSNMP_LISTENER_COUNTER_WRONG_DIGESTS: SNMPv3 messages that failed
 *   authentication (usmStatsWrongDigests)
 * @GSNMP_LISTENER_COUNTER_DECRYPTION_ERRORS: SNMPv3 messages that could not
 *   be decrypted (usmStatsDecryptionErrors)
 *
 * The counters of a [class@Gsnmp.Listener], read with
 * [method@Gsnmp.Listener.get_counter]. Most are the SNMPv2-MIB (RFC 3418),
 * SNMP-MPD-MIB (RFC 3412) and SNMP-USER-BASED-SM-MIB (RFC 3414) counters
 * of the same name: those are the entity's, shared with the
 * [class@Gsnmp.Engine] the listener was made on ([enum@Gsnmp.Counter]);
 * NOTIFICATIONS, INFORM_RESPONSES, DUPLICATE_INFORMS, REPORTS and
 * INVALID_NOTIFICATIONS are the listener's own.
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_LISTENER_COUNTER_IN_PACKETS,
        GSNMP_LISTENER_COUNTER_NOTIFICATIONS,
        GSNMP_LISTENER_COUNTER_INFORM_RESPONSES,
        GSNMP_LISTENER_COUNTER_DUPLICATE_INFORMS,
        GSNMP_LISTENER_COUNTER_REPORTS,
        GSNMP_LISTENER_COUNTER_BAD_VERSIONS,
        GSNMP_LISTENER_COUNTER_BAD_COMMUNITY_NAMES,
        GSNMP_LISTENER_COUNTER_ASN_PARSE_ERRORS,
        GSNMP_LISTENER_COUNTER_INVALID_NOTIFICATIONS,
        GSNMP_LISTENER_COUNTER_UNKNOWN_PDU_HANDLERS,
        GSNMP_LISTENER_COUNTER_UNKNOWN_SECURITY_MODELS,
        GSNMP_LISTENER_COUNTER_UNSUPPORTED_SEC_LEVELS,
        GSNMP_LISTENER_COUNTER_NOT_IN_TIME_WINDOWS,
        GSNMP_LISTENER_COUNTER_UNKNOWN_USER_NAMES,
        GSNMP_LISTENER_COUNTER_UNKNOWN_ENGINE_IDS,
        GSNMP_LISTENER_COUNTER_WRONG_DIGESTS,
        GSNMP_LISTENER_COUNTER_DECRYPTION_ERRORS,
} GsnmpListenerCounter;

#define GSNMP_TYPE_LISTENER (gsnmp_listener_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpListener, gsnmp_listener, GSNMP, LISTENER, GObject)

GSNMP_AVAILABLE_IN_ALL
GsnmpListener *gsnmp_listener_new                 (GsnmpEngine          *engine);
GSNMP_AVAILABLE_IN_ALL
gboolean       gsnmp_listener_add_address         (GsnmpListener        *self,
                                                   const char           *address,
                                                   guint16              *bound_port,
                                                   GError              **error);
GSNMP_AVAILABLE_IN_ALL
gboolean       gsnmp_listener_add_socket_address  (GsnmpListener        *self,
                                                   GSocketAddress       *address,
                                                   guint16              *bound_port,
                                                   GError              **error);
GSNMP_AVAILABLE_IN_ALL
void           gsnmp_listener_add_community       (GsnmpListener        *self,
                                                   const char           *community);
GSNMP_AVAILABLE_IN_ALL
void           gsnmp_listener_add_user            (GsnmpListener        *self,
                                                   GsnmpUsmUser         *user,
                                                   GBytes               *engine_id);
GSNMP_AVAILABLE_IN_ALL
GBytes        *gsnmp_listener_get_engine_id       (GsnmpListener        *self);
GSNMP_AVAILABLE_IN_ALL
guint          gsnmp_listener_get_engine_boots    (GsnmpListener        *self);
GSNMP_AVAILABLE_IN_ALL
guint          gsnmp_listener_get_engine_time     (GsnmpListener        *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpEngine   *gsnmp_listener_get_engine          (GsnmpListener        *self);
GSNMP_AVAILABLE_IN_ALL
guint64        gsnmp_listener_get_counter         (GsnmpListener        *self,
                                                   GsnmpListenerCounter  counter);
GSNMP_AVAILABLE_IN_ALL
void           gsnmp_listener_close               (GsnmpListener        *self);

G_END_DECLS
