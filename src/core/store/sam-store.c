/* sam-store.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SQLite file per register: WAL, foreign keys, numbered migrations,
 * every write one transaction with its change-log rows.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sam-errors.h"
#include "sam-store-private.h"

#define MIGRATIONS_PATH "/io/github/samverkan/Samverkan/core/migrations"

struct _SamStore
{
  GObject parent_instance;

  char *path;
  char *user;
  sqlite3 *db;
  gboolean read_only;
  GHashTable *statements;   /* SQL text (static) → sqlite3_stmt */
  GHashTable *schedules;    /* hours text → SamSchedule */
  gint64 data_version;      /* PRAGMA data_version when last looked at */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SamStore, sam_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (sam-error-quark, sam_error)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sam_store_finalize (GObject *object)
{
  SamStore *self = SAM_STORE (object);

  g_hash_table_unref (self->statements);
  g_hash_table_unref (self->schedules);
  if (self->db)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->user);

  G_OBJECT_CLASS (sam_store_parent_class)->finalize (object);
}

static void
sam_store_class_init (SamStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_store_finalize;

  /**
   * SamStore::changed:
   *
   * Emitted after a write through this store commits, and when
   * sam_store_check_for_changes() finds a write by another program.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sam_store_init (SamStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
  self->schedules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) sam_schedule_unref);
}

void
_sam_store_set_error (SamStore *self, GError **error)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;
  SamError kind = SAM_ERROR_DATABASE;
  const char *hint;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    {
      kind = SAM_ERROR_BUSY;
      hint = _("Another program is writing to the register. Try again in a moment.");
    }
  else if (primary == SQLITE_READONLY || primary == SQLITE_PERM)
    {
      kind = SAM_ERROR_READ_ONLY;
      hint = _("The register file cannot be written.");
    }
  else if (primary == SQLITE_FULL)
    hint = _("The disk is full. Nothing was saved; free some space and try again.");
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    hint = _("The file is damaged or is not a Samverkan register.");
  else
    hint = _("The register could not be read or written.");

  g_set_error (error, SAM_ERROR, kind, "%s (%s: %s)", hint, self->path,
               sqlite3_errmsg (self->db));
}

sqlite3 *
_sam_store_get_db (SamStore *self)
{
  return self->db;
}

sqlite3_stmt *
_sam_store_prepare (SamStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _sam_store_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (char *) sql, stmt);
  return stmt;
}

gboolean
_sam_store_exec (SamStore *self, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;
  _sam_store_set_error (self, error);
  sqlite3_free (message);
  return FALSE;
}

gboolean
_sam_store_begin (SamStore *self, GError **error)
{
  if (self->read_only)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY,
                   _("The register “%s” is open read-only; nothing was changed."), self->path);
      return FALSE;
    }
  return _sam_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_sam_store_commit (SamStore *self, GError **error)
{
  if (!_sam_store_exec (self, "COMMIT", error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
_sam_store_commit_quiet (SamStore *self, GError **error)
{
  if (_sam_store_exec (self, "COMMIT", error))
    return TRUE;
  _sam_store_rollback (self);
  return FALSE;
}

gboolean
_sam_store_begin_read (SamStore *self, GError **error)
{
  return _sam_store_exec (self, "BEGIN", error);
}

void
_sam_store_end_read (SamStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

/* Ends the transaction _sam_store_begin() started: commits when @ok, else
 * rolls back (the error is already set). */
gboolean
_sam_store_end (SamStore *self, gboolean ok, GError **error)
{
  if (ok)
    return _sam_store_commit (self, error);
  _sam_store_rollback (self);
  return FALSE;
}

void
_sam_store_rollback (SamStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
_sam_store_step_done (SamStore *self, sqlite3_stmt *stmt, GError **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  _sam_store_set_error (self, error);
  return FALSE;
}

void
_sam_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_sam_bind_static (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

char *
_sam_column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

SamSchedule *
_sam_store_parse_hours (SamStore *self, const char *text)
{
  SamSchedule *schedule;

  if (text == NULL)
    return NULL;
  schedule = g_hash_table_lookup (self->schedules, text);
  if (schedule == NULL)
    {
      g_autoptr(GError) error = NULL;

      schedule = sam_schedule_parse (text, &error);
      if (schedule == NULL)
        {
          g_warning ("%s: %s", self->path, error->message);
          return NULL;
        }
      g_hash_table_insert (self->schedules, g_strdup (text), schedule);
    }
  return sam_schedule_ref (schedule);
}

char *
_sam_store_now_timestamp (void)
{
  g_autoptr(GDateTime) now = sam_now_local ();

  return sam_timestamp_format (now);
}

gboolean
_sam_store_log_change (SamStore   *self,
                       const char *entity,
                       const char *entity_id,
                       const char *op,
                       gint64      revision,
                       const char *before,
                       const char *after,
                       GError    **error)
{
  g_autofree char *now = _sam_store_now_timestamp ();
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "INSERT INTO change_log (at, who, entity, entity_id, op, revision, before, after) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, now);
  _sam_bind_text (stmt, 2, sam_store_get_user (self));
  _sam_bind_text (stmt, 3, entity);
  _sam_bind_text (stmt, 4, entity_id);
  _sam_bind_text (stmt, 5, op);
  sqlite3_bind_int64 (stmt, 6, revision);
  _sam_bind_text (stmt, 7, before);
  _sam_bind_text (stmt, 8, after);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

static gint64 read_data_version (SamStore *self);

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
  return TRUE;
}

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
  return _sam_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error);
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
  rc = sqlite3_open_v2 (uri, &self->db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "PRAGMA user_version", NULL, NULL, NULL);
  return rc;
}

static gboolean
open_db (SamStore *self, GError **error)
{
  int rc;

  if (!self->read_only)
    rc = open_uri (self, "mode=rwc", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  else
    {
      /* Read-only, still seeing other writers' WAL; when the folder cannot
       * be written there is no -shm to share, and only immutable opens it. */
      rc = open_uri (self, "mode=ro", SQLITE_OPEN_READONLY);
      if (rc != SQLITE_OK)
        rc = open_uri (self, "mode=ro&immutable=1", SQLITE_OPEN_READONLY);
    }
  if (rc != SQLITE_OK)
    {
      /* another program holds it: one may wait and try again */
      gboolean busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;

      g_set_error (error, SAM_ERROR, busy ? SAM_ERROR_BUSY : SAM_ERROR_DATABASE,
                   _("Could not open the register “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  return TRUE;
}

static SamStore *
open_store (const char *path, gboolean read_only, GError **error)
{
  g_autoptr(SamStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SAM_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only || !path_is_writable (path);
  if (self->read_only && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY,
                   _("Cannot create the register “%s”: the folder cannot be written."), path);
      return NULL;
    }
  if (!open_db (self, error) || !configure (self, error))
    return NULL;
  /* Catches "not a database" before a migration tries to write to it */
  if (get_user_version (self) < 0)
    return (_sam_store_set_error (self, error), NULL);
  if (!migrate (self, error))
    return NULL;
  if (!self->read_only && !ensure_meta (self, error))
    return NULL;
  self->data_version = read_data_version (self);
  return g_steal_pointer (&self);
}

SamStore *
sam_store_open (const char  *path,
                GError     **error)
{
  return open_store (path, FALSE, error);
}

SamStore *
sam_store_open_read_only (const char  *path,
                          GError     **error)
{
  return open_store (path, TRUE, error);
}

const char *
sam_store_get_path (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  return self->path;
}

gboolean
sam_store_is_read_only (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), TRUE);
  return self->read_only;
}

int
sam_store_get_schema_version (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), -1);
  return get_user_version (self);
}

const char *
sam_store_get_user (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  if (self->user == NULL)
    {
      const char *real = g_get_real_name ();
      self->user = g_strdup (real && *real && !g_str_equal (real, "Unknown")
                             ? real : g_get_user_name ());
    }
  return self->user;
}

void
sam_store_set_user (SamStore *self, const char *user)
{
  g_return_if_fail (SAM_IS_STORE (self));
  g_free (self->user);
  self->user = g_strdup (user);
}

/* Meta */

void
sam_register_meta_clear (SamRegisterMeta *meta)
{
  g_clear_pointer (&meta->id, g_free);
  sam_text_clear (&meta->name);
  g_clear_pointer (&meta->owner, g_free);
  g_clear_pointer (&meta->published, g_date_time_unref);
  meta->version = 0;
}

gboolean
sam_store_get_meta (SamStore *self, SamRegisterMeta *meta, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "SELECT key, value FROM meta", error);
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (g_str_equal (key, "id"))
        meta->id = g_strdup (value);
      else if (g_str_equal (key, "name_sv"))
        sam_text_set (&meta->name, SAM_LANG_SV, value);
      else if (g_str_equal (key, "name_en"))
        sam_text_set (&meta->name, SAM_LANG_EN, value);
      else if (g_str_equal (key, "owner"))
        meta->owner = g_strdup (value);
      else if (g_str_equal (key, "version"))
        meta->version = g_ascii_strtoll (value, NULL, 10);
      else if (g_str_equal (key, "published"))
        meta->published = sam_timestamp_parse (value);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

static gboolean
put_meta (SamStore *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      value ? "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"
            : "DELETE FROM meta WHERE key = ?1", error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, key);
  if (value)
    _sam_bind_text (stmt, 2, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

/* Inside a transaction the caller holds. */
gboolean
_sam_store_write_meta (SamStore *self, const SamRegisterMeta *meta, GError **error)
{
  g_autofree char *version = meta->version > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, meta->version)
                                               : NULL;
  g_autofree char *published = sam_timestamp_format (meta->published);

  return (meta->id == NULL || put_meta (self, "id", meta->id, error)) &&
         put_meta (self, "name_sv", sam_text_get (&meta->name, SAM_LANG_SV), error) &&
         put_meta (self, "name_en", sam_text_get (&meta->name, SAM_LANG_EN), error) &&
         put_meta (self, "owner", meta->owner, error) &&
         put_meta (self, "version", version, error) &&
         put_meta (self, "published", published, error);
}

static gint64
count (SamStore *self, const char *sql)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, NULL);
  gint64 n;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
sam_store_is_empty (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  return count (self, "SELECT count(*) FROM actor") == 0 &&
         count (self, "SELECT count(*) FROM escalation_path") == 0;
}

gint64
sam_store_count_actors (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), -1);
  return count (self, "SELECT count(*) FROM actor WHERE deleted = 0");
}

static gint64
read_data_version (SamStore *self)
{
  return count (self, "PRAGMA data_version");
}

gboolean
sam_store_check_for_changes (SamStore *self)
{
  gint64 version;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  /* data_version moves only when another connection commits */
  version = read_data_version (self);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
sam_store_backup (SamStore    *self,
                  const char  *dest_path,
                  GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest_path, ".part", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  g_unlink (tmp);
  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          /* the online backup restarts when another connection writes */
          while ((rc = sqlite3_backup_step (backup, 256)) == SQLITE_OK ||
                 rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep (rc == SQLITE_OK ? 0 : 20);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_DATABASE,
                   _("Could not save a copy of the register as “%s”: %s"), dest_path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      g_unlink (tmp);
      return FALSE;
    }
  sqlite3_close_v2 (dest);
  if (g_rename (tmp, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not save a copy of the register as “%s”: %s"), dest_path,
                   g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}
