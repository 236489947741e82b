/* sam-register-xml-stream.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading exchange files as a stream: libxml2's reader validates against
 * the schema as it parses, and each record is built from its element and
 * handed on (to the store, when importing) before the next is parsed, so
 * a large file never sits in memory as a tree.
 *
 * Files come from other agencies and the network, so the parser never
 * loads anything: a file that declares a DOCTYPE (where XXE and
 * billion-laughs entities live) is refused before parsing starts (by
 * sam-register-xml-input.c, which also opens the file), and the only
 * external resource the schema may load is our own copy of xml.xsd,
 * served from memory.
 */
#define G_LOG_DOMAIN "sam-register-xml"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include "sam-errors.h"
#include "sam-register-xml.h"
#include "sam-register-xml-input-private.h"
#include "sam-register-xml-private.h"

#define RESOURCE_DIR "/io/github/samverkan/Samverkan/core/"

#define READ_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS | \
                      XML_PARSE_COMPACT | XML_PARSE_BIG_LINES)

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

/* libxml2 lists every value of a long enumeration (the 313 area codes)
 * and the whole of a long pattern (opening hours): the field and the value
 * say enough. Takes @message. */
static char *
shorten_schema_message (char *message)
{
  const char *at = strstr (message, " is not an element of the set {");
  const char *pattern = strstr (message, " is not accepted by the pattern '");
  char *shorter;

  if (at != NULL && strlen (at) > 120)
    shorter = g_strdup_printf ("%.*s %s", (int) (at - message), message,
                               _("is not one of the values the format allows."));
  else if (pattern != NULL && strlen (pattern) > 120)
    shorter = g_strdup_printf ("%.*s %s", (int) (pattern - message), message,
                               _("is not written the way the format allows."));
  else
    return message;
  g_free (message);
  return shorter;
}

static void
collect_error (void *user_data, xmlErrorPtr error)
{
  Report *r = user_data;
  g_autofree char *raw = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *message = NULL;

  if (r->problems->len + r->invalid->len >= SAM_XML_MAX_PROBLEMS)
    {
      r->too_many = r->broken = TRUE;
      return;
    }
  raw = g_strstrip (g_strdup (error->message ? error->message : "?"));
  parts = g_strsplit (raw, "{" SAM_REGISTER_XML_NS "}", -1);
  /* "Element '{https://…/1}actor'" reads better as "Element 'actor'" */
  message = g_strjoinv ("", parts);

  r->broken = TRUE;
  if (error->domain == XML_FROM_SCHEMASV)
    {
      int line = MAX (error->line, 0);

      message = shorten_schema_message (g_steal_pointer (&message));
      g_ptr_array_add (r->invalid, line > 0
                       ? g_strdup_printf (_("line %d: %s"), line, message)
                       : g_steal_pointer (&message));
      g_array_append_val (r->invalid_lines, line);
      return;
    }
  r->malformed = TRUE;
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
          /* Reading as a stream, libxml2 says "Extra content at the end of
           * the document" both for a file cut off inside the root and for
           * something after it; only the first is a file cut off, and its
           * words are then wrong. */
          {
            xmlParserCtxtPtr ctxt = error->ctxt;

            if (ctxt == NULL || ctxt->nameNr == 0)
              break;
          }
          g_clear_pointer (&message, g_free);
          G_GNUC_FALLTHROUGH;
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
        case XML_ERR_NO_MEMORY:   /* "xmlSAX2Characters: huge text node" */
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
  if (message != NULL)
    _sam_xml_report (r, error->line, "%s", message);
}

static void
ignore_generic_error (void *user_data, const char *format, ...)
{
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

typedef struct {
  Report *r;
  guint before;           /* problems reported before this file */
  SamRegisterData *data;
  SamXmlCheck *check;
  SamXmlActorFunc func;
  gpointer user_data;
  gboolean stopped;       /* by @func */
} Stream;

/* No problem at all so far: records may go on to @func. */
static gboolean
clean (Stream *s)
{
  return s->r->problems->len == s->before && !s->r->broken;
}

/* One element at depth 1 or 2 the reader has expanded: a record. */
static void
take_record (Stream *s, xmlNodePtr node)
{
  /* the reading functions expect what the schema allows */
  if (s->r->broken)
    return;
  if (xmlStrEqual (node->name, (const xmlChar *) "actor"))
    {
      SamActor *actor = _sam_xml_read_actor (node, s->r);
      int line = xmlGetLineNo (node);

      _sam_xml_check_actor (s->check, actor, line, s->r);
      if (clean (s))
        s->stopped = !s->func (actor, line, s->user_data);
      else
        g_object_unref (actor);
    }
  else if (xmlStrEqual (node->name, (const xmlChar *) "path"))
    {
      SamEscalationPath *path = _sam_xml_read_path (node, s->r);

      g_object_set_data (G_OBJECT (path), "line", GINT_TO_POINTER (xmlGetLineNo (node)));
      g_ptr_array_add (s->data->paths, path);
    }
  else if (xmlStrEqual (node->name, (const xmlChar *) "meta"))
    _sam_xml_read_meta (s->data, node, s->r);
  else if (xmlStrEqual (node->name, (const xmlChar *) "tombstones"))
    _sam_xml_read_tombstones (s->data, node, s->r);
}

static gboolean
is_record (int depth, const char *name)
{
  if (depth == 1)
    return g_str_equal (name, "meta") || g_str_equal (name, "tombstones");
  return depth == 2 && (g_str_equal (name, "actor") || g_str_equal (name, "path"));
}

/* Walks the file: the root's start tag, then each record whole. */
static void
walk (Stream *s, xmlTextReaderPtr reader)
{
  gboolean root = FALSE;
  int ret = xmlTextReaderRead (reader);

  while (ret == 1 && !s->stopped && !s->r->too_many)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          /* the input finds them first; this is the second lock */
          _sam_xml_refuse_doctype (s->r, xmlTextReaderGetParserLineNumber (reader));
          return;
        }
      if (type == XML_READER_TYPE_ELEMENT && depth == 0)
        {
          root = TRUE;
          if (!_sam_xml_read_root (s->data, xmlTextReaderCurrentNode (reader), s->r))
            {
              /* what the schema said of a root it does not know adds nothing */
              g_ptr_array_set_size (s->r->invalid, 0);
              s->r->broken = TRUE;
              return;
            }
        }
      else if (type == XML_READER_TYPE_ELEMENT &&
               is_record (depth, (const char *) xmlTextReaderConstLocalName (reader)))
        {
          xmlNodePtr node = xmlTextReaderExpand (reader);

          /* libxml2 has said why, unless it ran out of memory */
          if (node == NULL)
            {
              if (clean (s))
                _sam_xml_report (s->r, 0, _("the file is not well-formed XML"));
              return;
            }
          take_record (s, node);
          ret = xmlTextReaderNext (reader);
          continue;
        }
      ret = xmlTextReaderRead (reader);
    }
  if (s->stopped)
    return;
  if (ret < 0 && clean (s))
    _sam_xml_report (s->r, 0, _("the file is not well-formed XML"));
  else if (!root && clean (s))
    _sam_xml_report (s->r, 0, _("the file is empty"));
}

void
_sam_register_xml_prepare (void)
{
  xmlInitParser ();
  install_loader ();
  get_schema ();
}

/* libxml2's words after a stop of our own add nothing */
static void
forget_since (Report *r, guint before)
{
  g_ptr_array_set_size (r->problems, before);
  if (r->invalid)
    g_ptr_array_set_size (r->invalid, 0);
  if (r->invalid_lines)
    g_array_set_size (r->invalid_lines, 0);
  r->said = 0;
  r->malformed = FALSE;
}

static gboolean
read_stream (GInputStream    *in,
             const char      *filename,
             Report          *r,
             SamRegisterData *data,
             SamXmlActorFunc  func,
             gpointer         user_data)
{
  Stream s = { r, r->problems->len, data, NULL, func, user_data, FALSE };
  /* libxml2 asks for 4 kB at a time: read from the file in larger
   * pieces (two system calls each time, a read and a poll, were 2 % of an
   * import's time) */
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new_sized (in, 256 * 1024);
  Source src = { .in = buffered, .prolog = g_byte_array_new (), .line = 1, .run_line = 1 };
  xmlTextReaderPtr reader;

  src.max = MIN (sam_register_xml_get_max_size (), (gsize) G_MAXINT);
  _sam_register_xml_prepare ();
  if (!_sam_xml_source_fill_prolog (&src) || src.doctype_line > 0)
    {
      _sam_xml_source_report_stop (r, &src);
      g_byte_array_unref (src.prolog);
      return FALSE;
    }
  if (!_sam_xml_source_sniff (&src, r))
    {
      g_byte_array_unref (src.prolog);
      return FALSE;
    }
  /* Not xmlTextReaderSetStructuredErrorHandler: with a schema set,
   * libxml2 2.9 then loses the parser's errors (or crashes on them when
   * set after the schema). The handlers of this thread get them all,
   * and nothing of libxml2's own words reaches stderr. */
  r->invalid = g_ptr_array_new_with_free_func (g_free);
  r->invalid_lines = g_array_new (FALSE, FALSE, sizeof (int));
  xmlSetStructuredErrorFunc (r, collect_error);
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  reader = xmlReaderForIO (_sam_xml_source_read_cb, _sam_xml_source_close_cb, &src, filename, "UTF-8", READ_OPTIONS);
  if (reader == NULL)
    {
      xmlSetStructuredErrorFunc (NULL, NULL);
      xmlSetGenericErrorFunc (NULL, NULL);
      _sam_xml_report (r, 0, _("the file is not well-formed XML"));
      g_byte_array_unref (src.prolog);
      g_clear_pointer (&r->invalid, g_ptr_array_unref);
      g_clear_pointer (&r->invalid_lines, g_array_unref);
      return FALSE;
    }
  if (xmlTextReaderSetSchema (reader, get_schema ()) != 0)
    g_error ("The reader does not take the program's own register.xsd");
  s.check = _sam_xml_check_new ();
  r->hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) sam_schedule_unref);
  walk (&s, reader);
  g_clear_pointer (&r->hours, g_hash_table_unref);
  xmlFreeTextReader (reader);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
  g_byte_array_unref (src.prolog);
  if (_sam_xml_source_stopped (&src))
    {
      /* the reading stopped here, not at a fault libxml2 found */
      forget_since (r, s.before);
      _sam_xml_source_report_stop (r, &src);
    }
  /* the checks across records, when every record could be read */
  if (!r->broken && !s.stopped)
    _sam_xml_check_finish (s.check, data, r);
  _sam_xml_check_free (s.check);
  for (guint i = 0; !r->malformed && i < r->invalid->len; i++)
    _sam_xml_report_take (r, g_array_index (r->invalid_lines, int, i),
                          g_steal_pointer (&r->invalid->pdata[i]));
  g_clear_pointer (&r->invalid, g_ptr_array_unref);
  g_clear_pointer (&r->invalid_lines, g_array_unref);
  if (r->too_many)
    _sam_xml_report_take (r, G_MAXINT,
                          g_strdup_printf (_("there are more problems; the first %u are listed "
                                             "and the rest of the file was not read"),
                                           (guint) SAM_XML_MAX_PROBLEMS));
  return clean (&s) && !s.stopped;
}

gboolean
_sam_register_xml_read_stream (GInputStream    *in,
                               const char      *filename,
                               Report          *r,
                               SamRegisterData *data,
                               SamXmlActorFunc  func,
                               gpointer         user_data)
{
  guint before = r->problems->len;
  gboolean ok = read_stream (in, filename, r, data, func, user_data);

  _sam_xml_report_finish (r, before);
  return ok;
}

gboolean
_sam_register_xml_read (const char      *contents,
                        gsize            length,
                        const char      *filename,
                        Report          *r,
                        SamRegisterData *data,
                        SamXmlActorFunc  func,
                        gpointer         user_data)
{
  g_autoptr(GInputStream) in = NULL;

  if (length > sam_register_xml_get_max_size () || length > G_MAXINT)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (MIN (sam_register_xml_get_max_size (), (gsize) G_MAXINT));

      _sam_xml_report (r, 0, _("the file is %s; register files larger than %s are not read"), size, max);
      return FALSE;
    }
  in = g_memory_input_stream_new_from_data (contents, length, NULL);
  return _sam_register_xml_read_stream (in, filename, r, data, func, user_data);
}

static gboolean
keep_actor (SamActor *actor, int line, gpointer user_data)
{
  SamRegisterData *data = user_data;

  g_object_set_data (G_OBJECT (actor), "line", GINT_TO_POINTER (line));
  g_ptr_array_add (data->actors, actor);
  return TRUE;
}

SamRegisterData *
sam_register_xml_parse (const char  *contents,
                        gsize        length,
                        const char  *filename,
                        GPtrArray   *problems,
                        GError     **error)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  Report r = { .problems = problems ? problems : own };
  g_autoptr(SamRegisterData) data = sam_register_data_new ();

  if (!_sam_register_xml_read (contents, length, filename, &r, data, keep_actor, data))
    {
      _sam_xml_set_problems_error (error, filename, &r);
      return NULL;
    }
  return g_steal_pointer (&data);
}

void
_sam_xml_set_problems_error (GError **error, const char *filename, Report *r)
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
sam_register_xml_parse_file (GFile         *file,
                             GPtrArray     *problems,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GInputStream) in = sam_register_xml_open_file (file, cancellable, error);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  Report r = { .problems = problems ? problems : own };
  g_autoptr(SamRegisterData) data = sam_register_data_new ();

  if (in == NULL)
    return NULL;
  if (!_sam_register_xml_read_stream (in, name, &r, data, keep_actor, data))
    {
      _sam_xml_set_problems_error (error, name, &r);
      return NULL;
    }
  return g_steal_pointer (&data);
}
