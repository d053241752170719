/* gsnmp-engine-private.h - engine internals shared with the applications
 * built on it (walks, tables, notifications)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-engine.h"

G_BEGIN_DECLS

/* The main context the engine's sockets and timer are attached to. */
GMainContext *gsnmp_engine_get_context      (GsnmpEngine *self);

/* TRUE when the caller runs in the engine's thread-default main context, the
 * only one its _async methods may be called from. */
gboolean      gsnmp_engine_in_context       (GsnmpEngine *self);

G_END_DECLS
