/* gsnmp-tool-translate.c - gsnmp translate: Net-SNMP's snmptranslate
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Translates names to OIDs and back with the MIB modules, as snmptranslate
 * does: -On -Of -Os -OS -Ou -Ob -OX for the form, -Td for an object's
 * definition, -Tp for a subtree, -IR for names looked up anywhere (gsnmp
 * always does that, as snmpget does), -M and -m for the modules.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gsnmp-tool-translate.h"
#include "gsnmp-tool-output.h"

static void
print_help (const char *prgname)
{
        printf (_("Usage: %s translate [OPTIONS] OID...\n"), prgname);
        printf ("\n%s\n", _("Translates names to OIDs and OIDs to names with the MIB modules, as\n"
                            "Net-SNMP’s snmptranslate does."));
        printf ("\n");
        printf (_("Options:\n"));
        printf (_("  -h, --help            display this help message\n"));
        printf (_("  -M DIRS               the folders of the MIB modules (default: MIBDIRS, or\n"
                  "                        the modules gsnmp bundles)\n"));
        printf (_("  -m MODULES            the modules to load, separated by “:” (default:\n"
                  "                        MIBS, or ALL)\n"));
        printf (_("  -O OUTOPTS            the output form: n (numeric), f (full), s (suffix),\n"
                  "                        S (module::name, the default), u, b, X, E\n"));
        printf (_("  -T TRANSOPTS          d: print the object’s definition,\n"
                  "                        p: print the subtree below the OID as a tree\n"));
        printf (_("  -I R                  accepted: gsnmp finds a name in any loaded module\n"));
}

static gboolean
parse_output (const char       *arg,
              GsnmpFormatFlags *flags)
{
        const char *p;

        for (p = arg; *p; p++) {
                switch (*p) {
                case 'n': *flags = (*flags & ~(GSNMP_FORMAT_OID_SUFFIX | GSNMP_FORMAT_OID_FULL | GSNMP_FORMAT_OID_UCD)) | GSNMP_FORMAT_OID_NUMERIC; break;
                case 'f': *flags = (*flags & ~(GSNMP_FORMAT_OID_SUFFIX | GSNMP_FORMAT_OID_NUMERIC | GSNMP_FORMAT_OID_UCD)) | GSNMP_FORMAT_OID_FULL; break;
                case 's': *flags = (*flags & ~(GSNMP_FORMAT_OID_FULL | GSNMP_FORMAT_OID_NUMERIC | GSNMP_FORMAT_OID_UCD)) | GSNMP_FORMAT_OID_SUFFIX; break;
                case 'u': *flags = (*flags & ~(GSNMP_FORMAT_OID_FULL | GSNMP_FORMAT_OID_NUMERIC | GSNMP_FORMAT_OID_SUFFIX)) | GSNMP_FORMAT_OID_UCD; break;
                case 'S': *flags &= ~(GSNMP_FORMAT_OID_FULL | GSNMP_FORMAT_OID_NUMERIC | GSNMP_FORMAT_OID_SUFFIX | GSNMP_FORMAT_OID_UCD); break;
                case 'b': *flags ^= GSNMP_FORMAT_NO_INDEX_BREAKDOWN; break;
                case 'X': *flags ^= GSNMP_FORMAT_EXTENDED_INDEX; break;
                case 'E': *flags ^= GSNMP_FORMAT_ESCAPE_QUOTES; break;
                case 'q': case 'Q': case 'v': case 'e': case 't': case 'U': case 'x': case 'a': case '0':
                        break;
                default:
                        fprintf (stderr, _("Unknown OID option to -O: %c.\n"), *p);
                        return FALSE;
                }
        }
        return TRUE;
}

/* See the header. */
int
gsnmp_tool_translate_main (const char  *prgname,
                           int          argc,
                           char       **argv)
{
        GsnmpFormatFlags flags = GSNMP_FORMAT_NONE;
        gboolean describe = FALSE, tree = FALSE, random_access = FALSE;
        GsnmpMib *mib;
        int i, exit_code = 0;
        int first_operand = -1;

        for (i = 1; i < argc; i++) {
                const char *arg = argv[i];
                char letter;
                const char *value;

                if (strcmp (arg, "-h") == 0 || strcmp (arg, "--help") == 0) {
                        print_help (prgname);
                        return 0;
                }
                if (arg[0] != '-' || arg[1] == '\0') {
                        first_operand = i;
                        break;
                }
                if (strcmp (arg, "--") == 0) {
                        first_operand = i + 1;
                        break;
                }
                letter = arg[1];
                if (strchr ("MmOTIPw", letter) == NULL) {
                        fprintf (stderr, _("invalid option: -%c\n"), letter);
                        print_help (prgname);
                        return 1;
                }
                if (arg[2] != '\0') {
                        value = arg + 2;
                } else if (i + 1 < argc) {
                        value = argv[++i];
                } else {
                        fprintf (stderr, _("%s: option requires an argument -- '%c'\n"), prgname, letter);
                        return 1;
                }
                switch (letter) {
                case 'M':
                        gsnmp_tool_set_mib_options (value, NULL);
                        break;
                case 'm':
                        gsnmp_tool_set_mib_options (NULL, value);
                        break;
                case 'O':
                        if (!parse_output (value, &flags))
                                return 1;
                        break;
                case 'I':
                        if (strchr (value, 'R') != NULL)
                                random_access = TRUE;
                        break;
                case 'T':
                        for (; *value; value++) {
                                if (*value == 'd') {
                                        describe = TRUE;
                                } else if (*value == 'p') {
                                        tree = TRUE;
                                } else {
                                        fprintf (stderr, _("Invalid -T<lostpad> character: %c\n"), *value);
                                        return 1;
                                }
                        }
                        break;
                default:
                        break;
                }
        }
        if (first_operand < 0 || first_operand >= argc) {
                print_help (prgname);
                return 1;
        }

        mib = gsnmp_tool_get_mib ();
        for (i = first_operand; i < argc; i++) {
                const char *name = argv[i];
                g_autoptr(GsnmpOid) oid = gsnmp_mib_parse_oid (mib, name, NULL);

                if (oid == NULL) {
                        if (random_access || strchr (name, ':') != NULL) {
                                fprintf (stderr, _("Unknown object identifier: %s\n"), name);
                        } else {
                                g_autofree char *detail = NULL;
                                g_autoptr(GsnmpOid) ignored = gsnmp_tool_parse_oid (name, &detail);

                                gsnmp_tool_print_unknown_oid (name, detail);
                        }
                        return 2;
                }
                if (tree) {
                        g_autofree char *text = gsnmp_mib_format_tree (mib, oid);

                        if (text == NULL) {
                                fprintf (stderr, _("Unable to find a matching object identifier for \"%s\"\n"), name);
                                return exit_code;
                        }
                        fputs (text, stdout);
                } else {
                        g_autofree char *text = gsnmp_mib_format_oid (mib, oid, flags);

                        printf ("%s\n", text);
                        if (describe) {
                                g_autofree char *description = gsnmp_mib_describe (mib, oid);

                                if (description != NULL)
                                        fputs (description, stdout);
                        }
                }
                if (i + 1 < argc)
                        printf ("\n");
        }
        return exit_code;
}
