/* sam-role-contact.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sam-areas.h"
#include "sam-escalation-path.h"
#include "sam-step-contact.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* The actors filling @role for a user in @area_code (a municipality, a
 * county or NULL): those serving the narrowest area of the role's chain
 * that has any (the municipality, else its county, else the country), by
 * name. @matched_area, when not NULL, is set to that area's code (static)
 * or NULL when nobody fills the role. */
GPtrArray       *sam_role_find_actors  (const SamStepRole *role,
                                        SamStore          *store,
                                        const char        *area_code,
                                        const char       **matched_area,
                                        GError           **error);
/* The route of @actor to call for @role that @audience may see: of the
 * role's route kind (a phone of any kind when it names none), the most
 * restricted one @audience may see first (the agencies' direct line before
 * the public number), else in the actor's order; NULL when none fits. */
SamContactRoute *sam_role_pick_route   (const SamStepRole *role,
                                        SamActor          *actor,
                                        SamVisibility      audience);
/* As sam_step_list_contacts(), for a user in @area_code: when someone
 * fills the step's role there, those actors take the place of the first
 * of the step's own contacts (its actor, then its fallbacks) of the role's
 * kind, and the others of that kind give way: they stand in for the role
 * where nobody fills it. With none of its kind the role comes first. The
 * open ones first, then those without hours, then the closed ones, each
 * group in that order. */
GPtrArray       *sam_step_list_contacts_in_area (SamEscalationStep *step,
                                                 SamStore          *store,
                                                 const char        *area_code,
                                                 GDateTime         *now,
                                                 GError           **error);

/* Above @contacts (as sam_step_list_contacts_in_area() gave them for
 * @area_code), translated: for which area the role was filled ("For
 * Skellefteå"), or that nobody fills it there, or that no area is chosen. */
char            *sam_role_contacts_describe (const SamStepRole *role,
                                             GPtrArray         *contacts,
                                             const char        *area_code);

/* Who fills a role in one municipality: one for each actor found there
 * (in its county or the country when the municipality has none), or one
 * with no actor when nobody does. */
typedef struct {
  const SamArea *municipality;
  SamActor *actor;            /* NULL: nobody fills the role there */
  SamContactRoute *route;     /* NULL when nobody, or no route the audience may see */
  const char *matched_area;   /* the code it was found at, static; NULL: nobody */
} SamRoleFill;

void       sam_role_fill_free           (SamRoleFill *fill);
/* For each municipality of @area_code (those of a county, or the
 * municipality itself; none for the whole country), by name, who fills
 * @role there and the route to call that @audience may see: a county's
 * sheet lists every municipality's number. Of SamRoleFill. */
GPtrArray *sam_role_fill_municipalities (const SamStepRole *role,
                                         SamStore          *store,
                                         const char        *area_code,
                                         SamVisibility      audience,
                                         GError           **error);

/* Warnings for @path, translated, one for each step whose role nobody in
 * the register fills in some municipality of the path's area, naming
 * them: the step's own contact stands in there. */
GPtrArray *sam_path_check_roles         (SamEscalationPath *path,
                                         SamStore          *store,
                                         GError           **error);

G_END_DECLS
