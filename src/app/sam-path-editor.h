/* sam-path-editor.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_PATH_EDITOR (sam_path_editor_get_type ())
G_DECLARE_FINAL_TYPE (SamPathEditor, sam_path_editor, SAM, PATH_EDITOR, AdwWindow)

/* A modal window that edits a copy of @path (a new path when NULL) and
 * saves it to @store. Problems sam_path_check() finds are shown at their
 * step as one types, and Save is refused while there are any. Emits
 * "saved" (the path with its new revision) before it closes, and
 * "reload-requested" (the path's id) when someone else saved the path in
 * between and the user chose to reload. */
SamPathEditor     *sam_path_editor_new          (GtkWindow         *parent,
                                                 SamStore          *store,
                                                 SamEscalationPath *path);
/* The copy being edited. */
SamEscalationPath *sam_path_editor_get_path     (SamPathEditor     *self);
/* The problems as they stand, as SamPathProblem. */
GPtrArray         *sam_path_editor_get_problems (SamPathEditor     *self);
/* The card of each step, in order. */
GPtrArray         *sam_path_editor_list_rows    (SamPathEditor     *self);
/* Does what the Save button does; returns whether the path was saved. */
gboolean           sam_path_editor_save         (SamPathEditor     *self);

G_END_DECLS
