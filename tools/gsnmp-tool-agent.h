/* gsnmp-tool-agent.h - "gsnmp agent"
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gsnmp/gsnmp.h>

#include "gsnmp-tool-options.h"

G_BEGIN_DECLS

/* "gsnmp agent [OPTIONS] ADDRESS...": parses its own options (--demo-rows,
 * --rw-community, --data-dir, --data-file) and the common ones (-c, -u, -l,
 * -a, -A, -x, -X, -e), then serves until SIGINT or SIGTERM. */
int gsnmp_tool_agent_main (const char  *prgname,
                           int          argc,
                           char       **argv);

#define GSNMP_TOOL_AGENT_COMMAND                                                        \
        { "agent", "snmpd", N_("ADDRESS..."),                                           \
          N_("Runs an SNMP agent serving a demo MIB or recorded devices (snmpsim's\n"   \
             ".snmprec files); see “gsnmp agent --help”."),                            \
          NULL, NULL, FALSE, NULL, gsnmp_tool_agent_main }

G_END_DECLS
