/* gsnmp-respond-private.h - answering an incoming message: a Response or a
 * Report under the request's security, for every responding role (the
 * listener's inform acknowledgements and reports, the agent)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sys/socket.h>

#include "gsnmp-local-engine-private.h"
#include "gsnmp-message-private.h"
#include "gsnmp-pdu.h"
#include "gsnmp-security-private.h"
#include "gsnmp-transport-private.h"

G_BEGIN_DECLS

/* The largest UDP payload over IPv4 */
#define GSNMP_MAX_DATAGRAM_SIZE 65507

/* How a request came, to answer under the same security (RFC 3412 §7.1
 * step 3): the community of an SNMPv1/v2c message, or the SNMPv3 message
 * (msgID, msgMaxSize, level, user, context) and the keys
 * gsnmp_usm_process_incoming() gave. */
typedef struct {
        GsnmpProtocolVersion  version;
        GBytes               *community;   /* v1, v2c */
        const GsnmpMessageV3 *v3;          /* v3 */
        GsnmpUsmKey          *auth_key;    /* v3, nullable */
        GsnmpUsmKey          *priv_key;    /* v3, nullable */
} GsnmpRespondSecurity;

/* Sends @response (a Response-PDU whose request-id is set) to @to through
 * @transport under @security, from @local (its engine ID, boots and time
 * for SNMPv3). When it does not fit in a datagram or the request's
 * msgMaxSize, sends instead the same PDU without variable bindings with
 * error-status tooBig (RFC 3416 §4.2.1). Returns FALSE, after a g_debug(),
 * when nothing could be sent. */
gboolean gsnmp_respond        (GsnmpTransport             *transport,
                               const struct sockaddr      *to,
                               socklen_t                   to_len,
                               GsnmpLocalEngine           *local,
                               const GsnmpRespondSecurity *security,
                               GsnmpPdu                   *response);

/* RFC 3412 §7.1 step 3 and RFC 3414 §3.2: answers @request with a
 * Report-PDU carrying usmStats.@status.0 with the counter's current value
 * in @local (the caller counted the event), from @local's engine ID, boots
 * and time (that is how senders discover them). Unauthenticated unless
 * @auth_key is given (notInTimeWindow, RFC 3414 §3.2 step 7a). Sends
 * nothing when the request was not reportable, or was a Response, Report
 * or Trap. Returns TRUE when a report was sent. */
gboolean gsnmp_respond_report (GsnmpTransport             *transport,
                               const struct sockaddr      *to,
                               socklen_t                   to_len,
                               GsnmpLocalEngine           *local,
                               const GsnmpMessageV3       *request,
                               GsnmpUsmStatus              status,
                               GsnmpUsmKey                *auth_key);

G_END_DECLS
