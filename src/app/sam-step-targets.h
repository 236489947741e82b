/* sam-step-targets.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sam-escalation-path.h"

G_BEGIN_DECLS

/* Where "next" and answers may lead, shared by all the step cards of an
 * editor: one list each, so a change of a step's text updates one item
 * rather than every drop-down's model (which costs much on GTK 4.8). */
typedef struct {
  GtkStringList *next_labels;
  GPtrArray *next_ids;           /* step id, or NULL for the end of the path */
  GtkStringList *answer_labels;
  GPtrArray *answer_targets;     /* "step:<id>", "path:<id>", or NULL */
  gboolean syncing;              /* set while the lists change */
} SamStepTargets;

SamStepTargets *sam_step_targets_new    (void);
void            sam_step_targets_free   (SamStepTargets    *targets);
/* Makes the lists show the steps of @path and the other @paths. */
void            sam_step_targets_update (SamStepTargets    *targets,
                                         SamEscalationPath *path,
                                         GPtrArray         *paths);

G_END_DECLS
