/* gsnmp-security-private.h - the User-based Security Model (RFC 3414) for
 * every role: the non-authoritative side (the engine's responses,
 * discovery, resynchronisation) and the authoritative side (the listener's
 * informs, the agent's requests)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Keys and crypto are gsnmp-usm.c's; this module holds the rules around
 * them, once: the table usmStats status ⇄ report OID ⇄ GError ⇄ counter,
 * the msgFlags ⇄ security level mapping, the time-window rule (RFC 3414
 * §3.2 step 7, both sides) and the receive steps 6-8 (keys, authentication,
 * timeliness, decryption).
 */
#pragma once

#include <gio/gio.h>

#include "gsnmp-enums.h"
#include "gsnmp-local-engine-private.h"
#include "gsnmp-message-private.h"
#include "gsnmp-oid.h"
#include "gsnmp-usm-private.h"
#include "gsnmp-usm-user.h"

G_BEGIN_DECLS

/* RFC 3414 §3.2 step 7: the time window, in seconds */
#define GSNMP_USM_TIME_WINDOW 150

/* The outcome of USM processing: the usmStats counter it increments, whose
 * sub-identifier in usmStats (1.3.6.1.6.3.15.1.1.N) the values equal. */
typedef enum {
        GSNMP_USM_STATUS_OK = 0,
        GSNMP_USM_STATUS_UNSUPPORTED_SEC_LEVEL = 1,
        GSNMP_USM_STATUS_NOT_IN_TIME_WINDOW = 2,
        GSNMP_USM_STATUS_UNKNOWN_USER_NAME = 3,
        GSNMP_USM_STATUS_UNKNOWN_ENGINE_ID = 4,
        GSNMP_USM_STATUS_WRONG_DIGEST = 5,
        GSNMP_USM_STATUS_DECRYPTION_ERROR = 6,
        /* not usmStats: a message that does not parse once decrypted
         * (snmpInASNParseErrs), or no keys for the engine ID */
        GSNMP_USM_STATUS_MALFORMED = 100,
        GSNMP_USM_STATUS_NO_KEYS,
} GsnmpUsmStatus;

/* The entity counter of @status (GSNMP_COUNTER_USM_… or
 * GSNMP_COUNTER_IN_ASN_PARSE_ERRS). */
GsnmpCounter        gsnmp_usm_status_counter     (GsnmpUsmStatus      status);
/* usmStats.N.0 of @status, for a Report-PDU (a new reference). */
GsnmpOid           *gsnmp_usm_status_report_oid  (GsnmpUsmStatus      status);
/* The status a report's first varbind names, or GSNMP_USM_STATUS_OK when
 * it is not a usmStats counter. */
GsnmpUsmStatus      gsnmp_usm_status_from_oid    (GsnmpOid           *oid);
/* The status of an error of gsnmp_message_v3_unprotect(). */
GsnmpUsmStatus      gsnmp_usm_status_from_error  (const GError       *error);
/* The GError a requester reports for @status, naming @user_name. */
GError             *gsnmp_usm_status_to_error    (GsnmpUsmStatus      status,
                                                  const char         *user_name);

/* msgFlags ⇄ security level (RFC 3412 §6.4; no flags for reportable) */
GsnmpSecurityLevel  gsnmp_usm_level_from_flags   (guint8              flags);
guint8              gsnmp_usm_flags_from_level   (GsnmpSecurityLevel  level);

/* What a non-authoritative engine knows of an authoritative one's clock
 * (RFC 3414 §2.3): snmpEngineBoots, snmpEngineTime at time_ref, and
 * latestReceivedEngineTime. Zeroed: nothing known yet. */
typedef struct {
        guint32 boots;
        guint32 time;
        guint32 latest_time;
        gint64  time_ref;       /* monotonic µs */
} GsnmpUsmClock;

/* Takes boots and time as given (discovery, RFC 3414 §4). */
void                gsnmp_usm_clock_set          (GsnmpUsmClock      *clock,
                                                  guint32             boots,
                                                  guint32             time);
/* The authoritative engine's snmpEngineTime now, as the local clock
 * advances it. */
guint32             gsnmp_usm_clock_now          (const GsnmpUsmClock *clock);
/* RFC 3414 §3.2 step 7b, non-authoritative: learns newer boots and time
 * from an authentic message; FALSE when the message is outside the time
 * window. */
gboolean            gsnmp_usm_clock_check        (GsnmpUsmClock      *clock,
                                                  guint32             boots,
                                                  guint32             time);
/* RFC 3414 §3.2 step 7a, authoritative: the message's boots and time
 * against the local engine's. */
gboolean            gsnmp_usm_local_check_time   (GsnmpLocalEngine   *local,
                                                  guint32             boots,
                                                  guint32             time);

/* RFC 3414 §3.2 steps 6-8 for @msg, decoded from @data and sent by @user
 * at the level of its msgFlags (step 5, the level against the user's, is
 * the role's): gets @user's keys localized for msgAuthoritativeEngineID
 * from @keys, authenticates, checks timeliness — against @local when
 * @clock is NULL (the message is for the local engine: step 7a), else
 * against @clock (7b) — and decrypts. A noAuthNoPriv message passes as it
 * is. On GSNMP_USM_STATUS_OK, *@auth_key and *@priv_key (nullable, transfer
 * full) are the keys to answer with; otherwise the failure is counted in
 * @local (usmStats…) and @error says what it was — and on
 * GSNMP_USM_STATUS_NOT_IN_TIME_WINDOW *@auth_key is set, for the
 * authenticated report the authoritative side sends (step 7a). */
GsnmpUsmStatus      gsnmp_usm_process_incoming   (GsnmpUsmKeyCache   *keys,
                                                  GsnmpLocalEngine   *local,
                                                  GsnmpUsmUser       *user,
                                                  GsnmpUsmClock      *clock,
                                                  GsnmpMessageV3     *msg,
                                                  const guint8       *data,
                                                  gsize               length,
                                                  GsnmpUsmKey       **auth_key,
                                                  GsnmpUsmKey       **priv_key,
                                                  GError            **error);

G_END_DECLS
