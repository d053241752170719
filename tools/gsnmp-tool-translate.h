/* gsnmp-tool-translate.h - the translate subcommand of gsnmp
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib/gi18n.h>
#include <gsnmp/gsnmp.h>
#include "gsnmp-tool-options.h"

G_BEGIN_DECLS

/* gsnmp translate [OPTIONS] OID...: snmptranslate, with options of its own
 * (no agent). */
int      gsnmp_tool_translate_main (const char  *prgname,
                                    int          argc,
                                    char       **argv);

/* The entry for the subcommand table in gsnmp-tool.c */
#define GSNMP_TOOL_TRANSLATE_COMMAND                                                    \
        { "translate", "snmptranslate", N_("OID..."),                                   \
          N_("Translates names to OIDs and OIDs to names with the MIB modules\n"        \
             "(-On, -Of, -Os; -Td for a definition, -Tp for a subtree)."),              \
          NULL, NULL, FALSE, NULL, gsnmp_tool_translate_main }

G_END_DECLS
