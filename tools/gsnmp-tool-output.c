/* gsnmp-tool-output.c - Net-SNMP's output and error messages for gsnmp
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Everything here prints with stdio, byte for byte what Net-SNMP 5.9's
 * snmpget, snmpgetnext, snmpbulkget and snmpset print: varbinds on stdout,
 * errors on stderr. (g_print() and g_printerr() would convert to the locale
 * charset, which mangles octet strings printed as they came.)
 */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "gsnmp-tool-output.h"

GsnmpFormatFlags gsnmp_tool_output_oid_format;

/* Prints one varbind and a newline, as print_variable() does. */
void
gsnmp_tool_print_varbind (GsnmpVarbind     *varbind,
                          GsnmpFormatFlags  flags)
{
        g_autofree char *text = gsnmp_mib_format_varbind (gsnmp_tool_get_mib (), varbind, flags);

        fputs (text, stdout);
        fputc ('\n', stdout);
}

/* Prints every varbind of @pdu. */
void
gsnmp_tool_print_varbinds (GsnmpPdu         *pdu,
                           GsnmpFormatFlags  flags)
{
        guint i, n = gsnmp_pdu_get_n_varbinds (pdu);

        for (i = 0; i < n; i++)
                gsnmp_tool_print_varbind (gsnmp_pdu_get_varbind (pdu, i), flags);
}

/* snmp_client.c:snmp_errstring(), typos included: scripts match on these. */
static const char * const error_status_strings[] = {
        N_("(noError) No Error"),
        N_("(tooBig) Response message would have been too large."),
        N_("(noSuchName) There is no such variable name in this MIB."),
        N_("(badValue) The value given has the wrong type or length."),
        N_("(readOnly) The two parties used do not have access to use the specified SNMP PDU."),
        N_("(genError) A general failure occured"),
        N_("noAccess"),
        N_("wrongType (The set datatype does not match the data type the agent expects)"),
        N_("wrongLength (The set value has an illegal length from what the agent expects)"),
        N_("wrongEncoding"),
        N_("wrongValue (The set value is illegal or unsupported in some way)"),
        N_("noCreation (That table does not support row creation or that object can not ever be created)"),
        N_("inconsistentValue (The set value is illegal or unsupported in some way)"),
        N_("resourceUnavailable (This is likely a out-of-memory failure within the agent)"),
        N_("commitFailed"),
        N_("undoFailed"),
        N_("authorizationError (access denied to that object)"),
        N_("notWritable (That object does not support modification)"),
        N_("inconsistentName (That object can not currently be created)"),
};

/* The text snmpget prints after "Reason: " for an error-status. */
const char *
gsnmp_tool_error_status_string (guint error_status)
{
        if (error_status >= G_N_ELEMENTS (error_status_strings))
                return _("Unknown Error");
        return _(error_status_strings[error_status]);
}

/* "Error in packet[.]", "Reason: …" and, if the error-index is not 0,
 * "Failed object: OID" and an empty line (only the newline when the index
 * is past the varbinds), as the
 * apps print a response whose error-status is not 0. snmpget prints the
 * first line without the period, the other tools with it. */
void
gsnmp_tool_print_packet_error (GsnmpPdu *response,
                               gboolean  with_period)
{
        guint error_status = gsnmp_pdu_get_error_status (response);
        guint error_index = gsnmp_pdu_get_error_index (response);

        fprintf (stderr, "%s\n", with_period ? _("Error in packet.") : _("Error in packet"));
        fprintf (stderr, _("Reason: %s\n"), gsnmp_tool_error_status_string (error_status));
        if (error_index != 0) {
                fputs (_("Failed object: "), stderr);
                if (error_index <= gsnmp_pdu_get_n_varbinds (response)) {
                        GsnmpVarbind *vb = gsnmp_pdu_get_varbind (response, error_index - 1);
                        g_autofree char *name = gsnmp_mib_format_oid (gsnmp_tool_get_mib (),
                                                                      gsnmp_varbind_get_oid (vb),
                                                                      gsnmp_tool_output_oid_format);

                        /* fprint_objid() ends the OID with a newline */
                        fprintf (stderr, "%s\n", name);
                }
                fputc ('\n', stderr);
        }
}

/* snmp_api.c's api_errors[] for the reports of RFC 3414 and RFC 3413 */
static const char *
report_error_string (const GError *error)
{
        if (error->domain != GSNMP_ERROR)
                return NULL;
        switch (error->code) {
        case GSNMP_ERROR_UNKNOWN_ENGINE_ID:
                return _("Unknown engine ID");
        case GSNMP_ERROR_NOT_IN_TIME_WINDOW:
                return _("Not in time window");
        case GSNMP_ERROR_UNKNOWN_USER_NAME:
                return _("Unknown user name");
        case GSNMP_ERROR_WRONG_DIGEST:
                return _("Authentication failure (incorrect password, community or key)");
        case GSNMP_ERROR_DECRYPTION_ERROR:
                return _("Decryption error");
        case GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL:
                return _("Unsupported security level");
        case GSNMP_ERROR_UNKNOWN_CONTEXT:
        case GSNMP_ERROR_UNAVAILABLE_CONTEXT:
                return _("Bad context specified");
        default:
                return NULL;
        }
}

/* Reports a request that got no usable response; returns the exit status.
 * snmpget and snmpgetnext end the timeout message with a period,
 * snmpbulkget and snmpset do not. With SNMPv3, Net-SNMP discovers the
 * agent's engine before its first request (unless -e named it), and says
 * only "Timeout" when that fails; the reports of the agent read as
 * snmp_sess_perror() prints them. */
int
gsnmp_tool_print_request_error (const GsnmpToolOptions *options,
                                const GError           *error,
                                gboolean                timeout_period)
{
        const char *report;

        if (g_error_matches (error, GSNMP_ERROR, GSNMP_ERROR_DISCOVERY_FAILED) &&
            options->security_engine_id == NULL) {
                gsnmp_tool_print_error (options->prgname, _("Timeout"));
        } else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
                   g_error_matches (error, GSNMP_ERROR, GSNMP_ERROR_DISCOVERY_FAILED)) {
                /* with -e Net-SNMP does not probe: the request itself timed out */
                fprintf (stderr,
                         timeout_period ? _("Timeout: No Response from %s.\n") :
                                          _("Timeout: No Response from %s\n"),
                         options->agent);
                /* Net-SNMP says only "Timeout" here; an agent sends no
                 * report when it cannot decrypt (RFC 3414 §3.2 step 8) */
                if (options->version == GSNMP_PROTOCOL_VERSION_V3 &&
                    options->security_level == GSNMP_SECURITY_LEVEL_AUTH_PRIV)
                        fprintf (stderr, _("Hint: with authPriv, a wrong privacy pass phrase (-X) "
                                           "or protocol (-x) also ends in a timeout: agents send "
                                           "no report on a decryption error.\n"));
        } else if (error->domain == G_RESOLVER_ERROR) {
                /* snmp_sess_perror() after a failed host lookup */
                gsnmp_tool_print_error (options->prgname, _("Unknown host (%s)"), options->agent);
        } else if ((report = report_error_string (error)) != NULL) {
                gsnmp_tool_print_error (options->prgname, "%s", report);
        } else {
                gsnmp_tool_print_error (options->prgname, "%s", error->message);
        }
        return GSNMP_TOOL_EXIT_FAILURE;
}

/* "PRGNAME: message\n" on stderr, as snmp_perror() prints. */
void
gsnmp_tool_print_error (const char *prgname,
                        const char *format,
                        ...)
{
        va_list args;

        fprintf (stderr, "%s: ", prgname);
        va_start (args, format);
        vfprintf (stderr, format, args);
        va_end (args);
        fputc ('\n', stderr);
}

static const char *
command_synopsis (const GsnmpToolCommand *command)
{
        return _(command->args_synopsis);
}

/* After a usage error: Net-SNMP prints its whole help here; gsnmp prints
 * the synopsis and where to find the rest. */
void
gsnmp_tool_print_usage_hint (const char             *prgname,
                             const GsnmpToolCommand *command)
{
        if (command != NULL) {
                fprintf (stderr, _("USAGE: %s %s [OPTIONS] AGENT %s\n"),
                         prgname, command->name, command_synopsis (command));
                fprintf (stderr, _("Run “%s %s --help” for the list of options.\n"),
                         prgname, command->name);
        } else {
                fprintf (stderr, _("USAGE: %s COMMAND [OPTIONS] AGENT ARGUMENTS...\n"), prgname);
                fprintf (stderr, _("Run “%s --help” for the list of commands.\n"), prgname);
        }
}

/* --help of a subcommand: documents every option it accepts. */
void
gsnmp_tool_print_command_help (const char             *prgname,
                               const GsnmpToolCommand *command)
{
        printf (_("Usage: %s %s [OPTIONS] AGENT %s\n"), prgname, command->name,
                command_synopsis (command));
        printf ("\n%s\n", _(command->summary));
        printf (_("It takes the options of Net-SNMP’s %s and prints the same output.\n"),
                command->net_snmp_name);
        printf ("\n");
        printf (_("Options:\n"));
        printf (_("  -h, --help            display this help message\n"));
        printf (_("  -V, --version         display the version number\n"));
        printf (_("  -v 1|2c|3             the SNMP version to use (default: 3, as Net-SNMP;\n"
                  "                        SNMPv3 needs a user name)\n"));
        printf (_("  -c COMMUNITY          the community string (SNMPv1 and SNMPv2c)\n"));
        printf (_("  -u USER-NAME          the SNMPv3 user (security name)\n"));
        printf (_("  -l LEVEL              the SNMPv3 security level: noAuthNoPriv (default),\n"
                  "                        authNoPriv or authPriv (also 1, 2, 3, nanp, anp, ap)\n"));
        printf (_("  -a PROTOCOL           the authentication protocol: MD5 (default), SHA,\n"
                  "                        SHA-224, SHA-256, SHA-384 or SHA-512\n"));
        printf (_("  -A PASSPHRASE         the authentication pass phrase (8 characters or more)\n"));
        printf (_("  -x PROTOCOL           the privacy protocol: DES (default), AES, AES-192,\n"
                  "                        AES-256, AES-192-C or AES-256-C (Cisco’s key extension)\n"));
        printf (_("  -X PASSPHRASE         the privacy pass phrase (8 characters or more)\n"));
        printf (_("  -e ENGINE-ID          the agent’s engine ID, in hexadecimal; gsnmp discovers\n"
                  "                        it all the same, and takes -e as the context engine ID\n"
                  "                        when -E is not given\n"));
        printf (_("  -E ENGINE-ID          the context engine ID, in hexadecimal\n"));
        printf (_("  -n CONTEXT            the context name (default: empty)\n"));
        printf (_("  -r RETRIES            the number of retries (default: 5)\n"));
        printf (_("  -t TIMEOUT            the request timeout in seconds, such as 1 or 0.5\n"
                  "                        (default: 1)\n"));
        printf (_("  -O OUTOPTS            toggle output options:\n"
                  "                          a:  print all strings in ascii format\n"
                  "                          b:  do not break OID indexes down\n"
                  "                          e:  print enums numerically\n"
                  "                          E:  escape quotes in string indices\n"
                  "                          f:  print full OIDs on output\n"
                  "                          n:  print OIDs numerically\n"
                  "                          q:  quick print for easier parsing\n"
                  "                          Q:  quick print with equal-signs\n"
                  "                          s:  print only last symbolic element of OID\n"
                  "                          S:  print MIB module-id plus last element (default)\n"
                  "                          t:  print timeticks unparsed as numeric integers\n"
                  "                          u:  print OIDs using UCD-style prefix suppression\n"
                  "                          U:  don't print units\n"
                  "                          v:  print values only (not OID = value)\n"
                  "                          x:  print all strings in hex format\n"
                  "                          X:  extended index format\n"
                  "                          0:  print leading 0 for single-digit hex characters\n"));
        printf (_("  -M DIRS               the folders of the MIB modules (default: MIBDIRS, or\n"
                  "                        the modules gsnmp bundles; +DIRS adds to them)\n"));
        printf (_("  -m MODULES            the MIB modules to load, separated by “:”, or ALL\n"
                  "                        (default: MIBS, or ALL; +MODULES adds to ALL)\n"));
        if (command->app_options_help != NULL) {
                printf (_("  -C APPOPTS            application specific behaviours:\n"));
                printf ("%s", _(command->app_options_help));
        }
        printf ("\n");
        printf (_("AGENT is [udp:|udp6:]HOST[:PORT], [IPV6-ADDRESS]:PORT or\n"
                  "snmp://[COMMUNITY@]HOST[:PORT]; the default port is 161.\n"));
        printf (_("OIDs are names or numbers: sysName.0, SNMPv2-MIB::sysName.0,\n"
                  "IF-MIB::ifDescr.3, iso.3.6.1.2.1.1.5.0 or .1.3.6.1.2.1.1.5.0. gsnmp bundles\n"
                  "the IETF and IANA MIB modules; with several modules defining an object\n"
                  "(RFC1213-MIB and IF-MIB), the SMIv2 module names it.\n"));
        printf (_("Options may also follow the agent and the OIDs, except for set.\n"));
        printf (_("The defaults are Net-SNMP’s built-in ones: gsnmp reads no snmp.conf.\n"
                  "-Z is not supported: gsnmp discovers the agent’s engine boots and time.\n"));
        printf (_("Exit status: 0 on success, 1 on usage, parse, timeout or network errors,\n"
                  "2 when the agent answered with an error status.\n"));
}

/* -V, --version */
void
gsnmp_tool_print_version (const char *prgname)
{
        printf (_("%s version: %s\n"), prgname, PACKAGE_VERSION);
}
