/* sam-table-private.h — shared by the readers of spreadsheets.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-table.h"

G_BEGIN_DECLS

SamTable   *_sam_table_new          (const char  *format);
/* Adds a row numbered @number, taking @cells; a blank row is dropped. */
void        _sam_table_add_row      (SamTable    *table,
                                     guint        number,
                                     GPtrArray   *cells);
/* A merged range (0-based, inclusive): its first cell's text fills the
 * others, so a heading over two columns or a municipality over several
 * rows says the same in every cell it covers. */
void        _sam_table_fill_merge   (SamTable    *table,
                                     guint        row1,
                                     guint        col1,
                                     guint        row2,
                                     guint        col2);
/* A member of the zip container at @path, whole (libgsf), or NULL with
 * @error when it is missing or unpacks to more than SAM_TABLE_MAX_BYTES.
 * @missing_ok: NULL without an error when there is no such member. */
GBytes     *_sam_table_zip_member   (const char  *path,
                                     const char  *member,
                                     gboolean     missing_ok,
                                     GError     **error);
SamTable   *_sam_table_read_ods     (const char  *path,
                                     GError     **error);
SamTable   *_sam_table_read_xlsx    (const char  *path,
                                     GError     **error);

G_END_DECLS
