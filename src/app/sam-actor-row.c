/* sam-actor-row.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of text each for name and details, so rows measure cheaply: a
 * list view makes only the rows on screen and rebinds them as it scrolls.
 */
#define G_LOG_DOMAIN "sam-actor-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-actor-row.h"
#include "sam-areas.h"
#include "sam-format.h"
#include "sam-step-contact.h"

struct _SamActorRow
{
  GtkWidget parent_instance;

  SamActor *actor;
  GtkWidget *box;
  GtkImage *icon;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *badge;
  GtkLabel *phone;
};

G_DEFINE_FINAL_TYPE (SamActorRow, sam_actor_row, GTK_TYPE_WIDGET)

/* In the review list: when it was last verified, instead of the area. */
static char *
describe_verification (SamActor *actor)
{
  g_autofree char *date = sam_format_date (sam_actor_get_verified_at (actor));

  return date ? g_strdup_printf (_("Last verified %s"), date) : g_strdup (_("Never verified"));
}

/* The state of the number the row shows, by its own hours when it has
 * them: a unit's office closes, the 114 14 it is reached through does not. */
static void
set_badge (SamActorRow *self, SamActor *actor, SamContactRoute *phone, GDateTime *now)
{
  SamSchedule *hours = phone ? sam_route_get_effective_hours (phone, actor) : sam_actor_get_hours (actor);
  gboolean open = hours && sam_schedule_is_open_at (hours, now);

  gtk_widget_set_visible (GTK_WIDGET (self->badge), hours != NULL);
  if (hours == NULL)
    return;
  gtk_label_set_text (self->badge, sam_schedule_is_always (hours) ? _("Always open")
                                   : open ? _("Open now") : _("Closed"));
  if (open)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->badge), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->badge), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "success");
    }
}

void
sam_actor_row_bind (SamActorRow *self, SamActor *actor, GDateTime *now, gboolean review)
{
  SamActorKind kind = sam_actor_get_kind (actor);
  const char *name = sam_text_get_best (sam_actor_get_name (actor), sam_lang_from_locale (), NULL);
  g_autofree char *detail = review ? describe_verification (actor) : sam_areas_join_names (sam_actor_get_areas (actor));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", sam_actor_kind_get_label (kind), detail);
  SamContactRoute *phone = review ? NULL : sam_actor_get_first_callable_phone (actor);
  g_autofree char *number = phone ? sam_contact_route_dup_display_value (phone) : NULL;

  g_return_if_fail (SAM_IS_ACTOR_ROW (self));

  g_set_object (&self->actor, actor);
  gtk_image_set_from_icon_name (self->icon, sam_actor_kind_get_icon_name (kind));
  gtk_label_set_text (self->title, name);
  gtk_label_set_text (self->subtitle, subtitle);
  /* what gtk_widget_set_tooltip_text() would tell a screen reader; the
   * tooltip itself is asked for on hover (title_query_tooltip_cb) */
  if (name)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->title), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    name, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->title), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (review)
    gtk_widget_set_visible (GTK_WIDGET (self->badge), FALSE);
  else
    set_badge (self, actor, phone, now);
  gtk_widget_set_visible (GTK_WIDGET (self->phone), number != NULL);
  gtk_label_set_text (self->phone, number ? number : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
}

/* The full name of an ellipsized title on hover. Setting the tooltip's
 * text at every bind instead made GTK look for the pointer (on X11 two
 * round trips to the display server) for every row of every keystroke: a
 * quarter of a keystroke's time under Xvfb. */
static gboolean
title_query_tooltip_cb (GtkWidget *title, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                        gpointer data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (title));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkLabel *
make_label (GtkWidget *parent, const char *css_class, gboolean expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, expand);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (parent), label);
  return GTK_LABEL (label);
}

static void
sam_actor_row_dispose (GObject *object)
{
  SamActorRow *self = SAM_ACTOR_ROW (object);

  g_clear_object (&self->actor);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (sam_actor_row_parent_class)->dispose (object);
}

static void
sam_actor_row_class_init (SamActorRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sam_actor_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actor-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sam_actor_row_init (SamActorRow *self)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->icon));
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), texts);
  self->title = make_label (texts, NULL, TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->title), TRUE);
  g_signal_connect (self->title, "query-tooltip", G_CALLBACK (title_query_tooltip_cb), NULL);
  self->subtitle = make_label (texts, "caption", TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  self->badge = make_label (self->box, "caption", FALSE);
  self->phone = make_label (self->box, "actor-phone", FALSE);
}

SamActorRow *
sam_actor_row_new (void)
{
  return g_object_new (SAM_TYPE_ACTOR_ROW, NULL);
}

