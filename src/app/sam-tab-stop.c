/* sam-tab-stop.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list view moves Tab from row to row, so a person reaches the
 * page beside a list of 50 results after 50 presses.
 */
#define G_LOG_DOMAIN "sam-tab-stop"

#include "config.h"

#include "sam-tab-stop.h"

struct _SamTabStop
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (SamTabStop, sam_tab_stop, ADW_TYPE_BIN)

static gboolean
sam_tab_stop_focus (GtkWidget *widget, GtkDirectionType direction)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean inside = gtk_widget_get_focus_child (widget) != NULL;

  if (child == NULL || !gtk_widget_get_can_focus (widget))
    return FALSE;
  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return gtk_widget_child_focus (child, direction);
  if (inside)
    return FALSE;
  /* from either side: where the focus was, else the first row */
  return gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

static void
sam_tab_stop_class_init (SamTabStopClass *klass)
{
  GTK_WIDGET_CLASS (klass)->focus = sam_tab_stop_focus;
}

static void
sam_tab_stop_init (SamTabStop *self)
{
}

GtkWidget *
sam_tab_stop_new (void)
{
  return g_object_new (SAM_TYPE_TAB_STOP, NULL);
}
