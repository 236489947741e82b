/* sam-register-xml-input.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the exchange-file reader is given: the file opened with its
 * limits (a regular file, not larger than the limit), and its bytes
 * looked at once on their way to libxml2 (sam-register-xml-stream.c), so
 * that a DOCTYPE, a text too long or an element with too many attributes
 * stops the reading before the parser spends time or memory on it.
 */
#define G_LOG_DOMAIN "sam-register-xml"

#define _GNU_SOURCE   /* memrchr */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <gio/gunixinputstream.h>

#include "sam-errors.h"
#include "sam-register-xml.h"
#include "sam-register-xml-input-private.h"

/* The bytes on their way to the parser */

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
  const char *p = data, *end = data ? data + length : data;   /* nothing read yet: NULL */
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

/* One byte of a start tag that is not part of a name: FALSE when the tag
 * has too many attributes. */
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

/* A byte that ends a name in a start tag; the others only add to it */
static inline gboolean
ends_word (char c)
{
  return c == '"' || c == '\'' || c == '=' || c == '<' || c == '>' || g_ascii_isspace (c);
}

/* FALSE when a start tag in the chunk @p has more than MAX_ATTRIBUTES
 * attributes. Lines are not counted here: where a tag begins is kept as
 * an offset, and read_cb gives it its line once per chunk. */
static gboolean
scan_tags (Tags *t, guint64 offset, const char *p, gsize length)
{
  const char *chunk = p;
  const char *end = p + length;

  while (p < end)
    {
      if (t->mode == IN_TEXT)
        {
          const char *q = memchr (p, '<', end - p);

          if (q == NULL)
            return TRUE;
          t->mode = IN_LEAD;
          t->lead[0] = '<';
          t->lead_len = 1;
          t->tag_start = offset + (q - chunk);
          t->tag_line = 0;
          p = q + 1;
          continue;
        }
      /* Inside a quoted value only its closing quote matters, and in a
       * comment or end tag only the first byte of what ends it: the bytes
       * before are skipped whole. */
      if ((t->mode == IN_START_TAG && t->quote) || (t->mode == IN_SKIP && t->matched == 0))
        {
          const char *q = memchr (p, t->mode == IN_SKIP ? t->until[0] : t->quote, end - p);

          if (q == NULL)
            return TRUE;
          p = q;
        }
      /* the bytes of a name: only the first five of an attribute's count */
      else if (t->mode == IN_START_TAG)
        {
          const char *q = p;

          while (q < end && !ends_word (*q))
            q++;
          for (; p < q && t->word_len < 5; p++)
            t->word[t->word_len++] = *p;
          if ((p = q) == end)
            return TRUE;
        }
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

/* FALSE (and @src->long_text) when a run of text is too long. Only the
 * runs before the first '<' and after the last one can reach past the
 * chunk; those between are shorter than it. */
static gboolean
scan_text (Source *src, const char *p, gsize length)
{
  const char *end = p + length;
  const char *first = memchr (p, '<', length);
  const char *last;

  if (first == NULL)
    {
      src->run += length;
      src->long_text = src->run > MAX_TEXT;
      return !src->long_text;
    }
  if (src->run + (first - p) > MAX_TEXT)
    {
      src->long_text = TRUE;
      return FALSE;
    }
  /* a chunk longer than the limit (libxml2 asks for a few kilobytes) */
  for (const char *q = first; length > MAX_TEXT && q != NULL; )
    {
      const char *next = memchr (q + 1, '<', end - q - 1);

      src->run_start = src->offset + (q + 1 - p);
      src->run_line = 0;
      if ((next ? next : end) - (q + 1) > MAX_TEXT)
        {
          src->long_text = TRUE;
          return FALSE;
        }
      q = next;
    }
  last = memrchr (p, '<', length);
  src->run = end - (last + 1);
  src->run_start = src->offset + (last + 1 - p);
  src->run_line = 0;
  return TRUE;
}

/* The line of @at in the chunk @p, whose @newlines end lines */
static int
line_in_chunk (Source *src, const char *p, gsize length, int newlines, guint64 at)
{
  return src->line + newlines - count_lines (p + (at - src->offset), p + length);
}

/* Scans a chunk on its way to the parser, then gives the run and the tag
 * that began in it their lines: FALSE when the reading stops. */
static gboolean
scan_chunk (Source *src, const char *p, gsize length)
{
  Tags *t = &src->tags;
  gboolean ok = scan_text (src, p, length) && scan_tags (t, src->offset, p, length);
  int newlines = count_lines (p, p + length);

  if (src->run_line == 0)
    src->run_line = line_in_chunk (src, p, length, newlines, src->run_start);
  if (t->tag_line == 0 && t->mode != IN_TEXT)
    t->tag_line = line_in_chunk (src, p, length, newlines, t->tag_start);
  if (src->long_text)
    src->long_text_line = src->run_line;
  src->line += newlines;
  src->offset += length;
  return ok;
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
gboolean
_sam_xml_source_fill_prolog (Source *src)
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

int
_sam_xml_source_read_cb (void *context, char *buffer, int length)
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
  return scan_chunk (src, buffer, n) ? (int) n : -1;
}

int
_sam_xml_source_close_cb (void *context)
{
  return 0;
}

void
_sam_xml_refuse_doctype (Report *r, int line)
{
  r->unsafe = TRUE;
  r->broken = TRUE;
  _sam_xml_report (r, line, _("the file declares a DOCTYPE; exchange files may not declare "
                              "entities or load other files"));
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

/* Why the source stopped the reading: a DOCTYPE, a text too long, or the
 * file could not be read. */
void
_sam_xml_source_report_stop (Report *r, Source *src)
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
    _sam_xml_refuse_doctype (r, src->doctype_line);
  else
    _sam_xml_report (r, src->long_text_line, _("a text in the file is too long for a register file"));
  r->broken = TRUE;
  g_clear_error (&src->error);
}

/* what the parser would misname: an empty file, a second byte order
 * mark, zero bytes (all told by the first bytes) */
gboolean
_sam_xml_source_sniff (Source *src, Report *r)
{
  if (src->prolog->len > 0 || src->at_end)
    {
      gsize length = src->prolog->len;
      const char *p = (const char *) src->prolog->data;
      gsize i = length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

      while (i < length && g_ascii_isspace (p[i]))
        i++;
      if ((i < length || src->at_end) && !sniff (length ? p : "", length, r))
        return FALSE;
    }
  return TRUE;
}

gboolean
_sam_xml_source_stopped (const Source *src)
{
  return src->long_text_line > 0 || src->error || src->too_large ||
         src->tags.attributes > MAX_ATTRIBUTES;
}

/* Opening the file */

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
