/* gsnmp-local-engine-private.h - the local SNMP engine (RFC 3411 §3.1.1)
 * that every role of the entity shares: the engine's requests, the
 * listener's informs and reports, the agent's responses
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One per GsnmpEngine (gsnmp_engine_get_local()); a listener made without
 * an engine has one of its own. Ref-counted, so a role may keep it. It
 * holds snmpEngineID, snmpEngineBoots (persisted with the state file),
 * snmpEngineTime, and the entity's counters (GsnmpCounter: snmpInPkts, …,
 * usmStats…), which every role counts in and gsnmp_engine_get_counter()
 * reads.
 */
#pragma once

#include <glib.h>
#include "gsnmp-enums.h"

G_BEGIN_DECLS

typedef struct _GsnmpLocalEngine GsnmpLocalEngine;

/* With @state_file (nullable), the engine ID persists in it and boots
 * grows by one at every start; without, a fresh random engine ID with
 * boots 1.  @engine_id (nullable, 5 to 32 octets, checked by the caller)
 * replaces the file's or the random one; boots starts again at 1 when it
 * differs from the file's. */
GsnmpLocalEngine *gsnmp_local_engine_new         (const char        *state_file,
                                                  GBytes            *engine_id,
                                                  GError           **error);
GsnmpLocalEngine *gsnmp_local_engine_ref         (GsnmpLocalEngine  *self);
void              gsnmp_local_engine_unref       (GsnmpLocalEngine  *self);

GBytes           *gsnmp_local_engine_get_id      (GsnmpLocalEngine  *self);
guint32           gsnmp_local_engine_get_boots   (GsnmpLocalEngine  *self);
/* snmpEngineTime: seconds since the start */
guint32           gsnmp_local_engine_get_time    (GsnmpLocalEngine  *self);
/* sysUpTime: hundredths of a second since the start */
guint32           gsnmp_local_engine_get_uptime  (GsnmpLocalEngine  *self);

/* The number of GsnmpCounter values. */
#define GSNMP_N_COUNTERS (GSNMP_COUNTER_UNKNOWN_CONTEXTS + 1)

/* Counts one event; returns the new value (for the Report-PDU that
 * carries it). */
guint64           gsnmp_local_engine_count       (GsnmpLocalEngine  *self,
                                                  GsnmpCounter       counter);
guint64           gsnmp_local_engine_get_counter (GsnmpLocalEngine  *self,
                                                  GsnmpCounter       counter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsnmpLocalEngine, gsnmp_local_engine_unref)

G_END_DECLS
