/* sam-fetch-http.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTTP side of following a published register, with libsoup: GET
 * requests to one folder (conditional on what the server said last time,
 * redirects only within the same host), each body counted against its
 * limit and the timeout, register.xml streamed to disk with its hashes
 * taken on the way. What the files say is checked in sam-fetch.c.
 */
#define G_LOG_DOMAIN "sam-fetch"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "sam-errors.h"
#include "sam-fetch-private.h"

#define MAX_REDIRECTS 5
#define CHUNK (64 * 1024)

void
_sam_fetch_answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->etag, g_free);
  g_clear_pointer (&answer->last_modified, g_free);
}

static guint
io_timeout (const SamFetchOptions *options)
{
  return MIN (options->timeout ? options->timeout : SAM_FETCH_DEFAULT_TIMEOUT, 30);
}

gboolean
_sam_fetcher_init (Fetcher *f, const char *url, const SamFetchOptions *options, GError **error)
{
  g_autofree char *agent = g_strdup_printf ("Samverkan/%s", PACKAGE_VERSION);

  f->base = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, error);
  if (f->base == NULL)
    return FALSE;
  f->options = options;
  f->session = soup_session_new_with_options ("timeout", io_timeout (options),
                                              "user-agent", agent, NULL);
  return TRUE;
}

void
_sam_fetcher_clear (Fetcher *f)
{
  g_clear_object (&f->session);
  g_clear_pointer (&f->base, g_uri_unref);
}

static gboolean
same_origin (GUri *a, GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         g_uri_get_port (a) == g_uri_get_port (b);
}

/* A GIO or TLS error on the way, as the follower should read it. */
static void
network_error (GError **error, GError *cause, GUri *uri, const SamFetchOptions *options)
{
  g_autofree char *where = g_uri_to_string (uri);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_TIMEOUT,
                 _("%s did not come within %u seconds; the server is too slow or not "
                   "answering."), where, options->timeout ? options->timeout
                                                          : SAM_FETCH_DEFAULT_TIMEOUT);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    g_set_error (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_NETWORK,
                 _("Could not fetch %s: %s"), where, cause->message);
}

static gboolean
is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/* Follows a redirect within the same host; NULL with @error otherwise. */
static GUri *
redirect_target (SoupMessage *msg, GUri *from, GError **error)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                       "Location");
  g_autofree char *was = g_uri_to_string (from);
  g_autoptr(GUri) to = location ? g_uri_parse_relative (from, location, SOUP_HTTP_URI_FLAGS, NULL)
                                : NULL;

  if (to == NULL)
    {
      g_set_error (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_REDIRECT,
                   _("%s redirects nowhere."), was);
      return NULL;
    }
  if (!same_origin (from, to))
    {
      g_autofree char *target = g_uri_to_string (to);
      g_set_error (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_REDIRECT,
                   _("%s redirects to %s, another server; a published register is only read "
                     "from the server it is followed at."), was, target);
      return NULL;
    }
  return g_steal_pointer (&to);
}

static void
conditional_headers (SoupMessage *msg, const char *etag, const char *last_modified)
{
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  if (etag)
    soup_message_headers_replace (headers, "If-None-Match", etag);
  if (last_modified)
    soup_message_headers_replace (headers, "If-Modified-Since", last_modified);
}

static void
read_answer (SoupMessage *msg, Answer *answer)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);

  answer->status = soup_message_get_status (msg);
  answer->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  answer->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
}

static gboolean
status_error (SoupMessage *msg, GUri *uri, GError **error)
{
  g_autofree char *where = g_uri_to_string (uri);

  g_set_error (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_HTTP,
               _("The server answered “%u %s” for %s."), soup_message_get_status (msg),
               soup_message_get_reason_phrase (msg), where);
  return FALSE;
}

/* Sends a GET for @name in the folder; the body stream of a 200 answer, or
 * NULL for a 304 (answer->status says which) or an error. */
static GInputStream *
send_get (Fetcher *f, const char *name, const char *etag, const char *last_modified,
          Answer *answer, SoupMessage **out_msg, GCancellable *cancellable, GError **error)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (f->base, name, SOUP_HTTP_URI_FLAGS, error);

  for (guint hops = 0; uri != NULL && hops <= MAX_REDIRECTS; hops++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GInputStream) body = NULL;
      GUri *next;

      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
      conditional_headers (msg, etag, last_modified);
      f->requests++;
      body = soup_session_send (f->session, msg, cancellable, &local_error);
      if (body == NULL)
        return (network_error (error, local_error, uri, f->options), NULL);
      _sam_fetch_answer_clear (answer);
      read_answer (msg, answer);
      if (answer->status == SOUP_STATUS_OK)
        {
          *out_msg = g_steal_pointer (&msg);
          return g_steal_pointer (&body);
        }
      if (answer->status == SOUP_STATUS_NOT_MODIFIED && (etag || last_modified))
        return NULL;
      if (!is_redirect (answer->status))
        return (status_error (msg, uri, error), NULL);
      if ((next = redirect_target (msg, uri, error)) == NULL)
        return NULL;
      g_uri_unref (uri);
      uri = next;
    }
  if (uri != NULL)
    g_set_error (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_REDIRECT,
                 _("%s redirects more than %d times."), name, MAX_REDIRECTS);
  return NULL;
}

typedef gboolean (*ChunkFunc) (const guint8 *data, gsize length, gpointer user_data,
                               GError **error);

gboolean
_sam_fetch_too_large (Fetcher *f, const char *name, guint64 limit, GError **error)
{
  g_autofree char *size = g_format_size (limit);

  g_set_error (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_TOO_LARGE,
               _("%s%s is larger than %s, the most it may be; it was refused."),
               g_uri_get_host (f->base), name, size);
  return FALSE;
}

/* Reads the body into @chunk_func, counting bytes against @limit and the
 * clock against the timeout, and checks it is all there. */
static gboolean
read_body (Fetcher *f, const char *name, GInputStream *body, SoupMessage *msg, guint64 limit,
           ChunkFunc chunk_func, gpointer user_data, GCancellable *cancellable, GError **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");
  /* a compressed body's length is not the length read (the session
   * decodes it): then only the bytes counted after decoding are checked */
  gboolean has_length = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
                        (coding == NULL || g_ascii_strcasecmp (coding, "identity") == 0);
  goffset declared = has_length ? soup_message_headers_get_content_length (headers) : -1;
  guint timeout = f->options->timeout ? f->options->timeout : SAM_FETCH_DEFAULT_TIMEOUT;
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout * G_USEC_PER_SEC;
  g_autofree guint8 *buffer = g_malloc (CHUNK);
  guint64 total = 0;

  if (declared > 0 && (guint64) declared > limit)
    return _sam_fetch_too_large (f, name, limit, error);
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize got = g_input_stream_read (body, buffer, CHUNK, cancellable, &local_error);

      if (got < 0)
        {
          g_autoptr(GUri) uri = g_uri_parse_relative (f->base, name, SOUP_HTTP_URI_FLAGS, NULL);
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
              g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            return (network_error (error, local_error, uri, f->options), FALSE);
          g_autofree char *got_text = g_strdup_printf ("%" G_GUINT64_FORMAT, total);
          g_set_error (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_TRUNCATED,
                       _("%s%s ended early, after %s bytes (%s); it was refused."),
                       g_uri_get_host (f->base), name, got_text, local_error->message);
          return FALSE;
        }
      if (got == 0)
        break;
      total += got;
      f->bytes += got;
      if (total > limit)
        return _sam_fetch_too_large (f, name, limit, error);
      if (g_get_monotonic_time () > deadline)
        {
          g_autoptr(GUri) uri = g_uri_parse_relative (f->base, name, SOUP_HTTP_URI_FLAGS, NULL);
          g_autoptr(GError) late = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "");
          return (network_error (error, late, uri, f->options), FALSE);
        }
      if (!chunk_func (buffer, got, user_data, error))
        return FALSE;
    }
  if (declared >= 0 && total != (guint64) declared)
    {
      g_autofree char *got_text = g_strdup_printf ("%" G_GUINT64_FORMAT, total);
      g_autofree char *declared_text = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) declared);
      g_set_error (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_TRUNCATED,
                   _("%s%s ended early, after %s of %s bytes; it was refused."),
                   g_uri_get_host (f->base), name, got_text, declared_text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
append_chunk (const guint8 *data, gsize length, gpointer user_data, GError **error)
{
  g_byte_array_append (user_data, data, length);
  return TRUE;
}

/* A small file (register.json, a signature, a key) as a string; NULL for a
 * 304 (answer->status) or an error. */
char *
_sam_fetch_small (Fetcher *f, const char *name, const char *etag, const char *last_modified,
                  Answer *answer, GCancellable *cancellable, GError **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) body = send_get (f, name, etag, last_modified, answer, &msg,
                                           cancellable, error);
  g_autoptr(GByteArray) bytes = NULL;

  if (body == NULL)
    return NULL;
  bytes = g_byte_array_new ();
  if (!read_body (f, name, body, msg, SAM_PUBLISH_SMALL_FILE_MAX, append_chunk, bytes,
                  cancellable, error))
    return NULL;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* register.xml, streamed into a file beside the last good copy */

typedef struct {
  int fd;
  GChecksum *sha256;
  SamMinisignHash *blake2b;
} Sink;

static gboolean
sink_chunk (const guint8 *data, gsize length, gpointer user_data, GError **error)
{
  Sink *sink = user_data;

  g_checksum_update (sink->sha256, data, length);
  sam_minisign_hash_update (sink->blake2b, data, length);
  while (length > 0)
    {
      gssize written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not keep a copy of the published register: %s"),
                       g_strerror (saved));
          return FALSE;
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

gboolean
_sam_fetch_register_xml (Fetcher *f, const SamPublication *pub, const char *tmp_path,
                         guint8 digest[SAM_MINISIGN_HASH_LEN], char **sha256,
                         GCancellable *cancellable, GError **error)
{
  Answer answer = { 0 };
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) body = send_get (f, "register.xml", NULL, NULL, &answer, &msg,
                                           cancellable, error);
  Sink sink = { -1, NULL, NULL };
  gboolean ok;

  _sam_fetch_answer_clear (&answer);
  if (body == NULL)
    return FALSE;
  sink.fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not keep a copy of the published register: %s"), g_strerror (saved));
      return FALSE;
    }
  sink.sha256 = g_checksum_new (G_CHECKSUM_SHA256);
  sink.blake2b = sam_minisign_hash_new ();
  ok = read_body (f, "register.xml", body, msg, pub->size, sink_chunk, &sink, cancellable, error);
  if (ok && fsync (sink.fd) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not keep a copy of the published register: %s"), g_strerror (saved));
      ok = FALSE;
    }
  close (sink.fd);
  *sha256 = g_strdup (g_checksum_get_string (sink.sha256));
  g_checksum_free (sink.sha256);
  sam_minisign_hash_finish (sink.blake2b, digest);
  return ok;
}
