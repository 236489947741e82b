/* sam-test-http.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "sam-test-http.h"

#define HUGE_SIZE ((guint64) 2 * 1024 * 1024 * 1024)

struct _SamTestHttp {
  GSocketListener *listener;
  GCancellable *cancellable;
  GThread *thread;
  guint16 port;
  char *url;
  GMutex lock;
  char *root;
  SamTestHttpFault fault;
  guint requests;
  guint64 bytes_sent;
};

static gboolean
write_text (GOutputStream *out, const char *text)
{
  return g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL);
}

/* Reads the request head; returns the path and the If-None-Match value. */
static char *
read_request (GInputStream *in, char **if_none_match)
{
  GString *head = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) first = NULL;
  char c;

  while (head->len < 16384 && !g_str_has_suffix (head->str, "\r\n\r\n") &&
         g_input_stream_read (in, &c, 1, NULL, NULL) == 1)
    g_string_append_c (head, c);
  lines = g_strsplit (head->str, "\r\n", -1);
  g_string_free (head, TRUE);
  if (lines[0] == NULL)
    return NULL;
  first = g_strsplit (lines[0], " ", 3);
  if (g_strv_length (first) < 2)
    return NULL;
  for (guint i = 1; lines[i]; i++)
    if (g_ascii_strncasecmp (lines[i], "If-None-Match:", 14) == 0)
      *if_none_match = g_strstrip (g_strdup (lines[i] + 14));
  return g_strdup (first[1]);
}

static void
count (SamTestHttp *http, guint64 bytes)
{
  g_mutex_lock (&http->lock);
  http->bytes_sent += bytes;
  g_mutex_unlock (&http->lock);
}

static void
send_simple (GOutputStream *out, const char *status)
{
  g_autofree char *text = g_strdup_printf ("HTTP/1.1 %s\r\nContent-Length: 0\r\n"
                                           "Connection: close\r\n\r\n", status);
  write_text (out, text);
}

static void
send_huge (SamTestHttp *http, GOutputStream *out, gboolean with_length)
{
  g_autofree char *head = with_length
    ? g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Length: %" G_GUINT64_FORMAT "\r\n"
                       "Connection: close\r\n\r\n", HUGE_SIZE)
    : g_strdup ("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
  g_autofree char *zeros = g_malloc0 (65536);

  if (!write_text (out, head))
    return;
  /* streamed: the server never holds more than one block either */
  for (guint64 sent = 0; sent < HUGE_SIZE; sent += 65536)
    {
      if (!g_output_stream_write_all (out, zeros, 65536, NULL, NULL, NULL))
        return;
      count (http, 65536);
    }
}

static void
send_body (SamTestHttp *http, GOutputStream *out, const char *data, gsize length,
           const char *etag, SamTestHttpFault fault, gboolean is_xml)
{
  gsize send = length;
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Length: %" G_GSIZE_FORMAT
                                           "\r\nETag: %s\r\nConnection: close\r\n\r\n",
                                           length, etag);

  if (is_xml && (fault == SAM_TEST_HTTP_TRUNCATE || fault == SAM_TEST_HTTP_SLOW))
    send = length / 2;
  if (!write_text (out, head) ||
      !g_output_stream_write_all (out, data, send, NULL, NULL, NULL))
    return;
  count (http, send);
  g_output_stream_flush (out, NULL, NULL);
  if (is_xml && fault == SAM_TEST_HTTP_SLOW)
    for (int i = 0; i < 30 && !g_cancellable_is_cancelled (http->cancellable); i++)
      g_usleep (G_USEC_PER_SEC / 10);
}

/* As a web server with gzip_static answers: the compressed body, its length. */
static void
send_gzip (SamTestHttp *http, GOutputStream *out, const char *data, gsize length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) zip = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autofree char *head = NULL;
  gsize size;

  g_output_stream_write_all (zip, data, length, NULL, NULL, NULL);
  g_output_stream_close (zip, NULL, NULL);
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory));
  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n"
                          "Content-Encoding: gzip\r\nConnection: close\r\n\r\n", size);
  if (write_text (out, head) &&
      g_output_stream_write_all (out, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                                 size, NULL, NULL, NULL))
    count (http, size);
}

static void
tamper (char *data, gsize length, gboolean json)
{
  if (json)
    {
      /* a digit of the sequence or the size: still valid JSON */
      char *digit = strpbrk (data, "123456789");
      if (digit)
        *digit = *digit == '9' ? '8' : *digit + 1;
    }
  else if (length > 100)
    data[length / 2] ^= 0x20;
}

static void
serve_file (SamTestHttp *http, GOutputStream *out, const char *root, const char *path,
            const char *if_none_match, SamTestHttpFault fault)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *file = g_build_filename (root, name, NULL);
  g_autofree char *data = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *etag = NULL;
  gsize length = 0;
  gboolean is_xml = g_str_equal (name, "register.xml");

  if (is_xml && (fault == SAM_TEST_HTTP_HUGE || fault == SAM_TEST_HTTP_HUGE_CHUNKED))
    return send_huge (http, out, fault == SAM_TEST_HTTP_HUGE);
  if (strstr (path, "..") || !g_file_get_contents (file, &data, &length, NULL))
    return send_simple (out, "404 Not Found");
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  etag = g_strdup_printf ("\"%s\"", sum);
  if (if_none_match && g_str_equal (if_none_match, etag))
    return send_simple (out, "304 Not Modified");
  if (is_xml && fault == SAM_TEST_HTTP_GZIP)
    return send_gzip (http, out, data, length);
  if ((is_xml && fault == SAM_TEST_HTTP_TAMPER_XML) ||
      (g_str_equal (name, "register.json") && fault == SAM_TEST_HTTP_TAMPER_JSON))
    tamper (data, length, !is_xml);
  send_body (http, out, data, length, etag, fault, is_xml);
}

static void
handle (SamTestHttp *http, GSocketConnection *connection)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *if_none_match = NULL;
  g_autofree char *path = read_request (in, &if_none_match);
  g_autofree char *root = NULL;
  SamTestHttpFault fault;

  g_mutex_lock (&http->lock);
  http->requests++;
  root = g_strdup (http->root);
  fault = http->fault;
  g_mutex_unlock (&http->lock);
  if (path == NULL)
    return;
  if (fault == SAM_TEST_HTTP_ERROR_500)
    send_simple (out, "500 Internal Server Error");
  else if (fault == SAM_TEST_HTTP_REDIRECT)
    {
      g_autofree char *text = g_strdup_printf ("HTTP/1.1 302 Found\r\nLocation: "
                                               "http://127.0.0.2:%u%s\r\nContent-Length: 0\r\n"
                                               "Connection: close\r\n\r\n", http->port, path);
      write_text (out, text);
    }
  else
    serve_file (http, out, root, path, if_none_match, fault);
}

static gpointer
serve (gpointer data)
{
  SamTestHttp *http = data;

  for (;;)
    {
      g_autoptr(GSocketConnection) connection =
        g_socket_listener_accept (http->listener, NULL, http->cancellable, NULL);

      if (connection == NULL)
        break;
      handle (http, connection);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }
  return NULL;
}

SamTestHttp *
sam_test_http_start (const char *root)
{
  SamTestHttp *http = g_new0 (SamTestHttp, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&http->lock);
  http->root = g_strdup (root);
  http->listener = g_socket_listener_new ();
  http->cancellable = g_cancellable_new ();
  g_socket_listener_add_address (http->listener, address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  http->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  http->url = g_strdup_printf ("http://127.0.0.1:%u/", http->port);
  http->thread = g_thread_new ("test-http", serve, http);
  return http;
}

void
sam_test_http_stop (SamTestHttp *http)
{
  g_cancellable_cancel (http->cancellable);
  g_thread_join (http->thread);
  g_socket_listener_close (http->listener);
  g_object_unref (http->listener);
  g_object_unref (http->cancellable);
  g_mutex_clear (&http->lock);
  g_free (http->root);
  g_free (http->url);
  g_free (http);
}

const char *
sam_test_http_get_url (SamTestHttp *http)
{
  return http->url;
}

void
sam_test_http_set_fault (SamTestHttp *http, SamTestHttpFault fault)
{
  g_mutex_lock (&http->lock);
  http->fault = fault;
  g_mutex_unlock (&http->lock);
}

void
sam_test_http_set_root (SamTestHttp *http, const char *root)
{
  g_mutex_lock (&http->lock);
  g_free (http->root);
  http->root = g_strdup (root);
  g_mutex_unlock (&http->lock);
}

guint
sam_test_http_get_requests (SamTestHttp *http)
{
  guint requests;

  g_mutex_lock (&http->lock);
  requests = http->requests;
  g_mutex_unlock (&http->lock);
  return requests;
}

guint64
sam_test_http_get_bytes_sent (SamTestHttp *http)
{
  guint64 bytes;

  g_mutex_lock (&http->lock);
  bytes = http->bytes_sent;
  g_mutex_unlock (&http->lock);
  return bytes;
}
