/* sam-audience.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-audience"

#include "config.h"

#include "sam-audience.h"

gboolean
sam_audience_may_see (SamVisibility audience, SamVisibility visibility)
{
  return visibility <= audience && visibility < SAM_N_VISIBILITIES;
}

gboolean
sam_audience_may_see_route (SamVisibility audience, SamContactRoute *route)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (route), FALSE);

  return sam_audience_may_see (audience, sam_contact_route_get_visibility (route));
}

gboolean
sam_audience_parse (const char *str, SamVisibility *out)
{
  return str != NULL && sam_visibility_from_string (str, out);
}

SamActor *
sam_audience_actor (SamActor *actor, SamVisibility audience)
{
  GPtrArray *routes = sam_actor_get_routes (actor);
  g_autoptr(GPtrArray) drop = g_ptr_array_new_with_free_func (g_free);
  SamActor *copy;

  for (guint i = 0; i < routes->len; i++)
    if (!sam_audience_may_see_route (audience, g_ptr_array_index (routes, i)))
      g_ptr_array_add (drop, g_strdup (sam_contact_route_get_id (g_ptr_array_index (routes, i))));
  if (drop->len == 0)
    return g_object_ref (actor);
  copy = sam_actor_copy (actor);
  for (guint i = 0; i < drop->len; i++)
    sam_actor_remove_route (copy, g_ptr_array_index (drop, i));
  return copy;
}

static gboolean
route_hidden (const char *route_id, SamVisibility audience, GHashTable *routes)
{
  SamContactRoute *route = route_id ? g_hash_table_lookup (routes, route_id) : NULL;

  return route != NULL && !sam_audience_may_see_route (audience, route);
}

static gboolean
step_names_hidden_route (SamEscalationStep *step, SamVisibility audience, GHashTable *routes)
{
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);

  if (route_hidden (sam_escalation_step_get_route_id (step), audience, routes))
    return TRUE;
  for (guint i = 0; i < fallbacks->len; i++)
    if (route_hidden (((SamStepFallback *) g_ptr_array_index (fallbacks, i))->route_id, audience, routes))
      return TRUE;
  return FALSE;
}

static void
hide_step_routes (SamEscalationStep *step, SamVisibility audience, GHashTable *routes)
{
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);

  if (route_hidden (sam_escalation_step_get_route_id (step), audience, routes))
    {
      g_autofree char *actor_id = g_strdup (sam_escalation_step_get_actor_id (step));
      sam_escalation_step_set_contact (step, actor_id, NULL);
    }
  for (guint i = 0; i < fallbacks->len; i++)
    {
      SamStepFallback *f = g_ptr_array_index (fallbacks, i);

      if (route_hidden (f->route_id, audience, routes))
        g_clear_pointer (&f->route_id, g_free);
    }
}

SamEscalationPath *
sam_audience_path (SamEscalationPath *path, SamVisibility audience, GHashTable *routes)
{
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  SamEscalationPath *copy;
  gboolean hides = FALSE;

  for (guint i = 0; i < steps->len && !hides; i++)
    hides = step_names_hidden_route (g_ptr_array_index (steps, i), audience, routes);
  if (!hides)
    return g_object_ref (path);
  copy = sam_escalation_path_copy (path);
  steps = sam_escalation_path_get_steps (copy);
  for (guint i = 0; i < steps->len; i++)
    hide_step_routes (g_ptr_array_index (steps, i), audience, routes);
  return copy;
}
