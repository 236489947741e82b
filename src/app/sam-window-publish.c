/* sam-window-publish.c — the main window's signed publications: File →
 * Publish…, File → Follow a Published Register… (an address, or a file as
 * before), asking before trusting a new publisher's key, the refresh at
 * start and every interval (GSettings "publication-refresh-minutes"), and
 * the banner for a publication past its valid-until. The work runs in
 * threads (sam_publish_async, sam_fetch_follow_async); nothing here waits.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-fetch.h"
#include "sam-publish.h"
#include "sam-schedule.h"
#include "sam-window-private.h"

/* What the window keeps for publications, as object data. */
typedef struct {
  GWeakRef window;
  guint timer_id;
  GCancellable *cancellable;
  GtkRevealer *banner;
  GtkLabel *banner_label;
  GQueue pending;         /* URLs still to refresh in this round */
  gboolean refreshing;
  guint running;          /* follows and publications in their threads */
} Publications;

static void
publications_free (Publications *p)
{
  g_clear_handle_id (&p->timer_id, g_source_remove);
  g_cancellable_cancel (p->cancellable);
  g_clear_object (&p->cancellable);
  g_weak_ref_clear (&p->window);
  g_queue_clear_full (&p->pending, g_free);
  g_free (p);
}

static Publications *
get_publications (SamWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "sam-publications");
}

static void
show_error (SamWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = time ? g_date_time_to_timezone (time, sam_time_zone ()) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

/* the banner */

static void
update_banner (SamWindow *self)
{
  Publications *p = get_publications (self);
  SamStore *store = sam_window_get_store (self);
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GPtrArray) messages = NULL;

  if (p == NULL)
    return;
  messages = store ? sam_fetch_stale_messages (store, now, NULL) : NULL;
  if (messages != NULL && messages->len > 0)
    {
      g_ptr_array_add (messages, NULL);
      g_autofree char *text = g_strjoinv ("\n", (char **) messages->pdata);
      gtk_label_set_text (p->banner_label, text);
    }
  gtk_revealer_set_reveal_child (p->banner, messages != NULL && messages->len > 0);
}

static void
add_banner (SamWindow *self, Publications *p)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *read_only = GTK_WIDGET (self->banner);

  gtk_widget_add_css_class (box, "read-only-banner");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warning"), -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  gtk_widget_set_name (revealer, "stale-banner");
  /* under the read-only banner, above everything else */
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (read_only)), revealer, read_only);
  p->banner = GTK_REVEALER (revealer);
  p->banner_label = GTK_LABEL (label);
}

/* following an address */

typedef struct {
  SamWindow *window;
  char *url;
  gboolean asked;         /* started by the person, not by the timer */
} FollowCall;

static void
follow_call_free (FollowCall *call)
{
  g_object_unref (call->window);
  g_free (call->url);
  g_free (call);
}

static void start_follow (SamWindow *self, const char *url, const char *trust, gboolean asked);
static void refresh_next (SamWindow *self);

static void
trust_response_cb (AdwMessageDialog *dialog, const char *response, FollowCall *call)
{
  const char *trust = g_object_get_data (G_OBJECT (dialog), "key");

  /* once: closing the dialog afterwards may answer again */
  if (g_str_equal (response, "trust") && !g_object_get_data (G_OBJECT (dialog), "answered"))
    start_follow (call->window, call->url, trust, TRUE);
  g_object_set_data (G_OBJECT (dialog), "answered", GINT_TO_POINTER (TRUE));
}

static void
follow_call_closure_free (gpointer data, GClosure *closure)
{
  follow_call_free (data);
}

/* The first follow of a key: show its fingerprint, and ask. */
static void
offered_key_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  FollowCall *call = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMinisignKey) key = sam_fetch_offered_key_finish (result, &error);
  g_autofree char *id = NULL;
  g_autofree char *line = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (key == NULL)
    {
      show_error (call->window, _("The Publisher’s Key Is Unknown"), error->message);
      follow_call_free (call);
      return;
    }
  id = sam_minisign_key_dup_id (key);
  line = sam_minisign_key_dup_public (key);
  body = g_strdup_printf (_("The register at %s is signed with a key this register does not "
                            "trust yet. Trust it only if the publisher gave you the same "
                            "fingerprint (by telephone, or on their own web site):\n\n"
                            "Key %s\n%s"), call->url, id, line);
  dialog = adw_message_dialog_new (GTK_WINDOW (call->window), _("Trust This Publisher?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "trust", _("_Trust and Follow"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "trust",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "key", sam_minisign_key_to_public_file (key), g_free);
  g_signal_connect_data (dialog, "response", G_CALLBACK (trust_response_cb), call,
                         follow_call_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
followed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  FollowCall *call = data;
  SamWindow *self = call->window;
  Publications *p = get_publications (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamFetchResult) fetched = sam_fetch_follow_finish (result, &error);

  if (p)
    p->running--;

  if (fetched == NULL && call->asked &&
      g_error_matches (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_UNKNOWN_KEY))
    {
      sam_fetch_offered_key_async (call->url, NULL, offered_key_cb, call);
      return;
    }
  if (fetched == NULL && call->asked)
    show_error (self, _("The Register Was Not Followed"), error->message);
  else if (fetched == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* a refresh: the last good copy stays; say so once, quietly */
      g_autofree char *text = g_strdup_printf (_("%s could not be brought up to date"), call->url);
      g_debug ("%s: %s", call->url, error->message);
      _sam_window_toast (self, text);
    }
  if (fetched != NULL)
    {
      sam_store_check_for_changes (sam_window_get_store (self));
      if (fetched->status == SAM_FETCH_UPDATED)
        {
          g_autofree char *counts = sam_merge_plan_describe (fetched->plan);
          g_autofree char *text = g_strdup_printf (_("Updated from %s: %s"),
                                                   fetched->state->publisher, counts);
          _sam_window_toast (self, text);
        }
      if (call->asked)
        _sam_window_follow_start (self, FALSE);
    }
  update_banner (self);
  if (!call->asked)
    refresh_next (self);
  follow_call_free (call);
}

static void
start_follow (SamWindow *self, const char *url, const char *trust, gboolean asked)
{
  Publications *p = get_publications (self);
  FollowCall *call = g_new0 (FollowCall, 1);
  SamFetchOptions options;

  sam_fetch_options_init (&options);
  options.trust = trust;
  if (p)
    p->running++;
  call->window = g_object_ref (self);
  call->url = g_strdup (url);
  call->asked = asked;
  sam_fetch_follow_async (sam_store_get_path (sam_window_get_store (self)), url, &options,
                          p ? p->cancellable : NULL, followed_cb, call);
}

/* the periodic refresh, one publication after another */

static void
refresh_next (SamWindow *self)
{
  Publications *p = get_publications (self);
  g_autofree char *url = p ? g_queue_pop_head (&p->pending) : NULL;

  if (p == NULL)
    return;
  p->refreshing = url != NULL;
  if (url != NULL)
    start_follow (self, url, NULL, FALSE);
}

static void
refresh_all (SamWindow *self)
{
  Publications *p = get_publications (self);
  SamStore *store = sam_window_get_store (self);
  g_autoptr(GPtrArray) list = NULL;

  update_banner (self);
  if (p == NULL || p->refreshing || store == NULL || sam_store_is_read_only (store) ||
      (list = sam_store_published_list (store, NULL)) == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    g_queue_push_tail (&p->pending,
                       g_strdup (((SamPublishedState *) g_ptr_array_index (list, i))->url));
  refresh_next (self);
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  Publications *p = data;
  g_autoptr(SamWindow) self = g_weak_ref_get (&p->window);

  if (self != NULL)
    refresh_all (self);
  return G_SOURCE_CONTINUE;
}

static void
schedule_refresh (SamWindow *self, Publications *p)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  guint minutes = g_settings_get_uint (settings, "publication-refresh-minutes");

  g_clear_handle_id (&p->timer_id, g_source_remove);
  p->timer_id = g_timeout_add_seconds (minutes * 60, refresh_timeout_cb, p);
}

void
_sam_window_publish_start (SamWindow *self)
{
  Publications *p = get_publications (self);

  if (p == NULL)
    {
      p = g_new0 (Publications, 1);
      g_weak_ref_init (&p->window, self);
      p->cancellable = g_cancellable_new ();
      g_queue_init (&p->pending);
      add_banner (self, p);
      g_object_set_data_full (G_OBJECT (self), "sam-publications", p,
                              (GDestroyNotify) publications_free);
    }
  g_queue_clear_full (&p->pending, g_free);
  schedule_refresh (self, p);
  refresh_all (self);
}

gboolean
_sam_window_publications_busy (SamWindow *self)
{
  Publications *p = get_publications (self);

  return p != NULL && (p->running > 0 || p->refreshing);
}

gboolean
_sam_window_is_stale_banner_shown (SamWindow *self)
{
  Publications *p = get_publications (self);

  return p != NULL && gtk_revealer_get_reveal_child (p->banner);
}

const char *
_sam_window_get_stale_banner_text (SamWindow *self)
{
  Publications *p = get_publications (self);

  return p ? gtk_label_get_text (p->banner_label) : NULL;
}

/* File → Follow a Published Register… */

static void
follow_response_cb (AdwMessageDialog *dialog, const char *response, SamWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "file"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.follow", NULL);
  else if (g_str_equal (response, "follow") && sam_fetch_is_url (url))
    start_follow (self, url, NULL, TRUE);
  else if (g_str_equal (response, "follow"))
    _sam_window_toast (self, _("Enter an address that starts with https://"));
}

static void
follow_published_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  GtkWidget *dialog, *entry;

  if (sam_store_is_read_only (sam_window_get_store (self)))
    {
      _sam_window_toast (self, _("This register is open read-only."));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Follow a Published Register"),
                                   _("The address of a register published with Samverkan "
                                     "(https://…/), or a file on a shared folder. Its records "
                                     "are kept up to date and cannot be edited here."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Address of the published register"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "file", _("Choose a _File…"), "follow", _("_Follow"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "follow",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "follow");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (follow_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* File → Publish… : the secret key, then the folder */

static void
published_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(SamWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamPublication) publication = sam_publish_finish (result, &error);
  Publications *p = get_publications (self);
  g_autofree char *until = NULL;
  g_autofree char *text = NULL;

  if (p)
    p->running--;
  _sam_window_set_busy (self, NULL, NULL);
  if (publication == NULL)
    {
      show_error (self, _("The Register Was Not Published"), error->message);
      return;
    }
  until = format_time (publication->valid_until);
  text = g_strdup_printf (_("Published, signed with the key %s; publish again before %s"),
                          publication->key_id, until);
  _sam_window_toast (self, text);
}

/* Professionals (the default) or the public; internal routes never leave. */
static void
audience_response_cb (AdwMessageDialog *dialog, const char *response, SamWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (dialog), "key");
  const char *dir = g_object_get_data (G_OBJECT (dialog), "dir");
  SamPublishOptions options;

  if (!g_str_equal (response, "public") && !g_str_equal (response, "professional"))
    return;
  sam_publish_options_init (&options);
  if (g_str_equal (response, "public"))
    options.filter.audience = SAM_VISIBILITY_PUBLIC;
  if (get_publications (self))
    get_publications (self)->running++;
  _sam_window_set_busy (self, _("Publishing…"), NULL);
  sam_publish_async (sam_store_get_path (sam_window_get_store (self)), &options, key, dir,
                     NULL, published_cb, g_object_ref (self));
}

static void
ask_audience (SamWindow *self, const char *key, const char *dir)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Publish for Whom?"),
      _("For professionals, the published register carries the contact routes for agencies; "
        "for the public, only the public ones. Internal contact routes are never published."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "public", _("For the P_ublic"),
                                    "professional", _("For P_rofessionals"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "professional",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "professional");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "key", g_strdup (key), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "dir", g_strdup (dir), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (audience_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
folder_chosen_cb (GtkNativeDialog *chooser, int response, SamWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (chooser), "key");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *dir = g_file_get_path (folder);

      ask_audience (self, key, dir);
    }
  g_object_unref (chooser);
}

static void
key_chosen_cb (GtkNativeDialog *chooser, int response, SamWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkFileChooserNative *folder;

      folder = gtk_file_chooser_native_new (_("Choose the Folder to Publish Into"),
                                            GTK_WINDOW (self),
                                            GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                            _("_Publish"), _("_Cancel"));
      g_object_set_data_full (G_OBJECT (folder), "key", g_file_get_path (file), g_free);
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (folder), TRUE);
      g_signal_connect (folder, "response", G_CALLBACK (folder_chosen_cb), self);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (folder));
    }
  g_object_unref (chooser);
}

static void
publish_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Secret Key to Sign With"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Next"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (key_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
refresh_published_action (GtkWidget *widget, const char *name, GVariant *param)
{
  refresh_all (SAM_WINDOW (widget));
}

void
_sam_window_publish_to (SamWindow *self, const char *secret_key, const char *dir)
{
  ask_audience (self, secret_key, dir);
}

void
_sam_window_follow_published (SamWindow *self, const char *url)
{
  start_follow (self, url, NULL, TRUE);
}

void
_sam_window_class_add_publish_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.follow-published", NULL,
                                   follow_published_action);
  gtk_widget_class_install_action (widget_class, "win.refresh-published", NULL,
                                   refresh_published_action);
}
