/* sam-deleted-window.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_DELETED_WINDOW (sam_deleted_window_get_type ())
G_DECLARE_FINAL_TYPE (SamDeletedWindow, sam_deleted_window, SAM, DELETED_WINDOW, AdwWindow)

/* Recently Deleted: the deleted actors and escalation paths of @store that
 * can still be restored, newest first, each with when and by whom it was
 * deleted and a Restore button. */
SamDeletedWindow *sam_deleted_window_new      (GtkWindow        *parent,
                                               SamStore         *store);
/* For tests: the row of the deleted record @id, or NULL. */
GtkWidget        *sam_deleted_window_find_row (SamDeletedWindow *self,
                                               const char       *id);
guint             sam_deleted_window_get_n_rows (SamDeletedWindow *self);
/* The empty state ("Nothing Deleted") is shown. */
gboolean          sam_deleted_window_is_empty (SamDeletedWindow *self);

G_END_DECLS
