/* test-format.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates and opening hours as the window shows them, in the user's language
 * ($LANGUAGE: the suite runs once in English and once in Swedish): "25 nov.
 * 2026" in Swedish even where the C library has no Swedish locale.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "sam-format.h"
#include "sam-schedule.h"

static gboolean swedish;

static void
test_dates (void)
{
  g_autoptr(GDateTime) noon = g_date_time_new_from_iso8601 ("2026-11-25T11:00:00Z", NULL);
  g_autoptr(GDateTime) may = g_date_time_new_from_iso8601 ("2026-05-01T07:30:00Z", NULL);
  g_autofree char *date = sam_format_date (noon);
  g_autofree char *may_date = sam_format_date (may);
  g_autofree char *date_time = sam_format_date_time (noon);

  g_assert_cmpstr (date, ==, swedish ? "25 nov. 2026" : "25 Nov 2026");
  g_assert_cmpstr (may_date, ==, swedish ? "1 maj 2026" : "1 May 2026");
  /* Europe/Stockholm: 12:00 in November */
  g_assert_cmpstr (date_time, ==, swedish ? "25 nov. 2026 kl. 12:00" : "25 Nov 2026, 12:00");
  g_assert_null (sam_format_date (NULL));
}

static void
test_hours (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSchedule) office = sam_schedule_parse ("Mo-Fr 08:00-16:30; PH off", &error);
  g_autoptr(SamSchedule) night = sam_schedule_parse ("Fr 22:00-32:00", &error);
  g_autofree char *office_text = NULL;
  g_autofree char *night_text = NULL;

  g_assert_no_error (error);
  office_text = sam_format_hours (office);
  night_text = sam_format_hours (night);
  g_assert_nonnull (strstr (office_text, swedish ? "mån–fre 08:00–16:30" : "Mon–Fri 08:00–16:30"));
  /* "PH off" in words, not OpenStreetMap's */
  g_assert_nonnull (strstr (office_text, swedish ? "helgdagar stängt" : "holidays closed"));
  /* past midnight reads as the clock shows it */
  g_assert_cmpstr (night_text, ==, swedish ? "fre 22:00–08:00" : "Fri 22:00–08:00");
}

/* A register text in the window's language, else the other one marked. */
static void
test_register_text (void)
{
  SamText both = { { "Växel", "Switchboard" } };
  SamText swedish_only = { { "Växel", NULL } };
  SamText english_only = { { NULL, "Switchboard" } };
  SamText neither = { { NULL, NULL } };
  g_autofree char *a = sam_format_register_text (&both);
  g_autofree char *b = sam_format_register_text (&swedish_only);
  g_autofree char *c = sam_format_register_text (&english_only);

  g_assert_cmpstr (a, ==, swedish ? "Växel" : "Switchboard");
  g_assert_cmpstr (b, ==, swedish ? "Växel" : "Växel (in Swedish)");
  g_assert_cmpstr (c, ==, swedish ? "Switchboard (på engelska)" : "Switchboard");
  g_assert_null (sam_format_register_text (&neither));
}

int
main (int argc, char **argv)
{
  const char *languages = g_getenv ("LANGUAGE");

  setlocale (LC_ALL, "");
  /* the translations built beside the test, not installed ones */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SAMVERKAN_LOCALE_DIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  swedish = languages && g_str_has_prefix (languages, "sv");
  g_setenv ("TZ", "UTC", TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/hours", test_hours);
  g_test_add_func ("/format/register-text", test_register_text);
  return g_test_run ();
}
