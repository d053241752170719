/* gsnmp-walk.h - subtree walks with GetNext and GetBulk
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
#include <gsnmp/gsnmp-target.h>
#include <gsnmp/gsnmp-engine.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

/**
 * GsnmpWalkStatus:
 * @GSNMP_WALK_STATUS_RUNNING: the walk has not ended yet
 * @GSNMP_WALK_STATUS_END_OF_SUBTREE: the agent returned an OID past the
 *   root's subtree
 * @GSNMP_WALK_STATUS_END_OF_MIB_VIEW: the agent has nothing more to return:
 *   it sent endOfMibView (or another exception), or, in SNMPv1, the
 *   noSuchName error
 * @GSNMP_WALK_STATUS_MAX_VARBINDS: the walk returned
 *   [property@Gsnmp.Walk:max-varbinds] variable bindings
 * @GSNMP_WALK_STATUS_MAX_REQUESTS: the walk sent
 *   [property@Gsnmp.Walk:max-requests] requests
 * @GSNMP_WALK_STATUS_FAILED: the walk ended with an error
 *
 * Why a [class@Gsnmp.Walk] ended, as [method@Gsnmp.Walk.get_status] tells.
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_WALK_STATUS_RUNNING,
        GSNMP_WALK_STATUS_END_OF_SUBTREE,
        GSNMP_WALK_STATUS_END_OF_MIB_VIEW,
        GSNMP_WALK_STATUS_MAX_VARBINDS,
        GSNMP_WALK_STATUS_MAX_REQUESTS,
        GSNMP_WALK_STATUS_FAILED,
} GsnmpWalkStatus;

#define GSNMP_TYPE_WALK (gsnmp_walk_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpWalk, gsnmp_walk, GSNMP, WALK, GObject)

GSNMP_AVAILABLE_IN_ALL
GsnmpWalk       *gsnmp_walk_new                      (GsnmpEngine          *engine,
                                                      GsnmpTarget          *target,
                                                      GsnmpOid             *root);

GSNMP_AVAILABLE_IN_ALL
GsnmpEngine     *gsnmp_walk_get_engine               (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpTarget     *gsnmp_walk_get_target               (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_walk_get_root                 (GsnmpWalk            *self);

GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_walk_get_max_repetitions      (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_set_max_repetitions      (GsnmpWalk            *self,
                                                      guint                 max_repetitions);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_walk_get_max_varbinds         (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_set_max_varbinds         (GsnmpWalk            *self,
                                                      guint                 max_varbinds);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_walk_get_adaptive             (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_set_adaptive             (GsnmpWalk            *self,
                                                      gboolean              adaptive);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_walk_get_max_duration         (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_set_max_duration         (GsnmpWalk            *self,
                                                      guint                 max_duration);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_walk_get_max_requests         (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_set_max_requests         (GsnmpWalk            *self,
                                                      guint                 max_requests);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_walk_get_lexicographic        (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_set_lexicographic        (GsnmpWalk            *self,
                                                      gboolean              lexicographic);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_walk_get_use_getnext          (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_set_use_getnext          (GsnmpWalk            *self,
                                                      gboolean              use_getnext);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_walk_get_allow_non_increasing (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_set_allow_non_increasing (GsnmpWalk            *self,
                                                      gboolean              allow);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_walk_get_root_fallback        (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_set_root_fallback        (GsnmpWalk            *self,
                                                      gboolean              root_fallback);

GSNMP_AVAILABLE_IN_ALL
GsnmpWalkStatus  gsnmp_walk_get_status               (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_walk_get_end_varbind          (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_walk_get_n_requests           (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_walk_get_n_adaptations        (GsnmpWalk            *self);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_walk_get_current_max_repetitions (GsnmpWalk         *self);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_walk_get_n_varbinds           (GsnmpWalk            *self);

GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_next_async               (GsnmpWalk            *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GPtrArray       *gsnmp_walk_next_finish              (GsnmpWalk            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

GSNMP_AVAILABLE_IN_ALL
void             gsnmp_walk_all_async                (GsnmpWalk            *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GPtrArray       *gsnmp_walk_all_finish               (GsnmpWalk            *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

GSNMP_AVAILABLE_IN_ALL
void             gsnmp_engine_walk_async             (GsnmpEngine          *engine,
                                                      GsnmpTarget          *target,
                                                      GsnmpOid             *root,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GSNMP_AVAILABLE_IN_ALL
GPtrArray       *gsnmp_engine_walk_finish            (GsnmpEngine          *engine,
                                                      GAsyncResult         *result,
                                                      GError              **error);

GSNMP_AVAILABLE_IN_ALL
GPtrArray       *gsnmp_walk_next                     (GsnmpWalk            *self,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
GSNMP_AVAILABLE_IN_ALL
GPtrArray       *gsnmp_walk_all                      (GsnmpWalk            *self,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
GSNMP_AVAILABLE_IN_ALL
GPtrArray       *gsnmp_engine_walk                   (GsnmpEngine          *engine,
                                                      GsnmpTarget          *target,
                                                      GsnmpOid             *root,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

G_END_DECLS
