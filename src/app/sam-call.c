/* sam-call.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a computer with no phone program, Call said "Could not show link –
 * Operation not supported". What works there: the number, large enough to
 * read across a desk, and Copy.
 */
#define G_LOG_DOMAIN "sam-call"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-call.h"

static gboolean
default_check (void)
{
  g_autoptr(GAppInfo) handler = NULL;

  if (g_strcmp0 (g_getenv ("SAMVERKAN_TEL_HANDLER"), "none") == 0)
    return FALSE;
  handler = g_app_info_get_default_for_uri_scheme ("tel");
  return handler != NULL;
}

static gboolean (*handler_check) (void) = default_check;

gboolean
sam_call_has_handler (void)
{
  return handler_check ();
}

void
sam_call_set_handler_check (gboolean (*check) (void))
{
  handler_check = check ? check : default_check;
}

static gboolean
is_tel (SamContactRoute *route)
{
  g_autofree char *uri = sam_contact_route_dup_uri (route);

  return uri != NULL && g_str_has_prefix (uri, "tel:");
}

gboolean
sam_call_shows_number (SamContactRoute *route)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (route), FALSE);
  return is_tel (route) && !sam_call_has_handler ();
}

static void
toast (GtkWindow *window, const char *text)
{
  GtkWidget *overlay = NULL;

  /* the window's own overlay: its content or the first one inside */
  for (GtkWidget *w = gtk_window_get_child (window); w && overlay == NULL; w = gtk_widget_get_first_child (w))
    if (ADW_IS_TOAST_OVERLAY (w))
      overlay = w;
  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
number_response_cb (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  const char *display = g_object_get_data (G_OBJECT (dialog), "sam-number");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "copy") != 0)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), display);
  message = g_strdup_printf (_("Copied %s"), display);
  if (parent)
    toast (parent, message);
}

AdwMessageDialog *
sam_call_show_number (GtkWidget *widget, const char *display, const char *who)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  GtkWidget *digits = gtk_label_new (display);

  g_return_val_if_fail (display != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       who ? who : _("Phone Number"),
                                                       _("No program on this computer can call. "
                                                         "Dial the number on a phone.")));
  gtk_label_set_selectable (GTK_LABEL (digits), TRUE);
  gtk_label_set_wrap (GTK_LABEL (digits), TRUE);
  gtk_widget_add_css_class (digits, "shown-number");
  adw_message_dialog_set_extra_child (dialog, digits);
  adw_message_dialog_add_responses (dialog, "close", _("_Close"), "copy", _("_Copy"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "copy");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "sam-number", g_strdup (display), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (number_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

typedef struct {
  GtkWidget *widget;
  char *display;
  char *who;
} Launch;

static void
launch_free (Launch *launch)
{
  g_clear_object (&launch->widget);
  g_free (launch->display);
  g_free (launch->who);
  g_free (launch);
}

static void
launched_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Launch *launch = data;
  g_autoptr(GError) error = NULL;

  /* no program after all, or it would not start: the number instead */
  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_debug ("calling failed: %s", error->message);
      if (gtk_widget_get_root (launch->widget) != NULL)
        sam_call_show_number (launch->widget, launch->display, launch->who);
    }
  launch_free (launch);
}

void
sam_call_open_route (GtkWidget *widget, SamContactRoute *route, const char *who)
{
  g_autofree char *uri = NULL;
  GtkRoot *root;
  Launch *launch;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SAM_IS_CONTACT_ROUTE (route));

  uri = sam_contact_route_dup_uri (route);
  root = gtk_widget_get_root (widget);
  if (uri == NULL || !GTK_IS_WINDOW (root))
    return;
  if (sam_call_shows_number (route))
    {
      g_autofree char *display = sam_contact_route_dup_display_value (route);

      sam_call_show_number (widget, display, who);
      return;
    }
  if (!is_tel (route))
    {
      /* mail and web: GTK's own message says what went wrong */
      gtk_show_uri (GTK_WINDOW (root), uri, GDK_CURRENT_TIME);
      return;
    }
  launch = g_new0 (Launch, 1);
  launch->widget = g_object_ref (widget);
  launch->display = sam_contact_route_dup_display_value (route);
  launch->who = g_strdup (who);
  gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, NULL, launched_cb, launch);
}
