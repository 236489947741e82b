/* sam-store-deleted.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: recently deleted records. A tombstone is a row with deleted = 1;
 * a purged one has deleted = 2 and keeps only what merges and export
 * filters read (id, revision, time, kind, areas, situation, ancestry).
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-store-deleted.h"
#include "sam-store-private.h"

/* when and who from the last 'delete' in the change log; a merge's
 * deletion names the register it came from */
#define DELETED_SELECT(entity, table, name_sv, name_en) \
  "SELECT '" entity "', r.id, r." name_sv ", r." name_en ", coalesce (l.at, r.updated_at), " \
  "l.who, coalesce (s.name, l.source) FROM " table " r LEFT JOIN change_log l ON l.id = (SELECT max (id) " \
  "FROM change_log WHERE entity = '" entity "' AND entity_id = r.id AND op = 'delete') " \
  "LEFT JOIN sync_source s ON s.id = l.source WHERE r.deleted = 1"

void
sam_deleted_record_free (SamDeletedRecord *record)
{
  g_free (record->entity);
  g_free (record->id);
  sam_text_clear (&record->name);
  g_clear_pointer (&record->deleted_at, g_date_time_unref);
  g_free (record->deleted_by);
  g_free (record->source);
  g_free (record);
}

int
_sam_store_get_deleted_state (SamStore *self, const char *entity, const char *id)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, g_str_equal (entity, "path")
      ? "SELECT deleted FROM escalation_path WHERE id = ?"
      : "SELECT deleted FROM actor WHERE id = ?", NULL);
  int state = -1;

  if (stmt == NULL)
    return -1;
  _sam_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    state = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return state;
}

gboolean
_sam_store_check_deleted_change (SamStore *self, const char *entity, const char *id,
                                 const char *name, gboolean deleting, GError **error)
{
  int state = _sam_store_get_deleted_state (self, entity, id);

  if (deleting && state > 0)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("“%s” is already deleted."), name), FALSE);
  if (!deleting && state == 0)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("“%s” is not deleted: there is nothing to restore."), name), FALSE);
  if (!deleting && state == 2)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND,
                         _("“%s” was deleted so long ago that its details have been purged: "
                           "it cannot be restored."), id), FALSE);
  return TRUE;
}

static SamDeletedRecord *
read_record (sqlite3_stmt *stmt)
{
  SamDeletedRecord *record = g_new0 (SamDeletedRecord, 1);

  record->entity = _sam_column_dup (stmt, 0);
  record->id = _sam_column_dup (stmt, 1);
  sam_text_set (&record->name, SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, 2));
  sam_text_set (&record->name, SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, 3));
  record->deleted_at = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 4));
  record->deleted_by = _sam_column_dup (stmt, 5);
  record->source = _sam_column_dup (stmt, 6);
  return record;
}

static gint
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const SamDeletedRecord *ra = *(SamDeletedRecord * const *) a;
  const SamDeletedRecord *rb = *(SamDeletedRecord * const *) b;
  int c = 0;

  if (ra->deleted_at != NULL && rb->deleted_at != NULL)
    c = g_date_time_compare (rb->deleted_at, ra->deleted_at);
  return c != 0 ? c : g_strcmp0 (ra->id, rb->id);
}

/* Whether the store's guard refuses writing @record here. */
static gboolean
is_followed (SamStore *self, SamDeletedRecord *record)
{
  const char *name = sam_text_get_best (&record->name, sam_lang_from_locale (), NULL);

  return !_sam_store_check_writable (self, record->entity, record->id, name, NULL);
}

GPtrArray *
sam_store_list_deleted (SamStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_deleted_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  stmt = _sam_store_prepare (self,
      DELETED_SELECT ("actor", "actor", "name_sv", "name_en") " UNION ALL "
      DELETED_SELECT ("path", "escalation_path", "title_sv", "title_en"), error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read_record (stmt));
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  sqlite3_reset (stmt);
  for (guint i = 0; i < records->len; i++)
    {
      SamDeletedRecord *record = g_ptr_array_index (records, i);

      record->followed = is_followed (self, record);
    }
  g_ptr_array_sort (records, compare_newest_first);
  return g_steal_pointer (&records);
}

gboolean
sam_store_restore_record (SamStore    *self,
                          const char  *id,
                          GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  if (_sam_store_get_deleted_state (self, "actor", id) >= 0)
    return sam_store_restore_actor (self, id, error);
  if (_sam_store_get_deleted_state (self, "path", id) >= 0)
    return sam_store_restore_path (self, id, error);
  return (g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND,
                       _("There is no actor or escalation path with the id “%s” in the register."),
                       id), FALSE);
}

static gboolean
run (SamStore *self, const char *sql, const char *id, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, id);
  return _sam_store_step_done (self, stmt, error);
}

/* Drops an actor's details but its kind and areas, which export filters
 * match deletions by. */
static gboolean
purge_actor (SamStore *self, const char *id, GError **error)
{
  return run (self, "DELETE FROM contact_route WHERE actor_id = ?", id, error) &&
         run (self, "DELETE FROM actor_target_group WHERE actor_id = ?", id, error) &&
         run (self, "DELETE FROM actor_language WHERE actor_id = ?", id, error) &&
         run (self, "DELETE FROM actor_tag WHERE actor_id = ?", id, error) &&
         run (self, "UPDATE actor SET deleted = 2, name_sv = '', name_en = '', description_sv = NULL, "
                    "description_en = NULL, hours = NULL, verified_by = NULL, updated_by = NULL, "
                    "key_sv = '', key_en = '', sort_sv = '' WHERE id = ?", id, error);
}

static gboolean
purge_path (SamStore *self, const char *id, GError **error)
{
  return run (self, "DELETE FROM escalation_step WHERE path_id = ?", id, error) &&
         run (self, "UPDATE escalation_path SET deleted = 2, start_step = '', title_sv = NULL, "
                    "title_en = NULL, summary_sv = NULL, summary_en = NULL, updated_by = NULL "
                    "WHERE id = ?", id, error);
}

/* The change log keeps when and who, not what the record said. */
static gboolean
purge_one (SamStore *self, SamDeletedRecord *record, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "UPDATE change_log SET before = NULL, after = NULL WHERE entity = ?1 AND entity_id = ?2",
      error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, record->entity);
  _sam_bind_text (stmt, 2, record->id);
  if (!_sam_store_step_done (self, stmt, error) ||
      !(g_str_equal (record->entity, "path") ? purge_path (self, record->id, error)
                                             : purge_actor (self, record->id, error)))
    return FALSE;
  return _sam_store_log_change (self, record->entity, record->id, "purge", 0, NULL, NULL, error);
}

static gboolean
is_due (SamDeletedRecord *record, GDateTime *before)
{
  return record->deleted_at == NULL || g_date_time_compare (record->deleted_at, before) < 0;
}

/* What is due and may be written here, counting what may not. */
static GPtrArray *
list_due (SamStore *self, GDateTime *before, guint *n_kept, GError **error)
{
  g_autoptr(GPtrArray) records = sam_store_list_deleted (self, error);
  GPtrArray *due;

  if (records == NULL)
    return NULL;
  due = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_deleted_record_free);
  *n_kept = 0;
  for (guint i = 0; i < records->len; i++)
    {
      SamDeletedRecord *record = g_ptr_array_index (records, i);

      if (!is_due (record, before))
        continue;
      if (record->followed)
        (*n_kept)++;
      else
        g_ptr_array_add (due, g_ptr_array_steal_index (records, i--));
    }
  return due;
}

static gboolean
purge_in_transaction (SamStore *self, GDateTime *before, guint *n_purged, guint *n_kept,
                      GError **error)
{
  g_autoptr(GPtrArray) due = list_due (self, before, n_kept, error);

  if (due == NULL)
    return FALSE;
  for (guint i = 0; i < due->len; i++)
    if (!purge_one (self, g_ptr_array_index (due, i), error))
      return FALSE;
  *n_purged = due->len;
  return TRUE;
}

gboolean
sam_store_purge_deleted (SamStore   *self,
                         GDateTime  *before,
                         guint      *n_purged,
                         guint      *n_kept,
                         GError    **error)
{
  g_autoptr(GPtrArray) due = NULL;
  guint purged = 0, kept = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (before != NULL, FALSE);
  /* nothing due writes nothing (a read-only register included) */
  due = list_due (self, before, &kept, error);
  if (due == NULL)
    return FALSE;
  if (due->len > 0 &&
      (!_sam_store_begin (self, error) ||
       !_sam_store_end (self, purge_in_transaction (self, before, &purged, &kept, error), error)))
    return FALSE;
  if (n_purged != NULL)
    *n_purged = purged;
  if (n_kept != NULL)
    *n_kept = kept;
  return TRUE;
}
