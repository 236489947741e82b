/* sam-table-row.c — one row of a spreadsheet as an actor with routes
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A value that cannot be read is a problem of the row: the row is left
 * out, or (when the coordinator chooses review) imported without that
 * value, tagged SAM_TABLE_REVIEW_TAG, with what the cell held kept in its
 * description so nothing typed is lost.
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sam-phone.h"
#include "sam-table-hours.h"
#include "sam-table-import-private.h"
#include "sam-table-words.h"

typedef struct {
  const SamTableRowContext *context;
  SamActor *actor;
  GString *note;           /* the Note column */
  GString *review_sv;      /* what was left out, for the description */
  GString *review_en;
  gboolean field_problems;
  gboolean has_kind;
  guint column;
} Row;

void
_sam_table_problem_free (SamTableProblem *problem)
{
  g_free (problem->column);
  g_free (problem->value);
  g_free (problem->reason);
  g_free (problem);
}

static void
add_problem (Row *r, const char *value, gboolean whole_row, const char *reason)
{
  SamTableProblem *problem = g_new0 (SamTableProblem, 1);

  problem->row = r->context->row->number;
  problem->column = whole_row ? NULL : g_strdup (r->context->headings[r->column]);
  problem->value = value ? g_strdup (value) : NULL;
  problem->reason = g_strdup (reason);
  problem->skipped = whole_row || r->context->on_error == SAM_TABLE_ON_ERROR_SKIP;
  g_ptr_array_add (r->context->problems, problem);
  if (whole_row)
    return;
  r->field_problems = TRUE;
  g_string_append_printf (r->review_sv, "\n%s: ”%s” (rad %u)", r->context->headings[r->column],
                          value, problem->row);
  g_string_append_printf (r->review_en, "\n%s: “%s” (row %u)", r->context->headings[r->column],
                          value, problem->row);
}

/* One line of text: line breaks inside a cell become ", ". */
static char *
one_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    g_strstrip (lines[i]);
  return g_strstrip (g_strjoinv (", ", lines));
}

static void
add_route (Row *r, SamRouteKind kind, const char *value, const char *label)
{
  g_autoptr(SamContactRoute) route = sam_contact_route_new (NULL);
  g_autoptr(GError) error = NULL;

  sam_contact_route_set_kind (route, kind);
  /* new routes are for agencies until the coordinator makes them public */
  sam_contact_route_set_visibility (route, SAM_VISIBILITY_PROFESSIONAL);
  if (label)
    sam_text_set (sam_contact_route_get_label (route), SAM_LANG_SV, label);
  if (!sam_contact_route_set_value (route, value, &error))
    {
      add_problem (r, value, FALSE, error->message);
      return;
    }
  for (guint i = 0; i < sam_actor_get_routes (r->actor)->len; i++)
    {
      SamContactRoute *other = g_ptr_array_index (sam_actor_get_routes (r->actor), i);

      if (sam_contact_route_get_kind (other) == kind &&
          g_strcmp0 (sam_contact_route_get_value (other), sam_contact_route_get_value (route)) == 0)
        return;
    }
  sam_actor_add_route (r->actor, route);
}

/* Excel reads "090161000" as the number 90161000 and drops the 0: digits
 * only, seven to nine of them, that are no number as they stand but are
 * one with the trunk 0 in front, get it back. */
static char *
restore_trunk_zero (const char *number)
{
  gsize length = strlen (number);
  g_autofree char *with_zero = NULL;
  g_autofree char *as_is = NULL;
  g_autofree char *fixed = NULL;

  if (length < 7 || length > 9 || number[0] == '0')
    return NULL;
  for (const char *p = number; *p; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  if ((as_is = sam_phone_normalize (number, NULL, NULL)))
    return NULL;
  with_zero = g_strconcat ("0", number, NULL);
  fixed = sam_phone_normalize (with_zero, NULL, NULL);
  return fixed ? g_steal_pointer (&with_zero) : NULL;
}

static void
read_phones (Row *r, SamRouteKind kind, const char *text)
{
  g_autoptr(GPtrArray) phones = _sam_table_split_phones (text);

  for (guint i = 0; i < phones->len; i++)
    {
      SamTablePhone *phone = g_ptr_array_index (phones, i);

      g_autofree char *restored = restore_trunk_zero (phone->number);

      if (*phone->number == '\0')
        add_problem (r, text, FALSE, _("there is no phone number in it."));
      else
        add_route (r, kind, restored ? restored : phone->number, phone->label);
    }
}

static void
read_list (Row *r, SamTableField field, const char *text)
{
  g_auto(GStrv) items = _sam_table_split_list (text, field != SAM_TABLE_FIELD_EMAIL &&
                                                           field != SAM_TABLE_FIELD_WEB);

  for (guint i = 0; items[i]; i++)
    {
      const char *value = NULL;
      g_autofree char *uri = NULL;

      switch ((int) field)
        {
        case SAM_TABLE_FIELD_AREA:
          if ((value = _sam_table_area_from_text (items[i])))
            sam_actor_add_area (r->actor, value);
          else
            add_problem (r, items[i], FALSE, _("not a Swedish municipality or county."));
          break;
        case SAM_TABLE_FIELD_TARGET_GROUP:
          if ((value = _sam_table_group_from_text (items[i])))
            sam_actor_add_target_group (r->actor, value);
          else
            add_problem (r, items[i], FALSE, _("not a target group the register knows."));
          break;
        case SAM_TABLE_FIELD_LANGUAGES:
          if ((value = _sam_table_language_from_text (items[i])))
            sam_actor_add_language (r->actor, value);
          else
            add_problem (r, items[i], FALSE, _("not a language the register knows."));
          break;
        case SAM_TABLE_FIELD_EMAIL:
          add_route (r, SAM_ROUTE_KIND_EMAIL, g_str_has_prefix (items[i], "mailto:")
                                              ? items[i] + 7 : items[i], NULL);
          break;
        case SAM_TABLE_FIELD_WEB:
          if (_sam_table_is_web (items[i], &uri))
            add_route (r, SAM_ROUTE_KIND_WEB, uri, NULL);
          else
            add_problem (r, items[i], FALSE, _("not a web address."));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
read_hours (Row *r, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hours = sam_table_hours_parse (text, &error);
  g_autoptr(SamSchedule) schedule = NULL;

  if (hours == NULL)
    {
      add_problem (r, text, FALSE, error->message);
      return;
    }
  schedule = sam_schedule_parse (hours, NULL);
  sam_actor_set_hours (r->actor, schedule);
}

static void
read_single (Row *r, SamTableField field, const char *text)
{
  g_autofree char *line = one_line (text);
  SamActorKind kind;

  switch ((int) field)
    {
    case SAM_TABLE_FIELD_NAME:
    case SAM_TABLE_FIELD_NAME_EN:
      {
        SamText *name = sam_actor_get_name (r->actor);
        SamLang lang = field == SAM_TABLE_FIELD_NAME ? SAM_LANG_SV : SAM_LANG_EN;
        if (sam_text_get (name, lang) == NULL)
          sam_text_set (name, lang, line);
      }
      break;
    case SAM_TABLE_FIELD_KIND:
      if (_sam_table_kind_from_text (line, &kind))
        {
          sam_actor_set_kind (r->actor, kind);
          r->has_kind = TRUE;
        }
      else
        add_problem (r, line, FALSE, _("not a kind of actor the register knows."));
      break;
    case SAM_TABLE_FIELD_ADDRESS:
      add_route (r, SAM_ROUTE_KIND_VISITING_ADDRESS, line, NULL);
      break;
    case SAM_TABLE_FIELD_POSTAL_ADDRESS:
      add_route (r, SAM_ROUTE_KIND_POSTAL_ADDRESS, line, NULL);
      break;
    case SAM_TABLE_FIELD_NOTE:
      g_string_append_printf (r->note, "%s%s", r->note->len ? "\n" : "", text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
read_cell (Row *r, SamTableField field, const char *text)
{
  switch (field)
    {
    case SAM_TABLE_FIELD_IGNORE:
    case SAM_TABLE_FIELD_ID:
    case SAM_TABLE_N_FIELDS:
      break;
    case SAM_TABLE_FIELD_PHONE:
      read_phones (r, SAM_ROUTE_KIND_PHONE, text);
      break;
    case SAM_TABLE_FIELD_ON_CALL:
      read_phones (r, SAM_ROUTE_KIND_ON_CALL_PHONE, text);
      break;
    case SAM_TABLE_FIELD_SMS:
      read_phones (r, SAM_ROUTE_KIND_SMS, text);
      break;
    case SAM_TABLE_FIELD_HOURS:
      read_hours (r, text);
      break;
    case SAM_TABLE_FIELD_AREA:
    case SAM_TABLE_FIELD_TARGET_GROUP:
    case SAM_TABLE_FIELD_LANGUAGES:
    case SAM_TABLE_FIELD_EMAIL:
    case SAM_TABLE_FIELD_WEB:
      read_list (r, field, text);
      break;
    case SAM_TABLE_FIELD_NAME:
    case SAM_TABLE_FIELD_NAME_EN:
    case SAM_TABLE_FIELD_KIND:
    case SAM_TABLE_FIELD_ADDRESS:
    case SAM_TABLE_FIELD_POSTAL_ADDRESS:
    case SAM_TABLE_FIELD_NOTE:
      read_single (r, field, text);
      break;
    }
}

/* The id a row carries (the CSV export writes it), else a new one. */
static char *
row_id (const SamTableRowContext *context)
{
  for (guint c = 0; c < context->n_columns; c++)
    if (context->fields[c] == SAM_TABLE_FIELD_ID)
      {
        g_autofree char *id = g_strstrip (g_strdup (sam_table_row_get (context->row, c)));
        gboolean ok = *id != '\0' && strlen (id) <= 100;

        for (const char *p = id; ok && *p; p++)
          ok = g_ascii_isalnum (*p) || strchr ("-_.", *p);
        if (ok)
          return g_steal_pointer (&id);
      }
  return NULL;
}

/* Names, an area and a kind: what every actor needs. */
static gboolean
complete (Row *r)
{
  SamText *name = sam_actor_get_name (r->actor);
  const char *sv = sam_text_get (name, SAM_LANG_SV);

  if (sv == NULL && sam_text_get (name, SAM_LANG_EN))
    sam_text_set (name, SAM_LANG_SV, (sv = sam_text_get (name, SAM_LANG_EN)));
  if (sv == NULL)
    return (add_problem (r, NULL, TRUE, _("The row has no name.")), FALSE);
  if (sam_text_get (name, SAM_LANG_EN) == NULL)
    sam_text_set (name, SAM_LANG_EN, sv);
  if (sam_actor_get_areas (r->actor)->len == 0 && r->context->area)
    sam_actor_add_area (r->actor, r->context->area);
  if (sam_actor_get_areas (r->actor)->len == 0)
    return (add_problem (r, NULL, TRUE,
                         _("The row names no municipality or county, and no area was chosen "
                           "for such rows.")), FALSE);
  if (!r->has_kind)
    sam_actor_set_kind (r->actor, _sam_table_kind_from_name (sv));
  return TRUE;
}

static void
set_description (Row *r)
{
  SamText *description = sam_actor_get_description (r->actor);
  g_autoptr(GString) sv = g_string_new (r->note->str);
  g_autoptr(GString) en = g_string_new (NULL);

  if (r->field_problems)
    {
      /* data, not the user interface: both languages whatever the locale */
      g_string_append_printf (sv, "%sAtt granska, kunde inte läsas vid importen:%s",
                              sv->len ? "\n\n" : "", r->review_sv->str);
      g_string_append_printf (en, "To review, could not be read on import:%s", r->review_en->str);
      sam_actor_add_tag (r->actor, SAM_TABLE_REVIEW_TAG);
    }
  if (sv->len)
    sam_text_set (description, SAM_LANG_SV, sv->str);
  if (en->len)
    sam_text_set (description, SAM_LANG_EN, en->str);
}

SamActor *
_sam_table_row_to_actor (const SamTableRowContext *context)
{
  g_autofree char *id = row_id (context);
  g_autoptr(SamActor) actor = sam_actor_new (id);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GString) review_sv = g_string_new (NULL);
  g_autoptr(GString) review_en = g_string_new (NULL);
  Row r = { context, actor, note, review_sv, review_en, FALSE, FALSE, 0 };

  for (r.column = 0; r.column < context->n_columns; r.column++)
    {
      g_autofree char *text = g_strstrip (g_strdup (sam_table_row_get (context->row, r.column)));

      if (*text)
        read_cell (&r, context->fields[r.column], text);
    }
  if (!complete (&r) || (r.field_problems && context->on_error == SAM_TABLE_ON_ERROR_SKIP))
    {
      /* every problem of a row left out says so */
      for (guint i = 0; i < context->problems->len; i++)
        {
          SamTableProblem *problem = g_ptr_array_index (context->problems, i);
          if (problem->row == context->row->number)
            problem->skipped = TRUE;
        }
      return NULL;
    }
  set_description (&r);
  return g_steal_pointer (&actor);
}
