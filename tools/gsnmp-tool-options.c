/* gsnmp-tool-options.c - Net-SNMP compatible command-line parsing for gsnmp
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The behaviour follows Net-SNMP 5.9's snmplib/snmp_parse_args.c (options,
 * as glibc's getopt() sees them), mib.c:read_objid() (OIDs without MIB
 * files) and snmp_api.c:snmp_add_var() (snmpset's TYPE VALUE pairs), with
 * the messages those print, so that scripts written for snmpget & co. see
 * the same text and exit status. Where Net-SNMP silently truncates a value
 * that does not fit its SNMP type, gsnmp refuses it instead.
 *
 * SNMPv3 follows snmpv3.c:snmpv3_parse_arg() (-u -l -a -A -x -X -e -E -n,
 * their spellings and messages, "-3l" included), the pass phrase checks of
 * snmp_parse_args() and the checks snmp_api.c and snmpusm.c make when they
 * send. On purpose, gsnmp differs in this:
 *  - it reads no snmp.conf: the defaults are Net-SNMP's built-in ones
 *    (noAuthNoPriv, MD5, DES, no user);
 *  - the library always discovers the agent's engine ID, boots and time:
 *    -Z is refused, and -e only becomes the default context engine ID (as
 *    in Net-SNMP) and makes timeouts read as request timeouts. An -e that
 *    is not the agent's engine ID makes Net-SNMP time out; gsnmp gets the
 *    answer;
 *  - user names must be 1 to 32 bytes of UTF-8 (RFC 3414): gsnmp says so
 *    where Net-SNMP sends the name and the agent drops or refuses it;
 *  - -3 (keys given in hexadecimal) is not supported, and neither is 3DES,
 *    which Debian's Net-SNMP does not have either.
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <glib/gi18n.h>

#include "gsnmp-tool-options.h"
#include "gsnmp-tool-output.h"

void
gsnmp_tool_options_init (GsnmpToolOptions       *options,
                         const GsnmpToolCommand *command,
                         const char             *prgname)
{
        memset (options, 0, sizeof (*options));
        options->command = command;
        options->prgname = prgname;
        options->version = GSNMP_PROTOCOL_VERSION_V3;
        options->retries = -1;
        options->timeout_ms = 0;
        options->non_repeaters = 0;
        options->max_repetitions = 10;
        /* Net-SNMP's defaults without snmp.conf (defSecurityLevel,
         * defAuthType, defPrivType) */
        options->security_level = GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV;
        options->auth_protocol = GSNMP_AUTH_PROTOCOL_MD5;
        options->priv_protocol = GSNMP_PRIV_PROTOCOL_DES;
}

static void
wipe_string (char **str)
{
        if (*str != NULL) {
                memset (*str, 0, strlen (*str));
                g_clear_pointer (str, g_free);
        }
}

void
gsnmp_tool_options_clear (GsnmpToolOptions *options)
{
        wipe_string (&options->community);
        wipe_string (&options->auth_passphrase);
        wipe_string (&options->priv_passphrase);
        g_clear_pointer (&options->user_name, g_free);
        g_clear_pointer (&options->security_engine_id, g_bytes_unref);
        g_clear_pointer (&options->context_engine_id, g_bytes_unref);
        g_clear_pointer (&options->context_name, g_free);
        g_clear_pointer (&options->operands, g_free);
        options->n_operands = 0;
}

/*****************************************************************************/
/* Options */

typedef enum {
        OPT_SUPPORTED,
        OPT_UNSUPPORTED, /* a Net-SNMP option gsnmp does not have (yet) */
        OPT_NO_ENGINE_TIME, /* -Z: the library always discovers boots and time */
} OptionSupport;

typedef struct {
        char          letter;
        gboolean      has_arg;
        OptionSupport support;
} OptionInfo;

/* Net-SNMP's option string "Y:VhHm:M:O:I:P:D:dv:r:t:c:Z:e:E:n:u:l:x:X:a:A:p:T:-:3:L:s:"
 * plus "C:". -p has its own message. */
static const OptionInfo option_table[] = {
        { 'h', FALSE, OPT_SUPPORTED },
        { 'V', FALSE, OPT_SUPPORTED },
        { 'v', TRUE, OPT_SUPPORTED },
        { 'c', TRUE, OPT_SUPPORTED },
        { 'r', TRUE, OPT_SUPPORTED },
        { 't', TRUE, OPT_SUPPORTED },
        { 'O', TRUE, OPT_SUPPORTED },
        { 'C', TRUE, OPT_SUPPORTED },
        { 'p', TRUE, OPT_SUPPORTED },
        { 'm', TRUE, OPT_SUPPORTED },
        { 'M', TRUE, OPT_SUPPORTED },
        { 'P', TRUE, OPT_SUPPORTED },
        { 'I', TRUE, OPT_SUPPORTED },
        { 'H', FALSE, OPT_UNSUPPORTED },
        { 'Y', TRUE, OPT_UNSUPPORTED },
        { 'D', TRUE, OPT_UNSUPPORTED },
        { 'd', FALSE, OPT_UNSUPPORTED },
        { 'L', TRUE, OPT_UNSUPPORTED },
        { 's', TRUE, OPT_UNSUPPORTED },
        { 'T', TRUE, OPT_UNSUPPORTED },
        /* SNMPv3 */
        { 'e', TRUE, OPT_SUPPORTED },
        { 'E', TRUE, OPT_SUPPORTED },
        { 'n', TRUE, OPT_SUPPORTED },
        { 'u', TRUE, OPT_SUPPORTED },
        { 'l', TRUE, OPT_SUPPORTED },
        { 'x', TRUE, OPT_SUPPORTED },
        { 'X', TRUE, OPT_SUPPORTED },
        { 'a', TRUE, OPT_SUPPORTED },
        { 'A', TRUE, OPT_SUPPORTED },
        { 'Z', TRUE, OPT_NO_ENGINE_TIME },
        { '3', TRUE, OPT_UNSUPPORTED },
};

static const OptionInfo *
find_option (char letter)
{
        gsize i;

        for (i = 0; i < G_N_ELEMENTS (option_table); i++) {
                if (option_table[i].letter == letter)
                        return &option_table[i];
        }
        return NULL;
}

gboolean
gsnmp_tool_parse_integer (const char *text,
                          gint64      min,
                          gint64      max,
                          gboolean    any_base,
                          gint64     *value)
{
        gint64 v;
        char *end = NULL;

        if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
                return FALSE;
        errno = 0;
        v = g_ascii_strtoll (text, &end, any_base ? 0 : 10);
        if (errno != 0 || end == text || *end != '\0' || v < min || v > max)
                return FALSE;
        *value = v;
        return TRUE;
}

/* Whether @agent is an RFC 4088 snmp://community@host address: then the
 * community comes from there and -c is not needed. */
static gboolean
has_uri_community (const char *agent)
{
        const char *slash;
        const char *at;

        if (g_ascii_strncasecmp (agent, "snmp://", 7) != 0)
                return FALSE;
        slash = strchr (agent + 7, '/');
        at = strchr (agent + 7, '@');
        return at != NULL && at > agent + 7 && (slash == NULL || at < slash);
}

/* Prints the usage hint after a usage error and fails. */
static gboolean
usage_error (GsnmpToolOptions *options,
             int              *exit_status)
{
        gsnmp_tool_print_usage_hint (options->prgname, options->command);
        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
        return FALSE;
}

/* snmp_out_options(): the -O letters toggle or set flags. */
static gboolean
parse_output_options (GsnmpToolOptions *options,
                      const char       *arg,
                      int              *exit_status)
{
        const char *p;

        for (p = arg; *p; p++) {
                switch (*p) {
                case 'q':
                        options->quick_print = !options->quick_print;
                        break;
                case 'Q':
                        options->quick_equals = TRUE;
                        options->quick_print = !options->quick_print;
                        break;
                case 'v':
                        options->bare_value = !options->bare_value;
                        break;
                case 'e':
                        options->numeric_enums = !options->numeric_enums;
                        break;
                case 'n':
                        options->oid_format = GSNMP_FORMAT_OID_NUMERIC;
                        break;
                case 's':
                        options->oid_format = GSNMP_FORMAT_OID_SUFFIX;
                        break;
                case 'S':
                        options->oid_format = GSNMP_FORMAT_NONE;
                        break;
                case 'f':
                        options->oid_format = GSNMP_FORMAT_OID_FULL;
                        break;
                case 'u':
                        options->oid_format = GSNMP_FORMAT_OID_UCD;
                        break;
                case '0':
                        options->output_flags ^= GSNMP_FORMAT_TWO_DIGIT_HEX;
                        break;
                case 'b':
                        options->output_flags ^= GSNMP_FORMAT_NO_INDEX_BREAKDOWN;
                        break;
                case 'E':
                        options->output_flags ^= GSNMP_FORMAT_ESCAPE_QUOTES;
                        break;
                case 'U':
                        options->output_flags ^= GSNMP_FORMAT_NO_UNITS;
                        break;
                case 'X':
                        options->output_flags ^= GSNMP_FORMAT_EXTENDED_INDEX;
                        break;
                case 't':
                        options->output_flags ^= GSNMP_FORMAT_NUMERIC_TIMETICKS;
                        break;
                case 'x':
                        options->output_flags &= ~GSNMP_FORMAT_ASCII_STRINGS;
                        options->output_flags |= GSNMP_FORMAT_HEX_STRINGS;
                        break;
                case 'a':
                        options->output_flags &= ~GSNMP_FORMAT_HEX_STRINGS;
                        options->output_flags |= GSNMP_FORMAT_ASCII_STRINGS;
                        break;
                case 'p':
                case 'T':
                        fprintf (stderr, _("Unsupported output option passed to -O: %c.\n"), *p);
                        return usage_error (options, exit_status);
                default:
                        fprintf (stderr, _("Unknown output option passed to -O: %c.\n"), *p);
                        return usage_error (options, exit_status);
                }
        }
        gsnmp_tool_output_oid_format = options->oid_format | options->output_flags;
        return TRUE;
}

/* snmpv3.c:snmpv3_parse_arg() 'l' */
static gboolean
parse_security_level (const char         *arg,
                      GsnmpSecurityLevel *level)
{
        if (g_ascii_strcasecmp (arg, "noAuthNoPriv") == 0 || strcmp (arg, "1") == 0 ||
            g_ascii_strcasecmp (arg, "noauth") == 0 || g_ascii_strcasecmp (arg, "nanp") == 0) {
                *level = GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV;
        } else if (g_ascii_strcasecmp (arg, "authNoPriv") == 0 || g_ascii_strcasecmp (arg, "auth") == 0 ||
                   strcmp (arg, "2") == 0 || g_ascii_strcasecmp (arg, "anp") == 0) {
                *level = GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV;
        } else if (g_ascii_strcasecmp (arg, "authPriv") == 0 || strcmp (arg, "3") == 0 ||
                   g_ascii_strcasecmp (arg, "priv") == 0 || g_ascii_strcasecmp (arg, "ap") == 0) {
                *level = GSNMP_SECURITY_LEVEL_AUTH_PRIV;
        } else {
                return FALSE;
        }
        return TRUE;
}

typedef struct {
        const char *label;
        int         value;
} AlgorithmName;

/* snmpusm.c's usm_auth_type[] and usm_priv_type[] of Debian's Net-SNMP
 * 5.9.3, in their order: the first label that starts with the argument
 * (case-insensitive) wins, so "s" is SHA and "" is NOAUTH or NOPRIV.
 * Net-SNMP has no 3DES, and neither has this table, so that the tool
 * accepts what Net-SNMP accepts. */
static const AlgorithmName auth_protocol_names[] = {
        { "NOAUTH", GSNMP_AUTH_PROTOCOL_NONE },
        { "SHA", GSNMP_AUTH_PROTOCOL_SHA },
        { "SHA-1", GSNMP_AUTH_PROTOCOL_SHA },
        { "SHA1", GSNMP_AUTH_PROTOCOL_SHA },
        { "MD5", GSNMP_AUTH_PROTOCOL_MD5 },
        { "SHA-224", GSNMP_AUTH_PROTOCOL_SHA224 },
        { "SHA224", GSNMP_AUTH_PROTOCOL_SHA224 },
        { "SHA-256", GSNMP_AUTH_PROTOCOL_SHA256 },
        { "SHA256", GSNMP_AUTH_PROTOCOL_SHA256 },
        { "SHA-384", GSNMP_AUTH_PROTOCOL_SHA384 },
        { "SHA384", GSNMP_AUTH_PROTOCOL_SHA384 },
        { "SHA-512", GSNMP_AUTH_PROTOCOL_SHA512 },
        { "SHA512", GSNMP_AUTH_PROTOCOL_SHA512 },
        { NULL, -1 },
};

static const AlgorithmName priv_protocol_names[] = {
        { "NOPRIV", GSNMP_PRIV_PROTOCOL_NONE },
        { "DES", GSNMP_PRIV_PROTOCOL_DES },
        { "AES", GSNMP_PRIV_PROTOCOL_AES },
        { "AES-128", GSNMP_PRIV_PROTOCOL_AES },
        { "AES128", GSNMP_PRIV_PROTOCOL_AES },
        { "AES-192", GSNMP_PRIV_PROTOCOL_AES192 },
        { "AES192", GSNMP_PRIV_PROTOCOL_AES192 },
        { "AES-256", GSNMP_PRIV_PROTOCOL_AES256 },
        { "AES256", GSNMP_PRIV_PROTOCOL_AES256 },
        { "AES-192-C", GSNMP_PRIV_PROTOCOL_AES192_CISCO },
        { "AES192C", GSNMP_PRIV_PROTOCOL_AES192_CISCO },
        { "AES-256-C", GSNMP_PRIV_PROTOCOL_AES256_CISCO },
        { "AES256C", GSNMP_PRIV_PROTOCOL_AES256_CISCO },
        { NULL, -1 },
};

/* snmpusm.c:usm_lookup_alg_type() */
static int
lookup_algorithm (const char          *arg,
                  const AlgorithmName *names)
{
        gsize len = strlen (arg);
        gsize i;

        for (i = 0; names[i].label != NULL; i++) {
                if (g_ascii_strncasecmp (names[i].label, arg, len) == 0)
                        return names[i].value;
        }
        return -1;
}

static GByteArray *parse_hex (const char *hex);

/* -e and -E: hexadecimal with an optional 0x, 5 to 32 bytes */
static gboolean
parse_engine_id_option (GsnmpToolOptions *options,
                        char              letter,
                        const char       *arg,
                        GBytes          **out,
                        int              *exit_status)
{
        g_autoptr(GByteArray) bytes = parse_hex (arg);

        if (bytes == NULL) {
                fprintf (stderr, _("Bad engine ID value after -3%c flag.\n"), letter);
                return usage_error (options, exit_status);
        }
        if (bytes->len < 5 || bytes->len > 32) {
                fprintf (stderr, _("Invalid engine ID value after -%c flag.\n"), letter);
                return usage_error (options, exit_status);
        }
        g_clear_pointer (out, g_bytes_unref);
        *out = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
        return TRUE;
}

/* keytools.c:generate_Ku() as snmp_parse_args() calls it for -A and -X,
 * whatever the version: the messages it prints when it cannot make a key.
 * @hash is the authentication protocol whose hash makes the key, or -1
 * when there is none yet (-X without -a or -A). */
static gboolean
check_passphrase (GsnmpToolOptions *options,
                  int               hash,
                  const char       *passphrase,
                  gboolean          is_priv,
                  int              *exit_status)
{
        if (hash < 0) {
                /* no detail: snmp_perror() prints an empty message */
                fprintf (stderr, "%s: \n", options->prgname);
        } else if (strlen (passphrase) < 8) {
                fprintf (stderr, _("Error: passphrase chosen is below the length requirements "
                                   "of the USM (min=%d).\n"), 8);
                fprintf (stderr, "%s:  (%s)\n", options->prgname,
                         _("The supplied password length is too short."));
        } else if (hash == GSNMP_AUTH_PROTOCOL_NONE) {
                /* snmp_log() without a newline, as Net-SNMP has it */
                fprintf (stderr, "%s", _("Error: no hashfn for authtype"));
                fprintf (stderr, "%s:  (%s)\n", options->prgname, _("no hashfn for authtype"));
        } else {
                return TRUE;
        }
        if (is_priv)
                fprintf (stderr, _("Error generating a key (Ku) from the supplied privacy pass phrase. \n"));
        else
                fprintf (stderr, _("Error generating a key (Ku) from the supplied authentication pass phrase. \n"));
        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
        return FALSE;
}

/* Handles one option; returns FALSE to exit with *exit_status. */
static gboolean
handle_option (GsnmpToolOptions *options,
               char              letter,
               char             *arg,
               int              *exit_status)
{
        const OptionInfo *info = find_option (letter);

        switch (info->support) {
        case OPT_SUPPORTED:
                break;
        case OPT_NO_ENGINE_TIME:
                gsnmp_tool_print_error (options->prgname,
                                        _("option -%c is not supported: gsnmp learns the agent’s "
                                          "engine boots and time by discovery"),
                                        letter);
                return usage_error (options, exit_status);
        case OPT_UNSUPPORTED:
        default:
                gsnmp_tool_print_error (options->prgname,
                                        _("option -%c is not supported"), letter);
                return usage_error (options, exit_status);
        }

        switch (letter) {
        case 'h':
                gsnmp_tool_print_command_help (options->prgname, options->command);
                *exit_status = GSNMP_TOOL_EXIT_OK;
                return FALSE;

        case 'V':
                gsnmp_tool_print_version (options->prgname);
                *exit_status = GSNMP_TOOL_EXIT_OK;
                return FALSE;

        case 'v':
                if (strcmp (arg, "1") == 0) {
                        options->version = GSNMP_PROTOCOL_VERSION_V1;
                } else if (g_ascii_strcasecmp (arg, "2c") == 0) {
                        options->version = GSNMP_PROTOCOL_VERSION_V2C;
                } else if (g_ascii_strcasecmp (arg, "3") == 0) {
                        options->version = GSNMP_PROTOCOL_VERSION_V3;
                } else {
                        fprintf (stderr, _("Invalid version specified after -v flag: %s\n"), arg);
                        return usage_error (options, exit_status);
                }
                return TRUE;

        case 'c':
                if (options->community != NULL) {
                        memset (options->community, 0, strlen (options->community));
                        g_free (options->community);
                }
                options->community = g_strdup (arg);
                /* as Net-SNMP does: keep the community out of ps(1) */
                memset (arg, 0, strlen (arg));
                return TRUE;

        case 'r': {
                /* atoi(), which stops at the first non-digit */
                gint64 retries = g_ascii_strtoll (arg, NULL, 10);

                if (retries < 0 || !g_ascii_isdigit (arg[0])) {
                        fprintf (stderr, _("Invalid number of retries after -r flag.\n"));
                        return usage_error (options, exit_status);
                }
                /* Net-SNMP takes any number; a GsnmpTarget at most
                 * GSNMP_TOOL_MAX_RETRIES, which is already hours of
                 * retransmissions at the default timeout. */
                if (retries > GSNMP_TOOL_MAX_RETRIES) {
                        fprintf (stderr, _("Invalid number of retries after -r flag: at most %d.\n"),
                                 GSNMP_TOOL_MAX_RETRIES);
                        return usage_error (options, exit_status);
                }
                options->retries = (int) MIN (retries, G_MAXINT);
                return TRUE;
        }

        case 't': {
                /* atof() seconds, as microseconds in a long */
                double seconds = g_ascii_strtod (arg, NULL);
                double micros = seconds * 1000000.0;

                if (!(micros >= 1.0)) {
                        fprintf (stderr, _("Invalid timeout in seconds after -t flag.\n"));
                        return usage_error (options, exit_status);
                }
                options->timeout_ms = micros >= (double) G_MAXUINT * 1000.0 ?
                        G_MAXUINT : (guint) ceil (floor (micros) / 1000.0);
                return TRUE;
        }

        case 'O':
                return parse_output_options (options, arg, exit_status);

        case 'M':
                gsnmp_tool_set_mib_options (arg, NULL);
                return TRUE;

        case 'm':
                gsnmp_tool_set_mib_options (NULL, arg);
                return TRUE;

        case 'P': {
                const char *bad = gsnmp_tool_parse_mib_parser_options (arg);

                if (bad != NULL) {
                        fprintf (stderr, _("Unknown parsing option passed to -P: %c.\n"), *bad);
                        return usage_error (options, exit_status);
                }
                return TRUE;
        }

        case 'C':
                if (options->command->app_option == NULL) {
                        fprintf (stderr, _("%s: invalid option -- '%c'\n"), options->prgname, letter);
                        return usage_error (options, exit_status);
                }
                return options->command->app_option (options, arg, exit_status);

        case 'u':
                g_free (options->user_name);
                options->user_name = g_strdup (arg);
                return TRUE;

        case 'l':
                if (!parse_security_level (arg, &options->security_level)) {
                        fprintf (stderr, _("Invalid security level specified after -3l flag: %s\n"),
                                 arg);
                        return usage_error (options, exit_status);
                }
                return TRUE;

        case 'a': {
                int value = lookup_algorithm (arg, auth_protocol_names);

                if (value < 0) {
                        fprintf (stderr,
                                 _("Invalid authentication protocol specified after -3a flag: %s\n"),
                                 arg);
                        return usage_error (options, exit_status);
                }
                options->auth_protocol = (GsnmpAuthProtocol) value;
                options->auth_protocol_set = TRUE;
                return TRUE;
        }

        case 'x': {
                int value = lookup_algorithm (arg, priv_protocol_names);

                if (value < 0) {
                        fprintf (stderr,
                                 _("Invalid privacy protocol specified after -3x flag: %s\n"),
                                 arg);
                        return usage_error (options, exit_status);
                }
                options->priv_protocol = (GsnmpPrivProtocol) value;
                options->priv_protocol_set = TRUE;
                return TRUE;
        }

        case 'A':
        case 'X': {
                char **passphrase = letter == 'A' ? &options->auth_passphrase :
                                                    &options->priv_passphrase;

                wipe_string (passphrase);
                *passphrase = g_strdup (arg);
                /* as Net-SNMP does: keep the pass phrase out of ps(1) */
                memset (arg, 0, strlen (arg));
                return TRUE;
        }

        case 'e':
        case 'E':
                return parse_engine_id_option (options, letter, arg,
                                               letter == 'e' ? &options->security_engine_id :
                                                               &options->context_engine_id,
                                               exit_status);

        case 'n':
                g_free (options->context_name);
                options->context_name = g_strdup (arg);
                return TRUE;

        case 'p':
                fprintf (stderr, _("Warning: -p option is no longer used - "));
                fprintf (stderr, _("specify the remote host as HOST:PORT\n"));
                return usage_error (options, exit_status);

        default:
                g_assert_not_reached ();
        }
}

/* Handles "--NAME": --help and --version, as Net-SNMP's "-:" option does. */
static gboolean
handle_long_option (GsnmpToolOptions *options,
                    const char       *name,
                    int              *exit_status)
{
        if (g_ascii_strcasecmp (name, "help") == 0) {
                gsnmp_tool_print_command_help (options->prgname, options->command);
                *exit_status = GSNMP_TOOL_EXIT_OK;
                return FALSE;
        }
        if (g_ascii_strcasecmp (name, "version") == 0) {
                gsnmp_tool_print_version (options->prgname);
                *exit_status = GSNMP_TOOL_EXIT_OK;
                return FALSE;
        }
        /* Net-SNMP reads --NAME=VALUE as a snmp.conf directive; gsnmp has none */
        fprintf (stderr, _("%s: unrecognized option '--%s'\n"), options->prgname, name);
        return usage_error (options, exit_status);
}

/*
 * gsnmp_tool_options_parse:
 *
 * Parses argv[1..] (argv[0] is the subcommand) the way Net-SNMP's
 * snmp_parse_args() does with glibc's getopt(): options may be clustered
 * (-Oqv), glued to their argument (-v2c, -cpublic) or separate (-v 2c);
 * non-options are permuted to the end unless the command stops at the
 * agent (snmpset); "--" ends the options. Then AGENT must follow, and a
 * community for SNMPv1 and SNMPv2c.
 *
 * Returns: %TRUE to go on, %FALSE to exit with *exit_status (help, version,
 *   or an error that was already printed)
 */
gboolean
gsnmp_tool_options_parse (GsnmpToolOptions  *options,
                          int                argc,
                          char             **argv,
                          int               *exit_status)
{
        g_autoptr(GPtrArray) operands = g_ptr_array_new ();
        gboolean options_done = FALSE;
        int i;

        for (i = 1; i < argc; i++) {
                char *arg = argv[i];
                char *p;

                if (options_done || arg[0] != '-' || arg[1] == '\0') {
                        g_ptr_array_add (operands, arg);
                        if (options->command->stop_at_agent)
                                options_done = TRUE;
                        continue;
                }
                if (strcmp (arg, "--") == 0) {
                        options_done = TRUE;
                        continue;
                }
                if (arg[1] == '-') {
                        if (!handle_long_option (options, arg + 2, exit_status))
                                return FALSE;
                        continue;
                }

                for (p = arg + 1; *p; p++) {
                        const OptionInfo *info = find_option (*p);
                        char *optarg;

                        if (info == NULL) {
                                fprintf (stderr, _("%s: invalid option -- '%c'\n"),
                                         options->prgname, *p);
                                return usage_error (options, exit_status);
                        }
                        if (!info->has_arg) {
                                if (!handle_option (options, *p, NULL, exit_status))
                                        return FALSE;
                                continue;
                        }
                        if (p[1] != '\0') {
                                optarg = p + 1;
                        } else if (i + 1 < argc) {
                                optarg = argv[++i];
                        } else {
                                fprintf (stderr, _("%s: option requires an argument -- '%c'\n"),
                                         options->prgname, *p);
                                return usage_error (options, exit_status);
                        }
                        if (*p == 'I') {
                                /* snmp_in_options(): -Is and -IS may take the next argument */
                                const char *bad = gsnmp_tool_parse_input_options (optarg, argc, argv, &i);

                                if (bad != NULL) {
                                        fprintf (stderr, _("Unknown input option passed to -I: %c.\n"),
                                                 *bad);
                                        return usage_error (options, exit_status);
                                }
                                break;
                        }
                        options->parse_argv = argv;
                        options->parse_argc = argc;
                        options->parse_index = &i;
                        if (!handle_option (options, *p, optarg, exit_status))
                                return FALSE;
                        options->parse_index = NULL;
                        break;
                }
        }

        /* snmp_parse_args() turns the pass phrases into keys now, with the
         * hash of -a (or the default MD5 once -A is there) */
        if (options->auth_passphrase != NULL &&
            !check_passphrase (options, options->auth_protocol, options->auth_passphrase,
                               FALSE, exit_status))
                return FALSE;
        if (options->priv_passphrase != NULL &&
            !check_passphrase (options,
                               options->auth_protocol_set || options->auth_passphrase != NULL ?
                                       (int) options->auth_protocol : -1,
                               options->priv_passphrase, TRUE, exit_status))
                return FALSE;

        if (operands->len == 0) {
                fprintf (stderr, _("No hostname specified.\n"));
                return usage_error (options, exit_status);
        }
        options->agent = g_ptr_array_index (operands, 0);

        if (options->version != GSNMP_PROTOCOL_VERSION_V3 && options->community == NULL &&
            !has_uri_community (options->agent)) {
                fprintf (stderr, _("No community name specified.\n"));
                return usage_error (options, exit_status);
        }

        options->n_operands = operands->len - 1;
        g_ptr_array_remove_index (operands, 0);
        g_ptr_array_add (operands, NULL);
        options->operands = (char **) g_ptr_array_free (g_steal_pointer (&operands), FALSE);
        return TRUE;
}

/* See the header. */
char *
gsnmp_tool_options_take_next_arg (GsnmpToolOptions *options)
{
        if (options->parse_index == NULL || *options->parse_index + 1 >= options->parse_argc)
                return NULL;
        return options->parse_argv[++*options->parse_index];
}

/* The -O toggles as GsnmpFormatFlags. */
GsnmpFormatFlags
gsnmp_tool_options_get_format (const GsnmpToolOptions *options)
{
        GsnmpFormatFlags flags = GSNMP_FORMAT_NONE;

        if (options->quick_print)
                flags |= options->quick_equals ? GSNMP_FORMAT_QUICK_EQUALS : GSNMP_FORMAT_QUICK;
        if (options->bare_value)
                flags |= GSNMP_FORMAT_VALUE_ONLY;
        if (options->numeric_enums)
                flags |= GSNMP_FORMAT_NUMERIC_ENUMS;
        flags |= options->oid_format | options->output_flags;
        gsnmp_tool_output_oid_format = flags;
        return flags;
}

/* The timing options of every target. */
static void
apply_timing (GsnmpToolOptions *options,
              GsnmpTarget      *target)
{
        if (options->timeout_ms > 0)
                gsnmp_target_set_timeout (target, options->timeout_ms);
        if (options->retries >= 0)
                gsnmp_target_set_retries (target, (guint) options->retries);
}

/* See the header. Net-SNMP's snmpv3_build() fails without a user name. */
gboolean
gsnmp_tool_options_check_user_name (GsnmpToolOptions *options,
                                    int              *exit_status)
{
        if (options->user_name == NULL || options->user_name[0] == '\0') {
                gsnmp_tool_print_error (options->prgname, _("No securityName specified"));
                *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                return FALSE;
        }
        return TRUE;
}

/* What snmpusm.c:usm_secmod_rgenerate_out_msg() refuses before it sends:
 * a level the protocols cannot give (-a NOAUTH, -x NOPRIV), then a
 * privacy key missing (no -X), then an authentication key missing (no
 * -A). Returns Net-SNMP's message, or NULL. */
static const char *
check_security_level (GsnmpToolOptions *options)
{
        GsnmpSecurityLevel level = options->security_level;

        if ((level == GSNMP_SECURITY_LEVEL_AUTH_PRIV &&
             options->priv_protocol == GSNMP_PRIV_PROTOCOL_NONE) ||
            (level >= GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV &&
             options->auth_protocol == GSNMP_AUTH_PROTOCOL_NONE))
                return _("USM unsupported security level (this user has not been configured "
                         "for that level of security)");
        if (level == GSNMP_SECURITY_LEVEL_AUTH_PRIV && options->priv_passphrase == NULL)
                return _("USM generic error");
        if (level >= GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV && options->auth_passphrase == NULL)
                return _("USM authentication failure (incorrect password or key)");
        return NULL;
}

/* The user of -u for the level of -l: the protocols and pass phrases of a
 * higher level are left out, as Net-SNMP ignores them. */
static GsnmpUsmUser *
new_usm_user (GsnmpToolOptions *options,
              GError          **error)
{
        GsnmpSecurityLevel level = options->security_level;
        gboolean auth = level >= GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV;
        gboolean priv = level == GSNMP_SECURITY_LEVEL_AUTH_PRIV;

        return gsnmp_usm_user_new (options->user_name,
                                   auth ? options->auth_protocol : GSNMP_AUTH_PROTOCOL_NONE,
                                   auth ? options->auth_passphrase : NULL,
                                   priv ? options->priv_protocol : GSNMP_PRIV_PROTOCOL_NONE,
                                   priv ? options->priv_passphrase : NULL,
                                   error);
}

/*
 * gsnmp_tool_options_new_target:
 *
 * The one place that turns the common options into a #GsnmpTarget, where
 * Net-SNMP's tools call snmp_open() (and, for SNMPv3, where they build the
 * first message): prints the error and returns %NULL when that fails.
 *
 * For SNMPv3 the target gets a #GsnmpUsmUser for -u at the level of -l,
 * the context name of -n and the context engine ID of -E, or else that of
 * -e, as Net-SNMP's snmpv3_build() takes it. The library always discovers
 * the agent's engine ID, boots and time: -e does not replace that.
 */
GsnmpTarget *
gsnmp_tool_options_new_target (GsnmpToolOptions *options,
                               int              *exit_status)
{
        g_autoptr(GsnmpCredentials) credentials = NULL;
        g_autoptr(GError) error = NULL;
        GsnmpTarget *target;

        if (options->version == GSNMP_PROTOCOL_VERSION_V3) {
                const char *problem;

                if (!gsnmp_tool_options_check_user_name (options, exit_status))
                        return NULL;
                problem = check_security_level (options);
                if (problem != NULL) {
                        gsnmp_tool_print_error (options->prgname, "%s", problem);
                        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                        return NULL;
                }
                credentials = (GsnmpCredentials *) new_usm_user (options, &error);
        } else if (options->community != NULL) {
                credentials = (GsnmpCredentials *) gsnmp_community_new (options->version,
                                                                        options->community);
        } else {
                /* snmp://community@host: the library reads the community
                 * from the address; the version is the -v one */
                g_autoptr(GsnmpTarget) probe = gsnmp_target_new (options->agent, NULL, &error);
                GsnmpCommunity *community;

                if (probe != NULL) {
                        community = GSNMP_COMMUNITY (gsnmp_target_get_credentials (probe));
                        credentials = (GsnmpCredentials *) gsnmp_community_new (
                                options->version, gsnmp_community_get_community (community));
                }
        }
        if (credentials != NULL)
                target = gsnmp_target_new (options->agent, credentials, &error);
        else
                target = NULL;
        if (target == NULL) {
                gsnmp_tool_print_error (options->prgname, "%s", error->message);
                *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                return NULL;
        }
        apply_timing (options, target);

        if (options->version == GSNMP_PROTOCOL_VERSION_V3) {
                if (options->context_engine_id != NULL)
                        gsnmp_target_set_context_engine_id (target, options->context_engine_id);
                else if (options->security_engine_id != NULL)
                        gsnmp_target_set_context_engine_id (target, options->security_engine_id);
                if (options->context_name != NULL)
                        gsnmp_target_set_context_name (target, options->context_name);
        }
        return target;
}

/*
 * gsnmp_tool_options_new_discovery_target:
 *
 * A target for gsnmp_tool_discover_engine(): the agent of the options with
 * its timing (discovery uses nothing else). Made when the session opens,
 * it also checks the agent address as snmp_open() does.
 */
GsnmpTarget *
gsnmp_tool_options_new_discovery_target (GsnmpToolOptions *options,
                                         int              *exit_status)
{
        g_autoptr(GError) error = NULL;
        GsnmpTarget *target;

        target = gsnmp_target_new (options->agent, NULL, &error);
        if (target == NULL) {
                gsnmp_tool_print_error (options->prgname, "%s", error->message);
                *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                return NULL;
        }
        apply_timing (options, target);
        return target;
}

/*
 * gsnmp_tool_discover_engine:
 *
 * Net-SNMP's delayed engine ID probe: discovers the agent's engine on
 * @engine (gsnmp_engine_discover_async()) at @discovery_target's address,
 * so that the requests that follow on @engine find it known. When discovery fails, prints what
 * Net-SNMP prints ("PRGNAME: Timeout") and returns %FALSE. Does nothing
 * when -e gave the engine ID: Net-SNMP does not probe then.
 */
gboolean
gsnmp_tool_discover_engine (GsnmpToolOptions *options,
                            GsnmpEngine      *engine,
                            GsnmpTarget      *discovery_target,
                            int              *exit_status)
{
        GsnmpToolWait wait = GSNMP_TOOL_WAIT_INIT;
        g_autoptr(GAsyncResult) result = NULL;
        g_autoptr(GBytes) engine_id = NULL;
        g_autoptr(GError) error = NULL;

        if (options->version != GSNMP_PROTOCOL_VERSION_V3 || options->security_engine_id != NULL)
                return TRUE;

        gsnmp_engine_discover_async (engine, discovery_target, NULL,
                                     gsnmp_tool_wait_callback, &wait);
        result = gsnmp_tool_wait (&wait);
        engine_id = gsnmp_engine_discover_finish (engine, result, &error);
        if (engine_id != NULL)
                return TRUE;

        *exit_status = gsnmp_tool_print_request_error (options, error, TRUE);
        return FALSE;
}

/*****************************************************************************/
/* OIDs */

/* strtoul (s, &end, 0) on a whole component: decimal, 0x hex or 0 octal. */
static gboolean
parse_subid (const char *s,
             guint32    *value)
{
        guint64 v;
        char *end;

        if (!g_ascii_isdigit (s[0]))
                return FALSE;
        errno = 0;
        v = g_ascii_strtoull (s, &end, 0);
        if (errno != 0 || *end != '\0' || v > G_MAXUINT32)
                return FALSE;
        *value = (guint32) v;
        return TRUE;
}

static GsnmpOid *
oid_error (char      **detail,
           gboolean    at_top,
           const char *fcp)
{
        if (at_top)
                *detail = g_strdup_printf ("Sub-id not found: (top) -> %s", fcp);
        else
                *detail = g_strdup (fcp);
        return NULL;
}

/* See the header. Mirrors read_objid() and _add_strings_to_oid() on
 * Net-SNMP's tree without MIB files (the roots ccitt, iso and
 * joint-iso-ccitt, without children), with their error details. */
static GsnmpOid *
parse_oid_without_mib (const char  *str,
                       char       **detail)
{
        static const struct { const char *label; guint32 subid; } roots[] = {
                { "ccitt", 0 }, { "iso", 1 }, { "joint-iso-ccitt", 2 },
        };
        g_autofree char *copy = NULL;
        guint32 ids[GSNMP_OID_MAX_LENGTH];
        gsize n_ids = 0, i;
        gboolean at_top;
        char *cp, *dot;

        *detail = NULL;

        /* MODULE::name needs the MIB file; "Unknown Object Identifier" */
        if (strchr (str, ':') != NULL)
                return NULL;

        copy = g_strdup (str[0] == '.' ? str + 1 : str);
        cp = copy;

        /* The first sub-identifier: a root of the tree, or a number. */
        dot = strchr (cp, '.');
        if (dot != NULL)
                *dot = '\0';
        at_top = TRUE;
        for (i = 0; i < G_N_ELEMENTS (roots); i++) {
                if (g_ascii_strcasecmp (cp, roots[i].label) == 0) {
                        ids[n_ids++] = roots[i].subid;
                        at_top = FALSE;
                        break;
                }
        }
        if (n_ids == 0) {
                if (!parse_subid (cp, &ids[0]))
                        return oid_error (detail, TRUE, cp);
                n_ids = 1;
                /* A known root leaves the tree (it has no children here);
                 * another number stays at the top, and later errors say so. */
                at_top = ids[0] > 2;
        }
        cp = dot != NULL ? dot + 1 : NULL;

        /* The rest: numbers, or quoted strings as in 1.3.6."abc" */
        while (cp != NULL) {
                char *fcp = cp;
                char *next = NULL;

                if (g_ascii_isdigit (*cp)) {
                        dot = strchr (cp, '.');
                        if (dot != NULL) {
                                *dot = '\0';
                                next = dot + 1;
                        }
                        if (n_ids >= GSNMP_OID_MAX_LENGTH || !parse_subid (cp, &ids[n_ids]))
                                return oid_error (detail, at_top, fcp);
                        n_ids++;
                } else if (*cp == '"' || *cp == '\'') {
                        char quote = *cp++;
                        char *close = strchr (cp, quote);

                        if (*cp == '\0' || close == NULL)
                                return oid_error (detail, at_top, fcp);
                        if (quote == '"') {
                                if (n_ids >= GSNMP_OID_MAX_LENGTH)
                                        return oid_error (detail, at_top, fcp);
                                ids[n_ids++] = (guint32) (close - cp);
                        }
                        for (; cp < close; cp++) {
                                if (n_ids >= GSNMP_OID_MAX_LENGTH)
                                        return oid_error (detail, at_top, fcp);
                                ids[n_ids++] = (guchar) *cp;
                        }
                        if (close[1] == '.')
                                next = close + 2;
                        else if (close[1] != '\0')
                                return oid_error (detail, at_top, fcp);
                } else {
                        return oid_error (detail, at_top, fcp);
                }
                cp = next;
        }

        return gsnmp_oid_new (ids, n_ids);
}

/*****************************************************************************/
/* snmpset values */

/* The type letters of snmpset (Debian's 5.9.3 also takes n). */
gboolean
gsnmp_tool_is_set_type (char type)
{
        return type != '\0' && strchr ("=iu3taosxdbnUIFD", type) != NULL;
}

static GsnmpToolValueError
value_error (GsnmpToolValueError  kind,
             char               **detail,
             const char          *text)
{
        *detail = g_strdup (text);
        return kind;
}

/* tools.c:netsnmp_hex_to_binary() with " " as the delimiter */
static GByteArray *
parse_hex (const char *hex)
{
        g_autoptr(GByteArray) bytes = g_byte_array_new ();
        const char *cp = hex;

        if (cp[0] == '0' && (cp[1] == 'x' || cp[1] == 'X'))
                cp += 2;
        while (*cp != '\0') {
                guint8 byte;

                if (!g_ascii_isxdigit (cp[0]) || !g_ascii_isxdigit (cp[1])) {
                        if (*cp == ' ') {
                                cp++;
                                continue;
                        }
                        return NULL;
                }
                byte = (guint8) (g_ascii_xdigit_value (cp[0]) << 4 | g_ascii_xdigit_value (cp[1]));
                g_byte_array_append (bytes, &byte, 1);
                cp += 2;
        }
        return g_steal_pointer (&bytes);
}

/* tools.c:snmp_decimal_to_binary(): numbers 0-255 separated by spaces or dots */
static GByteArray *
parse_decimal (const char *decimal)
{
        g_autoptr(GByteArray) bytes = g_byte_array_new ();
        const char *cp = decimal;

        while (*cp != '\0') {
                guint value = 0;
                guint8 byte;

                if (g_ascii_isspace (*cp) || *cp == '.') {
                        cp++;
                        continue;
                }
                if (!g_ascii_isdigit (*cp))
                        return NULL;
                while (g_ascii_isdigit (*cp)) {
                        value = value * 10 + (guint) (*cp - '0');
                        if (value > 255)
                                return NULL;
                        cp++;
                }
                byte = (guint8) value;
                g_byte_array_append (bytes, &byte, 1);
        }
        return g_steal_pointer (&bytes);
}

/* The highest bit number "b" takes; Net-SNMP has no limit but memory. */
#define MAX_BIT_NUMBER (65535 * 8 - 1)

/* snmp_add_var() 'b': bit numbers separated by spaces, commas or tabs;
 * bit 0 is the most significant bit of the first octet. */
static GsnmpToolValueError
parse_bits (const char  *value,
            GByteArray **out,
            char       **detail)
{
        g_autoptr(GByteArray) bytes = g_byte_array_new ();
        g_auto(GStrv) tokens = g_strsplit_set (value, " ,\t", -1);
        char **t;

        for (t = tokens; *t != NULL; t++) {
                guint64 bit;
                char *end;

                if (**t == '\0')
                        continue;
                errno = 0;
                bit = g_ascii_strtoull (*t, &end, 0);
                if (*end != '\0')
                        return value_error (GSNMP_TOOL_VALUE_OUT_OF_RANGE, detail, *t);
                if (errno != 0 || bit > MAX_BIT_NUMBER || **t == '-')
                        return value_error (GSNMP_TOOL_VALUE_OUT_OF_RANGE, detail, *t);
                if (bytes->len <= bit / 8) {
                        guint old_len = bytes->len;

                        g_byte_array_set_size (bytes, (guint) (bit / 8 + 1));
                        memset (bytes->data + old_len, 0, bytes->len - old_len);
                }
                bytes->data[bit / 8] |= (guint8) (0x80 >> (bit % 8));
        }
        *out = g_steal_pointer (&bytes);
        return GSNMP_TOOL_VALUE_OK;
}

/* int64.c:read64(): an optional '-', then digits up to the first non-digit;
 * wraps modulo 2^64 as Net-SNMP does. */
static gboolean
read64 (const char *str,
        guint64    *value)
{
        gboolean negative = FALSE, ok = FALSE;
        guint64 v = 0;

        if (*str == '-') {
                negative = TRUE;
                str++;
        }
        while (g_ascii_isdigit (*str)) {
                ok = TRUE;
                v = v * 10 + (guint64) (*str - '0');
                str++;
        }
        *value = negative ? ~v + 1 : v;
        return ok;
}

/* Net-SNMP's opaque special types: an Opaque holding a BER item with the
 * tag 0x9f 0x7X (asn1.c:asn_build_float() and friends). */
static GsnmpVarbind *
new_opaque_special (GsnmpOid     *oid,
                    guint8        tag,
                    const guint8 *content,
                    gsize         length)
{
        guint8 buf[3 + 9];

        g_assert (length <= 9);
        buf[0] = 0x9f;
        buf[1] = tag;
        buf[2] = (guint8) length;
        memcpy (buf + 3, content, length);
        return gsnmp_varbind_new_opaque (oid, buf, length + 3);
}

/* The shortest two's complement (@is_signed) or unsigned big-endian form of
 * @value, as BER INTEGER contents. */
static gsize
encode_integer64 (guint64  value,
                  gboolean is_signed,
                  guint8   out[9])
{
        guint8 be[9];
        gsize start = 0, i;

        be[0] = (is_signed && (gint64) value < 0) ? 0xff : 0x00;
        for (i = 0; i < 8; i++)
                be[1 + i] = (guint8) (value >> (56 - 8 * i));
        /* drop redundant leading bytes */
        while (start < 8 &&
               ((be[start] == 0x00 && !(be[start + 1] & 0x80)) ||
                (be[start] == 0xff && (be[start + 1] & 0x80))))
                start++;
        memcpy (out, be + start, 9 - start);
        return 9 - start;
}

/* See the header: snmp_api.c:snmp_add_var() without MIB files. */
GsnmpToolValueError
gsnmp_tool_parse_set_value (GsnmpOid      *oid,
                            char           type,
                            const char    *value,
                            GsnmpVarbind **varbind,
                            char         **detail)
{
        *varbind = NULL;
        *detail = NULL;

        switch (type) {
        case 'i': {
                gint64 v;
                char *end;

                if (*value == '\0')
                        return value_error (GSNMP_TOOL_VALUE_BAD_NOTATION, detail, value);
                errno = 0;
                v = g_ascii_strtoll (value, &end, 10);
                if (*end != '\0' || errno != 0 || v < G_MININT32 || v > G_MAXINT32)
                        return value_error (GSNMP_TOOL_VALUE_OUT_OF_RANGE, detail, value);
                *varbind = gsnmp_varbind_new_integer (oid, (gint32) v);
                return GSNMP_TOOL_VALUE_OK;
        }

        case 'u':
        case 't': {
                guint64 v;
                char *end;

                /* strtoul(): a '-' negates modulo 2^64, then 32 bits are kept
                 * unless the number is larger than 0xffffffff */
                errno = 0;
                v = g_ascii_strtoull (value, &end, 10);
                if (*value == '\0' || *end != '\0')
                        return value_error (GSNMP_TOOL_VALUE_BAD_NOTATION, detail, value);
                if (errno != 0 || (gint64) v > (gint64) G_MAXUINT32)
                        return value_error (GSNMP_TOOL_VALUE_OUT_OF_RANGE, detail, value);
                if (type == 'u')
                        *varbind = gsnmp_varbind_new_gauge32 (oid, (guint32) v);
                else
                        *varbind = gsnmp_varbind_new_timeticks (oid, (guint32) v);
                return GSNMP_TOOL_VALUE_OK;
        }

        case 'a': {
                struct in_addr in;

                /* inet_addr(), which cannot tell 255.255.255.255 from an error */
                if (inet_aton (value, &in) == 0 ||
                    (in.s_addr == 0xffffffff && strcmp (value, "255.255.255.255") != 0))
                        return value_error (GSNMP_TOOL_VALUE_BAD_NOTATION, detail, value);
                *varbind = gsnmp_varbind_new_ip_address (oid, (const guint8 *) &in.s_addr);
                return GSNMP_TOOL_VALUE_OK;
        }

        case 'o': {
                g_autoptr(GsnmpOid) value_oid = gsnmp_tool_parse_oid (value, detail);

                if (value_oid == NULL)
                        return GSNMP_TOOL_VALUE_UNKNOWN_OID;
                *varbind = gsnmp_varbind_new_oid (oid, value_oid);
                return GSNMP_TOOL_VALUE_OK;
        }

        case 's':
                *varbind = gsnmp_varbind_new_octet_string (oid, (const guint8 *) value,
                                                           strlen (value));
                return GSNMP_TOOL_VALUE_OK;

        case 'x':
        case 'd': {
                g_autoptr(GByteArray) bytes = type == 'x' ? parse_hex (value) :
                                                            parse_decimal (value);

                if (bytes == NULL)
                        return value_error (GSNMP_TOOL_VALUE_BAD_NOTATION, detail, value);
                *varbind = gsnmp_varbind_new_octet_string (oid, bytes->data, bytes->len);
                return GSNMP_TOOL_VALUE_OK;
        }

        case 'b': {
                g_autoptr(GByteArray) bytes = NULL;
                GsnmpToolValueError res = parse_bits (value, &bytes, detail);

                if (res != GSNMP_TOOL_VALUE_OK)
                        return res;
                *varbind = gsnmp_varbind_new_octet_string (oid, bytes->data, bytes->len);
                return GSNMP_TOOL_VALUE_OK;
        }

        case 'n':
                *varbind = gsnmp_varbind_new_null (oid);
                return GSNMP_TOOL_VALUE_OK;

        case 'U':
        case 'I': {
                guint8 content[9];
                guint64 v;
                gsize len;

                if (!read64 (value, &v))
                        return value_error (GSNMP_TOOL_VALUE_BAD_NOTATION, detail, value);
                len = encode_integer64 (v, type == 'I', content);
                *varbind = new_opaque_special (oid, type == 'I' ? 0x7a : 0x7b, content, len);
                return GSNMP_TOOL_VALUE_OK;
        }

        case 'F':
        case 'D': {
                guint8 content[8];
                const char *start = value;
                char *end;
                double d;
                gsize i;

                /* sscanf ("%f"): leading white space, then a number */
                while (g_ascii_isspace (*start))
                        start++;
                d = g_ascii_strtod (start, &end);
                if (end == start)
                        return value_error (GSNMP_TOOL_VALUE_BAD_NOTATION, detail, value);
                if (type == 'F') {
                        union { float f; guint32 u; } fu;

                        fu.f = (float) d;
                        for (i = 0; i < 4; i++)
                                content[i] = (guint8) (fu.u >> (24 - 8 * i));
                        *varbind = new_opaque_special (oid, 0x78, content, 4);
                } else {
                        union { double d; guint64 u; } du;

                        du.d = d;
                        for (i = 0; i < 8; i++)
                                content[i] = (guint8) (du.u >> (56 - 8 * i));
                        *varbind = new_opaque_special (oid, 0x79, content, 8);
                }
                return GSNMP_TOOL_VALUE_OK;
        }

        case '3': /* UInteger32 (tag 0x47): obsolete, and gsnmp has no such type */
        case '=': /* "the MIB decides": no MIB files */
        default: {
                char text[4] = { '"', type, '"', '\0' };

                return value_error (GSNMP_TOOL_VALUE_BAD_TYPE, detail, text);
        }
        }
}

/* Takes "--NAME" or "--NAME=VALUE" (VALUE from the next argument when it
 * needs one); returns FALSE when @arg is not --NAME. */
gboolean
gsnmp_tool_take_long_option (char       **argv,
                             int          argc,
                             int         *i,
                             const char  *name,
                             gboolean     has_value,
                             const char **value)
{
        const char *arg = argv[*i];
        gsize len = strlen (name);

        if (strncmp (arg, "--", 2) != 0 || strncmp (arg + 2, name, len) != 0)
                return FALSE;
        if (!has_value)
                return arg[2 + len] == '\0';
        if (arg[2 + len] == '=') {
                *value = arg + 3 + len;
                return TRUE;
        }
        if (arg[2 + len] != '\0')
                return FALSE;
        *value = *i + 1 < argc ? argv[++*i] : NULL;
        return TRUE;
}

/*****************************************************************************/
/* MIB modules: -M, -m, MIBDIRS, MIBS */

static char *mib_dirs_option;
static char *mib_modules_option;
static GsnmpMib *tool_mib;
static char *input_prefix;      /* -IS */
static char *input_suffix;      /* -Is */
static gboolean input_random_access; /* -IR toggled */

/* See the header. */
void
gsnmp_tool_set_mib_options (const char *dirs,
                            const char *modules)
{
        if (dirs != NULL) {
                g_free (mib_dirs_option);
                mib_dirs_option = g_strdup (dirs);
        }
        if (modules != NULL) {
                g_free (mib_modules_option);
                mib_modules_option = g_strdup (modules);
        }
}

/* See the header. snmp_mib_toggle_options(): the letters Net-SNMP's -P
 * takes. gsnmp's parser has no switches: it always takes underscores (u)
 * and "--" ending a comment (c), keeps the descriptions (d), prints no
 * warnings (w, W) and no conflict errors (e), and names a node by the
 * module it takes the definition from (R); the letters are accepted and
 * change nothing. */
const char *
gsnmp_tool_parse_mib_parser_options (const char *arg)
{
        const char *p;

        for (p = arg; *p; p++) {
                if (strchr ("ucdewWR", *p) == NULL)
                        return p;
        }
        return NULL;
}

/* See the header. */
const char *
gsnmp_tool_parse_input_options (const char  *arg,
                                int          argc,
                                char       **argv,
                                int         *i)
{
        const char *p;

        for (p = arg; *p; p++) {
                switch (*p) {
                case 'R':
                        input_random_access = !input_random_access;
                        break;
                case 'b': /* regex look-up: gsnmp looks names up anywhere anyway */
                case 'r': /* index ranges are not checked */
                case 'h': /* display hints are not used to read indexes */
                case 'u': /* UCD-style OIDs */
                        break;
                case 's':
                case 'S': {
                        char **target = *p == 's' ? &input_suffix : &input_prefix;
                        const char *value = p + 1;

                        if (*value == '\0') {
                                /* Net-SNMP takes argv[optind++], whatever it is */
                                value = *i + 1 < argc ? argv[++*i] : "";
                        }
                        g_free (*target);
                        *target = g_strdup (value);
                        return NULL;
                }
                default:
                        return p;
                }
        }
        return NULL;
}

/* See the header. */
gboolean
gsnmp_tool_input_random_access (void)
{
        return input_random_access;
}

/* print_module_not_found(): the search path once, then each module that is
 * not there (not twice in a row). */
static void
print_module_not_found (GsnmpMib   *mib,
                        const char *name)
{
        static gboolean path_printed;
        static char *last_missing;

        if (!path_printed) {
                g_auto(GStrv) dirs = gsnmp_mib_get_directories (mib);
                g_autofree char *path = g_strjoinv (G_SEARCHPATH_SEPARATOR_S, dirs);

                fprintf (stderr, _("MIB search path: %s\n"), path);
                path_printed = TRUE;
        }
        if (last_missing == NULL || strcmp (last_missing, name) != 0)
                fprintf (stderr, _("Cannot find module (%s): At line 1 in (none)\n"), name);
        g_free (last_missing);
        last_missing = g_strdup (name);
}

/* Loads the modules of @list ("A:B", "ALL") as netsnmp_init_mib() does:
 * a module that is not in the search path is reported and skipped, one
 * with errors loads what it can, quietly. */
static void
load_list (GsnmpMib   *mib,
           const char *list)
{
        g_auto(GStrv) names = g_strsplit (list, ":", -1);
        guint i;

        for (i = 0; names[i] != NULL; i++) {
                g_autoptr(GError) error = NULL;

                if (names[i][0] == '\0')
                        continue;
                if (g_ascii_strcasecmp (names[i], "ALL") == 0) {
                        if (!gsnmp_mib_load_all (mib, &error))
                                g_debug ("MIB modules: %s", error->message);
                        continue;
                }
                if (gsnmp_mib_load_module (mib, names[i], &error))
                        continue;
                if (g_error_matches (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_MODULE_NOT_FOUND))
                        print_module_not_found (mib, names[i]);
                else
                        g_debug ("MIB module %s: %s", names[i], error->message);
        }
}

/* gsnmp's default list of modules, where Net-SNMP has its DEFAULT_MIBS:
 * the modules gsnmp bundles. With the default search path (the bundled
 * folder alone) that is every module of the path; with other folders,
 * those of the bundled modules the folders hold, quietly. */
static void
load_default (GsnmpMib *mib,
              gboolean  default_path)
{
        g_autofree char *bundled = NULL;
        g_autoptr(GDir) dir = NULL;
        g_autoptr(GString) list = g_string_new (NULL);
        const char *file;

        if (!default_path) {
                bundled = gsnmp_mib_get_bundled_directory ();
                dir = g_dir_open (bundled, 0, NULL);
        }
        if (dir == NULL) {
                /* the bundled folder is the path (or is not there) */
                g_autoptr(GError) error = NULL;

                if (!gsnmp_mib_load_all (mib, &error))
                        g_debug ("MIB modules: %s", error->message);
                return;
        }
        /* in one call: the store updates its MIB cache once */
        while ((file = g_dir_read_name (dir)) != NULL) {
                if (!g_str_has_suffix (file, ".txt"))
                        continue;
                if (list->len > 0)
                        g_string_append_c (list, ':');
                g_string_append_len (list, file, (gssize) strlen (file) - 4);
        }
        if (list->len > 0)
                gsnmp_mib_load_modules (mib, list->str, NULL);
}

/* See the header. The search path is -M, else MIBDIRS, else the bundled
 * modules ('+' adds to it, as in Net-SNMP). The modules are -m, else MIBS,
 * else gsnmp's default list (load_default()); "+LIST" is the default list
 * and then LIST, "-LIST" LIST and then the default list, as Net-SNMP reads
 * MIBS. */
GsnmpMib *
gsnmp_tool_get_mib (void)
{
        const char *dirs, *modules;

        if (tool_mib != NULL)
                return tool_mib;

        tool_mib = gsnmp_mib_new ();
        dirs = mib_dirs_option != NULL ? mib_dirs_option : g_getenv ("MIBDIRS");
        if (dirs != NULL)
                gsnmp_mib_set_search_path (tool_mib, dirs);
        modules = mib_modules_option != NULL ? mib_modules_option : g_getenv ("MIBS");
        if (modules == NULL) {
                load_default (tool_mib, dirs == NULL);
        } else if (modules[0] == '+') {
                load_default (tool_mib, dirs == NULL);
                load_list (tool_mib, modules + 1);
        } else if (modules[0] == '-') {
                load_list (tool_mib, modules + 1);
                load_default (tool_mib, dirs == NULL);
        } else {
                load_list (tool_mib, modules);
        }
        return tool_mib;
}

/* See the header. Names and numbers as Net-SNMP's snmp_parse_oid() takes
 * them, with the loaded modules; the error details of read_objid() when
 * nothing matches. */
GsnmpOid *
gsnmp_tool_parse_oid (const char  *str,
                      char       **detail)
{
        g_autofree char *affixed = NULL;
        g_autoptr(GError) error = NULL;
        const char *module_end;
        GsnmpOid *oid;

        *detail = NULL;
        if ((input_prefix != NULL && *input_prefix) || (input_suffix != NULL && *input_suffix)) {
                /* snmp_parse_oid(): -IS PREFIX and -Is SUFFIX */
                const char *suffix = input_suffix != NULL ? input_suffix : "";

                affixed = g_strdup_printf ("%s%s%s%s", input_prefix != NULL ? input_prefix : "", str,
                                           suffix[0] == '.' || suffix[0] == '\0' ? "" : ".", suffix);
                str = affixed;
        }
        oid = gsnmp_mib_parse_oid (gsnmp_tool_get_mib (), str, &error);
        if (oid != NULL)
                return oid;
        module_end = str;
        while (g_ascii_isalnum (*module_end) || *module_end == '-')
                module_end++;
        if (*module_end == ':' && module_end > str) {
                /* get_node() reads the module first, and says when it is missing */
                g_autofree char *module = g_strndup (str, module_end - str);
                g_autoptr(GError) load_error = NULL;

                if (!gsnmp_mib_load_module (gsnmp_tool_get_mib (), module, &load_error) &&
                    g_error_matches (load_error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_MODULE_NOT_FOUND))
                        print_module_not_found (gsnmp_tool_get_mib (), module);
        }
        if (gsnmp_tool_mib_is_empty ())
                return parse_oid_without_mib (str, detail);
        /* the library's message is "STR: DETAIL" when it has a detail */
        if (g_str_has_prefix (error->message, str) &&
            strncmp (error->message + strlen (str), ": ", 2) == 0)
                *detail = g_strdup (error->message + strlen (str) + 2);
        return NULL;
}

/* See the header. */
gboolean
gsnmp_tool_mib_is_empty (void)
{
        static int empty = -1;

        if (empty < 0) {
                g_auto(GStrv) modules = gsnmp_mib_get_modules (gsnmp_tool_get_mib ());

                empty = modules[0] == NULL;
        }
        return empty;
}

/*****************************************************************************/
/* Shared messages and waiting */

/* See the header. */
void
gsnmp_tool_print_unknown_oid (const char *name,
                              const char *detail)
{
        if (detail != NULL)
                fprintf (stderr, _("%s: Unknown Object Identifier (%s)\n"), name, detail);
        else
                fprintf (stderr, _("%s: Unknown Object Identifier\n"), name);
}

/* The text of snmp_add_var()'s errors. */
static const char *
value_error_message (GsnmpToolValueError kind)
{
        switch (kind) {
        case GSNMP_TOOL_VALUE_BAD_NOTATION:
                return _("Bad value notation");
        case GSNMP_TOOL_VALUE_OUT_OF_RANGE:
                return _("Value out of range");
        case GSNMP_TOOL_VALUE_UNKNOWN_OID:
                return _("Unknown Object Identifier");
        case GSNMP_TOOL_VALUE_BAD_TYPE:
                return _("Bad variable type");
        case GSNMP_TOOL_VALUE_OK:
        default:
                return "";
        }
}

/* See the header. */
void
gsnmp_tool_print_value_error (const char          *name,
                              GsnmpToolValueError  kind,
                              const char          *detail)
{
        if (detail != NULL)
                fprintf (stderr, "%s: %s (%s)\n", name, value_error_message (kind), detail);
        else
                fprintf (stderr, "%s: %s\n", name, value_error_message (kind));
}

/* See the header. */
void
gsnmp_tool_wait_callback (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
        GsnmpToolWait *wait = user_data;

        wait->result = g_object_ref (result);
}

/* See the header. */
GAsyncResult *
gsnmp_tool_wait (GsnmpToolWait *wait)
{
        while (wait->result == NULL)
                g_main_context_iteration (NULL, TRUE);
        return g_steal_pointer (&wait->result);
}
