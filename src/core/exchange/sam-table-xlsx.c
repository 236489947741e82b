/* sam-table-xlsx.c — the first sheet of an Office Open XML workbook
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xl/workbook.xml names the sheets, xl/_rels/workbook.xml.rels where they
 * are; a sheet's text cells point into xl/sharedStrings.xml. Merged
 * ranges are listed after the rows (<mergeCells>).
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "sam-errors.h"
#include "sam-table-private.h"

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define MAX_COLUMNS 1024
#define MAX_ROWS 1000000

typedef gboolean (*NodeFunc) (xmlTextReaderPtr reader, gpointer data);

static gboolean
is (xmlTextReaderPtr reader, const char *name)
{
  return strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static char *
attr (xmlTextReaderPtr reader, const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, BAD_CAST name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* Runs @func on every node of @bytes until it returns FALSE. */
static gboolean
walk (GBytes *bytes, const char *path, NodeFunc func, gpointer data, GError **error)
{
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  xmlTextReaderPtr reader = xmlReaderForMemory (text, (int) MIN (size, G_MAXINT), NULL, NULL,
                                                XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                XML_PARSE_NOWARNING);
  int status = -1;

  if (reader)
    while ((status = xmlTextReaderRead (reader)) == 1 && func (reader, data))
      ;
  xmlFreeTextReader (reader);
  if (status < 0)
    g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                 _("“%s” is damaged: its sheet is not well-formed XML."), path);
  return status >= 0;
}

/* Shared strings */

typedef struct {
  GPtrArray *strings;
  GString *text;
  gboolean in_t, in_phonetic;
} Strings;

static gboolean
string_node (xmlTextReaderPtr reader, gpointer data)
{
  Strings *s = data;
  int type = xmlTextReaderNodeType (reader);

  if (type == XML_READER_TYPE_ELEMENT && is (reader, "si"))
    g_string_truncate (s->text, 0);
  else if (type == XML_READER_TYPE_ELEMENT && is (reader, "rPh"))
    s->in_phonetic = !xmlTextReaderIsEmptyElement (reader);
  else if (type == XML_READER_TYPE_ELEMENT && is (reader, "t"))
    s->in_t = !xmlTextReaderIsEmptyElement (reader);
  else if (type == XML_READER_TYPE_END_ELEMENT && is (reader, "t"))
    s->in_t = FALSE;
  else if (type == XML_READER_TYPE_END_ELEMENT && is (reader, "rPh"))
    s->in_phonetic = FALSE;
  else if (type == XML_READER_TYPE_END_ELEMENT && is (reader, "si"))
    g_ptr_array_add (s->strings, g_strdup (s->text->str));
  else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
           s->in_t && !s->in_phonetic)
    g_string_append (s->text, (const char *) xmlTextReaderConstValue (reader));
  return TRUE;
}

static GPtrArray *
read_strings (const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = _sam_table_zip_member (path, "xl/sharedStrings.xml", TRUE, error);
  g_autoptr(GString) text = g_string_new (NULL);
  Strings s = { g_ptr_array_new_with_free_func (g_free), text, FALSE, FALSE };

  if (error && *error)
    return (g_ptr_array_unref (s.strings), NULL);
  if (bytes && !walk (bytes, path, string_node, &s, error))
    return (g_ptr_array_unref (s.strings), NULL);
  return s.strings;
}

/* Where the first sheet is */

typedef struct {
  char *rid;
  char *target;
} Sheet;

static gboolean
workbook_node (xmlTextReaderPtr reader, gpointer data)
{
  Sheet *sheet = data;

  if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT || !is (reader, "sheet"))
    return TRUE;
  {
    xmlChar *rid = xmlTextReaderGetAttributeNs (reader, BAD_CAST "id", BAD_CAST NS_REL);
    sheet->rid = rid ? g_strdup ((const char *) rid) : NULL;
    xmlFree (rid);
  }
  return FALSE;
}

static gboolean
rels_node (xmlTextReaderPtr reader, gpointer data)
{
  Sheet *sheet = data;
  g_autofree char *id = NULL;

  if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT || !is (reader, "Relationship"))
    return TRUE;
  id = attr (reader, "Id");
  if (g_strcmp0 (id, sheet->rid) != 0)
    return TRUE;
  sheet->target = attr (reader, "Target");
  return FALSE;
}

/* The member name of the first sheet: "xl/worksheets/sheet1.xml" unless
 * the workbook says otherwise. */
static char *
first_sheet (const char *path)
{
  g_autoptr(GBytes) workbook = _sam_table_zip_member (path, "xl/workbook.xml", TRUE, NULL);
  g_autoptr(GBytes) rels = _sam_table_zip_member (path, "xl/_rels/workbook.xml.rels", TRUE, NULL);
  Sheet sheet = { 0 };
  char *member = NULL;

  if (workbook && rels && walk (workbook, path, workbook_node, &sheet, NULL) && sheet.rid &&
      walk (rels, path, rels_node, &sheet, NULL) && sheet.target && !strstr (sheet.target, ".."))
    member = sheet.target[0] == '/' ? g_strdup (sheet.target + 1)
                                    : g_strconcat ("xl/", sheet.target, NULL);
  g_free (sheet.rid);
  g_free (sheet.target);
  return member ? member : g_strdup ("xl/worksheets/sheet1.xml");
}

/* The sheet */

typedef struct {
  SamTable *table;
  GPtrArray *strings;
  GPtrArray *cells;
  GString *text;
  char *type;
  guint row, column;
  gboolean in_value;
  GArray *merges;   /* of guint[4] */
} Xlsx;

/* "BC12" → column 54, row 11 (0-based); FALSE when it is not a reference. */
static gboolean
parse_ref (const char *ref, guint *column, guint *row)
{
  guint c = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && c < 100000; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (c == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  *column = c - 1;
  *row = (guint) MIN (g_ascii_strtoull (p, NULL, 10), G_MAXUINT) - 1;
  return TRUE;
}

static void
end_cell (Xlsx *x)
{
  const char *text = x->text->str;

  if (g_strcmp0 (x->type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (text, NULL, 10);
      text = index < x->strings->len ? g_ptr_array_index (x->strings, index) : "";
    }
  else if (g_strcmp0 (x->type, "b") == 0)
    text = g_str_equal (text, "1") ? "TRUE" : "FALSE";
  if (x->column >= MAX_COLUMNS)
    return;
  while (x->cells->len < x->column)
    g_ptr_array_add (x->cells, g_strdup (""));
  g_ptr_array_add (x->cells, g_strdup (text));
  x->column++;
}

static void
start_element (Xlsx *x, xmlTextReaderPtr reader)
{
  if (is (reader, "row"))
    {
      g_autofree char *r = attr (reader, "r");
      guint64 number = r ? g_ascii_strtoull (r, NULL, 10) : 0;

      x->row = number > 0 ? (guint) MIN (number, MAX_ROWS) - 1 : x->row;
      x->column = 0;
      g_ptr_array_set_size (x->cells, 0);
    }
  else if (is (reader, "c"))
    {
      g_autofree char *r = attr (reader, "r");
      guint row;

      g_free (x->type);
      x->type = attr (reader, "t");
      g_string_truncate (x->text, 0);
      if (r)
        parse_ref (r, &x->column, &row);
      if (xmlTextReaderIsEmptyElement (reader))
        end_cell (x);
    }
  else if ((is (reader, "v") || is (reader, "t")) && !xmlTextReaderIsEmptyElement (reader))
    x->in_value = TRUE;
  else if (is (reader, "mergeCell"))
    {
      g_autofree char *ref = attr (reader, "ref");
      g_auto(GStrv) ends = ref ? g_strsplit (ref, ":", 2) : NULL;
      guint m[4];

      if (ends && ends[0] && ends[1] && parse_ref (ends[0], &m[1], &m[0]) &&
          parse_ref (ends[1], &m[3], &m[2]) && m[0] <= m[2] && m[1] <= m[3])
        g_array_append_vals (x->merges, m, 4);
    }
}

static gboolean
sheet_node (xmlTextReaderPtr reader, gpointer data)
{
  Xlsx *x = data;
  int type = xmlTextReaderNodeType (reader);

  if (type == XML_READER_TYPE_ELEMENT)
    start_element (x, reader);
  else if (type == XML_READER_TYPE_END_ELEMENT && (is (reader, "v") || is (reader, "t")))
    x->in_value = FALSE;
  else if (type == XML_READER_TYPE_END_ELEMENT && is (reader, "c"))
    end_cell (x);
  else if (type == XML_READER_TYPE_END_ELEMENT && is (reader, "row"))
    {
      GPtrArray *copy = g_ptr_array_copy (x->cells, (GCopyFunc) (void (*) (void)) g_strdup, NULL);

      g_ptr_array_set_free_func (copy, g_free);
      _sam_table_add_row (x->table, ++x->row, copy);
    }
  else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
           x->in_value)
    g_string_append (x->text, (const char *) xmlTextReaderConstValue (reader));
  return TRUE;
}

SamTable *
_sam_table_read_xlsx (const char *path, GError **error)
{
  g_autoptr(GPtrArray) strings = read_strings (path, error);
  g_autofree char *member = first_sheet (path);
  g_autoptr(GBytes) sheet = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) merges = g_array_new (FALSE, FALSE, sizeof (guint));
  Xlsx x = { .strings = strings, .cells = cells, .text = text, .merges = merges };

  if (strings == NULL || (sheet = _sam_table_zip_member (path, member, FALSE, error)) == NULL)
    return NULL;
  x.table = _sam_table_new ("xlsx");
  if (!walk (sheet, path, sheet_node, &x, error))
    {
      g_free (x.type);
      sam_table_free (x.table);
      return NULL;
    }
  g_free (x.type);
  for (guint i = 0; i + 3 < merges->len; i += 4)
    _sam_table_fill_merge (x.table, g_array_index (merges, guint, i),
                           g_array_index (merges, guint, i + 1), g_array_index (merges, guint, i + 2),
                           g_array_index (merges, guint, i + 3));
  return x.table;
}
