/* sam-ui-test-util.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI suites share: a widget drawn to a PNG, as it is on screen.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Draws @widget, at its allocated size, with its window's renderer. */
GdkTexture *sam_ui_test_render    (GtkWidget  *widget);
/* The same, written to @path as PNG (and named in the test log). */
void        sam_ui_test_save_png  (GtkWidget  *widget,
                                   const char *path);

G_END_DECLS
