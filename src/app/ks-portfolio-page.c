/* ks-portfolio-page.c — the portfolio review: matrix, ABC, ranking, scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page for the whole portfolio. The sidebar (built in
 * ks-portfolio-sidebar.c, shown by the window in its sidebar) holds what
 * applies to every view: the review period and the one to compare with,
 * whose accounts (a key account manager's, a segment), the matrix's preset,
 * axes and colours, the revenue source, and the accounts that changed
 * quadrant. The page reads the workspace through core (ks_portfolio_load,
 * ks_abc_report_load, ks_ranking_compare) on idle after any change, and
 * hands plain data to the drawn views; every edit (a score, a divider, the
 * criteria) is one undo step in core.
 *
 * This file is the page: loading, the four views and the ABC list, the
 * status line, export and print. The criteria and weights dialog is in
 * ks-criteria-dialog.c, the new review period dialog in ks-period-dialog.c;
 * the instance is in ks-portfolio-page-private.h.
 */
#define G_LOG_DOMAIN "ks-portfolio-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ks-app-util.h"
#include "ks-chart-view.h"
#include "ks-palette.h"
#include "ks-portfolio-model.h"
#include "ks-portfolio-page-private.h"
#include "ks-portfolio-view.h"
#include "ks-scores-grid.h"
#include "ks-window.h"

#define TOP_N 20

G_DEFINE_FINAL_TYPE (KsPortfolioPage, ks_portfolio_page, GTK_TYPE_WIDGET)

/* ---- one ABC row as a list item ---- */

#define KS_TYPE_ABC_ITEM (ks_abc_item_get_type ())
G_DECLARE_FINAL_TYPE (KsAbcItem, ks_abc_item, KS, ABC_ITEM, GObject)

struct _KsAbcItem
{
  GObject  parent_instance;
  gint64   id;
  guint    rank;
  char    *name;
  char    *revenue;
  char    *share;
  char    *cumulative;
  char    *klass;
};

G_DEFINE_FINAL_TYPE (KsAbcItem, ks_abc_item, G_TYPE_OBJECT)

static void
ks_abc_item_finalize (GObject *object)
{
  KsAbcItem *self = KS_ABC_ITEM (object);

  g_free (self->name);
  g_free (self->revenue);
  g_free (self->share);
  g_free (self->cumulative);
  g_free (self->klass);
  G_OBJECT_CLASS (ks_abc_item_parent_class)->finalize (object);
}

static void
ks_abc_item_class_init (KsAbcItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ks_abc_item_finalize;
}

static void
ks_abc_item_init (KsAbcItem *self)
{
}

static char *
format_percent (double value)
{
  g_autofree char *number = ks_format_number (value, 1);

  /* Translators: a share, e.g. "12.5 %" */
  return g_strdup_printf (_("%s %%"), number);
}

static KsAbcItem *
abc_item_new (const KsAbcRow *row)
{
  KsAbcItem *item = g_object_new (KS_TYPE_ABC_ITEM, NULL);

  item->id = row->id;
  item->rank = row->rank;
  item->name = g_strdup (row->name);
  item->revenue = ks_format_number (row->revenue, 0);
  item->share = format_percent (row->share);
  item->cumulative = format_percent (row->cumulative_share);
  item->klass = g_strdup (ks_abc_class_name (row->klass));
  return item;
}

/* ---- helpers ---- */

static KsWindow *
get_window (KsPortfolioPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KS_IS_WINDOW (root) ? KS_WINDOW (root) : NULL;
}

static void
query_for (KsPortfolioPage  *self,
           KsPortfolioQuery *query)
{
  *query = (KsPortfolioQuery) {
    .preset = self->preset,
    .period_id = self->period_id,
    .compare_id = self->compare_id,
    .owner_id = self->owner_id,
    .segment = self->segment,
    .colour_by = self->colour_by,
    .year = self->year,
  };
  ks_axis_parse (self->x_axis, &query->x);
  ks_axis_parse (self->y_axis, &query->y);
}

static void
fill_abc_list (KsPortfolioPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->abc && i < self->abc->rows->len; i++)
    g_ptr_array_add (items, abc_item_new (&g_array_index (self->abc->rows, KsAbcRow, i)));
  g_list_store_splice (self->abc_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->abc_store)),
                       items->pdata, items->len);
}

/* A view with nothing to show says what is missing and offers the action
 * that fills it, instead of axes with nothing on them. TRUE when it does. */
static gboolean
update_empty_state (KsPortfolioPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->stack));
  const KsPortfolio *p = self->portfolio;
  AdwStatusPage *page = ADW_STATUS_PAGE (self->empty_page);
  gboolean empty = TRUE;

  if (!p || !self->abc)
    empty = FALSE;
  else if (self->abc->rows->len == 0)
    /* the ABC report is not filtered: no row is no account at all */
    ks_status_page_set (page, "x-office-address-book-symbolic", _("No Accounts Yet"),
                        _("Import a CRM export or add accounts to review your portfolio here."),
                        _("_Import CRM Export…"), "win.import-crm");
  else if (g_strcmp0 (view, "abc") == 0)
    {
      if (self->abc->total > 0)
        empty = FALSE;
      else if (ks_abc_get_source (self->workspace) == KS_REVENUE_ACCOUNT)
        ks_status_page_set (page, "view-sort-descending-symbolic", _("No Revenue Figures Yet"),
                            _("Fill in the customers’ annual revenue on their profiles to rank them."),
                            NULL, NULL);
      else if (self->year > 0)
        {
          /* Translators: %d is a year */
          g_autofree char *title = g_strdup_printf (_("No Opportunities Won in %d"), self->year);

          ks_status_page_set (page, "view-sort-descending-symbolic", title,
                              _("Pick all time or another year under Revenue in the sidebar."),
                              _("Show _All Time"), "portfolio.all-time");
        }
      else
        ks_status_page_set (page, "view-sort-descending-symbolic", _("No Won Opportunities Yet"),
                            _("Import a CRM export with the sales pipeline, or rank the accounts by "
                              "the customers’ own revenue."),
                            _("Use the _Customers’ Revenue"), "portfolio.use-account-revenue");
    }
  else if (p->items->len == 0)
    ks_status_page_set (page, "system-search-symbolic", _("No Matching Accounts"),
                        _("No account has the key account manager and segment picked in the sidebar."),
                        _("Show _All Accounts"), "portfolio.show-all");
  else if (g_strcmp0 (view, "scores") == 0)
    empty = FALSE;
  else if (g_strcmp0 (view, "ranking") == 0)
    {
      if (self->ranking && self->ranking->after && self->ranking->after->len > 0)
        empty = FALSE;
      else
        ks_status_page_set (page, "view-list-ordered-symbolic", _("No Scores Yet"),
                            _("Score the accounts in the Scores view to rank them."),
                            _("_Enter Scores"), "portfolio.show-view::scores");
    }
  else if (p->items->len > p->n_unplaced)
    empty = FALSE;
  else if (p->missing)
    ks_status_page_set (page, "view-app-grid-symbolic", _("Nothing to Place"), p->missing, NULL, NULL);
  else
    ks_status_page_set (page, "view-app-grid-symbolic", _("No Scores Yet"),
                        p->preset == KS_PRESET_CUSTOM
                          ? _("Score the accounts in the Scores view, or pick axes in the sidebar "
                              "that the accounts have values for.")
                          : _("Score the accounts in the Scores view to place them on the matrix."),
                        _("_Enter Scores"), "portfolio.show-view::scores");

  gtk_stack_set_visible_child_name (GTK_STACK (self->empty_stack), empty ? "empty" : "views");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.export", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.print", !empty);
  return empty;
}

static void
update_status (KsPortfolioPage *self)
{
  const KsPortfolio *p = self->portfolio;
  const char *view = adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->stack));
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (!p)
    {
      gtk_label_set_text (GTK_LABEL (self->status_label), "");
      gtk_label_set_text (GTK_LABEL (self->title_label), "");
      return;
    }
  gtk_widget_set_visible (self->status_label, !update_empty_state (self));
  if (p->period)
    title = p->compare
      /* Translators: the portfolio's heading, e.g. "Review 2026-Q3, compared with 2026-Q2" */
      ? g_strdup_printf (_("Review %s, compared with %s"), p->period, p->compare)
      : g_strdup_printf (_("Review %s"), p->period);
  else
    title = g_strdup (_("No review period yet"));
  gtk_label_set_text (GTK_LABEL (self->title_label), title);

  if (g_strcmp0 (view, "abc") == 0 && self->abc)
    {
      g_autofree char *total = ks_format_number (self->abc->total, 0);
      g_autofree char *key = ks_format_number (self->abc->key_share, 1);

      g_string_printf (s, _("%u accounts, %s in revenue. Key accounts bring %s %% of it "
                            "(the rule of thumb: 50–60 %%)."),
                       self->abc->rows->len, total, key);
    }
  else if (g_strcmp0 (view, "scores") == 0)
    g_string_assign (s, _("Type a score from 0 to 100; Tab and Enter move on, Delete clears, "
                          "Ctrl+Enter adds an explanation. The weighted score is in the last column."));
  else if (g_strcmp0 (view, "ranking") == 0)
    g_string_assign (s, p->compare
                          ? _("The top 20 by weighted score in both periods: ▲ ▼ rank changes, "
                              "“new” entered the top 20, “out” left it. Double-click an account to open it.")
                          : _("Pick a period to compare with to see the rank changes."));
  else if (p->missing)
    g_string_assign (s, p->missing);
  else
    {
      guint placed = p->items->len - p->n_unplaced;

      g_string_printf (s, ngettext ("%u account placed", "%u accounts placed", placed), placed);
      if (p->n_unplaced)
        {
          g_string_append (s, " · ");
          g_string_append_printf (s, ngettext ("%u without the scores to place it",
                                               "%u without the scores to place them", p->n_unplaced),
                                  p->n_unplaced);
        }
      if (p->compare)
        {
          g_string_append (s, " · ");
          g_string_append_printf (s, ngettext ("%u changed quadrant", "%u changed quadrant", p->moved->len),
                                  p->moved->len);
        }
      g_string_append (s, " · ");
      g_string_append (s, _("Double-click a bubble to open the account; drag a divider to move it."));
    }
  gtk_label_set_text (GTK_LABEL (self->status_label), s->str);
}

void
_ks_portfolio_page_reload (KsPortfolioPage *self)
{
  KsPortfolioQuery query;
  g_autoptr(GError) error = NULL;
  KsPortfolio *portfolio;
  KsAbcReport *abc;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->dirty = FALSE;
  if (!self->workspace)
    return;

  /* a period picked here may have gone (undo, another window): follow the current one */
  if (self->period_id > 0 || self->compare_id > 0)
    {
      g_autoptr(GPtrArray) periods = ks_period_list (self->workspace, NULL);
      gboolean period_found = FALSE, compare_found = FALSE;

      for (guint i = 0; periods && i < periods->len; i++)
        {
          gint64 id = ((KsPeriod *) g_ptr_array_index (periods, i))->id;

          period_found |= id == self->period_id;
          compare_found |= id == self->compare_id;
        }
      if (self->period_id > 0 && !period_found)
        self->period_id = 0;
      if (self->compare_id > 0 && !compare_found)
        self->compare_id = 0;
    }
  query_for (self, &query);
  portfolio = ks_portfolio_load (self->workspace, &query, &error);
  if (!portfolio)
    {
      g_warning ("Could not load the portfolio: %s", error->message);
      return;
    }
  abc = ks_abc_report_load (self->workspace, -1, self->year, &error);
  if (!abc)
    {
      g_warning ("Could not load the ABC report: %s", error->message);
      ks_portfolio_free (portfolio);
      return;
    }

  /* the views keep pointers into the old data until they get the new */
  ks_portfolio_view_set_portfolio (KS_PORTFOLIO_VIEW (self->matrix), portfolio);
  ks_chart_view_set_abc (KS_CHART_VIEW (self->abc_chart), abc);
  g_clear_pointer (&self->portfolio, ks_portfolio_free);
  g_clear_pointer (&self->abc, ks_abc_report_free);
  self->portfolio = portfolio;
  self->abc = abc;

  g_clear_pointer (&self->ranking, ks_ranking_free);
  self->ranking = ks_portfolio_ranking (portfolio, TOP_N);
  ks_chart_view_set_ranking (KS_CHART_VIEW (self->ranking_chart), self->ranking,
                             portfolio->compare, portfolio->period);
  if (self->grid)
    ks_scores_grid_set_period_id (KS_SCORES_GRID (self->grid), portfolio->period_id);

  _ks_portfolio_page_fill_sidebar (self);
  _ks_portfolio_page_fill_moved (self);
  fill_abc_list (self);
  update_status (self);
}

static gboolean
reload_idle (gpointer data)
{
  KsPortfolioPage *self = data;

  self->reload_id = 0;
  _ks_portfolio_page_reload (self);
  return G_SOURCE_REMOVE;
}

void
_ks_portfolio_page_queue_reload (KsPortfolioPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (!self->reload_id)
    self->reload_id = g_idle_add (reload_idle, self);
}

/* ---- callbacks ---- */

static void
on_workspace_changed (KsPortfolioPage *self,
                      const char      *table)
{
  if (g_strcmp0 (table, "opportunities") == 0)
    self->years_valid = FALSE;
  _ks_portfolio_page_queue_reload (self);
}

static void
on_account_activated (KsPortfolioPage *self,
                      gint64           account_id)
{
  KsWindow *window = get_window (self);

  if (!window || account_id <= 0)
    return;
  ks_window_set_page (window, "accounts");
  ks_window_select_account (window, account_id);
  ks_window_set_account_view (window, "profile");
}

static void
on_dividers_moved (KsPortfolioPage *self,
                   double           x,
                   double           y)
{
  KsPortfolioQuery query;
  g_autoptr(GError) error = NULL;

  query_for (self, &query);
  if (!ks_portfolio_save_dividers (self->workspace, &query, x, y, &error))
    ks_message_dialog_show (GTK_WIDGET (self), _("Could Not Move the Divider"), error->message);
}

static void
on_view_changed (KsPortfolioPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->stack));
  gboolean scores = g_strcmp0 (view, "scores") == 0;

  gtk_widget_set_visible (self->criteria_button, scores);
  gtk_widget_set_visible (self->period_button, scores);
  update_status (self);
}

static void
on_abc_row_activated (GtkColumnView   *view,
                      guint            position,
                      KsPortfolioPage *self)
{
  g_autoptr(KsAbcItem) item = g_list_model_get_item (G_LIST_MODEL (self->abc_store), position);

  if (item)
    on_account_activated (self, item->id);
}

/* ---- the ABC list's columns ---- */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (xalign) ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  KsAbcItem *abc = gtk_list_item_get_item (item);
  const char *field = g_object_get_data (G_OBJECT (factory), "field");
  g_autofree char *rank = NULL;
  const char *text = "";

  if (g_str_equal (field, "rank"))
    text = rank = g_strdup_printf ("%u", abc->rank);
  else if (g_str_equal (field, "name"))
    text = abc->name;
  else if (g_str_equal (field, "revenue"))
    text = abc->revenue;
  else if (g_str_equal (field, "share"))
    text = abc->share;
  else if (g_str_equal (field, "cumulative"))
    text = abc->cumulative;
  else if (g_str_equal (field, "class"))
    text = abc->klass;
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_abc_column (KsPortfolioPage *self,
                const char      *title,
                const char      *field,
                gboolean         numeric,
                gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "field", (gpointer) field);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->abc_list), column);
  g_object_unref (column);
}

/* ---- export and print ---- */

static KsPortfolioChart
shown_chart (KsPortfolioPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->stack));

  if (g_strcmp0 (view, "abc") == 0)
    return KS_PORTFOLIO_CHART_ABC;
  if (g_strcmp0 (view, "ranking") == 0)
    return KS_PORTFOLIO_CHART_RANKING;
  return KS_PORTFOLIO_CHART_MATRIX;
}

static gboolean
export_file (GtkWidget   *page,
             const char  *path,
             GError     **error)
{
  return ks_portfolio_page_export (KS_PORTFOLIO_PAGE (page), path, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  const char *what;

  switch (shown_chart (self))
    {
    case KS_PORTFOLIO_CHART_ABC:
      what = _("ABC analysis");
      break;
    case KS_PORTFOLIO_CHART_RANKING:
      what = _("ranking");
      break;
    case KS_PORTFOLIO_CHART_MATRIX:
    default:
      what = _("portfolio matrix");
      break;
    }
  /* Translators: file name of an export, e.g. "portfolio matrix 2026-Q3.pdf" */
  name = g_strdup_printf (_("%s %s.%s"), what,
                          self->portfolio && self->portfolio->period ? self->portfolio->period : "", format);
  ks_export_dialog_show (widget, _("Export Chart"), name, export_file,
                         /* Translators: %s is a folder */
                         _("Exported the chart to %s"), _("Could Not Export the Chart"));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              KsPortfolioPage   *self)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  KsPortfolioCharts charts = { self->portfolio, self->abc, self->ranking };

  ks_portfolio_chart_draw (cr, shown_chart (self), &charts, palette,
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!ks_portfolio_page_print (KS_PORTFOLIO_PAGE (widget), NULL, &error))
    ks_message_dialog_show (widget, _("Could Not Print the Chart"), error->message);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ks_portfolio_page_set_view (KS_PORTFOLIO_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (widget);

  ks_portfolio_page_set_owner (self, 0);
  ks_portfolio_page_set_segment (self, NULL);
}

/* The revenue row's first entry is all time, its last the customers' revenue. */
static void
revenue_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (widget);
  guint n = g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (self->revenue_row)));

  if (n > 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->revenue_row),
                                g_str_equal (action_name, "portfolio.all-time") ? 0 : n - 1);
}

/* ---- vfuncs ---- */

static void
ks_portfolio_page_map (GtkWidget *widget)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (widget);

  GTK_WIDGET_CLASS (ks_portfolio_page_parent_class)->map (widget);
  if (self->dirty)
    _ks_portfolio_page_queue_reload (self);
}

static void
ks_portfolio_page_dispose (GObject *object)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_PORTFOLIO_PAGE);
  g_clear_object (&self->sidebar);
  g_clear_object (&self->abc_store);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (ks_portfolio_page_parent_class)->dispose (object);
}

static void
ks_portfolio_page_finalize (GObject *object)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (object);

  g_clear_pointer (&self->portfolio, ks_portfolio_free);
  g_clear_pointer (&self->abc, ks_abc_report_free);
  g_clear_pointer (&self->ranking, ks_ranking_free);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_free (self->x_axis);
  g_free (self->y_axis);
  g_free (self->segment);
  G_OBJECT_CLASS (ks_portfolio_page_parent_class)->finalize (object);
}

static void
ks_portfolio_page_class_init (KsPortfolioPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_portfolio_page_dispose;
  object_class->finalize = ks_portfolio_page_finalize;
  widget_class->map = ks_portfolio_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/keystone/Keystone/ks-portfolio-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, box);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, criteria_button);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, period_button);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, empty_stack);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, matrix_bin);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, abc_bin);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, abc_list);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, ranking_bin);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, scores_scroller);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, status_label);

  gtk_widget_class_install_action (widget_class, "portfolio.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "portfolio.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "portfolio.edit-criteria", NULL, _ks_portfolio_page_edit_criteria_action);
  gtk_widget_class_install_action (widget_class, "portfolio.new-period", NULL, _ks_portfolio_page_new_period_action);
  gtk_widget_class_install_action (widget_class, "portfolio.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "portfolio.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "portfolio.all-time", NULL, revenue_action);
  gtk_widget_class_install_action (widget_class, "portfolio.use-account-revenue", NULL, revenue_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ks_portfolio_page_init (KsPortfolioPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->preset = KS_PRESET_PROFITABILITY_POTENTIAL;
  self->x_axis = g_strdup ("score");
  self->y_axis = g_strdup ("revenue");
  self->colour_by = KS_COLOUR_BY_ABC;
  self->year = -1;
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->years = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->matrix = ks_portfolio_view_new ();
  adw_bin_set_child (ADW_BIN (self->matrix_bin), self->matrix);
  g_signal_connect_object (self->matrix, "account-activated", G_CALLBACK (on_account_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->matrix, "dividers-moved", G_CALLBACK (on_dividers_moved), self, G_CONNECT_SWAPPED);

  self->abc_chart = ks_chart_view_new ();
  adw_bin_set_child (ADW_BIN (self->abc_bin), self->abc_chart);
  g_signal_connect_object (self->abc_chart, "account-activated", G_CALLBACK (on_account_activated), self, G_CONNECT_SWAPPED);
  self->ranking_chart = ks_chart_view_new ();
  adw_bin_set_child (ADW_BIN (self->ranking_bin), self->ranking_chart);
  g_signal_connect_object (self->ranking_chart, "account-activated", G_CALLBACK (on_account_activated), self, G_CONNECT_SWAPPED);

  self->abc_store = g_list_store_new (KS_TYPE_ABC_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->abc_store)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->abc_list), GTK_SELECTION_MODEL (selection));
  add_abc_column (self, _("Rank"), "rank", TRUE, FALSE);
  add_abc_column (self, _("Account"), "name", FALSE, TRUE);
  add_abc_column (self, _("Revenue"), "revenue", TRUE, FALSE);
  add_abc_column (self, _("Share"), "share", TRUE, FALSE);
  add_abc_column (self, _("Cumulative"), "cumulative", TRUE, FALSE);
  add_abc_column (self, _("Class"), "class", FALSE, FALSE);
  gtk_column_view_set_single_click_activate (GTK_COLUMN_VIEW (self->abc_list), FALSE);
  g_signal_connect_object (self->abc_list, "activate", G_CALLBACK (on_abc_row_activated), self, 0);

  _ks_portfolio_page_build_sidebar (self);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
  on_view_changed (self);
}

GtkWidget *
ks_portfolio_page_new (void)
{
  return g_object_new (KS_TYPE_PORTFOLIO_PAGE, NULL);
}

void
ks_portfolio_page_set_workspace (KsPortfolioPage *self,
                                 KsWorkspace     *workspace)
{
  static const char *const tables[] = {
    "accounts", "account_scores", "score_criteria", "review_periods", "opportunities", "people", "settings",
  };

  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  self->years_valid = FALSE;
  self->period_id = 0;
  self->compare_id = 0;
  self->owner_id = 0;
  g_clear_pointer (&self->segment, g_free);

  if (self->grid)
    {
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scores_scroller), NULL);
      self->grid = NULL;
    }
  if (workspace)
    {
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);

          g_signal_connect_swapped (workspace, signal, G_CALLBACK (on_workspace_changed), self);
        }
      self->grid = ks_scores_grid_new (workspace, 0);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scores_scroller), self->grid);
      _ks_portfolio_page_reload (self);
    }
}

GtkWidget *
ks_portfolio_page_get_sidebar (KsPortfolioPage *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), NULL);
  return self->sidebar;
}

GtkWidget *
ks_portfolio_page_get_stack (KsPortfolioPage *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), NULL);
  return self->stack;
}

void
ks_portfolio_page_set_view (KsPortfolioPage *self,
                            const char      *view)
{
  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->stack), view);
}

const char *
ks_portfolio_page_get_view (KsPortfolioPage *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), NULL);
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->stack));
}

void
ks_portfolio_page_reload (KsPortfolioPage *self)
{
  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));
  _ks_portfolio_page_reload (self);
}

const KsPortfolio *
ks_portfolio_page_get_portfolio (KsPortfolioPage *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), NULL);
  return self->portfolio;
}

const KsAbcReport *
ks_portfolio_page_get_abc (KsPortfolioPage *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), NULL);
  return self->abc;
}

const KsRanking *
ks_portfolio_page_get_ranking (KsPortfolioPage *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), NULL);
  return self->ranking;
}

GtkWidget *
ks_portfolio_page_get_matrix (KsPortfolioPage *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), NULL);
  return self->matrix;
}

GtkWidget *
ks_portfolio_page_get_scores_grid (KsPortfolioPage *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), NULL);
  return self->grid;
}

const char *
ks_portfolio_page_get_empty_title (KsPortfolioPage *self)
{
  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->empty_stack)), "empty") != 0)
    return NULL;
  return adw_status_page_get_title (ADW_STATUS_PAGE (self->empty_page));
}

gboolean
ks_portfolio_page_export (KsPortfolioPage *self,
                          const char      *path,
                          GError         **error)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  KsPortfolioCharts charts;

  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), FALSE);

  charts = (KsPortfolioCharts) { self->portfolio, self->abc, self->ranking };
  return ks_portfolio_chart_export (path, shown_chart (self), &charts, palette,
                                    1920, 1080, error);
}

gboolean
ks_portfolio_page_print (KsPortfolioPage *self,
                         const char      *export_pdf,
                         GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), FALSE);

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  return ks_print_operation_run (operation, GTK_WIDGET (self), _("Portfolio review"), export_pdf, error);
}

