/* gsnmp-target.c - a remote SNMP entity: its address, credentials and timing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-target.h"
#include "gsnmp-target-private.h"
#include "gsnmp-address-private.h"
#include "gsnmp-community.h"
#include "gsnmp-usm-user.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

/**
 * GsnmpTarget:
 *
 * A remote SNMP entity — an agent to query, or a manager to notify — and
 * how to reach it: its address, the [class@Gsnmp.Credentials] to use, the
 * timeout and the number of retries.
 *
 * Like PySNMP's `UdpTransportTarget` plus its `CommunityData`, a target is
 * passed to the request methods of [class@Gsnmp.Engine]:
 *
 * ```c
 * g_autoptr(GsnmpCommunity) community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public");
 * g_autoptr(GsnmpTarget) target = gsnmp_target_new ("udp:127.0.0.1:161",
 *                                                   GSNMP_CREDENTIALS (community),
 *                                                   &error);
 * ```
 *
 * The address takes the forms Net-SNMP's tools accept: a host name, an IPv4
 * literal or an IPv6 literal, each with an optional port (`host:1161`,
 * `[::1]:1161`; a bare IPv6 literal such as `::1` has no port), optionally
 * prefixed by a transport, `udp:` (IPv4) or `udp6:` (IPv6). RFC 4088 URIs
 * (`snmp://[community@]host[:port]`) work as well. The port defaults to
 * %GSNMP_DEFAULT_PORT.
 *
 * Host names are resolved asynchronously by the engine for each request,
 * so creating a target never blocks.
 *
 * Each request takes a snapshot of the target when it starts: changing the
 * timeout or retries later affects only later requests. Targets are not
 * thread-safe; use one from the thread that created its engine.
 *
 * Since: 0.1
 */

struct _GsnmpTarget {
        GObject           parent_instance;

        char             *address;
        GsnmpCredentials *credentials;
        guint             timeout_ms;
        guint             retries;
        guint             max_repetitions;
        GBytes           *context_engine_id;
        char             *context_name;

        /* parsed from address */
        char             *host;
        guint16           port;
        GSocketFamily     family_hint;
        GInetAddress     *inet_address;
        GSocketAddress   *socket_address;   /* inet_address:port, built once */
        struct sockaddr_storage native;     /* socket_address, when native_len > 0 */
        socklen_t         native_len;
        GError           *parse_error;
};

G_DEFINE_FINAL_TYPE (GsnmpTarget, gsnmp_target, G_TYPE_OBJECT)

enum {
        PROP_0,
        PROP_ADDRESS,
        PROP_CREDENTIALS,
        PROP_TIMEOUT,
        PROP_RETRIES,
        PROP_MAX_REPETITIONS,
        PROP_CONTEXT_ENGINE_ID,
        PROP_CONTEXT_NAME,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_TIMEOUT_MS 1000
#define DEFAULT_RETRIES 5
#define DEFAULT_MAX_REPETITIONS 10

/*****************************************************************************/
/* Address parsing */

static gboolean
parse_address (GsnmpTarget *self,
               GError     **error)
{
        g_auto(GsnmpAddress) address = { 0, };

        if (!gsnmp_address_parse (self->address, GSNMP_ADDRESS_USE_TARGET, GSNMP_DEFAULT_PORT,
                                  &address, error))
                return FALSE;

        self->host = g_steal_pointer (&address.host);
        self->port = address.port;
        self->family_hint = address.family_hint;
        self->inet_address = g_steal_pointer (&address.inet_address);
        if (self->inet_address != NULL) {
                self->socket_address = g_inet_socket_address_new (self->inet_address, self->port);
                if (g_socket_address_to_native (self->socket_address, &self->native,
                                                sizeof self->native, NULL))
                        self->native_len =
                                (socklen_t) g_socket_address_get_native_size (self->socket_address);
        }

        if (self->credentials == NULL) {
                self->credentials = GSNMP_CREDENTIALS (
                        gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C,
                                             address.community ? address.community : "public"));
        } else if (address.community != NULL && GSNMP_IS_COMMUNITY (self->credentials)) {
                /* RFC 4088 §3: the community of the URI is the one to use;
                 * the credentials still give the protocol version */
                GsnmpCredentials *given = self->credentials;

                if (g_strcmp0 (gsnmp_community_get_community (GSNMP_COMMUNITY (given)),
                               address.community) != 0) {
                        self->credentials = GSNMP_CREDENTIALS (
                                gsnmp_community_new (gsnmp_credentials_get_version (given),
                                                     address.community));
                        g_object_unref (given);
                }
        } else if (address.community != NULL && GSNMP_IS_USM_USER (self->credentials) &&
                   g_strcmp0 (gsnmp_usm_user_get_user_name (GSNMP_USM_USER (self->credentials)),
                              address.community) != 0) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS,
                             _("Invalid agent address “%s”: %s"), self->address,
                             _("the user name in the URI differs from the credentials’ user"));
                return FALSE;
        }

        return TRUE;
}

/*****************************************************************************/

static void
gsnmp_target_constructed (GObject *object)
{
        GsnmpTarget *self = GSNMP_TARGET (object);

        G_OBJECT_CLASS (gsnmp_target_parent_class)->constructed (object);

        if (!parse_address (self, &self->parse_error)) {
                g_clear_pointer (&self->host, g_free);
                g_clear_object (&self->inet_address);
                g_clear_object (&self->socket_address);
                self->native_len = 0;
        }
        if (self->credentials == NULL)
                self->credentials = GSNMP_CREDENTIALS (
                        gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C, "public"));
}

static void
gsnmp_target_finalize (GObject *object)
{
        GsnmpTarget *self = GSNMP_TARGET (object);

        g_clear_pointer (&self->address, g_free);
        g_clear_object (&self->credentials);
        g_clear_pointer (&self->context_engine_id, g_bytes_unref);
        g_clear_pointer (&self->context_name, g_free);
        g_clear_pointer (&self->host, g_free);
        g_clear_object (&self->inet_address);
        g_clear_object (&self->socket_address);
        g_clear_error (&self->parse_error);

        G_OBJECT_CLASS (gsnmp_target_parent_class)->finalize (object);
}

static void
gsnmp_target_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
        GsnmpTarget *self = GSNMP_TARGET (object);

        switch (prop_id) {
        case PROP_ADDRESS:
                g_value_set_string (value, self->address);
                break;
        case PROP_CREDENTIALS:
                g_value_set_object (value, self->credentials);
                break;
        case PROP_TIMEOUT:
                g_value_set_uint (value, self->timeout_ms);
                break;
        case PROP_RETRIES:
                g_value_set_uint (value, self->retries);
                break;
        case PROP_MAX_REPETITIONS:
                g_value_set_uint (value, self->max_repetitions);
                break;
        case PROP_CONTEXT_ENGINE_ID:
                g_value_set_boxed (value, self->context_engine_id);
                break;
        case PROP_CONTEXT_NAME:
                g_value_set_string (value, self->context_name);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_target_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
        GsnmpTarget *self = GSNMP_TARGET (object);

        switch (prop_id) {
        case PROP_ADDRESS:
                self->address = g_value_dup_string (value);
                break;
        case PROP_CREDENTIALS:
                self->credentials = g_value_dup_object (value);
                break;
        case PROP_TIMEOUT:
                gsnmp_target_set_timeout (self, g_value_get_uint (value));
                break;
        case PROP_RETRIES:
                gsnmp_target_set_retries (self, g_value_get_uint (value));
                break;
        case PROP_MAX_REPETITIONS:
                gsnmp_target_set_max_repetitions (self, g_value_get_uint (value));
                break;
        case PROP_CONTEXT_ENGINE_ID:
                gsnmp_target_set_context_engine_id (self, g_value_get_boxed (value));
                break;
        case PROP_CONTEXT_NAME:
                gsnmp_target_set_context_name (self, g_value_get_string (value));
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_target_class_init (GsnmpTargetClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->constructed = gsnmp_target_constructed;
        object_class->finalize = gsnmp_target_finalize;
        object_class->get_property = gsnmp_target_get_property;
        object_class->set_property = gsnmp_target_set_property;

        /**
         * GsnmpTarget:address: (getter get_address)
         *
         * The address of the remote entity, as given at construction: see
         * [class@Gsnmp.Target] for the accepted forms.
         *
         * Since: 0.1
         */
        properties[PROP_ADDRESS] =
                g_param_spec_string ("address", NULL, NULL, NULL,
                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                     G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpTarget:credentials: (getter get_credentials)
         *
         * The credentials requests to this target use. When none are given,
         * the community of an `snmp://community@host` address, or else the
         * SNMPv2c community `public`, is used. The community of an
         * `snmp://community@host` address also replaces that of
         * [class@Gsnmp.Community] credentials (whose version is kept); with
         * [class@Gsnmp.UsmUser] credentials it must be the user name.
         *
         * Since: 0.1
         */
        properties[PROP_CREDENTIALS] =
                g_param_spec_object ("credentials", NULL, NULL,
                                     GSNMP_TYPE_CREDENTIALS,
                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                     G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpTarget:timeout: (getter get_timeout) (setter set_timeout)
         *
         * How long each attempt of a request waits for the response, in
         * milliseconds. Must be greater than 0.
         *
         * Since: 0.1
         */
        properties[PROP_TIMEOUT] =
                g_param_spec_uint ("timeout", NULL, NULL,
                                   1, G_MAXUINT, DEFAULT_TIMEOUT_MS,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpTarget:retries: (getter get_retries) (setter set_retries)
         *
         * How many times a request is retransmitted after its first attempt
         * timed out. SET requests are retransmitted too, as in Net-SNMP: a
         * lost response can mean that the SET was applied.
         *
         * Since: 0.1
         */
        properties[PROP_RETRIES] =
                g_param_spec_uint ("retries", NULL, NULL,
                                   0, 1000, DEFAULT_RETRIES,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpTarget:max-repetitions: (getter get_max_repetitions) (setter set_max_repetitions)
         *
         * The max-repetitions that walks and tables put in their
         * GetBulkRequests.
         *
         * Since: 0.1
         */
        properties[PROP_MAX_REPETITIONS] =
                g_param_spec_uint ("max-repetitions", NULL, NULL,
                                   1, G_MAXINT32, DEFAULT_MAX_REPETITIONS,
                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                   G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpTarget:context-engine-id: (getter get_context_engine_id) (setter set_context_engine_id)
         *
         * The SNMPv3 contextEngineID, or %NULL to use the agent's engine ID.
         *
         * Since: 0.1
         */
        properties[PROP_CONTEXT_ENGINE_ID] =
                g_param_spec_boxed ("context-engine-id", NULL, NULL,
                                    G_TYPE_BYTES,
                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                    G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpTarget:context-name: (getter get_context_name) (setter set_context_name)
         *
         * The SNMPv3 contextName; the default is the empty context.
         *
         * Since: 0.1
         */
        properties[PROP_CONTEXT_NAME] =
                g_param_spec_string ("context-name", NULL, NULL, "",
                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gsnmp_target_init (GsnmpTarget *self)
{
        self->timeout_ms = DEFAULT_TIMEOUT_MS;
        self->retries = DEFAULT_RETRIES;
        self->max_repetitions = DEFAULT_MAX_REPETITIONS;
        self->context_name = g_strdup ("");
}

/*****************************************************************************/
/* Internal API */

gboolean
gsnmp_target_check_address (GsnmpTarget *self,
                            GError     **error)
{
        if (self->parse_error != NULL) {
                if (error != NULL)
                        *error = g_error_copy (self->parse_error);
                return FALSE;
        }
        return TRUE;
}

GInetAddress *
gsnmp_target_get_inet_address (GsnmpTarget *self)
{
        return self->inet_address;
}

GSocketAddress *
gsnmp_target_get_socket_address (GsnmpTarget *self)
{
        return self->socket_address;
}

const struct sockaddr *
gsnmp_target_get_native_address (GsnmpTarget *self,
                                 socklen_t   *len)
{
        *len = self->native_len;
        return self->native_len > 0 ? (const struct sockaddr *) &self->native : NULL;
}

GSocketFamily
gsnmp_target_get_family_hint (GsnmpTarget *self)
{
        return self->family_hint;
}

/*****************************************************************************/
/* Public API */

/**
 * gsnmp_target_new:
 * @address: the address of the agent, such as `"192.0.2.1"`,
 *   `"udp:127.0.0.1:1161"`, `"udp6:[::1]:161"`, `"router.example.org"` or
 *   `"snmp://public@192.0.2.1"`
 * @credentials: (nullable): the credentials to use, or %NULL for those in
 *   an `snmp://` address or the SNMPv2c community `public`; the community
 *   of an `snmp://community@host` address replaces the community of these
 *   (see [property@Gsnmp.Target:credentials])
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Creates a target for the SNMP entity at @address.
 *
 * The address is checked now, but host names are resolved only when a
 * request is sent (asynchronously, see [class@Gsnmp.Engine]).
 *
 * Returns: (transfer full): a new [class@Gsnmp.Target], or %NULL with
 *   %GSNMP_ERROR_INVALID_ADDRESS when @address is malformed
 *
 * Since: 0.1
 */
GsnmpTarget *
gsnmp_target_new (const char       *address,
                  GsnmpCredentials *credentials,
                  GError          **error)
{
        g_autoptr(GsnmpTarget) self = NULL;

        g_return_val_if_fail (address != NULL, NULL);
        g_return_val_if_fail (credentials == NULL || GSNMP_IS_CREDENTIALS (credentials), NULL);
        g_return_val_if_fail (error == NULL || *error == NULL, NULL);

        self = g_object_new (GSNMP_TYPE_TARGET,
                             "address", address,
                             "credentials", credentials,
                             NULL);
        if (!gsnmp_target_check_address (self, error))
                return NULL;

        return g_steal_pointer (&self);
}

/**
 * gsnmp_target_get_address: (get-property address)
 * @self: a [class@Gsnmp.Target]
 *
 * Gets the address the target was created with.
 *
 * Returns: (transfer none): the address string
 *
 * Since: 0.1
 */
const char *
gsnmp_target_get_address (GsnmpTarget *self)
{
        g_return_val_if_fail (GSNMP_IS_TARGET (self), NULL);

        return self->address;
}

/**
 * gsnmp_target_get_host:
 * @self: a [class@Gsnmp.Target]
 *
 * Gets the host part of the address: a host name or an IP literal,
 * without brackets.
 *
 * Returns: (transfer none) (nullable): the host, or %NULL if the address
 *   is invalid
 *
 * Since: 0.1
 */
const char *
gsnmp_target_get_host (GsnmpTarget *self)
{
        g_return_val_if_fail (GSNMP_IS_TARGET (self), NULL);

        return self->host;
}

/**
 * gsnmp_target_get_port:
 * @self: a [class@Gsnmp.Target]
 *
 * Gets the UDP port of the target.
 *
 * Returns: the port, %GSNMP_DEFAULT_PORT unless the address gave one
 *
 * Since: 0.1
 */
guint16
gsnmp_target_get_port (GsnmpTarget *self)
{
        g_return_val_if_fail (GSNMP_IS_TARGET (self), 0);

        return self->port;
}

/**
 * gsnmp_target_get_credentials: (get-property credentials)
 * @self: a [class@Gsnmp.Target]
 *
 * Gets the credentials requests to this target use.
 *
 * Returns: (transfer none): the credentials
 *
 * Since: 0.1
 */
GsnmpCredentials *
gsnmp_target_get_credentials (GsnmpTarget *self)
{
        g_return_val_if_fail (GSNMP_IS_TARGET (self), NULL);

        return self->credentials;
}

/**
 * gsnmp_target_get_version:
 * @self: a [class@Gsnmp.Target]
 *
 * Gets the SNMP version of the target's credentials.
 *
 * Returns: the protocol version
 *
 * Since: 0.1
 */
GsnmpProtocolVersion
gsnmp_target_get_version (GsnmpTarget *self)
{
        g_return_val_if_fail (GSNMP_IS_TARGET (self), GSNMP_PROTOCOL_VERSION_V2C);

        return gsnmp_credentials_get_version (self->credentials);
}

/**
 * gsnmp_target_get_timeout: (get-property timeout)
 * @self: a [class@Gsnmp.Target]
 *
 * Gets how long each attempt waits for a response.
 *
 * Returns: the timeout in milliseconds
 *
 * Since: 0.1
 */
guint
gsnmp_target_get_timeout (GsnmpTarget *self)
{
        g_return_val_if_fail (GSNMP_IS_TARGET (self), 0);

        return self->timeout_ms;
}

/**
 * gsnmp_target_set_timeout: (set-property timeout)
 * @self: a [class@Gsnmp.Target]
 * @timeout_ms: the timeout in milliseconds, greater than 0
 *
 * Sets how long each attempt of a request waits for the response.
 *
 * Since: 0.1
 */
void
gsnmp_target_set_timeout (GsnmpTarget *self,
                          guint        timeout_ms)
{
        g_return_if_fail (GSNMP_IS_TARGET (self));
        g_return_if_fail (timeout_ms > 0);

        if (self->timeout_ms == timeout_ms)
                return;
        self->timeout_ms = timeout_ms;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * gsnmp_target_get_retries: (get-property retries)
 * @self: a [class@Gsnmp.Target]
 *
 * Gets how many times a request is retransmitted.
 *
 * Returns: the number of retries
 *
 * Since: 0.1
 */
guint
gsnmp_target_get_retries (GsnmpTarget *self)
{
        g_return_val_if_fail (GSNMP_IS_TARGET (self), 0);

        return self->retries;
}

/**
 * gsnmp_target_set_retries: (set-property retries)
 * @self: a [class@Gsnmp.Target]
 * @retries: the number of retransmissions after the first attempt
 *
 * Sets how many times a request is retransmitted after a timeout.
 *
 * Since: 0.1
 */
void
gsnmp_target_set_retries (GsnmpTarget *self,
                          guint        retries)
{
        g_return_if_fail (GSNMP_IS_TARGET (self));
        g_return_if_fail (retries <= 1000);

        if (self->retries == retries)
                return;
        self->retries = retries;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRIES]);
}

/**
 * gsnmp_target_get_max_repetitions: (get-property max-repetitions)
 * @self: a [class@Gsnmp.Target]
 *
 * Gets the max-repetitions walks and tables use.
 *
 * Returns: the max-repetitions
 *
 * Since: 0.1
 */
guint
gsnmp_target_get_max_repetitions (GsnmpTarget *self)
{
        g_return_val_if_fail (GSNMP_IS_TARGET (self), 0);

        return self->max_repetitions;
}

/**
 * gsnmp_target_set_max_repetitions: (set-property max-repetitions)
 * @self: a [class@Gsnmp.Target]
 * @max_repetitions: the max-repetitions, at least 1
 *
 * Sets the max-repetitions walks and tables put in their GetBulkRequests.
 *
 * Since: 0.1
 */
void
gsnmp_target_set_max_repetitions (GsnmpTarget *self,
                                  guint        max_repetitions)
{
        g_return_if_fail (GSNMP_IS_TARGET (self));
        g_return_if_fail (max_repetitions >= 1 && max_repetitions <= G_MAXINT32);

        if (self->max_repetitions == max_repetitions)
                return;
        self->max_repetitions = max_repetitions;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_REPETITIONS]);
}

/**
 * gsnmp_target_get_context_engine_id: (get-property context-engine-id)
 * @self: a [class@Gsnmp.Target]
 *
 * Gets the SNMPv3 contextEngineID.
 *
 * Returns: (transfer none) (nullable): the context engine ID, or %NULL
 *   for the agent's own
 *
 * Since: 0.1
 */
GBytes *
gsnmp_target_get_context_engine_id (GsnmpTarget *self)
{
        g_return_val_if_fail (GSNMP_IS_TARGET (self), NULL);

        return self->context_engine_id;
}

/**
 * gsnmp_target_set_context_engine_id: (set-property context-engine-id)
 * @self: a [class@Gsnmp.Target]
 * @engine_id: (nullable): the context engine ID, or %NULL for the agent's
 *
 * Sets the SNMPv3 contextEngineID of requests to this target.
 *
 * Since: 0.1
 */
void
gsnmp_target_set_context_engine_id (GsnmpTarget *self,
                                    GBytes      *engine_id)
{
        g_return_if_fail (GSNMP_IS_TARGET (self));

        if (self->context_engine_id == engine_id ||
            (self->context_engine_id && engine_id &&
             g_bytes_equal (self->context_engine_id, engine_id)))
                return;
        g_clear_pointer (&self->context_engine_id, g_bytes_unref);
        if (engine_id != NULL)
                self->context_engine_id = g_bytes_ref (engine_id);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT_ENGINE_ID]);
}

/**
 * gsnmp_target_get_context_name: (get-property context-name)
 * @self: a [class@Gsnmp.Target]
 *
 * Gets the SNMPv3 contextName.
 *
 * Returns: (transfer none): the context name, empty by default
 *
 * Since: 0.1
 */
const char *
gsnmp_target_get_context_name (GsnmpTarget *self)
{
        g_return_val_if_fail (GSNMP_IS_TARGET (self), NULL);

        return self->context_name;
}

/**
 * gsnmp_target_set_context_name: (set-property context-name)
 * @self: a [class@Gsnmp.Target]
 * @context_name: (nullable): the context name, or %NULL for the empty one
 *
 * Sets the SNMPv3 contextName of requests to this target.
 *
 * Since: 0.1
 */
void
gsnmp_target_set_context_name (GsnmpTarget *self,
                               const char  *context_name)
{
        g_return_if_fail (GSNMP_IS_TARGET (self));

        if (context_name == NULL)
                context_name = "";
        if (g_strcmp0 (self->context_name, context_name) == 0)
                return;
        g_free (self->context_name);
        self->context_name = g_strdup (context_name);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT_NAME]);
}
