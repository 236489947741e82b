/* sam-holidays.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE on a Swedish public holiday (röd dag) or on one of the eves that offices
 * keep closed: Easter Eve, Midsummer Eve, Christmas Eve and New Year's Eve. */
gboolean sam_is_holiday_or_eve (GDateYear year, GDateMonth month, GDateDay day);

G_END_DECLS
