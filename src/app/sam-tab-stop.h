/* sam-tab-stop.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SAM_TYPE_TAB_STOP (sam_tab_stop_get_type ())
G_DECLARE_FINAL_TYPE (SamTabStop, sam_tab_stop, SAM, TAB_STOP, AdwBin)

/* A bin whose child is one stop for Tab: Tab and Shift+Tab enter it (where
 * its focus was last, else at its start) and leave it in one step; the
 * arrow keys move inside. The search results are a long list, and the
 * page beside them one Tab away. */
GtkWidget *sam_tab_stop_new (void);

G_END_DECLS
