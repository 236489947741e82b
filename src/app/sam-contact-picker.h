/* sam-contact-picker.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_CONTACT_PICKER (sam_contact_picker_get_type ())
G_DECLARE_FINAL_TYPE (SamContactPicker, sam_contact_picker, SAM, CONTACT_PICKER, AdwBin)

/* An actor of the register (a drop-down one can type in to search) and one
 * of its contact routes (showing kind, value and visibility). @actors is a
 * list of SamActor, shared between pickers, that need only carry names
 * (sam_store_list_actor_choices()); the routes of the chosen one are read
 * from @store. An id that is no longer in the
 * register is kept, showing nothing chosen, until another is picked.
 * Emits "changed" when the user picks. */
GtkWidget  *sam_contact_picker_new          (GListModel       *actors,
                                             SamStore         *store);
void        sam_contact_picker_set          (SamContactPicker *self,
                                             const char       *actor_id,
                                             const char       *route_id);
const char *sam_contact_picker_get_actor_id (SamContactPicker *self);
const char *sam_contact_picker_get_route_id (SamContactPicker *self);
GtkDropDown *sam_contact_picker_get_actor_dropdown (SamContactPicker *self);
GtkDropDown *sam_contact_picker_get_route_dropdown (SamContactPicker *self);

G_END_DECLS
