/* sam-table-import-dialog.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-table-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-areas.h"
#include "sam-table-import-dialog.h"

/* The preview lists this many problems or duplicates; the counts say the rest. */
#define MAX_LISTED 200
#define SAMPLE_ROWS 5

struct _SamTableImportDialog
{
  AdwWindow parent_instance;

  SamTableImport *import;
  AdwPreferencesPage *page;
  GPtrArray *column_choices;     /* of GtkDropDown, one per column */
  GPtrArray *changing;           /* of AdwPreferencesGroup rebuilt on every change */
  AdwPreferencesGroup *summary;
  GtkWidget *import_button;
  GStrv area_codes;              /* the area drop-down's codes, "" first */
  GtkDropDown *area_choice;
  gboolean applying;
};

G_DEFINE_FINAL_TYPE (SamTableImportDialog, sam_table_import_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (SamTableImportDialog *self);
static void update_summary (SamTableImportDialog *self, const char *error);

static void
sam_table_import_dialog_finalize (GObject *object)
{
  SamTableImportDialog *self = SAM_TABLE_IMPORT_DIALOG (object);

  /* here, not in dispose: a running import holds the dialog until it is done */
  g_clear_object (&self->import);
  g_ptr_array_unref (self->column_choices);
  g_ptr_array_unref (self->changing);
  g_strfreev (self->area_codes);
  G_OBJECT_CLASS (sam_table_import_dialog_parent_class)->finalize (object);
}

static void
sam_table_import_dialog_class_init (SamTableImportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_table_import_dialog_finalize;

  /**
   * SamTableImportDialog::applied:
   * @summary: what was imported, for a toast
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sam_table_import_dialog_init (SamTableImportDialog *self)
{
  self->column_choices = g_ptr_array_new ();
  self->changing = g_ptr_array_new ();
}

static GtkWidget *
choice_new (const char * const *labels, guint selected, const char *name)
{
  GtkDropDown *choice = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));

  gtk_drop_down_set_selected (choice, selected);
  gtk_widget_set_valign (GTK_WIDGET (choice), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_WIDGET (choice);
}

static GtkWidget *
row_new (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* texts from a spreadsheet are not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The first values of a column, for the coordinator to see what it holds. */
static char *
column_sample (SamTableImport *import, guint column)
{
  GPtrArray *rows = sam_table_import_get_rows (import);
  g_autoptr(GString) out = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < rows->len && shown < 3; i++)
    {
      g_autofree char *text = g_strdup (sam_table_row_get (g_ptr_array_index (rows, i), column));

      g_strdelimit (text, "\n", ' ');
      if (*text == '\0')
        continue;
      g_string_append_printf (out, "%s%s", shown++ ? " · " : "", text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
column_changed_cb (GtkDropDown *choice, GParamSpec *pspec, SamTableImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (choice), "column"));

  sam_table_import_set_field (self->import, column, gtk_drop_down_get_selected (choice));
  refresh (self);
}

static void
on_error_changed_cb (GtkDropDown *choice, GParamSpec *pspec, SamTableImportDialog *self)
{
  sam_table_import_set_on_error (self->import, gtk_drop_down_get_selected (choice));
  refresh (self);
}

static GtkWidget *
build_columns (SamTableImportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  const char *labels[SAM_TABLE_N_FIELDS + 1] = { NULL };

  for (guint f = 0; f < SAM_TABLE_N_FIELDS; f++)
    labels[f] = sam_table_field_get_label (f);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Columns"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("What each column holds, as read from its heading or its content. Change it where "
        "it is wrong."));
  for (guint c = 0; c < sam_table_import_get_n_columns (self->import); c++)
    {
      const char *heading = sam_table_import_get_heading (self->import, c);
      g_autofree char *sample = column_sample (self->import, c);
      GtkWidget *row = row_new (heading, *sample ? sample : NULL);
      GtkWidget *choice = choice_new (labels, sam_table_import_get_field (self->import, c),
                                      heading);

      g_object_set_data (G_OBJECT (choice), "column", GUINT_TO_POINTER (c));
      g_signal_connect (choice, "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->column_choices, choice);
    }
  return group;
}

static void
area_changed_cb (GtkDropDown *choice, GParamSpec *pspec, SamTableImportDialog *self)
{
  const char *code = self->area_codes[gtk_drop_down_get_selected (choice)];

  sam_table_import_set_area (self->import, *code ? code : NULL, NULL);
  refresh (self);
}

static int
compare_area_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (sam_area_get_name (*(const SamArea **) a),
                         sam_area_get_name (*(const SamArea **) b));
}

/* The area of rows that name none: none, or the default area of the
 * preferences to begin with; every county and municipality by name. */
static GtkWidget *
area_choice_new (SamTableImportDialog *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *preferred = g_settings_get_string (settings, "default-area");
  g_autoptr(GPtrArray) areas = g_ptr_array_copy (sam_areas_get_all (), NULL, NULL);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkDropDown *choice;
  guint selected = 0;

  g_ptr_array_sort (areas, compare_area_names);
  gtk_string_list_append (names, C_("area", "None"));
  g_strv_builder_add (codes, "");
  for (guint i = 0; i < areas->len; i++)
    {
      const SamArea *area = g_ptr_array_index (areas, i);

      if (g_strcmp0 (area->code, preferred) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (names));
      gtk_string_list_append (names, sam_area_get_name (area));
      g_strv_builder_add (codes, area->code);
    }
  self->area_codes = g_strv_builder_end (codes);

  choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (names),
                                             gtk_property_expression_new (GTK_TYPE_STRING_OBJECT,
                                                                          NULL, "string")));
  gtk_drop_down_set_enable_search (choice, TRUE);
  gtk_drop_down_set_selected (choice, selected);
  gtk_widget_set_valign (GTK_WIDGET (choice), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Area of rows that name none"), -1);
  if (selected > 0)
    sam_table_import_set_area (self->import, self->area_codes[selected], NULL);
  g_signal_connect (choice, "notify::selected", G_CALLBACK (area_changed_cb), self);
  self->area_choice = choice;
  return GTK_WIDGET (choice);
}

static GtkWidget *
build_options (SamTableImportDialog *self)
{
  const char *labels[] = { _("Leave the row out"), _("Import it without that value, to review"),
                           NULL };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = row_new (_("A value that cannot be read"),
                            _("A number that is not a number, hours that cannot be read"));
  GtkWidget *choice = choice_new (labels, sam_table_import_get_on_error (self->import),
                                  _("A value that cannot be read"));

  g_signal_connect (choice, "notify::selected", G_CALLBACK (on_error_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = row_new (_("Area of rows that name none"),
                 _("Rows without a municipality or county serve this area"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), area_choice_new (self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

/* "Malmö · 3 contact routes · Mo-Fr 08:00-16:30" */
static char *
describe_actor (SamActor *actor)
{
  g_autofree char *areas = sam_areas_join_names (sam_actor_get_areas (actor));
  guint n = sam_actor_get_routes (actor)->len;
  g_autoptr(GString) out = g_string_new (areas);

  g_string_append (out, " · ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u contact route",
                                            "%u contact routes", n), n);
  if (sam_actor_get_hours (actor))
    {
      g_autofree char *hours = sam_schedule_to_string (sam_actor_get_hours (actor));
      g_string_append_printf (out, " · %s", hours);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkWidget *
build_samples (SamTableImportDialog *self)
{
  GPtrArray *actors = sam_table_import_get_actors (self->import);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sample Rows"));
  for (guint i = 0; i < MIN (actors->len, SAMPLE_ROWS); i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);
      g_autofree char *text = describe_actor (actor);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 row_new (sam_actor_get_display_name (actor), text));
    }
  return group;
}

static GtkWidget *
build_problems (SamTableImportDialog *self)
{
  GPtrArray *problems = sam_table_import_get_problems (self->import);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Rows That Cannot Be Read"));
  for (guint i = 0; i < MIN (problems->len, MAX_LISTED); i++)
    {
      SamTableProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *title = p->column ? g_strdup_printf (_("Row %u, %s: “%s”"), p->row,
                                                             p->column, p->value)
                                         : g_strdup_printf (_("Row %u"), p->row);
      GtkWidget *row = row_new (title, p->reason);
      GtkWidget *outcome = gtk_label_new (p->skipped ? _("Left out") : _("To review"));

      gtk_widget_add_css_class (outcome, p->skipped ? "error" : "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), outcome);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
duplicate_changed_cb (GtkDropDown *choice, GParamSpec *pspec, SamTableImportDialog *self)
{
  SamTableDuplicate *duplicate = g_object_get_data (G_OBJECT (choice), "duplicate");

  /* the rows stay as they are: only the summary changes */
  duplicate->choice = gtk_drop_down_get_selected (choice);
  update_summary (self, NULL);
}

static GtkWidget *
build_duplicates (SamTableImportDialog *self)
{
  const char *labels[] = { _("Merge"), _("Leave Out"), _("Add as New"), NULL };
  GPtrArray *duplicates = sam_table_import_get_duplicates (self->import);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Already in the Register"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("Merging adds the row's new contact routes, areas, groups and languages to the actor "
        "the register has."));
  for (guint i = 0; i < MIN (duplicates->len, MAX_LISTED); i++)
    {
      SamTableDuplicate *d = g_ptr_array_index (duplicates, i);
      g_autofree char *title = g_strdup_printf (_("Row %u: %s"), d->row, d->name);
      g_autofree char *subtitle = g_strdup_printf (_("As “%s”: %s"), d->existing_name, d->reason);
      GtkWidget *row = row_new (title, subtitle);
      GtkWidget *choice = choice_new (labels, d->choice, title);

      g_object_set_data (G_OBJECT (choice), "duplicate", d);
      g_signal_connect (choice, "notify::selected", G_CALLBACK (duplicate_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
update_summary (SamTableImportDialog *self, const char *error)
{
  GPtrArray *duplicates = sam_table_import_get_duplicates (self->import);
  guint rows = sam_table_import_get_rows (self->import)->len;
  guint skipped = sam_table_import_count_skipped (self->import);
  guint merging = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < duplicates->len; i++)
    merging += ((SamTableDuplicate *) g_ptr_array_index (duplicates, i))->choice ==
               SAM_TABLE_DUPLICATE_MERGE;
  text = error ? g_strdup (error)
               : g_strdup_printf (_("Rows: %u. New actors: %u. Merged into actors already "
                                    "there: %u. Rows left out: %u. Nothing is written before "
                                    "Import."),
                                  rows, rows - skipped - merging, merging, skipped);
  adw_preferences_group_set_description (self->summary, text);
  gtk_widget_set_sensitive (self->import_button, error == NULL && !self->applying &&
                                                 rows > skipped);
}

static void
add_changing (SamTableImportDialog *self, GtkWidget *group)
{
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->changing, group);
}

/* The rows made again after a choice changed. */
static void
refresh (SamTableImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->changing->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->changing, i));
  g_ptr_array_set_size (self->changing, 0);
  if (!sam_table_import_prepare (self->import, &error))
    {
      update_summary (self, error->message);
      return;
    }
  update_summary (self, NULL);
  /* what needs a decision before what only shows */
  if (sam_table_import_get_problems (self->import)->len > 0)
    add_changing (self, build_problems (self));
  if (sam_table_import_get_duplicates (self->import)->len > 0)
    add_changing (self, build_duplicates (self));
  add_changing (self, build_samples (self));
}

static void
applied_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamTableImportDialog) self = data;
  g_autoptr(GError) error = NULL;
  guint added = 0, merged = 0;

  self->applying = FALSE;
  if (!sam_table_import_apply_finish (self->import, result, &added, &merged, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Failed"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      update_summary (self, NULL);
      return;
    }
  {
    g_autofree char *summary = g_strdup_printf (_("Imported from the spreadsheet. New "
                                                  "actors: %u. Merged: %u."), added, merged);
    g_signal_emit (self, signals[APPLIED], 0, summary);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
sam_table_import_dialog_apply (SamTableImportDialog *self)
{
  g_return_if_fail (SAM_IS_TABLE_IMPORT_DIALOG (self));
  if (self->applying || !gtk_widget_get_sensitive (self->import_button))
    return;
  self->applying = TRUE;
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
  sam_table_import_apply_async (self->import, NULL, applied_cb, g_object_ref (self));
}

static gboolean
close_request_cb (SamTableImportDialog *self)
{
  /* not while the import runs: it finishes or fails as a whole */
  return self->applying;
}

SamTableImportDialog *
sam_table_import_dialog_new (GtkWindow *parent, SamTableImport *import)
{
  SamTableImportDialog *self = g_object_new (SAM_TYPE_TABLE_IMPORT_DIALOG,
                                             "transient-for", parent,
                                             "modal", TRUE,
                                             "title", _("Import a Spreadsheet"),
                                             "default-width", 720,
                                             "default-height", 760,
                                             NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->import = g_object_ref (import);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->import_button, "clicked",
                            G_CALLBACK (sam_table_import_dialog_apply), self);
  g_signal_connect_swapped (self, "close-request", G_CALLBACK (close_request_cb), self);

  self->summary = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (self->page, self->summary);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (build_columns (self)));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (build_options (self)));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  adw_window_set_content (ADW_WINDOW (self), box);
  refresh (self);
  return self;
}

SamTableImport *
sam_table_import_dialog_get_import (SamTableImportDialog *self)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT_DIALOG (self), NULL);
  return self->import;
}

GtkDropDown *
sam_table_import_dialog_get_column_choice (SamTableImportDialog *self, guint column)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (column < self->column_choices->len, NULL);
  return g_ptr_array_index (self->column_choices, column);
}

gboolean
sam_table_import_dialog_choose_area (SamTableImportDialog *self, const char *code)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT_DIALOG (self), FALSE);
  for (guint i = 0; self->area_codes[i]; i++)
    if (g_strcmp0 (self->area_codes[i], code ? code : "") == 0)
      {
        gtk_drop_down_set_selected (self->area_choice, i);
        return TRUE;
      }
  return FALSE;
}
