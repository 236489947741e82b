/* sam-store-sync.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store as the exchange wing (import, export, merge, follow) uses it:
 * transactions, whole records, the sync state, and writing what a merge
 * decided. No SQL and no SQLite types leave the store through it.
 * Inside src/core only.
 */
#pragma once

#include "sam-ancestry.h"
#include "sam-record-fields.h"
#include "sam-store.h"
#include "sam-register-data.h"

G_BEGIN_DECLS

/* BEGIN IMMEDIATE, refusing when the store is read-only. */
gboolean      _sam_store_begin           (SamStore      *self,
                                          GError       **error);
gboolean      _sam_store_commit          (SamStore      *self,
                                          GError       **error);
void          _sam_store_rollback        (SamStore      *self);
gboolean      _sam_store_end             (SamStore      *self,
                                          gboolean       ok,
                                          GError       **error);
/* A read transaction: one consistent snapshot until _sam_store_end_read. */
gboolean      _sam_store_begin_read      (SamStore      *self,
                                          GError       **error);
void          _sam_store_end_read        (SamStore      *self);
/* Commits without ::changed, for writes of the sync state alone. */
gboolean      _sam_store_commit_quiet    (SamStore      *self,
                                          GError       **error);
char         *_sam_store_now_timestamp   (void);
/* Writes one actor row and its children; @keep_times keeps the revision
 * and update time the actor carries (import), else sets revision 1. */
gboolean      _sam_store_write_actor     (SamStore      *self,
                                          SamActor      *actor,
                                          gboolean       keep_times,
                                          GError       **error);
/* Saves a changed actor inside a transaction the caller holds, as
 * sam_store_update_actor() does (revision check, change log, ancestry). */
gboolean      _sam_store_update_actor_in_transaction (SamStore *self,
                                                      SamActor *actor,
                                                      GError  **error);
gboolean      _sam_store_write_path      (SamStore          *self,
                                          SamEscalationPath *path,
                                          GError           **error);
/* An import into an empty register, one transaction (sam-store-import.c)
 * on a connection of its own: begin, an actor at a time, then finish
 * (which writes @meta and @paths, commits, and has @self emit ::changed)
 * or abort (which rolls back). Both free @import. */
typedef struct _SamStoreImport SamStoreImport;
SamStoreImport *_sam_store_import_begin  (SamStore              *self,
                                          GError               **error);
gboolean      _sam_store_import_actor    (SamStoreImport        *import,
                                          SamActor              *actor,
                                          GError               **error);
gboolean      _sam_store_import_finish   (SamStoreImport        *import,
                                          const SamRegisterMeta *meta,
                                          GPtrArray             *paths,
                                          GError               **error);
void          _sam_store_import_abort    (SamStoreImport        *import);
SamStore     *_sam_store_import_get_store (SamStoreImport       *import);
/* One actor with all its children; @include_deleted finds tombstones too. */
SamActor     *_sam_store_load_actor_full     (SamStore   *self,
                                              const char *id,
                                              gboolean    include_deleted,
                                              GError    **error);
/* Actors by rowid, in the order of @rowids, with all their children. */
GPtrArray    *_sam_store_load_actors_by_rowids (SamStore     *self,
                                                const gint64 *rowids,
                                                guint         n,
                                                GError      **error);
/* Live actors by id, for export. */
GPtrArray    *_sam_store_list_all_actors     (SamStore *self,
                                              GError  **error);
/* When the last file imported from @source was exported; NULL if never. */
GDateTime    *_sam_store_dup_source_exported (SamStore   *self,
                                              const char *source,
                                              GError    **error);
/* A record's kind and areas, tombstones included (for export filters). */
gboolean      _sam_store_get_actor_facets (SamStore   *self,
                                           const char *id,
                                           char      **kind,
                                           GPtrArray  *areas,
                                           GError    **error);

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
/* The name a register called itself in the last file merged from it. */
char       *_sam_store_dup_source_name    (SamStore      *self,
                                           const char    *id);

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

G_END_DECLS
