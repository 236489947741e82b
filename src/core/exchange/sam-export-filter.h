/* sam-export-filter.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exporting the whole register or a part of it, for another agency: by
 * area, by kind, by audience, or selected escalation paths with the actors
 * they name. The file records its source (this installation), the
 * register's version and the time of the export.
 */
#pragma once

#include <gio/gio.h>

#include "sam-audience.h"
#include "sam-register-xml.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* Leaves in @data only what @audience may see, and lowers its audience to
 * @audience when it was wider. */
void               sam_audience_limit_data    (SamRegisterData   *data,
                                               SamVisibility      audience);

typedef struct {
  /* Actors serving an area within one of these (a county takes in its
   * municipalities, SE everything); NULL: any area. */
  char **areas;
  /* Actors of one of these kinds (tokens); NULL: any kind. */
  char **kinds;
  /* Routes more restricted than this are left out: PUBLIC carries no
   * professional or internal route, PROFESSIONAL (the default) no internal
   * one; only INTERNAL carries every route. */
  SamVisibility audience;
  /* These paths, the paths their answers lead to, and the actors their
   * steps and fallbacks name; NULL: the paths of the areas (all, without --area). */
  char **paths;
} SamExportFilter;

/* All actors and paths, for the default audience (professional). */
void             sam_export_filter_init     (SamExportFilter       *filter);
/* All actors and paths with every route: a copy to keep, never a file for
 * another agency. */
void             sam_export_filter_init_everything (SamExportFilter *filter);
/* Checks the area codes, kinds and path ids; the message names the bad one. */
gboolean         sam_export_filter_check    (const SamExportFilter *filter,
                                             SamStore              *store,
                                             GError               **error);

/* What the filter selects (a NULL filter: as sam_export_filter_init()), with the actors the selected ones are units
 * of (a file names no actor it does not carry), and the deleted records
 * the filter would have selected. */
SamRegisterData *sam_export_collect         (SamStore              *store,
                                             const SamExportFilter *filter,
                                             GError               **error);
/* Writes the selection to @file, beside it and then renamed: a failure
 * leaves the file as it was. */
gboolean         sam_export_to_file         (SamStore              *store,
                                             const SamExportFilter *filter,
                                             GFile                 *file,
                                             GCancellable          *cancellable,
                                             GError               **error);
char            *sam_export_to_data         (SamStore              *store,
                                             const SamExportFilter *filter,
                                             gsize                 *length,
                                             GError               **error);

G_END_DECLS
