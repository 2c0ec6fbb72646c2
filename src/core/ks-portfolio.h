/* ks-portfolio.h — the portfolio matrix's data: every account placed on two
 * axes for a review period, with its movement since an earlier one
 * (PRODUCT.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One loader for the app's matrix, keystone-cli's `render portfolio` and the
 * meeting, so every picture of the portfolio starts from the same numbers.
 *
 * Presets:
 *   profitability × potential   x = the "Yield strength" score (profitability),
 *                               y = the "Reserve potential" score (potential);
 *                               the four strategies of the Norwegian KAM deck
 *                               name the quadrants
 *   attractiveness × position   x = the "Relationship quality" score (our
 *                               position), y = the weighted score
 *                               (attractiveness)
 *   custom                      any two axes: the weighted score, a criterion,
 *                               our (won) revenue, the customer's revenue,
 *                               employees
 * Score axes run 0–100 with the dividers at 50 until they are dragged; the
 * dividers are saved per preset (custom: per pair of axes) in the settings.
 * Bubble size is the account's revenue from the ABC source, colour its ABC
 * class, segment or owner.
 */
#pragma once

#include "ks-abc.h"
#include "ks-scoring.h"

G_BEGIN_DECLS

typedef enum
{
  KS_AXIS_SCORE,              /* the weighted score */
  KS_AXIS_CRITERION,          /* one criterion's score */
  KS_AXIS_REVENUE,            /* our revenue (the ABC source) */
  KS_AXIS_ACCOUNT_REVENUE,    /* the customer's own annual revenue */
  KS_AXIS_EMPLOYEES,
} KsAxisKind;

typedef struct
{
  KsAxisKind  kind;
  const char *criterion;      /* KS_AXIS_CRITERION: its name (matched ignoring case) */
} KsAxis;

typedef enum
{
  KS_PRESET_PROFITABILITY_POTENTIAL,
  KS_PRESET_ATTRACTIVENESS_POSITION,
  KS_PRESET_CUSTOM,
} KsPortfolioPreset;

typedef enum
{
  KS_COLOUR_BY_ABC,
  KS_COLOUR_BY_SEGMENT,
  KS_COLOUR_BY_OWNER,
} KsColourBy;

/* At most this many owners get a colour of their own; the rest share "Others". */
#define KS_PORTFOLIO_MAX_OWNER_COLOURS 7

typedef struct
{
  KsPortfolioPreset  preset;
  KsAxis             x, y;              /* KS_PRESET_CUSTOM only */
  gint64             period_id;         /* 0 = the current period */
  gint64             compare_id;        /* trails from here; 0 = the period before, -1 = none */
  gint64             owner_id;          /* only this key account manager's accounts; 0 = all */
  const char        *segment;           /* only this segment; NULL = all */
  KsColourBy         colour_by;
  int                year;              /* revenue of one year; 0 or -1 = all time */
} KsPortfolioQuery;

typedef struct
{
  gint64       account_id;
  char        *name;
  char        *segment;
  gint64       owner_id;
  char        *owner;                   /* "" = nobody */
  double       x, y;                    /* NaN = cannot be placed */
  double       prev_x, prev_y;          /* in the compared period; NaN = none */
  double       revenue;                 /* bubble size; 0 = none */
  KsAbcClass   klass;
  double       weighted, prev_weighted; /* NaN = not scored */
  KsScoreBand  band;
  int          quadrant, prev_quadrant; /* ks_portfolio_quadrant(); -1 = not placed */
  guint        colour;                  /* index into legend */
} KsPortfolioItem;

typedef struct
{
  KsPortfolioPreset preset;
  KsColourBy   colour_by;
  gint64       period_id, compare_id;   /* resolved; compare 0 = none */
  char        *period, *compare;        /* names; compare NULL = none */
  char        *x_label, *y_label, *size_label;
  double       x_min, x_max, y_min, y_max;  /* NaN = from the data */
  double       x_divider, y_divider;
  const char  *quadrants[4];            /* index as ks_portfolio_quadrant(); NULL = unnamed */
  GPtrArray   *legend;                  /* of char *, the colour key */
  gboolean     legend_others;           /* by owner: the last entry is "Others or nobody" */
  GArray      *items;                   /* KsPortfolioItem, by name */
  GArray      *moved;                   /* guint indices into items that changed quadrant */
  guint        n_unplaced;
  char        *missing;                 /* what an axis needs that the workspace lacks, or NULL */
} KsPortfolio;

/* (x ≥ x_divider) | (y ≥ y_divider) << 1: 0 low/low … 3 high/high; a value
 * exactly on a divider counts as high; -1 when x or y is NaN. */
int           ks_portfolio_quadrant        (double x,
                                            double y,
                                            double x_divider,
                                            double y_divider);
KsPortfolio  *ks_portfolio_load            (KsWorkspace             *workspace,
                                            const KsPortfolioQuery  *query,
                                            GError                 **error);
void          ks_portfolio_free            (KsPortfolio             *portfolio);
/* Stores the dividers of @portfolio's preset (and axes) in the settings, and
 * in @portfolio; one user action. */
gboolean      ks_portfolio_save_dividers   (KsWorkspace             *workspace,
                                            const KsPortfolioQuery  *query,
                                            double                   x_divider,
                                            double                   y_divider,
                                            GError                 **error);
/* "profitability-potential", "attractiveness-position", "custom". */
const char   *ks_portfolio_preset_name     (KsPortfolioPreset        preset);
gboolean      ks_portfolio_preset_from_name (const char             *name,
                                             KsPortfolioPreset      *preset);
/* "abc", "segment", "owner". */
const char   *ks_colour_by_name            (KsColourBy               colour_by);
gboolean      ks_colour_by_from_name       (const char              *name,
                                            KsColourBy              *colour_by);
/* Parses "score", "revenue", "account-revenue", "employees" or a criterion
 * name; the criterion string points into @text. */
void          ks_axis_parse                (const char              *text,
                                            KsAxis                  *axis);

/* Quadrant @quadrant's name: the preset's strategy, else where it lies
 * ("high x, low y"); "not placed" for -1. Translated. */
const char   *ks_portfolio_quadrant_name   (const KsPortfolio       *portfolio,
                                            int                      quadrant);
/* The people who own at least one account (gint64 ids, ascending): the
 * choices of the owner filter, whatever the filter is now. */
GArray       *ks_portfolio_owner_ids       (KsWorkspace             *workspace,
                                            GError                 **error);
/* The ranking by weighted score of @portfolio's accounts (its filters
 * applied): the compared period before, the shown one after; top_n 0 = 20. */
KsRanking    *ks_portfolio_ranking         (const KsPortfolio       *portfolio,
                                            guint                    top_n);
/* The years in which opportunities were won (by close date), ascending: the
 * choices of a one-year revenue. Of int. */
GArray       *ks_portfolio_revenue_years   (KsWorkspace             *workspace,
                                            GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsPortfolio, ks_portfolio_free)

G_END_DECLS
