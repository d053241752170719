/* gsnmp-varbind-private.h - GsnmpVarbind constructors for the codec's fast path
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-varbind.h"
#include "gsnmp-oid.h"

G_BEGIN_DECLS

/* Every constructor here takes ownership of @oid, the varbind's name, so a
 * decoder can hand over the OID it just built without an extra ref/unref.
 * They check their arguments with g_return_val_if_fail(): a decoder must
 * validate lengths and ranges itself and fail with a GError first. */

/* INTEGER (pass the gint32: it converts to guint64 and back losslessly),
 * COUNTER32, GAUGE32, TIMETICKS (@value must fit in 32 bits), COUNTER64,
 * NULL and the three exceptions (@value is ignored). */
GsnmpVarbind *gsnmp_varbind_new_take          (GsnmpOid       *oid,
                                               GsnmpValueType  type,
                                               guint64         value);

/* OCTET_STRING, OPAQUE, or IP_ADDRESS (@length must be 4).  Copies @data
 * once, into the varbind's own allocation. */
GsnmpVarbind *gsnmp_varbind_new_take_octets   (GsnmpOid       *oid,
                                               GsnmpValueType  type,
                                               const guint8   *data,
                                               gsize           length);

/* Like gsnmp_varbind_new_take_octets() but keeps @bytes (transfer full)
 * instead of copying it. */
GsnmpVarbind *gsnmp_varbind_new_take_bytes    (GsnmpOid       *oid,
                                               GsnmpValueType  type,
                                               GBytes         *bytes);

/* OBJECT_ID: takes ownership of both @oid and @value. */
GsnmpVarbind *gsnmp_varbind_new_take_oid      (GsnmpOid       *oid,
                                               GsnmpOid       *value);

/* The decoder's constructors: the name is a copy of @ids (at most
 * GSNMP_OID_MAX_LENGTH) embedded in the varbind's own allocation, with
 * the octets, so a decoded varbind is one allocation.  Otherwise as
 * gsnmp_varbind_new_take(), _new_take_octets() and _new_take_oid(). */
GsnmpVarbind *gsnmp_varbind_new_decoded        (const guint32  *ids,
                                                gsize           n_ids,
                                                GsnmpValueType  type,
                                                guint64         value);
GsnmpVarbind *gsnmp_varbind_new_decoded_octets (const guint32  *ids,
                                                gsize           n_ids,
                                                GsnmpValueType  type,
                                                const guint8   *data,
                                                gsize           length);
GsnmpVarbind *gsnmp_varbind_new_decoded_oid    (const guint32  *ids,
                                                gsize           n_ids,
                                                GsnmpOid       *value);

/* gsnmp_oid_ref() and gsnmp_oid_unref() of an embedded name: a reference
 * to the varbind that holds it. */
void gsnmp_varbind_ref_embedded_oid    (GsnmpOid       *oid);
void gsnmp_varbind_unref_embedded_oid  (GsnmpOid       *oid);

/* Net-SNMP's printers without MIB information (mib.c), shared with the
 * MIB store's formatter (gsnmp-mib-format.c). */
void gsnmp_varbind_append_hex          (GString        *out,
                                        const guint8   *data,
                                        gsize           length);
void gsnmp_varbind_append_uptime       (GString        *out,
                                        guint32         ticks,
                                        gboolean        quick);
void gsnmp_varbind_append_numeric_oid  (GString        *out,
                                        const GsnmpOid *oid);
void gsnmp_varbind_append_octet_string (GString        *out,
                                        const guint8   *data,
                                        gsize           length,
                                        gboolean        quick);
void gsnmp_varbind_append_value        (GString        *out,
                                        GsnmpVarbind   *vb,
                                        gboolean        quick);

G_END_DECLS
