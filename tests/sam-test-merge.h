/* sam-test-merge.h
 *
 * What the merge tests share: a register A made from the sample, exports
 * read back as another installation reads them, plans and their counts.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sam-export-filter.h"
#include "sam-merge.h"
#include "sam-store.h"

G_BEGIN_DECLS

typedef struct {
  char *dir;
  SamStore *a;
} SamMergeFixture;

void sam_test_fixture_set_up (SamMergeFixture *f, gconstpointer data);
void sam_test_fixture_tear_down (SamMergeFixture *f, gconstpointer data);
SamRegisterData *sam_test_exchange (SamStore *store, const SamExportFilter *filter);
SamMergePlan *sam_test_plan_for (SamStore *store, SamRegisterData *data);
void sam_test_assert_counts (SamMergePlan *plan, guint n_new, guint updated, guint deleted, guint conflicts);
void sam_test_merge (SamStore *from, SamStore *to, SamMergeSide prefer);
void sam_test_rename_actor (SamStore *store, const char *id, SamLang lang, const char *name);
void sam_test_describe_actor (SamStore *store, const char *id, SamLang lang, const char *text);
char *sam_test_name_of (SamStore *store, const char *id, SamLang lang);
SamStore *sam_test_open_new (SamMergeFixture *f, const char *name, const char *user);
SamStore *sam_test_copy_of_a (SamMergeFixture *f, const char *name);
char *sam_test_records_of (SamStore *store);

G_END_DECLS
