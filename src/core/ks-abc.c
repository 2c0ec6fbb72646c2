/* ks-abc.c — ABC / Pareto classification of the accounts by revenue, and
 * the ranking of two periods side by side (PRODUCT.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-abc"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-abc.h"
#include "ks-opportunity.h"
#include "ks-scoring.h"
#include "ks-funnel-private.h"
#include "ks-workspace-private.h"

/* Shares are compared as sums (before × 100 against threshold × total) with
 * this relative margin, so an account exactly at 60 % is at 60 %, not at
 * 59.999…. */
#define SHARE_EPSILON 1e-9

typedef struct
{
  char   *key;       /* g_utf8_collate_key of the name */
  double  value;
  gint64  id;
  guint   index;     /* into the input */
} RankItem;

/* Highest value first, then by name as people sort, then by id. */
static int
compare_rank_items (gconstpointer a,
                    gconstpointer b)
{
  const RankItem *x = a, *y = b;
  int c;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  if ((c = strcmp (x->key, y->key)))
    return c;
  return (x->id > y->id) - (x->id < y->id);
}

static void
rank_items_free (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    g_free (g_array_index (items, RankItem, i).key);
  g_array_unref (items);
}

/* ---- ABC ----------------------------------------------------------------------- */

const char *
ks_abc_class_name (KsAbcClass klass)
{
  static const char *const names[] = { "A", "B", "C" };

  g_return_val_if_fail ((guint) klass < G_N_ELEMENTS (names), "");
  return names[klass];
}

void
ks_abc_report_free (KsAbcReport *report)
{
  if (!report)
    return;
  if (report->rows)
    {
      for (guint i = 0; i < report->rows->len; i++)
        g_free (g_array_index (report->rows, KsAbcRow, i).name);
      g_array_unref (report->rows);
    }
  g_clear_pointer (&report->by_id, g_hash_table_unref);
  g_free (report);
}

KsAbcReport *
ks_abc_classify (const KsAbcInput *inputs,
                 guint             n,
                 double            a_threshold,
                 double            b_threshold)
{
  KsAbcReport *report = g_new0 (KsAbcReport, 1);
  GArray *items = g_array_sized_new (FALSE, FALSE, sizeof (RankItem), n);
  double before = 0;

  g_return_val_if_fail (n == 0 || inputs != NULL, report);

  report->a_threshold = a_threshold;
  report->b_threshold = b_threshold;
  report->rows = g_array_sized_new (FALSE, TRUE, sizeof (KsAbcRow), n);
  report->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      RankItem item;

      item.value = inputs[i].revenue > 0 ? inputs[i].revenue : 0;   /* NaN > 0 is false */
      item.key = g_utf8_collate_key (inputs[i].name ? inputs[i].name : "", -1);
      item.id = inputs[i].id;
      item.index = i;
      g_array_append_val (items, item);
      report->total += item.value;
      if (inputs[i].key)
        {
          report->key_revenue += item.value;
          report->n_key++;
        }
    }
  g_array_sort (items, compare_rank_items);

  for (guint r = 0; r < items->len; r++)
    {
      const RankItem *item = &g_array_index (items, RankItem, r);
      const KsAbcInput *in = &inputs[item->index];
      double margin = SHARE_EPSILON * report->total * 100;
      KsAbcRow row = { 0 };

      row.id = in->id;
      row.name = g_strdup (in->name ? in->name : "");
      row.revenue = item->value;
      row.rank = r + 1;
      row.key = in->key;
      if (report->total > 0)
        {
          row.share = item->value / report->total * 100;
          row.cumulative_share = (before + item->value) / report->total * 100;
        }
      /* The cumulative share of the accounts ranked before this one decides. */
      if (item->value <= 0)
        row.klass = KS_ABC_C;
      else if (before * 100 < a_threshold * report->total - margin)
        row.klass = KS_ABC_A;
      else if (before * 100 < b_threshold * report->total - margin)
        row.klass = KS_ABC_B;
      else
        row.klass = KS_ABC_C;
      before += item->value;
      report->counts[row.klass]++;
      report->class_revenue[row.klass] += row.revenue;
      g_array_append_val (report->rows, row);
      g_hash_table_insert (report->by_id, g_memdup2 (&row.id, sizeof row.id), GUINT_TO_POINTER (r + 1));
    }
  report->key_share = report->total > 0 ? report->key_revenue / report->total * 100 : 0;
  rank_items_free (items);
  return report;
}

const KsAbcRow *
ks_abc_report_find (const KsAbcReport *report,
                    gint64             account_id)
{
  guint index;

  g_return_val_if_fail (report != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (report->by_id, &account_id));
  return index ? &g_array_index (report->rows, KsAbcRow, index - 1) : NULL;
}

/* Won value per account id (gint64 * → double *), from the stages that mean won. */
static GHashTable *
load_won (KsWorkspace  *workspace,
          int           year,
          GError      **error)
{
  g_autoptr(GHashTable) won = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  KsStmt *stmt;
  int rc;

  /* The stage names are few; which mean won is decided in C. */
  if (!(stmt = ks_workspace_prepare (workspace, "SELECT DISTINCT stage FROM opportunities", error)))
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    if (ks_funnel_text_outcome (workspace, ks_column_text (stmt, 0)) == KS_OUTCOME_WON)
      g_ptr_array_add (stages, g_strdup (ks_column_text (stmt, 0)));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the opportunities"));
      return NULL;
    }

  if (year >= 0)
    {
      from = g_strdup_printf ("%04d-01-01", year);
      to = g_strdup_printf ("%04d-01-01", year + 1);
    }
  for (guint i = 0; i < stages->len; i++)
    {
      if (year >= 0)
        stmt = ks_workspace_prepare (workspace,
                                     "SELECT account_id, sum (value) FROM opportunities"
                                     " WHERE stage = ?1 AND account_id IS NOT NULL AND value IS NOT NULL"
                                     "   AND close_date >= ?2 AND close_date < ?3"
                                     " GROUP BY account_id",
                                     error);
      else
        stmt = ks_workspace_prepare (workspace,
                                     "SELECT account_id, sum (value) FROM opportunities"
                                     " WHERE stage = ?1 AND account_id IS NOT NULL AND value IS NOT NULL"
                                     " GROUP BY account_id",
                                     error);
      if (!stmt)
        return NULL;
      ks_bind_text (stmt, 1, g_ptr_array_index (stages, i));
      if (year >= 0)
        {
          ks_bind_text (stmt, 2, from);
          ks_bind_text (stmt, 3, to);
        }
      while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
        {
          gint64 id = ks_stmt_column_int64 (stmt, 0);
          double value = ks_stmt_column_double (stmt, 1);
          double *sum = g_hash_table_lookup (won, &id);

          if (sum)
            *sum += value;
          else
            g_hash_table_insert (won, g_memdup2 (&id, sizeof id), g_memdup2 (&value, sizeof value));
        }
      ks_stmt_reset (stmt);
      if (rc != KS_STEP_DONE)
        {
          ks_workspace_set_sql_error (workspace, error, _("read the won opportunities"));
          return NULL;
        }
    }
  return g_steal_pointer (&won);
}

gboolean
ks_abc_load_inputs (KsWorkspace      *workspace,
                    KsRevenueSource   source,
                    int               year,
                    GArray           *inputs,
                    GStringChunk     *strings,
                    GError          **error)
{
  g_autoptr(GHashTable) won = NULL;
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (inputs != NULL && strings != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (inputs) == sizeof (KsAbcInput), FALSE);

  if (source == KS_REVENUE_WON && !(won = load_won (workspace, year, error)))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "SELECT id, name, segment, revenue FROM accounts ORDER BY id", error)))
    return FALSE;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsAbcInput in = { 0 };

      in.id = ks_stmt_column_int64 (stmt, 0);
      in.name = g_string_chunk_insert (strings, ks_column_text (stmt, 1));
      in.key = g_strcmp0 (ks_column_text (stmt, 2), "key") == 0;
      if (won)
        {
          double *sum = g_hash_table_lookup (won, &in.id);
          in.revenue = sum ? *sum : NAN;
        }
      else
        in.revenue = ks_column_double_or_nan (stmt, 3);
      g_array_append_val (inputs, in);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the accounts"));
      return FALSE;
    }
  return TRUE;
}

KsRevenueSource
ks_abc_get_source (KsWorkspace *workspace)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), KS_REVENUE_WON);

  value = ks_workspace_get_setting (workspace, KS_ABC_SETTING_SOURCE);
  return g_strcmp0 (value, "account") == 0 ? KS_REVENUE_ACCOUNT : KS_REVENUE_WON;
}

static gboolean
parse_percent (const char *text,
               double     *out)
{
  char *end = NULL;
  double value;

  if (!text || !*text)
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (!end || *end || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
thresholds_valid (double a,
                  double b)
{
  return a > 0 && a < b && b <= 100;
}

void
ks_abc_get_thresholds (KsWorkspace *workspace,
                       double      *a_threshold,
                       double      *b_threshold)
{
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  double a = KS_ABC_DEFAULT_A, b = KS_ABC_DEFAULT_B;

  g_return_if_fail (KS_IS_WORKSPACE (workspace));

  a_text = ks_workspace_get_setting (workspace, KS_ABC_SETTING_A_THRESHOLD);
  b_text = ks_workspace_get_setting (workspace, KS_ABC_SETTING_B_THRESHOLD);
  parse_percent (a_text, &a);
  parse_percent (b_text, &b);
  if (!thresholds_valid (a, b))
    {
      a = KS_ABC_DEFAULT_A;
      b = KS_ABC_DEFAULT_B;
    }
  if (a_threshold)
    *a_threshold = a;
  if (b_threshold)
    *b_threshold = b;
}

gboolean
ks_abc_set_thresholds (KsWorkspace  *workspace,
                       double        a_threshold,
                       double        b_threshold,
                       GError      **error)
{
  char a_text[G_ASCII_DTOSTR_BUF_SIZE];
  char b_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!thresholds_valid (a_threshold, b_threshold))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The ABC thresholds %g %% and %g %% are refused: the A threshold must be above 0, "
                     "below the B threshold, and the B threshold at most 100"),
                   a_threshold, b_threshold);
      return FALSE;
    }
  g_ascii_dtostr (a_text, sizeof a_text, a_threshold);
  g_ascii_dtostr (b_text, sizeof b_text, b_threshold);
  if (!ks_workspace_begin (workspace, _("Change ABC Thresholds"), error))
    return FALSE;
  if (!ks_workspace_set_setting (workspace, KS_ABC_SETTING_A_THRESHOLD, a_text, error) ||
      !ks_workspace_set_setting (workspace, KS_ABC_SETTING_B_THRESHOLD, b_text, error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return ks_workspace_commit (workspace, error);
}

gboolean
ks_abc_set_source (KsWorkspace      *workspace,
                   KsRevenueSource   source,
                   GError          **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (source != KS_REVENUE_WON && source != KS_REVENUE_ACCOUNT)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("Unknown revenue source %d for the ABC analysis"), (int) source);
      return FALSE;
    }
  if (!ks_workspace_begin (workspace, _("Change Revenue Source"), error))
    return FALSE;
  if (!ks_workspace_set_setting (workspace, KS_ABC_SETTING_SOURCE,
                                 source == KS_REVENUE_ACCOUNT ? "account" : "won", error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return ks_workspace_commit (workspace, error);
}

KsAbcReport *
ks_abc_report_load (KsWorkspace  *workspace,
                    int           source,
                    int           year,
                    GError      **error)
{
  g_autoptr(GArray) inputs = g_array_new (FALSE, TRUE, sizeof (KsAbcInput));
  GStringChunk *strings = g_string_chunk_new (4096);
  KsAbcReport *report = NULL;
  double a, b;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (source < 0)
    source = ks_abc_get_source (workspace);
  ks_abc_get_thresholds (workspace, &a, &b);
  if (ks_abc_load_inputs (workspace, source, year, inputs, strings, error))
    report = ks_abc_classify ((const KsAbcInput *) inputs->data, inputs->len, a, b);
  g_string_chunk_free (strings);
  return report;
}

/* ---- ranking ----------------------------------------------------------------------- */

void
ks_ranking_free (KsRanking *ranking)
{
  GArray *lists[2];

  if (!ranking)
    return;
  lists[0] = ranking->before;
  lists[1] = ranking->after;
  for (guint l = 0; l < 2; l++)
    if (lists[l])
      {
        for (guint i = 0; i < lists[l]->len; i++)
          g_free (g_array_index (lists[l], KsRankEntry, i).name);
        g_array_unref (lists[l]);
      }
  g_free (ranking);
}

/* The top @top_n of @inputs (NaN not ranked) as KsRankEntry. */
static GArray *
rank_top (const KsRankInput *inputs,
          guint              n,
          guint              top_n)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (RankItem));
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (KsRankEntry));

  for (guint i = 0; i < n; i++)
    {
      RankItem item;

      if (isnan (inputs[i].value))
        continue;
      item.value = inputs[i].value;
      item.key = g_utf8_collate_key (inputs[i].name ? inputs[i].name : "", -1);
      item.id = inputs[i].id;
      item.index = i;
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_rank_items);
  for (guint r = 0; r < items->len && r < top_n; r++)
    {
      const RankItem *item = &g_array_index (items, RankItem, r);
      KsRankEntry entry = { 0 };

      entry.id = item->id;
      entry.name = g_strdup (inputs[item->index].name ? inputs[item->index].name : "");
      entry.value = item->value;
      entry.rank = r + 1;
      g_array_append_val (entries, entry);
    }
  rank_items_free (items);
  return entries;
}

static void
link_ranks (GArray *list,
            GArray *other)
{
  g_autoptr(GHashTable) ranks = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < other->len; i++)
    {
      KsRankEntry *e = &g_array_index (other, KsRankEntry, i);
      g_hash_table_insert (ranks, &e->id, GUINT_TO_POINTER (e->rank));
    }
  for (guint i = 0; i < list->len; i++)
    {
      KsRankEntry *e = &g_array_index (list, KsRankEntry, i);
      e->other_rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, &e->id));
    }
}

KsRanking *
ks_ranking_compare (const KsRankInput *before,
                    guint              n_before,
                    const KsRankInput *after,
                    guint              n_after,
                    guint              top_n)
{
  KsRanking *ranking = g_new0 (KsRanking, 1);

  g_return_val_if_fail (n_before == 0 || before != NULL, ranking);
  g_return_val_if_fail (n_after == 0 || after != NULL, ranking);

  ranking->top_n = top_n ? top_n : 20;
  ranking->before = rank_top (before, n_before, ranking->top_n);
  ranking->after = rank_top (after, n_after, ranking->top_n);
  link_ranks (ranking->before, ranking->after);
  link_ranks (ranking->after, ranking->before);
  return ranking;
}

static GArray *
rank_inputs (KsScoreTable *table)
{
  GArray *inputs = g_array_new (FALSE, TRUE, sizeof (KsRankInput));

  for (guint i = 0; table && i < table->accounts->len; i++)
    {
      KsAccountScore *row = g_ptr_array_index (table->accounts, i);
      KsRankInput in = { row->account_id, row->account, row->n_scored ? row->weighted : NAN };

      g_array_append_val (inputs, in);
    }
  return inputs;
}

KsRanking *
ks_ranking_load (KsWorkspace  *workspace,
                 gint64        before_period_id,
                 gint64        after_period_id,
                 guint         top_n,
                 GError      **error)
{
  g_autoptr(KsScoreTable) before = NULL;
  g_autoptr(KsScoreTable) after = NULL;
  g_autoptr(GArray) before_in = NULL;
  g_autoptr(GArray) after_in = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if ((before_period_id && !(before = ks_score_table_load (workspace, before_period_id, FALSE, error))) ||
      (after_period_id && !(after = ks_score_table_load (workspace, after_period_id, FALSE, error))))
    return NULL;
  before_in = rank_inputs (before);
  after_in = rank_inputs (after);
  return ks_ranking_compare ((const KsRankInput *) before_in->data, before_in->len,
                             (const KsRankInput *) after_in->data, after_in->len, top_n);
}
