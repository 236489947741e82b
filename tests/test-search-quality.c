/* test-search-quality.c
 *
 * Does search find what a social worker means? Every query of
 * tests/data/search-quality.txt runs against the sample register or one
 * of two small registers of other counties with few keywords
 * (tests/data/search-register-varmland.xml and -norrbotten.xml), and the
 * actors the file names must be among the first three results. Every miss is reported
 * with what came first instead.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "sam-query.h"
#include "sam-register-xml.h"
#include "sam-test-util.h"

#define TOP 3

typedef struct {
  char *dir;
  SamStore *sample;
  SamStore *varmland;
  SamStore *norrbotten;
} Fixture;

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("SAMVERKAN_TEST_DATA"), name, NULL);
}

/* One of the small registers of tests/data, search-register-@name.xml. */
static SamStore *
open_county (const char *dir, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_strdup_printf ("search-register-%s.xml", name);
  g_autofree char *db = g_strdup_printf ("%s.sqlite", name);
  g_autofree char *path = data_path (base);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SamStore *store = sam_test_open_store (dir, db, FALSE);

  g_assert_true (sam_register_xml_import (store, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_count_actors (store), ==, 20);
  return store;
}

static void
set_up (Fixture *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  f->sample = sam_test_open_store (f->dir, "sample.sqlite", TRUE);
  f->varmland = open_county (f->dir, "varmland");
  f->norrbotten = open_county (f->dir, "norrbotten");
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->sample);
  g_clear_object (&f->varmland);
  g_clear_object (&f->norrbotten);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
describe_top (GPtrArray *found)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < MIN (found->len, TOP); i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", sam_actor_get_id (g_ptr_array_index (found, i)));
  if (found->len == 0)
    g_string_append (out, "nothing");
  return g_string_free (out, FALSE);
}

static gboolean
in_top (GPtrArray *found, const char *id)
{
  for (guint i = 0; i < MIN (found->len, TOP); i++)
    if (g_str_equal (sam_actor_get_id (g_ptr_array_index (found, i)), id))
      return TRUE;
  return FALSE;
}

/* Runs one line of the file; returns a description of what failed, or NULL. */
static char *
check_line (Fixture *f, char **fields)
{
  g_autofree char *reg = g_strstrip (g_strdup (fields[0]));
  g_autofree char *options = g_strstrip (g_strdup (fields[1]));
  g_autofree char *text = g_strstrip (g_strdup (fields[2]));
  g_autofree char *ids = g_strstrip (g_strdup (fields[3]));
  g_auto(GStrv) wanted = g_strsplit_set (ids, " ", -1);
  g_autoptr(SamQuery) query = sam_query_new (text);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  SamStore *store = g_str_equal (reg, "varmland") ? f->varmland
                    : g_str_equal (reg, "norrbotten") ? f->norrbotten : f->sample;
  GString *missing = g_string_new (NULL);

  g_assert_true (g_str_equal (reg, "varmland") || g_str_equal (reg, "norrbotten") ||
                 g_str_equal (reg, "sample"));
  if (g_str_has_prefix (options, "near="))
    query->near = g_strdup (options + 5);
  query->rows_only = TRUE;
  found = sam_store_search (store, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; wanted[i]; i++)
    if (wanted[i][0] != '\0' && !in_top (found, wanted[i]))
      g_string_append_printf (missing, " %s", wanted[i]);
  if (missing->len == 0)
    return (g_string_free (missing, TRUE), NULL);
  {
    g_autofree char *top = describe_top (found);
    g_autofree char *what = g_string_free (missing, FALSE);
    return g_strdup_printf ("%s “%s”%s%s: missing%s; first: %s", reg, text,
                            options[0] ? " " : "", options, what, top);
  }
}

static void
test_quality (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("search-quality.txt");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint queries = 0, failed = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *failure = NULL;

      if (lines[i][0] == '#' || g_strstrip (lines[i])[0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "|", 4);
      g_assert_cmpint (g_strv_length (fields), ==, 4);
      queries++;
      failure = check_line (f, fields);
      if (failure != NULL)
        {
          g_test_message ("line %u: %s", i + 1, failure);
          failed++;
        }
    }
  g_test_message ("%u queries, %u missed", queries, failed);
  g_assert_cmpuint (queries, >=, 60);
  g_assert_cmpuint (failed, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/search-quality/top-three", Fixture, NULL, set_up, test_quality, tear_down);
  return g_test_run ();
}
