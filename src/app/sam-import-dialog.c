/* sam-import-dialog.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-errors.h"
#include "sam-import-dialog.h"
#include "sam-register-tasks.h"

/* The preview lists this many changed records; the counts say the rest. */
#define MAX_LISTED 200

struct _SamImportDialog
{
  AdwWindow parent_instance;

  SamMergePlan *plan;
  GtkStack *stack;
  GtkWidget *back_button;
  GtkWidget *primary_button;
  GtkWidget *undecided_label;
  gboolean applying;
};

G_DEFINE_FINAL_TYPE (SamImportDialog, sam_import_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_buttons (SamImportDialog *self);

static void
sam_import_dialog_finalize (GObject *object)
{
  SamImportDialog *self = SAM_IMPORT_DIALOG (object);

  /* here, not in dispose: an import that runs borrows the plan and holds
   * a reference to the dialog until it is done */
  sam_merge_plan_free (self->plan);
  G_OBJECT_CLASS (sam_import_dialog_parent_class)->finalize (object);
}

static void
sam_import_dialog_class_init (SamImportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_import_dialog_finalize;

  /**
   * SamImportDialog::applied:
   * @summary: what was imported, for a toast
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sam_import_dialog_init (SamImportDialog *self)
{
}

static GtkWidget *
count_row (const char *title, guint n, const char *icon)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", n);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (icon)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (label, n ? "heading" : "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static const char *
entity_label (SamMergeItem *item)
{
  return g_str_equal (sam_merge_item_get_entity (item), "path") ? _("Escalation path") : _("Actor");
}

static GtkWidget *
build_preview (SamImportDialog *self)
{
  SamMergePlan *plan = self->plan;
  const SamRegisterData *data = sam_merge_plan_get_data (plan);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GPtrArray *changes = sam_merge_plan_get_changes (plan);
  GPtrArray *notes = sam_merge_plan_get_notes (plan);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *title = g_strdup_printf (_("From “%s”"), sam_merge_plan_get_source_name (plan));
  static const struct { SamMergeAction action; const char *icon; } counts[] = {
    { SAM_MERGE_NEW, "list-add-symbolic" },
    { SAM_MERGE_UPDATED, "document-edit-symbolic" },
    { SAM_MERGE_UNCHANGED, "emblem-ok-symbolic" },
    { SAM_MERGE_DELETED, "user-trash-symbolic" },
    { SAM_MERGE_CONFLICT, "dialog-warning-symbolic" },
  };

  if (data->meta.owner)
    g_string_append_printf (description, _("Published by %s"), data->meta.owner);
  if (data->meta.version > 0)
    g_string_append_printf (description, "%s%s %" G_GINT64_FORMAT, description->len ? " · " : "",
                            _("version"), data->meta.version);
  if (data->exported)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (data->exported);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      g_string_append_printf (description, "%s%s %s", description->len ? " · " : "", _("exported"), when);
    }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description->str);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               count_row (sam_merge_action_get_label (counts[i].action),
                                          sam_merge_plan_count (plan, counts[i].action), counts[i].icon));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (notes->len > 0)
    {
      GtkWidget *notes_group = adw_preferences_group_new ();

      for (guint i = 0; i < notes->len; i++)
        {
          GtkWidget *label = gtk_label_new (g_ptr_array_index (notes, i));

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "dim-label");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (notes_group), label);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (notes_group));
    }

  if (changes->len > 0)
    {
      GtkWidget *list = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (list), _("What Changes"));
      for (guint i = 0; i < changes->len && i < MAX_LISTED; i++)
        {
          SamMergeItem *item = g_ptr_array_index (changes, i);
          GtkWidget *row = adw_action_row_new ();
          gboolean proposal = sam_merge_item_is_proposal (item);
          /* Translators: a change from a register that does not own the record */
          GtkWidget *badge = gtk_label_new (proposal ? C_("merge", "Proposal")
                                            : sam_merge_action_get_label (sam_merge_item_get_action (item)));
          /* Translators: "Actor · polisen · belongs to this register" */
          g_autofree char *subtitle = proposal
            ? g_strdup_printf (_("%s · %s · belongs to %s"), entity_label (item), sam_merge_item_get_id (item),
                               sam_merge_item_get_owner_name (item))
            : g_strdup_printf ("%s · %s", entity_label (item), sam_merge_item_get_id (item));

          if (proposal)
            {
              gtk_widget_set_name (badge, "proposal-badge");
              gtk_widget_add_css_class (badge, "proposal");
            }
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sam_merge_item_get_name (item));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_widget_add_css_class (badge, sam_merge_item_get_action (item) == SAM_MERGE_CONFLICT ? "warning" : "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (list), row);
        }
      if (changes->len > MAX_LISTED)
        {
          g_autofree char *more = g_strdup_printf (_("And %u more."), changes->len - MAX_LISTED);
          GtkWidget *label = gtk_label_new (more);
          gtk_widget_add_css_class (label, "dim-label");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (list), label);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (list));
    }
  else
    {
      GtkWidget *nothing = adw_preferences_group_new ();
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (nothing),
                                             _("This register already has everything in the file."));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (nothing));
    }
  return page;
}

/* Conflicts */

typedef struct {
  SamImportDialog *dialog;
  SamMergeItem *item;
  char *key;
  SamMergeSide side;
} Choice;

static void
choice_free (gpointer data, GClosure *closure)
{
  Choice *choice = data;

  g_free (choice->key);
  g_free (choice);
}

static void
choice_toggled_cb (GtkCheckButton *button, Choice *choice)
{
  if (!gtk_check_button_get_active (button))
    return;
  sam_merge_item_choose (choice->item, choice->key, choice->side);
  update_buttons (choice->dialog);
}

static GtkWidget *
side_row (SamImportDialog *self, SamMergeItem *item, SamMergeField *field, SamMergeSide side,
          GtkCheckButton *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *value = side == SAM_MERGE_SIDE_MINE ? field->mine : field->theirs;
  Choice *choice = g_new0 (Choice, 1);

  choice->dialog = self;
  choice->item = item;
  choice->key = g_strdup (field->key);
  choice->side = side;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 side == SAM_MERGE_SIDE_MINE ? _("Keep mine") : _("Take theirs"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value ? value : _("(none)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), field->choice == side);
  g_signal_connect_data (check, "toggled", G_CALLBACK (choice_toggled_cb), choice, choice_free, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
prefer_clicked_cb (GtkButton *button, SamImportDialog *self)
{
  SamMergeSide side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "side"));
  GPtrArray *conflicts = sam_merge_plan_get_conflicts (self->plan);
  GtkWidget *page;

  for (guint i = 0; i < conflicts->len; i++)
    {
      GPtrArray *fields = sam_merge_item_get_fields (g_ptr_array_index (conflicts, i));
      for (guint k = 0; k < fields->len; k++)
        ((SamMergeField *) g_ptr_array_index (fields, k))->choice = side;
    }
  /* rebuild the page to show the choices */
  page = gtk_stack_get_child_by_name (self->stack, "conflicts");
  gtk_stack_remove (self->stack, page);
  sam_import_dialog_show_conflicts (self);
}

/* A change from a register that does not own the record is a proposal,
 * not a conflict between two owners' edits: say whose it is, and that
 * nothing of it is applied unless taken. */
static GtkWidget *
proposal_banner (SamMergeItem *item)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  text = g_strdup_printf (_("Proposal: this record belongs to %s, not to the register the file "
                            "comes from. Nothing of it is applied unless you choose “Take theirs”."),
                          sam_merge_item_get_owner_name (item));
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "proposal");
  gtk_widget_add_css_class (label, "warning");
  gtk_widget_set_name (label, "proposal-banner");
  return label;
}

static GtkWidget *
build_conflicts (SamImportDialog *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *top = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *mine = gtk_button_new_with_mnemonic (_("Keep All _Mine"));
  GtkWidget *theirs = gtk_button_new_with_mnemonic (_("Take All _Theirs"));
  GPtrArray *conflicts = sam_merge_plan_get_conflicts (self->plan);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (top), _("Changed Here and in the File"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (top),
      _("For each field, keep what this register has or take what the file has."));
  g_object_set_data (G_OBJECT (mine), "side", GINT_TO_POINTER (SAM_MERGE_SIDE_MINE));
  g_object_set_data (G_OBJECT (theirs), "side", GINT_TO_POINTER (SAM_MERGE_SIDE_THEIRS));
  g_signal_connect (mine, "clicked", G_CALLBACK (prefer_clicked_cb), self);
  g_signal_connect (theirs, "clicked", G_CALLBACK (prefer_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), mine);
  gtk_box_append (GTK_BOX (buttons), theirs);
  gtk_widget_set_margin_top (buttons, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (top), buttons);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (top));

  for (guint i = 0; i < conflicts->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (conflicts, i);
      GPtrArray *fields = sam_merge_item_get_fields (item);
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *description = g_strdup_printf ("%s · %s", entity_label (item), sam_merge_item_get_id (item));
      g_autofree char *escaped = g_markup_escape_text (sam_merge_item_get_name (item), -1);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
      if (sam_merge_item_is_proposal (item))
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), proposal_banner (item));
      for (guint k = 0; k < fields->len; k++)
        {
          SamMergeField *field = g_ptr_array_index (fields, k);
          GtkWidget *expander = adw_expander_row_new ();
          GtkWidget *first;

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), field->label);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
          first = side_row (self, item, field, SAM_MERGE_SIDE_MINE, NULL);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), first);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    side_row (self, item, field, SAM_MERGE_SIDE_THEIRS,
                                              GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (first)))));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }
  return page;
}

/* Buttons */

static gboolean
on_conflicts_page (SamImportDialog *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "conflicts") == 0;
}

static void
update_buttons (SamImportDialog *self)
{
  guint conflicts = sam_merge_plan_count (self->plan, SAM_MERGE_CONFLICT);
  guint undecided = sam_merge_plan_count_undecided (self->plan);
  gboolean on_conflicts = on_conflicts_page (self);

  gtk_widget_set_visible (self->back_button, on_conflicts);
  if (conflicts > 0 && !on_conflicts)
    gtk_button_set_label (GTK_BUTTON (self->primary_button), _("_Resolve Conflicts…"));
  else if (sam_merge_plan_is_noop (self->plan))
    gtk_button_set_label (GTK_BUTTON (self->primary_button), _("_Close"));
  else
    gtk_button_set_label (GTK_BUTTON (self->primary_button), _("_Import"));
  gtk_widget_set_sensitive (self->primary_button,
                            !self->applying && (!on_conflicts || undecided == 0));
  if (on_conflicts && undecided > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field to decide",
                                                            "%u fields to decide", undecided), undecided);
      gtk_label_set_text (GTK_LABEL (self->undecided_label), text);
    }
  gtk_widget_set_visible (self->undecided_label, on_conflicts && undecided > 0);
}

void
sam_import_dialog_show_conflicts (SamImportDialog *self)
{
  g_return_if_fail (SAM_IS_IMPORT_DIALOG (self));

  if (gtk_stack_get_child_by_name (self->stack, "conflicts") == NULL)
    gtk_stack_add_named (self->stack, build_conflicts (self), "conflicts");
  gtk_stack_set_visible_child_name (self->stack, "conflicts");
  gtk_window_set_title (GTK_WINDOW (self), _("Resolve Conflicts"));
  update_buttons (self);
}

static void
applied_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamImportDialog) self = data;
  g_autoptr(GError) error = NULL;

  self->applying = FALSE;
  if (!sam_merge_plan_apply_finish (self->plan, result, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      update_buttons (self);
      return;
    }
  {
    g_autofree char *counts = sam_merge_plan_describe (self->plan);
    g_autofree char *summary = g_strdup_printf (_("Imported from “%s”: %s"),
                                                sam_merge_plan_get_source_name (self->plan), counts);
    g_signal_emit (self, signals[APPLIED], 0, summary);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
sam_import_dialog_apply (SamImportDialog *self)
{
  g_return_if_fail (SAM_IS_IMPORT_DIALOG (self));
  if (self->applying)
    return;
  if (sam_merge_plan_is_noop (self->plan))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  self->applying = TRUE;
  update_buttons (self);
  /* the dialog keeps the plan; the import only borrows it while it runs */
  sam_merge_plan_apply_async (self->plan, TRUE, NULL, applied_cb, g_object_ref (self));
}

static void
primary_clicked_cb (SamImportDialog *self)
{
  if (sam_merge_plan_count (self->plan, SAM_MERGE_CONFLICT) > 0 && !on_conflicts_page (self))
    sam_import_dialog_show_conflicts (self);
  else
    sam_import_dialog_apply (self);
}

static void
back_clicked_cb (SamImportDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_window_set_title (GTK_WINDOW (self), _("Import"));
  update_buttons (self);
}

static gboolean
close_request_cb (SamImportDialog *self)
{
  /* not while the import runs: it finishes or fails as a whole */
  return self->applying;
}

SamImportDialog *
sam_import_dialog_new (GtkWindow *parent, SamMergePlan *plan)
{
  SamImportDialog *self = g_object_new (SAM_TYPE_IMPORT_DIALOG,
                                        "transient-for", parent,
                                        "modal", TRUE,
                                        "title", _("Import"),
                                        "default-width", 640,
                                        "default-height", 720,
                                        NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->plan = plan;
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the Preview"));
  self->primary_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->primary_button, "suggested-action");
  self->undecided_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->undecided_label, "dim-label");

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->primary_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->undecided_label);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_signal_connect_swapped (self->primary_button, "clicked", G_CALLBACK (primary_clicked_cb), self);
  g_signal_connect_swapped (self, "close-request", G_CALLBACK (close_request_cb), self);

  gtk_stack_add_named (self->stack, build_preview (self), "preview");
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  update_buttons (self);
  return self;
}

