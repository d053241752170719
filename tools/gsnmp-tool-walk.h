/* gsnmp-tool-walk.h - the walk, bulkwalk and table subcommands of gsnmp
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib/gi18n.h>
#include <gsnmp/gsnmp.h>
#include "gsnmp-tool-options.h"

G_BEGIN_DECLS

/* -C handlers and run functions for the subcommand table. The -C state of
 * these subcommands lives in gsnmp-tool-walk.c (one command runs per
 * process). */
gboolean gsnmp_tool_walk_app_option     (GsnmpToolOptions *options,
                                         const char       *arg,
                                         int              *exit_status);
gboolean gsnmp_tool_bulkwalk_app_option (GsnmpToolOptions *options,
                                         const char       *arg,
                                         int              *exit_status);
gboolean gsnmp_tool_table_app_option    (GsnmpToolOptions *options,
                                         const char       *arg,
                                         int              *exit_status);

int      gsnmp_tool_walk_run            (GsnmpToolOptions *options);
int      gsnmp_tool_bulkwalk_run        (GsnmpToolOptions *options);
int      gsnmp_tool_table_run           (GsnmpToolOptions *options);

#define GSNMP_TOOL_WALK_APP_OPTIONS_HELP                                                \
        N_("                          p:  print the number of variables found\n"        \
           "                          i:  include given OID in the search range\n"      \
           "                          I:  don't include the given OID, even if no\n"    \
           "                              results are returned\n"                       \
           "                          c:  do not check returned OIDs are increasing\n"  \
           "                          t:  display wall-clock time to complete the walk\n" \
           "                          T:  display wall-clock time to complete each\n"   \
           "                              request\n"                                     \
           "                          d<SECONDS>:  stop with an error after SECONDS\n"  \
           "                              (gsnmp's own)\n")

#define GSNMP_TOOL_BULKWALK_APP_OPTIONS_HELP                                            \
        N_("                          c:       do not check returned OIDs are increasing\n" \
           "                          i:       include given OIDs in the search range\n" \
           "                          n<NUM>:  set non-repeaters to <NUM>\n"            \
           "                          p:       print the number of variables found\n"   \
           "                          r<NUM>:  set max-repeaters to <NUM>\n"            \
           "                          d<SEC>:  stop with an error after SEC seconds\n"   \
           "                                   (gsnmp's own)\n")

#define GSNMP_TOOL_TABLE_APP_OPTIONS_HELP                                               \
        N_("                          b:       brief field names\n"                    \
           "                          B:       accepted; GetBulk is used unless -v 1\n" \
           "                          c<NUM>:  print table in columns of <NUM> chars width\n" \
           "                          f<STR>:  print table delimited with <STR>\n"       \
           "                          h:       print only the column headers\n"         \
           "                          H:       print no column headers\n"               \
           "                          i:       print index values\n"                    \
           "                          d<SEC>:  stop with an error after SEC seconds\n"   \
           "                                   (only whole tables; gsnmp's own)\n"        \
           "                          l:       left justify output\n"                   \
           "                          m<NUM>:  stop with an error after <NUM> cells\n"   \
           "                                   (default 1000000, 0: no limit; gsnmp's own)\n" \
           "                          r<NUM>:  set max-repeaters to <NUM>\n"            \
           "                          w<NUM>:  print table in parts of <NUM> chars width\n" \
           "                          (unlike snmptable, the arguments of c, f, m, r and w\n" \
           "                          follow the letter: -Cf, or -Cr50)\n")

/* Entries for the subcommand table in gsnmp-tool.c, in the field order of
 * GsnmpToolCommand. */
#define GSNMP_TOOL_WALK_COMMAND                                                         \
        { "walk", "snmpwalk", N_("[OID]"),                                              \
          N_("Walks the subtree below OID (default: mib-2) with SNMP GetNextRequests\n" \
             "and prints every object."),                                               \
          GSNMP_TOOL_WALK_APP_OPTIONS_HELP, gsnmp_tool_walk_app_option, FALSE,          \
          gsnmp_tool_walk_run }
#define GSNMP_TOOL_BULKWALK_COMMAND                                                     \
        { "bulkwalk", "snmpbulkwalk", N_("[OID]"),                                      \
          N_("Walks the subtree below OID (default: mib-2) with SNMP GetBulkRequests\n" \
             "(SNMPv2c) and prints every object."),                                     \
          GSNMP_TOOL_BULKWALK_APP_OPTIONS_HELP, gsnmp_tool_bulkwalk_app_option, FALSE,  \
          gsnmp_tool_bulkwalk_run }
#define GSNMP_TOOL_TABLE_COMMAND                                                        \
        { "table", "snmptable", N_("TABLE-OID [COLUMN-OID]..."),                        \
          N_("Retrieves the table (or only the given columns) and prints it, the\n"    \
             "columns headed by their names (by numbers without MIB modules)."),        \
          GSNMP_TOOL_TABLE_APP_OPTIONS_HELP, gsnmp_tool_table_app_option, FALSE,        \
          gsnmp_tool_table_run }

G_END_DECLS
