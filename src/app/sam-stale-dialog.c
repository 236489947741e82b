/* sam-stale-dialog.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actor and the path editors refuse a save over someone else's newer
 * one the same way: a dialog that offers to reload.
 */
#define G_LOG_DOMAIN "sam-stale-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sam-stale-dialog.h"
#include "sam-unsaved.h"

static gboolean
close_idle_cb (gpointer data)
{
  /* the user chose the register's version over what they typed */
  sam_unsaved_release (GTK_WINDOW (data));
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, GtkWindow *editor)
{
  SamStaleReload reload = (SamStaleReload) g_object_get_data (G_OBJECT (dialog), "sam-reload");

  if (g_strcmp0 (response, "reload") != 0)
    return;
  reload (editor);
  /* not while the dialog, which closes with the editor, is still responding */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (editor), g_object_unref);
}

void
sam_stale_dialog_show (GtkWindow      *editor,
                       const char     *message,
                       SamStaleReload  reload)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (editor,
                                                                         _("Changed by Someone Else"),
                                                                         message));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reload", _("_Reload"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reload");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "sam-reload", (gpointer) reload);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), editor, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
