/* sam-print-operation.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-sheet.h"

G_BEGIN_DECLS

#define SAM_TYPE_PRINT_OPTIONS (sam_print_options_get_type ())
G_DECLARE_FINAL_TYPE (SamPrintOptions, sam_print_options, SAM, PRINT_OPTIONS, GtkBox)

/* The "Sheet" tab of the print dialog: which sheet (escalation sheet, area
 * directory, pocket cards), its language, its audience (public or
 * professional; never internal) and the path or the area, starting from
 * @defaults. */
SamPrintOptions *sam_print_options_new         (SamStore              *store,
                                                const SamSheetOptions *defaults);
/* Fills @options (cleared first) with what is chosen. */
void             sam_print_options_get_options (SamPrintOptions       *self,
                                                SamSheetOptions       *options);
/* For tests: "kind", "lang", "audience", "path" or "area". */
GtkDropDown     *sam_print_options_get_dropdown (SamPrintOptions      *self,
                                                 const char           *name);

/* The defaults the app prints with: the language of printed sheets and the
 * default area from the settings, the trafficking path for that area (else
 * the first path). FALSE with @error when the paths cannot be read. */
gboolean         sam_print_default_options     (SamStore              *store,
                                                SamSheetOptions       *options,
                                                GError               **error);

/* A print operation drawing the sheet @options describes (the Sheet tab
 * changes them in the dialog): it paginates in ::begin-print with the
 * print context's Pango context and draws in ::draw-page. */
GtkPrintOperation *sam_print_operation_new     (GtkWindow             *parent,
                                                SamStore              *store,
                                                const SamSheetOptions *options);

/* Opens the print dialog (with preview and the Sheet tab) for @store,
 * starting from sam_print_default_options(). */
void             sam_print_run                 (GtkWindow             *parent,
                                                SamStore              *store);

G_END_DECLS
