/* gsnmp-enums.h - public enumerations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * GsnmpProtocolVersion:
 * @GSNMP_PROTOCOL_VERSION_V1: SNMPv1 (RFC 1157)
 * @GSNMP_PROTOCOL_VERSION_V2C: community-based SNMPv2 (RFC 1901)
 * @GSNMP_PROTOCOL_VERSION_V3: SNMPv3 (RFC 3412)
 *
 * SNMP message versions. The values equal the version field on the wire.
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_PROTOCOL_VERSION_V1 = 0,
        GSNMP_PROTOCOL_VERSION_V2C = 1,
        GSNMP_PROTOCOL_VERSION_V3 = 3,
} GsnmpProtocolVersion;

/**
 * GsnmpPduType:
 * @GSNMP_PDU_TYPE_GET: GetRequest-PDU
 * @GSNMP_PDU_TYPE_GET_NEXT: GetNextRequest-PDU
 * @GSNMP_PDU_TYPE_RESPONSE: Response-PDU (GetResponse in SNMPv1)
 * @GSNMP_PDU_TYPE_SET: SetRequest-PDU
 * @GSNMP_PDU_TYPE_TRAP_V1: the SNMPv1 Trap-PDU
 * @GSNMP_PDU_TYPE_GET_BULK: GetBulkRequest-PDU
 * @GSNMP_PDU_TYPE_INFORM: InformRequest-PDU
 * @GSNMP_PDU_TYPE_TRAP: SNMPv2-Trap-PDU
 * @GSNMP_PDU_TYPE_REPORT: Report-PDU
 *
 * PDU types. The values equal the BER tags on the wire (RFC 3416).
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_PDU_TYPE_GET = 0xa0,
        GSNMP_PDU_TYPE_GET_NEXT = 0xa1,
        GSNMP_PDU_TYPE_RESPONSE = 0xa2,
        GSNMP_PDU_TYPE_SET = 0xa3,
        GSNMP_PDU_TYPE_TRAP_V1 = 0xa4,
        GSNMP_PDU_TYPE_GET_BULK = 0xa5,
        GSNMP_PDU_TYPE_INFORM = 0xa6,
        GSNMP_PDU_TYPE_TRAP = 0xa7,
        GSNMP_PDU_TYPE_REPORT = 0xa8,
} GsnmpPduType;

/**
 * GsnmpValueType:
 * @GSNMP_VALUE_TYPE_INTEGER: INTEGER (Integer32)
 * @GSNMP_VALUE_TYPE_OCTET_STRING: OCTET STRING
 * @GSNMP_VALUE_TYPE_NULL: NULL (the value of a request varbind)
 * @GSNMP_VALUE_TYPE_OBJECT_ID: OBJECT IDENTIFIER
 * @GSNMP_VALUE_TYPE_IP_ADDRESS: IpAddress
 * @GSNMP_VALUE_TYPE_COUNTER32: Counter32
 * @GSNMP_VALUE_TYPE_GAUGE32: Gauge32, also Unsigned32
 * @GSNMP_VALUE_TYPE_TIMETICKS: TimeTicks, in hundredths of a second
 * @GSNMP_VALUE_TYPE_OPAQUE: Opaque
 * @GSNMP_VALUE_TYPE_COUNTER64: Counter64
 * @GSNMP_VALUE_TYPE_NSAP_ADDRESS: NsapAddress, an application type of the
 *   RFC 1442 SMIv2 drafts that RFC 2578 dropped; still sent by some agents.
 *   Its value is octets, read with [method@Gsnmp.Varbind.get_octets].
 * @GSNMP_VALUE_TYPE_UINTEGER32: UInteger32, likewise historic (RFC 1442); an
 *   unsigned 32-bit value, read with [method@Gsnmp.Varbind.get_unsigned]
 * @GSNMP_VALUE_TYPE_NO_SUCH_OBJECT: the noSuchObject exception
 * @GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE: the noSuchInstance exception
 * @GSNMP_VALUE_TYPE_END_OF_MIB_VIEW: the endOfMibView exception
 *
 * The types a variable binding's value can have. The values equal the BER
 * tags on the wire (RFC 2578, RFC 3416).
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_VALUE_TYPE_INTEGER = 0x02,
        GSNMP_VALUE_TYPE_OCTET_STRING = 0x04,
        GSNMP_VALUE_TYPE_NULL = 0x05,
        GSNMP_VALUE_TYPE_OBJECT_ID = 0x06,
        GSNMP_VALUE_TYPE_IP_ADDRESS = 0x40,
        GSNMP_VALUE_TYPE_COUNTER32 = 0x41,
        GSNMP_VALUE_TYPE_GAUGE32 = 0x42,
        GSNMP_VALUE_TYPE_TIMETICKS = 0x43,
        GSNMP_VALUE_TYPE_OPAQUE = 0x44,
        GSNMP_VALUE_TYPE_NSAP_ADDRESS = 0x45,
        GSNMP_VALUE_TYPE_COUNTER64 = 0x46,
        GSNMP_VALUE_TYPE_UINTEGER32 = 0x47,
        GSNMP_VALUE_TYPE_NO_SUCH_OBJECT = 0x80,
        GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE = 0x81,
        GSNMP_VALUE_TYPE_END_OF_MIB_VIEW = 0x82,
} GsnmpValueType;

/**
 * GsnmpFormatFlags:
 * @GSNMP_FORMAT_NONE: Net-SNMP's default `-On` output:
 *   `.1.3.6.1.2.1.1.5.0 = STRING: "host"`
 * @GSNMP_FORMAT_QUICK: like Net-SNMP's `-Oq`: no `=` and no type prefix
 * @GSNMP_FORMAT_QUICK_EQUALS: like Net-SNMP's `-OQ`: keep the `=`, drop the
 *   type prefix
 * @GSNMP_FORMAT_VALUE_ONLY: like Net-SNMP's `-Ov`: print only the value
 * @GSNMP_FORMAT_NUMERIC_ENUMS: like Net-SNMP's `-Oe`: enumerations as numbers
 *   (without MIB modules every enumeration is a number already)
 * @GSNMP_FORMAT_OID_NUMERIC: like `-On`: numeric OIDs (what
 *   [method@Gsnmp.Varbind.format] always prints)
 * @GSNMP_FORMAT_OID_SUFFIX: like `-Os`: the last name and the index, such as
 *   `sysDescr.0`
 * @GSNMP_FORMAT_OID_FULL: like `-Of`: every name from the root, such as
 *   `.iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0`
 * @GSNMP_FORMAT_OID_UCD: like `-Ou`: names below `mib-2` (or `iso` …) in the
 *   style of the UCD tools, such as `system.sysDescr.0`
 * @GSNMP_FORMAT_NO_INDEX_BREAKDOWN: like `-Ob`: table indexes as numbers
 * @GSNMP_FORMAT_EXTENDED_INDEX: like `-OX`: indexes in brackets, such as
 *   `ifDescr[1]`
 * @GSNMP_FORMAT_NO_UNITS: like `-OU`: leave out the UNITS of a value
 * @GSNMP_FORMAT_NUMERIC_TIMETICKS: like `-Ot`: TimeTicks as a number
 * @GSNMP_FORMAT_HEX_STRINGS: like `-Ox`: octet strings without a display
 *   hint in hexadecimal
 * @GSNMP_FORMAT_ASCII_STRINGS: like `-Oa`: octet strings without a display
 *   hint as text
 * @GSNMP_FORMAT_ESCAPE_QUOTES: like `-OE`: escape the quotes of string
 *   indexes
 * @GSNMP_FORMAT_TWO_DIGIT_HEX: like `-O0`: two hex digits per byte in
 *   display hints
 *
 * How [method@Gsnmp.Varbind.format] and [method@Gsnmp.Mib.format_varbind]
 * print a variable binding. The flags mirror Net-SNMP's `-O` output options.
 * [method@Gsnmp.Varbind.format] uses no MIB module, so it prints OIDs as
 * numbers whatever the flags; the flags from %GSNMP_FORMAT_OID_NUMERIC on
 * matter only to [class@Gsnmp.Mib], whose default (no OID flag) is Net-SNMP's
 * `MODULE::name.index`.
 *
 * Since: 0.1
 */
typedef enum /*< flags >*/ {
        GSNMP_FORMAT_NONE = 0,
        GSNMP_FORMAT_QUICK = 1 << 0,
        GSNMP_FORMAT_QUICK_EQUALS = 1 << 1,
        GSNMP_FORMAT_VALUE_ONLY = 1 << 2,
        GSNMP_FORMAT_NUMERIC_ENUMS = 1 << 3,
        GSNMP_FORMAT_OID_NUMERIC = 1 << 4,
        GSNMP_FORMAT_OID_SUFFIX = 1 << 5,
        GSNMP_FORMAT_OID_FULL = 1 << 6,
        GSNMP_FORMAT_OID_UCD = 1 << 7,
        GSNMP_FORMAT_NO_INDEX_BREAKDOWN = 1 << 8,
        GSNMP_FORMAT_EXTENDED_INDEX = 1 << 9,
        GSNMP_FORMAT_NO_UNITS = 1 << 10,
        GSNMP_FORMAT_NUMERIC_TIMETICKS = 1 << 11,
        GSNMP_FORMAT_HEX_STRINGS = 1 << 12,
        GSNMP_FORMAT_ASCII_STRINGS = 1 << 13,
        GSNMP_FORMAT_ESCAPE_QUOTES = 1 << 14,
        GSNMP_FORMAT_TWO_DIGIT_HEX = 1 << 15,
} GsnmpFormatFlags;

/**
 * GsnmpSecurityLevel:
 * @GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV: neither authentication nor privacy
 * @GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV: authentication without privacy
 * @GSNMP_SECURITY_LEVEL_AUTH_PRIV: authentication and privacy
 *
 * SNMPv3 security levels (RFC 3411).
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV = 1,
        GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV = 2,
        GSNMP_SECURITY_LEVEL_AUTH_PRIV = 3,
} GsnmpSecurityLevel;

/**
 * GsnmpAuthProtocol:
 * @GSNMP_AUTH_PROTOCOL_NONE: no authentication (usmNoAuthProtocol)
 * @GSNMP_AUTH_PROTOCOL_MD5: HMAC-MD5-96 (RFC 3414 §6), Net-SNMP's `MD5`
 * @GSNMP_AUTH_PROTOCOL_SHA: HMAC-SHA-96 with SHA-1 (RFC 3414 §7), Net-SNMP's
 *   `SHA`
 * @GSNMP_AUTH_PROTOCOL_SHA224: HMAC-SHA-224 truncated to 128 bits
 *   (usmHMAC128SHA224AuthProtocol, RFC 7860), Net-SNMP's `SHA-224`
 * @GSNMP_AUTH_PROTOCOL_SHA256: HMAC-SHA-256 truncated to 192 bits
 *   (usmHMAC192SHA256AuthProtocol, RFC 7860), Net-SNMP's `SHA-256`
 * @GSNMP_AUTH_PROTOCOL_SHA384: HMAC-SHA-384 truncated to 256 bits
 *   (usmHMAC256SHA384AuthProtocol, RFC 7860), Net-SNMP's `SHA-384`
 * @GSNMP_AUTH_PROTOCOL_SHA512: HMAC-SHA-512 truncated to 384 bits
 *   (usmHMAC384SHA512AuthProtocol, RFC 7860), Net-SNMP's `SHA-512`
 *
 * SNMPv3 user-based security model (USM) authentication protocols. The
 * protocol's hash function also turns passphrases into keys (RFC 3414 §A.2)
 * and localizes keys (RFC 3414 §2.6), for privacy keys too.
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_AUTH_PROTOCOL_NONE,
        GSNMP_AUTH_PROTOCOL_MD5,
        GSNMP_AUTH_PROTOCOL_SHA,
        GSNMP_AUTH_PROTOCOL_SHA224,
        GSNMP_AUTH_PROTOCOL_SHA256,
        GSNMP_AUTH_PROTOCOL_SHA384,
        GSNMP_AUTH_PROTOCOL_SHA512,
} GsnmpAuthProtocol;

/**
 * GsnmpPrivProtocol:
 * @GSNMP_PRIV_PROTOCOL_NONE: no privacy (usmNoPrivProtocol)
 * @GSNMP_PRIV_PROTOCOL_DES: CBC-DES (RFC 3414 §8), Net-SNMP's `DES`
 * @GSNMP_PRIV_PROTOCOL_AES: CFB128-AES-128 (RFC 3826), Net-SNMP's `AES`
 * @GSNMP_PRIV_PROTOCOL_AES192: CFB128-AES-192 with the key extension of
 *   draft-blumenthal-aes-usm-04 §3.1.2.1, Net-SNMP's `AES-192` and PySNMP's
 *   `usmAesBlumenthalCfb192Protocol`
 * @GSNMP_PRIV_PROTOCOL_AES256: CFB128-AES-256 with the key extension of
 *   draft-blumenthal-aes-usm-04 §3.1.2.1, Net-SNMP's `AES-256` and PySNMP's
 *   `usmAesBlumenthalCfb256Protocol`
 * @GSNMP_PRIV_PROTOCOL_AES192_CISCO: CFB128-AES-192 with the key extension
 *   of draft-reeder-snmpv3-usm-3desede-00 §2.1, as Cisco devices and PySNMP's
 *   `usmAesCfb192Protocol` use it; Net-SNMP's `AES-192-C`
 * @GSNMP_PRIV_PROTOCOL_AES256_CISCO: CFB128-AES-256 with the key extension
 *   of draft-reeder-snmpv3-usm-3desede-00 §2.1, as Cisco devices and PySNMP's
 *   `usmAesCfb256Protocol` use it; Net-SNMP's `AES-256-C`
 * @GSNMP_PRIV_PROTOCOL_TRIPLE_DES: CBC-3DES-EDE with the key extension of
 *   draft-reeder-snmpv3-usm-3desede-00 (usm3DESEDEPrivProtocol), Net-SNMP's
 *   `3DES` where it is built in
 *
 * SNMPv3 user-based security model (USM) privacy protocols. Privacy needs
 * an authentication protocol: its hash turns the privacy passphrase into
 * the privacy key.
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_PRIV_PROTOCOL_NONE,
        GSNMP_PRIV_PROTOCOL_DES,
        GSNMP_PRIV_PROTOCOL_AES,
        GSNMP_PRIV_PROTOCOL_AES192,
        GSNMP_PRIV_PROTOCOL_AES256,
        GSNMP_PRIV_PROTOCOL_AES192_CISCO,
        GSNMP_PRIV_PROTOCOL_AES256_CISCO,
        GSNMP_PRIV_PROTOCOL_TRIPLE_DES,
} GsnmpPrivProtocol;

/**
 * GsnmpCounter:
 * @GSNMP_COUNTER_IN_PKTS: messages received by the entity (snmpInPkts,
 *   RFC 3418)
 * @GSNMP_COUNTER_IN_BAD_VERSIONS: messages of an unknown SNMP version
 *   (snmpInBadVersions)
 * @GSNMP_COUNTER_IN_BAD_COMMUNITY_NAMES: SNMPv1 and SNMPv2c messages with a
 *   community no role accepts (snmpInBadCommunityNames)
 * @GSNMP_COUNTER_IN_ASN_PARSE_ERRS: datagrams that are not well-formed SNMP
 *   messages (snmpInASNParseErrs)
 * @GSNMP_COUNTER_UNKNOWN_SECURITY_MODELS: SNMPv3 messages with a security
 *   model other than USM (snmpUnknownSecurityModels, RFC 3412)
 * @GSNMP_COUNTER_INVALID_MSGS: SNMPv3 messages with inconsistent header
 *   fields (snmpInvalidMsgs, RFC 3412)
 * @GSNMP_COUNTER_UNKNOWN_PDU_HANDLERS: messages whose PDU no role handles
 *   (snmpUnknownPDUHandlers, RFC 3412)
 * @GSNMP_COUNTER_USM_UNSUPPORTED_SEC_LEVELS: SNMPv3 messages at a security
 *   level the user does not have (usmStatsUnsupportedSecLevels, RFC 3414)
 * @GSNMP_COUNTER_USM_NOT_IN_TIME_WINDOWS: authenticated SNMPv3 messages
 *   outside the time window (usmStatsNotInTimeWindows)
 * @GSNMP_COUNTER_USM_UNKNOWN_USER_NAMES: SNMPv3 messages from an unknown
 *   user (usmStatsUnknownUserNames)
 * @GSNMP_COUNTER_USM_UNKNOWN_ENGINE_IDS: SNMPv3 messages for an unknown
 *   authoritative engine ID, discovery included (usmStatsUnknownEngineIDs)
 * @GSNMP_COUNTER_USM_WRONG_DIGESTS: SNMPv3 messages that failed
 *   authentication (usmStatsWrongDigests)
 * @GSNMP_COUNTER_USM_DECRYPTION_ERRORS: SNMPv3 messages that could not be
 *   decrypted (usmStatsDecryptionErrors)
 * @GSNMP_COUNTER_IN_BAD_COMMUNITY_USES: SNMPv1 and SNMPv2c requests with a
 *   known community that does not allow the operation, such as a SET with a
 *   read-only community (snmpInBadCommunityUses)
 * @GSNMP_COUNTER_OUT_PKTS: responses and reports sent by the
 *   [class@Gsnmp.Agent]s on the engine (snmpOutPkts)
 * @GSNMP_COUNTER_OUT_TOO_BIGS: responses replaced by a tooBig error because
 *   they did not fit the message size (snmpOutTooBigs)
 * @GSNMP_COUNTER_SILENT_DROPS: responses that could not be sent, not even
 *   as an empty tooBig response (snmpSilentDrops)
 * @GSNMP_COUNTER_UNKNOWN_CONTEXTS: SNMPv3 requests for a context the agent
 *   does not serve (snmpUnknownContexts, RFC 3413)
 *
 * The counters of the local SNMP entity (SNMPv2-MIB, SNMP-MPD-MIB and
 * SNMP-USER-BASED-SM-MIB), counted by every role on one
 * [class@Gsnmp.Engine] — its own requests and the
 * [class@Gsnmp.Listener]s and [class@Gsnmp.Agent]s made on it — and read with
 * [method@Gsnmp.Engine.get_counter].
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_COUNTER_IN_PKTS,
        GSNMP_COUNTER_IN_BAD_VERSIONS,
        GSNMP_COUNTER_IN_BAD_COMMUNITY_NAMES,
        GSNMP_COUNTER_IN_ASN_PARSE_ERRS,
        GSNMP_COUNTER_UNKNOWN_SECURITY_MODELS,
        GSNMP_COUNTER_INVALID_MSGS,
        GSNMP_COUNTER_UNKNOWN_PDU_HANDLERS,
        GSNMP_COUNTER_USM_UNSUPPORTED_SEC_LEVELS,
        GSNMP_COUNTER_USM_NOT_IN_TIME_WINDOWS,
        GSNMP_COUNTER_USM_UNKNOWN_USER_NAMES,
        GSNMP_COUNTER_USM_UNKNOWN_ENGINE_IDS,
        GSNMP_COUNTER_USM_WRONG_DIGESTS,
        GSNMP_COUNTER_USM_DECRYPTION_ERRORS,
        GSNMP_COUNTER_IN_BAD_COMMUNITY_USES,
        GSNMP_COUNTER_OUT_PKTS,
        GSNMP_COUNTER_OUT_TOO_BIGS,
        GSNMP_COUNTER_SILENT_DROPS,
        GSNMP_COUNTER_UNKNOWN_CONTEXTS,
} GsnmpCounter;

G_END_DECLS
