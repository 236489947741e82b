/* sam-store-merge.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: the sync state of merges (what was last seen from each source),
 * and the writes a merge makes. The decisions are in sam-merge.c.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sam-actor-json.h"
#include "sam-errors.h"
#include "sam-search-vocab.h"
#include "sam-store-private.h"

GHashTable *
_sam_store_index_records (SamStore *self, const char *entity, GError **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = _sam_store_prepare (self, g_str_equal (entity, "path")
      ? "SELECT 0, id, revision, deleted FROM escalation_path"
      : "SELECT rowid, id, revision, deleted FROM actor", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamLocalRecord *r = g_new0 (SamLocalRecord, 1);

      r->rowid = sqlite3_column_int64 (stmt, 0);
      r->revision = sqlite3_column_int64 (stmt, 2);
      r->deleted = sqlite3_column_int (stmt, 3) != 0;
      g_hash_table_insert (index, _sam_column_dup (stmt, 1), r);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  return g_steal_pointer (&index);
}

static SamAncestry *
column_ancestry (sqlite3_stmt *stmt, int first)
{
  return sam_ancestry_new ((const char *) sqlite3_column_text (stmt, first),
                           (const char *) sqlite3_column_text (stmt, first + 1),
                           (const char *) sqlite3_column_text (stmt, first + 2));
}

GHashTable *
_sam_store_load_ancestry (SamStore *self, const char *entity, GError **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) sam_ancestry_free);
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT id, owner, history, fields FROM record_ancestry WHERE entity = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, entity);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (table, _sam_column_dup (stmt, 0), column_ancestry (stmt, 1));
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  return g_steal_pointer (&table);
}

SamAncestry *
_sam_store_get_ancestry (SamStore *self, const char *entity, const char *id, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT owner, history, fields FROM record_ancestry WHERE entity = ? AND id = ?", error);
  SamAncestry *ancestry = NULL;

  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, entity);
  _sam_bind_text (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ancestry = column_ancestry (stmt, 0);
  sqlite3_reset (stmt);
  return ancestry;
}

gboolean
_sam_store_put_ancestry (SamStore *self, const char *entity, const char *id,
                         const SamAncestry *ancestry, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "INSERT OR REPLACE INTO record_ancestry (entity, id, owner, history, fields) "
      "VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  _sam_bind_text (stmt, 3, ancestry->owner);
  sqlite3_bind_text (stmt, 4, ancestry->history, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, ancestry->fields, -1, SQLITE_STATIC);
  return _sam_store_step_done (self, stmt, error);
}

static gboolean
is_merging (SamStore *self)
{
  return g_object_get_data (G_OBJECT (self), "sam-merging") != NULL;
}

gboolean
_sam_store_note_revision (SamStore *self, const char *entity, const char *id, GObject *before,
                          GObject *after, GError **error)
{
  g_autoptr(SamAncestry) old = NULL;
  g_autoptr(SamAncestry) now = NULL;
  g_autoptr(GHashTable) changed = NULL;
  g_autofree char *before_hash = NULL;
  g_autofree char *after_hash = NULL;
  g_autofree char *rev = NULL;
  g_autoptr(GError) local_error = NULL;
  char head[SAM_REV_LEN + 1];

  if (is_merging (self))
    return TRUE;
  before_hash = _sam_merge_hash_record (before, SAM_VISIBILITY_INTERNAL);
  after_hash = _sam_merge_hash_record (after, SAM_VISIBILITY_INTERNAL);
  if (g_str_equal (before_hash, after_hash))
    return TRUE;      /* unchanged content is no new revision */
  old = _sam_store_get_ancestry (self, entity, id, &local_error);
  if (local_error != NULL)
    return (g_propagate_error (error, g_steal_pointer (&local_error)), FALSE);
  if (old == NULL || *old->history == '\0')
    {
      g_autoptr(SamAncestry) root = _sam_merge_root_ancestry (old ? old->owner : NULL, before_hash);
      g_clear_pointer (&old, sam_ancestry_free);
      old = g_steal_pointer (&root);
    }
  sam_ancestry_get_head (old, head);
  rev = sam_ancestry_next_id (head, after_hash);
  if (before != NULL && after != NULL)
    changed = _sam_merge_changed_keys (before, after, SAM_VISIBILITY_INTERNAL);
  now = sam_ancestry_advance (old, rev, changed);
  return _sam_store_put_ancestry (self, entity, id, now, error);
}

gboolean
_sam_store_list_tombstones (SamStore *self, GPtrArray *tombstones, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT 'actor', id, revision, updated_at FROM actor WHERE deleted <> 0 "
      "UNION ALL SELECT 'path', id, revision, updated_at FROM escalation_path WHERE deleted <> 0 "
      "ORDER BY 1, 2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamTombstone *t = g_new0 (SamTombstone, 1);

      t->entity = _sam_column_dup (stmt, 0);
      t->id = _sam_column_dup (stmt, 1);
      t->revision = sqlite3_column_int64 (stmt, 2);
      t->deleted = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (tombstones, t);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

gint64
_sam_store_get_log_mark (SamStore *self)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "SELECT coalesce (max (id), 0) FROM change_log", NULL);
  gint64 mark = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    mark = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return mark;
}

char *
_sam_store_dup_instance (SamStore *self)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "SELECT value FROM meta WHERE key = 'instance'", NULL);
  char *instance = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    instance = _sam_column_dup (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return instance;
}

gboolean
_sam_store_overwrite_path (SamStore *self, SamEscalationPath *path, const char *before_json,
                           GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "DELETE FROM escalation_path WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, sam_escalation_path_get_id (path));
  if (!_sam_store_step_done (self, stmt, error) || !_sam_store_write_path (self, path, error))
    return FALSE;
  if (before_json == NULL)
    return TRUE;
  /* _sam_store_write_path logged an insert; it was a change */
  stmt = _sam_store_prepare (self,
      "UPDATE change_log SET op = 'update', before = ?1 WHERE id = (SELECT max (id) FROM change_log)",
      error);
  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, before_json);
  return _sam_store_step_done (self, stmt, error);
}

gboolean
_sam_store_bury (SamStore *self, const char *entity, const char *id, gint64 revision,
                 GError **error)
{
  gboolean path = g_str_equal (entity, "path");
  sqlite3_stmt *stmt;

  if (!path && !_sam_store_delete_search_row (self, id, error))
    return FALSE;
  stmt = _sam_store_prepare (self, path
      ? "UPDATE escalation_path SET deleted = 1, revision = ?2 WHERE id = ?1"
      : "UPDATE actor SET deleted = 1, revision = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, revision);
  return _sam_store_step_done (self, stmt, error);
}

gboolean
_sam_store_log_merge (SamStore *self, const char *entity, const char *entity_id, const char *op,
                      gint64 revision, const char *before, const char *after, GError **error)
{
  return _sam_store_log_change (self, entity, entity_id, op, revision, before, after, error);
}

gboolean
_sam_store_tag_log_source (SamStore *self, gint64 mark, const char *source, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "UPDATE change_log SET source = ?2 WHERE id > ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mark);
  _sam_bind_text (stmt, 2, source);
  return _sam_store_step_done (self, stmt, error);
}

gboolean
_sam_store_put_source (SamStore *self, const SamRegisterData *data, const char *source,
                       const char *file, GError **error)
{
  g_autofree char *exported = sam_timestamp_format (data->exported);
  g_autofree char *now = _sam_store_now_timestamp ();
  const char *name = sam_text_get_best (&data->meta.name, sam_lang_from_locale (), NULL);
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "INSERT OR REPLACE INTO sync_source (id, name, owner, version, exported_at, imported_at, file) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, source);
  _sam_bind_text (stmt, 2, name);
  _sam_bind_text (stmt, 3, data->meta.owner);
  sqlite3_bind_int64 (stmt, 4, data->meta.version);
  _sam_bind_text (stmt, 5, exported);
  _sam_bind_text (stmt, 6, now);
  _sam_bind_text (stmt, 7, file);
  return _sam_store_step_done (self, stmt, error);
}

void
_sam_store_set_merging (SamStore *self, gboolean merging)
{
  g_object_set_data (G_OBJECT (self), "sam-merging", GINT_TO_POINTER (merging));
}

gboolean
_sam_store_check_writable (SamStore *self, const char *entity, const char *id,
                           const char *name, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *owner = NULL;
  g_autofree char *register_name = NULL;
  g_autofree char *file = NULL;

  if (is_merging (self))
    return TRUE;
  stmt = _sam_store_prepare (self,
      "SELECT coalesce (s.owner, f.owner), s.name, f.file FROM record_ancestry a "
      "JOIN follow f ON f.source = a.owner "
      "LEFT JOIN sync_source s ON s.id = f.source WHERE a.entity = ?1 AND a.id = ?2 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, entity);
  _sam_bind_text (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  owner = _sam_column_dup (stmt, 0);
  register_name = _sam_column_dup (stmt, 1);
  file = _sam_column_dup (stmt, 2);
  sqlite3_reset (stmt);
  g_set_error (error, SAM_ERROR, SAM_ERROR_FOLLOWED,
               _("“%s” belongs to %s, which publishes the register “%s” that this register "
                 "follows (%s). Nothing was changed: ask them to change it there."),
               name ? name : id, owner ? owner : _("another agency"),
               register_name ? register_name : "?", file ? file : "?");
  return FALSE;
}

GDateTime *
_sam_store_dup_source_exported (SamStore *self, const char *source, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT exported_at FROM sync_source WHERE id = ?", error);
  GDateTime *exported = NULL;

  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, source);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    exported = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return exported;
}

gboolean
_sam_store_get_actor_facets (SamStore   *self,
                             const char *id,
                             char      **kind,
                             GPtrArray  *areas,
                             GError    **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "SELECT kind FROM actor WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *kind = _sam_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  stmt = _sam_store_prepare (self, "SELECT area_code FROM actor_area WHERE actor_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (areas, _sam_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}
