/* sam-record-fields.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's fields as a merge compares them and people read them, its
 * content hash, and which fields changed between two versions. The store
 * notes a local revision with them; the merge decides with them. Inside
 * src/core only.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sam-actor.h"
#include "sam-ancestry.h"
#include "sam-escalation-path.h"

G_BEGIN_DECLS

/* A field of a record, as compared and shown. */
typedef struct {
  char *key;        /* stable: "name.sv", "route:ID", "step:ID/text.en" … */
  char *label;      /* translated */
  char *canon;      /* what is compared */
  char *display;    /* what people read */
} SamFieldValue;

/* Content hashes, as the merge compares records: every field a person can
 * change, not the revision nor who saved it when. Routes more restricted
 * than @audience are left out (SAM_VISIBILITY_INTERNAL: all). */
char            *sam_merge_hash_actor         (SamActor          *actor,
                                               SamVisibility      audience);
char            *sam_merge_hash_path          (SamEscalationPath *path);
/* The content hash of a record (NULL: deleted, ""). */
char            *_sam_merge_hash_record       (GObject           *record,
                                               SamVisibility      audience);
/* The ancestry of a record that has no row: its root alone. */
SamAncestry     *_sam_merge_root_ancestry     (const char        *owner,
                                               const char        *content_hash);

gboolean         _sam_merge_route_in_audience (SamContactRoute   *route,
                                               SamVisibility      audience);
SamContactRoute *_sam_merge_find_route        (SamActor          *actor,
                                               const char        *id,
                                               SamVisibility      audience);
char            *_sam_merge_node_text         (JsonNode          *node);

/* Of SamFieldValue, every field @record has (routes in @audience). */
GPtrArray       *_sam_merge_record_fields     (GObject           *record,
                                               SamVisibility      audience);
/* The same, each display its canonical value (cheaper: no formatting). */
GPtrArray       *_sam_merge_record_canon      (GObject           *record,
                                               SamVisibility      audience);
/* key → SamFieldValue of @fields (borrowed). */
GHashTable      *_sam_merge_field_table       (GPtrArray         *fields);
gboolean         _sam_merge_is_order_key      (const char        *key);
/* Whether two values of @key differ (NULL: the field is not there). */
gboolean         _sam_merge_values_differ     (const char        *key,
                                               SamFieldValue     *a,
                                               SamFieldValue     *b);
/* The set of keys that differ between two versions of a record. */
GHashTable      *_sam_merge_changed_keys      (GObject           *before,
                                               GObject           *after,
                                               SamVisibility      audience);

G_END_DECLS
