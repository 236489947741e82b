/* sam-atomic-file.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Write beside, flush, rename, flush the folder: the target holds either
 * its old contents or the whole new file, after a full disk, an I/O error,
 * a cancel or a kill alike. GLib's g_file_replace() does the first and the
 * third, but leaves its ".goutputstream-*" file behind when the process
 * dies, creates it with the umask's mode and does not flush the folder.
 */
#define G_LOG_DOMAIN "sam-atomic-file"
#define _GNU_SOURCE   /* O_TMPFILE */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "sam-atomic-file.h"

struct _SamAtomicFile {
  char *path;
  char *temp_path;        /* NULL while the file has no name (O_TMPFILE) */
  int fd;                 /* -1 once released or closed */
  GOutputStream *stream;
  gboolean committed;
  gboolean direct;        /* into a device or a pipe, which cannot be replaced */
};

static gboolean
set_errno_error (GError **error, int saved, const char *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("Could not write %s: %s"), path, g_strerror (saved));
  return FALSE;
}

/* The folder's entry for the renamed file reaches the disk too. A file
 * system that cannot flush folders (EINVAL) has nothing to flush. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  /* the new file is in place whatever this says: the folder's entry may
   * only be lost in a power cut, and the old file is gone either way */
  if (fsync (fd) != 0 && errno != EINVAL)
    g_debug ("Could not flush the folder %s: %s", dir, g_strerror (errno));
  close (fd);
}

static char *
temp_path_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;

  /* leaves room for the suffix within NAME_MAX */
  if (strlen (base) > 200)
    base[200] = '\0';
  name = g_strconcat (SAM_ATOMIC_FILE_PREFIX, base, "-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

/* A file without a name in @path's folder: a process killed while writing
 * it leaves nothing. -1 where the file system or the kernel has none, or
 * no /proc to give it a name by at the end. */
static int
open_unnamed (const char *path)
{
#ifdef O_TMPFILE
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_getenv ("SAMVERKAN_NO_TMPFILE") != NULL || access ("/proc/self/fd", X_OK) != 0)
    return -1;
  fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  return fd;
#else
  return -1;
#endif
}

/* Gives the unnamed file a temporary name beside the target, to rename. */
static gboolean
name_unnamed (SamAtomicFile *self, GError **error)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = temp_path_for (self->path);
      char *x = name + strlen (name) - 6;

      for (guint i = 0; i < 6; i++)
        x[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[g_random_int_range (0, 36)];
      if (linkat (AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
        {
          self->temp_path = g_steal_pointer (&name);
          return TRUE;
        }
      if (errno != EEXIST)
        break;
    }
  return set_errno_error (error, errno, self->path);
}

/* Flushes and closes the temporary file, reopening it when a writer
 * that opened it by name has closed it. */
static gboolean
flush_temp (SamAtomicFile *self, GError **error)
{
  int fd;

  if (self->fd < 0 && (self->fd = open (self->temp_path, O_RDONLY | O_CLOEXEC)) < 0)
    return set_errno_error (error, errno, self->path);
  if (fsync (self->fd) != 0)
    return set_errno_error (error, errno, self->path);
  if (self->temp_path == NULL && !name_unnamed (self, error))
    return FALSE;
  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0 && errno != EINTR)
    return set_errno_error (error, errno, self->path);
  return TRUE;
}

/* TRUE when @self->path is something else than a regular file or
 * nothing: a device or a pipe (/dev/stdout) is written into as it is,
 * and a folder is refused (fd -1). */
static gboolean
open_special (SamAtomicFile *self, GError **error)
{
  GStatBuf st;

  if (g_stat (self->path, &st) != 0 || S_ISREG (st.st_mode))
    return FALSE;
  if (S_ISDIR (st.st_mode))
    return (set_errno_error (error, EISDIR, self->path), TRUE);
  self->direct = TRUE;
  self->fd = open (self->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (self->fd < 0)
    set_errno_error (error, errno, self->path);
  return TRUE;
}

static SamAtomicFile *
atomic_file_new (const char *path, gboolean named, GError **error)
{
  g_autoptr(SamAtomicFile) self = NULL;

  self = g_new0 (SamAtomicFile, 1);
  self->fd = -1;
  /* a link is followed: the file it names is replaced, the link stays */
  self->path = realpath (path, NULL);
  if (self->path == NULL)
    self->path = g_strdup (path);
  if (!named && open_special (self, error))
    return self->fd >= 0 ? g_steal_pointer (&self) : NULL;
  self->fd = named ? -1 : open_unnamed (self->path);
  if (self->fd >= 0)
    return g_steal_pointer (&self);
  self->temp_path = temp_path_for (path);
  self->fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&self->temp_path, g_free);
      set_errno_error (error, saved, path);
      return NULL;
    }
  /* 0600 whatever the umask took away or not */
  if (fchmod (self->fd, 0600) != 0)
    g_debug ("Could not set the mode of %s: %s", self->temp_path, g_strerror (errno));
  return g_steal_pointer (&self);
}

SamAtomicFile *
sam_atomic_file_new (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return atomic_file_new (path, FALSE, error);
}

SamAtomicFile *
sam_atomic_file_new_named (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return atomic_file_new (path, TRUE, error);
}

SamAtomicFile *
sam_atomic_file_new_for_file (GFile *file, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not write %s: choose a file on this computer."), name);
      return NULL;
    }
  return sam_atomic_file_new (path, error);
}

const char *
sam_atomic_file_get_path (SamAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

const char *
sam_atomic_file_get_temp_path (SamAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp_path;
}

GOutputStream *
sam_atomic_file_get_stream (SamAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->fd >= 0 || self->stream != NULL, NULL);

  /* cairo and libxml2 write in small pieces: one write(2) per 64 KiB */
  if (self->stream == NULL)
    {
      g_autoptr(GOutputStream) raw = g_unix_output_stream_new (self->fd, FALSE);

      self->stream = g_buffered_output_stream_new_sized (raw, 64 * 1024);
    }
  return self->stream;
}

void
sam_atomic_file_release_fd (SamAtomicFile *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->stream == NULL);
  g_return_if_fail (self->temp_path != NULL);

  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
}

gboolean
sam_atomic_file_commit (SamAtomicFile  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->stream != NULL && !g_output_stream_close (self->stream, NULL, error))
    return FALSE;
  if (self->direct)
    {
      int fd = self->fd;

      self->fd = -1;
      self->committed = TRUE;
      if (close (fd) != 0 && errno != EINTR)
        return set_errno_error (error, errno, self->path);
      return TRUE;
    }
  if (!flush_temp (self, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (g_rename (self->temp_path, self->path) != 0)
    return set_errno_error (error, errno, self->path);
  self->committed = TRUE;
  sync_folder (self->path);
  return TRUE;
}

void
sam_atomic_file_free (SamAtomicFile *self)
{
  if (self == NULL)
    return;
  if (self->stream != NULL)
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      /* nothing more to write when it did not go through */
      g_cancellable_cancel (abort);
      if (!g_output_stream_is_closed (self->stream))
        g_output_stream_close (self->stream, abort, NULL);
      g_object_unref (self->stream);
    }
  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && self->temp_path != NULL && g_unlink (self->temp_path) != 0)
    g_debug ("Could not remove %s: %s", self->temp_path, g_strerror (errno));
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}

gboolean
sam_atomic_file_set_contents (const char  *path,
                              const char  *contents,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(SamAtomicFile) file = sam_atomic_file_new (path, error);

  return file != NULL &&
         g_output_stream_write_all (sam_atomic_file_get_stream (file), contents, length,
                                    NULL, NULL, error) &&
         sam_atomic_file_commit (file, NULL, error);
}

gboolean
sam_atomic_file_is_temp_name (const char *basename)
{
  g_return_val_if_fail (basename != NULL, FALSE);
  return g_str_has_prefix (basename, SAM_ATOMIC_FILE_PREFIX);
}
