/* ks-opportunity-list.c — the Funnel view's table of opportunities: lazy,
 * sorted by the database, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A drawn grid, like the scores and RACI grids: render lays the columns out
 * (ks-grid-layout.c) and draws the rows in view (ks-grid-draw.c); this
 * widget asks KsOpportunityModel (ids in memory, opportunities loaded a page
 * at a time) for the rows it draws, so a frame costs the same for 5 rows or
 * 880,000. A GtkColumnView of eleven columns took 24–32 ms to scroll a page
 * on this machine (a widget per cell to bind, measure and snapshot); the
 * grid draws a page in a few ms. Column widths are fitted to the widget's
 * width (in font sizes, the title and account taking what is left), never
 * measured over the rows.
 *
 * Clicking a header asks the model for the database's order. Stage and
 * momentum are picked from a popover menu, value and close date typed into
 * a GtkText over the cell; each edit is one undo step through core
 * (ks-funnel.h), which signals the change; the model then loads the shown
 * rows again. A stage name that is not mapped shows as "Prospecting
 * (unmapped)" with a warning tint.
 *
 * This file is the widget: the cells' text, layout, drawing, scrolling,
 * tooltips and accessibility. Editing is in ks-opportunity-list-edit.c,
 * keys, clicks and the context menu in ks-opportunity-list-input.c; the
 * instance is in ks-opportunity-list-private.h.
 */
#define G_LOG_DOMAIN "ks-opportunity-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-chart.h"
#include "ks-grid-draw.h"
#include "ks-opportunity-list-private.h"
#include "ks-powermap-view.h"   /* ks_palette_new_for_widget() */

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

G_DEFINE_FINAL_TYPE_WITH_CODE (KsOpportunityList, ks_opportunity_list, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static const KsOpportunitySort column_sorts[KS_OPPORTUNITY_N_COLUMNS] = {
  KS_OPPORTUNITY_SORT_REF, KS_OPPORTUNITY_SORT_TITLE, KS_OPPORTUNITY_SORT_ACCOUNT,
  KS_OPPORTUNITY_SORT_OWNER, KS_OPPORTUNITY_SORT_PRODUCT, KS_OPPORTUNITY_SORT_STAGE,
  KS_OPPORTUNITY_SORT_VALUE, KS_OPPORTUNITY_SORT_WEIGHTED, KS_OPPORTUNITY_SORT_CLOSE_DATE,
  KS_OPPORTUNITY_SORT_MOMENTUM, KS_OPPORTUNITY_SORT_DAYS_IN_STAGE,
};

/* Each column's width in font sizes; the title and the account share what
 * the widget has beyond the sum (3 : 2). */
static const double column_ems[KS_OPPORTUNITY_N_COLUMNS] = {
  10, 12, 10, 9.5, 10, 17, 7, 7, 7.5, 8.5, 10,
};

static const char *
column_title (KsOpportunityColumn column)
{
  switch (column)
    {
    /* Translators: column headers of the Funnel view's opportunity list */
    case KS_OPPORTUNITY_COLUMN_REF: return C_("opportunity column", "Ref");
    case KS_OPPORTUNITY_COLUMN_TITLE: return C_("opportunity column", "Title");
    case KS_OPPORTUNITY_COLUMN_ACCOUNT: return C_("opportunity column", "Account");
    case KS_OPPORTUNITY_COLUMN_OWNER: return C_("opportunity column", "Owner");
    case KS_OPPORTUNITY_COLUMN_PRODUCT: return C_("opportunity column", "Product");
    case KS_OPPORTUNITY_COLUMN_STAGE: return C_("opportunity column", "Stage");
    case KS_OPPORTUNITY_COLUMN_VALUE: return C_("opportunity column", "Value");
    case KS_OPPORTUNITY_COLUMN_WEIGHTED: return C_("opportunity column", "Weighted");
    case KS_OPPORTUNITY_COLUMN_CLOSE_DATE: return C_("opportunity column", "Close Date");
    case KS_OPPORTUNITY_COLUMN_MOMENTUM: return C_("opportunity column", "Momentum");
    case KS_OPPORTUNITY_COLUMN_DAYS: return C_("opportunity column", "Days in Stage");
    case KS_OPPORTUNITY_N_COLUMNS:
    default: return "";
    }
}

static const char *
momentum_label (KsMomentum momentum)
{
  switch (momentum)
    {
    case KS_MOMENTUM_DEVELOPING: return C_("momentum", "Developing");
    case KS_MOMENTUM_STABLE: return C_("momentum", "Stable");
    case KS_MOMENTUM_FADING:
    default: return C_("momentum", "Fading");
    }
}

/* Helpers */

static char *
format_value (double value)
{
  if (isnan (value))
    return g_strdup ("");
  return ks_format_number (value, floor (value) == value ? 0 : 2);
}

static const char *
shown_close_date (KsOpportunity *o)
{
  if (ks_opportunity_get_outcome (o) == KS_OUTCOME_OPEN && ks_opportunity_get_expected_close_date (o))
    return ks_opportunity_get_expected_close_date (o);
  return ks_opportunity_get_close_date (o);
}

static gboolean
is_unmapped (KsOpportunity *o)
{
  return ks_opportunity_get_stage_id (o) == 0 && *ks_opportunity_get_stage (o);
}

static const char *
stage_name (KsOpportunityList *self,
            gint64             stage_id)
{
  for (guint i = 0; i < self->stage_ids->len; i++)
    if (g_array_index (self->stage_ids, gint64, i) == stage_id)
      return g_ptr_array_index (self->stage_names, i);
  return "";
}

KsMomentum
_ks_opportunity_list_momentum (KsOpportunityList *self,
                               KsOpportunity     *o)
{
  return ks_momentum_effective (ks_opportunity_get_momentum (o), ks_opportunity_get_outcome (o),
                                ks_opportunity_get_last_activity (o), ks_opportunity_get_stage_date (o),
                                ks_opportunity_get_engage_date (o), self->today, self->fading_weeks);
}

char *
_ks_opportunity_list_format_cell (KsOpportunityList *self,
                                  KsOpportunity     *o,
                                  guint              column)
{
  switch (column)
    {
    case KS_OPPORTUNITY_COLUMN_REF:
      return g_strdup (ks_opportunity_get_ref (o));
    case KS_OPPORTUNITY_COLUMN_TITLE:
      return g_strdup (ks_opportunity_get_title (o));
    case KS_OPPORTUNITY_COLUMN_ACCOUNT:
      return g_strdup (ks_opportunity_get_account_name (o));
    case KS_OPPORTUNITY_COLUMN_OWNER:
      return g_strdup (ks_opportunity_get_owner_name (o));
    case KS_OPPORTUNITY_COLUMN_PRODUCT:
      return g_strdup (ks_opportunity_get_product_name (o));
    case KS_OPPORTUNITY_COLUMN_STAGE:
      if (is_unmapped (o))
        /* Translators: an imported stage name that no funnel stage stands for, e.g. "Prospecting (unmapped)" */
        return g_strdup_printf (_("%s (unmapped)"), ks_opportunity_get_stage (o));
      return g_strdup (stage_name (self, ks_opportunity_get_stage_id (o)));
    case KS_OPPORTUNITY_COLUMN_VALUE:
      return format_value (ks_opportunity_get_value (o));
    case KS_OPPORTUNITY_COLUMN_WEIGHTED:
      return self->workspace ? format_value (round (ks_opportunity_query_weighted (self->workspace, o)))
                             : g_strdup ("");
    case KS_OPPORTUNITY_COLUMN_CLOSE_DATE:
      return g_strdup (shown_close_date (o) ? shown_close_date (o) : "");
    case KS_OPPORTUNITY_COLUMN_MOMENTUM:
      return g_strdup (momentum_label (_ks_opportunity_list_momentum (self, o)));
    case KS_OPPORTUNITY_COLUMN_DAYS:
      {
        const char *since = ks_opportunity_get_stage_date (o) ? ks_opportunity_get_stage_date (o)
                                                             : ks_opportunity_get_engage_date (o);
        gint64 days = ks_opportunity_query_days_since (since, self->today);

        return days >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, days) : g_strdup ("");
      }
    default:
      return g_strdup ("");
    }
}

KsOpportunity *
_ks_opportunity_list_get_item (KsOpportunityList *self,
                               guint              row)
{
  KsOpportunity *o;

  if (row >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return NULL;
  o = g_list_model_get_item (G_LIST_MODEL (self->model), row);
  if (o && ks_opportunity_get_id (o) <= 0)
    g_clear_object (&o);   /* deleted since the ids were read */
  return o;
}

/* A string that lives until the grid has drawn the cell it was made for. */
static const char *
keep_text (KsOpportunityList *self,
           char              *text)
{
  GString *s = self->scratch[self->scratch_next];

  self->scratch_next = (self->scratch_next + 1) % KS_OPPORTUNITY_LIST_N_SCRATCH;
  g_string_assign (s, text);
  g_free (text);
  return s->str;
}

static void
cell_func (guint       row,
           guint       column,
           KsGridCell *cell,
           gpointer    user_data)
{
  KsOpportunityList *self = user_data;
  g_autoptr(KsOpportunity) o = NULL;

  if (row == KS_GRID_HEADER)
    {
      gboolean descending;
      KsOpportunitySort sort = ks_opportunity_model_get_sort (self->model, &descending);

      if (sort == column_sorts[column])
        /* Translators: a column header with the order it sorts: "Value ↓"; "Value …" while sorting */
        cell->text = keep_text (self, g_strdup_printf (C_("sorted column", "%s %s"), column_title (column),
                                                       ks_opportunity_model_get_sorting (self->model) ? "…"
                                                       : descending ? "↓" : "↑"));
      else
        cell->text = column_title (column);
      return;
    }
  if (!(o = _ks_opportunity_list_get_item (self, row)))
    return;
  cell->text = keep_text (self, _ks_opportunity_list_format_cell (self, o, column));
  switch (column)
    {
    case KS_OPPORTUNITY_COLUMN_STAGE:
      if (is_unmapped (o))
        cell->flags |= KS_GRID_CELL_WARNING;
      cell->flags |= KS_GRID_CELL_CHOICE;
      break;
    case KS_OPPORTUNITY_COLUMN_MOMENTUM:
      if (ks_opportunity_get_outcome (o) != KS_OUTCOME_OPEN)
        cell->flags |= KS_GRID_CELL_EMPTY;
      else
        {
          cell->flags |= KS_GRID_CELL_CHOICE;
          if (_ks_opportunity_list_momentum (self, o) == KS_MOMENTUM_FADING)
            cell->flags |= KS_GRID_CELL_WARNING;
        }
      break;
    case KS_OPPORTUNITY_COLUMN_VALUE:
    case KS_OPPORTUNITY_COLUMN_CLOSE_DATE:
      if (!*cell->text)
        cell->flags |= KS_GRID_CELL_EMPTY;
      if (self->error && row == self->focus_row && column == self->focus_column)
        cell->flags |= KS_GRID_CELL_INVALID;
      break;
    default:
      break;
    }
}

static void
ensure_palette (KsOpportunityList *self)
{
  if (!self->palette)
    self->palette = ks_palette_new_for_widget (GTK_WIDGET (self));
}

void
_ks_opportunity_list_ensure_layout (KsOpportunityList *self)
{
  KsGridColumn columns[KS_OPPORTUNITY_N_COLUMNS];
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double font_px, sum = 0, extra;

  if (self->layout && (width == self->layout_width || width == 0))
    return;
  g_clear_pointer (&self->layout, ks_grid_layout_free);
  ensure_palette (self);
  self->layout = ks_grid_layout_new (self->palette, gtk_widget_get_pango_context (GTK_WIDGET (self)));
  self->layout_width = width;
  font_px = ks_chart_context_font_px (self->palette, gtk_widget_get_pango_context (GTK_WIDGET (self)));
  for (guint c = 0; c < KS_OPPORTUNITY_N_COLUMNS; c++)
    sum += round (column_ems[c] * font_px);
  extra = MAX (0, width - sum);
  for (guint c = 0; c < KS_OPPORTUNITY_N_COLUMNS; c++)
    {
      double w = round (column_ems[c] * font_px);
      KsGridAlign align = KS_GRID_ALIGN_START;
      KsGridColumnFlags flags = KS_GRID_COLUMN_DEFAULT;

      if (c == KS_OPPORTUNITY_COLUMN_TITLE)
        w += floor (extra * 0.6);
      else if (c == KS_OPPORTUNITY_COLUMN_ACCOUNT)
        w += extra - floor (extra * 0.6);
      if (c == KS_OPPORTUNITY_COLUMN_VALUE || c == KS_OPPORTUNITY_COLUMN_WEIGHTED ||
          c == KS_OPPORTUNITY_COLUMN_DAYS)
        align = KS_GRID_ALIGN_END;
      if (c == KS_OPPORTUNITY_COLUMN_WEIGHTED || c == KS_OPPORTUNITY_COLUMN_DAYS)
        flags = KS_GRID_COLUMN_COMPUTED;
      columns[c] = (KsGridColumn) { w, w, align, flags };
    }
  /* no rows measured: the widths are fixed, and 880,000 rows would each
   * be loaded to be measured */
  ks_grid_layout_set_content (self->layout, columns, KS_OPPORTUNITY_N_COLUMNS, 0, cell_func, self);
  ks_grid_layout_set_n_rows (self->layout, g_list_model_get_n_items (G_LIST_MODEL (self->model)));
}

static void
invalidate_layout (KsOpportunityList *self)
{
  g_clear_pointer (&self->layout, ks_grid_layout_free);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

KsGridView
_ks_opportunity_list_get_view (KsOpportunityList *self)
{
  return ks_grid_scroll_get_view (&self->scroll, GTK_WIDGET (self));
}

static char *
describe_cell (KsOpportunityList *self,
               guint              row,
               guint              column)
{
  g_autoptr(KsOpportunity) o = _ks_opportunity_list_get_item (self, row);
  g_autofree char *value = NULL;

  if (!o)
    return g_strdup (_("No opportunities"));
  value = _ks_opportunity_list_format_cell (self, o, column);
  if (!*value)
    /* Translators: accessible description of an empty cell: "OPP-7, Close Date: none" */
    return g_strdup_printf (_("%s, %s: none"), ks_opportunity_get_ref (o), column_title (column));
  /* Translators: accessible description of a cell: "OPP-7, Stage: Proposal with price" */
  return g_strdup_printf (_("%s, %s: %s"), ks_opportunity_get_ref (o), column_title (column), value);
}

void
_ks_opportunity_list_update_accessible (KsOpportunityList *self)
{
  g_autofree char *text = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    text = g_strdup (_("No opportunities"));
  else
    {
      g_autofree char *cell = describe_cell (self, self->focus_row, self->focus_column);

      text = self->error ? g_strdup_printf ("%s. %s", cell, self->error) : g_steal_pointer (&cell);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

void
_ks_opportunity_list_scroll_to_focus (KsOpportunityList *self)
{
  KsGridView view;
  double sx, sy;

  if (!self->layout || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;
  view = _ks_opportunity_list_get_view (self);
  if (view.width <= 0 || view.height <= 0)
    return;
  ks_grid_layout_scroll_to_cell (self->layout, &view, self->focus_row, self->focus_column, &sx, &sy);
  ks_grid_scroll_to (&self->scroll, &view, sx, sy);
}

static void
remember_focus_id (KsOpportunityList *self)
{
  self->focus_id = ks_opportunity_model_get_id (self->model, self->focus_row);
}

void
_ks_opportunity_list_move_focus_to (KsOpportunityList *self,
                                    guint              row,
                                    guint              column)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  row = n ? MIN (row, n - 1) : 0;
  column = MIN (column, KS_OPPORTUNITY_N_COLUMNS - 1);
  if (row != self->focus_row || column != self->focus_column)
    {
      self->focus_row = row;
      self->focus_column = column;
      _ks_opportunity_list_set_error (self, NULL);
    }
  remember_focus_id (self);
  _ks_opportunity_list_ensure_layout (self);
  _ks_opportunity_list_scroll_to_focus (self);
  _ks_opportunity_list_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
reload_stages (KsOpportunityList *self)
{
  g_autoptr(GPtrArray) stages = NULL;

  g_ptr_array_set_size (self->stage_names, 0);
  g_array_set_size (self->stage_ids, 0);
  if (self->workspace)
    stages = ks_stage_list (self->workspace, NULL);
  for (guint i = 0; stages && i < stages->len; i++)
    {
      KsStage *stage = g_ptr_array_index (stages, i);

      g_ptr_array_add (self->stage_names, g_strdup (stage->name));
      g_array_append_val (self->stage_ids, stage->id);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
reload_settings (KsOpportunityList *self)
{
  g_free (self->today);
  self->today = ks_opportunity_query_today ();
  self->fading_weeks = self->workspace ? ks_funnel_get_fading_weeks (self->workspace)
                                       : KS_FUNNEL_DEFAULT_FADING_WEEKS;
}

/* Callbacks */

static void
on_items_changed (KsOpportunityList *self,
                  guint              position,
                  guint              removed,
                  guint              added)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  if (self->layout)
    ks_grid_layout_set_n_rows (self->layout, n);
  /* the focused opportunity moved (a sort, a reload): follow it */
  if (self->focus_id > 0 && self->focus_row >= position && removed != added &&
      ks_opportunity_model_get_id (self->model, self->focus_row) != self->focus_id)
    {
      guint found = ks_opportunity_model_find (self->model, self->focus_id);

      if (found != GTK_INVALID_LIST_POSITION)
        self->focus_row = found;
    }
  if (self->focus_row >= n)
    self->focus_row = n ? n - 1 : 0;
  if (self->editing && ks_opportunity_model_get_id (self->model, self->focus_row) != self->focus_id)
    _ks_opportunity_list_cancel_edit (self);
  _ks_opportunity_list_update_accessible (self);
  /* more ids read in (opening a long list): the rows only set the scroll
   * range, so the range is set here and the list drawn again, rather than
   * measuring the whole window again for each slice (its scrolled window
   * does not take the list's natural height) */
  if (removed == 0 && position > 0 && position + added == n && self->layout &&
      gtk_widget_get_width (GTK_WIDGET (self)) > 0 && gtk_widget_get_height (GTK_WIDGET (self)) > 0)
    {
      double w, h;

      ks_grid_layout_get_size (self->layout, &w, &h);
      ks_grid_scroll_configure (&self->scroll, gtk_widget_get_width (GTK_WIDGET (self)),
                                gtk_widget_get_height (GTK_WIDGET (self)), w, h,
                                ks_grid_layout_get_row_height (self->layout));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_settings_changed (KsOpportunityList *self)
{
  reload_settings (self);
  ks_opportunity_model_refresh (self->model);
}

static void
on_stages_changed (KsOpportunityList *self)
{
  reload_stages (self);
}

static void
on_style_changed (KsOpportunityList *self)
{
  g_clear_pointer (&self->palette, ks_palette_free);
  invalidate_layout (self);
}

static void
on_adjustment_changed (KsOpportunityList *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip (KsOpportunityList *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  g_autoptr(KsOpportunity) o = NULL;
  g_autofree char *text = NULL;
  KsGridView view;
  KsGridHit hit;
  KsGridRect r;
  guint row, column;

  if (!self->layout)
    return FALSE;
  view = _ks_opportunity_list_get_view (self);
  if (keyboard)
    {
      row = self->focus_row;
      column = self->focus_column;
      hit = KS_GRID_HIT_CELL;
    }
  else
    hit = ks_grid_layout_hit_test (self->layout, &view, x, y, &row, &column);
  if (hit == KS_GRID_HIT_HEADER || hit == KS_GRID_HIT_CORNER)
    {
      if (hit == KS_GRID_HIT_CORNER)
        column = 0;
      /* Translators: tooltip of a column header of the opportunity list */
      text = g_strdup_printf (_("Sort by %s"), column_title (column));
      r = ks_grid_layout_get_cell_rect (self->layout, &view, KS_GRID_HEADER, column);
    }
  else if (hit == KS_GRID_HIT_CELL && (o = _ks_opportunity_list_get_item (self, row)))
    {
      if (self->error && row == self->focus_row && column == self->focus_column)
        text = g_strdup (self->error);
      else if (column == KS_OPPORTUNITY_COLUMN_STAGE && is_unmapped (o))
        /* Translators: tooltip of an unmapped stage in the opportunity list */
        text = g_strdup_printf (_("No funnel stage stands for the imported stage “%s”: map it in Stages…"),
                                ks_opportunity_get_stage (o));
      else if (column == KS_OPPORTUNITY_COLUMN_TITLE || column == KS_OPPORTUNITY_COLUMN_ACCOUNT ||
               column == KS_OPPORTUNITY_COLUMN_PRODUCT || column == KS_OPPORTUNITY_COLUMN_OWNER)
        {
          text = _ks_opportunity_list_format_cell (self, o, column);
          if (!*text)
            return FALSE;
        }
      else
        return FALSE;
      r = ks_grid_layout_get_cell_rect (self->layout, &view, row, column);
    }
  else
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) r.x, (int) r.y, (int) r.width, (int) r.height });
  return TRUE;
}

/* Vfuncs */

static void
ks_opportunity_list_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (widget);
  double w, h;

  _ks_opportunity_list_ensure_layout (self);
  ks_grid_layout_get_size (self->layout, &w, &h);
  ks_grid_scroll_measure (orientation, w, h, ks_grid_layout_get_column_width (self->layout, 0),
                          ks_grid_layout_get_header_height (self->layout) +
                          ks_grid_layout_get_row_height (self->layout),
                          minimum, natural);
}

static void
ks_opportunity_list_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (widget);
  double w, h;

  _ks_opportunity_list_ensure_layout (self);
  ks_grid_layout_get_size (self->layout, &w, &h);
  ks_grid_scroll_configure (&self->scroll, width, height, w, h, ks_grid_layout_get_row_height (self->layout));
  if (self->editing)
    {
      KsGridView view = _ks_opportunity_list_get_view (self);
      KsGridRect r = ks_grid_layout_get_cell_rect (self->layout, &view, self->focus_row, self->focus_column);

      ks_grid_editor_allocate (self->editor, &r, round (ks_grid_layout_get_row_height (self->layout) * 0.25));
    }
  _ks_opportunity_list_allocate_popovers (self);
}

/* Rows shaped per idle call: few enough that a key press waits little. */
#define PREPARE_CHUNK 8

/* After a frame, the rows a page below and a page above the view are read
 * and their texts shaped while the list is idle, a few at a time: a page
 * down or up then only replays glyphs (a far jump still shapes its rows in
 * its frame). */
static gboolean
prepare_rows (gpointer user_data)
{
  KsOpportunityList *self = user_data;
  KsGridView view = _ks_opportunity_list_get_view (self);
  guint page = self->shown_n, below = self->shown_first + page;
  guint above = self->shown_first >= page ? self->shown_first - page : 0;
  guint n_above = self->shown_first - above;
  guint from, n;

  if (!self->layout || !self->model || page == 0 || self->prepared >= page + n_above)
    {
      self->prepare_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->prepared < page)
    {
      from = below + self->prepared;
      n = MIN (PREPARE_CHUNK, page - self->prepared);
    }
  else
    {
      /* upwards from the view, the nearest first */
      guint done = self->prepared - page;

      n = MIN (PREPARE_CHUNK, n_above - done);
      from = self->shown_first - done - n;
    }
  ks_grid_draw_prepare (self->layout, &view, from, n, cell_func, self);
  self->prepared += n;
  return G_SOURCE_CONTINUE;
}

static void
schedule_prepare (KsOpportunityList *self)
{
  if (self->prepared_first == self->shown_first && (self->prepare_id || self->prepared > 0))
    return;
  self->prepared_first = self->shown_first;
  self->prepared = 0;
  if (!self->prepare_id)
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_rows, self, NULL);
}

static void
ks_opportunity_list_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (widget);
  KsGridView view = _ks_opportunity_list_get_view (self);
  KsGridDrawState state = { KS_GRID_NONE, KS_GRID_NONE, FALSE, FALSE, NULL };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  cairo_t *cr;

  if (view.width <= 0 || view.height <= 0)
    return;
  _ks_opportunity_list_ensure_layout (self);
  if (n)
    {
      state.focus_row = self->focus_row;
      state.focus_column = self->focus_column;
    }
  state.focused = gtk_widget_has_focus (widget) || (self->editing && gtk_widget_has_focus (self->editor)) ||
                  gtk_widget_get_visible (self->choices) || gtk_widget_get_visible (self->menu);
  state.editing = self->editing;
  state.message = self->error;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view.width, view.height));
  ks_grid_draw (cr, self->layout, &view, self->palette, &state, cell_func, self);
  ks_grid_layout_get_visible_rows (self->layout, &view, &self->shown_first, &self->shown_n);
  schedule_prepare (self);
  if (n == 0 && self->workspace && !ks_opportunity_model_get_loading (self->model))
    ks_grid_draw_note (cr, widget, &self->palette->muted, ks_grid_layout_get_header_height (self->layout) + 12,
                       _("No opportunities match the filter"));
  cairo_destroy (cr);

  if (self->editing)
    {
      KsGridRect body = ks_grid_layout_get_body_rect (self->layout, &view);

      ks_grid_editor_snapshot (self->editor, widget, snapshot, &body);
    }
}

static gboolean
ks_opportunity_list_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (widget);

  if (self->editing)
    return gtk_widget_child_focus (self->editor, direction);
  if (gtk_widget_is_focus (widget))
    return FALSE;   /* Tab out of the list goes on to the next widget */
  return gtk_widget_grab_focus (widget);
}

static void
ks_opportunity_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (object);

  switch (prop_id)
    {
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
ks_opportunity_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (object);

  switch (prop_id)
    {
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
ks_opportunity_list_dispose (GObject *object)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (object);

  g_clear_handle_id (&self->prepare_id, g_source_remove);
  /* what was typed is kept, as when the focus leaves */
  if (self->editing && self->workspace)
    _ks_opportunity_list_commit_edit (self);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  ks_grid_scroll_clear (&self->scroll, GTK_WIDGET (self));
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->choices, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->layout, ks_grid_layout_free);
  G_OBJECT_CLASS (ks_opportunity_list_parent_class)->dispose (object);
}

static void
ks_opportunity_list_finalize (GObject *object)
{
  KsOpportunityList *self = KS_OPPORTUNITY_LIST (object);

  g_ptr_array_unref (self->stage_names);
  g_array_unref (self->stage_ids);
  g_clear_pointer (&self->palette, ks_palette_free);
  g_free (self->today);
  g_free (self->error);
  for (guint i = 0; i < KS_OPPORTUNITY_LIST_N_SCRATCH; i++)
    g_string_free (self->scratch[i], TRUE);
  G_OBJECT_CLASS (ks_opportunity_list_parent_class)->finalize (object);
}

static void
ks_opportunity_list_class_init (KsOpportunityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_opportunity_list_dispose;
  object_class->finalize = ks_opportunity_list_finalize;
  object_class->get_property = ks_opportunity_list_get_property;
  object_class->set_property = ks_opportunity_list_set_property;
  widget_class->measure = ks_opportunity_list_measure;
  widget_class->size_allocate = ks_opportunity_list_size_allocate;
  widget_class->snapshot = ks_opportunity_list_snapshot;
  widget_class->focus = ks_opportunity_list_focus;
  ks_grid_scroll_override_properties (object_class, PROP_HADJUSTMENT);

  _ks_opportunity_list_class_add_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "opportunitylist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
ks_opportunity_list_init (KsOpportunityList *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->stage_names = g_ptr_array_new_with_free_func (g_free);
  self->stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->fading_weeks = KS_FUNNEL_DEFAULT_FADING_WEEKS;
  self->today = ks_opportunity_query_today ();
  for (guint i = 0; i < KS_OPPORTUNITY_LIST_N_SCRATCH; i++)
    self->scratch[i] = g_string_new (NULL);
  self->model = ks_opportunity_model_new ();
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (on_items_changed), self);
  g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (gtk_widget_queue_draw), self);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);

  _ks_opportunity_list_init_edit (self);
  _ks_opportunity_list_init_input (self);

  g_signal_connect_swapped (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Opportunities"), -1);
  _ks_opportunity_list_update_accessible (self);
}

GtkWidget *
ks_opportunity_list_new (void)
{
  return g_object_new (KS_TYPE_OPPORTUNITY_LIST, NULL);
}

/* Public API */

void
ks_opportunity_list_set_workspace (KsOpportunityList *self,
                                   KsWorkspace       *workspace)
{
  g_return_if_fail (KS_IS_OPPORTUNITY_LIST (self));

  if (self->workspace == workspace)
    return;
  if (self->editing)
    _ks_opportunity_list_cancel_edit (self);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    {
      g_signal_connect_swapped (workspace, "changed::settings", G_CALLBACK (on_settings_changed), self);
      g_signal_connect_swapped (workspace, "changed::funnel_stages", G_CALLBACK (on_stages_changed), self);
    }
  reload_settings (self);
  reload_stages (self);
  self->focus_row = 0;
  self->focus_id = 0;
  ks_opportunity_model_set_workspace (self->model, workspace);
  ks_grid_scroll_home (&self->scroll);
}

void
ks_opportunity_list_set_query (KsOpportunityList    *self,
                               const KsFunnelFilter *filter,
                               gint64                stage_id)
{
  g_return_if_fail (KS_IS_OPPORTUNITY_LIST (self));

  if (self->editing && !_ks_opportunity_list_commit_edit (self))
    _ks_opportunity_list_cancel_edit (self);
  ks_opportunity_model_set_query (self->model, filter, stage_id);
}

KsOpportunityModel *
ks_opportunity_list_get_model (KsOpportunityList *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), NULL);

  return self->model;
}

void
ks_opportunity_list_sort_by (KsOpportunityList   *self,
                             KsOpportunityColumn  column,
                             gboolean             descending)
{
  g_return_if_fail (KS_IS_OPPORTUNITY_LIST (self));
  g_return_if_fail (column < KS_OPPORTUNITY_N_COLUMNS);

  if (self->editing && !_ks_opportunity_list_commit_edit (self))
    _ks_opportunity_list_cancel_edit (self);
  remember_focus_id (self);
  ks_opportunity_model_set_sort (self->model, column_sorts[column], descending);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ks_opportunity_list_get_sort (KsOpportunityList   *self,
                              KsOpportunityColumn *column,
                              gboolean            *descending)
{
  gboolean down;
  KsOpportunitySort sort;

  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), FALSE);

  sort = ks_opportunity_model_get_sort (self->model, &down);
  if (descending)
    *descending = down;
  for (guint c = 0; c < KS_OPPORTUNITY_N_COLUMNS; c++)
    if (column_sorts[c] == sort)
      {
        if (column)
          *column = c;
        return TRUE;
      }
  return FALSE;
}

char *
ks_opportunity_list_get_cell_text (KsOpportunityList   *self,
                                   gint64               id,
                                   KsOpportunityColumn  column)
{
  guint position;
  g_autoptr(KsOpportunity) o = NULL;

  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), NULL);
  g_return_val_if_fail (column < KS_OPPORTUNITY_N_COLUMNS, NULL);

  position = ks_opportunity_model_find (self->model, id);
  if (position == GTK_INVALID_LIST_POSITION || !(o = _ks_opportunity_list_get_item (self, position)))
    return NULL;
  return _ks_opportunity_list_format_cell (self, o, column);
}

gboolean
ks_opportunity_list_set_focus (KsOpportunityList   *self,
                               guint                position,
                               KsOpportunityColumn  column)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), FALSE);

  if (self->editing && !_ks_opportunity_list_commit_edit (self))
    return FALSE;
  _ks_opportunity_list_move_focus_to (self, position, column);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0;
}

gboolean
ks_opportunity_list_focus_id (KsOpportunityList *self,
                              gint64             id)
{
  guint position;

  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), FALSE);

  ks_opportunity_model_finish (self->model);
  position = ks_opportunity_model_find (self->model, id);
  if (position == GTK_INVALID_LIST_POSITION || !ks_opportunity_list_set_focus (self, position, KS_OPPORTUNITY_COLUMN_REF))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

gboolean
ks_opportunity_list_get_focus (KsOpportunityList   *self,
                               guint               *position,
                               KsOpportunityColumn *column)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), FALSE);

  if (position)
    *position = self->focus_row;
  if (column)
    *column = self->focus_column;
  return g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0;
}

gboolean
ks_opportunity_list_is_editing (KsOpportunityList *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), FALSE);

  return self->editing;
}

const char *
ks_opportunity_list_get_error (KsOpportunityList *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), NULL);

  return self->error;
}

GtkPopover *
ks_opportunity_list_get_choices (KsOpportunityList *self)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), NULL);

  return GTK_POPOVER (self->choices);
}

gboolean
ks_opportunity_list_get_shown_rows (KsOpportunityList *self,
                                    guint             *first,
                                    guint             *n)
{
  g_return_val_if_fail (KS_IS_OPPORTUNITY_LIST (self), FALSE);

  if (first)
    *first = self->shown_first;
  if (n)
    *n = self->shown_n;
  return self->shown_n > 0;
}
