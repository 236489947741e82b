/* sam-merge-sim-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside the merge simulation: its registers and the oracle's memory,
 * shared by the simulation (sam-merge-sim.c: records made, edited,
 * exported and merged) and the oracle (sam-merge-sim-oracle.c: every
 * write remembered, conflicts decided, and at the end what was lost).
 */
#pragma once

#include <glib.h>

#include "sam-merge.h"
#include "sam-merge-sim.h"
#include "sam-store.h"

G_BEGIN_DECLS

typedef struct {
  SamStore *store;
  int follows;         /* the register it follows, or -1 */
  char *published;     /* where the registers following it read it */
} SamMergeSimReg;

typedef struct {
  guint op;
  char *value;         /* NULL: the route or step is gone */
} SamMergeSimEntry;

typedef struct {
  guint edit_op;       /* the last write to any of its fields */
  guint deleted_op;    /* 0: never deleted */
} SamMergeSimRec;

typedef struct {
  GRand *rand;
  SamMergeSimReg *regs;
  guint n;
  const char *dir;
  GHashTable *oracle;  /* "actor:ID\x1ffield" → SamMergeSimEntry */
  GHashTable *records; /* "actor:ID" → SamMergeSimRec */
  GPtrArray *keys;     /* of "actor:ID", "path:ID" */
  guint op;
  guint serial;
  SamMergeSimResult *result;
  GString *problems;
} SamMergeSim;

/* Problems, one a line, while @sim->problems has room. */
void            _sam_merge_sim_problem     (SamMergeSim *sim,
                                            const char  *format,
                                            ...) G_GNUC_PRINTF (2, 3);
void            _sam_merge_sim_entry_free  (SamMergeSimEntry *entry);
/* The record @key ("actor:ID", "path:ID"), made on first sight. */
SamMergeSimRec *_sam_merge_sim_record      (SamMergeSim *sim,
                                            const char  *key);
/* @field of @key written with @value (NULL: gone) by the current
 * operation. */
void            _sam_merge_sim_remember    (SamMergeSim *sim,
                                            const char  *key,
                                            const char  *field,
                                            const char  *value);
/* Each conflict of @plan decided as a coordinator who knows which edit
 * came last would. */
void            _sam_merge_sim_decide      (SamMergeSim  *sim,
                                            SamMergePlan *plan);
/* Counts the remembered latest writes some register does not hold. */
void            _sam_merge_sim_count_lost  (SamMergeSim *sim);
/* The records of @store, one line each with its hash, sorted. */
char           *_sam_merge_sim_fingerprint (SamMergeSim *sim,
                                            SamStore    *store);

G_END_DECLS
