/* sam-test-http.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small HTTP/1.1 server on 127.0.0.1 in a thread of its own, serving the
 * files of a folder, one connection at a time (each answer closes it), with
 * the faults a follower must survive injected on request.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SAM_TEST_HTTP_OK,
  SAM_TEST_HTTP_ERROR_500,     /* every answer is 500 */
  SAM_TEST_HTTP_TRUNCATE,      /* register.xml: the full Content-Length, half the body */
  SAM_TEST_HTTP_SLOW,          /* register.xml: half the body, then nothing for 10 s */
  SAM_TEST_HTTP_TAMPER_XML,    /* register.xml: one byte changed */
  SAM_TEST_HTTP_TAMPER_JSON,   /* register.json: one digit changed */
  SAM_TEST_HTTP_REDIRECT,      /* everything: 302 to the same path on 127.0.0.2 */
  SAM_TEST_HTTP_HUGE,          /* register.xml: 2 GiB of zeros, with Content-Length */
  SAM_TEST_HTTP_HUGE_CHUNKED,  /* register.xml: 2 GiB of zeros, without a length */
  SAM_TEST_HTTP_GZIP,          /* register.xml: Content-Encoding gzip (not a fault) */
} SamTestHttpFault;

typedef struct _SamTestHttp SamTestHttp;

/* Serves @root at http://127.0.0.1:PORT/ (answers 304 to a matching
 * If-None-Match: the ETag is the file's SHA-256). */
SamTestHttp *sam_test_http_start       (const char       *root);
void         sam_test_http_stop        (SamTestHttp      *http);
/* "http://127.0.0.1:PORT/" */
const char  *sam_test_http_get_url     (SamTestHttp      *http);
void         sam_test_http_set_fault   (SamTestHttp      *http,
                                        SamTestHttpFault  fault);
/* Serve this folder instead of the root's (a replay of an old copy). */
void         sam_test_http_set_root    (SamTestHttp      *http,
                                        const char       *root);
/* Requests answered so far, and body bytes written. */
guint        sam_test_http_get_requests (SamTestHttp     *http);
guint64      sam_test_http_get_bytes_sent (SamTestHttp   *http);

G_END_DECLS
