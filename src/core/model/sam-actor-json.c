/* sam-actor-json.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-actor-json"

#include "config.h"

#include "sam-actor-json.h"
#include "sam-timestamp.h"

static void
add_text (JsonBuilder *b, const char *member, const SamText *text)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint i = 0; i < SAM_N_LANGS; i++)
    {
      json_builder_set_member_name (b, sam_lang_to_string (i));
      if (sam_text_get (text, i))
        json_builder_add_string_value (b, sam_text_get (text, i));
      else
        json_builder_add_null_value (b);
    }
  json_builder_end_object (b);
}

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_strings (JsonBuilder *b, const char *member, GPtrArray *values)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < values->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (values, i));
  json_builder_end_array (b);
}

static void
add_time (JsonBuilder *b, const char *member, GDateTime *dt)
{
  g_autofree char *text = sam_timestamp_format (dt);

  add_string (b, member, text);
}

static void
add_hours (JsonBuilder *b, SamSchedule *hours)
{
  g_autofree char *text = hours ? sam_schedule_to_string (hours) : NULL;

  add_string (b, "hours", text);
}

static void
add_route (JsonBuilder *b, SamContactRoute *route)
{
  g_autofree char *display = sam_contact_route_dup_display_value (route);

  json_builder_begin_object (b);
  add_string (b, "id", sam_contact_route_get_id (route));
  add_string (b, "kind", sam_route_kind_to_string (sam_contact_route_get_kind (route)));
  add_string (b, "value", sam_contact_route_get_value (route));
  add_string (b, "display", display);
  add_text (b, "label", sam_contact_route_get_label (route));
  add_string (b, "visibility",
              sam_visibility_to_string (sam_contact_route_get_visibility (route)));
  add_hours (b, sam_contact_route_get_hours (route));
  /* only when set: records written before it existed keep their text */
  if (sam_contact_route_get_abroad (route))
    {
      json_builder_set_member_name (b, "abroad");
      json_builder_add_boolean_value (b, TRUE);
    }
  json_builder_end_object (b);
}

JsonNode *
sam_actor_to_json (SamActor *actor)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GPtrArray *routes = sam_actor_get_routes (actor);

  json_builder_begin_object (b);
  add_string (b, "id", sam_actor_get_id (actor));
  add_string (b, "parent", sam_actor_get_parent_id (actor));
  add_string (b, "kind", sam_actor_kind_to_string (sam_actor_get_kind (actor)));
  add_text (b, "name", sam_actor_get_name (actor));
  add_text (b, "description", sam_actor_get_description (actor));
  add_strings (b, "areas", sam_actor_get_areas (actor));
  add_strings (b, "target_groups", sam_actor_get_target_groups (actor));
  add_strings (b, "languages", sam_actor_get_languages (actor));
  add_strings (b, "tags", sam_actor_get_tags (actor));
  add_hours (b, sam_actor_get_hours (actor));
  if (sam_actor_get_source (actor) || sam_actor_get_source_read (actor))
    {
      add_string (b, "source", sam_actor_get_source (actor));
      add_string (b, "source_read", sam_actor_get_source_read (actor));
    }
  add_time (b, "verified_at", sam_actor_get_verified_at (actor));
  add_string (b, "verified_by", sam_actor_get_verified_by (actor));
  json_builder_set_member_name (b, "review_days");
  json_builder_add_int_value (b, sam_actor_get_review_days (actor));
  json_builder_set_member_name (b, "revision");
  json_builder_add_int_value (b, sam_actor_get_revision (actor));
  add_time (b, "updated_at", sam_actor_get_updated_at (actor));
  add_string (b, "updated_by", sam_actor_get_updated_by (actor));
  json_builder_set_member_name (b, "routes");
  json_builder_begin_array (b);
  for (guint i = 0; i < routes->len; i++)
    add_route (b, g_ptr_array_index (routes, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static char *
node_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, node);
  json_node_unref (node);
  return json_generator_to_data (gen, NULL);
}

char *
sam_actor_to_json_text (SamActor *actor)
{
  return node_to_text (sam_actor_to_json (actor));
}

static void
add_step (JsonBuilder *b, SamEscalationStep *step)
{
  GPtrArray *answers = sam_escalation_step_get_answers (step);
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);
  SamUrgency urgency = sam_escalation_step_get_urgency (step);

  json_builder_begin_object (b);
  add_string (b, "id", sam_escalation_step_get_id (step));
  add_string (b, "kind", sam_step_kind_to_string (sam_escalation_step_get_kind (step)));
  add_text (b, "text", sam_escalation_step_get_text (step));
  add_text (b, "legal_ref", sam_escalation_step_get_legal_ref (step));
  add_string (b, "actor", sam_escalation_step_get_actor_id (step));
  add_string (b, "route", sam_escalation_step_get_route_id (step));
  {
    /* only when there is one: older entries of the change log have none */
    g_autofree char *role = sam_step_role_to_token (sam_escalation_step_get_role (step));
    if (role != NULL)
      add_string (b, "role", role);
  }
  add_string (b, "urgency", urgency ? sam_urgency_to_string (urgency) : NULL);
  add_string (b, "next", sam_escalation_step_get_next (step));
  json_builder_set_member_name (b, "answers");
  json_builder_begin_array (b);
  for (guint i = 0; i < answers->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (answers, i);

      json_builder_begin_object (b);
      add_text (b, "label", &a->label);
      add_string (b, "next", a->next);
      add_string (b, "path", a->path);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (fallbacks->len > 0)
    {
      json_builder_set_member_name (b, "fallbacks");
      json_builder_begin_array (b);
      for (guint i = 0; i < fallbacks->len; i++)
        {
          SamStepFallback *f = g_ptr_array_index (fallbacks, i);

          json_builder_begin_object (b);
          add_string (b, "actor", f->actor_id);
          add_string (b, "route", f->route_id);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

JsonNode *
sam_path_to_json (SamEscalationPath *path)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  json_builder_begin_object (b);
  add_string (b, "id", sam_escalation_path_get_id (path));
  add_string (b, "situation", sam_situation_to_string (sam_escalation_path_get_situation (path)));
  add_string (b, "area", sam_escalation_path_get_area (path));
  add_string (b, "start", sam_escalation_path_get_start (path));
  add_text (b, "title", sam_escalation_path_get_title (path));
  add_text (b, "summary", sam_escalation_path_get_summary (path));
  json_builder_set_member_name (b, "revision");
  json_builder_add_int_value (b, sam_escalation_path_get_revision (path));
  add_time (b, "updated_at", sam_escalation_path_get_updated_at (path));
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (guint i = 0; i < steps->len; i++)
    add_step (b, g_ptr_array_index (steps, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
sam_path_to_json_text (SamEscalationPath *path)
{
  return node_to_text (sam_path_to_json (path));
}
