/* sam-path-check.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-path-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-audience.h"
#include "sam-path-check.h"

typedef struct {
  SamEscalationPath *path;
  GPtrArray *problems;
  gboolean audiences;   /* a route no audience may see is a problem */
} Check;

/* A route that leaves the register for no audience: a step naming it would
 * lose its route in every export and on every sheet. */
static gboolean
is_internal (SamContactRoute *route)
{
  return !sam_audience_may_see_route (SAM_VISIBILITY_PROFESSIONAL, route);
}

static void G_GNUC_PRINTF (3, 4)
problem (Check *c, SamEscalationStep *step, const char *format, ...)
{
  g_autofree char *message = NULL;
  const char *text = step ? sam_text_get_best (sam_escalation_step_get_text (step),
                                               sam_lang_from_locale (), NULL) : NULL;
  SamPathProblem *p;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  p = g_new0 (SamPathProblem, 1);
  if (step)
    {
      p->step_id = g_strdup (sam_escalation_step_get_id (step));
      /* a step with no text yet has nothing to put in brackets */
      if (text == NULL || *text == '\0')
        /* Translators: "Step “s3”: the answer “Yes” leads nowhere" */
        p->message = g_strdup_printf (_("Step “%s”: %s"), p->step_id, message);
      else
        /* Translators: "Step “s3” (Call 112 now.): the answer “Yes” leads nowhere" */
        p->message = g_strdup_printf (_("Step “%s” (%s): %s"), p->step_id, text, message);
    }
  else
    p->message = g_steal_pointer (&message);
  g_ptr_array_add (c->problems, p);
}

static gboolean
path_exists (GPtrArray *paths, const char *id)
{
  for (guint i = 0; paths && i < paths->len; i++)
    if (g_str_equal (sam_escalation_path_get_id (g_ptr_array_index (paths, i)), id))
      return TRUE;
  return FALSE;
}

static void
check_leads (Check *c, SamEscalationStep *step, GPtrArray *paths)
{
  GPtrArray *answers = sam_escalation_step_get_answers (step);
  const char *next = sam_escalation_step_get_next (step);

  if (sam_escalation_step_get_kind (step) == SAM_STEP_KIND_QUESTION && answers->len == 0)
    problem (c, step, _("a question needs answers"));
  if (next && sam_escalation_path_find_step (c->path, next) == NULL)
    problem (c, step, _("it leads to “%s”, which is not a step of this path"), next);
  for (guint i = 0; i < answers->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (answers, i);
      const char *label = sam_text_get_best (&a->label, sam_lang_from_locale (), NULL);

      if (a->next == NULL && a->path == NULL)
        problem (c, step, _("the answer “%s” leads nowhere"), label ? label : "?");
      else if (a->next && sam_escalation_path_find_step (c->path, a->next) == NULL)
        problem (c, step, _("the answer “%s” leads to “%s”, which is not a step of this path"),
                 label ? label : "?", a->next);
      else if (a->path && g_strcmp0 (a->path, sam_escalation_path_get_id (c->path)) == 0)
        problem (c, step, _("the answer “%s” hands over to this same path, which would start "
                            "it again"), label ? label : "?");
      else if (a->path && !path_exists (paths, a->path))
        problem (c, step, _("the answer “%s” leads to the path “%s”, which is not in the register"),
                 label ? label : "?", a->path);
    }
}

static void
check_fallbacks (Check *c, SamEscalationStep *step, SamStore *store)
{
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);

  for (guint i = 0; i < fallbacks->len && store; i++)
    {
      SamStepFallback *f = g_ptr_array_index (fallbacks, i);
      g_autoptr(SamActor) actor = sam_store_load_actor (store, f->actor_id, NULL);

      if (actor == NULL)
        problem (c, step, _("its fallback names the actor “%s”, which is not in the register"),
                 f->actor_id);
      else if (f->route_id && sam_actor_find_route (actor, f->route_id) == NULL)
        problem (c, step, _("its fallback names the contact route “%s”, which “%s” does not have"),
                 f->route_id, sam_actor_get_display_name (actor));
      else if (c->audiences && f->route_id && is_internal (sam_actor_find_route (actor, f->route_id)))
        problem (c, step, _("its fallback names the internal contact route “%s” of “%s”, which "
                            "no exported file or printed sheet carries; choose a public or "
                            "professional route"),
                 f->route_id, sam_actor_get_display_name (actor));
    }
}

static void
check_contact (Check *c, SamEscalationStep *step, SamStore *store)
{
  const char *actor_id = sam_escalation_step_get_actor_id (step);
  const char *route_id = sam_escalation_step_get_route_id (step);
  g_autoptr(SamActor) actor = NULL;

  check_fallbacks (c, step, store);
  if (actor_id == NULL || store == NULL)
    {
      if (route_id && actor_id == NULL)
        problem (c, step, _("it names a contact route but no actor"));
      return;
    }
  actor = sam_store_load_actor (store, actor_id, NULL);
  if (actor == NULL)
    problem (c, step, _("it names the actor “%s”, which is not in the register"), actor_id);
  else if (route_id && sam_actor_find_route (actor, route_id) == NULL)
    problem (c, step, _("it names the contact route “%s”, which “%s” does not have"),
             route_id, sam_actor_get_display_name (actor));
  else if (c->audiences && route_id && is_internal (sam_actor_find_route (actor, route_id)))
    problem (c, step, _("it names the internal contact route “%s” of “%s”, which no exported "
                        "file or printed sheet carries; choose a public or professional route"),
             route_id, sam_actor_get_display_name (actor));
}

/* Steps after @step: its next and its answers' next. */
static void
successors (SamEscalationPath *path, SamEscalationStep *step, GPtrArray *out)
{
  GPtrArray *answers = sam_escalation_step_get_answers (step);
  SamEscalationStep *next = sam_escalation_path_find_step (path, sam_escalation_step_get_next (step));

  g_ptr_array_set_size (out, 0);
  if (next)
    g_ptr_array_add (out, next);
  for (guint i = 0; i < answers->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (answers, i);
      SamEscalationStep *s = a->next ? sam_escalation_path_find_step (path, a->next) : NULL;
      if (s)
        g_ptr_array_add (out, s);
    }
}

/* Depth first from the start: colours find the unreachable steps (never
 * reached) and the cycles (a step reached again while on the way). */
enum { WHITE, GREY, BLACK };

static void
visit (Check *c, SamEscalationStep *step, GHashTable *colour)
{
  g_autoptr(GPtrArray) next = g_ptr_array_new ();

  g_hash_table_insert (colour, step, GINT_TO_POINTER (GREY));
  successors (c->path, step, next);
  for (guint i = 0; i < next->len; i++)
    {
      SamEscalationStep *s = g_ptr_array_index (next, i);
      int state = GPOINTER_TO_INT (g_hash_table_lookup (colour, s));

      if (state == GREY)
        problem (c, step, _("it leads back to step “%s”: a path may not go round in a circle"),
                 sam_escalation_step_get_id (s));
      else if (state == WHITE)
        visit (c, s, colour);
    }
  g_hash_table_insert (colour, step, GINT_TO_POINTER (BLACK));
}

void
sam_path_problem_free (SamPathProblem *problem)
{
  g_free (problem->step_id);
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
sam_path_check (SamEscalationPath *path, GPtrArray *paths, SamStore *store)
{
  g_autoptr(GPtrArray) problems = sam_path_check_problems (path, paths, store);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < problems->len; i++)
    {
      SamPathProblem *p = g_ptr_array_index (problems, i);
      g_ptr_array_add (lines, g_steal_pointer (&p->message));
    }
  return lines;
}

GPtrArray *
sam_path_check_problems (SamEscalationPath *path, GPtrArray *paths, SamStore *store)
{
  Check c = { path, g_ptr_array_new_with_free_func ((GDestroyNotify) sam_path_problem_free), TRUE };
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  SamEscalationStep *start = sam_escalation_path_find_step (path, sam_escalation_path_get_start (path));
  g_autoptr(GHashTable) colour = g_hash_table_new (NULL, NULL);

  if (steps->len == 0)
    problem (&c, NULL, _("The path has no steps."));
  else if (start == NULL)
    problem (&c, NULL, _("The path starts at “%s”, which is not one of its steps."),
             sam_escalation_path_get_start (path) ? sam_escalation_path_get_start (path) : "");
  for (guint i = 0; i < steps->len; i++)
    {
      check_leads (&c, g_ptr_array_index (steps, i), paths);
      check_contact (&c, g_ptr_array_index (steps, i), store);
    }
  if (start)
    {
      visit (&c, start, colour);
      for (guint i = 0; i < steps->len; i++)
        if (!g_hash_table_contains (colour, g_ptr_array_index (steps, i)))
          problem (&c, g_ptr_array_index (steps, i), _("no answer or step leads here"));
    }
  return c.problems;
}

GPtrArray *
sam_path_check_dangling (SamStore *store, GError **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  paths = sam_store_list_paths (store, error);
  if (paths == NULL)
    return NULL;
  for (guint p = 0; p < paths->len; p++)
    {
      SamEscalationPath *path = g_ptr_array_index (paths, p);
      Check c = { path, g_ptr_array_new_with_free_func ((GDestroyNotify) sam_path_problem_free), FALSE };
      GPtrArray *steps = sam_escalation_path_get_steps (path);

      for (guint i = 0; i < steps->len; i++)
        check_contact (&c, g_ptr_array_index (steps, i), store);
      for (guint i = 0; i < c.problems->len; i++)
        /* Translators: "Path “trafficking-adult”: Step “s3” (Call): it names the actor …" */
        g_ptr_array_add (lines, g_strdup_printf (_("Path “%s”: %s"), sam_escalation_path_get_id (path),
                                                 ((SamPathProblem *) g_ptr_array_index (c.problems, i))->message));
      g_ptr_array_unref (c.problems);
    }
  return g_steal_pointer (&lines);
}
