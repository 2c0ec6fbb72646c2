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
 */
#define G_LOG_DOMAIN "ks-scores-grid"

#include "config.h"

#include "ks-scores-grid.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ks-app-util.h"
#include "ks-grid-draw.h"
#include "ks-grid-layout.h"
#include "ks-palette.h"
#include "ks-powermap-view.h"   /* ks_palette_new_for_widget() */
#include "ks-scoring.h"

#define NO_CELL G_MAXUINT

struct _KsScoresGrid
{
  GtkWidget      parent_instance;

  KsWorkspace   *workspace;
  gint64         period_id;        /* as set; 0 = the current one */
  gint64         owner_filter;
  char          *segment_filter;

  KsScoreTable  *table;            /* NULL until loaded */
  GArray        *rows;             /* guint: the table's rows shown */
  KsGridLayout  *layout;           /* NULL = to build */
  KsPalette     *palette;          /* NULL = to build from the style */
  KsColor        band_colors[KS_N_BANDS];
  char          *load_error;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  guint          focus_row;
  guint          focus_column;
  guint          tab_start_column; /* where a run of Tab began (Enter goes back there) */

  GtkWidget     *editor;           /* GtkText over the focused cell */
  gboolean       editing;
  gboolean       edit_typed;       /* started by typing: arrows commit and move */
  gboolean       ending_edit;
  char          *error;            /* the refused value's message */

  GtkWidget     *popover;          /* explanation */
  GtkWidget     *popover_title;
  GtkWidget     *popover_text;
  GtkWidget     *popover_hint;
  gint64         popover_account;
  gint64         popover_criterion;
  char          *popover_original;
  GtkWidget     *menu;

  gboolean       own_edit;         /* inside our ks_score_set(): the table is already right */
  gboolean       measuring;
  guint          reload_idle;

  char           cell_buf[256];
  char           detail_buf[64];
};

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

static gboolean commit_edit (KsScoresGrid *self);
static void     cancel_edit (KsScoresGrid *self);

/* Helpers */

static guint
n_criteria (KsScoresGrid *self)
{
  return self->table ? self->table->criteria->len : 0;
}

static guint
n_columns (KsScoresGrid *self)
{
  return n_criteria (self) + 2;
}

static guint
weighted_column (KsScoresGrid *self)
{
  return n_criteria (self) + 1;
}

static gboolean
is_score_column (KsScoresGrid *self,
                 guint         column)
{
  return column >= 1 && column <= n_criteria (self);
}

static KsAccountScore *
row_at (KsScoresGrid *self,
        guint         row)
{
  if (!self->table || row >= self->rows->len)
    return NULL;
  return g_ptr_array_index (self->table->accounts, g_array_index (self->rows, guint, row));
}

static KsCriterion *
criterion_at (KsScoresGrid *self,
              guint         column)
{
  if (!is_score_column (self, column))
    return NULL;
  return g_ptr_array_index (self->table->criteria, column - 1);
}

static gint64
shown_period (KsScoresGrid *self)
{
  return self->table ? self->table->period_id : self->period_id;
}

static void
format_score (double  score,
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
      format_score (score, self->cell_buf, sizeof self->cell_buf);
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

static void
ensure_layout (KsScoresGrid *self)
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

static KsGridView
get_view (KsScoresGrid *self)
{
  KsGridView view;

  view.width = gtk_widget_get_width (GTK_WIDGET (self));
  view.height = gtk_widget_get_height (GTK_WIDGET (self));
  view.scroll_x = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  view.scroll_y = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  return view;
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

static void
update_accessible (KsScoresGrid *self)
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

static void
set_error (KsScoresGrid *self,
           const char   *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  if (message)
    gtk_widget_add_css_class (self->editor, "error");
  else
    gtk_widget_remove_css_class (self->editor, "error");
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scroll_to_focus (KsScoresGrid *self)
{
  KsGridView view;
  double sx, sy;

  if (!self->layout || self->rows->len == 0)
    return;
  view = get_view (self);
  if (view.width <= 0 || view.height <= 0)
    return;
  ks_grid_layout_scroll_to_cell (self->layout, &view, self->focus_row, self->focus_column, &sx, &sy);
  if (self->hadjustment && sx != view.scroll_x)
    gtk_adjustment_set_value (self->hadjustment, sx);
  if (self->vadjustment && sy != view.scroll_y)
    gtk_adjustment_set_value (self->vadjustment, sy);
}

/* Moves the focus without touching an edit (callers commit first). */
static void
move_focus_to (KsScoresGrid *self,
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
      set_error (self, NULL);
    }
  ensure_layout (self);
  scroll_to_focus (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The period to write into, created when there is none yet (inside the
 * caller's begin/commit pair). */
static gint64
period_for_writing (KsScoresGrid  *self,
                    GError       **error)
{
  g_autofree char *name = NULL;
  gint64 id = shown_period (self);

  if (id > 0)
    return id;
  name = ks_scores_default_period (self->workspace);
  return ks_period_ensure (self->workspace, name, TRUE, error);
}

/* One user action: the score (NaN clears) and, unless NULL, the explanation. */
static gboolean
store_score (KsScoresGrid   *self,
             KsAccountScore *acc,
             guint           column,
             double          score,
             const char     *explanation,
             GError        **error)
{
  KsCriterion *crit = criterion_at (self, column);
  gboolean new_period = shown_period (self) <= 0;
  gint64 period;
  gboolean ok;

  g_return_val_if_fail (crit != NULL, FALSE);

  if (!ks_workspace_begin (self->workspace, _("Change Score"), error))
    return FALSE;
  self->own_edit = TRUE;
  ok = (period = period_for_writing (self, error)) > 0 &&
       ks_score_set (self->workspace, acc->account_id, period, crit->id, score, explanation, error);
  if (ok)
    ok = ks_workspace_commit (self->workspace, error);
  else
    ks_workspace_rollback (self->workspace);
  self->own_edit = FALSE;
  if (!ok)
    return FALSE;

  if (new_period)
    self->table->period_id = period;
  acc->scores[column - 1] = score;
  if (isnan (score))
    explanation = "";
  if (explanation)
    {
      g_free (acc->explanations[column - 1]);
      acc->explanations[column - 1] = g_strdup (explanation);
    }
  ks_score_table_update_row (self->table, acc);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* Editing */

static void
begin_edit (KsScoresGrid *self,
            const char   *initial,
            gboolean      typed)
{
  KsAccountScore *acc = row_at (self, self->focus_row);
  char text[64];

  if (!acc || !is_score_column (self, self->focus_column) || !self->workspace ||
      ks_workspace_is_read_only (self->workspace))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (initial)
    g_strlcpy (text, initial, sizeof text);
  else
    format_score (acc->scores[self->focus_column - 1], text, sizeof text);

  self->editing = TRUE;
  self->edit_typed = typed;
  set_error (self, NULL);
  scroll_to_focus (self);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
  gtk_widget_set_child_visible (self->editor, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  if (!typed)
    gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
end_edit (KsScoresGrid *self)
{
  gboolean had_focus;

  if (!self->editing)
    return;
  self->ending_edit = TRUE;
  had_focus = gtk_widget_has_focus (self->editor);
  self->editing = FALSE;
  set_error (self, NULL);
  gtk_widget_set_child_visible (self->editor, FALSE);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  self->ending_edit = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cancel_edit (KsScoresGrid *self)
{
  end_edit (self);
}

/* Stores what the editor holds; TRUE when it was stored (or unchanged) and
 * the edit ended, FALSE when refused (the text stays, with a message). */
static gboolean
commit_edit (KsScoresGrid *self)
{
  KsAccountScore *acc = row_at (self, self->focus_row);
  const char *text;
  g_autoptr(GError) error = NULL;
  gboolean empty;
  double value, old;

  if (!self->editing)
    return TRUE;
  if (!acc || !is_score_column (self, self->focus_column))
    {
      cancel_edit (self);
      return TRUE;
    }
  text = gtk_editable_get_text (GTK_EDITABLE (self->editor));
  if (!ks_parse_number (text, &value, &empty) || (!empty && !(value >= 0 && value <= 100)))
    {
      set_error (self, _("Scores are 0–100"));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  old = acc->scores[self->focus_column - 1];
  if ((empty && isnan (old)) || (!empty && value == old))
    {
      end_edit (self);
      return TRUE;
    }
  if (!store_score (self, acc, self->focus_column, empty ? NAN : value, NULL, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  end_edit (self);
  return TRUE;
}

static void
clear_focused (KsScoresGrid *self)
{
  KsAccountScore *acc = row_at (self, self->focus_row);
  g_autoptr(GError) error = NULL;

  if (!acc || !is_score_column (self, self->focus_column) || !self->workspace ||
      ks_workspace_is_read_only (self->workspace))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (isnan (acc->scores[self->focus_column - 1]))
    return;
  if (!store_score (self, acc, self->focus_column, NAN, NULL, &error))
    set_error (self, error->message);
}

/* Explanation popover */

static void
popover_update_position (KsScoresGrid *self)
{
  KsGridView view;
  KsGridRect r;

  if (!self->layout || self->rows->len == 0)
    return;
  view = get_view (self);
  r = ks_grid_layout_get_cell_rect (self->layout, &view, self->focus_row, self->focus_column);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { (int) r.x, (int) r.y, (int) r.width, (int) r.height });
}

static gboolean
open_explanation (KsScoresGrid *self)
{
  KsAccountScore *acc = row_at (self, self->focus_row);
  KsCriterion *crit = criterion_at (self, self->focus_column);
  GtkTextBuffer *buffer;
  g_autofree char *title = NULL;
  gboolean scored;

  if (!acc || !crit)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  if (self->editing && !commit_edit (self))
    return FALSE;

  scored = !isnan (acc->scores[self->focus_column - 1]);
  self->popover_account = acc->account_id;
  self->popover_criterion = crit->id;
  g_free (self->popover_original);
  self->popover_original = g_strdup (acc->explanations[self->focus_column - 1]);

  /* Translators: the explanation popover's title: account — criterion */
  title = g_strdup_printf (_("%s — %s"), acc->account, crit->name);
  gtk_label_set_text (GTK_LABEL (self->popover_title), title);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->popover_text));
  gtk_text_buffer_set_text (buffer, self->popover_original, -1);
  gtk_widget_set_sensitive (self->popover_text, scored && !ks_workspace_is_read_only (self->workspace));
  gtk_label_set_text (GTK_LABEL (self->popover_hint),
                      scored ? _("Why this score? Saved when the popover closes.")
                             : _("Give a score first: an explanation belongs to a score."));

  ensure_layout (self);
  scroll_to_focus (self);
  popover_update_position (self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  if (scored)
    gtk_widget_grab_focus (self->popover_text);
  return TRUE;
}

static void
on_popover_closed (KsScoresGrid *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->popover_text));
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) error = NULL;
  KsAccountScore *acc;
  int row;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  trimmed = g_strstrip (g_strdup (text));
  if (!self->workspace || !self->table)
    return;
  row = ks_scores_grid_find_row (self, self->popover_account);
  acc = row >= 0 ? row_at (self, (guint) row) : NULL;

  if (acc && self->popover_original && g_strcmp0 (trimmed, self->popover_original) != 0)
    {
      guint column = NO_CELL;

      for (guint c = 1; c <= n_criteria (self); c++)
        if (criterion_at (self, c)->id == self->popover_criterion)
          column = c;
      if (column != NO_CELL && !isnan (acc->scores[column - 1]) &&
          !store_score (self, acc, column, acc->scores[column - 1], trimmed, &error))
        set_error (self, error->message);
    }
  g_clear_pointer (&self->popover_original, g_free);
  self->popover_account = 0;
  self->popover_criterion = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_popover_visible (KsScoresGrid *self)
{
  if (!gtk_widget_get_visible (self->popover) && self->popover_account)
    on_popover_closed (self);
}

static void
open_context_menu (KsScoresGrid *self,
                   double        x,
                   double        y)
{
  if (x < 0)
    {
      KsGridView view = get_view (self);
      KsGridRect r;

      ensure_layout (self);
      r = ks_grid_layout_get_cell_rect (self->layout, &view, self->focus_row, self->focus_column);
      x = r.x + r.width / 2;
      y = r.y + r.height;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
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
    cancel_edit (self);
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
  update_accessible (self);
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
    popover_update_position (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_editor_changed (KsScoresGrid *self)
{
  /* the message stays until the value is corrected and committed, but
   * the accessible text follows */
  if (self->editing)
    update_accessible (self);
}

static void
on_editor_focus_leave (KsScoresGrid *self)
{
  if (!self->editing || self->ending_edit)
    return;
  /* clicking elsewhere commits, as in a spreadsheet; a refused value stays */
  commit_edit (self);
}

static void
move_by (KsScoresGrid *self,
         int           drow,
         int           dcolumn)
{
  int row = (int) self->focus_row + drow;
  int column = (int) self->focus_column + dcolumn;

  row = CLAMP (row, 0, (int) MAX (self->rows->len, 1) - 1);
  column = CLAMP (column, 0, (int) n_columns (self) - 1);
  move_focus_to (self, (guint) row, (guint) column);
}

/* Tab: the next score cell, on to the next row's first; FALSE at the end. */
static gboolean
tab_move (KsScoresGrid *self,
          gboolean      back)
{
  guint row = self->focus_row, column = self->focus_column;
  guint first = 1, last = MAX (n_criteria (self), 1);

  if (self->rows->len == 0)
    return FALSE;
  if (self->tab_start_column == NO_CELL)
    self->tab_start_column = is_score_column (self, column) ? column : first;
  if (!back)
    {
      if (column < first)
        column = first;
      else if (column < last)
        column++;
      else if (row + 1 < self->rows->len)
        {
          row++;
          column = first;
        }
      else
        return FALSE;
    }
  else
    {
      if (column > last)
        column = last;
      else if (column > first)
        column--;
      else if (row > 0)
        {
          row--;
          column = last;
        }
      else
        return FALSE;
    }
  {
    guint keep = self->tab_start_column;

    move_focus_to (self, row, column);
    self->tab_start_column = keep;
  }
  return TRUE;
}

/* Enter: down (or up), back to the column where a run of Tab began. */
static void
enter_move (KsScoresGrid *self,
            gboolean      up)
{
  guint column = self->tab_start_column != NO_CELL ? self->tab_start_column : self->focus_column;
  int row = (int) self->focus_row + (up ? -1 : 1);

  row = CLAMP (row, 0, (int) MAX (self->rows->len, 1) - 1);
  move_focus_to (self, (guint) row, column);
  self->tab_start_column = NO_CELL;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KsScoresGrid          *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  gboolean ctrl = (mods & GDK_CONTROL_MASK) != 0;
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;
  guint page;
  gunichar ch;

  /* keys typed into our popovers pass through here on their way */
  if (gtk_widget_get_visible (self->popover) || gtk_widget_get_visible (self->menu))
    return FALSE;

  if (self->editing)
    {
      switch (keyval)
        {
        case GDK_KEY_Escape:
          self->tab_start_column = NO_CELL;
          cancel_edit (self);
          return TRUE;
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          if (!commit_edit (self))
            return TRUE;
          if (ctrl)
            open_explanation (self);
          else
            enter_move (self, shift);
          return TRUE;
        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
        case GDK_KEY_ISO_Left_Tab:
          if (commit_edit (self))
            tab_move (self, shift || keyval == GDK_KEY_ISO_Left_Tab);
          return TRUE;
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          if (mods)
            return FALSE;
          if (commit_edit (self))
            move_by (self, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1, 0);
          self->tab_start_column = NO_CELL;
          return TRUE;
        case GDK_KEY_Left:
        case GDK_KEY_KP_Left:
        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          if (!self->edit_typed || mods)
            return FALSE;
          if (commit_edit (self))
            move_by (self, 0, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1);
          self->tab_start_column = NO_CELL;
          return TRUE;
        default:
          return FALSE;
        }
    }

  if (!self->table || self->rows->len == 0)
    return FALSE;

  page = 10;
  if (self->layout)
    {
      KsGridView view = get_view (self);

      page = ks_grid_layout_get_page_rows (self->layout, &view);
    }

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (ctrl)
        return FALSE;
      /* at either end, Tab leaves the grid (no keyboard trap) */
      return tab_move (self, shift || keyval == GDK_KEY_ISO_Left_Tab);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (ctrl)
        open_explanation (self);
      else
        enter_move (self, shift);
      return TRUE;
    default:
      break;
    }

  if (!(mods & (GDK_ALT_MASK | GDK_SUPER_MASK)))
    {
      gboolean handled = TRUE;

      switch (keyval)
        {
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          ctrl ? move_focus_to (self, 0, self->focus_column) : move_by (self, -1, 0);
          break;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          ctrl ? move_focus_to (self, G_MAXUINT, self->focus_column) : move_by (self, 1, 0);
          break;
        case GDK_KEY_Left:
        case GDK_KEY_KP_Left:
          move_by (self, 0, -1);
          break;
        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          move_by (self, 0, 1);
          break;
        case GDK_KEY_Home:
        case GDK_KEY_KP_Home:
          move_focus_to (self, ctrl ? 0 : self->focus_row, 0);
          break;
        case GDK_KEY_End:
        case GDK_KEY_KP_End:
          move_focus_to (self, ctrl ? G_MAXUINT : self->focus_row, G_MAXUINT);
          break;
        case GDK_KEY_Page_Up:
        case GDK_KEY_KP_Page_Up:
          move_by (self, -(int) page, 0);
          break;
        case GDK_KEY_Page_Down:
        case GDK_KEY_KP_Page_Down:
          move_by (self, (int) page, 0);
          break;
        case GDK_KEY_F2:
          begin_edit (self, NULL, FALSE);
          break;
        case GDK_KEY_Delete:
        case GDK_KEY_KP_Delete:
        case GDK_KEY_BackSpace:
          clear_focused (self);
          break;
        case GDK_KEY_Menu:
          open_context_menu (self, -1, -1);
          break;
        case GDK_KEY_F10:
          if (!shift)
            return FALSE;
          open_context_menu (self, -1, -1);
          break;
        default:
          handled = FALSE;
        }
      if (handled)
        {
          if (keyval != GDK_KEY_F2)
            self->tab_start_column = NO_CELL;
          return TRUE;
        }
    }

  /* typing starts an edit that replaces the cell's value */
  ch = gdk_keyval_to_unicode (keyval);
  if (ch && !(mods & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) &&
      g_unichar_isgraph (ch) && is_score_column (self, self->focus_column))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (ch, buf);
      begin_edit (self, buf, TRUE);
      return TRUE;
    }
  return FALSE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KsScoresGrid    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  KsGridView view;
  KsGridHit hit;
  guint row, column;

  if (!self->table)
    return;
  ensure_layout (self);
  view = get_view (self);
  hit = ks_grid_layout_hit_test (self->layout, &view, x, y, &row, &column);
  if (hit == KS_GRID_HIT_NONE || hit == KS_GRID_HIT_CORNER)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }
  if (hit == KS_GRID_HIT_HEADER)
    row = self->focus_row;

  if (self->editing)
    {
      if (row == self->focus_row && column == self->focus_column)
        return;   /* a click inside the editor's cell goes to the editor */
      if (!commit_edit (self))
        return;
    }
  self->tab_start_column = NO_CELL;
  move_focus_to (self, row, column);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      open_context_menu (self, x, y);
      return;
    }
  if (n_press == 2 && hit == KS_GRID_HIT_CELL && is_score_column (self, column))
    begin_edit (self, NULL, FALSE);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
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
  view = get_view (self);
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

static void
on_focus_changed (KsScoresGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Actions */

static void
action_edit (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  begin_edit (KS_SCORES_GRID (widget), NULL, FALSE);
}

static void
action_explanation (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  open_explanation (KS_SCORES_GRID (widget));
}

static void
action_clear (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  clear_focused (KS_SCORES_GRID (widget));
}

/* Scrollable */

static void
set_adjustment (KsScoresGrid   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment && *slot == adjustment)
    return;
  if (*slot)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_object_unref (*slot);
    }
  if (!adjustment)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

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
  if (self->hadjustment)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, w - width)),
                              0, MAX (w, width), width * 0.1, width * 0.9, width);
  if (self->vadjustment)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, h - height)),
                              0, MAX (h, height), row_h, MAX (row_h, height - 2 * row_h), height);
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

  ensure_layout (self);
  ks_grid_layout_get_size (self->layout, &w, &h);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) ceil (ks_grid_layout_get_column_width (self->layout, 0));
      *natural = (int) ceil (w);
    }
  else
    {
      *minimum = (int) ceil (ks_grid_layout_get_header_height (self->layout) +
                             ks_grid_layout_get_row_height (self->layout));
      *natural = (int) ceil (h);
    }
}

static void
ks_scores_grid_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  KsScoresGrid *self = KS_SCORES_GRID (widget);

  ensure_layout (self);
  configure_adjustments (self, width, height);

  if (self->editing && self->rows->len)
    {
      KsGridView view = get_view (self);
      KsGridRect r = ks_grid_layout_get_cell_rect (self->layout, &view, self->focus_row, self->focus_column);
      double pad = round (ks_grid_layout_get_row_height (self->layout) * 0.25);
      int min_h;

      gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->editor,
                                &(GtkAllocation) { (int) (r.x + pad), (int) r.y,
                                                   (int) MAX (1, r.width - 2 * pad),
                                                   (int) MAX (min_h, r.height) },
                                -1);
    }
  if (gtk_widget_get_visible (self->popover))
    {
      popover_update_position (self);
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
  KsGridView view = get_view (self);
  KsGridDrawState state = { NO_CELL, NO_CELL, FALSE, FALSE, NULL };
  cairo_t *cr;

  if (view.width <= 0 || view.height <= 0)
    return;
  ensure_layout (self);
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
    {
      /* what the empty grid means, under the header */
      PangoLayout *text = gtk_widget_create_pango_layout (widget,
                                                          self->load_error ? self->load_error
                                                          : self->table->accounts->len ? _("No accounts match the filter")
                                                          : _("No accounts yet"));
      ks_color_set_source (cr, &self->palette->muted);
      cairo_move_to (cr, 12, ks_grid_layout_get_header_height (self->layout) + 12);
      pango_cairo_show_layout (cr, text);
      g_object_unref (text);
    }
  cairo_destroy (cr);

  if (self->editing)
    {
      KsGridRect body = ks_grid_layout_get_body_rect (self->layout, &view);

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (body.x, body.y, body.width, body.height));
      gtk_widget_snapshot_child (widget, self->editor, snapshot);
      gtk_snapshot_pop (snapshot);
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
    commit_edit (self);
  if (self->popover)
    g_signal_handlers_disconnect_by_data (self->popover, self);
  ks_scores_grid_set_workspace (self, NULL);
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
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
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
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
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
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
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "grid.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "grid.explanation", NULL, action_explanation);
  gtk_widget_class_install_action (widget_class, "grid.clear", NULL, action_clear);

  gtk_widget_class_set_css_name (widget_class, "scoresgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
ks_scores_grid_init (KsScoresGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkWidget *box, *scrolled;
  g_autoptr(GMenu) menu = g_menu_new ();

  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->tab_start_column = NO_CELL;
  self->focus_column = 1;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);

  self->editor = gtk_text_new ();
  gtk_editable_set_alignment (GTK_EDITABLE (self->editor), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->editor), 3);
  gtk_text_set_input_purpose (GTK_TEXT (self->editor), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_parent (self->editor, widget);
  gtk_widget_set_child_visible (self->editor, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Score"), -1);
  g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (on_editor_changed), self);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_editor_focus_leave), self);
  gtk_widget_add_controller (self->editor, controller);

  /* the explanation popover */
  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, widget);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->popover_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->popover_title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->popover_title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->popover_title), 40);
  gtk_widget_add_css_class (self->popover_title, "heading");
  gtk_box_append (GTK_BOX (box), self->popover_title);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_widget_add_css_class (scrolled, "card");
  self->popover_text = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->popover_text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->popover_text), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->popover_text), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->popover_text), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->popover_text), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->popover_text), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->popover_text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Explanation"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->popover_text);
  gtk_box_append (GTK_BOX (box), scrolled);
  self->popover_hint = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->popover_hint), 0);
  gtk_label_set_wrap (GTK_LABEL (self->popover_hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->popover_hint), 40);
  gtk_widget_add_css_class (self->popover_hint, "dim-label");
  gtk_widget_add_css_class (self->popover_hint, "caption");
  gtk_box_append (GTK_BOX (box), self->popover_hint);
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  /* "visible", not "closed": a popover hidden before it was ever mapped
   * emits no "closed" */
  g_signal_connect_swapped (self->popover, "notify::visible", G_CALLBACK (on_popover_visible), self);

  /* the context menu */
  g_menu_append (menu, _("_Edit Score"), "grid.edit");
  g_menu_append (menu, _("E_xplanation…"), "grid.explanation");
  g_menu_append (menu, _("_Clear Score"), "grid.clear");
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, widget);

  /* capture: the grid sees Tab, Enter and Escape before the editor does */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect_swapped (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scores"), -1);
  update_accessible (self);
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
    cancel_edit (self);
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
    commit_edit (self);
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
  if (self->editing && !commit_edit (self))
    cancel_edit (self);
  acc = row_at (self, self->focus_row);
  crit = criterion_at (self, self->focus_column);
  self->owner_filter = owner_id;
  g_free (self->segment_filter);
  self->segment_filter = g_strdup (segment);
  refilter (self, acc ? acc->account_id : 0, crit ? crit->id : 0, self->focus_column);
  scroll_to_focus (self);
  update_accessible (self);
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

  if (self->editing && !commit_edit (self))
    return FALSE;
  self->tab_start_column = NO_CELL;
  move_focus_to (self, row, column);
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
  return open_explanation (self);
}

GtkPopover *
ks_scores_grid_get_explanation_popover (KsScoresGrid *self)
{
  g_return_val_if_fail (KS_IS_SCORES_GRID (self), NULL);
  return GTK_POPOVER (self->popover);
}
