/* sam-print-operation.c — the Print dialog: GTK's print dialog with
 * preview and a tab of the sheet's options, drawing the pages of a
 * SamSheet, the same pages `samverkan-cli print` writes to a PDF.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-print"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "sam-areas.h"
#include "sam-print-operation.h"
#include "sam-walk.h"

/* The options tab */

struct _SamPrintOptions
{
  GtkBox parent_instance;

  GtkDropDown *kind;
  GtkDropDown *lang;
  GtkDropDown *audience;
  GtkDropDown *path;
  GtkDropDown *area;
  GtkWidget *path_label;
  GtkWidget *area_label;
  GStrv path_ids;
  GStrv area_codes;
};

G_DEFINE_FINAL_TYPE (SamPrintOptions, sam_print_options, GTK_TYPE_BOX)

static void
sam_print_options_finalize (GObject *object)
{
  SamPrintOptions *self = SAM_PRINT_OPTIONS (object);

  g_strfreev (self->path_ids);
  g_strfreev (self->area_codes);
  G_OBJECT_CLASS (sam_print_options_parent_class)->finalize (object);
}

static void
sam_print_options_class_init (SamPrintOptionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_print_options_finalize;
}

static void
sam_print_options_init (SamPrintOptions *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
}

static guint
position_of (const char * const *values, const char *value)
{
  for (guint i = 0; values && values[i]; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static GtkDropDown *
add_row (SamPrintOptions *self, GtkGrid *grid, int row, const char *label, GListModel *model,
         guint selected, GtkWidget **label_widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (model, NULL));

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), GTK_WIDGET (dropdown));
  gtk_drop_down_set_selected (dropdown, selected);
  gtk_widget_set_hexpand (GTK_WIDGET (dropdown), TRUE);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (dropdown), 1, row, 1, 1);
  if (label_widget)
    *label_widget = title;
  return dropdown;
}

static int
compare_area_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (sam_area_get_name (*(const SamArea * const *) a),
                         sam_area_get_name (*(const SamArea * const *) b));
}

/* The whole country, then every county and municipality by name. */
static GListModel *
area_model (GStrvBuilder *codes)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_copy (sam_areas_get_all (), NULL, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  g_ptr_array_sort (areas, compare_area_names);
  gtk_string_list_append (names, sam_area_get_name (sam_area_lookup ("SE")));
  g_strv_builder_add (codes, "SE");
  for (guint i = 0; i < areas->len; i++)
    {
      const SamArea *area = g_ptr_array_index (areas, i);

      if (area->kind == SAM_AREA_COUNTRY)
        continue;
      gtk_string_list_append (names, sam_area_get_name (area));
      g_strv_builder_add (codes, area->code);
    }
  return G_LIST_MODEL (names);
}

static GListModel *
path_model (SamStore *store, GStrvBuilder *ids)
{
  g_autoptr(GPtrArray) paths = sam_store_list_paths (store, NULL);
  GtkStringList *titles = gtk_string_list_new (NULL);
  SamLang lang = sam_lang_from_locale ();

  for (guint i = 0; paths && i < paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (paths, i);
      const char *title = sam_text_get_best (sam_escalation_path_get_title (path), lang, NULL);

      gtk_string_list_append (titles, title ? title : sam_escalation_path_get_id (path));
      g_strv_builder_add (ids, sam_escalation_path_get_id (path));
    }
  return G_LIST_MODEL (titles);
}

/* An escalation sheet is for a path, the others for an area; both rows
 * stay, so the tab does not jump. */
static void
kind_changed_cb (SamPrintOptions *self)
{
  gboolean escalation = gtk_drop_down_get_selected (self->kind) == SAM_SHEET_ESCALATION;

  gtk_widget_set_sensitive (GTK_WIDGET (self->path), escalation);
  gtk_widget_set_sensitive (self->path_label, escalation);
  gtk_widget_set_sensitive (GTK_WIDGET (self->area), !escalation);
  gtk_widget_set_sensitive (self->area_label, !escalation);
}

SamPrintOptions *
sam_print_options_new (SamStore              *store,
                       const SamSheetOptions *defaults)
{
  SamPrintOptions *self = g_object_new (SAM_TYPE_PRINT_OPTIONS, NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  const char *kinds[] = { _("Escalation sheet (one path)"), _("Area directory"), _("Pocket cards"), NULL };
  const char *langs[] = { _("Swedish"), _("English"), NULL };
  const char *audiences[] = { _("Anyone (public routes only)"),
                              _("Professionals (public and professional routes)"), NULL };
  g_autoptr(GListModel) paths = path_model (store, ids);
  g_autoptr(GListModel) areas = area_model (codes);
  GtkWidget *note;

  self->path_ids = g_strv_builder_end (ids);
  self->area_codes = g_strv_builder_end (codes);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  self->kind = add_row (self, grid, 0, _("_Sheet"), G_LIST_MODEL (gtk_string_list_new (kinds)),
                        defaults->kind, NULL);
  self->lang = add_row (self, grid, 1, _("_Language"), G_LIST_MODEL (gtk_string_list_new (langs)),
                        defaults->lang, NULL);
  self->audience = add_row (self, grid, 2, _("_For"), G_LIST_MODEL (gtk_string_list_new (audiences)),
                            defaults->audience, NULL);
  self->path = add_row (self, grid, 3, _("Escalation _path"), g_object_ref (paths),
                        position_of ((const char * const *) self->path_ids, defaults->path_id), &self->path_label);
  self->area = add_row (self, grid, 4, _("_Area"), g_object_ref (areas),
                        position_of ((const char * const *) self->area_codes, defaults->area_code),
                        &self->area_label);
  gtk_drop_down_set_enable_search (self->area, TRUE);
  gtk_drop_down_set_expression (self->area, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (grid));

  note = gtk_label_new (_("Routes for internal use are never printed. A sheet for anyone shows only "
                          "public routes and may be handed to a person seeking help."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 50);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (self), note);

  g_signal_connect_swapped (self->kind, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  kind_changed_cb (self);
  return self;
}

static const char *
selected_value (GtkDropDown *dropdown, GStrv values)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return values && i < g_strv_length (values) ? values[i] : NULL;
}

void
sam_print_options_get_options (SamPrintOptions *self,
                               SamSheetOptions *options)
{
  g_return_if_fail (SAM_IS_PRINT_OPTIONS (self));

  sam_sheet_options_clear (options);
  sam_sheet_options_init (options);
  options->kind = MIN (gtk_drop_down_get_selected (self->kind), SAM_N_SHEET_KINDS - 1);
  options->lang = MIN (gtk_drop_down_get_selected (self->lang), SAM_N_LANGS - 1);
  /* anything but "professionals" prints for the public: the safe side */
  options->audience = gtk_drop_down_get_selected (self->audience) == SAM_AUDIENCE_PROFESSIONAL
                      ? SAM_AUDIENCE_PROFESSIONAL : SAM_AUDIENCE_PUBLIC;
  if (options->kind == SAM_SHEET_ESCALATION)
    options->path_id = g_strdup (selected_value (self->path, self->path_ids));
  else
    options->area_code = g_strdup (selected_value (self->area, self->area_codes));
}

GtkDropDown *
sam_print_options_get_dropdown (SamPrintOptions *self,
                                const char      *name)
{
  g_return_val_if_fail (SAM_IS_PRINT_OPTIONS (self), NULL);

  if (g_str_equal (name, "kind"))
    return self->kind;
  if (g_str_equal (name, "lang"))
    return self->lang;
  if (g_str_equal (name, "audience"))
    return self->audience;
  if (g_str_equal (name, "path"))
    return self->path;
  if (g_str_equal (name, "area"))
    return self->area;
  g_return_val_if_reached (NULL);
}

gboolean
sam_print_default_options (SamStore         *store,
                           SamSheetOptions  *options,
                           GError          **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *lang = g_settings_get_string (settings, "sheet-language");
  g_autofree char *area = g_settings_get_string (settings, "default-area");
  g_autoptr(GPtrArray) paths = sam_store_list_paths (store, error);
  SamEscalationPath *path;

  sam_sheet_options_clear (options);
  sam_sheet_options_init (options);
  if (paths == NULL)
    return FALSE;
  if (!sam_lang_from_string (lang, &options->lang))
    options->lang = SAM_LANG_SV;
  options->area_code = g_strdup (*area && sam_area_lookup (area) ? area : "SE");
  /* what a sheet on the office wall is for: suspected trafficking, here */
  path = sam_walk_pick_path (paths, SAM_SITUATION_TRAFFICKING_ADULT, options->area_code);
  if (path == NULL && paths->len > 0)
    path = g_ptr_array_index (paths, 0);
  if (path != NULL)
    options->path_id = g_strdup (sam_escalation_path_get_id (path));
  else
    options->kind = SAM_SHEET_DIRECTORY;
  return TRUE;
}

/* The print operation */

typedef struct {
  GtkWindow *parent;
  SamStore *store;
  SamSheetOptions options;
  SamSheet *sheet;
  GError *error;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  sam_sheet_options_clear (&job->options);
  g_clear_object (&job->sheet);
  g_clear_error (&job->error);
  g_free (job);
}

static GObject *
create_custom_widget_cb (GtkPrintOperation *op, PrintJob *job)
{
  return G_OBJECT (sam_print_options_new (job->store, &job->options));
}

static void
custom_widget_apply_cb (GtkPrintOperation *op, GtkWidget *widget, PrintJob *job)
{
  sam_print_options_get_options (SAM_PRINT_OPTIONS (widget), &job->options);
}

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, PrintJob *job)
{
  PangoContext *pango;

  g_clear_object (&job->sheet);
  g_clear_error (&job->error);
  job->sheet = sam_sheet_new (job->store, &job->options, &job->error);
  if (job->sheet == NULL)
    {
      gtk_print_operation_cancel (op);
      return;
    }
  pango = gtk_print_context_create_pango_context (context);
  gtk_print_operation_set_n_pages (op, sam_sheet_paginate (job->sheet, pango, gtk_print_context_get_width (context),
                                                          gtk_print_context_get_height (context)));
  g_object_unref (pango);
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, PrintJob *job)
{
  if (job->sheet != NULL && page >= 0 && (guint) page < sam_sheet_get_n_pages (job->sheet))
    sam_sheet_draw_page (job->sheet, gtk_print_context_get_cairo_context (context), page);
}

static void
show_error (GtkWindow *parent, const GError *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Print"),
                                                                         error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation *op, GtkPrintOperationResult result, PrintJob *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (op, &error);
  if (error == NULL && job->error != NULL)
    error = g_error_copy (job->error);
  if (error != NULL)
    show_error (job->parent, error);
}

GtkPrintOperation *
sam_print_operation_new (GtkWindow             *parent,
                         SamStore              *store,
                         const SamSheetOptions *options)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
  PrintJob *job = g_new0 (PrintJob, 1);

  job->parent = parent ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (store);
  sam_sheet_options_copy (&job->options, options);
  g_object_set_data_full (G_OBJECT (op), "sam-print-job", job, (GDestroyNotify) print_job_free);

  /* the page is laid out to the edges of the paper chosen (the locale's
   * by default), in points; the sheet keeps its own margins */
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_job_name (op, "Samverkan");
  gtk_print_operation_set_custom_tab_label (op, _("Sheet"));
  g_signal_connect (op, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
  g_signal_connect (op, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (op, "done", G_CALLBACK (done_cb), job);
  return op;
}

static void
run_done_cb (GtkPrintOperation *op)
{
  g_object_unref (op);
}

void
sam_print_run (GtkWindow *parent,
               SamStore  *store)
{
  g_auto(SamSheetOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *op;

  /* a dialog with an empty list of paths would print the wrong sheet */
  if (!sam_print_default_options (store, &options, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  op = sam_print_operation_new (parent, store, &options);
  /* asynchronous: ::done reports an error, and the last reference goes then */
  gtk_print_operation_set_allow_async (op, TRUE);
  g_signal_connect (op, "done", G_CALLBACK (run_done_cb), NULL);
  gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}
