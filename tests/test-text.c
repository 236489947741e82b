/* test-text.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Folded keys and Swedish sort keys of texts: what lists are ordered by
 * and names compared with.
 */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "sam-text.h"

static int
compare_keys (const char *a, const char *b)
{
  g_autofree char *ka = sam_text_sort_key_sv (a);
  g_autofree char *kb = sam_text_sort_key_sv (b);

  return strcmp (ka, kb);
}

static void
assert_same_key (const char *a, const char *b)
{
  g_autofree char *ka = sam_text_sort_key_sv (a);
  g_autofree char *kb = sam_text_sort_key_sv (b);

  g_assert_cmpstr (ka, ==, kb);
}

/* Swedish order: å ä ö after z, each its own letter; other accents and
 * case do not count. */
static void
test_sort_key_swedish_order (void)
{
  const char *order[] = { "Arboga kommun", "Ekerö", "Västerås stad", "Zenit", "Åsele kommun",
                          "Ängelholm", "Örebro kvinnojour" };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    g_assert_cmpint (compare_keys (order[i], order[i + 1]), <, 0);
  g_assert_cmpint (compare_keys ("Ål", "Äl"), <, 0);
  g_assert_cmpint (compare_keys ("Äl", "Öl"), <, 0);
  /* Danish and Norwegian letters sort with their Swedish twins */
  assert_same_key ("Æble", "äble");
  assert_same_key ("Øst", "öst");
  assert_same_key ("UMEÅ KOMMUN", "umeå kommun");
  assert_same_key ("Café Été", "cafe ete");
  assert_same_key ("Müller", "muller");
  /* the lower case of a final sigma looks at what follows: the key does not */
  assert_same_key ("ΟΔΟΣ A", "οδοσ a");
  assert_same_key ("ΟΔΟΣA", "οδοσa");
  assert_same_key ("", NULL);
}

/* The key of ASCII text is its lower case, beside any other letters. */
static void
test_sort_key_ascii (void)
{
  g_autofree char *plain = sam_text_sort_key_sv ("Polisen Region NORD 114 14");
  g_autofree char *mixed = sam_text_sort_key_sv ("IKEA Älmhult");

  g_assert_cmpstr (plain, ==, "polisen region nord 114 14");
  g_assert_cmpstr (mixed, ==, "ikea z|lmhult");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/sort-key-swedish-order", test_sort_key_swedish_order);
  g_test_add_func ("/text/sort-key-ascii", test_sort_key_ascii);
  return g_test_run ();
}
