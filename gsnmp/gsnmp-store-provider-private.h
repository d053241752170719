/* gsnmp-store-provider-private.h - the agent's direct path into a store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-store-provider.h"

G_BEGIN_DECLS

/* GET and GETNEXT without a GsnmpProviderRequest: the value of @oid, or
 * its noSuchObject/noSuchInstance exception (@next FALSE); the first value
 * after @oid, or NULL (@next TRUE).  (transfer full) */
GsnmpVarbind *gsnmp_store_provider_answer (GsnmpStoreProvider *self,
                                           GsnmpOid           *oid,
                                           gboolean            next);

G_END_DECLS
