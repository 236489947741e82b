/* test-actor-editor-routes.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contact routes in the actor editor, against a register filled with
 * the sample: routes added to a new actor, moved, removed, and removed
 * while an escalation path names them.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "sam-actor-editor.h"
#include "sam-route-editor-row.h"
#include "sam-test-actor-editor.h"

static GtkButton *
find_button (GtkWidget *widget, const char *label)
{
  if (ADW_IS_BUTTON_CONTENT (widget) &&
      g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)), label) == 0)
    return GTK_BUTTON (gtk_widget_get_parent (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_new_actor (SamTestActorEditor *f, gconstpointer data)
{
  SamActorEditor *editor = sam_test_actor_editor_open (f, NULL);
  g_autoptr(SamActor) saved = NULL;
  g_autoptr(SamActor) stored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkButton *add = find_button (GTK_WIDGET (editor), "_Add Contact Route");
  gpointer area_entry = sam_test_actor_editor_find_row (editor, ADW_TYPE_ENTRY_ROW,
                                                        "Add municipality or county");
  GPtrArray *areas;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (sam_test_actor_editor_saved_cb), &saved);

  /* nothing typed: the names and the areas are wrong */
  g_assert_false (sam_actor_editor_save (editor));
  {
    g_autofree char *errors = sam_test_actor_editor_dup_errors (editor);
    g_assert_nonnull (strstr (errors, "Name (Swedish)"));
    g_assert_nonnull (strstr (errors, "Areas"));
    g_assert_true (sam_test_actor_editor_has_focus_in (editor,
                                                       sam_test_actor_editor_find_row (editor, ADW_TYPE_ENTRY_ROW,
                                                                                       "Name (Swedish)")));
  }

  sam_test_actor_editor_type_into (editor, "Name (Swedish)", "Testjouren i Umeå");
  sam_test_actor_editor_type_into (editor, "Name (English)", "Test helpline in Umeå");
  /* areas by name, case and accents aside, and by code */
  sam_test_actor_editor_type_into (editor, "Add municipality or county", "umea, 24");
  g_signal_emit_by_name (area_entry, "entry-activated");
  /* and by picking a suggestion */
  sam_test_actor_editor_type_into (editor, "Add municipality or county", "skellef");
  gtk_widget_activate (sam_test_actor_editor_find_row (editor, ADW_TYPE_ACTION_ROW, "Skellefteå"));
  g_assert_cmpstr (gtk_editable_get_text (area_entry), ==, "");

  g_signal_emit_by_name (add, "clicked");
  g_signal_emit_by_name (add, "clicked");
  rows = sam_test_actor_editor_find_route_rows (editor);
  g_assert_cmpuint (rows->len, ==, 2);
  sam_test_actor_editor_type_into (g_ptr_array_index (rows, 0), "Phone", "090-12 34 56");
  adw_combo_row_set_selected (sam_test_actor_editor_find_row (g_ptr_array_index (rows, 1), ADW_TYPE_COMBO_ROW,
                                                              "Kind"),
                              SAM_ROUTE_KIND_EMAIL);
  sam_test_actor_editor_type_into (g_ptr_array_index (rows, 1), "E-mail", "jour@example.se");
  sam_test_actor_editor_type_into (g_ptr_array_index (rows, 1), "Own opening hours", "Mo-Fr 09:00-15:00");

  g_assert_true (sam_actor_editor_save (editor));
  sam_test_actor_editor_iterate ();
  g_assert_null (editor);
  g_assert_nonnull (saved);
  g_assert_cmpstr (sam_actor_get_id (saved), ==, "testjouren-i-umea");

  stored = sam_store_load_actor (f->store, sam_actor_get_id (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_actor_get_revision (stored), ==, 1);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (stored), SAM_LANG_EN), ==, "Test helpline in Umeå");
  areas = sam_actor_get_areas (stored);
  g_assert_cmpuint (areas->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (areas, 0), ==, "24");
  g_assert_cmpstr (g_ptr_array_index (areas, 1), ==, "2480");
  g_assert_cmpstr (g_ptr_array_index (areas, 2), ==, "2482");
  g_assert_cmpuint (sam_actor_get_routes (stored)->len, ==, 2);
  g_assert_cmpstr (sam_contact_route_get_value (g_ptr_array_index (sam_actor_get_routes (stored), 0)), ==,
                   "+4690123456");
  g_assert_cmpstr (sam_contact_route_get_value (g_ptr_array_index (sam_actor_get_routes (stored), 1)), ==,
                   "jour@example.se");
  g_assert_nonnull (sam_contact_route_get_hours (g_ptr_array_index (sam_actor_get_routes (stored), 1)));
}

static void
test_move_and_remove (SamTestActorEditor *f, gconstpointer data)
{
  SamActorEditor *editor = sam_test_actor_editor_open (f, "umea-kommun");
  g_autoptr(GPtrArray) rows = sam_test_actor_editor_find_route_rows (editor);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SamActor) saved = NULL;
  GPtrArray *routes;

  g_signal_connect (editor, "saved", G_CALLBACK (sam_test_actor_editor_saved_cb), &saved);
  g_assert_cmpuint (rows->len, ==, 4);
  /* the e-mail row goes first, the web row away */
  g_signal_emit_by_name (g_ptr_array_index (rows, 1), "move-requested", -1);
  g_signal_emit_by_name (g_ptr_array_index (rows, 2), "remove-requested");
  after = sam_test_actor_editor_find_route_rows (editor);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (rows, 1));
  /* what Save, Ctrl+S and Ctrl+Return do */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  sam_test_actor_editor_iterate ();

  routes = sam_actor_get_routes (saved);
  g_assert_cmpstr (sam_contact_route_get_id (g_ptr_array_index (routes, 0)), ==, "umea-kommun-email");
  g_assert_cmpstr (sam_contact_route_get_id (g_ptr_array_index (routes, 1)), ==, "umea-kommun-phone");
  g_assert_cmpstr (sam_contact_route_get_id (g_ptr_array_index (routes, 2)), ==, "umea-kommun-visit");
  {
    g_autoptr(SamActor) stored = sam_test_actor_editor_load (f, "umea-kommun");
    g_assert_cmpuint (sam_actor_get_routes (stored)->len, ==, 3);
    g_assert_null (sam_actor_find_route (stored, "umea-kommun-web"));
  }
}

static SamRouteEditorRow *
route_row_of (SamActorEditor *editor, const char *route_id)
{
  g_autoptr(GPtrArray) rows = sam_test_actor_editor_find_route_rows (editor);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (sam_route_editor_row_get_route_id (g_ptr_array_index (rows, i)), route_id) == 0)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

/* The descriptions of the editor's groups, joined. */
static char *
dup_group_descriptions (SamActorEditor *editor)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  sam_test_actor_editor_collect (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, NULL, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      const char *description = adw_preferences_group_get_description (g_ptr_array_index (groups, i));

      if (description && *description)
        g_string_append_printf (out, "%s\n", description);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* An actor that paths use says so when its editor opens; removing a route
 * a path names says which path, before anything is saved; a route no path
 * names is removed quietly; an actor no path uses says nothing. */
static void
test_remove_route_used_by_path (SamTestActorEditor *f, gconstpointer data)
{
  SamActorEditor *editor = sam_test_actor_editor_open (f, "regionkoordinator-nord");
  SamActorEditor *unused = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *quiet = NULL;
  g_autofree char *warned = NULL;
  g_autofree char *nothing = NULL;

  opened = dup_group_descriptions (editor);
  g_assert_nonnull (strstr (opened, "Used by 2 escalation paths: Suspected human trafficking – adult, "
                                    "Suspected human trafficking – child. What you change here shows"));
  g_signal_emit_by_name (route_row_of (editor, "regionkoordinator-nord-web"), "remove-requested");
  quiet = dup_group_descriptions (editor);
  g_assert_cmpstr (quiet, ==, opened);
  g_signal_emit_by_name (route_row_of (editor, "regionkoordinator-nord-adults-phone"), "remove-requested");
  warned = dup_group_descriptions (editor);
  g_assert_nonnull (strstr (warned, "The route you removed is in use. Used by 1 escalation path: "
                                    "Suspected human trafficking – adult."));
  gtk_window_destroy (GTK_WINDOW (editor));

  unused = sam_test_actor_editor_open (f, "iom");
  nothing = dup_group_descriptions (unused);
  g_assert_null (strstr (nothing, "escalation path"));
  gtk_window_destroy (GTK_WINDOW (unused));
}

int
main (int argc, char **argv)
{
  if (!sam_test_actor_editor_init (&argc, &argv))
    return 0;
  g_test_add ("/actor-editor/new-actor", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_new_actor, sam_test_actor_editor_tear_down);
  g_test_add ("/actor-editor/move-and-remove", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_move_and_remove, sam_test_actor_editor_tear_down);
  g_test_add ("/actor-editor/remove-route-used-by-path", SamTestActorEditor, NULL,
              sam_test_actor_editor_set_up,
              test_remove_route_used_by_path, sam_test_actor_editor_tear_down);
  return g_test_run ();
}
