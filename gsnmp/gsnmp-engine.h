/* gsnmp-engine.h - the local SNMP entity: sockets, requests and timers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <gio/gio.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-oid.h>
#include <gsnmp/gsnmp-varbind.h>
#include <gsnmp/gsnmp-pdu.h>
#include <gsnmp/gsnmp-target.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_ENGINE (gsnmp_engine_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpEngine, gsnmp_engine, GSNMP, ENGINE, GObject)

GSNMP_AVAILABLE_IN_ALL
GsnmpEngine *gsnmp_engine_new                  (GError              **error);

GSNMP_AVAILABLE_IN_ALL
GsnmpEngine *gsnmp_engine_new_with_state_file  (const char           *state_file,
                                                GError              **error);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_engine_close                (GsnmpEngine          *self);

GSNMP_AVAILABLE_IN_ALL
GBytes      *gsnmp_engine_get_engine_id        (GsnmpEngine          *self);
GSNMP_AVAILABLE_IN_ALL
guint        gsnmp_engine_get_engine_boots     (GsnmpEngine          *self);
GSNMP_AVAILABLE_IN_ALL
guint        gsnmp_engine_get_engine_time      (GsnmpEngine          *self);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_engine_discover_async       (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GBytes      *gsnmp_engine_discover_finish      (GsnmpEngine          *self,
                                                GAsyncResult         *result,
                                                GError              **error);
GSNMP_AVAILABLE_IN_ALL
guint64      gsnmp_engine_get_counter          (GsnmpEngine          *self,
                                                GsnmpCounter          counter);

GSNMP_AVAILABLE_IN_ALL
guint        gsnmp_engine_get_max_in_flight    (GsnmpEngine          *self);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_engine_set_max_in_flight    (GsnmpEngine          *self,
                                                guint                 max_in_flight);
GSNMP_AVAILABLE_IN_ALL
guint        gsnmp_engine_get_resolve_timeout  (GsnmpEngine          *self);
GSNMP_AVAILABLE_IN_ALL
void         gsnmp_engine_set_resolve_timeout  (GsnmpEngine          *self,
                                                guint                 timeout_ms);
GSNMP_AVAILABLE_IN_ALL
guint        gsnmp_engine_get_n_pending        (GsnmpEngine          *self);

GSNMP_AVAILABLE_IN_ALL
void         gsnmp_engine_get_async            (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                GsnmpOid * const     *oids,
                                                gsize                 n_oids,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu    *gsnmp_engine_get_finish           (GsnmpEngine          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

GSNMP_AVAILABLE_IN_ALL
void         gsnmp_engine_get_next_async       (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                GsnmpOid * const     *oids,
                                                gsize                 n_oids,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu    *gsnmp_engine_get_next_finish      (GsnmpEngine          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

GSNMP_AVAILABLE_IN_ALL
void         gsnmp_engine_get_bulk_async       (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                guint                 non_repeaters,
                                                guint                 max_repetitions,
                                                GsnmpOid * const     *oids,
                                                gsize                 n_oids,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu    *gsnmp_engine_get_bulk_finish      (GsnmpEngine          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

GSNMP_AVAILABLE_IN_ALL
void         gsnmp_engine_set_async            (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                GsnmpVarbind * const *varbinds,
                                                gsize                 n_varbinds,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu    *gsnmp_engine_set_finish           (GsnmpEngine          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

GSNMP_AVAILABLE_IN_ALL
void         gsnmp_engine_send_pdu_async       (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                GsnmpPdu             *pdu,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu    *gsnmp_engine_send_pdu_finish      (GsnmpEngine          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

GSNMP_AVAILABLE_IN_ALL
GMainContext *gsnmp_engine_get_main_context    (GsnmpEngine          *self);

/* Synchronous forms (gsnmp-engine-sync.c) */
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu    *gsnmp_engine_get                  (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                GsnmpOid * const     *oids,
                                                gsize                 n_oids,
                                                GCancellable         *cancellable,
                                                GError              **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu    *gsnmp_engine_get_next             (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                GsnmpOid * const     *oids,
                                                gsize                 n_oids,
                                                GCancellable         *cancellable,
                                                GError              **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu    *gsnmp_engine_get_bulk             (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                guint                 non_repeaters,
                                                guint                 max_repetitions,
                                                GsnmpOid * const     *oids,
                                                gsize                 n_oids,
                                                GCancellable         *cancellable,
                                                GError              **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu    *gsnmp_engine_set                  (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                GsnmpVarbind * const *varbinds,
                                                gsize                 n_varbinds,
                                                GCancellable         *cancellable,
                                                GError              **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu    *gsnmp_engine_send_pdu             (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                GsnmpPdu             *pdu,
                                                GCancellable         *cancellable,
                                                GError              **error);
GSNMP_AVAILABLE_IN_ALL
GBytes      *gsnmp_engine_discover             (GsnmpEngine          *self,
                                                GsnmpTarget          *target,
                                                GCancellable         *cancellable,
                                                GError              **error);

G_END_DECLS
