/* sam-window-export.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamWindow's Export: a dialog asks for the format, which actors (the
 * whole register, an area, the list as it stands) and for whom the file
 * is (professionals unless chosen otherwise); then the file, written by
 * the store's _async calls with Cancel in a toast.
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-areas.h"
#include "sam-export-filter.h"
#include "sam-export-format.h"
#include "sam-register-tasks.h"
#include "sam-window-private.h"

static void
exported_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamFileJob) job = data;
  g_autoptr(GError) error = NULL;

  sam_store_export_format_finish (SAM_STORE (source), result, &error);
  if (!_sam_file_job_failed (job, error, _("Export Failed")))
    _sam_file_job_saved (job);
}

/* Every actor of the list as it stands (not only the rows shown), whole. */
static GPtrArray *
collect_results (SamWindow *self, GError **error)
{
  g_autoptr(SamQuery) query = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (self->review_mode)
    return sam_store_list_overdue (self->store, (now = sam_now_local ()), error);
  query = _sam_window_build_query (self);
  query->limit = 0;
  query->rows_only = FALSE;
  return sam_store_search (self->store, query, error);
}

static void
export_chosen (SamWindow *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Exporting to %s…"), name);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GError) error = NULL;
  const char *area = _sam_window_get_selected_area (self);
  char *areas[] = { (char *) area, NULL };
  SamExportFilter filter;
  SamFileJob *job;

  if (self->export_scope == SAM_EXPORT_SCOPE_RESULTS &&
      (actors = collect_results (self, &error)) == NULL)
    {
      _sam_window_show_error_dialog (self, _("Export Failed"), error->message);
      return;
    }
  job = _sam_window_start_job (self, file, text, &cancellable);
  if (actors)
    {
      sam_export_actors_to_file_async (actors, self->export_format, self->export_audience,
                                       sam_lang_from_locale (), file, cancellable,
                                       _sam_window_actors_exported_cb, job);
      return;
    }
  /* for the audience chosen, with its source and time, for a merge elsewhere */
  sam_export_filter_init (&filter);
  filter.audience = self->export_audience;
  if (self->export_scope == SAM_EXPORT_SCOPE_AREA && area != NULL)
    filter.areas = areas;
  sam_store_export_format_async (sam_window_get_store (self), &filter, self->export_format,
                                 sam_lang_from_locale (), file, cancellable, exported_cb, job);
}

static void
choose_export_file (SamWindow *self)
{
  SamExportFormat format = self->export_format;
  const char *ext = sam_export_format_get_extension (format);
  g_autofree char *pattern = g_strconcat ("*.", ext, NULL);
  /* Translators: the suggested name of an exported file, before its extension */
  g_autofree char *suggested = g_strdup_printf ("%s.%s", _("register"), ext);

  _sam_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export"), _("_Export"), pattern,
               sam_export_format_get_label (format), suggested, export_chosen);
}

static GtkCheckButton *
find_choice (GtkWidget *box, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_name (child), name))
      return GTK_CHECK_BUTTON (child);
  return NULL;
}

static gboolean
choice_active (GtkWidget *box, const char *name)
{
  GtkCheckButton *check = find_choice (box, name);

  return check != NULL && gtk_check_button_get_active (check);
}

static const char * const format_names[SAM_N_EXPORT_FORMATS] = {
  "format-xml", "format-vcard", "format-csv", "format-hsds",
};
static const char * const audience_names[SAM_N_VISIBILITIES] = {
  "audience-public", "audience-professional", "audience-internal",
};
static const char * const scope_names[] = { "scope-register", "scope-area", "scope-results" };

static void
audience_response_cb (AdwMessageDialog *dialog, const char *response, SamWindow *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);

  if (!g_str_equal (response, "export"))
    return;
  self->export_audience = SAM_EXPORT_DEFAULT_AUDIENCE;
  self->export_format = SAM_EXPORT_FORMAT_XML;
  self->export_scope = SAM_EXPORT_SCOPE_REGISTER;
  for (guint i = 0; i < G_N_ELEMENTS (audience_names); i++)
    if (choice_active (box, audience_names[i]))
      self->export_audience = (SamVisibility) i;
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (choice_active (box, format_names[i]))
      self->export_format = (SamExportFormat) i;
  for (guint i = 0; i < G_N_ELEMENTS (scope_names); i++)
    if (choice_active (box, scope_names[i]))
      self->export_scope = i;
  choose_export_file (self);
}

/* A radio button named @name (for tests) in the group of @group. */
static GtkWidget *
add_choice (GtkWidget *box, GtkWidget *group, const char *name, const char *label)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  /* a label of our own, so that the long ones wrap */
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), check);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), text);
  gtk_widget_set_name (check, name);
  if (group)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));
  gtk_box_append (GTK_BOX (box), check);
  return check;
}

static void
add_heading (GtkWidget *box, const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, gtk_widget_get_first_child (box) ? 12 : 0);
  gtk_box_append (GTK_BOX (box), label);
}

/* Only the register's own XML carries internal routes, and only it is
 * filtered by area alone: a search result goes out as vCard, CSV or HSDS. */
static void
format_toggled_cb (GtkCheckButton *check, GtkWidget *box)
{
  gboolean xml = choice_active (box, "format-xml");
  GtkCheckButton *internal = find_choice (box, "audience-internal");
  GtkCheckButton *results = find_choice (box, "scope-results");

  if (!gtk_check_button_get_active (check) || internal == NULL)
    return;
  if (!xml && gtk_check_button_get_active (internal))
    gtk_check_button_set_active (find_choice (box, "audience-professional"), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (internal), xml);
  if (results == NULL)
    return;
  if (xml && gtk_check_button_get_active (results))
    gtk_check_button_set_active (find_choice (box, "scope-register"), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (results), !xml);
}

static void
add_format_choices (GtkWidget *box)
{
  GtkWidget *first = NULL;

  add_heading (box, _("Format"));
  for (guint i = 0; i < SAM_N_EXPORT_FORMATS; i++)
    {
      GtkWidget *check = add_choice (box, first, format_names[i], sam_export_format_get_label (i));

      first = first ? first : check;
      g_signal_connect (check, "toggled", G_CALLBACK (format_toggled_cb), box);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (first), TRUE);
}

/* The whole register; the area chosen in the filters; the list as it
 * stands. With no search and no area there is nothing to choose. */
static void
add_scope_choices (SamWindow *self, GtkWidget *box)
{
  const char *code = _sam_window_get_selected_area (self);
  const SamArea *area = code ? sam_area_lookup (code) : NULL;
  gboolean searching = self->review_mode || sam_window_has_filters (self) ||
                       *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
  GtkWidget *first;

  add_heading (box, _("Actors"));
  if (area == NULL && !searching)
    {
      GtkWidget *label = gtk_label_new (_("The whole register"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      return;
    }
  first = add_choice (box, NULL, "scope-register", _("The _whole register"));
  if (area != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Those serving %s"), sam_area_get_name (area));
      add_choice (box, first, "scope-area", text);
    }
  if (searching)
    {
      GtkWidget *results = add_choice (box, first, "scope-results",
                                            _("The _search result as listed (contacts, "
                                              "spreadsheet or service directory)"));
      gtk_widget_set_sensitive (results, FALSE);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (first), TRUE);
}

/* What, in which format and for whom: professionals unless chosen
 * otherwise; internal routes leave only when asked for by name, only in
 * the register's own format, and the dialog says what that means. */
static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export"),
      _("The file is meant for another agency, an address book or a spreadsheet. It carries the "
        "contact routes its readers may see."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first, *professional;

  add_format_choices (box);
  add_scope_choices (self, box);
  add_heading (box, _("For whom"));
  first = add_choice (box, NULL, "audience-public",
                           _("_Anyone: public contact routes only"));
  professional = add_choice (box, first, "audience-professional",
                                  _("_Professionals: public and professional contact routes"));
  add_choice (box, first, "audience-internal",
                   _("_Internal: every contact route, including those only this register’s "
                     "holder may see (such as a shelter’s protected address). Never send this "
                     "file to another agency. Register (XML) only."));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (professional), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "export", _("_Choose File…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (audience_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_sam_window_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
}
