/* test-publish-minisign.c
 *
 * Interoperability with the minisign tool itself: `minisign -V` accepts
 * what `samverkan-cli publish` wrote, a key made by `minisign -G -W` signs
 * a publication that a follower accepts over HTTP, and minisign signs with
 * a key made by `samverkan-cli keygen`. Skipped when minisign is not
 * installed (tools/dev installs it).
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "sam-minisign.h"
#include "sam-test-cli.h"
#include "sam-test-http.h"
#include "sam-test-util.h"

typedef struct {
  SamTestCli cli;
} Fixture;

/* Runs minisign with @args; its exit status, and what it printed in @out. */
static int
minisign (char **out, const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autofree char *ignored = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (out == NULL)
    out = &ignored;

  g_ptr_array_add (argv, (gpointer) "minisign");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_strdelimit (err, "\n", ' ');
  g_test_message ("minisign: %s", err);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

#define MINISIGN(out, ...) minisign (out, (const char * const []) { __VA_ARGS__, NULL })

static void
set_up (Fixture *f, gconstpointer data)
{
  sam_test_cli_init (&f->cli);
  g_free (sam_test_cli_new_sample (&f->cli, "pub.db"));
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  sam_test_cli_clear (&f->cli);
}

static void
test_minisign_verifies_publish (Fixture *f, gconstpointer data)
{
  g_autofree char *pub_db = sam_test_cli_path (&f->cli, "pub.db");
  g_autofree char *key = sam_test_cli_path (&f->cli, "k.key");
  g_autofree char *key_pub = sam_test_cli_path (&f->cli, "k.key.pub");
  g_autofree char *site = sam_test_cli_path (&f->cli, "site");
  g_autofree char *xml = g_build_filename (site, "register.xml", NULL);
  g_autofree char *json = g_build_filename (site, "register.json", NULL);
  g_autofree char *offered = g_build_filename (site, "register.pub", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (sam_test_cli_run (&f->cli, "keygen", "-o", key), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", pub_db, "publish", "--sign", key,
                                     "-o", site), ==, 0);
  g_assert_cmpint (MINISIGN (&out, "-V", "-m", xml, "-p", key_pub), ==, 0);
  g_assert_nonnull (strstr (out, "file:register.xml"));
  g_assert_cmpint (MINISIGN (NULL, "-V", "-m", json, "-p", offered), ==, 0);
  /* and minisign refuses a changed byte, as we do */
  {
    g_autofree char *text = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (xml, &text, &length, NULL));
    text[length / 2] ^= 1;
    g_assert_true (g_file_set_contents (xml, text, length, NULL));
    g_assert_cmpint (MINISIGN (NULL, "-V", "-m", xml, "-p", key_pub), !=, 0);
  }
}

static void
test_minisign_key_publishes (Fixture *f, gconstpointer data)
{
  g_autofree char *pub_db = sam_test_cli_path (&f->cli, "pub.db");
  g_autofree char *fol_db = sam_test_cli_path (&f->cli, "fol.db");
  g_autofree char *key = sam_test_cli_path (&f->cli, "m.key");
  g_autofree char *key_pub = sam_test_cli_path (&f->cli, "m.pub");
  g_autofree char *site = sam_test_cli_path (&f->cli, "site");
  SamTestHttp *http;

  g_assert_cmpint (MINISIGN (NULL, "-G", "-W", "-p", key_pub, "-s", key), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", pub_db, "publish", "--sign", key,
                                     "-o", site), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", fol_db), ==, 0);
  http = sam_test_http_start (site);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", fol_db, "follow", "--trust", key_pub,
                                     sam_test_http_get_url (http)), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "applied"));
  g_assert_nonnull (strstr (f->cli.out, "new"));
  sam_test_http_stop (http);
}

static void
test_minisign_signs_with_our_key (Fixture *f, gconstpointer data)
{
  g_autofree char *key = sam_test_cli_path (&f->cli, "k.key");
  g_autofree char *file = sam_test_cli_path (&f->cli, "note.txt");
  g_autofree char *sig_path = sam_test_cli_path (&f->cli, "note.txt.minisig");
  g_autofree char *sig = NULL;
  g_autofree char *comment = NULL;
  g_autoptr(SamMinisignKey) pub = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pub_path = g_strconcat (key, ".pub", NULL);
  const char *text = "Jourtelefon 090-16 10 00\n";

  g_assert_cmpint (sam_test_cli_run (&f->cli, "keygen", "-o", key), ==, 0);
  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  g_assert_cmpint (MINISIGN (NULL, "-S", "-s", key, "-m", file, "-t", "signed by minisign"), ==, 0);
  g_assert_true (g_file_get_contents (sig_path, &sig, NULL, NULL));
  pub = sam_minisign_key_load_public (pub_path, &error);
  g_assert_no_error (error);
  comment = sam_minisign_verify (pub, text, strlen (text), sig, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment, ==, "signed by minisign");
}

int
main (int argc, char **argv)
{
  g_autofree char *tool = g_find_program_in_path ("minisign");

  if (tool == NULL)
    {
      printf ("1..0 # SKIP minisign is not installed (tools/dev installs it)\n");
      return 0;
    }
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/minisign/verifies-publish", Fixture, NULL, set_up,
              test_minisign_verifies_publish, tear_down);
  g_test_add ("/minisign/key-publishes", Fixture, NULL, set_up,
              test_minisign_key_publishes, tear_down);
  g_test_add ("/minisign/signs-with-our-key", Fixture, NULL, set_up,
              test_minisign_signs_with_our_key, tear_down);
  return g_test_run ();
}
