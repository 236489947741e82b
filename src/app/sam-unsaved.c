/* sam-unsaved.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Escape or Cancel threw away everything typed in an editor. What the
 * fields hold is written down when the editor opens and compared when it
 * closes: every text, choice and check, so no field can be forgotten.
 */
#define G_LOG_DOMAIN "sam-unsaved"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-unsaved.h"

#define FINGERPRINT "sam-unsaved-fingerprint"
#define DIALOG "sam-unsaved-dialog"

static void
add_state (GtkWidget *widget, GString *out)
{
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    g_string_append_printf (out, "e%s\x1f", gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (out, "t%s\x1f", text);
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    g_string_append_printf (out, "c%d\x1f", gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_SWITCH (widget))
    g_string_append_printf (out, "s%d\x1f", gtk_switch_get_active (GTK_SWITCH (widget)));
  else if (GTK_IS_DROP_DOWN (widget))
    g_string_append_printf (out, "d%u\x1f", gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)));
  else if (ADW_IS_COMBO_ROW (widget))
    g_string_append_printf (out, "r%u\x1f", adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));
  /* chips, such as the areas chosen */
  else if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_FLOW_BOX_CHILD))
    g_string_append_printf (out, "l%s\x1f", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    add_state (child, out);
}

static char *
fingerprint (GtkWindow *window)
{
  GString *out = g_string_new (NULL);
  GtkWidget *content = gtk_window_get_child (window);

  if (content)
    add_state (content, out);
  return g_string_free (out, FALSE);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, GtkWindow *window)
{
  g_object_set_data (G_OBJECT (window), DIALOG, NULL);
  if (g_strcmp0 (response, "discard") != 0)
    return;
  sam_unsaved_release (window);
  /* not while the dialog, which goes with the editor, is still responding */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (window), g_object_unref);
}

static void
ask (GtkWindow *window)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard Changes?"),
                                                       _("What you changed in this window is not saved.")));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), window, 0);
  g_object_set_data (G_OBJECT (window), DIALOG, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_request_cb (GtkWindow *window, gpointer data)
{
  if (!sam_unsaved_changed (window))
    return FALSE;
  if (sam_unsaved_get_dialog (window) == NULL)
    ask (window);
  return TRUE;
}

void
sam_unsaved_guard (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_object_get_data (G_OBJECT (window), FINGERPRINT) == NULL)
    g_signal_connect (window, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_object_set_data_full (G_OBJECT (window), FINGERPRINT, fingerprint (window), g_free);
}

void
sam_unsaved_release (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_handlers_disconnect_by_func (window, close_request_cb, NULL);
  g_object_set_data (G_OBJECT (window), FINGERPRINT, NULL);
}

gboolean
sam_unsaved_changed (GtkWindow *window)
{
  const char *then = g_object_get_data (G_OBJECT (window), FINGERPRINT);
  g_autofree char *now = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  if (then == NULL)
    return FALSE;
  now = fingerprint (window);
  return !g_str_equal (now, then);
}

AdwMessageDialog *
sam_unsaved_get_dialog (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  return g_object_get_data (G_OBJECT (window), DIALOG);
}
