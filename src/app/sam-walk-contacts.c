/* sam-walk-contacts.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-walk-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-role-contact.h"
#include "sam-route-row.h"
#include "sam-step-contact.h"
#include "sam-step-missing.h"
#include "sam-walk-page-private.h"

static gboolean
contact_changed_cb (gpointer data)
{
  SamWalkPage *self = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean had_focus = focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));

  self->change_id = 0;
  sam_walk_page_show_step (self);
  if (had_focus)
    sam_walk_page_focus_step (self);
  return G_SOURCE_REMOVE;
}

/* The order of the contacts changes when the first of them opens or closes:
 * the page shows it then, not only on the next step. */
static void
schedule_change (SamWalkPage *self, GDateTime *now)
{
  GTimeSpan soonest = G_MAXINT64;

  for (guint i = 0; i < self->contacts->len; i++)
    {
      SamStepContact *c = g_ptr_array_index (self->contacts, i);

      if (c->next_change != NULL)
        soonest = MIN (soonest, g_date_time_difference (c->next_change, now));
    }
  if (soonest > 0 && soonest / G_TIME_SPAN_SECOND < G_MAXUINT - 1)
    self->change_id = g_timeout_add_seconds ((guint) (soonest / G_TIME_SPAN_SECOND) + 1,
                                             contact_changed_cb, self);
}

/* When the step's own contact is closed the first row is another one: say
 * why, or a stressed reader calls the wrong number. */
static void
show_closed_hint (SamWalkPage *self, SamEscalationStep *step)
{
  g_autofree char *text = NULL;
  SamStepContact *first;

  if (self->contacts->len == 0)
    return;
  first = g_ptr_array_index (self->contacts, 0);
  if (!first->is_fallback)
    return;
  for (guint i = 1; i < self->contacts->len; i++)
    {
      SamStepContact *c = g_ptr_array_index (self->contacts, i);

      if (!c->is_fallback && c->state == SAM_CONTACT_CLOSED)
        {
          /* Translators: %s is the actor an action names, "Regional coordinator … is closed now" */
          text = g_strdup_printf (_("%s is closed now. Contact the first one below instead."),
                                  sam_actor_get_display_name (c->actor));
          break;
        }
    }
  if (text == NULL)
    return;
  gtk_label_set_text (self->closed_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->closed_label), TRUE);
}

/* A step whose own contact was deleted says so in red and offers its
 * fallbacks (already listed) and 112. */
static void
show_missing (SamWalkPage *self, SamEscalationStep *step, GDateTime *now)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  SamStepContact *emergency;

  if (!sam_step_describe_missing (step, self->store, &text, &error))
    {
      sam_walk_page_toast (self, error->message);
      return;
    }
  if (text == NULL)
    return;
  gtk_label_set_text (self->missing_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), TRUE);
  emergency = sam_step_emergency_contact (self->store);
  for (guint i = 0; i < self->contacts->len; i++)
    if (g_str_equal (sam_contact_route_get_value (((SamStepContact *) g_ptr_array_index (self->contacts, i))->route),
                     sam_contact_route_get_value (emergency->route)))
      g_clear_pointer (&emergency, sam_step_contact_free);
  if (emergency == NULL)
    return;
  g_ptr_array_add (self->contacts, emergency);
  gtk_list_box_append (self->contacts_list,
                       GTK_WIDGET (sam_route_row_new_for_actor (emergency->route, emergency->actor, now)));
}

/* Says for which area a step's role was filled, or that nobody fills it
 * there, so the reader knows whose number this is. */
static void
show_role (SamWalkPage *self, SamEscalationStep *step)
{
  g_autofree char *text = NULL;

  if (sam_escalation_step_get_role (step) == NULL)
    return;
  text = sam_role_contacts_describe (sam_escalation_step_get_role (step), self->contacts, self->area);
  gtk_label_set_text (self->role_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), TRUE);
}

/* Lists whom to contact now for an action @step, in the page's area, with
 * what the reader must know about them: whose role, who is missing or
 * closed. Shown again when the first of them opens or closes. */
void
sam_walk_page_show_contacts (SamWalkPage *self, SamEscalationStep *step)
{
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  self->contacts = sam_step_list_contacts_in_area (step, self->store, self->area, now, &error);
  if (self->contacts == NULL)
    {
      sam_walk_page_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < self->contacts->len; i++)
    {
      SamStepContact *c = g_ptr_array_index (self->contacts, i);
      SamRouteRow *row = sam_route_row_new_for_actor (c->route, c->actor, now);

      if (c->state == SAM_CONTACT_CLOSED)
        gtk_widget_add_css_class (GTK_WIDGET (row), "closed");
      gtk_list_box_append (self->contacts_list, GTK_WIDGET (row));
    }
  show_missing (self, step, now);
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_list), self->contacts->len > 0);
  show_role (self, step);
  show_closed_hint (self, step);
  schedule_change (self, now);
}
