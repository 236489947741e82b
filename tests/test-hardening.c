/* test-hardening.c
 *
 * What the importer says about files that are not registers it can read:
 * very large (a real 100 MB file, and the size limit), nested too deeply,
 * not UTF-8, in another namespace, from a future format, cut off. Each
 * gets a sentence a coordinator understands, before libxml2's words, and
 * the merge import refuses it without touching the register.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-errors.h"
#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-test-util.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<register xmlns=\"https://samverkan.github.io/ns/register/1\" version=\"1\">\n"
#define META "  <meta id=\"t\"><name xml:lang=\"sv\">T</name><name xml:lang=\"en\">T</name></meta>\n"

static void
assert_refused (const char *text, gsize length, const char *phrase)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRegisterData) data = sam_register_xml_parse (text, length, "test.xml", problems, &error);

  g_assert_null (data);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (problems->len, >, 0);
  if (strstr (error->message, phrase) == NULL)
    g_error ("“%s” not in: %s", phrase, error->message);
  /* the plain sentence comes first */
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), phrase));
}

static void
test_truncated (void)
{
  const char *text = HEAD META "  <actors>\n    <actor id=\"a\" kind=\"police\">\n      <name xml:lang=\"sv\">Pol";

  assert_refused (text, strlen (text), "cut off");
  assert_refused (HEAD, strlen (HEAD), "cut off");
}

static void
test_invalid_utf8 (void)
{
  const char *text = HEAD "  <meta id=\"t\"><name xml:lang=\"sv\">Ume\xe5</name></meta>\n</register>\n";

  assert_refused (text, strlen (text), "not valid UTF-8");
}

static void
test_wrong_namespace (void)
{
  const char *text = "<register xmlns=\"https://example.org/other\" version=\"1\">" META "</register>";
  const char *none = "<register version=\"1\">" META "</register>";

  assert_refused (text, strlen (text), "not a Samverkan register file");
  assert_refused (none, strlen (none), "not a Samverkan register file");
}

static void
test_future_version (void)
{
  const char *text = "<register xmlns=\"https://samverkan.github.io/ns/register/1\" version=\"7\">"
                     META "<future-thing/></register>";

  assert_refused (text, strlen (text), "newer Samverkan");
}

static void
test_deep_nesting (void)
{
  GString *text = g_string_new (HEAD META "  <actors>");

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<a>");
  assert_refused (text->str, text->len, "nested too deeply");
  g_string_free (text, TRUE);
}

/* A real 100 MB file: one text of 100 MB. It is read and refused quickly,
 * with the sentence for a text too long. */
static void
test_100_mb_file (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 start = g_get_monotonic_time ();
  FILE *out = fopen (path, "w");
  char *block = g_malloc (1024 * 1024);

  memset (block, 'A', 1024 * 1024);
  g_assert_nonnull (out);
  fputs (HEAD "  <meta id=\"t\"><name xml:lang=\"sv\">", out);
  for (guint i = 0; i < 100; i++)
    g_assert_cmpuint (fwrite (block, 1, 1024 * 1024, out), ==, 1024 * 1024);
  fputs ("</name></meta>\n</register>\n", out);
  g_assert_cmpint (fclose (out), ==, 0);
  g_free (block);

  /* under the limit: read, then refused for what it holds */
  g_assert_true (sam_register_xml_load_file (file, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100 * 1024 * 1024);
  assert_refused (contents, length, "too long");
  g_clear_pointer (&contents, g_free);
  g_test_message ("100 MB: %.2f s", (g_get_monotonic_time () - start) / 1e6);
  /* read as a stream, as import and merge read it: refused at the text's line */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(SamRegisterData) data = sam_register_xml_parse_file (file, problems, NULL, &error);

    g_assert_null (data);
    g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                     "line 3: a text in the file is too long for a register file");
    g_clear_error (&error);
  }

  /* over the limit: not read at all, and the message says why */
  g_setenv ("SAMVERKAN_MAX_IMPORT_SIZE", "52428800", TRUE);
  g_assert_false (sam_register_xml_load_file (file, &contents, &length, NULL, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_test_message ("%s", error->message);
  /* g_format_size: "52.4 MB", with a no-break space in some GLib versions */
  g_assert_nonnull (strstr (error->message, "larger than 52.4"));
  g_assert_nonnull (strstr (error->message, "104.9"));
  g_clear_error (&error);
  /* the parser keeps to the limit too, whoever read the bytes */
  {
    g_autofree char *small = g_strnfill (60 * 1000 * 1000, ' ');
    assert_refused (small, 60 * 1000 * 1000, "larger than");
  }
  g_unsetenv ("SAMVERKAN_MAX_IMPORT_SIZE");
  sam_test_remove_dir (dir);
}

/* A DOCTYPE after a long comment, the comment ending just before a piece
 * of the file the stream reader reads at once ends (64 kB), or in it:
 * found wherever it is, with its line, before anything is parsed. */
static void
test_doctype_late (void)
{
  static const gsize comment_sizes[] = { 200, 65536 - 20, 65536 - 8, 65536 - 4, 65536, 300000 };
  g_autofree char *dir = sam_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "late.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (comment_sizes); i++)
    {
      g_autofree char *fill = g_strnfill (comment_sizes[i], 'x');
      g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!--%s-->\n"
                                               "<!DOCTYPE register [<!ENTITY a \"b\">]>\n"
                                               "<register/>\n", fill);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(SamRegisterData) data = NULL;

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      data = sam_register_xml_parse_file (file, problems, NULL, &error);
      g_assert_null (data);
      g_assert_error (error, SAM_ERROR, SAM_ERROR_UNSAFE);
      g_test_message ("%" G_GSIZE_FORMAT ": %s", comment_sizes[i], error->message);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "line 3: the file declares a DOCTYPE"));
    }
  sam_test_remove_dir (dir);
}

/* The merge import refuses each the same way and leaves the register alone. */
static void
test_merge_refuses (void)
{
  static const char * const files[] = {
    HEAD META "  <actors><actor id=\"a\"",
    HEAD "  <meta id=\"t\"><name xml:lang=\"sv\">Ume\xe5</name></meta>\n</register>\n",
    "<register version=\"1\">" META "</register>",
  };
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(SamStore) store = sam_test_open_store (dir, "r.sqlite", TRUE);
  gint64 before = sam_store_count_actors (store);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, "in.xml", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SamMergePlan) plan = NULL;

      g_assert_true (g_file_set_contents (path, files[i], -1, NULL));
      plan = sam_merge_plan_new_for_file (store, file, NULL, &error);
      g_assert_null (plan);
      g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "nothing was imported"));
    }
  g_assert_cmpint (sam_store_count_actors (store), ==, before);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autoptr(GError) error = NULL;
    g_autoptr(SamMergePlan) plan = sam_merge_plan_new_for_file (store, folder, NULL, &error);
    g_assert_null (plan);
    g_assert_nonnull (strstr (error->message, "folder"));
  }
  g_clear_object (&store);
  sam_test_remove_dir (dir);
}

/* Files that are no XML at all, each told for what it is, not in the
 * parser's words for something else. */
static void
test_not_xml (void)
{
  g_autoptr(GString) ns = g_string_new ("<register xmlns=\"https://samverkan.github.io/ns/register/1\"");
  g_autoptr(GString) attrs = g_string_new (HEAD "  <meta id=\"t\"");
  char zeros[4096] = { 0 };
  static const char zip[] = "PK\x03\x04 a zip file";
  gint64 start;

  assert_refused ("", 0, "the file is empty");
  assert_refused ("  \n\t\r\n ", 7, "the file is empty");
  assert_refused ("\xEF\xBB\xBF\xEF\xBB\xBF" HEAD "</register>", strlen (HEAD) + 17,
                  "two byte order marks");
  assert_refused (zeros, sizeof zeros, "zero bytes");
  assert_refused (zip, sizeof zip - 1, "not an XML file");

  /* 60,000 namespace declarations and 105,000 attributes: refused before
   * libxml2 checks each against every other (minutes) */
  for (guint i = 0; i < 60000; i++)
    g_string_append_printf (ns, " xmlns:n%u=\"urn:x:%u\"", i, i);
  g_string_append (ns, " version=\"1\">" META "</register>");
  for (guint i = 0; i < 105000; i++)
    g_string_append_printf (attrs, " a%u=\"\"", i);
  g_string_append (attrs, "/>\n</register>\n");
  start = g_get_monotonic_time ();
  assert_refused (ns->str, ns->len, "declares more than 32 namespaces");
  assert_refused (attrs->str, attrs->len, "has more than 64 attributes");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  /* markup in comments, quotes in text and '>' in text do not confuse the count */
  {
    const char *ok = HEAD "  <!-- <a b=\"1\" c=\"2\"> -->\n"
                     "  <meta id=\"t\"><name xml:lang=\"sv\">T = \"a > b\"</name><name xml:lang=\"en\">T</name></meta>\n"
                     "</register>\n";
    g_autoptr(SamRegisterData) data = sam_register_xml_parse (ok, strlen (ok), "ok.xml", NULL, NULL);
    g_assert_nonnull (data);
  }
}

/* The problems of a file in the order of its lines, tombstones with theirs. */
static void
test_problem_order (void)
{
#define NAMES "<name xml:lang=\"sv\">A</name><name xml:lang=\"en\">A</name><areas><area code=\"SE\"/></areas>"
  const char *text = HEAD META
    "  <actors>\n"
    "    <actor id=\"a\" kind=\"police\" parent=\"nowhere\">" NAMES "</actor>\n"
    "    <actor id=\"b\" kind=\"police\">" NAMES "</actor>\n"
    "    <actor id=\"b\" kind=\"police\">" NAMES "</actor>\n"
    "  </actors>\n"
    "  <tombstones>\n"
    "    <tombstone entity=\"actor\" id=\"b\" revision=\"2\"/>\n"
    "    <tombstone entity=\"path\" id=\"p\" revision=\"2\"/>\n"
    "    <tombstone entity=\"path\" id=\"p\" revision=\"2\"/>\n"
    "  </tombstones>\n"
    "</register>\n";
#undef NAMES
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRegisterData) data = sam_register_xml_parse (text, strlen (text), "t.xml", problems, &error);
  static const char * const expected[] = {
    "line 5: actor “a” is part of “nowhere”",
    "line 7: the actor id “b” is used twice",
    "line 10: the actor “b” is both in the file and among its deleted records",
    "line 12: the deleted record “p” is listed twice",
  };

  g_assert_null (data);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), expected[i]));
}

static void
assert_file_refused (const char *path, const char *phrase)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (sam_register_xml_load_file (file, &contents, &length, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", path, error->message);
  if (strstr (error->message, phrase) == NULL)
    g_error ("“%s” not in: %s", phrase, error->message);
  /* at once: nothing is read from a device or waited for from a pipe */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

/* Devices, a link to one, a pipe and a folder are refused before a byte is
 * read; a file that says it is empty is counted as it is read; a file of
 * zero bytes says so at once. */
static void
test_not_regular (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autofree char *link = g_build_filename (dir, "zero.xml", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.xml", NULL);
  g_autofree char *sparse = g_build_filename (dir, "sparse.xml", NULL);
  FILE *f;

  assert_file_refused ("/dev/zero", "not a regular file");
  assert_file_refused ("/dev/urandom", "not a regular file");
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  assert_file_refused (link, "not a regular file");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_file_refused (fifo, "not a regular file");
  assert_file_refused (dir, "is a folder");

  /* /proc files say they hold 0 bytes */
  g_setenv ("SAMVERKAN_MAX_IMPORT_SIZE", "100", TRUE);
  assert_file_refused ("/proc/self/maps", "larger than 100");
  g_unsetenv ("SAMVERKAN_MAX_IMPORT_SIZE");

  /* 1 GiB of zero bytes, sparse: read no further than the first block,
   * and refused for what it is */
  f = fopen (sparse, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), (off_t) 1024 * 1024 * 1024), ==, 0);
  fclose (f);
  {
    g_autoptr(GFile) file = g_file_new_for_path (sparse);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (sam_register_xml_load_file (file, &contents, &length, NULL, &error));
    g_assert_cmpuint (length, <=, 1024 * 1024);
    assert_refused (contents, length, "zero bytes");
  }
  sam_test_remove_dir (dir);
}

/* More than SAM_XML_MAX_PROBLEMS problems: the first ones and a last
 * word; the rest of the file is not read, nor kept in memory. */
static void
test_too_many_problems (void)
{
  g_autoptr(GString) text = g_string_new (HEAD META "  <actors>\n");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRegisterData) data = NULL;
  const char *last;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "    <actor id=\"a%u\" kind=\"police\" bad=\"1\"/>\n", i);
  g_string_append (text, "  </actors>\n</register>\n");
  data = sam_register_xml_parse (text->str, text->len, "t.xml", problems, &error);
  g_assert_null (data);
  g_assert_cmpuint (problems->len, ==, 1001);
  last = g_ptr_array_index (problems, 1000);
  g_assert_nonnull (strstr (last, "there are more problems; the first 1000 are listed"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "line 5: "));
}

/* The command line says the same, and libxml2's own words ("I/O error",
 * "parser error :") never reach stderr. */
static void
test_cli_messages (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autofree char *reg = g_build_filename (dir, "r.sqlite", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.xml", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.xml", NULL);
  const char *inputs[] = { "/dev/zero", empty, cut, dir };

  if (g_getenv ("SAMVERKAN_CLI") == NULL)
    {
      g_test_skip ("SAMVERKAN_CLI is needed");
      return;
    }
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (cut, HEAD META "  <actors><actor id=\"a\"", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    for (guint merge = 0; merge < 2; merge++)
      {
        const char *args[] = { "--register", reg, "import", merge ? "--merge" : inputs[i],
                               merge ? inputs[i] : NULL, NULL };
        g_autofree char *err = NULL;

        g_assert_cmpint (sam_test_run_cli (NULL, NULL, &err, args), !=, 0);
        g_assert_null (strstr (err, "I/O error"));
        g_assert_null (strstr (err, "error :"));
        g_assert_null (strstr (err, "warning :"));
        g_assert_null (strstr (err, "Extra content"));
        /* a failed import into a register it would have made leaves none
         * (the merge: none for a file that is no file) */
        if (!merge || i == 0 || i == 3)
          g_assert_false (g_file_test (reg, G_FILE_TEST_EXISTS));
        g_unlink (reg);
      }
  sam_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hardening/truncated", test_truncated);
  g_test_add_func ("/hardening/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hardening/wrong-namespace", test_wrong_namespace);
  g_test_add_func ("/hardening/future-version", test_future_version);
  g_test_add_func ("/hardening/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hardening/100-mb-file", test_100_mb_file);
  g_test_add_func ("/hardening/merge-refuses", test_merge_refuses);
  g_test_add_func ("/hardening/not-xml", test_not_xml);
  g_test_add_func ("/hardening/problem-order", test_problem_order);
  g_test_add_func ("/hardening/not-regular", test_not_regular);
  g_test_add_func ("/hardening/cli-messages", test_cli_messages);
  g_test_add_func ("/hardening/too-many-problems", test_too_many_problems);
  g_test_add_func ("/hardening/doctype-late", test_doctype_late);
  return g_test_run ();
}
