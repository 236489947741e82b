/* test-call.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calling on a computer with no phone program: Call gives way to Show
 * Number, which shows the number in large digits with Copy; and when a
 * call that seemed possible fails, the same instead of "Operation not
 * supported". The failing call is tried only where no program opens
 * tel: links (where one does, it would call).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sam-actor-page.h"
#include "sam-call.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"
#include "sam-window.h"

typedef SamUiTestWindow Fixture;

static gboolean
no_handler (void)
{
  return FALSE;
}

static gboolean
some_handler (void)
{
  return TRUE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  sam_call_set_handler_check (data);
  sam_ui_test_window_open (f);
  gtk_window_present (GTK_WINDOW (f->window));
  sam_window_show_actor (f->window, "umea-socialjour");
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_close (f);
  sam_call_set_handler_check (NULL);
}

static void
collect_buttons (GtkWidget *widget, const char *action, GPtrArray *out)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_is_drawable (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_buttons (c, action, out);
}

/* The buttons of the shown actor's routes that call (or show). */
static GPtrArray *
open_buttons (Fixture *f)
{
  GPtrArray *buttons = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (f->window), "actor.open-route", buttons);
  return buttons;
}

static AdwMessageDialog *
find_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (f->window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
text_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(char **) data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

static char *
clipboard_text (Fixture *f)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), NULL,
                                 text_read_cb, &text);
  sam_ui_test_wait_for (text != NULL);
  return text;
}

/* The dialog shows @number in large digits; Copy puts it on the
 * clipboard. */
static void
assert_number_shown (Fixture *f, AdwMessageDialog *dialog, const char *number)
{
  GtkWidget *digits = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *copied = NULL;

  g_assert_true (GTK_IS_LABEL (digits));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (digits)), ==, number);
  g_assert_true (gtk_widget_has_css_class (digits, "shown-number"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Umeå Municipality – on-call social services");
  adw_message_dialog_response (dialog, "copy");
  copied = clipboard_text (f);
  g_assert_cmpstr (copied, ==, number);
}

static void
test_no_phone_program (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) buttons = open_buttons (f);
  AdwMessageDialog *dialog;

  /* no Call: every phone route offers Show Number */
  g_assert_cmpuint (buttons->len, ==, 3);
  for (guint i = 0; i < buttons->len; i++)
    g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), ==, "Show Number");
  gtk_widget_activate (g_ptr_array_index (buttons, 0));
  sam_ui_test_wait_for (find_dialog (f) != NULL);
  dialog = find_dialog (f);
  assert_number_shown (f, dialog, "090-16 33 90");
}

static void
test_call_fails (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) buttons = open_buttons (f);
  g_autoptr(GAppInfo) phone = g_app_info_get_default_for_uri_scheme ("tel");

  if (phone != NULL)
    {
      g_test_skip ("a program here opens tel: links");
      return;
    }
  g_assert_cmpuint (buttons->len, ==, 3);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 0)), ==, "Call");
  /* nothing here can open it after all: the number, not an error */
  gtk_widget_activate (g_ptr_array_index (buttons, 0));
  sam_ui_test_wait_for (find_dialog (f) != NULL);
  assert_number_shown (f, find_dialog (f), "090-16 33 90");
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return 0;
    }
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T22:15:00+01:00", TRUE);
  sam_ui_test_init (&argc, &argv);
  g_test_add ("/call/no-phone-program", Fixture, no_handler, fixture_set_up, test_no_phone_program,
              fixture_tear_down);
  g_test_add ("/call/call-fails", Fixture, some_handler, fixture_set_up, test_call_fails,
              fixture_tear_down);
  return g_test_run ();
}
