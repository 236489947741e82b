/* sam-test-util.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>
#include <glib/gstdio.h>

#include "sam-default-register.h"
#include "sam-test-util.h"

char *
sam_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("samverkan-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

SamStore *
sam_test_open_store (const char *dir, const char *name, gboolean sample)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (sample)
    {
      g_assert_true (sam_load_sample_register (store, &error));
      g_assert_no_error (error);
    }
  return store;
}

void
sam_test_remove_dir (const char *path)
{
  /* a test may have made a folder read-only; links are removed, not followed */
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          sam_test_remove_dir (child);
        }
    }
  g_remove (path);
}

int
sam_test_run_cli (char              **env,
                  char              **out,
                  char              **err,
                  const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int status = -1;

  g_assert_nonnull (g_getenv ("SAMVERKAN_CLI"));
  g_ptr_array_add (argv, (char *) g_getenv ("SAMVERKAN_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  line = g_strjoinv (" ", (char **) argv->pdata + 1);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &stdout_text, &stderr_text, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_test_message ("samverkan-cli %s → %d\n%s%s", line, WEXITSTATUS (status), stdout_text, stderr_text);
  if (out)
    *out = g_steal_pointer (&stdout_text);
  if (err)
    *err = g_steal_pointer (&stderr_text);
  return WEXITSTATUS (status);
}

void
sam_test_sample_set_up (SamTestSample *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  f->paths = sam_store_list_paths (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->paths->len, ==, 4);
}

void
sam_test_sample_tear_down (SamTestSample *f, gconstpointer data)
{
  g_ptr_array_unref (f->paths);
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

SamEscalationPath *
sam_test_sample_find_path (SamTestSample *f, const char *id)
{
  for (guint i = 0; i < f->paths->len; i++)
    if (g_str_equal (sam_escalation_path_get_id (g_ptr_array_index (f->paths, i)), id))
      return g_ptr_array_index (f->paths, i);
  g_assert_not_reached ();
}
