/* ks-powermap-tidy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ks_map_layout_tidy: the power map's automatic layout, a Reingold–Tilford-
 * like layered tree layout with per-row contours. When a tree is wider than
 * a screen and than a screen's shape, its lower levels hang from trunks
 * (indented columns), one level more at a time. Pinned nodes stay; the rest
 * is placed around them.
 */
#define G_LOG_DOMAIN "ks-powermap-layout"

#include "config.h"

#include <math.h>

#include "ks-powermap-layout.h"
#include "ks-powermap-layout-private.h"

/* Tidy layout spacing, model units (the gaps that ks_map_layout_new shares
 * are in ks-powermap-layout-private.h). */
#define TIDY_SUBTREE_GAP  40.0
#define TIDY_TREE_GAP     64.0
#define TIDY_ROW_GAP      52.0
#define TIDY_STACK_INDENT 22.0
#define TIDY_TRUNK         3.0
#define TIDY_EXTERNAL_GAP 96.0
#define TIDY_CLEARANCE    16.0
#define TIDY_STACK_MIN     4     /* leaves under one boss before they are stacked */
#define TIDY_STACK_TWO     8     /* ... and before they take two columns */
#define TIDY_SCREEN_W   1800.0   /* a map this wide fits a screen at 100 % */
#define TIDY_ASPECT        1.8   /* the shape of a screen, or a slide, beside a legend */
#define DEFAULT_CARD_W   180.0
#define DEFAULT_CARD_H    74.0

typedef struct
{
  double l, r;
} Extent;

typedef struct
{
  int      parent;
  int      first_child, next_sibling;
  int      n_children;
  int      height;       /* levels of subordinates below */
  int      row;
  double   rel;          /* centre relative to the parent's centre */
  double   x;            /* absolute centre */
  double   w, h;
  double   px, py;       /* where the node is now, if placed */
  gboolean has_pos;
  gboolean fixed;        /* pinned and placed */
  gboolean external;
} TNode;

typedef struct
{
  TNode *t;
  guint  n;
  int    compact;        /* 0: leaves stack from TIDY_STACK_MIN; 1: from two;
                            n ≥ 2: subtrees up to n levels hang from a trunk */
} Tidy;

static gboolean
is_ancestor (const Tidy *tidy,
             int         ancestor,
             int         node)
{
  for (int v = node; v >= 0; v = tidy->t[v].parent)
    if (v == ancestor)
      return TRUE;
  return FALSE;
}

/* Do @v's subordinates stand in a column under a trunk rather than side by side? */
static gboolean
hangs (const Tidy *tidy,
       int         v)
{
  const TNode *t = &tidy->t[v];

  if (t->height == 1)
    return t->n_children >= (tidy->compact == 0 ? TIDY_STACK_MIN : 2);
  return t->height >= 2 && t->height <= tidy->compact && t->n_children >= 2;
}

static void
contour_set (GArray *contour,
             guint   k,
             double  l,
             double  r)
{
  Extent *e;

  while (contour->len <= k)
    {
      Extent empty = { G_MAXDOUBLE, -G_MAXDOUBLE };
      g_array_append_val (contour, empty);
    }
  e = &g_array_index (contour, Extent, k);
  e->l = MIN (e->l, l);
  e->r = MAX (e->r, r);
}

/* Lays out the subtree under @v; returns its contour (row k below v: the
 * leftmost and rightmost extent, relative to v's centre). */
static GArray *
tidy_subtree (Tidy *tidy,
              int   v)
{
  TNode *t = tidy->t;
  GArray *contour = g_array_new (FALSE, FALSE, sizeof (Extent));
  int n = t[v].n_children;

  contour_set (contour, 0, -t[v].w / 2, t[v].w / 2);
  if (n == 0)
    return contour;

  if (hangs (tidy, v) && t[v].height == 1)
    {
      /* Leaves: one column right of the trunk, or two on either side. */
      gboolean two = n >= TIDY_STACK_TWO;
      int j = 0;

      for (int c = t[v].first_child; c >= 0; c = t[c].next_sibling, j++)
        {
          gboolean on_left = two && j % 2 == 0;
          guint k = 1 + (two ? j / 2 : j);

          t[c].row = t[v].row + (int) k;
          if (on_left)
            {
              t[c].rel = -(TIDY_STACK_INDENT + t[c].w / 2);
              contour_set (contour, k, -(TIDY_STACK_INDENT + t[c].w), TIDY_TRUNK);
            }
          else
            {
              t[c].rel = TIDY_STACK_INDENT + t[c].w / 2;
              contour_set (contour, k, -TIDY_TRUNK, TIDY_STACK_INDENT + t[c].w);
            }
        }
      return contour;
    }

  if (hangs (tidy, v))
    {
      /* Whole subtrees, one below the other, right of the trunk. */
      guint k = 1;

      for (int c = t[v].first_child; c >= 0; c = t[c].next_sibling)
        {
          GArray *sub;
          double left = G_MAXDOUBLE;

          t[c].row = t[v].row + (int) k;
          sub = tidy_subtree (tidy, c);
          for (guint j = 0; j < sub->len; j++)
            left = MIN (left, g_array_index (sub, Extent, j).l);
          t[c].rel = TIDY_STACK_INDENT - left;
          for (guint j = 0; j < sub->len; j++)
            contour_set (contour, k + j, -TIDY_TRUNK, g_array_index (sub, Extent, j).r + t[c].rel);
          k += sub->len;
          g_array_unref (sub);
        }
      return contour;
    }

  {
    GArray *acc = NULL;
    double first = 0, last = 0, mid;

    for (int c = t[v].first_child; c >= 0; c = t[c].next_sibling)
      {
        GArray *sub;
        double pos = 0;

        t[c].row = t[v].row + 1;
        sub = tidy_subtree (tidy, c);
        if (!acc)
          {
            acc = sub;
            first = 0;
            t[c].rel = 0;
            continue;
          }
        for (guint k = 0; k < MIN (acc->len, sub->len); k++)
          {
            double gap = k == 0 ? TIDY_SIBLING_GAP : TIDY_SUBTREE_GAP;
            pos = MAX (pos, g_array_index (acc, Extent, k).r - g_array_index (sub, Extent, k).l + gap);
          }
        for (guint k = 0; k < sub->len; k++)
          {
            const Extent *e = &g_array_index (sub, Extent, k);

            if (k < acc->len)
              g_array_index (acc, Extent, k).r = e->r + pos;
            else
              {
                Extent moved = { e->l + pos, e->r + pos };
                g_array_append_val (acc, moved);
              }
          }
        g_array_unref (sub);
        t[c].rel = pos;
        last = pos;
      }

    /* Centre the boss over its first and last subordinate. */
    mid = (first + last) / 2;
    for (int c = t[v].first_child; c >= 0; c = t[c].next_sibling)
      t[c].rel -= mid;
    for (guint k = 0; k < acc->len; k++)
      {
        const Extent *e = &g_array_index (acc, Extent, k);
        contour_set (contour, k + 1, e->l - mid, e->r - mid);
      }
    g_array_unref (acc);
  }
  return contour;
}

/* Gives the subtree under @v absolute centres, starting with @x for v, and
 * moves its rows down by @row_base. */
static void
tidy_absolute (Tidy  *tidy,
               int    v,
               double x,
               int    row_base)
{
  /* Iterative: a chain of 500 bosses must not exhaust the stack. */
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (int));

  tidy->t[v].x = x;
  tidy->t[v].row += row_base;
  g_array_append_val (stack, v);
  while (stack->len)
    {
      int u = g_array_index (stack, int, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      for (int c = tidy->t[u].first_child; c >= 0; c = tidy->t[c].next_sibling)
        {
          tidy->t[c].x = tidy->t[u].x + tidy->t[c].rel;
          tidy->t[c].row += row_base;
          g_array_append_val (stack, c);
        }
    }
  g_array_unref (stack);
}

/* The order the user gave nodes on the canvas: cards side by side (they
 * share most of their height) from left to right, otherwise top to bottom;
 * nodes without a position last. Re-running tidy keeps the order. */
static int
compare_canvas_order (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const TNode *t = user_data;
  int ia = *(const int *) a, ib = *(const int *) b;
  const TNode *p = &t[ia], *q = &t[ib];

  if (p->has_pos != q->has_pos)
    return p->has_pos ? -1 : 1;
  if (p->has_pos)
    {
      double top = MAX (p->py - p->h / 2, q->py - q->h / 2);
      double bottom = MIN (p->py + p->h / 2, q->py + q->h / 2);

      if (bottom - top > 0.5 * MIN (p->h, q->h))
        {
          if (p->px != q->px)
            return p->px < q->px ? -1 : 1;
        }
      else if (p->py - p->h / 2 != q->py - q->h / 2)
        return p->py - p->h / 2 < q->py - q->h / 2 ? -1 : 1;
    }
  return ia - ib;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  if (!values->len)
    return 0;
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

typedef struct
{
  int    index;
  double x, y;           /* ideal centre */
} Placement;

static int
compare_placement (gconstpointer a,
                   gconstpointer b)
{
  const Placement *p = a, *q = b;

  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return p->index - q->index;
}

typedef struct
{
  int     root;
  GArray *contour;
  double  pos;           /* root's centre within its band */
} Tree;

/* Right of @sub merged after @acc (contours relative to their first root). */
static double
contour_merge (GArray *acc,
               GArray *sub,
               double  gap)
{
  double pos = -G_MAXDOUBLE;

  for (guint k = 0; k < MIN (acc->len, sub->len); k++)
    pos = MAX (pos, g_array_index (acc, Extent, k).r - g_array_index (sub, Extent, k).l + gap);
  if (pos == -G_MAXDOUBLE)
    pos = 0;
  for (guint k = 0; k < sub->len; k++)
    {
      const Extent *e = &g_array_index (sub, Extent, k);

      if (k < acc->len)
        {
          Extent *x = &g_array_index (acc, Extent, k);
          x->l = MIN (x->l, e->l + pos);
          x->r = MAX (x->r, e->r + pos);
        }
      else
        {
          Extent moved = { e->l + pos, e->r + pos };
          g_array_append_val (acc, moved);
        }
    }
  return pos;
}

static void
contour_span (GArray *contour,
              double *l,
              double *r)
{
  *l = G_MAXDOUBLE;
  *r = -G_MAXDOUBLE;
  for (guint k = 0; k < contour->len; k++)
    {
      *l = MIN (*l, g_array_index (contour, Extent, k).l);
      *r = MAX (*r, g_array_index (contour, Extent, k).r);
    }
}

/* Trees stand side by side in bands; a band is closed when it would grow
 * wider than @wrap, and the next one starts one empty row below. Returns the
 * widest band and sets *n_rows to the rows used. */
static double
tidy_forest (Tidy   *tidy,
             Tree   *trees,
             guint   n_trees,
             double  wrap,
             int    *n_rows)
{
  double widest = 0;
  int row_base = 0;
  guint first = 0;

  while (first < n_trees)
    {
      GArray *acc = g_array_copy (trees[first].contour);
      guint end = first + 1;
      double l, r;
      int depth;

      trees[first].pos = 0;
      while (end < n_trees)
        {
          g_autoptr(GArray) trial = g_array_copy (acc);
          double pos = contour_merge (trial, trees[end].contour, TIDY_TREE_GAP);

          contour_span (trial, &l, &r);
          if (r - l > wrap)
            break;
          trees[end].pos = pos;
          g_array_unref (acc);
          acc = g_steal_pointer (&trial);
          end++;
        }
      contour_span (acc, &l, &r);
      depth = (int) acc->len;
      for (guint i = first; i < end; i++)
        tidy_absolute (tidy, trees[i].root, trees[i].pos - l, row_base);
      widest = MAX (widest, r - l);
      row_base += depth + 1;
      g_array_unref (acc);
      first = end;
    }
  *n_rows = MAX (row_base - 1, 0);
  return widest;
}

static int
compare_deeper (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const int *depth = user_data;
  int ia = *(const int *) a, ib = *(const int *) b;

  if (depth[ia] != depth[ib])
    return depth[ib] - depth[ia];
  return ia - ib;
}

/* Lays out every tree and wraps them into bands; returns the width, and the
 * rows and height used. */
static double
tidy_lay_forest (Tidy   *tidy,
                 GArray *roots,
                 int    *n_rows,
                 double *height)
{
  TNode *t = tidy->t;
  g_autoptr(GArray) trees = g_array_new (FALSE, TRUE, sizeof (Tree));
  g_autofree double *row_h = NULL;
  double area = 0, widest = 0, width, l, r;

  for (guint k = 0; k < roots->len; k++)
    {
      Tree tree = { g_array_index (roots, int, k), NULL, 0 };

      t[tree.root].row = 0;
      tree.contour = tidy_subtree (tidy, tree.root);
      contour_span (tree.contour, &l, &r);
      widest = MAX (widest, r - l);
      area += (r - l) * tree.contour->len * (DEFAULT_CARD_H + TIDY_ROW_GAP);
      g_array_append_val (trees, tree);
    }
  /* Several trees wrap into bands, so the map keeps a page-like shape. */
  width = tidy_forest (tidy, (Tree *) trees->data, trees->len,
                       MAX (MAX (widest, TIDY_SCREEN_W), 1.1 * sqrt (area * TIDY_ASPECT)), n_rows);
  for (guint k = 0; k < trees->len; k++)
    g_array_unref (g_array_index (trees, Tree, k).contour);

  row_h = g_new0 (double, *n_rows + 1);
  for (guint i = 0; i < tidy->n; i++)
    if (!t[i].external && (t[i].parent >= 0 || t[i].n_children > 0))
      row_h[t[i].row] = MAX (row_h[t[i].row], t[i].h);
  *height = 0;
  for (int k = 0; k < *n_rows; k++)
    *height += row_h[k] + (k ? TIDY_ROW_GAP : 0);
  return width;
}

void
ks_map_layout_tidy (KsMapNode         *nodes,
                    guint              n_nodes,
                    const KsMapLine   *lines,
                    guint              n_lines,
                    const KsMapLayout *measured)
{
  Tidy tidy = { NULL, n_nodes };
  TNode *t;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) loose = NULL;
  g_autoptr(GArray) externals = NULL;
  g_autoptr(GArray) roots = NULL;
  g_autoptr(GArray) row_h = NULL;
  g_autoptr(GArray) dx = NULL;
  g_autoptr(GArray) dy = NULL;
  g_autofree double *ideal_y = NULL;
  g_autofree double *row_top = NULL;
  g_autofree Placement *order = NULL;
  g_autofree KsMapRect *placed = NULL;
  double forest_right = 0, forest_bottom = 0, shift_x, shift_y;
  int n_rows = 0;
  guint n_order = 0, n_placed = 0;

  g_return_if_fail (nodes != NULL || n_nodes == 0);
  g_return_if_fail (lines != NULL || n_lines == 0);
  if (n_nodes == 0)
    return;

  t = tidy.t = g_new0 (TNode, n_nodes);
  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_nodes; i++)
    {
      int m = measured ? ks_map_layout_find_node (measured, nodes[i].id) : -1;

      t[i].parent = t[i].first_child = t[i].next_sibling = -1;
      t[i].w = m >= 0 ? measured->cards[m].rect.width : DEFAULT_CARD_W;
      t[i].h = m >= 0 ? measured->cards[m].rect.height : DEFAULT_CARD_H;
      t[i].fixed = nodes[i].pinned && nodes[i].placed;
      t[i].external = nodes[i].kind != KS_NODE_CONTACT;
      t[i].has_pos = nodes[i].placed;
      t[i].px = nodes[i].x;
      t[i].py = nodes[i].y;
      g_hash_table_insert (index, &nodes[i].id, GUINT_TO_POINTER (i + 1));
    }

  /* The hierarchy: the first reports-to line of each contact that closes no cycle. */
  for (guint i = 0; i < n_lines; i++)
    {
      int child, boss;

      if (lines[i].kind != KS_LINE_REPORTS_TO)
        continue;
      child = (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, &lines[i].from_id)) - 1;
      boss = (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, &lines[i].to_id)) - 1;
      if (child < 0 || boss < 0 || child == boss || t[child].external || t[boss].external
          || t[child].parent >= 0 || is_ancestor (&tidy, child, boss))
        continue;
      t[child].parent = boss;
      t[boss].n_children++;
    }

  /* Children lists, roots, loose contacts and externals, in canvas order. */
  roots = g_array_new (FALSE, FALSE, sizeof (int));
  loose = g_array_new (FALSE, FALSE, sizeof (int));
  externals = g_array_new (FALSE, FALSE, sizeof (int));
  {
    g_autofree int *sorted = g_new (int, n_nodes);
    g_autofree int *depth = g_new0 (int, n_nodes);
    g_autofree int *start = g_new0 (int, n_nodes + 1);
    g_autofree int *kids = g_new (int, n_nodes);
    g_autofree int *fill = NULL;

    /* Each boss's subordinates sorted among themselves (a sort of everything
     * at once could not keep a column's order next to a row's). */
    for (guint i = 0; i < n_nodes; i++)
      if (t[i].parent >= 0)
        start[t[i].parent + 1]++;
    for (guint i = 0; i < n_nodes; i++)
      start[i + 1] += start[i];
    fill = g_memdup2 (start, n_nodes * sizeof (int));
    for (guint i = 0; i < n_nodes; i++)
      if (t[i].parent >= 0)
        kids[fill[t[i].parent]++] = (int) i;
    for (guint p = 0; p < n_nodes; p++)
      {
        int n = start[p + 1] - start[p];

        g_qsort_with_data (kids + start[p], n, sizeof (int), compare_canvas_order, t);
        for (int k = n - 1; k >= 0; k--)
          {
            int c = kids[start[p] + k];

            t[c].next_sibling = t[p].first_child;
            t[p].first_child = c;
          }
      }
    for (guint k = 0; k < n_nodes; k++)
      {
        int v = (int) k;

        if (t[v].external)
          g_array_append_val (externals, v);
        else if (t[v].parent < 0 && t[v].n_children > 0)
          g_array_append_val (roots, v);
        else if (t[v].parent < 0)
          g_array_append_val (loose, v);
      }
    g_array_sort_with_data (externals, compare_canvas_order, t);
    g_array_sort_with_data (roots, compare_canvas_order, t);
    g_array_sort_with_data (loose, compare_canvas_order, t);

    /* Heights (levels below each node), deepest nodes first. */
    for (guint i = 0; i < n_nodes; i++)
      for (int p = t[i].parent; p >= 0; p = t[p].parent)
        depth[i]++;
    for (guint i = 0; i < n_nodes; i++)
      sorted[i] = (int) i;
    g_qsort_with_data (sorted, n_nodes, sizeof (int), compare_deeper, depth);
    for (guint k = 0; k < n_nodes; k++)
      {
        int v = sorted[k], p = t[v].parent;

        if (p >= 0)
          t[p].height = MAX (t[p].height, t[v].height + 1);
      }
  }

  /* A tree much wider than a screen (and than the screen's shape) gets its
   * lower levels hung from trunks, one level more at a time. */
  if (roots->len)
    {
      int best = 0, max_height = 1;
      double best_score = G_MAXDOUBLE, height;

      for (guint i = 0; i < n_nodes; i++)
        max_height = MAX (max_height, t[i].height);
      for (int c = 0; c <= max_height; c++)
        {
          double width, aspect, score;

          tidy.compact = c;
          width = tidy_lay_forest (&tidy, roots, &n_rows, &height);
          aspect = width / MAX (height, 1);
          score = fabs (log (MAX (aspect, 1e-3) / TIDY_ASPECT));
          /* Higher levels must earn their place. */
          if (c == 0 || score < best_score - 0.05)
            {
              best = c;
              best_score = score;
            }
          /* Narrow enough: more would only make it taller. */
          if (width <= TIDY_SCREEN_W || aspect <= TIDY_ASPECT)
            break;
        }
      tidy.compact = best;
      forest_right = tidy_lay_forest (&tidy, roots, &n_rows, &height);
    }

  /* Rows: as tall as their tallest card, top-aligned. */
  row_h = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (row_h, n_rows);
  ideal_y = g_new0 (double, n_nodes);
  row_top = g_new0 (double, n_rows + 1);
  for (guint i = 0; i < n_nodes; i++)
    if (!t[i].external && (t[i].parent >= 0 || t[i].n_children > 0))
      g_array_index (row_h, double, t[i].row) = MAX (g_array_index (row_h, double, t[i].row), t[i].h);
  for (int r = 0; r < n_rows; r++)
    {
      row_top[r] = forest_bottom;
      forest_bottom += g_array_index (row_h, double, r) + TIDY_ROW_GAP;
    }
  for (guint i = 0; i < n_nodes; i++)
    if (!t[i].external && (t[i].parent >= 0 || t[i].n_children > 0))
      ideal_y[i] = row_top[t[i].row] + t[i].h / 2;
  if (n_rows)
    forest_bottom += TIDY_LOOSE_GAP - TIDY_ROW_GAP;

  /* Contacts with neither boss nor subordinates: rows under the trees. */
  {
    double wrap = MAX (forest_right, 5 * (DEFAULT_CARD_W + TIDY_SIBLING_GAP));
    double x = 0, y = forest_bottom, h = 0;

    for (guint k = 0; k < loose->len; k++)
      {
        int v = g_array_index (loose, int, k);

        if (x > 0 && x + t[v].w > wrap)
          {
            x = 0;
            y += h + TIDY_SIBLING_GAP + 8;
            h = 0;
          }
        t[v].x = x + t[v].w / 2;
        ideal_y[v] = y + t[v].h / 2;
        x += t[v].w + TIDY_SIBLING_GAP;
        h = MAX (h, t[v].h);
        forest_right = MAX (forest_right, x - TIDY_SIBLING_GAP);
      }
    if (loose->len)
      forest_bottom = y + h;
  }

  /* Competitors and third parties: a column at the right, competitors first. */
  {
    double x = forest_right + (forest_right > 0 ? TIDY_EXTERNAL_GAP : 0), y = 0, col_w = 0;
    double limit = MAX (forest_bottom, 4 * (DEFAULT_CARD_H + TIDY_SIBLING_GAP));

    for (int pass = 0; pass < 2; pass++)
      for (guint k = 0; k < externals->len; k++)
        {
          int v = g_array_index (externals, int, k);

          if ((nodes[v].kind == KS_NODE_COMPETITOR) != (pass == 0))
            continue;
          if (y > 0 && y + t[v].h > limit)
            {
              x += col_w + TIDY_SIBLING_GAP;
              y = 0;
              col_w = 0;
            }
          col_w = MAX (col_w, t[v].w);
          t[v].x = x + t[v].w / 2;   /* the column aligns left */
          ideal_y[v] = y + t[v].h / 2;
          y += t[v].h + TIDY_SIBLING_GAP;
        }
  }

  /* Keep the picture where the pinned nodes say it is: move the ideal layout
   * by the pinned nodes' median displacement. */
  dx = g_array_new (FALSE, FALSE, sizeof (double));
  dy = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n_nodes; i++)
    if (t[i].fixed)
      {
        double ddx = nodes[i].x - t[i].x, ddy = nodes[i].y - ideal_y[i];
        g_array_append_val (dx, ddx);
        g_array_append_val (dy, ddy);
      }
  shift_x = median (dx);
  shift_y = median (dy);

  /* Place the rest row by row, left to right; a card that would meet a
   * pinned one (or one placed before it) moves right until it is clear. */
  order = g_new (Placement, n_nodes);
  placed = g_new (KsMapRect, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    {
      if (t[i].fixed)
        placed[n_placed++] = (KsMapRect) { nodes[i].x - t[i].w / 2, nodes[i].y - t[i].h / 2, t[i].w, t[i].h };
      else
        order[n_order++] = (Placement) { (int) i, t[i].x + shift_x, ideal_y[i] + shift_y };
    }
  qsort (order, n_order, sizeof (Placement), compare_placement);
  for (guint k = 0; k < n_order; k++)
    {
      int v = order[k].index;
      KsMapRect r = { order[k].x - t[v].w / 2, order[k].y - t[v].h / 2, t[v].w, t[v].h };
      gboolean moved = TRUE;

      while (moved)
        {
          KsMapRect grown = { r.x - TIDY_CLEARANCE, r.y - TIDY_CLEARANCE / 2,
                              r.width + 2 * TIDY_CLEARANCE, r.height + TIDY_CLEARANCE };

          moved = FALSE;
          for (guint j = 0; j < n_placed; j++)
            if (rects_meet (&grown, &placed[j]))
              {
                r.x = rect_right (&placed[j]) + TIDY_CLEARANCE;
                moved = TRUE;
              }
        }
      placed[n_placed++] = r;
      nodes[v].x = rect_cx (&r);
      nodes[v].y = rect_cy (&r);
      nodes[v].placed = TRUE;
    }

  g_free (t);
}
