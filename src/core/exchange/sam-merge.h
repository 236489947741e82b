/* sam-merge.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing an exchange file into a register that already holds data: a
 * three-way merge by stable id against what was last seen from the file's
 * source. First a plan (the preview: what is new, updated, unchanged,
 * deleted upstream, in conflict), then, once every conflict has a side for
 * every field, one transaction that applies it, logged with its source.
 */
#pragma once

#include <gio/gio.h>

#include "sam-record-fields.h"
#include "sam-register-xml.h"
#include "sam-store.h"

G_BEGIN_DECLS

typedef enum {
  SAM_MERGE_UNCHANGED,   /* nothing to do (the same, or changed here only) */
  SAM_MERGE_NEW,         /* not in this register: added */
  SAM_MERGE_UPDATED,     /* changed there only: theirs is taken */
  SAM_MERGE_DELETED,     /* deleted there only: deleted here */
  SAM_MERGE_CONFLICT,    /* changed on both sides: a person decides */
  SAM_MERGE_N_ACTIONS
} SamMergeAction;

typedef enum {
  SAM_MERGE_SIDE_NONE,
  SAM_MERGE_SIDE_MINE,
  SAM_MERGE_SIDE_THEIRS,
} SamMergeSide;

/* One field of a record in conflict, as people read it. */
typedef struct {
  char *key;           /* stable: "name.sv", "areas", "route:ID", "record" … */
  char *label;         /* translated: "Name (Swedish)" */
  char *mine;          /* the value here, NULL when there is none */
  char *theirs;        /* the value in the file, NULL when there is none */
  SamMergeSide choice; /* NONE until decided */
} SamMergeField;

typedef struct _SamMergeItem SamMergeItem;
typedef struct _SamMergePlan SamMergePlan;

/* Plans the import of @data (as read by sam_register_xml_parse) into
 * @store; reads only. @file_name (nullable) is what the change log names. */
SamMergePlan *sam_merge_plan_new            (SamStore         *store,
                                             SamRegisterData  *data,
                                             const char       *file_name,
                                             GError          **error);
/* Reads and parses @file (with the size limit) and plans it. */
SamMergePlan *sam_merge_plan_new_for_file   (SamStore         *store,
                                             GFile            *file,
                                             GCancellable     *cancellable,
                                             GError          **error);
void          sam_merge_plan_free           (SamMergePlan     *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMergePlan, sam_merge_plan_free)

/* The source: its register id (or the installation that exported it) and
 * name as the file gives them. */
const char   *sam_merge_plan_get_source     (SamMergePlan     *plan);
const char   *sam_merge_plan_get_source_name (SamMergePlan    *plan);
const SamRegisterData *sam_merge_plan_get_data (SamMergePlan  *plan);
guint         sam_merge_plan_count          (SamMergePlan     *plan,
                                             SamMergeAction    action);
/* TRUE when applying would change nothing at all (re-importing a file). */
gboolean      sam_merge_plan_is_noop        (SamMergePlan     *plan);
/* Every record of the file that something happens to (all but UNCHANGED),
 * in the file's order; owned by the plan. */
GPtrArray    *sam_merge_plan_get_changes    (SamMergePlan     *plan);
GPtrArray    *sam_merge_plan_get_conflicts  (SamMergePlan     *plan);
/* "3 new, 1 updated, 120 unchanged, 0 deleted upstream, 1 conflict" */
char         *sam_merge_plan_describe       (SamMergePlan     *plan);
/* Notes on the file as a whole: older than the last one from the same
 * source, a public or professional subset. Translated; owned. */
GPtrArray    *sam_merge_plan_get_notes      (SamMergePlan     *plan);

/* Decides every field not decided yet. */
void          sam_merge_plan_prefer         (SamMergePlan     *plan,
                                             SamMergeSide      side);
/* Decides the field @key (or a route or step with all its fields, as
 * "step:ID") of the conflicts of record @record (NULL: of every
 * conflict); returns how many fields it decided. */
guint         sam_merge_plan_prefer_field   (SamMergePlan     *plan,
                                             const char       *record,
                                             const char       *key,
                                             SamMergeSide      side);
/* Fields without a side, over all conflicts. */
guint         sam_merge_plan_count_undecided (SamMergePlan    *plan);

/* Applies the plan in one transaction. Fails with SAM_ERROR_CONFLICT
 * naming the conflicts while a field has no side, and with
 * SAM_ERROR_STALE when the register changed after planning; both leave the
 * register untouched. With @backup the register is first copied with
 * SQLite's online backup (sam_backups_create); no copy is made and nothing
 * is written when the plan changes nothing. A plan that came from
 * sam_merge_plan_new_for_file_async() has no store: apply it with
 * sam_merge_plan_apply_async() (sam-register-tasks.h). */
gboolean      sam_merge_plan_apply          (SamMergePlan     *plan,
                                             gboolean          backup,
                                             GError          **error);

SamMergeAction  sam_merge_item_get_action   (SamMergeItem     *item);
/* "actor" or "path" */
const char     *sam_merge_item_get_entity   (SamMergeItem     *item);
const char     *sam_merge_item_get_id       (SamMergeItem     *item);
/* The record's name in the UI language, from whichever side has one. */
const char     *sam_merge_item_get_name     (SamMergeItem     *item);
/* Of SamMergeField: the fields that differ, for a conflict; empty else. */
GPtrArray      *sam_merge_item_get_fields   (SamMergeItem     *item);
/* TRUE when the file's source does not own the record: its changes are
 * proposals, decided by a person. */
gboolean        sam_merge_item_is_proposal  (SamMergeItem     *item);
/* A proposal's owner as a person reads it ("this register", the name it
 * gave itself); NULL when not a proposal. */
const char     *sam_merge_item_get_owner_name (SamMergeItem   *item);
gboolean        sam_merge_item_choose       (SamMergeItem     *item,
                                             const char       *key,
                                             SamMergeSide      side);

const char     *sam_merge_action_get_label  (SamMergeAction    action);


/* Gives every record of @data its ancestry as this register keeps it
 * (owner, history, changed fields), for an export; @actors and @paths
 * (nullable) are the full records, whose root is hashed when a record has
 * no history yet. */
gboolean        sam_merge_attach_ancestry   (SamStore          *store,
                                             SamRegisterData   *data,
                                             GPtrArray         *actors,
                                             GPtrArray         *paths,
                                             GError           **error);

/* Hands @entity ("actor" or "path") @id, which this register owns, to
 * the register @to (its id, as its exports name it): from then on only
 * @to's changes apply by themselves anywhere, whoever passes them on. The
 * hand-over is a revision of the record's history, so it travels with it. */
gboolean        sam_merge_hand_over         (SamStore          *store,
                                             const char        *entity,
                                             const char        *id,
                                             const char        *to,
                                             GError           **error);

G_END_DECLS
