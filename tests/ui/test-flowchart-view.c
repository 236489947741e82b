/* test-flowchart-view.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flowchart on screen: in a scrolled window it asks for the height its
 * width needs (more when narrower), follows the width it gets, marks the
 * current step, and draws in light and dark. With
 * SAMVERKAN_FLOWCHART_PNG_DIR set it writes what it drew there.
 */
#include "config.h"

#include <adwaita.h>

#include "sam-flowchart-view.h"
#include "sam-ui-test-util.h"
#include "../sam-test-util.h"

static void
wait_for_width (GtkWidget *widget, int width)
{
  sam_ui_test_wait_for (gtk_widget_get_width (widget) == width);
  sam_ui_test_wait_frames (widget, 1);
}

static void
save_png (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("SAMVERKAN_FLOWCHART_PNG_DIR");
  g_autoptr(GdkTexture) texture = sam_ui_test_render (widget);
  g_autofree char *path = NULL;

  if (dir && *dir)
    {
      g_mkdir_with_parents (dir, 0755);
      path = g_strdup_printf ("%s/view-%s.png", dir, name);
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("wrote %s", path);
    }
}

static void
test_view (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(SamStore) store = sam_test_open_store (dir, "register.sqlite", TRUE);
  g_autoptr(SamEscalationPath) path = sam_store_load_path (store, "trafficking-adult", NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = sam_flowchart_view_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  graphene_rect_t current, other;
  int narrow, wide, unused;

  g_assert_nonnull (path);
  gtk_widget_set_margin_start (view, 12);
  gtk_widget_set_margin_end (view, 12);
  gtk_box_append (GTK_BOX (box), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);

  /* nothing to draw yet */
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 500, &narrow, &unused, NULL, NULL);
  g_assert_cmpint (narrow, ==, 0);

  sam_flowchart_view_set_path (SAM_FLOWCHART_VIEW (view), path, store, SAM_LANG_SV);
  sam_flowchart_view_set_current (SAM_FLOWCHART_VIEW (view), "trafficking-adult-s5");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 360, &narrow, &unused, NULL, NULL);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 900, &wide, &unused, NULL, NULL);
  g_test_message ("height at 360: %d, at 900: %d", narrow, wide);
  g_assert_cmpint (wide, >, 200);
  g_assert_cmpint (narrow, >=, wide);

  gtk_window_set_default_size (GTK_WINDOW (window), 760, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_width (view, 736);
  g_assert_cmpint (gtk_widget_get_width (view), ==, 736);
  g_assert_true (sam_flowchart_view_get_step_bounds (SAM_FLOWCHART_VIEW (view), "trafficking-adult-s5", &current));
  g_assert_true (sam_flowchart_view_get_step_bounds (SAM_FLOWCHART_VIEW (view), "trafficking-adult-s1", &other));
  g_assert_false (sam_flowchart_view_get_step_bounds (SAM_FLOWCHART_VIEW (view), "no-such-step", &other));
  g_assert_cmpfloat (current.origin.y, >, other.origin.y);
  g_assert_cmpfloat (current.origin.x + current.size.width, <=, 736);
  /* the whole chart is in the scrolled window's content */
  g_assert_cmpint (gtk_widget_get_height (view), >=, (int) (current.origin.y + current.size.height));
  save_png (window, "light");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sam_ui_test_wait_for (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  sam_ui_test_wait_frames (window, 1);
  save_png (window, "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* narrower: laid out again, taller */
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
  wait_for_width (view, 396);
  g_assert_cmpint (gtk_widget_get_width (view), ==, 396);
  g_assert_true (sam_flowchart_view_get_step_bounds (SAM_FLOWCHART_VIEW (view), "trafficking-adult-s5", &current));
  g_assert_cmpfloat (current.origin.x + current.size.width, <=, 396);
  save_png (window, "narrow");

  sam_flowchart_view_set_path (SAM_FLOWCHART_VIEW (view), NULL, NULL, SAM_LANG_SV);
  g_assert_false (sam_flowchart_view_get_step_bounds (SAM_FLOWCHART_VIEW (view), "trafficking-adult-s5", &current));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  sam_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  sam_ui_test_init (&argc, &argv);
  g_test_add_func ("/flowchart-view/sizes-and-colours", test_view);
  return g_test_run ();
}
