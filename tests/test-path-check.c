/* test-path-check.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation of escalation paths: every problem is found and names its step.
 */
#include "config.h"

#include <string.h>
#include "sam-test-util.h"
#include "sam-path-check.h"
#include "sam-role-contact.h"

/* the sample register and its paths (sam-test-util.c) */
typedef SamTestSample Fixture;

/* Exactly one problem, naming @step and saying @words. */
static void
assert_one_problem (GPtrArray *problems, const char *step, const char *words)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", step);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), quoted));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), words));
}

static void
test_sample_is_sound (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < f->paths->len; i++)
    {
      g_autoptr(GPtrArray) problems = sam_path_check (g_ptr_array_index (f->paths, i), f->paths, f->store);
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

static void
test_answer_leads_nowhere (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "buying-sex");
  SamEscalationStep *question = sam_escalation_path_find_step (path, "buying-sex-s1");
  SamStepAnswer *answer = g_ptr_array_index (sam_escalation_step_get_answers (question), 1);
  g_autoptr(GPtrArray) problems = NULL;

  g_clear_pointer (&answer->next, g_free);
  problems = sam_path_check (path, f->paths, f->store);
  /* the answer leads nowhere, and the step it led to is now unreachable */
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "“buying-sex-s1”"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "leads nowhere"));
}

static void
test_missing_step (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "buying-sex");
  g_autoptr(GPtrArray) problems = NULL;

  sam_escalation_step_set_next (sam_escalation_path_find_step (path, "buying-sex-s3"), "nowhere");
  problems = sam_path_check (path, f->paths, f->store);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "“buying-sex-s3”"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "“nowhere”"));
}

/* A step without text yet: its problem names it without an empty "()". */
static void
test_step_without_text (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "buying-sex");
  SamEscalationStep *step = sam_escalation_path_find_step (path, "buying-sex-s3");
  g_autoptr(GPtrArray) problems = NULL;

  sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_SV, NULL);
  sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_EN, NULL);
  sam_escalation_step_set_next (step, "nowhere");
  problems = sam_path_check (path, f->paths, f->store);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "Step “buying-sex-s3”: "));
  g_assert_null (strstr (g_ptr_array_index (problems, 0), "()"));
}

static void
test_unreachable (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "buying-sex");
  g_autoptr(SamEscalationStep) lonely = sam_escalation_step_new ("lonely", SAM_STEP_KIND_NOTE);
  g_autoptr(GPtrArray) problems = NULL;

  sam_text_set (sam_escalation_step_get_text (lonely), SAM_LANG_EN, "Nobody comes here.");
  sam_escalation_path_add_step (path, lonely);
  problems = sam_path_check (path, f->paths, f->store);
  assert_one_problem (problems, "lonely", "no answer or step leads here");
}

static void
test_cycle (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "buying-sex");
  g_autoptr(GPtrArray) problems = NULL;

  /* s3 leads on to s4; make s4 lead back to s3 */
  sam_escalation_step_set_next (sam_escalation_path_find_step (path, "buying-sex-s4"), "buying-sex-s3");
  problems = sam_path_check (path, f->paths, f->store);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "“buying-sex-s3”"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "circle"));
}

static void
test_question_without_answers (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "buying-sex");
  SamEscalationStep *question = sam_escalation_path_find_step (path, "buying-sex-s5");
  g_autoptr(GPtrArray) problems = NULL;

  g_ptr_array_set_size (sam_escalation_step_get_answers (question), 0);
  problems = sam_path_check (path, f->paths, f->store);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "“buying-sex-s5”"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "needs answers"));
}

/* A step naming an actor that was deleted, or a route its actor lacks. */
static void
test_deleted_actor_and_route (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "buying-sex");
  SamEscalationStep *police = sam_escalation_path_find_step (path, "buying-sex-s3");
  const char *actor_id = sam_escalation_step_get_actor_id (police);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (actor_id);
  sam_escalation_step_set_contact (police, actor_id, "no-such-route");
  problems = sam_path_check (path, f->paths, f->store);
  assert_one_problem (problems, "buying-sex-s3", "no-such-route");

  sam_escalation_step_set_contact (police, "terrafem", NULL);
  g_assert_true (sam_store_delete_actor (f->store, "terrafem", -1, &error));
  g_assert_no_error (error);
  again = sam_path_check (path, f->paths, f->store);
  assert_one_problem (again, "buying-sex-s3", "“terrafem”");
}

/* Fallbacks come back from the store in order, and a fallback naming an
 * actor or route that is gone is reported on its step. */
static void
test_fallbacks (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "trafficking-adult");
  SamEscalationStep *coordinator = sam_escalation_path_find_step (path, "trafficking-adult-s7");
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (coordinator);
  SamStepFallback *first, *second;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (fallbacks->len, ==, 2);
  first = g_ptr_array_index (fallbacks, 0);
  second = g_ptr_array_index (fallbacks, 1);
  g_assert_cmpstr (first->actor_id, ==, "umea-socialjour");
  g_assert_cmpstr (second->actor_id, ==, "polisen");

  g_free (second->route_id);
  second->route_id = g_strdup ("no-such-route");
  problems = sam_path_check (path, f->paths, f->store);
  assert_one_problem (problems, "trafficking-adult-s7", "no-such-route");

  g_free (second->route_id);
  second->route_id = NULL;
  g_assert_true (sam_store_delete_actor (f->store, "umea-socialjour", -1, &error));
  g_assert_no_error (error);
  again = sam_path_check (path, f->paths, f->store);
  /* s7 falls back to it (the child path's steps are not this path's) */
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (again, 0), "“trafficking-adult-s7”"));
  g_assert_nonnull (strstr (g_ptr_array_index (again, 0), "fallback"));
}

static void
test_missing_start (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "buying-sex");
  g_autoptr(GPtrArray) problems = NULL;

  sam_escalation_path_set_start (path, "gone");
  problems = sam_path_check (path, f->paths, f->store);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "“gone”"));
}

/* A role nobody fills in some municipality of the path's county is a
 * warning naming them, not a problem: Skellefteå joins the list when its
 * socialjour is deleted. */
static void
test_role_warnings (Fixture *f, gconstpointer data)
{
  SamEscalationPath *adult = sam_test_sample_find_path (f, "trafficking-adult");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GPtrArray) problems = sam_path_check (adult, f->paths, f->store);
  g_autoptr(GError) error = NULL;

  warnings = sam_path_check_roles (adult, f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "“trafficking-adult-s7”"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "13 of 15"));
  g_assert_null (strstr (g_ptr_array_index (warnings, 0), "Skellefteå"));
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_true (sam_store_delete_actor (f->store, "skelleftea-socialjour", -1, &error));
  g_assert_no_error (error);
  after = sam_path_check_roles (adult, f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_ptr_array_index (after, 0), "14 of 15"));
  g_assert_nonnull (strstr (g_ptr_array_index (after, 0), "Skellefteå"));

  other = sam_path_check_roles (sam_test_sample_find_path (f, "buying-sex"), f->store, &error);
  g_assert_cmpuint (other->len, ==, 1);   /* the report of concern names a role too */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add (name, Fixture, NULL, sam_test_sample_set_up, func, sam_test_sample_tear_down)
  ADD ("/path-check/sample-is-sound", test_sample_is_sound);
  ADD ("/path-check/answer-leads-nowhere", test_answer_leads_nowhere);
  ADD ("/path-check/missing-step", test_missing_step);
  ADD ("/path-check/step-without-text", test_step_without_text);
  ADD ("/path-check/unreachable", test_unreachable);
  ADD ("/path-check/cycle", test_cycle);
  ADD ("/path-check/question-without-answers", test_question_without_answers);
  ADD ("/path-check/deleted-actor-and-route", test_deleted_actor_and_route);
  ADD ("/path-check/missing-start", test_missing_start);
  ADD ("/path-check/fallbacks", test_fallbacks);
  ADD ("/path-check/role-warnings", test_role_warnings);
#undef ADD
  return g_test_run ();
}
