/* sam-phone-plan.cc
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only C++ in Samverkan: libphonenumber behind sam-phone-plan.h, as
 * evolution-data-server keeps it behind e-phone-number.h. PhoneNumberUtil
 * is a thread-safe singleton, so any thread may call these.
 */
#include "config.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include <phonenumbers/phonenumberutil.h>

#include "sam-phone-plan.h"

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

/* "+CCNNN…" into a PhoneNumber without Parse(), whose regular expressions
 * for finding a number in free text cost three times the check itself (an
 * import checks every number of a register). Country codes are prefix-free:
 * the first of one to three digits that names a region is the one. */
static bool
parse (const char *e164, PhoneNumber *number)
{
  PhoneNumberUtil *util = PhoneNumberUtil::GetInstance ();
  size_t length;

  if (e164 == nullptr || e164[0] != '+')
    return false;
  length = strlen (e164 + 1);
  if (length < 4 || length > 17 || strspn (e164 + 1, "0123456789") != length)
    return false;
  for (size_t cc_len = 1; cc_len <= 3; cc_len++)
    {
      int cc = atoi (std::string (e164 + 1, cc_len).c_str ());
      std::string region;

      util->GetRegionCodeForCountryCode (cc, &region);
      if (region == "ZZ" && cc != 800 && cc != 808 && cc != 870 && cc != 878 && cc != 881 &&
          cc != 882 && cc != 883 && cc != 888 && cc != 979)
        continue;
      if (e164[1 + cc_len] == '0' && cc != 39)   /* only Italy keeps a leading 0 */
        return false;
      number->set_country_code (cc);
      number->set_national_number (strtoull (e164 + 1 + cc_len, nullptr, 10));
      if (cc == 39 && e164[1 + cc_len] == '0')
        number->set_italian_leading_zero (true);
      return true;
    }
  return false;
}

extern "C" SamPhonePlanType
_sam_phone_plan_type (const char *e164)
{
  PhoneNumberUtil *util = PhoneNumberUtil::GetInstance ();
  PhoneNumber number;

  /* no IsValidNumber first: it matches the same patterns GetNumberType
   * does, which says UNKNOWN for an invalid number, and checking every
   * phone twice was a tenth of a large import */
  if (!parse (e164, &number))
    return SAM_PHONE_PLAN_INVALID;
  switch (util->GetNumberType (number))
    {
    case PhoneNumberUtil::FIXED_LINE: return SAM_PHONE_PLAN_FIXED;
    case PhoneNumberUtil::MOBILE: return SAM_PHONE_PLAN_MOBILE;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return SAM_PHONE_PLAN_FIXED_OR_MOBILE;
    case PhoneNumberUtil::TOLL_FREE: return SAM_PHONE_PLAN_TOLL_FREE;
    case PhoneNumberUtil::PREMIUM_RATE: return SAM_PHONE_PLAN_PREMIUM;
    case PhoneNumberUtil::SHARED_COST: return SAM_PHONE_PLAN_SHARED_COST;
    case PhoneNumberUtil::VOIP: return SAM_PHONE_PLAN_VOIP;
    case PhoneNumberUtil::PERSONAL_NUMBER: return SAM_PHONE_PLAN_PERSONAL;
    case PhoneNumberUtil::PAGER: return SAM_PHONE_PLAN_PAGER;
    case PhoneNumberUtil::UAN: return SAM_PHONE_PLAN_UAN;
    case PhoneNumberUtil::VOICEMAIL: return SAM_PHONE_PLAN_VOICEMAIL;
    case PhoneNumberUtil::UNKNOWN:
    default: return SAM_PHONE_PLAN_INVALID;
    }
}

extern "C" char *
_sam_phone_plan_format (const char *e164, gboolean international)
{
  PhoneNumberUtil *util = PhoneNumberUtil::GetInstance ();
  PhoneNumber number;
  std::string text;

  if (!parse (e164, &number))
    return nullptr;
  util->Format (number, international ? PhoneNumberUtil::INTERNATIONAL : PhoneNumberUtil::NATIONAL,
                &text);
  return g_strdup (text.c_str ());
}
