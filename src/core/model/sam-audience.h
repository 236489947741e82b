/* sam-audience.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one rule for what may leave the register, and for whom.
 */
#pragma once

#include "sam-actor.h"
#include "sam-contact-route.h"
#include "sam-escalation-path.h"

G_BEGIN_DECLS

/* Who may see what leaves the register: the one rule every output follows
 * (export, follow, print). An audience is the most restricted visibility
 * it may see: PUBLIC sees public routes, PROFESSIONAL public and
 * professional ones, INTERNAL every route (only when asked for by name:
 * the default of every export is PROFESSIONAL). */
#define SAM_EXPORT_DEFAULT_AUDIENCE SAM_VISIBILITY_PROFESSIONAL

gboolean           sam_audience_may_see       (SamVisibility      audience,
                                               SamVisibility      visibility);
gboolean           sam_audience_may_see_route (SamVisibility      audience,
                                               SamContactRoute   *route);
/* "public", "professional" or "internal"; FALSE for anything else. */
gboolean           sam_audience_parse         (const char        *str,
                                               SamVisibility     *out);
/* @actor with only the routes @audience may see: a new reference to @actor
 * when it has no other, else a copy without them. */
SamActor          *sam_audience_actor         (SamActor          *actor,
                                               SamVisibility      audience);
/* @path with every step and fallback naming a route @audience may not see
 * reduced to its actor (whose name is no secret); @routes maps route ids to
 * their SamContactRoute. A new reference when nothing is hidden, else a copy. */
SamEscalationPath *sam_audience_path          (SamEscalationPath *path,
                                               SamVisibility      audience,
                                               GHashTable        *routes);

G_END_DECLS
