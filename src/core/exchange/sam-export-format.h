/* sam-export-format.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The register's numbers in the formats other programs read: vCard for a
 * phone's contacts, CSV for a spreadsheet, Open Referral HSDS for service
 * directories, besides the register's own XML. Every format takes what the
 * export filter selects and goes through the one audience rule.
 */
#pragma once

#include <gio/gio.h>

#include "sam-export-filter.h"

G_BEGIN_DECLS

typedef enum {
  SAM_EXPORT_FORMAT_XML,     /* the register's exchange format */
  SAM_EXPORT_FORMAT_VCARD,   /* vCard 4.0 (RFC 6350), one card per actor */
  SAM_EXPORT_FORMAT_CSV,     /* RFC 4180, UTF-8 with a BOM, one row per actor */
  SAM_EXPORT_FORMAT_HSDS,    /* Open Referral HSDS 3.0 JSON */
  SAM_N_EXPORT_FORMATS
} SamExportFormat;

/* "xml", "vcard", "csv", "hsds" */
const char *sam_export_format_to_string     (SamExportFormat format);
gboolean    sam_export_format_from_string   (const char     *str,
                                             SamExportFormat *out);
/* "xml", "vcf", "csv", "json": the usual end of a file name */
const char *sam_export_format_get_extension (SamExportFormat format);
const char *sam_export_format_get_mime_type (SamExportFormat format);
/* "Register (XML)", "Contacts (vCard)", … translated */
const char *sam_export_format_get_label     (SamExportFormat format);

/* vCard, CSV and HSDS go to phones, spreadsheets and directories outside
 * the register holder's hands: they never carry an internal route, and
 * asking for one is an error that says so. */
gboolean    sam_export_format_check_audience (SamExportFormat format,
                                              SamVisibility   audience,
                                              GError        **error);

/* Writes @actors in @format (not XML) to @stream, each with only the routes
 * @audience may see; texts and opening hours in @lang. */
gboolean    sam_export_actors_write         (GPtrArray      *actors,
                                             SamExportFormat format,
                                             SamVisibility   audience,
                                             SamLang         lang,
                                             GOutputStream  *stream,
                                             GCancellable   *cancellable,
                                             GError        **error);
/* The same to @file, written beside it and renamed. */
gboolean    sam_export_actors_to_file       (GPtrArray      *actors,
                                             SamExportFormat format,
                                             SamVisibility   audience,
                                             SamLang         lang,
                                             GFile          *file,
                                             GCancellable   *cancellable,
                                             GError        **error);
/* What @filter selects (NULL: everything for professionals) in @format, to
 * @file written beside it and renamed; XML as sam_export_to_file(). */
gboolean    sam_export_format_to_file       (SamStore              *store,
                                             const SamExportFilter *filter,
                                             SamExportFormat        format,
                                             SamLang                lang,
                                             GFile                 *file,
                                             GCancellable          *cancellable,
                                             GError               **error);
/* The same to @stream (standard output). */
gboolean    sam_export_format_write         (SamStore              *store,
                                             const SamExportFilter *filter,
                                             SamExportFormat        format,
                                             SamLang                lang,
                                             GOutputStream         *stream,
                                             GCancellable          *cancellable,
                                             GError               **error);

G_END_DECLS
