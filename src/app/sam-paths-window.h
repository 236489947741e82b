/* sam-paths-window.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-path-editor.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_PATHS_WINDOW (sam_paths_window_get_type ())
G_DECLARE_FINAL_TYPE (SamPathsWindow, sam_paths_window, SAM, PATHS_WINDOW, AdwWindow)

/* The register's escalation paths for a coordinator: title, situation,
 * number of steps and a warning when a path has problems; New, Edit, and
 * Delete with Undo. */
SamPathsWindow *sam_paths_window_new  (GtkWindow      *parent,
                                       SamStore       *store);
/* Opens the editor of path @id (a new path when NULL) and returns it. */
SamPathEditor  *sam_paths_window_edit (SamPathsWindow *self,
                                       const char     *id);
/* The row of path @id, or NULL. */
GtkWidget      *sam_paths_window_find_row (SamPathsWindow *self,
                                           const char     *id);

G_END_DECLS
