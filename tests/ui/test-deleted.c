/* test-deleted.c
 *
 * Deleting as a social worker meets it: an actor that escalation paths use
 * is deleted only after a question naming the paths, one no path uses at
 * once with Undo; Ctrl+Z (a real key press) brings the last one back, also
 * once its toast is gone; Recently Deleted lists it with when and by whom
 * and restores it; and a walk step whose actor was deleted says so in red
 * and offers its fallbacks and 112. The shortcuts window lists Ctrl+Z.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "sam-deleted-window.h"
#include "sam-store-deleted.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"
#include "sam-window.h"
#include "sam-window-private.h"

typedef SamUiTestWindow Fixture;

static guint keys_seen;

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, gpointer data)
{
  if (keyval != GDK_KEY_Control_L && keyval != GDK_KEY_Control_R)
    keys_seen++;
  return GDK_EVENT_PROPAGATE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  sam_store_set_user (f->store, "Anna Berg");
  f->window = sam_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (f->window), keys);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_close (f);
}

static gboolean
is_live (Fixture *f, const char *id)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (f->store, id, NULL);

  return actor != NULL;
}

/* The toplevel of @type transient for the main window, or NULL. */
static GtkWindow *
find_dialog (Fixture *f, GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (f->window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* A path's title in the language of the user interface. */
static const char *
path_title (Fixture *f, const char *id)
{
  g_autoptr(SamEscalationPath) path = sam_store_load_path (f->store, id, NULL);
  static char *title;

  g_free (title);
  title = g_strdup (sam_text_get_best (sam_escalation_path_get_title (path), sam_lang_from_locale (), NULL));
  return title;
}

static void
delete_shown (Fixture *f, const char *id)
{
  sam_window_show_actor (f->window, id);
  g_assert_cmpstr (sam_actor_get_id (sam_window_get_shown_actor (f->window)), ==, id);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-actor", NULL);
}

static void
test_ask_when_used (Fixture *f, gconstpointer data)
{
  g_autoptr(SamActor) gone = NULL;
  AdwMessageDialog *dialog;

  delete_shown (f, "regionkoordinator-nord");
  dialog = ADW_MESSAGE_DIALOG (find_dialog (f, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  /* nothing deleted yet; the question names the actor and the paths */
  g_assert_true (is_live (f, "regionkoordinator-nord"));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Nord"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path_title (f, "trafficking-adult")));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path_title (f, "trafficking-child")));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  sam_ui_test_shoot (GTK_WIDGET (dialog), "delete-question");
  /* as a click on Cancel does: the response, then the dialog closes */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (is_live (f, "regionkoordinator-nord"));
  gone = sam_store_load_actor (f->store, "regionkoordinator-nord", NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-actor", NULL);
  dialog = ADW_MESSAGE_DIALOG (find_dialog (f, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (is_live (f, "regionkoordinator-nord"));
  /* the question named the paths; the one-line toast only says they miss it */
  {
    g_autofree char *expected = g_strdup_printf (_("“%s” deleted; its paths say the contact is missing"),
                                                 sam_actor_get_display_name (gone));

    g_assert_cmpstr (sam_window_get_delete_message (f->window), ==, expected);
  }
}

/* Xdotool's @keys to the window, once it has the X server's focus. */
static void
press_key (Fixture *f, const char *keys)
{
  const char *focus[] = { "xdotool", "search", "--sync", "--name", "^Samverkan$", "windowfocus", "--sync", NULL };
  const char *key[] = { "xdotool", "key", keys, NULL };
  g_autoptr(GError) error = NULL;
  guint expected = keys_seen + 1;

  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_true (g_spawn_sync (NULL, (char **) focus, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               NULL, &error));
  g_assert_no_error (error);
  sam_ui_test_wait_for (gtk_window_is_active (GTK_WINDOW (f->window)));
  /* the list has the focus, not a text field with an undo of its own */
  gtk_widget_grab_focus (GTK_WIDGET (f->window->actor_list));
  g_assert_true (g_spawn_sync (NULL, (char **) key, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               NULL, &error));
  g_assert_no_error (error);
  sam_ui_test_wait_for (keys_seen >= expected);
  sam_ui_test_wait_events_handled ();
}

static void
press_ctrl_z (Fixture *f)
{
  press_key (f, "ctrl+z");
}

static void
test_no_question_and_ctrl_z (Fixture *f, gconstpointer data)
{
  /* no path uses them: gone at once, no question */
  delete_shown (f, "terrafem");
  g_assert_null (find_dialog (f, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (is_live (f, "terrafem"));
  delete_shown (f, "brottsofferjouren");
  g_assert_false (is_live (f, "brottsofferjouren"));
  /* the toasts go; Ctrl+Z still undoes, the last first */
  adw_toast_overlay_add_toast (f->window->toast_overlay, adw_toast_new ("something else"));
  press_ctrl_z (f);
  g_assert_true (is_live (f, "brottsofferjouren"));
  g_assert_false (is_live (f, "terrafem"));
  g_assert_cmpstr (sam_actor_get_id (sam_window_get_shown_actor (f->window)), ==, "brottsofferjouren");
  press_ctrl_z (f);
  g_assert_true (is_live (f, "terrafem"));
  /* nothing left to undo: nothing happens but a notice */
  press_ctrl_z (f);
  g_assert_true (is_live (f, "terrafem"));
}

/* The Delete key deletes the actor shown, not one hidden behind a walk. */
static void
test_delete_key (Fixture *f, gconstpointer data)
{
  sam_window_show_actor (f->window, "terrafem");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.suspect-trafficking", NULL);
  press_key (f, "Delete");
  g_assert_true (is_live (f, "terrafem"));

  sam_window_show_actor (f->window, "terrafem");
  press_key (f, "Delete");
  g_assert_false (is_live (f, "terrafem"));
}

/* The shortcuts window lists Ctrl+Z for undoing a delete. */
static void
test_shortcuts_window (Fixture *f, gconstpointer data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/samverkan/Samverkan/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  gboolean listed = FALSE;

  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accel = NULL;
        g_autofree char *title = NULL;

        g_object_get (l->data, "accelerator", &accel, "title", &title, NULL);
        listed |= g_strcmp0 (accel, "<Control>z") == 0 && title != NULL && *title;
      }
  g_assert_true (listed);
}

static void
test_recently_deleted (Fixture *f, gconstpointer data)
{
  SamDeletedWindow *deleted;
  GtkWidget *row, *button;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-deleted", NULL);
  deleted = SAM_DELETED_WINDOW (find_dialog (f, SAM_TYPE_DELETED_WINDOW));
  g_assert_nonnull (deleted);
  g_assert_true (sam_deleted_window_is_empty (deleted));
  sam_ui_test_shoot (GTK_WIDGET (deleted), "recently-deleted-empty");

  delete_shown (f, "terrafem");
  /* the open window follows the register */
  g_assert_false (sam_deleted_window_is_empty (deleted));
  row = sam_deleted_window_find_row (deleted, "terrafem");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Terrafem");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Anna Berg"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2026"));
  sam_ui_test_shoot (GTK_WIDGET (deleted), "recently-deleted");

  button = g_object_get_data (G_OBJECT (row), "restore-button");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (is_live (f, "terrafem"));
  g_assert_null (sam_deleted_window_find_row (deleted, "terrafem"));
  g_assert_true (sam_deleted_window_is_empty (deleted));
  gtk_window_destroy (GTK_WINDOW (deleted));
}

/* A window that opens the register purges what was deleted longer ago than
 * Preferences keep it, and only that. */
static void
test_purge_on_open (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) left = NULL;
  SamWindow *second;

  delete_shown (f, "terrafem");
  g_setenv ("SAMVERKAN_NOW", "2026-12-01T12:00:00+01:00", TRUE);
  delete_shown (f, "brottsofferjouren");
  g_settings_set_uint (settings, "deleted-retention-days", 3);
  /* 3 Dec: terrafem was deleted 8 days ago, brottsofferjouren 2 */
  g_setenv ("SAMVERKAN_NOW", "2026-12-03T12:00:00+01:00", TRUE);
  second = sam_window_new (NULL, f->store);
  left = sam_store_list_deleted (f->store, NULL);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpstr (((SamDeletedRecord *) g_ptr_array_index (left, 0))->id, ==, "brottsofferjouren");
  gtk_window_destroy (GTK_WINDOW (second));
  g_settings_reset (settings, "deleted-retention-days");
}

static GtkWidget *
find_css (GtkWidget *widget, const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_css (child, css_class);

      if (found)
        return found;
    }
  return NULL;
}

static void
collect_labels (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static void
delete_in_store (Fixture *f, const char *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_delete_actor (f->store, id, -1, &error));
  g_assert_no_error (error);
}

/* Not in danger, an adult, the note, consent: the step that calls the
 * regional coordinator; @further steps on from there (2: safe housing). */
static SamWalkPage *
walk_to_coordinator (Fixture *f, guint further)
{
  SamWalk *walk;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.suspect-trafficking", NULL);
  g_assert_nonnull (f->window->walk_page);
  walk = sam_walk_page_get_walk (f->window->walk_page);
  g_assert_true (sam_walk_answer (walk, 1));
  g_assert_true (sam_walk_answer (walk, 1));
  g_assert_true (sam_walk_go_on (walk));
  g_assert_true (sam_walk_answer (walk, 0));
  for (guint i = 0; i < further; i++)
    g_assert_true (sam_walk_go_on (walk));
  return f->window->walk_page;
}

static void
test_walk_missing (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SamActor) actor = sam_store_load_actor (f->store, "plattformen-nsp", NULL);
  g_autofree char *deleted_name = g_strdup (sam_actor_get_display_name (actor));
  GtkWidget *missing;
  SamWalkPage *page;

  delete_in_store (f, "plattformen-nsp");
  page = walk_to_coordinator (f, 2);
  g_assert_cmpstr (sam_escalation_step_get_id (sam_walk_get_step (sam_walk_page_get_walk (page))), ==,
                   "trafficking-adult-s11");
  missing = find_css (GTK_WIDGET (page), "walk-missing");
  g_assert_nonnull (missing);
  g_assert_true (gtk_widget_is_visible (missing));
  g_assert_true (gtk_widget_has_css_class (missing, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (missing)), deleted_name));
  collect_labels (GTK_WIDGET (page), text);
  /* 112 is offered */
  g_assert_nonnull (strstr (text->str, "\n112\n"));
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  sam_ui_test_shoot (GTK_WIDGET (f->window), "walk-missing-contact");
}

/* A step with fallbacks offers them and 112 when its own actor is gone. */
static void
test_walk_missing_fallbacks (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *missing;
  SamWalkPage *page;

  delete_in_store (f, "regionkoordinator-nord");
  page = walk_to_coordinator (f, 0);
  missing = find_css (GTK_WIDGET (page), "walk-missing");
  g_assert_true (gtk_widget_is_visible (missing));
  collect_labels (GTK_WIDGET (page), text);
  g_assert_nonnull (strstr (text->str, "090-16 33 95"));   /* on-call social services */
  g_assert_nonnull (strstr (text->str, "114 14"));         /* the police */
  g_assert_nonnull (strstr (text->str, "\n112\n"));

  /* restored: no red line */
  g_assert_true (sam_store_restore_record (f->store, "regionkoordinator-nord", NULL));
  sam_walk_page_refresh (page);
  g_assert_false (gtk_widget_is_visible (missing));
}

int
main (int argc, char **argv)
{
  sam_ui_test_init (&argc, &argv);
  sam_ui_test_use_translations ();
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/deleted/ask-when-used", test_ask_when_used);
  ADD ("/deleted/no-question-and-ctrl-z", test_no_question_and_ctrl_z);
  ADD ("/deleted/delete-key", test_delete_key);
  ADD ("/deleted/shortcuts-window", test_shortcuts_window);
  ADD ("/deleted/recently-deleted", test_recently_deleted);
  ADD ("/deleted/purge-on-open", test_purge_on_open);
  ADD ("/deleted/walk-missing", test_walk_missing);
  ADD ("/deleted/walk-missing-fallbacks", test_walk_missing_fallbacks);
  return g_test_run ();
}
