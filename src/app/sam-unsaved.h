/* sam-unsaved.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An editor window that asks before it throws away changes: from now on,
 * closing @window (Cancel, Escape, the close button) when a field differs
 * from what it shows now asks "Discard Changes?" with Keep Editing as the
 * default; without changes it closes at once. Call once the fields are
 * filled. */
void       sam_unsaved_guard    (GtkWindow *window);
/* What was typed is saved (or may go): the next close asks nothing. */
void       sam_unsaved_release  (GtkWindow *window);
/* A field of @window differs from when it was guarded. */
gboolean   sam_unsaved_changed  (GtkWindow *window);
/* The question on screen, or NULL. */
AdwMessageDialog *sam_unsaved_get_dialog (GtkWindow *window);

G_END_DECLS
