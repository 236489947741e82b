/* test-print.c
 *
 * The print dialog's Sheet tab (the dialog itself belongs to the print
 * backend and is not driven here): it starts from the settings (language
 * of printed sheets, default area) and gives the SamSheetOptions the pages
 * are made from; the window has win.print.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "sam-print-operation.h"
#include "sam-test-util.h"
#include "sam-window.h"

typedef struct {
  char *dir;
  SamStore *store;
  GSettings *settings;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  f->settings = g_settings_new (APP_ID);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_settings_reset (f->settings, "sheet-language");
  g_settings_reset (f->settings, "default-area");
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_defaults (Fixture *f, gconstpointer data)
{
  g_auto(SamSheetOptions) options = { 0 };

  g_assert_true (sam_print_default_options (f->store, &options, NULL));
  g_assert_cmpint (options.kind, ==, SAM_SHEET_ESCALATION);
  g_assert_cmpint (options.lang, ==, SAM_LANG_SV);
  g_assert_cmpint (options.audience, ==, SAM_AUDIENCE_PUBLIC);
  g_assert_cmpstr (options.area_code, ==, "SE");
  /* the sheet for the wall is the trafficking path, not the first in the list */
  g_assert_cmpstr (options.path_id, ==, "trafficking-adult");

  /* the language of printed sheets and the default area come from the settings */
  g_settings_set_string (f->settings, "sheet-language", "en");
  g_settings_set_string (f->settings, "default-area", "2480");
  g_assert_true (sam_print_default_options (f->store, &options, NULL));
  g_assert_cmpint (options.lang, ==, SAM_LANG_EN);
  g_assert_cmpstr (options.area_code, ==, "2480");
  /* Umeå is in the county the trafficking path is agreed for */
  g_assert_cmpstr (options.path_id, ==, "trafficking-adult");

  /* a trafficking path of the user's own municipality comes before the county's */
  {
    g_autoptr(SamEscalationPath) own = sam_escalation_path_new ("trafficking-adult-skelleftea");
    g_autoptr(SamEscalationStep) step = sam_escalation_step_new ("skelleftea-s1", SAM_STEP_KIND_ACTION);
    g_autoptr(GError) error = NULL;

    sam_escalation_path_set_situation (own, SAM_SITUATION_TRAFFICKING_ADULT);
    sam_escalation_path_set_area (own, "2482");
    sam_escalation_path_set_start (own, "skelleftea-s1");
    sam_text_set (sam_escalation_path_get_title (own), SAM_LANG_SV, "Människohandel i Skellefteå");
    sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_SV, "Ring socialjouren i Skellefteå.");
    sam_escalation_step_set_contact (step, "skelleftea-socialjour", NULL);
    sam_escalation_path_add_step (own, step);
    g_assert_true (sam_store_insert_path (f->store, own, &error));
    g_assert_no_error (error);
  }
  g_settings_set_string (f->settings, "default-area", "2482");
  g_assert_true (sam_print_default_options (f->store, &options, NULL));
  g_assert_cmpstr (options.path_id, ==, "trafficking-adult-skelleftea");
  g_settings_set_string (f->settings, "default-area", "2480");
  g_assert_true (sam_print_default_options (f->store, &options, NULL));
  g_assert_cmpstr (options.path_id, ==, "trafficking-adult");
}

static void
test_options_tab (Fixture *f, gconstpointer data)
{
  g_auto(SamSheetOptions) defaults = { 0 };
  g_auto(SamSheetOptions) options = { 0 };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  SamPrintOptions *tab;
  GtkDropDown *area, *path;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSheet) sheet = NULL;

  g_settings_set_string (f->settings, "sheet-language", "en");
  g_settings_set_string (f->settings, "default-area", "2482");
  g_assert_true (sam_print_default_options (f->store, &defaults, NULL));
  tab = sam_print_options_new (f->store, &defaults);
  gtk_window_set_child (window, GTK_WIDGET (tab));
  gtk_window_present (window);
  area = sam_print_options_get_dropdown (tab, "area");
  path = sam_print_options_get_dropdown (tab, "path");

  /* as it starts: an escalation sheet of the first path, for anyone */
  sam_print_options_get_options (tab, &options);
  g_assert_cmpint (options.kind, ==, SAM_SHEET_ESCALATION);
  g_assert_cmpint (options.lang, ==, SAM_LANG_EN);
  g_assert_cmpint (options.audience, ==, SAM_AUDIENCE_PUBLIC);
  g_assert_cmpstr (options.path_id, ==, defaults.path_id);
  g_assert_null (options.area_code);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (path)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (area)));

  /* an area directory, for professionals, in Swedish: the area from the
   * settings, the path gone */
  gtk_drop_down_set_selected (sam_print_options_get_dropdown (tab, "kind"), SAM_SHEET_DIRECTORY);
  gtk_drop_down_set_selected (sam_print_options_get_dropdown (tab, "lang"), SAM_LANG_SV);
  gtk_drop_down_set_selected (sam_print_options_get_dropdown (tab, "audience"), SAM_AUDIENCE_PROFESSIONAL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (path)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (area)));
  sam_print_options_get_options (tab, &options);
  g_assert_cmpint (options.kind, ==, SAM_SHEET_DIRECTORY);
  g_assert_cmpint (options.lang, ==, SAM_LANG_SV);
  g_assert_cmpint (options.audience, ==, SAM_AUDIENCE_PROFESSIONAL);
  g_assert_cmpstr (options.area_code, ==, "2482");
  g_assert_null (options.path_id);

  /* the first area is the whole country; pocket cards for it */
  gtk_drop_down_set_selected (sam_print_options_get_dropdown (tab, "kind"), SAM_SHEET_CARD);
  gtk_drop_down_set_selected (area, 0);
  sam_print_options_get_options (tab, &options);
  g_assert_cmpint (options.kind, ==, SAM_SHEET_CARD);
  g_assert_cmpstr (options.area_code, ==, "SE");

  /* what the tab gives makes a sheet */
  sheet = sam_sheet_new (f->store, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);

  /* the second path */
  gtk_drop_down_set_selected (sam_print_options_get_dropdown (tab, "kind"), SAM_SHEET_ESCALATION);
  gtk_drop_down_set_selected (path, 1);
  sam_print_options_get_options (tab, &options);
  g_assert_nonnull (options.path_id);
  g_assert_cmpstr (options.path_id, !=, defaults.path_id);

  gtk_window_destroy (window);
}

/* The operation the dialog runs, exported to a PDF without the dialog:
 * ::begin-print paginates with the print context's Pango context, and the
 * pages have the sheet's text and nothing internal. */
static void
test_operation (Fixture *f, gconstpointer data)
{
  g_auto(SamSheetOptions) options = { 0 };
  g_autofree char *pdf = g_build_filename (f->dir, "export.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  int status;

  g_assert_true (sam_print_default_options (f->store, &options, NULL));
  options.kind = SAM_SHEET_DIRECTORY;
  g_free (options.area_code);
  options.area_code = g_strdup ("2480");
  op = sam_print_operation_new (NULL, f->store, &options);
  gtk_print_operation_set_export_filename (op, pdf);
  g_assert_cmpint (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Kontaktlista – Umeå"));
  g_assert_nonnull (strstr (text, "Sida 2 av "));
  g_assert_nonnull (strstr (text, "090-16 33 90"));       /* Umeå's socialjour, public */
  g_assert_null (strstr (text, "070-216 33 90"));         /* its internal mobile */
  g_assert_null (strstr (text, "090-16 33 95"));          /* its line for professionals */
}

/* The window has win.print (Ctrl+P opens the backend's dialog, not
 * opened here). */
static void
test_window_action (void)
{
  GtkWidgetClass *klass = g_type_class_ref (SAM_TYPE_WINDOW);
  gboolean found = FALSE;
  const GVariantType *parameter;
  const char *name, *property;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter, &property); i++)
    found |= g_str_equal (name, "win.print");
  g_assert_true (found);
  g_type_class_unref (klass);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/print/defaults", Fixture, NULL, set_up, test_defaults, tear_down);
  g_test_add ("/print/options-tab", Fixture, NULL, set_up, test_options_tab, tear_down);
  g_test_add ("/print/operation", Fixture, NULL, set_up, test_operation, tear_down);
  g_test_add_func ("/print/window-action", test_window_action);
  return g_test_run ();
}
