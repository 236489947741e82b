/* sam-store-follow.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-store-follow"

#include "config.h"

#include "sam-store-follow.h"
#include "sam-store-private.h"

void
sam_followed_free (SamFollowed *followed)
{
  if (followed == NULL)
    return;
  g_free (followed->file);
  g_free (followed->source);
  g_free (followed->owner);
  g_free (followed->name);
  g_clear_pointer (&followed->imported, g_date_time_unref);
  g_free (followed);
}

static gboolean
write_one (SamStore *store, const char *sql, const char *a, const char *b, const char *c,
           GError **error)
{
  sqlite3_stmt *stmt;

  if (!_sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;
  _sam_bind_text (stmt, 1, a);
  _sam_bind_text (stmt, 2, b);
  _sam_bind_text (stmt, 3, c);
  if (!_sam_store_step_done (store, stmt, error))
    goto fail;
  return _sam_store_commit (store, error);

fail:
  _sam_store_rollback (store);
  return FALSE;
}

gboolean
_sam_store_follow_add (SamStore *store, const char *file, GError **error)
{
  g_autofree char *now = _sam_store_now_timestamp ();

  return write_one (store, "INSERT OR IGNORE INTO follow (file, added_at) VALUES (?1, ?2)",
                    file, now, NULL, error);
}

gboolean
_sam_store_follow_delete (SamStore *store, const char *file, GError **error)
{
  return write_one (store, "DELETE FROM follow WHERE file = ?1", file, NULL, NULL, error);
}

gboolean
_sam_store_follow_set_source (SamStore   *store,
                              const char *file,
                              const char *source,
                              const char *owner,
                              GError    **error)
{
  return write_one (store, "UPDATE follow SET source = ?2, owner = ?3 WHERE file = ?1",
                    file, source, owner, error);
}

GPtrArray *
_sam_store_follow_list (SamStore *store, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_followed_free);
  sqlite3_stmt *stmt = _sam_store_prepare (store,
      "SELECT f.file, f.source, coalesce (s.owner, f.owner), s.name, s.imported_at "
      "FROM follow f LEFT JOIN sync_source s ON s.id = f.source ORDER BY f.added_at, f.file", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamFollowed *followed = g_new0 (SamFollowed, 1);

      followed->file = _sam_column_dup (stmt, 0);
      followed->source = _sam_column_dup (stmt, 1);
      followed->owner = _sam_column_dup (stmt, 2);
      followed->name = _sam_column_dup (stmt, 3);
      followed->imported = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (list, followed);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (store, error), NULL);
  return g_steal_pointer (&list);
}
