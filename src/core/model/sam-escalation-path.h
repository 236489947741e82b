/* sam-escalation-path.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sam-enums.h"
#include "sam-escalation-step.h"
#include "sam-text.h"

G_BEGIN_DECLS

#define SAM_TYPE_ESCALATION_PATH (sam_escalation_path_get_type ())
G_DECLARE_FINAL_TYPE (SamEscalationPath, sam_escalation_path, SAM, ESCALATION_PATH, GObject)

/* The exchange format's limits (data/register.xsd): a path the register
 * keeps can always be exported and read back. */
#define SAM_PATH_MAX_STEPS 100
#define SAM_STEP_MAX_ANSWERS 10
#define SAM_STEP_MAX_FALLBACKS 5

/* An agreed escalation path: a small directed graph of steps from start. */
SamEscalationPath *sam_escalation_path_new       (const char        *id);
/* A deep copy, steps included, for an editor to change. */
SamEscalationPath *sam_escalation_path_copy      (SamEscalationPath *self);

const char   *sam_escalation_path_get_id          (SamEscalationPath *self);
SamSituation  sam_escalation_path_get_situation   (SamEscalationPath *self);
void          sam_escalation_path_set_situation   (SamEscalationPath *self,
                                                   SamSituation       situation);
const char   *sam_escalation_path_get_area        (SamEscalationPath *self);
void          sam_escalation_path_set_area        (SamEscalationPath *self,
                                                   const char        *area);
const char   *sam_escalation_path_get_start       (SamEscalationPath *self);
void          sam_escalation_path_set_start       (SamEscalationPath *self,
                                                   const char        *step_id);
SamText      *sam_escalation_path_get_title       (SamEscalationPath *self);
/* The title in the user's language (else the other), else the id. */
const char   *sam_escalation_path_get_display_title (SamEscalationPath *self);
SamText      *sam_escalation_path_get_summary     (SamEscalationPath *self);
GPtrArray    *sam_escalation_path_get_steps       (SamEscalationPath *self);
void          sam_escalation_path_add_step        (SamEscalationPath *self,
                                                   SamEscalationStep *step);
SamEscalationStep *sam_escalation_path_find_step  (SamEscalationPath *self,
                                                   const char        *step_id);
gint64        sam_escalation_path_get_revision    (SamEscalationPath *self);
void          sam_escalation_path_set_revision    (SamEscalationPath *self,
                                                   gint64             revision);
GDateTime    *sam_escalation_path_get_updated_at  (SamEscalationPath *self);
const char   *sam_escalation_path_get_updated_by  (SamEscalationPath *self);
void          sam_escalation_path_set_updated     (SamEscalationPath *self,
                                                   GDateTime         *at,
                                                   const char        *by);
/* FALSE, with a translated message naming the path and the step, when
 * @self is past one of the limits above. Every write of a path asks. */
gboolean      sam_escalation_path_check_size      (SamEscalationPath *self,
                                                   GError           **error);

G_END_DECLS
