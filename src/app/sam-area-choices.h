/* sam-area-choices.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Every county and municipality by name, after "None", as a list of
 * GtkStringObject for a drop-down; @codes gets the code at each position
 * ("" for none). */
GListModel *sam_area_choices_new      (GStrvBuilder *codes);
/* Lets @dropdown be searched by typing a name ("Skel…"). */
void        sam_area_choices_searchable (GtkDropDown *dropdown);
/* The position of @code in @codes, 0 (none) when it is not there. */
guint       sam_area_choices_find     (const char * const *codes,
                                       const char         *code);

G_END_DECLS
