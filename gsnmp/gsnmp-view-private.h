/* gsnmp-view-private.h - view look-ups for the agent's GETNEXT
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-view.h"

G_BEGIN_DECLS

/* Whether @oid is in @self.  When it is not, *@skip_to is set to the OID a
 * GETNEXT should continue from (the first candidate is the first OID after
 * it), skipping the whole region outside the view in one step, or to NULL
 * when nothing after @oid is in the view. */
gboolean gsnmp_view_check (GsnmpView      *self,
                           const GsnmpOid *oid,
                           GsnmpOid      **skip_to);

G_END_DECLS
