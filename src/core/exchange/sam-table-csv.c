/* sam-table-csv.c — CSV as Excel and LibreOffice save it
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Swedish Excel writes ';' and Windows-1252, LibreOffice ',' and UTF-8,
 * either with or without a byte-order mark; a quoted field may hold the
 * separator, doubled quotes and line breaks (RFC 4180).
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sam-errors.h"
#include "sam-table-private.h"

static const char separators[] = { ';', ',', '\t' };

/* The text as UTF-8 and the encoding it was in, or NULL. */
static char *
to_utf8 (const char *data, gsize length, char **encoding, GError **error)
{
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      /* Excel's "Unicode text": UTF-16 with its mark */
      *encoding = g_strdup ("UTF-16");
      return g_convert (data, length, "UTF-8", "UTF-16", NULL, NULL, error);
    }
  if (memchr (data, '\0', length) != NULL)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("The file holds binary data, not text: it is not a spreadsheet "
                           "saved as CSV, ODS or XLSX.")), NULL);
  if (g_utf8_validate (data, length, NULL))
    {
      *encoding = g_strdup ("UTF-8");
      return g_strndup (data, length);
    }
  /* not UTF-8: what Excel writes in Sweden is Windows-1252 */
  *encoding = g_strdup ("Windows-1252");
  {
    char *text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

    return text ? text : g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, error);
  }
}

/* How often @sep occurs outside quotes on each of the first lines: the
 * separator is the one that occurs the same number of times on most. */
static guint
separator_score (const char *text, char sep)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  gboolean quoted = FALSE;
  guint lines = 0, count = 0, best = 0;

  for (const char *p = text; *p && lines < 30; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == sep)
        count++;
      else if (!quoted && (*p == '\n' || p[1] == '\0'))
        {
          if (count > 0)
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (count)));
              g_hash_table_insert (counts, GUINT_TO_POINTER (count), GUINT_TO_POINTER (n + 1));
            }
          count = 0;
          lines++;
        }
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &key, &value))
      best = MAX (best, GPOINTER_TO_UINT (value) * 100 + MIN (GPOINTER_TO_UINT (key), 99));
  }
  return best;
}

static char
detect_separator (const char *text)
{
  char best = ';';
  guint best_score = 0;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      guint score = separator_score (text, separators[i]);

      if (score > best_score)
        {
          best = separators[i];
          best_score = score;
        }
    }
  return best;
}

typedef struct {
  SamTable *table;
  GPtrArray *cells;
  GString *field;
  guint number;
} Parser;

static void
end_field (Parser *parser)
{
  g_ptr_array_add (parser->cells, g_strdup (parser->field->str));
  g_string_truncate (parser->field, 0);
}

static void
end_record (Parser *parser)
{
  end_field (parser);
  _sam_table_add_row (parser->table, ++parser->number, parser->cells);
  parser->cells = g_ptr_array_new_with_free_func (g_free);
}

/* Quoted fields keep separators and line breaks; "" is a quote. */
static const char *
parse_quoted (Parser *parser, const char *p)
{
  for (p++; *p; p++)
    {
      if (*p == '"' && p[1] == '"')
        g_string_append_c (parser->field, *p++);
      else if (*p == '"')
        return p + 1;
      else if (*p == '\r' && p[1] == '\n')
        continue;
      else
        g_string_append_c (parser->field, *p);
    }
  return p;
}

static void
parse (Parser *parser, const char *p, char sep)
{
  gboolean at_start = TRUE;

  while (*p)
    {
      if (*p == '"' && at_start)
        {
          p = parse_quoted (parser, p);
          at_start = FALSE;
          continue;
        }
      if (*p == sep)
        end_field (parser);
      else if (*p == '\n' || *p == '\r')
        {
          end_record (parser);
          if (*p == '\r' && p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (parser->field, *p);
      at_start = (*p == sep || *p == '\n' || *p == '\r');
      p++;
    }
  if (parser->field->len > 0 || parser->cells->len > 0)
    end_record (parser);
}

SamTable *
sam_table_read_csv (const char *data, gsize length, GError **error)
{
  g_autofree char *encoding = NULL;
  g_autofree char *text = to_utf8 (data, length, &encoding, error);
  g_autoptr(GString) field = g_string_new (NULL);
  Parser parser = { 0 };
  const char *start;
  char sep;

  if (text == NULL)
    return NULL;
  start = text;
  /* Excel's hint on the first line: "sep=;" */
  if (g_str_has_prefix (start, "sep=") && start[4] && (start[5] == '\n' || start[5] == '\r'))
    {
      sep = start[4];
      start += start[6] == '\n' ? 7 : 6;
    }
  else
    sep = detect_separator (start);
  parser.table = _sam_table_new ("csv");
  parser.table->encoding = g_steal_pointer (&encoding);
  parser.table->separator = sep;
  parser.cells = g_ptr_array_new_with_free_func (g_free);
  parser.field = field;
  parse (&parser, start, sep);
  g_ptr_array_unref (parser.cells);
  if (parser.table->rows->len == 0)
    {
      sam_table_free (parser.table);
      return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                           _("The file has no rows with text.")), NULL);
    }
  return parser.table;
}
