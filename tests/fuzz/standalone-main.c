/* standalone-main.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replays fuzzing inputs without libFuzzer: runs LLVMFuzzerTestOneInput
 * over every file named on the command line and every file in the
 * directories named there (not recursively), in name order. Any compiler
 * builds it, so `meson test` replays the corpus, also under sanitizers
 * (-Db_sanitize=address,undefined).
 *
 *   fuzz-replay [-v] CORPUS-DIR-OR-FILE…
 *
 * Exit status 0 when every input ran; a failing input aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
extern gboolean fuzz_register_xml_accepted;

static gboolean verbose;

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint8 *copy;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("fuzz-replay: %s\n", error->message);
      exit (2);
    }
  if (verbose)
    g_printerr ("fuzz-replay: %s (%" G_GSIZE_FORMAT " bytes): ", path, length);
  /* an exact-size copy, so a read past the end shows under AddressSanitizer */
  copy = g_malloc (MAX (length, 1));
  memcpy (copy, contents, length);
  LLVMFuzzerTestOneInput (copy, length);
  g_free (copy);
  if (verbose)
    g_printerr ("%s\n", fuzz_register_xml_accepted ? "accepted" : "refused");
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static guint
run_dir (const char *dir_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    {
      g_printerr ("fuzz-replay: %s\n", error->message);
      exit (2);
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          run_file (path);
          n++;
        }
    }
  return n;
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-v"))
        verbose = TRUE;
      else if (argv[i][0] == '-')
        continue;   /* libFuzzer options, such as -runs=, mean nothing here */
      else
        /* absolute, in case the target changes directory */
        g_ptr_array_add (inputs, g_canonicalize_filename (argv[i], NULL));
    }
  if (inputs->len == 0)
    {
      g_printerr ("Usage: %s [-v] CORPUS-DIR-OR-FILE…\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n += run_dir (path);
      else
        {
          run_file (path);
          n++;
        }
    }
  printf ("fuzz-replay: %u inputs ran\n", n);
  /* a corpus path that went wrong should not pass quietly */
  return n > 0 ? 0 : 1;
}
