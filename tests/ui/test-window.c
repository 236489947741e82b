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
#include "sam-window.h"

typedef struct {
  char *dir;
  SamStore *store;
  SamWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("samverkan-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "register.sqlite", NULL);
  f->store = sam_store_open (path, &error);
  g_assert_no_error (error);
  sam_load_sample_register (f->store, &error);
  g_assert_no_error (error);
  f->window = sam_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "register.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Types @text the way a person does, then waits for the list to settle
 * (the entry waits a moment after the last key before it searches). */
static void
type_and_wait (Fixture *f, const char *text)
{
  GtkEditable *entry = sam_window_get_search_entry (f->window);
  gboolean done = FALSE;

  gtk_editable_set_text (entry, "");
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int pos = gtk_editable_get_position (entry);
      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &pos);
      gtk_editable_set_position (entry, pos);
    }
  g_timeout_add (500, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
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
  g_test_add ("/window/lists-sample", Fixture, NULL, fixture_set_up, test_lists_sample, fixture_tear_down);
  g_test_add ("/window/search-filters-rows", Fixture, NULL, fixture_set_up, test_search_filters_rows, fixture_tear_down);
  g_test_add ("/window/empty-result", Fixture, NULL, fixture_set_up, test_empty_result, fixture_tear_down);
  return g_test_run ();
}
