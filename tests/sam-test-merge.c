/* sam-test-merge.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "sam-register-xml.h"
#include "sam-test-merge.h"
#include "sam-test-util.h"
void
sam_test_fixture_set_up (SamMergeFixture *f, gconstpointer data)
{
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  f->dir = sam_test_make_dir ();
  f->a = sam_test_open_store (f->dir, "a.sqlite", TRUE);
  sam_store_set_user (f->a, "Anna A");
}

void
sam_test_fixture_tear_down (SamMergeFixture *f, gconstpointer data)
{
  g_clear_object (&f->a);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
  g_unsetenv ("SAMVERKAN_NOW");
}

/* What @store exports (NULL: the whole register, every route), read back as
 * another installation reads it. */
SamRegisterData *
sam_test_exchange (SamStore *store, const SamExportFilter *filter)
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

SamMergePlan *
sam_test_plan_for (SamStore *store, SamRegisterData *data)
{
  g_autoptr(GError) error = NULL;
  SamMergePlan *plan = sam_merge_plan_new (store, data, "exchange.xml", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

void
sam_test_assert_counts (SamMergePlan *plan, guint n_new, guint updated, guint deleted, guint conflicts)
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
void
sam_test_merge (SamStore *from, SamStore *to, SamMergeSide prefer)
{
  g_autoptr(SamMergePlan) plan = sam_test_plan_for (to, sam_test_exchange (from, NULL));
  g_autoptr(GError) error = NULL;

  if (prefer != SAM_MERGE_SIDE_NONE)
    sam_merge_plan_prefer (plan, prefer);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
}

void
sam_test_rename_actor (SamStore *store, const char *id, SamLang lang, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, &error);

  g_assert_no_error (error);
  sam_text_set (sam_actor_get_name (actor), lang, name);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

void
sam_test_describe_actor (SamStore *store, const char *id, SamLang lang, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, &error);

  g_assert_no_error (error);
  sam_text_set (sam_actor_get_description (actor), lang, text);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

char *
sam_test_name_of (SamStore *store, const char *id, SamLang lang)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, NULL);
  return actor ? g_strdup (sam_text_get (sam_actor_get_name (actor), lang)) : NULL;
}

SamStore *
sam_test_open_new (SamMergeFixture *f, const char *name, const char *user)
{
  SamStore *store = sam_test_open_store (f->dir, name, FALSE);
  sam_store_set_user (store, user);
  return store;
}

/* B: an empty register that imported A with a merge. */
SamStore *
sam_test_copy_of_a (SamMergeFixture *f, const char *name)
{
  SamStore *b = sam_test_open_new (f, name, "Bo B");
  g_autoptr(SamMergePlan) plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
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
char *
sam_test_records_of (SamStore *store)
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

