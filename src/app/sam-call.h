/* sam-call.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-contact-route.h"

G_BEGIN_DECLS

/* Whether a program on this computer handles tel: links. With none, the
 * Call button gives way to Show Number. $SAMVERKAN_TEL_HANDLER=none says
 * there is none (for trying it out); tests set their own answer with
 * sam_call_set_handler_check(). */
gboolean sam_call_has_handler       (void);
void     sam_call_set_handler_check (gboolean (*check) (void));
/* A route opened by its button calls when it can (tel:); otherwise it is
 * shown as Show Number. */
gboolean sam_call_shows_number      (SamContactRoute *route);
/* Opens @route (calls, writes, opens the website) from @widget's window.
 * A phone number that nothing can call, or whose call fails, is shown in
 * large digits with Copy, to dial on a desk phone; @who names whose it is
 * (NULL: none). */
void     sam_call_open_route        (GtkWidget       *widget,
                                     SamContactRoute *route,
                                     const char      *who);
/* The dialog of sam_call_open_route() for @display. */
AdwMessageDialog *sam_call_show_number (GtkWidget  *widget,
                                        const char *display,
                                        const char *who);

G_END_DECLS
