/* sam-path-editor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-path-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-areas.h"
#include "sam-errors.h"
#include "sam-path-check.h"
#include "sam-path-editor.h"
#include "sam-stale-dialog.h"
#include "sam-step-editor-row.h"
#include "sam-text-pair.h"
#include "sam-unsaved.h"

struct _SamPathEditor
{
  AdwWindow parent_instance;

  SamStore *store;
  SamEscalationPath *path;       /* the copy being edited */
  gboolean is_new;
  GPtrArray *paths;              /* the register's paths, where answers may lead */
  GListStore *actors;            /* SamActor with names only, for the pickers */
  GPtrArray *area_codes;         /* index in the area drop-down → code */
  GPtrArray *problems;           /* SamPathProblem */
  SamStepTargets *targets;       /* where steps and answers may lead */
  SamEscalationStep *removed;    /* the step deleted last, for Undo */
  guint removed_at;

  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkRevealer *problems_revealer;
  GtkLabel *problems_title;
  GtkLabel *problems_label;
  AdwToastOverlay *toast_overlay;
  gboolean load_failed;    /* the register's lists could not be read */
  AdwBin *title_slot;
  AdwBin *summary_slot;
  AdwComboRow *situation_row;
  GtkDropDown *area_dropdown;
  GtkBox *steps_box;
};

enum { SAVED, RELOAD_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SamPathEditor, sam_path_editor, ADW_TYPE_WINDOW)

static void
show_toast (SamPathEditor *self, const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Validation */

static void
add_path_problem (SamPathEditor *self, const char *message)
{
  SamPathProblem *p = g_new0 (SamPathProblem, 1);

  p->message = g_strdup (message);
  g_ptr_array_insert (self->problems, 0, p);
}

/* The list at the top shows the first few; every one shows at its step. */
#define SHOWN_PROBLEMS 4

static void
show_problems (SamPathEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint n = self->problems->len;

  for (guint i = 0; i < n && i < SHOWN_PROBLEMS; i++)
    g_string_append_printf (text, "%s• %s", i ? "\n" : "",
                            ((SamPathProblem *) g_ptr_array_index (self->problems, i))->message);
  if (n > SHOWN_PROBLEMS)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "…and %u more, shown at its step.",
                                                 "…and %u more, shown at their steps.", n - SHOWN_PROBLEMS),
                              n - SHOWN_PROBLEMS);
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "The path cannot be saved while it has %u problem:",
                                        "The path cannot be saved while it has %u problems:", n), n);
  gtk_label_set_text (self->problems_title, title);
  gtk_label_set_text (self->problems_label, text->str);
  gtk_revealer_set_reveal_child (self->problems_revealer, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", n == 0 && !self->load_failed);
}

/* Runs sam_path_check() on the copy and shows each problem at its step. */
static void
validate (SamPathEditor *self)
{
  SamText *title = sam_escalation_path_get_title (self->path);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = sam_path_check_problems (self->path, self->paths, self->store);
  if (sam_text_get_best (title, SAM_LANG_SV, NULL) == NULL)
    add_path_problem (self, _("The path needs a title, in Swedish or English."));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      SamEscalationStep *step = sam_step_editor_row_get_step (SAM_STEP_EDITOR_ROW (child));
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();

      for (guint i = 0; i < self->problems->len; i++)
        {
          SamPathProblem *p = g_ptr_array_index (self->problems, i);
          if (g_strcmp0 (p->step_id, sam_escalation_step_get_id (step)) == 0)
            g_ptr_array_add (mine, p->message);
        }
      sam_step_editor_row_set_problems (SAM_STEP_EDITOR_ROW (child), mine);
    }
  show_problems (self);
}

/* Numbers, start, and where each step may lead, after any change of steps
 * or of their texts (the lists of where to go show them). */
static void
refresh (SamPathEditor *self)
{
  GPtrArray *steps = sam_escalation_path_get_steps (self->path);
  guint i = 0;

  sam_escalation_path_set_start (self->path, steps->len
                                 ? sam_escalation_step_get_id (g_ptr_array_index (steps, 0)) : NULL);
  sam_step_targets_update (self->targets, self->path, self->paths);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      sam_step_editor_row_set_position (SAM_STEP_EDITOR_ROW (child), i, steps->len);
      sam_step_editor_row_sync_targets (SAM_STEP_EDITOR_ROW (child));
    }
  validate (self);
}

/* Steps */

/* Scrolls so that @row, just moved or added, is in view: after the next
 * layout, when its place is known. */
static gboolean
reveal_row_cb (gpointer data)
{
  GtkWidget *row = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scroller ? gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (
                                    GTK_SCROLLED_WINDOW (scroller)))) : NULL;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page;

  if (content == NULL || !gtk_widget_compute_bounds (row, content, &bounds))
    return G_SOURCE_REMOVE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value || bounds.size.height > page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 12);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page + 12);
  return G_SOURCE_REMOVE;
}

static void
reveal_row (SamStepEditorRow *row)
{
  g_idle_add_full (G_PRIORITY_LOW, reveal_row_cb, g_object_ref (row), g_object_unref);
}

static void
row_move_cb (SamStepEditorRow *row, int delta, SamPathEditor *self)
{
  GPtrArray *steps = sam_escalation_path_get_steps (self->path);
  SamEscalationStep *step = sam_step_editor_row_get_step (row);
  GtkWidget *sibling;
  guint index;

  if (!g_ptr_array_find (steps, step, &index) || (delta < 0 && index == 0) ||
      (delta > 0 && index + 1 >= steps->len))
    return;
  steps->pdata[index] = steps->pdata[index + delta];
  steps->pdata[index + delta] = step;
  if (delta < 0)
    sibling = gtk_widget_get_prev_sibling (gtk_widget_get_prev_sibling (GTK_WIDGET (row)));
  else
    sibling = gtk_widget_get_next_sibling (GTK_WIDGET (row));
  gtk_box_reorder_child_after (self->steps_box, GTK_WIDGET (row), sibling);
  refresh (self);
  reveal_row (row);
}

/* Delete asks nothing: the toast offers Undo for the step deleted last. */
static void
row_remove_cb (SamStepEditorRow *row, SamPathEditor *self)
{
  GPtrArray *steps = sam_escalation_path_get_steps (self->path);
  SamEscalationStep *step = sam_step_editor_row_get_step (row);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!g_ptr_array_find (steps, step, &self->removed_at))
    return;
  g_set_object (&self->removed, step);
  g_ptr_array_remove_index (steps, self->removed_at);
  gtk_box_remove (self->steps_box, GTK_WIDGET (row));
  refresh (self);
  title = g_strdup_printf (_("Step %u deleted"), self->removed_at + 1);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "editor.undo-remove-step");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static SamStepEditorRow *
add_row (SamPathEditor *self, SamEscalationStep *step)
{
  SamStepEditorRow *row = sam_step_editor_row_new (step, G_LIST_MODEL (self->actors), self->store,
                                                   self->targets);

  g_signal_connect_swapped (row, "changed", G_CALLBACK (refresh), self);
  g_signal_connect (row, "move", G_CALLBACK (row_move_cb), self);
  g_signal_connect (row, "remove", G_CALLBACK (row_remove_cb), self);
  gtk_box_append (self->steps_box, GTK_WIDGET (row));
  return row;
}

static void
undo_remove_step_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamPathEditor *self = SAM_PATH_EDITOR (widget);
  GPtrArray *steps = sam_escalation_path_get_steps (self->path);
  g_autoptr(GPtrArray) rows = NULL;
  SamStepEditorRow *row;
  guint at;

  if (self->removed == NULL)
    return;
  at = MIN (self->removed_at, steps->len);
  rows = sam_path_editor_list_rows (self);
  g_ptr_array_insert (steps, at, g_object_ref (self->removed));
  row = add_row (self, self->removed);
  gtk_box_reorder_child_after (self->steps_box, GTK_WIDGET (row),
                               at > 0 ? g_ptr_array_index (rows, at - 1) : NULL);
  g_clear_object (&self->removed);
  refresh (self);
  reveal_row (row);
}

static gboolean
step_id_taken (SamPathEditor *self, const char *id)
{
  /* step ids are unique within their path; other paths may use the same */
  return sam_escalation_path_find_step (self->path, id) != NULL;
}

/* Ids like the sample's, "<path>-s15": short enough to read in a message. */
static char *
new_step_id (SamPathEditor *self)
{
  GPtrArray *steps = sam_escalation_path_get_steps (self->path);
  g_autofree char *prefix = g_strconcat (sam_escalation_path_get_id (self->path), "-s", NULL);
  guint64 n = steps->len;
  char *id = NULL;

  do
    {
      g_free (id);
      id = g_strdup_printf ("%s%" G_GUINT64_FORMAT, prefix, ++n);
    }
  while (step_id_taken (self, id));
  return id;
}

static void
add_step_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamPathEditor *self = SAM_PATH_EDITOR (widget);
  SamStepKind kind = SAM_STEP_KIND_NOTE;
  g_autofree char *id = new_step_id (self);
  g_autoptr(SamEscalationStep) step = NULL;
  SamStepEditorRow *row;

  sam_step_kind_from_string (g_variant_get_string (param, NULL), &kind);
  step = sam_escalation_step_new (id, kind);
  /* most questions have two answers: yes and no */
  for (guint i = 0; kind == SAM_STEP_KIND_QUESTION && i < 2; i++)
    sam_escalation_step_add_answer (step, NULL, NULL);
  sam_escalation_path_add_step (self->path, step);
  row = add_row (self, step);
  refresh (self);
  sam_step_editor_row_focus_text (row);
  reveal_row (row);
}

/* The path's own fields */

static void
path_changed_cb (SamPathEditor *self)
{
  const char *title = sam_text_get_best (sam_escalation_path_get_title (self->path),
                                         sam_lang_from_locale (), NULL);

  adw_window_title_set_subtitle (self->window_title, title ? title : "");
  refresh (self);
}

static void
situation_selected_cb (SamPathEditor *self)
{
  guint i = adw_combo_row_get_selected (self->situation_row);

  if (i < SAM_N_SITUATIONS)
    sam_escalation_path_set_situation (self->path, i);
}

static void
area_selected_cb (SamPathEditor *self)
{
  guint i = gtk_drop_down_get_selected (self->area_dropdown);

  if (i < self->area_codes->len)
    sam_escalation_path_set_area (self->path, g_ptr_array_index (self->area_codes, i));
}

static void
setup_fields (SamPathEditor *self)
{
  g_autoptr(GtkStringList) situations = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GPtrArray *all = sam_areas_get_all ();
  GtkWidget *title = sam_text_pair_new (sam_escalation_path_get_title (self->path),
                                        _("Title (Swedish)"), _("Title (English)"));
  GtkWidget *summary = sam_text_pair_new (sam_escalation_path_get_summary (self->path),
                                          _("Summary (Swedish)"), _("Summary (English)"));
  guint area = 0;

  g_signal_connect_swapped (title, "changed", G_CALLBACK (path_changed_cb), self);
  g_signal_connect_swapped (summary, "changed", G_CALLBACK (path_changed_cb), self);
  adw_bin_set_child (self->title_slot, title);
  adw_bin_set_child (self->summary_slot, summary);
  for (guint i = 0; i < SAM_N_SITUATIONS; i++)
    gtk_string_list_append (situations, sam_situation_get_label (i));
  adw_combo_row_set_model (self->situation_row, G_LIST_MODEL (situations));
  adw_combo_row_set_selected (self->situation_row, sam_escalation_path_get_situation (self->path));
  for (guint i = 0; i < all->len; i++)
    {
      const SamArea *a = g_ptr_array_index (all, i);

      gtk_string_list_append (areas, sam_area_get_name (a));
      g_ptr_array_add (self->area_codes, (char *) a->code);
      if (g_strcmp0 (a->code, sam_escalation_path_get_area (self->path)) == 0)
        area = i;
    }
  gtk_drop_down_set_expression (self->area_dropdown, expression);
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (areas));
  gtk_drop_down_set_selected (self->area_dropdown, area);
  g_signal_connect_swapped (self->situation_row, "notify::selected",
                            G_CALLBACK (situation_selected_cb), self);
  g_signal_connect_swapped (self->area_dropdown, "notify::selected", G_CALLBACK (area_selected_cb), self);
}

/* A long path opens with the steps that have problems open, the others
 * showing their texts only: 14 open cards are some 5,000 pixels high. */
#define OPEN_STEPS 6

static void
collapse_sound_steps (SamPathEditor *self)
{
  if (sam_escalation_path_get_steps (self->path)->len <= OPEN_STEPS)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      SamStepEditorRow *row = SAM_STEP_EDITOR_ROW (child);

      sam_step_editor_row_set_expanded (row, *sam_step_editor_row_get_problem_text (row) != '\0');
    }
}

static void
expand_all_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamPathEditor *self = SAM_PATH_EDITOR (widget);
  gboolean expanded = g_str_equal (name, "editor.expand-all");

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box)); child;
       child = gtk_widget_get_next_sibling (child))
    sam_step_editor_row_set_expanded (SAM_STEP_EDITOR_ROW (child), expanded);
}

/* Saving */

static void
reload_requested (GtkWindow *window)
{
  SamPathEditor *self = (SamPathEditor *) window;

  g_signal_emit (self, signals[RELOAD_REQUESTED], 0, sam_escalation_path_get_id (self->path));
}

static void
show_stale_dialog (SamPathEditor *self, GError *error)
{
  sam_stale_dialog_show (GTK_WINDOW (self), error->message, reload_requested);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  sam_path_editor_save (SAM_PATH_EDITOR (widget));
}

static void
sam_path_editor_dispose (GObject *object)
{
  SamPathEditor *self = SAM_PATH_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->path);
  g_clear_object (&self->removed);
  g_clear_object (&self->actors);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->area_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (sam_path_editor_parent_class)->dispose (object);
}

static void
sam_path_editor_finalize (GObject *object)
{
  /* after dispose: the step cards borrow the lists until they go */
  sam_step_targets_free (SAM_PATH_EDITOR (object)->targets);
  G_OBJECT_CLASS (sam_path_editor_parent_class)->finalize (object);
}

static void
sam_path_editor_class_init (SamPathEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_path_editor_dispose;
  object_class->finalize = sam_path_editor_finalize;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAM_TYPE_ESCALATION_PATH);
  signals[RELOAD_REQUESTED] = g_signal_new ("reload-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samverkan/Samverkan/sam-path-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, problems_title);
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, title_slot);
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, summary_slot);
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, situation_row);
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPathEditor, steps_box);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-step", "s", add_step_action);
  gtk_widget_class_install_action (widget_class, "editor.undo-remove-step", NULL, undo_remove_step_action);
  gtk_widget_class_install_action (widget_class, "editor.expand-all", NULL, expand_all_action);
  gtk_widget_class_install_action (widget_class, "editor.collapse-all", NULL, expand_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
sam_path_editor_init (SamPathEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->actors = g_list_store_new (SAM_TYPE_ACTOR);
  self->targets = sam_step_targets_new ();
  self->area_codes = g_ptr_array_new ();
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_path_problem_free);
}

/* Without the register's actors and paths the editor would offer empty
 * lists and save a path whose steps name nothing: it says why and the
 * path cannot be saved. */
static void
load_register (SamPathEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actors = sam_store_list_actor_choices (self->store, &error);

  if (actors != NULL)
    self->paths = sam_store_list_paths (self->store, &error);
  if (actors == NULL || self->paths == NULL)
    {
      self->load_failed = TRUE;
      g_clear_pointer (&self->paths, g_ptr_array_unref);
      self->paths = g_ptr_array_new_with_free_func (g_object_unref);
      show_toast (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }
  g_list_store_splice (self->actors, 0, 0, actors->pdata, actors->len);
}

/* A new path gets a short id of its own and a first step to fill in. */
static SamEscalationPath *
new_path (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strdup_printf ("path-%.8s", uuid);
  g_autofree char *step_id = g_strconcat (id, "-s1", NULL);
  SamEscalationPath *path = sam_escalation_path_new (id);
  g_autoptr(SamEscalationStep) step = sam_escalation_step_new (step_id, SAM_STEP_KIND_ACTION);

  sam_escalation_path_add_step (path, step);
  sam_escalation_path_set_start (path, step_id);
  return path;
}

SamPathEditor *
sam_path_editor_new (GtkWindow *parent, SamStore *store, SamEscalationPath *path)
{
  SamPathEditor *self = g_object_new (SAM_TYPE_PATH_EDITOR, "transient-for", parent,
                                      /* a dialog to a screen reader, not "filler" */
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  SamTextPair *title;
  GPtrArray *steps;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  self->is_new = path == NULL;
  self->path = path ? sam_escalation_path_copy (path) : new_path ();
  load_register (self);
  if (self->is_new)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Escalation Path"));
      adw_window_title_set_title (self->window_title, _("New Escalation Path"));
    }
  setup_fields (self);
  steps = sam_escalation_path_get_steps (self->path);
  for (guint i = 0; i < steps->len; i++)
    add_row (self, g_ptr_array_index (steps, i));
  path_changed_cb (self);
  collapse_sound_steps (self);
  title = SAM_TEXT_PAIR (adw_bin_get_child (self->title_slot));
  gtk_widget_grab_focus (GTK_WIDGET (sam_text_pair_get_entry (title, SAM_LANG_SV)));
  sam_unsaved_guard (GTK_WINDOW (self));
  return self;
}

SamEscalationPath *
sam_path_editor_get_path (SamPathEditor *self)
{
  g_return_val_if_fail (SAM_IS_PATH_EDITOR (self), NULL);
  return self->path;
}

GPtrArray *
sam_path_editor_get_problems (SamPathEditor *self)
{
  g_return_val_if_fail (SAM_IS_PATH_EDITOR (self), NULL);
  return self->problems;
}

GPtrArray *
sam_path_editor_list_rows (SamPathEditor *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  g_return_val_if_fail (SAM_IS_PATH_EDITOR (self), NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box)); child;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (rows, child);
  return rows;
}

gboolean
sam_path_editor_save (SamPathEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_return_val_if_fail (SAM_IS_PATH_EDITOR (self), FALSE);

  validate (self);
  if (self->problems->len > 0)
    {
      show_toast (self, _("Nothing was saved: the problems listed at the top need fixing first."));
      return FALSE;
    }
  saved = self->is_new ? sam_store_insert_path (self->store, self->path, &error)
                       : sam_store_update_path (self->store, self->path, &error);
  if (!saved)
    {
      if (g_error_matches (error, SAM_ERROR, SAM_ERROR_STALE))
        show_stale_dialog (self, error);
      else
        show_toast (self, error->message);
      return FALSE;
    }
  g_object_ref (self);
  self->is_new = FALSE;
  g_signal_emit (self, signals[SAVED], 0, self->path);
  sam_unsaved_release (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}
