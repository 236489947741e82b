/* sam-store-actors.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: writing actors, their routes, and their search index rows
 * (reading them is sam-store-actors-read.c).
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-actor-json.h"
#include "sam-errors.h"
#include "sam-search-vocab.h"
#include "sam-store-private.h"

/* Writing */

/* The parent must be a live actor, and the actor may not end up inside
 * itself: following parents from the new parent must never reach it. */
static gboolean
check_parent (SamStore *self, SamActor *actor, GError **error)
{
  g_autofree char *current = g_strdup (sam_actor_get_parent_id (actor));
  guint depth = 0;

  while (current != NULL)
    {
      sqlite3_stmt *stmt = _sam_store_prepare (self,
          "SELECT parent_id FROM actor WHERE id = ? AND deleted = 0", error);
      char *next;

      if (stmt == NULL)
        return FALSE;
      if (g_str_equal (current, sam_actor_get_id (actor)) || ++depth > 64)
        return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                             _("Part of: “%s” cannot be inside one of its own units."),
                             sam_actor_get_display_name (actor)), FALSE);
      _sam_bind_text (stmt, 1, current);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                               _("Part of: there is no actor with the id “%s”."), current), FALSE);
        }
      next = _sam_column_dup (stmt, 0);
      sqlite3_reset (stmt);
      g_free (current);
      current = next;
    }
  return TRUE;
}

static gboolean
write_set (SamStore *self, const char *sql, const char *id, GPtrArray *values, GError **error)
{
  for (guint i = 0; i < values->len; i++)
    {
      sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      _sam_bind_static (stmt, 1, id);
      _sam_bind_static (stmt, 2, g_ptr_array_index (values, i));
      /* a list in its order (languages) has a position */
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        sqlite3_bind_int (stmt, 3, i);
      if (!_sam_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_route (SamStore *self, const char *actor_id, guint position, SamContactRoute *route,
             GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "INSERT INTO contact_route (id, actor_id, position, kind, value, label_sv, label_en, "
      "hours, visibility, abroad) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  SamSchedule *hours = sam_contact_route_get_hours (route);
  g_autofree char *hours_text = hours ? sam_schedule_to_string (hours) : NULL;
  SamText *label = sam_contact_route_get_label (route);

  if (stmt == NULL)
    return FALSE;
  if (sam_contact_route_get_value (route) == NULL)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID, _("%s: a value is required."),
                   sam_route_kind_get_label (sam_contact_route_get_kind (route)));
      return FALSE;
    }
  _sam_bind_static (stmt, 1, sam_contact_route_get_id (route));
  _sam_bind_static (stmt, 2, actor_id);
  sqlite3_bind_int (stmt, 3, position);
  _sam_bind_static (stmt, 4, sam_route_kind_to_string (sam_contact_route_get_kind (route)));
  _sam_bind_static (stmt, 5, sam_contact_route_get_value (route));
  _sam_bind_static (stmt, 6, sam_text_get (label, SAM_LANG_SV));
  _sam_bind_static (stmt, 7, sam_text_get (label, SAM_LANG_EN));
  _sam_bind_static (stmt, 8, hours_text);
  _sam_bind_static (stmt, 9, sam_visibility_to_string (sam_contact_route_get_visibility (route)));
  sqlite3_bind_int (stmt, 10, sam_contact_route_get_abroad (route));
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  if ((sqlite3_extended_errcode (_sam_store_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("A contact route with the id “%s” is already in the register."),
                         sam_contact_route_get_id (route)), FALSE);
  return (_sam_store_set_error (self, error), FALSE);
}

static gboolean
write_children (SamStore *self, SamActor *actor, GError **error)
{
  const char *id = sam_actor_get_id (actor);
  GPtrArray *routes = sam_actor_get_routes (actor);

  if (!write_set (self, "INSERT INTO actor_area (actor_id, area_code) VALUES (?, ?)",
                  id, sam_actor_get_areas (actor), error) ||
      !write_set (self, "INSERT INTO actor_target_group (actor_id, target_group) VALUES (?, ?)",
                  id, sam_actor_get_target_groups (actor), error) ||
      !write_set (self, "INSERT INTO actor_language (actor_id, language, position) VALUES (?, ?, ?)",
                  id, sam_actor_get_languages (actor), error) ||
      !write_set (self, "INSERT INTO actor_tag (actor_id, tag) VALUES (?, ?)",
                  id, sam_actor_get_tags (actor), error))
    return FALSE;
  for (guint i = 0; i < routes->len; i++)
    if (!write_route (self, id, i, g_ptr_array_index (routes, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
delete_children (SamStore *self, const char *id, GError **error)
{
  static const char * const sql[] = {
    "DELETE FROM actor_area WHERE actor_id = ?",
    "DELETE FROM actor_target_group WHERE actor_id = ?",
    "DELETE FROM actor_language WHERE actor_id = ?",
    "DELETE FROM actor_tag WHERE actor_id = ?",
    "DELETE FROM contact_route WHERE actor_id = ?",
  };
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = _sam_store_prepare (self, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      _sam_bind_text (stmt, 1, id);
      if (!_sam_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Binds the columns an insert and an update share: ?1 … ?15 and ?18. */
static void
bind_actor (sqlite3_stmt *stmt, SamActor *actor)
{
  SamText *name = sam_actor_get_name (actor);
  SamText *desc = sam_actor_get_description (actor);
  SamSchedule *hours = sam_actor_get_hours (actor);
  g_autofree char *hours_text = hours ? sam_schedule_to_string (hours) : NULL;
  g_autofree char *verified = sam_timestamp_format (sam_actor_get_verified_at (actor));
  g_autofree char *updated = sam_timestamp_format (sam_actor_get_updated_at (actor));
  g_autofree char *key_sv = sam_text_fold (sam_text_get (name, SAM_LANG_SV));
  g_autofree char *key_en = sam_text_fold (sam_text_get (name, SAM_LANG_EN));
  g_autofree char *sort_sv = sam_text_sort_key_sv (sam_text_get (name, SAM_LANG_SV));

  _sam_bind_text (stmt, 1, sam_actor_get_id (actor));
  _sam_bind_text (stmt, 2, sam_actor_get_parent_id (actor));
  _sam_bind_text (stmt, 3, sam_actor_kind_to_string (sam_actor_get_kind (actor)));
  _sam_bind_text (stmt, 4, sam_text_get (name, SAM_LANG_SV));
  _sam_bind_text (stmt, 5, sam_text_get (name, SAM_LANG_EN));
  _sam_bind_text (stmt, 6, sam_text_get (desc, SAM_LANG_SV));
  _sam_bind_text (stmt, 7, sam_text_get (desc, SAM_LANG_EN));
  _sam_bind_text (stmt, 8, hours_text);
  _sam_bind_text (stmt, 9, verified);
  _sam_bind_text (stmt, 10, sam_actor_get_verified_by (actor));
  sqlite3_bind_int (stmt, 11, sam_actor_get_review_days (actor));
  _sam_bind_text (stmt, 12, updated);
  _sam_bind_text (stmt, 13, sam_actor_get_updated_by (actor));
  sqlite3_bind_text (stmt, 14, key_sv, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, key_en, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 18, sort_sv, -1, SQLITE_TRANSIENT);
  _sam_bind_text (stmt, 19, sam_actor_get_source (actor));
  _sam_bind_text (stmt, 20, sam_actor_get_source_read (actor));
}

static void
stamp (SamStore *self, SamActor *actor, gint64 revision)
{
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  /* whole seconds, as stored */
  g_autoptr(GDateTime) at = g_date_time_add_seconds (utc, -g_date_time_get_microsecond (utc) / 1e6);

  sam_actor_set_revision (actor, revision);
  sam_actor_set_updated (actor, at, sam_store_get_user (self));
}

gboolean
_sam_store_write_actor (SamStore  *self,
                        SamActor  *actor,
                        gboolean   keep_times,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 rowid;

  if (!sam_actor_validate (actor, error) ||
      (!keep_times && !_sam_store_check_writable (self, "actor", sam_actor_get_id (actor),
                                                  sam_actor_get_display_name (actor), error)))
    return FALSE;
  /* an import checks parents in the file: they may come after their units */
  if (!keep_times && !check_parent (self, actor, error))
    return FALSE;
  if (!keep_times || sam_actor_get_updated_at (actor) == NULL)
    stamp (self, actor, 1);
  if (sam_actor_get_revision (actor) < 1)
    sam_actor_set_revision (actor, 1);

  stmt = _sam_store_prepare (self,
      "INSERT INTO actor (id, parent_id, kind, name_sv, name_en, description_sv, description_en, "
      "hours, verified_at, verified_by, review_days, updated_at, updated_by, key_sv, key_en, "
      "revision, sort_sv, source, source_read) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?18, ?19, ?20)",
      error);
  if (stmt == NULL)
    return FALSE;
  bind_actor (stmt, actor);
  sqlite3_bind_int64 (stmt, 16, sam_actor_get_revision (actor));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_sam_store_get_db (self)) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                       _("An actor or route with the id “%s” is already in the register."),
                       sam_actor_get_id (actor));
          return FALSE;
        }
      return (_sam_store_set_error (self, error), FALSE);
    }
  /* read the rowid before the children's inserts move it */
  rowid = sqlite3_last_insert_rowid (_sam_store_get_db (self));
  if (!write_children (self, actor, error) || !_sam_store_write_search_row (self, rowid, actor, error))
    return FALSE;
  /* An import logs a row per actor without a copy of it: the file it came
   * from is the copy, and a JSON copy of each made the change log a third
   * of a large register and took seconds. */
  if (keep_times)
    return _sam_store_log_change (self, "actor", sam_actor_get_id (actor), "import",
                                  sam_actor_get_revision (actor), NULL, NULL, error);
  {
    g_autofree char *after = sam_actor_to_json_text (actor);
    return _sam_store_log_change (self, "actor", sam_actor_get_id (actor), "insert",
                                  sam_actor_get_revision (actor), NULL, after, error);
  }
}

gboolean
sam_store_insert_actor (SamStore  *self,
                        SamActor  *actor,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_ACTOR (actor), FALSE);

  return _sam_store_begin (self, error) &&
         _sam_store_end (self, _sam_store_write_actor (self, actor, FALSE, error), error);
}

/* Updating */

/* Loads the stored actor for a write and checks @revision against it. */
static SamActor *
load_for_write (SamStore *self, const char *id, gint64 revision, GError **error)
{
  g_autoptr(SamActor) stored = _sam_store_load_actor_full (self, id, FALSE, error);

  if (stored == NULL)
    return NULL;
  if (sam_actor_get_revision (stored) != revision)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_STALE,
                   _("“%s” was changed by %s since you opened it (version %u, yours is %u). "
                     "Nothing was saved: reload it to see the changes, then make yours again."),
                   sam_actor_get_display_name (stored),
                   sam_actor_get_updated_by (stored) ? sam_actor_get_updated_by (stored)
                                                     : _("someone else"),
                   (guint) sam_actor_get_revision (stored), (guint) revision);
      return NULL;
    }
  return g_steal_pointer (&stored);
}

static gboolean
update_row (SamStore *self, SamActor *actor, gint64 old_revision, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "UPDATE actor SET parent_id = ?2, kind = ?3, name_sv = ?4, name_en = ?5, "
      "description_sv = ?6, description_en = ?7, hours = ?8, verified_at = ?9, "
      "verified_by = ?10, review_days = ?11, updated_at = ?12, updated_by = ?13, "
      "key_sv = ?14, key_en = ?15, revision = ?16, sort_sv = ?18, source = ?19, source_read = ?20 WHERE id = ?1 AND revision = ?17",
      error);

  if (stmt == NULL)
    return FALSE;
  bind_actor (stmt, actor);
  sqlite3_bind_int64 (stmt, 16, sam_actor_get_revision (actor));
  sqlite3_bind_int64 (stmt, 17, old_revision);
  return _sam_store_step_done (self, stmt, error);
}

static gboolean
update_in_transaction (SamStore *self, SamActor *actor, const char *op, GError **error)
{
  gint64 old_revision = sam_actor_get_revision (actor);
  g_autoptr(SamActor) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  if (!sam_actor_validate (actor, error) || !check_parent (self, actor, error) ||
      !_sam_store_check_writable (self, "actor", sam_actor_get_id (actor),
                                  sam_actor_get_display_name (actor), error))
    return FALSE;
  stored = load_for_write (self, sam_actor_get_id (actor), old_revision, error);
  if (stored == NULL)
    return FALSE;
  if (g_str_equal (op, "update"))
    stamp (self, actor, old_revision + 1);
  else
    sam_actor_set_revision (actor, old_revision + 1);

  /* the search row goes with the text it was written with: first */
  if (!_sam_store_delete_search_row (self, sam_actor_get_id (actor), error) ||
      !update_row (self, actor, old_revision, error) ||
      !delete_children (self, sam_actor_get_id (actor), error) ||
      !write_children (self, actor, error))
    return FALSE;
  stmt = _sam_store_prepare (self, "SELECT rowid FROM actor WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, sam_actor_get_id (actor));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return (_sam_store_set_error (self, error), FALSE);
  {
    gint64 rowid = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
    if (!_sam_store_write_search_row (self, rowid, actor, error))
      return FALSE;
  }

  before = sam_actor_to_json_text (stored);
  after = sam_actor_to_json_text (actor);
  return _sam_store_log_change (self, "actor", sam_actor_get_id (actor), op,
                                sam_actor_get_revision (actor), before, after, error) &&
         _sam_store_note_revision (self, "actor", sam_actor_get_id (actor), G_OBJECT (stored),
                                   G_OBJECT (actor), error);
}

gboolean
_sam_store_update_actor_in_transaction (SamStore *self, SamActor *actor, GError **error)
{
  return update_in_transaction (self, actor, "update", error);
}

/* For a merge (sam-store-merge.c): the actor as it is, live again. */
gboolean
_sam_store_overwrite_actor (SamStore *self, SamActor *actor, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 rowid;

  if (!sam_actor_validate (actor, error) ||
      !_sam_store_delete_search_row (self, sam_actor_get_id (actor), error))
    return FALSE;
  /* a file need not say when a record changed: then it changed when it came in */
  if (sam_actor_get_updated_at (actor) == NULL)
    stamp (self, actor, sam_actor_get_revision (actor));
  stmt = _sam_store_prepare (self,
      "UPDATE actor SET parent_id = ?2, kind = ?3, name_sv = ?4, name_en = ?5, "
      "description_sv = ?6, description_en = ?7, hours = ?8, verified_at = ?9, "
      "verified_by = ?10, review_days = ?11, updated_at = ?12, updated_by = ?13, "
      "key_sv = ?14, key_en = ?15, revision = ?16, sort_sv = ?18, source = ?19, source_read = ?20, deleted = 0 WHERE id = ?1 "
      "RETURNING rowid", error);
  if (stmt == NULL)
    return FALSE;
  bind_actor (stmt, actor);
  sqlite3_bind_int64 (stmt, 16, sam_actor_get_revision (actor));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return (_sam_store_set_error (self, error), FALSE);
  rowid = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return delete_children (self, sam_actor_get_id (actor), error) &&
         write_children (self, actor, error) &&
         _sam_store_write_search_row (self, rowid, actor, error);
}

/* Runs @op on a copy so @actor keeps its revision when the write fails. */
static gboolean
save_actor (SamStore *self, SamActor *actor, const char *op, GError **error)
{
  g_autoptr(SamActor) work = sam_actor_copy (actor);

  if (!_sam_store_begin (self, error) ||
      !_sam_store_end (self, update_in_transaction (self, work, op, error), error))
    return FALSE;
  sam_actor_set_revision (actor, sam_actor_get_revision (work));
  sam_actor_set_updated (actor, sam_actor_get_updated_at (work), sam_actor_get_updated_by (work));
  return TRUE;
}

gboolean
sam_store_update_actor (SamStore  *self,
                        SamActor  *actor,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_ACTOR (actor), FALSE);
  return save_actor (self, actor, "update", error);
}

gboolean
sam_store_mark_verified (SamStore   *self,
                         SamActor   *actor,
                         GDateTime  *at,
                         GError    **error)
{
  g_autoptr(GDateTime) old_at = NULL;
  g_autofree char *old_by = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_ACTOR (actor), FALSE);

  old_at = sam_actor_get_verified_at (actor) ? g_date_time_ref (sam_actor_get_verified_at (actor)) : NULL;
  old_by = g_strdup (sam_actor_get_verified_by (actor));
  sam_actor_set_verified (actor, at, sam_store_get_user (self));
  if (save_actor (self, actor, "verify", error))
    return TRUE;
  sam_actor_set_verified (actor, old_at, old_by);
  return FALSE;
}

static gboolean
set_deleted (SamStore *self, const char *id, gint64 revision, gboolean deleted, GError **error)
{
  g_autoptr(SamActor) stored = _sam_store_load_actor_full (self, id, TRUE, error);
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  if (stored == NULL ||
      !_sam_store_check_writable (self, "actor", id, sam_actor_get_display_name (stored), error) ||
      !_sam_store_check_deleted_change (self, "actor", id, sam_actor_get_display_name (stored),
                                        deleted, error) ||
      (!deleted && !check_parent (self, stored, error)))
    return FALSE;
  if (revision >= 0 && sam_actor_get_revision (stored) != revision)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_STALE,
                   _("“%s” was changed by someone else since you opened it. Nothing was "
                     "deleted: reload it and try again."), sam_actor_get_display_name (stored));
      return FALSE;
    }
  if (deleted)
    {
      g_autoptr(GPtrArray) units = sam_store_list_unit_ids (self, id, error);

      if (units == NULL)
        return FALSE;
      if (units->len > 0)
        return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "“%s” has %u unit. Delete it or move it to another "
                                          "organisation first.",
                                          "“%s” has %u units. Delete them or move them to another "
                                          "organisation first.", units->len),
                             sam_actor_get_display_name (stored), units->len), FALSE);
    }
  if (!_sam_store_delete_search_row (self, id, error))
    return FALSE;
  stmt = _sam_store_prepare (self,
      "UPDATE actor SET deleted = ?2, revision = revision + 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, deleted);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (!deleted)
    {
      stmt = _sam_store_prepare (self, "SELECT rowid FROM actor WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      _sam_bind_text (stmt, 1, id);
      gint64 rowid;

      if (sqlite3_step (stmt) != SQLITE_ROW)
        return (_sam_store_set_error (self, error), FALSE);
      rowid = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (!_sam_store_write_search_row (self, rowid, stored, error))
        return FALSE;
    }
  json = sam_actor_to_json_text (stored);
  return _sam_store_log_change (self, "actor", id, deleted ? "delete" : "restore",
                                sam_actor_get_revision (stored) + 1,
                                deleted ? json : NULL, deleted ? NULL : json, error) &&
         _sam_store_note_revision (self, "actor", id, deleted ? G_OBJECT (stored) : NULL,
                                   deleted ? NULL : G_OBJECT (stored), error);
}

static gboolean
change_deleted (SamStore *self, const char *id, gint64 revision, gboolean deleted, GError **error)
{
  return _sam_store_begin (self, error) &&
         _sam_store_end (self, set_deleted (self, id, revision, deleted, error), error);
}

gboolean
sam_store_delete_actor (SamStore    *self,
                        const char  *id,
                        gint64       revision,
                        GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  return change_deleted (self, id, revision, TRUE, error);
}

gboolean
sam_store_restore_actor (SamStore    *self,
                         const char  *id,
                         GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  return change_deleted (self, id, -1, FALSE, error);
}
