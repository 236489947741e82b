/* sam-store.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SQLite file per register: the object and its connection, cached
 * statements, errors, transactions, the register's meta data, and copies.
 * Opening, checking and migrating a file is in sam-store-open.c.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-atomic-file.h"
#include "sam-errors.h"
#include "sam-store-private.h"

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

  g_hash_table_unref (self->by_address);
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
  self->by_address = g_hash_table_new (NULL, NULL);
  self->schedules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) sam_schedule_unref);
  self->upgraded_from = -1;
  self->sound = -1;
}

SamError
_sam_error_code_for_sqlite (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SAM_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return SAM_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return SAM_ERROR_NO_SPACE;
    case SQLITE_IOERR:
      return SAM_ERROR_IO;
    case SQLITE_CORRUPT:
      return SAM_ERROR_DAMAGED;
    case SQLITE_NOTADB:
      return SAM_ERROR_NOT_REGISTER;
    default:
      return SAM_ERROR_DATABASE;
    }
}

static const char *
hint_for_error (SamError kind)
{
  switch (kind)
    {
    case SAM_ERROR_BUSY:
      return _("Another program is writing to the register. Try again in a moment.");
    case SAM_ERROR_READ_ONLY:
      return _("The register file cannot be written.");
    case SAM_ERROR_NO_SPACE:
      return _("The disk is full. Nothing was saved; free some space and try again.");
    case SAM_ERROR_IO:
      return _("The disk could not read or write the register. Nothing was saved.");
    case SAM_ERROR_DAMAGED:
    case SAM_ERROR_NOT_REGISTER:
      return _("The file is damaged or is not a Samverkan register.");
    default:
      return _("The register could not be read or written.");
    }
}

void
_sam_store_set_error (SamStore *self, GError **error)
{
  SamError kind = _sam_error_code_for_sqlite (sqlite3_extended_errcode (self->db));

  g_set_error (error, SAM_ERROR, kind, "%s (%s: %s)", hint_for_error (kind), self->path,
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
  /* The text is static, so its address names it: hashing the whole text
   * of a statement on every row was a percent of a large import. The same
   * text at another address (a second copy of a literal) is found by its
   * words and prepared once. */
  sqlite3_stmt *stmt = g_hash_table_lookup (self->by_address, sql);

  if (stmt == NULL && (stmt = g_hash_table_lookup (self->statements, sql)) != NULL)
    g_hash_table_insert (self->by_address, (char *) sql, stmt);
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
  g_hash_table_insert (self->by_address, (char *) sql, stmt);
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

/* The first row of PRAGMA quick_check that is not "ok", or the error that
 * stopped the check as damage when SQLite calls it corruption; NULL when
 * the register is sound or the check failed otherwise (@rc says which). */
static char *
find_damage (SamStore *self, int *rc)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, "PRAGMA quick_check", NULL);
  char *damage = NULL;

  *rc = stmt ? SQLITE_ROW : sqlite3_extended_errcode (self->db);
  while (stmt && damage == NULL && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
      damage = _sam_column_dup (stmt, 0);
  if (damage != NULL)
    *rc = SQLITE_CORRUPT;
  else if (*rc != SQLITE_DONE && _sam_error_code_for_sqlite (*rc) == SAM_ERROR_DAMAGED)
    damage = g_strdup (sqlite3_errmsg (self->db));
  if (stmt)
    sqlite3_reset (stmt);
  return damage;
}

gboolean
sam_store_check_sound (SamStore *self, GError **error)
{
  g_autofree char *damage = NULL;
  g_autofree char *advice = NULL;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (self->sound == 1)
    return TRUE;
  damage = find_damage (self, &rc);
  if (rc == SQLITE_DONE)
    return (self->sound = 1, TRUE);
  /* busy, or a disk that failed to read, is not damage: look again next time */
  if (damage == NULL)
    return (_sam_store_set_error (self, error), FALSE);
  self->sound = 0;
  /* quick_check reports one problem a line, headed "*** in database main ***" */
  g_strdelimit (damage, "\n", ';');
  advice = _sam_backups_describe_last_good (self);
  g_set_error (error, SAM_ERROR, SAM_ERROR_DAMAGED,
               _("The register “%s” is damaged (%s); nothing was written to it. %s"),
               self->path, damage, advice);
  return FALSE;
}

void
_sam_store_forget_soundness (SamStore *self)
{
  self->sound = -1;
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
  /* never write into a damaged register: a write can spread the damage
   * and the next copy made before an import would hold it too */
  if (!sam_store_check_sound (self, error))
    return FALSE;
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
  g_autoptr(GDateTime) now = sam_now_utc ();

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

gint64
_sam_store_count (SamStore *self, const char *sql)
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
  return _sam_store_count (self, "SELECT count(*) FROM actor") == 0 &&
         _sam_store_count (self, "SELECT count(*) FROM escalation_path") == 0;
}

gint64
sam_store_count_actors (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), -1);
  return _sam_store_count (self, "SELECT count(*) FROM actor WHERE deleted = 0");
}

static gint64
read_data_version (SamStore *self)
{
  return _sam_store_count (self, "PRAGMA data_version");
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

/* The online backup of @self into the new, empty file @path. The copy is
 * a file nobody else sees before it is renamed: it needs no journal. */
static int
copy_into (SamStore *self, const char *path, char **message)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
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
    *message = g_strdup (dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  /* closing writes nothing more: there is no journal and no WAL */
  if (sqlite3_close (dest) != SQLITE_OK && rc == SQLITE_OK)
    {
      rc = SQLITE_ERROR;
      *message = g_strdup (sqlite3_errmsg (dest));
    }
  return rc;
}

gboolean
sam_store_backup (SamStore    *self,
                  const char  *dest_path,
                  GError     **error)
{
  g_autoptr(SamAtomicFile) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  /* written beside the target and renamed: a kill or a full disk leaves
   * no half copy under the final name */
  out = sam_atomic_file_new_named (dest_path, &local_error);
  if (out != NULL)
    {
      sam_atomic_file_release_fd (out);
      if ((rc = copy_into (self, sam_atomic_file_get_temp_path (out), &message)) != SQLITE_OK)
        {
          g_set_error (error, SAM_ERROR, _sam_error_code_for_sqlite (rc),
                       _("Could not save a copy of the register as “%s”: %s"), dest_path, message);
          return FALSE;
        }
      if (sam_atomic_file_commit (out, NULL, &local_error))
        return TRUE;
    }
  /* "Could not write PATH: No space left on device" */
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
