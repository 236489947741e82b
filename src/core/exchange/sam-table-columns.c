/* sam-table-columns.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include "sam-table-columns.h"

static const char * const headings[SAM_N_TABLE_COLUMNS] = {
  [SAM_TABLE_COLUMN_ID] = "Id",
  [SAM_TABLE_COLUMN_NAME] = "Name",
  [SAM_TABLE_COLUMN_NAME_EN] = "Name (English)",
  [SAM_TABLE_COLUMN_KIND] = "Kind",
  [SAM_TABLE_COLUMN_MUNICIPALITY] = "Municipality",
  [SAM_TABLE_COLUMN_PHONE] = "Phone",
  [SAM_TABLE_COLUMN_ON_CALL] = "On call",
  [SAM_TABLE_COLUMN_EMAIL] = "E-mail",
  [SAM_TABLE_COLUMN_WEB] = "Web",
  [SAM_TABLE_COLUMN_ADDRESS] = "Address",
  [SAM_TABLE_COLUMN_HOURS] = "Hours",
  [SAM_TABLE_COLUMN_TARGET_GROUP] = "Target group",
  [SAM_TABLE_COLUMN_LANGUAGES] = "Languages",
  [SAM_TABLE_COLUMN_NOTE] = "Note",
};

const char *
sam_table_column_get_heading (SamTableColumn column)
{
  g_return_val_if_fail (column < SAM_N_TABLE_COLUMNS, NULL);
  return headings[column];
}
