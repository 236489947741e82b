/* sam-translation-hint.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Marks the heading of a Swedish or English text field when that text is
 * empty while the other language has one ("In English · translation
 * missing"): the app would quietly show the other language there. */
void sam_translation_hint_bind (GtkLabel      *sv_heading,
                                GtkTextBuffer *sv_buffer,
                                GtkLabel      *en_heading,
                                GtkTextBuffer *en_buffer);

G_END_DECLS
