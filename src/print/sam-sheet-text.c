/* sam-sheet-text.c — text boxes and shapes on a sheet's pages.
 *
 * Every text a sheet prints goes through _sam_sheet_add_text(): it is laid
 * out once for the width of its box (wrapping words, and long Swedish
 * compounds inside themselves), kept on its page to be drawn on any
 * cairo_t, and recorded with where its ink and logical extents lie, so a
 * test can check that no text leaves its box or its page.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "sam-sheet-private.h"

/* A box's inner margin: the text sits this far inside it, so glyphs whose
 * ink reaches past their advance (å's ring, an italic's overhang) still
 * stay in the box, and boxes stacked edge to edge keep their text apart. */
#define PAD 1.0

/* Cantarell is GNOME's typeface and has every Swedish letter; DejaVu Sans
 * stands in where it is missing. */
#define FAMILY "Cantarell, DejaVu Sans, Sans"

static void
item_clear (SheetItem *item)
{
  g_clear_object (&item->layout);
  g_clear_pointer (&item->modules, g_bytes_unref);
  g_clear_object (&item->chart);
}

SheetPage *
_sam_sheet_page_new (void)
{
  SheetPage *page = g_new0 (SheetPage, 1);

  page->items = g_array_new (FALSE, TRUE, sizeof (SheetItem));
  g_array_set_clear_func (page->items, (GDestroyNotify) item_clear);
  page->boxes = g_array_new (FALSE, TRUE, sizeof (SamSheetTextBox));
  page->figures = g_array_new (FALSE, TRUE, sizeof (cairo_rectangle_t));
  return page;
}

void
_sam_sheet_page_free (SheetPage *page)
{
  g_array_unref (page->items);
  g_array_unref (page->boxes);
  g_array_unref (page->figures);
  g_free (page);
}

SheetPage *
_sam_sheet_layout_add_page (SheetLayout *sl)
{
  sl->page = _sam_sheet_page_new ();
  g_ptr_array_add (sl->pages, sl->page);
  sl->y = sl->area.y;
  if (sl->footer_h < 0)
    sl->footer_h = _sam_sheet_footer_height (sl);
  sl->bottom = sl->area.y + sl->area.height - sl->footer_h;
  return sl->page;
}

PangoLayout *
_sam_sheet_text_new (SheetLayout    *sl,
                     const char     *text,
                     double          size,
                     SheetTextFlags  flags,
                     double          width)
{
  PangoLayout *layout = pango_layout_new (sl->context);
  PangoFontDescription *desc = pango_font_description_from_string (FAMILY);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (flags & SHEET_TEXT_BOLD)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  if (flags & SHEET_TEXT_ITALIC)
    pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_width (layout, pango_units_from_double (MAX (width - 2 * PAD, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (flags & SHEET_TEXT_VALUE)
    {
      /* a number or an address broken over two lines must not gain a
       * hyphen that is not in it */
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  if (flags & SHEET_TEXT_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (flags & SHEET_TEXT_RIGHT)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  if (flags & SHEET_TEXT_MARKUP)
    pango_layout_set_markup (layout, text ? text : "", -1);
  else
    pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

/* The height of the box the text takes. */
double
_sam_sheet_text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height) + 2 * PAD;
}

/* The width the text itself takes (not its box), with the box's margins. */
double
_sam_sheet_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width) + 2 * PAD;
}

static cairo_rectangle_t
to_page (const PangoRectangle *r, double x, double y)
{
  return (cairo_rectangle_t) {
    x + pango_units_to_double (r->x), y + pango_units_to_double (r->y),
    pango_units_to_double (r->width), pango_units_to_double (r->height),
  };
}

double
_sam_sheet_add_text (SheetLayout *sl,
                     PangoLayout *layout,
                     double       x,
                     double       y,
                     guint32      rgb)
{
  SheetItem item = { SHEET_ITEM_TEXT, x + PAD, y + PAD, 0, 0, rgb };
  SamSheetTextBox box = { { 0 } };
  PangoRectangle ink, logical;
  double height = _sam_sheet_text_height (layout);

  pango_layout_get_extents (layout, &ink, &logical);
  box.box = (cairo_rectangle_t) { x, y, pango_units_to_double (pango_layout_get_width (layout)) + 2 * PAD,
                                  height };
  box.ink = to_page (&ink, item.x, item.y);
  box.logical = to_page (&logical, item.x, item.y);
  box.text = pango_layout_get_text (layout);
  box.n_lines = pango_layout_get_line_count (layout);
  item.layout = layout;
  g_array_append_val (sl->page->items, item);
  g_array_append_val (sl->page->boxes, box);
  return height;
}

double
_sam_sheet_put_text (SheetLayout    *sl,
                     const char     *text,
                     double          size,
                     SheetTextFlags  flags,
                     double          x,
                     double          y,
                     double          width,
                     guint32         rgb)
{
  return _sam_sheet_add_text (sl, _sam_sheet_text_new (sl, text, size, flags, width), x, y, rgb);
}

void
_sam_sheet_add_rect (SheetLayout   *sl,
                     SheetItemKind  kind,
                     double         x,
                     double         y,
                     double         w,
                     double         h,
                     guint32        rgb,
                     double         line_width)
{
  SheetItem item = { kind, x, y, w, h, rgb, line_width };

  g_array_append_val (sl->page->items, item);
}

void
_sam_sheet_add_line (SheetLayout *sl,
                     double       x1,
                     double       y1,
                     double       x2,
                     double       y2,
                     guint32      rgb,
                     double       line_width,
                     gboolean     dashed)
{
  SheetItem item = { SHEET_ITEM_LINE, x1, y1, x2 - x1, y2 - y1, rgb, line_width, dashed };

  g_array_append_val (sl->page->items, item);
}

/* Takes the item's references. */
void
_sam_sheet_add_figure (SheetLayout *sl,
                       SheetItem   *item)
{
  cairo_rectangle_t rect = { item->x, item->y, item->w, item->h };

  g_array_append_val (sl->page->items, *item);
  g_array_append_val (sl->page->figures, rect);
}

static void
set_rgb (cairo_t *cr, guint32 rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

void
_sam_sheet_draw_items (SheetPage *page,
                       cairo_t   *cr)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      const SheetItem *item = &g_array_index (page->items, SheetItem, i);

      cairo_save (cr);
      set_rgb (cr, item->rgb);
      switch (item->kind)
        {
        case SHEET_ITEM_TEXT:
          cairo_move_to (cr, item->x, item->y);
          pango_cairo_show_layout (cr, item->layout);
          break;
        case SHEET_ITEM_FILL:
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          cairo_fill (cr);
          break;
        case SHEET_ITEM_STROKE:
          cairo_set_line_width (cr, item->line_width);
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          cairo_stroke (cr);
          break;
        case SHEET_ITEM_LINE:
          cairo_set_line_width (cr, item->line_width);
          if (item->dashed)
            cairo_set_dash (cr, (double[]) { 2, 2 }, 2, 0);
          cairo_move_to (cr, item->x, item->y);
          cairo_rel_line_to (cr, item->w, item->h);
          cairo_stroke (cr);
          break;
        case SHEET_ITEM_QR:
          _sam_sheet_draw_qr (item, cr);
          break;
        case SHEET_ITEM_FLOWCHART:
          /* a chart over several pages shows a slice on each */
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          cairo_clip (cr);
          cairo_translate (cr, item->x, item->y - item->src_y * item->scale);
          cairo_scale (cr, item->scale, item->scale);
          cairo_set_line_width (cr, 1);
          sam_flowchart_draw (item->chart, cr);
          break;
        }
      cairo_restore (cr);
    }
}
