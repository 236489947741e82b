/* sam-actor-row.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-actor-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-actor-row.h"
#include "sam-format.h"

struct _SamActorRow
{
  AdwActionRow parent_instance;

  SamActor *actor;
};

G_DEFINE_FINAL_TYPE (SamActorRow, sam_actor_row, ADW_TYPE_ACTION_ROW)

static SamContactRoute *
first_public_phone (SamActor *actor)
{
  GPtrArray *routes = sam_actor_get_routes (actor);

  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);

      if (sam_route_kind_is_phone (sam_contact_route_get_kind (route)) &&
          sam_contact_route_get_visibility (route) == SAM_VISIBILITY_PUBLIC)
        return route;
    }
  return NULL;
}

static GtkWidget *
make_badge (SamActor *actor, GDateTime *now)
{
  SamSchedule *hours = sam_actor_get_hours (actor);
  GtkWidget *label;
  const char *text;
  const char *style;

  if (hours == NULL)
    return NULL;
  if (sam_schedule_is_always (hours))
    text = _("Always open"), style = "success";
  else if (sam_schedule_is_open_at (hours, now))
    text = _("Open now"), style = "success";
  else
    text = _("Closed"), style = "dim-label";
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, style);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

/* In the review list: when it was last verified, instead of the area. */
static char *
describe_verification (SamActor *actor)
{
  g_autofree char *date = sam_format_date (sam_actor_get_verified_at (actor));

  return date ? g_strdup_printf (_("Last verified %s"), date) : g_strdup (_("Never verified"));
}

static void
populate (SamActorRow *self, GDateTime *now, gboolean review)
{
  SamActor *actor = self->actor;
  SamLang lang = sam_lang_from_locale ();
  g_autofree char *areas = review ? describe_verification (actor) : sam_format_areas (actor);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                               sam_actor_kind_get_label (sam_actor_get_kind (actor)),
                                               areas);
  g_autofree char *title = g_markup_escape_text (sam_text_get_best (sam_actor_get_name (actor), lang, NULL), -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
  SamContactRoute *phone = first_public_phone (actor);
  GtkWidget *icon = gtk_image_new_from_icon_name (sam_actor_kind_get_icon_name (sam_actor_get_kind (actor)));
  GtkWidget *badge = make_badge (actor, now);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), escaped_subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sam_actor_kind_get_label (sam_actor_get_kind (actor)), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);
  if (badge && !review)
    adw_action_row_add_suffix (ADW_ACTION_ROW (self), badge);
  if (phone && !review)
    {
      g_autofree char *display = sam_contact_route_dup_display_value (phone);
      GtkWidget *label = gtk_label_new (display);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "actor-phone");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), label);
    }
}

static void
sam_actor_row_dispose (GObject *object)
{
  SamActorRow *self = SAM_ACTOR_ROW (object);

  g_clear_object (&self->actor);
  G_OBJECT_CLASS (sam_actor_row_parent_class)->dispose (object);
}

static void
sam_actor_row_class_init (SamActorRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sam_actor_row_dispose;
}

static void
sam_actor_row_init (SamActorRow *self)
{
}

SamActorRow *
sam_actor_row_new (SamActor *actor, GDateTime *now, gboolean review)
{
  SamActorRow *self = g_object_new (SAM_TYPE_ACTOR_ROW, NULL);

  self->actor = g_object_ref (actor);
  populate (self, now, review);
  return self;
}

SamActor *
sam_actor_row_get_actor (SamActorRow *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR_ROW (self), NULL);
  return self->actor;
}
