/* test-window.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real main window under a display (xvfb-run in tools/dev).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sam-default-register.h"
#include "sam-test-util.h"
#include "sam-errors.h"
#include "sam-paths-window.h"
#include "sam-actor-row.h"
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

static void
search_changed_cb (GtkSearchEntry *entry, gboolean *searched)
{
  *searched = TRUE;
}

/* Types @text the way a person does, then waits for the search (the entry
 * waits a moment after the last key before it searches). */
static void
type_and_wait (Fixture *f, const char *text)
{
  GtkEditable *entry = sam_window_get_search_entry (f->window);
  gboolean searched = FALSE;
  gulong id;

  gtk_editable_set_text (entry, "");
  id = g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &searched);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int pos = gtk_editable_get_position (entry);
      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &pos);
      gtk_editable_set_position (entry, pos);
    }
  sam_ui_test_wait_for (searched);
  g_signal_handler_disconnect (entry, id);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, text);
}

static gboolean
results_contain (Fixture *f, const char *id)
{
  for (guint i = 0; i < sam_window_get_n_results (f->window); i++)
    if (g_str_equal (sam_actor_get_id (sam_window_get_result (f->window, i)), id))
      return TRUE;
  return FALSE;
}

static void
test_lists_sample (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (sam_window_get_n_results (f->window), ==, sam_store_count_actors (f->store));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (sam_window_get_search_entry (f->window))) ||
                 gtk_widget_is_focus (GTK_WIDGET (sam_window_get_search_entry (f->window))) ||
                 gtk_window_get_focus (GTK_WINDOW (f->window)) != NULL);
}

static void
test_search_filters_rows (Fixture *f, gconstpointer data)
{
  type_and_wait (f, "socialjour");
  g_assert_true (results_contain (f, "umea-socialjour"));
  g_assert_true (results_contain (f, "skelleftea-socialjour"));
  g_assert_false (results_contain (f, "polisen"));

  type_and_wait (f, "0901610");
  g_assert_true (results_contain (f, "umea-kommun"));
}

static void
test_empty_result (Fixture *f, gconstpointer data)
{
  type_and_wait (f, "zzqqxx");
  g_assert_cmpuint (sam_window_get_n_results (f->window), ==, 0);
}

static char *
register_path (Fixture *f)
{
  return g_build_filename (f->dir, "register.sqlite", NULL);
}

/* Enter in the search entry opens the first result. */
static void
test_enter_opens_first (Fixture *f, gconstpointer data)
{
  type_and_wait (f, "socialjour");
  g_assert_cmpuint (sam_window_get_n_results (f->window), >, 0);
  g_signal_emit_by_name (sam_window_get_search_entry (f->window), "activate");
  g_assert_nonnull (sam_window_get_shown_actor (f->window));
  g_assert_cmpstr (sam_actor_get_id (sam_window_get_shown_actor (f->window)), ==,
                   sam_actor_get_id (sam_window_get_result (f->window, 0)));
}

/* Delete asks nothing; Undo in the toast brings the actor back. */
static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) gone = NULL;
  g_autoptr(SamActor) back = NULL;

  sam_window_show_actor (f->window, "terrafem");
  g_assert_cmpstr (sam_actor_get_id (sam_window_get_shown_actor (f->window)), ==, "terrafem");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-actor", NULL);
  gone = sam_store_load_actor (f->store, "terrafem", &error);
  g_assert_null (gone);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sam_window_get_shown_actor (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", "s", "terrafem");
  back = sam_store_load_actor (f->store, "terrafem", &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (sam_actor_get_id (sam_window_get_shown_actor (f->window)), ==, "terrafem");
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
has_row_titled (GtkWidget *widget, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (has_row_titled (child, title))
      return TRUE;
  return FALSE;
}

/* The actor page says where its details were read and when, with a button
 * that opens a web page; a route for calling from abroad shows its number
 * in international form. */
static void
test_source_on_page (Fixture *f, gconstpointer data)
{
  GtkWidget *row;
  GtkWidget *open;

  sam_window_show_actor (f->window, "polisen");
  row = find_named (GTK_WIDGET (f->window), "source-row");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Source");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "https://polisen.se/kontakt/, read 2026-10-05");
  open = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  g_assert_true (GTK_IS_BUTTON (open));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==, "actor.open-source");
  g_assert_true (has_row_titled (GTK_WIDGET (f->window), "+46 771 14 14 00"));
  /* an actor without a source shows no such row */
  sam_window_show_actor (f->window, "terrafem");
  g_assert_null (find_named (GTK_WIDGET (f->window), "source-row"));
}

static void
test_mark_verified (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *verified = NULL;

  sam_window_show_actor (f->window, "iom");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.mark-verified", NULL);
  actor = sam_store_load_actor (f->store, "iom", &error);
  g_assert_no_error (error);
  /* the day in Sweden, as the window shows it: past 23:00 UTC it is tomorrow there */
  {
    g_autoptr(GDateTime) at = g_date_time_to_timezone (sam_actor_get_verified_at (actor),
                                                       sam_time_zone ());
    verified = g_date_time_format (at, "%Y-%m-%d");
  }
  g_assert_cmpstr (verified, ==, today);
  g_assert_false (sam_actor_is_overdue (actor, now));
}

static void
collect_dropdowns (GtkWidget *widget, GPtrArray *found)
{
  if (GTK_IS_DROP_DOWN (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_dropdowns (child, found);
}

/* The drop-down whose first item is "All areas" */
static GtkDropDown *
area_dropdown (Fixture *f)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_dropdowns (GTK_WIDGET (f->window), found);
  for (guint i = 0; i < found->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (found, i));
      g_autoptr(GtkStringObject) first = model ? g_list_model_get_item (model, 0) : NULL;

      if (first && g_str_equal (gtk_string_object_get_string (first), "All areas"))
        return g_ptr_array_index (found, i);
    }
  g_assert_not_reached ();
}

/* A municipality filter keeps its own, county and national actors. The
 * drop-down lists every area once the filters are opened (Ctrl+K), the
 * chosen one still chosen. */
static void
test_area_filter (Fixture *f, gconstpointer data)
{
  GtkDropDown *areas;
  g_autoptr(GtkStringObject) chosen = NULL;

  sam_window_set_area_filter (f->window, "2482");
  g_assert_true (sam_window_has_filters (f->window));
  areas = area_dropdown (f);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (areas)), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter-area", NULL);
  /* 290 municipalities and 21 counties after "All areas" */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (areas)), ==, 312);
  chosen = g_object_ref (gtk_drop_down_get_selected_item (areas));
  g_assert_cmpstr (gtk_string_object_get_string (chosen), ==, "Skellefteå");
  g_assert_true (results_contain (f, "skelleftea-socialjour"));
  g_assert_true (results_contain (f, "polisen"));
  g_assert_false (results_contain (f, "umea-socialjour"));

  type_and_wait (f, "zzqqxx");
  g_assert_cmpuint (sam_window_get_n_results (f->window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-filters", NULL);
  g_assert_false (sam_window_has_filters (f->window));
}

/* Another program's write shows when the window looks again. */
static void
test_other_writer (Fixture *f, gconstpointer data)
{
  g_autofree char *path = register_path (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) other = sam_store_open (path, &error);
  g_autoptr(SamActor) actor = NULL;
  SamActor *shown;

  g_assert_no_error (error);
  sam_window_show_actor (f->window, "terrafem");
  actor = sam_store_load_actor (other, "terrafem", &error);
  g_assert_no_error (error);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Terrafem Zebra");
  g_assert_true (sam_store_update_actor (other, actor, &error));
  g_assert_no_error (error);

  /* what the window does when it gets focus */
  g_assert_true (sam_store_check_for_changes (f->store));
  shown = sam_window_get_shown_actor (f->window);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (shown), SAM_LANG_EN), ==, "Terrafem Zebra");
  g_assert_cmpint (sam_actor_get_revision (shown), ==, 2);
  g_assert_false (sam_store_check_for_changes (f->store));
}

static void
test_review (Fixture *f, gconstpointer data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-review", NULL);
  g_assert_true (sam_window_is_showing_review (f->window));
  /* never verified first, then the oldest verification */
  g_assert_cmpuint (sam_window_get_n_results (f->window), >=, 4);
  g_assert_null (sam_actor_get_verified_at (sam_window_get_result (f->window, 0)));
  g_assert_true (results_contain (f, "iom"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  g_assert_false (sam_window_is_showing_review (f->window));
}

static gboolean
paths_window_open (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (SAM_IS_PATHS_WINDOW (toplevel))
        return TRUE;
    }
  return FALSE;
}

/* The primary menu's Escalation Paths opens the list of paths. */
static void
test_edit_paths (Fixture *f, gconstpointer data)
{
  g_assert_false (paths_window_open ());
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-paths", NULL);
  g_assert_true (paths_window_open ());
}

/* A register that may not be written opens read-only: a banner says why,
 * and the edit actions are off, so nothing tries to write and fails later. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *path = register_path (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) reader = sam_store_open_read_only (path, &error);
  g_autoptr(SamActor) still = NULL;
  SamWindow *window;

  g_assert_no_error (error);
  g_assert_true (sam_store_is_read_only (reader));
  window = sam_window_new (NULL, reader);
  gtk_window_present (GTK_WINDOW (window));
  sam_window_show_actor (window, "terrafem");
  g_assert_nonnull (sam_window_get_shown_actor (window));
  g_assert_true (sam_window_is_read_only_banner_shown (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-actor", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-verified", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-paths", NULL);
  g_assert_false (paths_window_open ());
  still = sam_store_load_actor (f->store, "terrafem", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_actor_get_revision (still), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
append_labels (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    append_labels (child, out);
}

/* What the row of the first result says. */
static char *
first_row_text (Fixture *f, const char *id)
{
  SamActorRow *row = sam_actor_row_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GString *out = g_string_new (NULL);

  g_object_ref_sink (row);
  g_assert_cmpuint (sam_window_get_n_results (f->window), >, 0);
  g_assert_cmpstr (sam_actor_get_id (sam_window_get_result (f->window, 0)), ==, id);
  sam_actor_row_bind (row, sam_window_get_result (f->window, 0), now, FALSE);
  append_labels (GTK_WIDGET (row), out);
  g_object_unref (row);
  return g_string_free (out, FALSE);
}

/* A row shows the first number the user may call: for the register holder
 * a number for professionals counts, an internal one never shows; the
 * page of a result has all of the actor, though the search loaded only
 * the row. */
static void
test_row_number (Fixture *f, gconstpointer data)
{
  g_autofree char *barnahus = NULL;
  g_autofree char *jour = NULL;
  SamActor *shown;

  type_and_wait (f, "barnahus");
  barnahus = first_row_text (f, "barnahus-vasterbotten");
  g_assert_nonnull (strstr (barnahus, "090-16 59 00"));
  g_assert_null (sam_text_get (sam_actor_get_description (sam_window_get_result (f->window, 0)), SAM_LANG_SV));
  g_signal_emit_by_name (sam_window_get_search_entry (f->window), "activate");
  shown = sam_window_get_shown_actor (f->window);
  g_assert_nonnull (shown);
  g_assert_nonnull (sam_text_get (sam_actor_get_description (shown), SAM_LANG_SV));
  g_assert_cmpuint (sam_actor_get_tags (shown)->len, >, 0);

  type_and_wait (f, "umeå socialjouren");
  jour = first_row_text (f, "umea-socialjour");
  g_assert_nonnull (strstr (jour, "090-16 33 90"));
  g_assert_null (strstr (jour, "070-216 33 90"));
}

/* Text a sighted user reads on a widget: a label anywhere inside it. */
static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && has_visible_text (child))
      return TRUE;
  return FALSE;
}

/* Every button shown has words: its own text, or a tooltip (which GTK
 * also gives screen readers as its description) when it shows an icon only. */
static void
collect_unnamed_buttons (GtkWidget *widget, GPtrArray *unnamed, guint *seen)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    (*seen)++;
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) &&
      !has_visible_text (widget) && gtk_widget_get_tooltip_text (widget) == NULL &&
      /* the inner button of a menu button is named by the menu button */
      !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) &&
      /* minimize, maximize and close are GTK's, named by it */
      !GTK_IS_WINDOW_CONTROLS (gtk_widget_get_parent (widget)))
    g_ptr_array_add (unnamed, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed_buttons (child, unnamed, seen);
}

static void
assert_buttons_named (GtkWidget *root)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();
  guint seen = 0;

  collect_unnamed_buttons (root, unnamed, &seen);
  /* the header's, the filters', the routes' call and copy buttons… */
  g_assert_cmpuint (seen, >=, 8);
  for (guint i = 0; i < unnamed->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (unnamed, i);
      g_test_message ("a %s without words (css name %s, parent %s)", G_OBJECT_TYPE_NAME (w),
                      gtk_widget_get_css_name (w), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (w)));
    }
  g_assert_cmpuint (unnamed->len, ==, 0);
}

/* The list, an actor's page, and the filters: no icon-only button without a tooltip. */
static void
test_buttons_named (Fixture *f, gconstpointer data)
{
  assert_buttons_named (GTK_WIDGET (f->window));
  sam_window_show_actor (f->window, "umea-socialjour");
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
  assert_buttons_named (GTK_WIDGET (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter-area", NULL);
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
  assert_buttons_named (GTK_WIDGET (f->window));
}

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* The register shown, whether it may be changed and whether a long job
 * runs are properties; each notifies once when it changes, never else. */
static void
test_properties (Fixture *f, gconstpointer data)
{
  g_autofree char *path = register_path (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) reader = sam_store_open_read_only (path, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SamStore) shown = NULL;
  guint store = 0, read_only = 0, busy = 0;
  gboolean value;

  g_assert_no_error (error);
  g_signal_connect (f->window, "notify::store", G_CALLBACK (count_cb), &store);
  g_signal_connect (f->window, "notify::read-only", G_CALLBACK (count_cb), &read_only);
  g_signal_connect (f->window, "notify::busy", G_CALLBACK (count_cb), &busy);
  g_assert_false (sam_window_is_read_only (f->window));

  sam_window_set_store (f->window, reader);
  g_assert_cmpuint (store, ==, 1);
  g_assert_cmpuint (read_only, ==, 1);
  g_object_get (f->window, "store", &shown, "read-only", &value, NULL);
  g_assert_true (shown == reader);
  g_assert_true (value);
  sam_window_set_store (f->window, reader);
  g_assert_cmpuint (store, ==, 1);
  sam_window_set_store (f->window, f->store);
  g_assert_cmpuint (store, ==, 2);
  g_assert_cmpuint (read_only, ==, 2);
  g_assert_false (sam_window_is_read_only (f->window));

  _sam_window_set_busy (f->window, "Exporting…", cancellable);
  g_assert_true (sam_window_is_busy (f->window));
  _sam_window_set_busy (f->window, "Exporting, nearly done…", cancellable);
  g_assert_cmpuint (busy, ==, 1);
  /* Cancel in the toast reaches the job's cancellable */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel-operation", NULL);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  _sam_window_set_busy (f->window, NULL, NULL);
  g_assert_cmpuint (busy, ==, 2);
  g_object_get (f->window, "busy", &value, NULL);
  g_assert_false (value);
  g_signal_handlers_disconnect_by_data (f->window, &store);
  g_signal_handlers_disconnect_by_data (f->window, &read_only);
  g_signal_handlers_disconnect_by_data (f->window, &busy);
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return 0;
    }
  sam_ui_test_init (&argc, &argv);
  g_test_add ("/window/lists-sample", Fixture, NULL, fixture_set_up, test_lists_sample, fixture_tear_down);
  g_test_add ("/window/search-filters-rows", Fixture, NULL, fixture_set_up, test_search_filters_rows, fixture_tear_down);
  g_test_add ("/window/empty-result", Fixture, NULL, fixture_set_up, test_empty_result, fixture_tear_down);
  g_test_add ("/window/enter-opens-first", Fixture, NULL, fixture_set_up, test_enter_opens_first, fixture_tear_down);
  g_test_add ("/window/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/window/mark-verified", Fixture, NULL, fixture_set_up, test_mark_verified, fixture_tear_down);
  g_test_add ("/window/source-on-page", Fixture, NULL, fixture_set_up, test_source_on_page, fixture_tear_down);
  g_test_add ("/window/area-filter", Fixture, NULL, fixture_set_up, test_area_filter, fixture_tear_down);
  g_test_add ("/window/other-writer", Fixture, NULL, fixture_set_up, test_other_writer, fixture_tear_down);
  g_test_add ("/window/review", Fixture, NULL, fixture_set_up, test_review, fixture_tear_down);
  g_test_add ("/window/buttons-named", Fixture, NULL, fixture_set_up, test_buttons_named, fixture_tear_down);
  g_test_add ("/window/edit-paths", Fixture, NULL, fixture_set_up, test_edit_paths, fixture_tear_down);
  g_test_add ("/window/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/window/properties", Fixture, NULL, fixture_set_up, test_properties, fixture_tear_down);
  g_test_add ("/window/row-number", Fixture, NULL, fixture_set_up, test_row_number, fixture_tear_down);
  return g_test_run ();
}
