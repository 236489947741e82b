/* sam-store-paths.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: escalation paths and their steps: insert, read, update,
 * delete (a tombstone) and restore.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-actor-json.h"
#include "sam-errors.h"
#include "sam-schedule.h"
#include "sam-merge-private.h"
#include "sam-store-private.h"

static gboolean
write_answers (SamStore *self, const char *path_id, SamEscalationStep *step, GError **error)
{
  GPtrArray *answers = sam_escalation_step_get_answers (step);

  for (guint i = 0; i < answers->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (answers, i);
      sqlite3_stmt *stmt = _sam_store_prepare (self,
          "INSERT INTO step_answer (step_id, position, label_sv, label_en, next_step, next_path, "
          "path_id) VALUES (?, ?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      _sam_bind_text (stmt, 1, sam_escalation_step_get_id (step));
      sqlite3_bind_int (stmt, 2, i);
      _sam_bind_text (stmt, 3, sam_text_get (&a->label, SAM_LANG_SV));
      _sam_bind_text (stmt, 4, sam_text_get (&a->label, SAM_LANG_EN));
      _sam_bind_text (stmt, 5, a->next);
      _sam_bind_text (stmt, 6, a->path);
      _sam_bind_text (stmt, 7, path_id);
      if (!_sam_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_fallbacks (SamStore *self, const char *path_id, SamEscalationStep *step, GError **error)
{
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);

  for (guint i = 0; i < fallbacks->len; i++)
    {
      SamStepFallback *f = g_ptr_array_index (fallbacks, i);
      sqlite3_stmt *stmt = _sam_store_prepare (self,
          "INSERT INTO step_fallback (step_id, position, actor_id, route_id, path_id) "
          "VALUES (?, ?, ?, ?, ?)",
          error);

      if (stmt == NULL)
        return FALSE;
      _sam_bind_text (stmt, 1, sam_escalation_step_get_id (step));
      sqlite3_bind_int (stmt, 2, i);
      _sam_bind_text (stmt, 3, f->actor_id);
      _sam_bind_text (stmt, 4, f->route_id);
      _sam_bind_text (stmt, 5, path_id);
      if (!_sam_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A step's role in four columns from @first on, all NULL for none. */
static void
bind_role (sqlite3_stmt *stmt, int first, const SamStepRole *role)
{
  /* a cached statement keeps its last bindings: clear them for no role */
  for (int i = 0; i < 4; i++)
    sqlite3_bind_null (stmt, first + i);
  if (role == NULL)
    return;
  _sam_bind_text (stmt, first, sam_actor_kind_to_string (role->kind));
  _sam_bind_text (stmt, first + 1, role->tag);
  _sam_bind_text (stmt, first + 2, role->has_route_kind ? sam_route_kind_to_string (role->route_kind) : NULL);
  _sam_bind_text (stmt, first + 3, sam_role_scope_to_string (role->scope));
}

static void
read_role (sqlite3_stmt *stmt, int first, SamEscalationStep *step)
{
  g_autoptr(SamStepRole) role = NULL;
  SamActorKind kind;
  SamRouteKind route_kind = SAM_N_ROUTE_KINDS;
  SamRoleScope scope = SAM_ROLE_SCOPE_MUNICIPALITY;

  if (!sam_actor_kind_from_string ((const char *) sqlite3_column_text (stmt, first), &kind))
    return;
  sam_route_kind_from_string ((const char *) sqlite3_column_text (stmt, first + 2), &route_kind);
  sam_role_scope_from_string ((const char *) sqlite3_column_text (stmt, first + 3), &scope);
  role = sam_step_role_new (kind, (const char *) sqlite3_column_text (stmt, first + 1), scope);
  sam_step_role_set_route_kind (role, route_kind);
  sam_escalation_step_set_role (step, role);
}

static gboolean
write_step (SamStore *self, const char *path_id, guint position, SamEscalationStep *step,
            GError **error)
{
  SamUrgency urgency = sam_escalation_step_get_urgency (step);
  SamText *text = sam_escalation_step_get_text (step);
  SamText *legal = sam_escalation_step_get_legal_ref (step);
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "INSERT INTO escalation_step (id, path_id, position, kind, text_sv, text_en, legal_ref_sv, "
      "legal_ref_en, actor_id, route_id, urgency, next_step, role_kind, role_tag, role_route, "
      "role_scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, sam_escalation_step_get_id (step));
  _sam_bind_text (stmt, 2, path_id);
  sqlite3_bind_int (stmt, 3, position);
  _sam_bind_text (stmt, 4, sam_step_kind_to_string (sam_escalation_step_get_kind (step)));
  _sam_bind_text (stmt, 5, sam_text_get (text, SAM_LANG_SV));
  _sam_bind_text (stmt, 6, sam_text_get (text, SAM_LANG_EN));
  _sam_bind_text (stmt, 7, sam_text_get (legal, SAM_LANG_SV));
  _sam_bind_text (stmt, 8, sam_text_get (legal, SAM_LANG_EN));
  _sam_bind_text (stmt, 9, sam_escalation_step_get_actor_id (step));
  _sam_bind_text (stmt, 10, sam_escalation_step_get_route_id (step));
  _sam_bind_text (stmt, 11, urgency ? sam_urgency_to_string (urgency) : NULL);
  _sam_bind_text (stmt, 12, sam_escalation_step_get_next (step));
  bind_role (stmt, 13, sam_escalation_step_get_role (step));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_sam_store_get_db (self)) == SQLITE_CONSTRAINT_PRIMARYKEY)
        return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                             _("A step with the id “%s” is already in the path “%s”."),
                             sam_escalation_step_get_id (step), path_id), FALSE);
      return (_sam_store_set_error (self, error), FALSE);
    }
  return write_answers (self, path_id, step, error) &&
         write_fallbacks (self, path_id, step, error);
}

/* Parameters 1-11 of the INSERT and the UPDATE of a path's own row. */
static void
bind_path (sqlite3_stmt *stmt, SamEscalationPath *path, const char *updated)
{
  SamText *title = sam_escalation_path_get_title (path);
  SamText *summary = sam_escalation_path_get_summary (path);

  _sam_bind_text (stmt, 1, sam_escalation_path_get_id (path));
  _sam_bind_text (stmt, 2, sam_situation_to_string (sam_escalation_path_get_situation (path)));
  _sam_bind_text (stmt, 3, sam_escalation_path_get_area (path));
  _sam_bind_text (stmt, 4, sam_escalation_path_get_start (path));
  _sam_bind_text (stmt, 5, sam_text_get (title, SAM_LANG_SV));
  _sam_bind_text (stmt, 6, sam_text_get (title, SAM_LANG_EN));
  _sam_bind_text (stmt, 7, sam_text_get (summary, SAM_LANG_SV));
  _sam_bind_text (stmt, 8, sam_text_get (summary, SAM_LANG_EN));
  sqlite3_bind_int64 (stmt, 9, sam_escalation_path_get_revision (path));
  _sam_bind_text (stmt, 10, updated);
  _sam_bind_text (stmt, 11, sam_escalation_path_get_updated_by (path));
}

gboolean
_sam_store_write_path (SamStore          *self,
                       SamEscalationPath *path,
                       GError           **error)
{
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  g_autofree char *updated = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  if (!_sam_store_check_writable (self, "path", sam_escalation_path_get_id (path),
                                  sam_escalation_path_get_display_title (path), error) ||
      !sam_escalation_path_check_size (path, error))
    return FALSE;
  if (sam_escalation_path_get_revision (path) < 1)
    sam_escalation_path_set_revision (path, 1);
  if (sam_escalation_path_get_updated_at (path) == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) at = g_date_time_add_seconds (now, -g_date_time_get_microsecond (now) / 1e6);
      sam_escalation_path_set_updated (path, at, sam_store_get_user (self));
    }
  updated = sam_timestamp_format (sam_escalation_path_get_updated_at (path));

  stmt = _sam_store_prepare (self,
      "INSERT INTO escalation_path (id, situation, area_code, start_step, title_sv, title_en, "
      "summary_sv, summary_en, revision, updated_at, updated_by) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  bind_path (stmt, path, updated);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < steps->len; i++)
    if (!write_step (self, sam_escalation_path_get_id (path), i, g_ptr_array_index (steps, i), error))
      return FALSE;
  after = sam_path_to_json_text (path);
  return _sam_store_log_change (self, "path", sam_escalation_path_get_id (path), "insert",
                                sam_escalation_path_get_revision (path), NULL, after, error);
}

gboolean
sam_store_insert_path (SamStore          *self,
                       SamEscalationPath *path,
                       GError           **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return _sam_store_begin (self, error) &&
         _sam_store_end (self, _sam_store_write_path (self, path, error), error);
}

static gboolean
read_answers (SamStore *self, const char *path_id, SamEscalationStep *step, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT label_sv, label_en, next_step, next_path FROM step_answer "
      "WHERE path_id = ?2 AND step_id = ?1 ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, sam_escalation_step_get_id (step));
  _sam_bind_text (stmt, 2, path_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamStepAnswer *a = sam_escalation_step_add_answer (step,
          (const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3));
      sam_text_set (&a->label, SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, 0));
      sam_text_set (&a->label, SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

static gboolean
read_fallbacks (SamStore *self, const char *path_id, SamEscalationStep *step, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT actor_id, route_id FROM step_fallback WHERE path_id = ?2 AND step_id = ?1 "
      "ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, sam_escalation_step_get_id (step));
  _sam_bind_text (stmt, 2, path_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sam_escalation_step_add_fallback (step, (const char *) sqlite3_column_text (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

static gboolean
read_steps (SamStore *self, SamEscalationPath *path, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT id, kind, text_sv, text_en, legal_ref_sv, legal_ref_en, actor_id, route_id, "
      "urgency, next_step, role_kind, role_tag, role_route, role_scope "
      "FROM escalation_step WHERE path_id = ? ORDER BY position", error);
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, sam_escalation_path_get_id (path));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamStepKind kind = SAM_STEP_KIND_NOTE;
      SamUrgency urgency = SAM_URGENCY_NONE;
      g_autoptr(SamEscalationStep) step = NULL;

      sam_step_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind);
      step = sam_escalation_step_new ((const char *) sqlite3_column_text (stmt, 0), kind);
      sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, 2));
      sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, 3));
      sam_text_set (sam_escalation_step_get_legal_ref (step), SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, 4));
      sam_text_set (sam_escalation_step_get_legal_ref (step), SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, 5));
      sam_escalation_step_set_contact (step, (const char *) sqlite3_column_text (stmt, 6),
                                       (const char *) sqlite3_column_text (stmt, 7));
      if (sam_urgency_from_string ((const char *) sqlite3_column_text (stmt, 8), &urgency))
        sam_escalation_step_set_urgency (step, urgency);
      sam_escalation_step_set_next (step, (const char *) sqlite3_column_text (stmt, 9));
      read_role (stmt, 10, step);
      sam_escalation_path_add_step (path, step);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  for (guint i = 0; i < steps->len; i++)
    if (!read_answers (self, sam_escalation_path_get_id (path), g_ptr_array_index (steps, i), error) ||
        !read_fallbacks (self, sam_escalation_path_get_id (path), g_ptr_array_index (steps, i), error))
      return FALSE;
  return TRUE;
}

static GPtrArray *
load_paths (SamStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamEscalationPath *path = sam_escalation_path_new ((const char *) sqlite3_column_text (stmt, 0));
      SamSituation situation = SAM_SITUATION_OTHER;
      g_autoptr(GDateTime) updated = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 9));

      sam_situation_from_string ((const char *) sqlite3_column_text (stmt, 1), &situation);
      sam_escalation_path_set_situation (path, situation);
      sam_escalation_path_set_area (path, (const char *) sqlite3_column_text (stmt, 2));
      sam_escalation_path_set_start (path, (const char *) sqlite3_column_text (stmt, 3));
      sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, 4));
      sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, 5));
      sam_text_set (sam_escalation_path_get_summary (path), SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, 6));
      sam_text_set (sam_escalation_path_get_summary (path), SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, 7));
      sam_escalation_path_set_revision (path, sqlite3_column_int64 (stmt, 8));
      sam_escalation_path_set_updated (path, updated, (const char *) sqlite3_column_text (stmt, 10));
      g_ptr_array_add (paths, path);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  for (guint i = 0; i < paths->len; i++)
    if (!read_steps (self, g_ptr_array_index (paths, i), error))
      return NULL;
  return g_steal_pointer (&paths);
}

#define PATH_COLUMNS "id, situation, area_code, start_step, title_sv, title_en, summary_sv, " \
                     "summary_en, revision, updated_at, updated_by"

GPtrArray *
sam_store_list_paths (SamStore  *self,
                      GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  stmt = _sam_store_prepare (self,
      "SELECT " PATH_COLUMNS " FROM escalation_path WHERE deleted = 0 ORDER BY id", error);
  return stmt ? load_paths (self, stmt, error) : NULL;
}

/* One path, a tombstone too when @include_deleted. */
static SamEscalationPath *
load_path_full (SamStore *self, const char *id, gboolean include_deleted, GError **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  sqlite3_stmt *stmt;

  stmt = include_deleted
    ? _sam_store_prepare (self, "SELECT " PATH_COLUMNS " FROM escalation_path WHERE id = ?", error)
    : _sam_store_prepare (self,
                          "SELECT " PATH_COLUMNS " FROM escalation_path WHERE id = ? AND deleted = 0",
                          error);
  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, id);
  paths = load_paths (self, stmt, error);
  if (paths == NULL)
    return NULL;
  if (paths->len == 0)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND,
                   _("There is no escalation path with the id “%s” in the register."), id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (paths, 0));
}

SamEscalationPath *
sam_store_load_path (SamStore    *self,
                     const char  *id,
                     GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  return load_path_full (self, id, FALSE, error);
}

/* Updating and deleting */

static gboolean
check_revision (SamEscalationPath *stored, gint64 revision, GError **error)
{
  const char *by = sam_escalation_path_get_updated_by (stored);

  if (sam_escalation_path_get_revision (stored) == revision)
    return TRUE;
  g_set_error (error, SAM_ERROR, SAM_ERROR_STALE,
               _("The escalation path “%s” was changed by %s since you opened it (version %u, "
                 "yours is %u). Nothing was saved: reload it to see the changes, then make "
                 "yours again."),
               sam_escalation_path_get_display_title (stored), by ? by : _("someone else"),
               (guint) sam_escalation_path_get_revision (stored), (guint) revision);
  return FALSE;
}

static void
stamp (SamStore *self, SamEscalationPath *path, gint64 revision)
{
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  /* whole seconds, as stored */
  g_autoptr(GDateTime) at = g_date_time_add_seconds (utc, -g_date_time_get_microsecond (utc) / 1e6);

  sam_escalation_path_set_revision (path, revision);
  sam_escalation_path_set_updated (path, at, sam_store_get_user (self));
}

static gboolean
update_row (SamStore *self, SamEscalationPath *path, gint64 old_revision, GError **error)
{
  g_autofree char *updated = sam_timestamp_format (sam_escalation_path_get_updated_at (path));
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "UPDATE escalation_path SET situation = ?2, area_code = ?3, start_step = ?4, title_sv = ?5, "
      "title_en = ?6, summary_sv = ?7, summary_en = ?8, revision = ?9, updated_at = ?10, "
      "updated_by = ?11 WHERE id = ?1 AND revision = ?12 AND deleted = 0", error);

  if (stmt == NULL)
    return FALSE;
  bind_path (stmt, path, updated);
  sqlite3_bind_int64 (stmt, 12, old_revision);
  return _sam_store_step_done (self, stmt, error);
}

/* The steps are written again whole: answers and fallbacks go with their
 * step (ON DELETE CASCADE). */
static gboolean
rewrite_steps (SamStore *self, SamEscalationPath *path, GError **error)
{
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "DELETE FROM escalation_step WHERE path_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, sam_escalation_path_get_id (path));
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < steps->len; i++)
    if (!write_step (self, sam_escalation_path_get_id (path), i, g_ptr_array_index (steps, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
update_in_transaction (SamStore *self, SamEscalationPath *path, GError **error)
{
  gint64 old_revision = sam_escalation_path_get_revision (path);
  g_autoptr(SamEscalationPath) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  stored = load_path_full (self, sam_escalation_path_get_id (path), FALSE, error);
  if (stored == NULL || !check_revision (stored, old_revision, error) ||
      !_sam_store_check_writable (self, "path", sam_escalation_path_get_id (path),
                                  sam_escalation_path_get_display_title (stored), error) ||
      !sam_escalation_path_check_size (path, error))
    return FALSE;
  stamp (self, path, old_revision + 1);
  if (!update_row (self, path, old_revision, error) || !rewrite_steps (self, path, error))
    return FALSE;
  before = sam_path_to_json_text (stored);
  after = sam_path_to_json_text (path);
  return _sam_store_log_change (self, "path", sam_escalation_path_get_id (path), "update",
                                sam_escalation_path_get_revision (path), before, after, error) &&
         _sam_store_note_revision (self, "path", sam_escalation_path_get_id (path),
                                   G_OBJECT (stored), G_OBJECT (path), error);
}

gboolean
sam_store_update_path (SamStore           *self,
                       SamEscalationPath  *path,
                       GError            **error)
{
  /* written from a copy so @path keeps its revision when the write fails */
  g_autoptr(SamEscalationPath) work = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_ESCALATION_PATH (path), FALSE);

  work = sam_escalation_path_copy (path);
  if (!_sam_store_begin (self, error) ||
      !_sam_store_end (self, update_in_transaction (self, work, error), error))
    return FALSE;
  sam_escalation_path_set_revision (path, sam_escalation_path_get_revision (work));
  sam_escalation_path_set_updated (path, sam_escalation_path_get_updated_at (work),
                                   sam_escalation_path_get_updated_by (work));
  return TRUE;
}

static gboolean
set_deleted (SamStore *self, const char *id, gint64 revision, gboolean deleted, GError **error)
{
  g_autoptr(SamEscalationPath) stored = load_path_full (self, id, TRUE, error);
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  if (stored == NULL ||
      !_sam_store_check_writable (self, "path", id, sam_escalation_path_get_display_title (stored), error) ||
      !_sam_store_check_deleted_change (self, "path", id, sam_escalation_path_get_display_title (stored), deleted, error))
    return FALSE;
  if (revision >= 0 && sam_escalation_path_get_revision (stored) != revision)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_STALE,
                         _("The escalation path “%s” was changed by someone else since you opened "
                           "it. Nothing was deleted: reload it and try again."),
                         sam_escalation_path_get_display_title (stored)), FALSE);
  stmt = _sam_store_prepare (self,
      "UPDATE escalation_path SET deleted = ?2, revision = revision + 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, deleted);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  sam_escalation_path_set_revision (stored, sam_escalation_path_get_revision (stored) + 1);
  json = sam_path_to_json_text (stored);
  return _sam_store_log_change (self, "path", id, deleted ? "delete" : "restore",
                                sam_escalation_path_get_revision (stored),
                                deleted ? json : NULL, deleted ? NULL : json, error) &&
         _sam_store_note_revision (self, "path", id, deleted ? G_OBJECT (stored) : NULL,
                                   deleted ? NULL : G_OBJECT (stored), error);
}

static gboolean
change_deleted (SamStore *self, const char *id, gint64 revision, gboolean deleted, GError **error)
{
  return _sam_store_begin (self, error) &&
         _sam_store_end (self, set_deleted (self, id, revision, deleted, error), error);
}

gboolean
sam_store_delete_path (SamStore    *self,
                       const char  *id,
                       gint64       revision,
                       GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  return change_deleted (self, id, revision, TRUE, error);
}

gboolean
sam_store_restore_path (SamStore    *self,
                        const char  *id,
                        GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  return change_deleted (self, id, -1, FALSE, error);
}

/* Choosing the actors of steps */

GPtrArray *
sam_store_list_actor_choices (SamStore  *self,
                              GError   **error)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  stmt = _sam_store_prepare (self,
      "SELECT id, name_sv, name_en FROM actor WHERE deleted = 0 ORDER BY sort_sv, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamActor *actor = sam_actor_new ((const char *) sqlite3_column_text (stmt, 0));

      sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, 1));
      sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (actors, actor);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  return g_steal_pointer (&actors);
}
