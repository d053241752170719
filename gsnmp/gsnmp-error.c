/* gsnmp-error.c - error domains
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

/* G_DEFINE_QUARK defines the *_real_quark() functions; the public quark
 * functions wrap them to bind the translation domain first (STYLE.md B.10),
 * so that messages in these domains are translated even before any gsnmp
 * type was used. */

/**
 * GSNMP_ERROR:
 *
 * The error domain of gsnmp's own failures: malformed messages, invalid
 * arguments such as OIDs and addresses, and SNMPv3 (USM) errors.  Errors in
 * this domain use the codes of [error@Gsnmp.Error].
 *
 * Network failures are reported with the GIO error domain instead
 * (`G_IO_ERROR_TIMED_OUT`, `G_IO_ERROR_CANCELLED`, …), and a non-zero
 * error-status in a response with %GSNMP_PDU_ERROR.
 *
 * Since: 0.1
 */

/**
 * GsnmpError:
 * @GSNMP_ERROR_FAILED: a failure without a more specific code
 * @GSNMP_ERROR_MALFORMED_MESSAGE: a received message could not be decoded
 *   (invalid BER, a truncated or overlong message, an unexpected type)
 * @GSNMP_ERROR_MESSAGE_TOO_BIG: a message to send would be larger than the
 *   maximum message size
 * @GSNMP_ERROR_INVALID_OID: a string is not a valid object identifier, or an
 *   OID has too many sub-identifiers
 * @GSNMP_ERROR_INVALID_ADDRESS: a target address string could not be parsed
 * @GSNMP_ERROR_INVALID_VALUE: a value is out of range or of the wrong type
 * @GSNMP_ERROR_UNKNOWN_ENGINE_ID: the agent reported usmStatsUnknownEngineIDs
 *   (RFC 3414 §3.2 step 3) after discovery
 * @GSNMP_ERROR_NOT_IN_TIME_WINDOW: the agent reported usmStatsNotInTimeWindows
 *   (RFC 3414 §3.2 step 7) even after resynchronisation, or a received message
 *   was outside the time window
 * @GSNMP_ERROR_UNKNOWN_USER_NAME: the agent reported usmStatsUnknownUserNames:
 *   it does not know the user name
 * @GSNMP_ERROR_WRONG_DIGEST: the agent reported usmStatsWrongDigests (check the
 *   authentication protocol and passphrase), or a received message failed
 *   authentication
 * @GSNMP_ERROR_DECRYPTION_ERROR: the agent reported usmStatsDecryptionErrors
 *   (check the privacy protocol and passphrase), or a received message could
 *   not be decrypted
 * @GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL: the agent reported
 *   usmStatsUnsupportedSecLevels: the user is not configured for the
 *   requested security level
 * @GSNMP_ERROR_UNKNOWN_CONTEXT: the agent reported snmpUnknownContexts
 *   (RFC 3413): it does not know the context name
 * @GSNMP_ERROR_UNAVAILABLE_CONTEXT: the agent reported
 *   snmpUnavailableContexts (RFC 3413)
 * @GSNMP_ERROR_OID_NOT_INCREASING: during a walk or a table retrieval the
 *   agent returned an OID that does not follow the previous one, or
 *   returned the same OID twice
 * @GSNMP_ERROR_DISCOVERY_FAILED: SNMPv3 engine discovery (RFC 3414 §4) of
 *   the agent failed: it did not answer the discovery request with a report
 *   carrying its engine ID within the target's timeout and retries
 *   ([method@Gsnmp.Engine.discover_finish])
 * @GSNMP_ERROR_LIMIT_REACHED: a table retrieval stopped at a limit (the
 *   walk's [property@Gsnmp.Walk:max-varbinds] or
 *   [property@Gsnmp.Walk:max-requests]) before the end of the table
 *
 * Error codes in the %GSNMP_ERROR domain.
 *
 * Since: 0.1
 */
static GQuark gsnmp_error_real_quark (void);
G_DEFINE_QUARK (gsnmp-error-quark, gsnmp_error_real)

/**
 * gsnmp_error_quark:
 *
 * Returns the error domain of [error@Gsnmp.Error].
 *
 * Returns: the %GSNMP_ERROR quark
 *
 * Since: 0.1
 */
GQuark
gsnmp_error_quark (void)
{
        gsnmp_init_once ();
        return gsnmp_error_real_quark ();
}

/**
 * GSNMP_PDU_ERROR:
 *
 * The error domain of a non-zero error-status in a response PDU, as made by
 * [method@Gsnmp.Pdu.check_error].  The error code equals the error-status
 * value on the wire (RFC 3416 §3), see [error@Gsnmp.PduError].
 *
 * Since: 0.1
 */

/**
 * GsnmpPduError:
 * @GSNMP_PDU_ERROR_TOO_BIG: tooBig(1): the response would not fit in a
 *   message
 * @GSNMP_PDU_ERROR_NO_SUCH_NAME: noSuchName(2): an SNMPv1 agent does not have
 *   the variable (SNMPv2 agents return exceptions instead)
 * @GSNMP_PDU_ERROR_BAD_VALUE: badValue(3): SNMPv1 SET with a value of the
 *   wrong type, length or range
 * @GSNMP_PDU_ERROR_READ_ONLY: readOnly(4): SNMPv1 only, never sent in practice
 * @GSNMP_PDU_ERROR_GEN_ERR: genErr(5): another failure in the agent
 * @GSNMP_PDU_ERROR_NO_ACCESS: noAccess(6): the variable is not accessible in
 *   this view
 * @GSNMP_PDU_ERROR_WRONG_TYPE: wrongType(7): SET with a value of the wrong
 *   type
 * @GSNMP_PDU_ERROR_WRONG_LENGTH: wrongLength(8): SET with a value of the
 *   wrong length
 * @GSNMP_PDU_ERROR_WRONG_ENCODING: wrongEncoding(9): SET with a wrongly
 *   encoded value
 * @GSNMP_PDU_ERROR_WRONG_VALUE: wrongValue(10): SET with a value the variable
 *   can never take
 * @GSNMP_PDU_ERROR_NO_CREATION: noCreation(11): the variable does not exist
 *   and cannot be created
 * @GSNMP_PDU_ERROR_INCONSISTENT_VALUE: inconsistentValue(12): the variable
 *   cannot take the value now
 * @GSNMP_PDU_ERROR_RESOURCE_UNAVAILABLE: resourceUnavailable(13): the agent
 *   lacks the resources to set the value
 * @GSNMP_PDU_ERROR_COMMIT_FAILED: commitFailed(14): the SET failed and was
 *   undone
 * @GSNMP_PDU_ERROR_UNDO_FAILED: undoFailed(15): the SET failed and could not
 *   be undone completely
 * @GSNMP_PDU_ERROR_AUTHORIZATION_ERROR: authorizationError(16): the request
 *   was not authorized
 * @GSNMP_PDU_ERROR_NOT_WRITABLE: notWritable(17): the variable cannot be set
 * @GSNMP_PDU_ERROR_INCONSISTENT_NAME: inconsistentName(18): the variable
 *   does not exist and cannot be created now
 *
 * The error-status values of RFC 3416 §3 (values 1 to 5 also RFC 1157 §4.1),
 * the codes of %GSNMP_PDU_ERROR errors.  noError(0) is not an error and has
 * no value here.
 *
 * Since: 0.1
 */
static GQuark gsnmp_pdu_error_real_quark (void);
G_DEFINE_QUARK (gsnmp-pdu-error-quark, gsnmp_pdu_error_real)

/**
 * gsnmp_pdu_error_quark:
 *
 * Returns the error domain of [error@Gsnmp.PduError].
 *
 * Returns: the %GSNMP_PDU_ERROR quark
 *
 * Since: 0.1
 */
GQuark
gsnmp_pdu_error_quark (void)
{
        gsnmp_init_once ();
        return gsnmp_pdu_error_real_quark ();
}

/* RFC 3416 §3, indexed by error-status.  Protocol tokens: not translated. */
static const char *const error_status_names[] = {
        "noError",
        "tooBig",
        "noSuchName",
        "badValue",
        "readOnly",
        "genErr",
        "noAccess",
        "wrongType",
        "wrongLength",
        "wrongEncoding",
        "wrongValue",
        "noCreation",
        "inconsistentValue",
        "resourceUnavailable",
        "commitFailed",
        "undoFailed",
        "authorizationError",
        "notWritable",
        "inconsistentName",
};

/**
 * gsnmp_pdu_error_to_string:
 * @code: an error-status value
 *
 * Returns the RFC 3416 name of an error-status value, such as `"tooBig"` or
 * `"noSuchName"`; `"noError"` for 0.
 *
 * The names are protocol tokens and are not translated.
 *
 * Returns: (nullable): the name of @code, or %NULL if @code is not an
 *   error-status value defined by RFC 3416
 *
 * Since: 0.1
 */
const char *
gsnmp_pdu_error_to_string (GsnmpPduError code)
{
        if ((guint) code >= G_N_ELEMENTS (error_status_names))
                return NULL;

        return error_status_names[code];
}
