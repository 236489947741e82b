/* test-cli-merge.c
 *
 * samverkan-cli for sharing the register: export of subsets (by area,
 * kind, audience, path; the file text of a public export has no
 * professional or internal route), import --merge with --dry-run and
 * --prefer (exit status 1 and the register untouched on conflicts),
 * follow (followed records refuse local edits, naming the owner).
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-errors.h"
#include "sam-store.h"
#include "sam-test-util.h"

typedef struct {
  char *dir;
  char **env;
  char *a;        /* the sample, imported */
  char *out;
  char *err;
} Fixture;

static int
run_v (Fixture *f, const char * const *args)
{
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  return sam_test_run_cli (f->env, &f->out, &f->err, args);
}

#define run(f, ...) run_v (f, (const char * const []) { __VA_ARGS__, NULL })

static char *
in_dir (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("SAMVERKAN_SOURCE_DIR"), "data",
                                              "sample-register.xml", NULL);
  g_autofree char *xdg = NULL;

  g_assert_nonnull (g_getenv ("SAMVERKAN_CLI"));
  f->dir = sam_test_make_dir ();
  xdg = in_dir (f, "xdg-data");
  f->env = g_get_environ ();
  f->env = g_environ_unsetenv (f->env, "SAMVERKAN_REGISTER");
  f->env = g_environ_setenv (f->env, "XDG_DATA_HOME", xdg, TRUE);
  f->env = g_environ_setenv (f->env, "SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  f->env = g_environ_setenv (f->env, "LANGUAGE", "en", TRUE);
  f->env = g_environ_setenv (f->env, "LC_ALL", "C.UTF-8", TRUE);
  f->a = in_dir (f, "a.sqlite");
  g_assert_cmpint (run (f, "init", f->a), ==, 0);
  g_assert_cmpint (run (f, "--register", f->a, "import", sample), ==, 0);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->a);
  g_free (f->out);
  g_free (f->err);
  g_strfreev (f->env);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static guint
count (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
rename_actor (const char *reg, const char *id, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (reg, &error);
  g_autoptr(SamActor) actor = NULL;

  g_assert_no_error (error);
  actor = sam_store_load_actor (store, id, &error);
  g_assert_no_error (error);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, name);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

static char *
name_of (const char *reg, const char *id)
{
  g_autoptr(SamStore) store = sam_store_open (reg, NULL);
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, NULL);

  return actor ? g_strdup (sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV)) : NULL;
}

static void
test_help (Fixture *f, gconstpointer data)
{
  static const char * const commands[] = { "backups", "restore", "follow" };

  g_assert_cmpint (run (f, "--help"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (f->out, commands[i]));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_assert_cmpint (run (f, commands[i], "--help"), ==, 0);
      g_assert_nonnull (strstr (f->out, commands[i]));
    }
  g_assert_cmpint (run (f, "export", "--help"), ==, 0);
  g_assert_nonnull (strstr (f->out, "--audience"));
  g_assert_nonnull (strstr (f->out, "--area"));
  g_assert_nonnull (strstr (f->out, "--path"));
  g_assert_cmpint (run (f, "import", "--help"), ==, 0);
  g_assert_nonnull (strstr (f->out, "--merge"));
  g_assert_nonnull (strstr (f->out, "--dry-run"));
  g_assert_nonnull (strstr (f->out, "--prefer"));
}

static void
test_export_audience (Fixture *f, gconstpointer data)
{
  g_autofree char *all_path = in_dir (f, "all.xml");
  g_autofree char *public_path = in_dir (f, "public.xml");
  g_autofree char *pro_path = in_dir (f, "professional.xml");
  g_autofree char *default_path = in_dir (f, "default.xml");
  g_autofree char *all = NULL;
  g_autofree char *pub = NULL;
  g_autofree char *pro = NULL;
  g_autofree char *by_default = NULL;

  g_assert_cmpint (run (f, "--register", f->a, "export", "--audience", "internal", all_path), ==, 0);
  g_assert_cmpint (run (f, "--register", f->a, "export", default_path), ==, 0);
  g_assert_cmpint (run (f, "--register", f->a, "export", "--audience", "public", public_path), ==, 0);
  g_assert_cmpint (run (f, "--register", f->a, "export", "--audience", "professional", pro_path), ==, 0);
  all = read_file (all_path);
  pub = read_file (public_path);
  pro = read_file (pro_path);
  by_default = read_file (default_path);

  /* without --audience: for professionals, the same file as asked for by name */
  g_assert_cmpuint (count (by_default, "visibility=\"internal\""), ==, 0);
  g_assert_nonnull (strstr (by_default, "audience=\"professional\""));
  g_assert_cmpuint (count (by_default, "<route "), ==, count (pro, "<route "));
  /* --audience internal: the whole register has all three kinds of route */
  g_assert_cmpuint (count (all, "visibility=\"internal\""), >, 0);
  g_assert_cmpuint (count (all, "visibility=\"professional\""), >, 0);
  g_assert_cmpuint (count (all, "visibility=\"public\""), >, 0);
  /* the public export none but public */
  g_assert_cmpuint (count (pub, "visibility=\"internal\""), ==, 0);
  g_assert_cmpuint (count (pub, "visibility=\"professional\""), ==, 0);
  g_assert_cmpuint (count (pub, "visibility=\"public\""), ==, count (all, "visibility=\"public\""));
  g_assert_nonnull (strstr (pub, "audience=\"public\""));
  /* the professional one no internal route */
  g_assert_cmpuint (count (pro, "visibility=\"internal\""), ==, 0);
  g_assert_cmpuint (count (pro, "visibility=\"professional\""), ==, count (all, "visibility=\"professional\""));
  /* the same actors in all three, and the source, version and time of each */
  g_assert_cmpuint (count (pub, "<actor "), ==, count (all, "<actor "));
  g_assert_nonnull (strstr (all, " source=\""));
  g_assert_nonnull (strstr (all, " exported=\"2026-11-25T11:00:00Z\""));
  g_assert_nonnull (strstr (all, "<register-version>"));

  g_assert_cmpint (run (f, "--register", f->a, "export", "--audience", "secret", pub), ==, 2);
  g_assert_nonnull (strstr (f->err, "internal"));
}

static void
test_export_subsets (Fixture *f, gconstpointer data)
{
  g_autofree char *out = in_dir (f, "part.xml");
  g_autofree char *all_path = in_dir (f, "all.xml");
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;

  g_assert_cmpint (run (f, "--register", f->a, "export", all_path), ==, 0);
  all = read_file (all_path);

  /* by kind: the police, and the organisation a police unit is part of */
  g_assert_cmpint (run (f, "--register", f->a, "export", "--kind", "police", out), ==, 0);
  text = read_file (out);
  g_assert_cmpuint (count (text, "<actor "), ==, count (text, "kind=\"police\""));
  g_assert_cmpuint (count (text, "<actor "), >=, 2);
  g_assert_null (strstr (text, "<path "));
  g_clear_pointer (&text, g_free);

  /* by area: a municipality's actors and the paths of the area */
  g_assert_cmpint (run (f, "--register", f->a, "export", "--area", "2482", out), ==, 0);
  text = read_file (out);
  g_assert_nonnull (strstr (text, "<area code=\"2482\"/>"));
  g_assert_cmpuint (count (text, "<actor "), <, count (all, "<actor "));
  g_clear_pointer (&text, g_free);

  /* by path: the path and the actors it names */
  g_assert_cmpint (run (f, "path", "--help"), ==, 0);
  g_assert_cmpint (run (f, "--register", f->a, "path", "list"), ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (f->out, "\n", -1);
    g_auto(GStrv) words = g_strsplit (lines[0], " ", 2);

    g_assert_cmpint (run (f, "--register", f->a, "export", "--path", words[0], out), ==, 0);
    text = read_file (out);
    g_assert_cmpuint (count (text, "<path "), >=, 1);
    g_assert_cmpuint (count (text, "<actor "), >=, 1);
    g_assert_cmpuint (count (text, "<actor "), <, count (all, "<actor "));
  }
  /* the subset is a valid file: it merges into an empty register */
  {
    g_autofree char *b = in_dir (f, "b.sqlite");
    g_assert_cmpint (run (f, "--register", b, "import", "--merge", out), ==, 0);
  }

  g_assert_cmpint (run (f, "--register", f->a, "export", "--area", "9999", out), ==, 2);
  g_assert_cmpint (run (f, "--register", f->a, "export", "--kind", "wizard", out), ==, 2);
  g_assert_cmpint (run (f, "--register", f->a, "export", "--path", "no-such-path", out), ==, 2);
}

static void
test_import_merge (Fixture *f, gconstpointer data)
{
  g_autofree char *b = in_dir (f, "b.sqlite");
  g_autofree char *file = in_dir (f, "a.xml");
  g_autofree char *name = NULL;

  g_assert_cmpint (run (f, "--register", f->a, "export", file), ==, 0);
  /* into a register that does not exist yet: created */
  g_assert_cmpint (run (f, "--register", b, "import", "--merge", "--dry-run", file), ==, 0);
  g_assert_nonnull (strstr (f->out, "42 new, 0 updated, 0 unchanged, 0 deleted upstream, 0 conflicts"));
  g_assert_nonnull (strstr (f->out, "Dry run: nothing was changed."));
  g_assert_cmpint (run (f, "--register", b, "import", "--merge", file), ==, 0);
  g_assert_nonnull (strstr (f->out, "Imported."));
  /* again: nothing to do */
  g_assert_cmpint (run (f, "--register", b, "import", "--merge", file), ==, 0);
  g_assert_nonnull (strstr (f->out, "0 new, 0 updated, 42 unchanged, 0 deleted upstream, 0 conflicts"));
  g_assert_nonnull (strstr (f->out, "Nothing to import"));

  /* one change each side, one on both */
  rename_actor (f->a, "polisen", "Polisen A");
  rename_actor (f->a, "emergency-112", "112 A");
  rename_actor (b, "polisen", "Polisen B");
  g_assert_cmpint (run (f, "--register", f->a, "export", file), ==, 0);

  g_assert_cmpint (run (f, "--register", b, "import", "--merge", "--dry-run", file), ==, 1);
  g_assert_nonnull (strstr (f->out, "0 new, 1 updated, 40 unchanged, 0 deleted upstream, 1 conflict"));
  g_assert_nonnull (strstr (f->out, "Polisen B"));
  g_assert_nonnull (strstr (f->out, "Polisen A"));

  /* without --prefer: exit 1, listed, nothing changed */
  g_assert_cmpint (run (f, "--register", b, "import", "--merge", file), ==, 1);
  g_assert_nonnull (strstr (f->err, "polisen"));
  g_assert_nonnull (strstr (f->err, "--prefer"));
  name = name_of (b, "emergency-112");
  g_assert_cmpstr (name, !=, "112 A");
  g_clear_pointer (&name, g_free);

  g_assert_cmpint (run (f, "--register", b, "import", "--merge", "--prefer", "sideways", file), ==, 2);
  g_assert_cmpint (run (f, "--register", b, "import", "--prefer", "mine", file), ==, 2);
  g_assert_cmpint (run (f, "--register", b, "import", "--merge", "--dry-run", "--prefer", "mine", file), ==, 0);
  g_assert_cmpint (run (f, "--register", b, "import", "--merge", "--prefer", "mine", file), ==, 0);
  name = name_of (b, "polisen");
  g_assert_cmpstr (name, ==, "Polisen B");
  g_free (name);
  name = name_of (b, "emergency-112");
  g_assert_cmpstr (name, ==, "112 A");

  /* the copy made first is listed */
  g_assert_cmpint (run (f, "--register", b, "backups"), ==, 0);
  g_assert_nonnull (strstr (f->out, "before an import"));

  /* a broken file: exit 2, the problem named */
  {
    g_autofree char *broken = in_dir (f, "broken.xml");
    g_assert_true (g_file_set_contents (broken, "<register", -1, NULL));
    g_assert_cmpint (run (f, "--register", b, "import", "--merge", broken), ==, 2);
    g_assert_nonnull (strstr (f->err, "cut off"));
  }
}

static void
describe_actor (const char *reg, const char *id, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (reg, &error);
  g_autoptr(SamActor) actor = NULL;

  g_assert_no_error (error);
  actor = sam_store_load_actor (store, id, &error);
  g_assert_no_error (error);
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_EN, text);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

static char *
description_of (const char *reg, const char *id)
{
  g_autoptr(SamStore) store = sam_store_open (reg, NULL);
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, NULL);

  return actor ? g_strdup (sam_text_get (sam_actor_get_description (actor), SAM_LANG_EN)) : NULL;
}

/* Both sides changed the name and the description: --prefer FIELD=SIDE
 * keeps one of each; a field no conflict has is refused; a file whose
 * history is not one is refused with its line. */
static void
test_import_prefer_field (Fixture *f, gconstpointer data)
{
  g_autofree char *b = in_dir (f, "b.sqlite");
  g_autofree char *file = in_dir (f, "a.xml");
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_assert_cmpint (run (f, "--register", f->a, "export", file), ==, 0);
  g_assert_cmpint (run (f, "--register", b, "import", "--merge", file), ==, 0);
  rename_actor (f->a, "polisen", "Polisen A");
  describe_actor (f->a, "polisen", "Described by A");
  rename_actor (b, "polisen", "Polisen B");
  describe_actor (b, "polisen", "Described by B");
  g_assert_cmpint (run (f, "--register", f->a, "export", file), ==, 0);

  g_assert_cmpint (run (f, "--register", b, "import", "--merge", "--dry-run", file), ==, 1);
  g_assert_nonnull (strstr (f->out, "[name.sv]"));
  g_assert_nonnull (strstr (f->out, "[description.en]"));

  g_assert_cmpint (run (f, "--register", b, "import", "--merge", "--prefer", "nmae.sv=theirs", file), ==, 2);
  g_assert_nonnull (strstr (f->err, "nmae.sv"));
  g_assert_cmpint (run (f, "--register", b, "import", "--merge", "--prefer", "=theirs", file), ==, 2);
  /* one field decided, the other not: nothing is imported */
  g_assert_cmpint (run (f, "--register", b, "import", "--merge", "--prefer", "name.sv=theirs", file), ==, 1);
  name = name_of (b, "polisen");
  g_assert_cmpstr (name, ==, "Polisen B");
  g_clear_pointer (&name, g_free);

  g_assert_cmpint (run (f, "--register", b, "import", "--merge", "--prefer", "polisen@name.sv=theirs",
                        "--prefer", "mine", file), ==, 0);
  name = name_of (b, "polisen");
  description = description_of (b, "polisen");
  g_assert_cmpstr (name, ==, "Polisen A");
  g_assert_cmpstr (description, ==, "Described by B");

  /* a history that is not one: the line is named, exit 2, nothing changed */
  {
    g_autofree char *xml = read_file (file);
    g_autofree char *bad = in_dir (f, "bad.xml");
    g_autoptr(GString) text = g_string_new (xml);
    g_autofree char *log_before = NULL;

    g_assert_cmpuint (g_string_replace (text, "<actor id=\"polisen\"", "<actor history=\"not-a-revision\" id=\"polisen\"", 1), ==, 1);
    g_assert_true (g_file_set_contents (bad, text->str, -1, NULL));
    g_assert_cmpint (run (f, "--register", b, "show", "polisen"), ==, 0);
    log_before = g_strdup (f->out);
    g_assert_cmpint (run (f, "--register", b, "import", "--merge", bad), ==, 2);
    g_assert_nonnull (strstr (f->err, "line "));
    g_assert_nonnull (strstr (f->err, "history"));
    g_assert_cmpint (run (f, "--register", b, "show", "polisen"), ==, 0);
    g_assert_cmpstr (f->out, ==, log_before);
  }
}

static void
test_follow (Fixture *f, gconstpointer data)
{
  g_autofree char *b = in_dir (f, "b.sqlite");
  g_autofree char *published = in_dir (f, "published.xml");
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (f, "init", b), ==, 0);
  g_assert_cmpint (run (f, "--register", b, "follow"), ==, 1);
  g_assert_cmpint (run (f, "--register", f->a, "export", published), ==, 0);
  g_assert_cmpint (run (f, "--register", b, "follow", published), ==, 0);
  g_assert_nonnull (strstr (f->out, "42 new"));

  store = sam_store_open (b, &error);
  g_assert_no_error (error);
  actor = sam_store_load_actor (store, "polisen", &error);
  g_assert_no_error (error);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, "Ändrad här");
  g_assert_false (sam_store_update_actor (store, actor, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_FOLLOWED);
  g_assert_nonnull (strstr (error->message, "Samverkan (exempel)"));   /* the owner */
  g_clear_error (&error);
  g_assert_false (sam_store_delete_actor (store, "polisen", -1, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_FOLLOWED);
  g_clear_error (&error);
  g_clear_object (&store);

  /* a change there comes here on the next look */
  rename_actor (f->a, "polisen", "Polisen, publicerad");
  g_assert_cmpint (run (f, "--register", f->a, "export", published), ==, 0);
  g_assert_cmpint (run (f, "--register", b, "follow"), ==, 0);
  g_assert_nonnull (strstr (f->out, "1 updated"));
  {
    g_autofree char *name = name_of (b, "polisen");
    g_assert_cmpstr (name, ==, "Polisen, publicerad");
  }

  /* stopped: editable again */
  g_assert_cmpint (run (f, "--register", b, "follow", "--stop", published), ==, 0);
  rename_actor (b, "polisen", "Nu min");
  g_assert_cmpint (run (f, "--register", b, "follow", "--stop", published), ==, 2);

  /* a register file can be followed too (opened read-only) */
  {
    g_autofree char *c = in_dir (f, "c.sqlite");
    g_assert_cmpint (run (f, "init", c), ==, 0);
    g_assert_cmpint (run (f, "--register", c, "follow", f->a), ==, 0);
    g_assert_nonnull (strstr (f->out, "42 new"));
  }
}

/* The register id an export names as its source. */
static char *
source_of (const char *xml_path)
{
  g_autofree char *text = read_file (xml_path);
  const char *at = strstr (text, "source=\"");

  g_assert_nonnull (at);
  at += strlen ("source=\"");
  return g_strndup (at, strchr (at, '"') - at);
}

/* A hands the police to B with hand-over; B's rename reaches C through
 * B's file alone and is imported without a conflict. Before, C took it
 * as a proposal: B did not own it. */
static void
test_hand_over (Fixture *f, gconstpointer data)
{
  g_autofree char *b = in_dir (f, "b.sqlite");
  g_autofree char *c = in_dir (f, "c.sqlite");
  g_autofree char *a_file = in_dir (f, "a.xml");
  g_autofree char *b_file = in_dir (f, "b.xml");
  g_autofree char *b_id = NULL;
  g_autofree char *name = NULL;

  g_assert_cmpint (run (f, "--register", f->a, "export", "--audience", "internal", a_file), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      const char *reg = i == 0 ? b : c;
      g_assert_cmpint (run (f, "init", reg), ==, 0);
      g_assert_cmpint (run (f, "--register", reg, "import", "--merge", a_file), ==, 0);
    }
  g_assert_cmpint (run (f, "--register", b, "export", b_file), ==, 0);
  b_id = source_of (b_file);

  /* only the owner hands over, and to another register */
  g_assert_cmpint (run (f, "--register", b, "hand-over", "polisen", "--to", "c0ffee"), ==, 2);
  g_assert_nonnull (strstr (f->err, "only its owner"));
  g_assert_cmpint (run (f, "--register", f->a, "hand-over", "polisen"), ==, 2);
  g_assert_cmpint (run (f, "--register", f->a, "hand-over", "polisen", "--to", b_id), ==, 0);
  g_assert_nonnull (strstr (f->out, b_id));

  g_assert_cmpint (run (f, "--register", f->a, "export", a_file), ==, 0);
  g_assert_cmpint (run (f, "--register", b, "import", "--merge", a_file), ==, 0);
  rename_actor (b, "polisen", "Polisen enligt B");
  g_assert_cmpint (run (f, "--register", b, "export", b_file), ==, 0);
  g_assert_cmpint (run (f, "--register", c, "import", "--merge", "--dry-run", b_file), ==, 0);
  g_assert_nonnull (strstr (f->out, "1 updated"));
  g_assert_nonnull (strstr (f->out, "0 conflicts"));
  g_assert_cmpint (run (f, "--register", c, "import", "--merge", b_file), ==, 0);
  name = name_of (c, "polisen");
  g_assert_cmpstr (name, ==, "Polisen enligt B");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, set_up, fn, tear_down)
  ADD ("/cli-merge/help", test_help);
  ADD ("/cli-merge/export-audience", test_export_audience);
  ADD ("/cli-merge/export-subsets", test_export_subsets);
  ADD ("/cli-merge/import-merge", test_import_merge);
  ADD ("/cli-merge/import-prefer-field", test_import_prefer_field);
  ADD ("/cli-merge/follow", test_follow);
  ADD ("/cli-merge/hand-over", test_hand_over);
#undef ADD
  return g_test_run ();
}
