/* sam-result-item.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-actor-row.h"

G_BEGIN_DECLS

#define SAM_TYPE_RESULT_ITEM (sam_result_item_get_type ())
G_DECLARE_FINAL_TYPE (SamResultItem, sam_result_item, SAM, RESULT_ITEM, GObject)

/* One place in the result list and the actor shown there. The list keeps
 * its places from one search to the next and puts the new actors in them,
 * so GtkListView keeps the row widgets instead of building new ones. */
SamResultItem *sam_result_item_new       (SamActor      *actor);
SamActor      *sam_result_item_get_actor (SamResultItem *self);
void           sam_result_item_set_actor (SamResultItem *self,
                                          SamActor      *actor);
/* The rows the list bound to this place (not references): usually one;
 * GTK may keep a second, unmapped, for a while. */
GPtrArray     *sam_result_item_get_rows  (SamResultItem *self);
void           sam_result_item_add_row   (SamResultItem *self,
                                          SamActorRow   *row);
void           sam_result_item_remove_row (SamResultItem *self,
                                           SamActorRow   *row);

G_END_DECLS
