/* sam-test-store.h
 *
 * What test-store.c and test-store-actors.c share: a folder of the test's
 * own with the path of a register in it, and an actor with every field
 * filled in, saved, loaded and compared.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sam-store.h"

G_BEGIN_DECLS

typedef struct {
  char *dir;
  char *path;
} SamTestStoreFixture;

/* A new folder; the clock at 2026-11-25 12:00 +01:00 ($SAMVERKAN_NOW). */
void             sam_test_store_fixture_set_up    (SamTestStoreFixture *f,
                                                   gconstpointer        data);
void             sam_test_store_fixture_tear_down (SamTestStoreFixture *f,
                                                   gconstpointer        data);
/* Opens (creates) the register at @path, which must succeed. */
SamStore        *sam_test_store_open              (const char *path);
/* @iso as a date and time, which must parse. */
GDateTime       *sam_test_date_time               (const char *iso);
SamContactRoute *sam_test_make_route              (const char      *id,
                                                   SamRouteKind     kind,
                                                   const char      *value,
                                                   SamVisibility    visibility);
/* An actor with every field filled in; route ids start with @id. */
SamActor        *sam_test_make_actor              (const char *id);
/* Every field, including the routes, their labels, hours and visibility. */
void             sam_test_assert_actors_equal     (SamActor *a,
                                                   SamActor *b);
/* The actor @id, which must load. */
SamActor        *sam_test_store_load_actor        (SamStore   *store,
                                                   const char *id);
/* Inserts @actor, which must succeed. */
void             sam_test_store_insert_actor      (SamStore *store,
                                                   SamActor *actor);

G_END_DECLS
