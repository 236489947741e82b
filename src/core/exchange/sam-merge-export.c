/* sam-merge-export.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an export carries for the next merge: each record's ancestry as
 * this register keeps it, its owner named (this register's id where it
 * owns the record).
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-merge.h"
#include "sam-merge-private.h"

static SamAncestry *
ancestry_for (GHashTable *rows, const char *id, GObject *full, const char *instance)
{
  SamAncestry *row = g_hash_table_lookup (rows, id);
  SamAncestry *out;

  if (row != NULL && *row->history)
    out = sam_ancestry_copy (row);
  else
    {
      g_autofree char *hash = _sam_merge_hash_record (full, SAM_VISIBILITY_INTERNAL);
      out = _sam_merge_root_ancestry (row ? row->owner : NULL, hash);
    }
  if (out->owner == NULL)
    out->owner = g_strdup (instance);
  return out;
}

SamAncestry *
_sam_merge_view_ancestry (const SamAncestry *ancestry, GObject *full, GObject *view)
{
  g_autoptr(GPtrArray) a = _sam_merge_record_canon (full, SAM_VISIBILITY_INTERNAL);
  g_autoptr(GPtrArray) b = _sam_merge_record_canon (view, SAM_VISIBILITY_INTERNAL);
  g_autoptr(GHashTable) tb = _sam_merge_field_table (b);
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SamAncestry *out = sam_ancestry_copy (ancestry);

  /* what the audience may not see: its revision and lineage, but not its
   * value */
  for (guint i = 0; i < a->len; i++)
    {
      SamFieldValue *v = g_ptr_array_index (a, i);
      char rev[SAM_REV_LEN + 1];

      if (!_sam_merge_values_differ (v->key, v, g_hash_table_lookup (tb, v->key)))
        continue;
      sam_ancestry_get_field (ancestry, v->key, rev);
      sam_ancestry_note_field (entries, v->key, rev, TRUE, ancestry, NULL);
    }
  if (g_hash_table_size (entries) > 0)
    sam_ancestry_put_fields (out, entries);
  return out;
}

static SamAncestry *
record_ancestry (GHashTable *rows, gpointer record, GObject *full, const char *instance)
{
  const char *id = SAM_IS_ACTOR (record) ? sam_actor_get_id (record)
                                         : sam_escalation_path_get_id (record);
  g_autoptr(SamAncestry) anc = ancestry_for (rows, id, full ? full : G_OBJECT (record), instance);

  if (full == NULL || full == G_OBJECT (record))
    return g_steal_pointer (&anc);
  return _sam_merge_view_ancestry (anc, full, G_OBJECT (record));
}

static const char *
record_id (gpointer record)
{
  return SAM_IS_ACTOR (record) ? sam_actor_get_id (record) : sam_escalation_path_get_id (record);
}

static GHashTable *
by_id (GPtrArray *records)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; records && i < records->len; i++)
    g_hash_table_insert (table, (char *) record_id (g_ptr_array_index (records, i)),
                         g_ptr_array_index (records, i));
  return table;
}

gboolean
sam_merge_attach_ancestry (SamStore        *store,
                           SamRegisterData *data,
                           GPtrArray       *actors,
                           GPtrArray       *paths,
                           GError         **error)
{
  g_autoptr(GHashTable) actor_rows = _sam_store_load_ancestry (store, "actor", error);
  g_autoptr(GHashTable) path_rows = actor_rows ? _sam_store_load_ancestry (store, "path", error) : NULL;
  g_autoptr(GHashTable) full_actors = by_id (actors);
  g_autoptr(GHashTable) full_paths = by_id (paths);
  g_autofree char *instance = _sam_store_dup_instance (store);

  if (path_rows == NULL)
    return FALSE;
  for (guint i = 0; i < data->actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (data->actors, i);
      GObject *full = g_hash_table_lookup (full_actors, sam_actor_get_id (actor));

      _sam_record_set_ancestry (actor, record_ancestry (actor_rows, actor, full, instance));
    }
  for (guint i = 0; i < data->paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, i);
      GObject *full = g_hash_table_lookup (full_paths, sam_escalation_path_get_id (path));

      _sam_record_set_ancestry (path, record_ancestry (path_rows, path, full, instance));
    }
  for (guint i = 0; i < data->tombstones->len; i++)
    {
      SamTombstone *t = g_ptr_array_index (data->tombstones, i);

      sam_ancestry_free (t->ancestry);
      t->ancestry = ancestry_for (g_str_equal (t->entity, "path") ? path_rows : actor_rows, t->id,
                                  NULL, instance);
    }
  return TRUE;
}

/* The record's ancestry as this register keeps it, a root when it has none. */
static SamAncestry *
owned_ancestry (SamStore *store, const char *entity, const char *id, GError **error)
{
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  SamAncestry *row;

  record = g_str_equal (entity, "path") ? G_OBJECT (sam_store_load_path (store, id, error))
                                        : G_OBJECT (sam_store_load_actor (store, id, error));
  if (record == NULL)
    return NULL;
  row = _sam_store_get_ancestry (store, entity, id, &local_error);
  if (local_error != NULL)
    return (g_propagate_error (error, g_steal_pointer (&local_error)), NULL);
  if (row != NULL && *row->history)
    return row;
  hash = _sam_merge_hash_record (record, SAM_VISIBILITY_INTERNAL);
  {
    SamAncestry *root = _sam_merge_root_ancestry (row ? row->owner : NULL, hash);
    sam_ancestry_free (row);
    return root;
  }
}

gboolean
sam_merge_hand_over (SamStore *store, const char *entity, const char *id, const char *to,
                     GError **error)
{
  g_autofree char *instance = _sam_store_dup_instance (store);
  g_autoptr(SamAncestry) old = NULL;
  g_autoptr(SamAncestry) now = NULL;
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *what = NULL;
  g_autofree char *rev = NULL;
  char head[SAM_REV_LEN + 1];

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && to != NULL, FALSE);

  if (*to == '\0' || g_strcmp0 (to, instance) == 0)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("“%s” is this register: a record is handed to another register, "
                           "named by the id its exports carry as owner."), to), FALSE);
  if ((old = owned_ancestry (store, entity, id, error)) == NULL)
    return FALSE;
  if (old->owner != NULL && g_strcmp0 (old->owner, instance) != 0)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("“%s” is owned by the register %s: only its owner can hand it over."),
                         id, old->owner), FALSE);
  /* a revision of its own: the hand-over travels in the history */
  sam_ancestry_get_head (old, head);
  what = g_strconcat ("owner ", to, NULL);
  rev = sam_ancestry_next_id (head, what);
  g_hash_table_add (changed, g_strconcat (SAM_ANCESTRY_HANDED, instance, NULL));
  now = sam_ancestry_advance (old, rev, changed);
  g_free (now->owner);
  now->owner = g_strdup (to);
  if (!_sam_store_begin (store, error))
    return FALSE;
  if (!_sam_store_put_ancestry (store, entity, id, now, error))
    return (_sam_store_rollback (store), FALSE);
  return _sam_store_commit (store, error);
}
