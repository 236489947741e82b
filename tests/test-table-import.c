/* test-table-import.c — spreadsheets' rows as actors with routes
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sam-backups.h"
#include "sam-errors.h"
#include "sam-export-format.h"
#include "sam-table-hours.h"
#include "sam-table-import.h"
#include "sam-test-cli.h"
#include "sam-test-util.h"

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("SAMVERKAN_TEST_DATA"), "tables", name, NULL);
}

static void
test_hours (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "mån–fre 8–16.30", "Mo-Fr 08:00-16:30" },
    { "Mån-Fre 08.00-16.30, lör 10-14", "Mo-Fr 08:00-16:30; Sa 10:00-14:00" },
    { "Dygnet runt", "24/7" },
    { "vardagar 8-12 och 13-16", "Mo-Fr 08:00-12:00,13:00-16:00" },
    { "mån, ons 13-16; tors 9-12", "Mo,We 13:00-16:00; Th 09:00-12:00" },
    { "tis och tors 13–16", "Tu,Th 13:00-16:00" },
    { "mån-fre kl. 9-15. Helgdagar stängt", "Mo-Fr 09:00-15:00; PH off" },
    { "Mon-Fri 9-17, Sat 10-14", "Mo-Fr 09:00-17:00; Sa 10:00-14:00" },
    { "Mo-Fr 08:00-16:30", "Mo-Fr 08:00-16:30" },
    { "fre-mån 20-08", "Mo,Fr-Su 20:00-08:00" },
  };
  static const char * const refused[] = { "ibland på förmiddagar", "8-16", "mån–fre", "mån 25-26" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *hours = sam_table_hours_parse (cases[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hours, ==, cases[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *hours = sam_table_hours_parse (refused[i], &error);

      g_assert_null (hours);
      g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
    }
}

static void
test_headings (void)
{
  /* exactly the headings of the CSV export */
  static const struct { const char *heading; SamTableField field; } cases[] = {
    { "Id", SAM_TABLE_FIELD_ID }, { "Name", SAM_TABLE_FIELD_NAME },
    { "Name (English)", SAM_TABLE_FIELD_NAME_EN }, { "Kind", SAM_TABLE_FIELD_KIND },
    { "Municipality", SAM_TABLE_FIELD_AREA }, { "Phone", SAM_TABLE_FIELD_PHONE },
    { "On call", SAM_TABLE_FIELD_ON_CALL }, { "E-mail", SAM_TABLE_FIELD_EMAIL },
    { "Web", SAM_TABLE_FIELD_WEB }, { "Address", SAM_TABLE_FIELD_ADDRESS },
    { "Hours", SAM_TABLE_FIELD_HOURS }, { "Target group", SAM_TABLE_FIELD_TARGET_GROUP },
    { "Languages", SAM_TABLE_FIELD_LANGUAGES }, { "Note", SAM_TABLE_FIELD_NOTE },
    /* and as people write them */
    { "Verksamhet", SAM_TABLE_FIELD_NAME }, { "Organisation", SAM_TABLE_FIELD_NAME },
    { "TELEFON", SAM_TABLE_FIELD_PHONE }, { "Telefon dagtid", SAM_TABLE_FIELD_PHONE },
    { "Jourtelefon", SAM_TABLE_FIELD_ON_CALL }, { "Telefon (jour)", SAM_TABLE_FIELD_ON_CALL },
    { "E-post", SAM_TABLE_FIELD_EMAIL }, { "Webb", SAM_TABLE_FIELD_WEB },
    { "Besöksadress", SAM_TABLE_FIELD_ADDRESS }, { "Postadress", SAM_TABLE_FIELD_POSTAL_ADDRESS },
    { "Öppettider:", SAM_TABLE_FIELD_HOURS }, { "Kommun", SAM_TABLE_FIELD_AREA },
    { "Målgrupp", SAM_TABLE_FIELD_TARGET_GROUP }, { "Språk", SAM_TABLE_FIELD_LANGUAGES },
    { "Anteckning", SAM_TABLE_FIELD_NOTE }, { "Typ", SAM_TABLE_FIELD_KIND },
    { "Senast ändrad", SAM_TABLE_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].heading);
      g_assert_cmpint (sam_table_field_from_heading (cases[i].heading), ==, cases[i].field);
    }
}

static void
test_content (void)
{
  static const char *phones[] = { "090-16 10 00", "", "070-123 45 67 / 0771-14 14 00", "112" };
  static const char *mails[] = { "a@b.se", "info@kvinnojour.example", "" };
  static const char *hours[] = { "mån–fre 8–16.30", "Dygnet runt", "vardagar 9-15" };
  static const char *names[] = { "Socialjouren", "Polisen", "Kvinnojouren" };
  GPtrArray values = { 0 };

  values.pdata = (gpointer *) phones, values.len = G_N_ELEMENTS (phones);
  g_assert_cmpint (sam_table_field_from_values (&values), ==, SAM_TABLE_FIELD_PHONE);
  values.pdata = (gpointer *) mails, values.len = G_N_ELEMENTS (mails);
  g_assert_cmpint (sam_table_field_from_values (&values), ==, SAM_TABLE_FIELD_EMAIL);
  values.pdata = (gpointer *) hours, values.len = G_N_ELEMENTS (hours);
  g_assert_cmpint (sam_table_field_from_values (&values), ==, SAM_TABLE_FIELD_HOURS);
  values.pdata = (gpointer *) names, values.len = G_N_ELEMENTS (names);
  g_assert_cmpint (sam_table_field_from_values (&values), ==, SAM_TABLE_FIELD_IGNORE);
}

typedef struct {
  char *dir;
  SamStore *store;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", data != NULL);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

static SamTableImport *
open_import (Fixture *f, const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  SamTableImport *import = sam_table_import_new (f->store, path, &error);

  g_assert_no_error (error);
  return import;
}

static SamActor *
find_actor (GPtrArray *actors, const char *name)
{
  for (guint i = 0; i < actors->len; i++)
    if (g_str_equal (sam_text_get (sam_actor_get_name (g_ptr_array_index (actors, i)), SAM_LANG_SV),
                     name))
      return g_ptr_array_index (actors, i);
  g_assert_not_reached ();
}

static char *
route_values (SamActor *actor)
{
  GPtrArray *routes = sam_actor_get_routes (actor);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      const char *label = sam_text_get (sam_contact_route_get_label (route), SAM_LANG_SV);

      g_string_append_printf (out, "%s%s=%s%s%s", i ? " " : "",
                              sam_route_kind_to_string (sam_contact_route_get_kind (route)),
                              sam_contact_route_get_value (route), label ? ":" : "",
                              label ? label : "");
      g_assert_cmpint (sam_contact_route_get_visibility (route), ==, SAM_VISIBILITY_PROFESSIONAL);
    }
  return g_string_free (out, FALSE);
}

static void
test_excel_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(SamTableImport) import = open_import (f, "skane-excel.csv");
  GPtrArray *actors = sam_table_import_get_actors (import);
  GPtrArray *problems = sam_table_import_get_problems (import);
  SamActor *actor = find_actor (actors, "Socialtjänsten Malmö, vuxenenheten");
  g_autofree char *routes = route_values (actor);
  g_autofree char *hours = sam_schedule_to_string (sam_actor_get_hours (actor));
  SamTableProblem *problem;

  g_assert_cmpuint (sam_table_import_get_heading_row (import), ==, 1);
  g_assert_cmpstr (routes, ==, "phone=+4640341000 on-call-phone=+4640341200 "
                               "email=vuxenenheten@malmo.example web=https://malmo.example/vuxen "
                               "visiting-address=Östra Förstadsgatan 34, 205 80 Malmö");
  g_assert_cmpstr (hours, ==, "Mo-Fr 08:00-16:30");
  g_assert_cmpint (sam_actor_get_kind (actor), ==, SAM_ACTOR_KIND_SOCIAL_SERVICES);
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (actor), 0), ==, "1280");
  g_assert_cmpuint (sam_actor_get_languages (actor)->len, ==, 3);
  /* two numbers in one cell are two routes */
  g_clear_pointer (&routes, g_free);
  routes = route_values (find_actor (actors, "Mottagningen för unga, Helsingborg"));
  g_assert_cmpstr (routes, ==, "phone=+4642105000 phone=+46701234567 "
                               "visiting-address=Drottninggatan 1, Helsingborg");
  /* a county by its name, a short number */
  actor = find_actor (actors, "Polisen region Syd");
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (actor), 0), ==, "12");
  g_assert_cmpint (sam_actor_get_kind (actor), ==, SAM_ACTOR_KIND_POLICE);
  /* rows 9 and 10 are left out, with their row numbers and reasons */
  g_assert_cmpuint (actors->len, ==, 6);
  g_assert_cmpuint (problems->len, ==, 2);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->row, ==, 9);
  g_assert_cmpstr (problem->column, ==, "Telefon");
  g_assert_cmpstr (problem->value, ==, "0411-abc");
  g_assert_true (problem->skipped);
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpuint (problem->row, ==, 10);
  g_assert_cmpstr (problem->column, ==, "Öppettider");
}

static void
test_review (Fixture *f, gconstpointer data)
{
  g_autoptr(SamTableImport) import = open_import (f, "skane-excel.csv");
  g_autoptr(GError) error = NULL;
  SamActor *actor;

  sam_table_import_set_on_error (import, SAM_TABLE_ON_ERROR_REVIEW);
  g_assert_true (sam_table_import_prepare (import, &error));
  g_assert_cmpuint (sam_table_import_get_actors (import)->len, ==, 8);
  g_assert_false (((SamTableProblem *) g_ptr_array_index (sam_table_import_get_problems (import),
                                                          0))->skipped);
  actor = find_actor (sam_table_import_get_actors (import), "Stödlinjen Ystad");
  g_assert_cmpuint (sam_actor_get_routes (actor)->len, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_tags (actor), 0), ==, SAM_TABLE_REVIEW_TAG);
  /* what the cell held is kept */
  g_assert_nonnull (strstr (sam_text_get (sam_actor_get_description (actor), SAM_LANG_SV),
                            "Telefon: ”0411-abc” (rad 9)"));
  g_assert_nonnull (strstr (sam_text_get (sam_actor_get_description (actor), SAM_LANG_SV),
                            "Numret ska kontrolleras"));
}

static void
test_english_export (Fixture *f, gconstpointer data)
{
  g_autoptr(SamTableImport) import = open_import (f, "vastra-gotaland-libreoffice.csv");
  GPtrArray *actors = sam_table_import_get_actors (import);
  SamActor *actor = find_actor (actors, "Kvinnojouren i Borås");
  g_autofree char *hours = sam_schedule_to_string (sam_actor_get_hours (actor));

  g_assert_cmpuint (actors->len, ==, 6);
  g_assert_cmpuint (sam_table_import_get_problems (import)->len, ==, 0);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (actor), SAM_LANG_EN), ==,
                   "Women's shelter Borås");
  g_assert_cmpint (sam_actor_get_kind (actor), ==, SAM_ACTOR_KIND_SHELTER);
  g_assert_cmpstr (hours, ==, "Mo-Fr 09:00-16:00");
  g_assert_cmpuint (sam_actor_get_target_groups (actor)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (actor), 0), ==, "1490");
}

static void
test_mixed_phones (Fixture *f, gconstpointer data)
{
  g_autoptr(SamTableImport) import = open_import (f, "mixed-phones.csv");
  GPtrArray *actors = sam_table_import_get_actors (import);
  g_autofree char *lycksele = route_values (find_actor (actors, "Mottagningen Lycksele"));
  static const struct { const char *name, *number; } cases[] = {
    { "Socialtjänsten Umeå", "+4690161000" }, { "Socialtjänsten Skellefteå", "+46910735000" },
    { "Socialjouren Umeå", "+4690161000" }, { "Kvinnojouren Umeå", "+46907077777" },
    { "Brottsofferjouren Västerbotten", "+4690141100" }, { "Polisen", "11414" },
    { "Sjukvårdsrådgivningen", "1177" }, { "Nationella stödlinjen", "+4620505050" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SamActor *actor = find_actor (actors, cases[i].name);
      SamContactRoute *route = g_ptr_array_index (sam_actor_get_routes (actor), 0);
      g_assert_cmpstr (sam_contact_route_get_value (route), ==, cases[i].number);
    }
  g_assert_cmpstr (lycksele, ==, "phone=+4695016600:Växel phone=+46702345678:Jour");
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (find_actor (actors, "Polisen")), 0),
                   ==, "SE");
  /* the number a digit short is a problem of row 12 */
  g_assert_cmpuint (sam_table_import_get_problems (import)->len, ==, 1);
  g_assert_cmpuint (((SamTableProblem *) g_ptr_array_index (sam_table_import_get_problems (import),
                                                            0))->row, ==, 12);
}

static void
test_merged_header (Fixture *f, gconstpointer data)
{
  g_autoptr(SamTableImport) import = open_import (f, "merged-header.ods");
  GPtrArray *actors = sam_table_import_get_actors (import);
  g_autofree char *routes = route_values (find_actor (actors, "Socialtjänsten Landskrona"));

  g_assert_cmpuint (sam_table_import_get_heading_row (import), ==, 4);
  g_assert_cmpstr (sam_table_import_get_heading (import, 2), ==, "Telefon – Dagtid");
  g_assert_cmpint (sam_table_import_get_field (import, 2), ==, SAM_TABLE_FIELD_PHONE);
  g_assert_cmpint (sam_table_import_get_field (import, 3), ==, SAM_TABLE_FIELD_ON_CALL);
  g_assert_cmpuint (actors->len, ==, 4);
  g_assert_cmpstr (routes, ==, "phone=+46418470000 on-call-phone=+46418473000 "
                               "email=socialtjansten@landskrona.example");
  /* the municipality merged over two rows is both rows' */
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (find_actor (actors,
                                                                       "Familjefrid Landskrona")),
                                      0), ==, "1282");
}

static void
test_map_and_area (Fixture *f, gconstpointer data)
{
  g_autoptr(SamTableImport) import = open_import (f, "mixed-phones.csv");
  g_autoptr(GError) error = NULL;

  /* the phone column read as on-call phones instead; the municipality ignored */
  g_assert_true (sam_table_import_map (import, "Telefon=on-call", &error));
  g_assert_true (sam_table_import_map (import, "B=ignore", &error));
  g_assert_true (sam_table_import_prepare (import, &error));
  g_assert_cmpuint (sam_table_import_get_actors (import)->len, ==, 0);
  g_assert_true (sam_table_import_set_area (import, "2480", &error));
  g_assert_true (sam_table_import_prepare (import, &error));
  g_assert_cmpuint (sam_table_import_get_actors (import)->len, ==, 10);
  g_assert_cmpint (sam_contact_route_get_kind (g_ptr_array_index (sam_actor_get_routes (
                     g_ptr_array_index (sam_table_import_get_actors (import), 0)), 0)), ==,
                   SAM_ROUTE_KIND_ON_CALL_PHONE);
  g_assert_false (sam_table_import_map (import, "Nope=phone", &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_table_import_map (import, "Telefon=fax", &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_table_import_set_area (import, "9999", &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
}

static void
test_apply (Fixture *f, gconstpointer data)
{
  g_autoptr(SamTableImport) import = open_import (f, "skane-excel.csv");
  g_autoptr(SamTableImport) again = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0, merged = 0;

  /* nothing is written before apply */
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 0);
  g_assert_true (sam_table_import_apply (import, &added, &merged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 6);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 6);
  backups = sam_backups_list (f->store, &error);
  g_assert_cmpuint (backups->len, ==, 1);

  /* the same file again: every row is offered for merging, nothing doubles */
  again = open_import (f, "skane-excel.csv");
  g_assert_cmpuint (sam_table_import_get_duplicates (again)->len, ==, 6);
  g_assert_cmpstr (((SamTableDuplicate *) g_ptr_array_index (sam_table_import_get_duplicates (again),
                                                             0))->reason, ==,
                   "the same name and area");
  g_assert_true (sam_table_import_apply (again, &added, &merged, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (merged, ==, 0);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 6);
  /* a import that changed nothing keeps no copy */
  listed = sam_backups_list (f->store, &error);
  g_assert_cmpuint (listed->len, ==, 1);
}

static void
test_merge_by_number (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "more.csv", NULL);
  g_autoptr(SamTableImport) first = open_import (f, "mixed-phones.csv");
  g_autoptr(SamTableImport) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) merged_actor = NULL;
  SamTableDuplicate *duplicate;
  guint added, merged;

  g_assert_true (sam_table_import_apply (first, &added, &merged, &error));
  /* another name, the same number, and a new one for the actor */
  g_assert_true (g_file_set_contents (path, "Namn;Kommun;Telefon;Jour\n"
                                      "Kvinnojour;Umeå;090-707 77 77;090-16 12 34\n", -1, NULL));
  second = sam_table_import_new (f->store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_table_import_get_duplicates (second)->len, ==, 1);
  duplicate = g_ptr_array_index (sam_table_import_get_duplicates (second), 0);
  g_assert_cmpstr (duplicate->reason, ==, "the same number, 090-707 77 77");
  g_assert_true (sam_table_import_apply (second, &added, &merged, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (merged, ==, 1);
  merged_actor = sam_store_load_actor (f->store, duplicate->existing_id, &error);
  g_assert_cmpuint (sam_actor_get_routes (merged_actor)->len, ==, 2);
}

/* The same actor twice in one sheet is offered for merging too */
static void
test_twice_in_sheet (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "twice.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamTableImport) import = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  SamTableDuplicate *duplicate;
  guint added, merged;

  g_assert_true (g_file_set_contents (path, "Namn;Kommun;Telefon;Jour\n"
                                      "Socialtjänsten;Umeå;090-16 10 00;\n"
                                      "Socialtjänsten;Umeå;;090-16 12 34\n", -1, NULL));
  import = sam_table_import_new (f->store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_table_import_get_duplicates (import)->len, ==, 1);
  duplicate = g_ptr_array_index (sam_table_import_get_duplicates (import), 0);
  g_assert_cmpuint (duplicate->row, ==, 3);
  g_assert_cmpstr (duplicate->reason, ==, "the same name and area, in row 2 of this sheet");
  g_assert_true (sam_table_import_apply (import, &added, &merged, &error));
  g_assert_no_error (error);
  actors = sam_store_list_actors (f->store, &error);
  g_assert_cmpuint (actors->len, ==, 1);
  g_assert_cmpuint (sam_actor_get_routes (g_ptr_array_index (actors, 0))->len, ==, 2);
}

/* A number Excel kept as a number has lost its 0 */
static void
test_excel_number (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "numbers.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamTableImport) import = NULL;
  SamActor *actor;

  g_assert_true (g_file_set_contents (path, "Namn;Kommun;Telefon;Jour\n"
                                      "Socialtjänsten;Umeå;90161000;1177\n", -1, NULL));
  import = sam_table_import_new (f->store, path, &error);
  g_assert_no_error (error);
  actor = g_ptr_array_index (sam_table_import_get_actors (import), 0);
  g_assert_cmpstr (sam_contact_route_get_value (g_ptr_array_index (sam_actor_get_routes (actor), 0)),
                   ==, "+4690161000");
  g_assert_cmpstr (sam_contact_route_get_value (g_ptr_array_index (sam_actor_get_routes (actor), 1)),
                   ==, "1177");
}

static void
test_no_names (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "numbers.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamTableImport) import = NULL;

  g_assert_true (g_file_set_contents (path, "Telefon;E-post\n090-16 10 00;a@b.se\n", -1, NULL));
  import = sam_table_import_new (f->store, path, &error);
  g_assert_null (import);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "--map"));
}

/* The CSV export, read back: every actor with its id, names, kind, areas,
 * groups, languages, hours and the routes the audience may see. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exported = sam_store_list_actors (f->store, &error);
  g_autoptr(SamStore) empty = sam_test_open_store (f->dir, "empty.sqlite", FALSE);
  g_autoptr(SamTableImport) import = NULL;
  guint added, merged;

  g_assert_true (sam_export_actors_to_file (exported, SAM_EXPORT_FORMAT_CSV,
                                            SAM_VISIBILITY_PROFESSIONAL, SAM_LANG_SV, file, NULL,
                                            &error));
  g_assert_no_error (error);
  import = sam_table_import_new (empty, path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sam_table_import_get_problems (import)->len; i++)
    {
      SamTableProblem *p = g_ptr_array_index (sam_table_import_get_problems (import), i);
      g_test_message ("row %u, %s: %s: %s", p->row, p->column, p->value, p->reason);
    }
  g_assert_cmpuint (sam_table_import_get_problems (import)->len, ==, 0);
  g_assert_true (sam_table_import_apply (import, &added, &merged, &error));
  g_assert_cmpuint (added, ==, exported->len);
  for (guint i = 0; i < exported->len; i++)
    {
      SamActor *before = g_ptr_array_index (exported, i);
      g_autoptr(SamActor) after = sam_store_load_actor (empty, sam_actor_get_id (before), &error);
      g_autofree char *hours_before = sam_actor_get_hours (before)
                                      ? sam_schedule_to_string (sam_actor_get_hours (before)) : NULL;
      g_autofree char *hours_after = sam_actor_get_hours (after)
                                     ? sam_schedule_to_string (sam_actor_get_hours (after)) : NULL;
      guint phones = 0, phones_after = 0;

      g_assert_no_error (error);
      g_assert_true (sam_text_equal (sam_actor_get_name (before), sam_actor_get_name (after)));
      g_assert_cmpint (sam_actor_get_kind (before), ==, sam_actor_get_kind (after));
      g_assert_cmpuint (sam_actor_get_areas (before)->len, ==, sam_actor_get_areas (after)->len);
      g_assert_cmpuint (sam_actor_get_target_groups (before)->len, ==,
                        sam_actor_get_target_groups (after)->len);
      g_assert_cmpuint (sam_actor_get_languages (before)->len, ==,
                        sam_actor_get_languages (after)->len);
      g_assert_cmpstr (hours_before, ==, hours_after);
      /* the export's columns carry phones and on-call phones (text
       * messages go into its note) */
      for (guint r = 0; r < sam_actor_get_routes (before)->len; r++)
        {
          SamContactRoute *route = g_ptr_array_index (sam_actor_get_routes (before), r);
          SamRouteKind kind = sam_contact_route_get_kind (route);
          phones += (kind == SAM_ROUTE_KIND_PHONE || kind == SAM_ROUTE_KIND_ON_CALL_PHONE) &&
                    sam_contact_route_get_visibility (route) != SAM_VISIBILITY_INTERNAL;
        }
      for (guint r = 0; r < sam_actor_get_routes (after)->len; r++)
        {
          SamRouteKind kind = sam_contact_route_get_kind (g_ptr_array_index (
                                sam_actor_get_routes (after), r));
          phones_after += kind == SAM_ROUTE_KIND_PHONE || kind == SAM_ROUTE_KIND_ON_CALL_PHONE;
        }
      g_test_message ("%s", sam_actor_get_id (before));
      /* every dialable number for professionals, none lost */
      g_assert_cmpuint (phones_after, ==, phones);
    }
}

/* An id of the sheet that a deleted actor had: the row comes in under an
 * id of its own, and the deleted actor stays deleted */
static void
test_deleted_id (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actors = sam_store_list_actors (f->store, &error);
  g_autoptr(SamTableImport) import = NULL;
  SamActor *gone = g_ptr_array_index (actors, 0);
  g_autoptr(SamActor) still_gone = NULL;
  guint added = 0, merged = 0;

  g_assert_true (sam_export_actors_to_file (actors, SAM_EXPORT_FORMAT_CSV,
                                            SAM_VISIBILITY_PROFESSIONAL, SAM_LANG_SV, file, NULL,
                                            &error));
  g_assert_true (sam_store_delete_actor (f->store, sam_actor_get_id (gone),
                                         sam_actor_get_revision (gone), &error));
  import = sam_table_import_new (f->store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_table_import_get_duplicates (import)->len, ==, actors->len - 1);
  g_assert_true (sam_table_import_apply (import, &added, &merged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (merged, ==, 0);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, actors->len);
  still_gone = sam_store_load_actor (f->store, sam_actor_get_id (gone), &error);
  g_assert_null (still_gone);
}

static void
read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  SamTableImport **out = data;
  g_autoptr(GError) error = NULL;

  *out = sam_table_import_new_finish (SAM_STORE (source), result, &error);
  g_assert_no_error (error);
}

/* Read in a thread on a connection of its own, then imported through the
 * caller's store */
static void
test_async (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("skane-libreoffice.xlsx");
  g_autoptr(SamTableImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0, merged = 0;

  sam_table_import_new_async (f->store, path, NULL, read_cb, &import);
  while (import == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (sam_table_import_get_actors (import)->len, ==, 6);
  g_assert_true (sam_table_import_apply (import, &added, &merged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 6);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 6);
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *reg = g_build_filename (f->dir, "register.sqlite", NULL);
  g_autofree char *good = data_path ("skane-excel.csv");
  SamTestCli cli;

  sam_test_cli_init (&cli);
  g_clear_object (&f->store);
  g_assert_cmpint (sam_test_cli_run (&cli, "--register", reg, "import-table", "--dry-run", good),
                   ==, 0);
  g_assert_nonnull (strstr (cli.out, "Öppettider → hours"));
  g_assert_nonnull (strstr (cli.out, "Row 9, Telefon: “0411-abc”"));
  g_assert_nonnull (strstr (cli.out, "Nothing was written"));
  g_assert_cmpint (sam_test_cli_run (&cli, "--register", reg, "import-table", "--map", "X=phone",
                                     good), ==, 2);
  g_assert_nonnull (strstr (cli.err, "no column “X”"));
  g_assert_cmpint (sam_test_cli_run (&cli, "--register", reg, "import-table", "/nonexistent.csv"),
                   ==, 2);
  f->store = sam_store_open (reg, NULL);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 0);
  g_clear_object (&f->store);
  g_assert_cmpint (sam_test_cli_run (&cli, "--register", reg, "import-table", "--on-error", "review",
                                     good), ==, 0);
  g_assert_nonnull (strstr (cli.out, "actors added: 8"));
  f->store = sam_store_open (reg, NULL);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 8);
  sam_test_cli_clear (&cli);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table/hours", test_hours);
  g_test_add_func ("/table/headings", test_headings);
  g_test_add_func ("/table/content", test_content);
#define ADD(name, fn) g_test_add ("/table/import/" name, Fixture, NULL, set_up, fn, tear_down)
  ADD ("excel-rows", test_excel_rows);
  ADD ("review", test_review);
  ADD ("english-export", test_english_export);
  ADD ("mixed-phones", test_mixed_phones);
  ADD ("merged-header", test_merged_header);
  ADD ("map-and-area", test_map_and_area);
  ADD ("apply", test_apply);
  ADD ("merge-by-number", test_merge_by_number);
  ADD ("no-names", test_no_names);
  ADD ("excel-number", test_excel_number);
  ADD ("twice-in-sheet", test_twice_in_sheet);
  ADD ("async", test_async);
  g_test_add ("/table/import/deleted-id", Fixture, "sample", set_up, test_deleted_id, tear_down);
  g_test_add ("/table/import/round-trip", Fixture, "sample", set_up, test_round_trip, tear_down);
  ADD ("cli", test_cli);
#undef ADD
  return g_test_run ();
}
