/* sam-sheet-directory.c — the area directory: every actor serving an area
 * (as search understands it: a municipality also gets the actors serving
 * its county and the whole country), grouped by kind, with its routes and
 * hours; as many pages as it takes, a row never split between two.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sam-sheet-private.h"

#define GAP 8
#define ROW_PAD 3
#define RIGHT_BOX 170
#define QR_SIZE 28
#define QR_GAP 6
#define COL_GAP 8   /* between the name and the routes */

/* Emergency first, then the actors people call most. */
static const SamActorKind kind_order[SAM_N_ACTOR_KINDS] = {
  SAM_ACTOR_KIND_EMERGENCY, SAM_ACTOR_KIND_SOCIAL_SERVICES, SAM_ACTOR_KIND_POLICE,
  SAM_ACTOR_KIND_HEALTHCARE, SAM_ACTOR_KIND_REGIONAL_COORDINATOR, SAM_ACTOR_KIND_HELPLINE,
  SAM_ACTOR_KIND_SHELTER, SAM_ACTOR_KIND_NGO, SAM_ACTOR_KIND_MIGRATION_AGENCY,
  SAM_ACTOR_KIND_PROSECUTION, SAM_ACTOR_KIND_COUNTY_BOARD, SAM_ACTOR_KIND_NATIONAL_AUTHORITY,
  SAM_ACTOR_KIND_OTHER,
};

typedef struct {
  double x, width;
  double name, routes, qr;   /* qr: the width of the QR codes' area */
} Columns;

typedef struct {
  SamActor *actor;
  PangoLayout *name;
  PangoLayout *hours;
  GPtrArray *lines;          /* PangoLayout, one a route */
  SamContactRoute *qr[2];    /* the first number to call and the first web page */
  double height;
} Row;

static void
row_clear (Row *row)
{
  g_clear_object (&row->name);
  g_clear_object (&row->hours);
  g_clear_pointer (&row->lines, g_ptr_array_unref);
}

static char *
title_text (SheetLayout *sl)
{
  return g_strdup_printf ("%s – %s", sl->words->directory_title, _sam_sheet_get_area_name (sl->sheet));
}

static double
add_title (SheetLayout *sl, double y)
{
  g_autofree char *title = title_text (sl);
  double x = sl->area.x, w = sl->area.width, top = y;
  double right_h = _sam_sheet_put_text (sl, _sam_sheet_audience_label (sl), 8, SHEET_TEXT_BOLD | SHEET_TEXT_RIGHT,
                                        x + w - RIGHT_BOX, y, RIGHT_BOX,
                                        sl->audience == SAM_AUDIENCE_PROFESSIONAL ? SHEET_EMERGENCY : SHEET_MUTED);

  y += _sam_sheet_put_text (sl, title, 18, SHEET_TEXT_BOLD, x, y, w - RIGHT_BOX - GAP, SHEET_INK);
  return MAX (y, top + right_h) - top;
}

/* Atop every page after the first: what the sheet is, for whom. */
static double
add_running_head (SheetLayout *sl, double y)
{
  g_autofree char *title = title_text (sl);
  double x = sl->area.x, w = sl->area.width;
  double h = _sam_sheet_put_text (sl, title, 8, SHEET_TEXT_BOLD, x, y, w - RIGHT_BOX - GAP, SHEET_MUTED);
  double right = _sam_sheet_put_text (sl, _sam_sheet_audience_label (sl), 8, SHEET_TEXT_RIGHT,
                                      x + w - RIGHT_BOX, y, RIGHT_BOX, SHEET_MUTED);

  h = MAX (h, right);
  _sam_sheet_add_line (sl, x, y + h + 2, x + w, y + h + 2, SHEET_RULE, 0.5, FALSE);
  return h + GAP;
}

static double
new_page (SheetLayout *sl)
{
  _sam_sheet_layout_add_page (sl);
  return sl->y + add_running_head (sl, sl->y);
}

static PangoLayout *
heading_layout (SheetLayout *sl, const Columns *c, SamActorKind kind, gboolean continued)
{
  g_autofree char *text = continued ? g_strdup_printf ("%s %s", sl->words->kind_headings[kind],
                                                       sl->words->continued)
                                    : g_strdup (sl->words->kind_headings[kind]);

  return _sam_sheet_text_new (sl, text, 11, SHEET_TEXT_BOLD, c->width);
}

static double
add_heading (SheetLayout *sl, const Columns *c, PangoLayout *heading, double y)
{
  double h = _sam_sheet_add_text (sl, heading, c->x, y, SHEET_INK);

  _sam_sheet_add_line (sl, c->x, y + h, c->x + c->width, y + h, SHEET_INK, 0.8, FALSE);
  return h + 1;
}

/* A QR code for every route would make the directory twice as long; the
 * first number to call and the first web page are the ones a phone is
 * pointed at, so those two get one, each with a word saying which. */
static void
pick_qr_routes (SamActor *actor, SamContactRoute *qr[2])
{
  GPtrArray *routes = sam_actor_get_routes (actor);

  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      SamRouteKind kind = sam_contact_route_get_kind (route);

      if (qr[0] == NULL && (kind == SAM_ROUTE_KIND_PHONE || kind == SAM_ROUTE_KIND_ON_CALL_PHONE))
        qr[0] = route;
      else if (qr[1] == NULL && kind == SAM_ROUTE_KIND_WEB)
        qr[1] = route;
    }
}

static void
make_row (SheetLayout *sl, const Columns *c, SamActor *actor, Row *row)
{
  GPtrArray *routes = sam_actor_get_routes (actor);
  g_autofree char *hours = sam_schedule_format_in (sam_actor_get_hours (actor), sl->lang);
  double left, right = 0;

  row->actor = actor;
  row->name = _sam_sheet_text_new (sl, _sam_sheet_actor_name (sl, actor), 9, SHEET_TEXT_BOLD, c->name - COL_GAP);
  row->hours = hours ? _sam_sheet_text_new (sl, hours, 7.5, 0, c->name - COL_GAP) : NULL;
  row->lines = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < routes->len; i++)
    {
      g_autofree char *markup = _sam_sheet_route_markup (sl, g_ptr_array_index (routes, i));
      PangoLayout *line = _sam_sheet_text_new (sl, markup, 8.5, SHEET_TEXT_MARKUP, c->routes);

      right += _sam_sheet_text_height (line);
      g_ptr_array_add (row->lines, line);
    }
  if (c->qr > 0)
    pick_qr_routes (actor, row->qr);
  left = _sam_sheet_text_height (row->name) + (row->hours ? _sam_sheet_text_height (row->hours) : 0);
  row->height = MAX (left, right);
  if (row->qr[0] || row->qr[1])
    row->height = MAX (row->height, _sam_sheet_qr_height (sl, QR_SIZE));
  row->height += 2 * ROW_PAD;
}

static double
place_row (SheetLayout *sl, const Columns *c, Row *row, double y)
{
  double ry = y + ROW_PAD, qx = c->x + c->width - c->qr;

  ry += _sam_sheet_add_text (sl, g_steal_pointer (&row->name), c->x, ry, SHEET_INK);
  if (row->hours)
    _sam_sheet_add_text (sl, g_steal_pointer (&row->hours), c->x, ry, SHEET_MUTED);
  ry = y + ROW_PAD;
  for (guint i = 0; i < row->lines->len; i++)
    ry += _sam_sheet_add_text (sl, g_object_ref (g_ptr_array_index (row->lines, i)), c->x + c->name, ry,
                               SHEET_INK);
  for (guint i = 0; i < 2; i++)
    if (row->qr[i] && _sam_sheet_add_route_qr (sl, row->qr[i], qx, y + ROW_PAD, QR_SIZE) > 0)
      qx += QR_SIZE + QR_GAP;
  _sam_sheet_add_line (sl, c->x, y + row->height, c->x + c->width, y + row->height, SHEET_RULE, 0.4, FALSE);
  _sam_sheet_mark_shown (sl, row->actor);
  return row->height;
}

void
_sam_sheet_layout_directory (SheetLayout *sl)
{
  GPtrArray *actors = _sam_sheet_get_actors (sl->sheet);
  g_autoptr(GArray) numbers = NULL;
  Columns c = { sl->area.x, sl->area.width };
  gboolean any = FALSE;
  double y;

  c.qr = sl->qr_codes ? 2 * QR_SIZE + QR_GAP : 0;
  c.name = floor ((c.width - c.qr) * 0.34);
  c.routes = c.width - c.qr - c.name - (c.qr ? GAP : 0);

  _sam_sheet_layout_add_page (sl);
  y = sl->y;
  y += add_title (sl, y) + GAP;
  numbers = _sam_sheet_emergency_numbers (sl, actors, 4);
  y += _sam_sheet_add_emergency_band (sl, y, numbers) + 2 * GAP;

  for (guint k = 0; k < G_N_ELEMENTS (kind_order); k++)
    {
      gboolean started = FALSE;

      for (guint i = 0; i < actors->len; i++)
        {
          SamActor *actor = g_ptr_array_index (actors, i);
          PangoLayout *heading = NULL;
          Row row = { 0 };

          /* an actor with nothing this audience may use is left out: a
           * name without a way to reach it helps nobody */
          if (sam_actor_get_kind (actor) != kind_order[k] || sam_actor_get_routes (actor)->len == 0)
            continue;
          make_row (sl, &c, actor, &row);
          if (!started)
            {
              /* a heading stays with its first row */
              heading = heading_layout (sl, &c, kind_order[k], FALSE);
              if (y + GAP + _sam_sheet_text_height (heading) + row.height > sl->bottom)
                {
                  y = new_page (sl);
                }
              else if (any)
                y += GAP;
              y += add_heading (sl, &c, heading, y);
              started = any = TRUE;
            }
          else if (y + row.height > sl->bottom)
            {
              y = new_page (sl);
              y += add_heading (sl, &c, heading_layout (sl, &c, kind_order[k], TRUE), y);
            }
          y += place_row (sl, &c, &row, y);
          row_clear (&row);
        }
    }
  if (!any)
    _sam_sheet_put_text (sl, sl->words->nothing, 10, SHEET_TEXT_ITALIC, c.x, y, c.width, SHEET_MUTED);
}
