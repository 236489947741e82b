/* test-backups.c
 *
 * The safety net: copies with SQLite's online backup, the last ten kept,
 * newest first, a restore that is itself backed up first and that other
 * connections see; failed imports that leave the list as it was; and
 * `samverkan-cli backups` / `restore N`.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-backups.h"
#include "sam-errors.h"
#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-store.h"
#include "sam-test-cli.h"
#include "sam-test-util.h"

static char *
name_of (SamStore *store, const char *id)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, NULL);
  return actor ? g_strdup (sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV)) : NULL;
}

static void
rename_actor (SamStore *store, const char *id, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, &error);

  g_assert_no_error (error);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, name);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

static void
test_create_list_prune (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(SamStore) store = sam_test_open_store (dir, "r.sqlite", TRUE);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = sam_backups_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  for (guint i = 0; i < 13; i++)
    {
      g_autofree char *name = g_strdup_printf ("Polisen %u", i);
      g_autoptr(SamBackup) backup = NULL;

      rename_actor (store, "polisen", name);
      backup = sam_backups_create (store, "import", &error);
      g_assert_no_error (error);
      g_assert_nonnull (backup);
      g_assert_true (g_file_test (backup->path, G_FILE_TEST_IS_REGULAR));
    }
  list = sam_backups_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, SAM_BACKUPS_KEEP);
  for (guint i = 0; i < list->len; i++)
    {
      SamBackup *backup = g_ptr_array_index (list, i);
      g_autoptr(SamStore) copy = sam_store_open_read_only (backup->path, &error);
      g_autofree char *expected = g_strdup_printf ("Polisen %u", 12 - i);
      g_autofree char *name = NULL;
      g_autofree char *text = sam_backup_describe (backup);

      g_assert_no_error (error);
      name = name_of (copy, "polisen");
      g_assert_cmpstr (name, ==, expected);
      g_assert_nonnull (strstr (text, "before an import"));
    }
  g_clear_object (&store);
  sam_test_remove_dir (dir);
}

static void
test_restore (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(SamStore) store = sam_test_open_store (dir, "r.sqlite", TRUE);
  g_autoptr(SamStore) other = NULL;
  g_autoptr(SamBackup) backup = NULL;
  g_autoptr(SamBackup) undo = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *seen = NULL;

  rename_actor (store, "polisen", "Före");
  backup = sam_backups_create (store, "import", &error);
  g_assert_no_error (error);
  rename_actor (store, "polisen", "Efter");
  other = sam_store_open (sam_store_get_path (store), &error);
  g_assert_no_error (error);

  g_assert_true (sam_backups_restore (store, backup, &undo, &error));
  g_assert_no_error (error);
  name = name_of (store, "polisen");
  g_assert_cmpstr (name, ==, "Före");
  /* another connection (another window, the CLI) sees it */
  g_assert_true (sam_store_check_for_changes (other));
  seen = name_of (other, "polisen");
  g_assert_cmpstr (seen, ==, "Före");
  /* the register as it was is copied first: the restore can be undone */
  g_assert_nonnull (undo);
  g_assert_cmpstr (undo->reason, ==, "restore");
  list = sam_backups_list (store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SamBackup *) g_ptr_array_index (list, 0))->path, ==, undo->path);
  g_assert_true (sam_backups_restore (store, undo, NULL, &error));
  g_clear_pointer (&name, g_free);
  name = name_of (store, "polisen");
  g_assert_cmpstr (name, ==, "Efter");

  g_clear_object (&other);
  g_clear_object (&store);
  sam_test_remove_dir (dir);
}

/* samverkan-cli backups / restore N */
static void
test_cli (void)
{
  SamTestCli cli;
  g_autoptr(SamStore) store = NULL;
  g_autofree char *reg = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("SAMVERKAN_CLI") == NULL)
    {
      g_test_skip ("SAMVERKAN_CLI is not set");
      return;
    }
  sam_test_cli_init (&cli);
  store = sam_test_open_store (cli.dir, "r.sqlite", TRUE);
  reg = g_strdup (sam_store_get_path (store));
  g_assert_cmpint (sam_test_cli_run (&cli, "--register", reg, "backups"), ==, 1);
  g_assert_nonnull (strstr (cli.err, "no copies"));

  rename_actor (store, "polisen", "Kopierad");
  {
    g_autoptr(SamBackup) backup = sam_backups_create (store, "import", &error);
    g_assert_nonnull (backup);
  }
  rename_actor (store, "polisen", "Senare");
  g_clear_object (&store);

  g_assert_cmpint (sam_test_cli_run (&cli, "--register", reg, "backups"), ==, 0);
  g_assert_true (g_str_has_prefix (cli.out, "1  "));
  g_assert_nonnull (strstr (cli.out, "before an import"));
  g_assert_cmpint (sam_test_cli_run (&cli, "--register", reg, "restore", "7"), ==, 2);
  g_assert_nonnull (strstr (cli.err, "7"));
  g_assert_cmpint (sam_test_cli_run (&cli, "--register", reg, "restore", "x"), ==, 2);
  g_assert_cmpint (sam_test_cli_run (&cli, "--register", reg, "restore", "1"), ==, 0);
  g_assert_nonnull (strstr (cli.out, "restore"));

  store = sam_store_open (reg, &error);
  g_assert_no_error (error);
  name = name_of (store, "polisen");
  g_assert_cmpstr (name, ==, "Kopierad");
  {
    g_autoptr(GPtrArray) list = sam_backups_list (store, NULL);
    g_assert_cmpuint (list->len, ==, 2);
  }
  g_clear_object (&store);
  sam_test_cli_clear (&cli);
}

static GPtrArray *
backup_paths (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sam_backups_list (store, &error);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (paths, g_strdup (((SamBackup *) g_ptr_array_index (list, i))->path));
  return paths;
}

/* A file from another register with a new actor whose contact route has an
 * id this register already uses for another actor's route: the merge plans
 * it as new, and the write fails on the id. */
static SamRegisterData *
clashing_file (SamStore *store, guint n)
{
  g_autoptr(SamActor) police = sam_store_load_actor (store, "polisen", NULL);
  SamRegisterData *data = sam_register_data_new ();
  g_autofree char *id = g_strdup_printf ("clash-%u", n);
  g_autoptr(SamActor) actor = sam_actor_new (id);
  g_autoptr(SamContactRoute) route = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_nonnull (police);
  g_assert_cmpuint (sam_actor_get_routes (police)->len, >, 0);
  route = sam_contact_route_copy (g_ptr_array_index (sam_actor_get_routes (police), 0));
  sam_actor_set_kind (actor, SAM_ACTOR_KIND_OTHER);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, "Krock");
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Clash");
  sam_actor_add_area (actor, "SE");
  sam_actor_add_route (actor, route);
  sam_actor_set_revision (actor, 1);
  sam_actor_set_updated (actor, now, "other");
  g_ptr_array_add (data->actors, g_steal_pointer (&actor));
  data->source = g_strdup ("another-register");
  return data;
}

/* Ten imports that fail leave the copies as they were: no new copy, and
 * none of the old ones pushed out. */
static void
test_failed_imports_keep_copies (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(SamStore) store = sam_test_open_store (dir, "r.sqlite", TRUE);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *name = NULL;

  for (guint i = 0; i < SAM_BACKUPS_KEEP; i++)
    {
      g_autofree char *text = g_strdup_printf ("Polisen %u", i);
      g_autoptr(SamBackup) backup = NULL;

      rename_actor (store, "polisen", text);
      backup = sam_backups_create (store, "import", NULL);
      g_assert_nonnull (backup);
    }
  before = backup_paths (store);
  g_assert_cmpuint (before->len, ==, SAM_BACKUPS_KEEP);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;
      SamRegisterData *data = clashing_file (store, i);
      g_autoptr(SamMergePlan) plan = sam_merge_plan_new (store, data, "clash.xml", &error);

      g_assert_no_error (error);
      g_assert_nonnull (plan);
      g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_NEW), ==, 1);
      g_assert_false (sam_merge_plan_apply (plan, TRUE, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
    }
  after = backup_paths (store);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (g_ptr_array_index (after, i), ==, g_ptr_array_index (before, i));
  /* nothing came in either */
  g_assert_null (sam_store_load_actor (store, "clash-0", NULL));
  name = name_of (store, "polisen");
  g_assert_cmpstr (name, ==, "Polisen 9");
  g_clear_object (&store);
  sam_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  g_test_add_func ("/backups/create-list-prune", test_create_list_prune);
  g_test_add_func ("/backups/restore", test_restore);
  g_test_add_func ("/backups/cli", test_cli);
  g_test_add_func ("/backups/failed-imports-keep-copies", test_failed_imports_keep_copies);
  return g_test_run ();
}
