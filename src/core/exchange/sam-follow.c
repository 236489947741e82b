/* sam-follow.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-follow"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-follow.h"
#include "sam-merge-private.h"
#include "sam-register-xml.h"

static char *
absolute (const char *file)
{
  g_autoptr(GFile) f = g_file_new_for_commandline_arg (file);
  char *path = g_file_get_path (f);

  return path ? path : g_file_get_uri (f);
}

gboolean
sam_follow_add (SamStore *store, const char *file, GError **error)
{
  g_autofree char *path = absolute (file);

  return _sam_store_follow_add (store, path, error);
}

gboolean
sam_follow_remove (SamStore *store, const char *file, GError **error)
{
  g_autofree char *path = absolute (file);
  g_autoptr(GPtrArray) list = sam_follow_list (store, error);
  gboolean found = FALSE;

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    found |= g_str_equal (((SamFollowed *) g_ptr_array_index (list, i))->file, path);
  if (!found)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND,
                         _("This register does not follow %s."), path), FALSE);
  return _sam_store_follow_delete (store, path, error);
}

GPtrArray *
sam_follow_list (SamStore *store, GError **error)
{
  return _sam_store_follow_list (store, error);
}

static gboolean
is_sqlite (const char *file)
{
  g_autoptr(GFile) f = g_file_new_for_commandline_arg (file);
  g_autoptr(GFileInputStream) in = g_file_read (f, NULL, NULL);
  char header[16] = { 0 };
  gsize got = 0;

  return in != NULL &&
         g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got, NULL, NULL) &&
         got == sizeof header && memcmp (header, "SQLite format 3", 16) == 0;
}

/* What a follower may take from a publication: what professionals may see,
 * whatever audience the publication was made for. */
static SamRegisterData *
read_publication (const char *file, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFile) f = g_file_new_for_commandline_arg (file);
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (f);
  SamRegisterData *data;
  gsize length;

  /* before anything opens it: a pipe would block the open */
  if (!sam_register_xml_check_input (f, error))
    return NULL;
  if (is_sqlite (file))
    {
      g_autoptr(SamStore) published = sam_store_open_read_only (file, error);
      SamExportFilter filter;

      if (published == NULL)
        return NULL;
      sam_export_filter_init (&filter);
      filter.audience = SAM_FOLLOW_AUDIENCE;
      return sam_export_collect (published, &filter, error);
    }
  if (!sam_register_xml_load_file (f, &contents, &length, cancellable, error))
    return NULL;
  data = sam_register_xml_parse (contents, length, name, NULL, error);
  if (data != NULL)
    sam_audience_limit_data (data, SAM_FOLLOW_AUDIENCE);
  return data;
}

SamMergePlan *
sam_follow_plan (SamStore *store, const char *file, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFile) f = g_file_new_for_commandline_arg (file);
  g_autofree char *name = g_file_get_parse_name (f);
  SamRegisterData *data = read_publication (file, cancellable, error);
  SamMergePlan *plan;

  if (data == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return (sam_register_data_free (data), NULL);
  plan = _sam_merge_plan_new_full (store, data, is_sqlite (file) ? file : name, TRUE, error);
  if (plan == NULL)
    sam_register_data_free (data);
  return plan;
}

SamMergePlan *
sam_follow_sync (SamStore *store, const char *file, GCancellable *cancellable, GError **error)
{
  g_autoptr(SamMergePlan) plan = sam_follow_plan (store, file, cancellable, error);
  g_autofree char *path = absolute (file);
  const SamRegisterData *data;

  if (plan == NULL)
    return NULL;
  /* what the followed register owns is taken by the plan itself; what it
   * says of records others own are proposals, left for a person */
  _sam_merge_plan_leave_conflicts (plan);
  if (!sam_merge_plan_apply (plan, TRUE, error))
    return NULL;
  data = sam_merge_plan_get_data (plan);
  {
    g_autoptr(GPtrArray) list = sam_follow_list (store, error);

    if (list == NULL)
      return NULL;
    for (guint i = 0; i < list->len; i++)
      {
        SamFollowed *followed = g_ptr_array_index (list, i);

        if (g_str_equal (followed->file, path) &&
            g_strcmp0 (followed->source, sam_merge_plan_get_source (plan)) == 0 &&
            g_strcmp0 (followed->owner, data->meta.owner) == 0)
          return g_steal_pointer (&plan);
      }
  }
  if (!_sam_store_follow_set_source (store, path, sam_merge_plan_get_source (plan),
                                     data->meta.owner, error))
    return NULL;
  return g_steal_pointer (&plan);
}
