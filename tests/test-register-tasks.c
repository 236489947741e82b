/* test-register-tasks.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The long work on a register as _async/_finish calls: each completes and
 * leaves what its sync call leaves; cancelled, each fails with
 * G_IO_ERROR_CANCELLED and the register and the files are as they were.
 */
#include <gio/gio.h>
#include <string.h>

#include "sam-backups.h"
#include "sam-export-filter.h"
#include "sam-follow.h"
#include "sam-register-tasks.h"
#include "sam-register-xml.h"
#include "sam-store.h"
#include "sam-test-util.h"

typedef struct {
  char *dir;
  SamStore *a;          /* the sample register */
  SamStore *b;          /* an empty one */
  GFile *exchange;      /* what a exported */
  GAsyncResult *result;
  GCancellable *cancelled;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sam_test_make_dir ();
  f->a = sam_test_open_store (f->dir, "a.sqlite", TRUE);
  f->b = sam_test_open_store (f->dir, "b.sqlite", FALSE);
  path = g_build_filename (f->dir, "a.xml", NULL);
  f->exchange = g_file_new_for_path (path);
  g_assert_true (sam_export_to_file (f->a, NULL, f->exchange, NULL, &error));
  g_assert_no_error (error);
  f->cancelled = g_cancellable_new ();
  g_cancellable_cancel (f->cancelled);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->result);
  g_clear_object (&f->cancelled);
  g_clear_object (&f->exchange);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Fixture *f = data;

  g_assert_null (f->result);
  f->result = g_object_ref (result);
}

/* Runs the main loop until the callback has run (at most 30 s). */
static GAsyncResult *
wait_for_result (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_clear_object (&f->result);
  while (f->result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return f->result;
}

static GFile *
file_in (Fixture *f, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  return g_file_new_for_path (path);
}

static gint64
count_actors (SamStore *store)
{
  sam_store_check_for_changes (store);
  return sam_store_count_actors (store);
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_cmpint (count_actors (f->a), >, 0);
  sam_store_import_file_async (f->b, f->exchange, f->cancelled, done_cb, f);
  g_assert_false (sam_store_import_file_finish (f->b, wait_for_result (f), &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (sam_store_is_empty (f->b));
  g_clear_error (&error);

  sam_store_import_file_async (f->b, f->exchange, NULL, done_cb, f);
  g_assert_true (sam_store_import_file_finish (f->b, wait_for_result (f), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, count_actors (f->a));
  g_assert_cmpint (count_actors (f->b), ==, count_actors (f->a));
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = file_in (f, "out.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(SamRegisterData) read = NULL;
  gsize length;

  sam_store_export_file_async (f->a, NULL, file, f->cancelled, done_cb, f);
  g_assert_false (sam_store_export_file_finish (f->a, wait_for_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_query_exists (file, NULL));
  g_clear_error (&error);

  sam_store_export_file_async (f->a, NULL, file, NULL, done_cb, f);
  g_assert_true (sam_store_export_file_finish (f->a, wait_for_result (f), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, &error));
  read = sam_register_xml_parse (contents, length, "out.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->actors->len, ==, count_actors (f->a));
}

static void
test_export_filter (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = file_in (f, "public.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  SamExportFilter filter;

  sam_export_filter_init (&filter);
  filter.audience = SAM_VISIBILITY_PUBLIC;
  sam_store_export_file_async (f->a, &filter, file, NULL, done_cb, f);
  g_assert_true (sam_store_export_file_finish (f->a, wait_for_result (f), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_nonnull (strstr (contents, "audience=\"public\""));
  g_assert_null (strstr (contents, "visibility=\"professional\""));
}

static void
test_save_copy (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = file_in (f, "copy.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) copy = NULL;
  g_autofree char *path = g_file_get_path (file);

  sam_store_save_copy_async (f->a, file, f->cancelled, done_cb, f);
  g_assert_false (sam_store_save_copy_finish (f->a, wait_for_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_query_exists (file, NULL));
  g_clear_error (&error);

  sam_store_save_copy_async (f->a, file, NULL, done_cb, f);
  g_assert_true (sam_store_save_copy_finish (f->a, wait_for_result (f), &error));
  g_assert_no_error (error);
  copy = sam_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_actors (copy), ==, count_actors (f->a));
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamBackup) backup = sam_backups_create (f->a, "import", &error);
  gint64 before = count_actors (f->a);
  g_autoptr(SamActor) gone = NULL;

  g_assert_no_error (error);
  /* a change after the copy: an actor deleted */
  {
    g_autoptr(GPtrArray) all = sam_store_list_actors (f->a, &error);

    g_assert_no_error (error);
    gone = g_object_ref (g_ptr_array_index (all, 0));
    g_assert_true (sam_store_delete_actor (f->a, sam_actor_get_id (gone),
                                           sam_actor_get_revision (gone), &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_actors (f->a), ==, before - 1);

  sam_backups_restore_async (f->a, backup, f->cancelled, done_cb, f);
  g_assert_false (sam_backups_restore_finish (f->a, wait_for_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_actors (f->a), ==, before - 1);
  g_clear_error (&error);

  sam_backups_restore_async (f->a, backup, NULL, done_cb, f);
  g_assert_true (sam_backups_restore_finish (f->a, wait_for_result (f), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_actors (f->a), ==, before);
}

static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMergePlan) plan = NULL;
  gint64 n = count_actors (f->a);

  sam_merge_plan_new_for_file_async (f->b, f->exchange, f->cancelled, done_cb, f);
  g_assert_null (sam_merge_plan_new_for_file_finish (f->b, wait_for_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  sam_merge_plan_new_for_file_async (f->b, f->exchange, NULL, done_cb, f);
  plan = sam_merge_plan_new_for_file_finish (f->b, wait_for_result (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  /* every actor and path of the file is new here */
  g_assert_cmpuint (sam_merge_plan_get_data (plan)->actors->len, ==, n);
  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_NEW), ==,
                    n + sam_merge_plan_get_data (plan)->paths->len);
  /* the plan kept no connection: only the async call applies it */
  g_test_expect_message ("sam-merge", G_LOG_LEVEL_CRITICAL, "*plan->store != NULL*");
  g_assert_false (sam_merge_plan_apply (plan, FALSE, NULL));
  g_test_assert_expected_messages ();

  sam_merge_plan_apply_async (plan, TRUE, f->cancelled, done_cb, f);
  g_assert_false (sam_merge_plan_apply_finish (plan, wait_for_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (sam_store_is_empty (f->b));
  g_clear_error (&error);

  sam_merge_plan_apply_async (plan, TRUE, NULL, done_cb, f);
  g_assert_true (sam_merge_plan_apply_finish (plan, wait_for_result (f), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_actors (f->b), ==, n);
}

static void
test_follow (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *path = g_file_get_path (f->exchange);

  sam_follow_sync_async (f->b, path, TRUE, f->cancelled, done_cb, f);
  g_assert_null (sam_follow_sync_finish (f->b, wait_for_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (sam_store_is_empty (f->b));
  list = sam_follow_list (f->b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  sam_follow_sync_async (f->b, path, TRUE, NULL, done_cb, f);
  plan = sam_follow_sync_finish (f->b, wait_for_result (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (sam_merge_plan_get_data (plan)->actors->len, ==, count_actors (f->a));
  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_NEW), >, count_actors (f->a));
  g_assert_cmpint (count_actors (f->b), ==, count_actors (f->a));
  list = sam_follow_list (f->b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/register-tasks/import", test_import);
  ADD ("/register-tasks/export", test_export);
  ADD ("/register-tasks/export-filter", test_export_filter);
  ADD ("/register-tasks/save-copy", test_save_copy);
  ADD ("/register-tasks/restore", test_restore);
  ADD ("/register-tasks/merge", test_merge);
  ADD ("/register-tasks/follow", test_follow);
  return g_test_run ();
}
