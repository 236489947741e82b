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
  g_test_add_func ("/hardening/doctype-late", test_doctype_late);
  return g_test_run ();
}
