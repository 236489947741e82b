/* sam-merge-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the merge's own files (sam-merge.c, sam-merge-fields.c,
 * sam-merge-apply.c, sam-merge-export.c) share. Inside src/core only.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-store-sync.h"

G_BEGIN_DECLS

/* The merge engine's own state, shared by its files. */
struct _SamMergeItem {
  const char *entity;      /* "actor" or "path" (static) */
  char *id;
  char *key;               /* "actor:ID" */
  char *name;
  SamMergeAction action;
  GPtrArray *fields;       /* of SamMergeField */

  GObject *theirs;         /* NULL: deleted there */
  char *theirs_hash;       /* "" for a deletion */
  gint64 theirs_revision;
  SamLocalRecord *local;   /* borrowed from the index; NULL: not here at all */
  GObject *mine;           /* the live local record, when loaded */
  char *mine_hash;         /* "" deleted here; NULL not here or not yet known */
  const SamSeen *base;     /* borrowed; NULL: no history */
  gboolean fallback;       /* the base is '*', not the source's own */
  gboolean seen_dirty;     /* the sync state must be written */
};

struct _SamMergePlan {
  SamStore *store;         /* NULL between the threads of sam-register-tasks.c */
  char *register_path;     /* the store's file */
  SamRegisterData *data;
  char *source;
  char *file;
  GPtrArray *items;
  GPtrArray *changes;
  GPtrArray *conflicts;
  GPtrArray *notes;
  GHashTable *actor_index;
  GHashTable *path_index;
  GHashTable *seen_source;
  GHashTable *seen_any;
  guint counts[SAM_MERGE_N_ACTIONS];
  gint64 log_mark;
  gboolean update_any;     /* the file carries every route: '*' follows it */
};

/* A plan is made on one thread and may be applied on another, each on a
 * connection of its own (sam-register-tasks.c): the plan lets go of its
 * store on the thread that opened it, and is lent the applying thread's. */
const char      *_sam_merge_plan_get_register_path (SamMergePlan  *plan);
/* Gives @plan @store (nullable) and returns the store it had (owned). */
SamStore        *_sam_merge_plan_swap_store    (SamMergePlan      *plan,
                                               SamStore          *store);
void             _sam_merge_plan_release_store (SamMergePlan      *plan);

gboolean         _sam_merge_seen_matches      (const SamSeen     *seen,
                                               const char        *theirs_hash,
                                               gint64             theirs_revision,
                                               const char        *local_hash,
                                               gint64             local_revision);

/* sam-merge-fields.c */
gboolean         _sam_merge_route_in_audience (SamContactRoute   *route,
                                               SamVisibility      audience);
SamContactRoute *_sam_merge_find_route        (SamActor          *actor,
                                               const char        *id,
                                               SamVisibility      audience);
char            *_sam_merge_node_text         (JsonNode          *node);
/* Fills @item's fields: what differs between mine and theirs. */
void             _sam_merge_item_make_fields  (SamMergeItem      *item,
                                               SamVisibility      audience);

G_END_DECLS
