/* test-sheet.c
 *
 * Printed contact sheets. For every sample path (escalation sheet) and
 * every sample municipality (area directory, pocket cards), in Swedish and
 * English, for the public and for professionals: the PDF's text never
 * holds an internal route's value (nor, on a public sheet, a professional
 * one's) in any formatting, and does hold the public routes it should;
 * headings are in the sheet's language; every text run stays inside its box
 * and the page, and no two boxes overlap; fonts are embedded. The options,
 * the errors, and `samverkan-cli print`. How a long directory and a short
 * path are laid out is in test-sheet-layout.c.
 *
 * Tests that read PDFs skip without pdftotext or pdffonts (poppler-utils).
 * With SAMVERKAN_SHEET_PDF_DIR set the sample sheets are also kept there.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "sam-areas.h"
#include "sam-errors.h"
#include "sam-phone.h"
#include "sam-query.h"
#include "sam-sheet.h"
#include "sam-test-cli.h"
#include "sam-test-sheet.h"
#include "sam-test-sheet-sample.h"
#include "sam-test-util.h"

static gboolean
have_tools (void)
{
  return sam_test_need_poppler ("pdftotext") && sam_test_need_poppler ("pdffonts");
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Whether @text holds the route's value in any way a sheet could write it:
 * as stored, as displayed ("090-16 33 90"), or broken over lines. */
static gboolean
text_has_route (const char *text, const char *stripped, SamContactRoute *route)
{
  g_autofree char *display = sam_contact_route_dup_display_value (route);
  g_autofree char *display_stripped = strip_spaces (display);
  g_autofree char *value_stripped = strip_spaces (sam_contact_route_get_value (route));

  return strstr (text, sam_contact_route_get_value (route)) != NULL || strstr (text, display) != NULL ||
         strstr (stripped, display_stripped) != NULL || strstr (stripped, value_stripped) != NULL;
}

static gboolean
allowed (SamContactRoute *route, SamAudience audience)
{
  SamVisibility v = sam_contact_route_get_visibility (route);

  return v == SAM_VISIBILITY_PUBLIC || (v == SAM_VISIBILITY_PROFESSIONAL && audience == SAM_AUDIENCE_PROFESSIONAL);
}

/* No route the audience may not see is in @text, unless the same value
 * is also a route it may see (the police's 114 14 is public and also an
 * agency's way in). */
static void
assert_no_leak (SamTestSheetSample *f, const char *text, SamAudience audience, const char *what)
{
  g_autofree char *stripped = strip_spaces (text);
  g_autoptr(GHashTable) open = g_hash_table_new (g_str_hash, g_str_equal);
  guint checked = 0;

  for (guint i = 0; i < f->actors->len; i++)
    {
      GPtrArray *routes = sam_actor_get_routes (g_ptr_array_index (f->actors, i));

      for (guint k = 0; k < routes->len; k++)
        if (allowed (g_ptr_array_index (routes, k), audience))
          g_hash_table_add (open, (char *) sam_contact_route_get_value (g_ptr_array_index (routes, k)));
    }
  for (guint i = 0; i < f->actors->len; i++)
    {
      GPtrArray *routes = sam_actor_get_routes (g_ptr_array_index (f->actors, i));

      for (guint k = 0; k < routes->len; k++)
        {
          SamContactRoute *route = g_ptr_array_index (routes, k);

          if (allowed (route, audience) || g_hash_table_contains (open, sam_contact_route_get_value (route)))
            continue;
          checked++;
          if (text_has_route (text, stripped, route))
            g_error ("%s: the %s route %s (%s) is on the sheet", what,
                     sam_visibility_to_string (sam_contact_route_get_visibility (route)),
                     sam_contact_route_get_id (route), sam_contact_route_get_value (route));
        }
    }
  g_assert_cmpuint (checked, >, 0);
}

static void
assert_route_shown (const char *text, SamContactRoute *route, const char *what)
{
  g_autofree char *stripped = strip_spaces (text);

  if (!text_has_route (text, stripped, route))
    g_error ("%s: the route %s (%s) is missing", what, sam_contact_route_get_id (route),
             sam_contact_route_get_value (route));
}

/* Every font in the file embedded. */
static void
assert_fonts_embedded (const char *pdf, const char *what)
{
  g_autofree char *out = sam_test_run_tool ((const char * const []) { "pdffonts", pdf, NULL });
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint fonts = 0;

  /* name type encoding emb sub uni object ID: the third and second last
   * columns before the object number are emb, sub, uni */
  for (guint i = 2; lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint k = 0; cols[k]; k++)
        if (*cols[k])
          g_ptr_array_add (words, cols[k]);
      if (words->len < 7)
        continue;
      fonts++;
      if (!g_str_equal (g_ptr_array_index (words, words->len - 5), "yes"))
        g_error ("%s: a font is not embedded: %s", what, lines[i]);
    }
  g_assert_cmpuint (fonts, >, 0);
}

/* Writes the sheet and returns the PDF's text; checks boxes and fonts. */
static char *
write_and_read (SamTestSheetSample *f, SamSheet *sheet, const char *name)
{
  g_autofree char *pdf = sam_test_write_sheet (sheet, f->dir, name);
  char *text;

  sam_test_assert_sheet_boxes (sheet, name);
  assert_fonts_embedded (pdf, name);
  text = sam_test_pdf_text (pdf, 0);
  g_remove (pdf);
  return text;
}

static const char *
audience_word (SamLang lang, SamAudience audience)
{
  if (lang == SAM_LANG_SV)
    return audience == SAM_AUDIENCE_PUBLIC ? "Offentlig version" : "För yrkesverksamma";
  return audience == SAM_AUDIENCE_PUBLIC ? "Public version" : "For professionals";
}

static void
test_route_allowed (void)
{
  g_autoptr(SamContactRoute) route = sam_contact_route_new ("r");

  sam_contact_route_set_visibility (route, SAM_VISIBILITY_PUBLIC);
  g_assert_true (sam_sheet_route_allowed (route, SAM_AUDIENCE_PUBLIC));
  g_assert_true (sam_sheet_route_allowed (route, SAM_AUDIENCE_PROFESSIONAL));
  sam_contact_route_set_visibility (route, SAM_VISIBILITY_PROFESSIONAL);
  g_assert_false (sam_sheet_route_allowed (route, SAM_AUDIENCE_PUBLIC));
  g_assert_true (sam_sheet_route_allowed (route, SAM_AUDIENCE_PROFESSIONAL));
  sam_contact_route_set_visibility (route, SAM_VISIBILITY_INTERNAL);
  g_assert_false (sam_sheet_route_allowed (route, SAM_AUDIENCE_PUBLIC));
  g_assert_false (sam_sheet_route_allowed (route, SAM_AUDIENCE_PROFESSIONAL));
}

static void
test_options (void)
{
  SamSheetKind kind;
  SamAudience audience;
  SamPaper paper;
  double w, h;

  g_assert_true (sam_sheet_kind_from_string ("directory", &kind));
  g_assert_cmpint (kind, ==, SAM_SHEET_DIRECTORY);
  g_assert_false (sam_sheet_kind_from_string ("poster", &kind));
  g_assert_true (sam_audience_from_string ("professional", &audience));
  g_assert_cmpint (audience, ==, SAM_AUDIENCE_PROFESSIONAL);
  /* there is no internal audience */
  g_assert_false (sam_audience_from_string ("internal", &audience));
  g_assert_true (sam_paper_from_string ("letter", &paper));
  sam_paper_get_size (SAM_PAPER_A4, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
}

/* The routes the path's action steps name. */
static void
assert_path_routes (SamTestSheetSample *f, SamEscalationPath *path, const char *text,
                    SamAudience audience, const char *what)
{
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      const char *route_id = sam_escalation_step_get_route_id (step);
      g_autoptr(SamActor) actor = NULL;
      SamContactRoute *route;

      if (route_id == NULL)
        continue;
      actor = sam_store_load_actor (f->store, sam_escalation_step_get_actor_id (step), NULL);
      g_assert_nonnull (actor);
      /* the actor is in the contacts whatever the audience */
      sam_test_assert_sheet_has (text, sam_text_get_best (sam_actor_get_name (actor),
                                                          strstr (what, "-sv") ? SAM_LANG_SV
                                                                               : SAM_LANG_EN,
                                                          NULL),
                                 what);
      route = sam_actor_find_route (actor, route_id);
      if (allowed (route, audience))
        assert_route_shown (text, route, what);
    }
}

static void
test_escalation (SamTestSheetSample *f, gconstpointer data)
{
  if (!have_tools ())
    return;
  g_assert_cmpuint (f->paths->len, ==, 4);
  for (guint i = 0; i < f->paths->len; i++)
    for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
      for (SamAudience audience = 0; audience < SAM_N_AUDIENCES; audience++)
        {
          SamEscalationPath *path = g_ptr_array_index (f->paths, i);
          g_autofree char *name = g_strdup_printf ("escalation-%s-%s-%s.pdf", sam_escalation_path_get_id (path),
                                                   sam_lang_to_string (lang), sam_audience_to_string (audience));
          g_autoptr(SamSheet) sheet = sam_test_make_sheet (f->store, SAM_SHEET_ESCALATION, lang,
                                                           audience,
                                                           sam_escalation_path_get_id (path), NULL);
          g_autofree char *text = write_and_read (f, sheet, name);

          /* one A4 page for one path, or two with its chart readable */
          g_assert_cmpuint (sam_sheet_get_n_pages (sheet), <=, 2);
          g_assert_cmpfloat (sam_sheet_get_chart_font_size (sheet), >=, 7 - 0.01);
          assert_no_leak (f, text, audience, name);
          assert_path_routes (f, path, text, audience, name);
          sam_test_assert_sheet_has (text,
                                     sam_text_get (sam_escalation_path_get_title (path), lang),
                                     name);
          sam_test_assert_sheet_has (text, lang == SAM_LANG_SV ? "Kontakter" : "Contacts", name);
          sam_test_assert_sheet_has (text, lang == SAM_LANG_SV ? "Akut fara? Ring"
                                                               : "Immediate danger? Call",
                                     name);
          sam_test_assert_sheet_has (text, "112", name);
          sam_test_assert_sheet_has (text, lang == SAM_LANG_SV ? "Verifierad" : "Verified", name);
          sam_test_assert_sheet_has (text, lang == SAM_LANG_SV ? "Utskriven" : "Printed", name);
          sam_test_assert_sheet_has (text, lang == SAM_LANG_SV ? "version 1" : "version 1", name);
          sam_test_assert_sheet_has (text, audience_word (lang, audience), name);
        }
}

/* A step that names a role: a county's sheet lists the number of each
 * municipality that has one, saying for which; the chart says the role.
 * A municipality's sheet lists its own and not the path's stand-in. */
static void
test_role_numbers (SamTestSheetSample *f, gconstpointer data)
{
  if (!have_tools ())
    return;
  for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
    {
      g_autoptr(SamSheet) county = sam_test_make_sheet (f->store, SAM_SHEET_ESCALATION, lang,
                                                        SAM_AUDIENCE_PROFESSIONAL,
                                                        "trafficking-adult", NULL);
      g_autoptr(SamSheet) shown = sam_test_make_sheet (f->store, SAM_SHEET_ESCALATION, lang,
                                                       SAM_AUDIENCE_PUBLIC, "trafficking-adult", NULL);
      g_autoptr(SamSheet) own = sam_test_make_sheet (f->store, SAM_SHEET_ESCALATION, lang,
                                                     SAM_AUDIENCE_PROFESSIONAL,
                                                     "trafficking-child", "2482");
      g_autofree char *text = write_and_read (f, county, "role-county.pdf");
      g_autofree char *public = write_and_read (f, shown, "role-public.pdf");
      g_autofree char *local = write_and_read (f, own, "role-skelleftea.pdf");
      gboolean sv = lang == SAM_LANG_SV;

      /* the agencies' direct lines of both on-call services, each said for whom */
      sam_test_assert_sheet_has (text, "0910-73 59 05", "county");
      sam_test_assert_sheet_has (text, "090-16 33 95", "county");
      sam_test_assert_sheet_has (text, sv ? "för Skellefteå" : "for Skellefteå", "county");
      sam_test_assert_sheet_has (text, sv ? "för Umeå" : "for Umeå", "county");
      sam_test_assert_sheet_has (text, sv ? "Socialtjänst ”socialjour” i din kommun"
                                          : "Social services “socialjour” of your municipality",
                                 "county");
      /* a public sheet: the public numbers, never the direct lines */
      sam_test_assert_sheet_has (public, "0910-73 59 00", "public");
      sam_test_assert_sheet_has (public, "090-16 33 90", "public");
      g_assert_null (strstr (public, "73 59 05"));
      g_assert_null (strstr (public, "16 33 95"));
      /* Skellefteå's sheet: its social services and socialjour, not Umeå's */
      sam_test_assert_sheet_has (local, "0910-73 50 00", "Skellefteå");
      sam_test_assert_sheet_has (local, "0910-73 59 05", "Skellefteå");
      g_assert_null (strstr (local, "16 33 00"));
      g_assert_null (strstr (local, sv ? "Umeå kommun – socialtjänsten" : "Umeå Municipality – social services"));
    }
}

/* The municipalities the sample's actors name. */
static GPtrArray *
sample_municipalities (SamTestSheetSample *f)
{
  GPtrArray *codes = g_ptr_array_new ();

  for (guint i = 0; i < f->actors->len; i++)
    {
      GPtrArray *areas = sam_actor_get_areas (g_ptr_array_index (f->actors, i));

      for (guint k = 0; k < areas->len; k++)
        {
          const SamArea *area = sam_area_lookup (g_ptr_array_index (areas, k));

          if (area->kind == SAM_AREA_MUNICIPALITY && !g_ptr_array_find_with_equal_func (codes, area->code,
                                                                                         g_str_equal, NULL))
            g_ptr_array_add (codes, (char *) area->code);
        }
    }
  g_assert_cmpuint (codes->len, >=, 2);
  return codes;
}

static void
test_directory (SamTestSheetSample *f, gconstpointer data)
{
  g_autoptr(GPtrArray) codes = NULL;

  if (!have_tools ())
    return;
  codes = sample_municipalities (f);
  for (guint i = 0; i < codes->len; i++)
    for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
      for (SamAudience audience = 0; audience < SAM_N_AUDIENCES; audience++)
        {
          const char *code = g_ptr_array_index (codes, i);
          g_autofree char *name = g_strdup_printf ("directory-%s-%s-%s.pdf", code, sam_lang_to_string (lang),
                                                   sam_audience_to_string (audience));
          g_autoptr(SamSheet) sheet = sam_test_make_sheet (f->store, SAM_SHEET_DIRECTORY, lang,
                                                           audience, NULL, code);
          g_autofree char *text = write_and_read (f, sheet, name);
          g_autoptr(SamQuery) query = sam_query_new (NULL);
          g_autoptr(GPtrArray) serving = NULL;
          g_autofree char *page = NULL;
          guint n = sam_sheet_get_n_pages (sheet);

          assert_no_leak (f, text, audience, name);
          /* every route the audience may see of every actor the search
           * finds for the area, national and county-wide ones too */
          query->area = g_strdup (code);
          query->limit = 0;
          serving = sam_store_search (f->store, query, NULL);
          g_assert_cmpuint (serving->len, >, 0);
          for (guint a = 0; a < serving->len; a++)
            {
              GPtrArray *routes = sam_actor_get_routes (g_ptr_array_index (serving, a));

              for (guint k = 0; k < routes->len; k++)
                if (allowed (g_ptr_array_index (routes, k), audience))
                  assert_route_shown (text, g_ptr_array_index (routes, k), name);
            }
          /* the police's number for calling from abroad, as it is dialled there */
          sam_test_assert_sheet_has (text, "+46 771 14 14 00", name);
          sam_test_assert_sheet_has (text,
                                     lang == SAM_LANG_SV ? "Kontaktlista" : "Contact directory",
                                     name);
          sam_test_assert_sheet_has (text, sam_area_lookup (code)->name[lang], name);
          sam_test_assert_sheet_has (text, lang == SAM_LANG_SV ? "Socialtjänst" : "Social services",
                                     name);
          sam_test_assert_sheet_has (text, audience_word (lang, audience), name);
          g_assert_cmpuint (n, >=, 2);
          page = g_strdup_printf (lang == SAM_LANG_SV ? "Sida 2 av %u" : "Page 2 of %u", n);
          sam_test_assert_sheet_has (text, page, name);
        }
}

static void
test_card (SamTestSheetSample *f, gconstpointer data)
{
  g_autoptr(GPtrArray) codes = NULL;

  if (!have_tools ())
    return;
  codes = sample_municipalities (f);
  /* an area's cards, and a path's */
  g_ptr_array_add (codes, NULL);
  for (guint i = 0; i < codes->len; i++)
    for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
      for (SamAudience audience = 0; audience < SAM_N_AUDIENCES; audience++)
        for (SamPaper paper = 0; paper < SAM_N_PAPERS; paper++)
          {
            const char *code = g_ptr_array_index (codes, i);
            const char *path = code ? NULL : "trafficking-child";
            g_autofree char *name = g_strdup_printf ("card-%s-%s-%s-%s.pdf", code ? code : path,
                                                     sam_lang_to_string (lang), sam_audience_to_string (audience),
                                                     sam_paper_to_string (paper));
            g_autoptr(SamSheet) sheet = NULL;
            g_autofree char *text = NULL;
            g_auto(SamSheetOptions) options = { 0 };

            sam_sheet_options_init (&options);
            options.kind = SAM_SHEET_CARD;
            options.lang = lang;
            options.audience = audience;
            options.paper = paper;
            options.area_code = g_strdup (code);
            options.path_id = g_strdup (path);
            sheet = sam_sheet_new (f->store, &options, NULL);
            g_assert_nonnull (sheet);
            text = write_and_read (f, sheet, name);
            g_assert_cmpuint (sam_sheet_get_n_pages (sheet), ==, 1);
            assert_no_leak (f, text, audience, name);
            sam_test_assert_sheet_has (text, lang == SAM_LANG_SV ? "Viktiga nummer"
                                                                 : "Important numbers",
                                       name);
            sam_test_assert_sheet_has (text, "112", name);
            /* the police's number, and the number of social services on call */
            sam_test_assert_sheet_has (text, "114 14", name);
            /* the on-call social services: a municipality's own; on a
             * county's card (and a path's, whose role names every
             * municipality's) the first municipality's by id */
            sam_test_assert_sheet_has (text, code == NULL || g_str_equal (code, "2482")
                                             ? "0910-73 59 0"
                                             : audience == SAM_AUDIENCE_PUBLIC ? "090-16 33 90"
                                                                               : "090-16 33 95",
                                       name);
            /* several cards a page: ten on A4, eight on Letter */
            {
              g_autofree char *title = g_strdup_printf ("%s – ", lang == SAM_LANG_SV ? "Viktiga nummer"
                                                                                    : "Important numbers");
              guint cards = 0;

              for (const char *p = text; (p = strstr (p, title)) != NULL; p++)
                cards++;
              g_assert_cmpuint (cards, ==, paper == SAM_PAPER_A4 ? 10 : 8);
            }
          }
}

static void
test_errors (SamTestSheetSample *f, gconstpointer data)
{
  g_auto(SamSheetOptions) options = { 0 };
  g_autoptr(GError) error = NULL;

  sam_sheet_options_init (&options);
  g_assert_null (sam_sheet_new (f->store, &options, &error));   /* escalation without a path */
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_clear_error (&error);
  options.path_id = g_strdup ("no-such-path");
  g_assert_null (sam_sheet_new (f->store, &options, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  options.kind = SAM_SHEET_DIRECTORY;
  g_clear_pointer (&options.path_id, g_free);
  options.area_code = g_strdup ("9999");
  g_assert_null (sam_sheet_new (f->store, &options, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
}

/* samverkan-cli print */

#define PRINT(cli, reg, ...) sam_test_cli_run ((cli), "--register", (reg), "print", __VA_ARGS__)

static void
test_cli (SamTestSheetSample *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autofree char *reg = g_build_filename (f->dir, "register.sqlite", NULL);
  g_autofree char *bytes = NULL;
  SamTestCli cli;
  gsize len;

  sam_test_cli_init (&cli);
  /* the register must be on disk for the CLI to see the sample */
  g_clear_object (&f->store);

  g_assert_cmpint (PRINT (&cli, reg, "--help"), ==, 0);
  g_assert_nonnull (strstr (cli.out, "--sheet"));
  g_assert_nonnull (strstr (cli.out, "--audience"));
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "poster", "-o", pdf), ==, 2);
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "escalation", "-o", pdf), ==, 2);   /* no --path */
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "directory", "-o", pdf), ==, 2);    /* no --area */
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "card", "-o", pdf), ==, 2);
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "escalation", "--path", "trafficking-adult"),
                   ==, 2);   /* no -o */
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "escalation", "--path", "trafficking-adult",
                          "--audience", "internal", "-o", pdf), ==, 2);
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "escalation", "--path", "trafficking-adult",
                          "--lang", "de", "-o", pdf), ==, 2);
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "escalation", "--path", "trafficking-adult",
                          "--paper", "a3", "-o", pdf), ==, 2);
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "directory", "--area", "9999", "-o", pdf), ==, 2);
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "escalation", "--path", "no-such-path",
                          "-o", pdf), ==, 1);
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "escalation", "--path", "extra", "argument",
                          "-o", pdf), ==, 2);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "escalation", "--path", "trafficking-adult",
                          "--lang", "en", "--audience", "professional", "--paper", "letter",
                          "-o", pdf), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_true (len > 1000 && memcmp (bytes, "%PDF-", 5) == 0);
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "directory", "--area", "2480", "-o", pdf), ==, 0);
  g_assert_nonnull (strstr (cli.out, "pages"));
  g_assert_cmpint (PRINT (&cli, reg, "--sheet", "card", "--path", "buying-sex", "--lang", "sv",
                          "-o", pdf), ==, 0);
  if (sam_test_have_poppler ("pdftotext"))
    {
      g_autofree char *text = sam_test_pdf_text (pdf, 0);
      sam_test_assert_sheet_has (text, "Viktiga nummer", "cli card");
    }
  g_remove (pdf);
  sam_test_cli_clear (&cli);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);

  g_test_add_func ("/sheet/route-allowed", test_route_allowed);
  g_test_add_func ("/sheet/options", test_options);
#define ADD(path, func) \
  g_test_add (path, SamTestSheetSample, NULL, sam_test_sheet_sample_set_up, func, \
              sam_test_sheet_sample_tear_down)
  ADD ("/sheet/escalation", test_escalation);
  ADD ("/sheet/role-numbers", test_role_numbers);
  ADD ("/sheet/directory", test_directory);
  ADD ("/sheet/card", test_card);
  ADD ("/sheet/errors", test_errors);
  ADD ("/sheet/cli", test_cli);
  return g_test_run ();
}
