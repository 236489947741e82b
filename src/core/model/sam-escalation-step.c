/* sam-escalation-step.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-escalation-step"

#include "config.h"

#include "sam-escalation-step.h"

struct _SamEscalationStep
{
  GObject parent_instance;

  char *id;
  SamStepKind kind;
  SamText text;
  SamText legal_ref;
  char *actor_id;
  char *route_id;
  SamStepRole *role;
  SamUrgency urgency;
  char *next;
  GPtrArray *answers;
  GPtrArray *fallbacks;
};

G_DEFINE_FINAL_TYPE (SamEscalationStep, sam_escalation_step, G_TYPE_OBJECT)

static void
answer_free (SamStepAnswer *answer)
{
  sam_text_clear (&answer->label);
  g_free (answer->next);
  g_free (answer->path);
  g_free (answer);
}

static void
fallback_free (SamStepFallback *fallback)
{
  g_free (fallback->actor_id);
  g_free (fallback->route_id);
  g_free (fallback);
}

static void
sam_escalation_step_finalize (GObject *object)
{
  SamEscalationStep *self = SAM_ESCALATION_STEP (object);

  g_free (self->id);
  sam_text_clear (&self->text);
  sam_text_clear (&self->legal_ref);
  g_free (self->actor_id);
  g_free (self->route_id);
  sam_step_role_free (self->role);
  g_free (self->next);
  g_ptr_array_unref (self->answers);
  g_ptr_array_unref (self->fallbacks);

  G_OBJECT_CLASS (sam_escalation_step_parent_class)->finalize (object);
}

static void
sam_escalation_step_class_init (SamEscalationStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_escalation_step_finalize;
}

static void
sam_escalation_step_init (SamEscalationStep *self)
{
  self->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) answer_free);
  self->fallbacks = g_ptr_array_new_with_free_func ((GDestroyNotify) fallback_free);
}

SamEscalationStep *
sam_escalation_step_new (const char *id, SamStepKind kind)
{
  SamEscalationStep *self = g_object_new (SAM_TYPE_ESCALATION_STEP, NULL);

  self->id = id ? g_strdup (id) : g_uuid_string_random ();
  self->kind = kind;
  return self;
}

SamEscalationStep *
sam_escalation_step_copy (SamEscalationStep *self)
{
  SamEscalationStep *copy = sam_escalation_step_new (self->id, self->kind);

  sam_text_copy (&copy->text, &self->text);
  sam_text_copy (&copy->legal_ref, &self->legal_ref);
  sam_escalation_step_set_contact (copy, self->actor_id, self->route_id);
  copy->role = sam_step_role_copy (self->role);
  copy->urgency = self->urgency;
  copy->next = g_strdup (self->next);
  for (guint i = 0; i < self->answers->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (self->answers, i);
      SamStepAnswer *b = sam_escalation_step_add_answer (copy, a->next, a->path);
      sam_text_copy (&b->label, &a->label);
    }
  for (guint i = 0; i < self->fallbacks->len; i++)
    {
      SamStepFallback *f = g_ptr_array_index (self->fallbacks, i);
      sam_escalation_step_add_fallback (copy, f->actor_id, f->route_id);
    }
  return copy;
}

const char *
sam_escalation_step_get_id (SamEscalationStep *self)
{
  return self->id;
}

SamStepKind
sam_escalation_step_get_kind (SamEscalationStep *self)
{
  return self->kind;
}

void
sam_escalation_step_set_kind (SamEscalationStep *self, SamStepKind kind)
{
  self->kind = kind;
}

SamText *
sam_escalation_step_get_text (SamEscalationStep *self)
{
  return &self->text;
}

SamText *
sam_escalation_step_get_legal_ref (SamEscalationStep *self)
{
  return &self->legal_ref;
}

const char *
sam_escalation_step_get_actor_id (SamEscalationStep *self)
{
  return self->actor_id;
}

const char *
sam_escalation_step_get_route_id (SamEscalationStep *self)
{
  return self->route_id;
}

void
sam_escalation_step_set_contact (SamEscalationStep *self,
                                 const char        *actor_id,
                                 const char        *route_id)
{
  /* copy first: the new ids may be the old strings */
  char *actor = g_strdup (actor_id);
  char *route = g_strdup (route_id);

  g_free (self->actor_id);
  g_free (self->route_id);
  self->actor_id = actor;
  self->route_id = route;
}

const SamStepRole *
sam_escalation_step_get_role (SamEscalationStep *self)
{
  return self->role;
}

void
sam_escalation_step_set_role (SamEscalationStep *self, const SamStepRole *role)
{
  /* copy first: @role may be the step's own */
  SamStepRole *copy = sam_step_role_copy (role);

  sam_step_role_free (self->role);
  self->role = copy;
}

SamUrgency
sam_escalation_step_get_urgency (SamEscalationStep *self)
{
  return self->urgency;
}

void
sam_escalation_step_set_urgency (SamEscalationStep *self, SamUrgency urgency)
{
  self->urgency = urgency;
}

const char *
sam_escalation_step_get_next (SamEscalationStep *self)
{
  return self->next;
}

void
sam_escalation_step_set_next (SamEscalationStep *self, const char *next)
{
  char *copy = g_strdup (next);

  g_free (self->next);
  self->next = copy;
}

GPtrArray *
sam_escalation_step_get_answers (SamEscalationStep *self)
{
  return self->answers;
}

SamStepAnswer *
sam_escalation_step_add_answer (SamEscalationStep *self,
                                const char        *next,
                                const char        *path)
{
  SamStepAnswer *answer = g_new0 (SamStepAnswer, 1);

  answer->next = g_strdup (next);
  answer->path = g_strdup (path);
  g_ptr_array_add (self->answers, answer);
  return answer;
}

GPtrArray *
sam_escalation_step_get_fallbacks (SamEscalationStep *self)
{
  return self->fallbacks;
}

SamStepFallback *
sam_escalation_step_add_fallback (SamEscalationStep *self,
                                  const char        *actor_id,
                                  const char        *route_id)
{
  SamStepFallback *fallback = g_new0 (SamStepFallback, 1);

  fallback->actor_id = g_strdup (actor_id);
  fallback->route_id = g_strdup (route_id);
  g_ptr_array_add (self->fallbacks, fallback);
  return fallback;
}
