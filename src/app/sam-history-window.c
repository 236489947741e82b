/* sam-history-window.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-history-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-change-diff.h"
#include "sam-format.h"
#include "sam-history-window.h"

struct _SamHistoryWindow
{
  AdwWindow parent_instance;

  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (SamHistoryWindow, sam_history_window, ADW_TYPE_WINDOW)

static GtkWidget *
change_row (SamChange *change)
{
  g_autoptr(GPtrArray) lines = sam_change_describe (change);
  g_autofree char *when = sam_format_date_time (change->at);
  g_autofree char *who = g_markup_escape_text (change->who, -1);
  g_autofree char *title = g_strdup_printf ("%s · %s", sam_change_get_title (change), who);
  GtkWidget *row;

  if (lines->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      return row;
    }
  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), when);
  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (lines, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
    }
  return row;
}

static void
sam_history_window_class_init (SamHistoryWindowClass *klass)
{
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_history_window_init (SamHistoryWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 560, 600);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->group), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->group), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->group), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->group), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->group));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
}

SamHistoryWindow *
sam_history_window_new (GtkWindow *parent, SamStore *store, SamActor *actor)
{
  SamHistoryWindow *self = g_object_new (SAM_TYPE_HISTORY_WINDOW, "transient-for", parent,
                                         /* a dialog to a screen reader, not "filler" */
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  g_autoptr(GPtrArray) changes = sam_store_list_changes (store, "actor", sam_actor_get_id (actor), NULL);
  g_autofree char *title = g_strdup_printf (_("History of %s"), sam_actor_get_display_name (actor));

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_preferences_group_set_title (self->group, title);
  for (guint i = 0; changes && i < changes->len; i++)
    adw_preferences_group_add (self->group, change_row (g_ptr_array_index (changes, i)));
  if (changes == NULL || changes->len == 0)
    adw_preferences_group_set_description (self->group, _("No changes are recorded."));
  return self;
}
