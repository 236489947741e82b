/* sam-paths-window.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-paths-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-areas.h"
#include "sam-path-check.h"
#include "sam-paths-window.h"

struct _SamPathsWindow
{
  AdwWindow parent_instance;

  SamStore *store;
  GPtrArray *rows;               /* the rows in the group, borrowed */
  char *last_deleted;            /* the path Ctrl+Z brings back */

  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (SamPathsWindow, sam_paths_window, ADW_TYPE_WINDOW)

static void
toast (SamPathsWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static const char *
path_title (SamEscalationPath *path)
{
  const char *title = sam_text_get_best (sam_escalation_path_get_title (path), sam_lang_from_locale (), NULL);

  return title ? title : sam_escalation_path_get_id (path);
}

static GtkWidget *
suffix_button (const char *icon, const char *tooltip, const char *action, const char *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static GtkWidget *
path_row (SamPathsWindow *self, SamEscalationPath *path, GPtrArray *paths)
{
  g_autoptr(GPtrArray) problems = sam_path_check (path, paths, self->store);
  guint n_steps = sam_escalation_path_get_steps (path)->len;
  const char *id = sam_escalation_path_get_id (path);
  g_autofree char *title = g_markup_escape_text (path_title (path), -1);
  g_autofree char *steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n_steps),
                                            n_steps);
  const SamArea *area = sam_area_lookup (sam_escalation_path_get_area (path));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s",
      sam_situation_get_label (sam_escalation_path_get_situation (path)),
      area ? sam_area_get_name (area) : sam_escalation_path_get_area (path), steps);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = suffix_button ("document-edit-symbolic", _("Edit"), "paths.edit", id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "path-id", g_strdup (id), g_free);
  if (problems->len > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem to fix",
                                                            "%u problems to fix", problems->len),
                                               problems->len);

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      g_object_set_data (G_OBJECT (row), "problems", GUINT_TO_POINTER (problems->len));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             suffix_button ("user-trash-symbolic", _("Delete"), "paths.delete", id));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
  return row;
}

static void
refresh (SamPathsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = sam_store_list_paths (self->store, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (paths == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      GtkWidget *row = path_row (self, g_ptr_array_index (paths, i), paths);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->group, row);
    }
  if (paths->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No escalation paths yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add one with New Path."));
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->group, row);
    }
}

static void
update_actions (SamPathsWindow *self)
{
  gboolean editable = !sam_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paths.new", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paths.edit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paths.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paths.undo-delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paths.undo", editable);
}

static void
reload_requested_cb (SamPathEditor *editor, const char *id, SamPathsWindow *self)
{
  sam_paths_window_edit (self, id);
}

static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  sam_paths_window_edit (SAM_PATHS_WINDOW (widget), NULL);
}

static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  sam_paths_window_edit (SAM_PATHS_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Delete asks nothing: the toast offers Undo, and the change log keeps the
 * path even after that. */
static void
delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamPathsWindow *self = SAM_PATHS_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamEscalationPath) path = sam_store_load_path (self->store, id, &error);
  g_autofree char *title = NULL;
  AdwToast *undo;

  if (path == NULL ||
      !sam_store_delete_path (self->store, id, sam_escalation_path_get_revision (path), &error))
    {
      toast (self, error->message);
      return;
    }
  g_free (self->last_deleted);
  self->last_deleted = g_strdup (id);
  title = g_strdup_printf (_("“%s” deleted"), path_title (path));
  undo = adw_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "paths.undo-delete");
  adw_toast_set_action_target_value (undo, g_variant_new_string (id));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
}

static void
restore (SamPathsWindow *self, const char *id)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (id, self->last_deleted) == 0)
    g_clear_pointer (&self->last_deleted, g_free);
  if (!sam_store_restore_path (self->store, id, &error))
    toast (self, error->message);
}

static void
undo_delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  restore (SAM_PATHS_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Ctrl+Z: the last path deleted here, also after its toast is gone. */
static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamPathsWindow *self = SAM_PATHS_WINDOW (widget);
  g_autofree char *id = g_strdup (self->last_deleted);

  if (id == NULL)
    toast (self, _("Nothing to undo"));
  else
    restore (self, id);
}

static void
sam_paths_window_dispose (GObject *object)
{
  SamPathsWindow *self = SAM_PATHS_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->last_deleted, g_free);
  G_OBJECT_CLASS (sam_paths_window_parent_class)->dispose (object);
}

static void
sam_paths_window_class_init (SamPathsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sam_paths_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samverkan/Samverkan/sam-paths-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPathsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamPathsWindow, group);
  gtk_widget_class_install_action (widget_class, "paths.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "paths.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "paths.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "paths.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "paths.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "paths.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "paths.new", NULL);
}

static void
sam_paths_window_init (SamPathsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

SamPathsWindow *
sam_paths_window_new (GtkWindow *parent, SamStore *store)
{
  SamPathsWindow *self = g_object_new (SAM_TYPE_PATHS_WINDOW, "transient-for", parent,
                                        /* a dialog to a screen reader, not "filler" */
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  /* a save, a delete or an undo anywhere shows here */
  g_signal_connect_object (store, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  update_actions (self);
  refresh (self);
  return self;
}

SamPathEditor *
sam_paths_window_edit (SamPathsWindow *self, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamEscalationPath) path = NULL;
  SamPathEditor *editor;

  g_return_val_if_fail (SAM_IS_PATHS_WINDOW (self), NULL);
  if (sam_store_is_read_only (self->store))
    return NULL;
  if (id && (path = sam_store_load_path (self->store, id, &error)) == NULL)
    {
      toast (self, error->message);
      return NULL;
    }
  editor = sam_path_editor_new (GTK_WINDOW (self), self->store, path);
  g_signal_connect_object (editor, "reload-requested", G_CALLBACK (reload_requested_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

GtkWidget *
sam_paths_window_find_row (SamPathsWindow *self, const char *id)
{
  g_return_val_if_fail (SAM_IS_PATHS_WINDOW (self), NULL);
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->rows, i), "path-id"), id) == 0)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}
