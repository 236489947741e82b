/* sam-test-sheet.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests of the printed sheets share: making a sheet, writing its
 * PDF (with a copy to look at in $SAMVERKAN_SHEET_PDF_DIR when set), and
 * reading a PDF back with poppler-utils.
 */
#pragma once

#include "sam-sheet.h"

G_BEGIN_DECLS

/* Whether @program of poppler-utils (pdftotext, pdffonts) is installed. */
gboolean  sam_test_have_poppler (const char *program);
/* The same; when it is not, the test is marked skipped. */
gboolean  sam_test_need_poppler (const char *program);
/* Runs @argv (a program on $PATH), which must exit 0; what it printed. */
char     *sam_test_run_tool     (const char * const *argv);
/* The text of page @page (from 1) of @pdf, or of every page when 0, as
 * `pdftotext -raw` reads it: in the order it was drawn. */
char     *sam_test_pdf_text     (const char *pdf,
                                 guint       page);
/* A sheet of @store, which must be made without error. */
SamSheet *sam_test_make_sheet   (SamStore     *store,
                                 SamSheetKind  kind,
                                 SamLang       lang,
                                 SamAudience   audience,
                                 const char   *path_id,
                                 const char   *area);
/* With $SAMVERKAN_SHEET_PDF_DIR set, a copy of @pdf there. */
void      sam_test_keep_pdf     (const char *pdf);
/* Writes @sheet to @name in @dir, which must succeed, and keeps a copy;
 * returns the PDF's path. */
char     *sam_test_write_sheet  (SamSheet   *sheet,
                                 const char *dir,
                                 const char *name);

G_END_DECLS
