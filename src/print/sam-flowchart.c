/* sam-flowchart.c — an escalation path as a layered flowchart.
 *
 * The layout is Sugiyama's: the steps go in layers by the longest way from
 * the start (a labelled branch is two layers long, its label a node of its
 * own in between, so labels are placed like boxes and never overlap
 * anything); edges longer than one layer get a dummy node per layer
 * crossed; barycenter sweeps order the layers for few crossings; each
 * layer's x positions are the least-squares fit to its neighbours' under
 * the spacing and width constraints; the edges run straight down through
 * their own columns and turn on tracks between the layers, so they never
 * cross a box. Boxes get narrower (and the text smaller) until the chart
 * fits the width it is given.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-flowchart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "sam-flowchart.h"

/* The few words the chart draws itself. A printed sheet can be in another
 * language than the user interface (one prints the English sheet for a
 * colleague from a Swedish desktop), so they follow the chart's language,
 * not gettext's, and are here for both languages. */
static const char *const urgency_words[SAM_N_URGENCIES][SAM_N_LANGS] = {
  [SAM_URGENCY_NONE]        = { NULL,          NULL },
  [SAM_URGENCY_IMMEDIATE]   = { "Genast",      "At once" },
  [SAM_URGENCY_SAME_DAY]    = { "I dag",       "Today" },
  [SAM_URGENCY_WITHIN_WEEK] = { "Denna vecka", "This week" },
};
static const char *const back_words[SAM_N_LANGS] = { "Tillbaka till", "Back to" };

typedef enum {
  NODE_STEP,      /* boxes first: steps, then the terminals */
  NODE_HANDOVER,
  NODE_BACK,
  NODE_LABEL,     /* then the branch labels and the edges' dummies */
  NODE_DUMMY,
} NodeKind;

typedef struct {
  NodeKind kind;
  SamStepKind step_kind;
  char *id;                 /* what get_box() names */
  char *text;
  char *actor;              /* action: the actor's name */
  char *legal;
  SamUrgency urgency;
  int layer;
  int order;                /* place in its layer */
  GArray *in, *out;         /* guint link indices */
  gboolean reachable;
  /* laid out, in layout units before the final scale */
  double cap;               /* widest the box may be */
  double soft_min;          /* narrowest without breaking a word */
  double x, y, w, h;        /* top left, size */
  PangoLayout *text_layout, *actor_layout, *legal_layout, *pill_layout, *mark_layout;
  double text_x, text_y, actor_x, actor_y, legal_x, legal_y;
  double pill_x, pill_y, pill_w, pill_h;
} Node;

/* An arrow from one box to another, as the path has it. */
typedef struct {
  guint from, to;
  char *label;              /* NULL: no label */
  int label_node;           /* -1 */
  int label_index;          /* -1 */
  GArray *chain;            /* guint nodes from → (label) → dummies → to */
  GArray *points;           /* double x, y pairs */
  GArray *scaled;           /* the same, scaled */
} Edge;

/* A piece of an edge between two neighbouring layers. */
typedef struct {
  guint from, to;
  guint edge;
  double x_from, x_to;      /* ports */
  int track;                /* -1: straight down */
} Link;

struct _SamFlowchart
{
  GObject parent_instance;

  SamEscalationPath *path;
  SamLang lang;
  PangoFontDescription *font;
  double fg[4], accent[4];
  char *current;

  GArray *nodes;            /* Node */
  GArray *edges;            /* Edge */
  GArray *links;            /* Link */
  GPtrArray *layers;        /* GArray of guint nodes, in order */
  guint n_boxes;
  GArray *labels;           /* guint nodes, in label order */

  gboolean laid_out;
  double lh;                /* the body text's line height: the unit of every distance */
  double margin;
  double font_factor;       /* the text's size as laid out, of the font's */
  double scale;             /* all of it, when even that was too wide */
  double width, height;     /* before the scale */
  GArray *layer_y, *layer_h;
};

G_DEFINE_FINAL_TYPE (SamFlowchart, sam_flowchart, G_TYPE_OBJECT)

#define NODE(self, i) (&g_array_index ((self)->nodes, Node, (i)))
#define LINK(self, i) (&g_array_index ((self)->links, Link, (i)))
#define EDGE(self, i) (&g_array_index ((self)->edges, Edge, (i)))

static const double question_rgb[3] = { 0.11, 0.44, 0.85 };
static const double handover_rgb[3] = { 0.51, 0.24, 0.61 };
static const double urgency_rgb[SAM_N_URGENCIES][3] = {
  [SAM_URGENCY_NONE]        = { 0.37, 0.36, 0.39 },
  [SAM_URGENCY_IMMEDIATE]   = { 0.75, 0.11, 0.16 },
  [SAM_URGENCY_SAME_DAY]    = { 0.71, 0.30, 0.00 },
  [SAM_URGENCY_WITHIN_WEEK] = { 0.37, 0.36, 0.39 },
};

static void
clear_layouts (Node *n)
{
  g_clear_object (&n->text_layout);
  g_clear_object (&n->actor_layout);
  g_clear_object (&n->legal_layout);
  g_clear_object (&n->pill_layout);
  g_clear_object (&n->mark_layout);
}

static void
node_clear (gpointer data)
{
  Node *n = data;

  g_free (n->id);
  g_free (n->text);
  g_free (n->actor);
  g_free (n->legal);
  g_array_unref (n->in);
  g_array_unref (n->out);
  clear_layouts (n);
}

static void
edge_clear (gpointer data)
{
  Edge *e = data;

  g_free (e->label);
  g_array_unref (e->chain);
  g_array_unref (e->points);
  g_array_unref (e->scaled);
}

static void
sam_flowchart_finalize (GObject *object)
{
  SamFlowchart *self = SAM_FLOWCHART (object);

  g_clear_object (&self->path);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self->current);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_array_unref (self->links);
  g_ptr_array_unref (self->layers);
  g_array_unref (self->labels);
  g_array_unref (self->layer_y);
  g_array_unref (self->layer_h);
  G_OBJECT_CLASS (sam_flowchart_parent_class)->finalize (object);
}

static void
sam_flowchart_class_init (SamFlowchartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_flowchart_finalize;
}

static void
sam_flowchart_init (SamFlowchart *self)
{
  static const double fg[4] = { 0.12, 0.12, 0.14, 1.0 };
  static const double accent[4] = { 0.21, 0.52, 0.89, 1.0 };

  self->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (Edge));
  g_array_set_clear_func (self->edges, edge_clear);
  self->links = g_array_new (FALSE, TRUE, sizeof (Link));
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->labels = g_array_new (FALSE, FALSE, sizeof (guint));
  self->layer_y = g_array_new (FALSE, TRUE, sizeof (double));
  self->layer_h = g_array_new (FALSE, TRUE, sizeof (double));
  self->font = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (self->font, 9 * PANGO_SCALE);
  memcpy (self->fg, fg, sizeof fg);
  memcpy (self->accent, accent, sizeof accent);
  self->scale = 1;
}

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

/* The step nodes (one per step, in order), the hand-over terminals and the
 * edges between them. */
static void
build_graph (SamFlowchart *self, SamStore *store)
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
static void
break_cycles (SamFlowchart *self)
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
static void
assign_layers (SamFlowchart *self)
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
  g_assert (tail == n);   /* break_cycles() left a DAG */

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
static void
make_chains (SamFlowchart *self)
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
static void
initial_order (SamFlowchart *self)
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

static void
reduce_crossings (SamFlowchart *self)
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

SamFlowchart *
sam_flowchart_new (SamEscalationPath *path,
                   SamStore          *store,
                   SamLang            lang)
{
  SamFlowchart *self;

  g_return_val_if_fail (SAM_IS_ESCALATION_PATH (path), NULL);
  g_return_val_if_fail (store == NULL || SAM_IS_STORE (store), NULL);

  self = g_object_new (SAM_TYPE_FLOWCHART, NULL);
  self->path = g_object_ref (path);
  self->lang = lang < SAM_N_LANGS ? lang : SAM_LANG_SV;
  build_graph (self, store);
  break_cycles (self);
  assign_layers (self);
  make_chains (self);
  initial_order (self);
  reduce_crossings (self);
  return self;
}

/* Measuring the boxes */

typedef struct {
  PangoFontDescription *body, *bold, *small, *small_bold, *legal, *mark;
  double lh;
} Fonts;

static PangoFontDescription *
font_scaled (const PangoFontDescription *base, double factor, PangoWeight weight, PangoStyle style)
{
  PangoFontDescription *desc = pango_font_description_copy (base);
  int size = pango_font_description_get_size (base);

  if (size <= 0)
    size = 9 * PANGO_SCALE;
  size = MAX (1, (int) lround (size * factor));
  if (pango_font_description_get_size_is_absolute (base))
    pango_font_description_set_absolute_size (desc, size);
  else
    pango_font_description_set_size (desc, size);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
  return desc;
}

static void
fonts_clear (Fonts *f)
{
  g_clear_pointer (&f->body, pango_font_description_free);
  g_clear_pointer (&f->bold, pango_font_description_free);
  g_clear_pointer (&f->small, pango_font_description_free);
  g_clear_pointer (&f->small_bold, pango_font_description_free);
  g_clear_pointer (&f->legal, pango_font_description_free);
  g_clear_pointer (&f->mark, pango_font_description_free);
}

static PangoLayout *
make_layout (PangoContext *context, const PangoFontDescription *font, const char *text, double width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, MAX (1, pango_units_from_double (width)));
  return layout;
}

static void
layout_size (PangoLayout *layout, double *w, double *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *w = pango_units_to_double (logical.width);
  *h = pango_units_to_double (logical.height);
}

/* How far right of where it is drawn a layout's text starts (centred
 * lines within the layout's width). */
static double
layout_left (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.x);
}

static void
fonts_init (Fonts *f, const PangoFontDescription *base, double factor, PangoContext *context)
{
  g_autoptr(PangoLayout) probe = NULL;
  double w;

  f->body = font_scaled (base, factor, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  f->bold = font_scaled (base, factor, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  f->small = font_scaled (base, factor * 0.88, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  f->small_bold = font_scaled (base, factor * 0.86, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  f->legal = font_scaled (base, factor * 0.86, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  f->mark = font_scaled (base, factor * 1.05, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  probe = make_layout (context, f->body, "Åg", -1);
  layout_size (probe, &w, &f->lh);
  if (f->lh <= 0)
    f->lh = 10;
}

/* The widest word of @text. */
static double
longest_word (PangoContext *context, const PangoFontDescription *font, const char *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, 1);
  layout_size (layout, &w, &h);
  return w;
}

/* Sizes @n at its cap, making its text layouts. */
static void
measure_node (SamFlowchart *self, Node *n, PangoContext *context, const Fonts *f)
{
  double lh = f->lh;
  double pad = 0.5 * lh, padx = 0.65 * lh, sp = 0.25 * lh;
  double inner, tw, th;

  clear_layouts (n);
  n->w = n->h = 0;
  switch (n->kind)
    {
    case NODE_DUMMY:
      return;

    case NODE_LABEL:
      padx = 0.4 * lh;
      pad = 0.12 * lh;
      n->soft_min = longest_word (context, f->small_bold, n->text) + 2 * padx;
      n->text_layout = make_layout (context, f->small_bold, n->text, n->cap - 2 * padx);
      pango_layout_set_alignment (n->text_layout, PANGO_ALIGN_CENTER);
      layout_size (n->text_layout, &tw, &th);
      n->w = tw + 2 * padx;
      n->h = th + 2 * pad;
      n->text_x = padx - layout_left (n->text_layout);
      n->text_y = pad;
      return;

    case NODE_HANDOVER:
    case NODE_BACK:
      pad = 0.35 * lh;
      padx = 0.9 * lh;
      n->soft_min = longest_word (context, n->kind == NODE_HANDOVER ? f->bold : f->body, n->text) + 2 * padx;
      n->text_layout = make_layout (context, n->kind == NODE_HANDOVER ? f->bold : f->body,
                                    n->text, n->cap - 2 * padx);
      pango_layout_set_alignment (n->text_layout, PANGO_ALIGN_CENTER);
      if (n->kind == NODE_BACK)
        {
          pango_layout_set_ellipsize (n->text_layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (n->text_layout, -2);
        }
      layout_size (n->text_layout, &tw, &th);
      n->w = tw + 2 * padx;
      n->h = th + 2 * pad;
      n->text_x = padx - layout_left (n->text_layout);
      n->text_y = pad;
      return;

    case NODE_STEP:
    default:
      break;
    }

  inner = n->cap - 2 * padx;
  if (n->step_kind == SAM_STEP_KIND_QUESTION)
    {
      double d = 1.35 * lh;

      padx = 0.75 * lh;
      inner = n->cap - 2 * padx;
      n->mark_layout = make_layout (context, f->mark, "?", -1);
      n->soft_min = longest_word (context, f->bold, n->text) + d + 2 * sp + 2 * padx;
      n->text_layout = make_layout (context, f->bold, n->text, inner - d - 2 * sp);
      layout_size (n->text_layout, &tw, &th);
      n->pill_x = padx;
      n->pill_w = n->pill_h = d;
      n->text_x = padx + d + 2 * sp;
      n->w = n->text_x + tw + padx;
      n->h = MAX (d, th) + 2 * pad;
      n->pill_y = (n->h - d) / 2;
      n->text_y = (n->h - th) / 2;
    }
  else
    {
      double content = 0, y = pad, aw = 0, ah = 0, rowh = 0;
      gboolean beside = FALSE;

      if (n->urgency != SAM_URGENCY_NONE)
        {
          double pw, ph;

          n->pill_layout = make_layout (context, f->small_bold, urgency_words[n->urgency][self->lang], -1);
          layout_size (n->pill_layout, &pw, &ph);
          n->pill_w = pw + 0.7 * lh;
          n->pill_h = ph + 0.15 * lh;
        }
      if (n->actor)
        {
          double width = inner;

          beside = n->pill_layout && inner - n->pill_w - 2 * sp >= 0.5 * inner;
          if (beside)
            width -= n->pill_w + 2 * sp;
          n->actor_layout = make_layout (context, f->bold, n->actor, width);
          layout_size (n->actor_layout, &aw, &ah);
        }
      if (n->actor_layout && beside)
        {
          rowh = MAX (ah, n->pill_h);
          n->actor_x = padx;
          n->actor_y = y + (rowh - ah) / 2;
          n->pill_y = y + (rowh - n->pill_h) / 2;
          content = aw + 2 * sp + n->pill_w;
          y += rowh + sp;
        }
      else
        {
          if (n->pill_layout)
            {
              n->pill_y = y;
              content = n->pill_w;
              y += n->pill_h + sp;
            }
          if (n->actor_layout)
            {
              n->actor_x = padx;
              n->actor_y = y;
              content = MAX (content, aw);
              y += ah + sp;
            }
        }
      n->soft_min = 2 * padx + MAX (longest_word (context, f->bold, n->actor),
                                    longest_word (context, n->step_kind == SAM_STEP_KIND_NOTE ? f->small : f->body,
                                                  n->text));
      n->text_layout = make_layout (context, n->step_kind == SAM_STEP_KIND_NOTE ? f->small : f->body,
                                    n->text, inner);
      layout_size (n->text_layout, &tw, &th);
      n->text_x = padx;
      n->text_y = y;
      content = MAX (content, tw);
      y += th;
      if (n->legal)
        {
          double lw, lh2;

          n->legal_layout = make_layout (context, f->legal, n->legal, inner);
          layout_size (n->legal_layout, &lw, &lh2);
          y += sp;
          n->legal_x = padx;
          n->legal_y = y;
          content = MAX (content, lw);
          y += lh2;
        }
      n->w = MAX (content + 2 * padx, MIN (n->cap, 8 * lh));
      n->h = y + pad;
      n->pill_x = n->w - padx - n->pill_w;
      if (!beside)
        n->pill_x = padx;
    }
}

/* Placing the boxes */

/* How far from a box's sides arrows may leave or enter it: clear of its
 * rounded corners. */
static double
port_inset (SamFlowchart *self, Node *n)
{
  double inset;

  if (n->kind >= NODE_LABEL)
    return n->w / 2;
  if (n->kind == NODE_HANDOVER || n->kind == NODE_BACK)
    inset = n->h / 2;
  else if (n->step_kind == SAM_STEP_KIND_QUESTION)
    inset = 1.0 * self->lh;
  else
    inset = 0.5 * self->lh;
  return MIN (n->w / 2, inset);
}

static double
node_gap (SamFlowchart *self, Node *n)
{
  switch (n->kind)
    {
    case NODE_DUMMY:
      return 0.6 * self->lh;
    case NODE_LABEL:
      return 0.8 * self->lh;
    default:
      return 1.3 * self->lh;
    }
}

/* Centre-to-centre distances of a layer's neighbours, packed. */
static double
layer_offsets (SamFlowchart *self, GArray *layer, double *offsets)
{
  double off = 0;

  for (guint k = 0; k < layer->len; k++)
    {
      Node *n = NODE (self, g_array_index (layer, guint, k));

      if (k > 0)
        {
          Node *p = NODE (self, g_array_index (layer, guint, k - 1));
          off += (p->w + n->w) / 2 + (node_gap (self, p) + node_gap (self, n)) / 2;
        }
      offsets[k] = off;
    }
  return layer->len > 0 ? off + (NODE (self, g_array_index (layer, guint, 0))->w +
                                 NODE (self, g_array_index (layer, guint, layer->len - 1))->w) / 2 : 0;
}

static double
link_weight (SamFlowchart *self, Link *link)
{
  gboolean a = NODE (self, link->from)->kind >= NODE_LABEL;
  gboolean b = NODE (self, link->to)->kind >= NODE_LABEL;
  /* the way on pulls harder than a branch that ends in a terminal box, so
   * that the way on goes straight down */
  NodeKind end = NODE (self, EDGE (self, link->edge)->to)->kind;
  double w = end == NODE_HANDOVER || end == NODE_BACK ? 0.05 : 1;

  return w * (a && b ? 8 : a || b ? 2 : 1);
}

/* Places one layer: each node as near the mean of its neighbours (above,
 * below or both) as the order, the spacing and [0, @bound] allow, in the
 * least-squares sense (pool adjacent violators on x minus the packed
 * offsets). Centres go in ->x while placing. */
static void
place_layer (SamFlowchart *self, guint l, int direction, double bound)
{
  GArray *layer = g_ptr_array_index (self->layers, l);
  guint len = layer->len;
  g_autofree double *off = g_new (double, len);
  g_autofree double *want = g_new (double, len);
  g_autofree double *weight = g_new (double, len);
  g_autofree double *bw = g_new (double, len);
  g_autofree double *bv = g_new (double, len);
  g_autofree guint *bn = g_new (guint, len);
  guint blocks = 0, k = 0;
  double lo, hi;

  if (len == 0)
    return;
  layer_offsets (self, layer, off);
  for (k = 0; k < len; k++)
    {
      Node *n = NODE (self, g_array_index (layer, guint, k));
      double sum = 0, sw = 0;

      for (int pass = 0; pass < 2; pass++)
        {
          GArray *links = pass == 0 ? n->in : n->out;

          if ((pass == 0 && direction < 0) || (pass == 1 && direction > 0))
            continue;
          for (guint j = 0; j < links->len; j++)
            {
              Link *link = LINK (self, g_array_index (links, guint, j));
              double w = link_weight (self, link);

              sum += w * NODE (self, pass == 0 ? link->from : link->to)->x;
              sw += w;
            }
        }
      want[k] = (sw > 0 ? sum / sw : n->x) - off[k];
      weight[k] = sw > 0 ? sw : 0.05;
    }
  /* pool adjacent violators */
  for (k = 0; k < len; k++)
    {
      bw[blocks] = weight[k];
      bv[blocks] = want[k];
      bn[blocks] = 1;
      blocks++;
      while (blocks > 1 && bv[blocks - 2] > bv[blocks - 1])
        {
          double w = bw[blocks - 2] + bw[blocks - 1];

          bv[blocks - 2] = (bv[blocks - 2] * bw[blocks - 2] + bv[blocks - 1] * bw[blocks - 1]) / w;
          bw[blocks - 2] = w;
          bn[blocks - 2] += bn[blocks - 1];
          blocks--;
        }
    }
  lo = NODE (self, g_array_index (layer, guint, 0))->w / 2;
  hi = bound - NODE (self, g_array_index (layer, guint, len - 1))->w / 2 - off[len - 1];
  if (hi < lo)
    hi = lo;
  k = 0;
  for (guint b = 0; b < blocks; b++)
    for (guint j = 0; j < bn[b]; j++, k++)
      NODE (self, g_array_index (layer, guint, k))->x = CLAMP (bv[b], lo, hi) + off[k];
}

/* Where the centre of @n may go without coming nearer its neighbours than
 * the spacing, or leaving [0, @bound]. */
static void
free_range (SamFlowchart *self, Node *n, double bound, double *lo, double *hi)
{
  GArray *layer = g_ptr_array_index (self->layers, n->layer);

  *lo = n->w / 2;
  *hi = bound - n->w / 2;
  if (n->order > 0)
    {
      Node *left = NODE (self, g_array_index (layer, guint, n->order - 1));
      *lo = MAX (*lo, left->x + (left->w + n->w) / 2 + (node_gap (self, left) + node_gap (self, n)) / 2);
    }
  if ((guint) n->order + 1 < layer->len)
    {
      Node *right = NODE (self, g_array_index (layer, guint, n->order + 1));
      *hi = MIN (*hi, right->x - (right->w + n->w) / 2 - (node_gap (self, right) + node_gap (self, n)) / 2);
    }
  /* what rounding may have left a hair off */
  *lo = MIN (*lo, n->x);
  *hi = MAX (*hi, n->x);
}

/* The least squares leave small jogs in long edges; this lines up each
 * run of an edge's label and dummies that can go straight down, over its
 * box above or below if it can. */
static void
straighten (SamFlowchart *self, double bound)
{
  for (guint e = 0; e < self->edges->len; e++)
    {
      Edge *edge = EDGE (self, e);
      guint last = edge->chain->len - 1;
      guint k = 1;

      while (k < last)
        {
          double lo = -G_MAXDOUBLE, hi = G_MAXDOUBLE, sum = 0, a, b, want;
          guint j = k;

          for (; j < last; j++)
            {
              free_range (self, NODE (self, g_array_index (edge->chain, guint, j)), bound, &a, &b);
              if (MAX (lo, a) > MIN (hi, b))
                break;
              lo = MAX (lo, a);
              hi = MIN (hi, b);
              sum += NODE (self, g_array_index (edge->chain, guint, j))->x;
            }
          g_assert (j > k);
          want = sum / (j - k);
          for (int end = 0; end < 2; end++)
            {
              Node *box = NODE (self, end == 0 ? edge->from : edge->to);
              double inset = port_inset (self, box);

              if ((end == 0 && k != 1) || (end == 1 && j != last))
                continue;
              a = MAX (lo, box->x - box->w / 2 + inset);
              b = MIN (hi, box->x + box->w / 2 - inset);
              if (a <= b)
                {
                  lo = a;
                  hi = b;
                }
            }
          for (; k < j; k++)
            NODE (self, g_array_index (edge->chain, guint, k))->x = CLAMP (want, lo, hi);
        }
    }
}

static void
place_x (SamFlowchart *self, double bound)
{
  guint n_layers = self->layers->len;

  /* packed and centred to start with */
  for (guint l = 0; l < n_layers; l++)
    {
      GArray *layer = g_ptr_array_index (self->layers, l);
      g_autofree double *off = g_new (double, MAX (layer->len, 1));
      double width = layer_offsets (self, layer, off);
      double left = MAX (0, (bound - width) / 2);

      for (guint k = 0; k < layer->len; k++)
        NODE (self, g_array_index (layer, guint, k))->x =
          left + NODE (self, g_array_index (layer, guint, 0))->w / 2 + off[k];
    }
  for (guint round = 0; round < 40; round++)
    {
      int direction = round < 38 ? (round % 2 == 0 ? 1 : -1) : 0;

      if (direction >= 0)
        for (guint l = 0; l < n_layers; l++)
          place_layer (self, l, direction, bound);
      else
        for (guint l = n_layers; l-- > 0;)
          place_layer (self, l, direction, bound);
    }
  straighten (self, bound);
  /* centres to left edges */
  for (guint i = 0; i < self->nodes->len; i++)
    NODE (self, i)->x -= NODE (self, i)->w / 2;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Where a box's links leave it (@out) or enter it: each straight above or
 * below the other end if it can be, in order, at least @sp apart, within
 * the box less its corners. */
static void
set_ports (SamFlowchart *self, Node *n, gboolean out, double sp)
{
  GArray *links = out ? n->out : n->in;
  guint len = links->len;
  g_autofree double *keys = g_new (double, 2 * MAX (len, 1));
  g_autofree double *x = g_new (double, MAX (len, 1));
  double inset = port_inset (self, n);
  double lo = n->x + inset, hi = n->x + n->w - inset;

  if (len == 0)
    return;
  if (n->kind >= NODE_LABEL)
    {
      for (guint j = 0; j < len; j++)
        {
          Link *link = LINK (self, g_array_index (links, guint, j));
          *(out ? &link->x_from : &link->x_to) = n->x + n->w / 2;
        }
      return;
    }
  /* in the order of the other ends (their place, then their port) */
  for (guint j = 0; j < len; j++)
    {
      Link *link = LINK (self, g_array_index (links, guint, j));
      Node *other = NODE (self, out ? link->to : link->from);

      keys[2 * j] = out ? other->x + other->w / 2 : link->x_from;
      keys[2 * j + 1] = j;
    }
  qsort (keys, len, 2 * sizeof (double), compare_double);
  if ((len - 1) * sp > hi - lo)
    sp = len > 1 ? (hi - lo) / (len - 1) : 0;
  for (guint j = 0; j < len; j++)
    x[j] = CLAMP (keys[2 * j], lo + j * sp, hi - (len - 1 - j) * sp);
  for (guint j = 1; j < len; j++)
    x[j] = MAX (x[j], x[j - 1] + sp);
  for (guint j = len - 1; j-- > 0;)
    x[j] = MIN (x[j], x[j + 1] - sp);
  for (guint j = 0; j < len; j++)
    {
      Link *link = LINK (self, g_array_index (links, guint, (guint) keys[2 * j + 1]));
      *(out ? &link->x_from : &link->x_to) = x[j];
    }
}

/* Tracks for the turns between layer @l and the next: two turns whose
 * spans overlap get different tracks, the one above chosen so that they
 * cross the fewest times. Returns how many tracks. */
static guint
assign_tracks (SamFlowchart *self, guint l)
{
  GArray *layer = g_ptr_array_index (self->layers, l);
  g_autoptr(GArray) turns = g_array_new (FALSE, FALSE, sizeof (guint));
  /* ends nearer than eps go straight, a hair aslant */
  double eps = 0.15 * self->lh, margin = 0.4 * self->lh;
  guint n, tracks = 0;
  g_autofree guint8 *above = NULL;   /* above[a * n + b]: a's track above b's */
  g_autofree int *track = NULL;
  g_autofree guint8 *state = NULL;

  for (guint k = 0; k < layer->len; k++)
    {
      Node *node = NODE (self, g_array_index (layer, guint, k));

      for (guint j = 0; j < node->out->len; j++)
        {
          guint i = g_array_index (node->out, guint, j);
          Link *link = LINK (self, i);

          link->track = -1;
          if (fabs (link->x_from - link->x_to) > eps)
            g_array_append_val (turns, i);
        }
    }
  n = turns->len;
  if (n == 0)
    return 0;
  above = g_new0 (guint8, n * n);
  track = g_new0 (int, n);
  state = g_new0 (guint8, n);
#define IN_SPAN(x, L) ((x) > MIN ((L)->x_from, (L)->x_to) + eps && (x) < MAX ((L)->x_from, (L)->x_to) - eps)
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        Link *la = LINK (self, g_array_index (turns, guint, a));
        Link *lb = LINK (self, g_array_index (turns, guint, b));
        int a_first, b_first;

        if (MAX (la->x_from, la->x_to) + margin <= MIN (lb->x_from, lb->x_to) ||
            MAX (lb->x_from, lb->x_to) + margin <= MIN (la->x_from, la->x_to))
          continue;
        a_first = IN_SPAN (lb->x_from, la) + IN_SPAN (la->x_to, lb);
        b_first = IN_SPAN (la->x_from, lb) + IN_SPAN (lb->x_to, la);
        if (a_first <= b_first)
          above[a * n + b] = 1;
        else
          above[b * n + a] = 1;
      }
#undef IN_SPAN
  /* longest path through "above", ignoring what would close a cycle:
   * repeated relaxation in an order found depth first */
  {
    g_autofree guint *order = g_new (guint, n);
    g_autofree guint *stack = g_new (guint, n);
    g_autofree guint *next = g_new0 (guint, n);
    guint done = 0;

    for (guint root = 0; root < n; root++)
      {
        guint depth = 0;

        if (state[root])
          continue;
        stack[depth++] = root;
        state[root] = 1;
        while (depth > 0)
          {
            guint u = stack[depth - 1];

            while (next[u] < n && !(above[u * n + next[u]] && state[next[u]] == 0))
              {
                if (above[u * n + next[u]] && state[next[u]] == 1)
                  above[u * n + next[u]] = 0;   /* would close a cycle */
                next[u]++;
              }
            if (next[u] < n)
              {
                guint v = next[u]++;
                state[v] = 1;
                stack[depth++] = v;
              }
            else
              {
                state[u] = 2;
                order[done++] = u;
                depth--;
              }
          }
      }
    /* order is reverse topological */
    for (guint k = n; k-- > 0;)
      {
        guint u = order[k];

        for (guint v = 0; v < n; v++)
          if (above[u * n + v])
            track[v] = MAX (track[v], track[u] + 1);
      }
  }
  for (guint a = 0; a < n; a++)
    {
      LINK (self, g_array_index (turns, guint, a))->track = track[a];
      tracks = MAX (tracks, (guint) track[a] + 1);
    }
  return tracks;
}

static void
add_point (GArray *points, double x, double y)
{
  if (points->len >= 2)
    {
      double px = g_array_index (points, double, points->len - 2);
      double py = g_array_index (points, double, points->len - 1);

      if (fabs (px - x) < 1e-6 && fabs (py - y) < 1e-6)
        return;
      /* drop the middle of three points on one line */
      if (points->len >= 4)
        {
          double qx = g_array_index (points, double, points->len - 4);
          double qy = g_array_index (points, double, points->len - 3);

          if ((fabs (qx - px) < 1e-6 && fabs (px - x) < 1e-6) ||
              (fabs (qy - py) < 1e-6 && fabs (py - y) < 1e-6))
            g_array_set_size (points, points->len - 2);
        }
    }
  g_array_append_val (points, x);
  g_array_append_val (points, y);
}

#define TRACK_TOP(self) (0.6 * (self)->lh)
#define TRACK_SPACING(self) (0.55 * (self)->lh)
#define GAP_BOTTOM(self) (1.0 * (self)->lh)        /* room for the arrowheads */
#define GAP_BOTTOM_LABELS(self) (0.4 * (self)->lh) /* above labels: no arrowheads */

/* Whether anything in layer @l is a box (that arrows end on). */
static gboolean
layer_has_boxes (SamFlowchart *self, guint l)
{
  GArray *layer = g_ptr_array_index (self->layers, l);

  for (guint k = 0; k < layer->len; k++)
    if (NODE (self, g_array_index (layer, guint, k))->kind < NODE_LABEL)
      return TRUE;
  return FALSE;
}

/* Everything after the boxes' sizes: x, ports, tracks, y, the edges' lines. */
static void
arrange (SamFlowchart *self, double bound)
{
  guint n_layers = self->layers->len;
  g_autofree guint *tracks = g_new0 (guint, MAX (n_layers, 1));
  double y, min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE;

  place_x (self, bound);
  for (guint i = 0; i < self->nodes->len; i++)
    set_ports (self, NODE (self, i), TRUE, 1.1 * self->lh);
  for (guint i = 0; i < self->nodes->len; i++)
    set_ports (self, NODE (self, i), FALSE, 1.1 * self->lh);
  for (guint l = 0; l + 1 < n_layers; l++)
    tracks[l] = assign_tracks (self, l);

  /* the layers top-aligned, with room for their turns below */
  g_array_set_size (self->layer_y, n_layers);
  g_array_set_size (self->layer_h, n_layers);
  y = self->margin;
  for (guint l = 0; l < n_layers; l++)
    {
      GArray *layer = g_ptr_array_index (self->layers, l);
      double h = 0;

      for (guint k = 0; k < layer->len; k++)
        {
          Node *n = NODE (self, g_array_index (layer, guint, k));

          n->y = y;
          h = MAX (h, n->h);
        }
      g_array_index (self->layer_y, double, l) = y;
      g_array_index (self->layer_h, double, l) = h;
      y += h;
      if (l + 1 < n_layers)
        y += TRACK_TOP (self) + MAX (tracks[l], 1) * TRACK_SPACING (self) - TRACK_SPACING (self) +
             (layer_has_boxes (self, l + 1) ? GAP_BOTTOM (self) : GAP_BOTTOM_LABELS (self));
    }
  self->height = y + self->margin;

  /* left edge at the margin */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *n = NODE (self, i);

      min_x = MIN (min_x, n->x);
      max_x = MAX (max_x, n->x + n->w);
    }
  if (self->nodes->len == 0)
    min_x = max_x = 0;
  for (guint i = 0; i < self->nodes->len; i++)
    NODE (self, i)->x += self->margin - min_x;
  for (guint i = 0; i < self->links->len; i++)
    {
      LINK (self, i)->x_from += self->margin - min_x;
      LINK (self, i)->x_to += self->margin - min_x;
    }
  self->width = max_x - min_x + 2 * self->margin;

  /* the edges' lines */
  for (guint e = 0; e < self->edges->len; e++)
    {
      Edge *edge = EDGE (self, e);
      Node *from = NODE (self, edge->from);

      g_array_set_size (edge->points, 0);
      for (guint c = 0; c + 1 < edge->chain->len; c++)
        {
          Node *a = NODE (self, g_array_index (edge->chain, guint, c));
          Link *link = NULL;
          guint l = a->layer;
          double bottom = g_array_index (self->layer_y, double, l) + g_array_index (self->layer_h, double, l);

          for (guint j = 0; j < a->out->len && !link; j++)
            if (LINK (self, g_array_index (a->out, guint, j))->edge == e)
              link = LINK (self, g_array_index (a->out, guint, j));
          g_assert (link);
          if (c == 0)
            add_point (edge->points, link->x_from, from->y + from->h);
          add_point (edge->points, link->x_from, bottom);
          if (link->track >= 0)
            {
              double ty = bottom + TRACK_TOP (self) + link->track * TRACK_SPACING (self);

              add_point (edge->points, link->x_from, ty);
              add_point (edge->points, link->x_to, ty);
            }
          add_point (edge->points, link->x_to, NODE (self, link->to)->y);
        }
    }
}

/* The narrowest @n may be made: not so narrow that words break unless
 * @break_words. */
static double
least_cap (Node *n, double lh, gboolean break_words)
{
  double least = n->kind == NODE_LABEL ? 3.5 * lh : 7 * lh;

  return break_words ? least : MAX (least, n->soft_min);
}

/* Caps start wide and get narrower in the layers too wide for @avail.
 * Returns whether everything fits. */
static gboolean
fit (SamFlowchart *self, PangoContext *context, const Fonts *f, double avail, double *widest)
{
  double lh = f->lh;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *n = NODE (self, i);

      n->cap = n->kind == NODE_LABEL ? 19 * lh : n->kind == NODE_STEP ? 25 * lh : 15 * lh;
    }
  /* words broken only when nothing else helps */
  gboolean break_words = FALSE;

  for (guint round = 0; round < 60; round++)
    {
      gboolean over = FALSE, changed = FALSE;

      *widest = 0;
      for (guint i = 0; i < self->nodes->len; i++)
        measure_node (self, NODE (self, i), context, f);
      for (guint l = 0; l < self->layers->len; l++)
        {
          GArray *layer = g_ptr_array_index (self->layers, l);
          g_autofree double *off = g_new (double, MAX (layer->len, 1));
          double width = layer_offsets (self, layer, off);

          gboolean layer_changed = FALSE;

          *widest = MAX (*widest, width);
          if (width <= avail)
            continue;
          over = TRUE;
          /* the widest first (a short label need not wrap because a box
           * beside it is wide), then all */
          for (int all = 0; all < 2 && !layer_changed; all++)
            {
              double widest_node = 0;

              for (guint k = 0; k < layer->len; k++)
                {
                  Node *n = NODE (self, g_array_index (layer, guint, k));

                  if (all || n->cap > least_cap (n, lh, break_words) + 0.01)
                    widest_node = MAX (widest_node, n->w);
                }
              for (guint k = 0; k < layer->len; k++)
                {
                  Node *n = NODE (self, g_array_index (layer, guint, k));
                  double least = least_cap (n, lh, break_words);
                  double cap = MAX (least, MIN (n->cap, n->w) * MAX (0.8, MIN (0.95, avail / width)));

                  if (n->kind == NODE_DUMMY || (!all && n->w < 0.7 * widest_node))
                    continue;
                  if (cap < n->cap - 0.01)
                    {
                      n->cap = cap;
                      layer_changed = TRUE;
                    }
                }
            }
          changed |= layer_changed;
        }
      if (!over)
        return TRUE;
      if (!changed && break_words)
        return FALSE;
      if (!changed)
        break_words = TRUE;
    }
  return FALSE;
}

void
sam_flowchart_layout (SamFlowchart *self,
                      PangoContext *context,
                      double        max_width)
{
  static const double factors[] = { 1.0, 0.92, 0.84, 0.76 };
  double widest = 0, avail = 0;
  Fonts f = { 0 };
  gboolean fits = FALSE;

  g_return_if_fail (SAM_IS_FLOWCHART (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  max_width = MAX (max_width, 1);
  for (guint k = 0; k < G_N_ELEMENTS (factors) && !fits; k++)
    {
      fonts_clear (&f);
      fonts_init (&f, self->font, factors[k], context);
      self->lh = f.lh;
      self->margin = 0.5 * f.lh;   /* room for the ring around the current step */
      avail = max_width - 2 * self->margin;
      fits = fit (self, context, &f, avail, &widest);
      self->font_factor = factors[k];
    }
  fonts_clear (&f);
  /* At the smallest text it still does not fit: all of it smaller. */
  self->scale = 1;
  if (!fits)
    {
      avail = widest;
      self->scale = max_width / (widest + 2 * self->margin);
    }
  arrange (self, avail);
  if (self->width * self->scale > max_width)   /* rounding */
    self->scale = max_width / self->width;

  for (guint e = 0; e < self->edges->len; e++)
    {
      Edge *edge = EDGE (self, e);

      g_array_set_size (edge->scaled, edge->points->len);
      for (guint k = 0; k < edge->points->len; k++)
        g_array_index (edge->scaled, double, k) = g_array_index (edge->points, double, k) * self->scale;
    }
  self->laid_out = TRUE;
}

double
sam_flowchart_get_text_scale (SamFlowchart *self)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), 1);
  g_return_val_if_fail (self->laid_out, 1);

  return self->font_factor * self->scale;
}

void
sam_flowchart_get_size (SamFlowchart *self,
                        double       *width,
                        double       *height)
{
  g_return_if_fail (SAM_IS_FLOWCHART (self));
  g_return_if_fail (self->laid_out);

  if (width)
    *width = self->width * self->scale;
  if (height)
    *height = self->height * self->scale;
}

/* Drawing */

static void
set_rgba (cairo_t *cr, const double rgb[], double alpha)
{
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

/* A kind's colour: as it is on a light background, lighter on a dark one
 * (a light foreground says which), so that lines stay visible. */
static void
set_kind (SamFlowchart *self, cairo_t *cr, const double rgb[], double alpha)
{
  double luminance = 0.2126 * self->fg[0] + 0.7152 * self->fg[1] + 0.0722 * self->fg[2];
  double mix = luminance > 0.5 ? 0.35 : 0;

  cairo_set_source_rgba (cr, rgb[0] + (1 - rgb[0]) * mix, rgb[1] + (1 - rgb[1]) * mix,
                         rgb[2] + (1 - rgb[2]) * mix, alpha);
}

static void
set_fg (SamFlowchart *self, cairo_t *cr, double alpha)
{
  cairo_set_source_rgba (cr, self->fg[0], self->fg[1], self->fg[2], self->fg[3] * alpha);
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
show_layout (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_box (SamFlowchart *self, cairo_t *cr, Node *n)
{
  double lh = self->lh, lw = 0.1 * lh;
  gboolean current = n->kind == NODE_STEP && self->current && g_strcmp0 (self->current, n->id) == 0;

  cairo_save (cr);
  cairo_translate (cr, n->x, n->y);
  cairo_set_line_width (cr, lw);
  if (current)
    {
      /* a ring around, apart from the box's own line */
      double off = 0.32 * lh;

      rounded_rect (cr, 0, 0, n->w, n->h, n->step_kind == SAM_STEP_KIND_QUESTION ? 0.9 * lh : 0.3 * lh);
      cairo_set_source_rgba (cr, self->accent[0], self->accent[1], self->accent[2], 0.22);
      cairo_fill (cr);
      rounded_rect (cr, -off, -off, n->w + 2 * off, n->h + 2 * off,
                    (n->step_kind == SAM_STEP_KIND_QUESTION ? 0.9 * lh : 0.3 * lh) + off);
      cairo_set_source_rgba (cr, self->accent[0], self->accent[1], self->accent[2], 1);
      cairo_set_line_width (cr, 2.5 * lw);
      cairo_stroke (cr);
      cairo_set_line_width (cr, lw);
    }
  switch (n->kind)
    {
    case NODE_HANDOVER:
      rounded_rect (cr, 0, 0, n->w, n->h, n->h / 2);
      set_kind (self, cr, handover_rgb, 0.13);
      cairo_fill_preserve (cr);
      set_kind (self, cr, handover_rgb, 1);
      cairo_set_line_width (cr, 1.3 * lw);
      cairo_stroke (cr);
      set_fg (self, cr, 1);
      break;

    case NODE_BACK:
      rounded_rect (cr, 0, 0, n->w, n->h, n->h / 2);
      set_fg (self, cr, 0.6);
      cairo_set_dash (cr, (double[]) { 0.45 * lh, 0.25 * lh }, 2, 0);
      cairo_stroke (cr);
      set_fg (self, cr, 0.85);
      break;

    case NODE_STEP:
    default:
      if (n->step_kind == SAM_STEP_KIND_QUESTION)
        {
          rounded_rect (cr, 0, 0, n->w, n->h, 0.9 * lh);
          set_kind (self, cr, question_rgb, 0.11);
          cairo_fill_preserve (cr);
          set_kind (self, cr, question_rgb, 1);
          cairo_set_line_width (cr, 1.4 * lw);
          cairo_stroke (cr);
          /* the "?" mark */
          cairo_arc (cr, n->pill_x + n->pill_w / 2, n->pill_y + n->pill_h / 2, n->pill_w / 2, 0, 2 * G_PI);
          set_rgba (cr, question_rgb, 1);
          cairo_fill (cr);
          if (n->mark_layout)
            {
              double mw, mh;

              layout_size (n->mark_layout, &mw, &mh);
              cairo_set_source_rgb (cr, 1, 1, 1);
              show_layout (cr, n->mark_layout, n->pill_x + (n->pill_w - mw) / 2, n->pill_y + (n->pill_h - mh) / 2);
            }
        }
      else if (n->step_kind == SAM_STEP_KIND_NOTE)
        {
          rounded_rect (cr, 0, 0, n->w, n->h, 0.3 * lh);
          set_fg (self, cr, 0.03);
          cairo_fill_preserve (cr);
          set_fg (self, cr, 0.5);
          cairo_set_dash (cr, (double[]) { 0.35 * lh, 0.22 * lh }, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          rounded_rect (cr, 0, 0, n->w, n->h, 0.3 * lh);
          set_fg (self, cr, 0.05);
          cairo_fill_preserve (cr);
          set_fg (self, cr, 0.85);
          cairo_stroke (cr);
          if (n->pill_layout)
            {
              double pw, ph;

              rounded_rect (cr, n->pill_x, n->pill_y, n->pill_w, n->pill_h, n->pill_h / 2);
              set_rgba (cr, urgency_rgb[n->urgency], 1);
              cairo_fill (cr);
              layout_size (n->pill_layout, &pw, &ph);
              cairo_set_source_rgb (cr, 1, 1, 1);
              show_layout (cr, n->pill_layout, n->pill_x + (n->pill_w - pw) / 2, n->pill_y + (n->pill_h - ph) / 2);
            }
          if (n->actor_layout)
            {
              set_fg (self, cr, 1);
              show_layout (cr, n->actor_layout, n->actor_x, n->actor_y);
            }
        }
      set_fg (self, cr, n->step_kind == SAM_STEP_KIND_NOTE ? 0.85 : 1);
      break;
    }
  if (n->text_layout)
    show_layout (cr, n->text_layout, n->text_x, n->text_y);
  if (n->legal_layout)
    {
      set_fg (self, cr, 0.7);
      show_layout (cr, n->legal_layout, n->legal_x, n->legal_y);
    }
  cairo_restore (cr);
}

/* A line through the points with rounded corners, ending in an arrowhead. */
static void
draw_edge (SamFlowchart *self, cairo_t *cr, Edge *edge)
{
  const double *p = (const double *) edge->points->data;
  guint n = edge->points->len / 2;
  double lh = self->lh, head = 0.6 * lh, half = 0.3 * lh;
  double ex, ey, dx, dy, len;

  if (n < 2)
    return;
  cairo_move_to (cr, p[0], p[1]);
  for (guint k = 1; k + 1 < n; k++)
    {
      double ax = p[2 * k - 2], ay = p[2 * k - 1], bx = p[2 * k], by = p[2 * k + 1];
      double cx = p[2 * k + 2], cy = p[2 * k + 3];
      double l1 = hypot (bx - ax, by - ay), l2 = hypot (cx - bx, cy - by);
      double r = MIN (0.45 * lh, MIN (l1, l2) / 2);

      if (l1 < 1e-6 || l2 < 1e-6)
        continue;
      cairo_line_to (cr, bx - (bx - ax) / l1 * r, by - (by - ay) / l1 * r);
      cairo_curve_to (cr, bx, by, bx, by, bx + (cx - bx) / l2 * r, by + (cy - by) / l2 * r);
    }
  ex = p[2 * n - 2];
  ey = p[2 * n - 1];
  dx = ex - p[2 * n - 4];
  dy = ey - p[2 * n - 3];
  len = hypot (dx, dy);
  if (len < 1e-6)
    return;
  dx /= len;
  dy /= len;
  cairo_line_to (cr, ex - dx * head * 0.8, ey - dy * head * 0.8);
  cairo_stroke (cr);
  cairo_move_to (cr, ex, ey);
  cairo_line_to (cr, ex - dx * head - dy * half, ey - dy * head + dx * half);
  cairo_line_to (cr, ex - dx * head + dy * half, ey - dy * head - dx * half);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
sam_flowchart_draw (SamFlowchart *self,
                    cairo_t      *cr)
{
  double lh;

  g_return_if_fail (SAM_IS_FLOWCHART (self));
  g_return_if_fail (self->laid_out);

  lh = self->lh;
  cairo_save (cr);
  cairo_scale (cr, self->scale, self->scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* the edges, with gaps where their labels go */
  cairo_save (cr);
  cairo_rectangle (cr, -lh, -lh, self->width + 2 * lh, self->height + 2 * lh);
  for (guint k = 0; k < self->labels->len; k++)
    {
      Node *n = NODE (self, g_array_index (self->labels, guint, k));
      cairo_rectangle (cr, n->x, n->y, n->w, n->h);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.11 * lh);
  set_fg (self, cr, 0.75);
  for (guint e = 0; e < self->edges->len; e++)
    draw_edge (self, cr, EDGE (self, e));
  cairo_restore (cr);

  for (guint k = 0; k < self->labels->len; k++)
    {
      Node *n = NODE (self, g_array_index (self->labels, guint, k));

      rounded_rect (cr, n->x, n->y, n->w, n->h, MIN (n->h / 2, 0.6 * lh));
      set_kind (self, cr, question_rgb, 0.16);
      cairo_fill (cr);
      set_fg (self, cr, 1);
      show_layout (cr, n->text_layout, n->x + n->text_x, n->y + n->text_y);
    }
  for (guint i = 0; i < self->n_boxes; i++)
    draw_box (self, cr, NODE (self, i));
  cairo_restore (cr);
}

/* Getters */

static void
node_rect (SamFlowchart *self, Node *n, cairo_rectangle_t *rect)
{
  rect->x = n->x * self->scale;
  rect->y = n->y * self->scale;
  rect->width = n->w * self->scale;
  rect->height = n->h * self->scale;
}

guint
sam_flowchart_get_n_boxes (SamFlowchart *self)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), 0);
  return self->n_boxes;
}

const char *
sam_flowchart_get_box (SamFlowchart      *self,
                       guint              i,
                       cairo_rectangle_t *rect)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (i < self->n_boxes, NULL);

  if (rect)
    node_rect (self, NODE (self, i), rect);
  return NODE (self, i)->id;
}

SamFlowchartBoxKind
sam_flowchart_get_box_kind (SamFlowchart *self,
                            guint         i)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), SAM_FLOWCHART_BOX_STEP);
  g_return_val_if_fail (i < self->n_boxes, SAM_FLOWCHART_BOX_STEP);

  switch (NODE (self, i)->kind)
    {
    case NODE_HANDOVER:
      return SAM_FLOWCHART_BOX_HANDOVER;
    case NODE_BACK:
      return SAM_FLOWCHART_BOX_BACK;
    default:
      return SAM_FLOWCHART_BOX_STEP;
    }
}

int
sam_flowchart_find_box (SamFlowchart *self,
                        const char   *step_id)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), -1);

  for (guint i = 0; i < self->n_boxes && step_id; i++)
    if (NODE (self, i)->kind == NODE_STEP && g_strcmp0 (NODE (self, i)->id, step_id) == 0)
      return i;
  return -1;
}

guint
sam_flowchart_get_n_labels (SamFlowchart *self)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), 0);
  return self->labels->len;
}

void
sam_flowchart_get_label (SamFlowchart      *self,
                         guint              i,
                         cairo_rectangle_t *rect)
{
  g_return_if_fail (SAM_IS_FLOWCHART (self));
  g_return_if_fail (i < self->labels->len);

  node_rect (self, NODE (self, g_array_index (self->labels, guint, i)), rect);
}

guint
sam_flowchart_get_n_edges (SamFlowchart *self)
{
  g_return_val_if_fail (SAM_IS_FLOWCHART (self), 0);
  return self->edges->len;
}

const double *
sam_flowchart_get_edge (SamFlowchart *self,
                        guint         i,
                        guint        *from_box,
                        guint        *to_box,
                        int          *label,
                        guint        *n_points)
{
  Edge *edge;

  g_return_val_if_fail (SAM_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (i < self->edges->len, NULL);

  edge = EDGE (self, i);
  if (from_box)
    *from_box = edge->from;
  if (to_box)
    *to_box = edge->to;
  if (label)
    *label = edge->label_index;
  if (n_points)
    *n_points = edge->scaled->len / 2;
  return (const double *) edge->scaled->data;
}

void
sam_flowchart_set_font (SamFlowchart               *self,
                        const PangoFontDescription *font)
{
  g_return_if_fail (SAM_IS_FLOWCHART (self));

  g_clear_pointer (&self->font, pango_font_description_free);
  if (font)
    self->font = pango_font_description_copy (font);
  else
    {
      self->font = pango_font_description_from_string ("Sans");
      pango_font_description_set_absolute_size (self->font, 9 * PANGO_SCALE);
    }
}

void
sam_flowchart_set_colors (SamFlowchart *self,
                          const double  foreground[4],
                          const double  accent[4])
{
  g_return_if_fail (SAM_IS_FLOWCHART (self));

  if (foreground)
    memcpy (self->fg, foreground, sizeof self->fg);
  if (accent)
    memcpy (self->accent, accent, sizeof self->accent);
}

void
sam_flowchart_set_current (SamFlowchart *self,
                           const char   *step_id)
{
  g_return_if_fail (SAM_IS_FLOWCHART (self));

  g_free (self->current);
  self->current = g_strdup (step_id);
}
