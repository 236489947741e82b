/* sam-merge-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the merge's own files (sam-merge*.c) share. Inside src/core only.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sam-ancestry.h"
#include "sam-merge.h"
#include "sam-record-fields.h"
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
  GPtrArray *fields;       /* of SamMergeField: what a person decides */
  GHashTable *auto_sides;  /* key → SamMergeSide, decided by ancestry */
  gboolean proposal;       /* from a register that does not own it */
  char *owner_name;        /* a proposal's owner, as people read it */
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
  SamStore *store;         /* NULL between the threads of sam-register-tasks.c */
  char *register_path;     /* the store's file */
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
/* Whether a record read from a file carries its history (@carried
 * nullable); when it does not, its root is made from its content hash. */
gboolean         _sam_merge_carries_history   (SamAncestry      *carried);
/* The ancestry of a record read from a file (@carried nullable;
 * @content_hash only read when it carries no history). */
SamAncestry     *_sam_merge_incoming_ancestry (SamAncestry      *carried,
                                              const char        *source,
                                              const char        *content_hash);
/* The ancestry of @view, what an audience may see of @full whose ancestry
 * is @ancestry: each field it leaves out or changes is stale, with its
 * revision (sam-merge-export.c). */
SamAncestry     *_sam_merge_view_ancestry    (const SamAncestry *ancestry,
                                              GObject           *full,
                                              GObject           *view);
/* Leaves every conflict as it is here, undecided: applying writes the
 * rest (follow: proposals wait for a person, and no history says they
 * were turned down). */
void             _sam_merge_plan_leave_conflicts (SamMergePlan  *plan);
/* A plan is made on one thread and may be applied on another, each on a
 * connection of its own (sam-register-tasks.c): the plan lets go of its
 * store on the thread that opened it, and is lent the applying thread's. */
const char      *_sam_merge_plan_get_register_path (SamMergePlan  *plan);
/* Gives @plan @store (nullable) and returns the store it had (owned). */
SamStore        *_sam_merge_plan_swap_store    (SamMergePlan      *plan,
                                               SamStore          *store);
void             _sam_merge_plan_release_store (SamMergePlan      *plan);

/* The owner of a local record as the merge sees it. */
const char      *_sam_merge_item_owner       (SamMergePlan      *plan,
                                              SamMergeItem      *item);

/* sam-merge-apply.c: the side chosen or decided for @key. */
SamMergeSide     _sam_merge_item_choice      (SamMergeItem      *item,
                                              const char        *key);

/* sam-merge-ancestry.c */
/* The side of a field this register holds stale (@mr the revision it
 * lacks, @tr theirs'); NONE: a person decides. */
SamMergeSide     _sam_merge_stale_side       (SamMergeItem      *item,
                                              const char        *key,
                                              const char        *mr,
                                              const char        *tr,
                                              gboolean           owns);
const char      *_sam_merge_item_name        (SamMergeItem      *item);
/* Whether the file holds, at the revision lacked, a field held stale here. */
gboolean         _sam_merge_fills_stale      (SamMergeItem      *item);
/* The ancestry @item's record is written with: @result (NULL: deleted),
 * @is_theirs when it is theirs in the file's audience, @content_hash its
 * full content. */
SamAncestry     *_sam_merge_result_ancestry  (SamMergeItem      *item,
                                              gboolean           is_theirs,
                                              const char        *content_hash,
                                              GObject           *result,
                                              SamVisibility      audience);

/* sam-merge-diff.c */
/* Of SamMergeField (owned by the caller, no free func): every field
 * that differs between mine and theirs, or "record" when one is deleted. */
GPtrArray       *_sam_merge_item_diff         (SamMergeItem      *item,
                                               SamVisibility      audience);

G_END_DECLS
