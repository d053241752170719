/* gsnmp-tool-walk.c - the walk, bulkwalk and table subcommands of gsnmp
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * `gsnmp walk` and `gsnmp bulkwalk` print what Net-SNMP 5.9's snmpwalk and
 * snmpbulkwalk print with -On, byte for byte (apps/snmpwalk.c and
 * apps/snmpbulkwalk.c): the same lines, the same "End of MIB", the same
 * fallback GET of the root when nothing was found, the same -C options.
 * They send the requests themselves rather than run a GsnmpWalk, since
 * they print each response as Net-SNMP does: every varbind of the last
 * response that lies in the subtree (every endOfMibView an agent pads a
 * GetBulk response with, and what follows an OID that did not increase),
 * each OID compared with the OID of the request (snmpbulkwalk) or of the
 * varbind before (snmpwalk).
 *
 * `gsnmp table` prints a table the way snmptable does with -On, with the
 * column numbers as headers, since no MIB files are loaded.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gsnmp-tool-walk.h"
#include "gsnmp-tool-output.h"

/* gsnmp table's upper bounds for -Cc and -Cw */
#define TABLE_MAX_COLUMN_WIDTH 4096
#define TABLE_MAX_WIDTH        1000000

/* snmpwalk's and snmpbulkwalk's default root: mib-2 */
static const guint32 mib2[] = { 1, 3, 6, 1, 2, 1 };

/* The -C state (netsnmp_ds booleans toggle, as in Net-SNMP). */
static struct {
        gboolean include_requested;   /* i */
        gboolean dont_get_requested;  /* I (walk) */
        gboolean print_statistics;    /* p */
        gboolean dont_check;          /* c */
        gboolean time_results;        /* t (walk) */
        gboolean time_single;         /* T (walk) */
        long     max_repetitions;     /* r (bulkwalk) */
        long     non_repeaters;       /* n (bulkwalk) */
        guint    deadline_s;          /* d<SECONDS> (gsnmp's own): 0 for none */
} walk_opts = { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, 10, 0, 0 };

static struct {
        gboolean    headers_only;     /* h */
        gboolean    no_headers;       /* H */
        gboolean    show_index;       /* i */
        gboolean    left_justify;     /* l */
        const char *field_separator;  /* f<STR> */
        int         column_width;     /* c<NUM>, minus one as snmptable keeps it */
        int         max_width;        /* w<NUM> */
        int         max_repetitions;  /* r<NUM> */
        gboolean    brief;            /* b: column names without their common prefix */
        guint       max_cells;        /* m<NUM> (gsnmp's own): 0 for no limit */
        guint       deadline_s;       /* d<SECONDS> (gsnmp's own): 0 for none */
} table_opts = { FALSE, FALSE, FALSE, FALSE, NULL, 0, 0, 10, FALSE, GSNMP_TABLE_DEFAULT_MAX_CELLS, 0 };

/*****************************************************************************/
/* -C options */

/* -Cd<SECONDS>, gsnmp's own: the most time a walk or table may take.
 * Advances *@p past the number. */
#define MAX_DEADLINE_S (7 * 24 * 3600)

static gboolean
parse_deadline (GsnmpToolOptions  *options,
                const char       **p,
                guint             *seconds,
                int               *exit_status)
{
        gint64 v;
        char *end = NULL;

        errno = 0;
        v = g_ascii_strtoll (*p, &end, 10);
        if (errno != 0 || end == *p || v < 1 || v > MAX_DEADLINE_S) {
                gsnmp_tool_print_usage_hint (options->prgname, options->command);
                fprintf (stderr, _("Bad -Cd option: %s (1 to %d seconds)\n"),
                         **p ? *p : _("no argument given"), MAX_DEADLINE_S);
                *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                return FALSE;
        }
        *seconds = (guint) v;
        *p = end;
        return TRUE;
}

static gboolean
unknown_flag (char  flag,
              int  *exit_status)
{
        fprintf (stderr, _("Unknown flag passed to -C: %c\n"), flag);
        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
        return FALSE;
}

gboolean
gsnmp_tool_walk_app_option (GsnmpToolOptions *options,
                            const char       *arg,
                            int              *exit_status)
{
        const char *p;

        for (p = arg; *p != '\0'; p++) {
                switch (*p) {
                case 'i':
                        walk_opts.include_requested = !walk_opts.include_requested;
                        break;
                case 'I':
                        walk_opts.dont_get_requested = !walk_opts.dont_get_requested;
                        break;
                case 'p':
                        walk_opts.print_statistics = !walk_opts.print_statistics;
                        break;
                case 'c':
                        walk_opts.dont_check = !walk_opts.dont_check;
                        break;
                case 't':
                        walk_opts.time_results = !walk_opts.time_results;
                        break;
                case 'T':
                        walk_opts.time_single = !walk_opts.time_single;
                        break;
                case 'd':
                        p++;
                        if (!parse_deadline (options, &p, &walk_opts.deadline_s, exit_status))
                                return FALSE;
                        p--;
                        break;
                case 'E':
                        /* snmpwalk takes the end OID from the next argument,
                         * which the common parser has already consumed. */
                        gsnmp_tool_print_error (options->prgname, "%s",
                                                _("-CE is not supported"));
                        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                        return FALSE;
                default:
                        return unknown_flag (*p, exit_status);
                }
        }

        return TRUE;
}

gboolean
gsnmp_tool_bulkwalk_app_option (GsnmpToolOptions *options,
                                const char       *arg,
                                int              *exit_status)
{
        const char *p = arg;

        while (*p != '\0') {
                char flag = *p++;
                char *end = NULL;
                long value;

                switch (flag) {
                case 'c':
                        walk_opts.dont_check = !walk_opts.dont_check;
                        break;
                case 'i':
                        walk_opts.include_requested = !walk_opts.include_requested;
                        break;
                case 'p':
                        walk_opts.print_statistics = !walk_opts.print_statistics;
                        break;
                case 'd':
                        if (!parse_deadline (options, &p, &walk_opts.deadline_s, exit_status))
                                return FALSE;
                        break;
                case 'n':
                case 'r':
                        errno = 0;
                        value = strtol (p, &end, 0);
                        if (end == p) {
                                /* snmpbulkwalk prints its usage here */
                                gsnmp_tool_print_usage_hint (options->prgname, options->command);
                                *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                                return FALSE;
                        }
                        /* snmpbulkwalk keeps a long; the PDU an INTEGER */
                        value = CLAMP (value, G_MININT32, G_MAXINT32);
                        if (flag == 'r')
                                walk_opts.max_repetitions = value;
                        else
                                walk_opts.non_repeaters = value;
                        p = end;
                        if (g_ascii_isspace (*p))
                                return TRUE;
                        break;
                default:
                        return unknown_flag (flag, exit_status);
                }
        }

        return TRUE;
}

gboolean
gsnmp_tool_table_app_option (GsnmpToolOptions *options,
                             const char       *arg,
                             int              *exit_status)
{
        const char *p = arg;

        while (*p != '\0') {
                char flag = *p++;
                int value;

                switch (flag) {
                case 'b':
                        table_opts.brief = TRUE;
                        break;
                case 'B':
                        break;
                case 'h':
                        table_opts.headers_only = TRUE;
                        break;
                case 'H':
                        table_opts.no_headers = TRUE;
                        break;
                case 'i':
                        table_opts.show_index = TRUE;
                        break;
                case 'l':
                        table_opts.left_justify = TRUE;
                        break;
                case 'f':
                        /* the rest of the argument is the separator, or
                         * (as snmptable takes it) the next argument */
                        if (*p == '\0') {
                                const char *next = gsnmp_tool_options_take_next_arg (options);

                                if (next == NULL) {
                                        gsnmp_tool_print_usage_hint (options->prgname, options->command);
                                        fprintf (stderr, _("Bad -C%c option: %s\n"), flag,
                                                 _("no argument given"));
                                        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                                        return FALSE;
                                }
                                table_opts.field_separator = next;
                                break;
                        }
                        table_opts.field_separator = p;
                        return TRUE;
                case 'd':
                        if (!parse_deadline (options, &p, &table_opts.deadline_s, exit_status))
                                return FALSE;
                        break;
                case 'm': {
                        /* gsnmp's own: the most cells, 0 for no limit */
                        gint64 v;
                        char *end = NULL;

                        errno = 0;
                        v = g_ascii_strtoll (p, &end, 10);
                        if (errno != 0 || end == p || v < 0 || v > G_MAXUINT32) {
                                gsnmp_tool_print_usage_hint (options->prgname, options->command);
                                fprintf (stderr, _("Bad -C%c option: %s\n"), flag,
                                         *p ? p : _("no argument given"));
                                *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                                return FALSE;
                        }
                        table_opts.max_cells = (guint) v;
                        p = end;
                        break;
                }
                case 'c':
                case 'w':
                case 'r': {
                        /* snmptable's atoi() and its lower bounds, and
                         * upper ones: a column of 2^31 blanks never ends */
                        gint64 max = flag == 'c' ? TABLE_MAX_COLUMN_WIDTH :
                                     flag == 'w' ? TABLE_MAX_WIDTH : G_MAXINT32;
                        const char *glued = p;
                        gint64 v;
                        char *end = NULL;

                        /* -Cw80 (gsnmp's) or, as snmptable takes it, -Cw 80 */
                        if (*p == '\0' && (p = gsnmp_tool_options_take_next_arg (options)) == NULL)
                                p = glued;
                        errno = 0;
                        v = g_ascii_strtoll (p, &end, 10);
                        if (errno != 0 || end == p || (flag == 'c' && v <= 2) || v <= 0 || v > max) {
                                gsnmp_tool_print_usage_hint (options->prgname, options->command);
                                fprintf (stderr, _("Bad -C%c option: %s\n"), flag,
                                         *p ? p : _("no argument given"));
                                if (v > max)
                                        fprintf (stderr, _("The most -C%c takes is %" G_GINT64_FORMAT ".\n"),
                                                 flag, max);
                                *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                                return FALSE;
                        }
                        value = (int) v;
                        if (flag == 'c')
                                table_opts.column_width = value - 1;
                        else if (flag == 'w')
                                table_opts.max_width = value;
                        else
                                table_opts.max_repetitions = value;
                        /* after the next argument, the -C letters go on */
                        p = *glued == '\0' ? glued : end;
                        break;
                }
                default:
                        fprintf (stderr, _("Bad option after -C: %c\n"), flag);
                        gsnmp_tool_print_usage_hint (options->prgname, options->command);
                        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                        return FALSE;
                }
        }

        return TRUE;
}

/*****************************************************************************/
/* Running async calls to completion */

/* snmpwalk's snmp_get_and_print(): a GET of @oid, whose varbinds are printed
 * when the error-status is 0; errors are ignored. Returns how many lines
 * were printed. */
static int
get_and_print (GsnmpEngine      *engine,
               GsnmpTarget      *target,
               GsnmpOid         *oid,
               GsnmpFormatFlags  flags)
{
        g_autoptr(GsnmpPdu) pdu = NULL;
        GsnmpToolWait wait = GSNMP_TOOL_WAIT_INIT;
        g_autoptr(GAsyncResult) result = NULL;
        int printed = 0;

        gsnmp_engine_get_async (engine, target, &oid, 1, NULL, gsnmp_tool_wait_callback, &wait);
        result = gsnmp_tool_wait (&wait);
        pdu = gsnmp_engine_get_finish (engine, result, NULL);

        if (pdu != NULL && gsnmp_pdu_get_error_status (pdu) == 0) {
                guint i, n = gsnmp_pdu_get_n_varbinds (pdu);

                for (i = 0; i < n; i++) {
                        gsnmp_tool_print_varbind (gsnmp_pdu_get_varbind (pdu, i), flags);
                        printed++;
                }
        }

        return printed;
}

/*****************************************************************************/
/* walk and bulkwalk */

/* The text of the OID printed last: consecutive OIDs of a walk share most
 * of their sub-identifiers, so print_oid() formats only those that differ. */
static struct {
        guint32 ids[GSNMP_OID_MAX_LENGTH];
        gsize   n_ids;
        gsize   ends[GSNMP_OID_MAX_LENGTH];  /* text length after each sub-identifier */
        char    text[GSNMP_OID_MAX_LENGTH * 11 + 1];
} last_oid;

/* Formats @oid as fprint_objid() with -On does into last_oid.text, and
 * returns the length. Walks print tens of thousands of OIDs, so this does
 * not go through printf. */
static gsize
format_oid (GsnmpOid *oid)
{
        gsize n, i, same = 0;
        const guint32 *ids = gsnmp_oid_get_ids (oid, &n);
        char *p;

        while (same < n && same < last_oid.n_ids && ids[same] == last_oid.ids[same])
                same++;

        p = last_oid.text + (same > 0 ? last_oid.ends[same - 1] : 0);
        for (i = same; i < n; i++) {
                char digits[10];
                guint32 v = ids[i];
                int k = 0;

                do {
                        digits[k++] = (char) ('0' + v % 10);
                        v /= 10;
                } while (v != 0);
                *p++ = '.';
                while (k > 0)
                        *p++ = digits[--k];
                last_oid.ids[i] = ids[i];
                last_oid.ends[i] = (gsize) (p - last_oid.text);
        }
        last_oid.n_ids = n;

        return n > 0 ? last_oid.ends[n - 1] : 0;
}

/* fprint_objid() with -On */
static void
print_oid (FILE     *stream,
           GsnmpOid *oid)
{
        gsize length;

        if (!gsnmp_tool_mib_is_empty ()) {
                g_autofree char *name = gsnmp_mib_format_oid (gsnmp_tool_get_mib (), oid,
                                                              gsnmp_tool_output_oid_format);

                fputs (name, stream);
                return;
        }
        length = format_oid (oid);

        fwrite (last_oid.text, 1, length, stream);
}

/* Appends the value of @varbind as gsnmp_varbind_format() prints it, for
 * the common types without allocating; returns FALSE for the others. */
static gboolean
append_value_fast (GString      *out,
                   GsnmpVarbind *varbind,
                   gboolean      quick)
{
        char num[32];
        const guint8 *data;
        gsize length, i;

        switch (gsnmp_varbind_get_value_type (varbind)) {
        case GSNMP_VALUE_TYPE_INTEGER:
                if (!quick)
                        g_string_append_len (out, "INTEGER: ", 9);
                g_string_append_len (out, num, g_snprintf (num, sizeof num, "%d",
                                                           gsnmp_varbind_get_integer (varbind)));
                return TRUE;
        case GSNMP_VALUE_TYPE_COUNTER32:
                if (!quick)
                        g_string_append_len (out, "Counter32: ", 11);
                g_string_append_len (out, num, g_snprintf (num, sizeof num, "%u",
                                                           gsnmp_varbind_get_unsigned (varbind)));
                return TRUE;
        case GSNMP_VALUE_TYPE_GAUGE32:
                if (!quick)
                        g_string_append_len (out, "Gauge32: ", 9);
                g_string_append_len (out, num, g_snprintf (num, sizeof num, "%u",
                                                           gsnmp_varbind_get_unsigned (varbind)));
                return TRUE;
        case GSNMP_VALUE_TYPE_OCTET_STRING:
                /* Printable ASCII and white space only: STRING: "…" with
                 * '"' and '\\' escaped; anything else (hex, empty) is left to
                 * gsnmp_varbind_format(). */
                data = gsnmp_varbind_get_octets (varbind, &length);
                if (length == 0)
                        return FALSE;
                for (i = 0; i < length; i++) {
                        if (!((data[i] >= 0x20 && data[i] <= 0x7e) ||
                              (data[i] >= '\t' && data[i] <= '\r')))
                                return FALSE;
                }
                if (!quick)
                        g_string_append_len (out, "STRING: ", 8);
                g_string_append_c (out, '"');
                for (i = 0; i < length; i++) {
                        if (data[i] == '\\' || data[i] == '"')
                                g_string_append_c (out, '\\');
                        g_string_append_c (out, (char) data[i]);
                }
                g_string_append_c (out, '"');
                return TRUE;
        default:
                return FALSE;
        }
}

/* gsnmp_tool_print_varbind(), one line built in a reused buffer: a walk
 * prints tens of thousands of these. */
static void
print_walk_varbind (GsnmpVarbind     *varbind,
                    GsnmpFormatFlags  flags)
{
        static GString *line;
        gboolean quick = (flags & (GSNMP_FORMAT_QUICK | GSNMP_FORMAT_QUICK_EQUALS)) != 0;
        gsize oid_len;

        /* With MIB modules: names, enums and hints */
        if ((flags & GSNMP_FORMAT_VALUE_ONLY) || !gsnmp_tool_mib_is_empty ()) {
                gsnmp_tool_print_varbind (varbind, flags);
                return;
        }
        if (line == NULL)
                line = g_string_sized_new (256);

        oid_len = format_oid (gsnmp_varbind_get_oid (varbind));
        g_string_truncate (line, 0);
        g_string_append_len (line, last_oid.text, (gssize) oid_len);
        if ((flags & GSNMP_FORMAT_QUICK) && !(flags & GSNMP_FORMAT_QUICK_EQUALS))
                g_string_append_c (line, ' ');
        else
                g_string_append_len (line, " = ", 3);
        if (!append_value_fast (line, varbind, quick)) {
                g_autofree char *value = gsnmp_varbind_format (varbind, flags | GSNMP_FORMAT_VALUE_ONLY);

                g_string_append (line, value);
        }
        g_string_append_c (line, '\n');
        fwrite (line->str, 1, line->len, stdout);
}

/* snmpwalk's subtree test: is @oid before end_oid, the root with its last
 * sub-identifier incremented? (Net-SNMP's oid is 64 bits wide: no wrap.) */
static gboolean
before_end_oid (GsnmpOid *oid,
                GsnmpOid *root)
{
        gsize n_oid, n_root, i;
        const guint32 *a = gsnmp_oid_get_ids (oid, &n_oid);
        const guint32 *b = gsnmp_oid_get_ids (root, &n_root);

        if (n_root == 0)
                return TRUE;
        for (i = 0; i < MIN (n_oid, n_root); i++) {
                guint64 end = b[i] + (guint64) (i == n_root - 1 ? 1 : 0);

                if (a[i] != end)
                        return a[i] < end;
        }
        return n_oid < n_root;
}

/* Is @oid part of the walk: snmpbulkwalk tests the root as a prefix,
 * snmpwalk compares with end_oid. */
static gboolean
in_walk_subtree (GsnmpOid *oid,
                 GsnmpOid *root,
                 gboolean  bulk)
{
        if (bulk)
                return gsnmp_oid_has_prefix (oid, root);
        return before_end_oid (oid, root);
}

static double
seconds_since (gint64 start)
{
        return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

/* One request of the walk: a GetBulk (snmpbulkwalk) or a GetNext (snmpwalk)
 * from @name. */
static gboolean
on_deadline (gpointer user_data)
{
        g_cancellable_cancel (G_CANCELLABLE (user_data));
        return G_SOURCE_REMOVE;
}

static GsnmpPdu *
walk_request_sync (GsnmpEngine  *engine,
                   GsnmpTarget  *target,
                   GsnmpOid     *name,
                   gboolean      bulk,
                   gint64        deadline,
                   GError      **error)
{
        GsnmpToolWait wait = GSNMP_TOOL_WAIT_INIT;
        g_autoptr(GAsyncResult) result = NULL;
        g_autoptr(GCancellable) cancellable = NULL;
        g_autoptr(GSource) timer = NULL;
        GsnmpPdu *pdu;

        /* -Cd: the request in flight is abandoned at the deadline */
        if (deadline > 0) {
                gint64 left = deadline - g_get_monotonic_time ();

                cancellable = g_cancellable_new ();
                timer = g_timeout_source_new ((guint) CLAMP ((left + 999) / 1000, 0, G_MAXUINT));
                g_source_set_callback (timer, on_deadline, cancellable, NULL);
                g_source_attach (timer, NULL);
        }

        if (bulk) {
                /* One varbind that is a non-repeater is a GetNext. */
                long reps = walk_opts.non_repeaters > 0 ? 1 : walk_opts.max_repetitions;

                gsnmp_engine_get_bulk_async (engine, target, 0, (guint) CLAMP (reps, 1, G_MAXINT32),
                                             &name, 1, cancellable,
                                             gsnmp_tool_wait_callback, &wait);
                result = gsnmp_tool_wait (&wait);
                pdu = gsnmp_engine_get_bulk_finish (engine, result, error);
        } else {
                gsnmp_engine_get_next_async (engine, target, &name, 1, cancellable,
                                             gsnmp_tool_wait_callback, &wait);
                result = gsnmp_tool_wait (&wait);
                pdu = gsnmp_engine_get_next_finish (engine, result, error);
        }
        if (timer != NULL)
                g_source_destroy (timer);
        return pdu;
}

/* fprint_objid() ends the OID with a newline, so Net-SNMP's message spans
 * two lines and a blank one. */
static void
print_not_increasing (GsnmpOid *previous,
                      GsnmpOid *oid)
{
        fflush (stdout);
        fputs (_("Error: OID not increasing: "), stderr);
        print_oid (stderr, previous);
        fputs ("\n >= ", stderr);
        print_oid (stderr, oid);
        fputs ("\n\n", stderr);
}

/* The body of snmpwalk's and snmpbulkwalk's main loop, for one response:
 * every varbind inside the subtree is printed, even after an exception or
 * an OID that did not increase (which stop the walk after this response);
 * each OID is compared with the one the request asked for, and snmpwalk
 * continues from the last varbind, snmpbulkwalk from the last one when it
 * is not an exception.  Returns whether the walk goes on. */
static gboolean
walk_print_response (GsnmpPdu          *pdu,
                     GsnmpOid          *root,
                     GsnmpOid         **name,
                     gboolean           bulk,
                     GsnmpFormatFlags   flags,
                     double             request_time,
                     int               *numprinted,
                     int               *exitval)
{
        gboolean running = TRUE;
        guint i, n = gsnmp_pdu_get_n_varbinds (pdu);

        for (i = 0; i < n; i++) {
                GsnmpVarbind *varbind = gsnmp_pdu_get_varbind (pdu, i);
                GsnmpOid *oid = gsnmp_varbind_get_oid (varbind);

                if (!in_walk_subtree (oid, root, bulk)) {
                        running = FALSE;
                        continue;
                }
                (*numprinted)++;
                if (walk_opts.time_single && !bulk)
                        fprintf (stdout, "%f s: ", request_time);
                print_walk_varbind (varbind, flags);
                if (gsnmp_varbind_is_exception (varbind)) {
                        running = FALSE;
                        continue;
                }
                /* snmpwalk compares with the previous varbind, snmpbulkwalk
                 * with the request's OID, kept until the last varbind */
                if (!walk_opts.dont_check && gsnmp_oid_compare (*name, oid) >= 0) {
                        print_not_increasing (*name, oid);
                        running = FALSE;
                        *exitval = GSNMP_TOOL_EXIT_FAILURE;
                }
                if (!bulk || i == n - 1) {
                        gsnmp_oid_unref (*name);
                        *name = gsnmp_oid_ref (oid);
                }
        }

        return running;
}

static int
walk_run (GsnmpToolOptions *options,
          gboolean          bulk)
{
        g_autoptr(GsnmpOid) root = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpOid) name = NULL;        /* the OID of the next request */
        GsnmpFormatFlags flags = gsnmp_tool_options_get_format (options);
        gboolean success = TRUE;          /* Net-SNMP's status == STAT_SUCCESS */
        gboolean running = TRUE;
        int exitval = GSNMP_TOOL_EXIT_OK;
        int numprinted = 0;
        gint64 walk_start = 0, walk_end = 0;
        gint64 deadline = 0;
        int exit_status = GSNMP_TOOL_EXIT_FAILURE;

        if (options->n_operands > 0) {
                g_autofree char *detail = NULL;

                root = gsnmp_tool_parse_oid (options->operands[0], &detail);
                if (root == NULL) {
                        fprintf (stderr, _("%s: Unknown Object Identifier (%s)\n"),
                                 options->operands[0], detail ? detail : "");
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
        } else {
                root = gsnmp_oid_new (mib2, G_N_ELEMENTS (mib2));
        }

        target = gsnmp_tool_options_new_target (options, &exit_status);
        if (target == NULL)
                return exit_status;

        engine = gsnmp_engine_new (&error);
        if (engine == NULL) {
                gsnmp_tool_print_error (options->prgname, "%s", error->message);
                return GSNMP_TOOL_EXIT_FAILURE;
        }

        if (walk_opts.include_requested)
                numprinted += get_and_print (engine, target, root, flags);

        name = gsnmp_oid_ref (root);

        if (bulk && gsnmp_target_get_version (target) == GSNMP_PROTOCOL_VERSION_V1) {
                gsnmp_tool_print_error (options->prgname, "%s",
                                        _("Cannot send V2 PDU on V1 session"));
                success = FALSE;
                exitval = GSNMP_TOOL_EXIT_FAILURE;
                goto done;
        }

        /* snmp_pdu_build() refuses these, so the first request fails */
        if (bulk && (walk_opts.max_repetitions < 0 || walk_opts.non_repeaters < 0)) {
                gsnmp_tool_print_error (options->prgname, "%s",
                                        walk_opts.max_repetitions < 0 ?
                                        _("Bad value for max-repetitions") :
                                        _("Bad value for non-repeaters"));
                success = FALSE;
                exitval = GSNMP_TOOL_EXIT_FAILURE;
                goto done;
        }

        walk_start = g_get_monotonic_time ();
        if (walk_opts.deadline_s > 0)
                deadline = walk_start + (gint64) walk_opts.deadline_s * G_USEC_PER_SEC;
        while (running) {
                g_autoptr(GsnmpPdu) pdu = NULL;
                gint64 request_start = g_get_monotonic_time ();
                guint status;

                if (deadline > 0 && request_start >= deadline) {
                        gsnmp_tool_print_error (options->prgname,
                                                _("The walk did not finish within %u seconds (-Cd)"),
                                                walk_opts.deadline_s);
                        exitval = GSNMP_TOOL_EXIT_FAILURE;
                        success = FALSE;
                        break;
                }
                pdu = walk_request_sync (engine, target, name, bulk, deadline, &error);
                if (pdu == NULL && deadline > 0 &&
                    g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
                        gsnmp_tool_print_error (options->prgname,
                                                _("The walk did not finish within %u seconds (-Cd)"),
                                                walk_opts.deadline_s);
                        exitval = GSNMP_TOOL_EXIT_FAILURE;
                        success = FALSE;
                        break;
                }
                if (pdu == NULL) {
                        exitval = gsnmp_tool_print_request_error (options, error, FALSE);
                        success = FALSE;
                        break;
                }

                status = gsnmp_pdu_get_error_status (pdu);
                if (status == GSNMP_PDU_ERROR_NO_SUCH_NAME) {
                        printf ("%s\n", _("End of MIB"));
                        break;
                } else if (status != 0) {
                        gsnmp_tool_print_packet_error (pdu, TRUE);
                        exitval = GSNMP_TOOL_EXIT_PACKET_ERROR;
                        break;
                }

                running = walk_print_response (pdu, root, &name, bulk, flags,
                                               seconds_since (request_start),
                                               &numprinted, &exitval);
        }
        walk_end = g_get_monotonic_time ();

        /* Nothing printed: maybe the root is an instance itself. */
        if (numprinted == 0 && success && (bulk || !walk_opts.dont_get_requested))
                numprinted += get_and_print (engine, target, root, flags);

done:
        if (walk_opts.print_statistics)
                printf (_("Variables found: %d\n"), numprinted);
        if (walk_opts.time_results && !bulk)
                fprintf (stderr, _("Total traversal time = %f seconds\n"),
                         (double) (walk_end - walk_start) / G_USEC_PER_SEC);

        fflush (stdout);
        return exitval;
}

int
gsnmp_tool_walk_run (GsnmpToolOptions *options)
{
        return walk_run (options, FALSE);
}

int
gsnmp_tool_bulkwalk_run (GsnmpToolOptions *options)
{
        return walk_run (options, TRUE);
}

/*****************************************************************************/
/* table */

static char *
oid_to_dotted (GsnmpOid *oid)
{
        GString *s = g_string_new (NULL);
        gsize n, i;
        const guint32 *ids = gsnmp_oid_get_ids (oid, &n);

        for (i = 0; i < n; i++)
                g_string_append_printf (s, ".%u", ids[i]);
        return g_string_free (s, FALSE);
}

/* snmptable's print_table(), for one part holding every row. */
static void
print_table (const char  *table_name,
             GPtrArray   *labels,
             int         *widths,
             char       **cells,       /* n_rows × n_fields, NULL for holes */
             char       **indices,
             guint        n_rows,
             int          index_width)
{
        const char *lj = table_opts.left_justify ? "-" : "";
        guint fields = labels->len;
        g_autoptr(GPtrArray) fmts = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *index_fmt = NULL;
        guint field, first_field, last_field = 0;
        int part = 0, width;

        if (!table_opts.no_headers && !table_opts.headers_only)
                printf (_("SNMP table: %s\n\n"), table_name);

        for (field = 0; field < fields; field++) {
                char *fmt;

                if (table_opts.column_width != 0)
                        fmt = g_strdup_printf ("%%%s%d.%ds", lj, table_opts.column_width + 1,
                                               table_opts.column_width);
                else if (table_opts.field_separator == NULL)
                        fmt = g_strdup_printf ("%%%s%ds", lj, widths[field] + 1);
                else if (field == 0 && !table_opts.show_index)
                        fmt = g_strdup ("%s");
                else
                        fmt = g_strdup_printf ("%s%%s", table_opts.field_separator);
                g_ptr_array_add (fmts, fmt);
        }
        if (table_opts.show_index) {
                if (table_opts.column_width)
                        index_fmt = g_strdup ("\nindex: %s\n");
                else if (table_opts.field_separator == NULL)
                        index_fmt = g_strdup_printf ("%%%s%ds", lj, index_width);
                else
                        index_fmt = g_strdup ("%s");
        }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        while (last_field != fields) {
                guint entry;

                part++;
                if (part != 1 && !table_opts.no_headers)
                        printf (_("\nSNMP table %s, part %d\n\n"), table_name, part);
                first_field = last_field;
                if (table_opts.show_index && !table_opts.no_headers && !table_opts.column_width) {
                        width = index_width;
                        printf (index_fmt, "index");
                } else {
                        width = 0;
                }
                for (field = first_field; field < fields; field++) {
                        if (table_opts.max_width) {
                                if (table_opts.column_width) {
                                        if (!table_opts.no_headers) {
                                                width += table_opts.column_width + 1;
                                                if (field != first_field && width > table_opts.max_width) {
                                                        printf ("\n");
                                                        width = table_opts.column_width + 1;
                                                }
                                        }
                                } else {
                                        width += widths[field] + 1;
                                        if (field != first_field && width > table_opts.max_width)
                                                break;
                                }
                        }
                        if (!table_opts.no_headers)
                                printf (g_ptr_array_index (fmts, field),
                                        (const char *) g_ptr_array_index (labels, field));
                }
                last_field = field;
                if (!table_opts.no_headers)
                        printf ("\n");
                if (table_opts.headers_only)
                        continue;
                for (entry = 0; entry < n_rows; entry++) {
                        char **dp = cells + (gsize) entry * fields;

                        width = 0;
                        if (table_opts.show_index) {
                                if (!table_opts.column_width)
                                        width = index_width;
                                printf (index_fmt, indices[entry]);
                        }
                        for (field = first_field; field < last_field; field++) {
                                if (table_opts.column_width && table_opts.max_width) {
                                        width += table_opts.column_width + 1;
                                        if (field != first_field && width > table_opts.max_width) {
                                                printf ("\n");
                                                width = table_opts.column_width + 1;
                                        }
                                }
                                printf (g_ptr_array_index (fmts, field), dp[field] ? dp[field] : "?");
                        }
                        printf ("\n");
                }
        }
#pragma GCC diagnostic pop
}

/* snmptable -Ci with MIB modules: the index part of a cell's name */
static char *
table_index_name (GsnmpTableRow    *row,
                  guint             n_fields,
                  const char       *table_name,
                  GsnmpFormatFlags  flags)
{
        g_autofree char *buf = NULL;
        GsnmpVarbind *cell = NULL;
        const char *p;
        guint c;

        for (c = 0; c < n_fields && cell == NULL; c++)
                cell = gsnmp_table_row_get_cell (row, c);
        if (cell == NULL)
                return gsnmp_oid_to_string (gsnmp_table_row_get_index (row));
        buf = gsnmp_mib_format_oid (gsnmp_tool_get_mib (), gsnmp_varbind_get_oid (cell), flags);
        if (flags & GSNMP_FORMAT_EXTENDED_INDEX) {
                p = strchr (buf, '[');
        } else {
                if (flags & GSNMP_FORMAT_OID_SUFFIX) {
                        p = buf;
                } else if (flags & (GSNMP_FORMAT_OID_FULL | GSNMP_FORMAT_OID_NUMERIC | GSNMP_FORMAT_OID_UCD)) {
                        p = strlen (buf) > strlen (table_name) ? buf + strlen (table_name) + 1 : buf;
                        p = strchr (p, '.');
                        p = p != NULL ? p + 1 : NULL;
                } else {
                        p = strchr (buf, ':');
                }
                if (p != NULL)
                        p = strchr (p, '.');
                if (p != NULL)
                        p++;
        }
        return g_strdup (p != NULL ? p : "");
}

/* snmptable -Cb: the column names without the prefix they all share */
static void
brief_labels (GPtrArray *labels,
              int       *widths)
{
        gsize common;
        guint c;

        if (!table_opts.brief || labels->len < 2)
                return;
        common = strlen (labels->pdata[0]);
        for (c = 1; c < labels->len; c++) {
                const char *f1 = labels->pdata[c - 1], *f2 = labels->pdata[c];
                gsize len = 0;

                while (f1[len] && f1[len] == f2[len])
                        len++;
                common = MIN (common, len);
        }
        for (c = 0; c < labels->len && common > 0; c++) {
                char *label = labels->pdata[c];

                memmove (label, label + common, strlen (label + common) + 1);
                widths[c] -= (int) common;
        }
}

/* snmptable's column name: what follows the last '.' (or ':') of the
 * column's name in the output form; NULL when that is a number. */
static char *
column_label (GsnmpOid         *column,
              GsnmpFormatFlags  flags)
{
        g_autofree char *name = gsnmp_mib_format_oid (gsnmp_tool_get_mib (), column, flags);
        const char *p = strrchr (name, '.');

        if (p == NULL)
                p = strrchr (name, ':');
        p = p != NULL ? p + 1 : name;
        return g_ascii_isdigit (*p) ? NULL : g_strdup (p);
}

/* snmptable's get_field_names() with the MIB: the accessible columns of
 * the table's entry, in the order of their sub-identifiers, named in the
 * output form (@labels) with their sub-identifiers (@subids); they stop at
 * the first that prints as a number (-On). FALSE when the MIB does not
 * know @table_oid as a node: gsnmp then numbers the columns the agent
 * returns (where snmptable says "Was that a table?"). */
static gboolean
mib_table_columns (GsnmpOid         *table_oid,
                   GsnmpFormatFlags  flags,
                   GPtrArray        *labels,
                   GArray           *subids)
{
        GsnmpMib *mib = gsnmp_tool_get_mib ();
        g_autoptr(GsnmpMibObject) node = NULL;
        g_autoptr(GsnmpOid) rest = NULL;
        g_autoptr(GPtrArray) entries = NULL;
        g_autoptr(GPtrArray) columns = NULL;
        g_autoptr(GsnmpOid) entry_oid = NULL;
        guint i;

        if (gsnmp_tool_mib_is_empty ())
                return FALSE;
        node = gsnmp_mib_lookup (mib, table_oid, &rest);
        if (node == NULL || gsnmp_oid_get_length (rest) != 0)
                return FALSE;
        entries = gsnmp_mib_get_children (mib, table_oid);
        if (entries->len == 0)
                return TRUE;
        entry_oid = gsnmp_mib_object_get_oid (g_ptr_array_index (entries, 0));
        columns = gsnmp_mib_get_children (mib, entry_oid);
        for (i = 0; i < columns->len; i++) {
                GsnmpMibObject *column = g_ptr_array_index (columns, i);
                const char *access = gsnmp_mib_object_get_access (column);
                g_autoptr(GsnmpOid) oid = NULL;
                char *label;
                guint32 subid;

                if (access != NULL && strcmp (access, "not-accessible") == 0)
                        continue;
                oid = gsnmp_mib_object_get_oid (column);
                label = column_label (oid, flags);
                if (label == NULL)
                        break;
                subid = gsnmp_oid_get_id (oid, gsnmp_oid_get_length (oid) - 1);
                g_ptr_array_add (labels, label);
                g_array_append_val (subids, subid);
        }
        return TRUE;
}

int
gsnmp_tool_table_run (GsnmpToolOptions *options)
{
        g_autoptr(GsnmpOid) table_oid = NULL;
        g_autoptr(GPtrArray) columns = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        gint64 table_start = 0;
        g_autoptr(GsnmpWalk) walk = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpTable) table = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) labels = NULL;
        g_autoptr(GArray) mib_subids = NULL;
        g_autoptr(GPtrArray) rows = NULL;
        g_autofree int *field_column = NULL;
        g_autofree char *table_name = NULL;
        g_autofree int *widths = NULL;
        gboolean known, extra_columns = FALSE;
        guint n_columns, tc;
        char **cells = NULL;
        char **indices = NULL;
        GsnmpFormatFlags flags;
        GsnmpToolWait wait = GSNMP_TOOL_WAIT_INIT;
        g_autoptr(GAsyncResult) result = NULL;
        int exit_status = GSNMP_TOOL_EXIT_FAILURE;
        int index_width = sizeof ("index ") - 1;
        guint n_rows, n_fields, r, c;
        int i;

        if (options->n_operands < 1) {
                fprintf (stderr, "%s\n", _("Must have exactly one table name"));
                gsnmp_tool_print_usage_hint (options->prgname, options->command);
                return GSNMP_TOOL_EXIT_FAILURE;
        }

        columns = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        for (i = 0; i < options->n_operands; i++) {
                g_autofree char *detail = NULL;
                GsnmpOid *oid = gsnmp_tool_parse_oid (options->operands[i], &detail);

                if (oid == NULL) {
                        fprintf (stderr, _("%s: Unknown Object Identifier (%s)\n"),
                                 options->operands[i], detail ? detail : "");
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                if (i == 0)
                        table_oid = oid;
                else
                        g_ptr_array_add (columns, oid);
        }
        table_name = gsnmp_tool_mib_is_empty ()
                ? oid_to_dotted (table_oid)
                : gsnmp_mib_format_oid (gsnmp_tool_get_mib (), table_oid,
                                        gsnmp_tool_options_get_format (options));

        /* snmptable prints values with -Oq; the MIB names the columns */
        flags = gsnmp_tool_options_get_format (options) | GSNMP_FORMAT_QUICK | GSNMP_FORMAT_VALUE_ONLY;
        labels = g_ptr_array_new_with_free_func (g_free);
        mib_subids = g_array_new (FALSE, FALSE, sizeof (guint32));
        known = columns->len == 0 && mib_table_columns (table_oid, flags, labels, mib_subids);
        if (known && labels->len == 0) {
                fprintf (stderr, _("Was that a table? %s\n"), table_name);
                return GSNMP_TOOL_EXIT_FAILURE;
        }

        target = gsnmp_tool_options_new_target (options, &exit_status);
        if (target == NULL)
                return exit_status;
        gsnmp_target_set_max_repetitions (target, (guint) table_opts.max_repetitions);

        engine = gsnmp_engine_new (&error);
        if (engine == NULL) {
                gsnmp_tool_print_error (options->prgname, "%s", error->message);
                return GSNMP_TOOL_EXIT_FAILURE;
        }

        if (known && table_opts.headers_only) {
                /* snmptable -Ch asks the agent nothing */
                widths = g_new0 (int, labels->len);
                for (c = 0; c < labels->len; c++)
                        widths[c] = (int) strlen (labels->pdata[c]);
                brief_labels (labels, widths);
                print_table (table_name, labels, widths, NULL, NULL, 0, index_width);
                printf (_("%s: No entries\n"), table_name);
                return GSNMP_TOOL_EXIT_OK;
        }

        if (columns->len > 0)
                gsnmp_engine_get_table_columns_async (engine, target,
                                                      (GsnmpOid **) columns->pdata, columns->len,
                                                      NULL, gsnmp_tool_wait_callback, &wait);
        else {
                /* a table that never ends stops at -Cm cells */
                walk = gsnmp_walk_new (engine, target, table_oid);
                table_start = g_get_monotonic_time ();
                gsnmp_walk_set_max_varbinds (walk, table_opts.max_cells);
                gsnmp_walk_set_max_duration (walk, table_opts.deadline_s * 1000);
                gsnmp_walk_get_table_async (walk, NULL, gsnmp_tool_wait_callback, &wait);
        }
        result = gsnmp_tool_wait (&wait);
        if (columns->len > 0)
                table = gsnmp_engine_get_table_columns_finish (engine, result, &error);
        else
                table = gsnmp_walk_get_table_finish (walk, result, &error);
        if (table == NULL) {
                if (g_error_matches (error, GSNMP_ERROR, GSNMP_ERROR_LIMIT_REACHED)) {
                        gsnmp_tool_print_error (options->prgname, _("%s (-Cm sets the limit)"),
                                                error->message);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                if (walk != NULL && table_opts.deadline_s > 0 &&
                    g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) &&
                    g_get_monotonic_time () - table_start >= (gint64) table_opts.deadline_s * G_USEC_PER_SEC) {
                        gsnmp_tool_print_error (options->prgname,
                                                _("The table did not arrive within %u seconds (-Cd)"),
                                                table_opts.deadline_s);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                if (g_error_matches (error, GSNMP_ERROR, GSNMP_ERROR_OID_NOT_INCREASING)) {
                        fprintf (stderr, _("OID not increasing: %s\n"), error->message);
                        return GSNMP_TOOL_EXIT_PACKET_ERROR;
                }
                if (error->domain == GSNMP_PDU_ERROR) {
                        fprintf (stderr, "%s\n", _("Error in packet."));
                        fprintf (stderr, _("Reason: %s\n"), gsnmp_tool_error_status_string (error->code));
                        return GSNMP_TOOL_EXIT_PACKET_ERROR;
                }
                return gsnmp_tool_print_request_error (options, error, FALSE);
        }

        /* The output's fields: the MIB's columns (and what the agent sends
         * for other columns is left out, with snmptable's warning), or
         * those the agent sent */
        n_columns = gsnmp_table_get_n_columns (table);
        field_column = g_new0 (int, MAX (n_columns + labels->len, 1));
        if (known) {
                n_fields = labels->len;
                for (c = 0; c < n_fields; c++)
                        field_column[c] = -1;
                for (tc = 0; tc < n_columns; tc++) {
                        GsnmpOid *column = gsnmp_table_get_column (table, tc);
                        guint32 subid = gsnmp_oid_get_id (column, gsnmp_oid_get_length (column) - 1);
                        gboolean found = FALSE;

                        for (c = 0; c < n_fields; c++) {
                                if (g_array_index (mib_subids, guint32, c) == subid) {
                                        field_column[c] = (int) tc;
                                        found = TRUE;
                                }
                        }
                        if (!found)
                                extra_columns = TRUE;
                }
        } else {
                n_fields = n_columns;
                for (c = 0; c < n_fields; c++) {
                        GsnmpOid *column = gsnmp_table_get_column (table, c);
                        gsize len = gsnmp_oid_get_length (column);
                        char *label = NULL;

                        field_column[c] = (int) c;
                        if (!gsnmp_tool_mib_is_empty ())
                                label = column_label (column, flags);
                        if (label == NULL)
                                label = g_strdup_printf ("%u", len > 0 ? gsnmp_oid_get_id (column, len - 1) : 0);
                        g_ptr_array_add (labels, label);
                }
        }

        /* the rows with a value in one of the fields */
        rows = g_ptr_array_new ();
        for (r = 0; r < gsnmp_table_get_n_rows (table); r++) {
                GsnmpTableRow *row = gsnmp_table_get_row (table, r);

                for (c = 0; c < n_fields; c++) {
                        if (field_column[c] >= 0 &&
                            gsnmp_table_row_get_cell (row, (guint) field_column[c]) != NULL) {
                                g_ptr_array_add (rows, row);
                                break;
                        }
                }
        }
        n_rows = rows->len;
        if (n_rows == 0) {
                printf (_("%s: No entries\n"), table_name);
                if (extra_columns)
                        printf (_("%s: WARNING: More columns on agent than in MIB\n"), table_name);
                return GSNMP_TOOL_EXIT_OK;
        }

        widths = g_new0 (int, MAX (n_fields, 1));
        for (c = 0; c < n_fields; c++)
                widths[c] = (int) strlen (labels->pdata[c]);
        brief_labels (labels, widths);

        cells = g_new0 (char *, (gsize) n_rows * MAX (n_fields, 1));
        indices = g_new0 (char *, n_rows);
        for (r = 0; r < n_rows; r++) {
                GsnmpTableRow *row = g_ptr_array_index (rows, r);
                int len;

                indices[r] = gsnmp_tool_mib_is_empty ()
                        ? gsnmp_oid_to_string (gsnmp_table_row_get_index (row))
                        : table_index_name (row, n_columns, table_name, flags);
                len = (int) strlen (indices[r]);
                index_width = MAX (index_width, len);
                for (c = 0; c < n_fields; c++) {
                        GsnmpVarbind *cell = field_column[c] >= 0
                                ? gsnmp_table_row_get_cell (row, (guint) field_column[c]) : NULL;
                        char *text, *p;

                        if (cell == NULL)
                                continue;
                        text = gsnmp_tool_mib_is_empty ()
                                ? gsnmp_varbind_format (cell, flags)
                                : gsnmp_mib_format_varbind (gsnmp_tool_get_mib (), cell, flags);
                        for (p = text; *p; p++) {
                                if (*p == '\n')
                                        *p = ' ';
                        }
                        widths[c] = MAX (widths[c], (int) strlen (text));
                        cells[(gsize) r * n_fields + c] = text;
                }
        }

        print_table (table_name, labels, widths, cells, indices, n_rows, index_width);
        if (extra_columns)
                printf (_("%s: WARNING: More columns on agent than in MIB\n"), table_name);
        fflush (stdout);

        for (r = 0; r < n_rows; r++) {
                for (c = 0; c < n_fields; c++)
                        g_free (cells[(gsize) r * n_fields + c]);
                g_free (indices[r]);
        }
        g_free (cells);
        g_free (indices);

        return GSNMP_TOOL_EXIT_OK;
}
