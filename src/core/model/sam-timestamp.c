/* sam-timestamp.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-timestamp"

#include "config.h"

#include "sam-timestamp.h"

static char *
put_digits (char *out, int value, int digits)
{
  for (int i = digits - 1; i >= 0; i--, value /= 10)
    out[i] = '0' + value % 10;
  return out + digits;
}

char *
sam_timestamp_format (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;
  char text[sizeof "YYYY-MM-DDThh:mm:ssZ"];
  char *p = text;
  int year, month, day;

  if (dt == NULL)
    return NULL;
  /* written for every actor an import stores (twice) and every change
   * logged: one conversion, one date, the digits put down directly */
  utc = g_date_time_get_utc_offset (dt) == 0 ? g_date_time_ref (dt) : g_date_time_to_utc (dt);
  g_date_time_get_ymd (utc, &year, &month, &day);
  /* always four digits for the year (GDateTime's run from 1 to 9999) */
  p = put_digits (p, year, 4);
  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, day, 2);
  *p++ = 'T';
  p = put_digits (p, g_date_time_get_hour (utc), 2);
  *p++ = ':';
  p = put_digits (p, g_date_time_get_minute (utc), 2);
  *p++ = ':';
  p = put_digits (p, g_date_time_get_second (utc), 2);
  *p++ = 'Z';
  *p = '\0';
  return g_strdup (text);
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
