/* sam-step-role.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sam-enums.h"

G_BEGIN_DECLS

/* How wide to look for the actor that fills a role, narrowest first: the
 * user's municipality, else its county, else the whole country. */
typedef enum {
  SAM_ROLE_SCOPE_MUNICIPALITY,
  SAM_ROLE_SCOPE_COUNTY,
  SAM_ROLE_SCOPE_COUNTRY,
  SAM_N_ROLE_SCOPES
} SamRoleScope;

/* A role an action step names instead of one actor: "the on-call social
 * services of the user's municipality" is social services with the tag
 * "socialjour", its on-call phone, serving the user's municipality. The
 * step's own actor stays as the fallback when nobody fills the role. */
typedef struct {
  SamActorKind kind;
  char *tag;                /* NULL: any actor of the kind */
  gboolean has_route_kind;
  SamRouteKind route_kind;  /* the route to call; without one, a phone */
  SamRoleScope scope;
} SamStepRole;

SamStepRole *sam_step_role_new        (SamActorKind       kind,
                                       const char        *tag,
                                       SamRoleScope       scope);
SamStepRole *sam_step_role_copy       (const SamStepRole *role);
void         sam_step_role_free       (SamStepRole       *role);
gboolean     sam_step_role_equal      (const SamStepRole *a,
                                       const SamStepRole *b);
void         sam_step_role_set_route_kind (SamStepRole  *role,
                                           SamRouteKind  kind);
/* "social-services socialjour on-call-phone municipality" ("-" for no tag
 * or route kind): one line for comparing, hashing and the change log. */
char        *sam_step_role_to_token   (const SamStepRole *role);
SamStepRole *sam_step_role_from_token (const char        *token);
/* For people, in the UI language: "Social services “socialjour” (on-call
 * phone) of the user's municipality, else its county, else national". */
char        *sam_step_role_describe   (const SamStepRole *role);
/* The area codes to look in, narrowest first, for a user in @area_code
 * (a municipality, a county, "SE" or NULL for none): NULL-terminated. */
GStrv        sam_step_role_area_chain (const SamStepRole *role,
                                       const char        *area_code);

const char  *sam_role_scope_to_string   (SamRoleScope scope);
gboolean     sam_role_scope_from_string (const char  *str,
                                         SamRoleScope *out);
const char  *sam_role_scope_get_label   (SamRoleScope scope);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamStepRole, sam_step_role_free)

G_END_DECLS
