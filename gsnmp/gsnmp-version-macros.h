/* gsnmp-version-macros.h - symbol visibility and availability macros
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <glib.h>

#if defined (GSNMP_COMPILATION) && defined (__GNUC__)
#define _GSNMP_EXTERN __attribute__((visibility ("default"))) extern
#else
#define _GSNMP_EXTERN extern
#endif

#define GSNMP_AVAILABLE_IN_ALL _GSNMP_EXTERN

/**
 * GSNMP_DEPRECATED_FOR:
 * @f: the name of the function to use instead
 *
 * Marks a public function as deprecated in favour of @f: code that calls
 * it gets a compiler warning naming @f (see `G_DEPRECATED_FOR`).
 *
 * Since: 0.1
 */
#define GSNMP_DEPRECATED_FOR(f) G_DEPRECATED_FOR (f) _GSNMP_EXTERN
