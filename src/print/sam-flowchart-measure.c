/* sam-flowchart-measure.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamFlowchart: the boxes' text in Pango layouts, their sizes, and how
 * narrow they must get for the chart to fit a width.
 */
#define G_LOG_DOMAIN "sam-flowchart"

#include "config.h"

#include <math.h>

#include "sam-flowchart-private.h"

/* Words the chart draws itself. A printed sheet can be in another
 * language than the user interface (one prints the English sheet for a
 * colleague from a Swedish desktop), so they follow the chart's language,
 * not gettext's, and are here for both languages. */
static const char *const urgency_words[SAM_N_URGENCIES][SAM_N_LANGS] = {
  [SAM_URGENCY_NONE]        = { NULL,          NULL },
  [SAM_URGENCY_IMMEDIATE]   = { "Genast",      "At once" },
  [SAM_URGENCY_SAME_DAY]    = { "I dag",       "Today" },
  [SAM_URGENCY_WITHIN_WEEK] = { "Denna vecka", "This week" },
};

/* Measuring the boxes */

static PangoFontDescription *
font_scaled (const PangoFontDescription *base, double factor, PangoWeight weight, PangoStyle style)
{
  PangoFontDescription *desc = pango_font_description_copy (base);
  int size = pango_font_description_get_size (base);

  if (size <= 0)
    size = 9 * PANGO_SCALE;
  size = MAX (1, (int) lround (size * factor));
  if (pango_font_description_get_size_is_absolute (base))
    pango_font_description_set_absolute_size (desc, size);
  else
    pango_font_description_set_size (desc, size);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
  return desc;
}

void
_sam_flowchart_fonts_clear (Fonts *f)
{
  g_clear_pointer (&f->body, pango_font_description_free);
  g_clear_pointer (&f->bold, pango_font_description_free);
  g_clear_pointer (&f->small, pango_font_description_free);
  g_clear_pointer (&f->small_bold, pango_font_description_free);
  g_clear_pointer (&f->legal, pango_font_description_free);
  g_clear_pointer (&f->mark, pango_font_description_free);
}

static PangoLayout *
make_layout (PangoContext *context, const PangoFontDescription *font, const char *text, double width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, MAX (1, pango_units_from_double (width)));
  return layout;
}

void
_sam_flowchart_layout_size (PangoLayout *layout, double *w, double *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *w = pango_units_to_double (logical.width);
  *h = pango_units_to_double (logical.height);
}

/* How far right of where it is drawn a layout's text starts (centred
 * lines within the layout's width). */
static double
layout_left (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.x);
}

void
_sam_flowchart_fonts_init (Fonts *f, const PangoFontDescription *base, double factor, PangoContext *context)
{
  g_autoptr(PangoLayout) probe = NULL;
  double w;

  f->body = font_scaled (base, factor, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  f->bold = font_scaled (base, factor, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  f->small = font_scaled (base, factor * 0.88, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  f->small_bold = font_scaled (base, factor * SAM_FLOWCHART_SMALLEST_TEXT, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  f->legal = font_scaled (base, factor * SAM_FLOWCHART_SMALLEST_TEXT, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  f->mark = font_scaled (base, factor * 1.05, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  probe = make_layout (context, f->body, "Åg", -1);
  _sam_flowchart_layout_size (probe, &w, &f->lh);
  if (f->lh <= 0)
    f->lh = 10;
}

/* The widest word of @text. */
static double
longest_word (PangoContext *context, const PangoFontDescription *font, const char *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, 1);
  _sam_flowchart_layout_size (layout, &w, &h);
  return w;
}

/* Sizes @n at its cap, making its text layouts. */
static void
measure_node (SamFlowchart *self, Node *n, PangoContext *context, const Fonts *f)
{
  double lh = f->lh;
  double pad = 0.5 * lh, padx = 0.65 * lh, sp = 0.25 * lh;
  double inner, tw, th;

  _sam_flowchart_clear_layouts (n);
  n->w = n->h = 0;
  switch (n->kind)
    {
    case NODE_DUMMY:
      return;

    case NODE_LABEL:
      padx = 0.4 * lh;
      pad = 0.12 * lh;
      n->soft_min = longest_word (context, f->small_bold, n->text) + 2 * padx;
      n->text_layout = make_layout (context, f->small_bold, n->text, n->cap - 2 * padx);
      pango_layout_set_alignment (n->text_layout, PANGO_ALIGN_CENTER);
      _sam_flowchart_layout_size (n->text_layout, &tw, &th);
      n->w = tw + 2 * padx;
      n->h = th + 2 * pad;
      n->text_x = padx - layout_left (n->text_layout);
      n->text_y = pad;
      return;

    case NODE_HANDOVER:
    case NODE_BACK:
      pad = 0.35 * lh;
      padx = 0.9 * lh;
      n->soft_min = longest_word (context, n->kind == NODE_HANDOVER ? f->bold : f->body, n->text) + 2 * padx;
      n->text_layout = make_layout (context, n->kind == NODE_HANDOVER ? f->bold : f->body,
                                    n->text, n->cap - 2 * padx);
      pango_layout_set_alignment (n->text_layout, PANGO_ALIGN_CENTER);
      if (n->kind == NODE_BACK)
        {
          pango_layout_set_ellipsize (n->text_layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (n->text_layout, -2);
        }
      _sam_flowchart_layout_size (n->text_layout, &tw, &th);
      n->w = tw + 2 * padx;
      n->h = th + 2 * pad;
      n->text_x = padx - layout_left (n->text_layout);
      n->text_y = pad;
      return;

    case NODE_STEP:
    default:
      break;
    }

  inner = n->cap - 2 * padx;
  if (n->step_kind == SAM_STEP_KIND_QUESTION)
    {
      double d = 1.35 * lh;

      padx = 0.75 * lh;
      inner = n->cap - 2 * padx;
      n->mark_layout = make_layout (context, f->mark, "?", -1);
      n->soft_min = longest_word (context, f->bold, n->text) + d + 2 * sp + 2 * padx;
      n->text_layout = make_layout (context, f->bold, n->text, inner - d - 2 * sp);
      _sam_flowchart_layout_size (n->text_layout, &tw, &th);
      n->pill_x = padx;
      n->pill_w = n->pill_h = d;
      n->text_x = padx + d + 2 * sp;
      n->w = n->text_x + tw + padx;
      n->h = MAX (d, th) + 2 * pad;
      n->pill_y = (n->h - d) / 2;
      n->text_y = (n->h - th) / 2;
    }
  else
    {
      double content = 0, y = pad, aw = 0, ah = 0, rowh = 0;
      gboolean beside = FALSE;

      if (n->urgency != SAM_URGENCY_NONE)
        {
          double pw, ph;

          n->pill_layout = make_layout (context, f->small_bold, urgency_words[n->urgency][self->lang], -1);
          _sam_flowchart_layout_size (n->pill_layout, &pw, &ph);
          n->pill_w = pw + 0.7 * lh;
          n->pill_h = ph + 0.15 * lh;
        }
      if (n->actor)
        {
          double width = inner;

          beside = n->pill_layout && inner - n->pill_w - 2 * sp >= 0.5 * inner;
          if (beside)
            width -= n->pill_w + 2 * sp;
          n->actor_layout = make_layout (context, f->bold, n->actor, width);
          _sam_flowchart_layout_size (n->actor_layout, &aw, &ah);
        }
      if (n->actor_layout && beside)
        {
          rowh = MAX (ah, n->pill_h);
          n->actor_x = padx;
          n->actor_y = y + (rowh - ah) / 2;
          n->pill_y = y + (rowh - n->pill_h) / 2;
          content = aw + 2 * sp + n->pill_w;
          y += rowh + sp;
        }
      else
        {
          if (n->pill_layout)
            {
              n->pill_y = y;
              content = n->pill_w;
              y += n->pill_h + sp;
            }
          if (n->actor_layout)
            {
              n->actor_x = padx;
              n->actor_y = y;
              content = MAX (content, aw);
              y += ah + sp;
            }
        }
      n->soft_min = 2 * padx + MAX (longest_word (context, f->bold, n->actor),
                                    longest_word (context, n->step_kind == SAM_STEP_KIND_NOTE ? f->small : f->body,
                                                  n->text));
      n->text_layout = make_layout (context, n->step_kind == SAM_STEP_KIND_NOTE ? f->small : f->body,
                                    n->text, inner);
      _sam_flowchart_layout_size (n->text_layout, &tw, &th);
      n->text_x = padx;
      n->text_y = y;
      content = MAX (content, tw);
      y += th;
      if (n->legal)
        {
          double lw, lh2;

          n->legal_layout = make_layout (context, f->legal, n->legal, inner);
          _sam_flowchart_layout_size (n->legal_layout, &lw, &lh2);
          y += sp;
          n->legal_x = padx;
          n->legal_y = y;
          content = MAX (content, lw);
          y += lh2;
        }
      n->w = MAX (content + 2 * padx, MIN (n->cap, 8 * lh));
      n->h = y + pad;
      n->pill_x = n->w - padx - n->pill_w;
      if (!beside)
        n->pill_x = padx;
    }
}

/* Fitting the width */

/* The narrowest @n may be made: not so narrow that words break unless
 * @break_words. */
static double
least_cap (Node *n, double lh, gboolean break_words)
{
  double least = n->kind == NODE_LABEL ? 3.5 * lh : 7 * lh;

  return break_words ? least : MAX (least, n->soft_min);
}

/* Caps start wide and get narrower in the layers too wide for @avail.
 * Returns whether everything fits. */
gboolean
_sam_flowchart_fit (SamFlowchart *self, PangoContext *context, const Fonts *f, double avail, double *widest)
{
  double lh = f->lh;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *n = NODE (self, i);

      n->cap = n->kind == NODE_LABEL ? 19 * lh : n->kind == NODE_STEP ? 25 * lh : 15 * lh;
    }
  /* words broken only when nothing else helps */
  gboolean break_words = FALSE;

  for (guint round = 0; round < 60; round++)
    {
      gboolean over = FALSE, changed = FALSE;

      *widest = 0;
      for (guint i = 0; i < self->nodes->len; i++)
        measure_node (self, NODE (self, i), context, f);
      for (guint l = 0; l < self->layers->len; l++)
        {
          GArray *layer = g_ptr_array_index (self->layers, l);
          g_autofree double *off = g_new (double, MAX (layer->len, 1));
          double width = _sam_flowchart_layer_offsets (self, layer, off);

          gboolean layer_changed = FALSE;

          *widest = MAX (*widest, width);
          if (width <= avail)
            continue;
          over = TRUE;
          /* the widest first (a short label need not wrap because a box
           * beside it is wide), then all */
          for (int all = 0; all < 2 && !layer_changed; all++)
            {
              double widest_node = 0;

              for (guint k = 0; k < layer->len; k++)
                {
                  Node *n = NODE (self, g_array_index (layer, guint, k));

                  if (all || n->cap > least_cap (n, lh, break_words) + 0.01)
                    widest_node = MAX (widest_node, n->w);
                }
              for (guint k = 0; k < layer->len; k++)
                {
                  Node *n = NODE (self, g_array_index (layer, guint, k));
                  double least = least_cap (n, lh, break_words);
                  double cap = MAX (least, MIN (n->cap, n->w) * MAX (0.8, MIN (0.95, avail / width)));

                  if (n->kind == NODE_DUMMY || (!all && n->w < 0.7 * widest_node))
                    continue;
                  if (cap < n->cap - 0.01)
                    {
                      n->cap = cap;
                      layer_changed = TRUE;
                    }
                }
            }
          changed |= layer_changed;
        }
      if (!over)
        return TRUE;
      if (!changed && break_words)
        return FALSE;
      if (!changed)
        break_words = TRUE;
    }
  return FALSE;
}
