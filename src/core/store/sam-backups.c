/* sam-backups.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-backups"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-backups.h"
#include "sam-errors.h"
#include "sam-store-private.h"

/* Names sort in time order: 20261125T120003Z-01-import.sqlite */
#define SUFFIX ".sqlite"

void
sam_backup_free (SamBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_clear_pointer (&backup->made, g_date_time_unref);
  g_free (backup->reason);
  g_free (backup);
}

char *
sam_backups_get_dir (SamStore *store)
{
  return g_strconcat (sam_store_get_path (store), ".backups", NULL);
}

static SamBackup *
backup_from_name (const char *dir, const char *name)
{
  g_autoptr(SamBackup) backup = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *iso = NULL;
  const char *dash;
  GStatBuf st;

  /* "YYYYMMDDTHHMMSSZ-NN-reason.sqlite" */
  if (strlen (name) < 20 || name[8] != 'T' || name[15] != 'Z' || name[16] != '-' ||
      !g_str_has_suffix (name, SUFFIX))
    return NULL;
  backup = g_new0 (SamBackup, 1);
  stamp = g_strndup (name, 16);
  iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", stamp, stamp + 4, stamp + 6,
                         stamp + 9, stamp + 11, stamp + 13);
  backup->made = sam_timestamp_parse (iso);
  if (backup->made == NULL)
    return NULL;
  dash = strchr (name + 17, '-');
  backup->reason = dash ? g_strndup (dash + 1, strlen (dash + 1) - strlen (SUFFIX)) : g_strdup ("");
  backup->path = g_build_filename (dir, name, NULL);
  if (g_stat (backup->path, &st) == 0)
    backup->size = st.st_size;
  return g_steal_pointer (&backup);
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const SamBackup *x = *(SamBackup * const *) a;
  const SamBackup *y = *(SamBackup * const *) b;

  return -strcmp (x->path, y->path);
}

GPtrArray *
sam_backups_list (SamStore *store, GError **error)
{
  g_autofree char *dir = sam_backups_get_dir (store);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_backup_free);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  d = g_dir_open (dir, 0, &local_error);
  if (d == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      SamBackup *backup = backup_from_name (dir, name);
      if (backup)
        g_ptr_array_add (list, backup);
    }
  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

static void
prune (SamStore *store)
{
  g_autoptr(GPtrArray) list = sam_backups_list (store, NULL);

  for (guint i = SAM_BACKUPS_KEEP; list && i < list->len; i++)
    {
      SamBackup *old = g_ptr_array_index (list, i);
      if (g_unlink (old->path) != 0)
        g_debug ("Could not remove the old copy %s: %s", old->path, g_strerror (errno));
    }
}

SamBackup *
sam_backups_create (SamStore *store, const char *reason, GError **error)
{
  g_autofree char *dir = sam_backups_get_dir (store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make the folder for copies of the register, %s: %s"), dir,
                   g_strerror (saved));
      return NULL;
    }
  /* a second copy in the same second gets the next number (never a pruned
   * one's: it would sort as the oldest) */
  {
    g_autoptr(GPtrArray) list = sam_backups_list (store, NULL);
    guint n = 1;

    for (guint i = 0; list && i < list->len; i++)
      {
        g_autofree char *base = g_path_get_basename (((SamBackup *) g_ptr_array_index (list, i))->path);

        if (g_str_has_prefix (base, stamp))
          n = MAX (n, (guint) g_ascii_strtoull (base + 17, NULL, 10) + 1);
      }
    name = g_strdup_printf ("%s-%02u-%s" SUFFIX, stamp, n, reason);
    path = g_build_filename (dir, name, NULL);
  }
  if (!sam_store_backup (store, path, error))
    return NULL;
  prune (store);
  return backup_from_name (dir, name);
}

static int
schema_version_of (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

gboolean
sam_backups_restore (SamStore *store, SamBackup *backup, SamBackup **undo, GError **error)
{
  g_autoptr(SamBackup) before = NULL;
  sqlite3 *src = NULL;
  sqlite3_backup *copy;
  int rc, version;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (sam_store_is_read_only (store))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY,
                   _("The register “%s” is open read-only; nothing was changed."),
                   sam_store_get_path (store));
      return FALSE;
    }
  rc = sqlite3_open_v2 (backup->path, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK || (version = schema_version_of (src)) < 1)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_DATABASE,
                   _("The copy %s cannot be read: %s"), backup->path,
                   src ? sqlite3_errmsg (src) : sqlite3_errstr (rc));
      sqlite3_close_v2 (src);
      return FALSE;
    }
  if (version != sam_store_get_schema_version (store))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_NEWER_FORMAT,
                   _("The copy %s is in format %d and the register in format %d; it cannot "
                     "be brought back into this register. Open the copy itself instead."),
                   backup->path, version, sam_store_get_schema_version (store));
      sqlite3_close_v2 (src);
      return FALSE;
    }

  /* the register as it is now, first: a restore can be undone */
  before = sam_backups_create (store, "restore", error);
  if (before == NULL)
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }
  copy = sqlite3_backup_init (_sam_store_get_db (store), "main", src, "main");
  if (copy == NULL)
    {
      _sam_store_set_error (store, error);
      sqlite3_close_v2 (src);
      return FALSE;
    }
  while ((rc = sqlite3_backup_step (copy, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
    sqlite3_sleep (20);
  sqlite3_backup_finish (copy);
  sqlite3_close_v2 (src);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_DATABASE,
                   _("The copy %s could not be brought back: %s. The register is as it was."),
                   backup->path, sqlite3_errstr (rc));
      return FALSE;
    }
  g_signal_emit_by_name (store, "changed");
  if (undo)
    *undo = g_steal_pointer (&before);
  return TRUE;
}

char *
sam_backup_describe (SamBackup *backup)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (backup->made);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  g_autofree char *size = g_format_size (backup->size);
  const char *why;

  if (g_str_equal (backup->reason, "import"))
    why = _("before an import");
  else if (g_str_equal (backup->reason, "restore"))
    why = _("before a restore");
  else if (g_str_equal (backup->reason, "follow"))
    why = _("before an update of a followed register");
  else
    why = backup->reason;
  /* Translators: "2026-11-25 12:00:03, before an import, 1.2 MB" */
  return g_strdup_printf (_("%s, %s, %s"), when, why, size);
}
