/* sam-phone.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SAM_PHONE_ERROR (sam_phone_error_quark ())

typedef enum {
  SAM_PHONE_ERROR_INVALID,
} SamPhoneError;

/* What kind of line a stored number is, as the numbering plan says. */
typedef enum {
  SAM_PHONE_KIND_SHORT,     /* 112, 114 14, 1177, 116 006 */
  SAM_PHONE_KIND_FIXED,
  SAM_PHONE_KIND_MOBILE,
  SAM_PHONE_KIND_SERVICE,   /* toll-free, shared cost, premium, personal, … */
  SAM_PHONE_KIND_OTHER,
} SamPhoneKind;

GQuark    sam_phone_error_quark    (void);

/* Returns the stored form of a phone number typed in any usual way: E.164
 * ("+4690161000") for ordinary numbers, bare digits for Swedish short numbers
 * ("112", "11414", "1177", "116006"). @field names the field in the error. */
char     *sam_phone_normalize      (const char  *input,
                                    const char  *field,
                                    GError     **error);

/* The usual way to write a stored number: "090-16 10 00" for a Swedish
 * number, the international form "+47 22 12 34 56" for a foreign one. */
char     *sam_phone_format         (const char  *normalized);
/* For dialling from abroad: "+46 90 16 10 00"; short numbers as they are. */
char     *sam_phone_format_international (const char *normalized);
SamPhoneKind sam_phone_get_kind    (const char  *normalized);

/* Digits a search matches against: the national form "090161000" for
 * Swedish numbers, the digits themselves for short and foreign numbers. */
char     *sam_phone_search_digits  (const char  *normalized);

/* When @text looks like a phone number someone typed, returns the digits
 * to search for in the national form, else NULL. */
char     *sam_phone_query_digits   (const char  *text);

/* A tel: URI for the number. */
char     *sam_phone_to_uri         (const char  *normalized);

G_END_DECLS
