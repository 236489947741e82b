/* sam-store-log.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: the change log, and the integrity check.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

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

