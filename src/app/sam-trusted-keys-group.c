/* sam-trusted-keys-group.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-minisign.h"
#include "sam-store-keys.h"
#include "sam-trusted-keys-group.h"

typedef struct {
  SamStore *store;
  AdwPreferencesGroup *group;
  GPtrArray *rows;
} KeysPage;

static void
keys_page_free (KeysPage *page)
{
  g_object_unref (page->store);
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void fill_rows (KeysPage *page);

static void
remove_clicked_cb (GtkButton *button, KeysPage *page)
{
  const char *id = g_object_get_data (G_OBJECT (button), "key-id");
  g_autoptr(GError) error = NULL;

  if (!sam_store_keys_remove (page->store, id, &error))
    g_warning ("The key %s could not be removed: %s", id, error->message);
  fill_rows (page);
}

static GtkWidget *
key_row (KeysPage *page, SamTrustedKey *key)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = g_strdup_printf (_("Key %s, fingerprint %s"), key->id,
                                               key->public_key);
  g_autofree char *label = g_strdup_printf (_("Stop trusting the key %s"), key->id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 key->name && *key->name ? key->name : key->id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  g_object_set_data_full (G_OBJECT (remove), "key-id", g_strdup (key->id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), page);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
fill_rows (KeysPage *page)
{
  g_autoptr(GPtrArray) keys = sam_store_keys_list (page->store, NULL);

  for (guint i = 0; i < page->rows->len; i++)
    adw_preferences_group_remove (page->group, g_ptr_array_index (page->rows, i));
  g_ptr_array_set_size (page->rows, 0);
  for (guint i = 0; keys && i < keys->len; i++)
    {
      GtkWidget *row = key_row (page, g_ptr_array_index (keys, i));

      adw_preferences_group_add (page->group, row);
      g_ptr_array_add (page->rows, row);
    }
  if (page->rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No trusted keys yet"));
      adw_preferences_group_add (page->group, row);
      g_ptr_array_add (page->rows, row);
    }
}

static void
key_file_chosen_cb (GtkNativeDialog *chooser, int response, KeysPage *page)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(SamMinisignKey) key = path ? sam_minisign_key_load_public (path, &error) : NULL;
      g_autofree char *id = key ? sam_minisign_key_dup_id (key) : NULL;
      g_autofree char *line = key ? sam_minisign_key_dup_public (key) : NULL;
      g_autofree char *name = g_file_get_basename (file);

      if (key == NULL || !sam_store_keys_add (page->store, id, line, name, &error))
        {
          GtkWidget *dialog = adw_message_dialog_new (
              GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page->group))),
              _("The Key Was Not Added"), error ? error->message : NULL);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      fill_rows (page);
    }
  g_object_unref (chooser);
}

static void
add_clicked_cb (GtkButton *button, KeysPage *page)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add a Publisher’s Public Key"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_filter_add_pattern (filter, "*.pub");
  gtk_file_filter_set_name (filter, _("Public keys (minisign)"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (key_file_chosen_cb), page);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
refresh_group (void)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (5, 1440, 5);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Followed Publications"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Check for a new version every"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Minutes; also at start. An unchanged "
                                                       "register costs one small request."));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minutes between checks"), -1);
  g_settings_bind (settings, "publication-refresh-minutes", spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

GtkWidget *
sam_trusted_keys_page_new (SamStore *store)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Key…"));
  KeysPage *keys = g_new0 (KeysPage, 1);

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  keys->store = g_object_ref (store);
  keys->group = ADW_PREFERENCES_GROUP (group);
  keys->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (page), "keys", keys, (GDestroyNotify) keys_page_free);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Publications"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "network-server-symbolic");
  adw_preferences_group_set_title (keys->group, _("Trusted Publishers"));
  adw_preferences_group_set_description (keys->group,
      _("A register followed over the internet is applied only when one of these keys signed "
        "it. Compare a key’s fingerprint with its publisher before adding it."));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect (add, "clicked", G_CALLBACK (add_clicked_cb), keys);
  adw_preferences_group_set_header_suffix (keys->group, add);
  fill_rows (keys);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), keys->group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (refresh_group ()));
  return page;
}
