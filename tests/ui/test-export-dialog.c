/* test-export-dialog.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File → Export asks for whom the file is before the file chooser, with
 * professionals chosen, and says what internal means; the choice goes to
 * the export.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "sam-test-util.h"
#include "sam-window.h"
#include "sam-window-private.h"
#include "sam-ui-test-util.h"

typedef struct {
  char *dir;
  SamStore *store;
  SamWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  f->window = sam_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* The shown toplevel of @type, other than the main window. */
static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GtkCheckButton *
find_check (GtkWidget *root, const char *name)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_str_equal (gtk_widget_get_name (root), name))
    return GTK_CHECK_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, name);
      if (found)
        return found;
    }
  return NULL;
}

/* As a click on the button does: the response, then the dialog closes
 * (adw_message_dialog_response() alone only emits the signal on 1.2). */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  sam_ui_test_wait_for (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static AdwMessageDialog *
open_export (Fixture *f)
{
  AdwMessageDialog *dialog;

  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  sam_ui_test_wait_for ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  return dialog;
}

static void
test_professional_preselected (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog = open_export (f);
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkCheckButton *pub = find_check (root, "audience-public");
  GtkCheckButton *pro = find_check (root, "audience-professional");
  GtkCheckButton *internal = find_check (root, "audience-internal");

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export for Whom?");
  g_assert_nonnull (pub);
  g_assert_nonnull (pro);
  g_assert_nonnull (internal);
  g_assert_true (gtk_check_button_get_active (pro));
  g_assert_false (gtk_check_button_get_active (pub));
  g_assert_false (gtk_check_button_get_active (internal));
  /* what internal means, in plain words */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (internal))),
                            "Never send this file to another agency"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "export");
  g_assert_cmpint (f->window->export_audience, ==, SAM_VISIBILITY_PROFESSIONAL);
  sam_ui_test_shoot (root, "export-audience");

  /* Cancel exports nothing and leaves the audience as it was */
  gtk_check_button_set_active (internal, TRUE);
  respond (dialog, "cancel");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (f->window->export_audience, ==, SAM_VISIBILITY_PROFESSIONAL);

  /* and the dialog opens with professionals chosen again */
  dialog = open_export (f);
  g_assert_true (gtk_check_button_get_active (find_check (GTK_WIDGET (dialog), "audience-professional")));
  respond (dialog, "cancel");
}

static gboolean
chooses (GtkWindow *chooser, GFile *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return chosen != NULL && g_file_equal (chosen, file);
}

/* Chooses @name in the dialog, then the file @file_name in the file chooser
 * that follows, and waits for the export to be written. */
static char *
export_as (Fixture *f, const char *name, const char *file_name)
{
  AdwMessageDialog *dialog = open_export (f);
  g_autofree char *path = g_build_filename (f->dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *chooser;
  char *text = NULL;

  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  gtk_check_button_set_active (find_check (GTK_WIDGET (dialog), name), TRUE);
  respond (dialog, "export");
  sam_ui_test_wait_for ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  /* it opens in the current folder (the test's own): a name is enough */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  sam_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (chooser)) && chooses (chooser, file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  sam_ui_test_wait_for (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  /* written, and the window no longer busy with it */
  sam_ui_test_wait_for (g_file_test (path, G_FILE_TEST_EXISTS) && f->window->busy == NULL);
  g_assert_cmpint (g_chdir (g_get_tmp_dir ()), ==, 0);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_export_writes_chosen_audience (Fixture *f, gconstpointer data)
{
  g_autofree char *pro = export_as (f, "audience-professional", "pro.xml");
  g_autofree char *internal = export_as (f, "audience-internal", "internal.xml");
  g_autofree char *pub = export_as (f, "audience-public", "public.xml");

  g_assert_nonnull (strstr (pro, "audience=\"professional\""));
  g_assert_null (strstr (pro, "visibility=\"internal\""));
  g_assert_nonnull (strstr (pro, "visibility=\"professional\""));
  g_assert_nonnull (strstr (internal, "visibility=\"internal\""));
  g_assert_null (strstr (pub, "visibility=\"internal\""));
  g_assert_null (strstr (pub, "visibility=\"professional\""));
}

int
main (int argc, char **argv)
{
  sam_ui_test_init (&argc, &argv);
  sam_ui_test_use_translations ();

  g_test_add ("/export-dialog/professional-preselected", Fixture, NULL, fixture_set_up,
              test_professional_preselected, fixture_tear_down);
  g_test_add ("/export-dialog/writes-chosen-audience", Fixture, NULL, fixture_set_up,
              test_export_writes_chosen_audience, fixture_tear_down);
  return g_test_run ();
}
