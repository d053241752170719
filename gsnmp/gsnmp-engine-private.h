/* gsnmp-engine-private.h - engine internals shared with the applications
 * built on it (walks, tables, notifications)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-engine.h"
#include "gsnmp-local-engine-private.h"

G_BEGIN_DECLS

/* The local SNMP engine (engine ID, boots, time, counters) that every role
 * on the engine shares (gsnmp-local-engine-private.h). */
GsnmpLocalEngine *gsnmp_engine_get_local    (GsnmpEngine *self);

/* The main context the engine's sockets and timer are attached to. */
GMainContext *gsnmp_engine_get_context      (GsnmpEngine *self);

/* TRUE when the caller runs in the engine's thread-default main context, the
 * only one its _async methods may be called from. */
gboolean      gsnmp_engine_in_context       (GsnmpEngine *self);

/* Hundredths of a second since the engine started: the default sysUpTime
 * of the notifications it sends. */
guint32       gsnmp_engine_get_uptime       (GsnmpEngine *self);

/* Starts a request for @pdu (its request-id is set here) that completes
 * @task with the response PDU (transfer full), or with NULL once sent for
 * Trap-PDUs, or with an error.  Every application on the engine (walks,
 * tables, notification originators) goes through this. */
void          gsnmp_engine_start_request    (GsnmpEngine  *self,
                                             GsnmpTarget  *target,
                                             GsnmpPdu     *pdu,
                                             GCancellable *cancellable,
                                             GTask        *task);

G_END_DECLS
