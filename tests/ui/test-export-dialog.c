/* test-export-dialog.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File → Export asks for the format, which actors and for whom the file is
 * before the file chooser, with the register's XML and professionals
 * chosen, and says what internal means; the choices go to the export.
 * vCard, CSV and HSDS never offer internal; the area chosen in the filters
 * and the search result as listed can be exported; the actor's menu saves
 * its vCard.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sam-test-util.h"
#include "sam-window.h"
#include "sam-window-private.h"
#include "sam-ui-test-util.h"

typedef SamUiTestWindow Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_open (f);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_close (f);
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

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export");
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

/* In the file chooser that is opening, @file_name; waits for the file to be
 * written and the window no longer busy with it, and returns its text. */
static char *
save_as (Fixture *f, const char *file_name)
{
  g_autofree char *path = g_build_filename (f->dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *chooser;
  char *text = NULL;

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

/* Chooses each of @choices in the dialog, then the file @file_name. */
static char *
export_choosing (Fixture *f, const char * const *choices, const char *file_name)
{
  AdwMessageDialog *dialog = open_export (f);

  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  for (guint i = 0; choices[i]; i++)
    {
      GtkCheckButton *check = find_check (GTK_WIDGET (dialog), choices[i]);

      g_assert_nonnull (check);
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (check)));
      gtk_check_button_set_active (check, TRUE);
    }
  respond (dialog, "export");
  return save_as (f, file_name);
}

static char *
export_as (Fixture *f, const char *name, const char *file_name)
{
  return export_choosing (f, (const char * const []) { name, NULL }, file_name);
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

static guint
count (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Four formats, XML first; internal only with XML: choosing vCard, CSV
 * or HSDS turns an internal choice into professional. */
static void
test_formats (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog = open_export (f);
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkCheckButton *internal = find_check (root, "audience-internal");
  static const char * const others[] = { "format-vcard", "format-csv", "format-hsds" };

  g_assert_true (gtk_check_button_get_active (find_check (root, "format-xml")));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (internal)));
  /* no search and no filter: the whole register, nothing else to choose */
  g_assert_null (find_check (root, "scope-register"));
  g_assert_null (find_check (root, "scope-area"));
  g_assert_null (find_check (root, "scope-results"));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      gtk_check_button_set_active (find_check (root, "format-xml"), TRUE);
      gtk_check_button_set_active (internal, TRUE);
      gtk_check_button_set_active (find_check (root, others[i]), TRUE);
      g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (internal)));
      g_assert_false (gtk_check_button_get_active (internal));
      g_assert_true (gtk_check_button_get_active (find_check (root, "audience-professional")));
    }
  gtk_check_button_set_active (find_check (root, "format-xml"), TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (internal)));
  gtk_check_button_set_active (find_check (root, "format-vcard"), TRUE);
  sam_ui_test_shoot (root, "export-formats");
  respond (dialog, "cancel");
}

/* The sample's internal and professional numbers, as a vCard writes them. */
#define INTERNAL_TEL "tel:+46702561840"
#define PROFESSIONAL_TEL "tel:+46105662400"

static void
test_vcard_for_professionals (Fixture *f, gconstpointer data)
{
  g_autofree char *cards = export_as (f, "format-vcard", "register.vcf");
  g_autofree char *pub = export_choosing (f, (const char * const []) { "format-vcard",
                                                                         "audience-public", NULL },
                                          "public.vcf");

  g_assert_true (g_str_has_prefix (cards, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_cmpuint (count (cards, "BEGIN:VCARD"), ==, sam_store_count_actors (f->store));
  g_assert_nonnull (strstr (cards, PROFESSIONAL_TEL));
  g_assert_null (strstr (cards, INTERNAL_TEL));
  g_assert_null (strstr (pub, PROFESSIONAL_TEL));
  g_assert_null (strstr (pub, INTERNAL_TEL));
  g_assert_nonnull (strstr (pub, "tel:11414"));
}

/* An area chosen in the filters is offered; the spreadsheet has only its actors. */
static void
test_csv_of_area (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = NULL;
  AdwMessageDialog *dialog;
  GtkCheckButton *area;

  sam_window_set_area_filter (f->window, "2480");
  dialog = open_export (f);
  area = find_check (GTK_WIDGET (dialog), "scope-area");
  g_assert_nonnull (area);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (area))), ==,
                   "Those serving Umeå");
  g_assert_true (gtk_check_button_get_active (find_check (GTK_WIDGET (dialog), "scope-register")));
  sam_ui_test_shoot (GTK_WIDGET (dialog), "export-area");
  respond (dialog, "cancel");
  csv = export_choosing (f, (const char * const []) { "format-csv", "scope-area", NULL }, "umea.csv");
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbfId,Name,Name (English),Kind,Municipality,"));
  g_assert_nonnull (strstr (csv, "\r\numea-kommun,"));
  /* national actors serve Umeå too, but not Umeå alone: they are not its own */
  g_assert_null (strstr (csv, "\r\nbris,"));
  g_assert_null (strstr (csv, "070-256 18 40"));
}

static void
search_changed_cb (GtkSearchEntry *entry, gboolean *searched)
{
  *searched = TRUE;
}

/* The list as it stands goes out whole, as vCard, CSV or HSDS only. */
static void
test_search_result_as_hsds (Fixture *f, gconstpointer data)
{
  GtkEditable *entry = sam_window_get_search_entry (f->window);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  AdwMessageDialog *dialog;
  GtkCheckButton *results;
  gboolean searched = FALSE;
  JsonObject *root;
  guint n;

  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &searched);
  gtk_editable_set_text (entry, "polisen");
  sam_ui_test_wait_for (searched);
  n = sam_window_get_n_results (f->window);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, sam_store_count_actors (f->store));

  dialog = open_export (f);
  results = find_check (GTK_WIDGET (dialog), "scope-results");
  g_assert_nonnull (results);
  /* not as XML: a register file is chosen by area, kind or path */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (results)));
  gtk_check_button_set_active (find_check (GTK_WIDGET (dialog), "format-hsds"), TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (results)));
  gtk_check_button_set_active (results, TRUE);
  gtk_check_button_set_active (find_check (GTK_WIDGET (dialog), "format-xml"), TRUE);
  g_assert_false (gtk_check_button_get_active (results));
  respond (dialog, "cancel");

  json = export_choosing (f, (const char * const []) { "format-hsds", "scope-results", NULL },
                          "result.json");
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "organizations")), ==, n);
  g_assert_null (strstr (json, "+46 70 256 18 40"));
}

/* The actor's menu: Save as vCard… writes its card, for professionals. */
static void
test_actor_vcard (Fixture *f, gconstpointer data)
{
  g_autofree char *card = NULL;

  sam_window_show_actor (f->window, "polisen-region-nord-mh");
  sam_ui_test_wait_for (sam_window_get_shown_actor (f->window) != NULL);
  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-vcard", NULL);
  card = save_as (f, "polisen.vcf");
  g_assert_cmpuint (count (card, "BEGIN:VCARD"), ==, 1);
  g_assert_nonnull (strstr (card, "FN:"));
  g_assert_nonnull (strstr (card, PROFESSIONAL_TEL));
  g_assert_null (strstr (card, INTERNAL_TEL));
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
  g_test_add ("/export-dialog/formats", Fixture, NULL, fixture_set_up, test_formats,
              fixture_tear_down);
  g_test_add ("/export-dialog/vcard-for-professionals", Fixture, NULL, fixture_set_up,
              test_vcard_for_professionals, fixture_tear_down);
  g_test_add ("/export-dialog/csv-of-area", Fixture, NULL, fixture_set_up, test_csv_of_area,
              fixture_tear_down);
  g_test_add ("/export-dialog/search-result-as-hsds", Fixture, NULL, fixture_set_up,
              test_search_result_as_hsds, fixture_tear_down);
  g_test_add ("/export-dialog/actor-vcard", Fixture, NULL, fixture_set_up, test_actor_vcard,
              fixture_tear_down);
  return g_test_run ();
}
