/* test-actor-editor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actor editor against a register filled with the sample: fields typed
 * the way a person types them, saves, refused saves, a stale save.
 *
 * With SAM_SCREENSHOT_DIR set, /actor-editor/screenshot writes PNGs of the
 * editor showing errors there; with SAM_LOCALEDIR too, in $LANGUAGE.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "sam-actor-editor.h"
#include "sam-unsaved.h"
#include "sam-default-register.h"
#include "sam-route-editor-row.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"

typedef struct {
  char *dir;
  SamStore *store;
  GtkWindow *parent;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", TRUE);
  f->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_present (f->parent);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->parent);
  iterate ();
  g_assert_finalize_object (f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Widgets, found the way a person finds them: by the title they read */

static void
collect (GtkWidget *widget, GType type, const char *title, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (title == NULL ||
       g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, title, found);
}

static gpointer
find_row (gpointer root, GType type, const char *title)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (root), type, title, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static GPtrArray *
find_route_rows (SamActorEditor *editor)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (editor), SAM_TYPE_ROUTE_EDITOR_ROW, NULL, found);
  return found;
}

static void
type_into (gpointer root, const char *title, const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (find_row (root, ADW_TYPE_ENTRY_ROW, title));
  int pos = 0;

  gtk_editable_set_text (entry, "");
  gtk_editable_insert_text (entry, text, -1, &pos);
}

static void
collect_errors (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
      gtk_widget_get_visible (widget) && *gtk_label_get_text (GTK_LABEL (widget)))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_errors (child, out);
}

/* The error messages the editor shows now, one a line. */
static char *
dup_errors (SamActorEditor *editor)
{
  GString *out = g_string_new (NULL);

  collect_errors (GTK_WIDGET (editor), out);
  return g_string_free (out, FALSE);
}

static gboolean
has_focus_in (SamActorEditor *editor, gpointer widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (editor));

  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkButton *
find_button (GtkWidget *widget, const char *label)
{
  if (ADW_IS_BUTTON_CONTENT (widget) &&
      g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)), label) == 0)
    return GTK_BUTTON (gtk_widget_get_parent (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found)
        return found;
    }
  return NULL;
}

/* What a click on a response button does. */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
}

static AdwMessageDialog *
find_dialog_for (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == window)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* Editors */

static SamActorEditor *
open_editor (Fixture *f, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = NULL;
  SamActorEditor *editor;

  if (id)
    {
      actor = sam_store_load_actor (f->store, id, &error);
      g_assert_no_error (error);
    }
  editor = sam_actor_editor_new (f->parent, f->store, actor, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  return editor;
}

static void
saved_cb (SamActorEditor *editor, SamActor *actor, SamActor **out)
{
  g_assert_null (*out);
  *out = g_object_ref (actor);
}

static void
reload_cb (SamActorEditor *editor, const char *id, char **out)
{
  g_assert_null (*out);
  *out = g_strdup (id);
}

static SamActor *
load (Fixture *f, const char *id)
{
  g_autoptr(GError) error = NULL;
  SamActor *actor = sam_store_load_actor (f->store, id, &error);

  g_assert_no_error (error);
  return actor;
}

static const char *
route_value (SamActor *actor, const char *route_id)
{
  SamContactRoute *route = sam_actor_find_route (actor, route_id);

  g_assert_nonnull (route);
  return sam_contact_route_get_value (route);
}

/* The switchboard's route row, found by the number it shows. */
static gpointer
switchboard_row (SamActorEditor *editor)
{
  return find_row (editor, SAM_TYPE_ROUTE_EDITOR_ROW, "090-16 10 00");
}

static void
test_save_phone (Fixture *f, gconstpointer data)
{
  SamActorEditor *editor = open_editor (f, "umea-kommun");
  g_autoptr(SamActor) saved = NULL;
  g_autoptr(SamActor) stored = NULL;
  g_autoptr(SamActor) before = load (f, "umea-kommun");

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  g_assert_cmpint (sam_actor_get_revision (sam_actor_editor_get_actor (editor)), ==, 1);

  type_into (switchboard_row (editor), "Phone", "090-16 10 01");
  g_assert_true (sam_actor_editor_save (editor));
  iterate ();

  g_assert_null (editor);   /* closed */
  g_assert_nonnull (saved);
  g_assert_cmpint (sam_actor_get_revision (saved), ==, 2);
  stored = load (f, "umea-kommun");
  g_assert_cmpstr (route_value (stored, "umea-kommun-phone"), ==, "+4690161001");
  g_assert_cmpint (sam_actor_get_revision (stored), ==, 2);
  /* the rest is as it was */
  g_assert_cmpstr (route_value (stored, "umea-kommun-email"), ==, "umea.kommun@umea.se");
  g_assert_cmpuint (sam_actor_get_routes (stored)->len, ==, sam_actor_get_routes (before)->len);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (stored), SAM_LANG_SV), ==, "Umeå kommun");
  g_assert_cmpstr (sam_text_get (sam_actor_get_description (stored), SAM_LANG_EN), ==,
                   sam_text_get (sam_actor_get_description (before), SAM_LANG_EN));
  g_assert_cmpuint (sam_actor_get_tags (stored)->len, ==, 3);
  g_assert_cmpuint (sam_actor_get_target_groups (stored)->len, ==, 2);
  g_assert_cmpuint (sam_actor_get_languages (stored)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (stored), 0), ==, "2480");
  g_assert_true (g_date_time_equal (sam_actor_get_verified_at (stored), sam_actor_get_verified_at (before)));
  {
    g_autofree char *hours = sam_schedule_to_string (sam_actor_get_hours (stored));
    g_assert_cmpstr (hours, ==, "Mo-Fr 08:00-17:00; PH off");
  }
}

static void
assert_unchanged (Fixture *f)
{
  g_autoptr(SamActor) stored = load (f, "umea-kommun");

  g_assert_cmpint (sam_actor_get_revision (stored), ==, 1);
  g_assert_cmpstr (route_value (stored, "umea-kommun-phone"), ==, "+4690161000");
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (stored), SAM_LANG_EN), ==, "Umeå Municipality");
}

/* The source of the details (checked as typed, the date read filled in
 * with today), languages in the order typed, and a route marked to be
 * dialled from abroad, whose number then shows in international form. */
static void
test_source_and_abroad (Fixture *f, gconstpointer data)
{
  SamActorEditor *editor = open_editor (f, "umea-kommun");
  gpointer route_row = switchboard_row (editor);
  GtkEditable *read_on = find_row (editor, ADW_TYPE_ENTRY_ROW, "Read on");
  GtkWidget *abroad_row;
  g_autoptr(SamActor) stored = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *shown = NULL;
  GPtrArray *languages;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_editable_get_text (read_on), ==, "");
  type_into (editor, "Web page or document", "ftp://www.umea.se/lista");
  g_assert_cmpuint (strlen (gtk_editable_get_text (read_on)), ==, 10);
  errors = dup_errors (editor);
  g_assert_nonnull (strstr (errors, "Source: “ftp://www.umea.se/lista”"));
  g_assert_false (sam_actor_editor_save (editor));
  assert_unchanged (f);

  type_into (editor, "Web page or document", "https://www.umea.se/kontakt");
  type_into (editor, "Read on", "2026-02-30");
  g_clear_pointer (&errors, g_free);
  errors = dup_errors (editor);
  g_assert_nonnull (strstr (errors, "2026-02-30"));
  type_into (editor, "Read on", "2026-11-02");
  type_into (editor, "Languages", "ar, sv, en");
  g_clear_pointer (&errors, g_free);
  errors = dup_errors (editor);
  g_assert_cmpstr (errors, ==, "");
  /* a number is dialled from abroad; an address is not */
  abroad_row = find_row (route_row, ADW_TYPE_ACTION_ROW, "Dialled from abroad");
  g_assert_true (gtk_widget_get_visible (abroad_row));
  gtk_switch_set_active (find_row (abroad_row, GTK_TYPE_SWITCH, NULL), TRUE);
  g_assert_cmpstr (adw_preferences_row_get_title (route_row), ==, "+46 90 16 10 00");

  g_assert_true (sam_actor_editor_save (editor));
  iterate ();
  g_assert_null (editor);
  stored = load (f, "umea-kommun");
  g_assert_cmpstr (sam_actor_get_source (stored), ==, "https://www.umea.se/kontakt");
  g_assert_cmpstr (sam_actor_get_source_read (stored), ==, "2026-11-02");
  languages = sam_actor_get_languages (stored);
  g_assert_cmpuint (languages->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (languages, 0), ==, "ar");
  g_assert_cmpstr (g_ptr_array_index (languages, 1), ==, "sv");
  g_assert_cmpstr (g_ptr_array_index (languages, 2), ==, "en");
  g_assert_true (sam_contact_route_get_abroad (sam_actor_find_route (stored, "umea-kommun-phone")));
  shown = sam_contact_route_dup_display_value (sam_actor_find_route (stored, "umea-kommun-phone"));
  g_assert_cmpstr (shown, ==, "+46 90 16 10 00");
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  SamActorEditor *editor = open_editor (f, "umea-kommun");
  gpointer route_row = switchboard_row (editor);
  g_autofree char *errors = NULL;
  g_autofree char *errors_after = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  errors = dup_errors (editor);
  g_assert_cmpstr (errors, ==, "");

  /* a phone number too short */
  type_into (route_row, "Phone", "12");
  g_assert_false (sam_actor_editor_save (editor));
  iterate ();
  assert_unchanged (f);
  g_clear_pointer (&errors, g_free);
  errors = dup_errors (editor);
  g_assert_nonnull (strstr (errors, "Phone: “12”"));
  g_assert_true (gtk_widget_has_css_class (find_row (route_row, ADW_TYPE_ENTRY_ROW, "Phone"), "error"));
  g_assert_true (adw_expander_row_get_expanded (route_row));
  g_assert_true (has_focus_in (editor, find_row (route_row, ADW_TYPE_ENTRY_ROW, "Phone")));

  /* fixed as the user types */
  type_into (route_row, "Phone", "090-16 10 00");
  errors_after = dup_errors (editor);
  g_assert_cmpstr (errors_after, ==, "");

  /* no English name */
  type_into (editor, "Name (English)", "");
  g_assert_false (sam_actor_editor_save (editor));
  iterate ();
  assert_unchanged (f);
  g_clear_pointer (&errors, g_free);
  errors = dup_errors (editor);
  g_assert_nonnull (strstr (errors, "Name (English)"));
  g_assert_null (strstr (errors, "Phone"));
  g_assert_true (has_focus_in (editor, find_row (editor, ADW_TYPE_ENTRY_ROW, "Name (English)")));

  /* hours the parser refuses */
  type_into (editor, "Name (English)", "Umeå Municipality");
  type_into (editor, "Opening hours", "Mo-Fr 8-16");
  g_clear_pointer (&errors, g_free);
  errors = dup_errors (editor);
  g_assert_nonnull (strstr (errors, "Opening hours"));
  g_assert_false (sam_actor_editor_save (editor));
  assert_unchanged (f);

  g_assert_nonnull (editor);   /* still open */
  /* what Cancel and Escape do: with changes, they ask first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  iterate ();
  g_assert_nonnull (editor);
  g_assert_nonnull (sam_unsaved_get_dialog (GTK_WINDOW (editor)));
  adw_message_dialog_response (sam_unsaved_get_dialog (GTK_WINDOW (editor)), "discard");
  iterate ();
  g_assert_null (editor);
  assert_unchanged (f);
}

static void
test_stale (Fixture *f, gconstpointer data)
{
  SamActorEditor *first = open_editor (f, "umea-kommun");
  SamActorEditor *second = open_editor (f, "umea-kommun");
  g_autoptr(SamActor) stored = NULL;
  g_autofree char *reload_id = NULL;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  g_signal_connect (second, "reload-requested", G_CALLBACK (reload_cb), &reload_id);

  type_into (switchboard_row (first), "Phone", "090-16 10 01");
  type_into (switchboard_row (second), "Phone", "090-16 10 02");
  g_assert_true (sam_actor_editor_save (first));
  g_assert_false (sam_actor_editor_save (second));
  iterate ();

  stored = load (f, "umea-kommun");
  g_assert_cmpstr (route_value (stored, "umea-kommun-phone"), ==, "+4690161001");
  g_assert_cmpint (sam_actor_get_revision (stored), ==, 2);

  /* the dialog says so; Cancel keeps the editor open */
  dialog = find_dialog_for (second);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed by Someone Else");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was saved"));
  respond (dialog, "cancel");
  g_assert_null (find_dialog_for (second));
  g_assert_nonnull (second);
  g_assert_null (reload_id);

  /* Reload asks for a fresh copy and closes */
  g_assert_false (sam_actor_editor_save (second));
  iterate ();
  dialog = find_dialog_for (second);
  g_assert_nonnull (dialog);
  respond (dialog, "reload");
  g_assert_cmpstr (reload_id, ==, "umea-kommun");
  g_assert_null (second);
  g_assert_null (first);

  g_clear_object (&stored);
  stored = load (f, "umea-kommun");
  g_assert_cmpstr (route_value (stored, "umea-kommun-phone"), ==, "+4690161001");
}

static void
test_new_actor (Fixture *f, gconstpointer data)
{
  SamActorEditor *editor = open_editor (f, NULL);
  g_autoptr(SamActor) saved = NULL;
  g_autoptr(SamActor) stored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkButton *add = find_button (GTK_WIDGET (editor), "_Add Contact Route");
  gpointer area_entry = find_row (editor, ADW_TYPE_ENTRY_ROW, "Add municipality or county");
  GPtrArray *areas;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);

  /* nothing typed: the names and the areas are wrong */
  g_assert_false (sam_actor_editor_save (editor));
  {
    g_autofree char *errors = dup_errors (editor);
    g_assert_nonnull (strstr (errors, "Name (Swedish)"));
    g_assert_nonnull (strstr (errors, "Areas"));
    g_assert_true (has_focus_in (editor, find_row (editor, ADW_TYPE_ENTRY_ROW, "Name (Swedish)")));
  }

  type_into (editor, "Name (Swedish)", "Testjouren i Umeå");
  type_into (editor, "Name (English)", "Test helpline in Umeå");
  /* areas by name, case and accents aside, and by code */
  type_into (editor, "Add municipality or county", "umea, 24");
  g_signal_emit_by_name (area_entry, "entry-activated");
  /* and by picking a suggestion */
  type_into (editor, "Add municipality or county", "skellef");
  gtk_widget_activate (find_row (editor, ADW_TYPE_ACTION_ROW, "Skellefteå"));
  g_assert_cmpstr (gtk_editable_get_text (area_entry), ==, "");

  g_signal_emit_by_name (add, "clicked");
  g_signal_emit_by_name (add, "clicked");
  rows = find_route_rows (editor);
  g_assert_cmpuint (rows->len, ==, 2);
  type_into (g_ptr_array_index (rows, 0), "Phone", "090-12 34 56");
  adw_combo_row_set_selected (find_row (g_ptr_array_index (rows, 1), ADW_TYPE_COMBO_ROW, "Kind"),
                              SAM_ROUTE_KIND_EMAIL);
  type_into (g_ptr_array_index (rows, 1), "E-mail", "jour@example.se");
  type_into (g_ptr_array_index (rows, 1), "Own opening hours", "Mo-Fr 09:00-15:00");

  g_assert_true (sam_actor_editor_save (editor));
  iterate ();
  g_assert_null (editor);
  g_assert_nonnull (saved);
  g_assert_cmpstr (sam_actor_get_id (saved), ==, "testjouren-i-umea");

  stored = sam_store_load_actor (f->store, sam_actor_get_id (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_actor_get_revision (stored), ==, 1);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (stored), SAM_LANG_EN), ==, "Test helpline in Umeå");
  areas = sam_actor_get_areas (stored);
  g_assert_cmpuint (areas->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (areas, 0), ==, "24");
  g_assert_cmpstr (g_ptr_array_index (areas, 1), ==, "2480");
  g_assert_cmpstr (g_ptr_array_index (areas, 2), ==, "2482");
  g_assert_cmpuint (sam_actor_get_routes (stored)->len, ==, 2);
  g_assert_cmpstr (sam_contact_route_get_value (g_ptr_array_index (sam_actor_get_routes (stored), 0)), ==,
                   "+4690123456");
  g_assert_cmpstr (sam_contact_route_get_value (g_ptr_array_index (sam_actor_get_routes (stored), 1)), ==,
                   "jour@example.se");
  g_assert_nonnull (sam_contact_route_get_hours (g_ptr_array_index (sam_actor_get_routes (stored), 1)));
}

static void
test_new_defaults (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SamActorEditor *editor;
  g_autoptr(SamActor) saved = NULL;
  g_autoptr(SamActor) unit = NULL;

  g_settings_set_string (settings, "default-area", "2480");
  g_settings_set_uint (settings, "review-days", 90);
  editor = open_editor (f, NULL);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  type_into (editor, "Name (Swedish)", "Ny aktör");
  type_into (editor, "Name (English)", "New actor");
  g_assert_true (sam_actor_editor_save (editor));
  iterate ();
  g_assert_cmpuint (sam_actor_get_areas (saved)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (saved), 0), ==, "2480");
  g_assert_cmpuint (sam_actor_get_review_days (saved), ==, 90);
  g_assert_null (sam_actor_get_parent_id (saved));
  g_assert_cmpstr (sam_actor_get_id (saved), ==, "ny-aktor");

  /* a unit: inside its organisation, serving its areas */
  editor = sam_actor_editor_new (f->parent, f->store, NULL, "polisen");
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (editor, ADW_TYPE_ACTION_ROW, "Part of")), ==,
                   "Swedish Police Authority");
  g_clear_object (&saved);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  type_into (editor, "Name (Swedish)", "Ny aktör");
  type_into (editor, "Name (English)", "New unit");
  g_assert_true (sam_actor_editor_save (editor));
  iterate ();
  /* "ny-aktor" is taken */
  g_assert_cmpstr (sam_actor_get_id (saved), ==, "ny-aktor-2");
  unit = load (f, "ny-aktor-2");
  g_assert_cmpstr (sam_actor_get_parent_id (unit), ==, "polisen");
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (unit), 0), ==, "SE");

  g_settings_reset (settings, "default-area");
  g_settings_reset (settings, "review-days");
}

static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* What the store refuses shows in a toast, and the editor stays open. */
static void
test_store_error (Fixture *f, gconstpointer data)
{
  SamActorEditor *editor = sam_actor_editor_new (f->parent, f->store, NULL, "no-such-actor");

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  type_into (editor, "Name (Swedish)", "Enhet");
  type_into (editor, "Name (English)", "Unit");
  type_into (editor, "Add municipality or county", "SE");
  g_assert_false (sam_actor_editor_save (editor));
  iterate ();
  g_assert_nonnull (editor);
  g_assert_true (shows_text (GTK_WIDGET (editor), "there is no actor with the id “no-such-actor”"));
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 38);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
  g_assert_null (editor);
}

static void
test_move_and_remove (Fixture *f, gconstpointer data)
{
  SamActorEditor *editor = open_editor (f, "umea-kommun");
  g_autoptr(GPtrArray) rows = find_route_rows (editor);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SamActor) saved = NULL;
  GPtrArray *routes;

  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  g_assert_cmpuint (rows->len, ==, 4);
  /* the e-mail row goes first, the web row away */
  g_signal_emit_by_name (g_ptr_array_index (rows, 1), "move-requested", -1);
  g_signal_emit_by_name (g_ptr_array_index (rows, 2), "remove-requested");
  after = find_route_rows (editor);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (rows, 1));
  /* what Save, Ctrl+S and Ctrl+Return do */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();

  routes = sam_actor_get_routes (saved);
  g_assert_cmpstr (sam_contact_route_get_id (g_ptr_array_index (routes, 0)), ==, "umea-kommun-email");
  g_assert_cmpstr (sam_contact_route_get_id (g_ptr_array_index (routes, 1)), ==, "umea-kommun-phone");
  g_assert_cmpstr (sam_contact_route_get_id (g_ptr_array_index (routes, 2)), ==, "umea-kommun-visit");
  {
    g_autoptr(SamActor) stored = load (f, "umea-kommun");
    g_assert_cmpuint (sam_actor_get_routes (stored)->len, ==, 3);
    g_assert_null (sam_actor_find_route (stored, "umea-kommun-web"));
  }
}

/* Renders @window as it looks now into @dir/@name. */
static void
save_png (gpointer window, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  sam_ui_test_save_png (GTK_WIDGET (window), path);
}

static void
test_screenshot (Fixture *f, gconstpointer data)
{
  const char *dir = g_getenv ("SAM_SCREENSHOT_DIR");
  SamActorEditor *editor;
  GtkWidget *route_row;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;

  if (dir == NULL)
    {
      g_test_skip ("set SAM_SCREENSHOT_DIR to write screenshots");
      return;
    }
  editor = open_editor (f, "umea-kommun");
  route_row = switchboard_row (editor);
  type_into (route_row, _("Phone"), "12");
  type_into (editor, _("Opening hours"), "Mo-Fr 8-17");
  type_into (editor, _("Add municipality or county"), "väster");
  sam_actor_editor_save (editor);
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 2);
  save_png (editor, dir, "editor-top.png");

  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (route_row, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  for (guint i = 1; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("editor-%u.png", i);

      gtk_adjustment_set_value (adjustment, i * (gtk_adjustment_get_page_size (adjustment) - 80));
      sam_ui_test_wait_frames (GTK_WIDGET (editor), 2);
      save_png (editor, dir, name);
    }
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  editor = open_editor (f, NULL);
  sam_actor_editor_save (editor);
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 2);
  save_png (editor, dir, "new-actor.png");
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  editor = sam_actor_editor_new (f->parent, f->store, NULL, "no-such-actor");
  gtk_window_present (GTK_WINDOW (editor));
  type_into (editor, _("Name (Swedish)"), "Enhet");
  type_into (editor, _("Name (English)"), "Unit");
  type_into (editor, _("Add municipality or county"), "SE");
  sam_actor_editor_save (editor);
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 2);
  save_png (editor, dir, "store-error.png");
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
}

static void
collect_type (GtkWidget *widget, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

/* The label whose text starts with @prefix */
static GtkLabel *
find_label (gpointer root, const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_type (GTK_WIDGET (root), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      return g_ptr_array_index (labels, i);
  g_assert_not_reached ();
}

/* An empty English description beside a Swedish one is marked missing in
 * its heading, and the mark goes once it is written. */
static void
test_translation_missing (Fixture *f, gconstpointer data)
{
  SamActorEditor *editor = open_editor (f, "umea-kommun");
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkLabel *en_heading = find_label (editor, "In English");
  GtkTextBuffer *en;

  collect_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 2);
  en = gtk_text_view_get_buffer (g_ptr_array_index (views, 1));
  g_assert_cmpstr (gtk_label_get_text (en_heading), ==, "In English");

  gtk_text_buffer_set_text (en, "  ", -1);
  g_assert_cmpstr (gtk_label_get_text (en_heading), ==, "In English · translation missing");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (en_heading), "warning"));
  g_assert_cmpstr (gtk_label_get_text (find_label (editor, "In Swedish")), ==, "In Swedish");

  gtk_text_buffer_set_text (en, "The municipality.", -1);
  g_assert_cmpstr (gtk_label_get_text (en_heading), ==, "In English");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (en_heading), "warning"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static SamRouteEditorRow *
route_row_of (SamActorEditor *editor, const char *route_id)
{
  g_autoptr(GPtrArray) rows = find_route_rows (editor);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (sam_route_editor_row_get_route_id (g_ptr_array_index (rows, i)), route_id) == 0)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

/* The descriptions of the editor's groups, joined. */
static char *
dup_group_descriptions (SamActorEditor *editor)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  collect (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, NULL, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      const char *description = adw_preferences_group_get_description (g_ptr_array_index (groups, i));

      if (description && *description)
        g_string_append_printf (out, "%s\n", description);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* An actor that paths use says so when its editor opens; removing a route
 * a path names says which path, before anything is saved; a route no path
 * names is removed quietly; an actor no path uses says nothing. */
static void
test_remove_route_used_by_path (Fixture *f, gconstpointer data)
{
  SamActorEditor *editor = open_editor (f, "regionkoordinator-nord");
  SamActorEditor *unused = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *quiet = NULL;
  g_autofree char *warned = NULL;
  g_autofree char *nothing = NULL;

  opened = dup_group_descriptions (editor);
  g_assert_nonnull (strstr (opened, "Used by 2 escalation paths: Suspected human trafficking – adult, "
                                    "Suspected human trafficking – child. What you change here shows"));
  g_signal_emit_by_name (route_row_of (editor, "regionkoordinator-nord-web"), "remove-requested");
  quiet = dup_group_descriptions (editor);
  g_assert_cmpstr (quiet, ==, opened);
  g_signal_emit_by_name (route_row_of (editor, "regionkoordinator-nord-adults-phone"), "remove-requested");
  warned = dup_group_descriptions (editor);
  g_assert_nonnull (strstr (warned, "The route you removed is in use. Used by 1 escalation path: "
                                    "Suspected human trafficking – adult."));
  gtk_window_destroy (GTK_WINDOW (editor));

  unused = open_editor (f, "iom");
  nothing = dup_group_descriptions (unused);
  g_assert_null (strstr (nothing, "escalation path"));
  gtk_window_destroy (GTK_WINDOW (unused));
}

/* Escape without changes closes at once; with a change it asks, Keep
 * Editing keeps what was typed, Discard closes and saves nothing. */
static void
test_unsaved_changes (Fixture *f, gconstpointer data)
{
  SamActorEditor *editor = open_editor (f, "umea-kommun");
  g_autoptr(GPtrArray) routes = NULL;
  GtkWidget *phone;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_false (sam_unsaved_changed (GTK_WINDOW (editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  iterate ();
  g_assert_null (editor);

  editor = open_editor (f, "umea-kommun");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  routes = find_route_rows (editor);
  phone = find_row (g_ptr_array_index (routes, 0), ADW_TYPE_ENTRY_ROW, "Phone");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "090-16 10 00");
  type_into (g_ptr_array_index (routes, 0), "Phone", "090-16 10 01");
  g_assert_true (sam_unsaved_changed (GTK_WINDOW (editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  iterate ();
  g_assert_nonnull (editor);
  g_assert_nonnull (sam_unsaved_get_dialog (GTK_WINDOW (editor)));
  g_assert_cmpstr (adw_message_dialog_get_default_response (sam_unsaved_get_dialog (GTK_WINDOW (editor))),
                   ==, "keep");
  adw_message_dialog_response (sam_unsaved_get_dialog (GTK_WINDOW (editor)), "keep");
  iterate ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "090-16 10 01");

  /* typed back as it was: nothing to lose */
  type_into (g_ptr_array_index (routes, 0), "Phone", "090-16 10 00");
  g_assert_false (sam_unsaved_changed (GTK_WINDOW (editor)));
  type_into (editor, "Name (English)", "Changed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  iterate ();
  adw_message_dialog_response (sam_unsaved_get_dialog (GTK_WINDOW (editor)), "discard");
  iterate ();
  g_assert_null (editor);
  assert_unchanged (f);
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return 0;
    }
  sam_ui_test_init (&argc, &argv);
  /* screenshots in another language: SAM_LOCALEDIR holds the compiled
   * catalogue (gtk_test_init () keeps the C locale otherwise) */
  if (g_getenv ("SAM_LOCALEDIR"))
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SAM_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  g_test_add ("/actor-editor/save-phone", Fixture, NULL, fixture_set_up, test_save_phone, fixture_tear_down);
  g_test_add ("/actor-editor/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/actor-editor/source-and-abroad", Fixture, NULL, fixture_set_up, test_source_and_abroad,
              fixture_tear_down);
  g_test_add ("/actor-editor/stale", Fixture, NULL, fixture_set_up, test_stale, fixture_tear_down);
  g_test_add ("/actor-editor/new-actor", Fixture, NULL, fixture_set_up, test_new_actor, fixture_tear_down);
  g_test_add ("/actor-editor/new-defaults", Fixture, NULL, fixture_set_up, test_new_defaults, fixture_tear_down);
  g_test_add ("/actor-editor/store-error", Fixture, NULL, fixture_set_up, test_store_error, fixture_tear_down);
  g_test_add ("/actor-editor/move-and-remove", Fixture, NULL, fixture_set_up, test_move_and_remove, fixture_tear_down);
  g_test_add ("/actor-editor/translation-missing", Fixture, NULL, fixture_set_up, test_translation_missing, fixture_tear_down);
  g_test_add ("/actor-editor/remove-route-used-by-path", Fixture, NULL, fixture_set_up,
              test_remove_route_used_by_path, fixture_tear_down);
  g_test_add ("/actor-editor/unsaved-changes", Fixture, NULL, fixture_set_up, test_unsaved_changes,
              fixture_tear_down);
  g_test_add ("/actor-editor/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
