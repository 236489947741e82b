/* fuzz-register-xml.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the exchange-file reader. Exchange files come from
 * other agencies and the network, so the reader must survive any bytes:
 * no crash, leak, sanitizer report, GLib warning or critical. Beyond that,
 * a round-trip oracle holds for every file the reader accepts:
 *
 *   parse -> import into an empty register -> the register checks clean
 *   and can list its overdue actors -> export -> the export parses again,
 *   with as many actors and paths -> import that into another empty
 *   register -> export again gives the same bytes (sam-register-xml.h
 *   promises it).
 *
 * A file the reader refuses must come with an error and at least one
 * problem. Any broken promise aborts, which libFuzzer reports as a crash.
 *
 * Built two ways (tests/fuzz/meson.build): with clang's -fsanitize=fuzzer
 * as a fuzzer, and with standalone-main.c to replay the corpus in
 * `meson test`.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "sam-errors.h"
#include "sam-register-xml.h"
#include "sam-schedule.h"
#include "sam-store.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Whether the last input was accepted, for standalone-main.c's -v. */
gboolean fuzz_register_xml_accepted;

#define FAIL(...) G_STMT_START {                                   \
    g_printerr ("fuzz-register-xml: " __VA_ARGS__);                 \
    g_printerr ("\n");                                              \
    abort ();                                                       \
  } G_STMT_END

#define CHECK(cond, ...) G_STMT_START {                            \
    if (G_UNLIKELY (!(cond)))                                       \
      FAIL ("check failed: " #cond ": " __VA_ARGS__);               \
  } G_STMT_END

/* A warning or critical is a bug to report, not noise. GLib's own fatal
 * handling raises SIGTRAP, which libFuzzer does not take for a crash (it
 * saves no input), so abort here instead. */
static GLogWriterOutput
abort_on_warning (GLogLevelFlags   level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return result;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_log_set_writer_func (abort_on_warning, NULL, NULL);
  /* The registers live in memory; the store still wants to be able to
   * write where it opens them (":memory:" is taken as a file name in the
   * current directory when checking that). */
  if (g_access (".", W_OK) != 0 && g_chdir (g_get_tmp_dir ()) != 0)
    FAIL ("no writable directory to work in");
  return 0;
}

static SamStore *
open_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_open (":memory:", &error);

  CHECK (store != NULL, "an empty register in memory does not open: %s",
         error ? error->message : "?");
  CHECK (!sam_store_is_read_only (store), "the register in memory is read-only");
  CHECK (sam_store_is_empty (store), "a new register is not empty");
  return store;
}

static void
print_problems (const char *what, GError *error)
{
  g_printerr ("fuzz-register-xml: %s: %s\n", what, error ? error->message : "(no error)");
}

/* Imports @data into a new register, checks it, and returns its export. */
static char *
import_and_export (SamRegisterData *data, const char *what, gsize *length)
{
  g_autoptr(SamStore) store = open_memory_store ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 25, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  char *exported;

  if (!sam_store_import (store, &data->meta, data->actors, data->paths, &error))
    {
      print_problems (what, error);
      FAIL ("%s: the reader accepted a file that the store refuses to import", what);
    }
  CHECK (sam_store_count_actors (store) == (gint64) data->actors->len,
         "%s: %" G_GINT64_FORMAT " actors imported of %u", what,
         sam_store_count_actors (store), data->actors->len);
  paths = sam_store_list_paths (store, &error);
  CHECK (paths != NULL, "%s: listing the paths: %s", what, error ? error->message : "?");
  CHECK (paths->len == data->paths->len, "%s: %u paths imported of %u", what,
         paths->len, data->paths->len);

  CHECK (sam_store_check_integrity (store, problems, &error), "%s: %s", what,
         error ? error->message : "?");
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("fuzz-register-xml: %s: %s\n", what, (const char *) g_ptr_array_index (problems, i));
  CHECK (problems->len == 0, "%s: the imported register does not check clean", what);

  /* what `samverkan-cli check` and the overdue view do with every actor */
  overdue = sam_store_list_overdue (store, now, &error);
  CHECK (overdue != NULL, "%s: listing overdue actors: %s", what, error ? error->message : "?");

  exported = sam_register_xml_export_to_data (store, length, &error);
  CHECK (exported != NULL, "%s: export: %s", what, error ? error->message : "?");
  return exported;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SamRegisterData) parsed = NULL;
  g_autoptr(SamRegisterData) reparsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0, second_length = 0;

  fuzz_register_xml_accepted = FALSE;
  parsed = sam_register_xml_parse ((const char *) data, size, "fuzz.xml", problems, &error);
  if (parsed == NULL)
    {
      CHECK (error != NULL, "a refused file without an error");
      CHECK (error->domain == SAM_ERROR &&
             (error->code == SAM_ERROR_INVALID || error->code == SAM_ERROR_UNSAFE),
             "a refused file with an unexpected error: %s", error->message);
      CHECK (problems->len > 0, "a refused file without problems: %s", error->message);
      return 0;
    }
  CHECK (error == NULL, "an accepted file with an error: %s", error->message);
  CHECK (problems->len == 0, "an accepted file with %u problems", problems->len);

  first = import_and_export (parsed, "input", &first_length);

  g_ptr_array_set_size (problems, 0);
  reparsed = sam_register_xml_parse (first, first_length, "export.xml", problems, &error);
  if (reparsed == NULL)
    {
      print_problems ("export", error);
      g_printerr ("%.*s\n", (int) MIN (first_length, 65536), first);
      FAIL ("the export of an accepted file does not parse");
    }
  CHECK (reparsed->actors->len == parsed->actors->len, "the export has %u actors of %u",
         reparsed->actors->len, parsed->actors->len);
  CHECK (reparsed->paths->len == parsed->paths->len, "the export has %u paths of %u",
         reparsed->paths->len, parsed->paths->len);

  second = import_and_export (reparsed, "export", &second_length);
  if (first_length != second_length || memcmp (first, second, first_length) != 0)
    {
      g_printerr ("--- first export\n%.*s\n--- second export\n%.*s\n",
                  (int) MIN (first_length, 65536), first, (int) MIN (second_length, 65536), second);
      FAIL ("export, import, export changed the bytes (%" G_GSIZE_FORMAT " bytes, then %"
            G_GSIZE_FORMAT ")", first_length, second_length);
    }
  fuzz_register_xml_accepted = TRUE;
  return 0;
}
