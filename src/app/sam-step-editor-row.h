/* sam-step-editor-row.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-store.h"
#include "sam-step-targets.h"
#include "sam-text-pair.h"

G_BEGIN_DECLS

#define SAM_TYPE_STEP_EDITOR_ROW (sam_step_editor_row_get_type ())
G_DECLARE_FINAL_TYPE (SamStepEditorRow, sam_step_editor_row, SAM, STEP_EDITOR_ROW, AdwBin)

/* One step of the path editor, as a card: its kind, texts side by side,
 * and by kind the actor and route with fallbacks, urgency, legal reference
 * and the next step (action, note) or the answers and where each leads
 * (question). Edits @step in place and emits "changed"; "move" (+1 or -1,
 * also Alt+Down and Alt+Up) and "remove" ask the editor to do those. */
SamStepEditorRow *sam_step_editor_row_new      (SamEscalationStep *step,
                                                GListModel        *actors,
                                                SamStore          *store,
                                                SamStepTargets    *targets);
SamEscalationStep *sam_step_editor_row_get_step (SamStepEditorRow  *self);
/* Shows again where "next" and the answers lead, after the targets changed. */
void         sam_step_editor_row_sync_targets  (SamStepEditorRow  *self);
/* The step's place in the path (0 is the start) among @n_steps. */
void         sam_step_editor_row_set_position  (SamStepEditorRow  *self,
                                                guint              position,
                                                guint              n_steps);
/* Shows @messages (translated, nullable) in the card. */
void         sam_step_editor_row_set_problems  (SamStepEditorRow  *self,
                                                GPtrArray         *messages);
const char  *sam_step_editor_row_get_problem_text (SamStepEditorRow *self);
void         sam_step_editor_row_focus_text    (SamStepEditorRow  *self);
/* Whether the card shows the details below the texts (actor, answers …). */
void         sam_step_editor_row_set_expanded  (SamStepEditorRow  *self,
                                                gboolean           expanded);
gboolean     sam_step_editor_row_get_expanded  (SamStepEditorRow  *self);

/* The fields, for tests that work them as a person would */
SamTextPair *sam_step_editor_row_get_text_pair     (SamStepEditorRow *self);
GtkDropDown *sam_step_editor_row_get_next_dropdown (SamStepEditorRow *self);
/* The drop-down of where answer @i leads, or NULL */
GtkDropDown *sam_step_editor_row_get_answer_dropdown (SamStepEditorRow *self,
                                                      guint             i);

G_END_DECLS
