/* test-import-stream.c
 *
 * Importing a large exchange file as a stream: the actors are written
 * while the rest of the file is still being read, so a problem near the
 * end must still leave the register empty, and name its line even past
 * line 65,535.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "sam-actor.h"
#include "sam-errors.h"
#include "sam-query.h"
#include "sam-register-xml.h"
#include "sam-test-util.h"

/* More actors than the reader may run ahead of the writer (16 batches of
 * 256), and over 65,535 lines. */
#define N_ACTORS 6000

typedef struct {
  char *dir;
  SamStore *store;
  GString *xml;
  int lines;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", FALSE);
  f->xml = g_string_new (NULL);
  f->lines = 1;
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
  g_string_free (f->xml, TRUE);
}

/* Appends a line, returning its number. */
static int
add (Fixture *f, const char *format, ...) G_GNUC_PRINTF (2, 3);

static int
add (Fixture *f, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (f->xml, format, args);
  va_end (args);
  g_string_append_c (f->xml, '\n');
  return f->lines++;
}

/* Actor @i: a unit of @parent when that is not NULL, reachable by @phone. */
static int
add_actor (Fixture *f, const char *id, const char *parent, const char *phone)
{
  int line = add (f, "    <actor id=\"%s\" kind=\"social-services\"%s%s%s>", id,
                  parent ? " parent=\"" : "", parent ? parent : "", parent ? "\"" : "");

  add (f, "      <name xml:lang=\"sv\">Socialtjänsten %s</name>", id);
  add (f, "      <name xml:lang=\"en\">Social services %s</name>", id);
  add (f, "      <areas><area code=\"2480\"/></areas>");
  add (f, "      <hours>Mo-Fr 08:00-17:00</hours>");
  add (f, "      <route id=\"%s-r1\" kind=\"phone\" visibility=\"public\">", id);
  add (f, "        <value>%s</value>", phone);
  add (f, "      </route>");
  add (f, "      <route id=\"%s-r2\" kind=\"email\" visibility=\"professional\">", id);
  add (f, "        <value>%s@example.se</value>", id);
  add (f, "      </route>");
  add (f, "    </actor>");
  return line;
}

static void
add_head (Fixture *f)
{
  add (f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  add (f, "<register xmlns=\"https://samverkan.github.io/ns/register/1\" version=\"1\">");
  add (f, "  <meta id=\"big\"><name xml:lang=\"sv\">Stort</name><name xml:lang=\"en\">Big</name></meta>");
  add (f, "  <actors>");
}

static void
add_tail (Fixture *f)
{
  add (f, "  </actors>");
  add (f, "</register>");
}

/* N_ACTORS - 1 good actors, then @last_id with @last_phone (a unit of
 * @last_parent); returns the line of the last actor. */
static int
make_file (Fixture *f, const char *last_id, const char *last_parent, const char *last_phone)
{
  int line;

  add_head (f);
  for (int i = 1; i < N_ACTORS; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%05d", i);
      g_autofree char *phone = g_strdup_printf ("090-%02d %02d %02d", 10 + i / 10000, i / 100 % 100, i % 100);

      add_actor (f, id, NULL, phone);
    }
  line = add_actor (f, last_id, last_parent, last_phone);
  add_tail (f);
  return line;
}

static gboolean
import (Fixture *f, GPtrArray *problems, GCancellable *cancellable, GError **error)
{
  g_autofree char *path = g_build_filename (f->dir, "big.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, f->xml->str, f->xml->len, NULL));
  return sam_register_xml_import (f->store, file, problems, cancellable, error);
}

static guint
count_found (SamStore *store, const char *text)
{
  g_autoptr(GError) error = NULL;
  SamQuery *query = sam_query_new (text);
  g_autoptr(GPtrArray) found = sam_store_search (store, query, &error);

  sam_query_free (query);
  g_assert_no_error (error);
  return found->len;
}

/* Nothing of a refused file is left: no actor, no search row. */
static void
assert_empty (Fixture *f)
{
  g_assert_true (sam_store_is_empty (f->store));
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 0);
  g_assert_cmpuint (count_found (f->store, "socialtjänsten"), ==, 0);
}

/* @n problems, the first on @line, mentioning @mentions. libxml2 keeps
 * an element's line in 16 bits; past line 65,535 it gives the line of the
 * element's first child instead, the next line in a file Samverkan wrote
 * (texts and values keep theirs). */
static void
assert_problems (GPtrArray *problems, GError *error, guint n, int line, const char *mentions)
{
  g_autofree char *prefix = g_strdup_printf ("line %d: ", line);
  g_autofree char *next = g_strdup_printf ("line %d: ", line + 1);
  const char *problem;

  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, n);
  problem = g_ptr_array_index (problems, 0);
  g_test_message ("%s", problem);
  g_assert_true (g_str_has_prefix (problem, prefix) ||
                 (line > 65535 && g_str_has_prefix (problem, next)));
  g_assert_nonnull (strstr (problem, mentions));
}

static void
test_good (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  make_file (f, "last", NULL, "070-123 45 67");
  g_assert_true (import (f, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, N_ACTORS);
  g_assert_cmpuint (count_found (f->store, "Social services last"), ==, 1);
  g_assert_cmpuint (count_found (f->store, "0701234567"), ==, 1);
  /* the phone rows an import writes at its end, sorted: a number from the
   * middle of the file, and a subscriber number without its code */
  g_assert_cmpuint (count_found (f->store, "090-10 01 23"), ==, 1);
  g_assert_cmpuint (count_found (f->store, "123 45 67"), ==, 1);
}

/* The writer has committed nothing yet when the reader finds a wrong
 * phone number in the last actor. */
static void
test_late_bad_phone (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int line = make_file (f, "last", NULL, "12345");

  g_assert_cmpint (line, >, 65535);
  g_assert_false (import (f, problems, NULL, &error));
  /* the value is on the line after the route's */
  assert_problems (problems, error, 1, line + 6, "12345");
  assert_empty (f);
}

static void
test_late_duplicate (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int line = make_file (f, "a00007", NULL, "070-123 45 67");

  g_assert_false (import (f, problems, NULL, &error));
  /* and both its routes' ids */
  assert_problems (problems, error, 3, line, "the actor id “a00007” is used twice");
  assert_empty (f);
}

/* A unit may come before its parent; a parent missing from the file is
 * a problem of the unit's line. */
static void
test_late_parent (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int line = make_file (f, "last", "nowhere", "070-123 45 67");

  g_assert_false (import (f, problems, NULL, &error));
  assert_problems (problems, error, 1, line, "“nowhere”, which is not in the file");
  assert_empty (f);
}

static void
test_forward_parent (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) unit = NULL;

  add_head (f);
  add_actor (f, "unit", "parent", "070-123 45 67");
  for (int i = 1; i < N_ACTORS - 1; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%05d", i);
      add_actor (f, id, NULL, "090-16 10 00");
    }
  add_actor (f, "parent", NULL, "090-16 10 00");
  add_tail (f);
  g_assert_true (import (f, NULL, NULL, &error));
  g_assert_no_error (error);
  unit = sam_store_load_actor (f->store, "unit", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_actor_get_parent_id (unit), ==, "parent");
}

/* Cut off in the middle of the last actor. */
static void
test_late_cut_off (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  make_file (f, "last", NULL, "070-123 45 67");
  g_string_truncate (f->xml, f->xml->len - 60);
  g_assert_false (import (f, problems, NULL, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "cut off"));
  assert_empty (f);
}

static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  make_file (f, "last", NULL, "070-123 45 67");
  g_cancellable_cancel (cancellable);
  g_assert_false (import (f, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_empty (f);
}

static SamActor *
small_actor (const char *id, const char *parent)
{
  SamActor *actor = sam_actor_new (id);

  sam_actor_set_kind (actor, SAM_ACTOR_KIND_SOCIAL_SERVICES);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, id);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, id);
  sam_actor_set_parent_id (actor, parent);
  sam_actor_add_area (actor, "2480");
  return actor;
}

/* An import looks parents up once at its end: a unit written before its
 * parent is kept, a unit of an actor the register does not have fails the
 * import, names the parent, and leaves the register empty. */
static void
test_parents_at_end (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  SamRegisterMeta meta = { .id = (char *) "parents" };

  g_ptr_array_add (actors, small_actor ("unit", "head"));
  g_ptr_array_add (actors, small_actor ("head", NULL));
  g_ptr_array_add (actors, small_actor ("stray", "nowhere"));
  g_assert_false (sam_store_import (f->store, &meta, actors, NULL, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  assert_empty (f);
  g_clear_error (&error);

  g_ptr_array_remove_index (actors, 2);
  g_assert_true (sam_store_import (f->store, &meta, actors, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/import-stream/good", test_good);
  ADD ("/import-stream/late-bad-phone", test_late_bad_phone);
  ADD ("/import-stream/late-duplicate", test_late_duplicate);
  ADD ("/import-stream/late-missing-parent", test_late_parent);
  ADD ("/import-stream/forward-parent", test_forward_parent);
  ADD ("/import-stream/late-cut-off", test_late_cut_off);
  ADD ("/import-stream/cancelled", test_cancelled);
  ADD ("/import-stream/parents-at-end", test_parents_at_end);
#undef ADD

  return g_test_run ();
}
