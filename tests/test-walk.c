/* test-walk.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The walk through an escalation path: answers lead to the right steps,
 * hand-overs change path, back and restart undo.
 */
#include "config.h"

#include "sam-test-util.h"
#include "sam-walk.h"

/* the sample register and its paths (sam-test-util.c) */
typedef SamTestSample Fixture;

static SamWalk *
walk_of (Fixture *f, const char *id)
{
  for (guint i = 0; i < f->paths->len; i++)
    if (g_str_equal (sam_escalation_path_get_id (g_ptr_array_index (f->paths, i)), id))
      return sam_walk_new (g_ptr_array_index (f->paths, i), f->paths);
  g_assert_not_reached ();
}

static const char *
at (SamWalk *walk)
{
  SamEscalationStep *step = sam_walk_get_step (walk);
  return step ? sam_escalation_step_get_id (step) : "(end)";
}

/* Danger → 112 first; then the age question. */
static void
test_danger_calls_112 (Fixture *f, gconstpointer data)
{
  g_autoptr(SamWalk) walk = walk_of (f, "trafficking-adult");
  SamEscalationStep *step;

  g_assert_cmpstr (at (walk), ==, "trafficking-adult-s1");
  g_assert_false (sam_walk_go_on (walk));            /* a question wants an answer */
  g_assert_true (sam_walk_answer (walk, 0));         /* yes, danger */
  step = sam_walk_get_step (walk);
  g_assert_cmpstr (at (walk), ==, "trafficking-adult-s2");
  g_assert_cmpstr (sam_escalation_step_get_actor_id (step), ==, "emergency-112");
  g_assert_cmpint (sam_escalation_step_get_urgency (step), ==, SAM_URGENCY_IMMEDIATE);
  g_assert_true (sam_walk_go_on (walk));
  g_assert_cmpstr (at (walk), ==, "trafficking-adult-s3");
  /* the way so far, with the answer given */
  g_assert_cmpuint (sam_walk_get_taken (walk)->len, ==, 2);
  g_assert_cmpint (sam_walk_get_answer_taken (walk, 0), ==, 0);
  g_assert_cmpint (sam_walk_get_answer_taken (walk, 1), ==, -1);
}

/* No danger skips 112. */
static void
test_no_danger_skips_112 (Fixture *f, gconstpointer data)
{
  g_autoptr(SamWalk) walk = walk_of (f, "trafficking-adult");

  g_assert_true (sam_walk_answer (walk, 1));
  g_assert_cmpstr (at (walk), ==, "trafficking-adult-s3");
}

/* Under 18 or unsure hands over to the child path, at its start. */
static void
test_child_hands_over (Fixture *f, gconstpointer data)
{
  g_autoptr(SamWalk) walk = walk_of (f, "trafficking-adult");

  g_assert_true (sam_walk_answer (walk, 1));
  g_assert_true (sam_walk_answer (walk, 0));
  g_assert_cmpstr (sam_escalation_path_get_id (sam_walk_get_path (walk)), ==, "trafficking-child");
  g_assert_cmpstr (at (walk), ==,
                   sam_escalation_path_get_start (sam_walk_get_path (walk)));
  /* back returns to the adult path's question */
  g_assert_true (sam_walk_go_back (walk));
  g_assert_cmpstr (sam_escalation_path_get_id (sam_walk_get_path (walk)), ==, "trafficking-adult");
  g_assert_cmpstr (at (walk), ==, "trafficking-adult-s3");
}

/* Consent and office hours choose whom to call. */
static void
test_consent_office_hours (Fixture *f, gconstpointer data)
{
  g_autoptr(SamWalk) walk = walk_of (f, "trafficking-adult");

  g_assert_true (sam_walk_answer (walk, 1));   /* no danger */
  g_assert_true (sam_walk_answer (walk, 1));   /* adult */
  g_assert_true (sam_walk_go_on (walk));       /* speak alone */
  g_assert_true (sam_walk_answer (walk, 0));   /* consent */
  g_assert_true (sam_walk_answer (walk, 1));   /* not office hours */
  g_assert_cmpstr (sam_escalation_step_get_actor_id (sam_walk_get_step (walk)), ==, "umea-socialjour");
  g_assert_true (sam_walk_go_back (walk));
  g_assert_true (sam_walk_answer (walk, 0));   /* office hours */
  g_assert_cmpstr (sam_escalation_step_get_actor_id (sam_walk_get_step (walk)), ==,
                   "regionkoordinator-nord");
}

/* Following every step to the end, then restarting. */
static void
test_to_the_end_and_restart (Fixture *f, gconstpointer data)
{
  g_autoptr(SamWalk) walk = walk_of (f, "buying-sex");
  guint moves = 0;

  while (!sam_walk_is_finished (walk) && moves < 100)
    {
      SamEscalationStep *step = sam_walk_get_step (walk);

      if (sam_escalation_step_get_kind (step) == SAM_STEP_KIND_QUESTION)
        g_assert_true (sam_walk_answer (walk, sam_escalation_step_get_answers (step)->len - 1));
      else
        g_assert_true (sam_walk_go_on (walk));
      moves++;
    }
  g_assert_true (sam_walk_is_finished (walk));
  g_assert_cmpuint (moves, <, 100);
  g_assert_false (sam_walk_go_on (walk));
  g_assert_true (sam_walk_can_go_back (walk));
  sam_walk_restart (walk);
  g_assert_cmpstr (at (walk), ==, "buying-sex-s1");
  g_assert_false (sam_walk_can_go_back (walk));
  g_assert_cmpuint (sam_walk_get_taken (walk)->len, ==, 0);
}

static void
test_wrong_answer (Fixture *f, gconstpointer data)
{
  g_autoptr(SamWalk) walk = walk_of (f, "trafficking-adult");

  g_assert_false (sam_walk_answer (walk, 7));
  g_assert_cmpstr (at (walk), ==, "trafficking-adult-s1");
  g_assert_false (sam_walk_go_back (walk));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add (name, Fixture, NULL, sam_test_sample_set_up, func, sam_test_sample_tear_down)
  ADD ("/walk/danger-calls-112", test_danger_calls_112);
  ADD ("/walk/no-danger-skips-112", test_no_danger_skips_112);
  ADD ("/walk/child-hands-over", test_child_hands_over);
  ADD ("/walk/consent-office-hours", test_consent_office_hours);
  ADD ("/walk/to-the-end-and-restart", test_to_the_end_and_restart);
  ADD ("/walk/wrong-answer", test_wrong_answer);
#undef ADD
  return g_test_run ();
}
