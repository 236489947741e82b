/* sam-merge-export.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an export leaves behind for the next merge: the records as they
 * were exchanged, as the base of the three-way merge (a plain import
 * writes the same in its own transaction, sam-register-xml-import.c).
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include "sam-merge.h"
#include "sam-merge-private.h"

/* Exports */

static gboolean note_seen (SamStore *store, const SamRegisterData *data, const char *source,
                           GError **error);

gboolean
sam_merge_note_export (SamStore               *store,
                       const SamRegisterData  *data,
                       GError                **error)
{
  return note_seen (store, data, NULL, error);
}

/* Writes what @data says as seen from @source (and as the last version
 * exchanged with anyone, '*'), for the records that are here as @data has
 * them. */
static gboolean
note_seen (SamStore *store, const SamRegisterData *data, const char *source, GError **error)
{
  g_autoptr(GHashTable) any = NULL;
  g_autoptr(GHashTable) actors = NULL;
  g_autoptr(GHashTable) paths = NULL;
  guint n = data->actors->len + data->paths->len + data->tombstones->len;

  /* a subset by audience is no base for files that carry every route */
  gboolean update_any = data->audience == SAM_VISIBILITY_INTERNAL;

  if (sam_store_is_read_only (store) || (source == NULL && !update_any))
    return TRUE;
  if (!_sam_store_begin (store, error))
    return FALSE;
  if ((any = _sam_store_load_seen (store, "*", error)) == NULL ||
      (actors = _sam_store_index_records (store, "actor", error)) == NULL ||
      (paths = _sam_store_index_records (store, "path", error)) == NULL)
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *hash = NULL;
      g_autofree char *key = NULL;
      const char *entity, *id;
      gint64 revision;
      SamLocalRecord *local;
      SamSeen *old, now;

      if (i < data->actors->len)
        {
          SamActor *actor = g_ptr_array_index (data->actors, i);
          entity = "actor", id = sam_actor_get_id (actor), revision = sam_actor_get_revision (actor);
          hash = sam_merge_hash_actor (actor, SAM_VISIBILITY_INTERNAL);
        }
      else if (i < data->actors->len + data->paths->len)
        {
          SamEscalationPath *path = g_ptr_array_index (data->paths, i - data->actors->len);
          entity = "path", id = sam_escalation_path_get_id (path);
          revision = sam_escalation_path_get_revision (path);
          hash = sam_merge_hash_path (path);
        }
      else
        {
          SamTombstone *t = g_ptr_array_index (data->tombstones, i - data->actors->len - data->paths->len);
          entity = g_str_equal (t->entity, "path") ? "path" : "actor", id = t->id, revision = t->revision;
          hash = g_strdup ("");
        }
      local = g_hash_table_lookup (entity[0] == 'p' ? paths : actors, id);
      if (local == NULL || local->revision != revision)
        continue;     /* changed since it was read: the next export notes it */
      key = g_strconcat (entity, ":", id, NULL);
      old = g_hash_table_lookup (any, key);
      now.seen_revision = now.local_revision = revision;
      g_strlcpy (now.seen_hash, hash, SAM_HASH_SIZE);
      g_strlcpy (now.local_hash, hash, SAM_HASH_SIZE);
      if (source != NULL && !_sam_store_put_seen (store, source, entity, id, &now, error))
        goto fail;
      if (!update_any || _sam_merge_seen_matches (old, hash, revision, hash, revision))
        continue;
      if (!_sam_store_put_seen (store, "*", entity, id, &now, error))
        goto fail;
    }
  /* no ::changed: the register's contents are as they were */
  if (_sam_store_commit_quiet (store, error))
    return TRUE;

fail:
  _sam_store_rollback (store);
  return FALSE;
}
