/* sam-test-actor-editor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sam-route-editor-row.h"
#include "sam-test-actor-editor.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"

gboolean
sam_test_actor_editor_init (int *argc, char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return FALSE;
    }
  sam_ui_test_init (argc, argv);
  return TRUE;
}

void
sam_test_actor_editor_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
sam_test_actor_editor_set_up (SamTestActorEditor *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  f->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_present (f->parent);
}

void
sam_test_actor_editor_tear_down (SamTestActorEditor *f, gconstpointer data)
{
  gtk_window_destroy (f->parent);
  sam_test_actor_editor_iterate ();
  g_assert_finalize_object (f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Widgets, found the way a person finds them: by the title they read */

void
sam_test_actor_editor_collect (GtkWidget *widget, GType type, const char *title, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (title == NULL ||
       g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    sam_test_actor_editor_collect (child, type, title, found);
}

gpointer
sam_test_actor_editor_find_row (gpointer root, GType type, const char *title)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  sam_test_actor_editor_collect (GTK_WIDGET (root), type, title, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

GPtrArray *
sam_test_actor_editor_find_route_rows (SamActorEditor *editor)
{
  GPtrArray *found = g_ptr_array_new ();

  sam_test_actor_editor_collect (GTK_WIDGET (editor), SAM_TYPE_ROUTE_EDITOR_ROW, NULL, found);
  return found;
}

void
sam_test_actor_editor_type_into (gpointer root, const char *title, const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (sam_test_actor_editor_find_row (root, ADW_TYPE_ENTRY_ROW, title));
  int pos = 0;

  gtk_editable_set_text (entry, "");
  gtk_editable_insert_text (entry, text, -1, &pos);
}

static void
collect_errors (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
      gtk_widget_get_visible (widget) && *gtk_label_get_text (GTK_LABEL (widget)))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_errors (child, out);
}

char *
sam_test_actor_editor_dup_errors (SamActorEditor *editor)
{
  GString *out = g_string_new (NULL);

  collect_errors (GTK_WIDGET (editor), out);
  return g_string_free (out, FALSE);
}

gboolean
sam_test_actor_editor_has_focus_in (SamActorEditor *editor, gpointer widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (editor));

  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Editors */

SamActorEditor *
sam_test_actor_editor_open (SamTestActorEditor *f, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = NULL;
  SamActorEditor *editor;

  if (id)
    {
      actor = sam_store_load_actor (f->store, id, &error);
      g_assert_no_error (error);
    }
  editor = sam_actor_editor_new (f->parent, f->store, actor, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  sam_test_actor_editor_iterate ();
  return editor;
}

void
sam_test_actor_editor_saved_cb (SamActorEditor *editor, SamActor *actor, SamActor **out)
{
  g_assert_null (*out);
  *out = g_object_ref (actor);
}

SamActor *
sam_test_actor_editor_load (SamTestActorEditor *f, const char *id)
{
  g_autoptr(GError) error = NULL;
  SamActor *actor = sam_store_load_actor (f->store, id, &error);

  g_assert_no_error (error);
  return actor;
}
