/* sam-export-csv.c — one row per actor, for a spreadsheet.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UTF-8 with a byte order mark (so Excel does not read it as Windows-1252),
 * commas, CRLF and quotes as RFC 4180 says, the headings of
 * sam-table-columns.h. Several values in one cell are joined with " / ",
 * as people write them and a spreadsheet import splits them.
 */
#define G_LOG_DOMAIN "sam-export"

#include "config.h"

#include <string.h>

#include "sam-areas.h"
#include "sam-export-private.h"
#include "sam-table-columns.h"

/* A cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM",
 * "-2+3+cmd|…"): a register may come from elsewhere, so such text is kept
 * as text with a leading apostrophe, as spreadsheets write it. Phone
 * numbers ("+47 22 12 34 56 / 070-…") are left as they are. */
static gboolean
reads_as_formula (const char *text)
{
  if (text[0] == '\0' || strchr ("=@+-\t\r", text[0]) == NULL)
    return FALSE;
  return text[strspn (text, "+-0123456789 ()/")] != '\0';
}

static void
append_cell (GString *out, const char *text, gboolean first)
{
  g_autofree char *guarded = NULL;

  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL)
    return;
  if (reads_as_formula (text))
    text = guarded = g_strconcat ("'", text, NULL);
  if (strpbrk (text, ",\"\r\n") == NULL && !g_ascii_isspace (text[0]))
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
join (GString *cell, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (cell->len)
    g_string_append (cell, SAM_TABLE_VALUE_SEPARATOR);
  g_string_append (cell, value);
}

static SamTableColumn
route_column (SamRouteKind kind)
{
  switch (kind)
    {
    case SAM_ROUTE_KIND_PHONE: return SAM_TABLE_COLUMN_PHONE;
    case SAM_ROUTE_KIND_ON_CALL_PHONE: return SAM_TABLE_COLUMN_ON_CALL;
    case SAM_ROUTE_KIND_EMAIL:
    case SAM_ROUTE_KIND_SECURE_EMAIL: return SAM_TABLE_COLUMN_EMAIL;
    case SAM_ROUTE_KIND_WEB: return SAM_TABLE_COLUMN_WEB;
    case SAM_ROUTE_KIND_VISITING_ADDRESS:
    case SAM_ROUTE_KIND_POSTAL_ADDRESS: return SAM_TABLE_COLUMN_ADDRESS;
    case SAM_ROUTE_KIND_SMS:   /* no column of its own: the note names it */
    case SAM_N_ROUTE_KINDS:
    default: return SAM_TABLE_COLUMN_NOTE;
    }
}

static void
fill_routes (GString **cells, SamActor *actor, SamLang lang)
{
  GPtrArray *routes = sam_actor_get_routes (actor);

  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      SamTableColumn column = route_column (sam_contact_route_get_kind (route));
      g_autofree char *shown = sam_contact_route_dup_display_value (route);
      g_autofree char *noted = NULL;

      if (column == SAM_TABLE_COLUMN_NOTE)
        noted = g_strdup_printf ("%s %s",
                                 _sam_export_route_kind_word (sam_contact_route_get_kind (route), lang),
                                 shown);
      join (cells[column], noted ? noted : shown);
    }
}

static void
fill_strings (GString *cell, GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    join (cell, g_ptr_array_index (items, i));
}

static void
fill_areas (GString *cell, GPtrArray *codes, SamLang lang)
{
  for (guint i = 0; i < codes->len; i++)
    {
      const SamArea *area = sam_area_lookup (g_ptr_array_index (codes, i));

      join (cell, area ? area->name[lang] : g_ptr_array_index (codes, i));
    }
}

static void
write_row (GString *out, SamActor *actor, SamLang lang)
{
  GString *cells[SAM_N_TABLE_COLUMNS];
  SamSchedule *hours = sam_actor_get_hours (actor);
  const char *description = sam_text_get_best (sam_actor_get_description (actor), lang, NULL);

  for (guint c = 0; c < SAM_N_TABLE_COLUMNS; c++)
    cells[c] = g_string_new (NULL);
  join (cells[SAM_TABLE_COLUMN_ID], sam_actor_get_id (actor));
  join (cells[SAM_TABLE_COLUMN_NAME], sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV));
  join (cells[SAM_TABLE_COLUMN_NAME_EN], sam_text_get (sam_actor_get_name (actor), SAM_LANG_EN));
  join (cells[SAM_TABLE_COLUMN_KIND], sam_actor_kind_to_string (sam_actor_get_kind (actor)));
  fill_areas (cells[SAM_TABLE_COLUMN_MUNICIPALITY], sam_actor_get_areas (actor), lang);
  /* the register's own syntax ("Mo-Fr 08:00-16:30"): it reads back exactly */
  if (hours)
    {
      g_autofree char *text = sam_schedule_to_string (hours);
      join (cells[SAM_TABLE_COLUMN_HOURS], text);
    }
  fill_strings (cells[SAM_TABLE_COLUMN_TARGET_GROUP], sam_actor_get_target_groups (actor));
  fill_strings (cells[SAM_TABLE_COLUMN_LANGUAGES], sam_actor_get_languages (actor));
  join (cells[SAM_TABLE_COLUMN_NOTE], description);
  fill_routes (cells, actor, lang);
  for (guint c = 0; c < SAM_N_TABLE_COLUMNS; c++)
    {
      append_cell (out, cells[c]->str, c == 0);
      g_string_free (cells[c], TRUE);
    }
  g_string_append (out, "\r\n");
}

void
_sam_export_csv_write (GPtrArray *actors, SamLang lang, GString *out)
{
  g_string_append (out, "\xef\xbb\xbf");
  for (guint c = 0; c < SAM_N_TABLE_COLUMNS; c++)
    append_cell (out, sam_table_column_get_heading (c), c == 0);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < actors->len; i++)
    write_row (out, g_ptr_array_index (actors, i), lang);
}
