/* sam-merge-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's side of merging (sam-store-merge.c): the sync state, local
 * records by id, writing what a merge decided; and what the merge's own
 * files (sam-merge.c, sam-merge-fields.c, sam-merge-apply.c,
 * sam-merge-export.c) share. Inside src/core only.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-store-private.h"

G_BEGIN_DECLS

/* A local record as the merge first sees it. */
typedef struct {
  gint64 rowid;
  gint64 revision;
  gboolean deleted;
} SamLocalRecord;

/* What was last seen from a source, and the local record right after. */
/* Hashes are SHA-256 in hex; inline, as a large register loads 100,000s. */
#define SAM_HASH_SIZE 65
typedef struct {
  char seen_hash[SAM_HASH_SIZE];   /* "" for a deletion */
  gint64 seen_revision;
  char local_hash[SAM_HASH_SIZE];  /* "" when deleted here */
  gint64 local_revision;
} SamSeen;

void        _sam_seen_free                (SamSeen       *seen);

/* id → SamLocalRecord, tombstones included. @entity "actor" or "path". */
GHashTable *_sam_store_index_records      (SamStore      *self,
                                           const char    *entity,
                                           GError       **error);
/* "entity:id" → SamSeen, for @source ("*": the last exchanged with anyone). */
GHashTable *_sam_store_load_seen          (SamStore      *self,
                                           const char    *source,
                                           GError       **error);
gboolean    _sam_store_put_seen           (SamStore      *self,
                                           const char    *source,
                                           const char    *entity,
                                           const char    *id,
                                           const SamSeen *seen,
                                           GError       **error);
/* The register's deleted actors and paths, by entity and id. */
gboolean    _sam_store_list_tombstones    (SamStore      *self,
                                           GPtrArray     *tombstones,
                                           GError       **error);
/* The highest change-log id: moves with every write. */
gint64      _sam_store_get_log_mark       (SamStore      *self);
/* This installation's id (written into exports as their source). */
char       *_sam_store_dup_instance       (SamStore      *self);

/* Writes, inside a transaction the caller holds. */
/* Overwrites the stored actor (live or a tombstone) with @actor as it is,
 * revision and times included, live; no change-log row (sam-store-actors.c). */
gboolean    _sam_store_overwrite_actor    (SamStore      *self,
                                           SamActor      *actor,
                                           GError       **error);
gboolean    _sam_store_overwrite_path     (SamStore      *self,
                                           SamEscalationPath *path,
                                           const char    *before_json,
                                           GError       **error);
gboolean    _sam_store_bury               (SamStore      *self,
                                           const char    *entity,
                                           const char    *id,
                                           gint64         revision,
                                           GError       **error);
gboolean    _sam_store_log_merge          (SamStore      *self,
                                           const char    *entity,
                                           const char    *entity_id,
                                           const char    *op,
                                           gint64         revision,
                                           const char    *before,
                                           const char    *after,
                                           GError       **error);
/* Sets the source of every change-log row after @mark. */
gboolean    _sam_store_tag_log_source     (SamStore      *self,
                                           gint64         mark,
                                           const char    *source,
                                           GError       **error);
gboolean    _sam_store_put_source         (SamStore      *self,
                                           const SamRegisterData *data,
                                           const char    *source,
                                           const char    *file,
                                           GError       **error);

/* Follow: fails with SAM_ERROR_FOLLOWED when @id belongs to a register
 * this one follows (sam-store-actors.c asks before every local edit). */
gboolean    _sam_store_check_not_followed (SamStore      *self,
                                           const char    *entity,
                                           const char    *id,
                                           const char    *name,
                                           GError       **error);
/* Lets the merge itself write followed records. */
void        _sam_store_set_merging        (SamStore      *self,
                                           gboolean       merging);

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
