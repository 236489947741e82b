/* sam-actor-editor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-actor-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sam-field-error.h"
#include "sam-actor-editor.h"
#include "sam-areas.h"
#include "sam-errors.h"
#include "sam-format.h"
#include "sam-route-editor-row.h"
#include "sam-translation-hint.h"

#define MAX_SUGGESTIONS 6
#define ID_MAX_LENGTH 48

/* The actor's own fields that can be wrong, as bits of `touched`. */
typedef enum {
  FIELD_NAME_SV   = 1 << 0,
  FIELD_NAME_EN   = 1 << 1,
  FIELD_AREAS     = 1 << 2,
  FIELD_LANGUAGES = 1 << 3,
  FIELD_HOURS     = 1 << 4,
} Field;

struct _SamActorEditor
{
  AdwWindow parent_instance;

  SamStore *store;
  SamActor *actor;
  gboolean is_new;
  /* errors show once a field was edited, and all of them after a save */
  gboolean show_all_errors;
  guint touched;
  GPtrArray *areas;          /* of char *, codes in the order chosen */
  GPtrArray *route_rows;     /* of SamRouteEditorRow, in order */
  GPtrArray *suggestions;    /* of AdwActionRow under the area entry */
  GPtrArray *target_checks;  /* of GtkCheckButton, in sam_target_groups () order */

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  AdwEntryRow *name_sv_row;
  AdwEntryRow *name_en_row;
  GtkLabel *name_sv_error;
  GtkLabel *name_en_error;
  AdwComboRow *kind_row;
  AdwActionRow *parent_row;
  GtkLabel *description_sv_label;
  GtkLabel *description_en_label;
  GtkTextView *description_sv_view;
  GtkTextView *description_en_view;
  AdwPreferencesGroup *areas_group;
  GtkFlowBox *areas_box;
  GtkLabel *areas_empty_label;
  AdwEntryRow *area_entry;
  GtkLabel *areas_error;
  GtkFlowBox *target_groups_box;
  AdwEntryRow *languages_row;
  AdwEntryRow *tags_row;
  GtkLabel *languages_error;
  AdwEntryRow *hours_row;
  GtkSpinButton *review_spin;
  GtkLabel *hours_error;
  AdwPreferencesGroup *routes_group;
  GtkLabel *routes_empty_label;
};

G_DEFINE_FINAL_TYPE (SamActorEditor, sam_actor_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  RELOAD_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean validate (SamActorEditor *self, gboolean include_pending, gboolean focus);
static void update_area_chips (SamActorEditor *self);

/* Helpers: reading fields */

static char *
dup_stripped_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static char *
join_strings (GPtrArray *strings)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (strings, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The parts of a comma-separated list, stripped, without empty ones. */
static GPtrArray *
split_list (const char *text, const char *separators)
{
  g_auto(GStrv) parts = g_strsplit_set (text, separators, -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]))
      g_ptr_array_add (out, g_strdup (parts[i]));
  return out;
}

static gboolean
is_language_code (const char *code)
{
  gsize len = strlen (code);

  if (len < 2 || len > 3)
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_islower (*p))
      return FALSE;
  return TRUE;
}

/* The language codes typed, lower case; NULL with a message naming the
 * field when one is not a code. */
static GPtrArray *
parse_languages (SamActorEditor *self, char **message)
{
  g_autofree char *text = g_ascii_strdown (gtk_editable_get_text (GTK_EDITABLE (self->languages_row)), -1);
  g_autoptr(GPtrArray) codes = split_list (text, ", ;");

  for (guint i = 0; i < codes->len; i++)
    if (!is_language_code (g_ptr_array_index (codes, i)))
      {
        *message = g_strdup_printf (_("Languages: “%s” is not a language code such as sv, en or ar."),
                                    (char *) g_ptr_array_index (codes, i));
        return NULL;
      }
  return g_steal_pointer (&codes);
}

/* The actor's hours: NULL when the field is empty or wrong; @message says
 * which. */
static SamSchedule *
parse_hours (SamActorEditor *self, char **message)
{
  g_autofree char *text = dup_stripped_text (self->hours_row);
  g_autoptr(GError) error = NULL;
  SamSchedule *hours;

  if (*text == '\0')
    return NULL;
  hours = sam_schedule_parse (text, &error);
  if (hours == NULL)
    *message = g_strdup (error->message);
  return hours;
}

/* Helpers: areas */

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
area_is_chosen (SamActorEditor *self, const char *code)
{
  for (guint i = 0; i < self->areas->len; i++)
    if (g_str_equal (g_ptr_array_index (self->areas, i), code))
      return TRUE;
  return FALSE;
}

/* The areas not yet chosen that match @text, best first. */
static GPtrArray *
find_areas (SamActorEditor *self, const char *text, guint limit)
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
resolve_area (SamActorEditor *self, const char *text)
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

static void
area_chip_clicked_cb (GtkButton *button, SamActorEditor *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "sam-area-code");

  for (guint i = 0; i < self->areas->len; i++)
    if (g_str_equal (g_ptr_array_index (self->areas, i), code))
      {
        g_ptr_array_remove_index (self->areas, i);
        break;
      }
  self->touched |= FIELD_AREAS;
  /* takes this chip away: the emission holds a reference until it returns */
  update_area_chips (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->area_entry));
  validate (self, FALSE, FALSE);
}

static GtkWidget *
make_area_chip (SamActorEditor *self, const char *code)
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
  g_signal_connect (button, "clicked", G_CALLBACK (area_chip_clicked_cb), self);
  return button;
}

static void
update_area_chips (SamActorEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_box))) != NULL)
    gtk_flow_box_remove (self->areas_box, child);
  for (guint i = 0; i < self->areas->len; i++)
    {
      GtkWidget *chip = make_area_chip (self, g_ptr_array_index (self->areas, i));

      gtk_flow_box_append (self->areas_box, chip);
      /* the button takes the focus, not the box's child around it */
      gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->areas_box), self->areas->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->areas_empty_label), self->areas->len == 0);
}

static void
add_area (SamActorEditor *self, const char *code)
{
  if (!area_is_chosen (self, code))
    g_ptr_array_add (self->areas, g_strdup (code));
  self->touched |= FIELD_AREAS;
  update_area_chips (self);
}

static void
clear_suggestions (SamActorEditor *self)
{
  for (guint i = 0; i < self->suggestions->len; i++)
    adw_preferences_group_remove (self->areas_group, g_ptr_array_index (self->suggestions, i));
  g_ptr_array_set_size (self->suggestions, 0);
}

static void
suggestion_activated_cb (AdwActionRow *row, SamActorEditor *self)
{
  add_area (self, g_object_get_data (G_OBJECT (row), "sam-area-code"));
  /* clears the suggestions, this row among them */
  gtk_editable_set_text (GTK_EDITABLE (self->area_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->area_entry));
}

static GtkWidget *
make_suggestion (SamActorEditor *self, const SamArea *area)
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
  g_signal_connect (row, "activated", G_CALLBACK (suggestion_activated_cb), self);
  return row;
}

static void
update_suggestions (SamActorEditor *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) parts = split_list (gtk_editable_get_text (GTK_EDITABLE (self->area_entry)), ",");

  clear_suggestions (self);
  if (parts->len == 0)
    return;
  /* suggest for the part being typed: the last one */
  found = find_areas (self, g_ptr_array_index (parts, parts->len - 1), MAX_SUGGESTIONS);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *row = make_suggestion (self, g_ptr_array_index (found, i));

      g_ptr_array_add (self->suggestions, row);
      adw_preferences_group_add (self->areas_group, row);
    }
}

/* Adds what the area entry names; what matches no single area stays in it. */
static void
commit_area_entry (SamActorEditor *self)
{
  g_autoptr(GPtrArray) parts = split_list (gtk_editable_get_text (GTK_EDITABLE (self->area_entry)), ",");
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  g_autofree char *rest = NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      const SamArea *area = resolve_area (self, g_ptr_array_index (parts, i));

      if (area)
        add_area (self, area->code);
      else
        g_ptr_array_add (left, g_ptr_array_index (parts, i));
    }
  rest = join_strings (left);
  if (g_strcmp0 (rest, gtk_editable_get_text (GTK_EDITABLE (self->area_entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->area_entry), rest);
}

/* Helpers: checking */

/* sam_actor_validate checks the Swedish name, then the English one, then
 * the areas: a scratch actor right in all but @field gives its message. */
static char *
check_with_actor (SamActorEditor *self, Field field)
{
  g_autoptr(SamActor) scratch = sam_actor_new ("scratch");
  g_autoptr(GError) error = NULL;
  SamText *name = sam_actor_get_name (scratch);
  g_autofree char *name_sv = dup_stripped_text (self->name_sv_row);
  g_autofree char *name_en = dup_stripped_text (self->name_en_row);

  sam_text_set (name, SAM_LANG_SV, field == FIELD_NAME_SV ? name_sv : "-");
  sam_text_set (name, SAM_LANG_EN, field == FIELD_NAME_EN ? name_en : "-");
  if (field == FIELD_AREAS)
    for (guint i = 0; i < self->areas->len; i++)
      sam_actor_add_area (scratch, g_ptr_array_index (self->areas, i));
  else
    sam_actor_add_area (scratch, "SE");
  if (sam_actor_validate (scratch, &error))
    return NULL;
  return g_strdup (error->message);
}

static char *
check_areas (SamActorEditor *self, gboolean include_pending)
{
  g_autofree char *pending = dup_stripped_text (self->area_entry);

  if (include_pending && *pending)
    return g_strdup_printf (_("Areas: “%s” is not one Swedish municipality or county. "
                              "Choose one from the list under the field."), pending);
  return check_with_actor (self, FIELD_AREAS);
}

static void
show_field_error (GtkWidget *row, GtkLabel *label, const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  sam_field_set_error (row, message);
}

/* Checks every field in the order they are shown and shows the errors of
 * the fields edited (all after a save). With @include_pending, text left in
 * the area entry is an error; with @focus, the first wrong field takes the
 * focus. */
static gboolean
validate (SamActorEditor *self, gboolean include_pending, gboolean focus)
{
  g_autofree char *languages_message = NULL;
  g_autofree char *hours_message = NULL;
  g_autoptr(GPtrArray) languages = parse_languages (self, &languages_message);
  g_autoptr(SamSchedule) hours = parse_hours (self, &hours_message);
  struct {
    Field field;
    GtkWidget *row;
    GtkLabel *label;
    char *message;
  } checks[] = {
    { FIELD_NAME_SV, GTK_WIDGET (self->name_sv_row), self->name_sv_error, check_with_actor (self, FIELD_NAME_SV) },
    { FIELD_NAME_EN, GTK_WIDGET (self->name_en_row), self->name_en_error, check_with_actor (self, FIELD_NAME_EN) },
    { FIELD_AREAS, GTK_WIDGET (self->area_entry), self->areas_error, check_areas (self, include_pending) },
    { FIELD_LANGUAGES, GTK_WIDGET (self->languages_row), self->languages_error, g_steal_pointer (&languages_message) },
    { FIELD_HOURS, GTK_WIDGET (self->hours_row), self->hours_error, g_steal_pointer (&hours_message) },
  };
  GtkWidget *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      gboolean show = self->show_all_errors || (self->touched & checks[i].field);

      show_field_error (checks[i].row, checks[i].label, show ? checks[i].message : NULL);
      if (checks[i].message && first == NULL)
        first = checks[i].row;
      g_free (checks[i].message);
    }
  if (focus && first)
    gtk_widget_grab_focus (first);
  for (guint i = 0; i < self->route_rows->len; i++)
    {
      SamRouteEditorRow *row = g_ptr_array_index (self->route_rows, i);

      if (sam_route_editor_row_check (row, self->show_all_errors, focus && first == NULL))
        continue;
      /* a save opens every wrong route so its message shows */
      if (focus)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      if (first == NULL)
        first = GTK_WIDGET (row);
    }
  return first == NULL;
}

/* Helpers: routes */

static void
route_remove_requested_cb (SamRouteEditorRow *row, SamActorEditor *self);
static void
route_move_requested_cb (SamRouteEditorRow *row, int delta, SamActorEditor *self);

static void
update_route_rows (SamActorEditor *self)
{
  guint n = self->route_rows->len;

  for (guint i = 0; i < n; i++)
    sam_route_editor_row_set_movable (g_ptr_array_index (self->route_rows, i), i > 0, i + 1 < n);
  gtk_widget_set_visible (GTK_WIDGET (self->routes_empty_label), n == 0);
}

static SamRouteEditorRow *
append_route (SamActorEditor *self, SamContactRoute *route)
{
  SamRouteEditorRow *row = sam_route_editor_row_new (route);

  g_signal_connect (row, "remove-requested", G_CALLBACK (route_remove_requested_cb), self);
  g_signal_connect (row, "move-requested", G_CALLBACK (route_move_requested_cb), self);
  g_ptr_array_add (self->route_rows, g_object_ref_sink (row));
  adw_preferences_group_add (self->routes_group, GTK_WIDGET (row));
  update_route_rows (self);
  return row;
}

/* Removing a route a path names leaves that step without it: say which
 * paths, under the routes, before anything is saved. */
static void
warn_paths_using (SamActorEditor *self, SamRouteEditorRow *row)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *used = NULL;
  g_autofree char *text = NULL;

  if (self->is_new || self->actor == NULL)
    return;
  paths = sam_store_list_paths_using (self->store, sam_actor_get_id (self->actor),
                                      sam_route_editor_row_get_route_id (row), NULL);
  used = sam_format_used_by_paths (paths);
  if (used == NULL)
    return;
  /* Translators: the %s is "Used by 2 escalation paths: …" */
  text = g_strdup_printf (_("The route you removed is in use. %s. Saving leaves those steps "
                            "without it; close without saving to keep it."), used);
  adw_preferences_group_set_description (self->routes_group, text);
}

static void
route_remove_requested_cb (SamRouteEditorRow *row, SamActorEditor *self)
{
  guint index;

  if (!g_ptr_array_find (self->route_rows, row, &index))
    return;
  warn_paths_using (self, row);
  adw_preferences_group_remove (self->routes_group, GTK_WIDGET (row));
  g_ptr_array_remove_index (self->route_rows, index);
  update_route_rows (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Contact route removed")));
}

static void
route_move_requested_cb (SamRouteEditorRow *row, int delta, SamActorEditor *self)
{
  guint index;
  guint target;

  if (!g_ptr_array_find (self->route_rows, row, &index))
    return;
  target = index + delta;
  if (target >= self->route_rows->len)
    return;
  self->route_rows->pdata[index] = self->route_rows->pdata[target];
  self->route_rows->pdata[target] = row;
  /* the group appends: take the rows out and put them back in order */
  for (guint i = 0; i < self->route_rows->len; i++)
    adw_preferences_group_remove (self->routes_group, g_ptr_array_index (self->route_rows, i));
  for (guint i = 0; i < self->route_rows->len; i++)
    adw_preferences_group_add (self->routes_group, g_ptr_array_index (self->route_rows, i));
  update_route_rows (self);
}

/* Helpers: filling and building */

static void
set_view_text (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static void
fill_kinds (SamActorEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (SamActorKind kind = 0; kind < SAM_N_ACTOR_KINDS; kind++)
    gtk_string_list_append (kinds, sam_actor_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

static void
fill_target_groups (SamActorEditor *self)
{
  const char * const *tokens = sam_target_groups ();

  for (guint i = 0; tokens[i]; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (sam_target_group_get_label (tokens[i]));

      g_object_set_data (G_OBJECT (check), "sam-token", (gpointer) tokens[i]);
      g_ptr_array_add (self->target_checks, check);
      gtk_flow_box_append (self->target_groups_box, check);
      gtk_widget_set_focusable (gtk_widget_get_parent (check), FALSE);
    }
}

static void
show_parent (SamActorEditor *self)
{
  const char *parent_id = sam_actor_get_parent_id (self->actor);
  g_autoptr(SamActor) parent = NULL;
  g_autofree char *name = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->parent_row), parent_id != NULL);
  if (parent_id == NULL)
    return;
  parent = sam_store_load_actor (self->store, parent_id, NULL);
  name = g_markup_escape_text (parent ? sam_actor_get_display_name (parent) : parent_id, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->parent_row), name);
}

static void
populate (SamActorEditor *self)
{
  SamActor *actor = self->actor;
  g_autofree char *languages = join_strings (sam_actor_get_languages (actor));
  g_autofree char *tags = join_strings (sam_actor_get_tags (actor));
  g_autofree char *hours = sam_actor_get_hours (actor) ? sam_schedule_to_string (sam_actor_get_hours (actor))
                                                       : g_strdup ("");
  GPtrArray *groups = sam_actor_get_target_groups (actor);
  GPtrArray *routes = sam_actor_get_routes (actor);

  gtk_editable_set_text (GTK_EDITABLE (self->name_sv_row), sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_row), sam_text_get (sam_actor_get_name (actor), SAM_LANG_EN) ?: "");
  set_view_text (self->description_sv_view, sam_text_get (sam_actor_get_description (actor), SAM_LANG_SV));
  set_view_text (self->description_en_view, sam_text_get (sam_actor_get_description (actor), SAM_LANG_EN));
  adw_combo_row_set_selected (self->kind_row, sam_actor_get_kind (actor));
  for (guint i = 0; i < sam_actor_get_areas (actor)->len; i++)
    g_ptr_array_add (self->areas, g_strdup (g_ptr_array_index (sam_actor_get_areas (actor), i)));
  update_area_chips (self);
  for (guint i = 0; i < self->target_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->target_checks, i);
      const char *token = g_object_get_data (G_OBJECT (check), "sam-token");

      gtk_check_button_set_active (check, g_ptr_array_find_with_equal_func (groups, token, g_str_equal, NULL));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->languages_row), languages);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_editable_set_text (GTK_EDITABLE (self->hours_row), hours);
  gtk_spin_button_set_value (self->review_spin, sam_actor_get_review_days (actor));
  for (guint i = 0; i < routes->len; i++)
    append_route (self, g_ptr_array_index (routes, i));
  show_parent (self);
  update_route_rows (self);
}

static gboolean
id_is_taken (SamActorEditor *self, const char *id)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (self->store, id, NULL);
  g_autoptr(GPtrArray) changes = NULL;

  if (actor)
    return TRUE;
  /* a deleted actor keeps its id, and its history shows it */
  changes = sam_store_list_changes (self->store, "actor", id, NULL);
  return changes == NULL || changes->len > 0;
}

/* A readable id from the Swedish name, "umea-kommun", unused in the
 * register; a random one when the name gives none. */
static char *
make_id (SamActorEditor *self, const char *name)
{
  g_autofree char *folded = sam_text_fold (name);
  g_autoptr(GString) slug = g_string_new (NULL);

  for (const char *p = folded; *p && slug->len < ID_MAX_LENGTH; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, *p);
    else if (slug->len && slug->str[slug->len - 1] != '-')
      g_string_append_c (slug, '-');
  while (slug->len && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    return g_uuid_string_random ();
  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (slug->str) : g_strdup_printf ("%s-%u", slug->str, n);

      if (!id_is_taken (self, id))
        return g_steal_pointer (&id);
    }
  return g_uuid_string_random ();
}

/* What the register keeps apart from the fields: parent, verification,
 * revision, last change. */
static SamActor *
new_actor_like (SamActorEditor *self, const char *name_sv)
{
  SamActor *old = self->actor;
  g_autofree char *id = self->is_new ? make_id (self, name_sv) : g_strdup (sam_actor_get_id (old));
  SamActor *actor = sam_actor_new (id);

  sam_actor_set_parent_id (actor, sam_actor_get_parent_id (old));
  sam_actor_set_verified (actor, sam_actor_get_verified_at (old), sam_actor_get_verified_by (old));
  sam_actor_set_revision (actor, sam_actor_get_revision (old));
  sam_actor_set_updated (actor, sam_actor_get_updated_at (old), sam_actor_get_updated_by (old));
  return actor;
}

static void
apply_texts (SamActorEditor *self, SamActor *actor)
{
  g_autofree char *name_sv = dup_stripped_text (self->name_sv_row);
  g_autofree char *name_en = dup_stripped_text (self->name_en_row);
  g_autofree char *description_sv = dup_view_text (self->description_sv_view);
  g_autofree char *description_en = dup_view_text (self->description_en_view);

  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, name_sv);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, name_en);
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_SV, description_sv);
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_EN, description_en);
}

static void
apply_sets (SamActorEditor *self, SamActor *actor)
{
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) languages = parse_languages (self, &message);
  g_autoptr(GPtrArray) tags = split_list (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), ",");

  for (guint i = 0; i < self->areas->len; i++)
    sam_actor_add_area (actor, g_ptr_array_index (self->areas, i));
  for (guint i = 0; i < self->target_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->target_checks, i)))
      sam_actor_add_target_group (actor, g_object_get_data (g_ptr_array_index (self->target_checks, i),
                                                            "sam-token"));
  for (guint i = 0; languages && i < languages->len; i++)
    sam_actor_add_language (actor, g_ptr_array_index (languages, i));
  for (guint i = 0; i < tags->len; i++)
    sam_actor_add_tag (actor, g_ptr_array_index (tags, i));
}

/* The actor the fields describe, or NULL with an error that names the
 * field; call validate () first to show errors where they are. */
static SamActor *
build_actor (SamActorEditor *self, GError **error)
{
  g_autofree char *name_sv = dup_stripped_text (self->name_sv_row);
  g_autoptr(SamActor) actor = new_actor_like (self, name_sv);
  g_autofree char *message = NULL;
  g_autoptr(SamSchedule) hours = parse_hours (self, &message);

  if (message)
    return (g_set_error_literal (error, SAM_ERROR, SAM_ERROR_INVALID, message), NULL);
  apply_texts (self, actor);
  apply_sets (self, actor);
  sam_actor_set_kind (actor, MIN (adw_combo_row_get_selected (self->kind_row), SAM_ACTOR_KIND_OTHER));
  sam_actor_set_hours (actor, hours);
  sam_actor_set_review_days (actor, gtk_spin_button_get_value_as_int (self->review_spin));
  for (guint i = 0; i < self->route_rows->len; i++)
    {
      g_autoptr(SamContactRoute) route = sam_route_editor_row_build (g_ptr_array_index (self->route_rows, i),
                                                                     error);
      if (route == NULL)
        return NULL;
      sam_actor_add_route (actor, route);
    }
  if (!sam_actor_validate (actor, error))
    return NULL;
  return g_steal_pointer (&actor);
}

/* Helpers: saving */

static void
show_toast (SamActorEditor *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
stale_response_cb (SamActorEditor *self, const char *response)
{
  if (g_strcmp0 (response, "reload") != 0)
    return;
  g_signal_emit (self, signals[RELOAD_REQUESTED], 0, sam_actor_get_id (self->actor));
  /* not while the dialog, which closes with the editor, is still responding */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
show_stale_dialog (SamActorEditor *self, GError *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("Changed by Someone Else"),
                                                                         error->message));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reload", _("_Reload"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reload");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (stale_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
write_actor (SamActorEditor *self, SamActor *actor, GError **error)
{
  if (self->is_new)
    return sam_store_insert_actor (self->store, actor, error);
  return sam_store_update_actor (self->store, actor, error);
}

/* Callbacks */

static void
name_sv_changed_cb (SamActorEditor *self)
{
  self->touched |= FIELD_NAME_SV;
  validate (self, FALSE, FALSE);
}

static void
name_en_changed_cb (SamActorEditor *self)
{
  self->touched |= FIELD_NAME_EN;
  validate (self, FALSE, FALSE);
}

static void
languages_changed_cb (SamActorEditor *self)
{
  self->touched |= FIELD_LANGUAGES;
  validate (self, FALSE, FALSE);
}

static void
hours_changed_cb (SamActorEditor *self)
{
  self->touched |= FIELD_HOURS;
  validate (self, FALSE, FALSE);
}

static void
area_text_changed_cb (SamActorEditor *self)
{
  update_suggestions (self);
  validate (self, FALSE, FALSE);
}

static void
area_entry_activated_cb (SamActorEditor *self)
{
  self->touched |= FIELD_AREAS;
  commit_area_entry (self);
  validate (self, TRUE, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->area_entry));
}

static void
add_route_clicked_cb (SamActorEditor *self)
{
  SamRouteEditorRow *row = append_route (self, NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
save_action_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  sam_actor_editor_save (SAM_ACTOR_EDITOR (widget));
}

/* Overrides */

static void
sam_actor_editor_dispose (GObject *object)
{
  SamActorEditor *self = SAM_ACTOR_EDITOR (object);

  g_clear_pointer (&self->route_rows, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->target_checks, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  G_OBJECT_CLASS (sam_actor_editor_parent_class)->dispose (object);
}

static void
sam_actor_editor_finalize (GObject *object)
{
  SamActorEditor *self = SAM_ACTOR_EDITOR (object);

  g_ptr_array_unref (self->areas);
  G_OBJECT_CLASS (sam_actor_editor_parent_class)->finalize (object);
}

static void
sam_actor_editor_class_init (SamActorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_actor_editor_dispose;
  object_class->finalize = sam_actor_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAM_TYPE_ACTOR);
  signals[RELOAD_REQUESTED] = g_signal_new ("reload-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samverkan/Samverkan/sam-actor-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, name_sv_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, name_sv_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, name_en_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, parent_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, description_sv_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, description_en_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, description_sv_view);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, description_en_view);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, areas_group);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, areas_box);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, areas_empty_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, area_entry);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, areas_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, target_groups_box);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, languages_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, languages_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, hours_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, review_spin);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, hours_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, routes_group);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, routes_empty_label);
  gtk_widget_class_bind_template_callback (widget_class, name_sv_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_en_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, languages_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hours_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_route_clicked_cb);
}

static void
sam_actor_editor_init (SamActorEditor *self)
{
  self->areas = g_ptr_array_new_with_free_func (g_free);
  self->route_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->suggestions = g_ptr_array_new ();
  self->target_checks = g_ptr_array_new ();

  g_type_ensure (SAM_TYPE_ROUTE_EDITOR_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  sam_translation_hint_bind (self->description_sv_label, gtk_text_view_get_buffer (self->description_sv_view),
                             self->description_en_label, gtk_text_view_get_buffer (self->description_en_view));
  fill_kinds (self);
  fill_target_groups (self);
}

/* A new actor starts with the review interval of the preferences, and the
 * areas of its organisation or else the default area. */
static void
apply_new_defaults (SamActorEditor *self, const char *parent_id)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *area = g_settings_get_string (settings, "default-area");
  g_autoptr(SamActor) parent = parent_id ? sam_store_load_actor (self->store, parent_id, NULL) : NULL;

  sam_actor_set_parent_id (self->actor, parent_id);
  sam_actor_set_review_days (self->actor, MAX (g_settings_get_uint (settings, "review-days"), 1));
  if (parent)
    for (guint i = 0; i < sam_actor_get_areas (parent)->len; i++)
      sam_actor_add_area (self->actor, g_ptr_array_index (sam_actor_get_areas (parent), i));
  else if (sam_area_lookup (area))
    sam_actor_add_area (self->actor, area);
}

/* Public API */

static const char *
choose_title (SamActor *actor, const char *parent_id)
{
  if (actor)
    return _("Edit Actor");
  return parent_id ? _("New Unit") : _("New Actor");
}

SamActorEditor *
sam_actor_editor_new (GtkWindow  *parent,
                      SamStore   *store,
                      SamActor   *actor,
                      const char *parent_id)
{
  SamActorEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (actor == NULL || SAM_IS_ACTOR (actor), NULL);

  self = g_object_new (SAM_TYPE_ACTOR_EDITOR, "transient-for", parent,
                       "title", choose_title (actor, parent_id), NULL);
  self->store = g_object_ref (store);
  self->is_new = actor == NULL;
  self->actor = actor ? sam_actor_copy (actor) : sam_actor_new (NULL);
  if (self->is_new)
    apply_new_defaults (self, parent_id);
  adw_window_title_set_title (self->window_title, choose_title (actor, parent_id));
  if (actor)
    adw_window_title_set_subtitle (self->window_title, sam_actor_get_display_name (actor));
  populate (self);
  /* what the register held is not the user's typing */
  self->touched = 0;
  validate (self, FALSE, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_sv_row));
  return self;
}

SamActor *
sam_actor_editor_get_actor (SamActorEditor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR_EDITOR (self), NULL);
  return self->actor;
}

gboolean
sam_actor_editor_save (SamActorEditor *self)
{
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SAM_IS_ACTOR_EDITOR (self), FALSE);

  commit_area_entry (self);
  self->show_all_errors = TRUE;
  if (!validate (self, TRUE, TRUE))
    return FALSE;
  actor = build_actor (self, &error);
  if (actor == NULL || !write_actor (self, actor, &error))
    {
      if (g_error_matches (error, SAM_ERROR, SAM_ERROR_STALE))
        show_stale_dialog (self, error);
      else
        show_toast (self, error->message);
      return FALSE;
    }
  g_object_ref (self);
  g_set_object (&self->actor, actor);
  self->is_new = FALSE;
  g_signal_emit (self, signals[SAVED], 0, actor);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}
