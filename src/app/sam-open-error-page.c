/* sam-open-error-page.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window shows instead of a register it could not open: which
 * register, why in plain words, and what the user can do. It never opens
 * another register by itself; the sample only on the user's word.
 */
#define G_LOG_DOMAIN "sam-open-error-page"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sam-errors.h"
#include "sam-open-error-page.h"

/* A busy register is tried again this often while the user waits. */
#define WAIT_SECONDS 3

typedef enum {
  REASON_OTHER,
  REASON_BUSY,
  REASON_NEWER,
  REASON_MISSING,
  REASON_NOT_REGISTER,
  REASON_DAMAGED,
  REASON_UNREADABLE,          /* damaged or not a register: SQLite could not tell */
  REASON_IO,
  REASON_NO_SPACE,
  REASON_READ_ONLY,
  REASON_NO_ACCESS,
} Reason;

struct _SamOpenErrorPage
{
  AdwBin parent_instance;

  char *path;
  Reason reason;
  gboolean waiting;
  guint tries;                /* tries that came back, since the page was shown */
  guint wait_id;              /* the next try while waiting */
  GCancellable *attempt;      /* a try running in a thread */

  AdwStatusPage *status_page;
  GtkLabel *path_label;
  GtkWidget *progress_box;
  GtkLabel *progress_label;
  GtkWidget *retry_button;
  GtkWidget *wait_button;
  GtkWidget *stop_button;
  GtkLabel *details_label;
};

G_DEFINE_FINAL_TYPE (SamOpenErrorPage, sam_open_error_page, ADW_TYPE_BIN)

enum {
  OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Opening without creating */

static gboolean
set_errno_error (GError **error, const char *path, int saved)
{
  if (saved == ENOENT || saved == ENOTDIR)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("There is no file “%s”."), path);
  else
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                 g_strerror (saved));
  return FALSE;
}

static gboolean
has_sqlite_header (const char *path, GError **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gssize got;

  if (fd < 0)
    return set_errno_error (error, path, errno);
  got = read (fd, header, sizeof header);
  close (fd);
  if (got == (gssize) sizeof header && memcmp (header, magic, sizeof magic) == 0)
    return TRUE;
  g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_REGISTER,
               _("“%s” is not a Samverkan register."), path);
  return FALSE;
}

/* An empty file is no register: SQLite would take it for a new one. Its
 * data may still be in the -wal file beside it, though. */
static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

static gboolean
check_is_register_file (const char *path, GError **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return set_errno_error (error, path, errno);
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("“%s” is a folder, not a register file."), path);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_REGISTER,
                   _("“%s” is not a register file."), path);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      if (has_wal (path))
        return TRUE;
      g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_REGISTER,
                   _("“%s” is empty: it is not a register, or it was cut short."), path);
      return FALSE;
    }
  return has_sqlite_header (path, error);
}

SamStore *
sam_open_existing_register (const char  *path,
                            GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (!check_is_register_file (path, error))
    return NULL;
  /* not even when the file goes away meanwhile */
  return sam_store_open_full (path, SAM_STORE_OPEN_DEFAULT, error);
}

/* Plain words */

static Reason
classify (const GError *error)
{
  if (error->domain == SAM_ERROR)
    switch (error->code)
      {
      case SAM_ERROR_BUSY:
        return REASON_BUSY;
      case SAM_ERROR_NEWER_FORMAT:
        return REASON_NEWER;
      case SAM_ERROR_READ_ONLY:
        return REASON_READ_ONLY;
      case SAM_ERROR_NOT_FOUND:
        return REASON_MISSING;
      case SAM_ERROR_NOT_REGISTER:
        return REASON_NOT_REGISTER;
      case SAM_ERROR_DAMAGED:
        return REASON_DAMAGED;
      case SAM_ERROR_IO:
        return REASON_IO;
      case SAM_ERROR_NO_SPACE:
        return REASON_NO_SPACE;
      case SAM_ERROR_INVALID:
      case SAM_ERROR_DATABASE:
        return REASON_UNREADABLE;
      default:
        return REASON_OTHER;
      }
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return REASON_MISSING;
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_PERM))
    return REASON_NO_ACCESS;
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
    return REASON_NOT_REGISTER;
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_IO))
    return REASON_IO;
  return REASON_OTHER;
}

static const char *
reason_title (Reason reason)
{
  switch (reason)
    {
    case REASON_BUSY:
      return _("The Register Is Busy");
    case REASON_NEWER:
      return _("The Register Needs a Newer Samverkan");
    case REASON_MISSING:
      return _("The Register Was Not Found");
    case REASON_NOT_REGISTER:
      return _("This Is Not a Register");
    case REASON_DAMAGED:
      return _("The Register Is Damaged");
    case REASON_UNREADABLE:
    case REASON_IO:
      return _("The Register Could Not Be Read");
    case REASON_NO_SPACE:
      return _("The Disk Is Full");
    case REASON_READ_ONLY:
      return _("The Register Could Not Be Updated");
    case REASON_NO_ACCESS:
      return _("You May Not Open the Register");
    case REASON_OTHER:
    default:
      return _("The Register Could Not Be Opened");
    }
}

static const char *
reason_text (Reason reason)
{
  switch (reason)
    {
    case REASON_BUSY:
      return _("Another program holds it locked right now, for example while it updates the "
               "register to a new format. Wait, and it opens as soon as that program lets go.");
    case REASON_NEWER:
      return _("It was saved by a newer version of Samverkan than this one. Update Samverkan "
               "on this computer to open it. Nothing in the register was changed.");
    case REASON_MISSING:
      return _("There is no file at this place. It may have been moved or renamed, or be on a "
               "drive or network folder that is not connected now.");
    case REASON_NOT_REGISTER:
      return _("The file is not a Samverkan register: it may belong to another program, or have "
               "been cut short. Nothing was changed in it. Open another register.");
    case REASON_DAMAGED:
      return _("The file is damaged. Nothing was changed in it. Open the last good backup "
               "(samverkan-cli backups lists them), or another register.");
    case REASON_UNREADABLE:
      return _("The file is damaged or is not a Samverkan register. Nothing was changed in it. "
               "Open a backup or another register.");
    case REASON_IO:
      return _("The disk failed to read it. Check that the drive or network folder is "
               "connected, then try again.");
    case REASON_NO_SPACE:
      return _("Samverkan needs a little room beside the register to open it. Free some space "
               "on the disk, then try again.");
    case REASON_READ_ONLY:
      return _("This version of Samverkan must update the register’s format, but this account "
               "may not change the file. Ask whoever manages the register, or open a copy.");
    case REASON_NO_ACCESS:
      return _("This account may not read the file. Ask whoever manages the register for access.");
    case REASON_OTHER:
    default:
      return _("Samverkan could not read it. The details below say why.");
    }
}

/* What the page shows and which buttons it offers */

static void
update_state (SamOpenErrorPage *self)
{
  gboolean busy = self->reason == REASON_BUSY;
  gboolean trying = self->attempt != NULL;
  g_autofree char *waiting = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "Waiting for the other program to finish. Samverkan tries again every second.",
                   "Waiting for the other program to finish. Samverkan tries again every %u seconds.",
                   WAIT_SECONDS), WAIT_SECONDS);

  gtk_widget_set_visible (self->progress_box, self->waiting || trying);
  gtk_label_set_text (self->progress_label, self->waiting ? waiting : _("Opening the register…"));
  gtk_widget_set_sensitive (self->retry_button, !trying);
  gtk_widget_set_visible (self->wait_button, busy && !self->waiting);
  gtk_widget_set_visible (self->stop_button, self->waiting);
  /* the button to press is the one most likely to help */
  if (busy)
    gtk_widget_remove_css_class (self->retry_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->retry_button, "suggested-action");
}

static void
show_error (SamOpenErrorPage *self, const GError *error)
{
  self->reason = classify (error);
  adw_status_page_set_title (self->status_page, reason_title (self->reason));
  adw_status_page_set_description (self->status_page, reason_text (self->reason));
  gtk_label_set_text (self->details_label, error->message);
  if (self->reason != REASON_BUSY)
    sam_open_error_page_stop_waiting (self);
  update_state (self);
}

/* Trying again */

static void start_attempt (SamOpenErrorPage *self);

static gboolean
wait_cb (gpointer data)
{
  SamOpenErrorPage *self = data;

  self->wait_id = 0;
  start_attempt (self);
  return G_SOURCE_REMOVE;
}

static void
open_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  SamStore *store = sam_open_existing_register (data, &error);

  if (store)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
attempt_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  SamOpenErrorPage *self = SAM_OPEN_ERROR_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = g_task_propagate_pointer (G_TASK (result), &error);

  /* the page was closed, or stopped trying, meanwhile: what opened is dropped */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->attempt);
  self->tries++;
  if (store)
    {
      sam_open_error_page_stop_waiting (self);
      update_state (self);
      g_signal_emit (self, signals[OPENED], 0, store);
      return;
    }
  show_error (self, error);
  if (self->waiting)
    self->wait_id = g_timeout_add_seconds (WAIT_SECONDS, wait_cb, self);
}

static void
start_attempt (SamOpenErrorPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->attempt != NULL || self->path == NULL)
    return;
  self->attempt = g_cancellable_new ();
  task = g_task_new (self, self->attempt, attempt_done_cb, NULL);
  g_task_set_source_tag (task, start_attempt);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, open_thread);
  update_state (self);
}

static void
retry_clicked_cb (SamOpenErrorPage *self)
{
  sam_open_error_page_retry (self);
}

static void
wait_clicked_cb (SamOpenErrorPage *self)
{
  sam_open_error_page_wait (self);
}

static void
stop_clicked_cb (SamOpenErrorPage *self)
{
  sam_open_error_page_stop_waiting (self);
}

static void
sam_open_error_page_dispose (GObject *object)
{
  SamOpenErrorPage *self = SAM_OPEN_ERROR_PAGE (object);

  g_clear_handle_id (&self->wait_id, g_source_remove);
  if (self->attempt)
    g_cancellable_cancel (self->attempt);
  g_clear_object (&self->attempt);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_OPEN_ERROR_PAGE);
  G_OBJECT_CLASS (sam_open_error_page_parent_class)->dispose (object);
}

static void
sam_open_error_page_finalize (GObject *object)
{
  g_free (SAM_OPEN_ERROR_PAGE (object)->path);
  G_OBJECT_CLASS (sam_open_error_page_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SamOpenErrorPage, name)

static void
sam_open_error_page_class_init (SamOpenErrorPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sam_open_error_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = sam_open_error_page_finalize;

  /**
   * SamOpenErrorPage::opened:
   * @store: the register, opened on a new try
   */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, SAM_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samverkan/Samverkan/sam-open-error-page.ui");
  BIND (status_page); BIND (path_label); BIND (progress_box); BIND (progress_label);
  BIND (retry_button); BIND (wait_button); BIND (stop_button); BIND (details_label);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, wait_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
}

static void
sam_open_error_page_init (SamOpenErrorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SamOpenErrorPage *
sam_open_error_page_new (void)
{
  return g_object_new (SAM_TYPE_OPEN_ERROR_PAGE, NULL);
}

void
sam_open_error_page_set_error (SamOpenErrorPage *self,
                               const char       *path,
                               const GError     *error)
{
  g_return_if_fail (SAM_IS_OPEN_ERROR_PAGE (self));
  g_return_if_fail (path != NULL && error != NULL);

  if (g_strcmp0 (self->path, path) != 0)
    {
      sam_open_error_page_stop_waiting (self);
      self->tries = 0;
      g_free (self->path);
      self->path = g_strdup (path);
    }
  gtk_label_set_text (self->path_label, path);
  show_error (self, error);
  /* Enter does what is most likely to help */
  gtk_widget_grab_focus (gtk_widget_get_visible (self->wait_button) ? self->wait_button
                                                                     : self->retry_button);
}

const char *
sam_open_error_page_get_path (SamOpenErrorPage *self)
{
  g_return_val_if_fail (SAM_IS_OPEN_ERROR_PAGE (self), NULL);
  return self->path;
}

const char *
sam_open_error_page_get_title (SamOpenErrorPage *self)
{
  g_return_val_if_fail (SAM_IS_OPEN_ERROR_PAGE (self), NULL);
  return adw_status_page_get_title (self->status_page);
}

const char *
sam_open_error_page_get_reason (SamOpenErrorPage *self)
{
  g_return_val_if_fail (SAM_IS_OPEN_ERROR_PAGE (self), NULL);
  return adw_status_page_get_description (self->status_page);
}

void
sam_open_error_page_retry (SamOpenErrorPage *self)
{
  g_return_if_fail (SAM_IS_OPEN_ERROR_PAGE (self));
  start_attempt (self);
}

void
sam_open_error_page_wait (SamOpenErrorPage *self)
{
  g_return_if_fail (SAM_IS_OPEN_ERROR_PAGE (self));

  if (self->waiting || self->reason != REASON_BUSY)
    return;
  self->waiting = TRUE;
  update_state (self);
  start_attempt (self);
}

void
sam_open_error_page_stop_waiting (SamOpenErrorPage *self)
{
  g_return_if_fail (SAM_IS_OPEN_ERROR_PAGE (self));

  self->waiting = FALSE;
  g_clear_handle_id (&self->wait_id, g_source_remove);
  /* a try under way is let run, but what it opens is dropped: another
   * register may be shown by then */
  if (self->attempt)
    g_cancellable_cancel (self->attempt);
  g_clear_object (&self->attempt);
  update_state (self);
}

gboolean
sam_open_error_page_is_waiting (SamOpenErrorPage *self)
{
  g_return_val_if_fail (SAM_IS_OPEN_ERROR_PAGE (self), FALSE);
  return self->waiting;
}

gboolean
sam_open_error_page_can_wait (SamOpenErrorPage *self)
{
  g_return_val_if_fail (SAM_IS_OPEN_ERROR_PAGE (self), FALSE);
  return gtk_widget_get_visible (self->wait_button);
}

gboolean
sam_open_error_page_is_trying (SamOpenErrorPage *self)
{
  g_return_val_if_fail (SAM_IS_OPEN_ERROR_PAGE (self), FALSE);
  return self->attempt != NULL;
}

guint
sam_open_error_page_get_tries (SamOpenErrorPage *self)
{
  g_return_val_if_fail (SAM_IS_OPEN_ERROR_PAGE (self), 0);
  return self->tries;
}
