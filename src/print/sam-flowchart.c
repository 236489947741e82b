/* sam-flowchart.c — placeholder layout (one column of boxes) until the
 * layered layout lands; keeps the print library building meanwhile.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "sam-flowchart.h"

struct _SamFlowchart
{
  GObject parent_instance;
  SamEscalationPath *path;
  SamLang lang;
  GArray *boxes;  /* cairo_rectangle_t */
  GPtrArray *layouts;
  double width, height;
};

G_DEFINE_FINAL_TYPE (SamFlowchart, sam_flowchart, G_TYPE_OBJECT)

static void
sam_flowchart_finalize (GObject *object)
{
  SamFlowchart *self = SAM_FLOWCHART (object);

  g_clear_object (&self->path);
  g_array_unref (self->boxes);
  g_ptr_array_unref (self->layouts);
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
  self->boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
}

SamFlowchart *
sam_flowchart_new (SamEscalationPath *path,
                   SamStore          *store,
                   SamLang            lang)
{
  SamFlowchart *self = g_object_new (SAM_TYPE_FLOWCHART, NULL);

  self->path = g_object_ref (path);
  self->lang = lang;
  return self;
}

void
sam_flowchart_layout (SamFlowchart *self,
                      PangoContext *context,
                      double        max_width)
{
  GPtrArray *steps = sam_escalation_path_get_steps (self->path);
  double y = 0;

  g_array_set_size (self->boxes, 0);
  g_ptr_array_set_size (self->layouts, 0);
  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      PangoLayout *layout = pango_layout_new (context);
      int w, h;
      cairo_rectangle_t r;

      pango_layout_set_text (layout, sam_text_get_best (sam_escalation_step_get_text (step),
                                                        self->lang, NULL) ?: "", -1);
      pango_layout_set_width (layout, pango_units_from_double (max_width - 12));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_size (layout, &w, &h);
      r = (cairo_rectangle_t) { 0, y, max_width, pango_units_to_double (h) + 12 };
      g_array_append_val (self->boxes, r);
      g_ptr_array_add (self->layouts, layout);
      y += r.height + 12;
    }
  self->width = max_width;
  self->height = y;
}

void
sam_flowchart_get_size (SamFlowchart *self,
                        double       *width,
                        double       *height)
{
  *width = self->width;
  *height = self->height;
}

void
sam_flowchart_draw (SamFlowchart *self,
                    cairo_t      *cr)
{
  for (guint i = 0; i < self->boxes->len; i++)
    {
      cairo_rectangle_t *r = &g_array_index (self->boxes, cairo_rectangle_t, i);

      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      cairo_stroke (cr);
      cairo_move_to (cr, r->x + 6, r->y + 6);
      pango_cairo_show_layout (cr, g_ptr_array_index (self->layouts, i));
    }
}

guint
sam_flowchart_get_n_boxes (SamFlowchart *self)
{
  return self->boxes->len;
}

const char *
sam_flowchart_get_box (SamFlowchart      *self,
                       guint              i,
                       cairo_rectangle_t *rect)
{
  GPtrArray *steps = sam_escalation_path_get_steps (self->path);

  *rect = g_array_index (self->boxes, cairo_rectangle_t, i);
  return sam_escalation_step_get_id (g_ptr_array_index (steps, i));
}

guint
sam_flowchart_get_n_labels (SamFlowchart *self)
{
  return 0;
}

void
sam_flowchart_get_label (SamFlowchart      *self,
                         guint              i,
                         cairo_rectangle_t *rect)
{
  g_return_if_reached ();
}
