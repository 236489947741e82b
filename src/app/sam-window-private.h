/* sam-window-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-window.h"

G_BEGIN_DECLS

/* sam-window-files.c: New, Open, Import, Export and Save a Copy. */
void _sam_window_class_add_file_actions (GtkWidgetClass *widget_class);
void _sam_window_toast                  (SamWindow      *self,
                                         const char     *text);
/* Shows a long operation's state in a toast with Cancel; NULL ends it. */
void _sam_window_set_busy               (SamWindow      *self,
                                         const char     *text,
                                         GCancellable   *cancellable);

G_END_DECLS
