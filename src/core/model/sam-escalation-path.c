/* sam-escalation-path.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-escalation-path"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-escalation-path.h"

struct _SamEscalationPath
{
  GObject parent_instance;

  char *id;
  SamSituation situation;
  char *area;
  char *start;
  SamText title;
  SamText summary;
  GPtrArray *steps;
  gint64 revision;
  GDateTime *updated_at;
  char *updated_by;
};

G_DEFINE_FINAL_TYPE (SamEscalationPath, sam_escalation_path, G_TYPE_OBJECT)

static void
sam_escalation_path_finalize (GObject *object)
{
  SamEscalationPath *self = SAM_ESCALATION_PATH (object);

  g_free (self->id);
  g_free (self->area);
  g_free (self->start);
  sam_text_clear (&self->title);
  sam_text_clear (&self->summary);
  g_ptr_array_unref (self->steps);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_free (self->updated_by);

  G_OBJECT_CLASS (sam_escalation_path_parent_class)->finalize (object);
}

static void
sam_escalation_path_class_init (SamEscalationPathClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_escalation_path_finalize;
}

static void
sam_escalation_path_init (SamEscalationPath *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
  self->area = g_strdup ("SE");
  self->situation = SAM_SITUATION_OTHER;
}

SamEscalationPath *
sam_escalation_path_new (const char *id)
{
  SamEscalationPath *self = g_object_new (SAM_TYPE_ESCALATION_PATH, NULL);

  self->id = id ? g_strdup (id) : g_uuid_string_random ();
  return self;
}

SamEscalationPath *
sam_escalation_path_copy (SamEscalationPath *self)
{
  SamEscalationPath *copy = sam_escalation_path_new (self->id);

  copy->situation = self->situation;
  sam_escalation_path_set_area (copy, self->area);
  copy->start = g_strdup (self->start);
  sam_text_copy (&copy->title, &self->title);
  sam_text_copy (&copy->summary, &self->summary);
  for (guint i = 0; i < self->steps->len; i++)
    g_ptr_array_add (copy->steps, sam_escalation_step_copy (g_ptr_array_index (self->steps, i)));
  copy->revision = self->revision;
  sam_escalation_path_set_updated (copy, self->updated_at, self->updated_by);
  return copy;
}

const char *
sam_escalation_path_get_id (SamEscalationPath *self)
{
  return self->id;
}

SamSituation
sam_escalation_path_get_situation (SamEscalationPath *self)
{
  return self->situation;
}

void
sam_escalation_path_set_situation (SamEscalationPath *self, SamSituation situation)
{
  self->situation = situation;
}

const char *
sam_escalation_path_get_area (SamEscalationPath *self)
{
  return self->area;
}

void
sam_escalation_path_set_area (SamEscalationPath *self, const char *area)
{
  g_free (self->area);
  self->area = g_strdup (area ? area : "SE");
}

const char *
sam_escalation_path_get_start (SamEscalationPath *self)
{
  return self->start;
}

void
sam_escalation_path_set_start (SamEscalationPath *self, const char *step_id)
{
  g_free (self->start);
  self->start = g_strdup (step_id);
}

SamText *
sam_escalation_path_get_title (SamEscalationPath *self)
{
  return &self->title;
}

SamText *
sam_escalation_path_get_summary (SamEscalationPath *self)
{
  return &self->summary;
}

GPtrArray *
sam_escalation_path_get_steps (SamEscalationPath *self)
{
  return self->steps;
}

void
sam_escalation_path_add_step (SamEscalationPath *self, SamEscalationStep *step)
{
  g_ptr_array_add (self->steps, g_object_ref (step));
}

SamEscalationStep *
sam_escalation_path_find_step (SamEscalationPath *self, const char *step_id)
{
  for (guint i = 0; i < self->steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (self->steps, i);
      if (g_strcmp0 (sam_escalation_step_get_id (step), step_id) == 0)
        return step;
    }
  return NULL;
}

gint64
sam_escalation_path_get_revision (SamEscalationPath *self)
{
  return self->revision;
}

void
sam_escalation_path_set_revision (SamEscalationPath *self, gint64 revision)
{
  self->revision = revision;
}

GDateTime *
sam_escalation_path_get_updated_at (SamEscalationPath *self)
{
  return self->updated_at;
}

const char *
sam_escalation_path_get_updated_by (SamEscalationPath *self)
{
  return self->updated_by;
}

void
sam_escalation_path_set_updated (SamEscalationPath *self, GDateTime *at, const char *by)
{
  if (at)
    g_date_time_ref (at);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  self->updated_at = at;
  g_free (self->updated_by);
  self->updated_by = g_strdup (by);
}

const char *
sam_escalation_path_get_display_title (SamEscalationPath *self)
{
  const char *title = sam_text_get_best (sam_escalation_path_get_title (self), sam_lang_from_locale (), NULL);

  g_return_val_if_fail (SAM_IS_ESCALATION_PATH (self), NULL);
  return title && *title ? title : sam_escalation_path_get_id (self);
}

gboolean
sam_escalation_path_check_size (SamEscalationPath *self, GError **error)
{
  GPtrArray *steps = sam_escalation_path_get_steps (self);

  if (steps->len > SAM_PATH_MAX_STEPS)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("The path “%s” has %u steps; a path can have at most %u."),
                   sam_escalation_path_get_display_title (self), steps->len, SAM_PATH_MAX_STEPS);
      return FALSE;
    }
  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      guint answers = sam_escalation_step_get_answers (step)->len;
      guint fallbacks = sam_escalation_step_get_fallbacks (step)->len;

      if (answers > SAM_STEP_MAX_ANSWERS || fallbacks > SAM_STEP_MAX_FALLBACKS)
        {
          g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                       answers > SAM_STEP_MAX_ANSWERS
                       ? _("Step %u of the path “%s” has %u answers; a question can have at most %u.")
                       : _("Step %u of the path “%s” has %u fallbacks; a step can have at most %u."),
                       i + 1, sam_escalation_path_get_display_title (self), answers > SAM_STEP_MAX_ANSWERS ? answers : fallbacks,
                       answers > SAM_STEP_MAX_ANSWERS ? SAM_STEP_MAX_ANSWERS : SAM_STEP_MAX_FALLBACKS);
          return FALSE;
        }
    }
  return TRUE;
}
