/* test-store.c
 *
 * The register file: schema, saving and loading actors, validation,
 * revisions between two connections, tombstones, the change log,
 * read-only files, import and verification.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "sam-actor-json.h"
#include "sam-default-register.h"
#include "sam-change-diff.h"
#include "sam-errors.h"
#include "sam-phone.h"
#include "sam-query.h"
#include "sam-store.h"
#include "sam-test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("samverkan-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "register.sqlite", NULL);
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_unsetenv ("SAMVERKAN_NOW");
}

static SamStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static GDateTime *
at (const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return dt;
}

static SamContactRoute *
make_route (const char *id, SamRouteKind kind, const char *value, SamVisibility visibility)
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
static SamActor *
make_actor (const char *id)
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
  g_autoptr(GDateTime) verified = at ("2026-10-01T09:00:00Z");
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
      g_autoptr(SamContactRoute) route = make_route (route_id, routes[i].kind, routes[i].value,
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
static void
assert_actors_equal (SamActor *a, SamActor *b)
{
  g_autofree char *ja = sam_actor_to_json_text (a);
  g_autofree char *jb = sam_actor_to_json_text (b);
  GPtrArray *ra = sam_actor_get_routes (a), *rb = sam_actor_get_routes (b);

  g_assert_cmpstr (ja, ==, jb);
  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint i = 0; i < ra->len; i++)
    g_assert_true (sam_contact_route_equal (g_ptr_array_index (ra, i), g_ptr_array_index (rb, i)));
}

static SamActor *
load (SamStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  SamActor *actor = sam_store_load_actor (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (actor);
  return actor;
}

static void
insert (SamStore *store, SamActor *actor)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = sam_store_insert_actor (store, actor, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static char *
read_file (const char *path, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

/* Schema */

static void
test_new_file (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_true (sam_store_is_empty (store));
  g_assert_cmpint (sam_store_count_actors (store), ==, 0);
  g_assert_false (sam_store_is_read_only (store));
  g_assert_cmpstr (sam_store_get_path (store), ==, f->path);
}

static void
test_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) actor = make_actor ("test-jour");
  g_autoptr(SamActor) loaded = NULL;

  insert (store, actor);
  g_clear_object (&store);

  store = open_store (f->path);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sam_store_count_actors (store), ==, 1);
  loaded = load (store, "test-jour");
  assert_actors_equal (actor, loaded);
}

/* Searching @text in @area finds @id alone, or nothing when @id is NULL. */
static void
assert_found (SamStore *store, const char *text, const char *area, const char *id)
{
  g_autoptr(SamQuery) query = sam_query_new (text);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  query->area = g_strdup (area);
  query->target_group = area ? g_strdup ("children") : NULL;
  query->language = area ? g_strdup ("ar") : NULL;
  found = sam_store_search (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, id ? 1 : 0);
  if (id)
    g_assert_cmpstr (sam_actor_get_id (g_ptr_array_index (found, 0)), ==, id);
}

/* A register made by an earlier version is brought up to date on opening,
 * its data kept: here one at format 1, with its old name indexes. */
static void
test_migration (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) actor = make_actor ("test-jour");
  g_autoptr(SamActor) loaded = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  insert (store, actor);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP INDEX actor_key_sv; DROP INDEX actor_key_en;"
                                     "CREATE INDEX actor_key_sv ON actor (deleted, key_sv);"
                                     "CREATE INDEX actor_key_en ON actor (deleted, key_en);"
                                     "DROP TABLE step_fallback;"
                                     /* the search index of format 1 */
                                     "CREATE VIRTUAL TABLE actor_fts USING fts5 (name, body, phones,"
                                     "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
                                     "INSERT INTO actor_fts (rowid, name, body, phones)"
                                     "  SELECT rowid, name_sv, description_sv, '' FROM actor;"
                                     "DROP TABLE actor_search;"
                                     /* and without what 003 added */
                                     "DROP TABLE sync_source; DROP TABLE sync_seen; DROP TABLE follow;"
                                     "DROP TABLE record_ancestry;"
                                     "ALTER TABLE change_log DROP COLUMN source;"
                                     "DELETE FROM meta WHERE key = 'instance';"
                                     /* and without what 007 added */
                                     "DROP TABLE search_vocab; DROP TABLE search_vocab_rev;"
                                     "DROP TABLE search_synonym;"
                                     /* and without what 010 added: steps keyed by id alone */
                                     "ALTER TABLE actor DROP COLUMN source;"
                                     "ALTER TABLE actor DROP COLUMN source_read;"
                                     "ALTER TABLE actor_language DROP COLUMN position;"
                                     "ALTER TABLE contact_route DROP COLUMN abroad;"
                                     "DROP TABLE step_answer; DROP TABLE escalation_step;"
                                     "CREATE TABLE escalation_step (id TEXT PRIMARY KEY,"
                                     "  path_id TEXT NOT NULL REFERENCES escalation_path (id) ON DELETE CASCADE,"
                                     "  position INTEGER NOT NULL, kind TEXT NOT NULL, text_sv TEXT,"
                                     "  text_en TEXT, legal_ref_sv TEXT, legal_ref_en TEXT, actor_id TEXT,"
                                     "  route_id TEXT, urgency TEXT, next_step TEXT);"
                                     "CREATE TABLE step_answer (step_id TEXT NOT NULL REFERENCES"
                                     "  escalation_step (id) ON DELETE CASCADE, position INTEGER NOT NULL,"
                                     "  label_sv TEXT, label_en TEXT, next_step TEXT, next_path TEXT,"
                                     "  PRIMARY KEY (step_id, position)) WITHOUT ROWID;"
                                     /* and without what 012 added */
                                     "DROP TABLE search_phone;"
                                     "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = open_store (f->path);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  loaded = load (store, "test-jour");
  /* migration 006 kept format 1's meaning of hours without a PH rule: the
   * on-call line stays closed on holidays, now said in so many words */
  {
    g_autoptr(SamSchedule) duty = sam_schedule_parse ("Mo-Fr 16:00-22:00; PH off", NULL);
    SamContactRoute *route = g_ptr_array_index (sam_actor_get_routes (actor), 1);

    g_assert_cmpstr (sam_contact_route_get_id (route), ==, "test-jour-duty");
    sam_contact_route_set_hours (route, duty);
    /* and format 1 kept no source, no route for abroad and no order of
     * languages: 010 keeps the sorted one */
    sam_actor_set_source (actor, NULL, NULL);
    sam_contact_route_set_abroad (route, FALSE);
    sam_actor_clear_languages (actor);
    sam_actor_add_language (actor, "ar");
    sam_actor_add_language (actor, "sv");
  }
  assert_actors_equal (actor, loaded);
  /* migration 004 carried the search rows over, with the filters */
  assert_found (store, "socialjour", NULL, "test-jour");
  assert_found (store, "jour", "2480", "test-jour");
  assert_found (store, "jour", "24", "test-jour");
  assert_found (store, "jour", "0180", NULL);
  g_clear_object (&store);

  /* migration 002 indexes the names alone */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat (name) FROM pragma_index_info ('actor_key_sv')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "key_sv");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_newer_format (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE meta (key, value); CREATE TABLE future (x); "
                                 "PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sam_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NEWER_FORMAT);
  g_assert_nonnull (strstr (error->message, "99"));
}

static void
test_not_a_database (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize length;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Rad %u: detta är ingen databas utan en anteckning.\n", i);
  g_assert_true (g_file_set_contents (f->path, text->str, text->len, NULL));

  store = sam_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_REGISTER);
  g_assert_nonnull (strstr (error->message, f->path));

  after = read_file (f->path, &length);
  g_assert_cmpmem (after, length, text->str, text->len);
}

/* Actors */

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) actor = make_actor ("test-jour");
  g_autoptr(SamActor) loaded = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GDateTime) now = at ("2026-11-25T11:00:00Z");
  SamContactRoute *phone;

  sam_store_set_user (store, "Test Person");
  insert (store, actor);
  /* the insert stamped the caller's object */
  g_assert_cmpint (sam_actor_get_revision (actor), ==, 1);
  g_assert_true (g_date_time_equal (sam_actor_get_updated_at (actor), now));
  g_assert_cmpstr (sam_actor_get_updated_by (actor), ==, "Test Person");

  loaded = load (store, "test-jour");
  assert_actors_equal (actor, loaded);
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
  assert_actors_equal (actor, g_ptr_array_index (all, 0));
}

static void
test_duplicate_id (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) first = make_actor ("test-jour");
  g_autoptr(SamActor) second = make_actor ("test-jour");
  g_autoptr(SamActor) loaded = NULL;
  g_autoptr(GError) error = NULL;

  insert (store, first);
  sam_text_set (sam_actor_get_name (second), SAM_LANG_SV, "Någon annan");
  g_assert_false (sam_store_insert_actor (store, second, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "test-jour"));
  loaded = load (store, "test-jour");
  assert_actors_equal (first, loaded);
  g_assert_cmpint (sam_store_count_actors (store), ==, 1);
}

/* Route ids are unique in the whole register. A new actor that reuses
 * another actor's route id is refused, and the message names the route id
 * that is taken, not the (free) id of the new actor. */
static void
test_duplicate_route_id (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) first = make_actor ("test-jour");
  g_autoptr(SamActor) second = make_actor ("test-other");
  g_autoptr(SamContactRoute) taken = make_route ("test-jour-duty", SAM_ROUTE_KIND_PHONE,
                                                 "090-16 33 90", SAM_VISIBILITY_PUBLIC);
  g_autoptr(SamActor) missing = NULL;
  g_autoptr(GError) error = NULL;

  insert (store, first);
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
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) no_sv = make_actor ("no-sv");
  g_autoptr(SamActor) no_en = make_actor ("no-en");
  g_autoptr(SamActor) no_areas = sam_actor_new ("no-areas");
  g_autoptr(SamActor) bad_area = make_actor ("bad-area");
  g_autoptr(SamActor) bad_group = make_actor ("bad-group");

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
test_source (Fixture *f, gconstpointer data)
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
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) actor = make_actor ("source-test");
  g_autoptr(SamActor) loaded = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SamActor) refused = make_actor ("refused");

      sam_actor_set_source (refused, bad[i].source, bad[i].read);
      assert_refused (store, refused, bad[i].says);
    }
  g_assert_true (sam_store_is_empty (store));

  /* a document's name is a source too, and the history says what changed */
  insert (store, actor);
  sam_actor_set_source (actor, "Länsstyrelsens kontaktlista (PDF), version 3", "2026-11-20");
  g_assert_true (sam_actor_validate (actor, NULL));
  g_assert_false (sam_actor_source_is_web (actor));
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
  loaded = load (store, "source-test");
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
test_history_names_values (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) actor = make_actor ("history-test");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  insert (store, actor);
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
  g_autoptr(SamContactRoute) route = make_route ("r", kind, good, SAM_VISIBILITY_PUBLIC);
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
  web = make_route ("w", SAM_ROUTE_KIND_WEB, "  https://www.umea.se/kast  ", SAM_VISIBILITY_PUBLIC);
  g_assert_cmpstr (sam_contact_route_get_value (web), ==, "https://www.umea.se/kast");
}

/* A web route is an https:// or http:// address, as the exchange format
 * allows; plain http is kept and marked, so that check can warn of it. */
static void
test_route_web_https (void)
{
  g_autoptr(SamContactRoute) plain = make_route ("p", SAM_ROUTE_KIND_WEB, "http://www.umea.se",
                                                 SAM_VISIBILITY_PUBLIC);
  g_autoptr(SamContactRoute) secure = make_route ("s", SAM_ROUTE_KIND_WEB, "https://www.umea.se",
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
test_update (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) actor = make_actor ("test-jour");
  g_autoptr(SamActor) edited = NULL;
  g_autoptr(SamActor) loaded = NULL;
  g_autoptr(GDateTime) t1 = at ("2026-11-25T11:00:00Z");
  g_autoptr(GDateTime) t2 = at ("2026-11-26T08:15:00Z");
  g_autoptr(GDateTime) verified = at ("2026-10-01T09:00:00Z");
  g_autoptr(GError) error = NULL;

  sam_store_set_user (store, "Anna Berg");
  insert (store, actor);
  edited = load (store, "test-jour");
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

  loaded = load (store, "test-jour");
  assert_actors_equal (edited, loaded);
  g_assert_null (sam_actor_find_route (loaded, "test-jour-web"));
  g_assert_cmpuint (sam_actor_get_routes (loaded)->len, ==, 4);
}

static void
test_mark_verified (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) actor = make_actor ("test-jour");
  g_autoptr(SamActor) loaded = NULL;
  g_autoptr(GDateTime) t1 = at ("2026-11-25T11:00:00Z");
  g_autoptr(GDateTime) checked = at ("2026-11-27T10:30:00Z");
  g_autoptr(GError) error = NULL;

  sam_store_set_user (store, "Anna Berg");
  insert (store, actor);

  g_setenv ("SAMVERKAN_NOW", "2026-11-27T11:30:00+01:00", TRUE);
  sam_store_set_user (store, "Cecilia Dahl");
  g_assert_true (sam_store_mark_verified (store, actor, checked, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (sam_actor_get_verified_at (actor), checked));
  g_assert_cmpstr (sam_actor_get_verified_by (actor), ==, "Cecilia Dahl");

  loaded = load (store, "test-jour");
  g_assert_true (g_date_time_equal (sam_actor_get_verified_at (loaded), checked));
  g_assert_cmpstr (sam_actor_get_verified_by (loaded), ==, "Cecilia Dahl");
  /* verifying is not editing */
  g_assert_true (g_date_time_equal (sam_actor_get_updated_at (loaded), t1));
  g_assert_cmpstr (sam_actor_get_updated_by (loaded), ==, "Anna Berg");
  assert_actors_equal (actor, loaded);
}

static void
test_stale (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) first = open_store (f->path);
  g_autoptr(SamStore) second = NULL;
  g_autoptr(SamActor) actor = make_actor ("test-jour");
  g_autoptr(SamActor) mine = NULL;
  g_autoptr(SamActor) theirs = NULL;
  g_autoptr(SamActor) stored = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  insert (first, actor);
  second = open_store (f->path);
  sam_store_set_user (first, "Anna Berg");
  sam_store_set_user (second, "Björn Ek");
  mine = load (first, "test-jour");
  theirs = load (second, "test-jour");
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

  stored = load (second, "test-jour");
  assert_actors_equal (mine, stored);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (stored), SAM_LANG_EN), ==, "Saved first");

  /* no change-log row for the refused save: insert and the first update */
  changes = sam_store_list_changes (first, "actor", "test-jour", NULL);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (((SamChange *) g_ptr_array_index (changes, 0))->op, ==, "update");
  g_assert_cmpstr (((SamChange *) g_ptr_array_index (changes, 0))->who, ==, "Anna Berg");
}

static void
test_delete_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) actor = make_actor ("test-jour");
  g_autoptr(SamActor) other = make_actor ("test-other");
  g_autoptr(SamActor) gone = NULL;
  g_autoptr(SamActor) back = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  insert (store, actor);
  insert (store, other);

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
  back = load (store, "test-jour");
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
test_change_log (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) actor = make_actor ("test-jour");
  g_autoptr(GDateTime) checked = at ("2026-11-25T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamChange) c = NULL;
  const char *old_name = "Test municipality – on-call social services";

  sam_store_set_user (store, "Logg Testare");
  insert (store, actor);
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

/* Read-only registers. Root may write any file, so when the tests run as
 * root the checks run in a subprocess that has become "nobody". */

static gboolean
become_nobody (void)
{
  if (geteuid () != 0)
    return TRUE;
  return setgid (65534) == 0 && setuid (65534) == 0 && geteuid () == 65534;
}

/* Tries in a throw-away child process. */
static gboolean
can_become_nobody (void)
{
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (become_nobody () ? 0 : 1);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static void
read_only_checks (const char *path, const char *new_path)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamStore) created = NULL;
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(SamActor) another = make_actor ("test-another");
  g_autoptr(GError) error = NULL;

  store = open_store (path);
  g_assert_true (sam_store_is_read_only (store));
  actor = load (store, "test-jour");
  g_assert_cmpint (sam_store_count_actors (store), ==, 1);

  g_assert_false (sam_store_insert_actor (store, another, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY);
  g_clear_error (&error);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Changed");
  g_assert_false (sam_store_update_actor (store, actor, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY);
  g_assert_cmpint (sam_actor_get_revision (actor), ==, 1);
  g_clear_error (&error);
  g_assert_false (sam_store_delete_actor (store, "test-jour", 1, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* a new register cannot be made in a folder that cannot be written */
  if (new_path != NULL)
    {
      created = sam_store_open (new_path, &error);
      g_assert_null (created);
      g_assert_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY);
      g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
    }
}

static void
run_read_only (const char *mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  if (g_test_subprocess ())
    {
      g_assert_true (become_nobody ());
      read_only_checks (g_getenv ("SAMVERKAN_TEST_RO_PATH"),
                        g_str_equal (mode, "folder") ? g_getenv ("SAMVERKAN_TEST_RO_NEW") : NULL);
      return;
    }

  dir = g_dir_make_tmp ("samverkan-ro-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "register.sqlite", NULL);
  new_path = g_build_filename (dir, "new.sqlite", NULL);
  {
    g_autoptr(SamStore) store = open_store (path);
    g_autoptr(SamActor) actor = make_actor ("test-jour");

    insert (store, actor);
  }
  before = read_file (path, &before_len);

  if (g_str_equal (mode, "file"))
    {
      /* the file is read-only, the folder is not: nobody may not write it */
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
    }
  else
    {
      /* the folder is read-only: no -wal or -shm file can be made */
      if (geteuid () == 0)
        g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    }

  if (geteuid () != 0 && g_access (path, W_OK) == 0 && g_str_equal (mode, "file"))
    {
      g_test_skip ("the file can still be written");
    }
  else
    {
      g_setenv ("SAMVERKAN_TEST_RO_PATH", path, TRUE);
      g_setenv ("SAMVERKAN_TEST_RO_NEW", new_path, TRUE);
      if (!can_become_nobody ())
        {
          g_test_skip ("cannot drop root privileges to check a read-only file");
          sam_test_remove_dir (dir);
          return;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_unsetenv ("SAMVERKAN_TEST_RO_PATH");
      g_unsetenv ("SAMVERKAN_TEST_RO_NEW");
      /* nothing touched the file */
      after = read_file (path, &after_len);
      g_assert_cmpmem (after, after_len, before, before_len);
    }
  sam_test_remove_dir (dir);
}

static void
test_read_only_file (void)
{
  run_read_only ("file");
}

static void
test_read_only_folder (void)
{
  run_read_only ("folder");
}

/* Import, overdue verification, integrity */

static void
test_import_not_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamActor) present = make_actor ("test-jour");
  g_autoptr(SamActor) incoming = make_actor ("test-incoming");
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(SamActor) missing = NULL;
  SamRegisterMeta meta = { 0 };

  insert (store, present);
  meta.id = g_strdup ("incoming-register");
  g_ptr_array_add (actors, incoming);
  g_assert_false (sam_store_import (store, &meta, actors, NULL, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_EMPTY);
  sam_register_meta_clear (&meta);

  g_assert_cmpint (sam_store_count_actors (store), ==, 1);
  missing = sam_store_load_actor (store, "test-incoming", &load_error);
  g_assert_null (missing);
  g_assert_error (load_error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  changes = sam_store_list_changes (store, "actor", "test-incoming", NULL);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (sam_store_get_meta (store, &meta, NULL));
  g_assert_cmpstr (meta.id, !=, "incoming-register");
  sam_register_meta_clear (&meta);
}

static void
test_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GDateTime) now = at ("2026-11-25T12:00:00+01:00");
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  gboolean seen_verified = FALSE;
  GDateTime *previous = NULL;

  g_assert_true (sam_load_sample_register (store, &error));
  g_assert_no_error (error);
  overdue = sam_store_list_overdue (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, >=, 3);

  for (guint i = 0; i < overdue->len; i++)
    {
      SamActor *actor = g_ptr_array_index (overdue, i);
      GDateTime *verified = sam_actor_get_verified_at (actor);

      g_hash_table_add (listed, (char *) sam_actor_get_id (actor));
      /* never verified first */
      if (verified == NULL)
        {
          g_assert_false (seen_verified);
          continue;
        }
      /* then oldest first */
      seen_verified = TRUE;
      if (previous)
        g_assert_cmpint (g_date_time_compare (previous, verified), <=, 0);
      previous = verified;
    }
  g_assert_true (g_hash_table_contains (listed, "iom"));            /* verified 2024-09-12 */
  g_assert_true (g_hash_table_contains (listed, "rfsl-stodmottagning"));   /* never */
  g_assert_false (g_hash_table_contains (listed, "umea-kommun"));   /* 2026-10-20 */
  g_assert_null (sam_actor_get_verified_at (g_ptr_array_index (overdue, 0)));

  /* exactly those whose verification plus review days lies before now */
  all = sam_store_list_actors (store, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      SamActor *actor = g_ptr_array_index (all, i);
      GDateTime *verified = sam_actor_get_verified_at (actor);
      g_autoptr(GDateTime) due = verified ? g_date_time_add_days (verified, sam_actor_get_review_days (actor)) : NULL;
      gboolean expected = due == NULL || g_date_time_compare (due, now) < 0;

      g_test_message ("%s", sam_actor_get_id (actor));
      g_assert_cmpint (g_hash_table_contains (listed, sam_actor_get_id (actor)), ==, expected);
    }
}

static void
test_integrity (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_check_integrity (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_true (sam_load_sample_register (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_count_actors (store), ==, 38);
  g_assert_true (sam_store_check_integrity (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/new-file", test_new_file);
  ADD ("/store/reopen", test_reopen);
  ADD ("/store/migration", test_migration);
  ADD ("/store/newer-format", test_newer_format);
  ADD ("/store/not-a-database", test_not_a_database);
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
  g_test_add_func ("/store/read-only-file", test_read_only_file);
  g_test_add_func ("/store/read-only-folder", test_read_only_folder);
  ADD ("/store/import-not-empty", test_import_not_empty);
  ADD ("/store/overdue", test_overdue);
  ADD ("/store/integrity", test_integrity);
  /* these show bugs in src/core; last, so that its abort hides nothing */
  g_test_add_func ("/store/route-web-https", test_route_web_https);
  ADD ("/store/duplicate-route-id", test_duplicate_route_id);
#undef ADD

  return g_test_run ();
}
