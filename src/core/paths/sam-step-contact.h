/* sam-step-contact.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sam-escalation-step.h"
#include "sam-store.h"

G_BEGIN_DECLS

typedef enum {
  SAM_CONTACT_OPEN,       /* open now by its hours, or always open */
  SAM_CONTACT_NO_HOURS,   /* no hours are known for it */
  SAM_CONTACT_CLOSED,
} SamContactState;

/* One place to turn to for an action step: the step's own actor and route
 * or one of its fallbacks, with whether it is open at the time asked. */
typedef struct {
  SamActor *actor;
  SamContactRoute *route;     /* one of @actor's routes */
  SamSchedule *hours;         /* the hours that apply, or NULL */
  SamContactState state;
  gboolean is_fallback;       /* not the step's own route */
  GDateTime *next_change;     /* when it closes (open) or opens (closed); NULL if never */
  const char *role_area;      /* fills the step's role for this area code; NULL: named by the step */
} SamStepContact;

/* @route of @actor at @now: its hours and whether it is open. */
SamStepContact *sam_step_contact_new    (SamActor        *actor,
                                         SamContactRoute *route,
                                         GDateTime       *now);
void       sam_step_contact_free        (SamStepContact *contact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamStepContact, sam_step_contact_free)

/* The hours that apply to @route: its own, else its actor's for phones
 * (a phone line keeps the office's hours; an e-mail address has none). */
SamSchedule *sam_route_get_effective_hours (SamContactRoute *route,
                                            SamActor        *actor);

/* The contacts of the action step @step at @now, as SamStepContact: those
 * open now first, then those without hours, then the closed ones, each
 * group in the order the path agreed. An actor or route that is no longer
 * in the register is left out; a database error fails. */
GPtrArray *sam_step_list_contacts       (SamEscalationStep *step,
                                         SamStore          *store,
                                         GDateTime         *now,
                                         GError           **error);

/* The same in the order the path agreed (the step's own route, then its
 * fallbacks), not sorted by state. */
GPtrArray *sam_step_list_agreed_contacts (SamEscalationStep *step,
                                          SamStore          *store,
                                          GDateTime         *now,
                                          GError           **error);
/* @contacts (taken) grouped by state: open, without hours, closed; the
 * order inside each group kept. */
GPtrArray *sam_step_contacts_sort       (GPtrArray         *contacts);

G_END_DECLS
