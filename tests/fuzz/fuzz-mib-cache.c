/* fuzz-mib-cache.c - libFuzzer target for the MIB store's compiled cache
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Decodes arbitrary bytes as a cache file and every module blob it holds,
 * without the checksum and the folder checks that would stop most inputs
 * at the door (a store checks both before it decodes anything).
 */
#include "config.h"

#include "gsnmp-mib.h"
#include "gsnmp-mib-private.h"

#include <stdint.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
        g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
        return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
        gsnmp_mib_cache_exercise (data, size);
        return 0;
}
