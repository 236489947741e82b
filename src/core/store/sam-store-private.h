/* sam-store-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files that make up SamStore; nothing outside src/core
 * includes it.
 */
#pragma once

#include <sqlite3.h>

#include "sam-errors.h"
#include "sam-store.h"
#include "sam-model-private.h"
#include "sam-store-sync.h"

G_BEGIN_DECLS

/* Here, not in sam-store.c, because opening (sam-store-open.c) fills it in. */
struct _SamStore
{
  GObject parent_instance;

  char *path;
  char *user;
  sqlite3 *db;
  gboolean read_only;
  gboolean in_memory;
  int upgraded_from;        /* the format a migration on open started from, or -1 */
  int sound;                /* quick_check: -1 not run yet, 0 failed, 1 passed */
  GHashTable *statements;   /* SQL text (static) → sqlite3_stmt */
  GHashTable *by_address;   /* the same by the text's address, looked up first */
  GHashTable *schedules;    /* hours text → SamSchedule */
  gint64 data_version;      /* PRAGMA data_version when last looked at */
  gboolean one_thread;      /* opened with _SAM_STORE_OPEN_ONE_THREAD */
};

/* A connection only ever used by one thread at a time (an import's
 * writer): SQLite then takes no lock on every call. */
#define _SAM_STORE_OPEN_ONE_THREAD ((SamStoreOpenFlags) (1 << 8))

sqlite3      *_sam_store_get_db          (SamStore      *self);
/* A prepared statement cached for the life of the store, reset and with
 * its bindings cleared; NULL with @error set on failure. */
sqlite3_stmt *_sam_store_prepare         (SamStore      *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      _sam_store_exec            (SamStore      *self,
                                          const char    *sql,
                                          GError       **error);
void          _sam_store_set_error       (SamStore      *self,
                                          GError       **error);
/* The SAM_ERROR code for an SQLite result code (primary or extended). */
SamError      _sam_error_code_for_sqlite (int            code);
/* Creates @path, which must not exist, with mode 0600 whatever the umask
 * (and not through a symbolic link). */
gboolean      _sam_create_private_file   (const char    *path,
                                          GError       **error);
/* Makes the next sam_store_check_sound() look again (after a restore). */
void          _sam_store_forget_soundness (SamStore     *self);
/* sam-backups.c: removes what a killed copy left in the copies' folder;
 * a sentence naming the newest copy that passes its check, to restore. */
void          _sam_backups_remove_leftovers   (SamStore *self);
char         *_sam_backups_describe_last_good (SamStore *self);
/* Steps a statement that returns no rows; FALSE with @error set on failure. */
gboolean      _sam_store_step_done       (SamStore      *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gboolean      _sam_store_log_change      (SamStore      *self,
                                          const char    *entity,
                                          const char    *entity_id,
                                          const char    *op,
                                          gint64         revision,
                                          const char    *before,
                                          const char    *after,
                                          GError       **error);
/* sam-store-deleted.c: -1 no such record, 0 live, 1 deleted, 2 deleted
 * and purged; whether deleting (or restoring) it makes sense. */
int           _sam_store_get_deleted_state    (SamStore    *self,
                                               const char  *entity,
                                               const char  *id);
gboolean      _sam_store_check_deleted_change (SamStore    *self,
                                               const char  *entity,
                                               const char  *id,
                                               const char  *name,
                                               gboolean     deleting,
                                               GError     **error);
gboolean      _sam_store_write_meta      (SamStore              *self,
                                          const SamRegisterMeta *meta,
                                          GError               **error);

/* Binds text, or NULL for an empty string. */
void          _sam_bind_text             (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
/* The same without a copy, for the row writes a large import runs a
 * million times: @text must live until the statement has been stepped
 * (the cached statement is reset before its next use). */
void          _sam_bind_static           (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
char         *_sam_column_dup            (sqlite3_stmt  *stmt,
                                          int            column);
/* The first column of the one row @sql returns, or -1 on failure. */
gint64        _sam_store_count           (SamStore      *self,
                                          const char    *sql);
/* Parses a schedule kept by the store, sharing equal ones. */
SamSchedule  *_sam_store_parse_hours     (SamStore      *self,
                                          const char    *text);

/* What a row of search results shows (SamQuery.rows_only), read by the
 * search's own statements from the actor table "a"; the page loads the
 * rest. */
#define _SAM_ACTOR_ROW_COLUMNS "a.id, a.kind, a.name_sv, a.name_en, a.hours, a.revision"
SamActor     *_sam_store_actor_row_from_columns (SamStore     *self,
                                                 sqlite3_stmt *stmt,
                                                 int           first);
/* Adds their areas and the first number a user may call to @actors. */
gboolean      _sam_store_complete_actor_rows    (SamStore     *self,
                                                 GPtrArray    *actors,
                                                 GError      **error);

/* sam-query-match.c: the words of a search and the FTS5 expressions of its
 * tiers, for sam-query.c. */

/* One word of the query and what it may match. */
typedef struct {
  char *word;        /* folded; two words for a synonym of two */
  char *literal;     /* the word as typed, a prefix, or a synonym */
  char *synonyms;    /* the synonyms alone, or NULL */
  GPtrArray *forms;  /* FTS5 alternatives, the literal first */
  GPtrArray *compounds; /* the compounds it ends, for names and keywords only */
  GPtrArray *facets; /* kinds and target groups it names */
  guint literal_in;  /* SamSearchColumns the literal may match in */
  guint forms_in;    /* … and all its forms */
} SamQueryWord;

typedef enum {
  SAM_QUERY_COLUMNS_NAME,
  SAM_QUERY_COLUMNS_KEYWORDS,
  SAM_QUERY_COLUMNS_ALL,
} SamQueryColumns;

typedef enum {
  SAM_QUERY_FORMS_ALL,
  SAM_QUERY_FORMS_LITERAL,
  SAM_QUERY_FORMS_SYNONYMS,   /* a word's synonyms, or the word as typed */
  SAM_QUERY_FORMS_KIND,       /* a word's kinds and groups, or the word as typed */
} SamQueryForms;

/* The words of @text that carry meaning, SamQueryWord each; all of them
 * when none does. */
GPtrArray    *_sam_query_analyse         (SamStore        *store,
                                          const char      *text);
gboolean      _sam_query_is_number       (const char      *word);
/* FALSE when some word of @words (those in @subset, a bit mask, when not
 * 0) cannot match in @columns: the tier need not run. */
gboolean      _sam_query_tier_may_match  (GPtrArray       *words,
                                          SamQueryColumns  columns,
                                          SamQueryForms    forms,
                                          guint            subset);
/* Every word of @words (those in @subset when not 0), ANDed. */
char         *_sam_query_build_tier      (GPtrArray       *words,
                                          SamQueryColumns  columns,
                                          SamQueryForms    forms,
                                          guint            subset);

G_END_DECLS

G_BEGIN_DECLS
G_END_DECLS
