/* sam-change-diff.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the before and after records of the change log (sam-actor-json.c
 * wrote them) and says what changed, field by field.
 */
#define G_LOG_DOMAIN "sam-change-diff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sam-areas.h"
#include "sam-change-diff.h"
#include "sam-enums.h"

static JsonObject *
parse_object (const char *text, JsonParser *parser)
{
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* A member as text: strings as they are, arrays joined, objects by language. */
static char *
member_text (JsonObject *object, const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      GString *out = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *item = json_array_get_string_element (array, i);
          g_string_append_printf (out, "%s%s", i ? ", " : "", item ? item : "");
        }
      return g_string_free (out, FALSE);
    }
  return NULL;
}

/* The names the app shows for the values the log keeps: "Professional",
 * not "professional"; "Umeå", not "2480". A value without a name stays as
 * it is. */
static const char *
kind_label (const char *token)
{
  SamActorKind kind;

  return sam_actor_kind_from_string (token, &kind) ? sam_actor_kind_get_label (kind) : token;
}

static const char *
visibility_label (const char *token)
{
  SamVisibility visibility;

  return sam_visibility_from_string (token, &visibility) ? sam_visibility_get_label (visibility) : token;
}

static const char *
area_label (const char *code)
{
  const SamArea *area = sam_area_lookup (code);

  return area ? sam_area_get_name (area) : code;
}

static const char *
language_label (const char *code)
{
  return sam_language_is_known (code) ? sam_language_get_label (code) : code;
}

typedef const char *(*LabelFunc) (const char *token);

/* A member as the user reads it: each string, or each item of a list,
 * by its name. */
static char *
member_label (JsonObject *object, const char *member, LabelFunc label)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  GString *out;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (label (json_node_get_string (node)));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return member_text (object, member);
  out = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      const char *item = json_array_get_string_element (json_node_get_array (node), i);
      g_string_append_printf (out, "%s%s", i ? ", " : "", item ? label (item) : "");
    }
  return g_string_free (out, FALSE);
}

static void
add_line (GPtrArray *lines, const char *field, const char *before, const char *after)
{
  const char *none = _("(none)");

  if (g_strcmp0 (before, after) == 0)
    return;
  /* Translators: "Field: old value → new value" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s: %s → %s"), field, before ? before : none,
                                           after ? after : none));
}

static void
compare_member (GPtrArray *lines, JsonObject *a, JsonObject *b, const char *member, const char *field)
{
  g_autofree char *before = member_text (a, member);
  g_autofree char *after = member_text (b, member);

  add_line (lines, field, before, after);
}

static void
compare_labels (GPtrArray *lines, JsonObject *a, JsonObject *b, const char *member, const char *field,
                LabelFunc label)
{
  g_autofree char *before = member_label (a, member, label);
  g_autofree char *after = member_label (b, member, label);

  add_line (lines, field, before, after);
}

static void
compare_text (GPtrArray *lines, JsonObject *a, JsonObject *b, const char *member,
              const char *field_sv, const char *field_en)
{
  JsonObject *ta = a && json_object_has_member (a, member) ? json_object_get_object_member (a, member) : NULL;
  JsonObject *tb = b && json_object_has_member (b, member) ? json_object_get_object_member (b, member) : NULL;

  compare_member (lines, ta, tb, "sv", field_sv);
  compare_member (lines, ta, tb, "en", field_en);
}

static JsonObject *
find_route (JsonObject *actor, const char *id)
{
  JsonArray *routes = actor && json_object_has_member (actor, "routes")
                      ? json_object_get_array_member (actor, "routes") : NULL;

  for (guint i = 0; routes && i < json_array_get_length (routes); i++)
    {
      JsonObject *route = json_array_get_object_element (routes, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (route, "id", NULL), id) == 0)
        return route;
    }
  return NULL;
}

/* "Phone “Switchboard”" */
static char *
route_name (JsonObject *route)
{
  const char *display = json_object_get_string_member_with_default (route, "display", "");
  JsonObject *label = json_object_has_member (route, "label") ? json_object_get_object_member (route, "label") : NULL;
  const char *text = NULL;

  if (label)
    text = json_object_get_string_member_with_default (label, sam_lang_to_string (sam_lang_from_locale ()), NULL);
  return text ? g_strdup_printf (_("Contact route “%s”"), text)
              : g_strdup_printf (_("Contact route %s"), display);
}

static void
compare_routes (GPtrArray *lines, JsonObject *a, JsonObject *b)
{
  JsonArray *after = b && json_object_has_member (b, "routes") ? json_object_get_array_member (b, "routes") : NULL;
  JsonArray *before = a && json_object_has_member (a, "routes") ? json_object_get_array_member (a, "routes") : NULL;

  for (guint i = 0; after && i < json_array_get_length (after); i++)
    {
      JsonObject *rb = json_array_get_object_element (after, i);
      JsonObject *ra = find_route (a, json_object_get_string_member_with_default (rb, "id", ""));
      g_autofree char *name = route_name (rb);

      if (ra == NULL)
        {
          g_ptr_array_add (lines, g_strdup_printf (_("Added: %s, %s"), name,
                                                   json_object_get_string_member_with_default (rb, "display", "")));
          continue;
        }
      compare_member (lines, ra, rb, "display", name);
      compare_labels (lines, ra, rb, "visibility", _("Visibility"), visibility_label);
      compare_member (lines, ra, rb, "hours", _("Hours of the route"));
      compare_text (lines, ra, rb, "label", _("Label (Swedish)"), _("Label (English)"));
    }
  for (guint i = 0; before && i < json_array_get_length (before); i++)
    {
      JsonObject *ra = json_array_get_object_element (before, i);
      g_autofree char *name = NULL;

      if (find_route (b, json_object_get_string_member_with_default (ra, "id", "")))
        continue;
      name = route_name (ra);
      g_ptr_array_add (lines, g_strdup_printf (_("Removed: %s, %s"), name,
                                               json_object_get_string_member_with_default (ra, "display", "")));
    }
}

GPtrArray *
sam_change_describe (const SamChange *change)
{
  g_autoptr(JsonParser) pa = json_parser_new ();
  g_autoptr(JsonParser) pb = json_parser_new ();
  JsonObject *a = parse_object (change->before, pa);
  JsonObject *b = parse_object (change->after, pb);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  /* an insert, delete or restore shows no field list */
  if (a == NULL || b == NULL)
    return lines;
  compare_text (lines, a, b, "name", _("Name (Swedish)"), _("Name (English)"));
  compare_labels (lines, a, b, "kind", _("Kind"), kind_label);
  compare_member (lines, a, b, "parent", _("Part of"));
  compare_text (lines, a, b, "description", _("Description (Swedish)"), _("Description (English)"));
  compare_labels (lines, a, b, "areas", _("Areas"), area_label);
  compare_labels (lines, a, b, "target_groups", _("Target groups"), sam_target_group_get_label);
  compare_labels (lines, a, b, "languages", _("Languages"), language_label);
  compare_member (lines, a, b, "tags", _("Keywords"));
  compare_member (lines, a, b, "hours", _("Opening hours"));
  compare_member (lines, a, b, "source", _("Source"));
  compare_member (lines, a, b, "source_read", _("Source read on"));
  compare_member (lines, a, b, "review_days", _("Review interval in days"));
  compare_member (lines, a, b, "verified_at", _("Verified"));
  compare_member (lines, a, b, "verified_by", _("Verified by"));
  compare_routes (lines, a, b);
  return lines;
}

const char *
sam_change_get_title (const SamChange *change)
{
  static const struct { const char *op; const char *title; } titles[] = {
    { "insert", N_("Added") }, { "update", N_("Changed") }, { "delete", N_("Deleted") },
    { "restore", N_("Restored") }, { "verify", N_("Marked as verified") },
    { "import", N_("Imported") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].op, change->op) == 0)
      return _(titles[i].title);
  return change->op;
}
