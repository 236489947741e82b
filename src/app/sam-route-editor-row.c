/* sam-route-editor-row.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-route-editor-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-field-error.h"
#include "sam-route-editor-row.h"

struct _SamRouteEditorRow
{
  AdwExpanderRow parent_instance;

  char *route_id;
  gboolean value_touched;
  gboolean hours_touched;

  GtkImage *error_icon;
  GtkButton *up_button;
  GtkButton *down_button;
  AdwComboRow *kind_row;
  AdwEntryRow *value_row;
  GtkListBoxRow *value_message_row;
  GtkLabel *value_message;
  AdwEntryRow *label_sv_row;
  AdwEntryRow *label_en_row;
  AdwComboRow *visibility_row;
  AdwEntryRow *hours_row;
  AdwActionRow *abroad_row;
  GtkSwitch *abroad_switch;
  GtkLabel *hours_message;
};

G_DEFINE_FINAL_TYPE (SamRouteEditorRow, sam_route_editor_row, ADW_TYPE_EXPANDER_ROW)

enum {
  REMOVE_REQUESTED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
visibility_explanation (SamVisibility visibility)
{
  switch (visibility)
    {
    case SAM_VISIBILITY_PUBLIC:
      return _("May be printed and given to anyone.");
    case SAM_VISIBILITY_PROFESSIONAL:
      return _("For agencies and other professionals; left out of public sheets.");
    case SAM_VISIBILITY_INTERNAL:
    case SAM_N_VISIBILITIES:
    default:
      return _("For the register holder only: never printed or exported to another agency.");
    }
}

static GtkInputPurpose
input_purpose_for (SamRouteKind kind)
{
  if (sam_route_kind_is_phone (kind) || kind == SAM_ROUTE_KIND_SMS)
    return GTK_INPUT_PURPOSE_PHONE;
  if (kind == SAM_ROUTE_KIND_EMAIL || kind == SAM_ROUTE_KIND_SECURE_EMAIL)
    return GTK_INPUT_PURPOSE_EMAIL;
  if (kind == SAM_ROUTE_KIND_WEB)
    return GTK_INPUT_PURPOSE_URL;
  return GTK_INPUT_PURPOSE_FREE_FORM;
}

static SamRouteKind
get_kind (SamRouteEditorRow *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < SAM_N_ROUTE_KINDS ? (SamRouteKind) selected : SAM_ROUTE_KIND_PHONE;
}

static SamVisibility
get_visibility (SamRouteEditorRow *self)
{
  guint selected = adw_combo_row_get_selected (self->visibility_row);

  return selected < SAM_N_VISIBILITIES ? (SamVisibility) selected : SAM_VISIBILITY_PROFESSIONAL;
}

static char *
dup_stripped_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* A scratch route of the chosen kind with the typed value, or NULL with the
 * core's message, which names the field. */
static SamContactRoute *
check_value (SamRouteEditorRow *self, GError **error)
{
  g_autoptr(SamContactRoute) route = sam_contact_route_new (self->route_id);

  sam_contact_route_set_kind (route, get_kind (self));
  sam_contact_route_set_abroad (route, sam_route_kind_is_phone (get_kind (self)) &&
                                       gtk_switch_get_active (self->abroad_switch));
  if (!sam_contact_route_set_value (route, gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                                    error))
    return NULL;
  return g_steal_pointer (&route);
}

/* The route's own hours: NULL for none (empty), else parsed; @ok says
 * whether the text was right. */
static SamSchedule *
check_hours (SamRouteEditorRow *self, gboolean *ok, GError **error)
{
  g_autofree char *text = dup_stripped_text (self->hours_row);

  *ok = TRUE;
  if (*text == '\0')
    return NULL;
  {
    SamSchedule *hours = sam_schedule_parse (text, error);

    *ok = hours != NULL;
    return hours;
  }
}

static void
show_field_error (GtkWidget *row, const char *message)
{
  sam_field_set_error (row, message);
}

static void
show_value_error (SamRouteEditorRow *self, const char *message)
{
  show_field_error (GTK_WIDGET (self->value_row), message);
  gtk_label_set_text (self->value_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->value_message_row), message != NULL);
}

static void
show_hours_error (SamRouteEditorRow *self, const char *message)
{
  show_field_error (GTK_WIDGET (self->hours_row), message);
  if (message)
    {
      gtk_label_set_text (self->hours_message, message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->hours_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->hours_message), "error");
    }
  else
    {
      gtk_label_set_text (self->hours_message,
                          _("Leave empty when the route keeps the actor’s opening hours."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->hours_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->hours_message), "dim-label");
    }
}

static void
show_header_error (SamRouteEditorRow *self, const char *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_icon), message != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_icon), message);
  if (message)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_icon),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}

static void
update_title (SamRouteEditorRow *self)
{
  g_autoptr(SamContactRoute) route = check_value (self, NULL);
  g_autofree char *value = route ? sam_contact_route_dup_display_value (route)
                                 : dup_stripped_text (self->value_row);
  g_autofree char *label = dup_stripped_text (sam_lang_from_locale () == SAM_LANG_SV
                                              ? self->label_sv_row : self->label_en_row);
  g_autoptr(GString) subtitle = g_string_new (sam_route_kind_get_label (get_kind (self)));
  g_autofree char *title = NULL;
  g_autofree char *escaped_subtitle = NULL;

  if (*label)
    g_string_append_printf (subtitle, " · %s", label);
  g_string_append_printf (subtitle, " · %s",
                          sam_visibility_get_label (get_visibility (self)));
  title = g_markup_escape_text (*value ? value : _("New contact route"), -1);
  escaped_subtitle = g_markup_escape_text (subtitle->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), escaped_subtitle);
}

static void
update_kind (SamRouteEditorRow *self)
{
  SamRouteKind kind = get_kind (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), sam_route_kind_get_label (kind));
  g_object_set (self->value_row, "input-purpose", input_purpose_for (kind), NULL);
  /* only a number is dialled */
  gtk_widget_set_visible (GTK_WIDGET (self->abroad_row), sam_route_kind_is_phone (kind));
}

static void
kind_changed_cb (SamRouteEditorRow *self)
{
  update_kind (self);
  update_title (self);
  sam_route_editor_row_check (self, FALSE, FALSE);
}

static void
value_changed_cb (SamRouteEditorRow *self)
{
  self->value_touched = TRUE;
  update_title (self);
  sam_route_editor_row_check (self, FALSE, FALSE);
}

static void
abroad_changed_cb (SamRouteEditorRow *self)
{
  update_title (self);
}

static void
label_changed_cb (SamRouteEditorRow *self)
{
  update_title (self);
}

static void
visibility_changed_cb (SamRouteEditorRow *self)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->visibility_row),
                               visibility_explanation (get_visibility (self)));
  update_title (self);
}

static void
hours_changed_cb (SamRouteEditorRow *self)
{
  self->hours_touched = TRUE;
  sam_route_editor_row_check (self, FALSE, FALSE);
}

/* The editor moves the row by taking it out of the list and back: keep the
 * focus on a move button that still can move it. */
static void
move (SamRouteEditorRow *self, int delta)
{
  GtkWidget *pressed = GTK_WIDGET (delta < 0 ? self->up_button : self->down_button);
  GtkWidget *other = GTK_WIDGET (delta < 0 ? self->down_button : self->up_button);

  g_signal_emit (self, signals[MOVE_REQUESTED], 0, delta);
  gtk_widget_grab_focus (gtk_widget_get_sensitive (pressed) ? pressed : other);
}

static void
up_clicked_cb (SamRouteEditorRow *self)
{
  move (self, -1);
}

static void
down_clicked_cb (SamRouteEditorRow *self)
{
  move (self, 1);
}

static void
remove_clicked_cb (SamRouteEditorRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
fill_models (SamRouteEditorRow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) visibilities = gtk_string_list_new (NULL);

  for (SamRouteKind kind = 0; kind < SAM_N_ROUTE_KINDS; kind++)
    gtk_string_list_append (kinds, sam_route_kind_get_label (kind));
  for (SamVisibility visibility = 0; visibility < SAM_N_VISIBILITIES; visibility++)
    gtk_string_list_append (visibilities, sam_visibility_get_label (visibility));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->visibility_row, G_LIST_MODEL (visibilities));
}

static void
populate (SamRouteEditorRow *self, SamContactRoute *route)
{
  SamText *label = sam_contact_route_get_label (route);
  SamSchedule *hours = sam_contact_route_get_hours (route);
  g_autofree char *value = sam_contact_route_dup_display_value (route);
  g_autofree char *hours_text = hours ? sam_schedule_to_string (hours) : g_strdup ("");

  adw_combo_row_set_selected (self->kind_row, sam_contact_route_get_kind (route));
  adw_combo_row_set_selected (self->visibility_row, sam_contact_route_get_visibility (route));
  gtk_switch_set_active (self->abroad_switch, sam_contact_route_get_abroad (route));
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  gtk_editable_set_text (GTK_EDITABLE (self->label_sv_row), sam_text_get (label, SAM_LANG_SV) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->label_en_row), sam_text_get (label, SAM_LANG_EN) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->hours_row), hours_text);
}

static void
sam_route_editor_row_finalize (GObject *object)
{
  SamRouteEditorRow *self = SAM_ROUTE_EDITOR_ROW (object);

  g_free (self->route_id);
  G_OBJECT_CLASS (sam_route_editor_row_parent_class)->finalize (object);
}

static void
sam_route_editor_row_class_init (SamRouteEditorRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sam_route_editor_row_finalize;

  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samverkan/Samverkan/sam-route-editor-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, error_icon);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, value_row);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, value_message_row);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, value_message);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, label_sv_row);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, label_en_row);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, visibility_row);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, hours_row);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, abroad_row);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, abroad_switch);
  gtk_widget_class_bind_template_child (widget_class, SamRouteEditorRow, hours_message);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visibility_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, abroad_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hours_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
sam_route_editor_row_init (SamRouteEditorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_models (self);
}

SamRouteEditorRow *
sam_route_editor_row_new (SamContactRoute *route)
{
  SamRouteEditorRow *self = g_object_new (SAM_TYPE_ROUTE_EDITOR_ROW, NULL);
  g_autoptr(SamContactRoute) fresh = NULL;

  g_return_val_if_fail (route == NULL || SAM_IS_CONTACT_ROUTE (route), NULL);

  if (route == NULL)
    route = fresh = sam_contact_route_new (NULL);
  self->route_id = g_strdup (sam_contact_route_get_id (route));
  populate (self, route);
  update_kind (self);
  visibility_changed_cb (self);
  /* what the register held is not the user's typing */
  self->value_touched = self->hours_touched = FALSE;
  sam_route_editor_row_check (self, FALSE, FALSE);
  return self;
}

gboolean
sam_route_editor_row_check (SamRouteEditorRow *self,
                            gboolean           show_all,
                            gboolean           focus)
{
  g_autoptr(GError) value_error = NULL;
  g_autoptr(GError) hours_error = NULL;
  g_autoptr(SamContactRoute) route = NULL;
  g_autoptr(SamSchedule) hours = NULL;
  gboolean hours_ok;
  gboolean show_value, show_hours;

  g_return_val_if_fail (SAM_IS_ROUTE_EDITOR_ROW (self), FALSE);

  route = check_value (self, &value_error);
  hours = check_hours (self, &hours_ok, &hours_error);
  show_value = value_error && (show_all || self->value_touched);
  show_hours = hours_error && (show_all || self->hours_touched);
  show_value_error (self, show_value ? value_error->message : NULL);
  show_hours_error (self, show_hours ? hours_error->message : NULL);
  show_header_error (self, show_value ? value_error->message
                                      : show_hours ? hours_error->message : NULL);
  if (focus && (show_value || show_hours))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (show_value ? self->value_row : self->hours_row));
    }
  return route != NULL && hours_ok;
}

SamContactRoute *
sam_route_editor_row_build (SamRouteEditorRow  *self,
                            GError            **error)
{
  g_autoptr(SamContactRoute) route = NULL;
  g_autoptr(SamSchedule) hours = NULL;
  g_autofree char *label_sv = NULL;
  g_autofree char *label_en = NULL;
  gboolean hours_ok;

  g_return_val_if_fail (SAM_IS_ROUTE_EDITOR_ROW (self), NULL);

  route = check_value (self, error);
  if (route == NULL)
    return NULL;
  hours = check_hours (self, &hours_ok, error);
  if (!hours_ok)
    return NULL;
  label_sv = dup_stripped_text (self->label_sv_row);
  label_en = dup_stripped_text (self->label_en_row);
  sam_text_set (sam_contact_route_get_label (route), SAM_LANG_SV, label_sv);
  sam_text_set (sam_contact_route_get_label (route), SAM_LANG_EN, label_en);
  sam_contact_route_set_visibility (route, get_visibility (self));
  sam_contact_route_set_hours (route, hours);
  return g_steal_pointer (&route);
}

void
sam_route_editor_row_set_movable (SamRouteEditorRow *self,
                                  gboolean           up,
                                  gboolean           down)
{
  g_return_if_fail (SAM_IS_ROUTE_EDITOR_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), down);
}

const char *
sam_route_editor_row_get_route_id (SamRouteEditorRow *self)
{
  g_return_val_if_fail (SAM_IS_ROUTE_EDITOR_ROW (self), NULL);
  return self->route_id;
}
