/* sam-deleted-window.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-deleted-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-deleted-window.h"
#include "sam-format.h"
#include "sam-store-deleted.h"

struct _SamDeletedWindow
{
  AdwWindow parent_instance;

  SamStore *store;
  GPtrArray *rows;               /* the rows in the group, borrowed */

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (SamDeletedWindow, sam_deleted_window, ADW_TYPE_WINDOW)

static void
toast (SamDeletedWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static guint
retention_days (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_uint (settings, "deleted-retention-days");
}

/* "Actor · deleted 25 Nov 2026 12:00 by Anna Berg" */
static char *
describe (SamDeletedRecord *record)
{
  const char *what = g_str_equal (record->entity, "path") ? _("Escalation path") : _("Actor");
  g_autofree char *when = record->deleted_at ? sam_format_date_time (record->deleted_at) : NULL;
  g_autofree char *deleted = NULL;

  if (when != NULL && record->source != NULL)
    /* Translators: when a record was deleted, and the register a merge took that from */
    deleted = g_strdup_printf (_("deleted %s in a merge from “%s”"), when, record->source);
  else if (when != NULL && record->deleted_by != NULL)
    /* Translators: when and by whom a record was deleted */
    deleted = g_strdup_printf (_("deleted %s by %s"), when, record->deleted_by);
  else if (when != NULL)
    /* Translators: when a record was deleted */
    deleted = g_strdup_printf (_("deleted %s"), when);
  if (record->followed)
    return g_strdup_printf ("%s · %s\n%s", what, deleted ? deleted : "",
                            _("Owned by a register this one follows: it cannot be restored here."));
  return deleted ? g_strdup_printf ("%s · %s", what, deleted) : g_strdup (what);
}

static GtkWidget *
record_row (SamDeletedRecord *record)
{
  const char *name = sam_text_get_best (&record->name, sam_lang_from_locale (), NULL);
  g_autofree char *title = g_markup_escape_text (name ? name : record->id, -1);
  g_autofree char *subtitle = describe (record);
  g_autofree char *label = g_strdup_printf (_("Restore “%s”"), name ? name : record->id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (record->id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "deleted.restore");
  gtk_widget_set_sensitive (button, !record->followed);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data_full (G_OBJECT (row), "record-id", g_strdup (record->id), g_free);
  g_object_set_data (G_OBJECT (row), "restore-button", button);
  return row;
}

static void
refresh (SamDeletedWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = sam_store_list_deleted (self->store, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (records == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < records->len; i++)
    {
      GtkWidget *row = record_row (g_ptr_array_index (records, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->group, row);
    }
  gtk_stack_set_visible_child_name (self->stack, records->len > 0 ? "list" : "empty");
}

static void
describe_retention (SamDeletedWindow *self)
{
  guint days = retention_days ();
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
      "Deleted actors and escalation paths can be restored for %u day; then their details are "
      "removed for good.",
      "Deleted actors and escalation paths can be restored for %u days; then their details are "
      "removed for good.", days), days);

  adw_status_page_set_description (self->empty_page, text);
  adw_preferences_group_set_description (self->group, text);
}

static void
restore_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamDeletedWindow *self = SAM_DELETED_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sam_store_restore_record (self->store, g_variant_get_string (param, NULL), &error))
    toast (self, error->message);
  else
    toast (self, _("Restored"));
}

static void
sam_deleted_window_dispose (GObject *object)
{
  SamDeletedWindow *self = SAM_DELETED_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (sam_deleted_window_parent_class)->dispose (object);
}

static void
sam_deleted_window_class_init (SamDeletedWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sam_deleted_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samverkan/Samverkan/sam-deleted-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamDeletedWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamDeletedWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SamDeletedWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SamDeletedWindow, group);
  gtk_widget_class_install_action (widget_class, "deleted.restore", "s", restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_deleted_window_init (SamDeletedWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

SamDeletedWindow *
sam_deleted_window_new (GtkWindow *parent, SamStore *store)
{
  SamDeletedWindow *self = g_object_new (SAM_TYPE_DELETED_WINDOW, "transient-for", parent, NULL);

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  /* a delete, a restore or an undo anywhere shows here */
  g_signal_connect_object (store, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deleted.restore", !sam_store_is_read_only (store));
  describe_retention (self);
  refresh (self);
  return self;
}

GtkWidget *
sam_deleted_window_find_row (SamDeletedWindow *self, const char *id)
{
  g_return_val_if_fail (SAM_IS_DELETED_WINDOW (self), NULL);
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->rows, i), "record-id"), id) == 0)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

guint
sam_deleted_window_get_n_rows (SamDeletedWindow *self)
{
  g_return_val_if_fail (SAM_IS_DELETED_WINDOW (self), 0);
  return self->rows->len;
}

gboolean
sam_deleted_window_is_empty (SamDeletedWindow *self)
{
  g_return_val_if_fail (SAM_IS_DELETED_WINDOW (self), FALSE);
  return g_str_equal (gtk_stack_get_visible_child_name (self->stack), "empty");
}
