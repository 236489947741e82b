/* sam-escalation-step.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sam-enums.h"
#include "sam-step-role.h"
#include "sam-text.h"

G_BEGIN_DECLS

/* An answer to a question step: it leads to another step of the same path
 * (@next) or hands over to another path (@path). */
typedef struct {
  SamText label;
  char *next;
  char *path;
} SamStepAnswer;

/* Where to turn when an action's route is closed: another actor and route,
 * tried in order (social services → socialjour → police). */
typedef struct {
  char *actor_id;
  char *route_id;
} SamStepFallback;

#define SAM_TYPE_ESCALATION_STEP (sam_escalation_step_get_type ())
G_DECLARE_FINAL_TYPE (SamEscalationStep, sam_escalation_step, SAM, ESCALATION_STEP, GObject)

SamEscalationStep *sam_escalation_step_new        (const char        *id,
                                                   SamStepKind        kind);
SamEscalationStep *sam_escalation_step_copy       (SamEscalationStep *self);

const char   *sam_escalation_step_get_id          (SamEscalationStep *self);
SamStepKind   sam_escalation_step_get_kind        (SamEscalationStep *self);
void          sam_escalation_step_set_kind        (SamEscalationStep *self,
                                                   SamStepKind        kind);
SamText      *sam_escalation_step_get_text        (SamEscalationStep *self);
SamText      *sam_escalation_step_get_legal_ref   (SamEscalationStep *self);
const char   *sam_escalation_step_get_actor_id    (SamEscalationStep *self);
const char   *sam_escalation_step_get_route_id    (SamEscalationStep *self);
void          sam_escalation_step_set_contact     (SamEscalationStep *self,
                                                   const char        *actor_id,
                                                   const char        *route_id);
/* The role an action names instead of one actor, or NULL; its actor and
 * route above are then the fallback when nobody fills the role. */
const SamStepRole *sam_escalation_step_get_role (SamEscalationStep *self);
void          sam_escalation_step_set_role        (SamEscalationStep *self,
                                                   const SamStepRole *role);
SamUrgency    sam_escalation_step_get_urgency     (SamEscalationStep *self);
void          sam_escalation_step_set_urgency     (SamEscalationStep *self,
                                                   SamUrgency         urgency);
const char   *sam_escalation_step_get_next        (SamEscalationStep *self);
void          sam_escalation_step_set_next        (SamEscalationStep *self,
                                                   const char        *next);
/* Array of SamStepAnswer */
GPtrArray    *sam_escalation_step_get_answers     (SamEscalationStep *self);
SamStepAnswer *sam_escalation_step_add_answer     (SamEscalationStep *self,
                                                   const char        *next,
                                                   const char        *path);
/* Array of SamStepFallback, in the order to try them */
GPtrArray    *sam_escalation_step_get_fallbacks   (SamEscalationStep *self);
SamStepFallback *sam_escalation_step_add_fallback (SamEscalationStep *self,
                                                   const char        *actor_id,
                                                   const char        *route_id);

G_END_DECLS
