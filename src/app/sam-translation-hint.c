/* sam-translation-hint.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-translation-hint"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-translation-hint.h"

typedef struct {
  GtkLabel *heading[2];
  GtkTextBuffer *buffer[2];
  char *title[2];
} Hint;

static void
hint_clear (Hint *hint)
{
  for (guint i = 0; i < 2; i++)
    {
      g_object_unref (hint->heading[i]);
      g_free (hint->title[i]);
    }
}

static void
hint_release (gpointer hint, GClosure *closure)
{
  g_rc_box_release_full (hint, (GDestroyNotify) hint_clear);
}

static gboolean
buffer_is_blank (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return *g_strstrip (text) == '\0';
}

static void
update (GtkTextBuffer *changed, Hint *hint)
{
  gboolean blank[2] = { buffer_is_blank (hint->buffer[0]), buffer_is_blank (hint->buffer[1]) };

  for (guint i = 0; i < 2; i++)
    {
      gboolean missing = blank[i] && !blank[1 - i];
      g_autofree char *text = missing
        /* Translators: a text field's heading when only the other language is filled in,
           "In English · translation missing" */
        ? g_strdup_printf (_("%s · translation missing"), hint->title[i])
        : g_strdup (hint->title[i]);

      gtk_label_set_text (hint->heading[i], text);
      if (missing)
        gtk_widget_add_css_class (GTK_WIDGET (hint->heading[i]), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (hint->heading[i]), "warning");
    }
}

void
sam_translation_hint_bind (GtkLabel      *sv_heading,
                           GtkTextBuffer *sv_buffer,
                           GtkLabel      *en_heading,
                           GtkTextBuffer *en_buffer)
{
  Hint *hint = g_rc_box_new0 (Hint);

  /* each buffer's handler holds the hint; the hint holds the headings */
  hint->heading[0] = g_object_ref (sv_heading);
  hint->heading[1] = g_object_ref (en_heading);
  hint->buffer[0] = sv_buffer;
  hint->buffer[1] = en_buffer;
  hint->title[0] = g_strdup (gtk_label_get_text (sv_heading));
  hint->title[1] = g_strdup (gtk_label_get_text (en_heading));
  update (NULL, hint);
  g_signal_connect_data (sv_buffer, "changed", G_CALLBACK (update), g_rc_box_acquire (hint),
                         hint_release, 0);
  g_signal_connect_data (en_buffer, "changed", G_CALLBACK (update), hint, hint_release, 0);
}
