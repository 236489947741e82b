/* test-publish.c
 *
 * Signed publications: minisign keys and signatures, trusted keys,
 * `samverkan-cli publish`, and `follow URL` against a real HTTP server on
 * 127.0.0.1 started here, with the faults a follower must survive (500,
 * 304, a truncated, slow, tampered or 2 GiB body, a wrong key, an older
 * copy replayed, a redirect to another host). Each refusal: its message,
 * exit status 2, and the follower's register and last good copy unchanged.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-errors.h"
#include "sam-fetch.h"
#include "sam-minisign.h"
#include "sam-publish.h"
#include "sam-store-keys.h"
#include "sam-test-cli.h"
#include "sam-test-http.h"
#include "sam-test-util.h"

/* minisign keys and signatures */

static void
test_minisign_round_trip (void)
{
  g_autoptr(SamMinisignKey) key = sam_minisign_key_generate ();
  g_autoptr(SamMinisignKey) other = sam_minisign_key_generate ();
  g_autoptr(SamMinisignKey) pub = NULL;
  g_autoptr(SamMinisignKey) secret = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pub_text = sam_minisign_key_to_public_file (key);
  g_autofree char *secret_text = sam_minisign_key_to_secret_file (key);
  g_autofree char *sig = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *id = sam_minisign_key_dup_id (key);
  g_autofree char *sig_id = NULL;
  const char *data = "Ring 112 vid fara för liv";

  g_assert_cmpuint (strlen (id), ==, 16);
  g_assert_true (g_str_has_prefix (pub_text, "untrusted comment: minisign public key "));
  pub = sam_minisign_key_parse_public (pub_text, &error);
  g_assert_no_error (error);
  g_assert_false (sam_minisign_key_has_secret (pub));
  secret = sam_minisign_key_parse_secret (secret_text, &error);
  g_assert_no_error (error);
  sig = sam_minisign_sign (secret, data, strlen (data), "timestamp:1\tfile:x", &error);
  g_assert_no_error (error);
  sig_id = sam_minisign_signature_dup_key_id (sig, &error);
  g_assert_cmpstr (sig_id, ==, id);
  comment = sam_minisign_verify (pub, data, strlen (data), sig, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment, ==, "timestamp:1\tfile:x");

  /* another byte, another key, another trusted comment */
  g_assert_null (sam_minisign_verify (pub, "Ring 113 vid fara för liv", strlen (data), sig, &error));
  g_assert_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);
  g_assert_null (sam_minisign_verify (other, data, strlen (data), sig, &error));
  g_assert_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_WRONG_KEY);
  g_clear_error (&error);
  {
    g_autofree char *forged = NULL;
    g_auto(GStrv) lines = g_strsplit (sig, "\n", -1);

    g_free (lines[2]);
    lines[2] = g_strdup ("trusted comment: timestamp:2\tfile:x");
    forged = g_strjoinv ("\n", lines);
    g_assert_null (sam_minisign_verify (pub, data, strlen (data), forged, &error));
    g_assert_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_BAD_SIGNATURE);
    g_clear_error (&error);
  }
}

static void
test_minisign_bad_input (void)
{
  g_autoptr(SamMinisignKey) key = sam_minisign_key_generate ();
  g_autofree char *secret_text = sam_minisign_key_to_secret_file (key);
  g_autoptr(GError) error = NULL;
  /* a password-protected key (kdf "Sc") is refused with a way out */
  g_auto(GStrv) lines = g_strsplit (secret_text, "\n", -1);
  gsize length = 0;
  g_autofree guchar *raw = g_base64_decode (lines[1], &length);
  g_autofree char *line = NULL;
  g_autofree char *encrypted = NULL;

  g_assert_null (sam_minisign_key_parse_public ("untrusted comment: x\nnot base64!\n", &error));
  g_assert_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_null (sam_minisign_verify (key, "x", 1, "garbage", &error));
  g_assert_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_FORMAT);
  g_clear_error (&error);
  memcpy (raw + 2, "Sc", 2);
  line = g_base64_encode (raw, length);
  encrypted = g_strdup_printf ("untrusted comment: minisign encrypted secret key\n%s\n", line);
  g_assert_null (sam_minisign_key_parse_secret (encrypted, &error));
  g_assert_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "minisign -G -W"));
  g_clear_error (&error);
  /* a damaged secret half */
  memcpy (raw + 2, "\0\0", 2);
  raw[60] ^= 1;
  g_free (line);
  line = g_base64_encode (raw, length);
  g_free (encrypted);
  encrypted = g_strdup_printf ("untrusted comment: x\n%s\n", line);
  g_assert_null (sam_minisign_key_parse_secret (encrypted, &error));
  g_assert_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_FORMAT);
}

/* the store's trusted keys */

static void
test_trusted_keys (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(SamStore) store = sam_test_open_store (dir, "keys.db", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(SamTrustedKey) found = NULL;

  g_assert_true (sam_store_keys_add (store, "1E7148C495D86CFB", "RWT7", "Länsstyrelsen", &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_keys_add (store, "00000000000000AA", "RWQA", NULL, &error));
  found = sam_store_keys_lookup (store, "1e7148c495d86cfb", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "Länsstyrelsen");
  g_assert_true (sam_store_keys_remove (store, "00000000000000AA", &error));
  keys = sam_store_keys_list (store, &error);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_false (sam_store_keys_remove (store, "00000000000000AA", &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  g_clear_object (&store);
  sam_test_remove_dir (dir);
}

/* publishing and following through the CLI, against the test server */

typedef struct {
  SamTestCli cli;
  char *pub_db;      /* the publisher's register, the sample */
  char *fol_db;      /* the follower's */
  char *key;         /* k.key, k.key.pub */
  char *site;        /* the web server's root */
  char *url;
  SamTestHttp *http;
} Fixture;

static void
publish (Fixture *f, const char *key, const char *audience)
{
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->pub_db, "publish", "--sign", key,
                                     "--audience", audience, "-o", f->site), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Published"));
}

static void
set_up (Fixture *f, gconstpointer data)
{
  sam_test_cli_init (&f->cli);
  f->pub_db = sam_test_cli_new_sample (&f->cli, "pub.db");
  f->fol_db = sam_test_cli_path (&f->cli, "fol.db");
  f->key = sam_test_cli_path (&f->cli, "k.key");
  f->site = sam_test_cli_path (&f->cli, "site");
  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", f->fol_db), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "keygen", "-o", f->key), ==, 0);
  publish (f, f->key, "professional");
  f->http = sam_test_http_start (f->site);
  f->url = g_strdup (sam_test_http_get_url (f->http));
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  sam_test_http_stop (f->http);
  sam_test_cli_clear (&f->cli);
  g_free (f->pub_db);
  g_free (f->fol_db);
  g_free (f->key);
  g_free (f->site);
  g_free (f->url);
}

/* What a user of the follower's register would see, and its last good copy. */
static char *
follower_view (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (f->fol_db, &error);
  g_autoptr(SamPublishedState) state = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_sum = NULL;
  gsize length = 0;
  g_autofree char *search = NULL;

  g_assert_no_error (error);
  state = sam_store_published_get (store, f->url, &error);
  g_assert_no_error (error);
  if (state && g_file_get_contents (state->copy, &copy, &length, NULL))
    copy_sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) copy, length);
  g_clear_object (&store);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "search", "--limit", "0",
                                     "--json"), !=, 2);
  search = g_steal_pointer (&f->cli.out);
  return g_strdup_printf ("%s\n%" G_GINT64_FORMAT " %s %s", search,
                          state ? state->sequence : -1, state ? state->sha256 : "-",
                          copy_sum ? copy_sum : "-");
}

static void
follow_trusted (Fixture *f)
{
  g_autofree char *pub = g_strconcat (f->key, ".pub", NULL);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", "--trust", pub,
                                     f->url), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "applied"));
}

static void
test_publish_files (Fixture *f, gconstpointer data)
{
  g_autofree char *json_path = g_build_filename (f->site, "register.json", NULL);
  g_autofree char *xml_path = g_build_filename (f->site, "register.xml", NULL);
  g_autofree char *json = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(SamPublication) pub = NULL;
  g_autoptr(GError) error = NULL;
  gsize json_len = 0, xml_len = 0;
  gint64 first;

  g_assert_true (g_file_get_contents (json_path, &json, &json_len, NULL));
  g_assert_true (g_file_get_contents (xml_path, &xml, &xml_len, NULL));
  pub = sam_publication_parse (json, json_len, &error);
  g_assert_no_error (error);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) xml, xml_len);
  g_assert_cmpstr (pub->sha256, ==, sum);
  g_assert_cmpuint (pub->size, ==, xml_len);
  g_assert_cmpstr (pub->audience, ==, "professional");
  g_assert_cmpint (g_date_time_difference (pub->valid_until, pub->published) / G_TIME_SPAN_DAY,
                   ==, 7);
  /* never an internal route: the sample has some */
  g_assert_null (strstr (xml, "visibility=\"internal\""));
  g_assert_nonnull (strstr (xml, "visibility=\"professional\""));
  first = pub->sequence;
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->pub_db, "publish", "--sign",
                                     f->key, "--audience", "internal", "-o", f->site), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "never published"));
  publish (f, f->key, "public");
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&xml, g_free);
  g_clear_pointer (&pub, sam_publication_free);
  g_assert_true (g_file_get_contents (json_path, &json, &json_len, NULL));
  g_assert_true (g_file_get_contents (xml_path, &xml, &xml_len, NULL));
  pub = sam_publication_parse (json, json_len, &error);
  g_assert_cmpint (pub->sequence, >, first);
  g_assert_null (strstr (xml, "visibility=\"professional\""));
}

static void
test_keygen_and_keys (Fixture *f, gconstpointer data)
{
  g_autofree char *pub = g_strconcat (f->key, ".pub", NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (f->key, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "keygen", "-o", f->key), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "already exists"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "keys", "list"), ==, 1);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "keys", "add", pub, "--name",
                                     "Region Nord"), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "keys", "list"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Region Nord"));
  g_assert_nonnull (strstr (f->cli.out, "RW"));
  /* now trusted: follow needs no --trust */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", f->url), ==, 0);
  {
    g_auto(GStrv) parts = NULL;

    g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "keys", "list"), ==, 0);
    parts = g_strsplit (f->cli.out, " ", 2);
    g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "keys", "remove",
                                       parts[0]), ==, 0);
    g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "keys", "remove",
                                       parts[0]), ==, 2);
  }
  /* the key gone, the publication is no longer believed */
  publish (f, f->key, "public");
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "does not trust"));
}

static void
test_follow_unknown_key (Fixture *f, gconstpointer data)
{
  g_autofree char *before = follower_view (f);
  g_autofree char *after = NULL;
  g_autofree char *pub_text = NULL;
  g_autofree char *pub = g_strconcat (f->key, ".pub", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", f->url), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "which this register does not trust"));
  /* the fingerprint the publication offers, to compare */
  g_assert_true (g_file_get_contents (pub, &pub_text, NULL, NULL));
  lines = g_strsplit (pub_text, "\n", -1);
  g_assert_nonnull (strstr (f->cli.err, lines[1]));
  after = follower_view (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_follow_and_304 (Fixture *f, gconstpointer data)
{
  guint requests;

  follow_trusted (f);
  g_assert_nonnull (strstr (f->cli.out, "new"));
  requests = sam_test_http_get_requests (f->http);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "unchanged"));
  /* an unchanged register costs one small request, answered 304 */
  g_assert_cmpuint (sam_test_http_get_requests (f->http) - requests, ==, 1);
  /* a new publication is applied */
  publish (f, f->key, "public");
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "applied"));
}

typedef struct {
  SamTestHttpFault fault;
  const char *message;
  gboolean new_publication;   /* something new to fetch, so the fault meets register.xml */
} Fault;

static void
test_fault (Fixture *f, gconstpointer data)
{
  const Fault *fault = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  follow_trusted (f);
  if (fault->new_publication)
    publish (f, f->key, "public");
  before = follower_view (f);
  sam_test_http_set_fault (f->http, fault->fault);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", "--timeout", "1",
                                     f->url), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, fault->message));
  g_assert_nonnull (strstr (f->cli.err, "Nothing was changed"));
  sam_test_http_set_fault (f->http, SAM_TEST_HTTP_OK);
  after = follower_view (f);
  g_assert_cmpstr (before, ==, after);
  /* and the fault gone, the new publication comes */
  if (fault->new_publication)
    {
      g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", f->url), ==, 0);
      g_assert_nonnull (strstr (f->cli.out, "applied"));
    }
}

static void
test_wrong_key (Fixture *f, gconstpointer data)
{
  g_autofree char *other = sam_test_cli_path (&f->cli, "other.key");
  g_autofree char *other_pub = sam_test_cli_path (&f->cli, "other.key.pub");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  follow_trusted (f);
  before = follower_view (f);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "keygen", "-o", other), ==, 0);
  publish (f, other, "professional");
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", f->url), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "but it is followed with the key"));
  /* even when the other key is trusted too: a register keeps its key */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "keys", "add", other_pub), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", f->url), ==, 2);
  after = follower_view (f);
  g_assert_cmpstr (before, ==, after);
}

static void
copy_dir (const char *from, const char *to)
{
  const char *names[] = { "register.xml", "register.xml.minisig", "register.json",
                          "register.json.minisig", "register.pub" };

  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *a = g_build_filename (from, names[i], NULL);
      g_autofree char *b = g_build_filename (to, names[i], NULL);
      g_autofree char *text = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (a, &text, &length, NULL));
      g_assert_true (g_file_set_contents (b, text, length, NULL));
    }
}

static void
test_rollback (Fixture *f, gconstpointer data)
{
  g_autofree char *old = sam_test_cli_path (&f->cli, "old-site");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  copy_dir (f->site, old);
  publish (f, f->key, "public");
  follow_trusted (f);
  before = follower_view (f);
  /* a mirror replays the older, validly signed publication */
  sam_test_http_set_root (f->http, old);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", f->url), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "is older"));
  after = follower_view (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_stale (Fixture *f, gconstpointer data)
{
  follow_trusted (f);
  sam_test_cli_run (&f->cli, "-r", f->fol_db, "check");
  g_assert_null (strstr (f->cli.out, "has not been updated"));
  /* ten days on, the mirror still serves the same copy */
  sam_test_cli_setenv (&f->cli, "SAMVERKAN_NOW", "2026-12-05T12:00:00+01:00");
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "unchanged"));
  g_assert_nonnull (strstr (f->cli.out, "has not been updated since 2026-11-25"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "check"), ==, 1);
  g_assert_nonnull (strstr (f->cli.out, "The register from Samverkan (exempel) has not been "
                            "updated since 2026-11-25 12:00."));
}

/* A server that compresses register.xml (gzip_static): the body is decoded
 * by the session, and checked against the signed size after decoding. */
static void
test_gzip (Fixture *f, gconstpointer data)
{
  g_autofree char *pub = g_strconcat (f->key, ".pub", NULL);
  guint64 sent;

  sam_test_http_set_fault (f->http, SAM_TEST_HTTP_GZIP);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", "--trust", pub,
                                     f->url), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "applied"));
  sent = sam_test_http_get_bytes_sent (f->http);
  /* the register went compressed: far less than its 96 kB */
  g_assert_cmpuint (sent, <, 60000);
}

static void
test_unfollow (Fixture *f, gconstpointer data)
{
  g_autofree char *copies = g_strconcat (f->fol_db, ".published", NULL);
  g_autoptr(GDir) dir = NULL;

  follow_trusted (f);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", "--stop", f->url), ==, 0);
  /* its last good copy went with it */
  dir = g_dir_open (copies, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", f->fol_db, "follow", "--stop", f->url), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "does not follow"));
}

static const Fault faults[] = {
  { SAM_TEST_HTTP_ERROR_500, "500 Internal Server Error", FALSE },
  { SAM_TEST_HTTP_TRUNCATE, "ended early", TRUE },
  { SAM_TEST_HTTP_SLOW, "did not come within 1 seconds", TRUE },
  { SAM_TEST_HTTP_TAMPER_XML, "SHA-256 differs", TRUE },
  { SAM_TEST_HTTP_TAMPER_JSON, "does not match its signature", TRUE },
  { SAM_TEST_HTTP_REDIRECT, "redirects to http://127.0.0.2", FALSE },
  { SAM_TEST_HTTP_HUGE, "is larger than", TRUE },
  { SAM_TEST_HTTP_HUGE_CHUNKED, "is larger than", TRUE },
};

static const char *fault_names[] = {
  NULL, "500", "truncated", "slow", "tampered-xml", "tampered-json", "redirect",
  "2-gib", "2-gib-chunked",
};

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/minisign/round-trip", test_minisign_round_trip);
  g_test_add_func ("/minisign/bad-input", test_minisign_bad_input);
  g_test_add_func ("/keys/store", test_trusted_keys);
#define ADD(name, func) g_test_add ("/publish/" name, Fixture, NULL, set_up, func, tear_down)
  ADD ("files", test_publish_files);
  ADD ("keygen-and-keys", test_keygen_and_keys);
  ADD ("unknown-key", test_follow_unknown_key);
  ADD ("follow-and-304", test_follow_and_304);
  ADD ("wrong-key", test_wrong_key);
  ADD ("rollback", test_rollback);
  ADD ("stale", test_stale);
  ADD ("unfollow", test_unfollow);
  ADD ("gzip", test_gzip);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *name = g_strdup_printf ("/publish/fault/%s", fault_names[faults[i].fault]);
      g_test_add (name, Fixture, &faults[i], set_up, test_fault, tear_down);
    }
  return g_test_run ();
}
