/* sam-export-private.h — what the writers of sam-export-format.h share.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-actor.h"

G_BEGIN_DECLS

/* Each writer appends @actors, already limited to their audience, to @out. */
void        _sam_export_vcard_write     (GPtrArray    *actors,
                                         SamLang       lang,
                                         GString      *out);
void        _sam_export_csv_write       (GPtrArray    *actors,
                                         SamLang       lang,
                                         GString      *out);
void        _sam_export_hsds_write      (GPtrArray    *actors,
                                         SamLang       lang,
                                         GString      *out);

/* Words of the file's language, whatever language the program runs in. */
/* Opening hours: "mån–fre 08:00–16:30", "dygnet runt", "stängt". */
const char *_sam_export_route_kind_word (SamRouteKind  kind,
                                         SamLang       lang);
/* "Opening hours" / "Öppettider" */
const char *_sam_export_hours_word      (SamLang       lang);

/* A stable name-based UUID (version 5) for the record @id of @what
 * ("actor", "service", "route" …): the same register gives the same
 * identifiers in every export. */
char       *_sam_export_uuid            (const char   *what,
                                         const char   *id);
/* "Storgatan 1, 901 84 Umeå": street, postcode and town, when the text
 * reads as a Swedish address; FALSE, the outputs untouched, when not. */
gboolean    _sam_export_split_address   (const char   *text,
                                         char        **street,
                                         char        **postcode,
                                         char        **town);
/* The actor's name in @lang, else the other language, else its id. */
const char *_sam_export_actor_name      (SamActor     *actor,
                                         SamLang       lang);

G_END_DECLS
