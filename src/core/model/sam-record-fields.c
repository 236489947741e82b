/* sam-record-fields.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's fields as a merge compares them (a canonical value each)
 * and people read them, its content hash, and which fields changed
 * between two versions: what the store's revisions and the merge share.
 */
#define G_LOG_DOMAIN "sam-record-fields"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sam-actor-json.h"
#include "sam-areas.h"
#include "sam-audience.h"
#include "sam-digest.h"
#include "sam-record-fields.h"
#include "sam-timestamp.h"

/* Hashing */

static void
feed (SamDigest *sum, const char *value)
{
  sam_digest_add_field (sum, value, '\x1f');
}

static void
feed_text (SamDigest *sum, const SamText *text)
{
  feed (sum, sam_text_get (text, SAM_LANG_SV));
  feed (sum, sam_text_get (text, SAM_LANG_EN));
}

static void
feed_strings (SamDigest *sum, GPtrArray *values)
{
  for (guint i = 0; i < values->len; i++)
    feed (sum, g_ptr_array_index (values, i));
  sam_digest_add (sum, "\x1e", 1);
}

static void
feed_hours (SamDigest *sum, SamSchedule *hours)
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
  SamDigest digest;
  SamDigest *sum = &digest;
  g_autofree char *verified = sam_timestamp_format (sam_actor_get_verified_at (actor));
  g_autofree char *review = g_strdup_printf ("%u", sam_actor_get_review_days (actor));
  GPtrArray *routes = sam_actor_get_routes (actor);

  sam_digest_init (sum);
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
  /* fed only when set, so that records without them keep the hashes (and
   * revision roots) they had before the format could hold them */
  if (sam_actor_get_source (actor) || sam_actor_get_source_read (actor))
    {
      feed (sum, sam_actor_get_source (actor));
      feed (sum, sam_actor_get_source_read (actor));
    }
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);

      if (!_sam_merge_route_in_audience (route, audience))
        continue;
      sam_digest_add (sum, "\x1d", 1);
      feed (sum, sam_contact_route_get_id (route));
      feed (sum, sam_route_kind_to_string (sam_contact_route_get_kind (route)));
      feed (sum, sam_contact_route_get_value (route));
      feed_text (sum, sam_contact_route_get_label (route));
      feed (sum, sam_visibility_to_string (sam_contact_route_get_visibility (route)));
      feed_hours (sum, sam_contact_route_get_hours (route));
      if (sam_contact_route_get_abroad (route))
        feed (sum, "abroad");
    }
  return sam_digest_finish (sum);
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
  SamDigest sum;

  path_content (path, &node);
  text = _sam_merge_node_text (node);
  sam_digest_init (&sum);
  sam_digest_add (&sum, text, strlen (text));
  return sam_digest_finish (&sum);
}

/* Fields, as the merge compares them and people read them */

static void
field_value_free (SamFieldValue *value)
{
  g_free (value->key);
  g_free (value->label);
  g_free (value->canon);
  g_free (value->display);
  g_free (value);
}

/* Takes @label, @canon and @display. */
static void
add_value (GPtrArray *out, const char *key, char *label, char *canon, char *display)
{
  SamFieldValue *value = g_new0 (SamFieldValue, 1);

  value->key = g_strdup (key);
  value->label = label;
  value->canon = canon;
  value->display = display ? display : g_strdup (canon);
  g_ptr_array_add (out, value);
}

static void
add_plain (GPtrArray *out, const char *key, const char *label, const char *value)
{
  if (value != NULL)
    add_value (out, key, g_strdup (label), g_strdup (value), NULL);
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

  hours = sam_contact_route_get_hours (route) ? sam_schedule_to_string (sam_contact_route_get_hours (route)) : NULL;
  label = sam_contact_route_get_label (route);
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s%s",
                          sam_route_kind_to_string (sam_contact_route_get_kind (route)),
                          sam_contact_route_get_value (route),
                          sam_text_get (label, SAM_LANG_SV) ? sam_text_get (label, SAM_LANG_SV) : "",
                          sam_text_get (label, SAM_LANG_EN) ? sam_text_get (label, SAM_LANG_EN) : "",
                          sam_visibility_to_string (sam_contact_route_get_visibility (route)),
                          hours ? hours : "",
                          sam_contact_route_get_abroad (route) ? "\x1f" "abroad" : "");
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

static char *
describe_source (SamActor *actor)
{
  if (sam_actor_get_source (actor) == NULL)
    return g_strdup (_("none"));
  /* Translators: where an actor's information comes from, "https://… (read 2026-11-02)" */
  return g_strdup_printf (_("%s (read %s)"), sam_actor_get_source (actor),
                          sam_actor_get_source_read (actor) ? sam_actor_get_source_read (actor) : "?");
}

SamContactRoute *
_sam_merge_find_route (SamActor *actor, const char *id, SamVisibility audience)
{
  SamContactRoute *route = sam_actor_find_route (actor, id);
  return route && _sam_merge_route_in_audience (route, audience) ? route : NULL;
}

static void
actor_values (GPtrArray *out, SamActor *actor, SamVisibility audience, gboolean display)
{
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
  GPtrArray *routes = sam_actor_get_routes (actor);
  g_autoptr(GString) order = g_string_new (NULL);
  g_autofree char *at = sam_timestamp_format (sam_actor_get_verified_at (actor));

  add_plain (out, "kind", _("Kind"), sam_actor_kind_to_string (sam_actor_get_kind (actor)));
  add_plain (out, "parent", _("Part of"), sam_actor_get_parent_id (actor));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      SamLang lang = g_str_has_suffix (texts[i].key, ".sv") ? SAM_LANG_SV : SAM_LANG_EN;
      SamText *t = g_str_has_prefix (texts[i].key, "name") ? sam_actor_get_name (actor)
                                                           : sam_actor_get_description (actor);
      add_plain (out, texts[i].key, _(texts[i].label), sam_text_get (t, lang));
    }
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    add_value (out, sets[i].key, g_strdup (_(sets[i].label)), join (sets[i].get (actor)),
               display && g_str_equal (sets[i].key, "areas") ? sam_areas_join_names (sets[i].get (actor)) : NULL);
  if (sam_actor_get_hours (actor))
    add_value (out, "hours", g_strdup (_("Opening hours")),
               sam_schedule_to_string (sam_actor_get_hours (actor)), NULL);
  add_value (out, "verified", g_strdup (_("Verified")),
             g_strdup_printf ("%s|%s", at ? at : "", sam_actor_get_verified_by (actor) ? sam_actor_get_verified_by (actor) : ""),
             display ? describe_verified (actor) : NULL);
  add_value (out, "review-days", g_strdup (_("Days between verifications")),
             g_strdup_printf ("%u", sam_actor_get_review_days (actor)), NULL);
  add_value (out, "source", g_strdup (_("Source")),
             g_strdup_printf ("%s|%s", sam_actor_get_source (actor) ? sam_actor_get_source (actor) : "",
                              sam_actor_get_source_read (actor) ? sam_actor_get_source_read (actor) : ""),
             display ? describe_source (actor) : NULL);
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      const char *id = sam_contact_route_get_id (route);
      g_autofree char *key = g_strconcat ("route:", id, NULL);

      if (!_sam_merge_route_in_audience (route, audience))
        continue;
      add_value (out, key, g_strdup_printf (_("Contact route “%s”"), id), route_canon (route),
                 display ? describe_route (route) : NULL);
      g_string_append_printf (order, "%s%s", order->len ? " " : "", id);
    }
  add_value (out, "route-order", g_strdup (_("Order of the contact routes")),
             g_strdup (order->str), NULL);
}

static char *
answers_canon (SamEscalationStep *step, gboolean display)
{
  GPtrArray *answers = sam_escalation_step_get_answers (step);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < answers->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (answers, i);
      const char *sv = sam_text_get (&a->label, SAM_LANG_SV);
      const char *en = sam_text_get (&a->label, SAM_LANG_EN);

      const char *best = sam_text_get_best (&a->label, sam_lang_from_locale (), NULL);

      if (display)
        g_string_append_printf (out, "%s%s → %s", i ? "; " : "", best ? best : "",
                                a->path ? a->path : a->next ? a->next : "");
      else
        g_string_append_printf (out, "%s\x1f%s\x1f%s\x1f%s\x1e", sv ? sv : "", en ? en : "",
                                a->next ? a->next : "", a->path ? a->path : "");
    }
  return g_string_free (out, FALSE);
}

static char *
fallbacks_canon (SamEscalationStep *step)
{
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < fallbacks->len; i++)
    {
      SamStepFallback *f = g_ptr_array_index (fallbacks, i);
      g_string_append_printf (out, "%s%s/%s", i ? ", " : "", f->actor_id ? f->actor_id : "",
                              f->route_id ? f->route_id : "");
    }
  return g_string_free (out, FALSE);
}

static void
step_values (GPtrArray *out, SamEscalationStep *step, gboolean display)
{
  const char *id = sam_escalation_step_get_id (step);
  static const struct { const char *part; const char *label; } texts[] = {
    { "text.sv", N_("text (Swedish)") }, { "text.en", N_("text (English)") },
    { "legal.sv", N_("legal reference (Swedish)") }, { "legal.en", N_("legal reference (English)") },
  };
  g_autofree char *step_key = g_strconcat ("step:", id, NULL);
  const char *text = sam_text_get_best (sam_escalation_step_get_text (step), sam_lang_from_locale (), NULL);

#define KEY(part) g_strconcat ("step:", id, "/", part, NULL)
  /* Translators: a step of an escalation path in a merge, "Step “call-112”" */
  add_value (out, step_key, g_strdup_printf (_("Step “%s”"), id), g_strdup ("1"),
             g_strdup (text ? text : id));
  {
    g_autofree char *key = KEY ("kind");
    /* Translators: "Step “call-112”: kind" */
    add_value (out, key, g_strdup_printf (_("Step “%s”: %s"), id, _("kind")),
               g_strdup (sam_step_kind_to_string (sam_escalation_step_get_kind (step))),
               g_strdup (sam_step_kind_get_label (sam_escalation_step_get_kind (step))));
  }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *key = KEY (texts[i].part);
      SamText *t = texts[i].part[0] == 't' ? sam_escalation_step_get_text (step)
                                           : sam_escalation_step_get_legal_ref (step);
      const char *value = sam_text_get (t, g_str_has_suffix (texts[i].part, ".sv") ? SAM_LANG_SV : SAM_LANG_EN);

      if (value)
        add_value (out, key, g_strdup_printf (_("Step “%s”: %s"), id, _(texts[i].label)),
                   g_strdup (value), NULL);
    }
  if (sam_escalation_step_get_actor_id (step))
    {
      g_autofree char *key = KEY ("contact");
      add_value (out, key, g_strdup_printf (_("Step “%s”: %s"), id, _("contact")),
                 g_strdup_printf ("%s/%s", sam_escalation_step_get_actor_id (step),
                                  sam_escalation_step_get_route_id (step) ? sam_escalation_step_get_route_id (step) : ""),
                 NULL);
    }
  if (sam_escalation_step_get_role (step))
    {
      g_autofree char *key = KEY ("role");
      const SamStepRole *role = sam_escalation_step_get_role (step);

      add_value (out, key, g_strdup_printf (_("Step “%s”: %s"), id, _("role")),
                 sam_step_role_to_token (role), display ? sam_step_role_describe (role) : NULL);
    }
  {
    g_autofree char *key = KEY ("urgency");
    add_value (out, key, g_strdup_printf (_("Step “%s”: %s"), id, _("urgency")),
               g_strdup (sam_urgency_to_string (sam_escalation_step_get_urgency (step))),
               g_strdup (sam_urgency_get_label (sam_escalation_step_get_urgency (step))));
  }
  if (sam_escalation_step_get_next (step))
    {
      g_autofree char *key = KEY ("next");
      add_value (out, key, g_strdup_printf (_("Step “%s”: %s"), id, _("next step")),
                 g_strdup (sam_escalation_step_get_next (step)), NULL);
    }
  if (sam_escalation_step_get_answers (step)->len > 0)
    {
      g_autofree char *key = KEY ("answers");
      add_value (out, key, g_strdup_printf (_("Step “%s”: %s"), id, _("answers")),
                 answers_canon (step, FALSE), display ? answers_canon (step, TRUE) : NULL);
    }
  if (sam_escalation_step_get_fallbacks (step)->len > 0)
    {
      g_autofree char *key = KEY ("fallbacks");
      add_value (out, key, g_strdup_printf (_("Step “%s”: %s"), id, _("fallbacks")),
                 fallbacks_canon (step), NULL);
    }
#undef KEY
}

static void
path_values (GPtrArray *out, SamEscalationPath *path, gboolean display)
{
  GPtrArray *steps = sam_escalation_path_get_steps (path);
  g_autoptr(GString) order = g_string_new (NULL);

  add_plain (out, "situation", _("Situation"),
             sam_situation_to_string (sam_escalation_path_get_situation (path)));
  add_plain (out, "area", _("Area"), sam_escalation_path_get_area (path));
  add_plain (out, "start", _("First step"), sam_escalation_path_get_start (path));
  add_plain (out, "title.sv", _("Title (Swedish)"), sam_text_get (sam_escalation_path_get_title (path), SAM_LANG_SV));
  add_plain (out, "title.en", _("Title (English)"), sam_text_get (sam_escalation_path_get_title (path), SAM_LANG_EN));
  add_plain (out, "summary.sv", _("Summary (Swedish)"), sam_text_get (sam_escalation_path_get_summary (path), SAM_LANG_SV));
  add_plain (out, "summary.en", _("Summary (English)"), sam_text_get (sam_escalation_path_get_summary (path), SAM_LANG_EN));
  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);

      step_values (out, step, display);
      g_string_append_printf (order, "%s%s", order->len ? " " : "", sam_escalation_step_get_id (step));
    }
  add_value (out, "step-order", g_strdup (_("Order of the steps")), g_strdup (order->str), NULL);
}

static GPtrArray *
record_fields (GObject *record, SamVisibility audience, gboolean display)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) field_value_free);

  if (record == NULL)
    return out;
  if (SAM_IS_ACTOR (record))
    actor_values (out, SAM_ACTOR (record), audience, display);
  else
    path_values (out, SAM_ESCALATION_PATH (record), display);
  return out;
}

GPtrArray *
_sam_merge_record_fields (GObject *record, SamVisibility audience)
{
  return record_fields (record, audience, TRUE);
}

GPtrArray *
_sam_merge_record_canon (GObject *record, SamVisibility audience)
{
  return record_fields (record, audience, FALSE);
}

GHashTable *
_sam_merge_field_table (GPtrArray *fields)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < fields->len; i++)
    {
      SamFieldValue *value = g_ptr_array_index (fields, i);
      g_hash_table_insert (table, value->key, value);
    }
  return table;
}

gboolean
_sam_merge_is_order_key (const char *key)
{
  return g_str_equal (key, "route-order") || g_str_equal (key, "step-order");
}

/* The ids of @a in order, of those @b has too. */
static char *
common_order (const char *a, const char *b)
{
  g_auto(GStrv) ids = g_strsplit (a, " ", -1);
  g_auto(GStrv) others = g_strsplit (b, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids[i]; i++)
    if (*ids[i] && g_strv_contains ((const char * const *) others, ids[i]))
      g_string_append_printf (out, "%s%s", out->len ? " " : "", ids[i]);
  return g_string_free (out, FALSE);
}

gboolean
_sam_merge_values_differ (const char *key, SamFieldValue *a, SamFieldValue *b)
{
  if (a == NULL || b == NULL)
    return a != b;
  if (_sam_merge_is_order_key (key))
    {
      /* an order changes when the routes or steps both have move, not
       * when one is added or removed: those are fields of their own */
      g_autofree char *ca = common_order (a->canon, b->canon);
      g_autofree char *cb = common_order (b->canon, a->canon);
      return !g_str_equal (ca, cb);
    }
  return !g_str_equal (a->canon, b->canon);
}

GHashTable *
_sam_merge_changed_keys (GObject *before, GObject *after, SamVisibility audience)
{
  g_autoptr(GPtrArray) a = _sam_merge_record_canon (before, audience);
  g_autoptr(GPtrArray) b = _sam_merge_record_canon (after, audience);
  g_autoptr(GHashTable) ta = _sam_merge_field_table (a);
  g_autoptr(GHashTable) tb = _sam_merge_field_table (b);
  GHashTable *changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *list = s == 0 ? a : b;

      for (guint i = 0; i < list->len; i++)
        {
          const char *key = ((SamFieldValue *) g_ptr_array_index (list, i))->key;

          if (_sam_merge_values_differ (key, g_hash_table_lookup (ta, key), g_hash_table_lookup (tb, key)))
            {
              const char *slash = g_str_has_prefix (key, "step:") ? strchr (key, '/') : NULL;

              g_hash_table_add (changed, g_strdup (key));
              /* a step edited is a step touched: deleting it elsewhere
               * meanwhile is a conflict, not a silent win */
              if (slash != NULL)
                g_hash_table_add (changed, g_strndup (key, slash - key));
            }
        }
    }
  return changed;
}

char *
_sam_merge_hash_record (GObject *record, SamVisibility audience)
{
  if (record == NULL)
    return g_strdup ("");
  return SAM_IS_ACTOR (record) ? sam_merge_hash_actor (SAM_ACTOR (record), audience)
                               : sam_merge_hash_path (SAM_ESCALATION_PATH (record));
}

SamAncestry *
_sam_merge_root_ancestry (const char *owner, const char *content_hash)
{
  g_autofree char *root = sam_ancestry_root_id (content_hash);
  return sam_ancestry_new (owner, root, NULL);
}
