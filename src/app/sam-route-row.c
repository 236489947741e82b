/* sam-route-row.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-route-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-call.h"
#include "sam-format.h"
#include "sam-route-row.h"

struct _SamRouteRow
{
  AdwActionRow parent_instance;

  SamContactRoute *route;
};

G_DEFINE_FINAL_TYPE (SamRouteRow, sam_route_row, ADW_TYPE_ACTION_ROW)

/* What the open button says it does: call, write, open. */
static const char *
open_label (SamRouteKind kind)
{
  if (kind == SAM_ROUTE_KIND_PHONE || kind == SAM_ROUTE_KIND_ON_CALL_PHONE)
    return _("Call");
  if (kind == SAM_ROUTE_KIND_SMS)
    return _("Send a text message");
  if (kind == SAM_ROUTE_KIND_EMAIL || kind == SAM_ROUTE_KIND_SECURE_EMAIL)
    return _("Write an e-mail");
  return _("Open the website");
}

static GtkWidget *
make_button (const char *icon, const char *tooltip, const char *action, const char *route_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", route_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static char *
describe (SamContactRoute *route, SamSchedule *actor_hours, const char *who, GDateTime *now)
{
  SamSchedule *hours = sam_contact_route_get_hours (route);
  g_autofree char *label = sam_format_register_text (sam_contact_route_get_label (route));
  g_autoptr(GString) out = g_string_new (who);
  g_autofree char *state = NULL;

  if (who != NULL)
    g_string_append (out, " · ");
  g_string_append (out, label ? label : sam_route_kind_get_label (sam_contact_route_get_kind (route)));

  /* hours of its own, or the actor's for phones that keep office hours */
  if (hours == NULL && sam_route_kind_is_phone (sam_contact_route_get_kind (route)))
    hours = actor_hours;
  state = sam_format_open_state (hours, now, NULL);
  if (state)
    g_string_append_printf (out, " · %s", state);
  return g_markup_escape_text (out->str, -1);
}

/* The box of the row's title and subtitle: AdwActionRow 1.2 has no slot
 * under the subtitle, and a badge beside the buttons left the number a
 * sliver on a phone-sized window (one letter a line in Swedish). */
static GtkWidget *
find_title_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title") &&
          gtk_orientable_get_orientation (GTK_ORIENTABLE (child)) == GTK_ORIENTATION_VERTICAL)
        return child;
      if ((found = find_title_box (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
add_badge (SamRouteRow *self, GtkWidget *badge)
{
  GtkWidget *titles = find_title_box (GTK_WIDGET (self));

  if (titles == NULL)
    {
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), badge);
      return;
    }
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_margin_top (badge, 4);
  gtk_box_append (GTK_BOX (titles), badge);
}

static void
populate (SamRouteRow *self, SamSchedule *actor_hours, const char *who, GDateTime *now)
{
  SamContactRoute *route = self->route;
  SamRouteKind kind = sam_contact_route_get_kind (route);
  SamVisibility visibility = sam_contact_route_get_visibility (route);
  const char *id = sam_contact_route_get_id (route);
  g_autofree char *display = sam_contact_route_dup_display_value (route);
  g_autofree char *title = g_markup_escape_text (display, -1);
  g_autofree char *subtitle = describe (route, actor_hours, who, now);
  g_autofree char *uri = sam_contact_route_dup_uri (route);
  GtkWidget *icon = gtk_image_new_from_icon_name (sam_route_kind_get_icon_name (kind));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_add_css_class (GTK_WIDGET (self), "route-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sam_route_kind_get_label (kind), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);
  if (visibility != SAM_VISIBILITY_PUBLIC)
    {
      GtkWidget *badge = gtk_label_new (sam_visibility_get_label (visibility));

      gtk_widget_add_css_class (badge, "visibility-badge");
      gtk_widget_add_css_class (badge, visibility == SAM_VISIBILITY_INTERNAL ? "internal" : "professional");
      gtk_widget_set_tooltip_text (badge, visibility == SAM_VISIBILITY_INTERNAL
                                   ? _("Internal: for your own organisation only; never printed or shared")
                                   : _("Professional: for agencies, not for the public"));
      add_badge (self, badge);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                             make_button ("edit-copy-symbolic", _("Copy"), "actor.copy-route", id));
  /* no phone program: the number in large digits instead of a call that fails */
  if (uri != NULL && sam_call_shows_number (route))
    adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                               make_button ("zoom-in-symbolic", _("Show Number"), "actor.open-route", id));
  else if (uri != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                               make_button (sam_route_kind_get_icon_name (kind), open_label (kind), "actor.open-route", id));
}

static void
sam_route_row_dispose (GObject *object)
{
  g_clear_object (&SAM_ROUTE_ROW (object)->route);
  G_OBJECT_CLASS (sam_route_row_parent_class)->dispose (object);
}

static void
sam_route_row_class_init (SamRouteRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sam_route_row_dispose;
}

static void
sam_route_row_init (SamRouteRow *self)
{
}

SamRouteRow *
sam_route_row_new (SamContactRoute *route, SamSchedule *actor_hours, GDateTime *now)
{
  SamRouteRow *self = g_object_new (SAM_TYPE_ROUTE_ROW, NULL);

  self->route = g_object_ref (route);
  populate (self, actor_hours, NULL, now);
  return self;
}

SamRouteRow *
sam_route_row_new_for_actor (SamContactRoute *route, SamActor *actor, GDateTime *now)
{
  SamRouteRow *self = g_object_new (SAM_TYPE_ROUTE_ROW, NULL);

  self->route = g_object_ref (route);
  populate (self, sam_actor_get_hours (actor), sam_actor_get_display_name (actor), now);
  return self;
}

