/* sam-test-store.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "sam-actor-json.h"
#include "sam-test-store.h"
#include "sam-test-util.h"

void
sam_test_store_fixture_set_up (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("samverkan-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "register.sqlite", NULL);
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
}

void
sam_test_store_fixture_tear_down (SamTestStoreFixture *f, gconstpointer data)
{
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_unsetenv ("SAMVERKAN_NOW");
}

SamStore *
sam_test_store_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

GDateTime *
sam_test_date_time (const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return dt;
}

SamContactRoute *
sam_test_make_route (const char *id, SamRouteKind kind, const char *value, SamVisibility visibility)
{
  g_autoptr(GError) error = NULL;
  SamContactRoute *route = sam_contact_route_new (id);

  sam_contact_route_set_kind (route, kind);
  sam_contact_route_set_visibility (route, visibility);
  g_assert_true (sam_contact_route_set_value (route, value, &error));
  g_assert_no_error (error);
  return route;
}

/* An actor with every field filled in; route ids start with @id. */
SamActor *
sam_test_make_actor (const char *id)
{
  static const struct {
    const char *suffix, *value;
    SamRouteKind kind;
    SamVisibility visibility;
  } routes[] = {
    { NULL, "090-16 10 00", SAM_ROUTE_KIND_PHONE, SAM_VISIBILITY_PUBLIC },
    { "-duty", "070-123 45 67", SAM_ROUTE_KIND_ON_CALL_PHONE, SAM_VISIBILITY_INTERNAL },
    { "-mail", "jour@sdk.example.se", SAM_ROUTE_KIND_SECURE_EMAIL, SAM_VISIBILITY_PROFESSIONAL },
    { "-web", "https://example.se/jour", SAM_ROUTE_KIND_WEB, SAM_VISIBILITY_PUBLIC },
    { "-visit", "Storgatan 1, 903 26 Umeå", SAM_ROUTE_KIND_VISITING_ADDRESS, SAM_VISIBILITY_PUBLIC },
  };
  SamActor *actor = sam_actor_new (id);
  g_autoptr(SamSchedule) hours = sam_schedule_parse ("Mo-Th 16:30-08:00; Fr 16:00-24:00; Sa 00:00-24:00; Su,PH 00:00-32:00", NULL);
  g_autoptr(SamSchedule) duty_hours = sam_schedule_parse ("Mo-Fr 16:00-22:00", NULL);
  g_autoptr(GDateTime) verified = sam_test_date_time ("2026-10-01T09:00:00Z");
  SamContactRoute *phone;

  sam_actor_set_kind (actor, SAM_ACTOR_KIND_SOCIAL_SERVICES);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, "Testkommunen – socialjouren");
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Test municipality – on-call social services");
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_SV, "Jour för akuta ärenden, även läkare.");
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_EN, "On call for urgent matters.");
  sam_actor_add_area (actor, "2480");
  sam_actor_add_area (actor, "24");
  sam_actor_add_target_group (actor, "children");
  sam_actor_add_target_group (actor, "adults");
  sam_actor_add_language (actor, "sv");
  sam_actor_add_language (actor, "ar");
  sam_actor_add_tag (actor, "jour");
  sam_actor_add_tag (actor, "akut");
  sam_actor_set_hours (actor, hours);
  sam_actor_set_verified (actor, verified, "Anna Berg");
  sam_actor_set_review_days (actor, 180);
  sam_actor_set_source (actor, "https://example.se/socialjour", "2026-11-02");
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      g_autofree char *route_id = routes[i].suffix ? g_strconcat (id, routes[i].suffix, NULL) : NULL;
      g_autoptr(SamContactRoute) route = sam_test_make_route (route_id, routes[i].kind,
                                                              routes[i].value,
                                                              routes[i].visibility);
      sam_actor_add_route (actor, route);
    }
  phone = g_ptr_array_index (sam_actor_get_routes (actor), 0);
  sam_text_set (sam_contact_route_get_label (phone), SAM_LANG_SV, "Växel");
  sam_text_set (sam_contact_route_get_label (phone), SAM_LANG_EN, "Switchboard");
  sam_contact_route_set_hours (g_ptr_array_index (sam_actor_get_routes (actor), 1), duty_hours);
  sam_contact_route_set_abroad (g_ptr_array_index (sam_actor_get_routes (actor), 1), TRUE);
  return actor;
}

/* Every field, including the routes, their labels, hours and visibility:
 * the JSON form holds them all. */
void
sam_test_assert_actors_equal (SamActor *a, SamActor *b)
{
  g_autofree char *ja = sam_actor_to_json_text (a);
  g_autofree char *jb = sam_actor_to_json_text (b);
  GPtrArray *ra = sam_actor_get_routes (a), *rb = sam_actor_get_routes (b);

  g_assert_cmpstr (ja, ==, jb);
  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint i = 0; i < ra->len; i++)
    g_assert_true (sam_contact_route_equal (g_ptr_array_index (ra, i), g_ptr_array_index (rb, i)));
}

SamActor *
sam_test_store_load_actor (SamStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  SamActor *actor = sam_store_load_actor (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (actor);
  return actor;
}

void
sam_test_store_insert_actor (SamStore *store, SamActor *actor)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = sam_store_insert_actor (store, actor, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}
