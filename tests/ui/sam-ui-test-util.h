/* sam-ui-test-util.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI suites share: waiting for a condition (a widget mapped, a
 * size, a frame drawn, a value; never for a length of time), the translations
 * built beside the tests, and a widget drawn to a PNG, as it is on screen.
 */
#pragma once

#include <gtk/gtk.h>

#include "sam-store.h"
#include "sam-window.h"

G_BEGIN_DECLS

/* The main window on a new register filled with the sample, in a folder
 * of its own: what most suites test against. */
typedef struct {
  char *dir;
  SamStore *store;
  SamWindow *window;
} SamUiTestWindow;

/* Makes the folder, the register and the window (not shown yet). */
void        sam_ui_test_window_open  (SamUiTestWindow *w);
/* Destroys the window, checks that nothing still holds the register, and
 * removes the folder. */
void        sam_ui_test_window_close (SamUiTestWindow *w);

/* Draws @widget, at its allocated size, with its window's renderer. */
GdkTexture *sam_ui_test_render    (GtkWidget  *widget);
/* The same, written to @path as PNG (and named in the test log). */
void        sam_ui_test_save_png  (GtkWidget  *widget,
                                   const char *path);

/* gtk_test_init() and adw_init(), with animations off. */
void        sam_ui_test_init      (int        *argc,
                                   char     ***argv);

/* Runs the main loop until @condition holds; the test fails, naming the
 * condition, when it has not after SAM_UI_TEST_TIMEOUT seconds. */
#define SAM_UI_TEST_TIMEOUT 10
#define sam_ui_test_wait_for(condition) \
  G_STMT_START { \
    gint64 _sam_end = g_get_monotonic_time () + SAM_UI_TEST_TIMEOUT * G_USEC_PER_SEC; \
    while (!(condition)) \
      _sam_ui_test_iterate (_sam_end, #condition); \
  } G_STMT_END
void        _sam_ui_test_iterate  (gint64      end,
                                   const char *what);
/* Until the window of @widget is mapped and has drawn @n more frames:
 * what a change laid out and drew, for a screenshot or a size. */
void        sam_ui_test_wait_frames (GtkWidget *widget,
                                     guint      n);
/* Until the events the display had for the program (real key presses
 * from xdotool) have been handled, and nothing else is pending. */
void        sam_ui_test_wait_events_handled (void);
/* Until @widget is wider than @width, then a frame. */
/* Runs it until @widget is wider than @width, five seconds at most (the
 * machine may be busy with other tests), then a little more. */
void        sam_ui_test_wait_for_width (GtkWidget *widget,
                                        int        width);
/* Until @widget is exactly @width × @height, then a frame. */
void        sam_ui_test_wait_for_size (GtkWidget *widget,
                                       int        width,
                                       int        height);
/* Removes @dir and what is in it when the test program ends. */
void        sam_ui_test_remove_at_exit (const char *dir);
/* Gettext in the environment's locale, from the catalogues built beside
 * the tests ($SAMVERKAN_LOCALE_DIR), not installed ones. */
void        sam_ui_test_use_translations (void);
/* Writes @widget, once laid out, to NAME-LANG.png (LANG "sv" or "en" as
 * $LANGUAGE says) in $SAMVERKAN_SCREENSHOT_DIR (data/screenshots/ is made
 * so), else in a temporary folder: either way the state must draw. */
void        sam_ui_test_shoot     (GtkWidget  *widget,
                                   const char *name);

/* Real key presses through xdotool (GTK 4.8 cannot synthesise them):
 * watch_keys counts the keys @window sees, focus_window gives it the X
 * server's keyboard (its title must be @title), press sends keys such as
 * "ctrl+t Tab Return" and returns once the window has handled them. */
void        sam_ui_test_watch_keys   (GtkWidget  *window);
void        sam_ui_test_focus_window (GtkWidget  *window,
                                      const char *title);
void        sam_ui_test_press        (const char *keys);

G_END_DECLS
