/* sam-table-import.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A spreadsheet on its way into the register: its heading row, each
 * column's meaning (by heading, else by content), the actors its rows
 * make, their problems and the actors the register already has. Nothing
 * is written before sam_table_import_apply() (sam-table-apply.c).
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sam-areas.h"
#include "sam-errors.h"
#include "sam-table-import-private.h"
#include "sam-text.h"

/* Headings are looked for among the first rows with text. */
#define HEADING_SEARCH_ROWS 10

struct _SamTableImport
{
  GObject parent_instance;

  SamStore *store;
  char *path;
  SamTable *table;
  guint heading_index;       /* index into table->rows of the headings; G_MAXUINT: none */
  GPtrArray *headings;       /* of char *, one per column */
  GArray *fields;            /* of SamTableField, one per column */
  GPtrArray *rows;           /* of SamTableRow *, the data rows (borrowed) */
  char *area;
  SamTableOnError on_error;

  GPtrArray *actors;         /* of SamActor, new */
  GArray *actor_rows;        /* row number of each actor */
  GPtrArray *problems;
  GPtrArray *duplicates;
};

G_DEFINE_FINAL_TYPE (SamTableImport, sam_table_import, G_TYPE_OBJECT)

static SamTableRow *
row_at (SamTableImport *self, guint index)
{
  return g_ptr_array_index (self->table->rows, index);
}

/* How many different known fields a row's cells name. */
static guint
heading_score (SamTableRow *row)
{
  guint seen = 0, score = 0;

  for (guint c = 0; c < row->cells->len; c++)
    {
      SamTableField field = sam_table_field_from_heading (g_ptr_array_index (row->cells, c));

      if (field != SAM_TABLE_FIELD_IGNORE && !(seen & (1u << field)))
        {
          seen |= 1u << field;
          score++;
        }
    }
  return score;
}

static void
find_heading_row (SamTableImport *self)
{
  guint best = 0;

  self->heading_index = G_MAXUINT;
  for (guint i = 0; i < MIN (self->table->rows->len, HEADING_SEARCH_ROWS); i++)
    {
      guint score = heading_score (row_at (self, i));

      /* of two heading rows, the lower names the columns; the upper groups them */
      if (score > 0 && score >= best && (score >= 2 || self->table->n_columns <= 2))
        {
          best = score;
          self->heading_index = i;
        }
    }
}

/* The row just above the headings when it groups them ("Telefon" over
 * "Dagtid" and "Jour"): at least two different texts. */
static SamTableRow *
group_row (SamTableImport *self)
{
  SamTableRow *above, *heads;
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->heading_index == G_MAXUINT || self->heading_index == 0)
    return NULL;
  above = row_at (self, self->heading_index - 1);
  heads = row_at (self, self->heading_index);
  if (above->number + 1 != heads->number)
    return NULL;
  for (guint c = 0; c < above->cells->len; c++)
    if (*(const char *) g_ptr_array_index (above->cells, c))
      g_hash_table_add (texts, g_ptr_array_index (above->cells, c));
  return g_hash_table_size (texts) >= 2 ? above : NULL;
}

static GPtrArray *
column_values (SamTableImport *self, guint column)
{
  GPtrArray *values = g_ptr_array_new ();

  for (guint i = 0; i < self->rows->len && values->len < 200; i++)
    g_ptr_array_add (values, (gpointer) sam_table_row_get (g_ptr_array_index (self->rows, i),
                                                           column));
  return values;
}

/* A heading, and the field it or the group above it names. */
static SamTableField
read_heading (SamTableImport *self, SamTableRow *group, guint column, char **heading)
{
  const char *text = self->heading_index == G_MAXUINT ? ""
                     : sam_table_row_get (row_at (self, self->heading_index), column);
  const char *above = group ? sam_table_row_get (group, column) : "";
  SamTableField field = sam_table_field_from_heading (text);

  if (*above && *text && !g_str_equal (above, text))
    *heading = g_strdup_printf ("%s – %s", above, text);
  else if (*text || *above)
    *heading = g_strdup (*text ? text : above);
  else
    {
      g_autofree char *letter = sam_table_column_letter (column);
      /* Translators: a spreadsheet column without a heading, %s is its letter */
      *heading = g_strdup_printf (_("Column %s"), letter);
    }
  if (field == SAM_TABLE_FIELD_IGNORE && *above)
    field = sam_table_field_from_heading (above);
  return field;
}

static gboolean
has_field (SamTableImport *self, SamTableField field)
{
  for (guint c = 0; c < self->fields->len; c++)
    if (g_array_index (self->fields, SamTableField, c) == field)
      return TRUE;
  return FALSE;
}

/* Without a column called a name, the first unnamed column of text. */
static void
guess_name_column (SamTableImport *self)
{
  if (has_field (self, SAM_TABLE_FIELD_NAME))
    return;
  for (guint c = 0; c < self->fields->len; c++)
    {
      g_autoptr(GPtrArray) values = column_values (self, c);

      if (g_array_index (self->fields, SamTableField, c) == SAM_TABLE_FIELD_IGNORE &&
          sam_table_field_from_values (values) == SAM_TABLE_FIELD_IGNORE)
        {
          g_array_index (self->fields, SamTableField, c) = SAM_TABLE_FIELD_NAME;
          return;
        }
    }
}

static void
detect_columns (SamTableImport *self)
{
  SamTableRow *group;

  find_heading_row (self);
  group = group_row (self);
  for (guint i = self->heading_index == G_MAXUINT ? 0 : self->heading_index + 1;
       i < self->table->rows->len; i++)
    g_ptr_array_add (self->rows, row_at (self, i));
  for (guint c = 0; c < self->table->n_columns; c++)
    {
      char *heading = NULL;
      SamTableField field = read_heading (self, group, c, &heading);

      if (field == SAM_TABLE_FIELD_IGNORE)
        {
          g_autoptr(GPtrArray) values = column_values (self, c);
          field = sam_table_field_from_values (values);
        }
      g_ptr_array_add (self->headings, heading);
      g_array_append_val (self->fields, field);
    }
  guess_name_column (self);
}

static void
sam_table_import_finalize (GObject *object)
{
  SamTableImport *self = SAM_TABLE_IMPORT (object);

  g_clear_object (&self->store);
  g_free (self->path);
  g_free (self->area);
  g_ptr_array_unref (self->rows);
  g_clear_pointer (&self->table, sam_table_free);
  g_ptr_array_unref (self->headings);
  g_array_unref (self->fields);
  g_ptr_array_unref (self->actors);
  g_array_unref (self->actor_rows);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->duplicates);
  G_OBJECT_CLASS (sam_table_import_parent_class)->finalize (object);
}

static void
sam_table_import_class_init (SamTableImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_table_import_finalize;
}

static void
sam_table_import_init (SamTableImport *self)
{
  self->rows = g_ptr_array_new ();
  self->headings = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_array_new (FALSE, FALSE, sizeof (SamTableField));
  self->actors = g_ptr_array_new_with_free_func (g_object_unref);
  self->actor_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) _sam_table_problem_free);
  self->duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) _sam_table_duplicate_free);
}

SamTableImport *
sam_table_import_new (SamStore *store, const char *path, GError **error)
{
  g_autoptr(SamTableImport) self = NULL;
  SamTable *table;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  if ((table = sam_table_read (path, error)) == NULL)
    return NULL;
  self = g_object_new (SAM_TYPE_TABLE_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  self->table = table;
  detect_columns (self);
  if (!sam_table_import_prepare (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

SamTable *
sam_table_import_get_table (SamTableImport *self)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), NULL);
  return self->table;
}

guint
sam_table_import_get_heading_row (SamTableImport *self)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), 0);
  return self->heading_index == G_MAXUINT ? 0 : row_at (self, self->heading_index)->number;
}

guint
sam_table_import_get_n_columns (SamTableImport *self)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), 0);
  return self->fields->len;
}

const char *
sam_table_import_get_heading (SamTableImport *self, guint column)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->headings->len, NULL);
  return g_ptr_array_index (self->headings, column);
}

SamTableField
sam_table_import_get_field (SamTableImport *self, guint column)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), SAM_TABLE_FIELD_IGNORE);
  g_return_val_if_fail (column < self->fields->len, SAM_TABLE_FIELD_IGNORE);
  return g_array_index (self->fields, SamTableField, column);
}

void
sam_table_import_set_field (SamTableImport *self, guint column, SamTableField field)
{
  g_return_if_fail (SAM_IS_TABLE_IMPORT (self));
  g_return_if_fail (column < self->fields->len && field < SAM_TABLE_N_FIELDS);
  g_array_index (self->fields, SamTableField, column) = field;
}

/* A column by its heading (folded) or its letter. */
static gboolean
find_column (SamTableImport *self, const char *name, guint *column)
{
  g_autofree char *folded = sam_text_fold (name);

  for (guint c = 0; c < self->headings->len; c++)
    {
      g_autofree char *heading = sam_text_fold (g_ptr_array_index (self->headings, c));
      g_autofree char *letter = sam_table_column_letter (c);

      if (g_str_equal (heading, folded) || g_ascii_strcasecmp (letter, name) == 0)
        return (*column = c, TRUE);
    }
  return FALSE;
}

gboolean
sam_table_import_map (SamTableImport *self, const char *mapping, GError **error)
{
  const char *equals = strrchr (mapping, '=');
  g_autofree char *column_name = NULL;
  SamTableField field;
  guint column;

  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), FALSE);
  if (equals == NULL)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("--map “%s”: write COLUMN=FIELD, such as “Tfn=phone”."), mapping), FALSE);
  column_name = g_strndup (mapping, equals - mapping);
  if (!find_column (self, column_name, &column))
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("--map “%s”: the spreadsheet has no column “%s” (give its heading "
                           "or its letter)."), mapping, column_name), FALSE);
  if (!sam_table_field_from_string (equals + 1, &field))
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("--map “%s”: “%s” is not a field. Fields: id, name, name-en, kind, "
                           "area, phone, on-call, sms, email, web, address, postal-address, "
                           "hours, target-group, languages, note, ignore."),
                         mapping, equals + 1), FALSE);
  sam_table_import_set_field (self, column, field);
  return TRUE;
}

gboolean
sam_table_import_set_area (SamTableImport *self, const char *code, GError **error)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), FALSE);
  if (code && sam_area_lookup (code) == NULL)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("“%s” is not a Swedish municipality or county code."), code), FALSE);
  g_free (self->area);
  self->area = g_strdup (code);
  return TRUE;
}

void
sam_table_import_set_on_error (SamTableImport *self, SamTableOnError on_error)
{
  g_return_if_fail (SAM_IS_TABLE_IMPORT (self));
  self->on_error = on_error;
}

SamTableOnError
sam_table_import_get_on_error (SamTableImport *self)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), SAM_TABLE_ON_ERROR_SKIP);
  return self->on_error;
}

/* Keeps the choices made for rows that stay duplicates. */
static void
carry_choices (GPtrArray *before, GPtrArray *after)
{
  for (guint i = 0; i < after->len; i++)
    for (guint j = 0; j < before->len; j++)
      {
        SamTableDuplicate *a = g_ptr_array_index (after, i);
        SamTableDuplicate *b = g_ptr_array_index (before, j);

        if (a->row == b->row && g_str_equal (a->existing_id, b->existing_id))
          a->choice = b->choice;
      }
}

gboolean
sam_table_import_prepare (SamTableImport *self, GError **error)
{
  SamTableRowContext context = { 0 };
  g_autoptr(GPtrArray) duplicates = NULL;

  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), FALSE);
  if (!has_field (self, SAM_TABLE_FIELD_NAME) && !has_field (self, SAM_TABLE_FIELD_NAME_EN))
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("No column of “%s” holds the names of the actors: give its heading "
                           "with --map, such as “--map Verksamhet=name”."), self->path), FALSE);
  g_ptr_array_set_size (self->actors, 0);
  g_array_set_size (self->actor_rows, 0);
  g_ptr_array_set_size (self->problems, 0);
  context.fields = (const SamTableField *) self->fields->data;
  context.headings = (const char * const *) self->headings->pdata;
  context.n_columns = self->fields->len;
  context.area = self->area;
  context.on_error = self->on_error;
  context.problems = self->problems;
  for (guint i = 0; i < self->rows->len; i++)
    {
      SamActor *actor;

      context.row = g_ptr_array_index (self->rows, i);
      if ((actor = _sam_table_row_to_actor (&context)) == NULL)
        continue;
      g_ptr_array_add (self->actors, actor);
      g_array_append_val (self->actor_rows, context.row->number);
    }
  duplicates = _sam_table_find_duplicates (self->store, self->actors, self->actor_rows, error);
  if (duplicates == NULL)
    return FALSE;
  carry_choices (self->duplicates, duplicates);
  g_ptr_array_unref (self->duplicates);
  self->duplicates = g_steal_pointer (&duplicates);
  return TRUE;
}

GPtrArray *
sam_table_import_get_rows (SamTableImport *self)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), NULL);
  return self->rows;
}

GPtrArray *
sam_table_import_get_actors (SamTableImport *self)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), NULL);
  return self->actors;
}

GPtrArray *
sam_table_import_get_problems (SamTableImport *self)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), NULL);
  return self->problems;
}

GPtrArray *
sam_table_import_get_duplicates (SamTableImport *self)
{
  g_return_val_if_fail (SAM_IS_TABLE_IMPORT (self), NULL);
  return self->duplicates;
}

guint
sam_table_import_count_skipped (SamTableImport *self)
{
  guint skipped = self->rows->len - self->actors->len;

  for (guint i = 0; i < self->duplicates->len; i++)
    if (((SamTableDuplicate *) g_ptr_array_index (self->duplicates, i))->choice ==
        SAM_TABLE_DUPLICATE_SKIP)
      skipped++;
  return skipped;
}

SamStore *
_sam_table_import_get_store (SamTableImport *self)
{
  return self->store;
}

guint
_sam_table_import_actor_row (SamTableImport *self, guint index)
{
  return g_array_index (self->actor_rows, guint, index);
}

const char *
_sam_table_import_get_path (SamTableImport *self)
{
  return self->path;
}

void
_sam_table_import_set_store (SamTableImport *self, SamStore *store)
{
  g_set_object (&self->store, store);
}
