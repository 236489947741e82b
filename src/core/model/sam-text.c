/* sam-text.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-text"

#include "config.h"

#include <string.h>

#include "sam-text.h"

void
sam_text_clear (SamText *self)
{
  for (guint i = 0; i < SAM_N_LANGS; i++)
    g_clear_pointer (&self->text[i], g_free);
}

/* Nothing but spaces is no text. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

void
sam_text_set (SamText *self, SamLang lang, const char *text)
{
  g_return_if_fail (lang < SAM_N_LANGS);

  if (text != NULL && is_blank (text))
    text = NULL;
  if (g_strcmp0 (self->text[lang], text) == 0)
    return;
  g_free (self->text[lang]);
  self->text[lang] = g_strdup (text);
}

const char *
sam_text_get (const SamText *self, SamLang lang)
{
  g_return_val_if_fail (lang < SAM_N_LANGS, NULL);
  return self->text[lang];
}

const char *
sam_text_get_best (const SamText *self, SamLang lang, gboolean *fell_back)
{
  const char *text = sam_text_get (self, lang);
  gboolean other = FALSE;

  if (text == NULL)
    {
      text = self->text[lang == SAM_LANG_SV ? SAM_LANG_EN : SAM_LANG_SV];
      other = text != NULL;
    }
  if (fell_back)
    *fell_back = other;
  return text;
}

void
sam_text_copy (SamText *dest, const SamText *src)
{
  for (guint i = 0; i < SAM_N_LANGS; i++)
    sam_text_set (dest, i, src->text[i]);
}

gboolean
sam_text_is_missing (const SamText *self,
                     SamLang        lang)
{
  const char *mine = sam_text_get (self, lang);
  const char *other = sam_text_get (self, lang == SAM_LANG_SV ? SAM_LANG_EN : SAM_LANG_SV);

  return (mine == NULL || *mine == '\0') && other != NULL && *other != '\0';
}

gboolean
sam_text_equal (const SamText *a, const SamText *b)
{
  for (guint i = 0; i < SAM_N_LANGS; i++)
    if (g_strcmp0 (a->text[i], b->text[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Folds a run of text with at least one byte past ASCII: case folded,
 * decomposed, the accents dropped. */
static void
fold_run (GString *out, const char *text, gssize length)
{
  g_autofree char *lower = g_utf8_casefold (text, length);
  g_autofree char *decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);

  if (decomposed == NULL)
    return;
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
}

typedef void (*RunFunc) (GString *out, const char *text, gssize length);

/* @text with its ASCII runs in lower case and the runs past ASCII given
 * to @slow */
static char *
by_ascii_runs (const char *text, RunFunc slow)
{
  GString *out = g_string_sized_new (strlen (text) + 8);
  const char *p = text;

  while (*p)
    {
      const char *run = p;

      while (*p && !((guchar) *p & 0x80))
        p++;
      for (const char *q = run; q < p; q++)
        g_string_append_c (out, g_ascii_tolower (*q));
      run = p;
      while (*p && ((guchar) *p & 0x80))
        p++;
      if (p > run)
        slow (out, run, p - run);
    }
  return g_string_free (out, FALSE);
}

char *
sam_text_fold (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  /* An ASCII character folds to its lower case whatever stands beside it:
   * decomposition never moves a character of combining class 0, and case
   * folding and dropping accents go character by character. So only the
   * runs past ASCII take the slow road, which was most of what writing an
   * actor's name keys cost. */
  return by_ascii_runs (text, fold_run);
}

/* The key of a run of text with at least one byte past ASCII */
static void
sort_key_run (GString *out, const char *text, gssize length)
{
  g_autofree char *lower = g_utf8_strdown (text, length);
  GString *marked = g_string_new (NULL);
  g_autofree char *folded = NULL;

  /* å ä ö are letters of their own, after z: mark them before folding */
  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x00E5)
        g_string_append (marked, "z{");
      else if (c == 0x00E4 || c == 0x00E6)
        g_string_append (marked, "z|");
      else if (c == 0x00F6 || c == 0x00F8)
        g_string_append (marked, "z}");
      else
        g_string_append_unichar (marked, c);
    }
  folded = sam_text_fold (marked->str);
  g_string_free (marked, TRUE);
  g_string_append (out, folded);
}

char *
sam_text_sort_key_sv (const char *text)
{
  const char *p = text ? text : "";

  if (!g_utf8_validate (p, -1, NULL))
    return g_strdup ("");
  /* As in sam_text_fold, an ASCII character's key is its lower case
   * whatever stands beside it (a Greek final sigma, the one letter whose
   * lower case looks at its neighbours, folds to σ either way), and in
   * every locale (g_utf8_strdown made "I" a dotless ı in a Turkish one):
   * only the runs past ASCII take the slow road, a tenth of an import's
   * writing of an actor. */
  return by_ascii_runs (p, sort_key_run);
}
