/* sam-areas.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-areas"

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "sam-areas.h"

typedef struct {
  SamArea area;
  const char *covering[4];
} Entry;

typedef struct {
  GBytes *bytes;        /* keeps the strings alive: the table points into a copy */
  char *text;
  GPtrArray *all;       /* of Entry */
  GHashTable *by_code;
} Table;

static gboolean
parse_kind (const char *text, SamAreaKind *kind)
{
  if (g_str_equal (text, "country"))
    *kind = SAM_AREA_COUNTRY;
  else if (g_str_equal (text, "county"))
    *kind = SAM_AREA_COUNTY;
  else if (g_str_equal (text, "municipality"))
    *kind = SAM_AREA_MUNICIPALITY;
  else
    return FALSE;
  return TRUE;
}

static void
fill_covering (Entry *e)
{
  guint n = 0;

  e->covering[n++] = e->area.code;
  if (e->area.county)
    e->covering[n++] = e->area.county;
  if (e->area.kind != SAM_AREA_COUNTRY)
    e->covering[n++] = "SE";
  e->covering[n] = NULL;
}

static void
load_line (Table *table, char *line)
{
  char *fields[5];
  Entry *e;
  guint n = 0;

  for (char *p = line; n < 5; n++)
    {
      fields[n] = p;
      p = strchr (p, '\t');
      if (p == NULL)
        break;
      *p++ = '\0';
    }
  if (n != 4)
    return;
  e = g_new0 (Entry, 1);
  e->area.code = fields[0];
  if (!parse_kind (fields[1], &e->area.kind))
    return g_free (e);
  e->area.county = *fields[2] ? fields[2] : NULL;
  e->area.name[SAM_LANG_SV] = fields[3];
  e->area.name[SAM_LANG_EN] = fields[4];
  fill_covering (e);
  g_ptr_array_add (table->all, e);
  g_hash_table_insert (table->by_code, (char *) e->area.code, e);
}

static Table *
load_table (void)
{
  Table *table = g_new0 (Table, 1);
  g_autoptr(GError) error = NULL;
  char *line, *next;

  table->all = g_ptr_array_new ();
  table->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  table->bytes = g_resources_lookup_data ("/io/github/samverkan/Samverkan/core/areas.tsv",
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (table->bytes == NULL)
    g_error ("The list of areas is missing from the program: %s", error->message);

  table->text = g_strndup (g_bytes_get_data (table->bytes, NULL), g_bytes_get_size (table->bytes));
  /* skip the header line */
  for (line = strchr (table->text, '\n'); line && *++line; line = next)
    {
      next = strchr (line, '\n');
      if (next)
        *next = '\0';
      load_line (table, line);
      if (next == NULL)
        break;
    }
  return table;
}

static Table *
get_table (void)
{
  static gsize once;
  static Table *table;

  if (g_once_init_enter (&once))
    {
      table = load_table ();
      g_once_init_leave (&once, 1);
    }
  return table;
}

const SamArea *
sam_area_lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (get_table ()->by_code, code);
}

GPtrArray *
sam_areas_get_all (void)
{
  return get_table ()->all;
}

const char *
sam_area_get_name (const SamArea *area)
{
  return area->name[sam_lang_from_locale ()];
}

const char * const *
sam_area_get_covering (const SamArea *area)
{
  return ((const Entry *) area)->covering;
}

char *
sam_areas_join_names (GPtrArray *codes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      const SamArea *area = sam_area_lookup (code);

      if (out->len)
        g_string_append (out, ", ");
      g_string_append (out, area ? sam_area_get_name (area) : code);
    }
  return g_string_free (out, FALSE);
}
