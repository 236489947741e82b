/* sam-register-xml.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sam-ancestry.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_REGISTER_XML_NS "https://samverkan.github.io/ns/register/1"
#define SAM_REGISTER_XML_VERSION 1

/* A deleted record, carried so that a deletion travels with the file and
 * an older file does not bring the record back. */
typedef struct {
  char *entity;        /* "actor" or "path" */
  char *id;
  gint64 revision;     /* the revision the deletion made */
  GDateTime *deleted;  /* nullable */
  SamAncestry *ancestry;   /* nullable */
} SamTombstone;

void             sam_tombstone_free      (SamTombstone *tombstone);

/* The contents of one exchange file. */
typedef struct {
  SamRegisterMeta meta;
  GPtrArray *actors;   /* of SamActor */
  GPtrArray *paths;    /* of SamEscalationPath */
  /* Optional in a file (all additive to format 1): */
  char *source;        /* the installation that exported it, or NULL */
  GDateTime *exported; /* when, or NULL */
  SamVisibility audience;  /* the most restricted route it may carry */
  GPtrArray *tombstones;   /* of SamTombstone */
} SamRegisterData;

SamRegisterData *sam_register_data_new   (void);
void             sam_register_data_free  (SamRegisterData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRegisterData, sam_register_data_free)

/* Files larger than this are refused before they are read (bytes);
 * $SAMVERKAN_MAX_IMPORT_SIZE overrides it. */
#define SAM_REGISTER_XML_MAX_SIZE ((gsize) 1024 * 1024 * 1024)
gsize            sam_register_xml_get_max_size (void);

/* Parses and checks an exchange file: no DTD or entity of any kind, valid
 * against data/register.xsd, then every value (phone numbers, hours, areas,
 * references between records). Every problem found is added to @problems
 * (nullable) as "line N: what is wrong"; on any, returns NULL and sets
 * @error (SAM_ERROR_INVALID or SAM_ERROR_UNSAFE) with them all. */
SamRegisterData *sam_register_xml_parse  (const char  *data,
                                          gsize        length,
                                          const char  *filename,
                                          GPtrArray   *problems,
                                          GError     **error);

/* Reads @file and imports it into the empty @store, all or nothing. */
gboolean         sam_register_xml_import (SamStore    *store,
                                          GFile       *file,
                                          GPtrArray   *problems,
                                          GCancellable *cancellable,
                                          GError     **error);

/* Writes the whole register; the output is a function of the register's
 * contents alone, so export → import → export gives the same bytes. The
 * file is replaced atomically. It carries no source, time or deleted
 * records: sam-export-filter.h writes files for merging. */
gboolean         sam_register_xml_export (SamStore    *store,
                                          GFile       *file,
                                          GCancellable *cancellable,
                                          GError     **error);
char            *sam_register_xml_export_to_data (SamStore *store,
                                                  gsize    *length,
                                                  GError  **error);

/* Writes @data as it is (a subset, a merge's test file). */
gboolean         sam_register_xml_write_data (const SamRegisterData *data,
                                              GOutputStream         *stream,
                                              GCancellable          *cancellable,
                                              GError               **error);
/* Reads a file into memory, refusing one over the size limit with a
 * message that says so. */
gboolean         sam_register_xml_load_file (GFile         *file,
                                             char         **contents,
                                             gsize         *length,
                                             GCancellable  *cancellable,
                                             GError       **error);

G_END_DECLS
