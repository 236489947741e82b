/* sam-merge-fields.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content hashes the merge compares records by, and a conflict's
 * fields: what differs between mine and theirs, field by field, as the
 * user picks between them.
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sam-actor-json.h"
#include "sam-areas.h"
#include "sam-audience.h"
#include "sam-merge.h"
#include "sam-merge-private.h"

/* Hashing */

static void
feed (GChecksum *sum, const char *value)
{
  if (value != NULL)
    g_checksum_update (sum, (const guchar *) value, strlen (value));
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
}

static void
feed_text (GChecksum *sum, const SamText *text)
{
  feed (sum, sam_text_get (text, SAM_LANG_SV));
  feed (sum, sam_text_get (text, SAM_LANG_EN));
}

static void
feed_strings (GChecksum *sum, GPtrArray *values)
{
  for (guint i = 0; i < values->len; i++)
    feed (sum, g_ptr_array_index (values, i));
  g_checksum_update (sum, (const guchar *) "\x1e", 1);
}

static void
feed_hours (GChecksum *sum, SamSchedule *hours)
{
  g_autofree char *text = hours ? sam_schedule_to_string (hours) : NULL;
  feed (sum, text);
}

gboolean
_sam_merge_route_in_audience (SamContactRoute *route, SamVisibility audience)
{
  return sam_audience_may_see_route (audience, route);
}

char *
sam_merge_hash_actor (SamActor *actor, SamVisibility audience)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *verified = sam_timestamp_format (sam_actor_get_verified_at (actor));
  g_autofree char *review = g_strdup_printf ("%u", sam_actor_get_review_days (actor));
  GPtrArray *routes = sam_actor_get_routes (actor);

  feed (sum, sam_actor_get_id (actor));
  feed (sum, sam_actor_get_parent_id (actor));
  feed (sum, sam_actor_kind_to_string (sam_actor_get_kind (actor)));
  feed_text (sum, sam_actor_get_name (actor));
  feed_text (sum, sam_actor_get_description (actor));
  feed_strings (sum, sam_actor_get_areas (actor));
  feed_strings (sum, sam_actor_get_target_groups (actor));
  feed_strings (sum, sam_actor_get_languages (actor));
  feed_strings (sum, sam_actor_get_tags (actor));
  feed_hours (sum, sam_actor_get_hours (actor));
  feed (sum, verified);
  feed (sum, sam_actor_get_verified_by (actor));
  feed (sum, review);
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);

      if (!_sam_merge_route_in_audience (route, audience))
        continue;
      g_checksum_update (sum, (const guchar *) "\x1d", 1);
      feed (sum, sam_contact_route_get_id (route));
      feed (sum, sam_route_kind_to_string (sam_contact_route_get_kind (route)));
      feed (sum, sam_contact_route_get_value (route));
      feed_text (sum, sam_contact_route_get_label (route));
      feed (sum, sam_visibility_to_string (sam_contact_route_get_visibility (route)));
      feed_hours (sum, sam_contact_route_get_hours (route));
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* The path's JSON without its revision and update time. */
static JsonObject *
path_content (SamEscalationPath *path, JsonNode **node)
{
  JsonObject *object;

  *node = sam_path_to_json (path);
  object = json_node_get_object (*node);
  json_object_remove_member (object, "revision");
  json_object_remove_member (object, "updated_at");
  json_object_remove_member (object, "updated_by");
  return object;
}

char *
_sam_merge_node_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

char *
sam_merge_hash_path (SamEscalationPath *path)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  path_content (path, &node);
  text = _sam_merge_node_text (node);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Fields of a conflict */

static void
add_field (SamMergeItem *item, const char *key, const char *label, const char *mine_canon,
           const char *theirs_canon, const char *mine, const char *theirs)
{
  SamMergeField *field;

  if (g_strcmp0 (mine_canon, theirs_canon) == 0)
    return;
  field = g_new0 (SamMergeField, 1);
  field->key = g_strdup (key);
  field->label = g_strdup (label);
  field->mine = g_strdup (mine);
  field->theirs = g_strdup (theirs);
  g_ptr_array_add (item->fields, field);
}

static void
add_simple_field (SamMergeItem *item, const char *key, const char *label, const char *mine,
                  const char *theirs)
{
  add_field (item, key, label, mine, theirs, mine, theirs);
}

static char *
join (GPtrArray *values)
{
  g_ptr_array_add (values, NULL);
  char *text = g_strjoinv (", ", (char **) values->pdata);
  g_ptr_array_remove_index (values, values->len - 1);
  return text;
}

static char *
describe_route (SamContactRoute *route)
{
  g_autofree char *display = NULL;
  g_autofree char *hours = NULL;
  SamText *label = NULL;
  GString *out;

  if (route == NULL)
    return NULL;
  display = sam_contact_route_dup_display_value (route);
  hours = sam_contact_route_get_hours (route) ? sam_schedule_to_string (sam_contact_route_get_hours (route)) : NULL;
  label = sam_contact_route_get_label (route);
  out = g_string_new (sam_route_kind_get_label (sam_contact_route_get_kind (route)));
  g_string_append_printf (out, ": %s", display ? display : sam_contact_route_get_value (route));
  if (sam_text_get (label, SAM_LANG_SV) || sam_text_get (label, SAM_LANG_EN))
    g_string_append_printf (out, " (%s%s%s)", sam_text_get (label, SAM_LANG_SV) ? sam_text_get (label, SAM_LANG_SV) : "",
                            sam_text_get (label, SAM_LANG_SV) && sam_text_get (label, SAM_LANG_EN) ? " / " : "",
                            sam_text_get (label, SAM_LANG_EN) ? sam_text_get (label, SAM_LANG_EN) : "");
  if (hours)
    g_string_append_printf (out, ", %s", hours);
  g_string_append_printf (out, " [%s]", sam_visibility_get_label (sam_contact_route_get_visibility (route)));
  return g_string_free (out, FALSE);
}

static char *
route_canon (SamContactRoute *route)
{
  g_autofree char *hours = NULL;
  SamText *label;

  if (route == NULL)
    return NULL;
  hours = sam_contact_route_get_hours (route) ? sam_schedule_to_string (sam_contact_route_get_hours (route)) : NULL;
  label = sam_contact_route_get_label (route);
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                          sam_route_kind_to_string (sam_contact_route_get_kind (route)),
                          sam_contact_route_get_value (route),
                          sam_text_get (label, SAM_LANG_SV) ? sam_text_get (label, SAM_LANG_SV) : "",
                          sam_text_get (label, SAM_LANG_EN) ? sam_text_get (label, SAM_LANG_EN) : "",
                          sam_visibility_to_string (sam_contact_route_get_visibility (route)),
                          hours ? hours : "");
}

static char *
describe_verified (SamActor *actor)
{
  GDateTime *at = sam_actor_get_verified_at (actor);
  g_autofree char *date = NULL;

  if (at == NULL)
    return g_strdup (_("never"));
  date = g_date_time_format (at, "%Y-%m-%d");
  /* Translators: "2026-10-01 by Anna Berg" */
  return g_strdup_printf (_("%s by %s"), date, sam_actor_get_verified_by (actor) ? sam_actor_get_verified_by (actor) : "?");
}

SamContactRoute *
_sam_merge_find_route (SamActor *actor, const char *id, SamVisibility audience)
{
  SamContactRoute *route = sam_actor_find_route (actor, id);
  return route && _sam_merge_route_in_audience (route, audience) ? route : NULL;
}

static void
actor_fields (SamMergeItem *item, SamVisibility audience)
{
  SamActor *mine = SAM_ACTOR (item->mine);
  SamActor *theirs = SAM_ACTOR (item->theirs);
  static const struct { const char *key; const char *label; } texts[] = {
    { "name.sv", N_("Name (Swedish)") }, { "name.en", N_("Name (English)") },
    { "description.sv", N_("Description (Swedish)") }, { "description.en", N_("Description (English)") },
  };
  struct { const char *key; const char *label; GPtrArray *(*get) (SamActor *); } sets[] = {
    { "areas", N_("Areas"), sam_actor_get_areas },
    { "target-groups", N_("Target groups"), sam_actor_get_target_groups },
    { "languages", N_("Languages"), sam_actor_get_languages },
    { "tags", N_("Keywords"), sam_actor_get_tags },
  };
  g_autoptr(GHashTable) route_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  add_simple_field (item, "kind", _("Kind"), sam_actor_kind_get_label (sam_actor_get_kind (mine)),
                    sam_actor_kind_get_label (sam_actor_get_kind (theirs)));
  add_simple_field (item, "parent", _("Part of"), sam_actor_get_parent_id (mine),
                    sam_actor_get_parent_id (theirs));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      SamLang lang = g_str_has_suffix (texts[i].key, ".sv") ? SAM_LANG_SV : SAM_LANG_EN;
      SamText *a = g_str_has_prefix (texts[i].key, "name") ? sam_actor_get_name (mine) : sam_actor_get_description (mine);
      SamText *b = g_str_has_prefix (texts[i].key, "name") ? sam_actor_get_name (theirs) : sam_actor_get_description (theirs);

      add_simple_field (item, texts[i].key, _(texts[i].label), sam_text_get (a, lang), sam_text_get (b, lang));
    }
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *a = join (sets[i].get (mine));
      g_autofree char *b = join (sets[i].get (theirs));

      if (g_str_equal (sets[i].key, "areas"))
        {
          g_autofree char *da = sam_areas_join_names (sets[i].get (mine));
          g_autofree char *db = sam_areas_join_names (sets[i].get (theirs));
          add_field (item, sets[i].key, _(sets[i].label), a, b, da, db);
        }
      else
        add_simple_field (item, sets[i].key, _(sets[i].label), a, b);
    }
  {
    g_autofree char *a = sam_actor_get_hours (mine) ? sam_schedule_to_string (sam_actor_get_hours (mine)) : NULL;
    g_autofree char *b = sam_actor_get_hours (theirs) ? sam_schedule_to_string (sam_actor_get_hours (theirs)) : NULL;
    g_autofree char *va = describe_verified (mine);
    g_autofree char *vb = describe_verified (theirs);
    g_autofree char *ra = g_strdup_printf ("%u", sam_actor_get_review_days (mine));
    g_autofree char *rb = g_strdup_printf ("%u", sam_actor_get_review_days (theirs));
    g_autofree char *ta = sam_timestamp_format (sam_actor_get_verified_at (mine));
    g_autofree char *tb = sam_timestamp_format (sam_actor_get_verified_at (theirs));
    g_autofree char *ca = g_strdup_printf ("%s|%s", ta ? ta : "", sam_actor_get_verified_by (mine) ? sam_actor_get_verified_by (mine) : "");
    g_autofree char *cb = g_strdup_printf ("%s|%s", tb ? tb : "", sam_actor_get_verified_by (theirs) ? sam_actor_get_verified_by (theirs) : "");

    add_simple_field (item, "hours", _("Opening hours"), a, b);
    add_field (item, "verified", _("Verified"), ca, cb, va, vb);
    add_simple_field (item, "review-days", _("Days between verifications"), ra, rb);
  }
  /* each route by its id, in the order of theirs then mine */
  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *routes = sam_actor_get_routes (s == 0 ? theirs : mine);
      for (guint i = 0; i < routes->len; i++)
        {
          SamContactRoute *route = g_ptr_array_index (routes, i);
          const char *id = sam_contact_route_get_id (route);

          if (_sam_merge_route_in_audience (route, audience) && g_hash_table_add (route_ids, (char *) id))
            g_ptr_array_add (order, (char *) id);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      SamContactRoute *a = _sam_merge_find_route (mine, id, audience);
      SamContactRoute *b = _sam_merge_find_route (theirs, id, audience);
      g_autofree char *key = g_strconcat ("route:", id, NULL);
      g_autofree char *ca = route_canon (a);
      g_autofree char *cb = route_canon (b);
      g_autofree char *da = describe_route (a);
      g_autofree char *db = describe_route (b);
      g_autofree char *label = g_strdup_printf (_("Contact route “%s”"), id);

      add_field (item, key, label, ca, cb, da, db);
    }
  /* the routes both have, in another order */
  {
    g_autoptr(GString) oa = g_string_new (NULL);
    g_autoptr(GString) ob = g_string_new (NULL);
    GPtrArray *ra = sam_actor_get_routes (mine);
    GPtrArray *rb = sam_actor_get_routes (theirs);

    for (guint i = 0; i < ra->len; i++)
      if (_sam_merge_find_route (theirs, sam_contact_route_get_id (g_ptr_array_index (ra, i)), audience))
        g_string_append_printf (oa, "%s%s", oa->len ? ", " : "", sam_contact_route_get_id (g_ptr_array_index (ra, i)));
    for (guint i = 0; i < rb->len; i++)
      if (_sam_merge_find_route (mine, sam_contact_route_get_id (g_ptr_array_index (rb, i)), audience))
        g_string_append_printf (ob, "%s%s", ob->len ? ", " : "", sam_contact_route_get_id (g_ptr_array_index (rb, i)));
    add_simple_field (item, "route-order", _("Order of the contact routes"), oa->str, ob->str);
  }
}

static char *
steps_text (SamEscalationPath *path, char **canon)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = path_content (path, &node);
  JsonNode *steps = json_object_get_member (object, "steps");
  GPtrArray *list = sam_escalation_path_get_steps (path);
  GString *out = g_string_new (NULL);
  SamLang lang = sam_lang_from_locale ();

  *canon = _sam_merge_node_text (steps);
  for (guint i = 0; i < list->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (list, i);
      const char *text = sam_text_get_best (sam_escalation_step_get_text (step), lang, NULL);

      g_string_append_printf (out, "%s%s: %s", i ? "\n" : "", sam_escalation_step_get_id (step),
                              text ? text : "");
    }
  return g_string_free (out, FALSE);
}

static void
path_fields (SamMergeItem *item)
{
  SamEscalationPath *mine = SAM_ESCALATION_PATH (item->mine);
  SamEscalationPath *theirs = SAM_ESCALATION_PATH (item->theirs);
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;

  add_simple_field (item, "situation", _("Situation"),
                    sam_situation_to_string (sam_escalation_path_get_situation (mine)),
                    sam_situation_to_string (sam_escalation_path_get_situation (theirs)));
  add_simple_field (item, "area", _("Area"), sam_escalation_path_get_area (mine),
                    sam_escalation_path_get_area (theirs));
  add_simple_field (item, "start", _("First step"), sam_escalation_path_get_start (mine),
                    sam_escalation_path_get_start (theirs));
  add_simple_field (item, "title.sv", _("Title (Swedish)"), sam_text_get (sam_escalation_path_get_title (mine), SAM_LANG_SV),
                    sam_text_get (sam_escalation_path_get_title (theirs), SAM_LANG_SV));
  add_simple_field (item, "title.en", _("Title (English)"), sam_text_get (sam_escalation_path_get_title (mine), SAM_LANG_EN),
                    sam_text_get (sam_escalation_path_get_title (theirs), SAM_LANG_EN));
  add_simple_field (item, "summary.sv", _("Summary (Swedish)"), sam_text_get (sam_escalation_path_get_summary (mine), SAM_LANG_SV),
                    sam_text_get (sam_escalation_path_get_summary (theirs), SAM_LANG_SV));
  add_simple_field (item, "summary.en", _("Summary (English)"), sam_text_get (sam_escalation_path_get_summary (mine), SAM_LANG_EN),
                    sam_text_get (sam_escalation_path_get_summary (theirs), SAM_LANG_EN));
  da = steps_text (mine, &sa);
  db = steps_text (theirs, &sb);
  add_field (item, "steps", _("Steps"), sa, sb, da, db);
}

static char *
describe_record (SamMergeItem *item, GObject *record)
{
  if (record == NULL)
    return NULL;
  if (SAM_IS_ACTOR (record))
    {
      g_autofree char *areas = sam_areas_join_names (sam_actor_get_areas (SAM_ACTOR (record)));
      guint n = sam_actor_get_routes (SAM_ACTOR (record))->len;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s), %u contact route",
                                           "%s (%s), %u contact routes", n),
                              sam_actor_get_display_name (SAM_ACTOR (record)), areas, n);
    }
  return g_strdup (sam_text_get_best (sam_escalation_path_get_title (SAM_ESCALATION_PATH (record)),
                                      sam_lang_from_locale (), NULL));
}

void
_sam_merge_item_make_fields (SamMergeItem *item, SamVisibility audience)
{
  if (item->mine == NULL || item->theirs == NULL)
    {
      g_autofree char *mine = item->mine ? describe_record (item, item->mine) : g_strdup (_("Deleted"));
      g_autofree char *theirs = item->theirs ? describe_record (item, item->theirs) : g_strdup (_("Deleted"));

      add_field (item, "record", _("The record"), item->mine ? "live" : "deleted",
                 item->theirs ? "live" : "deleted", mine, theirs);
      /* both deleted never conflicts; guard anyway */
      if (item->fields->len == 0)
        add_field (item, "record", _("The record"), "mine", "theirs", mine, theirs);
      return;
    }
  if (SAM_IS_ACTOR (item->mine))
    actor_fields (item, audience);
  else
    path_fields (item);
  if (item->fields->len == 0)
    /* the hashes differ by something no field shows (should not happen) */
    {
      g_autofree char *mine = describe_record (item, item->mine);
      g_autofree char *theirs = describe_record (item, item->theirs);
      add_field (item, "record", _("The record"), "mine", "theirs", mine, theirs);
    }
}
