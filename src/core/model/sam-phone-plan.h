/* sam-phone-plan.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libphonenumber (C++) behind a C interface, for sam-phone.c alone: the
 * numbering plans and the ways countries write their numbers are its
 * metadata, kept up to date by its maintainers, not ours.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SAM_PHONE_PLAN_INVALID,
  SAM_PHONE_PLAN_FIXED,
  SAM_PHONE_PLAN_MOBILE,
  SAM_PHONE_PLAN_FIXED_OR_MOBILE,
  SAM_PHONE_PLAN_TOLL_FREE,
  SAM_PHONE_PLAN_PREMIUM,
  SAM_PHONE_PLAN_SHARED_COST,
  SAM_PHONE_PLAN_VOIP,
  SAM_PHONE_PLAN_PERSONAL,
  SAM_PHONE_PLAN_PAGER,
  SAM_PHONE_PLAN_UAN,
  SAM_PHONE_PLAN_VOICEMAIL,
} SamPhonePlanType;

/* What the plan of the number's country says of "+CCNNN…" (@e164 digits
 * with their plus): INVALID when it is no number there. */
SamPhonePlanType _sam_phone_plan_type        (const char *e164);
/* Written as its country writes it at home ("090-16 10 00"), or for
 * dialling from abroad ("+46 90 16 10 00"). NULL when unparsable. */
char            *_sam_phone_plan_format      (const char *e164,
                                              gboolean    international);

G_END_DECLS
