/* sam-store-import.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: filling an empty register from an exchange file, in one transaction.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-store-private.h"

/* Drops the secondary indexes of the tables an import fills and returns
 * the SQL that makes them again: building an index once over sorted rows
 * is faster than keeping it up to date row by row. Inside a transaction. */
static GPtrArray *
drop_indexes (SamStore *self, GError **error)
{
  g_autoptr(GPtrArray) create = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
      "AND tbl_name IN ('actor', 'actor_area', 'contact_route', 'escalation_step')", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, _sam_column_dup (stmt, 0));
      g_ptr_array_add (create, _sam_column_dup (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (char *) g_ptr_array_index (names, i));
      if (!_sam_store_exec (self, sql, error))
        return NULL;
    }
  return g_steal_pointer (&create);
}

gboolean
sam_store_import (SamStore              *self,
                  const SamRegisterMeta *meta,
                  GPtrArray             *actors,
                  GPtrArray             *paths,
                  GError               **error)
{
  g_autoptr(GPtrArray) indexes = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (!_sam_store_begin (self, error))
    return FALSE;
  /* Checked inside the transaction so a second writer cannot slip in */
  if (!sam_store_is_empty (self))
    {
      _sam_store_rollback (self);
      g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_EMPTY,
                   _("The register “%s” already holds actors or paths; import into an "
                     "empty register."), sam_store_get_path (self));
      return FALSE;
    }
  if (!_sam_store_write_meta (self, meta, error))
    goto fail;
  /* a bigger page cache for the one large transaction (256 MB at most) */
  _sam_store_exec (self, "PRAGMA cache_size = -262144", NULL);
  if ((indexes = drop_indexes (self, error)) == NULL ||
      !_sam_store_exec (self, "INSERT INTO actor_search (actor_search, rank) VALUES ('automerge', 0)", error))
    goto fail;
  for (guint i = 0; i < actors->len; i++)
    if (!_sam_store_write_actor (self, g_ptr_array_index (actors, i), TRUE, error))
      goto fail;
  for (guint i = 0; paths && i < paths->len; i++)
    if (!_sam_store_write_path (self, g_ptr_array_index (paths, i), error))
      goto fail;
  /* one merge of the search index at the end, and the indexes built once */
  if (!_sam_store_exec (self, "INSERT INTO actor_search (actor_search) VALUES ('optimize')", error) ||
      !_sam_store_exec (self, "INSERT INTO actor_search (actor_search, rank) VALUES ('automerge', 4)", error))
    goto fail;
  for (guint i = 0; i < indexes->len; i++)
    if (!_sam_store_exec (self, g_ptr_array_index (indexes, i), error))
      goto fail;
  if (!_sam_store_commit (self, error))
    goto fail;
  _sam_store_exec (self, "PRAGMA cache_size = -2000", NULL);
  return TRUE;

fail:
  _sam_store_rollback (self);
  _sam_store_exec (self, "PRAGMA cache_size = -2000", NULL);
  return FALSE;
}

