/* sam-import-dialog.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-merge.h"

G_BEGIN_DECLS

#define SAM_TYPE_IMPORT_DIALOG (sam_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SamImportDialog, sam_import_dialog, SAM, IMPORT_DIALOG, AdwWindow)

/* The preview of a merge import (N new, updated, unchanged, deleted
 * upstream, conflicts), then a page that settles each conflict field by
 * field (mine / theirs), then the import in a thread. Takes @plan. Emits
 * ::applied (a summary to show) once the import is in the register. */
SamImportDialog *sam_import_dialog_new            (GtkWindow       *parent,
                                                   SamMergePlan    *plan);
/* Shows the conflicts page (the button on the preview does the same). */
void             sam_import_dialog_show_conflicts (SamImportDialog *self);
/* Imports now, as the Import button does. */
void             sam_import_dialog_apply          (SamImportDialog *self);

G_END_DECLS
