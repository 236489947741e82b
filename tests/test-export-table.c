/* test-export-table.c — the CSV export read back by the spreadsheet reader
 *
 * A CSV written by `export --format csv` is what a spreadsheet importer
 * reads first: the reader (sam-table.h) takes its byte order mark, commas
 * and quotes, finds the headings of sam-table-columns.h in the first row,
 * one row per actor, and every cell as it was written, quotes and commas
 * included. Through the audience rule: no internal route.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "sam-export-format.h"
#include "sam-register-xml.h"
#include "sam-table.h"
#include "sam-table-columns.h"
#include "sam-test-util.h"

typedef struct {
  char *dir;
  SamStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("SAMVERKAN_TEST_DATA"), "jamtland-export.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", FALSE);
  g_assert_true (sam_register_xml_import (f->store, file, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

static SamTable *
export_and_read (Fixture *f, SamVisibility audience)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  SamExportFilter filter;
  SamTable *table;

  sam_export_filter_init (&filter);
  filter.audience = audience;
  g_assert_true (sam_export_format_write (f->store, &filter, SAM_EXPORT_FORMAT_CSV, SAM_LANG_SV,
                                          out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  table = sam_table_read_csv (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                              g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const SamTableRow *
row_of (SamTable *table, const char *id)
{
  for (guint i = 1; i < table->rows->len; i++)
    {
      const SamTableRow *row = g_ptr_array_index (table->rows, i);

      if (g_str_equal (sam_table_row_get (row, SAM_TABLE_COLUMN_ID), id))
        return row;
    }
  g_assert_not_reached ();
}

static void
test_read_back (Fixture *f, gconstpointer data)
{
  g_autoptr(SamTable) table = export_and_read (f, SAM_VISIBILITY_PROFESSIONAL);
  const SamTableRow *header = g_ptr_array_index (table->rows, 0);
  const SamTableRow *jour, *akut;

  g_assert_cmpstr (table->format, ==, "csv");
  g_assert_cmpstr (table->encoding, ==, "UTF-8");
  g_assert_cmpint (table->separator, ==, ',');
  g_assert_cmpuint (table->n_columns, ==, SAM_N_TABLE_COLUMNS);
  for (guint c = 0; c < SAM_N_TABLE_COLUMNS; c++)
    g_assert_cmpstr (sam_table_row_get (header, c), ==, sam_table_column_get_heading (c));
  g_assert_cmpuint (table->rows->len - 1, ==, sam_store_count_actors (f->store));

  jour = row_of (table, "ostersund-socialjour");
  g_assert_cmpstr (sam_table_row_get (jour, SAM_TABLE_COLUMN_NAME), ==, "Socialjouren \"Jämtland\", Östersund");
  g_assert_cmpstr (sam_table_row_get (jour, SAM_TABLE_COLUMN_ON_CALL), ==, "063-14 32 10");
  g_assert_cmpstr (sam_table_row_get (jour, SAM_TABLE_COLUMN_PHONE), ==, "070-321 45 67");
  g_assert_cmpstr (sam_table_row_get (jour, SAM_TABLE_COLUMN_HOURS), ==,
                   "Mo-Th 16:30-08:00; Fr 16:00-24:00; Sa 00:00-24:00; Su,PH 00:00-32:00");
  akut = row_of (table, "region-jamtland-akut");
  g_assert_cmpstr (sam_table_row_get (akut, SAM_TABLE_COLUMN_PHONE), ==,
                   "063-15 30 00" SAM_TABLE_VALUE_SEPARATOR "063-15 35 35");
  /* a formula from elsewhere stays text */
  g_assert_true (g_str_has_prefix (sam_table_row_get (akut, SAM_TABLE_COLUMN_NOTE), "'=HYPERLINK("));
}

/* Whatever the audience asked for, no cell holds an internal number. */
static void
test_no_internal (Fixture *f, gconstpointer data)
{
  static const char * const internal[] = { "063-14 39 99", "070-999 88 77", "Hemliga vägen",
                                           "chefsjour-intern@" };

  for (SamVisibility audience = SAM_VISIBILITY_PUBLIC; audience <= SAM_VISIBILITY_PROFESSIONAL; audience++)
    {
      g_autoptr(SamTable) table = export_and_read (f, audience);

      for (guint i = 0; i < table->rows->len; i++)
        {
          const SamTableRow *row = g_ptr_array_index (table->rows, i);

          for (guint c = 0; c < row->cells->len; c++)
            for (guint k = 0; k < G_N_ELEMENTS (internal); k++)
              g_assert_null (strstr (g_ptr_array_index (row->cells, c), internal[k]));
        }
      /* the professional mobile only for professionals */
      g_assert_cmpstr (sam_table_row_get (row_of (table, "ostersund-socialjour"), SAM_TABLE_COLUMN_PHONE),
                       ==, audience == SAM_VISIBILITY_PUBLIC ? "" : "070-321 45 67");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/export-table/read-back", Fixture, NULL, fixture_set_up, test_read_back,
              fixture_tear_down);
  g_test_add ("/export-table/no-internal", Fixture, NULL, fixture_set_up, test_no_internal,
              fixture_tear_down);
  return g_test_run ();
}
