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

#include <string.h>
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
  return GPOINTER_TO_INT (g_hash_table_lookup (item->auto_sides, key)) == SAM_MERGE_SIDE_THEIRS
         ? SAM_MERGE_SIDE_THEIRS : SAM_MERGE_SIDE_MINE;   /* the same on both sides */
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

/* The ids of @primary in its order, with those only @secondary has each
 * after the id it follows there: a canonical order both sides agree on. */
static GPtrArray *
merge_order (GPtrArray *primary, GPtrArray *secondary)
{
  GPtrArray *order = g_ptr_array_new ();

  g_ptr_array_extend (order, primary, NULL, NULL);
  for (guint i = 0; i < secondary->len; i++)
    {
      const char *id = g_ptr_array_index (secondary, i);
      guint at = 0;

      if (g_ptr_array_find_with_equal_func (order, id, g_str_equal, NULL))
        continue;
      for (guint k = i; k > 0; k--)
        {
          guint found;
          if (g_ptr_array_find_with_equal_func (order, g_ptr_array_index (secondary, k - 1),
                                                g_str_equal, &found))
            {
              at = found + 1;
              break;
            }
        }
      g_ptr_array_insert (order, at, (char *) id);
    }
  return order;
}

static GPtrArray *
route_ids (SamActor *actor, SamVisibility audience, gboolean inside)
{
  GPtrArray *ids = g_ptr_array_new ();
  GPtrArray *routes = actor ? sam_actor_get_routes (actor) : NULL;

  for (guint i = 0; routes && i < routes->len; i++)
    if (_sam_merge_route_in_audience (g_ptr_array_index (routes, i), audience) == inside)
      g_ptr_array_add (ids, (char *) sam_contact_route_get_id (g_ptr_array_index (routes, i)));
  return ids;
}

/* Sets @result's routes: each id of @order from @pick (a side per route),
 * and mine's routes the file cannot speak of (more restricted than its
 * audience) where they were. */
static void
set_routes (SamActor *result, GPtrArray *order, SamMergeItem *item, SamVisibility audience,
            gboolean all_theirs)
{
  SamActor *mine = item->mine ? SAM_ACTOR (item->mine) : NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GPtrArray) mine_all = g_ptr_array_new ();
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      g_autofree char *key = g_strconcat ("route:", id, NULL);
      SamActor *side = all_theirs ? SAM_ACTOR (item->theirs) : pick_actor (item, key);
      SamContactRoute *route = side ? _sam_merge_find_route (side, id, audience) : NULL;

      if (route != NULL)
        g_ptr_array_add (kept, (char *) id);
    }
  if (mine != NULL && audience != SAM_VISIBILITY_INTERNAL)
    for (guint i = 0; i < sam_actor_get_routes (mine)->len; i++)
      g_ptr_array_add (mine_all, (char *) sam_contact_route_get_id (g_ptr_array_index (sam_actor_get_routes (mine), i)));
  full = merge_order (kept, mine_all);
  for (guint i = 0; i < full->len; i++)
    {
      const char *id = g_ptr_array_index (full, i);
      g_autofree char *key = g_strconcat ("route:", id, NULL);
      SamContactRoute *route = NULL;

      if (g_ptr_array_find_with_equal_func (kept, id, g_str_equal, NULL))
        route = _sam_merge_find_route (all_theirs ? SAM_ACTOR (item->theirs) : pick_actor (item, key),
                                       id, audience);
      else if (mine != NULL)
        {
          route = sam_actor_find_route (mine, id);
          if (route && _sam_merge_route_in_audience (route, audience))
            route = NULL;      /* removed on the side chosen */
        }
      if (route != NULL)
        g_ptr_array_add (copies, sam_contact_route_copy (route));
    }
  while (sam_actor_get_routes (result)->len > 0)
    sam_actor_remove_route (result, sam_contact_route_get_id (g_ptr_array_index (sam_actor_get_routes (result), 0)));
  for (guint i = 0; i < copies->len; i++)
    sam_actor_add_route (result, g_ptr_array_index (copies, i));
}

static SamActor *
build_actor (SamMergeItem *item, SamVisibility audience)
{
  SamActor *mine = SAM_ACTOR (item->mine);
  SamActor *theirs = SAM_ACTOR (item->theirs);
  g_autoptr(SamActor) result = sam_actor_new (item->id);
  g_autoptr(GPtrArray) mine_ids = route_ids (mine, audience, TRUE);
  g_autoptr(GPtrArray) theirs_ids = route_ids (theirs, audience, TRUE);
  g_autoptr(GPtrArray) order = NULL;
  SamActor *src;

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
  src = pick_actor (item, "source");
  sam_actor_set_source (result, sam_actor_get_source (src), sam_actor_get_source_read (src));

  /* routes: in the order of the side chosen for the order, the others
   * after the route they follow on their side */
  if (choice_of (item, "route-order") == SAM_MERGE_SIDE_THEIRS)
    order = merge_order (theirs_ids, mine_ids);
  else
    order = merge_order (mine_ids, theirs_ids);
  set_routes (result, order, item, audience, FALSE);
  return g_steal_pointer (&result);
}

/* Theirs, with mine's routes the file cannot carry kept where they were. */
static SamActor *
theirs_actor (SamMergeItem *item, SamVisibility audience)
{
  SamActor *result = sam_actor_copy (SAM_ACTOR (item->theirs));
  g_autoptr(GPtrArray) order = route_ids (SAM_ACTOR (item->theirs), audience, TRUE);

  set_routes (result, order, item, audience, TRUE);
  return result;
}

static SamEscalationPath *
pick_path (SamMergeItem *item, const char *key)
{
  return SAM_ESCALATION_PATH (choice_of (item, key) == SAM_MERGE_SIDE_THEIRS ? item->theirs : item->mine);
}

static GPtrArray *
step_ids (SamEscalationPath *path)
{
  GPtrArray *ids = g_ptr_array_new ();
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  for (guint i = 0; i < steps->len; i++)
    g_ptr_array_add (ids, (char *) sam_escalation_step_get_id (g_ptr_array_index (steps, i)));
  return ids;
}

/* The step @id of the side chosen for @part, else of the side that has it. */
static SamEscalationStep *
pick_step (SamMergeItem *item, const char *id, const char *part)
{
  g_autofree char *key = g_strconcat ("step:", id, "/", part, NULL);
  SamEscalationStep *step = sam_escalation_path_find_step (pick_path (item, key), id);

  if (step == NULL)
    step = sam_escalation_path_find_step (SAM_ESCALATION_PATH (item->mine), id);
  if (step == NULL)
    step = sam_escalation_path_find_step (SAM_ESCALATION_PATH (item->theirs), id);
  return step;
}

static SamEscalationStep *
build_step (SamMergeItem *item, const char *id)
{
  SamEscalationStep *kind = pick_step (item, id, "kind");
  SamEscalationStep *step = sam_escalation_step_new (id, sam_escalation_step_get_kind (kind));
  SamEscalationStep *src;

  sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_SV,
                sam_text_get (sam_escalation_step_get_text (pick_step (item, id, "text.sv")), SAM_LANG_SV));
  sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_EN,
                sam_text_get (sam_escalation_step_get_text (pick_step (item, id, "text.en")), SAM_LANG_EN));
  sam_text_set (sam_escalation_step_get_legal_ref (step), SAM_LANG_SV,
                sam_text_get (sam_escalation_step_get_legal_ref (pick_step (item, id, "legal.sv")), SAM_LANG_SV));
  sam_text_set (sam_escalation_step_get_legal_ref (step), SAM_LANG_EN,
                sam_text_get (sam_escalation_step_get_legal_ref (pick_step (item, id, "legal.en")), SAM_LANG_EN));
  src = pick_step (item, id, "contact");
  sam_escalation_step_set_contact (step, sam_escalation_step_get_actor_id (src),
                                   sam_escalation_step_get_route_id (src));
  sam_escalation_step_set_role (step, sam_escalation_step_get_role (pick_step (item, id, "role")));
  sam_escalation_step_set_urgency (step, sam_escalation_step_get_urgency (pick_step (item, id, "urgency")));
  sam_escalation_step_set_next (step, sam_escalation_step_get_next (pick_step (item, id, "next")));
  src = pick_step (item, id, "answers");
  for (guint i = 0; i < sam_escalation_step_get_answers (src)->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (sam_escalation_step_get_answers (src), i);
      SamStepAnswer *copy = sam_escalation_step_add_answer (step, a->next, a->path);
      sam_text_copy (&copy->label, &a->label);
    }
  src = pick_step (item, id, "fallbacks");
  for (guint i = 0; i < sam_escalation_step_get_fallbacks (src)->len; i++)
    {
      SamStepFallback *f = g_ptr_array_index (sam_escalation_step_get_fallbacks (src), i);
      sam_escalation_step_add_fallback (step, f->actor_id, f->route_id);
    }
  return step;
}

static SamEscalationPath *
build_path (SamMergeItem *item)
{
  SamEscalationPath *result = sam_escalation_path_new (item->id);
  g_autoptr(GPtrArray) mine_ids = step_ids (SAM_ESCALATION_PATH (item->mine));
  g_autoptr(GPtrArray) theirs_ids = step_ids (SAM_ESCALATION_PATH (item->theirs));
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean grew = TRUE;

  sam_escalation_path_set_situation (result, sam_escalation_path_get_situation (pick_path (item, "situation")));
  sam_escalation_path_set_area (result, sam_escalation_path_get_area (pick_path (item, "area")));
  sam_escalation_path_set_start (result, sam_escalation_path_get_start (pick_path (item, "start")));
  sam_text_set (sam_escalation_path_get_title (result), SAM_LANG_SV,
                sam_text_get (sam_escalation_path_get_title (pick_path (item, "title.sv")), SAM_LANG_SV));
  sam_text_set (sam_escalation_path_get_title (result), SAM_LANG_EN,
                sam_text_get (sam_escalation_path_get_title (pick_path (item, "title.en")), SAM_LANG_EN));
  sam_text_set (sam_escalation_path_get_summary (result), SAM_LANG_SV,
                sam_text_get (sam_escalation_path_get_summary (pick_path (item, "summary.sv")), SAM_LANG_SV));
  sam_text_set (sam_escalation_path_get_summary (result), SAM_LANG_EN,
                sam_text_get (sam_escalation_path_get_summary (pick_path (item, "summary.en")), SAM_LANG_EN));
  if (choice_of (item, "step-order") == SAM_MERGE_SIDE_THEIRS)
    order = merge_order (theirs_ids, mine_ids);
  else
    order = merge_order (mine_ids, theirs_ids);
  /* a step is there when the side chosen for it has it, or when a step
   * that is there leads to it: a merge never leaves a step leading nowhere */
  g_hash_table_add (wanted, (char *) sam_escalation_path_get_start (result));
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      g_autofree char *key = g_strconcat ("step:", id, NULL);

      if (sam_escalation_path_find_step (pick_path (item, key), id) != NULL)
        g_hash_table_add (wanted, (char *) id);
    }
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < order->len; i++)
        {
          const char *id = g_ptr_array_index (order, i);
          g_autoptr(SamEscalationStep) step = NULL;
          GPtrArray *answers;
          guint at;

          if (!g_hash_table_contains (wanted, id))
            continue;
          step = build_step (item, id);
          answers = sam_escalation_step_get_answers (step);
          if (sam_escalation_step_get_next (step) &&
              g_ptr_array_find_with_equal_func (order, sam_escalation_step_get_next (step), g_str_equal, &at))
            grew |= g_hash_table_add (wanted, g_ptr_array_index (order, at));
          for (guint a = 0; a < answers->len; a++)
            {
              SamStepAnswer *answer = g_ptr_array_index (answers, a);

              if (answer->next && g_ptr_array_find_with_equal_func (order, answer->next, g_str_equal, &at))
                grew |= g_hash_table_add (wanted, g_ptr_array_index (order, at));
            }
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);

      if (g_hash_table_contains (wanted, id))
        {
          g_autoptr(SamEscalationStep) step = build_step (item, id);
          sam_escalation_path_add_step (result, step);
        }
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

/* The id of a merge of two heads into content @content_hash (the full
 * record): the same on both sides when they merge the same versions into
 * the same record. */
static char *
merge_rev (SamMergeItem *item, const char *content_hash)
{
  char mh[SAM_REV_LEN + 1], th[SAM_REV_LEN + 1];
  g_autofree char *parents = NULL;

  sam_ancestry_get_head (item->mine_anc, mh);
  sam_ancestry_get_head (item->theirs_anc, th);
  parents = g_strdup_printf ("merge %s %s", strcmp (mh, th) < 0 ? mh : th, strcmp (mh, th) < 0 ? th : mh);
  return sam_ancestry_next_id (parents, content_hash);
}

/* The ancestry after the merge. When theirs descends from mine and no
 * field was decided for mine, and the result is theirs (in the file's
 * audience), theirs' history with mine's owner. Else a merge revision
 * over both. */
static gboolean
field_differs (SamFieldValue *a, SamFieldValue *b)
{
  if (a == NULL || b == NULL)
    return a != b;
  return !g_str_equal (a->canon, b->canon);
}

static SamAncestry *
result_ancestry (SamMergeItem *item, gboolean is_theirs, const char *content_hash,
                 GObject *result, SamVisibility audience)
{
  char mh[SAM_REV_LEN + 1];
  g_autofree char *rev = NULL;
  g_autoptr(GHashTable) revs = NULL;
  GHashTableIter iter;
  gpointer key, side;
  gboolean kept_mine = FALSE;
  SamAncestry *out;

  if (item->mine_anc == NULL)
    return sam_ancestry_copy (item->theirs_anc);     /* new here */
  for (guint k = 0; k < item->fields->len; k++)
    kept_mine |= ((SamMergeField *) g_ptr_array_index (item->fields, k))->choice != SAM_MERGE_SIDE_THEIRS;
  sam_ancestry_get_head (item->mine_anc, mh);
  if (is_theirs && !kept_mine && sam_ancestry_has (item->theirs_anc, mh))
    {
      out = sam_ancestry_copy (item->theirs_anc);
      g_free (out->owner);
      out->owner = g_strdup (item->mine_anc->owner);
      return out;
    }
  rev = merge_rev (item, content_hash);
  revs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* each field's revision as its value says: mine's where it is mine's,
   * theirs' where it is theirs', the merge's where a person decided or
   * it is new; never a revision whose value is another */
  if (result != NULL && item->mine != NULL && item->theirs != NULL)
    {
      g_autoptr(GPtrArray) fr = _sam_merge_record_canon (result, audience);
      g_autoptr(GPtrArray) fm = _sam_merge_record_canon (item->mine, audience);
      g_autoptr(GPtrArray) ft = _sam_merge_record_canon (item->theirs, audience);
      g_autoptr(GHashTable) tr_ = _sam_merge_field_table (fr);
      g_autoptr(GHashTable) tm = _sam_merge_field_table (fm);
      g_autoptr(GHashTable) tt = _sam_merge_field_table (ft);
      GPtrArray *lists[] = { fr, fm, ft };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; i < lists[l]->len; i++)
          {
            const char *k = ((SamFieldValue *) g_ptr_array_index (lists[l], i))->key;
            SamFieldValue *r = g_hash_table_lookup (tr_, k);
            SamFieldValue *m = g_hash_table_lookup (tm, k);
            SamFieldValue *t = g_hash_table_lookup (tt, k);

            if (g_hash_table_contains (revs, k) || !field_differs (r, m))
              continue;
            if (!field_differs (r, t))
              {
                char *theirs_rev = g_malloc (SAM_REV_LEN + 1);
                sam_ancestry_get_field (item->theirs_anc, k, theirs_rev);
                g_hash_table_insert (revs, g_strdup (k), theirs_rev);
              }
            else
              g_hash_table_insert (revs, g_strdup (k), g_strndup (rev, SAM_REV_LEN));
          }
    }
  else
    {
      /* a field from theirs keeps theirs' revision */
      g_hash_table_iter_init (&iter, item->auto_sides);
      while (g_hash_table_iter_next (&iter, &key, &side))
        if (GPOINTER_TO_INT (side) == SAM_MERGE_SIDE_THEIRS)
          {
            char *tr = g_malloc (SAM_REV_LEN + 1);
            sam_ancestry_get_field (item->theirs_anc, key, tr);
            g_hash_table_insert (revs, g_strdup (key), tr);
          }
    }
  /* a decided field is new */
  for (guint k = 0; k < item->fields->len; k++)
    g_hash_table_insert (revs, g_strdup (((SamMergeField *) g_ptr_array_index (item->fields, k))->key),
                         g_strndup (rev, SAM_REV_LEN));
  return sam_ancestry_merge (item->mine_anc, item->theirs_anc, rev, revs);
}

static GObject *
copy_theirs (SamMergeItem *item, SamVisibility audience)
{
  if (item->theirs == NULL)
    return NULL;
  if (SAM_IS_ACTOR (item->theirs))
    return G_OBJECT (theirs_actor (item, audience));
  return G_OBJECT (sam_escalation_path_copy (SAM_ESCALATION_PATH (item->theirs)));
}

/* What the record is after the merge (NULL: deleted), in @result. FALSE
 * when mine stays as it is. */
static gboolean
build_result (SamMergeItem *item, SamVisibility audience, GObject **result)
{
  *result = NULL;
  switch (item->action)
    {
    case SAM_MERGE_NEW:
    case SAM_MERGE_DELETED:
      *result = copy_theirs (item, audience);
      return TRUE;

    case SAM_MERGE_UPDATED:
    case SAM_MERGE_CONFLICT:
      if (item->mine == NULL || item->theirs == NULL)
        {
          /* a deletion on one side: the record is kept or deleted whole */
          if (choice_of (item, "record") == SAM_MERGE_SIDE_MINE &&
              item->action == SAM_MERGE_CONFLICT)
            return FALSE;
          *result = copy_theirs (item, audience);
          return TRUE;
        }
      if (g_hash_table_size (item->auto_sides) == 0 && item->fields->len == 0)
        *result = copy_theirs (item, audience);      /* theirs descends from mine */
      else
        *result = SAM_IS_ACTOR (item->theirs) ? G_OBJECT (build_actor (item, audience))
                                              : G_OBJECT (build_path (item));
      return TRUE;

    case SAM_MERGE_UNCHANGED:
    case SAM_MERGE_N_ACTIONS:
    default:
      return FALSE;
    }
}

static gboolean
apply_item (SamMergePlan *plan, SamMergeItem *item, GError **error)
{
  SamVisibility audience = plan->data->audience;
  gint64 local_revision = item->local ? item->local->revision : 0;
  gint64 revision = MAX (local_revision + 1, item->theirs_revision);
  g_autoptr(GObject) result = NULL;
  g_autoptr(SamAncestry) ancestry = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *full = NULL;

  if (!build_result (item, audience, &result))
    {
      /* mine's content stays: the history moves on */
      full = _sam_merge_hash_record (item->mine, SAM_VISIBILITY_INTERNAL);
      ancestry = result_ancestry (item, g_str_equal (item->mine_hash, item->theirs_hash), full,
                                  item->mine, audience);
      return _sam_store_put_ancestry (plan->store, item->entity, item->id, ancestry, error);
    }
  hash = _sam_merge_hash_record (result, audience);
  full = _sam_merge_hash_record (result, SAM_VISIBILITY_INTERNAL);
  ancestry = result_ancestry (item, g_str_equal (hash, item->theirs_hash), full, result, audience);
  if (item->mine_hash != NULL && g_str_equal (hash, item->mine_hash))
    /* mine, field by field: nothing to write but the history */
    return _sam_store_put_ancestry (plan->store, item->entity, item->id, ancestry, error);
  if (result != NULL)
    {
      if (item->theirs != NULL && g_str_equal (hash, item->theirs_hash))
        set_updated_from (result, item->theirs);
      else
        stamp_now (plan, result);     /* a version of its own */
    }
  if (item->action == SAM_MERGE_NEW)
    revision = item->theirs_revision;
  if (!write_record (plan, item, result, revision, error))
    {
      g_prefix_error (error, "%s “%s”: ", g_str_equal (item->entity, "path") ? _("Path") : _("Actor"),
                      sam_merge_item_get_name (item));
      return FALSE;
    }
  return _sam_store_put_ancestry (plan->store, item->entity, item->id, ancestry, error);
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

      if (item->dirty && !apply_item (plan, item, error))
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
