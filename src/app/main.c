/* main.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "sam-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(SamApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* SAMVERKAN_LOCALE_DIR: the catalogs of a build tree, for tests */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SAMVERKAN_LOCALE_DIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sam_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
