/* sam-default-register.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-default-register"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "sam-default-register.h"
#include "sam-register-xml.h"

char *
sam_default_register_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "samverkan", "register.sqlite", NULL);
}

gboolean
sam_load_sample_register (SamStore *store, GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (
      "/io/github/samverkan/Samverkan/core/sample-register.xml", 0, error);
  g_autoptr(SamRegisterData) data = NULL;
  gsize length;
  const char *contents;

  if (bytes == NULL)
    return FALSE;
  contents = g_bytes_get_data (bytes, &length);
  data = sam_register_xml_parse (contents, length, "sample-register.xml", NULL, error);
  return data != NULL && sam_store_import (store, &data->meta, data->actors, data->paths, error);
}

SamStore *
sam_default_register_open (const char *path, GError **error)
{
  const char *env = g_getenv ("SAMVERKAN_REGISTER");
  g_autofree char *default_path = NULL;

  /* a register named by the user starts empty; only the user's own
   * default register starts from the sample */
  if (path == NULL && env != NULL && *env != '\0')
    path = env;
  if (path == NULL)
    default_path = sam_default_register_path ();
  g_autofree char *dir = NULL;
  g_autoptr(SamStore) store = NULL;
  gboolean is_new;

  if (path == NULL)
    path = default_path;
  is_new = !g_file_test (path, G_FILE_TEST_EXISTS);
  dir = g_path_get_dirname (path);
  if (is_new && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return NULL;
    }
  store = sam_store_open (path, error);
  if (store == NULL)
    return NULL;
  /* Only the default register starts from the sample (also when a first
   * start was interrupted); a named new file is left empty for imports. */
  if (default_path != NULL && (is_new || sam_store_is_empty (store)) &&
      !sam_load_sample_register (store, error))
    return NULL;
  return g_steal_pointer (&store);
}
