/* gsnmp-builtin-provider-private.h - the agent's own groups: system, snmp,
 * snmpEngine, snmpMPDStats, usmStats, the SNMP-TARGET-MIB context counters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-provider.h"
#include "gsnmp-agent.h"

G_BEGIN_DECLS

typedef enum {
        GSNMP_BUILTIN_GROUP_SYSTEM,     /* 1.3.6.1.2.1.1 (RFC 3418) */
        GSNMP_BUILTIN_GROUP_SNMP,       /* 1.3.6.1.2.1.11 (RFC 3418) */
        GSNMP_BUILTIN_GROUP_ENGINE,     /* 1.3.6.1.6.3.10.2.1 (RFC 3411) */
        GSNMP_BUILTIN_GROUP_MPD_STATS,  /* 1.3.6.1.6.3.11.2.1 (RFC 3412) */
        GSNMP_BUILTIN_GROUP_USM_STATS,  /* 1.3.6.1.6.3.15.1.1 (RFC 3414) */
        GSNMP_BUILTIN_GROUP_TARGET,     /* 1.3.6.1.6.3.12.1 (RFC 3413): snmpUnavailableContexts,
                                         * snmpUnknownContexts */
} GsnmpBuiltinGroup;

#define GSNMP_TYPE_BUILTIN_PROVIDER (gsnmp_builtin_provider_get_type ())
G_DECLARE_FINAL_TYPE (GsnmpBuiltinProvider, gsnmp_builtin_provider, GSNMP, BUILTIN_PROVIDER, GsnmpProvider)

/* @agent is not referenced: the agent owns its built-in providers. */
GsnmpProvider *gsnmp_builtin_provider_new (GsnmpAgent        *agent,
                                           GsnmpBuiltinGroup  group);

G_END_DECLS
