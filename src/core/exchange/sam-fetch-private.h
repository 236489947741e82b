/* sam-fetch-private.h — the HTTP side of following a published register
 * (sam-fetch-http.c), for the follower that checks and keeps what it
 * fetched (sam-fetch.c).
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "sam-fetch.h"

G_BEGIN_DECLS

/* One published folder and the session that fetches from it */
typedef struct {
  SoupSession *session;
  GUri *base;
  const SamFetchOptions *options;
  guint requests;
  guint64 bytes;
} Fetcher;

/* What one file's answer said. */
typedef struct {
  guint status;
  char *etag;
  char *last_modified;
} Answer;

gboolean _sam_fetcher_init        (Fetcher               *f,
                                   const char            *url,
                                   const SamFetchOptions *options,
                                   GError               **error);
void     _sam_fetcher_clear       (Fetcher               *f);
void     _sam_fetch_answer_clear  (Answer                *answer);
/* The error for @name, larger than @limit bytes; returns FALSE */
gboolean _sam_fetch_too_large     (Fetcher               *f,
                                   const char            *name,
                                   guint64                limit,
                                   GError               **error);
/* A small file (register.json, a signature, a key) as a string; NULL for a
 * 304 (answer->status) or an error. @etag and @last_modified (nullable)
 * make the request conditional. */
char    *_sam_fetch_small         (Fetcher               *f,
                                   const char            *name,
                                   const char            *etag,
                                   const char            *last_modified,
                                   Answer                *answer,
                                   GCancellable          *cancellable,
                                   GError               **error);
/* register.xml, streamed into @tmp_path, at most @pub's size, with its
 * BLAKE2b @digest and SHA-256 (@sha256, newly allocated) taken on the way */
gboolean _sam_fetch_register_xml  (Fetcher               *f,
                                   const SamPublication  *pub,
                                   const char            *tmp_path,
                                   guint8                 digest[SAM_MINISIGN_HASH_LEN],
                                   char                 **sha256,
                                   GCancellable          *cancellable,
                                   GError               **error);

G_END_DECLS
