/* gsnmp-mib-private.h - the MIB store's internals: parsed modules and the OID tree
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>
#include "gsnmp-mib.h"

G_BEGIN_DECLS

/* The base types of Net-SNMP's parse.h (TYPE_*), which decide how a value
 * prints (mib.c:set_function()). */
typedef enum {
        MIB_TYPE_OTHER = 0,
        MIB_TYPE_OBJID,
        MIB_TYPE_OCTETSTR,
        MIB_TYPE_INTEGER,
        MIB_TYPE_NETADDR,
        MIB_TYPE_IPADDR,
        MIB_TYPE_COUNTER,
        MIB_TYPE_GAUGE,
        MIB_TYPE_TIMETICKS,
        MIB_TYPE_OPAQUE,
        MIB_TYPE_NULL,
        MIB_TYPE_COUNTER64,
        MIB_TYPE_BITSTRING,
        MIB_TYPE_NSAPADDRESS,
        MIB_TYPE_UINTEGER,
        MIB_TYPE_UNSIGNED32,
        MIB_TYPE_INTEGER32,
} MibBaseType;

typedef enum {
        MIB_DEF_OID = 0,                /* name OBJECT IDENTIFIER ::= { … } */
        MIB_DEF_OBJECT_TYPE,
        MIB_DEF_OBJECT_IDENTITY,
        MIB_DEF_MODULE_IDENTITY,
        MIB_DEF_NOTIFICATION_TYPE,
        MIB_DEF_TRAP_TYPE,
        MIB_DEF_OBJECT_GROUP,
        MIB_DEF_NOTIFICATION_GROUP,
        MIB_DEF_MODULE_COMPLIANCE,
        MIB_DEF_AGENT_CAPABILITIES,
} MibDefKind;

typedef struct {
        gint64      value;
        const char *label;
} MibEnum;

typedef struct _MibModule MibModule;

typedef struct {
        gint64 low;
        gint64 high;
} MibRange;

/* A SYNTAX, a TEXTUAL-CONVENTION or a type assignment. */
typedef struct {
        MibBaseType  base;              /* when ref is NULL */
        const char  *ref;               /* a named type this one refines, or NULL */
        const char  *hint;              /* DISPLAY-HINT, or NULL */
        GArray      *enums;             /* MibEnum, or NULL */
        gint         fixed_size;        /* SIZE (n) alone, or -1 */
        gboolean     has_size;          /* any SIZE or range constraint */
        GArray      *ranges;            /* MibRange, or NULL */
} MibType;

/* One component of an OID value: { parent label(n) n … } */
typedef struct {
        const char *label;              /* or NULL */
        guint32     subid;
} MibComp;

typedef struct _MibNode MibNode;

typedef struct {
        const char  *label;
        MibDefKind   kind;
        guint        line;
        const char  *parent;            /* the first component, a label */
        guint        n_comps;
        MibComp     *comps;
        MibType     *syntax;            /* or NULL */
        const char  *units;
        const char  *access;
        const char  *status;
        gboolean     has_description;
        gsize        description_offset; /* raw, as in the file: read again when asked for */
        gsize        description_len;
        const char **index;             /* NULL-terminated, or NULL */
        gboolean     implied;           /* IMPLIED before the last index */
        const char  *augments;
        const char **objects;           /* OBJECTS / VARIABLES, or NULL */
        const char  *defval;            /* DEFVAL's text, or NULL */
        MibModule   *module;

        /* Resolved when the module links (gsnmp-mib.c) */
        MibNode     *node;
        MibBaseType  type;
        const char  *type_name;         /* the SYNTAX's named type, or NULL */
        const char  *hint;
        GArray      *enums;
        gint         fixed_size;
        GArray      *ranges;            /* MibRange: own or the TC's */
        gboolean     has_tc;            /* the SYNTAX names a defined type */
} MibDef;

typedef enum {
        MIB_MODULE_UNLOADED = 0,
        MIB_MODULE_LOADING,
        MIB_MODULE_LOADED,
} MibModuleState;

struct _MibModule {
        char          *name;
        char          *path;
        MibModuleState state;
        gboolean       smiv2;
        guint          load_order;
        GStringChunk  *strings;
        char          *owned_text;      /* a module given in memory (no file), or NULL */
        gpointer       block;           /* its definitions, from a cache, or NULL */
        GHashTable    *imports;         /* symbol → module name */
        GPtrArray     *import_modules;  /* module names, in order */
        GPtrArray     *defs;            /* MibDef */
        GHashTable    *types;           /* name → MibType */
        GHashTable    *labels;          /* label → MibDef (own definitions) */
};

struct _MibNode {
        guint32     subid;
        const char *label;              /* NULL for a number-only node */
        MibModule  *module;
        MibDef     *def;                /* the definition printed, or NULL */
        MibNode    *parent;
        MibNode    *child;              /* children sorted by subid */
        MibNode    *next;
        MibModule  *first_module;       /* the first module defining it, or NULL */
        GPtrArray  *more_modules;       /* the other modules defining it, or NULL */
};

/* The modules that define @node, in the order they did */
static inline guint
gsnmp_mib_node_n_modules (const MibNode *node)
{
        if (node->first_module == NULL)
                return 0;
        return 1 + (node->more_modules != NULL ? node->more_modules->len : 0);
}

static inline MibModule *
gsnmp_mib_node_module_at (const MibNode *node,
                          guint          i)
{
        return i == 0 ? node->first_module : node->more_modules->pdata[i - 1];
}

/* A file of the search path, as the store indexed it */
typedef struct {
        char         *path;
        const char   *name;             /* its file name, in path */
        guint         dir;              /* the index of its folder in the search path */
        guint64       size;
        gint64        mtime_ns;
        guint64       inode;
        char         *module;           /* the first module it defines, or NULL */
        const guint8 *blob;             /* the module as a cache holds it, or NULL */
        gsize         blob_length;
        MibModule    *loaded;           /* the module loaded from it, or NULL */
} MibFileEntry;

typedef struct _MibCache MibCache;

MibModule *gsnmp_mib_module_new        (gboolean     with_strings);
guint      gsnmp_mib_str_hash          (gconstpointer key);
void       gsnmp_mib_type_free         (gpointer     type);
MibModule *gsnmp_mib_module_parse      (const char  *name_hint,
                                       const char  *path,
                                       const char  *text,
                                       gsize        length,
                                       GError     **error);
void       gsnmp_mib_module_free       (MibModule   *module);
char      *gsnmp_mib_def_description   (MibDef      *def);
char      *gsnmp_mib_read_module_name  (const char  *text,
                                       gsize        length);

/* The compiled cache (gsnmp-mib-cache.c) */
char      *gsnmp_mib_cache_path        (const char  *cache_dir,
                                       const char * const *dirs,
                                       guint        n_dirs);
MibCache  *gsnmp_mib_cache_read        (const char  *path,
                                       const char * const *dirs,
                                       guint        n_dirs);
MibCache  *gsnmp_mib_cache_new_from_data (guint8    *data,
                                       gsize        length,
                                       gboolean     mapped,
                                       const char * const *dirs,
                                       guint        n_dirs);
void       gsnmp_mib_cache_free        (MibCache    *cache);
gboolean   gsnmp_mib_cache_lookup      (MibCache    *cache,
                                       MibFileEntry *entry);
guint      gsnmp_mib_cache_count_files (MibCache    *cache,
                                       guint        dir);
MibModule *gsnmp_mib_cache_decode_module (const guint8 *blob,
                                       gsize        length,
                                       const char  *path);
gboolean   gsnmp_mib_cache_write       (const char  *path,
                                       const char * const *dirs,
                                       guint        n_dirs,
                                       GPtrArray   *files,
                                       GError     **error);
void       gsnmp_mib_cache_prune       (const char  *cache_dir);
guint      gsnmp_mib_cache_exercise    (const guint8 *data,
                                       gsize        length);
guint64    gsnmp_mib_cache_checksum    (const guint8 *data,
                                       gsize        length);
void       gsnmp_mib_set_cache_directory (GsnmpMib  *mib,
                                       const char  *dir);

/* Internals of GsnmpMib shared by its source files (gsnmp-mib.c,
 * gsnmp-mib-format.c, gsnmp-mib-object.c); callers hold the read lock. */
void       gsnmp_mib_read_lock         (GsnmpMib    *mib);
void       gsnmp_mib_read_unlock       (GsnmpMib    *mib);
MibNode   *gsnmp_mib_root              (GsnmpMib    *mib);
MibNode   *gsnmp_mib_find_node         (GsnmpMib    *mib,
                                       const guint32 *ids,
                                       gsize        n_ids,
                                       gsize       *n_matched);
MibNode   *gsnmp_mib_find_label        (GsnmpMib    *mib,
                                       const char  *module,
                                       const char  *label);
MibNode   *gsnmp_mib_node_child        (MibNode     *node,
                                       guint32      subid);
gsize      gsnmp_mib_node_oid          (MibNode     *node,
                                       guint32     *ids);

gboolean   gsnmp_mib_load_text         (GsnmpMib    *mib,
                                       const char  *text,
                                       gsize        length,
                                       GError     **error);
gboolean   gsnmp_mib_ensure_module     (GsnmpMib    *mib,
                                       const char  *module);

GsnmpMibObject *gsnmp_mib_object_new   (GsnmpMib    *mib,
                                       MibNode     *node);

G_END_DECLS
