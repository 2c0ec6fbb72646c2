/* ks-evaluation.h — the opportunity evaluation matrix: weighted criteria on
 * two axes, scores 1–5 per open opportunity, movable dividers, four
 * strategies (seed book §3, PRODUCT.md §6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two axes: attractiveness to us (vertical) and our chance to win
 * (horizontal). Each has weighted criteria (schema 7: evaluation_criteria,
 * fifteen defaults in the book's rank order); an opportunity scores each
 * criterion 1–5 or leaves it unscored (evaluation_scores). An axis value is
 * the weighted mean of the scored criteria, Σ w·s / Σ w, mapped onto 0–100
 * as (mean − 1) / 4 × 100; NaN when nothing with a weight is scored.
 *
 * The dividers are the settings KS_EVAL_SETTING_CHANCE_DIVIDER and
 * KS_EVAL_SETTING_ATTRACTIVENESS_DIVIDER (0–100, default 50). A value
 * exactly on a divider counts as high:
 *
 *                      low chance     high chance
 *   high attractiveness  Invest         Don't lose
 *   low attractiveness   Drop           Secure
 */
#pragma once

#include "ks-funnel.h"   /* KsFunnelFilter only */
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_EVAL_SETTING_CHANCE_DIVIDER         "evaluation.chance_divider"
#define KS_EVAL_SETTING_ATTRACTIVENESS_DIVIDER "evaluation.attractiveness_divider"
#define KS_EVAL_DEFAULT_DIVIDER                50.0
#define KS_EVAL_MAX_SCORE                      5

typedef enum
{
  KS_EVAL_ATTRACTIVENESS,
  KS_EVAL_CHANCE,
} KsEvalAxis;

#define KS_EVAL_N_AXES 2

/* The bits of the render's ks_matrix_quadrant() with x = chance and
 * y = attractiveness: (chance high) | (attractiveness high) << 1. */
typedef enum
{
  KS_EVAL_QUADRANT_NONE      = -1,   /* not placed: an axis is unscored */
  KS_EVAL_QUADRANT_DROP      = 0,    /* low chance, low attractiveness */
  KS_EVAL_QUADRANT_SECURE    = 1,    /* high chance, low attractiveness */
  KS_EVAL_QUADRANT_INVEST    = 2,    /* low chance, high attractiveness */
  KS_EVAL_QUADRANT_DONT_LOSE = 3,    /* high chance, high attractiveness */
} KsEvalQuadrant;

#define KS_EVAL_N_QUADRANTS 4

/* ---- pure functions ---- */

/* "attractiveness", "chance" (the schema's words) and back. */
const char     *ks_eval_axis_to_string     (KsEvalAxis      axis);
gboolean        ks_eval_axis_from_string   (const char     *text,
                                            KsEvalAxis     *axis);
/* "Attractiveness to us", "Our chance to win": translated. */
const char     *ks_eval_axis_label         (KsEvalAxis      axis);

/* The axis value 0–100 of @n criteria with @weights and @scores (1–5;
 * 0 = not scored, so left out): (Σ w·s / Σ w − 1) / 4 × 100 over the
 * scored ones. NaN when none is scored or their weights sum to 0. */
double          ks_eval_axis_value         (const double   *weights,
                                            const int      *scores,
                                            guint           n);

/* The quadrant of (@chance, @attractiveness); a value exactly on its
 * divider counts as high; NONE when either is NaN. */
KsEvalQuadrant  ks_eval_quadrant           (double          chance,
                                            double          attractiveness,
                                            double          chance_divider,
                                            double          attractiveness_divider);
/* "invest", "dont-lose", "secure", "drop" (stable, for JSON); "" for NONE. */
const char     *ks_eval_quadrant_id        (KsEvalQuadrant  quadrant);
gboolean        ks_eval_quadrant_from_id   (const char     *id,
                                            KsEvalQuadrant *quadrant);
/* "Invest", "Don't lose", "Secure", "Drop"; "Not placed" for NONE. Translated. */
const char     *ks_eval_quadrant_name      (KsEvalQuadrant  quadrant);
/* What the book advises for the quadrant, one sentence. Translated. */
const char     *ks_eval_quadrant_advice    (KsEvalQuadrant  quadrant);

/* ---- criteria ---- */

typedef struct
{
  gint64      id;
  KsEvalAxis  axis;
  int         position;     /* 1-based, dense per axis */
  char       *name;
  double      weight;       /* ≥ 0 */
} KsEvalCriterion;

void             ks_eval_criterion_free     (KsEvalCriterion *criterion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsEvalCriterion, ks_eval_criterion_free)

/* Every criterion (KsEvalCriterion*): attractiveness first, then chance,
 * each by position. */
GPtrArray       *ks_eval_criteria_list      (KsWorkspace     *workspace,
                                             GError         **error);
/* The criterion of @axis named @name, ignoring case and surrounding
 * space; NULL when there is none. */
KsEvalCriterion *ks_eval_criteria_find      (GPtrArray       *criteria,
                                             KsEvalAxis       axis,
                                             const char      *name);
/* The same over both axes: NULL when none or when both axes have one
 * (then @ambiguous, if given, is set). */
KsEvalCriterion *ks_eval_criteria_find_any  (GPtrArray       *criteria,
                                             const char      *name,
                                             gboolean        *ambiguous);

/* Each edit is one user action. Names are trimmed; an empty one, one that
 * its axis already has (ignoring case) and a negative or non-finite weight
 * are refused with a message naming the criterion. */
gint64           ks_eval_criterion_add      (KsWorkspace     *workspace,
                                             KsEvalAxis       axis,
                                             const char      *name,
                                             double           weight,
                                             GError         **error);   /* last on its axis; its id or 0 */
gboolean         ks_eval_criterion_rename   (KsWorkspace     *workspace,
                                             gint64           id,
                                             const char      *name,
                                             GError         **error);
gboolean         ks_eval_criterion_set_weight (KsWorkspace   *workspace,
                                               gint64         id,
                                               double         weight,
                                               GError       **error);
/* Deletes the criterion with its scores; the later ones move up. */
gboolean         ks_eval_criterion_delete   (KsWorkspace     *workspace,
                                             gint64           id,
                                             GError         **error);
/* Moves the criterion to @position on its axis (1-based; past the end =
 * last), shifting the ones between. */
gboolean         ks_eval_criterion_move     (KsWorkspace     *workspace,
                                             gint64           id,
                                             int              position,
                                             GError         **error);

/* ---- scores ---- */

/* One user action ("Change Evaluation"): @score 1–5, 0 clears it; refused
 * outside 0–5 with a message naming the opportunity and the criterion. */
gboolean         ks_eval_score_set          (KsWorkspace     *workspace,
                                             gint64           opportunity_id,
                                             gint64           criterion_id,
                                             int              score,
                                             GError         **error);
/* The id of the opportunity with @ref (exact, surrounding space ignored);
 * 0 with NOT_FOUND when there is none. */
gint64           ks_eval_find_opportunity   (KsWorkspace     *workspace,
                                             const char      *ref,
                                             GError         **error);
/* Fills @scores[i] with the opportunity's score of @criteria[i]
 * (KsEvalCriterion*; 0 = not scored). */
gboolean         ks_eval_scores_load        (KsWorkspace     *workspace,
                                             gint64           opportunity_id,
                                             GPtrArray       *criteria,
                                             int             *scores,
                                             GError         **error);

/* ---- dividers ---- */

/* The dividers from the settings; 50 each when unset or not a number in 0–100. */
void             ks_eval_get_dividers       (KsWorkspace     *workspace,
                                             double          *chance,
                                             double          *attractiveness);
/* Stores both (one user action, "Move Divider"); refused outside 0–100. */
gboolean         ks_eval_set_dividers       (KsWorkspace     *workspace,
                                             double           chance,
                                             double           attractiveness,
                                             GError         **error);

/* ---- the matrix ---- */

typedef struct
{
  gint64          id;
  char           *ref;
  char           *title;
  char           *account;         /* "" = none */
  double          value;           /* NaN = none */
  gint64          stage_id;
  char           *stage;
  guint           stage_index;     /* into KsEvaluation.stages */
  double          chance;          /* x, 0–100; NaN = unscored */
  double          attractiveness;  /* y, 0–100; NaN = unscored */
  guint           n_scored;        /* criteria scored, both axes */
  KsEvalQuadrant  quadrant;
} KsEvalItem;

typedef struct
{
  double      chance_divider;
  double      attractiveness_divider;
  GArray     *items;                        /* KsEvalItem, by account, title, ref */
  GPtrArray  *stages;                       /* char *: the stages of the items, by position */
  guint       counts[KS_EVAL_N_QUADRANTS];  /* by KsEvalQuadrant */
  guint       n_unscored;                   /* items not placed (an axis unscored) */
} KsEvaluation;

/* The open opportunities (their stage's outcome is open; an unmapped one
 * is left out) that match @filter (NULL or all NULL = every one; strings
 * match exactly): owner = the owner's name, manager = the owner's
 * manager's name, team and region = the owner's, account, product;
 * from/to bound coalesce (expected close date, close date), inclusive.
 * Each placed by its scores at the dividers from the settings. */
KsEvaluation    *ks_evaluation_load         (KsWorkspace          *workspace,
                                             const KsFunnelFilter *filter,
                                             GError              **error);
void             ks_evaluation_free         (KsEvaluation         *evaluation);
/* The index in @evaluation->items of opportunity @id, or -1. */
int              ks_evaluation_find         (const KsEvaluation   *evaluation,
                                             gint64                id);
/* Moves the dividers of a loaded @evaluation (not the settings): the
 * quadrants and counts follow. */
void             ks_evaluation_set_dividers (KsEvaluation         *evaluation,
                                             double                chance,
                                             double                attractiveness);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsEvaluation, ks_evaluation_free)

G_END_DECLS
