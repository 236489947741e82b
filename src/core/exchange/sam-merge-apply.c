/* sam-merge-apply.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Applying a merge plan: each item built from the user's choices (field
 * by field for a conflict) and written over the local record, with the
 * sync state after it, all in one transaction behind a backup.
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sam-actor-json.h"
#include "sam-backups.h"
#include "sam-errors.h"
#include "sam-merge.h"
#include "sam-merge-private.h"

/* Applying */

static SamMergeSide
choice_of (SamMergeItem *item, const char *key)
{
  for (guint k = 0; k < item->fields->len; k++)
    {
      SamMergeField *field = g_ptr_array_index (item->fields, k);
      if (g_str_equal (field->key, key))
        return field->choice;
    }
  return SAM_MERGE_SIDE_MINE;   /* the same on both sides */
}

static SamActor *
pick_actor (SamMergeItem *item, const char *key)
{
  return SAM_ACTOR (choice_of (item, key) == SAM_MERGE_SIDE_THEIRS ? item->theirs : item->mine);
}

static void
copy_strings (SamActor *to, GPtrArray *values, void (*add) (SamActor *, const char *))
{
  for (guint i = 0; i < values->len; i++)
    add (to, g_ptr_array_index (values, i));
}

/* Routes more restricted than the file's audience: the file cannot speak
 * of them, so the local ones stay. */
static void
keep_restricted_routes (SamActor *result, SamActor *mine, SamVisibility audience)
{
  GPtrArray *routes;

  if (mine == NULL || audience == SAM_VISIBILITY_INTERNAL)
    return;
  routes = sam_actor_get_routes (mine);
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);

      if (!_sam_merge_route_in_audience (route, audience) &&
          sam_actor_find_route (result, sam_contact_route_get_id (route)) == NULL)
        {
          g_autoptr(SamContactRoute) copy = sam_contact_route_copy (route);
          sam_actor_add_route (result, copy);
        }
    }
}

static SamActor *
build_actor (SamMergeItem *item, SamVisibility audience)
{
  SamActor *mine = SAM_ACTOR (item->mine);
  SamActor *theirs = SAM_ACTOR (item->theirs);
  g_autoptr(SamActor) result = sam_actor_new (item->id);
  SamActor *src;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);

  sam_actor_set_kind (result, sam_actor_get_kind (pick_actor (item, "kind")));
  sam_actor_set_parent_id (result, sam_actor_get_parent_id (pick_actor (item, "parent")));
  sam_text_set (sam_actor_get_name (result), SAM_LANG_SV,
                sam_text_get (sam_actor_get_name (pick_actor (item, "name.sv")), SAM_LANG_SV));
  sam_text_set (sam_actor_get_name (result), SAM_LANG_EN,
                sam_text_get (sam_actor_get_name (pick_actor (item, "name.en")), SAM_LANG_EN));
  sam_text_set (sam_actor_get_description (result), SAM_LANG_SV,
                sam_text_get (sam_actor_get_description (pick_actor (item, "description.sv")), SAM_LANG_SV));
  sam_text_set (sam_actor_get_description (result), SAM_LANG_EN,
                sam_text_get (sam_actor_get_description (pick_actor (item, "description.en")), SAM_LANG_EN));
  copy_strings (result, sam_actor_get_areas (pick_actor (item, "areas")), sam_actor_add_area);
  copy_strings (result, sam_actor_get_target_groups (pick_actor (item, "target-groups")), sam_actor_add_target_group);
  copy_strings (result, sam_actor_get_languages (pick_actor (item, "languages")), sam_actor_add_language);
  copy_strings (result, sam_actor_get_tags (pick_actor (item, "tags")), sam_actor_add_tag);
  sam_actor_set_hours (result, sam_actor_get_hours (pick_actor (item, "hours")));
  src = pick_actor (item, "verified");
  sam_actor_set_verified (result, sam_actor_get_verified_at (src), sam_actor_get_verified_by (src));
  sam_actor_set_review_days (result, sam_actor_get_review_days (pick_actor (item, "review-days")));

  /* routes: in the order of the chosen side, then those only the other has */
  src = pick_actor (item, "route-order");
  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *routes = sam_actor_get_routes (s == 0 ? src : (src == mine ? theirs : mine));
      for (guint i = 0; i < routes->len; i++)
        {
          const char *id = sam_contact_route_get_id (g_ptr_array_index (routes, i));
          if (g_hash_table_add (added, (char *) id))
            g_ptr_array_add (order, (char *) id);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      g_autofree char *key = g_strconcat ("route:", id, NULL);
      SamContactRoute *route = _sam_merge_find_route (pick_actor (item, key), id, audience);

      if (route != NULL)
        {
          g_autoptr(SamContactRoute) copy = sam_contact_route_copy (route);
          sam_actor_add_route (result, copy);
        }
    }
  keep_restricted_routes (result, mine, audience);
  return g_steal_pointer (&result);
}

static SamEscalationPath *
build_path (SamMergeItem *item)
{
  SamEscalationPath *result = sam_escalation_path_new (item->id);
#define PICK(key) SAM_ESCALATION_PATH (choice_of (item, key) == SAM_MERGE_SIDE_THEIRS ? item->theirs : item->mine)
  GPtrArray *steps = sam_escalation_path_get_steps (PICK ("steps"));

  sam_escalation_path_set_situation (result, sam_escalation_path_get_situation (PICK ("situation")));
  sam_escalation_path_set_area (result, sam_escalation_path_get_area (PICK ("area")));
  sam_escalation_path_set_start (result, sam_escalation_path_get_start (PICK ("start")));
  sam_text_set (sam_escalation_path_get_title (result), SAM_LANG_SV,
                sam_text_get (sam_escalation_path_get_title (PICK ("title.sv")), SAM_LANG_SV));
  sam_text_set (sam_escalation_path_get_title (result), SAM_LANG_EN,
                sam_text_get (sam_escalation_path_get_title (PICK ("title.en")), SAM_LANG_EN));
  sam_text_set (sam_escalation_path_get_summary (result), SAM_LANG_SV,
                sam_text_get (sam_escalation_path_get_summary (PICK ("summary.sv")), SAM_LANG_SV));
  sam_text_set (sam_escalation_path_get_summary (result), SAM_LANG_EN,
                sam_text_get (sam_escalation_path_get_summary (PICK ("summary.en")), SAM_LANG_EN));
#undef PICK
  for (guint i = 0; i < steps->len; i++)
    {
      g_autoptr(SamEscalationStep) copy = sam_escalation_step_copy (g_ptr_array_index (steps, i));
      sam_escalation_path_add_step (result, copy);
    }
  return result;
}

static char *
record_json (GObject *record)
{
  if (record == NULL)
    return NULL;
  return SAM_IS_ACTOR (record) ? sam_actor_to_json_text (SAM_ACTOR (record))
                               : sam_path_to_json_text (SAM_ESCALATION_PATH (record));
}

static void
stamp_now (SamMergePlan *plan, GObject *record)
{
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autoptr(GDateTime) at = g_date_time_add_seconds (utc, -g_date_time_get_microsecond (utc) / 1e6);

  if (SAM_IS_ACTOR (record))
    sam_actor_set_updated (SAM_ACTOR (record), at, sam_store_get_user (plan->store));
  else
    sam_escalation_path_set_updated (SAM_ESCALATION_PATH (record), at, sam_store_get_user (plan->store));
}

static void
set_revision (GObject *record, gint64 revision)
{
  if (SAM_IS_ACTOR (record))
    sam_actor_set_revision (SAM_ACTOR (record), revision);
  else
    sam_escalation_path_set_revision (SAM_ESCALATION_PATH (record), revision);
}

static void
set_updated_from (GObject *record, GObject *from)
{
  if (SAM_IS_ACTOR (record))
    sam_actor_set_updated (SAM_ACTOR (record), sam_actor_get_updated_at (SAM_ACTOR (from)),
                           sam_actor_get_updated_by (SAM_ACTOR (from)));
  else
    sam_escalation_path_set_updated (SAM_ESCALATION_PATH (record),
                                     sam_escalation_path_get_updated_at (SAM_ESCALATION_PATH (from)),
                                     sam_escalation_path_get_updated_by (SAM_ESCALATION_PATH (from)));
}

/* Writes @result (NULL: a deletion) over the local record. */
static gboolean
write_record (SamMergePlan *plan, SamMergeItem *item, GObject *result, gint64 revision,
              GError **error)
{
  g_autofree char *before = record_json (item->mine);

  if (result == NULL)
    {
      if (item->local == NULL || item->local->deleted)
        return TRUE;
      return _sam_store_bury (plan->store, item->entity, item->id, revision, error) &&
             _sam_store_log_merge (plan->store, item->entity, item->id, "delete", revision,
                                   before, NULL, error);
    }
  set_revision (result, revision);
  if (SAM_IS_ACTOR (result))
    {
      g_autofree char *after = NULL;

      if (item->local == NULL)
        return _sam_store_write_actor (plan->store, SAM_ACTOR (result), TRUE, error);
      after = sam_actor_to_json_text (SAM_ACTOR (result));
      return _sam_store_overwrite_actor (plan->store, SAM_ACTOR (result), error) &&
             _sam_store_log_merge (plan->store, "actor", item->id, item->local->deleted ? "restore" : "update",
                                   revision, before, after, error);
    }
  if (item->local == NULL)
    return _sam_store_write_path (plan->store, SAM_ESCALATION_PATH (result), error);
  return _sam_store_overwrite_path (plan->store, SAM_ESCALATION_PATH (result),
                                    before ? before : "{}", error);
}

static char *
hash_record (GObject *record, SamVisibility audience)
{
  if (record == NULL)
    return g_strdup ("");
  return SAM_IS_ACTOR (record) ? sam_merge_hash_actor (SAM_ACTOR (record), audience)
                               : sam_merge_hash_path (SAM_ESCALATION_PATH (record));
}

static gboolean
apply_item (SamMergePlan *plan, SamMergeItem *item, SamSeen *after, GError **error)
{
  SamVisibility audience = plan->data->audience;
  gint64 local_revision = item->local ? item->local->revision : 0;
  gint64 revision = MAX (local_revision + 1, item->theirs_revision);
  g_autoptr(GObject) result = NULL;

  g_strlcpy (after->seen_hash, item->theirs_hash, SAM_HASH_SIZE);
  after->seen_revision = item->theirs_revision;

  switch (item->action)
    {
    case SAM_MERGE_UNCHANGED:
      g_strlcpy (after->local_hash, item->mine_hash ? item->mine_hash : "", SAM_HASH_SIZE);
      after->local_revision = local_revision;
      return TRUE;

    case SAM_MERGE_NEW:
    case SAM_MERGE_UPDATED:
      if (SAM_IS_ACTOR (item->theirs))
        {
          result = G_OBJECT (sam_actor_copy (SAM_ACTOR (item->theirs)));
          keep_restricted_routes (SAM_ACTOR (result), SAM_ACTOR (item->mine), audience);
        }
      else
        result = G_OBJECT (sam_escalation_path_copy (SAM_ESCALATION_PATH (item->theirs)));
      if (item->action == SAM_MERGE_NEW)
        revision = item->theirs_revision;
      break;

    case SAM_MERGE_DELETED:
      break;

    case SAM_MERGE_CONFLICT:
      if (item->mine == NULL || item->theirs == NULL)
        {
          /* a deletion on one side: the record is kept or deleted whole */
          if (choice_of (item, "record") == SAM_MERGE_SIDE_MINE)
            {
              g_strlcpy (after->local_hash, item->mine_hash ? item->mine_hash : "", SAM_HASH_SIZE);
              after->local_revision = local_revision;
              return TRUE;
            }
          if (item->theirs != NULL)
            {
              result = SAM_IS_ACTOR (item->theirs) ? G_OBJECT (sam_actor_copy (SAM_ACTOR (item->theirs)))
                                                   : G_OBJECT (sam_escalation_path_copy (SAM_ESCALATION_PATH (item->theirs)));
            }
          break;
        }
      result = SAM_IS_ACTOR (item->theirs) ? G_OBJECT (build_actor (item, audience))
                                           : G_OBJECT (build_path (item));
      {
        g_autofree char *hash = hash_record (result, audience);

        if (g_str_equal (hash, item->mine_hash))
          {
            /* mine, field by field: nothing to write */
            g_strlcpy (after->local_hash, hash, SAM_HASH_SIZE);
            after->local_revision = local_revision;
            return TRUE;
          }
        if (g_str_equal (hash, item->theirs_hash))
          set_updated_from (result, item->theirs);
        else
          stamp_now (plan, result);     /* a version of its own */
      }
      break;

    case SAM_MERGE_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  if (!write_record (plan, item, result, revision, error))
    {
      g_prefix_error (error, "%s “%s”: ", g_str_equal (item->entity, "path") ? _("Path") : _("Actor"),
                      sam_merge_item_get_name (item));
      return FALSE;
    }
  {
    g_autofree char *hash = hash_record (result, audience);
    g_strlcpy (after->local_hash, hash, SAM_HASH_SIZE);
  }
  after->local_revision = revision;
  return TRUE;
}

static char *
summary_json (SamMergePlan *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char * const names[] = { "unchanged", "new", "updated", "deleted", "conflicts" };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, plan->source);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, sam_merge_plan_get_source_name (plan));
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, plan->file ? plan->file : "");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, plan->data->meta.version);
  if (plan->data->exported)
    {
      g_autofree char *exported = sam_timestamp_format (plan->data->exported);
      json_builder_set_member_name (b, "exported");
      json_builder_add_string_value (b, exported);
    }
  for (guint i = 0; i < SAM_MERGE_N_ACTIONS; i++)
    {
      json_builder_set_member_name (b, names[i]);
      json_builder_add_int_value (b, plan->counts[i]);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return _sam_merge_node_text (root);
}

static gboolean
apply_in_transaction (SamMergePlan *plan, GError **error)
{
  gint64 mark = _sam_store_get_log_mark (plan->store);
  g_autofree char *summary = NULL;
  SamRegisterMeta meta = { 0 };

  if (mark != plan->log_mark)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_STALE,
                   _("The register was changed after the import was prepared. Nothing was "
                     "imported: prepare it again to see the changes."));
      return FALSE;
    }
  for (guint i = 0; i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);
      SamSeen after = { 0 };
      gboolean ok;

      if (!item->seen_dirty)
        continue;
      ok = apply_item (plan, item, &after, error) &&
           _sam_store_put_seen (plan->store, plan->source, item->entity, item->id, &after, error) &&
           (!plan->update_any ||
            _sam_store_put_seen (plan->store, "*", item->entity, item->id, &after, error));
      if (!ok)
        return FALSE;
    }
  summary = summary_json (plan);
  if (!sam_store_get_meta (plan->store, &meta, error))
    return FALSE;
  if (!_sam_store_put_source (plan->store, plan->data, plan->source, plan->file, error) ||
      !_sam_store_log_merge (plan->store, "register", meta.id ? meta.id : "", "merge", 0, NULL,
                             summary, error) ||
      !_sam_store_tag_log_source (plan->store, mark, plan->source, error))
    {
      sam_register_meta_clear (&meta);
      return FALSE;
    }
  sam_register_meta_clear (&meta);
  return TRUE;
}

gboolean
sam_merge_plan_apply (SamMergePlan  *plan,
                      gboolean       backup,
                      GError       **error)
{
  g_autoptr(SamBackup) copy = NULL;
  guint undecided;
  gboolean ok;

  g_return_val_if_fail (plan != NULL, FALSE);
  /* a plan from sam_merge_plan_new_for_file_async() is applied with
   * sam_merge_plan_apply_async() */
  g_return_val_if_fail (plan->store != NULL, FALSE);

  undecided = sam_merge_plan_count_undecided (plan);
  if (undecided > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < plan->conflicts->len; i++)
        {
          SamMergeItem *item = g_ptr_array_index (plan->conflicts, i);
          g_string_append_printf (list, "\n  %s %s (%s)", item->entity, item->id,
                                  sam_merge_item_get_name (item));
        }
      g_set_error (error, SAM_ERROR, SAM_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u record was changed both here and in the file; nothing was "
                                "imported. Choose which side to keep:%s",
                                "%u records were changed both here and in the file; nothing was "
                                "imported. Choose which side to keep:%s", plan->conflicts->len),
                   plan->conflicts->len, list->str);
      return FALSE;
    }
  if (sam_merge_plan_is_noop (plan))
    return TRUE;
  if (sam_store_is_read_only (plan->store))
    return _sam_store_begin (plan->store, error);   /* sets the read-only error */
  /* a copy only for an import about to write, and none left behind by one
   * that fails (busy, an id in use, a full disk) */
  if (backup && (copy = sam_backups_begin (plan->store, "import", error)) == NULL)
    return FALSE;
  ok = _sam_store_begin (plan->store, error);
  if (ok)
    {
      _sam_store_set_merging (plan->store, TRUE);
      ok = apply_in_transaction (plan, error);
      _sam_store_set_merging (plan->store, FALSE);
      if (!ok)
        _sam_store_rollback (plan->store);
      else
        ok = _sam_store_commit (plan->store, error);
    }
  if (copy)
    sam_backups_end (plan->store, copy, ok);
  return ok;
}
