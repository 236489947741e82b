/* sam-register-xml-input-private.h — the bytes the exchange-file reader
 * is given, looked at before libxml2 sees them (sam-register-xml-input.c).
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sam-register-xml-private.h"

G_BEGIN_DECLS

typedef enum { IN_TEXT, IN_LEAD, IN_START_TAG, IN_SKIP } TagMode;

typedef struct {
  TagMode mode;
  char lead[10];          /* "<" and what follows, until it tells what it is */
  guint lead_len;
  const char *until;      /* IN_SKIP: what ends it */
  guint matched;
  char quote;
  guint attributes;
  guint namespaces;
  char word[6];           /* the start of the current attribute name */
  guint word_len;
  guint64 tag_start;      /* where the markup being read began (its '<') */
  int tag_line;           /* its line; 0 until its chunk is counted */
} Tags;

/* What libxml2 reads the file through: the bytes of @in, each looked at
 * once on the way (the prolog's DOCTYPE, runs of text, lines). */
typedef struct {
  GInputStream *in;
  GByteArray *prolog;     /* read, held back until it is known to be safe */
  gsize prolog_sent;
  int doctype_line;       /* > 0: the file declares a DOCTYPE there */
  guint64 offset;         /* of the first byte of the chunk being looked at */
  int line;               /* of that byte */
  gsize run;              /* bytes since the last '<' */
  guint64 run_start;      /* where the run began */
  int run_line;           /* its line; 0 until its chunk is counted */
  gboolean long_text;     /* the run is too long */
  int long_text_line;     /* > 0: a run of text too long starts there */
  GError *error;
  gboolean at_end;        /* the prolog holds the whole file */
  guint64 total;          /* bytes read, counted against @max */
  guint64 max;
  gboolean too_large;
  Tags tags;              /* attributes per element, counted on the way */
} Source;

/* Reads until the prolog tells whether there is a DOCTYPE: FALSE on an
 * error of reading. */
gboolean _sam_xml_source_fill_prolog  (Source     *src);
/* What the file is when it is no XML at all (empty, two byte order
 * marks, zero bytes), told from the prolog: FALSE when reported. */
gboolean _sam_xml_source_sniff        (Source     *src,
                                       Report     *r);
/* The reader's input callbacks (xmlReaderForIO), @context the Source */
int      _sam_xml_source_read_cb      (void       *context,
                                       char       *buffer,
                                       int         length);
int      _sam_xml_source_close_cb     (void       *context);
/* Whether the source stopped the reading itself (not libxml2) */
gboolean _sam_xml_source_stopped      (const Source *src);
/* Why the source stopped the reading, as a problem in @r */
void     _sam_xml_source_report_stop  (Report     *r,
                                       Source     *src);
void     _sam_xml_refuse_doctype      (Report     *r,
                                       int         line);

G_END_DECLS
