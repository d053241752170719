/* gsnmp-tool-translate.c - gsnmp translate: Net-SNMP's snmptranslate
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Translates names to OIDs and back with the MIB modules, as snmptranslate
 * does: -On -Of -Os -OS -Ou -Ob -OX for the form, -Td for an object's
 * definition, -Tp for a subtree, -Tl -To -Ts -Tz for reports of the whole
 * tree, -TB for a regular expression, -IR for names looked up anywhere
 * (without it a name starts at the root, as in snmptranslate), -M and -m
 * for the modules, "-" for names on standard input.
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
                  "                        p: print the subtree below the OID as a tree\n"
                  "                           (without an OID: the whole tree),\n"
                  "                        B: print every object whose name matches a\n"
                  "                           regular expression,\n"
                  "                        l, o, s, z: print every object (labelled,\n"
                  "                           numeric, symbolic, name and number)\n"));
        printf (_("  -I R                  find a name in any loaded module\n"));
        printf (_("  -P MIBOPTS            Net-SNMP’s parser switches (u c d e w W R):\n"
                  "                        accepted, they change nothing\n"));
        printf (_("  -w WIDTH              accepted (gsnmp does not wrap -Td and -Tp)\n"));
        printf ("\n%s\n", _("Options may follow the OIDs; “--” ends them. An OID “-” translates\n"
                            "the first word of each line of the standard input."));
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

/* print_subtree_oid_report(): every node below @oid (the node itself
 * excluded), depth first in the order of the sub-identifiers; @oid is
 * empty for the roots. @path holds "(label(subid)" pieces of @oid. */
typedef struct {
        gboolean labeled;       /* -Tl: .iso(1).org(3) */
        gboolean numeric;       /* -To: .1.3 */
        gboolean symbolic;      /* -Ts: .iso.org */
        gboolean child_oid;     /* -Tz: "org"\t\t\t"1.3" */
} Report;

static void
print_report (GsnmpMib     *mib,
              const Report *report,
              GsnmpOid     *oid,
              GString      *labeled,
              GString      *symbolic)
{
        g_autoptr(GPtrArray) children = gsnmp_mib_get_children (mib, oid);
        guint i;

        for (i = 0; i < children->len; i++) {
                GsnmpMibObject *child = g_ptr_array_index (children, i);
                g_autoptr(GsnmpOid) child_oid = gsnmp_mib_object_get_oid (child);
                const char *label = gsnmp_mib_object_get_name (child);
                gsize n = gsnmp_oid_get_length (child_oid);
                guint32 subid = gsnmp_oid_get_id (child_oid, n - 1);
                gsize labeled_len = labeled->len, symbolic_len = symbolic->len;

                g_string_append_printf (labeled, ".%s(%u)", label, subid);
                g_string_append_printf (symbolic, ".%s", label);
                if (report->labeled)
                        printf ("%s\n", labeled->str);
                if (report->numeric) {
                        g_autofree char *text = gsnmp_oid_to_string (child_oid);

                        printf (".%s\n", text);
                }
                if (report->symbolic)
                        printf ("%s\n", symbolic->str);
                if (report->child_oid) {
                        g_autofree char *text = gsnmp_oid_to_string (child_oid);

                        printf ("\"%s\"\t\t\t\"%s\"\n", label, text);
                }
                print_report (mib, report, child_oid, labeled, symbolic);
                g_string_truncate (labeled, labeled_len);
                g_string_truncate (symbolic, symbolic_len);
        }
}

/* print_oid_report(): below each root in Net-SNMP's order of the roots:
 * iso, ccitt, joint-iso-ccitt. */
static void
print_roots_report (GsnmpMib     *mib,
                    const Report *report)
{
        static const guint32 roots[] = { 1, 0, 2 };
        static const char * const labels[] = { "iso", "ccitt", "joint-iso-ccitt" };
        gsize i;

        for (i = 0; i < G_N_ELEMENTS (roots); i++) {
                g_autoptr(GsnmpOid) root = gsnmp_oid_new (&roots[i], 1);
                g_autoptr(GString) labeled = g_string_new (NULL);
                g_autoptr(GString) symbolic = g_string_new (NULL);

                g_string_printf (labeled, ".%s(%u)", labels[i], roots[i]);
                g_string_printf (symbolic, ".%s", labels[i]);
                print_report (mib, report, root, labeled, symbolic);
        }
}

/* snmptranslate's read_objid() without -IR: a name from the root of the
 * tree, so its first part is a number or iso, ccitt or joint-iso-ccitt.
 * Returns the part that is not, or NULL. */
static char *
first_part_off_the_tree (const char *name)
{
        const char *p = name[0] == '.' ? name + 1 : name;
        gsize len = strcspn (p, ".");

        if (g_ascii_isdigit (*p) || *p == '"' || *p == '\'')
                return NULL;
        if ((len == 3 && strncmp (p, "iso", 3) == 0) ||
            (len == 5 && strncmp (p, "ccitt", 5) == 0) ||
            (len == 15 && strncmp (p, "joint-iso-ccitt", 15) == 0))
                return NULL;
        return g_strndup (p, len);
}

/* process_stdin(): each line's first word (up to a space or a tab)
 * translated when it is an OID, the rest as it is. */
static void
translate_stdin (GsnmpMib         *mib,
                 GsnmpFormatFlags  flags)
{
        char line[10240];

        while (fgets (line, sizeof line, stdin) != NULL) {
                char *nl = strchr (line, '\n');
                char delim = ' ';
                char *rest = strchr (line, delim);
                g_autoptr(GsnmpOid) oid = NULL;
                g_autofree char *off = NULL;

                if (nl != NULL)
                        *nl = '\0';
                if (rest == NULL) {
                        delim = '\t';
                        rest = strchr (line, delim);
                }
                if (rest != NULL)
                        *rest++ = '\0';
                if (!(rest != NULL && strlen (line) <= 5) &&
                    (strchr (line, ':') != NULL || (off = first_part_off_the_tree (line)) == NULL))
                        oid = gsnmp_mib_parse_oid (mib, line, NULL);
                if (oid != NULL) {
                        g_autofree char *text = gsnmp_mib_format_oid (mib, oid, flags);

                        fputs (text, stdout);
                } else {
                        fputs (line, stdout);
                }
                if (rest != NULL) {
                        fputc (delim, stdout);
                        fputs (rest, stdout);
                }
                fputc ('\n', stdout);
        }
}

/* print_objid() and, with -Td, print_description() */
static void
print_oid (GsnmpMib         *mib,
           GsnmpOid         *oid,
           GsnmpFormatFlags  flags,
           gboolean          describe)
{
        g_autofree char *text = gsnmp_mib_format_oid (mib, oid, flags);

        printf ("%s\n", text);
        if (describe) {
                g_autofree char *description = gsnmp_mib_describe (mib, oid);

                if (description != NULL)
                        fputs (description, stdout);
        }
}

/* -TB: every object whose name the extended regular expression matches,
 * case-insensitive, in the order of the tree. */
static guint
print_matching (GsnmpMib         *mib,
                GsnmpOid         *oid,
                GRegex           *regex,
                GsnmpFormatFlags  flags,
                gboolean          describe)
{
        g_autoptr(GPtrArray) children = gsnmp_mib_get_children (mib, oid);
        guint i, count = 0;

        for (i = 0; i < children->len; i++) {
                GsnmpMibObject *child = g_ptr_array_index (children, i);
                g_autoptr(GsnmpOid) child_oid = gsnmp_mib_object_get_oid (child);

                if (g_regex_match (regex, gsnmp_mib_object_get_name (child), 0, NULL)) {
                        print_oid (mib, child_oid, flags, describe);
                        count++;
                }
                count += print_matching (mib, child_oid, regex, flags, describe);
        }
        return count;
}

/* See the header. Options as snmptranslate's getopt() takes them
 * ("Vhm:M:w:D:P:T:O:I:L:"): anywhere on the command line (GNU getopt
 * moves the operands to the end), until "--". */
int
gsnmp_tool_translate_main (const char  *prgname,
                           int          argc,
                           char       **argv)
{
        GsnmpFormatFlags flags = GSNMP_FORMAT_NONE;
        gboolean describe = FALSE, find_all = FALSE;
        int print = 0; /* 1: -Tp, 2: -Ta, 3: -Tl -To -Ts -Tz */
        Report report = { FALSE, FALSE, FALSE, FALSE };
        g_autoptr(GPtrArray) operands = g_ptr_array_new ();
        gboolean options_done = FALSE;
        GsnmpMib *mib;
        guint k;
        int i;

        for (i = 1; i < argc; i++) {
                const char *arg = argv[i];
                const char *p;

                if (options_done || arg[0] != '-' || arg[1] == '\0') {
                        g_ptr_array_add (operands, argv[i]);
                        continue;
                }
                if (strcmp (arg, "--") == 0) {
                        options_done = TRUE;
                        continue;
                }
                if (strcmp (arg, "--help") == 0) {
                        print_help (prgname);
                        return 0;
                }
                for (p = arg + 1; *p; p++) {
                        char letter = *p;
                        const char *value;

                        if (letter == 'h') {
                                print_help (prgname);
                                return 0;
                        }
                        if (letter == 'V') {
                                gsnmp_tool_print_version (prgname);
                                return 0;
                        }
                        if (strchr ("mMwDPTOIL", letter) == NULL) {
                                fprintf (stderr, _("%s: invalid option -- '%c'\n"), prgname, letter);
                                print_help (prgname);
                                return 1;
                        }
                        if (p[1] != '\0') {
                                value = p + 1;
                        } else if (i + 1 < argc) {
                                value = argv[++i];
                        } else {
                                fprintf (stderr, _("%s: option requires an argument -- '%c'\n"),
                                         prgname, letter);
                                print_help (prgname);
                                return 1;
                        }
                        switch (letter) {
                        case 'M':
                                gsnmp_tool_set_mib_options (value, NULL);
                                break;
                        case 'm':
                                gsnmp_tool_set_mib_options (NULL, value);
                                break;
                        case 'w': {
                                /* atoi(); gsnmp prints -Td and -Tp as wide as
                                 * Net-SNMP's default (no wrapping) */
                                gint64 width = g_ascii_strtoll (value, NULL, 10);

                                if (width <= 0) {
                                        fprintf (stderr, _("Invalid width specification: %s\n"), value);
                                        return 1;
                                }
                                break;
                        }
                        case 'D': /* debugging tokens */
                        case 'L': /* logging: gsnmp translate logs nothing but errors */
                                break;
                        case 'P': {
                                const char *bad = gsnmp_tool_parse_mib_parser_options (value);

                                if (bad != NULL) {
                                        fprintf (stderr, _("Unknown parser option to -P: %c.\n"), *bad);
                                        print_help (prgname);
                                        return 1;
                                }
                                break;
                        }
                        case 'O':
                                if (!parse_output (value, &flags))
                                        return 1;
                                break;
                        case 'I': {
                                const char *bad = gsnmp_tool_parse_input_options (value, argc, argv, &i);

                                if (bad != NULL) {
                                        fprintf (stderr, _("Unknown OID option to -I: %c.\n"), *bad);
                                        print_help (prgname);
                                        return 1;
                                }
                                break;
                        }
                        case 'T':
                                for (; *value; value++) {
                                        switch (*value) {
                                        case 'l': print = 3; report.labeled = TRUE; break;
                                        case 'o': print = 3; report.numeric = TRUE; break;
                                        case 's': print = 3; report.symbolic = TRUE; break;
                                        case 'z': print = 3; report.child_oid = TRUE; break;
                                        case 'd': describe = TRUE; break;
                                        case 'B': find_all = TRUE; break;
                                        case 'p': print = 1; break;
                                        case 'a': print = 2; break;
                                        case 't':
                                                fprintf (stderr, "%s\n",
                                                         _("gsnmp translate does not print -Tt (Net-SNMP’s internal type and textual convention numbers)"));
                                                return 1;
                                        default:
                                                fprintf (stderr, _("Invalid -T<lostpad> character: %c\n"), *value);
                                                print_help (prgname);
                                                return 1;
                                        }
                                }
                                break;
                        default:
                                g_assert_not_reached ();
                        }
                        break;
                }
        }

        mib = gsnmp_tool_get_mib ();
        if (operands->len == 0) {
                switch (print) {
                case 1: {
                        /* print_mib_tree (tree_head): the iso subtree */
                        static const guint32 iso = 1;
                        g_autoptr(GsnmpOid) root = gsnmp_oid_new (&iso, 1);
                        g_autofree char *text = gsnmp_mib_format_tree (mib, root);

                        if (text != NULL)
                                fputs (text, stdout);
                        return 0;
                }
                case 3:
                        print_roots_report (mib, &report);
                        return 0;
                case 2:
                        /* print_ascii_dump(): Net-SNMP's internal order of
                         * the tree, which gsnmp does not keep */
                        fprintf (stderr, "%s\n", _("gsnmp translate does not print -Ta (an ASCII dump of the whole tree)"));
                        return 1;
                default:
                        print_help (prgname);
                        return 1;
                }
        }

        for (k = 0; k < operands->len; k++) {
                const char *name = g_ptr_array_index (operands, k);
                g_autoptr(GsnmpOid) oid = NULL;

                if (strcmp (name, "-") == 0 && print == 0) {
                        translate_stdin (mib, flags);
                        continue;
                }
                if (gsnmp_tool_input_random_access ()) {
                        /* get_node() */
                        oid = gsnmp_mib_parse_oid (mib, name, NULL);
                        if (oid == NULL) {
                                fprintf (stderr, _("Unknown object identifier: %s\n"), name);
                                return 2;
                        }
                } else if (find_all) {
                        g_autoptr(GRegex) regex = NULL;
                        static const guint32 iso = 1;
                        g_autoptr(GsnmpOid) root = gsnmp_oid_new (&iso, 1);

                        regex = g_regex_new (name, G_REGEX_CASELESS, 0, NULL);
                        if (regex == NULL || print_matching (mib, root, regex, flags, describe) == 0) {
                                fprintf (stderr, _("Unable to find a matching object identifier for \"%s\"\n"),
                                         name);
                                return 1;
                        }
                        break;
                } else {
                        /* read_objid(): from the root, or MODULE::name */
                        g_autofree char *off = strchr (name, ':') == NULL ? first_part_off_the_tree (name) : NULL;
                        g_autofree char *detail = NULL;

                        if (off != NULL) {
                                g_autofree char *text = g_strdup_printf ("Sub-id not found: (top) -> %s", off);

                                gsnmp_tool_print_unknown_oid (name, text);
                                return 2;
                        }
                        oid = gsnmp_tool_parse_oid (name, &detail);
                        if (oid == NULL) {
                                gsnmp_tool_print_unknown_oid (name, detail);
                                return 2;
                        }
                }
                if (print == 1) {
                        g_autofree char *text = gsnmp_mib_format_tree (mib, oid);

                        if (text == NULL) {
                                fprintf (stderr, _("Unable to find a matching object identifier for \"%s\"\n"), name);
                                return 1;
                        }
                        fputs (text, stdout);
                } else {
                        print_oid (mib, oid, flags, describe);
                }
                if (k + 1 < operands->len)
                        printf ("\n");
        }
        return 0;
}
