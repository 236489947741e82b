/* sam-store-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files that make up SamStore; nothing outside src/core
 * includes it.
 */
#pragma once

#include <sqlite3.h>

#include "sam-errors.h"
#include "sam-store.h"

G_BEGIN_DECLS

sqlite3      *_sam_store_get_db          (SamStore      *self);
/* A prepared statement cached for the life of the store, reset and with
 * its bindings cleared; NULL with @error set on failure. */
sqlite3_stmt *_sam_store_prepare         (SamStore      *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      _sam_store_exec            (SamStore      *self,
                                          const char    *sql,
                                          GError       **error);
void          _sam_store_set_error       (SamStore      *self,
                                          GError       **error);
/* The SAM_ERROR code for an SQLite result code (primary or extended). */
SamError      _sam_error_code_for_sqlite (int            code);
/* Creates @path, which must not exist, with mode 0600 whatever the umask
 * (and not through a symbolic link). */
gboolean      _sam_create_private_file   (const char    *path,
                                          GError       **error);
/* Makes the next sam_store_check_sound() look again (after a restore). */
void          _sam_store_forget_soundness (SamStore     *self);
/* sam-backups.c: removes what a killed copy left in the copies' folder;
 * a sentence naming the newest copy that passes its check, to restore. */
void          _sam_backups_remove_leftovers   (SamStore *self);
char         *_sam_backups_describe_last_good (SamStore *self);
/* Steps a statement that returns no rows; FALSE with @error set on failure. */
gboolean      _sam_store_step_done       (SamStore      *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
/* BEGIN IMMEDIATE, refusing when the store is read-only. */
gboolean      _sam_store_begin           (SamStore      *self,
                                          GError       **error);
gboolean      _sam_store_commit          (SamStore      *self,
                                          GError       **error);
void          _sam_store_rollback        (SamStore      *self);
gboolean      _sam_store_end             (SamStore      *self,
                                          gboolean       ok,
                                          GError       **error);
gboolean      _sam_store_log_change      (SamStore      *self,
                                          const char    *entity,
                                          const char    *entity_id,
                                          const char    *op,
                                          gint64         revision,
                                          const char    *before,
                                          const char    *after,
                                          GError       **error);
char         *_sam_store_now_timestamp   (void);
gboolean      _sam_store_write_meta      (SamStore              *self,
                                          const SamRegisterMeta *meta,
                                          GError               **error);

/* Writes one actor row and its children; @keep_times keeps the revision
 * and update time the actor carries (import), else sets revision 1. */
gboolean      _sam_store_write_actor     (SamStore      *self,
                                          SamActor      *actor,
                                          gboolean       keep_times,
                                          GError       **error);
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
/* Binds text, or NULL for an empty string. */
void          _sam_bind_text             (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
/* The same without a copy, for the row writes a large import runs a
 * million times: @text must live until the statement has been stepped
 * (the cached statement is reset before its next use). */
void          _sam_bind_static           (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
char         *_sam_column_dup            (sqlite3_stmt  *stmt,
                                          int            column);
/* Parses a schedule kept by the store, sharing equal ones. */
SamSchedule  *_sam_store_parse_hours     (SamStore      *self,
                                          const char    *text);

G_END_DECLS

G_BEGIN_DECLS
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
/* sam_actor_validate without the names, which an import reports apart. */
gboolean      _sam_actor_validate_fields     (SamActor *actor,
                                              GError  **error);
/* Sets a value read back from the store, which was checked when written. */
void          _sam_contact_route_set_stored_value (SamContactRoute *route,
                                                   const char      *value);
G_END_DECLS
