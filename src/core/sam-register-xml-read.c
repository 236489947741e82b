/* sam-register-xml-read.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading exchange files. Files come from other agencies and the network,
 * so the parser never loads anything: a DOCTYPE stops it at once (that is
 * where XXE and billion-laughs entities live), the only external resource
 * the schema may load is our own copy of xml.xsd, served from memory.
 */
#define G_LOG_DOMAIN "sam-register-xml"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "sam-errors.h"
#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-register-xml-private.h"
#include "sam-store-private.h"

#define RESOURCE_DIR "/io/github/samverkan/Samverkan/core/"

SamRegisterData *
sam_register_data_new (void)
{
  SamRegisterData *data = g_new0 (SamRegisterData, 1);

  data->actors = g_ptr_array_new_with_free_func (g_object_unref);
  data->paths = g_ptr_array_new_with_free_func (g_object_unref);
  data->tombstones = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_tombstone_free);
  data->audience = SAM_VISIBILITY_INTERNAL;
  return data;
}

void
sam_tombstone_free (SamTombstone *tombstone)
{
  g_free (tombstone->entity);
  g_free (tombstone->id);
  g_clear_pointer (&tombstone->deleted, g_date_time_unref);
  g_free (tombstone);
}

void
sam_register_data_free (SamRegisterData *data)
{
  sam_register_meta_clear (&data->meta);
  g_ptr_array_unref (data->actors);
  g_ptr_array_unref (data->paths);
  g_ptr_array_unref (data->tombstones);
  g_free (data->source);
  g_clear_pointer (&data->exported, g_date_time_unref);
  g_free (data);
}

/* Loading guard */

static GBytes *
lookup_resource (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  return g_resources_lookup_data (path, 0, NULL);
}

static xmlParserInputPtr
refuse_external_loader (const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
  static GBytes *xml_xsd;

  /* The schema imports the xml: namespace schema; that alone is served */
  if (url != NULL && g_str_has_suffix (url, "xml.xsd"))
    {
      if (xml_xsd == NULL)
        xml_xsd = lookup_resource ("xml.xsd");
      return xmlNewStringInputStream (ctxt, g_bytes_get_data (xml_xsd, NULL));
    }
  return NULL;
}

static void
install_loader (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      xmlSetExternalEntityLoader (refuse_external_loader);
      g_once_init_leave (&once, 1);
    }
}

static void
refuse_doctype (void *ctx, const xmlChar *name, const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Report *r = ctxt->_private;

  r->unsafe = TRUE;
  _sam_xml_report (r, xmlSAX2GetLineNumber (ctxt),
          _("the file declares a DOCTYPE; exchange files may not declare entities or "
            "load other files"));
  xmlStopParser (ctxt);
}

static void
collect_error (void *user_data, xmlErrorPtr error)
{
  Report *r = user_data;
  g_autofree char *raw = g_strstrip (g_strdup (error->message ? error->message : "?"));
  g_auto(GStrv) parts = g_strsplit (raw, "{" SAM_REGISTER_XML_NS "}", -1);
  /* "Element '{https://…/1}actor'" reads better as "Element 'actor'" */
  g_autofree char *message = g_strjoinv ("", parts);

  /* Stopping the parser on a DOCTYPE is reported once, above */
  if (r->unsafe && error->domain == XML_FROM_PARSER)
    return;
  /* The commonest ways a file is broken get a sentence of their own before
   * libxml2's words, once each */
  if (error->domain == XML_FROM_PARSER || error->domain == XML_FROM_IO ||
      error->domain == XML_FROM_I18N)
    {
      const char *plain = NULL;
      int kind = 0;

      switch (error->code)
        {
        case XML_ERR_INVALID_CHAR:
        case XML_ERR_INVALID_ENCODING:
        case XML_ERR_UNKNOWN_ENCODING:
        case XML_ERR_UNSUPPORTED_ENCODING:
        case XML_I18N_CONV_FAILED:
          plain = _("the file is not valid UTF-8 text (it may be in another encoding, or not "
                    "be text at all)");
          kind = 1;
          break;
        case XML_ERR_DOCUMENT_END:
        case XML_ERR_TAG_NOT_FINISHED:
        case XML_ERR_LTSLASH_REQUIRED:
        case XML_ERR_GT_REQUIRED:
        case XML_ERR_EXT_SUBSET_NOT_FINISHED:
        case XML_ERR_ATTRIBUTE_NOT_FINISHED:
        case XML_ERR_LITERAL_NOT_FINISHED:
        case XML_ERR_COMMENT_NOT_FINISHED:
        case XML_ERR_CDATA_NOT_FINISHED:
        case XML_ERR_PI_NOT_FINISHED:
        case XML_ERR_DOCUMENT_EMPTY:
          plain = _("the file ends before the register does: it may have been cut off while "
                    "it was copied or downloaded");
          kind = 2;
          break;
        case XML_ERR_INTERNAL_ERROR:
          if (error->message && strstr (error->message, "depth") != NULL)
            {
              plain = _("the elements are nested too deeply for a register file");
              kind = 4;
            }
          else if (error->message && (strstr (error->message, "huge") != NULL ||
                                      strstr (error->message, "Huge") != NULL))
            {
              plain = _("a text in the file is too long for a register file");
              kind = 8;
            }
          break;
        default:
          break;
        }
      if (plain != NULL && !(r->said & kind))
        {
          r->said |= kind;
          _sam_xml_report (r, error->line, "%s", plain);
        }
    }
  _sam_xml_report (r, error->line, "%s", message);
}

static xmlDocPtr
parse_document (const char *data, gsize length, const char *filename, Report *r)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  xmlDocPtr doc;

  if (ctxt == NULL)
    return NULL;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->_private = r;
  xmlSetStructuredErrorFunc (r, collect_error);
  doc = xmlCtxtReadMemory (ctxt, data, (int) MIN (length, G_MAXINT), filename, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (doc != NULL && (r->unsafe || doc->intSubset != NULL || !ctxt->wellFormed))
    g_clear_pointer (&doc, xmlFreeDoc);
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* The schema without its xs:key, xs:keyref and xs:unique: the reader
 * checks ids and references itself, with hash tables, in a fraction of the
 * time libxml2 takes for identity constraints (3 of 4 s of validating
 * 100,000 actors). data/register.xsd keeps them for other tools. Parsed once. */
static void
strip_identity_constraints (xmlNodePtr node)
{
  xmlNodePtr next;

  for (xmlNodePtr c = node->children; c; c = next)
    {
      next = c->next;
      if (c->type == XML_ELEMENT_NODE &&
          (xmlStrEqual (c->name, (const xmlChar *) "key") ||
           xmlStrEqual (c->name, (const xmlChar *) "keyref") ||
           xmlStrEqual (c->name, (const xmlChar *) "unique")))
        {
          xmlUnlinkNode (c);
          xmlFreeNode (c);
        }
      else
        strip_identity_constraints (c);
    }
}

static xmlSchemaPtr
get_schema (void)
{
  static gsize once;
  static xmlSchemaPtr schema;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) xsd = lookup_resource ("register.xsd");
      xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (xsd, NULL), g_bytes_get_size (xsd),
                                     "register.xsd", NULL, XML_PARSE_NONET);
      xmlSchemaParserCtxtPtr pctxt;

      strip_identity_constraints (xmlDocGetRootElement (doc));
      pctxt = xmlSchemaNewDocParserCtxt (doc);
      schema = xmlSchemaParse (pctxt);
      xmlSchemaFreeParserCtxt (pctxt);
      xmlFreeDoc (doc);
      if (schema == NULL)
        g_error ("The program's own register.xsd does not load");
      g_once_init_leave (&once, 1);
    }
  return schema;
}

static gboolean
validate_schema (xmlDocPtr doc, Report *r)
{
  xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt (get_schema ());
  int rc;

  xmlSchemaSetValidStructuredErrors (vctxt, collect_error, r);
  rc = xmlSchemaValidateDoc (vctxt, doc);
  xmlSchemaFreeValidCtxt (vctxt);
  return rc == 0;
}

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
  SamSchedule *hours = sam_schedule_parse (text, &error);

  if (hours == NULL)
    _sam_xml_report (r, xmlGetLineNo (node), "%s", error->message);
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
  g_autoptr(SamContactRoute) route = sam_contact_route_new (id);
  SamRouteKind k = SAM_ROUTE_KIND_PHONE;
  SamVisibility v = SAM_VISIBILITY_INTERNAL;

  sam_route_kind_from_string (kind, &k);
  sam_visibility_from_string (visibility, &v);
  sam_contact_route_set_kind (route, k);
  sam_contact_route_set_visibility (route, v);
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
  else if (is_element (c, "route"))
    {
      g_autoptr(SamContactRoute) route = read_route (c, r);
      g_object_set_data (G_OBJECT (route), "line", GINT_TO_POINTER (xmlGetLineNo (c)));
      sam_actor_add_route (actor, route);
    }
}

static SamActor *
read_actor (xmlNodePtr node, Report *r)
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
      else if (is_element (c, "fallback"))
        {
          g_autofree char *f_actor = get_prop (c, "actor");
          g_autofree char *f_route = get_prop (c, "route");

          sam_escalation_step_add_fallback (step, f_actor, f_route);
        }
    }
  return step;
}

static SamEscalationPath *
read_path (xmlNodePtr node, Report *r)
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

static void
read_meta (SamRegisterData *data, xmlNodePtr node, Report *r)
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

static void
read_tombstones (SamRegisterData *data, xmlNodePtr node, Report *r)
{
  for (xmlNodePtr t = node->children; t; t = t->next)
    if (is_element (t, "tombstone"))
      {
        SamTombstone *tombstone = g_new0 (SamTombstone, 1);

        tombstone->entity = get_prop (t, "entity");
        tombstone->id = get_prop (t, "id");
        tombstone->revision = CLAMP (get_int_prop (t, "revision", 1), 1, G_MAXINT32);
        tombstone->deleted = get_time_prop (t, "deleted", r);
        g_ptr_array_add (data->tombstones, tombstone);
      }
}

static SamRegisterData *
read_register (xmlNodePtr root, Report *r)
{
  g_autoptr(SamRegisterData) data = sam_register_data_new ();
  g_autofree char *audience = get_prop (root, "audience");

  data->source = get_prop (root, "source");
  data->exported = get_time_prop (root, "exported", r);
  if (audience)
    sam_visibility_from_string (audience, &data->audience);
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (is_element (c, "tombstones"))
        read_tombstones (data, c, r);
      else if (is_element (c, "meta"))
        read_meta (data, c, r);
      else if (is_element (c, "actors"))
        {
          for (xmlNodePtr a = c->children; a; a = a->next)
            if (is_element (a, "actor"))
              {
                SamActor *actor = read_actor (a, r);
                g_object_set_data (G_OBJECT (actor), "line", GINT_TO_POINTER (xmlGetLineNo (a)));
                g_ptr_array_add (data->actors, actor);
              }
        }
      else if (is_element (c, "paths"))
        {
          for (xmlNodePtr p = c->children; p; p = p->next)
            if (is_element (p, "path"))
              {
                SamEscalationPath *path = read_path (p, r);
                g_object_set_data (G_OBJECT (path), "line", GINT_TO_POINTER (xmlGetLineNo (p)));
                g_ptr_array_add (data->paths, path);
              }
        }
    }
  _sam_register_xml_check_references (data, r);
  return g_steal_pointer (&data);
}

static gboolean
check_version (xmlNodePtr root, Report *r)
{
  g_autofree char *version = get_prop (root, "version");

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
  return TRUE;
}

static void
set_problems_error (GError **error, const char *filename, Report *r)
{
  g_autofree char *list = NULL;

  g_ptr_array_add (r->problems, NULL);
  list = g_strjoinv ("\n", (char **) r->problems->pdata);
  g_ptr_array_remove_index (r->problems, r->problems->len - 1);
  g_set_error (error, SAM_ERROR, r->unsafe ? SAM_ERROR_UNSAFE : SAM_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "%s has %u problem; nothing was imported:\n%s",
                            "%s has %u problems; nothing was imported:\n%s", r->problems->len),
               filename ? filename : _("The file"), r->problems->len, list);
}

SamRegisterData *
sam_register_xml_parse (const char  *data,
                        gsize        length,
                        const char  *filename,
                        GPtrArray   *problems,
                        GError     **error)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  Report r = { problems ? problems : own, FALSE, 0 };
  guint before = r.problems->len;
  g_autoptr(SamRegisterData) result = NULL;
  xmlDocPtr doc;

  install_loader ();
  if (length > sam_register_xml_get_max_size () || length > G_MAXINT)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (MIN (sam_register_xml_get_max_size (), (gsize) G_MAXINT));

      _sam_xml_report (&r, 0, _("the file is %s; register files larger than %s are not read"), size, max);
      set_problems_error (error, filename, &r);
      return NULL;
    }
  doc = parse_document (data, length, filename, &r);
  if (doc != NULL && xmlDocGetRootElement (doc) == NULL)
    _sam_xml_report (&r, 0, _("the file is empty"));
  else if (doc != NULL && check_version (xmlDocGetRootElement (doc), &r) &&
           validate_schema (doc, &r))
    result = read_register (xmlDocGetRootElement (doc), &r);
  if (doc == NULL && r.problems->len == before)
    _sam_xml_report (&r, 0, _("the file is not well-formed XML"));
  g_clear_pointer (&doc, xmlFreeDoc);

  if (r.problems->len > before)
    {
      set_problems_error (error, filename, &r);
      return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
sam_register_xml_import (SamStore      *store,
                         GFile         *file,
                         GPtrArray     *problems,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(SamRegisterData) data = NULL;
  gsize length;

  if (!sam_register_xml_load_file (file, &contents, &length, cancellable, error))
    return FALSE;
  data = sam_register_xml_parse (contents, length, name, problems, error);
  if (data == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!sam_store_import (store, &data->meta, data->actors, data->paths, error))
    return FALSE;
  /* the file's source now has a history here: a later merge with it is three-way */
  {
    g_autoptr(GError) local_error = NULL;
    if (!sam_merge_note_import (store, data, name, &local_error))
      g_debug ("%s was imported, but not noted for later merges: %s", name, local_error->message);
  }
  return TRUE;
}

gsize
sam_register_xml_get_max_size (void)
{
  const char *env = g_getenv ("SAMVERKAN_MAX_IMPORT_SIZE");
  guint64 value;

  if (env && g_ascii_string_to_unsigned (env, 10, 1, G_MAXSIZE, &value, NULL))
    return (gsize) value;
  return SAM_REGISTER_XML_MAX_SIZE;
}

gboolean
sam_register_xml_load_file (GFile         *file,
                            char         **contents,
                            gsize         *length,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);
  gsize max = MIN (sam_register_xml_get_max_size (), (gsize) G_MAXINT);

  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID, _("%s is a folder, not a register file."), name);
      return FALSE;
    }
  if ((guint64) g_file_info_get_size (info) > max)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (max);

      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("%s is %s; register files larger than %s are not read. Export a part of the "
                     "register (by area or kind) instead."), name, size, limit);
      return FALSE;
    }
  return g_file_load_contents (file, cancellable, contents, length, NULL, error);
}
