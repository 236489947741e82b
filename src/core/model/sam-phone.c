/* sam-phone.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a number exists, and how its country writes it, is
 * libphonenumber's (sam-phone-plan.cc): the numbering plans change, and
 * its maintainers follow them. Kept here: Swedish short numbers (112,
 * 114 14, 116 000), which are no subscriber numbers, where a person put the
 * hyphen, and the grouping of Swedish non-geographic numbers (0771-…),
 * which their owners publish as SS 636000 has it.
 */
#define G_LOG_DOMAIN "sam-phone"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-phone.h"
#include "sam-phone-plan.h"

G_DEFINE_QUARK (sam-phone-error-quark, sam_phone_error)

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

/* The non-geographic codes 0771, 0200, 0900… whose owners group them as
 * SS 636000 does ("0771-14 14 00"), where libphonenumber splits them
 * after 077; NULL for any other number. */
static const char *
service_code (const char *national)
{
  for (guint i = 0; three_digit_codes[i]; i++)
    if (g_str_has_prefix (national, three_digit_codes[i]))
      return three_digit_codes[i];
  return NULL;
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
  g_autofree char *e164 = g_strconcat ("+46", national, NULL);

  if (national[0] == '0')
    return FALSE;
  /* "090-0161000": no Swedish subscriber number starts with 0, even where
   * the digits without the hyphen would read as another code */
  if (typed_code_len > 0 && (typed_code_len > 3 || national[typed_code_len] == '0'))
    return FALSE;
  return _sam_phone_plan_type (e164) != SAM_PHONE_PLAN_INVALID;
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

      g_autofree char *e164 = g_strconcat ("+", intl, NULL);

      if (len >= 7 && len <= 15 && _sam_phone_plan_type (e164) != SAM_PHONE_PLAN_INVALID)
        return g_steal_pointer (&e164);
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

static char *
format_short (const char *normalized)
{
  gsize len = strlen (normalized);

  if (len == 5 || len == 6)
    return g_strdup_printf ("%.3s %s", normalized, normalized + 3);   /* 114 14, 116 006 */
  return g_strdup (normalized);
}

static char *
format_service (const char *national, const char *code)
{
  GString *out = g_string_new ("0");

  g_string_append (out, code);
  g_string_append_c (out, '-');
  append_grouped (out, national + strlen (code));
  return g_string_free (out, FALSE);
}

char *
sam_phone_format (const char *normalized)
{
  const char *code;
  char *shown;

  g_return_val_if_fail (normalized != NULL, NULL);

  if (normalized[0] != '+')
    return format_short (normalized);
  if (!g_str_has_prefix (normalized, "+46"))
    return sam_phone_format_international (normalized);
  if ((code = service_code (normalized + 3)) != NULL)
    return format_service (normalized + 3, code);
  shown = _sam_phone_plan_format (normalized, FALSE);
  return shown ? shown : g_strdup (normalized);
}

char *
sam_phone_format_international (const char *normalized)
{
  const char *code;
  char *shown;

  g_return_val_if_fail (normalized != NULL, NULL);

  if (normalized[0] != '+')
    return format_short (normalized);
  /* libphonenumber groups 0771-14 14 00 as "+46 77 114 14 00": the
   * service code stays whole, as in the national form (SS 636000) */
  if (g_str_has_prefix (normalized, "+46") && (code = service_code (normalized + 3)) != NULL)
    {
      GString *out = g_string_new ("+46 ");

      g_string_append (out, code);
      g_string_append_c (out, ' ');
      append_grouped (out, normalized + 3 + strlen (code));
      return g_string_free (out, FALSE);
    }
  shown = _sam_phone_plan_format (normalized, TRUE);
  return shown ? shown : g_strdup (normalized);
}

SamPhoneKind
sam_phone_get_kind (const char *normalized)
{
  g_return_val_if_fail (normalized != NULL, SAM_PHONE_KIND_OTHER);

  if (normalized[0] != '+')
    return SAM_PHONE_KIND_SHORT;
  switch (_sam_phone_plan_type (normalized))
    {
    case SAM_PHONE_PLAN_MOBILE:
      return SAM_PHONE_KIND_MOBILE;
    case SAM_PHONE_PLAN_FIXED:
    case SAM_PHONE_PLAN_FIXED_OR_MOBILE:
      return SAM_PHONE_KIND_FIXED;
    case SAM_PHONE_PLAN_INVALID:
      return SAM_PHONE_KIND_OTHER;
    default:
      return SAM_PHONE_KIND_SERVICE;
    }
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
