/* test-path-editor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The escalation-path editor and the list of paths against a register
 * filled with the sample, worked through their widgets: an answer made to
 * lead nowhere, a note added, linked and moved, a fallback added, a stale
 * save, a missing translation, delete and undo, a read-only register.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "sam-contact-picker.h"
#include "sam-path-check.h"
#include "sam-paths-window.h"
#include "sam-step-editor-row.h"
#include "sam-step-role-editor.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"

#define ADULT "trafficking-adult"

typedef struct {
  char *dir;
  SamStore *store;
  GtkWindow *parent;
  SamPathsWindow *paths;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  sam_store_set_user (f->store, "Anna Berg");
  f->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_present (f->parent);
  f->paths = sam_paths_window_new (f->parent, f->store);
  gtk_window_present (GTK_WINDOW (f->paths));
  iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->parent);
  iterate ();
  g_assert_finalize_object (f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Widgets */

static GtkWidget *
find_button (GtkWidget *widget, const char *label_or_action)
{
  if (GTK_IS_BUTTON (widget) &&
      (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label_or_action) == 0 ||
       g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), label_or_action) == 0))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label_or_action);
      if (found)
        return found;
    }
  return NULL;
}

static SamTextPair *
first_text_pair (GtkWidget *widget)
{
  if (SAM_IS_TEXT_PAIR (widget))
    return SAM_TEXT_PAIR (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      SamTextPair *found = first_text_pair (c);
      if (found)
        return found;
    }
  return NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

static SamStepEditorRow *
row_of (SamPathEditor *editor, const char *step_id, guint *position)
{
  g_autoptr(GPtrArray) rows = sam_path_editor_list_rows (editor);

  for (guint i = 0; i < rows->len; i++)
    {
      SamStepEditorRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (sam_escalation_step_get_id (sam_step_editor_row_get_step (row)), step_id))
        {
          if (position)
            *position = i;
          return row;
        }
    }
  g_assert_not_reached ();
}

static guint
position_of (SamPathEditor *editor, const char *step_id)
{
  guint position;

  row_of (editor, step_id, &position);
  return position;
}

/* @row lies inside what its scrolled window shows */
static gboolean
in_view (GtkWidget *row, GtkWidget *content, GtkAdjustment *adjustment)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (row, content, &bounds) &&
         bounds.origin.y >= gtk_adjustment_get_value (adjustment) &&
         bounds.origin.y < gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
}

/* Picks the item of @dropdown whose text starts with @prefix. */
static void
pick (GtkDropDown *dropdown, const char *prefix)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *text = SAM_IS_ACTOR (item) ? sam_actor_get_display_name (SAM_ACTOR (item))
                                             : gtk_string_object_get_string (GTK_STRING_OBJECT (item));

      if (g_str_has_prefix (text, prefix))
        {
          gtk_drop_down_set_selected (dropdown, i);
          iterate ();
          return;
        }
    }
  g_error ("no item “%s…”", prefix);
}

static void
type_into (GtkEditable *entry, const char *text)
{
  int pos = 0;

  gtk_editable_set_text (entry, "");
  gtk_editable_insert_text (entry, text, -1, &pos);
  iterate ();
}

static gboolean
save_enabled (SamPathEditor *editor)
{
  return gtk_widget_get_sensitive (find_button (GTK_WIDGET (editor), "editor.save"));
}

static SamEscalationPath *
load (SamStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  SamEscalationPath *path = sam_store_load_path (store, id, &error);

  g_assert_no_error (error);
  return path;
}

/* An answer made to lead nowhere is named at its step and blocks Save;
 * fixed, a new note linked from the last step and moved up one place is
 * saved where it was put. */
static void
test_dead_end_then_note (Fixture *f, gconstpointer data)
{
  SamPathEditor *editor = sam_paths_window_edit (f->paths, ADULT);
  g_autoptr(SamEscalationPath) saved = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SamStepEditorRow *s5 = row_of (editor, ADULT "-s5", NULL);
  SamStepEditorRow *note;
  SamEscalationStep *step;
  GPtrArray *problems;
  guint position;

  g_assert_nonnull (editor);
  iterate ();
  g_assert_cmpuint (sam_path_editor_get_problems (editor)->len, ==, 0);
  g_assert_true (save_enabled (editor));
  /* the steps open showing their texts; the details open on request */
  g_assert_false (sam_step_editor_row_get_expanded (s5));
  sam_step_editor_row_set_expanded (s5, TRUE);

  /* the answer "No" of step 5 made to lead nowhere */
  pick (sam_step_editor_row_get_answer_dropdown (s5, 1), "Nowhere yet");
  problems = sam_path_editor_get_problems (editor);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_cmpstr (((SamPathProblem *) g_ptr_array_index (problems, 0))->step_id, ==, ADULT "-s5");
  g_assert_nonnull (strstr (sam_step_editor_row_get_problem_text (s5), ADULT "-s5"));
  g_assert_nonnull (strstr (sam_step_editor_row_get_problem_text (s5), "leads nowhere"));
  g_assert_false (save_enabled (editor));
  g_assert_false (sam_path_editor_save (editor));
  saved = load (f->store, ADULT);
  g_assert_cmpint (sam_escalation_path_get_revision (saved), ==, 1);
  g_clear_object (&saved);

  /* fixed: back to step 9, the seventh now that the office-hours question is gone */
  pick (sam_step_editor_row_get_answer_dropdown (s5, 1), "7. ");
  g_assert_cmpuint (sam_path_editor_get_problems (editor)->len, ==, 0);
  g_assert_true (save_enabled (editor));

  /* a note at the end nothing leads to yet */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", "s", "note");
  iterate ();
  rows = sam_path_editor_list_rows (editor);
  g_assert_cmpuint (rows->len, ==, 13);
  note = g_ptr_array_index (rows, 12);
  step = sam_step_editor_row_get_step (note);
  g_assert_cmpint (sam_escalation_step_get_kind (step), ==, SAM_STEP_KIND_NOTE);
  type_into (sam_text_pair_get_entry (sam_step_editor_row_get_text_pair (note), SAM_LANG_SV), "Följ upp efter en vecka");
  g_assert_true (sam_text_pair_is_missing (sam_step_editor_row_get_text_pair (note), SAM_LANG_EN));
  type_into (sam_text_pair_get_entry (sam_step_editor_row_get_text_pair (note), SAM_LANG_EN), "Follow up after a week");
  g_assert_false (sam_text_pair_is_missing (sam_step_editor_row_get_text_pair (note), SAM_LANG_EN));
  g_assert_nonnull (strstr (sam_step_editor_row_get_problem_text (note), "no answer or step leads here"));
  g_assert_false (save_enabled (editor));

  /* the last step of the sample leads to it, and it moves up one place */
  sam_step_editor_row_set_expanded (row_of (editor, ADULT "-s14", NULL), TRUE);
  pick (sam_step_editor_row_get_next_dropdown (row_of (editor, ADULT "-s14", NULL)), "13. Follow up");
  g_assert_cmpuint (sam_path_editor_get_problems (editor)->len, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (note), "step.move-up", NULL);
  iterate ();
  row_of (editor, sam_escalation_step_get_id (step), &position);
  g_assert_cmpuint (position, ==, 11);
  g_assert_true (save_enabled (editor));

  g_object_ref (step);
  click (find_button (GTK_WIDGET (editor), "editor.save"));
  saved = load (f->store, ADULT);
  g_assert_cmpint (sam_escalation_path_get_revision (saved), ==, 2);
  g_assert_cmpuint (sam_escalation_path_get_steps (saved)->len, ==, 13);
  {
    SamEscalationStep *stored = g_ptr_array_index (sam_escalation_path_get_steps (saved), 11);
    SamEscalationStep *last = g_ptr_array_index (sam_escalation_path_get_steps (saved), 12);

    g_assert_cmpstr (sam_escalation_step_get_id (stored), ==, sam_escalation_step_get_id (step));
    g_assert_cmpstr (sam_text_get (sam_escalation_step_get_text (stored), SAM_LANG_SV), ==, "Följ upp efter en vecka");
    g_assert_cmpstr (sam_escalation_step_get_id (last), ==, ADULT "-s14");
    g_assert_cmpstr (sam_escalation_step_get_next (last), ==, sam_escalation_step_get_id (step));
  }
  g_object_unref (step);
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

/* A step names "a fixed actor" or "a role": the coordinator's step shows
 * its role; another step made to name a role, with a keyword, is saved
 * so; made a fixed actor again, it has none. */
static void
test_role (Fixture *f, gconstpointer data)
{
  SamPathEditor *editor = sam_paths_window_edit (f->paths, ADULT);
  SamStepEditorRow *s7 = row_of (editor, ADULT "-s7", NULL);
  SamStepEditorRow *s9 = row_of (editor, ADULT "-s9", NULL);
  g_autoptr(SamEscalationPath) saved = NULL;
  GtkWidget *roles;
  GtkDropDown *choice;
  GtkEditable *keyword;
  const SamStepRole *role;

  sam_step_editor_row_set_expanded (s7, TRUE);
  iterate ();
  roles = find_of_type (GTK_WIDGET (s7), SAM_TYPE_STEP_ROLE_EDITOR);
  g_assert_nonnull (roles);
  choice = GTK_DROP_DOWN (find_of_type (roles, GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 1);
  keyword = GTK_EDITABLE (find_of_type (roles, GTK_TYPE_ENTRY));
  g_assert_cmpstr (gtk_editable_get_text (keyword), ==, "socialjour");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (keyword))));
  gtk_widget_grab_focus (GTK_WIDGET (keyword));
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 2);
  sam_ui_test_shoot (GTK_WIDGET (editor), "path-editor-role");

  sam_step_editor_row_set_expanded (s9, TRUE);
  iterate ();
  roles = find_of_type (GTK_WIDGET (s9), SAM_TYPE_STEP_ROLE_EDITOR);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (find_of_type (roles, GTK_TYPE_ENTRY))));
  sam_step_role_editor_set_use_role (SAM_STEP_ROLE_EDITOR (roles), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find_of_type (roles, GTK_TYPE_ENTRY)), "stödtelefon");
  iterate ();
  g_assert_true (save_enabled (editor));
  g_assert_true (sam_path_editor_save (editor));
  saved = load (f->store, ADULT);
  role = sam_escalation_step_get_role (sam_escalation_path_find_step (saved, ADULT "-s9"));
  g_assert_nonnull (role);
  g_assert_cmpint (role->kind, ==, SAM_ACTOR_KIND_SOCIAL_SERVICES);
  g_assert_cmpstr (role->tag, ==, "stödtelefon");
  g_assert_cmpint (role->scope, ==, SAM_ROLE_SCOPE_MUNICIPALITY);
  /* the actor it named stays, as the stand-in */
  g_assert_cmpstr (sam_escalation_step_get_actor_id (sam_escalation_path_find_step (saved, ADULT "-s9")), ==,
                   "jamstalldhetsmyndigheten-stodtelefon");
  g_clear_object (&saved);

  editor = sam_paths_window_edit (f->paths, ADULT);
  s9 = row_of (editor, ADULT "-s9", NULL);
  sam_step_editor_row_set_expanded (s9, TRUE);
  iterate ();
  sam_step_role_editor_set_use_role (SAM_STEP_ROLE_EDITOR (find_of_type (GTK_WIDGET (s9), SAM_TYPE_STEP_ROLE_EDITOR)),
                                     FALSE);
  g_assert_true (sam_path_editor_save (editor));
  saved = load (f->store, ADULT);
  g_assert_null (sam_escalation_step_get_role (sam_escalation_path_find_step (saved, ADULT "-s9")));
  g_assert_nonnull (sam_escalation_step_get_role (sam_escalation_path_find_step (saved, ADULT "-s7")));
}

/* A deleted step leaves what led to it leading nowhere; Undo puts it back
 * in its place. */
static void
test_delete_step_undo (Fixture *f, gconstpointer data)
{
  SamPathEditor *editor = sam_paths_window_edit (f->paths, ADULT);
  g_autoptr(GPtrArray) rows = sam_path_editor_list_rows (editor);
  guint n = rows->len;
  guint position;

  click (find_button (GTK_WIDGET (row_of (editor, ADULT "-s4", NULL)), "step.remove"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = sam_path_editor_list_rows (editor);
  g_assert_cmpuint (rows->len, ==, n - 1);
  g_assert_nonnull (strstr (sam_step_editor_row_get_problem_text (row_of (editor, ADULT "-s3", NULL)),
                            "which is not a step of this path"));
  g_assert_false (save_enabled (editor));

  /* what the toast's Undo button does */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo-remove-step", NULL);
  iterate ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = sam_path_editor_list_rows (editor);
  g_assert_cmpuint (rows->len, ==, n);
  row_of (editor, ADULT "-s4", &position);
  g_assert_cmpuint (position, ==, 3);
  g_assert_cmpstr (sam_escalation_step_get_id (g_ptr_array_index (sam_escalation_path_get_steps (
                     sam_path_editor_get_path (editor)), 3)), ==, ADULT "-s4");
  g_assert_cmpuint (sam_path_editor_get_problems (editor)->len, ==, 0);
  g_assert_true (save_enabled (editor));
}

/* Alt+Down keeps the moved step in view, also far down the path. */
static void
test_move_in_view (Fixture *f, gconstpointer data)
{
  SamPathEditor *editor = sam_paths_window_edit (f->paths, ADULT);
  SamStepEditorRow *first = row_of (editor, ADULT "-s1", NULL);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (first), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))));

  gtk_window_set_default_size (GTK_WINDOW (editor), 960, 700);
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 1);
  g_assert_true (in_view (GTK_WIDGET (first), content, adjustment));
  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (GTK_WIDGET (first), "step.move-down", NULL);
  g_assert_cmpuint (position_of (editor, ADULT "-s1"), ==, 10);
  /* the first step is now the start */
  g_assert_cmpstr (sam_escalation_path_get_start (sam_path_editor_get_path (editor)), ==, ADULT "-s2");
  /* scrolled to once the list is laid out again */
  sam_ui_test_wait_for (in_view (GTK_WIDGET (first), content, adjustment) &&
                        gtk_adjustment_get_value (adjustment) > 0);
}

/* Real keys, through the X server: Alt+Down in a step's text field moves
 * the step, and the typing stays where it was. */
static void
test_alt_down_keys (Fixture *f, gconstpointer data)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  SamPathEditor *editor;
  SamStepEditorRow *s2;

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  editor = sam_paths_window_edit (f->paths, ADULT);
  s2 = row_of (editor, ADULT "-s2", NULL);
  g_assert_cmpuint (position_of (editor, ADULT "-s2"), ==, 1);
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 1);
  sam_step_editor_row_focus_text (s2);
  sam_ui_test_wait_for (gtk_window_is_active (GTK_WINDOW (editor)) &&
                        gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), GTK_WIDGET (s2)));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *command = g_strdup_printf ("%s key alt+Down", xdotool);

      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
      sam_ui_test_wait_for (position_of (editor, ADULT "-s2") == 2 + i);
    }
  g_assert_cmpuint (position_of (editor, ADULT "-s2"), ==, 3);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), GTK_WIDGET (s2)));
}

/* What a keystroke costs with the sample's 12 steps: each one checks the
 * path again and relabels where steps lead. The figures go to the log. */
static void
test_keystroke_cost (Fixture *f, gconstpointer data)
{
  gint64 start = g_get_monotonic_time ();
  SamPathEditor *editor = sam_paths_window_edit (f->paths, ADULT);
  gint64 opened = g_get_monotonic_time ();
  GtkEditable *entry = sam_text_pair_get_entry (sam_step_editor_row_get_text_pair (row_of (editor, ADULT "-s4", NULL)),
                                                SAM_LANG_EN);
  const char *typed = " Take notes.";
  gint64 worst = 0;
  int pos;

  iterate ();
  for (const char *c = typed; *c; c++)
    {
      gint64 t = g_get_monotonic_time ();

      pos = -1;
      gtk_editable_insert_text (entry, c, 1, &pos);
      worst = MAX (worst, g_get_monotonic_time () - t);
    }
  g_test_message ("path editor, 12 steps: opened in %.1f ms; a keystroke took at most %.2f ms",
                  (opened - start) / 1000.0, worst / 1000.0);
  /* the typing reached the step, and what leads to it still does */
  g_assert_true (g_str_has_suffix (sam_text_get (sam_escalation_step_get_text (sam_step_editor_row_get_step (
                     row_of (editor, ADULT "-s4", NULL))), SAM_LANG_EN), "Take notes."));
  g_assert_nonnull (strstr (gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (
                      sam_step_editor_row_get_answer_dropdown (row_of (editor, ADULT "-s3", NULL), 1)))), "4. "));
  g_assert_cmpstr (((SamStepAnswer *) g_ptr_array_index (sam_escalation_step_get_answers (sam_escalation_path_find_step (
                     sam_path_editor_get_path (editor), ADULT "-s3")), 1))->next, ==, ADULT "-s4");
}

/* A fallback added to step 7, its actor and route picked from the register. */
static void
test_fallback (Fixture *f, gconstpointer data)
{
  SamPathEditor *editor = sam_paths_window_edit (f->paths, ADULT);
  SamStepEditorRow *s7 = row_of (editor, ADULT "-s7", NULL);
  g_autoptr(SamEscalationPath) saved = NULL;
  g_autoptr(GPtrArray) pickers = g_ptr_array_new ();
  GPtrArray *fallbacks;
  SamContactPicker *picker = NULL;

  sam_step_editor_row_set_expanded (s7, TRUE);
  click (find_button (GTK_WIDGET (s7), "Add _Fallback"));
  /* the third picker of the card is the new fallback (after the step's own) */
  for (GtkWidget *w = GTK_WIDGET (s7); w; )
    {
      if (SAM_IS_CONTACT_PICKER (w))
        g_ptr_array_add (pickers, w);
      if (gtk_widget_get_first_child (w) && !SAM_IS_CONTACT_PICKER (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w && w != GTK_WIDGET (s7) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w && w != GTK_WIDGET (s7)) ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_cmpuint (pickers->len, ==, 4);
  picker = g_ptr_array_index (pickers, 3);
  pick (sam_contact_picker_get_actor_dropdown (picker), "Kvinnofridslinjen");
  gtk_drop_down_set_selected (sam_contact_picker_get_route_dropdown (picker), 1);
  iterate ();
  g_assert_cmpuint (sam_path_editor_get_problems (editor)->len, ==, 0);
  click (find_button (GTK_WIDGET (editor), "editor.save"));

  saved = load (f->store, ADULT);
  fallbacks = sam_escalation_step_get_fallbacks (sam_escalation_path_find_step (saved, ADULT "-s7"));
  g_assert_cmpuint (fallbacks->len, ==, 3);
  g_assert_cmpstr (((SamStepFallback *) g_ptr_array_index (fallbacks, 0))->actor_id, ==, "umea-socialjour");
  g_assert_cmpstr (((SamStepFallback *) g_ptr_array_index (fallbacks, 2))->actor_id, ==, "kvinnofridslinjen");
  g_assert_nonnull (((SamStepFallback *) g_ptr_array_index (fallbacks, 2))->route_id);
}

static AdwMessageDialog *
find_dialog_for (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == window)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
reload_requested_cb (SamPathEditor *editor, const char *id, char **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

/* Someone else saved the path meanwhile: nothing is overwritten, the
 * dialog says so and Reload opens the path as it is now. */
static void
test_stale (Fixture *f, gconstpointer data)
{
  SamPathEditor *editor = sam_paths_window_edit (f->paths, ADULT);
  g_autoptr(SamStore) other = sam_test_open_store (f->dir, "register.sqlite", FALSE);
  g_autoptr(SamEscalationPath) theirs = load (other, ADULT);
  g_autoptr(SamEscalationPath) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *reloaded = NULL;

  sam_store_set_user (other, "Björn Ek");
  sam_text_set (sam_escalation_path_get_title (theirs), SAM_LANG_EN, "Theirs");
  g_assert_true (sam_store_update_path (other, theirs, &error));
  g_assert_no_error (error);

  type_into (sam_text_pair_get_entry (sam_step_editor_row_get_text_pair (row_of (editor, ADULT "-s1", NULL)),
                                      SAM_LANG_EN), "Mine");
  g_signal_connect (editor, "reload-requested", G_CALLBACK (reload_requested_cb), &reloaded);
  g_assert_false (sam_path_editor_save (editor));
  dialog = find_dialog_for (editor);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Björn Ek"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was saved"));
  stored = load (f->store, ADULT);
  g_assert_cmpstr (sam_text_get (sam_escalation_path_get_title (stored), SAM_LANG_EN), ==, "Theirs");
  g_assert_cmpstr (sam_text_get (sam_escalation_step_get_text (g_ptr_array_index (sam_escalation_path_get_steps (stored), 0)),
                                 SAM_LANG_EN), !=, "Mine");
  adw_message_dialog_response (dialog, "reload");
  iterate ();
  g_assert_cmpstr (reloaded, ==, ADULT);
}

static void
saved_cb (SamPathEditor *editor, SamEscalationPath *path, char **out)
{
  *out = g_strdup (sam_escalation_path_get_id (path));
}

/* New Path: a title is needed; then it is saved with its first step. */
static void
test_new_path (Fixture *f, gconstpointer data)
{
  SamPathEditor *editor = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SamEscalationPath) saved = NULL;
  g_autofree char *id = NULL;
  GtkEditable *title;
  GListModel *toplevels = gtk_window_get_toplevels ();

  click (find_button (GTK_WIDGET (f->paths), "paths.new"));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (SAM_IS_PATH_EDITOR (toplevel))
        editor = SAM_PATH_EDITOR (toplevel);
    }
  g_assert_nonnull (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &id);
  g_assert_false (save_enabled (editor));
  g_assert_nonnull (strstr (((SamPathProblem *) g_ptr_array_index (sam_path_editor_get_problems (editor), 0))->message,
                            "needs a title"));
  rows = sam_path_editor_list_rows (editor);
  g_assert_cmpuint (rows->len, ==, 1);
  type_into (sam_text_pair_get_entry (sam_step_editor_row_get_text_pair (g_ptr_array_index (rows, 0)), SAM_LANG_SV),
             "Ring socialjouren");
  /* the title is the first pair of fields, and has the focus */
  title = sam_text_pair_get_entry (first_text_pair (GTK_WIDGET (editor)), SAM_LANG_SV);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), GTK_WIDGET (title)));
  type_into (title, "Hedersrelaterat våld");
  g_assert_true (save_enabled (editor));
  click (find_button (GTK_WIDGET (editor), "editor.save"));
  g_assert_nonnull (id);
  saved = load (f->store, id);
  g_assert_cmpstr (sam_text_get (sam_escalation_path_get_title (saved), SAM_LANG_SV), ==, "Hedersrelaterat våld");
  g_assert_cmpuint (sam_escalation_path_get_steps (saved)->len, ==, 1);
  g_assert_nonnull (sam_paths_window_find_row (f->paths, id));
}

/* Delete asks nothing; Undo in its toast brings the path back whole. */
static void
test_delete_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(SamEscalationPath) before = load (f->store, "buying-sex");
  g_autoptr(SamEscalationPath) back = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GtkWidget *row = sam_paths_window_find_row (f->paths, "buying-sex");

  g_assert_nonnull (row);
  click (find_button (row, "paths.delete"));
  g_assert_null (sam_paths_window_find_row (f->paths, "buying-sex"));
  listed = sam_store_list_paths (f->store, NULL);
  g_assert_cmpuint (listed->len, ==, 3);

  /* what the toast's Undo button does */
  gtk_widget_activate_action (GTK_WIDGET (f->paths), "paths.undo-delete", "s", "buying-sex");
  iterate ();
  g_assert_nonnull (sam_paths_window_find_row (f->paths, "buying-sex"));
  back = load (f->store, "buying-sex");
  g_assert_cmpuint (sam_escalation_path_get_steps (back)->len, ==,
                    sam_escalation_path_get_steps (before)->len);
}

/* A path naming a deleted actor shows a warning in the list, and the
 * problem at its step in the editor. */
static void
test_deleted_actor (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SamPathEditor *editor;
  GtkWidget *row;

  g_assert_null (g_object_get_data (G_OBJECT (sam_paths_window_find_row (f->paths, "trafficking-child")),
                                    "problems"));
  g_assert_true (sam_store_delete_actor (f->store, "barnahus-vasterbotten", -1, &error));
  g_assert_no_error (error);
  iterate ();
  row = sam_paths_window_find_row (f->paths, "trafficking-child");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "problems")), ==, 1);
  editor = sam_paths_window_edit (f->paths, "trafficking-child");
  g_assert_nonnull (strstr (sam_step_editor_row_get_problem_text (row_of (editor, "trafficking-child-s10", NULL)),
                            "barnahus-vasterbotten"));
  g_assert_false (save_enabled (editor));
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *file = g_build_filename (f->dir, "register.sqlite", NULL);
  g_autoptr(SamStore) reader = sam_store_open_read_only (file, NULL);
  SamPathsWindow *paths = sam_paths_window_new (f->parent, reader);

  gtk_window_present (GTK_WINDOW (paths));
  iterate ();
  g_assert_nonnull (sam_paths_window_find_row (paths, ADULT));
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (paths), "paths.new")));
  g_assert_false (gtk_widget_get_sensitive (find_button (sam_paths_window_find_row (paths, ADULT),
                                                         "paths.delete")));
  g_assert_null (sam_paths_window_edit (paths, ADULT));
  gtk_window_destroy (GTK_WINDOW (paths));
  iterate ();
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return 0;
    }
  sam_ui_test_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/path-editor/dead-end-then-note", test_dead_end_then_note);
  ADD ("/path-editor/fallback", test_fallback);
  ADD ("/path-editor/delete-step-undo", test_delete_step_undo);
  ADD ("/path-editor/move-in-view", test_move_in_view);
  ADD ("/path-editor/alt-down-keys", test_alt_down_keys);
  ADD ("/path-editor/keystroke-cost", test_keystroke_cost);
  ADD ("/path-editor/stale", test_stale);
  ADD ("/path-editor/new-path", test_new_path);
  ADD ("/path-editor/delete-undo", test_delete_undo);
  ADD ("/path-editor/deleted-actor", test_deleted_actor);
  ADD ("/path-editor/read-only", test_read_only);
  ADD ("/path-editor/role", test_role);
#undef ADD
  return g_test_run ();
}
