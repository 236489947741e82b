/* sam-merge.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge engine. Records are matched by id; each carries its ancestry
 * (sam-ancestry.h): an owner, and a bounded history of revision ids with
 * the revision each field last changed in. With mh and th the heads of
 * mine and theirs:
 *
 *   th == mh, or th in mine's history   unchanged (mine descends from theirs)
 *   and every field of theirs in the
 *   lineage of mine's
 *   mh in theirs' history, and every    theirs descends from mine: taken when
 *   field of mine in theirs' lineage
 *                                       the source owns the record, else a
 *                                       proposal (a conflict); the same
 *                                       content only moves the history on
 *   otherwise                           diverged: field by field, the side
 *                                       whose field revision the other has
 *                                       not seen changed it; a field changed
 *                                       on both sides (neither field's
 *                                       lineage has the other's revision) is
 *                                       a conflict, and so
 *                                       is one changed by a source that does
 *                                       not own the record
 *
 * Deletions are revisions too and travel as tombstones with their history.
 * Unchanged content is never an update; a merge that keeps mine's content
 * writes only the merged history. A followed source's own records are
 * taken whatever was done to them here.
 *
 * Here: the plan, matching and classifying. What callers ask of it is in
 * sam-merge-plan.c, a conflict's fields in sam-merge-diff.c (a record's
 * fields and hashes in model/sam-record-fields.c), the history a merged
 * record gets in sam-merge-ancestry.c, applying in sam-merge-apply.c,
 * what exports leave for the next merge in sam-merge-export.c.
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include <string.h>
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
  g_clear_pointer (&item->auto_sides, g_hash_table_unref);
  sam_ancestry_free (item->theirs_anc);
  sam_ancestry_free (item->mine_anc);
  g_clear_object (&item->theirs);
  g_clear_object (&item->mine);
  g_free (item->theirs_hash);
  g_free (item->mine_hash);
  g_free (item->owner_name);
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
  g_free (plan->instance);
  g_ptr_array_unref (plan->changes);
  g_ptr_array_unref (plan->conflicts);
  g_ptr_array_unref (plan->items);
  g_ptr_array_unref (plan->notes);
  g_clear_pointer (&plan->actor_index, g_hash_table_unref);
  g_clear_pointer (&plan->path_index, g_hash_table_unref);
  g_clear_pointer (&plan->actor_anc, g_hash_table_unref);
  g_clear_pointer (&plan->path_anc, g_hash_table_unref);
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

/* The name a person knows @item by: theirs, else mine, else its id. */
const char *
_sam_merge_item_name (SamMergeItem *item)
{
  if (item->name == NULL)
    item->name = g_strdup (display_name (item->theirs) ? display_name (item->theirs)
                           : display_name (item->mine) ? display_name (item->mine) : item->id);
  return item->name;
}

/* The ancestry of a record read from a file: what it carries, else its
 * root; its owner as it says, else the file's source. */
gboolean
_sam_merge_carries_history (SamAncestry *carried)
{
  return carried != NULL && *carried->history;
}

SamAncestry *
_sam_merge_incoming_ancestry (SamAncestry *carried, const char *source, const char *content_hash)
{
  g_autofree char *root = NULL;

  if (_sam_merge_carries_history (carried))
    return sam_ancestry_new (carried->owner ? carried->owner : source, carried->history,
                             carried->fields);
  root = sam_ancestry_root_id (content_hash);
  return sam_ancestry_new (carried && carried->owner ? carried->owner : source, root, NULL);
}

static SamMergeItem *
item_new (SamMergePlan *plan, const char *entity, const char *id, GObject *theirs,
          gint64 revision, SamAncestry *carried)
{
  SamMergeItem *item = g_new0 (SamMergeItem, 1);
  gboolean is_path = g_str_equal (entity, "path");
  SamAncestry *row;

  item->entity = is_path ? "path" : "actor";
  item->id = g_strdup (id);
  item->key = g_strconcat (item->entity, ":", id, NULL);
  item->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  item->auto_sides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  item->theirs = theirs ? g_object_ref (theirs) : NULL;
  item->theirs_revision = revision;
  item->theirs_hash = _sam_merge_hash_record (theirs, SAM_VISIBILITY_INTERNAL);
  item->theirs_anc = _sam_merge_incoming_ancestry (carried, plan->data->source, item->theirs_hash);
  item->local = g_hash_table_lookup (is_path ? plan->path_index : plan->actor_index, id);
  row = g_hash_table_lookup (is_path ? plan->path_anc : plan->actor_anc, id);
  if (item->local != NULL && row != NULL && *row->history)
    item->mine_anc = sam_ancestry_copy (row);
  if (item->local != NULL && item->local->deleted)
    item->mine_hash = g_strdup ("");
  if (item->local != NULL && item->local->deleted && item->mine_anc == NULL)
    item->mine_anc = _sam_merge_root_ancestry (row ? row->owner : NULL, "");
  return item;
}

const char *
_sam_merge_item_owner (SamMergePlan *plan, SamMergeItem *item)
{
  const char *owner = plan->instance;
  g_autofree char *handed = NULL;

  if (item->mine_anc != NULL && item->mine_anc->owner != NULL)
    owner = item->mine_anc->owner;
  if (item->theirs_anc == NULL || item->theirs_anc->owner == NULL ||
      g_strcmp0 (item->theirs_anc->owner, owner) == 0)
    return owner;
  /* handed on by the register that owned it: the record travels with
   * its new owner, whoever relays it; anyone else's claim is a proposal */
  handed = g_strconcat (SAM_ANCESTRY_HANDED, owner ? owner : "", NULL);
  return sam_ancestry_has_entry (item->theirs_anc, handed) ? item->theirs_anc->owner : owner;
}

/* Whether the file's source may change @item by itself. */
static gboolean
source_owns (SamMergePlan *plan, SamMergeItem *item)
{
  return g_strcmp0 (plan->source, _sam_merge_item_owner (plan, item)) == 0;
}

/* Who owns @item, as a person reads it: this register, or the name the
 * owner gave itself in a file merged before, else its id. */
static char *
owner_name (SamMergePlan *plan, SamMergeItem *item)
{
  const char *owner = _sam_merge_item_owner (plan, item);
  char *name;

  if (g_strcmp0 (owner, plan->instance) == 0)
    return g_strdup (_("this register"));
  if (g_strcmp0 (owner, plan->data->source) == 0 &&
      sam_text_get_best (&plan->data->meta.name, sam_lang_from_locale (), NULL) != NULL)
    return g_strdup (sam_text_get_best (&plan->data->meta.name, sam_lang_from_locale (), NULL));
  name = _sam_store_dup_source_name (plan->store, owner);
  return name ? name : g_strdup_printf (_("the register %s"), owner);
}

static gboolean
needs_mine (SamMergeItem *item)
{
  return item->local != NULL && !item->local->deleted && item->mine == NULL &&
         (item->mine_anc == NULL || item->action != SAM_MERGE_UNCHANGED);
}

/* Loads the local records an undecided item needs, and the root of a
 * record that has no history yet. */
static void
took_mine (SamMergePlan *plan, SamMergeItem *item, GObject *mine)
{
  SamAncestry *row = g_hash_table_lookup (item->entity[0] == 'p' ? plan->path_anc : plan->actor_anc,
                                          item->id);

  item->mine = g_object_ref (mine);
  item->mine_hash = _sam_merge_hash_record (mine, plan->data->audience);
  if (item->mine_anc == NULL)
    {
      g_autofree char *full = _sam_merge_hash_record (mine, SAM_VISIBILITY_INTERNAL);
      item->mine_anc = _sam_merge_root_ancestry (row ? row->owner : NULL, full);
    }
}

static gboolean
load_mine_actors (SamMergePlan *plan, GError **error)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();

  for (guint i = 0; i <= plan->items->len; i++)
    {
      SamMergeItem *item = i < plan->items->len ? g_ptr_array_index (plan->items, i) : NULL;

      if (item != NULL && item->entity[0] == 'a' && needs_mine (item))
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
            took_mine (plan, g_ptr_array_index (waiting, k), g_ptr_array_index (loaded, k));
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
      g_autoptr(SamEscalationPath) path = NULL;

      if (item->entity[0] != 'p' || !needs_mine (item))
        continue;
      path = sam_store_load_path (plan->store, item->id, error);
      if (path == NULL)
        return FALSE;
      took_mine (plan, item, G_OBJECT (path));
    }
  return TRUE;
}

/* First look, by the heads alone: UNCHANGED and NEW are final; anything
 * else (CONFLICT here) waits for the local record. */
static SamMergeAction
decide_by_heads (SamMergeItem *item)
{
  char mh[SAM_REV_LEN + 1], th[SAM_REV_LEN + 1];

  if (item->local == NULL)
    return item->theirs == NULL ? SAM_MERGE_UNCHANGED : SAM_MERGE_NEW;
  if (item->mine_anc == NULL)
    return SAM_MERGE_CONFLICT;
  /* a record holding fields it never got the value of: the heads say
   * nothing of those, so look at each */
  if (sam_ancestry_has_stale (item->mine_anc))
    return SAM_MERGE_CONFLICT;
  sam_ancestry_get_head (item->mine_anc, mh);
  sam_ancestry_get_head (item->theirs_anc, th);
  /* theirs is mine's version or one before it, unless a field's value
   * never came along (a narrower file, a value made apart): then each
   * field is looked at */
  if (!sam_ancestry_has (item->mine_anc, th) || !sam_ancestry_covers (item->mine_anc, item->theirs_anc))
    return SAM_MERGE_CONFLICT;
  /* the same version, yet deleted on one side only (a register changed
   * behind its back): the content decides */
  if (g_str_equal (mh, th))
    return item->local->deleted != (item->theirs == NULL) ? SAM_MERGE_CONFLICT : SAM_MERGE_UNCHANGED;
  return SAM_MERGE_UNCHANGED;
}

static SamMergeAction
take_theirs (SamMergeItem *item)
{
  return item->theirs == NULL ? SAM_MERGE_DELETED : SAM_MERGE_UPDATED;
}

/* Field by field, for two live versions: a field theirs has in a revision
 * mine has seen (or the same) is mine's to keep; one changed there since
 * is theirs when the source owns the record (or, following, always), a
 * proposal else; one changed on both sides is a conflict. */
static SamMergeAction
decide_fields (SamMergePlan *plan, SamMergeItem *item, gboolean owns,
               gboolean older)
{
  g_autoptr(GPtrArray) diff = _sam_merge_item_diff (item, plan->data->audience);
  gboolean any_theirs = FALSE;

  for (guint i = 0; i < diff->len; i++)
    {
      SamMergeField *field = g_ptr_array_index (diff, i);
      char mr[SAM_REV_LEN + 1], tr[SAM_REV_LEN + 1];
      SamMergeSide side = SAM_MERGE_SIDE_NONE;
      gboolean same;

      sam_ancestry_get_field (item->mine_anc, field->key, mr);
      sam_ancestry_get_field (item->theirs_anc, field->key, tr);
      same = sam_rev_same (mr, tr);
      if (plan->follow && owns && !sam_ancestry_is_stale (item->theirs_anc, field->key))
        side = SAM_MERGE_SIDE_THEIRS;       /* a followed register's own record */
      else if (sam_ancestry_is_stale (item->theirs_anc, field->key))
        /* the file does not hold its value; when neither side does, a
         * person knows which is right */
        side = sam_ancestry_is_stale (item->mine_anc, field->key) ? SAM_MERGE_SIDE_NONE
                                                                   : SAM_MERGE_SIDE_MINE;
      else if (sam_ancestry_is_stale (item->mine_anc, field->key))
        side = _sam_merge_stale_side (item, field->key, mr, tr, owns);
      else if (same && field->mine == NULL && g_str_has_prefix (field->key, "route:"))
        /* the same revision of a route this register never had (it came
         * in a file for a narrower audience): filled in, not a change */
        side = owns ? SAM_MERGE_SIDE_THEIRS : SAM_MERGE_SIDE_NONE;
      else if (same && _sam_merge_is_order_key (field->key))
        /* the same order put together differently on each side (routes
         * added here and there): one canonical choice both sides make */
        side = strcmp (item->theirs_hash, item->mine_hash) < 0 ? SAM_MERGE_SIDE_THEIRS : SAM_MERGE_SIDE_MINE;
      else if (same || sam_ancestry_field_has (item->mine_anc, field->key, tr))
        side = SAM_MERGE_SIDE_MINE;         /* not changed there since mine */
      else if (sam_ancestry_field_has (item->theirs_anc, field->key, mr) && owns)
        side = SAM_MERGE_SIDE_THEIRS;       /* changed there, by its owner */
      if (side == SAM_MERGE_SIDE_NONE)
        {
          g_ptr_array_add (item->fields, field);
          continue;
        }
      any_theirs |= side == SAM_MERGE_SIDE_THEIRS;
      g_hash_table_insert (item->auto_sides, g_strdup (field->key), GINT_TO_POINTER (side));
      field_free (field);
    }
  if (item->fields->len > 0)
    return SAM_MERGE_CONFLICT;
  /* an older file with nothing this register lacks changes nothing */
  item->adopt = !any_theirs && !older;
  return any_theirs ? SAM_MERGE_UPDATED : SAM_MERGE_UNCHANGED;
}

static SamMergeAction
decide (SamMergePlan *plan, SamMergeItem *item)
{
  char mh[SAM_REV_LEN + 1], th[SAM_REV_LEN + 1];
  gboolean owns = source_owns (plan, item);
  gboolean descends, older;

  sam_ancestry_get_head (item->mine_anc, mh);
  sam_ancestry_get_head (item->theirs_anc, th);
  descends = sam_ancestry_has (item->theirs_anc, mh) &&
             sam_ancestry_covers (item->theirs_anc, item->mine_anc);
  /* only a record with stale fields, or a field whose value never came
   * along, gets here with a file it has seen */
  older = sam_ancestry_has (item->mine_anc, th) &&
          sam_ancestry_covers (item->mine_anc, item->theirs_anc);
  if (g_str_equal (item->mine_hash, item->theirs_hash))
    {
      /* the same content: at most the history moves on, or a stale
       * field is known again */
      item->adopt = !older || (g_str_equal (mh, th) && _sam_merge_fills_stale (item));
      return SAM_MERGE_UNCHANGED;
    }
  item->proposal = !owns;
  if (item->proposal)
    item->owner_name = owner_name (plan, item);
  if (item->mine == NULL || item->theirs == NULL)
    {
      g_autoptr(GPtrArray) diff = NULL;

      /* deleted on one side: the record is taken or kept whole */
      if (owns && (descends || plan->follow))
        return take_theirs (item);
      diff = _sam_merge_item_diff (item, plan->data->audience);
      g_ptr_array_extend_and_steal (item->fields, g_steal_pointer (&diff));
      return SAM_MERGE_CONFLICT;
    }
  return decide_fields (plan, item, owns, older && !g_str_equal (mh, th));
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
      (plan->actor_anc = _sam_store_load_ancestry (plan->store, "actor", error)) == NULL ||
      (plan->path_anc = _sam_store_load_ancestry (plan->store, "path", error)) == NULL)
    return FALSE;
  plan->log_mark = _sam_store_get_log_mark (plan->store);
  plan->instance = _sam_store_dup_instance (plan->store);

  for (guint i = 0; i < data->actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (data->actors, i);
      g_ptr_array_add (plan->items, item_new (plan, "actor", sam_actor_get_id (actor), G_OBJECT (actor),
                                              sam_actor_get_revision (actor),
                                              _sam_record_get_ancestry (actor)));
    }
  for (guint i = 0; i < data->paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, i);
      g_ptr_array_add (plan->items, item_new (plan, "path", sam_escalation_path_get_id (path),
                                              G_OBJECT (path), sam_escalation_path_get_revision (path),
                                              _sam_record_get_ancestry (path)));
    }
  for (guint i = 0; i < data->tombstones->len; i++)
    {
      SamTombstone *t = g_ptr_array_index (data->tombstones, i);
      g_ptr_array_add (plan->items, item_new (plan, t->entity, t->id, NULL, t->revision, t->ancestry));
    }
  /* the heads settle most records without reading them */
  for (guint i = 0; i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);
      item->action = decide_by_heads (item);
    }
  if (!load_mine_actors (plan, error) || !load_mine_paths (plan, error))
    return FALSE;

  for (guint i = 0; i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);

      /* a record without a history row has its root now */
      if (item->action == SAM_MERGE_CONFLICT)
        item->action = decide_by_heads (item);
      if (item->action == SAM_MERGE_CONFLICT)
        item->action = decide (plan, item);
      item->dirty = item->action != SAM_MERGE_UNCHANGED || item->adopt;
      /* names only for what a person will see: 100,000 copies cost */
      if (item->action != SAM_MERGE_UNCHANGED)
        _sam_merge_item_name (item);
      plan->counts[item->action]++;
      if (item->action == SAM_MERGE_CONFLICT)
        g_ptr_array_add (plan->conflicts, item);
      if (item->action != SAM_MERGE_UNCHANGED)
        g_ptr_array_add (plan->changes, item);
    }
  return plan_notes (plan, error);
}

SamMergePlan *
sam_merge_plan_new (SamStore         *store,
                    SamRegisterData  *data,
                    const char       *file_name,
                    GError          **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  return _sam_merge_plan_new_full (store, data, file_name, FALSE, error);
}

SamMergePlan *
_sam_merge_plan_new_full (SamStore         *store,
                          SamRegisterData  *data,
                          const char       *file_name,
                          gboolean          follow,
                          GError          **error)
{
  g_autoptr(SamMergePlan) plan = g_new0 (SamMergePlan, 1);
  gboolean ok;

  plan->follow = follow;
  plan->store = g_object_ref (store);
  plan->register_path = g_strdup (sam_store_get_path (store));
  plan->data = data;
  plan->file = g_strdup (file_name);
  plan->source = g_strdup (data->source ? data->source : data->meta.id ? data->meta.id : "unknown");
  plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  plan->changes = g_ptr_array_new ();
  plan->conflicts = g_ptr_array_new ();
  plan->notes = g_ptr_array_new_with_free_func (g_free);

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
  return _sam_merge_plan_new_for_file_full (store, file, FALSE, cancellable, error);
}

SamMergePlan *
_sam_merge_plan_new_for_file_full (SamStore      *store,
                                   GFile         *file,
                                   gboolean       follow,
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
  plan = _sam_merge_plan_new_full (store, data, name, follow, error);
  if (plan == NULL)
    sam_register_data_free (data);
  return plan;
}
