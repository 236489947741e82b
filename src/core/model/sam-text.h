/* sam-text.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-enums.h"

G_BEGIN_DECLS

/* A register text in Swedish and English; either may be NULL. */
typedef struct {
  char *text[SAM_N_LANGS];
} SamText;

void         sam_text_clear      (SamText       *self);
void         sam_text_set        (SamText       *self,
                                  SamLang        lang,
                                  const char    *text);
const char  *sam_text_get        (const SamText *self,
                                  SamLang        lang);
/* The text in @lang, or in the other language when @lang is missing;
 * @fell_back (nullable) says which happened. */
const char  *sam_text_get_best   (const SamText *self,
                                  SamLang        lang,
                                  gboolean      *fell_back);
void         sam_text_copy       (SamText       *dest,
                                  const SamText *src);
gboolean     sam_text_equal      (const SamText *a,
                                  const SamText *b);
/* TRUE when the text is empty in @lang but written in the other language:
 * a translation is missing. */
gboolean     sam_text_is_missing (const SamText *self,
                                  SamLang        lang);

G_END_DECLS

G_BEGIN_DECLS
/* Lower case without diacritics, for matching and sorting: "Umeå" → "umea". */
char        *sam_text_fold       (const char    *text);
/* A key that sorts Swedish text in Swedish alphabetical order (å ä ö
 * after z, other accents ignored), comparable with strcmp. */
char        *sam_text_sort_key_sv (const char   *text);
G_END_DECLS
