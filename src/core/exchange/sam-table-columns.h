/* sam-table-columns.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns of a register as a table, with the English headings the CSV
 * export writes and a spreadsheet importer recognises: kept here only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SAM_TABLE_COLUMN_ID,
  SAM_TABLE_COLUMN_NAME,
  SAM_TABLE_COLUMN_NAME_EN,
  SAM_TABLE_COLUMN_KIND,
  SAM_TABLE_COLUMN_MUNICIPALITY,
  SAM_TABLE_COLUMN_PHONE,
  SAM_TABLE_COLUMN_ON_CALL,
  SAM_TABLE_COLUMN_EMAIL,
  SAM_TABLE_COLUMN_WEB,
  SAM_TABLE_COLUMN_ADDRESS,
  SAM_TABLE_COLUMN_HOURS,
  SAM_TABLE_COLUMN_TARGET_GROUP,
  SAM_TABLE_COLUMN_LANGUAGES,
  SAM_TABLE_COLUMN_NOTE,
  SAM_N_TABLE_COLUMNS
} SamTableColumn;

/* Several values in one cell: "090-16 10 00 / 070-123 45 67" */
#define SAM_TABLE_VALUE_SEPARATOR " / "

/* "Id", "Name", "Name (English)", "Kind", "Municipality", "Phone",
 * "On call", "E-mail", "Web", "Address", "Hours", "Target group",
 * "Languages", "Note": never translated, a file's headings are data. */
const char *sam_table_column_get_heading (SamTableColumn column);

G_END_DECLS
