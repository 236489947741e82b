/* sam-test-sheet-sample.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sam-test-sheet-sample.h"
#include "sam-test-util.h"

void
sam_test_sheet_sample_set_up (SamTestSheetSample *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  f->actors = sam_store_list_actors (f->store, &error);
  g_assert_no_error (error);
  f->paths = sam_store_list_paths (f->store, &error);
  g_assert_no_error (error);
}

void
sam_test_sheet_sample_tear_down (SamTestSheetSample *f, gconstpointer data)
{
  g_ptr_array_unref (f->actors);
  g_ptr_array_unref (f->paths);
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
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
void
sam_test_assert_sheet_boxes (SamSheet *sheet, const char *what)
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

void
sam_test_assert_sheet_has (const char *text, const char *part, const char *what)
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
