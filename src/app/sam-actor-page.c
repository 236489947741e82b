/* sam-actor-page.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-actor-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-actor-page.h"
#include "sam-areas.h"
#include "sam-call.h"
#include "sam-format.h"
#include "sam-route-row.h"

struct _SamActorPage
{
  AdwBin parent_instance;

  SamActor *actor;
  GPtrArray *rows;   /* rows added to the groups, to remove them again */

  GtkScrolledWindow *scroller;
  GtkImage *kind_icon;
  GtkLabel *name_label;
  GtkLabel *summary_label;
  GtkLabel *open_label;
  GtkButton *parent_button;
  GtkLabel *parent_label;
  GtkWidget *overdue_box;
  GtkLabel *overdue_label;
  GtkLabel *description_label;
  AdwPreferencesGroup *routes_group;
  AdwPreferencesGroup *units_group;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *verification_group;
};

G_DEFINE_FINAL_TYPE (SamActorPage, sam_actor_page, ADW_TYPE_BIN)

enum {
  ACTOR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (SamActorPage *self, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
clear_rows (SamActorPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (SamActorPage *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_text_row (SamActorPage *self, AdwPreferencesGroup *group, const char *title, const char *value)
{
  GtkWidget *row;
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
#if ADW_CHECK_VERSION (1, 3, 0)
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
#endif
  gtk_widget_add_css_class (row, "property");
  add_row (self, group, row);
}

static char *
join_labels (GPtrArray *tokens, const char *(*label) (const char *))
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < tokens->len; i++)
    g_ptr_array_add (labels, (char *) label (g_ptr_array_index (tokens, i)));
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

static const char *
same_text (const char *text)
{
  return text;
}

static void
unit_activated_cb (AdwActionRow *row, SamActorPage *self)
{
  g_signal_emit (self, signals[ACTOR_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "actor-id"));
}

static void
show_units (SamActorPage *self, SamStore *store)
{
  g_autoptr(GPtrArray) ids = sam_store_list_unit_ids (store, sam_actor_get_id (self->actor), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->units_group), ids && ids->len > 0);
  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(SamActor) unit = sam_store_load_actor (store, g_ptr_array_index (ids, i), NULL);
      GtkWidget *row;
      g_autofree char *title = NULL;

      if (unit == NULL)
        continue;
      title = g_markup_escape_text (sam_actor_get_display_name (unit), -1);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sam_actor_kind_get_label (sam_actor_get_kind (unit)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "actor-id", g_strdup (sam_actor_get_id (unit)), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (unit_activated_cb), self);
      add_row (self, self->units_group, row);
    }
}

static void
show_header (SamActorPage *self, SamStore *store, GDateTime *now)
{
  SamActor *actor = self->actor;
  SamActorKind kind = sam_actor_get_kind (actor);
  g_autofree char *areas = sam_areas_join_names (sam_actor_get_areas (actor));
  g_autofree char *summary = g_strdup_printf ("%s · %s", sam_actor_kind_get_label (kind), areas);
  gboolean open = FALSE;
  g_autofree char *state = sam_format_open_state (sam_actor_get_hours (actor), now, &open);
  const char *parent_id = sam_actor_get_parent_id (actor);

  gtk_image_set_from_icon_name (self->kind_icon, sam_actor_kind_get_icon_name (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sam_actor_kind_get_label (kind), -1);
  gtk_label_set_text (self->name_label, sam_actor_get_display_name (actor));
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->open_label, state ? state : _("Opening hours not given"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->open_label), "open");
  gtk_widget_remove_css_class (GTK_WIDGET (self->open_label), "closed");
  gtk_widget_add_css_class (GTK_WIDGET (self->open_label), open ? "open" : "closed");

  gtk_widget_set_visible (GTK_WIDGET (self->parent_button), parent_id != NULL);
  if (parent_id != NULL)
    {
      g_autoptr(SamActor) parent = sam_store_load_actor (store, parent_id, NULL);
      g_autofree char *text = g_strdup_printf (_("Part of %s"), parent ? sam_actor_get_display_name (parent)
                                                                      : parent_id);
      gtk_label_set_text (self->parent_label, text);
    }
}

static void
show_description (SamActorPage *self)
{
  gboolean other = FALSE;
  const char *text = sam_text_get_best (sam_actor_get_description (self->actor),
                                        sam_lang_from_locale (), &other);

  gtk_widget_set_visible (GTK_WIDGET (self->description_label), text != NULL);
  gtk_label_set_text (self->description_label, text ? text : "");
  /* the other language's text, marked so, rather than nothing */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->description_label),
                               other ? _("Only available in the other language") : NULL);
}

static void
show_routes (SamActorPage *self, GDateTime *now)
{
  GPtrArray *routes = sam_actor_get_routes (self->actor);

  for (guint i = 0; i < routes->len; i++)
    add_row (self, self->routes_group,
             GTK_WIDGET (sam_route_row_new (g_ptr_array_index (routes, i),
                                            sam_actor_get_hours (self->actor), now)));
  if (routes->len == 0)
    add_text_row (self, self->routes_group, _("No contact routes"),
                  _("Add a phone number or an address in edit mode."));
}

static void
show_details (SamActorPage *self)
{
  SamActor *actor = self->actor;
  g_autofree char *hours = sam_format_hours (sam_actor_get_hours (actor));
  g_autofree char *groups = join_labels (sam_actor_get_target_groups (actor), sam_target_group_get_label);
  g_autofree char *languages = join_labels (sam_actor_get_languages (actor), sam_language_get_label);
  g_autofree char *tags = join_labels (sam_actor_get_tags (actor), same_text);

  add_text_row (self, self->details_group, _("Opening hours"), hours ? hours : _("Not given"));
  add_text_row (self, self->details_group, _("Target groups"), groups);
  add_text_row (self, self->details_group, _("Languages"), languages);
  add_text_row (self, self->details_group, _("Keywords"), tags);
}

static void
show_verification (SamActorPage *self, GDateTime *now)
{
  SamActor *actor = self->actor;
  GDateTime *verified = sam_actor_get_verified_at (actor);
  g_autofree char *verified_date = sam_format_date (verified);
  g_autofree char *updated_date = sam_format_date (sam_actor_get_updated_at (actor));
  g_autofree char *verified_text = NULL;
  g_autofree char *updated_text = NULL;
  g_autofree char *interval = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day", "Every %u days",
                                                            sam_actor_get_review_days (actor)),
                                               sam_actor_get_review_days (actor));
  gboolean overdue = sam_actor_is_overdue (actor, now);

  if (verified)
    /* Translators: "Verified on 25 Nov 2026 by Anna Berg" */
    verified_text = g_strdup_printf (_("%s by %s"), verified_date,
                                     sam_actor_get_verified_by (actor) ? sam_actor_get_verified_by (actor) : "?");
  if (updated_date)
    updated_text = g_strdup_printf (_("%s by %s"), updated_date,
                                    sam_actor_get_updated_by (actor) ? sam_actor_get_updated_by (actor) : "?");
  add_text_row (self, self->verification_group, _("Verified"), verified_text ? verified_text : _("Never"));
  add_text_row (self, self->verification_group, _("Review"), interval);
  add_text_row (self, self->verification_group, _("Last changed"), updated_text);

  gtk_widget_set_visible (self->overdue_box, overdue);
  if (overdue)
    {
      g_autofree char *text = verified
        ? g_strdup_printf (_("Last verified on %s — check the numbers before you rely on them."), verified_date)
        : g_strdup (_("Never verified — check the numbers before you rely on them."));
      gtk_label_set_text (self->overdue_label, text);
    }
}

/* Where the details were read and when: "https://… , read 2026-11-02", a
 * web page with a button that opens it. */
static void
show_source (SamActorPage *self)
{
  const char *source = sam_actor_get_source (self->actor);
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  GtkWidget *row;
  GtkWidget *button;

  if (source == NULL)
    return;
  /* Translators: an actor's source and the day it was read, "https://polisen.se/kontakt/, read 2026-10-05" */
  text = g_strdup_printf (_("%s, read %s"), source,
                          sam_actor_get_source_read (self->actor) ? sam_actor_get_source_read (self->actor) : "?");
  escaped = g_markup_escape_text (text, -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Source"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_add_css_class (row, "property");
  gtk_widget_set_name (row, "source-row");
  if (sam_actor_source_is_web (self->actor))
    {
      button = gtk_button_new_from_icon_name ("web-browser-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Open the source in a web browser"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open the source"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "actor.open-source");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }
  add_row (self, self->verification_group, row);
}

static SamContactRoute *
find_route (SamActorPage *self, const char *route_id)
{
  return self->actor ? sam_actor_find_route (self->actor, route_id) : NULL;
}

gboolean
sam_actor_page_copy_route (SamActorPage *self, const char *route_id)
{
  SamContactRoute *route = find_route (self, route_id);
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (route == NULL)
    return FALSE;
  display = sam_contact_route_dup_display_value (route);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), display);
  /* Translators: a toast after copying, "Copied 090-16 10 00" */
  message = g_strdup_printf (_("Copied %s"), display);
  toast (self, message);
  return TRUE;
}

/* The first button of @widget's tree that copies or calls. */
static GtkWidget *
find_route_button (GtkWidget *widget)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_visible (widget))
    {
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));

      if (g_strcmp0 (action, "actor.copy-route") == 0 || g_strcmp0 (action, "actor.open-route") == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_route_button (child);

      if (found)
        return found;
    }
  return NULL;
}

gboolean
sam_actor_page_focus_first_route (SamActorPage *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR_PAGE (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    if (SAM_IS_ROUTE_ROW (g_ptr_array_index (self->rows, i)))
      {
        GtkWidget *button = find_route_button (g_ptr_array_index (self->rows, i));

        return button != NULL && gtk_widget_grab_focus (button);
      }
  return FALSE;
}

static void
copy_route_action (GtkWidget *widget, const char *name, GVariant *param)
{
  sam_actor_page_copy_route (SAM_ACTOR_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
open_route_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamActorPage *self = SAM_ACTOR_PAGE (widget);
  SamContactRoute *route = find_route (self, g_variant_get_string (param, NULL));

  if (route != NULL)
    sam_call_open_route (widget, route, sam_actor_get_display_name (self->actor));
}

static void
open_source_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamActorPage *self = SAM_ACTOR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->actor && sam_actor_source_is_web (self->actor))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                  sam_actor_get_source (self->actor), GDK_CURRENT_TIME);
}

static void
parent_clicked_cb (SamActorPage *self)
{
  if (self->actor && sam_actor_get_parent_id (self->actor))
    g_signal_emit (self, signals[ACTOR_ACTIVATED], 0, sam_actor_get_parent_id (self->actor));
}

static void
sam_actor_page_dispose (GObject *object)
{
  SamActorPage *self = SAM_ACTOR_PAGE (object);

  g_clear_object (&self->actor);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (sam_actor_page_parent_class)->dispose (object);
}

static void
sam_actor_page_class_init (SamActorPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sam_actor_page_dispose;

  signals[ACTOR_ACTIVATED] = g_signal_new ("actor-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samverkan/Samverkan/sam-actor-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, open_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, parent_button);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, parent_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, routes_group);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, units_group);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, SamActorPage, verification_group);
  gtk_widget_class_bind_template_callback (widget_class, parent_clicked_cb);

  gtk_widget_class_install_action (widget_class, "actor.copy-route", "s", copy_route_action);
  gtk_widget_class_install_action (widget_class, "actor.open-route", "s", open_route_action);
  gtk_widget_class_install_action (widget_class, "actor.open-source", NULL, open_source_action);
}

static void
sam_actor_page_init (SamActorPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

SamActorPage *
sam_actor_page_new (void)
{
  return g_object_new (SAM_TYPE_ACTOR_PAGE, NULL);
}

void
sam_actor_page_set_actor (SamActorPage *self, SamStore *store, SamActor *actor)
{
  g_autoptr(GDateTime) now = sam_now_local ();
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  gboolean same = self->actor && actor &&
                  g_str_equal (sam_actor_get_id (self->actor), sam_actor_get_id (actor));

  g_return_if_fail (SAM_IS_ACTOR_PAGE (self));

  g_set_object (&self->actor, actor);
  clear_rows (self);
  if (actor == NULL)
    return;
  show_header (self, store, now);
  show_description (self);
  show_routes (self, now);
  show_units (self, store);
  show_details (self);
  show_verification (self, now);
  show_source (self);
  /* a new actor starts at the top; a refresh of the same one stays put */
  if (!same)
    gtk_adjustment_set_value (vadj, 0);
}

SamActor *
sam_actor_page_get_actor (SamActorPage *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR_PAGE (self), NULL);
  return self->actor;
}
