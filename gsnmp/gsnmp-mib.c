/* gsnmp-mib.c - a store of MIB modules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "gsnmp-mib.h"
#include "gsnmp-mib-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

/**
 * GsnmpMib:
 *
 * A store of SMIv1 and SMIv2 MIB modules: it turns names such as
 * `sysDescr.0`, `SNMPv2-MIB::sysDescr.0` or `IF-MIB::ifDescr.3` into OIDs,
 * OIDs back into names, and prints variable bindings the way Net-SNMP's
 * tools do with the same modules loaded: enumeration labels, DISPLAY-HINTs
 * (`DisplayString`, `PhysAddress`, `DateAndTime`, …), units and table
 * indexes.
 *
 * The store reads module files from directories with Net-SNMP's
 * conventions: [method@Gsnmp.Mib.set_search_path] takes what `-M` and the
 * `MIBDIRS` variable take, [method@Gsnmp.Mib.load_modules] what `-m` and
 * `MIBS` take (`IF-MIB:IP-MIB`, `+IF-MIB`, `ALL`).  A module's imports load
 * with it.
 *
 * gsnmp bundles the IETF and IANA modules most agents implement
 * (SNMPv2-MIB, IF-MIB, IP-MIB, TCP-MIB, UDP-MIB, HOST-RESOURCES-MIB,
 * the SNMPv3 framework modules, …), so names work on a machine without any
 * MIB files installed: [func@Gsnmp.Mib.get_default] returns a process-wide
 * store that loads all of them on first use (or what `MIBDIRS` and `MIBS`
 * name), and [ctor@Gsnmp.Oid.new_from_string] resolves names with it.
 *
 * When two loaded modules define the same OID (RFC1213-MIB and IF-MIB do),
 * the name printed is the SMIv2 module's; between modules of the same SMI
 * version the one loaded last wins, as in Net-SNMP.  Net-SNMP itself prints
 * `RFC1213-MIB::ifDescr.1` with `-m ALL`, because it loads RFC1213-MIB last.
 *
 * Parsed modules are kept in a compiled cache, one file per search path
 * under `$XDG_CACHE_HOME/gsnmp` (by default `~/.cache/gsnmp`), which the
 * next store that loads them reads instead of parsing the files again.  A
 * file is taken from the cache only when its name, size, modification time
 * and inode are those the cache recorded; a changed, added or removed file
 * is read again and the cache rewritten (atomically).  A damaged cache is
 * ignored, an unwritable cache folder only means no cache, and the
 * environment variable `GSNMP_MIB_CACHE=0` turns the cache off.  See
 * [the MIB cache](mib-cache.html).
 *
 * A store is safe to use from several threads: lookups take a read lock,
 * loading a module takes the write lock.
 *
 * Since: 0.1
 */

struct _GsnmpMib {
        GObject      parent_instance;

        GRWLock      lock;
        GPtrArray   *dirs;              /* char* */
        GHashTable  *paths;             /* module name → MibFileEntry (index) */
        GPtrArray   *files;             /* MibFileEntry, in search path order */
        GPtrArray   *cache_dirs;        /* the search path, canonical: the cache's key */
        char        *cache_path;        /* the cache file, or NULL (no cache) */
        char        *cache_dir;         /* where caches go (tests), or NULL */
        gboolean     cache_disabled;
        gboolean     cache_dirty;       /* the index or a module changed since the cache */
        GPtrArray   *caches;            /* MibCache read: modules point into them */
        char        *buf;               /* the file being parsed: one buffer for all */
        gsize        buf_size;
        gboolean     indexed;
        GHashTable  *modules;           /* name → MibModule */
        GPtrArray   *module_order;      /* MibModule, in load order */
        GHashTable  *labels;            /* label → MibNode (preferred) */
        MibNode      root;              /* children: ccitt, iso, joint-iso-ccitt */
        GPtrArray   *nodes;             /* blocks of NODE_BLOCK MibNodes */
        guint        block_used;        /* nodes used in the last block */
        guint        load_counter;
};

#define NODE_BLOCK 256

G_DEFINE_FINAL_TYPE (GsnmpMib, gsnmp_mib, G_TYPE_OBJECT)

/**
 * gsnmp_mib_error_quark:
 *
 * Returns the error domain of [error@Gsnmp.MibError].
 *
 * Returns: the %GSNMP_MIB_ERROR quark
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (gsnmp-mib-error-quark, gsnmp_mib_error)

static MibNode *
node_new (GsnmpMib *mib,
          MibNode  *parent,
          guint32   subid)
{
        MibNode *node;
        MibNode **link;

        /* Nodes come in blocks, and go only with the store */
        if (mib->nodes->len == 0 || mib->block_used == NODE_BLOCK) {
                g_ptr_array_add (mib->nodes, g_new0 (MibNode, NODE_BLOCK));
                mib->block_used = 0;
        }
        node = (MibNode *) mib->nodes->pdata[mib->nodes->len - 1] + mib->block_used++;

        node->subid = subid;
        node->parent = parent;
        for (link = &parent->child; *link != NULL && (*link)->subid < subid; link = &(*link)->next)
                ;
        node->next = *link;
        *link = node;
        return node;
}

MibNode *
gsnmp_mib_node_child (MibNode *node,
                      guint32  subid)
{
        MibNode *child;

        for (child = node->child; child != NULL && child->subid <= subid; child = child->next) {
                if (child->subid == subid)
                        return child;
        }
        return NULL;
}

static void
file_entry_free (gpointer data)
{
        MibFileEntry *entry = data;

        g_free (entry->path);
        g_free (entry->module);
        g_free (entry);
}

static void
gsnmp_mib_finalize (GObject *object)
{
        GsnmpMib *mib = GSNMP_MIB (object);

        for (guint i = 0; i < mib->nodes->len; i++) {
                MibNode *block = mib->nodes->pdata[i];
                guint n = i + 1 < mib->nodes->len ? NODE_BLOCK : mib->block_used;

                for (guint j = 0; j < n; j++)
                        g_clear_pointer (&block[j].more_modules, g_ptr_array_unref);
        }
        g_ptr_array_unref (mib->nodes);
        g_hash_table_unref (mib->labels);
        g_ptr_array_unref (mib->module_order);
        g_hash_table_unref (mib->modules);
        g_hash_table_unref (mib->paths);
        g_ptr_array_unref (mib->files);
        g_ptr_array_unref (mib->cache_dirs);
        g_free (mib->cache_path);
        g_free (mib->cache_dir);
        g_ptr_array_unref (mib->caches);
        g_free (mib->buf);
        g_ptr_array_unref (mib->dirs);
        g_rw_lock_clear (&mib->lock);

        G_OBJECT_CLASS (gsnmp_mib_parent_class)->finalize (object);
}

static void
gsnmp_mib_class_init (GsnmpMibClass *klass)
{
        G_OBJECT_CLASS (klass)->finalize = gsnmp_mib_finalize;
}

static void
gsnmp_mib_init (GsnmpMib *mib)
{
        static const char * const roots[] = { "ccitt", "iso", "joint-iso-ccitt" };
        guint i;

        g_rw_lock_init (&mib->lock);
        mib->dirs = g_ptr_array_new_with_free_func (g_free);
        mib->paths = g_hash_table_new (gsnmp_mib_str_hash, g_str_equal);
        mib->files = g_ptr_array_new_with_free_func (file_entry_free);
        mib->cache_dirs = g_ptr_array_new_with_free_func (g_free);
        mib->caches = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_mib_cache_free);
        mib->modules = g_hash_table_new_full (gsnmp_mib_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) gsnmp_mib_module_free);
        mib->module_order = g_ptr_array_new ();
        mib->labels = g_hash_table_new (gsnmp_mib_str_hash, g_str_equal);
        mib->nodes = g_ptr_array_new_with_free_func (g_free);
        for (i = 0; i < G_N_ELEMENTS (roots); i++) {
                MibNode *node = node_new (mib, &mib->root, i);

                node->label = roots[i];
                g_hash_table_insert (mib->labels, (gpointer) roots[i], node);
        }
}

/**
 * gsnmp_mib_new:
 *
 * Creates an empty store whose search path is the folder of the modules
 * gsnmp bundles ([func@Gsnmp.Mib.get_bundled_directory]).  Load modules with
 * [method@Gsnmp.Mib.load_modules] or [method@Gsnmp.Mib.load_all].
 *
 * Returns: (transfer full): a new store
 *
 * Since: 0.1
 */
GsnmpMib *
gsnmp_mib_new (void)
{
        GsnmpMib *mib = g_object_new (GSNMP_TYPE_MIB, NULL);

        g_ptr_array_add (mib->dirs, gsnmp_mib_get_bundled_directory ());
        return mib;
}

/**
 * gsnmp_mib_get_bundled_directory:
 *
 * The folder of the MIB modules gsnmp installs, `$datadir/gsnmp-1.0/mibs`
 * (the environment variable `GSNMP_MIBS_DIR` overrides it, which the test
 * suite uses to run from the build tree).
 *
 * Returns: (transfer full) (type filename): the path
 *
 * Since: 0.1
 */
char *
gsnmp_mib_get_bundled_directory (void)
{
        const char *env = g_getenv ("GSNMP_MIBS_DIR");

        if (env != NULL && *env != '\0')
                return g_strdup (env);
        return g_strdup (GSNMP_MIBS_DIR);
}

/* Net-SNMP's search path syntax: "DIR:DIR"; a leading '+' adds to the
 * front of the current path, a leading '-' … is not supported. */
static void
set_search_path_locked (GsnmpMib   *mib,
                        const char *path)
{
        g_auto(GStrv) parts = NULL;
        g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
        gboolean add = FALSE;
        guint i;

        if (path[0] == '+') {
                add = TRUE;
                path++;
        }
        parts = g_strsplit (path, G_SEARCHPATH_SEPARATOR_S, -1);
        for (i = 0; parts[i] != NULL; i++) {
                if (parts[i][0] != '\0')
                        g_ptr_array_add (dirs, g_strdup (parts[i]));
        }
        if (add) {
                for (i = 0; i < mib->dirs->len; i++)
                        g_ptr_array_add (dirs, g_strdup (mib->dirs->pdata[i]));
        }
        g_ptr_array_unref (mib->dirs);
        mib->dirs = g_steal_pointer (&dirs);
        g_hash_table_remove_all (mib->paths);
        mib->indexed = FALSE;
}

/**
 * gsnmp_mib_set_search_path:
 * @mib: a store
 * @path: folders separated by `:` (`;` on Windows); with a leading `+`,
 *   they go in front of the current ones
 *
 * Sets the folders the store reads module files from, as Net-SNMP's `-M`
 * option and `MIBDIRS` variable do.  The first folder that holds a module
 * wins.  Modules loaded already stay loaded.
 *
 * Since: 0.1
 */
void
gsnmp_mib_set_search_path (GsnmpMib   *mib,
                           const char *path)
{
        g_return_if_fail (GSNMP_IS_MIB (mib));
        g_return_if_fail (path != NULL);

        g_rw_lock_writer_lock (&mib->lock);
        set_search_path_locked (mib, path);
        g_rw_lock_writer_unlock (&mib->lock);
}

/**
 * gsnmp_mib_get_directories:
 * @mib: a store
 *
 * The folders of the search path, in order.
 *
 * Returns: (transfer full) (array zero-terminated=1) (element-type filename): the folders
 *
 * Since: 0.1
 */
char **
gsnmp_mib_get_directories (GsnmpMib *mib)
{
        GStrvBuilder *builder;
        char **result;
        guint i;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), NULL);

        builder = g_strv_builder_new ();
        g_rw_lock_reader_lock (&mib->lock);
        for (i = 0; i < mib->dirs->len; i++)
                g_strv_builder_add (builder, mib->dirs->pdata[i]);
        g_rw_lock_reader_unlock (&mib->lock);
        result = g_strv_builder_end (builder);
        g_strv_builder_unref (builder);
        return result;
}

/* The first module name in the file at @path, or NULL */
static char *
probe_module_name (const char *path)
{
        char head[4096];
        gsize n;
        FILE *f = fopen (path, "rb");

        if (f == NULL)
                return NULL;
        n = fread (head, 1, sizeof head, f);
        fclose (f);
        return gsnmp_mib_read_module_name (head, n);
}

/* The folder caches go to, or NULL when caching is off */
static char *
cache_directory (GsnmpMib *mib)
{
        const char *env = g_getenv ("GSNMP_MIB_CACHE");

        if (mib->cache_disabled || (env != NULL && g_str_equal (env, "0")))
                return NULL;
        if (mib->cache_dir != NULL)
                return g_strdup (mib->cache_dir);
        return g_build_filename (g_get_user_cache_dir (), "gsnmp", NULL);
}

/* Reads the first module name of every file in the search path, or takes
 * it from the cache for the files that did not change since it was
 * written. */
static void
index_directories (GsnmpMib *mib)
{
        g_autofree char *cache_dir = NULL;
        MibCache *cache = NULL;
        guint i;

        if (mib->indexed)
                return;
        g_hash_table_remove_all (mib->paths);
        g_ptr_array_set_size (mib->files, 0);
        g_ptr_array_set_size (mib->cache_dirs, 0);
        g_clear_pointer (&mib->cache_path, g_free);
        mib->cache_dirty = FALSE;
        for (i = 0; i < mib->dirs->len; i++)
                g_ptr_array_add (mib->cache_dirs, g_canonicalize_filename (mib->dirs->pdata[i], NULL));
        cache_dir = cache_directory (mib);
        if (cache_dir != NULL) {
                mib->cache_path = gsnmp_mib_cache_path (cache_dir, (const char * const *) mib->cache_dirs->pdata,
                                                        mib->cache_dirs->len);
                cache = gsnmp_mib_cache_read (mib->cache_path, (const char * const *) mib->cache_dirs->pdata,
                                              mib->cache_dirs->len);
                if (cache != NULL)
                        g_ptr_array_add (mib->caches, cache);
                else
                        mib->cache_dirty = TRUE;
        }

        for (i = 0; i < mib->dirs->len; i++) {
                const char *dirname = mib->dirs->pdata[i];
                g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
                const char *name;
                guint n_files = 0;

                while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
                        MibFileEntry *entry;
                        GStatBuf st;
                        char *path;

                        if (name[0] == '.')
                                continue;
                        path = g_build_filename (dirname, name, NULL);
                        if (g_stat (path, &st) != 0) {
                                g_free (path);
                                continue;
                        }
                        entry = g_new0 (MibFileEntry, 1);
                        entry->path = path;
                        entry->name = path + strlen (path) - strlen (name);
                        entry->dir = i;
                        entry->size = (guint64) st.st_size;
                        entry->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                                          st.st_mtim.tv_nsec;
                        entry->inode = (guint64) st.st_ino;
                        n_files++;
                        if (cache == NULL || !gsnmp_mib_cache_lookup (cache, entry)) {
                                /* A regular file only: opening a FIFO would block */
                                if (S_ISREG (st.st_mode))
                                        entry->module = probe_module_name (path);
                                mib->cache_dirty = TRUE;
                        }
                        g_ptr_array_add (mib->files, entry);
                        if (entry->module != NULL && !g_hash_table_contains (mib->paths, entry->module))
                                g_hash_table_insert (mib->paths, entry->module, entry);
                }
                if (cache != NULL && gsnmp_mib_cache_count_files (cache, i) != n_files)
                        mib->cache_dirty = TRUE;
        }
        mib->indexed = TRUE;
}

/* After loading: the parse buffer goes, and the cache is written when the
 * index or a module changed since it was read. */
static void
finish_loading (GsnmpMib *mib)
{
        g_autoptr(GError) error = NULL;
        g_autofree char *cache_dir = NULL;

        g_clear_pointer (&mib->buf, g_free);
        mib->buf_size = 0;
        if (!mib->cache_dirty || mib->cache_path == NULL || !mib->indexed)
                return;
        mib->cache_dirty = FALSE;
        if (!gsnmp_mib_cache_write (mib->cache_path, (const char * const *) mib->cache_dirs->pdata,
                                    mib->cache_dirs->len, mib->files, &error)) {
                g_debug ("Not writing the MIB cache: %s", error->message);
                return;
        }
        cache_dir = g_path_get_dirname (mib->cache_path);
        gsnmp_mib_cache_prune (cache_dir);
}

static gboolean
module_prefers (MibModule *new_module,
                MibModule *old_module)
{
        if (old_module == NULL)
                return TRUE;
        if (old_module->smiv2 && !new_module->smiv2)
                return FALSE;
        return TRUE;
}

/* The node a label names, as seen from @module: its own definitions, what
 * it imports, then any loaded module. */
static MibNode *
resolve_label (GsnmpMib   *mib,
               MibModule  *module,
               const char *label)
{
        MibDef *def;
        const char *from;

        def = g_hash_table_lookup (module->labels, label);
        if (def != NULL)
                return def->node;
        from = g_hash_table_lookup (module->imports, label);
        if (from != NULL) {
                MibModule *other = g_hash_table_lookup (mib->modules, from);

                if (other != NULL) {
                        def = g_hash_table_lookup (other->labels, label);
                        if (def != NULL && def->node != NULL)
                                return def->node;
                }
        }
        return g_hash_table_lookup (mib->labels, label);
}

static void
set_label (GsnmpMib   *mib,
           MibNode    *node,
           const char *label,
           MibModule  *module,
           MibDef     *def)
{
        MibNode *old;

        if (node->label == NULL || module_prefers (module, node->module)) {
                if (def != NULL || node->def == NULL) {
                        node->label = label;
                        node->module = module;
                        if (def != NULL)
                                node->def = def;
                }
        }
        old = g_hash_table_lookup (mib->labels, label);
        if (old == NULL || old == node ||
            (old->module != NULL && module_prefers (module, old->module)))
                g_hash_table_insert (mib->labels, (gpointer) label, node);
}

static void
attach_def (GsnmpMib *mib,
            MibNode  *parent,
            MibDef   *def)
{
        MibNode *node = parent;
        guint i;

        for (i = 0; i < def->n_comps; i++) {
                MibNode *child = gsnmp_mib_node_child (node, def->comps[i].subid);

                if (child == NULL)
                        child = node_new (mib, node, def->comps[i].subid);
                node = child;
                if (i + 1 < def->n_comps && def->comps[i].label != NULL)
                        set_label (mib, node, def->comps[i].label, def->module, NULL);
        }
        def->node = node;
        set_label (mib, node, def->label, def->module, def);
        if (node->first_module == NULL) {
                node->first_module = def->module;
        } else if (node->first_module != def->module) {
                if (node->more_modules == NULL)
                        node->more_modules = g_ptr_array_new ();
                if (!g_ptr_array_find (node->more_modules, def->module, NULL))
                        g_ptr_array_add (node->more_modules, def->module);
        }
}

static gboolean
lookup_type (GsnmpMib    *mib,
             MibModule   *module,
             const char  *name,
             MibType    **type,
             MibModule  **where)
{
        const char *from;
        guint i;

        *type = g_hash_table_lookup (module->types, name);
        if (*type != NULL) {
                *where = module;
                return TRUE;
        }
        from = g_hash_table_lookup (module->imports, name);
        if (from != NULL) {
                MibModule *other = g_hash_table_lookup (mib->modules, from);

                if (other != NULL && (*type = g_hash_table_lookup (other->types, name)) != NULL) {
                        *where = other;
                        return TRUE;
                }
        }
        for (i = mib->module_order->len; i > 0; i--) {
                MibModule *other = mib->module_order->pdata[i - 1];

                if ((*type = g_hash_table_lookup (other->types, name)) != NULL) {
                        *where = other;
                        return TRUE;
                }
        }
        return FALSE;
}

static void
resolve_syntax (GsnmpMib *mib,
                MibDef   *def)
{
        MibType *type = def->syntax;
        MibModule *module = def->module;
        guint depth;

        def->type = MIB_TYPE_OTHER;
        def->fixed_size = -1;
        if (type == NULL)
                return;
        def->type_name = type->ref;
        def->enums = type->enums;
        def->ranges = type->ranges;
        def->hint = type->hint;
        def->fixed_size = type->fixed_size;
        for (depth = 0; depth < 32; depth++) {
                MibType *next;
                MibModule *where;

                if (type->ref == NULL) {
                        def->type = type->base;
                        return;
                }
                if (!lookup_type (mib, module, type->ref, &next, &where))
                        return;
                if (depth == 0)
                        def->has_tc = TRUE;
                if (def->ranges == NULL)
                        def->ranges = next->ranges;
                if (def->hint == NULL)
                        def->hint = next->hint;
                if (def->enums == NULL)
                        def->enums = next->enums;
                if (def->fixed_size < 0 && !def->syntax->has_size)
                        def->fixed_size = next->fixed_size;
                type = next;
                module = where;
        }
}

static gboolean load_module_locked (GsnmpMib    *mib,
                                    const char  *name,
                                    GError     **error);
static gboolean load_all_locked    (GsnmpMib    *mib,
                                    GError     **error);

/* Links a parsed module into the tree: its imports first. */
static gboolean
link_module (GsnmpMib   *mib,
             MibModule  *module,
             GError    **error)
{
        g_autoptr(GPtrArray) pending = g_ptr_array_new ();
        GError *first_error = NULL;
        guint i;

        for (i = 0; i < module->import_modules->len; i++) {
                const char *from = module->import_modules->pdata[i];
                MibModule *other = g_hash_table_lookup (mib->modules, from);
                GError *local = NULL;

                /* Macros and the SMI's types come from these, nothing to link */
                if (g_str_equal (from, "RFC-1212") || g_str_equal (from, "RFC-1215"))
                        continue;
                if (other != NULL && other->state == MIB_MODULE_LOADING) {
                        if (first_error == NULL)
                                g_set_error (&first_error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNRESOLVED,
                                             _("Module %s imports from %s, which imports from %s in turn (an import cycle)"),
                                             module->name, from, module->name);
                        continue;
                }
                if (!load_module_locked (mib, from, &local)) {
                        if (first_error == NULL)
                                g_set_error (&first_error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNRESOLVED,
                                             _("Module %s imports from %s: %s"),
                                             module->name, from, local->message);
                        g_error_free (local);
                }
        }

        for (i = 0; i < module->defs->len; i++)
                g_ptr_array_add (pending, module->defs->pdata[i]);
        while (pending->len > 0) {
                gboolean progress = FALSE;
                guint j = 0;

                for (i = 0; i < pending->len; i++) {
                        MibDef *def = pending->pdata[i];
                        MibNode *parent = resolve_label (mib, module, def->parent);

                        if (parent != NULL) {
                                attach_def (mib, parent, def);
                                progress = TRUE;
                        } else {
                                pending->pdata[j++] = def;
                        }
                }
                g_ptr_array_set_size (pending, j);
                if (!progress)
                        break;
        }
        if (pending->len > 0 && first_error == NULL) {
                MibDef *def = pending->pdata[0];

                g_set_error (&first_error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNRESOLVED,
                             _("%s:%u: %s is defined below %s, which is not defined or imported"),
                             module->path != NULL ? module->path : module->name,
                             def->line, def->label, def->parent);
        }

        for (i = 0; i < module->defs->len; i++)
                resolve_syntax (mib, module->defs->pdata[i]);

        if (first_error != NULL) {
                g_propagate_error (error, first_error);
                return FALSE;
        }
        return TRUE;
}

/* Reads @path into the store's one parse buffer (a module's text is not
 * kept: its descriptions are read again when asked for). */
static gboolean
read_file (GsnmpMib    *mib,
           const char  *path,
           gsize       *length,
           GError     **error)
{
        FILE *f = fopen (path, "rb");
        gsize n = 0;

        if (f == NULL) {
                g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (errno), g_strerror (errno));
                return FALSE;
        }
        for (;;) {
                gsize got;

                if (mib->buf_size - n < 65536) {
                        mib->buf_size = MAX (mib->buf_size * 2, 262144);
                        mib->buf = g_realloc (mib->buf, mib->buf_size);
                }
                got = fread (mib->buf + n, 1, mib->buf_size - n, f);
                n += got;
                if (got == 0)
                        break;
        }
        if (ferror (f)) {
                g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_IO, _("read error"));
                fclose (f);
                return FALSE;
        }
        fclose (f);
        *length = n;
        return TRUE;
}

static gboolean
load_module_locked (GsnmpMib    *mib,
                    const char  *name,
                    GError     **error)
{
        MibModule *module = g_hash_table_lookup (mib->modules, name);
        MibFileEntry *entry;
        gsize length;
        GError *local = NULL;

        if (module != NULL)
                return TRUE;

        index_directories (mib);
        entry = g_hash_table_lookup (mib->paths, name);
        if (entry == NULL) {
                g_set_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_MODULE_NOT_FOUND,
                             _("Cannot find module (%s)"), name);
                return FALSE;
        }
        if (entry->blob != NULL)
                module = gsnmp_mib_cache_decode_module (entry->blob, entry->blob_length, entry->path);
        if (module == NULL) {
                if (!read_file (mib, entry->path, &length, &local)) {
                        g_set_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_MODULE_NOT_FOUND,
                                     _("Cannot read module %s: %s"), name, local->message);
                        g_error_free (local);
                        return FALSE;
                }
                module = gsnmp_mib_module_parse (name, entry->path, mib->buf, length, &local);
                if (module == NULL) {
                        g_set_error_literal (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_SYNTAX, local->message);
                        g_error_free (local);
                        return FALSE;
                }
                mib->cache_dirty = TRUE;
        }
        entry->loaded = module;
        /* The index names the module by its file's first module name */
        g_free (module->name);
        module->name = g_strdup (name);
        module->state = MIB_MODULE_LOADING;
        module->load_order = mib->load_counter++;
        if (g_str_equal (name, "SNMPv2-SMI") || g_str_equal (name, "SNMPv2-TC") ||
            g_str_equal (name, "SNMPv2-CONF"))
                module->smiv2 = TRUE;
        g_hash_table_insert (mib->modules, module->name, module);
        g_ptr_array_add (mib->module_order, module);

        if (!link_module (mib, module, error)) {
                module->state = MIB_MODULE_LOADED;
                return FALSE;
        }
        module->state = MIB_MODULE_LOADED;
        return TRUE;
}

/* Parses and links a module from memory (the fuzz target's way in): its
 * imports load from the search path. */
gboolean
gsnmp_mib_load_text (GsnmpMib    *mib,
                     const char  *text,
                     gsize        length,
                     GError     **error)
{
        MibModule *module;
        gboolean ok;
        char *copy = g_strndup (text, length);

        module = gsnmp_mib_module_parse ("(text)", NULL, copy, length, error);
        if (module == NULL) {
                g_free (copy);
                return FALSE;
        }
        module->owned_text = copy;
        g_rw_lock_writer_lock (&mib->lock);
        if (g_hash_table_contains (mib->modules, module->name)) {
                g_rw_lock_writer_unlock (&mib->lock);
                gsnmp_mib_module_free (module);
                return TRUE;
        }
        module->state = MIB_MODULE_LOADING;
        module->load_order = mib->load_counter++;
        g_hash_table_insert (mib->modules, module->name, module);
        g_ptr_array_add (mib->module_order, module);
        ok = link_module (mib, module, error);
        module->state = MIB_MODULE_LOADED;
        g_rw_lock_writer_unlock (&mib->lock);
        return ok;
}

/**
 * gsnmp_mib_load_module:
 * @mib: a store
 * @name: a module name, such as `IF-MIB`
 *
 * Loads the module @name and the modules it imports from, from the first
 * folder of the search path that has it.  Loading a module twice does
 * nothing.
 *
 * When an imported module is missing, imports in a cycle or a definition's
 * parent is defined nowhere, what could be linked stays loaded and the
 * function fails with %GSNMP_MIB_ERROR_UNRESOLVED.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 0.1
 */
gboolean
gsnmp_mib_load_module (GsnmpMib    *mib,
                       const char  *name,
                       GError     **error)
{
        gboolean ok;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), FALSE);
        g_return_val_if_fail (name != NULL, FALSE);
        g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

        if (g_str_equal (name, "ALL"))
                return gsnmp_mib_load_all (mib, error);

        g_rw_lock_writer_lock (&mib->lock);
        ok = load_module_locked (mib, name, error);
        finish_loading (mib);
        g_rw_lock_writer_unlock (&mib->lock);
        return ok;
}

/**
 * gsnmp_mib_load_modules:
 * @mib: a store
 * @list: module names separated by `:` (as Net-SNMP's `-m` option and `MIBS`
 *   variable take them); `ALL` stands for every module of the search path;
 *   a leading `+` is accepted (the modules add to what is loaded, which is
 *   what loading always does)
 *
 * Loads every module of @list, going on after a failure.
 *
 * Returns: %TRUE on success, %FALSE with @error set to the first failure
 *
 * Since: 0.1
 */
gboolean
gsnmp_mib_load_modules (GsnmpMib    *mib,
                        const char  *list,
                        GError     **error)
{
        g_auto(GStrv) names = NULL;
        GError *first = NULL;
        guint i;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), FALSE);
        g_return_val_if_fail (list != NULL, FALSE);

        if (list[0] == '+')
                list++;
        names = g_strsplit (list, ":", -1);
        /* One lock, and one cache update at the end */
        g_rw_lock_writer_lock (&mib->lock);
        for (i = 0; names[i] != NULL; i++) {
                GError *local = NULL;
                gboolean ok;

                if (names[i][0] == '\0')
                        continue;
                if (g_str_equal (names[i], "ALL"))
                        ok = load_all_locked (mib, &local);
                else
                        ok = load_module_locked (mib, names[i], &local);
                if (!ok) {
                        if (first == NULL)
                                first = local;
                        else
                                g_error_free (local);
                }
        }
        finish_loading (mib);
        g_rw_lock_writer_unlock (&mib->lock);
        if (first != NULL) {
                g_propagate_error (error, first);
                return FALSE;
        }
        return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
        return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gsnmp_mib_load_all:
 * @mib: a store
 *
 * Loads every module in the search path, as Net-SNMP's `-m ALL` does (in
 * the order of their names).
 *
 * Returns: %TRUE on success, %FALSE with @error set to the first failure
 *   (the other modules load all the same)
 *
 * Since: 0.1
 */
gboolean
gsnmp_mib_load_all (GsnmpMib  *mib,
                    GError   **error)
{
        gboolean ok;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), FALSE);

        g_rw_lock_writer_lock (&mib->lock);
        ok = load_all_locked (mib, error);
        finish_loading (mib);
        g_rw_lock_writer_unlock (&mib->lock);
        return ok;
}

static gboolean
load_all_locked (GsnmpMib  *mib,
                 GError   **error)
{
        g_autofree gpointer *names = NULL;
        GError *first = NULL;
        guint n, i;

        index_directories (mib);
        names = g_hash_table_get_keys_as_array (mib->paths, &n);
        qsort (names, n, sizeof (gpointer), compare_names);
        for (i = 0; i < n; i++) {
                GError *local = NULL;

                if (!load_module_locked (mib, names[i], &local)) {
                        if (first == NULL)
                                first = local;
                        else
                                g_error_free (local);
                }
        }
        if (first != NULL) {
                g_propagate_error (error, first);
                return FALSE;
        }
        return TRUE;
}

/**
 * gsnmp_mib_get_modules:
 * @mib: a store
 *
 * The names of the loaded modules, in the order they loaded.
 *
 * Returns: (transfer full) (array zero-terminated=1): the names
 *
 * Since: 0.1
 */
char **
gsnmp_mib_get_modules (GsnmpMib *mib)
{
        GStrvBuilder *builder;
        char **result;
        guint i;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), NULL);

        builder = g_strv_builder_new ();
        g_rw_lock_reader_lock (&mib->lock);
        for (i = 0; i < mib->module_order->len; i++)
                g_strv_builder_add (builder, ((MibModule *) mib->module_order->pdata[i])->name);
        g_rw_lock_reader_unlock (&mib->lock);
        result = g_strv_builder_end (builder);
        g_strv_builder_unref (builder);
        return result;
}

static GsnmpMib *default_mib;
static gsize default_once;

/**
 * gsnmp_mib_get_default:
 *
 * The process-wide store.  On first use it takes its search path from the
 * `MIBDIRS` environment variable (Net-SNMP's syntax: a leading `+` adds to
 * the bundled folder) or the bundled folder, and loads the modules the
 * `MIBS` variable names, or all of them.  Errors in modules are logged with
 * g_debug() and skipped.
 *
 * Returns: (transfer none): the default store
 *
 * Since: 0.1
 */
GsnmpMib *
gsnmp_mib_get_default (void)
{
        if (g_once_init_enter (&default_once)) {
                GsnmpMib *mib = gsnmp_mib_new ();
                const char *dirs = g_getenv ("MIBDIRS");
                const char *mods = g_getenv ("MIBS");
                g_autoptr(GError) error = NULL;

                if (dirs != NULL && *dirs != '\0')
                        gsnmp_mib_set_search_path (mib, dirs);
                if (mods != NULL && *mods != '\0' && mods[0] != '+')
                        gsnmp_mib_load_modules (mib, mods, &error);
                else
                        gsnmp_mib_load_all (mib, &error);
                if (error != NULL)
                        g_debug ("Loading the default MIB modules: %s", error->message);
                default_mib = mib;
                g_once_init_leave (&default_once, 1);
        }
        return default_mib;
}

/*****************************************************************************/
/* Internals shared with gsnmp-mib-format.c and gsnmp-mib-object.c */

/* Where @mib keeps its cache (the tests' way to point it at a folder of
 * their own); NULL turns caching off for @mib. */
void
gsnmp_mib_set_cache_directory (GsnmpMib   *mib,
                               const char *dir)
{
        g_rw_lock_writer_lock (&mib->lock);
        g_free (mib->cache_dir);
        mib->cache_dir = g_strdup (dir);
        mib->cache_disabled = dir == NULL;
        mib->indexed = FALSE;
        g_rw_lock_writer_unlock (&mib->lock);
}

void
gsnmp_mib_read_lock (GsnmpMib *mib)
{
        g_rw_lock_reader_lock (&mib->lock);
}

void
gsnmp_mib_read_unlock (GsnmpMib *mib)
{
        g_rw_lock_reader_unlock (&mib->lock);
}

MibNode *
gsnmp_mib_root (GsnmpMib *mib)
{
        return &mib->root;
}

/* The deepest node on @ids' path; *n_matched says how many sub-identifiers
 * it covers.  NULL if not even the first matches. */
MibNode *
gsnmp_mib_find_node (GsnmpMib      *mib,
                     const guint32 *ids,
                     gsize          n_ids,
                     gsize         *n_matched)
{
        MibNode *node = &mib->root, *found = NULL;
        gsize i;

        for (i = 0; i < n_ids; i++) {
                MibNode *child = gsnmp_mib_node_child (node, ids[i]);

                if (child == NULL)
                        break;
                node = found = child;
        }
        *n_matched = i;
        return found;
}

/* A label, in @module (loaded) or, with @module NULL, anywhere. */
MibNode *
gsnmp_mib_find_label (GsnmpMib   *mib,
                      const char *module,
                      const char *label)
{
        MibModule *m;
        MibDef *def;

        if (module == NULL)
                return g_hash_table_lookup (mib->labels, label);
        m = g_hash_table_lookup (mib->modules, module);
        if (m == NULL)
                return NULL;
        def = g_hash_table_lookup (m->labels, label);
        return def != NULL ? def->node : NULL;
}

gsize
gsnmp_mib_node_oid (MibNode *node,
                    guint32 *ids)
{
        MibNode *n;
        gsize len = 0, i;

        for (n = node; n != NULL && n->parent != NULL; n = n->parent)
                len++;
        i = len;
        for (n = node; n != NULL && n->parent != NULL; n = n->parent)
                ids[--i] = n->subid;
        return len;
}

/* Loads a module on demand (MODULE::name with a module not loaded yet),
 * as Net-SNMP's get_module_node() does; called without the lock. */
gboolean
gsnmp_mib_ensure_module (GsnmpMib   *mib,
                         const char *module)
{
        gboolean loaded;

        g_rw_lock_reader_lock (&mib->lock);
        loaded = g_hash_table_contains (mib->modules, module);
        g_rw_lock_reader_unlock (&mib->lock);
        if (loaded)
                return TRUE;
        g_rw_lock_writer_lock (&mib->lock);
        load_module_locked (mib, module, NULL);
        finish_loading (mib);
        loaded = g_hash_table_contains (mib->modules, module);
        g_rw_lock_writer_unlock (&mib->lock);
        return loaded;
}
