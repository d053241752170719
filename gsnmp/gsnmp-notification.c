/* gsnmp-notification.c - a received SNMP notification (trap or inform)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-notification.h"
#include "gsnmp-notification-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"
#include "gsnmp-oid-private.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-varbind-private.h"

#include <string.h>
#include <netinet/in.h>

/**
 * GsnmpNotification:
 *
 * A notification that a [class@Gsnmp.Listener] received: an SNMPv1 trap,
 * an SNMPv2 trap or an inform, over SNMPv1, SNMPv2c or SNMPv3.
 *
 * Whatever the version, a notification is presented in the SNMPv2 form of
 * RFC 3416 §4.2.6: [method@Gsnmp.Notification.get_varbinds] begins with
 * `sysUpTime.0` and `snmpTrapOID.0`, and
 * [method@Gsnmp.Notification.get_notification_oid] and
 * [method@Gsnmp.Notification.get_uptime] give their values. An SNMPv1
 * Trap-PDU is translated as RFC 3584 §3.1 says: the notification OID is
 * `snmpTraps.(generic-trap + 1)` (`1.3.6.1.6.3.1.1.5.N`) for the six generic
 * traps and `enterprise.0.specific-trap` for enterprise-specific ones, and
 * `snmpTrapAddress.0` (the agent-addr), `snmpTrapCommunity.0` and
 * `snmpTrapEnterprise.0` are appended when the trap did not carry them. The
 * original fields stay available from
 * [method@Gsnmp.Notification.get_enterprise],
 * [method@Gsnmp.Notification.get_agent_address],
 * [method@Gsnmp.Notification.get_generic_trap] and
 * [method@Gsnmp.Notification.get_specific_trap], and the PDU as received
 * from [method@Gsnmp.Notification.get_pdu].
 *
 * Notifications are immutable; they may be passed to and read from any
 * thread.
 *
 * Since: 0.1
 */

struct _GsnmpNotification {
        GObject                 parent_instance;

        GsnmpProtocolVersion    version;
        gboolean                is_inform;
        struct sockaddr_storage from;
        gsize                   from_len;
        GInetSocketAddress     *sender;          /* (owned) (nullable) made on demand */

        GBytes                 *community;       /* (owned) (nullable) */
        char                   *community_str;   /* (owned) (nullable) made on demand */
        GBytes                 *user_name;       /* (owned) (nullable) */
        char                   *user_name_str;   /* (owned) (nullable) */
        GsnmpSecurityLevel      level;
        GBytes                 *engine_id;       /* (owned) (nullable) */
        GBytes                 *context_engine_id; /* (owned) (nullable) */
        char                   *context_name;    /* (owned) (nullable) */

        GsnmpPdu               *pdu;             /* (owned) as received */
        GPtrArray              *v1_varbinds;     /* (owned) (nullable) SNMPv1: RFC 3584 §3.1 form */
        GsnmpOid               *trap_oid;        /* (owned) */
        guint32                 uptime;
        GInetAddress           *agent_address;   /* (owned) (nullable) made on demand */
};

G_DEFINE_FINAL_TYPE (GsnmpNotification, gsnmp_notification, G_TYPE_OBJECT)

static const guint32 sys_up_time_ids[] = { GSNMP_OID_SYS_UP_TIME };
static const guint32 snmp_trap_oid_ids[] = { GSNMP_OID_SNMP_TRAP_OID };
static const guint32 snmp_traps_ids[] = { GSNMP_OID_SNMP_TRAPS };
static const guint32 snmp_trap_enterprise_ids[] = { GSNMP_OID_SNMP_TRAP_ENTERPRISE };
static const guint32 snmp_trap_address_ids[] = { GSNMP_OID_SNMP_TRAP_ADDRESS };
static const guint32 snmp_trap_community_ids[] = { GSNMP_OID_SNMP_TRAP_COMMUNITY };

/* Whether @varbinds holds a varbind named @ids. */
static gboolean
varbinds_have (GPtrArray     *varbinds,
               const guint32 *ids,
               gsize          n_ids)
{
        guint i;

        for (i = 0; i < varbinds->len; i++) {
                if (gsnmp_oid_is (gsnmp_varbind_get_oid (varbinds->pdata[i]), ids, n_ids))
                        return TRUE;
        }
        return FALSE;
}

/* sysUpTime.0, a new reference. */
GsnmpOid *
gsnmp_notification_sys_up_time_oid (void)
{
        return gsnmp_oid_new (sys_up_time_ids, G_N_ELEMENTS (sys_up_time_ids));
}

/* snmpTrapOID.0, a new reference. */
GsnmpOid *
gsnmp_notification_snmp_trap_oid (void)
{
        return gsnmp_oid_new (snmp_trap_oid_ids, G_N_ELEMENTS (snmp_trap_oid_ids));
}

/* RFC 3584 §3.1 (2): snmpTraps.(generic + 1), or enterprise.0.specific. */
GsnmpOid *
gsnmp_notification_v1_trap_oid (GsnmpOid *enterprise,
                                gint32    generic_trap,
                                gint32    specific_trap)
{
        if (generic_trap != 6 && generic_trap >= 0 && generic_trap < G_MAXINT32) {
                guint32 id = (guint32) generic_trap + 1;
                g_autoptr(GsnmpOid) traps = gsnmp_oid_new (snmp_traps_ids,
                                                           G_N_ELEMENTS (snmp_traps_ids));

                return gsnmp_oid_new_child (traps, &id, 1);
        } else {
                guint32 ids[2] = { 0, (guint32) specific_trap };
                gsize n = enterprise ? gsnmp_oid_get_length (enterprise) : 0;

                if (enterprise == NULL)
                        return gsnmp_oid_new (ids, 2);
                /* An OID has at most 128 sub-identifiers: keep the end */
                if (n + 2 > GSNMP_OID_MAX_LENGTH) {
                        g_autoptr(GsnmpOid) cut = gsnmp_oid_new (gsnmp_oid_get_ids (enterprise, NULL),
                                                                 GSNMP_OID_MAX_LENGTH - 2);

                        return gsnmp_oid_new_child (cut, ids, 2);
                }
                return gsnmp_oid_new_child (enterprise, ids, 2);
        }
}

/* RFC 3584 §3.1: the SNMPv2 varbinds of an SNMPv1 Trap-PDU. */
static GPtrArray *
v1_to_v2_varbinds (GsnmpPdu *pdu,
                   GsnmpOid *trap_oid,
                   GBytes   *community)
{
        GPtrArray *varbinds = g_ptr_array_new_full (pdu->n_varbinds + 5,
                                                    (GDestroyNotify) gsnmp_varbind_unref);
        guint i;

        g_ptr_array_add (varbinds,
                         gsnmp_varbind_new_take (gsnmp_notification_sys_up_time_oid (),
                                                 GSNMP_VALUE_TYPE_TIMETICKS, pdu->time_stamp));
        g_ptr_array_add (varbinds,
                         gsnmp_varbind_new_take_oid (gsnmp_notification_snmp_trap_oid (),
                                                     gsnmp_oid_ref (trap_oid)));
        for (i = 0; i < pdu->n_varbinds; i++)
                g_ptr_array_add (varbinds, gsnmp_varbind_ref (pdu->varbinds[i]));

        if (!varbinds_have (varbinds, snmp_trap_address_ids, G_N_ELEMENTS (snmp_trap_address_ids)))
                g_ptr_array_add (varbinds,
                                 gsnmp_varbind_new_take_octets (gsnmp_oid_new (snmp_trap_address_ids,
                                                                               G_N_ELEMENTS (snmp_trap_address_ids)),
                                                                GSNMP_VALUE_TYPE_IP_ADDRESS,
                                                                pdu->agent_addr, 4));
        if (community != NULL &&
            !varbinds_have (varbinds, snmp_trap_community_ids, G_N_ELEMENTS (snmp_trap_community_ids)))
                g_ptr_array_add (varbinds,
                                 gsnmp_varbind_new_take_bytes (gsnmp_oid_new (snmp_trap_community_ids,
                                                                              G_N_ELEMENTS (snmp_trap_community_ids)),
                                                               GSNMP_VALUE_TYPE_OCTET_STRING,
                                                               g_bytes_ref (community)));
        if (pdu->enterprise != NULL &&
            !varbinds_have (varbinds, snmp_trap_enterprise_ids, G_N_ELEMENTS (snmp_trap_enterprise_ids)))
                g_ptr_array_add (varbinds,
                                 gsnmp_varbind_new_take_oid (gsnmp_oid_new (snmp_trap_enterprise_ids,
                                                                            G_N_ELEMENTS (snmp_trap_enterprise_ids)),
                                                             gsnmp_oid_ref (pdu->enterprise)));
        return varbinds;
}

static void
gsnmp_notification_finalize (GObject *object)
{
        GsnmpNotification *self = GSNMP_NOTIFICATION (object);

        g_clear_object (&self->sender);
        g_clear_pointer (&self->community, g_bytes_unref);
        g_clear_pointer (&self->community_str, g_free);
        g_clear_pointer (&self->user_name, g_bytes_unref);
        g_clear_pointer (&self->user_name_str, g_free);
        g_clear_pointer (&self->engine_id, g_bytes_unref);
        g_clear_pointer (&self->context_engine_id, g_bytes_unref);
        g_clear_pointer (&self->context_name, g_free);
        g_clear_pointer (&self->pdu, gsnmp_pdu_unref);
        g_clear_pointer (&self->v1_varbinds, g_ptr_array_unref);
        g_clear_pointer (&self->trap_oid, gsnmp_oid_unref);
        g_clear_object (&self->agent_address);

        G_OBJECT_CLASS (gsnmp_notification_parent_class)->finalize (object);
}

static void
gsnmp_notification_class_init (GsnmpNotificationClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->finalize = gsnmp_notification_finalize;
}

static void
gsnmp_notification_init (GsnmpNotification *self)
{
}

/* The bytes as a NUL-terminated string (cut at an embedded NUL). */
static char *
bytes_to_string (GBytes *bytes)
{
        gsize len;
        const char *data = g_bytes_get_data (bytes, &len);

        /* g_strndup (NULL, 0) is NULL, and empty GBytes have no data */
        return len > 0 ? g_strndup (data, len) : g_strdup ("");
}

/* See the private header. */
GsnmpNotification *
gsnmp_notification_new (const GsnmpNotificationSecurity *security,
                        const struct sockaddr           *from,
                        gsize                            from_len,
                        GsnmpPdu                        *pdu,
                        GError                         **error)
{
        g_autoptr(GsnmpPdu) owned_pdu = pdu;
        GsnmpNotification *self;
        GsnmpOid *trap_oid = NULL;
        guint32 uptime = 0;

        if (pdu->type == GSNMP_PDU_TYPE_TRAP_V1) {
                trap_oid = gsnmp_notification_v1_trap_oid (pdu->enterprise,
                                                           (gint32) pdu->generic_trap,
                                                           (gint32) pdu->specific_trap);
                uptime = pdu->time_stamp;
        } else {
                GsnmpVarbind *vb0, *vb1;
                GsnmpValueType type;

                /* RFC 3416 §4.2.6: sysUpTime.0, then snmpTrapOID.0 */
                if (pdu->n_varbinds < 2) {
                        g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_MALFORMED_MESSAGE,
                                             _("The notification does not begin with sysUpTime.0 and snmpTrapOID.0"));
                        return NULL;
                }
                vb0 = pdu->varbinds[0];
                vb1 = pdu->varbinds[1];
                type = gsnmp_varbind_get_value_type (vb0);
                if (!GSNMP_OID_IS (gsnmp_varbind_get_oid (vb0), sys_up_time_ids) ||
                    !GSNMP_OID_IS (gsnmp_varbind_get_oid (vb1), snmp_trap_oid_ids)) {
                        g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_MALFORMED_MESSAGE,
                                             _("The notification does not begin with sysUpTime.0 and snmpTrapOID.0"));
                        return NULL;
                }
                /* TimeTicks; be lenient with agents that send another
                 * unsigned type or a non-negative INTEGER */
                if (type == GSNMP_VALUE_TYPE_TIMETICKS || type == GSNMP_VALUE_TYPE_GAUGE32 ||
                    type == GSNMP_VALUE_TYPE_COUNTER32) {
                        uptime = gsnmp_varbind_get_unsigned (vb0);
                } else if (type == GSNMP_VALUE_TYPE_INTEGER && gsnmp_varbind_get_integer (vb0) >= 0) {
                        uptime = (guint32) gsnmp_varbind_get_integer (vb0);
                } else {
                        g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_MALFORMED_MESSAGE,
                                             _("The sysUpTime.0 of the notification is not a TimeTicks value"));
                        return NULL;
                }
                if (gsnmp_varbind_get_value_type (vb1) != GSNMP_VALUE_TYPE_OBJECT_ID) {
                        g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_MALFORMED_MESSAGE,
                                             _("The snmpTrapOID.0 of the notification is not an OBJECT IDENTIFIER"));
                        return NULL;
                }
                trap_oid = gsnmp_oid_ref (gsnmp_varbind_get_oid_value (vb1));
        }

        self = g_object_new (GSNMP_TYPE_NOTIFICATION, NULL);
        self->version = security->version;
        self->is_inform = pdu->type == GSNMP_PDU_TYPE_INFORM;
        self->from_len = MIN (from_len, sizeof self->from);
        memcpy (&self->from, from, self->from_len);
        if (security->community != NULL)
                self->community = g_bytes_ref (security->community);
        if (security->user_name != NULL)
                self->user_name = g_bytes_ref (security->user_name);
        self->level = security->level;
        if (security->version == GSNMP_PROTOCOL_VERSION_V3) {
                /* The decoder leaves empty strings NULL */
                self->engine_id = security->engine_id ? g_bytes_ref (security->engine_id) :
                                                        g_bytes_new (NULL, 0);
                self->context_engine_id = security->context_engine_id ?
                                          g_bytes_ref (security->context_engine_id) :
                                          g_bytes_new (NULL, 0);
                self->context_name = security->context_name ?
                                     bytes_to_string (security->context_name) : g_strdup ("");
                if (self->user_name == NULL)
                        self->user_name = g_bytes_new (NULL, 0);
        }
        self->trap_oid = trap_oid;
        self->uptime = uptime;
        self->pdu = g_steal_pointer (&owned_pdu);
        if (self->pdu->type == GSNMP_PDU_TYPE_TRAP_V1)
                self->v1_varbinds = v1_to_v2_varbinds (self->pdu, trap_oid, self->community);

        return self;
}

/* Stores @value in *@slot unless another thread did first; returns what is
 * in *@slot. */
static gpointer
set_once (gpointer       *slot,
          gpointer        value,
          GDestroyNotify  destroy)
{
        if (!g_atomic_pointer_compare_and_exchange (slot, NULL, value))
                destroy (value);
        return g_atomic_pointer_get (slot);
}

/**
 * gsnmp_notification_get_version:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the SNMP version of the message the notification arrived in.
 *
 * Returns: the version
 *
 * Since: 0.1
 */
GsnmpProtocolVersion
gsnmp_notification_get_version (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), GSNMP_PROTOCOL_VERSION_V1);

        return self->version;
}

/**
 * gsnmp_notification_is_inform:
 * @self: a [class@Gsnmp.Notification]
 *
 * Tells an InformRequest, which the listener acknowledged, from a trap.
 *
 * Returns: %TRUE for an InformRequest-PDU, %FALSE for a trap
 *
 * Since: 0.1
 */
gboolean
gsnmp_notification_is_inform (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), FALSE);

        return self->is_inform;
}

/**
 * gsnmp_notification_get_sender:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the address and UDP port the notification came from. For SNMPv1
 * traps the agent-addr field inside the PDU may differ (see
 * [method@Gsnmp.Notification.get_agent_address]).
 *
 * Returns: (transfer none): the sender's address
 *
 * Since: 0.1
 */
GInetSocketAddress *
gsnmp_notification_get_sender (GsnmpNotification *self)
{
        GSocketAddress *address;

        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        address = (GSocketAddress *) g_atomic_pointer_get (&self->sender);
        if (address != NULL)
                return G_INET_SOCKET_ADDRESS (address);

        address = g_socket_address_new_from_native (&self->from, self->from_len);
        if (address == NULL || !G_IS_INET_SOCKET_ADDRESS (address)) {
                /* Not reached: listeners bind only IPv4 and IPv6 sockets */
                g_autoptr(GInetAddress) any = g_inet_address_new_any (G_SOCKET_FAMILY_IPV4);

                g_clear_object (&address);
                address = g_inet_socket_address_new (any, 0);
        }
        return set_once ((gpointer *) &self->sender, address, g_object_unref);
}

/**
 * gsnmp_notification_get_sender_string:
 * @self: a [class@Gsnmp.Notification]
 *
 * Formats the sender's address and port as `192.0.2.1:162` or
 * `[2001:db8::1]:162`.
 *
 * Returns: (transfer full): the sender, as text
 *
 * Since: 0.1
 */
char *
gsnmp_notification_get_sender_string (GsnmpNotification *self)
{
        GInetSocketAddress *sender;
        g_autofree char *host = NULL;

        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        sender = gsnmp_notification_get_sender (self);
        host = g_inet_address_to_string (g_inet_socket_address_get_address (sender));
        if (g_socket_address_get_family (G_SOCKET_ADDRESS (sender)) == G_SOCKET_FAMILY_IPV6)
                return g_strdup_printf ("[%s]:%u", host, g_inet_socket_address_get_port (sender));
        return g_strdup_printf ("%s:%u", host, g_inet_socket_address_get_port (sender));
}

/**
 * gsnmp_notification_get_community:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the community of an SNMPv1 or SNMPv2c notification, up to its first
 * NUL byte; [method@Gsnmp.Notification.get_community_bytes] gives all of it.
 *
 * Returns: (nullable): the community, or %NULL for SNMPv3
 *
 * Since: 0.1
 */
const char *
gsnmp_notification_get_community (GsnmpNotification *self)
{
        char *str;

        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        if (self->community == NULL)
                return NULL;
        str = g_atomic_pointer_get (&self->community_str);
        if (str != NULL)
                return str;
        return set_once ((gpointer *) &self->community_str, bytes_to_string (self->community),
                         g_free);
}

/**
 * gsnmp_notification_get_community_bytes:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the community of an SNMPv1 or SNMPv2c notification as bytes.
 *
 * Returns: (nullable) (transfer none): the community, or %NULL for SNMPv3
 *
 * Since: 0.1
 */
GBytes *
gsnmp_notification_get_community_bytes (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        return self->community;
}

/**
 * gsnmp_notification_get_user_name:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the USM user name (msgUserName) of an SNMPv3 notification.
 *
 * Returns: (nullable): the user name, or %NULL for SNMPv1 and SNMPv2c
 *
 * Since: 0.1
 */
const char *
gsnmp_notification_get_user_name (GsnmpNotification *self)
{
        char *str;

        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        if (self->user_name == NULL)
                return NULL;
        str = g_atomic_pointer_get (&self->user_name_str);
        if (str != NULL)
                return str;
        return set_once ((gpointer *) &self->user_name_str, bytes_to_string (self->user_name),
                         g_free);
}

/**
 * gsnmp_notification_get_security_level:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the security level of an SNMPv3 notification: whether the listener
 * checked its authenticity and decrypted it. SNMPv1 and SNMPv2c
 * notifications are %GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV.
 *
 * Returns: the security level
 *
 * Since: 0.1
 */
GsnmpSecurityLevel
gsnmp_notification_get_security_level (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV);

        return self->level;
}

/**
 * gsnmp_notification_get_engine_id:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the authoritative engine ID of an SNMPv3 notification
 * (msgAuthoritativeEngineID): the sender's engine ID for a trap, the
 * listener's for an inform.
 *
 * Returns: (nullable) (transfer none): the engine ID, or %NULL for SNMPv1
 *   and SNMPv2c
 *
 * Since: 0.1
 */
GBytes *
gsnmp_notification_get_engine_id (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        return self->engine_id;
}

/**
 * gsnmp_notification_get_context_engine_id:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the contextEngineID of an SNMPv3 notification's scopedPDU; for
 * notifications it is normally the engine ID of the sender.
 *
 * Returns: (nullable) (transfer none): the context engine ID, or %NULL for
 *   SNMPv1 and SNMPv2c
 *
 * Since: 0.1
 */
GBytes *
gsnmp_notification_get_context_engine_id (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        return self->context_engine_id;
}

/**
 * gsnmp_notification_get_context_name:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the contextName of an SNMPv3 notification's scopedPDU.
 *
 * Returns: (nullable): the context name, or %NULL for SNMPv1 and SNMPv2c
 *
 * Since: 0.1
 */
const char *
gsnmp_notification_get_context_name (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        return self->context_name;
}

/**
 * gsnmp_notification_get_notification_oid:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets what the notification reports: the value of `snmpTrapOID.0`, or for
 * an SNMPv1 trap the OID that RFC 3584 §3.1 maps it to.
 *
 * Returns: (transfer none): the notification OID
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_notification_get_notification_oid (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        return self->trap_oid;
}

/**
 * gsnmp_notification_get_uptime:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the sender's uptime when it sent the notification: the value of
 * `sysUpTime.0`, or the time-stamp of an SNMPv1 trap.
 *
 * Returns: the uptime in hundredths of a second
 *
 * Since: 0.1
 */
guint32
gsnmp_notification_get_uptime (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), 0);

        return self->uptime;
}

/**
 * gsnmp_notification_get_varbinds:
 * @self: a [class@Gsnmp.Notification]
 * @n_varbinds: (out): return location for the number of varbinds
 *
 * Gets the variable bindings in the SNMPv2 form: `sysUpTime.0`,
 * `snmpTrapOID.0`, then the others. For an SNMPv1 trap these are the ones
 * RFC 3584 §3.1 gives (see the class description).
 *
 * Returns: (array length=n_varbinds) (transfer none): the varbinds
 *
 * Since: 0.1
 */
GsnmpVarbind **
gsnmp_notification_get_varbinds (GsnmpNotification *self,
                                 guint             *n_varbinds)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);
        g_return_val_if_fail (n_varbinds != NULL, NULL);

        if (self->v1_varbinds != NULL) {
                *n_varbinds = self->v1_varbinds->len;
                return (GsnmpVarbind **) self->v1_varbinds->pdata;
        }
        return gsnmp_pdu_get_varbinds (self->pdu, n_varbinds);
}

/**
 * gsnmp_notification_get_pdu:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the PDU as it was received: a Trap-PDU (SNMPv1), an
 * SNMPv2-Trap-PDU or an InformRequest-PDU.
 *
 * Returns: (transfer none): the PDU
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_notification_get_pdu (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        return self->pdu;
}

/**
 * gsnmp_notification_get_request_id:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the request-id of an SNMPv2 trap or inform; SNMPv1 Trap-PDUs have
 * none.
 *
 * Returns: the request-id, or 0 for SNMPv1
 *
 * Since: 0.1
 */
gint32
gsnmp_notification_get_request_id (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), 0);

        return self->pdu->type == GSNMP_PDU_TYPE_TRAP_V1 ? 0 : self->pdu->request_id;
}

/**
 * gsnmp_notification_get_enterprise:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the enterprise field of an SNMPv1 trap: the type of object that
 * sent it.
 *
 * Returns: (nullable) (transfer none): the enterprise OID, or %NULL when the
 *   notification is not an SNMPv1 trap
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_notification_get_enterprise (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        return self->pdu->type == GSNMP_PDU_TYPE_TRAP_V1 ? self->pdu->enterprise : NULL;
}

/**
 * gsnmp_notification_get_agent_address:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the agent-addr field of an SNMPv1 trap: the IPv4 address the agent
 * says it has, which may differ from the sender's address.
 *
 * Returns: (nullable) (transfer none): the agent address, or %NULL when the
 *   notification is not an SNMPv1 trap
 *
 * Since: 0.1
 */
GInetAddress *
gsnmp_notification_get_agent_address (GsnmpNotification *self)
{
        GInetAddress *address;

        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), NULL);

        if (self->pdu->type != GSNMP_PDU_TYPE_TRAP_V1)
                return NULL;
        address = g_atomic_pointer_get (&self->agent_address);
        if (address != NULL)
                return address;
        return set_once ((gpointer *) &self->agent_address,
                         g_inet_address_new_from_bytes (self->pdu->agent_addr,
                                                        G_SOCKET_FAMILY_IPV4),
                         g_object_unref);
}

/**
 * gsnmp_notification_get_generic_trap:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the generic-trap field of an SNMPv1 trap: 0 (coldStart) to 5
 * (egpNeighborLoss), or 6 (enterpriseSpecific).
 *
 * Returns: the generic trap, or -1 when the notification is not an SNMPv1
 *   trap
 *
 * Since: 0.1
 */
gint32
gsnmp_notification_get_generic_trap (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), -1);

        return self->pdu->type == GSNMP_PDU_TYPE_TRAP_V1 ? (gint32) self->pdu->generic_trap : -1;
}

/**
 * gsnmp_notification_get_specific_trap:
 * @self: a [class@Gsnmp.Notification]
 *
 * Gets the specific-trap field of an SNMPv1 trap, meaningful when the
 * generic trap is 6 (enterpriseSpecific).
 *
 * Returns: the specific trap, or 0 when the notification is not an SNMPv1
 *   trap
 *
 * Since: 0.1
 */
gint32
gsnmp_notification_get_specific_trap (GsnmpNotification *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFICATION (self), 0);

        return self->pdu->type == GSNMP_PDU_TYPE_TRAP_V1 ? (gint32) self->pdu->specific_trap : 0;
}
