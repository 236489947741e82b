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
/* Draws the laid out chart with its top left corner at the current origin of @cr. */
void          sam_flowchart_draw       (SamFlowchart      *self,
                                        cairo_t           *cr);

/* For tests: the laid out boxes (one per step) and branch labels. */
guint         sam_flowchart_get_n_boxes  (SamFlowchart    *self);
const char   *sam_flowchart_get_box      (SamFlowchart    *self,
                                          guint            i,
                                          cairo_rectangle_t *rect);
guint         sam_flowchart_get_n_labels (SamFlowchart    *self);
void          sam_flowchart_get_label    (SamFlowchart    *self,
                                          guint            i,
                                          cairo_rectangle_t *rect);

G_END_DECLS
