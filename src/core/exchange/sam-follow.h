/* sam-follow.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Following a published register: a file on a network share (an exchange
 * file, or a register file, opened read-only) that another agency keeps.
 * Its records are imported whenever it changes, and belong to it: local
 * edits of them are refused with SAM_ERROR_FOLLOWED, naming the owner.
 */
#pragma once

#include <gio/gio.h>

#include "sam-merge.h"
#include "sam-store.h"
#include "sam-store-follow.h"

G_BEGIN_DECLS

gboolean    sam_follow_add      (SamStore     *store,
                                 const char   *file,
                                 GError      **error);
/* Its records stay, and may be edited again. */
gboolean    sam_follow_remove   (SamStore     *store,
                                 const char   *file,
                                 GError      **error);
GPtrArray  *sam_follow_list     (SamStore     *store,
                                 GError      **error);
/* A follower never takes more than professionals may see: no internal
 * route comes in from any publication, whatever its audience. */
#define SAM_FOLLOW_AUDIENCE SAM_VISIBILITY_PROFESSIONAL

/* Reads @file as it is now (an exchange file, or a register opened
 * read-only), keeps what SAM_FOLLOW_AUDIENCE may see, and plans its import. */
SamMergePlan *sam_follow_plan   (SamStore     *store,
                                 const char   *file,
                                 GCancellable *cancellable,
                                 GError      **error);
/* Plans and applies: the published register wins every conflict (its
 * records cannot be changed here, but a record made here under the same id
 * can). A copy of the register is made first when anything changes. */
SamMergePlan *sam_follow_sync   (SamStore     *store,
                                 const char   *file,
                                 GCancellable *cancellable,
                                 GError      **error);

G_END_DECLS
