/* sam-step-role.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A role an action step names instead of one actor, and the areas to look
 * in for whoever fills it.
 */
#define G_LOG_DOMAIN "sam-step-role"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-areas.h"
#include "sam-step-role.h"

static const struct {
  const char *token;
  const char *label;
} scopes[SAM_N_ROLE_SCOPES] = {
  { "municipality", N_("of the user's municipality, else its county, else national") },
  { "county",       N_("of the user's county, else national") },
  { "country",      N_("national") },
};

SamStepRole *
sam_step_role_new (SamActorKind kind, const char *tag, SamRoleScope scope)
{
  SamStepRole *role = g_new0 (SamStepRole, 1);

  role->kind = kind;
  role->tag = tag ? g_strstrip (g_strdup (tag)) : NULL;
  /* only spaces is no keyword: any actor of the kind */
  if (role->tag != NULL && *role->tag == '\0')
    g_clear_pointer (&role->tag, g_free);
  role->scope = scope;
  return role;
}

SamStepRole *
sam_step_role_copy (const SamStepRole *role)
{
  SamStepRole *copy;

  if (role == NULL)
    return NULL;
  copy = sam_step_role_new (role->kind, role->tag, role->scope);
  copy->has_route_kind = role->has_route_kind;
  copy->route_kind = role->route_kind;
  return copy;
}

void
sam_step_role_free (SamStepRole *role)
{
  if (role == NULL)
    return;
  g_free (role->tag);
  g_free (role);
}

void
sam_step_role_set_route_kind (SamStepRole *role, SamRouteKind kind)
{
  role->has_route_kind = kind < SAM_N_ROUTE_KINDS;
  role->route_kind = kind;
}

gboolean
sam_step_role_equal (const SamStepRole *a, const SamStepRole *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->kind == b->kind && g_strcmp0 (a->tag, b->tag) == 0 && a->scope == b->scope &&
         a->has_route_kind == b->has_route_kind &&
         (!a->has_route_kind || a->route_kind == b->route_kind);
}

char *
sam_step_role_to_token (const SamStepRole *role)
{
  g_autofree char *tag = NULL;

  if (role == NULL)
    return NULL;
  /* a tag may hold spaces ("kvällar och helger"): keep the token one word each */
  tag = role->tag ? g_uri_escape_string (role->tag, NULL, FALSE) : g_strdup ("-");
  return g_strdup_printf ("%s %s %s %s", sam_actor_kind_to_string (role->kind), tag,
                          role->has_route_kind ? sam_route_kind_to_string (role->route_kind) : "-",
                          sam_role_scope_to_string (role->scope));
}

SamStepRole *
sam_step_role_from_token (const char *token)
{
  g_auto(GStrv) parts = token ? g_strsplit (token, " ", 0) : NULL;
  g_autofree char *tag = NULL;
  SamActorKind kind;
  SamRoleScope scope;
  SamRouteKind route_kind = SAM_N_ROUTE_KINDS;
  SamStepRole *role;

  if (parts == NULL || g_strv_length (parts) != 4 ||
      !sam_actor_kind_from_string (parts[0], &kind) ||
      !sam_role_scope_from_string (parts[3], &scope) ||
      (!g_str_equal (parts[2], "-") && !sam_route_kind_from_string (parts[2], &route_kind)))
    return NULL;
  tag = g_str_equal (parts[1], "-") ? NULL : g_uri_unescape_string (parts[1], NULL);
  role = sam_step_role_new (kind, tag, scope);
  sam_step_role_set_route_kind (role, route_kind);
  return role;
}

char *
sam_step_role_describe (const SamStepRole *role)
{
  GString *text;

  g_return_val_if_fail (role != NULL, NULL);
  text = g_string_new (sam_actor_kind_get_label (role->kind));
  if (role->tag != NULL)
    /* Translators: a role's keyword after its kind, "Social services “socialjour”" */
    g_string_append_printf (text, _(" “%s”"), role->tag);
  if (role->has_route_kind)
    {
      g_autofree char *route = g_utf8_strdown (sam_route_kind_get_label (role->route_kind), -1);
      g_string_append_printf (text, " (%s)", route);
    }
  g_string_append_printf (text, " %s", sam_role_scope_get_label (role->scope));
  return g_string_free (text, FALSE);
}

GStrv
sam_step_role_area_chain (const SamStepRole *role, const char *area_code)
{
  g_autoptr(GStrvBuilder) chain = g_strv_builder_new ();
  const SamArea *area = area_code && *area_code ? sam_area_lookup (area_code) : NULL;

  g_return_val_if_fail (role != NULL, NULL);
  if (area != NULL && area->kind == SAM_AREA_MUNICIPALITY && role->scope == SAM_ROLE_SCOPE_MUNICIPALITY)
    g_strv_builder_add (chain, area->code);
  if (area != NULL && role->scope <= SAM_ROLE_SCOPE_COUNTY)
    {
      const char *county = area->kind == SAM_AREA_COUNTY ? area->code : area->county;

      if (county != NULL)
        g_strv_builder_add (chain, county);
    }
  g_strv_builder_add (chain, "SE");
  return g_strv_builder_end (chain);
}

const char *
sam_role_scope_to_string (SamRoleScope scope)
{
  g_return_val_if_fail ((guint) scope < SAM_N_ROLE_SCOPES, NULL);
  return scopes[scope].token;
}

gboolean
sam_role_scope_from_string (const char *str, SamRoleScope *out)
{
  for (guint i = 0; str && i < SAM_N_ROLE_SCOPES; i++)
    if (g_str_equal (str, scopes[i].token))
      {
        *out = (SamRoleScope) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sam_role_scope_get_label (SamRoleScope scope)
{
  g_return_val_if_fail ((guint) scope < SAM_N_ROLE_SCOPES, NULL);
  return _(scopes[scope].label);
}
