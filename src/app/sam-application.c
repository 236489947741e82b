/* sam-application.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-about.h"
#include "sam-application.h"
#include "sam-default-register.h"
#include "sam-preferences-window.h"
#include "sam-window.h"

struct _SamApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  GThread *opener;      /* opening the start register, until activate */
};

G_DEFINE_FINAL_TYPE (SamApplication, sam_application, ADW_TYPE_APPLICATION)

static void
show_open_error (SamApplication *self, GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The Register Could Not Be Opened"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The last register used, or the user's own (from the sample the first
 * time); a last register that has gone away falls back to the user's own. */
static SamStore *
open_start_register (const char *last, GError **error)
{
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      SamStore *store = sam_store_open (last, NULL);
      if (store != NULL)
        return store;
    }
  return sam_default_register_open (NULL, error);
}

/* The register opens on a thread of its own while GTK starts: the first
 * start, which makes the user's register from the sample, then costs the
 * window nothing on a machine with two cores. */
typedef struct {
  char *last;
  SamStore *store;
  GError *error;
} Opening;

static gpointer
open_thread (gpointer data)
{
  Opening *opening = data;

  opening->store = open_start_register (opening->last, &opening->error);
  return opening;
}

static SamStore *
finish_opening (SamApplication *self, GError **error)
{
  Opening *opening;
  SamStore *store;

  if (self->opener == NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-register");
      return open_start_register (last, error);
    }
  opening = g_thread_join (g_steal_pointer (&self->opener));
  store = opening->store;
  if (opening->error)
    g_propagate_error (error, opening->error);
  g_free (opening->last);
  g_free (opening);
  return store;
}

static void
register_changed_cb (SamWindow *window, const char *path, SamApplication *self)
{
  g_settings_set_string (self->settings, "last-register", path);
}

static void
restore_size (SamApplication *self, GtkWindow *window)
{
  gtk_window_set_default_size (window, g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (window);
}

static gboolean
close_request_cb (GtkWindow *window, SamApplication *self)
{
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return FALSE;
}

static void
sam_application_activate (GApplication *app)
{
  SamApplication *self = SAM_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      store = finish_opening (self, &error);
      if (store == NULL)
        {
          show_open_error (self, error);
          return;
        }
      g_autofree char *area = g_settings_get_string (self->settings, "default-area");

      window = GTK_WINDOW (sam_window_new (GTK_APPLICATION (app), store));
      /* a social worker looks up their own area first; one click clears it */
      if (*area != '\0')
        sam_window_set_area_filter (SAM_WINDOW (window), area);
      restore_size (self, window);
      g_signal_connect_object (window, "register-changed", G_CALLBACK (register_changed_cb), self, 0);
      g_signal_connect_object (window, "close-request", G_CALLBACK (close_request_cb), self, 0);
    }
  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (sam_preferences_window_new (parent));
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  sam_show_about (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static void
sam_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  SamApplication *self = SAM_APPLICATION (app);
  Opening *opening = g_new0 (Opening, 1);

  opening->last = g_settings_get_string (self->settings, "last-register");
  self->opener = g_thread_new ("open-register", open_thread, opening);
  G_APPLICATION_CLASS (sam_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
sam_application_dispose (GObject *object)
{
  SamApplication *self = SAM_APPLICATION (object);

  /* started but never shown (a second instance handed over) */
  if (self->opener)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SamStore) store = finish_opening (self, &error);
    }
  g_clear_object (&SAM_APPLICATION (object)->settings);
  G_OBJECT_CLASS (sam_application_parent_class)->dispose (object);
}

static void
sam_application_class_init (SamApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sam_application_dispose;
  G_APPLICATION_CLASS (klass)->activate = sam_application_activate;
  G_APPLICATION_CLASS (klass)->startup = sam_application_startup;
}

static void
sam_application_init (SamApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

SamApplication *
sam_application_new (void)
{
  return g_object_new (SAM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/samverkan/Samverkan",
                       NULL);
}
