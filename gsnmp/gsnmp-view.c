/* gsnmp-view.c - MIB views: which subtrees an agent shows to whom
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-view.h"
#include "gsnmp-view-private.h"
#include "gsnmp-oid-private.h"
#include "gsnmp-i18n-private.h"

/**
 * GsnmpView:
 *
 * A MIB view: the set of object instances a [class@Gsnmp.Agent] lets a
 * community or an SNMPv3 user read, or write.
 *
 * A view is a family of subtrees, each included or excluded, as in the
 * view-based access control model (RFC 3415 §5), without its MIB and
 * without masks: an OID is in the view when the longest subtree that is a
 * prefix of it is included. A new view is empty; [ctor@Gsnmp.View.new_all]
 * gives the view of everything.
 *
 * ```c
 * // everything under mib-2 but the interfaces group, plus ifDescr
 * g_autoptr(GsnmpView) view = gsnmp_view_new ();
 * gsnmp_view_include_subtree (view, mib2);           // 1.3.6.1.2.1
 * gsnmp_view_exclude_subtree (view, interfaces);     // 1.3.6.1.2.1.2
 * gsnmp_view_include_subtree (view, if_descr);       // 1.3.6.1.2.1.2.2.1.2
 * ```
 *
 * An agent reads a view on every request: changing a view changes what
 * requests see from then on. Views must be used from one thread, the one
 * of the agent they are given to.
 *
 * Since: 0.1
 */

typedef struct {
        GsnmpOid *subtree;   /* (owned) */
        gboolean  included;
} Family;

struct _GsnmpView {
        GObject   parent_instance;

        GArray   *families;     /* (element-type Family), sorted by subtree */
        /* Where membership may change: every subtree and every subtree end,
         * sorted, rebuilt on change; NULL until needed. */
        GPtrArray *boundaries;  /* (element-type GsnmpOid) (nullable) */
};

G_DEFINE_FINAL_TYPE_WITH_CODE (GsnmpView, gsnmp_view, G_TYPE_OBJECT, gsnmp_init_once ())

static void
family_clear (gpointer data)
{
        Family *f = data;

        g_clear_pointer (&f->subtree, gsnmp_oid_unref);
}

static void
gsnmp_view_finalize (GObject *object)
{
        GsnmpView *self = GSNMP_VIEW (object);

        g_clear_pointer (&self->families, g_array_unref);
        g_clear_pointer (&self->boundaries, g_ptr_array_unref);

        G_OBJECT_CLASS (gsnmp_view_parent_class)->finalize (object);
}

static void
gsnmp_view_class_init (GsnmpViewClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        object_class->finalize = gsnmp_view_finalize;
}

static void
gsnmp_view_init (GsnmpView *self)
{
        self->families = g_array_new (FALSE, FALSE, sizeof (Family));
        g_array_set_clear_func (self->families, family_clear);
}

/**
 * gsnmp_view_new:
 *
 * Creates an empty view: nothing is in it until subtrees are included
 * with [method@Gsnmp.View.include_subtree].
 *
 * Returns: (transfer full): a new view
 *
 * Since: 0.1
 */
GsnmpView *
gsnmp_view_new (void)
{
        return g_object_new (GSNMP_TYPE_VIEW, NULL);
}

/**
 * gsnmp_view_new_all:
 *
 * Creates a view of every OID, from which subtrees can then be excluded
 * with [method@Gsnmp.View.exclude_subtree].
 *
 * Returns: (transfer full): a new view
 *
 * Since: 0.1
 */
GsnmpView *
gsnmp_view_new_all (void)
{
        GsnmpView *view = gsnmp_view_new ();
        g_autoptr(GsnmpOid) root = gsnmp_oid_new (NULL, 0);

        gsnmp_view_include_subtree (view, root);

        return view;
}

/* Binary search: the index of @oid in the sorted families, or where it
 * would go (*found FALSE). */
static guint
find_family (GsnmpView      *self,
             const GsnmpOid *oid,
             gboolean       *found)
{
        guint lo = 0, hi = self->families->len;

        while (lo < hi) {
                guint mid = lo + (hi - lo) / 2;
                int c = gsnmp_oid_compare (g_array_index (self->families, Family, mid).subtree, oid);

                if (c == 0) {
                        *found = TRUE;
                        return mid;
                }
                if (c < 0)
                        lo = mid + 1;
                else
                        hi = mid;
        }

        *found = FALSE;
        return lo;
}

static void
add_family (GsnmpView *self,
            GsnmpOid  *subtree,
            gboolean   included)
{
        gboolean found;
        guint i = find_family (self, subtree, &found);

        if (found) {
                g_array_index (self->families, Family, i).included = included;
        } else {
                Family f = { gsnmp_oid_ref (subtree), included };

                g_array_insert_val (self->families, i, f);
        }

        g_clear_pointer (&self->boundaries, g_ptr_array_unref);
}

/**
 * gsnmp_view_include_subtree:
 * @self: a [class@Gsnmp.View]
 * @subtree: the root of the subtree; the empty OID means every OID
 *
 * Puts every OID that has @subtree as a prefix in the view, except those
 * under a longer subtree excluded with [method@Gsnmp.View.exclude_subtree].
 * Including a subtree that was excluded replaces the exclusion.
 *
 * Since: 0.1
 */
void
gsnmp_view_include_subtree (GsnmpView *self,
                            GsnmpOid  *subtree)
{
        g_return_if_fail (GSNMP_IS_VIEW (self));
        g_return_if_fail (subtree != NULL);

        add_family (self, subtree, TRUE);
}

/**
 * gsnmp_view_exclude_subtree:
 * @self: a [class@Gsnmp.View]
 * @subtree: the root of the subtree
 *
 * Takes every OID that has @subtree as a prefix out of the view, except
 * those under a longer included subtree.
 *
 * Since: 0.1
 */
void
gsnmp_view_exclude_subtree (GsnmpView *self,
                            GsnmpOid  *subtree)
{
        g_return_if_fail (GSNMP_IS_VIEW (self));
        g_return_if_fail (subtree != NULL);

        add_family (self, subtree, FALSE);
}

/**
 * gsnmp_view_contains:
 * @self: a [class@Gsnmp.View]
 * @oid: an OID
 *
 * Tells whether @oid is in the view: whether the longest subtree of the
 * view that is a prefix of @oid is included.
 *
 * Returns: %TRUE if @oid is in the view
 *
 * Since: 0.1
 */
gboolean
gsnmp_view_contains (GsnmpView      *self,
                     const GsnmpOid *oid)
{
        gboolean found;
        guint i;

        g_return_val_if_fail (GSNMP_IS_VIEW (self), FALSE);
        g_return_val_if_fail (oid != NULL, FALSE);

        /* Families that are prefixes of @oid sort at or before it; the
         * longest such prefix is the last one among them.  Walk back from
         * the insertion point: families between a prefix and @oid are in
         * the prefix's subtree, and there are few families. */
        i = find_family (self, oid, &found);
        if (found)
                return g_array_index (self->families, Family, i).included;

        while (i > 0) {
                Family *f = &g_array_index (self->families, Family, i - 1);

                if (gsnmp_oid_has_prefix (oid, f->subtree))
                        return f->included;
                i--;
        }

        return FALSE;
}

static int
compare_oid_ptrs (gconstpointer a,
                  gconstpointer b)
{
        return gsnmp_oid_compare (*(GsnmpOid **) a, *(GsnmpOid **) b);
}

static void
build_boundaries (GsnmpView *self)
{
        GPtrArray *b = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);

        for (guint i = 0; i < self->families->len; i++) {
                Family *f = &g_array_index (self->families, Family, i);
                GsnmpOid *end = gsnmp_oid_subtree_end (f->subtree);

                g_ptr_array_add (b, gsnmp_oid_ref (f->subtree));
                if (end != NULL)
                        g_ptr_array_add (b, end);
        }
        g_ptr_array_sort (b, compare_oid_ptrs);
        self->boundaries = b;
}

gboolean
gsnmp_view_check (GsnmpView      *self,
                  const GsnmpOid *oid,
                  GsnmpOid      **skip_to)
{
        guint lo, hi;

        *skip_to = NULL;
        if (gsnmp_view_contains (self, oid))
                return TRUE;

        /* Membership is constant between consecutive boundaries: continue
         * just before the first boundary after @oid. */
        if (self->boundaries == NULL)
                build_boundaries (self);

        lo = 0;
        hi = self->boundaries->len;
        while (lo < hi) {
                guint mid = lo + (hi - lo) / 2;

                if (gsnmp_oid_compare (g_ptr_array_index (self->boundaries, mid), oid) <= 0)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        if (lo < self->boundaries->len)
                *skip_to = gsnmp_oid_predecessor (g_ptr_array_index (self->boundaries, lo));

        return FALSE;
}
