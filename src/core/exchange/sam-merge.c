/* sam-merge.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge engine. Records are matched by id and compared by a content
 * hash. The base of the three-way merge is what was last seen from the
 * file's source (sync_seen); a source this register has never imported
 * from falls back to the last version exchanged with anyone ('*': every
 * import and every full export), guarded by revisions, which only grow
 * along a record's history.
 *
 *   theirs == mine                 unchanged
 *   theirs older than the base     unchanged (an older file changes nothing)
 *   theirs == base                 unchanged (changed here only, or not at all)
 *   mine == base                   theirs is taken (updated, deleted or restored)
 *   otherwise                      conflict
 *
 * Deletions are hashed as "" and travel as tombstones, so a deletion is a
 * change like any other: taken when made on one side only, a conflict when
 * the other side changed the record.
 *
 * Here: the plan, matching and classifying, and its public API. Hashing
 * and a conflict's fields are in sam-merge-fields.c, applying in
 * sam-merge-apply.c, what exports leave for the next merge in
 * sam-merge-export.c.
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-merge.h"
#include "sam-merge-private.h"

static void
field_free (SamMergeField *field)
{
  g_free (field->key);
  g_free (field->label);
  g_free (field->mine);
  g_free (field->theirs);
  g_free (field);
}

static void
item_free (SamMergeItem *item)
{
  g_free (item->id);
  g_free (item->key);
  g_free (item->name);
  g_ptr_array_unref (item->fields);
  g_clear_object (&item->theirs);
  g_clear_object (&item->mine);
  g_free (item->theirs_hash);
  g_free (item->mine_hash);
  g_free (item);
}

void
sam_merge_plan_free (SamMergePlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_object (&plan->store);
  g_free (plan->register_path);
  g_clear_pointer (&plan->data, sam_register_data_free);
  g_free (plan->source);
  g_free (plan->file);
  g_ptr_array_unref (plan->changes);
  g_ptr_array_unref (plan->conflicts);
  g_ptr_array_unref (plan->items);
  g_ptr_array_unref (plan->notes);
  g_clear_pointer (&plan->actor_index, g_hash_table_unref);
  g_clear_pointer (&plan->path_index, g_hash_table_unref);
  g_clear_pointer (&plan->seen_source, g_hash_table_unref);
  g_clear_pointer (&plan->seen_any, g_hash_table_unref);
  g_free (plan);
}

/* Labels */

const char *
sam_merge_action_get_label (SamMergeAction action)
{
  switch (action)
    {
    case SAM_MERGE_UNCHANGED: return _("Unchanged");
    case SAM_MERGE_NEW: return _("New");
    case SAM_MERGE_UPDATED: return _("Updated");
    case SAM_MERGE_DELETED: return _("Deleted upstream");
    case SAM_MERGE_CONFLICT: return _("Conflict");
    case SAM_MERGE_N_ACTIONS:
    default: break;
    }
  return "?";
}

/* Planning */

static const char *
display_name (GObject *record)
{
  if (record == NULL)
    return NULL;
  if (SAM_IS_ACTOR (record))
    return sam_actor_get_display_name (SAM_ACTOR (record));
  return sam_text_get_best (sam_escalation_path_get_title (SAM_ESCALATION_PATH (record)),
                            sam_lang_from_locale (), NULL);
}

static SamMergeItem *
item_new (SamMergePlan *plan, const char *entity, const char *id, GObject *theirs,
          gint64 revision)
{
  SamMergeItem *item = g_new0 (SamMergeItem, 1);
  GHashTable *index = g_str_equal (entity, "path") ? plan->path_index : plan->actor_index;

  item->entity = g_str_equal (entity, "path") ? "path" : "actor";
  item->id = g_strdup (id);
  item->key = g_strconcat (item->entity, ":", id, NULL);
  item->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  item->theirs = theirs ? g_object_ref (theirs) : NULL;
  item->theirs_revision = revision;
  if (theirs == NULL)
    item->theirs_hash = g_strdup ("");
  else if (SAM_IS_ACTOR (theirs))
    item->theirs_hash = sam_merge_hash_actor (SAM_ACTOR (theirs), SAM_VISIBILITY_INTERNAL);
  else
    item->theirs_hash = sam_merge_hash_path (SAM_ESCALATION_PATH (theirs));
  item->local = g_hash_table_lookup (index, id);
  item->base = g_hash_table_lookup (plan->seen_source, item->key);
  if (item->base == NULL && (item->base = g_hash_table_lookup (plan->seen_any, item->key)) != NULL)
    item->fallback = TRUE;
  if (item->local != NULL && item->local->deleted)
    item->mine_hash = g_strdup ("");
  else if (item->local != NULL && item->base != NULL &&
           item->base->local_revision == item->local->revision && *item->base->local_hash)
    /* not changed here since it was last compared */
    item->mine_hash = g_strdup (item->base->local_hash);
  return item;
}

static gboolean
load_mine_actors (SamMergePlan *plan, gboolean all_changes, GError **error)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();

  for (guint i = 0; i <= plan->items->len; i++)
    {
      SamMergeItem *item = i < plan->items->len ? g_ptr_array_index (plan->items, i) : NULL;

      if (item != NULL && item->entity[0] == 'a' && item->local && !item->local->deleted &&
          item->mine == NULL &&
          (item->mine_hash == NULL || (all_changes && item->action != SAM_MERGE_UNCHANGED)))
        {
          g_array_append_val (rowids, item->local->rowid);
          g_ptr_array_add (waiting, item);
        }
      if (rowids->len == 500 || (item == NULL && rowids->len > 0))
        {
          g_autoptr(GPtrArray) loaded = _sam_store_load_actors_by_rowids (plan->store,
              (gint64 *) (void *) rowids->data, rowids->len, error);

          if (loaded == NULL)
            return FALSE;
          if (loaded->len != waiting->len)
            return (g_set_error (error, SAM_ERROR, SAM_ERROR_STALE,
                                 _("The register changed while the import was prepared. Try again.")), FALSE);
          for (guint k = 0; k < waiting->len; k++)
            {
              SamMergeItem *w = g_ptr_array_index (waiting, k);

              w->mine = g_object_ref (g_ptr_array_index (loaded, k));
              if (w->mine_hash == NULL)
                w->mine_hash = sam_merge_hash_actor (SAM_ACTOR (w->mine), plan->data->audience);
            }
          g_array_set_size (rowids, 0);
          g_ptr_array_set_size (waiting, 0);
        }
    }
  return TRUE;
}

static gboolean
load_mine_paths (SamMergePlan *plan, GError **error)
{
  for (guint i = 0; i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);

      if (item->entity[0] != 'p' || item->local == NULL || item->local->deleted || item->mine)
        continue;
      item->mine = G_OBJECT (sam_store_load_path (plan->store, item->id, error));
      if (item->mine == NULL)
        return FALSE;
      if (item->mine_hash == NULL)
        item->mine_hash = sam_merge_hash_path (SAM_ESCALATION_PATH (item->mine));
    }
  return TRUE;
}

static SamMergeAction
decide (SamMergeItem *item)
{
  const char *t = item->theirs_hash;
  const char *m = item->mine_hash;
  const SamSeen *base = item->base;
  gint64 mine_revision = item->local ? item->local->revision : 0;

  if (item->local == NULL)
    {
      if (item->theirs == NULL)
        return SAM_MERGE_UNCHANGED;         /* deleted there, never here */
      if (base && *base->seen_hash == '\0' && item->theirs_revision <= base->seen_revision)
        return SAM_MERGE_UNCHANGED;         /* seen deleted; an older file does not bring it back */
      return SAM_MERGE_NEW;
    }
  if (g_str_equal (t, m))
    return SAM_MERGE_UNCHANGED;
  if (base == NULL)
    {
      /* no history in common: the revisions say which is older */
      if (*m == '\0' && item->theirs_revision <= mine_revision)
        return SAM_MERGE_UNCHANGED;         /* deleted here after the version they have */
      if (*t == '\0' && item->theirs_revision > mine_revision)
        return SAM_MERGE_DELETED;
      return SAM_MERGE_CONFLICT;
    }
  if (item->theirs_revision < base->seen_revision)
    return SAM_MERGE_UNCHANGED;             /* an older file than the one last seen */
  if (g_str_equal (t, base->seen_hash))
    return SAM_MERGE_UNCHANGED;             /* changed here only */
  if (g_str_equal (m, base->seen_hash))
    {
      if (item->fallback && item->theirs_revision < mine_revision)
        return SAM_MERGE_CONFLICT;
      return *t == '\0' ? SAM_MERGE_DELETED : SAM_MERGE_UPDATED;
    }
  return SAM_MERGE_CONFLICT;
}

gboolean
_sam_merge_seen_matches (const SamSeen *seen, const char *theirs_hash, gint64 theirs_revision,
                         const char *local_hash, gint64 local_revision)
{
  return seen != NULL && g_str_equal (seen->seen_hash, theirs_hash) &&
         seen->seen_revision == theirs_revision && g_str_equal (seen->local_hash, local_hash) &&
         seen->local_revision == local_revision;
}

static gboolean
base_matches (const SamSeen *seen, const char *theirs_hash, gint64 theirs_revision)
{
  return seen != NULL && g_str_equal (seen->seen_hash, theirs_hash) &&
         seen->seen_revision == theirs_revision;
}

static void
add_note (SamMergePlan *plan, char *note)
{
  g_ptr_array_add (plan->notes, note);
}

static gboolean
plan_notes (SamMergePlan *plan, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) last = _sam_store_dup_source_exported (plan->store, plan->source,
                                                              &local_error);
  g_autofree char *instance = _sam_store_dup_instance (plan->store);

  if (local_error != NULL)
    return (g_propagate_error (error, g_steal_pointer (&local_error)), FALSE);
  if (last && plan->data->exported && g_date_time_compare (plan->data->exported, last) < 0)
    {
      g_autofree char *a = g_date_time_format (plan->data->exported, "%Y-%m-%d %H:%M");
      g_autofree char *b = g_date_time_format (last, "%Y-%m-%d %H:%M");
      add_note (plan, g_strdup_printf (_("This file (exported %s) is older than the last one "
                                         "imported from the same register (exported %s): "
                                         "records it has in an older version stay as they are."),
                                       a, b));
    }
  if (instance && g_strcmp0 (instance, plan->data->source) == 0)
    add_note (plan, g_strdup (_("This file was exported from this register.")));
  if (plan->data->audience == SAM_VISIBILITY_PUBLIC)
    add_note (plan, g_strdup (_("A public export: it has no professional or internal contact "
                                "routes, and those of this register are kept.")));
  else if (plan->data->audience == SAM_VISIBILITY_PROFESSIONAL)
    add_note (plan, g_strdup (_("A professional export: it has no internal contact routes, and "
                                "those of this register are kept.")));
  return TRUE;
}

static gboolean
plan_build (SamMergePlan *plan, GError **error)
{
  SamRegisterData *data = plan->data;

  if ((plan->actor_index = _sam_store_index_records (plan->store, "actor", error)) == NULL ||
      (plan->path_index = _sam_store_index_records (plan->store, "path", error)) == NULL ||
      (plan->seen_source = _sam_store_load_seen (plan->store, plan->source, error)) == NULL ||
      (plan->seen_any = _sam_store_load_seen (plan->store, "*", error)) == NULL)
    return FALSE;
  plan->log_mark = _sam_store_get_log_mark (plan->store);

  for (guint i = 0; i < data->actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (data->actors, i);
      g_ptr_array_add (plan->items, item_new (plan, "actor", sam_actor_get_id (actor), G_OBJECT (actor),
                                              sam_actor_get_revision (actor)));
    }
  for (guint i = 0; i < data->paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, i);
      g_ptr_array_add (plan->items, item_new (plan, "path", sam_escalation_path_get_id (path),
                                              G_OBJECT (path), sam_escalation_path_get_revision (path)));
    }
  for (guint i = 0; i < data->tombstones->len; i++)
    {
      SamTombstone *t = g_ptr_array_index (data->tombstones, i);
      g_ptr_array_add (plan->items, item_new (plan, t->entity, t->id, NULL, t->revision));
    }
  /* the hashes of what changed here since the last comparison */
  if (!load_mine_actors (plan, FALSE, error) || !load_mine_paths (plan, error))
    return FALSE;
  for (guint i = 0; i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);
      item->action = decide (item);
    }
  /* what a change or a conflict needs of the local record */
  if (!load_mine_actors (plan, TRUE, error))
    return FALSE;

  for (guint i = 0; i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);
      const SamSeen *own = g_hash_table_lookup (plan->seen_source, item->key);
      const SamSeen *any = g_hash_table_lookup (plan->seen_any, item->key);

      /* names only for what a person will see: 100,000 copies cost */
      if (item->action != SAM_MERGE_UNCHANGED)
        item->name = g_strdup (display_name (item->theirs) ? display_name (item->theirs)
                               : display_name (item->mine) ? display_name (item->mine) : item->id);
      plan->counts[item->action]++;
      if (item->action == SAM_MERGE_CONFLICT)
        {
          _sam_merge_item_make_fields (item, data->audience);
          g_ptr_array_add (plan->conflicts, item);
        }
      if (item->action != SAM_MERGE_UNCHANGED)
        {
          g_ptr_array_add (plan->changes, item);
          item->seen_dirty = TRUE;
        }
      else
        {
          /* an older file leaves the base where it is */
          if (item->base && !item->fallback && item->theirs_revision < item->base->seen_revision)
            continue;
          /* only a new base is worth a write: a change made here alone is
           * found again by its revision (and re-importing a file writes nothing) */
          item->seen_dirty = !base_matches (own, item->theirs_hash, item->theirs_revision) ||
                             (plan->update_any &&
                              !base_matches (any, item->theirs_hash, item->theirs_revision));
        }
    }
  return plan_notes (plan, error);
}

SamMergePlan *
sam_merge_plan_new (SamStore         *store,
                    SamRegisterData  *data,
                    const char       *file_name,
                    GError          **error)
{
  g_autoptr(SamMergePlan) plan = g_new0 (SamMergePlan, 1);
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  plan->store = g_object_ref (store);
  plan->register_path = g_strdup (sam_store_get_path (store));
  plan->data = data;
  plan->file = g_strdup (file_name);
  plan->source = g_strdup (data->source ? data->source : data->meta.id ? data->meta.id : "unknown");
  plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  plan->changes = g_ptr_array_new ();
  plan->conflicts = g_ptr_array_new ();
  plan->notes = g_ptr_array_new_with_free_func (g_free);
  plan->update_any = data->audience == SAM_VISIBILITY_INTERNAL;

  /* a step naming an actor that is nowhere is refused, like one leading nowhere */
  if (!sam_register_data_check_actors (data, store, file_name, error))
    {
      plan->data = NULL;
      return NULL;
    }
  /* one read transaction: one consistent picture of the register */
  if (!_sam_store_begin_read (store, error))
    {
      plan->data = NULL;
      return NULL;
    }
  ok = plan_build (plan, error);
  _sam_store_end_read (store);
  if (!ok)
    {
      plan->data = NULL;    /* the caller keeps it on failure */
      return NULL;
    }
  return g_steal_pointer (&plan);
}

SamMergePlan *
sam_merge_plan_new_for_file (SamStore      *store,
                             GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  SamRegisterData *data = sam_register_xml_parse_file (file, NULL, cancellable, error);
  SamMergePlan *plan;

  if (data == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return (sam_register_data_free (data), NULL);
  plan = sam_merge_plan_new (store, data, name, error);
  if (plan == NULL)
    sam_register_data_free (data);
  return plan;
}

const char *
_sam_merge_plan_get_register_path (SamMergePlan *plan)
{
  return plan->register_path;
}

SamStore *
_sam_merge_plan_swap_store (SamMergePlan *plan, SamStore *store)
{
  SamStore *had = plan->store;

  plan->store = store ? g_object_ref (store) : NULL;
  return had;
}

void
_sam_merge_plan_release_store (SamMergePlan *plan)
{
  g_clear_object (&plan->store);
}

/* Reading the plan */

const char *
sam_merge_plan_get_source (SamMergePlan *plan)
{
  return plan->source;
}

const char *
sam_merge_plan_get_source_name (SamMergePlan *plan)
{
  const char *name = sam_text_get_best (&plan->data->meta.name, sam_lang_from_locale (), NULL);
  return name ? name : plan->source;
}

const SamRegisterData *
sam_merge_plan_get_data (SamMergePlan *plan)
{
  return plan->data;
}

guint
sam_merge_plan_count (SamMergePlan *plan, SamMergeAction action)
{
  g_return_val_if_fail (action < SAM_MERGE_N_ACTIONS, 0);
  return plan->counts[action];
}

gboolean
sam_merge_plan_is_noop (SamMergePlan *plan)
{
  for (guint i = 0; i < plan->items->len; i++)
    if (((SamMergeItem *) g_ptr_array_index (plan->items, i))->seen_dirty)
      return FALSE;
  return TRUE;
}

GPtrArray *
sam_merge_plan_get_changes (SamMergePlan *plan)
{
  return plan->changes;
}

GPtrArray *
sam_merge_plan_get_conflicts (SamMergePlan *plan)
{
  return plan->conflicts;
}

GPtrArray *
sam_merge_plan_get_notes (SamMergePlan *plan)
{
  return plan->notes;
}

char *
sam_merge_plan_describe (SamMergePlan *plan)
{
  const guint *n = plan->counts;
  /* each count with its own plural: "1 conflict", "1 ny" but "2 nya" */
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new",
                                                         n[SAM_MERGE_NEW]), n[SAM_MERGE_NEW]);
  g_autofree char *updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated",
                                                           n[SAM_MERGE_UPDATED]), n[SAM_MERGE_UPDATED]);
  g_autofree char *unchanged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged",
                                                             n[SAM_MERGE_UNCHANGED]), n[SAM_MERGE_UNCHANGED]);
  g_autofree char *deleted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deleted upstream",
                                                           "%u deleted upstream", n[SAM_MERGE_DELETED]),
                                              n[SAM_MERGE_DELETED]);
  g_autofree char *conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts",
                                                             n[SAM_MERGE_CONFLICT]), n[SAM_MERGE_CONFLICT]);

  /* Translators: the preview of an import, "3 new, 1 updated, 120 unchanged, 0 deleted upstream, 1 conflict" */
  return g_strdup_printf (_("%s, %s, %s, %s, %s"), added, updated, unchanged, deleted, conflicts);
}

void
sam_merge_plan_prefer (SamMergePlan *plan, SamMergeSide side)
{
  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->conflicts, i);

      for (guint k = 0; k < item->fields->len; k++)
        {
          SamMergeField *field = g_ptr_array_index (item->fields, k);
          if (field->choice == SAM_MERGE_SIDE_NONE)
            field->choice = side;
        }
    }
}

guint
sam_merge_plan_count_undecided (SamMergePlan *plan)
{
  guint n = 0;

  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->conflicts, i);

      for (guint k = 0; k < item->fields->len; k++)
        n += ((SamMergeField *) g_ptr_array_index (item->fields, k))->choice == SAM_MERGE_SIDE_NONE;
    }
  return n;
}

SamMergeAction
sam_merge_item_get_action (SamMergeItem *item)
{
  return item->action;
}

const char *
sam_merge_item_get_entity (SamMergeItem *item)
{
  return item->entity;
}

const char *
sam_merge_item_get_id (SamMergeItem *item)
{
  return item->id;
}

const char *
sam_merge_item_get_name (SamMergeItem *item)
{
  if (item->name == NULL)
    item->name = g_strdup (display_name (item->theirs) ? display_name (item->theirs)
                           : display_name (item->mine) ? display_name (item->mine) : item->id);
  return item->name;
}

GPtrArray *
sam_merge_item_get_fields (SamMergeItem *item)
{
  return item->fields;
}

gboolean
sam_merge_item_choose (SamMergeItem *item, const char *key, SamMergeSide side)
{
  for (guint k = 0; k < item->fields->len; k++)
    {
      SamMergeField *field = g_ptr_array_index (item->fields, k);

      if (g_str_equal (field->key, key))
        {
          field->choice = side;
          return TRUE;
        }
    }
  return FALSE;
}
