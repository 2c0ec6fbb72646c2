/* ks-portfolio-page.c — the portfolio review: matrix, ABC, ranking, scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page for the whole portfolio. The sidebar (built here, shown by the
 * window in its sidebar) holds what applies to every view: the review
 * period and the one to compare with, whose accounts (a key account
 * manager's, a segment), the matrix's preset, axes and colours, the revenue
 * source, and the accounts that changed quadrant. The page reads the
 * workspace through core (ks_portfolio_load, ks_abc_report_load,
 * ks_ranking_compare) on idle after any change, and hands plain data to the
 * drawn views; every edit (a score, a divider, the criteria) is one undo
 * step in core.
 */
#define G_LOG_DOMAIN "ks-portfolio-page"

#include "config.h"

#include "ks-portfolio-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-chart-view.h"
#include "ks-palette.h"
#include "ks-person.h"
#include "ks-portfolio-model.h"
#include "ks-portfolio-view.h"
#include "ks-scores-grid.h"
#include "ks-window.h"

#define TOP_N 20

struct _KsPortfolioPage
{
  GtkWidget          parent_instance;

  KsWorkspace       *workspace;
  KsPortfolioPreset  preset;
  char              *x_axis;          /* custom axes, as ks_axis_parse() reads them */
  char              *y_axis;
  gint64             period_id;       /* 0 = the current one */
  gint64             compare_id;      /* 0 = the one before, -1 = none */
  gint64             owner_id;
  char              *segment;
  KsColourBy         colour_by;
  int                year;            /* -1 = all time */

  KsPortfolio       *portfolio;
  KsAbcReport       *abc;
  KsRanking         *ranking;
  GPtrArray         *periods;         /* KsPeriod, by name */
  GArray            *owner_ids;       /* gint64, position - 1 in the owner row */
  GArray            *years;           /* int, position - 1 in the revenue row (after all time) */
  gboolean           years_valid;     /* false after a change of the opportunities */
  GPtrArray         *criteria;        /* KsCriterion, for the axis rows */
  guint              reload_id;
  gboolean           dirty;
  gboolean           filling;         /* the sidebar's rows are being refilled */

  /* template */
  GtkWidget         *box;
  GtkWidget         *title_label;
  GtkWidget         *criteria_button;
  GtkWidget         *period_button;
  GtkWidget         *stack;
  GtkWidget         *matrix_bin;
  GtkWidget         *abc_bin;
  GtkWidget         *abc_list;
  GtkWidget         *ranking_bin;
  GtkWidget         *scores_scroller;
  GtkWidget         *status_label;

  /* in code */
  GtkWidget         *matrix;
  GtkWidget         *abc_chart;
  GtkWidget         *ranking_chart;
  GtkWidget         *grid;
  GListStore        *abc_store;
  GtkWidget         *sidebar;
  GtkWidget         *period_row;
  GtkWidget         *compare_row;
  GtkWidget         *owner_row;
  GtkWidget         *segment_row;
  GtkWidget         *preset_row;
  GtkWidget         *x_row;
  GtkWidget         *y_row;
  GtkWidget         *colour_row;
  GtkWidget         *revenue_row;
  GtkWidget         *moved_group;
  GtkWidget         *moved_list;
};

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

static GtkStringList *
combo_strings (GtkWidget *row)
{
  return GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (row)));
}

static void
combo_set_strings (GtkWidget         *row,
                   const char *const *strings,
                   guint              selected)
{
  GtkStringList *list = combo_strings (row);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  gtk_string_list_splice (list, 0, n, strings);
  if (selected < g_list_model_get_n_items (G_LIST_MODEL (list)))
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
}

static const char *
axis_choices[] = { "score", "revenue", "account-revenue", "employees" };

static char *
axis_choice_label (const char *choice)
{
  if (g_str_equal (choice, "score"))
    return g_strdup (_("Weighted score"));
  if (g_str_equal (choice, "revenue"))
    return g_strdup (_("Our revenue"));
  if (g_str_equal (choice, "account-revenue"))
    return g_strdup (_("Customer’s revenue"));
  if (g_str_equal (choice, "employees"))
    return g_strdup (_("Employees"));
  return g_strdup (choice);
}

/* The axis rows list the fixed choices, then every criterion. */
static char *
axis_at (KsPortfolioPage *self,
         guint            position)
{
  if (position < G_N_ELEMENTS (axis_choices))
    return g_strdup (axis_choices[position]);
  position -= G_N_ELEMENTS (axis_choices);
  if (self->criteria && position < self->criteria->len)
    return g_strdup (((KsCriterion *) g_ptr_array_index (self->criteria, position))->name);
  return g_strdup ("score");
}

static guint
axis_position (KsPortfolioPage *self,
               const char      *axis)
{
  for (guint i = 0; i < G_N_ELEMENTS (axis_choices); i++)
    if (g_str_equal (axis, axis_choices[i]))
      return i;
  if (self->criteria && ks_criteria_find (self->criteria, axis))
    for (guint i = 0; i < self->criteria->len; i++)
      if (g_ptr_array_index (self->criteria, i) == ks_criteria_find (self->criteria, axis))
        return G_N_ELEMENTS (axis_choices) + i;
  return 0;
}

static void
fill_axis_rows (KsPortfolioPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (axis_choices); i++)
    g_ptr_array_add (labels, axis_choice_label (axis_choices[i]));
  for (guint i = 0; self->criteria && i < self->criteria->len; i++)
    {
      KsCriterion *c = g_ptr_array_index (self->criteria, i);

      /* Translators: an axis choice, a criterion's score, e.g. "Score: Yield strength" */
      g_ptr_array_add (labels, g_strdup_printf (_("Score: %s"), c->name));
    }
  g_ptr_array_add (labels, NULL);
  combo_set_strings (self->x_row, (const char * const *) labels->pdata, axis_position (self, self->x_axis));
  combo_set_strings (self->y_row, (const char * const *) labels->pdata, axis_position (self, self->y_axis));
  gtk_widget_set_visible (self->x_row, self->preset == KS_PRESET_CUSTOM);
  gtk_widget_set_visible (self->y_row, self->preset == KS_PRESET_CUSTOM);
}

static guint
period_position (KsPortfolioPage *self,
                 gint64           id)
{
  for (guint i = 0; self->periods && i < self->periods->len; i++)
    if (((KsPeriod *) g_ptr_array_index (self->periods, i))->id == id)
      return i;
  return G_MAXUINT;
}

/* Fills the rows whose choices come from the workspace: periods, owners,
 * years, criteria. */
static void
fill_sidebar (KsPortfolioPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GArray) years = NULL;
  gint64 current = self->portfolio ? self->portfolio->period_id : 0;
  gint64 compare = self->portfolio ? self->portfolio->compare_id : 0;
  guint pos;

  self->filling = TRUE;

  g_clear_pointer (&self->periods, g_ptr_array_unref);
  self->periods = ks_period_list (self->workspace, &error);
  if (!self->periods)
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
      self->periods = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->periods->len; i++)
    g_ptr_array_add (labels, g_strdup (((KsPeriod *) g_ptr_array_index (self->periods, i))->name));
  g_ptr_array_add (labels, NULL);
  pos = period_position (self, current);
  combo_set_strings (self->period_row, (const char * const *) labels->pdata, pos == G_MAXUINT ? 0 : pos);
  gtk_widget_set_sensitive (self->period_row, self->periods->len > 0);

  /* "None" first, then the periods */
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, g_strdup (_("None")));
  for (guint i = 0; i < self->periods->len; i++)
    g_ptr_array_add (labels, g_strdup (((KsPeriod *) g_ptr_array_index (self->periods, i))->name));
  g_ptr_array_add (labels, NULL);
  pos = compare ? period_position (self, compare) : G_MAXUINT;
  combo_set_strings (self->compare_row, (const char * const *) labels->pdata, pos == G_MAXUINT ? 0 : pos + 1);
  gtk_widget_set_sensitive (self->compare_row, self->periods->len > 1);

  /* owners: the people who own an account */
  g_ptr_array_set_size (labels, 0);
  g_array_set_size (self->owner_ids, 0);
  g_ptr_array_add (labels, g_strdup (_("Everyone")));
  people = ks_person_list (self->workspace, &error);
  pos = 0;
  if (people)
    {
      g_autoptr(GHashTable) owners = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GArray) owner_ids = ks_portfolio_owner_ids (self->workspace, NULL);

      for (guint i = 0; owner_ids && i < owner_ids->len; i++)
        g_hash_table_add (owners, &g_array_index (owner_ids, gint64, i));
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(KsPerson) person = g_list_model_get_item (people, i);
          gint64 id = ks_person_get_id (person);

          if (!g_hash_table_contains (owners, &id))
            continue;
          g_array_append_val (self->owner_ids, id);
          g_ptr_array_add (labels, g_strdup (ks_person_get_name (person)));
          if (id == self->owner_id)
            pos = self->owner_ids->len;
        }
    }
  else
    g_clear_error (&error);
  g_ptr_array_add (labels, NULL);
  combo_set_strings (self->owner_row, (const char * const *) labels->pdata, pos);

  /* revenue: won all time, won per year, the customer's own */
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, g_strdup (_("Won, all time")));
  if (!self->years_valid)
    {
      /* a scan of the opportunities: only after they changed */
      years = ks_portfolio_revenue_years (self->workspace, NULL);
      g_array_set_size (self->years, 0);
      if (years)
        g_array_append_vals (self->years, years->data, years->len);
      self->years_valid = TRUE;
    }
  pos = 0;
  for (guint i = 0; i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);

      /* Translators: revenue source, e.g. "Won in 2017" */
      g_ptr_array_add (labels, g_strdup_printf (_("Won in %d"), year));
      if (year == self->year)
        pos = i + 1;
    }
  g_ptr_array_add (labels, g_strdup (_("The customer’s revenue")));
  if (ks_abc_get_source (self->workspace) == KS_REVENUE_ACCOUNT)
    pos = self->years->len + 1;
  g_ptr_array_add (labels, NULL);
  combo_set_strings (self->revenue_row, (const char * const *) labels->pdata, pos);

  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  self->criteria = ks_criteria_list (self->workspace, NULL);
  fill_axis_rows (self);

  self->filling = FALSE;
}

static void
on_moved_row_activated (GtkListBox      *box,
                        GtkListBoxRow   *row,
                        KsPortfolioPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "account-id"));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->stack), "matrix");
  ks_portfolio_view_set_selected (KS_PORTFOLIO_VIEW (self->matrix), id);
  gtk_widget_grab_focus (self->matrix);
}

static void
fill_moved (KsPortfolioPage *self)
{
  const KsPortfolio *p = self->portfolio;
  g_autofree char *title = NULL;

  ks_list_box_remove_rows (GTK_LIST_BOX (self->moved_list));
  if (!p || !p->compare)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->moved_group), _("Changed Quadrant"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->moved_group),
                                             _("Pick a period to compare with to see who moved."));
      return;
    }
  /* Translators: heading of the list of accounts that moved, e.g. "Changed Quadrant Since 2026-Q2" */
  title = g_strdup_printf (_("Changed Quadrant Since %s"), p->compare);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->moved_group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->moved_group),
                                         p->moved->len ? NULL : _("No account changed quadrant."));
  for (guint i = 0; i < p->moved->len; i++)
    {
      const KsPortfolioItem *item = &g_array_index (p->items, KsPortfolioItem,
                                                    g_array_index (p->moved, guint, i));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (item->name, -1);
      g_autofree char *subtitle = g_strdup_printf ("%s → %s", ks_portfolio_quadrant_name (p, item->prev_quadrant),
                                                   ks_portfolio_quadrant_name (p, item->quadrant));
      g_autofree char *escaped_sub = g_markup_escape_text (subtitle, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_sub);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "account-id", GSIZE_TO_POINTER ((gsize) item->account_id));
      gtk_list_box_append (GTK_LIST_BOX (self->moved_list), row);
    }
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

static void
reload (KsPortfolioPage *self)
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

  fill_sidebar (self);
  fill_moved (self);
  fill_abc_list (self);
  update_status (self);
}

static gboolean
reload_idle (gpointer data)
{
  KsPortfolioPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (KsPortfolioPage *self)
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
  queue_reload (self);
}

static void
on_period_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->period_row));

  if (self->filling || !self->periods || pos >= self->periods->len)
    return;
  self->period_id = ((KsPeriod *) g_ptr_array_index (self->periods, pos))->id;
  self->compare_id = 0;   /* the one before the new period */
  queue_reload (self);
}

static void
on_compare_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->compare_row));

  if (self->filling || !self->periods || pos == GTK_INVALID_LIST_POSITION)
    return;
  self->compare_id = pos == 0 || pos > self->periods->len
                       ? -1 : ((KsPeriod *) g_ptr_array_index (self->periods, pos - 1))->id;
  queue_reload (self);
}

static void
on_owner_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->owner_row));

  if (self->filling)
    return;
  self->owner_id = pos > 0 && pos <= self->owner_ids->len ? g_array_index (self->owner_ids, gint64, pos - 1) : 0;
  if (self->grid)
    ks_scores_grid_set_filter (KS_SCORES_GRID (self->grid), self->owner_id, self->segment);
  queue_reload (self);
}

static const char *segments_by_position[] = { NULL, KS_SEGMENT_KEY, KS_SEGMENT_IMPORTANT, KS_SEGMENT_NORMAL };

static void
on_segment_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->segment_row));

  if (self->filling)
    return;
  g_free (self->segment);
  self->segment = g_strdup (pos < G_N_ELEMENTS (segments_by_position) ? segments_by_position[pos] : NULL);
  if (self->grid)
    ks_scores_grid_set_filter (KS_SCORES_GRID (self->grid), self->owner_id, self->segment);
  queue_reload (self);
}

static void
on_preset_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->preset_row));

  if (self->filling || pos > KS_PRESET_CUSTOM)
    return;
  self->preset = pos;
  gtk_widget_set_visible (self->x_row, self->preset == KS_PRESET_CUSTOM);
  gtk_widget_set_visible (self->y_row, self->preset == KS_PRESET_CUSTOM);
  queue_reload (self);
}

static void
on_axis_selected (KsPortfolioPage *self)
{
  if (self->filling)
    return;
  g_free (self->x_axis);
  g_free (self->y_axis);
  self->x_axis = axis_at (self, adw_combo_row_get_selected (ADW_COMBO_ROW (self->x_row)));
  self->y_axis = axis_at (self, adw_combo_row_get_selected (ADW_COMBO_ROW (self->y_row)));
  queue_reload (self);
}

static void
on_colour_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->colour_row));

  if (self->filling || pos > KS_COLOUR_BY_OWNER)
    return;
  self->colour_by = pos;
  queue_reload (self);
}

static void
on_revenue_selected (KsPortfolioPage *self)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (self->revenue_row));
  g_autoptr(GError) error = NULL;
  KsRevenueSource source;

  if (self->filling || pos == GTK_INVALID_LIST_POSITION)
    return;
  source = pos == self->years->len + 1 ? KS_REVENUE_ACCOUNT : KS_REVENUE_WON;
  self->year = pos >= 1 && pos <= self->years->len ? g_array_index (self->years, int, pos - 1) : -1;
  if (source != ks_abc_get_source (self->workspace) &&
      !ks_abc_set_source (self->workspace, source, &error))
    ks_message_dialog_show (GTK_WIDGET (self), _("Could Not Change the Revenue Source"), error->message);
  queue_reload (self);
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

/* ---- the sidebar ---- */

static GtkWidget *
combo_row (const char        *title,
           const char *const *strings)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (strings);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  return row;
}

static GtkWidget *
group (GtkWidget  *box,
       const char *title)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  gtk_box_append (GTK_BOX (box), g);
  return g;
}

static void
build_sidebar (KsPortfolioPage *self)
{
  const char *segments[] = { _("All segments"), ks_account_segment_label (KS_SEGMENT_KEY),
                             ks_account_segment_label (KS_SEGMENT_IMPORTANT),
                             ks_account_segment_label (KS_SEGMENT_NORMAL), NULL };
  const char *presets[] = { _("Profitability × potential"), _("Attractiveness × our position"),
                            _("Any two axes"), NULL };
  const char *colours[] = { _("ABC class"), _("Segment"), _("Key account manager"), NULL };
  const char *none[] = { NULL };
  GtkWidget *scroller, *box, *g;

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);

  g = group (box, _("Review"));
  self->period_row = combo_row (_("_Period"), none);
  self->compare_row = combo_row (_("Compared _with"), none);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->period_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->compare_row);

  g = group (box, _("Accounts"));
  self->owner_row = combo_row (_("_Key account manager"), none);
  self->segment_row = combo_row (_("Se_gment"), segments);
  self->revenue_row = combo_row (_("_Revenue"), none);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->owner_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->segment_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->revenue_row);

  g = group (box, _("Matrix"));
  self->preset_row = combo_row (_("_Axes"), presets);
  self->x_row = combo_row (_("Hori_zontal"), none);
  self->y_row = combo_row (_("_Vertical"), none);
  self->colour_row = combo_row (_("_Colour"), colours);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->preset_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->x_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->y_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->colour_row);

  self->moved_group = group (box, _("Changed Quadrant"));
  self->moved_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->moved_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->moved_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->moved_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accounts that changed quadrant"), -1);
  g_signal_connect_object (self->moved_list, "row-activated", G_CALLBACK (on_moved_row_activated), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->moved_group), self->moved_list);

  g_signal_connect_object (self->period_row, "notify::selected", G_CALLBACK (on_period_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_row, "notify::selected", G_CALLBACK (on_compare_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_row, "notify::selected", G_CALLBACK (on_owner_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->segment_row, "notify::selected", G_CALLBACK (on_segment_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->revenue_row, "notify::selected", G_CALLBACK (on_revenue_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preset_row, "notify::selected", G_CALLBACK (on_preset_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->x_row, "notify::selected", G_CALLBACK (on_axis_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->y_row, "notify::selected", G_CALLBACK (on_axis_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->colour_row, "notify::selected", G_CALLBACK (on_colour_selected), self, G_CONNECT_SWAPPED);

  self->sidebar = g_object_ref_sink (scroller);
}

/* ---- criteria and periods ---- */

typedef struct
{
  KsPortfolioPage *page;
  GtkWidget       *dialog;
  GtkWidget       *rows;       /* GtkBox of GtkBox rows: entry, spin button, remove */
  GtkWidget       *sum_label;
  GArray          *ids;        /* gint64 per row, 0 = new */
} CriteriaEditor;

static void
criteria_editor_free (gpointer  data,
                      GClosure *closure)
{
  CriteriaEditor *editor = data;

  g_array_unref (editor->ids);
  g_free (editor);
}

static void criteria_editor_update (CriteriaEditor *editor);

static void
on_remove_criterion (GtkButton      *button,
                     CriteriaEditor *editor)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (button));
  guint index = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (editor->rows); w && w != row; w = gtk_widget_get_next_sibling (w))
    index++;
  g_array_remove_index (editor->ids, index);
  gtk_box_remove (GTK_BOX (editor->rows), row);
  criteria_editor_update (editor);
}

static void
criteria_editor_add_row (CriteriaEditor *editor,
                         gint64          id,
                         const char     *name,
                         double          weight)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Criterion"), -1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), weight);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weight"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove the criterion and its scores"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (GTK_BOX (row), spin);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (GTK_BOX (editor->rows), row);
  g_array_append_val (editor->ids, id);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (criteria_editor_update), editor);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (criteria_editor_update), editor);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_criterion), editor);
}

/* Reads the rows into criteria (names borrowed from the entries). */
static GArray *
criteria_editor_read (CriteriaEditor *editor)
{
  GArray *criteria = g_array_new (FALSE, TRUE, sizeof (KsCriterion));
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (editor->rows); row; row = gtk_widget_get_next_sibling (row), i++)
    {
      GtkWidget *entry = gtk_widget_get_first_child (row);
      GtkWidget *spin = gtk_widget_get_next_sibling (entry);
      KsCriterion c = {
        g_array_index (editor->ids, gint64, i),
        (char *) gtk_editable_get_text (GTK_EDITABLE (entry)),
        gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)),
      };

      g_array_append_val (criteria, c);
    }
  return criteria;
}

static void
criteria_editor_update (CriteriaEditor *editor)
{
  g_autoptr(GArray) criteria = criteria_editor_read (editor);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  double sum = 0;

  for (guint i = 0; i < criteria->len; i++)
    {
      KsCriterion *c = &g_array_index (criteria, KsCriterion, i);

      g_ptr_array_add (names, c->name);
      g_array_append_val (weights, c->weight);
      sum += c->weight;
    }
  if (ks_score_weights_check ((const char * const *) names->pdata, (const double *) weights->data,
                              criteria->len, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The weights add up to %g."), sum);

      gtk_label_set_text (GTK_LABEL (editor->sum_label), text);
      gtk_widget_remove_css_class (editor->sum_label, "error");
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (editor->dialog), "save", TRUE);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (editor->sum_label), error->message);
      gtk_widget_add_css_class (editor->sum_label, "error");
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (editor->dialog), "save", FALSE);
    }
}

static void
on_add_criterion (GtkButton      *button,
                  CriteriaEditor *editor)
{
  criteria_editor_add_row (editor, 0, "", 0);
  criteria_editor_update (editor);
}

static void
on_criteria_response (AdwMessageDialog *dialog,
                      const char       *response,
                      CriteriaEditor   *editor)
{
  if (g_str_equal (response, "save"))
    {
      g_autoptr(GArray) criteria = criteria_editor_read (editor);
      g_autoptr(GError) error = NULL;

      if (ks_criteria_set (editor->page->workspace, (const KsCriterion *) criteria->data, criteria->len, &error))
        ks_widget_add_undo_toast (GTK_WIDGET (editor->page), _("Changed the criteria"));
      else
        ks_message_dialog_show (GTK_WIDGET (editor->page), _("Could Not Change the Criteria"), error->message);
    }
}

static void
edit_criteria_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (widget);
  g_autoptr(GPtrArray) criteria = ks_criteria_list (self->workspace, NULL);
  CriteriaEditor *editor = g_new0 (CriteriaEditor, 1);
  GtkWidget *box, *add;

  editor->page = self;
  editor->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  editor->dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                           _("Criteria and Weights"),
                                           _("Each account is scored 0–100 on every criterion; the "
                                             "weighted score is Σ weight × score / 100. The weights "
                                             "must add up to 100. Removing a criterion removes its "
                                             "scores (Undo brings them back)."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  editor->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), editor->rows);
  add = gtk_button_new_with_mnemonic (_("_Add Criterion"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_criterion), editor);
  gtk_box_append (GTK_BOX (box), add);
  editor->sum_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (editor->sum_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (editor->sum_label), 0);
  gtk_box_append (GTK_BOX (box), editor->sum_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (editor->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (editor->dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (editor->dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (editor->dialog), "cancel");
  for (guint i = 0; criteria && i < criteria->len; i++)
    {
      KsCriterion *c = g_ptr_array_index (criteria, i);

      criteria_editor_add_row (editor, c->id, c->name, c->weight);
    }
  criteria_editor_update (editor);
  g_signal_connect_data (editor->dialog, "response", G_CALLBACK (on_criteria_response), editor,
                         criteria_editor_free, 0);
  gtk_window_present (GTK_WINDOW (editor->dialog));
}

/* "2026-Q3" → "2026-Q4", "2026-Q4" → "2027-Q1"; otherwise "" */
static char *
next_period_name (const char *name)
{
  int year, quarter;
  char tail;

  if (name && sscanf (name, "%d-Q%d%c", &year, &quarter, &tail) == 2 && quarter >= 1 && quarter <= 4)
    return quarter == 4 ? g_strdup_printf ("%d-Q1", year + 1) : g_strdup_printf ("%d-Q%d", year, quarter + 1);
  return g_strdup ("");
}

static void
on_period_response (AdwMessageDialog *dialog,
                    const char       *response,
                    KsPortfolioPage  *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *entry = gtk_widget_get_first_child (box);
  GtkWidget *copy = gtk_widget_get_next_sibling (entry);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(KsScoreTable) from = NULL;
  gint64 from_id = self->portfolio ? self->portfolio->period_id : 0;
  gint64 id;

  if (!g_str_equal (response, "add"))
    return;
  if (!ks_workspace_begin (self->workspace, _("Add Review Period"), &error))
    goto failed;
  id = ks_period_ensure (self->workspace, name, TRUE, &error);
  if (!id)
    goto rollback;
  if (from_id && gtk_check_button_get_active (GTK_CHECK_BUTTON (copy)))
    {
      /* start from the last review's scores: a review changes some, not all */
      from = ks_score_table_load (self->workspace, from_id, FALSE, &error);
      if (!from)
        goto rollback;
      for (guint i = 0; i < from->accounts->len; i++)
        {
          KsAccountScore *row = g_ptr_array_index (from->accounts, i);

          for (guint c = 0; c < from->criteria->len; c++)
            if (!isnan (row->scores[c]) &&
                !ks_score_set (self->workspace, row->account_id, id,
                               ((KsCriterion *) g_ptr_array_index (from->criteria, c))->id,
                               row->scores[c], row->explanations[c], &error))
              goto rollback;
        }
    }
  if (!ks_period_set_current (self->workspace, id, &error) ||
      !ks_workspace_commit (self->workspace, &error))
    goto rollback;
  self->period_id = id;
  self->compare_id = 0;
  queue_reload (self);
  ks_widget_add_undo_toast (GTK_WIDGET (self), _("Added the review period"));
  return;

rollback:
  ks_workspace_rollback (self->workspace);
failed:
  ks_message_dialog_show (GTK_WIDGET (self), _("Could Not Add the Review Period"), error->message);
}

static void
on_period_name_changed (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *name != '\0');
}

static void
new_period_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (widget);
  const char *last = self->periods && self->periods->len
                       ? ((KsPeriod *) g_ptr_array_index (self->periods, self->periods->len - 1))->name : NULL;
  g_autofree char *suggestion = next_period_name (last);
  g_autofree char *copy_label = NULL;
  GtkWidget *dialog, *box, *entry, *copy;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("New Review Period"),
                                   _("Name it after the quarter or half year it reviews, such as "
                                     "2026-Q4: periods are sorted by name."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period name"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  copy_label = self->portfolio && self->portfolio->period
    /* Translators: a check box in the new-period dialog, e.g. "Start from the scores of 2026-Q3" */
    ? g_strdup_printf (_("Start from the scores of %s"), self->portfolio->period)
    : g_strdup (_("Start from the current scores"));
  copy = gtk_check_button_new_with_label (copy_label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (copy), self->portfolio && self->portfolio->period);
  gtk_widget_set_sensitive (copy, self->portfolio && self->portfolio->period);
  gtk_box_append (GTK_BOX (box), copy);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_period_name_changed), dialog);
  on_period_name_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_period_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

/* ---- vfuncs ---- */

static void
ks_portfolio_page_map (GtkWidget *widget)
{
  KsPortfolioPage *self = KS_PORTFOLIO_PAGE (widget);

  GTK_WIDGET_CLASS (ks_portfolio_page_parent_class)->map (widget);
  if (self->dirty)
    queue_reload (self);
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
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, matrix_bin);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, abc_bin);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, abc_list);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, ranking_bin);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, scores_scroller);
  gtk_widget_class_bind_template_child (widget_class, KsPortfolioPage, status_label);

  gtk_widget_class_install_action (widget_class, "portfolio.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "portfolio.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "portfolio.edit-criteria", NULL, edit_criteria_action);
  gtk_widget_class_install_action (widget_class, "portfolio.new-period", NULL, new_period_action);

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

  build_sidebar (self);
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
      reload (self);
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
  reload (self);
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

void
ks_portfolio_page_set_preset (KsPortfolioPage   *self,
                              KsPortfolioPreset  preset)
{
  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->preset_row), preset);
  reload (self);
}

void
ks_portfolio_page_set_colour_by (KsPortfolioPage *self,
                                 KsColourBy       colour_by)
{
  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->colour_row), colour_by);
  reload (self);
}

void
ks_portfolio_page_set_owner (KsPortfolioPage *self,
                             gint64           owner_id)
{
  guint pos = 0;

  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));
  for (guint i = 0; i < self->owner_ids->len; i++)
    if (g_array_index (self->owner_ids, gint64, i) == owner_id)
      pos = i + 1;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->owner_row), pos);
  reload (self);
}

void
ks_portfolio_page_set_segment (KsPortfolioPage *self,
                               const char      *segment)
{
  guint pos = 0;

  g_return_if_fail (KS_IS_PORTFOLIO_PAGE (self));
  for (guint i = 1; i < G_N_ELEMENTS (segments_by_position); i++)
    if (g_strcmp0 (segment, segments_by_position[i]) == 0)
      pos = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->segment_row), pos);
  reload (self);
}

guint
ks_portfolio_page_get_n_moved (KsPortfolioPage *self)
{
  guint n = 0;

  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), 0);
  for (GtkWidget *w = gtk_widget_get_first_child (self->moved_list); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LIST_BOX_ROW (w))
      n++;
  return n;
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
  GtkPrintOperationResult result;

  g_return_val_if_fail (KS_IS_PORTFOLIO_PAGE (self), FALSE);

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Portfolio review"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  if (export_pdf)
    gtk_print_operation_set_export_filename (operation, export_pdf);
  result = gtk_print_operation_run (operation,
                                    export_pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                               : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
