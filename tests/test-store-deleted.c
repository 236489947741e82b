/* test-store-deleted.c
 *
 * Recently deleted records: listed newest first with when and by whom,
 * restored by id (a new revision that wins over the tombstone in a merge),
 * refused when live or purged, and purged after the retention: the details
 * go, the change log keeps only when and who, and the tombstone still
 * travels to other registers.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-store.h"
#include "sam-store-deleted.h"
#include "sam-test-util.h"

#define ACTOR "nus-akutmottagning"
#define PATH "trafficking-adult"

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
  sam_store_set_user (f->a, "Anna Berg");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->a);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
  g_unsetenv ("SAMVERKAN_NOW");
}

static void
delete_actor (SamStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, &error);

  g_assert_no_error (error);
  g_assert_true (sam_store_delete_actor (store, id, sam_actor_get_revision (actor), &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_deleted (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sam_store_list_deleted (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* What @from exports, read back as another register reads it. */
static SamRegisterData *
exchange (SamStore *from)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  SamRegisterData *data;
  SamExportFilter everything;
  gsize length = 0;

  sam_export_filter_init_everything (&everything);
  xml = sam_export_to_data (from, &everything, &length, &error);
  g_assert_no_error (error);
  data = sam_register_xml_parse (xml, length, "exchange.xml", NULL, &error);
  g_assert_no_error (error);
  return data;
}

/* Merges @data into @to; no conflicts expected. */
static void
merge_data (SamRegisterData *data, SamStore *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMergePlan) plan = sam_merge_plan_new (to, data, "exchange.xml", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_CONFLICT), ==, 0);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
}

static void
merge (SamStore *from, SamStore *to)
{
  merge_data (exchange (from), to);
}

/* The name a register gives itself, as another one records it. */
static char *
source_name (SamStore *store)
{
  SamRegisterMeta meta = { 0 };
  char *name;

  g_assert_true (sam_store_get_meta (store, &meta, NULL));
  name = g_strdup (sam_text_get_best (&meta.name, sam_lang_from_locale (), NULL));
  sam_register_meta_clear (&meta);
  return name;
}

static gboolean
is_live (SamStore *store, const char *id)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, NULL);

  return actor != NULL;
}

static void
test_list_and_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SamEscalationPath) path = sam_store_load_path (f->a, PATH, &error);
  SamDeletedRecord *first;

  g_assert_no_error (error);
  list = list_deleted (f->a);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  delete_actor (f->a, ACTOR);
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T13:00:00+01:00", TRUE);
  sam_store_set_user (f->a, "Björn Ek");
  g_assert_true (sam_store_delete_path (f->a, PATH, sam_escalation_path_get_revision (path), &error));
  g_assert_no_error (error);

  list = list_deleted (f->a);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  /* newest first, each with its name, time and who */
  g_assert_cmpstr (first->entity, ==, "path");
  g_assert_cmpstr (first->id, ==, PATH);
  g_assert_cmpstr (first->deleted_by, ==, "Björn Ek");
  g_assert_nonnull (sam_text_get (&first->name, SAM_LANG_SV));
  first = g_ptr_array_index (list, 1);
  g_assert_cmpstr (first->id, ==, ACTOR);
  g_assert_cmpstr (first->deleted_by, ==, "Anna Berg");
  g_assert_cmpstr (sam_text_get (&first->name, SAM_LANG_SV), ==, "Norrlands universitetssjukhus – akutmottagningen");
  g_assert_cmpint (g_date_time_get_hour (first->deleted_at), ==, 11);
  g_assert_false (first->followed);

  g_assert_true (sam_store_restore_record (f->a, ACTOR, &error));
  g_assert_no_error (error);
  g_assert_true (is_live (f->a, ACTOR));
  g_assert_true (sam_store_restore_record (f->a, PATH, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_deleted (f->a);
  g_assert_cmpuint (list->len, ==, 0);

  /* a live record has nothing to restore, an unknown id is named */
  g_assert_false (sam_store_restore_record (f->a, ACTOR, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_restore_record (f->a, "nobody", &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nobody"));
  g_clear_error (&error);
  /* deleting twice is refused */
  delete_actor (f->a, ACTOR);
  g_assert_false (sam_store_delete_actor (f->a, ACTOR, -1, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
}

static void
test_purge (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) early = g_date_time_new_from_iso8601 ("2026-11-20T00:00:00Z", NULL);
  g_autoptr(GDateTime) late = g_date_time_new_from_iso8601 ("2026-12-30T00:00:00Z", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint purged = 99, kept = 99;

  delete_actor (f->a, ACTOR);
  /* deleted after the cut-off: kept */
  g_assert_true (sam_store_purge_deleted (f->a, early, &purged, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (purged, ==, 0);
  g_assert_cmpuint (kept, ==, 0);
  list = list_deleted (f->a);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (sam_store_purge_deleted (f->a, late, &purged, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (purged, ==, 1);
  list = list_deleted (f->a);
  g_assert_cmpuint (list->len, ==, 0);

  /* gone for good: no restore, and the change log keeps no details */
  g_assert_false (sam_store_restore_record (f->a, ACTOR, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  changes = sam_store_list_changes (f->a, "actor", ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, >=, 2);
  g_assert_cmpstr (((SamChange *) g_ptr_array_index (changes, 0))->op, ==, "purge");
  for (guint i = 0; i < changes->len; i++)
    {
      SamChange *c = g_ptr_array_index (changes, i);

      g_assert_null (c->before);
      g_assert_null (c->after);
    }
}

/* The tombstone of a purged record still deletes the record elsewhere,
 * and a restore is a revision that wins over the tombstone. */
static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_open_store (f->dir, "b.sqlite", FALSE);
  g_autoptr(SamStore) c = sam_test_open_store (f->dir, "c.sqlite", FALSE);
  g_autoptr(GDateTime) late = g_date_time_new_from_iso8601 ("2026-12-30T00:00:00Z", NULL);
  g_autoptr(SamRegisterData) old_file = NULL;
  g_autoptr(GError) error = NULL;
  guint purged = 0;

  merge (f->a, b);
  merge (f->a, c);
  g_assert_true (is_live (b, ACTOR));
  old_file = exchange (b);

  delete_actor (f->a, ACTOR);
  merge (f->a, b);
  g_assert_false (is_live (b, ACTOR));
  /* there it names the register the deletion came from */
  {
    g_autoptr(GPtrArray) list = list_deleted (b);
    g_autofree char *name = source_name (f->a);
    SamDeletedRecord *record;

    g_assert_cmpuint (list->len, ==, 1);
    record = g_ptr_array_index (list, 0);
    g_assert_cmpstr (record->id, ==, ACTOR);
    g_assert_cmpstr (record->source, ==, name);
  }
  g_assert_true (sam_store_restore_record (f->a, ACTOR, &error));
  g_assert_no_error (error);
  merge (f->a, b);
  g_assert_true (is_live (b, ACTOR));

  delete_actor (f->a, ACTOR);
  g_assert_true (sam_store_purge_deleted (f->a, late, &purged, NULL, &error));
  g_assert_cmpuint (purged, ==, 1);
  merge (f->a, b);
  merge (f->a, c);
  g_assert_false (is_live (b, ACTOR));
  g_assert_false (is_live (c, ACTOR));
  /* an older file from before the deletion does not bring it back */
  merge_data (g_steal_pointer (&old_file), f->a);
  g_assert_false (is_live (f->a, ACTOR));
  /* and the tombstone still leaves with every export */
  {
    g_autoptr(SamRegisterData) now = exchange (f->a);
    gboolean found = FALSE;

    for (guint i = 0; i < now->tombstones->len; i++)
      found |= g_str_equal (((SamTombstone *) g_ptr_array_index (now->tombstones, i))->id, ACTOR);
    g_assert_true (found);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store-deleted/list-restore", test_list_and_restore);
  ADD ("/store-deleted/purge", test_purge);
  ADD ("/store-deleted/merge", test_merge);
  return g_test_run ();
}
