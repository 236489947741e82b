/* test-sheet-layout.c
 *
 * How printed sheets are laid out. A directory of many pages numbers them
 * "Page 2 of N", repeats its header, never splits a row over two pages and
 * leaves the internal numbers out; a long Swedish compound wraps inside its
 * box. A short path puts the chart above a table of its contacts without
 * the internal route a step names. Text measured on one cairo_t is drawn
 * on another, as a print preview does. The sample sheets themselves are
 * in test-sheet.c.
 *
 * The page numbers are read with pdftotext (poppler-utils) when it is
 * installed. With SAMVERKAN_SHEET_PDF_DIR set the sheets are also kept
 * there.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <pango/pangocairo.h>

#include "sam-sheet.h"
#include "sam-test-sheet.h"
#include "sam-test-sheet-sample.h"
#include "sam-test-util.h"

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
test_directory_pages (SamTestSheetSample *f, gconstpointer data)
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
  sam_test_assert_sheet_boxes (sheet, "big directory");

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
      sam_test_assert_sheet_has (text, page, "big directory");
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
test_short_path (SamTestSheetSample *f, gconstpointer data)
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
  sam_test_assert_sheet_boxes (sheet, "short path");
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
test_draw_anywhere (SamTestSheetSample *f, gconstpointer data)
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
  sam_test_assert_sheet_boxes (sheet, "letter");
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);

#define ADD(path, func) \
  g_test_add (path, SamTestSheetSample, NULL, sam_test_sheet_sample_set_up, func, \
              sam_test_sheet_sample_tear_down)
  ADD ("/sheet/directory-pages", test_directory_pages);
  ADD ("/sheet/short-path", test_short_path);
  ADD ("/sheet/draw-anywhere", test_draw_anywhere);
  return g_test_run ();
}
