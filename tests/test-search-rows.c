/* test-search-rows.c
 *
 * The result list asks for rows only (SamQuery.rows_only): the same
 * actors in the same order as a full search, each with what its row shows
 * — name, kind, areas, hours, revision and the first number the user may
 * call — taken from the actor as stored.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "sam-default-register.h"
#include "sam-query.h"
#include "sam-step-contact.h"
#include "sam-test-util.h"

typedef struct {
  char *dir;
  SamStore *store;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", FALSE);
  g_assert_true (sam_load_sample_register (f->store, &error));
  g_assert_no_error (error);
}

static void
add_route (SamActor *actor, const char *id, SamRouteKind kind, const char *value,
           SamVisibility visibility, const char *hours)
{
  g_autoptr(SamContactRoute) route = sam_contact_route_new (id);
  g_autoptr(SamSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;

  sam_contact_route_set_kind (route, kind);
  g_assert_true (sam_contact_route_set_value (route, value, &error));
  g_assert_no_error (error);
  sam_contact_route_set_visibility (route, visibility);
  if (hours)
    {
      schedule = sam_schedule_parse (hours, &error);
      g_assert_no_error (error);
      sam_contact_route_set_hours (route, schedule);
    }
  sam_actor_add_route (actor, route);
}

/* An actor whose first phones are internal: its row shows the third. */
static void
set_up_internal_first (Fixture *f, gconstpointer data)
{
  g_autoptr(SamActor) actor = sam_actor_new ("radgivning-internt-forst");
  g_autoptr(GError) error = NULL;

  set_up (f, data);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, "Rådgivningen Zeta");
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Zeta counselling");
  sam_actor_set_kind (actor, SAM_ACTOR_KIND_SOCIAL_SERVICES);
  sam_actor_add_area (actor, "2480");
  sam_actor_add_area (actor, "2482");
  add_route (actor, "zeta-internal", SAM_ROUTE_KIND_PHONE, "090-10 20 30", SAM_VISIBILITY_INTERNAL, NULL);
  add_route (actor, "zeta-web", SAM_ROUTE_KIND_WEB, "https://zeta.example.se", SAM_VISIBILITY_PUBLIC, NULL);
  add_route (actor, "zeta-sms-internal", SAM_ROUTE_KIND_SMS, "070-123 45 67", SAM_VISIBILITY_INTERNAL, NULL);
  add_route (actor, "zeta-professional", SAM_ROUTE_KIND_ON_CALL_PHONE, "090-16 10 00",
             SAM_VISIBILITY_PROFESSIONAL, "Mo-Fr 08:00-17:00");
  add_route (actor, "zeta-public", SAM_ROUTE_KIND_PHONE, "090-16 20 00", SAM_VISIBILITY_PUBLIC, NULL);
  g_assert_true (sam_store_insert_actor (f->store, actor, &error));
  g_assert_no_error (error);
  /* the rows' ids go to SQLite as a JSON array */
  g_clear_object (&actor);
  actor = sam_actor_new ("zeta \"citat\" \\ snedstreck\t");
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, "Zeta med citattecken");
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Zeta with quotes");
  sam_actor_add_area (actor, "2480");
  add_route (actor, "zeta-citat-phone", SAM_ROUTE_KIND_PHONE, "090-16 30 00", SAM_VISIBILITY_PUBLIC, NULL);
  g_assert_true (sam_store_insert_actor (f->store, actor, &error));
  g_assert_no_error (error);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GPtrArray *
search (SamStore *store, const char *text, const char *near, gboolean rows_only)
{
  g_autoptr(SamQuery) query = sam_query_new (text);
  g_autoptr(GError) error = NULL;
  GPtrArray *actors;

  query->limit = 50;
  query->near = g_strdup (near);
  query->now = g_date_time_new_from_iso8601 ("2026-11-25T23:30:00+01:00", NULL);
  query->rows_only = rows_only;
  actors = sam_store_search (store, query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (actors);
  return actors;
}

static char *
joined (GPtrArray *values)
{
  g_ptr_array_add (values, NULL);
  g_ptr_array_set_size (values, values->len - 1);
  return g_strjoinv (",", (char **) values->pdata);
}

static char *
describe_hours (SamSchedule *hours)
{
  return hours ? sam_schedule_to_string (hours) : g_strdup ("-");
}

static void
assert_same_row (SamActor *row, SamActor *full)
{
  SamContactRoute *number = sam_actor_get_first_callable_phone (full);
  GPtrArray *routes = sam_actor_get_routes (row);
  g_autofree char *row_areas = joined (sam_actor_get_areas (row));
  g_autofree char *full_areas = joined (sam_actor_get_areas (full));
  g_autofree char *row_hours = describe_hours (sam_actor_get_hours (row));
  g_autofree char *full_hours = describe_hours (sam_actor_get_hours (full));

  g_assert_cmpstr (sam_actor_get_id (row), ==, sam_actor_get_id (full));
  for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
    g_assert_cmpstr (sam_text_get (sam_actor_get_name (row), lang), ==,
                     sam_text_get (sam_actor_get_name (full), lang));
  g_assert_cmpint (sam_actor_get_kind (row), ==, sam_actor_get_kind (full));
  g_assert_cmpint (sam_actor_get_revision (row), ==, sam_actor_get_revision (full));
  g_assert_cmpstr (row_areas, ==, full_areas);
  g_assert_cmpstr (row_hours, ==, full_hours);
  if (number == NULL)
    {
      g_assert_null (sam_actor_get_first_callable_phone (row));
      return;
    }
  g_assert_cmpuint (routes->len, ==, 1);
  {
    SamContactRoute *shown = g_ptr_array_index (routes, 0);
    g_autofree char *shown_value = sam_contact_route_dup_display_value (shown);
    g_autofree char *value = sam_contact_route_dup_display_value (number);
    g_autofree char *shown_hours = describe_hours (sam_route_get_effective_hours (shown, row));
    g_autofree char *hours = describe_hours (sam_route_get_effective_hours (number, full));

    g_assert_cmpstr (sam_contact_route_get_id (shown), ==, sam_contact_route_get_id (number));
    g_assert_cmpstr (shown_value, ==, value);
    g_assert_cmpint (sam_contact_route_get_kind (shown), ==, sam_contact_route_get_kind (number));
    g_assert_cmpint (sam_contact_route_get_visibility (shown), ==, sam_contact_route_get_visibility (number));
    g_assert_cmpstr (shown_hours, ==, hours);
  }
}

/* Every result list a user can get from these searches: the rows match
 * the full actors one by one. (When it was verified only the review list
 * shows, and it lists whole actors.) */
static void
test_rows_match_actors (Fixture *f, gconstpointer data)
{
  static const struct { const char *text, *near; } searches[] = {
    { "", NULL }, { "", "2480" }, { "polis", NULL }, { "kvinnojour", "2482" },
    { "soc", NULL }, { "telefon", NULL }, { "barn", NULL }, { "090", NULL },
    { "stöd umeå", NULL }, { "regionkoordinator", NULL }, { "kvinnojour zzzqqq", NULL },
    { "zeta", NULL }, { "rådgivning", "2482" },
  };
  guint after_internal = 0, professional = 0, none = 0, quoted = 0;

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      g_autoptr(GPtrArray) rows = search (f->store, searches[s].text, searches[s].near, TRUE);
      g_autoptr(GPtrArray) full = search (f->store, searches[s].text, searches[s].near, FALSE);

      g_test_message ("search “%s”: %u rows", searches[s].text, rows->len);
      g_assert_cmpuint (rows->len, >, 0);
      g_assert_cmpuint (rows->len, ==, full->len);
      for (guint i = 0; i < rows->len; i++)
        {
          SamActor *actor = g_ptr_array_index (full, i);
          SamContactRoute *number = sam_actor_get_first_callable_phone (actor);
          GPtrArray *routes = sam_actor_get_routes (actor);

          assert_same_row (g_ptr_array_index (rows, i), actor);
          if (strchr (sam_actor_get_id (actor), '"'))
            quoted++;
          if (number == NULL)
            none++;
          else if (sam_contact_route_get_visibility (number) == SAM_VISIBILITY_PROFESSIONAL)
            professional++;
          if (number && g_ptr_array_index (routes, 0) != number &&
              sam_route_kind_is_phone (sam_contact_route_get_kind (g_ptr_array_index (routes, 0))))
            after_internal++;
        }
    }
  /* every case the row must get right came up */
  g_assert_cmpuint (professional, >, 0);
  g_assert_cmpuint (none, >, 0);
  g_assert_cmpuint (after_internal, >, 0);
  g_assert_cmpuint (quoted, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/search-rows/rows-match-actors", Fixture, NULL, set_up_internal_first,
              test_rows_match_actors, tear_down);
  return g_test_run ();
}
