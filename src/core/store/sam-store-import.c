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
#include "sam-merge-private.h"
#include "sam-search-vocab.h"
#include "sam-store-private.h"

/* 8 MB: a 100,000-actor register indexes in a few dozen segments, merged
 * once at the end. With 256 MB (one segment) the table of pending words
 * grew to millions of slots, each word a random step through it, and the
 * import took 1 to 1.5 s more CPU time (two runs each, 100,000 actors). */
#define IMPORT_HASH_SIZE 8388608

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

/* An import into an empty register: one transaction from
 * _sam_store_import_begin to _sam_store_import_finish (or _abort), in
 * which the actors are written as they are read. */
struct _SamStoreImport {
  SamStore *caller;     /* the store the import was asked of */
  SamStore *store;      /* the connection it writes through */
  GPtrArray *indexes;   /* the CREATE INDEX statements to run at the end */
};

/* The connection an import writes through: one of its own, closed when
 * the import ends. FTS5 keeps the table of pending words it grew for a
 * large import (millions of slots) for the life of the connection and
 * walks it on every prefix search after: a store that had imported
 * 100,000 actors searched in twice the time. A register in memory has no
 * second connection, and one opened read-only keeps its own, which
 * _sam_store_begin refuses with the right words. */
static SamStore *
open_writer (SamStore *self, GError **error)
{
  const char *path = sam_store_get_path (self);
  SamStore *writer;

  if (sam_store_is_read_only (self) || g_str_equal (path, ":memory:"))
    return g_object_ref (self);
  /* used by this thread alone, until _finish or _abort closes it */
  if ((writer = sam_store_open_full (path, _SAM_STORE_OPEN_ONE_THREAD, error)) == NULL)
    return NULL;
  sam_store_set_user (writer, sam_store_get_user (self));
  return writer;
}

static void
restore_settings (SamStore *store)
{
  _sam_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  _sam_store_exec (store, "PRAGMA ignore_check_constraints = OFF", NULL);
  _sam_store_exec (store, "PRAGMA foreign_keys = ON", NULL);
  _sam_store_defer_search_vocab (store, FALSE);
  _sam_store_defer_search_phones (store, FALSE);
}

SamStoreImport *
_sam_store_import_begin (SamStore *caller, GError **error)
{
  g_autoptr(GPtrArray) indexes = NULL;
  g_autoptr(SamStore) self = open_writer (caller, error);
  SamStoreImport *import;

  if (self == NULL)
    return NULL;
  /* Foreign keys are not looked up row by row (a tenth of what writing an
   * actor's areas, groups, languages, tags and routes cost): each of those
   * rows is written with the actor it belongs to, and a path's steps with
   * their path, so only an actor's parent can be missing, which
   * check_parents asks once at the end. Outside the transaction: inside
   * one the setting does nothing. */
  _sam_store_exec (self, "PRAGMA foreign_keys = OFF", NULL);
  if (!_sam_store_begin (self, error))
    {
      restore_settings (self);
      return NULL;
    }
  /* Checked inside the transaction so a second writer cannot slip in */
  if (!sam_store_is_empty (self))
    {
      _sam_store_rollback (self);
      g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_EMPTY,
                   _("The register “%s” already holds actors or paths; import into an "
                     "empty register."), sam_store_get_path (self));
      return NULL;
    }
  /* a bigger page cache for the one large transaction (256 MB at most) */
  _sam_store_exec (self, "PRAGMA cache_size = -262144", NULL);
  /* The search index keeps its new rows in memory until they take
   * IMPORT_HASH_SIZE (1 MB by default), and merges nothing until the end,
   * so a large import writes a few dozen segments merged once instead of
   * hundreds merged as it goes. Set back in _finish; a rollback undoes it
   * too. */
  if ((indexes = drop_indexes (self, error)) == NULL ||
      !_sam_store_exec (self, "INSERT INTO actor_search (actor_search, rank) VALUES ('automerge', 0)", error) ||
      !_sam_store_exec (self, "INSERT INTO actor_search (actor_search, rank) VALUES ('hashsize', " G_STRINGIFY (IMPORT_HASH_SIZE) ")", error))
    {
      _sam_store_rollback (self);
      restore_settings (self);
      return NULL;
    }
  /* No CHECK constraints while the import writes: SQLite tries
   * "visibility IN (three values)" on each insert by building a table of
   * the three values first, half of what writing a contact route cost.
   * The model cannot make a value they refuse (a visibility is one of its
   * enum, "abroad" is kept as 0 or 1, review days are asserted positive),
   * and nothing else an import writes has one. Setting the flag prepares
   * the statements again, without and then with the checks. */
  _sam_store_exec (self, "PRAGMA ignore_check_constraints = ON", NULL);
  /* the words of the index are listed once at the end */
  _sam_store_defer_search_vocab (self, TRUE);
  _sam_store_defer_search_phones (self, TRUE);
  import = g_new0 (SamStoreImport, 1);
  import->caller = g_object_ref (caller);
  import->store = g_steal_pointer (&self);
  import->indexes = g_steal_pointer (&indexes);
  return import;
}

gboolean
_sam_store_import_actor (SamStoreImport *import, SamActor *actor, GError **error)
{
  return _sam_store_write_actor (import->store, actor, TRUE, error);
}

static void
import_free (SamStoreImport *import)
{
  restore_settings (import->store);
  g_object_unref (import->store);
  g_object_unref (import->caller);
  g_ptr_array_unref (import->indexes);
  g_free (import);
}

void
_sam_store_import_abort (SamStoreImport *import)
{
  _sam_store_rollback (import->store);
  import_free (import);
}

/* The one foreign key an import can break with the keys off: a parent
 * that is not in the register. */
static gboolean
check_parents (SamStore *self, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT a.parent_id FROM actor a WHERE a.parent_id IS NOT NULL"
      " AND NOT EXISTS (SELECT 1 FROM actor p WHERE p.id = a.parent_id) LIMIT 1", error);
  g_autofree char *missing = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    missing = _sam_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  if (missing == NULL)
    return TRUE;
  g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
               _("Part of: there is no actor with the id “%s”."), missing);
  return FALSE;
}

gboolean
_sam_store_import_finish (SamStoreImport        *import,
                          const SamRegisterMeta *meta,
                          GPtrArray             *paths,
                          GError               **error)
{
  SamStore *self = import->store;

  if (!_sam_store_write_meta (self, meta, error))
    goto fail;
  for (guint i = 0; paths && i < paths->len; i++)
    if (!_sam_store_write_path (self, g_ptr_array_index (paths, i), error))
      goto fail;
  if (!check_parents (self, error))
    goto fail;
  /* the phone rows in key order, one merge of the search index at the
   * end (nothing to do when it is one segment already), its words listed,
   * and the indexes built once */
  if (!_sam_store_write_deferred_phones (self, error) ||
      !_sam_store_exec (self, "INSERT INTO actor_search (actor_search) VALUES ('optimize')", error) ||
      !_sam_search_vocab_fill (self, error) ||
      !_sam_store_exec (self, "INSERT INTO actor_search (actor_search, rank) VALUES ('automerge', 4)", error) ||
      !_sam_store_exec (self, "INSERT INTO actor_search (actor_search, rank) VALUES ('hashsize', 1048576)", error))
    goto fail;
  for (guint i = 0; i < import->indexes->len; i++)
    if (!_sam_store_exec (self, g_ptr_array_index (import->indexes, i), error))
      goto fail;
  if (!_sam_store_commit (self, error))
    goto fail;
  /* the caller's store says it changed, as after a write of its own */
  if (import->caller != self)
    sam_store_check_for_changes (import->caller);
  import_free (import);
  return TRUE;

fail:
  _sam_store_import_abort (import);
  return FALSE;
}

/* The ancestry a record read from a file carries, as it is. */
static gboolean
put_carried_ancestry (SamStore *self, const char *entity, gpointer record, GError **error)
{
  SamAncestry *ancestry = _sam_record_get_ancestry (record);

  if (ancestry == NULL)
    return TRUE;
  return _sam_store_put_ancestry (self, entity, SAM_IS_ACTOR (record) ? sam_actor_get_id (record)
                                                : sam_escalation_path_get_id (record),
                                  ancestry, error);
}

gboolean
sam_store_import (SamStore              *self,
                  const SamRegisterMeta *meta,
                  GPtrArray             *actors,
                  GPtrArray             *paths,
                  GError               **error)
{
  SamStoreImport *import;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if ((import = _sam_store_import_begin (self, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < actors->len; i++)
    if (!_sam_store_import_actor (import, g_ptr_array_index (actors, i), error) ||
        !put_carried_ancestry (import->store, "actor", g_ptr_array_index (actors, i), error))
      {
        _sam_store_import_abort (import);
        return FALSE;
      }
  for (guint i = 0; paths && i < paths->len; i++)
    if (!put_carried_ancestry (import->store, "path", g_ptr_array_index (paths, i), error))
      {
        _sam_store_import_abort (import);
        return FALSE;
      }
  return _sam_store_import_finish (import, meta, paths, error);
}

/* The connection the import writes through, for the rows it adds itself. */
SamStore *
_sam_store_import_get_store (SamStoreImport *import)
{
  return import->store;
}
