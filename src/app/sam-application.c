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
#include "sam-open-error-page.h"
#include "sam-preferences-window.h"
#include "sam-window.h"

struct _SamApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  GThread *opener;      /* opening the start register, until activate */
};

G_DEFINE_FINAL_TYPE (SamApplication, sam_application, ADW_TYPE_APPLICATION)

/* The register the app starts with, opened on a thread of its own while
 * GTK starts: the first start, which makes the user's register from the
 * sample, then costs the window nothing on a machine with two cores. */
typedef struct {
  char *last;
  char *path;         /* the register tried */
  SamStore *store;
  GError *error;
  gboolean sample;    /* the user's own register was just filled from the sample */
} Opening;

static void
opening_free (Opening *opening)
{
  g_free (opening->last);
  g_free (opening->path);
  g_clear_object (&opening->store);
  g_clear_error (&opening->error);
  g_free (opening);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

/* The last register used, else $SAMVERKAN_REGISTER, else the user's own.
 * Only the user's own, on the first start (no file yet) or one cut short
 * (a register with nothing in it), is filled from the sample: a register
 * that cannot be opened is never replaced by another, nor created. */
static void
open_start_register (Opening *opening)
{
  const char *env = g_getenv ("SAMVERKAN_REGISTER");
  g_autofree char *own = sam_default_register_path ();
  gboolean named = *opening->last != '\0' || (env != NULL && *env != '\0');
  gboolean first_start = !named && !g_file_test (own, G_FILE_TEST_EXISTS);

  if (*opening->last != '\0')
    opening->path = g_strdup (opening->last);
  else
    opening->path = g_strdup (named ? env : own);
  if (first_start)
    {
      opening->store = sam_default_register_open (NULL, &opening->error);
      opening->sample = opening->store != NULL;
      return;
    }
  opening->store = sam_open_existing_register (opening->path, &opening->error);
  /* a first start cut short left the user's own register empty */
  if (opening->store && !named && sam_store_is_empty (opening->store))
    {
      opening->sample = sam_load_sample_register (opening->store, &opening->error);
      if (!opening->sample)
        g_clear_object (&opening->store);
    }
}

static gpointer
open_thread (gpointer data)
{
  open_start_register (data);
  return data;
}

static Opening *
finish_opening (SamApplication *self)
{
  Opening *opening;

  if (self->opener)
    return g_thread_join (g_steal_pointer (&self->opener));
  opening = g_new0 (Opening, 1);
  opening->last = g_settings_get_string (self->settings, "last-register");
  open_start_register (opening);
  return opening;
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

static SamWindow *
new_window (SamApplication *self)
{
  g_autoptr(Opening) opening = finish_opening (self);
  SamWindow *window = sam_window_new (GTK_APPLICATION (self), opening->store);
  g_autofree char *area = g_settings_get_string (self->settings, "default-area");

  if (opening->store == NULL)
    sam_window_show_open_error (window, opening->path, opening->error);
  else if (opening->sample)
    sam_window_show_sample_banner (window);
  /* a social worker looks up their own area first; one click clears it */
  if (*area != '\0')
    sam_window_set_area_filter (window, area);
  return window;
}

static void
sam_application_activate (GApplication *app)
{
  SamApplication *self = SAM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (new_window (self));
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
    opening_free (finish_opening (self));
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
