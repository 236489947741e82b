/* test-walk.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The walk through an escalation path: answers lead to the right steps,
 * hand-overs change path without asking again, back and restart undo, a
 * role names whoever serves the user's municipality at that hour.
 */
#include "config.h"

#include <string.h>

#include "sam-role-contact.h"
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

/* Under 18 or unsure hands over to the child path, which does not ask
 * again whether anyone is in danger: the answer is carried over. */
static void
test_child_hands_over (Fixture *f, gconstpointer data)
{
  g_autoptr(SamWalk) walk = walk_of (f, "trafficking-adult");
  GPtrArray *taken;

  g_assert_true (sam_walk_answer (walk, 1));   /* no danger */
  g_assert_true (sam_walk_answer (walk, 0));   /* under 18 */
  g_assert_cmpstr (sam_escalation_path_get_id (sam_walk_get_path (walk)), ==, "trafficking-child");
  g_assert_cmpstr (at (walk), ==, "trafficking-child-s3");
  taken = sam_walk_get_taken (walk);
  g_assert_cmpuint (taken->len, ==, 3);
  g_assert_cmpstr (sam_escalation_step_get_id (g_ptr_array_index (taken, 2)), ==, "trafficking-child-s1");
  g_assert_cmpint (sam_walk_get_answer_taken (walk, 2), ==, 1);
  g_assert_true (sam_walk_is_carried (walk, 2));
  g_assert_false (sam_walk_is_carried (walk, 1));
  /* back returns to the adult path's question, past what went by itself */
  g_assert_true (sam_walk_go_back (walk));
  g_assert_cmpstr (sam_escalation_path_get_id (sam_walk_get_path (walk)), ==, "trafficking-adult");
  g_assert_cmpstr (at (walk), ==, "trafficking-adult-s3");
  g_assert_cmpuint (sam_walk_get_taken (walk)->len, ==, 1);
}

/* Danger, 112 called, then a child: the child path neither asks about
 * danger nor says to call 112 again. */
static void
test_child_after_112 (Fixture *f, gconstpointer data)
{
  g_autoptr(SamWalk) walk = walk_of (f, "trafficking-adult");

  g_assert_true (sam_walk_answer (walk, 0));   /* danger */
  g_assert_true (sam_walk_go_on (walk));       /* called 112 */
  g_assert_true (sam_walk_answer (walk, 0));   /* under 18 */
  g_assert_cmpstr (at (walk), ==, "trafficking-child-s3");
  g_assert_cmpint (sam_walk_get_answer_taken (walk, 3), ==, 0);
  g_assert_true (sam_walk_is_carried (walk, 4));   /* child-s2, 112 */
  /* a walk that begins with the child path asks */
  {
    g_autoptr(SamWalk) child = walk_of (f, "trafficking-child");
    g_assert_cmpstr (at (child), ==, "trafficking-child-s1");
  }
}

/* With consent the coordinator comes next: no question about office hours,
 * the clock decides whom to call first. */
static void
test_consent_goes_to_coordinator (Fixture *f, gconstpointer data)
{
  g_autoptr(SamWalk) walk = walk_of (f, "trafficking-adult");

  g_assert_true (sam_walk_answer (walk, 1));   /* no danger */
  g_assert_true (sam_walk_answer (walk, 1));   /* adult */
  g_assert_true (sam_walk_go_on (walk));       /* speak alone */
  g_assert_true (sam_walk_answer (walk, 0));   /* consent */
  g_assert_cmpstr (at (walk), ==, "trafficking-adult-s7");
  g_assert_cmpstr (sam_escalation_step_get_actor_id (sam_walk_get_step (walk)), ==,
                   "regionkoordinator-nord");
  g_assert_nonnull (sam_escalation_step_get_role (sam_walk_get_step (walk)));
}

static GPtrArray *
contacts_at (Fixture *f, const char *path_id, const char *step_id, const char *area,
             const char *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (when, NULL);
  SamEscalationStep *step = sam_escalation_path_find_step (sam_test_sample_find_path (f, path_id), step_id);
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = sam_step_list_contacts_in_area (step, f->store, area, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contacts);
  return contacts;
}

static const char *
route_at (GPtrArray *contacts, guint i)
{
  g_assert_cmpuint (i, <, contacts->len);
  return sam_contact_route_get_id (((SamStepContact *) g_ptr_array_index (contacts, i))->route);
}

static gboolean
lists_route (GPtrArray *contacts, const char *route_id)
{
  for (guint i = 0; i < contacts->len; i++)
    if (g_str_equal (route_at (contacts, i), route_id))
      return TRUE;
  return FALSE;
}

/* "The socialjour of your municipality" at night: Skellefteå's for a user
 * in Skellefteå, Umeå's for one in Umeå, first and open; each never shows
 * the other's. */
static void
test_role_by_municipality_at_night (Fixture *f, gconstpointer data)
{
  const char *night = "2026-11-25T22:00:00+01:00";
  g_autoptr(GPtrArray) skelleftea = contacts_at (f, "trafficking-adult", "trafficking-adult-s7", "2482", night);
  g_autoptr(GPtrArray) umea = contacts_at (f, "trafficking-adult", "trafficking-adult-s7", "2480", night);
  SamStepContact *first = g_ptr_array_index (skelleftea, 0);

  g_assert_cmpstr (route_at (skelleftea, 0), ==, "skelleftea-socialjour-professional");
  g_assert_cmpint (first->state, ==, SAM_CONTACT_OPEN);
  g_assert_cmpstr (first->role_area, ==, "2482");
  g_assert_true (first->is_fallback);   /* it stands where the socialjour fallback stood */
  g_assert_cmpstr (route_at (skelleftea, 1), ==, "polisen-phone");
  g_assert_cmpstr (route_at (skelleftea, 2), ==, "regionkoordinator-nord-adults-phone");
  g_assert_cmpuint (skelleftea->len, ==, 3);
  g_assert_false (lists_route (skelleftea, "umea-socialjour-professional"));

  g_assert_cmpstr (route_at (umea, 0), ==, "umea-socialjour-professional");
  g_assert_cmpstr (((SamStepContact *) g_ptr_array_index (umea, 0))->role_area, ==, "2480");
  g_assert_false (lists_route (umea, "skelleftea-socialjour-professional"));
}

/* At noon the coordinator is open and first; the socialjour of the user's
 * municipality is listed, closed, last. */
static void
test_role_by_municipality_at_noon (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) c = contacts_at (f, "trafficking-adult", "trafficking-adult-s7", "2482",
                                        "2026-11-25T12:00:00+01:00");
  SamStepContact *last;

  g_assert_cmpuint (c->len, ==, 3);
  g_assert_cmpstr (route_at (c, 0), ==, "regionkoordinator-nord-adults-phone");
  g_assert_cmpstr (route_at (c, 1), ==, "polisen-phone");
  last = g_ptr_array_index (c, 2);
  g_assert_cmpstr (route_at (c, 2), ==, "skelleftea-socialjour-professional");
  g_assert_cmpint (last->state, ==, SAM_CONTACT_CLOSED);
}

/* The child's report of concern names social services taking reports in
 * the user's municipality: the office at noon, the socialjour at night,
 * Skellefteå's in Skellefteå. A municipality nobody serves in the register
 * (Vindeln) gets the step's own contacts; so does a walk without an area. */
static void
test_role_report_of_concern (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) noon = contacts_at (f, "trafficking-child", "trafficking-child-s5", "2482",
                                           "2026-11-25T12:00:00+01:00");
  g_autoptr(GPtrArray) night = contacts_at (f, "trafficking-child", "trafficking-child-s5", "2482",
                                            "2026-11-25T22:00:00+01:00");
  g_autoptr(GPtrArray) vindeln = contacts_at (f, "trafficking-child", "trafficking-child-s5", "2404",
                                              "2026-11-25T12:00:00+01:00");
  g_autoptr(GPtrArray) nowhere = contacts_at (f, "trafficking-child", "trafficking-child-s5", NULL,
                                              "2026-11-25T12:00:00+01:00");

  g_assert_cmpuint (noon->len, ==, 2);
  g_assert_cmpstr (route_at (noon, 0), ==, "skelleftea-socialtjanst-phone");
  g_assert_cmpstr (route_at (noon, 1), ==, "skelleftea-socialjour-professional");
  g_assert_cmpstr (route_at (night, 0), ==, "skelleftea-socialjour-professional");
  g_assert_cmpstr (route_at (night, 1), ==, "skelleftea-socialtjanst-phone");
  g_assert_cmpstr (route_at (vindeln, 0), ==, "umea-socialtjanst-direct");
  g_assert_null (((SamStepContact *) g_ptr_array_index (vindeln, 0))->role_area);
  g_assert_cmpstr (route_at (nowhere, 0), ==, "umea-socialtjanst-direct");
  /* what the walk says above them */
  {
    const SamStepRole *role = sam_escalation_step_get_role (
        sam_escalation_path_find_step (sam_test_sample_find_path (f, "trafficking-child"), "trafficking-child-s5"));
    g_autofree char *for_skelleftea = sam_role_contacts_describe (role, noon, "2482");
    g_autofree char *for_vindeln = sam_role_contacts_describe (role, vindeln, "2404");
    g_autofree char *for_nobody = sam_role_contacts_describe (role, nowhere, NULL);

    g_assert_cmpstr (for_skelleftea, ==, "For Skellefteå");
    g_assert_nonnull (strstr (for_vindeln, "Nobody in the register serves Vindeln in this role"));
    g_assert_nonnull (strstr (for_nobody, "Choose your area"));
  }
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
  ADD ("/walk/child-after-112", test_child_after_112);
  ADD ("/walk/consent-goes-to-coordinator", test_consent_goes_to_coordinator);
  ADD ("/walk/role-by-municipality-at-night", test_role_by_municipality_at_night);
  ADD ("/walk/role-by-municipality-at-noon", test_role_by_municipality_at_noon);
  ADD ("/walk/role-report-of-concern", test_role_report_of_concern);
  ADD ("/walk/to-the-end-and-restart", test_to_the_end_and_restart);
  ADD ("/walk/wrong-answer", test_wrong_answer);
#undef ADD
  return g_test_run ();
}
