/* sam-test-store.h
 *
 * What test-store.c and test-store-actors.c share: a folder of the test's
 * own with the path of a register in it, and an actor with every field
 * filled in, saved, loaded and compared. The helpers keep the short names
 * the tests were written with.
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
} Fixture;

/* A new folder; the clock at 2026-11-25 12:00 +01:00 ($SAMVERKAN_NOW). */
void             fixture_set_up      (Fixture       *f,
                                      gconstpointer  data);
void             fixture_tear_down   (Fixture       *f,
                                      gconstpointer  data);
/* Opens (creates) the register at @path, which must succeed. */
SamStore        *open_store          (const char *path);
/* @iso as a date and time, which must parse. */
GDateTime       *at                  (const char *iso);
SamContactRoute *make_route          (const char      *id,
                                      SamRouteKind     kind,
                                      const char      *value,
                                      SamVisibility    visibility);
/* An actor with every field filled in; route ids start with @id. */
SamActor        *make_actor          (const char *id);
/* Every field, including the routes, their labels, hours and visibility. */
void             assert_actors_equal (SamActor *a,
                                      SamActor *b);
/* The actor @id, which must load. */
SamActor        *load                (SamStore   *store,
                                      const char *id);
/* Inserts @actor, which must succeed. */
void             insert              (SamStore *store,
                                      SamActor *actor);

G_END_DECLS
