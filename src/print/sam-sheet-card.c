/* sam-sheet-card.c — the pocket card: the few numbers that matter, on a
 * card the size of a bank card (85.6 × 54 mm), as many as fit on the page,
 * with cut marks.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sam-sheet-private.h"

#define MM (72 / 25.4)
#define CARD_W (85.6 * MM)
#define CARD_H (54 * MM)
#define CARD_PAD (3.5 * MM)
/* Cut marks: outside the cards, this long, this far from them. */
#define MARK_LEN 10
#define MARK_GAP 3
/* What printers cannot reach */
#define PRINTER_MARGIN (5 * MM)
#define MAX_NUMBERS 6

static void
add_number (GArray *numbers, SamActor *actor, SamContactRoute *route)
{
  SheetNumber n = { actor, route };

  if (route == NULL)
    return;
  for (guint i = 0; i < numbers->len; i++)
    if (g_strcmp0 (sam_contact_route_get_value (g_array_index (numbers, SheetNumber, i).route),
                   sam_contact_route_get_value (route)) == 0)
      return;
  g_array_append_val (numbers, n);
}

/* The actor's first number to call (of kind @only unless @any_kind); of
 * the same kind, one for professionals before a public one, on a sheet for
 * professionals (the copies hold only the routes the audience may see). */
static SamContactRoute *
first_dialable (SamActor *actor, SamRouteKind only, gboolean any_kind)
{
  GPtrArray *routes = sam_actor_get_routes (actor);
  SamContactRoute *best = NULL;

  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);

      if (!_sam_sheet_route_is_dialable (route) || sam_contact_route_get_kind (route) == SAM_ROUTE_KIND_SMS ||
          (!any_kind && sam_contact_route_get_kind (route) != only))
        continue;
      if (best == NULL || (!any_kind && sam_contact_route_get_visibility (route) >
                                        sam_contact_route_get_visibility (best)))
        best = route;
    }
  return best;
}

static gboolean
has_actor (GArray *numbers, SamActor *actor)
{
  for (guint i = 0; i < numbers->len; i++)
    if (g_array_index (numbers, SheetNumber, i).actor == actor)
      return TRUE;
  return FALSE;
}

/* Police: 114 14 when the register has it (the national police before a
 * local unit that gives the same number), else the first police number. */
static void
add_police (GArray *numbers, GPtrArray *actors)
{
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < actors->len; i++)
      {
        SamActor *actor = g_ptr_array_index (actors, i);
        GPtrArray *routes = sam_actor_get_routes (actor);

        if (sam_actor_get_kind (actor) != SAM_ACTOR_KIND_POLICE ||
            (pass == 0 && sam_actor_get_parent_id (actor) != NULL))
          continue;
        for (guint k = 0; k < routes->len && pass < 2; k++)
          {
            SamContactRoute *route = g_ptr_array_index (routes, k);

            if (g_strcmp0 (sam_contact_route_get_value (route), "11414") == 0)
              {
                add_number (numbers, actor, route);
                return;
              }
          }
        if (pass == 2 && first_dialable (actor, 0, TRUE))
          {
            add_number (numbers, actor, first_dialable (actor, 0, TRUE));
            return;
          }
      }
}

static void
add_kind (GArray *numbers, GPtrArray *actors, SamActorKind kind, SamRouteKind route_kind,
          gboolean any_route, guint max)
{
  guint added = 0;

  for (guint i = 0; i < actors->len && added < max; i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);
      SamContactRoute *route;
      guint before = numbers->len;

      if (sam_actor_get_kind (actor) != kind || (route = first_dialable (actor, route_kind, any_route)) == NULL)
        continue;
      add_number (numbers, actor, route);
      added += numbers->len > before;
    }
}

/* The numbers a role names in the card's municipalities (those the sheet
 * gathered for it), by id as the rest. */
static void
add_role_numbers (SheetLayout *sl, GArray *numbers, GPtrArray *by_id)
{
  for (guint i = 0; i < by_id->len; i++)
    {
      SamActor *actor = g_ptr_array_index (by_id, i);
      GPtrArray *routes = sam_actor_get_routes (actor);

      if (_sam_sheet_get_role_places (sl->sheet, sam_actor_get_id (actor)) == NULL || has_actor (numbers, actor))
        continue;
      for (guint k = 0; k < routes->len; k++)
        if (_sam_sheet_is_role_route (sl->sheet, sam_contact_route_get_id (g_ptr_array_index (routes, k))) &&
            _sam_sheet_route_is_dialable (g_ptr_array_index (routes, k)))
          {
            add_number (numbers, actor, g_ptr_array_index (routes, k));
            break;
          }
    }
}

/* The fallbacks of a role's kind stand in for it with the step's own
 * actor (the path's home socialjour beside its social services). */
static void
add_stand_ins (SheetLayout *sl, GArray *numbers, SamEscalationStep *step)
{
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);

  for (guint i = 0; i < fallbacks->len; i++)
    {
      SamStepFallback *f = g_ptr_array_index (fallbacks, i);
      SamActor *actor = _sam_sheet_find_actor (sl->sheet, f->actor_id);
      SamContactRoute *route = _sam_sheet_find_route (sl->sheet, f->actor_id, f->route_id);

      if (actor && route && sam_actor_get_kind (actor) == sam_escalation_step_get_role (step)->kind &&
          _sam_sheet_route_is_dialable (route) && !has_actor (numbers, actor))
        add_number (numbers, actor, route);
    }
}

/* The routes the path's action steps name, when they are numbers, one an
 * actor; where a step names a role filled in all the card's area, whoever
 * fills it there. */
static void
add_path_numbers (SheetLayout *sl, GArray *numbers, GPtrArray *by_id)
{
  SamEscalationPath *path = _sam_sheet_get_path (sl->sheet);
  GPtrArray *steps = path ? sam_escalation_path_get_steps (path) : NULL;

  for (guint i = 0; steps && i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      const char *actor_id = sam_escalation_step_get_actor_id (step);
      SamContactRoute *route = _sam_sheet_find_route (sl->sheet, actor_id,
                                                      sam_escalation_step_get_route_id (step));

      /* a county's card has no room for every municipality's: the
       * step's own number stands for them there */
      if (_sam_sheet_role_filled_everywhere (sl->sheet, sam_escalation_step_get_id (step)))
        {
          add_role_numbers (sl, numbers, by_id);
          continue;
        }
      if (route && _sam_sheet_route_is_dialable (route) &&
          g_strcmp0 (sam_contact_route_get_value (route), "112") != 0 &&
          !has_actor (numbers, _sam_sheet_find_actor (sl->sheet, actor_id)))
        add_number (numbers, _sam_sheet_find_actor (sl->sheet, actor_id), route);
      if (sam_escalation_step_get_role (step) != NULL)
        add_stand_ins (sl, numbers, step);
    }
}

static gint
compare_ids (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (sam_actor_get_id (*(SamActor * const *) a), sam_actor_get_id (*(SamActor * const *) b));
}

/* 112 is printed anyway; then the police, the social services' on-call
 * lines (a pocket card is for when the office is closed; a path's role
 * names them for each municipality), the path's own numbers, the regional
 * coordinator and the support lines, as far as the audience may see them. Within a kind by id, not by
 * name: the Swedish and the English card list the same numbers. */
static GArray *
pick_numbers (SheetLayout *sl)
{
  GPtrArray *all = _sam_sheet_get_actors (sl->sheet);
  g_autoptr(GPtrArray) actors = g_ptr_array_sized_new (all->len);   /* borrowed */
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (SheetNumber));

  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (actors, g_ptr_array_index (all, i));
  g_ptr_array_sort (actors, compare_ids);

  add_police (numbers, actors);
  add_kind (numbers, actors, SAM_ACTOR_KIND_SOCIAL_SERVICES, SAM_ROUTE_KIND_ON_CALL_PHONE, FALSE, 2);
  /* a path's card: the numbers its steps name before the rest */
  add_path_numbers (sl, numbers, actors);
  add_kind (numbers, actors, SAM_ACTOR_KIND_REGIONAL_COORDINATOR, 0, TRUE, 1);
  add_kind (numbers, actors, SAM_ACTOR_KIND_HELPLINE, 0, TRUE, 2);
  return numbers;
}

/* The oldest verification of what the card shows: the card was right
 * then at least. */
static char *
verified_text (SheetLayout *sl, GArray *numbers)
{
  GPtrArray *emergency = _sam_sheet_get_emergency (sl->sheet);
  GDateTime *oldest = NULL;

  for (guint i = 0; i < numbers->len + emergency->len; i++)
    {
      SamActor *actor = i < numbers->len ? g_array_index (numbers, SheetNumber, i).actor
                                         : g_ptr_array_index (emergency, i - numbers->len);
      GDateTime *at = sam_actor_get_verified_at (actor);

      if (at && (oldest == NULL || g_date_time_compare (at, oldest) < 0))
        oldest = at;
    }
  if (oldest == NULL)
    return NULL;
  {
    g_autofree char *date = _sam_sheet_format_date (oldest, sl->lang);
    return g_strdup_printf (" · %s %s", sl->words->verified, date);
  }
}

#define INNER_W (CARD_W - 2 * CARD_PAD)
#define NAME_W floor (INNER_W * 0.64)

/* One number's line: who (and when, if @with_hours) on the left, the
 * number on the right. */
static double
make_line (SheetLayout *sl, SheetNumber *n, gboolean with_hours, PangoLayout **name, PangoLayout **hours,
           PangoLayout **number)
{
  g_autofree char *value = sam_contact_route_dup_display_value (n->route);
  SamSchedule *schedule = sam_contact_route_get_hours (n->route);
  g_autofree char *when = NULL;
  double top;

  if (schedule == NULL)
    schedule = sam_actor_get_hours (n->actor);
  when = with_hours ? sam_schedule_format_in (schedule, sl->lang) : NULL;
  *name = _sam_sheet_text_new (sl, _sam_sheet_actor_name (sl, n->actor), 7, 0, NAME_W);
  /* the hours across the card, under the name and the number */
  *hours = when ? _sam_sheet_text_new (sl, when, 5.5, 0, INNER_W) : NULL;
  *number = _sam_sheet_text_new (sl, value, 9, SHEET_TEXT_BOLD | SHEET_TEXT_VALUE | SHEET_TEXT_RIGHT,
                                 INNER_W - NAME_W);
  top = MAX (_sam_sheet_text_height (*name), _sam_sheet_text_height (*number));
  return top + (*hours ? _sam_sheet_text_height (*hours) : 0);
}

/* The height of the first @n lines. */
static double
lines_height (SheetLayout *sl, GArray *numbers, guint n)
{
  double height = 0;

  for (guint i = 0; i < MIN (n, numbers->len); i++)
    {
      g_autoptr(PangoLayout) name = NULL;
      g_autoptr(PangoLayout) hours = NULL;
      g_autoptr(PangoLayout) number = NULL;

      height += make_line (sl, &g_array_index (numbers, SheetNumber, i), TRUE, &name, &hours, &number);
    }
  return height;
}

/* "2 more numbers in the register", or NULL when none is left off. */
static char *
more_text (SheetLayout *sl, guint n)
{
  if (n == 0)
    return NULL;
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_auto(GStrv) parts = NULL;

  if (n == 1)
    return g_strdup (sl->words->more_number);
  /* the words hold "%u" where the count goes */
  parts = g_strsplit (sl->words->more_numbers, "%u", 2);
  return g_strconcat (parts[0], count, parts[1] ? parts[1] : "", NULL);
}

static double
more_height (SheetLayout *sl, guint n)
{
  g_autofree char *text = more_text (sl, n);
  g_autoptr(PangoLayout) layout = text ? _sam_sheet_text_new (sl, text, 5.5, SHEET_TEXT_ITALIC, INNER_W) : NULL;

  return layout ? _sam_sheet_text_height (layout) : 0;
}

static guint
count_fitting (SheetLayout *sl, GArray *numbers, double space)
{
  guint n = MIN (numbers->len, MAX_NUMBERS);

  while (n > 0 && lines_height (sl, numbers, n) + more_height (sl, numbers->len - n) > space)
    n--;
  return n;
}

/* How many numbers a card shows, each with its hours: as many as fit with
 * the note saying how many more the register has, MAX_NUMBERS at most, in
 * either language: the Swedish and the English card show the same. */
static guint
count_shown (SheetLayout *sl, GArray *numbers, double space)
{
  SamLang lang = sl->lang;
  guint n = G_MAXUINT;

  for (sl->lang = 0; sl->lang < SAM_N_LANGS; sl->lang++)
    {
      sl->words = _sam_sheet_words (sl->lang);
      n = MIN (n, count_fitting (sl, numbers, space));
    }
  sl->lang = lang;
  sl->words = _sam_sheet_words (lang);
  return n;
}

static char *
card_title (SheetLayout *sl)
{
  return g_strdup_printf ("%s – %s", sl->words->card_title, _sam_sheet_get_area_name (sl->sheet));
}

static char *
card_call (SheetLayout *sl)
{
  return g_markup_printf_escaped ("<span size=\"small\">%s</span> <span size=\"x-large\">112</span>",
                                  sl->words->emergency_call);
}

/* The height a card leaves for its numbers. */
static double
numbers_space (SheetLayout *sl, const char *foot)
{
  g_autofree char *title = card_title (sl);
  g_autofree char *call = card_call (sl);
  g_autoptr(PangoLayout) t = _sam_sheet_text_new (sl, title, 9.5, SHEET_TEXT_BOLD, INNER_W);
  g_autoptr(PangoLayout) c = _sam_sheet_text_new (sl, call, 10, SHEET_TEXT_BOLD | SHEET_TEXT_MARKUP, INNER_W);
  g_autoptr(PangoLayout) f = _sam_sheet_text_new (sl, foot, 5.5, 0, INNER_W);

  return CARD_H - 2 * CARD_PAD - _sam_sheet_text_height (t) - _sam_sheet_text_height (c) - 2 -
         _sam_sheet_text_height (f);
}

/* One card with its top left corner at (x, y), showing the first @shown
 * numbers. */
static void
add_card (SheetLayout *sl, GArray *numbers, const char *foot, guint shown, double x, double y)
{
  g_autofree char *more = more_text (sl, numbers->len - shown);
  double bottom = y + CARD_H - CARD_PAD, cy = y + CARD_PAD;
  g_autofree char *title = card_title (sl);
  g_autofree char *call = card_call (sl);
  g_autoptr(PangoLayout) foot_layout = _sam_sheet_text_new (sl, foot, 5.5, 0, INNER_W);
  double foot_h = _sam_sheet_text_height (foot_layout);

  _sam_sheet_add_rect (sl, SHEET_ITEM_STROKE, x, y, CARD_W, CARD_H, 0xcccccc, 0.3);
  cy += _sam_sheet_put_text (sl, title, 9.5, SHEET_TEXT_BOLD, x + CARD_PAD, cy, INNER_W, SHEET_INK);
  cy += _sam_sheet_put_text (sl, call, 10, SHEET_TEXT_BOLD | SHEET_TEXT_MARKUP, x + CARD_PAD, cy, INNER_W,
                             SHEET_EMERGENCY);
  _sam_sheet_add_line (sl, x + CARD_PAD, cy + 1, x + CARD_W - CARD_PAD, cy + 1, SHEET_RULE, 0.4, FALSE);
  cy += 2;
  for (guint i = 0; i < shown; i++)
    {
      SheetNumber *n = &g_array_index (numbers, SheetNumber, i);
      PangoLayout *name, *hours, *number;
      double h = make_line (sl, n, TRUE, &name, &hours, &number);

      /* in reading order: who, the number, when */
      _sam_sheet_add_text (sl, name, x + CARD_PAD, cy, SHEET_INK);
      _sam_sheet_add_text (sl, number, x + CARD_PAD + NAME_W, cy, SHEET_INK);
      if (hours)
        _sam_sheet_add_text (sl, hours, x + CARD_PAD, cy + h - _sam_sheet_text_height (hours), SHEET_MUTED);
      _sam_sheet_mark_shown (sl, n->actor);
      cy += h;
    }
  /* a number left off for room is said, never dropped silently */
  if (more != NULL)
    _sam_sheet_put_text (sl, more, 5.5, SHEET_TEXT_ITALIC, x + CARD_PAD, cy, INNER_W, SHEET_INK);
  _sam_sheet_add_text (sl, g_steal_pointer (&foot_layout), x + CARD_PAD, bottom - foot_h, SHEET_MUTED);
}

void
_sam_sheet_layout_card (SheetLayout *sl)
{
  g_autoptr(GArray) numbers = pick_numbers (sl);
  g_autofree char *printed = _sam_sheet_format_date (_sam_sheet_get_printed (sl->sheet), sl->lang);
  g_autofree char *verified = verified_text (sl, numbers);
  g_autofree char *foot = g_strdup_printf ("%s · %s %s%s", _sam_sheet_audience_label (sl), sl->words->printed,
                                           printed, verified ? verified : "");
  GPtrArray *emergency = _sam_sheet_get_emergency (sl->sheet);
  double reach = MARK_GAP + MARK_LEN + PRINTER_MARGIN;
  guint cols = MAX (1, (guint) ((sl->width - 2 * reach) / CARD_W));
  guint rows = MAX (1, (guint) ((sl->height - 2 * reach) / CARD_H));
  double x0 = (sl->width - cols * CARD_W) / 2, y0 = (sl->height - rows * CARD_H) / 2;
  guint shown;

  /* the cards use the page up to what printers reach; no page footer:
   * each card says when it was printed and for whom */
  sl->area = (cairo_rectangle_t) { PRINTER_MARGIN, PRINTER_MARGIN, sl->width - 2 * PRINTER_MARGIN,
                                   sl->height - 2 * PRINTER_MARGIN };
  _sam_sheet_layout_add_page (sl);
  /* the hours under each name, always: a number closed at night must say so */
  shown = count_shown (sl, numbers, numbers_space (sl, foot));
  for (guint i = 0; i < emergency->len; i++)
    _sam_sheet_mark_shown (sl, g_ptr_array_index (emergency, i));
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < cols; c++)
      add_card (sl, numbers, foot, shown, x0 + c * CARD_W, y0 + r * CARD_H);

  /* cut marks along every edge between and around the cards */
  for (guint c = 0; c <= cols; c++)
    {
      double x = x0 + c * CARD_W;

      _sam_sheet_add_line (sl, x, y0 - MARK_GAP, x, y0 - MARK_GAP - MARK_LEN, SHEET_INK, 0.3, FALSE);
      _sam_sheet_add_line (sl, x, y0 + rows * CARD_H + MARK_GAP, x, y0 + rows * CARD_H + MARK_GAP + MARK_LEN,
                           SHEET_INK, 0.3, FALSE);
    }
  for (guint r = 0; r <= rows; r++)
    {
      double y = y0 + r * CARD_H;

      _sam_sheet_add_line (sl, x0 - MARK_GAP, y, x0 - MARK_GAP - MARK_LEN, y, SHEET_INK, 0.3, FALSE);
      _sam_sheet_add_line (sl, x0 + cols * CARD_W + MARK_GAP, y, x0 + cols * CARD_W + MARK_GAP + MARK_LEN, y,
                           SHEET_INK, 0.3, FALSE);
    }
}
