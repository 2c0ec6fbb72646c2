/* ks-abc.h — ABC / Pareto classification of the accounts by revenue, and
 * the ranking of two periods side by side (PRODUCT.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ks_abc_classify() and ks_ranking_compare() are pure functions over plain
 * structs; the *_load() functions read their input from the workspace.
 *
 * ABC: accounts ranked by revenue (highest first, ties by name in
 * g_utf8_collate order); an account is A while the cumulative share of the
 * accounts ranked before it is below the A threshold (60 %), B while below
 * the B threshold (90 %), else C; an account without revenue (NaN or ≤ 0)
 * is C. Shares are percentages 0–100 of the total.
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_ABC_SETTING_A_THRESHOLD "abc.a_threshold"   /* percent, default 60 */
#define KS_ABC_SETTING_B_THRESHOLD "abc.b_threshold"   /* percent, default 90 */
#define KS_ABC_SETTING_SOURCE      "abc.revenue_source"   /* "won" (default) or "account" */
#define KS_ABC_DEFAULT_A 60.0
#define KS_ABC_DEFAULT_B 90.0
/* The rule of thumb for the key accounts' share of revenue. */
#define KS_ABC_KEY_SHARE_LOW  50.0
#define KS_ABC_KEY_SHARE_HIGH 60.0

typedef enum
{
  KS_ABC_A,
  KS_ABC_B,
  KS_ABC_C,
} KsAbcClass;

typedef enum
{
  KS_REVENUE_WON,       /* the value of won opportunities (by close date's year) */
  KS_REVENUE_ACCOUNT,   /* the account's own revenue field */
} KsRevenueSource;

typedef struct
{
  gint64      id;
  const char *name;
  double      revenue;     /* NaN or ≤ 0 = none */
  gboolean    key;         /* segment "key" */
} KsAbcInput;

typedef struct
{
  gint64      id;
  char       *name;
  double      revenue;            /* 0 when none */
  double      share;              /* percent of the total */
  double      cumulative_share;   /* percent, this account included */
  KsAbcClass  klass;
  guint       rank;               /* 1-based */
  gboolean    key;
} KsAbcRow;

typedef struct
{
  double   a_threshold, b_threshold;
  double   total;
  GArray  *rows;                  /* KsAbcRow, by rank */
  guint    counts[3];             /* A, B, C */
  double   class_revenue[3];      /* A, B, C */
  double   key_revenue;           /* of the accounts marked key */
  double   key_share;             /* percent of the total; 0 when the total is 0 */
  guint    n_key;
  GHashTable *by_id;              /* private: account id → row index + 1 */
} KsAbcReport;

/* "A", "B", "C". */
const char  *ks_abc_class_name    (KsAbcClass        klass);
KsAbcReport *ks_abc_classify      (const KsAbcInput *inputs,
                                   guint             n,
                                   double            a_threshold,
                                   double            b_threshold);
void         ks_abc_report_free   (KsAbcReport      *report);
/* Row of @account_id, or NULL. */
const KsAbcRow *ks_abc_report_find (const KsAbcReport *report,
                                    gint64             account_id);

/* Every account's revenue from @source; @year ≥ 0 limits won value to
 * opportunities closed in that year (ignored for KS_REVENUE_ACCOUNT). Fills
 * @inputs (KsAbcInput, names owned by @strings). */
gboolean     ks_abc_load_inputs   (KsWorkspace      *workspace,
                                   KsRevenueSource   source,
                                   int               year,
                                   GArray           *inputs,
                                   GStringChunk     *strings,
                                   GError          **error);
/* The workspace's ABC report: thresholds and (when @source is -1) the
 * source from the settings. */
KsAbcReport *ks_abc_report_load   (KsWorkspace      *workspace,
                                   int               source,
                                   int               year,
                                   GError          **error);
/* The source and thresholds from the settings (defaults when unset or bad). */
KsRevenueSource ks_abc_get_source (KsWorkspace      *workspace);
void         ks_abc_get_thresholds (KsWorkspace     *workspace,
                                    double          *a_threshold,
                                    double          *b_threshold);
/* Refused unless 0 < a < b ≤ 100. One user action. */
gboolean     ks_abc_set_thresholds (KsWorkspace     *workspace,
                                    double           a_threshold,
                                    double           b_threshold,
                                    GError         **error);
gboolean     ks_abc_set_source     (KsWorkspace     *workspace,
                                    KsRevenueSource  source,
                                    GError         **error);

/* ---- ranking ---- */

typedef struct
{
  gint64      id;
  const char *name;
  double      value;        /* NaN = not ranked */
} KsRankInput;

typedef struct
{
  gint64   id;
  char    *name;
  double   value;
  guint    rank;            /* 1-based, in its own list */
  guint    other_rank;      /* rank in the other period's top N; 0 = not there */
} KsRankEntry;

typedef struct
{
  guint    top_n;
  GArray  *before;          /* KsRankEntry, top N of the earlier period */
  GArray  *after;           /* KsRankEntry, top N of the later period */
} KsRanking;

/* Ranks each list by value (highest first, ties by name), keeps the top
 * @top_n (0 = 20), and links the two: an "after" entry with other_rank 0 is
 * new in the top N, a "before" entry with other_rank 0 dropped out; the
 * change of an entry that stayed is other_rank − rank (positive = up). */
KsRanking   *ks_ranking_compare   (const KsRankInput *before,
                                   guint              n_before,
                                   const KsRankInput *after,
                                   guint              n_after,
                                   guint              top_n);
void         ks_ranking_free      (KsRanking         *ranking);
/* The ranking of the accounts by weighted score in two review periods
 * (ks_score_table_load(); accounts not scored in a period are not ranked
 * in it). */
KsRanking   *ks_ranking_load      (KsWorkspace       *workspace,
                                   gint64             before_period_id,
                                   gint64             after_period_id,
                                   guint              top_n,
                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsAbcReport, ks_abc_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsRanking, ks_ranking_free)

G_END_DECLS
