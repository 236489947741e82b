/* sam-window-edit.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamWindow: maintaining the register from the main window: the actor
 * editor (edit, new actor, new unit), delete with Undo, mark verified,
 * history and the escalation paths.
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-actor-editor.h"
#include "sam-format.h"
#include "sam-history-window.h"
#include "sam-paths-window.h"
#include "sam-window-private.h"

static void
editor_saved_cb (SamActorEditor *editor, SamActor *actor, SamWindow *self)
{
  /* the store's ::changed signal refreshed the list; @actor is as saved,
   * so it is shown without reading it again */
  _sam_window_show_actor (self, actor);
}

static void
editor_reload_cb (SamActorEditor *editor, const char *id, SamWindow *self)
{
  sam_window_show_actor (self, id);
}

static void
open_editor (SamWindow *self, SamActor *actor, const char *parent_id)
{
  SamActorEditor *editor = sam_actor_editor_new (GTK_WINDOW (self), self->store, actor, parent_id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  g_signal_connect_object (editor, "reload-requested", G_CALLBACK (editor_reload_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_actor_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  SamActor *actor = sam_window_get_shown_actor (self);

  if (actor && _sam_window_can_edit (self))
    open_editor (self, actor, NULL);
}

static void
new_actor_action (GtkWidget *widget, const char *name, GVariant *param)
{
  if (_sam_window_can_edit (SAM_WINDOW (widget)))
    open_editor (SAM_WINDOW (widget), NULL, NULL);
}

static void
new_unit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  SamActor *actor = sam_window_get_shown_actor (self);

  if (actor && _sam_window_can_edit (self))
    open_editor (self, NULL, sam_actor_get_id (actor));
}

/* Delete asks nothing: the toast offers Undo, and the change log keeps the
 * actor even after that. */
static void
delete_actor_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  SamActor *actor = sam_window_get_shown_actor (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) used = NULL;
  g_autofree char *used_text = NULL;
  AdwToast *toast;

  if (actor == NULL || !_sam_window_can_edit (self))
    return;
  id = g_strdup (sam_actor_get_id (actor));
  /* not knowing which paths lose a contact is no reason to go ahead */
  used = sam_store_list_paths_using (self->store, id, NULL, &error);
  if (used == NULL)
    {
      _sam_window_toast (self, error->message);
      return;
    }
  used_text = sam_format_used_by_paths (used);
  title = used_text
    /* Translators: "“Regional coordinator” deleted. Used by 2 escalation paths: …" */
    ? g_strdup_printf (_("“%s” deleted. %s"), sam_actor_get_display_name (actor), used_text)
    : g_strdup_printf (_("“%s” deleted"), sam_actor_get_display_name (actor));
  if (!sam_store_delete_actor (self->store, id, sam_actor_get_revision (actor), &error))
    {
      _sam_window_toast (self, error->message);
      return;
    }
  _sam_window_show_actor (self, NULL);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* a path that loses a contact is worth the time to read it */
  if (used_text)
    adw_toast_set_timeout (toast, 15);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_free (self->delete_message);
  self->delete_message = g_strdup (title);
}

static void
undo_delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;

  if (!sam_store_restore_actor (self->store, id, &error))
    {
      _sam_window_toast (self, error->message);
      return;
    }
  sam_window_show_actor (self, id);
}

static void
mark_verified_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  SamActor *shown = sam_window_get_shown_actor (self);
  g_autoptr(SamActor) actor = shown ? sam_actor_copy (shown) : NULL;
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (actor == NULL)
    return;
  if (!sam_store_mark_verified (self->store, actor, now, &error))
    {
      _sam_window_toast (self, error->message);
      return;
    }
  text = g_strdup_printf (_("“%s” marked as verified today"), sam_actor_get_display_name (actor));
  _sam_window_toast (self, text);
}

static void
show_history_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  SamActor *actor = sam_window_get_shown_actor (self);

  if (actor)
    gtk_window_present (GTK_WINDOW (sam_history_window_new (GTK_WINDOW (self), self->store, actor)));
}

static void
edit_paths_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);

  if (_sam_window_can_edit (self))
    gtk_window_present (GTK_WINDOW (sam_paths_window_new (GTK_WINDOW (self), self->store)));
}

void
_sam_window_class_add_edit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-actor", NULL, edit_actor_action);
  gtk_widget_class_install_action (widget_class, "win.new-actor", NULL, new_actor_action);
  gtk_widget_class_install_action (widget_class, "win.new-unit", NULL, new_unit_action);
  gtk_widget_class_install_action (widget_class, "win.delete-actor", NULL, delete_actor_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.mark-verified", NULL, mark_verified_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.edit-paths", NULL, edit_paths_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-actor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-actor", NULL);
}
