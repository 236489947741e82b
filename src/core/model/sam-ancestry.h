/* sam-ancestry.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's ancestry: who owns it, and a bounded history of its revisions
 * as short ids (newest first, the record's root last), with the revision
 * each field last changed in. A merge reads it to tell "theirs descends
 * from mine", "mine descends from theirs" and "diverged", and which side
 * changed a field since the two last shared a version. See
 * README-merge.md beside this file. Inside src/core only.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Revision ids kept per record (the root included), and their length. */
#define SAM_ANCESTRY_LIMIT 20
#define SAM_REV_LEN 16
/* Revision ids kept per field: its lineage, the revisions its value
 * descends from, newest first (README-merge.md, "Field lineages"). */
#define SAM_LINEAGE_LIMIT 8
/* A field whose revision was pruned: it matches no revision. */
#define SAM_REV_UNKNOWN "0000000000000000"

typedef struct {
  char *owner;     /* register id; NULL: this register */
  char *history;   /* "newest … root", revision ids separated by spaces */
  char *fields;    /* "key=rev,rev,… …" where the field changed after the
                      root: the revision it changed in, then its lineage */
} SamAncestry;

SamAncestry *sam_ancestry_new          (const char        *owner,
                                        const char        *history,
                                        const char        *fields);
SamAncestry *sam_ancestry_copy         (const SamAncestry *ancestry);
void         sam_ancestry_free         (SamAncestry       *ancestry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamAncestry, sam_ancestry_free)

/* Whether @a and @b are one known revision: one pruned away matches
 * nothing, itself included. */
gboolean     sam_rev_same              (const char        *a,
                                        const char        *b);
/* Whether @rev is @ancestry's head or one of its ancestors. */
gboolean     sam_ancestry_has          (const SamAncestry *ancestry,
                                        const char        *rev);
/* Copies the head (the first id) into @out. */
void         sam_ancestry_get_head     (const SamAncestry *ancestry,
                                        char               out[SAM_REV_LEN + 1]);
void         sam_ancestry_get_root     (const SamAncestry *ancestry,
                                        char               out[SAM_REV_LEN + 1]);
/* Whether @key's value in @ancestry is @rev's or descends from it: @rev
 * is in the field's lineage. A lineage that no longer reaches the root
 * leaves older revisions to the record's history. */
gboolean     sam_ancestry_field_has    (const SamAncestry *ancestry,
                                        const char        *key,
                                        const char        *rev);
/* Whether every field @other holds is at a revision the same field of
 * @ancestry has: the record's history alone may hold a revision whose
 * value of a field never arrived (a file for a narrower audience). */
gboolean     sam_ancestry_covers       (const SamAncestry *ancestry,
                                        const SamAncestry *other);
/* The revision @key last changed in: its own entry, else the root. */
void         sam_ancestry_get_field    (const SamAncestry *ancestry,
                                        const char        *key,
                                        char               out[SAM_REV_LEN + 1]);

/* A field whose value this copy of the record does not hold: it came in
 * a file for a narrower audience (a route left out, a step's route
 * reduced to its actor). Kept as "stale/KEY=REV", REV the revision the
 * field really has at the record's head (sam_ancestry_get_field gives
 * it); a file carries it so its reader knows the same. */
#define SAM_ANCESTRY_STALE "stale/"

/* A hand-over: "handed/FROM=REV", the revision in which register FROM,
 * owning the record, gave it to the owner named. */
#define SAM_ANCESTRY_HANDED "handed/"

/* Whether @ancestry has an entry for @key (plain). */
gboolean     sam_ancestry_has_entry    (const SamAncestry *ancestry,
                                        const char        *key);
gboolean     sam_ancestry_is_stale     (const SamAncestry *ancestry,
                                        const char        *key);
gboolean     sam_ancestry_has_stale    (const SamAncestry *ancestry);
/* The keys of @ancestry's stale fields (a new array of new strings). */
GPtrArray   *sam_ancestry_stale_keys   (const SamAncestry *ancestry);
/* Notes @key as changed in @rev (@stale: a value not held here), its
 * lineage @rev's followed by those of @key in @a and @b (nullable). */
void         sam_ancestry_set_field_from (SamAncestry     *ancestry,
                                        const char        *key,
                                        const char        *rev,
                                        gboolean           stale,
                                        const SamAncestry *a,
                                        const SamAncestry *b);
/* The same for many fields at once: each noted in @entries (a table of
 * new strings, made by the caller) and put together in one pass. */
void         sam_ancestry_note_field   (GHashTable        *entries,
                                        const char        *key,
                                        const char        *rev,
                                        gboolean           stale,
                                        const SamAncestry *a,
                                        const SamAncestry *b);
void         sam_ancestry_put_fields   (SamAncestry       *ancestry,
                                        GHashTable        *entries);

/* Revision ids: of a record with no known history ("root"), and of the
 * revision after @parent whose content hashes to @content_hash ("" for a
 * deletion). */
char        *sam_ancestry_root_id      (const char        *content_hash);
char        *sam_ancestry_next_id      (const char        *parent,
                                        const char        *content_hash);

/* The ancestry after a local revision @rev of @old, where the fields in
 * @changed (a set of keys, nullable) changed. Pruned to the limit. */
SamAncestry *sam_ancestry_advance      (const SamAncestry *old,
                                        const char        *rev,
                                        GHashTable        *changed);
/* The ancestry of a merge of @mine and @theirs into revision @rev, each
 * field's revision in @field_revs (key → rev; fields not in it keep
 * mine's, whose root is the merge's). Owner from @mine. */
SamAncestry *sam_ancestry_merge        (const SamAncestry *mine,
                                        const SamAncestry *theirs,
                                        const char        *rev,
                                        GHashTable        *field_revs);

/* The ancestry an actor or path read from a file carries (borrowed,
 * nullable); set takes ownership. */
SamAncestry *_sam_record_get_ancestry  (gpointer           record);
void         _sam_record_set_ancestry  (gpointer           record,
                                        SamAncestry       *ancestry);

G_END_DECLS
