/* sam-timestamp.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-timestamp"

#include "config.h"

#include "sam-timestamp.h"

char *
sam_timestamp_format (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;
  utc = g_date_time_to_utc (dt);
  /* %Y would write the year 924 as "924": always four digits */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", g_date_time_get_year (utc),
                          g_date_time_get_month (utc), g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

GDateTime *
sam_timestamp_parse (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL)
    return NULL;
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}
