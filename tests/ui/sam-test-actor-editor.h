/* sam-test-actor-editor.h
 *
 * What test-actor-editor.c and test-actor-editor-routes.c share: the
 * sample register in a folder of the test's own, under a window; the
 * actor editor opened on it; its rows found by the title a person reads,
 * typed into, and the errors it shows.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-actor-editor.h"

G_BEGIN_DECLS

typedef struct {
  char *dir;
  SamStore *store;
  GtkWindow *parent;
} SamTestActorEditor;

/* FALSE, having said the program skips, when there is no display;
 * otherwise sam_ui_test_init(). */
gboolean        sam_test_actor_editor_init          (int    *argc,
                                                     char ***argv);
/* The sample register in a new folder, and a window shown. */
void            sam_test_actor_editor_set_up        (SamTestActorEditor *f,
                                                     gconstpointer       data);
void            sam_test_actor_editor_tear_down     (SamTestActorEditor *f,
                                                     gconstpointer       data);
/* Runs the main loop until nothing is pending. */
void            sam_test_actor_editor_iterate       (void);
/* Adds the widgets of @type in @widget (itself included) to @found:
 * preference rows only if titled @title (NULL: any). */
void            sam_test_actor_editor_collect       (GtkWidget  *widget,
                                                     GType       type,
                                                     const char *title,
                                                     GPtrArray  *found);
/* The one widget of @type titled @title in @root; fails the test unless
 * there is exactly one. */
gpointer        sam_test_actor_editor_find_row      (gpointer    root,
                                                     GType       type,
                                                     const char *title);
/* The editor's route rows, in the order shown. */
GPtrArray      *sam_test_actor_editor_find_route_rows (SamActorEditor *editor);
/* Empties the entry row titled @title in @root and types @text into it. */
void            sam_test_actor_editor_type_into     (gpointer    root,
                                                     const char *title,
                                                     const char *text);
/* The error messages the editor shows now, one a line. */
char           *sam_test_actor_editor_dup_errors    (SamActorEditor *editor);
/* Whether the keyboard focus is in @widget. */
gboolean        sam_test_actor_editor_has_focus_in  (SamActorEditor *editor,
                                                     gpointer        widget);
/* An editor on the actor @id (NULL: a new actor), shown. */
SamActorEditor *sam_test_actor_editor_open          (SamTestActorEditor *f,
                                                     const char         *id);
/* A "saved" handler: keeps the actor saved in *@out, which must be NULL. */
void            sam_test_actor_editor_saved_cb      (SamActorEditor  *editor,
                                                     SamActor        *actor,
                                                     SamActor       **out);
/* The stored actor @id, which must load. */
SamActor       *sam_test_actor_editor_load          (SamTestActorEditor *f,
                                                     const char         *id);

G_END_DECLS
