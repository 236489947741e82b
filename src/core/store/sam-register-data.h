/* sam-register-data.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A register's contents in memory, as an exchange file carries them and
 * as the store reads and writes them whole.
 */
#pragma once

#include "sam-ancestry.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* A deleted record, carried so that a deletion travels with the file and
 * an older file does not bring the record back. */
typedef struct {
  char *entity;        /* "actor" or "path" */
  char *id;
  gint64 revision;     /* the revision the deletion made */
  GDateTime *deleted;  /* nullable */
  SamAncestry *ancestry;   /* nullable */
  int line;            /* in the file it came from, or 0 */
} SamTombstone;

void             sam_tombstone_free      (SamTombstone *tombstone);

/* The contents of one exchange file. */
typedef struct {
  SamRegisterMeta meta;
  GPtrArray *actors;   /* of SamActor */
  GPtrArray *paths;    /* of SamEscalationPath */
  /* Optional in a file (all additive to format 1): */
  char *source;        /* the installation that exported it, or NULL */
  GDateTime *exported; /* when, or NULL */
  SamVisibility audience;  /* the most restricted route it may carry */
  GPtrArray *tombstones;   /* of SamTombstone */
} SamRegisterData;

SamRegisterData *sam_register_data_new   (void);
void             sam_register_data_free  (SamRegisterData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRegisterData, sam_register_data_free)

G_END_DECLS
