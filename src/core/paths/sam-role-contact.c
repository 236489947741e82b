/* sam-role-contact.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whom a role names for a user's municipality: "the on-call social
 * services of the user's municipality" is Skellefteå's socialjour in
 * Skellefteå and Umeå's in Umeå.
 */
#define G_LOG_DOMAIN "sam-role-contact"

#include "config.h"

#include "sam-areas.h"
#include "sam-audience.h"
#include "sam-role-contact.h"

GPtrArray *
sam_role_find_actors (const SamStepRole *role,
                      SamStore          *store,
                      const char        *area_code,
                      const char       **matched_area,
                      GError           **error)
{
  g_auto(GStrv) chain = NULL;

  g_return_val_if_fail (role != NULL, NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  if (matched_area != NULL)
    *matched_area = NULL;
  chain = sam_step_role_area_chain (role, area_code);
  for (guint i = 0; chain[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) actors = sam_store_list_actors_serving (store, role->kind, role->tag,
                                                                   chain[i], error);
      const SamArea *area;

      if (actors == NULL)
        return NULL;
      if (actors->len == 0)
        continue;
      area = sam_area_lookup (chain[i]);
      if (matched_area != NULL)
        *matched_area = area ? area->code : "SE";
      return g_steal_pointer (&actors);
    }
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
route_fits (const SamStepRole *role, SamContactRoute *route)
{
  SamRouteKind kind = sam_contact_route_get_kind (route);

  return role->has_route_kind ? kind == role->route_kind : sam_route_kind_is_phone (kind);
}

SamContactRoute *
sam_role_pick_route (const SamStepRole *role, SamActor *actor, SamVisibility audience)
{
  GPtrArray *routes;

  g_return_val_if_fail (role != NULL, NULL);
  g_return_val_if_fail (SAM_IS_ACTOR (actor), NULL);

  routes = sam_actor_get_routes (actor);
  for (int visibility = audience; visibility >= SAM_VISIBILITY_PUBLIC; visibility--)
    for (guint i = 0; i < routes->len; i++)
      {
        SamContactRoute *route = g_ptr_array_index (routes, i);

        if ((int) sam_contact_route_get_visibility (route) == visibility && route_fits (role, route))
          return route;
      }
  return NULL;
}

/* The contacts filling the step's role, in the order found. */
static GPtrArray *
list_role_contacts (const SamStepRole *role, SamStore *store, const char *area_code,
                    GDateTime *now, GError **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_step_contact_free);
  g_autoptr(GPtrArray) actors = NULL;
  const char *matched = NULL;

  actors = sam_role_find_actors (role, store, area_code, &matched, error);
  if (actors == NULL)
    return NULL;
  for (guint i = 0; i < actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);
      /* the walk is for the register's professionals: their direct lines */
      SamContactRoute *route = sam_role_pick_route (role, actor, SAM_VISIBILITY_PROFESSIONAL);
      SamStepContact *contact;

      if (route == NULL)
        continue;
      contact = sam_step_contact_new (actor, route, now);
      contact->role_area = matched;
      g_ptr_array_add (contacts, contact);
    }
  return g_steal_pointer (&contacts);
}

GPtrArray *
sam_step_list_contacts_in_area (SamEscalationStep *step,
                                SamStore          *store,
                                const char        *area_code,
                                GDateTime         *now,
                                GError           **error)
{
  const SamStepRole *role;
  g_autoptr(GPtrArray) agreed = NULL;
  g_autoptr(GPtrArray) filled = NULL;
  GPtrArray *merged;
  gboolean placed = FALSE;

  g_return_val_if_fail (SAM_IS_ESCALATION_STEP (step), NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  agreed = sam_step_list_agreed_contacts (step, store, now, error);
  role = sam_escalation_step_get_role (step);
  if (agreed == NULL)
    return NULL;
  if (role != NULL && (filled = list_role_contacts (role, store, area_code, now, error)) == NULL)
    return NULL;
  if (filled == NULL || filled->len == 0)
    return sam_step_contacts_sort (g_steal_pointer (&agreed));
  /* the role's actors take the place of the first contact of its kind and
   * the others of that kind give way (Umeå's socialjour stands in for
   * "the socialjour of the user's municipality" where nobody fills it) */
  merged = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_step_contact_free);
  for (guint i = 0; i < agreed->len; i++)
    {
      SamStepContact *c = g_ptr_array_index (agreed, i);

      if (sam_actor_get_kind (c->actor) != role->kind)
        {
          g_ptr_array_add (merged, g_ptr_array_steal_index (agreed, i--));
          continue;
        }
      if (!placed)
        for (guint j = 0; j < filled->len; j++)
          ((SamStepContact *) g_ptr_array_index (filled, j))->is_fallback = c->is_fallback;
      if (!placed)
        g_ptr_array_extend_and_steal (merged, g_steal_pointer (&filled));
      placed = TRUE;
    }
  /* none of its kind: the role comes first, instead of the step's actor */
  if (!placed)
    {
      for (guint i = 0; i < merged->len; i++)
        ((SamStepContact *) g_ptr_array_index (merged, i))->is_fallback = TRUE;
      for (guint j = filled->len; j > 0; j--)
        g_ptr_array_insert (merged, 0, g_ptr_array_steal_index (filled, j - 1));
    }
  return sam_step_contacts_sort (merged);
}
