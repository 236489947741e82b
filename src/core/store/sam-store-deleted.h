/* sam-store-deleted.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recently deleted actors and paths: listed with when and by whom, restored
 * as a new revision, and purged after a while. A purged record keeps its
 * tombstone (id, revision, ancestry, kind and areas), which merges and
 * exports need, and loses everything else.
 */
#pragma once

#include "sam-store.h"
#include "sam-text.h"

G_BEGIN_DECLS

typedef struct {
  char *entity;          /* "actor" or "path" */
  char *id;
  SamText name;          /* the actor's name or the path's title */
  GDateTime *deleted_at;
  char *deleted_by;      /* NULL when not known */
  char *source;          /* the register (its name, else its id) a merge took the
                          * deletion from, or NULL for a deletion made here */
  gboolean followed;     /* owned by a followed register: not restored here */
} SamDeletedRecord;

void         sam_deleted_record_free     (SamDeletedRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamDeletedRecord, sam_deleted_record_free)

/* The deleted actors and paths whose details are still kept, newest
 * deletion first. */
GPtrArray   *sam_store_list_deleted      (SamStore      *self,
                                          GError       **error);
/* Restores the deleted actor or path @id (whichever it is): a new
 * revision, which wins over the deletion in later merges. */
gboolean     sam_store_restore_record    (SamStore      *self,
                                          const char    *id,
                                          GError       **error);
/* Purges the details of every record deleted before @before, each in the
 * store's guard: records owned by a followed register are left as they
 * are and counted in @n_kept. */
gboolean     sam_store_purge_deleted     (SamStore      *self,
                                          GDateTime     *before,
                                          guint         *n_purged,
                                          guint         *n_kept,
                                          GError       **error);

G_END_DECLS
