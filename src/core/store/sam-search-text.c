/* sam-search-text.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The language tools of the search: words, Snowball stems (libstemmer),
 * base forms from hunspell's Swedish dictionary, stop words, one-edit
 * comparison, and the names of kinds and target groups in both languages.
 * No SQL here: sam-search-vocab.c and sam-query.c use these.
 */
#define G_LOG_DOMAIN "sam-search"

#include "config.h"

#include <string.h>
#include <libstemmer.h>
#include <hunspell.h>

#include "sam-search-text.h"
#include "sam-text.h"


typedef struct {
  struct sb_stemmer *swedish;
  struct sb_stemmer *english;
} Stemmers;

typedef struct {
  const char *facet;   /* as sam-search-facets.c writes it */
  const char *names;   /* Swedish and English, as people write them */
} Label;

/* The kinds' and target groups' names in sam-enums.c and po/sv.po, with
 * the words people use for them in either language. */
static const Label labels[] = {
  { "ksocialservices",      "socialtjänst socialtjänsten socialkontor social services" },
  { "kpolice",              "polis polisen police" },
  { "khealthcare",          "hälso- och sjukvård vård healthcare health care" },
  { "kmigrationagency",     "migrationsverket migration agency" },
  { "kprosecution",         "åklagare åklagarmyndigheten prosecution prosecutor" },
  { "kcountyboard",         "länsstyrelse länsstyrelsen county administrative board" },
  { "kregionalcoordinator", "regionkoordinator regional coordinator" },
  { "kshelter",             "jour skyddat boende kvinnojour shelter shelters refuge" },
  { "kngo",                 "ideell organisation frivilligorganisation voluntary organisation ngo" },
  { "khelpline",            "stödlinje stödtelefon hjälplinje helpline support line hotline" },
  { "kemergency",           "larmnummer nödnummer emergency" },
  { "knationalauthority",   "nationell myndighet myndighet national authority government agency" },
  { "gadults",              "vuxna adults" },
  { "gchildren",            "barn children child" },
  { "gyoungpeople",         "unga ungdomar young people youth" },
  { "gwomen",               "kvinnor women" },
  { "gmen",                 "män men" },
  { "glgbtq",               "hbtqi hbtq lgbtq lgbt" },
  { "gprofessionals",       "yrkesverksamma professionals" },
  { "gtraffickingvictims",  "personer utsatta för människohandel victims of trafficking" },
  { "gpeoplesellingsex",    "personer som säljer sex people who sell sex" },
  { "gpeoplebuyingsex",     "personer som köper sex sexköpare people who buy sex" },
  { "grelatives",           "anhöriga anhörig närstående relatives family" },
};

/* Function words of Swedish and English that a search never needs. */
static const char * const stop_words[] = {
  "a", "alla", "an", "and", "are", "at", "att", "av", "be", "by", "de", "den", "det", "du",
  "efter", "eller", "en", "ett", "for", "from", "fran", "har", "hos", "i", "in", "is", "jag",
  "med", "mot", "nar", "och", "of", "om", "on", "or", "over", "pa", "sa", "som", "the",
  "till", "to", "under", "vi", "vid", "with", "ar", "ur", NULL
};

static GMutex dictionary_lock;
static Hunhandle *dictionary;
static gboolean dictionary_tried;

static void
stemmers_free (Stemmers *stemmers)
{
  sb_stemmer_delete (stemmers->swedish);
  sb_stemmer_delete (stemmers->english);
  g_free (stemmers);
}

static Stemmers *
get_stemmers (void)
{
  static GPrivate key = G_PRIVATE_INIT ((GDestroyNotify) stemmers_free);
  Stemmers *stemmers = g_private_get (&key);

  if (stemmers == NULL)
    {
      stemmers = g_new0 (Stemmers, 1);
      stemmers->swedish = sb_stemmer_new ("swedish", "UTF_8");
      stemmers->english = sb_stemmer_new ("english", "UTF_8");
      g_private_set (&key, stemmers);
    }
  return stemmers;
}

static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return words;
}

/* One character folded as sam_text_fold does (case folded, marks
 * dropped), for the characters outside ASCII. */
static void
append_folded (GString *word, gunichar c)
{
  char buf[8] = { 0 };
  g_autofree char *folded = NULL;

  g_unichar_to_utf8 (c, buf);
  folded = sam_text_fold (buf);

  g_string_append (word, folded);
}

/* Folds and splits in one pass: ASCII (most of any register) is lowered
 * in place, other characters go through sam_text_fold one at a time. An
 * import reads every text of every actor through here, and folding the
 * whole text first cost more than the rest of the split. */
GPtrArray *
sam_search_text_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = text ? text : ""; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && c < 0x80 && g_ascii_isalnum (c))
        {
          g_string_append_c (word, g_ascii_tolower (c));
          continue;
        }
      if (c >= 0x80 && g_unichar_isalnum (c))
        {
          append_folded (word, c);
          continue;
        }
      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return words;
}

GPtrArray *
sam_search_text_words_as_typed (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text ? text : "", -1);

  return split_words (lower);
}

char *
sam_search_text_stem (const char *word,
                      gboolean    english)
{
  Stemmers *stemmers = get_stemmers ();
  struct sb_stemmer *stemmer = english ? stemmers->english : stemmers->swedish;
  const sb_symbol *stem;
  int len;

  if (stemmer == NULL || word == NULL)
    return NULL;
  stem = sb_stemmer_stem (stemmer, (const sb_symbol *) word, (int) strlen (word));
  len = stem ? sb_stemmer_length (stemmer) : 0;
  if (len < 3 || (size_t) len == strlen (word))
    return NULL;
  return g_strndup ((const char *) stem, len);
}

static gpointer
load_dictionary (gpointer data)
{
  g_mutex_lock (&dictionary_lock);
  if (!dictionary_tried)
    {
      /* /usr/share/hunspell on a distribution, /app/share/hunspell in the
       * Flatpak: both are system data folders */
      const char * const *dirs = g_get_system_data_dirs ();

      dictionary_tried = TRUE;
      for (guint i = 0; dirs[i] && dictionary == NULL; i++)
        {
          g_autofree char *aff = g_build_filename (dirs[i], "hunspell", "sv_SE.aff", NULL);
          g_autofree char *dic = g_build_filename (dirs[i], "hunspell", "sv_SE.dic", NULL);

          if (g_file_test (aff, G_FILE_TEST_EXISTS) && g_file_test (dic, G_FILE_TEST_EXISTS))
            dictionary = Hunspell_create (aff, dic);
        }
    }
  g_mutex_unlock (&dictionary_lock);
  return NULL;
}

void
sam_search_text_preload (void)
{
  static gsize started;

  if (g_once_init_enter (&started))
    {
      g_thread_unref (g_thread_new ("sam-dictionary", load_dictionary, NULL));
      g_once_init_leave (&started, 1);
    }
}

/* hunspell's dictionary holds å ä ö: the word goes in as typed. */
GPtrArray *
sam_search_text_base_forms (const char *word)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded_word = sam_text_fold (word);
  char **list = NULL;
  int n;

  load_dictionary (NULL);
  g_mutex_lock (&dictionary_lock);
  n = dictionary ? Hunspell_stem (dictionary, &list, word) : 0;
  for (int i = 0; i < n; i++)
    {
      g_autofree char *folded = sam_text_fold (list[i]);

      if (strlen (folded) >= 3 && !g_str_equal (folded, folded_word) &&
          !g_ptr_array_find_with_equal_func (forms, folded, g_str_equal, NULL))
        g_ptr_array_add (forms, g_steal_pointer (&folded));
    }
  if (n > 0)
    Hunspell_free_list (dictionary, &list, n);
  g_mutex_unlock (&dictionary_lock);
  return forms;
}

gboolean
sam_search_text_is_stop_word (const char *word)
{
  return word != NULL && g_strv_contains (stop_words, word);
}

gboolean
sam_search_text_within_one_edit (const char *a,
                                 const char *b)
{
  size_t la = strlen (a), lb = strlen (b), i = 0;

  if (la > lb)
    return sam_search_text_within_one_edit (b, a);
  if (lb - la > 1)
    return FALSE;
  while (i < la && a[i] == b[i])
    i++;
  if (i == la)
    return TRUE;
  if (la == lb)
    return strcmp (a + i + 1, b + i + 1) == 0 ||                       /* replaced */
           (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
            strcmp (a + i + 2, b + i + 2) == 0);                       /* swapped */
  return strcmp (a + i, b + i + 1) == 0;                               /* inserted */
}

typedef struct {
  char *word;
  char *stem;   /* NULL when the word is its own stem */
  gboolean stop;   /* a stop word: matched by its beginning only */
} LabelWord;

/* The words of each label with their stems, made once. */
static GArray **
get_label_words (void)
{
  static GArray **words;

  if (g_once_init_enter (&words))
    {
      GArray **all = g_new0 (GArray *, G_N_ELEMENTS (labels));

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          g_autoptr(GPtrArray) names = sam_search_text_words (labels[i].names);

          all[i] = g_array_new (FALSE, FALSE, sizeof (LabelWord));
          for (guint n = 0; n < names->len; n++)
            {
              LabelWord w = { g_strdup (g_ptr_array_index (names, n)), NULL, FALSE };

              /* known once, not looked up in the stop words for every
               * word of every search */
              w.stop = sam_search_text_is_stop_word (w.word);
              if (!w.stop)
                w.stem = sam_search_text_stem (w.word, FALSE);
              g_array_append_val (all[i], w);
            }
        }
      g_once_init_leave (&words, all);
    }
  return words;
}

static gboolean
word_matches_name (const char *word, const char *word_stem, const LabelWord *name)
{
  if (strlen (word) < 3)
    return FALSE;
  if (g_str_has_prefix (name->word, word))
    return TRUE;
  if (name->stop)
    return FALSE;
  return g_strcmp0 (name->stem ? name->stem : name->word, word_stem ? word_stem : word) == 0;
}

void
sam_search_text_label_facets (const char *word,
                              GPtrArray  *facets)
{
  g_autofree char *stem = sam_search_text_stem (word, FALSE);
  GArray **words = get_label_words ();

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_ptr_array_find_with_equal_func (facets, labels[i].facet, g_str_equal, NULL))
        continue;
      for (guint n = 0; n < words[i]->len; n++)
        if (word_matches_name (word, stem, &g_array_index (words[i], LabelWord, n)))
          {
            g_ptr_array_add (facets, g_strdup (labels[i].facet));
            break;
          }
    }
}
