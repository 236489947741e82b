/* sam-preferences-window.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-area-choices.h"
#include "sam-areas.h"
#include "sam-preferences-window.h"
#include "sam-trusted-keys-group.h"
#include "sam-window.h"

struct _SamPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  GtkDropDown *area_dropdown;
  AdwComboRow *language_row;
  GtkSpinButton *review_days_spin;
  GtkSpinButton *retention_days_spin;
};

G_DEFINE_FINAL_TYPE (SamPreferencesWindow, sam_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The values of sheet-language, in the order of the rows in the .ui file. */
static const char * const sheet_languages[] = { "sv", "en", NULL };

/* A string key shown as a position in a list: @user_data holds the value at
 * each position; a value not in it shows as the first. */
static gboolean
position_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  const char * const *values = user_data;
  const char *string = g_variant_get_string (variant, NULL);
  guint i;

  for (i = 0; values[i] != NULL; i++)
    if (g_str_equal (values[i], string))
      break;
  g_value_set_uint (value, values[i] != NULL ? i : 0);
  return TRUE;
}

static GVariant *
position_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  const char * const *values = user_data;
  guint position = g_value_get_uint (value);

  /* nothing chosen (GTK_INVALID_LIST_POSITION) leaves the key alone */
  if (position >= g_strv_length ((char **) values))
    return NULL;
  return g_variant_new_string (values[position]);
}

/* Takes @values. */
static void
bind_position (SamPreferencesWindow *self, const char *key, gpointer object, GStrv values)
{
  g_settings_bind_with_mapping (self->settings, key, object, "selected", G_SETTINGS_BIND_DEFAULT,
                                position_get_mapping, position_set_mapping,
                                values, (GDestroyNotify) g_strfreev);
}

/* The spin button takes the range the schema gives the key. */
static void
limit_to_schema_range (SamPreferencesWindow *self, GtkSpinButton *spin, const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *kind;
  guint32 min, max;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &kind, &limits);
  g_assert (g_str_equal (kind, "range"));
  g_variant_get (limits, "(uu)", &min, &max);
  gtk_spin_button_set_range (spin, min, max);
}

static void
bind_settings (SamPreferencesWindow *self)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GListModel) areas = sam_area_choices_new (codes);

  gtk_drop_down_set_model (self->area_dropdown, areas);
  bind_position (self, "default-area", self->area_dropdown, g_strv_builder_end (codes));
  bind_position (self, "sheet-language", self->language_row, g_strdupv ((GStrv) sheet_languages));
  limit_to_schema_range (self, self->review_days_spin, "review-days");
  g_settings_bind (self->settings, "review-days", self->review_days_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  limit_to_schema_range (self, self->retention_days_spin, "deleted-retention-days");
  g_settings_bind (self->settings, "deleted-retention-days", self->retention_days_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
sam_preferences_window_dispose (GObject *object)
{
  SamPreferencesWindow *self = SAM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (sam_preferences_window_parent_class)->dispose (object);
}

static void
sam_preferences_window_class_init (SamPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sam_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samverkan/Samverkan/sam-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPreferencesWindow, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, SamPreferencesWindow, review_days_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPreferencesWindow, retention_days_spin);
}

static void
sam_preferences_window_init (SamPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  bind_settings (self);
}

GtkWindow *
sam_preferences_window_new (GtkWindow *parent)
{
  GtkWindow *window;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  window = g_object_new (SAM_TYPE_PREFERENCES_WINDOW,
                         "transient-for", parent,
                         "modal", parent != NULL,
                         "destroy-with-parent", TRUE,
                         NULL);
  /* the trusted keys are the shown register's */
  if (SAM_IS_WINDOW (parent) && sam_window_get_store (SAM_WINDOW (parent)) != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (
        sam_trusted_keys_page_new (sam_window_get_store (SAM_WINDOW (parent)))));
  return window;
}
