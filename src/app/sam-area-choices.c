/* sam-area-choices.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The areas a user may choose as theirs, for the drop-downs of the
 * preferences and the walk-through.
 */
#define G_LOG_DOMAIN "sam-area-choices"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-area-choices.h"
#include "sam-areas.h"

static int
compare_area_names (gconstpointer a, gconstpointer b)
{
  const SamArea *area_a = *(const SamArea * const *) a;
  const SamArea *area_b = *(const SamArea * const *) b;

  return g_utf8_collate (sam_area_get_name (area_a), sam_area_get_name (area_b));
}

GListModel *
sam_area_choices_new (GStrvBuilder *codes)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_copy (sam_areas_get_all (), NULL, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  g_ptr_array_sort (areas, compare_area_names);
  /* Translators: the default area when there is none */
  gtk_string_list_append (names, C_("area", "None"));
  g_strv_builder_add (codes, "");
  for (guint i = 0; i < areas->len; i++)
    {
      const SamArea *area = g_ptr_array_index (areas, i);

      if (area->kind == SAM_AREA_COUNTRY)
        continue;
      gtk_string_list_append (names, sam_area_get_name (area));
      g_strv_builder_add (codes, area->code);
    }
  return G_LIST_MODEL (names);
}

void
sam_area_choices_searchable (GtkDropDown *dropdown)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_enable_search (dropdown, TRUE);
}

guint
sam_area_choices_find (const char * const *codes, const char *code)
{
  for (guint i = 0; codes && code && codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i;
  return 0;
}
