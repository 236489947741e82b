/* test-cli-deleted.c
 *
 * samverkan-cli deleted, restore ID and purge --older-than DAYS: what a
 * coordinator's script sees (rows, JSON, exit status), and that restore N
 * still brings back copy N of the register.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "sam-test-util.h"

#define ACTOR "nus-akutmottagning"

typedef struct {
  char *dir;
  char **env;
  char *reg;
  char *out;
  char *err;
} Fixture;

static int
run_v (Fixture *f, const char * const *args)
{
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  return sam_test_run_cli (f->env, &f->out, &f->err, args);
}

#define run(f, ...) run_v (f, (const char * const []) { "--register", f->reg, __VA_ARGS__, NULL })

static void
set_now (Fixture *f, const char *now)
{
  f->env = g_environ_setenv (f->env, "SAMVERKAN_NOW", now, TRUE);
  g_setenv ("SAMVERKAN_NOW", now, TRUE);   /* for the deletes this process makes */
}

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("SAMVERKAN_SOURCE_DIR"), "data",
                                              "sample-register.xml", NULL);

  f->dir = sam_test_make_dir ();
  f->reg = g_build_filename (f->dir, "register.sqlite", NULL);
  f->env = g_get_environ ();
  f->env = g_environ_setenv (f->env, "LANGUAGE", "en", TRUE);
  f->env = g_environ_setenv (f->env, "LC_ALL", "C.UTF-8", TRUE);
  set_now (f, "2026-11-25T12:00:00+01:00");
  g_assert_cmpint (run_v (f, (const char * const []) { "init", f->reg, NULL }), ==, 0);
  g_assert_cmpint (run (f, "import", sample), ==, 0);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->reg);
  g_free (f->out);
  g_free (f->err);
  g_strfreev (f->env);
}

static void
delete_actor (Fixture *f, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (f->reg, &error);
  g_autoptr(SamActor) actor = NULL;

  g_assert_no_error (error);
  sam_store_set_user (store, "Anna Berg");
  actor = sam_store_load_actor (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_delete_actor (store, id, sam_actor_get_revision (actor), &error));
  g_assert_no_error (error);
}

static guint
count_json (Fixture *f)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  g_assert_cmpint (run (f, "deleted", "--json"), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  if (json_array_get_length (array) > 0)
    {
      JsonObject *first = json_array_get_object_element (array, 0);

      g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, ACTOR);
      g_assert_cmpstr (json_object_get_string_member (first, "entity"), ==, "actor");
      g_assert_cmpstr (json_object_get_string_member (first, "deleted_by"), ==, "Anna Berg");
      g_assert_cmpstr (json_object_get_string_member (first, "deleted_at"), ==, "2026-11-25T11:00:00Z");
    }
  return json_array_get_length (array);
}

static void
test_deleted_restore (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (run (f, "deleted"), ==, 0);
  g_assert_nonnull (strstr (f->out, "Nothing has been deleted"));
  g_assert_cmpuint (count_json (f), ==, 0);

  delete_actor (f, ACTOR);
  g_assert_cmpint (run (f, "deleted"), ==, 0);
  g_assert_nonnull (strstr (f->out, ACTOR));
  g_assert_nonnull (strstr (f->out, "Norrland University Hospital"));
  g_assert_nonnull (strstr (f->out, "Anna Berg"));
  /* when, in Swedish time as the app shows it */
  g_assert_nonnull (strstr (f->out, "2026-11-25 12:00"));
  g_assert_cmpuint (count_json (f), ==, 1);
  g_assert_cmpint (run (f, "show", ACTOR), ==, 1);

  g_assert_cmpint (run (f, "restore", ACTOR), ==, 0);
  g_assert_nonnull (strstr (f->out, ACTOR));
  g_assert_cmpint (run (f, "show", ACTOR), ==, 0);
  g_assert_cmpuint (count_json (f), ==, 0);

  /* a live record or an unknown id: a clear error, exit 2 */
  g_assert_cmpint (run (f, "restore", ACTOR), ==, 2);
  g_assert_nonnull (strstr (f->err, "not deleted"));
  g_assert_cmpint (run (f, "restore", "no-such-thing"), ==, 2);
  g_assert_nonnull (strstr (f->err, "no-such-thing"));
  /* a number is still a copy of the register, and there is none */
  g_assert_cmpint (run (f, "restore", "7"), ==, 2);
  g_assert_nonnull (strstr (f->err, "not the number of a copy"));
}

static void
test_purge (Fixture *f, gconstpointer data)
{
  int checked = run (f, "check");

  delete_actor (f, ACTOR);
  g_assert_cmpint (run (f, "purge"), ==, 2);
  g_assert_nonnull (strstr (f->err, "--older-than"));
  /* ten days later: a 30-day retention keeps it */
  set_now (f, "2026-12-05T12:00:00+01:00");
  g_assert_cmpint (run (f, "purge", "--older-than", "30"), ==, 0);
  g_assert_nonnull (strstr (f->out, "Purged 0 deleted records"));
  g_assert_cmpuint (count_json (f), ==, 1);
  g_assert_cmpint (run (f, "purge", "--older-than", "7"), ==, 0);
  g_assert_nonnull (strstr (f->out, "Purged 1 deleted record."));
  g_assert_cmpuint (count_json (f), ==, 0);
  g_assert_cmpint (run (f, "restore", ACTOR), ==, 2);
  g_assert_nonnull (strstr (f->err, "purged"));
  /* the register stays as sound as it was */
  g_assert_cmpint (run (f, "check"), ==, checked);
  g_assert_null (strstr (f->out, "integrity"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-deleted/deleted-restore", Fixture, NULL, set_up, test_deleted_restore, tear_down);
  g_test_add ("/cli-deleted/purge", Fixture, NULL, set_up, test_purge, tear_down);
  return g_test_run ();
}
