/* sam-field-error.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Marks a field as wrong (the "error" style, and the message as its
 * accessible description, so a screen reader says why), or as right
 * again when @message is NULL. */
void sam_field_set_error (GtkWidget  *field,
                          const char *message);

G_END_DECLS
