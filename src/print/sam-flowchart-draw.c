/* sam-flowchart-draw.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamFlowchart: the laid out chart drawn with Cairo.
 */
#define G_LOG_DOMAIN "sam-flowchart"

#include "config.h"

#include <math.h>

#include "sam-flowchart-private.h"

/* The kinds' colours on a light background (set_kind() lightens them on a
 * dark one). */
static const double question_rgb[3] = { 0.11, 0.44, 0.85 };
static const double handover_rgb[3] = { 0.51, 0.24, 0.61 };
static const double urgency_rgb[SAM_N_URGENCIES][3] = {
  [SAM_URGENCY_NONE]        = { 0.37, 0.36, 0.39 },
  [SAM_URGENCY_IMMEDIATE]   = { 0.75, 0.11, 0.16 },
  [SAM_URGENCY_SAME_DAY]    = { 0.71, 0.30, 0.00 },
  [SAM_URGENCY_WITHIN_WEEK] = { 0.37, 0.36, 0.39 },
};

/* Drawing */

static void
set_rgba (cairo_t *cr, const double rgb[], double alpha)
{
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

/* A kind's colour: as it is on a light background, lighter on a dark one
 * (a light foreground says which), so that lines stay visible. */
static void
set_kind (SamFlowchart *self, cairo_t *cr, const double rgb[], double alpha)
{
  double luminance = 0.2126 * self->fg[0] + 0.7152 * self->fg[1] + 0.0722 * self->fg[2];
  double mix = luminance > 0.5 ? 0.35 : 0;

  cairo_set_source_rgba (cr, rgb[0] + (1 - rgb[0]) * mix, rgb[1] + (1 - rgb[1]) * mix,
                         rgb[2] + (1 - rgb[2]) * mix, alpha);
}

static void
set_fg (SamFlowchart *self, cairo_t *cr, double alpha)
{
  cairo_set_source_rgba (cr, self->fg[0], self->fg[1], self->fg[2], self->fg[3] * alpha);
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
show_layout (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_box (SamFlowchart *self, cairo_t *cr, Node *n)
{
  double lh = self->lh, lw = 0.1 * lh;
  gboolean current = n->kind == NODE_STEP && self->current && g_strcmp0 (self->current, n->id) == 0;

  cairo_save (cr);
  cairo_translate (cr, n->x, n->y);
  cairo_set_line_width (cr, lw);
  if (current)
    {
      /* a ring around, apart from the box's own line */
      double off = 0.32 * lh;

      rounded_rect (cr, 0, 0, n->w, n->h, n->step_kind == SAM_STEP_KIND_QUESTION ? 0.9 * lh : 0.3 * lh);
      cairo_set_source_rgba (cr, self->accent[0], self->accent[1], self->accent[2], 0.22);
      cairo_fill (cr);
      rounded_rect (cr, -off, -off, n->w + 2 * off, n->h + 2 * off,
                    (n->step_kind == SAM_STEP_KIND_QUESTION ? 0.9 * lh : 0.3 * lh) + off);
      cairo_set_source_rgba (cr, self->accent[0], self->accent[1], self->accent[2], 1);
      cairo_set_line_width (cr, 2.5 * lw);
      cairo_stroke (cr);
      cairo_set_line_width (cr, lw);
    }
  switch (n->kind)
    {
    case NODE_HANDOVER:
      rounded_rect (cr, 0, 0, n->w, n->h, n->h / 2);
      set_kind (self, cr, handover_rgb, 0.13);
      cairo_fill_preserve (cr);
      set_kind (self, cr, handover_rgb, 1);
      cairo_set_line_width (cr, 1.3 * lw);
      cairo_stroke (cr);
      set_fg (self, cr, 1);
      break;

    case NODE_BACK:
      rounded_rect (cr, 0, 0, n->w, n->h, n->h / 2);
      set_fg (self, cr, 0.6);
      cairo_set_dash (cr, (double[]) { 0.45 * lh, 0.25 * lh }, 2, 0);
      cairo_stroke (cr);
      set_fg (self, cr, 0.85);
      break;

    case NODE_STEP:
    default:
      if (n->step_kind == SAM_STEP_KIND_QUESTION)
        {
          rounded_rect (cr, 0, 0, n->w, n->h, 0.9 * lh);
          set_kind (self, cr, question_rgb, 0.11);
          cairo_fill_preserve (cr);
          set_kind (self, cr, question_rgb, 1);
          cairo_set_line_width (cr, 1.4 * lw);
          cairo_stroke (cr);
          /* the "?" mark */
          cairo_arc (cr, n->pill_x + n->pill_w / 2, n->pill_y + n->pill_h / 2, n->pill_w / 2, 0, 2 * G_PI);
          set_rgba (cr, question_rgb, 1);
          cairo_fill (cr);
          if (n->mark_layout)
            {
              double mw, mh;

              _sam_flowchart_layout_size (n->mark_layout, &mw, &mh);
              cairo_set_source_rgb (cr, 1, 1, 1);
              show_layout (cr, n->mark_layout, n->pill_x + (n->pill_w - mw) / 2, n->pill_y + (n->pill_h - mh) / 2);
            }
        }
      else if (n->step_kind == SAM_STEP_KIND_NOTE)
        {
          rounded_rect (cr, 0, 0, n->w, n->h, 0.3 * lh);
          set_fg (self, cr, 0.03);
          cairo_fill_preserve (cr);
          set_fg (self, cr, 0.5);
          cairo_set_dash (cr, (double[]) { 0.35 * lh, 0.22 * lh }, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          rounded_rect (cr, 0, 0, n->w, n->h, 0.3 * lh);
          set_fg (self, cr, 0.05);
          cairo_fill_preserve (cr);
          set_fg (self, cr, 0.85);
          cairo_stroke (cr);
          if (n->pill_layout)
            {
              double pw, ph;

              rounded_rect (cr, n->pill_x, n->pill_y, n->pill_w, n->pill_h, n->pill_h / 2);
              set_rgba (cr, urgency_rgb[n->urgency], 1);
              cairo_fill (cr);
              _sam_flowchart_layout_size (n->pill_layout, &pw, &ph);
              cairo_set_source_rgb (cr, 1, 1, 1);
              show_layout (cr, n->pill_layout, n->pill_x + (n->pill_w - pw) / 2, n->pill_y + (n->pill_h - ph) / 2);
            }
          if (n->actor_layout)
            {
              set_fg (self, cr, 1);
              show_layout (cr, n->actor_layout, n->actor_x, n->actor_y);
            }
        }
      set_fg (self, cr, n->step_kind == SAM_STEP_KIND_NOTE ? 0.85 : 1);
      break;
    }
  if (n->text_layout)
    show_layout (cr, n->text_layout, n->text_x, n->text_y);
  if (n->legal_layout)
    {
      set_fg (self, cr, 0.7);
      show_layout (cr, n->legal_layout, n->legal_x, n->legal_y);
    }
  cairo_restore (cr);
}

/* A line through the points with rounded corners, ending in an arrowhead. */
static void
draw_edge (SamFlowchart *self, cairo_t *cr, Edge *edge)
{
  const double *p = (const double *) edge->points->data;
  guint n = edge->points->len / 2;
  double lh = self->lh, head = 0.6 * lh, half = 0.3 * lh;
  double ex, ey, dx, dy, len;

  if (n < 2)
    return;
  cairo_move_to (cr, p[0], p[1]);
  for (guint k = 1; k + 1 < n; k++)
    {
      double ax = p[2 * k - 2], ay = p[2 * k - 1], bx = p[2 * k], by = p[2 * k + 1];
      double cx = p[2 * k + 2], cy = p[2 * k + 3];
      double l1 = hypot (bx - ax, by - ay), l2 = hypot (cx - bx, cy - by);
      double r = MIN (0.45 * lh, MIN (l1, l2) / 2);

      if (l1 < 1e-6 || l2 < 1e-6)
        continue;
      cairo_line_to (cr, bx - (bx - ax) / l1 * r, by - (by - ay) / l1 * r);
      cairo_curve_to (cr, bx, by, bx, by, bx + (cx - bx) / l2 * r, by + (cy - by) / l2 * r);
    }
  ex = p[2 * n - 2];
  ey = p[2 * n - 1];
  dx = ex - p[2 * n - 4];
  dy = ey - p[2 * n - 3];
  len = hypot (dx, dy);
  if (len < 1e-6)
    return;
  dx /= len;
  dy /= len;
  cairo_line_to (cr, ex - dx * head * 0.8, ey - dy * head * 0.8);
  cairo_stroke (cr);
  cairo_move_to (cr, ex, ey);
  cairo_line_to (cr, ex - dx * head - dy * half, ey - dy * head + dx * half);
  cairo_line_to (cr, ex - dx * head + dy * half, ey - dy * head - dx * half);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
sam_flowchart_draw (SamFlowchart *self,
                    cairo_t      *cr)
{
  double lh;

  g_return_if_fail (SAM_IS_FLOWCHART (self));
  g_return_if_fail (self->laid_out);

  lh = self->lh;
  cairo_save (cr);
  cairo_scale (cr, self->scale, self->scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* the edges, with gaps where their labels go */
  cairo_save (cr);
  cairo_rectangle (cr, -lh, -lh, self->width + 2 * lh, self->height + 2 * lh);
  for (guint k = 0; k < self->labels->len; k++)
    {
      Node *n = NODE (self, g_array_index (self->labels, guint, k));
      cairo_rectangle (cr, n->x, n->y, n->w, n->h);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.11 * lh);
  set_fg (self, cr, 0.75);
  for (guint e = 0; e < self->edges->len; e++)
    draw_edge (self, cr, EDGE (self, e));
  cairo_restore (cr);

  for (guint k = 0; k < self->labels->len; k++)
    {
      Node *n = NODE (self, g_array_index (self->labels, guint, k));

      rounded_rect (cr, n->x, n->y, n->w, n->h, MIN (n->h / 2, 0.6 * lh));
      set_kind (self, cr, question_rgb, 0.16);
      cairo_fill (cr);
      set_fg (self, cr, 1);
      show_layout (cr, n->text_layout, n->x + n->text_x, n->y + n->text_y);
    }
  for (guint i = 0; i < self->n_boxes; i++)
    draw_box (self, cr, NODE (self, i));
  cairo_restore (cr);
}
