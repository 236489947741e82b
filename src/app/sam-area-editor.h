/* sam-area-editor.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SAM_TYPE_AREA_EDITOR (sam_area_editor_get_type ())
G_DECLARE_FINAL_TYPE (SamAreaEditor, sam_area_editor, SAM, AREA_EDITOR, GObject)

/* The actor editor's areas: the chosen ones as chips in @chips (with
 * @empty_label shown when there are none), and suggestions under @entry
 * in @group for what is being typed there. Works on the editor's own
 * widgets, which it keeps a reference to. Emits "changed" when the user
 * adds or removes an area. */
SamAreaEditor *sam_area_editor_new                (AdwPreferencesGroup *group,
                                                   GtkFlowBox          *chips,
                                                   GtkWidget           *empty_label,
                                                   AdwEntryRow         *entry);
/* The codes chosen, in the order chosen. */
GPtrArray     *sam_area_editor_get_areas          (SamAreaEditor       *self);
/* Shows @codes as the chosen areas; not a change by the user. */
void           sam_area_editor_set_areas          (SamAreaEditor       *self,
                                                   GPtrArray           *codes);
/* Suggestions for the last part of the entry's text, after each change. */
void           sam_area_editor_update_suggestions (SamAreaEditor       *self);
/* Adds what the entry names; what matches no single area stays in it. */
void           sam_area_editor_commit             (SamAreaEditor       *self);

G_END_DECLS
