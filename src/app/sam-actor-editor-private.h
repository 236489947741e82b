/* sam-actor-editor-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files that make up SamActorEditor: the window and its
 * routes (sam-actor-editor.c), the form's fields read, checked and
 * collected (sam-actor-editor-form.c), and the areas (sam-area-editor.c).
 */
#pragma once

#include "sam-actor-editor.h"
#include "sam-area-editor.h"
#include "sam-route-editor-row.h"

G_BEGIN_DECLS

/* The actor's own fields that can be wrong, as bits of `touched`. */
typedef enum {
  FIELD_NAME_SV   = 1 << 0,
  FIELD_NAME_EN   = 1 << 1,
  FIELD_AREAS     = 1 << 2,
  FIELD_LANGUAGES = 1 << 3,
  FIELD_HOURS     = 1 << 4,
  FIELD_SOURCE    = 1 << 5,
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
  SamAreaEditor *area_editor; /* the areas chosen, their chips and suggestions */
  GPtrArray *route_rows;     /* of SamRouteEditorRow, in order */
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
  AdwEntryRow *source_row;
  AdwEntryRow *source_read_row;
  GtkLabel *source_error;
  AdwPreferencesGroup *routes_group;
  GtkLabel *routes_empty_label;
};

/* sam-actor-editor-form.c */
/* The parts of a comma-separated list, stripped, without empty ones. */
GPtrArray         *_sam_actor_editor_split_list        (const char      *text,
                                                        const char      *separators);
/* "a, b, c" */
char              *_sam_actor_editor_join_strings      (GPtrArray       *strings);
void               _sam_actor_editor_fill_kinds        (SamActorEditor  *self);
void               _sam_actor_editor_fill_target_groups (SamActorEditor *self);
/* The fields from self->actor, all but its routes. */
void               _sam_actor_editor_populate          (SamActorEditor  *self);
/* Checks every field in the order they are shown and shows the errors of
 * the fields edited (all after a save). With @include_pending, text left in
 * the area entry is an error; with @focus, the first wrong field takes the
 * focus. */
gboolean           _sam_actor_editor_validate          (SamActorEditor  *self,
                                                        gboolean         include_pending,
                                                        gboolean         focus);
/* The actor the fields describe, or NULL with an error that names the
 * field; call validate first to show errors where they are. */
SamActor          *_sam_actor_editor_build_actor       (SamActorEditor  *self,
                                                        GError         **error);

G_END_DECLS
