/* sam-window.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-open-error-page.h"
#include "sam-store.h"
#include "sam-walk-page.h"

G_BEGIN_DECLS

#define SAM_TYPE_WINDOW (sam_window_get_type ())
G_DECLARE_FINAL_TYPE (SamWindow, sam_window, SAM, WINDOW, AdwApplicationWindow)

/* The main window: the actor list with search and filters beside the page
 * of the chosen actor. @application may be NULL (tests); @store may be
 * NULL when sam_window_show_open_error() follows. */
SamWindow   *sam_window_new              (GtkApplication *application,
                                          SamStore       *store);
/* SamWindow:store, :busy and :read-only notify when they change. */
SamStore    *sam_window_get_store        (SamWindow      *self);
void         sam_window_set_store        (SamWindow      *self,
                                          SamStore       *store);
gboolean     sam_window_is_busy          (SamWindow      *self);
gboolean     sam_window_is_read_only     (SamWindow      *self);

/* Shows why the register at @path could not be opened, with what the user
 * can do, instead of any register; a new try that succeeds shows it. */
void         sam_window_show_open_error  (SamWindow      *self,
                                          const char     *path,
                                          const GError   *error);
/* The page that says so, or NULL while a register is shown. */
SamOpenErrorPage *sam_window_get_open_error_page (SamWindow *self);
/* The banner that says the register shown was just filled from the sample. */
void         sam_window_show_sample_banner (SamWindow    *self);
gboolean     sam_window_is_sample_banner_shown (SamWindow *self);

/* For tests: the search entry, the actors listed now, and the actor shown. */
GtkEditable *sam_window_get_search_entry (SamWindow      *self);
guint        sam_window_get_n_results    (SamWindow      *self);
SamActor    *sam_window_get_result       (SamWindow      *self,
                                          guint           index);
SamActor    *sam_window_get_shown_actor  (SamWindow      *self);
void         sam_window_show_actor       (SamWindow      *self,
                                          const char     *id);
/* Filters as the popover sets them: NULL/FALSE clears. */
void         sam_window_set_area_filter  (SamWindow      *self,
                                          const char     *code);
gboolean     sam_window_has_filters      (SamWindow      *self);
gboolean     sam_window_is_showing_review (SamWindow     *self);
/* The guided walk through a path, or NULL before the first is opened. */
SamWalkPage *sam_window_get_walk_page   (SamWindow      *self);
gboolean     sam_window_is_showing_walk (SamWindow      *self);
/* What the toast of the last delete said, or NULL. */
const char  *sam_window_get_delete_message (SamWindow   *self);
gboolean     sam_window_is_read_only_banner_shown (SamWindow *self);

G_END_DECLS
