/* gsnmp-i18n-private.h - gettext and one-time library set-up
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "config.h"
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

void gsnmp_init_once (void);

G_END_DECLS
