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

#include <glib/gi18n-lib.h>

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

void
sam_role_fill_free (SamRoleFill *fill)
{
  if (fill == NULL)
    return;
  g_clear_object (&fill->actor);
  g_clear_object (&fill->route);
  g_free (fill);
}

static int
compare_area_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (sam_area_get_name (*(const SamArea * const *) a),
                         sam_area_get_name (*(const SamArea * const *) b));
}

/* The municipalities of @area_code by name: a county's, or itself. */
static GPtrArray *
municipalities_of (const char *area_code)
{
  const SamArea *area = area_code ? sam_area_lookup (area_code) : NULL;
  GPtrArray *all = sam_areas_get_all ();
  GPtrArray *found = g_ptr_array_new ();

  if (area != NULL && area->kind == SAM_AREA_MUNICIPALITY)
    g_ptr_array_add (found, (gpointer) area);
  for (guint i = 0; area != NULL && area->kind == SAM_AREA_COUNTY && i < all->len; i++)
    {
      const SamArea *m = g_ptr_array_index (all, i);

      if (m->kind == SAM_AREA_MUNICIPALITY && g_strcmp0 (m->county, area->code) == 0)
        g_ptr_array_add (found, (gpointer) m);
    }
  g_ptr_array_sort (found, compare_area_names);
  return found;
}

static SamRoleFill *
fill_new (const SamArea *municipality, SamActor *actor, SamContactRoute *route, const char *matched)
{
  SamRoleFill *fill = g_new0 (SamRoleFill, 1);

  fill->municipality = municipality;
  fill->actor = actor ? g_object_ref (actor) : NULL;
  fill->route = route ? g_object_ref (route) : NULL;
  fill->matched_area = matched;
  return fill;
}

GPtrArray *
sam_role_fill_municipalities (const SamStepRole *role,
                              SamStore          *store,
                              const char        *area_code,
                              SamVisibility      audience,
                              GError           **error)
{
  g_autoptr(GPtrArray) fills = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_role_fill_free);
  g_autoptr(GPtrArray) places = municipalities_of (area_code);

  g_return_val_if_fail (role != NULL, NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  for (guint i = 0; i < places->len; i++)
    {
      const SamArea *m = g_ptr_array_index (places, i);
      const char *matched = NULL;
      g_autoptr(GPtrArray) actors = sam_role_find_actors (role, store, m->code, &matched, error);

      if (actors == NULL)
        return NULL;
      if (actors->len == 0)
        g_ptr_array_add (fills, fill_new (m, NULL, NULL, NULL));
      for (guint k = 0; k < actors->len; k++)
        {
          SamActor *actor = g_ptr_array_index (actors, k);

          g_ptr_array_add (fills, fill_new (m, actor, sam_role_pick_route (role, actor, audience), matched));
        }
    }
  return g_steal_pointer (&fills);
}

/* "Bjurholm, Dorotea and Lycksele" of the municipalities nobody serves. */
static char *
join_unserved (GPtrArray *fills, guint *n_unserved, guint *n_places)
{
  g_autoptr(GString) names = g_string_new (NULL);
  const SamArea *last = NULL;

  *n_unserved = *n_places = 0;
  for (guint i = 0; i < fills->len; i++)
    {
      SamRoleFill *fill = g_ptr_array_index (fills, i);

      if (fill->municipality != last)
        (*n_places)++;
      last = fill->municipality;
      if (fill->actor != NULL)
        continue;
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", sam_area_get_name (fill->municipality));
      (*n_unserved)++;
    }
  return g_strdup (names->str);
}

GPtrArray *
sam_path_check_roles (SamEscalationPath *path, SamStore *store, GError **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *steps;

  g_return_val_if_fail (SAM_IS_ESCALATION_PATH (path), NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  steps = sam_escalation_path_get_steps (path);
  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      const SamStepRole *role = sam_escalation_step_get_role (step);
      g_autoptr(GPtrArray) fills = NULL;
      g_autofree char *names = NULL;
      g_autofree char *what = NULL;
      guint n_unserved, n_places;

      if (role == NULL)
        continue;
      fills = sam_role_fill_municipalities (role, store, sam_escalation_path_get_area (path),
                                            SAM_VISIBILITY_INTERNAL, error);
      if (fills == NULL)
        return NULL;
      names = join_unserved (fills, &n_unserved, &n_places);
      if (n_unserved == 0)
        continue;
      what = sam_step_role_describe (role);
      g_ptr_array_add (warnings, g_strdup_printf (
          /* Translators: "step “s7”: nobody in the register fills the role (Social services …) in
           * 13 of 15 municipalities (Bjurholm, …); the step's own contact stands in there" */
          g_dngettext (GETTEXT_PACKAGE,
                       "step “%s”: nobody in the register fills the role (%s) in %u of %u "
                       "municipality (%s); the step's own contact stands in there",
                       "step “%s”: nobody in the register fills the role (%s) in %u of %u "
                       "municipalities (%s); the step's own contact stands in there", n_places),
          sam_escalation_step_get_id (step), what, n_unserved, n_places, names));
    }
  return g_steal_pointer (&warnings);
}

char *
sam_role_contacts_describe (const SamStepRole *role, GPtrArray *contacts, const char *area_code)
{
  const SamArea *area = area_code && *area_code ? sam_area_lookup (area_code) : NULL;
  const char *filled = NULL;

  g_return_val_if_fail (role != NULL, NULL);
  g_return_val_if_fail (contacts != NULL, NULL);

  for (guint i = 0; filled == NULL && i < contacts->len; i++)
    filled = ((SamStepContact *) g_ptr_array_index (contacts, i))->role_area;
  if (filled != NULL)
    {
      const SamArea *where = sam_area_lookup (filled);
      /* Translators: above the numbers of a step that names a role, "For Skellefteå" */
      return g_strdup_printf (_("For %s"), where ? sam_area_get_name (where) : filled);
    }
  if (area != NULL)
    /* Translators: %s is an area; the path's own contacts follow */
    return g_strdup_printf (_("Nobody in the register serves %s in this role: the path's own "
                              "contacts follow."), sam_area_get_name (area));
  return g_strdup (_("Choose your area above to see whom to call where you work."));
}
