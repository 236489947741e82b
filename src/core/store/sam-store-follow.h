/* sam-store-follow.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registers this one follows, as the store keeps them (the table
 * "follow"); reading and applying them is sam-follow.c's.
 */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

typedef struct {
  char *file;
  char *source;    /* its register id, once imported; NULL before */
  char *owner;     /* who publishes it, as it says */
  char *name;      /* the register's name, as it says */
  GDateTime *imported;  /* the last import, NULL before */
} SamFollowed;

void        sam_followed_free   (SamFollowed  *followed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamFollowed, sam_followed_free)

/* Each is one transaction; @file is an absolute path or URI. */
gboolean    _sam_store_follow_add        (SamStore    *self,
                                          const char  *file,
                                          GError     **error);
gboolean    _sam_store_follow_delete     (SamStore    *self,
                                          const char  *file,
                                          GError     **error);
gboolean    _sam_store_follow_set_source (SamStore    *self,
                                          const char  *file,
                                          const char  *source,
                                          const char  *owner,
                                          GError     **error);
/* Of SamFollowed, in the order they were added. */
GPtrArray  *_sam_store_follow_list       (SamStore    *self,
                                          GError     **error);

G_END_DECLS
