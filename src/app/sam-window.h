/* sam-window.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-application.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_WINDOW (sam_window_get_type ())
G_DECLARE_FINAL_TYPE (SamWindow, sam_window, SAM, WINDOW, AdwApplicationWindow)

SamWindow *sam_window_new         (SamApplication *application,
                                   SamStore       *store);
/* The search entry, and the actors shown now (for tests). */
GtkEditable *sam_window_get_search_entry (SamWindow *self);
guint        sam_window_get_n_results    (SamWindow *self);
SamActor    *sam_window_get_result       (SamWindow *self,
                                          guint      index);

G_END_DECLS
