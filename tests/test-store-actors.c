/* test-store-actors.c
 *
 * Actors in the register file: saving and loading every field, ids and
 * route ids that are taken, validation, the source, route values, the
 * history's words, revisions between two connections, deleting and
 * restoring, and the change log. The file itself is in test-store.c.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "sam-change-diff.h"
#include "sam-errors.h"
#include "sam-phone.h"
#include "sam-store.h"
#include "sam-test-store.h"
#include "sam-test-util.h"

/* Actors */

static void
test_round_trip (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) actor = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) loaded = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GDateTime) now = sam_test_date_time ("2026-11-25T11:00:00Z");
  SamContactRoute *phone;

  sam_store_set_user (store, "Test Person");
  sam_test_store_insert_actor (store, actor);
  /* the insert stamped the caller's object */
  g_assert_cmpint (sam_actor_get_revision (actor), ==, 1);
  g_assert_true (g_date_time_equal (sam_actor_get_updated_at (actor), now));
  g_assert_cmpstr (sam_actor_get_updated_by (actor), ==, "Test Person");

  loaded = sam_test_store_load_actor (store, "test-jour");
  sam_test_assert_actors_equal (actor, loaded);
  /* and the values are the ones given, normalised */
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (loaded), SAM_LANG_SV), ==, "Testkommunen – socialjouren");
  g_assert_cmpuint (sam_actor_get_routes (loaded)->len, ==, 5);
  phone = g_ptr_array_index (sam_actor_get_routes (loaded), 0);
  g_assert_cmpstr (sam_contact_route_get_value (phone), ==, "+4690161000");
  g_assert_cmpstr (sam_text_get (sam_contact_route_get_label (phone), SAM_LANG_SV), ==, "Växel");
  g_assert_cmpstr (sam_contact_route_get_id (g_ptr_array_index (sam_actor_get_routes (loaded), 4)), ==, "test-jour-visit");
  g_assert_nonnull (sam_contact_route_get_hours (sam_actor_find_route (loaded, "test-jour-duty")));
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (loaded), 0), ==, "24");
  g_assert_cmpuint (sam_actor_get_review_days (loaded), ==, 180);

  all = sam_store_list_actors (store, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  sam_test_assert_actors_equal (actor, g_ptr_array_index (all, 0));
}

static void
test_duplicate_id (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) first = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) second = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) loaded = NULL;
  g_autoptr(GError) error = NULL;

  sam_test_store_insert_actor (store, first);
  sam_text_set (sam_actor_get_name (second), SAM_LANG_SV, "Någon annan");
  g_assert_false (sam_store_insert_actor (store, second, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "test-jour"));
  loaded = sam_test_store_load_actor (store, "test-jour");
  sam_test_assert_actors_equal (first, loaded);
  g_assert_cmpint (sam_store_count_actors (store), ==, 1);
}

/* Route ids are unique in the whole register. A new actor that reuses
 * another actor's route id is refused, and the message names the route id
 * that is taken, not the (free) id of the new actor. */
static void
test_duplicate_route_id (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) first = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) second = sam_test_make_actor ("test-other");
  g_autoptr(SamContactRoute) taken = sam_test_make_route ("test-jour-duty", SAM_ROUTE_KIND_PHONE,
                                                          "090-16 33 90", SAM_VISIBILITY_PUBLIC);
  g_autoptr(SamActor) missing = NULL;
  g_autoptr(GError) error = NULL;

  sam_test_store_insert_actor (store, first);
  sam_actor_add_route (second, taken);
  g_assert_false (sam_store_insert_actor (store, second, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "test-jour-duty"));
  g_clear_error (&error);
  missing = sam_store_load_actor (store, "test-other", &error);
  g_assert_null (missing);
  g_assert_cmpint (sam_store_count_actors (store), ==, 1);
}

static void
assert_refused (SamStore *store, SamActor *actor, const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(SamActor) loaded = NULL;

  g_assert_false (sam_store_insert_actor (store, actor, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, field));
  loaded = sam_store_load_actor (store, sam_actor_get_id (actor), &load_error);
  g_assert_null (loaded);
  g_assert_error (load_error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
}

static void
test_validation (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) no_sv = sam_test_make_actor ("no-sv");
  g_autoptr(SamActor) no_en = sam_test_make_actor ("no-en");
  g_autoptr(SamActor) no_areas = sam_actor_new ("no-areas");
  g_autoptr(SamActor) bad_area = sam_test_make_actor ("bad-area");
  g_autoptr(SamActor) bad_group = sam_test_make_actor ("bad-group");

  sam_text_set (sam_actor_get_name (no_sv), SAM_LANG_SV, NULL);
  assert_refused (store, no_sv, "Name (Swedish)");
  sam_text_set (sam_actor_get_name (no_en), SAM_LANG_EN, "");
  assert_refused (store, no_en, "Name (English)");
  sam_text_set (sam_actor_get_name (no_areas), SAM_LANG_SV, "Utan område");
  sam_text_set (sam_actor_get_name (no_areas), SAM_LANG_EN, "No area");
  assert_refused (store, no_areas, "Areas");
  sam_actor_add_area (bad_area, "9999");
  assert_refused (store, bad_area, "9999");
  sam_actor_add_target_group (bad_group, "everyone");
  assert_refused (store, bad_group, "everyone");

  g_assert_true (sam_store_is_empty (store));
}

/* The source of an actor's information: a web page or a document, and
 * the day it was read; each bad value refused with a message naming it. */
static void
test_source (SamTestStoreFixture *f, gconstpointer data)
{
  static const struct { const char *source; const char *read; const char *says; } bad[] = {
    { "ftp://example.se/lista.txt", "2026-11-02", "ftp://example.se/lista.txt" },
    { "https://exa mple.se/", "2026-11-02", "https://exa mple.se/" },
    { "Länsstyrelsens lista\nrad två", "2026-11-02", "Source" },
    { "https://example.se/", NULL, "date" },
    { "https://example.se/", "2026-02-30", "2026-02-30" },
    { "https://example.se/", "2.11.2026", "2.11.2026" },
    { NULL, "2026-11-02", "2026-11-02" },
  };
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) actor = sam_test_make_actor ("source-test");
  g_autoptr(SamActor) loaded = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SamActor) refused = sam_test_make_actor ("refused");

      sam_actor_set_source (refused, bad[i].source, bad[i].read);
      assert_refused (store, refused, bad[i].says);
    }
  g_assert_true (sam_store_is_empty (store));

  /* a document's name is a source too, and the history says what changed */
  sam_test_store_insert_actor (store, actor);
  sam_actor_set_source (actor, "Länsstyrelsens kontaktlista (PDF), version 3", "2026-11-20");
  g_assert_true (sam_actor_validate (actor, NULL));
  g_assert_false (sam_actor_source_is_web (actor));
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
  loaded = sam_test_store_load_actor (store, "source-test");
  g_assert_cmpstr (sam_actor_get_source (loaded), ==, "Länsstyrelsens kontaktlista (PDF), version 3");
  g_assert_cmpstr (sam_actor_get_source_read (loaded), ==, "2026-11-20");
  changes = sam_store_list_changes (store, "actor", "source-test", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  lines = sam_change_describe (g_ptr_array_index (changes, 0));
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "Source: https://example.se/socialjour → Länsstyrelsens kontaktlista (PDF), version 3");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "Source read on: 2026-11-02 → 2026-11-20");
}

/* The history names values as the app does: no "public → professional"
 * or area codes. */
static void
test_history_names_values (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) actor = sam_test_make_actor ("history-test");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  sam_test_store_insert_actor (store, actor);
  sam_actor_set_kind (actor, SAM_ACTOR_KIND_POLICE);
  sam_actor_add_area (actor, "2482");
  sam_actor_add_target_group (actor, "women");
  sam_actor_add_language (actor, "en");
  sam_contact_route_set_visibility (g_ptr_array_index (sam_actor_get_routes (actor), 0),
                                    SAM_VISIBILITY_PROFESSIONAL);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
  changes = sam_store_list_changes (store, "actor", "history-test", &error);
  g_assert_no_error (error);
  lines = sam_change_describe (g_ptr_array_index (changes, 0));
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (all, "%s\n", (char *) g_ptr_array_index (lines, i));
  g_test_message ("%s", all->str);
  g_assert_nonnull (strstr (all->str, "Kind: Social services → Police\n"));
  g_assert_nonnull (strstr (all->str, "Areas: Västerbotten County, Umeå → Västerbotten County, Umeå, Skellefteå\n"));
  g_assert_nonnull (strstr (all->str, "Target groups: Adults, Children → Adults, Children, Women\n"));
  g_assert_nonnull (strstr (all->str, "Languages: Swedish, Arabic → Swedish, Arabic, English\n"));
  g_assert_nonnull (strstr (all->str, "Visibility: Public → Professional\n"));
  g_assert_null (strstr (all->str, "2482"));
  g_assert_null (strstr (all->str, "professional"));
}

static void
assert_value_refused (SamRouteKind kind, const char *good, const char *bad, const char *field)
{
  g_autoptr(SamContactRoute) route = sam_test_make_route ("r", kind, good, SAM_VISIBILITY_PUBLIC);
  g_autofree char *before = g_strdup (sam_contact_route_get_value (route));
  g_autoptr(GError) error = NULL;

  g_test_message ("%s refused", bad);
  g_assert_false (sam_contact_route_set_value (route, bad, &error));
  if (sam_route_kind_is_phone (kind))
    g_assert_error (error, SAM_PHONE_ERROR, SAM_PHONE_ERROR_INVALID);
  else
    g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, field));
  g_assert_nonnull (strstr (error->message, bad));
  /* the route keeps its old value */
  g_assert_cmpstr (sam_contact_route_get_value (route), ==, before);
}

static void
test_route_values (void)
{
  g_autoptr(SamContactRoute) web = NULL;

  assert_value_refused (SAM_ROUTE_KIND_PHONE, "090-16 10 00", "090-16 1O 00",
                        sam_route_kind_get_label (SAM_ROUTE_KIND_PHONE));
  assert_value_refused (SAM_ROUTE_KIND_ON_CALL_PHONE, "070-123 45 67", "12",
                        sam_route_kind_get_label (SAM_ROUTE_KIND_ON_CALL_PHONE));
  assert_value_refused (SAM_ROUTE_KIND_EMAIL, "kast@umea.se", "kast.umea.se",
                        sam_route_kind_get_label (SAM_ROUTE_KIND_EMAIL));
  assert_value_refused (SAM_ROUTE_KIND_SECURE_EMAIL, "kast@umea.se", "kast@umea",
                        sam_route_kind_get_label (SAM_ROUTE_KIND_SECURE_EMAIL));
  assert_value_refused (SAM_ROUTE_KIND_EMAIL, "kast@umea.se", "kast@@umea.se",
                        sam_route_kind_get_label (SAM_ROUTE_KIND_EMAIL));
  assert_value_refused (SAM_ROUTE_KIND_WEB, "https://www.umea.se", "www.umea.se",
                        sam_route_kind_get_label (SAM_ROUTE_KIND_WEB));

  /* phone numbers are stored normalised, other values trimmed */
  web = sam_test_make_route ("w", SAM_ROUTE_KIND_WEB, "  https://www.umea.se/kast  ",
                             SAM_VISIBILITY_PUBLIC);
  g_assert_cmpstr (sam_contact_route_get_value (web), ==, "https://www.umea.se/kast");
}

/* A web route is an https:// or http:// address, as the exchange format
 * allows; plain http is kept and marked, so that check can warn of it. */
static void
test_route_web_https (void)
{
  g_autoptr(SamContactRoute) plain = sam_test_make_route ("p", SAM_ROUTE_KIND_WEB,
                                                          "http://www.umea.se",
                                                          SAM_VISIBILITY_PUBLIC);
  g_autoptr(SamContactRoute) secure = sam_test_make_route ("s", SAM_ROUTE_KIND_WEB,
                                                           "https://www.umea.se",
                                                           SAM_VISIBILITY_PUBLIC);

  g_assert_cmpstr (sam_contact_route_get_value (plain), ==, "http://www.umea.se");
  g_assert_true (sam_contact_route_is_plain_http (plain));
  g_assert_false (sam_contact_route_is_plain_http (secure));
  assert_value_refused (SAM_ROUTE_KIND_WEB, "https://www.umea.se", "ftp://www.umea.se",
                        "https://");
  assert_value_refused (SAM_ROUTE_KIND_WEB, "https://www.umea.se", "http://",
                        "http://");
}

static void
test_update (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) actor = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) edited = NULL;
  g_autoptr(SamActor) loaded = NULL;
  g_autoptr(GDateTime) t1 = sam_test_date_time ("2026-11-25T11:00:00Z");
  g_autoptr(GDateTime) t2 = sam_test_date_time ("2026-11-26T08:15:00Z");
  g_autoptr(GDateTime) verified = sam_test_date_time ("2026-10-01T09:00:00Z");
  g_autoptr(GError) error = NULL;

  sam_store_set_user (store, "Anna Berg");
  sam_test_store_insert_actor (store, actor);
  edited = sam_test_store_load_actor (store, "test-jour");
  g_assert_cmpint (sam_actor_get_revision (edited), ==, 1);
  g_assert_true (g_date_time_equal (sam_actor_get_updated_at (edited), t1));

  g_setenv ("SAMVERKAN_NOW", "2026-11-26T09:15:00+01:00", TRUE);
  sam_store_set_user (store, "Björn Ek");
  sam_text_set (sam_actor_get_name (edited), SAM_LANG_SV, "Testkommunen – socialjour");
  sam_actor_remove_route (edited, "test-jour-web");
  g_assert_true (sam_store_update_actor (store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_actor_get_revision (edited), ==, 2);
  g_assert_true (g_date_time_equal (sam_actor_get_updated_at (edited), t2));
  g_assert_cmpstr (sam_actor_get_updated_by (edited), ==, "Björn Ek");
  /* saving is not verifying */
  g_assert_true (g_date_time_equal (sam_actor_get_verified_at (edited), verified));
  g_assert_cmpstr (sam_actor_get_verified_by (edited), ==, "Anna Berg");

  loaded = sam_test_store_load_actor (store, "test-jour");
  sam_test_assert_actors_equal (edited, loaded);
  g_assert_null (sam_actor_find_route (loaded, "test-jour-web"));
  g_assert_cmpuint (sam_actor_get_routes (loaded)->len, ==, 4);
}

static void
test_mark_verified (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) actor = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) loaded = NULL;
  g_autoptr(GDateTime) t1 = sam_test_date_time ("2026-11-25T11:00:00Z");
  g_autoptr(GDateTime) checked = sam_test_date_time ("2026-11-27T10:30:00Z");
  g_autoptr(GError) error = NULL;

  sam_store_set_user (store, "Anna Berg");
  sam_test_store_insert_actor (store, actor);

  g_setenv ("SAMVERKAN_NOW", "2026-11-27T11:30:00+01:00", TRUE);
  sam_store_set_user (store, "Cecilia Dahl");
  g_assert_true (sam_store_mark_verified (store, actor, checked, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (sam_actor_get_verified_at (actor), checked));
  g_assert_cmpstr (sam_actor_get_verified_by (actor), ==, "Cecilia Dahl");

  loaded = sam_test_store_load_actor (store, "test-jour");
  g_assert_true (g_date_time_equal (sam_actor_get_verified_at (loaded), checked));
  g_assert_cmpstr (sam_actor_get_verified_by (loaded), ==, "Cecilia Dahl");
  /* verifying is not editing */
  g_assert_true (g_date_time_equal (sam_actor_get_updated_at (loaded), t1));
  g_assert_cmpstr (sam_actor_get_updated_by (loaded), ==, "Anna Berg");
  sam_test_assert_actors_equal (actor, loaded);
}

static void
test_stale (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) first = sam_test_store_open (f->path);
  g_autoptr(SamStore) second = NULL;
  g_autoptr(SamActor) actor = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) mine = NULL;
  g_autoptr(SamActor) theirs = NULL;
  g_autoptr(SamActor) stored = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  sam_test_store_insert_actor (first, actor);
  second = sam_test_store_open (f->path);
  sam_store_set_user (first, "Anna Berg");
  sam_store_set_user (second, "Björn Ek");
  mine = sam_test_store_load_actor (first, "test-jour");
  theirs = sam_test_store_load_actor (second, "test-jour");
  g_assert_cmpint (sam_actor_get_revision (mine), ==, 1);
  g_assert_cmpint (sam_actor_get_revision (theirs), ==, 1);

  sam_text_set (sam_actor_get_name (mine), SAM_LANG_EN, "Saved first");
  g_assert_true (sam_store_update_actor (first, mine, &error));
  g_assert_no_error (error);

  sam_text_set (sam_actor_get_name (theirs), SAM_LANG_EN, "Saved second");
  sam_actor_add_tag (theirs, "overwritten?");
  g_assert_false (sam_store_update_actor (second, theirs, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_STALE);
  /* the message says who changed it */
  g_assert_nonnull (strstr (error->message, "Anna Berg"));
  g_assert_cmpint (sam_actor_get_revision (theirs), ==, 1);

  stored = sam_test_store_load_actor (second, "test-jour");
  sam_test_assert_actors_equal (mine, stored);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (stored), SAM_LANG_EN), ==, "Saved first");

  /* no change-log row for the refused save: insert and the first update */
  changes = sam_store_list_changes (first, "actor", "test-jour", NULL);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (((SamChange *) g_ptr_array_index (changes, 0))->op, ==, "update");
  g_assert_cmpstr (((SamChange *) g_ptr_array_index (changes, 0))->who, ==, "Anna Berg");
}

static void
test_delete_restore (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) actor = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) other = sam_test_make_actor ("test-other");
  g_autoptr(SamActor) gone = NULL;
  g_autoptr(SamActor) back = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  sam_test_store_insert_actor (store, actor);
  sam_test_store_insert_actor (store, other);

  /* a delete based on an old revision is refused */
  g_assert_false (sam_store_delete_actor (store, "test-jour", 7, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_STALE);
  g_clear_error (&error);

  g_assert_true (sam_store_delete_actor (store, "test-jour", 1, &error));
  g_assert_no_error (error);
  all = sam_store_list_actors (store, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (sam_actor_get_id (g_ptr_array_index (all, 0)), ==, "test-other");
  g_assert_cmpint (sam_store_count_actors (store), ==, 1);
  gone = sam_store_load_actor (store, "test-jour", &error);
  g_assert_null (gone);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sam_store_restore_actor (store, "test-jour", &error));
  g_assert_no_error (error);
  back = sam_test_store_load_actor (store, "test-jour");
  g_assert_true (sam_text_equal (sam_actor_get_name (back), sam_actor_get_name (actor)));
  g_assert_cmpuint (sam_actor_get_routes (back)->len, ==, 5);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = sam_store_list_actors (store, NULL);
  g_assert_cmpuint (all->len, ==, 2);

  g_assert_false (sam_store_delete_actor (store, "nobody", -1, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
}

/* The string at @object_member.@member (or @object_member alone) of a
 * change-log JSON text, which must parse. */
static char *
json_get (const char *text, const char *object_member, const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_nonnull (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  if (member != NULL)
    object = json_object_get_object_member (object, object_member);
  return g_strdup (json_object_get_string_member (object, member ? member : object_member));
}

/* The newest change-log row; asserts that there are @expected rows. */
static SamChange *
newest_change (SamStore *store, guint expected, const char *op)
{
  g_autoptr(GPtrArray) changes = sam_store_list_changes (store, "actor", "test-jour", NULL);
  SamChange *change;

  g_assert_nonnull (changes);
  g_assert_cmpuint (changes->len, ==, expected);
  change = g_ptr_array_steal_index (changes, 0);
  g_assert_cmpstr (change->op, ==, op);
  g_assert_cmpstr (change->who, ==, "Logg Testare");
  g_assert_cmpstr (change->entity, ==, "actor");
  g_assert_cmpstr (change->entity_id, ==, "test-jour");
  g_assert_nonnull (change->at);
  return change;
}

#define ASSERT_JSON(text, object, member, expected) G_STMT_START { \
    g_autofree char *value_ = json_get (text, object, member); \
    g_assert_cmpstr (value_, ==, expected); \
  } G_STMT_END

static void
test_change_log (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) actor = sam_test_make_actor ("test-jour");
  g_autoptr(GDateTime) checked = sam_test_date_time ("2026-11-25T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamChange) c = NULL;
  const char *old_name = "Test municipality – on-call social services";

  sam_store_set_user (store, "Logg Testare");
  sam_test_store_insert_actor (store, actor);
  c = newest_change (store, 1, "insert");
  g_assert_null (c->before);
  ASSERT_JSON (c->after, "id", NULL, "test-jour");
  ASSERT_JSON (c->after, "name", "en", old_name);
  g_clear_pointer (&c, sam_change_free);

  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Renamed");
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
  c = newest_change (store, 2, "update");
  g_assert_cmpint (c->revision, ==, 2);
  ASSERT_JSON (c->before, "name", "en", old_name);
  ASSERT_JSON (c->after, "name", "en", "Renamed");
  g_clear_pointer (&c, sam_change_free);

  g_assert_true (sam_store_mark_verified (store, actor, checked, &error));
  g_assert_no_error (error);
  c = newest_change (store, 3, "verify");
  ASSERT_JSON (c->before, "verified_at", NULL, "2026-10-01T09:00:00Z");
  ASSERT_JSON (c->after, "verified_at", NULL, "2026-11-25T10:00:00Z");
  ASSERT_JSON (c->after, "verified_by", NULL, "Logg Testare");
  g_clear_pointer (&c, sam_change_free);

  g_assert_true (sam_store_delete_actor (store, "test-jour", sam_actor_get_revision (actor), &error));
  g_assert_no_error (error);
  c = newest_change (store, 4, "delete");
  ASSERT_JSON (c->before, "name", "en", "Renamed");
  g_clear_pointer (&c, sam_change_free);

  g_assert_true (sam_store_restore_actor (store, "test-jour", &error));
  g_assert_no_error (error);
  c = newest_change (store, 5, "restore");
  ASSERT_JSON (c->after, "name", "en", "Renamed");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, SamTestStoreFixture, NULL, sam_test_store_fixture_set_up, func, \
              sam_test_store_fixture_tear_down)
  ADD ("/store/round-trip", test_round_trip);
  ADD ("/store/duplicate-id", test_duplicate_id);
  ADD ("/store/validation", test_validation);
  ADD ("/store/source", test_source);
  ADD ("/store/history-names-values", test_history_names_values);
  g_test_add_func ("/store/route-values", test_route_values);
  ADD ("/store/update", test_update);
  ADD ("/store/mark-verified", test_mark_verified);
  ADD ("/store/stale", test_stale);
  ADD ("/store/delete-restore", test_delete_restore);
  ADD ("/store/change-log", test_change_log);
  /* these show bugs in src/core; last, so that its abort hides nothing */
  g_test_add_func ("/store/route-web-https", test_route_web_https);
  ADD ("/store/duplicate-route-id", test_duplicate_route_id);
#undef ADD

  return g_test_run ();
}
