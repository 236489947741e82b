/* sam-table-import-dialog.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-table-import.h"

G_BEGIN_DECLS

#define SAM_TYPE_TABLE_IMPORT_DIALOG (sam_table_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SamTableImportDialog, sam_table_import_dialog, SAM, TABLE_IMPORT_DIALOG,
                      AdwWindow)

/* The preview of a spreadsheet import: each column's meaning in a
 * drop-down the coordinator may change, what to do with rows that cannot
 * be read, sample rows as they will be imported, the rows with problems
 * and the rows the register already has (merge, leave out, add). Nothing
 * is written before Import; then the import runs in a thread and
 * ::applied (a summary to show) is emitted once it is in the register. */
SamTableImportDialog *sam_table_import_dialog_new     (GtkWindow            *parent,
                                                       SamTableImport       *import);
SamTableImport       *sam_table_import_dialog_get_import (SamTableImportDialog *self);
/* The drop-down of a column's meaning. */
GtkDropDown          *sam_table_import_dialog_get_column_choice (SamTableImportDialog *self,
                                                                 guint                 column);
/* Chooses the area of rows that name none in its drop-down, as a person
 * does (NULL: none); FALSE when there is no such area. */
gboolean              sam_table_import_dialog_choose_area (SamTableImportDialog *self,
                                                           const char           *code);
/* Imports now, as the Import button does. */
void                  sam_table_import_dialog_apply   (SamTableImportDialog *self);

G_END_DECLS
