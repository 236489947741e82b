/* sam-export-hsds.c — Open Referral's Human Services Data Specification 3.0.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JSON object with HSDS's tables as arrays of flat records that name
 * each other by id, as the specification's tabular form has them:
 * organizations, services, locations, addresses, phones, schedules,
 * service_areas and languages. Each actor is an organization delivering
 * one service; its addresses are locations; its opening hours are weekly
 * schedules (byday, opens_at, closes_at) as far as iCalendar rules can say
 * them, with the whole text in the description. HSDS wants UUIDs: they are
 * derived from the register's ids, the same in every export.
 */
#define G_LOG_DOMAIN "sam-export"

#include "config.h"

#include <json-glib/json-glib.h>

#include "sam-areas.h"
#include "sam-export-private.h"
#include "sam-phone.h"

/* A table's records are written out after each actor, one a line, so a
 * large register never sits in memory as one JSON tree. */
typedef struct {
  const char *name;
  JsonArray *pending;
  GString *text;
  guint count;
} Table;

enum { ORGANIZATIONS, SERVICES, LOCATIONS, ADDRESSES, PHONES, SCHEDULES, SERVICE_AREAS,
       LANGUAGES, N_TABLES };

typedef struct {
  Table tables[N_TABLES];
  JsonGenerator *gen;
  SamLang lang;
} Tables;

static JsonObject *
record (Tables *t, guint table, const char *what, const char *id)
{
  JsonObject *obj = json_object_new ();
  g_autofree char *uuid = _sam_export_uuid (what, id);

  json_object_set_string_member (obj, "id", uuid);
  json_array_add_object_element (t->tables[table].pending, obj);
  return obj;
}

static void
flush (Tables *t)
{
  for (guint i = 0; i < N_TABLES; i++)
    {
      Table *table = &t->tables[i];

      for (guint k = 0; k < json_array_get_length (table->pending); k++)
        {
          g_autofree char *text = NULL;

          json_generator_set_root (t->gen, json_array_get_element (table->pending, k));
          text = json_generator_to_data (t->gen, NULL);
          g_string_append (table->text, table->count++ ? ",\n    " : "\n    ");
          g_string_append (table->text, text);
        }
      json_array_unref (table->pending);
      table->pending = json_array_new ();
    }
}

static void
set_string (JsonObject *obj, const char *member, const char *value)
{
  if (value && *value)
    json_object_set_string_member (obj, member, value);
}

static void
set_uuid (JsonObject *obj, const char *member, const char *what, const char *id)
{
  g_autofree char *uuid = _sam_export_uuid (what, id);

  json_object_set_string_member (obj, member, uuid);
}

/* The first route of one of the kinds, as its value. */
static const char *
first_value (SamActor *actor, SamRouteKind a, SamRouteKind b)
{
  GPtrArray *routes = sam_actor_get_routes (actor);

  for (guint i = 0; i < routes->len; i++)
    {
      SamRouteKind kind = sam_contact_route_get_kind (g_ptr_array_index (routes, i));
      if (kind == a || kind == b)
        return sam_contact_route_get_value (g_ptr_array_index (routes, i));
    }
  return NULL;
}

static const char *
other_name (SamActor *actor, SamLang lang)
{
  const char *name = _sam_export_actor_name (actor, lang);
  const char *other = sam_text_get (sam_actor_get_name (actor), lang == SAM_LANG_SV ? SAM_LANG_EN : SAM_LANG_SV);

  return other && g_strcmp0 (other, name) != 0 ? other : NULL;
}

static void
add_organization (Tables *t, SamActor *actor, GHashTable *in_file)
{
  JsonObject *org = record (t, ORGANIZATIONS, "actor", sam_actor_get_id (actor));
  const char *description = sam_text_get_best (sam_actor_get_description (actor), t->lang, NULL);
  const char *parent = sam_actor_get_parent_id (actor);

  json_object_set_string_member (org, "name", _sam_export_actor_name (actor, t->lang));
  set_string (org, "alternate_name", other_name (actor, t->lang));
  json_object_set_string_member (org, "description", description ? description : "");
  set_string (org, "email", first_value (actor, SAM_ROUTE_KIND_EMAIL, SAM_ROUTE_KIND_SECURE_EMAIL));
  set_string (org, "website", first_value (actor, SAM_ROUTE_KIND_WEB, SAM_ROUTE_KIND_WEB));
  if (parent && g_hash_table_contains (in_file, parent))
    set_uuid (org, "parent_organization_id", "actor", parent);
}

static void
add_service (Tables *t, SamActor *actor)
{
  JsonObject *service = record (t, SERVICES, "service", sam_actor_get_id (actor));
  const char *description = sam_text_get_best (sam_actor_get_description (actor), t->lang, NULL);
  GDateTime *updated = sam_actor_get_updated_at (actor);
  GDateTime *verified = sam_actor_get_verified_at (actor);

  set_uuid (service, "organization_id", "actor", sam_actor_get_id (actor));
  json_object_set_string_member (service, "name", _sam_export_actor_name (actor, t->lang));
  set_string (service, "alternate_name", other_name (actor, t->lang));
  set_string (service, "description", description);
  set_string (service, "url", first_value (actor, SAM_ROUTE_KIND_WEB, SAM_ROUTE_KIND_WEB));
  set_string (service, "email", first_value (actor, SAM_ROUTE_KIND_EMAIL, SAM_ROUTE_KIND_SECURE_EMAIL));
  json_object_set_string_member (service, "status", "active");
  if (updated)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (updated);
      g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
      json_object_set_string_member (service, "last_modified", text);
    }
  if (verified)
    {
      g_autofree char *text = g_date_time_format (verified, "%Y-%m-%d");
      json_object_set_string_member (service, "assured_date", text);
    }
}

static char *
route_key (SamActor *actor, SamContactRoute *route, guint index)
{
  const char *id = sam_contact_route_get_id (route);

  return id ? g_strdup_printf ("%s/%s", sam_actor_get_id (actor), id)
            : g_strdup_printf ("%s/#%u", sam_actor_get_id (actor), index);
}

static void
add_phone (Tables *t, SamActor *actor, SamContactRoute *route, const char *key)
{
  JsonObject *phone = record (t, PHONES, "route", key);
  const char *value = sam_contact_route_get_value (route);
  g_autofree char *number = sam_phone_format_international (value);
  const char *label = sam_text_get_best (sam_contact_route_get_label (route), t->lang, NULL);
  g_autofree char *hours = sam_schedule_format_in (sam_contact_route_get_hours (route), t->lang);
  g_autoptr(GString) description = g_string_new (_sam_export_route_kind_word (sam_contact_route_get_kind (route), t->lang));

  set_uuid (phone, "organization_id", "actor", sam_actor_get_id (actor));
  set_uuid (phone, "service_id", "service", sam_actor_get_id (actor));
  json_object_set_string_member (phone, "number", number);
  /* RFC 6350's words, as HSDS asks */
  if (sam_contact_route_get_kind (route) == SAM_ROUTE_KIND_SMS)
    json_object_set_string_member (phone, "type", "text");
  else
    json_object_set_string_member (phone, "type",
                                   sam_phone_get_kind (value) == SAM_PHONE_KIND_MOBILE ? "cell" : "voice");
  if (label && *label)
    g_string_append_printf (description, ": %s", label);
  if (hours)
    g_string_append_printf (description, " (%s)", hours);
  json_object_set_string_member (phone, "description", description->str);
}

/* The county of the actor's first municipality or county, for an address's state_province. */
static const char *
county_name (SamActor *actor, SamLang lang)
{
  GPtrArray *areas = sam_actor_get_areas (actor);

  for (guint i = 0; i < areas->len; i++)
    {
      const SamArea *area = sam_area_lookup (g_ptr_array_index (areas, i));

      if (area && area->kind == SAM_AREA_MUNICIPALITY)
        area = sam_area_lookup (area->county);
      if (area && area->kind == SAM_AREA_COUNTY)
        return area->name[lang];
    }
  return "";
}

static void
add_location (Tables *t, SamActor *actor, SamContactRoute *route, const char *key)
{
  JsonObject *location = record (t, LOCATIONS, "location", key);
  const char *value = sam_contact_route_get_value (route);
  const char *type = sam_contact_route_get_kind (route) == SAM_ROUTE_KIND_POSTAL_ADDRESS ? "postal" : "physical";
  g_autofree char *street = NULL, *code = NULL, *town = NULL;
  JsonObject *address;

  json_object_set_string_member (location, "location_type", type);
  set_uuid (location, "organization_id", "actor", sam_actor_get_id (actor));
  json_object_set_string_member (location, "name", _sam_export_actor_name (actor, t->lang));
  json_object_set_string_member (location, "description", value);
  if (!_sam_export_split_address (value, &street, &code, &town))
    return;
  address = record (t, ADDRESSES, "address", key);
  set_uuid (address, "location_id", "location", key);
  json_object_set_string_member (address, "address_1", street);
  json_object_set_string_member (address, "city", town);
  json_object_set_string_member (address, "state_province", county_name (actor, t->lang));
  json_object_set_string_member (address, "postal_code", code);
  json_object_set_string_member (address, "country", "SE");
  json_object_set_string_member (address, "address_type", type);
}

static void
add_routes (Tables *t, SamActor *actor)
{
  GPtrArray *routes = sam_actor_get_routes (actor);

  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      g_autofree char *key = route_key (actor, route, i);
      SamRouteKind kind = sam_contact_route_get_kind (route);

      if (sam_route_kind_is_phone (kind))   /* SMS too */
        add_phone (t, actor, route, key);
      else if (kind == SAM_ROUTE_KIND_VISITING_ADDRESS || kind == SAM_ROUTE_KIND_POSTAL_ADDRESS)
        add_location (t, actor, route, key);
    }
}

static char *
clock_text (guint minutes)
{
  minutes %= 24 * 60;
  return g_strdup_printf ("%02u:%02u", minutes / 60, minutes % 60);
}

/* "MO,TU,WE,TH,FR" for the weekdays of @days; NULL for holidays alone. */
static char *
byday_text (guint days)
{
  static const char * const names[7] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  GString *out = g_string_new (NULL);

  for (guint d = 0; d < 7; d++)
    if (days & (1u << d))
      g_string_append_printf (out, "%s%s", out->len ? "," : "", names[d]);
  return g_string_free (out, out->len == 0);
}

static JsonObject *
add_schedule (Tables *t, SamActor *actor, guint index, const char *description, const char *notes)
{
  g_autofree char *key = g_strdup_printf ("%s/%u", sam_actor_get_id (actor), index);
  JsonObject *schedule = record (t, SCHEDULES, "schedule", key);

  set_uuid (schedule, "service_id", "service", sam_actor_get_id (actor));
  json_object_set_string_member (schedule, "freq", "WEEKLY");
  json_object_set_string_member (schedule, "wkst", "MO");
  json_object_set_string_member (schedule, "description", description);
  json_object_set_string_member (schedule, "notes", notes);
  return schedule;
}

static void
add_schedules (Tables *t, SamActor *actor)
{
  SamSchedule *hours = sam_actor_get_hours (actor);
  g_autofree char *text = sam_schedule_format_in (hours, t->lang);
  g_autoptr(GArray) spans = NULL;
  const char *local = t->lang == SAM_LANG_SV ? "Svensk tid (Europe/Stockholm)."
                                             : "Swedish local time (Europe/Stockholm).";
  const char *next_day = t->lang == SAM_LANG_SV ? " Stänger nästa dag." : " Closes the next day.";

  if (hours == NULL)
    return;
  if (sam_schedule_is_always (hours))
    {
      JsonObject *s = add_schedule (t, actor, 0, text, local);
      json_object_set_string_member (s, "byday", "MO,TU,WE,TH,FR,SA,SU");
      json_object_set_string_member (s, "opens_at", "00:00");
      json_object_set_string_member (s, "closes_at", "23:59");
      return;
    }
  /* holidays have no iCalendar rule: the description says what they are */
  spans = sam_schedule_dup_spans (hours);
  for (guint i = 0; i < spans->len; i++)
    {
      const SamScheduleSpan *span = &g_array_index (spans, SamScheduleSpan, i);
      g_autofree char *byday = byday_text (span->days);
      g_autofree char *opens = clock_text (span->opens);
      g_autofree char *closes = clock_text (span->closes);
      g_autofree char *notes = g_strconcat (local, span->closes > 24 * 60 ? next_day : "", NULL);
      JsonObject *s;

      if (byday == NULL)
        continue;
      s = add_schedule (t, actor, i, text, notes);
      json_object_set_string_member (s, "byday", byday);
      json_object_set_string_member (s, "opens_at", opens);
      json_object_set_string_member (s, "closes_at", closes);
    }
}

static void
add_areas_and_languages (Tables *t, SamActor *actor)
{
  GPtrArray *areas = sam_actor_get_areas (actor);
  GPtrArray *languages = sam_actor_get_languages (actor);

  for (guint i = 0; i < areas->len; i++)
    {
      const char *code = g_ptr_array_index (areas, i);
      const SamArea *area = sam_area_lookup (code);
      g_autofree char *key = g_strdup_printf ("%s/%s", sam_actor_get_id (actor), code);
      JsonObject *obj = record (t, SERVICE_AREAS, "area", key);

      set_uuid (obj, "service_id", "service", sam_actor_get_id (actor));
      json_object_set_string_member (obj, "name", area ? area->name[t->lang] : code);
      /* Statistics Sweden's code of the municipality or county; SE the whole country */
      json_object_set_string_member (obj, "extent_type", "text");
      json_object_set_string_member (obj, "extent", code);
    }
  for (guint i = 0; i < languages->len; i++)
    {
      const char *code = g_ptr_array_index (languages, i);
      g_autofree char *key = g_strdup_printf ("%s/%s", sam_actor_get_id (actor), code);
      JsonObject *obj = record (t, LANGUAGES, "language", key);

      set_uuid (obj, "service_id", "service", sam_actor_get_id (actor));
      json_object_set_string_member (obj, "code", code);
      set_string (obj, "name", sam_language_get_label (code));
    }
}

void
_sam_export_hsds_write (GPtrArray *actors, SamLang lang, GString *out)
{
  static const char * const names[N_TABLES] = {
    "organizations", "services", "locations", "addresses", "phones", "schedules",
    "service_areas", "languages",
  };
  g_autoptr(GHashTable) in_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  Tables t = { .gen = gen, .lang = lang };

  /* one record a line: readable, and a change is a line in a diff */
  for (guint i = 0; i < N_TABLES; i++)
    t.tables[i] = (Table) { names[i], json_array_new (), g_string_new (NULL), 0 };
  for (guint i = 0; i < actors->len; i++)
    g_hash_table_add (in_file, (char *) sam_actor_get_id (g_ptr_array_index (actors, i)));
  for (guint i = 0; i < actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);

      add_organization (&t, actor, in_file);
      add_service (&t, actor);
      add_routes (&t, actor);
      add_schedules (&t, actor);
      add_areas_and_languages (&t, actor);
      flush (&t);
    }
  g_string_append_c (out, '{');
  for (guint i = 0; i < N_TABLES; i++)
    {
      Table *table = &t.tables[i];

      g_string_append_printf (out, "%s\n  \"%s\" : [%s%s]", i ? "," : "", table->name,
                              table->text->str, table->count ? "\n  " : "");
      json_array_unref (table->pending);
      g_string_free (table->text, TRUE);
    }
  g_string_append (out, "\n}\n");
}
