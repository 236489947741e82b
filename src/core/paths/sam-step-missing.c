/* sam-step-missing.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-step-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-query.h"
#include "sam-step-missing.h"
#include "sam-store-deleted.h"

/* The name a deleted actor had, or its id. */
static char *
deleted_name (SamStore *store, const char *id)
{
  g_autoptr(GPtrArray) records = sam_store_list_deleted (store, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      SamDeletedRecord *r = g_ptr_array_index (records, i);
      const char *name = sam_text_get_best (&r->name, sam_lang_from_locale (), NULL);

      if (g_str_equal (r->id, id) && name != NULL)
        return g_strdup (name);
    }
  return g_strdup (id);
}

gboolean
sam_step_describe_missing (SamEscalationStep  *step,
                           SamStore           *store,
                           char              **description,
                           GError            **error)
{
  const char *actor_id = sam_escalation_step_get_actor_id (step);
  const char *route_id = sam_escalation_step_get_route_id (step);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SamActor) actor = NULL;

  g_return_val_if_fail (SAM_IS_ESCALATION_STEP (step), FALSE);
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (description != NULL, FALSE);

  *description = NULL;
  if (actor_id == NULL)
    return TRUE;
  actor = sam_store_load_actor (store, actor_id, &local_error);
  if (actor == NULL && !g_error_matches (local_error, SAM_ERROR, SAM_ERROR_NOT_FOUND))
    return (g_propagate_error (error, g_steal_pointer (&local_error)), FALSE);
  if (actor == NULL)
    {
      g_autofree char *name = deleted_name (store, actor_id);

      /* Translators: %s is the actor an action step names */
      *description = g_strdup_printf (_("The contact for this step, “%s”, is no longer in the "
                                        "register. Use another contact below, or call 112 if "
                                        "anyone is in danger."), name);
    }
  else if (route_id != NULL && sam_actor_find_route (actor, route_id) == NULL)
    /* Translators: %s is the actor an action step names */
    *description = g_strdup_printf (_("The number or address this step names for “%s” is no "
                                      "longer in the register. Use another contact below, or "
                                      "call 112 if anyone is in danger."),
                                    sam_actor_get_display_name (actor));
  return TRUE;
}

static SamStepContact *
contact_for (SamActor *actor, SamContactRoute *route)
{
  SamStepContact *contact = g_new0 (SamStepContact, 1);

  contact->actor = g_object_ref (actor);
  contact->route = g_object_ref (route);
  contact->state = SAM_CONTACT_OPEN;
  contact->is_fallback = TRUE;
  return contact;
}

/* 112 as the register has it. */
static SamStepContact *
find_emergency (SamStore *store)
{
  g_autoptr(SamQuery) query = sam_query_new (NULL);
  g_autoptr(GPtrArray) found = NULL;

  query->has_kind = TRUE;
  query->kind = SAM_ACTOR_KIND_EMERGENCY;
  found = sam_store_search (store, query, NULL);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      SamActor *actor = g_ptr_array_index (found, i);
      GPtrArray *routes = sam_actor_get_routes (actor);

      for (guint k = 0; k < routes->len; k++)
        if (g_strcmp0 (sam_contact_route_get_value (g_ptr_array_index (routes, k)), "112") == 0)
          return contact_for (actor, g_ptr_array_index (routes, k));
    }
  return NULL;
}

SamStepContact *
sam_step_emergency_contact (SamStore *store)
{
  SamStepContact *contact;
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(SamContactRoute) route = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  contact = find_emergency (store);
  if (contact != NULL)
    return contact;
  actor = sam_actor_new ("emergency-112");
  sam_actor_set_kind (actor, SAM_ACTOR_KIND_EMERGENCY);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, "112 – SOS Alarm");
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "112 – emergency number");
  route = sam_contact_route_new ("emergency-112-phone");
  sam_contact_route_set_kind (route, SAM_ROUTE_KIND_PHONE);
  sam_contact_route_set_value (route, "112", NULL);
  sam_contact_route_set_visibility (route, SAM_VISIBILITY_PUBLIC);
  sam_actor_add_route (actor, route);
  return contact_for (actor, route);
}
