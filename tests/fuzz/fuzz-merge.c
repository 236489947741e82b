/* fuzz-merge.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for importing with merge (sam-merge.c): the reader,
 * then the three-way merge into a register that holds the built-in sample
 * (so ids in the input meet ids in the register), and into an empty one.
 * Beyond no crash, leak, sanitizer report, hang, GLib warning or critical:
 *
 *   - a refused file comes with SAM_ERROR_INVALID or _UNSAFE and problems;
 *   - the preview counts every record of the file once, and writes nothing;
 *   - with conflicts and no side chosen, applying fails with
 *     SAM_ERROR_CONFLICT and changes nothing;
 *   - with "theirs" chosen, applying succeeds, or fails with a SAM_ERROR
 *     and changes nothing (a route id the register uses for another
 *     actor); after success the register checks clean and the same file
 *     again is a no-op;
 *   - into an empty register it always succeeds, and the merge-aware export
 *     of the result reads again.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "sam-default-register.h"
#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-store-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

gboolean fuzz_register_xml_accepted;

#define FAIL(...) G_STMT_START {                                   \
    g_printerr ("fuzz-merge: " __VA_ARGS__);                        \
    g_printerr ("\n");                                              \
    abort ();                                                       \
  } G_STMT_END

#define CHECK(cond, ...) G_STMT_START {                            \
    if (G_UNLIKELY (!(cond)))                                       \
      FAIL ("check failed: " #cond ": " __VA_ARGS__);               \
  } G_STMT_END

static GLogWriterOutput
abort_on_warning (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  GLogWriterOutput result = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return result;
}

/* The sample register, made once; each input starts from a copy. */
static SamStore *template;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_writer_func (abort_on_warning, NULL, NULL);
  if (g_access (".", W_OK) != 0 && g_chdir (g_get_tmp_dir ()) != 0)
    FAIL ("no writable directory to work in");
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  template = sam_store_open (":memory:", &error);
  CHECK (template != NULL, "%s", error ? error->message : "?");
  CHECK (sam_load_sample_register (template, &error), "%s", error ? error->message : "?");
  return 0;
}

static SamStore *
copy_of_template (void)
{
  g_autoptr(GError) error = NULL;
  SamStore *store;
  sqlite3_backup *copy;

  if (template == NULL)
    LLVMFuzzerInitialize (NULL, NULL);
  store = sam_store_open (":memory:", &error);
  CHECK (store != NULL, "%s", error ? error->message : "?");
  copy = sqlite3_backup_init (_sam_store_get_db (store), "main", _sam_store_get_db (template), "main");
  CHECK (copy != NULL, "backup_init");
  CHECK (sqlite3_backup_step (copy, -1) == SQLITE_DONE, "backup_step");
  sqlite3_backup_finish (copy);
  return store;
}

static char *
snapshot (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  gsize length;
  char *xml = sam_register_xml_export_to_data (store, &length, &error);
  GString *out;

  CHECK (xml != NULL, "export: %s", error ? error->message : "?");
  out = g_string_new (xml);
  g_free (xml);
  /* the plain export leaves out deleted records: count them */
  {
    g_autoptr(SamRegisterData) data = sam_export_collect (store, NULL, &error);
    CHECK (data != NULL, "collect: %s", error ? error->message : "?");
    g_string_append_printf (out, "\n%u tombstones", data->tombstones->len);
  }
  return g_string_free (out, FALSE);
}

static void
check_clean (SamStore *store, const char *what)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  CHECK (sam_store_check_integrity (store, problems, &error), "%s: %s", what,
         error ? error->message : "?");
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("fuzz-merge: %s: %s\n", what, (const char *) g_ptr_array_index (problems, i));
  CHECK (problems->len == 0, "%s: the register does not check clean", what);
}

static SamRegisterData *
parse (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  SamRegisterData *parsed = sam_register_xml_parse ((const char *) data, size, "fuzz.xml", NULL, &error);

  CHECK (parsed != NULL, "a file accepted once is refused the second time");
  return parsed;
}

static void
merge_into (SamStore *store, const uint8_t *data, size_t size, gboolean empty)
{
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  SamRegisterData *parsed = parse (data, size);
  guint n_records = parsed->actors->len + parsed->paths->len + parsed->tombstones->len;
  guint total = 0;
  gboolean applied;

  plan = sam_merge_plan_new (store, parsed, "fuzz.xml", &error);
  if (plan == NULL && g_error_matches (error, SAM_ERROR, SAM_ERROR_INVALID))
    {
      /* a step naming an actor neither the file nor the register knows:
       * refused before anything is written */
      sam_register_data_free (parsed);
      after = snapshot (store);
      CHECK (g_str_equal (before, after), "a refused file wrote to the register");
      return;
    }
  CHECK (plan != NULL, "planning: %s", error ? error->message : "?");
  for (guint a = 0; a < SAM_MERGE_N_ACTIONS; a++)
    total += sam_merge_plan_count (plan, a);
  CHECK (total == n_records, "the preview counts %u records of %u", total, n_records);
  CHECK (sam_merge_plan_get_changes (plan)->len + sam_merge_plan_count (plan, SAM_MERGE_UNCHANGED) == n_records,
         "changes and unchanged do not add up");
  for (guint i = 0; i < sam_merge_plan_get_conflicts (plan)->len; i++)
    CHECK (sam_merge_item_get_fields (g_ptr_array_index (sam_merge_plan_get_conflicts (plan), i))->len > 0,
           "a conflict without fields");
  if (empty)
    CHECK (sam_merge_plan_count (plan, SAM_MERGE_CONFLICT) == 0 &&
           sam_merge_plan_count (plan, SAM_MERGE_UPDATED) == 0, "conflicts with an empty register");
  {
    g_autofree char *text = sam_merge_plan_describe (plan);
    after = snapshot (store);
    CHECK (g_str_equal (before, after), "the preview wrote to the register");
  }

  if (sam_merge_plan_count (plan, SAM_MERGE_CONFLICT) > 0)
    {
      CHECK (!sam_merge_plan_apply (plan, FALSE, &error), "conflicts applied without a side");
      CHECK (g_error_matches (error, SAM_ERROR, SAM_ERROR_CONFLICT), "%s", error->message);
      g_clear_error (&error);
      g_free (after);
      after = snapshot (store);
      CHECK (g_str_equal (before, after), "refused conflicts wrote to the register");
    }
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  applied = sam_merge_plan_apply (plan, FALSE, &error);
  if (!applied)
    {
      CHECK (error != NULL && error->domain == SAM_ERROR, "apply failed oddly: %s",
             error ? error->message : "?");
      CHECK (!empty, "into an empty register: %s", error->message);
      g_free (after);
      after = snapshot (store);
      CHECK (g_str_equal (before, after), "a failed import wrote to the register: %s", error->message);
      check_clean (store, "after a failed import");
      return;
    }
  check_clean (store, "after the import");
  g_clear_pointer (&plan, sam_merge_plan_free);

  /* the same file again: nothing to do */
  plan = sam_merge_plan_new (store, parse (data, size), "fuzz.xml", &error);
  CHECK (plan != NULL, "planning again: %s", error ? error->message : "?");
  if (!sam_merge_plan_is_noop (plan))
    {
      for (guint i = 0; i < sam_merge_plan_get_changes (plan)->len; i++)
        {
          SamMergeItem *item = g_ptr_array_index (sam_merge_plan_get_changes (plan), i);
          g_printerr ("fuzz-merge: again: %s %s %s\n", sam_merge_action_get_label (sam_merge_item_get_action (item)),
                      sam_merge_item_get_entity (item), sam_merge_item_get_id (item));
        }
      FAIL ("importing the same file twice is not a no-op");
    }

  /* what the register now exports reads again */
  {
    gsize length = 0;
    g_autofree char *xml = sam_export_to_data (store, NULL, &length, &error);
    g_autoptr(SamRegisterData) again = NULL;

    CHECK (xml != NULL, "export after the import: %s", error ? error->message : "?");
    again = sam_register_xml_parse (xml, length, "export.xml", NULL, &error);
    if (again == NULL)
      {
        g_printerr ("%.*s\n", (int) MIN (length, 65536), xml);
        FAIL ("the export after a merge does not parse: %s", error->message);
      }
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SamRegisterData) parsed = NULL;
  g_autoptr(GError) error = NULL;

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
  fuzz_register_xml_accepted = TRUE;
  {
    g_autoptr(SamStore) sample = copy_of_template ();
    merge_into (sample, data, size, FALSE);
  }
  {
    g_autoptr(SamStore) empty = sam_store_open (":memory:", &error);
    CHECK (empty != NULL, "%s", error ? error->message : "?");
    merge_into (empty, data, size, TRUE);
  }
  return 0;
}
