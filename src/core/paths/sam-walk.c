/* sam-walk.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-walk"

#include "config.h"

#include "sam-areas.h"
#include "sam-walk.h"

typedef struct {
  SamEscalationPath *path;
  SamEscalationStep *step;
  int answer;
  gboolean carried;   /* taken by itself: the walk had answered or done it */
} Taken;

struct _SamWalk
{
  GObject parent_instance;

  SamEscalationPath *start_path;
  GPtrArray *paths;       /* all paths, for hand-overs */
  SamEscalationPath *path;
  SamEscalationStep *step;
  GArray *taken;          /* of Taken */
  GPtrArray *taken_steps; /* the same steps, for callers */
};

G_DEFINE_FINAL_TYPE (SamWalk, sam_walk, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static SamEscalationPath *
find_path (SamWalk *self, const char *id)
{
  for (guint i = 0; self->paths && i < self->paths->len; i++)
    if (g_strcmp0 (sam_escalation_path_get_id (g_ptr_array_index (self->paths, i)), id) == 0)
      return g_ptr_array_index (self->paths, i);
  return NULL;
}

static void
set_position (SamWalk *self, SamEscalationPath *path, SamEscalationStep *step)
{
  self->path = path;
  self->step = step;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Records the step left, with the answer given (-1: none). */
static void
record (SamWalk *self, int answer)
{
  Taken t = { self->path, self->step, answer, FALSE };

  g_array_append_val (self->taken, t);
  g_ptr_array_add (self->taken_steps, self->step);
}

static void
move (SamWalk *self, int answer, SamEscalationPath *path, SamEscalationStep *step)
{
  record (self, answer);
  set_position (self, path, step);
}

static void
sam_walk_finalize (GObject *object)
{
  SamWalk *self = SAM_WALK (object);

  g_clear_object (&self->start_path);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_array_unref (self->taken);
  g_ptr_array_unref (self->taken_steps);
  G_OBJECT_CLASS (sam_walk_parent_class)->finalize (object);
}

static void
sam_walk_class_init (SamWalkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_walk_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sam_walk_init (SamWalk *self)
{
  self->taken = g_array_new (FALSE, FALSE, sizeof (Taken));
  self->taken_steps = g_ptr_array_new ();
}

SamWalk *
sam_walk_new (SamEscalationPath *path, GPtrArray *paths)
{
  SamWalk *self;

  g_return_val_if_fail (SAM_IS_ESCALATION_PATH (path), NULL);

  self = g_object_new (SAM_TYPE_WALK, NULL);
  self->start_path = g_object_ref (path);
  self->paths = paths ? g_ptr_array_ref (paths) : NULL;
  self->path = path;
  self->step = sam_escalation_path_find_step (path, sam_escalation_path_get_start (path));
  return self;
}

SamEscalationPath *
sam_walk_get_path (SamWalk *self)
{
  g_return_val_if_fail (SAM_IS_WALK (self), NULL);
  return self->path;
}

SamEscalationStep *
sam_walk_get_step (SamWalk *self)
{
  g_return_val_if_fail (SAM_IS_WALK (self), NULL);
  return self->step;
}

gboolean
sam_walk_is_finished (SamWalk *self)
{
  g_return_val_if_fail (SAM_IS_WALK (self), TRUE);
  return self->step == NULL;
}

static gboolean
same_text (SamText *a, SamText *b)
{
  for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
    {
      const char *x = sam_text_get (a, lang);
      const char *y = sam_text_get (b, lang);

      if (x != NULL && y != NULL && g_str_equal (x, y))
        return TRUE;
    }
  return FALSE;
}

/* The answer of @question that the walk gave to the same question (same
 * text, an answer of the same label) before, or -1. */
static int
answer_given (SamWalk *self, SamEscalationStep *question)
{
  GPtrArray *answers = sam_escalation_step_get_answers (question);

  for (guint i = 0; i < self->taken->len; i++)
    {
      Taken *t = &g_array_index (self->taken, Taken, i);
      SamStepAnswer *given;

      if (t->answer < 0 || !same_text (sam_escalation_step_get_text (t->step), sam_escalation_step_get_text (question)))
        continue;
      given = g_ptr_array_index (sam_escalation_step_get_answers (t->step), t->answer);
      for (guint j = 0; j < answers->len; j++)
        if (same_text (&given->label, &((SamStepAnswer *) g_ptr_array_index (answers, j))->label))
          return (int) j;
    }
  return -1;
}

/* Whether the walk passed an action naming the same actor and route. */
static gboolean
action_done (SamWalk *self, SamEscalationStep *action)
{
  const char *actor = sam_escalation_step_get_actor_id (action);

  for (guint i = 0; actor != NULL && i < self->taken->len; i++)
    {
      SamEscalationStep *done = g_array_index (self->taken, Taken, i).step;

      if (sam_escalation_step_get_kind (done) == SAM_STEP_KIND_ACTION &&
          g_strcmp0 (sam_escalation_step_get_actor_id (done), actor) == 0 &&
          g_strcmp0 (sam_escalation_step_get_route_id (done), sam_escalation_step_get_route_id (action)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* After a hand-over the other path often begins as this one did ("Is
 * anyone in immediate danger?", "Call 112"): what the walk already
 * answered or did is carried over, not asked again. */
static void
carry_over (SamWalk *self)
{
  while (self->step != NULL)
    {
      SamStepKind kind = sam_escalation_step_get_kind (self->step);
      SamEscalationStep *next;
      int answer = -1;

      if (kind == SAM_STEP_KIND_QUESTION && (answer = answer_given (self, self->step)) >= 0)
        {
          SamStepAnswer *a = g_ptr_array_index (sam_escalation_step_get_answers (self->step), answer);

          if (a->path != NULL)
            return;   /* a hand-over is the user's to choose */
          next = sam_escalation_path_find_step (self->path, a->next);
        }
      else if (kind == SAM_STEP_KIND_ACTION && action_done (self, self->step))
        next = sam_escalation_path_find_step (self->path, sam_escalation_step_get_next (self->step));
      else
        return;
      {
        Taken t = { self->path, self->step, answer, TRUE };

        g_array_append_val (self->taken, t);
        g_ptr_array_add (self->taken_steps, self->step);
        self->step = next;
      }
    }
}

gboolean
sam_walk_answer (SamWalk *self, guint index)
{
  GPtrArray *answers;
  SamStepAnswer *a;

  g_return_val_if_fail (SAM_IS_WALK (self), FALSE);

  if (self->step == NULL)
    return FALSE;
  answers = sam_escalation_step_get_answers (self->step);
  if (index >= answers->len)
    return FALSE;
  a = g_ptr_array_index (answers, index);
  if (a->path != NULL)
    {
      SamEscalationPath *other = find_path (self, a->path);

      if (other == NULL)
        return FALSE;
      record (self, index);
      self->path = other;
      self->step = sam_escalation_path_find_step (other, sam_escalation_path_get_start (other));
      carry_over (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return TRUE;
    }
  move (self, index, self->path, sam_escalation_path_find_step (self->path, a->next));
  return TRUE;
}

gboolean
sam_walk_go_on (SamWalk *self)
{
  g_return_val_if_fail (SAM_IS_WALK (self), FALSE);

  if (self->step == NULL || sam_escalation_step_get_kind (self->step) == SAM_STEP_KIND_QUESTION)
    return FALSE;
  /* no next step: the walk is at its end */
  move (self, -1, self->path, sam_escalation_path_find_step (self->path, sam_escalation_step_get_next (self->step)));
  return TRUE;
}

gboolean
sam_walk_can_go_back (SamWalk *self)
{
  g_return_val_if_fail (SAM_IS_WALK (self), FALSE);
  return self->taken->len > 0;
}

gboolean
sam_walk_go_back (SamWalk *self)
{
  Taken t;

  g_return_val_if_fail (SAM_IS_WALK (self), FALSE);

  if (self->taken->len == 0)
    return FALSE;
  /* steps carried over went by themselves: back goes to the one before */
  do
    {
      t = g_array_index (self->taken, Taken, self->taken->len - 1);
      g_array_set_size (self->taken, self->taken->len - 1);
      g_ptr_array_set_size (self->taken_steps, self->taken_steps->len - 1);
    }
  while (t.carried && self->taken->len > 0);
  set_position (self, t.path, t.step);
  return TRUE;
}

void
sam_walk_restart (SamWalk *self)
{
  g_return_if_fail (SAM_IS_WALK (self));

  g_array_set_size (self->taken, 0);
  g_ptr_array_set_size (self->taken_steps, 0);
  set_position (self, self->start_path,
                sam_escalation_path_find_step (self->start_path, sam_escalation_path_get_start (self->start_path)));
}

GPtrArray *
sam_walk_get_taken (SamWalk *self)
{
  g_return_val_if_fail (SAM_IS_WALK (self), NULL);
  return self->taken_steps;
}

int
sam_walk_get_answer_taken (SamWalk *self, guint i)
{
  g_return_val_if_fail (SAM_IS_WALK (self), -1);
  g_return_val_if_fail (i < self->taken->len, -1);
  return g_array_index (self->taken, Taken, i).answer;
}

gboolean
sam_walk_is_carried (SamWalk *self, guint i)
{
  g_return_val_if_fail (SAM_IS_WALK (self), FALSE);
  g_return_val_if_fail (i < self->taken->len, FALSE);
  return g_array_index (self->taken, Taken, i).carried;
}

static SamEscalationPath *
find_for_area (GPtrArray *paths, SamSituation situation, const char *code)
{
  for (guint i = 0; code && i < paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (paths, i);

      if (sam_escalation_path_get_situation (path) == situation &&
          g_strcmp0 (sam_escalation_path_get_area (path), code) == 0)
        return path;
    }
  return NULL;
}

SamEscalationPath *
sam_walk_pick_path (GPtrArray *paths, SamSituation situation, const char *area_code)
{
  const SamArea *area = area_code && *area_code ? sam_area_lookup (area_code) : NULL;
  SamEscalationPath *path = NULL;

  g_return_val_if_fail (paths != NULL, NULL);

  if (area != NULL)
    path = find_for_area (paths, situation, area->code);
  if (path == NULL && area != NULL && area->county != NULL)
    path = find_for_area (paths, situation, area->county);
  if (path == NULL)
    path = find_for_area (paths, situation, "SE");
  /* a register for another region still has a path to show */
  for (guint i = 0; path == NULL && i < paths->len; i++)
    if (sam_escalation_path_get_situation (g_ptr_array_index (paths, i)) == situation)
      path = g_ptr_array_index (paths, i);
  return path;
}
