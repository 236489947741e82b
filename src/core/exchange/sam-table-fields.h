/* sam-table-fields.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a column of a spreadsheet holds, as the register takes it. */
typedef enum {
  SAM_TABLE_FIELD_IGNORE,
  SAM_TABLE_FIELD_ID,
  SAM_TABLE_FIELD_NAME,
  SAM_TABLE_FIELD_NAME_EN,
  SAM_TABLE_FIELD_KIND,
  SAM_TABLE_FIELD_AREA,
  SAM_TABLE_FIELD_PHONE,
  SAM_TABLE_FIELD_ON_CALL,
  SAM_TABLE_FIELD_SMS,
  SAM_TABLE_FIELD_EMAIL,
  SAM_TABLE_FIELD_WEB,
  SAM_TABLE_FIELD_ADDRESS,
  SAM_TABLE_FIELD_POSTAL_ADDRESS,
  SAM_TABLE_FIELD_HOURS,
  SAM_TABLE_FIELD_TARGET_GROUP,
  SAM_TABLE_FIELD_LANGUAGES,
  SAM_TABLE_FIELD_NOTE,
  SAM_TABLE_N_FIELDS
} SamTableField;

/* The token of --map ("phone", "on-call", "ignore"). */
const char    *sam_table_field_to_string   (SamTableField  field);
gboolean       sam_table_field_from_string (const char    *token,
                                            SamTableField *field);
/* "Phone", "On-call phone", "(not imported)", translated. */
const char    *sam_table_field_get_label   (SamTableField  field);
/* The field a heading names, in Swedish or English ("Telefon", "Jour",
 * "E-post", "Öppettider", "Name (English)"), else IGNORE. */
SamTableField  sam_table_field_from_heading (const char   *heading);
/* The field most of @values (texts of one column, "" for empty) look
 * like: phone numbers, e-mail or web addresses, opening hours; IGNORE
 * when no kind is clear. */
SamTableField  sam_table_field_from_values (GPtrArray     *values);

G_END_DECLS
