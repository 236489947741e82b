/* sam-register-xml-private.h — what the exchange-file reader's parts share.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-register-xml.h"

G_BEGIN_DECLS

/* The problems found in a file, each a translated sentence with its line. */
typedef struct {
  GPtrArray *problems;
  gboolean unsafe;
  int said;        /* plain sentences already given (collect_error) */
} Report;

void _sam_xml_report                     (Report          *r,
                                          int              line,
                                          const char      *format,
                                          ...) G_GNUC_PRINTF (3, 4);
/* What the schema cannot check: ids unique across the file, parents and
 * where steps lead present, no actor inside itself (sam-register-xml-check.c). */
void _sam_register_xml_check_references  (SamRegisterData *data,
                                          Report          *r);

G_END_DECLS
