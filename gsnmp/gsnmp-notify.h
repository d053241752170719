/* gsnmp-notify.h - sending notifications: traps and informs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <gio/gio.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-enums.h>
#include <gsnmp/gsnmp-oid.h>
#include <gsnmp/gsnmp-varbind.h>
#include <gsnmp/gsnmp-pdu.h>
#include <gsnmp/gsnmp-target.h>
#include <gsnmp/gsnmp-engine.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

/**
 * GSNMP_UPTIME_ENGINE:
 *
 * The uptime argument of the notification functions that stands for the
 * engine's own uptime (hundredths of a second since it was created).
 *
 * Since: 0.1
 */
#define GSNMP_UPTIME_ENGINE (-1)

/**
 * GsnmpNotifyOutcome:
 * @GSNMP_NOTIFY_OUTCOME_SENT: the trap was sent
 * @GSNMP_NOTIFY_OUTCOME_ACKNOWLEDGED: the receiver acknowledged the inform
 *   without error
 * @GSNMP_NOTIFY_OUTCOME_FAILED: the notification could not be sent, or the
 *   inform was not acknowledged (or with an error-status); see
 *   [method@Gsnmp.NotifyResult.get_error]
 *
 * What became of a notification sent to one target by
 * [method@Gsnmp.Engine.notify_async].
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_NOTIFY_OUTCOME_SENT,
        GSNMP_NOTIFY_OUTCOME_ACKNOWLEDGED,
        GSNMP_NOTIFY_OUTCOME_FAILED,
} GsnmpNotifyOutcome;

#define GSNMP_TYPE_NOTIFY_RESULT (gsnmp_notify_result_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpNotifyResult, gsnmp_notify_result, GSNMP, NOTIFY_RESULT, GObject)

GSNMP_AVAILABLE_IN_ALL
guint               gsnmp_notify_result_get_n_targets  (GsnmpNotifyResult    *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpTarget        *gsnmp_notify_result_get_target     (GsnmpNotifyResult    *self,
                                                        guint                 index);
GSNMP_AVAILABLE_IN_ALL
GsnmpNotifyOutcome  gsnmp_notify_result_get_outcome    (GsnmpNotifyResult    *self,
                                                        guint                 index);
GSNMP_AVAILABLE_IN_ALL
const GError       *gsnmp_notify_result_get_error      (GsnmpNotifyResult    *self,
                                                        guint                 index);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu           *gsnmp_notify_result_get_response   (GsnmpNotifyResult    *self,
                                                        guint                 index);
GSNMP_AVAILABLE_IN_ALL
guint               gsnmp_notify_result_get_n_failed   (GsnmpNotifyResult    *self);

GSNMP_AVAILABLE_IN_ALL
void                gsnmp_engine_send_trap_async       (GsnmpEngine          *self,
                                                        GsnmpTarget          *target,
                                                        GsnmpOid             *notification_oid,
                                                        gint64                uptime,
                                                        GsnmpVarbind * const *varbinds,
                                                        gsize                 n_varbinds,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
gboolean            gsnmp_engine_send_trap_finish      (GsnmpEngine          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

GSNMP_AVAILABLE_IN_ALL
void                gsnmp_engine_send_inform_async     (GsnmpEngine          *self,
                                                        GsnmpTarget          *target,
                                                        GsnmpOid             *notification_oid,
                                                        gint64                uptime,
                                                        GsnmpVarbind * const *varbinds,
                                                        gsize                 n_varbinds,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu           *gsnmp_engine_send_inform_finish    (GsnmpEngine          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

GSNMP_AVAILABLE_IN_ALL
void                gsnmp_engine_send_v1_trap_async    (GsnmpEngine          *self,
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
                                                        gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
gboolean            gsnmp_engine_send_v1_trap_finish   (GsnmpEngine          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

GSNMP_AVAILABLE_IN_ALL
void                gsnmp_engine_notify_async          (GsnmpEngine          *self,
                                                        GsnmpTarget * const  *targets,
                                                        gsize                 n_targets,
                                                        GsnmpPduType          type,
                                                        GsnmpOid             *notification_oid,
                                                        gint64                uptime,
                                                        GsnmpVarbind * const *varbinds,
                                                        gsize                 n_varbinds,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GsnmpNotifyResult  *gsnmp_engine_notify_finish         (GsnmpEngine          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

GSNMP_AVAILABLE_IN_ALL
gboolean            gsnmp_engine_send_trap             (GsnmpEngine          *self,
                                                        GsnmpTarget          *target,
                                                        GsnmpOid             *notification_oid,
                                                        gint64                uptime,
                                                        GsnmpVarbind * const *varbinds,
                                                        gsize                 n_varbinds,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu           *gsnmp_engine_send_inform           (GsnmpEngine          *self,
                                                        GsnmpTarget          *target,
                                                        GsnmpOid             *notification_oid,
                                                        gint64                uptime,
                                                        GsnmpVarbind * const *varbinds,
                                                        gsize                 n_varbinds,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
GSNMP_AVAILABLE_IN_ALL
gboolean            gsnmp_engine_send_v1_trap          (GsnmpEngine          *self,
                                                        GsnmpTarget          *target,
                                                        GsnmpOid             *enterprise,
                                                        GInetAddress         *agent_address,
                                                        gint32                generic_trap,
                                                        gint32                specific_trap,
                                                        gint64                uptime,
                                                        GsnmpVarbind * const *varbinds,
                                                        gsize                 n_varbinds,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpNotifyResult  *gsnmp_engine_notify                (GsnmpEngine          *self,
                                                        GsnmpTarget * const  *targets,
                                                        gsize                 n_targets,
                                                        GsnmpPduType          type,
                                                        GsnmpOid             *notification_oid,
                                                        gint64                uptime,
                                                        GsnmpVarbind * const *varbinds,
                                                        gsize                 n_varbinds,
                                                        GCancellable         *cancellable,
                                                        GError              **error);

G_END_DECLS
