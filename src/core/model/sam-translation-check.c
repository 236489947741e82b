/* sam-translation-check.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every register text is kept in Swedish and English; the app falls back to
 * the other language quietly, so a missing one is easy to miss. This lists
 * them for `samverkan-cli check`.
 */
#define G_LOG_DOMAIN "sam-translation-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-translation-check.h"

/* @what names the text in a sentence, "the description". */
static void
check_text (const SamText *text, const char *record, const char *what, GPtrArray *out)
{
  if (sam_text_is_missing (text, SAM_LANG_EN))
    /* Translators: "Terrafem (terrafem): the English text of the name is missing" */
    g_ptr_array_add (out, g_strdup_printf (_("%s: the English text of %s is missing"), record, what));
  else if (sam_text_is_missing (text, SAM_LANG_SV))
    g_ptr_array_add (out, g_strdup_printf (_("%s: the Swedish text of %s is missing"), record, what));
}

void
sam_translation_check_actor (SamActor  *actor,
                             GPtrArray *out)
{
  g_autofree char *record = g_strdup_printf ("%s (%s)", sam_actor_get_display_name (actor),
                                             sam_actor_get_id (actor));
  GPtrArray *routes = sam_actor_get_routes (actor);

  check_text (sam_actor_get_name (actor), record, _("the name"), out);
  check_text (sam_actor_get_description (actor), record, _("the description"), out);
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      g_autofree char *what = g_strdup_printf (_("the label of the contact route “%s”"),
                                               sam_contact_route_get_id (route));
      check_text (sam_contact_route_get_label (route), record, what, out);
    }
}

void
sam_translation_check_path (SamEscalationPath *path,
                            GPtrArray         *out)
{
  const char *title = sam_text_get_best (sam_escalation_path_get_title (path), sam_lang_from_locale (), NULL);
  g_autofree char *record = g_strdup_printf ("%s (%s)", title ? title : "",
                                             sam_escalation_path_get_id (path));
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  check_text (sam_escalation_path_get_title (path), record, _("the title"), out);
  check_text (sam_escalation_path_get_summary (path), record, _("the summary"), out);
  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      GPtrArray *answers = sam_escalation_step_get_answers (step);
      const char *id = sam_escalation_step_get_id (step);
      g_autofree char *text = g_strdup_printf (_("the text of step “%s”"), id);
      g_autofree char *legal = g_strdup_printf (_("the legal reference of step “%s”"), id);

      check_text (sam_escalation_step_get_text (step), record, text, out);
      check_text (sam_escalation_step_get_legal_ref (step), record, legal, out);
      for (guint j = 0; j < answers->len; j++)
        {
          SamStepAnswer *a = g_ptr_array_index (answers, j);
          g_autofree char *what = g_strdup_printf (_("answer %u of step “%s”"), j + 1, id);
          check_text (&a->label, record, what, out);
        }
    }
}
