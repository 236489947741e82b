/* sam-register-xml-read.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the records of an exchange file (an actor, a path, the meta
 * data, the deleted records), each from its element as the stream reader
 * (sam-register-xml-stream.c) hands it over, checking every value.
 */
#define G_LOG_DOMAIN "sam-register-xml"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "sam-errors.h"
#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-register-xml-private.h"
#include "sam-model-private.h"
#include "sam-store-sync.h"

/* Loading guard */

/* Tree helpers */

static gboolean
is_element (xmlNodePtr node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name);
}

static char *
get_prop (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
get_content (xmlNodePtr node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* "sv", "SV" and "sv-SE" are Swedish; a language other than Swedish or
 * English, or a second text in the same language, is a problem. */
static void
read_text (xmlNodePtr node, SamText *text, Report *r)
{
  xmlChar *lang = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  g_autofree char *content = get_content (node);
  g_autofree char *primary = g_ascii_strdown ((const char *) lang ? (const char *) lang : "", -1);
  char *dash = strchr (primary, '-');
  SamLang l;

  if (dash)
    *dash = '\0';
  if (!sam_lang_from_string (primary, &l))
    _sam_xml_report (r, xmlGetLineNo (node), _("“%s” is written in the language “%s”; texts are in "
                                      "Swedish (sv) or English (en)"),
            (const char *) node->name, lang ? (const char *) lang : "");
  else if (sam_text_get (text, l) != NULL)
    _sam_xml_report (r, xmlGetLineNo (node), _("“%s” is given twice in the same language"),
            (const char *) node->name);
  else
    sam_text_set (text, l, content);
  xmlFree (lang);
}

static gint64
get_int_prop (xmlNodePtr node, const char *name, gint64 fallback)
{
  g_autofree char *value = get_prop (node, name);

  return value ? g_ascii_strtoll (value, NULL, 10) : fallback;
}

static GDateTime *
get_time_prop (xmlNodePtr node, const char *name, Report *r)
{
  g_autofree char *value = get_prop (node, name);
  GDateTime *dt = sam_timestamp_parse (value);

  if (value != NULL && dt == NULL)
    _sam_xml_report (r, xmlGetLineNo (node), _("“%s” is not a time such as 2026-11-25T12:00:00Z"), value);
  return dt;
}

static SamSchedule *
read_hours (xmlNodePtr node, Report *r)
{
  g_autofree char *text = get_content (node);
  g_autoptr(GError) error = NULL;
  SamSchedule *hours = r->hours && text ? g_hash_table_lookup (r->hours, text) : NULL;

  if (hours != NULL)
    return sam_schedule_ref (hours);
  hours = sam_schedule_parse (text, &error);
  if (hours == NULL)
    _sam_xml_report (r, xmlGetLineNo (node), "%s", error->message);
  else if (r->closed_on_holidays)
    sam_schedule_close_on_holidays (hours);
  /* a file of only different texts keeps a bounded number */
  if (hours != NULL && r->hours != NULL && text != NULL && g_hash_table_size (r->hours) < 1024)
    g_hash_table_insert (r->hours, g_strdup (text), sam_schedule_ref (hours));
  return hours;
}

static void
require_both (SamText *text, xmlNodePtr node, const char *what_sv, const char *what_en, Report *r)
{
  if (sam_text_get (text, SAM_LANG_SV) == NULL)
    _sam_xml_report (r, xmlGetLineNo (node), "%s", what_sv);
  if (sam_text_get (text, SAM_LANG_EN) == NULL)
    _sam_xml_report (r, xmlGetLineNo (node), "%s", what_en);
}

/* Actors */

static SamContactRoute *
read_route (xmlNodePtr node, Report *r)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *kind = get_prop (node, "kind");
  g_autofree char *visibility = get_prop (node, "visibility");
  g_autofree char *abroad = get_prop (node, "abroad");
  g_autoptr(SamContactRoute) route = sam_contact_route_new (id);
  SamRouteKind k = SAM_ROUTE_KIND_PHONE;
  SamVisibility v = SAM_VISIBILITY_INTERNAL;

  sam_route_kind_from_string (kind, &k);
  sam_visibility_from_string (visibility, &v);
  sam_contact_route_set_kind (route, k);
  sam_contact_route_set_visibility (route, v);
  /* xs:boolean: "true" or "1" */
  sam_contact_route_set_abroad (route, g_strcmp0 (abroad, "true") == 0 || g_strcmp0 (abroad, "1") == 0);
  for (xmlNodePtr c = node->children; c; c = c->next)
    {
      if (is_element (c, "label"))
        read_text (c, sam_contact_route_get_label (route), r);
      else if (is_element (c, "value"))
        {
          g_autofree char *value = get_content (c);
          g_autoptr(GError) error = NULL;

          if (!sam_contact_route_set_value (route, value, &error))
            _sam_xml_report (r, xmlGetLineNo (c), _("route “%s”: %s"), id, error->message);
        }
      else if (is_element (c, "hours"))
        {
          g_autoptr(SamSchedule) hours = read_hours (c, r);
          sam_contact_route_set_hours (route, hours);
        }
    }
  return g_steal_pointer (&route);
}

static void
read_actor_child (SamActor *actor, xmlNodePtr c, Report *r)
{
  g_autofree char *content = NULL;

  if (is_element (c, "name"))
    read_text (c, sam_actor_get_name (actor), r);
  else if (is_element (c, "description"))
    read_text (c, sam_actor_get_description (actor), r);
  else if (is_element (c, "areas"))
    {
      for (xmlNodePtr a = c->children; a; a = a->next)
        if (is_element (a, "area"))
          {
            g_autofree char *code = get_prop (a, "code");
            sam_actor_add_area (actor, code);
          }
    }
  else if (is_element (c, "target-group"))
    sam_actor_add_target_group (actor, content = get_content (c));
  else if (is_element (c, "language"))
    sam_actor_add_language (actor, content = get_content (c));
  else if (is_element (c, "tag"))
    sam_actor_add_tag (actor, content = get_content (c));
  else if (is_element (c, "hours"))
    {
      g_autoptr(SamSchedule) hours = read_hours (c, r);
      sam_actor_set_hours (actor, hours);
    }
  else if (is_element (c, "verified"))
    {
      g_autoptr(GDateTime) at = get_time_prop (c, "at", r);
      g_autofree char *by = get_prop (c, "by");
      sam_actor_set_verified (actor, at, by);
    }
  else if (is_element (c, "source"))
    {
      g_autofree char *read_on = get_prop (c, "read");
      sam_actor_set_source (actor, content = get_content (c), read_on);
    }
  else if (is_element (c, "route"))
    {
      g_autoptr(SamContactRoute) route = read_route (c, r);
      g_object_set_data (G_OBJECT (route), "line", GINT_TO_POINTER (xmlGetLineNo (c)));
      sam_actor_add_route (actor, route);
    }
}

/* The optional ancestry of a record: owner, history and changed fields. */
static SamAncestry *
read_ancestry (xmlNodePtr node)
{
  g_autofree char *owner = get_prop (node, "owner");
  g_autofree char *history = get_prop (node, "history");
  g_autofree char *changed = get_prop (node, "changed");

  if (owner == NULL && history == NULL)
    return NULL;
  return sam_ancestry_new (owner, history, changed);
}

SamActor *
_sam_xml_read_actor (xmlNodePtr node, Report *r)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *kind = get_prop (node, "kind");
  g_autofree char *parent = get_prop (node, "parent");
  g_autofree char *updated_by = get_prop (node, "updated-by");
  g_autoptr(GDateTime) updated = get_time_prop (node, "updated", r);
  g_autoptr(SamActor) actor = sam_actor_new (id);
  g_autoptr(GError) error = NULL;
  SamActorKind k = SAM_ACTOR_KIND_OTHER;

  sam_actor_kind_from_string (kind, &k);
  sam_actor_set_kind (actor, k);
  sam_actor_set_parent_id (actor, parent);
  /* the schema bounds both; the clamps keep a value in range whatever it says */
  sam_actor_set_review_days (actor, CLAMP (get_int_prop (node, "review-days", 365), 1, SAM_ACTOR_MAX_REVIEW_DAYS));
  sam_actor_set_revision (actor, CLAMP (get_int_prop (node, "revision", 1), 1, G_MAXINT32));
  sam_actor_set_updated (actor, updated, updated_by);
  _sam_record_set_ancestry (actor, read_ancestry (node));
  for (xmlNodePtr c = node->children; c; c = c->next)
    read_actor_child (actor, c, r);

  require_both (sam_actor_get_name (actor), node,
                _("the actor has no name in Swedish"), _("the actor has no name in English"), r);
  /* names are reported above; this checks the rest */
  if (!_sam_actor_validate_fields (actor, &error))
    _sam_xml_report (r, xmlGetLineNo (node), _("actor “%s”: %s"), id, error->message);
  return g_steal_pointer (&actor);
}

/* Paths */

/* <role kind="social-services" tag="socialjour" route="on-call-phone"
 * scope="municipality"/>: whom the step names for the user's area. */
static void
read_role (xmlNodePtr node, SamEscalationStep *step, Report *r)
{
  g_autofree char *kind = get_prop (node, "kind");
  g_autofree char *tag = get_prop (node, "tag");
  g_autofree char *route = get_prop (node, "route");
  g_autofree char *scope = get_prop (node, "scope");
  g_autoptr(SamStepRole) role = NULL;
  SamActorKind k;
  SamRouteKind rk = SAM_N_ROUTE_KINDS;
  SamRoleScope sc = SAM_ROLE_SCOPE_MUNICIPALITY;

  if (!sam_actor_kind_from_string (kind, &k))
    {
      _sam_xml_report (r, xmlGetLineNo (node), _("step “%s”: the role has an unknown actor kind “%s”"),
                       sam_escalation_step_get_id (step), kind ? kind : "");
      return;
    }
  if (route != NULL && !sam_route_kind_from_string (route, &rk))
    _sam_xml_report (r, xmlGetLineNo (node), _("step “%s”: the role has an unknown route kind “%s”"),
                     sam_escalation_step_get_id (step), route);
  if (scope != NULL && !sam_role_scope_from_string (scope, &sc))
    _sam_xml_report (r, xmlGetLineNo (node), _("step “%s”: the role has an unknown scope “%s”"),
                     sam_escalation_step_get_id (step), scope);
  role = sam_step_role_new (k, tag, sc);
  sam_step_role_set_route_kind (role, rk);
  sam_escalation_step_set_role (step, role);
}

static SamEscalationStep *
read_step (xmlNodePtr node, Report *r)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *kind = get_prop (node, "kind");
  g_autofree char *actor = get_prop (node, "actor");
  g_autofree char *route = get_prop (node, "route");
  g_autofree char *urgency = get_prop (node, "urgency");
  g_autofree char *next = get_prop (node, "next");
  SamStepKind k = SAM_STEP_KIND_NOTE;
  SamUrgency u = SAM_URGENCY_NONE;
  SamEscalationStep *step;

  sam_step_kind_from_string (kind, &k);
  step = sam_escalation_step_new (id, k);
  sam_escalation_step_set_contact (step, actor, route);
  if (sam_urgency_from_string (urgency, &u))
    sam_escalation_step_set_urgency (step, u);
  sam_escalation_step_set_next (step, next);
  for (xmlNodePtr c = node->children; c; c = c->next)
    {
      if (is_element (c, "text"))
        read_text (c, sam_escalation_step_get_text (step), r);
      else if (is_element (c, "legal-ref"))
        read_text (c, sam_escalation_step_get_legal_ref (step), r);
      else if (is_element (c, "answer"))
        {
          g_autofree char *a_next = get_prop (c, "next");
          g_autofree char *a_path = get_prop (c, "path");
          SamStepAnswer *answer = sam_escalation_step_add_answer (step, a_next, a_path);

          if ((a_next == NULL) == (a_path == NULL))
            _sam_xml_report (r, xmlGetLineNo (c), _("step “%s”: an answer leads to one step (next) or "
                                           "one other path (path)"), id);
          for (xmlNodePtr l = c->children; l; l = l->next)
            if (is_element (l, "label"))
              read_text (l, &answer->label, r);
        }
      else if (is_element (c, "role"))
        read_role (c, step, r);
      else if (is_element (c, "fallback"))
        {
          g_autofree char *f_actor = get_prop (c, "actor");
          g_autofree char *f_route = get_prop (c, "route");

          sam_escalation_step_add_fallback (step, f_actor, f_route);
        }
    }
  return step;
}

SamEscalationPath *
_sam_xml_read_path (xmlNodePtr node, Report *r)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *situation = get_prop (node, "situation");
  g_autofree char *area = get_prop (node, "area");
  g_autofree char *start = get_prop (node, "start");
  g_autofree char *updated_by = get_prop (node, "updated-by");
  g_autoptr(GDateTime) updated = get_time_prop (node, "updated", r);
  SamEscalationPath *path = sam_escalation_path_new (id);
  SamSituation s = SAM_SITUATION_OTHER;

  sam_situation_from_string (situation, &s);
  sam_escalation_path_set_situation (path, s);
  sam_escalation_path_set_area (path, area);
  sam_escalation_path_set_start (path, start);
  sam_escalation_path_set_revision (path, CLAMP (get_int_prop (node, "revision", 1), 1, G_MAXINT32));
  sam_escalation_path_set_updated (path, updated, updated_by);
  _sam_record_set_ancestry (path, read_ancestry (node));
  for (xmlNodePtr c = node->children; c; c = c->next)
    {
      if (is_element (c, "title"))
        read_text (c, sam_escalation_path_get_title (path), r);
      else if (is_element (c, "summary"))
        read_text (c, sam_escalation_path_get_summary (path), r);
      else if (is_element (c, "step"))
        {
          g_autoptr(SamEscalationStep) step = read_step (c, r);
          g_object_set_data (G_OBJECT (step), "line", GINT_TO_POINTER (xmlGetLineNo (c)));
          sam_escalation_path_add_step (path, step);
        }
    }
  if (sam_escalation_path_find_step (path, start) == NULL)
    _sam_xml_report (r, xmlGetLineNo (node), _("path “%s”: the start step “%s” is not in the path"),
            id, start);
  return path;
}

void
_sam_xml_read_meta (SamRegisterData *data, xmlNodePtr node, Report *r)
{
  data->meta.id = get_prop (node, "id");
  for (xmlNodePtr c = node->children; c; c = c->next)
    {
      g_autofree char *content = NULL;

      if (is_element (c, "name"))
        read_text (c, &data->meta.name, r);
      else if (is_element (c, "owner"))
        data->meta.owner = get_content (c);
      else if (is_element (c, "register-version"))
        data->meta.version = g_ascii_strtoll (content = get_content (c), NULL, 10);
      else if (is_element (c, "published"))
        {
          data->meta.published = sam_timestamp_parse (content = get_content (c));
          if (data->meta.published == NULL)
            _sam_xml_report (r, xmlGetLineNo (c), _("“%s” is not a time such as 2026-11-25T12:00:00Z"), content);
        }
    }
}

void
_sam_xml_read_tombstones (SamRegisterData *data, xmlNodePtr node, Report *r)
{
  for (xmlNodePtr t = node->children; t; t = t->next)
    if (is_element (t, "tombstone"))
      {
        SamTombstone *tombstone = g_new0 (SamTombstone, 1);

        tombstone->entity = get_prop (t, "entity");
        tombstone->id = get_prop (t, "id");
        tombstone->revision = CLAMP (get_int_prop (t, "revision", 1), 1, G_MAXINT32);
        tombstone->deleted = get_time_prop (t, "deleted", r);
        tombstone->line = xmlGetLineNo (t);
        tombstone->ancestry = read_ancestry (t);
        g_ptr_array_add (data->tombstones, tombstone);
      }
}

/* The root element, from its start tag (its children are not read yet):
 * FALSE when the file is not a register this version can read. */
gboolean
_sam_xml_read_root (SamRegisterData *data, xmlNodePtr root, Report *r)
{
  g_autofree char *version = get_prop (root, "version");
  g_autofree char *audience = get_prop (root, "audience");

  if (root->ns == NULL || !xmlStrEqual (root->ns->href, (const xmlChar *) SAM_REGISTER_XML_NS) ||
      !is_element (root, "register"))
    {
      _sam_xml_report (r, xmlGetLineNo (root), _("this is not a Samverkan register file"));
      return FALSE;
    }
  if (version && g_ascii_strtoll (version, NULL, 10) > SAM_REGISTER_XML_VERSION)
    {
      _sam_xml_report (r, xmlGetLineNo (root),
              _("the file is in format version %s, made by a newer Samverkan; this "
                "version reads version %d"), version, SAM_REGISTER_XML_VERSION);
      return FALSE;
    }
  r->closed_on_holidays = version && g_ascii_strtoll (version, NULL, 10) < 2;
  data->source = get_prop (root, "source");
  data->exported = get_time_prop (root, "exported", r);
  if (audience)
    sam_visibility_from_string (audience, &data->audience);
  return TRUE;
}
