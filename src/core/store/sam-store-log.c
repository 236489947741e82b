/* sam-store-log.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: the change log, and the integrity check.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-errors.h"
#include "sam-store-private.h"

/* Change log */

void
sam_change_free (SamChange *change)
{
  g_clear_pointer (&change->at, g_date_time_unref);
  g_free (change->who);
  g_free (change->entity);
  g_free (change->entity_id);
  g_free (change->op);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

GPtrArray *
sam_store_list_changes (SamStore   *self,
                        const char *entity,
                        const char *entity_id,
                        GError    **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_change_free);
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT id, at, who, entity, entity_id, op, revision, before, after FROM change_log "
      "WHERE entity = ? AND entity_id = ? ORDER BY id DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, entity);
  _sam_bind_text (stmt, 2, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamChange *c = g_new0 (SamChange, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->at = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 1));
      c->who = _sam_column_dup (stmt, 2);
      c->entity = _sam_column_dup (stmt, 3);
      c->entity_id = _sam_column_dup (stmt, 4);
      c->op = _sam_column_dup (stmt, 5);
      c->revision = sqlite3_column_int64 (stmt, 6);
      c->before = _sam_column_dup (stmt, 7);
      c->after = _sam_column_dup (stmt, 8);
      g_ptr_array_add (changes, c);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  return g_steal_pointer (&changes);
}

gboolean
sam_store_check_integrity (SamStore   *self,
                           GPtrArray  *problems,
                           GError    **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "PRAGMA integrity_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (row, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Database integrity: %s"), row));
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);

  stmt = _sam_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems, g_strdup_printf (_("A row in “%s” points to a missing record."),
                                                sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}


/* FTS5 checks its index only through an INSERT, which holds the write
 * lock of the database it runs in for as long as it runs: over a minute
 * for 100,000 actors, in which every writer gives up. So the check runs
 * on a copy of the index's tables in a private temporary file, and the
 * register itself is only read. The copy is made in three connections:
 * one creates the index as the register declares it, the register's own
 * connection fills its tables in one read snapshot, and a fresh one (no
 * FTS5 state cached from the empty index) runs the check. */

static gboolean
exec_on_file (const char *path, const char *sql, int *rc, char **message)
{
  sqlite3 *db = NULL;

  *rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (*rc == SQLITE_OK)
    *rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (*rc != SQLITE_OK && message)
    *message = g_strdup (db ? sqlite3_errmsg (db) : sqlite3_errstr (*rc));
  sqlite3_close_v2 (db);
  return *rc == SQLITE_OK;
}

static char *
index_declaration (SamStore *self, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT sql FROM sqlite_schema WHERE name = 'actor_search'", error);
  char *sql;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return (_sam_store_set_error (self, error), NULL);
  sql = _sam_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return sql;
}

/* Copies the index's tables into the attached copy, in one transaction
 * that writes only there. */
static gboolean
copy_index_tables (SamStore *self, const char *copy, GError **error)
{
  sqlite3 *db = _sam_store_get_db (self);
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  sqlite3_stmt *stmt = _sam_store_prepare (self, "ATTACH ?1 AS sam_index_copy", error);
  sqlite3_stmt *names;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, copy);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  names = _sam_store_prepare (self, "SELECT name FROM main.sqlite_schema WHERE type = 'table' "
                                    "AND name GLOB 'actor_search_*'", error);
  while (names && sqlite3_step (names) == SQLITE_ROW)
    {
      char *one = sqlite3_mprintf ("DELETE FROM sam_index_copy.\"%w\"; INSERT INTO "
                                   "sam_index_copy.\"%w\" SELECT * FROM main.\"%w\";",
                                   sqlite3_column_text (names, 0), sqlite3_column_text (names, 0),
                                   sqlite3_column_text (names, 0));
      g_string_append (sql, one);
      sqlite3_free (one);
    }
  if (names)
    sqlite3_reset (names);
  g_string_append (sql, "COMMIT;");
  ok = names != NULL && _sam_store_exec (self, sql->str, error);
  _sam_store_rollback (self);
  sqlite3_exec (db, "DETACH sam_index_copy", NULL, NULL, NULL);
  return ok;
}

static void
remove_copy (const char *copy)
{
  g_autofree char *journal = g_strconcat (copy, "-journal", NULL);

  g_unlink (journal);
  g_unlink (copy);
}

gboolean
sam_store_check_search_index (SamStore   *self,
                              GPtrArray  *problems,
                              GError    **error)
{
  g_autofree char *declaration = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *message = NULL;
  int fd, rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (sam_store_is_read_only (self))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY,
                   _("The search index was not checked: the register is open read-only."));
      return FALSE;
    }
  if ((declaration = index_declaration (self, error)) == NULL)
    return FALSE;
  /* 0600: the copy holds the text of every actor */
  if ((fd = g_file_open_tmp ("samverkan-index-XXXXXX.sqlite", &copy, error)) < 0)
    return FALSE;
  close (fd);
  if (!exec_on_file (copy, declaration, &rc, &message) || !copy_index_tables (self, copy, error))
    {
      if (message)
        g_set_error (error, SAM_ERROR, _sam_error_code_for_sqlite (rc),
                     _("The search index could not be checked: %s"), message);
      remove_copy (copy);
      return FALSE;
    }
  g_clear_pointer (&message, g_free);
  exec_on_file (copy, "INSERT INTO actor_search (actor_search) VALUES ('integrity-check')",
                &rc, &message);
  remove_copy (copy);
  if (rc == SQLITE_OK)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CORRUPT)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("The search index is damaged (%s): searches "
                                                     "may miss actors or find deleted ones."),
                                                  message));
      return TRUE;
    }
  g_set_error (error, SAM_ERROR, _sam_error_code_for_sqlite (rc),
               _("The search index could not be checked: %s"), message);
  return FALSE;
}
