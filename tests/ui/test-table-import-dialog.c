/* test-table-import-dialog.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File → Import a Spreadsheet…: the preview shows each column's meaning in
 * a drop-down, sample rows, problem rows and the rows the register already
 * has; a changed meaning changes what would be imported; nothing is
 * written before Import, and Cancel writes nothing at all.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sam-table-import-dialog.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"
#include "sam-window.h"

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("SAMVERKAN_TEST_DATA"), "tables", name, NULL);
}

static void
applied_cb (SamTableImportDialog *dialog, const char *summary, char **out)
{
  *out = g_strdup (summary);
}

/* Whether a row titled @title is anywhere in @widget. */
static gboolean
has_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_row (c, title))
      return TRUE;
  return FALSE;
}

static SamTableImportDialog *
open_dialog (GtkWindow *parent, SamStore *store, const char *file)
{
  g_autofree char *path = data_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamTableImport) import = sam_table_import_new (store, path, &error);
  SamTableImportDialog *dialog;

  g_assert_no_error (error);
  dialog = sam_table_import_dialog_new (parent, import);
  gtk_window_present (GTK_WINDOW (dialog));
  sam_ui_test_wait_frames (GTK_WIDGET (dialog), 1);
  return dialog;
}

static void
test_preview (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(SamStore) store = sam_test_open_store (dir, "register.sqlite", FALSE);
  SamWindow *window = sam_window_new (NULL, store);
  SamTableImportDialog *dialog;
  char *summary = NULL;

  gtk_window_present (GTK_WINDOW (window));
  dialog = open_dialog (GTK_WINDOW (window), store, "merged-header.ods");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* the grouped headings: "Telefon" over "Dagtid" and "Jour" */
  g_assert_cmpuint (gtk_drop_down_get_selected (sam_table_import_dialog_get_column_choice (dialog, 2)),
                    ==, SAM_TABLE_FIELD_PHONE);
  g_assert_cmpuint (gtk_drop_down_get_selected (sam_table_import_dialog_get_column_choice (dialog, 3)),
                    ==, SAM_TABLE_FIELD_ON_CALL);
  g_assert_true (has_row (GTK_WIDGET (dialog), "Telefon – Dagtid"));
  g_assert_true (has_row (GTK_WIDGET (dialog), "Socialtjänsten Landskrona"));
  sam_ui_test_shoot (GTK_WIDGET (dialog), "table-import-preview");

  /* the municipality column not imported: no row names an area, none can come in */
  gtk_drop_down_set_selected (sam_table_import_dialog_get_column_choice (dialog, 1),
                              SAM_TABLE_FIELD_IGNORE);
  g_assert_cmpuint (sam_table_import_get_actors (sam_table_import_dialog_get_import (dialog))->len,
                    ==, 0);
  {
    g_autofree char *row5 = g_strdup_printf (_("Row %u"), 5);
    g_assert_true (has_row (GTK_WIDGET (dialog), row5));
  }
  /* an area for rows that name none: they can all come in */
  g_assert_true (sam_table_import_dialog_choose_area (dialog, "12"));
  g_assert_cmpuint (sam_table_import_get_actors (sam_table_import_dialog_get_import (dialog))->len,
                    ==, 4);
  g_assert_true (sam_table_import_dialog_choose_area (dialog, NULL));
  gtk_drop_down_set_selected (sam_table_import_dialog_get_column_choice (dialog, 1),
                              SAM_TABLE_FIELD_AREA);
  g_assert_cmpuint (sam_table_import_get_actors (sam_table_import_dialog_get_import (dialog))->len,
                    ==, 4);
  /* Cancel: nothing was written */
  gtk_window_close (GTK_WINDOW (dialog));
  sam_ui_test_wait_for (dialog == NULL);
  g_assert_cmpint (sam_store_count_actors (store), ==, 0);

  /* Import: in a thread, then the window's store sees it */
  dialog = open_dialog (GTK_WINDOW (window), store, "merged-header.ods");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "applied", G_CALLBACK (applied_cb), &summary);
  sam_table_import_dialog_apply (dialog);
  sam_ui_test_wait_for (summary != NULL);
  sam_ui_test_wait_for (dialog == NULL);
  /* the window's own look for changes may have seen it first */
  sam_store_check_for_changes (store);
  g_assert_cmpint (sam_store_count_actors (store), ==, 4);
  g_clear_pointer (&summary, g_free);

  /* the same sheet again: every row is already there, offered for merging */
  dialog = open_dialog (GTK_WINDOW (window), store, "merged-header.ods");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  {
    g_autofree char *row5 = g_strdup_printf (_("Row %u: %s"), 5, "Socialtjänsten Landskrona");
    g_assert_true (has_row (GTK_WIDGET (dialog), row5));
  }
  sam_ui_test_shoot (GTK_WIDGET (dialog), "table-import-duplicates");
  g_signal_connect (dialog, "applied", G_CALLBACK (applied_cb), &summary);
  sam_table_import_dialog_apply (dialog);
  sam_ui_test_wait_for (summary != NULL);
  sam_ui_test_wait_for (dialog == NULL);
  sam_store_check_for_changes (store);
  g_assert_cmpint (sam_store_count_actors (store), ==, 4);
  g_free (summary);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  sam_ui_test_wait_for (window == NULL);
  g_clear_object (&store);
  sam_test_remove_dir (dir);
}

static void
test_problems (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(SamStore) store = sam_test_open_store (dir, "register.sqlite", FALSE);
  g_autofree char *row9 = g_strdup_printf (_("Row %u, %s: “%s”"), 9, "Telefon", "0411-abc");
  g_autofree char *row10 = g_strdup_printf (_("Row %u, %s: “%s”"), 10, "Öppettider",
                                           "ibland på förmiddagar");
  SamTableImportDialog *dialog = open_dialog (NULL, store, "skane-excel.csv");

  /* rows 9 and 10 cannot be read, and say so with their column and value */
  g_assert_true (has_row (GTK_WIDGET (dialog), row9));
  g_assert_true (has_row (GTK_WIDGET (dialog), row10));
  sam_ui_test_shoot (GTK_WIDGET (dialog), "table-import-problems");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (sam_store_count_actors (store), ==, 0);
  g_clear_object (&store);
  sam_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return 0;
    }
  sam_ui_test_use_translations ();
  sam_ui_test_init (&argc, &argv);
  g_test_add_func ("/table-import-dialog/preview-cancel-import", test_preview);
  g_test_add_func ("/table-import-dialog/problems", test_problems);
  return g_test_run ();
}
