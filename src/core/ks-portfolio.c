/* ks-portfolio.c — the portfolio matrix's data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-portfolio"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "ks-account.h"
#include "ks-opportunity.h"
#include "ks-portfolio.h"
#include "ks-funnel-private.h"
#include "ks-workspace-private.h"

#define CRITERION_PROFITABILITY "Yield strength"
#define CRITERION_POTENTIAL     "Reserve potential"
#define CRITERION_POSITION      "Relationship quality"

typedef struct
{
  double revenue;
  double employees;
} AccountFigures;

static void
clear_item (gpointer data)
{
  KsPortfolioItem *item = data;

  g_free (item->name);
  g_free (item->segment);
  g_free (item->owner);
}

static gboolean
axis_is_score (const KsAxis *axis)
{
  return axis->kind == KS_AXIS_SCORE || axis->kind == KS_AXIS_CRITERION;
}

static char *
axis_label (const KsAxis *axis,
            const char   *role)
{
  const char *what = NULL;

  switch (axis->kind)
    {
    case KS_AXIS_SCORE:
      what = _("weighted score");
      break;
    case KS_AXIS_CRITERION:
      what = axis->criterion;
      break;
    case KS_AXIS_REVENUE:
      what = _("our revenue");
      break;
    case KS_AXIS_ACCOUNT_REVENUE:
      what = _("customer’s revenue");
      break;
    case KS_AXIS_EMPLOYEES:
      what = _("employees");
      break;
    }
  if (role)
    /* Translators: an axis of the portfolio matrix, e.g. "Profitability (Yield strength)" */
    return g_strdup_printf (_("%s (%s)"), role, what);
  return g_strdup (what);
}

static char *
axis_key (const KsAxis *axis)
{
  switch (axis->kind)
    {
    case KS_AXIS_SCORE:
      return g_strdup ("score");
    case KS_AXIS_CRITERION:
      return g_utf8_casefold (axis->criterion, -1);
    case KS_AXIS_REVENUE:
      return g_strdup ("revenue");
    case KS_AXIS_ACCOUNT_REVENUE:
      return g_strdup ("account-revenue");
    case KS_AXIS_EMPLOYEES:
      return g_strdup ("employees");
    }
  g_return_val_if_reached (NULL);
}

static char *
dividers_key (const KsPortfolioQuery *query,
              const KsAxis           *x,
              const KsAxis           *y)
{
  g_autofree char *xk = NULL;
  g_autofree char *yk = NULL;

  if (query->preset != KS_PRESET_CUSTOM)
    return g_strconcat ("portfolio.dividers.", ks_portfolio_preset_name (query->preset), NULL);
  xk = axis_key (x);
  yk = axis_key (y);
  return g_strconcat ("portfolio.dividers.custom.", xk, ".", yk, NULL);
}

static void
resolve_axes (const KsPortfolioQuery *query,
              KsAxis                 *x,
              KsAxis                 *y)
{
  switch (query->preset)
    {
    case KS_PRESET_PROFITABILITY_POTENTIAL:
      *x = (KsAxis) { KS_AXIS_CRITERION, CRITERION_PROFITABILITY };
      *y = (KsAxis) { KS_AXIS_CRITERION, CRITERION_POTENTIAL };
      break;
    case KS_PRESET_ATTRACTIVENESS_POSITION:
      *x = (KsAxis) { KS_AXIS_CRITERION, CRITERION_POSITION };
      *y = (KsAxis) { KS_AXIS_SCORE, NULL };
      break;
    case KS_PRESET_CUSTOM:
    default:
      *x = query->x;
      *y = query->y;
      break;
    }
}

/* Index of the criterion on @axis in @criteria, -1 for other axes, -2 when
 * the criterion does not exist. */
static int
criterion_index (GPtrArray    *criteria,
                 const KsAxis *axis)
{
  KsCriterion *c;

  if (axis->kind != KS_AXIS_CRITERION)
    return -1;
  c = ks_criteria_find (criteria, axis->criterion);
  if (!c)
    return -2;
  for (guint i = 0; i < criteria->len; i++)
    if (g_ptr_array_index (criteria, i) == c)
      return (int) i;
  return -2;
}

static double
axis_value (const KsAxis         *axis,
            int                   index,
            const KsAccountScore *row,
            double                revenue,
            const AccountFigures *figures)
{
  switch (axis->kind)
    {
    case KS_AXIS_SCORE:
      return row && row->n_scored > 0 ? row->weighted : NAN;
    case KS_AXIS_CRITERION:
      return row && index >= 0 ? row->scores[index] : NAN;
    case KS_AXIS_REVENUE:
      return revenue > 0 ? revenue : NAN;
    case KS_AXIS_ACCOUNT_REVENUE:
      return figures ? figures->revenue : NAN;
    case KS_AXIS_EMPLOYEES:
      return figures ? figures->employees : NAN;
    }
  return NAN;
}

static GHashTable *
load_figures (KsWorkspace  *workspace,
              GError      **error)
{
  g_autoptr(GHashTable) figures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  KsStmt *stmt = ks_workspace_prepare (workspace,
                                             "SELECT id, revenue, employees FROM accounts", error);
  int rc;

  if (!stmt)
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      AccountFigures *f = g_new (AccountFigures, 1);

      *id = ks_stmt_column_int64 (stmt, 0);
      f->revenue = ks_column_double_or_nan (stmt, 1);
      f->employees = ks_column_double_or_nan (stmt, 2);
      g_hash_table_insert (figures, id, f);
    }
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the accounts"));
      ks_stmt_reset (stmt);
      return NULL;
    }
  ks_stmt_reset (stmt);
  return g_steal_pointer (&figures);
}

static gboolean
load_dividers (KsWorkspace *workspace,
               const char  *key,
               double      *x_divider,
               double      *y_divider)
{
  g_autofree char *value = ks_workspace_get_setting (workspace, key);
  g_auto(GStrv) parts = NULL;
  char *end;
  double x, y;

  if (!value)
    return FALSE;
  parts = g_strsplit (value, " ", 2);
  if (g_strv_length (parts) != 2)
    return FALSE;
  x = g_ascii_strtod (parts[0], &end);
  if (*end || !isfinite (x))
    return FALSE;
  y = g_ascii_strtod (parts[1], &end);
  if (*end || !isfinite (y))
    return FALSE;
  *x_divider = x;
  *y_divider = y;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of the placed values: a starting divider for axes without a
 * natural middle (money, head counts). */
static double
median_of (GArray   *items,
           gboolean  use_x)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < items->len; i++)
    {
      KsPortfolioItem *item = &g_array_index (items, KsPortfolioItem, i);
      double v = use_x ? item->x : item->y;

      if (isfinite (v))
        g_array_append_val (values, v);
    }
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  if (values->len % 2)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static guint
owner_colour (GHashTable *owners,
              gint64      owner_id)
{
  gpointer value;

  if (owner_id && g_hash_table_lookup_extended (owners, &owner_id, NULL, &value))
    return GPOINTER_TO_UINT (value);
  return KS_PORTFOLIO_MAX_OWNER_COLOURS;
}

typedef struct
{
  gint64  id;
  char   *name;
  double  revenue;
} OwnerTotal;

static int
compare_owner_totals (gconstpointer a,
                      gconstpointer b)
{
  const OwnerTotal *x = a, *y = b;

  if (x->revenue != y->revenue)
    return x->revenue < y->revenue ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

/* Owners get colours by their portfolio's revenue, largest first. */
static void
assign_owner_colours (KsPortfolio *portfolio)
{
  g_autoptr(GHashTable) totals = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) colours = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (OwnerTotal));
  gboolean others = FALSE;

  for (guint i = 0; i < portfolio->items->len; i++)
    {
      KsPortfolioItem *item = &g_array_index (portfolio->items, KsPortfolioItem, i);
      gpointer index;

      if (!item->owner_id)
        continue;
      if (!g_hash_table_lookup_extended (totals, &item->owner_id, NULL, &index))
        {
          OwnerTotal total = { item->owner_id, item->owner, 0 };

          g_array_append_val (list, total);
          index = GUINT_TO_POINTER (list->len);
          g_hash_table_insert (totals, &item->owner_id, index);
        }
      g_array_index (list, OwnerTotal, GPOINTER_TO_UINT (index) - 1).revenue += item->revenue;
    }
  g_array_sort (list, compare_owner_totals);
  for (guint i = 0; i < list->len && i < KS_PORTFOLIO_MAX_OWNER_COLOURS; i++)
    {
      OwnerTotal *total = &g_array_index (list, OwnerTotal, i);

      g_hash_table_insert (colours, &total->id, GUINT_TO_POINTER (i));
      g_ptr_array_add (portfolio->legend, g_strdup (total->name));
    }
  for (guint i = 0; i < portfolio->items->len; i++)
    {
      KsPortfolioItem *item = &g_array_index (portfolio->items, KsPortfolioItem, i);

      item->colour = owner_colour (colours, item->owner_id);
      if (item->colour == KS_PORTFOLIO_MAX_OWNER_COLOURS)
        others = TRUE;
    }
  /* the shared colour follows the named ones, wherever they end */
  for (guint i = 0; i < portfolio->items->len; i++)
    {
      KsPortfolioItem *item = &g_array_index (portfolio->items, KsPortfolioItem, i);

      if (item->colour == KS_PORTFOLIO_MAX_OWNER_COLOURS)
        item->colour = portfolio->legend->len;
    }
  if (others)
    g_ptr_array_add (portfolio->legend, g_strdup (_("Others or nobody")));
  portfolio->legend_others = others;
}

static guint
segment_colour (const char *segment)
{
  if (g_strcmp0 (segment, KS_SEGMENT_KEY) == 0)
    return 0;
  if (g_strcmp0 (segment, KS_SEGMENT_IMPORTANT) == 0)
    return 1;
  return 2;
}

static void
set_quadrants (KsPortfolio *portfolio)
{
  for (guint i = 0; i < G_N_ELEMENTS (portfolio->quadrants); i++)
    portfolio->quadrants[i] = NULL;
  if (portfolio->preset == KS_PRESET_PROFITABILITY_POTENTIAL)
    {
      /* index: profitability high = 1, potential high = 2 */
      portfolio->quadrants[0] = _("Retain");
      portfolio->quadrants[1] = _("Retain and nurture");
      portfolio->quadrants[2] = _("Retain and develop");
      portfolio->quadrants[3] = _("Retain, nurture and develop");
    }
}

/* ---- public API ---- */

int
ks_portfolio_quadrant (double x,
                       double y,
                       double x_divider,
                       double y_divider)
{
  if (isnan (x) || isnan (y))
    return -1;
  return (x >= x_divider ? 1 : 0) | (y >= y_divider ? 2 : 0);
}

const char *
ks_portfolio_preset_name (KsPortfolioPreset preset)
{
  switch (preset)
    {
    case KS_PRESET_PROFITABILITY_POTENTIAL:
      return "profitability-potential";
    case KS_PRESET_ATTRACTIVENESS_POSITION:
      return "attractiveness-position";
    case KS_PRESET_CUSTOM:
      return "custom";
    }
  g_return_val_if_reached (NULL);
}

gboolean
ks_portfolio_preset_from_name (const char        *name,
                               KsPortfolioPreset *preset)
{
  for (KsPortfolioPreset p = KS_PRESET_PROFITABILITY_POTENTIAL; p <= KS_PRESET_CUSTOM; p++)
    if (g_strcmp0 (name, ks_portfolio_preset_name (p)) == 0)
      {
        *preset = p;
        return TRUE;
      }
  return FALSE;
}

const char *
ks_colour_by_name (KsColourBy colour_by)
{
  switch (colour_by)
    {
    case KS_COLOUR_BY_ABC:
      return "abc";
    case KS_COLOUR_BY_SEGMENT:
      return "segment";
    case KS_COLOUR_BY_OWNER:
      return "owner";
    }
  g_return_val_if_reached (NULL);
}

gboolean
ks_colour_by_from_name (const char *name,
                        KsColourBy *colour_by)
{
  for (KsColourBy c = KS_COLOUR_BY_ABC; c <= KS_COLOUR_BY_OWNER; c++)
    if (g_strcmp0 (name, ks_colour_by_name (c)) == 0)
      {
        *colour_by = c;
        return TRUE;
      }
  return FALSE;
}

void
ks_axis_parse (const char *text,
               KsAxis     *axis)
{
  g_return_if_fail (text != NULL && axis != NULL);

  axis->criterion = NULL;
  if (g_str_equal (text, "score"))
    axis->kind = KS_AXIS_SCORE;
  else if (g_str_equal (text, "revenue"))
    axis->kind = KS_AXIS_REVENUE;
  else if (g_str_equal (text, "account-revenue"))
    axis->kind = KS_AXIS_ACCOUNT_REVENUE;
  else if (g_str_equal (text, "employees"))
    axis->kind = KS_AXIS_EMPLOYEES;
  else
    {
      axis->kind = KS_AXIS_CRITERION;
      axis->criterion = text;
    }
}

KsPortfolio *
ks_portfolio_load (KsWorkspace             *workspace,
                   const KsPortfolioQuery  *query,
                   GError                 **error)
{
  g_autoptr(KsPortfolio) portfolio = g_new0 (KsPortfolio, 1);
  g_autoptr(KsScoreTable) table = NULL;
  g_autoptr(KsScoreTable) before = NULL;
  g_autoptr(KsAbcReport) abc = NULL;
  g_autoptr(GHashTable) figures = NULL;
  g_autofree char *key = NULL;
  KsAxis x, y;
  int xi, yi;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  portfolio->items = g_array_new (FALSE, TRUE, sizeof (KsPortfolioItem));
  g_array_set_clear_func (portfolio->items, clear_item);
  portfolio->moved = g_array_new (FALSE, FALSE, sizeof (guint));
  portfolio->legend = g_ptr_array_new_with_free_func (g_free);
  portfolio->preset = query->preset;
  portfolio->colour_by = query->colour_by;
  resolve_axes (query, &x, &y);

  portfolio->period_id = query->period_id;
  if (portfolio->period_id == 0)
    {
      portfolio->period_id = ks_period_get_current (workspace, error);
      if (error && *error)
        return NULL;
    }
  portfolio->compare_id = query->compare_id;
  if (portfolio->compare_id == 0 && portfolio->period_id)
    {
      portfolio->compare_id = ks_period_get_previous (workspace, portfolio->period_id, error);
      if (error && *error)
        return NULL;
    }
  if (portfolio->compare_id < 0 || portfolio->compare_id == portfolio->period_id)
    portfolio->compare_id = 0;

  table = ks_score_table_load (workspace, portfolio->period_id, TRUE, error);
  if (!table)
    return NULL;
  portfolio->period = g_strdup (table->period);
  if (portfolio->compare_id)
    {
      before = ks_score_table_load (workspace, portfolio->compare_id, TRUE, error);
      if (!before)
        return NULL;
      portfolio->compare = g_strdup (before->period);
    }
  abc = ks_abc_report_load (workspace, -1, query->year > 0 ? query->year : -1, error);
  if (!abc)
    return NULL;
  if (x.kind == KS_AXIS_ACCOUNT_REVENUE || x.kind == KS_AXIS_EMPLOYEES ||
      y.kind == KS_AXIS_ACCOUNT_REVENUE || y.kind == KS_AXIS_EMPLOYEES)
    {
      figures = load_figures (workspace, error);
      if (!figures)
        return NULL;
    }

  xi = criterion_index (table->criteria, &x);
  yi = criterion_index (table->criteria, &y);
  if (xi == -2 || yi == -2)
    portfolio->missing = g_strdup_printf (_("The criterion “%s” does not exist: the matrix needs a "
                                            "score on it. Add it to the criteria, or pick other axes."),
                                          xi == -2 ? x.criterion : y.criterion);

  switch (query->preset)
    {
    case KS_PRESET_PROFITABILITY_POTENTIAL:
      portfolio->x_label = axis_label (&x, _("Profitability"));
      portfolio->y_label = axis_label (&y, _("Potential"));
      break;
    case KS_PRESET_ATTRACTIVENESS_POSITION:
      portfolio->x_label = axis_label (&x, _("Our position"));
      portfolio->y_label = axis_label (&y, _("Attractiveness"));
      break;
    case KS_PRESET_CUSTOM:
    default:
      portfolio->x_label = axis_label (&x, NULL);
      portfolio->y_label = axis_label (&y, NULL);
      break;
    }
  portfolio->size_label = g_strdup (ks_abc_get_source (workspace) == KS_REVENUE_ACCOUNT
                                    ? _("Bubble area: the customer’s revenue")
                                    : _("Bubble area: our revenue (won)"));
  portfolio->x_min = axis_is_score (&x) ? 0 : NAN;
  portfolio->x_max = axis_is_score (&x) ? 100 : NAN;
  portfolio->y_min = axis_is_score (&y) ? 0 : NAN;
  portfolio->y_max = axis_is_score (&y) ? 100 : NAN;
  set_quadrants (portfolio);

  for (guint i = 0; i < table->accounts->len; i++)
    {
      KsAccountScore *row = g_ptr_array_index (table->accounts, i);
      KsAccountScore *prev = before ? ks_score_table_find (before, row->account_id) : NULL;
      const KsAbcRow *abc_row = ks_abc_report_find (abc, row->account_id);
      const AccountFigures *f = figures ? g_hash_table_lookup (figures, &row->account_id) : NULL;
      KsPortfolioItem item = { 0 };
      double revenue = abc_row ? abc_row->revenue : 0;

      if (query->owner_id && row->owner_id != query->owner_id)
        continue;
      if (query->segment && g_strcmp0 (row->segment, query->segment) != 0)
        continue;
      item.account_id = row->account_id;
      item.name = g_strdup (row->account);
      item.segment = g_strdup (row->segment);
      item.owner_id = row->owner_id;
      item.owner = g_strdup (row->owner ? row->owner : "");
      item.revenue = revenue;
      item.klass = abc_row ? abc_row->klass : KS_ABC_C;
      item.weighted = row->n_scored > 0 ? row->weighted : NAN;
      item.band = row->band;
      item.x = axis_value (&x, xi, row, revenue, f);
      item.y = axis_value (&y, yi, row, revenue, f);
      if (prev)
        {
          item.prev_weighted = prev->n_scored > 0 ? prev->weighted : NAN;
          /* only score axes move between periods; revenue has no period */
          item.prev_x = axis_is_score (&x) ? axis_value (&x, xi, prev, revenue, f) : item.x;
          item.prev_y = axis_is_score (&y) ? axis_value (&y, yi, prev, revenue, f) : item.y;
          if (!axis_is_score (&x) && !axis_is_score (&y))
            item.prev_x = item.prev_y = NAN;
        }
      else
        {
          item.prev_weighted = NAN;
          item.prev_x = item.prev_y = NAN;
        }
      switch (query->colour_by)
        {
        case KS_COLOUR_BY_ABC:
          item.colour = item.klass;
          break;
        case KS_COLOUR_BY_SEGMENT:
          item.colour = segment_colour (row->segment);
          break;
        case KS_COLOUR_BY_OWNER:
          break;   /* below, once the owners' totals are known */
        }
      if (isnan (item.x) || isnan (item.y))
        portfolio->n_unplaced++;
      g_array_append_val (portfolio->items, item);
    }

  switch (query->colour_by)
    {
    case KS_COLOUR_BY_ABC:
      for (KsAbcClass c = KS_ABC_A; c <= KS_ABC_C; c++)
        /* Translators: the colour key of the portfolio matrix, e.g. "Class A" */
        g_ptr_array_add (portfolio->legend, g_strdup_printf (_("Class %s"), ks_abc_class_name (c)));
      break;
    case KS_COLOUR_BY_SEGMENT:
      g_ptr_array_add (portfolio->legend, g_strdup (ks_account_segment_label (KS_SEGMENT_KEY)));
      g_ptr_array_add (portfolio->legend, g_strdup (ks_account_segment_label (KS_SEGMENT_IMPORTANT)));
      g_ptr_array_add (portfolio->legend, g_strdup (ks_account_segment_label (KS_SEGMENT_NORMAL)));
      break;
    case KS_COLOUR_BY_OWNER:
      assign_owner_colours (portfolio);
      break;
    }

  key = dividers_key (query, &x, &y);
  if (!load_dividers (workspace, key, &portfolio->x_divider, &portfolio->y_divider))
    {
      portfolio->x_divider = axis_is_score (&x) ? 50 : median_of (portfolio->items, TRUE);
      portfolio->y_divider = axis_is_score (&y) ? 50 : median_of (portfolio->items, FALSE);
    }

  for (guint i = 0; i < portfolio->items->len; i++)
    {
      KsPortfolioItem *item = &g_array_index (portfolio->items, KsPortfolioItem, i);

      item->quadrant = ks_portfolio_quadrant (item->x, item->y,
                                              portfolio->x_divider, portfolio->y_divider);
      item->prev_quadrant = ks_portfolio_quadrant (item->prev_x, item->prev_y,
                                                   portfolio->x_divider, portfolio->y_divider);
      if (item->quadrant >= 0 && item->prev_quadrant >= 0 && item->quadrant != item->prev_quadrant)
        g_array_append_val (portfolio->moved, i);
    }
  return g_steal_pointer (&portfolio);
}

void
ks_portfolio_free (KsPortfolio *portfolio)
{
  if (!portfolio)
    return;
  g_free (portfolio->period);
  g_free (portfolio->compare);
  g_free (portfolio->x_label);
  g_free (portfolio->y_label);
  g_free (portfolio->size_label);
  g_free (portfolio->missing);
  g_clear_pointer (&portfolio->legend, g_ptr_array_unref);
  g_clear_pointer (&portfolio->items, g_array_unref);
  g_clear_pointer (&portfolio->moved, g_array_unref);
  g_free (portfolio);
}

gboolean
ks_portfolio_save_dividers (KsWorkspace             *workspace,
                            const KsPortfolioQuery  *query,
                            double                   x_divider,
                            double                   y_divider,
                            GError                 **error)
{
  char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  KsAxis x, y;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (!isfinite (x_divider) || !isfinite (y_divider))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A divider of the portfolio matrix must be a number"));
      return FALSE;
    }
  resolve_axes (query, &x, &y);
  key = dividers_key (query, &x, &y);
  /* one decimal: a drag lands on a readable value */
  g_ascii_formatd (xs, sizeof xs, "%.1f", x_divider);
  g_ascii_formatd (ys, sizeof ys, "%.1f", y_divider);
  value = g_strconcat (xs, " ", ys, NULL);
  if (!ks_workspace_begin (workspace, _("Move Divider"), error))
    return FALSE;
  if (!ks_workspace_set_setting (workspace, key, value, error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return ks_workspace_commit (workspace, error);
}

GArray *
ks_portfolio_revenue_years (KsWorkspace  *workspace,
                            GError      **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) won = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  /* the stage names that mean won (few; the stage column is indexed) */
  stmt = ks_workspace_prepare (workspace, "SELECT DISTINCT stage FROM opportunities", error);
  if (!stmt)
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    if (ks_funnel_text_outcome (workspace, ks_column_text (stmt, 0)) == KS_OUTCOME_WON)
      g_ptr_array_add (won, g_strdup (ks_column_text (stmt, 0)));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the opportunities"));
      return NULL;
    }
  for (guint i = 0; i < won->len; i++)
    {
      stmt = ks_workspace_prepare (workspace,
                                   "SELECT DISTINCT substr (close_date, 1, 4) FROM opportunities "
                                   "WHERE stage = ?1 AND close_date IS NOT NULL",
                                   error);
      if (!stmt)
        return NULL;
      ks_stmt_bind_text (stmt, 1, g_ptr_array_index (won, i));
      while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
        {
          int year = atoi (ks_column_text (stmt, 0));

          if (year > 0 && g_hash_table_add (seen, GINT_TO_POINTER (year)))
            g_array_append_val (years, year);
        }
      ks_stmt_reset (stmt);
      if (rc != KS_STEP_DONE)
        {
          ks_workspace_set_sql_error (workspace, error, _("read the opportunities"));
          return NULL;
        }
    }
  g_array_sort (years, (GCompareFunc) compare_ints);
  return g_steal_pointer (&years);
}

KsRanking *
ks_portfolio_ranking (const KsPortfolio *portfolio,
                      guint              top_n)
{
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (KsRankInput));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (KsRankInput));

  g_return_val_if_fail (portfolio != NULL, NULL);

  for (guint i = 0; i < portfolio->items->len; i++)
    {
      const KsPortfolioItem *item = &g_array_index (portfolio->items, KsPortfolioItem, i);
      KsRankInput a = { item->account_id, item->name, item->weighted };
      KsRankInput b = { item->account_id, item->name, item->prev_weighted };

      if (!isnan (a.value))
        g_array_append_val (after, a);
      if (!isnan (b.value))
        g_array_append_val (before, b);
    }
  return ks_ranking_compare ((const KsRankInput *) before->data, before->len,
                             (const KsRankInput *) after->data, after->len, top_n);
}

const char *
ks_portfolio_quadrant_name (const KsPortfolio *portfolio,
                            int                quadrant)
{
  g_return_val_if_fail (portfolio != NULL, NULL);

  if (quadrant < 0 || quadrant > 3)
    return _("not placed");
  if (portfolio->quadrants[quadrant])
    return portfolio->quadrants[quadrant];
  switch (quadrant)
    {
    case 0:
      return _("low, low");
    case 1:
      return _("high x, low y");
    case 2:
      return _("low x, high y");
    default:
      return _("high, high");
    }
}

GArray *
ks_portfolio_owner_ids (KsWorkspace  *workspace,
                        GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace,
                               "SELECT DISTINCT owner_id FROM accounts WHERE owner_id IS NOT NULL ORDER BY owner_id",
                               error);
  if (!stmt)
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 id = ks_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the accounts"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
