/* gsnmp-usm-user-private.h - the keys of a GsnmpUsmUser, for the engine
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Only gsnmp-usm.c (the key cache) and the engine use these.  A user holds
 * either master keys (Ku, from passphrases or gsnmp_usm_user_new_from_keys)
 * or keys already localized for one engine (gsnmp_usm_user_new_localized).
 * Prefer gsnmp_usm_key_cache_get_auth_key() and _get_priv_key(), which
 * handle both.
 */
#pragma once

#include "gsnmp-usm-user.h"
#include "gsnmp-usm-private.h"

G_BEGIN_DECLS

/* The master keys Ku (transfer none), or NULL when the user has no such
 * protocol or was made with localized keys.  The privacy Ku is made with the
 * authentication protocol's hash. */
GsnmpUsmKey  *gsnmp_usm_user_get_auth_master_key (GsnmpUsmUser *self);
GsnmpUsmKey  *gsnmp_usm_user_get_priv_master_key (GsnmpUsmUser *self);

/* For a user made with gsnmp_usm_user_new_localized(): the engine ID its
 * keys belong to, else NULL. */
const guint8 *gsnmp_usm_user_get_localized_engine_id (GsnmpUsmUser *self,
                                                      gsize        *len);

/* For a user made with gsnmp_usm_user_new_localized(): the localized
 * authentication key and the privacy key (already extended and cut to the
 * privacy protocol's length), transfer none; else NULL. */
GsnmpUsmKey  *gsnmp_usm_user_get_localized_auth_key (GsnmpUsmUser *self);
GsnmpUsmKey  *gsnmp_usm_user_get_localized_priv_key (GsnmpUsmUser *self);

G_END_DECLS
