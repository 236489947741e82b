/* sam-merge-sim.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registers in memory that edit, add and delete actors, routes and steps,
 * export the whole or a subset for an audience, merge between random
 * pairs, and follow one another. Every write is told to the oracle
 * (sam-merge-sim-oracle.c), which decides the conflicts and at the end
 * checks that no remembered write was lost.
 */
#include <string.h>
#include <glib.h>

#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-follow.h"
#include "sam-merge.h"
#include "sam-merge-private.h"
#include "sam-merge-sim.h"
#include "sam-merge-sim-private.h"
#include "sam-register-xml.h"
#include "sam-store.h"

static guint
pick (SamMergeSim *sim, guint n)
{
  return (guint) g_rand_int_range (sim->rand, 0, (gint32) n);
}

/* Creating records */

static SamActor *
new_actor (SamMergeSim *sim, const char *id)
{
  SamActor *actor = sam_actor_new (id);
  g_autoptr(SamContactRoute) web = NULL;
  g_autoptr(SamContactRoute) phone = NULL;
  g_autofree char *web_id = g_strdup_printf ("%s-w%ux", id, sim->serial++);
  g_autofree char *phone_id = g_strconcat (id, "-internal", NULL);
  g_autofree char *name = g_strdup_printf ("v%ux", sim->op);
  g_autofree char *url = g_strdup_printf ("https://example.se/v%ux", sim->op);

  sam_actor_set_kind (actor, pick (sim, 2) ? SAM_ACTOR_KIND_NGO : SAM_ACTOR_KIND_OTHER);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, name);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Actor");
  sam_actor_add_area (actor, "SE");
  web = sam_contact_route_new (web_id);
  sam_contact_route_set_kind (web, SAM_ROUTE_KIND_WEB);
  sam_contact_route_set_visibility (web, SAM_VISIBILITY_PUBLIC);
  g_assert_true (sam_contact_route_set_value (web, url, NULL));
  sam_actor_add_route (actor, web);
  phone = sam_contact_route_new (phone_id);
  sam_contact_route_set_kind (phone, SAM_ROUTE_KIND_PHONE);
  sam_contact_route_set_visibility (phone, SAM_VISIBILITY_INTERNAL);
  g_assert_true (sam_contact_route_set_value (phone, "090-16 10 00", NULL));
  sam_actor_add_route (actor, phone);
  return actor;
}

static void
remember_actor (SamMergeSim *sim, SamActor *actor)
{
  g_autofree char *key = g_strconcat ("actor:", sam_actor_get_id (actor), NULL);
  GPtrArray *routes = sam_actor_get_routes (actor);

  _sam_merge_sim_remember (sim, key, "name.sv",
                           sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV));
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      g_autofree char *field = g_strconcat ("route:", sam_contact_route_get_id (route), NULL);

      if (sam_contact_route_get_kind (route) == SAM_ROUTE_KIND_WEB)
        _sam_merge_sim_remember (sim, key, field, sam_contact_route_get_value (route));
    }
}

static SamEscalationPath *
new_path (SamMergeSim *sim, const char *id)
{
  SamEscalationPath *path = sam_escalation_path_new (id);
  g_autofree char *first = g_strconcat (id, "-s1", NULL);
  g_autofree char *second = g_strconcat (id, "-s2", NULL);
  g_autoptr(SamEscalationStep) s1 = sam_escalation_step_new (first, SAM_STEP_KIND_ACTION);
  g_autoptr(SamEscalationStep) s2 = sam_escalation_step_new (second, SAM_STEP_KIND_NOTE);
  g_autofree char *text = g_strdup_printf ("v%ux", sim->op);

  sam_escalation_path_set_situation (path, SAM_SITUATION_OTHER);
  sam_escalation_path_set_start (path, first);
  sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_SV, "Väg");
  sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_EN, "Path");
  sam_text_set (sam_escalation_step_get_text (s1), SAM_LANG_EN, text);
  sam_text_set (sam_escalation_step_get_text (s2), SAM_LANG_EN, text);
  sam_escalation_step_set_next (s1, second);
  sam_escalation_path_add_step (path, s1);
  sam_escalation_path_add_step (path, s2);
  return path;
}

static void
remember_path (SamMergeSim *sim, SamEscalationPath *path)
{
  g_autofree char *key = g_strconcat ("path:", sam_escalation_path_get_id (path), NULL);
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      g_autofree char *field = g_strconcat ("step:", sam_escalation_step_get_id (step), "/text.en", NULL);
      _sam_merge_sim_remember (sim, key, field,
                               sam_text_get (sam_escalation_step_get_text (step), SAM_LANG_EN));
    }
}

/* Merging */

static void
publish (SamMergeSim *sim, guint from)
{
  g_autoptr(GFile) file = g_file_new_for_path (sim->regs[from].published);
  g_autoptr(GError) error = NULL;
  SamExportFilter all;

  /* every route: the follower keeps what professionals may see, as
   * sam_follow_sync () does */
  sam_export_filter_init_everything (&all);
  if (!sam_export_to_file (sim->regs[from].store, &all, file, NULL, &error))
    _sam_merge_sim_problem (sim, "op %u: publishing %u: %s", sim->op, from, error->message);
}

/* SAMVERKAN_SIM_TRACE=actor:ID (or path:ID) prints what each merge plans
 * for that record: a failing seed explained. */
static void
trace_plan (SamMergeSim *sim, SamMergePlan *plan, guint from, guint to, const char *how)
{
  const char *want = g_getenv ("SAMVERKAN_SIM_TRACE");

  for (guint i = 0; want != NULL && i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);

      /* "late": whatever still changes in the last exchange rounds */
      if (!g_str_equal (item->key, want) &&
          !(g_str_equal (want, "late") && item->dirty && sim->op > sim->result->operations + 4 &&
            sim->result->operations > 0))
        continue;
      g_printerr ("op %u %s %u->%u: %s%s\n  mine %s [%s]\n  theirs %s [%s]\n", sim->op, how, from, to,
                  sam_merge_action_get_label (item->action), item->proposal ? " (proposal)" : "",
                  item->mine_anc ? item->mine_anc->history : "-", item->mine_anc ? item->mine_anc->fields : "",
                  item->theirs_anc->history, item->theirs_anc->fields);
      for (guint k = 0; k < item->fields->len; k++)
        {
          SamMergeField *f = g_ptr_array_index (item->fields, k);
          g_printerr ("  %s: %s | %s\n", f->key, f->mine, f->theirs);
        }
    }
}

/* @from's export (whole or by kind, for @audience) merged into @to, or
 * the sync of @to when it follows @from. TRUE when @to changed. */
static gboolean
merge (SamMergeSim *sim, guint from, guint to, SamVisibility audience, gboolean subset)
{
  SamExportFilter filter;
  char *kinds[] = { (char *) "ngo", NULL };
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  SamRegisterData *data;
  gsize length = 0;
  gboolean changed;

  sim->result->merges++;
  if (sim->regs[to].follows == (int) from)
    {
      /* as sam_follow_sync does it, without the file and the copy before */
      sam_export_filter_init_everything (&filter);   /* see publish () */
      xml = sam_export_to_data (sim->regs[from].store, &filter, &length, &error);
      data = xml ? sam_register_xml_parse (xml, length, "sim.xml", NULL, &error) : NULL;
      /* the follower's own limit, as sam_follow_sync () has it */
      if (data != NULL)
        sam_audience_limit_data (data, SAM_FOLLOW_AUDIENCE);
      plan = data ? _sam_merge_plan_new_full (sim->regs[to].store, data, "sim.xml", TRUE, &error) : NULL;
      if (plan != NULL)
        {
          trace_plan (sim, plan, from, to, "follow");
          _sam_merge_plan_leave_conflicts (plan);
          if (!sam_merge_plan_apply (plan, FALSE, &error))
            g_clear_pointer (&plan, sam_merge_plan_free);
        }
      else if (data != NULL)
        sam_register_data_free (data);
      if (plan == NULL)
        _sam_merge_sim_problem (sim, "op %u: follow %u → %u: %s", sim->op, from, to,
                                error->message);
      sim->result->conflicts += plan ? sam_merge_plan_get_conflicts (plan)->len : 0;
      return plan != NULL && !sam_merge_plan_is_noop (plan);
    }
  sam_export_filter_init (&filter);
  filter.audience = audience;
  if (subset)
    filter.kinds = kinds;
  xml = sam_export_to_data (sim->regs[from].store, &filter, &length, &error);
  data = xml ? sam_register_xml_parse (xml, length, "sim.xml", NULL, &error) : NULL;
  plan = data ? sam_merge_plan_new (sim->regs[to].store, data, "sim.xml", &error) : NULL;
  if (plan == NULL)
    {
      if (data)
        sam_register_data_free (data);
      _sam_merge_sim_problem (sim, "op %u: %u → %u: %s", sim->op, from, to, error->message);
      return FALSE;
    }
  trace_plan (sim, plan, from, to, audience == SAM_VISIBILITY_PUBLIC ? "public"
              : audience == SAM_VISIBILITY_PROFESSIONAL ? "professional" : "internal");
  _sam_merge_sim_decide (sim, plan);
  changed = !sam_merge_plan_is_noop (plan);
  if (!sam_merge_plan_apply (plan, FALSE, &error))
    {
      _sam_merge_sim_problem (sim, "op %u: applying %u → %u: %s", sim->op, from, to,
                              error->message);
      return FALSE;
    }
  return changed;
}

/* Operations */

static gboolean
edit_actor (SamMergeSim *sim, SamStore *store, const char *key, SamActor *actor, GError **error)
{
  g_autofree char *value = g_strdup_printf ("v%ux", sim->op);
  g_autofree char *url = g_strdup_printf ("https://example.se/v%ux", sim->op);
  GPtrArray *routes = sam_actor_get_routes (actor);
  SamContactRoute *web = NULL;
  g_autofree char *field = NULL;
  guint what = pick (sim, 20);

  for (guint i = 0; i < routes->len; i++)
    if (sam_contact_route_get_kind (g_ptr_array_index (routes, i)) == SAM_ROUTE_KIND_WEB &&
        (web == NULL || pick (sim, 2)))
      web = g_ptr_array_index (routes, i);
  if (what == 0)
    {
      /* a deletion */
      if (!sam_store_delete_actor (store, sam_actor_get_id (actor), sam_actor_get_revision (actor), error))
        return FALSE;
      _sam_merge_sim_record (sim, key)->deleted_op = sim->op;
      return TRUE;
    }
  if (what <= 9 || web == NULL)
    {
      sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, value);
      field = g_strdup ("name.sv");
    }
  else if (what <= 16)
    {
      g_assert_true (sam_contact_route_set_value (web, url, NULL));
      field = g_strconcat ("route:", sam_contact_route_get_id (web), NULL);
    }
  else if (what == 17 || routes->len <= 2)
    {
      g_autofree char *id = g_strdup_printf ("%s-w%ux", sam_actor_get_id (actor), sim->serial++);
      g_autoptr(SamContactRoute) route = sam_contact_route_new (id);

      /* web routes for every audience: one a file leaves out is no deletion */
      sam_contact_route_set_kind (route, SAM_ROUTE_KIND_WEB);
      sam_contact_route_set_visibility (route, (SamVisibility) pick (sim, 3));
      g_assert_true (sam_contact_route_set_value (route, url, NULL));
      sam_actor_add_route (actor, route);
      field = g_strconcat ("route:", id, NULL);
    }
  else
    {
      field = g_strconcat ("route:", sam_contact_route_get_id (web), NULL);
      sam_actor_remove_route (actor, sam_contact_route_get_id (web));
      g_clear_pointer (&url, g_free);
    }
  if (!sam_store_update_actor (store, actor, error))
    return FALSE;
  _sam_merge_sim_remember (sim, key, field, g_str_equal (field, "name.sv") ? value : url);
  return TRUE;
}

static gboolean
edit_path (SamMergeSim *sim, SamStore *store, const char *key, SamEscalationPath *path,
           GError **error)
{
  g_autofree char *value = g_strdup_printf ("v%ux", sim->op);
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  SamEscalationStep *step = g_ptr_array_index (steps, pick (sim, steps->len));
  g_autofree char *field = NULL;
  g_autofree char *next_field = NULL;
  g_autofree char *next_value = NULL;
  g_autofree char *touched_field = NULL;
  g_autofree char *touched_value = NULL;
  guint what = pick (sim, 10);

  if (what <= 6)
    {
      sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_EN, value);
      field = g_strconcat ("step:", sam_escalation_step_get_id (step), "/text.en", NULL);
    }
  else if ((what <= 8 || steps->len <= 2) && steps->len < 16)
    {
      /* a note after the last step (a path as long as real ones are:
       * the store refuses past SAM_PATH_MAX_STEPS) */
      g_autofree char *id = g_strdup_printf ("%s-n%ux", sam_escalation_path_get_id (path), sim->serial++);
      g_autoptr(SamEscalationStep) note = sam_escalation_step_new (id, SAM_STEP_KIND_NOTE);
      SamEscalationStep *last = g_ptr_array_index (steps, steps->len - 1);

      if (sam_escalation_step_get_next (last) != NULL)
        return TRUE;
      sam_text_set (sam_escalation_step_get_text (note), SAM_LANG_EN, value);
      sam_escalation_step_set_next (last, id);
      sam_escalation_path_add_step (path, note);
      field = g_strconcat ("step:", id, "/text.en", NULL);
      next_field = g_strconcat ("step:", sam_escalation_step_get_id (last), "/next", NULL);
      next_value = g_strdup (id);
      /* the step it follows is written too: it is there, as it is here */
      {
        g_autofree char *text_field = g_strconcat ("step:", sam_escalation_step_get_id (last), "/text.en", NULL);
        touched_field = g_steal_pointer (&text_field);
        touched_value = g_strdup (sam_text_get (sam_escalation_step_get_text (last), SAM_LANG_EN));
      }
    }
  else
    {
      /* the last note goes, and the step before it ends the path */
      SamEscalationStep *last = g_ptr_array_index (steps, steps->len - 1);
      SamEscalationStep *before = g_ptr_array_index (steps, steps->len - 2);
      g_autofree char *id = g_strdup (sam_escalation_step_get_id (last));
      g_autoptr(SamEscalationPath) shorter = NULL;

      if (g_strcmp0 (sam_escalation_step_get_next (before), id) != 0)
        return TRUE;
      next_field = g_strconcat ("step:", sam_escalation_step_get_id (before), "/next", NULL);
      if (sam_escalation_step_get_next (last) != NULL)
        return TRUE;      /* only a note that ends the path goes */
      sam_escalation_step_set_next (before, NULL);
      g_ptr_array_remove_index (steps, steps->len - 1);
      field = g_strconcat ("step:", id, "/text.en", NULL);
      g_clear_pointer (&value, g_free);
    }
  if (!sam_store_update_path (store, path, error))
    return FALSE;
  if (g_strcmp0 (g_getenv ("SAMVERKAN_SIM_TRACE"), key) == 0)
    g_printerr ("op %u edit: %s = %s, %s = %s\n", sim->op, field, value, next_field ? next_field : "",
                next_value ? next_value : "");
  _sam_merge_sim_remember (sim, key, field, value);
  if (next_field != NULL)
    _sam_merge_sim_remember (sim, key, next_field, next_value);
  if (touched_field != NULL)
    _sam_merge_sim_remember (sim, key, touched_field, touched_value);
  if (value == NULL)
    {
      /* a step gone takes where it led with it */
      g_autofree char *step_key = g_strndup (field, strlen (field) - strlen ("/text.en"));
      g_autofree char *own_next = g_strconcat (step_key, "/next", NULL);

      _sam_merge_sim_remember (sim, key, own_next, NULL);
    }
  return TRUE;
}

static void
op_edit (SamMergeSim *sim)
{
  guint r = pick (sim, sim->n);
  SamStore *store = sim->regs[r].store;
  const char *key = g_ptr_array_index (sim->keys, pick (sim, sim->keys->len));
  const char *id = strchr (key, ':') + 1;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_has_prefix (key, "actor:"))
    {
      g_autoptr(SamActor) actor = sam_store_load_actor (store, id, NULL);
      if (actor == NULL)
        return;
      ok = edit_actor (sim, store, key, actor, &error);
    }
  else
    {
      g_autoptr(SamEscalationPath) path = sam_store_load_path (store, id, NULL);
      if (path == NULL)
        return;
      ok = edit_path (sim, store, key, path, &error);
    }
  if (g_strcmp0 (g_getenv ("SAMVERKAN_SIM_TRACE"), key) == 0)
    g_printerr ("op %u edit in %u: %s\n", sim->op, r, ok ? "done" : error->message);
  if (!ok && !g_error_matches (error, SAM_ERROR, SAM_ERROR_FOLLOWED))
    _sam_merge_sim_problem (sim, "op %u: editing %s in %u: %s", sim->op, key, r, error->message);
}

static void
op_add (SamMergeSim *sim)
{
  guint r = pick (sim, sim->n);
  g_autofree char *id = g_strdup_printf ("r%u-a%ux", r, sim->serial++);
  g_autoptr(SamActor) actor = new_actor (sim, id);
  g_autoptr(GError) error = NULL;

  if (!sam_store_insert_actor (sim->regs[r].store, actor, &error))
    _sam_merge_sim_problem (sim, "op %u: adding %s: %s", sim->op, id, error->message);
  else
    remember_actor (sim, actor);
}

static void
op_follow (SamMergeSim *sim)
{
  guint to = pick (sim, sim->n);
  guint from = pick (sim, sim->n);
  g_autoptr(GError) error = NULL;

  if (to == from || sim->regs[to].follows >= 0 || sim->regs[from].follows >= 0)
    return;
  /* what the follower proposed goes to the owner first */
  merge (sim, to, from, SAM_VISIBILITY_INTERNAL, FALSE);
  publish (sim, from);
  if (!sam_follow_add (sim->regs[to].store, sim->regs[from].published, &error))
    _sam_merge_sim_problem (sim, "op %u: follow: %s", sim->op, error->message);
  sim->regs[to].follows = (int) from;
  /* the first sync as the application and the CLI make it */
  {
    g_autoptr(SamMergePlan) plan = sam_follow_sync (sim->regs[to].store, sim->regs[from].published,
                                                    NULL, &error);
    if (plan == NULL)
      _sam_merge_sim_problem (sim, "op %u: follow %u → %u: %s", sim->op, from, to,
                              error->message);
  }
}

static void
run_op (SamMergeSim *sim)
{
  guint what = pick (sim, 1000);

  if (what < 880)
    op_edit (sim);
  else if (what < 885)
    op_add (sim);
  else if (what < 998)
    {
      guint from = pick (sim, sim->n);
      guint to = (from + 1 + pick (sim, sim->n - 1)) % sim->n;
      static const SamVisibility audiences[] = {
        SAM_VISIBILITY_PUBLIC, SAM_VISIBILITY_PROFESSIONAL, SAM_VISIBILITY_INTERNAL,
      };

      /* an export for any audience, internal only when asked for by name */
      merge (sim, from, to, audiences[pick (sim, 3)], pick (sim, 5) == 0);
    }
  else
    op_follow (sim);
}

void
sam_merge_sim_run (guint32            seed,
                   guint              n_registers,
                   guint              n_operations,
                   const char        *dir,
                   SamMergeSimResult *result,
                   GString           *problems)
{
  SamMergeSim sim = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  gboolean changed = TRUE;

  memset (result, 0, sizeof *result);
  sim.rand = g_rand_new_with_seed (seed);
  sim.n = n_registers;
  sim.dir = dir;
  sim.result = result;
  sim.problems = problems;
  sim.oracle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) _sam_merge_sim_entry_free);
  sim.records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sim.keys = g_ptr_array_new_with_free_func (g_free);
  sim.regs = g_new0 (SamMergeSimReg, n_registers);
  for (guint r = 0; r < n_registers; r++)
    {
      g_autofree char *name = g_strdup_printf ("published-%u.xml", r);

      sim.regs[r].store = sam_store_open (":memory:", &error);
      g_assert_no_error (error);
      sam_store_set_user (sim.regs[r].store, "sim");
      sim.regs[r].follows = -1;
      sim.regs[r].published = g_build_filename (dir, name, NULL);
    }
  /* the first register's records, shared with all */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autoptr(SamActor) actor = new_actor (&sim, id);

      g_assert_true (sam_store_insert_actor (sim.regs[0].store, actor, &error));
      remember_actor (&sim, actor);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autoptr(SamEscalationPath) path = new_path (&sim, id);

      g_assert_true (sam_store_insert_path (sim.regs[0].store, path, &error));
      remember_path (&sim, path);
    }
  for (guint r = 1; r < n_registers; r++)
    merge (&sim, 0, r, SAM_VISIBILITY_INTERNAL, FALSE);

  for (sim.op = 1; sim.op <= n_operations; sim.op++)
    run_op (&sim);
  result->operations = n_operations;
  sim.op = n_operations + 1;

  /* a full exchange round, again until nothing changes */
  for (guint round = 0; changed && round < 8; round++)
    {
      sim.op = n_operations + 1 + round;
      changed = FALSE;
      for (guint from = 0; from < n_registers; from++)
        for (guint to = 0; to < n_registers; to++)
          if (from != to)
            changed |= merge (&sim, from, to, SAM_VISIBILITY_INTERNAL, FALSE);
    }
  if (changed)
    _sam_merge_sim_problem (&sim, "the registers still changed after 8 full rounds");
  _sam_merge_sim_count_lost (&sim);
  first = _sam_merge_sim_fingerprint (&sim, sim.regs[0].store);
  result->converged = !changed;
  for (guint r = 1; r < n_registers; r++)
    {
      g_autofree char *other = _sam_merge_sim_fingerprint (&sim, sim.regs[r].store);
      if (!g_str_equal (first, other))
        {
          result->converged = FALSE;
          _sam_merge_sim_problem (&sim, "register %u differs from register 0", r);
        }
    }

  for (guint r = 0; r < n_registers; r++)
    {
      g_clear_object (&sim.regs[r].store);
      g_free (sim.regs[r].published);
    }
  g_free (sim.regs);
  g_ptr_array_unref (sim.keys);
  g_hash_table_unref (sim.records);
  g_hash_table_unref (sim.oracle);
  g_rand_free (sim.rand);
}
