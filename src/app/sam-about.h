/* sam-about.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Presents the About window, modal for @parent (may be NULL). */
void sam_show_about (GtkWindow *parent);

G_END_DECLS
