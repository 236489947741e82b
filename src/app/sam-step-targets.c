/* sam-step-targets.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists of where a step or an answer may lead, which all the step
 * cards of a path editor share.
 */
#define G_LOG_DOMAIN "sam-step-targets"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-step-targets.h"

/* A short label for a step in the lists of where to go: "3. Call 112" */
static char *
step_label (SamEscalationPath *path, SamEscalationStep *step)
{
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  const char *text = sam_text_get_best (sam_escalation_step_get_text (step), sam_lang_from_locale (), NULL);
  guint index = 0;
  g_autofree char *shown = NULL;

  g_ptr_array_find (steps, step, &index);
  if (text == NULL)
    text = sam_escalation_step_get_id (step);
  /* the lists stay narrow enough for a window of 600 pixels */
  if (g_utf8_strlen (text, -1) > 48)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 47);
      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (text);
  /* Translators: a step in a list of where to go: "3. Call 112" */
  return g_strdup_printf (_("%u. %s"), index + 1, shown);
}

SamStepTargets *
sam_step_targets_new (void)
{
  SamStepTargets *targets = g_new0 (SamStepTargets, 1);

  targets->next_labels = gtk_string_list_new (NULL);
  targets->next_ids = g_ptr_array_new_with_free_func (g_free);
  targets->answer_labels = gtk_string_list_new (NULL);
  targets->answer_targets = g_ptr_array_new_with_free_func (g_free);
  return targets;
}

void
sam_step_targets_free (SamStepTargets *targets)
{
  g_object_unref (targets->next_labels);
  g_ptr_array_unref (targets->next_ids);
  g_object_unref (targets->answer_labels);
  g_ptr_array_unref (targets->answer_targets);
  g_free (targets);
}

/* Changes only the items that differ: a typed letter changes one label. */
static void
update_list (GtkStringList *list, GPtrArray *ids, GPtrArray *new_labels, GPtrArray *new_ids)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (n != new_labels->len)
    {
      g_ptr_array_add (new_labels, NULL);
      gtk_string_list_splice (list, 0, n, (const char * const *) new_labels->pdata);
      g_ptr_array_remove_index (new_labels, new_labels->len - 1);
    }
  else
    for (guint i = 0; i < n; i++)
      if (g_strcmp0 (gtk_string_list_get_string (list, i), g_ptr_array_index (new_labels, i)) != 0)
        {
          const char *item[] = { g_ptr_array_index (new_labels, i), NULL };
          gtk_string_list_splice (list, i, 1, item);
        }
  g_ptr_array_set_size (ids, 0);
  for (guint i = 0; i < new_ids->len; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (new_ids, i)));
}

void
sam_step_targets_update (SamStepTargets *targets, SamEscalationPath *path, GPtrArray *paths)
{
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  g_autoptr(GPtrArray) next_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) next_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) answer_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) answer_targets = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (next_labels, g_strdup (_("End of the path")));
  g_ptr_array_add (next_ids, NULL);
  g_ptr_array_add (answer_labels, g_strdup (_("Nowhere yet (choose)")));
  g_ptr_array_add (answer_targets, NULL);
  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);

      g_ptr_array_add (next_labels, step_label (path, step));
      g_ptr_array_add (next_ids, g_strdup (sam_escalation_step_get_id (step)));
      g_ptr_array_add (answer_labels, step_label (path, step));
      g_ptr_array_add (answer_targets, g_strconcat ("step:", sam_escalation_step_get_id (step), NULL));
    }
  for (guint i = 0; paths && i < paths->len; i++)
    {
      SamEscalationPath *other = g_ptr_array_index (paths, i);
      const char *title = sam_text_get_best (sam_escalation_path_get_title (other),
                                             sam_lang_from_locale (), NULL);

      if (g_str_equal (sam_escalation_path_get_id (other), sam_escalation_path_get_id (path)))
        continue;
      /* Translators: an answer that hands over to another escalation path */
      g_ptr_array_add (answer_labels, g_strdup_printf (_("The path “%s”"),
                                                       title ? title : sam_escalation_path_get_id (other)));
      g_ptr_array_add (answer_targets, g_strconcat ("path:", sam_escalation_path_get_id (other), NULL));
    }
  targets->syncing = TRUE;
  update_list (targets->next_labels, targets->next_ids, next_labels, next_ids);
  update_list (targets->answer_labels, targets->answer_targets, answer_labels, answer_targets);
  targets->syncing = FALSE;
}
