/* sam-open-error-page.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_OPEN_ERROR_PAGE (sam_open_error_page_get_type ())
G_DECLARE_FINAL_TYPE (SamOpenErrorPage, sam_open_error_page, SAM, OPEN_ERROR_PAGE, AdwBin)

/* Opens the register at @path only when a register is there: a missing
 * file, a folder, an empty file or one that is no SQLite database fails
 * with its reason, and nothing is created. Any thread. */
SamStore         *sam_open_existing_register       (const char        *path,
                                                    GError           **error);

/* Says which register could not be opened and why, in plain words, with
 * Try Again, Wait (while another program writes to it), Open Another
 * Register… (win.open-register) and Open the Sample Register
 * (win.open-sample). Emits ::opened (SamStore) when a new try opens it. */
SamOpenErrorPage *sam_open_error_page_new          (void);
void              sam_open_error_page_set_error    (SamOpenErrorPage  *self,
                                                    const char        *path,
                                                    const GError      *error);
const char       *sam_open_error_page_get_path     (SamOpenErrorPage  *self);
/* The plain words shown: the heading and the reason. */
const char       *sam_open_error_page_get_title    (SamOpenErrorPage  *self);
const char       *sam_open_error_page_get_reason   (SamOpenErrorPage  *self);
/* Opens the register again in a thread. */
void              sam_open_error_page_retry        (SamOpenErrorPage  *self);
/* Waiting: a new try every few seconds while the register is busy.
 * Stopping also drops what a try under way would open. */
void              sam_open_error_page_wait         (SamOpenErrorPage  *self);
void              sam_open_error_page_stop_waiting (SamOpenErrorPage  *self);
gboolean          sam_open_error_page_is_waiting   (SamOpenErrorPage  *self);
gboolean          sam_open_error_page_can_wait     (SamOpenErrorPage  *self);
/* A try is under way; how many came back since the page was shown. */
gboolean          sam_open_error_page_is_trying    (SamOpenErrorPage  *self);
guint             sam_open_error_page_get_tries    (SamOpenErrorPage  *self);

G_END_DECLS
