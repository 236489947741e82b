/* sam-store-keys.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the register keeps for signed publications: the publishers' keys it
 * trusts (table "trusted_key") and, for each register followed over HTTP(S),
 * the state of its last good copy (table "published_follow"). Checking
 * signatures and fetching are sam-minisign.c's and sam-fetch.c's.
 */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

typedef struct {
  char *id;          /* 16 hex digits */
  char *public_key;  /* the base64 line of KEY.pub */
  char *name;        /* who it belongs to, as the person who added it said */
  GDateTime *added;
} SamTrustedKey;

void        sam_trusted_key_free        (SamTrustedKey *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamTrustedKey, sam_trusted_key_free)

typedef struct {
  char *url;            /* the folder, ending in "/" */
  char *key_id;         /* the key it is followed with */
  char *copy;           /* the last good register.xml on this machine */
  gint64 sequence;      /* of the last good copy; an older one is refused */
  char *sha256;
  char *publisher;
  GDateTime *published;
  GDateTime *valid_until;
  char *etag;           /* what the server said of register.json */
  char *last_modified;
  GDateTime *checked;   /* the last time the server answered */
} SamPublishedState;

void        sam_published_state_free    (SamPublishedState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamPublishedState, sam_published_state_free)

/* Adds @id, or renames it when it is there with the same public key. */
gboolean       sam_store_keys_add       (SamStore     *store,
                                         const char   *id,
                                         const char   *public_key,
                                         const char   *name,
                                         GError      **error);
/* SAM_ERROR_NOT_FOUND when there is no such key. */
gboolean       sam_store_keys_remove    (SamStore     *store,
                                         const char   *id,
                                         GError      **error);
/* Of SamTrustedKey, in the order they were added. */
GPtrArray     *sam_store_keys_list      (SamStore     *store,
                                         GError      **error);
/* NULL without an error when the key is not trusted. */
SamTrustedKey *sam_store_keys_lookup    (SamStore     *store,
                                         const char   *id,
                                         GError      **error);

/* NULL without an error when @url is not followed. */
SamPublishedState *sam_store_published_get    (SamStore                *store,
                                               const char              *url,
                                               GError                 **error);
/* Inserts or replaces the whole row, in one transaction. */
gboolean           sam_store_published_set    (SamStore                *store,
                                               const SamPublishedState *state,
                                               GError                 **error);
gboolean           sam_store_published_delete (SamStore                *store,
                                               const char              *url,
                                               GError                 **error);
/* Of SamPublishedState, by URL. */
GPtrArray         *sam_store_published_list   (SamStore                *store,
                                               GError                 **error);

G_END_DECLS
