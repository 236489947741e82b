/* sam-table.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A spreadsheet as people keep their contact lists: CSV (as Excel and
 * LibreOffice save it), ODS or XLSX, read into rows of text cells.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One row that is not blank, with its number as the spreadsheet shows it
 * (counted from 1, blank rows counted). */
typedef struct {
  guint number;
  GPtrArray *cells;   /* of char *, "" for an empty cell */
} SamTableRow;

typedef struct {
  GPtrArray *rows;        /* of SamTableRow *, blank rows left out */
  guint n_columns;
  char *format;           /* "csv", "ods", "xlsx" */
  char *encoding;         /* CSV: "UTF-8" or "Windows-1252"; else NULL */
  char separator;         /* CSV: ';' ',' or '\t'; else 0 */
} SamTable;

/* Files larger than this are not read, nor zip members that unpack to more. */
#define SAM_TABLE_MAX_BYTES (256u * 1024 * 1024)

/* Reads @path by what it holds (a zip with an ODS or XLSX workbook, else
 * CSV), not by its name. Errors are SAM_ERROR_INVALID (or SAM_ERROR_IO)
 * with a translated message naming the file and what is wrong. */
SamTable    *sam_table_read         (const char  *path,
                                     GError     **error);
/* CSV from memory: encoding (BOM, UTF-8, else Windows-1252) and separator
 * are detected; quoted fields may hold separators and line breaks. */
SamTable    *sam_table_read_csv     (const char  *data,
                                     gsize        length,
                                     GError     **error);
void         sam_table_free         (SamTable    *table);
/* The text of a cell, "" when the row is shorter. */
const char  *sam_table_row_get      (const SamTableRow *row,
                                     guint        column);
/* "A", "B", … "Z", "AA": the column's name in a spreadsheet. */
char        *sam_table_column_letter (guint       column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamTable, sam_table_free)

G_END_DECLS
