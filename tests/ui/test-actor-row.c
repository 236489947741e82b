/* test-actor-row.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the result list, bound to one actor after another as the list
 * recycles it: the name it shows, what a screen reader hears of it, and
 * the full name of an ellipsized title on hover.
 */
#include "config.h"

#include <adwaita.h>

#include "sam-actor-row.h"
#include "sam-ui-test-util.h"

static SamActor *
make_actor (const char *id, const char *name, SamActorKind kind, const char *area)
{
  SamActor *actor = sam_actor_new (id);

  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, name);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, name);
  sam_actor_set_kind (actor, kind);
  sam_actor_add_area (actor, area);
  return actor;
}

static GtkLabel *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);
      if (found)
        return found;
    }
  return NULL;
}

static void
assert_property (GtkWidget *widget, GtkAccessibleProperty property, const char *value)
{
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, value);

  if (problem)
    g_error ("%s", problem);
}

/* The title's tooltip, as GTK asks for it when the pointer rests there. */
static gboolean
ask_tooltip (GtkLabel *title)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (title, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

static void
test_bound_again (void)
{
  static const char long_name[] =
    "Kvinnojouren Terrafem – stöd på modersmålet till kvinnor och barn utsatta för våld";
  GtkWidget *window = gtk_window_new ();
  SamActorRow *row = sam_actor_row_new ();
  g_autoptr(SamActor) first = make_actor ("terrafem", long_name, SAM_ACTOR_KIND_NGO, "2480");
  g_autoptr(SamActor) second = make_actor ("polisen", "Polisen", SAM_ACTOR_KIND_POLICE, "SE");
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-25T12:00:00+01:00", NULL);
  GtkLabel *title;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, -1);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (row));
  gtk_window_present (GTK_WINDOW (window));
  sam_actor_row_bind (row, first, now, FALSE);
  sam_ui_test_wait_frames (window, 2);

  title = find_label (GTK_WIDGET (row), long_name);
  g_assert_nonnull (title);
  assert_property (GTK_WIDGET (title), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, long_name);
  assert_property (GTK_WIDGET (row), GTK_ACCESSIBLE_PROPERTY_LABEL, long_name);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (title)));
  g_assert_true (ask_tooltip (title));

  /* the list recycles the row for another actor */
  sam_actor_row_bind (row, second, now, FALSE);
  sam_ui_test_wait_frames (window, 1);
  g_assert_true (find_label (GTK_WIDGET (row), "Polisen") == title);
  g_assert_null (find_label (GTK_WIDGET (row), long_name));
  assert_property (GTK_WIDGET (title), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Polisen");
  assert_property (GTK_WIDGET (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Polisen");
  g_assert_true (ask_tooltip (title));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  /* GTK's test accessibility backend: it keeps what a screen reader would
   * be told, for gtk_test_accessible_check_property() */
  g_setenv ("GTK_A11Y", "test", TRUE);
  sam_ui_test_init (&argc, &argv);
  g_test_add_func ("/actor-row/bound-again", test_bound_again);
  return g_test_run ();
}
