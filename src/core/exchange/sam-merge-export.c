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
  SamAncestry *out = sam_ancestry_copy (ancestry);

  /* what the audience may not see: its revision, but not its value */
  for (guint i = 0; i < a->len; i++)
    {
      SamFieldValue *v = g_ptr_array_index (a, i);
      char rev[SAM_REV_LEN + 1];

      if (!_sam_merge_values_differ (v->key, v, g_hash_table_lookup (tb, v->key)))
        continue;
      sam_ancestry_get_field (ancestry, v->key, rev);
      sam_ancestry_set_field (out, v->key, rev, TRUE);
    }
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
