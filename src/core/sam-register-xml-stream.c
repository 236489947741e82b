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
 * billion-laughs entities live) is refused before parsing starts, and the
 * only external resource the schema may load is our own copy of xml.xsd,
 * served from memory.
 */
#define G_LOG_DOMAIN "sam-register-xml"
#define _GNU_SOURCE   /* memmem */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <gio/gunixinputstream.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include "sam-errors.h"
#include "sam-register-xml.h"
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

/* Where @needle is in the @length bytes at @p, or NULL; unlike strstr, a
 * NUL byte in the file does not end the search. */
static const char *
find (const char *p, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (p[i] == needle[0] && memcmp (p + i, needle, n) == 0)
      return p + i;
  return NULL;
}

static int
line_at (const char *data, const char *p)
{
  int line = 1;

  for (const char *q = data; q < p; q++)
    line += *q == '\n';
  return line;
}

/* The line of the DOCTYPE before the root element, or 0 when there is
 * none. Only the XML declaration, comments, processing instructions and
 * white space may come before the root; the file is read as UTF-8. */
static int
doctype_line (const char *data, gsize length)
{
  const char *p = data, *end = data + length;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      const char *close = NULL;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = find (p + 4, end - p - 4, "-->");
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        close = find (p + 2, end - p - 2, "?>");
      else if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        return line_at (data, p);
      else
        return 0;
      if (close == NULL)
        return 0;
      p = close + 2;
    }
  return 0;
}

/* No text of a register comes near MAX_TEXT bytes; libxml2 would read up
 * to 10 MB into one text node first, growing it a piece at a time. No
 * element of the format has 20 attributes; libxml2 checks each attribute
 * of an element against every other one, so one element with 100,000 of
 * them costs minutes: over MAX_ATTRIBUTES, the file is refused before the
 * parser sees it. */
#define MAX_TEXT (1024 * 1024)
#define MAX_ATTRIBUTES 64

typedef struct {
  const char *data;
  const char *end;
  Report *r;
} Scan;

static const char *
skip_past (const char *p, const char *end, const char *needle)
{
  const char *q = memmem (p, end - p, needle, strlen (needle));

  return q ? q + strlen (needle) : end;
}

/* The attributes of the start tag at @p ('<' + name), counted up to its
 * '>'; the end of the tag, or NULL when it was reported. */
static const char *
scan_start_tag (Scan *s, const char *p)
{
  const char *start = p;
  guint attributes = 0, namespaces = 0;
  char quote = 0;

  for (; p < s->end; p++)
    {
      if (quote)
        quote = *p == quote ? 0 : quote;
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '=')
        {
          const char *name = p;

          attributes++;
          while (name > start && !g_ascii_isspace (name[-1]))
            name--;
          namespaces += g_str_has_prefix (name, "xmlns");
        }
      else if (*p == '>' || *p == '<')
        break;
    }
  if (attributes <= MAX_ATTRIBUTES)
    return p;
  if (namespaces > attributes / 2)
    _sam_xml_report (s->r, line_at (s->data, start),
                     g_dngettext (GETTEXT_PACKAGE,
                                  "an element declares %u namespace; a register file needs one, so "
                                  "the file is not read",
                                  "an element declares %u namespaces; a register file needs one, so "
                                  "the file is not read", namespaces), namespaces);
  else
    _sam_xml_report (s->r, line_at (s->data, start),
                     g_dngettext (GETTEXT_PACKAGE,
                                  "an element has %u attribute; no element of a register has more "
                                  "than %u, so the file is not read",
                                  "an element has %u attributes; no element of a register has more "
                                  "than %u, so the file is not read", attributes),
                     attributes, (guint) MAX_ATTRIBUTES);
  return NULL;
}

/* One pass over the bytes, before the parser: a text or a tag longer than
 * MAX_TEXT, and an element with more than MAX_ATTRIBUTES attributes, are
 * reported with their line. Comments, processing instructions and CDATA
 * are skipped whole; what is not well-formed is left to the parser.
 * FALSE when something was reported. */
static gboolean
scan_markup (const char *data, gsize length, Report *r)
{
  Scan s = { data, data + length, r };
  const char *p = data, *q;

  while ((q = memchr (p, '<', s.end - p)) != NULL)
    {
      if (q - p > MAX_TEXT)
        break;
      if (s.end - q >= 4 && memcmp (q, "<!--", 4) == 0)
        p = skip_past (q + 4, s.end, "-->");
      else if (s.end - q >= 9 && memcmp (q, "<![CDATA[", 9) == 0)
        p = skip_past (q + 9, s.end, "]]>");
      else if (s.end - q >= 2 && (q[1] == '?' || q[1] == '!' || q[1] == '/'))
        p = skip_past (q + 2, s.end, ">");
      else if ((p = scan_start_tag (&s, q + 1)) == NULL)
        return FALSE;
      if (p - q > MAX_TEXT)
        {
          _sam_xml_report (r, line_at (data, q), _("a text in the file is too long for a register file"));
          return FALSE;
        }
    }
  q = q ? q : s.end;
  if (q - p > MAX_TEXT)
    {
      _sam_xml_report (r, line_at (data, p), _("a text in the file is too long for a register file"));
      return FALSE;
    }
  return TRUE;
}

/* What the file is when it is no XML at all, said before the parser's
 * words would mislead: "Extra content at the end of the document" for an
 * empty file, "Document is empty" for a second byte order mark, "text too
 * long" for a file of zero bytes. FALSE when something was reported. */
static gboolean
sniff (const char *data, gsize length, Report *r)
{
  const char *p = data, *end = data + length;
  const char *message = NULL;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    message = _("the file begins with two byte order marks (the invisible character U+FEFF); an "
                "XML file may have one at most: remove the second");
  while (message == NULL && p < end && g_ascii_isspace (*p))
    p++;
  if (message != NULL)
    ;
  else if (p == end && length == 0)
    message = _("the file is empty");
  else if (p == end)
    message = _("the file is empty: it holds nothing but white space");
  else if (*p == '\0')
    message = _("the file begins with zero bytes, not text: it is not a register file, or it "
                "was never written completely (a download or a copy that stopped)");
  else if (*p != '<' && (guchar) *p < 0x80)
    message = _("the file does not begin with “<”: it is not an XML file");
  if (message == NULL)
    return TRUE;
  _sam_xml_report (r, p == end ? 0 : line_at (data, p), "%s", message);
  return FALSE;
}

static void
refuse_doctype (Report *r, int line)
{
  r->unsafe = TRUE;
  r->broken = TRUE;
  _sam_xml_report (r, line, _("the file declares a DOCTYPE; exchange files may not declare "
                              "entities or load other files"));
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
          /* doctype_line finds them first; this is the second lock */
          refuse_doctype (s->r, xmlTextReaderGetParserLineNumber (reader));
          return;
        }
      if (type == XML_READER_TYPE_ELEMENT && depth == 0)
        {
          root = TRUE;
          if (!_sam_xml_read_root (s->data, xmlTextReaderCurrentNode (reader), s->r))
            {
              /* what the schema said of a root it does not know adds nothing */
              g_ptr_array_set_size (s->r->invalid, 0);
              g_array_set_size (s->r->invalid_lines, 0);
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

static gboolean
read_contents (const char      *contents,
               gsize            length,
               const char      *filename,
               Report          *r,
               SamRegisterData *data,
               SamXmlActorFunc  func,
               gpointer         user_data)
{
  Stream s = { r, r->problems->len, data, NULL, func, user_data, FALSE };
  xmlTextReaderPtr reader;
  int line;

  _sam_register_xml_prepare ();
  if (length > sam_register_xml_get_max_size () || length > G_MAXINT)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (MIN (sam_register_xml_get_max_size (), (gsize) G_MAXINT));

      _sam_xml_report (r, 0, _("the file is %s; register files larger than %s are not read"), size, max);
      return FALSE;
    }
  if ((line = doctype_line (contents, length)) > 0)
    {
      refuse_doctype (r, line);
      return FALSE;
    }
  if (!sniff (contents, length, r) || !scan_markup (contents, length, r))
    return FALSE;
  /* Not xmlTextReaderSetStructuredErrorHandler: with a schema set,
   * libxml2 2.9 then loses the parser's errors (or crashes on them when
   * set after the schema). The handlers of this thread get them all,
   * and nothing of libxml2's own words reaches stderr. */
  r->invalid = g_ptr_array_new_with_free_func (g_free);
  r->invalid_lines = g_array_new (FALSE, FALSE, sizeof (int));
  xmlSetStructuredErrorFunc (r, collect_error);
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  reader = xmlReaderForMemory (contents, (int) length, filename, "UTF-8", READ_OPTIONS);
  if (reader != NULL)
    {
      if (xmlTextReaderSetSchema (reader, get_schema ()) != 0)
        g_error ("The reader does not take the program's own register.xsd");
      s.check = _sam_xml_check_new ();
      walk (&s, reader);
      xmlFreeTextReader (reader);
    }
  else
    _sam_xml_report (r, 0, _("the file is not well-formed XML"));
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
  if (reader == NULL)
    return FALSE;
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
_sam_register_xml_read (const char      *contents,
                        gsize            length,
                        const char      *filename,
                        Report          *r,
                        SamRegisterData *data,
                        SamXmlActorFunc  func,
                        gpointer         user_data)
{
  guint before = r->problems->len;
  gboolean ok = read_contents (contents, length, filename, r, data, func, user_data);

  _sam_xml_report_finish (r, before);
  return ok;
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

gsize
sam_register_xml_get_max_size (void)
{
  const char *env = g_getenv ("SAMVERKAN_MAX_IMPORT_SIZE");
  guint64 value;

  if (env && g_ascii_string_to_unsigned (env, 10, 1, G_MAXSIZE, &value, NULL))
    return (gsize) value;
  return SAM_REGISTER_XML_MAX_SIZE;
}

static gboolean
begins_with_zero (const guint8 *data, gsize length)
{
  gsize i = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && data[i] == 0;
}

static gboolean
refuse_too_large (GFile *file, const char *size, gsize max, GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *limit = g_format_size (max);

  g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
               _("%s is %s; register files larger than %s are not read. Export a part of the "
                 "register (by area or kind) instead."), name, size, limit);
  return FALSE;
}

/* Only a regular file is read: a device (/dev/zero, /dev/urandom) never
 * ends and says it holds 0 bytes, a FIFO blocks until someone writes. */
static gboolean
refuse_file_type (GFile *file, GFileType type, GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (type == G_FILE_TYPE_DIRECTORY)
    g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID, _("%s is a folder, not a register file."), name);
  else
    g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                 _("%s is not a regular file (it is a device, a pipe or a socket); only a register "
                   "file saved on a disk is read."), name);
  return FALSE;
}

static GFileType
file_type_of_mode (mode_t mode)
{
  return S_ISDIR (mode) ? G_FILE_TYPE_DIRECTORY : S_ISREG (mode) ? G_FILE_TYPE_REGULAR
                                                                 : G_FILE_TYPE_SPECIAL;
}

/* A file on this computer is opened without waiting (a FIFO would block
 * the open) and its type is taken from what was opened, not from a name
 * that may have changed in between. */
static GInputStream *
open_local (GFile *file, const char *path, gsize max, GError **error)
{
  struct stat st;
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not read %s: %s"), name, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      refuse_file_type (file, file_type_of_mode (st.st_mode), error);
      return NULL;
    }
  if ((guint64) st.st_size > max)
    {
      g_autofree char *size = g_format_size (st.st_size);

      close (fd);
      refuse_too_large (file, size, max, error);
      return NULL;
    }
  return g_unix_input_stream_new (fd, TRUE);
}

static GInputStream *
open_other (GFile *file, gsize max, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);

  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return (refuse_file_type (file, g_file_info_get_file_type (info), error), NULL);
  if ((guint64) g_file_info_get_size (info) > max)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      return (refuse_too_large (file, size, max, error), NULL);
    }
  return G_INPUT_STREAM (g_file_read (file, cancellable, error));
}

gboolean
sam_register_xml_check_input (GFile *file, GError **error)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return refuse_file_type (file, g_file_info_get_file_type (info), error);
  return TRUE;
}

gboolean
sam_register_xml_load_file (GFile         *file,
                            char         **contents,
                            gsize         *length,
                            GCancellable  *cancellable,
                            GError       **error)
{
  gsize max = MIN (sam_register_xml_get_max_size (), (gsize) G_MAXINT);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  gsize chunk = 256 * 1024;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  in = path ? open_local (file, path, max, error) : open_other (file, max, cancellable, error);
  if (in == NULL)
    return FALSE;
  buffer = g_byte_array_new ();
  /* counted as it is read: what stat said may have changed since */
  for (;;)
    {
      guint old = buffer->len;
      gssize got;

      g_byte_array_set_size (buffer, old + chunk);
      got = g_input_stream_read (in, buffer->data + old, chunk, cancellable, error);
      if (got < 0)
        return FALSE;
      g_byte_array_set_size (buffer, old + got);
      if (got == 0)
        break;
      /* a file of zero bytes says so at once, not after a gigabyte: the
       * first block is enough for the reader to refuse it */
      if (old == 0 && begins_with_zero (buffer->data, buffer->len))
        break;
      if (buffer->len > max)
        {
          g_autofree char *limit = g_format_size (max);
          g_autofree char *size = g_strdup_printf (_("larger than %s"), limit);

          return refuse_too_large (file, size, max, error);
        }
      chunk = MIN (MAX (chunk, buffer->len / 2), (gsize) 64 * 1024 * 1024);
    }
  if (!g_input_stream_close (in, cancellable, error))
    return FALSE;
  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}
