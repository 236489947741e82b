/* test-sandbox.c
 *
 * Registers and the Flatpak sandbox: which paths the document portal
 * hands out (where SQLite cannot keep its -wal and -shm), and a register
 * picked there copied into the app's own folder and opened, its data
 * whole, the file it came from untouched, and no copy left of a file that
 * is not a register.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-default-register.h"
#include "sam-errors.h"
#include "sam-sandbox.h"
#include "sam-store.h"
#include "sam-test-util.h"

static void
test_portal_paths (void)
{
  static const struct { const char *path; gboolean portal; } cases[] = {
    { "/run/user/1000/doc/4a1b2c3d/register.sqlite", TRUE },
    { "/run/user/1000/doc/4a1b2c3d/by-app/x.sqlite", TRUE },
    { "/run/user/1000/doc", FALSE },
    { "/run/user/1000/doc/", FALSE },
    { "/run/user/1000/doc2/4a1b2c3d/register.sqlite", FALSE },
    { "/run/user/1000/doc/../register.sqlite", FALSE },
    { "/home/anna/Documents/Samverkan/register.sqlite", FALSE },
    { "/run/user/1001/doc/4a1b2c3d/register.sqlite", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].path);
      g_assert_cmpint (sam_sandbox_path_is_portal_in (cases[i].path, "/run/user/1000/doc"), ==,
                       cases[i].portal);
    }
}

/* The session's portal folder by default, another by the environment. */
static void
test_portal_dir (void)
{
  g_autofree char *fallback = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_runtime_dir (), "doc", "x", "r.sqlite", NULL);

  g_unsetenv ("SAMVERKAN_DOCUMENT_PORTAL");
  fallback = sam_sandbox_dup_portal_dir ();
  g_assert_true (g_str_has_suffix (fallback, "/doc"));
  g_assert_true (sam_sandbox_path_is_portal (expected));
  g_setenv ("SAMVERKAN_DOCUMENT_PORTAL", "/tmp/portal", TRUE);
  g_assert_true (sam_sandbox_path_is_portal ("/tmp/portal/abc/r.sqlite"));
  g_assert_false (sam_sandbox_path_is_portal (expected));
  g_unsetenv ("SAMVERKAN_DOCUMENT_PORTAL");
}

static void
test_flatpak_info (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autofree char *info = g_build_filename (dir, "flatpak-info", NULL);

  g_setenv ("SAMVERKAN_FLATPAK_INFO", info, TRUE);
  g_assert_false (sam_sandbox_is_flatpak ());
  g_assert_true (g_file_set_contents (info, "[Application]\nname=io.github.samverkan.Samverkan\n", -1, NULL));
  g_assert_true (sam_sandbox_is_flatpak ());
  g_unsetenv ("SAMVERKAN_FLATPAK_INFO");
  sam_test_remove_dir (dir);
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A register picked through the portal comes into the registers folder
 * as a copy of its own (a second pick, a second copy), private, with all
 * its data; the original is not touched and nothing is made beside it. */
static void
test_copy_in (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autofree char *portal = g_build_filename (dir, "doc", "4a1b2c3d", NULL);
  g_autofree char *picked = g_build_filename (portal, "Länets register.sqlite", NULL);
  g_autofree char *portal_dir = g_build_filename (dir, "doc", NULL);
  g_autofree char *registers = sam_sandbox_dup_registers_dir ();
  g_autofree char *expected_first = g_build_filename (registers, "Länets register.sqlite", NULL);
  g_autofree char *expected_second = g_build_filename (registers, "Länets register-2.sqlite", NULL);
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SamStore) first = NULL;
  g_autoptr(SamStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;

  g_assert_true (g_str_has_prefix (registers, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (registers, "/samverkan/registers"));
  g_assert_cmpint (g_mkdir_with_parents (portal, 0700), ==, 0);
  {
    g_autoptr(SamStore) made = sam_store_open (picked, &error);
    g_assert_no_error (error);
    g_assert_true (sam_load_sample_register (made, &error));
    g_assert_no_error (error);
  }
  before = file_digest (picked);
  g_setenv ("SAMVERKAN_DOCUMENT_PORTAL", portal_dir, TRUE);
  g_assert_true (sam_sandbox_path_is_portal (picked));

  first_path = sam_sandbox_dup_copy_path (picked);
  g_assert_cmpstr (first_path, ==, expected_first);
  first = sam_store_open_copy_of (picked, first_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_store_get_path (first), ==, first_path);
  g_assert_cmpint (sam_store_count_actors (first), ==, 38);
  g_assert_cmpint (g_stat (first_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  second_path = sam_sandbox_dup_copy_path (picked);
  g_assert_cmpstr (second_path, ==, expected_second);
  second = sam_store_open_copy_of (picked, second_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_count_actors (second), ==, 38);

  /* the file it came from as it was, and nothing beside it */
  after = file_digest (picked);
  g_assert_cmpstr (after, ==, before);
  listing = g_dir_open (portal, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "Länets register.sqlite");
  g_assert_null (g_dir_read_name (listing));
  g_unsetenv ("SAMVERKAN_DOCUMENT_PORTAL");
  g_clear_object (&first);
  g_clear_object (&second);
  sam_test_remove_dir (dir);
}

/* A file that is not a register is refused and leaves no copy. */
static void
test_copy_in_refused (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autofree char *picked = g_build_filename (dir, "notes.sqlite", NULL);
  g_autofree char *dest = g_build_filename (dir, "copies", "notes.sqlite", NULL);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *part = g_strconcat (dest, ".part", NULL);

  g_assert_true (g_file_set_contents (picked, "these are not the numbers you are looking for", -1, NULL));
  store = sam_store_open_copy_of (picked, dest, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "notes.sqlite"));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  sam_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = sam_test_make_dir ();
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  int status;

  /* before GLib reads it: the app's own folder under the test's */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sandbox/portal-paths", test_portal_paths);
  g_test_add_func ("/sandbox/portal-dir", test_portal_dir);
  g_test_add_func ("/sandbox/flatpak-info", test_flatpak_info);
  g_test_add_func ("/sandbox/copy-in", test_copy_in);
  g_test_add_func ("/sandbox/copy-in-refused", test_copy_in_refused);
  status = g_test_run ();
  sam_test_remove_dir (home);
  return status;
}
