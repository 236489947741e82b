/* sam-register-xml.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_REGISTER_XML_NS "https://samverkan.github.io/ns/register/1"
#define SAM_REGISTER_XML_VERSION 1

/* The contents of one exchange file. */
typedef struct {
  SamRegisterMeta meta;
  GPtrArray *actors;   /* of SamActor */
  GPtrArray *paths;    /* of SamEscalationPath */
} SamRegisterData;

SamRegisterData *sam_register_data_new   (void);
void             sam_register_data_free  (SamRegisterData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRegisterData, sam_register_data_free)

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
 * file is replaced atomically. */
gboolean         sam_register_xml_export (SamStore    *store,
                                          GFile       *file,
                                          GCancellable *cancellable,
                                          GError     **error);
char            *sam_register_xml_export_to_data (SamStore *store,
                                                  gsize    *length,
                                                  GError  **error);

G_END_DECLS
