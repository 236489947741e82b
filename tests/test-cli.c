/* test-cli.c
 *
 * samverkan-cli as scripts use it: exit status 0 success, 1 nothing found
 * or problems found, 2 bad input; --json output; every command's --help;
 * the default register made from the sample on first use.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sam-store.h"
#include "sam-test-cli.h"
#include "sam-test-util.h"

typedef struct {
  SamTestCli cli;
  char *reg;      /* a register filled from the sample by the set-up, or NULL */
} Fixture;

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("SAMVERKAN_TEST_DATA"), name, NULL);
}

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *reg = NULL;

  sam_test_cli_init (&f->cli);
  reg = sam_test_cli_path (&f->cli, "env-register.sqlite");
  sam_test_cli_setenv (&f->cli, "SAMVERKAN_REGISTER", reg);
}

/* With a register made by `init` and `import` of the sample. */
static void
set_up_sample (Fixture *f, gconstpointer data)
{
  set_up (f, data);
  f->reg = sam_test_cli_new_sample (&f->cli, "sample.sqlite");
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  sam_test_cli_clear (&f->cli);
  g_free (f->reg);
}

static gint64
count_actors (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);

  g_assert_no_error (error);
  return sam_store_count_actors (store);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_help (Fixture *f, gconstpointer data)
{
  static const char * const commands[] = { "init", "import", "export", "search", "show", "check" };

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--help"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (f->cli.out, commands[i]));
  g_assert_nonnull (strstr (f->cli.out, "Exit status"));
  g_assert_nonnull (strstr (f->cli.out, "3 the register is busy"));
  g_assert_nonnull (strstr (f->cli.out, "4 the disk is full"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_assert_cmpint (sam_test_cli_run (&f->cli, commands[i], "--help"), ==, 0);
      g_assert_nonnull (strstr (f->cli.out, commands[i]));
    }
  g_assert_cmpint (sam_test_cli_run (&f->cli, "search", "--help"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "--kind"));
  g_assert_nonnull (strstr (f->cli.out, "--open-now"));
}

/* --help and errors in Swedish when the user's language is Swedish. */
static void
test_help_swedish (Fixture *f, gconstpointer data)
{
  sam_test_cli_setenv (&f->cli, "LANGUAGE", "sv");
  sam_test_cli_setenv (&f->cli, "SAMVERKAN_LOCALE_DIR", g_getenv ("SAMVERKAN_LOCALE_DIR"));

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--help"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Kommandon:"));
  g_assert_nonnull (strstr (f->cli.out, "Skapa ett tomt register"));
  g_assert_nonnull (strstr (f->cli.out, "Slutstatus"));
  g_assert_null (strstr (f->cli.out, "Exit status"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "search", "--help"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Bara aktörer som har öppet nu"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "frobnicate"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "Okänt kommando"));
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (sam_test_cli_run (&f->cli, "frobnicate"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "frobnicate"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--no-such-option"), ==, 2);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "init"), ==, 2);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "show"), ==, 2);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "check", "extra"), ==, 2);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "search", "--bogus", "x"), ==, 2);
  /* a mistyped register name is an error, not a new empty register */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", "/nonexistent/nope.sqlite",
                                     "search", "x"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "/nonexistent/nope.sqlite"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "check"), ==, 2);   /* $SAMVERKAN_REGISTER names no file yet */
  g_assert_false (g_file_test (g_environ_getenv (f->cli.env, "SAMVERKAN_REGISTER"),
                               G_FILE_TEST_EXISTS));
  /* without a command: the usage, and status 2 */
  g_assert_cmpint (sam_test_cli_run_v (&f->cli, (const char * const []) { NULL }), ==, 2);
}

static void
test_init (Fixture *f, gconstpointer data)
{
  g_autofree char *path = sam_test_cli_path (&f->cli, "new.sqlite");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", path), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (count_actors (path), ==, 0);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", path), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "already exists"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, before, before_len);
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autofree char *path = sam_test_cli_path (&f->cli, "new.sqlite");
  g_autofree char *sample = sam_test_sample_xml ();

  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", path), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", path, "import", sample), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "38"));
  g_assert_cmpint (count_actors (path), ==, 38);
  /* only into an empty register */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", path, "import", sample), ==, 2);
  g_assert_cmpint (count_actors (path), ==, 38);
  /* a file that is not there */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "-r", path, "import",
                                     "/nonexistent/register.xml"), ==, 2);
}

static void
test_import_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *path = sam_test_cli_path (&f->cli, "new.sqlite");
  g_autofree char *bad = data_path ("bad-phone.xml");
  g_autofree char *xxe = data_path ("xxe.xml");

  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", path), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", path, "import", bad), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "line 23"));
  g_assert_nonnull (strstr (f->cli.err, "a2-jour"));
  g_assert_cmpint (count_actors (path), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", path, "import", xxe), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "DOCTYPE"));
  g_assert_null (strstr (f->cli.err, "root:"));
  g_assert_cmpint (count_actors (path), ==, 0);
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "umea"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Umeå"));
  g_assert_nonnull (strstr (f->cli.out, "umea-kommun"));
  /* several words are one query */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "socialjour",
                                     "skelleftea"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "skelleftea-socialjour"));
  g_assert_null (strstr (f->cli.out, "umea-socialjour"));

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "zzzzqqq"), ==, 1);
  g_assert_cmpstr (f->cli.out, ==, "");

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "--kind",
                                     "nonsense", "x"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "--kind"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "--area",
                                     "9999", "x"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "--area"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "--target-group",
                                     "everyone", "x"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "--target-group"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "--limit",
                                     "-1", "x"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "--limit"));
}

static JsonArray *
search_json (Fixture *f, JsonNode **root, const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "--register");
  g_ptr_array_add (argv, f->reg);
  g_ptr_array_add (argv, (char *) "search");
  g_ptr_array_add (argv, (char *) "--json");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (sam_test_cli_run_v (&f->cli, (const char * const *) argv->pdata), ==, 0);
  *root = parse_json (f->cli.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*root));
  return json_node_get_array (*root);
}

static gboolean
has_id (JsonArray *array, const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (array, i), "id"), id))
      return TRUE;
  return FALSE;
}

/* A coordinator's synonym is found at once, listed, and removed again;
 * --near ranks without filtering. */
static void
test_synonyms (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "tjejjour"), ==, 1);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "synonyms", "add", "Tjejjour",
                                     "kvinnojour"), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "synonyms", "list"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "tjejjour\tkvinnojour\n"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "tjejjour"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "umea-kvinnojour"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "synonyms", "remove",
                                     "tjejjour"), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "tjejjour"), ==, 1);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "synonyms", "remove",
                                     "tjejjour"), !=, 0);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "--near", "2482",
                                     "kvinnojour"), ==, 0);
  g_assert_true (g_str_has_prefix (f->cli.out, "Skellefteå"));
  g_assert_nonnull (strstr (f->cli.out, "umea-kvinnojour"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "--near", "9999",
                                     "jour"), !=, 0);
}

static void
test_search_json (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) police_root = NULL;
  g_autoptr(JsonNode) open_root = NULL;
  JsonArray *array = search_json (f, &root, (const char * const []) { "umea", NULL });
  JsonArray *police;
  JsonArray *open;

  g_assert_cmpuint (json_array_get_length (array), >, 0);
  g_assert_true (has_id (array, "umea-kommun"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *actor = json_array_get_object_element (array, i);
      JsonObject *name = json_object_get_object_member (actor, "name");
      JsonArray *routes = json_object_get_array_member (actor, "routes");

      g_assert_nonnull (json_object_get_string_member (actor, "id"));
      g_assert_nonnull (json_object_get_string_member (name, "sv"));
      g_assert_nonnull (json_object_get_string_member (name, "en"));
      g_assert_nonnull (json_object_get_string_member (actor, "kind"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (actor, "areas")), >, 0);
      for (guint r = 0; r < json_array_get_length (routes); r++)
        {
          JsonObject *route = json_array_get_object_element (routes, r);
          const char *visibility = json_object_get_string_member (route, "visibility");

          g_assert_nonnull (json_object_get_string_member (route, "kind"));
          g_assert_nonnull (json_object_get_string_member (route, "value"));
          g_assert_nonnull (json_object_get_string_member (route, "display"));
          g_assert_true (g_str_equal (visibility, "public") || g_str_equal (visibility, "professional") ||
                         g_str_equal (visibility, "internal"));
        }
    }

  police = search_json (f, &police_root, (const char * const []) { "--kind", "police", NULL });
  g_assert_cmpuint (json_array_get_length (police), ==, 4);
  for (guint i = 0; i < json_array_get_length (police); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (police, i), "kind"), ==, "police");

  /* $SAMVERKAN_NOW: Wednesday 25 November 2026 at noon */
  open = search_json (f, &open_root, (const char * const []) { "--open-now", "--area", "2480", NULL });
  g_assert_true (has_id (open, "umea-socialtjanst"));
  g_assert_false (has_id (open, "umea-socialjour"));
  g_assert_false (has_id (open, "skelleftea-socialtjanst"));
}

static void
test_show (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *actor;
  JsonArray *routes;
  gboolean shown = FALSE;

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "show", "umea-kommun",
                                     "--json"), ==, 0);
  root = parse_json (f->cli.out);
  actor = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (actor, "id"), ==, "umea-kommun");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (actor, "name"), "sv"), ==, "Umeå kommun");
  routes = json_object_get_array_member (actor, "routes");
  for (guint i = 0; i < json_array_get_length (routes); i++)
    {
      JsonObject *route = json_array_get_object_element (routes, i);

      if (g_str_equal (json_object_get_string_member (route, "value"), "+4690161000"))
        {
          g_assert_cmpstr (json_object_get_string_member (route, "display"), ==, "090-16 10 00");
          g_assert_cmpstr (json_object_get_string_member (route, "kind"), ==, "phone");
          shown = TRUE;
        }
    }
  g_assert_true (shown);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "show", "umea-kommun"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "090-16 10 00"));
  g_assert_nonnull (strstr (f->cli.out, "Mo-Fr 08:00-17:00"));
  g_assert_null (strstr (f->cli.out, "Used in paths"));
  /* the coordinator is named by two paths: deleting it would change them */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "show",
                                     "regionkoordinator-nord"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out,
                            "Used in paths:\n    Suspected human trafficking – adult (trafficking-adult)\n"
                            "    Suspected human trafficking – child (trafficking-child)\n"));

  /* where the information was read, the languages in their order, and a
   * number for calling from abroad in international form */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "show", "polisen"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out,
                            "  Source: https://polisen.se/kontakt/, read 2026-10-05\n"));
  g_assert_nonnull (strstr (f->cli.out, "  Languages: sv, en\n"));
  g_assert_nonnull (strstr (f->cli.out, "+46 771 14 14 00"));
  g_assert_null (strstr (f->cli.out, "0771-14 14 00"));

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "show", "nope"), ==, 1);
  g_assert_nonnull (strstr (f->cli.err, "nope"));
}

static void
test_export_import (Fixture *f, gconstpointer data)
{
  g_autofree char *first = sam_test_cli_path (&f->cli, "first.xml");
  g_autofree char *second = sam_test_cli_path (&f->cli, "second.xml");
  g_autofree char *copy = sam_test_cli_path (&f->cli, "copy.sqlite");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize a_len, b_len;

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "export", first), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", copy), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", copy, "import", first), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", copy, "export", second), ==, 0);
  g_assert_true (g_file_get_contents (first, &a, &a_len, NULL));
  g_assert_true (g_file_get_contents (second, &b, &b_len, NULL));
  g_assert_cmpuint (a_len, >, 1000);
  /* the same records; the root element names each register as the source */
  g_assert_nonnull (strstr (a, " source=\""));
  g_assert_cmpstr (strstr (b, "<meta"), ==, strstr (a, "<meta"));
}

static void
test_check (Fixture *f, gconstpointer data)
{
  g_autofree char *empty = sam_test_cli_path (&f->cli, "empty.sqlite");

  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", empty), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", empty, "check"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "No problems"));

  /* the sample has actors overdue for verification on 25 November 2026 */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "check"), ==, 1);
  g_assert_nonnull (strstr (f->cli.out, "(iom)"));
  g_assert_nonnull (strstr (f->cli.out, "never verified"));
  g_assert_null (strstr (f->cli.out, "(umea-kommun)"));
  /* the sample is complete in both languages */
  g_assert_null (strstr (f->cli.out, "Missing translation"));
}

/* A text in one language only is listed by check, naming record and text. */
static void
test_check_translations (Fixture *f, gconstpointer data)
{
  g_autofree char *sample = sam_test_sample_xml ();
  g_autofree char *xml = NULL;
  g_autofree char *half = sam_test_cli_path (&f->cli, "half.xml");
  g_autofree char *reg = sam_test_cli_path (&f->cli, "half.sqlite");
  g_autoptr(GRegex) en_description = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (sample, &xml, NULL, &error));
  /* Terrafem's English description goes */
  en_description = g_regex_new ("(<actor id=\"terrafem\"(?:.|\\n)*?)<description xml:lang=\"en\">[^<]*</description>",
                                G_REGEX_DOTALL, 0, &error);
  g_assert_no_error (error);
  edited = g_regex_replace (en_description, xml, -1, 0, "\\1", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (edited), <, strlen (xml));
  g_assert_true (g_file_set_contents (half, edited, -1, &error));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", reg), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", reg, "import", half), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", reg, "check"), ==, 1);
  g_assert_nonnull (strstr (f->cli.out,
                            "Missing translation: Terrafem (terrafem): the English text of the description is missing"));
}

/* Another county's register: a national authority, relatives as a target
 * group, and a plain http site, which is kept and which check warns of. */
static void
test_other_county (Fixture *f, gconstpointer data)
{
  g_autofree char *file = data_path ("varmland-small.xml");
  g_autofree char *reg = sam_test_cli_path (&f->cli, "varmland.sqlite");

  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", reg), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", reg, "import", file), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", reg, "show",
                                     "jamstalldhetsmyndigheten"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "National authority"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", reg, "search", "--target-group",
                                     "relatives", "karlstad"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "karlstad-anhorigstod"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", reg, "check"), ==, 1);
  g_assert_nonnull (strstr (f->cli.out,
                            "Web address without encryption (http://): Support for relatives, Karlstad "
                            "(karlstad-anhorigstod): http://anhorigstod-karlstad.example.se"));
  g_assert_null (strstr (f->cli.out, "jamstalldhetsmyndigheten.se"));
}

/* Without --register and $SAMVERKAN_REGISTER the user's own register is
 * made from the sample the first time. */
static void
test_default_register (Fixture *f, gconstpointer data)
{
  g_autofree char *own = g_build_filename (f->cli.dir, "xdg-data", "samverkan",
                                           "register.sqlite", NULL);

  f->cli.env = g_environ_unsetenv (f->cli.env, "SAMVERKAN_REGISTER");
  g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "search", "umea"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "umea-kommun"));
  g_assert_true (g_file_test (own, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (count_actors (own), ==, 38);
  /* and only the first time */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "search", "polisen"), ==, 0);
  g_assert_cmpint (count_actors (own), ==, 38);
}

/* `init FILE` makes an empty register for an import. Naming it in
 * $SAMVERKAN_REGISTER instead of --register must not fill it with the
 * sample first, or the import is refused as "not empty". */
static void
test_env_register_import (Fixture *f, gconstpointer data)
{
  g_autofree char *path = sam_test_cli_path (&f->cli, "for-import.sqlite");
  g_autofree char *small = data_path ("valid-small.xml");

  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", path), ==, 0);
  sam_test_cli_setenv (&f->cli, "SAMVERKAN_REGISTER", path);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "import", small), ==, 0);
  g_assert_cmpint (count_actors (path), ==, 2);
}

static void
test_path (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *path;

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "path", "list"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "trafficking-adult"));
  g_assert_nonnull (strstr (f->cli.out, "trafficking-child"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "path", "check"), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "path", "show",
                                     "buying-sex"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "114 14"));      /* the police, named with its route */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "path", "show", "--json",
                                     "trafficking-child"), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->cli.out, -1, &error));
  g_assert_no_error (error);
  path = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (path, "id"), ==, "trafficking-child");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (path, "steps")), >, 5);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "path", "show", "nope"), ==, 1);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "path", "frobnicate"), ==, 2);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "path", "show"), ==, 2);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "path", "--help"), ==, 0);
}

/* A step that names a role shows it and whom it names in each municipality
 * of the path's county, and those nobody serves; path check warns about
 * them without failing. */
static void
test_path_roles (Fixture *f, gconstpointer data)
{
  const char *role;

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "path", "show",
                                     "trafficking-adult"), ==, 0);
  role = strstr (f->cli.out,
                 "Role: Social services “socialjour” (on-call phone) of the user's municipality");
  g_assert_nonnull (role);
  g_assert_nonnull (strstr (role, "Skellefteå: Skellefteå Municipality – on-call social services, 0910-73 59 05"));
  g_assert_nonnull (strstr (role, "Umeå: Umeå Municipality – on-call social services, 090-16 33 95"));
  g_assert_nonnull (strstr (role, "Vindeln"));
  g_assert_nonnull (strstr (role, "nobody fills it; the contact below"));
  /* the office-hours question is gone */
  g_assert_null (strstr (f->cli.out, "office hours (weekday daytime)"));

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "path", "check"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out,
                            "trafficking-adult: warning: step “trafficking-adult-s7”: nobody in the "
                            "register fills the role"));
  g_assert_nonnull (strstr (f->cli.out, "in 13 of 15 municipalities (Bjurholm, Dorotea"));
  g_assert_nonnull (strstr (f->cli.out, "No problems found."));
}

/* Runs the CLI with SAMVERKAN_NOW=@now; a crash fails the run itself. */
static int
run_at (Fixture *f, const char *now, const char * const *args)
{
  g_autofree char *saved = g_strdup (g_environ_getenv (f->cli.env, "SAMVERKAN_NOW"));
  int status;

  sam_test_cli_setenv (&f->cli, "SAMVERKAN_NOW", now);
  status = sam_test_cli_run_v (&f->cli, args);
  sam_test_cli_setenv (&f->cli, "SAMVERKAN_NOW", saved);
  g_assert_null (strstr (f->cli.err, "CRITICAL"));
  g_assert_null (strstr (f->cli.err, "WARNING"));
  return status;
}

/* Dates from 1900 to 2200 only, a bad environment is an error, and the
 * arguments GLib does not check are checked. */
static void
test_argument_errors (Fixture *f, gconstpointer data)
{
  const char * const open_now[] = { "--register", f->reg, "search", "--open-now", NULL };
  const char * const search[] = { "--register", f->reg, "search", "polis", NULL };

  /* the year 1 read outside the schedule's tables; 9999 gave criticals */
  g_assert_cmpint (run_at (f, "0001-01-01T00:00:00Z", open_now), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "SAMVERKAN_NOW=0001-01-01T00:00:00Z"));
  g_assert_nonnull (strstr (f->cli.err, "between the years 1900 and 2200"));
  g_assert_cmpint (run_at (f, "9999-12-31T23:59:59Z", open_now), ==, 2);
  g_assert_cmpint (run_at (f, "1899-12-31T23:59:59Z", search), ==, 2);
  g_assert_cmpint (run_at (f, "not a time", search), ==, 2);
  g_assert_cmpstr (f->cli.out, ==, "");
  /* the edges are dates like any other */
  g_assert_cmpint (run_at (f, "2200-12-31T12:00:00Z", open_now), <=, 1);
  g_assert_cmpint (run_at (f, "1900-01-01T12:00:00Z", open_now), <=, 1);

  sam_test_cli_setenv (&f->cli, "SAMVERKAN_MAX_IMPORT_SIZE", "abc");
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "polis"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "SAMVERKAN_MAX_IMPORT_SIZE=abc"));
  f->cli.env = g_environ_unsetenv (f->cli.env, "SAMVERKAN_MAX_IMPORT_SIZE");

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "follow", "--stop"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "name the FILE"));
  g_assert_null (strstr (f->cli.err, "CRITICAL"));

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search",
                                     "--language", "xx"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "“xx” is not a language Samverkan knows"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search", "--language",
                                     "Arabic"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "is not a language code"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->reg, "search",
                                     "--language", "ar"), ==, 0);
}

/* A verification in 9999 would never fall due, one in the year 1 showed
 * as "1-01-01": both are refused, and nothing is imported. */
static void
test_verified_out_of_range (Fixture *f, gconstpointer data)
{
  static const char * const years[] = { "9999", "0001", "1899", "2201" };
  g_autofree char *sample = sam_test_sample_xml ();
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *reg = g_strdup_printf ("%s/verified-%s.sqlite", f->cli.dir, years[i]);
      g_autofree char *in = g_strdup_printf ("%s/verified-%s.xml", f->cli.dir, years[i]);
      g_auto(GStrv) parts = g_strsplit (text, "<verified at=\"2026", 2);
      g_autofree char *head = g_strdup_printf ("<verified at=\"%s", years[i]);
      g_autofree char *changed = g_strjoinv (head, parts);

      g_assert_true (g_file_set_contents (in, changed, -1, NULL));
      g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", reg, "import", in), ==, 2);
      g_assert_nonnull (strstr (f->cli.err, "Verified: the year"));
      g_assert_nonnull (strstr (f->cli.err, "nothing was imported"));
      g_assert_false (g_file_test (reg, G_FILE_TEST_EXISTS));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
#define SAMPLE(path, func) g_test_add (path, Fixture, NULL, set_up_sample, func, tear_down)
  ADD ("/cli/help", test_help);
  ADD ("/cli/help-swedish", test_help_swedish);
  ADD ("/cli/check-translations", test_check_translations);
  ADD ("/cli/other-county", test_other_county);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/init", test_init);
  ADD ("/cli/import", test_import);
  ADD ("/cli/import-refused", test_import_refused);
  SAMPLE ("/cli/search", test_search);
  SAMPLE ("/cli/search-json", test_search_json);
  SAMPLE ("/cli/synonyms", test_synonyms);
  SAMPLE ("/cli/show", test_show);
  SAMPLE ("/cli/path", test_path);
  SAMPLE ("/cli/path-roles", test_path_roles);
  SAMPLE ("/cli/export-import", test_export_import);
  SAMPLE ("/cli/check", test_check);
  SAMPLE ("/cli/argument-errors", test_argument_errors);
  ADD ("/cli/verified-out-of-range", test_verified_out_of_range);
  ADD ("/cli/default-register", test_default_register);
  /* shows a bug in src/core; last, so that its abort hides nothing */
  ADD ("/cli/env-register-import", test_env_register_import);
#undef ADD
#undef SAMPLE

  return g_test_run ();
}
