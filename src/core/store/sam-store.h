/* sam-store.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sam-actor.h"
#include "sam-escalation-path.h"
#include "sam-timestamp.h"

G_BEGIN_DECLS

#define SAM_TYPE_STORE (sam_store_get_type ())
G_DECLARE_FINAL_TYPE (SamStore, sam_store, SAM, STORE, GObject)

#define SAM_STORE_SCHEMA_VERSION 12

/* Register meta data. */
typedef struct {
  char *id;
  SamText name;
  char *owner;
  gint64 version;
  GDateTime *published;
} SamRegisterMeta;

void         sam_register_meta_clear    (SamRegisterMeta *meta);

/* A change-log entry, as the history view and the CLI read it. */
typedef struct {
  gint64 id;
  GDateTime *at;
  char *who;
  char *entity;
  char *entity_id;
  char *op;
  gint64 revision;
  char *before;   /* JSON or NULL */
  char *after;    /* JSON or NULL */
} SamChange;

void         sam_change_free            (SamChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamChange, sam_change_free)

typedef enum {
  SAM_STORE_OPEN_DEFAULT   = 0,       /* an existing register, to read and write */
  SAM_STORE_OPEN_READ_ONLY = 1 << 0,  /* never write, not even a migration */
  SAM_STORE_OPEN_CREATE    = 1 << 1,  /* make a new register when there is no file */
} SamStoreOpenFlags;

/* Opens the register at @path. An existing file is only read while it is
 * opened, unless it needs a migration to this version's format (see
 * sam_store_get_upgraded_from()); a file that is not a Samverkan register
 * (another program's database, any other file) is refused with
 * SAM_ERROR_NOT_REGISTER and left as it was. A new register is created
 * with mode 0600 only with SAM_STORE_OPEN_CREATE, else the error is
 * SAM_ERROR_NOT_FOUND; a creation that fails leaves no file behind. */
SamStore    *sam_store_open_full        (const char         *path,
                                         SamStoreOpenFlags   flags,
                                         GError            **error);
/* The format version a migration on opening started from (0 for a new
 * register), or -1 when opening wrote nothing. */
int          sam_store_get_upgraded_from (SamStore     *self);
/* Runs PRAGMA quick_check once per store (every write does, before its
 * first transaction): FALSE with SAM_ERROR_DAMAGED, naming the newest
 * good copy to restore, when the register is damaged. */
gboolean     sam_store_check_sound      (SamStore      *self,
                                         GError       **error);

/* Opens (and creates, then migrates) the register at @path, as
 * sam_store_open_full() with SAM_STORE_OPEN_CREATE. A file that
 * cannot be written opens read-only; every write then fails with
 * SAM_ERROR_READ_ONLY before it touches anything. */
SamStore    *sam_store_open             (const char    *path,
                                         GError       **error);
/* Opens an existing register only to read it (a published register one
 * follows, or a file one may not change). */
SamStore    *sam_store_open_read_only   (const char    *path,
                                         GError       **error);
/* Copies the register at @source — a file the document portal hands out,
 * beside which SQLite can make no -wal or -shm — to @dest, a new file in
 * the app's own folder (sam_sandbox_dup_copy_path()), and opens the copy.
 * The file is read as it is: what a program that still has it open keeps
 * in its -wal is not in the copy. A file that is not a register, or one
 * from a newer Samverkan, is refused and no copy is left. */
SamStore    *sam_store_open_copy_of     (const char    *source,
                                         const char    *dest,
                                         GError       **error);
const char  *sam_store_get_path         (SamStore      *self);
gboolean     sam_store_is_read_only     (SamStore      *self);
int          sam_store_get_schema_version (SamStore    *self);

/* Who the change log names for writes through this store: the user's full
 * name unless set. */
const char  *sam_store_get_user         (SamStore      *self);
void         sam_store_set_user         (SamStore      *self,
                                         const char    *user);

gboolean     sam_store_get_meta         (SamStore        *self,
                                         SamRegisterMeta *meta,
                                         GError         **error);
gboolean     sam_store_is_empty         (SamStore      *self);
gint64       sam_store_count_actors     (SamStore      *self);

/* Actors: the store hands out detached copies. */
SamActor    *sam_store_load_actor       (SamStore      *self,
                                         const char    *id,
                                         GError       **error);
/* All live actors, sorted by name. */
GPtrArray   *sam_store_list_actors      (SamStore      *self,
                                         GError       **error);
/* Ids of the units directly inside @id. */
/* Live actors of @kind serving @area_code itself (not its county), with
 * @tag among their keywords when @tag is not NULL, sorted by name: who
 * may fill a step's role there. */
GPtrArray   *sam_store_list_actors_serving (SamStore     *self,
                                            SamActorKind  kind,
                                            const char   *tag,
                                            const char   *area_code,
                                            GError      **error);
GPtrArray   *sam_store_list_unit_ids    (SamStore      *self,
                                         const char    *id,
                                         GError       **error);
/* Adds a new actor (revision 1). */
gboolean     sam_store_insert_actor     (SamStore      *self,
                                         SamActor      *actor,
                                         GError       **error);
/* Saves @actor if nobody changed it since it was read (same revision);
 * else fails with SAM_ERROR_STALE and changes nothing. Bumps the
 * revision and updated time of @actor on success. */
gboolean     sam_store_update_actor     (SamStore      *self,
                                         SamActor      *actor,
                                         GError       **error);
gboolean     sam_store_delete_actor     (SamStore      *self,
                                         const char    *id,
                                         gint64         revision,
                                         GError       **error);
/* Undoes a delete. */
gboolean     sam_store_restore_actor    (SamStore      *self,
                                         const char    *id,
                                         GError       **error);
gboolean     sam_store_mark_verified    (SamStore      *self,
                                         SamActor      *actor,
                                         GDateTime     *at,
                                         GError       **error);
/* Live actors whose verification is overdue at @now, oldest first. */
GPtrArray   *sam_store_list_overdue     (SamStore      *self,
                                         GDateTime     *now,
                                         GError       **error);

/* Escalation paths */
GPtrArray   *sam_store_list_paths       (SamStore      *self,
                                         GError       **error);
SamEscalationPath *sam_store_load_path  (SamStore      *self,
                                         const char    *id,
                                         GError       **error);
gboolean     sam_store_insert_path      (SamStore          *self,
                                         SamEscalationPath *path,
                                         GError           **error);
/* The live paths with a step that names @actor_id, as its own contact or a
 * fallback, and @route_id of it (any of its routes when NULL); by id. */
GPtrArray   *sam_store_list_paths_using (SamStore      *self,
                                         const char    *actor_id,
                                         const char    *route_id,
                                         GError       **error);
/* Saves @path, its steps written again in the same transaction, if nobody
 * changed it since it was read (same revision); else fails with
 * SAM_ERROR_STALE and changes nothing. Bumps the revision and updated time
 * of @path on success. */
gboolean     sam_store_update_path      (SamStore          *self,
                                         SamEscalationPath *path,
                                         GError           **error);
/* Leaves a tombstone: sam_store_list_paths() no longer lists it. A
 * @revision below 0 skips the revision check. */
gboolean     sam_store_delete_path      (SamStore          *self,
                                         const char        *id,
                                         gint64             revision,
                                         GError           **error);
/* Undoes a delete. */
gboolean     sam_store_restore_path     (SamStore          *self,
                                         const char        *id,
                                         GError           **error);
/* Live actors with their names only (no routes or other details), sorted
 * by name, to choose one from: a tenth of the cost of
 * sam_store_list_actors() on a large register. */
GPtrArray   *sam_store_list_actor_choices (SamStore        *self,
                                           GError         **error);

/* The change log of one record (entity "actor" or "path"), newest first. */
GPtrArray   *sam_store_list_changes     (SamStore      *self,
                                         const char    *entity,
                                         const char    *entity_id,
                                         GError       **error);

/* Checks the database: PRAGMA integrity_check, foreign keys. Problems are
 * added to @problems as translated text. */
gboolean     sam_store_check_integrity  (SamStore      *self,
                                         GPtrArray     *problems,
                                         GError       **error);

/* Runs FTS5's integrity-check of the search index, on a private copy of
 * its tables (the register is only read: writers do not wait); damage is
 * added to @problems. FALSE with @error set when the check could not run
 * (SAM_ERROR_READ_ONLY for a read-only store). */
gboolean     sam_store_check_search_index (SamStore    *self,
                                           GPtrArray   *problems,
                                           GError     **error);

/* Replaces nothing: fills an empty register with @meta, @actors and @paths
 * in one transaction, keeping their revisions and times. */
gboolean     sam_store_import           (SamStore              *self,
                                         const SamRegisterMeta *meta,
                                         GPtrArray             *actors,
                                         GPtrArray             *paths,
                                         GError               **error);

/* Looks whether another program wrote to the register since the last look,
 * and emits ::changed if so. Cheap: call it when the window gets focus. */
gboolean     sam_store_check_for_changes (SamStore     *self);
/* Writes a consistent copy of the register to @dest_path (SQLite's online
 * backup), replacing it only when the copy is complete. */
gboolean     sam_store_backup           (SamStore      *self,
                                         const char    *dest_path,
                                         GError       **error);

G_END_DECLS
