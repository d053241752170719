/* gsnmp-mib-cache.c - the compiled cache of parsed MIB modules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Parsing every bundled module is most of the cost of starting a tool that
 * names OIDs.  The store keeps, per search path, one cache file holding
 * what the parser made of each module file, so the next process links the
 * modules without lexing them again:
 *
 *   $XDG_CACHE_HOME/gsnmp/mibs-<hash of the search path>.cache
 *
 * A file's entry is used only when the file's name, size, modification time
 * (in nanoseconds) and inode are those recorded; anything else (a changed,
 * added or removed module) is read from the module file again and the
 * cache is rewritten (to a temporary file renamed over the old one, so a
 * reader never sees half a file).  The cache file holds the search path and
 * the library it was made for (version, and the size and time of the
 * library's file, so a rebuilt parser never reads an old cache), its length and a checksum; every
 * count, length and enumeration it holds is checked while it is decoded,
 * and a cache that fails any check is ignored, never trusted.  What is
 * decoded points into the cache's buffer, which the store keeps as long as
 * it lives.
 *
 * Layout (host byte order; strings are a 32-bit length, or 0xffffffff for
 * none, the bytes, a NUL, padding to 4 bytes):
 *
 *   header:  "GSNMPMIB", u32 format, u32 byte-order mark, u64 payload
 *            length, u64 payload checksum
 *   payload: str library version, u32 n_dirs, str dirs…,
 *            u32 n_files, files…  (u32 dir, str name, u64 size,
 *                                  i64 mtime ns, u64 inode, str module,
 *                                  u32 blob offset, u32 blob length)
 *            module blobs (offsets from the payload's start)
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "gsnmp-mib-private.h"

#define CACHE_MAGIC      "GSNMPMIB"
#define CACHE_FORMAT     2
#define CACHE_BOM        0x01020304u
#define CACHE_HEADER     32
#define MODULE_MAGIC     0x4c444f4du    /* "MODL" */
#define NONE             0xffffffffu
#define MAX_COMPS        128

struct _MibCache {
        guint8     *data;               /* the whole file */
        gboolean    mapped;             /* data is an anonymous mapping, else g_malloc()ed */
        gsize       length;
        const guint8 *payload;
        gsize       payload_length;
        guint       n_dirs;
        GHashTable *files;              /* "dir\nname" → MibCacheFile */
        guint      *dir_counts;         /* files per folder */
};

typedef struct {
        guint64       size;
        gint64        mtime_ns;
        guint64       inode;
        const char   *module;
        const guint8 *blob;
        gsize         blob_length;
} MibCacheFile;

/*****************************************************************************/
/* Reading, bounded */

typedef struct {
        const guint8 *p;
        const guint8 *end;
        gboolean      ok;
} Reader;

static guint32
rd_u32 (Reader *r)
{
        guint32 v;

        if (!r->ok || r->end - r->p < 4) {
                r->ok = FALSE;
                return 0;
        }
        memcpy (&v, r->p, 4);
        r->p += 4;
        return v;
}

static guint64
rd_u64 (Reader *r)
{
        guint64 v;

        if (!r->ok || r->end - r->p < 8) {
                r->ok = FALSE;
                return 0;
        }
        memcpy (&v, r->p, 8);
        r->p += 8;
        return v;
}

/* A string (NULL for none); with @required, none is an error. */
static const char *
rd_str (Reader   *r,
        gboolean  required)
{
        guint32 len = rd_u32 (r);
        const char *s;
        gsize padded;

        if (!r->ok)
                return NULL;
        if (len == NONE) {
                if (required)
                        r->ok = FALSE;
                return NULL;
        }
        padded = ((gsize) len + 1 + 3) & ~(gsize) 3;
        if ((gsize) (r->end - r->p) < padded || r->p[len] != '\0') {
                r->ok = FALSE;
                return NULL;
        }
        s = (const char *) r->p;
        r->p += padded;
        return s;
}

/* A count of items of at least @min_size bytes each, or NONE */
static guint32
rd_count (Reader *r,
          gsize   min_size,
          gboolean nullable)
{
        guint32 n = rd_u32 (r);

        if (!r->ok)
                return 0;
        if (n == NONE) {
                if (!nullable)
                        r->ok = FALSE;
                return NONE;
        }
        if ((gsize) n > (gsize) (r->end - r->p) / min_size)
                r->ok = FALSE;
        return r->ok ? n : 0;
}

/*****************************************************************************/
/* Writing */

static void
wr_u32 (GByteArray *out,
        guint32     v)
{
        g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
wr_u64 (GByteArray *out,
        guint64     v)
{
        g_byte_array_append (out, (const guint8 *) &v, 8);
}

static void
wr_str (GByteArray *out,
        const char *s)
{
        static const guint8 zeros[4];
        gsize len;

        if (s == NULL) {
                wr_u32 (out, NONE);
                return;
        }
        len = strlen (s);
        wr_u32 (out, (guint32) len);
        g_byte_array_append (out, (const guint8 *) s, len);
        g_byte_array_append (out, zeros, 4 - (len & 3));
}

static guint64
checksum (const guint8 *p,
          gsize         n)
{
        guint64 h = 0xcbf29ce484222325ull ^ n;
        gsize i;

        for (i = 0; i + 8 <= n; i += 8) {
                guint64 w;

                memcpy (&w, p + i, 8);
                h = (h ^ w) * 0x100000001b3ull;
                h ^= h >> 29;
        }
        for (; i < n; i++)
                h = (h ^ p[i]) * 0x100000001b3ull;
        return h;
}

/*****************************************************************************/
/* Modules */

static void
encode_type (GByteArray *out,
             MibType    *type)
{
        guint i;

        wr_u32 (out, type->base);
        wr_str (out, type->ref);
        wr_str (out, type->hint);
        wr_u32 (out, (guint32) type->fixed_size);
        wr_u32 (out, type->has_size);
        if (type->enums == NULL) {
                wr_u32 (out, NONE);
        } else {
                wr_u32 (out, type->enums->len);
                for (i = 0; i < type->enums->len; i++) {
                        MibEnum *e = &g_array_index (type->enums, MibEnum, i);

                        wr_u64 (out, (guint64) e->value);
                        wr_str (out, e->label);
                }
        }
        if (type->ranges == NULL) {
                wr_u32 (out, NONE);
        } else {
                wr_u32 (out, type->ranges->len);
                for (i = 0; i < type->ranges->len; i++) {
                        MibRange *range = &g_array_index (type->ranges, MibRange, i);

                        wr_u64 (out, (guint64) range->low);
                        wr_u64 (out, (guint64) range->high);
                }
        }
}

static void
encode_list (GByteArray  *out,
             const char **list)
{
        guint n;

        if (list == NULL) {
                wr_u32 (out, NONE);
                return;
        }
        n = g_strv_length ((char **) list);
        wr_u32 (out, n);
        for (guint i = 0; i < n; i++)
                wr_str (out, list[i]);
}

static void
encode_module (GByteArray *out,
               MibModule  *module)
{
        GHashTableIter iter;
        gpointer key, value;
        guint i, n_comps;

        wr_u32 (out, MODULE_MAGIC);
        wr_str (out, module->name);
        wr_u32 (out, module->smiv2);
        wr_u32 (out, module->import_modules->len);
        for (i = 0; i < module->import_modules->len; i++)
                wr_str (out, module->import_modules->pdata[i]);
        wr_u32 (out, g_hash_table_size (module->imports));
        g_hash_table_iter_init (&iter, module->imports);
        while (g_hash_table_iter_next (&iter, &key, &value)) {
                wr_str (out, key);
                wr_str (out, value);
        }
        wr_u32 (out, g_hash_table_size (module->types));
        g_hash_table_iter_init (&iter, module->types);
        while (g_hash_table_iter_next (&iter, &key, &value)) {
                wr_str (out, key);
                encode_type (out, value);
        }
        wr_u32 (out, module->defs->len);
        n_comps = 0;
        for (i = 0; i < module->defs->len; i++)
                n_comps += ((MibDef *) module->defs->pdata[i])->n_comps;
        wr_u32 (out, n_comps);
        for (i = 0; i < module->defs->len; i++) {
                MibDef *def = module->defs->pdata[i];

                wr_str (out, def->label);
                wr_u32 (out, def->kind);
                wr_u32 (out, def->line);
                wr_str (out, def->parent);
                wr_u32 (out, def->n_comps);
                for (guint c = 0; c < def->n_comps; c++) {
                        wr_str (out, def->comps[c].label);
                        wr_u32 (out, def->comps[c].subid);
                }
                wr_u32 (out, def->syntax != NULL);
                if (def->syntax != NULL)
                        encode_type (out, def->syntax);
                wr_str (out, def->units);
                wr_str (out, def->access);
                wr_str (out, def->status);
                wr_u32 (out, def->has_description);
                wr_u64 (out, def->description_offset);
                wr_u64 (out, def->description_len);
                encode_list (out, def->index);
                wr_u32 (out, def->implied);
                wr_str (out, def->augments);
                encode_list (out, def->objects);
                wr_str (out, def->defval);
        }
}

static MibType *
decode_type (Reader *r)
{
        MibType *type = g_new0 (MibType, 1);
        guint32 n, i;

        type->base = rd_u32 (r);
        type->ref = rd_str (r, FALSE);
        type->hint = rd_str (r, FALSE);
        type->fixed_size = (gint32) rd_u32 (r);
        type->has_size = rd_u32 (r) != 0;
        if (type->base > MIB_TYPE_INTEGER32 || type->fixed_size < -1)
                r->ok = FALSE;
        n = rd_count (r, 12, TRUE);
        if (r->ok && n != NONE) {
                type->enums = g_array_sized_new (FALSE, FALSE, sizeof (MibEnum), n);
                for (i = 0; i < n && r->ok; i++) {
                        MibEnum e;

                        e.value = (gint64) rd_u64 (r);
                        e.label = rd_str (r, TRUE);
                        g_array_append_val (type->enums, e);
                }
        }
        n = rd_count (r, 16, TRUE);
        if (r->ok && n != NONE) {
                type->ranges = g_array_sized_new (FALSE, FALSE, sizeof (MibRange), n);
                for (i = 0; i < n && r->ok; i++) {
                        MibRange range;

                        range.low = (gint64) rd_u64 (r);
                        range.high = (gint64) rd_u64 (r);
                        g_array_append_val (type->ranges, range);
                }
        }
        return type;
}

static const char **
decode_list (Reader *r)
{
        guint32 n = rd_count (r, 4, TRUE), i;
        const char **list;

        if (!r->ok || n == NONE)
                return NULL;
        list = g_new0 (const char *, n + 1);
        for (i = 0; i < n && r->ok; i++)
                list[i] = rd_str (r, TRUE);
        return list;
}

/* A definition from a cache: the definition and its components are in
 * the module's block */
static void
cached_def_free (gpointer data)
{
        MibDef *def = data;

        if (def->syntax != NULL)
                gsnmp_mib_type_free (def->syntax);
        g_free (def->index);
        g_free (def->objects);
}

/* A module from its blob, or NULL when the blob does not hold one. */
MibModule *
gsnmp_mib_cache_decode_module (const guint8 *blob,
                               gsize         length,
                               const char   *path)
{
        Reader r = { blob, blob + length, TRUE };
        MibModule *module;
        const char *name;
        guint32 n, i, n_comps, used_comps = 0;
        MibDef *defs;
        MibComp *comps;

        if (rd_u32 (&r) != MODULE_MAGIC)
                return NULL;
        name = rd_str (&r, TRUE);
        if (!r.ok)
                return NULL;
        module = gsnmp_mib_module_new (FALSE);
        module->name = g_strdup (name);
        module->path = g_strdup (path);
        module->smiv2 = rd_u32 (&r) != 0;

        n = rd_count (&r, 8, FALSE);
        for (i = 0; i < n && r.ok; i++) {
                const char *from = rd_str (&r, TRUE);

                if (from != NULL)
                        g_ptr_array_add (module->import_modules, (gpointer) from);
        }
        n = rd_count (&r, 16, FALSE);
        for (i = 0; i < n && r.ok; i++) {
                const char *symbol = rd_str (&r, TRUE);
                const char *from = rd_str (&r, TRUE);

                if (r.ok)
                        g_hash_table_insert (module->imports, (gpointer) symbol, (gpointer) from);
        }
        n = rd_count (&r, 8, FALSE);
        for (i = 0; i < n && r.ok; i++) {
                const char *type_name = rd_str (&r, TRUE);
                MibType *type = decode_type (&r);

                if (r.ok && !g_hash_table_contains (module->types, type_name))
                        g_hash_table_insert (module->types, (gpointer) type_name, type);
                else
                        gsnmp_mib_type_free (type);
        }
        n = rd_count (&r, 16, FALSE);
        n_comps = rd_count (&r, 8, FALSE);
        if (!r.ok) {
                gsnmp_mib_module_free (module);
                return NULL;
        }
        /* The definitions and their components in one block (never
         * empty, so never NULL) */
        module->block = g_malloc0 (n * sizeof (MibDef) + n_comps * sizeof (MibComp) + 1);
        defs = module->block;
        comps = (MibComp *) (defs + n);
        g_ptr_array_unref (module->defs);
        module->defs = g_ptr_array_new_full (n, cached_def_free);
        for (i = 0; i < n && r.ok; i++) {
                MibDef *def = &defs[i];
                guint32 c;

                def->module = module;
                g_ptr_array_add (module->defs, def);
                def->label = rd_str (&r, TRUE);
                def->kind = rd_u32 (&r);
                def->line = rd_u32 (&r);
                def->parent = rd_str (&r, TRUE);
                c = rd_count (&r, 8, FALSE);
                if (!r.ok || def->kind > MIB_DEF_AGENT_CAPABILITIES || c == 0 || c > MAX_COMPS ||
                    c > n_comps - used_comps) {
                        r.ok = FALSE;
                        break;
                }
                def->n_comps = c;
                def->comps = comps + used_comps;
                used_comps += c;
                for (c = 0; c < def->n_comps; c++) {
                        def->comps[c].label = rd_str (&r, FALSE);
                        def->comps[c].subid = rd_u32 (&r);
                }
                if (rd_u32 (&r) != 0)
                        def->syntax = decode_type (&r);
                def->units = rd_str (&r, FALSE);
                def->access = rd_str (&r, FALSE);
                def->status = rd_str (&r, FALSE);
                def->has_description = rd_u32 (&r) != 0;
                def->description_offset = rd_u64 (&r);
                def->description_len = rd_u64 (&r);
                def->index = decode_list (&r);
                def->implied = rd_u32 (&r) != 0;
                def->augments = rd_str (&r, FALSE);
                def->objects = decode_list (&r);
                def->defval = rd_str (&r, FALSE);
        }
        if (!r.ok || r.p != r.end || used_comps != n_comps) {
                gsnmp_mib_module_free (module);
                return NULL;
        }
        /* The first definition of a label in a module counts: inserted
         * last */
        for (i = n; i > 0; i--)
                g_hash_table_insert (module->labels, (gpointer) defs[i - 1].label, &defs[i - 1]);
        return module;
}

/*****************************************************************************/
/* The cache file */

/* The library that writes and reads caches: its version and the size and
 * modification time of the file holding this code (a rebuilt or upgraded
 * library, whose parser may differ, makes a new cache). */
static const char *
library_identity (void)
{
        static char *identity;
        static gsize once;

        if (g_once_init_enter (&once)) {
                char *id = NULL;
                Dl_info info;
                GStatBuf st;

                if (dladdr ((void *) library_identity, &info) != 0 && info.dli_fname != NULL &&
                    g_stat (info.dli_fname, &st) == 0)
                        id = g_strdup_printf ("%s %d %s %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT ".%09ld",
                                              PACKAGE_VERSION, CACHE_FORMAT, info.dli_fname,
                                              (guint64) st.st_size, (gint64) st.st_mtim.tv_sec,
                                              (long) st.st_mtim.tv_nsec);
                else
                        id = g_strdup_printf ("%s %d", PACKAGE_VERSION, CACHE_FORMAT);
                identity = id;
                g_once_init_leave (&once, 1);
        }
        return identity;
}

static char *
files_key (guint       dir,
           const char *name)
{
        return g_strdup_printf ("%u\n%s", dir, name);
}

void
gsnmp_mib_cache_free (MibCache *cache)
{
        if (cache == NULL)
                return;
        g_clear_pointer (&cache->files, g_hash_table_unref);
        g_free (cache->dir_counts);
        if (cache->mapped)
                munmap (cache->data, cache->length);
        else
                g_free (cache->data);
        g_free (cache);
}

/* Checks @data as a cache file for @dirs; takes @data (an anonymous
 * mapping of @length bytes if @mapped, else from g_malloc()).  With @dirs NULL
 * (the fuzz target's way in), neither the checksum nor the library and
 * folders it was written for are checked. */
MibCache *
gsnmp_mib_cache_new_from_data (guint8              *data,
                               gsize                length,
                               gboolean             mapped,
                               const char * const  *dirs,
                               guint                n_dirs)
{
        const char *identity;
        MibCache *cache = g_new0 (MibCache, 1);
        guint32 format, bom, n, i;
        guint64 payload_length, sum;
        Reader r;

        cache->data = data;
        cache->length = length;
        cache->mapped = mapped;
        cache->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        if (length < CACHE_HEADER || memcmp (data, CACHE_MAGIC, 8) != 0)
                goto invalid;
        memcpy (&format, data + 8, 4);
        memcpy (&bom, data + 12, 4);
        memcpy (&payload_length, data + 16, 8);
        memcpy (&sum, data + 24, 8);
        if (format != CACHE_FORMAT || bom != CACHE_BOM || payload_length != length - CACHE_HEADER)
                goto invalid;
        cache->payload = data + CACHE_HEADER;
        cache->payload_length = payload_length;
        if (dirs != NULL && checksum (cache->payload, cache->payload_length) != sum)
                goto invalid;

        r.p = cache->payload;
        r.end = cache->payload + cache->payload_length;
        r.ok = TRUE;
        identity = rd_str (&r, TRUE);
        if (!r.ok || (dirs != NULL && g_strcmp0 (identity, library_identity ()) != 0))
                goto invalid;
        n = rd_count (&r, 4, FALSE);
        if (!r.ok || (dirs != NULL && n != n_dirs))
                goto invalid;
        cache->n_dirs = n;
        cache->dir_counts = g_new0 (guint, n + 1);
        for (i = 0; i < n; i++) {
                const char *dir = rd_str (&r, TRUE);

                if (!r.ok || (dirs != NULL && g_strcmp0 (dir, dirs[i]) != 0))
                        goto invalid;
        }
        n = rd_count (&r, 44, FALSE);
        for (i = 0; i < n && r.ok; i++) {
                MibCacheFile *file = g_new0 (MibCacheFile, 1);
                guint32 dir = rd_u32 (&r), offset, blob_length;
                const char *name = rd_str (&r, TRUE);

                file->size = rd_u64 (&r);
                file->mtime_ns = (gint64) rd_u64 (&r);
                file->inode = rd_u64 (&r);
                file->module = rd_str (&r, FALSE);
                offset = rd_u32 (&r);
                blob_length = rd_u32 (&r);
                if (!r.ok || dir >= cache->n_dirs || offset > cache->payload_length ||
                    blob_length > cache->payload_length - offset) {
                        g_free (file);
                        goto invalid;
                }
                if (blob_length > 0) {
                        file->blob = cache->payload + offset;
                        file->blob_length = blob_length;
                }
                cache->dir_counts[dir]++;
                g_hash_table_insert (cache->files, files_key (dir, name), file);
        }
        if (!r.ok)
                goto invalid;
        return cache;

invalid:
        gsnmp_mib_cache_free (cache);
        return NULL;
}

/* The cache file for @dirs under @cache_dir */
char *
gsnmp_mib_cache_path (const char         *cache_dir,
                      const char * const *dirs,
                      guint               n_dirs)
{
        g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
        char name[64];

        for (guint i = 0; i < n_dirs; i++)
                g_checksum_update (sum, (const guchar *) dirs[i], strlen (dirs[i]) + 1);
        g_snprintf (name, sizeof name, "mibs-%.16s.cache", g_checksum_get_string (sum));
        return g_build_filename (cache_dir, name, NULL);
}

/* The cache file at @path, if it is one for @dirs */
MibCache *
gsnmp_mib_cache_read (const char         *path,
                      const char * const *dirs,
                      guint               n_dirs)
{
        guint8 *data = NULL;
        gboolean mapped = FALSE;
        gsize length, n = 0;
        struct stat st;
        int fd = open (path, O_RDONLY | O_CLOEXEC);

        if (fd < 0)
                return NULL;
        if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < CACHE_HEADER ||
            (guint64) st.st_size > G_MAXUINT32) {
                close (fd);
                return NULL;
        }
        length = (gsize) st.st_size;
#ifdef MAP_POPULATE
        /* Pages made in one call, not faulted in one by one as read()
         * fills them: most of what reading the cache costs */
        data = mmap (NULL, length, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (data == MAP_FAILED)
                data = NULL;
        else
                mapped = TRUE;
#endif
        if (data == NULL)
                data = g_malloc (length);
        while (n < length) {
                gssize got = read (fd, data + n, length - n);

                if (got < 0 && errno == EINTR)
                        continue;
                if (got <= 0)
                        break;
                n += (gsize) got;
        }
        close (fd);
        if (n != length) {
                /* shorter than it was a moment ago: being replaced */
                if (mapped)
                        munmap (data, length);
                else
                        g_free (data);
                return NULL;
        }
        return gsnmp_mib_cache_new_from_data (data, length, mapped, dirs, n_dirs);
}

/* What the cache knows of file @name in folder @dir, if the file did not
 * change since. */
gboolean
gsnmp_mib_cache_lookup (MibCache      *cache,
                        MibFileEntry  *entry)
{
        g_autofree char *key = files_key (entry->dir, entry->name);
        MibCacheFile *file = g_hash_table_lookup (cache->files, key);

        if (file == NULL || file->size != entry->size || file->mtime_ns != entry->mtime_ns ||
            file->inode != entry->inode)
                return FALSE;
        entry->module = g_strdup (file->module);
        entry->blob = file->blob;
        entry->blob_length = file->blob_length;
        return TRUE;
}

guint
gsnmp_mib_cache_count_files (MibCache *cache,
                             guint     dir)
{
        return dir < cache->n_dirs ? cache->dir_counts[dir] : 0;
}

/* Writes the cache file for @dirs and @files (MibFileEntry) at @path:
 * every loaded module, and the still valid blobs of modules not loaded. */
gboolean
gsnmp_mib_cache_write (const char         *path,
                       const char * const *dirs,
                       guint               n_dirs,
                       GPtrArray          *files,
                       GError            **error)
{
        g_autoptr(GByteArray) out = g_byte_array_sized_new (512 * 1024);
        g_autofree guint *patch = g_new0 (guint, files->len + 1);
        g_autofree char *dir = g_path_get_dirname (path);
        guint32 format = CACHE_FORMAT, bom = CACHE_BOM;
        guint64 payload_length, sum;
        guint i;

        g_byte_array_append (out, (const guint8 *) CACHE_MAGIC, 8);
        g_byte_array_append (out, (const guint8 *) &format, 4);
        g_byte_array_append (out, (const guint8 *) &bom, 4);
        wr_u64 (out, 0);
        wr_u64 (out, 0);
        wr_str (out, library_identity ());
        wr_u32 (out, n_dirs);
        for (i = 0; i < n_dirs; i++)
                wr_str (out, dirs[i]);
        wr_u32 (out, files->len);
        for (i = 0; i < files->len; i++) {
                MibFileEntry *entry = files->pdata[i];

                wr_u32 (out, entry->dir);
                wr_str (out, entry->name);
                wr_u64 (out, entry->size);
                wr_u64 (out, (guint64) entry->mtime_ns);
                wr_u64 (out, entry->inode);
                wr_str (out, entry->module);
                patch[i] = out->len;
                wr_u32 (out, 0);
                wr_u32 (out, 0);
        }
        for (i = 0; i < files->len; i++) {
                MibFileEntry *entry = files->pdata[i];
                guint32 offset = out->len - CACHE_HEADER, length;

                if (entry->loaded != NULL)
                        encode_module (out, entry->loaded);
                else if (entry->blob != NULL)
                        g_byte_array_append (out, entry->blob, entry->blob_length);
                length = out->len - CACHE_HEADER - offset;
                if (length == 0)
                        offset = 0;
                memcpy (out->data + patch[i], &offset, 4);
                memcpy (out->data + patch[i] + 4, &length, 4);
        }
        payload_length = out->len - CACHE_HEADER;
        sum = checksum (out->data + CACHE_HEADER, payload_length);
        memcpy (out->data + 16, &payload_length, 8);
        memcpy (out->data + 24, &sum, 8);

        if (g_mkdir_with_parents (dir, 0700) != 0) {
                int saved = errno;

                g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                             "%s: %s", dir, g_strerror (saved));
                return FALSE;
        }
        return g_file_set_contents_full (path, (const char *) out->data, out->len,
                                         G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* Decodes @data as a cache file and every module it holds, whatever the
 * checksum and the folders (the fuzz target and the tests); returns the
 * number of modules decoded. */
guint
gsnmp_mib_cache_exercise (const guint8 *data,
                          gsize         length)
{
        MibCache *cache = gsnmp_mib_cache_new_from_data (g_memdup2 (data, length), length, FALSE, NULL, 0);
        GHashTableIter iter;
        gpointer value;
        guint n = 0;

        if (cache == NULL)
                return 0;
        g_hash_table_iter_init (&iter, cache->files);
        while (g_hash_table_iter_next (&iter, NULL, &value)) {
                MibCacheFile *file = value;
                MibModule *module;

                if (file->blob == NULL)
                        continue;
                module = gsnmp_mib_cache_decode_module (file->blob, file->blob_length, "x");
                if (module != NULL) {
                        n++;
                        gsnmp_mib_module_free (module);
                }
        }
        gsnmp_mib_cache_free (cache);
        return n;
}

/* The checksum a cache file's header holds for @data (the tests) */
guint64
gsnmp_mib_cache_checksum (const guint8 *data,
                          gsize         length)
{
        return checksum (data, length);
}

/* Removes the caches under @cache_dir nobody wrote for 30 days (the
 * caches of folders that are gone, such as temporary ones). */
void
gsnmp_mib_cache_prune (const char *cache_dir)
{
        g_autoptr(GDir) dir = g_dir_open (cache_dir, 0, NULL);
        gint64 now = g_get_real_time () / G_USEC_PER_SEC;
        const char *name;

        while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
                g_autofree char *path = NULL;
                GStatBuf st;

                if (!g_str_has_prefix (name, "mibs-") || !g_str_has_suffix (name, ".cache"))
                        continue;
                path = g_build_filename (cache_dir, name, NULL);
                if (g_stat (path, &st) == 0 && now - (gint64) MAX (st.st_mtime, st.st_atime) > 30 * 24 * 3600)
                        g_unlink (path);
        }
}
