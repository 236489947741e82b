/* sam-window-merge.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamWindow's share of the exchange between agencies: File → Import into a
 * register that has data (a merge: preview, conflicts, in a thread), File →
 * Backups (restore a copy), File → Follow a Published Register (imported at
 * start and whenever the file changes). The long work is the core's _async
 * calls (sam-register-tasks.h), as in sam-window-files.c.
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-backups.h"
#include "sam-follow.h"
#include "sam-import-dialog.h"
#include "sam-register-tasks.h"
#include "sam-window-private.h"

static void
show_error (SamWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import with merge */

static void
import_applied_cb (SamImportDialog *dialog, const char *summary, SamWindow *self)
{
  /* the import wrote through its own connection */
  sam_store_check_for_changes (sam_window_get_store (self));
  _sam_window_toast (self, summary);
  _sam_window_warn_dangling (self);
}

static void
planned_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamWindow) self = data;
  g_autoptr(GError) error = NULL;
  SamMergePlan *plan = sam_merge_plan_new_for_file_finish (SAM_STORE (source), result, &error);
  SamImportDialog *dialog;

  _sam_window_set_busy (self, NULL, NULL);
  if (plan == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _sam_window_toast (self, _("Cancelled; nothing was changed"));
      else
        show_error (self, _("The File Cannot Be Imported"), error->message);
      return;
    }
  dialog = sam_import_dialog_new (GTK_WINDOW (self), plan);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (import_applied_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_sam_window_import_merge (SamWindow *self, GFile *file)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Reading %s…"), name);

  _sam_window_set_busy (self, text, cancellable);
  sam_merge_plan_new_for_file_async (sam_window_get_store (self), file, cancellable, planned_cb,
                                     g_object_ref (self));
}

/* Backups */

static void
restored_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  SamWindow *self = SAM_WINDOW (data);
  g_autofree char *made = g_object_steal_data (G_OBJECT (self), "sam-restoring");
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  _sam_window_set_busy (self, NULL, NULL);
  if (!sam_backups_restore_finish (SAM_STORE (source), result, &error))
    show_error (self, _("The Copy Was Not Brought Back"), error->message);
  else
    {
      sam_store_check_for_changes (sam_window_get_store (self));
      toast = g_strdup_printf (_("Brought back the copy of %s"), made);
      _sam_window_toast (self, toast);
    }
  g_object_unref (self);
}

static void
restore_response_cb (AdwMessageDialog *dialog, const char *response, GtkWindow *list)
{
  SamWindow *self = SAM_WINDOW (gtk_window_get_transient_for (list));
  SamBackup *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  if (!g_str_equal (response, "restore"))
    return;
  /* what the toast names at the end; the list and its backups go now */
  g_object_set_data_full (G_OBJECT (self), "sam-restoring", sam_backup_describe (backup), g_free);
  _sam_window_set_busy (self, _("Bringing back the copy…"), NULL);
  sam_backups_restore_async (sam_window_get_store (self), backup, NULL, restored_cb,
                             g_object_ref (self));
  gtk_window_destroy (list);
}

static void
restore_clicked_cb (GtkButton *button, GtkWindow *list)
{
  SamBackup *backup = g_object_get_data (G_OBJECT (button), "backup");
  g_autofree char *text = sam_backup_describe (backup);
  g_autofree char *body = g_strdup_printf (_("The register will be as it was in the copy made %s. "
                                             "The register as it is now is copied first, so this "
                                             "can be undone."), text);
  GtkWidget *dialog = adw_message_dialog_new (list, _("Bring Back This Copy?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Bring Back"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "backup", backup);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), list);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWindow *
_sam_window_show_backups (SamWindow *self)
{
  SamStore *store = sam_window_get_store (self);
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sam_backups_list (store, &error);
  GtkWidget *window, *box, *header, *page, *group;
  g_autofree char *dir = sam_backups_get_dir (store);

  if (list == NULL)
    {
      show_error (self, _("The Copies Cannot Be Listed"), error->message);
      return NULL;
    }
  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_title (GTK_WINDOW (window), _("Backups"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 520);
  g_object_set_data_full (G_OBJECT (window), "backups", list, (GDestroyNotify) g_ptr_array_unref);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Copies of the Register"));
  {
    g_autofree char *description = g_strdup_printf (_("A copy is made before every import and "
                                                      "every restore; the last %u are kept, in %s."),
                                                    SAM_BACKUPS_KEEP, dir);
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  }
  for (guint i = 0; i < list->len; i++)
    {
      SamBackup *backup = g_ptr_array_index (list, i);
      g_autofree char *title = sam_backup_describe (backup);
      g_autofree char *name = g_path_get_basename (backup->path);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Bring Back…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, !sam_store_is_read_only (store));
      g_object_set_data (G_OBJECT (button), "backup", backup);
      g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), window);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (list->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No copies yet."));
      gtk_widget_add_css_class (label, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* Follow */

typedef struct {
  SamWindow *window;
  char *file;
  gboolean add;
} Follow;

static void
follow_free (Follow *follow)
{
  g_object_unref (follow->window);
  g_free (follow->file);
  g_free (follow);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Follow, follow_free)

static void
followed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(Follow) follow = data;
  SamWindow *self = follow->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMergePlan) plan = sam_follow_sync_finish (SAM_STORE (source), result, &error);
  g_autofree char *name = g_path_get_basename (follow->file);

  if (plan == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("%s Could Not Be Read"), name);
      if (follow->add)
        show_error (self, heading, error->message);
      else
        {
          g_autofree char *text = g_strdup_printf (_("The followed register %s could not be read"), name);
          g_warning ("%s: %s", follow->file, error->message);
          _sam_window_toast (self, text);
        }
      return;
    }
  sam_store_check_for_changes (sam_window_get_store (self));
  if (follow->add || !sam_merge_plan_is_noop (plan))
    {
      g_autofree char *counts = sam_merge_plan_describe (plan);
      g_autofree char *text = g_strdup_printf (_("Updated from %s: %s"), sam_merge_plan_get_source_name (plan), counts);
      _sam_window_toast (self, text);
    }
  if (follow->add)
    _sam_window_follow_start (self, FALSE);
}

static void
sync_followed (SamWindow *self, const char *file, gboolean add)
{
  Follow *follow = g_new0 (Follow, 1);

  follow->window = g_object_ref (self);
  follow->file = g_strdup (file);
  follow->add = add;
  sam_follow_sync_async (sam_window_get_store (self), file, add, NULL, followed_cb, follow);
}

typedef struct {
  SamWindow *window;
  char *file;
  guint timeout_id;
} Watch;

static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_free (watch->file);
  g_free (watch);
}

static gboolean
watch_timeout_cb (Watch *watch)
{
  watch->timeout_id = 0;
  sync_followed (watch->window, watch->file, FALSE);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event, Watch *watch)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN && event != G_FILE_MONITOR_EVENT_RENAMED &&
      event != G_FILE_MONITOR_EVENT_CHANGED)
    return;
  /* a file being copied in changes many times: read it once it is quiet */
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  watch->timeout_id = g_timeout_add_seconds (2, (GSourceFunc) watch_timeout_cb, watch);
}

void
_sam_window_follow_start (SamWindow *self, gboolean sync_now)
{
  SamStore *store = sam_window_get_store (self);
  g_autoptr(GPtrArray) list = NULL;
  GPtrArray *monitors = g_ptr_array_new_with_free_func (g_object_unref);

  /* the monitors of the register shown before go */
  g_object_set_data_full (G_OBJECT (self), "sam-follow-monitors", monitors,
                          (GDestroyNotify) g_ptr_array_unref);
  if (store == NULL || sam_store_is_read_only (store) || (list = sam_follow_list (store, NULL)) == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      SamFollowed *followed = g_ptr_array_index (list, i);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (followed->file);
      GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      Watch *watch;

      if (monitor == NULL)
        continue;
      watch = g_new0 (Watch, 1);
      watch->window = self;
      watch->file = g_strdup (followed->file);
      g_object_set_data_full (G_OBJECT (monitor), "watch", watch, (GDestroyNotify) watch_free);
      g_signal_connect (monitor, "changed", G_CALLBACK (file_changed_cb), watch);
      g_ptr_array_add (monitors, monitor);
      /* at start: whatever changed while the program was closed */
      if (sync_now)
        sync_followed (self, followed->file, FALSE);
    }
}

static void
follow_chosen_response (GtkNativeDialog *chooser, int response, SamWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path)
        sync_followed (self, path, TRUE);
      else
        _sam_window_toast (self, _("Choose a file on this computer or a mounted share."));
    }
  g_object_unref (chooser);
}

static void
follow_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  if (sam_store_is_read_only (sam_window_get_store (self)))
    {
      _sam_window_toast (self, _("This register is open read-only."));
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Follow a Published Register"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Follow"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_set_name (filter, _("Exchange files and registers"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (follow_chosen_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
backups_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _sam_window_show_backups (SAM_WINDOW (widget));
}

void
_sam_window_class_add_merge_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.follow", NULL, follow_action);
}
