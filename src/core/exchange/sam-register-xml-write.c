/* sam-register-xml-write.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing exchange files. Records are written in id order with a fixed
 * attribute and element order, so the bytes depend on the register alone.
 */
#define G_LOG_DOMAIN "sam-register-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "sam-atomic-file.h"
#include "sam-errors.h"
#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-store-sync.h"

typedef struct {
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
} Sink;

static int
sink_write (void *context, const char *buffer, int len)
{
  Sink *sink = context;

  if (sink->error != NULL)
    return -1;
  if (!g_output_stream_write_all (sink->stream, buffer, len, NULL, sink->cancellable, &sink->error))
    return -1;
  return len;
}

static void
ignore_error (void *user_data, xmlErrorPtr error)
{
}

static int
sink_close (void *context)
{
  return 0;
}

/* Each writer call returns < 0 on failure; W() stops at the first. */
#define W(call) do { if ((call) < 0) return FALSE; } while (0)
#define X(s) ((const xmlChar *) (s))

static gboolean
write_text (xmlTextWriterPtr w, const char *element, const SamText *text)
{
  for (guint i = 0; i < SAM_N_LANGS; i++)
    {
      const char *value = sam_text_get (text, i);

      if (value == NULL)
        continue;
      W (xmlTextWriterStartElement (w, X (element)));
      W (xmlTextWriterWriteAttribute (w, X ("xml:lang"), X (sam_lang_to_string (i))));
      W (xmlTextWriterWriteString (w, X (value)));
      W (xmlTextWriterEndElement (w));
    }
  return TRUE;
}

static gboolean
write_opt_attr (xmlTextWriterPtr w, const char *name, const char *value)
{
  if (value != NULL)
    W (xmlTextWriterWriteAttribute (w, X (name), X (value)));
  return TRUE;
}

static gboolean
write_time_attr (xmlTextWriterPtr w, const char *name, GDateTime *dt)
{
  g_autofree char *text = sam_timestamp_format (dt);
  return write_opt_attr (w, name, text);
}

static gboolean
write_int_attr (xmlTextWriterPtr w, const char *name, gint64 value)
{
  W (xmlTextWriterWriteFormatAttribute (w, X (name), "%" G_GINT64_FORMAT, value));
  return TRUE;
}

static gboolean
write_elements (xmlTextWriterPtr w, const char *element, GPtrArray *values)
{
  for (guint i = 0; i < values->len; i++)
    W (xmlTextWriterWriteElement (w, X (element), X (g_ptr_array_index (values, i))));
  return TRUE;
}

static gboolean
write_hours (xmlTextWriterPtr w, SamSchedule *hours)
{
  g_autofree char *text = hours ? sam_schedule_to_string (hours) : NULL;

  if (text != NULL)
    W (xmlTextWriterWriteElement (w, X ("hours"), X (text)));
  return TRUE;
}

static gboolean
write_route (xmlTextWriterPtr w, SamContactRoute *route)
{
  W (xmlTextWriterStartElement (w, X ("route")));
  W (xmlTextWriterWriteAttribute (w, X ("id"), X (sam_contact_route_get_id (route))));
  W (xmlTextWriterWriteAttribute (w, X ("kind"),
                                  X (sam_route_kind_to_string (sam_contact_route_get_kind (route)))));
  W (xmlTextWriterWriteAttribute (w, X ("visibility"),
                                  X (sam_visibility_to_string (sam_contact_route_get_visibility (route)))));
  if (!write_opt_attr (w, "abroad", sam_contact_route_get_abroad (route) ? "true" : NULL) ||
      !write_text (w, "label", sam_contact_route_get_label (route)))
    return FALSE;
  W (xmlTextWriterWriteElement (w, X ("value"), X (sam_contact_route_get_value (route))));
  if (!write_hours (w, sam_contact_route_get_hours (route)))
    return FALSE;
  W (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_ancestry (xmlTextWriterPtr w, const SamAncestry *ancestry)
{
  if (ancestry == NULL)
    return TRUE;
  return write_opt_attr (w, "owner", ancestry->owner) &&
         write_opt_attr (w, "history", *ancestry->history ? ancestry->history : NULL) &&
         write_opt_attr (w, "changed", *ancestry->fields ? ancestry->fields : NULL);
}

static gboolean
write_actor_attributes (xmlTextWriterPtr w, SamActor *actor)
{
  W (xmlTextWriterWriteAttribute (w, X ("id"), X (sam_actor_get_id (actor))));
  W (xmlTextWriterWriteAttribute (w, X ("kind"), X (sam_actor_kind_to_string (sam_actor_get_kind (actor)))));
  return write_opt_attr (w, "parent", sam_actor_get_parent_id (actor)) &&
         write_int_attr (w, "review-days", sam_actor_get_review_days (actor)) &&
         write_int_attr (w, "revision", sam_actor_get_revision (actor)) &&
         write_time_attr (w, "updated", sam_actor_get_updated_at (actor)) &&
         write_opt_attr (w, "updated-by", sam_actor_get_updated_by (actor)) &&
         write_ancestry (w, _sam_record_get_ancestry (actor));
}

/* Not contact data: it travels to every audience. */
static gboolean
write_source (xmlTextWriterPtr w, SamActor *actor)
{
  if (sam_actor_get_source (actor) == NULL)
    return TRUE;
  W (xmlTextWriterStartElement (w, X ("source")));
  if (!write_opt_attr (w, "read", sam_actor_get_source_read (actor)))
    return FALSE;
  W (xmlTextWriterWriteString (w, X (sam_actor_get_source (actor))));
  W (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_actor (xmlTextWriterPtr w, SamActor *actor)
{
  GPtrArray *areas = sam_actor_get_areas (actor);
  GPtrArray *routes = sam_actor_get_routes (actor);

  W (xmlTextWriterStartElement (w, X ("actor")));
  if (!write_actor_attributes (w, actor) ||
      !write_text (w, "name", sam_actor_get_name (actor)) ||
      !write_text (w, "description", sam_actor_get_description (actor)))
    return FALSE;
  W (xmlTextWriterStartElement (w, X ("areas")));
  for (guint i = 0; i < areas->len; i++)
    {
      W (xmlTextWriterStartElement (w, X ("area")));
      W (xmlTextWriterWriteAttribute (w, X ("code"), X (g_ptr_array_index (areas, i))));
      W (xmlTextWriterEndElement (w));
    }
  W (xmlTextWriterEndElement (w));
  if (!write_elements (w, "target-group", sam_actor_get_target_groups (actor)) ||
      !write_elements (w, "language", sam_actor_get_languages (actor)) ||
      !write_elements (w, "tag", sam_actor_get_tags (actor)) ||
      !write_hours (w, sam_actor_get_hours (actor)))
    return FALSE;
  if (sam_actor_get_verified_at (actor) != NULL)
    {
      W (xmlTextWriterStartElement (w, X ("verified")));
      if (!write_time_attr (w, "at", sam_actor_get_verified_at (actor)) ||
          !write_opt_attr (w, "by", sam_actor_get_verified_by (actor) ? sam_actor_get_verified_by (actor) : "?"))
        return FALSE;
      W (xmlTextWriterEndElement (w));
    }
  if (!write_source (w, actor))
    return FALSE;
  for (guint i = 0; i < routes->len; i++)
    if (!write_route (w, g_ptr_array_index (routes, i)))
      return FALSE;
  W (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_role (xmlTextWriterPtr w, const SamStepRole *role)
{
  if (role == NULL)
    return TRUE;
  W (xmlTextWriterStartElement (w, X ("role")));
  W (xmlTextWriterWriteAttribute (w, X ("kind"), X (sam_actor_kind_to_string (role->kind))));
  if (!write_opt_attr (w, "tag", role->tag) ||
      !write_opt_attr (w, "route", role->has_route_kind ? sam_route_kind_to_string (role->route_kind) : NULL))
    return FALSE;
  W (xmlTextWriterWriteAttribute (w, X ("scope"), X (sam_role_scope_to_string (role->scope))));
  W (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_step (xmlTextWriterPtr w, SamEscalationStep *step)
{
  SamUrgency urgency = sam_escalation_step_get_urgency (step);
  GPtrArray *answers = sam_escalation_step_get_answers (step);
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);

  W (xmlTextWriterStartElement (w, X ("step")));
  W (xmlTextWriterWriteAttribute (w, X ("id"), X (sam_escalation_step_get_id (step))));
  W (xmlTextWriterWriteAttribute (w, X ("kind"),
                                  X (sam_step_kind_to_string (sam_escalation_step_get_kind (step)))));
  if (!write_opt_attr (w, "actor", sam_escalation_step_get_actor_id (step)) ||
      !write_opt_attr (w, "route", sam_escalation_step_get_route_id (step)) ||
      !write_opt_attr (w, "urgency", urgency ? sam_urgency_to_string (urgency) : NULL) ||
      !write_opt_attr (w, "next", sam_escalation_step_get_next (step)) ||
      !write_text (w, "text", sam_escalation_step_get_text (step)) ||
      !write_text (w, "legal-ref", sam_escalation_step_get_legal_ref (step)))
    return FALSE;
  if (!write_role (w, sam_escalation_step_get_role (step)))
    return FALSE;
  for (guint i = 0; i < answers->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (answers, i);

      W (xmlTextWriterStartElement (w, X ("answer")));
      if (!write_opt_attr (w, "next", a->next) || !write_opt_attr (w, "path", a->path) ||
          !write_text (w, "label", &a->label))
        return FALSE;
      W (xmlTextWriterEndElement (w));
    }
  for (guint i = 0; i < fallbacks->len; i++)
    {
      SamStepFallback *f = g_ptr_array_index (fallbacks, i);

      W (xmlTextWriterStartElement (w, X ("fallback")));
      if (!write_opt_attr (w, "actor", f->actor_id) || !write_opt_attr (w, "route", f->route_id))
        return FALSE;
      W (xmlTextWriterEndElement (w));
    }
  W (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_path (xmlTextWriterPtr w, SamEscalationPath *path)
{
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  W (xmlTextWriterStartElement (w, X ("path")));
  W (xmlTextWriterWriteAttribute (w, X ("id"), X (sam_escalation_path_get_id (path))));
  W (xmlTextWriterWriteAttribute (w, X ("situation"),
                                  X (sam_situation_to_string (sam_escalation_path_get_situation (path)))));
  if (!write_opt_attr (w, "area", sam_escalation_path_get_area (path)) ||
      !write_opt_attr (w, "start", sam_escalation_path_get_start (path)) ||
      !write_int_attr (w, "revision", sam_escalation_path_get_revision (path)) ||
      !write_time_attr (w, "updated", sam_escalation_path_get_updated_at (path)) ||
      !write_opt_attr (w, "updated-by", sam_escalation_path_get_updated_by (path)) ||
      !write_ancestry (w, _sam_record_get_ancestry (path)) ||
      !write_text (w, "title", sam_escalation_path_get_title (path)) ||
      !write_text (w, "summary", sam_escalation_path_get_summary (path)))
    return FALSE;
  for (guint i = 0; i < steps->len; i++)
    if (!write_step (w, g_ptr_array_index (steps, i)))
      return FALSE;
  W (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_meta (xmlTextWriterPtr w, const SamRegisterMeta *meta)
{
  g_autofree char *published = sam_timestamp_format (meta->published);

  W (xmlTextWriterStartElement (w, X ("meta")));
  W (xmlTextWriterWriteAttribute (w, X ("id"), X (meta->id ? meta->id : "register")));
  if (sam_text_get (&meta->name, SAM_LANG_SV) == NULL && sam_text_get (&meta->name, SAM_LANG_EN) == NULL)
    {
      W (xmlTextWriterStartElement (w, X ("name")));
      W (xmlTextWriterWriteAttribute (w, X ("xml:lang"), X ("sv")));
      W (xmlTextWriterWriteString (w, X ("Samverkan")));
      W (xmlTextWriterEndElement (w));
    }
  else if (!write_text (w, "name", &meta->name))
    return FALSE;
  if (meta->owner)
    W (xmlTextWriterWriteElement (w, X ("owner"), X (meta->owner)));
  if (meta->version > 0)
    W (xmlTextWriterWriteFormatElement (w, X ("register-version"), "%" G_GINT64_FORMAT, meta->version));
  if (published)
    W (xmlTextWriterWriteElement (w, X ("published"), X (published)));
  W (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_tombstones (xmlTextWriterPtr w, GPtrArray *tombstones)
{
  if (tombstones == NULL || tombstones->len == 0)
    return TRUE;
  W (xmlTextWriterStartElement (w, X ("tombstones")));
  for (guint i = 0; i < tombstones->len; i++)
    {
      SamTombstone *t = g_ptr_array_index (tombstones, i);

      W (xmlTextWriterStartElement (w, X ("tombstone")));
      W (xmlTextWriterWriteAttribute (w, X ("entity"), X (t->entity)));
      W (xmlTextWriterWriteAttribute (w, X ("id"), X (t->id)));
      if (!write_int_attr (w, "revision", MAX (t->revision, 1)) ||
          !write_time_attr (w, "deleted", t->deleted) ||
          !write_ancestry (w, t->ancestry))
        return FALSE;
      W (xmlTextWriterEndElement (w));
    }
  W (xmlTextWriterEndElement (w));
  return TRUE;
}

static gboolean
write_register (xmlTextWriterPtr w, const SamRegisterData *data)
{
  const SamRegisterMeta *meta = &data->meta;
  GPtrArray *actors = data->actors;
  GPtrArray *paths = data->paths;

  W (xmlTextWriterSetIndent (w, 1));
  W (xmlTextWriterSetIndentString (w, X ("  ")));
  W (xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL));
  W (xmlTextWriterStartElementNS (w, NULL, X ("register"), X (SAM_REGISTER_XML_NS)));
  W (xmlTextWriterWriteFormatAttribute (w, X ("version"), "%d", SAM_REGISTER_XML_VERSION));
  if (!write_opt_attr (w, "source", data->source) ||
      !write_time_attr (w, "exported", data->exported) ||
      !write_opt_attr (w, "audience", data->audience != SAM_VISIBILITY_INTERNAL
                                      ? sam_visibility_to_string (data->audience) : NULL))
    return FALSE;
  if (!write_meta (w, meta))
    return FALSE;
  W (xmlTextWriterStartElement (w, X ("actors")));
  for (guint i = 0; i < actors->len; i++)
    if (!write_actor (w, g_ptr_array_index (actors, i)))
      return FALSE;
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, X ("paths")));
  for (guint i = 0; i < paths->len; i++)
    if (!write_path (w, g_ptr_array_index (paths, i)))
      return FALSE;
  W (xmlTextWriterEndElement (w));
  if (!write_tombstones (w, data->tombstones))
    return FALSE;
  W (xmlTextWriterEndDocument (w));
  return TRUE;
}

static gboolean
write_data (const SamRegisterData *data, GOutputStream *stream, GCancellable *cancellable,
            GError **error)
{
  Sink sink = { stream, cancellable, NULL };
  xmlOutputBufferPtr out;
  xmlTextWriterPtr w;
  gboolean ok;

  /* a write that failed is told in @error, not by libxml2 on stderr */
  xmlSetStructuredErrorFunc (NULL, ignore_error);
  out = xmlOutputBufferCreateIO (sink_write, sink_close, &sink, NULL);
  w = xmlNewTextWriter (out);
  ok = write_register (w, data);
  xmlFreeTextWriter (w);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (!ok)
    g_set_error (error, SAM_ERROR, SAM_ERROR_DATABASE, _("The register could not be written as XML."));
  return ok;
}

gboolean
sam_register_xml_write_data (const SamRegisterData *data,
                             GOutputStream         *stream,
                             GCancellable          *cancellable,
                             GError               **error)
{
  g_return_val_if_fail (data != NULL, FALSE);
  return write_data (data, stream, cancellable, error);
}

static gboolean
export_to_stream (SamStore *store, GOutputStream *stream, GCancellable *cancellable,
                  GError **error)
{
  g_autoptr(SamRegisterData) data = sam_register_data_new ();
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  gboolean ok;

  /* One read transaction, so the file is one consistent snapshot */
  if (!_sam_store_begin_read (store, error))
    return FALSE;
  ok = sam_store_get_meta (store, &data->meta, error) &&
       (actors = _sam_store_list_all_actors (store, error)) != NULL &&
       (paths = sam_store_list_paths (store, error)) != NULL;
  if (ok)
    {
      g_ptr_array_extend_and_steal (data->actors, g_steal_pointer (&actors));
      g_ptr_array_extend_and_steal (data->paths, g_steal_pointer (&paths));
      ok = sam_merge_attach_ancestry (store, data, NULL, NULL, error);
    }
  _sam_store_end_read (store);
  if (!ok)
    return FALSE;
  return write_data (data, stream, cancellable, error);
}

gboolean
sam_register_xml_export (SamStore      *store,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(SamAtomicFile) out = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  /* beside the target and renamed: a failure leaves the old file */
  out = sam_atomic_file_new_for_file (file, error);
  return out != NULL &&
         export_to_stream (store, sam_atomic_file_get_stream (out), cancellable, error) &&
         sam_atomic_file_commit (out, cancellable, error);
}

char *
sam_register_xml_export_to_data (SamStore *store, gsize *length, GError **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (!export_to_stream (store, stream, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;
  if (length)
    *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}
