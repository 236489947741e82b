/* sam-window-walk.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamWindow: the guided walk through an escalation path, a page of the
 * content pane beside the actor page.
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-window-private.h"

/* The back button of the content pane: on a narrow window it returns to the
 * list; from the walk-through it returns to where one was before. */
void
_sam_window_update_back_button (SamWindow *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet) ||
                                             sam_window_is_showing_walk (self));
}

static void
walk_title_cb (SamWindow *self)
{
  if (sam_window_is_showing_walk (self))
    adw_window_title_set_title (self->content_title, sam_walk_page_get_title (self->walk_page));
}

static SamWalkPage *
ensure_walk_page (SamWindow *self)
{
  if (self->walk_page == NULL)
    {
      self->walk_page = sam_walk_page_new ();
      sam_walk_page_set_store (self->walk_page, self->store);
      g_signal_connect_swapped (self->walk_page, "notify::title", G_CALLBACK (walk_title_cb), self);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->walk_page), "walk");
    }
  return self->walk_page;
}

/* One action for the moment it matters: the trafficking path for the
 * user's own area, at its first question. */
static void
suspect_trafficking_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *area = g_settings_get_string (settings, "default-area");
  SamWalkPage *page = ensure_walk_page (self);

  sam_walk_page_start (page, SAM_SITUATION_TRAFFICKING_ADULT, area);
  gtk_stack_set_visible_child_name (self->content_stack, "walk");
  adw_window_title_set_title (self->content_title, sam_walk_page_get_title (page));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  _sam_window_update_actions (self);
  _sam_window_update_back_button (self);
  sam_walk_page_focus_step (page);
}

void
_sam_window_class_add_walk_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.suspect-trafficking", NULL, suspect_trafficking_action);
}

SamWalkPage *
sam_window_get_walk_page (SamWindow *self)
{
  return self->walk_page;
}

gboolean
sam_window_is_showing_walk (SamWindow *self)
{
  return self->walk_page != NULL &&
         gtk_stack_get_visible_child (self->content_stack) == GTK_WIDGET (self->walk_page);
}
