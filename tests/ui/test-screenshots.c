/* test-screenshots.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the main states of the window to PNG: the list, an actor's page,
 * the editor showing an error, the walk-through (a question, an action with
 * whom to call at night, and the same on a narrow window), the review list,
 * the escalation paths (one naming a deleted actor) and the path editor
 * showing a problem, wide and narrow, the number shown where nothing can
 * call; the window 1280 × 800 and, for the list, an actor and the walk,
 * 360 px wide as on a phone; in English and in Swedish. With
 * $SAMVERKAN_SCREENSHOT_DIR set the files go there (that is
 * how data/screenshots/ is made); without it, to a temporary folder, so the
 * suite checks that every state draws.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sam-actor-editor.h"
#include "sam-call.h"
#include "sam-default-register.h"
#include "sam-paths-window.h"
#include "sam-step-editor-row.h"
#include "sam-ui-test-util.h"
#include "sam-window.h"

static GtkEditable *
find_editable_with_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_EDITABLE (widget) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0)
    return GTK_EDITABLE (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkEditable *found = find_editable_with_text (c, text);
      if (found)
        return found;
    }
  return NULL;
}

/* The paths, after an actor one of them names was deleted, and the editor
 * of another with an answer that leads nowhere. */
static void
shoot_paths (SamWindow *window, SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SamPathsWindow *paths;
  SamPathEditor *editor;
  SamStepEditorRow *row;

  g_assert_true (sam_store_delete_actor (store, "barnahus-vasterbotten", -1, &error));
  g_assert_no_error (error);
  paths = sam_paths_window_new (GTK_WINDOW (window), store);
  gtk_window_present (GTK_WINDOW (paths));
  sam_ui_test_wait_frames (GTK_WIDGET (paths), 1);
  sam_ui_test_shoot (GTK_WIDGET (paths), "paths");

  editor = sam_paths_window_edit (paths, "trafficking-adult");
  gtk_window_set_default_size (GTK_WINDOW (editor), 1280, 800);
  sam_ui_test_wait_for (gtk_widget_get_width (GTK_WIDGET (editor)) > 1200);
  rows = sam_path_editor_list_rows (editor);
  row = g_ptr_array_index (rows, 4);
  sam_step_editor_row_set_expanded (row, TRUE);
  sam_ui_test_wait_for (sam_step_editor_row_get_expanded (row));
  gtk_drop_down_set_selected (sam_step_editor_row_get_answer_dropdown (row, 1), 0);
  g_assert_cmpuint (sam_path_editor_get_problems (editor)->len, >, 0);
  /* a step whose English text is missing shows the hint */
  gtk_editable_set_text (sam_text_pair_get_entry (sam_step_editor_row_get_text_pair (g_ptr_array_index (rows, 3)),
                                                  SAM_LANG_EN), "");
  gtk_widget_grab_focus (GTK_WIDGET (sam_step_editor_row_get_answer_dropdown (row, 1)));
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 1);
  sam_ui_test_shoot (GTK_WIDGET (editor), "path-editor-error");
  /* an action: actor and route, urgency, legal reference, fallbacks */
  sam_step_editor_row_set_expanded (g_ptr_array_index (rows, 6), TRUE);
  sam_ui_test_wait_for (sam_step_editor_row_get_expanded (g_ptr_array_index (rows, 6)));
  gtk_widget_grab_focus (GTK_WIDGET (sam_step_editor_row_get_next_dropdown (g_ptr_array_index (rows, 6))));
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 1);
  sam_ui_test_shoot (GTK_WIDGET (editor), "path-editor-action");
  gtk_window_set_default_size (GTK_WINDOW (editor), 600, 800);
  sam_ui_test_wait_for (gtk_widget_get_width (GTK_WIDGET (editor)) < 1280);
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 1);
  sam_ui_test_shoot (GTK_WIDGET (editor), "path-editor-narrow");
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (paths));
}

/* The window as on a phone, 360 px wide. */
static void
shoot_narrow (SamWindow *window, const char *name)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  sam_ui_test_wait_for (gtk_widget_get_width (GTK_WIDGET (window)) <= 370);
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  sam_ui_test_shoot (GTK_WIDGET (window), name);
}

static gboolean
can_call (void)
{
  return TRUE;
}

/* With no phone program: the number in large digits, to dial on a desk
 * phone. */
static void
shoot_show_number (SamWindow *window)
{
  SamActor *actor = sam_window_get_shown_actor (window);
  AdwMessageDialog *dialog = sam_call_show_number (GTK_WIDGET (window), "090-16 33 90",
                                                   sam_actor_get_display_name (actor));

  sam_ui_test_wait_frames (GTK_WIDGET (dialog), 1);
  sam_ui_test_shoot (GTK_WIDGET (dialog), "show-number");
  adw_message_dialog_response (dialog, "close");
}

static void
test_screenshots (void)
{
  g_autofree char *dir = g_dir_make_tmp ("samverkan-shots-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "register.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);
  SamWindow *window;
  SamActorEditor *editor;
  GtkEditable *phone;
  SamWalk *walk;

  /* the register goes when the test ends, after the store is closed */
  sam_ui_test_remove_at_exit (dir);
  g_assert_no_error (error);
  g_assert_true (sam_load_sample_register (store, &error));
  window = sam_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sam_ui_test_wait_for (sam_window_get_n_results (window) > 0);
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  sam_ui_test_shoot (GTK_WIDGET (window), "list");

  sam_window_show_actor (window, "umea-socialjour");
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  sam_ui_test_shoot (GTK_WIDGET (window), "actor");
  shoot_show_number (window);
  shoot_narrow (window, "actor-narrow");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  sam_ui_test_shoot (GTK_WIDGET (window), "list-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  sam_ui_test_wait_for (gtk_widget_get_width (GTK_WIDGET (window)) > 1200);
  sam_window_show_actor (window, "umea-socialjour");

  editor = sam_actor_editor_new (GTK_WINDOW (window), store, sam_window_get_shown_actor (window), NULL);
  gtk_window_present (GTK_WINDOW (editor));
  sam_ui_test_wait_for_width (GTK_WIDGET (editor), 100);
  phone = find_editable_with_text (GTK_WIDGET (editor), "090-16 33 90");
  g_assert_nonnull (phone);
  gtk_editable_set_text (phone, "090-12");
  g_assert_false (sam_actor_editor_save (editor));
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 1);
  sam_ui_test_shoot (GTK_WIDGET (editor), "editor-error");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* the walk-through at night: a question, then an action whose office is
   * closed, so the socialjour comes first */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suspect-trafficking", NULL);
  g_assert_true (sam_window_is_showing_walk (window));
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  sam_ui_test_shoot (GTK_WIDGET (window), "walk-question");
  walk = sam_walk_page_get_walk (sam_window_get_walk_page (window));
  g_assert_true (sam_walk_answer (walk, 1));      /* no immediate danger */
  g_assert_true (sam_walk_answer (walk, 1));      /* an adult */
  g_assert_true (sam_walk_go_on (walk));          /* speak alone, with an interpreter */
  g_assert_true (sam_walk_answer (walk, 0));      /* consent */
  g_assert_cmpstr (sam_escalation_step_get_id (sam_walk_get_step (walk)), ==, "trafficking-adult-s7");
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  sam_ui_test_shoot (GTK_WIDGET (window), "walk-action");
  shoot_narrow (window, "walk-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_false (sam_window_is_showing_walk (window));
  sam_ui_test_wait_for (gtk_widget_get_width (GTK_WIDGET (window)) > 1200);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", NULL);
  g_assert_true (sam_window_is_showing_review (window));
  sam_window_show_actor (window, "iom");
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);
  sam_ui_test_shoot (GTK_WIDGET (window), "review");
  shoot_paths (window, store);
  gtk_window_destroy (GTK_WINDOW (window));
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
  /* as on a desktop with a phone program: the rows offer Call */
  sam_call_set_handler_check (can_call);
  g_test_add_func ("/screenshots/main-states", test_screenshots);
  return g_test_run ();
}
