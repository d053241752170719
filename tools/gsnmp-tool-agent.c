/* gsnmp-tool-agent.c - "gsnmp agent": an SNMP agent in the foreground,
 * serving a demo MIB or recorded devices (snmpsim's .snmprec files)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gsnmp-tool-agent.h"
#include "gsnmp-tool-output.h"

#define DEFAULT_DEMO_ROWS 100
#define DEFAULT_COMMUNITY "public"

/* The demo MIB lives under netSnmpPlaypen (1.3.6.1.4.1.8072.9999.9999),
 * the subtree Net-SNMP sets aside for experiments:
 *   .1.0          demoValue   INTEGER, writable
 *   .2.1.1.i      demoIndex   INTEGER i
 *   .2.1.2.i      demoName    STRING "row-i"
 *   .2.1.3.i      demoCounter Counter32 100 * i */
static const guint32 demo_root[] = { 1, 3, 6, 1, 4, 1, 8072, 9999, 9999 };

typedef struct {
        GPtrArray *addresses;       /* (element-type utf8) */
        char      *community;
        char      *rw_community;
        guint      demo_rows;
        char      *data_dir;
        char      *data_file;
} AgentConfig;

static void
agent_config_clear (AgentConfig *config)
{
        g_clear_pointer (&config->addresses, g_ptr_array_unref);
        g_clear_pointer (&config->community, g_free);
        g_clear_pointer (&config->rw_community, g_free);
        g_clear_pointer (&config->data_dir, g_free);
        g_clear_pointer (&config->data_file, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AgentConfig, agent_config_clear)

static GsnmpOid *
demo_oid (const guint32 *suffix,
          gsize          n)
{
        g_autoptr(GsnmpOid) root = gsnmp_oid_new (demo_root, G_N_ELEMENTS (demo_root));

        return gsnmp_oid_new_child (root, suffix, n);
}

static GsnmpStoreProvider *
demo_store (guint rows)
{
        g_autoptr(GsnmpOid) root = gsnmp_oid_new (demo_root, G_N_ELEMENTS (demo_root));
        GsnmpStoreProvider *store = gsnmp_store_provider_new (root);
        static const guint32 value_suffix[] = { 1, 0 };
        g_autoptr(GsnmpOid) value_oid = demo_oid (value_suffix, 2);
        g_autoptr(GsnmpVarbind) value = gsnmp_varbind_new_integer (value_oid, 42);

        gsnmp_store_provider_set (store, value);
        gsnmp_store_provider_set_writable (store, value_oid, GSNMP_VALUE_TYPE_INTEGER, FALSE);

        for (guint i = 1; i <= rows; i++) {
                guint32 index_suffix[] = { 2, 1, 1, i };
                guint32 name_suffix[] = { 2, 1, 2, i };
                guint32 counter_suffix[] = { 2, 1, 3, i };
                g_autoptr(GsnmpOid) index_oid = demo_oid (index_suffix, 4);
                g_autoptr(GsnmpOid) name_oid = demo_oid (name_suffix, 4);
                g_autoptr(GsnmpOid) counter_oid = demo_oid (counter_suffix, 4);
                g_autofree char *name = g_strdup_printf ("row-%u", i);
                g_autoptr(GsnmpVarbind) vb_index = gsnmp_varbind_new_integer (index_oid, (gint32) i);
                g_autoptr(GsnmpVarbind) vb_name = gsnmp_varbind_new_string (name_oid, name);
                g_autoptr(GsnmpVarbind) vb_counter = gsnmp_varbind_new_counter32 (counter_oid, 100 * i);

                gsnmp_store_provider_set (store, vb_index);
                gsnmp_store_provider_set (store, vb_name);
                gsnmp_store_provider_set (store, vb_counter);
        }

        return store;
}

/* Every DIR/PATH.snmprec, served in context PATH for community PATH. */
static gboolean
load_data_dir (GsnmpAgent *agent,
               const char *root,
               const char *relative,
               guint      *n_files,
               GError    **error)
{
        g_autofree char *path = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
        g_autoptr(GDir) dir = g_dir_open (path, 0, error);
        g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
        const char *name;

        if (dir == NULL)
                return FALSE;
        while ((name = g_dir_read_name (dir)) != NULL)
                g_ptr_array_add (names, g_strdup (name));
        g_ptr_array_sort (names, (GCompareFunc) g_ascii_strcasecmp);

        for (guint i = 0; i < names->len; i++) {
                const char *entry = names->pdata[i];
                g_autofree char *sub = relative ? g_build_filename (relative, entry, NULL) : g_strdup (entry);
                g_autofree char *full = g_build_filename (root, sub, NULL);

                if (g_file_test (full, G_FILE_TEST_IS_DIR)) {
                        if (!load_data_dir (agent, root, sub, n_files, error))
                                return FALSE;
                } else if (g_str_has_suffix (entry, ".snmprec")) {
                        g_autoptr(GsnmpStoreProvider) store = gsnmp_store_provider_new_from_snmprec (full, error);
                        g_autofree char *context = NULL;

                        if (store == NULL)
                                return FALSE;
                        context = g_strndup (sub, strlen (sub) - strlen (".snmprec"));
                        if (!gsnmp_agent_register_provider (agent, context, GSNMP_PROVIDER (store), error))
                                return FALSE;
                        gsnmp_agent_add_community (agent, context, context, NULL, NULL);
                        (*n_files)++;
                }
        }

        return TRUE;
}

/* -e: the engine ID is the engine's at construction. */
static GsnmpEngine *
new_engine (GBytes  *engine_id,
            GError **error)
{
        return g_initable_new (GSNMP_TYPE_ENGINE, NULL, error, "engine-id", engine_id, NULL);
}

static gboolean
on_signal (gpointer data)
{
        g_main_loop_quit (data);
        return G_SOURCE_CONTINUE;
}

static int
run_agent (GsnmpToolOptions *options,
           AgentConfig      *config)
{
        const char *prgname = options->prgname;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpAgent) agent = NULL;
        g_autoptr(GsnmpView) all = gsnmp_view_new_all ();
        g_autoptr(GMainLoop) loop = NULL;
        g_autoptr(GError) error = NULL;
        gboolean recorded = config->data_dir != NULL || config->data_file != NULL;
        guint sigint, sigterm;

        engine = new_engine (options->security_engine_id, &error);
        if (engine == NULL) {
                gsnmp_tool_print_error (prgname, "%s", error->message);
                return GSNMP_TOOL_EXIT_FAILURE;
        }

        /* A recorded device is served as it was recorded: no built-ins */
        agent = g_object_new (GSNMP_TYPE_AGENT, "engine", engine, "builtins", !recorded, NULL);

        if (config->data_dir != NULL) {
                guint n_files = 0;

                if (!load_data_dir (agent, config->data_dir, NULL, &n_files, &error)) {
                        gsnmp_tool_print_error (prgname, "%s", error->message);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                fprintf (stderr, _("%s: serving %u recorded devices from %s\n"), prgname, n_files,
                         config->data_dir);
        }
        if (config->data_file != NULL) {
                g_autoptr(GsnmpStoreProvider) store = gsnmp_store_provider_new_from_snmprec (config->data_file, &error);

                if (store == NULL ||
                    !gsnmp_agent_register_provider (agent, NULL, GSNMP_PROVIDER (store), &error)) {
                        gsnmp_tool_print_error (prgname, "%s", error->message);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                fprintf (stderr, _("%s: serving %u values from %s\n"), prgname,
                         gsnmp_store_provider_get_n_values (store), config->data_file);
        }
        if (!recorded) {
                g_autoptr(GsnmpStoreProvider) store = demo_store (config->demo_rows);

                gsnmp_agent_register_provider (agent, NULL, GSNMP_PROVIDER (store), NULL);
                fprintf (stderr, _("%s: serving the demo MIB (%u rows) under .1.3.6.1.4.1.8072.9999.9999\n"),
                         prgname, config->demo_rows);
        }

        if (!recorded || config->data_file != NULL)
                gsnmp_agent_add_community (agent, config->community, NULL, NULL, NULL);
        if (config->rw_community != NULL)
                gsnmp_agent_add_community (agent, config->rw_community, NULL, NULL, all);

        if (options->user_name != NULL) {
                GsnmpSecurityLevel level = options->security_level;
                gboolean auth = level >= GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV;
                gboolean priv = level == GSNMP_SECURITY_LEVEL_AUTH_PRIV;
                g_autoptr(GsnmpUsmUser) user = NULL;

                user = gsnmp_usm_user_new (options->user_name,
                                           auth ? options->auth_protocol : GSNMP_AUTH_PROTOCOL_NONE,
                                           auth ? options->auth_passphrase : NULL,
                                           priv ? options->priv_protocol : GSNMP_PRIV_PROTOCOL_NONE,
                                           priv ? options->priv_passphrase : NULL,
                                           &error);
                if (user == NULL) {
                        gsnmp_tool_print_error (prgname, "%s", error->message);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                gsnmp_agent_add_user (agent, user, NULL, all);
        }

        for (guint i = 0; i < config->addresses->len; i++) {
                const char *address = config->addresses->pdata[i];
                guint16 port = 0;

                if (!gsnmp_agent_add_address (agent, address, &port, &error)) {
                        gsnmp_tool_print_error (prgname, "%s: %s", address, error->message);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                fprintf (stderr, _("%s: listening on %s (port %u)\n"), prgname, address, port);
        }

        loop = g_main_loop_new (NULL, FALSE);
        sigint = g_unix_signal_add (SIGINT, on_signal, loop);
        sigterm = g_unix_signal_add (SIGTERM, on_signal, loop);
        g_main_loop_run (loop);
        g_source_remove (sigint);
        g_source_remove (sigterm);

        fprintf (stderr, _("%s: stopping\n"), prgname);
        gsnmp_agent_close (agent);
        gsnmp_engine_close (engine);
        return GSNMP_TOOL_EXIT_OK;
}

static void
agent_help (const char *prgname)
{
        printf (_("Usage: %s agent [OPTIONS] ADDRESS...\n"
                  "\n"
                  "Runs an SNMP agent in the foreground on each ADDRESS (for example\n"
                  "udp:127.0.0.1:1161 or udp6:[::1]:1161) until SIGINT or SIGTERM; it logs to\n"
                  "standard error. Without data options it serves the system group and a demo\n"
                  "MIB under .1.3.6.1.4.1.8072.9999.9999: a writable INTEGER (.1.0) and a table\n"
                  "(.2.1) of index, name and counter columns.\n"
                  "\n"
                  "Options:\n"
                  "  -c COMMUNITY          read-only community (default: public)\n"
                  "  --rw-community COMMUNITY\n"
                  "                        a read-write community\n"
                  "  -u NAME -l LEVEL -a PROTO -A PASS -x PROTO -X PASS\n"
                  "                        one SNMPv3 user (read-write), as Net-SNMP spells it\n"
                  "  -e ENGINEID           the agent's engine ID (hexadecimal)\n"
                  "  --demo-rows N         rows of the demo table (default: %u)\n"
                  "  --data-dir DIR        serve every DIR/PATH.snmprec under community PATH and\n"
                  "                        SNMPv3 context PATH (snmpsim's convention)\n"
                  "  --data-file FILE      serve FILE (snmpsim's .snmprec) under the -c community\n"
                  "  -h, --help            show this help\n"),
                prgname, DEFAULT_DEMO_ROWS);
}

/* The table entry the common option parser wants */
static const GsnmpToolCommand agent_command = GSNMP_TOOL_AGENT_COMMAND;

int
gsnmp_tool_agent_main (const char  *prgname,
                       int          argc,
                       char       **argv)
{
        g_auto(AgentConfig) config = { 0, };
        g_autoptr(GPtrArray) rest = g_ptr_array_new ();
        GsnmpToolOptions options;
        int exit_status = GSNMP_TOOL_EXIT_FAILURE;
        char sentinel[] = "@gsnmp-agent-default@";
        gboolean options_done = FALSE;
        int i;

        config.addresses = g_ptr_array_new_with_free_func (g_free);
        config.demo_rows = DEFAULT_DEMO_ROWS;
        g_ptr_array_add (rest, argv[0]);

        for (i = 1; i < argc; i++) {
                char *arg = argv[i];
                const char *value = NULL;

                if (options_done) {
                        g_ptr_array_add (rest, arg);
                } else if (strcmp (arg, "--") == 0) {
                        options_done = TRUE;
                        g_ptr_array_add (rest, arg);
                } else if (strcmp (arg, "-h") == 0 || strcmp (arg, "--help") == 0) {
                        agent_help (prgname);
                        return GSNMP_TOOL_EXIT_OK;
                } else if (gsnmp_tool_take_long_option (argv, argc, &i, "demo-rows", TRUE, &value)) {
                        char *end = NULL;
                        guint64 n = value ? g_ascii_strtoull (value, &end, 10) : 0;

                        if (value == NULL || *value == '\0' || *end != '\0' || n > 10000000) {
                                gsnmp_tool_print_error (prgname, _("--demo-rows needs a number from 0 to 10000000"));
                                return GSNMP_TOOL_EXIT_FAILURE;
                        }
                        config.demo_rows = (guint) n;
                } else if (gsnmp_tool_take_long_option (argv, argc, &i, "rw-community", TRUE, &value) ||
                           gsnmp_tool_take_long_option (argv, argc, &i, "data-dir", TRUE, &value) ||
                           gsnmp_tool_take_long_option (argv, argc, &i, "data-file", TRUE, &value)) {
                        char **slot = g_str_has_prefix (arg, "--rw") ? &config.rw_community :
                                      g_str_has_prefix (arg, "--data-dir") ? &config.data_dir :
                                      &config.data_file;

                        if (value == NULL) {
                                gsnmp_tool_print_error (prgname, _("%s needs a value"), arg);
                                return GSNMP_TOOL_EXIT_FAILURE;
                        }
                        g_free (*slot);
                        *slot = g_strdup (value);
                } else {
                        g_ptr_array_add (rest, arg);
                }
        }
        /* The common parser wants an agent: the first address, or this */
        g_ptr_array_add (rest, sentinel);

        gsnmp_tool_options_init (&options, &agent_command, prgname);
        if (!gsnmp_tool_options_parse (&options, rest->len, (char **) rest->pdata, &exit_status)) {
                gsnmp_tool_options_clear (&options);
                return exit_status;
        }
        config.community = g_strdup (options.community ? options.community : DEFAULT_COMMUNITY);
        if (strcmp (options.agent, sentinel) != 0)
                g_ptr_array_add (config.addresses, g_strdup (options.agent));
        for (i = 0; i < options.n_operands; i++) {
                if (strcmp (options.operands[i], sentinel) != 0)
                        g_ptr_array_add (config.addresses, g_strdup (options.operands[i]));
        }
        if (config.addresses->len == 0) {
                gsnmp_tool_print_error (prgname, _("no address to listen on, such as udp:127.0.0.1:1161"));
                gsnmp_tool_options_clear (&options);
                return GSNMP_TOOL_EXIT_FAILURE;
        }

        exit_status = run_agent (&options, &config);
        gsnmp_tool_options_clear (&options);
        return exit_status;
}
