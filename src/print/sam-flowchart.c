/* sam-flowchart.c — an escalation path as a layered flowchart.
 *
 * The layout is Sugiyama's: the steps go in layers by the longest way from
 * the start (a labelled branch is two layers long, its label a node of its
 * own in between, so labels are placed like boxes and never overlap
 * anything); edges longer than one layer get a dummy node per layer
 * crossed; barycenter sweeps order the layers for few crossings; each
 * layer's x positions are the least-squares fit to its neighbours' under
 * the spacing and width constraints; the edges run straight down through
 * their own columns and turn on tracks between the layers, so they never
 * cross a box. Boxes get narrower (and the text smaller) until the chart
 * fits the width it is given.
 *
 * This file holds the object, the order of the stages and the getters;
 * the stages are in sam-flowchart-layers.c (the graph, its layers and
 * their order), sam-flowchart-measure.c (the boxes' text and sizes),
 * sam-flowchart-place.c (x), sam-flowchart-route.c (y and the edges)
 * and sam-flowchart-draw.c (Cairo).
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-flowchart"

#include "config.h"

#include <string.h>

#include "sam-flowchart-private.h"

G_DEFINE_FINAL_TYPE (SamFlowchart, sam_flowchart, G_TYPE_OBJECT)

/* Drops the text layouts of @n; measuring makes them anew at every try. */
void
_sam_flowchart_clear_layouts (Node *n)
{
  g_clear_object (&n->text_layout);
  g_clear_object (&n->actor_layout);
  g_clear_object (&n->legal_layout);
  g_clear_object (&n->pill_layout);
  g_clear_object (&n->mark_layout);
}

static void
node_clear (gpointer data)
{
  Node *n = data;

  g_free (n->id);
  g_free (n->text);
  g_free (n->actor);
  g_free (n->legal);
  g_array_unref (n->in);
  g_array_unref (n->out);
  _sam_flowchart_clear_layouts (n);
}

static void
edge_clear (gpointer data)
{
  Edge *e = data;

  g_free (e->label);
  g_array_unref (e->chain);
  g_array_unref (e->points);
  g_array_unref (e->scaled);
}

static void
sam_flowchart_finalize (GObject *object)
{
  SamFlowchart *self = SAM_FLOWCHART (object);

  g_clear_object (&self->path);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self->current);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_array_unref (self->links);
  g_ptr_array_unref (self->layers);
  g_array_unref (self->labels);
  g_array_unref (self->layer_y);
  g_array_unref (self->layer_h);
  G_OBJECT_CLASS (sam_flowchart_parent_class)->finalize (object);
}

static void
sam_flowchart_class_init (SamFlowchartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_flowchart_finalize;
}

static void
sam_flowchart_init (SamFlowchart *self)
{
  static const double fg[4] = { 0.12, 0.12, 0.14, 1.0 };
  static const double accent[4] = { 0.21, 0.52, 0.89, 1.0 };

  self->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (Edge));
  g_array_set_clear_func (self->edges, edge_clear);
  self->links = g_array_new (FALSE, TRUE, sizeof (Link));
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->labels = g_array_new (FALSE, FALSE, sizeof (guint));
  self->layer_y = g_array_new (FALSE, TRUE, sizeof (double));
  self->layer_h = g_array_new (FALSE, TRUE, sizeof (double));
  self->font = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (self->font, 9 * PANGO_SCALE);
  memcpy (self->fg, fg, sizeof fg);
  memcpy (self->accent, accent, sizeof accent);
  self->scale = 1;
}

/* The graph and the order of its layers: all that does not depend on
 * the text's size. */
SamFlowchart *
sam_flowchart_new (SamEscalationPath *path,
                   SamStore          *store,
                   SamLang            lang)
{
  SamFlowchart *self;

  g_return_val_if_fail (SAM_IS_ESCALATION_PATH (path), NULL);
  g_return_val_if_fail (store == NULL || SAM_IS_STORE (store), NULL);

  self = g_object_new (SAM_TYPE_FLOWCHART, NULL);
  self->path = g_object_ref (path);
  self->lang = lang < SAM_N_LANGS ? lang : SAM_LANG_SV;
  _sam_flowchart_build_graph (self, store);
  _sam_flowchart_break_cycles (self);
  _sam_flowchart_assign_layers (self);
  _sam_flowchart_make_chains (self);
  _sam_flowchart_initial_order (self);
  _sam_flowchart_reduce_crossings (self);
  return self;
}

/* Laying out: fonts tried from the largest until the boxes fit, then the
 * rest placed at that size. */
void
sam_flowchart_layout (SamFlowchart *self,
                      PangoContext *context,
                      double        max_width)
{
  static const double factors[] = { 1.0, 0.92, 0.84, 0.76 };
  double widest = 0, avail = 0;
  Fonts f = { 0 };
  gboolean fits = FALSE;

  g_return_if_fail (SAM_IS_FLOWCHART (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  max_width = MAX (max_width, 1);
  for (guint k = 0; k < G_N_ELEMENTS (factors) && !fits; k++)
    {
      _sam_flowchart_fonts_clear (&f);
      _sam_flowchart_fonts_init (&f, self->font, factors[k], context);
      self->lh = f.lh;
      self->margin = 0.5 * f.lh;   /* room for the ring around the current step */
      avail = max_width - 2 * self->margin;
      fits = _sam_flowchart_fit (self, context, &f, avail, &widest);
      self->font_factor = factors[k];
    }
  _sam_flowchart_fonts_clear (&f);
  /* At the smallest text it still does not fit: all of it smaller. */
  self->scale = 1;
  if (!fits)
    {
      avail = widest;
      self->scale = max_width / (widest + 2 * self->margin);
    }
  _sam_flowchart_arrange (self, avail);
  if (self->width * self->scale > max_width)   /* rounding */
    self->scale = max_width / self->width;

  for (guint e = 0; e < self->edges->len; e++)
    {
      Edge *edge = EDGE (self, e);

      g_array_set_size (edge->scaled, edge->points->len);
      for (guint k = 0; k < edge->points->len; k++)
        g_array_index (edge->scaled, double, k) = g_array_index (edge->points, double, k) * self->scale;
    }
  self->laid_out = TRUE;
}

double
sam_flowchart_get_text_scale (SamFlowchart *self)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), 1);
  g_return_val_if_fail (self->laid_out, 1);

  return self->font_factor * self->scale;
}

double
sam_flowchart_get_min_font_size (SamFlowchart *self)
{
  double size;

  g_return_val_if_fail (SAM_IS_FLOWCHART (self), 0);
  g_return_val_if_fail (self->laid_out, 0);

  size = (double) pango_font_description_get_size (self->font) / PANGO_SCALE;
  if (size <= 0)
    size = 9;
  return size * SAM_FLOWCHART_SMALLEST_TEXT * sam_flowchart_get_text_scale (self);
}

void
sam_flowchart_get_size (SamFlowchart *self,
                        double       *width,
                        double       *height)
{
  g_return_if_fail (SAM_IS_FLOWCHART (self));
  g_return_if_fail (self->laid_out);

  if (width)
    *width = self->width * self->scale;
  if (height)
    *height = self->height * self->scale;
}

/* Getters */

static void
node_rect (SamFlowchart *self, Node *n, cairo_rectangle_t *rect)
{
  rect->x = n->x * self->scale;
  rect->y = n->y * self->scale;
  rect->width = n->w * self->scale;
  rect->height = n->h * self->scale;
}

guint
sam_flowchart_get_n_boxes (SamFlowchart *self)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), 0);
  return self->n_boxes;
}

const char *
sam_flowchart_get_box (SamFlowchart      *self,
                       guint              i,
                       cairo_rectangle_t *rect)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (i < self->n_boxes, NULL);

  if (rect)
    node_rect (self, NODE (self, i), rect);
  return NODE (self, i)->id;
}

SamFlowchartBoxKind
sam_flowchart_get_box_kind (SamFlowchart *self,
                            guint         i)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), SAM_FLOWCHART_BOX_STEP);
  g_return_val_if_fail (i < self->n_boxes, SAM_FLOWCHART_BOX_STEP);

  switch (NODE (self, i)->kind)
    {
    case NODE_HANDOVER:
      return SAM_FLOWCHART_BOX_HANDOVER;
    case NODE_BACK:
      return SAM_FLOWCHART_BOX_BACK;
    default:
      return SAM_FLOWCHART_BOX_STEP;
    }
}

int
sam_flowchart_find_box (SamFlowchart *self,
                        const char   *step_id)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), -1);

  for (guint i = 0; i < self->n_boxes && step_id; i++)
    if (NODE (self, i)->kind == NODE_STEP && g_strcmp0 (NODE (self, i)->id, step_id) == 0)
      return i;
  return -1;
}

guint
sam_flowchart_get_n_labels (SamFlowchart *self)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), 0);
  return self->labels->len;
}

void
sam_flowchart_get_label (SamFlowchart      *self,
                         guint              i,
                         cairo_rectangle_t *rect)
{
  g_return_if_fail (SAM_IS_FLOWCHART (self));
  g_return_if_fail (i < self->labels->len);

  node_rect (self, NODE (self, g_array_index (self->labels, guint, i)), rect);
}

guint
sam_flowchart_get_n_edges (SamFlowchart *self)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), 0);
  return self->edges->len;
}

const double *
sam_flowchart_get_edge (SamFlowchart *self,
                        guint         i,
                        guint        *from_box,
                        guint        *to_box,
                        int          *label,
                        guint        *n_points)
{
  Edge *edge;

  g_return_val_if_fail (SAM_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (i < self->edges->len, NULL);

  edge = EDGE (self, i);
  if (from_box)
    *from_box = edge->from;
  if (to_box)
    *to_box = edge->to;
  if (label)
    *label = edge->label_index;
  if (n_points)
    *n_points = edge->scaled->len / 2;
  return (const double *) edge->scaled->data;
}

void
sam_flowchart_set_font (SamFlowchart               *self,
                        const PangoFontDescription *font)
{
  g_return_if_fail (SAM_IS_FLOWCHART (self));

  g_clear_pointer (&self->font, pango_font_description_free);
  if (font)
    self->font = pango_font_description_copy (font);
  else
    {
      self->font = pango_font_description_from_string ("Sans");
      pango_font_description_set_absolute_size (self->font, 9 * PANGO_SCALE);
    }
}

void
sam_flowchart_set_colors (SamFlowchart *self,
                          const double  foreground[4],
                          const double  accent[4])
{
  g_return_if_fail (SAM_IS_FLOWCHART (self));

  if (foreground)
    memcpy (self->fg, foreground, sizeof self->fg);
  if (accent)
    memcpy (self->accent, accent, sizeof self->accent);
}

void
sam_flowchart_set_current (SamFlowchart *self,
                           const char   *step_id)
{
  g_return_if_fail (SAM_IS_FLOWCHART (self));

  g_free (self->current);
  self->current = g_strdup (step_id);
}
