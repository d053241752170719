/* gsnmp-tool.c - the gsnmp command-line tool: Net-SNMP's flags and output
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * "gsnmp get" does what snmpget does, "gsnmp getnext" snmpgetnext,
 * "gsnmp bulkget" snmpbulkget and "gsnmp set" snmpset: the same options,
 * the same output on stdout, the same messages on stderr and the same exit
 * statuses (see gsnmp-tool-options.c and gsnmp-tool-output.c).
 *
 * Adding a subcommand: write a GsnmpToolRunFunc, add it to commands[]
 * below; gsnmp_tool_options_parse() has by then parsed the common options
 * and the agent, and gsnmp_tool_options_new_target() gives the target. A
 * subcommand with options of its own (listen) gives a GsnmpToolMainFunc
 * instead, which gets the command line from its name on.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include <gsnmp/gsnmp.h>

#include "gsnmp-tool-options.h"
#include "gsnmp-tool-output.h"
#include "gsnmp-tool-translate.h"

/* Subcommands that live in their own files */
#include "gsnmp-tool-walk.h"
#include "gsnmp-tool-notify.h"
#include "gsnmp-tool-agent.h"

/*****************************************************************************/
/* Running one request on a main loop */

typedef struct {
        GsnmpToolOptions *options;
        GsnmpEngine      *engine;
        GsnmpTarget      *target;
        GsnmpTarget      *discovery_target; /* SNMPv3, until the first request */
} ToolSession;

#define TOOL_SESSION_INIT { NULL, NULL, NULL, NULL }

static void
tool_session_clear (ToolSession *session)
{
        g_clear_object (&session->target);
        g_clear_object (&session->discovery_target);
        g_clear_object (&session->engine);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ToolSession, tool_session_clear)

/* Net-SNMP's snmp_open(): an engine, and the target from the options. An
 * SNMPv3 target waits for tool_session_discover() and
 * tool_session_prepare(), where Net-SNMP makes its SNMPv3 checks. */
static gboolean
tool_session_open (ToolSession      *session,
                   GsnmpToolOptions *options,
                   int              *exit_status)
{
        g_autoptr(GError) error = NULL;

        session->options = options;
        if (options->version == GSNMP_PROTOCOL_VERSION_V3)
                session->discovery_target = gsnmp_tool_options_new_discovery_target (options,
                                                                                     exit_status);
        else
                session->target = gsnmp_tool_options_new_target (options, exit_status);
        if (session->target == NULL && session->discovery_target == NULL)
                return FALSE;
        session->engine = gsnmp_engine_new (&error);
        if (session->engine == NULL) {
                gsnmp_tool_print_error (options->prgname, "%s", error->message);
                *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                return FALSE;
        }
        return TRUE;
}

/* SNMPv3, when the first request is about to go: Net-SNMP's delayed
 * engine ID probe and its check of the user name. */
static gboolean
tool_session_discover (ToolSession *session,
                       int         *exit_status)
{
        if (session->discovery_target == NULL)
                return TRUE;
        if (!gsnmp_tool_discover_engine (session->options, session->engine,
                                         session->discovery_target, exit_status))
                return FALSE;
        g_clear_object (&session->discovery_target);
        return gsnmp_tool_options_check_user_name (session->options, exit_status);
}

/* Then, once the PDU is built: the SNMPv3 target, after Net-SNMP's checks
 * of the security level. */
static gboolean
tool_session_prepare (ToolSession *session,
                      int         *exit_status)
{
        if (!tool_session_discover (session, exit_status))
                return FALSE;
        if (session->target == NULL)
                session->target = gsnmp_tool_options_new_target (session->options, exit_status);
        return session->target != NULL;
}

/* Sends one request of @type (GET, GETNEXT, GETBULK with @oids; SET with
 * @varbinds) and runs the main loop until it completes. */
static GsnmpPdu *
tool_session_request (ToolSession   *session,
                      GsnmpPduType   type,
                      GPtrArray     *items,
                      GError       **error)
{
        GsnmpToolOptions *options = session->options;
        GsnmpToolWait wait = GSNMP_TOOL_WAIT_INIT;
        g_autoptr(GAsyncResult) result = NULL;
        GsnmpPdu *response = NULL;

        switch (type) {
        case GSNMP_PDU_TYPE_GET:
                gsnmp_engine_get_async (session->engine, session->target,
                                        (GsnmpOid * const *) items->pdata, items->len,
                                        NULL, gsnmp_tool_wait_callback, &wait);
                break;
        case GSNMP_PDU_TYPE_GET_NEXT:
                gsnmp_engine_get_next_async (session->engine, session->target,
                                             (GsnmpOid * const *) items->pdata, items->len,
                                             NULL, gsnmp_tool_wait_callback, &wait);
                break;
        case GSNMP_PDU_TYPE_GET_BULK:
                gsnmp_engine_get_bulk_async (session->engine, session->target,
                                             (guint) options->non_repeaters,
                                             (guint) options->max_repetitions,
                                             (GsnmpOid * const *) items->pdata, items->len,
                                             NULL, gsnmp_tool_wait_callback, &wait);
                break;
        case GSNMP_PDU_TYPE_SET:
                gsnmp_engine_set_async (session->engine, session->target,
                                        (GsnmpVarbind * const *) items->pdata, items->len,
                                        NULL, gsnmp_tool_wait_callback, &wait);
                break;
        default:
                g_assert_not_reached ();
        }

        result = gsnmp_tool_wait (&wait);

        switch (type) {
        case GSNMP_PDU_TYPE_GET:
                response = gsnmp_engine_get_finish (session->engine, result, error);
                break;
        case GSNMP_PDU_TYPE_GET_NEXT:
                response = gsnmp_engine_get_next_finish (session->engine, result, error);
                break;
        case GSNMP_PDU_TYPE_GET_BULK:
                response = gsnmp_engine_get_bulk_finish (session->engine, result, error);
                break;
        case GSNMP_PDU_TYPE_SET:
                response = gsnmp_engine_set_finish (session->engine, result, error);
                break;
        default:
                g_assert_not_reached ();
        }

        return response;
}

/*****************************************************************************/
/* Shared checks */

static int
usage_failure (GsnmpToolOptions *options)
{
        gsnmp_tool_print_usage_hint (options->prgname, options->command);
        return GSNMP_TOOL_EXIT_FAILURE;
}

/* Net-SNMP encodes the first two sub-identifiers as one (X.690 §8.19.4) and
 * fails to build a message with an OID that starts above 2. */
static gboolean
oid_is_encodable (GsnmpOid *oid)
{
        return gsnmp_oid_get_length (oid) == 0 || gsnmp_oid_get_id (oid, 0) <= 2;
}

static int
print_build_failure (GsnmpToolOptions *options,
                     const char       *detail)
{
        fprintf (stderr, "snmp_build: unknown failure\n");
        gsnmp_tool_print_error (options->prgname,
                                _("Error building ASN.1 representation (%s)"), detail);
        return GSNMP_TOOL_EXIT_FAILURE;
}

/* -Cf for get and getnext */
static gboolean
app_option_fix (GsnmpToolOptions *options,
                const char       *arg,
                int              *exit_status)
{
        const char *p;

        for (p = arg; *p; p++) {
                if (*p == 'f') {
                        options->dont_fix_pdus = !options->dont_fix_pdus;
                } else {
                        fprintf (stderr, _("Unknown flag passed to -C: %c\n"), *p);
                        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                        return FALSE;
                }
        }
        return TRUE;
}

/*****************************************************************************/
/* get, getnext */

/* snmpget.c and snmpgetnext.c: on an error-status, print it, drop the
 * failed varbind and ask again for the rest (unless -Cf). */
static int
run_get_common (GsnmpToolOptions *options,
                GsnmpPduType      type)
{
        g_auto(ToolSession) session = TOOL_SESSION_INIT;
        g_autoptr(GPtrArray) oids = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        GsnmpFormatFlags format = gsnmp_tool_options_get_format (options);
        gboolean is_get = type == GSNMP_PDU_TYPE_GET;
        int exit_status = GSNMP_TOOL_EXIT_FAILURE;
        int failures = 0;
        int i;

        if (options->n_operands == 0) {
                fprintf (stderr, _("Missing object name\n"));
                return usage_failure (options);
        }
        if (options->n_operands > GSNMP_TOOL_MAX_CMDLINE_OIDS) {
                fprintf (stderr, _("Too many object identifiers specified. "));
                fprintf (stderr, _("Only %d allowed in one request.\n"), GSNMP_TOOL_MAX_CMDLINE_OIDS);
                return usage_failure (options);
        }

        if (!tool_session_open (&session, options, &exit_status))
                return exit_status;

        for (i = 0; i < options->n_operands; i++) {
                g_autofree char *detail = NULL;
                GsnmpOid *oid = gsnmp_tool_parse_oid (options->operands[i], &detail);

                if (oid == NULL) {
                        gsnmp_tool_print_unknown_oid (options->operands[i], detail);
                        failures++;
                } else {
                        g_ptr_array_add (oids, oid);
                }
        }
        if (failures > 0)
                return GSNMP_TOOL_EXIT_FAILURE;
        if (!tool_session_discover (&session, &exit_status))
                return exit_status;
        for (i = 0; i < (int) oids->len; i++) {
                if (!oid_is_encodable (g_ptr_array_index (oids, i)))
                        return print_build_failure (options, _("Can't build OID for variable"));
        }
        if (!tool_session_prepare (&session, &exit_status))
                return exit_status;

        exit_status = GSNMP_TOOL_EXIT_OK;
        for (;;) {
                g_autoptr(GError) error = NULL;
                g_autoptr(GsnmpPdu) response = NULL;
                guint error_index, n_varbinds, j;

                response = tool_session_request (&session, type, oids, &error);
                if (response == NULL)
                        return gsnmp_tool_print_request_error (options, error, TRUE);

                if (gsnmp_pdu_get_error_status (response) == 0) {
                        gsnmp_tool_print_varbinds (response, format);
                        break;
                }

                gsnmp_tool_print_packet_error (response, !is_get);
                error_index = gsnmp_pdu_get_error_index (response);
                if (is_get || error_index != 0)
                        exit_status = GSNMP_TOOL_EXIT_PACKET_ERROR;

                /* snmp_client.c:snmp_fix_pdu() */
                n_varbinds = gsnmp_pdu_get_n_varbinds (response);
                if (options->dont_fix_pdus || error_index == 0 || error_index > n_varbinds)
                        break;
                g_ptr_array_set_size (oids, 0);
                for (j = 0; j < n_varbinds; j++) {
                        if (j + 1 == error_index)
                                continue;
                        g_ptr_array_add (oids, gsnmp_oid_ref (
                                gsnmp_varbind_get_oid (gsnmp_pdu_get_varbind (response, j))));
                }
                if (oids->len == 0)
                        break;
        }

        return exit_status;
}

static int
run_get (GsnmpToolOptions *options)
{
        return run_get_common (options, GSNMP_PDU_TYPE_GET);
}

static int
run_getnext (GsnmpToolOptions *options)
{
        return run_get_common (options, GSNMP_PDU_TYPE_GET_NEXT);
}

/*****************************************************************************/
/* bulkget */

/* -Cn<N> and -Cr<N>: strtol (…, 0), as snmpbulkget.c:optProc() */
static gboolean
app_option_bulk (GsnmpToolOptions *options,
                 const char       *arg,
                 int              *exit_status)
{
        const char *p = arg;

        while (*p) {
                char letter = *p++;
                gint64 value;
                char *end;

                if (letter != 'n' && letter != 'r') {
                        fprintf (stderr, _("Unknown flag passed to -C: %c\n"), letter);
                        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                        return FALSE;
                }
                value = g_ascii_strtoll (p, &end, 0);
                if (end == p) {
                        /* no number: snmpbulkget prints only its usage */
                        gsnmp_tool_print_usage_hint (options->prgname, options->command);
                        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                        return FALSE;
                }
                value = CLAMP (value, G_MININT32, G_MAXINT32);
                if (letter == 'r')
                        options->max_repetitions = (long) value;
                else
                        options->non_repeaters = (long) value;
                p = end;
                if (g_ascii_isspace (*p))
                        return TRUE;
        }
        return TRUE;
}

static int
run_bulkget (GsnmpToolOptions *options)
{
        g_auto(ToolSession) session = TOOL_SESSION_INIT;
        g_autoptr(GPtrArray) oids = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        g_autoptr(GsnmpPdu) response = NULL;
        g_autoptr(GError) error = NULL;
        int exit_status = GSNMP_TOOL_EXIT_FAILURE;
        int i;

        if (options->n_operands < options->non_repeaters) {
                gsnmp_tool_print_error (options->prgname, _("need more objects than <nonrep>"));
                return GSNMP_TOOL_EXIT_FAILURE;
        }

        /* snmpbulkget parses the OIDs before it opens the session and stops
         * at the first bad one */
        for (i = 0; i < options->n_operands; i++) {
                g_autofree char *detail = NULL;
                GsnmpOid *oid = gsnmp_tool_parse_oid (options->operands[i], &detail);

                if (oid == NULL) {
                        gsnmp_tool_print_unknown_oid (options->operands[i], detail);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                g_ptr_array_add (oids, oid);
        }

        if (!tool_session_open (&session, options, &exit_status))
                return exit_status;

        if (options->version == GSNMP_PROTOCOL_VERSION_V1) {
                gsnmp_tool_print_error (options->prgname, _("Cannot send V2 PDU on V1 session"));
                return GSNMP_TOOL_EXIT_FAILURE;
        }
        /* SNMPv3: the engine ID probe comes first, then snmpv3_build() */
        if (options->version == GSNMP_PROTOCOL_VERSION_V3 &&
            session.discovery_target != NULL &&
            !gsnmp_tool_discover_engine (options, session.engine, session.discovery_target,
                                         &exit_status))
                return exit_status;
        if (options->max_repetitions < 0) {
                gsnmp_tool_print_error (options->prgname, _("Bad value for max-repetitions"));
                return GSNMP_TOOL_EXIT_FAILURE;
        }
        if (options->non_repeaters < 0) {
                gsnmp_tool_print_error (options->prgname, _("Bad value for non-repeaters"));
                return GSNMP_TOOL_EXIT_FAILURE;
        }
        if (session.discovery_target != NULL) {
                g_clear_object (&session.discovery_target);
                if (!gsnmp_tool_options_check_user_name (options, &exit_status))
                        return exit_status;
        }
        for (i = 0; i < (int) oids->len; i++) {
                if (!oid_is_encodable (g_ptr_array_index (oids, i)))
                        return print_build_failure (options, _("Can't build OID for variable"));
        }
        if (!tool_session_prepare (&session, &exit_status))
                return exit_status;

        response = tool_session_request (&session, GSNMP_PDU_TYPE_GET_BULK, oids, &error);
        if (response == NULL)
                return gsnmp_tool_print_request_error (options, error, FALSE);

        if (gsnmp_pdu_get_error_status (response) == 0) {
                gsnmp_tool_print_varbinds (response, gsnmp_tool_options_get_format (options));
                return GSNMP_TOOL_EXIT_OK;
        }
        if (gsnmp_pdu_get_error_status (response) == GSNMP_PDU_ERROR_NO_SUCH_NAME) {
                printf (_("End of MIB.\n"));
                return GSNMP_TOOL_EXIT_OK;
        }
        gsnmp_tool_print_packet_error (response, TRUE);
        return GSNMP_TOOL_EXIT_PACKET_ERROR;
}

/*****************************************************************************/
/* set */

/* -Cq */
static gboolean
app_option_set (GsnmpToolOptions *options,
                const char       *arg,
                int              *exit_status)
{
        const char *p;

        for (p = arg; *p; p++) {
                if (*p == 'q') {
                        options->quiet = TRUE;
                } else {
                        fprintf (stderr, _("Unknown flag passed to -C: %c\n"), *p);
                        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                        return FALSE;
                }
        }
        return TRUE;
}

static int
run_set (GsnmpToolOptions *options)
{
        g_auto(ToolSession) session = TOOL_SESSION_INIT;
        g_autoptr(GPtrArray) varbinds = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_varbind_unref);
        g_autoptr(GsnmpPdu) response = NULL;
        g_autoptr(GError) error = NULL;
        char **args = options->operands;
        int n_args = options->n_operands;
        int exit_status = GSNMP_TOOL_EXIT_FAILURE;
        int failures = 0;
        int i;

        if (n_args == 0) {
                fprintf (stderr, _("Missing object name\n"));
                return usage_failure (options);
        }
        if (n_args > 3 * GSNMP_TOOL_MAX_CMDLINE_OIDS) {
                fprintf (stderr, _("Too many assignments specified. "));
                fprintf (stderr, _("Only %d allowed in one request.\n"), GSNMP_TOOL_MAX_CMDLINE_OIDS);
                return usage_failure (options);
        }

        /* snmpset.c checks the shape of every OID TYPE VALUE first */
        for (i = 0; i < n_args; i += 3) {
                if (i + 1 >= n_args) {
                        fprintf (stderr, _("%s: Needs type and value\n"), args[i]);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                if (!gsnmp_tool_is_set_type (args[i + 1][0])) {
                        /* %c of an empty TYPE prints a NUL byte, as snmpset does */
                        fprintf (stderr, _("%s: Bad object type: %c\n"), args[i], args[i + 1][0]);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                if (i + 2 >= n_args) {
                        fprintf (stderr, _("%s: Needs value\n"), args[i]);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
        }

        if (!tool_session_open (&session, options, &exit_status))
                return exit_status;

        for (i = 0; i < n_args; i += 3) {
                g_autofree char *detail = NULL;
                g_autoptr(GsnmpOid) oid = gsnmp_tool_parse_oid (args[i], &detail);
                GsnmpToolValueError res;
                GsnmpVarbind *vb;

                if (oid == NULL) {
                        gsnmp_tool_print_unknown_oid (args[i], detail);
                        failures++;
                        continue;
                }
                res = gsnmp_tool_parse_set_value (oid, args[i + 1][0], args[i + 2], &vb, &detail);
                if (res != GSNMP_TOOL_VALUE_OK) {
                        gsnmp_tool_print_value_error (args[i], res, detail);
                        failures++;
                        continue;
                }
                g_ptr_array_add (varbinds, vb);
        }
        if (failures > 0)
                return GSNMP_TOOL_EXIT_FAILURE;
        if (!tool_session_discover (&session, &exit_status))
                return exit_status;

        for (i = 0; i < (int) varbinds->len; i++) {
                GsnmpVarbind *vb = g_ptr_array_index (varbinds, i);

                if (!oid_is_encodable (gsnmp_varbind_get_oid (vb)))
                        return print_build_failure (options, _("Can't build OID for variable"));
                if (gsnmp_varbind_get_value_type (vb) == GSNMP_VALUE_TYPE_OBJECT_ID &&
                    !oid_is_encodable (gsnmp_varbind_get_oid_value (vb)))
                        return print_build_failure (options, _("build objid: bad first subidentifier"));
        }
        if (!tool_session_prepare (&session, &exit_status))
                return exit_status;

        response = tool_session_request (&session, GSNMP_PDU_TYPE_SET, varbinds, &error);
        if (response == NULL)
                return gsnmp_tool_print_request_error (options, error, FALSE);

        if (gsnmp_pdu_get_error_status (response) != 0) {
                gsnmp_tool_print_packet_error (response, TRUE);
                return GSNMP_TOOL_EXIT_PACKET_ERROR;
        }
        if (!options->quiet)
                gsnmp_tool_print_varbinds (response, gsnmp_tool_options_get_format (options));
        return GSNMP_TOOL_EXIT_OK;
}

/*****************************************************************************/
/* The table of subcommands */

static const GsnmpToolCommand commands[] = {
        {
                "get", "snmpget", N_("OID [OID]..."),
                N_("Sends an SNMP GetRequest for the OIDs and prints the values."),
                N_("                          f:  do not fix errors and retry the request\n"),
                app_option_fix, FALSE, run_get,
        },
        {
                "getnext", "snmpgetnext", N_("OID [OID]..."),
                N_("Sends an SNMP GetNextRequest and prints the objects that follow the OIDs."),
                N_("                          f:  do not fix errors and retry the request\n"),
                app_option_fix, FALSE, run_getnext,
        },
        {
                "bulkget", "snmpbulkget", N_("OID [OID]..."),
                N_("Sends an SNMP GetBulkRequest (SNMPv2c) and prints the objects it returns."),
                N_("                          n<NUM>:  set non-repeaters to <NUM> (default 0)\n"
                   "                          r<NUM>:  set max-repetitions to <NUM> (default 10)\n"),
                app_option_bulk, FALSE, run_bulkget,
        },
        {
                "set", "snmpset", N_("OID TYPE VALUE [OID TYPE VALUE]..."),
                N_("Sends an SNMP SetRequest and prints the values the agent returns.\n"
                   "TYPE is one of:\n"
                   "  i: INTEGER, u: unsigned INTEGER (Gauge32), t: TIMETICKS, a: IPADDRESS,\n"
                   "  o: OBJID, s: STRING, x: HEX STRING, d: DECIMAL STRING, b: BITS, n: NULL,\n"
                   "  U: unsigned int64, I: signed int64, F: float, D: double (in an Opaque)"),
                N_("                          q:  don't print results on success\n"),
                app_option_set, TRUE, run_set,
        },
        GSNMP_TOOL_WALK_COMMAND,
        GSNMP_TOOL_BULKWALK_COMMAND,
        GSNMP_TOOL_TABLE_COMMAND,
        GSNMP_TOOL_TRAP_COMMAND,
        GSNMP_TOOL_INFORM_COMMAND,
        GSNMP_TOOL_LISTEN_COMMAND,
        GSNMP_TOOL_AGENT_COMMAND,
        GSNMP_TOOL_TRANSLATE_COMMAND,
};

static const GsnmpToolCommand *
find_command (const char *name)
{
        gsize i;

        for (i = 0; i < G_N_ELEMENTS (commands); i++) {
                if (strcmp (commands[i].name, name) == 0)
                        return &commands[i];
        }
        return NULL;
}

static void
print_main_help (const char *prgname)
{
        gsize i;

        printf (_("Usage: %s COMMAND [OPTIONS] AGENT ARGUMENTS...\n"), prgname);
        printf ("\n");
        printf (_("An SNMP client that takes Net-SNMP’s options and prints Net-SNMP’s output.\n"));
        printf ("\n");
        printf (_("Commands:\n"));
        for (i = 0; i < G_N_ELEMENTS (commands); i++) {
                printf ("  %-10s ", commands[i].name);
                printf (_("as Net-SNMP’s %s\n"), commands[i].net_snmp_name);
        }
        printf ("\n");
        printf (_("Options:\n"));
        printf (_("  -h, --help      display this help message\n"));
        printf (_("  -V, --version   display the version number\n"));
        printf ("\n");
        printf (_("Run “%s COMMAND --help” for the options of a command.\n"), prgname);
}

int
main (int    argc,
      char **argv)
{
        g_autofree char *prgname = NULL;
        const GsnmpToolCommand *command;
        GsnmpToolOptions options;
        int exit_status = GSNMP_TOOL_EXIT_FAILURE;
        const char *localedir;

        setlocale (LC_ALL, "");
        /* As in the library (gsnmp-i18n.c): GSNMP_LOCALEDIR in the
         * environment, when set and not empty, replaces the install location,
         * so the test suite can load the catalogues from the build tree. */
        localedir = g_getenv ("GSNMP_LOCALEDIR");
        if (localedir == NULL || *localedir == '\0')
                localedir = GSNMP_LOCALEDIR;
        bindtextdomain (GETTEXT_PACKAGE, localedir);
        bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
        textdomain (GETTEXT_PACKAGE);

        prgname = g_path_get_basename (argc > 0 && argv[0] != NULL ? argv[0] : "gsnmp");
        g_set_prgname (prgname);

        if (argc < 2) {
                gsnmp_tool_print_usage_hint (prgname, NULL);
                return GSNMP_TOOL_EXIT_FAILURE;
        }
        if (strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "--help") == 0 ||
            strcmp (argv[1], "help") == 0) {
                if (argc > 2 && (command = find_command (argv[2])) != NULL &&
                    command->main != NULL) {
                        char *help_argv[] = { argv[2], (char *) "--help", NULL };

                        return command->main (prgname, 2, help_argv);
                }
                if (argc > 2 && (command = find_command (argv[2])) != NULL)
                        gsnmp_tool_print_command_help (prgname, command);
                else
                        print_main_help (prgname);
                return GSNMP_TOOL_EXIT_OK;
        }
        if (strcmp (argv[1], "-V") == 0 || strcmp (argv[1], "--version") == 0) {
                gsnmp_tool_print_version (prgname);
                return GSNMP_TOOL_EXIT_OK;
        }

        command = find_command (argv[1]);
        if (command == NULL) {
                gsnmp_tool_print_error (prgname, _("unknown command “%s”"), argv[1]);
                gsnmp_tool_print_usage_hint (prgname, NULL);
                return GSNMP_TOOL_EXIT_FAILURE;
        }

        if (command->main != NULL)
                return command->main (prgname, argc - 1, argv + 1);

        gsnmp_tool_options_init (&options, command, prgname);
        if (gsnmp_tool_options_parse (&options, argc - 1, argv + 1, &exit_status))
                exit_status = command->run (&options);
        gsnmp_tool_options_clear (&options);

        fflush (stdout);
        return exit_status;
}
