/* sam-flowchart-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files that make up SamFlowchart: the graph being laid out
 * and the stages of the layout; nothing outside src/print includes it.
 */
#pragma once

#include <pango/pangocairo.h>

#include "sam-flowchart.h"

G_BEGIN_DECLS

/* The smallest text of a chart (branch labels, legal references), of its font. */
#define SAM_FLOWCHART_SMALLEST_TEXT 0.86

typedef enum {
  NODE_STEP,      /* boxes first: steps, then the terminals */
  NODE_HANDOVER,
  NODE_BACK,
  NODE_LABEL,     /* then the branch labels and the edges' dummies */
  NODE_DUMMY,
} NodeKind;

typedef struct {
  NodeKind kind;
  SamStepKind step_kind;
  char *id;                 /* what get_box() names */
  char *text;
  char *actor;              /* action: the actor's name */
  char *legal;
  SamUrgency urgency;
  int layer;
  int order;                /* place in its layer */
  GArray *in, *out;         /* guint link indices */
  gboolean reachable;
  /* laid out, in layout units before the final scale */
  double cap;               /* widest the box may be */
  double soft_min;          /* narrowest without breaking a word */
  double x, y, w, h;        /* top left, size */
  PangoLayout *text_layout, *actor_layout, *legal_layout, *pill_layout, *mark_layout;
  double text_x, text_y, actor_x, actor_y, legal_x, legal_y;
  double pill_x, pill_y, pill_w, pill_h;
} Node;

/* An arrow from one box to another, as the path has it. */
typedef struct {
  guint from, to;
  char *label;              /* NULL: no label */
  int label_node;           /* -1 */
  int label_index;          /* -1 */
  GArray *chain;            /* guint nodes from → (label) → dummies → to */
  GArray *points;           /* double x, y pairs */
  GArray *scaled;           /* the same, scaled */
} Edge;

/* A piece of an edge between two neighbouring layers. */
typedef struct {
  guint from, to;
  guint edge;
  double x_from, x_to;      /* ports */
  int track;                /* -1: straight down */
} Link;

struct _SamFlowchart
{
  GObject parent_instance;

  SamEscalationPath *path;
  SamLang lang;
  PangoFontDescription *font;
  double fg[4], accent[4];
  char *current;

  GArray *nodes;            /* Node */
  GArray *edges;            /* Edge */
  GArray *links;            /* Link */
  GPtrArray *layers;        /* GArray of guint nodes, in order */
  guint n_boxes;
  GArray *labels;           /* guint nodes, in label order */

  gboolean laid_out;
  double lh;                /* the body text's line height: the unit of every distance */
  double margin;
  double font_factor;       /* the text's size as laid out, of the font's */
  double scale;             /* all of it, when even that was too wide */
  double width, height;     /* before the scale */
  GArray *layer_y, *layer_h;
};

#define NODE(self, i) (&g_array_index ((self)->nodes, Node, (i)))
#define LINK(self, i) (&g_array_index ((self)->links, Link, (i)))
#define EDGE(self, i) (&g_array_index ((self)->edges, Edge, (i)))

/* The fonts for one text size, and the body text's line height. */
typedef struct {
  PangoFontDescription *body, *bold, *small, *small_bold, *legal, *mark;
  double lh;
} Fonts;

/* sam-flowchart.c */
void     _sam_flowchart_clear_layouts    (Node               *n);

/* sam-flowchart-layers.c, in the order sam_flowchart_new() calls them */
void     _sam_flowchart_build_graph      (SamFlowchart       *self,
                                          SamStore           *store);
void     _sam_flowchart_break_cycles     (SamFlowchart       *self);
void     _sam_flowchart_assign_layers    (SamFlowchart       *self);
void     _sam_flowchart_make_chains      (SamFlowchart       *self);
void     _sam_flowchart_initial_order    (SamFlowchart       *self);
void     _sam_flowchart_reduce_crossings (SamFlowchart       *self);

/* sam-flowchart-measure.c */
void     _sam_flowchart_fonts_init       (Fonts              *f,
                                          const PangoFontDescription *base,
                                          double              factor,
                                          PangoContext       *context);
void     _sam_flowchart_fonts_clear      (Fonts              *f);
void     _sam_flowchart_layout_size      (PangoLayout        *layout,
                                          double             *w,
                                          double             *h);
gboolean _sam_flowchart_fit              (SamFlowchart       *self,
                                          PangoContext       *context,
                                          const Fonts        *f,
                                          double              avail,
                                          double             *widest);

/* sam-flowchart-place.c */
double   _sam_flowchart_port_inset       (SamFlowchart       *self,
                                          Node               *n);
double   _sam_flowchart_layer_offsets    (SamFlowchart       *self,
                                          GArray             *layer,
                                          double             *offsets);
void     _sam_flowchart_place_x          (SamFlowchart       *self,
                                          double              bound);

/* sam-flowchart-route.c */
void     _sam_flowchart_arrange          (SamFlowchart       *self,
                                          double              bound);

G_END_DECLS
