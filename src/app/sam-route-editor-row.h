/* sam-route-editor-row.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-contact-route.h"

G_BEGIN_DECLS

#define SAM_TYPE_ROUTE_EDITOR_ROW (sam_route_editor_row_get_type ())
G_DECLARE_FINAL_TYPE (SamRouteEditorRow, sam_route_editor_row, SAM, ROUTE_EDITOR_ROW, AdwExpanderRow)

/* One editable contact route of the actor editor: an expander whose title
 * is the value and whose subtitle is the kind. @route (nullable: a new
 * phone route) is read, never changed. Emits "remove-requested" and
 * "move-requested" (-1 up, +1 down) for the editor to act on. */
SamRouteEditorRow *sam_route_editor_row_new          (SamContactRoute   *route);
/* The id of the route the row edits (a new route has one too). */
const char        *sam_route_editor_row_get_route_id (SamRouteEditorRow *self);

/* Checks the fields and shows their errors when @show_all or once the
 * field was edited; with @focus, focuses the first wrong field. */
gboolean           sam_route_editor_row_check        (SamRouteEditorRow *self,
                                                      gboolean           show_all,
                                                      gboolean           focus);
/* A new route from the fields (keeping the route's id), or NULL with an
 * error that names the field. */
SamContactRoute   *sam_route_editor_row_build        (SamRouteEditorRow *self,
                                                      GError           **error);
/* Which move buttons make sense for the row's place in the list. */
void               sam_route_editor_row_set_movable  (SamRouteEditorRow *self,
                                                      gboolean           up,
                                                      gboolean           down);

G_END_DECLS
