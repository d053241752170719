/* gsnmp-tool-notify.c - the trap, inform and listen subcommands of gsnmp
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * "gsnmp trap" takes the arguments of Net-SNMP 5.9's snmptrap (apps/snmptrap.c)
 * and prints its messages; "gsnmp inform" is snmpinform. "gsnmp listen" is a
 * notification receiver like "snmptrapd -f": it prints one line per
 * notification in the format documented in listen_help() below, or with
 * --json one JSON object per line, and reads its communities and SNMPv3 users
 * from options or from a file in the syntax of snmptrapd.conf.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gsnmp-tool-notify.h"
#include "gsnmp-tool-output.h"

/* snmptrap.c: objid_enterprise, the default enterprise of SNMPv1 traps */
#define DEFAULT_ENTERPRISE "1.3.6.1.4.1.3.1.1"
#define DEFAULT_LISTEN_ADDRESS "udp:0.0.0.0:162"

/* -Ci: one command runs per process */
static gboolean send_inform;

/*****************************************************************************/
/* Shared helpers */

/* After a usage error: the hint, and exit status 1. */
static int
usage_failure (GsnmpToolOptions *options)
{
        gsnmp_tool_print_usage_hint (options->prgname, options->command);
        return GSNMP_TOOL_EXIT_FAILURE;
}

/* Net-SNMP opens the receiver with the "snmptrap" transport, whose default
 * port is 162: append it when AGENT gives none. */
static char *
agent_with_trap_port (const char *agent)
{
        const char *rest = agent;
        const char *colon;

        if (g_str_has_prefix (agent, "snmp://") || g_str_has_prefix (agent, "snmps://"))
                return g_strdup (agent);
        if (g_ascii_strncasecmp (rest, "udp6:", 5) == 0)
                rest += 5;
        else if (g_ascii_strncasecmp (rest, "udp:", 4) == 0)
                rest += 4;
        if (rest[0] == '[')
                return strstr (rest, "]:") != NULL ? g_strdup (agent) :
                                                     g_strdup_printf ("%s:162", agent);
        colon = strchr (rest, ':');
        if (colon == NULL)
                return g_strdup_printf ("%s:162", agent);
        if (strchr (colon + 1, ':') != NULL) {
                /* A bare IPv6 address */
                return g_strdup_printf ("%.*s[%s]:162", (int) (rest - agent), agent, rest);
        }
        return g_strdup (agent);
}

/*****************************************************************************/
/* trap and inform */

/* -Ci */
gboolean
gsnmp_tool_trap_app_option (GsnmpToolOptions *options,
                            const char       *arg,
                            int              *exit_status)
{
        const char *p;

        for (p = arg; *p; p++) {
                if (*p == 'i') {
                        send_inform = TRUE;
                } else {
                        fprintf (stderr, _("Unknown flag passed to -C: %c\n"), *p);
                        *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                        return FALSE;
                }
        }
        return TRUE;
}

/* snmptrap's AGENT parameter: an IPv4 address or a host name */
static GInetAddress *
resolve_agent_address (const char *agent)
{
        g_autoptr(GResolver) resolver = NULL;
        GInetAddress *address = g_inet_address_new_from_string (agent);
        GList *addresses, *l;

        if (address != NULL) {
                if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
                        return address;
                g_object_unref (address);
                return NULL;
        }
        resolver = g_resolver_get_default ();
        addresses = g_resolver_lookup_by_name (resolver, agent, NULL, NULL);
        for (l = addresses; l != NULL; l = l->next) {
                if (g_inet_address_get_family (l->data) == G_SOCKET_FAMILY_IPV4) {
                        address = g_object_ref (l->data);
                        break;
                }
        }
        g_resolver_free_addresses (addresses);
        return address;
}

/* The engine that sends: for an SNMPv3 trap it is the authoritative one, so
 * -e ENGINE-ID, when given, becomes its engine ID (through a throw-away
 * state file, the one way to give an engine its ID). Each run is a new
 * engine whose time starts at 0, so its boots are the seconds since 2000:
 * a receiver that saw an earlier run with the same engine ID takes the
 * later run as newer (RFC 3414 §3.2 step 7b) instead of dropping it as
 * outside the time window. */
static GsnmpEngine *
new_engine (GsnmpToolOptions *options,
            const char       *engine_id_hex,
            GError          **error)
{
        g_autofree char *dir = NULL;
        g_autofree char *path = NULL;
        g_autofree char *contents = NULL;
        GsnmpEngine *engine;
        gint64 boots;

        if (engine_id_hex == NULL)
                return gsnmp_engine_new (error);

        dir = g_dir_make_tmp ("gsnmp-trap-XXXXXX", error);
        if (dir == NULL)
                return NULL;
        path = g_build_filename (dir, "engine", NULL);
        boots = g_get_real_time () / G_USEC_PER_SEC - 946684800;
        contents = g_strdup_printf ("[engine]\nid=%s\nboots=%" G_GINT64_FORMAT "\n", engine_id_hex,
                                    CLAMP (boots, 1, G_MAXINT32 - 1));
        if (!g_file_set_contents (path, contents, -1, error)) {
                g_rmdir (dir);
                return NULL;
        }
        engine = gsnmp_engine_new_with_state_file (path, error);
        g_unlink (path);
        g_rmdir (dir);
        return engine;
}

/* Net-SNMP's forms of an engine ID, "0x8000…" or "8000…", as the hex digits
 * a state file takes; NULL when invalid. */
static char *
engine_id_to_hex (const char *text)
{
        const char *p = text;
        gsize len;

        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
                p += 2;
        len = strlen (p);
        if (len < 10 || len > 64 || len % 2 != 0)
                return NULL;
        for (gsize i = 0; i < len; i++) {
                if (!g_ascii_isxdigit (p[i]))
                        return NULL;
        }
        return g_ascii_strdown (p, -1);
}

/* snmp_add_var()'s types: snmpset's, and c (Counter32) and C (Counter64),
 * which notifications carry more often than SETs do */
static GsnmpToolValueError
parse_trap_value (GsnmpOid      *oid,
                  char           type,
                  const char    *value,
                  GsnmpVarbind **varbind,
                  char         **detail)
{
        if (type == 'c') {
                g_autoptr(GsnmpVarbind) gauge = NULL;
                GsnmpToolValueError res = gsnmp_tool_parse_set_value (oid, 'u', value, &gauge, detail);

                if (res == GSNMP_TOOL_VALUE_OK)
                        *varbind = gsnmp_varbind_new_counter32 (oid, gsnmp_varbind_get_unsigned (gauge));
                return res;
        }
        if (type == 'C') {
                guint64 v;
                char *end;

                *varbind = NULL;
                *detail = NULL;
                errno = 0;
                v = g_ascii_strtoull (value, &end, 10);
                if (!g_ascii_isdigit (value[0]) || *end != '\0') {
                        *detail = g_strdup (value);
                        return GSNMP_TOOL_VALUE_BAD_NOTATION;
                }
                if (errno != 0) {
                        *detail = g_strdup (value);
                        return GSNMP_TOOL_VALUE_OUT_OF_RANGE;
                }
                *varbind = gsnmp_varbind_new_counter64 (oid, v);
                return GSNMP_TOOL_VALUE_OK;
        }
        return gsnmp_tool_parse_set_value (oid, type, value, varbind, detail);
}

/* Lower-case hex digits of @bytes. */
static char *
bytes_to_hex (GBytes *bytes)
{
        gsize len, i;
        const guint8 *data = g_bytes_get_data (bytes, &len);
        GString *hex = g_string_sized_new (2 * len + 1);

        for (i = 0; i < len; i++)
                g_string_append_printf (hex, "%02x", data[i]);
        return g_string_free (hex, FALSE);
}

/* snmptrap.c main(): parses TRAP-PARAMETERS, sends, reports. */
static int
run_notify (GsnmpToolOptions *options,
            gboolean          inform)
{
        g_autoptr(GPtrArray) varbinds = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_varbind_unref);
        g_autoptr(GsnmpOid) enterprise = NULL;
        g_autoptr(GsnmpOid) trap_oid = NULL;
        g_autoptr(GInetAddress) agent_address = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *agent = NULL;
        char **args = options->operands;
        int n = options->n_operands;
        int i = 0, exit_status = GSNMP_TOOL_EXIT_FAILURE;
        gint32 generic = 0, specific = 0;
        gint64 number;
        gint64 uptime = GSNMP_UPTIME_ENGINE;
        gboolean v1 = options->version == GSNMP_PROTOCOL_VERSION_V1;
        const char *saved_agent;
        GsnmpToolWait wait = GSNMP_TOOL_WAIT_INIT;
        g_autoptr(GAsyncResult) result = NULL;
        gboolean ok;

        if (v1) {
                g_autofree char *detail = NULL;

                if (inform) {
                        fprintf (stderr, _("Cannot send INFORM as SNMPv1 PDU\n"));
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                if (i == n) {
                        fprintf (stderr, _("No enterprise oid\n"));
                        return usage_failure (options);
                }
                enterprise = gsnmp_tool_parse_oid (args[i][0] ? args[i] : DEFAULT_ENTERPRISE,
                                                   &detail);
                if (enterprise == NULL) {
                        gsnmp_tool_print_unknown_oid (args[i], detail);
                        return usage_failure (options);
                }
                if (++i >= n) {
                        fprintf (stderr, _("Missing agent parameter\n"));
                        return usage_failure (options);
                }
                if (args[i][0] != '\0') {
                        agent_address = resolve_agent_address (args[i]);
                        if (agent_address == NULL) {
                                fprintf (stderr, _("unknown host: %s\n"), args[i]);
                                return GSNMP_TOOL_EXIT_FAILURE;
                        }
                }
                if (++i >= n) {
                        fprintf (stderr, _("Missing generic-trap parameter\n"));
                        return usage_failure (options);
                }
                /* snmptrap's atoi() sends "abc" as 0: refuse it */
                if (!gsnmp_tool_parse_integer (args[i], G_MININT32, G_MAXINT32, FALSE, &number)) {
                        fprintf (stderr, _("Invalid generic-trap parameter: %s\n"), args[i]);
                        return usage_failure (options);
                }
                generic = (int) number;
                if (++i >= n) {
                        fprintf (stderr, _("Missing specific-trap parameter\n"));
                        return usage_failure (options);
                }
                if (!gsnmp_tool_parse_integer (args[i], G_MININT32, G_MAXINT32, FALSE, &number)) {
                        fprintf (stderr, _("Invalid specific-trap parameter: %s\n"), args[i]);
                        return usage_failure (options);
                }
                specific = (int) number;
                if (++i >= n) {
                        fprintf (stderr, _("Missing uptime parameter\n"));
                        return usage_failure (options);
                }
                if (args[i][0] != '\0') {
                        if (!gsnmp_tool_parse_integer (args[i], 0, G_MAXUINT32, FALSE, &number)) {
                                fprintf (stderr, _("Invalid uptime parameter: %s\n"), args[i]);
                                return usage_failure (options);
                        }
                        uptime = (guint32) number;
                }
        } else {
                g_autofree char *detail = NULL;

                if (i == n) {
                        fprintf (stderr, _("Missing up-time parameter\n"));
                        return usage_failure (options);
                }
                if (args[i][0] != '\0') {
                        g_autoptr(GsnmpOid) sys_up_time = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.3.0", NULL);
                        g_autoptr(GsnmpVarbind) vb = NULL;
                        GsnmpToolValueError res;

                        res = gsnmp_tool_parse_set_value (sys_up_time, 't', args[i], &vb, &detail);
                        if (res != GSNMP_TOOL_VALUE_OK) {
                                gsnmp_tool_print_value_error (args[i], res, detail);
                                return GSNMP_TOOL_EXIT_FAILURE;
                        }
                        uptime = gsnmp_varbind_get_unsigned (vb);
                }
                if (++i >= n) {
                        fprintf (stderr, _("Missing trap-oid parameter\n"));
                        return usage_failure (options);
                }
                trap_oid = gsnmp_tool_parse_oid (args[i], &detail);
                if (trap_oid == NULL) {
                        gsnmp_tool_print_unknown_oid (args[i], detail);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
        }
        i++;

        /* OID TYPE VALUE triples, as snmpset's */
        for (; i < n; i += 3) {
                g_autofree char *detail = NULL;
                g_autoptr(GsnmpOid) oid = NULL;
                GsnmpVarbind *vb;
                GsnmpToolValueError res;

                if (i + 3 > n) {
                        fprintf (stderr, _("%s: Missing type/value for variable\n"), args[i]);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                oid = gsnmp_tool_parse_oid (args[i], &detail);
                if (oid == NULL) {
                        gsnmp_tool_print_unknown_oid (args[i], detail);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                res = parse_trap_value (oid, args[i + 1][0], args[i + 2], &vb, &detail);
                if (res != GSNMP_TOOL_VALUE_OK) {
                        gsnmp_tool_print_value_error (args[i], res, detail);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                g_ptr_array_add (varbinds, vb);
        }

        /* The receiver, on port 162 unless AGENT says otherwise */
        agent = agent_with_trap_port (options->agent);
        saved_agent = options->agent;
        options->agent = agent;
        target = gsnmp_tool_options_new_target (options, &exit_status);
        options->agent = saved_agent;
        if (target == NULL)
                return exit_status;

        {
                g_autofree char *engine_id = NULL;

                /* -e: an SNMPv3 trap carries the sender's own engine ID
                 * (snmptrap.c: "we use ourselves as the authoritative engine") */
                if (options->version == GSNMP_PROTOCOL_VERSION_V3 && !inform &&
                    options->security_engine_id != NULL)
                        engine_id = bytes_to_hex (options->security_engine_id);
                engine = new_engine (options, engine_id, &error);
                if (engine == NULL) {
                        gsnmp_tool_print_error (options->prgname, "%s", error->message);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
        }

        if (v1) {
                gsnmp_engine_send_v1_trap_async (engine, target, enterprise, agent_address,
                                                 generic, specific, uptime,
                                                 (GsnmpVarbind * const *) varbinds->pdata,
                                                 varbinds->len, NULL, gsnmp_tool_wait_callback, &wait);
        } else if (inform) {
                gsnmp_engine_send_inform_async (engine, target, trap_oid, uptime,
                                                (GsnmpVarbind * const *) varbinds->pdata,
                                                varbinds->len, NULL, gsnmp_tool_wait_callback, &wait);
        } else {
                gsnmp_engine_send_trap_async (engine, target, trap_oid, uptime,
                                              (GsnmpVarbind * const *) varbinds->pdata,
                                              varbinds->len, NULL, gsnmp_tool_wait_callback, &wait);
        }
        result = gsnmp_tool_wait (&wait);

        if (v1) {
                ok = gsnmp_engine_send_v1_trap_finish (engine, result, &error);
        } else if (inform) {
                g_autoptr(GsnmpPdu) response = gsnmp_engine_send_inform_finish (engine, result,
                                                                               &error);
                ok = response != NULL && gsnmp_pdu_check_error (response, &error);
        } else {
                ok = gsnmp_engine_send_trap_finish (engine, result, &error);
        }

        if (ok)
                return GSNMP_TOOL_EXIT_OK;
        if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
            g_error_matches (error, GSNMP_ERROR, GSNMP_ERROR_DISCOVERY_FAILED)) {
                /* snmp_sess_perror ("snmpinform", ss) */
                gsnmp_tool_print_error (options->prgname, _("Timeout"));
                return GSNMP_TOOL_EXIT_FAILURE;
        }
        if (error->domain == GSNMP_PDU_ERROR) {
                gsnmp_tool_print_error (options->prgname, _("Error in packet: %s"),
                                        gsnmp_tool_error_status_string ((guint) error->code));
                return GSNMP_TOOL_EXIT_PACKET_ERROR;
        }
        return gsnmp_tool_print_request_error (options, error, FALSE);
}

/* "gsnmp trap": a trap, or an inform with -Ci. */
int
gsnmp_tool_trap_run (GsnmpToolOptions *options)
{
        return run_notify (options, send_inform);
}

/* "gsnmp inform": snmpinform. */
int
gsnmp_tool_inform_run (GsnmpToolOptions *options)
{
        return run_notify (options, TRUE);
}

/*****************************************************************************/
/* listen: configuration */

typedef struct {
        GPtrArray   *communities;  /* (element-type utf8) */
        GPtrArray   *users;        /* (element-type UserConfig) */
        GPtrArray   *addresses;    /* (element-type utf8) */
        gboolean     json;
        gboolean     stats;
        guint64      count;        /* exit after so many; 0: never */
        char        *config_file;
        char        *engine_state;
} ListenConfig;

typedef struct {
        GsnmpUsmUser *user;
        GBytes       *engine_id;   /* (nullable) */
} UserConfig;

/* Frees a UserConfig. */
static void
user_config_free (UserConfig *uc)
{
        g_clear_object (&uc->user);
        g_clear_pointer (&uc->engine_id, g_bytes_unref);
        g_free (uc);
}

/* An empty configuration. */
static void
listen_config_init (ListenConfig *config)
{
        memset (config, 0, sizeof *config);
        config->communities = g_ptr_array_new_with_free_func (g_free);
        config->users = g_ptr_array_new_with_free_func ((GDestroyNotify) user_config_free);
        config->addresses = g_ptr_array_new_with_free_func (g_free);
}

/* Frees what a configuration owns. */
static void
listen_config_clear (ListenConfig *config)
{
        g_clear_pointer (&config->communities, g_ptr_array_unref);
        g_clear_pointer (&config->users, g_ptr_array_unref);
        g_clear_pointer (&config->addresses, g_ptr_array_unref);
        g_clear_pointer (&config->config_file, g_free);
        g_clear_pointer (&config->engine_state, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListenConfig, listen_config_clear)

/* Net-SNMP's names of the authentication protocols. */
static gboolean
parse_auth_protocol (const char        *name,
                     GsnmpAuthProtocol *out)
{
        static const struct { const char *name; GsnmpAuthProtocol value; } protocols[] = {
                { "MD5", GSNMP_AUTH_PROTOCOL_MD5 },
                { "SHA", GSNMP_AUTH_PROTOCOL_SHA },
                { "SHA1", GSNMP_AUTH_PROTOCOL_SHA },
                { "SHA-1", GSNMP_AUTH_PROTOCOL_SHA },
                { "SHA-224", GSNMP_AUTH_PROTOCOL_SHA224 },
                { "SHA-256", GSNMP_AUTH_PROTOCOL_SHA256 },
                { "SHA-384", GSNMP_AUTH_PROTOCOL_SHA384 },
                { "SHA-512", GSNMP_AUTH_PROTOCOL_SHA512 },
        };

        for (gsize i = 0; i < G_N_ELEMENTS (protocols); i++) {
                if (g_ascii_strcasecmp (name, protocols[i].name) == 0) {
                        *out = protocols[i].value;
                        return TRUE;
                }
        }
        return FALSE;
}

/* Net-SNMP's names of the privacy protocols. */
static gboolean
parse_priv_protocol (const char        *name,
                     GsnmpPrivProtocol *out)
{
        static const struct { const char *name; GsnmpPrivProtocol value; } protocols[] = {
                { "DES", GSNMP_PRIV_PROTOCOL_DES },
                { "AES", GSNMP_PRIV_PROTOCOL_AES },
                { "AES128", GSNMP_PRIV_PROTOCOL_AES },
                { "AES-128", GSNMP_PRIV_PROTOCOL_AES },
                { "AES-192", GSNMP_PRIV_PROTOCOL_AES192 },
                { "AES192", GSNMP_PRIV_PROTOCOL_AES192 },
                { "AES-256", GSNMP_PRIV_PROTOCOL_AES256 },
                { "AES256", GSNMP_PRIV_PROTOCOL_AES256 },
                { "AES-192-C", GSNMP_PRIV_PROTOCOL_AES192_CISCO },
                { "AES192C", GSNMP_PRIV_PROTOCOL_AES192_CISCO },
                { "AES-256-C", GSNMP_PRIV_PROTOCOL_AES256_CISCO },
                { "AES256C", GSNMP_PRIV_PROTOCOL_AES256_CISCO },
                { "3DES", GSNMP_PRIV_PROTOCOL_TRIPLE_DES },
        };

        for (gsize i = 0; i < G_N_ELEMENTS (protocols); i++) {
                if (g_ascii_strcasecmp (name, protocols[i].name) == 0) {
                        *out = protocols[i].value;
                        return TRUE;
                }
        }
        return FALSE;
}

/* An engine ID in Net-SNMP's hex form, as bytes; NULL when invalid. */
static GBytes *
parse_engine_id (const char *text)
{
        g_autofree char *hex = engine_id_to_hex (text);
        gsize len, i;
        guint8 *data;

        if (hex == NULL)
                return NULL;
        len = strlen (hex) / 2;
        data = g_malloc (len);
        for (i = 0; i < len; i++)
                data[i] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) << 4 |
                                    g_ascii_xdigit_value (hex[2 * i + 1]));
        return g_bytes_new_take (data, len);
}

/* snmptrapd.conf's createUser [-e ENGINEID] NAME [(MD5|SHA|…) AUTHPASS
 * [(DES|AES|…) [PRIVPASS]]]; PRIVPASS defaults to AUTHPASS */
static gboolean
parse_create_user (char         **words,
                   ListenConfig  *config,
                   GError       **error)
{
        g_autoptr(GBytes) engine_id = NULL;
        GsnmpAuthProtocol auth = GSNMP_AUTH_PROTOCOL_NONE;
        GsnmpPrivProtocol priv = GSNMP_PRIV_PROTOCOL_NONE;
        const char *name, *auth_pass = NULL, *priv_pass = NULL;
        GsnmpUsmUser *user;
        UserConfig *uc;
        guint i = 0;

        if (words[i] != NULL && strcmp (words[i], "-e") == 0) {
                if (words[i + 1] == NULL || (engine_id = parse_engine_id (words[i + 1])) == NULL) {
                        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                     _("createUser: invalid engine ID “%s”"),
                                     words[i + 1] ? words[i + 1] : "");
                        return FALSE;
                }
                i += 2;
        }
        name = words[i++];
        if (name == NULL) {
                g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                     _("createUser: no user name"));
                return FALSE;
        }
        if (words[i] != NULL) {
                if (!parse_auth_protocol (words[i], &auth)) {
                        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                     _("createUser: unknown authentication protocol “%s”"), words[i]);
                        return FALSE;
                }
                auth_pass = words[++i];
                if (auth_pass == NULL) {
                        g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                             _("createUser: no authentication pass phrase"));
                        return FALSE;
                }
                i++;
                if (words[i] != NULL) {
                        if (!parse_priv_protocol (words[i], &priv)) {
                                g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                             _("createUser: unknown privacy protocol “%s”"), words[i]);
                                return FALSE;
                        }
                        priv_pass = words[i + 1] ? words[i + 1] : auth_pass;
                }
        }

        user = gsnmp_usm_user_new (name, auth, auth_pass, priv, priv_pass, error);
        if (user == NULL)
                return FALSE;
        uc = g_new0 (UserConfig, 1);
        uc->user = user;
        uc->engine_id = g_steal_pointer (&engine_id);
        g_ptr_array_add (config->users, uc);
        return TRUE;
}

/* A subset of snmptrapd.conf (see listen_help()). */
static gboolean
load_config_file (const char    *path,
                  ListenConfig  *config,
                  GError       **error)
{
        g_autofree char *contents = NULL;
        g_auto(GStrv) lines = NULL;
        guint i;

        if (!g_file_get_contents (path, &contents, NULL, error))
                return FALSE;
        lines = g_strsplit (contents, "\n", -1);
        for (i = 0; lines[i] != NULL; i++) {
                g_auto(GStrv) words = NULL;
                g_autoptr(GError) local_error = NULL;
                char *line = g_strstrip (lines[i]);
                const char *keyword;

                if (line[0] == '\0' || line[0] == '#')
                        continue;
                if (!g_shell_parse_argv (line, NULL, &words, &local_error)) {
                        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                     "%s:%u: %s", path, i + 1, local_error->message);
                        return FALSE;
                }
                keyword = words[0];
                if (g_ascii_strcasecmp (keyword, "createUser") == 0) {
                        if (!parse_create_user (words + 1, config, &local_error)) {
                                g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                             "%s:%u: %s", path, i + 1, local_error->message);
                                return FALSE;
                        }
                } else if (g_ascii_strcasecmp (keyword, "community") == 0 && words[1] != NULL) {
                        g_ptr_array_add (config->communities, g_strdup (words[1]));
                } else if (g_ascii_strcasecmp (keyword, "authCommunity") == 0 &&
                           words[1] != NULL && words[2] != NULL) {
                        /* authCommunity TYPES COMMUNITY [SOURCE [OID]]: the types
                         * (log, execute, net) and the restrictions are ignored */
                        g_ptr_array_add (config->communities, g_strdup (words[2]));
                } else if ((g_ascii_strcasecmp (keyword, "listen") == 0 ||
                            g_ascii_strcasecmp (keyword, "snmpTrapdAddr") == 0) &&
                           words[1] != NULL) {
                        g_auto(GStrv) addresses = g_strsplit (words[1], ",", -1);

                        for (guint j = 0; addresses[j] != NULL; j++) {
                                if (addresses[j][0] != '\0')
                                        g_ptr_array_add (config->addresses, g_strdup (addresses[j]));
                        }
                } else if (g_ascii_strcasecmp (keyword, "authUser") == 0 ||
                           g_ascii_strcasecmp (keyword, "disableAuthorization") == 0 ||
                           g_ascii_strcasecmp (keyword, "engineID") == 0 ||
                           g_ascii_strncasecmp (keyword, "format", 6) == 0 ||
                           g_ascii_strcasecmp (keyword, "outputOption") == 0 ||
                           g_ascii_strcasecmp (keyword, "doNotLogTraps") == 0) {
                        /* snmptrapd directives that change nothing here */
                } else {
                        fprintf (stderr, _("%s:%u: ignoring unknown directive “%s”\n"),
                                 path, i + 1, keyword);
                }
        }
        return TRUE;
}

/*****************************************************************************/
/* listen: output */

typedef struct {
        ListenConfig     *config;
        GsnmpFormatFlags  format;
        GMainLoop        *loop;
        GString          *line;
        guint64           n_printed;
        guint             flush_id;
        gint64            last_second;
        char              time_prefix[32];
        char              time_zone[16];
} Printer;

/* YYYY-MM-DDTHH:MM:SS.mmm+HH:MM, local time; the part down to the second
 * is formatted once a second */
static void
append_time (Printer *printer,
             GString *out)
{
        gint64 now = g_get_real_time ();
        gint64 second = now / G_USEC_PER_SEC;
        g_autoptr(GDateTime) dt = NULL;

        if (second != printer->last_second) {
                g_autofree char *s = NULL;
                g_autofree char *z = NULL;

                dt = g_date_time_new_from_unix_local (second);
                s = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
                z = g_date_time_format (dt, "%:z");
                g_strlcpy (printer->time_prefix, s, sizeof printer->time_prefix);
                g_strlcpy (printer->time_zone, z, sizeof printer->time_zone);
                printer->last_second = second;
        }
        g_string_append_printf (out, "%s.%03u%s", printer->time_prefix,
                                (guint) ((now % G_USEC_PER_SEC) / 1000), printer->time_zone);
}

/* The version as the output formats name it. */
static const char *
version_name (GsnmpProtocolVersion version)
{
        switch (version) {
        case GSNMP_PROTOCOL_VERSION_V1:
                return "1";
        case GSNMP_PROTOCOL_VERSION_V2C:
                return "2c";
        case GSNMP_PROTOCOL_VERSION_V3:
        default:
                return "3";
        }
}

/* The security level as Net-SNMP names it. */
static const char *
level_name (GsnmpSecurityLevel level)
{
        switch (level) {
        case GSNMP_SECURITY_LEVEL_AUTH_PRIV:
                return "authPriv";
        case GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV:
                return "authNoPriv";
        case GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV:
        default:
                return "noAuthNoPriv";
        }
}

/* Appends @bytes as lower-case hex digits. */
static void
append_hex (GString *out,
            GBytes  *bytes)
{
        gsize len, i;
        const guint8 *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

        for (i = 0; data != NULL && i < len; i++)
                g_string_append_printf (out, "%02x", data[i]);
}

/* Text that stays on one line and cannot drive the terminal: backslash,
 * tab, CR and LF escaped as in C, every other control character (C0, DEL,
 * C1: ESC and BEL among them) and every byte that is not part of valid
 * UTF-8 as \xHH. Any sender can put such bytes in a contextName, a user
 * name or a value (probe defect 3). */
static void
append_one_line (GString    *out,
                 const char *text)
{
        const char *p = text;

        while (*p != '\0') {
                guchar c = (guchar) *p;
                gunichar u;
                const char *next;

                switch (c) {
                case '\\':
                        g_string_append (out, "\\\\");
                        p++;
                        continue;
                case '\n':
                        g_string_append (out, "\\n");
                        p++;
                        continue;
                case '\r':
                        g_string_append (out, "\\r");
                        p++;
                        continue;
                case '\t':
                        g_string_append (out, "\\t");
                        p++;
                        continue;
                default:
                        break;
                }
                if (c < 0x80) {
                        if (c < 0x20 || c == 0x7f)
                                g_string_append_printf (out, "\\x%02x", c);
                        else
                                g_string_append_c (out, (char) c);
                        p++;
                        continue;
                }
                u = g_utf8_get_char_validated (p, -1);
                if (u == (gunichar) -1 || u == (gunichar) -2 || (u >= 0x80 && u <= 0x9f)) {
                        /* invalid or a C1 control: this byte in hex */
                        g_string_append_printf (out, "\\x%02x", c);
                        p++;
                        continue;
                }
                next = g_utf8_next_char (p);
                g_string_append_len (out, p, next - p);
                p = next;
        }
}

/* The varbinds that follow sysUpTime.0 and snmpTrapOID.0, or those of an
 * SNMPv1 Trap-PDU, as received */
static GsnmpVarbind **
extra_varbinds (GsnmpNotification *n,
                guint             *n_varbinds)
{
        GsnmpPdu *pdu = gsnmp_notification_get_pdu (n);
        GsnmpVarbind **vbs = gsnmp_pdu_get_varbinds (pdu, n_varbinds);

        if (gsnmp_notification_get_version (n) == GSNMP_PROTOCOL_VERSION_V1)
                return vbs;
        *n_varbinds -= 2;
        return vbs + 2;
}

/* One notification in the line format of listen_help(). */
static void
append_line (Printer           *printer,
             GsnmpNotification *n,
             GString           *out)
{
        GsnmpProtocolVersion version = gsnmp_notification_get_version (n);
        g_autofree char *sender = gsnmp_notification_get_sender_string (n);
        g_autofree char *oid = gsnmp_oid_to_string (gsnmp_notification_get_notification_oid (n));
        GsnmpVarbind **vbs;
        guint n_varbinds, i;

        append_time (printer, out);
        g_string_append_printf (out, " %s v%s %s ", sender, version_name (version),
                                gsnmp_notification_is_inform (n) ? "INFORM" : "TRAP");
        if (version == GSNMP_PROTOCOL_VERSION_V3) {
                const char *context = gsnmp_notification_get_context_name (n);

                g_string_append (out, "user=");
                append_one_line (out, gsnmp_notification_get_user_name (n));
                g_string_append_printf (out, " level=%s engine=0x",
                                        level_name (gsnmp_notification_get_security_level (n)));
                append_hex (out, gsnmp_notification_get_engine_id (n));
                if (context != NULL && context[0] != '\0') {
                        g_string_append (out, " context=");
                        append_one_line (out, context);
                }
        } else {
                /* g_strescape(): controls and bytes above 0x7e in octal */
                g_autofree char *escaped = g_strescape (gsnmp_notification_get_community (n), NULL);

                g_string_append_printf (out, "community=\"%s\"", escaped);
        }
        if (gsnmp_tool_mib_is_empty ()) {
                g_string_append_printf (out, " .%s uptime=%u", oid, gsnmp_notification_get_uptime (n));
        } else {
                /* With MIB modules: the notification's name, as IF-MIB::linkDown */
                g_autofree char *name = gsnmp_mib_format_oid (gsnmp_tool_get_mib (),
                                                              gsnmp_notification_get_notification_oid (n),
                                                              printer->format);

                g_string_append_printf (out, " %s uptime=%u", name, gsnmp_notification_get_uptime (n));
        }
        if (version == GSNMP_PROTOCOL_VERSION_V1) {
                g_autofree char *enterprise = gsnmp_oid_to_string (gsnmp_notification_get_enterprise (n));
                g_autofree char *agent = g_inet_address_to_string (gsnmp_notification_get_agent_address (n));

                g_string_append_printf (out, " enterprise=.%s agent=%s generic=%d specific=%d",
                                        enterprise, agent, gsnmp_notification_get_generic_trap (n),
                                        gsnmp_notification_get_specific_trap (n));
        }

        vbs = extra_varbinds (n, &n_varbinds);
        for (i = 0; i < n_varbinds; i++) {
                g_autofree char *text = gsnmp_tool_mib_is_empty ()
                        ? gsnmp_varbind_format (vbs[i], printer->format)
                        : gsnmp_mib_format_varbind (gsnmp_tool_get_mib (), vbs[i], printer->format);

                g_string_append_c (out, '\t');
                append_one_line (out, text);
        }
        g_string_append_c (out, '\n');
}

/* A JSON string: valid UTF-8 in, escapes for '"', '\\' and controls */
static void
append_json_string (GString    *out,
                    const char *text,
                    gssize      len)
{
        const char *p = text, *end = len < 0 ? text + strlen (text) : text + len;

        g_string_append_c (out, '"');
        for (; p < end; p++) {
                guchar c = (guchar) *p;

                if (c == '"')
                        g_string_append (out, "\\\"");
                else if (c == '\\')
                        g_string_append (out, "\\\\");
                else if (c == '\n')
                        g_string_append (out, "\\n");
                else if (c == '\t')
                        g_string_append (out, "\\t");
                else if (c == '\r')
                        g_string_append (out, "\\r");
                else if (c < 0x20)
                        g_string_append_printf (out, "\\u%04x", c);
                else
                        g_string_append_c (out, (char) c);
        }
        g_string_append_c (out, '"');
}

/* The type names of the JSON output. */
static const char *
value_type_name (GsnmpValueType type)
{
        switch (type) {
        case GSNMP_VALUE_TYPE_INTEGER: return "INTEGER";
        case GSNMP_VALUE_TYPE_OCTET_STRING: return "OCTET STRING";
        case GSNMP_VALUE_TYPE_NULL: return "NULL";
        case GSNMP_VALUE_TYPE_OBJECT_ID: return "OBJECT IDENTIFIER";
        case GSNMP_VALUE_TYPE_IP_ADDRESS: return "IpAddress";
        case GSNMP_VALUE_TYPE_COUNTER32: return "Counter32";
        case GSNMP_VALUE_TYPE_GAUGE32: return "Gauge32";
        case GSNMP_VALUE_TYPE_TIMETICKS: return "TimeTicks";
        case GSNMP_VALUE_TYPE_OPAQUE: return "Opaque";
        case GSNMP_VALUE_TYPE_COUNTER64: return "Counter64";
        case GSNMP_VALUE_TYPE_NSAP_ADDRESS: return "NsapAddress";
        case GSNMP_VALUE_TYPE_UINTEGER32: return "UInteger32";
        case GSNMP_VALUE_TYPE_NO_SUCH_OBJECT: return "noSuchObject";
        case GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE: return "noSuchInstance";
        case GSNMP_VALUE_TYPE_END_OF_MIB_VIEW: return "endOfMibView";
        default: return "unknown";
        }
}

/* One varbind as a JSON object: oid, type, value (and hex). */
static void
append_json_varbind (GString      *out,
                     GsnmpVarbind *vb)
{
        g_autofree char *oid = gsnmp_oid_to_string (gsnmp_varbind_get_oid (vb));
        GsnmpValueType type = gsnmp_varbind_get_value_type (vb);

        g_string_append (out, "{\"oid\":");
        append_json_string (out, oid, -1);
        g_string_append_printf (out, ",\"type\":\"%s\",\"value\":", value_type_name (type));
        switch (type) {
        case GSNMP_VALUE_TYPE_INTEGER:
                g_string_append_printf (out, "%d", gsnmp_varbind_get_integer (vb));
                break;
        case GSNMP_VALUE_TYPE_COUNTER32:
        case GSNMP_VALUE_TYPE_GAUGE32:
        case GSNMP_VALUE_TYPE_TIMETICKS:
        case GSNMP_VALUE_TYPE_UINTEGER32:
                g_string_append_printf (out, "%u", gsnmp_varbind_get_unsigned (vb));
                break;
        case GSNMP_VALUE_TYPE_COUNTER64:
                /* a string: JavaScript numbers stop at 2^53 */
                g_string_append_printf (out, "\"%" G_GUINT64_FORMAT "\"",
                                        gsnmp_varbind_get_counter64 (vb));
                break;
        case GSNMP_VALUE_TYPE_OCTET_STRING:
        case GSNMP_VALUE_TYPE_OPAQUE:
        case GSNMP_VALUE_TYPE_NSAP_ADDRESS: {
                gsize len;
                const guint8 *data = gsnmp_varbind_get_octets (vb, &len);
                g_autoptr(GBytes) bytes = gsnmp_varbind_get_bytes (vb);

                /* text when it is text, and always the bytes in hex */
                if (len == 0 || (g_utf8_validate ((const char *) data, len, NULL) &&
                                 memchr (data, 0, len) == NULL))
                        append_json_string (out, len ? (const char *) data : "", len);
                else
                        g_string_append (out, "null");
                g_string_append (out, ",\"hex\":\"");
                append_hex (out, bytes);
                g_string_append_c (out, '"');
                break;
        }
        case GSNMP_VALUE_TYPE_IP_ADDRESS: {
                g_autoptr(GInetAddress) address = gsnmp_varbind_get_ip_address (vb);
                g_autofree char *text = g_inet_address_to_string (address);

                append_json_string (out, text, -1);
                break;
        }
        case GSNMP_VALUE_TYPE_OBJECT_ID: {
                g_autofree char *value = gsnmp_oid_to_string (gsnmp_varbind_get_oid_value (vb));

                append_json_string (out, value, -1);
                break;
        }
        default:
                g_string_append (out, "null");
                break;
        }
        g_string_append_c (out, '}');
}

/* One notification as a JSON object on one line. */
static void
append_json (Printer           *printer,
             GsnmpNotification *n,
             GString           *out)
{
        GsnmpProtocolVersion version = gsnmp_notification_get_version (n);
        GInetSocketAddress *sender = gsnmp_notification_get_sender (n);
        g_autofree char *host = g_inet_address_to_string (g_inet_socket_address_get_address (sender));
        g_autofree char *oid = gsnmp_oid_to_string (gsnmp_notification_get_notification_oid (n));
        GsnmpVarbind **vbs;
        guint n_varbinds, i;

        g_string_append (out, "{\"time\":\"");
        append_time (printer, out);
        g_string_append (out, "\",\"sender\":");
        append_json_string (out, host, -1);
        g_string_append_printf (out, ",\"port\":%u,\"version\":\"%s\",\"type\":\"%s\"",
                                g_inet_socket_address_get_port (sender), version_name (version),
                                gsnmp_notification_is_inform (n) ? "inform" : "trap");
        if (version == GSNMP_PROTOCOL_VERSION_V3) {
                const char *user = gsnmp_notification_get_user_name (n);
                const char *context = gsnmp_notification_get_context_name (n);

                g_string_append (out, ",\"user\":");
                if (g_utf8_validate (user, -1, NULL))
                        append_json_string (out, user, -1);
                else
                        g_string_append (out, "null");
                g_string_append_printf (out, ",\"security_level\":\"%s\",\"engine_id\":\"",
                                        level_name (gsnmp_notification_get_security_level (n)));
                append_hex (out, gsnmp_notification_get_engine_id (n));
                g_string_append (out, "\",\"context_engine_id\":\"");
                append_hex (out, gsnmp_notification_get_context_engine_id (n));
                g_string_append (out, "\",\"context_name\":");
                if (g_utf8_validate (context, -1, NULL))
                        append_json_string (out, context, -1);
                else
                        g_string_append (out, "null");
        } else {
                GBytes *community = gsnmp_notification_get_community_bytes (n);
                gsize len;
                const char *data = g_bytes_get_data (community, &len);

                g_string_append (out, ",\"community\":");
                if (len == 0 || (g_utf8_validate (data, len, NULL) && memchr (data, 0, len) == NULL))
                        append_json_string (out, len ? data : "", len);
                else
                        g_string_append (out, "null");
        }
        if (version != GSNMP_PROTOCOL_VERSION_V1)
                g_string_append_printf (out, ",\"request_id\":%d", gsnmp_notification_get_request_id (n));
        g_string_append (out, ",\"oid\":");
        append_json_string (out, oid, -1);
        g_string_append_printf (out, ",\"uptime\":%u", gsnmp_notification_get_uptime (n));
        if (version == GSNMP_PROTOCOL_VERSION_V1) {
                g_autofree char *enterprise = gsnmp_oid_to_string (gsnmp_notification_get_enterprise (n));
                g_autofree char *agent = g_inet_address_to_string (gsnmp_notification_get_agent_address (n));

                g_string_append (out, ",\"enterprise\":");
                append_json_string (out, enterprise, -1);
                g_string_append (out, ",\"agent_address\":");
                append_json_string (out, agent, -1);
                g_string_append_printf (out, ",\"generic_trap\":%d,\"specific_trap\":%d",
                                        gsnmp_notification_get_generic_trap (n),
                                        gsnmp_notification_get_specific_trap (n));
        }
        g_string_append (out, ",\"varbinds\":[");
        vbs = extra_varbinds (n, &n_varbinds);
        for (i = 0; i < n_varbinds; i++) {
                if (i > 0)
                        g_string_append_c (out, ',');
                append_json_varbind (out, vbs[i]);
        }
        g_string_append (out, "]}\n");
}

/* Flushes stdout once the main loop is idle. */
static gboolean
on_flush (gpointer user_data)
{
        Printer *printer = user_data;

        fflush (stdout);
        printer->flush_id = 0;
        return G_SOURCE_REMOVE;
}

/* Prints a notification; stops after --count of them. */
static void
on_notification (GsnmpListener     *listener,
                 GsnmpNotification *notification,
                 gpointer           user_data)
{
        Printer *printer = user_data;

        g_string_truncate (printer->line, 0);
        if (printer->config->json)
                append_json (printer, notification, printer->line);
        else
                append_line (printer, notification, printer->line);
        fwrite (printer->line->str, 1, printer->line->len, stdout);
        printer->n_printed++;

        if (printer->config->count > 0 && printer->n_printed >= printer->config->count) {
                fflush (stdout);
                gsnmp_listener_close (listener);
                g_main_loop_quit (printer->loop);
                return;
        }
        /* Flush once the burst is read, not once per line */
        if (printer->flush_id == 0)
                printer->flush_id = g_idle_add_full (G_PRIORITY_LOW, on_flush, printer, NULL);
}

/* SIGINT and SIGTERM end the listener. */
static gboolean
on_signal (gpointer user_data)
{
        g_main_loop_quit (user_data);
        return G_SOURCE_CONTINUE;
}

/* --stats: the listener's counters on stderr. */
/* The datagrams the kernel dropped on the UDP sockets bound to @ports
 * (their receive buffers were full): the "drops" column of
 * /proc/net/udp and /proc/net/udp6 (Linux), summed over the sockets whose
 * local port is one of @ports. The listener never sees these, so its own
 * counters cannot show them. FALSE where /proc/net/udp cannot be read. */
static gboolean
count_kernel_drops (GArray  *ports,
                    guint64 *drops)
{
        static const char *const files[] = { "/proc/net/udp", "/proc/net/udp6" };
        gboolean found = FALSE;

        *drops = 0;
        for (gsize f = 0; f < G_N_ELEMENTS (files); f++) {
                g_autofree char *contents = NULL;
                g_auto(GStrv) lines = NULL;

                if (!g_file_get_contents (files[f], &contents, NULL, NULL))
                        continue;
                found = TRUE;
                lines = g_strsplit (contents, "\n", -1);
                for (guint l = 1; lines[l] != NULL; l++) {
                        g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[l]), " \t", -1);
                        guint n = 0;
                        const char *local = NULL, *last = NULL, *colon;
                        guint64 port;

                        /* non-empty fields: 1 is local_address, the last is drops */
                        for (guint j = 0; fields[j] != NULL; j++) {
                                if (fields[j][0] == '\0')
                                        continue;
                                if (n == 1)
                                        local = fields[j];
                                last = fields[j];
                                n++;
                        }
                        if (local == NULL || n < 13 || (colon = strrchr (local, ':')) == NULL)
                                continue;
                        port = g_ascii_strtoull (colon + 1, NULL, 16);
                        for (guint p = 0; p < ports->len; p++) {
                                if (port == g_array_index (ports, guint16, p)) {
                                        *drops += g_ascii_strtoull (last, NULL, 10);
                                        break;
                                }
                        }
                }
        }
        return found;
}

static void
print_stats (const char    *prgname,
             GsnmpListener *listener,
             GArray        *ports)
{
        guint64 drops;
        static const struct { GsnmpListenerCounter counter; const char *name; } counters[] = {
                { GSNMP_LISTENER_COUNTER_IN_PACKETS, "in_packets" },
                { GSNMP_LISTENER_COUNTER_NOTIFICATIONS, "notifications" },
                { GSNMP_LISTENER_COUNTER_INFORM_RESPONSES, "inform_responses" },
                { GSNMP_LISTENER_COUNTER_DUPLICATE_INFORMS, "duplicate_informs" },
                { GSNMP_LISTENER_COUNTER_REPORTS, "reports" },
                { GSNMP_LISTENER_COUNTER_BAD_VERSIONS, "bad_versions" },
                { GSNMP_LISTENER_COUNTER_BAD_COMMUNITY_NAMES, "bad_community_names" },
                { GSNMP_LISTENER_COUNTER_ASN_PARSE_ERRORS, "asn_parse_errors" },
                { GSNMP_LISTENER_COUNTER_INVALID_NOTIFICATIONS, "invalid_notifications" },
                { GSNMP_LISTENER_COUNTER_UNKNOWN_PDU_HANDLERS, "unknown_pdu_handlers" },
                { GSNMP_LISTENER_COUNTER_UNKNOWN_SECURITY_MODELS, "unknown_security_models" },
                { GSNMP_LISTENER_COUNTER_UNSUPPORTED_SEC_LEVELS, "unsupported_sec_levels" },
                { GSNMP_LISTENER_COUNTER_NOT_IN_TIME_WINDOWS, "not_in_time_windows" },
                { GSNMP_LISTENER_COUNTER_UNKNOWN_USER_NAMES, "unknown_user_names" },
                { GSNMP_LISTENER_COUNTER_UNKNOWN_ENGINE_IDS, "unknown_engine_ids" },
                { GSNMP_LISTENER_COUNTER_WRONG_DIGESTS, "wrong_digests" },
                { GSNMP_LISTENER_COUNTER_DECRYPTION_ERRORS, "decryption_errors" },
        };

        fprintf (stderr, "%s: stats:", prgname);
        for (gsize i = 0; i < G_N_ELEMENTS (counters); i++)
                fprintf (stderr, " %s=%" G_GUINT64_FORMAT, counters[i].name,
                         gsnmp_listener_get_counter (listener, counters[i].counter));
        if (count_kernel_drops (ports, &drops))
                fprintf (stderr, " kernel_drops=%" G_GUINT64_FORMAT, drops);
        fprintf (stderr, "\n");
}

/*****************************************************************************/
/* listen: running */

/* Sets up the listener from @config and runs until a signal or --count. */
static int
run_listener (const char   *prgname,
              ListenConfig *config,
              GsnmpFormatFlags format)
{
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpListener) listener = NULL;
        g_autoptr(GError) error = NULL;
        Printer printer = { 0, };
        guint i, sigint, sigterm;
        g_autoptr(GArray) ports = g_array_new (FALSE, FALSE, sizeof (guint16));

        if (config->config_file != NULL &&
            !load_config_file (config->config_file, config, &error)) {
                gsnmp_tool_print_error (prgname, "%s", error->message);
                return GSNMP_TOOL_EXIT_FAILURE;
        }
        if (config->engine_state != NULL) {
                engine = gsnmp_engine_new_with_state_file (config->engine_state, &error);
                if (engine == NULL) {
                        gsnmp_tool_print_error (prgname, "%s", error->message);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
        }
        if (config->addresses->len == 0)
                g_ptr_array_add (config->addresses, g_strdup (DEFAULT_LISTEN_ADDRESS));

        listener = gsnmp_listener_new (engine);
        for (i = 0; i < config->communities->len; i++)
                gsnmp_listener_add_community (listener, config->communities->pdata[i]);
        for (i = 0; i < config->users->len; i++) {
                UserConfig *uc = config->users->pdata[i];

                gsnmp_listener_add_user (listener, uc->user, uc->engine_id);
        }
        if (config->communities->len == 0 && config->users->len == 0)
                fprintf (stderr, _("%s: no community or user: every notification will be dropped\n"),
                         prgname);

        for (i = 0; i < config->addresses->len; i++) {
                const char *address = config->addresses->pdata[i];
                guint16 port = 0;

                if (!gsnmp_listener_add_address (listener, address, &port, &error)) {
                        gsnmp_tool_print_error (prgname, "%s: %s", address, error->message);
                        return GSNMP_TOOL_EXIT_FAILURE;
                }
                fprintf (stderr, _("%s: listening on %s (port %u)\n"), prgname, address, port);
                g_array_append_val (ports, port);
        }
        {
                GBytes *id = gsnmp_listener_get_engine_id (listener);
                gsize len;
                const guint8 *data = g_bytes_get_data (id, &len);
                GString *hex = g_string_new (NULL);

                for (gsize j = 0; j < len; j++)
                        g_string_append_printf (hex, "%02x", data[j]);
                fprintf (stderr, _("%s: engine ID 0x%s\n"), prgname, hex->str);
                g_string_free (hex, TRUE);
        }

        printer.config = config;
        printer.format = format;
        printer.loop = g_main_loop_new (NULL, FALSE);
        printer.line = g_string_sized_new (512);
        printer.last_second = -1;
        g_signal_connect (listener, "notification", G_CALLBACK (on_notification), &printer);
        sigint = g_unix_signal_add (SIGINT, on_signal, printer.loop);
        sigterm = g_unix_signal_add (SIGTERM, on_signal, printer.loop);

        g_main_loop_run (printer.loop);

        fflush (stdout);
        g_source_remove (sigint);
        g_source_remove (sigterm);
        if (printer.flush_id != 0)
                g_source_remove (printer.flush_id);
        if (config->stats)
                print_stats (prgname, listener, ports);
        gsnmp_listener_close (listener);
        g_signal_handlers_disconnect_by_data (listener, &printer);
        g_main_loop_unref (printer.loop);
        g_string_free (printer.line, TRUE);
        return GSNMP_TOOL_EXIT_OK;
}

/* "gsnmp listen --help": the options, the config file and the output formats. */
static void
listen_help (const char *prgname)
{
        printf (_("Usage: %s listen [OPTIONS] [ADDRESS]...\n"), prgname);
        printf ("\n");
        printf (_("Receives SNMP notifications (SNMPv1 and SNMPv2c traps and informs, SNMPv3\n"
                  "traps and informs) like Net-SNMP’s “snmptrapd -f”, acknowledges informs,\n"
                  "and prints each notification on stdout.\n"));
        printf ("\n");
        printf (_("ADDRESS is [udp:|udp6:]IP-ADDRESS[:PORT], [IPV6-ADDRESS]:PORT or a port\n"
                  "alone; the default is %s. Port 0 picks a free port: the port\n"
                  "bound is printed on stderr.\n"), DEFAULT_LISTEN_ADDRESS);
        printf ("\n");
        printf (_("Options:\n"));
        printf (_("  -h, --help            display this help message\n"));
        printf (_("  -c COMMUNITY          accept SNMPv1 and SNMPv2c notifications with\n"
                  "                        COMMUNITY (may be repeated)\n"));
        printf (_("  --community=COMMUNITY the same\n"));
        printf (_("  --config=FILE         read communities, users and addresses from FILE\n"));
        printf (_("  --json                print one JSON object per notification\n"));
        printf (_("  --count=N             exit after N notifications\n"));
        printf (_("  --stats               print the listener's counters on stderr at exit, and\n"
                  "                        the datagrams the kernel dropped (kernel_drops)\n"));
        printf (_("  --engine-state=FILE   keep the SNMPv3 engine ID (authoritative for\n"
                  "                        informs) and boots in FILE; without it the\n"
                  "                        engine ID is random\n"));
        printf (_("  -u USER -l LEVEL -a PROTOCOL -A PASSPHRASE -x PROTOCOL -X PASSPHRASE\n"
                  "                        accept SNMPv3 notifications from USER, as the\n"
                  "                        options of get define it\n"));
        printf (_("  -e ENGINE-ID          accept USER only from the sender with ENGINE-ID\n"));
        printf (_("  -O OUTOPTS            varbind output options, as for get (q, Q, v, n, e)\n"));
        printf (_("  -f, -n                accepted, as snmptrapd’s: gsnmp always stays in the\n"
                  "                        foreground and prints addresses numerically\n"));
        printf ("\n");
        printf (_("FILE takes these lines of snmptrapd.conf (others are ignored):\n"
                  "  authCommunity TYPES COMMUNITY   (or: community COMMUNITY)\n"
                  "  createUser [-e ENGINE-ID] USER [(MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512)\n"
                  "             AUTH-PASSPHRASE [(DES|AES|AES-192|AES-256|AES-192-C|AES-256-C)\n"
                  "             [PRIV-PASSPHRASE]]]\n"
                  "  snmpTrapdAddr ADDRESS[,ADDRESS]...   (or: listen ADDRESS)\n"
                  "A user with -e is accepted only from the sender with that engine ID; without\n"
                  "it, from any sender (traps) and for the listener's own engine ID (informs).\n"));
        printf ("\n");
        printf (_("Each notification is one line, fields separated by spaces:\n"
                  "  TIME SENDER VERSION TYPE SECURITY .OID uptime=TICKS [V1-FIELDS]\n"
                  "followed by one TAB and one varbind, in the -O format, per varbind:\n"
                  "  TIME      local time, 2026-11-24T19:30:00.123+01:00\n"
                  "  SENDER    the sender's address and port, 192.0.2.1:1024 or [2001:db8::1]:1024\n"
                  "  VERSION   v1, v2c or v3\n"
                  "  TYPE      TRAP or INFORM\n"
                  "  SECURITY  community=\"COMMUNITY\" (C escapes), or for SNMPv3\n"
                  "            user=USER level=LEVEL engine=0xENGINE-ID [context=CONTEXT]\n"
                  "            (the engine ID is the sender's for traps, the listener's for informs)\n"
                  "  .OID      the notification OID (snmpTrapOID.0; for SNMPv1 the RFC 3584 mapping),\n"
                  "            or its name, such as IF-MIB::linkDown, when MIB modules are loaded\n"
                  "  TICKS     sysUpTime.0, or the SNMPv1 time-stamp\n"
                  "  V1-FIELDS enterprise=.OID agent=IPV4 generic=N specific=N (SNMPv1 only)\n"
                  "The varbinds are those after sysUpTime.0 and snmpTrapOID.0, or those of the\n"
                  "SNMPv1 trap; a backslash, TAB, CR or LF in them is written \\\\, \\t, \\r, \\n.\n"));
        printf ("\n");
        printf (_("With --json each line is an object with the keys time, sender, port, version\n"
                  "(\"1\", \"2c\", \"3\"), type (\"trap\", \"inform\"), community, or user,\n"
                  "security_level, engine_id, context_engine_id and context_name (hex IDs),\n"
                  "request_id (not SNMPv1), oid, uptime, for SNMPv1 enterprise, agent_address,\n"
                  "generic_trap and specific_trap, and varbinds: a list of objects with oid,\n"
                  "type and value (a number; a string for Counter64, IpAddress and OIDs; text\n"
                  "or null for OCTET STRING and Opaque, with their bytes in \"hex\"; null for\n"
                  "NULL and exceptions).\n"));
        printf ("\n");
        printf (_("gsnmp listen runs until interrupted (SIGINT, SIGTERM) or --count is reached.\n"));
}

/* -u and its -l -a -A -x -X: one more user to accept, bound to the sender
 * engine ID of -e when it is given */
static gboolean
add_options_user (GsnmpToolOptions *options,
                  ListenConfig     *config,
                  int              *exit_status)
{
        g_autoptr(GError) error = NULL;
        GsnmpSecurityLevel level = options->security_level;
        gboolean auth = level >= GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV;
        gboolean priv = level == GSNMP_SECURITY_LEVEL_AUTH_PRIV;
        GsnmpUsmUser *user;
        UserConfig *uc;

        if (options->user_name == NULL)
                return TRUE;
        user = gsnmp_usm_user_new (options->user_name,
                                   auth ? options->auth_protocol : GSNMP_AUTH_PROTOCOL_NONE,
                                   auth ? options->auth_passphrase : NULL,
                                   priv ? options->priv_protocol : GSNMP_PRIV_PROTOCOL_NONE,
                                   priv ? options->priv_passphrase : NULL,
                                   &error);
        if (user == NULL) {
                gsnmp_tool_print_error (options->prgname, "%s", error->message);
                *exit_status = GSNMP_TOOL_EXIT_FAILURE;
                return FALSE;
        }
        uc = g_new0 (UserConfig, 1);
        uc->user = user;
        if (options->security_engine_id != NULL)
                uc->engine_id = g_bytes_ref (options->security_engine_id);
        g_ptr_array_add (config->users, uc);
        return TRUE;
}

/* The table entry used by gsnmp_tool_options_parse() and the usage hints */
static const GsnmpToolCommand listen_command = GSNMP_TOOL_LISTEN_COMMAND;

/* See the header: our options out, the common ones to
 * gsnmp_tool_options_parse(), the addresses in place of the agent. */
int
gsnmp_tool_listen_main (const char  *prgname,
                        int          argc,
                        char       **argv)
{
        g_auto(ListenConfig) config;
        g_autoptr(GPtrArray) rest = g_ptr_array_new ();
        GsnmpToolOptions options;
        gboolean options_done = FALSE;
        int exit_status = GSNMP_TOOL_EXIT_FAILURE;
        char sentinel[] = "@gsnmp-listen-default@";
        int i;

        listen_config_init (&config);
        g_ptr_array_add (rest, argv[0]);

        /* Our own options out; the common ones stay for the common parser */
        for (i = 1; i < argc; i++) {
                char *arg = argv[i];
                const char *value = NULL;

                if (options_done) {
                        g_ptr_array_add (rest, arg);
                        continue;
                }
                if (strcmp (arg, "--") == 0) {
                        options_done = TRUE;
                        g_ptr_array_add (rest, arg);
                } else if (strcmp (arg, "-h") == 0 || strcmp (arg, "--help") == 0) {
                        listen_help (prgname);
                        return GSNMP_TOOL_EXIT_OK;
                } else if (gsnmp_tool_take_long_option (argv, argc, &i, "json", FALSE, NULL)) {
                        config.json = TRUE;
                } else if (gsnmp_tool_take_long_option (argv, argc, &i, "stats", FALSE, NULL)) {
                        config.stats = TRUE;
                } else if (gsnmp_tool_take_long_option (argv, argc, &i, "count", TRUE, &value)) {
                        char *end = NULL;

                        config.count = value ? g_ascii_strtoull (value, &end, 10) : 0;
                        if (value == NULL || *value == '\0' || *end != '\0' || config.count == 0) {
                                gsnmp_tool_print_error (prgname, _("--count needs a positive number"));
                                return GSNMP_TOOL_EXIT_FAILURE;
                        }
                } else if (gsnmp_tool_take_long_option (argv, argc, &i, "config", TRUE, &value) ||
                           gsnmp_tool_take_long_option (argv, argc, &i, "engine-state", TRUE, &value)) {
                        char **slot = g_str_has_prefix (arg, "--config") ? &config.config_file :
                                                                           &config.engine_state;

                        if (value == NULL) {
                                gsnmp_tool_print_error (prgname, _("%s needs a file name"), arg);
                                return GSNMP_TOOL_EXIT_FAILURE;
                        }
                        g_free (*slot);
                        *slot = g_strdup (value);
                } else if (gsnmp_tool_take_long_option (argv, argc, &i, "community", TRUE, &value)) {
                        if (value == NULL) {
                                gsnmp_tool_print_error (prgname, _("--community needs a value"));
                                return GSNMP_TOOL_EXIT_FAILURE;
                        }
                        g_ptr_array_add (config.communities, g_strdup (value));
                } else if (strcmp (arg, "-c") == 0 || (strncmp (arg, "-c", 2) == 0 && arg[2] != '\0')) {
                        /* -c may be repeated here */
                        value = arg[2] != '\0' ? arg + 2 : (i + 1 < argc ? argv[++i] : NULL);
                        if (value == NULL) {
                                fprintf (stderr, _("%s: option requires an argument -- '%c'\n"),
                                         prgname, 'c');
                                return GSNMP_TOOL_EXIT_FAILURE;
                        }
                        g_ptr_array_add (config.communities, g_strdup (value));
                } else if (strcmp (arg, "-f") == 0 || strcmp (arg, "-n") == 0) {
                        /* snmptrapd's foreground and numeric options */
                } else {
                        g_ptr_array_add (rest, arg);
                }
        }
        /* The common parser wants an agent: the first address, or this */
        g_ptr_array_add (rest, sentinel);

        gsnmp_tool_options_init (&options, &listen_command, prgname);
        if (!gsnmp_tool_options_parse (&options, rest->len, (char **) rest->pdata, &exit_status)) {
                gsnmp_tool_options_clear (&options);
                return exit_status;
        }
        if (options.community != NULL)
                g_ptr_array_add (config.communities, g_strdup (options.community));
        if (!add_options_user (&options, &config, &exit_status)) {
                gsnmp_tool_options_clear (&options);
                return exit_status;
        }
        if (strcmp (options.agent, sentinel) != 0)
                g_ptr_array_add (config.addresses, g_strdup (options.agent));
        for (i = 0; i < options.n_operands; i++) {
                if (strcmp (options.operands[i], sentinel) != 0)
                        g_ptr_array_add (config.addresses, g_strdup (options.operands[i]));
        }

        exit_status = run_listener (prgname, &config, gsnmp_tool_options_get_format (&options));
        gsnmp_tool_options_clear (&options);
        return exit_status;
}
