/* sam-sandbox.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-sandbox"

#include "config.h"

#include <string.h>

#include "sam-sandbox.h"

gboolean
sam_sandbox_is_flatpak (void)
{
  const char *info = g_getenv ("SAMVERKAN_FLATPAK_INFO");

  return g_file_test (info && *info ? info : "/.flatpak-info", G_FILE_TEST_EXISTS);
}

char *
sam_sandbox_dup_portal_dir (void)
{
  const char *dir = g_getenv ("SAMVERKAN_DOCUMENT_PORTAL");

  if (dir && *dir)
    return g_strdup (dir);
  return g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
}

gboolean
sam_sandbox_path_is_portal_in (const char *path, const char *portal_dir)
{
  g_autofree char *file = NULL;
  g_autofree char *dir = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (portal_dir != NULL, FALSE);

  /* "/run/user/1000/doc/../x" is not in the portal; "doc2" is not "doc" */
  file = g_canonicalize_filename (path, "/");
  dir = g_canonicalize_filename (portal_dir, "/");
  len = strlen (dir);
  return len > 1 && strncmp (file, dir, len) == 0 && file[len] == G_DIR_SEPARATOR && file[len + 1];
}

gboolean
sam_sandbox_path_is_portal (const char *path)
{
  g_autofree char *dir = sam_sandbox_dup_portal_dir ();

  return sam_sandbox_path_is_portal_in (path, dir);
}

char *
sam_sandbox_dup_registers_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "samverkan", "registers", NULL);
}

char *
sam_sandbox_dup_copy_path (const char *portal_path)
{
  g_autofree char *dir = sam_sandbox_dup_registers_dir ();
  g_autofree char *base = g_path_get_basename (portal_path);
  g_autofree char *stem = g_str_has_suffix (base, ".sqlite")
                          ? g_strndup (base, strlen (base) - strlen (".sqlite")) : g_strdup (base);
  char *path = g_build_filename (dir, base, NULL);

  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u.sqlite", stem, n);

      g_free (path);
      path = g_build_filename (dir, name, NULL);
    }
  return path;
}
