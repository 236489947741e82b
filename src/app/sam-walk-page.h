/* sam-walk-page.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-store.h"
#include "sam-walk.h"

G_BEGIN_DECLS

#define SAM_TYPE_WALK_PAGE (sam_walk_page_get_type ())
G_DECLARE_FINAL_TYPE (SamWalkPage, sam_walk_page, SAM, WALK_PAGE, AdwBin)

/* The guided walk through an escalation path, one step at a time: a
 * question with its answers as large buttons, an action with its urgency,
 * legal reference and whom to contact now (call and copy right there), a
 * note; the way so far, Back and Restart. Any path can be chosen. */
SamWalkPage *sam_walk_page_new          (void);
/* Shows the paths of @store; a walk begins with sam_walk_page_start(). */
void         sam_walk_page_set_store    (SamWalkPage  *self,
                                         SamStore     *store);
/* Begins the path for @situation that fits @area_code best (see
 * sam_walk_pick_path()), in @area_code; FALSE when the register has none. */
gboolean     sam_walk_page_start        (SamWalkPage  *self,
                                         SamSituation  situation,
                                         const char   *area_code);
/* The user's area for this walk (a municipality or county code, "" for
 * none): a step that names a role shows whoever serves it. The area
 * drop-down on the page changes it too. */
void         sam_walk_page_set_area     (SamWalkPage  *self,
                                         const char   *area_code);
const char  *sam_walk_page_get_area     (SamWalkPage  *self);
/* Shows the current step again: the clock or the register changed. */
void         sam_walk_page_refresh      (SamWalkPage  *self);
/* The walk shown, or NULL before one begins. */
SamWalk     *sam_walk_page_get_walk     (SamWalkPage  *self);
/* The title of the path walked now, in the user's language. */
const char  *sam_walk_page_get_title    (SamWalkPage  *self);
/* Moves the keyboard focus to what the step asks for: the first answer, or
 * Continue. */
void         sam_walk_page_focus_step   (SamWalkPage  *self);

G_END_DECLS
