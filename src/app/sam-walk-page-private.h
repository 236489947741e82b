/* sam-walk-page-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-flowchart-view.h"
#include "sam-walk-page.h"

G_BEGIN_DECLS

/* Shared by the page (sam-walk-page.c) and the contacts of an action step
 * (sam-walk-contacts.c). */
struct _SamWalkPage
{
  AdwBin parent_instance;

  SamStore *store;
  GPtrArray *paths;           /* every path of the register, as in the drop-down */
  SamEscalationPath *start;   /* the path chosen; a hand-over leaves it */
  SamWalk *walk;
  GPtrArray *contacts;        /* SamStepContact of the action shown */
  guint change_id;            /* shows the step again when a contact opens or closes */
  char *title;                /* as last notified */
  char *area;                 /* the user's area for this walk: roles resolve there */
  GStrv area_codes;           /* the code at each position of the area drop-down */

  GtkScrolledWindow *scroller;
  GtkDropDown *path_dropdown;
  GtkDropDown *area_dropdown;
  GtkLabel *role_label;
  GtkLabel *handover_label;
  GtkLabel *kind_label;
  GtkLabel *urgency_label;
  GtkLabel *text_label;
  GtkLabel *legal_label;
  GtkLabel *closed_label;
  GtkLabel *missing_label;
  GtkListBox *contacts_list;
  GtkBox *answers_box;
  GtkWidget *continue_button;
  GtkWidget *trail_box;
  GtkListBox *trail_list;
  SamFlowchartView *chart;
  SamEscalationPath *charted;   /* the path the chart shows */
};

void sam_walk_page_toast         (SamWalkPage       *self,
                                  const char        *text);
/* Shows the walk's current step afresh. */
void sam_walk_page_show_step     (SamWalkPage       *self);
/* sam-walk-contacts.c */
void sam_walk_page_show_contacts (SamWalkPage       *self,
                                  SamEscalationStep *step);

G_END_DECLS
