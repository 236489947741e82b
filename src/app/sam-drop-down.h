/* sam-drop-down.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A drop-down of strings (GtkStringList) whose button ellipsizes the chosen
 * item, so a long title does not widen the window, while its list shows
 * every item whole. */
void sam_drop_down_ellipsize (GtkDropDown *dropdown);

G_END_DECLS
