/* test-publish-window.c
 *
 * The main window and Preferences with signed publications: the banner
 * for a followed publication past its valid-until (and none for a fresh
 * one), the trusted keys listed with their fingerprints in Preferences,
 * and a key removed there is no longer trusted.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "sam-minisign.h"
#include "sam-preferences-window.h"
#include "sam-publish.h"
#include "sam-store-keys.h"
#include "sam-test-http.h"
#include "sam-test-util.h"
#include "sam-timestamp.h"
#include "sam-ui-test-util.h"
#include "sam-window.h"
#include "sam-window-private.h"

typedef struct {
  char *dir;
  SamStore *store;
  SamWindow *window;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  /* an empty register for the follow test, the sample for the others */
  f->store = sam_test_open_store (f->dir, "register.sqlite", data == NULL);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  if (f->window)
    {
      /* a follow or a publication still in its thread holds the window
       * until its result has reached it */
      sam_ui_test_wait_for (!_sam_window_publications_busy (f->window));
      gtk_window_destroy (GTK_WINDOW (f->window));
    }
  sam_ui_test_wait_events_handled ();
  g_assert_finalize_object (f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* A publication followed from a server that is not there (port 9). */
static void
add_followed (Fixture *f, const char *valid_until)
{
  SamPublishedState state = { 0 };
  g_autoptr(GError) error = NULL;

  state.url = (char *) "http://127.0.0.1:9/register/";
  state.key_id = (char *) "1E7148C495D86CFB";
  state.copy = (char *) "/nonexistent/register.xml";
  state.sequence = 5;
  state.publisher = (char *) "Länsstyrelsen Västerbotten";
  state.published = sam_timestamp_parse ("2026-11-01T09:00:00Z");
  state.valid_until = sam_timestamp_parse (valid_until);
  g_assert_true (sam_store_published_set (f->store, &state, &error));
  g_assert_no_error (error);
  g_date_time_unref (state.published);
  g_date_time_unref (state.valid_until);
}

static void
open_window (Fixture *f)
{
  f->window = sam_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  sam_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
}

static void
test_stale_banner (Fixture *f, gconstpointer data)
{
  add_followed (f, "2026-11-08T09:00:00Z");
  open_window (f);
  g_assert_true (_sam_window_is_stale_banner_shown (f->window));
  g_assert_cmpstr (_sam_window_get_stale_banner_text (f->window), ==,
                   "The register from Länsstyrelsen Västerbotten has not been updated since "
                   "2026-11-01 10:00.");
}

static void
test_fresh_no_banner (Fixture *f, gconstpointer data)
{
  add_followed (f, "2099-01-01T00:00:00Z");
  open_window (f);
  g_assert_false (_sam_window_is_stale_banner_shown (f->window));
}

/* The first widget of @type under @root whose @property is @value (or any,
 * for a NULL @value). */
static GtkWidget *
find (GtkWidget *root, GType type, const char *property, const char *value)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      g_autofree char *text = NULL;

      if (property == NULL)
        return root;
      g_object_get (root, property, &text, NULL);
      if (g_strcmp0 (text, value) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type, property, value);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_preferences_keys (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *prefs;
  GtkWidget *row, *remove;
  g_autofree char *subtitle = NULL;
  g_autoptr(SamTrustedKey) left = NULL;

  g_assert_true (sam_store_keys_add (f->store, "1E7148C495D86CFB",
                                     "RWT7bNiVxEhxHp4xg0/Mu1GabPJwFAKuDmhQg+RDDlWbs+ewfq9/OyAv",
                                     "Region Nord", &error));
  open_window (f);
  prefs = sam_preferences_window_new (GTK_WINDOW (f->window));
  gtk_window_present (prefs);
  sam_ui_test_wait_for (find (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "title", "Region Nord") != NULL);
  row = find (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "title", "Region Nord");
  g_assert_nonnull (row);
  g_object_get (row, "subtitle", &subtitle, NULL);
  g_assert_nonnull (strstr (subtitle, "1E7148C495D86CFB"));
  g_assert_nonnull (strstr (subtitle, "RWT7bNiVxEhxHp4xg0/Mu1GabPJwFAKuDmhQg+RDDlWbs+ewfq9/OyAv"));
  remove = find (row, GTK_TYPE_BUTTON, NULL, NULL);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  left = sam_store_keys_lookup (f->store, "1E7148C495D86CFB", &error);
  g_assert_no_error (error);
  g_assert_null (left);
  g_assert_nonnull (find (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "title", "No trusted keys yet"));
  gtk_window_destroy (prefs);
}

static AdwMessageDialog *
find_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint k = 0; k < g_list_model_get_n_items (toplevels); k++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, k);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (f->window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static AdwMessageDialog *
wait_for_dialog (Fixture *f)
{
  sam_ui_test_wait_for (find_dialog (f) != NULL);
  return find_dialog (f);
}

/* The first follow of a key shows its fingerprint and asks; "Trust and
 * Follow" trusts the key and applies the register. */
static void
test_first_follow_asks (Fixture *f, gconstpointer data)
{
  g_autofree char *site = g_build_filename (f->dir, "site", NULL);
  g_autoptr(SamStore) publisher = sam_test_open_store (f->dir, "publisher.sqlite", TRUE);
  g_autoptr(SamMinisignKey) key = sam_minisign_key_generate ();
  g_autoptr(SamPublication) publication = NULL;
  g_autoptr(SamTrustedKey) trusted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = sam_minisign_key_dup_public (key);
  g_autofree char *id = sam_minisign_key_dup_id (key);
  SamPublishOptions options;
  AdwMessageDialog *dialog;
  SamTestHttp *http;
  guint refs;

  sam_publish_options_init (&options);
  publication = sam_publish (publisher, &options, key, site, &error);
  g_assert_no_error (error);
  http = sam_test_http_start (site);
  open_window (f);
  refs = G_OBJECT (f->store)->ref_count;
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 0);
  _sam_window_follow_published (f->window, sam_test_http_get_url (http));
  dialog = wait_for_dialog (f);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Trust This Publisher?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fingerprint));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), id));
  adw_message_dialog_response (dialog, "trust");
  gtk_window_close (GTK_WINDOW (dialog));
  sam_ui_test_wait_for (sam_store_count_actors (f->store) > 0);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, sam_store_count_actors (publisher));
  trusted = sam_store_keys_lookup (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trusted);
  /* the actors are there before the following thread lets go of the register */
  sam_ui_test_wait_for (G_OBJECT (f->store)->ref_count == refs);
  sam_ui_test_wait_events_handled ();
  sam_test_http_stop (http);
}

/* Publish… after the key and the folder: "For the Public" publishes a
 * public, signed register there. */
static void
test_publish (Fixture *f, gconstpointer data)
{
  g_autofree char *site = g_build_filename (f->dir, "site", NULL);
  g_autofree char *key_path = g_build_filename (f->dir, "k.key", NULL);
  g_autofree char *json_path = g_build_filename (site, "register.json", NULL);
  g_autoptr(SamMinisignKey) key = sam_minisign_key_generate ();
  g_autofree char *secret = sam_minisign_key_to_secret_file (key);
  g_autofree char *json = NULL;
  g_autoptr(SamPublication) publication = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gsize length = 0;
  guint refs;

  g_assert_true (g_file_set_contents (key_path, secret, -1, NULL));
  open_window (f);
  refs = G_OBJECT (f->store)->ref_count;
  _sam_window_publish_to (f->window, key_path, site);
  dialog = wait_for_dialog (f);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Publish for Whom?");
  adw_message_dialog_response (dialog, "public");
  gtk_window_close (GTK_WINDOW (dialog));
  sam_ui_test_wait_for (g_file_test (json_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (json_path, &json, &length, NULL));
  publication = sam_publication_parse (json, length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (publication->audience, ==, "public");
  /* the file is there before the publishing thread lets go of the register */
  sam_ui_test_wait_for (G_OBJECT (f->store)->ref_count == refs);
  sam_ui_test_wait_events_handled ();
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return 0;
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", TRUE);
  g_test_add ("/publish-window/stale-banner", Fixture, NULL, set_up, test_stale_banner, tear_down);
  g_test_add ("/publish-window/fresh", Fixture, NULL, set_up, test_fresh_no_banner, tear_down);
  g_test_add ("/publish-window/preferences-keys", Fixture, NULL, set_up, test_preferences_keys,
              tear_down);
  g_test_add ("/publish-window/publish", Fixture, NULL, set_up, test_publish, tear_down);
  g_test_add ("/publish-window/first-follow-asks", Fixture, "empty", set_up,
              test_first_follow_asks, tear_down);
  return g_test_run ();
}
