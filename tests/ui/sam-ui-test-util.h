/* sam-ui-test-util.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI suites share: waiting for the main loop, the translations
 * built beside the tests, and a widget drawn to a PNG, as it is on screen.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Draws @widget, at its allocated size, with its window's renderer. */
GdkTexture *sam_ui_test_render    (GtkWidget  *widget);
/* The same, written to @path as PNG (and named in the test log). */
void        sam_ui_test_save_png  (GtkWidget  *widget,
                                   const char *path);

/* Runs the main loop for @ms milliseconds. */
void        sam_ui_test_wait      (guint       ms);
/* Runs it until @widget is wider than @width, five seconds at most (the
 * machine may be busy with other tests), then a little more. */
void        sam_ui_test_wait_for_width (GtkWidget *widget,
                                        int        width);
/* Gettext in the environment's locale, from the catalogues built beside
 * the tests ($SAMVERKAN_LOCALE_DIR), not installed ones. */
void        sam_ui_test_use_translations (void);
/* Writes @widget, once laid out, to NAME-LANG.png (LANG "sv" or "en" as
 * $LANGUAGE says) in $SAMVERKAN_SCREENSHOT_DIR (data/screenshots/ is made
 * so), else in a temporary folder: either way the state must draw. */
void        sam_ui_test_shoot     (GtkWidget  *widget,
                                   const char *name);

G_END_DECLS
