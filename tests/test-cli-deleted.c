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

#include "sam-test-cli.h"
#include "sam-test-util.h"

#define ACTOR "nus-akutmottagning"

typedef struct {
  SamTestCli cli;
  char *reg;
} Fixture;

static void
set_now (Fixture *f, const char *now)
{
  sam_test_cli_setenv (&f->cli, "SAMVERKAN_NOW", now);
  g_setenv ("SAMVERKAN_NOW", now, TRUE);   /* for the deletes this process makes */
}

static void
set_up (Fixture *f, gconstpointer data)
{
  sam_test_cli_init (&f->cli);
  set_now (f, SAM_TEST_CLI_NOW);
  f->reg = sam_test_cli_new_sample (&f->cli, "register.sqlite");
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  sam_test_cli_clear (&f->cli);
  g_free (f->reg);
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

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "deleted", "--json"), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->cli.out, -1, &error));
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
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "deleted"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Nothing has been deleted"));
  g_assert_cmpuint (count_json (f), ==, 0);

  delete_actor (f, ACTOR);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "deleted"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, ACTOR));
  g_assert_nonnull (strstr (f->cli.out, "Norrland University Hospital"));
  g_assert_nonnull (strstr (f->cli.out, "Anna Berg"));
  /* when, in Swedish time as the app shows it */
  g_assert_nonnull (strstr (f->cli.out, "2026-11-25 12:00"));
  g_assert_cmpuint (count_json (f), ==, 1);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "show", ACTOR), ==, 1);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "restore", ACTOR), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, ACTOR));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "show", ACTOR), ==, 0);
  g_assert_cmpuint (count_json (f), ==, 0);

  /* a live record or an unknown id: a clear error, exit 2 */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "restore", ACTOR), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "not deleted"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "restore",
                                     "no-such-thing"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "no-such-thing"));
  /* a number is still a copy of the register, and there is none */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "restore", "7"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "not the number of a copy"));
}

static void
test_purge (Fixture *f, gconstpointer data)
{
  int checked = sam_test_cli_run (&f->cli, "--register", f->reg, "check");

  delete_actor (f, ACTOR);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "purge"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "--older-than"));
  /* ten days later: a 30-day retention keeps it */
  set_now (f, "2026-12-05T12:00:00+01:00");
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "purge",
                                     "--older-than", "30"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Purged 0 deleted records"));
  g_assert_cmpuint (count_json (f), ==, 1);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "purge",
                                     "--older-than", "7"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Purged 1 deleted record."));
  g_assert_cmpuint (count_json (f), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "restore", ACTOR), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "purged"));
  /* the register stays as sound as it was */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "check"), ==, checked);
  g_assert_null (strstr (f->cli.out, "integrity"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-deleted/deleted-restore", Fixture, NULL, set_up, test_deleted_restore, tear_down);
  g_test_add ("/cli-deleted/purge", Fixture, NULL, set_up, test_purge, tear_down);
  return g_test_run ();
}
