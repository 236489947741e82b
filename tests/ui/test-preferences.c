/* test-preferences.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences window against GSettings (memory backend, the schema
 * compiled in the build), the About window and the shortcuts window.
 */
#include "config.h"

#include <adwaita.h>

#include "sam-about.h"
#include "sam-areas.h"
#include "sam-preferences-window.h"

typedef struct {
  GSettings *settings;
  GtkWindow *window;
  GtkDropDown *area;
  AdwComboRow *language;
  GtkSpinButton *review_days;
} Fixture;

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found)
        return found;
    }
  return NULL;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->settings = g_settings_new (APP_ID);
  f->window = g_object_ref_sink (sam_preferences_window_new (NULL));
  gtk_window_present (f->window);
  f->area = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN));
  f->language = ADW_COMBO_ROW (find_descendant (GTK_WIDGET (f->window), ADW_TYPE_COMBO_ROW));
  f->review_days = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (f->window), GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (f->area);
  g_assert_nonnull (f->language);
  g_assert_nonnull (f->review_days);
  iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  iterate ();
  g_assert_finalize_object (f->window);
  g_settings_reset (f->settings, "default-area");
  g_settings_reset (f->settings, "sheet-language");
  g_settings_reset (f->settings, "review-days");
  g_clear_object (&f->settings);
}

static const char *
get_shown_area (Fixture *f)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (f->area);

  return gtk_string_object_get_string (item);
}

static void
test_defaults (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (gtk_drop_down_get_selected (f->area), ==, 0);
  g_assert_cmpstr (get_shown_area (f), ==, "None");
  g_assert_cmpuint (adw_combo_row_get_selected (f->language), ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (f->review_days), ==, 365);
}

static void
test_area_lists_counties_and_municipalities (Fixture *f, gconstpointer data)
{
  GPtrArray *all = sam_areas_get_all ();
  GListModel *model = gtk_drop_down_get_model (f->area);
  guint expected = 1;   /* "None" */

  for (guint i = 0; i < all->len; i++)
    if (((const SamArea *) g_ptr_array_index (all, i))->kind != SAM_AREA_COUNTRY)
      expected++;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);
  g_assert_true (gtk_drop_down_get_enable_search (f->area));
  g_assert_nonnull (gtk_drop_down_get_expression (f->area));
}

static void
test_area_follows_settings (Fixture *f, gconstpointer data)
{
  g_autofree char *code = NULL;

  g_settings_set_string (f->settings, "default-area", "2480");
  g_assert_cmpstr (get_shown_area (f), ==, sam_area_get_name (sam_area_lookup ("2480")));

  g_settings_set_string (f->settings, "default-area", "24");
  g_assert_cmpstr (get_shown_area (f), ==, sam_area_get_name (sam_area_lookup ("24")));

  /* a code the program does not know shows as none, and stays */
  g_settings_set_string (f->settings, "default-area", "9999");
  g_assert_cmpuint (gtk_drop_down_get_selected (f->area), ==, 0);
  code = g_settings_get_string (f->settings, "default-area");
  g_assert_cmpstr (code, ==, "9999");
}

static void
test_area_sets_settings (Fixture *f, gconstpointer data)
{
  GListModel *model = gtk_drop_down_get_model (f->area);
  const char *umea = sam_area_get_name (sam_area_lookup ("2480"));
  g_autofree char *code = NULL;
  guint i;

  for (i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), umea))
        break;
    }
  gtk_drop_down_set_selected (f->area, i);
  code = g_settings_get_string (f->settings, "default-area");
  g_assert_cmpstr (code, ==, "2480");

  gtk_drop_down_set_selected (f->area, 0);
  g_free (code);
  code = g_settings_get_string (f->settings, "default-area");
  g_assert_cmpstr (code, ==, "");
}

static void
test_language (Fixture *f, gconstpointer data)
{
  g_autofree char *language = NULL;

  adw_combo_row_set_selected (f->language, 1);
  language = g_settings_get_string (f->settings, "sheet-language");
  g_assert_cmpstr (language, ==, "en");

  g_settings_set_string (f->settings, "sheet-language", "sv");
  g_assert_cmpuint (adw_combo_row_get_selected (f->language), ==, 0);
}

static void
test_review_days (Fixture *f, gconstpointer data)
{
  double min, max;

  gtk_spin_button_get_range (f->review_days, &min, &max);
  g_assert_cmpfloat (min, ==, 30);
  g_assert_cmpfloat (max, ==, 1095);

  g_settings_set_uint (f->settings, "review-days", 90);
  g_assert_cmpfloat (gtk_spin_button_get_value (f->review_days), ==, 90);

  gtk_spin_button_set_value (f->review_days, 400);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "review-days"), ==, 400);

  /* the spin button keeps the value inside the schema's range */
  gtk_spin_button_set_value (f->review_days, 5000);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "review-days"), ==, 1095);
}

static AdwAboutWindow *
find_about_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window))
        return ADW_ABOUT_WINDOW (window);
    }
  return NULL;
}

static void
test_about (void)
{
  g_autoptr(GtkWindow) parent = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  AdwAboutWindow *about;

  gtk_window_present (parent);
  sam_show_about (parent);
  about = find_about_window ();
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == parent);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (adw_about_window_get_issue_url (about));
  iterate ();
  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (parent);
  iterate ();
}

/* GtkApplication loads this for the resource base path and shows it for
 * win.show-help-overlay; here it only has to build without warnings. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/samverkan/Samverkan/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_present (GTK_WINDOW (overlay));
  iterate ();
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return 0;
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/preferences/defaults", test_defaults);
  ADD ("/preferences/area/lists-counties-and-municipalities", test_area_lists_counties_and_municipalities);
  ADD ("/preferences/area/follows-settings", test_area_follows_settings);
  ADD ("/preferences/area/sets-settings", test_area_sets_settings);
  ADD ("/preferences/language", test_language);
  ADD ("/preferences/review-days", test_review_days);
#undef ADD
  g_test_add_func ("/about/window", test_about);
  g_test_add_func ("/help-overlay/builds", test_help_overlay);
  return g_test_run ();
}
