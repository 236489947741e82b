/* test-store-open.c
 *
 * Opening a register: it only reads (readers go on while another program
 * writes, and a writer waits, then says it is busy), it leaves files that
 * are not registers exactly as they were, only init and import make a
 * register, a full disk leaves nothing, and a register of an older format
 * is brought up to date, and says so. The files beside a register and a
 * damaged register are in test-store-files.c.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-errors.h"
#include "sam-store.h"
#include "sam-test-cli.h"
#include "sam-test-store-open.h"
#include "sam-test-util.h"

static void
assert_no_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s was left behind", side);
    }
}

static char *
meta_value (const char *path, const char *key)
{
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Opening and reading while another program holds the write lock: the
 * store opens at once (no write on opening), and the readers see the last
 * committed state. */
static void
test_read_while_writing (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *id_before = meta_value (f->path, "id");
  sqlite3 *writer = sam_test_hold_write_lock (f->path);
  gint64 start = g_get_monotonic_time ();

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamStore) store = sam_store_open (f->path, &error);
    g_autoptr(SamActor) actor = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (store);
    g_assert_cmpint (sam_store_get_upgraded_from (store), ==, -1);
    g_assert_cmpint (sam_store_count_actors (store), ==, 38);
    actor = sam_store_load_actor (store, "polisen", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV), !=, "Uncommitted");
  }
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  /* every reading command of the CLI, in another process */
  {
    static const char * const commands[][3] = {
      { "search", "polis", NULL }, { "show", "polisen", NULL }, { "check", NULL },
      { "backups", NULL }, { "path", "list", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        const char *args[] = { "--register", f->path, commands[i][0], commands[i][1], NULL };
        int status;

        start = g_get_monotonic_time ();
        status = sam_test_cli_run_v (&f->cli, args);
        /* check finds overdue actors in the sample (1); backups finds none (1) */
        g_assert_cmpint (status, <=, 1);
        g_assert_null (strstr (f->cli.err, "locked"));
        g_assert_null (strstr (f->cli.out, "Uncommitted"));
        g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
      }
    /* check ran the search index's check too, on a copy: no damage */
    sam_test_cli_run (&f->cli, "--register", f->path, "check");
    g_assert_null (strstr (f->cli.err, "search index"));
    g_assert_null (strstr (f->cli.out, "search index"));
  }

  sam_test_exec_sql (writer, "ROLLBACK");
  sqlite3_close (writer);
  {
    g_autofree char *id_after = meta_value (f->path, "id");
    g_autofree char *writer_key = meta_value (f->path, "writer");

    g_assert_cmpstr (id_after, ==, id_before);
    g_assert_null (writer_key);
  }
}

/* A write waits five seconds for the lock, then exits 3 (busy), not 2,
 * and has changed nothing. */
static void
test_busy_exit_status (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *changed = sam_test_write_changed_export (f);
  sqlite3 *writer = sam_test_hold_write_lock (f->path);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "import", "--merge",
                                     "--prefer", "theirs", changed), ==, 3);
  g_assert_nonnull (strstr (f->cli.err, "Another program is writing to the register"));
  sam_test_exec_sql (writer, "ROLLBACK");
  sqlite3_close (writer);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "show", "polisen"), ==, 0);
  g_assert_null (strstr (f->cli.out, "Police in the north"));
  /* and when the writer is gone, the same import goes through */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "import", "--merge",
                                     "--prefer", "theirs", changed), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "show", "polisen"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Police in the north"));
}

/* The reading commands leave the register file as it was, byte for byte,
 * and no -wal or -shm behind. */
static void
test_reading_leaves_file_alone (SamTestRegisterFile *f, gconstpointer data)
{
  static const char * const commands[][3] = {
    { "search", "polis", NULL }, { "search", "--open-now", NULL }, { "show", "polisen", NULL },
    { "check", NULL }, { "backups", NULL }, { "path", "list", NULL }, { "path", "check", NULL },
  };
  g_autoptr(GBytes) before = sam_test_read_bytes (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args[] = { "--register", f->path, commands[i][0], commands[i][1], NULL };

      g_assert_cmpint (sam_test_cli_run_v (&f->cli, args), <=, 1);
      g_assert_cmpstr (f->cli.err, !=, NULL);
      g_assert_null (strstr (f->cli.err, "format"));
    }
  sam_test_assert_same_bytes (before, f->path);
  assert_no_side_files (f->path);
}

/* For g_ptr_array_sort(), which passes pointers to the elements */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A register of format 4, made by the first four migrations themselves,
 * is brought up to this version's format on opening, and the CLI says
 * so; the next open writes nothing. */
static void
test_migration_said (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *old = g_build_filename (f->cli.dir, "format-4.sqlite", NULL);
  g_autofree char *dir = g_build_filename (g_getenv ("SAMVERKAN_SOURCE_DIR"), "src", "core",
                                           "store", "migrations", NULL);
  g_autoptr(GDir) migrations = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *said = g_strdup_printf ("brought from format 4 up to format %d",
                                           SAM_STORE_SCHEMA_VERSION);
  sqlite3 *db = sam_test_open_sqlite (old);
  const char *name;

  g_assert_nonnull (migrations);
  while ((name = g_dir_read_name (migrations)) != NULL)
    if (strcmp (name, "005") < 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, ==, 4);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *sql = NULL;

      g_assert_true (g_file_get_contents (path, &sql, NULL, NULL));
      sam_test_exec_sql (db, sql);
    }
  sam_test_exec_sql (db,
                     "INSERT INTO meta (key, value) VALUES ('id', 'old'); PRAGMA user_version = 4");
  sqlite3_close (db);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", old, "search", "polis"), ==, 1);
  g_assert_nonnull (strstr (f->cli.err, said));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", old, "search", "polis"), ==, 1);
  g_assert_null (strstr (f->cli.err, "format"));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamStore) store = sam_store_open (old, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
    g_assert_cmpint (sam_store_get_upgraded_from (store), ==, -1);
  }
}

/* A register of format 9 (before steps could name a role) opens in this
 * version's format: its path reads as it was, with no role, and a role
 * saved then comes back. */
static void
test_migration_from_format_9 (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *old = g_build_filename (f->cli.dir, "format-9.sqlite", NULL);
  g_autofree char *dir = g_build_filename (g_getenv ("SAMVERKAN_SOURCE_DIR"), "src", "core",
                                           "store", "migrations", NULL);
  g_autoptr(GDir) migrations = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SamStepRole) role = sam_step_role_new (SAM_ACTOR_KIND_SOCIAL_SERVICES, "socialjour",
                                                   SAM_ROLE_SCOPE_MUNICIPALITY);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = sam_test_open_sqlite (old);
  const char *name;

  g_assert_nonnull (migrations);
  while ((name = g_dir_read_name (migrations)) != NULL)
    if (strcmp (name, "010") < 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, ==, 9);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *sql = NULL;

      g_assert_true (g_file_get_contents (path, &sql, NULL, NULL));
      sam_test_exec_sql (db, sql);
    }
  sam_test_exec_sql (db,
      "INSERT INTO meta (key, value) VALUES ('id', 'old'), ('created', '2026-01-01T00:00:00Z');"
      "INSERT INTO escalation_path (id, situation, area_code, start_step, title_sv, title_en, "
      "  updated_at) VALUES ('p', 'other', '24', 's1', 'Väg', 'Path', '2026-01-01T00:00:00Z');"
      "INSERT INTO escalation_step (id, path_id, position, kind, text_sv, text_en, actor_id, "
      "  route_id, urgency) VALUES ('s1', 'p', 0, 'action', 'Ring socialjouren', "
      "  'Call the on-call social services', 'umea-socialjour', 'umea-socialjour-phone', 'immediate');"
      "INSERT INTO step_fallback (step_id, position, actor_id) VALUES ('s1', 0, 'polisen');"
      "PRAGMA user_version = 9");
  sqlite3_close (db);

  {
    g_autoptr(SamStore) store = sam_store_open (old, &error);
    g_autoptr(SamEscalationPath) path = NULL;
    SamEscalationStep *step;

    g_assert_no_error (error);
    g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
    g_assert_cmpint (sam_store_get_upgraded_from (store), ==, 9);
    path = sam_store_load_path (store, "p", &error);
    g_assert_no_error (error);
    step = sam_escalation_path_find_step (path, "s1");
    g_assert_null (sam_escalation_step_get_role (step));
    g_assert_cmpstr (sam_escalation_step_get_route_id (step), ==, "umea-socialjour-phone");
    g_assert_cmpuint (sam_escalation_step_get_fallbacks (step)->len, ==, 1);
    g_assert_cmpint (sam_escalation_step_get_urgency (step), ==, SAM_URGENCY_IMMEDIATE);
    sam_escalation_step_set_role (step, role);
    g_assert_true (sam_store_update_path (store, path, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(SamStore) store = sam_store_open (old, &error);
    g_autoptr(SamEscalationPath) path = sam_store_load_path (store, "p", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sam_store_get_upgraded_from (store), ==, -1);
    g_assert_true (sam_step_role_equal (sam_escalation_step_get_role (sam_escalation_path_find_step (path, "s1")),
                                        role));
  }
}

/* Another program's database, an empty database and a text file are
 * refused by every command, and keep every byte; no -wal or -shm appears. */
static void
test_not_a_register (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->cli.dir, "other.db", NULL);
  g_autofree char *empty = g_build_filename (f->cli.dir, "empty.db", NULL);
  g_autofree char *text = g_build_filename (f->cli.dir, "notes.txt", NULL);
  g_autofree char *sample = sam_test_sample_xml ();
  const char *files[] = { other, empty, text };
  sqlite3 *db = sam_test_open_sqlite (other);

  /* rollback journal and WAL: both would be rewritten by a careless open */
  sam_test_exec_sql (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA user_version = 3");
  sqlite3_close (db);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (text, "Inga kontakter här.\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) before = sam_test_read_bytes (files[i]);
      static const char * const commands[][2] = {
        { "check", NULL }, { "search", "x" }, { "backups", NULL },
      };

      for (guint k = 0; k < G_N_ELEMENTS (commands); k++)
        {
          const char *args[] = { "--register", files[i], commands[k][0], commands[k][1], NULL };

          g_assert_cmpint (sam_test_cli_run_v (&f->cli, args), ==, 2);
          g_assert_nonnull (strstr (f->cli.err, "not a Samverkan register"));
        }
      /* a merge import does not make one of it either (an empty file, of
       * no data, may become a register: import is for making one) */
      if (files[i] != empty)
        g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", files[i], "import", "--merge",
                                           sample), ==, 2);
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(SamStore) store = sam_store_open_full (files[i], SAM_STORE_OPEN_DEFAULT, &error);

        g_assert_null (store);
        g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_REGISTER);
      }
      sam_test_assert_same_bytes (before, files[i]);
      assert_no_side_files (files[i]);
    }
  /* another program's database is refused even where a register may be made */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SamStore) store = sam_store_open (other, &error);

    g_assert_null (store);
    g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_REGISTER);
  }
}

/* Only init and import make a register; a failed import into a new path
 * leaves nothing; "" is no register name. */
static void
test_creation (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->cli.dir, "missing.sqlite", NULL);
  g_autofree char *bad = g_build_filename (f->cli.dir, "bad.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open_full (missing, SAM_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  store = sam_store_open ("", &error);
  g_assert_null (store);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", "", "search", "x"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "--register: give the name of a register file"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", "", "init"), ==, 2);

  g_assert_true (g_file_set_contents (bad, "<register version=\"1\">", -1, NULL));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", missing, "import", bad), ==, 2);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_no_side_files (missing);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", missing, "import",
                                     "--merge", bad), ==, 2);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_no_side_files (missing);
  /* nor a file that cannot be read at all */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", missing, "import",
                                     "/nonexistent/in.xml"), ==, 2);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* A full disk (here: a file size limit, which fails the write the same
 * way) exits 4, and an import into a new register leaves no file. */
static void
test_disk_full_exit_status (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *target = g_build_filename (f->cli.dir, "new.sqlite", NULL);
  g_autofree char *sample = sam_test_sample_xml ();
  const char *argv[] = { "sh", "-c", "trap '' XFSZ; ulimit -f 100; exec \"$0\" \"$@\"",
                         g_getenv ("SAMVERKAN_CLI"), "--register", target, "import", sample, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, f->cli.env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 4);
  g_assert_nonnull (strstr (err, "Nothing was saved"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_no_side_files (target);
}

/* Editors save through sam_store_mark_verified and sam_actor_validate:
 * a year outside 1900–2200 is refused there too, and nothing changes. */
static void
test_verified_range (SamTestRegisterFile *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (f->path, &error);
  g_autoptr(SamActor) actor = sam_store_load_actor (store, "terrafem", &error);
  g_autoptr(GDateTime) far = g_date_time_new_utc (9999, 12, 31, 0, 0, 0);
  g_autoptr(GDateTime) early = g_date_time_new_utc (1, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) fine = g_date_time_new_utc (2200, 12, 31, 0, 0, 0);
  gint64 revision = sam_actor_get_revision (actor);

  g_assert_no_error (error);
  g_assert_false (sam_store_mark_verified (store, actor, far, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_clear_error (&error);
  sam_actor_set_verified (actor, early, "Anna");
  g_assert_false (sam_actor_validate (actor, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&actor);
  actor = sam_store_load_actor (store, "terrafem", &error);
  g_assert_cmpint (sam_actor_get_revision (actor), ==, revision);
  g_assert_true (sam_store_mark_verified (store, actor, fine, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) \
  g_test_add (name, SamTestRegisterFile, NULL, sam_test_register_file_set_up, fn, \
              sam_test_register_file_tear_down)
  ADD ("/store-open/read-while-writing", test_read_while_writing);
  ADD ("/store-open/busy-exit-status", test_busy_exit_status);
  ADD ("/store-open/reading-leaves-file-alone", test_reading_leaves_file_alone);
  ADD ("/store-open/migration-said", test_migration_said);
  ADD ("/store-open/not-a-register", test_not_a_register);
  ADD ("/store-open/creation", test_creation);
  ADD ("/store-open/disk-full-exit-status", test_disk_full_exit_status);
  ADD ("/store-open/verified-range", test_verified_range);
  ADD ("/store-open/migration-from-format-9", test_migration_from_format_9);
  return g_test_run ();
}
