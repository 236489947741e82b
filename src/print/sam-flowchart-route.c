/* sam-flowchart-route.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamFlowchart: the edges' ports and tracks, the layers' y, and the
 * lines the edges are drawn along.
 */
#define G_LOG_DOMAIN "sam-flowchart"

#include "config.h"

#include <math.h>

#include "sam-flowchart-private.h"

/* Routing the edges */

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Where a box's links leave it (@out) or enter it: each straight above or
 * below the other end if it can be, in order, at least @sp apart, within
 * the box less its corners. */
static void
set_ports (SamFlowchart *self, Node *n, gboolean out, double sp)
{
  GArray *links = out ? n->out : n->in;
  guint len = links->len;
  g_autofree double *keys = g_new (double, 2 * MAX (len, 1));
  g_autofree double *x = g_new (double, MAX (len, 1));
  double inset = _sam_flowchart_port_inset (self, n);
  double lo = n->x + inset, hi = n->x + n->w - inset;

  if (len == 0)
    return;
  if (n->kind >= NODE_LABEL)
    {
      for (guint j = 0; j < len; j++)
        {
          Link *link = LINK (self, g_array_index (links, guint, j));
          *(out ? &link->x_from : &link->x_to) = n->x + n->w / 2;
        }
      return;
    }
  /* in the order of the other ends (their place, then their port) */
  for (guint j = 0; j < len; j++)
    {
      Link *link = LINK (self, g_array_index (links, guint, j));
      Node *other = NODE (self, out ? link->to : link->from);

      keys[2 * j] = out ? other->x + other->w / 2 : link->x_from;
      keys[2 * j + 1] = j;
    }
  qsort (keys, len, 2 * sizeof (double), compare_double);
  if ((len - 1) * sp > hi - lo)
    sp = len > 1 ? (hi - lo) / (len - 1) : 0;
  for (guint j = 0; j < len; j++)
    x[j] = CLAMP (keys[2 * j], lo + j * sp, hi - (len - 1 - j) * sp);
  for (guint j = 1; j < len; j++)
    x[j] = MAX (x[j], x[j - 1] + sp);
  for (guint j = len - 1; j-- > 0;)
    x[j] = MIN (x[j], x[j + 1] - sp);
  for (guint j = 0; j < len; j++)
    {
      Link *link = LINK (self, g_array_index (links, guint, (guint) keys[2 * j + 1]));
      *(out ? &link->x_from : &link->x_to) = x[j];
    }
}

/* Tracks for the turns between layer @l and the next: two turns whose
 * spans overlap get different tracks, the one above chosen so that they
 * cross the fewest times. Returns how many tracks. */
static guint
assign_tracks (SamFlowchart *self, guint l)
{
  GArray *layer = g_ptr_array_index (self->layers, l);
  g_autoptr(GArray) turns = g_array_new (FALSE, FALSE, sizeof (guint));
  /* ends nearer than eps go straight, a hair aslant */
  double eps = 0.15 * self->lh, margin = 0.4 * self->lh;
  guint n, tracks = 0;
  g_autofree guint8 *above = NULL;   /* above[a * n + b]: a's track above b's */
  g_autofree int *track = NULL;
  g_autofree guint8 *state = NULL;

  for (guint k = 0; k < layer->len; k++)
    {
      Node *node = NODE (self, g_array_index (layer, guint, k));

      for (guint j = 0; j < node->out->len; j++)
        {
          guint i = g_array_index (node->out, guint, j);
          Link *link = LINK (self, i);

          link->track = -1;
          if (fabs (link->x_from - link->x_to) > eps)
            g_array_append_val (turns, i);
        }
    }
  n = turns->len;
  if (n == 0)
    return 0;
  above = g_new0 (guint8, n * n);
  track = g_new0 (int, n);
  state = g_new0 (guint8, n);
#define IN_SPAN(x, L) ((x) > MIN ((L)->x_from, (L)->x_to) + eps && (x) < MAX ((L)->x_from, (L)->x_to) - eps)
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        Link *la = LINK (self, g_array_index (turns, guint, a));
        Link *lb = LINK (self, g_array_index (turns, guint, b));
        int a_first, b_first;

        if (MAX (la->x_from, la->x_to) + margin <= MIN (lb->x_from, lb->x_to) ||
            MAX (lb->x_from, lb->x_to) + margin <= MIN (la->x_from, la->x_to))
          continue;
        a_first = IN_SPAN (lb->x_from, la) + IN_SPAN (la->x_to, lb);
        b_first = IN_SPAN (la->x_from, lb) + IN_SPAN (lb->x_to, la);
        if (a_first <= b_first)
          above[a * n + b] = 1;
        else
          above[b * n + a] = 1;
      }
#undef IN_SPAN
  /* longest path through "above", ignoring what would close a cycle:
   * repeated relaxation in an order found depth first */
  {
    g_autofree guint *order = g_new (guint, n);
    g_autofree guint *stack = g_new (guint, n);
    g_autofree guint *next = g_new0 (guint, n);
    guint done = 0;

    for (guint root = 0; root < n; root++)
      {
        guint depth = 0;

        if (state[root])
          continue;
        stack[depth++] = root;
        state[root] = 1;
        while (depth > 0)
          {
            guint u = stack[depth - 1];

            while (next[u] < n && !(above[u * n + next[u]] && state[next[u]] == 0))
              {
                if (above[u * n + next[u]] && state[next[u]] == 1)
                  above[u * n + next[u]] = 0;   /* would close a cycle */
                next[u]++;
              }
            if (next[u] < n)
              {
                guint v = next[u]++;
                state[v] = 1;
                stack[depth++] = v;
              }
            else
              {
                state[u] = 2;
                order[done++] = u;
                depth--;
              }
          }
      }
    /* order is reverse topological */
    for (guint k = n; k-- > 0;)
      {
        guint u = order[k];

        for (guint v = 0; v < n; v++)
          if (above[u * n + v])
            track[v] = MAX (track[v], track[u] + 1);
      }
  }
  for (guint a = 0; a < n; a++)
    {
      LINK (self, g_array_index (turns, guint, a))->track = track[a];
      tracks = MAX (tracks, (guint) track[a] + 1);
    }
  return tracks;
}

static void
add_point (GArray *points, double x, double y)
{
  if (points->len >= 2)
    {
      double px = g_array_index (points, double, points->len - 2);
      double py = g_array_index (points, double, points->len - 1);

      if (fabs (px - x) < 1e-6 && fabs (py - y) < 1e-6)
        return;
      /* drop the middle of three points on one line */
      if (points->len >= 4)
        {
          double qx = g_array_index (points, double, points->len - 4);
          double qy = g_array_index (points, double, points->len - 3);

          if ((fabs (qx - px) < 1e-6 && fabs (px - x) < 1e-6) ||
              (fabs (qy - py) < 1e-6 && fabs (py - y) < 1e-6))
            g_array_set_size (points, points->len - 2);
        }
    }
  g_array_append_val (points, x);
  g_array_append_val (points, y);
}

#define TRACK_TOP(self) (0.6 * (self)->lh)
#define TRACK_SPACING(self) (0.55 * (self)->lh)
#define GAP_BOTTOM(self) (1.0 * (self)->lh)        /* room for the arrowheads */
#define GAP_BOTTOM_LABELS(self) (0.4 * (self)->lh) /* above labels: no arrowheads */

/* Whether anything in layer @l is a box (that arrows end on). */
static gboolean
layer_has_boxes (SamFlowchart *self, guint l)
{
  GArray *layer = g_ptr_array_index (self->layers, l);

  for (guint k = 0; k < layer->len; k++)
    if (NODE (self, g_array_index (layer, guint, k))->kind < NODE_LABEL)
      return TRUE;
  return FALSE;
}

/* Everything after the boxes' sizes: x, ports, tracks, y, the edges' lines. */
void
_sam_flowchart_arrange (SamFlowchart *self, double bound)
{
  guint n_layers = self->layers->len;
  g_autofree guint *tracks = g_new0 (guint, MAX (n_layers, 1));
  double y, min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE;

  _sam_flowchart_place_x (self, bound);
  for (guint i = 0; i < self->nodes->len; i++)
    set_ports (self, NODE (self, i), TRUE, 1.1 * self->lh);
  for (guint i = 0; i < self->nodes->len; i++)
    set_ports (self, NODE (self, i), FALSE, 1.1 * self->lh);
  for (guint l = 0; l + 1 < n_layers; l++)
    tracks[l] = assign_tracks (self, l);

  /* the layers top-aligned, with room for their turns below */
  g_array_set_size (self->layer_y, n_layers);
  g_array_set_size (self->layer_h, n_layers);
  y = self->margin;
  for (guint l = 0; l < n_layers; l++)
    {
      GArray *layer = g_ptr_array_index (self->layers, l);
      double h = 0;

      for (guint k = 0; k < layer->len; k++)
        {
          Node *n = NODE (self, g_array_index (layer, guint, k));

          n->y = y;
          h = MAX (h, n->h);
        }
      g_array_index (self->layer_y, double, l) = y;
      g_array_index (self->layer_h, double, l) = h;
      y += h;
      if (l + 1 < n_layers)
        y += TRACK_TOP (self) + MAX (tracks[l], 1) * TRACK_SPACING (self) - TRACK_SPACING (self) +
             (layer_has_boxes (self, l + 1) ? GAP_BOTTOM (self) : GAP_BOTTOM_LABELS (self));
    }
  self->height = y + self->margin;

  /* left edge at the margin */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *n = NODE (self, i);

      min_x = MIN (min_x, n->x);
      max_x = MAX (max_x, n->x + n->w);
    }
  if (self->nodes->len == 0)
    min_x = max_x = 0;
  for (guint i = 0; i < self->nodes->len; i++)
    NODE (self, i)->x += self->margin - min_x;
  for (guint i = 0; i < self->links->len; i++)
    {
      LINK (self, i)->x_from += self->margin - min_x;
      LINK (self, i)->x_to += self->margin - min_x;
    }
  self->width = max_x - min_x + 2 * self->margin;

  /* the edges' lines */
  for (guint e = 0; e < self->edges->len; e++)
    {
      Edge *edge = EDGE (self, e);
      Node *from = NODE (self, edge->from);

      g_array_set_size (edge->points, 0);
      for (guint c = 0; c + 1 < edge->chain->len; c++)
        {
          Node *a = NODE (self, g_array_index (edge->chain, guint, c));
          Link *link = NULL;
          guint l = a->layer;
          double bottom = g_array_index (self->layer_y, double, l) + g_array_index (self->layer_h, double, l);

          for (guint j = 0; j < a->out->len && !link; j++)
            if (LINK (self, g_array_index (a->out, guint, j))->edge == e)
              link = LINK (self, g_array_index (a->out, guint, j));
          g_assert (link);
          if (c == 0)
            add_point (edge->points, link->x_from, from->y + from->h);
          add_point (edge->points, link->x_from, bottom);
          if (link->track >= 0)
            {
              double ty = bottom + TRACK_TOP (self) + link->track * TRACK_SPACING (self);

              add_point (edge->points, link->x_from, ty);
              add_point (edge->points, link->x_to, ty);
            }
          add_point (edge->points, link->x_to, NODE (self, link->to)->y);
        }
    }
}
