/* sam-publish.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishing a register as signed static files that any web server can
 * carry, and the metadata file that describes a publication:
 *   DIR/register.xml            the export (never with internal routes)
 *   DIR/register.xml.minisig    its signature (`minisign -Vm` checks it)
 *   DIR/register.json           what it is: sequence, SHA-256, size, times, publisher
 *   DIR/register.json.minisig   its signature
 *   DIR/register.pub            the public key, for a first follower to see its fingerprint
 * (src/core/exchange/README-publish.md says why it is made this way.)
 */
#pragma once

#include <gio/gio.h>

#include "sam-export-filter.h"
#include "sam-minisign.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_PUBLISH_FORMAT "samverkan-publication"
#define SAM_PUBLISH_FORMAT_VERSION 1
#define SAM_PUBLISH_DEFAULT_VALID_DAYS 7
/* register.json and the small files beside it are never larger */
#define SAM_PUBLISH_SMALL_FILE_MAX (64 * 1024)

/* What register.json says. */
typedef struct {
  gint64 format_version;
  char *register_id;
  char *register_name;
  gint64 register_version;
  gint64 sequence;        /* grows with every publication of this folder */
  char *sha256;           /* of register.xml, lower-case hex */
  guint64 size;           /* of register.xml, in bytes */
  char *audience;         /* "public" or "professional" */
  GDateTime *published;
  GDateTime *valid_until;
  char *publisher;
  char *key_id;
} SamPublication;

void            sam_publication_free   (SamPublication *publication);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamPublication, sam_publication_free)

/* Strict: every field there and of its type, or an error naming it. */
SamPublication *sam_publication_parse  (const char     *json,
                                        gsize           length,
                                        GError        **error);
char           *sam_publication_to_json (const SamPublication *publication);
/* Past its valid-until at @now. */
gboolean        sam_publication_is_expired (const SamPublication *publication,
                                            GDateTime            *now);

typedef struct {
  /* Areas, kinds, paths as for an export; audience PUBLIC or PROFESSIONAL
   * (an internal audience is refused). */
  SamExportFilter filter;
  int valid_days;            /* 1 to 366 */
  const char *publisher;     /* NULL: the register's owner, else its name */
} SamPublishOptions;

/* Professional audience, everything else, SAM_PUBLISH_DEFAULT_VALID_DAYS. */
void            sam_publish_options_init (SamPublishOptions *options);

/* Writes the five files into @dir (made if missing), each replaced
 * atomically, register.json last. Returns what register.json says. */
SamPublication *sam_publish            (SamStore                *store,
                                        const SamPublishOptions *options,
                                        const SamMinisignKey    *key,
                                        const char              *dir,
                                        GError                 **error);

/* The same in a thread, on a connection of its own to @register_path, for
 * the app; @options is copied. */
void            sam_publish_async      (const char              *register_path,
                                        const SamPublishOptions *options,
                                        const char              *secret_key_path,
                                        const char              *dir,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data);
SamPublication *sam_publish_finish     (GAsyncResult            *result,
                                        GError                 **error);

G_END_DECLS
