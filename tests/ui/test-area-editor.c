/* test-area-editor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The areas of the actor editor on their own: suggestions for what is
 * typed, areas added from the entry or a suggestion, chips that remove
 * their area, and "changed" only for what the user did.
 */
#include "config.h"

#include <adwaita.h>

#include "sam-area-editor.h"

typedef struct {
  GtkWindow *window;
  AdwPreferencesGroup *group;
  GtkFlowBox *chips;
  GtkWidget *empty_label;
  AdwEntryRow *entry;
  SamAreaEditor *editor;
  guint changed;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
changed_cb (SamAreaEditor *editor, Fixture *f)
{
  f->changed++;
}

/* As the actor editor does it: new suggestions at every change of the entry. */
static void
entry_changed_cb (GtkEditable *entry, Fixture *f)
{
  sam_area_editor_update_suggestions (f->editor);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->window = GTK_WINDOW (adw_window_new ());
  f->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  f->chips = GTK_FLOW_BOX (gtk_flow_box_new ());
  f->empty_label = gtk_label_new ("none");
  f->entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->chips));
  gtk_box_append (GTK_BOX (box), f->empty_label);
  adw_preferences_group_add (f->group, box);
  adw_preferences_group_add (f->group, GTK_WIDGET (f->entry));
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->group));
  gtk_window_present (f->window);
  f->editor = sam_area_editor_new (f->group, f->chips, f->empty_label, f->entry);
  g_signal_connect (f->editor, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->entry, "changed", G_CALLBACK (entry_changed_cb), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_signal_handlers_disconnect_by_data (f->entry, f);
  g_assert_finalize_object (f->editor);
  gtk_window_destroy (f->window);
  iterate ();
}

static void
collect_rows (GtkWidget *widget, GPtrArray *titles)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, titles);
}

/* The suggestions shown, by title, joined with "|". */
static char *
dup_suggestions (Fixture *f)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (f->group), titles);
  g_ptr_array_add (titles, NULL);
  return g_strjoinv ("|", (char **) titles->pdata);
}

static guint
count_titles (const char *joined)
{
  g_auto(GStrv) titles = g_strsplit (joined, "|", -1);

  return *joined ? g_strv_length (titles) : 0;
}

static AdwActionRow *
find_suggestion (GtkWidget *widget, const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_suggestion (child, title);

      if (found)
        return found;
    }
  return NULL;
}

/* The chips' buttons, by the name a screen reader says: "Remove Umeå". */
static GPtrArray *
list_chips (Fixture *f)
{
  GPtrArray *chips = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->chips)); child;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (chips, gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));
  return chips;
}

static char *
dup_areas (Fixture *f)
{
  GPtrArray *areas = sam_area_editor_get_areas (f->editor);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < areas->len; i++)
    g_string_append_printf (out, "%s%s", i ? "," : "", (char *) g_ptr_array_index (areas, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_set_areas (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) chips = NULL;
  g_autofree char *areas = NULL;

  /* nothing chosen: the empty label instead of chips */
  g_assert_true (gtk_widget_get_visible (f->empty_label));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->chips)));

  g_ptr_array_add (codes, "2480");
  g_ptr_array_add (codes, "24");
  sam_area_editor_set_areas (f->editor, codes);
  areas = dup_areas (f);
  g_assert_cmpstr (areas, ==, "2480,24");
  chips = list_chips (f);
  g_assert_cmpuint (chips->len, ==, 2);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (chips, 0)), ==, "Remove Umeå");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (chips, 1)), ==, "Remove Västerbotten County");
  g_assert_false (gtk_widget_get_visible (f->empty_label));
  /* what the register held is not the user's doing */
  g_assert_cmpuint (f->changed, ==, 0);
}

static void
test_suggestions (Fixture *f, gconstpointer data)
{
  g_autofree char *shown = NULL;
  g_autofree char *after = NULL;
  g_autofree char *areas = NULL;
  AdwActionRow *row;

  /* at most six */
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "s");
  shown = dup_suggestions (f);
  g_assert_cmpuint (count_titles (shown), ==, 6);
  g_clear_pointer (&shown, g_free);

  /* accents and case aside, counties and municipalities, for the last of
   * several areas typed */
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Umeå, VASTER");
  shown = dup_suggestions (f);
  g_assert_cmpstr (shown, ==, "Västernorrland County|Västerbotten County|Västervik|Västerås");
  row = find_suggestion (GTK_WIDGET (f->group), "Västerbotten County");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "County, code 24");

  /* picking one adds it, empties the entry and its suggestions */
  gtk_widget_activate (GTK_WIDGET (row));
  areas = dup_areas (f);
  g_assert_cmpstr (areas, ==, "24");
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "");
  after = dup_suggestions (f);
  g_assert_cmpstr (after, ==, "");
}

static void
test_commit_and_remove (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) chips = NULL;
  g_autofree char *areas = NULL;
  g_autofree char *left = NULL;

  /* by name and by code; what names no single area stays in the entry */
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "umea, 2482, Nowhere");
  sam_area_editor_commit (f->editor);
  areas = dup_areas (f);
  g_assert_cmpstr (areas, ==, "2480,2482");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "Nowhere");
  g_assert_cmpuint (f->changed, >=, 1);

  /* a chip removes its own area; the last one gone, the empty label shows */
  f->changed = 0;
  chips = list_chips (f);
  g_signal_emit_by_name (g_ptr_array_index (chips, 0), "clicked");
  g_clear_pointer (&areas, g_free);
  areas = dup_areas (f);
  g_assert_cmpstr (areas, ==, "2482");
  g_assert_cmpuint (f->changed, ==, 1);
  g_clear_pointer (&chips, g_ptr_array_unref);
  chips = list_chips (f);
  g_assert_cmpuint (chips->len, ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (chips, 0)), ==, "Remove Skellefteå");
  g_signal_emit_by_name (g_ptr_array_index (chips, 0), "clicked");
  g_assert_cmpuint (sam_area_editor_get_areas (f->editor)->len, ==, 0);
  g_assert_true (gtk_widget_get_visible (f->empty_label));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->chips)));
  g_assert_cmpuint (f->changed, ==, 2);
  left = g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->entry)));
  g_assert_cmpstr (left, ==, "Nowhere");
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
  g_test_add ("/area-editor/set-areas", Fixture, NULL, fixture_set_up, test_set_areas, fixture_tear_down);
  g_test_add ("/area-editor/suggestions", Fixture, NULL, fixture_set_up, test_suggestions, fixture_tear_down);
  g_test_add ("/area-editor/commit-and-remove", Fixture, NULL, fixture_set_up, test_commit_and_remove,
              fixture_tear_down);
  return g_test_run ();
}
