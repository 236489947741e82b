/* test-step-contact.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whom an action step sends you to at a given time: the route open now
 * first, the closed ones saying when they open; and which paths name an
 * actor or a route. With the sample register's real routes and hours.
 */
#include "config.h"

#include "sam-step-contact.h"
#include "sam-test-util.h"
#include "sam-walk.h"

/* the sample register and its paths (sam-test-util.c) */
typedef SamTestSample Fixture;

static SamEscalationStep *
step_of (Fixture *f, const char *path_id, const char *step_id)
{
  for (guint i = 0; i < f->paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (f->paths, i);

      if (g_str_equal (sam_escalation_path_get_id (path), path_id))
        return sam_escalation_path_find_step (path, step_id);
    }
  g_assert_not_reached ();
}

/* Times in Stockholm, as "2026-11-25T12:00:00+01:00" */
static GPtrArray *
contacts_at (Fixture *f, const char *path_id, const char *step_id, const char *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (when, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts;

  g_assert_nonnull (now);
  contacts = sam_step_list_contacts (step_of (f, path_id, step_id), f->store, now, &error);
  g_assert_no_error (error);
  return contacts;
}

static SamStepContact *
nth (GPtrArray *contacts, guint i)
{
  g_assert_cmpuint (i, <, contacts->len);
  return g_ptr_array_index (contacts, i);
}

static void
assert_contact (SamStepContact *c, const char *route_id, SamContactState state, const char *change)
{
  g_assert_cmpstr (sam_contact_route_get_id (c->route), ==, route_id);
  g_assert_cmpint (c->state, ==, state);
  if (change == NULL)
    g_assert_null (c->next_change);
  else
    {
      g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (change, NULL);

      g_assert_nonnull (c->next_change);
      g_assert_true (g_date_time_equal (c->next_change, expected));
    }
}

/* Wednesday noon: the regional coordinator's own line first, the police
 * (always open) next, the socialjour last, opening at 16:30 today. */
static void
test_weekday_noon (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) c = contacts_at (f, "trafficking-adult", "trafficking-adult-s7",
                                        "2026-11-25T12:00:00+01:00");

  g_assert_cmpuint (c->len, ==, 3);
  assert_contact (nth (c, 0), "regionkoordinator-nord-adults-phone", SAM_CONTACT_OPEN,
                  "2026-11-25T16:30:00+01:00");
  g_assert_false (nth (c, 0)->is_fallback);
  g_assert_cmpstr (sam_actor_get_id (nth (c, 0)->actor), ==, "regionkoordinator-nord");
  assert_contact (nth (c, 1), "polisen-phone", SAM_CONTACT_OPEN, NULL);
  g_assert_true (nth (c, 1)->is_fallback);
  assert_contact (nth (c, 2), "umea-socialjour-professional", SAM_CONTACT_CLOSED,
                  "2026-11-25T16:30:00+01:00");
}

/* Wednesday night: the socialjour first, then the police (the agreed order
 * among the open ones), the coordinator last: it opens tomorrow 08:00. */
static void
test_weekday_night (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) c = contacts_at (f, "trafficking-adult", "trafficking-adult-s7",
                                        "2026-11-25T22:00:00+01:00");

  g_assert_cmpuint (c->len, ==, 3);
  assert_contact (nth (c, 0), "umea-socialjour-professional", SAM_CONTACT_OPEN,
                  "2026-11-26T08:00:00+01:00");
  g_assert_true (nth (c, 0)->is_fallback);
  assert_contact (nth (c, 1), "polisen-phone", SAM_CONTACT_OPEN, NULL);
  assert_contact (nth (c, 2), "regionkoordinator-nord-adults-phone", SAM_CONTACT_CLOSED,
                  "2026-11-26T08:00:00+01:00");
  g_assert_false (nth (c, 2)->is_fallback);
}

/* Christmas Day (a Friday) at noon: offices are closed; the coordinator
 * opens on Monday 28 December, the socialjour keeps holiday hours. */
static void
test_public_holiday (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) c = contacts_at (f, "trafficking-adult", "trafficking-adult-s7",
                                        "2026-12-25T12:00:00+01:00");

  g_assert_cmpuint (c->len, ==, 3);
  g_assert_cmpstr (sam_contact_route_get_id (nth (c, 0)->route), ==, "umea-socialjour-professional");
  g_assert_cmpint (nth (c, 0)->state, ==, SAM_CONTACT_OPEN);
  assert_contact (nth (c, 1), "polisen-phone", SAM_CONTACT_OPEN, NULL);
  assert_contact (nth (c, 2), "regionkoordinator-nord-adults-phone", SAM_CONTACT_CLOSED,
                  "2026-12-28T08:00:00+01:00");
}

/* Christmas Eve is a Thursday, and an eve: the office is closed at noon. */
static void
test_holiday_eve (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) c = contacts_at (f, "trafficking-child", "trafficking-child-s5",
                                        "2026-12-24T12:00:00+01:00");

  g_assert_cmpuint (c->len, ==, 2);
  g_assert_cmpstr (sam_contact_route_get_id (nth (c, 0)->route), ==, "umea-socialjour-professional");
  g_assert_cmpint (nth (c, 0)->state, ==, SAM_CONTACT_OPEN);
  assert_contact (nth (c, 1), "umea-socialtjanst-direct", SAM_CONTACT_CLOSED,
                  "2026-12-28T08:00:00+01:00");
}

/* The child path's report of concern: social services' direct line in
 * office hours, socialjour after them; the clock from $SAMVERKAN_NOW. */
static void
test_report_of_concern_by_clock (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) night = NULL;
  g_autoptr(GPtrArray) day = NULL;
  g_autoptr(GPtrArray) late = NULL;
  SamEscalationStep *step = step_of (f, "trafficking-child", "trafficking-child-s5");

  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  noon = sam_now_local ();
  g_setenv ("SAMVERKAN_NOW", "2026-11-27T17:00:00+01:00", TRUE);   /* Friday after hours */
  night = sam_now_local ();
  g_unsetenv ("SAMVERKAN_NOW");
  day = sam_step_list_contacts (step, f->store, noon, NULL);
  late = sam_step_list_contacts (step, f->store, night, NULL);
  g_assert_cmpstr (sam_contact_route_get_id (nth (day, 0)->route), ==, "umea-socialtjanst-direct");
  g_assert_cmpint (nth (day, 1)->state, ==, SAM_CONTACT_CLOSED);
  g_assert_cmpstr (sam_contact_route_get_id (nth (late, 0)->route), ==, "umea-socialjour-professional");
  /* Friday 17:00: the office opens again on Monday */
  assert_contact (nth (late, 1), "umea-socialtjanst-direct", SAM_CONTACT_CLOSED,
                  "2026-11-30T08:00:00+01:00");
}

/* A route with hours of its own keeps them even when the actor is always
 * open; an e-mail address has no hours; a vanished actor is left out. */
static void
test_own_hours_and_missing (Fixture *f, gconstpointer data)
{
  g_autoptr(SamEscalationStep) step = sam_escalation_step_new ("x", SAM_STEP_KIND_ACTION);
  g_autoptr(GDateTime) night = g_date_time_new_from_iso8601 ("2026-11-25T22:00:00+01:00", NULL);
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GError) error = NULL;

  sam_escalation_step_set_contact (step, "polisen-lpo-umea", "polisen-lpo-umea-visit");
  sam_escalation_step_add_fallback (step, "no-such-actor", "no-such-route");
  sam_escalation_step_add_fallback (step, "polisen", "no-such-route");
  sam_escalation_step_add_fallback (step, "regionkoordinator-nord", "regionkoordinator-nord-email");
  c = sam_step_list_contacts (step, f->store, night, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->len, ==, 2);
  assert_contact (nth (c, 0), "regionkoordinator-nord-email", SAM_CONTACT_NO_HOURS, NULL);
  assert_contact (nth (c, 1), "polisen-lpo-umea-visit", SAM_CONTACT_CLOSED,
                  "2026-11-26T09:00:00+01:00");
}

/* The trafficking path for the user's area: the county's path serves a
 * municipality in it; another county falls back to any path there is. */
static void
test_pick_path (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path;
  g_autoptr(SamEscalationPath) national = sam_escalation_path_new ("national-adult");

  path = sam_walk_pick_path (f->paths, SAM_SITUATION_TRAFFICKING_ADULT, "2480");
  g_assert_cmpstr (sam_escalation_path_get_id (path), ==, "trafficking-adult");
  path = sam_walk_pick_path (f->paths, SAM_SITUATION_TRAFFICKING_CHILD, "24");
  g_assert_cmpstr (sam_escalation_path_get_id (path), ==, "trafficking-child");

  sam_escalation_path_set_situation (national, SAM_SITUATION_TRAFFICKING_ADULT);
  sam_escalation_path_set_area (national, "SE");
  g_ptr_array_add (f->paths, g_object_ref (national));
  /* Stockholm is not in county 24: the national path, not Västerbotten's */
  path = sam_walk_pick_path (f->paths, SAM_SITUATION_TRAFFICKING_ADULT, "0180");
  g_assert_cmpstr (sam_escalation_path_get_id (path), ==, "national-adult");
  path = sam_walk_pick_path (f->paths, SAM_SITUATION_TRAFFICKING_ADULT, "2482");
  g_assert_cmpstr (sam_escalation_path_get_id (path), ==, "trafficking-adult");
  path = sam_walk_pick_path (f->paths, SAM_SITUATION_TRAFFICKING_ADULT, "");
  g_assert_cmpstr (sam_escalation_path_get_id (path), ==, "national-adult");
  g_assert_null (sam_walk_pick_path (f->paths, SAM_SITUATION_OTHER, "2480"));
}

static char *
join_ids (GPtrArray *paths)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < paths->len; i++)
    g_string_append_printf (out, "%s%s", i ? " " : "",
                            sam_escalation_path_get_id (g_ptr_array_index (paths, i)));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
using (Fixture *f, const char *actor_id, const char *route_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = sam_store_list_paths_using (f->store, actor_id, route_id, &error);

  g_assert_no_error (error);
  return join_ids (paths);
}

/* Which paths name an actor or one route of it, as a step's contact or a
 * fallback; paths come with their titles for the warning. */
static void
test_paths_using (Fixture *f, gconstpointer data)
{
  g_autofree char *coordinator = using (f, "regionkoordinator-nord", NULL);
  g_autofree char *adults_line = using (f, "regionkoordinator-nord", "regionkoordinator-nord-adults-phone");
  g_autofree char *web = using (f, "regionkoordinator-nord", "regionkoordinator-nord-web");
  g_autofree char *socialjour = using (f, "umea-socialjour", "umea-socialjour-professional");
  g_autofree char *unused = using (f, "umea-kommun", NULL);
  g_autoptr(GPtrArray) paths = sam_store_list_paths_using (f->store, "umea-kast", NULL, NULL);

  g_assert_cmpstr (coordinator, ==, "trafficking-adult trafficking-child");
  g_assert_cmpstr (adults_line, ==, "trafficking-adult");
  g_assert_cmpstr (web, ==, "");
  /* its own step in the adult path, a fallback in the others */
  g_assert_cmpstr (socialjour, ==, "buying-sex selling-sex trafficking-adult trafficking-child");
  g_assert_cmpstr (unused, ==, "");
  g_assert_cmpuint (paths->len, ==, 1);
  g_assert_cmpstr (sam_text_get (sam_escalation_path_get_title (g_ptr_array_index (paths, 0)), SAM_LANG_EN),
                   ==, "A person who buys sex and wants help");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, sam_test_sample_set_up, fn, sam_test_sample_tear_down)
  ADD ("/step-contact/weekday-noon", test_weekday_noon);
  ADD ("/step-contact/weekday-night", test_weekday_night);
  ADD ("/step-contact/public-holiday", test_public_holiday);
  ADD ("/step-contact/holiday-eve", test_holiday_eve);
  ADD ("/step-contact/report-of-concern-by-clock", test_report_of_concern_by_clock);
  ADD ("/step-contact/own-hours-and-missing", test_own_hours_and_missing);
  ADD ("/step-contact/pick-path", test_pick_path);
  ADD ("/step-contact/paths-using", test_paths_using);
  return g_test_run ();
}
