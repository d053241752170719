/* gsnmp-tool-notify.h - the trap, inform and listen subcommands of gsnmp
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib/gi18n.h>
#include <gsnmp/gsnmp.h>
#include "gsnmp-tool-options.h"

G_BEGIN_DECLS

/* trap and inform go through the subcommand table like get: the common
 * options and the agent are parsed for them. -Ci is theirs. */
gboolean gsnmp_tool_trap_app_option (GsnmpToolOptions *options,
                                     const char       *arg,
                                     int              *exit_status);
int      gsnmp_tool_trap_run        (GsnmpToolOptions *options);
int      gsnmp_tool_inform_run      (GsnmpToolOptions *options);

/* listen has options of its own (--json, --config, repeated -c, …) and no
 * agent: its entry in the subcommand table has this main function, which
 * parses its command line, passing the common options on to
 * gsnmp_tool_options_parse(), the addresses in place of the agent. */
int      gsnmp_tool_listen_main     (const char       *prgname,
                                     int               argc,
                                     char            **argv);

#define GSNMP_TOOL_TRAP_APP_OPTIONS_HELP                                                \
        N_("                          i:  send an INFORM instead of a TRAP\n")

/* Entries for the subcommand table in gsnmp-tool.c, in the field order of
 * GsnmpToolCommand. Net-SNMP's snmptrap sets POSIXLY_CORRECT: options stop
 * at the agent. */
#define GSNMP_TOOL_TRAP_COMMAND                                                         \
        { "trap", "snmptrap", N_("TRAP-PARAMETERS"),                                    \
          N_("Sends an SNMP notification. TRAP-PARAMETERS are, for -v 1:\n"            \
             "  ENTERPRISE-OID AGENT GENERIC-TRAP SPECIFIC-TRAP UPTIME [OID TYPE VALUE]...\n" \
             "and for -v 2c and -v 3:\n"                                                \
             "  UPTIME TRAP-OID [OID TYPE VALUE]...\n"                                  \
             "An empty ENTERPRISE-OID ('') is .1.3.6.1.4.1.3.1.1, an empty AGENT the\n" \
             "local address toward the receiver, an empty UPTIME ('') the uptime of\n"  \
             "gsnmp's engine. TYPE is one of snmpset's (i, u, t, a, o, s, x, d, b, n, U,\n" \
             "I, F, D), c (Counter32) or C (Counter64). The default port of the\n"       \
             "receiver is 162."),                                                      \
          GSNMP_TOOL_TRAP_APP_OPTIONS_HELP, gsnmp_tool_trap_app_option, TRUE,           \
          gsnmp_tool_trap_run }
#define GSNMP_TOOL_INFORM_COMMAND                                                       \
        { "inform", "snmpinform", N_("UPTIME TRAP-OID [OID TYPE VALUE]..."),            \
          N_("Sends an SNMP InformRequest (SNMPv2c or SNMPv3) and waits for the\n"      \
             "receiver to acknowledge it. An empty UPTIME ('') is the uptime of\n"      \
             "gsnmp's engine. The default port of the receiver is 162."),             \
          GSNMP_TOOL_TRAP_APP_OPTIONS_HELP, gsnmp_tool_trap_app_option, TRUE,           \
          gsnmp_tool_inform_run }
#define GSNMP_TOOL_LISTEN_COMMAND                                                       \
        { "listen", "snmptrapd", N_("[ADDRESS]..."),                                    \
          N_("Receives SNMP notifications and prints one line (or, with --json, one\n"  \
             "JSON object) per notification; see “gsnmp listen --help”."),              \
          NULL, NULL, FALSE, NULL, gsnmp_tool_listen_main }

G_END_DECLS
