/* test-keyboard.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window by keyboard alone, with real key presses (xdotool):
 * Enter in the search puts the keyboard on the first result's first Copy
 * or Call button, Down goes to the first result, Tab passes the results in
 * one step; the shortcuts window lists what is bound and the walk's
 * mnemonics say what it says, in English and in Swedish.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sam-actor-editor.h"
#include "sam-actor-page.h"
#include "sam-route-editor-row.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"
#include "sam-unsaved.h"
#include "sam-walk-page.h"
#include "sam-window.h"
#include "sam-window-private.h"

typedef SamUiTestWindow Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_open (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  sam_ui_test_watch_keys (GTK_WIDGET (f->window));
  sam_ui_test_focus_window (GTK_WIDGET (f->window), _("Samverkan"));
  sam_ui_test_wait_for (sam_window_get_n_results (f->window) > 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_close (f);
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

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_window_get_focus (GTK_WINDOW (f->window));
}

/* Searched for the text asked for: replacing the text empties the entry
 * first, and an empty entry searches at once. */
static void
search_changed_cb (GtkSearchEntry *entry, gboolean *searched)
{
  const char *wanted = g_object_get_data (G_OBJECT (entry), "wanted");

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), wanted) == 0)
    *searched = TRUE;
}

/* Ctrl+F, then @text in the search, searched (the entry waits a moment
 * after the last change before it searches). */
static void
search (Fixture *f, const char *text)
{
  GtkEditable *entry = sam_window_get_search_entry (f->window);
  gboolean searched = FALSE;
  gulong id = g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &searched);

  sam_ui_test_press ("ctrl+f");
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), GTK_WIDGET (entry)));
  g_object_set_data_full (G_OBJECT (entry), "wanted", g_strdup (text), g_free);
  gtk_editable_set_text (entry, text);
  /* (an empty search is the one the window starts with) */
  if (*text != '\0')
    sam_ui_test_wait_for (searched);
  g_signal_handler_disconnect (entry, id);
  g_assert_cmpuint (sam_window_get_n_results (f->window), >, 0);
}

/* Enter, three times over: the first result's page, the keyboard on the
 * Copy button of its first route, never on its description. */
static void
test_enter_focuses_first_route (Fixture *f, gconstpointer data)
{
  const char *searches[] = { "socialjour", "polis", "kvinnofrid" };

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(SamActor) first = NULL;
      GtkWidget *focus;
      SamContactRoute *route;

      search (f, searches[i]);
      /* the result as the page loads it: a result holds only what its row shows */
      first = sam_store_load_actor (f->store, sam_actor_get_id (sam_window_get_result (f->window, 0)), NULL);
      route = g_ptr_array_index (sam_actor_get_routes (first), 0);
      sam_ui_test_press ("Return");
      sam_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
      g_assert_cmpstr (sam_actor_get_id (sam_window_get_shown_actor (f->window)), ==,
                       sam_actor_get_id (first));
      focus = focus_of (f);
      g_assert_true (GTK_IS_BUTTON (focus));
      g_assert_nonnull (gtk_widget_get_ancestor (focus, SAM_TYPE_ACTOR_PAGE));
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "actor.copy-route");
      g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus)), NULL),
                       ==, sam_contact_route_get_id (route));
    }
}

/* Down from the search: the first result; Enter there opens it. */
static void
test_down_goes_to_first_result (Fixture *f, gconstpointer data)
{
  g_autofree char *first = NULL;

  search (f, "umeå");
  first = g_strdup (sam_actor_get_id (sam_window_get_result (f->window, 0)));
  sam_ui_test_press ("Down");
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), GTK_WIDGET (f->window->actor_list)));
  sam_ui_test_press ("Return");
  g_assert_cmpstr (sam_actor_get_id (sam_window_get_shown_actor (f->window)), ==, first);
}

/* Tab from the search: the button under it, the list (one stop), then the
 * page beside it; Shift+Tab back the same way. */
static void
test_tab_passes_list (Fixture *f, gconstpointer data)
{
  GtkWidget *list = GTK_WIDGET (f->window->actor_list);

  sam_window_show_actor (f->window, "umea-socialjour");
  search (f, "");
  sam_ui_test_press ("Tab");
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), f->window->sidebar));
  g_assert_false (gtk_widget_is_ancestor (focus_of (f), list));
  sam_ui_test_press ("Tab");
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), list));
  sam_ui_test_press ("Tab");
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), f->window->content));
  sam_ui_test_press ("shift+Tab");
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), list));
  sam_ui_test_press ("shift+Tab");
  g_assert_false (gtk_widget_is_ancestor (focus_of (f), list));
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), f->window->sidebar));
}

/* Editors */

static GtkWidget *
find_entry_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_entry_row (c, title);
      if (found)
        return found;
    }
  return NULL;
}

/* Tab out of a phone number the editor refuses goes on through the
 * route's fields (the message, the next field, its Swedish label), not
 * to Cancel at the top. */
static void
test_tab_after_invalid_phone (Fixture *f, gconstpointer data)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (f->store, "umea-kommun", NULL);
  SamActorEditor *editor = sam_actor_editor_new (GTK_WINDOW (f->window), f->store, actor, NULL);
  GtkWidget *route;
  GtkWidget *phone;
  GtkWidget *label;
  GtkWidget *focus;

  gtk_window_present (GTK_WINDOW (editor));
  sam_ui_test_watch_keys (GTK_WIDGET (editor));
  sam_ui_test_focus_window (GTK_WIDGET (editor), _("Edit Actor"));
  route = find_of_type (GTK_WIDGET (editor), SAM_TYPE_ROUTE_EDITOR_ROW);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (route), TRUE);
  phone = find_entry_row (route, _("Phone"));
  label = find_entry_row (route, _("Label (Swedish)"));
  gtk_widget_grab_focus (phone);
  sam_ui_test_press ("End BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace");
  g_assert_false (sam_route_editor_row_check (SAM_ROUTE_EDITOR_ROW (route), FALSE, FALSE));
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 1);
  /* the message saying what is wrong, then the next field */
  sam_ui_test_press ("Tab");
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_true (gtk_widget_is_ancestor (focus, route));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus) && GTK_IS_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (focus))));
  sam_ui_test_press ("Tab");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), route));
  g_assert_false (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), phone));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (editor)) != focus);
  /* on through the route's fields to its Swedish label */
  for (guint i = 0; i < 4 && !gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), label); i++)
    sam_ui_test_press ("Tab");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), label));
  sam_unsaved_release (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Shortcuts */

/* The accelerators the shortcuts window lists. */
static GPtrArray *
listed_accelerators (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/samverkan/Samverkan/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  GPtrArray *accels = g_ptr_array_new_with_free_func (g_free);
  GSList *objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *accel = NULL;

        g_object_get (l->data, "accelerator", &accel, NULL);
        g_ptr_array_add (accels, accel);
      }
  g_slist_free (objects);
  gtk_window_destroy (GTK_WINDOW (overlay));
  return accels;
}

/* Whether a shortcut of @widget's own (its class's key bindings) is
 * triggered by @accel. */
static gboolean
widget_binds (GtkWidget *widget, const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return TRUE;
        }
    }
  return FALSE;
}

/* Every accelerator with Ctrl the shortcuts window lists does something:
 * the window binds it, or the application does (sam-application.c). Copy
 * the first number is Ctrl+Shift+C, and Ctrl+R is listed. */
static void
test_shortcuts_window_is_true (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) accels = listed_accelerators ();
  const char *application[] = { "<Control>q", "<Control>comma", "<Control>question" };
  /* bound by the path editor, not by the window */
  const char *elsewhere[] = { "<Control>s" };

  g_assert_true (g_ptr_array_find_with_equal_func (accels, "<Control><Shift>c", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (accels, "<Control>r", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (accels, "<Control>c", g_str_equal, NULL));
  for (guint i = 0; i < accels->len; i++)
    {
      const char *accel = g_ptr_array_index (accels, i);

      if (strstr (accel, "<Control>") == NULL ||
          g_strv_contains (application, accel) || g_strv_contains (elsewhere, accel))
        continue;
      if (!widget_binds (GTK_WIDGET (f->window), accel))
        g_error ("the shortcuts window lists %s, which the window does not bind", accel);
    }
}

/* The mnemonic of the walk's Back is the key the shortcuts window gives
 * for it, and no other button of the walk page has it: in Swedish
 * "Börja om" (restart) took Alt+B. */
static GtkWidget *
find_button_label (GtkWidget *widget, const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    {
      for (GtkWidget *c = widget; c; c = gtk_widget_get_first_child (c))
        if (GTK_IS_LABEL (c))
          return c;
      for (GtkWidget *c = gtk_widget_get_first_child (gtk_widget_get_first_child (widget)); c;
           c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_LABEL (c))
          return c;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button_label (c, action);
      if (found)
        return found;
    }
  return NULL;
}

static void
collect_mnemonics (GtkWidget *widget, GArray *keys)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      g_array_append_val (keys, key);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_mnemonics (c, keys);
}

static void
test_walk_mnemonics (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *page;
  GtkWidget *back;
  SamWalk *walk;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.suspect-trafficking", NULL);
  page = GTK_WIDGET (sam_window_get_walk_page (f->window));
  walk = sam_walk_page_get_walk (SAM_WALK_PAGE (page));
  g_assert_true (sam_walk_answer (walk, 1));
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
  back = find_button_label (page, "walk.back");
  g_assert_nonnull (back);
  /* the shortcuts window says Alt+B */
  g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (back))), ==, GDK_KEY_b);
  collect_mnemonics (GTK_WIDGET (f->window), keys);
  for (guint i = 0; i < keys->len; i++)
    for (guint j = i + 1; j < keys->len; j++)
      if (g_array_index (keys, guint, i) == g_array_index (keys, guint, j))
        g_error ("two buttons of the walk have the mnemonic Alt+%s",
                 gdk_keyval_name (g_array_index (keys, guint, i)));
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return 0;
    }
  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_print ("1..0 # SKIP xdotool is not installed\n");
      return 0;
    }
  sam_ui_test_use_translations ();
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  sam_ui_test_init (&argc, &argv);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/keyboard/enter-focuses-first-route", test_enter_focuses_first_route);
  ADD ("/keyboard/down-goes-to-first-result", test_down_goes_to_first_result);
  ADD ("/keyboard/tab-passes-list", test_tab_passes_list);
  ADD ("/keyboard/tab-after-invalid-phone", test_tab_after_invalid_phone);
  ADD ("/keyboard/shortcuts-window", test_shortcuts_window_is_true);
  ADD ("/keyboard/walk-mnemonics", test_walk_mnemonics);
  return g_test_run ();
}
