/* gsnmp-pdu.h - protocol data units
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <glib-object.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-enums.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_PDU (gsnmp_pdu_get_type ())
GSNMP_AVAILABLE_IN_ALL
GType            gsnmp_pdu_get_type           (void) G_GNUC_CONST;

GSNMP_AVAILABLE_IN_ALL
GsnmpPdu        *gsnmp_pdu_new                (GsnmpPduType   type);
GSNMP_AVAILABLE_IN_ALL
GsnmpPdu        *gsnmp_pdu_ref                (GsnmpPdu      *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_pdu_unref              (GsnmpPdu      *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpPduType     gsnmp_pdu_get_pdu_type       (GsnmpPdu      *self);
GSNMP_AVAILABLE_IN_ALL
gint32           gsnmp_pdu_get_request_id     (GsnmpPdu      *self);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_pdu_get_error_status   (GsnmpPdu      *self);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_pdu_get_error_index    (GsnmpPdu      *self);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_pdu_get_non_repeaters  (GsnmpPdu      *self);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_pdu_get_max_repetitions (GsnmpPdu     *self);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_pdu_add_varbind        (GsnmpPdu      *self,
                                               GsnmpVarbind  *varbind);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind   **gsnmp_pdu_get_varbinds       (GsnmpPdu      *self,
                                               guint         *n_varbinds);
GSNMP_AVAILABLE_IN_ALL
guint            gsnmp_pdu_get_n_varbinds     (GsnmpPdu      *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind    *gsnmp_pdu_get_varbind        (GsnmpPdu      *self,
                                               guint          index);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_pdu_check_error        (GsnmpPdu      *self,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsnmpPdu, gsnmp_pdu_unref)

G_END_DECLS
