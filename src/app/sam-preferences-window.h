/* sam-preferences-window.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SAM_TYPE_PREFERENCES_WINDOW (sam_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SamPreferencesWindow, sam_preferences_window,
                      SAM, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The preferences, bound to the io.github.samverkan.Samverkan settings:
 * a new window, modal for @parent (may be NULL); the caller presents it. */
GtkWindow *sam_preferences_window_new (GtkWindow *parent);

G_END_DECLS
