/* sam-flowchart-layers.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamFlowchart: the graph of an escalation path (boxes and edges), its
 * cycles broken, its layers with a node for every label and dummy, and
 * their order for few crossings.
 */
#define G_LOG_DOMAIN "sam-flowchart"

#include "config.h"

#include "sam-flowchart-private.h"
#include "sam-sheet-private.h"

/* Drawn in the chart's language, not gettext's, like the urgencies in
 * sam-flowchart-measure.c. */
static const char *const back_words[SAM_N_LANGS] = { "Tillbaka till", "Back to" };

/* Building the graph */

static guint
add_node (SamFlowchart *self, NodeKind kind, const char *id, const char *text)
{
  Node n = { 0 };

  n.kind = kind;
  n.id = g_strdup (id);
  n.text = g_strdup (text);
  n.in = g_array_new (FALSE, FALSE, sizeof (guint));
  n.out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->nodes, n);
  return self->nodes->len - 1;
}

static guint
add_edge (SamFlowchart *self, guint from, guint to, const char *label)
{
  Edge e = { 0 };

  e.from = from;
  e.to = to;
  e.label = label && *label ? g_strdup (label) : NULL;
  e.label_node = e.label_index = -1;
  e.chain = g_array_new (FALSE, FALSE, sizeof (guint));
  e.points = g_array_new (FALSE, FALSE, sizeof (double));
  e.scaled = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (self->edges, e);
  return self->edges->len - 1;
}

static const char *
text_or (const SamText *text, SamLang lang, const char *fallback)
{
  const char *s = text ? sam_text_get_best (text, lang, NULL) : NULL;

  return s && *s ? s : fallback;
}

static char *
actor_name (SamStore *store, const char *id, SamLang lang)
{
  g_autoptr(SamActor) actor = NULL;

  if (store)
    actor = sam_store_load_actor (store, id, NULL);
  return g_strdup (actor ? text_or (sam_actor_get_name (actor), lang, id) : id);
}

static char *
path_title (SamStore *store, const char *id, SamLang lang)
{
  g_autoptr(SamEscalationPath) path = NULL;

  if (store)
    path = sam_store_load_path (store, id, NULL);
  return g_strdup (path ? text_or (sam_escalation_path_get_title (path), lang, id) : id);
}

/* A step that names a role says so, in the chart's language: "Social
 * services “socialjour” of your municipality" instead of the actor that
 * stands in for it, or after an actor of another kind. */
static void
add_role (Node *n, SamStore *store, SamEscalationStep *step, SamLang lang)
{
  const SamStepRole *role = sam_escalation_step_get_role (step);
  g_autofree char *text = _sam_sheet_role_text (role, lang);
  g_autoptr(SamActor) actor = NULL;
  const char *id = sam_escalation_step_get_actor_id (step);

  if (store && id)
    actor = sam_store_load_actor (store, id, NULL);
  if (n->actor == NULL || actor == NULL || sam_actor_get_kind (actor) == role->kind)
    {
      g_free (n->actor);
      n->actor = g_steal_pointer (&text);
      return;
    }
  {
    char *both = g_strdup_printf ("%s · %s", n->actor, text);

    g_free (n->actor);
    n->actor = both;
  }
}

/* The step nodes (one per step, in order), the hand-over terminals and the
 * edges between them. */
void
_sam_flowchart_build_graph (SamFlowchart *self, SamStore *store)
{
  GPtrArray *steps = sam_escalation_path_get_steps (self->path);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      const char *id = sam_escalation_step_get_id (step);
      Node *n;

      add_node (self, NODE_STEP, id, text_or (sam_escalation_step_get_text (step), self->lang, id));
      n = NODE (self, i);
      n->step_kind = sam_escalation_step_get_kind (step);
      if (n->step_kind == SAM_STEP_KIND_ACTION)
        {
          const char *actor = sam_escalation_step_get_actor_id (step);

          n->actor = actor && *actor ? actor_name (store, actor, self->lang) : NULL;
          if (sam_escalation_step_get_role (step) != NULL)
            add_role (n, store, step, self->lang);
          n->urgency = sam_escalation_step_get_urgency (step);
          if (n->urgency >= SAM_N_URGENCIES)
            n->urgency = SAM_URGENCY_NONE;
        }
      n->legal = g_strdup (text_or (sam_escalation_step_get_legal_ref (step), self->lang, NULL));
      if (id && !g_hash_table_contains (index, id))
        g_hash_table_insert (index, (gpointer) id, GUINT_TO_POINTER (i));
    }
  self->n_boxes = steps->len;

  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      GPtrArray *answers = sam_escalation_step_get_answers (step);
      gpointer to;

      if (sam_escalation_step_get_kind (step) == SAM_STEP_KIND_QUESTION && answers->len > 0)
        for (guint a = 0; a < answers->len; a++)
          {
            SamStepAnswer *answer = g_ptr_array_index (answers, a);
            const char *label = text_or (&answer->label, self->lang, NULL);

            /* a hand-over wins, as in the walk */
            if (answer->path && *answer->path)
              {
                g_autofree char *title = path_title (store, answer->path, self->lang);
                g_autofree char *text = g_strconcat ("→ ", title, NULL);
                guint t = add_node (self, NODE_HANDOVER, answer->path, text);

                add_edge (self, i, t, label);
              }
            else if (answer->next && g_hash_table_lookup_extended (index, answer->next, NULL, &to))
              add_edge (self, i, GPOINTER_TO_UINT (to), label);
          }
      else if (sam_escalation_step_get_next (step) &&
               g_hash_table_lookup_extended (index, sam_escalation_step_get_next (step), NULL, &to))
        add_edge (self, i, GPOINTER_TO_UINT (to), NULL);
    }
  self->n_boxes = self->nodes->len;
}

/* Out-edges of every box, for the walks below. */
static GPtrArray *
out_edges (SamFlowchart *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < self->nodes->len; i++)
    g_ptr_array_add (out, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint e = 0; e < self->edges->len; e++)
    g_array_append_val (g_ptr_array_index (out, EDGE (self, e)->from), e);
  return out;
}

static int
start_node (SamFlowchart *self)
{
  const char *start = sam_escalation_path_get_start (self->path);

  for (guint i = 0; i < self->n_boxes; i++)
    if (NODE (self, i)->kind == NODE_STEP && g_strcmp0 (NODE (self, i)->id, start) == 0)
      return i;
  return self->n_boxes > 0 ? 0 : -1;
}

/* Depth first from the start, then from every step not reached yet: an
 * edge back to a step on the way there closes a cycle, and leads to a
 * small "back to" box instead, so the rest is a DAG. Marks what the start
 * reaches. */
void
_sam_flowchart_break_cycles (SamFlowchart *self)
{
  guint n = self->nodes->len;
  g_autoptr(GPtrArray) out = out_edges (self);
  g_autofree guint8 *state = g_new0 (guint8, n);   /* 0 new, 1 on the way, 2 done */
  g_autofree guint *stack = g_new (guint, n);
  g_autofree guint *next = g_new0 (guint, n);
  int start = start_node (self);

  for (guint k = 0; k <= n; k++)
    {
      guint root = k == 0 ? (guint) start : k - 1;
      guint depth = 0;

      if (start < 0 || root >= n || state[root] != 0)
        continue;
      stack[depth++] = root;
      state[root] = 1;
      while (depth > 0)
        {
          guint u = stack[depth - 1];
          GArray *edges = g_ptr_array_index (out, u);

          if (k == 0)
            NODE (self, u)->reachable = TRUE;
          if (next[u] < edges->len)
            {
              guint e = g_array_index (edges, guint, next[u]++);
              guint v = EDGE (self, e)->to;

              if (state[v] == 1)
                {
                  g_autofree char *text = g_strdup_printf ("↻ %s: %s", back_words[self->lang],
                                                           NODE (self, v)->text);
                  guint b = add_node (self, NODE_BACK, NODE (self, v)->id, text);

                  EDGE (self, e)->to = b;
                  if (k == 0)
                    NODE (self, b)->reachable = TRUE;
                }
              else if (state[v] == 0)
                {
                  state[v] = 1;
                  stack[depth++] = v;
                }
            }
          else
            {
              state[u] = 2;
              depth--;
            }
        }
    }
  self->n_boxes = self->nodes->len;
}

static guint
edge_span (SamFlowchart *self, guint e)
{
  return EDGE (self, e)->label ? 2 : 1;
}

/* Layers by the longest way from the start (a labelled branch counts
 * two). What the start does not reach goes as low as its edges let it;
 * a box without any edge goes to the bottom. */
void
_sam_flowchart_assign_layers (SamFlowchart *self)
{
  guint n = self->n_boxes;
  g_autoptr(GPtrArray) out = out_edges (self);
  g_autofree guint *indeg = g_new0 (guint, n);
  g_autofree guint *topo = g_new (guint, n);
  guint head = 0, tail = 0;
  int max_layer = 0;

  for (guint e = 0; e < self->edges->len; e++)
    indeg[EDGE (self, e)->to]++;
  for (guint i = 0; i < n; i++)
    {
      NODE (self, i)->layer = 0;
      if (indeg[i] == 0)
        topo[tail++] = i;
    }
  while (head < tail)
    {
      guint u = topo[head++];
      GArray *edges = g_ptr_array_index (out, u);

      for (guint k = 0; k < edges->len; k++)
        {
          guint e = g_array_index (edges, guint, k);
          Node *v = NODE (self, EDGE (self, e)->to);

          v->layer = MAX (v->layer, NODE (self, u)->layer + (int) edge_span (self, e));
          if (--indeg[EDGE (self, e)->to] == 0)
            topo[tail++] = EDGE (self, e)->to;
        }
    }
  g_assert (tail == n);   /* _sam_flowchart_break_cycles() left a DAG */

  for (guint i = 0; i < n; i++)
    max_layer = MAX (max_layer, NODE (self, i)->layer);
  for (guint k = n; k-- > 0;)
    {
      guint u = topo[k];
      Node *node = NODE (self, u);
      GArray *edges = g_ptr_array_index (out, u);
      int lowest = G_MAXINT;

      if (node->reachable)
        continue;
      for (guint j = 0; j < edges->len; j++)
        {
          guint e = g_array_index (edges, guint, j);
          lowest = MIN (lowest, NODE (self, EDGE (self, e)->to)->layer - (int) edge_span (self, e));
        }
      if (edges->len > 0)
        node->layer = MAX (node->layer, lowest);
      else
        {
          gboolean has_in = FALSE;

          for (guint e = 0; e < self->edges->len && !has_in; e++)
            has_in = EDGE (self, e)->to == u;
          if (!has_in)
            node->layer = max_layer + 1;
        }
    }
}

static guint
add_link (SamFlowchart *self, guint from, guint to, guint edge)
{
  Link l = { from, to, edge, 0, 0, -1 };
  guint i = self->links->len;

  g_array_append_val (self->links, l);
  g_array_append_val (NODE (self, from)->out, i);
  g_array_append_val (NODE (self, to)->in, i);
  return i;
}

/* Each edge as a chain of links between neighbouring layers: through its
 * label, then a dummy per layer it crosses. */
void
_sam_flowchart_make_chains (SamFlowchart *self)
{
  for (guint e = 0; e < self->edges->len; e++)
    {
      guint from = EDGE (self, e)->from, to = EDGE (self, e)->to;
      int layer = NODE (self, from)->layer;
      guint prev = from;

      g_array_append_val (EDGE (self, e)->chain, from);
      if (EDGE (self, e)->label)
        {
          guint l = add_node (self, NODE_LABEL, NULL, EDGE (self, e)->label);

          NODE (self, l)->layer = ++layer;
          EDGE (self, e)->label_node = l;
          EDGE (self, e)->label_index = self->labels->len;
          g_array_append_val (self->labels, l);
          add_link (self, prev, l, e);
          g_array_append_val (EDGE (self, e)->chain, l);
          prev = l;
        }
      while (layer + 1 < NODE (self, to)->layer)
        {
          guint d = add_node (self, NODE_DUMMY, NULL, NULL);

          NODE (self, d)->layer = ++layer;
          add_link (self, prev, d, e);
          g_array_append_val (EDGE (self, e)->chain, d);
          prev = d;
        }
      add_link (self, prev, to, e);
      g_array_append_val (EDGE (self, e)->chain, to);
    }
}

/* Ordering the layers */

static void
renumber (SamFlowchart *self)
{
  for (guint l = 0; l < self->layers->len; l++)
    {
      GArray *layer = g_ptr_array_index (self->layers, l);

      for (guint k = 0; k < layer->len; k++)
        NODE (self, g_array_index (layer, guint, k))->order = k;
    }
}

/* The first order: depth first from the start along the links, so that
 * branches come in the order of their answers. */
void
_sam_flowchart_initial_order (SamFlowchart *self)
{
  guint n = self->nodes->len;
  g_autofree gboolean *seen = g_new0 (gboolean, n);
  g_autofree guint *stack = g_new (guint, n);
  int max_layer = 0;
  int start = start_node (self);

  for (guint i = 0; i < n; i++)
    max_layer = MAX (max_layer, NODE (self, i)->layer);
  for (int l = 0; l <= max_layer; l++)
    g_ptr_array_add (self->layers, g_array_new (FALSE, FALSE, sizeof (guint)));

  for (guint k = 0; k <= n; k++)
    {
      guint root = k == 0 ? (guint) start : k - 1;
      guint depth = 0;

      if (start < 0 || root >= n || seen[root])
        continue;
      stack[depth++] = root;
      seen[root] = TRUE;
      while (depth > 0)
        {
          guint u = stack[--depth];
          Node *node = NODE (self, u);

          g_array_append_val (g_ptr_array_index (self->layers, node->layer), u);
          /* pushed last first, so that the first answer is visited first */
          for (guint j = node->out->len; j-- > 0;)
            {
              guint v = LINK (self, g_array_index (node->out, guint, j))->to;

              if (!seen[v])
                {
                  seen[v] = TRUE;
                  stack[depth++] = v;
                }
            }
        }
    }
  renumber (self);
}

static guint
count_crossings (SamFlowchart *self)
{
  guint crossings = 0;

  for (guint l = 0; l + 1 < self->layers->len; l++)
    {
      GArray *layer = g_ptr_array_index (self->layers, l);
      g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint k = 0; k < layer->len; k++)
        g_array_append_vals (links, NODE (self, g_array_index (layer, guint, k))->out->data,
                             NODE (self, g_array_index (layer, guint, k))->out->len);
      for (guint a = 0; a < links->len; a++)
        for (guint b = a + 1; b < links->len; b++)
          {
            Link *la = LINK (self, g_array_index (links, guint, a));
            Link *lb = LINK (self, g_array_index (links, guint, b));
            int df = NODE (self, la->from)->order - NODE (self, lb->from)->order;
            int dt = NODE (self, la->to)->order - NODE (self, lb->to)->order;

            if ((df < 0 && dt > 0) || (df > 0 && dt < 0))
              crossings++;
          }
    }
  return crossings;
}

typedef struct {
  guint node;
  double key;
  int order;
} Sortable;

static int
compare_sortable (gconstpointer a, gconstpointer b)
{
  const Sortable *sa = a, *sb = b;

  if (sa->key != sb->key)
    return sa->key < sb->key ? -1 : 1;
  return sa->order - sb->order;
}

/* Sorts a layer by the mean place of its neighbours above (@down) or
 * below. A neighbour's place is nudged by which of its links this is, so
 * that the first answer's branch goes left. */
static void
sort_layer (SamFlowchart *self, guint l, gboolean down)
{
  GArray *layer = g_ptr_array_index (self->layers, l);
  g_autofree Sortable *items = g_new (Sortable, layer->len);

  for (guint k = 0; k < layer->len; k++)
    {
      Node *node = NODE (self, g_array_index (layer, guint, k));
      GArray *links = down ? node->in : node->out;
      double sum = 0;

      for (guint j = 0; j < links->len; j++)
        {
          Link *link = LINK (self, g_array_index (links, guint, j));
          Node *other = NODE (self, down ? link->from : link->to);
          GArray *theirs = down ? other->out : other->in;
          guint rank = 0;

          while (rank < theirs->len && g_array_index (theirs, guint, rank) != g_array_index (links, guint, j))
            rank++;
          sum += other->order + (theirs->len > 1 ? 0.4 * ((double) rank / (theirs->len - 1) - 0.5) : 0);
        }
      items[k].node = g_array_index (layer, guint, k);
      items[k].key = links->len > 0 ? sum / links->len : node->order;
      items[k].order = node->order;
    }
  qsort (items, layer->len, sizeof (Sortable), compare_sortable);
  for (guint k = 0; k < layer->len; k++)
    {
      g_array_index (layer, guint, k) = items[k].node;
      NODE (self, items[k].node)->order = k;
    }
}

static void
save_orders (SamFlowchart *self, int *orders)
{
  for (guint i = 0; i < self->nodes->len; i++)
    orders[i] = NODE (self, i)->order;
}

void
_sam_flowchart_reduce_crossings (SamFlowchart *self)
{
  guint n = self->nodes->len;
  g_autofree int *best = g_new (int, n);
  guint best_crossings = count_crossings (self);

  save_orders (self, best);
  for (guint round = 0; round < 24 && best_crossings > 0; round++)
    {
      guint crossings;

      if (round % 2 == 0)
        for (guint l = 1; l < self->layers->len; l++)
          sort_layer (self, l, TRUE);
      else
        for (guint l = self->layers->len - 1; l-- > 0;)
          sort_layer (self, l, FALSE);
      crossings = count_crossings (self);
      if (crossings < best_crossings)
        {
          best_crossings = crossings;
          save_orders (self, best);
        }
    }
  /* back to the best order seen */
  for (guint l = 0; l < self->layers->len; l++)
    {
      GArray *layer = g_ptr_array_index (self->layers, l);
      g_autoptr(GArray) members = g_array_copy (layer);

      for (guint k = 0; k < members->len; k++)
        {
          guint i = g_array_index (members, guint, k);

          NODE (self, i)->order = best[i];
          g_array_index (layer, guint, best[i]) = i;
        }
    }
}
