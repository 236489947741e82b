/* test-walk-page.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guided walk through a path in the real window, by keyboard: real key
 * presses through xdotool (GTK 4.8 cannot synthesise them), with the clock
 * fixed by $SAMVERKAN_NOW.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sam-call.h"
#include "sam-route-row.h"
#include "sam-test-util.h"
#include "sam-window.h"
#include "sam-ui-test-util.h"

typedef SamUiTestWindow Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_setenv ("SAMVERKAN_NOW", data ? data : "2026-11-25T12:00:00+01:00", TRUE);
  sam_ui_test_window_open (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  sam_ui_test_watch_keys (GTK_WIDGET (f->window));
  sam_ui_test_focus_window (GTK_WIDGET (f->window), "Samverkan");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sam_ui_test_window_close (f);
  g_unsetenv ("SAMVERKAN_NOW");
}

static SamWalk *
walk_of (Fixture *f)
{
  SamWalkPage *page = sam_window_get_walk_page (f->window);

  g_assert_nonnull (page);
  return sam_walk_page_get_walk (page);
}

static const char *
step_id (Fixture *f)
{
  SamEscalationStep *step = sam_walk_get_step (walk_of (f));
  return step ? sam_escalation_step_get_id (step) : "(end)";
}

/* A button pressed from the keyboard (Alt+B, Return) looks pressed a
 * moment before it acts: wait for the step, then compare. */
#define assert_step(f, id) \
  G_STMT_START { \
    sam_ui_test_wait_for (g_strcmp0 (step_id (f), (id)) == 0); \
    g_assert_cmpstr (step_id (f), ==, (id)); \
  } G_STMT_END

static void
collect_route_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (SAM_IS_ROUTE_ROW (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_route_rows (c, rows);
}

/* The contact rows the walk page shows, top to bottom. */
static GPtrArray *
contact_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_route_rows (GTK_WIDGET (sam_window_get_walk_page (f->window)), rows);
  return rows;
}

static const char *
row_title (GPtrArray *rows, guint i)
{
  g_assert_cmpuint (i, <, rows->len);
  return adw_preferences_row_get_title (g_ptr_array_index (rows, i));
}

static const char *
row_subtitle (GPtrArray *rows, guint i)
{
  g_assert_cmpuint (i, <, rows->len);
  return adw_action_row_get_subtitle (g_ptr_array_index (rows, i));
}

/* A shown label whose text contains @part, or NULL. */
static GtkLabel *
find_label (GtkWidget *widget, const char *part)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), part))
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, part);
      if (found)
        return found;
    }
  return NULL;
}

/* Whether @widget shows some text of its own. */
static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  if (ADW_IS_BUTTON_CONTENT (widget) && adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_text (c))
      return TRUE;
  return FALSE;
}

/* Every button people can reach says what it does: in text, or, when it
 * shows only an icon, in a tooltip (the code gives those an accessible
 * name from the same string). */
static void
assert_buttons_named (GtkWidget *widget, guint *n_buttons)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget))
    {
      (*n_buttons)++;
      if (!has_text (widget))
        g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    assert_buttons_named (c, n_buttons);
}

/* The focused widget's accessible name, or its label. */
static const char *
focus_label (Fixture *f)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));

  g_assert_nonnull (focus);
  while (focus && !GTK_IS_BUTTON (focus))
    focus = gtk_widget_get_parent (focus);
  g_assert_nonnull (focus);
  return gtk_widget_get_tooltip_text (focus) ? gtk_widget_get_tooltip_text (focus)
                                             : gtk_button_get_label (GTK_BUTTON (focus));
}

/* Ctrl+T opens the trafficking path at its first question, the first answer
 * focused; Tab and Enter answer "No"; the digits answer too; Back and
 * Restart by their mnemonics; Alt+Left leaves the page. */
static void
test_keyboard (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) rows = NULL;

  sam_ui_test_press ("ctrl+t");
  g_assert_true (sam_window_is_showing_walk (f->window));
  g_assert_cmpstr (sam_escalation_path_get_id (sam_walk_get_path (walk_of (f))), ==, "trafficking-adult");
  assert_step (f, "trafficking-adult-s1");

  /* "Is anyone in immediate danger?": Tab to "No", Enter */
  sam_ui_test_press ("Tab Return");
  assert_step (f, "trafficking-adult-s3");
  sam_ui_test_press ("2");                          /* an adult */
  assert_step (f, "trafficking-adult-s4");
  sam_ui_test_press ("Return");                     /* the note: Continue has the focus */
  assert_step (f, "trafficking-adult-s5");
  sam_ui_test_press ("1");                          /* consent: the clock decides, not a question */
  assert_step (f, "trafficking-adult-s7");

  /* Wednesday noon: the coordinator's adults line first, with its number */
  rows = contact_rows (f);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_null (find_label (GTK_WIDGET (sam_window_get_walk_page (f->window)), "is closed now"));
  g_assert_cmpstr (row_title (rows, 0), ==, "090-16 58 24");
  g_assert_nonnull (strstr (row_subtitle (rows, 0), "Open now"));
  g_assert_cmpstr (row_title (rows, 1), ==, "114 14");
  g_assert_nonnull (strstr (row_subtitle (rows, 2), "Closed, opens 16:30"));

  /* Back (Alt+B) returns to the question, Restart (Alt+R) to the first */
  sam_ui_test_press ("alt+b");
  assert_step (f, "trafficking-adult-s5");
  sam_ui_test_press ("alt+r");
  assert_step (f, "trafficking-adult-s1");
  g_assert_false (sam_walk_can_go_back (walk_of (f)));

  sam_ui_test_press ("alt+Left");
  g_assert_false (sam_window_is_showing_walk (f->window));
}

/* Looking up by keyboard alone: Ctrl+F, type, Enter opens the first result,
 * Alt+Left goes back to the list with the search kept. */
static void
test_search_by_keyboard (Fixture *f, gconstpointer data)
{
  GtkEditable *entry = sam_window_get_search_entry (f->window);

  sam_ui_test_press ("ctrl+f");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (entry)));
  sam_ui_test_press ("k a s t space s k e l l");
  /* the list follows the keys after a short pause */
  sam_ui_test_wait_for (sam_window_get_n_results (f->window) == 1);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "kast skell");
  g_assert_cmpuint (sam_window_get_n_results (f->window), ==, 1);
  sam_ui_test_press ("Return");
  g_assert_nonnull (sam_window_get_shown_actor (f->window));
  g_assert_cmpstr (sam_actor_get_id (sam_window_get_shown_actor (f->window)), ==, "skelleftea-kast");
  sam_ui_test_press ("alt+Left");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "kast skell");
}

/* At night the on-call social services come first; the coordinator says
 * when it opens. */
static void
test_night (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) rows = NULL;

  sam_ui_test_press ("ctrl+t");
  sam_ui_test_press ("2 2 Return 1");
  assert_step (f, "trafficking-adult-s7");
  rows = contact_rows (f);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row_title (rows, 0), ==, "090-16 33 95");
  g_assert_nonnull (strstr (row_subtitle (rows, 0), "on-call social services"));
  g_assert_cmpstr (row_title (rows, 2), ==, "090-16 58 24");
  g_assert_nonnull (strstr (row_subtitle (rows, 2), "Closed, opens Thu 08:00"));
  /* the number the step names is not the first one: the page says why */
  g_assert_nonnull (find_label (GTK_WIDGET (sam_window_get_walk_page (f->window)),
                                "Region Nord is closed now. Contact the first one below instead."));
  {
    guint n_buttons = 0;

    assert_buttons_named (GTK_WIDGET (sam_window_get_walk_page (f->window)), &n_buttons);
    /* a copy and a call button for each of three rows, the drop-down,
     * Continue, Back and Restart */
    g_assert_cmpuint (n_buttons, >=, 10);
  }
  /* the contact rows are reached by Tab from Continue's side: copy is a
   * named button with a tooltip */
  sam_ui_test_press ("shift+Tab");
  g_assert_cmpstr (focus_label (f), ==, "Call");
  sam_ui_test_press ("shift+Tab");
  g_assert_cmpstr (focus_label (f), ==, "Copy");
}

/* The area drop-down: the coordinator's step names "the socialjour of
 * your municipality"; at night in Skellefteå that is Skellefteå's number,
 * in Umeå Umeå's, and the page says for which area. */
static void
test_area_picks_number (Fixture *f, gconstpointer data)
{
  GtkWidget *page;
  GtkDropDown *areas;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) again = NULL;
  GListModel *names;
  guint skelleftea = GTK_INVALID_LIST_POSITION;

  sam_ui_test_press ("ctrl+t");
  sam_ui_test_press ("2 2 Return 1");
  assert_step (f, "trafficking-adult-s7");
  page = GTK_WIDGET (sam_window_get_walk_page (f->window));
  /* no area chosen: the path's own contacts, and a word on choosing one */
  g_assert_nonnull (find_label (page, "Choose your area above"));
  areas = GTK_DROP_DOWN (gtk_widget_get_ancestor (GTK_WIDGET (find_label (page, "None")), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (areas);
  names = gtk_drop_down_get_model (areas);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Skellefteå"))
      skelleftea = i;
  g_assert_cmpuint (skelleftea, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (areas, skelleftea);
  sam_ui_test_wait_frames (page, 1);
  g_assert_cmpstr (sam_walk_page_get_area (SAM_WALK_PAGE (page)), ==, "2482");
  rows = contact_rows (f);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row_title (rows, 0), ==, "0910-73 59 05");
  g_assert_nonnull (strstr (row_subtitle (rows, 0), "Open now"));
  g_assert_nonnull (find_label (page, "For Skellefteå"));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (row_title (rows, i), !=, "090-16 33 95");
  /* the step stays where it was */
  assert_step (f, "trafficking-adult-s7");

  sam_walk_page_set_area (SAM_WALK_PAGE (page), "2480");
  sam_ui_test_wait_frames (page, 1);
  again = contact_rows (f);
  g_assert_cmpstr (row_title (again, 0), ==, "090-16 33 95");
  g_assert_nonnull (find_label (page, "For Umeå"));
  g_assert_cmpuint (gtk_drop_down_get_selected (areas), !=, skelleftea);
}

/* "Under 18, or unsure" hands over to the child path and says so; the
 * child path's report of concern cites the duty to report. */
static void
test_handover (Fixture *f, gconstpointer data)
{
  SamWalkPage *page;

  sam_ui_test_press ("ctrl+t");
  sam_ui_test_press ("2 1");
  page = sam_window_get_walk_page (f->window);
  g_assert_cmpstr (sam_escalation_path_get_id (sam_walk_get_path (walk_of (f))), ==, "trafficking-child");
  g_assert_cmpstr (sam_walk_page_get_title (page), ==, "Suspected human trafficking – child");
  /* it does not ask again whether anyone is in danger: the trail says it
   * was answered before */
  assert_step (f, "trafficking-child-s3");
  g_assert_nonnull (find_label (GTK_WIDGET (page), "No (answered before)"));
  /* the note, then the report of concern */
  sam_ui_test_press ("Return");
  assert_step (f, "trafficking-child-s5");
  g_assert_cmpint (sam_escalation_step_get_urgency (sam_walk_get_step (walk_of (f))), ==, SAM_URGENCY_IMMEDIATE);
  /* Back over the hand-over returns to the adult path's question */
  sam_ui_test_press ("alt+b");
  assert_step (f, "trafficking-child-s3");
  sam_ui_test_press ("alt+b");
  assert_step (f, "trafficking-adult-s3");
}

/* Another path from the drop-down, walked to its end: the end says so and
 * offers Restart, which has the focus. */
static void
test_other_path_to_end (Fixture *f, gconstpointer data)
{
  GtkDropDown *dropdown;
  GListModel *titles;
  GtkWidget *page;
  guint i;

  sam_ui_test_press ("ctrl+t");
  page = GTK_WIDGET (sam_window_get_walk_page (f->window));
  dropdown = GTK_DROP_DOWN (find_label (page, "Suspected human trafficking – adult") ?
                            gtk_widget_get_ancestor (GTK_WIDGET (find_label (page, "Suspected human trafficking – adult")),
                                                     GTK_TYPE_DROP_DOWN) : NULL);
  g_assert_nonnull (dropdown);
  titles = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (titles), ==, 4);
  for (i = 0; i < g_list_model_get_n_items (titles); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (titles), i),
                     "A person who buys sex and wants help"))
      break;
  gtk_drop_down_set_selected (dropdown, i);
  assert_step (f, "buying-sex-s1");
  sam_walk_page_focus_step (SAM_WALK_PAGE (page));

  /* no child involved; the note; KAST Umeå; the KAST step; no signs of
   * trafficking; the last note */
  sam_ui_test_press ("2 Return 1 Return 2 Return");
  g_assert_true (sam_walk_is_finished (walk_of (f)));
  g_assert_nonnull (find_label (page, "This is the end of the path."));
  g_assert_cmpstr (focus_label (f), ==, "_Restart");
  sam_ui_test_press ("Return");
  assert_step (f, "buying-sex-s1");
}

/* Deleting an actor a path uses asks first (test-deleted.c), then says
 * which paths in its undo toast. */
static void
test_delete_warns (Fixture *f, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  sam_window_show_actor (f->window, "iom");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-actor", NULL);
  g_assert_cmpstr (sam_window_get_delete_message (f->window), ==, "“IOM – International Organization for Migration” deleted");

  sam_window_show_actor (f->window, "regionkoordinator-nord");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-actor", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) dialog = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (dialog))
        {
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
          gtk_window_destroy (dialog);
          break;
        }
    }
  g_assert_cmpstr (sam_window_get_delete_message (f->window), ==,
                   "“Regional coordinator against prostitution and human trafficking – Region Nord” "
                   "deleted; its paths say the contact is missing");
}

static gboolean
can_call (void)
{
  return TRUE;
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no X display; run under xvfb-run\n");
      return 0;
    }
  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_print ("1..0 # SKIP xdotool is not installed\n");
      return 0;
    }
  sam_ui_test_init (&argc, &argv);
  /* as on a computer with a phone program: the rows offer Call */
  sam_call_set_handler_check (can_call);
#define ADD(name, now, fn) g_test_add (name, Fixture, now, fixture_set_up, fn, fixture_tear_down)
  ADD ("/walk-page/search-by-keyboard", NULL, test_search_by_keyboard);
  ADD ("/walk-page/keyboard", "2026-11-25T12:00:00+01:00", test_keyboard);
  ADD ("/walk-page/night", "2026-11-25T22:00:00+01:00", test_night);
  ADD ("/walk-page/handover", NULL, test_handover);
  ADD ("/walk-page/area-picks-number", "2026-11-25T22:00:00+01:00", test_area_picks_number);
  ADD ("/walk-page/other-path-to-end", NULL, test_other_path_to_end);
  ADD ("/walk-page/delete-warns", NULL, test_delete_warns);
  return g_test_run ();
}
