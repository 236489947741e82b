/* sam-flowchart-view.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sam-escalation-path.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_FLOWCHART_VIEW (sam_flowchart_view_get_type ())
G_DECLARE_FINAL_TYPE (SamFlowchartView, sam_flowchart_view, SAM, FLOWCHART_VIEW, GtkWidget)

/* An escalation path's flowchart on screen (the one of the printed sheet,
 * SamFlowchart), laid out again for every width, in the theme's colours.
 * Height for width: put it in a GtkScrolledWindow. */
GtkWidget *sam_flowchart_view_new          (void);
/* @path (nullable) drawn with its texts in @lang; @store (nullable) names
 * the actors and the paths handed over to. */
void       sam_flowchart_view_set_path     (SamFlowchartView  *self,
                                            SamEscalationPath *path,
                                            SamStore          *store,
                                            SamLang            lang);
/* Marks the step @step_id (nullable) in the accent colour. */
void       sam_flowchart_view_set_current  (SamFlowchartView  *self,
                                            const char        *step_id);
/* Where the box of step @step_id is in the widget, as last drawn or
 * allocated, to scroll to it; FALSE when there is none. */
gboolean   sam_flowchart_view_get_step_bounds (SamFlowchartView *self,
                                               const char       *step_id,
                                               graphene_rect_t  *bounds);

G_END_DECLS
