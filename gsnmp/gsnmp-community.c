/* gsnmp-community.c - SNMPv1 and SNMPv2c community credentials
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-community.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

/**
 * GsnmpCommunity:
 *
 * Community-based credentials for SNMPv1 and SNMPv2c, like PySNMP's
 * `CommunityData`.
 *
 * A community is immutable: build a new one to use another string.
 *
 * ```c
 * g_autoptr(GsnmpCommunity) public = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V2C,
 *                                                         "public");
 * ```
 *
 * Since: 0.1
 */

struct _GsnmpCommunity {
        GsnmpCredentials parent_instance;

        GBytes *community;
        char   *community_str;
};

G_DEFINE_FINAL_TYPE (GsnmpCommunity, gsnmp_community, GSNMP_TYPE_CREDENTIALS)

enum {
        PROP_0,
        PROP_COMMUNITY,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gsnmp_community_finalize (GObject *object)
{
        GsnmpCommunity *self = GSNMP_COMMUNITY (object);

        g_clear_pointer (&self->community, g_bytes_unref);
        g_clear_pointer (&self->community_str, g_free);

        G_OBJECT_CLASS (gsnmp_community_parent_class)->finalize (object);
}

static void
gsnmp_community_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
        GsnmpCommunity *self = GSNMP_COMMUNITY (object);

        switch (prop_id) {
        case PROP_COMMUNITY:
                g_value_set_string (value, self->community_str);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_community_class_init (GsnmpCommunityClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->finalize = gsnmp_community_finalize;
        object_class->get_property = gsnmp_community_get_property;

        /**
         * GsnmpCommunity:community: (getter get_community)
         *
         * The community string, as text. Communities that are not valid
         * UTF-8 show here with replacement characters; use
         * [method@Gsnmp.Community.get_bytes] for the exact octets.
         *
         * Since: 0.1
         */
        properties[PROP_COMMUNITY] =
                g_param_spec_string ("community", NULL, NULL, NULL,
                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gsnmp_community_init (GsnmpCommunity *self)
{
}

/**
 * gsnmp_community_new_from_bytes:
 * @version: %GSNMP_PROTOCOL_VERSION_V1 or %GSNMP_PROTOCOL_VERSION_V2C
 * @community: the community octets
 *
 * Creates community credentials from arbitrary octets.
 *
 * Returns: (transfer full): a new [class@Gsnmp.Community]
 *
 * Since: 0.1
 */
GsnmpCommunity *
gsnmp_community_new_from_bytes (GsnmpProtocolVersion version,
                                GBytes              *community)
{
        GsnmpCommunity *self;
        gsize len;
        const char *data;

        g_return_val_if_fail (version == GSNMP_PROTOCOL_VERSION_V1 ||
                              version == GSNMP_PROTOCOL_VERSION_V2C, NULL);
        g_return_val_if_fail (community != NULL, NULL);

        self = g_object_new (GSNMP_TYPE_COMMUNITY, "version", version, NULL);
        self->community = g_bytes_ref (community);
        data = g_bytes_get_data (community, &len);
        self->community_str = g_utf8_make_valid (data ? data : "", len);

        return self;
}

/**
 * gsnmp_community_new:
 * @version: %GSNMP_PROTOCOL_VERSION_V1 or %GSNMP_PROTOCOL_VERSION_V2C
 * @community: the community string, such as `"public"`
 *
 * Creates community credentials.
 *
 * Returns: (transfer full): a new [class@Gsnmp.Community]
 *
 * Since: 0.1
 */
GsnmpCommunity *
gsnmp_community_new (GsnmpProtocolVersion version,
                     const char          *community)
{
        g_autoptr(GBytes) bytes = NULL;

        g_return_val_if_fail (community != NULL, NULL);

        bytes = g_bytes_new (community, strlen (community));
        return gsnmp_community_new_from_bytes (version, bytes);
}

/**
 * gsnmp_community_get_community: (get-property community)
 * @self: a [class@Gsnmp.Community]
 *
 * Gets the community string as text.
 *
 * Returns: (transfer none): the community string
 *
 * Since: 0.1
 */
const char *
gsnmp_community_get_community (GsnmpCommunity *self)
{
        g_return_val_if_fail (GSNMP_IS_COMMUNITY (self), NULL);

        return self->community_str;
}

/**
 * gsnmp_community_get_bytes:
 * @self: a [class@Gsnmp.Community]
 *
 * Gets the community octets exactly as they are sent.
 *
 * Returns: (transfer none): the community octets
 *
 * Since: 0.1
 */
GBytes *
gsnmp_community_get_bytes (GsnmpCommunity *self)
{
        g_return_val_if_fail (GSNMP_IS_COMMUNITY (self), NULL);

        return self->community;
}
