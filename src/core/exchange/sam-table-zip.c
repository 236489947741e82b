/* sam-table-zip.c — the zip container of ODS and XLSX workbooks
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libgsf reads the container (GsfInfileZip: stored and deflated members,
 * ZIP64, the central directory), as Gnumeric and AbiWord do; the XML in
 * it is libxml2's.
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-input.h>

#include "sam-errors.h"
#include "sam-table-private.h"

/* Reads all of @input, refusing what unpacks past the limit whatever its
 * header says. */
static GBytes *
read_all (GsfInput *input, const char *path, const char *member, GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 chunk[65536];

  while (gsf_input_remaining (input) > 0)
    {
      gsize n = MIN ((gsize) gsf_input_remaining (input), sizeof chunk);

      if (gsf_input_read (input, n, chunk) == NULL)
        return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                             _("“%s” is damaged: “%s” in it cannot be read."), path, member), NULL);
      if (bytes->len + n > SAM_TABLE_MAX_BYTES)
        return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                             _("“%s” is refused: “%s” in it unpacks to more than %u MB."), path,
                             member, SAM_TABLE_MAX_BYTES / (1024 * 1024)), NULL);
      g_byte_array_append (bytes, chunk, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static GsfInput *
find_member (GsfInfile *zip, const char *member)
{
  g_auto(GStrv) names = g_strsplit (member, "/", -1);

  return gsf_infile_child_by_aname (zip, (const char **) names);
}

GBytes *
_sam_table_zip_member (const char *path, const char *member, gboolean missing_ok,
                       GError **error)
{
  g_autoptr(GError) local = NULL;
  GsfInput *source = gsf_input_stdio_new (path, &local);
  GsfInfile *zip = NULL;
  GsfInput *input = NULL;
  GBytes *bytes = NULL;

  if (source)
    zip = gsf_infile_zip_new (source, &local);
  if (zip == NULL)
    g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID, _("“%s” is not a readable zip file: %s"),
                 path, local ? local->message : _("unknown error"));
  else if ((input = find_member (zip, member)) == NULL)
    {
      if (!missing_ok)
        g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                     _("“%s” is not a whole spreadsheet: it has no “%s”."), path, member);
    }
  else
    bytes = read_all (input, path, member, error);
  g_clear_object (&input);
  g_clear_object (&zip);
  g_clear_object (&source);
  return bytes;
}
