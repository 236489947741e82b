/* sam-store-copy-in.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: a register picked through the document portal, copied into the
 * app's own folder and opened there (sam-sandbox.h says why).
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-errors.h"
#include "sam-store-private.h"

static void
remove_register_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", ".part" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* The whole of @source into a new file @part, in one backup step. */
static gboolean
copy_file (const char *source, const char *part, GError **error)
{
  g_autofree char *escaped = g_uri_escape_string (source, "/", FALSE);
  /* immutable: no lock, no -wal or -shm looked for or made beside it */
  g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  sqlite3 *src = NULL;
  sqlite3 *dst = NULL;
  sqlite3_backup *copy = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (part, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK && (copy = sqlite3_backup_init (dst, "main", src, "main")) == NULL)
    rc = sqlite3_errcode (dst);
  if (copy != NULL)
    {
      rc = sqlite3_backup_step (copy, -1);
      sqlite3_backup_finish (copy);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    g_set_error (error, SAM_ERROR, _sam_error_code_for_sqlite (rc),
                 _("“%s” could not be copied into Samverkan’s folder: %s"), source,
                 src && sqlite3_errcode (src) != SQLITE_OK ? sqlite3_errmsg (src) : sqlite3_errstr (rc));
  sqlite3_close_v2 (src);
  sqlite3_close_v2 (dst);
  return rc == SQLITE_OK;
}

SamStore *
sam_store_open_copy_of (const char *source, const char *dest, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *part = NULL;
  g_autoptr(GError) local_error = NULL;
  SamStore *store;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (dest != NULL, NULL);

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND,
                   _("The register “%s” cannot be read: it is not a file."), source);
      return NULL;
    }
  dir = g_path_get_dirname (dest);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_IO, _("The folder %s could not be made: %s"),
                   dir, g_strerror (errno));
      return NULL;
    }
  part = g_strconcat (dest, ".part", NULL);
  g_unlink (part);
  /* made 0600 before a byte is in it, as every file the store makes */
  if (!_sam_create_private_file (part, error))
    return NULL;
  if (!copy_file (source, part, error) || g_rename (part, dest) != 0)
    {
      if (error && *error == NULL)
        g_set_error (error, SAM_ERROR, SAM_ERROR_IO, _("%s could not be written: %s"), dest,
                     g_strerror (errno));
      remove_register_files (dest);
      return NULL;
    }
  store = sam_store_open (dest, &local_error);
  if (store == NULL)
    {
      /* not a register, or a newer one: the copy goes, the file stays as it was */
      remove_register_files (dest);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return store;
}
