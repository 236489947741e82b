/* sam-export-format.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-atomic-file.h"
#include "sam-errors.h"
#include "sam-export-format.h"
#include "sam-export-private.h"

typedef void (*Writer) (GPtrArray *actors, SamLang lang, GString *out);

static const struct {
  const char *token;
  const char *extension;
  const char *mime_type;
  const char *label;
  Writer write;
} formats[SAM_N_EXPORT_FORMATS] = {
  [SAM_EXPORT_FORMAT_XML] = { "xml", "xml", "application/xml", N_("Register (XML)"), NULL },
  [SAM_EXPORT_FORMAT_VCARD] = { "vcard", "vcf", "text/vcard", N_("Contacts (vCard)"),
                                _sam_export_vcard_write },
  [SAM_EXPORT_FORMAT_CSV] = { "csv", "csv", "text/csv", N_("Spreadsheet (CSV)"),
                              _sam_export_csv_write },
  [SAM_EXPORT_FORMAT_HSDS] = { "hsds", "json", "application/json",
                               N_("Service directory (Open Referral HSDS)"), _sam_export_hsds_write },
};

const char *
sam_export_format_to_string (SamExportFormat format)
{
  g_return_val_if_fail (format < SAM_N_EXPORT_FORMATS, NULL);
  return formats[format].token;
}

gboolean
sam_export_format_from_string (const char *str, SamExportFormat *out)
{
  for (guint i = 0; str && i < SAM_N_EXPORT_FORMATS; i++)
    if (g_str_equal (str, formats[i].token))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sam_export_format_get_extension (SamExportFormat format)
{
  g_return_val_if_fail (format < SAM_N_EXPORT_FORMATS, NULL);
  return formats[format].extension;
}

const char *
sam_export_format_get_mime_type (SamExportFormat format)
{
  g_return_val_if_fail (format < SAM_N_EXPORT_FORMATS, NULL);
  return formats[format].mime_type;
}

const char *
sam_export_format_get_label (SamExportFormat format)
{
  g_return_val_if_fail (format < SAM_N_EXPORT_FORMATS, NULL);
  return _(formats[format].label);
}

gboolean
sam_export_format_check_audience (SamExportFormat format, SamVisibility audience, GError **error)
{
  g_return_val_if_fail (format < SAM_N_EXPORT_FORMATS, FALSE);

  if (format == SAM_EXPORT_FORMAT_XML || sam_audience_may_see (SAM_VISIBILITY_PROFESSIONAL, audience))
    return TRUE;
  g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
               /* Translators: %s is vCard, CSV or HSDS */
               _("A %s export never carries internal contact routes: choose the audience "
                 "public or professional. Internal routes leave the register only in its own "
                 "XML format, for your own use."),
               format == SAM_EXPORT_FORMAT_VCARD ? "vCard" :
               format == SAM_EXPORT_FORMAT_CSV ? "CSV" : "HSDS");
  return FALSE;
}

/* @actors with only what @audience may see: the one rule, whatever the caller did before. */
static GPtrArray *
limit_actors (GPtrArray *actors, SamVisibility audience)
{
  GPtrArray *limited = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < actors->len; i++)
    g_ptr_array_add (limited, sam_audience_actor (g_ptr_array_index (actors, i), audience));
  return limited;
}

gboolean
sam_export_actors_write (GPtrArray      *actors,
                         SamExportFormat format,
                         SamVisibility   audience,
                         SamLang         lang,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (actors != NULL, FALSE);
  g_return_val_if_fail (format != SAM_EXPORT_FORMAT_XML && format < SAM_N_EXPORT_FORMATS, FALSE);
  g_return_val_if_fail (lang < SAM_N_LANGS, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!sam_export_format_check_audience (format, audience, error))
    return FALSE;
  limited = limit_actors (actors, audience);
  out = g_string_new (NULL);
  formats[format].write (limited, lang, out);
  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

gboolean
sam_export_actors_to_file (GPtrArray      *actors,
                           SamExportFormat format,
                           SamVisibility   audience,
                           SamLang         lang,
                           GFile          *file,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(SamAtomicFile) out = NULL;

  if (!sam_export_format_check_audience (format, audience, error))
    return FALSE;
  /* beside the target and renamed: a failure leaves the old file */
  out = sam_atomic_file_new_for_file (file, error);
  return out != NULL &&
         sam_export_actors_write (actors, format, audience, lang, sam_atomic_file_get_stream (out),
                                  cancellable, error) &&
         sam_atomic_file_commit (out, cancellable, error);
}

gboolean
sam_export_format_write (SamStore              *store,
                         const SamExportFilter *filter,
                         SamExportFormat        format,
                         SamLang                lang,
                         GOutputStream         *stream,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_autoptr(SamRegisterData) data = NULL;
  SamVisibility audience = filter ? filter->audience : SAM_EXPORT_DEFAULT_AUDIENCE;

  if (!sam_export_format_check_audience (format, audience, error) ||
      (data = sam_export_collect (store, filter, error)) == NULL)
    return FALSE;
  if (format == SAM_EXPORT_FORMAT_XML)
    return sam_register_xml_write_data (data, stream, cancellable, error);
  return sam_export_actors_write (data->actors, format, audience, lang, stream, cancellable, error);
}

gboolean
sam_export_format_to_file (SamStore              *store,
                           const SamExportFilter *filter,
                           SamExportFormat        format,
                           SamLang                lang,
                           GFile                 *file,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr(SamAtomicFile) out = NULL;
  SamVisibility audience = filter ? filter->audience : SAM_EXPORT_DEFAULT_AUDIENCE;

  if (format == SAM_EXPORT_FORMAT_XML)
    return sam_export_to_file (store, filter, file, cancellable, error);
  /* asked before the file is touched */
  if (!sam_export_format_check_audience (format, audience, error))
    return FALSE;
  out = sam_atomic_file_new_for_file (file, error);
  return out != NULL &&
         sam_export_format_write (store, filter, format, lang, sam_atomic_file_get_stream (out),
                                  cancellable, error) &&
         sam_atomic_file_commit (out, cancellable, error);
}
