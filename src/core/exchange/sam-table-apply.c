/* sam-table-apply.c — writing a spreadsheet's actors into the register
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As every import: a copy of the register first, then one transaction
 * that writes all of it or nothing; the change log names the file.
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include "sam-backups.h"
#include "sam-store-sync.h"
#include "sam-table-import-private.h"

static SamTableDuplicate *
duplicate_of_row (GPtrArray *duplicates, guint row)
{
  for (guint i = 0; i < duplicates->len; i++)
    {
      SamTableDuplicate *duplicate = g_ptr_array_index (duplicates, i);
      if (duplicate->row == row)
        return duplicate;
    }
  return NULL;
}

static gboolean
merge_one (SamStore *store, SamActor *incoming, const char *existing_id, gboolean *changed,
           GError **error)
{
  g_autoptr(SamActor) existing = sam_store_load_actor (store, existing_id, error);

  if (existing == NULL)
    return FALSE;
  *changed = _sam_table_merge_into (existing, incoming);
  return !*changed || _sam_store_update_actor_in_transaction (store, existing, error);
}

/* The row's actor under an id of its own: added beside the one it looks
 * like, or its sheet's id taken by a deleted actor. */
static SamActor *
copy_with_new_id (SamActor *actor)
{
  SamActor *copy = sam_actor_new (NULL);

  _sam_table_merge_into (copy, actor);
  sam_text_copy (sam_actor_get_name (copy), sam_actor_get_name (actor));
  sam_actor_set_kind (copy, sam_actor_get_kind (actor));
  return copy;
}

/* A new actor, written as one made here and now: the store's write runs
 * its guard for records others own and checks the parent. */
static gboolean
add_one (SamStore *store, SamActor *actor, gboolean new_id, GHashTable *known, GError **error)
{
  g_autoptr(SamActor) copy = NULL;

  /* a copy: the prepared actor stays as it was if the write fails */
  new_id = new_id || g_hash_table_contains (known, sam_actor_get_id (actor));
  copy = new_id ? copy_with_new_id (actor) : sam_actor_copy (actor);
  return _sam_store_write_actor (store, copy, FALSE, error);
}

static gboolean
write_all (SamTableImport *self, SamStore *store, guint *added, guint *merged, GError **error)
{
  GPtrArray *actors = sam_table_import_get_actors (self);
  GPtrArray *duplicates = sam_table_import_get_duplicates (self);
  /* every id the register has, deleted ones too */
  g_autoptr(GHashTable) known = _sam_store_index_records (store, "actor", error);

  if (known == NULL)
    return FALSE;
  for (guint i = 0; i < actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);
      SamTableDuplicate *duplicate = duplicate_of_row (duplicates,
                                                       _sam_table_import_actor_row (self, i));
      gboolean changed = FALSE;

      if (duplicate && duplicate->choice == SAM_TABLE_DUPLICATE_SKIP)
        continue;
      if (duplicate && duplicate->choice == SAM_TABLE_DUPLICATE_MERGE)
        {
          if (!merge_one (store, actor, duplicate->existing_id, &changed, error))
            return FALSE;
          *merged += changed ? 1 : 0;
          continue;
        }
      if (!add_one (store, actor, duplicate != NULL, known, error))
        return FALSE;
      (*added)++;
    }
  return TRUE;
}

gboolean
_sam_table_import_apply_to (SamTableImport *self, SamStore *store, guint *added, guint *merged,
                            GError **error)
{
  g_autoptr(SamBackup) copy = NULL;
  guint n_added = 0, n_merged = 0;
  gint64 mark;
  gboolean ok;
  if (sam_store_is_read_only (store))
    return _sam_store_begin (store, error);   /* sets the read-only error */
  if ((copy = sam_backups_begin (store, "import", error)) == NULL)
    return FALSE;
  mark = _sam_store_get_log_mark (store);
  ok = _sam_store_begin (store, error);
  if (ok)
    {
      ok = write_all (self, store, &n_added, &n_merged, error);
      if (ok && n_added + n_merged > 0)
        {
          g_autofree char *base = g_path_get_basename (_sam_table_import_get_path (self));
          g_autofree char *source = g_strconcat ("table:", base, NULL);
          ok = _sam_store_tag_log_source (store, mark, source, error);
        }
      ok = _sam_store_end (store, ok, error);
    }
  sam_backups_end (store, copy, ok && n_added + n_merged > 0);
  if (ok && added)
    *added = n_added;
  if (ok && merged)
    *merged = n_merged;
  return ok;
}

gboolean
sam_table_import_apply (SamTableImport *self, guint *added, guint *merged, GError **error)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), FALSE);
  return _sam_table_import_apply_to (self, _sam_table_import_get_store (self), added, merged,
                                     error);
}
