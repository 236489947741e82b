/* sam-flowchart.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "sam-escalation-path.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_FLOWCHART (sam_flowchart_get_type ())
G_DECLARE_FINAL_TYPE (SamFlowchart, sam_flowchart, SAM, FLOWCHART, GObject)

/* An escalation path drawn as a flowchart: question boxes with labelled
 * branches, action boxes naming the actor. Units are points (1/72 in); the
 * same chart is drawn on screen and on a printed page.
 *
 * @store (nullable) names the actors of action steps; without it the
 * actor's id is shown. */
SamFlowchart *sam_flowchart_new        (SamEscalationPath *path,
                                        SamStore          *store,
                                        SamLang            lang);
/* Lays the chart out for text measured with @context (pango_cairo_create_context()
 * for a page, gtk_widget_create_pango_context() on screen), at most @max_width
 * wide. Must be called before get_size() and draw(). */
void          sam_flowchart_layout     (SamFlowchart      *self,
                                        PangoContext      *context,
                                        double             max_width);
void          sam_flowchart_get_size   (SamFlowchart      *self,
                                        double            *width,
                                        double            *height);
/* How much smaller than the font the text came out so that the chart
 * fits the width: 1 when it did not have to. */
double        sam_flowchart_get_text_scale (SamFlowchart  *self);
/* The size of the chart's smallest text as laid out, in the units of its
 * font (points on a page), before any scaling of the drawing. */
double        sam_flowchart_get_min_font_size (SamFlowchart *self);
/* Draws the laid out chart with its top left corner at the current origin of @cr. */
void          sam_flowchart_draw       (SamFlowchart      *self,
                                        cairo_t           *cr);

/* For tests: the laid out boxes and branch labels. The first boxes are the
 * steps', in the path's order (get_box() names the step); after them come
 * the small terminal boxes (see sam_flowchart_get_box_kind()). */
guint         sam_flowchart_get_n_boxes  (SamFlowchart    *self);
const char   *sam_flowchart_get_box      (SamFlowchart    *self,
                                          guint            i,
                                          cairo_rectangle_t *rect);
guint         sam_flowchart_get_n_labels (SamFlowchart    *self);
void          sam_flowchart_get_label    (SamFlowchart    *self,
                                          guint            i,
                                          cairo_rectangle_t *rect);

typedef enum {
  SAM_FLOWCHART_BOX_STEP,
  SAM_FLOWCHART_BOX_HANDOVER,  /* an answer handing over to another path; get_box() names that path */
  SAM_FLOWCHART_BOX_BACK,      /* an answer leading back to an earlier step (a cycle); get_box() names the step */
} SamFlowchartBoxKind;

SamFlowchartBoxKind sam_flowchart_get_box_kind (SamFlowchart *self,
                                                guint         i);
/* The box of step @step_id, or -1. */
int           sam_flowchart_find_box     (SamFlowchart    *self,
                                          const char      *step_id);

/* The arrows: each from one box to another (@label is the index of the
 * branch label on it, or -1), as a line through @n_points points given as
 * x, y pairs, the arrowhead at the last. */
guint         sam_flowchart_get_n_edges  (SamFlowchart    *self);
const double *sam_flowchart_get_edge     (SamFlowchart    *self,
                                          guint            i,
                                          guint           *from_box,
                                          guint           *to_box,
                                          int             *label,
                                          guint           *n_points);

/* The text's font (family and size); the default is Sans at 9 units, which
 * is 9 pt on a page whatever the resolution of the layout's context. On
 * screen pass the widget's font. Takes effect at the next layout. */
void          sam_flowchart_set_font     (SamFlowchart               *self,
                                          const PangoFontDescription *font);
/* Text and line colour, and the colour that marks the current step (RGBA,
 * 0…1). The defaults suit paper: near-black and blue. */
void          sam_flowchart_set_colors   (SamFlowchart    *self,
                                          const double     foreground[4],
                                          const double     accent[4]);
/* Marks the step @step_id (nullable) as where one is now. */
void          sam_flowchart_set_current  (SamFlowchart    *self,
                                          const char      *step_id);

G_END_DECLS
