/* test-open-error.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app as it starts: a register that cannot be opened (busy, missing,
 * not a register, from a newer version) shows why, with what to do, and
 * never the sample in its place; the sample only on the user's word, with
 * a banner; and what another program writes shows without the window
 * being touched. Under a display (xvfb-run in tools/dev).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-application.h"
#include "sam-default-register.h"
#include "sam-open-error-page.h"
#include "sam-result-item.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"
#include "sam-window.h"

typedef struct {
  char *dir;
  SamApplication *app;
  SamWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *own = sam_default_register_path ();
  g_autofree char *own_dir = g_path_get_dirname (own);

  f->dir = sam_test_make_dir ();
  /* every test starts as if on a machine Samverkan never ran on */
  sam_test_remove_dir (own_dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Starts the app as a person does, with @last as the register used last
 * ("" for none), and returns its window. */
static SamWindow *
start_app (Fixture *f, const char *last)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  GList *windows;

  static guint n_apps;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_apps);

  g_settings_set_string (settings, "last-register", last);
  f->app = sam_application_new ();
  /* an id of its own: the one before may still be on the bus */
  g_application_set_application_id (G_APPLICATION (f->app), id);
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
  g_assert_nonnull (windows);
  f->window = SAM_WINDOW (windows->data);
  sam_ui_test_wait_for_width (GTK_WIDGET (f->window), 300);
  return f->window;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Widgets as the user sees them */

static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

/* The first widget of @type on screen. */
static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

/* Presses the button labelled @label, which must be there to press. */
static void
click (SamWindow *window, const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (window), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Runs the main loop for @seconds while nothing is expected to happen:
 * the only way to see that the page does not try again by itself. */
static void
let_time_pass (guint seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);
}

/* A register is listed: the error page is gone and the first actor's name
 * is on screen. */
static gboolean
register_shown (SamWindow *window)
{
  return sam_window_get_open_error_page (window) == NULL && sam_window_get_n_results (window) > 0 &&
         shows_text (GTK_WIDGET (window),
                     sam_actor_get_display_name (sam_window_get_result (window, 0)));
}

/* The error page as a person sees it: why, and the ways out. */
static void
assert_error_page (SamWindow *window, const char *title, gboolean can_wait)
{
  SamOpenErrorPage *page = sam_window_get_open_error_page (window);

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (sam_open_error_page_get_title (page), ==, title);
  g_assert_true (shows_text (GTK_WIDGET (window), title));
  g_assert_true (shows_text (GTK_WIDGET (window), sam_open_error_page_get_path (page)));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Try Again"));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Open Another Register…"));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "Open the _Sample Register"));
  g_assert_true ((find_button (GTK_WIDGET (window), "_Wait Until It Is Free") != NULL) == can_wait);
  /* nothing of any register is listed, least of all the sample */
  g_assert_cmpuint (sam_window_get_n_results (window), ==, 0);
  g_assert_null (find_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
  g_assert_false (sam_window_is_sample_banner_shown (window));
  /* and no register was made in its place */
  g_autofree char *own = sam_default_register_path ();
  g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
}

/* A register another program holds: a connection of this test keeps an
 * exclusive lock on it (rollback journal, so that even readers wait). */
static sqlite3 *
lock_register (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE meta SET value = value", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static char *
make_register (Fixture *f, const char *name)
{
  g_autoptr(SamStore) store = sam_test_open_store (f->dir, name, TRUE);

  return g_strdup (sam_store_get_path (store));
}

static const char *needs_register[] = {
  "win.print", "win.export", "win.save-copy", "win.import", "win.backups", "win.follow",
  "win.show-review", "win.focus-search", "win.new-actor", "win.suspect-trafficking",
};

static void
test_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "gone", "register.sqlite", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  SamWindow *window = start_app (f, path);
  guint toplevels;

  assert_error_page (window, "The Register Was Not Found", FALSE);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) ==
                 find_button (GTK_WIDGET (window), "_Try Again"));
  /* what needs a register cannot be reached by a shortcut either: no
   * dialog opens, no critical about a missing register */
  toplevels = g_list_model_get_n_items (gtk_window_get_toplevels ());
  for (guint i = 0; i < G_N_ELEMENTS (needs_register); i++)
    gtk_widget_activate_action (GTK_WIDGET (window), needs_register[i], NULL);
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, toplevels);

  /* Try Again finds nothing either, and makes nothing */
  click (window, "_Try Again");
  sam_ui_test_wait_for (sam_open_error_page_get_tries (sam_window_get_open_error_page (window)) == 1);
  assert_error_page (window, "The Register Was Not Found", FALSE);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_not_a_register (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.sqlite", NULL);
  g_autofree char *after = NULL;
  SamWindow *window;

  g_assert_true (g_file_set_contents (path, "Ring socialjouren\n", -1, NULL));
  window = start_app (f, path);
  assert_error_page (window, "This Is Not a Register", FALSE);
  g_assert_true (shows_text (GTK_WIDGET (window), "The file is not a Samverkan register"));
  after = read_file (path);
  g_assert_cmpstr (after, ==, "Ring socialjouren\n");
}

static void
test_empty_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "cut.sqlite", NULL);
  g_autofree char *after = NULL;
  SamWindow *window;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  window = start_app (f, path);
  /* SQLite would take an empty file for a new register: an empty list */
  assert_error_page (window, "This Is Not a Register", FALSE);
  after = read_file (path);
  g_assert_cmpstr (after, ==, "");
}

/* Another program's database is refused, every byte kept. */
static void
test_other_database (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "contacts.sqlite", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  sqlite3 *db = NULL;
  SamWindow *window;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (text); INSERT INTO notes VALUES ('x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = g_file_load_bytes (file, NULL, NULL, NULL);
  window = start_app (f, path);
  assert_error_page (window, "This Is Not a Register", FALSE);
  after = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (before, after));
}

/* A register whose first page is overwritten: damaged, and said so. */
static void
test_damaged (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_register (f, "damaged.sqlite");
  char garbage[400];
  FILE *file;
  SamWindow *window;

  memset (garbage, 0xa5, sizeof garbage);
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 100, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
  fclose (file);
  window = start_app (f, path);
  assert_error_page (window, "The Register Is Damaged", FALSE);
  g_assert_true (shows_text (GTK_WIDGET (window), "Open the last good backup"));
}

static void
test_newer_format (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_register (f, "newer.sqlite");
  sqlite3 *db = NULL;
  SamWindow *window;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  window = start_app (f, path);
  assert_error_page (window, "The Register Needs a Newer Samverkan", FALSE);
  g_assert_true (shows_text (GTK_WIDGET (window), "newer version of Samverkan"));
}

/* Busy: the page says so and offers to wait; waiting opens the register as
 * soon as the other program lets go, with no click. */
static void
test_busy_then_wait (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_register (f, "busy.sqlite");
  sqlite3 *db = lock_register (path);
  SamWindow *window = start_app (f, path);
  SamOpenErrorPage *page = sam_window_get_open_error_page (window);

  assert_error_page (window, "The Register Is Busy", TRUE);
  g_assert_true (shows_text (GTK_WIDGET (window), "Another program holds it locked"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) ==
                 find_button (GTK_WIDGET (window), "_Wait Until It Is Free"));
  click (window, "_Wait Until It Is Free");
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  g_assert_true (sam_open_error_page_is_waiting (page));
  g_assert_true (shows_text (GTK_WIDGET (window), "Waiting for the other program to finish"));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Stop Waiting"));
  /* still held after two tries: still waiting, still nothing listed */
  sam_ui_test_wait_for (sam_open_error_page_get_tries (page) >= 2);
  assert_error_page (window, "The Register Is Busy", FALSE);
  g_assert_true (sam_open_error_page_is_waiting (page));

  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  sam_ui_test_wait_for (register_shown (window));
  g_assert_false (sam_window_is_sample_banner_shown (window));
  g_assert_cmpstr (sam_store_get_path (sam_window_get_store (window)), ==, path);
}

/* While another program writes (an import, a merge: a write transaction
 * held open), the register opens as it was, and what the writer commits
 * shows by itself. */
static void
test_opens_while_written (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_register (f, "written.sqlite");
  g_autofree char *renamed = NULL;
  const char *first;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  SamWindow *window;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  window = start_app (f, path);
  sam_ui_test_wait_for (register_shown (window));
  g_assert_false (sam_window_is_sample_banner_shown (window));

  /* the writer renames the first actor listed and commits */
  first = sam_actor_get_id (sam_window_get_result (window, 0));
  renamed = g_strconcat (sam_actor_get_display_name (sam_window_get_result (window, 0)), " Zz", NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE actor SET name_en = ?1, name_sv = ?1, "
                                           "revision = revision + 1 WHERE id = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, renamed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  sam_ui_test_wait_for (shows_text (GTK_WIDGET (window), renamed));
}

static void
test_stop_waiting (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_register (f, "busy.sqlite");
  sqlite3 *db = lock_register (path);
  SamWindow *window = start_app (f, path);
  SamOpenErrorPage *page = sam_window_get_open_error_page (window);

  click (window, "_Wait Until It Is Free");
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  click (window, "_Stop Waiting");
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  g_assert_false (sam_open_error_page_is_waiting (page));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Wait Until It Is Free"));

  /* freed, but nobody asked to try again: the page stays */
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  let_time_pass (4);
  assert_error_page (window, "The Register Is Busy", TRUE);
  click (window, "_Try Again");
  sam_ui_test_wait_for (register_shown (window));
}

/* The sample only on the user's word: in its own file, with a banner, and
 * not remembered as the register to open next time. */
static void
test_sample_by_choice (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "gone.sqlite", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *own = sam_default_register_path ();
  g_autofree char *last = NULL;
  const char *shown;
  SamWindow *window = start_app (f, path);

  click (window, "Open the _Sample Register");
  sam_ui_test_wait_for (register_shown (window));
  g_assert_true (sam_window_is_sample_banner_shown (window));
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  g_assert_true (shows_text (GTK_WIDGET (window), "This is the sample register, not yours"));
  shown = sam_store_get_path (sam_window_get_store (window));
  g_assert_cmpstr (shown, !=, path);
  g_assert_cmpstr (shown, !=, own);
  g_assert_true (g_file_test (shown, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
  last = g_settings_get_string (settings, "last-register");
  g_assert_cmpstr (last, ==, path);
}

/* The README's promise: the very first start fills the user's own
 * register from the sample, and says that it is sample data. */
static void
test_first_start (Fixture *f, gconstpointer data)
{
  g_autofree char *own = sam_default_register_path ();
  SamWindow *window = start_app (f, "");

  sam_ui_test_wait_for (register_shown (window));
  g_assert_cmpstr (sam_store_get_path (sam_window_get_store (window)), ==, own);
  g_assert_true (sam_window_is_sample_banner_shown (window));
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  g_assert_true (shows_text (GTK_WIDGET (window), "Sample data, filled in at the first start"));

  /* the next start opens it as it is: no banner, no sample again */
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
  g_clear_object (&f->app);
  window = start_app (f, "");
  sam_ui_test_wait_for (register_shown (window));
  g_assert_false (sam_window_is_sample_banner_shown (window));
}

/* A default register that exists but is damaged is not replaced by the
 * sample either. */
static void
test_own_register_damaged (Fixture *f, gconstpointer data)
{
  g_autofree char *own = sam_default_register_path ();
  g_autofree char *dir = g_path_get_dirname (own);
  g_autofree char *after = NULL;
  SamWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (own, "SQLite format 3\0garbage", 24, NULL));
  window = start_app (f, "");
  g_assert_nonnull (sam_window_get_open_error_page (window));
  g_assert_cmpuint (sam_window_get_n_results (window), ==, 0);
  g_assert_false (sam_window_is_sample_banner_shown (window));
  g_assert_null (find_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
}

/* Live: another program renames an actor; the list and the page show the
 * new name by themselves, the row stays selected and the list in place. */
static void
test_live_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  g_autoptr(SamStore) other = sam_store_open (sam_store_get_path (store), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = NULL;
  g_autofree char *renamed = NULL;
  GtkAdjustment *vadj;
  GtkSingleSelection *selection;
  GtkWidget *list;
  double before;
  guint last;

  f->window = sam_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 500);
  gtk_window_present (GTK_WINDOW (f->window));
  sam_ui_test_wait_for_width (GTK_WIDGET (f->window), 300);
  last = sam_window_get_n_results (f->window) - 1;
  actor = sam_store_load_actor (other, sam_actor_get_id (sam_window_get_result (f->window, last)), &error);
  g_assert_no_error (error);
  sam_window_show_actor (f->window, sam_actor_get_id (actor));
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  list = find_type (GTK_WIDGET (f->window), GTK_TYPE_LIST_VIEW);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  /* the list is scrolled to its end, where the actor is: once it holds
   * every result (the rows past the first screenful come after a frame) */
  sam_ui_test_wait_for (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))) ==
                        sam_window_get_n_results (f->window));
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  sam_ui_test_wait_for (gtk_adjustment_get_upper (vadj) > gtk_adjustment_get_page_size (vadj));
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj));
  sam_ui_test_wait_for (shows_text (list, sam_actor_get_display_name (actor)));
  before = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (before, >, 0);

  renamed = g_strconcat (sam_actor_get_display_name (actor), " Zz", NULL);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, renamed);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, renamed);
  g_assert_true (sam_store_update_actor (other, actor, &error));
  g_assert_no_error (error);

  /* nobody touches the window: it looks by itself */
  sam_ui_test_wait_for (shows_text (list, renamed));
  g_assert_cmpstr (sam_actor_get_display_name (sam_window_get_shown_actor (f->window)), ==, renamed);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpstr (sam_actor_get_id (sam_result_item_get_actor (gtk_single_selection_get_selected_item (selection))),
                   ==, sam_actor_get_id (actor));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadj), before, 1.0);
}

/* The error page and the sample banner, in English and in Swedish. */
static void
test_screenshots (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_register (f, "register.sqlite");
  g_autofree char *garbage = g_build_filename (f->dir, "notes.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) none = NULL;
  sqlite3 *db = lock_register (path);

  none = sam_open_existing_register (path, &error);
  g_assert_null (none);
  f->window = sam_window_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 980, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  sam_window_show_open_error (f->window, path, error);
  sam_ui_test_shoot (GTK_WIDGET (f->window), "open-error-busy");
  sam_open_error_page_wait (sam_window_get_open_error_page (f->window));
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
  sam_ui_test_shoot (GTK_WIDGET (f->window), "open-error-waiting");
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  sam_ui_test_wait_for (register_shown (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-sample", NULL);
  sam_ui_test_wait_for (register_shown (f->window));
  sam_ui_test_shoot (GTK_WIDGET (f->window), "sample-banner");

  g_clear_error (&error);
  g_assert_true (g_file_set_contents (garbage, "Ring socialjouren\n", -1, NULL));
  none = sam_open_existing_register (garbage, &error);
  g_assert_null (none);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 420, 720);
  sam_window_show_open_error (f->window, garbage, error);
  sam_ui_test_wait_for (gtk_widget_get_width (GTK_WIDGET (f->window)) <= 430);
  sam_ui_test_shoot (GTK_WIDGET (f->window), "open-error-narrow");
}

int
main (int argc, char **argv)
{
  g_autofree char *home = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return 0;
    }
  /* the user's own register and the sample go to a folder of this test */
  home = g_dir_make_tmp ("samverkan-home-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_unsetenv ("SAMVERKAN_REGISTER");
  sam_ui_test_use_translations ();
  sam_ui_test_init (&argc, &argv);

#define ADD(name, func) g_test_add ("/open-error/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("missing", test_missing);
  ADD ("not-a-register", test_not_a_register);
  ADD ("empty-file", test_empty_file);
  ADD ("other-database", test_other_database);
  ADD ("damaged", test_damaged);
  ADD ("newer-format", test_newer_format);
  ADD ("busy-then-wait", test_busy_then_wait);
  ADD ("stop-waiting", test_stop_waiting);
  ADD ("opens-while-written", test_opens_while_written);
  ADD ("sample-by-choice", test_sample_by_choice);
  ADD ("first-start", test_first_start);
  ADD ("own-register-damaged", test_own_register_damaged);
  ADD ("live-refresh", test_live_refresh);
  ADD ("screenshots", test_screenshots);
#undef ADD

  int status = g_test_run ();
  sam_test_remove_dir (home);
  return status;
}
