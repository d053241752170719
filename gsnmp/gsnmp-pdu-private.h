/* gsnmp-pdu-private.h - GsnmpPdu internals shared with the codec and engine
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-pdu.h"
#include "gsnmp-varbind.h"
#include "gsnmp-oid.h"

G_BEGIN_DECLS

/* A boxed, reference-counted value: a GObject costs about 2,400
 * instructions to create and destroy in GLib 2.74, more than decoding a
 * whole response, and the engine makes one per response.  The reference
 * count comes first, so that g_object_unref() on a PDU (it was a GObject
 * before) fails loudly instead of silently. */
struct _GsnmpPdu {
        gatomicrefcount ref_count;
        GsnmpPduType  type;
        gint32        request_id;
        /* For GetBulkRequest-PDUs these two hold non-repeaters and
         * max-repetitions, as on the wire (RFC 3416 §3). */
        guint32       error_status;
        guint32       error_index;
        /* The varbinds (owned): @inline_varbinds, allocated with the PDU,
         * until more than @varbinds_size are added, then a separate
         * array.  A decoded PDU gets room for exactly its varbinds, so it
         * costs one allocation however many it carries. */
        GsnmpVarbind **varbinds;
        guint         n_varbinds;
        guint         varbinds_size;

        /* SNMPv1 Trap-PDU fields (RFC 1157 §4.1.6), unused otherwise */
        GsnmpOid     *enterprise;      /* (nullable) (owned) */
        guint8        agent_addr[4];
        guint32       generic_trap;
        guint32       specific_trap;
        guint32       time_stamp;

        GsnmpVarbind *inline_varbinds[];
};

/* A new PDU with room for @n_varbinds varbinds before it needs to grow. */
GsnmpPdu *gsnmp_pdu_new_sized         (GsnmpPduType  type,
                                       guint         n_varbinds);
/* Drops every varbind (the engine's scratch PDU, reused). */
void      gsnmp_pdu_clear_varbinds    (GsnmpPdu     *self);

void      gsnmp_pdu_set_request_id    (GsnmpPdu *self,
                                       gint32    request_id);
void      gsnmp_pdu_set_error         (GsnmpPdu *self,
                                       guint32   error_status,
                                       guint32   error_index);
void      gsnmp_pdu_set_bulk          (GsnmpPdu *self,
                                       guint32   non_repeaters,
                                       guint32   max_repetitions);
/* Takes ownership of @varbind: the codec's fast path. */
void      gsnmp_pdu_take_varbind      (GsnmpPdu     *self,
                                       GsnmpVarbind *varbind);

G_END_DECLS
