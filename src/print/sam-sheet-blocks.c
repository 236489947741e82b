/* sam-sheet-blocks.c — pieces the kinds of sheet share: a route as a line
 * of text, the text of its QR code, and the band of emergency numbers.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sam-sheet-private.h"

gboolean
_sam_sheet_route_is_dialable (SamContactRoute *route)
{
  return sam_route_kind_is_phone (sam_contact_route_get_kind (route));
}

const char *
_sam_sheet_actor_name (SheetLayout *sl, SamActor *actor)
{
  const char *name = sam_text_get_best (sam_actor_get_name (actor), sl->lang, NULL);

  return name ? name : sam_actor_get_id (actor);
}

/* Whether @text begins with @word, whatever the case: "Sms – we call back"
 * needs no "Text message" before it. */
static char *
fold_for_compare (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  /* the words' non-breaking hyphens are hyphens */
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, c == 0x2011 ? '-' : c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
starts_with_word (const char *text, const char *word)
{
  g_autofree char *a = fold_for_compare (text);
  g_autofree char *b = fold_for_compare (word);

  return g_str_has_prefix (a, b);
}

/* Whether @text already says @part ("Umeå socialjour" and "Socialjouren"
 * say the same), whatever the case. */
static gboolean
says (const char *text, const char *part)
{
  g_autofree char *a = fold_for_compare (text);
  g_autofree char *b = fold_for_compare (part);

  return strstr (a, b) != NULL;
}

/* Segments of an e-mail address longer than this may still break inside
 * (better than running out of the box). */
#define MAX_UNBROKEN 32

/* An e-mail address as markup that breaks only after "@" or ".": each
 * part unbreakable, a zero-width space after each "@" and ".". */
char *
_sam_sheet_email_markup (const char *address)
{
  GString *out = g_string_new (NULL);
  const char *start = address;

  for (const char *p = address; ; p++)
    if (*p == '\0' || *p == '@' || *p == '.')
      {
        g_autofree char *part = g_markup_escape_text (start, p - start + (*p ? 1 : 0));

        g_string_append_printf (out, "<span allow_breaks=\"%s\">%s</span>",
                                p - start < MAX_UNBROKEN ? "false" : "true", part);
        if (*p == '\0')
          break;
        if (p[1] != '\0')
          g_string_append (out, "\u200b");
        start = p + 1;
      }
  return g_string_free (out, FALSE);
}

static char *
value_markup (SamContactRoute *route, const char *value)
{
  SamRouteKind kind = sam_contact_route_get_kind (route);

  if (kind == SAM_ROUTE_KIND_EMAIL || kind == SAM_ROUTE_KIND_SECURE_EMAIL)
    return _sam_sheet_email_markup (value);
  return g_markup_escape_text (value, -1);
}

char *
_sam_sheet_route_markup (SheetLayout *sl, SamContactRoute *route)
{
  g_autofree char *value = sam_contact_route_dup_display_value (route);
  const char *label = sam_text_get_best (sam_contact_route_get_label (route), sl->lang, NULL);
  SamRouteKind kind = sam_contact_route_get_kind (route);
  SamSchedule *hours = sam_contact_route_get_hours (route);
  g_autofree char *hours_text = hours ? sam_schedule_format_in (hours, sl->lang) : NULL;
  g_autoptr(GString) what = g_string_new (NULL);

  /* a plain phone number with a label needs no "Phone"; an SMS number or
   * an on-call line says what it is, unless its label does */
  if (label == NULL || (kind != SAM_ROUTE_KIND_PHONE && !starts_with_word (label, sl->words->route_kinds[kind])))
    g_string_append (what, sl->words->route_kinds[kind]);
  if (label != NULL)
    g_string_append_printf (what, "%s%s", what->len ? " · " : "", label);
  if (hours_text != NULL)
    g_string_append_printf (what, " · %s", hours_text);
  {
    g_autofree char *shown = value_markup (route, value);
    g_autofree char *rest = g_markup_escape_text (what->str, -1);

    return g_strdup_printf ("<span weight=\"bold\" insert_hyphens=\"false\">%s</span>"
                            "  <span foreground=\"#555555\">%s</span>", shown, rest);
  }
}

char *
_sam_sheet_route_qr_text (SamContactRoute *route)
{
  switch (sam_contact_route_get_kind (route))
    {
    case SAM_ROUTE_KIND_PHONE:
    case SAM_ROUTE_KIND_ON_CALL_PHONE:
    case SAM_ROUTE_KIND_WEB:
      return sam_contact_route_dup_uri (route);
    default:
      return NULL;
    }
}

static gboolean
has_value (GArray *numbers, SamContactRoute *route)
{
  for (guint i = 0; i < numbers->len; i++)
    if (g_strcmp0 (sam_contact_route_get_value (g_array_index (numbers, SheetNumber, i).route),
                   sam_contact_route_get_value (route)) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_actor (GArray *numbers, SamActor *actor)
{
  for (guint i = 0; i < numbers->len; i++)
    if (g_str_equal (sam_actor_get_id (g_array_index (numbers, SheetNumber, i).actor), sam_actor_get_id (actor)))
      return TRUE;
  return FALSE;
}

/* An actor's on-call line for this sheet: on a sheet for professionals
 * their own line rather than the public one. */
static SamContactRoute *
best_on_call (SamActor *actor)
{
  GPtrArray *routes = sam_actor_get_routes (actor);
  SamContactRoute *best = NULL;

  /* the copies hold only the routes the audience may see */
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);

      if (sam_contact_route_get_kind (route) == SAM_ROUTE_KIND_ON_CALL_PHONE &&
          (best == NULL || sam_contact_route_get_visibility (route) > sam_contact_route_get_visibility (best)))
        best = route;
    }
  return best;
}

GArray *
_sam_sheet_emergency_numbers (SheetLayout *sl, GPtrArray *actors, guint max)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (SheetNumber));
  GPtrArray *emergency = _sam_sheet_get_emergency (sl->sheet);

  /* the emergency actors' numbers besides 112, which the band prints
   * anyway */
  for (guint i = 0; i < emergency->len && numbers->len < max; i++)
    {
      SamActor *actor = g_ptr_array_index (emergency, i);
      GPtrArray *routes = sam_actor_get_routes (actor);

      for (guint k = 0; k < routes->len && numbers->len < max; k++)
        {
          SheetNumber n = { actor, g_ptr_array_index (routes, k) };

          if (_sam_sheet_route_is_dialable (n.route) && !has_value (numbers, n.route) &&
              g_strcmp0 (sam_contact_route_get_value (n.route), "112") != 0)
            g_array_append_val (numbers, n);
        }
    }
  /* then one on-call line an actor: the sheet's actors', then the area's */
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *from = pass == 0 ? actors : _sam_sheet_get_on_call (sl->sheet);

      for (guint i = 0; from && i < from->len && numbers->len < max; i++)
        {
          SheetNumber n = { g_ptr_array_index (from, i), NULL };

          n.route = best_on_call (n.actor);
          if (n.route && !has_actor (numbers, n.actor) && !has_value (numbers, n.route))
            g_array_append_val (numbers, n);
        }
    }
  return numbers;
}

/* The band of emergency numbers */

#define BAND_PAD 6

double
_sam_sheet_add_emergency_band (SheetLayout *sl, double y, GArray *numbers)
{
  double x = sl->area.x, width = sl->area.width;
  double left_w, left_h, right_h = 0, height;
  g_autoptr(GPtrArray) right = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *call_markup = g_markup_printf_escaped ("%s <span size=\"xx-large\" insert_hyphens=\"false\">112</span>",
                                                          sl->words->emergency_call);
  PangoLayout *call = _sam_sheet_text_new (sl, call_markup, 11, SHEET_TEXT_BOLD | SHEET_TEXT_MARKUP, width * 0.45);

  /* "Immediate danger? Call 112" on one line, as wide as it is; the other
   * numbers beside it */
  left_w = _sam_sheet_text_width (call) + 1;
  g_object_unref (call);
  call = _sam_sheet_text_new (sl, call_markup, 11, SHEET_TEXT_BOLD | SHEET_TEXT_MARKUP, left_w);
  left_h = _sam_sheet_text_height (call);
  for (guint i = 0; numbers && i < numbers->len; i++)
    {
      SheetNumber *n = &g_array_index (numbers, SheetNumber, i);
      g_autofree char *value = sam_contact_route_dup_display_value (n->route);
      const char *name = _sam_sheet_actor_name (sl, n->actor);
      const char *label = sam_text_get_best (sam_contact_route_get_label (n->route), sl->lang, NULL);
      g_autofree char *markup = NULL;
      PangoLayout *line;

      if (label && says (name, label))
        label = NULL;
      markup = g_markup_printf_escaped ("<span weight=\"bold\" size=\"larger\" insert_hyphens=\"false\">%s</span>"
                                        "  %s%s%s", value, name, label ? " · " : "", label ? label : "");
      line = _sam_sheet_text_new (sl, markup, 9, SHEET_TEXT_MARKUP, width - left_w - 4 * BAND_PAD);
      right_h += _sam_sheet_text_height (line);
      g_ptr_array_add (right, line);
      _sam_sheet_mark_shown (sl, n->actor);
    }
  for (guint i = 0; i < _sam_sheet_get_emergency (sl->sheet)->len; i++)
    _sam_sheet_mark_shown (sl, g_ptr_array_index (_sam_sheet_get_emergency (sl->sheet), i));

  height = MAX (left_h, right_h) + 2 * BAND_PAD;
  _sam_sheet_add_rect (sl, SHEET_ITEM_FILL, x, y, width, height, SHEET_TINT, 0);
  _sam_sheet_add_rect (sl, SHEET_ITEM_STROKE, x, y, width, height, SHEET_EMERGENCY, 1.5);
  _sam_sheet_add_text (sl, call, x + BAND_PAD, y + (height - left_h) / 2, SHEET_EMERGENCY);
  y += BAND_PAD;
  if (right->len > 0)
    _sam_sheet_add_line (sl, x + left_w + 2 * BAND_PAD, y, x + left_w + 2 * BAND_PAD, y + height - 2 * BAND_PAD,
                         SHEET_EMERGENCY, 0.75, FALSE);
  y += (height - 2 * BAND_PAD - right_h) / 2;
  for (guint i = 0; i < right->len; i++)
    y += _sam_sheet_add_text (sl, g_object_ref (g_ptr_array_index (right, i)), x + left_w + 3 * BAND_PAD, y,
                              SHEET_INK);
  return height;
}
