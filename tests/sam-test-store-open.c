/* sam-test-store-open.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sam-store.h"
#include "sam-test-store-open.h"
#include "sam-test-util.h"

void
sam_test_register_file_set_up (SamTestRegisterFile *f, gconstpointer data)
{
  g_autoptr(SamStore) store = NULL;

  sam_test_cli_init (&f->cli);
  f->path = sam_test_cli_path (&f->cli, "register.sqlite");
  store = sam_test_open_store (f->cli.dir, "register.sqlite", TRUE);
  sam_test_cli_setenv (&f->cli, "SAMVERKAN_REGISTER", f->path);
}

void
sam_test_register_file_tear_down (SamTestRegisterFile *f, gconstpointer data)
{
  sam_test_cli_clear (&f->cli);
  g_free (f->path);
}

GBytes *
sam_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
sam_test_assert_same_bytes (GBytes *before, const char *path)
{
  g_autoptr(GBytes) after = sam_test_read_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

void
sam_test_exec_sql (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

sqlite3 *
sam_test_open_sqlite (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

/* Another program writing: a transaction holding the write lock, with a
 * change the readers must not see. */
sqlite3 *
sam_test_hold_write_lock (const char *path)
{
  sqlite3 *db = sam_test_open_sqlite (path);

  sam_test_exec_sql (db, "BEGIN IMMEDIATE; "
                         "UPDATE actor SET name_sv = 'Uncommitted' WHERE id = 'polisen'; "
                         "INSERT INTO meta (key, value) VALUES ('writer', 'busy')");
  return db;
}

/* Writes @path's export with the English name of the police changed by
 * hand: without its history, as a hand-edited record has none, so that
 * the merge sees a change (a conflict that --prefer theirs settles). */
char *
sam_test_write_changed_export (SamTestRegisterFile *f)
{
  g_autofree char *path = g_build_filename (f->cli.dir, "changed.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GRegex) history = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->path, "export", path), ==, 0);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  parts = g_strsplit (text, "<name xml:lang=\"en\">Swedish Police Authority</name>", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  renamed = g_strjoinv ("<name xml:lang=\"en\">Police in the north</name>", parts);
  history = g_regex_new ("(<actor id=\"polisen\"[^>]*) history=\"[0-9a-f ]*\"", 0, 0, NULL);
  joined = g_regex_replace (history, renamed, -1, 0, "\\1", 0, NULL);
  g_assert_cmpstr (joined, !=, renamed);
  g_assert_true (g_file_set_contents (path, joined, -1, NULL));
  return g_steal_pointer (&path);
}
