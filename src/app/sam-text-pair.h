/* sam-text-pair.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-text.h"

G_BEGIN_DECLS

#define SAM_TYPE_TEXT_PAIR (sam_text_pair_get_type ())
G_DECLARE_FINAL_TYPE (SamTextPair, sam_text_pair, SAM, TEXT_PAIR, AdwBin)

/* A Swedish and an English field side by side that edit @text in place
 * (which must outlive the widget); the empty one of the two is marked as
 * missing while the other is filled. Emits "changed" after each edit. */
GtkWidget   *sam_text_pair_new       (SamText     *text,
                                      const char  *title_sv,
                                      const char  *title_en);
GtkEditable *sam_text_pair_get_entry (SamTextPair *self,
                                      SamLang      lang);
/* Whether the hint "… missing" shows at @lang's field. */
gboolean     sam_text_pair_is_missing (SamTextPair *self,
                                       SamLang      lang);

G_END_DECLS
