/* sam-step-role-editor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of a step's editor that says whether the step names one actor
 * or a role filled in each municipality by whoever serves it there.
 */
#define G_LOG_DOMAIN "sam-step-role-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-drop-down.h"
#include "sam-step-role-editor.h"

struct _SamStepRoleEditor
{
  GtkBox parent_instance;

  SamEscalationStep *step;
  GtkDropDown *choice;      /* a fixed actor, a role */
  GtkWidget *fields;        /* the role's, shown for a role */
  GtkDropDown *kind;
  GtkEntry *tag;
  GtkDropDown *route;       /* any phone, then the route kinds */
  GtkDropDown *scope;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (SamStepRoleEditor, sam_step_role_editor, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The role as the fields say it. */
static void
store_role (SamStepRoleEditor *self)
{
  g_autoptr(SamStepRole) role = NULL;
  guint route = gtk_drop_down_get_selected (self->route);

  if (self->syncing)
    return;
  if (gtk_drop_down_get_selected (self->choice) == 1)
    {
      role = sam_step_role_new (gtk_drop_down_get_selected (self->kind),
                                gtk_editable_get_text (GTK_EDITABLE (self->tag)),
                                gtk_drop_down_get_selected (self->scope));
      sam_step_role_set_route_kind (role, route == 0 ? SAM_N_ROUTE_KINDS : (SamRouteKind) (route - 1));
    }
  sam_escalation_step_set_role (self->step, role);
  gtk_widget_set_visible (self->fields, role != NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The fields as the step's role says them. */
static void
show_role (SamStepRoleEditor *self)
{
  const SamStepRole *role = sam_escalation_step_get_role (self->step);

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->choice, role != NULL);
  if (role != NULL)
    {
      gtk_drop_down_set_selected (self->kind, role->kind);
      gtk_editable_set_text (GTK_EDITABLE (self->tag), role->tag ? role->tag : "");
      gtk_drop_down_set_selected (self->route, role->has_route_kind ? role->route_kind + 1 : 0);
      gtk_drop_down_set_selected (self->scope, role->scope);
    }
  gtk_widget_set_visible (self->fields, role != NULL);
  self->syncing = FALSE;
}

static GtkDropDown *
labelled_drop_down (const char * const *labels, const char *name)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (labels);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_hexpand (dropdown, TRUE);
  /* long labels must not widen a narrow window */
  sam_drop_down_ellipsize (GTK_DROP_DOWN (dropdown));
  return GTK_DROP_DOWN (dropdown);
}

/* A row of the role's grid: its label, then @widget. */
static void
attach (GtkGrid *grid, int row, const char *label, GtkWidget *widget)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), widget);
  gtk_widget_add_css_class (l, "dim-label");
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
}

static GtkWidget *
build_fields (SamStepRoleEditor *self)
{
  const char *kinds[SAM_N_ACTOR_KINDS + 1] = { NULL };
  const char *routes[SAM_N_ROUTE_KINDS + 2] = { NULL };
  const char *scopes[SAM_N_ROLE_SCOPES + 1] = { NULL };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *hint;

  for (guint i = 0; i < SAM_N_ACTOR_KINDS; i++)
    kinds[i] = sam_actor_kind_get_label (i);
  /* Translators: a role's route when it names no kind of route */
  routes[0] = _("Any phone");
  for (guint i = 0; i < SAM_N_ROUTE_KINDS; i++)
    routes[i + 1] = sam_route_kind_get_label (i);
  for (guint i = 0; i < SAM_N_ROLE_SCOPES; i++)
    scopes[i] = sam_role_scope_get_label (i);
  self->kind = labelled_drop_down (kinds, _("Kind of actor"));
  self->tag = GTK_ENTRY (gtk_entry_new ());
  /* Translators: an example of a keyword an actor carries */
  gtk_entry_set_placeholder_text (self->tag, _("for example socialjour"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->tag), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tag), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keyword"), -1);
  self->route = labelled_drop_down (routes, _("Route"));
  self->scope = labelled_drop_down (scopes, _("Serving"));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  attach (GTK_GRID (grid), 0, _("_Kind"), GTK_WIDGET (self->kind));
  attach (GTK_GRID (grid), 1, _("Key_word"), GTK_WIDGET (self->tag));
  attach (GTK_GRID (grid), 2, _("_Route"), GTK_WIDGET (self->route));
  attach (GTK_GRID (grid), 3, _("_Serving"), GTK_WIDGET (self->scope));
  hint = gtk_label_new (_("Whoever serves the user's area is shown in the walk-through and on "
                          "printed sheets. The actor below stands in where nobody does."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), hint, 0, 4, 2, 1);
  g_signal_connect_swapped (self->kind, "notify::selected", G_CALLBACK (store_role), self);
  g_signal_connect_swapped (self->tag, "changed", G_CALLBACK (store_role), self);
  g_signal_connect_swapped (self->route, "notify::selected", G_CALLBACK (store_role), self);
  g_signal_connect_swapped (self->scope, "notify::selected", G_CALLBACK (store_role), self);
  return grid;
}

static void
sam_step_role_editor_dispose (GObject *object)
{
  g_clear_object (&SAM_STEP_ROLE_EDITOR (object)->step);
  G_OBJECT_CLASS (sam_step_role_editor_parent_class)->dispose (object);
}

static void
sam_step_role_editor_class_init (SamStepRoleEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sam_step_role_editor_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sam_step_role_editor_init (SamStepRoleEditor *self)
{
  const char *choices[] = { _("A fixed actor"), _("A role, by the user's area"), NULL };
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Names"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  self->choice = labelled_drop_down (choices, _("Whom the step names"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->choice));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->choice));
  gtk_box_append (GTK_BOX (self), line);
  self->fields = build_fields (self);
  gtk_box_append (GTK_BOX (self), self->fields);
  g_signal_connect_swapped (self->choice, "notify::selected", G_CALLBACK (store_role), self);
}

GtkWidget *
sam_step_role_editor_new (SamEscalationStep *step)
{
  SamStepRoleEditor *self;

  g_return_val_if_fail (SAM_IS_ESCALATION_STEP (step), NULL);
  self = g_object_new (SAM_TYPE_STEP_ROLE_EDITOR, NULL);
  self->step = g_object_ref (step);
  show_role (self);
  return GTK_WIDGET (self);
}

void
sam_step_role_editor_set_use_role (SamStepRoleEditor *self, gboolean use_role)
{
  g_return_if_fail (SAM_IS_STEP_ROLE_EDITOR (self));
  gtk_drop_down_set_selected (self->choice, use_role ? 1 : 0);
}
