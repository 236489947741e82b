/* sam-areas.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sam-enums.h"

G_BEGIN_DECLS

typedef enum {
  SAM_AREA_COUNTRY,
  SAM_AREA_COUNTY,
  SAM_AREA_MUNICIPALITY,
} SamAreaKind;

/* Every Swedish county and municipality with its SCB code, and "SE" for the
 * whole country, shipped with the program (data/areas.tsv). */
typedef struct {
  const char *code;
  SamAreaKind kind;
  const char *county;     /* the county code of a municipality, else NULL */
  const char *name[SAM_N_LANGS];
} SamArea;

const SamArea *sam_area_lookup       (const char *code);
/* All areas: the country, the counties, the municipalities, by code. */
GPtrArray     *sam_areas_get_all     (void);
const char    *sam_area_get_name     (const SamArea *area);
/* The codes an actor may serve for it to serve @code: the area itself, its
 * county and the whole country. NULL-terminated, owned by the table. */
const char * const *sam_area_get_covering (const SamArea *area);

/* The names of the areas @codes in the UI language, joined: "Umeå,
 * Västerbottens län"; an unknown code stands as it is. */
char          *sam_areas_join_names  (GPtrArray  *codes);

G_END_DECLS
