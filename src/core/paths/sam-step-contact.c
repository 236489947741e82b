/* sam-step-contact.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whom to call for an action step now: the step's route and its fallbacks,
 * the open ones first.
 */
#define G_LOG_DOMAIN "sam-step-contact"

#include "config.h"

#include "sam-errors.h"
#include "sam-step-contact.h"

void
sam_step_contact_free (SamStepContact *contact)
{
  if (contact == NULL)
    return;
  g_clear_object (&contact->actor);
  g_clear_object (&contact->route);
  g_clear_pointer (&contact->next_change, g_date_time_unref);
  g_free (contact);
}

SamSchedule *
sam_route_get_effective_hours (SamContactRoute *route, SamActor *actor)
{
  SamSchedule *hours;

  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (route), NULL);
  hours = sam_contact_route_get_hours (route);
  if (hours == NULL && actor != NULL && sam_route_kind_is_phone (sam_contact_route_get_kind (route)))
    hours = sam_actor_get_hours (actor);
  return hours;
}

/* A contact for @actor_id/@route_id, or NULL with no error when either is
 * gone from the register. */
static SamStepContact *
make_contact (SamStore *store, const char *actor_id, const char *route_id, GDateTime *now,
              GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, actor_id, &local_error);
  SamContactRoute *route;

  if (actor == NULL)
    {
      if (g_error_matches (local_error, SAM_ERROR, SAM_ERROR_NOT_FOUND))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  route = route_id ? sam_actor_find_route (actor, route_id) : NULL;
  if (route == NULL)
    return NULL;
  return sam_step_contact_new (actor, route, now);
}

SamStepContact *
sam_step_contact_new (SamActor *actor, SamContactRoute *route, GDateTime *now)
{
  SamStepContact *contact;

  g_return_val_if_fail (SAM_IS_ACTOR (actor), NULL);
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (route), NULL);
  contact = g_new0 (SamStepContact, 1);
  contact->actor = g_object_ref (actor);
  contact->route = g_object_ref (route);
  contact->hours = sam_route_get_effective_hours (route, contact->actor);
  if (contact->hours == NULL)
    contact->state = SAM_CONTACT_NO_HOURS;
  else
    {
      contact->state = sam_schedule_is_open_at (contact->hours, now) ? SAM_CONTACT_OPEN : SAM_CONTACT_CLOSED;
      contact->next_change = sam_schedule_next_change (contact->hours, now);
    }
  return contact;
}

static gboolean
add_contact (GPtrArray *contacts, SamStore *store, const char *actor_id, const char *route_id,
             gboolean is_fallback, GDateTime *now, GError **error)
{
  GError *local_error = NULL;
  SamStepContact *contact;

  if (actor_id == NULL)
    return TRUE;
  contact = make_contact (store, actor_id, route_id, now, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (contact != NULL)
    {
      contact->is_fallback = is_fallback;
      g_ptr_array_add (contacts, contact);
    }
  return TRUE;
}

GPtrArray *
sam_step_list_agreed_contacts (SamEscalationStep *step, SamStore *store, GDateTime *now,
                               GError **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_step_contact_free);
  GPtrArray *fallbacks;

  g_return_val_if_fail (SAM_IS_ESCALATION_STEP (step), NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!add_contact (contacts, store, sam_escalation_step_get_actor_id (step),
                    sam_escalation_step_get_route_id (step), FALSE, now, error))
    return NULL;
  fallbacks = sam_escalation_step_get_fallbacks (step);
  for (guint i = 0; i < fallbacks->len; i++)
    {
      SamStepFallback *f = g_ptr_array_index (fallbacks, i);

      if (!add_contact (contacts, store, f->actor_id, f->route_id, TRUE, now, error))
        return NULL;
    }
  return g_steal_pointer (&contacts);
}

GPtrArray *
sam_step_contacts_sort (GPtrArray *contacts)
{
  GPtrArray *sorted = g_ptr_array_new_full (contacts->len, (GDestroyNotify) sam_step_contact_free);

  /* a stable grouping by state: the agreed order stays inside each group */
  for (SamContactState state = SAM_CONTACT_OPEN; state <= SAM_CONTACT_CLOSED; state++)
    for (guint i = 0; i < contacts->len; i++)
      if (((SamStepContact *) g_ptr_array_index (contacts, i))->state == state)
        g_ptr_array_add (sorted, g_ptr_array_index (contacts, i));
  g_ptr_array_set_free_func (contacts, NULL);
  g_ptr_array_unref (contacts);
  return sorted;
}

GPtrArray *
sam_step_list_contacts (SamEscalationStep *step, SamStore *store, GDateTime *now, GError **error)
{
  GPtrArray *contacts = sam_step_list_agreed_contacts (step, store, now, error);

  return contacts ? sam_step_contacts_sort (contacts) : NULL;
}
