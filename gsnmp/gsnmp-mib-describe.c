/* gsnmp-mib-describe.c - GsnmpMib: an object's definition and a subtree, as snmptranslate prints them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Follows Net-SNMP 5.9's mib.c:sprint_realloc_description() and
 * print_tree_node() (snmptranslate -Td) and parse.c:print_mib_leaves()
 * (snmptranslate -Tp).
 */
#include "config.h"

#include <string.h>

#include "gsnmp-mib.h"
#include "gsnmp-mib-private.h"

/* Net-SNMP's node types (parse.h TYPE_*) of what is not an OBJECT-TYPE */
enum {
        TYPE_SIMPLE_LAST = 16,
        TYPE_TRAPTYPE = 20,
        TYPE_NOTIFTYPE,
        TYPE_OBJGROUP,
        TYPE_NOTIFGROUP,
        TYPE_MODID,
        TYPE_AGENTCAP,
        TYPE_MODCOMP,
        TYPE_OBJIDENTITY,
};

static int
node_type (MibNode *node)
{
        MibDef *def = node->def;

        if (def == NULL)
                return MIB_TYPE_OTHER;
        switch (def->kind) {
        case MIB_DEF_OBJECT_TYPE: return def->type;
        case MIB_DEF_TRAP_TYPE: return TYPE_TRAPTYPE;
        case MIB_DEF_NOTIFICATION_TYPE: return TYPE_NOTIFTYPE;
        case MIB_DEF_OBJECT_GROUP: return TYPE_OBJGROUP;
        case MIB_DEF_NOTIFICATION_GROUP: return TYPE_NOTIFGROUP;
        case MIB_DEF_MODULE_IDENTITY: return TYPE_MODID;
        case MIB_DEF_AGENT_CAPABILITIES: return TYPE_AGENTCAP;
        case MIB_DEF_MODULE_COMPLIANCE: return TYPE_MODCOMP;
        case MIB_DEF_OBJECT_IDENTITY: return TYPE_OBJIDENTITY;
        default: return MIB_TYPE_OTHER;
        }
}

static const char *
syntax_name (int type)
{
        switch (type) {
        case MIB_TYPE_OBJID: return "OBJECT IDENTIFIER";
        case MIB_TYPE_OCTETSTR: return "OCTET STRING";
        case MIB_TYPE_INTEGER: return "INTEGER";
        case MIB_TYPE_NETADDR: return "NetworkAddress";
        case MIB_TYPE_IPADDR: return "IpAddress";
        case MIB_TYPE_COUNTER: return "Counter32";
        case MIB_TYPE_GAUGE: return "Gauge32";
        case MIB_TYPE_TIMETICKS: return "TimeTicks";
        case MIB_TYPE_OPAQUE: return "Opaque";
        case MIB_TYPE_NULL: return "NULL";
        case MIB_TYPE_COUNTER64: return "Counter64";
        case MIB_TYPE_BITSTRING: return "BITS";
        case MIB_TYPE_NSAPADDRESS: return "NsapAddress";
        case MIB_TYPE_UINTEGER: return "UInteger32";
        case MIB_TYPE_UNSIGNED32: return "Unsigned32";
        case MIB_TYPE_INTEGER32: return "Integer32";
        default: return NULL;
        }
}

static void
append_range (GString        *out,
              int             type,
              const MibRange *r)
{
        switch (type) {
        case MIB_TYPE_INTEGER:
        case MIB_TYPE_INTEGER32:
                if (r->low == r->high)
                        g_string_append_printf (out, "%d", (int) r->low);
                else
                        g_string_append_printf (out, "%d..%d", (int) r->low, (int) r->high);
                break;
        case MIB_TYPE_UNSIGNED32:
        case MIB_TYPE_OCTETSTR:
        case MIB_TYPE_GAUGE:
        case MIB_TYPE_UINTEGER:
                if (r->low == r->high)
                        g_string_append_printf (out, "%u", (unsigned) r->low);
                else
                        g_string_append_printf (out, "%u..%u", (unsigned) r->low, (unsigned) r->high);
                break;
        default:
                break;
        }
}

/* Net-SNMP keeps ranges only for the types it can check */
static GArray *
node_ranges (MibDef *def)
{
        if (def == NULL || def->ranges == NULL || def->ranges->len == 0)
                return NULL;
        return def->ranges;
}

static void
append_list (GString            *out,
             const char         *head,
             const char * const *items,
             gboolean            implied_last,
             int                 width)
{
        int pos = 16 + 2;
        guint i;

        g_string_append (out, head);
        for (i = 0; items[i] != NULL; i++) {
                g_autofree char *str = g_strdup_printf ("%s%s",
                                                        implied_last && items[i + 1] == NULL ? "IMPLIED " : "",
                                                        items[i]);
                int len = (int) strlen (str);

                if (i > 0)
                        g_string_append (out, ", ");
                if (pos + len + 2 > width) {
                        g_string_append (out, "\n\t\t  ");
                        pos = 16 + 2;
                }
                g_string_append (out, str);
                pos += len + 2;
        }
        g_string_append (out, " }\n");
}

/* print_tree_node() */
static void
append_tree_node (GsnmpMib *mib,
                  GString  *out,
                  MibNode  *node,
                  int       width)
{
        MibDef *def = node->def;
        int type = node_type (node);
        const char *cp;
        GArray *ranges;
        int pos;
        guint i;

        g_string_append (out, "  -- FROM\t");
        g_string_append (out, node->module != NULL ? node->module->name : "");
        pos = 16 + (node->module != NULL ? (int) strlen (node->module->name) : 0);
        for (i = 0; i < gsnmp_mib_node_n_modules (node); i++) {
                MibModule *m = gsnmp_mib_node_module_at (node, i);
                int len;

                if (m == node->module)
                        continue;
                len = (int) strlen (m->name);
                if (pos + len + 2 > width) {
                        g_string_append (out, ",\n  --\t\t");
                        pos = 16;
                } else {
                        g_string_append (out, ", ");
                        pos += 2;
                }
                g_string_append (out, m->name);
                pos += len;
        }
        g_string_append_c (out, '\n');
        if (def == NULL)
                return;
        if (def->has_tc && def->type_name != NULL && type != MIB_TYPE_OTHER)
                g_string_append_printf (out, "  -- TEXTUAL CONVENTION %s\n", def->type_name);

        cp = def->kind == MIB_DEF_OBJECT_TYPE ? syntax_name (type) : NULL;
        if (cp != NULL)
                g_string_append_printf (out, "  SYNTAX\t%s", cp);
        ranges = def->kind == MIB_DEF_OBJECT_TYPE ? node_ranges (def) : NULL;
        if (ranges != NULL) {
                g_string_append (out, " (");
                for (i = 0; i < ranges->len; i++) {
                        if (i > 0)
                                g_string_append (out, " | ");
                        append_range (out, type, &g_array_index (ranges, MibRange, i));
                }
                g_string_append (out, ") ");
        }
        if (def->enums != NULL && def->kind == MIB_DEF_OBJECT_TYPE) {
                pos = 16 + (cp != NULL ? (int) strlen (cp) : 0) + 2;
                g_string_append (out, " {");
                for (i = 0; i < def->enums->len; i++) {
                        MibEnum *e = &g_array_index (def->enums, MibEnum, i);
                        g_autofree char *str = g_strdup_printf ("%s(%d)", e->label, (int) e->value);
                        int len = (int) strlen (str);

                        if (i > 0)
                                g_string_append (out, ", ");
                        if (pos + len + 2 > width) {
                                g_string_append (out, "\n\t\t  ");
                                pos = 18;
                        }
                        g_string_append (out, str);
                        pos += len + 2;
                }
                g_string_append (out, "} ");
        }
        if (cp != NULL)
                g_string_append_c (out, '\n');
        if (def->hint != NULL && def->kind == MIB_DEF_OBJECT_TYPE)
                g_string_append_printf (out, "  DISPLAY-HINT\t\"%s\"\n", def->hint);
        /* Net-SNMP keeps these for OBJECT-TYPEs only */
        if (def->units != NULL && def->kind == MIB_DEF_OBJECT_TYPE)
                g_string_append_printf (out, "  UNITS\t\t\"%s\"\n", def->units);
        if (def->access != NULL && def->kind == MIB_DEF_OBJECT_TYPE)
                g_string_append_printf (out, "  MAX-ACCESS\t%s\n", def->access);
        if (def->status != NULL && def->kind == MIB_DEF_OBJECT_TYPE)
                g_string_append_printf (out, "  STATUS\t%s\n", def->status);
        if (def->augments != NULL)
                g_string_append_printf (out, "  AUGMENTS\t{ %s }\n", def->augments);
        if (def->index != NULL)
                append_list (out, "  INDEX\t\t{ ", def->index, def->implied, width);
        if (def->objects != NULL && def->objects[0] != NULL &&
            (def->kind == MIB_DEF_TRAP_TYPE || def->kind == MIB_DEF_NOTIFICATION_TYPE))
                append_list (out, def->kind == MIB_DEF_TRAP_TYPE ? "  VARIABLES\t{ " : "  OBJECTS\t{ ",
                             def->objects, FALSE, width);
        if (def->has_description) {
                g_autofree char *description = gsnmp_mib_def_description (def);

                if (description != NULL)
                        g_string_append_printf (out, "  DESCRIPTION\t\"%s\"\n", description);
        }
        if (def->defval != NULL)
                g_string_append_printf (out, "  DEFVAL\t{ %s }\n", def->defval);
}

/**
 * gsnmp_mib_describe:
 * @mib: a store
 * @oid: an OID
 *
 * The definition of the object @oid belongs to, as Net-SNMP's
 * `snmptranslate -Td` prints it: the module, the textual convention, the
 * syntax with its ranges and enumerations, the display hint, units, access,
 * status, index, description and the OID's path, ending with a newline.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if no loaded
 *   module defines a prefix of @oid
 *
 * Since: 0.1
 */
char *
gsnmp_mib_describe (GsnmpMib       *mib,
                    const GsnmpOid *oid)
{
        const int width = 1000000;
        const guint32 *ids;
        gsize n, matched, i;
        MibNode *node, *walk;
        GString *out;
        int type;
        int pos;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), NULL);
        g_return_val_if_fail (oid != NULL, NULL);

        ids = gsnmp_oid_get_ids (oid, &n);
        gsnmp_mib_read_lock (mib);
        node = gsnmp_mib_find_node (mib, ids, n, &matched);
        if (node == NULL) {
                gsnmp_mib_read_unlock (mib);
                return NULL;
        }
        out = g_string_new (NULL);
        type = node_type (node);
        g_string_append (out, node->label != NULL ? node->label : "");
        if (type <= TYPE_SIMPLE_LAST) {
                g_string_append (out, " OBJECT-TYPE");
        } else {
                switch (type) {
                case TYPE_TRAPTYPE: g_string_append (out, " TRAP-TYPE"); break;
                case TYPE_NOTIFTYPE: g_string_append (out, " NOTIFICATION-TYPE"); break;
                case TYPE_OBJGROUP: g_string_append (out, " OBJECT-GROUP"); break;
                case TYPE_AGENTCAP: g_string_append (out, " AGENT-CAPABILITIES"); break;
                case TYPE_MODID: g_string_append (out, " MODULE-IDENTITY"); break;
                case TYPE_OBJIDENTITY: g_string_append (out, " OBJECT-IDENTITY"); break;
                case TYPE_MODCOMP: g_string_append (out, " MODULE-COMPLIANCE"); break;
                default: g_string_append_printf (out, " type_%d", type); break;
                }
        }
        g_string_append_c (out, '\n');
        append_tree_node (mib, out, node, width);

        g_string_append (out, "::= {");
        pos = 5;
        walk = gsnmp_mib_root (mib);
        for (i = 0; i + 1 < n; i++) {
                char tmp[160];
                MibNode *child = walk != NULL ? gsnmp_mib_node_child (walk, ids[i]) : NULL;

                if (child != NULL && child->label != NULL)
                        g_snprintf (tmp, sizeof tmp, " %s(%u)", child->label, child->subid);
                else
                        g_snprintf (tmp, sizeof tmp, " %u", ids[i]);
                if (pos + (int) strlen (tmp) + 2 > width) {
                        g_string_append (out, "\n     ");
                        pos = 5;
                }
                g_string_append (out, tmp);
                pos += (int) strlen (tmp);
                walk = child;
        }
        g_string_append_printf (out, " %u }\n", n > 0 ? ids[n - 1] : 0);
        gsnmp_mib_read_unlock (mib);
        return g_string_free (out, FALSE);
}

/* print_mib_leaves() */
static void
append_leaves (GString *out,
               GString *indent,
               gboolean *was_simple,
               MibNode *node,
               int      width)
{
        gsize ip = indent->len - 1;
        char last_ipch = indent->str[ip];
        int type = node_type (node);
        MibDef *def = node->def;
        MibNode *child;
        guint count = 0, i;
        const char *label = node->label != NULL ? node->label : "";

        indent->str[ip] = '+';
        if (type == MIB_TYPE_OTHER || type > TYPE_SIMPLE_LAST) {
                g_string_append_printf (out, "%s--%s(%u)\n", indent->str, label, node->subid);
                if (def != NULL && def->index != NULL) {
                        int cpos = 0, len, cmax = width - (int) indent->len - 12;

                        indent->str[ip] = last_ipch;
                        g_string_append_printf (out, "%s  |  Index: ", indent->str);
                        for (i = 0; def->index[i] != NULL; i++) {
                                if (i > 0)
                                        g_string_append (out, ", ");
                                cpos += (len = (int) strlen (def->index[i]) + 2);
                                if (cpos > cmax) {
                                        g_string_append_printf (out, "\n%s  |         ", indent->str);
                                        cpos = len;
                                }
                                g_string_append (out, def->index[i]);
                        }
                        g_string_append_c (out, '\n');
                        indent->str[ip] = '+';
                }
        } else {
                const char *acc = "    ", *typ = "         ";
                gboolean size = FALSE;
                GArray *ranges = node_ranges (def);

                if (def->access != NULL) {
                        if (g_str_equal (def->access, "not-accessible"))
                                acc = "----";
                        else if (g_str_equal (def->access, "read-only"))
                                acc = "-R--";
                        else if (g_str_equal (def->access, "write-only"))
                                acc = "--W-";
                        else if (g_str_equal (def->access, "read-write"))
                                acc = "-RW-";
                        else if (g_str_equal (def->access, "accessible-for-notify"))
                                acc = "---N";
                        else if (g_str_equal (def->access, "read-create"))
                                acc = "CR--";
                }
                switch (type) {
                case MIB_TYPE_OBJID: typ = "ObjID    "; break;
                case MIB_TYPE_OCTETSTR: typ = "String   "; size = TRUE; break;
                case MIB_TYPE_INTEGER: typ = def->enums != NULL ? "EnumVal  " : "INTEGER  "; break;
                case MIB_TYPE_NETADDR: typ = "NetAddr  "; break;
                case MIB_TYPE_IPADDR: typ = "IpAddr   "; break;
                case MIB_TYPE_COUNTER: typ = "Counter  "; break;
                case MIB_TYPE_GAUGE: typ = "Gauge    "; break;
                case MIB_TYPE_TIMETICKS: typ = "TimeTicks"; break;
                case MIB_TYPE_OPAQUE: typ = "Opaque   "; size = TRUE; break;
                case MIB_TYPE_NULL: typ = "Null     "; break;
                case MIB_TYPE_COUNTER64: typ = "Counter64"; break;
                case MIB_TYPE_BITSTRING: typ = "BitString"; break;
                case MIB_TYPE_NSAPADDRESS: typ = "NsapAddr "; break;
                case MIB_TYPE_UNSIGNED32: typ = "Unsigned "; break;
                case MIB_TYPE_UINTEGER: typ = "UInteger "; break;
                case MIB_TYPE_INTEGER32: typ = "Integer32"; break;
                default: break;
                }
                g_string_append_printf (out, "%s-- %s %s %s(%u)\n", indent->str, acc, typ, label, node->subid);
                indent->str[ip] = last_ipch;
                if (def->has_tc && def->type_name != NULL && type != MIB_TYPE_OTHER)
                        g_string_append_printf (out, "%s        Textual Convention: %s\n",
                                                indent->str, def->type_name);
                if (def->enums != NULL) {
                        int cpos = 0, cmax = width - (int) indent->len - 16;

                        g_string_append_printf (out, "%s        Values: ", indent->str);
                        for (i = 0; i < def->enums->len; i++) {
                                MibEnum *e = &g_array_index (def->enums, MibEnum, i);
                                g_autofree char *buf = g_strdup_printf ("%s(%d)", e->label, (int) e->value);
                                int bufw;

                                if (i > 0)
                                        g_string_append (out, ", ");
                                cpos += (bufw = (int) strlen (buf) + 2);
                                if (cpos >= cmax) {
                                        g_string_append_printf (out, "\n%s                ", indent->str);
                                        cpos = bufw;
                                }
                                g_string_append (out, buf);
                        }
                        g_string_append_c (out, '\n');
                }
                if (ranges != NULL) {
                        g_string_append_printf (out, "%s        %s: ", indent->str, size ? "Size" : "Range");
                        for (i = 0; i < ranges->len; i++) {
                                if (i > 0)
                                        g_string_append (out, " | ");
                                append_range (out, type, &g_array_index (ranges, MibRange, i));
                        }
                        g_string_append_c (out, '\n');
                }
        }
        indent->str[ip] = last_ipch;
        g_string_append (indent, "  |");
        *was_simple = type != MIB_TYPE_OTHER;

        for (child = node->child; child != NULL; child = child->next)
                count++;
        i = 0;
        for (child = node->child; child != NULL; child = child->next) {
                i++;
                if (!*was_simple || node_type (child) == 0)
                        g_string_append_printf (out, "%s\n", indent->str);
                if (i == count)
                        indent->str[ip + 3] = ' ';
                append_leaves (out, indent, was_simple, child, width);
        }
        if (count > 0)
                *was_simple = FALSE;
        g_string_truncate (indent, ip + 1);
}

/**
 * gsnmp_mib_format_tree:
 * @mib: a store
 * @oid: an OID
 *
 * The subtree below the node @oid belongs to, as Net-SNMP's
 * `snmptranslate -Tp` prints it: one line per node with its access, type
 * and name, and the textual conventions, enumerations, ranges and indexes.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if no loaded
 *   module defines a prefix of @oid
 *
 * Since: 0.1
 */
char *
gsnmp_mib_format_tree (GsnmpMib       *mib,
                       const GsnmpOid *oid)
{
        const guint32 *ids;
        gsize n, matched;
        MibNode *node;
        GString *out, *indent;
        gboolean was_simple = TRUE;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), NULL);
        g_return_val_if_fail (oid != NULL, NULL);

        ids = gsnmp_oid_get_ids (oid, &n);
        gsnmp_mib_read_lock (mib);
        node = gsnmp_mib_find_node (mib, ids, n, &matched);
        if (node == NULL) {
                gsnmp_mib_read_unlock (mib);
                return NULL;
        }
        out = g_string_new (NULL);
        indent = g_string_new (" ");
        append_leaves (out, indent, &was_simple, node, 1000000);
        g_string_free (indent, TRUE);
        gsnmp_mib_read_unlock (mib);
        return g_string_free (out, FALSE);
}

/**
 * gsnmp_mib_get_children:
 * @mib: a store
 * @oid: the OID of a node, or an empty OID for the roots of the tree
 *
 * The named objects directly below the node @oid, in the order of their
 * sub-identifiers: the columns of a table entry, the objects of a group,
 * the branches of a subtree to browse.
 *
 * Returns: (transfer full) (element-type Gsnmp.MibObject): the objects;
 *   empty if no loaded module defines @oid or nothing is defined below it
 *
 * Since: 0.1
 */
GPtrArray *
gsnmp_mib_get_children (GsnmpMib       *mib,
                        const GsnmpOid *oid)
{
        GPtrArray *children;
        const guint32 *ids;
        gsize n, matched = 0;
        MibNode *node, *child;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), NULL);
        g_return_val_if_fail (oid != NULL, NULL);

        children = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_mib_object_unref);
        ids = gsnmp_oid_get_ids (oid, &n);
        gsnmp_mib_read_lock (mib);
        node = n == 0 ? gsnmp_mib_root (mib) : gsnmp_mib_find_node (mib, ids, n, &matched);
        if (node != NULL && matched == n) {
                for (child = node->child; child != NULL; child = child->next) {
                        if (child->label != NULL)
                                g_ptr_array_add (children, gsnmp_mib_object_new (mib, child));
                }
        }
        gsnmp_mib_read_unlock (mib);
        return children;
}
