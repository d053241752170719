/* gsnmp-tool-options.h - Net-SNMP compatible command-line parsing for gsnmp
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gsnmp/gsnmp.h>

/* The most retries a GsnmpTarget takes (GsnmpTarget:retries). */
#define GSNMP_TOOL_MAX_RETRIES 1000

/* Parses all of @text as a decimal integer in @min..@max (strtol() with
 * its base 0 when @any_base: 0x hex and 0 octal too); FALSE otherwise. */
gboolean          gsnmp_tool_parse_integer         (const char              *text,
                                                    gint64                   min,
                                                    gint64                   max,
                                                    gboolean                 any_base,
                                                    gint64                  *value);

G_BEGIN_DECLS

/* Exit statuses, as Net-SNMP's tools use them */
#define GSNMP_TOOL_EXIT_OK            0
#define GSNMP_TOOL_EXIT_FAILURE       1 /* usage, parse, timeout, transport */
#define GSNMP_TOOL_EXIT_PACKET_ERROR  2 /* a response with error-status */

/* Net-SNMP's SNMP_MAX_CMDLINE_OIDS */
#define GSNMP_TOOL_MAX_CMDLINE_OIDS 128

typedef struct _GsnmpToolCommand GsnmpToolCommand;
typedef struct _GsnmpToolOptions GsnmpToolOptions;

/* Handles the argument of one -C option (application options). Prints its
 * own error and sets *exit_status when it returns FALSE. */
typedef gboolean (*GsnmpToolAppOptionFunc) (GsnmpToolOptions *options,
                                            const char       *arg,
                                            int              *exit_status);

/* Runs a subcommand once the common options are parsed; options->operands
 * holds what follows the agent. Returns the exit status. */
typedef int (*GsnmpToolRunFunc) (GsnmpToolOptions *options);

/* Runs a subcommand that has options of its own: gets the command line
 * from the subcommand's name on, parses it (passing the common options on
 * to gsnmp_tool_options_parse()) and returns the exit status. */
typedef int (*GsnmpToolMainFunc) (const char *prgname,
                                  int         argc,
                                  char      **argv);

/* One subcommand: "gsnmp NAME [OPTIONS] AGENT ARGS". To add a subcommand,
 * add an entry to the table in gsnmp-tool.c; the common options (-v, -c, -r,
 * -t, -O, ...) and the agent are parsed for it by gsnmp_tool_options_parse(). */
struct _GsnmpToolCommand {
        const char             *name;           /* "get" */
        const char             *net_snmp_name;  /* "snmpget": the tool it replaces */
        const char             *args_synopsis;  /* "OID [OID]..." */
        const char             *summary;        /* one line, for "gsnmp --help" */
        const char             *app_options_help; /* the -C lines of --help, or NULL */
        GsnmpToolAppOptionFunc  app_option;     /* -C handler, or NULL: no -C */
        gboolean                stop_at_agent;  /* no option after the agent (snmpset's POSIXLY_CORRECT) */
        GsnmpToolRunFunc        run;            /* NULL when main is set */
        GsnmpToolMainFunc       main;           /* own options, or NULL: run */
};

struct _GsnmpToolOptions {
        const GsnmpToolCommand *command;
        const char             *prgname;        /* for "PRGNAME: message" */

        /* -v; Net-SNMP's compiled-in default is SNMPv3 */
        GsnmpProtocolVersion    version;
        char                   *community;      /* -c, or NULL */
        int                     retries;        /* -r, or -1: the library's default */
        guint                   timeout_ms;     /* -t, or 0: the library's default */

        /* -O toggles, as Net-SNMP's snmp_out_options() keeps them */
        gboolean                quick_print;
        gboolean                quick_equals;
        gboolean                bare_value;
        gboolean                numeric_enums;
        GsnmpFormatFlags        oid_format;     /* -On -Os -OS -Of -Ou */
        GsnmpFormatFlags        output_flags;   /* -Ob -OX -OU -Ot -Ox -Oa -OE -O0 */

        /* -C state of the subcommands (add fields for new subcommands here) */
        gboolean                dont_fix_pdus;  /* get, getnext: -Cf */
        long                    non_repeaters;  /* bulkget: -Cn<N> */
        long                    max_repetitions; /* bulkget: -Cr<N> */
        gboolean                quiet;          /* set: -Cq */

        /* SNMPv3 (-u -l -a -A -x -X -e -E -n), as Net-SNMP keeps them */
        char                   *user_name;      /* -u, or NULL */
        GsnmpSecurityLevel      security_level; /* -l; noAuthNoPriv by default */
        gboolean                auth_protocol_set; /* -a was given */
        GsnmpAuthProtocol       auth_protocol;  /* -a (NONE for "NOAUTH"); MD5 by default */
        char                   *auth_passphrase; /* -A, or NULL; wiped when cleared */
        gboolean                priv_protocol_set; /* -x was given */
        GsnmpPrivProtocol       priv_protocol;  /* -x (NONE for "NOPRIV"); DES by default */
        char                   *priv_passphrase; /* -X, or NULL; wiped when cleared */
        GBytes                 *security_engine_id; /* -e, or NULL */
        GBytes                 *context_engine_id;  /* -E, or NULL */
        char                   *context_name;   /* -n, or NULL */

        /* While the options are parsed: the command line, and where the
         * parser is (see gsnmp_tool_options_take_next_arg()) */
        char                  **parse_argv;
        int                     parse_argc;
        int                    *parse_index;

        const char             *agent;          /* AGENT, as given */
        char                  **operands;       /* what follows AGENT (not owned strings) */
        int                     n_operands;
};

void              gsnmp_tool_options_init          (GsnmpToolOptions        *options,
                                                    const GsnmpToolCommand  *command,
                                                    const char              *prgname);
void              gsnmp_tool_options_clear         (GsnmpToolOptions        *options);
gboolean          gsnmp_tool_options_parse         (GsnmpToolOptions        *options,
                                                    int                      argc,
                                                    char                   **argv,
                                                    int                     *exit_status);
GsnmpFormatFlags  gsnmp_tool_options_get_format    (const GsnmpToolOptions  *options);
/* For a -C handler: the argument after the current one, which the parser
 * then skips (snmptable's -Cw, -Cc, -Cf and -Cr take their value from
 * argv[optind++]); NULL when there is none. */
char             *gsnmp_tool_options_take_next_arg (GsnmpToolOptions        *options);
GsnmpTarget      *gsnmp_tool_options_new_target    (GsnmpToolOptions        *options,
                                                    int                     *exit_status);

/* SNMPv3: Net-SNMP discovers the agent's engine when it sends the first
 * request (unless -e gave it), and only then checks the user name and the
 * security level. A subcommand that wants that order calls these in turn
 * before its first request: gsnmp_tool_options_new_discovery_target() when
 * it opens the session (it checks the agent address), discovers the engine
 * with it by gsnmp_tool_discover_engine() on the engine the requests will
 * use, then gsnmp_tool_options_check_user_name() and finally
 * gsnmp_tool_options_new_target(), which makes the remaining checks.
 * Without the first two steps a discovery that fails still reads as
 * Net-SNMP's "Timeout" (GSNMP_ERROR_DISCOVERY_FAILED, see
 * gsnmp_tool_print_request_error()), but the user name and level checks
 * come first. */
GsnmpTarget      *gsnmp_tool_options_new_discovery_target (GsnmpToolOptions *options,
                                                    int                     *exit_status);
gboolean          gsnmp_tool_discover_engine       (GsnmpToolOptions        *options,
                                                    GsnmpEngine             *engine,
                                                    GsnmpTarget             *discovery_target,
                                                    int                     *exit_status);
gboolean          gsnmp_tool_options_check_user_name (GsnmpToolOptions      *options,
                                                    int                     *exit_status);

/* Parses an OID as Net-SNMP does without MIB files: dotted numbers (decimal,
 * 0x hexadecimal or 0 octal) with an optional leading dot, the root names
 * "iso", "ccitt" and "joint-iso-ccitt", and quoted string sub-identifiers.
 * On failure returns NULL and *detail is the text Net-SNMP puts in
 * parentheses after "Unknown Object Identifier". */
GsnmpOid         *gsnmp_tool_parse_oid             (const char              *str,
                                                    char                   **detail);

/* Is @type one of the type letters snmpset accepts? */
/* Takes "--NAME" or "--NAME=VALUE" at argv[*i] (VALUE from the next
 * argument when it needs one, NULL when there is none); FALSE when it is
 * not --NAME. */
gboolean          gsnmp_tool_take_long_option      (char                   **argv,
                                                    int                      argc,
                                                    int                     *i,
                                                    const char              *name,
                                                    gboolean                 has_value,
                                                    const char             **value);
gboolean          gsnmp_tool_is_set_type           (char                     type);

typedef enum {
        GSNMP_TOOL_VALUE_OK,
        GSNMP_TOOL_VALUE_BAD_NOTATION,   /* "Bad value notation" */
        GSNMP_TOOL_VALUE_OUT_OF_RANGE,   /* "Value out of range" */
        GSNMP_TOOL_VALUE_UNKNOWN_OID,    /* "Unknown Object Identifier" */
        GSNMP_TOOL_VALUE_BAD_TYPE,       /* "Bad variable type" */
} GsnmpToolValueError;

/* Builds the varbind for "OID TYPE VALUE" as snmpset's snmp_add_var() does.
 * On failure *detail is the text for the parentheses of the message. */
GsnmpToolValueError gsnmp_tool_parse_set_value     (GsnmpOid                *oid,
                                                    char                     type,
                                                    const char              *value,
                                                    GsnmpVarbind           **varbind,
                                                    char                   **detail);

/* -M DIRS and -m MODULES (either may be NULL: unchanged) */
void              gsnmp_tool_set_mib_options       (const char              *dirs,
                                                    const char              *modules);
/* -P LETTERS: NULL when every letter is one of Net-SNMP's, else the first
 * that is not. */
const char       *gsnmp_tool_parse_mib_parser_options (const char       *arg);
/* -I LETTERS (snmp_in_options()): NULL when all are known, else the first
 * that is not. -Is and -IS take the rest of @arg, or argv[++*i] when that
 * is empty; they then apply to every OID gsnmp_tool_parse_oid() parses. */
const char       *gsnmp_tool_parse_input_options   (const char              *arg,
                                                    int                      argc,
                                                    char                   **argv,
                                                    int                     *i);
/* -IR was given (an odd number of times) */
gboolean          gsnmp_tool_input_random_access   (void);
/* The tool's MIB store, loaded on first use from -M/-m or MIBDIRS/MIBS */
GsnmpMib         *gsnmp_tool_get_mib               (void);
/* No module loaded (MIBS= or -m ""): numbers only, the fast paths apply */
gboolean          gsnmp_tool_mib_is_empty          (void);

/* snmp_perror (NAME) after snmp_parse_oid() failed: "NAME: Unknown Object
 * Identifier (DETAIL)". */
void              gsnmp_tool_print_unknown_oid     (const char              *name,
                                                    const char              *detail);

/* snmp_perror (NAME) after snmp_add_var() failed with @kind. */
void              gsnmp_tool_print_value_error     (const char              *name,
                                                    GsnmpToolValueError      kind,
                                                    const char              *detail);

/* Waiting for one async call: pass gsnmp_tool_wait_callback and a
 * GsnmpToolWait as the call's callback and data, then gsnmp_tool_wait()
 * iterates the thread-default main context until the call completed and
 * returns its result (transfer full) for the _finish function.
 *
 *   GsnmpToolWait wait = GSNMP_TOOL_WAIT_INIT;
 *   gsnmp_engine_get_async (engine, target, oids, n, NULL, gsnmp_tool_wait_callback, &wait);
 *   g_autoptr(GAsyncResult) result = gsnmp_tool_wait (&wait);
 *   pdu = gsnmp_engine_get_finish (engine, result, &error);
 */
typedef struct {
        GAsyncResult *result;
} GsnmpToolWait;

#define GSNMP_TOOL_WAIT_INIT { NULL }

void              gsnmp_tool_wait_callback         (GObject                 *source,
                                                    GAsyncResult            *result,
                                                    gpointer                 wait);
GAsyncResult     *gsnmp_tool_wait                  (GsnmpToolWait           *wait);

G_END_DECLS
