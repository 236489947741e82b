/* sam-window-filters.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamWindow's filters: the popover's drop-downs, the query they make, and
 * the active filters shown as buttons that remove them.
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-areas.h"
#include "sam-window-private.h"

/* Languages offered by the filter: the ones a register in Sweden lists most. */
static const char * const filter_languages[] = {
  "sv", "en", "ar", "so", "fa", "prs", "ti", "ku", "ru", "uk", "ro", "bg", "pl", "es", "fr",
  "de", "th", "fi", "se", "sgn", NULL
};

/* Filters */

static const char *
selected_token (GtkDropDown *dropdown, const char * const *tokens)
{
  guint index = gtk_drop_down_get_selected (dropdown);

  /* item 0 is "any" */
  return index == 0 || index == GTK_INVALID_LIST_POSITION ? NULL : tokens[index - 1];
}

static const char * const *
kind_tokens (void)
{
  static const char *tokens[SAM_N_ACTOR_KINDS + 1];

  if (tokens[0] == NULL)
    for (guint i = 0; i < SAM_N_ACTOR_KINDS; i++)
      tokens[i] = sam_actor_kind_to_string (i);
  return tokens;
}

const char *
_sam_window_get_selected_area (SamWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->area_dropdown);

  return index < self->area_codes->len ? g_ptr_array_index (self->area_codes, index) : NULL;
}

/* The user's area from Preferences: ranks first, filters nothing. */
static char *
default_area (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *area = g_settings_get_string (settings, "default-area");

  return area[0] != '\0' ? g_steal_pointer (&area) : NULL;
}

SamQuery *
_sam_window_build_query (SamWindow *self)
{
  SamQuery *query = sam_query_new (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  const char *kind = selected_token (self->kind_dropdown, kind_tokens ());

  query->limit = RESULT_LIMIT;
  query->has_kind = kind && sam_actor_kind_from_string (kind, &query->kind);
  query->area = g_strdup (_sam_window_get_selected_area (self));
  query->target_group = g_strdup (selected_token (self->group_dropdown, sam_target_groups ()));
  query->language = g_strdup (selected_token (self->language_dropdown, filter_languages));
  query->open_now = gtk_check_button_get_active (self->open_now_check);
  /* the rows show names, areas, hours and a number; the page loads the rest */
  query->rows_only = TRUE;
  query->near = default_area ();
  return query;
}

static void
chip_clicked_cb (GtkButton *button, SamWindow *self)
{
  GObject *control = g_object_get_data (G_OBJECT (button), "control");

  if (GTK_IS_DROP_DOWN (control))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (control), 0);
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (control), FALSE);
}

static void
add_chip (SamWindow *self, const char *text, gpointer control)
{
  g_autofree char *tooltip = g_strdup_printf (_("Remove the filter “%s”"), text);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new ();

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "filter-chip");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  g_object_set_data (G_OBJECT (button), "control", control);
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);
  gtk_flow_box_append (self->chips, button);
}

static const char *
dropdown_label (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item ? gtk_string_object_get_string (item) : "";
}

/* The active filters as buttons that each remove one. */
void
_sam_window_update_chips (SamWindow *self)
{
  GtkDropDown *dropdowns[] = { self->area_dropdown, self->kind_dropdown, self->group_dropdown,
                               self->language_dropdown };
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))) != NULL)
    gtk_flow_box_remove (self->chips, child);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    if (gtk_drop_down_get_selected (dropdowns[i]) > 0)
      {
        add_chip (self, dropdown_label (dropdowns[i]), dropdowns[i]);
        any = TRUE;
      }
  if (gtk_check_button_get_active (self->open_now_check))
    {
      add_chip (self, _("Open now"), self->open_now_check);
      any = TRUE;
    }
  gtk_revealer_set_reveal_child (self->chips_revealer, any);
  if (any)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

gboolean
sam_window_has_filters (SamWindow *self)
{
  return gtk_drop_down_get_selected (self->area_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->kind_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->group_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->language_dropdown) > 0 ||
         gtk_check_button_get_active (self->open_now_check);
}

static GtkStringList *
make_list (const char *any, guint n, const char *(*label) (guint))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  return list;
}

static const char *
kind_label (guint i)
{
  return sam_actor_kind_get_label (i);
}

static const char *
group_label (guint i)
{
  return sam_target_group_get_label (sam_target_groups ()[i]);
}

static const char *
language_label (guint i)
{
  return sam_language_get_label (filter_languages[i]);
}

/* The area drop-down starts with "All areas" and the chosen area only, and
 * lists all 311 when the filters are opened: a drop-down builds a row for
 * each of its first 200 items as soon as it has them, which was a twentieth
 * of the window's start-up. */
static void
set_area_list (SamWindow *self, gboolean all_areas, const char *selected)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  GPtrArray *all = sam_areas_get_all ();
  guint position = 0;

  g_ptr_array_set_size (self->area_codes, 0);
  gtk_string_list_append (areas, _("All areas"));
  g_ptr_array_add (self->area_codes, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      const SamArea *area = g_ptr_array_index (all, i);

      if (area->kind == SAM_AREA_COUNTRY || (!all_areas && g_strcmp0 (area->code, selected) != 0))
        continue;
      if (g_strcmp0 (area->code, selected) == 0)
        position = self->area_codes->len;
      gtk_string_list_append (areas, sam_area_get_name (area));
      g_ptr_array_add (self->area_codes, (char *) area->code);
    }
  self->all_areas_listed = all_areas;
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (areas));
  gtk_drop_down_set_selected (self->area_dropdown, position);
}

void
_sam_window_list_all_areas (SamWindow *self)
{
  if (!self->all_areas_listed)
    set_area_list (self, TRUE, _sam_window_get_selected_area (self));
}

static void
filter_popover_show_cb (GtkWidget *popover, SamWindow *self)
{
  _sam_window_list_all_areas (self);
}

void
_sam_window_setup_filters (SamWindow *self)
{
  g_autoptr(GtkStringList) kinds = make_list (_("Any kind"), SAM_N_ACTOR_KINDS, kind_label);
  g_autoptr(GtkStringList) groups = make_list (_("Anyone"), g_strv_length ((char **) sam_target_groups ()), group_label);
  g_autoptr(GtkStringList) languages = make_list (_("Any language"), g_strv_length ((char **) filter_languages), language_label);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->area_codes = g_ptr_array_new ();
  gtk_drop_down_set_expression (self->area_dropdown, expression);
  set_area_list (self, FALSE, NULL);
  g_signal_connect (self->filter_popover, "show", G_CALLBACK (filter_popover_show_cb), self);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (groups));
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (languages));
}

void
sam_window_set_area_filter (SamWindow *self, const char *code)
{
  if (!self->all_areas_listed)
    {
      set_area_list (self, FALSE, sam_area_lookup (code) ? code : NULL);
      return;
    }
  for (guint i = 0; i < self->area_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->area_codes, i), code) == 0)
      {
        gtk_drop_down_set_selected (self->area_dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (self->area_dropdown, 0);
}
