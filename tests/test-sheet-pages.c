/* test-sheet-pages.c
 *
 * Printed sheets that must stay readable: the flowchart's text is never
 * under 7 pt (the layout's own measure, and the word heights pdftotext
 * reads), a path of 17 steps goes on to a second page, and the contacts'
 * heading says "(continued)" only on a page after the one where the list
 * began. Pocket cards: the Swedish and the English card of an area list
 * the same numbers, carry opening hours, and say how many numbers were
 * left off for room. E-mail addresses break only after "@" or ".", with no
 * hyphen added.
 *
 * Tests that read PDFs skip without pdftotext (poppler-utils).
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "sam-sheet.h"
#include "sam-test-sheet.h"
#include "sam-test-util.h"

#define MIN_FONT 7.0
#define LONG_EMAIL "samordnare.manniskohandel.vuxna@socialtjanstens-jourverksamhet.vasterbotten.example.se"

typedef struct {
  char *dir;
  SamStore *store;
} Fixture;

/* Step @i of the long path: an action naming a sample actor, every fourth
 * a question. */
static SamEscalationStep *
long_step (guint i, guint n)
{
  static const char * const contacts[][2] = {
    { "polisen", "polisen-phone" }, { "umea-socialjour", "umea-socialjour-professional" },
    { "regionkoordinator-nord", "regionkoordinator-nord-adults-phone" },
    { "migrationsverket", "migrationsverket-phone" }, { "nus-akutmottagning", "nus-akutmottagning-phone" },
    { "plattformen-nsp", "plattformen-nsp-phone" }, { "bris", "bris-phone" },
    { "brottsofferjouren", "brottsofferjouren-phone" },
  };
  g_autofree char *id = g_strdup_printf ("long-s%02u", i);
  g_autofree char *next = i + 1 < n ? g_strdup_printf ("long-s%02u", i + 1) : NULL;
  g_autofree char *sv = g_strdup_printf ("Steg %u: gör det som steget säger och anteckna vad du har gjort.", i + 1);
  g_autofree char *en = g_strdup_printf ("Step %u: do what the step says and note down what you did.", i + 1);
  SamEscalationStep *step = sam_escalation_step_new (id, i % 4 == 0 && next ? SAM_STEP_KIND_QUESTION
                                                                            : SAM_STEP_KIND_ACTION);

  sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_SV, sv);
  sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_EN, en);
  if (i % 4 == 0 && next)
    {
      SamStepAnswer *yes = sam_escalation_step_add_answer (step, next, NULL);
      SamStepAnswer *no = sam_escalation_step_add_answer (step, next, NULL);

      sam_text_set (&yes->label, SAM_LANG_SV, "Ja");
      sam_text_set (&yes->label, SAM_LANG_EN, "Yes");
      sam_text_set (&no->label, SAM_LANG_SV, "Nej, inte nu");
      sam_text_set (&no->label, SAM_LANG_EN, "No, not now");
      return step;
    }
  sam_escalation_step_set_contact (step, contacts[i % G_N_ELEMENTS (contacts)][0],
                                   contacts[i % G_N_ELEMENTS (contacts)][1]);
  sam_escalation_step_set_urgency (step, SAM_URGENCY_SAME_DAY);
  if (next)
    sam_escalation_step_set_next (step, next);
  return step;
}

static void
add_long_path (SamStore *store)
{
  g_autoptr(SamEscalationPath) path = sam_escalation_path_new ("long");
  g_autoptr(GError) error = NULL;

  sam_escalation_path_set_situation (path, SAM_SITUATION_OTHER);
  sam_escalation_path_set_area (path, "24");
  sam_escalation_path_set_start (path, "long-s00");
  sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_SV, "En lång väg");
  sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_EN, "A long path");
  for (guint i = 0; i < 17; i++)
    {
      g_autoptr(SamEscalationStep) step = long_step (i, 17);

      sam_escalation_path_add_step (path, step);
    }
  g_assert_true (sam_store_insert_path (store, path, &error));
  g_assert_no_error (error);
}

/* An actor in Umeå with a very long e-mail address. */
static void
add_long_email (SamStore *store)
{
  g_autoptr(SamActor) actor = sam_actor_new ("long-email");
  g_autoptr(SamContactRoute) route = sam_contact_route_new ("long-email-r0");
  g_autoptr(GError) error = NULL;

  sam_contact_route_set_kind (route, SAM_ROUTE_KIND_EMAIL);
  g_assert_true (sam_contact_route_set_value (route, LONG_EMAIL, &error));

  sam_actor_set_kind (actor, SAM_ACTOR_KIND_SOCIAL_SERVICES);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, "Samordnare i Umeå");
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Coordinator in Umeå");
  g_ptr_array_add (sam_actor_get_areas (actor), g_strdup ("2480"));
  sam_contact_route_set_visibility (route, SAM_VISIBILITY_PUBLIC);
  sam_actor_add_route (actor, route);
  g_assert_true (sam_store_insert_actor (store, actor, &error));
  g_assert_no_error (error);
}

static void
set_up (Fixture *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  add_long_path (f->store);
  add_long_email (f->store);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

static double
attr (const char *line, const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s=\"", name);
  const char *p = strstr (line, key);

  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen (key), NULL);
}

/* Every word pdftotext finds inside the chart on page @page is as tall as
 * 7 pt text at least (a word box is about 1.16 em tall; 1.1 leaves room
 * for fonts with shorter ascenders, and 5–6 pt text stays well below). */
static guint
assert_chart_words (SamSheet *sheet, const char *pdf, guint page, const char *what)
{
  g_autofree char *n = g_strdup_printf ("%u", page + 1);
  g_autofree char *html = sam_test_run_tool ((const char * const []) { "pdftotext", "-bbox",
                                                                        "-f", n, "-l", n, pdf, "-",
                                                                        NULL });
  g_auto(GStrv) lines = g_strsplit (html, "\n", -1);
  guint checked = 0;

  for (guint i = 0; lines[i]; i++)
    {
      double x0, y0, x1, y1;

      if (strstr (lines[i], "<word ") == NULL)
        continue;
      x0 = attr (lines[i], "xMin");
      y0 = attr (lines[i], "yMin");
      x1 = attr (lines[i], "xMax");
      y1 = attr (lines[i], "yMax");
      for (guint k = 0; k < sam_sheet_get_n_figures (sheet, page); k++)
        {
          cairo_rectangle_t r;

          sam_sheet_get_figure (sheet, page, k, &r);
          /* a chart's figure: wider than a QR code, and the word inside */
          if (r.width < 100 || x0 < r.x || x1 > r.x + r.width || y0 < r.y || y1 > r.y + r.height)
            continue;
          checked++;
          if (y1 - y0 < MIN_FONT * 1.1)
            g_error ("%s, page %u: a word of the chart is %.1f pt tall: %s", what, page + 1, y1 - y0,
                     g_strstrip (lines[i]));
        }
    }
  return checked;
}

static const char *
contacts_word (SamLang lang)
{
  return lang == SAM_LANG_SV ? "Kontakter" : "Contacts";
}

static const char *
continued_word (SamLang lang)
{
  return lang == SAM_LANG_SV ? "(forts.)" : "(continued)";
}

/* "(continued)" only on a page after one where the list began. */
static void
assert_continued (const char *pdf, guint n_pages, SamLang lang, const char *what)
{
  g_autofree char *continued = g_strdup_printf ("%s %s", contacts_word (lang), continued_word (lang));
  gboolean begun = FALSE;

  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = sam_test_pdf_text (pdf, p);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        {
          if (g_str_has_prefix (lines[i], continued))
            {
              if (!begun)
                g_error ("%s, page %u: “%s” before the list began", what, p, continued);
            }
          else if (g_str_equal (g_strstrip (lines[i]), contacts_word (lang)))
            {
              if (begun)
                g_error ("%s, page %u: the list begins twice", what, p);
              begun = TRUE;
            }
        }
    }
  g_assert_true (begun);
}

static void
test_long_path (Fixture *f, gconstpointer data)
{
  if (!sam_test_need_poppler ("pdftotext"))
    return;
  for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
    {
      g_autoptr(SamSheet) sheet = sam_test_make_sheet (f->store, SAM_SHEET_ESCALATION, lang,
                                                       SAM_AUDIENCE_PROFESSIONAL, "long", NULL);
      g_autofree char *name = g_strdup_printf ("long-%s.pdf", sam_lang_to_string (lang));
      g_autofree char *pdf = sam_test_write_sheet (sheet, f->dir, name);
      g_autofree char *text = sam_test_pdf_text (pdf, 0);
      guint words = 0;

      g_assert_cmpuint (sam_sheet_get_n_pages (sheet), >=, 2);
      g_assert_cmpfloat (sam_sheet_get_chart_font_size (sheet), >=, MIN_FONT - 0.01);
      for (guint p = 0; p < sam_sheet_get_n_pages (sheet); p++)
        words += assert_chart_words (sheet, pdf, p, name);
      g_assert_cmpuint (words, >, 50);
      assert_continued (pdf, sam_sheet_get_n_pages (sheet), lang, name);
      /* the last step made it onto the sheet */
      g_assert_nonnull (strstr (text, lang == SAM_LANG_SV ? "Steg 17" : "Step 17"));
    }
}

static void
test_sample_paths (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) paths = sam_store_list_paths (f->store, NULL);

  if (!sam_test_need_poppler ("pdftotext"))
    return;
  for (guint i = 0; i < paths->len; i++)
    for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
      {
        const char *id = sam_escalation_path_get_id (g_ptr_array_index (paths, i));
        g_autoptr(SamSheet) sheet = sam_test_make_sheet (f->store, SAM_SHEET_ESCALATION, lang,
                                                         SAM_AUDIENCE_PROFESSIONAL, id, NULL);
        g_autofree char *name = g_strdup_printf ("path-%s-%s.pdf", id, sam_lang_to_string (lang));
        g_autofree char *pdf = sam_test_write_sheet (sheet, f->dir, name);

        g_test_message ("%s: %u pages, chart text %.2f pt", name, sam_sheet_get_n_pages (sheet),
                        sam_sheet_get_chart_font_size (sheet));
        g_assert_cmpfloat (sam_sheet_get_chart_font_size (sheet), >=, MIN_FONT - 0.01);
        assert_continued (pdf, sam_sheet_get_n_pages (sheet), lang, name);
      }
}

/* The phone numbers on the card, in order ("090-16 33 95", "114 14"). */
static char *
card_numbers (const char *text)
{
  g_autoptr(GRegex) re = g_regex_new ("\\b(0[0-9]{1,3}-[0-9][0-9 ]+[0-9]|1[0-9]{2} ?[0-9]{2}|11[0-9]{4}|112)\\b",
                                      0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  /* the first card only: up to the second title */
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint titles = 0;

  for (guint i = 0; lines[i] && titles < 2; i++)
    {
      if (strstr (lines[i], "Viktiga nummer –") || strstr (lines[i], "Important numbers –"))
        titles++;
      if (titles != 1)
        continue;
      g_regex_match (re, lines[i], 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *number = g_match_info_fetch (match, 1);

          g_string_append_printf (out, "%s|", number);
          g_match_info_next (match, NULL);
        }
      g_clear_pointer (&match, g_match_info_free);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_cards (Fixture *f, gconstpointer data)
{
  static const char * const areas[] = { "2480", "2482", "2404", NULL };

  if (!sam_test_need_poppler ("pdftotext"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autofree char *numbers[SAM_N_LANGS] = { NULL };

      for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
        {
          /* the last: the card of the long path, more numbers than fit */
          g_autoptr(SamSheet) sheet = sam_test_make_sheet (f->store, SAM_SHEET_CARD, lang,
                                                           SAM_AUDIENCE_PROFESSIONAL,
                                                           areas[i] ? NULL : "long", areas[i]);
          g_autofree char *name = g_strdup_printf ("card-%s-%s.pdf", areas[i] ? areas[i] : "long",
                                                   sam_lang_to_string (lang));
          g_autofree char *pdf = sam_test_write_sheet (sheet, f->dir, name);
          g_autofree char *text = sam_test_pdf_text (pdf, 0);
          gboolean more = strstr (text, lang == SAM_LANG_SV ? "nummer till finns i registret"
                                                            : "in the register") != NULL;

          numbers[lang] = card_numbers (text);
          g_test_message ("%s: %s%s", name, numbers[lang], more ? " and more" : "");
          /* opening hours on the card: the police's line is always open */
          g_assert_nonnull (strstr (text, lang == SAM_LANG_SV ? "dygnet runt" : "around the clock"));
          if (areas[i] == NULL)
            g_assert_true (more);
        }
      g_assert_cmpstr (numbers[SAM_LANG_SV], ==, numbers[SAM_LANG_EN]);
      g_assert_cmpuint (strlen (numbers[SAM_LANG_SV]), >, 10);
    }
}

/* Where pdftotext breaks @email over lines in @text: every break after
 * "@" or ".", no hyphen added. Returns the number of breaks. */
static guint
email_breaks (const char *text, const char *email)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *start;
  guint breaks = 0;

  /* the lines joined without their newlines, remembering where each ended */
  for (const char *p = text; *p; p++)
    if (*p == '\n')
      g_array_append_val (ends, joined->len);
    else
      g_string_append_c (joined, *p);
  start = strstr (joined->str, email);
  g_assert_nonnull (start);
  for (guint i = 0; i < ends->len; i++)
    {
      gsize at = g_array_index (ends, gsize, i);
      gsize from = start - joined->str;

      if (at <= from || at >= from + strlen (email))
        continue;
      breaks++;
      if (joined->str[at - 1] != '@' && joined->str[at - 1] != '.')
        g_error ("“%s” breaks after “%.*s”", email, (int) (at - from), start);
    }
  return breaks;
}

static void
test_email (Fixture *f, gconstpointer data)
{
  if (!sam_test_need_poppler ("pdftotext"))
    return;
  for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
    {
      g_autoptr(SamSheet) sheet = sam_test_make_sheet (f->store, SAM_SHEET_DIRECTORY, lang,
                                                       SAM_AUDIENCE_PROFESSIONAL, NULL, "2480");
      g_autofree char *name = g_strdup_printf ("email-%s.pdf", sam_lang_to_string (lang));
      g_autofree char *pdf = sam_test_write_sheet (sheet, f->dir, name);
      g_autofree char *text = sam_test_pdf_text (pdf, 0);

      /* the address is too long for its column: it breaks, and well */
      g_assert_cmpuint (email_breaks (text, LONG_EMAIL), >, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);

  g_test_add ("/sheet-pages/long-path", Fixture, NULL, set_up, test_long_path, tear_down);
  g_test_add ("/sheet-pages/sample-paths", Fixture, NULL, set_up, test_sample_paths, tear_down);
  g_test_add ("/sheet-pages/cards", Fixture, NULL, set_up, test_cards, tear_down);
  g_test_add ("/sheet-pages/email", Fixture, NULL, set_up, test_email, tear_down);
  return g_test_run ();
}
