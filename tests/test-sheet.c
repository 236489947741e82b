/* test-sheet.c
 *
 * Printed contact sheets. For every sample path (escalation sheet) and
 * every sample municipality (area directory, pocket cards), in Swedish and
 * English, for the public and for professionals: the PDF's text never
 * holds an internal route's value (nor, on a public sheet, a professional
 * one's) in any formatting, and does hold the public routes it should;
 * headings are in the sheet's language; every text run stays inside its box
 * and the page, and no two boxes overlap; fonts are embedded. A directory
 * of many pages numbers them "Page 2 of N" and never splits a row; a long
 * Swedish compound wraps inside its box. And `samverkan-cli print`.
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
#include <pango/pangocairo.h>

#include "sam-areas.h"
#include "sam-errors.h"
#include "sam-phone.h"
#include "sam-query.h"
#include "sam-sheet.h"
#include "sam-test-cli.h"
#include "sam-test-sheet.h"
#include "sam-test-util.h"

typedef struct {
  char *dir;
  SamStore *store;
  GPtrArray *actors;   /* every actor of the register */
  GPtrArray *paths;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  f->actors = sam_store_list_actors (f->store, &error);
  g_assert_no_error (error);
  f->paths = sam_store_list_paths (f->store, &error);
  g_assert_no_error (error);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_ptr_array_unref (f->actors);
  g_ptr_array_unref (f->paths);
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

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
assert_no_leak (Fixture *f, const char *text, SamAudience audience, const char *what)
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

static gboolean
inside (const cairo_rectangle_t *inner, const cairo_rectangle_t *outer)
{
  const double e = 0.01;

  return inner->x >= outer->x - e && inner->y >= outer->y - e &&
         inner->x + inner->width <= outer->x + outer->width + e &&
         inner->y + inner->height <= outer->y + outer->height + e;
}

static gboolean
overlap (const cairo_rectangle_t *a, const cairo_rectangle_t *b)
{
  const double e = 0.01;

  return a->x + e < b->x + b->width && b->x + e < a->x + a->width &&
         a->y + e < b->y + b->height && b->y + e < a->y + a->height;
}

#define RECT_FMT "%.1f,%.1f %.1f×%.1f"
#define RECT_ARGS(r) (r).x, (r).y, (r).width, (r).height

/* Every text run inside its box, every box and figure inside the page's
 * printable area, no two of them overlapping. */
static void
assert_boxes (SamSheet *sheet, const char *what)
{
  cairo_rectangle_t area;

  sam_sheet_get_printable_area (sheet, &area);
  for (guint p = 0; p < sam_sheet_get_n_pages (sheet); p++)
    {
      guint n = sam_sheet_get_n_text_boxes (sheet, p), n_figures = sam_sheet_get_n_figures (sheet, p);
      g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          const SamSheetTextBox *b = sam_sheet_get_text_box (sheet, p, i);

          if (!inside (&b->ink, &b->box) || !inside (&b->logical, &b->box))
            g_error ("%s, page %u: “%s” leaves its box " RECT_FMT " (ink " RECT_FMT ", logical " RECT_FMT ")",
                     what, p + 1, b->text, RECT_ARGS (b->box), RECT_ARGS (b->ink), RECT_ARGS (b->logical));
          if (!inside (&b->box, &area))
            g_error ("%s, page %u: “%s” " RECT_FMT " is off the printable area", what, p + 1, b->text,
                     RECT_ARGS (b->box));
          g_array_append_val (rects, b->box);
        }
      for (guint i = 0; i < n_figures; i++)
        {
          cairo_rectangle_t r;

          sam_sheet_get_figure (sheet, p, i, &r);
          if (!inside (&r, &area))
            g_error ("%s, page %u: a figure " RECT_FMT " is off the printable area", what, p + 1, RECT_ARGS (r));
          g_array_append_val (rects, r);
        }
      for (guint i = 0; i < rects->len; i++)
        for (guint k = i + 1; k < rects->len; k++)
          if (overlap (&g_array_index (rects, cairo_rectangle_t, i), &g_array_index (rects, cairo_rectangle_t, k)))
            g_error ("%s, page %u: “%s” " RECT_FMT " overlaps “%s” " RECT_FMT, what, p + 1,
                     i < n ? sam_sheet_get_text_box (sheet, p, i)->text : "(figure)",
                     RECT_ARGS (g_array_index (rects, cairo_rectangle_t, i)),
                     k < n ? sam_sheet_get_text_box (sheet, p, k)->text : "(figure)",
                     RECT_ARGS (g_array_index (rects, cairo_rectangle_t, k)));
    }
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
write_and_read (Fixture *f, SamSheet *sheet, const char *name)
{
  g_autofree char *pdf = sam_test_write_sheet (sheet, f->dir, name);
  char *text;

  assert_boxes (sheet, name);
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

/* Without spaces and hyphens: text wrapped to fit a box, and a word
 * hyphenated at the end of a line, still reads the same. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-' && c != 0x2010 && c != 0x2011)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *text, const char *part, const char *what)
{
  g_autofree char *squeezed_text = NULL;
  g_autofree char *squeezed_part = NULL;

  if (strstr (text, part) != NULL)
    return;
  squeezed_text = squeeze (text);
  squeezed_part = squeeze (part);
  if (strstr (squeezed_text, squeezed_part) == NULL)
    g_error ("%s: “%s” is not on the sheet:\n%s", what, part, text);
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
assert_path_routes (Fixture *f, SamEscalationPath *path, const char *text, SamAudience audience,
                    const char *what)
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
      assert_contains (text, sam_text_get_best (sam_actor_get_name (actor),
                                                strstr (what, "-sv") ? SAM_LANG_SV : SAM_LANG_EN, NULL), what);
      route = sam_actor_find_route (actor, route_id);
      if (allowed (route, audience))
        assert_route_shown (text, route, what);
    }
}

static void
test_escalation (Fixture *f, gconstpointer data)
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
          assert_contains (text, sam_text_get (sam_escalation_path_get_title (path), lang), name);
          assert_contains (text, lang == SAM_LANG_SV ? "Kontakter" : "Contacts", name);
          assert_contains (text, lang == SAM_LANG_SV ? "Akut fara? Ring" : "Immediate danger? Call", name);
          assert_contains (text, "112", name);
          assert_contains (text, lang == SAM_LANG_SV ? "Verifierad" : "Verified", name);
          assert_contains (text, lang == SAM_LANG_SV ? "Utskriven" : "Printed", name);
          assert_contains (text, lang == SAM_LANG_SV ? "version 1" : "version 1", name);
          assert_contains (text, audience_word (lang, audience), name);
        }
}

/* A step that names a role: a county's sheet lists the number of each
 * municipality that has one, saying for which; the chart says the role.
 * A municipality's sheet lists its own and not the path's stand-in. */
static void
test_role_numbers (Fixture *f, gconstpointer data)
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
      assert_contains (text, "0910-73 59 05", "county");
      assert_contains (text, "090-16 33 95", "county");
      assert_contains (text, sv ? "för Skellefteå" : "for Skellefteå", "county");
      assert_contains (text, sv ? "för Umeå" : "for Umeå", "county");
      assert_contains (text, sv ? "Socialtjänst ”socialjour” i din kommun"
                                : "Social services “socialjour” of your municipality", "county");
      /* a public sheet: the public numbers, never the direct lines */
      assert_contains (public, "0910-73 59 00", "public");
      assert_contains (public, "090-16 33 90", "public");
      g_assert_null (strstr (public, "73 59 05"));
      g_assert_null (strstr (public, "16 33 95"));
      /* Skellefteå's sheet: its social services and socialjour, not Umeå's */
      assert_contains (local, "0910-73 50 00", "Skellefteå");
      assert_contains (local, "0910-73 59 05", "Skellefteå");
      g_assert_null (strstr (local, "16 33 00"));
      g_assert_null (strstr (local, sv ? "Umeå kommun – socialtjänsten" : "Umeå Municipality – social services"));
    }
}

/* The municipalities the sample's actors name. */
static GPtrArray *
sample_municipalities (Fixture *f)
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
test_directory (Fixture *f, gconstpointer data)
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
          assert_contains (text, "+46 771 14 14 00", name);
          assert_contains (text, lang == SAM_LANG_SV ? "Kontaktlista" : "Contact directory", name);
          assert_contains (text, sam_area_lookup (code)->name[lang], name);
          assert_contains (text, lang == SAM_LANG_SV ? "Socialtjänst" : "Social services", name);
          assert_contains (text, audience_word (lang, audience), name);
          g_assert_cmpuint (n, >=, 2);
          page = g_strdup_printf (lang == SAM_LANG_SV ? "Sida 2 av %u" : "Page 2 of %u", n);
          assert_contains (text, page, name);
        }
}

static void
test_card (Fixture *f, gconstpointer data)
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
            assert_contains (text, lang == SAM_LANG_SV ? "Viktiga nummer" : "Important numbers", name);
            assert_contains (text, "112", name);
            /* the police's number, and the number of social services on call */
            assert_contains (text, "114 14", name);
            /* the on-call social services: a municipality's own; on a
             * county's card (and a path's, whose role names every
             * municipality's) the first municipality's by id */
            assert_contains (text, code == NULL || g_str_equal (code, "2482")
                                   ? "0910-73 59 0"
                                   : audience == SAM_AUDIENCE_PUBLIC ? "090-16 33 90" : "090-16 33 95", name);
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

/* A register of its own: many actors in one municipality, one with a long
 * compound name. */
static SamStore *
make_big_register (const char *dir, guint n)
{
  SamStore *store = sam_test_open_store (dir, "big.sqlite", FALSE);
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_object_unref);
  SamRegisterMeta meta = { 0 };
  g_autoptr(GError) error = NULL;

  meta.id = g_strdup ("big");
  sam_text_set (&meta.name, SAM_LANG_SV, "Stort testregister");
  sam_text_set (&meta.name, SAM_LANG_EN, "Big test register");
  meta.version = 3;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%04u", i);
      g_autofree char *name = i == 7 ? g_strdup ("Socialförvaltningensmottagningsenhetsjourverksamhetsområdesansvarig")
                                     : g_strdup_printf ("Aktör %04u i Umeå", i);
      g_autoptr(SamSchedule) hours = sam_schedule_parse ("Mo-Fr 08:00-16:30", NULL);
      SamActor *actor = sam_actor_new (id);

      sam_actor_set_kind (actor, i % SAM_N_ACTOR_KINDS);
      sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, name);
      sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, name);
      sam_actor_add_area (actor, "2480");
      sam_actor_set_hours (actor, hours);
      for (guint k = 0; k < 1 + i % 4; k++)
        {
          g_autofree char *route_id = g_strdup_printf ("%s-r%u", id, k);
          g_autofree char *phone = g_strdup_printf ("090-%02u %02u %02u", 10 + k, i / 100, i % 100);
          g_autoptr(SamContactRoute) route = sam_contact_route_new (route_id);

          sam_contact_route_set_kind (route, k == 3 ? SAM_ROUTE_KIND_WEB : SAM_ROUTE_KIND_PHONE);
          g_assert_true (sam_contact_route_set_value (route, k == 3 ? "https://example.org/a" : phone, NULL));
          sam_contact_route_set_visibility (route, k == 2 ? SAM_VISIBILITY_INTERNAL : SAM_VISIBILITY_PUBLIC);
          sam_actor_add_route (actor, route);
        }
      g_ptr_array_add (actors, actor);
    }
  /* a short path: is it urgent? call a0001's first number, or a0002's
   * internal one (which the sheet must leave out) */
  {
    SamEscalationPath *path = sam_escalation_path_new ("short");
    g_autoptr(SamEscalationStep) q = sam_escalation_step_new ("q", SAM_STEP_KIND_QUESTION);
    g_autoptr(SamEscalationStep) a = sam_escalation_step_new ("a", SAM_STEP_KIND_ACTION);
    g_autoptr(SamEscalationStep) b = sam_escalation_step_new ("b", SAM_STEP_KIND_ACTION);
    SamStepAnswer *answer;

    sam_escalation_path_set_situation (path, SAM_SITUATION_OTHER);
    sam_escalation_path_set_area (path, "2480");
    sam_escalation_path_set_start (path, "q");
    sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_SV, "Kort väg");
    sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_EN, "Short path");
    sam_text_set (sam_escalation_step_get_text (q), SAM_LANG_SV, "Brådskar det?");
    sam_text_set (sam_escalation_step_get_text (q), SAM_LANG_EN, "Is it urgent?");
    answer = sam_escalation_step_add_answer (q, "a", NULL);
    sam_text_set (&answer->label, SAM_LANG_SV, "Ja");
    sam_text_set (&answer->label, SAM_LANG_EN, "Yes");
    answer = sam_escalation_step_add_answer (q, "b", NULL);
    sam_text_set (&answer->label, SAM_LANG_SV, "Nej");
    sam_text_set (&answer->label, SAM_LANG_EN, "No");
    sam_text_set (sam_escalation_step_get_text (a), SAM_LANG_SV, "Ring.");
    sam_text_set (sam_escalation_step_get_text (a), SAM_LANG_EN, "Call.");
    sam_escalation_step_set_contact (a, "a0001", "a0001-r0");
    sam_text_set (sam_escalation_step_get_text (b), SAM_LANG_SV, "Ring jouren.");
    sam_text_set (sam_escalation_step_get_text (b), SAM_LANG_EN, "Call the duty line.");
    sam_escalation_step_set_contact (b, "a0006", "a0006-r2");
    sam_escalation_path_add_step (path, q);
    sam_escalation_path_add_step (path, a);
    sam_escalation_path_add_step (path, b);
    g_ptr_array_add (paths, path);
  }
  g_assert_true (sam_store_import (store, &meta, actors, paths, &error));
  g_assert_no_error (error);
  sam_register_meta_clear (&meta);
  return store;
}

static void
test_directory_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = make_big_register (f->dir, 160);
  g_auto(SamSheetOptions) options = { 0 };
  g_autoptr(SamSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "big.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) actors = sam_store_list_actors (store, NULL);
  guint n, compound_box = 0;

  sam_sheet_options_init (&options);
  options.kind = SAM_SHEET_DIRECTORY;
  options.area_code = g_strdup ("2480");
  sheet = sam_sheet_new (store, &options, &error);
  g_assert_no_error (error);
  g_assert_true (sam_sheet_write_pdf (sheet, pdf, &error));
  g_assert_no_error (error);
  n = sam_sheet_get_n_pages (sheet);
  g_assert_cmpuint (n, >=, 5);
  sam_test_keep_pdf (pdf);
  assert_boxes (sheet, "big directory");

  /* no row split across pages: an actor's name and all its numbers are on
   * one page; the internal ones on none */
  for (guint a = 0; a < actors->len; a++)
    {
      SamActor *actor = g_ptr_array_index (actors, a);
      GPtrArray *routes = sam_actor_get_routes (actor);
      const char *actor_name = sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV);
      int page = -1;

      for (guint p = 0; p < n; p++)
        for (guint i = 0; i < sam_sheet_get_n_text_boxes (sheet, p); i++)
          if (g_str_equal (sam_sheet_get_text_box (sheet, p, i)->text, actor_name))
            {
              g_assert_cmpint (page, ==, -1);
              page = p;
            }
      g_assert_cmpint (page, >=, 0);
      for (guint k = 0; k < routes->len; k++)
        {
          SamContactRoute *route = g_ptr_array_index (routes, k);
          g_autofree char *display = sam_contact_route_dup_display_value (route);
          int found = -1;

          for (guint p = 0; p < n; p++)
            for (guint i = 0; i < sam_sheet_get_n_text_boxes (sheet, p); i++)
              if (g_str_has_prefix (sam_sheet_get_text_box (sheet, p, i)->text, display) &&
                  sam_contact_route_get_kind (route) != SAM_ROUTE_KIND_WEB)
                found = p;
          if (sam_contact_route_get_kind (route) == SAM_ROUTE_KIND_WEB)
            continue;
          if (sam_contact_route_get_visibility (route) == SAM_VISIBILITY_INTERNAL)
            g_assert_cmpint (found, ==, -1);
          else
            g_assert_cmpint (found, ==, page);
        }
    }

  /* a long compound wraps inside its box */
  for (guint p = 0; p < n; p++)
    for (guint i = 0; i < sam_sheet_get_n_text_boxes (sheet, p); i++)
      if (g_str_has_prefix (sam_sheet_get_text_box (sheet, p, i)->text, "Socialförvaltningens"))
        {
          g_assert_cmpuint (sam_sheet_get_text_box (sheet, p, i)->n_lines, >=, 2);
          compound_box++;
        }
  g_assert_cmpuint (compound_box, ==, 1);

  if (!sam_test_have_poppler ("pdftotext"))
    return;
  text = sam_test_pdf_text (pdf, 0);
  for (guint p = 1; p <= n; p++)
    {
      g_autofree char *page = g_strdup_printf ("Sida %u av %u", p, n);
      assert_contains (text, page, "big directory");
    }
  /* the running header on every page */
  {
    guint heads = 0;

    for (const char *p = text; (p = strstr (p, "Kontaktlista – Umeå")) != NULL; p++)
      heads++;
    g_assert_cmpuint (heads, ==, n);
  }
}

/* A short path: the chart above a table of the contacts, and the internal
 * route a step names is not on it. */
static void
test_short_path (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) store = make_big_register (f->dir, 12);
  g_auto(SamSheetOptions) options = { 0 };
  g_autoptr(SamSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "short.pdf", NULL);
  g_autoptr(SamActor) a6 = NULL;
  g_autofree char *internal = NULL;
  gboolean named_shown = FALSE;

  sam_sheet_options_init (&options);
  options.kind = SAM_SHEET_ESCALATION;
  options.audience = SAM_AUDIENCE_PROFESSIONAL;
  options.path_id = g_strdup ("short");
  sheet = sam_sheet_new (store, &options, &error);
  g_assert_no_error (error);
  g_assert_true (sam_sheet_write_pdf (sheet, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sam_sheet_get_n_pages (sheet), ==, 1);
  sam_test_keep_pdf (pdf);
  assert_boxes (sheet, "short path");
  a6 = sam_store_load_actor (store, "a0006", NULL);
  internal = sam_contact_route_dup_display_value (sam_actor_find_route (a6, "a0006-r2"));
  for (guint i = 0; i < sam_sheet_get_n_text_boxes (sheet, 0); i++)
    {
      const char *text = sam_sheet_get_text_box (sheet, 0, i)->text;

      g_assert_null (strstr (text, internal));
      named_shown |= g_str_equal (text, "Vem");   /* the table's column heading: the chart left room */
    }
  g_assert_true (named_shown);
}

/* Text measured on one cairo_t is drawn on another (a print preview): the
 * pages draw on an image surface too. */
static void
test_draw_anywhere (Fixture *f, gconstpointer data)
{
  g_autoptr(SamSheet) sheet = sam_test_make_sheet (f->store, SAM_SHEET_ESCALATION, SAM_LANG_SV,
                                                   SAM_AUDIENCE_PUBLIC, "trafficking-adult", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 420);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);

  g_assert_cmpuint (sam_sheet_paginate (sheet, context, 595, 842), ==, 2);
  cairo_scale (cr, 300 / 595.0, 300 / 595.0);
  sam_sheet_draw_page (sheet, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* and again for another page size */
  g_assert_cmpuint (sam_sheet_paginate (sheet, context, 612, 792), ==, 2);
  assert_boxes (sheet, "letter");
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_errors (Fixture *f, gconstpointer data)
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
test_cli (Fixture *f, gconstpointer data)
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
      assert_contains (text, "Viktiga nummer", "cli card");
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
  g_test_add ("/sheet/escalation", Fixture, NULL, set_up, test_escalation, tear_down);
  g_test_add ("/sheet/role-numbers", Fixture, NULL, set_up, test_role_numbers, tear_down);
  g_test_add ("/sheet/directory", Fixture, NULL, set_up, test_directory, tear_down);
  g_test_add ("/sheet/card", Fixture, NULL, set_up, test_card, tear_down);
  g_test_add ("/sheet/directory-pages", Fixture, NULL, set_up, test_directory_pages, tear_down);
  g_test_add ("/sheet/short-path", Fixture, NULL, set_up, test_short_path, tear_down);
  g_test_add ("/sheet/draw-anywhere", Fixture, NULL, set_up, test_draw_anywhere, tear_down);
  g_test_add ("/sheet/errors", Fixture, NULL, set_up, test_errors, tear_down);
  g_test_add ("/sheet/cli", Fixture, NULL, set_up, test_cli, tear_down);
  return g_test_run ();
}
