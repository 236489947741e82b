/* sam-step-role-editor.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sam-escalation-step.h"

G_BEGIN_DECLS

#define SAM_TYPE_STEP_ROLE_EDITOR (sam_step_role_editor_get_type ())
G_DECLARE_FINAL_TYPE (SamStepRoleEditor, sam_step_role_editor, SAM, STEP_ROLE_EDITOR, GtkBox)

/* Whom an action step names: "a fixed actor" or "a role" (an actor kind,
 * a keyword, a route kind and how wide to look), edited on @step itself.
 * Emits "changed" after every change by the user. */
GtkWidget *sam_step_role_editor_new     (SamEscalationStep *step);
/* Chooses a role (TRUE, social services of the user's municipality to
 * begin with) or a fixed actor, as the drop-down does. */
void       sam_step_role_editor_set_use_role (SamStepRoleEditor *self,
                                              gboolean           use_role);

G_END_DECLS
