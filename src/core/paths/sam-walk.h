/* sam-walk.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sam-escalation-path.h"

G_BEGIN_DECLS

#define SAM_TYPE_WALK (sam_walk_get_type ())
G_DECLARE_FINAL_TYPE (SamWalk, sam_walk, SAM, WALK, GObject)

/* One walk through an escalation path, a step at a time: a question is
 * answered, an action or note is followed to the next step, an answer may
 * hand over to another path (which does not ask again what the walk has
 * answered: sam_walk_is_carried()). Back goes back one step; the way taken so far
 * can be read; restart begins again. Emits ::changed after every move. */
SamWalk           *sam_walk_new             (SamEscalationPath *path,
                                             GPtrArray         *paths);
SamEscalationPath *sam_walk_get_path        (SamWalk *self);
/* NULL when the walk has reached its end. */
SamEscalationStep *sam_walk_get_step        (SamWalk *self);
gboolean           sam_walk_is_finished     (SamWalk *self);
/* Answers the current question with its answer number @index. */
gboolean           sam_walk_answer          (SamWalk *self,
                                             guint    index);
/* Goes on from an action or a note. */
gboolean           sam_walk_go_on           (SamWalk *self);
gboolean           sam_walk_can_go_back     (SamWalk *self);
gboolean           sam_walk_go_back         (SamWalk *self);
void               sam_walk_restart         (SamWalk *self);
/* The steps taken before the current one, oldest first: SamEscalationStep
 * objects; sam_walk_get_answer_taken() says which answer left each. */
GPtrArray         *sam_walk_get_taken       (SamWalk *self);
/* The answer given at taken step @i, or -1 when it was an action or note. */
int                sam_walk_get_answer_taken (SamWalk *self,
                                              guint    i);

/* Whether taken step @i went by itself: after a hand-over, a question the
 * walk had answered (same text) takes the same answer again, and an action
 * it had done (same actor and route) is passed, so neither is asked twice. */
gboolean           sam_walk_is_carried      (SamWalk *self,
                                             guint    i);

/* The path of @paths for @situation that fits @area_code best: one for the
 * area itself, else its county, else the whole country, else any; NULL
 * when no path covers @situation. An empty or NULL area takes the country. */
SamEscalationPath *sam_walk_pick_path       (GPtrArray    *paths,
                                             SamSituation  situation,
                                             const char   *area_code);

G_END_DECLS
