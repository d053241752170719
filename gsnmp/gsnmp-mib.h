/* gsnmp-mib.h - a store of MIB modules: names for OIDs and how values print
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
#include <gsnmp/gsnmp-oid.h>
#include <gsnmp/gsnmp-varbind.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

/**
 * GSNMP_MIB_ERROR:
 *
 * The error domain of the MIB store, [class@Gsnmp.Mib]; the codes are
 * [enum@Gsnmp.MibError].
 *
 * Since: 0.1
 */
#define GSNMP_MIB_ERROR (gsnmp_mib_error_quark ())
GSNMP_AVAILABLE_IN_ALL
GQuark gsnmp_mib_error_quark (void);

/**
 * GsnmpMibError:
 * @GSNMP_MIB_ERROR_MODULE_NOT_FOUND: no file in the search path holds the module
 * @GSNMP_MIB_ERROR_SYNTAX: a module file has a syntax error
 * @GSNMP_MIB_ERROR_UNRESOLVED: a module imports from a module that cannot be
 *   loaded, imports in a cycle, or names a parent that is defined nowhere
 * @GSNMP_MIB_ERROR_UNKNOWN_NAME: a name is not in the loaded modules
 *
 * Errors of the MIB store.
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_MIB_ERROR_MODULE_NOT_FOUND,
        GSNMP_MIB_ERROR_SYNTAX,
        GSNMP_MIB_ERROR_UNRESOLVED,
        GSNMP_MIB_ERROR_UNKNOWN_NAME,
} GsnmpMibError;

#define GSNMP_TYPE_MIB (gsnmp_mib_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpMib, gsnmp_mib, GSNMP, MIB, GObject)

#define GSNMP_TYPE_MIB_OBJECT (gsnmp_mib_object_get_type ())
GSNMP_AVAILABLE_IN_ALL
GType            gsnmp_mib_object_get_type     (void) G_GNUC_CONST;

GSNMP_AVAILABLE_IN_ALL
GsnmpMib        *gsnmp_mib_new                 (void);
GSNMP_AVAILABLE_IN_ALL
GsnmpMib        *gsnmp_mib_get_default         (void);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_mib_get_bundled_directory (void);

GSNMP_AVAILABLE_IN_ALL
void             gsnmp_mib_set_search_path     (GsnmpMib       *mib,
                                                const char     *path);
GSNMP_AVAILABLE_IN_ALL
char           **gsnmp_mib_get_directories     (GsnmpMib       *mib);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_mib_load_module         (GsnmpMib       *mib,
                                                const char     *name,
                                                GError        **error);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_mib_load_modules        (GsnmpMib       *mib,
                                                const char     *list,
                                                GError        **error);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_mib_load_all            (GsnmpMib       *mib,
                                                GError        **error);
GSNMP_AVAILABLE_IN_ALL
char           **gsnmp_mib_get_modules         (GsnmpMib       *mib);

GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_mib_parse_oid           (GsnmpMib       *mib,
                                                const char     *str,
                                                GError        **error);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_mib_resolve             (GsnmpMib       *mib,
                                                const char     *module,
                                                const char     *name,
                                                const guint32  *index,
                                                gsize           n_index,
                                                GError        **error);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_mib_format_oid          (GsnmpMib       *mib,
                                                const GsnmpOid *oid,
                                                GsnmpFormatFlags flags);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_mib_format_varbind      (GsnmpMib       *mib,
                                                GsnmpVarbind   *varbind,
                                                GsnmpFormatFlags flags);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_mib_describe            (GsnmpMib       *mib,
                                                const GsnmpOid *oid);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_mib_format_tree         (GsnmpMib       *mib,
                                                const GsnmpOid *oid);
GSNMP_AVAILABLE_IN_ALL
GsnmpMibObject  *gsnmp_mib_lookup              (GsnmpMib       *mib,
                                                const GsnmpOid *oid,
                                                GsnmpOid      **index);
GSNMP_AVAILABLE_IN_ALL
GPtrArray       *gsnmp_mib_get_children        (GsnmpMib       *mib,
                                                const GsnmpOid *oid);
GSNMP_AVAILABLE_IN_ALL
GsnmpMibObject  *gsnmp_mib_lookup_name         (GsnmpMib       *mib,
                                                const char     *name,
                                                GError        **error);

GSNMP_AVAILABLE_IN_ALL
GsnmpMibObject  *gsnmp_mib_object_ref          (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
void             gsnmp_mib_object_unref        (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
const char      *gsnmp_mib_object_get_name     (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
const char      *gsnmp_mib_object_get_module   (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid        *gsnmp_mib_object_get_oid      (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
const char      *gsnmp_mib_object_get_syntax   (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
GsnmpValueType   gsnmp_mib_object_get_value_type (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
const char      *gsnmp_mib_object_get_display_hint (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
const char      *gsnmp_mib_object_get_units    (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
const char      *gsnmp_mib_object_get_access   (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
const char      *gsnmp_mib_object_get_status   (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
char            *gsnmp_mib_object_get_description (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
char           **gsnmp_mib_object_get_index_names (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
char           **gsnmp_mib_object_get_enum_labels (GsnmpMibObject *object);
GSNMP_AVAILABLE_IN_ALL
const char      *gsnmp_mib_object_get_enum_label (GsnmpMibObject *object,
                                                  gint64          value);
GSNMP_AVAILABLE_IN_ALL
gboolean         gsnmp_mib_object_get_enum_value (GsnmpMibObject *object,
                                                  const char     *label,
                                                  gint64         *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsnmpMibObject, gsnmp_mib_object_unref)

G_END_DECLS
