/* ks-scoring.h — the key account review: weighted criteria, review periods,
 * scores per account and period (PRODUCT.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Criteria have a name and a weight; the weights of all criteria sum to 100
 * (a change that breaks the sum is refused). A review period is a name such
 * as "2026-Q3"; periods sort by name, one of them is current (the workspace
 * setting KS_SCORING_SETTING_CURRENT_PERIOD, else the last by name). A score
 * is 0–100 with a short explanation, per account, criterion and period.
 *
 * The weighted score is never stored: it is Σ weight × score / 100 over the
 * criteria, a missing score counting 0, rounded to one decimal, so a change
 * of weights recomputes every period and loses no score.
 */
#pragma once

#include "ks-csv.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_SCORING_SETTING_CURRENT_PERIOD "scores.current_period"   /* a period's name */

typedef enum
{
  KS_BAND_VERY_WEAK,   /* ≤ 20 */
  KS_BAND_MODERATE,    /* ≤ 40 */
  KS_BAND_MEDIUM,      /* ≤ 60 */
  KS_BAND_GOOD,        /* ≤ 80 */
  KS_BAND_VERY_GOOD,   /* above 80 */
} KsScoreBand;

#define KS_N_BANDS 5

/* ---- pure functions ---- */

/* Σ weights[i] × scores[i] / 100, NaN scores counting 0, rounded half away
 * from zero to one decimal (35.0 for the template deck's example). */
double       ks_score_weighted      (const double *weights,
                                     const double *scores,
                                     guint         n);
/* The band of a one-decimal weighted score: ≤ 20 very weak, ≤ 40 moderate,
 * ≤ 60 medium, ≤ 80 good, above very good. */
KsScoreBand  ks_score_band          (double        weighted);
/* "very weak", "moderate", "medium", "good", "very good": stable, for JSON. */
const char  *ks_score_band_name     (KsScoreBand   band);
/* The same, translated, for people. */
const char  *ks_score_band_label    (KsScoreBand   band);
/* Checks a whole set of criteria: names non-empty and unique ignoring case,
 * each weight 0–100, the weights summing to 100 (within 1e-6). The message
 * names the sum and what is wrong. */
gboolean     ks_score_weights_check (const char * const *names,
                                     const double       *weights,
                                     guint               n,
                                     GError            **error);

/* ---- criteria ---- */

typedef struct
{
  gint64  id;          /* 0 = new */
  char   *name;
  double  weight;      /* 0–100 */
} KsCriterion;

void         ks_criterion_free      (KsCriterion  *criterion);
/* Of KsCriterion, in their order (position). A workspace without any gets
 * the defaults of PRODUCT.md §4 at migration. */
GPtrArray   *ks_criteria_list       (KsWorkspace  *workspace,
                                     GError      **error);
/* Replaces the whole set in one user action: items with an id are renamed
 * and reweighted, items with id 0 are added, criteria not listed are deleted
 * with their scores; the order given becomes the order. Refused (nothing
 * written) when ks_score_weights_check() refuses. */
gboolean     ks_criteria_set        (KsWorkspace       *workspace,
                                     const KsCriterion *criteria,
                                     guint              n,
                                     GError           **error);
/* By name ignoring case (g_utf8_casefold) and surrounding space; NULL if none. */
KsCriterion *ks_criteria_find       (GPtrArray    *criteria,
                                     const char   *name);

/* ---- review periods ---- */

typedef struct
{
  gint64  id;
  char   *name;
} KsPeriod;

void         ks_period_free         (KsPeriod     *period);
GPtrArray   *ks_period_list         (KsWorkspace  *workspace,
                                     GError      **error);   /* of KsPeriod, by name */
/* The period's id; creates it when @create and it does not exist (one user
 * action); 0 when absent (or on error, with @error set). Names are trimmed,
 * non-empty, at most 40 characters. */
gint64       ks_period_ensure       (KsWorkspace  *workspace,
                                     const char   *name,
                                     gboolean      create,
                                     GError      **error);
gboolean     ks_period_rename       (KsWorkspace  *workspace,
                                     gint64        id,
                                     const char   *name,
                                     GError      **error);
/* Deletes the period and its scores (one user action). */
gboolean     ks_period_delete       (KsWorkspace  *workspace,
                                     gint64        id,
                                     GError      **error);
/* The current period's id: the setting, else the last by name; 0 if none. */
gint64       ks_period_get_current  (KsWorkspace  *workspace,
                                     GError      **error);
gboolean     ks_period_set_current  (KsWorkspace  *workspace,
                                     gint64        id,
                                     GError      **error);
/* The period before @id by name; 0 if none. */
gint64       ks_period_get_previous (KsWorkspace  *workspace,
                                     gint64        id,
                                     GError      **error);

/* ---- scores ---- */

/* One user action ("Change Score"): @score 0–100, NaN removes the score (and
 * its explanation); @explanation NULL keeps the stored one. Refused outside
 * 0–100 with a message naming the account and criterion. */
gboolean     ks_score_set           (KsWorkspace  *workspace,
                                     gint64        account_id,
                                     gint64        period_id,
                                     gint64        criterion_id,
                                     double        score,
                                     const char   *explanation,
                                     GError      **error);

typedef struct
{
  gint64       account_id;
  char        *account;        /* name */
  char        *segment;        /* KS_SEGMENT_* */
  gint64       owner_id;       /* 0 = nobody */
  char        *owner;          /* "" = nobody */
  double      *scores;         /* n_criteria entries, NaN = not scored */
  char       **explanations;   /* n_criteria entries, never NULL ("" = none) */
  guint        n_scored;       /* scores that are not NaN */
  double       weighted;       /* ks_score_weighted(); NaN when n_scored is 0 */
  KsScoreBand  band;           /* meaningless when n_scored is 0 */
} KsAccountScore;

typedef struct
{
  gint64     period_id;
  char      *period;           /* name */
  GPtrArray *criteria;         /* KsCriterion, in order */
  GPtrArray *accounts;         /* KsAccountScore, by account name */
  GHashTable *by_account;      /* private: account id → row, for ks_score_table_find() */
} KsScoreTable;

/* The scores of @period_id. With @all_accounts every account is in the
 * table (unscored ones with n_scored 0), else only those with a score. */
KsScoreTable   *ks_score_table_load  (KsWorkspace   *workspace,
                                      gint64         period_id,
                                      gboolean       all_accounts,
                                      GError       **error);
void            ks_score_table_free  (KsScoreTable  *table);
KsAccountScore *ks_score_table_find  (KsScoreTable  *table,
                                      gint64         account_id);
/* Recomputes one row's n_scored, weighted and band from its scores and the
 * table's weights (after a caller changed a score in memory). */
void            ks_score_table_update_row (KsScoreTable   *table,
                                           KsAccountScore *row);

typedef struct
{
  gint64       period_id;
  char        *period;
  double      *scores;         /* n_criteria of the table it came with, NaN = none */
  guint        n_scored;
  double       weighted;       /* NaN when nothing was scored */
  KsScoreBand  band;
} KsScoreHistoryItem;

typedef struct
{
  GPtrArray *criteria;         /* KsCriterion, in order */
  GPtrArray *periods;          /* KsScoreHistoryItem, by period name, every period */
} KsScoreHistory;

/* One account's score card over every period (the account page). */
KsScoreHistory *ks_score_history_load (KsWorkspace    *workspace,
                                       gint64          account_id,
                                       GError        **error);
void            ks_score_history_free (KsScoreHistory *history);

/* ---- import ---- */

/* Reads a CSV with the columns account, criterion, score (and optionally
 * explanation) into @period (created when missing; NULL = the current
 * period, or "YYYY-Qn" of today when there is none). Accounts by name (exact,
 * then ignoring case), criteria by name ignoring case. An unknown account or
 * criterion, a score that is not a number or outside 0–100 is an error with
 * FILE:LINE:COLUMN in @report; with any error nothing is written. One user
 * action. */
/* The period ks_scores_import_csv() uses for @period NULL: the current
 * period's name, else "YYYY-Qn" of today. */
char        *ks_scores_default_period (KsWorkspace   *workspace);
gboolean     ks_scores_import_csv   (KsWorkspace     *workspace,
                                     const char      *path,
                                     const char      *period,
                                     KsImportReport **report,
                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsCriterion, ks_criterion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsPeriod, ks_period_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsScoreTable, ks_score_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsScoreHistory, ks_score_history_free)

G_END_DECLS
