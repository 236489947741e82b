/* sam-area-editor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The areas of the actor editor: found by name or code, case and accents
 * aside, suggested while typing, shown as chips that remove themselves.
 */
#define G_LOG_DOMAIN "sam-area-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sam-actor-editor-private.h"
#include "sam-area-editor.h"
#include "sam-areas.h"
#include "sam-text.h"

#define MAX_SUGGESTIONS 6

struct _SamAreaEditor
{
  GObject parent_instance;

  GPtrArray *areas;          /* of char *, codes in the order chosen */
  GPtrArray *suggestions;    /* of AdwActionRow under the entry */
  AdwPreferencesGroup *group;
  GtkFlowBox *chips;
  GtkWidget *empty_label;
  AdwEntryRow *entry;
};

G_DEFINE_FINAL_TYPE (SamAreaEditor, sam_area_editor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_area_chips (SamAreaEditor *self);

/* Helpers: finding areas */

static gboolean
area_name_is (const SamArea *area, const char *folded)
{
  for (guint lang = 0; lang < SAM_N_LANGS; lang++)
    {
      g_autofree char *name = sam_text_fold (area->name[lang]);

      if (g_str_equal (name, folded))
        return TRUE;
    }
  return FALSE;
}

/* How well @area matches the folded @key: 0 a name or the code, 1 the start
 * of a name or code, 2 the start of a word of a name, -1 not at all. */
static int
area_match (const SamArea *area, const char *key)
{
  int best = -1;

  if (g_ascii_strcasecmp (area->code, key) == 0 || area_name_is (area, key))
    return 0;
  if (g_str_has_prefix (area->code, key))
    best = 1;
  for (guint lang = 0; lang < SAM_N_LANGS && best != 1; lang++)
    {
      g_autofree char *name = sam_text_fold (area->name[lang]);
      const char *hit = strstr (name, key);

      if (hit == name)
        best = 1;
      else if (hit && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (hit))))
        best = 2;
    }
  return best;
}

static gboolean
area_is_chosen (SamAreaEditor *self, const char *code)
{
  for (guint i = 0; i < self->areas->len; i++)
    if (g_str_equal (g_ptr_array_index (self->areas, i), code))
      return TRUE;
  return FALSE;
}

/* The areas not yet chosen that match @text, best first. */
static GPtrArray *
find_areas (SamAreaEditor *self, const char *text, guint limit)
{
  GPtrArray *all = sam_areas_get_all ();
  GPtrArray *found = g_ptr_array_new ();
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *key = sam_text_fold (stripped);

  if (*key == '\0')
    return found;
  for (int rank = 0; rank <= 2; rank++)
    for (guint i = 0; i < all->len && found->len < limit; i++)
      {
        const SamArea *area = g_ptr_array_index (all, i);

        if (area_match (area, key) == rank && !area_is_chosen (self, area->code))
          g_ptr_array_add (found, (gpointer) area);
      }
  return found;
}

/* The one area @text means: a code, a whole name, or the only match. */
static const SamArea *
resolve_area (SamAreaEditor *self, const char *text)
{
  g_autoptr(GPtrArray) found = find_areas (self, text, 2);
  g_autofree char *key = sam_text_fold (text);
  const SamArea *area = sam_area_lookup (text);

  if (area == NULL && g_ascii_strcasecmp (text, "se") == 0)
    area = sam_area_lookup ("SE");
  if (area)
    return area;
  if (found->len > 0 && area_match (g_ptr_array_index (found, 0), key) == 0)
    return g_ptr_array_index (found, 0);
  return found->len == 1 ? g_ptr_array_index (found, 0) : NULL;
}

static char *
describe_area (const SamArea *area)
{
  const SamArea *county = area->county ? sam_area_lookup (area->county) : NULL;

  switch (area->kind)
    {
    case SAM_AREA_COUNTRY:
      return g_strdup (_("The whole country"));
    case SAM_AREA_COUNTY:
      return g_strdup_printf (_("County, code %s"), area->code);
    case SAM_AREA_MUNICIPALITY:
    default:
      /* Translators: a municipality in a county, with its code */
      return g_strdup_printf (_("Municipality in %s, code %s"),
                              county ? sam_area_get_name (county) : "?", area->code);
    }
}

/* Helpers: chips and suggestions */

/* The areas typed in the entry, one or more separated by commas. */
static GPtrArray *
entry_parts (SamAreaEditor *self)
{
  return _sam_actor_editor_split_list (gtk_editable_get_text (GTK_EDITABLE (self->entry)), ",");
}

static void
area_chip_clicked_cb (GtkButton *button, SamAreaEditor *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "sam-area-code");

  for (guint i = 0; i < self->areas->len; i++)
    if (g_str_equal (g_ptr_array_index (self->areas, i), code))
      {
        g_ptr_array_remove_index (self->areas, i);
        break;
      }
  /* takes this chip away: the emission holds a reference until it returns */
  update_area_chips (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
make_area_chip (SamAreaEditor *self, const char *code)
{
  const SamArea *area = sam_area_lookup (code);
  const char *name = area ? sam_area_get_name (area) : code;
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new ();

  gtk_box_append (GTK_BOX (box), gtk_label_new (name));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (button), "sam-area-code", g_strdup (code), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (area_chip_clicked_cb), self, 0);
  return button;
}

static void
update_area_chips (SamAreaEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))) != NULL)
    gtk_flow_box_remove (self->chips, child);
  for (guint i = 0; i < self->areas->len; i++)
    {
      GtkWidget *chip = make_area_chip (self, g_ptr_array_index (self->areas, i));

      gtk_flow_box_append (self->chips, chip);
      /* the button takes the focus, not the box's child around it */
      gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chips), self->areas->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->areas->len == 0);
}

static void
add_area (SamAreaEditor *self, const char *code)
{
  if (!area_is_chosen (self, code))
    g_ptr_array_add (self->areas, g_strdup (code));
  update_area_chips (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_suggestions (SamAreaEditor *self)
{
  for (guint i = 0; i < self->suggestions->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->suggestions, i));
  g_ptr_array_set_size (self->suggestions, 0);
}

static void
suggestion_activated_cb (AdwActionRow *row, SamAreaEditor *self)
{
  add_area (self, g_object_get_data (G_OBJECT (row), "sam-area-code"));
  /* clears the suggestions, this row among them */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static GtkWidget *
make_suggestion (SamAreaEditor *self, const SamArea *area)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (sam_area_get_name (area), -1);
  g_autofree char *subtitle = describe_area (area);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Add this area"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "sam-area-code", g_strdup (area->code), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (suggestion_activated_cb), self, 0);
  return row;
}

/* Overrides */

static void
sam_area_editor_dispose (GObject *object)
{
  SamAreaEditor *self = SAM_AREA_EDITOR (object);

  g_clear_object (&self->group);
  g_clear_object (&self->chips);
  g_clear_object (&self->empty_label);
  g_clear_object (&self->entry);
  G_OBJECT_CLASS (sam_area_editor_parent_class)->dispose (object);
}

static void
sam_area_editor_finalize (GObject *object)
{
  SamAreaEditor *self = SAM_AREA_EDITOR (object);

  g_ptr_array_unref (self->areas);
  g_ptr_array_unref (self->suggestions);
  G_OBJECT_CLASS (sam_area_editor_parent_class)->finalize (object);
}

static void
sam_area_editor_class_init (SamAreaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_area_editor_dispose;
  object_class->finalize = sam_area_editor_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sam_area_editor_init (SamAreaEditor *self)
{
  self->areas = g_ptr_array_new_with_free_func (g_free);
  self->suggestions = g_ptr_array_new ();
}

/* Public API */

SamAreaEditor *
sam_area_editor_new (AdwPreferencesGroup *group,
                     GtkFlowBox          *chips,
                     GtkWidget           *empty_label,
                     AdwEntryRow         *entry)
{
  SamAreaEditor *self;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);
  g_return_val_if_fail (GTK_IS_FLOW_BOX (chips), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (empty_label), NULL);
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (entry), NULL);

  self = g_object_new (SAM_TYPE_AREA_EDITOR, NULL);
  self->group = g_object_ref (group);
  self->chips = g_object_ref (chips);
  self->empty_label = g_object_ref (empty_label);
  self->entry = g_object_ref (entry);
  update_area_chips (self);
  return self;
}

GPtrArray *
sam_area_editor_get_areas (SamAreaEditor *self)
{
  g_return_val_if_fail (SAM_IS_AREA_EDITOR (self), NULL);
  return self->areas;
}

void
sam_area_editor_set_areas (SamAreaEditor *self,
                           GPtrArray     *codes)
{
  g_return_if_fail (SAM_IS_AREA_EDITOR (self));
  g_return_if_fail (codes != NULL);

  g_ptr_array_set_size (self->areas, 0);
  for (guint i = 0; i < codes->len; i++)
    g_ptr_array_add (self->areas, g_strdup (g_ptr_array_index (codes, i)));
  update_area_chips (self);
}

void
sam_area_editor_update_suggestions (SamAreaEditor *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) parts = NULL;

  g_return_if_fail (SAM_IS_AREA_EDITOR (self));

  parts = entry_parts (self);
  clear_suggestions (self);
  if (parts->len == 0)
    return;
  /* suggest for the part being typed: the last one */
  found = find_areas (self, g_ptr_array_index (parts, parts->len - 1), MAX_SUGGESTIONS);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *row = make_suggestion (self, g_ptr_array_index (found, i));

      g_ptr_array_add (self->suggestions, row);
      adw_preferences_group_add (self->group, row);
    }
}

void
sam_area_editor_commit (SamAreaEditor *self)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *rest = NULL;

  g_return_if_fail (SAM_IS_AREA_EDITOR (self));

  parts = entry_parts (self);
  left = g_ptr_array_new ();
  for (guint i = 0; i < parts->len; i++)
    {
      const SamArea *area = resolve_area (self, g_ptr_array_index (parts, i));

      if (area)
        add_area (self, area->code);
      else
        g_ptr_array_add (left, g_ptr_array_index (parts, i));
    }
  rest = _sam_actor_editor_join_strings (left);
  if (g_strcmp0 (rest, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), rest);
}
