/* sam-test-sheet-sample.h
 *
 * What test-sheet.c and test-sheet-layout.c share: the sample register
 * with its actors and paths in a folder of the test's own, and two checks
 * of a sheet: every text run inside its box and no two boxes overlapping,
 * and a text on the sheet however it was wrapped.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-sheet.h"

G_BEGIN_DECLS

typedef struct {
  char *dir;
  SamStore *store;
  GPtrArray *actors;   /* every actor of the register */
  GPtrArray *paths;
} SamTestSheetSample;

void sam_test_sheet_sample_set_up    (SamTestSheetSample *f,
                                      gconstpointer       data);
void sam_test_sheet_sample_tear_down (SamTestSheetSample *f,
                                      gconstpointer       data);
/* Every text run inside its box, every box and figure inside the page's
 * printable area, no two of them overlapping. */
void sam_test_assert_sheet_boxes     (SamSheet   *sheet,
                                      const char *what);
/* @part is in @text, also when wrapped or hyphenated there. */
void sam_test_assert_sheet_has       (const char *text,
                                      const char *part,
                                      const char *what);

G_END_DECLS
