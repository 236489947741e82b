/* sam-backups.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-backups"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-atomic-file.h"
#include "sam-backups.h"
#include "sam-errors.h"
#include "sam-store-private.h"

/* Names sort in time order: 20261125T120003Z-01-import.sqlite */
#define SUFFIX ".sqlite"
/* what sam_store_backup() wrote before it renamed, before SamAtomicFile */
#define PART_SUFFIX ".part"
/* a copy in progress rewrites its .part continuously; one untouched this
 * long, and locked by nobody, was left by a copy that was killed */
#define LEFTOVER_AGE_SECONDS 60

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

/* The copies hold every route of the register, internal ones too, and a
 * restore brings back whatever lies there: the folder must be a real
 * folder of ours that nobody else may write. FALSE with G_FILE_ERROR_NOENT
 * when it does not exist. */
static gboolean
check_dir (const char *dir, GError **error)
{
  GStatBuf st;

  if (g_lstat (dir, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The folder for copies of the register, %s, cannot be read: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  if (S_ISLNK (st.st_mode) || !S_ISDIR (st.st_mode) || st.st_uid != getuid ())
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_UNSAFE,
                   _("%s is not a folder of your own (it is a link, a file or another "
                     "user's); no copies are read from it or written to it. Move it away."), dir);
      return FALSE;
    }
  if (st.st_mode & (S_IWGRP | S_IWOTH))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_UNSAFE,
                   _("Other users may write to the folder of copies %s; no copies are read "
                     "from it or written to it. Make it private with “chmod 700 %s”."), dir, dir);
      return FALSE;
    }
  /* readable by others (made by hand, or under an old umask): ours alone */
  if ((st.st_mode & 0777) != 0700 && g_chmod (dir, 0700) != 0)
    g_debug ("Could not make %s private: %s", dir, g_strerror (errno));
  return TRUE;
}

/* Whether another process holds a lock on @path: SQLite locks the copy it
 * is writing for as long as the copy runs. */
static gboolean
is_locked (const char *path)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  gboolean locked;

  if (fd < 0)
    return FALSE;
  locked = fcntl (fd, F_GETLK, &lock) != 0 || lock.l_type != F_UNLCK;
  close (fd);
  return locked;
}

static gboolean
is_leftover (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  /* sam_store_backup() writes a copy as SAM_ATOMIC_FILE_PREFIX…; older
   * versions wrote NAME.part */
  if (!sam_atomic_file_is_temp_name (name) &&
      !g_str_has_suffix (name, PART_SUFFIX) && !g_str_has_suffix (name, PART_SUFFIX "-journal"))
    return FALSE;
  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  return time (NULL) - st.st_mtime >= LEFTOVER_AGE_SECONDS && !is_locked (path);
}

void
_sam_backups_remove_leftovers (SamStore *store)
{
  g_autofree char *dir = sam_backups_get_dir (store);
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (!check_dir (dir, NULL) || (d = g_dir_open (dir, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    if (is_leftover (dir, name))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        if (g_unlink (path) == 0)
          g_debug ("Removed %s, left by a copy that did not finish", path);
      }
}

GPtrArray *
sam_backups_list (SamStore *store, GError **error)
{
  g_autofree char *dir = sam_backups_get_dir (store);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_backup_free);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (!check_dir (dir, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
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

/* The copy, without pruning the old ones. */
static SamBackup *
make_copy (SamStore *store, const char *reason, GError **error)
{
  g_autofree char *dir = sam_backups_get_dir (store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  /* a copy of a damaged register is no copy to go back to */
  if (!sam_store_check_sound (store, error))
    return NULL;
  if (g_mkdir (dir, 0700) != 0 && errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make the folder for copies of the register, %s: %s"), dir,
                   g_strerror (saved));
      return NULL;
    }
  if (!check_dir (dir, error))
    return NULL;
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
  return backup_from_name (dir, name);
}

SamBackup *
sam_backups_create (SamStore *store, const char *reason, GError **error)
{
  SamBackup *backup = sam_backups_begin (store, reason, error);

  if (backup != NULL)
    sam_backups_end (store, backup, TRUE);
  return backup;
}

SamBackup *
sam_backups_begin (SamStore *store, const char *reason, GError **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  return make_copy (store, reason, error);
}

void
sam_backups_end (SamStore *store, SamBackup *backup, gboolean changed)
{
  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (backup != NULL);

  if (changed)
    {
      prune (store);
      return;
    }
  /* nothing changed: the copy is the register as it still is, and would
   * push out a copy of the register before a change that did happen */
  if (g_unlink (backup->path) != 0 && errno != ENOENT)
    g_warning ("Could not remove the copy %s: %s", backup->path, g_strerror (errno));
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
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
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
  escaped = g_uri_escape_string (backup->path, "/", FALSE);
  /* immutable: nobody writes a copy, and a read-only open of a file in WAL
   * mode would leave -wal and -shm files in the folder of copies */
  uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  rc = sqlite3_open_v2 (uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
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

  /* the register as it is now, first: a restore can be undone; a damaged
   * register is not copied (it is what the restore is for) */
  if (sam_store_check_sound (store, NULL))
    {
      before = sam_backups_begin (store, "restore", error);
      if (before == NULL)
        {
          sqlite3_close_v2 (src);
          return FALSE;
        }
    }
  copy = sqlite3_backup_init (_sam_store_get_db (store), "main", src, "main");
  if (copy == NULL)
    {
      _sam_store_set_error (store, error);
      sqlite3_close_v2 (src);
      if (before)
        sam_backups_end (store, before, FALSE);
      return FALSE;
    }
  /* as long as a write waits for another program (5 s), then busy */
  for (guint tries = 0; ((rc = sqlite3_backup_step (copy, -1)) == SQLITE_BUSY ||
                         rc == SQLITE_LOCKED) && tries < 250; tries++)
    sqlite3_sleep (20);
  sqlite3_backup_finish (copy);
  sqlite3_close_v2 (src);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SAM_ERROR, _sam_error_code_for_sqlite (rc),
                   _("The copy %s could not be brought back: %s. The register is as it was."),
                   backup->path, sqlite3_errstr (rc));
      if (before)
        sam_backups_end (store, before, FALSE);
      return FALSE;
    }
  _sam_store_forget_soundness (store);
  if (before)
    sam_backups_end (store, before, TRUE);
  g_signal_emit_by_name (store, "changed");
  if (undo)
    *undo = g_steal_pointer (&before);
  return TRUE;
}

static gboolean
copy_is_sound (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean sound = FALSE;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    sound = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 &&
            sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return sound;
}

char *
_sam_backups_describe_last_good (SamStore *store)
{
  g_autoptr(GPtrArray) list = sam_backups_list (store, NULL);

  for (guint i = 0; list && i < list->len; i++)
    {
      SamBackup *backup = g_ptr_array_index (list, i);

      if (copy_is_sound (backup->path))
        {
          g_autofree char *text = sam_backup_describe (backup);

          /* Translators: the copy's number, its description, the number again */
          return g_strdup_printf (_("The newest good copy is number %u (%s): bring it back "
                                    "with “samverkan-cli restore %u” or in the application's "
                                    "list of copies."), i + 1, text, i + 1);
        }
    }
  return g_strdup (_("There is no good copy of it to bring back; restore the file from your "
                     "own backups."));
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
