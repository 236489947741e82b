/* sam-window-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-actor-page.h"
#include "sam-export-format.h"
#include "sam-open-error-page.h"
#include "sam-query.h"
#include "sam-walk-page.h"
#include "sam-window.h"

G_BEGIN_DECLS

/* The list shows the best 50: enough to choose from, and cheap to redo on
 * every keystroke (a list view of 4.8 makes a row for each of up to 200
 * items, so the cost follows this number); more words or a filter narrow
 * it, and the list says when there is more. */
#define RESULT_LIMIT 50

struct _SamWindow
{
  AdwApplicationWindow parent_instance;

  SamStore *store;
  GPtrArray *results;
  GPtrArray *area_codes;      /* index in the area drop-down → code (NULL: all) */
  gboolean all_areas_listed;  /* the drop-down lists every area, not only the chosen one */
  gboolean review_mode;
  GCancellable *busy;
  AdwToast *busy_toast;       /* shown while a long job runs: SamWindow:busy */
  gboolean read_only;         /* SamWindow:read-only */

  AdwToastOverlay *toast_overlay;
  GtkRevealer *banner;
  GtkLabel *banner_label;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  AdwWindowTitle *window_title;
  AdwWindowTitle *content_title;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  GtkRevealer *chips_revealer;
  GtkFlowBox *chips;
  GtkStack *list_stack;
  GtkListView *actor_list;
  GListStore *model;              /* the places of the list, as SamResultItem */
  GtkSingleSelection *selection;
  GDateTime *now;                 /* the clock the rows show open/closed for */
  guint rest_id;                  /* adds the rows below the first screenful */
  guint refresh_id;               /* the first search, run just before the first frame */
  AdwStatusPage *empty_page;
  GtkWidget *clear_filters_button;
  GtkWidget *all_areas_button;
  GtkStack *content_stack;
  SamActorPage *actor_page;
  SamWalkPage *walk_page;         /* made the first time a walk begins */
  GtkWidget *back_button;
  char *delete_message;           /* what the last delete's toast said */
  GPtrArray *deleted_ids;         /* this window's deletes, the last last: Ctrl+Z */
  GtkWidget *edit_button;
  GtkWidget *actor_menu_button;
  GtkWidget *review_back_button;
  GtkWidget *more_label;
  GtkPopover *filter_popover;
  GtkDropDown *area_dropdown;
  GtkDropDown *kind_dropdown;
  GtkDropDown *group_dropdown;
  GtkDropDown *language_dropdown;
  GtkCheckButton *open_now_check;
  SamOpenErrorPage *error_page;   /* instead of the leaflet when no register opened; made then */
  GtkRevealer *sample_banner;
  GtkLabel *sample_banner_label;
  guint watch_id;                 /* looks for other programs' writes while mapped */
  SamVisibility export_audience;  /* chosen in the Export dialog, for the file chosen next */
  SamExportFormat export_format;  /* the same */
  guint export_scope;             /* the same: SAM_EXPORT_SCOPE_… */
};

/* Which actors the Export dialog sends: the whole register, the area chosen
 * in the filters, or the list as it stands. */
enum {
  SAM_EXPORT_SCOPE_REGISTER,
  SAM_EXPORT_SCOPE_AREA,
  SAM_EXPORT_SCOPE_RESULTS,
};

/* sam-window-filters.c */
void        _sam_window_setup_filters        (SamWindow *self);
void        _sam_window_list_all_areas       (SamWindow *self);
SamQuery   *_sam_window_build_query          (SamWindow *self);
void        _sam_window_update_chips         (SamWindow *self);
const char *_sam_window_get_selected_area    (SamWindow *self);

/* sam-window-files.c: New, Open, Import and Save a Copy, and what
 * sam-window-export.c shares with them. */
void _sam_window_class_add_file_actions (GtkWidgetClass *widget_class);
/* After an import: a notice when steps of the register's paths name an
 * actor or contact route it does not have. */
void _sam_window_warn_dangling          (SamWindow      *self);
void _sam_window_toast                  (SamWindow      *self,
                                         const char     *text);
/* Shows a long operation's state in a toast with Cancel; NULL ends it. */
void _sam_window_set_busy               (SamWindow      *self,
                                         const char     *text,
                                         GCancellable   *cancellable);
void _sam_window_show_error_dialog      (SamWindow      *self,
                                         const char     *heading,
                                         const char     *message);
typedef void (*SamChosenFunc) (SamWindow *self, GFile *file);
/* A native file chooser; @func gets the file when one is accepted. */
void _sam_window_choose_file            (SamWindow             *self,
                                         GtkFileChooserAction   action,
                                         const char            *title,
                                         const char            *accept,
                                         const char            *pattern,
                                         const char            *pattern_name,
                                         const char            *suggested,
                                         SamChosenFunc          func);
/* A long job's window and file, for what it says at the end. */
typedef struct _SamFileJob SamFileJob;
/* Shows the busy toast with Cancel; the cancellable is the caller's. */
SamFileJob *_sam_window_start_job       (SamWindow      *self,
                                         GFile          *file,
                                         const char     *busy_text,
                                         GCancellable  **cancellable);
void        _sam_file_job_free          (SamFileJob     *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamFileJob, _sam_file_job_free)
/* FALSE when it went well; else the dialog or toast says why. */
gboolean    _sam_file_job_failed        (SamFileJob     *job,
                                         GError         *error,
                                         const char     *heading);
/* "Saved file.xml" */
void        _sam_file_job_saved         (SamFileJob     *job);
/* Ends the job of sam_export_actors_to_file_async() (export of a search
 * result, a vCard), saying how it went. */
void        _sam_window_actors_exported_cb (GObject      *source,
                                            GAsyncResult *result,
                                            gpointer      data);

/* sam-window-export.c: Export, its dialog (format, actors, for whom) and
 * the file written. */
void _sam_window_class_add_export_actions (GtkWidgetClass *widget_class);

/* sam-window.c */
void     _sam_window_update_actions     (SamWindow      *self);
/* A register is open and writable. */
gboolean _sam_window_can_edit           (SamWindow      *self);

/* sam-window-results.c: the results list, the search as the user types,
 * and showing the actor a row picks. */
void          _sam_window_setup_list                  (SamWindow      *self);
void          _sam_window_class_add_results_callbacks (GtkWidgetClass *widget_class);
void          _sam_window_refresh                     (SamWindow      *self);
/* Searches a new register just before the window's first frame. */
void          _sam_window_schedule_refresh            (SamWindow      *self);
/* Runs a scheduled search now. */
void          _sam_window_flush_refresh               (SamWindow      *self);
/* Searches again and reloads the shown actor or walk after a change. */
void          _sam_window_store_changed               (SamWindow      *self);
SamActor     *_sam_window_shown_actor                 (SamWindow      *self);
/* The actor page, made the first time an actor is shown. */
SamActorPage *_sam_window_ensure_actor_page           (SamWindow      *self);
/* Shows @actor (NULL: none) on the content pane and selects its row. */
void          _sam_window_show_actor                  (SamWindow      *self,
                                                       SamActor       *actor);

/* sam-window-open.c: the page shown when the register could not be
 * opened, the sample register on the user's word and its banner, and
 * watching for other programs' writes. */
void _sam_window_setup_open             (SamWindow      *self);
void _sam_window_class_add_open_actions (GtkWidgetClass *widget_class);
/* Hides the error page for @store and shows the sample banner when it is
 * the sample register. */
void _sam_window_show_register          (SamWindow      *self,
                                         SamStore       *store);
void _sam_window_stop_watching          (SamWindow      *self);

/* sam-window-edit.c: the actor editor, delete and Undo, mark verified,
 * history, escalation paths. */
void _sam_window_class_add_edit_actions (GtkWidgetClass *widget_class);
/* Purges what was deleted longer ago than Preferences keep it. */
void _sam_window_purge_deleted          (SamWindow      *self,
                                         SamStore       *store);

/* sam-window-walk.c: the walk-through page and its action. */
void _sam_window_class_add_walk_actions (GtkWidgetClass *widget_class);
void _sam_window_update_back_button     (SamWindow      *self);
/* sam-window-merge.c: import with merge, backups, follow. */
void       _sam_window_class_add_merge_actions (GtkWidgetClass *widget_class);
void       _sam_window_import_merge           (SamWindow      *self,
                                               GFile          *file);
GtkWindow *_sam_window_show_backups           (SamWindow      *self);
/* Watches the published registers the shown register follows, importing
 * them now when @sync_now and whenever they change. */
void       _sam_window_follow_start           (SamWindow      *self,
                                               gboolean        sync_now);

/* sam-window-publish.c: Publish…, following an address, the periodic
 * refresh of signed publications and the banner for a stale one. */
void        _sam_window_class_add_publish_actions (GtkWidgetClass *widget_class);
/* Refreshes now and every interval; shows the banner when one is stale. */
void        _sam_window_publish_start        (SamWindow      *self);
void        _sam_window_follow_published     (SamWindow      *self,
                                              const char     *url);
/* Publish… once the key and the folder are chosen: asks for whom. */
void        _sam_window_publish_to           (SamWindow      *self,
                                              const char     *secret_key,
                                              const char     *dir);
gboolean    _sam_window_is_stale_banner_shown (SamWindow     *self);
/* A follow, refresh or publication is running in a thread. */
gboolean    _sam_window_publications_busy    (SamWindow      *self);
const char *_sam_window_get_stale_banner_text (SamWindow     *self);

G_END_DECLS
