/* gsnmp-varbind.c - variable bindings: an OID and a typed value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-varbind.h"
#include "gsnmp-varbind-private.h"
#include "gsnmp-oid.h"
#include "gsnmp-oid-private.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

/**
 * GsnmpVarbind:
 *
 * A variable binding: an object identifier (the name) and a typed value,
 * one element of a PDU's variable-bindings list (RFC 3416 §3).
 *
 * A value has one of the types of [enum@Gsnmp.ValueType]: the SMIv2 base
 * types INTEGER, OCTET STRING, NULL, OBJECT IDENTIFIER, IpAddress,
 * Counter32, Gauge32 (also Unsigned32), TimeTicks, Opaque and Counter64, or
 * one of the exceptions noSuchObject, noSuchInstance and endOfMibView that an
 * SNMPv2 agent returns in place of a value.
 *
 * Create varbinds with the typed constructors, such as
 * [ctor@Gsnmp.Varbind.new_integer]; a request's varbinds carry NULL values
 * ([ctor@Gsnmp.Varbind.new_null]).  Read the value with the getter that
 * matches [method@Gsnmp.Varbind.get_value_type], or as a
 * [struct@GLib.Variant] with [method@Gsnmp.Varbind.get_value], which suits
 * language bindings.  [method@Gsnmp.Varbind.to_string] and
 * [method@Gsnmp.Varbind.format] print a varbind the way Net-SNMP's
 * command-line tools do.
 *
 * Varbinds are immutable and reference-counted, so they can be shared
 * freely, also between threads.
 *
 * Since: 0.1
 */

struct _GsnmpVarbind {
        gatomicrefcount  ref_count;
        GsnmpValueType   type;
        GsnmpOid        *oid;           /* (owned) or embedded in @tail */

        union {
                gint32     integer;     /* INTEGER */
                guint32    unsigned32;  /* COUNTER32, GAUGE32, TIMETICKS */
                guint64    counter64;   /* COUNTER64 */
                GsnmpOid  *oid;         /* OBJECT_ID (owned) */
                struct {                /* OCTET_STRING, OPAQUE, IP_ADDRESS */
                        const guint8 *data;    /* in @tail or in @bytes */
                        gsize         length;
                        GBytes       *bytes;   /* (nullable) (owned) */
                } octets;
        } value;

        /* The rest of the same allocation: the name, when the varbind was
         * decoded (an embedded OID: see gsnmp-oid-private.h), then the
         * octets the constructors copied.  A decoded varbind is one
         * allocation. */
        guint8           tail[];
};

G_DEFINE_BOXED_TYPE_WITH_CODE (GsnmpVarbind, gsnmp_varbind,
                               gsnmp_varbind_ref, gsnmp_varbind_unref,
                               gsnmp_init_once ())

static gboolean
is_exception_type (GsnmpValueType type)
{
        return type == GSNMP_VALUE_TYPE_NO_SUCH_OBJECT ||
               type == GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE ||
               type == GSNMP_VALUE_TYPE_END_OF_MIB_VIEW;
}

static gboolean
is_octets_type (GsnmpValueType type)
{
        return type == GSNMP_VALUE_TYPE_OCTET_STRING ||
               type == GSNMP_VALUE_TYPE_OPAQUE ||
               type == GSNMP_VALUE_TYPE_NSAP_ADDRESS ||
               type == GSNMP_VALUE_TYPE_IP_ADDRESS;
}

/* The varbind whose @tail holds the embedded OID @oid. */
static inline GsnmpVarbind *
embedded_owner (GsnmpOid *oid)
{
        return (GsnmpVarbind *) (gpointer) ((guint8 *) oid - G_STRUCT_OFFSET (GsnmpVarbind, tail));
}

static inline gboolean
has_embedded_name (GsnmpVarbind *vb)
{
        return (gpointer) vb->oid == (gpointer) vb->tail;
}

/* The forwarding of an embedded name's references (gsnmp-oid.c). */
void
gsnmp_varbind_ref_embedded_oid (GsnmpOid *oid)
{
        gsnmp_varbind_ref (embedded_owner (oid));
}

void
gsnmp_varbind_unref_embedded_oid (GsnmpOid *oid)
{
        gsnmp_varbind_unref (embedded_owner (oid));
}

/* Allocates a varbind with @extra octets of room after its name, which
 * is @oid (taken) or, when @oid is NULL, a copy of @ids embedded in the
 * same allocation; returns the room in @extra_data. */
static GsnmpVarbind *
varbind_alloc_full (GsnmpOid       *oid,
                    const guint32  *ids,
                    gsize           n_ids,
                    GsnmpValueType  type,
                    gsize           extra,
                    guint8        **extra_data)
{
        GsnmpVarbind *vb;
        gsize name_size = oid ? 0 : gsnmp_oid_embedded_size (n_ids);

        vb = g_malloc (sizeof (GsnmpVarbind) + name_size + extra);
        g_atomic_ref_count_init (&vb->ref_count);
        vb->type = type;
        vb->oid = oid ? oid : gsnmp_oid_init_embedded (vb->tail, ids, n_ids);
        memset (&vb->value, 0, sizeof (vb->value));
        if (extra_data)
                *extra_data = vb->tail + name_size;

        return vb;
}

/* Takes ownership of @oid. */
static GsnmpVarbind *
varbind_alloc (GsnmpOid       *oid,
               GsnmpValueType  type,
               gsize           extra)
{
        return varbind_alloc_full (oid, NULL, 0, type, extra, NULL);
}

/* Takes ownership of @oid (or embeds @ids when it is NULL); copies
 * @data. */
static GsnmpVarbind *
varbind_new_octets_full (GsnmpOid       *oid,
                         const guint32  *ids,
                         gsize           n_ids,
                         GsnmpValueType  type,
                         const guint8   *data,
                         gsize           length)
{
        GsnmpVarbind *vb;
        guint8 *copy;

        vb = varbind_alloc_full (oid, ids, n_ids, type, length, &copy);
        if (length > 0)
                memcpy (copy, data, length);
        vb->value.octets.data = copy;
        vb->value.octets.length = length;

        return vb;
}

/* Takes ownership of @oid; copies @data. */
static GsnmpVarbind *
varbind_new_octets (GsnmpOid       *oid,
                    GsnmpValueType  type,
                    const guint8   *data,
                    gsize           length)
{
        return varbind_new_octets_full (oid, NULL, 0, type, data, length);
}

/* A varbind of a type without octets, see gsnmp_varbind_new_take();
 * takes ownership of @oid (or embeds @ids when it is NULL). */
static GsnmpVarbind *
varbind_new_number (GsnmpOid       *oid,
                    const guint32  *ids,
                    gsize           n_ids,
                    GsnmpValueType  type,
                    guint64         value)
{
        GsnmpVarbind *vb;

        switch (type) {
        case GSNMP_VALUE_TYPE_INTEGER:
                vb = varbind_alloc_full (oid, ids, n_ids, type, 0, NULL);
                vb->value.integer = (gint32) value;
                return vb;
        case GSNMP_VALUE_TYPE_COUNTER32:
        case GSNMP_VALUE_TYPE_GAUGE32:
        case GSNMP_VALUE_TYPE_TIMETICKS:
        case GSNMP_VALUE_TYPE_UINTEGER32:
                g_return_val_if_fail (value <= G_MAXUINT32, NULL);
                vb = varbind_alloc_full (oid, ids, n_ids, type, 0, NULL);
                vb->value.unsigned32 = (guint32) value;
                return vb;
        case GSNMP_VALUE_TYPE_COUNTER64:
                vb = varbind_alloc_full (oid, ids, n_ids, type, 0, NULL);
                vb->value.counter64 = value;
                return vb;
        case GSNMP_VALUE_TYPE_NULL:
        case GSNMP_VALUE_TYPE_NO_SUCH_OBJECT:
        case GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE:
        case GSNMP_VALUE_TYPE_END_OF_MIB_VIEW:
                return varbind_alloc_full (oid, ids, n_ids, type, 0, NULL);
        case GSNMP_VALUE_TYPE_OCTET_STRING:
        case GSNMP_VALUE_TYPE_OBJECT_ID:
        case GSNMP_VALUE_TYPE_IP_ADDRESS:
        case GSNMP_VALUE_TYPE_OPAQUE:
        case GSNMP_VALUE_TYPE_NSAP_ADDRESS:
        default:
                break;
        }

        g_return_val_if_reached (NULL);
}

/*****************************************************************************/
/* Internal constructors (gsnmp-varbind-private.h) */

GsnmpVarbind *
gsnmp_varbind_new_take (GsnmpOid       *oid,
                        GsnmpValueType  type,
                        guint64         value)
{
        g_return_val_if_fail (oid != NULL, NULL);

        return varbind_new_number (oid, NULL, 0, type, value);
}

GsnmpVarbind *
gsnmp_varbind_new_take_octets (GsnmpOid       *oid,
                               GsnmpValueType  type,
                               const guint8   *data,
                               gsize           length)
{
        g_return_val_if_fail (oid != NULL, NULL);
        g_return_val_if_fail (is_octets_type (type), NULL);
        g_return_val_if_fail (data != NULL || length == 0, NULL);
        g_return_val_if_fail (type != GSNMP_VALUE_TYPE_IP_ADDRESS || length == 4, NULL);

        return varbind_new_octets (oid, type, data, length);
}

GsnmpVarbind *
gsnmp_varbind_new_decoded (const guint32  *ids,
                           gsize           n_ids,
                           GsnmpValueType  type,
                           guint64         value)
{
        g_return_val_if_fail (ids != NULL && n_ids <= GSNMP_OID_MAX_LENGTH, NULL);

        return varbind_new_number (NULL, ids, n_ids, type, value);
}

GsnmpVarbind *
gsnmp_varbind_new_decoded_octets (const guint32  *ids,
                                  gsize           n_ids,
                                  GsnmpValueType  type,
                                  const guint8   *data,
                                  gsize           length)
{
        g_return_val_if_fail (ids != NULL && n_ids <= GSNMP_OID_MAX_LENGTH, NULL);
        g_return_val_if_fail (is_octets_type (type), NULL);
        g_return_val_if_fail (data != NULL || length == 0, NULL);
        g_return_val_if_fail (type != GSNMP_VALUE_TYPE_IP_ADDRESS || length == 4, NULL);

        return varbind_new_octets_full (NULL, ids, n_ids, type, data, length);
}

GsnmpVarbind *
gsnmp_varbind_new_decoded_oid (const guint32 *ids,
                               gsize          n_ids,
                               GsnmpOid      *value)
{
        GsnmpVarbind *vb;

        g_return_val_if_fail (ids != NULL && n_ids <= GSNMP_OID_MAX_LENGTH, NULL);
        g_return_val_if_fail (value != NULL, NULL);

        vb = varbind_alloc_full (NULL, ids, n_ids, GSNMP_VALUE_TYPE_OBJECT_ID, 0, NULL);
        vb->value.oid = value;

        return vb;
}

GsnmpVarbind *
gsnmp_varbind_new_take_bytes (GsnmpOid       *oid,
                              GsnmpValueType  type,
                              GBytes         *bytes)
{
        GsnmpVarbind *vb;
        gsize length;
        const guint8 *data;

        g_return_val_if_fail (oid != NULL, NULL);
        g_return_val_if_fail (bytes != NULL, NULL);
        g_return_val_if_fail (is_octets_type (type), NULL);

        data = g_bytes_get_data (bytes, &length);
        g_return_val_if_fail (type != GSNMP_VALUE_TYPE_IP_ADDRESS || length == 4, NULL);

        vb = varbind_alloc (oid, type, 0);
        vb->value.octets.data = data;
        vb->value.octets.length = length;
        vb->value.octets.bytes = bytes;

        return vb;
}

GsnmpVarbind *
gsnmp_varbind_new_take_oid (GsnmpOid *oid,
                            GsnmpOid *value)
{
        GsnmpVarbind *vb;

        g_return_val_if_fail (oid != NULL, NULL);
        g_return_val_if_fail (value != NULL, NULL);

        vb = varbind_alloc (oid, GSNMP_VALUE_TYPE_OBJECT_ID, 0);
        vb->value.oid = value;

        return vb;
}

/*****************************************************************************/
/* Constructors */

/**
 * gsnmp_varbind_new_null:
 * @oid: the name
 *
 * Creates a varbind with a NULL value, as in Get, GetNext and GetBulk
 * requests.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_null (GsnmpOid *oid)
{
        g_return_val_if_fail (oid != NULL, NULL);

        return varbind_alloc (gsnmp_oid_ref (oid), GSNMP_VALUE_TYPE_NULL, 0);
}

/**
 * gsnmp_varbind_new_integer:
 * @oid: the name
 * @value: the value
 *
 * Creates a varbind with an INTEGER (Integer32) value.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_integer (GsnmpOid *oid,
                           gint32    value)
{
        GsnmpVarbind *vb;

        g_return_val_if_fail (oid != NULL, NULL);

        vb = varbind_alloc (gsnmp_oid_ref (oid), GSNMP_VALUE_TYPE_INTEGER, 0);
        vb->value.integer = value;

        return vb;
}

/**
 * gsnmp_varbind_new_octet_string:
 * @oid: the name
 * @data: (array length=length) (nullable): the octets
 * @length: the number of octets in @data
 *
 * Creates a varbind with an OCTET STRING value, which may hold any bytes.
 * The data is copied.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_octet_string (GsnmpOid     *oid,
                                const guint8 *data,
                                gsize         length)
{
        g_return_val_if_fail (oid != NULL, NULL);
        g_return_val_if_fail (data != NULL || length == 0, NULL);

        return varbind_new_octets (gsnmp_oid_ref (oid), GSNMP_VALUE_TYPE_OCTET_STRING,
                                   data, length);
}

/**
 * gsnmp_varbind_new_string:
 * @oid: the name
 * @value: a string
 *
 * Creates a varbind with an OCTET STRING value holding the bytes of
 * @value, without the terminating NUL, such as a DisplayString.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_string (GsnmpOid   *oid,
                          const char *value)
{
        g_return_val_if_fail (oid != NULL, NULL);
        g_return_val_if_fail (value != NULL, NULL);

        return varbind_new_octets (gsnmp_oid_ref (oid), GSNMP_VALUE_TYPE_OCTET_STRING,
                                   (const guint8 *) value, strlen (value));
}

/**
 * gsnmp_varbind_new_oid:
 * @oid: the name
 * @value: the value
 *
 * Creates a varbind with an OBJECT IDENTIFIER value.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_oid (GsnmpOid *oid,
                       GsnmpOid *value)
{
        g_return_val_if_fail (oid != NULL, NULL);
        g_return_val_if_fail (value != NULL, NULL);

        return gsnmp_varbind_new_take_oid (gsnmp_oid_ref (oid), gsnmp_oid_ref (value));
}

/**
 * gsnmp_varbind_new_ip_address:
 * @oid: the name
 * @address: (array fixed-size=4): an IPv4 address, in network byte order
 *
 * Creates a varbind with an IpAddress value.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_ip_address (GsnmpOid     *oid,
                              const guint8 *address)
{
        g_return_val_if_fail (oid != NULL, NULL);
        g_return_val_if_fail (address != NULL, NULL);

        return varbind_new_octets (gsnmp_oid_ref (oid), GSNMP_VALUE_TYPE_IP_ADDRESS,
                                   address, 4);
}

static GsnmpVarbind *
varbind_new_unsigned (GsnmpOid       *oid,
                      GsnmpValueType  type,
                      guint32         value)
{
        GsnmpVarbind *vb;

        vb = varbind_alloc (gsnmp_oid_ref (oid), type, 0);
        vb->value.unsigned32 = value;

        return vb;
}

/**
 * gsnmp_varbind_new_counter32:
 * @oid: the name
 * @value: the value
 *
 * Creates a varbind with a Counter32 value.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_counter32 (GsnmpOid *oid,
                             guint32   value)
{
        g_return_val_if_fail (oid != NULL, NULL);

        return varbind_new_unsigned (oid, GSNMP_VALUE_TYPE_COUNTER32, value);
}

/**
 * gsnmp_varbind_new_gauge32:
 * @oid: the name
 * @value: the value
 *
 * Creates a varbind with a Gauge32 value.  Unsigned32 values use the same
 * type on the wire.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_gauge32 (GsnmpOid *oid,
                           guint32   value)
{
        g_return_val_if_fail (oid != NULL, NULL);

        return varbind_new_unsigned (oid, GSNMP_VALUE_TYPE_GAUGE32, value);
}

/**
 * gsnmp_varbind_new_timeticks:
 * @oid: the name
 * @value: the value, in hundredths of a second
 *
 * Creates a varbind with a TimeTicks value.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_timeticks (GsnmpOid *oid,
                             guint32   value)
{
        g_return_val_if_fail (oid != NULL, NULL);

        return varbind_new_unsigned (oid, GSNMP_VALUE_TYPE_TIMETICKS, value);
}

/**
 * gsnmp_varbind_new_opaque:
 * @oid: the name
 * @data: (array length=length) (nullable): the octets
 * @length: the number of octets in @data
 *
 * Creates a varbind with an Opaque value: @data is sent as is, and should
 * be the BER encoding of some value (RFC 2578 §7.1.9).  The data is copied.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_opaque (GsnmpOid     *oid,
                          const guint8 *data,
                          gsize         length)
{
        g_return_val_if_fail (oid != NULL, NULL);
        g_return_val_if_fail (data != NULL || length == 0, NULL);

        return varbind_new_octets (gsnmp_oid_ref (oid), GSNMP_VALUE_TYPE_OPAQUE,
                                   data, length);
}

/**
 * gsnmp_varbind_new_counter64:
 * @oid: the name
 * @value: the value
 *
 * Creates a varbind with a Counter64 value.  SNMPv1 cannot carry Counter64
 * values.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_counter64 (GsnmpOid *oid,
                             guint64   value)
{
        GsnmpVarbind *vb;

        g_return_val_if_fail (oid != NULL, NULL);

        vb = varbind_alloc (gsnmp_oid_ref (oid), GSNMP_VALUE_TYPE_COUNTER64, 0);
        vb->value.counter64 = value;

        return vb;
}

/**
 * gsnmp_varbind_new_exception:
 * @oid: the name
 * @type: %GSNMP_VALUE_TYPE_NO_SUCH_OBJECT,
 *   %GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE or %GSNMP_VALUE_TYPE_END_OF_MIB_VIEW
 *
 * Creates a varbind that holds one of the SNMPv2 exceptions instead of a
 * value (RFC 3416 §3), as an agent returns them.
 *
 * Returns: (transfer full): a new varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_new_exception (GsnmpOid       *oid,
                             GsnmpValueType  type)
{
        g_return_val_if_fail (oid != NULL, NULL);
        g_return_val_if_fail (is_exception_type (type), NULL);

        return varbind_alloc (gsnmp_oid_ref (oid), type, 0);
}

/**
 * gsnmp_varbind_ref:
 * @varbind: a varbind
 *
 * Acquires a reference on @varbind.  This function is thread-safe.
 *
 * Returns: (transfer full): @varbind
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_varbind_ref (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, NULL);

        g_atomic_ref_count_inc (&varbind->ref_count);

        return varbind;
}

/**
 * gsnmp_varbind_unref:
 * @varbind: (transfer full): a varbind
 *
 * Releases a reference on @varbind, freeing it when the last reference is
 * dropped.  This function is thread-safe.
 *
 * Since: 0.1
 */
void
gsnmp_varbind_unref (GsnmpVarbind *varbind)
{
        g_return_if_fail (varbind != NULL);

        if (!g_atomic_ref_count_dec (&varbind->ref_count))
                return;

        if (varbind->type == GSNMP_VALUE_TYPE_OBJECT_ID)
                gsnmp_oid_unref (varbind->value.oid);
        else if (is_octets_type (varbind->type) && varbind->value.octets.bytes)
                g_bytes_unref (varbind->value.octets.bytes);
        if (!has_embedded_name (varbind))
                gsnmp_oid_unref (varbind->oid);
        g_free (varbind);
}

/*****************************************************************************/
/* Getters */

/**
 * gsnmp_varbind_get_oid:
 * @varbind: a varbind
 *
 * Returns the name of @varbind.
 *
 * Returns: (transfer none): the OID, owned by @varbind
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_varbind_get_oid (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, NULL);

        return varbind->oid;
}

/**
 * gsnmp_varbind_get_value_type:
 * @varbind: a varbind
 *
 * Returns the type of the value of @varbind.
 *
 * Returns: the value type
 *
 * Since: 0.1
 */
GsnmpValueType
gsnmp_varbind_get_value_type (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, GSNMP_VALUE_TYPE_NULL);

        return varbind->type;
}

/**
 * gsnmp_varbind_is_exception:
 * @varbind: a varbind
 *
 * Checks whether @varbind holds one of the exceptions noSuchObject,
 * noSuchInstance or endOfMibView instead of a value.
 *
 * Returns: %TRUE if the value is an exception
 *
 * Since: 0.1
 */
gboolean
gsnmp_varbind_is_exception (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, FALSE);

        return is_exception_type (varbind->type);
}

/**
 * gsnmp_varbind_get_integer:
 * @varbind: a varbind of type %GSNMP_VALUE_TYPE_INTEGER
 *
 * Returns the value of an INTEGER varbind.  It is a programming error to
 * call this on a varbind of another type.
 *
 * Returns: the value, or 0 if @varbind is not an INTEGER
 *
 * Since: 0.1
 */
gint32
gsnmp_varbind_get_integer (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, 0);
        g_return_val_if_fail (varbind->type == GSNMP_VALUE_TYPE_INTEGER, 0);

        return varbind->value.integer;
}

/**
 * gsnmp_varbind_get_unsigned:
 * @varbind: a varbind of type %GSNMP_VALUE_TYPE_COUNTER32,
 *   %GSNMP_VALUE_TYPE_GAUGE32 or %GSNMP_VALUE_TYPE_TIMETICKS
 *
 * Returns the value of a Counter32, Gauge32 (Unsigned32) or TimeTicks
 * varbind.  It is a programming error to call this on a varbind of another
 * type.
 *
 * Returns: the value, or 0 if @varbind has another type
 *
 * Since: 0.1
 */
guint32
gsnmp_varbind_get_unsigned (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, 0);
        g_return_val_if_fail (varbind->type == GSNMP_VALUE_TYPE_COUNTER32 ||
                              varbind->type == GSNMP_VALUE_TYPE_GAUGE32 ||
                              varbind->type == GSNMP_VALUE_TYPE_TIMETICKS ||
                              varbind->type == GSNMP_VALUE_TYPE_UINTEGER32, 0);

        return varbind->value.unsigned32;
}

/**
 * gsnmp_varbind_get_counter64:
 * @varbind: a varbind of type %GSNMP_VALUE_TYPE_COUNTER64
 *
 * Returns the value of a Counter64 varbind.  It is a programming error to
 * call this on a varbind of another type.
 *
 * JavaScript numbers cannot hold every 64-bit value exactly; GJS users
 * should call [method@Gsnmp.Varbind.get_counter64_string] instead.
 *
 * Returns: the value, or 0 if @varbind is not a Counter64
 *
 * Since: 0.1
 */
guint64
gsnmp_varbind_get_counter64 (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, 0);
        g_return_val_if_fail (varbind->type == GSNMP_VALUE_TYPE_COUNTER64, 0);

        return varbind->value.counter64;
}

/**
 * gsnmp_varbind_get_counter64_string:
 * @varbind: a varbind of type %GSNMP_VALUE_TYPE_COUNTER64
 *
 * Returns the value of a Counter64 varbind as a decimal string, such as
 * `"18446744073709551615"`.  This is exact in languages whose numbers are
 * doubles, such as JavaScript, which round values above 2⁵³.
 *
 * Returns: (transfer full) (nullable): the value in decimal, or %NULL if
 *   @varbind is not a Counter64
 *
 * Since: 0.1
 */
char *
gsnmp_varbind_get_counter64_string (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, NULL);
        g_return_val_if_fail (varbind->type == GSNMP_VALUE_TYPE_COUNTER64, NULL);

        return g_strdup_printf ("%" G_GUINT64_FORMAT, varbind->value.counter64);
}

/**
 * gsnmp_varbind_get_octets:
 * @varbind: a varbind of type %GSNMP_VALUE_TYPE_OCTET_STRING or
 *   %GSNMP_VALUE_TYPE_OPAQUE
 * @length: (out): return location for the number of octets
 *
 * Returns the octets of an OCTET STRING or Opaque varbind, which need not be
 * text nor NUL-terminated.  It is a programming error to call this on a
 * varbind of another type.
 *
 * Returns: (array length=length) (transfer none) (nullable): the octets,
 *   owned by @varbind, or %NULL if @varbind has another type
 *
 * Since: 0.1
 */
const guint8 *
gsnmp_varbind_get_octets (GsnmpVarbind *varbind,
                          gsize        *length)
{
        g_return_val_if_fail (length != NULL, NULL);
        *length = 0;
        g_return_val_if_fail (varbind != NULL, NULL);
        g_return_val_if_fail (varbind->type == GSNMP_VALUE_TYPE_OCTET_STRING ||
                              varbind->type == GSNMP_VALUE_TYPE_OPAQUE ||
                              varbind->type == GSNMP_VALUE_TYPE_NSAP_ADDRESS, NULL);

        *length = varbind->value.octets.length;
        return varbind->value.octets.data;
}

static void
unref_varbind (gpointer data)
{
        gsnmp_varbind_unref (data);
}

/**
 * gsnmp_varbind_get_bytes:
 * @varbind: a varbind of type %GSNMP_VALUE_TYPE_OCTET_STRING or
 *   %GSNMP_VALUE_TYPE_OPAQUE
 *
 * Returns the octets of an OCTET STRING or Opaque varbind as a
 * [struct@GLib.Bytes], without copying them.  It is a programming error to
 * call this on a varbind of another type.
 *
 * Returns: (transfer full) (nullable): the octets, or %NULL if @varbind
 *   has another type
 *
 * Since: 0.1
 */
GBytes *
gsnmp_varbind_get_bytes (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, NULL);
        g_return_val_if_fail (varbind->type == GSNMP_VALUE_TYPE_OCTET_STRING ||
                              varbind->type == GSNMP_VALUE_TYPE_OPAQUE ||
                              varbind->type == GSNMP_VALUE_TYPE_NSAP_ADDRESS, NULL);

        if (varbind->value.octets.bytes)
                return g_bytes_ref (varbind->value.octets.bytes);

        return g_bytes_new_with_free_func (varbind->value.octets.data,
                                           varbind->value.octets.length,
                                           unref_varbind,
                                           gsnmp_varbind_ref (varbind));
}

/**
 * gsnmp_varbind_get_string:
 * @varbind: a varbind
 *
 * Returns the value of an OCTET STRING varbind as UTF-8 text, such as a
 * DisplayString.  Bytes that are not valid UTF-8, and NUL bytes, are
 * replaced with U+FFFD (see [func@GLib.utf8_make_valid]), so the result is
 * always a valid string, but only meaningful for values that are text.
 *
 * Unlike the other getters, this is not an error for other types.
 *
 * Returns: (transfer full) (nullable): a new UTF-8 string, or %NULL if
 *   @varbind is not an OCTET STRING
 *
 * Since: 0.1
 */
char *
gsnmp_varbind_get_string (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, NULL);

        if (varbind->type != GSNMP_VALUE_TYPE_OCTET_STRING)
                return NULL;

        return g_utf8_make_valid ((const char *) varbind->value.octets.data,
                                  varbind->value.octets.length);
}

/**
 * gsnmp_varbind_get_oid_value:
 * @varbind: a varbind of type %GSNMP_VALUE_TYPE_OBJECT_ID
 *
 * Returns the value of an OBJECT IDENTIFIER varbind.  It is a programming
 * error to call this on a varbind of another type.
 *
 * Returns: (transfer none) (nullable): the value, owned by @varbind, or
 *   %NULL if @varbind has another type
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_varbind_get_oid_value (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, NULL);
        g_return_val_if_fail (varbind->type == GSNMP_VALUE_TYPE_OBJECT_ID, NULL);

        return varbind->value.oid;
}

/**
 * gsnmp_varbind_get_ip_address:
 * @varbind: a varbind of type %GSNMP_VALUE_TYPE_IP_ADDRESS
 *
 * Returns the value of an IpAddress varbind.  It is a programming error to
 * call this on a varbind of another type.
 *
 * Returns: (transfer full) (nullable): a new IPv4 address, or %NULL if
 *   @varbind has another type
 *
 * Since: 0.1
 */
GInetAddress *
gsnmp_varbind_get_ip_address (GsnmpVarbind *varbind)
{
        g_return_val_if_fail (varbind != NULL, NULL);
        g_return_val_if_fail (varbind->type == GSNMP_VALUE_TYPE_IP_ADDRESS, NULL);

        return g_inet_address_new_from_bytes (varbind->value.octets.data,
                                              G_SOCKET_FAMILY_IPV4);
}

static char *
ip_address_to_string (const guint8 *ip)
{
        return g_strdup_printf ("%u.%u.%u.%u", ip[0], ip[1], ip[2], ip[3]);
}

/**
 * gsnmp_varbind_get_value:
 * @varbind: a varbind
 *
 * Returns the value of @varbind as a [struct@GLib.Variant], the easiest
 * way for language bindings to read any value:
 *
 * | value type | GVariant type | example |
 * | --- | --- | --- |
 * | INTEGER | `i` | `-3` |
 * | Counter32, Gauge32, TimeTicks | `u` | `382209` |
 * | Counter64 | `t` | `18446744073709551615` |
 * | OCTET STRING, Opaque | `ay` | `b"peers-agent"` |
 * | OBJECT IDENTIFIER | `s`, dotted, no leading dot | `"1.3.6.1.4.1.8072"` |
 * | IpAddress | `s`, dotted quad | `"192.0.2.1"` |
 * | NULL and the exceptions | `()`, the unit | `()` |
 *
 * The value type itself comes from
 * [method@Gsnmp.Varbind.get_value_type].  Note that GJS rounds `t` values
 * above 2⁵³; see [method@Gsnmp.Varbind.get_counter64_string].
 *
 * Returns: (transfer full): a new, non-floating variant
 *
 * Since: 0.1
 */
GVariant *
gsnmp_varbind_get_value (GsnmpVarbind *varbind)
{
        GVariant *v = NULL;
        char *str;

        g_return_val_if_fail (varbind != NULL, NULL);

        switch (varbind->type) {
        case GSNMP_VALUE_TYPE_INTEGER:
                v = g_variant_new_int32 (varbind->value.integer);
                break;
        case GSNMP_VALUE_TYPE_COUNTER32:
        case GSNMP_VALUE_TYPE_GAUGE32:
        case GSNMP_VALUE_TYPE_TIMETICKS:
        case GSNMP_VALUE_TYPE_UINTEGER32:
                v = g_variant_new_uint32 (varbind->value.unsigned32);
                break;
        case GSNMP_VALUE_TYPE_COUNTER64:
                v = g_variant_new_uint64 (varbind->value.counter64);
                break;
        case GSNMP_VALUE_TYPE_OCTET_STRING:
        case GSNMP_VALUE_TYPE_OPAQUE:
        case GSNMP_VALUE_TYPE_NSAP_ADDRESS: {
                GBytes *bytes = gsnmp_varbind_get_bytes (varbind);

                v = g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, bytes, TRUE);
                g_bytes_unref (bytes);
                break;
        }
        case GSNMP_VALUE_TYPE_OBJECT_ID:
                str = gsnmp_oid_to_string (varbind->value.oid);
                v = g_variant_new_take_string (str);
                break;
        case GSNMP_VALUE_TYPE_IP_ADDRESS:
                str = ip_address_to_string (varbind->value.octets.data);
                v = g_variant_new_take_string (str);
                break;
        case GSNMP_VALUE_TYPE_NULL:
        case GSNMP_VALUE_TYPE_NO_SUCH_OBJECT:
        case GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE:
        case GSNMP_VALUE_TYPE_END_OF_MIB_VIEW:
        default:
                v = g_variant_new_tuple (NULL, 0);
                break;
        }

        return g_variant_ref_sink (v);
}

/*****************************************************************************/
/* Formatting, as Net-SNMP's snmplib/mib.c (5.9.3) prints values */

/* mib.c:sprint_realloc_hexstring(): "%02X " per byte, 16 bytes a line,
 * lines joined with '\n' (the default -Oh hex output length, 16). */
void
gsnmp_varbind_append_hex (GString      *out,
            const guint8 *data,
            gsize         length)
{
        static const char hex[] = "0123456789ABCDEF";
        gsize i;

        for (i = 0; i < length; i++) {
                if (i > 0 && i % 16 == 0)
                        g_string_append_c (out, '\n');
                g_string_append_c (out, hex[data[i] >> 4]);
                g_string_append_c (out, hex[data[i] & 0xf]);
                g_string_append_c (out, ' ');
        }
}

/* isprint() || isspace() in the C locale, as Net-SNMP's tools run. */
static gboolean
is_print_or_space (guint8 c)
{
        return (c >= 0x20 && c <= 0x7e) || (c >= '\t' && c <= '\r');
}

/* mib.c:sprint_realloc_octet_string() without a DISPLAY-HINT, and
 * sprint_realloc_asciistring(). */
void
gsnmp_varbind_append_octet_string (GString      *out,
                     const guint8 *data,
                     gsize         length,
                     gboolean      quick)
{
        gboolean hex = FALSE;
        gsize i;

        for (i = 0; i < length; i++) {
                if (!is_print_or_space (data[i])) {
                        hex = TRUE;
                        break;
                }
        }

        if (length == 0) {
                g_string_append (out, "\"\"");
                return;
        }

        if (hex) {
                g_string_append (out, quick ? "\"" : "Hex-STRING: ");
                gsnmp_varbind_append_hex (out, data, length);
                if (quick)
                        g_string_append_c (out, '"');
                return;
        }

        if (!quick)
                g_string_append (out, "STRING: ");
        g_string_append_c (out, '"');
        for (i = 0; i < length; i++) {
                if (data[i] == '\\' || data[i] == '"')
                        g_string_append_c (out, '\\');
                g_string_append_c (out, data[i]);
        }
        g_string_append_c (out, '"');
}

/* Net-SNMP's "opaque special types" (snmplib/asn1.c, asn_parse_header()
 * with NETSNMP_WITH_OPAQUE_SPECIAL_TYPES, on in Debian): an Opaque whose
 * contents are 0x9f, a type byte and a short BER length wraps a 64-bit
 * integer or a float (draft-perkins-opaque-01), printed by
 * mib.c:sprint_realloc_counter64(), sprint_realloc_float() and
 * sprint_realloc_double() (which says "Float" for doubles too).  Returns
 * FALSE when @data is not such a value; Net-SNMP drops the whole message
 * when the inner encoding is malformed, we print the hex bytes instead. */
static gboolean
append_opaque_special (GString      *out,
                       const guint8 *data,
                       gsize         length,
                       gboolean      quick)
{
        char buf[128];
        const guint8 *p = data + 3;
        gsize len, i;

        if (length < 3 || data[0] != 0x9f || (data[2] & 0x80) != 0 || data[2] != length - 3)
                return FALSE;
        len = data[2];

        switch (data[1]) {
        case 0x76:      /* ASN_OPAQUE_COUNTER64 */
        case 0x7b:      /* ASN_OPAQUE_U64 */
        case 0x7a: {    /* ASN_OPAQUE_I64 */
                guint64 v = 0;

                if (len > 9 || (len == 9 && p[0] != 0))
                        return FALSE;
                if (data[1] == 0x7a && len > 0 && (p[0] & 0x80))
                        v = G_MAXUINT64;
                for (i = 0; i < len; i++)
                        v = (v << 8) | p[i];

                if (!quick)
                        g_string_append (out, data[1] == 0x76 ? "Opaque: Counter64: " :
                                              data[1] == 0x7b ? "Opaque: UInt64: " :
                                                                "Opaque: Int64: ");
                if (data[1] == 0x7a)
                        g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) v);
                else
                        g_string_append_printf (out, "%" G_GUINT64_FORMAT, v);
                return TRUE;
        }
        case 0x78: {    /* ASN_OPAQUE_FLOAT */
                guint32 bits;
                float f;

                if (len != 4)
                        return FALSE;
                bits = (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
                memcpy (&f, &bits, sizeof (f));
                g_ascii_formatd (buf, sizeof (buf), "%f", f);
                break;
        }
        case 0x79: {    /* ASN_OPAQUE_DOUBLE */
                guint64 bits = 0;
                double d;

                if (len != 8)
                        return FALSE;
                for (i = 0; i < 8; i++)
                        bits = (bits << 8) | p[i];
                memcpy (&d, &bits, sizeof (d));
                g_ascii_formatd (buf, sizeof (buf), "%f", d);
                break;
        }
        default:
                return FALSE;
        }

        if (!quick)
                g_string_append (out, "Opaque: Float: ");
        g_string_append (out, buf);
        return TRUE;
}

/* mib.c:uptimeString() */
void
gsnmp_varbind_append_uptime (GString *out,
                  guint32  ticks,
                  gboolean quick)
{
        guint32 centisecs, seconds, minutes, hours, days, t;

        if (!quick)
                g_string_append_printf (out, "Timeticks: (%u) ", ticks);

        centisecs = ticks % 100;
        t = ticks / 100;
        days = t / (60 * 60 * 24);
        t %= 60 * 60 * 24;
        hours = t / (60 * 60);
        t %= 60 * 60;
        minutes = t / 60;
        seconds = t % 60;

        if (quick)
                g_string_append_printf (out, "%u:%u:%02u:%02u.%02u",
                                        days, hours, minutes, seconds, centisecs);
        else if (days == 0)
                g_string_append_printf (out, "%u:%02u:%02u.%02u",
                                        hours, minutes, seconds, centisecs);
        else
                g_string_append_printf (out, "%u %s, %u:%02u:%02u.%02u",
                                        days, days == 1 ? "day" : "days",
                                        hours, minutes, seconds, centisecs);
}

void
gsnmp_varbind_append_numeric_oid (GString        *out,
            const GsnmpOid *oid)
{
        const guint32 *ids;
        gsize n, i;

        ids = gsnmp_oid_get_ids (oid, &n);
        for (i = 0; i < n; i++) {
                /* On every walk's hot path: no printf per sub-identifier */
                char buf[11];
                guint32 v = ids[i];
                int len = 0;

                do {
                        buf[sizeof buf - 1 - len++] = (char) ('0' + v % 10);
                        v /= 10;
                } while (v != 0);
                g_string_append_c (out, '.');
                g_string_append_len (out, buf + sizeof buf - len, len);
        }
}

/* mib.c:sprint_realloc_by_type() and the exceptions of
 * sprint_realloc_variable(). */
void
gsnmp_varbind_append_value (GString      *out,
              GsnmpVarbind *vb,
              gboolean      quick)
{
        switch (vb->type) {
        case GSNMP_VALUE_TYPE_INTEGER:
                g_string_append_printf (out, "%s%d", quick ? "" : "INTEGER: ",
                                        vb->value.integer);
                break;
        case GSNMP_VALUE_TYPE_OCTET_STRING:
                gsnmp_varbind_append_octet_string (out, vb->value.octets.data,
                                     vb->value.octets.length, quick);
                break;
        case GSNMP_VALUE_TYPE_NULL:
                g_string_append (out, "NULL");
                break;
        case GSNMP_VALUE_TYPE_OBJECT_ID:
                if (!quick)
                        g_string_append (out, "OID: ");
                gsnmp_varbind_append_numeric_oid (out, vb->value.oid);
                break;
        case GSNMP_VALUE_TYPE_IP_ADDRESS: {
                const guint8 *ip = vb->value.octets.data;

                g_string_append_printf (out, "%s%u.%u.%u.%u", quick ? "" : "IpAddress: ",
                                        ip[0], ip[1], ip[2], ip[3]);
                break;
        }
        case GSNMP_VALUE_TYPE_COUNTER32:
                g_string_append_printf (out, "%s%u", quick ? "" : "Counter32: ",
                                        vb->value.unsigned32);
                break;
        case GSNMP_VALUE_TYPE_GAUGE32:
                g_string_append_printf (out, "%s%u", quick ? "" : "Gauge32: ",
                                        vb->value.unsigned32);
                break;
        case GSNMP_VALUE_TYPE_TIMETICKS:
                gsnmp_varbind_append_uptime (out, vb->value.unsigned32, quick);
                break;
        case GSNMP_VALUE_TYPE_OPAQUE:
                if (append_opaque_special (out, vb->value.octets.data,
                                           vb->value.octets.length, quick))
                        break;
                if (!quick)
                        g_string_append (out, "OPAQUE: ");
                gsnmp_varbind_append_hex (out, vb->value.octets.data, vb->value.octets.length);
                break;
        case GSNMP_VALUE_TYPE_COUNTER64:
                g_string_append_printf (out, "%s%" G_GUINT64_FORMAT,
                                        quick ? "" : "Counter64: ",
                                        vb->value.counter64);
                break;
        case GSNMP_VALUE_TYPE_UINTEGER32:
                /* sprint_realloc_uinteger(): no type prefix, quick or not */
                g_string_append_printf (out, "%u", vb->value.unsigned32);
                break;
        case GSNMP_VALUE_TYPE_NSAP_ADDRESS:
                /* sprint_realloc_by_type() has no case for ASN_NSAP (only
                 * a MIB object of that syntax reaches
                 * sprint_realloc_nsapaddress()), so without MIB files
                 * Net-SNMP prints this, quick or not. */
                g_string_append (out, "Variable has bad type");
                break;
        case GSNMP_VALUE_TYPE_NO_SUCH_OBJECT:
                g_string_append (out, "No Such Object available on this agent at this OID");
                break;
        case GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE:
                g_string_append (out, "No Such Instance currently exists at this OID");
                break;
        case GSNMP_VALUE_TYPE_END_OF_MIB_VIEW:
                g_string_append (out, "No more variables left in this MIB View (It is past the end of the MIB tree)");
                break;
        default:
                g_assert_not_reached ();
        }
}

/**
 * gsnmp_varbind_format:
 * @varbind: a varbind
 * @flags: how to print it
 *
 * Prints @varbind as Net-SNMP 5.9's command-line tools do with numeric
 * OIDs (`snmpget -On`) and without MIB files, with @flags standing for
 * Net-SNMP's `-O` output options:
 *
 * | flags | Net-SNMP | example |
 * | --- | --- | --- |
 * | %GSNMP_FORMAT_NONE | `-On` | `.1.3.6.1.2.1.1.3.0 = Timeticks: (382209) 1:03:42.09` |
 * | %GSNMP_FORMAT_QUICK | `-Onq` | `.1.3.6.1.2.1.1.3.0 0:1:03:42.09` |
 * | %GSNMP_FORMAT_QUICK_EQUALS | `-OnQ` | `.1.3.6.1.2.1.1.3.0 = 0:1:03:42.09` |
 * | %GSNMP_FORMAT_VALUE_ONLY | `-Onv` | `Timeticks: (382209) 1:03:42.09` |
 * | %GSNMP_FORMAT_VALUE_ONLY and %GSNMP_FORMAT_QUICK | `-Onqv` | `0:1:03:42.09` |
 *
 * %GSNMP_FORMAT_QUICK_EQUALS takes precedence over %GSNMP_FORMAT_QUICK.
 * %GSNMP_FORMAT_NUMERIC_ENUMS changes nothing, since without MIB files
 * every value is numeric already.
 *
 * Values are printed as Net-SNMP does:
 *
 * - OCTET STRING values made only of printable ASCII characters and white
 *   space print as `STRING: "…"`, with `"` and `\` escaped by a backslash
 *   and other characters, including newlines, as they are.  Any other byte
 *   (so also UTF-8 text) makes it a `Hex-STRING:`, two upper-case hex digits
 *   and a space per byte, with a newline after every 16 bytes.  The empty
 *   string prints as `""`, without a type.
 * - Opaque values print as `OPAQUE:` and the hex bytes of their contents,
 *   except for the 64-bit integers and floats that Net-SNMP wraps in Opaque
 *   values, which print as `Opaque: Counter64: 5`, `Opaque: UInt64: 256`,
 *   `Opaque: Int64: -3` and `Opaque: Float: 1.500000` (also for doubles).
 * - TimeTicks print as `Timeticks: (382209) 1:03:42.09`, with
 *   `1 day, 0:00:00.00` and `2 days, …` past a day, and as
 *   `days:hours:mm:ss.cc` when quick.
 * - The exceptions print as Net-SNMP's sentences, such as `No Such Object
 *   available on this agent at this OID`.
 *
 * The result has no trailing newline, but a multi-line hex string has
 * newlines inside.
 *
 * Returns: (transfer full): a new string
 *
 * Since: 0.1
 */
char *
gsnmp_varbind_format (GsnmpVarbind     *varbind,
                      GsnmpFormatFlags  flags)
{
        GString *out;
        gboolean quick;

        g_return_val_if_fail (varbind != NULL, NULL);

        quick = (flags & (GSNMP_FORMAT_QUICK | GSNMP_FORMAT_QUICK_EQUALS)) != 0;

        out = g_string_sized_new (64);
        if (!(flags & GSNMP_FORMAT_VALUE_ONLY)) {
                gsnmp_varbind_append_numeric_oid (out, varbind->oid);
                if (quick && !(flags & GSNMP_FORMAT_QUICK_EQUALS))
                        g_string_append_c (out, ' ');
                else
                        g_string_append (out, " = ");
        }
        gsnmp_varbind_append_value (out, varbind, quick);

        return g_string_free (out, FALSE);
}

/**
 * gsnmp_varbind_to_string:
 * @varbind: a varbind
 *
 * Prints @varbind as Net-SNMP's `snmpget -On` does, without the newline,
 * for example `.1.3.6.1.2.1.1.5.0 = STRING: "peers-agent"`.  This is
 * [method@Gsnmp.Varbind.format] with %GSNMP_FORMAT_NONE.
 *
 * Returns: (transfer full): a new string
 *
 * Since: 0.1
 */
char *
gsnmp_varbind_to_string (GsnmpVarbind *varbind)
{
        return gsnmp_varbind_format (varbind, GSNMP_FORMAT_NONE);
}

/**
 * gsnmp_varbind_value_to_string:
 * @varbind: a varbind
 *
 * Prints the value of @varbind as Net-SNMP's `snmpget -Ov` does, for example
 * `STRING: "peers-agent"`: the part of [method@Gsnmp.Varbind.to_string]
 * after ` = `.  This is [method@Gsnmp.Varbind.format] with
 * %GSNMP_FORMAT_VALUE_ONLY.
 *
 * Returns: (transfer full): a new string
 *
 * Since: 0.1
 */
char *
gsnmp_varbind_value_to_string (GsnmpVarbind *varbind)
{
        return gsnmp_varbind_format (varbind, GSNMP_FORMAT_VALUE_ONLY);
}
