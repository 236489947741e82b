/* sam-history-window.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_HISTORY_WINDOW (sam_history_window_get_type ())
G_DECLARE_FINAL_TYPE (SamHistoryWindow, sam_history_window, SAM, HISTORY_WINDOW, AdwWindow)

/* The change log of one actor, newest first: who, when, what changed. */
SamHistoryWindow *sam_history_window_new (GtkWindow *parent,
                                          SamStore  *store,
                                          SamActor  *actor);

G_END_DECLS
