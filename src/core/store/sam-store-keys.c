/* sam-store-keys.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-store-keys"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-store-keys.h"
#include "sam-store-private.h"
#include "sam-timestamp.h"

void
sam_trusted_key_free (SamTrustedKey *key)
{
  if (key == NULL)
    return;
  g_free (key->id);
  g_free (key->public_key);
  g_free (key->name);
  g_clear_pointer (&key->added, g_date_time_unref);
  g_free (key);
}

void
sam_published_state_free (SamPublishedState *state)
{
  if (state == NULL)
    return;
  g_free (state->url);
  g_free (state->key_id);
  g_free (state->copy);
  g_free (state->sha256);
  g_free (state->publisher);
  g_clear_pointer (&state->published, g_date_time_unref);
  g_clear_pointer (&state->valid_until, g_date_time_unref);
  g_free (state->etag);
  g_free (state->last_modified);
  g_clear_pointer (&state->checked, g_date_time_unref);
  g_free (state);
}

/* Steps @stmt in a transaction of its own. */
static gboolean
write_stmt (SamStore *store, sqlite3_stmt *stmt, GError **error)
{
  if (!_sam_store_step_done (store, stmt, error))
    {
      _sam_store_rollback (store);
      return FALSE;
    }
  return _sam_store_commit (store, error);
}

gboolean
sam_store_keys_add (SamStore *store, const char *id, const char *public_key, const char *name,
                    GError **error)
{
  g_autofree char *now = _sam_store_now_timestamp ();
  sqlite3_stmt *stmt;

  if (!_sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare (store,
      "INSERT INTO trusted_key (id, public_key, name, added_at) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name "
      "WHERE public_key = excluded.public_key", error);
  if (stmt == NULL)
    return (_sam_store_rollback (store), FALSE);
  _sam_bind_text (stmt, 1, id);
  _sam_bind_text (stmt, 2, public_key);
  _sam_bind_text (stmt, 3, name ? name : "");
  _sam_bind_text (stmt, 4, now);
  return write_stmt (store, stmt, error);
}

gboolean
sam_store_keys_remove (SamStore *store, const char *id, GError **error)
{
  g_autoptr(SamTrustedKey) key = sam_store_keys_lookup (store, id, error);
  sqlite3_stmt *stmt;

  if (key == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND,
                     _("No trusted key has the id %s."), id);
      return FALSE;
    }
  if (!_sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare (store, "DELETE FROM trusted_key WHERE id = ?1", error);
  if (stmt == NULL)
    return (_sam_store_rollback (store), FALSE);
  _sam_bind_text (stmt, 1, key->id);
  return write_stmt (store, stmt, error);
}

static SamTrustedKey *
read_key (sqlite3_stmt *stmt)
{
  SamTrustedKey *key = g_new0 (SamTrustedKey, 1);

  key->id = _sam_column_dup (stmt, 0);
  key->public_key = _sam_column_dup (stmt, 1);
  key->name = _sam_column_dup (stmt, 2);
  key->added = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 3));
  return key;
}

#define KEY_COLUMNS "id, public_key, name, added_at"

GPtrArray *
sam_store_keys_list (SamStore *store, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_trusted_key_free);
  sqlite3_stmt *stmt = _sam_store_prepare (store,
      "SELECT " KEY_COLUMNS " FROM trusted_key ORDER BY added_at, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_key (stmt));
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (store, error), NULL);
  return g_steal_pointer (&list);
}

SamTrustedKey *
sam_store_keys_lookup (SamStore *store, const char *id, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (store,
      "SELECT " KEY_COLUMNS " FROM trusted_key WHERE id = upper (?1)", error);
  SamTrustedKey *key = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    key = read_key (stmt);
  else if (rc != SQLITE_DONE)
    _sam_store_set_error (store, error);
  sqlite3_reset (stmt);
  return key;
}

/* published registers */

#define STATE_COLUMNS "url, key_id, copy, sequence, sha256, publisher, published_at, " \
                      "valid_until, etag, last_modified, checked_at"

static SamPublishedState *
read_state (sqlite3_stmt *stmt)
{
  SamPublishedState *state = g_new0 (SamPublishedState, 1);

  state->url = _sam_column_dup (stmt, 0);
  state->key_id = _sam_column_dup (stmt, 1);
  state->copy = _sam_column_dup (stmt, 2);
  state->sequence = sqlite3_column_int64 (stmt, 3);
  state->sha256 = _sam_column_dup (stmt, 4);
  state->publisher = _sam_column_dup (stmt, 5);
  state->published = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 6));
  state->valid_until = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 7));
  state->etag = _sam_column_dup (stmt, 8);
  state->last_modified = _sam_column_dup (stmt, 9);
  state->checked = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 10));
  return state;
}

SamPublishedState *
sam_store_published_get (SamStore *store, const char *url, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (store,
      "SELECT " STATE_COLUMNS " FROM published_follow WHERE url = ?1", error);
  SamPublishedState *state = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    state = read_state (stmt);
  else if (rc != SQLITE_DONE)
    _sam_store_set_error (store, error);
  sqlite3_reset (stmt);
  return state;
}

GPtrArray *
sam_store_published_list (SamStore *store, GError **error)
{
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sam_published_state_free);
  sqlite3_stmt *stmt = _sam_store_prepare (store,
      "SELECT " STATE_COLUMNS " FROM published_follow ORDER BY url", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_state (stmt));
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (store, error), NULL);
  return g_steal_pointer (&list);
}

static void
bind_time (sqlite3_stmt *stmt, int index, GDateTime *time)
{
  g_autofree char *text = time ? sam_timestamp_format (time) : NULL;

  _sam_bind_text (stmt, index, text);
}

gboolean
sam_store_published_set (SamStore *store, const SamPublishedState *state, GError **error)
{
  sqlite3_stmt *stmt;

  if (!_sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare (store,
      "INSERT OR REPLACE INTO published_follow (" STATE_COLUMNS ") "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return (_sam_store_rollback (store), FALSE);
  _sam_bind_text (stmt, 1, state->url);
  _sam_bind_text (stmt, 2, state->key_id);
  _sam_bind_text (stmt, 3, state->copy);
  sqlite3_bind_int64 (stmt, 4, state->sequence);
  _sam_bind_text (stmt, 5, state->sha256);
  _sam_bind_text (stmt, 6, state->publisher);
  bind_time (stmt, 7, state->published);
  bind_time (stmt, 8, state->valid_until);
  _sam_bind_text (stmt, 9, state->etag);
  _sam_bind_text (stmt, 10, state->last_modified);
  bind_time (stmt, 11, state->checked);
  return write_stmt (store, stmt, error);
}

gboolean
sam_store_published_delete (SamStore *store, const char *url, GError **error)
{
  sqlite3_stmt *stmt;

  if (!_sam_store_begin (store, error))
    return FALSE;
  stmt = _sam_store_prepare (store, "DELETE FROM published_follow WHERE url = ?1", error);
  if (stmt == NULL)
    return (_sam_store_rollback (store), FALSE);
  _sam_bind_text (stmt, 1, url);
  return write_stmt (store, stmt, error);
}
