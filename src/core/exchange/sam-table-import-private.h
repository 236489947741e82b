/* sam-table-import-private.h — shared by the files of the spreadsheet import.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-actor.h"
#include "sam-table-import.h"

G_BEGIN_DECLS

typedef struct {
  const SamTableRow *row;
  const SamTableField *fields;
  const char * const *headings;
  guint n_columns;
  const char *area;              /* for rows that name none, or NULL */
  SamTableOnError on_error;
  GPtrArray *problems;           /* of SamTableProblem, appended to */
} SamTableRowContext;

void      _sam_table_problem_free   (SamTableProblem   *problem);
void      _sam_table_duplicate_free (SamTableDuplicate *duplicate);
/* The actor of one row, or NULL when the row is left out; its problems
 * are added to the context's list. */
SamActor *_sam_table_row_to_actor   (const SamTableRowContext *context);
/* Which of @actors (by index into @rows) the register already has. */
GPtrArray *_sam_table_find_duplicates (SamStore  *store,
                                       GPtrArray *actors,
                                       GArray    *rows,
                                       GError   **error);
/* Adds to @existing what @incoming has that it lacks: routes, areas,
 * groups, languages, hours, a description. TRUE when it changed. */
gboolean  _sam_table_merge_into     (SamActor          *existing,
                                     SamActor          *incoming);

/* What sam-table-apply.c reads of the import. */
SamStore *_sam_table_import_get_store (SamTableImport *self);
const char *_sam_table_import_get_path (SamTableImport *self);
/* The store later preparations and the import use (new_async's caller's). */
void      _sam_table_import_set_store (SamTableImport *self,
                                       SamStore       *store);
/* The row number of sam_table_import_get_actors()'s actor @index. */
guint     _sam_table_import_actor_row (SamTableImport *self,
                                       guint           index);

/* The import written through @store (a connection of a thread's own). */
gboolean  _sam_table_import_apply_to  (SamTableImport *self,
                                       SamStore       *store,
                                       guint          *added,
                                       guint          *merged,
                                       GError        **error);

G_END_DECLS
