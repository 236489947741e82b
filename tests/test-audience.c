/* test-audience.c
 *
 * What leaves the register, and for whom, through every entry point:
 * samverkan-cli export with each filter and no --audience carries no
 * internal route of the sample, --audience internal carries all of them;
 * follow of a register file in SQLite format (and of an internal export)
 * brings in none; a printed public or professional sheet shows none. A
 * path export carries the actors its fallbacks name; an import warns for
 * each dangling reference and refuses a step naming an actor nobody knows;
 * path check refuses a step naming an internal route and an answer that
 * hands over to its own path; a file without updated attributes updates.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-audience.h"
#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-follow.h"
#include "sam-path-check.h"
#include "sam-register-xml.h"
#include "sam-store.h"
#include "sam-test-cli.h"
#include "sam-test-util.h"

typedef struct {
  SamTestCli cli;
  char *a;           /* the sample, imported */
  GPtrArray *secret; /* the sample's internal routes: "id", then the value as a file has it */
} Fixture;

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

static char *
test_data (const char *name)
{
  return g_build_filename (g_getenv ("SAMVERKAN_TEST_DATA"), name, NULL);
}

/* The internal routes of the register @reg, as `<route id="…"` and
 * `<value>…</value>` the way an internal export writes them. */
static GPtrArray *
internal_routes (Fixture *f, const char *reg)
{
  g_autofree char *path = sam_test_cli_path (&f->cli, "internal-routes.xml");
  g_autofree char *xml = NULL;
  g_autoptr(SamRegisterData) data = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", reg, "export", "--audience",
                                     "internal", path), ==, 0);
  xml = read_file (path);
  data = sam_register_xml_parse (xml, strlen (xml), path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < data->actors->len; i++)
    {
      GPtrArray *routes = sam_actor_get_routes (g_ptr_array_index (data->actors, i));

      for (guint k = 0; k < routes->len; k++)
        {
          SamContactRoute *route = g_ptr_array_index (routes, k);
          g_autofree char *id = g_strdup_printf ("<route id=\"%s\"", sam_contact_route_get_id (route));
          const char *at = strstr (xml, id);
          const char *value = at ? strstr (at, "<value>") : NULL;
          const char *end = value ? strstr (value, "</value>") : NULL;

          if (sam_contact_route_get_visibility (route) != SAM_VISIBILITY_INTERNAL)
            continue;
          g_assert_nonnull (end);
          g_ptr_array_add (found, g_steal_pointer (&id));
          g_ptr_array_add (found, g_strndup (value, end + strlen ("</value>") - value));
        }
    }
  return found;
}

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *sample = sam_test_sample_xml ();

  sam_test_cli_init (&f->cli);
  f->a = sam_test_cli_path (&f->cli, "a.sqlite");
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->a, "import", sample), ==, 0);
  f->secret = internal_routes (f, f->a);
  /* the sample has internal routes: a shelter's protected address among them */
  g_assert_cmpuint (f->secret->len / 2, >=, 7);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  sam_test_cli_clear (&f->cli);
  g_free (f->a);
  g_ptr_array_unref (f->secret);
}

/* How many of the sample's internal routes (by id or by value) @text has. */
static guint
secrets_in (Fixture *f, const char *text)
{
  guint n = 0;

  for (guint i = 0; i < f->secret->len; i += 2)
    if (strstr (text, g_ptr_array_index (f->secret, i)) ||
        strstr (text, g_ptr_array_index (f->secret, i + 1)))
      n++;
  return n;
}

/* Export */

static void
test_export_default_audience (Fixture *f, gconstpointer data)
{
  static const char * const filters[][3] = {
    { NULL },
    { "--kind", "shelter", NULL },
    { "--area", "24", NULL },
    { "--area", "2480", NULL },
    { "--path", "trafficking-adult", NULL },
    { "--kind", "shelter", "--kind=social-services" },
  };
  g_autofree char *out = sam_test_cli_path (&f->cli, "out.xml");

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      const char *args[10] = { "--register", f->a, "export" };
      guint n = 3;
      g_autofree char *text = NULL;

      for (guint k = 0; k < 3 && filters[i][k]; k++)
        args[n++] = filters[i][k];
      args[n++] = out;
      g_assert_cmpint (sam_test_cli_run_v (&f->cli, args), ==, 0);
      text = read_file (out);
      g_test_message ("export %s %s: %u actors", filters[i][0] ? filters[i][0] : "",
                      filters[i][1] ? filters[i][1] : "", count (text, "<actor "));
      g_assert_cmpuint (count (text, "<actor "), >, 0);
      g_assert_cmpuint (count (text, "visibility=\"internal\""), ==, 0);
      g_assert_cmpuint (secrets_in (f, text), ==, 0);
      g_assert_nonnull (strstr (text, "audience=\"professional\""));
      /* the same with --audience internal: every internal route its actors have */
      args[n - 1] = "--audience";
      args[n++] = "internal";
      args[n++] = out;
      g_assert_cmpint (sam_test_cli_run_v (&f->cli, args), ==, 0);
      g_clear_pointer (&text, g_free);
      text = read_file (out);
      if (filters[i][0] == NULL)
        g_assert_cmpuint (secrets_in (f, text), ==, f->secret->len / 2);
    }
  /* the shelters have protected addresses: they leave only when asked for */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->a, "export", "--kind",
                                     "shelter", "--audience", "internal", out), ==, 0);
  {
    g_autofree char *text = read_file (out);
    g_assert_cmpuint (secrets_in (f, text), >, 0);
  }
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->a, "export", "--audience",
                                     "everyone", out), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "public, professional or internal"));
  /* where an actor's information was read is not contact data: every
   * audience gets it, the public one too */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->a, "export", "--audience",
                                     "public", out), ==, 0);
  {
    g_autofree char *text = read_file (out);
    g_assert_nonnull (strstr (text, "<source read=\"2026-10-05\">https://polisen.se/kontakt/</source>"));
    g_assert_nonnull (strstr (text, "audience=\"public\""));
  }
}

/* The core's default is the CLI's: a NULL filter and an initialised one
 * carry no internal route; only the explicit everything does. */
static void
test_export_core_default (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = sam_store_open (f->a, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *by_null = sam_export_to_data (store, NULL, NULL, &error);
  g_autofree char *everything_xml = NULL;
  SamExportFilter everything;

  g_assert_no_error (error);
  g_assert_cmpuint (secrets_in (f, by_null), ==, 0);
  sam_export_filter_init_everything (&everything);
  everything_xml = sam_export_to_data (store, &everything, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (secrets_in (f, everything_xml), ==, f->secret->len / 2);
  g_assert_true (sam_audience_may_see (SAM_VISIBILITY_PROFESSIONAL, SAM_VISIBILITY_PUBLIC));
  g_assert_false (sam_audience_may_see (SAM_VISIBILITY_PROFESSIONAL, SAM_VISIBILITY_INTERNAL));
  g_assert_false (sam_audience_may_see (SAM_VISIBILITY_PUBLIC, SAM_VISIBILITY_PROFESSIONAL));
}

/* Follow */

static guint
internal_routes_in_register (const char *reg)
{
  g_autoptr(SamStore) store = sam_store_open (reg, NULL);
  g_autoptr(GPtrArray) actors = sam_store_list_actors (store, NULL);
  guint n = 0;

  for (guint i = 0; i < actors->len; i++)
    {
      GPtrArray *routes = sam_actor_get_routes (g_ptr_array_index (actors, i));

      for (guint k = 0; k < routes->len; k++)
        n += sam_contact_route_get_visibility (g_ptr_array_index (routes, k)) == SAM_VISIBILITY_INTERNAL;
    }
  return n;
}

static void
test_follow_takes_no_internal_route (Fixture *f, gconstpointer data)
{
  g_autofree char *b = sam_test_cli_path (&f->cli, "b.sqlite");
  g_autofree char *c = sam_test_cli_path (&f->cli, "c.sqlite");
  g_autofree char *internal = sam_test_cli_path (&f->cli, "internal.xml");
  g_autofree char *check = sam_test_cli_path (&f->cli, "check.xml");
  g_autofree char *text = NULL;

  g_assert_cmpuint (internal_routes_in_register (f->a), ==, f->secret->len / 2);

  /* a published register file in SQLite format */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", b), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "follow", f->a), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "export", "--audience", "internal",
                                     check), ==, 0);
  text = read_file (check);
  g_assert_cmpuint (count (text, "<actor "), >=, 30);
  g_assert_cmpuint (count (text, "visibility=\"professional\""), >, 0);
  g_assert_cmpuint (secrets_in (f, text), ==, 0);
  g_assert_cmpuint (internal_routes_in_register (b), ==, 0);

  /* an exchange file made for the register holder only */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->a, "export", "--audience",
                                     "internal", internal), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "init", c), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", c, "follow", internal), ==, 0);
  g_assert_cmpuint (internal_routes_in_register (c), ==, 0);

  /* and through the core */
  {
    g_autofree char *d = sam_test_cli_path (&f->cli, "d.sqlite");
    g_autoptr(SamStore) store = sam_store_open (d, NULL);
    g_autoptr(SamMergePlan) plan = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (store);
    plan = sam_follow_plan (store, f->a, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sam_merge_plan_get_data (plan)->audience, ==, SAM_VISIBILITY_PROFESSIONAL);
    g_clear_pointer (&plan, sam_merge_plan_free);
    plan = sam_follow_sync (store, f->a, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (plan);
    g_clear_object (&store);
    g_assert_cmpuint (internal_routes_in_register (d), ==, 0);
  }
}

/* Print */

static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status;

  g_assert_nonnull (pdftotext);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { pdftotext, "-enc", "UTF-8", (char *) pdf, "-", NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

/* The values of the sample's internal routes as a sheet shows them. */
static guint
printed_secrets (const char *reg, const char *text, guint *phones)
{
  g_autoptr(SamStore) store = sam_store_open (reg, NULL);
  g_autoptr(GPtrArray) actors = sam_store_list_actors (store, NULL);
  guint n = 0;

  *phones = 0;
  for (guint i = 0; i < actors->len; i++)
    {
      GPtrArray *routes = sam_actor_get_routes (g_ptr_array_index (actors, i));

      for (guint k = 0; k < routes->len; k++)
        {
          SamContactRoute *route = g_ptr_array_index (routes, k);
          g_autofree char *shown = sam_contact_route_dup_display_value (route);
          SamRouteKind kind = sam_contact_route_get_kind (route);

          if (sam_contact_route_get_visibility (route) != SAM_VISIBILITY_INTERNAL)
            continue;
          *phones += kind == SAM_ROUTE_KIND_PHONE || kind == SAM_ROUTE_KIND_ON_CALL_PHONE;
          n += strstr (text, shown) != NULL;
        }
    }
  return n;
}

static void
test_print_no_internal_route (Fixture *f, gconstpointer data)
{
  static const char *audiences[] = { "public", "professional" };
  g_autofree char *pdf = sam_test_cli_path (&f->cli, "sheet.pdf");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (audiences); i++)
    {
      g_autofree char *text = NULL;
      guint phones;

      g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->a, "print", "--sheet",
                                         "directory", "--area", "2480",
                                         "--audience", audiences[i], "-o", pdf), ==, 0);
      text = pdf_text (pdf);
      /* the sheet is there: the public 112 and the on-call social services */
      g_assert_nonnull (strstr (text, "112"));
      g_assert_cmpuint (printed_secrets (f->a, text, &phones), ==, 0);
      g_assert_cmpuint (phones, >, 0);
    }
  /* what a sheet shows is what the one rule lets through */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->a, "print", "--sheet", "directory",
                                     "--audience", "internal", "-o", pdf), ==, 2);
}

/* Path export */

static void
add_named (GHashTable *named, SamEscalationPath *path)
{
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  for (guint s = 0; s < steps->len; s++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, s);
      GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);

      if (sam_escalation_step_get_actor_id (step))
        g_hash_table_add (named, g_strdup (sam_escalation_step_get_actor_id (step)));
      for (guint k = 0; k < fallbacks->len; k++)
        g_hash_table_add (named, g_strdup (((SamStepFallback *) g_ptr_array_index (fallbacks, k))->actor_id));
    }
}

static void
test_path_export_carries_fallbacks (Fixture *f, gconstpointer data)
{
  g_autofree char *out = sam_test_cli_path (&f->cli, "path.xml");
  g_autofree char *b = sam_test_cli_path (&f->cli, "b.sqlite");
  g_autofree char *text = NULL;
  g_autoptr(SamRegisterData) file = NULL;
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) carried = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamEscalationPath) path = NULL;
  guint fallback_only = 0;

  /* a fallback naming an actor no step of the path names */
  {
    g_autoptr(SamStore) store = sam_store_open (f->a, NULL);
    SamEscalationStep *step = NULL;
    GPtrArray *steps;

    path = sam_store_load_path (store, "trafficking-adult", &error);
    g_assert_no_error (error);
    steps = sam_escalation_path_get_steps (path);
    for (guint i = 0; i < steps->len && step == NULL; i++)
      if (sam_escalation_step_get_actor_id (g_ptr_array_index (steps, i)))
        step = g_ptr_array_index (steps, i);
    g_assert_nonnull (step);
    sam_escalation_step_add_fallback (step, "skelleftea-kast", NULL);
    g_assert_true (sam_store_update_path (store, path, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->a, "export", "--path",
                                     "trafficking-adult", out), ==, 0);
  text = read_file (out);
  file = sam_register_xml_parse (text, strlen (text), out, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < file->actors->len; i++)
    g_hash_table_add (carried, (char *) sam_actor_get_id (g_ptr_array_index (file->actors, i)));
  for (guint i = 0; i < file->paths->len; i++)
    add_named (named, g_ptr_array_index (file->paths, i));
  g_assert_cmpuint (g_hash_table_size (named), >, 0);
  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, named);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      {
        g_test_message ("named: %s", (char *) id);
        g_assert_true (g_hash_table_contains (carried, id));
      }
  }
  /* named by that fallback alone */
  for (guint i = 0; i < file->paths->len; i++)
    {
      GPtrArray *steps = sam_escalation_path_get_steps (g_ptr_array_index (file->paths, i));

      for (guint k = 0; k < steps->len; k++)
        fallback_only += g_strcmp0 (sam_escalation_step_get_actor_id (g_ptr_array_index (steps, k)),
                                    "skelleftea-kast") == 0;
    }
  g_assert_cmpuint (fallback_only, ==, 0);
  g_assert_true (g_hash_table_contains (carried, "skelleftea-kast"));
  g_assert_cmpuint (secrets_in (f, text), ==, 0);

  /* the receiving register's paths check clean, and the import says nothing */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", out), ==, 0);
  g_assert_null (strstr (f->cli.err, "warning"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "path", "check"), ==, 0);
}

/* Import: dangling references */

static char *
write_variant (Fixture *f, const char *name, const char * const *edits)
{
  g_autofree char *source = test_data ("valid-small.xml");
  g_autofree char *text = read_file (source);
  char *path = sam_test_cli_path (&f->cli, name);

  for (guint i = 0; edits[i]; i += 2)
    {
      g_auto(GStrv) parts = g_strsplit (text, edits[i], -1);

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      g_free (text);
      text = g_strjoinv (edits[i + 1], parts);
    }
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_import_warns_dangling (Fixture *f, gconstpointer data)
{
  static const char * const gone[] = {
    "actor=\"a1\" route=\"r1\"", "actor=\"a1\" route=\"gone\"",
    "<text xml:lang=\"en\">Call the police.</text>",
    "<text xml:lang=\"en\">Call the police.</text><fallback actor=\"a2\" route=\"also-gone\"/>",
    NULL
  };
  static const char * const changed[] = {
    "actor=\"a1\" route=\"r1\" urgency=\"immediate\">",
    "actor=\"a1\" route=\"gone\" urgency=\"immediate\">",
    "<title xml:lang=\"en\">Suspected trafficking</title>",
    "<title xml:lang=\"en\">Suspected trafficking (changed)</title>",
    NULL
  };
  g_autofree char *small = test_data ("valid-small.xml");
  g_autofree char *gone_path = write_variant (f, "gone.xml", gone);
  g_autofree char *changed_path = write_variant (f, "changed.xml", changed);
  g_autofree char *b = sam_test_cli_path (&f->cli, "b.sqlite");
  g_autofree char *c = sam_test_cli_path (&f->cli, "c.sqlite");

  /* plain: one warning per dangling reference, the import stands */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", gone_path), ==, 0);
  g_assert_cmpuint (count (f->cli.err, "warning:"), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "“gone”"));
  g_assert_nonnull (strstr (f->cli.err, "“also-gone”"));
  g_assert_nonnull (strstr (f->cli.err, "Path “p1”"));

  /* merge */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", c, "import", small), ==, 0);
  g_assert_null (strstr (f->cli.err, "warning"));
  /* the file's source does not own c's copies: its changes are proposals, taken here */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", c, "import", "--merge",
                                     changed_path), ==, 1);
  g_assert_null (strstr (f->cli.err, "warning"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", c, "import", "--merge",
                                     "--prefer", "theirs", changed_path), ==, 0);
  g_assert_cmpuint (count (f->cli.err, "warning:"), ==, 1);
  g_assert_nonnull (strstr (f->cli.err, "it names the contact route “gone”"));
}

static void
test_import_refuses_unknown_actor (Fixture *f, gconstpointer data)
{
  static const char * const nobody[] = {
    "actor=\"a1\" route=\"r1\"", "actor=\"nobody\" route=\"r1\"", NULL
  };
  static const char * const nobody_fallback[] = {
    "<text xml:lang=\"en\">Call the police.</text>",
    "<text xml:lang=\"en\">Call the police.</text><fallback actor=\"nobody\"/>",
    NULL
  };
  g_autofree char *small = test_data ("valid-small.xml");
  g_autofree char *path = write_variant (f, "nobody.xml", nobody);
  g_autofree char *fallback = write_variant (f, "nobody-fallback.xml", nobody_fallback);
  g_autofree char *b = sam_test_cli_path (&f->cli, "b.sqlite");
  g_autofree char *c = sam_test_cli_path (&f->cli, "c.sqlite");

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", path), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "line 39: step “s2” names the actor “nobody”"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", fallback), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "a fallback names the actor “nobody”"));

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", c, "import", small), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", c, "import", "--merge", path), ==, 2);
  g_assert_nonnull (strstr (f->cli.err, "line 39"));
  g_assert_nonnull (strstr (f->cli.err, "neither in the file nor in the register"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", c, "backups"), ==, 1);
}

/* Path check */

static void
test_path_check_refuses (Fixture *f, gconstpointer data)
{
  static const char * const edits[] = {
    "<route id=\"r1\" kind=\"phone\" visibility=\"public\">",
    "<route id=\"r1\" kind=\"phone\" visibility=\"internal\">",
    "<answer next=\"s2\">",
    "<answer next=\"s2\"><label xml:lang=\"sv\">Igen</label><label xml:lang=\"en\">Again</label>"
    "</answer><answer path=\"p1\">",
    NULL
  };
  g_autofree char *path = write_variant (f, "check.xml", edits);
  g_autofree char *b = sam_test_cli_path (&f->cli, "b.sqlite");

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", path), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "path", "check"), ==, 1);
  g_assert_nonnull (strstr (f->cli.out, "it names the internal contact route “r1”"));
  g_assert_nonnull (strstr (f->cli.out, "hands over to this same path"));
  /* the sample's own paths are sound */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", f->a, "path", "check"), ==, 0);

  /* through the core */
  {
    g_autoptr(SamStore) store = sam_store_open (b, NULL);
    g_autoptr(GPtrArray) paths = sam_store_list_paths (store, NULL);
    g_autoptr(GPtrArray) problems = sam_path_check (g_ptr_array_index (paths, 0), paths, store);

    g_assert_cmpuint (problems->len, ==, 2);
  }
}

/* An update from a file that says nothing of when records changed */

static void
test_update_without_updated (Fixture *f, gconstpointer data)
{
  static const char * const edits[] = {
    "<name xml:lang=\"sv\">Polisen</name>", "<name xml:lang=\"sv\">Polisen (ändrad)</name>", NULL
  };
  g_autofree char *small = test_data ("valid-small.xml");
  g_autofree char *changed = write_variant (f, "changed.xml", edits);
  g_autofree char *text = read_file (small);
  g_autofree char *b = sam_test_cli_path (&f->cli, "b.sqlite");

  g_assert_null (strstr (text, "updated="));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", small), ==, 0);
  /* b owns its copy of a1: the file's change is a proposal, taken with --prefer theirs */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", "--merge",
                                     changed), ==, 1);
  g_assert_nonnull (strstr (f->cli.out, "1 conflict"));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", "--merge", "--prefer",
                                     "theirs", changed), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Imported."));
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "show", "--json", "a1"), ==, 0);
  g_assert_nonnull (strstr (f->cli.out, "Polisen (ändrad)"));
  /* the time of the import (SAMVERKAN_NOW) */
  g_assert_nonnull (strstr (f->cli.out, "\"updated_at\" : \"2026-11-25T11:00:00Z\""));
}

/* Failed imports and backups, from the command line */

static void
test_failed_imports_keep_backups (Fixture *f, gconstpointer data)
{
  static const char * const clash[] = {
    "<actor id=\"a1\" kind=\"police\">", "<actor id=\"someone-else\" kind=\"police\">", NULL
  };
  static const char * const changed[] = {
    "<name xml:lang=\"sv\">Polisen</name>", "<name xml:lang=\"sv\">Polisen (ändrad)</name>", NULL
  };
  g_autofree char *small = test_data ("valid-small.xml");
  g_autofree char *path = write_variant (f, "clash.xml", clash);
  g_autofree char *change = write_variant (f, "changed.xml", changed);
  g_autofree char *b = sam_test_cli_path (&f->cli, "b.sqlite");
  g_autofree char *before = NULL;

  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", small), ==, 0);
  /* a file that changes nothing makes no copy; one that changes something does */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", "--merge", small), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "backups"), ==, 1);
  /* a change from a register that does not own a1 is a proposal: no copy until it is taken */
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", "--merge", change), ==, 1);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "backups"), ==, 1);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import", "--merge", "--prefer",
                                     "theirs", change), ==, 0);
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "backups"), ==, 0);
  g_assert_cmpuint (count (f->cli.out, "before an import"), ==, 1);
  before = g_strdup (f->cli.out);
  /* ten imports that fail on an id in use */
  for (guint i = 0; i < 10; i++)
    {
      g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "import",
                                         "--merge", path), ==, 2);
      g_assert_nonnull (strstr (f->cli.err, "“r1”"));
    }
  g_assert_cmpint (sam_test_cli_run (&f->cli, "--register", b, "backups"), ==, 0);
  g_assert_cmpstr (f->cli.out, ==, before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, set_up, fn, tear_down)
  ADD ("/audience/export/default-is-professional", test_export_default_audience);
  ADD ("/audience/export/core-default", test_export_core_default);
  ADD ("/audience/follow/no-internal-route", test_follow_takes_no_internal_route);
  ADD ("/audience/print/no-internal-route", test_print_no_internal_route);
  ADD ("/audience/path-export/fallback-actors", test_path_export_carries_fallbacks);
  ADD ("/audience/import/warns-dangling", test_import_warns_dangling);
  ADD ("/audience/import/refuses-unknown-actor", test_import_refuses_unknown_actor);
  ADD ("/audience/path-check/refuses", test_path_check_refuses);
  ADD ("/audience/import/without-updated", test_update_without_updated);
  ADD ("/audience/backups/failed-imports", test_failed_imports_keep_backups);
#undef ADD
  return g_test_run ();
}
