/* test-narrow.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every view on a phone-sized window, 360 × 640: the list, an actor's
 * page, the walk-through, the escalation paths, the editors and the
 * preferences. What one needs at once must be inside the window: the Call
 * and Copy buttons, the actor's name and "Part of …".
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sam-actor-editor.h"
#include "sam-actor-page.h"
#include "sam-actor-row.h"
#include "sam-default-register.h"
#include "sam-path-editor.h"
#include "sam-paths-window.h"
#include "sam-preferences-window.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"
#include "sam-walk-page.h"
#include "sam-window.h"

#define NARROW_WIDTH 360
#define NARROW_HEIGHT 640

typedef SamUiTestWindow Fixture;

/* Makes @window NARROW_WIDTH × NARROW_HEIGHT and draws it. Its default
 * size counts the client-side shadow: asked for once, the difference is
 * the shadow, asked for again. A window that cannot be so narrow stays
 * wider, and the test fails naming the size it waited for. */
static void
resize (GtkWidget *window)
{
  int dx, dy;

  gtk_window_set_default_size (GTK_WINDOW (window), NARROW_WIDTH, NARROW_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  sam_ui_test_wait_frames (window, 2);
  dx = MAX (NARROW_WIDTH - gtk_widget_get_width (window), 0);
  dy = MAX (NARROW_HEIGHT - gtk_widget_get_height (window), 0);
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW_WIDTH + dx, NARROW_HEIGHT + dy);
  sam_ui_test_wait_for_size (window, NARROW_WIDTH, NARROW_HEIGHT);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_open (f);
  resize (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_close (f);
}

static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_of_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_of_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
save (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("SAMVERKAN_NARROW_DIR");
  g_autofree char *file = NULL;

  if (dir == NULL)
    return;
  file = g_strdup_printf ("%s/%s.png", dir, name);
  sam_ui_test_save_png (widget, file);
}

/* Every button of @action (actor.copy-route, actor.open-route) under
 * @widget. */
static void
collect_buttons (GtkWidget *widget, const char *action, GPtrArray *out)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      gtk_widget_is_drawable (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_buttons (c, action, out);
}

/* @widget lies inside its window, left to right; with @whole, top to
 * bottom too. */
static void
assert_inside_window (GtkWidget *widget, gboolean whole)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  /* the window kept the width it was given */
  g_assert_cmpint (gtk_widget_get_width (window), ==, NARROW_WIDTH);
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) ||
      (whole && (bounds.origin.y < 0 ||
                 bounds.origin.y + bounds.size.height > gtk_widget_get_height (window))))
    g_error ("%s at %g,%g %gx%g is outside the window of %d x %d", G_OBJECT_TYPE_NAME (widget),
             bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
             gtk_widget_get_width (window), gtk_widget_get_height (window));
}

/* The Call and Copy buttons of every contact route shown under @page, the
 * first route's whole on screen; returns how many routes. */
static guint
assert_route_buttons_inside (GtkWidget *page, gboolean expect_call)
{
  g_autoptr(GPtrArray) copy = g_ptr_array_new ();
  g_autoptr(GPtrArray) call = g_ptr_array_new ();

  collect_buttons (page, "actor.copy-route", copy);
  collect_buttons (page, "actor.open-route", call);
  g_assert_cmpuint (copy->len, >, 0);
  if (expect_call)
    g_assert_cmpuint (call->len, >, 0);
  for (guint i = 0; i < copy->len; i++)
    assert_inside_window (g_ptr_array_index (copy, i), i == 0);
  for (guint i = 0; i < call->len; i++)
    assert_inside_window (g_ptr_array_index (call, i), i == 0);
  return copy->len;
}

static void
test_list (Fixture *f, gconstpointer data)
{
  sam_ui_test_wait_for (sam_window_get_n_results (f->window) > 0);
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
  save (GTK_WIDGET (f->window), "list");
  assert_inside_window (GTK_WIDGET (sam_window_get_search_entry (f->window)), TRUE);
}

/* A unit whose office is closed at night, reached through 114 14, which
 * never closes: its row gives the state of the number it shows. */
static void
test_row_state_of_number (Fixture *f, gconstpointer data)
{
  SamActorRow *row = g_object_ref_sink (sam_actor_row_new ());
  g_autoptr(SamActor) unit = sam_store_load_actor (f->store, "polisen-region-nord-mh", NULL);
  g_autoptr(GDateTime) now = sam_now_local ();

  sam_actor_row_bind (row, unit, now, FALSE);
  g_assert_nonnull (find_label (GTK_WIDGET (row), "114 14"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), _("Always open")));
  g_assert_null (find_label (GTK_WIDGET (row), _("Closed")));
  g_object_unref (row);
}

static void
test_actor_page (Fixture *f, gconstpointer data)
{
  GtkWidget *page;

  sam_window_show_actor (f->window, "umea-socialjour");
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  save (GTK_WIDGET (f->window), "actor");
  page = find_of_type (GTK_WIDGET (f->window), SAM_TYPE_ACTOR_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpuint (assert_route_buttons_inside (page, TRUE), ==, 3);
  /* its name and the organisation it is part of */
  {
    g_autoptr(SamActor) actor = sam_store_load_actor (f->store, "umea-socialjour", NULL);
    g_autoptr(SamActor) parent = sam_store_load_actor (f->store, "umea-kommun", NULL);
    g_autofree char *part_of = g_strdup_printf (_("Part of %s"), sam_actor_get_display_name (parent));

    assert_inside_window (find_label (page, sam_actor_get_display_name (actor)), TRUE);
    assert_inside_window (find_label (page, part_of), TRUE);
  }
}

static void
test_walk (Fixture *f, gconstpointer data)
{
  SamWalk *walk;
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.suspect-trafficking", NULL);
  page = GTK_WIDGET (sam_window_get_walk_page (f->window));
  walk = sam_walk_page_get_walk (SAM_WALK_PAGE (page));
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
  save (GTK_WIDGET (f->window), "walk-question");
  /* on to the first step that names whom to call */
  while (sam_walk_get_step (walk) &&
         sam_escalation_step_get_kind (sam_walk_get_step (walk)) != SAM_STEP_KIND_ACTION)
    g_assert_true (sam_escalation_step_get_kind (sam_walk_get_step (walk)) == SAM_STEP_KIND_QUESTION
                   ? sam_walk_answer (walk, 0) : sam_walk_go_on (walk));
  g_assert_nonnull (sam_walk_get_step (walk));
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  save (GTK_WIDGET (f->window), "walk-action");
  assert_route_buttons_inside (page, TRUE);
}

static void
test_paths (Fixture *f, gconstpointer data)
{
  SamPathsWindow *paths = sam_paths_window_new (GTK_WINDOW (f->window), f->store);
  SamPathEditor *editor;

  resize (GTK_WIDGET (paths));
  save (GTK_WIDGET (paths), "paths");
  editor = sam_paths_window_edit (paths, "trafficking-adult");
  resize (GTK_WIDGET (editor));
  save (GTK_WIDGET (editor), "path-editor");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (editor)), ==, GTK_ACCESSIBLE_ROLE_DIALOG);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (paths)), ==, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (paths));
}

static void
test_actor_editor (Fixture *f, gconstpointer data)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (f->store, "umea-socialjour", NULL);
  SamActorEditor *editor = sam_actor_editor_new (GTK_WINDOW (f->window), f->store, actor, NULL);

  resize (GTK_WIDGET (editor));
  save (GTK_WIDGET (editor), "actor-editor");
  /* a dialog to a screen reader, not "filler" */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (editor)), ==, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_preferences (Fixture *f, gconstpointer data)
{
  GtkWindow *prefs = sam_preferences_window_new (GTK_WINDOW (f->window));

  resize (GTK_WIDGET (prefs));
  save (GTK_WIDGET (prefs), "preferences");
  gtk_window_destroy (prefs);
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
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T22:15:00+01:00", TRUE);
  sam_ui_test_init (&argc, &argv);
  g_test_add ("/narrow/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/narrow/row-state-of-number", Fixture, NULL, fixture_set_up, test_row_state_of_number,
              fixture_tear_down);
  g_test_add ("/narrow/actor-page", Fixture, NULL, fixture_set_up, test_actor_page, fixture_tear_down);
  g_test_add ("/narrow/walk", Fixture, NULL, fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/narrow/paths", Fixture, NULL, fixture_set_up, test_paths, fixture_tear_down);
  g_test_add ("/narrow/actor-editor", Fixture, NULL, fixture_set_up, test_actor_editor, fixture_tear_down);
  g_test_add ("/narrow/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  return g_test_run ();
}
