/* sam-merge.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge engine. Records are matched by id and compared by a content
 * hash. The base of the three-way merge is what was last seen from the
 * file's source (sync_seen); a source this register has never imported
 * from falls back to the last version exchanged with anyone ('*': every
 * import and every full export), guarded by revisions, which only grow
 * along a record's history.
 *
 *   theirs == mine                 unchanged
 *   theirs older than the base     unchanged (an older file changes nothing)
 *   theirs == base                 unchanged (changed here only, or not at all)
 *   mine == base                   theirs is taken (updated, deleted or restored)
 *   otherwise                      conflict
 *
 * Deletions are hashed as "" and travel as tombstones, so a deletion is a
 * change like any other: taken when made on one side only, a conflict when
 * the other side changed the record.
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sam-actor-json.h"
#include "sam-areas.h"
#include "sam-backups.h"
#include "sam-errors.h"
#include "sam-merge.h"
#include "sam-merge-private.h"

struct _SamMergeItem {
  const char *entity;      /* "actor" or "path" (static) */
  char *id;
  char *key;               /* "actor:ID" */
  char *name;
  SamMergeAction action;
  GPtrArray *fields;       /* of SamMergeField */

  GObject *theirs;         /* NULL: deleted there */
  char *theirs_hash;       /* "" for a deletion */
  gint64 theirs_revision;
  SamLocalRecord *local;   /* borrowed from the index; NULL: not here at all */
  GObject *mine;           /* the live local record, when loaded */
  char *mine_hash;         /* "" deleted here; NULL not here or not yet known */
  const SamSeen *base;     /* borrowed; NULL: no history */
  gboolean fallback;       /* the base is '*', not the source's own */
  gboolean seen_dirty;     /* the sync state must be written */
};

struct _SamMergePlan {
  SamStore *store;
  SamRegisterData *data;
  char *source;
  char *file;
  GPtrArray *items;
  GPtrArray *changes;
  GPtrArray *conflicts;
  GPtrArray *notes;
  GHashTable *actor_index;
  GHashTable *path_index;
  GHashTable *seen_source;
  GHashTable *seen_any;
  guint counts[SAM_MERGE_N_ACTIONS];
  gint64 log_mark;
  gboolean update_any;     /* the file carries every route: '*' follows it */
};

static void
field_free (SamMergeField *field)
{
  g_free (field->key);
  g_free (field->label);
  g_free (field->mine);
  g_free (field->theirs);
  g_free (field);
}

static void
item_free (SamMergeItem *item)
{
  g_free (item->id);
  g_free (item->key);
  g_free (item->name);
  g_ptr_array_unref (item->fields);
  g_clear_object (&item->theirs);
  g_clear_object (&item->mine);
  g_free (item->theirs_hash);
  g_free (item->mine_hash);
  g_free (item);
}

void
sam_merge_plan_free (SamMergePlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_object (&plan->store);
  g_clear_pointer (&plan->data, sam_register_data_free);
  g_free (plan->source);
  g_free (plan->file);
  g_ptr_array_unref (plan->changes);
  g_ptr_array_unref (plan->conflicts);
  g_ptr_array_unref (plan->items);
  g_ptr_array_unref (plan->notes);
  g_clear_pointer (&plan->actor_index, g_hash_table_unref);
  g_clear_pointer (&plan->path_index, g_hash_table_unref);
  g_clear_pointer (&plan->seen_source, g_hash_table_unref);
  g_clear_pointer (&plan->seen_any, g_hash_table_unref);
  g_free (plan);
}

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

static gboolean
route_in_audience (SamContactRoute *route, SamVisibility audience)
{
  return sam_contact_route_get_visibility (route) <= audience;
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

      if (!route_in_audience (route, audience))
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

static char *
node_text (JsonNode *node)
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
  text = node_text (node);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Labels */

const char *
sam_merge_action_get_label (SamMergeAction action)
{
  switch (action)
    {
    case SAM_MERGE_UNCHANGED: return _("Unchanged");
    case SAM_MERGE_NEW: return _("New");
    case SAM_MERGE_UPDATED: return _("Updated");
    case SAM_MERGE_DELETED: return _("Deleted upstream");
    case SAM_MERGE_CONFLICT: return _("Conflict");
    case SAM_MERGE_N_ACTIONS:
    default: break;
    }
  return "?";
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

static SamContactRoute *
find_route (SamActor *actor, const char *id, SamVisibility audience)
{
  SamContactRoute *route = sam_actor_find_route (actor, id);
  return route && route_in_audience (route, audience) ? route : NULL;
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

          if (route_in_audience (route, audience) && g_hash_table_add (route_ids, (char *) id))
            g_ptr_array_add (order, (char *) id);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      SamContactRoute *a = find_route (mine, id, audience);
      SamContactRoute *b = find_route (theirs, id, audience);
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
      if (find_route (theirs, sam_contact_route_get_id (g_ptr_array_index (ra, i)), audience))
        g_string_append_printf (oa, "%s%s", oa->len ? ", " : "", sam_contact_route_get_id (g_ptr_array_index (ra, i)));
    for (guint i = 0; i < rb->len; i++)
      if (find_route (mine, sam_contact_route_get_id (g_ptr_array_index (rb, i)), audience))
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

  *canon = node_text (steps);
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

static void
make_fields (SamMergeItem *item, SamVisibility audience)
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

/* Planning */

static const char *
display_name (GObject *record)
{
  if (record == NULL)
    return NULL;
  if (SAM_IS_ACTOR (record))
    return sam_actor_get_display_name (SAM_ACTOR (record));
  return sam_text_get_best (sam_escalation_path_get_title (SAM_ESCALATION_PATH (record)),
                            sam_lang_from_locale (), NULL);
}

static SamMergeItem *
item_new (SamMergePlan *plan, const char *entity, const char *id, GObject *theirs,
          gint64 revision)
{
  SamMergeItem *item = g_new0 (SamMergeItem, 1);
  GHashTable *index = g_str_equal (entity, "path") ? plan->path_index : plan->actor_index;

  item->entity = g_str_equal (entity, "path") ? "path" : "actor";
  item->id = g_strdup (id);
  item->key = g_strconcat (item->entity, ":", id, NULL);
  item->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  item->theirs = theirs ? g_object_ref (theirs) : NULL;
  item->theirs_revision = revision;
  if (theirs == NULL)
    item->theirs_hash = g_strdup ("");
  else if (SAM_IS_ACTOR (theirs))
    item->theirs_hash = sam_merge_hash_actor (SAM_ACTOR (theirs), SAM_VISIBILITY_INTERNAL);
  else
    item->theirs_hash = sam_merge_hash_path (SAM_ESCALATION_PATH (theirs));
  item->local = g_hash_table_lookup (index, id);
  item->base = g_hash_table_lookup (plan->seen_source, item->key);
  if (item->base == NULL && (item->base = g_hash_table_lookup (plan->seen_any, item->key)) != NULL)
    item->fallback = TRUE;
  if (item->local != NULL && item->local->deleted)
    item->mine_hash = g_strdup ("");
  else if (item->local != NULL && item->base != NULL &&
           item->base->local_revision == item->local->revision && *item->base->local_hash)
    /* not changed here since it was last compared */
    item->mine_hash = g_strdup (item->base->local_hash);
  return item;
}

static gboolean
load_mine_actors (SamMergePlan *plan, gboolean all_changes, GError **error)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();

  for (guint i = 0; i <= plan->items->len; i++)
    {
      SamMergeItem *item = i < plan->items->len ? g_ptr_array_index (plan->items, i) : NULL;

      if (item != NULL && item->entity[0] == 'a' && item->local && !item->local->deleted &&
          item->mine == NULL &&
          (item->mine_hash == NULL || (all_changes && item->action != SAM_MERGE_UNCHANGED)))
        {
          g_array_append_val (rowids, item->local->rowid);
          g_ptr_array_add (waiting, item);
        }
      if (rowids->len == 500 || (item == NULL && rowids->len > 0))
        {
          g_autoptr(GPtrArray) loaded = _sam_store_load_actors_by_rowids (plan->store,
              (gint64 *) (void *) rowids->data, rowids->len, error);

          if (loaded == NULL)
            return FALSE;
          if (loaded->len != waiting->len)
            return (g_set_error (error, SAM_ERROR, SAM_ERROR_STALE,
                                 _("The register changed while the import was prepared. Try again.")), FALSE);
          for (guint k = 0; k < waiting->len; k++)
            {
              SamMergeItem *w = g_ptr_array_index (waiting, k);

              w->mine = g_object_ref (g_ptr_array_index (loaded, k));
              if (w->mine_hash == NULL)
                w->mine_hash = sam_merge_hash_actor (SAM_ACTOR (w->mine), plan->data->audience);
            }
          g_array_set_size (rowids, 0);
          g_ptr_array_set_size (waiting, 0);
        }
    }
  return TRUE;
}

static gboolean
load_mine_paths (SamMergePlan *plan, GError **error)
{
  for (guint i = 0; i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);

      if (item->entity[0] != 'p' || item->local == NULL || item->local->deleted || item->mine)
        continue;
      item->mine = G_OBJECT (sam_store_load_path (plan->store, item->id, error));
      if (item->mine == NULL)
        return FALSE;
      if (item->mine_hash == NULL)
        item->mine_hash = sam_merge_hash_path (SAM_ESCALATION_PATH (item->mine));
    }
  return TRUE;
}

static SamMergeAction
decide (SamMergeItem *item)
{
  const char *t = item->theirs_hash;
  const char *m = item->mine_hash;
  const SamSeen *base = item->base;
  gint64 mine_revision = item->local ? item->local->revision : 0;

  if (item->local == NULL)
    {
      if (item->theirs == NULL)
        return SAM_MERGE_UNCHANGED;         /* deleted there, never here */
      if (base && *base->seen_hash == '\0' && item->theirs_revision <= base->seen_revision)
        return SAM_MERGE_UNCHANGED;         /* seen deleted; an older file does not bring it back */
      return SAM_MERGE_NEW;
    }
  if (g_str_equal (t, m))
    return SAM_MERGE_UNCHANGED;
  if (base == NULL)
    {
      /* no history in common: the revisions say which is older */
      if (*m == '\0' && item->theirs_revision <= mine_revision)
        return SAM_MERGE_UNCHANGED;         /* deleted here after the version they have */
      if (*t == '\0' && item->theirs_revision > mine_revision)
        return SAM_MERGE_DELETED;
      return SAM_MERGE_CONFLICT;
    }
  if (item->theirs_revision < base->seen_revision)
    return SAM_MERGE_UNCHANGED;             /* an older file than the one last seen */
  if (g_str_equal (t, base->seen_hash))
    return SAM_MERGE_UNCHANGED;             /* changed here only */
  if (g_str_equal (m, base->seen_hash))
    {
      if (item->fallback && item->theirs_revision < mine_revision)
        return SAM_MERGE_CONFLICT;
      return *t == '\0' ? SAM_MERGE_DELETED : SAM_MERGE_UPDATED;
    }
  return SAM_MERGE_CONFLICT;
}

static gboolean
seen_matches (const SamSeen *seen, const char *theirs_hash, gint64 theirs_revision,
              const char *local_hash, gint64 local_revision)
{
  return seen != NULL && g_str_equal (seen->seen_hash, theirs_hash) &&
         seen->seen_revision == theirs_revision && g_str_equal (seen->local_hash, local_hash) &&
         seen->local_revision == local_revision;
}

static gboolean
base_matches (const SamSeen *seen, const char *theirs_hash, gint64 theirs_revision)
{
  return seen != NULL && g_str_equal (seen->seen_hash, theirs_hash) &&
         seen->seen_revision == theirs_revision;
}

static void
add_note (SamMergePlan *plan, char *note)
{
  g_ptr_array_add (plan->notes, note);
}

static gboolean
plan_notes (SamMergePlan *plan, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (plan->store,
      "SELECT exported_at, version FROM sync_source WHERE id = ?", error);
  g_autofree char *instance = _sam_store_dup_instance (plan->store);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, plan->source);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) last = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 0));

      if (last && plan->data->exported && g_date_time_compare (plan->data->exported, last) < 0)
        {
          g_autofree char *a = g_date_time_format (plan->data->exported, "%Y-%m-%d %H:%M");
          g_autofree char *b = g_date_time_format (last, "%Y-%m-%d %H:%M");
          add_note (plan, g_strdup_printf (_("This file (exported %s) is older than the last one "
                                             "imported from the same register (exported %s): "
                                             "records it has in an older version stay as they are."),
                                           a, b));
        }
    }
  sqlite3_reset (stmt);
  if (instance && g_strcmp0 (instance, plan->data->source) == 0)
    add_note (plan, g_strdup (_("This file was exported from this register.")));
  if (plan->data->audience == SAM_VISIBILITY_PUBLIC)
    add_note (plan, g_strdup (_("A public export: it has no professional or internal contact "
                                "routes, and those of this register are kept.")));
  else if (plan->data->audience == SAM_VISIBILITY_PROFESSIONAL)
    add_note (plan, g_strdup (_("A professional export: it has no internal contact routes, and "
                                "those of this register are kept.")));
  return TRUE;
}

static gboolean
plan_build (SamMergePlan *plan, GError **error)
{
  SamRegisterData *data = plan->data;

  if ((plan->actor_index = _sam_store_index_records (plan->store, "actor", error)) == NULL ||
      (plan->path_index = _sam_store_index_records (plan->store, "path", error)) == NULL ||
      (plan->seen_source = _sam_store_load_seen (plan->store, plan->source, error)) == NULL ||
      (plan->seen_any = _sam_store_load_seen (plan->store, "*", error)) == NULL)
    return FALSE;
  plan->log_mark = _sam_store_get_log_mark (plan->store);

  for (guint i = 0; i < data->actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (data->actors, i);
      g_ptr_array_add (plan->items, item_new (plan, "actor", sam_actor_get_id (actor), G_OBJECT (actor),
                                              sam_actor_get_revision (actor)));
    }
  for (guint i = 0; i < data->paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, i);
      g_ptr_array_add (plan->items, item_new (plan, "path", sam_escalation_path_get_id (path),
                                              G_OBJECT (path), sam_escalation_path_get_revision (path)));
    }
  for (guint i = 0; i < data->tombstones->len; i++)
    {
      SamTombstone *t = g_ptr_array_index (data->tombstones, i);
      g_ptr_array_add (plan->items, item_new (plan, t->entity, t->id, NULL, t->revision));
    }
  /* the hashes of what changed here since the last comparison */
  if (!load_mine_actors (plan, FALSE, error) || !load_mine_paths (plan, error))
    return FALSE;
  for (guint i = 0; i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);
      item->action = decide (item);
    }
  /* what a change or a conflict needs of the local record */
  if (!load_mine_actors (plan, TRUE, error))
    return FALSE;

  for (guint i = 0; i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);
      const SamSeen *own = g_hash_table_lookup (plan->seen_source, item->key);
      const SamSeen *any = g_hash_table_lookup (plan->seen_any, item->key);

      /* names only for what a person will see: 100,000 copies cost */
      if (item->action != SAM_MERGE_UNCHANGED)
        item->name = g_strdup (display_name (item->theirs) ? display_name (item->theirs)
                               : display_name (item->mine) ? display_name (item->mine) : item->id);
      plan->counts[item->action]++;
      if (item->action == SAM_MERGE_CONFLICT)
        {
          make_fields (item, data->audience);
          g_ptr_array_add (plan->conflicts, item);
        }
      if (item->action != SAM_MERGE_UNCHANGED)
        {
          g_ptr_array_add (plan->changes, item);
          item->seen_dirty = TRUE;
        }
      else
        {
          /* an older file leaves the base where it is */
          if (item->base && !item->fallback && item->theirs_revision < item->base->seen_revision)
            continue;
          /* only a new base is worth a write: a change made here alone is
           * found again by its revision (and re-importing a file writes nothing) */
          item->seen_dirty = !base_matches (own, item->theirs_hash, item->theirs_revision) ||
                             (plan->update_any &&
                              !base_matches (any, item->theirs_hash, item->theirs_revision));
        }
    }
  return plan_notes (plan, error);
}

SamMergePlan *
sam_merge_plan_new (SamStore         *store,
                    SamRegisterData  *data,
                    const char       *file_name,
                    GError          **error)
{
  g_autoptr(SamMergePlan) plan = g_new0 (SamMergePlan, 1);
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  plan->store = g_object_ref (store);
  plan->data = data;
  plan->file = g_strdup (file_name);
  plan->source = g_strdup (data->source ? data->source : data->meta.id ? data->meta.id : "unknown");
  plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  plan->changes = g_ptr_array_new ();
  plan->conflicts = g_ptr_array_new ();
  plan->notes = g_ptr_array_new_with_free_func (g_free);
  plan->update_any = data->audience == SAM_VISIBILITY_INTERNAL;

  /* one read transaction: one consistent picture of the register */
  if (!_sam_store_exec (store, "BEGIN", error))
    {
      plan->data = NULL;
      return NULL;
    }
  ok = plan_build (plan, error);
  _sam_store_exec (store, "COMMIT", NULL);
  if (!ok)
    {
      plan->data = NULL;    /* the caller keeps it on failure */
      return NULL;
    }
  return g_steal_pointer (&plan);
}

SamMergePlan *
sam_merge_plan_new_for_file (SamStore      *store,
                             GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  SamRegisterData *data;
  SamMergePlan *plan;
  gsize length;

  if (!sam_register_xml_load_file (file, &contents, &length, cancellable, error))
    return NULL;
  data = sam_register_xml_parse (contents, length, name, NULL, error);
  g_clear_pointer (&contents, g_free);
  if (data == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return (sam_register_data_free (data), NULL);
  plan = sam_merge_plan_new (store, data, name, error);
  if (plan == NULL)
    sam_register_data_free (data);
  return plan;
}

/* Reading the plan */

const char *
sam_merge_plan_get_source (SamMergePlan *plan)
{
  return plan->source;
}

const char *
sam_merge_plan_get_source_name (SamMergePlan *plan)
{
  const char *name = sam_text_get_best (&plan->data->meta.name, sam_lang_from_locale (), NULL);
  return name ? name : plan->source;
}

const SamRegisterData *
sam_merge_plan_get_data (SamMergePlan *plan)
{
  return plan->data;
}

guint
sam_merge_plan_count (SamMergePlan *plan, SamMergeAction action)
{
  g_return_val_if_fail (action < SAM_MERGE_N_ACTIONS, 0);
  return plan->counts[action];
}

gboolean
sam_merge_plan_is_noop (SamMergePlan *plan)
{
  for (guint i = 0; i < plan->items->len; i++)
    if (((SamMergeItem *) g_ptr_array_index (plan->items, i))->seen_dirty)
      return FALSE;
  return TRUE;
}

GPtrArray *
sam_merge_plan_get_changes (SamMergePlan *plan)
{
  return plan->changes;
}

GPtrArray *
sam_merge_plan_get_conflicts (SamMergePlan *plan)
{
  return plan->conflicts;
}

GPtrArray *
sam_merge_plan_get_notes (SamMergePlan *plan)
{
  return plan->notes;
}

char *
sam_merge_plan_describe (SamMergePlan *plan)
{
  /* Translators: the preview of an import */
  return g_strdup_printf (_("%u new, %u updated, %u unchanged, %u deleted upstream, %u conflicts"),
                          plan->counts[SAM_MERGE_NEW], plan->counts[SAM_MERGE_UPDATED],
                          plan->counts[SAM_MERGE_UNCHANGED], plan->counts[SAM_MERGE_DELETED],
                          plan->counts[SAM_MERGE_CONFLICT]);
}

void
sam_merge_plan_prefer (SamMergePlan *plan, SamMergeSide side)
{
  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->conflicts, i);

      for (guint k = 0; k < item->fields->len; k++)
        {
          SamMergeField *field = g_ptr_array_index (item->fields, k);
          if (field->choice == SAM_MERGE_SIDE_NONE)
            field->choice = side;
        }
    }
}

guint
sam_merge_plan_count_undecided (SamMergePlan *plan)
{
  guint n = 0;

  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->conflicts, i);

      for (guint k = 0; k < item->fields->len; k++)
        n += ((SamMergeField *) g_ptr_array_index (item->fields, k))->choice == SAM_MERGE_SIDE_NONE;
    }
  return n;
}

SamMergeAction
sam_merge_item_get_action (SamMergeItem *item)
{
  return item->action;
}

const char *
sam_merge_item_get_entity (SamMergeItem *item)
{
  return item->entity;
}

const char *
sam_merge_item_get_id (SamMergeItem *item)
{
  return item->id;
}

const char *
sam_merge_item_get_name (SamMergeItem *item)
{
  if (item->name == NULL)
    item->name = g_strdup (display_name (item->theirs) ? display_name (item->theirs)
                           : display_name (item->mine) ? display_name (item->mine) : item->id);
  return item->name;
}

GPtrArray *
sam_merge_item_get_fields (SamMergeItem *item)
{
  return item->fields;
}

gboolean
sam_merge_item_choose (SamMergeItem *item, const char *key, SamMergeSide side)
{
  for (guint k = 0; k < item->fields->len; k++)
    {
      SamMergeField *field = g_ptr_array_index (item->fields, k);

      if (g_str_equal (field->key, key))
        {
          field->choice = side;
          return TRUE;
        }
    }
  return FALSE;
}

/* Applying */

static SamMergeSide
choice_of (SamMergeItem *item, const char *key)
{
  for (guint k = 0; k < item->fields->len; k++)
    {
      SamMergeField *field = g_ptr_array_index (item->fields, k);
      if (g_str_equal (field->key, key))
        return field->choice;
    }
  return SAM_MERGE_SIDE_MINE;   /* the same on both sides */
}

static SamActor *
pick_actor (SamMergeItem *item, const char *key)
{
  return SAM_ACTOR (choice_of (item, key) == SAM_MERGE_SIDE_THEIRS ? item->theirs : item->mine);
}

static void
copy_strings (SamActor *to, GPtrArray *values, void (*add) (SamActor *, const char *))
{
  for (guint i = 0; i < values->len; i++)
    add (to, g_ptr_array_index (values, i));
}

/* Routes more restricted than the file's audience: the file cannot speak
 * of them, so the local ones stay. */
static void
keep_restricted_routes (SamActor *result, SamActor *mine, SamVisibility audience)
{
  GPtrArray *routes;

  if (mine == NULL || audience == SAM_VISIBILITY_INTERNAL)
    return;
  routes = sam_actor_get_routes (mine);
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);

      if (!route_in_audience (route, audience) &&
          sam_actor_find_route (result, sam_contact_route_get_id (route)) == NULL)
        {
          g_autoptr(SamContactRoute) copy = sam_contact_route_copy (route);
          sam_actor_add_route (result, copy);
        }
    }
}

static SamActor *
build_actor (SamMergeItem *item, SamVisibility audience)
{
  SamActor *mine = SAM_ACTOR (item->mine);
  SamActor *theirs = SAM_ACTOR (item->theirs);
  g_autoptr(SamActor) result = sam_actor_new (item->id);
  SamActor *src;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);

  sam_actor_set_kind (result, sam_actor_get_kind (pick_actor (item, "kind")));
  sam_actor_set_parent_id (result, sam_actor_get_parent_id (pick_actor (item, "parent")));
  sam_text_set (sam_actor_get_name (result), SAM_LANG_SV,
                sam_text_get (sam_actor_get_name (pick_actor (item, "name.sv")), SAM_LANG_SV));
  sam_text_set (sam_actor_get_name (result), SAM_LANG_EN,
                sam_text_get (sam_actor_get_name (pick_actor (item, "name.en")), SAM_LANG_EN));
  sam_text_set (sam_actor_get_description (result), SAM_LANG_SV,
                sam_text_get (sam_actor_get_description (pick_actor (item, "description.sv")), SAM_LANG_SV));
  sam_text_set (sam_actor_get_description (result), SAM_LANG_EN,
                sam_text_get (sam_actor_get_description (pick_actor (item, "description.en")), SAM_LANG_EN));
  copy_strings (result, sam_actor_get_areas (pick_actor (item, "areas")), sam_actor_add_area);
  copy_strings (result, sam_actor_get_target_groups (pick_actor (item, "target-groups")), sam_actor_add_target_group);
  copy_strings (result, sam_actor_get_languages (pick_actor (item, "languages")), sam_actor_add_language);
  copy_strings (result, sam_actor_get_tags (pick_actor (item, "tags")), sam_actor_add_tag);
  sam_actor_set_hours (result, sam_actor_get_hours (pick_actor (item, "hours")));
  src = pick_actor (item, "verified");
  sam_actor_set_verified (result, sam_actor_get_verified_at (src), sam_actor_get_verified_by (src));
  sam_actor_set_review_days (result, sam_actor_get_review_days (pick_actor (item, "review-days")));

  /* routes: in the order of the chosen side, then those only the other has */
  src = pick_actor (item, "route-order");
  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *routes = sam_actor_get_routes (s == 0 ? src : (src == mine ? theirs : mine));
      for (guint i = 0; i < routes->len; i++)
        {
          const char *id = sam_contact_route_get_id (g_ptr_array_index (routes, i));
          if (g_hash_table_add (added, (char *) id))
            g_ptr_array_add (order, (char *) id);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      g_autofree char *key = g_strconcat ("route:", id, NULL);
      SamContactRoute *route = find_route (pick_actor (item, key), id, audience);

      if (route != NULL)
        {
          g_autoptr(SamContactRoute) copy = sam_contact_route_copy (route);
          sam_actor_add_route (result, copy);
        }
    }
  keep_restricted_routes (result, mine, audience);
  return g_steal_pointer (&result);
}

static SamEscalationPath *
build_path (SamMergeItem *item)
{
  SamEscalationPath *result = sam_escalation_path_new (item->id);
#define PICK(key) SAM_ESCALATION_PATH (choice_of (item, key) == SAM_MERGE_SIDE_THEIRS ? item->theirs : item->mine)
  GPtrArray *steps = sam_escalation_path_get_steps (PICK ("steps"));

  sam_escalation_path_set_situation (result, sam_escalation_path_get_situation (PICK ("situation")));
  sam_escalation_path_set_area (result, sam_escalation_path_get_area (PICK ("area")));
  sam_escalation_path_set_start (result, sam_escalation_path_get_start (PICK ("start")));
  sam_text_set (sam_escalation_path_get_title (result), SAM_LANG_SV,
                sam_text_get (sam_escalation_path_get_title (PICK ("title.sv")), SAM_LANG_SV));
  sam_text_set (sam_escalation_path_get_title (result), SAM_LANG_EN,
                sam_text_get (sam_escalation_path_get_title (PICK ("title.en")), SAM_LANG_EN));
  sam_text_set (sam_escalation_path_get_summary (result), SAM_LANG_SV,
                sam_text_get (sam_escalation_path_get_summary (PICK ("summary.sv")), SAM_LANG_SV));
  sam_text_set (sam_escalation_path_get_summary (result), SAM_LANG_EN,
                sam_text_get (sam_escalation_path_get_summary (PICK ("summary.en")), SAM_LANG_EN));
#undef PICK
  for (guint i = 0; i < steps->len; i++)
    {
      g_autoptr(SamEscalationStep) copy = sam_escalation_step_copy (g_ptr_array_index (steps, i));
      sam_escalation_path_add_step (result, copy);
    }
  return result;
}

static SamEscalationPath *
copy_path (SamEscalationPath *path)
{
  SamEscalationPath *copy = sam_escalation_path_new (sam_escalation_path_get_id (path));
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  sam_escalation_path_set_situation (copy, sam_escalation_path_get_situation (path));
  sam_escalation_path_set_area (copy, sam_escalation_path_get_area (path));
  sam_escalation_path_set_start (copy, sam_escalation_path_get_start (path));
  sam_text_copy (sam_escalation_path_get_title (copy), sam_escalation_path_get_title (path));
  sam_text_copy (sam_escalation_path_get_summary (copy), sam_escalation_path_get_summary (path));
  sam_escalation_path_set_revision (copy, sam_escalation_path_get_revision (path));
  sam_escalation_path_set_updated (copy, sam_escalation_path_get_updated_at (path),
                                   sam_escalation_path_get_updated_by (path));
  for (guint i = 0; i < steps->len; i++)
    {
      g_autoptr(SamEscalationStep) step = sam_escalation_step_copy (g_ptr_array_index (steps, i));
      sam_escalation_path_add_step (copy, step);
    }
  return copy;
}

static char *
record_json (GObject *record)
{
  if (record == NULL)
    return NULL;
  return SAM_IS_ACTOR (record) ? sam_actor_to_json_text (SAM_ACTOR (record))
                               : sam_path_to_json_text (SAM_ESCALATION_PATH (record));
}

static void
stamp_now (SamMergePlan *plan, GObject *record)
{
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autoptr(GDateTime) at = g_date_time_add_seconds (utc, -g_date_time_get_microsecond (utc) / 1e6);

  if (SAM_IS_ACTOR (record))
    sam_actor_set_updated (SAM_ACTOR (record), at, sam_store_get_user (plan->store));
  else
    sam_escalation_path_set_updated (SAM_ESCALATION_PATH (record), at, sam_store_get_user (plan->store));
}

static void
set_revision (GObject *record, gint64 revision)
{
  if (SAM_IS_ACTOR (record))
    sam_actor_set_revision (SAM_ACTOR (record), revision);
  else
    sam_escalation_path_set_revision (SAM_ESCALATION_PATH (record), revision);
}

static void
set_updated_from (GObject *record, GObject *from)
{
  if (SAM_IS_ACTOR (record))
    sam_actor_set_updated (SAM_ACTOR (record), sam_actor_get_updated_at (SAM_ACTOR (from)),
                           sam_actor_get_updated_by (SAM_ACTOR (from)));
  else
    sam_escalation_path_set_updated (SAM_ESCALATION_PATH (record),
                                     sam_escalation_path_get_updated_at (SAM_ESCALATION_PATH (from)),
                                     sam_escalation_path_get_updated_by (SAM_ESCALATION_PATH (from)));
}

/* Writes @result (NULL: a deletion) over the local record. */
static gboolean
write_record (SamMergePlan *plan, SamMergeItem *item, GObject *result, gint64 revision,
              GError **error)
{
  g_autofree char *before = record_json (item->mine);

  if (result == NULL)
    {
      if (item->local == NULL || item->local->deleted)
        return TRUE;
      return _sam_store_bury (plan->store, item->entity, item->id, revision, error) &&
             _sam_store_log_merge (plan->store, item->entity, item->id, "delete", revision,
                                   before, NULL, error);
    }
  set_revision (result, revision);
  if (SAM_IS_ACTOR (result))
    {
      g_autofree char *after = NULL;

      if (item->local == NULL)
        return _sam_store_write_actor (plan->store, SAM_ACTOR (result), TRUE, error);
      after = sam_actor_to_json_text (SAM_ACTOR (result));
      return _sam_store_overwrite_actor (plan->store, SAM_ACTOR (result), error) &&
             _sam_store_log_merge (plan->store, "actor", item->id, item->local->deleted ? "restore" : "update",
                                   revision, before, after, error);
    }
  if (item->local == NULL)
    return _sam_store_write_path (plan->store, SAM_ESCALATION_PATH (result), error);
  return _sam_store_overwrite_path (plan->store, SAM_ESCALATION_PATH (result),
                                    before ? before : "{}", error);
}

static char *
hash_record (GObject *record, SamVisibility audience)
{
  if (record == NULL)
    return g_strdup ("");
  return SAM_IS_ACTOR (record) ? sam_merge_hash_actor (SAM_ACTOR (record), audience)
                               : sam_merge_hash_path (SAM_ESCALATION_PATH (record));
}

static gboolean
apply_item (SamMergePlan *plan, SamMergeItem *item, SamSeen *after, GError **error)
{
  SamVisibility audience = plan->data->audience;
  gint64 local_revision = item->local ? item->local->revision : 0;
  gint64 revision = MAX (local_revision + 1, item->theirs_revision);
  g_autoptr(GObject) result = NULL;

  g_strlcpy (after->seen_hash, item->theirs_hash, SAM_HASH_SIZE);
  after->seen_revision = item->theirs_revision;

  switch (item->action)
    {
    case SAM_MERGE_UNCHANGED:
      g_strlcpy (after->local_hash, item->mine_hash ? item->mine_hash : "", SAM_HASH_SIZE);
      after->local_revision = local_revision;
      return TRUE;

    case SAM_MERGE_NEW:
    case SAM_MERGE_UPDATED:
      if (SAM_IS_ACTOR (item->theirs))
        {
          result = G_OBJECT (sam_actor_copy (SAM_ACTOR (item->theirs)));
          keep_restricted_routes (SAM_ACTOR (result), SAM_ACTOR (item->mine), audience);
        }
      else
        result = G_OBJECT (copy_path (SAM_ESCALATION_PATH (item->theirs)));
      if (item->action == SAM_MERGE_NEW)
        revision = item->theirs_revision;
      break;

    case SAM_MERGE_DELETED:
      break;

    case SAM_MERGE_CONFLICT:
      if (item->mine == NULL || item->theirs == NULL)
        {
          /* a deletion on one side: the record is kept or deleted whole */
          if (choice_of (item, "record") == SAM_MERGE_SIDE_MINE)
            {
              g_strlcpy (after->local_hash, item->mine_hash ? item->mine_hash : "", SAM_HASH_SIZE);
              after->local_revision = local_revision;
              return TRUE;
            }
          if (item->theirs != NULL)
            {
              result = SAM_IS_ACTOR (item->theirs) ? G_OBJECT (sam_actor_copy (SAM_ACTOR (item->theirs)))
                                                   : G_OBJECT (copy_path (SAM_ESCALATION_PATH (item->theirs)));
            }
          break;
        }
      result = SAM_IS_ACTOR (item->theirs) ? G_OBJECT (build_actor (item, audience))
                                           : G_OBJECT (build_path (item));
      {
        g_autofree char *hash = hash_record (result, audience);

        if (g_str_equal (hash, item->mine_hash))
          {
            /* mine, field by field: nothing to write */
            g_strlcpy (after->local_hash, hash, SAM_HASH_SIZE);
            after->local_revision = local_revision;
            return TRUE;
          }
        if (g_str_equal (hash, item->theirs_hash))
          set_updated_from (result, item->theirs);
        else
          stamp_now (plan, result);     /* a version of its own */
      }
      break;

    case SAM_MERGE_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  if (!write_record (plan, item, result, revision, error))
    {
      g_prefix_error (error, "%s “%s”: ", g_str_equal (item->entity, "path") ? _("Path") : _("Actor"),
                      sam_merge_item_get_name (item));
      return FALSE;
    }
  {
    g_autofree char *hash = hash_record (result, audience);
    g_strlcpy (after->local_hash, hash, SAM_HASH_SIZE);
  }
  after->local_revision = revision;
  return TRUE;
}

static char *
summary_json (SamMergePlan *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char * const names[] = { "unchanged", "new", "updated", "deleted", "conflicts" };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, plan->source);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, sam_merge_plan_get_source_name (plan));
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, plan->file ? plan->file : "");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, plan->data->meta.version);
  if (plan->data->exported)
    {
      g_autofree char *exported = sam_timestamp_format (plan->data->exported);
      json_builder_set_member_name (b, "exported");
      json_builder_add_string_value (b, exported);
    }
  for (guint i = 0; i < SAM_MERGE_N_ACTIONS; i++)
    {
      json_builder_set_member_name (b, names[i]);
      json_builder_add_int_value (b, plan->counts[i]);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return node_text (root);
}

static gboolean
apply_in_transaction (SamMergePlan *plan, GError **error)
{
  gint64 mark = _sam_store_get_log_mark (plan->store);
  g_autofree char *summary = NULL;
  SamRegisterMeta meta = { 0 };

  if (mark != plan->log_mark)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_STALE,
                   _("The register was changed after the import was prepared. Nothing was "
                     "imported: prepare it again to see the changes."));
      return FALSE;
    }
  for (guint i = 0; i < plan->items->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->items, i);
      SamSeen after = { 0 };
      gboolean ok;

      if (!item->seen_dirty)
        continue;
      ok = apply_item (plan, item, &after, error) &&
           _sam_store_put_seen (plan->store, plan->source, item->entity, item->id, &after, error) &&
           (!plan->update_any ||
            _sam_store_put_seen (plan->store, "*", item->entity, item->id, &after, error));
      if (!ok)
        return FALSE;
    }
  summary = summary_json (plan);
  if (!sam_store_get_meta (plan->store, &meta, error))
    return FALSE;
  if (!_sam_store_put_source (plan->store, plan->data, plan->source, plan->file, error) ||
      !_sam_store_log_merge (plan->store, "register", meta.id ? meta.id : "", "merge", 0, NULL,
                             summary, error) ||
      !_sam_store_tag_log_source (plan->store, mark, plan->source, error))
    {
      sam_register_meta_clear (&meta);
      return FALSE;
    }
  sam_register_meta_clear (&meta);
  return TRUE;
}

gboolean
sam_merge_plan_apply (SamMergePlan  *plan,
                      gboolean       backup,
                      GError       **error)
{
  guint undecided;
  gboolean ok;

  g_return_val_if_fail (plan != NULL, FALSE);

  undecided = sam_merge_plan_count_undecided (plan);
  if (undecided > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < plan->conflicts->len; i++)
        {
          SamMergeItem *item = g_ptr_array_index (plan->conflicts, i);
          g_string_append_printf (list, "\n  %s %s (%s)", item->entity, item->id,
                                  sam_merge_item_get_name (item));
        }
      g_set_error (error, SAM_ERROR, SAM_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u record was changed both here and in the file; nothing was "
                                "imported. Choose which side to keep:%s",
                                "%u records were changed both here and in the file; nothing was "
                                "imported. Choose which side to keep:%s", plan->conflicts->len),
                   plan->conflicts->len, list->str);
      return FALSE;
    }
  if (sam_merge_plan_is_noop (plan))
    return TRUE;
  if (sam_store_is_read_only (plan->store))
    return _sam_store_begin (plan->store, error);   /* sets the read-only error */
  if (backup)
    {
      g_autoptr(SamBackup) copy = sam_backups_create (plan->store, "import", error);
      if (copy == NULL)
        return FALSE;
    }
  if (!_sam_store_begin (plan->store, error))
    return FALSE;
  _sam_store_set_merging (plan->store, TRUE);
  ok = apply_in_transaction (plan, error);
  _sam_store_set_merging (plan->store, FALSE);
  if (!ok)
    {
      _sam_store_rollback (plan->store);
      return FALSE;
    }
  return _sam_store_commit (plan->store, error);
}

/* Exports */

static gboolean note_seen (SamStore *store, const SamRegisterData *data, const char *source,
                           GError **error);

gboolean
sam_merge_note_export (SamStore               *store,
                       const SamRegisterData  *data,
                       GError                **error)
{
  return note_seen (store, data, NULL, error);
}

gboolean
sam_merge_note_import (SamStore               *store,
                       const SamRegisterData  *data,
                       const char             *file_name,
                       GError                **error)
{
  const char *source = data->source ? data->source : data->meta.id ? data->meta.id : "unknown";

  if (sam_store_is_read_only (store))
    return TRUE;
  if (!_sam_store_begin (store, error))
    return FALSE;
  if (!_sam_store_put_source (store, data, source, file_name, error))
    {
      _sam_store_rollback (store);
      return FALSE;
    }
  if (!_sam_store_exec (store, "COMMIT", error))
    return FALSE;
  return note_seen (store, data, source, error);
}

/* Writes what @data says as seen from @source (and as the last version
 * exchanged with anyone, '*'), for the records that are here as @data has
 * them. */
static gboolean
note_seen (SamStore *store, const SamRegisterData *data, const char *source, GError **error)
{
  g_autoptr(GHashTable) any = NULL;
  g_autoptr(GHashTable) actors = NULL;
  g_autoptr(GHashTable) paths = NULL;
  guint n = data->actors->len + data->paths->len + data->tombstones->len;

  /* a subset by audience is no base for files that carry every route */
  gboolean update_any = data->audience == SAM_VISIBILITY_INTERNAL;

  if (sam_store_is_read_only (store) || (source == NULL && !update_any))
    return TRUE;
  if (!_sam_store_begin (store, error))
    return FALSE;
  if ((any = _sam_store_load_seen (store, "*", error)) == NULL ||
      (actors = _sam_store_index_records (store, "actor", error)) == NULL ||
      (paths = _sam_store_index_records (store, "path", error)) == NULL)
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *hash = NULL;
      g_autofree char *key = NULL;
      const char *entity, *id;
      gint64 revision;
      SamLocalRecord *local;
      SamSeen *old, now;

      if (i < data->actors->len)
        {
          SamActor *actor = g_ptr_array_index (data->actors, i);
          entity = "actor", id = sam_actor_get_id (actor), revision = sam_actor_get_revision (actor);
          hash = sam_merge_hash_actor (actor, SAM_VISIBILITY_INTERNAL);
        }
      else if (i < data->actors->len + data->paths->len)
        {
          SamEscalationPath *path = g_ptr_array_index (data->paths, i - data->actors->len);
          entity = "path", id = sam_escalation_path_get_id (path);
          revision = sam_escalation_path_get_revision (path);
          hash = sam_merge_hash_path (path);
        }
      else
        {
          SamTombstone *t = g_ptr_array_index (data->tombstones, i - data->actors->len - data->paths->len);
          entity = g_str_equal (t->entity, "path") ? "path" : "actor", id = t->id, revision = t->revision;
          hash = g_strdup ("");
        }
      local = g_hash_table_lookup (entity[0] == 'p' ? paths : actors, id);
      if (local == NULL || local->revision != revision)
        continue;     /* changed since it was read: the next export notes it */
      key = g_strconcat (entity, ":", id, NULL);
      old = g_hash_table_lookup (any, key);
      now.seen_revision = now.local_revision = revision;
      g_strlcpy (now.seen_hash, hash, SAM_HASH_SIZE);
      g_strlcpy (now.local_hash, hash, SAM_HASH_SIZE);
      if (source != NULL && !_sam_store_put_seen (store, source, entity, id, &now, error))
        goto fail;
      if (!update_any || seen_matches (old, hash, revision, hash, revision))
        continue;
      if (!_sam_store_put_seen (store, "*", entity, id, &now, error))
        goto fail;
    }
  /* no ::changed: the register's contents are as they were */
  if (_sam_store_exec (store, "COMMIT", error))
    return TRUE;

fail:
  _sam_store_rollback (store);
  return FALSE;
}
