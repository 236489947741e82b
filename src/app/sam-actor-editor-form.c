/* sam-actor-editor-form.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamActorEditor: the form's fields read, checked, filled from an actor and
 * collected into a new one.
 */
#define G_LOG_DOMAIN "sam-actor-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sam-actor-editor-private.h"
#include "sam-errors.h"
#include "sam-field-error.h"

#define ID_MAX_LENGTH 48

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

char *
_sam_actor_editor_join_strings (GPtrArray *strings)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (strings, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The parts of a comma-separated list, stripped, without empty ones. */
GPtrArray *
_sam_actor_editor_split_list (const char *text, const char *separators)
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
  g_autoptr(GPtrArray) codes = _sam_actor_editor_split_list (text, ", ;");

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
  GPtrArray *areas = sam_area_editor_get_areas (self->area_editor);

  sam_text_set (name, SAM_LANG_SV, field == FIELD_NAME_SV ? name_sv : "-");
  sam_text_set (name, SAM_LANG_EN, field == FIELD_NAME_EN ? name_en : "-");
  if (field == FIELD_AREAS)
    for (guint i = 0; i < areas->len; i++)
      sam_actor_add_area (scratch, g_ptr_array_index (areas, i));
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

/* The source fields, stripped; NULL for an empty one. */
static char *
dup_entry (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
check_source (SamActorEditor *self)
{
  g_autofree char *source = dup_entry (self->source_row);
  g_autofree char *read_on = dup_entry (self->source_read_row);
  g_autoptr(GError) error = NULL;

  if (sam_actor_check_source (source, read_on, &error))
    return NULL;
  return g_strdup (error->message);
}

/* Checks every field in the order they are shown and shows the errors of
 * the fields edited (all after a save). With @include_pending, text left in
 * the area entry is an error; with @focus, the first wrong field takes the
 * focus. */
gboolean
_sam_actor_editor_validate (SamActorEditor *self, gboolean include_pending, gboolean focus)
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
    { FIELD_SOURCE, GTK_WIDGET (self->source_row), self->source_error, check_source (self) },
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

/* Helpers: filling and building */

static void
set_view_text (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

void
_sam_actor_editor_fill_kinds (SamActorEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (SamActorKind kind = 0; kind < SAM_N_ACTOR_KINDS; kind++)
    gtk_string_list_append (kinds, sam_actor_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

void
_sam_actor_editor_fill_target_groups (SamActorEditor *self)
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

void
_sam_actor_editor_populate (SamActorEditor *self)
{
  SamActor *actor = self->actor;
  g_autofree char *languages = _sam_actor_editor_join_strings (sam_actor_get_languages (actor));
  g_autofree char *tags = _sam_actor_editor_join_strings (sam_actor_get_tags (actor));
  g_autofree char *hours = sam_actor_get_hours (actor) ? sam_schedule_to_string (sam_actor_get_hours (actor))
                                                       : g_strdup ("");
  GPtrArray *groups = sam_actor_get_target_groups (actor);

  gtk_editable_set_text (GTK_EDITABLE (self->name_sv_row), sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_row), sam_text_get (sam_actor_get_name (actor), SAM_LANG_EN) ?: "");
  set_view_text (self->description_sv_view, sam_text_get (sam_actor_get_description (actor), SAM_LANG_SV));
  set_view_text (self->description_en_view, sam_text_get (sam_actor_get_description (actor), SAM_LANG_EN));
  adw_combo_row_set_selected (self->kind_row, sam_actor_get_kind (actor));
  sam_area_editor_set_areas (self->area_editor, sam_actor_get_areas (actor));
  for (guint i = 0; i < self->target_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->target_checks, i);
      const char *token = g_object_get_data (G_OBJECT (check), "sam-token");

      gtk_check_button_set_active (check, g_ptr_array_find_with_equal_func (groups, token, g_str_equal, NULL));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->languages_row), languages);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_editable_set_text (GTK_EDITABLE (self->hours_row), hours);
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), sam_actor_get_source (actor) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->source_read_row), sam_actor_get_source_read (actor) ?: "");
  gtk_spin_button_set_value (self->review_spin, sam_actor_get_review_days (actor));
  show_parent (self);
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
  g_autoptr(GPtrArray) tags = _sam_actor_editor_split_list (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)),
                                                            ",");
  GPtrArray *areas = sam_area_editor_get_areas (self->area_editor);

  for (guint i = 0; i < areas->len; i++)
    sam_actor_add_area (actor, g_ptr_array_index (areas, i));
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
 * field; call validate first to show errors where they are. */
SamActor *
_sam_actor_editor_build_actor (SamActorEditor *self, GError **error)
{
  g_autofree char *name_sv = dup_stripped_text (self->name_sv_row);
  g_autoptr(SamActor) actor = new_actor_like (self, name_sv);
  g_autofree char *message = NULL;
  g_autoptr(SamSchedule) hours = parse_hours (self, &message);

  if (message)
    return (g_set_error_literal (error, SAM_ERROR, SAM_ERROR_INVALID, message), NULL);
  apply_texts (self, actor);
  apply_sets (self, actor);
  {
    g_autofree char *source = dup_entry (self->source_row);
    g_autofree char *read_on = dup_entry (self->source_read_row);

    sam_actor_set_source (actor, source, read_on);
  }
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
