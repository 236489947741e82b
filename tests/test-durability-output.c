/* test-durability-output.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files written beside a register: an atomic file leaves the old file or
 * the whole new one, private, and no other file; a cancelled export keeps
 * the file it would have replaced; `samverkan-cli export` and `print`
 * killed at random moments (delays seeded as in test-durability.c) leave
 * the old output or a whole new one, and nothing else in the folder.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <glib/gstdio.h>

#include "sam-atomic-file.h"
#include "sam-register-xml.h"
#include "sam-store.h"
#include "sam-test-durability.h"
#include "sam-test-util.h"

/* Output files */

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir but SQLite's own -wal and -shm, sorted, joined by
 * spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_contents (const char *path, const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

/* Not committed: the old file stays and no other file appears; committed:
 * the new contents, mode 0600 under umask 022, and still no other file.
 * Both ways a temporary file is made: unnamed and named. */
static void
test_atomic_file (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  mode_t old_umask = umask (022);

  for (guint named = 0; named < 2; named++)
    {
      g_autoptr(GError) error = NULL;
      SamAtomicFile *file;
      GStatBuf st;

      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
      file = named ? sam_atomic_file_new_named (path, &error) : sam_atomic_file_new (path, &error);
      g_assert_no_error (error);
      if (named)
        {
          g_autofree char *base = g_path_get_basename (sam_atomic_file_get_temp_path (file));
          g_assert_true (sam_atomic_file_is_temp_name (base));
        }
      g_assert_true (g_output_stream_write_all (sam_atomic_file_get_stream (file), "new", 3,
                                                NULL, NULL, &error));
      sam_atomic_file_free (file);
      assert_contents (path, "old");
      g_assert_cmpstr (list_dir (dir), ==, "out.txt");

      file = named ? sam_atomic_file_new_named (path, &error) : sam_atomic_file_new (path, &error);
      g_assert_true (g_output_stream_write_all (sam_atomic_file_get_stream (file), "new", 3,
                                                NULL, NULL, &error));
      g_assert_true (sam_atomic_file_commit (file, NULL, &error));
      g_assert_no_error (error);
      sam_atomic_file_free (file);
      assert_contents (path, "new");
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_cmpstr (list_dir (dir), ==, "out.txt");
    }
  /* a folder in the way: refused, nothing left */
  {
    g_autofree char *sub = g_build_filename (dir, "sub", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
    g_assert_false (sam_atomic_file_set_contents (sub, "x", 1, &error));
    g_assert_nonnull (error);
    g_assert_cmpstr (list_dir (dir), ==, "out.txt sub");
  }
  umask (old_umask);
  sam_test_remove_dir (dir);
}

/* A cancelled export leaves the file it would have replaced. */
static void
test_cancelled_export (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xml", NULL);
  g_autoptr(SamStore) store = sam_test_open_store (dir, "r.sqlite", TRUE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (sam_register_xml_export (store, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_contents (path, "old");
  g_clear_object (&store);
  g_assert_null (strstr (list_dir (dir), SAM_ATOMIC_FILE_PREFIX));
  g_assert_null (strstr (list_dir (dir), ".goutputstream"));
  sam_test_remove_dir (dir);
}

/* Whether @path holds a whole export of @n_actors actors. */
static gboolean
is_whole_export (const char *path, guint n_actors)
{
  g_autofree char *contents = NULL;
  g_autoptr(SamRegisterData) data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  data = sam_register_xml_parse (contents, length, path, NULL, NULL);
  return data != NULL && data->actors->len == n_actors;
}

static gboolean
is_whole_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (path, &contents, &length, NULL) &&
         g_str_has_prefix (contents, "%PDF-") && length > 6 &&
         g_strstr_len (contents + length - 7, 7, "%%EOF") != NULL;
}

/* `export` and `print` killed at random moments: the output holds the old
 * file or a whole new one, and the folder holds no other file. */
static void
test_kill_output (void)
{
  const char *cli = g_getenv ("SAMVERKAN_CLI");
  g_autofree char *sample = sam_test_read_sample_register ();
  g_autofree char *dir = NULL;
  g_autofree char *big = NULL;
  g_autofree char *reg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (sam_test_durability_seed (3));
  guint n_actors = 0, n_paths = 0, old = 0, whole = 0;

  if (cli == NULL || sample == NULL)
    {
      g_test_skip ("SAMVERKAN_CLI and SAMVERKAN_SOURCE_DIR are needed");
      return;
    }
  dir = sam_test_make_dir ();
  big = sam_test_write_big_register (dir, sample, SAM_TEST_BIG_REGISTER_COPIES,
                                     &n_actors, &n_paths);
  reg = g_build_filename (dir, "r.sqlite", NULL);
  out = g_build_filename (dir, "out.xml", NULL);
  pdf = g_build_filename (dir, "out.pdf", NULL);
  {
    const char *argv[] = { cli, "--register", reg, "import", big, NULL };
    sam_test_run_to_end (argv);
  }
  for (guint kind = 0; kind < 2; kind++)
    {
      const char *target = kind ? pdf : out;
      const char *argv_export[] = { cli, "--register", reg, "export", out, NULL };
      const char *argv_print[] = { cli, "--register", reg, "print", "--sheet", "escalation",
                                   "--path", "trafficking-adult", "-o", pdf, NULL };
      const char * const *argv = kind ? argv_print : argv_export;
      gint64 calibrated;

      g_assert_true (g_file_set_contents (target, "old", -1, NULL));
      calibrated = sam_test_run_to_end (argv);
      g_assert_true (g_file_set_contents (target, "old", -1, NULL));
      g_clear_pointer (&before, g_free);
      before = list_dir (dir);
      for (guint i = 0; i < 12; i++)
        {
          g_autofree char *after = NULL;
          g_autofree char *contents = NULL;

          sam_test_run_and_kill (argv, (gint64) g_rand_double_range (rand, 0, 1.2 * calibrated));
          after = list_dir (dir);
          g_assert_cmpstr (after, ==, before);
          g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
          if (g_str_equal (contents, "old"))
            old++;
          else
            {
              g_assert_true (kind ? is_whole_pdf (target) : is_whole_export (target, n_actors));
              whole++;
              g_assert_true (g_file_set_contents (target, "old", -1, NULL));
            }
        }
      g_test_message ("%s: %.0f ms a run", kind ? "print" : "export", calibrated / 1000.0);
    }
  g_test_message ("outputs: %u kills left the old file, %u a whole new one", old, whole);
  g_assert_cmpuint (old, >, 0);
  sam_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/durability/atomic-file", test_atomic_file);
  g_test_add_func ("/durability/cancelled-export", test_cancelled_export);
  g_test_add_func ("/durability/kill-output", test_kill_output);
  return g_test_run ();
}
