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
#include "sam-test-merge.h"

static void
test_first_import_and_reimport (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) again = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  g_autofree char *ra = sam_test_records_of (f->a);
  g_autofree char *rb = sam_test_records_of (b);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ra, ==, rb);
  /* the same file again: nothing to do, nothing written */
  sam_test_assert_counts (again, 0, 0, 0, 0);
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
      g_autoptr(SamRegisterData) d = sam_test_exchange (f->a, NULL);
      g_assert_cmpstr (instance, ==, d->source);
    }
  }
}

static void
test_one_sided_changes (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(GError) error = NULL;

  sam_test_rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen (ändrad hos A)");
  sam_test_rename_actor (b, "emergency-112", SAM_LANG_SV, "112 (ändrad hos B)");
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 1, 0, 0);
  g_assert_cmpstr (sam_merge_item_get_id (g_ptr_array_index (sam_merge_plan_get_changes (plan), 0)), ==, "polisen");
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  theirs = sam_test_name_of (b, "polisen", SAM_LANG_SV);
  mine = sam_test_name_of (b, "emergency-112", SAM_LANG_SV);
  g_assert_cmpstr (theirs, ==, "Polisen (ändrad hos A)");
  g_assert_cmpstr (mine, ==, "112 (ändrad hos B)");

  /* and back: A owns 112, so B's change is a proposal A decides on; A's
   * own change stays without a question */
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = sam_test_plan_for (f->a, sam_test_exchange (b, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 1);
  {
    SamMergeItem *item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
    g_assert_cmpstr (sam_merge_item_get_id (item), ==, "emergency-112");
    g_assert_true (sam_merge_item_is_proposal (item));
  }
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  g_free (mine);
  mine = sam_test_name_of (f->a, "emergency-112", SAM_LANG_SV);
  g_assert_cmpstr (mine, ==, "112 (ändrad hos B)");
  g_free (theirs);
  theirs = sam_test_name_of (f->a, "polisen", SAM_LANG_SV);
  g_assert_cmpstr (theirs, ==, "Polisen (ändrad hos A)");
}

static void
test_conflict_refused_then_prefer (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;

  sam_test_rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen A");
  sam_test_rename_actor (b, "polisen", SAM_LANG_SV, "Polisen B");
  before = sam_test_records_of (b);
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 1);
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
  after = sam_test_records_of (b);
  g_assert_cmpstr (before, ==, after);

  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  name = sam_test_name_of (b, "polisen", SAM_LANG_SV);
  g_assert_cmpstr (name, ==, "Polisen A");

  /* settled: the same file again changes nothing */
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 0);
  g_assert_true (sam_merge_plan_is_noop (plan));
}

static void
test_conflict_prefer_mine (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  sam_test_rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen A");
  sam_test_rename_actor (b, "polisen", SAM_LANG_SV, "Polisen B");
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_MINE);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  name = sam_test_name_of (b, "polisen", SAM_LANG_SV);
  g_assert_cmpstr (name, ==, "Polisen B");
  /* the choice is remembered: the same file is no conflict any more */
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 0);
}

static void
test_conflict_field_by_field (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(SamActor) result = NULL;
  g_autoptr(GError) error = NULL;
  SamMergeItem *item;

  sam_test_rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen A");
  sam_test_describe_actor (f->a, "polisen", SAM_LANG_EN, "Described by A");
  sam_test_rename_actor (b, "polisen", SAM_LANG_SV, "Polisen B");
  sam_test_describe_actor (b, "polisen", SAM_LANG_EN, "Described by B");
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 1);
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
  plan = sam_test_plan_for (f->a, sam_test_exchange (b, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 1);
  item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
  g_assert_true (sam_merge_item_is_proposal (item));
  g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 1);
  g_assert_cmpstr (((SamMergeField *) g_ptr_array_index (sam_merge_item_get_fields (item), 0))->key,
                   ==, "description.en");
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *ra = sam_test_records_of (f->a);
    g_autofree char *rb = sam_test_records_of (b);
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
test_source_field (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(SamActor) result = NULL;
  g_autoptr(GError) error = NULL;
  SamMergeItem *item;

  set_source (f->a, "polisen", "https://polisen.se/a", "2026-11-01");
  sam_test_rename_actor (b, "polisen", SAM_LANG_EN, "Police B");
  sam_test_merge (f->a, b, SAM_MERGE_SIDE_NONE);
  result = sam_store_load_actor (b, "polisen", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_actor_get_source (result), ==, "https://polisen.se/a");
  g_assert_cmpstr (sam_actor_get_source_read (result), ==, "2026-11-01");
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (result), SAM_LANG_EN), ==, "Police B");

  set_source (f->a, "polisen", "https://polisen.se/a2", "2026-11-20");
  set_source (b, "polisen", "Polisens lista (PDF)", "2026-11-21");
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 1);
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
test_deleted_upstream (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamRegisterData) old_file = sam_test_exchange (f->a, NULL);
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(SamActor) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (f->a, "nus-akutmottagning", NULL);

  g_assert_true (sam_store_delete_actor (f->a, "nus-akutmottagning", sam_actor_get_revision (actor), &error));
  g_assert_no_error (error);
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 0, 1, 0);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  gone = sam_store_load_actor (b, "nus-akutmottagning", &error);
  g_assert_null (gone);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* an older file, from before the deletion, does not bring it back */
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = sam_test_plan_for (b, g_steal_pointer (&old_file));
  sam_test_assert_counts (plan, 0, 0, 0, 0);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  gone = sam_store_load_actor (b, "nus-akutmottagning", NULL);
  g_assert_null (gone);

  /* nor into a third register that never had it, once the deletion came by */
  {
    g_autoptr(SamStore) c = sam_test_open_new (f, "c.sqlite", "Cia C");
    sam_test_merge (b, c, SAM_MERGE_SIDE_NONE);
    g_clear_pointer (&plan, sam_merge_plan_free);
    plan = sam_test_plan_for (c, sam_test_exchange (f->a, NULL));
    sam_test_assert_counts (plan, 0, 0, 0, 0);
  }
}

static void
test_deleted_here (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (b, "nus-akutmottagning", NULL);
  g_autoptr(SamActor) back = NULL;

  g_assert_true (sam_store_delete_actor (b, "nus-akutmottagning", sam_actor_get_revision (actor), &error));
  /* A unchanged: the deletion stands */
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 0);
  g_clear_pointer (&plan, sam_merge_plan_free);

  /* A changed it meanwhile: deleted here, changed there */
  sam_test_rename_actor (f->a, "nus-akutmottagning", SAM_LANG_EN, "Akut (changed by A)");
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 1);
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
  plan = sam_test_plan_for (f->a, sam_test_exchange (b, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 1);
  g_assert_true (sam_merge_item_is_proposal (g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0)));
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&back);
  back = sam_store_load_actor (f->a, "nus-akutmottagning", NULL);
  g_assert_null (back);
}

static void
test_dry_run_and_stale (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sam_test_rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen A");
  before = sam_test_records_of (b);
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 1, 0, 0);
  after = sam_test_records_of (b);
  g_assert_cmpstr (before, ==, after);      /* a plan is a preview: nothing written */

  /* someone saves in between: the plan is refused, nothing half done */
  sam_test_rename_actor (b, "emergency-112", SAM_LANG_EN, "Changed meanwhile");
  g_assert_false (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_STALE);
}

static void
test_backup_before_import (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Polisen %u", i);
      g_autoptr(SamMergePlan) plan = NULL;

      sam_test_rename_actor (f->a, "polisen", SAM_LANG_SV, name);
      plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
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
    name = sam_test_name_of (copy, "polisen", SAM_LANG_SV);
    g_assert_cmpstr (name, ==, "Polisen 10");
  }
}


/* A register at format 2 (as 0.1 made it) is brought to format 3 on
 * opening, and then merges. */
static void
test_migration_from_format_2 (SamMergeFixture *f, gconstpointer data)
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
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (store, sam_test_exchange (f->a, NULL));
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
test_old_file_without_source (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *xml = sam_register_xml_export_to_data (f->a, &length, &error);
  g_autoptr(SamStore) b = sam_test_open_new (f, "b.sqlite", "Bo B");
  SamRegisterData *parsed;
  g_autoptr(SamMergePlan) plan = NULL;

  g_assert_no_error (error);
  g_assert_null (strstr (xml, "source="));
  parsed = sam_register_xml_parse (xml, length, "old.xml", NULL, &error);
  g_assert_no_error (error);
  plan = sam_test_plan_for (b, parsed);
  g_assert_cmpstr (sam_merge_plan_get_source (plan), ==, "sample-vasterbotten");
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, sam_merge_plan_free);
  parsed = sam_register_xml_parse (xml, length, "old.xml", NULL, &error);
  plan = sam_test_plan_for (b, parsed);
  g_assert_true (sam_merge_plan_is_noop (plan));
}

/* A register filled by the plain import (into an empty register) knows
 * the file's source: the next merge with it is three-way, not all
 * conflicts. */
static void
test_plain_import_then_merge (SamMergeFixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "a.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SamStore) b = sam_test_open_new (f, "b.sqlite", "Bo B");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  SamExportFilter everything;

  sam_export_filter_init_everything (&everything);
  g_assert_true (sam_export_to_file (f->a, &everything, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sam_register_xml_import (b, file, NULL, NULL, &error));
  g_assert_no_error (error);
  sam_test_rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen A");
  sam_test_rename_actor (b, "emergency-112", SAM_LANG_SV, "112 B");
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 1, 0, 0);
  g_clear_pointer (&plan, sam_merge_plan_free);
  /* the same file as imported: nothing to do */
  {
    g_autofree char *xml = NULL;
    gsize length;
    SamRegisterData *same;

    g_assert_true (g_file_get_contents (path, &xml, &length, NULL));
    same = sam_register_xml_parse (xml, length, path, NULL, &error);
    g_assert_no_error (error);
    plan = sam_test_plan_for (b, same);
    g_assert_true (sam_merge_plan_is_noop (plan));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, SamMergeFixture, NULL, sam_test_fixture_set_up, fn, sam_test_fixture_tear_down)
  ADD ("/merge/first-import-and-reimport", test_first_import_and_reimport);
  ADD ("/merge/one-sided-changes", test_one_sided_changes);
  ADD ("/merge/conflict/refused-then-theirs", test_conflict_refused_then_prefer);
  ADD ("/merge/source-field", test_source_field);
  ADD ("/merge/conflict/mine", test_conflict_prefer_mine);
  ADD ("/merge/conflict/field-by-field", test_conflict_field_by_field);
  ADD ("/merge/tombstone/deleted-upstream", test_deleted_upstream);
  ADD ("/merge/tombstone/deleted-here", test_deleted_here);
  ADD ("/merge/dry-run-and-stale", test_dry_run_and_stale);
  ADD ("/merge/backup-before-import", test_backup_before_import);
  ADD ("/merge/migration-from-format-2", test_migration_from_format_2);
  ADD ("/merge/old-file-without-source", test_old_file_without_source);
  ADD ("/merge/plain-import-then-merge", test_plain_import_then_merge);
#undef ADD
  return g_test_run ();
}
