/* sam-table-import.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-store.h"
#include "sam-table-fields.h"
#include "sam-table.h"

G_BEGIN_DECLS

#define SAM_TYPE_TABLE_IMPORT (sam_table_import_get_type ())

G_DECLARE_FINAL_TYPE (SamTableImport, sam_table_import, SAM, TABLE_IMPORT, GObject)

/* What becomes of a row with a value that cannot be read. */
typedef enum {
  SAM_TABLE_ON_ERROR_SKIP,     /* the row is left out */
  SAM_TABLE_ON_ERROR_REVIEW,   /* imported with the field empty, marked to review */
} SamTableOnError;

/* What becomes of a row whose actor the register already has. */
typedef enum {
  SAM_TABLE_DUPLICATE_MERGE,   /* its new routes and values join the actor there */
  SAM_TABLE_DUPLICATE_SKIP,    /* left out */
  SAM_TABLE_DUPLICATE_ADD,     /* added as an actor of its own */
} SamTableDuplicateChoice;

/* The tag an actor imported with a value left out carries. */
#define SAM_TABLE_REVIEW_TAG "needs-review"

typedef struct {
  guint row;          /* as the spreadsheet numbers it */
  char *column;       /* the column's heading; NULL for the row as a whole */
  char *value;        /* what the cell held, or NULL */
  char *reason;       /* translated */
  gboolean skipped;   /* the row is left out; else the field is left empty */
} SamTableProblem;

typedef struct {
  guint row;
  char *name;           /* the row's name */
  char *existing_id;
  char *existing_name;
  char *reason;         /* translated: "same name and area", "same number …" */
  SamTableDuplicateChoice choice;
} SamTableDuplicate;

/* Reads @path and finds the heading row and each column's meaning, then
 * prepares the import; nothing is written. */
SamTableImport *sam_table_import_new          (SamStore        *store,
                                               const char      *path,
                                               GError         **error);
/* The same in a thread, on a connection of its own that only reads the
 * register; the import then belongs to @store. */
void            sam_table_import_new_async    (SamStore            *store,
                                               const char          *path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
SamTableImport *sam_table_import_new_finish   (SamStore            *store,
                                               GAsyncResult        *result,
                                               GError             **error);
SamTable       *sam_table_import_get_table    (SamTableImport  *self);
/* The row the headings are on (0: the sheet has none). */
guint           sam_table_import_get_heading_row (SamTableImport *self);
guint           sam_table_import_get_n_columns (SamTableImport *self);
/* "Telefon" or, when the sheet has no heading there, "Column C". */
const char     *sam_table_import_get_heading  (SamTableImport  *self,
                                               guint            column);
SamTableField   sam_table_import_get_field    (SamTableImport  *self,
                                               guint            column);
/* Changes a column's meaning; prepare again to see what it does. */
void            sam_table_import_set_field    (SamTableImport  *self,
                                               guint            column,
                                               SamTableField    field);
/* --map COLUMN=FIELD: the column by its heading or letter ("Tfn", "C"). */
gboolean        sam_table_import_map          (SamTableImport  *self,
                                               const char      *mapping,
                                               GError         **error);
/* The area of rows that name none (a municipality or county code). */
gboolean        sam_table_import_set_area     (SamTableImport  *self,
                                               const char      *code,
                                               GError         **error);
void            sam_table_import_set_on_error (SamTableImport  *self,
                                               SamTableOnError  on_error);
SamTableOnError sam_table_import_get_on_error (SamTableImport  *self);
/* Makes the actors of the rows again after a change of the above. FALSE
 * when no column holds names. */
gboolean        sam_table_import_prepare      (SamTableImport  *self,
                                               GError         **error);
/* The data rows (headings and blank rows left out), of SamTableRow. */
GPtrArray      *sam_table_import_get_rows     (SamTableImport  *self);
/* The actors the rows make that are not in the register, of SamActor. */
GPtrArray      *sam_table_import_get_actors   (SamTableImport  *self);
/* Of SamTableProblem, by row. */
GPtrArray      *sam_table_import_get_problems (SamTableImport  *self);
/* Of SamTableDuplicate, by row; their choices may be changed in place. */
GPtrArray      *sam_table_import_get_duplicates (SamTableImport *self);
/* Rows that will be left out (problems, or duplicates skipped). */
guint           sam_table_import_count_skipped (SamTableImport *self);
/* Writes the prepared import in one transaction, after a copy of the
 * register (REGISTER.backups/); on failure nothing is written and no copy
 * kept. @added and @merged (nullable) count the actors. */
gboolean        sam_table_import_apply        (SamTableImport  *self,
                                               guint           *added,
                                               guint           *merged,
                                               GError         **error);

/* The same in a thread, through a connection of its own to the register
 * (the caller's store sees the change as another program's); @self must
 * not change until it is done. */
void            sam_table_import_apply_async  (SamTableImport      *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        sam_table_import_apply_finish (SamTableImport  *self,
                                               GAsyncResult    *result,
                                               guint           *added,
                                               guint           *merged,
                                               GError         **error);

G_END_DECLS
