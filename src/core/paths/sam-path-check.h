/* sam-path-check.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* What is wrong with an escalation path, each problem naming its step:
 * a start step that is not there, a question without answers, an answer
 * or a next step that leads nowhere, a step no way leads to, a cycle, a
 * step naming an actor or route that is not in the register (any more).
 * @paths are all the register's paths (answers may hand over to another);
 * @store (nullable) looks up actors. Returns translated lines; empty when
 * the path is sound. */
GPtrArray *sam_path_check (SamEscalationPath *path,
                           GPtrArray         *paths,
                           SamStore          *store);

/* One problem and the step it is at, for an editor to show it there. */
typedef struct {
  char *step_id;   /* NULL when it is about the path as a whole */
  char *message;   /* as sam_path_check() words it */
} SamPathProblem;

void       sam_path_problem_free   (SamPathProblem *problem);
/* sam_path_check(), as an array of SamPathProblem. */
GPtrArray *sam_path_check_problems (SamEscalationPath *path,
                                    GPtrArray         *paths,
                                    SamStore          *store);

/* After an import: a line for each step or fallback of the register's paths
 * that names an actor or contact route the register does not have (a
 * dangling reference), translated, naming its path and step. */
GPtrArray *sam_path_check_dangling (SamStore          *store,
                                    GError           **error);

G_END_DECLS
