/* sam-stale-dialog.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*SamStaleReload) (GtkWindow *editor);

/* Says that someone else saved the record @editor edits since it was
 * opened (@message names who), and offers Reload: @reload is called, then
 * the editor closes; Cancel keeps the editor and the user's typing. */
void sam_stale_dialog_show (GtkWindow      *editor,
                            const char     *message,
                            SamStaleReload  reload);

G_END_DECLS
