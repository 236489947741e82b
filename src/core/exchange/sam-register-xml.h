/* sam-register-xml.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sam-register-data.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_REGISTER_XML_NS "https://samverkan.github.io/ns/register/1"
/* 2: opening hours as OpenStreetMap means them (a holiday without a PH
 * rule is an ordinary day); a format 1 file reads as if every schedule
 * without a PH rule had "PH off".
 * 3: an actor's <source read="…">, route abroad="true", languages in their
 * order, step ids unique per path, and an action step may name a role
 * (<role kind tag route scope/>) the walk resolves for the user's
 * municipality; files of versions 1 and 2 read as before. */
#define SAM_REGISTER_XML_VERSION 4

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

/* The same, read from @file as a stream: the file never sits in memory
 * whole. Refused before reading as sam_register_xml_open_file() does. */
SamRegisterData *sam_register_xml_parse_file (GFile        *file,
                                              GPtrArray    *problems,
                                              GCancellable *cancellable,
                                              GError      **error);

/* Reads @file as a stream and imports it into the empty @store, all or
 * nothing. */
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
/* Refuses, with a message that says why, what is not a regular file: a
 * folder, a device such as /dev/zero (or a link to one), a pipe. */
gboolean         sam_register_xml_check_input (GFile   *file,
                                               GError **error);
/* Opens a file for reading, refusing what sam_register_xml_check_input()
 * refuses, or a file over the size limit, with a message that says so. */
GInputStream    *sam_register_xml_open_file (GFile         *file,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* Every actor a step or a fallback of @data's paths names is in @data or
 * (with @store) in the register; otherwise an error listing each such step
 * with its line, as for a step that leads nowhere. */
gboolean         sam_register_data_check_actors (const SamRegisterData *data,
                                                 SamStore              *store,
                                                 const char            *filename,
                                                 GError               **error);
/* Reads a file into memory, refused as sam_register_xml_open_file() does,
 * and counting the bytes against the limit as it reads. */
gboolean         sam_register_xml_load_file (GFile         *file,
                                             char         **contents,
                                             gsize         *length,
                                             GCancellable  *cancellable,
                                             GError       **error);

G_END_DECLS
