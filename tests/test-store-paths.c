/* test-store-paths.c
 *
 * Escalation paths in the register file: an edited path read back whole
 * (steps in their order, answers, fallbacks), a stale save between two
 * connections refused, the change log, delete and restore, and a failed
 * save that leaves everything as it was.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>
#include <sqlite3.h>

#include "sam-actor-json.h"
#include "sam-errors.h"
#include "sam-store.h"
#include "sam-test-util.h"

#define ADULT "trafficking-adult"

typedef struct {
  char *dir;
  SamStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  sam_store_set_user (f->store, "Anna Berg");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

static SamStore *
open_second (Fixture *f)
{
  SamStore *second = sam_test_open_store (f->dir, "register.sqlite", FALSE);

  sam_store_set_user (second, "Björn Ek");
  return second;
}

static SamEscalationPath *
load (SamStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  SamEscalationPath *path = sam_store_load_path (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (path);
  return path;
}

static void
assert_paths_equal (SamEscalationPath *a, SamEscalationPath *b)
{
  g_autofree char *ja = sam_path_to_json_text (a);
  g_autofree char *jb = sam_path_to_json_text (b);

  g_assert_cmpstr (ja, ==, jb);
}

static guint
count_changes (SamStore *store, const char *id)
{
  g_autoptr(GPtrArray) changes = sam_store_list_changes (store, "path", id, NULL);

  return changes->len;
}

static SamEscalationStep *
step_at (SamEscalationPath *path, guint i)
{
  return g_ptr_array_index (sam_escalation_path_get_steps (path), i);
}

/* Everything the editor changes survives a save and a read through another
 * connection: texts, steps moved and removed and added, answers, fallbacks. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(SamEscalationPath) path = load (f->store, ADULT);
  g_autoptr(SamEscalationStep) note = sam_escalation_step_new (ADULT "-s15", SAM_STEP_KIND_NOTE);
  g_autoptr(SamStore) second = NULL;
  g_autoptr(SamEscalationPath) back = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  SamEscalationStep *s7 = sam_escalation_path_find_step (path, ADULT "-s7");
  SamEscalationStep *s5 = sam_escalation_path_find_step (path, ADULT "-s5");
  SamStepAnswer *answer;
  SamEscalationStep *last;

  g_assert_cmpuint (steps->len, ==, 12);
  sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_EN, "Trafficking, adult (edited)");
  sam_escalation_path_set_situation (path, SAM_SITUATION_OTHER);
  sam_escalation_path_set_area (path, "2480");

  /* fallbacks: reversed, and a third one */
  g_ptr_array_remove_index (sam_escalation_step_get_fallbacks (s7), 0);
  sam_escalation_step_add_fallback (s7, "umea-socialjour", "umea-socialjour-professional");
  sam_escalation_step_add_fallback (s7, "emergency-112", NULL);
  sam_text_set (sam_escalation_step_get_legal_ref (s7), SAM_LANG_SV, "7 kap. 2 § OSL");

  /* an answer that hands over to another path, with new labels */
  answer = g_ptr_array_index (sam_escalation_step_get_answers (s5), 1);
  g_clear_pointer (&answer->next, g_free);
  answer->path = g_strdup ("trafficking-child");
  sam_text_set (&answer->label, SAM_LANG_EN, "No — see the child path");

  /* the last step leads to a new note, which then moves up one place */
  last = step_at (path, 11);
  sam_escalation_step_set_next (last, ADULT "-s15");
  sam_text_set (sam_escalation_step_get_text (note), SAM_LANG_SV, "Ny anteckning");
  sam_text_set (sam_escalation_step_get_text (note), SAM_LANG_EN, "New note");
  g_ptr_array_insert (steps, 11, g_object_ref (note));

  /* a role changed: another kind, tag, route kind and scope */
  {
    g_autoptr(SamStepRole) role = sam_step_role_new (SAM_ACTOR_KIND_POLICE, "Region Nord",
                                                     SAM_ROLE_SCOPE_COUNTY);
    sam_step_role_set_route_kind (role, SAM_ROUTE_KIND_PHONE);
    sam_escalation_step_set_role (s7, role);
  }

  g_assert_true (sam_store_update_path (f->store, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_escalation_path_get_revision (path), ==, 2);
  g_assert_cmpstr (sam_escalation_path_get_updated_by (path), ==, "Anna Berg");

  second = open_second (f);
  back = load (second, ADULT);
  assert_paths_equal (path, back);
  g_assert_cmpuint (sam_escalation_path_get_steps (back)->len, ==, 13);
  g_assert_cmpstr (sam_escalation_step_get_id (step_at (back, 11)), ==, ADULT "-s15");
  g_assert_cmpstr (sam_escalation_step_get_id (step_at (back, 12)), ==, ADULT "-s14");
  s7 = sam_escalation_path_find_step (back, ADULT "-s7");
  {
    const SamStepRole *role = sam_escalation_step_get_role (s7);

    g_assert_nonnull (role);
    g_assert_cmpint (role->kind, ==, SAM_ACTOR_KIND_POLICE);
    g_assert_cmpstr (role->tag, ==, "Region Nord");
    g_assert_true (role->has_route_kind);
    g_assert_cmpint (role->route_kind, ==, SAM_ROUTE_KIND_PHONE);
    g_assert_cmpint (role->scope, ==, SAM_ROLE_SCOPE_COUNTY);
    g_assert_null (sam_escalation_step_get_role (step_at (back, 11)));
  }
  g_assert_cmpuint (sam_escalation_step_get_fallbacks (s7)->len, ==, 3);
  g_assert_cmpstr (((SamStepFallback *) g_ptr_array_index (sam_escalation_step_get_fallbacks (s7), 0))->actor_id,
                   ==, "polisen");
  g_assert_null (((SamStepFallback *) g_ptr_array_index (sam_escalation_step_get_fallbacks (s7), 2))->route_id);
  answer = g_ptr_array_index (sam_escalation_step_get_answers (sam_escalation_path_find_step (back, ADULT "-s5")), 1);
  g_assert_null (answer->next);
  g_assert_cmpstr (answer->path, ==, "trafficking-child");

  /* a step taken out is gone, with its answers */
  g_ptr_array_remove_index (sam_escalation_path_get_steps (back), 0);
  sam_escalation_path_set_start (back, ADULT "-s2");
  g_assert_true (sam_store_update_path (second, back, &error));
  g_assert_no_error (error);
  g_clear_object (&path);
  path = load (f->store, ADULT);
  g_assert_cmpuint (sam_escalation_path_get_steps (path)->len, ==, 12);
  g_assert_null (sam_escalation_path_find_step (path, ADULT "-s1"));
  g_assert_cmpstr (sam_escalation_path_get_start (path), ==, ADULT "-s2");
}

static void
test_stale (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) second = open_second (f);
  g_autoptr(SamEscalationPath) mine = load (f->store, ADULT);
  g_autoptr(SamEscalationPath) theirs = load (second, ADULT);
  g_autoptr(SamEscalationPath) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = count_changes (f->store, ADULT);

  sam_text_set (sam_escalation_path_get_title (mine), SAM_LANG_EN, "Saved first");
  g_assert_true (sam_store_update_path (f->store, mine, &error));
  g_assert_no_error (error);

  sam_text_set (sam_escalation_path_get_title (theirs), SAM_LANG_EN, "Saved second");
  g_ptr_array_set_size (sam_escalation_path_get_steps (theirs), 3);
  g_assert_false (sam_store_update_path (second, theirs, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_STALE);
  /* the message says who changed it, and that nothing was saved */
  g_assert_nonnull (strstr (error->message, "Anna Berg"));
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_assert_cmpint (sam_escalation_path_get_revision (theirs), ==, 1);

  stored = load (second, ADULT);
  assert_paths_equal (mine, stored);
  g_assert_cmpuint (sam_escalation_path_get_steps (stored)->len, ==, 12);
  /* one row for the save, none for the refused one */
  g_assert_cmpuint (count_changes (f->store, ADULT), ==, changes + 1);
}

static void
test_change_log (Fixture *f, gconstpointer data)
{
  g_autoptr(SamEscalationPath) path = load (f->store, ADULT);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  SamChange *c;

  sam_text_set (sam_escalation_path_get_summary (path), SAM_LANG_SV, "Ny sammanfattning");
  g_assert_true (sam_store_update_path (f->store, path, &error));
  g_assert_no_error (error);

  changes = sam_store_list_changes (f->store, "path", ADULT, &error);
  g_assert_no_error (error);
  c = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (c->op, ==, "update");
  g_assert_cmpstr (c->who, ==, "Anna Berg");
  g_assert_cmpint (c->revision, ==, 2);
  g_assert_nonnull (c->before);
  g_assert_nonnull (c->after);
  g_assert_null (strstr (c->before, "Ny sammanfattning"));
  g_assert_nonnull (strstr (c->after, "Ny sammanfattning"));
  /* the copies are whole paths, steps included */
  g_assert_nonnull (strstr (c->before, ADULT "-s14"));
  g_assert_nonnull (strstr (c->after, ADULT "-s14"));
}

static void
test_delete_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(SamEscalationPath) before = load (f->store, ADULT);
  g_autoptr(SamEscalationPath) back = NULL;
  g_autoptr(SamEscalationPath) gone = NULL;
  g_autoptr(GPtrArray) all = sam_store_list_paths (f->store, NULL);
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  guint n = all->len;

  /* a delete based on an old revision is refused */
  g_assert_false (sam_store_delete_path (f->store, ADULT, 7, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_STALE);
  g_clear_error (&error);

  g_assert_true (sam_store_delete_path (f->store, ADULT, 1, &error));
  g_assert_no_error (error);
  rest = sam_store_list_paths (f->store, NULL);
  g_assert_cmpuint (rest->len, ==, n - 1);
  for (guint i = 0; i < rest->len; i++)
    g_assert_cmpstr (sam_escalation_path_get_id (g_ptr_array_index (rest, i)), !=, ADULT);
  gone = sam_store_load_path (f->store, ADULT, &error);
  g_assert_null (gone);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sam_store_restore_path (f->store, ADULT, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rest, g_ptr_array_unref);
  rest = sam_store_list_paths (f->store, NULL);
  g_assert_cmpuint (rest->len, ==, n);
  back = load (f->store, ADULT);
  g_assert_cmpint (sam_escalation_path_get_revision (back), ==, 3);
  /* all of it is back: the same steps, answers and fallbacks */
  sam_escalation_path_set_revision (before, 3);
  sam_escalation_path_set_updated (before, sam_escalation_path_get_updated_at (back),
                                   sam_escalation_path_get_updated_by (back));
  assert_paths_equal (before, back);

  changes = sam_store_list_changes (f->store, "path", ADULT, NULL);
  g_assert_cmpstr (((SamChange *) g_ptr_array_index (changes, 0))->op, ==, "restore");
  g_assert_cmpstr (((SamChange *) g_ptr_array_index (changes, 1))->op, ==, "delete");
  g_assert_nonnull (((SamChange *) g_ptr_array_index (changes, 1))->before);
}

/* A save that fails half way (a step id used twice in the path) changes
 * nothing: not the path, not its steps, not the change log. */
static void
test_failed_save (Fixture *f, gconstpointer data)
{
  g_autoptr(SamEscalationPath) path = load (f->store, ADULT);
  g_autoptr(SamEscalationPath) stored = NULL;
  g_autoptr(SamEscalationPath) original = load (f->store, ADULT);
  g_autoptr(SamEscalationStep) clash = sam_escalation_step_new (ADULT "-s1", SAM_STEP_KIND_NOTE);
  g_autoptr(GError) error = NULL;
  guint changes = count_changes (f->store, ADULT);

  sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_EN, "Never saved");
  sam_escalation_path_add_step (path, clash);
  g_assert_false (sam_store_update_path (f->store, path, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ADULT "-s1"));
  g_assert_cmpint (sam_escalation_path_get_revision (path), ==, 1);

  stored = load (f->store, ADULT);
  assert_paths_equal (original, stored);
  g_assert_cmpuint (count_changes (f->store, ADULT), ==, changes);
}

/* A path past the exchange format's limits is refused with its title,
 * whether new or changed, so every path kept here can be exported and
 * read back by another register; nothing is written. */
static void
test_size_limits (Fixture *f, gconstpointer data)
{
  g_autoptr(SamEscalationPath) path = load (f->store, ADULT);
  g_autoptr(SamEscalationPath) stored = NULL;
  g_autoptr(SamEscalationPath) original = load (f->store, ADULT);
  g_autoptr(SamEscalationPath) fresh = sam_escalation_path_new ("long-path");
  g_autoptr(GError) error = NULL;
  guint changes = count_changes (f->store, ADULT);
  guint have = sam_escalation_path_get_steps (path)->len;

  for (guint i = have; i <= SAM_PATH_MAX_STEPS; i++)
    {
      g_autofree char *id = g_strdup_printf (ADULT "-extra-%u", i);
      g_autoptr(SamEscalationStep) note = sam_escalation_step_new (id, SAM_STEP_KIND_NOTE);

      sam_text_set (sam_escalation_step_get_text (note), SAM_LANG_EN, "One more note");
      sam_escalation_path_add_step (path, note);
    }
  g_assert_false (sam_store_update_path (f->store, path, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "101 steps"));
  g_assert_nonnull (strstr (error->message, "at most 100"));
  stored = load (f->store, ADULT);
  assert_paths_equal (original, stored);
  g_assert_cmpuint (count_changes (f->store, ADULT), ==, changes);
  g_clear_error (&error);

  /* a new path, and a question with eleven answers */
  sam_escalation_path_set_situation (fresh, SAM_SITUATION_OTHER);
  sam_text_set (sam_escalation_path_get_title (fresh), SAM_LANG_EN, "Too many answers");
  {
    g_autoptr(SamEscalationStep) question = sam_escalation_step_new ("q", SAM_STEP_KIND_QUESTION);

    sam_text_set (sam_escalation_step_get_text (question), SAM_LANG_EN, "Which?");
    for (guint i = 0; i <= SAM_STEP_MAX_ANSWERS; i++)
      {
        g_autofree char *label = g_strdup_printf ("Answer %u", i);
        SamStepAnswer *answer = sam_escalation_step_add_answer (question, NULL, NULL);

        sam_text_set (&answer->label, SAM_LANG_EN, label);
      }
    sam_escalation_path_add_step (fresh, question);
    sam_escalation_path_set_start (fresh, "q");
  }
  g_assert_false (sam_store_insert_path (f->store, fresh, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Too many answers"));
  g_assert_nonnull (strstr (error->message, "11 answers"));
  g_assert_null (sam_store_load_path (f->store, "long-path", NULL));
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *file = g_build_filename (f->dir, "register.sqlite", NULL);
  g_autoptr(SamStore) reader = sam_store_open_read_only (file, NULL);
  g_autoptr(SamEscalationPath) path = load (reader, ADULT);
  g_autoptr(GError) error = NULL;

  sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_EN, "Never saved");
  g_assert_false (sam_store_update_path (reader, path, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (sam_store_delete_path (reader, ADULT, -1, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY);
}

/* The actors to choose from: the live ones, named and ordered as the full
 * list has them; a deleted one is not among them. */
static void
test_actor_choices (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_delete_actor (f->store, "barnahus-vasterbotten", -1, &error));
  g_assert_no_error (error);
  full = sam_store_list_actors (f->store, NULL);
  choices = sam_store_list_actor_choices (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, full->len);
  for (guint i = 0; i < full->len; i++)
    {
      SamActor *a = g_ptr_array_index (full, i);
      SamActor *b = g_ptr_array_index (choices, i);

      g_assert_cmpstr (sam_actor_get_id (a), ==, sam_actor_get_id (b));
      g_assert_true (sam_text_equal (sam_actor_get_name (a), sam_actor_get_name (b)));
      g_assert_cmpstr (sam_actor_get_id (b), !=, "barnahus-vasterbotten");
    }
}

/* A copy of @path under another id, its steps keeping their ids. */
static SamEscalationPath *
copy_path_as (SamEscalationPath *path, const char *id)
{
  SamEscalationPath *copy = sam_escalation_path_new (id);
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  sam_escalation_path_set_situation (copy, sam_escalation_path_get_situation (path));
  sam_escalation_path_set_area (copy, sam_escalation_path_get_area (path));
  sam_escalation_path_set_start (copy, sam_escalation_path_get_start (path));
  sam_text_copy (sam_escalation_path_get_title (copy), sam_escalation_path_get_title (path));
  for (guint i = 0; i < steps->len; i++)
    {
      g_autoptr(SamEscalationStep) step = sam_escalation_step_copy (g_ptr_array_index (steps, i));
      sam_escalation_path_add_step (copy, step);
    }
  return copy;
}

static char *
steps_json (SamEscalationPath *path)
{
  g_autoptr(JsonNode) node = sam_path_to_json (path);
  JsonNode *steps = json_object_get_member (json_node_get_object (node), "steps");
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, steps);
  return json_generator_to_data (gen, NULL);
}

/* Step ids are unique within a path: two paths may both have a step
 * "…-s1", each keeping its own answers and fallbacks, and saving or
 * deleting one leaves the other's steps as they were. */
static void
test_step_ids_per_path (Fixture *f, gconstpointer data)
{
  g_autoptr(SamEscalationPath) adult = load (f->store, ADULT);
  g_autoptr(SamEscalationPath) copy = copy_path_as (adult, "second-path");
  g_autoptr(SamEscalationPath) stored = NULL;
  g_autoptr(SamEscalationPath) again = NULL;
  g_autofree char *adult_steps = steps_json (adult);
  g_autofree char *stored_steps = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_insert_path (f->store, copy, &error));
  g_assert_no_error (error);
  stored = load (f->store, "second-path");
  stored_steps = steps_json (stored);
  g_assert_cmpstr (stored_steps, ==, adult_steps);

  /* an edit of the copy's first step is the copy's alone */
  sam_text_set (sam_escalation_step_get_text (step_at (stored, 0)), SAM_LANG_EN, "Only here");
  sam_escalation_step_add_fallback (step_at (stored, 1), "polisen", NULL);
  g_assert_true (sam_store_update_path (f->store, stored, &error));
  g_assert_no_error (error);
  again = load (f->store, ADULT);
  assert_paths_equal (again, adult);
  g_clear_object (&again);
  again = load (f->store, "second-path");
  g_assert_cmpstr (sam_text_get (sam_escalation_step_get_text (step_at (again, 0)), SAM_LANG_EN),
                   ==, "Only here");
  g_assert_cmpuint (sam_escalation_step_get_fallbacks (step_at (again, 1))->len, ==,
                    sam_escalation_step_get_fallbacks (step_at (adult, 1))->len + 1);

  g_assert_true (sam_store_delete_path (f->store, "second-path", -1, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = load (f->store, ADULT);
  assert_paths_equal (again, adult);
}

static void
exec_sql (const char *file, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (file, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

/* A register of format 9 (steps keyed by their id alone) comes up to
 * the current format with every step, answer and fallback where it was. */
static void
test_step_migration (Fixture *f, gconstpointer data)
{
  g_autofree char *file = g_build_filename (f->dir, "register.sqlite", NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* a register of format 9 had no roles (migration 011) */
  exec_sql (file, "UPDATE escalation_step SET role_kind = NULL, role_tag = NULL,"
                  " role_route = NULL, role_scope = NULL;");
  before = sam_store_list_paths (f->store, NULL);
  g_clear_object (&f->store);
  exec_sql (file,
      "PRAGMA foreign_keys = OFF;"
      "CREATE TABLE s AS SELECT * FROM escalation_step;"
      "CREATE TABLE a AS SELECT * FROM step_answer;"
      "CREATE TABLE fb AS SELECT * FROM step_fallback;"
      "DROP TABLE step_answer; DROP TABLE step_fallback; DROP TABLE escalation_step;"
      "CREATE TABLE escalation_step (id TEXT PRIMARY KEY, path_id TEXT NOT NULL REFERENCES"
      "  escalation_path (id) ON DELETE CASCADE, position INTEGER NOT NULL, kind TEXT NOT NULL,"
      "  text_sv TEXT, text_en TEXT, legal_ref_sv TEXT, legal_ref_en TEXT, actor_id TEXT,"
      "  route_id TEXT, urgency TEXT, next_step TEXT);"
      "CREATE TABLE step_answer (step_id TEXT NOT NULL REFERENCES escalation_step (id)"
      "  ON DELETE CASCADE, position INTEGER NOT NULL, label_sv TEXT, label_en TEXT,"
      "  next_step TEXT, next_path TEXT, PRIMARY KEY (step_id, position)) WITHOUT ROWID;"
      "CREATE TABLE step_fallback (step_id TEXT NOT NULL REFERENCES escalation_step (id)"
      "  ON DELETE CASCADE, position INTEGER NOT NULL, actor_id TEXT NOT NULL, route_id TEXT,"
      "  PRIMARY KEY (step_id, position)) WITHOUT ROWID;"
      "INSERT INTO escalation_step SELECT id, path_id, position, kind, text_sv, text_en,"
      "  legal_ref_sv, legal_ref_en, actor_id, route_id, urgency, next_step FROM s;"
      "INSERT INTO step_answer SELECT step_id, position, label_sv, label_en, next_step,"
      "  next_path FROM a;"
      "INSERT INTO step_fallback SELECT step_id, position, actor_id, route_id FROM fb;"
      "DROP TABLE s; DROP TABLE a; DROP TABLE fb;"
      "ALTER TABLE actor DROP COLUMN source; ALTER TABLE actor DROP COLUMN source_read;"
      "ALTER TABLE actor_language DROP COLUMN position;"
      "ALTER TABLE contact_route DROP COLUMN abroad;"
      "DROP TABLE search_phone;"
      "PRAGMA user_version = 9;");
  store = sam_store_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  after = sam_store_list_paths (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  /* format 9 had no roles: the steps come back without them */
  for (guint i = 0; i < before->len; i++)
    {
      GPtrArray *steps = sam_escalation_path_get_steps (g_ptr_array_index (before, i));

      for (guint k = 0; k < steps->len; k++)
        sam_escalation_step_set_role (g_ptr_array_index (steps, k), NULL);
    }
  for (guint i = 0; i < before->len; i++)
    assert_paths_equal (g_ptr_array_index (before, i), g_ptr_array_index (after, i));
  f->store = g_steal_pointer (&store);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-paths/round-trip", test_round_trip);
  ADD ("/store-paths/stale", test_stale);
  ADD ("/store-paths/change-log", test_change_log);
  ADD ("/store-paths/delete-restore", test_delete_restore);
  ADD ("/store-paths/failed-save", test_failed_save);
  ADD ("/store-paths/size-limits", test_size_limits);
  ADD ("/store-paths/read-only", test_read_only);
  ADD ("/store-paths/actor-choices", test_actor_choices);
  ADD ("/store-paths/step-ids-per-path", test_step_ids_per_path);
  ADD ("/store-paths/step-migration", test_step_migration);
#undef ADD

  return g_test_run ();
}
