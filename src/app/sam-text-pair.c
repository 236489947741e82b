/* sam-text-pair.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-text-pair"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-text-pair.h"

struct _SamTextPair
{
  AdwBin parent_instance;

  SamText *text;
  GtkWidget *rows[SAM_N_LANGS];
  GtkWidget *missing[SAM_N_LANGS];
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SamTextPair, sam_text_pair, ADW_TYPE_BIN)

static void
update_missing (SamTextPair *self)
{
  for (int lang = 0; lang < SAM_N_LANGS; lang++)
    gtk_widget_set_visible (self->missing[lang], sam_text_is_missing (self->text, lang));
}

static void
entry_changed_cb (GtkEditable *entry, SamTextPair *self)
{
  SamLang lang = GTK_WIDGET (entry) == self->rows[SAM_LANG_SV] ? SAM_LANG_SV : SAM_LANG_EN;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (text, sam_text_get (self->text, lang)) == 0)
    return;
  sam_text_set (self->text, lang, *text ? text : NULL);
  update_missing (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
sam_text_pair_class_init (SamTextPairClass *klass)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sam_text_pair_init (SamTextPair *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Translators: a quiet hint at an empty field whose other language is filled */
  const char *hints[SAM_N_LANGS] = { N_("Swedish missing"), N_("English missing") };

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  for (int lang = 0; lang < SAM_N_LANGS; lang++)
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      self->rows[lang] = adw_entry_row_new ();
      self->missing[lang] = gtk_label_new (_(hints[lang]));
      gtk_widget_add_css_class (self->missing[lang], "dim-label");
      gtk_widget_add_css_class (self->missing[lang], "caption");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->rows[lang]), self->missing[lang]);
      gtk_list_box_append (GTK_LIST_BOX (list), self->rows[lang]);
      gtk_box_append (GTK_BOX (box), list);
    }
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
sam_text_pair_new (SamText *text, const char *title_sv, const char *title_en)
{
  SamTextPair *self = g_object_new (SAM_TYPE_TEXT_PAIR, NULL);
  const char *titles[SAM_N_LANGS] = { title_sv, title_en };

  self->text = text;
  for (int lang = 0; lang < SAM_N_LANGS; lang++)
    {
      const char *value = sam_text_get (text, lang);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[lang]), titles[lang]);
      gtk_editable_set_text (GTK_EDITABLE (self->rows[lang]), value ? value : "");
      g_signal_connect (self->rows[lang], "changed", G_CALLBACK (entry_changed_cb), self);
    }
  update_missing (self);
  return GTK_WIDGET (self);
}

GtkEditable *
sam_text_pair_get_entry (SamTextPair *self, SamLang lang)
{
  g_return_val_if_fail (SAM_IS_TEXT_PAIR (self), NULL);
  g_return_val_if_fail (lang < SAM_N_LANGS, NULL);
  return GTK_EDITABLE (self->rows[lang]);
}

gboolean
sam_text_pair_is_missing (SamTextPair *self, SamLang lang)
{
  g_return_val_if_fail (SAM_IS_TEXT_PAIR (self), FALSE);
  g_return_val_if_fail (lang < SAM_N_LANGS, FALSE);
  return gtk_widget_get_visible (self->missing[lang]);
}
