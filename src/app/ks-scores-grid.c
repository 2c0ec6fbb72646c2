/* ks-scores-grid.c — the scores of the key account review as a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Render lays the grid out (ks-grid-layout.c) and draws the rows in view
 * (ks-grid-draw.c); this widget holds the period's KsScoreTable, maps its
 * rows and criteria to grid cells, and turns keys and clicks into
 * ks_score_set() calls, one undo step each. Editing puts a GtkText over the
 * focused cell; a refused value keeps its text there with a message. Our own
 * edits update the table row in memory (the weighted score follows at once);
 * every other change (undo, redo, imports, other views) reloads on idle.
 *
 * This file is the widget: loading and filtering the rows, the cells' text,
 * layout, drawing, scrolling, tooltips and accessibility. Editing and the
 * explanation popover are in ks-scores-grid-edit.c, keys, clicks and the
 * context menu in ks-scores-grid-input.c; the instance is in
 * ks-scores-grid-private.h.
 */
#define G_LOG_DOMAIN "ks-scores-grid"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ks-app-util.h"
#include "ks-grid-draw.h"
#include "ks-powermap-view.h"   /* ks_palette_new_for_widget() */
#include "ks-scores-grid-private.h"

enum
{
  PROP_0,
  PROP_WORKSPACE,
  PROP_PERIOD_ID,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (KsScoresGrid, ks_scores_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Helpers */

void
_ks_scores_grid_format_score (double  score,
                              char   *buf,
                              gsize   size)
{
  g_autofree char *text = NULL;
  guint decimals = 0;

  if (isnan (score))
    {
      buf[0] = '\0';
      return;
    }
  if (fabs (score * 10 - round (score * 10)) > 1e-9)
    decimals = 2;
  else if (fabs (score - round (score)) > 1e-9)
    decimals = 1;
  text = ks_format_number (score, decimals);
  g_strlcpy (buf, text, size);
}

static void
format_weighted (const KsAccountScore *row,
                 char                 *buf,
                 gsize                 size)
{
  g_autofree char *number = NULL;

  if (row->n_scored == 0)
    {
      buf[0] = '\0';
      return;
    }
  number = ks_format_number (row->weighted, 1);
  /* Translators: the weighted score and its band, "35.0 Moderate" */
  g_snprintf (buf, size, C_("weighted score", "%s %s"), number, ks_score_band_label (row->band));
}

static void
cell_func (guint       row,
           guint       column,
           KsGridCell *cell,
           gpointer    user_data)
{
  KsScoresGrid *self = user_data;
  KsAccountScore *acc;
  KsCriterion *crit;

  if (row == KS_GRID_HEADER)
    {
      if (column == 0)
        cell->text = _("Account");
      else if ((crit = criterion_at (self, column)))
        {
          g_autofree char *weight = ks_format_number (crit->weight, crit->weight == round (crit->weight) ? 0 : 1);

          cell->text = crit->name;
          /* Translators: a criterion's weight in the scores grid's header */
          g_snprintf (self->detail_buf, sizeof self->detail_buf, _("weight %s"), weight);
          cell->detail = self->detail_buf;
        }
      else
        {
          cell->text = _("Weighted");
          cell->detail = _("score and band");
        }
      return;
    }

  if (!(acc = row_at (self, row)))
    return;
  if (column == 0)
    {
      cell->text = acc->account;
      return;
    }
  if ((crit = criterion_at (self, column)))
    {
      double score = acc->scores[column - 1];

      if (self->measuring && row == 0)
        score = 100;   /* room for the widest score */
      _ks_scores_grid_format_score (score, self->cell_buf, sizeof self->cell_buf);
      cell->text = self->cell_buf;
      if (isnan (score))
        cell->flags |= KS_GRID_CELL_EMPTY;
      if (acc->explanations[column - 1][0])
        cell->flags |= KS_GRID_CELL_MARKED;
      if (self->error && row == self->focus_row && column == self->focus_column)
        cell->flags |= KS_GRID_CELL_INVALID;
      return;
    }

  /* the weighted score */
  if (self->measuring && row == 0)
    {
      /* room for the widest text any row can show */
      KsAccountScore wide = *acc;
      guint widest = 0;
      gsize widest_len = 0;

      for (guint b = 0; b < KS_N_BANDS; b++)
        if (strlen (ks_score_band_label (b)) > widest_len)
          {
            widest = b;
            widest_len = strlen (ks_score_band_label (b));
          }
      wide.n_scored = 1;
      wide.weighted = 100;
      wide.band = widest;
      format_weighted (&wide, self->cell_buf, sizeof self->cell_buf);
      cell->text = self->cell_buf;
      cell->bar_color = &self->band_colors[0];
      return;
    }
  format_weighted (acc, self->cell_buf, sizeof self->cell_buf);
  cell->text = self->cell_buf;
  if (acc->n_scored == 0)
    cell->flags |= KS_GRID_CELL_EMPTY;
  else
    {
      cell->bar_color = &self->band_colors[MIN (acc->band, KS_N_BANDS - 1)];
      cell->bar_fraction = acc->weighted / 100.0;
    }
}

static void
ensure_palette (KsScoresGrid *self)
{
  KsPalette *p;

  if (self->palette)
    return;
  p = self->palette = ks_palette_new_for_widget (GTK_WIDGET (self));
  self->band_colors[KS_BAND_VERY_WEAK] = p->negative;
  self->band_colors[KS_BAND_MODERATE] = ks_color_mix (&p->negative, &p->neutral, 0.5);
  self->band_colors[KS_BAND_MEDIUM] = p->neutral;
  self->band_colors[KS_BAND_GOOD] = ks_color_mix (&p->neutral, &p->positive, 0.6);
  self->band_colors[KS_BAND_VERY_GOOD] = p->positive;
}

void
_ks_scores_grid_ensure_layout (KsScoresGrid *self)
{
  g_autofree KsGridColumn *columns = NULL;
  guint n = n_columns (self);

  if (self->layout)
    return;
  ensure_palette (self);
  self->layout = ks_grid_layout_new (self->palette, gtk_widget_get_pango_context (GTK_WIDGET (self)));
  columns = g_new0 (KsGridColumn, n);
  columns[0] = (KsGridColumn) { 160, 320, KS_GRID_ALIGN_START, KS_GRID_COLUMN_DEFAULT };
  for (guint c = 1; c < n - 1; c++)
    columns[c] = (KsGridColumn) { 72, 150, KS_GRID_ALIGN_END, KS_GRID_COLUMN_DEFAULT };
  columns[n - 1] = (KsGridColumn) { 120, 260, KS_GRID_ALIGN_START,
                                    KS_GRID_COLUMN_BAR | KS_GRID_COLUMN_COMPUTED };
  self->measuring = TRUE;
  ks_grid_layout_set_content (self->layout, columns, n, self->rows->len, cell_func, self);
  self->measuring = FALSE;
}

static void
invalidate_layout (KsScoresGrid *self)
{
  g_clear_pointer (&self->layout, ks_grid_layout_free);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

KsGridView
_ks_scores_grid_get_view (KsScoresGrid *self)
{
  return ks_grid_scroll_get_view (&self->scroll, GTK_WIDGET (self));
}

static char *
describe_cell (KsScoresGrid *self,
               guint         row,
               guint         column)
{
  KsAccountScore *acc = row_at (self, row);
  KsCriterion *crit = criterion_at (self, column);
  g_autofree char *value = NULL;

  if (!acc)
    return g_strdup (_("No accounts"));
  if (column == 0)
    return g_strdup (acc->account);
  value = ks_scores_grid_get_cell_text (self, (int) row, column);
  if (crit)
    {
      const char *explanation = acc->explanations[column - 1];

      if (!*value)
        /* Translators: accessible description of an empty cell: account, criterion */
        return g_strdup_printf (_("%s, %s: not scored"), acc->account, crit->name);
      if (*explanation)
        /* Translators: account, criterion: score; explanation */
        return g_strdup_printf (_("%s, %s: %s; %s"), acc->account, crit->name, value, explanation);
      /* Translators: accessible description of a cell: account, criterion: score */
      return g_strdup_printf (_("%s, %s: %s"), acc->account, crit->name, value);
    }
  if (!*value)
    /* Translators: accessible description of the weighted score of an unscored account */
    return g_strdup_printf (_("%s, weighted score: not scored"), acc->account);
  /* Translators: account, weighted score: "35.0 moderate" */
  return g_strdup_printf (_("%s, weighted score: %s"), acc->account, value);
}

void
_ks_scores_grid_update_accessible (KsScoresGrid *self)
{
  g_autofree char *text = NULL;

  if (self->load_error)
    text = g_strdup (self->load_error);
  else if (self->rows->len == 0)
    text = g_strdup (_("No accounts"));
  else
    {
      g_autofree char *cell = describe_cell (self, self->focus_row, self->focus_column);

      text = self->error ? g_strdup_printf ("%s. %s", cell, self->error) : g_steal_pointer (&cell);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

void
_ks_scores_grid_scroll_to_focus (KsScoresGrid *self)
{
  KsGridView view;
  double sx, sy;

  if (!self->layout || self->rows->len == 0)
    return;
  view = _ks_scores_grid_get_view (self);
  if (view.width <= 0 || view.height <= 0)
    return;
  ks_grid_layout_scroll_to_cell (self->layout, &view, self->focus_row, self->focus_column, &sx, &sy);
  ks_grid_scroll_to (&self->scroll, &view, sx, sy);
}

/* Moves the focus without touching an edit (callers commit first). */
void
_ks_scores_grid_move_focus_to (KsScoresGrid *self,
                               guint         row,
                               guint         column)
{
  if (self->rows->len == 0)
    row = 0;
  else
    row = MIN (row, self->rows->len - 1);
  column = MIN (column, n_columns (self) - 1);
  if (row != self->focus_row || column != self->focus_column)
    {
      self->focus_row = row;
      self->focus_column = column;
      _ks_scores_grid_set_error (self, NULL);
    }
  _ks_scores_grid_ensure_layout (self);
  _ks_scores_grid_scroll_to_focus (self);
  _ks_scores_grid_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Loading */

static gboolean
row_matches (KsScoresGrid         *self,
             const KsAccountScore *acc)
{
  if (self->owner_filter && acc->owner_id != self->owner_filter)
    return FALSE;
  if (self->segment_filter && g_strcmp0 (acc->segment, self->segment_filter) != 0)
    return FALSE;
  return TRUE;
}

/* Rebuilds the rows shown, keeping the focus on the same account and
 * criterion when they are still there. */
static void
refilter (KsScoresGrid *self,
          gint64        keep_account,
          gint64        keep_criterion,
          guint         keep_column)
{
  guint row = self->focus_row, column = keep_column;

  g_array_set_size (self->rows, 0);
  if (self->table)
    for (guint i = 0; i < self->table->accounts->len; i++)
      if (row_matches (self, g_ptr_array_index (self->table->accounts, i)))
        g_array_append_val (self->rows, i);

  for (guint r = 0; keep_account && r < self->rows->len; r++)
    if (row_at (self, r)->account_id == keep_account)
      row = r;
  if (keep_criterion)
    for (guint c = 1; c <= n_criteria (self); c++)
      if (criterion_at (self, c)->id == keep_criterion)
        column = c;
  self->focus_row = self->rows->len ? MIN (row, self->rows->len - 1) : 0;
  self->focus_column = MIN (column, n_columns (self) - 1);
  if (self->layout)
    {
      ks_grid_layout_set_n_rows (self->layout, self->rows->len);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

static void
reload (KsScoresGrid *self)
{
  g_autoptr(GError) error = NULL;
  KsAccountScore *acc = row_at (self, self->focus_row);
  KsCriterion *crit = criterion_at (self, self->focus_column);
  gint64 keep_account = acc ? acc->account_id : 0;
  gint64 keep_criterion = crit ? crit->id : 0;
  guint keep_column = self->focus_column;
  gint64 period = self->period_id;

  /* the weighted column stays the last one whatever the criteria become */
  if (self->table && keep_column == weighted_column (self))
    keep_column = G_MAXUINT;
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->editing)
    _ks_scores_grid_cancel_edit (self);
  g_clear_pointer (&self->table, ks_score_table_free);
  g_clear_pointer (&self->load_error, g_free);
  if (self->workspace)
    {
      if (period <= 0)
        period = ks_period_get_current (self->workspace, &error);
      if (!error)
        self->table = ks_score_table_load (self->workspace, MAX (period, 0), TRUE, &error);
      if (error)
        {
          g_warning ("The scores could not be loaded: %s", error->message);
          self->load_error = g_strdup (error->message);
        }
    }
  refilter (self, keep_account, keep_criterion, keep_column);
  invalidate_layout (self);
  _ks_scores_grid_update_accessible (self);
}

static gboolean
reload_on_idle (gpointer data)
{
  KsScoresGrid *self = data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (KsScoresGrid *self)
{
  if (!self->reload_idle)
    /* before the next frame's layout, so it shows the new data */
    self->reload_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_on_idle, self, NULL);
}

/* Callbacks */

static void
on_workspace_changed (KsScoresGrid *self,
                      const char   *table,
                      KsWorkspace  *workspace)
{
  if (self->own_edit && g_str_equal (table, "account_scores"))
    return;   /* store_score() updates the row */
  if (g_str_equal (table, "account_scores") || g_str_equal (table, "score_criteria") ||
      g_str_equal (table, "accounts") || g_str_equal (table, "review_periods") ||
      (self->period_id <= 0 && g_str_equal (table, "settings")))
    queue_reload (self);
}

static void
on_style_changed (KsScoresGrid *self)
{
  g_clear_pointer (&self->palette, ks_palette_free);
  invalidate_layout (self);
}

static void
on_adjustment_changed (KsScoresGrid *self)
{
  if (gtk_widget_get_visible (self->popover))
    _ks_scores_grid_popover_update_position (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip (KsScoresGrid *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  KsGridView view;
  KsGridHit hit;
  KsGridRect r;
  guint row, column;
  KsAccountScore *acc;
  KsCriterion *crit;
  g_autofree char *text = NULL;

  if (!self->layout || !self->table)
    return FALSE;
  view = _ks_scores_grid_get_view (self);
  if (keyboard)
    {
      row = self->focus_row;
      column = self->focus_column;
      hit = KS_GRID_HIT_CELL;
    }
  else
    hit = ks_grid_layout_hit_test (self->layout, &view, x, y, &row, &column);
  if (hit == KS_GRID_HIT_NONE || hit == KS_GRID_HIT_CORNER)
    return FALSE;

  crit = criterion_at (self, column);
  if (hit == KS_GRID_HIT_HEADER)
    {
      if (crit)
        {
          g_autofree char *weight = ks_format_number (crit->weight, crit->weight == round (crit->weight) ? 0 : 1);

          /* Translators: tooltip of a criterion's header */
          text = g_strdup_printf (_("%s: weight %s of 100"), crit->name, weight);
        }
      else if (column == weighted_column (self))
        text = g_strdup (_("Σ weight × score / 100, a missing score counting 0"));
      else
        return FALSE;
      r = ks_grid_layout_get_cell_rect (self->layout, &view, KS_GRID_HEADER, column);
    }
  else
    {
      acc = row_at (self, row);
      if (!acc)
        return FALSE;
      if (self->error && row == self->focus_row && column == self->focus_column)
        text = g_strdup (self->error);
      else if (crit && acc->explanations[column - 1][0])
        text = g_strdup (acc->explanations[column - 1]);
      else if (column == 0)
        text = g_strdup (acc->account);
      else
        return FALSE;
      r = ks_grid_layout_get_cell_rect (self->layout, &view, row, column);
    }
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) r.x, (int) r.y, (int) r.width, (int) r.height });
  return TRUE;
}

/* Scrollable */

static void
configure_adjustments (KsScoresGrid *self,
                       int           width,
                       int           height)
{
  double w = 0, h = 0, row_h = 20;

  if (self->layout)
    {
      ks_grid_layout_get_size (self->layout, &w, &h);
      row_h = ks_grid_layout_get_row_height (self->layout);
    }
  ks_grid_scroll_configure (&self->scroll, width, height, w, h, row_h);
}

/* Vfuncs */

static void
ks_scores_grid_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  KsScoresGrid *self = KS_SCORES_GRID (widget);
  double w, h;

  _ks_scores_grid_ensure_layout (self);
  ks_grid_layout_get_size (self->layout, &w, &h);
  /* without rows the grid still keeps a row for what it lacks */
  ks_grid_scroll_measure (orientation, w, h, ks_grid_layout_get_column_width (self->layout, 0),
                          ks_grid_layout_get_header_height (self->layout) +
                          ks_grid_layout_get_row_height (self->layout),
                          minimum, natural);
}

static void
ks_scores_grid_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  KsScoresGrid *self = KS_SCORES_GRID (widget);

  _ks_scores_grid_ensure_layout (self);
  configure_adjustments (self, width, height);

  if (self->editing && self->rows->len)
    {
      KsGridView view = _ks_scores_grid_get_view (self);
      KsGridRect r = ks_grid_layout_get_cell_rect (self->layout, &view, self->focus_row, self->focus_column);

      ks_grid_editor_allocate (self->editor, &r, round (ks_grid_layout_get_row_height (self->layout) * 0.25));
    }
  if (gtk_widget_get_visible (self->popover))
    {
      _ks_scores_grid_popover_update_position (self);
      gtk_popover_present (GTK_POPOVER (self->popover));
    }
  if (gtk_widget_get_visible (self->menu))
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
ks_scores_grid_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KsScoresGrid *self = KS_SCORES_GRID (widget);
  KsGridView view = _ks_scores_grid_get_view (self);
  KsGridDrawState state = { NO_CELL, NO_CELL, FALSE, FALSE, NULL };
  cairo_t *cr;

  if (view.width <= 0 || view.height <= 0)
    return;
  _ks_scores_grid_ensure_layout (self);
  if (self->rows->len)
    {
      state.focus_row = self->focus_row;
      state.focus_column = self->focus_column;
    }
  state.focused = gtk_widget_has_focus (widget) || (self->editing && gtk_widget_has_focus (self->editor)) ||
                  gtk_widget_get_visible (self->popover) || gtk_widget_get_visible (self->menu);
  state.editing = self->editing;
  state.message = self->error;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view.width, view.height));
  ks_grid_draw (cr, self->layout, &view, self->palette, &state, cell_func, self);
  if (self->load_error || (self->table && self->rows->len == 0))
    /* what the empty grid means, under the header */
    ks_grid_draw_note (cr, widget, &self->palette->muted, ks_grid_layout_get_header_height (self->layout) + 12,
                       self->load_error ? self->load_error
                       : self->table->accounts->len ? _("No accounts match the filter")
                       : _("No accounts yet"));
  cairo_destroy (cr);

  if (self->editing)
    {
      KsGridRect body = ks_grid_layout_get_body_rect (self->layout, &view);

      ks_grid_editor_snapshot (self->editor, widget, snapshot, &body);
    }
}

static gboolean
ks_scores_grid_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  KsScoresGrid *self = KS_SCORES_GRID (widget);

  if (self->editing)
    return gtk_widget_child_focus (self->editor, direction);
  if (gtk_widget_is_focus (widget))
    return FALSE;   /* Tab out of the grid goes on to the next widget */
  return gtk_widget_grab_focus (widget);
}

static void
ks_scores_grid_dispose (GObject *object)
{
  KsScoresGrid *self = KS_SCORES_GRID (object);

  /* what was typed is kept, as when the focus leaves */
  if (self->popover && gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (self->editing && self->workspace)
    _ks_scores_grid_commit_edit (self);
  if (self->popover)
    g_signal_handlers_disconnect_by_data (self->popover, self);
  ks_scores_grid_set_workspace (self, NULL);
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  ks_grid_scroll_clear (&self->scroll, GTK_WIDGET (self));
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->layout, ks_grid_layout_free);
  g_clear_pointer (&self->table, ks_score_table_free);
  G_OBJECT_CLASS (ks_scores_grid_parent_class)->dispose (object);
}

static void
ks_scores_grid_finalize (GObject *object)
{
  KsScoresGrid *self = KS_SCORES_GRID (object);

  g_array_unref (self->rows);
  g_clear_pointer (&self->palette, ks_palette_free);
  g_free (self->segment_filter);
  g_free (self->error);
  g_free (self->load_error);
  g_free (self->popover_original);
  G_OBJECT_CLASS (ks_scores_grid_parent_class)->finalize (object);
}

static void
ks_scores_grid_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KsScoresGrid *self = KS_SCORES_GRID (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_PERIOD_ID:
      g_value_set_int64 (value, self->period_id);
      break;
    case PROP_HADJUSTMENT:
    case PROP_VADJUSTMENT:
    case PROP_HSCROLL_POLICY:
    case PROP_VSCROLL_POLICY:
      ks_grid_scroll_get_property (&self->scroll, prop_id - PROP_HADJUSTMENT, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_scores_grid_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KsScoresGrid *self = KS_SCORES_GRID (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ks_scores_grid_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_PERIOD_ID:
      ks_scores_grid_set_period_id (self, g_value_get_int64 (value));
      break;
    case PROP_HADJUSTMENT:
    case PROP_VADJUSTMENT:
    case PROP_HSCROLL_POLICY:
    case PROP_VSCROLL_POLICY:
      ks_grid_scroll_set_property (&self->scroll, GTK_WIDGET (self), prop_id - PROP_HADJUSTMENT, value, pspec,
                                   G_CALLBACK (on_adjustment_changed));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_scores_grid_class_init (KsScoresGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_scores_grid_dispose;
  object_class->finalize = ks_scores_grid_finalize;
  object_class->get_property = ks_scores_grid_get_property;
  object_class->set_property = ks_scores_grid_set_property;
  widget_class->measure = ks_scores_grid_measure;
  widget_class->size_allocate = ks_scores_grid_size_allocate;
  widget_class->snapshot = ks_scores_grid_snapshot;
  widget_class->focus = ks_scores_grid_focus;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, KS_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD_ID] =
    g_param_spec_int64 ("period-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  ks_grid_scroll_override_properties (object_class, PROP_HADJUSTMENT);

  _ks_scores_grid_class_add_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "scoresgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
ks_scores_grid_init (KsScoresGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->tab_start_column = NO_CELL;
  self->focus_column = 1;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);

  _ks_scores_grid_init_editor (self);
  _ks_scores_grid_init_input (self);

  g_signal_connect_swapped (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scores"), -1);
  _ks_scores_grid_update_accessible (self);
}

/* Public API */

GtkWidget *
ks_scores_grid_new (KsWorkspace *workspace,
                    gint64       period_id)
{
  return g_object_new (KS_TYPE_SCORES_GRID, "workspace", workspace, "period-id", period_id, NULL);
}

void
ks_scores_grid_set_workspace (KsScoresGrid *self,
                              KsWorkspace  *workspace)
{
  g_return_if_fail (KS_IS_SCORES_GRID (self));
  g_return_if_fail (!workspace || KS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->editing)
    _ks_scores_grid_cancel_edit (self);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed),
                             self, G_CONNECT_SWAPPED);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  self->focus_row = 0;
  self->focus_column = 1;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

KsWorkspace *
ks_scores_grid_get_workspace (KsScoresGrid *self)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), NULL);
  return self->workspace;
}

void
ks_scores_grid_set_period_id (KsScoresGrid *self,
                              gint64        period_id)
{
  g_return_if_fail (KS_IS_SCORES_GRID (self));

  if (self->period_id == period_id)
    return;
  if (self->editing)
    _ks_scores_grid_commit_edit (self);
  self->period_id = period_id;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_ID]);
}

gint64
ks_scores_grid_get_period_id (KsScoresGrid *self)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), 0);
  return self->period_id;
}

void
ks_scores_grid_set_filter (KsScoresGrid *self,
                           gint64        owner_id,
                           const char   *segment)
{
  KsAccountScore *acc;
  KsCriterion *crit;

  g_return_if_fail (KS_IS_SCORES_GRID (self));

  if (self->owner_filter == owner_id && g_strcmp0 (self->segment_filter, segment) == 0)
    return;
  if (self->editing && !_ks_scores_grid_commit_edit (self))
    _ks_scores_grid_cancel_edit (self);
  acc = row_at (self, self->focus_row);
  crit = criterion_at (self, self->focus_column);
  self->owner_filter = owner_id;
  g_free (self->segment_filter);
  self->segment_filter = g_strdup (segment);
  refilter (self, acc ? acc->account_id : 0, crit ? crit->id : 0, self->focus_column);
  _ks_scores_grid_scroll_to_focus (self);
  _ks_scores_grid_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ks_scores_grid_get_n_rows (KsScoresGrid *self)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), 0);
  return self->rows->len;
}

guint
ks_scores_grid_get_n_columns (KsScoresGrid *self)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), 0);
  return n_columns (self);
}

int
ks_scores_grid_find_row (KsScoresGrid *self,
                         gint64        account_id)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), -1);

  for (guint r = 0; r < self->rows->len; r++)
    if (row_at (self, r)->account_id == account_id)
      return (int) r;
  return -1;
}

char *
ks_scores_grid_get_cell_text (KsScoresGrid *self,
                              int           row,
                              guint         column)
{
  KsGridCell cell = { 0 };

  g_return_val_if_fail (KS_IS_SCORES_GRID (self), NULL);
  g_return_val_if_fail (column < n_columns (self), NULL);
  g_return_val_if_fail (row >= -1 && (row < 0 || (guint) row < self->rows->len), NULL);

  ensure_palette (self);
  cell_func (row < 0 ? KS_GRID_HEADER : (guint) row, column, &cell, self);
  return g_strdup (cell.text ? cell.text : "");
}

gboolean
ks_scores_grid_get_focus (KsScoresGrid *self,
                          guint        *row,
                          guint        *column)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), FALSE);

  if (row)
    *row = self->focus_row;
  if (column)
    *column = self->focus_column;
  return self->rows->len > 0;
}

gboolean
ks_scores_grid_set_focus (KsScoresGrid *self,
                          guint         row,
                          guint         column)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), FALSE);

  if (self->editing && !_ks_scores_grid_commit_edit (self))
    return FALSE;
  self->tab_start_column = NO_CELL;
  _ks_scores_grid_move_focus_to (self, row, column);
  return TRUE;
}

gboolean
ks_scores_grid_is_editing (KsScoresGrid *self)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), FALSE);
  return self->editing;
}

const char *
ks_scores_grid_get_error (KsScoresGrid *self)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), NULL);
  return self->error;
}

gboolean
ks_scores_grid_edit_explanation (KsScoresGrid *self)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), FALSE);
  return _ks_scores_grid_open_explanation (self);
}

GtkPopover *
ks_scores_grid_get_explanation_popover (KsScoresGrid *self)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), NULL);
  return GTK_POPOVER (self->popover);
}
