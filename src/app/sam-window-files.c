/* sam-window-files.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamWindow's File menu: New Register, Open, Import, Save a Copy, and the
 * shown actor as a vCard; Export is in sam-window-export.c. Import and copy
 * are the store's _async calls (sam-register-tasks.h), with Cancel in a
 * toast. Save a Copy keeps everything.
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <glib/gstdio.h>

#include "sam-export-format.h"
#include "sam-path-check.h"
#include "sam-register-tasks.h"
#include "sam-sandbox.h"
#include "sam-table-import-dialog.h"
#include "sam-window-private.h"

void
_sam_window_show_error_dialog (SamWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A long job's window and file, for what it says at the end */
struct _SamFileJob {
  SamWindow *window;
  GFile *file;
};

void
_sam_file_job_free (SamFileJob *job)
{
  g_object_unref (job->window);
  g_object_unref (job->file);
  g_free (job);
}

/* FALSE when it went well; else the dialog or toast says why. */
gboolean
_sam_file_job_failed (SamFileJob *job, GError *error, const char *heading)
{
  _sam_window_set_busy (job->window, NULL, NULL);
  if (error == NULL)
    return FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _sam_window_toast (job->window, _("Cancelled; nothing was changed"));
  else
    _sam_window_show_error_dialog (job->window, heading, error->message);
  return TRUE;
}

void
_sam_file_job_saved (SamFileJob *job)
{
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *text = g_strdup_printf (_("Saved %s"), name);

  _sam_window_toast (job->window, text);
}

void
_sam_window_warn_dangling (SamWindow *self)
{
  g_autoptr(GPtrArray) lines = sam_path_check_dangling (sam_window_get_store (self), NULL);
  g_autofree char *text = NULL;

  if (lines == NULL || lines->len == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u step of the escalation paths names an actor or "
                                       "contact route the register does not have: see "
                                       "Escalation Paths",
                                       "%u steps of the escalation paths name an actor or "
                                       "contact route the register does not have: see "
                                       "Escalation Paths", lines->len), lines->len);
  _sam_window_toast (self, text);
}

static void
imported_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamFileJob) job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *text = NULL;
  guint n = 0;

  sam_store_import_file_finish (SAM_STORE (source), result, &n, &error);
  if (_sam_file_job_failed (job, error, _("Import Failed")))
    return;
  /* the import wrote through its own connection */
  sam_store_check_for_changes (sam_window_get_store (job->window));
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u actor from %s",
                                       "Imported %u actors from %s", n), n, name);
  _sam_window_toast (job->window, text);
  _sam_window_warn_dangling (job->window);
}

void
_sam_window_actors_exported_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamFileJob) job = data;
  g_autoptr(GError) error = NULL;

  sam_export_actors_to_file_finish (result, &error);
  if (!_sam_file_job_failed (job, error, _("Export Failed")))
    _sam_file_job_saved (job);
}

static void
card_shown_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamFileJob) job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;
  path = g_file_get_path (job->file);
  /* the card is there all the same: say where, for an import by hand */
  text = g_strdup_printf (_("No application for contacts opened the card (%s). It is saved as "
                            "%s: import it in your contacts application, or use Save as vCard."),
                          error->message, path);
  _sam_window_show_error_dialog (job->window, _("The Contact Could Not Be Added"), text);
}

/* The card was written: the desktop's contacts application takes it from here. */
static void
card_written_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamFileJob) job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  sam_export_actors_to_file_finish (result, &error);
  if (_sam_file_job_failed (job, error, _("The Contact Could Not Be Added")))
    return;
  uri = g_file_get_uri (job->file);
  gtk_show_uri_full (GTK_WINDOW (job->window), uri, GDK_CURRENT_TIME, NULL, card_shown_cb,
                     g_steal_pointer (&job));
}

static void
copied_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamFileJob) job = data;
  g_autoptr(GError) error = NULL;

  sam_store_save_copy_finish (SAM_STORE (source), result, &error);
  if (!_sam_file_job_failed (job, error, _("Copy Failed")))
    _sam_file_job_saved (job);
}

/* Shows the busy toast with Cancel; the cancellable is the caller's. */
SamFileJob *
_sam_window_start_job (SamWindow *self, GFile *file, const char *busy_text, GCancellable **cancellable)
{
  SamFileJob *job = g_new0 (SamFileJob, 1);

  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  *cancellable = g_cancellable_new ();
  _sam_window_set_busy (self, busy_text, *cancellable);
  return job;
}

/* File choosers */

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, SamWindow *self)
{
  SamChosenFunc func = g_object_get_data (G_OBJECT (chooser), "func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      func (self, file);
    }
  g_object_unref (chooser);
}

void
_sam_window_choose_file (SamWindow *self, GtkFileChooserAction action, const char *title,
             const char *accept, const char *pattern, const char *pattern_name,
             const char *suggested, SamChosenFunc func)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_auto(GStrv) patterns = g_strsplit (pattern, ";", -1);

  /* "*.csv;*.ods": each of them */
  for (guint i = 0; patterns[i]; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_filter_set_name (filter, pattern_name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (suggested)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "func", func);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A register picked through the document portal: copied into the app's
 * own folder and the copy opened, saying so; a new register is made there
 * or in the folder the app may use. */
static void
open_portal_copy (SamWindow *self, const char *path, gboolean must_be_new)
{
  g_autofree char *dest = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (must_be_new)
    {
      _sam_window_show_error_dialog (self, _("The Register Was Not Created"),
                         _("A register needs a folder of its own for its journal and backups, "
                           "which a file chosen outside Samverkan’s folders does not give. "
                           "Create it in Documents/Samverkan, or use the register Samverkan "
                           "keeps for you."));
      return;
    }
  dest = sam_sandbox_dup_copy_path (path);
  store = sam_store_open_copy_of (path, dest, &error);
  if (store == NULL)
    {
      _sam_window_show_error_dialog (self, _("The Register Could Not Be Opened"), error->message);
      return;
    }
  sam_window_set_store (self, store);
  g_signal_emit_by_name (self, "register-changed", dest);
  text = g_strdup_printf (_("Samverkan cannot keep the journal and backups of “%s” where it is, "
                            "so it copied the register into its own folder and opened the copy:\n%s\n\n"
                            "Changes are made in the copy. To hand them back, export them or "
                            "save a copy over the original."), path, dest);
  _sam_window_show_error_dialog (self, _("A Copy Was Opened"), text);
}

static void
switch_to (SamWindow *self, GFile *file, gboolean must_be_new)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      _sam_window_toast (self, _("Choose a file on this computer."));
      return;
    }
  /* the document portal gives a file alone: SQLite cannot keep its -wal
   * and -shm beside it, so the register comes in as a copy (README, Flatpak) */
  if (sam_sandbox_path_is_portal (path))
    {
      open_portal_copy (self, path, must_be_new);
      return;
    }
  if (must_be_new && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *text = g_strdup_printf (_("%s already exists; choose a new name, or open it."), path);
      _sam_window_show_error_dialog (self, _("The Register Was Not Created"), text);
      return;
    }
  store = sam_store_open (path, &error);
  if (store == NULL)
    {
      _sam_window_show_error_dialog (self, _("The Register Could Not Be Opened"), error->message);
      return;
    }
  sam_window_set_store (self, store);
  g_signal_emit_by_name (self, "register-changed", path);
}

static void
new_register_chosen (SamWindow *self, GFile *file)
{
  switch_to (self, file, TRUE);
}

static void
open_register_chosen (SamWindow *self, GFile *file)
{
  switch_to (self, file, FALSE);
}

static void
import_chosen (SamWindow *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Importing %s…"), name);
  g_autoptr(GCancellable) cancellable = NULL;
  SamFileJob *job = _sam_window_start_job (self, file, text, &cancellable);

  sam_store_import_file_async (sam_window_get_store (self), file, cancellable, imported_cb, job);
}

static void
copy_chosen (SamWindow *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Saving a copy as %s…"), name);
  g_autoptr(GCancellable) cancellable = NULL;
  SamFileJob *job = _sam_window_start_job (self, file, text, &cancellable);

  sam_store_save_copy_async (sam_window_get_store (self), file, cancellable, copied_cb, job);
}

static void
new_register_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _sam_window_choose_file (SAM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("New Register"), _("_Create"),
               "*.sqlite", _("Registers"), _("register.sqlite"), new_register_chosen);
}

static void
open_register_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _sam_window_choose_file (SAM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Register"), _("_Open"),
               "*.sqlite", _("Registers"), NULL, open_register_chosen);
}

/* An empty register is filled at once; one with data gets a merge, with a
 * preview and its conflicts first (sam-window-merge.c). */
static void
import_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);

  _sam_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import"), _("_Import"), "*.xml",
               _("Exchange files"), NULL,
               sam_store_is_empty (sam_window_get_store (self)) ? import_chosen : _sam_window_import_merge);
}

/* A spreadsheet: its preview first, nothing written before Import there. */
static void
table_applied_cb (SamTableImportDialog *dialog, const char *summary, SamWindow *self)
{
  /* the import wrote through its own connection */
  sam_store_check_for_changes (sam_window_get_store (self));
  _sam_window_toast (self, summary);
}

static void
table_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamTableImport) import = sam_table_import_new_finish (SAM_STORE (source), result,
                                                                  &error);
  SamTableImportDialog *dialog;

  _sam_window_set_busy (self, NULL, NULL);
  if (import == NULL)
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self),
                                                 _("The Spreadsheet Cannot Be Imported"),
                                                 error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }
  dialog = sam_table_import_dialog_new (GTK_WINDOW (self), import);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (table_applied_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Read in a thread: a sheet of thousands of rows takes a moment. */
static void
import_table_chosen (SamWindow *self, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Reading %s…"), name);

  if (path == NULL)
    return;
  _sam_window_set_busy (self, text, NULL);
  sam_table_import_new_async (sam_window_get_store (self), path, NULL, table_read_cb,
                              g_object_ref (self));
}

static void
import_table_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _sam_window_choose_file (SAM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import a Spreadsheet"),
               _("_Open"), "*.csv;*.ods;*.xlsx;*.CSV;*.ODS;*.XLSX",
               _("Spreadsheets (CSV, ODS, XLSX)"), NULL, import_table_chosen);
}

/* The shown actor as the register has it now, with every route. */
static SamActor *
load_shown_actor (SamWindow *self)
{
  SamActor *shown = _sam_window_shown_actor (self);
  g_autoptr(GError) error = NULL;
  SamActor *actor;

  if (shown == NULL)
    return NULL;
  actor = sam_store_load_actor (self->store, sam_actor_get_id (shown), &error);
  if (actor == NULL)
    _sam_window_show_error_dialog (self, _("Export Failed"), error->message);
  return actor;
}

/* One actor's card, for professionals (the one using the app is one). */
static void
write_card (SamWindow *self, SamActor *actor, GFile *file, GAsyncReadyCallback done)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Exporting to %s…"), name);
  g_autoptr(GCancellable) cancellable = NULL;
  SamFileJob *job = _sam_window_start_job (self, file, text, &cancellable);

  g_ptr_array_add (actors, actor);
  sam_export_actors_to_file_async (actors, SAM_EXPORT_FORMAT_VCARD, SAM_EXPORT_DEFAULT_AUDIENCE,
                                   sam_lang_from_locale (), file, cancellable, done, job);
}

static void
vcard_chosen (SamWindow *self, GFile *file)
{
  g_autoptr(SamActor) actor = load_shown_actor (self);

  if (actor)
    write_card (self, actor, file, _sam_window_actors_exported_cb);
}

/* "Umeå socialjour.vcf": a name a file system takes */
static char *
card_file_name (SamActor *actor)
{
  g_autofree char *name = g_strdup (sam_actor_get_display_name (actor));

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_strconcat (name, ".vcf", NULL);
}

static void
save_vcard_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  SamActor *shown = _sam_window_shown_actor (self);
  g_autofree char *suggested = NULL;

  if (shown == NULL)
    return;
  suggested = card_file_name (shown);
  _sam_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save as vCard"), _("_Save"), "*.vcf",
               sam_export_format_get_label (SAM_EXPORT_FORMAT_VCARD), suggested, vcard_chosen);
}

/* Written where the contacts application can read it, then handed to it. */
static void
add_to_contacts_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  g_autoptr(SamActor) actor = load_shown_actor (self);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "samverkan", "contacts", NULL);
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (actor == NULL)
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *text = g_strdup_printf (_("The folder %s could not be made: %s"), dir,
                                               g_strerror (errno));
      _sam_window_show_error_dialog (self, _("The Contact Could Not Be Added"), text);
      return;
    }
  file_name = card_file_name (actor);
  path = g_build_filename (dir, file_name, NULL);
  file = g_file_new_for_path (path);
  write_card (self, actor, file, card_written_cb);
}

static void
save_copy_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested name of a copy; %s is today's date */
  g_autofree char *suggested = g_strdup_printf (_("register-copy-%s.sqlite"), date);

  _sam_window_choose_file (SAM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save a Copy"), _("_Save"),
               "*.sqlite", _("Registers"), suggested, copy_chosen);
}

void
_sam_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-register", NULL, new_register_action);
  gtk_widget_class_install_action (widget_class, "win.open-register", NULL, open_register_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-table", NULL, import_table_action);
  _sam_window_class_add_export_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.save-vcard", NULL, save_vcard_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-contacts", NULL, add_to_contacts_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-register", NULL);
  _sam_window_class_add_merge_actions (widget_class);

  /* SamWindow::register-changed (path): another register is shown now */
  g_signal_new ("register-changed", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}
