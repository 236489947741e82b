/* sam-test-util.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sam-default-register.h"
#include "sam-test-util.h"

char *
sam_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("samverkan-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

SamStore *
sam_test_open_store (const char *dir, const char *name, gboolean sample)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (sample)
    {
      g_assert_true (sam_load_sample_register (store, &error));
      g_assert_no_error (error);
    }
  return store;
}

void
sam_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}
