/* sam-phone.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Swedish numbers follow the numbering plan of PTS and are written as
 * SS 636000 recommends: area code, hyphen, subscriber number in groups.
 */
#define G_LOG_DOMAIN "sam-phone"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-phone.h"

G_DEFINE_QUARK (sam-phone-error-quark, sam_phone_error)

/* Area codes (after the trunk 0) that are two digits long; every other
 * geographic code is three digits ("910" Skellefteå), Stockholm is "8". */
static const char * const two_digit_codes[] = {
  "10", "11", "13", "16", "18", "19", "20", "21", "23", "26", "31", "33", "35", "36",
  "40", "42", "44", "46", "54", "60", "63", "70", "72", "73", "76", "79", "90", NULL
};

/* Non-geographic codes three digits long that share a start with a
 * two-digit code: 0771 (service numbers), 0200, 0900 and friends. */
static const char * const three_digit_codes[] = {
  "771", "200", "900", "939", "944", NULL
};

static gboolean
is_short_number (const char *digits)
{
  static const char * const fixed[] = { "112", "11313", "11414", "1177", "90000", NULL };

  if (g_strv_contains (fixed, digits))
    return TRUE;
  /* 116 xxx: harmonised European numbers of social value (116 006, 116 111) */
  return strlen (digits) == 6 && g_str_has_prefix (digits, "116");
}

static gboolean
is_mobile (const char *national)
{
  return national[0] == '7' && strchr ("02369", national[1]) != NULL;
}

/* Length of the area code in @national (digits after the trunk 0). */
static guint
area_code_length (const char *national)
{
  if (national[0] == '8')
    return 1;
  for (guint i = 0; three_digit_codes[i]; i++)
    if (g_str_has_prefix (national, three_digit_codes[i]))
      return 3;
  for (guint i = 0; two_digit_codes[i]; i++)
    if (g_str_has_prefix (national, two_digit_codes[i]))
      return 2;
  return 3;
}

/* Keeps digits and a leading '+'; refuses letters and other characters.
 * @area_end is set to the number of digits typed before the first hyphen or
 * closing bracket ("090-16 10 00": 3), or 0 when there is none: where a
 * person put the separator says where the area code ends. */
static char *
strip_formatting (const char *input, gboolean *plus, guint *area_end)
{
  GString *digits = g_string_new (NULL);
  const char *p = input;

  *area_end = 0;
  while (g_ascii_isspace (*p))
    p++;
  *plus = (*p == '+');
  if (*plus)
    p++;
  for (; *p; p++)
    {
      /* "+46 (0)90-16 10 00": the bracketed trunk 0 is not dialled */
      if (*plus && g_str_has_prefix (p, "(0)"))
        {
          p += 2;
          continue;
        }
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if ((*p == '-' || *p == ')') && *area_end == 0)
        *area_end = digits->len;
      else if (!strchr (" -()./\t", *p))
        return (g_string_free (digits, TRUE), NULL);
    }
  return g_string_free (digits, FALSE);
}

/* @typed_code_len is the area code length the person's separator shows,
 * or 0 to go by the numbering plan alone. */
static gboolean
national_is_valid (const char *national, guint typed_code_len)
{
  gsize len = strlen (national);
  guint code_len;

  /* The whole number is 7–9 digits after the trunk 0 */
  if (len < 7 || len > 9 || national[0] == '0')
    return FALSE;
  if (typed_code_len > 0 && (typed_code_len > 3 || national[typed_code_len] == '0'))
    return FALSE;
  if (is_mobile (national))
    return len == 9 && national[2] != '0';
  code_len = area_code_length (national);
  return len - code_len >= 5 && national[code_len] != '0';
}

char *
sam_phone_normalize (const char  *input,
                     const char  *field,
                     GError     **error)
{
  g_autofree char *digits = NULL;
  const char *national = NULL;
  gboolean plus = FALSE;
  guint area_end = 0;
  guint typed_code_len = 0;

  g_return_val_if_fail (input != NULL, NULL);

  digits = strip_formatting (input, &plus, &area_end);
  if (digits != NULL && !plus && is_short_number (digits))
    return g_steal_pointer (&digits);

  if (digits == NULL)
    ;
  else if (plus && g_str_has_prefix (digits, "46"))
    national = digits + 2;
  else if (!plus && g_str_has_prefix (digits, "0046"))
    national = digits + 4;
  else if (!plus && digits[0] == '0' && digits[1] != '0')
    national = digits + 1;
  else if ((plus || g_str_has_prefix (digits, "00")) && !g_str_has_prefix (digits, "46"))
    {
      const char *intl = plus ? digits : digits + 2;
      gsize len = strlen (intl);

      if (len >= 8 && len <= 15 && intl[0] != '0')
        return g_strconcat ("+", intl, NULL);
    }

  /* digits before the separator, less what precedes the national number */
  if (national != NULL && area_end > (guint) (national - digits))
    typed_code_len = area_end - (national - digits);
  if (national != NULL && national_is_valid (national, typed_code_len))
    return g_strconcat ("+46", national, NULL);

  g_set_error (error, SAM_PHONE_ERROR, SAM_PHONE_ERROR_INVALID,
               /* Translators: the first %s is the name of a field, e.g. "Phone" */
               _("%s: “%s” is not a valid phone number. Write a Swedish number with its "
                 "area code, such as 090-16 10 00 or 070-123 45 67, a short number such "
                 "as 112 or 114 14, or an international number starting with +."),
               field ? field : _("Phone number"), input);
  return NULL;
}

/* Groups a subscriber number as SS 636000 recommends. */
static void
append_grouped (GString *out, const char *sub)
{
  static const guint8 groups[][4] = {
    /* 5 */ { 3, 2, 0, 0 }, /* 6 */ { 2, 2, 2, 0 }, /* 7 */ { 3, 2, 2, 0 },
    /* 8 */ { 3, 3, 2, 0 },
  };
  gsize len = strlen (sub);
  const guint8 *g;

  if (len < 5 || len > 8)
    {
      g_string_append (out, sub);
      return;
    }
  g = groups[len - 5];
  for (guint i = 0; i < 4 && g[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, sub, g[i]);
      sub += g[i];
    }
}

char *
sam_phone_format (const char *normalized)
{
  GString *out;
  const char *national;
  guint code_len;

  g_return_val_if_fail (normalized != NULL, NULL);

  if (!g_str_has_prefix (normalized, "+46"))
    {
      if (normalized[0] != '+' && strlen (normalized) == 5)
        return g_strdup_printf ("%.3s %s", normalized, normalized + 3);   /* 114 14 */
      if (normalized[0] != '+' && strlen (normalized) == 6)
        return g_strdup_printf ("%.3s %s", normalized, normalized + 3);   /* 116 006 */
      return g_strdup (normalized);
    }

  national = normalized + 3;
  code_len = is_mobile (national) ? 2 : area_code_length (national);
  out = g_string_new ("0");
  g_string_append_len (out, national, code_len);
  g_string_append_c (out, '-');
  append_grouped (out, national + code_len);
  return g_string_free (out, FALSE);
}

char *
sam_phone_search_digits (const char *normalized)
{
  g_return_val_if_fail (normalized != NULL, NULL);

  if (g_str_has_prefix (normalized, "+46"))
    return g_strconcat ("0", normalized + 3, NULL);
  if (normalized[0] == '+')
    return g_strdup (normalized + 1);
  return g_strdup (normalized);
}

char *
sam_phone_query_digits (const char *text)
{
  g_autofree char *digits = NULL;
  gboolean plus = FALSE;
  guint area_end;

  digits = strip_formatting (text, &plus, &area_end);
  if (digits == NULL || strlen (digits) < 3)
    return NULL;
  if (plus && g_str_has_prefix (digits, "46"))
    return g_strconcat ("0", digits + 2, NULL);
  if (!plus && g_str_has_prefix (digits, "0046"))
    return g_strconcat ("0", digits + 4, NULL);
  return g_steal_pointer (&digits);
}

char *
sam_phone_to_uri (const char *normalized)
{
  g_return_val_if_fail (normalized != NULL, NULL);
  return g_strconcat ("tel:", normalized, NULL);
}
