/* sam-step-editor-row.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-step-editor-row"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sam-actor.h"
#include "sam-contact-picker.h"
#include "sam-step-role-editor.h"
#include "sam-drop-down.h"
#include "sam-step-editor-row.h"

struct _SamStepEditorRow
{
  AdwBin parent_instance;

  SamEscalationStep *step;
  GListModel *actors;
  SamStore *store;
  gboolean syncing;

  SamStepTargets *targets;       /* the editor's */

  GtkWidget *card;
  GtkLabel *number_label;
  GtkLabel *id_label;
  GtkDropDown *kind_dropdown;
  GtkLabel *problem_label;
  SamTextPair *text_pair;
  GtkWidget *details;            /* rebuilt when the kind or a list changes */
  GtkRevealer *details_revealer;
  GtkToggleButton *expand_button;
  GtkDropDown *next_dropdown;
  GPtrArray *answer_dropdowns;   /* borrowed, one per answer */
};

enum { CHANGED, MOVE, REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SamStepEditorRow, sam_step_editor_row, ADW_TYPE_BIN)

static void rebuild_details (SamStepEditorRow *self);

static void
emit_changed (SamStepEditorRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static guint
find_target (GPtrArray *targets, const char *target)
{
  for (guint i = 0; i < targets->len; i++)
    if (g_strcmp0 (g_ptr_array_index (targets, i), target) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Next */

static void
next_selected_cb (SamStepEditorRow *self)
{
  guint i = gtk_drop_down_get_selected (self->next_dropdown);

  if (self->syncing || self->targets->syncing || i >= self->targets->next_ids->len)
    return;
  sam_escalation_step_set_next (self->step, g_ptr_array_index (self->targets->next_ids, i));
  emit_changed (self);
}

static void
sync_next (SamStepEditorRow *self)
{
  const char *next = sam_escalation_step_get_next (self->step);

  if (self->next_dropdown == NULL)
    return;
  self->syncing = TRUE;
  /* a step id that is not in the path shows nothing chosen; the problem says which */
  gtk_drop_down_set_selected (self->next_dropdown, find_target (self->targets->next_ids, next));
  self->syncing = FALSE;
}

/* Answers */

static void
answer_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, SamStepEditorRow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "answer"));
  SamStepAnswer *answer = g_ptr_array_index (sam_escalation_step_get_answers (self->step), index);
  guint i = gtk_drop_down_get_selected (dropdown);
  const char *target;

  if (self->syncing || self->targets->syncing || i >= self->targets->answer_targets->len)
    return;
  target = g_ptr_array_index (self->targets->answer_targets, i);
  g_clear_pointer (&answer->next, g_free);
  g_clear_pointer (&answer->path, g_free);
  if (target && g_str_has_prefix (target, "step:"))
    answer->next = g_strdup (target + strlen ("step:"));
  else if (target)
    answer->path = g_strdup (target + strlen ("path:"));
  emit_changed (self);
}

static void
sync_answers (SamStepEditorRow *self)
{
  GPtrArray *answers = sam_escalation_step_get_answers (self->step);

  self->syncing = TRUE;
  for (guint i = 0; i < self->answer_dropdowns->len && i < answers->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (answers, i);
      GtkDropDown *dropdown = g_ptr_array_index (self->answer_dropdowns, i);
      g_autofree char *target = a->next ? g_strconcat ("step:", a->next, NULL)
                              : a->path ? g_strconcat ("path:", a->path, NULL) : NULL;

      gtk_drop_down_set_selected (dropdown, find_target (self->targets->answer_targets, target));
    }
  self->syncing = FALSE;
}

static void
remove_answer_cb (GtkButton *button, SamStepEditorRow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "answer"));

  g_ptr_array_remove_index (sam_escalation_step_get_answers (self->step), index);
  rebuild_details (self);
  emit_changed (self);
}

static void
add_answer_cb (SamStepEditorRow *self)
{
  sam_escalation_step_add_answer (self->step, NULL, NULL);
  rebuild_details (self);
  emit_changed (self);
}

static GtkWidget *
answer_box (SamStepEditorRow *self, guint index)
{
  SamStepAnswer *answer = g_ptr_array_index (sam_escalation_step_get_answers (self->step), index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *pair = sam_text_pair_new (&answer->label, _("Answer (Swedish)"), _("Answer (English)"));
  GtkWidget *leads = gtk_label_new (_("Leads to"));
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->targets->answer_labels)), NULL);
  GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove Answer"));

  g_signal_connect_swapped (pair, "changed", G_CALLBACK (emit_changed), self);
  gtk_widget_add_css_class (leads, "dim-label");
  gtk_widget_set_hexpand (dropdown, TRUE);
  sam_drop_down_ellipsize (GTK_DROP_DOWN (dropdown));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Leads to"), -1);
  g_object_set_data (G_OBJECT (dropdown), "answer", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (remove), "answer", GUINT_TO_POINTER (index));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (answer_selected_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_answer_cb), self);
  g_ptr_array_add (self->answer_dropdowns, dropdown);
  gtk_box_append (GTK_BOX (line), leads);
  gtk_box_append (GTK_BOX (line), dropdown);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (box), pair);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_start (box, 12);
  return box;
}

/* Fallbacks */

static void
fallback_changed_cb (SamContactPicker *picker, SamStepEditorRow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (picker), "fallback"));
  SamStepFallback *f = g_ptr_array_index (sam_escalation_step_get_fallbacks (self->step), index);

  g_free (f->actor_id);
  g_free (f->route_id);
  f->actor_id = g_strdup (sam_contact_picker_get_actor_id (picker));
  f->route_id = g_strdup (sam_contact_picker_get_route_id (picker));
  emit_changed (self);
}

static void
fallback_button_cb (GtkButton *button, SamStepEditorRow *self)
{
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (self->step);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "fallback"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  if (delta == 0)
    g_ptr_array_remove_index (fallbacks, index);
  else if ((int) index + delta >= 0 && index + delta < fallbacks->len)
    {
      gpointer tmp = fallbacks->pdata[index];
      fallbacks->pdata[index] = fallbacks->pdata[index + delta];
      fallbacks->pdata[index + delta] = tmp;
    }
  rebuild_details (self);
  emit_changed (self);
}

static void
add_fallback_cb (SamStepEditorRow *self)
{
  g_autoptr(SamActor) first = g_list_model_get_item (self->actors, 0);

  /* a fallback always names an actor: the first until one is picked */
  if (first == NULL)
    return;
  sam_escalation_step_add_fallback (self->step, sam_actor_get_id (first), NULL);
  rebuild_details (self);
  emit_changed (self);
}

static GtkWidget *
fallback_line (SamStepEditorRow *self, guint index, guint n)
{
  SamStepFallback *f = g_ptr_array_index (sam_escalation_step_get_fallbacks (self->step), index);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: the place of a fallback in the order to try them: "2." */
  g_autofree char *number = g_strdup_printf (_("%u."), index + 1);
  GtkWidget *picker = sam_contact_picker_new (self->actors, self->store);
  struct { const char *icon; const char *tooltip; int delta; gboolean sensitive; } buttons[] = {
    { "go-up-symbolic", _("Try Earlier"), -1, index > 0 },
    { "go-down-symbolic", _("Try Later"), 1, index + 1 < n },
    { "user-trash-symbolic", _("Remove Fallback"), 0, TRUE },
  };

  sam_contact_picker_set (SAM_CONTACT_PICKER (picker), f->actor_id, f->route_id);
  gtk_widget_set_hexpand (picker, TRUE);
  g_object_set_data (G_OBJECT (picker), "fallback", GUINT_TO_POINTER (index));
  g_signal_connect (picker, "changed", G_CALLBACK (fallback_changed_cb), self);
  gtk_box_append (GTK_BOX (line), gtk_label_new (number));
  gtk_box_append (GTK_BOX (line), picker);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = icon_button (buttons[i].icon, buttons[i].tooltip);

      gtk_widget_set_sensitive (button, buttons[i].sensitive);
      g_object_set_data (G_OBJECT (button), "fallback", GUINT_TO_POINTER (index));
      g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (buttons[i].delta));
      g_signal_connect (button, "clicked", G_CALLBACK (fallback_button_cb), self);
      gtk_box_append (GTK_BOX (line), button);
    }
  gtk_widget_set_margin_start (line, 12);
  return line;
}

/* The parts by kind */

static void
contact_changed_cb (SamContactPicker *picker, SamStepEditorRow *self)
{
  sam_escalation_step_set_contact (self->step, sam_contact_picker_get_actor_id (picker),
                                   sam_contact_picker_get_route_id (picker));
  emit_changed (self);
}

static void
clear_contact_cb (SamStepEditorRow *self)
{
  sam_escalation_step_set_contact (self->step, NULL, NULL);
  rebuild_details (self);
  emit_changed (self);
}

static void
urgency_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, SamStepEditorRow *self)
{
  if (self->syncing)
    return;
  sam_escalation_step_set_urgency (self->step, gtk_drop_down_get_selected (dropdown));
  emit_changed (self);
}

static GtkWidget *
add_button (const char *label, GCallback callback, SamStepEditorRow *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (button, 12);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static void
build_action (SamStepEditorRow *self, GtkBox *box)
{
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (self->step);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *picker = sam_contact_picker_new (self->actors, self->store);
  GtkWidget *clear = icon_button ("edit-clear-symbolic", _("No Actor"));
  const char *urgencies[SAM_N_URGENCIES + 1] = { NULL };
  GtkWidget *urgency;
  GtkWidget *legal;
  GtkWidget *role;

  sam_contact_picker_set (SAM_CONTACT_PICKER (picker), sam_escalation_step_get_actor_id (self->step),
                          sam_escalation_step_get_route_id (self->step));
  gtk_widget_set_hexpand (picker, TRUE);
  g_signal_connect (picker, "changed", G_CALLBACK (contact_changed_cb), self);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_contact_cb), self);
  gtk_widget_set_sensitive (clear, sam_escalation_step_get_actor_id (self->step) != NULL);
  gtk_box_append (GTK_BOX (line), picker);
  gtk_box_append (GTK_BOX (line), clear);
  gtk_box_append (box, heading (_("Whom to Contact")));
  role = sam_step_role_editor_new (self->step);
  g_signal_connect_swapped (role, "changed", G_CALLBACK (emit_changed), self);
  gtk_box_append (box, role);
  gtk_box_append (box, line);

  for (guint i = 0; i < SAM_N_URGENCIES; i++)
    urgencies[i] = sam_urgency_get_label (i);
  urgency = gtk_drop_down_new_from_strings (urgencies);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (urgency), sam_escalation_step_get_urgency (self->step));
  gtk_accessible_update_property (GTK_ACCESSIBLE (urgency), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Urgency"), -1);
  gtk_widget_set_tooltip_text (urgency, _("Urgency"));
  g_signal_connect (urgency, "notify::selected", G_CALLBACK (urgency_selected_cb), self);
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (line), gtk_label_new (_("Urgency")));
  gtk_box_append (GTK_BOX (line), urgency);
  gtk_box_append (box, line);

  legal = sam_text_pair_new (sam_escalation_step_get_legal_ref (self->step),
                             _("Legal reference (Swedish)"), _("Legal reference (English)"));
  g_signal_connect_swapped (legal, "changed", G_CALLBACK (emit_changed), self);
  gtk_box_append (box, legal);

  gtk_box_append (box, heading (_("When the Route Is Closed, Try in Order")));
  for (guint i = 0; i < fallbacks->len; i++)
    gtk_box_append (box, fallback_line (self, i, fallbacks->len));
  gtk_box_append (box, add_button (_("Add _Fallback"), G_CALLBACK (add_fallback_cb), self));
}

static void
build_question (SamStepEditorRow *self, GtkBox *box)
{
  GPtrArray *answers = sam_escalation_step_get_answers (self->step);

  gtk_box_append (box, heading (_("Answers")));
  for (guint i = 0; i < answers->len; i++)
    gtk_box_append (box, answer_box (self, i));
  gtk_box_append (box, add_button (_("Add _Answer"), G_CALLBACK (add_answer_cb), self));
}

static void
build_next (SamStepEditorRow *self, GtkBox *box)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GListModel *labels = G_LIST_MODEL (g_object_ref (self->targets->next_labels));

  self->next_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (labels, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->next_dropdown), TRUE);
  sam_drop_down_ellipsize (self->next_dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Then"), -1);
  g_signal_connect_swapped (self->next_dropdown, "notify::selected", G_CALLBACK (next_selected_cb), self);
  gtk_box_append (GTK_BOX (line), gtk_label_new (_("Then")));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->next_dropdown));
  gtk_box_append (box, line);
}

static void
rebuild_details (SamStepEditorRow *self)
{
  GtkWidget *child;
  SamStepKind kind = sam_escalation_step_get_kind (self->step);

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (self->details)) != NULL)
    gtk_box_remove (GTK_BOX (self->details), child);
  self->next_dropdown = NULL;
  g_ptr_array_set_size (self->answer_dropdowns, 0);
  if (kind == SAM_STEP_KIND_ACTION)
    build_action (self, GTK_BOX (self->details));
  else if (kind == SAM_STEP_KIND_QUESTION)
    build_question (self, GTK_BOX (self->details));
  if (kind != SAM_STEP_KIND_QUESTION)
    build_next (self, GTK_BOX (self->details));
  self->syncing = FALSE;
  sync_next (self);
  sync_answers (self);
}

/* A question leads on through its answers, an action or a note through
 * "next": what the other kinds had is dropped when the kind changes. */
static void
kind_selected_cb (SamStepEditorRow *self)
{
  SamStepKind kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->syncing || kind >= SAM_N_STEP_KINDS || kind == sam_escalation_step_get_kind (self->step))
    return;
  sam_escalation_step_set_kind (self->step, kind);
  if (kind == SAM_STEP_KIND_QUESTION)
    {
      sam_escalation_step_set_next (self->step, NULL);
      sam_escalation_step_set_contact (self->step, NULL, NULL);
      sam_escalation_step_set_urgency (self->step, SAM_URGENCY_NONE);
      g_ptr_array_set_size (sam_escalation_step_get_fallbacks (self->step), 0);
    }
  else
    g_ptr_array_set_size (sam_escalation_step_get_answers (self->step), 0);
  if (kind == SAM_STEP_KIND_NOTE)
    {
      sam_escalation_step_set_contact (self->step, NULL, NULL);
      g_ptr_array_set_size (sam_escalation_step_get_fallbacks (self->step), 0);
    }
  rebuild_details (self);
  emit_changed (self);
}

static void
expand_toggled_cb (SamStepEditorRow *self)
{
  gboolean expanded = gtk_toggle_button_get_active (self->expand_button);

  gtk_revealer_set_reveal_child (self->details_revealer, expanded);
  gtk_button_set_icon_name (GTK_BUTTON (self->expand_button),
                            expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->expand_button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}

static void
move_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_signal_emit (widget, signals[MOVE], 0, g_str_equal (name, "step.move-up") ? -1 : 1);
}

static void
remove_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
sam_step_editor_row_dispose (GObject *object)
{
  SamStepEditorRow *self = SAM_STEP_EDITOR_ROW (object);

  g_clear_object (&self->step);
  g_clear_object (&self->actors);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sam_step_editor_row_parent_class)->dispose (object);
}

static void
sam_step_editor_row_finalize (GObject *object)
{
  SamStepEditorRow *self = SAM_STEP_EDITOR_ROW (object);

  g_ptr_array_unref (self->answer_dropdowns);
  G_OBJECT_CLASS (sam_step_editor_row_parent_class)->finalize (object);
}

static void
sam_step_editor_row_class_init (SamStepEditorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_step_editor_row_dispose;
  object_class->finalize = sam_step_editor_row_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "step.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "step.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "step.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "step.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "step.move-down", NULL);
}

static GtkWidget *
build_header (SamStepEditorRow *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  const char *kinds[SAM_N_STEP_KINDS + 1] = { NULL };
  struct { const char *icon; const char *tooltip; const char *action; } buttons[] = {
    { "go-up-symbolic", _("Move Up (Alt+↑)"), "step.move-up" },
    { "go-down-symbolic", _("Move Down (Alt+↓)"), "step.move-down" },
    { "user-trash-symbolic", _("Delete Step"), "step.remove" },
  };

  for (guint i = 0; i < SAM_N_STEP_KINDS; i++)
    kinds[i] = sam_step_kind_get_label (i);
  self->expand_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->expand_button), "pan-down-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->expand_button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->expand_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->expand_button), _("Show or Hide the Details"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expand_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Details of the step"), -1);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->expand_button));
  self->number_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "title-4");
  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of step"), -1);
  self->id_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->id_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (self->id_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->id_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->id_label), "caption");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->number_label));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->kind_dropdown));
  /* the id goes on a line of its own and the kind may shorten: the
   * header fits a phone */
  sam_drop_down_ellipsize (self->kind_dropdown);
  gtk_widget_set_hexpand (GTK_WIDGET (self->kind_dropdown), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->kind_dropdown), GTK_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = icon_button (buttons[i].icon, buttons[i].tooltip);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
      gtk_box_append (GTK_BOX (header), button);
    }
  return header;
}

static void
sam_step_editor_row_init (SamStepEditorRow *self)
{
  self->answer_dropdowns = g_ptr_array_new ();
  self->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->card, "card");
  gtk_widget_add_css_class (self->card, "step-card");
  gtk_box_append (GTK_BOX (self->card), build_header (self));
  gtk_box_append (GTK_BOX (self->card), GTK_WIDGET (self->id_label));
  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_label_set_selectable (self->problem_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_box_append (GTK_BOX (self->card), GTK_WIDGET (self->problem_label));
  adw_bin_set_child (ADW_BIN (self), self->card);
}

SamStepEditorRow *
sam_step_editor_row_new (SamEscalationStep *step,
                         GListModel        *actors,
                         SamStore          *store,
                         SamStepTargets    *targets)
{
  SamStepEditorRow *self = g_object_new (SAM_TYPE_STEP_EDITOR_ROW, NULL);
  g_autofree char *id = NULL;

  self->step = g_object_ref (step);
  self->actors = g_object_ref (actors);
  self->store = g_object_ref (store);
  self->targets = targets;
  /* Translators: the step's id, for the messages that name it */
  id = g_strdup_printf (_("Id: %s"), sam_escalation_step_get_id (step));
  gtk_label_set_text (self->id_label, id);
  gtk_drop_down_set_selected (self->kind_dropdown, sam_escalation_step_get_kind (step));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  self->text_pair = SAM_TEXT_PAIR (sam_text_pair_new (sam_escalation_step_get_text (step),
                                                      _("Text (Swedish)"), _("Text (English)")));
  g_signal_connect_swapped (self->text_pair, "changed", G_CALLBACK (emit_changed), self);
  gtk_box_append (GTK_BOX (self->card), GTK_WIDGET (self->text_pair));
  self->details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->details_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_duration (self->details_revealer, 150);
  gtk_revealer_set_child (self->details_revealer, self->details);
  gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
  gtk_toggle_button_set_active (self->expand_button, TRUE);
  g_signal_connect_swapped (self->expand_button, "toggled", G_CALLBACK (expand_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->card), GTK_WIDGET (self->details_revealer));
  rebuild_details (self);
  return self;
}

SamEscalationStep *
sam_step_editor_row_get_step (SamStepEditorRow *self)
{
  g_return_val_if_fail (SAM_IS_STEP_EDITOR_ROW (self), NULL);
  return self->step;
}

void
sam_step_editor_row_sync_targets (SamStepEditorRow *self)
{
  g_return_if_fail (SAM_IS_STEP_EDITOR_ROW (self));
  sync_next (self);
  sync_answers (self);
}

void
sam_step_editor_row_set_position (SamStepEditorRow *self, guint position, guint n_steps)
{
  g_autofree char *number = NULL;

  g_return_if_fail (SAM_IS_STEP_EDITOR_ROW (self));
  /* Translators: the first step of a path, where it starts: "1 · Start" */
  number = position == 0 ? g_strdup_printf (_("%u · Start"), position + 1)
                         : g_strdup_printf ("%u", position + 1);
  gtk_label_set_text (self->number_label, number);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.move-down", position + 1 < n_steps);
}

void
sam_step_editor_row_set_problems (SamStepEditorRow *self, GPtrArray *messages)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (SAM_IS_STEP_EDITOR_ROW (self));
  for (guint i = 0; messages && i < messages->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (messages, i));
  gtk_label_set_text (self->problem_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text->len > 0);
  if (text->len > 0)
    gtk_widget_add_css_class (self->card, "problem");
  else
    gtk_widget_remove_css_class (self->card, "problem");
}

const char *
sam_step_editor_row_get_problem_text (SamStepEditorRow *self)
{
  g_return_val_if_fail (SAM_IS_STEP_EDITOR_ROW (self), NULL);
  return gtk_label_get_text (self->problem_label);
}

void
sam_step_editor_row_set_expanded (SamStepEditorRow *self, gboolean expanded)
{
  g_return_if_fail (SAM_IS_STEP_EDITOR_ROW (self));
  gtk_toggle_button_set_active (self->expand_button, expanded);
}

gboolean
sam_step_editor_row_get_expanded (SamStepEditorRow *self)
{
  g_return_val_if_fail (SAM_IS_STEP_EDITOR_ROW (self), FALSE);
  return gtk_toggle_button_get_active (self->expand_button);
}

void
sam_step_editor_row_focus_text (SamStepEditorRow *self)
{
  g_return_if_fail (SAM_IS_STEP_EDITOR_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (sam_text_pair_get_entry (self->text_pair, SAM_LANG_SV)));
}

SamTextPair *
sam_step_editor_row_get_text_pair (SamStepEditorRow *self)
{
  g_return_val_if_fail (SAM_IS_STEP_EDITOR_ROW (self), NULL);
  return self->text_pair;
}

GtkDropDown *
sam_step_editor_row_get_next_dropdown (SamStepEditorRow *self)
{
  g_return_val_if_fail (SAM_IS_STEP_EDITOR_ROW (self), NULL);
  return self->next_dropdown;
}

GtkDropDown *
sam_step_editor_row_get_answer_dropdown (SamStepEditorRow *self, guint i)
{
  g_return_val_if_fail (SAM_IS_STEP_EDITOR_ROW (self), NULL);
  return i < self->answer_dropdowns->len ? g_ptr_array_index (self->answer_dropdowns, i) : NULL;
}
