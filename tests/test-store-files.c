/* test-store-files.c
 *
 * The files of a register and beside it: the register, its -wal and -shm,
 * its copies and their folder are private whatever the umask; a .backups
 * that is a link or that others may write to is refused; a copy killed
 * half-way is cleaned up; a damaged register is never written into, and
 * check finds a damaged search index. Opening a register is in
 * test-store-open.c.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <sqlite3.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-backups.h"
#include "sam-default-register.h"
#include "sam-errors.h"
#include "sam-store.h"
#include "sam-test-cli.h"
#include "sam-test-store-open.h"
#include "sam-test-util.h"

static int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Registers, their -wal and -shm, copies and their folder are private
 * whatever the umask; a -wal or -shm of ours left without write
 * permission gets its mode back. */
static void
test_modes (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->cli.dir, "private.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backups = g_strconcat (path, ".backups", NULL);
  mode_t old = umask (0);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);
  g_autoptr(SamBackup) copy = NULL;

  g_assert_no_error (error);
  g_assert_true (sam_load_sample_register (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (path), ==, 0600);
  g_assert_cmpint (mode_of (wal), ==, 0600);
  g_assert_cmpint (mode_of (shm), ==, 0600);
  copy = sam_backups_create (store, "import", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (backups), ==, 0700);
  g_assert_cmpint (mode_of (copy->path), ==, 0600);
  {
    g_autofree char *saved = g_build_filename (f->cli.dir, "copy.sqlite", NULL);

    g_assert_true (sam_store_backup (store, saved, &error));
    g_assert_cmpint (mode_of (saved), ==, 0600);
  }

  /* as a read-only open leaves them when the register was 0444: the files
   * stay while a connection holds them */
  {
    sqlite3 *other = sam_test_open_sqlite (path);
    g_autoptr(SamStore) again = NULL;

    sam_test_exec_sql (other, "SELECT count(*) FROM actor");
    g_assert_cmpint (g_chmod (wal, 0444), ==, 0);
    g_assert_cmpint (g_chmod (shm, 0444), ==, 0);
    again = sam_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (mode_of (wal), ==, 0600);
    g_assert_cmpint (mode_of (shm), ==, 0600);
    sam_store_delete_actor (again, "terrafem", -1, &error);
    g_assert_no_error (error);
    sqlite3_close (other);
  }
  umask (old);
}

/* A .backups that is a link, or that others may write to, is refused for
 * copies and for listing them; a private one is used. */
static void
test_backups_folder_refused (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *backups = g_strconcat (f->path, ".backups", NULL);
  g_autofree char *elsewhere = g_build_filename (f->cli.dir, "elsewhere", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (f->path, &error);
  g_autoptr(SamBackup) copy = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  g_assert_cmpint (symlink (elsewhere, backups), ==, 0);
  copy = sam_backups_create (store, "import", &error);
  g_assert_null (copy);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_UNSAFE);
  g_clear_error (&error);
  list = sam_backups_list (store, &error);
  g_assert_null (list);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_UNSAFE);
  g_clear_error (&error);
  dir = g_dir_open (elsewhere, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "backups"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "not a folder of your own"));

  g_assert_cmpint (g_unlink (backups), ==, 0);
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  g_assert_cmpint (g_chmod (backups, 0777), ==, 0);
  copy = sam_backups_create (store, "import", &error);
  g_assert_null (copy);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "chmod 700"));
  g_clear_error (&error);

  /* only readable by others: made private, and used */
  g_assert_cmpint (g_chmod (backups, 0755), ==, 0);
  copy = sam_backups_create (store, "import", &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpint (mode_of (backups), ==, 0700);
}

/* The .part of a copy killed long enough ago is removed on the next open;
 * one being written now (fresh) is left alone. */
static void
test_part_leftover_removed (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *backups = g_strconcat (f->path, ".backups", NULL);
  g_autofree char *stale = g_build_filename (backups, "20261125T120000Z-01-import.sqlite.part", NULL);
  g_autofree char *fresh = g_build_filename (backups, "20261125T120100Z-01-import.sqlite.part", NULL);
  g_autofree char *other = g_build_filename (backups, "notes.txt", NULL);
  struct utimbuf old = { .actime = time (NULL) - 3600, .modtime = time (NULL) - 3600 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;

  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stale, "half a copy", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "a copy being made", -1, NULL));
  g_assert_true (g_file_set_contents (other, "kept", -1, NULL));
  g_assert_cmpint (g_utime (stale, &old), ==, 0);
  g_assert_cmpint (g_utime (other, &old), ==, 0);

  store = sam_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* Overwrites the root page of @table with garbage. */
static void
damage_table (const char *path, const char *table)
{
  sqlite3 *db = sam_test_open_sqlite (path);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *garbage = g_strnfill (4096, '\xff');
  int page, page_size;
  FILE *file;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                                       "FROM sqlite_schema WHERE name = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  page_size = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);
  g_assert_cmpint (page_size, <=, 4096);
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) (page - 1) * page_size, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, page_size, file), ==, (gsize) page_size);
  g_assert_cmpint (fclose (file), ==, 0);
}

static guint
count_backups (const char *path)
{
  g_autofree char *backups = g_strconcat (path, ".backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}

/* A damaged register: opening still works (to read what can be read and
 * to restore), but no write and no copy; check and import --merge exit 4
 * and name the copy to bring back, which restore then brings back. */
static void
test_damaged_refused (SamTestRegisterFile *f, gconstpointer data)
{
  g_autofree char *changed = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  changed = sam_test_write_changed_export (f);
  {
    g_autoptr(SamStore) store = sam_store_open (f->path, &error);
    g_autoptr(SamBackup) copy = sam_backups_create (store, "import", &error);

    g_assert_no_error (error);
  }
  damage_table (f->path, "contact_route");
  before = sam_test_read_bytes (f->path);
  g_assert_cmpuint (count_backups (f->path), ==, 1);

  {
    g_autoptr(SamStore) store = sam_store_open (f->path, &error);
    g_autoptr(SamActor) actor = sam_actor_new ("new-actor");

    g_assert_no_error (error);
    sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, "Ny");
    sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "New");
    sam_actor_add_area (actor, "2480");
    g_assert_false (sam_store_insert_actor (store, actor, &error));
    g_assert_error (error, SAM_ERROR, SAM_ERROR_DAMAGED);
    g_assert_nonnull (strstr (error->message, "restore 1"));
    g_clear_error (&error);
    g_assert_null (sam_backups_create (store, "import", &error));
    g_assert_error (error, SAM_ERROR, SAM_ERROR_DAMAGED);
  }
  sam_test_assert_same_bytes (before, f->path);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "check"), ==, 4);
  g_assert_nonnull (strstr (f->cli.err, "is damaged"));
  g_assert_nonnull (strstr (f->cli.err, "samverkan-cli restore 1"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "import", "--merge",
                                     changed), ==, 4);
  g_assert_nonnull (strstr (f->cli.err, "nothing was written"));
  g_assert_nonnull (strstr (f->cli.err, "samverkan-cli restore 1"));
  g_assert_cmpuint (count_backups (f->path), ==, 1);
  sam_test_assert_same_bytes (before, f->path);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "restore", "1"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "no copy was made"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "check"), ==, 1);
  g_assert_nonnull (strstr (f->cli.out, "Actors: 38"));
}

/* check runs FTS5's own check of the search index. */
static void
test_search_index_damage (SamTestRegisterFile *f, gconstpointer data)
{
  sqlite3 *db = sam_test_open_sqlite (f->path);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "check"), ==, 1);
  g_assert_null (strstr (f->cli.out, "search index"));
  /* the index has lost a page of its words */
  sam_test_exec_sql (db, "DELETE FROM actor_search_data "
                         "WHERE id = (SELECT max (id) FROM actor_search_data)");
  sqlite3_close (db);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "check"), ==, 1);
  g_assert_nonnull (strstr (f->cli.out, "The search index is damaged"));
  /* the check needs no write lock (it would keep writers out for minutes
   * on a large register): it runs while another program writes */
  {
    sqlite3 *writer = sam_test_hold_write_lock (f->path);

    g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "check"), ==, 1);
    g_assert_nonnull (strstr (f->cli.out, "The search index is damaged"));
    sam_test_exec_sql (writer, "ROLLBACK");
    sqlite3_close (writer);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) \
  g_test_add (name, SamTestRegisterFile, NULL, sam_test_register_file_set_up, fn, \
              sam_test_register_file_tear_down)
  ADD ("/store-open/modes", test_modes);
  ADD ("/store-open/backups-folder-refused", test_backups_folder_refused);
  ADD ("/store-open/part-leftover-removed", test_part_leftover_removed);
  ADD ("/store-open/damaged-refused", test_damaged_refused);
  ADD ("/store-open/search-index-damage", test_search_index_damage);
  return g_test_run ();
}
