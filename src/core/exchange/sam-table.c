/* sam-table.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>

#include "sam-errors.h"
#include "sam-table-private.h"

static void
row_free (SamTableRow *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static gboolean
cells_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = g_ptr_array_index (cells, i);

      for (const char *p = text; *p; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          return FALSE;
    }
  return TRUE;
}

SamTable *
_sam_table_new (const char *format)
{
  SamTable *table = g_new0 (SamTable, 1);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  table->format = g_strdup (format);
  return table;
}

void
_sam_table_add_row (SamTable *table, guint number, GPtrArray *cells)
{
  SamTableRow *row;

  /* trailing empty cells say nothing */
  while (cells->len > 0 && *(const char *) g_ptr_array_index (cells, cells->len - 1) == '\0')
    g_ptr_array_remove_index (cells, cells->len - 1);
  if (cells_blank (cells))
    {
      g_ptr_array_unref (cells);
      return;
    }
  row = g_new0 (SamTableRow, 1);
  row->number = number;
  row->cells = cells;
  table->n_columns = MAX (table->n_columns, cells->len);
  g_ptr_array_add (table->rows, row);
}

static void
set_cell (SamTableRow *row, guint column, const char *text)
{
  while (row->cells->len <= column)
    g_ptr_array_add (row->cells, g_strdup (""));
  g_free (g_ptr_array_index (row->cells, column));
  g_ptr_array_index (row->cells, column) = g_strdup (text);
}

void
_sam_table_fill_merge (SamTable *table, guint row1, guint col1, guint row2, guint col2)
{
  g_autofree char *text = NULL;

  for (guint i = 0; i < table->rows->len && text == NULL; i++)
    {
      SamTableRow *row = g_ptr_array_index (table->rows, i);

      if (row->number == row1 + 1)
        text = g_strdup (sam_table_row_get (row, col1));
    }
  if (text == NULL || *text == '\0' || col2 - col1 > 1000)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    {
      SamTableRow *row = g_ptr_array_index (table->rows, i);

      if (row->number < row1 + 1 || row->number > row2 + 1)
        continue;
      for (guint c = col1; c <= col2; c++)
        if (*sam_table_row_get (row, c) == '\0')
          set_cell (row, c, text);
      table->n_columns = MAX (table->n_columns, row->cells->len);
    }
}

void
sam_table_free (SamTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table->format);
  g_free (table->encoding);
  g_free (table);
}

const char *
sam_table_row_get (const SamTableRow *row, guint column)
{
  g_return_val_if_fail (row != NULL, "");
  return column < row->cells->len ? g_ptr_array_index (row->cells, column) : "";
}

char *
sam_table_column_letter (guint column)
{
  char buffer[8];
  int at = sizeof buffer - 1;

  buffer[at] = '\0';
  column++;
  while (column > 0 && at > 0)
    {
      buffer[--at] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  return g_strdup (buffer + at);
}

/* A zip container holding an OpenDocument spreadsheet or an Office
 * Open XML workbook: the names of their members tell them apart. */
static SamTable *
read_workbook (const char *path, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) mimetype = _sam_table_zip_member (path, "mimetype", TRUE, &local);
  g_autoptr(GBytes) workbook = NULL;

  if (local)
    return (g_propagate_error (error, g_steal_pointer (&local)), NULL);
  if (mimetype)
    {
      gsize size;
      const char *data = g_bytes_get_data (mimetype, &size);

      if (size >= 46 && memcmp (data, "application/vnd.oasis.opendocument.spreadsheet", 46) == 0)
        return _sam_table_read_ods (path, error);
    }
  workbook = _sam_table_zip_member (path, "xl/workbook.xml", TRUE, error);
  if (workbook)
    return _sam_table_read_xlsx (path, error);
  if (error && *error == NULL)
    g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                 _("“%s” is a zip file but not a spreadsheet (ODS or XLSX)."), path);
  return NULL;
}

SamTable *
sam_table_read (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("“%s” is not a regular file."), path), NULL);
  if (g_stat (path, &st) == 0 && (guint64) st.st_size > SAM_TABLE_MAX_BYTES)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("“%s” is larger than %u MB; a spreadsheet of contacts is far smaller."),
                         path, SAM_TABLE_MAX_BYTES / (1024 * 1024)), NULL);
  if (!g_file_get_contents (path, &data, &length, &local))
    return (g_set_error (error, SAM_ERROR,
                         g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
                         g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_ACCES)
                         ? SAM_ERROR_NOT_FOUND : SAM_ERROR_IO,
                         _("Could not read “%s”: %s"), path, local->message), NULL);
  if (length >= 4 && memcmp (data, "PK\3\4", 4) == 0)
    return read_workbook (path, error);
  {
    SamTable *table = sam_table_read_csv (data, length, &local);

    if (table == NULL)
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID, "%s: %s", path, local->message);
    return table;
  }
}
