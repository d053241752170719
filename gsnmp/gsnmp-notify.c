/* gsnmp-notify.c - sending notifications: traps and informs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-notify.h"
#include "gsnmp-engine-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"
#include "gsnmp-notification-private.h"
#include "gsnmp-oid-private.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-target-private.h"
#include "gsnmp-transport-private.h"
#include "gsnmp-varbind-private.h"

#include <string.h>
#include <netinet/in.h>

/* Notification originators (RFC 3413 §3.2) on a GsnmpEngine.
 *
 * The engine does the sending: gsnmp_engine_start_request() completes a
 * Trap-PDU as soon as it is on the wire and an InformRequest-PDU with the
 * Response-PDU; for SNMPv3 traps it makes the local engine authoritative
 * (its engine ID, boots and time in the message), and for SNMPv3 informs
 * it discovers the receiver first.  This file builds the PDUs: the SNMPv2
 * form of RFC 3416 §4.2.6 (sysUpTime.0, snmpTrapOID.0, then the caller's
 * varbinds) and, for SNMPv1 targets, the Trap-PDU that RFC 3584 §3.2 maps
 * it to. */

static const guint32 snmp_traps_ids[] = { GSNMP_OID_SNMP_TRAPS };
static const guint32 snmp_trap_enterprise_ids[] = { GSNMP_OID_SNMP_TRAP_ENTERPRISE };
static const guint32 snmp_trap_address_ids[] = { GSNMP_OID_SNMP_TRAP_ADDRESS };

/**
 * GsnmpNotifyResult:
 *
 * What became of a notification that [method@Gsnmp.Engine.notify_async]
 * sent to several targets: for each target, in the order given, whether
 * the trap was sent or the inform acknowledged, or the error.
 *
 * Since: 0.1
 */

typedef struct {
        GsnmpTarget        *target;
        GsnmpNotifyOutcome  outcome;
        GError             *error;
        GsnmpPdu           *response;
} NotifyEntry;

struct _GsnmpNotifyResult {
        GObject  parent_instance;

        GArray  *entries;   /* (element-type NotifyEntry) */
        guint    n_failed;
};

G_DEFINE_FINAL_TYPE (GsnmpNotifyResult, gsnmp_notify_result, G_TYPE_OBJECT)

/* Frees what one target's entry of a result owns. */
static void
notify_entry_clear (NotifyEntry *entry)
{
        g_clear_object (&entry->target);
        g_clear_error (&entry->error);
        g_clear_pointer (&entry->response, gsnmp_pdu_unref);
}

static void
gsnmp_notify_result_finalize (GObject *object)
{
        GsnmpNotifyResult *self = GSNMP_NOTIFY_RESULT (object);

        g_clear_pointer (&self->entries, g_array_unref);

        G_OBJECT_CLASS (gsnmp_notify_result_parent_class)->finalize (object);
}

static void
gsnmp_notify_result_class_init (GsnmpNotifyResultClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        gsnmp_init_once ();

        object_class->finalize = gsnmp_notify_result_finalize;
}

static void
gsnmp_notify_result_init (GsnmpNotifyResult *self)
{
        self->entries = g_array_new (FALSE, TRUE, sizeof (NotifyEntry));
        g_array_set_clear_func (self->entries, (GDestroyNotify) notify_entry_clear);
}

/* The entry of the target at @index. */
static NotifyEntry *
result_entry (GsnmpNotifyResult *self,
              guint              index)
{
        return &g_array_index (self->entries, NotifyEntry, index);
}

/* Records the outcome for target @index: @response (transfer full) or
 * @error (transfer full). */
static void
result_set (GsnmpNotifyResult *self,
            guint              index,
            GsnmpPdu          *response,
            GError            *error,
            gboolean           is_inform)
{
        NotifyEntry *entry = result_entry (self, index);

        entry->response = response;
        entry->error = error;
        if (error != NULL) {
                entry->outcome = GSNMP_NOTIFY_OUTCOME_FAILED;
                self->n_failed++;
        } else {
                entry->outcome = is_inform ? GSNMP_NOTIFY_OUTCOME_ACKNOWLEDGED :
                                             GSNMP_NOTIFY_OUTCOME_SENT;
        }
}

/**
 * gsnmp_notify_result_get_n_targets:
 * @self: a [class@Gsnmp.NotifyResult]
 *
 * Gets the number of targets the notification was sent to.
 *
 * Returns: the number of targets
 *
 * Since: 0.1
 */
guint
gsnmp_notify_result_get_n_targets (GsnmpNotifyResult *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFY_RESULT (self), 0);

        return self->entries->len;
}

/**
 * gsnmp_notify_result_get_target:
 * @self: a [class@Gsnmp.NotifyResult]
 * @index: a target index, less than
 *   [method@Gsnmp.NotifyResult.get_n_targets]
 *
 * Gets the target at @index, in the order given to
 * [method@Gsnmp.Engine.notify_async].
 *
 * Returns: (transfer none): the target
 *
 * Since: 0.1
 */
GsnmpTarget *
gsnmp_notify_result_get_target (GsnmpNotifyResult *self,
                                guint              index)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFY_RESULT (self), NULL);
        g_return_val_if_fail (index < self->entries->len, NULL);

        return result_entry (self, index)->target;
}

/**
 * gsnmp_notify_result_get_outcome:
 * @self: a [class@Gsnmp.NotifyResult]
 * @index: a target index
 *
 * Gets what became of the notification to the target at @index.
 *
 * Returns: the outcome
 *
 * Since: 0.1
 */
GsnmpNotifyOutcome
gsnmp_notify_result_get_outcome (GsnmpNotifyResult *self,
                                 guint              index)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFY_RESULT (self), GSNMP_NOTIFY_OUTCOME_FAILED);
        g_return_val_if_fail (index < self->entries->len, GSNMP_NOTIFY_OUTCOME_FAILED);

        return result_entry (self, index)->outcome;
}

/**
 * gsnmp_notify_result_get_error:
 * @self: a [class@Gsnmp.NotifyResult]
 * @index: a target index
 *
 * Gets why the notification to the target at @index failed: the error the
 * single-target functions would have given, such as
 * %G_IO_ERROR_TIMED_OUT for an unacknowledged inform or a
 * %GSNMP_PDU_ERROR for an inform acknowledged with an error-status.
 *
 * Returns: (nullable) (transfer none): the error, or %NULL if it did not
 *   fail
 *
 * Since: 0.1
 */
const GError *
gsnmp_notify_result_get_error (GsnmpNotifyResult *self,
                               guint              index)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFY_RESULT (self), NULL);
        g_return_val_if_fail (index < self->entries->len, NULL);

        return result_entry (self, index)->error;
}

/**
 * gsnmp_notify_result_get_response:
 * @self: a [class@Gsnmp.NotifyResult]
 * @index: a target index
 *
 * Gets the Response-PDU with which the target at @index acknowledged the
 * inform, even one with an error-status.
 *
 * Returns: (nullable) (transfer none): the response, or %NULL for traps
 *   and informs that got no response
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_notify_result_get_response (GsnmpNotifyResult *self,
                                  guint              index)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFY_RESULT (self), NULL);
        g_return_val_if_fail (index < self->entries->len, NULL);

        return result_entry (self, index)->response;
}

/**
 * gsnmp_notify_result_get_n_failed:
 * @self: a [class@Gsnmp.NotifyResult]
 *
 * Counts the targets whose outcome is %GSNMP_NOTIFY_OUTCOME_FAILED.
 *
 * Returns: the number of failures
 *
 * Since: 0.1
 */
guint
gsnmp_notify_result_get_n_failed (GsnmpNotifyResult *self)
{
        g_return_val_if_fail (GSNMP_IS_NOTIFY_RESULT (self), 0);

        return self->n_failed;
}

/*****************************************************************************/
/* Building the PDUs */

/* The first varbind named @ids with a value of @type, or NULL. */
static GsnmpVarbind *
find_varbind (GsnmpVarbind * const *varbinds,
              gsize                 n_varbinds,
              const guint32        *ids,
              gsize                 n_ids,
              GsnmpValueType        type)
{
        gsize i;

        for (i = 0; i < n_varbinds; i++) {
                if (gsnmp_varbind_get_value_type (varbinds[i]) == type &&
                    gsnmp_oid_is (gsnmp_varbind_get_oid (varbinds[i]), ids, n_ids))
                        return varbinds[i];
        }
        return NULL;
}

/* The IPv4 address the kernel would send from to reach @target, or
 * 0.0.0.0 when that cannot be known without sending (a host name to
 * resolve, an IPv6 target). */
static void
local_address_for (GsnmpTarget *target,
                   guint8       out[4])
{
        GInetAddress *address = gsnmp_target_get_inet_address (target);

        memset (out, 0, 4);
        if (address == NULL || g_inet_address_get_family (address) != G_SOCKET_FAMILY_IPV4)
                return;
        gsnmp_transport_get_route_source_ipv4 (g_inet_address_to_bytes (address),
                                               gsnmp_target_get_port (target), out);
}

/* RFC 3584 §3.2: a notification with a Counter64 varbind cannot be sent
 * as an SNMPv1 trap. */
static gboolean
check_v1_varbinds (GsnmpVarbind * const *varbinds,
                   gsize                 n_varbinds,
                   GError              **error)
{
        gsize i;

        for (i = 0; i < n_varbinds; i++) {
                if (gsnmp_varbind_get_value_type (varbinds[i]) == GSNMP_VALUE_TYPE_COUNTER64) {
                        g_autofree char *oid = gsnmp_oid_to_string (gsnmp_varbind_get_oid (varbinds[i]));

                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                                     _("An SNMPv1 trap cannot carry the Counter64 value of %s (RFC 3584 §3.2): send the notification with SNMPv2c or SNMPv3"),
                                     oid);
                        return FALSE;
                }
        }
        return TRUE;
}

/* RFC 3584 §3.2: an SNMPv1 Trap-PDU, with the six generic traps taken
 * from snmpTraps.N and the others split into enterprise and specific trap;
 * NULL and a clear error when a varbind is a Counter64. */
static GsnmpPdu *
build_v1_pdu (GsnmpTarget          *target,
              GsnmpOid             *notification_oid,
              guint32               uptime,
              GsnmpVarbind * const *varbinds,
              gsize                 n_varbinds,
              GError              **error)
{
        g_autoptr(GsnmpPdu) pdu = NULL;
        GsnmpVarbind *vb;
        const guint32 *ids;
        gsize n_ids, i;

        if (!check_v1_varbinds (varbinds, n_varbinds, error))
                return NULL;

        ids = gsnmp_oid_get_ids (notification_oid, &n_ids);
        if (n_ids < 2) {
                g_autofree char *oid = gsnmp_oid_to_string (notification_oid);

                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID,
                             _("The notification OID %s is too short for an SNMPv1 trap"), oid);
                return NULL;
        }

        pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_TRAP_V1);
        if (n_ids == G_N_ELEMENTS (snmp_traps_ids) + 1 &&
            memcmp (ids, snmp_traps_ids, sizeof snmp_traps_ids) == 0 &&
            ids[n_ids - 1] >= 1 && ids[n_ids - 1] <= 6) {
                /* A generic trap: the enterprise from snmpTrapEnterprise.0,
                 * else snmpTraps */
                pdu->generic_trap = ids[n_ids - 1] - 1;
                pdu->specific_trap = 0;
                vb = find_varbind (varbinds, n_varbinds, snmp_trap_enterprise_ids,
                                   G_N_ELEMENTS (snmp_trap_enterprise_ids),
                                   GSNMP_VALUE_TYPE_OBJECT_ID);
                pdu->enterprise = vb != NULL ? gsnmp_oid_ref (gsnmp_varbind_get_oid_value (vb)) :
                                               gsnmp_oid_new (snmp_traps_ids,
                                                              G_N_ELEMENTS (snmp_traps_ids));
        } else {
                /* enterprise.0.specific, or enterprise.specific */
                gsize n_enterprise = n_ids - 1;

                pdu->generic_trap = 6;
                pdu->specific_trap = ids[n_ids - 1];
                if (ids[n_ids - 2] == 0)
                        n_enterprise--;
                pdu->enterprise = gsnmp_oid_new (ids, n_enterprise);
        }

        vb = find_varbind (varbinds, n_varbinds, snmp_trap_address_ids,
                           G_N_ELEMENTS (snmp_trap_address_ids), GSNMP_VALUE_TYPE_IP_ADDRESS);
        if (vb != NULL)
                memcpy (pdu->agent_addr, gsnmp_varbind_get_octets (vb, NULL), 4);
        else
                local_address_for (target, pdu->agent_addr);
        pdu->time_stamp = uptime;
        for (i = 0; i < n_varbinds; i++)
                gsnmp_pdu_add_varbind (pdu, varbinds[i]);

        return g_steal_pointer (&pdu);
}

/* RFC 3416 §4.2.6: sysUpTime.0, snmpTrapOID.0, then @varbinds. */
static GsnmpPdu *
build_v2_pdu (GsnmpPduType          type,
              GsnmpOid             *notification_oid,
              guint32               uptime,
              GsnmpVarbind * const *varbinds,
              gsize                 n_varbinds)
{
        GsnmpPdu *pdu = gsnmp_pdu_new (type);
        gsize i;

        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take (gsnmp_notification_sys_up_time_oid (),
                                                             GSNMP_VALUE_TYPE_TIMETICKS, uptime));
        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take_oid (gsnmp_notification_snmp_trap_oid (),
                                                                 gsnmp_oid_ref (notification_oid)));
        for (i = 0; i < n_varbinds; i++)
                gsnmp_pdu_add_varbind (pdu, varbinds[i]);
        return pdu;
}

/* The PDU of a trap or inform for @target's version. */
static GsnmpPdu *
build_pdu (GsnmpTarget          *target,
           GsnmpPduType          type,
           GsnmpOid             *notification_oid,
           guint32               uptime,
           GsnmpVarbind * const *varbinds,
           gsize                 n_varbinds,
           GError              **error)
{
        if (gsnmp_target_get_version (target) != GSNMP_PROTOCOL_VERSION_V1)
                return build_v2_pdu (type, notification_oid, uptime, varbinds, n_varbinds);
        if (type == GSNMP_PDU_TYPE_INFORM) {
                g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                     _("SNMPv1 has no InformRequest: send informs with SNMPv2c or SNMPv3"));
                return NULL;
        }
        return build_v1_pdu (target, notification_oid, uptime, varbinds, n_varbinds, error);
}

/* GSNMP_UPTIME_ENGINE (-1) stands for the engine's uptime. */
static guint32
resolve_uptime (GsnmpEngine *self,
                gint64       uptime)
{
        return uptime < 0 ? gsnmp_engine_get_uptime (self) : (guint32) uptime;
}

#define CHECK_NOTIFY_ARGS(self, target, varbinds, n_varbinds, uptime, cancellable)       \
        G_STMT_START {                                                                  \
                g_return_if_fail (GSNMP_IS_ENGINE (self));                              \
                g_return_if_fail (GSNMP_IS_TARGET (target));                            \
                g_return_if_fail ((varbinds) != NULL || (n_varbinds) == 0);             \
                g_return_if_fail ((uptime) >= -1 && (uptime) <= G_MAXUINT32);           \
                g_return_if_fail ((cancellable) == NULL || G_IS_CANCELLABLE (cancellable)); \
                g_return_if_fail (gsnmp_engine_in_context (self));                      \
        } G_STMT_END

/* Sends @pdu (transfer full, or NULL with @error) on @task. */
static void
start_pdu (GsnmpEngine  *self,
           GsnmpTarget  *target,
           GsnmpPdu     *pdu,
           GError       *error,
           GCancellable *cancellable,
           GTask        *task)
{
        if (pdu == NULL) {
                g_task_return_error (task, error);
                return;
        }
        gsnmp_engine_start_request (self, target, pdu, cancellable, task);
        gsnmp_pdu_unref (pdu);
}

/*****************************************************************************/
/* Traps */

/**
 * gsnmp_engine_send_trap_async:
 * @self: a [class@Gsnmp.Engine]
 * @target: the notification receiver
 * @notification_oid: what the notification reports (the value of
 *   `snmpTrapOID.0`), such as `1.3.6.1.6.3.1.1.5.1` (coldStart)
 * @uptime: the sender's uptime in hundredths of a second (the value of
 *   `sysUpTime.0`), or %GSNMP_UPTIME_ENGINE (-1) for the engine's uptime
 * @varbinds: (array length=n_varbinds): the variable bindings that follow
 *   `sysUpTime.0` and `snmpTrapOID.0`
 * @n_varbinds: the number of elements in @varbinds
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the trap is sent
 * @user_data: data for @callback
 *
 * Sends a trap to @target, in the form its version asks for:
 *
 * - SNMPv2c and SNMPv3: an SNMPv2-Trap-PDU whose varbinds are
 *   `sysUpTime.0`, `snmpTrapOID.0` and @varbinds (RFC 3416 §4.2.6). An
 *   SNMPv3 trap carries the engine's own engine ID, boots and time: the
 *   sender is the authoritative engine, so the receiver must know the
 *   user with keys localized for [method@Gsnmp.Engine.get_engine_id].
 * - SNMPv1: the Trap-PDU RFC 3584 §3.2 maps the notification to. The six
 *   generic traps `snmpTraps.N` (`1.3.6.1.6.3.1.1.5.1` to `.6`) become
 *   generic-trap N-1 with the enterprise of a `snmpTrapEnterprise.0`
 *   varbind, or `snmpTraps`; any other OID becomes enterpriseSpecific (6)
 *   with its last sub-identifier as specific-trap and the rest, without a
 *   trailing 0, as enterprise. The agent-addr is the value of a
 *   `snmpTrapAddress.0` varbind if there is one, else the local IPv4
 *   address the engine sends from to reach @target when @target is an IPv4
 *   address, else 0.0.0.0 (for host names, to avoid a lookup); use
 *   [method@Gsnmp.Engine.send_v1_trap_async] to give it yourself. A
 *   Counter64 varbind cannot be sent in an SNMPv1 trap: the call fails
 *   with %GSNMP_ERROR_INVALID_VALUE.
 *
 * Traps are not acknowledged: @callback runs once the datagram is sent.
 * Call [method@Gsnmp.Engine.send_trap_finish] from it.
 *
 * Since: 0.1
 */
void
gsnmp_engine_send_trap_async (GsnmpEngine          *self,
                              GsnmpTarget          *target,
                              GsnmpOid             *notification_oid,
                              gint64                uptime,
                              GsnmpVarbind * const *varbinds,
                              gsize                 n_varbinds,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
        g_autoptr(GTask) task = NULL;
        GError *error = NULL;
        GsnmpPdu *pdu;

        CHECK_NOTIFY_ARGS (self, target, varbinds, n_varbinds, uptime, cancellable);
        g_return_if_fail (notification_oid != NULL);

        task = g_task_new (self, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_engine_send_trap_async);
        g_task_set_name (task, "[gsnmp] send trap");

        pdu = build_pdu (target, GSNMP_PDU_TYPE_TRAP, notification_oid,
                         resolve_uptime (self, uptime), varbinds, n_varbinds, &error);
        start_pdu (self, target, pdu, error, cancellable, task);
}

/* The _finish of the trap functions, whose task returns a NULL pointer. */
static gboolean
finish_boolean (GsnmpEngine  *self,
                GAsyncResult *result,
                gpointer      source_tag,
                GError      **error)
{
        g_autoptr(GsnmpPdu) pdu = NULL;
        GError *local_error = NULL;

        g_return_val_if_fail (GSNMP_IS_ENGINE (self), FALSE);
        g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
        g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

        pdu = g_task_propagate_pointer (G_TASK (result), &local_error);
        if (local_error != NULL) {
                g_propagate_error (error, local_error);
                return FALSE;
        }
        return TRUE;
}

/**
 * gsnmp_engine_send_trap_finish:
 * @self: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.send_trap_async].
 *
 * Returns: %TRUE once the trap was sent, %FALSE on error: a socket or
 *   resolver error, %G_IO_ERROR_CANCELLED, %G_IO_ERROR_CLOSED, or a
 *   %GSNMP_ERROR (a notification SNMPv1 cannot carry, a message too big)
 *
 * Since: 0.1
 */
gboolean
gsnmp_engine_send_trap_finish (GsnmpEngine  *self,
                               GAsyncResult *result,
                               GError      **error)
{
        return finish_boolean (self, result, gsnmp_engine_send_trap_async, error);
}

/**
 * gsnmp_engine_send_v1_trap_async:
 * @self: a [class@Gsnmp.Engine]
 * @target: the notification receiver
 * @enterprise: the type of object sending the trap (enterprise)
 * @agent_address: (nullable): the IPv4 address of the agent (agent-addr),
 *   or %NULL for the one [method@Gsnmp.Engine.send_trap_async] picks
 * @generic_trap: the generic trap: 0 (coldStart) to 5 (egpNeighborLoss),
 *   or 6 (enterpriseSpecific)
 * @specific_trap: the specific trap, for enterpriseSpecific
 * @uptime: the sender's uptime in hundredths of a second (time-stamp), or
 *   %GSNMP_UPTIME_ENGINE (-1) for the engine's uptime
 * @varbinds: (array length=n_varbinds): the variable bindings
 * @n_varbinds: the number of elements in @varbinds
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the trap is sent
 * @user_data: data for @callback
 *
 * Sends an SNMPv1 trap whose fields the caller gives, as Net-SNMP's
 * `snmptrap -v1` does. To an SNMPv2c or SNMPv3 @target it is sent as the
 * SNMPv2 trap RFC 3584 §3.1 maps it to: `snmpTrapOID.0` is
 * `snmpTraps.(generic + 1)`, or `enterprise.0.specific` for
 * enterpriseSpecific; `snmpTrapEnterprise.0` is appended with @enterprise,
 * and `snmpTrapAddress.0` with @agent_address when one is given.
 *
 * Call [method@Gsnmp.Engine.send_v1_trap_finish] from @callback.
 *
 * Since: 0.1
 */
void
gsnmp_engine_send_v1_trap_async (GsnmpEngine          *self,
                                 GsnmpTarget          *target,
                                 GsnmpOid             *enterprise,
                                 GInetAddress         *agent_address,
                                 gint32                generic_trap,
                                 gint32                specific_trap,
                                 gint64                uptime,
                                 GsnmpVarbind * const *varbinds,
                                 gsize                 n_varbinds,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
        g_autoptr(GTask) task = NULL;
        GError *error = NULL;
        GsnmpPdu *pdu = NULL;
        guint32 ticks;
        gsize i;

        CHECK_NOTIFY_ARGS (self, target, varbinds, n_varbinds, uptime, cancellable);
        g_return_if_fail (enterprise != NULL);
        g_return_if_fail (agent_address == NULL || G_IS_INET_ADDRESS (agent_address));

        task = g_task_new (self, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_engine_send_v1_trap_async);
        g_task_set_name (task, "[gsnmp] send v1 trap");

        ticks = resolve_uptime (self, uptime);
        if (agent_address != NULL &&
            g_inet_address_get_family (agent_address) != G_SOCKET_FAMILY_IPV4) {
                error = g_error_new_literal (GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS,
                                             _("The agent address of an SNMPv1 trap must be an IPv4 address"));
        } else if (gsnmp_target_get_version (target) == GSNMP_PROTOCOL_VERSION_V1) {
                if (!check_v1_varbinds (varbinds, n_varbinds, &error)) {
                        start_pdu (self, target, NULL, error, cancellable, task);
                        return;
                }
                pdu = gsnmp_pdu_new (GSNMP_PDU_TYPE_TRAP_V1);
                pdu->enterprise = gsnmp_oid_ref (enterprise);
                if (agent_address != NULL)
                        memcpy (pdu->agent_addr, g_inet_address_to_bytes (agent_address), 4);
                else
                        local_address_for (target, pdu->agent_addr);
                pdu->generic_trap = (guint32) generic_trap;
                pdu->specific_trap = (guint32) specific_trap;
                pdu->time_stamp = ticks;
                for (i = 0; i < n_varbinds; i++)
                        gsnmp_pdu_add_varbind (pdu, varbinds[i]);
        } else {
                g_autoptr(GsnmpOid) trap_oid = gsnmp_notification_v1_trap_oid (enterprise,
                                                                               generic_trap,
                                                                               specific_trap);

                pdu = build_v2_pdu (GSNMP_PDU_TYPE_TRAP, trap_oid, ticks, varbinds, n_varbinds);
                if (agent_address != NULL &&
                    !find_varbind (varbinds, n_varbinds, snmp_trap_address_ids,
                                   G_N_ELEMENTS (snmp_trap_address_ids),
                                   GSNMP_VALUE_TYPE_IP_ADDRESS))
                        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take_octets (
                                gsnmp_oid_new (snmp_trap_address_ids, G_N_ELEMENTS (snmp_trap_address_ids)),
                                GSNMP_VALUE_TYPE_IP_ADDRESS, g_inet_address_to_bytes (agent_address), 4));
                if (!find_varbind (varbinds, n_varbinds, snmp_trap_enterprise_ids,
                                   G_N_ELEMENTS (snmp_trap_enterprise_ids),
                                   GSNMP_VALUE_TYPE_OBJECT_ID))
                        gsnmp_pdu_take_varbind (pdu, gsnmp_varbind_new_take_oid (
                                gsnmp_oid_new (snmp_trap_enterprise_ids,
                                               G_N_ELEMENTS (snmp_trap_enterprise_ids)),
                                gsnmp_oid_ref (enterprise)));
        }
        start_pdu (self, target, pdu, error, cancellable, task);
}

/**
 * gsnmp_engine_send_v1_trap_finish:
 * @self: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.send_v1_trap_async]. Errors are as for
 * [method@Gsnmp.Engine.send_trap_finish].
 *
 * Returns: %TRUE once the trap was sent, %FALSE on error
 *
 * Since: 0.1
 */
gboolean
gsnmp_engine_send_v1_trap_finish (GsnmpEngine  *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
        return finish_boolean (self, result, gsnmp_engine_send_v1_trap_async, error);
}

/*****************************************************************************/
/* Informs */

/* The engine's request completed: a response, whatever its error-status,
 * or an error. */
static void
on_inform_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
        g_autoptr(GTask) task = user_data;
        g_autoptr(GsnmpPdu) response = NULL;
        GError *error = NULL;

        response = g_task_propagate_pointer (G_TASK (result), &error);
        if (response == NULL) {
                g_task_return_error (task, error);
                return;
        }
        /* Returned whatever its error-status, as by every request */
        g_task_return_pointer (task, g_steal_pointer (&response), (GDestroyNotify) gsnmp_pdu_unref);
}

/**
 * gsnmp_engine_send_inform_async:
 * @self: a [class@Gsnmp.Engine]
 * @target: the notification receiver, SNMPv2c or SNMPv3
 * @notification_oid: what the notification reports (the value of
 *   `snmpTrapOID.0`)
 * @uptime: the sender's uptime in hundredths of a second (the value of
 *   `sysUpTime.0`), or %GSNMP_UPTIME_ENGINE (-1) for the engine's uptime
 * @varbinds: (array length=n_varbinds): the variable bindings that follow
 *   `sysUpTime.0` and `snmpTrapOID.0`
 * @n_varbinds: the number of elements in @varbinds
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once the receiver
 *   acknowledged the inform, or after the last retry
 * @user_data: data for @callback
 *
 * Sends an InformRequest-PDU (RFC 3416 §4.2.7) to @target and waits for
 * the receiver's acknowledgement, retransmitting it like any request
 * ([property@Gsnmp.Target:retries], [property@Gsnmp.Target:timeout]). For
 * SNMPv3 the receiver is the authoritative engine: the engine discovers its
 * engine ID first, as for a GET, so the user's keys are localized for the
 * receiver's engine ID. SNMPv1 has no inform: with SNMPv1 credentials this
 * fails with %G_IO_ERROR_NOT_SUPPORTED.
 *
 * Call [method@Gsnmp.Engine.send_inform_finish] from @callback.
 *
 * Since: 0.1
 */
void
gsnmp_engine_send_inform_async (GsnmpEngine          *self,
                                GsnmpTarget          *target,
                                GsnmpOid             *notification_oid,
                                gint64                uptime,
                                GsnmpVarbind * const *varbinds,
                                gsize                 n_varbinds,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
        GTask *task;
        g_autoptr(GTask) request = NULL;
        GError *error = NULL;
        GsnmpPdu *pdu;

        CHECK_NOTIFY_ARGS (self, target, varbinds, n_varbinds, uptime, cancellable);
        g_return_if_fail (notification_oid != NULL);

        task = g_task_new (self, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_engine_send_inform_async);
        g_task_set_name (task, "[gsnmp] send inform");

        /* The engine completes @request; on_inform_done() then @task */
        request = g_task_new (self, cancellable, on_inform_done, task);
        g_task_set_name (request, "[gsnmp] inform request");
        g_task_set_check_cancellable (request, FALSE);

        pdu = build_pdu (target, GSNMP_PDU_TYPE_INFORM, notification_oid,
                         resolve_uptime (self, uptime), varbinds, n_varbinds, &error);
        start_pdu (self, target, pdu, error, cancellable, request);
}

/**
 * gsnmp_engine_send_inform_finish:
 * @self: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.send_inform_async].
 *
 * As with [method@Gsnmp.Engine.get_finish], the receiver's response is
 * returned whatever its error-status (see [method@Gsnmp.Pdu.check_error]).
 * An inform that was never acknowledged fails with %G_IO_ERROR_TIMED_OUT;
 * the other errors are as for [method@Gsnmp.Engine.get_finish]. See
 * [Errors](errors.html).
 *
 * Returns: (transfer full): the receiver's Response-PDU, or %NULL on error
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_engine_send_inform_finish (GsnmpEngine  *self,
                                 GAsyncResult *result,
                                 GError      **error)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), NULL);
        g_return_val_if_fail (g_task_is_valid (result, self), NULL);
        g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                              gsnmp_engine_send_inform_async, NULL);

        return g_task_propagate_pointer (G_TASK (result), error);
}

/*****************************************************************************/
/* Several targets */

typedef struct {
        GsnmpNotifyResult *result;
        guint              n_pending;
        gboolean           is_inform;
} NotifyData;

/* Frees the task data of notify_async. */
static void
notify_data_free (NotifyData *data)
{
        g_clear_object (&data->result);
        g_free (data);
}

typedef struct {
        GTask *task;   /* (owned) the notify_async task */
        guint  index;
} TargetData;

/* Completes the notify task once no target is pending. */
static void
notify_maybe_done (GTask *task)
{
        NotifyData *data = g_task_get_task_data (task);

        if (data->n_pending > 0)
                return;
        g_task_return_pointer (task, g_object_ref (data->result), g_object_unref);
}

/* One target of notify_async is done: records its outcome. */
static void
on_notify_target_done (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
        TargetData *target_data = user_data;
        g_autoptr(GTask) task = target_data->task;
        NotifyData *data = g_task_get_task_data (task);
        GsnmpPdu *response;
        GError *error = NULL;

        response = g_task_propagate_pointer (G_TASK (result), &error);
        if (response != NULL && !gsnmp_pdu_check_error (response, &error))
                g_debug ("inform to target %u acknowledged with an error-status", target_data->index);
        result_set (data->result, target_data->index, response, error, data->is_inform);
        g_free (target_data);

        data->n_pending--;
        notify_maybe_done (task);
}

/**
 * gsnmp_engine_notify_async:
 * @self: a [class@Gsnmp.Engine]
 * @targets: (array length=n_targets): the notification receivers
 * @n_targets: the number of elements in @targets
 * @type: %GSNMP_PDU_TYPE_TRAP or %GSNMP_PDU_TYPE_INFORM
 * @notification_oid: what the notification reports (the value of
 *   `snmpTrapOID.0`)
 * @uptime: the sender's uptime in hundredths of a second, or
 *   %GSNMP_UPTIME_ENGINE (-1) for the engine's uptime (read once, for
 *   every target)
 * @varbinds: (array length=n_varbinds): the variable bindings that follow
 *   `sysUpTime.0` and `snmpTrapOID.0`
 * @n_varbinds: the number of elements in @varbinds
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async) (closure user_data): called once every target
 *   has been served
 * @user_data: data for @callback
 *
 * Sends one notification to several targets at once, as PySNMP's
 * notification targets do: a trap, or an inform, to each, in the form its
 * version asks for (see [method@Gsnmp.Engine.send_trap_async] and
 * [method@Gsnmp.Engine.send_inform_async]; an inform to an SNMPv1 target
 * fails for that target). The targets are served concurrently; @callback
 * runs when all are done, and [method@Gsnmp.Engine.notify_finish] gives a
 * [class@Gsnmp.NotifyResult] with each target's outcome.
 *
 * Since: 0.1
 */
void
gsnmp_engine_notify_async (GsnmpEngine          *self,
                           GsnmpTarget * const  *targets,
                           gsize                 n_targets,
                           GsnmpPduType          type,
                           GsnmpOid             *notification_oid,
                           gint64                uptime,
                           GsnmpVarbind * const *varbinds,
                           gsize                 n_varbinds,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
        g_autoptr(GTask) task = NULL;
        NotifyData *data;
        guint32 ticks;
        gsize i;

        g_return_if_fail (GSNMP_IS_ENGINE (self));
        g_return_if_fail (targets != NULL || n_targets == 0);
        g_return_if_fail (n_targets <= G_MAXUINT);
        g_return_if_fail (type == GSNMP_PDU_TYPE_TRAP || type == GSNMP_PDU_TYPE_INFORM);
        g_return_if_fail (notification_oid != NULL);
        g_return_if_fail (varbinds != NULL || n_varbinds == 0);
        g_return_if_fail (uptime >= -1 && uptime <= G_MAXUINT32);
        g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
        g_return_if_fail (gsnmp_engine_in_context (self));
        for (i = 0; i < n_targets; i++)
                g_return_if_fail (GSNMP_IS_TARGET (targets[i]));

        task = g_task_new (self, cancellable, callback, user_data);
        g_task_set_source_tag (task, gsnmp_engine_notify_async);
        g_task_set_name (task, "[gsnmp] notify");

        data = g_new0 (NotifyData, 1);
        data->result = g_object_new (GSNMP_TYPE_NOTIFY_RESULT, NULL);
        data->is_inform = type == GSNMP_PDU_TYPE_INFORM;
        g_array_set_size (data->result->entries, n_targets);
        g_task_set_task_data (task, data, (GDestroyNotify) notify_data_free);

        ticks = resolve_uptime (self, uptime);
        /* Count every target first: a request may complete at once */
        data->n_pending = n_targets;
        for (i = 0; i < n_targets; i++) {
                g_autoptr(GTask) request = NULL;
                GError *error = NULL;
                TargetData *target_data;
                GsnmpPdu *pdu;

                result_entry (data->result, i)->target = g_object_ref (targets[i]);
                pdu = build_pdu (targets[i], type, notification_oid, ticks, varbinds, n_varbinds,
                                 &error);
                if (pdu == NULL) {
                        result_set (data->result, i, NULL, error, data->is_inform);
                        data->n_pending--;
                        continue;
                }
                target_data = g_new0 (TargetData, 1);
                target_data->task = g_object_ref (task);
                target_data->index = i;
                request = g_task_new (self, cancellable, on_notify_target_done, target_data);
                g_task_set_name (request, "[gsnmp] notify target");
                g_task_set_check_cancellable (request, FALSE);
                gsnmp_engine_start_request (self, targets[i], pdu, cancellable, request);
                gsnmp_pdu_unref (pdu);
        }
        notify_maybe_done (task);
}

/**
 * gsnmp_engine_notify_finish:
 * @self: a [class@Gsnmp.Engine]
 * @result: the [iface@Gio.AsyncResult] passed to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Gsnmp.Engine.notify_async]. The failures of single
 * targets are in the result, not here: this fails only with
 * %G_IO_ERROR_CANCELLED when the operation was cancelled.
 *
 * Returns: (transfer full): the outcome for each target, or %NULL on error
 *
 * Since: 0.1
 */
GsnmpNotifyResult *
gsnmp_engine_notify_finish (GsnmpEngine  *self,
                            GAsyncResult *result,
                            GError      **error)
{
        g_return_val_if_fail (GSNMP_IS_ENGINE (self), NULL);
        g_return_val_if_fail (g_task_is_valid (result, self), NULL);
        g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                              gsnmp_engine_notify_async, NULL);

        return g_task_propagate_pointer (G_TASK (result), error);
}
