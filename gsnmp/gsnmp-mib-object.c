/* gsnmp-mib-object.c - an object defined by a MIB module
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "gsnmp-mib.h"
#include "gsnmp-mib-private.h"

/**
 * GsnmpMibObject:
 *
 * A node of a [class@Gsnmp.Mib]'s tree: an object, a notification or any
 * OID a module names, with what the module says about it: its syntax,
 * enumerations, display hint, units, access, status, description and, for a
 * table's row, its INDEX.  Get one with [method@Gsnmp.Mib.lookup] or
 * [method@Gsnmp.Mib.lookup_name].
 *
 * Objects are immutable and keep their store alive.
 *
 * Since: 0.1
 */
struct _GsnmpMibObject {
        gatomicrefcount ref_count;
        GsnmpMib       *mib;
        MibNode        *node;
};

G_DEFINE_BOXED_TYPE (GsnmpMibObject, gsnmp_mib_object, gsnmp_mib_object_ref, gsnmp_mib_object_unref)

GsnmpMibObject *
gsnmp_mib_object_new (GsnmpMib *mib,
                      MibNode  *node)
{
        GsnmpMibObject *object = g_new0 (GsnmpMibObject, 1);

        g_atomic_ref_count_init (&object->ref_count);
        object->mib = g_object_ref (mib);
        object->node = node;
        return object;
}

/**
 * gsnmp_mib_object_ref:
 * @object: an object
 *
 * Takes a reference to @object.
 *
 * Returns: (transfer full): @object
 *
 * Since: 0.1
 */
GsnmpMibObject *
gsnmp_mib_object_ref (GsnmpMibObject *object)
{
        g_return_val_if_fail (object != NULL, NULL);
        g_atomic_ref_count_inc (&object->ref_count);
        return object;
}

/**
 * gsnmp_mib_object_unref:
 * @object: (transfer full): an object
 *
 * Drops a reference.
 *
 * Since: 0.1
 */
void
gsnmp_mib_object_unref (GsnmpMibObject *object)
{
        g_return_if_fail (object != NULL);
        if (g_atomic_ref_count_dec (&object->ref_count)) {
                g_object_unref (object->mib);
                g_free (object);
        }
}

/**
 * gsnmp_mib_object_get_name:
 * @object: an object
 *
 * Gets the name of @object.
 *
 * Returns: (nullable): its name, such as `ifDescr` (%NULL for a node that
 *   only has a number)
 *
 * Since: 0.1
 */
const char *
gsnmp_mib_object_get_name (GsnmpMibObject *object)
{
        g_return_val_if_fail (object != NULL, NULL);
        return object->node->label;
}

/**
 * gsnmp_mib_object_get_module:
 * @object: an object
 *
 * Gets the module of @object.
 *
 * Returns: (nullable): the module that defines it, such as `IF-MIB`
 *   (%NULL for the roots `iso`, `ccitt` and `joint-iso-ccitt`)
 *
 * Since: 0.1
 */
const char *
gsnmp_mib_object_get_module (GsnmpMibObject *object)
{
        g_return_val_if_fail (object != NULL, NULL);
        return object->node->module != NULL ? object->node->module->name : NULL;
}

/**
 * gsnmp_mib_object_get_oid:
 * @object: an object
 *
 * Gets the oid of @object.
 *
 * Returns: (transfer full): its OID
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_mib_object_get_oid (GsnmpMibObject *object)
{
        guint32 ids[GSNMP_OID_MAX_LENGTH];
        gsize n;

        g_return_val_if_fail (object != NULL, NULL);
        n = gsnmp_mib_node_oid (object->node, ids);
        return gsnmp_oid_new (ids, n);
}

static MibDef *
object_def (GsnmpMibObject *object)
{
        return object->node->def;
}

static const char * const base_names[] = {
        [MIB_TYPE_OTHER] = NULL,
        [MIB_TYPE_OBJID] = "OBJECT IDENTIFIER",
        [MIB_TYPE_OCTETSTR] = "OCTET STRING",
        [MIB_TYPE_INTEGER] = "INTEGER",
        [MIB_TYPE_NETADDR] = "NetworkAddress",
        [MIB_TYPE_IPADDR] = "IpAddress",
        [MIB_TYPE_COUNTER] = "Counter32",
        [MIB_TYPE_GAUGE] = "Gauge32",
        [MIB_TYPE_TIMETICKS] = "TimeTicks",
        [MIB_TYPE_OPAQUE] = "Opaque",
        [MIB_TYPE_NULL] = "NULL",
        [MIB_TYPE_COUNTER64] = "Counter64",
        [MIB_TYPE_BITSTRING] = "BITS",
        [MIB_TYPE_NSAPADDRESS] = "NsapAddress",
        [MIB_TYPE_UINTEGER] = "UInteger32",
        [MIB_TYPE_UNSIGNED32] = "Unsigned32",
        [MIB_TYPE_INTEGER32] = "Integer32",
};

/**
 * gsnmp_mib_object_get_syntax:
 * @object: an object
 *
 * The SYNTAX of an OBJECT-TYPE as the module writes it: a textual
 * convention such as `DisplayString` or `DateAndTime`, or a base type such
 * as `INTEGER`, `Counter32` or `OCTET STRING`.
 *
 * Returns: (nullable): the syntax, or %NULL for a node that is not an
 *   OBJECT-TYPE with a scalar syntax
 *
 * Since: 0.1
 */
const char *
gsnmp_mib_object_get_syntax (GsnmpMibObject *object)
{
        MibDef *def;

        g_return_val_if_fail (object != NULL, NULL);
        def = object_def (object);
        if (def == NULL || def->syntax == NULL || def->type == MIB_TYPE_OTHER)
                return NULL;
        if (def->type_name != NULL)
                return def->type_name;
        return base_names[def->type];
}

/**
 * gsnmp_mib_object_get_value_type:
 * @object: an object
 *
 * The type an agent sends for the object's instances.
 *
 * Returns: the type, or %GSNMP_VALUE_TYPE_NULL for a node without a
 *   scalar syntax
 *
 * Since: 0.1
 */
GsnmpValueType
gsnmp_mib_object_get_value_type (GsnmpMibObject *object)
{
        MibDef *def;

        g_return_val_if_fail (object != NULL, GSNMP_VALUE_TYPE_NULL);
        def = object_def (object);
        if (def == NULL)
                return GSNMP_VALUE_TYPE_NULL;
        switch (def->type) {
        case MIB_TYPE_OBJID: return GSNMP_VALUE_TYPE_OBJECT_ID;
        case MIB_TYPE_OCTETSTR:
        case MIB_TYPE_BITSTRING:
        case MIB_TYPE_NSAPADDRESS: return GSNMP_VALUE_TYPE_OCTET_STRING;
        case MIB_TYPE_INTEGER:
        case MIB_TYPE_INTEGER32:
        case MIB_TYPE_UINTEGER: return GSNMP_VALUE_TYPE_INTEGER;
        case MIB_TYPE_NETADDR:
        case MIB_TYPE_IPADDR: return GSNMP_VALUE_TYPE_IP_ADDRESS;
        case MIB_TYPE_COUNTER: return GSNMP_VALUE_TYPE_COUNTER32;
        case MIB_TYPE_GAUGE:
        case MIB_TYPE_UNSIGNED32: return GSNMP_VALUE_TYPE_GAUGE32;
        case MIB_TYPE_TIMETICKS: return GSNMP_VALUE_TYPE_TIMETICKS;
        case MIB_TYPE_OPAQUE: return GSNMP_VALUE_TYPE_OPAQUE;
        case MIB_TYPE_COUNTER64: return GSNMP_VALUE_TYPE_COUNTER64;
        default: return GSNMP_VALUE_TYPE_NULL;
        }
}

/**
 * gsnmp_mib_object_get_display_hint:
 * @object: an object
 *
 * Gets the display hint of @object.
 *
 * Returns: (nullable): the DISPLAY-HINT of its syntax's textual convention,
 *   such as `255a` or `1x:`
 *
 * Since: 0.1
 */
const char *
gsnmp_mib_object_get_display_hint (GsnmpMibObject *object)
{
        g_return_val_if_fail (object != NULL, NULL);
        return object_def (object) != NULL ? object_def (object)->hint : NULL;
}

/**
 * gsnmp_mib_object_get_units:
 * @object: an object
 *
 * Gets the units of @object.
 *
 * Returns: (nullable): its UNITS, such as `seconds`
 *
 * Since: 0.1
 */
const char *
gsnmp_mib_object_get_units (GsnmpMibObject *object)
{
        g_return_val_if_fail (object != NULL, NULL);
        return object_def (object) != NULL ? object_def (object)->units : NULL;
}

/**
 * gsnmp_mib_object_get_access:
 * @object: an object
 *
 * Gets the access of @object.
 *
 * Returns: (nullable): its MAX-ACCESS (or SMIv1 ACCESS), such as
 *   `read-only` or `read-create`
 *
 * Since: 0.1
 */
const char *
gsnmp_mib_object_get_access (GsnmpMibObject *object)
{
        g_return_val_if_fail (object != NULL, NULL);
        return object_def (object) != NULL ? object_def (object)->access : NULL;
}

/**
 * gsnmp_mib_object_get_status:
 * @object: an object
 *
 * Gets the status of @object.
 *
 * Returns: (nullable): its STATUS, such as `current` or `deprecated`
 *
 * Since: 0.1
 */
const char *
gsnmp_mib_object_get_status (GsnmpMibObject *object)
{
        g_return_val_if_fail (object != NULL, NULL);
        return object_def (object) != NULL ? object_def (object)->status : NULL;
}

/**
 * gsnmp_mib_object_get_description:
 * @object: an object
 *
 * Gets the description of @object.
 *
 * Returns: (transfer full) (nullable): its DESCRIPTION, as the module
 *   writes it (without the quotes)
 *
 * Since: 0.1
 */
char *
gsnmp_mib_object_get_description (GsnmpMibObject *object)
{
        MibDef *def;

        g_return_val_if_fail (object != NULL, NULL);
        def = object_def (object);
        if (def == NULL)
                return NULL;
        return gsnmp_mib_def_description (def);
}

/**
 * gsnmp_mib_object_get_index_names:
 * @object: an object
 *
 * The INDEX of a table row (or of the row it AUGMENTS); for a column, the
 * INDEX of its row.
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the names
 *   of the index objects, or %NULL
 *
 * Since: 0.1
 */
char **
gsnmp_mib_object_get_index_names (GsnmpMibObject *object)
{
        MibNode *node;
        guint round;

        g_return_val_if_fail (object != NULL, NULL);
        node = object->node;
        for (round = 0; round < 2 && node != NULL; round++, node = node->parent) {
                MibDef *def = node->def;

                if (def == NULL)
                        continue;
                if (def->index != NULL)
                        return g_strdupv ((char **) def->index);
                if (def->augments != NULL) {
                        MibNode *other;
                        char **result = NULL;

                        gsnmp_mib_read_lock (object->mib);
                        other = gsnmp_mib_find_label (object->mib, NULL, def->augments);
                        if (other != NULL && other->def != NULL && other->def->index != NULL)
                                result = g_strdupv ((char **) other->def->index);
                        gsnmp_mib_read_unlock (object->mib);
                        return result;
                }
        }
        return NULL;
}

/**
 * gsnmp_mib_object_get_enum_labels:
 * @object: an object
 *
 * Gets the enum labels of @object.
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the labels
 *   of its enumeration (or named BITS), in the module's order, or %NULL
 *
 * Since: 0.1
 */
char **
gsnmp_mib_object_get_enum_labels (GsnmpMibObject *object)
{
        MibDef *def;
        char **labels;
        guint i;

        g_return_val_if_fail (object != NULL, NULL);
        def = object_def (object);
        if (def == NULL || def->enums == NULL)
                return NULL;
        labels = g_new0 (char *, def->enums->len + 1);
        for (i = 0; i < def->enums->len; i++)
                labels[i] = g_strdup (g_array_index (def->enums, MibEnum, i).label);
        return labels;
}

/**
 * gsnmp_mib_object_get_enum_label:
 * @object: an object
 * @value: a value
 *
 * Gets the enum label of @object.
 *
 * Returns: (nullable): the label of @value, such as `up` for ifOperStatus 1
 *
 * Since: 0.1
 */
const char *
gsnmp_mib_object_get_enum_label (GsnmpMibObject *object,
                                 gint64          value)
{
        MibDef *def;
        guint i;

        g_return_val_if_fail (object != NULL, NULL);
        def = object_def (object);
        if (def == NULL || def->enums == NULL)
                return NULL;
        for (i = 0; i < def->enums->len; i++) {
                if (g_array_index (def->enums, MibEnum, i).value == value)
                        return g_array_index (def->enums, MibEnum, i).label;
        }
        return NULL;
}

/**
 * gsnmp_mib_object_get_enum_value:
 * @object: an object
 * @label: a label of its enumeration
 * @value: (out): the value of @label
 *
 * Gets the enum value of @object.
 *
 * Returns: %TRUE if @label is in the enumeration
 *
 * Since: 0.1
 */
gboolean
gsnmp_mib_object_get_enum_value (GsnmpMibObject *object,
                                 const char     *label,
                                 gint64         *value)
{
        MibDef *def;
        guint i;

        g_return_val_if_fail (object != NULL, FALSE);
        g_return_val_if_fail (label != NULL, FALSE);
        def = object_def (object);
        if (def == NULL || def->enums == NULL)
                return FALSE;
        for (i = 0; i < def->enums->len; i++) {
                if (strcmp (g_array_index (def->enums, MibEnum, i).label, label) == 0) {
                        if (value != NULL)
                                *value = g_array_index (def->enums, MibEnum, i).value;
                        return TRUE;
                }
        }
        return FALSE;
}
