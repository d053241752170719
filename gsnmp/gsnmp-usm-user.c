/* gsnmp-usm-user.c - SNMPv3 user-based security model (USM) credentials
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-usm-user.h"
#include "gsnmp-usm-user-private.h"
#include "gsnmp-usm-private.h"
#include "gsnmp-enum-types.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

/**
 * GsnmpUsmUser:
 *
 * SNMPv3 credentials of the user-based security model (RFC 3414), like
 * PySNMP's `UsmUserData`: a user name, an authentication protocol and key,
 * and a privacy protocol and key.
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GsnmpUsmUser) user =
 *         gsnmp_usm_user_new ("admin",
 *                             GSNMP_AUTH_PROTOCOL_SHA256, "authpassphrase",
 *                             GSNMP_PRIV_PROTOCOL_AES, "privpassphrase",
 *                             &error);
 * ```
 *
 * A user is immutable, and its secrets go in through the constructors only,
 * never through properties. [ctor@Gsnmp.UsmUser.new] turns the passphrases
 * into master keys (Ku, RFC 3414 §A.2) once, which takes a few milliseconds
 * of hashing, and keeps only the keys: the passphrases are not copied. The
 * engine then localizes the keys for each agent's engine ID and caches them.
 * The properties show only what is not secret: the user name, the protocols
 * and the security level they give.
 *
 * A user can be shared by any number of targets, engines and threads.
 *
 * Since: 0.1
 */

struct _GsnmpUsmUser {
        GsnmpCredentials parent_instance;

        char              *user_name;
        GsnmpAuthProtocol  auth_protocol;
        GsnmpPrivProtocol  priv_protocol;

        /* Master keys (gsnmp_usm_user_new, _new_from_keys) ... */
        GsnmpUsmKey       *auth_ku;
        GsnmpUsmKey       *priv_ku;

        /* ... or keys localized for one engine (_new_localized). */
        guint8            *engine_id;
        gsize              engine_id_len;
        GsnmpUsmKey       *auth_kul;
        GsnmpUsmKey       *priv_key;
};

G_DEFINE_FINAL_TYPE (GsnmpUsmUser, gsnmp_usm_user, GSNMP_TYPE_CREDENTIALS)

enum {
        PROP_0,
        PROP_USER_NAME,
        PROP_SECURITY_LEVEL,
        PROP_AUTH_PROTOCOL,
        PROP_PRIV_PROTOCOL,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MAX_USER_NAME_LENGTH 32   /* usmUserName, RFC 3414 §5 */
#define MIN_PASSPHRASE_LENGTH 8   /* RFC 3414 §11.2 */

/* Whatever the caller passes, a USM user speaks SNMPv3: force the base
 * class's construct-only version. */
static GObject *
gsnmp_usm_user_constructor (GType                  type,
                            guint                  n_construct_properties,
                            GObjectConstructParam *construct_properties)
{
        guint i;

        for (i = 0; i < n_construct_properties; i++) {
                if (g_str_equal (construct_properties[i].pspec->name, "version"))
                        g_value_set_enum (construct_properties[i].value,
                                          GSNMP_PROTOCOL_VERSION_V3);
        }

        return G_OBJECT_CLASS (gsnmp_usm_user_parent_class)->constructor (type,
                                                                        n_construct_properties,
                                                                        construct_properties);
}

static void
gsnmp_usm_user_finalize (GObject *object)
{
        GsnmpUsmUser *self = GSNMP_USM_USER (object);

        g_clear_pointer (&self->user_name, g_free);
        g_clear_pointer (&self->auth_ku, gsnmp_usm_key_unref);
        g_clear_pointer (&self->priv_ku, gsnmp_usm_key_unref);
        g_clear_pointer (&self->engine_id, g_free);
        g_clear_pointer (&self->auth_kul, gsnmp_usm_key_unref);
        g_clear_pointer (&self->priv_key, gsnmp_usm_key_unref);

        G_OBJECT_CLASS (gsnmp_usm_user_parent_class)->finalize (object);
}

static void
gsnmp_usm_user_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
        GsnmpUsmUser *self = GSNMP_USM_USER (object);

        switch (prop_id) {
        case PROP_USER_NAME:
                g_value_set_string (value, self->user_name);
                break;
        case PROP_SECURITY_LEVEL:
                g_value_set_enum (value, gsnmp_usm_user_get_security_level (self));
                break;
        case PROP_AUTH_PROTOCOL:
                g_value_set_enum (value, self->auth_protocol);
                break;
        case PROP_PRIV_PROTOCOL:
                g_value_set_enum (value, self->priv_protocol);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_usm_user_class_init (GsnmpUsmUserClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->constructor = gsnmp_usm_user_constructor;
        object_class->finalize = gsnmp_usm_user_finalize;
        object_class->get_property = gsnmp_usm_user_get_property;

        /**
         * GsnmpUsmUser:user-name: (getter get_user_name)
         *
         * The user name (the USM security name), 1 to 32 bytes of UTF-8.
         *
         * Since: 0.1
         */
        properties[PROP_USER_NAME] =
                g_param_spec_string ("user-name", NULL, NULL, NULL,
                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpUsmUser:security-level: (getter get_security_level)
         *
         * The security level the user's protocols give: noAuthNoPriv without
         * an authentication protocol, authNoPriv with one, authPriv with a
         * privacy protocol as well.
         *
         * Since: 0.1
         */
        properties[PROP_SECURITY_LEVEL] =
                g_param_spec_enum ("security-level", NULL, NULL,
                                   GSNMP_TYPE_SECURITY_LEVEL,
                                   GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV,
                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpUsmUser:auth-protocol: (getter get_auth_protocol)
         *
         * The authentication protocol.
         *
         * Since: 0.1
         */
        properties[PROP_AUTH_PROTOCOL] =
                g_param_spec_enum ("auth-protocol", NULL, NULL,
                                   GSNMP_TYPE_AUTH_PROTOCOL,
                                   GSNMP_AUTH_PROTOCOL_NONE,
                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

        /**
         * GsnmpUsmUser:priv-protocol: (getter get_priv_protocol)
         *
         * The privacy (encryption) protocol.
         *
         * Since: 0.1
         */
        properties[PROP_PRIV_PROTOCOL] =
                g_param_spec_enum ("priv-protocol", NULL, NULL,
                                   GSNMP_TYPE_PRIV_PROTOCOL,
                                   GSNMP_PRIV_PROTOCOL_NONE,
                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gsnmp_usm_user_init (GsnmpUsmUser *self)
{
}

/*****************************************************************************/
/* Argument checks */

typedef enum {
        SECRET_PASSPHRASE,
        SECRET_MASTER_KEY,
        SECRET_LOCALIZED_KEY,
} SecretKind;

static gboolean
check_user_name (const char *user_name,
                 GError    **error)
{
        gsize len = strlen (user_name);

        if (len == 0 || len > MAX_USER_NAME_LENGTH || !g_utf8_validate (user_name, len, NULL)) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("An SNMPv3 user name must be 1 to %d bytes of UTF-8"),
                             MAX_USER_NAME_LENGTH);
                return FALSE;
        }
        return TRUE;
}

/* The protocol and secret combinations a user can have. */
static gboolean
check_protocols (GsnmpAuthProtocol auth,
                 gboolean          has_auth_secret,
                 GsnmpPrivProtocol priv,
                 gboolean          has_priv_secret,
                 SecretKind        kind,
                 GError          **error)
{
        if (priv != GSNMP_PRIV_PROTOCOL_NONE && auth == GSNMP_AUTH_PROTOCOL_NONE) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("Privacy needs an authentication protocol"));
                return FALSE;
        }

        if (auth == GSNMP_AUTH_PROTOCOL_NONE && has_auth_secret) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             kind == SECRET_PASSPHRASE
                                     ? _("An authentication passphrase needs an authentication protocol")
                                     : _("An authentication key needs an authentication protocol"));
                return FALSE;
        }
        if (auth != GSNMP_AUTH_PROTOCOL_NONE && !has_auth_secret) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             kind == SECRET_PASSPHRASE
                                     ? _("The %s authentication protocol needs a passphrase")
                                     : _("The %s authentication protocol needs a key"),
                             gsnmp_usm_auth_protocol_name (auth));
                return FALSE;
        }

        if (priv == GSNMP_PRIV_PROTOCOL_NONE && has_priv_secret) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             kind == SECRET_PASSPHRASE
                                     ? _("A privacy passphrase needs a privacy protocol")
                                     : _("A privacy key needs a privacy protocol"));
                return FALSE;
        }
        if (priv != GSNMP_PRIV_PROTOCOL_NONE && !has_priv_secret) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             kind == SECRET_PASSPHRASE
                                     ? _("The %s privacy protocol needs a passphrase")
                                     : _("The %s privacy protocol needs a key"),
                             gsnmp_usm_priv_protocol_name (priv));
                return FALSE;
        }

        return TRUE;
}

static gboolean
check_key_length (GsnmpAuthProtocol auth,
                  gsize             len,
                  gboolean          is_priv,
                  GError          **error)
{
        gsize want = gsnmp_usm_auth_key_length (auth);

        if (len != want) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             is_priv ? _("The privacy key must be %zu bytes long with %s, not %zu")
                                     : _("The authentication key must be %zu bytes long with %s, not %zu"),
                             want, gsnmp_usm_auth_protocol_name (auth), len);
                return FALSE;
        }
        return TRUE;
}

static GsnmpUsmUser *
usm_user_new (const char       *user_name,
              GsnmpAuthProtocol auth,
              GsnmpPrivProtocol priv)
{
        GsnmpUsmUser *self;

        self = g_object_new (GSNMP_TYPE_USM_USER,
                             "version", GSNMP_PROTOCOL_VERSION_V3,
                             NULL);
        self->user_name = g_strdup (user_name);
        self->auth_protocol = auth;
        self->priv_protocol = priv;
        return self;
}

#define VALID_AUTH(a) ((a) == GSNMP_AUTH_PROTOCOL_NONE || gsnmp_usm_auth_key_length (a) > 0)
#define VALID_PRIV(p) ((p) == GSNMP_PRIV_PROTOCOL_NONE || gsnmp_usm_priv_key_length (p) > 0)

/*****************************************************************************/
/* Public API */

/**
 * gsnmp_usm_user_new:
 * @user_name: the user name, 1 to 32 bytes of UTF-8
 * @auth_protocol: the authentication protocol
 * @auth_passphrase: (nullable): the authentication passphrase, or %NULL
 *   for %GSNMP_AUTH_PROTOCOL_NONE
 * @priv_protocol: the privacy protocol
 * @priv_passphrase: (nullable): the privacy passphrase, or %NULL for
 *   %GSNMP_PRIV_PROTOCOL_NONE
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Creates SNMPv3 credentials from passphrases, like Net-SNMP's `-a`, `-A`,
 * `-x` and `-X` options.
 *
 * Each passphrase is turned into a master key (RFC 3414 §A.2, with the hash
 * of @auth_protocol for both keys), which takes a few milliseconds; the
 * passphrases are not kept. Passphrases must be at least 8 bytes long (RFC
 * 3414 §11.2). Privacy needs authentication, and a protocol needs a
 * passphrase exactly when it is not `NONE`.
 *
 * For a noAuthNoPriv user pass the `NONE` protocols and %NULL passphrases.
 *
 * Returns: (transfer full): a new [class@Gsnmp.UsmUser], or %NULL with
 *   @error set to %GSNMP_ERROR_INVALID_VALUE
 *
 * Since: 0.1
 */
GsnmpUsmUser *
gsnmp_usm_user_new (const char       *user_name,
                    GsnmpAuthProtocol auth_protocol,
                    const char       *auth_passphrase,
                    GsnmpPrivProtocol priv_protocol,
                    const char       *priv_passphrase,
                    GError          **error)
{
        g_autoptr(GsnmpUsmKey) auth_ku = NULL;
        g_autoptr(GsnmpUsmKey) priv_ku = NULL;
        GsnmpUsmUser *self;

        g_return_val_if_fail (user_name != NULL, NULL);
        g_return_val_if_fail (VALID_AUTH (auth_protocol), NULL);
        g_return_val_if_fail (VALID_PRIV (priv_protocol), NULL);
        g_return_val_if_fail (error == NULL || *error == NULL, NULL);

        gsnmp_init_once ();

        if (!check_user_name (user_name, error) ||
            !check_protocols (auth_protocol, auth_passphrase != NULL,
                              priv_protocol, priv_passphrase != NULL,
                              SECRET_PASSPHRASE, error))
                return NULL;

        if (auth_passphrase != NULL && strlen (auth_passphrase) < MIN_PASSPHRASE_LENGTH) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("The authentication passphrase is too short: SNMPv3 needs at "
                               "least %d characters"),
                             MIN_PASSPHRASE_LENGTH);
                return NULL;
        }
        if (priv_passphrase != NULL && strlen (priv_passphrase) < MIN_PASSPHRASE_LENGTH) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("The privacy passphrase is too short: SNMPv3 needs at "
                               "least %d characters"),
                             MIN_PASSPHRASE_LENGTH);
                return NULL;
        }

        if (auth_passphrase != NULL) {
                auth_ku = gsnmp_usm_password_to_key (auth_protocol,
                                                     (const guint8 *) auth_passphrase,
                                                     strlen (auth_passphrase), error);
                if (auth_ku == NULL)
                        return NULL;
        }
        if (priv_passphrase != NULL) {
                /* One passphrase for both is common: hash it once. */
                if (auth_passphrase != NULL && strcmp (priv_passphrase, auth_passphrase) == 0)
                        priv_ku = gsnmp_usm_key_ref (auth_ku);
                else
                        priv_ku = gsnmp_usm_password_to_key (auth_protocol,
                                                             (const guint8 *) priv_passphrase,
                                                             strlen (priv_passphrase), error);
                if (priv_ku == NULL)
                        return NULL;
        }

        self = usm_user_new (user_name, auth_protocol, priv_protocol);
        self->auth_ku = g_steal_pointer (&auth_ku);
        self->priv_ku = g_steal_pointer (&priv_ku);
        return self;
}

/**
 * gsnmp_usm_user_new_from_keys:
 * @user_name: the user name, 1 to 32 bytes of UTF-8
 * @auth_protocol: the authentication protocol
 * @auth_key: (array length=auth_key_len) (nullable): the authentication
 *   master key Ku, or %NULL for %GSNMP_AUTH_PROTOCOL_NONE
 * @auth_key_len: the length of @auth_key: the length of the protocol's hash
 *   (16 for MD5, 20 for SHA, 28, 32, 48 or 64 for SHA-224 to SHA-512)
 * @priv_protocol: the privacy protocol
 * @priv_key: (array length=priv_key_len) (nullable): the privacy master key
 *   Ku, made with the authentication protocol's hash, or %NULL for
 *   %GSNMP_PRIV_PROTOCOL_NONE
 * @priv_key_len: the length of @priv_key, the same as @auth_key_len
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Creates SNMPv3 credentials from master keys (Ku, the result of RFC 3414's
 * password-to-key algorithm), like Net-SNMP's `-3m` and `-3M` options. The
 * keys are copied; the caller may wipe its copies.
 *
 * Returns: (transfer full): a new [class@Gsnmp.UsmUser], or %NULL with
 *   @error set to %GSNMP_ERROR_INVALID_VALUE
 *
 * Since: 0.1
 */
GsnmpUsmUser *
gsnmp_usm_user_new_from_keys (const char       *user_name,
                              GsnmpAuthProtocol auth_protocol,
                              const guint8     *auth_key,
                              gsize             auth_key_len,
                              GsnmpPrivProtocol priv_protocol,
                              const guint8     *priv_key,
                              gsize             priv_key_len,
                              GError          **error)
{
        GsnmpUsmUser *self;

        g_return_val_if_fail (user_name != NULL, NULL);
        g_return_val_if_fail (VALID_AUTH (auth_protocol), NULL);
        g_return_val_if_fail (VALID_PRIV (priv_protocol), NULL);
        g_return_val_if_fail (auth_key != NULL || auth_key_len == 0, NULL);
        g_return_val_if_fail (priv_key != NULL || priv_key_len == 0, NULL);
        g_return_val_if_fail (error == NULL || *error == NULL, NULL);

        gsnmp_init_once ();

        if (!check_user_name (user_name, error) ||
            !check_protocols (auth_protocol, auth_key != NULL,
                              priv_protocol, priv_key != NULL,
                              SECRET_MASTER_KEY, error))
                return NULL;
        if (auth_key != NULL && !check_key_length (auth_protocol, auth_key_len, FALSE, error))
                return NULL;
        if (priv_key != NULL && !check_key_length (auth_protocol, priv_key_len, TRUE, error))
                return NULL;

        self = usm_user_new (user_name, auth_protocol, priv_protocol);
        if (auth_key != NULL)
                self->auth_ku = gsnmp_usm_key_new (auth_protocol, GSNMP_PRIV_PROTOCOL_NONE,
                                                   auth_key, auth_key_len);
        if (priv_key != NULL)
                self->priv_ku = gsnmp_usm_key_new (auth_protocol, GSNMP_PRIV_PROTOCOL_NONE,
                                                   priv_key, priv_key_len);
        return self;
}

/**
 * gsnmp_usm_user_new_localized:
 * @user_name: the user name, 1 to 32 bytes of UTF-8
 * @engine_id: (array length=engine_id_len): the authoritative SNMP engine ID
 *   the keys are localized for (the agent's, for requests)
 * @engine_id_len: the length of @engine_id, 1 to 32
 * @auth_protocol: the authentication protocol
 * @auth_key: (array length=auth_key_len) (nullable): the localized
 *   authentication key Kul, or %NULL for %GSNMP_AUTH_PROTOCOL_NONE
 * @auth_key_len: the length of @auth_key: the length of the protocol's hash
 * @priv_protocol: the privacy protocol
 * @priv_key: (array length=priv_key_len) (nullable): the localized privacy
 *   key, or %NULL for %GSNMP_PRIV_PROTOCOL_NONE
 * @priv_key_len: the length of @priv_key: at least the key length of the
 *   privacy protocol (16 for DES and AES, 24 for AES-192, 32 for AES-256 and
 *   3DES), or the length of the authentication protocol's hash, when the key
 *   is extended as the protocol defines
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Creates SNMPv3 credentials from keys already localized for one SNMP
 * engine (RFC 3414 §2.6), like Net-SNMP's `-3k` and `-3K` options. Such a
 * user works only with that engine: requests to another fail with
 * %GSNMP_ERROR_UNKNOWN_ENGINE_ID. The keys are copied; the caller may wipe
 * its copies.
 *
 * Returns: (transfer full): a new [class@Gsnmp.UsmUser], or %NULL with
 *   @error set to %GSNMP_ERROR_INVALID_VALUE
 *
 * Since: 0.1
 */
GsnmpUsmUser *
gsnmp_usm_user_new_localized (const char       *user_name,
                              const guint8     *engine_id,
                              gsize             engine_id_len,
                              GsnmpAuthProtocol auth_protocol,
                              const guint8     *auth_key,
                              gsize             auth_key_len,
                              GsnmpPrivProtocol priv_protocol,
                              const guint8     *priv_key,
                              gsize             priv_key_len,
                              GError          **error)
{
        g_autoptr(GsnmpUsmKey) auth_kul = NULL;
        g_autoptr(GsnmpUsmKey) priv_kul = NULL;
        GsnmpUsmUser *self;

        g_return_val_if_fail (user_name != NULL, NULL);
        g_return_val_if_fail (engine_id != NULL || engine_id_len == 0, NULL);
        g_return_val_if_fail (VALID_AUTH (auth_protocol), NULL);
        g_return_val_if_fail (VALID_PRIV (priv_protocol), NULL);
        g_return_val_if_fail (auth_key != NULL || auth_key_len == 0, NULL);
        g_return_val_if_fail (priv_key != NULL || priv_key_len == 0, NULL);
        g_return_val_if_fail (error == NULL || *error == NULL, NULL);

        gsnmp_init_once ();

        if (!check_user_name (user_name, error) ||
            !check_protocols (auth_protocol, auth_key != NULL,
                              priv_protocol, priv_key != NULL,
                              SECRET_LOCALIZED_KEY, error))
                return NULL;
        if (engine_id_len == 0 || engine_id_len > GSNMP_USM_MAX_ENGINE_ID_LENGTH) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("An SNMP engine ID must be 1 to %d bytes long, not %zu"),
                             GSNMP_USM_MAX_ENGINE_ID_LENGTH, engine_id_len);
                return NULL;
        }
        if (auth_key != NULL) {
                if (!check_key_length (auth_protocol, auth_key_len, FALSE, error))
                        return NULL;
                auth_kul = gsnmp_usm_key_new (auth_protocol, GSNMP_PRIV_PROTOCOL_NONE,
                                              auth_key, auth_key_len);
        }
        if (priv_key != NULL) {
                /* The engine ID is known: extend the key now, once. */
                priv_kul = gsnmp_usm_derive_priv_key (auth_protocol, priv_protocol,
                                                      priv_key, priv_key_len,
                                                      engine_id, engine_id_len, error);
                if (priv_kul == NULL)
                        return NULL;
        }

        self = usm_user_new (user_name, auth_protocol, priv_protocol);
        self->engine_id = g_memdup2 (engine_id, engine_id_len);
        self->engine_id_len = engine_id_len;
        self->auth_kul = g_steal_pointer (&auth_kul);
        self->priv_key = g_steal_pointer (&priv_kul);
        return self;
}

/**
 * gsnmp_usm_user_get_user_name: (get-property user-name)
 * @self: a [class@Gsnmp.UsmUser]
 *
 * Gets the user name.
 *
 * Returns: (transfer none): the user name
 *
 * Since: 0.1
 */
const char *
gsnmp_usm_user_get_user_name (GsnmpUsmUser *self)
{
        g_return_val_if_fail (GSNMP_IS_USM_USER (self), NULL);

        return self->user_name;
}

/**
 * gsnmp_usm_user_get_security_level: (get-property security-level)
 * @self: a [class@Gsnmp.UsmUser]
 *
 * Gets the security level the user's protocols give.
 *
 * Returns: the security level
 *
 * Since: 0.1
 */
GsnmpSecurityLevel
gsnmp_usm_user_get_security_level (GsnmpUsmUser *self)
{
        g_return_val_if_fail (GSNMP_IS_USM_USER (self), GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV);

        if (self->priv_protocol != GSNMP_PRIV_PROTOCOL_NONE)
                return GSNMP_SECURITY_LEVEL_AUTH_PRIV;
        if (self->auth_protocol != GSNMP_AUTH_PROTOCOL_NONE)
                return GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV;
        return GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV;
}

/**
 * gsnmp_usm_user_get_auth_protocol: (get-property auth-protocol)
 * @self: a [class@Gsnmp.UsmUser]
 *
 * Gets the authentication protocol.
 *
 * Returns: the authentication protocol
 *
 * Since: 0.1
 */
GsnmpAuthProtocol
gsnmp_usm_user_get_auth_protocol (GsnmpUsmUser *self)
{
        g_return_val_if_fail (GSNMP_IS_USM_USER (self), GSNMP_AUTH_PROTOCOL_NONE);

        return self->auth_protocol;
}

/**
 * gsnmp_usm_user_get_priv_protocol: (get-property priv-protocol)
 * @self: a [class@Gsnmp.UsmUser]
 *
 * Gets the privacy protocol.
 *
 * Returns: the privacy protocol
 *
 * Since: 0.1
 */
GsnmpPrivProtocol
gsnmp_usm_user_get_priv_protocol (GsnmpUsmUser *self)
{
        g_return_val_if_fail (GSNMP_IS_USM_USER (self), GSNMP_PRIV_PROTOCOL_NONE);

        return self->priv_protocol;
}

/*****************************************************************************/
/* Private accessors (gsnmp-usm-user-private.h) */

GsnmpUsmKey *
gsnmp_usm_user_get_auth_master_key (GsnmpUsmUser *self)
{
        g_return_val_if_fail (GSNMP_IS_USM_USER (self), NULL);

        return self->auth_ku;
}

GsnmpUsmKey *
gsnmp_usm_user_get_priv_master_key (GsnmpUsmUser *self)
{
        g_return_val_if_fail (GSNMP_IS_USM_USER (self), NULL);

        return self->priv_ku;
}

const guint8 *
gsnmp_usm_user_get_localized_engine_id (GsnmpUsmUser *self,
                                        gsize        *len)
{
        g_return_val_if_fail (GSNMP_IS_USM_USER (self), NULL);

        if (len != NULL)
                *len = self->engine_id_len;
        return self->engine_id;
}

GsnmpUsmKey *
gsnmp_usm_user_get_localized_auth_key (GsnmpUsmUser *self)
{
        g_return_val_if_fail (GSNMP_IS_USM_USER (self), NULL);

        return self->auth_kul;
}

GsnmpUsmKey *
gsnmp_usm_user_get_localized_priv_key (GsnmpUsmUser *self)
{
        g_return_val_if_fail (GSNMP_IS_USM_USER (self), NULL);

        return self->priv_key;
}
