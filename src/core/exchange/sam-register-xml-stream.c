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

/* Whether @p (up to @end) could still become @word once more bytes come */
static gboolean
starts_word (const char *p, const char *end, const char *word)
{
  gsize n = MIN ((gsize) (end - p), strlen (word));

  /* nothing read yet: @p may be NULL, which memcmp may not be given */
  return n == 0 || memcmp (p, word, n) == 0;
}

/* The line of the DOCTYPE before the root element, 0 when there is none,
 * or -1 when the @length bytes read so far cannot tell yet (@at_end: the
 * whole file). Only the XML declaration, comments, processing
 * instructions and white space may come before the root; the file is read
 * as UTF-8. */
static int
doctype_line (const char *data, gsize length, gboolean at_end)
{
  const char *p = data, *end = data + length;
  int more = at_end ? 0 : -1;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  else if (length < 3 && starts_word (p, end, "\xEF\xBB\xBF"))
    return more;
  while (p < end)
    {
      const char *close = NULL, *token = NULL;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if (end - p < 9 && (starts_word (p, end, "<!--") || starts_word (p, end, "<!DOCTYPE")))
        return more;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = find (p + 4, end - p - 4, token = "-->");
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        close = find (p + 2, end - p - 2, token = "?>");
      else if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        return line_at (data, p);
      else if (end - p == 1 && *p == '<')
        return more;
      else
        return 0;
      if (close == NULL)
        return more;
      p = close + strlen (token);
    }
  return more;
}

/* A run of more than MAX_TEXT bytes without markup is refused: no text of
 * a register comes near it; libxml2 would read up to 10 MB into one text
 * node first, growing it a piece at a time. */
#define MAX_TEXT (1024 * 1024)
/* The part of a file before the root element that is held back until it
 * is known to declare no DOCTYPE; after it, the reader's own check of the
 * DOCTYPE node is the lock. */
#define MAX_PROLOG (1024 * 1024)
#define CHUNK (64 * 1024)

static int
count_lines (const char *p, const char *end)
{
  int n = 0;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    n++, p++;
  return n;
}

/* The start tags of the file, counted on the way in: no element of the
 * format has 20 attributes, and libxml2 checks each attribute of an
 * element against every other one, so an element with 100,000 of them
 * costs minutes. Over MAX_ATTRIBUTES the reading stops before libxml2
 * sees the tag whole. Comments, processing instructions, CDATA and end
 * tags are skipped; what is not well-formed is left to the parser. */
#define MAX_ATTRIBUTES 64

typedef enum { IN_TEXT, IN_LEAD, IN_START_TAG, IN_SKIP } TagMode;

typedef struct {
  TagMode mode;
  char lead[10];          /* "<" and what follows, until it tells what it is */
  guint lead_len;
  const char *until;      /* IN_SKIP: what ends it */
  guint matched;
  char quote;
  guint attributes;
  guint namespaces;
  char word[6];           /* the start of the current attribute name */
  guint word_len;
  int line;               /* of the next byte */
  int tag_line;
} Tags;

static void
classify_lead (Tags *t)
{
  const char *l = t->lead;
  guint n = t->lead_len;

  if (n < 2)
    return;
  if (l[1] == '/' || l[1] == '?')
    t->mode = IN_SKIP, t->until = l[1] == '?' ? "?>" : ">";
  else if (l[1] != '!')
    {
      t->mode = IN_START_TAG;
      t->quote = 0;
      t->attributes = t->namespaces = t->word_len = 0;
    }
  else if (n >= 4 && memcmp (l, "<!--", 4) == 0)
    t->mode = IN_SKIP, t->until = "-->";
  else if (n >= 9 && memcmp (l, "<![CDATA[", 9) == 0)
    t->mode = IN_SKIP, t->until = "]]>";
  else if ((n >= 3 && l[2] != '-' && l[2] != '[') || (n >= 4 && l[2] == '-') ||
           (n >= 3 && l[2] == '[' && memcmp (l, "<![CDATA[", MIN (n, 9)) != 0))
    t->mode = IN_SKIP, t->until = ">";
  t->matched = 0;
}

/* One byte of a start tag: FALSE when it has too many attributes. */
static gboolean
start_tag_byte (Tags *t, char c)
{
  if (t->quote)
    t->quote = c == t->quote ? 0 : t->quote;
  else if (c == '"' || c == '\'')
    t->quote = c;
  else if (c == '=')
    {
      t->attributes++;
      t->namespaces += t->word_len == 5 && memcmp (t->word, "xmlns", 5) == 0;
      t->word_len = 0;
    }
  else if (c == '>' || c == '<')
    t->mode = IN_TEXT;
  else if (g_ascii_isspace (c))
    t->word_len = 0;
  else if (t->word_len < 5)
    t->word[t->word_len++] = c;
  return t->attributes <= MAX_ATTRIBUTES;
}

/* FALSE when a start tag in @p has more than MAX_ATTRIBUTES attributes */
static gboolean
scan_tags (Tags *t, const char *p, gsize length)
{
  const char *end = p + length;

  while (p < end)
    {
      if (t->mode == IN_TEXT)
        {
          const char *q = memchr (p, '<', end - p);

          t->line += count_lines (p, q ? q : end);
          if (q == NULL)
            return TRUE;
          t->mode = IN_LEAD;
          t->lead[0] = '<';
          t->lead_len = 1;
          t->tag_line = t->line;
          p = q + 1;
          continue;
        }
      t->line += *p == '\n';
      if (t->mode == IN_LEAD)
        {
          t->lead[t->lead_len++] = *p;
          classify_lead (t);
          if (t->mode == IN_START_TAG && !start_tag_byte (t, *p))
            return FALSE;
        }
      else if (t->mode == IN_START_TAG)
        {
          if (!start_tag_byte (t, *p))
            return FALSE;
        }
      else if (*p == t->until[t->matched])
        {
          if (t->until[++t->matched] == '\0')
            t->mode = IN_TEXT;
        }
      else
        t->matched = *p == t->until[0] ? 1 : 0;
      p++;
    }
  return TRUE;
}

/* What libxml2 reads the file through: the bytes of @in, each looked at
 * once on the way (the prolog's DOCTYPE, runs of text, lines). */
typedef struct {
  GInputStream *in;
  GByteArray *prolog;     /* read, held back until it is known to be safe */
  gsize prolog_sent;
  int doctype_line;       /* > 0: the file declares a DOCTYPE there */
  gsize run;              /* bytes since the last '<' */
  int line;               /* of the next byte */
  int run_line;           /* where the run began */
  int long_text_line;     /* > 0: a run of text too long starts there */
  GError *error;
  gboolean at_end;        /* the prolog holds the whole file */
  guint64 total;          /* bytes read, counted against @max */
  guint64 max;
  gboolean too_large;
  Tags tags;              /* attributes per element, counted on the way */
} Source;

/* FALSE (and @src->long_text_line) when a run of text is too long */
static gboolean
scan_text (Source *src, const char *p, gsize length)
{
  const char *end = p + length;

  while (p < end)
    {
      const char *q = memchr (p, '<', end - p);
      const char *stop = q ? q : end;

      if (src->run + (stop - p) > MAX_TEXT)
        {
          src->long_text_line = src->run_line;
          return FALSE;
        }
      src->run += stop - p;
      src->line += count_lines (p, stop);
      if (q == NULL)
        break;
      src->run = 0;
      src->run_line = src->line;
      p = q + 1;
    }
  return TRUE;
}

/* Reads from the file, counting the bytes: what stat said of its size may
 * have changed, and a device says 0. -1 on an error or past the limit. */
static gssize
read_counted (Source *src, void *buffer, gsize length)
{
  gssize n = g_input_stream_read (src->in, buffer, length, NULL, &src->error);

  if (n > 0 && (src->total += n) > src->max)
    {
      src->too_large = TRUE;
      return -1;
    }
  return n;
}

/* Reads until the prolog tells whether there is a DOCTYPE: FALSE on an
 * error of reading. */
static gboolean
fill_prolog (Source *src)
{
  for (;;)
    {
      guint8 buffer[CHUNK];
      gssize n;
      int line = doctype_line ((const char *) src->prolog->data, src->prolog->len, FALSE);

      if (line >= 0 || src->prolog->len >= MAX_PROLOG)
        {
          src->doctype_line = MAX (line, 0);
          return TRUE;
        }
      n = read_counted (src, buffer, sizeof buffer);
      if (n < 0)
        return FALSE;
      if (n == 0)
        {
          src->at_end = TRUE;
          src->doctype_line = doctype_line ((const char *) src->prolog->data, src->prolog->len, TRUE);
          return TRUE;
        }
      g_byte_array_append (src->prolog, buffer, n);
    }
}

static int
source_read_cb (void *context, char *buffer, int length)
{
  Source *src = context;
  gssize n;

  if (src->prolog_sent < src->prolog->len)
    {
      n = MIN ((gsize) length, src->prolog->len - src->prolog_sent);
      memcpy (buffer, src->prolog->data + src->prolog_sent, n);
      src->prolog_sent += n;
    }
  else if ((n = read_counted (src, buffer, length)) < 0)
    return -1;
  return scan_text (src, buffer, n) && scan_tags (&src->tags, buffer, n) ? (int) n : -1;
}

static int
source_close_cb (void *context)
{
  return 0;
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

/* Why the source stopped the reading: a DOCTYPE, a text too long, or the
 * file could not be read. */
static void
report_stop (Report *r, Source *src)
{
  Tags *t = &src->tags;

  if (src->too_large)
    {
      g_autofree char *max = g_format_size (src->max);

      _sam_xml_report (r, 0, _("the file is larger than %s; register files larger than that are "
                               "not read"), max);
    }
  else if (src->error)
    _sam_xml_report (r, 0, _("the file could not be read: %s"), src->error->message);
  else if (t->attributes > MAX_ATTRIBUTES && t->namespaces > t->attributes / 2)
    _sam_xml_report (r, t->tag_line, _("an element declares more than %u namespaces; a register "
                                       "file needs one, so the file is not read"),
                     (guint) MAX_ATTRIBUTES / 2);
  else if (t->attributes > MAX_ATTRIBUTES)
    _sam_xml_report (r, t->tag_line, _("an element has more than %u attributes; no element of a "
                                       "register has more than 20, so the file is not read"),
                     (guint) MAX_ATTRIBUTES);
  else if (src->doctype_line > 0)
    refuse_doctype (r, src->doctype_line);
  else
    _sam_xml_report (r, src->long_text_line, _("a text in the file is too long for a register file"));
  r->broken = TRUE;
  g_clear_error (&src->error);
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
  Source src = { in, g_byte_array_new (), 0, 0, 0, 1, 1, 0, NULL };
  xmlTextReaderPtr reader;

  src.max = MIN (sam_register_xml_get_max_size (), (gsize) G_MAXINT);
  src.tags.line = 1;
  _sam_register_xml_prepare ();
  if (!fill_prolog (&src) || src.doctype_line > 0)
    {
      report_stop (r, &src);
      g_byte_array_unref (src.prolog);
      return FALSE;
    }
  /* what the parser would misname: an empty file, a second byte order
   * mark, zero bytes (all told by the first bytes) */
  if (src.prolog->len > 0 || src.at_end)
    {
      gsize length = src.prolog->len;
      const char *p = (const char *) src.prolog->data;
      gsize i = length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

      while (i < length && g_ascii_isspace (p[i]))
        i++;
      if ((i < length || src.at_end) && !sniff (length ? p : "", length, r))
        {
          g_byte_array_unref (src.prolog);
          return FALSE;
        }
    }
  /* Not xmlTextReaderSetStructuredErrorHandler: with a schema set,
   * libxml2 2.9 then loses the parser's errors (or crashes on them when
   * set after the schema). The handlers of this thread get them all,
   * and nothing of libxml2's own words reaches stderr. */
  r->invalid = g_ptr_array_new_with_free_func (g_free);
  r->invalid_lines = g_array_new (FALSE, FALSE, sizeof (int));
  xmlSetStructuredErrorFunc (r, collect_error);
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  reader = xmlReaderForIO (source_read_cb, source_close_cb, &src, filename, "UTF-8", READ_OPTIONS);
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
  walk (&s, reader);
  xmlFreeTextReader (reader);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
  g_byte_array_unref (src.prolog);
  if (src.long_text_line > 0 || src.error || src.too_large || src.tags.attributes > MAX_ATTRIBUTES)
    {
      /* the reading stopped here, not at a fault libxml2 found */
      forget_since (r, s.before);
      report_stop (r, &src);
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

/* The file opened for reading, refused when it is not a regular file or
 * larger than the limit (which the reader counts again as it reads). */
GInputStream *
sam_register_xml_open_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  gsize max = MIN (sam_register_xml_get_max_size (), (gsize) G_MAXINT);
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  return path ? open_local (file, path, max, error) : open_other (file, max, cancellable, error);
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

gboolean
sam_register_xml_load_file (GFile         *file,
                            char         **contents,
                            gsize         *length,
                            GCancellable  *cancellable,
                            GError       **error)
{
  gsize max = MIN (sam_register_xml_get_max_size (), (gsize) G_MAXINT);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  gsize chunk = 256 * 1024;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  in = sam_register_xml_open_file (file, cancellable, error);
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
