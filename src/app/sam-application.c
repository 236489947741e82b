/* sam-application.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-application.h"
#include "sam-default-register.h"
#include "sam-window.h"

struct _SamApplication
{
  AdwApplication parent_instance;

  SamStore *store;
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

static void
sam_application_activate (GApplication *app)
{
  SamApplication *self = SAM_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && self->store == NULL)
    {
      self->store = sam_default_register_open (NULL, &error);
      if (self->store == NULL)
        {
          show_open_error (self, error);
          return;
        }
    }
  if (window == NULL)
    window = GTK_WINDOW (sam_window_new (self, self->store));
  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
};

static void
sam_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (sam_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
sam_application_dispose (GObject *object)
{
  SamApplication *self = SAM_APPLICATION (object);

  g_clear_object (&self->store);
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
}

SamApplication *
sam_application_new (void)
{
  return g_object_new (SAM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/samverkan/Samverkan",
                       NULL);
}

SamStore *
sam_application_get_store (SamApplication *self)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);
  return self->store;
}
