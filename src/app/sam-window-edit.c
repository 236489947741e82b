/* sam-window-edit.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamWindow: maintaining the register from the main window: the actor
 * editor (edit, new actor, new unit), delete (asking first when paths use
 * the actor) with Undo and Ctrl+Z, Recently Deleted, mark verified,
 * history and the escalation paths.
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-actor-editor.h"
#include "sam-deleted-window.h"
#include "sam-format.h"
#include "sam-history-window.h"
#include "sam-paths-window.h"
#include "sam-store-deleted.h"
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

/* Deletes @actor and offers Undo in a toast; Ctrl+Z undoes it too, also
 * after the toast is gone, as long as the window is open. */
static void
delete_now (SamWindow *self, SamActor *actor, const char *used_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (sam_actor_get_id (actor));
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* The question before named the paths; a toast has one line, and a list
   * of path titles in it was cut off. */
  title = used_text
    ? g_strdup_printf (_("“%s” deleted; its paths say the contact is missing"),
                       sam_actor_get_display_name (actor))
    : g_strdup_printf (_("“%s” deleted"), sam_actor_get_display_name (actor));
  if (!sam_store_delete_actor (self->store, id, sam_actor_get_revision (actor), &error))
    {
      _sam_window_toast (self, error->message);
      return;
    }
  if (self->deleted_ids == NULL)
    self->deleted_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->deleted_ids, g_strdup (id));
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
delete_response_cb (AdwMessageDialog *dialog, const char *response, SamWindow *self)
{
  if (g_str_equal (response, "delete"))
    delete_now (self, g_object_get_data (G_OBJECT (dialog), "actor"),
                g_object_get_data (G_OBJECT (dialog), "used-text"));
}

/* An actor that escalation paths use: ask first, naming the paths. */
static void
ask_delete (SamWindow *self, SamActor *actor, const char *used_text)
{
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), sam_actor_get_display_name (actor));
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", used_text,
                                           _("Their steps will say that the contact is missing until "
                                             "you restore it from Recently Deleted or choose another "
                                             "contact for them."));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "actor", sam_actor_copy (actor), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "used-text", g_strdup (used_text), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An actor no path uses goes at once, with Undo; one that paths use only
 * when the person says so. */
static void
delete_actor_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  SamActor *actor = sam_window_get_shown_actor (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) used = NULL;
  g_autofree char *used_text = NULL;

  /* the Delete key deletes only the actor one sees, not one behind a walk */
  if (actor == NULL || !_sam_window_can_edit (self) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "actor") != 0)
    return;
  /* not knowing which paths lose a contact is no reason to go ahead */
  used = sam_store_list_paths_using (self->store, sam_actor_get_id (actor), NULL, &error);
  if (used == NULL)
    {
      _sam_window_toast (self, error->message);
      return;
    }
  used_text = sam_format_used_by_paths (used);
  if (used_text != NULL)
    ask_delete (self, actor, used_text);
  else
    delete_now (self, actor, NULL);
}

static void
forget_deleted (SamWindow *self, const char *id)
{
  for (guint i = self->deleted_ids ? self->deleted_ids->len : 0; i > 0; i--)
    if (g_str_equal (g_ptr_array_index (self->deleted_ids, i - 1), id))
      g_ptr_array_remove_index (self->deleted_ids, i - 1);
}

static void
restore (SamWindow *self, const char *id)
{
  g_autoptr(GError) error = NULL;

  forget_deleted (self, id);
  if (!sam_store_restore_actor (self->store, id, &error))
    {
      _sam_window_toast (self, error->message);
      return;
    }
  sam_window_show_actor (self, id);
}

static void
undo_delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  restore (SAM_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Ctrl+Z: the last delete made in this window, toast or not. */
static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  SamActor *actor;

  if (!_sam_window_can_edit (self))
    return;
  if (self->deleted_ids == NULL || self->deleted_ids->len == 0)
    {
      _sam_window_toast (self, _("Nothing to undo"));
      return;
    }
  id = g_strdup (g_ptr_array_index (self->deleted_ids, self->deleted_ids->len - 1));
  restore (self, id);
  actor = sam_window_get_shown_actor (self);
  if (actor == NULL || !g_str_equal (sam_actor_get_id (actor), id))
    return;
  text = g_strdup_printf (_("“%s” restored"), sam_actor_get_display_name (actor));
  _sam_window_toast (self, text);
}

static void
show_deleted_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (sam_deleted_window_new (GTK_WINDOW (self), self->store)));
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
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-deleted", NULL, show_deleted_action);
  gtk_widget_class_install_action (widget_class, "win.mark-verified", NULL, mark_verified_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.edit-paths", NULL, edit_paths_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-actor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-actor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-actor", NULL);
}

void
_sam_window_purge_deleted (SamWindow *self, SamStore *store)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GError) error = NULL;

  if (sam_store_is_read_only (store))
    return;
  before = g_date_time_add_days (now, -(int) g_settings_get_uint (settings, "deleted-retention-days"));
  /* a register busy elsewhere is purged next time */
  if (!sam_store_purge_deleted (store, before, NULL, NULL, &error))
    g_debug ("Deleted records not purged: %s", error->message);
}
