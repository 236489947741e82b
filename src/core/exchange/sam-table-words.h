/* sam-table-words.h — the words of a spreadsheet's cells as the register's
 * values: kinds, areas, target groups, languages, several phone numbers
 * in one cell. Shared by the files of the spreadsheet import.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-enums.h"

G_BEGIN_DECLS

/* A number found in a cell, with the words written before it or in
 * brackets after it ("Växel", "dagtid") as its label, or NULL. */
typedef struct {
  char *label;
  char *number;
} SamTablePhone;

void       _sam_table_phone_free       (SamTablePhone *phone);
/* "090-16 10 00 / 070-123 45 67", "Växel: 0950-166 00, Jour: 070-…": the
 * numbers of a cell, split where one ends ('/', ';', ',', a line break,
 * "eller", "or", "och"). */
GPtrArray *_sam_table_split_phones     (const char    *text);
/* Splits a list of words: ',', ';', line breaks, and with @slash '/',
 * "och", "and"; without, at spaces (for addresses: e-mail, web). */
char     **_sam_table_split_list       (const char    *text,
                                        gboolean       slash);
gboolean   _sam_table_is_email         (const char    *text);
/* A web address, with or without its scheme; @uri is https:// added. */
gboolean   _sam_table_is_web           (const char    *text,
                                        char         **uri);
/* A kind by its token, its Swedish or English name, or a word in an
 * actor's name ("Polisen", "Kvinnojouren …"). */
gboolean   _sam_table_kind_from_text   (const char    *text,
                                        SamActorKind  *kind);
SamActorKind _sam_table_kind_from_name (const char    *name);
/* An area by its SCB code or name: "1280", "Malmö", "Malmö kommun",
 * "Skåne län", "Skåne", "Hela landet"; NULL if unknown. */
const char *_sam_table_area_from_text  (const char    *text);
/* A target group's token from its token or its name in Swedish or
 * English ("Barn", "women"); NULL if unknown. */
const char *_sam_table_group_from_text (const char    *text);
/* A language's ISO 639 code from the code or its name ("arabiska",
 * "Arabic", "ar"); NULL if unknown. */
const char *_sam_table_language_from_text (const char *text);

G_END_DECLS
