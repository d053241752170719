/* gsnmp-i18n.c - gettext binding and libgcrypt set-up, done once
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-i18n-private.h"

#include <gcrypt.h>

/* Binds the translation domain and initialises libgcrypt the first time any
 * gsnmp type or error domain is used.  The library never calls textdomain():
 * that is the application's business. */
void
gsnmp_init_once (void)
{
        static gsize initialised = 0;

        if (g_once_init_enter (&initialised)) {
                /* GSNMP_LOCALEDIR in the environment, only when set and
                 * not empty, replaces the install location: the test suite
                 * points it at the catalogues in the build tree. */
                const char *localedir = g_getenv ("GSNMP_LOCALEDIR");

                if (localedir == NULL || *localedir == '\0')
                        localedir = GSNMP_LOCALEDIR;
                bindtextdomain (GETTEXT_PACKAGE, localedir);
                bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

                if (!gcry_control (GCRYCTL_INITIALIZATION_FINISHED_P)) {
                        gcry_check_version (NULL);
                        gcry_control (GCRYCTL_DISABLE_SECMEM, 0);
                        gcry_control (GCRYCTL_INITIALIZATION_FINISHED, 0);
                }

                g_once_init_leave (&initialised, 1);
        }
}
