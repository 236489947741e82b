/* sam-store-open.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a register file: refusing what is not a register, creating a
 * new one with mode 0600, setting up the connection (WAL, foreign keys)
 * and applying the numbered migrations it lacks.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sam-errors.h"
#include "sam-store-private.h"
#include "sam-search-vocab.h"

#define MIGRATIONS_PATH "/io/github/samverkan/Samverkan/core/migrations"

/* Migrations */

static int
get_user_version (SamStore *self)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "PRAGMA user_version", NULL);
  int version;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);   /* a statement left on a row keeps a read transaction open */
  return version;
}

static gboolean
apply_migration (SamStore *self, int version, const char *name, GError **error)
{
  g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  g_autoptr(GBytes) sql = g_resources_lookup_data (path, 0, error);
  g_autofree char *text = NULL;
  g_autofree char *pragma = NULL;

  if (sql == NULL)
    return FALSE;
  text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
  pragma = g_strdup_printf ("PRAGMA user_version = %d", version);
  if (!_sam_store_begin (self, error))
    return FALSE;
  if (!_sam_store_exec (self, text, error) || !_sam_store_exec (self, pragma, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }
  return _sam_store_commit (self, error);
}

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Applies the migrations the register lacks, each in a transaction of its
 * own. A register already in this version's format is only read. */
static gboolean
migrate (SamStore *self, GError **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  int current = get_user_version (self);
  guint n;

  if (names == NULL)
    return FALSE;
  n = g_strv_length (names);
  if (current > (int) n)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_NEWER_FORMAT,
                   _("The register “%s” was made by a newer version of Samverkan "
                     "(format %d; this version knows up to %u)."), self->path, current, n);
      return FALSE;
    }
  if (current == (int) n)
    return TRUE;
  if (self->read_only)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY,
                   _("The register “%s” needs an update to this version's format, "
                     "but it is read-only."), self->path);
      return FALSE;
    }
  qsort (names, n, sizeof (char *), compare_names);
  for (guint i = current; i < n; i++)
    {
      /* "001-initial.sql" is version 1 */
      if ((guint) atoi (names[i]) != i + 1)
        {
          g_set_error (error, SAM_ERROR, SAM_ERROR_DATABASE,
                       "Migration %s is out of sequence", names[i]);
          return FALSE;
        }
      if (!apply_migration (self, i + 1, names[i], error))
        return FALSE;
    }
  self->upgraded_from = current;
  return TRUE;
}

/* The id and creation time of a register just made (or brought up from a
 * format without them); only run after a migration wrote anyway. */
static gboolean
ensure_meta (SamStore *self, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "INSERT OR IGNORE INTO meta (key, value) VALUES ('id', ?), ('created', ?)", error);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = _sam_store_now_timestamp ();

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, id);
  _sam_bind_text (stmt, 2, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

static gboolean
is_wal (SamStore *self)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "PRAGMA journal_mode", NULL);
  gboolean wal;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_reset (stmt);
  return wal;
}

/* Settings of the connection; the one setting kept in the file, WAL, is
 * written only when the file is not in WAL mode yet (a new register). */
static gboolean
configure (SamStore *self, GError **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  /* Reads through a memory map: search as you type reads a few pages per
   * row it keeps, and a read() each was a third of its time on a large
   * register. Writes still go through the journal. */
  if (!_sam_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA mmap_size = 268435456", error))
    return FALSE;
  if (self->read_only)
    return TRUE;
  if (!_sam_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;
  return is_wal (self) || _sam_store_exec (self, "PRAGMA journal_mode = WAL", error);
}

/* A Samverkan register has a format number and its own tables; an empty
 * database (one just made, or a file of no bytes) may become one when
 * @may_fill. Anything else is refused before anything is written to it:
 * another program's database keeps every byte. Only reads. */
static gboolean
identify (SamStore *self, gboolean may_fill, GError **error)
{
  int version = get_user_version (self);
  gint64 objects, ours, has_meta;

  if (version < 0)
    {
      if ((sqlite3_extended_errcode (self->db) & 0xff) != SQLITE_NOTADB)
        return (_sam_store_set_error (self, error), FALSE);
      g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_REGISTER,
                   _("“%s” is not a Samverkan register; nothing was changed."), self->path);
      return FALSE;
    }
  objects = _sam_store_count (self, "SELECT count(*) FROM sqlite_schema");
  ours = _sam_store_count (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                 "AND name IN ('meta', 'actor', 'change_log')");
  has_meta = _sam_store_count (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                     "AND name = 'meta'");
  if (objects < 0 || ours < 0 || has_meta < 0)
    return (_sam_store_set_error (self, error), FALSE);
  if (version == 0 && objects == 0 && may_fill)
    return TRUE;
  if (version >= 1 && ours == 3)
    return TRUE;
  /* a newer format may have changed any table but its meta data: migrate()
   * says it is newer */
  if (version > SAM_STORE_SCHEMA_VERSION && has_meta == 1)
    return TRUE;
  if (objects == 0)
    g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_REGISTER,
                 _("“%s” is an empty database, not a Samverkan register; nothing was changed. "
                   "Make a register with “samverkan-cli init”."), self->path);
  else
    g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_REGISTER,
                 _("“%s” is another program's database, not a Samverkan register; "
                   "nothing was changed."), self->path);
  return FALSE;
}

/* A file we may read but not write, or in a folder we may not write (WAL
 * needs its -wal and -shm files beside it), opens read-only. */
static gboolean
path_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, F_OK) == 0 && g_access (path, W_OK) != 0)
    return FALSE;
  return g_access (dir, W_OK) == 0;
}

static int
open_uri (SamStore *self, const char *options, int flags)
{
  g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?%s", escaped, options);
  int rc;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  flags |= self->one_thread ? SQLITE_OPEN_NOMUTEX : SQLITE_OPEN_FULLMUTEX;
  rc = sqlite3_open_v2 (uri, &self->db, flags | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "PRAGMA user_version", NULL, NULL, NULL);
  return rc;
}

static gboolean
open_db (SamStore *self, GError **error)
{
  int rc;

  /* the file exists (made by _sam_create_private_file for a new one): SQLite
   * never creates it with the umask's mode */
  if (!self->read_only)
    rc = self->in_memory ? open_uri (self, "mode=rwc", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                         : open_uri (self, "mode=rw", SQLITE_OPEN_READWRITE);
  else
    {
      /* Read-only, still seeing other writers' WAL; when the folder cannot
       * be written there is no -shm to share, and only immutable opens it. */
      rc = open_uri (self, "mode=ro", SQLITE_OPEN_READONLY);
      if (rc != SQLITE_OK)
        rc = open_uri (self, "mode=ro&immutable=1", SQLITE_OPEN_READONLY);
    }
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_NOTADB)
    {
      /* busy: another program holds it, and one may wait and try again */
      SamError kind = _sam_error_code_for_sqlite (rc);

      g_set_error (error, SAM_ERROR, kind,
                   _("Could not open the register “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  return TRUE;
}

gboolean
_sam_create_private_file (const char *path, GError **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  /* the umask may have taken bits away, never added any: 0600 exactly */
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

/* SQLite makes the -wal and -shm files of a register with the register's
 * own mode (0600 for every register made here), but keeps files it finds.
 * A -wal or -shm left without write permission (by a read-only open when
 * the register was 0444, or by hand) makes every later write fail with
 * "attempt to write a readonly database" until someone deletes -shm; when
 * they are ours we give them the register's mode back before SQLite opens
 * them. Files of another user are left alone: only they or the
 * administrator may change them, and SQLite then opens the register read
 * only, which the messages say. */
static void
repair_side_file_modes (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  GStatBuf db, st;

  if (g_stat (path, &db) != 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      mode_t wanted = (db.st_mode & 0666) | 0600;

      if (g_lstat (side, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          (st.st_mode & 0777) != wanted && g_chmod (side, wanted) != 0)
        g_debug ("Could not give %s the mode %o: %s", side, wanted, g_strerror (errno));
    }
}

/* Removes what a failed creation left: the register and SQLite's files. */
static void
remove_new_register (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static gboolean
open_and_prepare (SamStore *self, SamStoreOpenFlags flags, gboolean is_new, GError **error)
{
  if (!open_db (self, error))
    return FALSE;
  if (!identify (self, is_new || (flags & SAM_STORE_OPEN_CREATE), error) ||
      !configure (self, error) || !migrate (self, error))
    return FALSE;
  /* a migration that changed the search index asks for a rebuild: a
   * write, made only then */
  if (!self->read_only && !_sam_store_upgrade_search (self, error))
    return FALSE;
  if (self->upgraded_from >= 0 && !ensure_meta (self, error))
    return FALSE;
  if (!self->read_only && !self->in_memory)
    _sam_backups_remove_leftovers (self);
  self->data_version = _sam_store_count (self, "PRAGMA data_version");
  return TRUE;
}

/* SQLite counts every block it allocates, under a lock, for
 * sqlite3_memory_used(), which nothing here asks: a tenth of what an
 * import spent in SQLite's own code was that lock. Set once, before
 * SQLite starts (it refuses the setting after). */
static void
configure_sqlite (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      sqlite3_initialize ();
      g_once_init_leave (&once, 1);
    }
}

static SamStore *
open_store (const char *path, SamStoreOpenFlags flags, GError **error)
{
  g_autoptr(SamStore) self = NULL;
  gboolean is_new;

  g_return_val_if_fail (path != NULL, NULL);

  configure_sqlite ();

  if (*path == '\0')
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID, _("No register file was named."));
      return NULL;
    }
  self = g_object_new (SAM_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->in_memory = g_str_equal (path, ":memory:");
  self->one_thread = (flags & _SAM_STORE_OPEN_ONE_THREAD) != 0;
  is_new = !self->in_memory && !g_file_test (path, G_FILE_TEST_EXISTS);
  self->read_only = !self->in_memory && ((flags & SAM_STORE_OPEN_READ_ONLY) ||
                                         !path_is_writable (path));
  if (is_new && !(flags & SAM_STORE_OPEN_CREATE))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND,
                   _("There is no register at %s."), path);
      return NULL;
    }
  if (is_new && self->read_only)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY,
                   _("Cannot create the register “%s”: the folder cannot be written."), path);
      return NULL;
    }
  if (is_new && !_sam_create_private_file (path, error))
    return NULL;
  if (!is_new && !self->read_only && !self->in_memory)
    repair_side_file_modes (path);
  if (!open_and_prepare (self, flags, is_new, error))
    {
      if (is_new)
        {
          g_clear_pointer (&self->db, sqlite3_close_v2);
          remove_new_register (path);
        }
      return NULL;
    }
  return g_steal_pointer (&self);
}

SamStore *
sam_store_open_full (const char         *path,
                     SamStoreOpenFlags   flags,
                     GError            **error)
{
  return open_store (path, flags, error);
}

SamStore *
sam_store_open (const char  *path,
                GError     **error)
{
  return open_store (path, SAM_STORE_OPEN_CREATE, error);
}

SamStore *
sam_store_open_read_only (const char  *path,
                          GError     **error)
{
  return open_store (path, SAM_STORE_OPEN_READ_ONLY, error);
}

int
sam_store_get_upgraded_from (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), -1);
  return self->upgraded_from;
}

int
sam_store_get_schema_version (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), -1);
  return get_user_version (self);
}
