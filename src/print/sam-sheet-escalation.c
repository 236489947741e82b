/* sam-sheet-escalation.c — the escalation sheet: one page for one path,
 * with its title, the emergency numbers, the flowchart and the contacts
 * of the actors the path names.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sam-sheet-private.h"

#define GAP 8
#define RIGHT_BOX 170
#define QR_SIZE 30
#define ROUTES_PER_ACTOR 3
/* The chart's smallest text is never printed smaller than this (points):
 * rather give the chart the first page, or more, and the contacts the
 * next. */
#define MIN_FONT 7.0
#define MIN_SCALE 0.5

typedef struct {
  SamActor *actor;
  PangoLayout *who;
  PangoLayout *kind;
  GPtrArray *routes;     /* PangoLayout */
  PangoLayout *hours;
  SamContactRoute *qr;
  double height;
} Row;

static void
row_clear (Row *row)
{
  g_clear_object (&row->who);
  g_clear_object (&row->kind);
  g_clear_pointer (&row->routes, g_ptr_array_unref);
  g_clear_object (&row->hours);
}

/* The contacts are a table under the chart (wide), or a list beside it
 * (narrow: who, routes and hours one under the other) when the chart is
 * tall and slim, as a path of many steps one after the other is. */
typedef struct {
  gboolean narrow;
  guint max_routes;               /* of an actor */
  double x, width;
  double who, route, hours, qr;   /* column widths; narrow: all the text's width */
  double gap;                     /* between a column's text and the next column */
} Columns;

static void
set_columns (Columns *c, SheetLayout *sl, double x, double width, gboolean narrow)
{
  c->narrow = narrow;
  c->max_routes = ROUTES_PER_ACTOR;
  c->x = x;
  c->width = width;
  c->qr = sl->qr_codes ? QR_SIZE : 0;
  if (narrow)
    {
      c->who = c->route = c->hours = width - (c->qr ? c->qr + GAP / 2 : 0);
      c->gap = 0;
    }
  else
    {
      c->who = floor ((width - c->qr) * 0.28);
      c->route = floor ((width - c->qr) * 0.47);
      c->hours = width - c->qr - c->who - c->route;
      c->gap = GAP;
    }
}

/* The title, what the sheet is for, and the path's summary. */
static double
add_title (SheetLayout *sl, double y)
{
  SamEscalationPath *path = _sam_sheet_get_path (sl->sheet);
  double x = sl->area.x, w = sl->area.width, top = y;
  const char *title = sam_text_get_best (sam_escalation_path_get_title (path), sl->lang, NULL);
  const char *summary = sam_text_get_best (sam_escalation_path_get_summary (path), sl->lang, NULL);
  g_autofree char *right = g_strdup_printf ("%s\n%s", _sam_sheet_audience_label (sl),
                                            _sam_sheet_get_area_name (sl->sheet));
  double right_h;

  right_h = _sam_sheet_put_text (sl, right, 8, SHEET_TEXT_BOLD | SHEET_TEXT_RIGHT, x + w - RIGHT_BOX, y,
                                 RIGHT_BOX, sl->audience == SAM_AUDIENCE_PROFESSIONAL ? SHEET_EMERGENCY
                                                                                     : SHEET_MUTED);
  y += _sam_sheet_put_text (sl, title ? title : sam_escalation_path_get_id (path), 17, SHEET_TEXT_BOLD,
                            x, y, w - RIGHT_BOX - GAP, SHEET_INK);
  y = MAX (y, top + right_h);
  if (summary)
    y += 2 + _sam_sheet_put_text (sl, summary, 9, 0, x, y + 2, w, SHEET_MUTED);
  return y - top;
}

static gboolean
is_named (SheetLayout *sl, SamEscalationPath *path, SamActor *actor, SamContactRoute *route)
{
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  if (_sam_sheet_is_role_route (sl->sheet, sam_contact_route_get_id (route)))
    return TRUE;
  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);

      if (g_strcmp0 (sam_escalation_step_get_actor_id (step), sam_actor_get_id (actor)) == 0 &&
          g_strcmp0 (sam_escalation_step_get_route_id (step), sam_contact_route_get_id (route)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Which routes come first in the table: the ones the path names, then
 * numbers, then the web and e-mail, then addresses. */
static int
route_rank (SheetLayout *sl, SamEscalationPath *path, SamActor *actor, SamContactRoute *route)
{
  SamRouteKind kind = sam_contact_route_get_kind (route);

  if (is_named (sl, path, actor, route))
    return 0;
  if (_sam_sheet_route_is_dialable (route))
    return 1;
  if (kind == SAM_ROUTE_KIND_VISITING_ADDRESS || kind == SAM_ROUTE_KIND_POSTAL_ADDRESS)
    return 3;
  return 2;
}

static GPtrArray *
pick_routes (SheetLayout *sl, SamEscalationPath *path, SamActor *actor, guint max)
{
  GPtrArray *routes = sam_actor_get_routes (actor);
  GPtrArray *picked = g_ptr_array_new ();

  for (int rank = 0; rank <= 3; rank++)
    for (guint i = 0; i < routes->len && picked->len < max; i++)
      if (route_rank (sl, path, actor, g_ptr_array_index (routes, i)) == rank)
        g_ptr_array_add (picked, g_ptr_array_index (routes, i));
  return picked;
}

static void
make_row (SheetLayout *sl, const Columns *c, SamActor *actor, Row *row)
{
  SamEscalationPath *path = _sam_sheet_get_path (sl->sheet);
  g_autoptr(GPtrArray) routes = pick_routes (sl, path, actor, c->max_routes);
  g_autofree char *hours = sam_schedule_format_in (sam_actor_get_hours (actor), sl->lang);
  const char *places = _sam_sheet_get_role_places (sl->sheet, sam_actor_get_id (actor));
  g_autofree char *kind = NULL;
  double who_h, routes_h = 0, hours_h;

  /* an actor a role names says for which municipalities */
  if (places != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s %s", sl->words->role_for, places);
      kind = c->narrow ? g_steal_pointer (&where)
                       : g_strdup_printf ("%s · %s", sam_actor_kind_get_word (sam_actor_get_kind (actor), sl->lang), where);
    }
  else if (!c->narrow)
    kind = g_strdup (sam_actor_kind_get_word (sam_actor_get_kind (actor), sl->lang));
  row->actor = actor;
  row->who = _sam_sheet_text_new (sl, _sam_sheet_actor_name (sl, actor), 8.5, SHEET_TEXT_BOLD, c->who - c->gap);
  row->kind = kind ? _sam_sheet_text_new (sl, kind, 7, 0, c->who - c->gap) : NULL;
  row->routes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      g_autofree char *markup = _sam_sheet_route_markup (sl, route);
      PangoLayout *layout = _sam_sheet_text_new (sl, markup, 8, SHEET_TEXT_MARKUP, c->route - c->gap);
      g_autofree char *qr_text = _sam_sheet_route_qr_text (route);

      routes_h += _sam_sheet_text_height (layout);
      g_ptr_array_add (row->routes, layout);
      if (row->qr == NULL && c->qr > 0 && qr_text != NULL)
        row->qr = route;
    }
  if (routes->len == 0)
    {
      PangoLayout *layout = _sam_sheet_text_new (sl, sl->words->no_route, 8, SHEET_TEXT_ITALIC, c->route - c->gap);

      routes_h += _sam_sheet_text_height (layout);
      g_ptr_array_add (row->routes, layout);
    }
  row->hours = hours ? _sam_sheet_text_new (sl, hours, 7.5, 0, c->hours - (c->qr ? c->gap : 0)) : NULL;
  who_h = _sam_sheet_text_height (row->who) + (row->kind ? _sam_sheet_text_height (row->kind) : 0);
  hours_h = row->hours ? _sam_sheet_text_height (row->hours) : 0;
  row->height = c->narrow ? who_h + routes_h + hours_h : MAX (MAX (who_h, routes_h), hours_h);
  if (row->qr)
    row->height = MAX (row->height, _sam_sheet_qr_height (sl, c->qr));
  row->height += 4;
}

static double
place_row (SheetLayout *sl, const Columns *c, Row *row, double y)
{
  double x = c->x, ry = y + 2;

  _sam_sheet_add_line (sl, c->x, y, c->x + c->width, y, SHEET_RULE, 0.4, FALSE);
  ry += _sam_sheet_add_text (sl, g_steal_pointer (&row->who), x, ry, SHEET_INK);
  if (row->kind)
    {
      double kind_h = _sam_sheet_add_text (sl, g_steal_pointer (&row->kind), x, ry, SHEET_MUTED);

      /* a list: the routes go under it */
      if (c->narrow)
        ry += kind_h;
    }
  if (!c->narrow)
    {
      x += c->who;
      ry = y + 2;
    }
  for (guint i = 0; i < row->routes->len; i++)
    ry += _sam_sheet_add_text (sl, g_object_ref (g_ptr_array_index (row->routes, i)), x, ry, SHEET_INK);
  if (!c->narrow)
    {
      x += c->route;
      ry = y + 2;
    }
  if (row->hours)
    _sam_sheet_add_text (sl, g_steal_pointer (&row->hours), x, ry, SHEET_MUTED);
  if (row->qr)
    _sam_sheet_add_route_qr (sl, row->qr, c->x + c->width - c->qr, y + 2, c->qr);
  _sam_sheet_mark_shown (sl, row->actor);
  return row->height;
}

static double
add_table_head (SheetLayout *sl, const Columns *c, double y, gboolean continued)
{
  g_autofree char *heading = continued ? g_strdup_printf ("%s %s", sl->words->contacts, sl->words->continued)
                                       : g_strdup (sl->words->contacts);
  double top = y;

  y += _sam_sheet_put_text (sl, heading, 11, SHEET_TEXT_BOLD, c->x, y, c->width, SHEET_INK);
  if (c->narrow)
    return y - top;
  _sam_sheet_put_text (sl, sl->words->col_who, 7.5, SHEET_TEXT_BOLD, c->x, y, c->who, SHEET_MUTED);
  _sam_sheet_put_text (sl, sl->words->col_route, 7.5, SHEET_TEXT_BOLD, c->x + c->who, y, c->route, SHEET_MUTED);
  y += _sam_sheet_put_text (sl, sl->words->col_hours, 7.5, SHEET_TEXT_BOLD, c->x + c->who + c->route, y,
                            c->hours, SHEET_MUTED);
  return y - top;
}

static double
table_head_height (SheetLayout *sl, const Columns *c)
{
  g_autoptr(PangoLayout) heading = _sam_sheet_text_new (sl, sl->words->contacts, 11, SHEET_TEXT_BOLD, c->width);
  g_autoptr(PangoLayout) cols = _sam_sheet_text_new (sl, sl->words->col_hours, 7.5, SHEET_TEXT_BOLD, c->hours);

  return _sam_sheet_text_height (heading) + (c->narrow ? 0 : _sam_sheet_text_height (cols));
}

/* The rows of the contacts, measured for columns @c; returns their height
 * with the heading. */
static double
make_rows (SheetLayout *sl, const Columns *c, GArray *rows)
{
  GPtrArray *actors = _sam_sheet_get_actors (sl->sheet);
  double height = table_head_height (sl, c);

  g_array_set_size (rows, 0);
  for (guint i = 0; i < actors->len; i++)
    {
      Row row = { 0 };

      make_row (sl, c, g_ptr_array_index (actors, i), &row);
      height += row.height;
      g_array_append_val (rows, row);
    }
  return height;
}

static double
first_row_height (GArray *rows)
{
  return rows->len > 0 ? g_array_index (rows, Row, 0).height : 0;
}

/* Lays the chart out for @width, unless it already is: a layout of the
 * chart measures all its text, and the choices below try several. */
static void
layout_chart (SheetLayout *sl, SamFlowchart *chart, double width, double *laid_out)
{
  if (*laid_out != width)
    sam_flowchart_layout (chart, sl->context, width);
  *laid_out = width;
}

/* The largest scale at most 1 at which the chart, laid out for
 * @width / scale, fits @width × @avail; 0 when that is below MIN_SCALE. A
 * chart laid out wider is no taller, so a few rounds settle it. */
static double
fit_chart (SheetLayout *sl, SamFlowchart *chart, double width, double avail, double *laid_out)
{
  double scale = 1, w, h;

  for (guint round = 0; round < 4 && scale >= MIN_SCALE; round++)
    {
      double fits;

      layout_chart (sl, chart, width / scale, laid_out);
      sam_flowchart_get_size (chart, &w, &h);
      fits = MIN (avail / MAX (h, 1), width / MAX (w, 1));
      if (fits >= scale)
        return sam_flowchart_get_min_font_size (chart) * scale >= MIN_FONT - 1e-6 ? scale : 0;
      scale = round < 3 ? fits : 0;
    }
  return 0;
}

static double add_running_head (SheetLayout *sl, double y);

static double
add_chart (SheetLayout *sl, SamFlowchart *chart, double scale, double x, double y, double width,
           double *laid_out)
{
  SheetItem item = { SHEET_ITEM_FLOWCHART, 0, y, 0, 0, SHEET_INK };
  double w, h;

  layout_chart (sl, chart, width / scale, laid_out);
  sam_flowchart_get_size (chart, &w, &h);
  item.w = MIN (w * scale, width);
  item.h = h * scale;
  item.x = x + (width - item.w) / 2;
  item.chart = g_object_ref (chart);
  item.scale = scale;
  _sam_sheet_add_figure (sl, &item);
  _sam_sheet_set_chart_font_size (sl->sheet, sam_flowchart_get_min_font_size (chart) * scale);
  return item.h;
}

/* The smallest scale, at most 1, at which the chart's smallest text is
 * still MIN_FONT, laid out for @width / scale: a chart over pages takes as
 * few as it can. A chart laid out wider has text no smaller, so a round
 * or two settle it. */
static double
readable_scale (SheetLayout *sl, SamFlowchart *chart, double width, double *laid_out)
{
  double scale = 1;

  for (guint round = 0; round < 4; round++)
    {
      double next;

      layout_chart (sl, chart, width / scale, laid_out);
      next = MIN (1, MIN_FONT / MAX (sam_flowchart_get_min_font_size (chart), 0.1));
      if (fabs (next - scale) < 1e-3 && sam_flowchart_get_min_font_size (chart) * scale >= MIN_FONT - 1e-3)
        break;
      scale = next;
    }
  return scale;
}

static gboolean
cuts_through (SamFlowchart *chart, double y)
{
  for (guint i = 0; i < sam_flowchart_get_n_boxes (chart) + sam_flowchart_get_n_labels (chart); i++)
    {
      cairo_rectangle_t r;

      if (i < sam_flowchart_get_n_boxes (chart))
        sam_flowchart_get_box (chart, i, &r);
      else
        sam_flowchart_get_label (chart, i - sam_flowchart_get_n_boxes (chart), &r);
      if (r.y < y && y < r.y + r.height)
        return TRUE;
    }
  return FALSE;
}

/* Where a slice of the chart from @top may end, at most at @limit: below
 * the lowest box or label that fits whole, so that no box is cut. */
static double
find_cut (SamFlowchart *chart, double top, double limit)
{
  double best = -1;

  for (guint i = 0; i < sam_flowchart_get_n_boxes (chart) + sam_flowchart_get_n_labels (chart); i++)
    {
      cairo_rectangle_t r;
      double y;

      if (i < sam_flowchart_get_n_boxes (chart))
        sam_flowchart_get_box (chart, i, &r);
      else
        sam_flowchart_get_label (chart, i - sam_flowchart_get_n_boxes (chart), &r);
      y = r.y + r.height + 2;
      if (y > top && y <= limit && y > best && !cuts_through (chart, y))
        best = y;
    }
  return best > top ? best : limit;
}

/* A chart too tall for one page at a readable size: a slice a page, each
 * after the first under the running head. Returns where the last ends. */
static double
add_chart_pages (SheetLayout *sl, SamFlowchart *chart, double x, double y, double width,
                 double *laid_out)
{
  double scale = readable_scale (sl, chart, width, laid_out), w, h, top = 0;

  sam_flowchart_get_size (chart, &w, &h);
  _sam_sheet_set_chart_font_size (sl->sheet, sam_flowchart_get_min_font_size (chart) * scale);
  for (guint page = 0; top < h; page++)
    {
      SheetItem item = { SHEET_ITEM_FLOWCHART, 0, y, 0, 0, SHEET_INK };
      double end;

      if (page > 0)
        {
          _sam_sheet_layout_add_page (sl);
          y = sl->y + add_running_head (sl, sl->y);
          item.y = y;
        }
      end = top + (sl->bottom - y) / scale >= h ? h : find_cut (chart, top, top + (sl->bottom - y) / scale);
      item.w = MIN (w * scale, width);
      item.h = (end - top) * scale;
      item.x = x + (width - item.w) / 2;
      item.chart = g_object_ref (chart);
      item.scale = scale;
      item.src_y = top;
      _sam_sheet_add_figure (sl, &item);
      y += item.h;
      top = end;
    }
  return y;
}

/* The title again, smaller, atop a page after the first. */
static double
add_running_head (SheetLayout *sl, double y)
{
  SamEscalationPath *path = _sam_sheet_get_path (sl->sheet);
  const char *title = sam_text_get_best (sam_escalation_path_get_title (path), sl->lang, NULL);
  g_autofree char *text = g_strdup_printf ("%s · %s", title ? title : "", _sam_sheet_audience_label (sl));
  double h = _sam_sheet_put_text (sl, text, 8, SHEET_TEXT_BOLD, sl->area.x, y, sl->area.width, SHEET_MUTED);

  _sam_sheet_add_line (sl, sl->area.x, y + h + 2, sl->area.x + sl->area.width, y + h + 2, SHEET_RULE, 0.5,
                       FALSE);
  return h + GAP;
}

static double
place_rows (SheetLayout *sl, const Columns *c, GArray *rows, double y, gboolean continued)
{
  y += add_table_head (sl, c, y, continued);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      /* a path naming very many actors: the rest on another page */
      if (y + row->height > sl->bottom)
        {
          _sam_sheet_layout_add_page (sl);
          y = sl->y + add_running_head (sl, sl->y);
          y += add_table_head (sl, c, y, TRUE);
        }
      y += place_row (sl, c, row, y);
    }
  _sam_sheet_add_line (sl, c->x, y, c->x + c->width, y, SHEET_RULE, 0.4, FALSE);
  return y;
}

void
_sam_sheet_layout_escalation (SheetLayout *sl)
{
  /* the share of the width the contacts take beside the chart: the
   * narrower the list, the longer */
  static const double list_shares[] = { 0.34, 0.40, 0.46 };
  SamFlowchart *chart = _sam_sheet_get_flowchart (sl->sheet);
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  Columns wide, narrow = { 0 };
  double x = sl->area.x, width = sl->area.width, laid_out = -1;
  double y, avail, wide_scale = 0, narrow_scale = 0;

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  set_columns (&wide, sl, x, width, FALSE);

  _sam_sheet_layout_add_page (sl);
  y = sl->y;
  y += add_title (sl, y) + GAP;
  numbers = _sam_sheet_emergency_numbers (sl, _sam_sheet_get_actors (sl->sheet), 4);
  y += _sam_sheet_add_emergency_band (sl, y, numbers) + GAP;
  avail = sl->bottom - y;

  /* the chart above the table, or beside the list: whichever shows it
   * larger, on this one page */
  if (chart != NULL)
    {
      wide_scale = fit_chart (sl, chart, width, avail - make_rows (sl, &wide, rows) - 2 * GAP, &laid_out);
      /* beside the narrowest list that fits the page: the chart is no
       * smaller in a wider column. All three routes of an actor if that
       * fits, else the first two. */
      for (guint max = ROUTES_PER_ACTOR; max >= 2 && narrow.width == 0; max--)
        for (guint i = 0; i < G_N_ELEMENTS (list_shares) && narrow.width == 0; i++)
          {
            double list_w = floor (width * list_shares[i]);
            Columns c;

            set_columns (&c, sl, x + width - list_w, list_w, TRUE);
            c.max_routes = max;
            if (make_rows (sl, &c, rows) <= avail)
              narrow = c;
          }
      if (narrow.width > 0 && wide_scale < 1)
        narrow_scale = fit_chart (sl, chart, narrow.x - x - 2 * GAP, avail, &laid_out);
    }

  if (chart != NULL && narrow_scale > wide_scale)
    {
      make_rows (sl, &narrow, rows);
      add_chart (sl, chart, narrow_scale, x, y, narrow.x - x - 2 * GAP, &laid_out);
      place_rows (sl, &narrow, rows, y, FALSE);
      return;
    }
  make_rows (sl, &wide, rows);
  if (chart != NULL && wide_scale > 0)
    y += add_chart (sl, chart, wide_scale, x, y, width, &laid_out) + 2 * GAP;
  else if (chart != NULL)
    {
      /* too tall for both: the chart takes this page, at a readable size
       * and over more pages if it must, and the contacts what follows */
      double scale = fit_chart (sl, chart, width, avail, &laid_out);

      if (scale > 0)
        add_chart (sl, chart, scale, x, y, width, &laid_out);
      else
        y = add_chart_pages (sl, chart, x, y, width, &laid_out) + 2 * GAP;
      if (scale > 0 || y + table_head_height (sl, &wide) + first_row_height (rows) > sl->bottom)
        {
          _sam_sheet_layout_add_page (sl);
          y = sl->y + add_running_head (sl, sl->y);
        }
    }
  /* "(continued)" only on a page after the one where the list began */
  place_rows (sl, &wide, rows, y, FALSE);
}
