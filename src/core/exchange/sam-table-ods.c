/* sam-table-ods.c — the first sheet of an OpenDocument spreadsheet
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * content.xml, streamed with libxml2's reader: rows and cells with their
 * repeats (a sheet ends in a row repeated a million times), merged cells
 * (number-columns-spanned/-rows-spanned), paragraphs as line breaks.
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "sam-errors.h"
#include "sam-table-private.h"

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
/* More columns or rows than a list of contacts has: repeats past these
 * are the empty rest of the sheet. */
#define MAX_COLUMNS 1024
#define MAX_ROWS 1000000

typedef struct {
  guint row1, col1, row2, col2;
} Merge;

typedef struct {
  SamTable *table;
  GArray *merges;
  GPtrArray *cells;
  GString *text;
  guint row;            /* 0-based index of the row being read */
  guint row_repeat;
  guint cell_repeat;
  guint col_span, row_span;
  int paragraph;        /* depth inside text:p */
  gboolean paragraphs;
} Ods;

static guint
attr_uint (xmlTextReaderPtr reader, const char *name, guint fallback)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (reader, BAD_CAST name, BAD_CAST NS_TABLE);
  guint64 n = fallback;

  if (value)
    {
      n = g_ascii_strtoull ((const char *) value, NULL, 10);
      xmlFree (value);
    }
  return (guint) CLAMP (n, 1, G_MAXINT);
}

static gboolean
is (xmlTextReaderPtr reader, const char *ns, const char *name)
{
  const xmlChar *uri = xmlTextReaderConstNamespaceUri (reader);

  return uri && strcmp ((const char *) uri, ns) == 0 &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static void
end_cell (Ods *ods)
{
  guint col = ods->cells->len;

  if (ods->col_span > 1 || ods->row_span > 1)
    {
      Merge merge = { ods->row, col, ods->row + ods->row_span - 1, col + ods->col_span - 1 };
      g_array_append_val (ods->merges, merge);
    }
  for (guint i = 0; i < ods->cell_repeat && ods->cells->len < MAX_COLUMNS; i++)
    g_ptr_array_add (ods->cells, g_strdup (ods->text->str));
}

static void
end_row (Ods *ods)
{
  for (guint i = 0; i < ods->row_repeat && ods->row < MAX_ROWS; i++)
    {
      GPtrArray *copy = g_ptr_array_copy (ods->cells, (GCopyFunc) (void (*) (void)) g_strdup, NULL);

      g_ptr_array_set_free_func (copy, g_free);
      _sam_table_add_row (ods->table, ++ods->row, copy);
      /* a repeated row without text is the rest of the sheet: counted, not read */
      if (ods->table->rows->len == 0 ||
          ((SamTableRow *) g_ptr_array_index (ods->table->rows,
                                              ods->table->rows->len - 1))->number != ods->row)
        {
          ods->row += MIN (ods->row_repeat - i - 1, MAX_ROWS);
          break;
        }
    }
  g_ptr_array_set_size (ods->cells, 0);
}

static void
start_element (Ods *ods, xmlTextReaderPtr reader)
{
  gboolean empty = xmlTextReaderIsEmptyElement (reader);

  if (is (reader, NS_TABLE, "table-row"))
    {
      ods->row_repeat = attr_uint (reader, "number-rows-repeated", 1);
      if (empty)
        end_row (ods);
    }
  else if (is (reader, NS_TABLE, "table-cell") || is (reader, NS_TABLE, "covered-table-cell"))
    {
      g_string_truncate (ods->text, 0);
      ods->paragraphs = FALSE;
      ods->cell_repeat = attr_uint (reader, "number-columns-repeated", 1);
      ods->col_span = MIN (attr_uint (reader, "number-columns-spanned", 1), MAX_COLUMNS);
      ods->row_span = MIN (attr_uint (reader, "number-rows-spanned", 1), MAX_ROWS);
      if (empty)
        end_cell (ods);
    }
  else if (is (reader, NS_TEXT, "p") || is (reader, NS_TEXT, "h"))
    {
      if (ods->paragraphs)
        g_string_append_c (ods->text, '\n');
      ods->paragraphs = TRUE;
      ods->paragraph += empty ? 0 : 1;
    }
  else if (is (reader, NS_TEXT, "s") && ods->paragraph > 0)
    {
      xmlChar *c = xmlTextReaderGetAttributeNs (reader, BAD_CAST "c", BAD_CAST NS_TEXT);
      guint n = c ? (guint) CLAMP (g_ascii_strtoull ((const char *) c, NULL, 10), 1, 100) : 1;

      for (guint i = 0; i < n; i++)
        g_string_append_c (ods->text, ' ');
      xmlFree (c);
    }
  else if (is (reader, NS_TEXT, "line-break") && ods->paragraph > 0)
    g_string_append_c (ods->text, '\n');
  else if (is (reader, NS_TEXT, "tab") && ods->paragraph > 0)
    g_string_append_c (ods->text, '\t');
}

/* One node; FALSE once the first sheet has ended. */
static gboolean
read_node (Ods *ods, xmlTextReaderPtr reader)
{
  int type = xmlTextReaderNodeType (reader);

  if (type == XML_READER_TYPE_ELEMENT)
    start_element (ods, reader);
  else if (type == XML_READER_TYPE_END_ELEMENT)
    {
      if (is (reader, NS_TABLE, "table"))
        return FALSE;
      if (is (reader, NS_TABLE, "table-row"))
        end_row (ods);
      else if (is (reader, NS_TABLE, "table-cell") || is (reader, NS_TABLE, "covered-table-cell"))
        end_cell (ods);
      else if (is (reader, NS_TEXT, "p") || is (reader, NS_TEXT, "h"))
        ods->paragraph--;
    }
  else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
           ods->paragraph > 0)
    g_string_append (ods->text, (const char *) xmlTextReaderConstValue (reader));
  return TRUE;
}

static void
apply_merges (Ods *ods)
{
  for (guint i = 0; i < ods->merges->len; i++)
    {
      Merge *m = &g_array_index (ods->merges, Merge, i);
      _sam_table_fill_merge (ods->table, m->row1, m->col1, m->row2, m->col2);
    }
}

SamTable *
_sam_table_read_ods (const char *path, GError **error)
{
  g_autoptr(GBytes) content = _sam_table_zip_member (path, "content.xml", FALSE, error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) merges = g_array_new (FALSE, FALSE, sizeof (Merge));
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  xmlTextReaderPtr reader;
  Ods ods = { .merges = merges, .cells = cells, .text = text };
  gsize size;
  const char *data;
  int status;

  if (content == NULL)
    return NULL;
  data = g_bytes_get_data (content, &size);
  reader = xmlReaderForMemory (data, (int) MIN (size, G_MAXINT), NULL, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("“%s” is damaged: its sheet cannot be read."), path), NULL);
  ods.table = _sam_table_new ("ods");
  while ((status = xmlTextReaderRead (reader)) == 1 && read_node (&ods, reader))
    ;
  xmlFreeTextReader (reader);
  if (status < 0)
    {
      sam_table_free (ods.table);
      return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                           _("“%s” is damaged: its sheet is not well-formed XML."), path), NULL);
    }
  apply_merges (&ods);
  return ods.table;
}
