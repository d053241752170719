/* gsnmp-credentials.c - the abstract base of SNMP credentials
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-credentials.h"
#include "gsnmp-enum-types.h"
#include "gsnmp-i18n-private.h"

/**
 * GsnmpCredentials:
 *
 * The credentials a [class@Gsnmp.Target] uses: a [class@Gsnmp.Community] for
 * SNMPv1 and SNMPv2c, or a USM user for SNMPv3.
 *
 * Credentials are immutable once constructed, so one object can be shared by
 * any number of targets and requests. Secrets are passed to the subclasses'
 * constructors only, never through properties.
 *
 * Since: 0.1
 */

typedef struct {
        GsnmpProtocolVersion version;
} GsnmpCredentialsPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GsnmpCredentials, gsnmp_credentials, G_TYPE_OBJECT)

enum {
        PROP_0,
        PROP_VERSION,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gsnmp_credentials_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
        GsnmpCredentials *self = GSNMP_CREDENTIALS (object);

        switch (prop_id) {
        case PROP_VERSION:
                g_value_set_enum (value, gsnmp_credentials_get_version (self));
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_credentials_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
        GsnmpCredentials *self = GSNMP_CREDENTIALS (object);
        GsnmpCredentialsPrivate *priv = gsnmp_credentials_get_instance_private (self);

        switch (prop_id) {
        case PROP_VERSION:
                priv->version = g_value_get_enum (value);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_credentials_class_init (GsnmpCredentialsClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->get_property = gsnmp_credentials_get_property;
        object_class->set_property = gsnmp_credentials_set_property;

        /**
         * GsnmpCredentials:version: (getter get_version)
         *
         * The SNMP message version these credentials are used with.
         *
         * Since: 0.1
         */
        properties[PROP_VERSION] =
                g_param_spec_enum ("version", NULL, NULL,
                                   GSNMP_TYPE_PROTOCOL_VERSION,
                                   GSNMP_PROTOCOL_VERSION_V2C,
                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                   G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gsnmp_credentials_init (GsnmpCredentials *self)
{
}

/**
 * gsnmp_credentials_get_version: (get-property version)
 * @self: a [class@Gsnmp.Credentials]
 *
 * Gets the SNMP message version these credentials are used with.
 *
 * Returns: the protocol version
 *
 * Since: 0.1
 */
GsnmpProtocolVersion
gsnmp_credentials_get_version (GsnmpCredentials *self)
{
        GsnmpCredentialsPrivate *priv;

        g_return_val_if_fail (GSNMP_IS_CREDENTIALS (self), GSNMP_PROTOCOL_VERSION_V2C);

        priv = gsnmp_credentials_get_instance_private (self);
        return priv->version;
}
