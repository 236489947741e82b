/* sam-flowchart-place.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamFlowchart: the x position of every box, label and dummy, layer by
 * layer, near its neighbours.
 */
#define G_LOG_DOMAIN "sam-flowchart"

#include "config.h"

#include "sam-flowchart-private.h"

/* Placing the boxes */

/* How far from a box's sides arrows may leave or enter it: clear of its
 * rounded corners. */
double
_sam_flowchart_port_inset (SamFlowchart *self, Node *n)
{
  double inset;

  if (n->kind >= NODE_LABEL)
    return n->w / 2;
  if (n->kind == NODE_HANDOVER || n->kind == NODE_BACK)
    inset = n->h / 2;
  else if (n->step_kind == SAM_STEP_KIND_QUESTION)
    inset = 1.0 * self->lh;
  else
    inset = 0.5 * self->lh;
  return MIN (n->w / 2, inset);
}

static double
node_gap (SamFlowchart *self, Node *n)
{
  switch (n->kind)
    {
    case NODE_DUMMY:
      return 0.6 * self->lh;
    case NODE_LABEL:
      return 0.8 * self->lh;
    default:
      return 1.3 * self->lh;
    }
}

/* Centre-to-centre distances of a layer's neighbours, packed. */
double
_sam_flowchart_layer_offsets (SamFlowchart *self, GArray *layer, double *offsets)
{
  double off = 0;

  for (guint k = 0; k < layer->len; k++)
    {
      Node *n = NODE (self, g_array_index (layer, guint, k));

      if (k > 0)
        {
          Node *p = NODE (self, g_array_index (layer, guint, k - 1));
          off += (p->w + n->w) / 2 + (node_gap (self, p) + node_gap (self, n)) / 2;
        }
      offsets[k] = off;
    }
  return layer->len > 0 ? off + (NODE (self, g_array_index (layer, guint, 0))->w +
                                 NODE (self, g_array_index (layer, guint, layer->len - 1))->w) / 2 : 0;
}

static double
link_weight (SamFlowchart *self, Link *link)
{
  gboolean a = NODE (self, link->from)->kind >= NODE_LABEL;
  gboolean b = NODE (self, link->to)->kind >= NODE_LABEL;
  /* the way on pulls harder than a branch that ends in a terminal box, so
   * that the way on goes straight down */
  NodeKind end = NODE (self, EDGE (self, link->edge)->to)->kind;
  double w = end == NODE_HANDOVER || end == NODE_BACK ? 0.05 : 1;

  return w * (a && b ? 8 : a || b ? 2 : 1);
}

/* Places one layer: each node as near the mean of its neighbours (above,
 * below or both) as the order, the spacing and [0, @bound] allow, in the
 * least-squares sense (pool adjacent violators on x minus the packed
 * offsets). Centres go in ->x while placing. */
static void
place_layer (SamFlowchart *self, guint l, int direction, double bound)
{
  GArray *layer = g_ptr_array_index (self->layers, l);
  guint len = layer->len;
  g_autofree double *off = g_new (double, len);
  g_autofree double *want = g_new (double, len);
  g_autofree double *weight = g_new (double, len);
  g_autofree double *bw = g_new (double, len);
  g_autofree double *bv = g_new (double, len);
  g_autofree guint *bn = g_new (guint, len);
  guint blocks = 0, k = 0;
  double lo, hi;

  if (len == 0)
    return;
  _sam_flowchart_layer_offsets (self, layer, off);
  for (k = 0; k < len; k++)
    {
      Node *n = NODE (self, g_array_index (layer, guint, k));
      double sum = 0, sw = 0;

      for (int pass = 0; pass < 2; pass++)
        {
          GArray *links = pass == 0 ? n->in : n->out;

          if ((pass == 0 && direction < 0) || (pass == 1 && direction > 0))
            continue;
          for (guint j = 0; j < links->len; j++)
            {
              Link *link = LINK (self, g_array_index (links, guint, j));
              double w = link_weight (self, link);

              sum += w * NODE (self, pass == 0 ? link->from : link->to)->x;
              sw += w;
            }
        }
      want[k] = (sw > 0 ? sum / sw : n->x) - off[k];
      weight[k] = sw > 0 ? sw : 0.05;
    }
  /* pool adjacent violators */
  for (k = 0; k < len; k++)
    {
      bw[blocks] = weight[k];
      bv[blocks] = want[k];
      bn[blocks] = 1;
      blocks++;
      while (blocks > 1 && bv[blocks - 2] > bv[blocks - 1])
        {
          double w = bw[blocks - 2] + bw[blocks - 1];

          bv[blocks - 2] = (bv[blocks - 2] * bw[blocks - 2] + bv[blocks - 1] * bw[blocks - 1]) / w;
          bw[blocks - 2] = w;
          bn[blocks - 2] += bn[blocks - 1];
          blocks--;
        }
    }
  lo = NODE (self, g_array_index (layer, guint, 0))->w / 2;
  hi = bound - NODE (self, g_array_index (layer, guint, len - 1))->w / 2 - off[len - 1];
  if (hi < lo)
    hi = lo;
  k = 0;
  for (guint b = 0; b < blocks; b++)
    for (guint j = 0; j < bn[b]; j++, k++)
      NODE (self, g_array_index (layer, guint, k))->x = CLAMP (bv[b], lo, hi) + off[k];
}

/* Where the centre of @n may go without coming nearer its neighbours than
 * the spacing, or leaving [0, @bound]. */
static void
free_range (SamFlowchart *self, Node *n, double bound, double *lo, double *hi)
{
  GArray *layer = g_ptr_array_index (self->layers, n->layer);

  *lo = n->w / 2;
  *hi = bound - n->w / 2;
  if (n->order > 0)
    {
      Node *left = NODE (self, g_array_index (layer, guint, n->order - 1));
      *lo = MAX (*lo, left->x + (left->w + n->w) / 2 + (node_gap (self, left) + node_gap (self, n)) / 2);
    }
  if ((guint) n->order + 1 < layer->len)
    {
      Node *right = NODE (self, g_array_index (layer, guint, n->order + 1));
      *hi = MIN (*hi, right->x - (right->w + n->w) / 2 - (node_gap (self, right) + node_gap (self, n)) / 2);
    }
  /* what rounding may have left a hair off */
  *lo = MIN (*lo, n->x);
  *hi = MAX (*hi, n->x);
}

/* The least squares leave small jogs in long edges; this lines up each
 * run of an edge's label and dummies that can go straight down, over its
 * box above or below if it can. */
static void
straighten (SamFlowchart *self, double bound)
{
  for (guint e = 0; e < self->edges->len; e++)
    {
      Edge *edge = EDGE (self, e);
      guint last = edge->chain->len - 1;
      guint k = 1;

      while (k < last)
        {
          double lo = -G_MAXDOUBLE, hi = G_MAXDOUBLE, sum = 0, a, b, want;
          guint j = k;

          for (; j < last; j++)
            {
              free_range (self, NODE (self, g_array_index (edge->chain, guint, j)), bound, &a, &b);
              if (MAX (lo, a) > MIN (hi, b))
                break;
              lo = MAX (lo, a);
              hi = MIN (hi, b);
              sum += NODE (self, g_array_index (edge->chain, guint, j))->x;
            }
          g_assert (j > k);
          want = sum / (j - k);
          for (int end = 0; end < 2; end++)
            {
              Node *box = NODE (self, end == 0 ? edge->from : edge->to);
              double inset = _sam_flowchart_port_inset (self, box);

              if ((end == 0 && k != 1) || (end == 1 && j != last))
                continue;
              a = MAX (lo, box->x - box->w / 2 + inset);
              b = MIN (hi, box->x + box->w / 2 - inset);
              if (a <= b)
                {
                  lo = a;
                  hi = b;
                }
            }
          for (; k < j; k++)
            NODE (self, g_array_index (edge->chain, guint, k))->x = CLAMP (want, lo, hi);
        }
    }
}

void
_sam_flowchart_place_x (SamFlowchart *self, double bound)
{
  guint n_layers = self->layers->len;

  /* packed and centred to start with */
  for (guint l = 0; l < n_layers; l++)
    {
      GArray *layer = g_ptr_array_index (self->layers, l);
      g_autofree double *off = g_new (double, MAX (layer->len, 1));
      double width = _sam_flowchart_layer_offsets (self, layer, off);
      double left = MAX (0, (bound - width) / 2);

      for (guint k = 0; k < layer->len; k++)
        NODE (self, g_array_index (layer, guint, k))->x =
          left + NODE (self, g_array_index (layer, guint, 0))->w / 2 + off[k];
    }
  for (guint round = 0; round < 40; round++)
    {
      int direction = round < 38 ? (round % 2 == 0 ? 1 : -1) : 0;

      if (direction >= 0)
        for (guint l = 0; l < n_layers; l++)
          place_layer (self, l, direction, bound);
      else
        for (guint l = n_layers; l-- > 0;)
          place_layer (self, l, direction, bound);
    }
  straighten (self, bound);
  /* centres to left edges */
  for (guint i = 0; i < self->nodes->len; i++)
    NODE (self, i)->x -= NODE (self, i)->w / 2;
}
