/* test-merge.c
 *
 * Importing with merge: the preview counts, one-sided changes taken,
 * conflicts resolved by a side or field by field, tombstones both ways,
 * re-import as a no-op, older files, the change log with its source, the
 * backup before an import, subsets by audience, the migration of a format-2
 * register, and three installations exchanging A → B → C → A until equal.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-backups.h"
#include "sam-errors.h"
#include "sam-ancestry.h"
#include "sam-export-filter.h"
#include "sam-follow.h"
#include "sam-merge.h"
#include "sam-query.h"
#include "sam-register-xml.h"
#include "sam-store.h"
#include "sam-test-util.h"

typedef struct {
  char *dir;
  SamStore *a;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  f->dir = sam_test_make_dir ();
  f->a = sam_test_open_store (f->dir, "a.sqlite", TRUE);
  sam_store_set_user (f->a, "Anna A");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->a);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
  g_unsetenv ("SAMVERKAN_NOW");
}

/* What @store exports (NULL: the whole register, every route), read back as
 * another installation reads it. */
static SamRegisterData *
exchange (SamStore *store, const SamExportFilter *filter)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  SamExportFilter everything;
  g_autofree char *xml = NULL;

  sam_export_filter_init_everything (&everything);
  xml = sam_export_to_data (store, filter ? filter : &everything, &length, &error);
  SamRegisterData *data;

  g_assert_no_error (error);
  data = sam_register_xml_parse (xml, length, "exchange.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static SamMergePlan *
plan_for (SamStore *store, SamRegisterData *data)
{
  g_autoptr(GError) error = NULL;
  SamMergePlan *plan = sam_merge_plan_new (store, data, "exchange.xml", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
assert_counts (SamMergePlan *plan, guint n_new, guint updated, guint deleted, guint conflicts)
{
  g_autofree char *text = sam_merge_plan_describe (plan);

  g_test_message ("%s", text);
  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_NEW), ==, n_new);
  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_UPDATED), ==, updated);
  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_DELETED), ==, deleted);
  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_CONFLICT), ==, conflicts);
}

/* Exports @from and merges it into @to, preferring @prefer in conflicts
 * (NONE: there must be none). */
static void
merge (SamStore *from, SamStore *to, SamMergeSide prefer)
{
  g_autoptr(SamMergePlan) plan = plan_for (to, exchange (from, NULL));
  g_autoptr(GError) error = NULL;

  if (prefer != SAM_MERGE_SIDE_NONE)
    sam_merge_plan_prefer (plan, prefer);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
}

static void
rename_actor (SamStore *store, const char *id, SamLang lang, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, &error);

  g_assert_no_error (error);
  sam_text_set (sam_actor_get_name (actor), lang, name);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

static void
describe_actor (SamStore *store, const char *id, SamLang lang, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, &error);

  g_assert_no_error (error);
  sam_text_set (sam_actor_get_description (actor), lang, text);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

static char *
name_of (SamStore *store, const char *id, SamLang lang)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, NULL);
  return actor ? g_strdup (sam_text_get (sam_actor_get_name (actor), lang)) : NULL;
}

static SamStore *
open_new (Fixture *f, const char *name, const char *user)
{
  SamStore *store = sam_test_open_store (f->dir, name, FALSE);
  sam_store_set_user (store, user);
  return store;
}

/* B: an empty register that imported A with a merge. */
static SamStore *
copy_of_a (Fixture *f, const char *name)
{
  SamStore *b = open_new (f, name, "Bo B");
  g_autoptr(SamMergePlan) plan = plan_for (b, exchange (f->a, NULL));
  g_autoptr(GError) error = NULL;

  g_autoptr(GPtrArray) paths = sam_store_list_paths (f->a, NULL);

  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_NEW), ==, sam_store_count_actors (f->a) + paths->len);
  g_assert_cmpuint (paths->len, >, 0);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_count_actors (b), ==, sam_store_count_actors (f->a));
  return b;
}

/* The records of a register as its export shows them: from <actors> on. */
static char *
records_of (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRegisterData) data = sam_export_collect (store, NULL, &error);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autofree char *xml = NULL;
  const char *start;

  g_assert_no_error (error);
  g_assert_true (sam_register_xml_write_data (data, stream, NULL, &error));
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  xml = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
  start = strstr (xml, "<actors>");
  g_assert_nonnull (start);
  return g_strdup (start);
}

static void
test_first_import_and_reimport (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) again = plan_for (b, exchange (f->a, NULL));
  g_autofree char *ra = records_of (f->a);
  g_autofree char *rb = records_of (b);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ra, ==, rb);
  /* the same file again: nothing to do, nothing written */
  assert_counts (again, 0, 0, 0, 0);
  g_assert_true (sam_merge_plan_is_noop (again));
  g_assert_true (sam_merge_plan_apply (again, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *dir = sam_backups_get_dir (b);
    g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));   /* no copy for a no-op */
  }

  /* the import is in the change log, with its source */
  {
    SamRegisterMeta meta = { 0 };
    g_assert_true (sam_store_get_meta (b, &meta, NULL));
    log = sam_store_list_changes (b, "register", meta.id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 1);
    g_assert_cmpstr (((SamChange *) g_ptr_array_index (log, 0))->op, ==, "merge");
    g_assert_nonnull (strstr (((SamChange *) g_ptr_array_index (log, 0))->after, "\"new\""));
    sam_register_meta_clear (&meta);
  }
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_autofree char *path = g_build_filename (f->dir, "b.sqlite", NULL);
    g_autofree char *instance = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), count(DISTINCT source), min(source) "
                                            "FROM change_log", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 10);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    instance = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    {
      g_autoptr(SamRegisterData) d = exchange (f->a, NULL);
      g_assert_cmpstr (instance, ==, d->source);
    }
  }
}

static void
test_one_sided_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(GError) error = NULL;

  rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen (ändrad hos A)");
  rename_actor (b, "emergency-112", SAM_LANG_SV, "112 (ändrad hos B)");
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 1, 0, 0);
  g_assert_cmpstr (sam_merge_item_get_id (g_ptr_array_index (sam_merge_plan_get_changes (plan), 0)), ==, "polisen");
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  theirs = name_of (b, "polisen", SAM_LANG_SV);
  mine = name_of (b, "emergency-112", SAM_LANG_SV);
  g_assert_cmpstr (theirs, ==, "Polisen (ändrad hos A)");
  g_assert_cmpstr (mine, ==, "112 (ändrad hos B)");

  /* and back: A owns 112, so B's change is a proposal A decides on; A's
   * own change stays without a question */
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = plan_for (f->a, exchange (b, NULL));
  assert_counts (plan, 0, 0, 0, 1);
  {
    SamMergeItem *item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
    g_assert_cmpstr (sam_merge_item_get_id (item), ==, "emergency-112");
    g_assert_true (sam_merge_item_is_proposal (item));
  }
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  g_free (mine);
  mine = name_of (f->a, "emergency-112", SAM_LANG_SV);
  g_assert_cmpstr (mine, ==, "112 (ändrad hos B)");
  g_free (theirs);
  theirs = name_of (f->a, "polisen", SAM_LANG_SV);
  g_assert_cmpstr (theirs, ==, "Polisen (ändrad hos A)");
}

static void
test_conflict_refused_then_prefer (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;

  rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen A");
  rename_actor (b, "polisen", SAM_LANG_SV, "Polisen B");
  before = records_of (b);
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 0, 0, 1);
  {
    SamMergeItem *item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
    GPtrArray *fields = sam_merge_item_get_fields (item);
    SamMergeField *field = g_ptr_array_index (fields, 0);

    g_assert_cmpstr (sam_merge_item_get_id (item), ==, "polisen");
    g_assert_cmpuint (fields->len, ==, 1);
    g_assert_cmpstr (field->key, ==, "name.sv");
    g_assert_cmpstr (field->mine, ==, "Polisen B");
    g_assert_cmpstr (field->theirs, ==, "Polisen A");
  }
  /* undecided: refused, nothing written */
  g_assert_false (sam_merge_plan_apply (plan, TRUE, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "polisen"));
  g_clear_error (&error);
  after = records_of (b);
  g_assert_cmpstr (before, ==, after);

  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  name = name_of (b, "polisen", SAM_LANG_SV);
  g_assert_cmpstr (name, ==, "Polisen A");

  /* settled: the same file again changes nothing */
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 0, 0, 0);
  g_assert_true (sam_merge_plan_is_noop (plan));
}

static void
test_conflict_prefer_mine (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen A");
  rename_actor (b, "polisen", SAM_LANG_SV, "Polisen B");
  plan = plan_for (b, exchange (f->a, NULL));
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_MINE);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  name = name_of (b, "polisen", SAM_LANG_SV);
  g_assert_cmpstr (name, ==, "Polisen B");
  /* the choice is remembered: the same file is no conflict any more */
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 0, 0, 0);
}

static void
test_conflict_field_by_field (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(SamActor) result = NULL;
  g_autoptr(GError) error = NULL;
  SamMergeItem *item;

  rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen A");
  describe_actor (f->a, "polisen", SAM_LANG_EN, "Described by A");
  rename_actor (b, "polisen", SAM_LANG_SV, "Polisen B");
  describe_actor (b, "polisen", SAM_LANG_EN, "Described by B");
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 0, 0, 1);
  item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
  g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 2);
  g_assert_true (sam_merge_item_choose (item, "name.sv", SAM_MERGE_SIDE_THEIRS));
  g_assert_cmpuint (sam_merge_plan_count_undecided (plan), ==, 1);
  g_assert_false (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sam_merge_item_choose (item, "description.en", SAM_MERGE_SIDE_MINE));
  g_assert_false (sam_merge_item_choose (item, "no-such-field", SAM_MERGE_SIDE_MINE));
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);

  result = sam_store_load_actor (b, "polisen", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (result), SAM_LANG_SV), ==, "Polisen A");
  g_assert_cmpstr (sam_text_get (sam_actor_get_description (result), SAM_LANG_EN), ==, "Described by B");
  /* a version of its own, newer than both */
  g_assert_cmpint (sam_actor_get_revision (result), ==, 4);

  /* A, the owner, is asked about B's mix: only the field where it differs
   * from A's latest (A's own name is already there) */
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = plan_for (f->a, exchange (b, NULL));
  assert_counts (plan, 0, 0, 0, 1);
  item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
  g_assert_true (sam_merge_item_is_proposal (item));
  g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 1);
  g_assert_cmpstr (((SamMergeField *) g_ptr_array_index (sam_merge_item_get_fields (item), 0))->key,
                   ==, "description.en");
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *ra = records_of (f->a);
    g_autofree char *rb = records_of (b);
    g_assert_cmpstr (ra, ==, rb);
  }
}

static void
set_source (SamStore *store, const char *id, const char *source, const char *read_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, &error);

  g_assert_no_error (error);
  sam_actor_set_source (actor, source, read_on);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

/* An actor's source is a field of its own: changed on one side it is
 * taken, beside an edit of another field; changed on both it is a
 * conflict on "source" that a preference for that field settles. */
static void
test_source_field (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(SamActor) result = NULL;
  g_autoptr(GError) error = NULL;
  SamMergeItem *item;

  set_source (f->a, "polisen", "https://polisen.se/a", "2026-11-01");
  rename_actor (b, "polisen", SAM_LANG_EN, "Police B");
  merge (f->a, b, SAM_MERGE_SIDE_NONE);
  result = sam_store_load_actor (b, "polisen", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_actor_get_source (result), ==, "https://polisen.se/a");
  g_assert_cmpstr (sam_actor_get_source_read (result), ==, "2026-11-01");
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (result), SAM_LANG_EN), ==, "Police B");

  set_source (f->a, "polisen", "https://polisen.se/a2", "2026-11-20");
  set_source (b, "polisen", "Polisens lista (PDF)", "2026-11-21");
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 0, 0, 1);
  item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
  g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 1);
  g_assert_cmpstr (((SamMergeField *) g_ptr_array_index (sam_merge_item_get_fields (item), 0))->key,
                   ==, "source");
  g_assert_cmpuint (sam_merge_plan_prefer_field (plan, NULL, "source", SAM_MERGE_SIDE_THEIRS), ==, 1);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  result = sam_store_load_actor (b, "polisen", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_actor_get_source (result), ==, "https://polisen.se/a2");
  g_assert_cmpstr (sam_actor_get_source_read (result), ==, "2026-11-20");
}

static void
test_deleted_upstream (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamRegisterData) old_file = exchange (f->a, NULL);
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(SamActor) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (f->a, "nus-akutmottagning", NULL);

  g_assert_true (sam_store_delete_actor (f->a, "nus-akutmottagning", sam_actor_get_revision (actor), &error));
  g_assert_no_error (error);
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 0, 1, 0);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  gone = sam_store_load_actor (b, "nus-akutmottagning", &error);
  g_assert_null (gone);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* an older file, from before the deletion, does not bring it back */
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = plan_for (b, g_steal_pointer (&old_file));
  assert_counts (plan, 0, 0, 0, 0);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  gone = sam_store_load_actor (b, "nus-akutmottagning", NULL);
  g_assert_null (gone);

  /* nor into a third register that never had it, once the deletion came by */
  {
    g_autoptr(SamStore) c = open_new (f, "c.sqlite", "Cia C");
    merge (b, c, SAM_MERGE_SIDE_NONE);
    g_clear_pointer (&plan, sam_merge_plan_free);
    plan = plan_for (c, exchange (f->a, NULL));
    assert_counts (plan, 0, 0, 0, 0);
  }
}

static void
test_deleted_here (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (b, "nus-akutmottagning", NULL);
  g_autoptr(SamActor) back = NULL;

  g_assert_true (sam_store_delete_actor (b, "nus-akutmottagning", sam_actor_get_revision (actor), &error));
  /* A unchanged: the deletion stands */
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 0, 0, 0);
  g_clear_pointer (&plan, sam_merge_plan_free);

  /* A changed it meanwhile: deleted here, changed there */
  rename_actor (f->a, "nus-akutmottagning", SAM_LANG_EN, "Akut (changed by A)");
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 0, 0, 1);
  {
    SamMergeItem *item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
    SamMergeField *field = g_ptr_array_index (sam_merge_item_get_fields (item), 0);
    g_assert_cmpstr (field->key, ==, "record");
    g_assert_cmpstr (field->mine, ==, "Deleted");
  }
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  back = sam_store_load_actor (b, "nus-akutmottagning", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (back), SAM_LANG_EN), ==, "Akut (changed by A)");
  /* it can be found again */
  {
    g_autoptr(SamQuery) query = sam_query_new ("akut changed");
    g_autoptr(GPtrArray) found = sam_store_search (b, query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
  }

  /* the deletion goes to A as a tombstone; A owns the record, so it is a
   * proposal that A takes or leaves */
  g_clear_object (&actor);
  actor = sam_store_load_actor (b, "nus-akutmottagning", NULL);
  g_assert_true (sam_store_delete_actor (b, "nus-akutmottagning", sam_actor_get_revision (actor), &error));
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = plan_for (f->a, exchange (b, NULL));
  assert_counts (plan, 0, 0, 0, 1);
  g_assert_true (sam_merge_item_is_proposal (g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0)));
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&back);
  back = sam_store_load_actor (f->a, "nus-akutmottagning", NULL);
  g_assert_null (back);
}

static void
test_dry_run_and_stale (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen A");
  before = records_of (b);
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 1, 0, 0);
  after = records_of (b);
  g_assert_cmpstr (before, ==, after);      /* a plan is a preview: nothing written */

  /* someone saves in between: the plan is refused, nothing half done */
  rename_actor (b, "emergency-112", SAM_LANG_EN, "Changed meanwhile");
  g_assert_false (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_STALE);
}

static void
test_backup_before_import (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Polisen %u", i);
      g_autoptr(SamMergePlan) plan = NULL;

      rename_actor (f->a, "polisen", SAM_LANG_SV, name);
      plan = plan_for (b, exchange (f->a, NULL));
      g_assert_true (sam_merge_plan_apply (plan, TRUE, &error));
      g_assert_no_error (error);
    }
  list = sam_backups_list (b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, SAM_BACKUPS_KEEP);
  /* the newest copy is the register before the last import */
  {
    SamBackup *newest = g_ptr_array_index (list, 0);
    g_autoptr(SamStore) copy = sam_store_open_read_only (newest->path, &error);
    g_autofree char *name = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (newest->reason, ==, "import");
    name = name_of (copy, "polisen", SAM_LANG_SV);
    g_assert_cmpstr (name, ==, "Polisen 10");
  }
}

static void
test_public_subset_keeps_restricted_routes (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  SamExportFilter filter;
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) before = NULL;
  g_autoptr(SamActor) after = NULL;
  guint restricted = 0;

  /* the actor with the most routes that are not public */
  {
    g_autoptr(GPtrArray) actors = sam_store_list_actors (b, NULL);
    for (guint i = 0; i < actors->len && before == NULL; i++)
      {
        GPtrArray *routes = sam_actor_get_routes (g_ptr_array_index (actors, i));
        for (guint k = 0; k < routes->len; k++)
          if (sam_contact_route_get_visibility (g_ptr_array_index (routes, k)) != SAM_VISIBILITY_PUBLIC)
            {
              before = g_object_ref (g_ptr_array_index (actors, i));
              break;
            }
      }
  }
  g_assert_nonnull (before);
  for (guint k = 0; k < sam_actor_get_routes (before)->len; k++)
    restricted += sam_contact_route_get_visibility (g_ptr_array_index (sam_actor_get_routes (before), k)) != SAM_VISIBILITY_PUBLIC;

  rename_actor (f->a, sam_actor_get_id (before), SAM_LANG_EN, "Renamed in A");
  sam_export_filter_init (&filter);
  filter.audience = SAM_VISIBILITY_PUBLIC;
  plan = plan_for (b, exchange (f->a, &filter));
  g_assert_cmpuint (sam_merge_plan_get_notes (plan)->len, ==, 1);
  /* B saw the full version from A before; the public one is a change by its look, and B's
   * professional and internal routes are kept whichever way it goes */
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  after = sam_store_load_actor (b, sam_actor_get_id (before), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (after), SAM_LANG_EN), ==, "Renamed in A");
  g_assert_cmpuint (sam_actor_get_routes (after)->len, ==, sam_actor_get_routes (before)->len);
  g_assert_cmpuint (restricted, >, 0);
}

/* The on-call mobile of Umeå's social services, an internal route, and
 * the English name change together in A. B gets the professional export
 * first (the name, not the route), then the internal one: the route comes
 * too. A professional file carries the route's revision, not its value,
 * so B's copy is not A's revision in full and waits for it. */
static void
test_internal_edit_after_professional_view (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (f->a, "umea-socialjour", &error);
  g_autoptr(SamActor) after = NULL;
  SamContactRoute *mobile;
  SamExportFilter filter;

  g_assert_no_error (error);
  mobile = sam_actor_find_route (actor, "umea-socialjour-mobile");
  g_assert_nonnull (mobile);
  g_assert_cmpint (sam_contact_route_get_visibility (mobile), ==, SAM_VISIBILITY_INTERNAL);
  g_assert_true (sam_contact_route_set_value (mobile, "070-123 45 67", NULL));
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Umeå social services out of hours");
  g_assert_true (sam_store_update_actor (f->a, actor, &error));
  g_assert_no_error (error);

  sam_export_filter_init (&filter);
  {
    g_autoptr(SamMergePlan) plan = plan_for (b, exchange (f->a, &filter));
    assert_counts (plan, 0, 1, 0, 0);
    g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
    g_assert_no_error (error);
  }
  after = sam_store_load_actor (b, "umea-socialjour", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (after), SAM_LANG_EN), ==,
                   "Umeå social services out of hours");
  g_assert_cmpstr (sam_contact_route_get_value (sam_actor_find_route (after, "umea-socialjour-mobile")),
                   !=, "+46701234567");
  g_clear_object (&after);

  /* the internal export: the route B lacked comes, from its owner */
  {
    g_autoptr(SamMergePlan) plan = plan_for (b, exchange (f->a, NULL));
    assert_counts (plan, 0, 1, 0, 0);
    g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
    g_assert_no_error (error);
  }
  after = sam_store_load_actor (b, "umea-socialjour", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_contact_route_get_value (sam_actor_find_route (after, "umea-socialjour-mobile")),
                   ==, "+46701234567");
  /* and once more changes nothing, either way */
  {
    g_autoptr(SamMergePlan) plan = plan_for (b, exchange (f->a, NULL));
    g_assert_true (sam_merge_plan_is_noop (plan));
  }
  {
    g_autoptr(SamMergePlan) plan = plan_for (f->a, exchange (b, NULL));
    g_assert_true (sam_merge_plan_is_noop (plan));
  }
}

/* A hands an actor to B; B's change reaches C through B alone and applies
 * by itself, as B now owns it. A register that merely claims an actor in
 * its file is still a stranger: its change waits for a person. */
static void
test_hand_over_travels (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamStore) c = copy_of_a (f, "c.sqlite");
  g_autoptr(SamStore) s = copy_of_a (f, "s.sqlite");
  g_autoptr(SamRegisterData) of_b = exchange (b, NULL);
  g_autofree char *b_id = g_strdup (of_b->source);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_merge_hand_over (f->a, "actor", "bris", b_id, &error));
  g_assert_no_error (error);
  /* A no longer owns it: it cannot hand it on */
  g_assert_false (sam_merge_hand_over (f->a, "actor", "bris", "c0ffee", &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_clear_error (&error);

  merge (f->a, b, SAM_MERGE_SIDE_NONE);
  rename_actor (b, "bris", SAM_LANG_SV, "Bris – ändrad av B");
  {
    g_autoptr(SamMergePlan) plan = plan_for (c, exchange (b, NULL));

    assert_counts (plan, 0, 1, 0, 0);
    g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *name = name_of (c, "bris", SAM_LANG_SV);
    g_assert_cmpstr (name, ==, "Bris – ändrad av B");
  }
  /* C knows B owns it now: A's own change to it is A's proposal */
  rename_actor (f->a, "bris", SAM_LANG_EN, "Bris, renamed in A");
  {
    g_autoptr(SamMergePlan) plan = plan_for (c, exchange (f->a, NULL));

    assert_counts (plan, 0, 0, 0, 1);
    g_assert_true (sam_merge_item_is_proposal (g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0)));
  }

  /* S claims an actor A owns: the claim is no hand-over */
  rename_actor (s, "emergency-112", SAM_LANG_SV, "112 enligt S");
  {
    g_autoptr(SamRegisterData) claim = exchange (s, NULL);
    g_autoptr(SamMergePlan) plan = NULL;

    for (guint i = 0; i < claim->actors->len; i++)
      {
        SamActor *actor = g_ptr_array_index (claim->actors, i);
        SamAncestry *ancestry = _sam_record_get_ancestry (actor);

        if (g_str_equal (sam_actor_get_id (actor), "emergency-112"))
          {
            g_free (ancestry->owner);
            ancestry->owner = g_strdup (claim->source);
          }
      }
    plan = plan_for (c, g_steal_pointer (&claim));
    assert_counts (plan, 0, 0, 0, 1);
    g_assert_true (sam_merge_item_is_proposal (g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0)));
  }
}

/* Three installations: A the sample, B and C copies. Each changes
 * something, A deletes an actor; the files go A → B → C → A and on until
 * every register holds the same records. */
static void
test_three_way_ring (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamStore) c = open_new (f, "c.sqlite", "Cia C");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) doomed = NULL;
  g_autoptr(GPtrArray) actors = sam_store_list_actors (f->a, NULL);
  const char *x = sam_actor_get_id (g_ptr_array_index (actors, 3));
  const char *y = sam_actor_get_id (g_ptr_array_index (actors, 7));
  const char *z = sam_actor_get_id (g_ptr_array_index (actors, 11));

  merge (b, c, SAM_MERGE_SIDE_NONE);
  rename_actor (f->a, x, SAM_LANG_SV, "X ändrad av A");
  rename_actor (b, y, SAM_LANG_SV, "Y ändrad av B");
  rename_actor (c, z, SAM_LANG_EN, "Z changed by C");
  doomed = sam_store_load_actor (f->a, "nus-akutmottagning", NULL);
  g_assert_true (sam_store_delete_actor (f->a, "nus-akutmottagning", sam_actor_get_revision (doomed), &error));
  g_assert_no_error (error);

  /* A owns every record: its own changes reach B by themselves; what
   * reaches C through B and A from C is a proposal, which each accepts */
  merge (f->a, b, SAM_MERGE_SIDE_NONE);
  {
    g_autoptr(SamMergePlan) plan = plan_for (c, exchange (b, NULL));
    /* x and the deletion relayed by B, y changed by B: three proposals */
    assert_counts (plan, 0, 0, 0, 3);
    for (guint i = 0; i < 3; i++)
      g_assert_true (sam_merge_item_is_proposal (g_ptr_array_index (sam_merge_plan_get_conflicts (plan), i)));
  }
  merge (b, c, SAM_MERGE_SIDE_THEIRS);
  merge (c, f->a, SAM_MERGE_SIDE_THEIRS);
  merge (f->a, b, SAM_MERGE_SIDE_NONE);
  merge (b, c, SAM_MERGE_SIDE_THEIRS);
  {
    g_autofree char *ra = records_of (f->a);
    g_autofree char *rb = records_of (b);
    g_autofree char *rc = records_of (c);
    g_autofree char *nx = name_of (c, x, SAM_LANG_SV);
    g_autofree char *ny = name_of (f->a, y, SAM_LANG_SV);
    g_autofree char *nz = name_of (b, z, SAM_LANG_EN);

    g_assert_cmpstr (nx, ==, "X ändrad av A");
    g_assert_cmpstr (ny, ==, "Y ändrad av B");
    g_assert_cmpstr (nz, ==, "Z changed by C");
    g_assert_cmpstr (ra, ==, rb);
    g_assert_cmpstr (rb, ==, rc);
    g_assert_nonnull (strstr (ra, "<tombstone entity=\"actor\" id=\"nus-akutmottagning\""));
  }
  /* and one more round changes nothing anywhere */
  {
    SamStore *ring[] = { f->a, b, c, f->a };
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(SamMergePlan) plan = plan_for (ring[i + 1], exchange (ring[i], NULL));
        assert_counts (plan, 0, 0, 0, 0);
      }
  }
}

/* A register at format 2 (as 0.1 made it) is brought to format 3 on
 * opening, and then merges. */
static void
test_migration_from_format_2 (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "v2.sqlite", NULL);
  g_autofree char *source = g_getenv ("SAMVERKAN_SOURCE_DIR") ? g_strdup (g_getenv ("SAMVERKAN_SOURCE_DIR")) : NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  if (source == NULL)
    {
      g_test_skip ("SAMVERKAN_SOURCE_DIR is not set");
      return;
    }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *file = g_build_filename (source, "src", "core", "store", "migrations",
                                                i == 1 ? "001-initial.sql" : "002-name-key-indexes.sql", NULL);
      g_autofree char *sql = NULL;

      g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db,
      "PRAGMA user_version = 2;"
      "INSERT INTO meta VALUES ('id', 'old-register'), ('created', '2026-01-01T00:00:00Z');"
      "INSERT INTO actor (id, kind, name_sv, name_en, updated_at, key_sv, key_en, sort_sv) "
      "VALUES ('polisen', 'police', 'Gamla polisen', 'Old police', '2026-01-01T00:00:00Z', "
      "'gamla polisen', 'old police', 'gamla polisen');"
      "INSERT INTO actor_area VALUES ('polisen', 'SE');"
      "INSERT INTO change_log (at, who, entity, entity_id, op, revision) "
      "VALUES ('2026-01-01T00:00:00Z', 'x', 'actor', 'polisen', 'insert', 1);",
      NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (SAM_STORE_SCHEMA_VERSION, ==, 12);
  actor = sam_store_load_actor (store, "polisen", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV), ==, "Gamla polisen");
  {
    g_autoptr(GPtrArray) log = sam_store_list_changes (store, "actor", "polisen", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 1);
  }
  /* its first merge with the sample: the old police is a conflict (no history in common),
   * everything else is new */
  {
    g_autoptr(SamMergePlan) plan = plan_for (store, exchange (f->a, NULL));
    g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_CONFLICT), ==, 1);
    g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_NEW), >, 10);
    sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
    g_assert_true (sam_merge_plan_apply (plan, TRUE, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_assert_true (sam_store_check_integrity (store, problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* A file from before 0.2 (no source, no tombstones) merges by its
 * register id. */
static void
test_old_file_without_source (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *xml = sam_register_xml_export_to_data (f->a, &length, &error);
  g_autoptr(SamStore) b = open_new (f, "b.sqlite", "Bo B");
  SamRegisterData *parsed;
  g_autoptr(SamMergePlan) plan = NULL;

  g_assert_no_error (error);
  g_assert_null (strstr (xml, "source="));
  parsed = sam_register_xml_parse (xml, length, "old.xml", NULL, &error);
  g_assert_no_error (error);
  plan = plan_for (b, parsed);
  g_assert_cmpstr (sam_merge_plan_get_source (plan), ==, "sample-vasterbotten");
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, sam_merge_plan_free);
  parsed = sam_register_xml_parse (xml, length, "old.xml", NULL, &error);
  plan = plan_for (b, parsed);
  g_assert_true (sam_merge_plan_is_noop (plan));
}

/* A register filled by the plain import (into an empty register) knows
 * the file's source: the next merge with it is three-way, not all
 * conflicts. */
static void
test_plain_import_then_merge (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "a.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SamStore) b = open_new (f, "b.sqlite", "Bo B");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  SamExportFilter everything;

  sam_export_filter_init_everything (&everything);
  g_assert_true (sam_export_to_file (f->a, &everything, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sam_register_xml_import (b, file, NULL, NULL, &error));
  g_assert_no_error (error);
  rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen A");
  rename_actor (b, "emergency-112", SAM_LANG_SV, "112 B");
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 1, 0, 0);
  g_clear_pointer (&plan, sam_merge_plan_free);
  /* the same file as imported: nothing to do */
  {
    g_autofree char *xml = NULL;
    gsize length;
    SamRegisterData *same;

    g_assert_true (g_file_get_contents (path, &xml, &length, NULL));
    same = sam_register_xml_parse (xml, length, path, NULL, &error);
    g_assert_no_error (error);
    plan = plan_for (b, same);
    g_assert_true (sam_merge_plan_is_noop (plan));
  }
}

static void
set_route_value (SamStore *store, const char *actor_id, const char *route_id, const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, actor_id, &error);

  g_assert_no_error (error);
  g_assert_true (sam_contact_route_set_value (sam_actor_find_route (actor, route_id), value, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

static char *
route_value (SamStore *store, const char *actor_id, const char *route_id)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (store, actor_id, NULL);
  SamContactRoute *route = actor ? sam_actor_find_route (actor, route_id) : NULL;
  return route ? g_strdup (sam_contact_route_get_value (route)) : NULL;
}

static void
set_step_text (SamStore *store, const char *path_id, const char *step_id, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamEscalationPath) path = sam_store_load_path (store, path_id, &error);

  g_assert_no_error (error);
  sam_text_set (sam_escalation_step_get_text (sam_escalation_path_find_step (path, step_id)),
                SAM_LANG_EN, text);
  g_assert_true (sam_store_update_path (store, path, &error));
  g_assert_no_error (error);
}

static char *
step_text (SamStore *store, const char *path_id, const char *step_id)
{
  g_autoptr(SamEscalationPath) path = sam_store_load_path (store, path_id, NULL);
  SamEscalationStep *step = path ? sam_escalation_path_find_step (path, step_id) : NULL;
  return step ? g_strdup (sam_text_get (sam_escalation_step_get_text (step), SAM_LANG_EN)) : NULL;
}

/* Two registers filled from the same file without a source, each changing
 * the same on-call number: a conflict, not "1 updated". */
static void
test_same_sourceless_file (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_open_store (f->dir, "b.sqlite", TRUE);
  g_autoptr(SamMergePlan) plan = NULL;
  g_autofree char *kept = NULL;
  SamMergeItem *item;

  set_route_value (f->a, "umea-socialjour", "umea-socialjour-phone", "090-111 11 11");
  set_route_value (b, "umea-socialjour", "umea-socialjour-phone", "090-222 22 22");
  plan = plan_for (f->a, exchange (b, NULL));
  assert_counts (plan, 0, 0, 0, 1);
  item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
  g_assert_cmpstr (sam_merge_item_get_id (item), ==, "umea-socialjour");
  g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 1);
  g_assert_cmpstr (((SamMergeField *) g_ptr_array_index (sam_merge_item_get_fields (item), 0))->key,
                   ==, "route:umea-socialjour-phone");
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_MINE);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
  kept = route_value (f->a, "umea-socialjour", "umea-socialjour-phone");
  g_assert_cmpstr (kept, ==, "+46901111111");
}

/* A → B → A: A's own earlier edit coming back is no conflict, and taking
 * theirs does not undo A's latest change. */
static void
test_round_trip_keeps_latest (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autofree char *name = NULL;

  rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen 1");
  merge (f->a, b, SAM_MERGE_SIDE_NONE);
  rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen 2");
  plan = plan_for (f->a, exchange (b, NULL));
  assert_counts (plan, 0, 0, 0, 0);
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
  name = name_of (f->a, "polisen", SAM_LANG_SV);
  g_assert_cmpstr (name, ==, "Polisen 2");

  /* B meanwhile changed another field: only that is asked about */
  describe_actor (b, "polisen", SAM_LANG_EN, "Described by B");
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = plan_for (f->a, exchange (b, NULL));
  assert_counts (plan, 0, 0, 0, 1);
  {
    SamMergeItem *item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
    g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 1);
  }
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
  g_free (name);
  name = name_of (f->a, "polisen", SAM_LANG_SV);
  g_assert_cmpstr (name, ==, "Polisen 2");
}

/* An unchanged export merged back, even a public one: nothing happens. */
static void
test_unchanged_export_back (Fixture *f, gconstpointer data)
{
  SamExportFilter filter;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sam_export_filter_init (&filter);
  filter.audience = SAM_VISIBILITY_PUBLIC;
  rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen ändrad");
  before = records_of (f->a);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SamMergePlan) plan = plan_for (f->a, exchange (f->a, i == 0 ? &filter : NULL));
      assert_counts (plan, 0, 0, 0, 0);
      g_assert_true (sam_merge_plan_is_noop (plan));
      g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
    }
  after = records_of (f->a);
  g_assert_cmpstr (before, ==, after);
}

/* A file from @store as a register never seen before would write it:
 * @actor_id alone at revision 99 with another phone number, or (NULL)
 * tombstones for 112 and a path. */
static GFile *
stranger_file (Fixture *f, const char *name, gboolean change)
{
  g_autoptr(SamRegisterData) file = exchange (f->a, NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  GFile *gfile = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) the112 = NULL;

  g_free (file->source);
  file->source = g_strdup ("stranger");
  for (guint i = 0; i < file->actors->len; i++)
    if (g_str_equal (sam_actor_get_id (g_ptr_array_index (file->actors, i)), "emergency-112"))
      the112 = g_object_ref (g_ptr_array_index (file->actors, i));
  g_ptr_array_set_size (file->actors, 0);
  g_ptr_array_set_size (file->paths, 0);
  g_ptr_array_set_size (file->tombstones, 0);
  if (change)
    {
      _sam_record_set_ancestry (the112, NULL);
      sam_actor_set_revision (the112, 99);
      g_assert_true (sam_contact_route_set_value (sam_actor_find_route (the112, "emergency-112-phone"),
                                                  "11414", NULL));
      g_ptr_array_add (file->actors, g_object_ref (the112));
    }
  else
    for (guint i = 0; i < 2; i++)
      {
        SamTombstone *t = g_new0 (SamTombstone, 1);
        t->entity = g_strdup (i == 0 ? "actor" : "path");
        t->id = g_strdup (i == 0 ? "emergency-112" : "trafficking-adult");
        t->revision = 99;
        g_ptr_array_add (file->tombstones, t);
      }
  out = g_file_replace (gfile, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_true (sam_register_xml_write_data (file, G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);
  return gfile;
}

/* A few lines from a register never seen before cannot delete or change
 * what this register owns, by import or by follow. */
static void
test_stranger_cannot_change (Fixture *f, gconstpointer data)
{
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GFile) gfile = stranger_file (f, k ? "change.xml" : "tombstones.xml", k);
      g_autofree char *path = g_file_get_path (gfile);
      g_autoptr(SamMergePlan) plan = NULL;
      g_autoptr(SamEscalationPath) still = NULL;
      g_autofree char *number = NULL;
      g_autoptr(GError) error = NULL;

      plan = sam_merge_plan_new_for_file (f->a, gfile, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_CONFLICT), ==, k ? 1 : 2);
      g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_UPDATED), ==, 0);
      g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_DELETED), ==, 0);
      g_assert_false (sam_merge_plan_apply (plan, FALSE, &error));
      g_assert_error (error, SAM_ERROR, SAM_ERROR_CONFLICT);
      g_clear_error (&error);

      /* follow applies nothing of it either */
      g_assert_true (sam_follow_add (f->a, path, &error));
      g_clear_pointer (&plan, sam_merge_plan_free);
      plan = sam_follow_sync (f->a, path, NULL, &error);
      g_assert_no_error (error);
      number = route_value (f->a, "emergency-112", "emergency-112-phone");
      g_assert_cmpstr (number, ==, "112");
      still = sam_store_load_path (f->a, "trafficking-adult", &error);
      g_assert_no_error (error);
    }
}

/* A followed register's paths are read-only here, like its actors, and
 * one deleted here anyway comes back with the next sync. */
static void
test_followed_paths_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "published.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SamStore) b = open_new (f, "b.sqlite", "Bo B");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(SamEscalationPath) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (f->dir, "b.sqlite", NULL);
  sqlite3 *sql = NULL;

  g_assert_true (sam_export_to_file (f->a, NULL, file, NULL, &error));
  g_assert_true (sam_follow_add (b, path, &error));
  plan = sam_follow_sync (b, path, NULL, &error);
  g_assert_no_error (error);
  loaded = sam_store_load_path (b, "trafficking-adult", &error);
  g_assert_no_error (error);

  g_assert_false (sam_store_delete_path (b, "trafficking-adult", sam_escalation_path_get_revision (loaded), &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_FOLLOWED);
  g_clear_error (&error);
  sam_text_set (sam_escalation_path_get_title (loaded), SAM_LANG_EN, "Changed here");
  g_assert_false (sam_store_update_path (b, loaded, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_FOLLOWED);
  g_clear_error (&error);

  /* deleted behind the register's back (an older version did allow it) */
  g_assert_cmpint (sqlite3_open (db, &sql), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (sql, "UPDATE escalation_path SET deleted = 1 WHERE id = 'trafficking-adult'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (sql);
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = sam_follow_sync (b, path, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = sam_store_load_path (b, "trafficking-adult", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

/* Two edits to different steps of a path by two registers: the owner's
 * comes in by itself, the other's stays; the same step changed on both
 * sides is a conflict of that step field alone. */
static void
test_path_steps_field_by_field (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  SamMergeItem *item;

  set_step_text (f->a, "trafficking-adult", "trafficking-adult-s1", "Step one by A");
  set_step_text (b, "trafficking-adult", "trafficking-adult-s2", "Step two by B");
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 1, 0, 0);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
  s1 = step_text (b, "trafficking-adult", "trafficking-adult-s1");
  s2 = step_text (b, "trafficking-adult", "trafficking-adult-s2");
  g_assert_cmpstr (s1, ==, "Step one by A");
  g_assert_cmpstr (s2, ==, "Step two by B");

  set_step_text (f->a, "trafficking-adult", "trafficking-adult-s2", "Step two by A");
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = plan_for (b, exchange (f->a, NULL));
  assert_counts (plan, 0, 0, 0, 1);
  item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
  g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 1);
  g_assert_cmpstr (((SamMergeField *) g_ptr_array_index (sam_merge_item_get_fields (item), 0))->key,
                   ==, "step:trafficking-adult-s2/text.en");
  g_assert_cmpuint (sam_merge_plan_prefer_field (plan, NULL, "step:trafficking-adult-s2", SAM_MERGE_SIDE_THEIRS), ==, 1);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
  g_free (s2);
  s2 = step_text (b, "trafficking-adult", "trafficking-adult-s2");
  g_assert_cmpstr (s2, ==, "Step two by A");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/merge/first-import-and-reimport", test_first_import_and_reimport);
  ADD ("/merge/one-sided-changes", test_one_sided_changes);
  ADD ("/merge/ancestry/same-sourceless-file", test_same_sourceless_file);
  ADD ("/merge/ancestry/round-trip-keeps-latest", test_round_trip_keeps_latest);
  ADD ("/merge/ancestry/unchanged-export-back", test_unchanged_export_back);
  ADD ("/merge/owner/stranger-cannot-change", test_stranger_cannot_change);
  ADD ("/merge/owner/hand-over-travels", test_hand_over_travels);
  ADD ("/merge/follow/paths-read-only", test_followed_paths_read_only);
  ADD ("/merge/paths/steps-field-by-field", test_path_steps_field_by_field);
  ADD ("/merge/conflict/refused-then-theirs", test_conflict_refused_then_prefer);
  ADD ("/merge/source-field", test_source_field);
  ADD ("/merge/conflict/mine", test_conflict_prefer_mine);
  ADD ("/merge/conflict/field-by-field", test_conflict_field_by_field);
  ADD ("/merge/tombstone/deleted-upstream", test_deleted_upstream);
  ADD ("/merge/tombstone/deleted-here", test_deleted_here);
  ADD ("/merge/dry-run-and-stale", test_dry_run_and_stale);
  ADD ("/merge/backup-before-import", test_backup_before_import);
  ADD ("/merge/public-subset", test_public_subset_keeps_restricted_routes);
  ADD ("/merge/audience/internal-edit-after-professional-view", test_internal_edit_after_professional_view);
  ADD ("/merge/three-way-ring", test_three_way_ring);
  ADD ("/merge/migration-from-format-2", test_migration_from_format_2);
  ADD ("/merge/old-file-without-source", test_old_file_without_source);
  ADD ("/merge/plain-import-then-merge", test_plain_import_then_merge);
#undef ADD
  return g_test_run ();
}
