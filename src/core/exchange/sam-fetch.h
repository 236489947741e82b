/* sam-fetch.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Following a register published with sam_publish() over HTTP(S): fetch
 * register.json and its signature (a conditional request: an unchanged
 * register costs one small answer), check the signature with a trusted key
 * and the sequence against the copy already applied, then fetch
 * register.xml within the size the metadata gives, check its SHA-256 and
 * signature, keep it as the last good copy on this machine and apply it
 * through sam_follow_sync(). Anything refused leaves the register and the
 * last good copy as they were.
 */
#pragma once

#include <gio/gio.h>

#include "sam-merge.h"
#include "sam-minisign.h"
#include "sam-publish.h"
#include "sam-store.h"
#include "sam-store-keys.h"

G_BEGIN_DECLS

#define SAM_FETCH_ERROR (sam_fetch_error_quark ())

typedef enum {
  SAM_FETCH_ERROR_NETWORK,      /* no connection, or it broke */
  SAM_FETCH_ERROR_HTTP,         /* the server answered with an error status */
  SAM_FETCH_ERROR_TIMEOUT,
  SAM_FETCH_ERROR_REDIRECT,     /* to another host or scheme, or too many */
  SAM_FETCH_ERROR_TOO_LARGE,
  SAM_FETCH_ERROR_TRUNCATED,
  SAM_FETCH_ERROR_UNKNOWN_KEY,  /* signed by a key this register does not trust */
  SAM_FETCH_ERROR_WRONG_KEY,    /* signed by another key than the one it is followed with */
  SAM_FETCH_ERROR_TAMPERED,     /* a signature or the SHA-256 does not match */
  SAM_FETCH_ERROR_ROLLBACK,     /* older than the copy already applied */
  SAM_FETCH_ERROR_INVALID,      /* not a publication, or a bad address */
  SAM_FETCH_ERROR_NOT_FOLLOWED,
} SamFetchError;

GQuark sam_fetch_error_quark (void);

#define SAM_FETCH_DEFAULT_TIMEOUT 120

typedef struct {
  /* Largest register.xml accepted; 0: sam_register_xml_get_max_size(). */
  guint64 max_size;
  /* Seconds for one file, and without a byte, at most; 0: the default. */
  guint timeout;
  /* The text of a KEY.pub to trust when it is the key that signed (the
   * first follow of a new publisher); nullable. */
  const char *trust;
} SamFetchOptions;

typedef enum {
  SAM_FETCH_UNCHANGED,
  SAM_FETCH_UPDATED,
} SamFetchStatus;

typedef struct {
  SamFetchStatus status;
  char *url;
  SamPublishedState *state;   /* as the register now keeps it */
  SamMergePlan *plan;         /* what was applied; NULL when unchanged */
  gboolean stale;             /* the last good copy is past its valid-until */
  guint requests;
  guint64 bytes;              /* bodies received */
} SamFetchResult;

void            sam_fetch_result_free   (SamFetchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamFetchResult, sam_fetch_result_free)

void            sam_fetch_options_init  (SamFetchOptions *options);
gboolean        sam_fetch_is_url        (const char      *text);
/* The folder of a publication, ending in "/": "https://h/d", "https://h/d/"
 * and "https://h/d/register.xml" are the same. */
char           *sam_fetch_normalize_url (const char      *url,
                                         GError         **error);

/* Follows @url, or brings it up to date. Blocking: call it in a thread
 * with a store of its own, or use the _async form. */
SamFetchResult *sam_fetch_follow        (SamStore              *store,
                                         const char            *url,
                                         const SamFetchOptions *options,
                                         GCancellable          *cancellable,
                                         GError               **error);
void            sam_fetch_follow_async  (const char            *register_path,
                                         const char            *url,
                                         const SamFetchOptions *options,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
SamFetchResult *sam_fetch_follow_finish (GAsyncResult          *result,
                                         GError               **error);

/* The key a publication offers in register.pub, to show its fingerprint
 * before trusting it. It proves nothing by itself. */
SamMinisignKey *sam_fetch_offered_key   (const char            *url,
                                         const SamFetchOptions *options,
                                         GCancellable          *cancellable,
                                         GError               **error);
void            sam_fetch_offered_key_async  (const char            *url,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
SamMinisignKey *sam_fetch_offered_key_finish (GAsyncResult          *result,
                                              GError               **error);

/* Stops following @url; its records stay. */
gboolean        sam_fetch_unfollow      (SamStore              *store,
                                         const char            *url,
                                         GError               **error);

/* "The register from NAME has not been updated since DATE", one for each
 * followed publication past its valid-until at @now. */
GPtrArray      *sam_fetch_stale_messages (SamStore             *store,
                                          GDateTime            *now,
                                          GError              **error);

G_END_DECLS
