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

#include "sam-ancestry.h"
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

/* id → SamLocalRecord, tombstones included. @entity "actor" or "path". */
GHashTable *_sam_store_index_records      (SamStore      *self,
                                           const char    *entity,
                                           GError       **error);
/* id → SamAncestry of every record of @entity that has a row. */
GHashTable *_sam_store_load_ancestry      (SamStore      *self,
                                           const char    *entity,
                                           GError       **error);
/* The row of one record, or NULL (no error) when it has none. */
SamAncestry *_sam_store_get_ancestry      (SamStore      *self,
                                           const char    *entity,
                                           const char    *id,
                                           GError       **error);
gboolean    _sam_store_put_ancestry       (SamStore      *self,
                                           const char    *entity,
                                           const char    *id,
                                           const SamAncestry *ancestry,
                                           GError       **error);
/* A local write's new revision (sam-store-actors.c, sam-store-paths.c):
 * @before and @after are the live record, NULL when deleted. Nothing when
 * the content did not change, or while a merge writes. */
gboolean    _sam_store_note_revision      (SamStore      *self,
                                           const char    *entity,
                                           const char    *id,
                                           GObject       *before,
                                           GObject       *after,
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

/* May this record be written here? Fails with SAM_ERROR_FOLLOWED when
 * @id is owned by a register this one follows. Every local write and
 * deletion of an actor or path asks, and only a merge is let through. */
gboolean    _sam_store_check_writable     (SamStore      *self,
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
  GPtrArray *fields;       /* of SamMergeField: what a person decides */
  GHashTable *auto_sides;  /* key → SamMergeSide, decided by ancestry */
  gboolean proposal;       /* from a register that does not own it */
  gboolean adopt;          /* same content: only the ancestry is written */
  gboolean dirty;          /* something is written */

  GObject *theirs;         /* NULL: deleted there */
  char *theirs_hash;       /* "" for a deletion */
  gint64 theirs_revision;
  SamAncestry *theirs_anc; /* owned */
  SamLocalRecord *local;   /* borrowed from the index; NULL: not here at all */
  GObject *mine;           /* the live local record, when loaded */
  char *mine_hash;         /* "" deleted here; NULL not yet known */
  SamAncestry *mine_anc;   /* owned; NULL until known */
};

struct _SamMergePlan {
  SamStore *store;
  SamRegisterData *data;
  char *source;
  char *file;
  char *instance;          /* this register's id, the owner of its own records */
  GPtrArray *items;
  GPtrArray *changes;
  GPtrArray *conflicts;
  GPtrArray *notes;
  GHashTable *actor_index;
  GHashTable *path_index;
  GHashTable *actor_anc;   /* id → SamAncestry */
  GHashTable *path_anc;
  guint counts[SAM_MERGE_N_ACTIONS];
  gint64 log_mark;
  gboolean follow;         /* the source is followed: what it owns is taken */
};

SamMergePlan    *_sam_merge_plan_new_full    (SamStore          *store,
                                              SamRegisterData   *data,
                                              const char        *file_name,
                                              gboolean           follow,
                                              GError           **error);
SamMergePlan    *_sam_merge_plan_new_for_file_full (SamStore    *store,
                                              GFile             *file,
                                              gboolean           follow,
                                              GCancellable      *cancellable,
                                              GError           **error);
/* The ancestry of a record read from a file (@carried nullable). */
SamAncestry     *_sam_merge_incoming_ancestry (SamAncestry      *carried,
                                              const char        *source,
                                              const char        *content_hash);
/* Leaves every conflict as it is here, undecided: applying writes the
 * rest (follow: proposals wait for a person, and no history says they
 * were turned down). */
void             _sam_merge_plan_leave_conflicts (SamMergePlan  *plan);
/* The owner of a local record as the merge sees it. */
const char      *_sam_merge_item_owner       (SamMergePlan      *plan,
                                              SamMergeItem      *item);

/* sam-merge-fields.c */
gboolean         _sam_merge_route_in_audience (SamContactRoute   *route,
                                               SamVisibility      audience);
SamContactRoute *_sam_merge_find_route        (SamActor          *actor,
                                               const char        *id,
                                               SamVisibility      audience);
char            *_sam_merge_node_text         (JsonNode          *node);
/* A field of a record, as compared and shown. */
typedef struct {
  char *key;
  char *label;
  char *canon;      /* what is compared */
  char *display;    /* what people read */
} SamFieldValue;

/* Of SamFieldValue, every field @record has (routes in @audience). */
GPtrArray       *_sam_merge_record_fields     (GObject           *record,
                                               SamVisibility      audience);
/* key → SamFieldValue of @fields (borrowed). */
GHashTable      *_sam_merge_field_table       (GPtrArray         *fields);
gboolean         _sam_merge_is_order_key      (const char        *key);
/* Whether two values of @key differ (NULL: the field is not there). */
gboolean         _sam_merge_values_differ     (const char        *key,
                                               SamFieldValue     *a,
                                               SamFieldValue     *b);
/* The set of keys that differ between two versions of a record. */
GHashTable      *_sam_merge_changed_keys      (GObject           *before,
                                               GObject           *after,
                                               SamVisibility      audience);
/* Of SamMergeField (owned by the caller, no free func): every field
 * that differs between mine and theirs, or "record" when one is deleted. */
GPtrArray       *_sam_merge_item_diff         (SamMergeItem      *item,
                                               SamVisibility      audience);
/* The content hash of a record (NULL: deleted, ""). */
char            *_sam_merge_hash_record       (GObject           *record,
                                               SamVisibility      audience);
/* The ancestry of a record that has no row: its root alone. */
SamAncestry     *_sam_merge_root_ancestry     (const char        *owner,
                                               const char        *content_hash);

G_END_DECLS
