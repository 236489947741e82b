/* sam-register-xml-private.h — what the exchange-file reader's parts share.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "sam-register-xml.h"

G_BEGIN_DECLS

/* The problems found in a file, each a translated sentence with its line. */
typedef struct {
  GPtrArray *problems;
  gboolean unsafe;
  int said;        /* plain sentences already given (collect_error) */
  gboolean broken; /* not well-formed, or not valid against the schema */
  gboolean malformed;  /* not well-formed: what the schema says adds nothing */
  GPtrArray *invalid;  /* what the schema says, added at the end unless malformed */
  GArray *invalid_lines;  /* of int, each of @invalid's */
  GArray *lines;       /* of int, the line of each problem, 0 for none */
  gboolean too_many;   /* SAM_XML_MAX_PROBLEMS reached: reading stops */
  gboolean actors_in_file;  /* every actor a step names must be in the file
                             * (an import into an empty register) */
  /* Format 1 closed every actor on holidays that had no PH rule; format 2
   * reads hours as OpenStreetMap does. Set from the root element. */
  gboolean closed_on_holidays;
  /* While a file is streamed: each text of opening hours read so far and
   * its schedule, shared by every route that has it (a large register
   * repeats a few dozen texts); NULL when none are kept. */
  GHashTable *hours;
} Report;

/* Problems listed at most; a file with more is read no further (one
 * unknown attribute on each of 100,000 elements would otherwise cost a
 * sentence each, in memory). */
#define SAM_XML_MAX_PROBLEMS 1000

void _sam_xml_report                     (Report          *r,
                                          int              line,
                                          const char      *format,
                                          ...) G_GNUC_PRINTF (3, 4);
/* @problem, the whole sentence with its line already in it, owned by @r */
void _sam_xml_report_take                (Report          *r,
                                          int              line,
                                          char            *problem);
/* Puts the problems from index @from on in the order of their lines, and
 * frees what @r kept for that; every reader of a file calls it once. */
void _sam_xml_report_finish              (Report          *r,
                                          guint            from);
/* What the schema cannot check (sam-register-xml-check.c): ids unique
 * across the file, each actor as it is read (_actor), then at the end
 * parents present, no actor inside itself, where steps lead (_finish). */
typedef struct _SamXmlCheck SamXmlCheck;
SamXmlCheck *_sam_xml_check_new          (void);
void _sam_xml_check_free                 (SamXmlCheck     *check);
void _sam_xml_check_actor                (SamXmlCheck     *check,
                                          SamActor        *actor,
                                          int              line,
                                          Report          *r);
void _sam_xml_check_finish               (SamXmlCheck     *check,
                                          SamRegisterData *data,
                                          Report          *r);

/* Each step and fallback of @data's paths that names an actor neither in
 * @data (@file_actors: the ids of its actors, or NULL to look in
 * data->actors) nor live in @store (nullable) is a problem with its line. */
void _sam_xml_check_named_actors         (const SamRegisterData *data,
                                          GHashTable      *file_actors,
                                          SamStore        *store,
                                          Report          *r);

/* Reads an exchange file as a stream (sam-register-xml-stream.c): @data
 * gets all but the actors; each actor goes to @func as soon as it is
 * read, checked, and only while the file has shown no problem at all
 * (the caller owns it then). @func returns FALSE to stop reading. Returns
 * FALSE when a problem was reported or @func stopped. */
typedef gboolean (*SamXmlActorFunc) (SamActor *actor,
                                     int       line,
                                     gpointer  user_data);
/* Sets libxml2 up and parses the schema, once: call it before reading on
 * a second thread. */
void     _sam_register_xml_prepare       (void);
gboolean _sam_register_xml_read_stream   (GInputStream    *in,
                                          const char      *filename,
                                          Report          *r,
                                          SamRegisterData *data,
                                          SamXmlActorFunc  func,
                                          gpointer         user_data);
gboolean _sam_register_xml_read          (const char      *contents,
                                          gsize            length,
                                          const char      *filename,
                                          Report          *r,
                                          SamRegisterData *data,
                                          SamXmlActorFunc  func,
                                          gpointer         user_data);

/* One record from its element (sam-register-xml-read.c); every value that
 * is wrong is reported with its line. */
SamActor          *_sam_xml_read_actor      (xmlNodePtr       node,
                                             Report          *r);
SamEscalationPath *_sam_xml_read_path       (xmlNodePtr       node,
                                             Report          *r);
void               _sam_xml_read_meta       (SamRegisterData *data,
                                             xmlNodePtr       node,
                                             Report          *r);
void               _sam_xml_read_tombstones (SamRegisterData *data,
                                             xmlNodePtr       node,
                                             Report          *r);
gboolean           _sam_xml_read_root       (SamRegisterData *data,
                                             xmlNodePtr       root,
                                             Report          *r);
/* "line 12: …" with the message in @error's words, for all of @r's problems. */
void               _sam_xml_set_problems_error (GError     **error,
                                                const char  *filename,
                                                Report      *r);

G_END_DECLS
