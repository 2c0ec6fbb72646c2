/* ks-funnel.h — the sales funnel: stages, stage mapping, numbers, shape,
 * forecast and momentum (PRODUCT.md §6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stages are ordered, each with a probability (percent) and an outcome
 * (open, won, lost). Imported stage names ("Prospecting", "Won") map onto
 * stages through the stage map; an opportunity whose name is not mapped
 * has no stage ("unmapped") until the user maps the name.
 *
 * The numbers come from pure functions over plain cells (ks_funnel_compute,
 * ks_forecast_compute, ks_funnel_diagnose); the *_load functions fill the
 * cells from the workspace: from the funnel summary (one row per stage,
 * owner, product and lost-from stage, kept by every write) when the filter
 * names only people and products, else from the opportunities themselves.
 *
 * Values: an open opportunity without a value is valued at its product's
 * list price ("priced"); one whose product has no price counts at 0
 * ("unpriced"). Won and lost values are what was recorded (NaN = 0).
 */
#pragma once

#include "ks-opportunity.h"

G_BEGIN_DECLS

#define KS_FUNNEL_SETTING_FADING_WEEKS    "funnel.fading_weeks"      /* default 3 */
#define KS_FUNNEL_SETTING_TARGET_HIT_RATE "funnel.target_hit_rate"   /* percent, default 30 */
#define KS_FUNNEL_SETTING_TARGET_DAYS     "funnel.target_days"       /* lead to order, default 120 */
#define KS_FUNNEL_SETTING_ORDER_TARGET    "funnel.order_target"      /* won value per quarter, default 0 = none */
#define KS_FUNNEL_SETTING_MIN_CLOSED      "funnel.min_closed"        /* default 20 */
#define KS_FUNNEL_DEFAULT_FADING_WEEKS    3
#define KS_FUNNEL_DEFAULT_TARGET_HIT_RATE 30.0
#define KS_FUNNEL_DEFAULT_TARGET_DAYS     120.0
#define KS_FUNNEL_DEFAULT_MIN_CLOSED      20

/* ---- stages ---- */

typedef struct
{
  gint64     id;
  int        position;      /* 1-based, dense */
  char      *name;
  double     probability;   /* percent 0–100 */
  KsOutcome  outcome;
  char      *description;
} KsStage;

void         ks_stage_free            (KsStage       *stage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsStage, ks_stage_free)

/* "open", "won", "lost" and back. */
const char  *ks_outcome_to_string     (KsOutcome      outcome);
gboolean     ks_outcome_from_string   (const char    *text,
                                       KsOutcome     *outcome);

/* The workspace's stages by position (KsStage*, owned by the array). */
GPtrArray   *ks_stage_list            (KsWorkspace   *workspace,
                                       GError       **error);
/* A new stage at @position (1-based; 0 or past the end = last). One user
 * action. Returns its id, 0 on error (a duplicate or empty name, a
 * probability outside 0–100, a won stage below 100 % or a lost one above 0 %). */
gint64       ks_stage_add             (KsWorkspace   *workspace,
                                       const char    *name,
                                       double         probability,
                                       KsOutcome      outcome,
                                       int            position,
                                       GError       **error);
/* Renames, reweighs or changes the outcome of a stage (same rules). */
gboolean     ks_stage_update          (KsWorkspace   *workspace,
                                       gint64         id,
                                       const char    *name,
                                       double         probability,
                                       KsOutcome      outcome,
                                       const char    *description,
                                       GError       **error);
gboolean     ks_stage_move            (KsWorkspace   *workspace,
                                       gint64         id,
                                       int            position,
                                       GError       **error);
/* Its opportunities become unmapped; names mapped to it become unmapped. */
gboolean     ks_stage_delete          (KsWorkspace   *workspace,
                                       gint64         id,
                                       GError       **error);

/* ---- stage map ---- */

typedef struct
{
  char   *source;          /* as imported, folded to lower case */
  gint64  stage_id;        /* 0 = not mapped */
  guint   n_opportunities; /* opportunities that carry this name */
} KsStageMapping;

void         ks_stage_mapping_free    (KsStageMapping *mapping);
/* Every known imported name, unmapped ones first, then by name. */
GPtrArray   *ks_stage_mapping_list    (KsWorkspace   *workspace,
                                       GError       **error);
/* Maps @source (any case) onto @stage_id (0 = unmapped) and moves every
 * opportunity that carries the name. One user action. */
gboolean     ks_stage_mapping_set     (KsWorkspace   *workspace,
                                       const char    *source,
                                       gint64         stage_id,
                                       GError       **error);
/* The stage @source maps to; 0 when unknown or unmapped. */
gint64       ks_stage_mapping_lookup  (KsWorkspace   *workspace,
                                       const char    *source,
                                       GError       **error);

/* ---- filter ---- */

typedef struct
{
  const char *owner;       /* the opportunity owner's name */
  const char *manager;     /* the owner's manager's name */
  const char *team;        /* the owner's team */
  const char *region;      /* the owner's region */
  const char *account;
  const char *product;
  const char *from;        /* YYYY-MM-DD: close date (expected close date */
  const char *to;          /*   while open) within [from, to]; NULL = unbounded */
} KsFunnelFilter;

/* Copies of @src's strings into @dest (@src NULL = no filter); free them
 * with ks_funnel_filter_clear (), which empties @dest. */
void         ks_funnel_filter_copy    (KsFunnelFilter       *dest,
                                       const KsFunnelFilter *src);
void         ks_funnel_filter_clear   (KsFunnelFilter       *filter);

/* ---- numbers (pure) ---- */

/* One aggregate of opportunities that share stage, owner, product and the
 * stage a lost one was lost from: what the funnel summary stores. */
typedef struct
{
  gint64  stage_id;        /* 0 = unmapped */
  gint64  lost_from;       /* for a lost stage: the open stage it left; 0 = unknown */
  guint   count;
  double  value;           /* Σ known values */
  guint   unvalued;        /* without a value */
  double  list_price;      /* of the product; NaN = none */
  double  days;            /* Σ days from engage to close date, won ones with both */
  guint   dated;           /* how many of those */
} KsFunnelCell;

typedef struct
{
  gint64     stage_id;
  char      *name;
  double     probability;
  KsOutcome  outcome;
  guint      count;
  double     value;           /* Σ value (open: unvalued at list price) */
  double     weighted_value;  /* value × probability (open stages only; 0 otherwise) */
  guint      priced;          /* of count, valued at list price */
  guint      reached;         /* opportunities that reached this stage (open stages) */
  double     conversion;      /* percent of reached that reached the next open stage
                               * (the last open stage: reached won); NaN = none reached */
  double     average_days;    /* days spent in the stage (from stage history); NaN = none */
  guint      days_samples;
} KsFunnelStageRow;

typedef enum
{
  KS_FUNNEL_SHAPE_UNKNOWN,
  KS_FUNNEL_SHAPE_OPTIMAL,
  KS_FUNNEL_SHAPE_WIDE,
  KS_FUNNEL_SHAPE_LONG_NARROW,
} KsFunnelShape;

typedef struct
{
  double target_hit_rate;  /* percent */
  double target_days;      /* lead to order */
  double order_target;     /* won value wanted per quarter; 0 = no target */
  guint  min_closed;       /* fewer won + lost than this: shape unknown */
} KsFunnelTargets;

typedef struct
{
  GArray        *stages;        /* KsFunnelStageRow, by position */
  guint          open_count;
  double         open_value;
  double         open_weighted;
  guint          won_count;
  double         won_value;
  guint          lost_count;
  double         lost_value;
  double         hit_rate;      /* percent won / (won + lost); NaN when none closed */
  guint          unmapped_count;
  double         unmapped_value;
  guint          priced_count;  /* open ones valued at their product's list price */
  guint          unpriced_count;/* open ones with neither a value nor a priced product */
  double         average_days_to_order;  /* won ones with both dates; NaN = none */
  guint          days_samples;
  double         leads_needed;  /* new leads per quarter for the order target; NaN = no target */
  KsFunnelShape  shape;
  char          *shape_reason;  /* in words, translated */
} KsFunnelReport;

/* "unknown", "optimal", "wide", "long-narrow". */
const char     *ks_funnel_shape_to_string (KsFunnelShape        shape);

/* The report from @cells over @stages (KsStage*, by position) and the
 * days spent per stage (@stage_days: Σ days per stage id → gint64 keys;
 * may be NULL). Pure. */
typedef struct
{
  gint64 stage_id;
  double days;             /* Σ days spent in the stage */
  guint  samples;
} KsFunnelStageDays;

KsFunnelReport *ks_funnel_compute         (GPtrArray             *stages,
                                           const KsFunnelCell    *cells,
                                           guint                  n_cells,
                                           const KsFunnelStageDays *stage_days,
                                           guint                  n_stage_days,
                                           const KsFunnelTargets *targets);
void            ks_funnel_report_free     (KsFunnelReport        *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsFunnelReport, ks_funnel_report_free)

/* Sets report->shape and ->shape_reason from its numbers. Pure. The rules
 * (README "Funnel shape"): fewer than min_closed closed → unknown; hit rate
 * below target → wide; average days to order above target, or (with an
 * order target) fewer open leads than needed → long-narrow; else optimal. */
void            ks_funnel_diagnose        (KsFunnelReport        *report,
                                           const KsFunnelTargets *targets);

/* The targets from the settings (defaults when unset or bad). */
void            ks_funnel_get_targets     (KsWorkspace           *workspace,
                                           KsFunnelTargets       *targets);
gboolean        ks_funnel_set_targets     (KsWorkspace           *workspace,
                                           const KsFunnelTargets *targets,
                                           GError               **error);

/* The report for @filter (NULL = everything). Reads the funnel summary when
 * the filter names no account and no period. */
KsFunnelReport *ks_funnel_report_load     (KsWorkspace           *workspace,
                                           const KsFunnelFilter  *filter,
                                           GError               **error);

/* ---- forecast ---- */

typedef enum
{
  KS_FORECAST_MONTH,
  KS_FORECAST_QUARTER,
} KsForecastPeriod;

typedef struct
{
  const char *date;        /* YYYY-MM-DD: close date when won, expected close date
                            * (or close date) when open; NULL = none */
  KsOutcome   outcome;     /* lost ones are ignored */
  double      value;       /* NaN = none */
  double      list_price;  /* NaN = none */
  double      probability; /* percent */
} KsForecastInput;

typedef struct
{
  char   *period;          /* "2027-01" or "2027-Q1" */
  double  weighted;        /* won value + Σ open value × probability */
  double  best_case;       /* won value + Σ open value */
  double  won;             /* Σ won value */
  guint   open_count;
  guint   won_count;
} KsForecastRow;

typedef struct
{
  KsForecastPeriod period;
  GArray *rows;            /* KsForecastRow, oldest first, no gaps */
  guint   undated_count;   /* open ones without a date */
  double  undated_value;
  double  undated_weighted;
} KsForecast;

KsForecast     *ks_forecast_compute       (const KsForecastInput *inputs,
                                           guint                  n,
                                           KsForecastPeriod       period);
void            ks_forecast_free          (KsForecast            *forecast);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsForecast, ks_forecast_free)
KsForecast     *ks_forecast_load          (KsWorkspace           *workspace,
                                           const KsFunnelFilter  *filter,
                                           KsForecastPeriod       period,
                                           GError               **error);

/* ---- cuts ---- */

typedef enum
{
  KS_FUNNEL_CUT_OWNER,
  KS_FUNNEL_CUT_MANAGER,
  KS_FUNNEL_CUT_TEAM,
  KS_FUNNEL_CUT_REGION,
  KS_FUNNEL_CUT_SECTOR,
  KS_FUNNEL_CUT_ACCOUNT,
  KS_FUNNEL_CUT_PRODUCT,
} KsFunnelCut;

typedef struct
{
  char   *name;            /* "" = none (no owner, no account …) */
  guint   open_count;
  double  open_value;
  double  open_weighted;
  guint   won_count;
  double  won_value;
  guint   lost_count;
  double  hit_rate;        /* percent; NaN when none closed */
} KsFunnelCutRow;

/* "owner", "manager", "team", "region", "sector", "account", "product". */
const char     *ks_funnel_cut_to_string   (KsFunnelCut           cut);
gboolean        ks_funnel_cut_from_string (const char            *text,
                                           KsFunnelCut           *cut);
/* One row per value of @cut, largest weighted open value first. */
GArray         *ks_funnel_cut_load        (KsWorkspace           *workspace,
                                           const KsFunnelFilter  *filter,
                                           KsFunnelCut            cut,
                                           GError               **error);
void            ks_funnel_cut_rows_free   (GArray                *rows);

/* ---- momentum ---- */

typedef enum
{
  KS_MOMENTUM_DEVELOPING,
  KS_MOMENTUM_STABLE,
  KS_MOMENTUM_FADING,
} KsMomentum;

/* "developing", "stable", "fading" and back. */
const char     *ks_momentum_to_string     (KsMomentum            momentum);
gboolean        ks_momentum_from_string   (const char            *text,
                                           KsMomentum            *momentum);
/* What the user sees: an open opportunity whose newest date among
 * @last_activity, @stage_date and @engage_date is @fading_weeks weeks or
 * more before @today is fading; otherwise (closed, or no date at all) the
 * @stored judgement. Dates are YYYY-MM-DD or NULL. Pure. */
KsMomentum      ks_momentum_effective     (KsMomentum            stored,
                                           KsOutcome             outcome,
                                           const char           *last_activity,
                                           const char           *stage_date,
                                           const char           *engage_date,
                                           const char           *today,
                                           guint                 fading_weeks);
guint           ks_funnel_get_fading_weeks (KsWorkspace          *workspace);

/* ---- edits of one opportunity (one user action each) ---- */

/* Moves the opportunity to @stage_id on @date (YYYY-MM-DD; NULL = today):
 * records the change in the stage history, sets its stage date and last
 * activity, keeps the summary. */
gboolean        ks_opportunity_move_to_stage (KsWorkspace        *workspace,
                                              gint64              id,
                                              gint64              stage_id,
                                              const char         *date,
                                              GError            **error);
/* @value NaN = none; refused when negative. */
gboolean        ks_opportunity_change_value  (KsWorkspace        *workspace,
                                              gint64              id,
                                              double              value,
                                              GError            **error);
/* Expected close date while open, close date once won or lost; NULL = none. */
gboolean        ks_opportunity_change_close_date (KsWorkspace    *workspace,
                                                  gint64          id,
                                                  const char     *date,
                                                  GError        **error);
/* Sets the judgement and records activity today. */
gboolean        ks_opportunity_change_momentum (KsWorkspace      *workspace,
                                                gint64            id,
                                                KsMomentum        momentum,
                                                GError          **error);

/* ---- the summary ---- */

/* Rebuilds the funnel summary from the opportunities (inside the caller's
 * transaction). The import and stage edits call it; so can a repair. */
gboolean        ks_funnel_summary_rebuild (KsWorkspace           *workspace,
                                           GError               **error);

G_END_DECLS
