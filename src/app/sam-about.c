/* sam-about.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-about"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sam-about.h"

#define WEBSITE "https://github.com/samverkan/samverkan"

/* What to paste into a bug report. */
static char *
dup_debug_info (void)
{
  return g_strdup_printf ("Samverkan %s\nGLib %u.%u.%u\nGTK %u.%u.%u\nlibadwaita %u.%u.%u\n",
                          PACKAGE_VERSION,
                          glib_major_version, glib_minor_version, glib_micro_version,
                          gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (),
                          adw_get_micro_version ());
}

void
sam_show_about (GtkWindow *parent)
{
  AdwAboutWindow *about;
  g_autofree char *debug_info = dup_debug_info ();

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Samverkan"),
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Samverkan authors"),
                        "copyright", _("© 2026 The Samverkan authors"),
                        "comments", _("Find whom to contact when trafficking is suspected"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", WEBSITE,
                        "issue-url", WEBSITE "/issues",
                        "debug-info", debug_info,
                        /* Translators: your names, one a line, to be credited in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (about, _("Sample Data"), NULL, GTK_LICENSE_CUSTOM,
                                      _("The register that comes with Samverkan is sample data. "
                                        "Verify every phone number, address and opening hour "
                                        "with the actor before relying on it."));
  gtk_window_present (GTK_WINDOW (about));
}
