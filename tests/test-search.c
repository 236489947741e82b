/* test-search.c
 *
 * Search as a social worker uses it: names without their Swedish letters,
 * phone numbers in any formatting, prefixes, ranking, filters by kind,
 * area, target group, language and "open now", and the things a search
 * must never do (show deleted actors, expose the FTS5 syntax).
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-default-register.h"
#include "sam-errors.h"
#include "sam-query.h"
#include "sam-test-util.h"

typedef struct {
  char *dir;
  SamStore *store;
} Fixture;

static void
set_up_empty (Fixture *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", FALSE);
}

static void
set_up_sample (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  set_up_empty (f, data);
  g_assert_true (sam_load_sample_register (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 38);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GPtrArray *
run (SamStore *store, const SamQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *actors = sam_store_search (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (actors);
  for (guint i = 0; i < actors->len; i++)
    g_test_message ("  %u: %s", i, sam_actor_get_id (g_ptr_array_index (actors, i)));
  return actors;
}

/* Searches @text with no filter and no limit. */
static GPtrArray *
search (SamStore *store, const char *text)
{
  g_autoptr(SamQuery) query = sam_query_new (text);

  g_test_message ("search “%s”", text ? text : "(null)");
  query->limit = 0;
  return run (store, query);
}

static int
position (GPtrArray *actors, const char *id)
{
  for (guint i = 0; i < actors->len; i++)
    if (g_str_equal (sam_actor_get_id (g_ptr_array_index (actors, i)), id))
      return i;
  return -1;
}

#define assert_found(actors, id) g_assert_cmpint (position (actors, id), >=, 0)
#define assert_not_found(actors, id) g_assert_cmpint (position (actors, id), ==, -1)

static gboolean
has_string (GPtrArray *values, const char *value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_str_equal (g_ptr_array_index (values, i), value))
      return TRUE;
  return FALSE;
}

static SamActor *
add_actor (SamStore *store, const char *id, const char *name, const char *description)
{
  g_autoptr(SamActor) actor = sam_actor_new (id);
  g_autoptr(GError) error = NULL;

  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, name);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, name);
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_SV, description);
  sam_actor_add_area (actor, "2480");
  g_assert_true (sam_store_insert_actor (store, actor, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&actor);
}

static void
test_folding (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) plain = search (f->store, "umea");
  g_autoptr(GPtrArray) written = search (f->store, "Umeå");
  g_autoptr(GPtrArray) shouted = search (f->store, "UMEÅ");
  gboolean named = FALSE;

  assert_found (plain, "umea-kommun");
  assert_found (plain, "umea-socialjour");
  assert_found (plain, "mikamottagningen-umea");
  for (guint i = 0; i < plain->len; i++)
    named |= g_str_has_prefix (sam_text_get (sam_actor_get_name (g_ptr_array_index (plain, i)), SAM_LANG_SV), "Umeå ");
  g_assert_true (named);
  /* however it is written, the same actors */
  g_assert_cmpuint (plain->len, ==, written->len);
  g_assert_cmpuint (plain->len, ==, shouted->len);
  for (guint i = 0; i < plain->len; i++)
    {
      assert_found (written, sam_actor_get_id (g_ptr_array_index (plain, i)));
      assert_found (shouted, sam_actor_get_id (g_ptr_array_index (plain, i)));
    }
}

static void
test_description_folding (Fixture *f, gconstpointer data)
{
  g_autoptr(SamActor) clinic = add_actor (f->store, "test-halsa", "Hälsomottagningen Test",
                                          "Mottagning med läkare och kurator för unga.");
  static const char * const queries[] = { "lakare", "läk", "LÄKARE", "Läkare kurator" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) found = search (f->store, queries[i]);
      assert_found (found, "test-halsa");
    }
}

static void
test_phone (Fixture *f, gconstpointer data)
{
  static const char * const umea_kommun[] = {
    "0901610", "+46 90 16 10 00", "090-16 10 00", "0046 90 16 10 00", "090161000", "(090) 16 10 00",
  };
  g_autoptr(GPtrArray) police = search (f->store, "114 14");
  g_autoptr(GPtrArray) jour = search (f->store, "070-216 33 90");
  g_autoptr(GPtrArray) other = search (f->store, "090-16 10 01");

  for (guint i = 0; i < G_N_ELEMENTS (umea_kommun); i++)
    {
      g_autoptr(GPtrArray) found = search (f->store, umea_kommun[i]);
      assert_found (found, "umea-kommun");
      assert_not_found (found, "skelleftea-kommun");
    }
  assert_found (police, "polisen");
  assert_found (jour, "umea-socialjour");
  g_assert_cmpuint (jour->len, ==, 1);
  assert_not_found (other, "umea-kommun");
}

static void
test_prefix (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) jour = search (f->store, "socialj");
  g_autoptr(GPtrArray) two = search (f->store, "skell socialj");

  assert_found (jour, "umea-socialjour");
  assert_found (jour, "skelleftea-socialjour");
  /* several words narrow the search */
  assert_found (two, "skelleftea-socialjour");
  assert_not_found (two, "umea-socialjour");
}

/* An exact name comes first, then names that start with the word, then
 * actors that mention it elsewhere, whatever their alphabetical order. */
static void
test_ranking (Fixture *f, gconstpointer data)
{
  g_autoptr(SamActor) mention = add_actor (f->store, "test-a", "Aaa-mottagningen",
                                           "Samarbetar med kastmottagningen i länet.");
  g_autoptr(SamActor) exact = add_actor (f->store, "test-kast", "Kast", NULL);
  g_autoptr(SamActor) prefix = add_actor (f->store, "test-kastanj", "Kastanjegården", NULL);
  g_autoptr(GPtrArray) found = search (f->store, "kast");
  g_autoptr(GPtrArray) folded = search (f->store, "  KAST ");

  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpint (position (found, "test-kast"), ==, 0);
  g_assert_cmpint (position (found, "test-kastanj"), ==, 1);
  g_assert_cmpint (position (found, "test-a"), ==, 2);
  g_assert_cmpint (position (folded, "test-kast"), ==, 0);
}

static void
test_ranking_sample (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) police = search (f->store, "Polisen");
  g_autoptr(GPtrArray) lower = search (f->store, "polisen");
  g_autoptr(GPtrArray) kvinnofrid = search (f->store, "kvinnofridslinjen");

  g_assert_cmpuint (police->len, >, 1);
  g_assert_cmpint (position (police, "polisen"), ==, 0);
  g_assert_cmpint (position (lower, "polisen"), ==, 0);
  g_assert_cmpint (position (kvinnofrid, "kvinnofridslinjen"), ==, 0);
}

static void
test_kind (Fixture *f, gconstpointer data)
{
  g_autoptr(SamQuery) query = sam_query_new (NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) umea = NULL;

  query->has_kind = TRUE;
  query->kind = SAM_ACTOR_KIND_POLICE;
  query->limit = 0;
  all = run (f->store, query);
  g_assert_cmpuint (all->len, ==, 4);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (sam_actor_get_kind (g_ptr_array_index (all, i)), ==, SAM_ACTOR_KIND_POLICE);
  assert_found (all, "polisen");
  assert_found (all, "polisen-lpo-umea");

  g_free (query->text);
  query->text = g_strdup ("umeå");
  umea = run (f->store, query);
  g_assert_cmpuint (umea->len, >=, 1);
  assert_found (umea, "polisen-lpo-umea");
  for (guint i = 0; i < umea->len; i++)
    g_assert_cmpint (sam_actor_get_kind (g_ptr_array_index (umea, i)), ==, SAM_ACTOR_KIND_POLICE);
}

static GPtrArray *
search_area (SamStore *store, const char *text, const char *area)
{
  g_autoptr(SamQuery) query = sam_query_new (text);

  query->area = g_strdup (area);
  query->limit = 0;
  return run (store, query);
}

static void
assert_all_serve (GPtrArray *actors, const char * const *codes)
{
  for (guint i = 0; i < actors->len; i++)
    {
      GPtrArray *areas = sam_actor_get_areas (g_ptr_array_index (actors, i));
      gboolean serves = FALSE;

      for (guint c = 0; codes[c]; c++)
        serves |= has_string (areas, codes[c]);
      g_assert_true (serves);
    }
}

static void
test_area_municipality (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) umea = search_area (f->store, NULL, "2480");
  g_autoptr(GPtrArray) jour = search_area (f->store, "socialjour", "2480");
  const char * const covering[] = { "2480", "24", "SE", NULL };

  assert_found (umea, "umea-kommun");               /* 2480 */
  assert_found (umea, "region-vasterbotten");       /* the county, 24 */
  assert_found (umea, "polisen-region-nord-mh");    /* 22, 23, 24, 25 */
  assert_found (umea, "polisen");                   /* the country */
  assert_found (umea, "bris");
  assert_not_found (umea, "skelleftea-kommun");     /* 2482 */
  assert_not_found (umea, "skelleftea-lasarett-akut");
  assert_not_found (umea, "polisen-lpo-skelleftea");
  assert_all_serve (umea, covering);

  assert_found (jour, "umea-socialjour");
  assert_not_found (jour, "skelleftea-socialjour");
}

static void
test_area_county (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) vasterbotten = search_area (f->store, NULL, "24");
  g_autoptr(GPtrArray) norrbotten = search_area (f->store, NULL, "25");
  g_autoptr(GPtrArray) unknown = search_area (f->store, NULL, "9999");

  /* a county covers its municipalities, itself and the country */
  assert_found (vasterbotten, "umea-kommun");
  assert_found (vasterbotten, "skelleftea-kommun");
  assert_found (vasterbotten, "skelleftea-lasarett-akut");
  assert_found (vasterbotten, "region-vasterbotten");
  assert_found (vasterbotten, "polisen");
  g_assert_cmpuint (vasterbotten->len, ==, 38);

  assert_found (norrbotten, "polisen-region-nord-mh");
  assert_found (norrbotten, "polisen");
  assert_not_found (norrbotten, "umea-kommun");
  assert_not_found (norrbotten, "region-vasterbotten");

  g_assert_cmpuint (unknown->len, ==, 0);
}

static void
test_target_group_language (Fixture *f, gconstpointer data)
{
  g_autoptr(SamQuery) query = sam_query_new (NULL);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) tigrinya = NULL;

  query->limit = 0;
  query->target_group = g_strdup ("children");
  children = run (f->store, query);
  g_assert_cmpuint (children->len, >, 0);
  g_assert_cmpuint (children->len, <, 38);
  assert_found (children, "bris");
  assert_not_found (children, "umea-kommun");
  for (guint i = 0; i < children->len; i++)
    g_assert_true (has_string (sam_actor_get_target_groups (g_ptr_array_index (children, i)), "children"));

  g_clear_pointer (&query->target_group, g_free);
  query->language = g_strdup ("ti");
  tigrinya = run (f->store, query);
  g_assert_cmpuint (tigrinya->len, ==, 3);
  assert_found (tigrinya, "migrationsverket");
  assert_found (tigrinya, "kvinnofridslinjen");
  assert_found (tigrinya, "terrafem");
  assert_not_found (tigrinya, "bris");
  for (guint i = 0; i < tigrinya->len; i++)
    g_assert_true (has_string (sam_actor_get_languages (g_ptr_array_index (tigrinya, i)), "ti"));
}

static GPtrArray *
search_open (SamStore *store, const char *text, const char *iso)
{
  g_autoptr(SamQuery) query = sam_query_new (text);

  query->open_now = TRUE;
  query->now = g_date_time_new_from_iso8601 (iso, NULL);
  query->limit = 0;
  g_assert_nonnull (query->now);
  return run (store, query);
}

static void
test_open_now (Fixture *f, gconstpointer data)
{
  g_autoptr(SamActor) no_hours = add_actor (f->store, "test-no-hours", "Umeå utan tider", NULL);
  /* Wednesday noon */
  g_autoptr(GPtrArray) noon = search_open (f->store, NULL, "2026-11-25T12:00:00+01:00");
  g_autoptr(GPtrArray) noon_umea = search_open (f->store, "umeå", "2026-11-25T12:00:00+01:00");
  /* Wednesday evening */
  g_autoptr(GPtrArray) evening = search_open (f->store, NULL, "2026-11-25T22:00:00+01:00");
  /* Christmas Eve, a Thursday, at noon */
  g_autoptr(GPtrArray) christmas = search_open (f->store, NULL, "2026-12-24T12:00:00+01:00");

  assert_found (noon, "umea-socialtjanst");
  assert_not_found (noon, "umea-socialjour");
  assert_found (noon, "emergency-112");
  assert_found (noon_umea, "umea-socialtjanst");
  assert_not_found (noon_umea, "umea-socialjour");
  /* an actor without hours is never "open now" */
  assert_not_found (noon, "test-no-hours");
  assert_not_found (noon_umea, "test-no-hours");

  assert_found (evening, "umea-socialjour");
  assert_found (evening, "emergency-112");
  assert_not_found (evening, "umea-socialtjanst");
  assert_not_found (evening, "umea-kommun");

  assert_found (christmas, "umea-socialjour");
  assert_found (christmas, "emergency-112");
  assert_not_found (christmas, "umea-socialtjanst");
  assert_not_found (christmas, "umea-kommun");
}

static void
test_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_name = NULL;
  g_autoptr(GPtrArray) by_phone = NULL;
  g_autoptr(GPtrArray) by_exact = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) units = sam_store_list_unit_ids (f->store, "umea-kommun", &error);

  /* an organisation with units cannot be deleted: detach them first */
  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      g_autoptr(SamActor) unit = sam_store_load_actor (f->store, g_ptr_array_index (units, i), &error);
      g_assert_no_error (error);
      sam_actor_set_parent_id (unit, NULL);
      g_assert_true (sam_store_update_actor (f->store, unit, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sam_store_delete_actor (f->store, "umea-kommun", -1, &error));
  g_assert_no_error (error);
  by_name = search (f->store, "umea kommun");
  by_phone = search (f->store, "090-16 10 00");
  by_exact = search (f->store, "Umeå kommun");
  listed = search (f->store, NULL);
  assert_not_found (by_name, "umea-kommun");
  assert_not_found (by_phone, "umea-kommun");
  assert_found (by_phone, "umea-socialtjanst");   /* the same switchboard */
  assert_not_found (by_exact, "umea-kommun");
  assert_not_found (listed, "umea-kommun");
  g_assert_cmpuint (listed->len, ==, 37);

  g_assert_true (sam_store_restore_actor (f->store, "umea-kommun", &error));
  g_assert_no_error (error);
  back = search (f->store, "Umeå kommun");
  g_assert_cmpint (position (back, "umea-kommun"), ==, 0);
}

/* The search follows an edit: the new name is found, the old one not. */
static void
test_updated (Fixture *f, gconstpointer data)
{
  g_autoptr(SamActor) actor = add_actor (f->store, "test-alfa", "Testmottagningen Alfa",
                                        "Qwertystöd dygnet runt");
  g_autoptr(GPtrArray) before = search (f->store, "alfa");
  g_autoptr(GPtrArray) old_name = NULL;
  g_autoptr(GPtrArray) new_name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (before->len, ==, 1);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, "Testmottagningen Zeta");
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Test clinic Zeta");
  g_assert_true (sam_store_update_actor (f->store, actor, &error));
  g_assert_no_error (error);
  old_name = search (f->store, "alfa");
  new_name = search (f->store, "zeta");
  g_assert_cmpuint (old_name->len, ==, 0);
  g_assert_cmpuint (new_name->len, ==, 1);
  assert_found (new_name, "test-alfa");
  /* the index keeps no copy of the text: the old words go all the same */
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_SV, "Samtal om kvastfenor");
  g_assert_true (sam_store_update_actor (f->store, actor, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) old_text = search (f->store, "qwertystöd");
    g_autoptr(GPtrArray) new_text = search (f->store, "kvastfenor");

    g_assert_cmpuint (old_text->len, ==, 0);
    assert_found (new_text, "test-alfa");
  }
}

static void
test_limit (Fixture *f, gconstpointer data)
{
  g_autoptr(SamQuery) query = sam_query_new ("umea");
  g_autoptr(GPtrArray) three = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) browse = NULL;

  query->limit = 3;
  three = run (f->store, query);
  g_assert_cmpuint (three->len, ==, 3);
  query->limit = 0;
  all = run (f->store, query);
  g_assert_cmpuint (all->len, >, 3);
  g_free (query->text);
  query->text = NULL;
  query->limit = 5;
  browse = run (f->store, query);
  g_assert_cmpuint (browse->len, ==, 5);
}

/* No text and no filter, at night with no area chosen: the national
 * lines open now, then every other actor, by name in the sort language:
 * Swedish puts Å, Ä, Ö after Z (Åklagar… last, Länsstyrelsen after
 * Lokalpolisområde); English reads Å as A and sorts the English names. */
static void
test_browse (Fixture *f, gconstpointer data)
{
  static const char * const empty[] = { NULL, "", "   " };
  static const char * const by_sv[] = {
    "emergency-112", "vardguiden-1177", "bris", "kvinnofridslinjen", "polisen",
    "barnahus-vasterbotten", "brottsofferjouren",
    "centrum-mot-vald-umea", "iom", "jamstalldhetsmyndigheten", "skelleftea-kast", "umea-kast",
    "polisen-lpo-skelleftea", "polisen-lpo-umea",
    "lansstyrelsen-vasterbotten", "umea-mansmottagningen", "migrationsverket",
    "mikamottagningen-umea", "nus-akutmottagning", "plattformen-nsp",
    "polisen-region-nord-mh", "region-vasterbotten", "regionkoordinator-nord",
    "rfsl-stodmottagning", "skelleftea-kommun", "skelleftea-socialjour",
    "skelleftea-socialtjanst", "skelleftea-kvinnojour", "skelleftea-lasarett-akut",
    "jamstalldhetsmyndigheten-stodtelefon", "terrafem", "umea-kommun", "umea-socialjour",
    "umea-socialtjanst", "umea-kvinnojour", "umea-ungdomsmottagning", "aklagarmyndigheten-umea",
    "aklagarmyndigheten",
  };
  static const char * const by_en[] = {
    "emergency-112", "vardguiden-1177", "bris", "kvinnofridslinjen", "polisen",
    "barnahus-vasterbotten", "centrum-mot-vald-umea",
    "iom", "skelleftea-kast", "umea-kast", "umea-mansmottagningen",
    "mikamottagningen-umea", "nus-akutmottagning", "polisen-region-nord-mh",
    "region-vasterbotten", "regionkoordinator-nord", "rfsl-stodmottagning",
    "skelleftea-lasarett-akut", "polisen-lpo-skelleftea", "skelleftea-kommun",
    "skelleftea-socialjour", "skelleftea-socialtjanst", "skelleftea-kvinnojour",
    "jamstalldhetsmyndigheten-stodtelefon", "jamstalldhetsmyndigheten", "migrationsverket",
    "plattformen-nsp", "aklagarmyndigheten", "terrafem", "polisen-lpo-umea",
    "umea-kommun", "umea-socialjour", "umea-socialtjanst", "aklagarmyndigheten-umea",
    "umea-kvinnojour", "lansstyrelsen-vasterbotten", "brottsofferjouren",
    "umea-ungdomsmottagning",
  };
  const char * const *expected[SAM_N_LANGS] = { [SAM_LANG_SV] = by_sv, [SAM_LANG_EN] = by_en };

  G_STATIC_ASSERT (G_N_ELEMENTS (by_sv) == 38 && G_N_ELEMENTS (by_en) == 38);
  for (guint e = 0; e < G_N_ELEMENTS (empty); e++)
    for (SamLang lang = 0; lang < SAM_N_LANGS; lang++)
      {
        g_autoptr(SamQuery) query = sam_query_new (empty[e]);
        g_autoptr(GPtrArray) all = NULL;

        query->limit = 0;
        query->sort_lang = lang;
        query->now = g_date_time_new_from_iso8601 ("2026-11-25T03:00:00+01:00", NULL);
        all = run (f->store, query);
        g_assert_cmpuint (all->len, ==, 38);
        for (guint i = 0; i < all->len; i++)
          g_assert_cmpstr (sam_actor_get_id (g_ptr_array_index (all, i)), ==, expected[lang][i]);
      }
}

/* Whatever is typed, the FTS5 query syntax never shows through: no error,
 * and punctuation around words does not change what they find. */
static void
test_punctuation (Fixture *f, gconstpointer data)
{
  static const char * const odd[] = {
    "\"*()", "\"", "*", "(", ")", "-", "^", ":", "{name}:", "AND", "OR", "NOT",
    "NEAR(a b)", "\"umea", "umea\" OR \"x", "'; DROP TABLE actor; --", "umea*", "+", "+ -",
  };

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(SamQuery) query = sam_query_new (odd[i]);
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("search “%s”", odd[i]);
      found = sam_store_search (f->store, query, &error);
      g_assert_no_error (error);
      g_assert_nonnull (found);
    }

  {
    g_autoptr(GPtrArray) plain = search (f->store, "umea");
    g_autoptr(GPtrArray) quoted = search (f->store, "\"umea\"");
    g_autoptr(GPtrArray) starred = search (f->store, "umea*");
    g_autoptr(GPtrArray) after = search (f->store, "umea kommun");

    g_assert_cmpuint (plain->len, >, 0);
    g_assert_cmpuint (quoted->len, ==, plain->len);
    g_assert_cmpuint (starred->len, ==, plain->len);
    /* the register is unharmed */
    assert_found (after, "umea-kommun");
    g_assert_cmpint (sam_store_count_actors (f->store), ==, 38);
  }
}

static void
test_build_match (void)
{
  g_autofree char *all = sam_query_build_match ("Umeå kommun", FALSE);
  g_autofree char *names = sam_query_build_match ("Umeå kommun", TRUE);
  g_autofree char *phone = sam_query_build_match ("090-16 10 00", FALSE);
  g_autofree char *phone_names = sam_query_build_match ("090-16 10 00", TRUE);
  g_autofree char *hostile = sam_query_build_match ("umea\" OR name:*", FALSE);
  g_autofree char *nothing = sam_query_build_match ("\"*()", FALSE);
  g_autofree char *null = sam_query_build_match (NULL, FALSE);
  guint quotes = 0;

  g_assert_nonnull (strstr (all, "\"umea\"*"));
  g_assert_nonnull (strstr (all, "\"kommun\"*"));
  g_assert_nonnull (strstr (names, "\"umea\"*"));
  g_assert_nonnull (strstr (names, "{name}"));
  g_assert_null (strstr (names, "body"));
  g_assert_null (strstr (names, "phones"));
  /* phone numbers are not in the full-text index (migration 012) */
  g_assert_nonnull (strstr (phone, "\"090\"*"));
  g_assert_null (strstr (phone, "phones"));
  g_assert_null (strstr (phone_names, "090161000"));
  /* every token quoted: the user's quote, colon and star are gone */
  g_assert_nonnull (strstr (hostile, "\"umea\"*"));
  g_assert_nonnull (strstr (hostile, "\"or\"*"));
  g_assert_nonnull (strstr (hostile, "\"name\"*"));
  g_assert_null (strstr (hostile, "name:"));
  for (const char *p = hostile; *p; p++)
    quotes += *p == '"';
  g_assert_cmpuint (quotes, ==, 6);
  g_assert_null (nothing);
  g_assert_null (null);
}

static void
test_other_fields (Fixture *f, gconstpointer data)
{
  /* tags, area names, e-mail addresses and route labels are searched too */
  g_autoptr(GPtrArray) tag = search (f->store, "koppleri");
  g_autoptr(GPtrArray) area = search (f->store, "Skellefteå");
  g_autoptr(GPtrArray) mail = search (f->store, "mansmottagningen@umea.se");
  g_autoptr(GPtrArray) label = search (f->store, "Jourhavande utredare");

  assert_found (tag, "polisen");
  assert_found (area, "skelleftea-kommun");
  assert_found (area, "polisen-lpo-skelleftea");
  assert_found (mail, "umea-mansmottagningen");
  assert_found (label, "polisen-region-nord-mh");
}

/* An empty search at night in Umeå: the on-call services open now come
 * first (the social services' office is closed), and the rest follows:
 * the user's area ranks, it does not filter. */
static void
test_empty_at_night (Fixture *f, gconstpointer data)
{
  g_autoptr(SamQuery) query = sam_query_new ("");
  g_autoptr(GPtrArray) found = NULL;

  query->limit = 0;
  query->near = g_strdup ("2480");
  query->now = g_date_time_new_from_iso8601 ("2026-11-25T23:30:00+01:00", NULL);
  found = run (f->store, query);
  g_assert_cmpuint (found->len, ==, 38);
  g_assert_cmpint (position (found, "umea-socialjour"), <, 3);
  g_assert_cmpint (position (found, "umea-socialjour"), <, position (found, "umea-socialtjanst"));
  g_assert_cmpint (position (found, "umea-kvinnojour"), >, position (found, "nus-akutmottagning"));
  assert_found (found, "skelleftea-kommun");
}

/* With no area chosen yet (a first start at night): the national lines
 * open now come first, before closed offices; nothing is left out. */
static void
test_empty_at_night_no_area (Fixture *f, gconstpointer data)
{
  g_autoptr(SamQuery) query = sam_query_new ("");
  g_autoptr(GPtrArray) found = NULL;

  query->limit = 0;
  query->now = g_date_time_new_from_iso8601 ("2026-11-25T23:30:00+01:00", NULL);
  found = run (f->store, query);
  g_assert_cmpuint (found->len, ==, 38);
  g_assert_cmpint (position (found, "emergency-112"), ==, 0);
  g_assert_cmpint (position (found, "kvinnofridslinjen"), <, 6);
  g_assert_cmpint (position (found, "bris"), <, 6);
  g_assert_cmpint (position (found, "kvinnofridslinjen"), <, position (found, "barnahus-vasterbotten"));
  g_assert_cmpint (position (found, "kvinnofridslinjen"), <, position (found, "jamstalldhetsmyndigheten"));
}

/* Near ranks among equals: the user's municipality, then its county, then
 * the country; actors elsewhere are still found. */
static void
test_near (Fixture *f, gconstpointer data)
{
  g_autoptr(SamQuery) query = sam_query_new ("kvinnojour");
  g_autoptr(GPtrArray) skelleftea = NULL;
  g_autoptr(GPtrArray) umea = NULL;

  query->limit = 0;
  query->near = g_strdup ("2482");
  skelleftea = run (f->store, query);
  g_assert_cmpstr (sam_actor_get_id (g_ptr_array_index (skelleftea, 0)), ==, "skelleftea-kvinnojour");
  assert_found (skelleftea, "umea-kvinnojour");
  g_free (query->near);
  query->near = g_strdup ("2480");
  umea = run (f->store, query);
  g_assert_cmpstr (sam_actor_get_id (g_ptr_array_index (umea, 0)), ==, "umea-kvinnojour");
}

/* Stop words never empty a result; words that find nothing together fall
 * back to the best partial match. */
static void
test_stop_words_partial (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) stop = search (f->store, "kvinnojour i umeå");
  g_autoptr(GPtrArray) partial = search (f->store, "kvinnojour zzzqqq");
  g_autoptr(GPtrArray) only_stop = search (f->store, "för");

  assert_found (stop, "umea-kvinnojour");
  assert_found (partial, "umea-kvinnojour");
  assert_found (partial, "skelleftea-kvinnojour");
  g_assert_cmpuint (only_stop->len, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define SAMPLE(path, func) g_test_add (path, Fixture, NULL, set_up_sample, func, tear_down)
#define EMPTY(path, func) g_test_add (path, Fixture, NULL, set_up_empty, func, tear_down)
  SAMPLE ("/search/folding", test_folding);
  SAMPLE ("/search/description-folding", test_description_folding);
  SAMPLE ("/search/phone", test_phone);
  SAMPLE ("/search/prefix", test_prefix);
  EMPTY ("/search/ranking", test_ranking);
  SAMPLE ("/search/ranking-sample", test_ranking_sample);
  SAMPLE ("/search/kind", test_kind);
  SAMPLE ("/search/area-municipality", test_area_municipality);
  SAMPLE ("/search/area-county", test_area_county);
  SAMPLE ("/search/target-group-language", test_target_group_language);
  SAMPLE ("/search/open-now", test_open_now);
  SAMPLE ("/search/deleted", test_deleted);
  SAMPLE ("/search/updated", test_updated);
  SAMPLE ("/search/limit", test_limit);
  SAMPLE ("/search/browse", test_browse);
  SAMPLE ("/search/punctuation", test_punctuation);
  SAMPLE ("/search/other-fields", test_other_fields);
  SAMPLE ("/search/empty-at-night", test_empty_at_night);
  SAMPLE ("/search/empty-at-night-no-area", test_empty_at_night_no_area);
  SAMPLE ("/search/near", test_near);
  SAMPLE ("/search/stop-words-partial", test_stop_words_partial);
  g_test_add_func ("/search/build-match", test_build_match);
#undef SAMPLE
#undef EMPTY

  return g_test_run ();
}
