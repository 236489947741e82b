/* sam-test-durability.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sam-register-xml.h"
#include "sam-test-durability.h"

#define DEFAULT_SEED 20261125

guint32
sam_test_durability_seed (guint32 scenario)
{
  const char *env = g_getenv ("SAMVERKAN_DURABILITY_SEED");
  guint32 seed = env && *env ? (guint32) g_ascii_strtoull (env, NULL, 10) : DEFAULT_SEED;

  return seed + scenario;
}

static GPid
spawn (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);
  return status;
}

/* Runs @argv to its end and returns how long that took, in µs. */
gint64
sam_test_run_to_end (const char * const *argv)
{
  gint64 start = g_get_monotonic_time ();
  int status = wait_child (spawn (argv));

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return g_get_monotonic_time () - start;
}

/* Starts @argv and sends it SIGKILL @delay µs later. TRUE when the signal
 * ended it; FALSE when it had already finished, successfully. */
gboolean
sam_test_run_and_kill (const char * const *argv, gint64 delay)
{
  gint64 start = g_get_monotonic_time ();
  GPid pid = spawn (argv);
  gint64 left = start + delay - g_get_monotonic_time ();
  int status;

  if (left > 0)
    g_usleep (left);
  /* a child that has finished stays a zombie until waited for, so its pid
   * cannot have been reused */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  status = wait_child (pid);
  if (WIFSIGNALED (status))
    {
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      return TRUE;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return FALSE;
}

char *
sam_test_read_sample_register (void)
{
  const char *source_dir = g_getenv ("SAMVERKAN_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (source_dir == NULL)
    return NULL;
  path = g_build_filename (source_dir, "data", "sample-register.xml", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The sample register with its actors copied @copies more times; in copy K
 * every actor id, parent and route id gets the suffix "-dK". The paths are
 * kept once and name the original actors. Returns the file's path. */
char *
sam_test_write_big_register (const char *dir, const char *sample, guint copies,
                             guint *n_actors, guint *n_paths)
{
  const char *open_tag = strstr (sample, "<actors>");
  const char *close_tag = strstr (sample, "</actors>");
  g_autoptr(GRegex) regex = g_regex_new ("\\b(id|parent)=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *block = NULL;
  g_autofree char *path = g_build_filename (dir, "big-register.xml", NULL);
  g_autoptr(SamRegisterData) data = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (open_tag);
  g_assert_nonnull (close_tag);
  open_tag += strlen ("<actors>");
  block = g_strndup (open_tag, close_tag - open_tag);
  g_string_append_len (out, sample, open_tag - sample);
  g_string_append (out, block);
  for (guint k = 1; k <= copies; k++)
    {
      g_autofree char *replacement = g_strdup_printf ("\\1=\"\\2-d%u\"", k);
      g_autofree char *copy = g_regex_replace (regex, block, -1, 0, replacement, 0, &error);

      g_assert_no_error (error);
      g_string_append (out, copy);
    }
  g_string_append (out, close_tag);

  /* the file must be one the importer accepts, or every run fails early */
  data = sam_register_xml_parse (out->str, out->len, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  *n_actors = data->actors->len;
  *n_paths = data->paths->len;
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}
