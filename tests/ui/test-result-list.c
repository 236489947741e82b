/* test-result-list.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The result list as the user types: every row shows an actor of the
 * latest search, whether the list grew, shrank or kept its length, and a
 * new search starts at the top of the list.
 */
#include "config.h"

#include <adwaita.h>

#include "sam-actor-row.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"
#include "sam-window.h"
#include "sam-window-private.h"

typedef SamUiTestWindow Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_open (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  sam_ui_test_wait_for (sam_window_get_n_results (f->window) > 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_close (f);
}

/* Searches @text at once and waits until the whole list is drawn. */
static void
search (Fixture *f, const char *text)
{
  GtkEditable *entry = sam_window_get_search_entry (f->window);

  gtk_editable_set_text (entry, text);
  _sam_window_flush_refresh (f->window);
  g_signal_emit_by_name (entry, "search-changed");
  sam_ui_test_wait_for (g_list_model_get_n_items (G_LIST_MODEL (f->window->model)) ==
                        sam_window_get_n_results (f->window));
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
}

static GtkLabel *
first_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = GTK_IS_LABEL (child) ? GTK_LABEL (child) : first_label (child);
      if (found)
        return found;
    }
  return NULL;
}

/* The titles of the rows the list shows. */
static GPtrArray *
shown_titles (Fixture *f)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->window->actor_list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (SAM_IS_ACTOR_ROW (row) && gtk_widget_get_mapped (row))
        g_ptr_array_add (titles, g_strdup (gtk_label_get_text (first_label (row))));
    }
  return titles;
}

static gboolean
is_result (Fixture *f, const char *name)
{
  for (guint i = 0; i < sam_window_get_n_results (f->window); i++)
    if (g_str_equal (sam_actor_get_display_name (sam_window_get_result (f->window, i)), name))
      return TRUE;
  return FALSE;
}

static gboolean
is_shown (GPtrArray *titles, const char *name)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_str_equal (g_ptr_array_index (titles, i), name))
      return TRUE;
  return FALSE;
}

/* Every row the list shows is an actor of the search, and the first few
 * results are all shown. */
static void
assert_rows_match (Fixture *f, const char *text)
{
  g_autoptr(GPtrArray) titles = shown_titles (f);
  guint n = sam_window_get_n_results (f->window);

  g_test_message ("“%s”: %u results, %u rows shown", text, n, titles->len);
  g_assert_cmpuint (titles->len, >, 0);
  g_assert_cmpuint (titles->len, <=, n);
  for (guint i = 0; i < titles->len; i++)
    if (!is_result (f, g_ptr_array_index (titles, i)))
      g_error ("“%s”: a row shows “%s”, which the search did not find", text,
               (const char *) g_ptr_array_index (titles, i));
  for (guint i = 0; i < MIN (n, 5u); i++)
    g_assert_true (is_shown (titles, sam_actor_get_display_name (sam_window_get_result (f->window, i))));
}

static void
test_rows_follow_search (Fixture *f, gconstpointer data)
{
  static const char *const texts[] = {
    "", "kvinnojour", "kvinnojour umeå", "polis", "p", "", "umeå", "112", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      search (f, texts[i]);
      assert_rows_match (f, texts[i]);
    }
}

static void
test_new_search_at_top (Fixture *f, gconstpointer data)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->window->actor_list));

  search (f, "");
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, gtk_adjustment_get_lower (vadj));
  search (f, "s");
  g_assert_cmpuint (sam_window_get_n_results (f->window), >, 20);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, gtk_adjustment_get_lower (vadj));
  assert_rows_match (f, "s");
}

int
main (int argc, char **argv)
{
  sam_ui_test_init (&argc, &argv);
  g_test_add ("/result-list/rows-follow-search", Fixture, NULL, fixture_set_up,
              test_rows_follow_search, fixture_tear_down);
  g_test_add ("/result-list/new-search-at-top", Fixture, NULL, fixture_set_up,
              test_new_search_at_top, fixture_tear_down);
  return g_test_run ();
}
