/* test-table-read.c — spreadsheets as people save them, read into rows
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sam-errors.h"
#include "sam-table.h"

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("SAMVERKAN_TEST_DATA"), "tables", name, NULL);
}

static SamTable *
read_file (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  SamTable *table = sam_table_read (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const SamTableRow *
row_numbered (SamTable *table, guint number)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      const SamTableRow *row = g_ptr_array_index (table->rows, i);
      if (row->number == number)
        return row;
    }
  g_assert_not_reached ();
}

static void
test_excel_csv (void)
{
  g_autoptr(SamTable) table = read_file ("skane-excel.csv");
  const SamTableRow *row;

  g_assert_cmpstr (table->format, ==, "csv");
  g_assert_cmpstr (table->encoding, ==, "Windows-1252");
  g_assert_cmpint (table->separator, ==, ';');
  g_assert_cmpuint (table->n_columns, ==, 12);
  row = row_numbered (table, 1);
  g_assert_cmpstr (sam_table_row_get (row, 8), ==, "Öppettider");
  row = row_numbered (table, 2);
  g_assert_cmpstr (sam_table_row_get (row, 0), ==, "Socialtjänsten Malmö, vuxenenheten");
  /* a quoted address with a line break in it, and an en dash from 1252 */
  g_assert_cmpstr (sam_table_row_get (row, 7), ==, "Östra Förstadsgatan 34\n205 80 Malmö");
  g_assert_cmpstr (sam_table_row_get (row, 8), ==, "mån–fre 8–16.30");
  /* the blank row 7 is left out, and the rows after it keep their numbers */
  g_assert_cmpuint (table->rows->len, ==, 9);
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 8), 0), ==, "Regionkoordinator Skåne");
}

static void
test_libreoffice_csv (void)
{
  g_autoptr(SamTable) table = read_file ("vastra-gotaland-libreoffice.csv");
  const SamTableRow *row = row_numbered (table, 4);

  g_assert_cmpstr (table->encoding, ==, "UTF-8");
  g_assert_cmpint (table->separator, ==, ',');
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 1), 2), ==, "Name (English)");
  g_assert_cmpstr (sam_table_row_get (row, 2), ==, "Women's shelter Borås");
  g_assert_cmpstr (sam_table_row_get (row, 11), ==, "women,children");
}

static void
test_bom (void)
{
  g_autoptr(SamTable) table = read_file ("mixed-phones.csv");

  g_assert_cmpstr (table->encoding, ==, "UTF-8");
  g_assert_cmpint (table->separator, ==, ';');
  /* the byte-order mark is not part of the first heading */
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 1), 0), ==, "Namn");
}

static void
test_csv_quoting (void)
{
  static const char text[] =
    "Name,Phone,Note\r\n"
    "\"Jour, Umeå\",090-16 10 00,\"Says \"\"call\"\"\nthen waits\"\r\n"
    ",,\r\n"
    "Last,112,";
  g_autoptr(GError) error = NULL;
  g_autoptr(SamTable) table = sam_table_read_csv (text, sizeof text - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (table->separator, ==, ',');
  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 2), 0), ==, "Jour, Umeå");
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 2), 2), ==, "Says \"call\"\nthen waits");
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 4), 1), ==, "112");
}

static void
test_csv_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamTable) empty = sam_table_read_csv ("\r\n;;\r\n", 6, &error);

  g_assert_null (empty);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sam_table_read_csv ("PK\0\0x", 5, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
}

static void
check_merged (SamTable *table)
{
  const SamTableRow *group = row_numbered (table, 3);
  const SamTableRow *heads = row_numbered (table, 4);

  /* the title over the sheet is row 1, row 2 is blank */
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 1), 5), ==,
                   "Kontaktlista Skåne län – samverkan mot människohandel, mars 2026");
  /* "Telefon" over two columns; "Verksamhet" over two rows */
  g_assert_cmpstr (sam_table_row_get (group, 2), ==, "Telefon");
  g_assert_cmpstr (sam_table_row_get (group, 3), ==, "Telefon");
  g_assert_cmpstr (sam_table_row_get (heads, 0), ==, "Verksamhet");
  g_assert_cmpstr (sam_table_row_get (heads, 3), ==, "Jour");
  /* a municipality merged over two rows is in both */
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 6), 1), ==, "Landskrona");
  /* rows 7 and 8 are blank */
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 9), 0), ==, "Kvinnojouren Trelleborg");
  g_assert_cmpuint (table->rows->len, ==, 7);
}

static void
test_merged_ods (void)
{
  g_autoptr(SamTable) table = read_file ("merged-header.ods");

  g_assert_cmpstr (table->format, ==, "ods");
  check_merged (table);
}

static void
test_merged_xlsx (void)
{
  g_autoptr(SamTable) table = read_file ("merged-header.xlsx");

  g_assert_cmpstr (table->format, ==, "xlsx");
  check_merged (table);
}

static void
check_skane (SamTable *table)
{
  const SamTableRow *row = row_numbered (table, 2);

  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 1), 9), ==, "Målgrupp");
  g_assert_cmpstr (sam_table_row_get (row, 7), ==, "Östra Förstadsgatan 34\n205 80 Malmö");
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 6), 3), ==, "042-10 50 00 / 070-123 45 67");
  g_assert_cmpstr (sam_table_row_get (row_numbered (table, 10), 0), ==, "Familjecentralen Kristianstad");
  g_assert_cmpuint (table->rows->len, ==, 9);
}

static void
test_skane_ods (void)
{
  g_autoptr(SamTable) table = read_file ("skane-libreoffice.ods");
  check_skane (table);
}

static void
test_skane_xlsx (void)
{
  g_autoptr(SamTable) table = read_file ("skane-libreoffice.xlsx");
  check_skane (table);
}

static void
test_not_a_workbook (void)
{
  g_autofree char *dir = g_dir_make_tmp ("samverkan-table-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  /* a zip file's signature, then nothing a zip reader can use */
  g_assert_true (g_file_set_contents (path, "PK\3\4 not really a zip file", -1, NULL));
  g_assert_null (sam_table_read (path, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "broken.xlsx"));
  g_clear_error (&error);
  g_assert_null (sam_table_read (dir, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table/read/excel-csv", test_excel_csv);
  g_test_add_func ("/table/read/libreoffice-csv", test_libreoffice_csv);
  g_test_add_func ("/table/read/bom", test_bom);
  g_test_add_func ("/table/read/csv-quoting", test_csv_quoting);
  g_test_add_func ("/table/read/csv-refused", test_csv_refused);
  g_test_add_func ("/table/read/merged-ods", test_merged_ods);
  g_test_add_func ("/table/read/merged-xlsx", test_merged_xlsx);
  g_test_add_func ("/table/read/skane-ods", test_skane_ods);
  g_test_add_func ("/table/read/skane-xlsx", test_skane_xlsx);
  g_test_add_func ("/table/read/not-a-workbook", test_not_a_workbook);
  return g_test_run ();
}
