/* fuzz-import.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the threaded import into a register on disk
 * (sam-register-xml-import.c): the input is written to a file, and
 * sam_register_xml_import reads it on its reader thread while this thread
 * writes each batch into a new SQLite register in a folder of its own.
 * Beyond no crash, leak, sanitizer report, hang, GLib warning or critical:
 *
 *   - the import accepts only files sam_register_xml_parse accepts, and
 *     a refused one comes with SAM_ERROR_INVALID or _UNSAFE and every
 *     problem the parse gives, in the same order (it may find more: the
 *     actors a step names must be in a file imported into an empty
 *     register);
 *   - a refused file leaves the register empty (all or nothing) and clean;
 *   - an accepted one leaves as many actors and paths as the file has,
 *     in a register that checks clean, and still does after it is closed
 *     and opened again from disk;
 *   - the folder holds nothing else afterwards: no temporary file.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "sam-errors.h"
#include "sam-register-xml.h"
#include "sam-store.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

gboolean fuzz_register_xml_accepted;

#define FAIL(...) G_STMT_START {                                   \
    g_printerr ("fuzz-import: " __VA_ARGS__);                       \
    g_printerr ("\n");                                              \
    abort ();                                                       \
  } G_STMT_END

#define CHECK(cond, ...) G_STMT_START {                            \
    if (G_UNLIKELY (!(cond)))                                       \
      FAIL ("check failed: " #cond ": " __VA_ARGS__);               \
  } G_STMT_END

static char *work_dir;
static char *input_path;
static char *register_path;

static GLogWriterOutput
abort_on_warning (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  GLogWriterOutput result = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return result;
}

static void
remove_work_dir (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (register_path, suffixes[i], NULL);
      g_unlink (name);
    }
  g_unlink (input_path);
  g_rmdir (work_dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_writer_func (abort_on_warning, NULL, NULL);
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  work_dir = g_dir_make_tmp ("samverkan-fuzz-import-XXXXXX", &error);
  CHECK (work_dir != NULL, "%s", error ? error->message : "?");
  input_path = g_build_filename (work_dir, "in.xml", NULL);
  register_path = g_build_filename (work_dir, "r.sqlite", NULL);
  atexit (remove_work_dir);
  return 0;
}

static void
remove_register (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (register_path, suffixes[i], NULL);
      CHECK (g_unlink (name) == 0 || i > 0, "%s was not made", name);
    }
}

static void
check_clean (SamStore *store, const char *what)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  CHECK (sam_store_check_integrity (store, problems, &error), "%s: %s", what,
         error ? error->message : "?");
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("fuzz-import: %s: %s\n", what, (const char *) g_ptr_array_index (problems, i));
  CHECK (problems->len == 0, "%s: the register does not check clean", what);
}

static guint
count_paths (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = sam_store_list_paths (store, &error);

  CHECK (paths != NULL, "%s", error ? error->message : "?");
  return paths->len;
}

/* Only the input is left in the folder: no temporary file, no copy. */
static void
check_folder (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  CHECK (dir != NULL, "the work folder is gone");
  while ((name = g_dir_read_name (dir)) != NULL)
    CHECK (g_str_equal (name, "in.xml"), "%s was left in the folder", name);
}

/* Every problem the parse finds, the import finds too, in the same order;
 * the import may find more (an actor a step names must be in a file
 * imported into an empty register). */
static void
check_same_problems (GPtrArray *parsed, GPtrArray *imported)
{
  guint j = 0;

  for (guint i = 0; i < parsed->len; i++, j++)
    {
      while (j < imported->len && !g_str_equal (g_ptr_array_index (parsed, i),
                                                g_ptr_array_index (imported, j)))
        j++;
      CHECK (j < imported->len, "the import does not say “%s”, or not in that order",
             (const char *) g_ptr_array_index (parsed, i));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GPtrArray) parse_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SamRegisterData) parsed = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SamStore *store;
  gboolean imported;

  if (work_dir == NULL)
    LLVMFuzzerInitialize (NULL, NULL);
  parsed = sam_register_xml_parse ((const char *) data, size, "in.xml", parse_problems, NULL);
  fuzz_register_xml_accepted = parsed != NULL;
  CHECK (g_file_set_contents (input_path, (const char *) data, size, &error), "%s", error->message);
  file = g_file_new_for_path (input_path);

  store = sam_store_open (register_path, &error);
  CHECK (store != NULL, "%s", error ? error->message : "?");
  imported = sam_register_xml_import (store, file, problems, NULL, &error);
  CHECK (!imported || parsed != NULL, "the import accepts a file the parse refuses");
  if (!imported)
    {
      CHECK (error->domain == SAM_ERROR &&
             (error->code == SAM_ERROR_INVALID || error->code == SAM_ERROR_UNSAFE),
             "a refused file with an unexpected error: %s", error->message);
      CHECK (problems->len > 0, "a refused file without problems: %s", error->message);
      check_same_problems (parse_problems, problems);
      CHECK (sam_store_count_actors (store) == 0 && count_paths (store) == 0,
             "a refused import left records");
      check_clean (store, "after a refused import");
    }
  else
    {
      CHECK (sam_store_count_actors (store) == (gint64) parsed->actors->len,
             "%" G_GINT64_FORMAT " actors of %u", sam_store_count_actors (store), parsed->actors->len);
      CHECK (count_paths (store) == parsed->paths->len, "%u paths of %u", count_paths (store),
             parsed->paths->len);
      check_clean (store, "after the import");
    }
  g_object_unref (store);

  /* what was committed is on disk */
  store = sam_store_open (register_path, &error);
  CHECK (store != NULL, "opening again: %s", error ? error->message : "?");
  if (imported)
    CHECK (count_paths (store) == parsed->paths->len, "the paths are gone after closing");
  else
    CHECK (sam_store_is_empty (store), "records after closing a refused import");
  check_clean (store, "opened again");
  g_object_unref (store);

  remove_register ();
  check_folder ();
  return 0;
}
