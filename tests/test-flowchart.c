/* test-flowchart.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flowchart's layout: on every sample path and on generated paths of
 * 5–25 steps, in both languages, at a page's and a window's width, every
 * step has a box, no box overlaps another, no label overlaps a box or
 * another label, no arrow runs through a box or someone else's label, and
 * it all fits the width. Broken paths (cycles, unreachable steps, answers
 * leading nowhere) are still drawn. A chart on a PDF page has its text.
 *
 * With SAMVERKAN_FLOWCHART_PNG_DIR set the charts are also written there
 * as PNG images, to look at.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sam-flowchart.h"
#include "sam-test-util.h"

/* the sample register and its paths (sam-test-util.c) */
typedef SamTestSample Fixture;

/* Text measured as on a page: a PDF surface's context, no hinting. */
static PangoContext *
page_context (void)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return context;
}

#define EPS 0.01

static gboolean
rects_overlap (const cairo_rectangle_t *a, const cairo_rectangle_t *b)
{
  return a->x + a->width > b->x + EPS && b->x + b->width > a->x + EPS &&
         a->y + a->height > b->y + EPS && b->y + b->height > a->y + EPS;
}

/* Whether the segment runs through the inside of @r (Liang–Barsky). */
static gboolean
segment_hits (double x0, double y0, double x1, double y1, const cairo_rectangle_t *r)
{
  double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - (r->x + 0.5), (r->x + r->width - 0.5) - x0,
                  y0 - (r->y + 0.5), (r->y + r->height - 0.5) - y0 };

  if (r->width <= 1 || r->height <= 1)
    return FALSE;
  for (int k = 0; k < 4; k++)
    {
      if (fabs (p[k]) < 1e-12)
        {
          if (q[k] < 0)
            return FALSE;
        }
      else
        {
          double t = q[k] / p[k];

          if (p[k] < 0)
            t0 = MAX (t0, t);
          else
            t1 = MIN (t1, t);
        }
    }
  return t0 < t1;
}

static void
describe_rect (const char *what, const char *name, const cairo_rectangle_t *r)
{
  g_test_message ("%s %s: %.1f,%.1f %.1f×%.1f", what, name ? name : "", r->x, r->y, r->width, r->height);
}

static void
write_png (SamFlowchart *chart, const char *name)
{
  const char *dir = g_getenv ("SAMVERKAN_FLOWCHART_PNG_DIR");
  g_autofree char *file = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  if (dir == NULL || *dir == '\0')
    return;
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  sam_flowchart_get_size (chart, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * 2) + 40, (int) ceil (h * 2) + 40);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, 20, 20);
  cairo_scale (cr, 2, 2);
  /* the chart's own size, faintly, to see what it claims */
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  sam_flowchart_draw (chart, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, file), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_test_message ("wrote %s", file);
}

/* Everything the layout promises, for @path laid out at @max_width. */
static SamFlowchart *
check_chart (SamEscalationPath *path, SamStore *store, SamLang lang, double max_width, const char *png)
{
  g_autoptr(GObject) context = G_OBJECT (page_context ());
  SamFlowchart *chart = sam_flowchart_new (path, store, lang);
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  guint n_boxes, n_labels, n_edges;
  g_autofree cairo_rectangle_t *boxes = NULL;
  g_autofree cairo_rectangle_t *labels = NULL;
  guint expected_labels = 0;
  double w, h;

  sam_flowchart_layout (chart, PANGO_CONTEXT (context), max_width);
  sam_flowchart_get_size (chart, &w, &h);
  g_test_message ("%s (%s) at %.0f: %.1f × %.1f", sam_escalation_path_get_id (path),
                  sam_lang_to_string (lang), max_width, w, h);
  g_assert_cmpfloat (w, >, 0);
  g_assert_cmpfloat (h, >, 0);
  g_assert_cmpfloat (w, <=, max_width + 1e-6);

  n_boxes = sam_flowchart_get_n_boxes (chart);
  n_labels = sam_flowchart_get_n_labels (chart);
  n_edges = sam_flowchart_get_n_edges (chart);
  g_assert_cmpuint (n_boxes, >=, steps->len);
  boxes = g_new (cairo_rectangle_t, n_boxes);
  labels = g_new (cairo_rectangle_t, MAX (n_labels, 1));

  /* every step has its box, the steps' boxes first and in order */
  for (guint i = 0; i < n_boxes; i++)
    {
      const char *id = sam_flowchart_get_box (chart, i, &boxes[i]);

      if (i < steps->len)
        {
          g_assert_cmpint (sam_flowchart_get_box_kind (chart, i), ==, SAM_FLOWCHART_BOX_STEP);
          g_assert_cmpstr (id, ==, sam_escalation_step_get_id (g_ptr_array_index (steps, i)));
        }
      else
        g_assert_cmpint (sam_flowchart_get_box_kind (chart, i), !=, SAM_FLOWCHART_BOX_STEP);
      g_assert_cmpfloat (boxes[i].width, >, 0);
      g_assert_cmpfloat (boxes[i].height, >, 0);
      g_assert_cmpfloat (boxes[i].x, >=, 0);
      g_assert_cmpfloat (boxes[i].y, >=, 0);
      g_assert_cmpfloat (boxes[i].x + boxes[i].width, <=, w + 1e-6);
      g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, h + 1e-6);
    }
  for (guint i = 0; i < steps->len; i++)
    {
      const char *id = sam_escalation_step_get_id (g_ptr_array_index (steps, i));
      int found = sam_flowchart_find_box (chart, id);

      g_assert_cmpint (found, >=, 0);
      g_assert_cmpint (found, <=, (int) i);
      g_assert_cmpstr (sam_flowchart_get_box (chart, found, NULL), ==, id);
    }

  /* one label per labelled answer that leads somewhere */
  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      GPtrArray *answers = sam_escalation_step_get_answers (step);

      if (sam_escalation_step_get_kind (step) != SAM_STEP_KIND_QUESTION)
        continue;
      for (guint a = 0; a < answers->len; a++)
        {
          SamStepAnswer *answer = g_ptr_array_index (answers, a);
          const char *label = sam_text_get_best (&answer->label, lang, NULL);

          if (label && *label &&
              ((answer->path && *answer->path) ||
               (answer->next && sam_escalation_path_find_step (path, answer->next))))
            expected_labels++;
        }
    }
  g_assert_cmpuint (n_labels, ==, expected_labels);

  for (guint i = 0; i < n_labels; i++)
    {
      sam_flowchart_get_label (chart, i, &labels[i]);
      g_assert_cmpfloat (labels[i].width, >, 0);
      g_assert_cmpfloat (labels[i].x, >=, 0);
      g_assert_cmpfloat (labels[i].y, >=, 0);
      g_assert_cmpfloat (labels[i].x + labels[i].width, <=, w + 1e-6);
      g_assert_cmpfloat (labels[i].y + labels[i].height, <=, h + 1e-6);
    }

  /* no overlaps */
  for (guint i = 0; i < n_boxes; i++)
    for (guint j = i + 1; j < n_boxes; j++)
      if (rects_overlap (&boxes[i], &boxes[j]))
        {
          describe_rect ("box", sam_flowchart_get_box (chart, i, NULL), &boxes[i]);
          describe_rect ("box", sam_flowchart_get_box (chart, j, NULL), &boxes[j]);
          g_assert_not_reached ();
        }
  for (guint i = 0; i < n_labels; i++)
    {
      for (guint j = 0; j < n_boxes; j++)
        if (rects_overlap (&labels[i], &boxes[j]))
          {
            describe_rect ("label", NULL, &labels[i]);
            describe_rect ("box", sam_flowchart_get_box (chart, j, NULL), &boxes[j]);
            g_assert_not_reached ();
          }
      for (guint j = i + 1; j < n_labels; j++)
        g_assert_false (rects_overlap (&labels[i], &labels[j]));
    }

  /* arrows: from their box to theirs, through no other box or label */
  for (guint e = 0; e < n_edges; e++)
    {
      guint from, to, n;
      int label;
      const double *p = sam_flowchart_get_edge (chart, e, &from, &to, &label, &n);

      g_assert_cmpuint (from, <, n_boxes);
      g_assert_cmpuint (to, <, n_boxes);
      g_assert_cmpint (label, <, (int) n_labels);
      g_assert_cmpuint (n, >=, 2);
      /* starts on the bottom of its box, ends on the top of the other */
      g_assert_cmpfloat (fabs (p[1] - (boxes[from].y + boxes[from].height)), <, 1e-6);
      g_assert_cmpfloat (p[0], >=, boxes[from].x);
      g_assert_cmpfloat (p[0], <=, boxes[from].x + boxes[from].width);
      g_assert_cmpfloat (fabs (p[2 * n - 1] - boxes[to].y), <, 1e-6);
      g_assert_cmpfloat (p[2 * n - 2], >=, boxes[to].x);
      g_assert_cmpfloat (p[2 * n - 2], <=, boxes[to].x + boxes[to].width);
      for (guint k = 0; k + 1 < n; k++)
        {
          const double *s = p + 2 * k;

          g_assert_cmpfloat (s[0], >=, 0);
          g_assert_cmpfloat (s[0], <=, w);
          for (guint b = 0; b < n_boxes; b++)
            if (segment_hits (s[0], s[1], s[2], s[3], &boxes[b]))
              {
                g_test_message ("edge %u segment %.1f,%.1f → %.1f,%.1f", e, s[0], s[1], s[2], s[3]);
                describe_rect ("through box", sam_flowchart_get_box (chart, b, NULL), &boxes[b]);
                g_assert_not_reached ();
              }
          for (guint l = 0; l < n_labels; l++)
            if ((int) l != label && segment_hits (s[0], s[1], s[2], s[3], &labels[l]))
              {
                g_test_message ("edge %u segment %.1f,%.1f → %.1f,%.1f", e, s[0], s[1], s[2], s[3]);
                describe_rect ("through label", NULL, &labels[l]);
                g_assert_not_reached ();
              }
        }
    }

  if (png)
    write_png (chart, png);
  return chart;
}

static void
test_sample_paths (Fixture *f, gconstpointer data)
{
  static const double widths[] = { 515, 800 };

  for (guint i = 0; i < f->paths->len; i++)
    for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          SamEscalationPath *path = g_ptr_array_index (f->paths, i);
          g_autofree char *png = g_strdup_printf ("%s-%s-%.0f", sam_escalation_path_get_id (path),
                                                  sam_lang_to_string (lang), widths[w]);
          g_autoptr(SamFlowchart) chart = check_chart (path, f->store, lang, widths[w], png);

          /* on a page and in a window the sample paths fit with their text
           * as large as it is meant to be */
          g_assert_cmpfloat (sam_flowchart_get_text_scale (chart), ==, 1);
        }
}

/* Without a store the actors' ids are shown; narrow widths still fit. */
static void
test_without_store_and_narrow (Fixture *f, gconstpointer data)
{
  static const double widths[] = { 120, 250, 360, 1200 };

  for (guint i = 0; i < f->paths->len; i++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autoptr(SamFlowchart) chart = check_chart (g_ptr_array_index (f->paths, i), NULL, SAM_LANG_SV,
                                                     widths[w], NULL);
      }
}

/* Generated paths: questions with 2–3 answers, actions and notes, in long
 * Swedish compound words. */

static const char *const words[] = {
  "Kontakta", "socialtjänstens", "mottagningsenhet", "för", "barnavårdsutredningar",
  "förundersökningsledaren", "målsägandebiträdet", "brottsofferjourens", "stödsamordnare",
  "omedelbart", "om", "och", "personen", "vårdnadshavaren", "skyddsbedömningen",
  "anmälningsskyldigheten", "Migrationsverkets", "uppehållstillståndsansökan",
  "regionkoordinatorn", "akutmottagningen", "kvinnojoursverksamheten", "ungdomsmottagningens",
  "kuratorsverksamhet", "i", "med", "till", "är", "den", "det", "vid", "behov",
  "socialjoursorganisationens", "människohandelsärenden", "tolk", "nu",
};

static const char *const answer_labels[] = {
  "Ja", "Nej", "Vet inte", "Ja, men bara under kontorstid", "Nej, vårdnadshavaren går inte att nå",
  "Osäker", "Barnahusverksamheten",
};

static const char *const actors[] = {
  "polisen", "umea-socialjour", "emergency-112", "regionkoordinator-nord", "no-such-actor",
};

static char *
sentence (GRand *rand, guint least, guint most, const char *end)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, least, most + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *w = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (i > 0)
        g_string_append_c (s, ' ');
      if (i == 0)
        {
          g_autofree char *first = g_utf8_substring (w, 0, 1);
          g_autofree char *upper = g_utf8_strup (first, -1);

          g_string_append (s, upper);
          g_string_append (s, g_utf8_offset_to_pointer (w, 1));
        }
      else
        g_string_append (s, w);
    }
  g_string_append (s, end);
  return g_string_free (s, FALSE);
}

static SamEscalationPath *
generate_path (GRand *rand, guint n_steps)
{
  g_autofree char *id = g_strdup_printf ("generated-%u", n_steps);
  SamEscalationPath *path = sam_escalation_path_new (id);

  sam_text_set (sam_escalation_path_get_title (path), SAM_LANG_SV, "Genererad väg");
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *step_id = g_strdup_printf ("%s-s%u", id, i + 1);
      g_autofree char *next = g_strdup_printf ("%s-s%u", id, i + 2);
      double r = g_rand_double (rand);
      SamStepKind kind = i + 1 == n_steps ? SAM_STEP_KIND_NOTE
                         : r < 0.4 ? SAM_STEP_KIND_QUESTION
                         : r < 0.85 ? SAM_STEP_KIND_ACTION : SAM_STEP_KIND_NOTE;
      g_autoptr(SamEscalationStep) step = sam_escalation_step_new (step_id, kind);
      g_autofree char *text = sentence (rand, kind == SAM_STEP_KIND_NOTE ? 6 : 3,
                                        kind == SAM_STEP_KIND_NOTE ? 22 : 14,
                                        kind == SAM_STEP_KIND_QUESTION ? "?" : ".");

      sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_SV, text);
      if (i == 0)
        sam_escalation_path_set_start (path, step_id);
      if (kind == SAM_STEP_KIND_QUESTION)
        {
          guint n_answers = g_rand_int_range (rand, 2, 4);

          for (guint a = 0; a < n_answers; a++)
            {
              SamStepAnswer *answer;

              if (g_rand_double (rand) < 0.12)
                answer = sam_escalation_step_add_answer (step, NULL,
                                                         g_rand_boolean (rand) ? "trafficking-child" : "no-such-path");
              else
                {
                  guint to = g_rand_int_range (rand, i + 1, MIN (n_steps - 1, i + 4) + 1);
                  g_autofree char *to_id = g_strdup_printf ("%s-s%u", id, to + 1);

                  answer = sam_escalation_step_add_answer (step, to_id, NULL);
                }
              sam_text_set (&answer->label, SAM_LANG_SV,
                            answer_labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (answer_labels))]);
            }
        }
      else
        {
          if (kind == SAM_STEP_KIND_ACTION)
            {
              sam_escalation_step_set_contact (step, actors[g_rand_int_range (rand, 0, G_N_ELEMENTS (actors))], NULL);
              sam_escalation_step_set_urgency (step, g_rand_int_range (rand, 0, SAM_N_URGENCIES));
            }
          if (i + 1 < n_steps)
            sam_escalation_step_set_next (step, next);
        }
      sam_escalation_path_add_step (path, step);
    }
  return path;
}

static void
test_generated_paths (Fixture *f, gconstpointer data)
{
  static const double widths[] = { 515, 800 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);

  for (guint n = 5; n <= 25; n += 5)
    for (guint round = 0; round < 4; round++)
      {
        g_autoptr(SamEscalationPath) path = generate_path (rand, n);

        for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
          for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
            {
              g_autofree char *png = g_strdup_printf ("generated-%u-%u-%s-%.0f", n, round,
                                                      sam_lang_to_string (lang), widths[w]);
              g_autoptr(SamFlowchart) chart = check_chart (path, f->store, lang, widths[w],
                                                           round == 0 && lang == SAM_LANG_SV ? png : NULL);

              /* still readable: the text at most a little smaller */
              g_test_message ("text scale %.2f", sam_flowchart_get_text_scale (chart));
              g_assert_cmpfloat (sam_flowchart_get_text_scale (chart), >=, 0.75);
            }
      }
}

static SamEscalationStep *
add_step (SamEscalationPath *path, const char *id, SamStepKind kind, const char *next)
{
  g_autoptr(SamEscalationStep) step = sam_escalation_step_new (id, kind);

  sam_text_set (sam_escalation_step_get_text (step), SAM_LANG_SV, id);
  if (next)
    sam_escalation_step_set_next (step, next);
  sam_escalation_path_add_step (path, step);
  return step;
}

static void
add_answer (SamEscalationStep *step, const char *next, const char *label)
{
  SamStepAnswer *answer = sam_escalation_step_add_answer (step, next, NULL);

  sam_text_set (&answer->label, SAM_LANG_SV, label);
}

/* Broken paths are drawn too, sanely: cycles lead to a "back to" box,
 * unreachable steps and answers to nowhere do not stop the layout. */
static void
test_broken_paths (Fixture *f, gconstpointer data)
{
  g_autoptr(SamEscalationPath) path = sam_escalation_path_new ("broken");
  g_autoptr(SamEscalationPath) empty = sam_escalation_path_new ("empty");
  g_autoptr(SamEscalationPath) lost = sam_escalation_path_new ("lost");
  SamEscalationStep *q, *q2;
  g_autoptr(SamFlowchart) chart = NULL;
  g_autoptr(SamFlowchart) empty_chart = NULL;
  g_autoptr(SamFlowchart) lost_chart = NULL;
  guint backs = 0;
  cairo_rectangle_t start, orphan, island;

  sam_escalation_path_set_start (path, "a");
  q = add_step (path, "a", SAM_STEP_KIND_QUESTION, NULL);
  add_answer (q, "b", "Ja");
  add_answer (q, "nowhere", "Nej");       /* leads nowhere */
  add_answer (q, "a", "Igen");            /* to itself */
  add_step (path, "b", SAM_STEP_KIND_ACTION, "c");
  q2 = add_step (path, "c", SAM_STEP_KIND_QUESTION, NULL);
  add_answer (q2, "a", "Börja om");       /* a cycle */
  add_answer (q2, "d", NULL);             /* no label */
  add_step (path, "d", SAM_STEP_KIND_NOTE, "b");   /* another cycle */
  add_step (path, "orphan", SAM_STEP_KIND_ACTION, "d");   /* unreachable */
  add_step (path, "island", SAM_STEP_KIND_NOTE, NULL);   /* unreachable, alone */
  add_step (path, "a", SAM_STEP_KIND_NOTE, NULL);        /* the same id again */

  chart = check_chart (path, f->store, SAM_LANG_SV, 515, "broken");
  for (guint i = 0; i < sam_flowchart_get_n_boxes (chart); i++)
    if (sam_flowchart_get_box_kind (chart, i) == SAM_FLOWCHART_BOX_BACK)
      backs++;
  g_assert_cmpuint (backs, ==, 3);
  /* the start at the top; the island below everything */
  sam_flowchart_get_box (chart, 0, &start);
  sam_flowchart_get_box (chart, 4, &orphan);
  sam_flowchart_get_box (chart, 5, &island);
  g_assert_cmpfloat (start.y, <, orphan.y);
  for (guint i = 0; i < sam_flowchart_get_n_boxes (chart); i++)
    {
      cairo_rectangle_t r;

      sam_flowchart_get_box (chart, i, &r);
      if (i != 5 && i != 6)   /* the island and the second "a", alone too */
        g_assert_cmpfloat (r.y, <, island.y);
    }

  empty_chart = check_chart (empty, f->store, SAM_LANG_EN, 515, NULL);
  g_assert_cmpuint (sam_flowchart_get_n_boxes (empty_chart), ==, 0);

  /* a start that is not there */
  sam_escalation_path_set_start (lost, "gone");
  add_step (lost, "x", SAM_STEP_KIND_ACTION, "y");
  add_step (lost, "y", SAM_STEP_KIND_ACTION, "x");
  lost_chart = check_chart (lost, NULL, SAM_LANG_EN, 515, NULL);
  g_assert_cmpuint (sam_flowchart_get_n_boxes (lost_chart), ==, 3);
}

/* The chart on a page: a PDF with the question and the actor's name. */
static void
test_pdf_has_text (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "trafficking-child");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf = g_build_filename (f->dir, "chart.pdf", NULL);
  g_autoptr(SamFlowchart) chart = sam_flowchart_new (path, f->store, SAM_LANG_SV);
  g_autoptr(GObject) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) words_of = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int status = -1;
  double w, h;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  surface = cairo_pdf_surface_create (pdf, 595, 842);
  cr = cairo_create (surface);
  context = G_OBJECT (pango_cairo_create_context (cr));
  sam_flowchart_layout (chart, PANGO_CONTEXT (context), 515);
  sam_flowchart_get_size (chart, &w, &h);
  g_assert_cmpfloat (w, <=, 515);
  cairo_translate (cr, 40, 40);
  sam_flowchart_draw (chart, cr);
  cairo_show_page (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_spawn_sync (NULL, (char *[]) { pdftotext, "-enc", "UTF-8", pdf, "-", NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* lines joined: the text wraps in its box */
  words_of = g_strsplit_set (out, " \n\t\f", -1);
  for (char **p = words_of; *p; p++)
    if (**p)
      {
        g_autofree char *joined = text ? g_strconcat (text, " ", *p, NULL) : g_strdup (*p);
        g_free (text);
        text = g_steal_pointer (&joined);
      }
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Är någon i akut fara just nu?"));
  g_assert_nonnull (strstr (text, "112 – SOS Alarm"));
  g_assert_nonnull (strstr (text, "Genast"));
  g_assert_nonnull (strstr (text, "Nej"));
}

/* The English chart says its fixed words in English whatever the locale. */
static void
test_words_follow_the_chart (Fixture *f, gconstpointer data)
{
  SamEscalationPath *path = sam_test_sample_find_path (f, "trafficking-child");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf = g_build_filename (f->dir, "chart-en.pdf", NULL);
  g_autoptr(SamFlowchart) chart = sam_flowchart_new (path, f->store, SAM_LANG_EN);
  g_autoptr(GObject) context = NULL;
  g_autofree char *out = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  surface = cairo_pdf_surface_create (pdf, 595, 842);
  cr = cairo_create (surface);
  context = G_OBJECT (pango_cairo_create_context (cr));
  sam_flowchart_layout (chart, PANGO_CONTEXT (context), 515);
  sam_flowchart_draw (chart, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { pdftotext, "-enc", "UTF-8", pdf, "-", NULL }, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, NULL, NULL));
  g_assert_nonnull (strstr (out, "At once"));
  g_assert_nonnull (strstr (out, "Today"));
  g_assert_null (strstr (out, "Genast"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/flowchart/sample-paths", Fixture, NULL, sam_test_sample_set_up, test_sample_paths, sam_test_sample_tear_down);
  g_test_add ("/flowchart/without-store-and-narrow", Fixture, NULL, sam_test_sample_set_up, test_without_store_and_narrow, sam_test_sample_tear_down);
  g_test_add ("/flowchart/generated-paths", Fixture, NULL, sam_test_sample_set_up, test_generated_paths, sam_test_sample_tear_down);
  g_test_add ("/flowchart/broken-paths", Fixture, NULL, sam_test_sample_set_up, test_broken_paths, sam_test_sample_tear_down);
  g_test_add ("/flowchart/pdf-has-text", Fixture, NULL, sam_test_sample_set_up, test_pdf_has_text, sam_test_sample_tear_down);
  g_test_add ("/flowchart/words-follow-the-chart", Fixture, NULL, sam_test_sample_set_up, test_words_follow_the_chart, sam_test_sample_tear_down);
  return g_test_run ();
}
