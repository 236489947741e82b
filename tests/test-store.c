/* test-store.c
 *
 * The register file: its schema and migrations, files that are not
 * registers, read-only files and folders, import into a register that is
 * not empty, overdue verification and the integrity check. Actors saved
 * and loaded are in test-store-actors.c.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-default-register.h"
#include "sam-errors.h"
#include "sam-query.h"
#include "sam-store.h"
#include "sam-test-store.h"
#include "sam-test-util.h"

static char *
read_file (const char *path, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

/* Schema */

static void
test_new_file (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_true (sam_store_is_empty (store));
  g_assert_cmpint (sam_store_count_actors (store), ==, 0);
  g_assert_false (sam_store_is_read_only (store));
  g_assert_cmpstr (sam_store_get_path (store), ==, f->path);
}

static void
test_reopen (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) actor = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) loaded = NULL;

  sam_test_store_insert_actor (store, actor);
  g_clear_object (&store);

  store = sam_test_store_open (f->path);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sam_store_count_actors (store), ==, 1);
  loaded = sam_test_store_load_actor (store, "test-jour");
  sam_test_assert_actors_equal (actor, loaded);
}

/* Searching @text in @area finds @id alone, or nothing when @id is NULL. */
static void
assert_found (SamStore *store, const char *text, const char *area, const char *id)
{
  g_autoptr(SamQuery) query = sam_query_new (text);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  query->area = g_strdup (area);
  query->target_group = area ? g_strdup ("children") : NULL;
  query->language = area ? g_strdup ("ar") : NULL;
  found = sam_store_search (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, id ? 1 : 0);
  if (id)
    g_assert_cmpstr (sam_actor_get_id (g_ptr_array_index (found, 0)), ==, id);
}

/* A register made by an earlier version is brought up to date on opening,
 * its data kept: here one at format 1, with its old name indexes. */
static void
test_migration (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) actor = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) loaded = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  sam_test_store_insert_actor (store, actor);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP INDEX actor_key_sv; DROP INDEX actor_key_en;"
                                     "CREATE INDEX actor_key_sv ON actor (deleted, key_sv);"
                                     "CREATE INDEX actor_key_en ON actor (deleted, key_en);"
                                     "DROP TABLE step_fallback;"
                                     /* the search index of format 1 */
                                     "CREATE VIRTUAL TABLE actor_fts USING fts5 (name, body, phones,"
                                     "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
                                     "INSERT INTO actor_fts (rowid, name, body, phones)"
                                     "  SELECT rowid, name_sv, description_sv, '' FROM actor;"
                                     "DROP TABLE actor_search;"
                                     /* and without what 003 added */
                                     "DROP TABLE sync_source; DROP TABLE sync_seen; DROP TABLE follow;"
                                     "DROP TABLE record_ancestry;"
                                     "ALTER TABLE change_log DROP COLUMN source;"
                                     "DELETE FROM meta WHERE key = 'instance';"
                                     /* and without what 007 added */
                                     "DROP TABLE search_vocab; DROP TABLE search_vocab_rev;"
                                     "DROP TABLE search_synonym;"
                                     /* and without what 010 added: steps keyed by id alone */
                                     "ALTER TABLE actor DROP COLUMN source;"
                                     "ALTER TABLE actor DROP COLUMN source_read;"
                                     "ALTER TABLE actor_language DROP COLUMN position;"
                                     "ALTER TABLE contact_route DROP COLUMN abroad;"
                                     "DROP TABLE step_answer; DROP TABLE escalation_step;"
                                     "CREATE TABLE escalation_step (id TEXT PRIMARY KEY,"
                                     "  path_id TEXT NOT NULL REFERENCES escalation_path (id) ON DELETE CASCADE,"
                                     "  position INTEGER NOT NULL, kind TEXT NOT NULL, text_sv TEXT,"
                                     "  text_en TEXT, legal_ref_sv TEXT, legal_ref_en TEXT, actor_id TEXT,"
                                     "  route_id TEXT, urgency TEXT, next_step TEXT);"
                                     "CREATE TABLE step_answer (step_id TEXT NOT NULL REFERENCES"
                                     "  escalation_step (id) ON DELETE CASCADE, position INTEGER NOT NULL,"
                                     "  label_sv TEXT, label_en TEXT, next_step TEXT, next_path TEXT,"
                                     "  PRIMARY KEY (step_id, position)) WITHOUT ROWID;"
                                     /* and without what 012 added */
                                     "DROP TABLE search_phone;"
                                     "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sam_test_store_open (f->path);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  loaded = sam_test_store_load_actor (store, "test-jour");
  /* migration 006 kept format 1's meaning of hours without a PH rule: the
   * on-call line stays closed on holidays, now said in so many words */
  {
    g_autoptr(SamSchedule) duty = sam_schedule_parse ("Mo-Fr 16:00-22:00; PH off", NULL);
    SamContactRoute *route = g_ptr_array_index (sam_actor_get_routes (actor), 1);

    g_assert_cmpstr (sam_contact_route_get_id (route), ==, "test-jour-duty");
    sam_contact_route_set_hours (route, duty);
    /* and format 1 kept no source, no route for abroad and no order of
     * languages: 010 keeps the sorted one */
    sam_actor_set_source (actor, NULL, NULL);
    sam_contact_route_set_abroad (route, FALSE);
    sam_actor_clear_languages (actor);
    sam_actor_add_language (actor, "ar");
    sam_actor_add_language (actor, "sv");
  }
  sam_test_assert_actors_equal (actor, loaded);
  /* migration 004 carried the search rows over, with the filters */
  assert_found (store, "socialjour", NULL, "test-jour");
  assert_found (store, "jour", "2480", "test-jour");
  assert_found (store, "jour", "24", "test-jour");
  assert_found (store, "jour", "0180", NULL);
  g_clear_object (&store);

  /* migration 002 indexes the names alone */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat (name) FROM pragma_index_info ('actor_key_sv')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "key_sv");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_newer_format (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE meta (key, value); CREATE TABLE future (x); "
                                 "PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sam_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NEWER_FORMAT);
  g_assert_nonnull (strstr (error->message, "99"));
}

static void
test_not_a_database (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize length;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Rad %u: detta är ingen databas utan en anteckning.\n", i);
  g_assert_true (g_file_set_contents (f->path, text->str, text->len, NULL));

  store = sam_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_REGISTER);
  g_assert_nonnull (strstr (error->message, f->path));

  after = read_file (f->path, &length);
  g_assert_cmpmem (after, length, text->str, text->len);
}

/* Read-only registers. Root may write any file, so when the tests run as
 * root the checks run in a subprocess that has become "nobody". */

static gboolean
become_nobody (void)
{
  if (geteuid () != 0)
    return TRUE;
  return setgid (65534) == 0 && setuid (65534) == 0 && geteuid () == 65534;
}

/* Tries in a throw-away child process. */
static gboolean
can_become_nobody (void)
{
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (become_nobody () ? 0 : 1);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static void
read_only_checks (const char *path, const char *new_path)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamStore) created = NULL;
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(SamActor) another = sam_test_make_actor ("test-another");
  g_autoptr(GError) error = NULL;

  store = sam_test_store_open (path);
  g_assert_true (sam_store_is_read_only (store));
  actor = sam_test_store_load_actor (store, "test-jour");
  g_assert_cmpint (sam_store_count_actors (store), ==, 1);

  g_assert_false (sam_store_insert_actor (store, another, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY);
  g_clear_error (&error);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Changed");
  g_assert_false (sam_store_update_actor (store, actor, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY);
  g_assert_cmpint (sam_actor_get_revision (actor), ==, 1);
  g_clear_error (&error);
  g_assert_false (sam_store_delete_actor (store, "test-jour", 1, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* a new register cannot be made in a folder that cannot be written */
  if (new_path != NULL)
    {
      created = sam_store_open (new_path, &error);
      g_assert_null (created);
      g_assert_error (error, SAM_ERROR, SAM_ERROR_READ_ONLY);
      g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
    }
}

static void
run_read_only (const char *mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  if (g_test_subprocess ())
    {
      g_assert_true (become_nobody ());
      read_only_checks (g_getenv ("SAMVERKAN_TEST_RO_PATH"),
                        g_str_equal (mode, "folder") ? g_getenv ("SAMVERKAN_TEST_RO_NEW") : NULL);
      return;
    }

  dir = g_dir_make_tmp ("samverkan-ro-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "register.sqlite", NULL);
  new_path = g_build_filename (dir, "new.sqlite", NULL);
  {
    g_autoptr(SamStore) store = sam_test_store_open (path);
    g_autoptr(SamActor) actor = sam_test_make_actor ("test-jour");

    sam_test_store_insert_actor (store, actor);
  }
  before = read_file (path, &before_len);

  if (g_str_equal (mode, "file"))
    {
      /* the file is read-only, the folder is not: nobody may not write it */
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
    }
  else
    {
      /* the folder is read-only: no -wal or -shm file can be made */
      if (geteuid () == 0)
        g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    }

  if (geteuid () != 0 && g_access (path, W_OK) == 0 && g_str_equal (mode, "file"))
    {
      g_test_skip ("the file can still be written");
    }
  else
    {
      g_setenv ("SAMVERKAN_TEST_RO_PATH", path, TRUE);
      g_setenv ("SAMVERKAN_TEST_RO_NEW", new_path, TRUE);
      if (!can_become_nobody ())
        {
          g_test_skip ("cannot drop root privileges to check a read-only file");
          sam_test_remove_dir (dir);
          return;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_unsetenv ("SAMVERKAN_TEST_RO_PATH");
      g_unsetenv ("SAMVERKAN_TEST_RO_NEW");
      /* nothing touched the file */
      after = read_file (path, &after_len);
      g_assert_cmpmem (after, after_len, before, before_len);
    }
  sam_test_remove_dir (dir);
}

static void
test_read_only_file (void)
{
  run_read_only ("file");
}

static void
test_read_only_folder (void)
{
  run_read_only ("folder");
}

/* Import, overdue verification, integrity */

static void
test_import_not_empty (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(SamActor) present = sam_test_make_actor ("test-jour");
  g_autoptr(SamActor) incoming = sam_test_make_actor ("test-incoming");
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(SamActor) missing = NULL;
  SamRegisterMeta meta = { 0 };

  sam_test_store_insert_actor (store, present);
  meta.id = g_strdup ("incoming-register");
  g_ptr_array_add (actors, incoming);
  g_assert_false (sam_store_import (store, &meta, actors, NULL, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_EMPTY);
  sam_register_meta_clear (&meta);

  g_assert_cmpint (sam_store_count_actors (store), ==, 1);
  missing = sam_store_load_actor (store, "test-incoming", &load_error);
  g_assert_null (missing);
  g_assert_error (load_error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  changes = sam_store_list_changes (store, "actor", "test-incoming", NULL);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (sam_store_get_meta (store, &meta, NULL));
  g_assert_cmpstr (meta.id, !=, "incoming-register");
  sam_register_meta_clear (&meta);
}

static void
test_overdue (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(GDateTime) now = sam_test_date_time ("2026-11-25T12:00:00+01:00");
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  gboolean seen_verified = FALSE;
  GDateTime *previous = NULL;

  g_assert_true (sam_load_sample_register (store, &error));
  g_assert_no_error (error);
  overdue = sam_store_list_overdue (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, >=, 3);

  for (guint i = 0; i < overdue->len; i++)
    {
      SamActor *actor = g_ptr_array_index (overdue, i);
      GDateTime *verified = sam_actor_get_verified_at (actor);

      g_hash_table_add (listed, (char *) sam_actor_get_id (actor));
      /* never verified first */
      if (verified == NULL)
        {
          g_assert_false (seen_verified);
          continue;
        }
      /* then oldest first */
      seen_verified = TRUE;
      if (previous)
        g_assert_cmpint (g_date_time_compare (previous, verified), <=, 0);
      previous = verified;
    }
  g_assert_true (g_hash_table_contains (listed, "iom"));            /* verified 2024-09-12 */
  g_assert_true (g_hash_table_contains (listed, "rfsl-stodmottagning"));   /* never */
  g_assert_false (g_hash_table_contains (listed, "umea-kommun"));   /* 2026-10-20 */
  g_assert_null (sam_actor_get_verified_at (g_ptr_array_index (overdue, 0)));

  /* exactly those whose verification plus review days lies before now */
  all = sam_store_list_actors (store, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      SamActor *actor = g_ptr_array_index (all, i);
      GDateTime *verified = sam_actor_get_verified_at (actor);
      g_autoptr(GDateTime) due = verified ? g_date_time_add_days (verified, sam_actor_get_review_days (actor)) : NULL;
      gboolean expected = due == NULL || g_date_time_compare (due, now) < 0;

      g_test_message ("%s", sam_actor_get_id (actor));
      g_assert_cmpint (g_hash_table_contains (listed, sam_actor_get_id (actor)), ==, expected);
    }
}

static void
test_integrity (SamTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_test_store_open (f->path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_check_integrity (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_true (sam_load_sample_register (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_count_actors (store), ==, 38);
  g_assert_true (sam_store_check_integrity (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, SamTestStoreFixture, NULL, sam_test_store_fixture_set_up, func, \
              sam_test_store_fixture_tear_down)
  ADD ("/store/new-file", test_new_file);
  ADD ("/store/reopen", test_reopen);
  ADD ("/store/migration", test_migration);
  ADD ("/store/newer-format", test_newer_format);
  ADD ("/store/not-a-database", test_not_a_database);
  g_test_add_func ("/store/read-only-file", test_read_only_file);
  g_test_add_func ("/store/read-only-folder", test_read_only_folder);
  ADD ("/store/import-not-empty", test_import_not_empty);
  ADD ("/store/overdue", test_overdue);
  ADD ("/store/integrity", test_integrity);
#undef ADD

  return g_test_run ();
}
