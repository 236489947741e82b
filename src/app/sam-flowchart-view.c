/* sam-flowchart-view.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-flowchart-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sam-flowchart.h"
#include "sam-flowchart-view.h"

/* The chart's text a little smaller than the window's, as on the page. */
#define FONT_FACTOR 0.9
#define MIN_WIDTH 240
#define NATURAL_WIDTH 800

struct _SamFlowchartView
{
  GtkWidget parent_instance;

  SamFlowchart *chart;
  char *title;
  char *current;
  char *font;               /* the font the chart was laid out for */
  int laid_out_width;       /* -1: not laid out */
  double chart_width, chart_height;
  GHashTable *heights;      /* width → height, for measure() */
};

G_DEFINE_FINAL_TYPE (SamFlowchartView, sam_flowchart_view, GTK_TYPE_WIDGET)

static PangoContext *
create_context (SamFlowchartView *self, PangoFontDescription **font)
{
  PangoContext *context = gtk_widget_create_pango_context (GTK_WIDGET (self));
  PangoFontDescription *desc = pango_font_description_copy (pango_context_get_font_description (context));
  int size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * FONT_FACTOR);
  else
    pango_font_description_set_size (desc, (int) (size * FONT_FACTOR));
  *font = desc;
  return context;
}

/* Lays the chart out for @width unless it is already. */
static void
ensure_layout (SamFlowchartView *self, int width)
{
  PangoFontDescription *font = NULL;
  PangoContext *context;

  if (self->chart == NULL || width <= 0 || width == self->laid_out_width)
    return;
  context = create_context (self, &font);
  g_free (self->font);
  self->font = pango_font_description_to_string (font);
  sam_flowchart_set_font (self->chart, font);
  sam_flowchart_layout (self->chart, context, width);
  sam_flowchart_get_size (self->chart, &self->chart_width, &self->chart_height);
  self->laid_out_width = width;
  pango_font_description_free (font);
  g_object_unref (context);
}

/* The height at @width, laying out only what is not known yet. */
static int
height_for_width (SamFlowchartView *self, int width)
{
  gpointer cached;

  if (self->chart == NULL)
    return 0;
  width = MAX (width, 1);
  if (g_hash_table_lookup_extended (self->heights, GINT_TO_POINTER (width), NULL, &cached))
    return GPOINTER_TO_INT (cached);
  ensure_layout (self, width);
  g_hash_table_insert (self->heights, GINT_TO_POINTER (width), GINT_TO_POINTER ((int) ceil (self->chart_height)));
  return (int) ceil (self->chart_height);
}

static void
invalidate (SamFlowchartView *self)
{
  self->laid_out_width = -1;
  g_hash_table_remove_all (self->heights);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static GtkSizeRequestMode
sam_flowchart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sam_flowchart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  SamFlowchartView *self = SAM_FLOWCHART_VIEW (widget);

  if (self->chart == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    *minimum = *natural = height_for_width (self, for_size >= 0 ? for_size : NATURAL_WIDTH);
}

static void
sam_flowchart_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  ensure_layout (SAM_FLOWCHART_VIEW (widget), width);
}

/* The chart goes in the middle of the widget's width. */
static double
chart_x (SamFlowchartView *self)
{
  return floor (MAX (0, (gtk_widget_get_width (GTK_WIDGET (self)) - self->chart_width) / 2));
}

static void
sam_flowchart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SamFlowchartView *self = SAM_FLOWCHART_VIEW (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color, accent;
  double fg[4], ac[4];
  cairo_t *cr;

  if (self->chart == NULL || width <= 0)
    return;
  ensure_layout (self, width);
  gtk_style_context_get_color (style, &color);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };
  fg[0] = color.red; fg[1] = color.green; fg[2] = color.blue; fg[3] = color.alpha;
  ac[0] = accent.red; ac[1] = accent.green; ac[2] = accent.blue; ac[3] = accent.alpha;
  sam_flowchart_set_colors (self->chart, fg, ac);
  sam_flowchart_set_current (self->chart, self->current);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, ceil (self->chart_height)));
  cairo_translate (cr, chart_x (self), 0);
  sam_flowchart_draw (self->chart, cr);
  cairo_destroy (cr);
}

static void
sam_flowchart_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  SamFlowchartView *self = SAM_FLOWCHART_VIEW (widget);
  PangoFontDescription *font = NULL;
  g_autofree char *now = NULL;
  PangoContext *context;

  GTK_WIDGET_CLASS (sam_flowchart_view_parent_class)->css_changed (widget, change);

  /* colours are read when drawing; a new font needs a new layout */
  context = create_context (self, &font);
  now = pango_font_description_to_string (font);
  if (self->font && g_strcmp0 (now, self->font) != 0)
    invalidate (self);
  pango_font_description_free (font);
  g_object_unref (context);
  gtk_widget_queue_draw (widget);
}

static void
sam_flowchart_view_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (sam_flowchart_view_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_DPI || setting == GTK_SYSTEM_SETTING_FONT_NAME ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    invalidate (SAM_FLOWCHART_VIEW (widget));
}

static void
sam_flowchart_view_dispose (GObject *object)
{
  SamFlowchartView *self = SAM_FLOWCHART_VIEW (object);

  g_clear_object (&self->chart);
  G_OBJECT_CLASS (sam_flowchart_view_parent_class)->dispose (object);
}

static void
sam_flowchart_view_finalize (GObject *object)
{
  SamFlowchartView *self = SAM_FLOWCHART_VIEW (object);

  g_free (self->title);
  g_free (self->current);
  g_free (self->font);
  g_hash_table_unref (self->heights);
  G_OBJECT_CLASS (sam_flowchart_view_parent_class)->finalize (object);
}

static void
sam_flowchart_view_class_init (SamFlowchartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_flowchart_view_dispose;
  object_class->finalize = sam_flowchart_view_finalize;
  widget_class->get_request_mode = sam_flowchart_view_get_request_mode;
  widget_class->measure = sam_flowchart_view_measure;
  widget_class->size_allocate = sam_flowchart_view_size_allocate;
  widget_class->snapshot = sam_flowchart_view_snapshot;
  widget_class->css_changed = sam_flowchart_view_css_changed;
  widget_class->system_setting_changed = sam_flowchart_view_system_setting_changed;
  gtk_widget_class_set_css_name (widget_class, "flowchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sam_flowchart_view_init (SamFlowchartView *self)
{
  self->laid_out_width = -1;
  self->heights = g_hash_table_new (NULL, NULL);
}

GtkWidget *
sam_flowchart_view_new (void)
{
  return g_object_new (SAM_TYPE_FLOWCHART_VIEW, NULL);
}

void
sam_flowchart_view_set_path (SamFlowchartView  *self,
                             SamEscalationPath *path,
                             SamStore          *store,
                             SamLang            lang)
{
  g_return_if_fail (SAM_IS_FLOWCHART_VIEW (self));
  g_return_if_fail (path == NULL || SAM_IS_ESCALATION_PATH (path));
  g_return_if_fail (store == NULL || SAM_IS_STORE (store));

  g_clear_object (&self->chart);
  g_clear_pointer (&self->title, g_free);
  if (path)
    {
      const char *title = sam_text_get_best (sam_escalation_path_get_title (path), lang, NULL);
      g_autofree char *label = NULL;

      self->chart = sam_flowchart_new (path, store, lang);
      self->title = g_strdup (title && *title ? title : sam_escalation_path_get_id (path));
      /* Translators: the accessible name of the drawing of an escalation path; %s is its title */
      label = g_strdup_printf (_("Flowchart of %s"), self->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  invalidate (self);
}

void
sam_flowchart_view_set_current (SamFlowchartView *self,
                                const char       *step_id)
{
  g_return_if_fail (SAM_IS_FLOWCHART_VIEW (self));

  if (g_strcmp0 (self->current, step_id) == 0)
    return;
  g_free (self->current);
  self->current = g_strdup (step_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
sam_flowchart_view_get_step_bounds (SamFlowchartView *self,
                                    const char       *step_id,
                                    graphene_rect_t  *bounds)
{
  cairo_rectangle_t r;
  int i;

  g_return_val_if_fail (SAM_IS_FLOWCHART_VIEW (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)));
  if (self->chart == NULL || self->laid_out_width < 0 ||
      (i = sam_flowchart_find_box (self->chart, step_id)) < 0)
    return FALSE;
  sam_flowchart_get_box (self->chart, i, &r);
  graphene_rect_init (bounds, r.x + chart_x (self), r.y, r.width, r.height);
  return TRUE;
}
