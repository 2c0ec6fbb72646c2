/* test-evaluation.c — the opportunity evaluation matrix: axis values,
 * quadrants at the dividers, criteria, scores, undo, refused input and the
 * loader's filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected number is worked out by hand in the comment beside it:
 * axis value = (Σ w·s / Σ w − 1) / 4 × 100 over the scored criteria.
 */
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "ks-evaluation.h"
#include "ks-opportunity.h"
#include "ks-person.h"
#include "ks-test-util.h"
#include "ks-workspace-private.h"

/* Stage ids of the schema's defaults (schema 7). */
#define STAGE_LEAD        1   /* Lead qualified, open */
#define STAGE_NO_PRICE    2   /* Proposal without price, open */
#define STAGE_WITH_PRICE  3   /* Proposal with price, open */
#define STAGE_WON         6   /* Order received, won */
#define STAGE_LOST        7   /* Cancelled or lost, lost */

/* ---- helpers ---------------------------------------------------------------- */

static void
undo (KsWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  gboolean done = ks_workspace_undo (ws, &error);

  g_assert_no_error (error);
  g_assert_true (done);
}

static gint64
criterion_id (KsWorkspace *ws,
              KsEvalAxis   axis,
              const char  *name)
{
  g_autoptr(GPtrArray) criteria = ks_eval_criteria_list (ws, NULL);
  KsEvalCriterion *c;

  g_assert_nonnull (criteria);
  c = ks_eval_criteria_find (criteria, axis, name);
  g_assert_nonnull (c);
  return c->id;
}

static void
score (KsWorkspace *ws,
       gint64       opportunity,
       KsEvalAxis   axis,
       const char  *criterion,
       int          value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_eval_score_set (ws, opportunity, criterion_id (ws, axis, criterion), value, &error));
  g_assert_no_error (error);
}

static const KsEvalItem *
item_of (const KsEvaluation *evaluation,
         gint64              id)
{
  int i = ks_evaluation_find (evaluation, id);

  g_assert_cmpint (i, >=, 0);
  return &g_array_index (evaluation->items, KsEvalItem, i);
}

static KsEvaluation *
load (KsWorkspace          *ws,
      const KsFunnelFilter *filter)
{
  g_autoptr(GError) error = NULL;
  KsEvaluation *evaluation = ks_evaluation_load (ws, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (evaluation);
  return evaluation;
}

/* The refs of @evaluation's items, joined by spaces. */
static char *
refs_of (const KsEvaluation *evaluation)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < evaluation->items->len; i++)
    {
      if (i)
        g_string_append_c (s, ' ');
      g_string_append (s, g_array_index (evaluation->items, KsEvalItem, i).ref);
    }
  return g_string_free (s, FALSE);
}

static char *
filtered_refs (KsWorkspace          *ws,
               const KsFunnelFilter *filter)
{
  g_autoptr(KsEvaluation) evaluation = load (ws, filter);

  return refs_of (evaluation);
}

/* ---- pure functions ------------------------------------------------------------ */

static void
test_axis_value (void)
{
  const double w3[] = { 20, 15, 10 };
  const int s3[] = { 5, 3, 0 };
  const double w2[] = { 10, 30 };
  const int all1[] = { 1, 1 }, all5[] = { 5, 5 }, all3[] = { 3, 3 }, none[] = { 0, 0 };
  const double zero[] = { 0, 0 };
  const int bad[] = { 6, -1 };

  /* (20·5 + 15·3) / (20 + 15) = 145 / 35 = 4.142857…; (4.142857… − 1) / 4 × 100
   * = 110/35 × 25 = 2750/35 = 78.571428… (the unscored 10 is left out) */
  g_assert_cmpfloat_with_epsilon (ks_eval_axis_value (w3, s3, 3), 2750.0 / 35.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ks_eval_axis_value (w3, s3, 3), 78.5714285714, 1e-9);
  /* all 1 → mean 1 → 0; all 5 → 100; all 3 → mean 3 → 2/4 × 100 = 50 exactly */
  g_assert_cmpfloat (ks_eval_axis_value (w2, all1, 2), ==, 0);
  g_assert_cmpfloat (ks_eval_axis_value (w2, all5, 2), ==, 100);
  g_assert_cmpfloat (ks_eval_axis_value (w2, all3, 2), ==, 50);
  /* (10·1 + 30·5) / 40 = 4 → 3/4 × 100 = 75 */
  {
    const int mixed[] = { 1, 5 };
    g_assert_cmpfloat (ks_eval_axis_value (w2, mixed, 2), ==, 75);
  }
  /* nothing scored, only weight 0 scored, scores outside 1–5: unknown */
  g_assert_true (isnan (ks_eval_axis_value (w2, none, 2)));
  g_assert_true (isnan (ks_eval_axis_value (zero, all5, 2)));
  g_assert_true (isnan (ks_eval_axis_value (w2, bad, 2)));
  g_assert_true (isnan (ks_eval_axis_value (NULL, NULL, 0)));
}

static void
test_quadrants (void)
{
  /* on both dividers: high chance, high attractiveness */
  g_assert_cmpint (ks_eval_quadrant (50, 50, 50, 50), ==, KS_EVAL_QUADRANT_DONT_LOSE);
  /* a hair below the chance divider: low chance, high attractiveness */
  g_assert_cmpint (ks_eval_quadrant (49.999, 50, 50, 50), ==, KS_EVAL_QUADRANT_INVEST);
  g_assert_cmpint (ks_eval_quadrant (nextafter (50, 0), 50, 50, 50), ==, KS_EVAL_QUADRANT_INVEST);
  /* a hair below the attractiveness divider: high chance, low attractiveness */
  g_assert_cmpint (ks_eval_quadrant (50, 49.999, 50, 50), ==, KS_EVAL_QUADRANT_SECURE);
  g_assert_cmpint (ks_eval_quadrant (10, 20, 50, 50), ==, KS_EVAL_QUADRANT_DROP);
  /* moved dividers: 60 is below 70 and above 30 */
  g_assert_cmpint (ks_eval_quadrant (60, 60, 70, 30), ==, KS_EVAL_QUADRANT_INVEST);
  g_assert_cmpint (ks_eval_quadrant (0, 0, 0, 0), ==, KS_EVAL_QUADRANT_DONT_LOSE);
  g_assert_cmpint (ks_eval_quadrant (NAN, 80, 50, 50), ==, KS_EVAL_QUADRANT_NONE);
  g_assert_cmpint (ks_eval_quadrant (80, NAN, 50, 50), ==, KS_EVAL_QUADRANT_NONE);

  g_assert_cmpstr (ks_eval_quadrant_id (KS_EVAL_QUADRANT_INVEST), ==, "invest");
  g_assert_cmpstr (ks_eval_quadrant_id (KS_EVAL_QUADRANT_DONT_LOSE), ==, "dont-lose");
  g_assert_cmpstr (ks_eval_quadrant_id (KS_EVAL_QUADRANT_SECURE), ==, "secure");
  g_assert_cmpstr (ks_eval_quadrant_id (KS_EVAL_QUADRANT_DROP), ==, "drop");
  g_assert_cmpstr (ks_eval_quadrant_id (KS_EVAL_QUADRANT_NONE), ==, "");
  g_assert_cmpstr (ks_eval_quadrant_name (KS_EVAL_QUADRANT_INVEST), ==, "Invest");
  g_assert_cmpstr (ks_eval_quadrant_name (KS_EVAL_QUADRANT_DROP), ==, "Drop");
  {
    KsEvalQuadrant q;
    g_assert_true (ks_eval_quadrant_from_id ("dont-lose", &q));
    g_assert_cmpint (q, ==, KS_EVAL_QUADRANT_DONT_LOSE);
    g_assert_false (ks_eval_quadrant_from_id ("Invest", &q));
  }
}

/* ---- criteria ------------------------------------------------------------------- */

static void
test_default_criteria (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  g_autoptr(GPtrArray) criteria = ks_eval_criteria_list (ws, NULL);
  const KsEvalCriterion *first, *last;
  double sum[KS_EVAL_N_AXES] = { 0 };

  /* the book: 3 + 4 attractiveness criteria, 2 + 6 chance criteria */
  g_assert_cmpuint (criteria->len, ==, 15);
  first = g_ptr_array_index (criteria, 0);
  g_assert_cmpint (first->axis, ==, KS_EVAL_ATTRACTIVENESS);
  g_assert_cmpint (first->position, ==, 1);
  g_assert_cmpstr (first->name, ==, "Core competence");
  g_assert_cmpfloat (first->weight, ==, 20);
  last = g_ptr_array_index (criteria, 14);
  g_assert_cmpint (last->axis, ==, KS_EVAL_CHANCE);
  g_assert_cmpint (last->position, ==, 8);
  g_assert_cmpstr (last->name, ==, "Customer urgency to close");
  for (guint i = 0; i < criteria->len; i++)
    {
      const KsEvalCriterion *c = g_ptr_array_index (criteria, i);
      sum[c->axis] += c->weight;
    }
  /* 20+15+10+20+15+10+10 = 100; 20+10+20+15+15+10+5+5 = 100 */
  g_assert_cmpfloat (sum[KS_EVAL_ATTRACTIVENESS], ==, 100);
  g_assert_cmpfloat (sum[KS_EVAL_CHANCE], ==, 100);
  /* find ignores case and space, per axis */
  g_assert_nonnull (ks_eval_criteria_find (criteria, KS_EVAL_CHANCE, "  matching CULTURES "));
  g_assert_null (ks_eval_criteria_find (criteria, KS_EVAL_ATTRACTIVENESS, "Matching cultures"));
  g_assert_nonnull (ks_eval_criteria_find_any (criteria, "learning value", NULL));
}

static char *
names_of_axis (KsWorkspace *ws,
               KsEvalAxis   axis)
{
  g_autoptr(GPtrArray) criteria = ks_eval_criteria_list (ws, NULL);
  GString *s = g_string_new (NULL);
  int expected = 1;

  for (guint i = 0; i < criteria->len; i++)
    {
      const KsEvalCriterion *c = g_ptr_array_index (criteria, i);

      if (c->axis != axis)
        continue;
      g_assert_cmpint (c->position, ==, expected++);   /* dense */
      if (s->len)
        g_string_append (s, ", ");
      g_string_append_printf (s, "%s %g", c->name, c->weight);
    }
  return g_string_free (s, FALSE);
}

static void
test_criteria_edits (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = names_of_axis (ws, KS_EVAL_CHANCE);
  g_autofree char *names = NULL;
  gint64 id, culture = criterion_id (ws, KS_EVAL_CHANCE, "Matching cultures");

  /* add: last on its axis, trimmed */
  id = ks_eval_criterion_add (ws, KS_EVAL_CHANCE, "  Executive sponsor ", 12.5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Add Criterion");
  names = names_of_axis (ws, KS_EVAL_CHANCE);
  g_assert_true (g_str_has_suffix (names, "Customer urgency to close 5, Executive sponsor 12.5"));
  g_clear_pointer (&names, g_free);

  /* rename, reweigh */
  g_assert_true (ks_eval_criterion_rename (ws, id, "Sponsor", &error));
  g_assert_true (ks_eval_criterion_set_weight (ws, id, 7, &error));
  g_assert_no_error (error);
  names = names_of_axis (ws, KS_EVAL_CHANCE);
  g_assert_true (g_str_has_suffix (names, "Customer urgency to close 5, Sponsor 7"));
  g_clear_pointer (&names, g_free);
  /* renaming to another case of its own name is fine */
  g_assert_true (ks_eval_criterion_rename (ws, id, "SPONSOR", &error));
  g_assert_no_error (error);

  /* move "Matching cultures" (7th) to the top: the six before it move down */
  g_assert_true (ks_eval_criterion_move (ws, culture, 1, &error));
  g_assert_no_error (error);
  names = names_of_axis (ws, KS_EVAL_CHANCE);
  g_assert_true (g_str_has_prefix (names, "Matching cultures 5, We know the decision-making process 20, "));
  g_clear_pointer (&names, g_free);
  /* and past the end: last */
  g_assert_true (ks_eval_criterion_move (ws, culture, 99, &error));
  names = names_of_axis (ws, KS_EVAL_CHANCE);
  g_assert_true (g_str_has_suffix (names, "SPONSOR 7, Matching cultures 5"));
  g_clear_pointer (&names, g_free);

  /* delete closes the gap (names_of_axis asserts dense positions) */
  g_assert_true (ks_eval_criterion_delete (ws, culture, &error));
  g_assert_no_error (error);
  names = names_of_axis (ws, KS_EVAL_CHANCE);
  g_assert_null (strstr (names, "Matching cultures"));
  g_clear_pointer (&names, g_free);

  /* each was one step: undo the delete, two moves, two renames, the weight, the add */
  for (int i = 0; i < 7; i++)
    {
      undo (ws);
    }
  names = names_of_axis (ws, KS_EVAL_CHANCE);
  g_assert_cmpstr (names, ==, before);
  /* the attractiveness axis was never touched */
  g_clear_pointer (&names, g_free);
  names = names_of_axis (ws, KS_EVAL_ATTRACTIVENESS);
  g_assert_true (g_str_has_prefix (names, "Core competence 20, Fits our customer selection 15, Reference value 10"));
}

static void
test_criteria_refused (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 learning = criterion_id (ws, KS_EVAL_ATTRACTIVENESS, "Learning value");
  g_autofree char *before = names_of_axis (ws, KS_EVAL_ATTRACTIVENESS);
  g_autofree char *after = NULL;

  g_assert_cmpint (ks_eval_criterion_add (ws, KS_EVAL_ATTRACTIVENESS, "   ", 10, &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Could not add a criterion to “Attractiveness to us”: a criterion needs a name");
  g_clear_error (&error);

  /* a duplicate on the same axis, ignoring case, or on the other axis (the
   * workspace JSON names criteria without their axis) */
  g_assert_cmpint (ks_eval_criterion_add (ws, KS_EVAL_ATTRACTIVENESS, "reference VALUE", 10, &error), ==, 0);
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Attractiveness to us” already has a criterion “Reference value”");
  g_clear_error (&error);
  g_assert_cmpint (ks_eval_criterion_add (ws, KS_EVAL_CHANCE, "Reference value", 10, &error), ==, 0);
  g_assert_cmpstr (error->message, ==,
                   "“Attractiveness to us” already has a criterion “Reference value”; a name can only be used once");
  g_clear_error (&error);

  g_assert_false (ks_eval_criterion_rename (ws, learning, "Core Competence", &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Attractiveness to us” already has a criterion “Core competence”");
  g_clear_error (&error);
  g_assert_false (ks_eval_criterion_rename (ws, learning, "", &error));
  g_assert_cmpstr (error->message, ==,
                   "Could not rename the criterion “Learning value”: a criterion needs a name");
  g_clear_error (&error);

  g_assert_false (ks_eval_criterion_set_weight (ws, learning, -1, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The weight of the criterion “Learning value” is -1; a weight is a number of 0 or more");
  g_clear_error (&error);
  g_assert_false (ks_eval_criterion_set_weight (ws, learning, NAN, &error));
  g_clear_error (&error);
  g_assert_cmpint (ks_eval_criterion_add (ws, KS_EVAL_ATTRACTIVENESS, "Fun", -0.5, &error), ==, 0);
  g_assert_cmpstr (error->message, ==,
                   "The weight of the criterion “Fun” is -0.5; a weight is a number of 0 or more");
  g_clear_error (&error);
  /* 0 is a weight */
  g_assert_true (ks_eval_criterion_set_weight (ws, learning, 0, &error));
  g_assert_no_error (error);
  undo (ws);

  g_assert_false (ks_eval_criterion_rename (ws, 9999, "X", &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no evaluation criterion with id 9999");
  g_clear_error (&error);

  after = names_of_axis (ws, KS_EVAL_ATTRACTIVENESS);
  g_assert_cmpstr (after, ==, before);
}

/* ---- scores -------------------------------------------------------------------- */

static void
test_scores_and_undo (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 acme = ks_test_add_account (ws, "Acme");
  gint64 opp = ks_test_add_opportunity (ws, "OPP-1", "Line 4 retrofit", acme, 0, STAGE_NO_PRICE, 25000);
  gint64 core = criterion_id (ws, KS_EVAL_ATTRACTIVENESS, "Core competence");
  g_autoptr(GPtrArray) criteria = ks_eval_criteria_list (ws, NULL);
  int scores[15];

  /* attractiveness: core competence 20 → 5, customer selection 15 → 3,
   * reference value 10 unscored: 2750/35 = 78.5714… (see test_axis_value);
   * chance: decision-making process 20 → 3, internal references 10 → 3:
   * mean 3 → 50, exactly on the default divider → high */
  score (ws, opp, KS_EVAL_ATTRACTIVENESS, "Core competence", 5);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Change Evaluation");
  score (ws, opp, KS_EVAL_ATTRACTIVENESS, "Fits our customer selection", 3);
  score (ws, opp, KS_EVAL_CHANCE, "We know the decision-making process", 3);
  score (ws, opp, KS_EVAL_CHANCE, "Internal references at the customer", 3);
  {
    g_autoptr(KsEvaluation) e = load (ws, NULL);
    const KsEvalItem *item = item_of (e, opp);

    g_assert_cmpfloat_with_epsilon (item->attractiveness, 2750.0 / 35.0, 1e-9);
    g_assert_cmpfloat (item->chance, ==, 50);
    g_assert_cmpuint (item->n_scored, ==, 4);
    g_assert_cmpint (item->quadrant, ==, KS_EVAL_QUADRANT_DONT_LOSE);
    g_assert_cmpuint (e->counts[KS_EVAL_QUADRANT_DONT_LOSE], ==, 1);
    g_assert_cmpuint (e->n_unscored, ==, 0);
  }

  /* the side panel's read: the scores by criterion, 0 where none */
  g_assert_true (ks_eval_scores_load (ws, opp, criteria, scores, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scores[0], ==, 5);   /* Core competence */
  g_assert_cmpint (scores[1], ==, 3);
  g_assert_cmpint (scores[2], ==, 0);   /* Reference value */
  g_assert_cmpint (scores[7], ==, 3);   /* the first chance criterion */

  /* chance: decision-making process 3 → 2: (20·2 + 10·3) / 30 = 70/30 =
   * 2.333…; (2.333… − 1) / 4 × 100 = 33.333… → below 50: Invest */
  score (ws, opp, KS_EVAL_CHANCE, "We know the decision-making process", 2);
  {
    g_autoptr(KsEvaluation) e = load (ws, NULL);
    const KsEvalItem *item = item_of (e, opp);

    g_assert_cmpfloat_with_epsilon (item->chance, 100.0 / 3.0, 1e-9);
    g_assert_cmpint (item->quadrant, ==, KS_EVAL_QUADRANT_INVEST);
    g_assert_cmpuint (e->counts[KS_EVAL_QUADRANT_INVEST], ==, 1);
    g_assert_cmpuint (e->counts[KS_EVAL_QUADRANT_DONT_LOSE], ==, 0);
  }
  /* one undo step puts the 3 back */
  undo (ws);
  {
    g_autoptr(KsEvaluation) e = load (ws, NULL);

    g_assert_cmpfloat (item_of (e, opp)->chance, ==, 50);
    g_assert_cmpint (item_of (e, opp)->quadrant, ==, KS_EVAL_QUADRANT_DONT_LOSE);
  }

  /* 0 clears: attractiveness is then core competence alone, 5 → 100 */
  score (ws, opp, KS_EVAL_ATTRACTIVENESS, "Fits our customer selection", 0);
  {
    g_autoptr(KsEvaluation) e = load (ws, NULL);
    g_assert_cmpfloat (item_of (e, opp)->attractiveness, ==, 100);
    g_assert_cmpuint (item_of (e, opp)->n_scored, ==, 3);
  }
  /* clearing everything on an axis unplaces it */
  score (ws, opp, KS_EVAL_ATTRACTIVENESS, "Core competence", 0);
  {
    g_autoptr(KsEvaluation) e = load (ws, NULL);
    g_assert_true (isnan (item_of (e, opp)->attractiveness));
    g_assert_cmpint (item_of (e, opp)->quadrant, ==, KS_EVAL_QUADRANT_NONE);
    g_assert_cmpuint (e->n_unscored, ==, 1);
  }

  /* refused: outside 0–5, with the opportunity and criterion named */
  g_assert_false (ks_eval_score_set (ws, opp, core, 6, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The score of opportunity OPP-1 for “Core competence” is 6; a score is 1 to 5, or 0 for none");
  g_clear_error (&error);
  g_assert_false (ks_eval_score_set (ws, opp, core, -1, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ks_eval_score_set (ws, 999, core, 3, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Change Evaluation");

  /* a weight change moves the bubble, no score is lost: restore the two
   * attractiveness scores (5, 3), then weigh core competence 0: only the 3
   * counts → 50 */
  undo (ws);
  undo (ws);
  g_assert_true (ks_eval_criterion_set_weight (ws, core, 0, &error));
  {
    g_autoptr(KsEvaluation) e = load (ws, NULL);
    g_assert_cmpfloat (item_of (e, opp)->attractiveness, ==, 50);
  }
  /* deleting a criterion deletes its scores; undo brings them back */
  g_assert_true (ks_eval_criterion_delete (ws, core, &error));
  undo (ws);
  g_assert_true (ks_eval_scores_load (ws, opp, criteria, scores, &error));
  g_assert_cmpint (scores[0], ==, 5);
  g_assert_no_error (error);
}

/* ---- dividers ------------------------------------------------------------------- */

static void
test_dividers (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 opp = ks_test_add_opportunity (ws, "OPP-1", "Pumps", 0, 0, STAGE_LEAD, NAN);
  double chance, attractiveness;

  ks_eval_get_dividers (ws, &chance, &attractiveness);
  g_assert_cmpfloat (chance, ==, 50);
  g_assert_cmpfloat (attractiveness, ==, 50);

  /* every criterion 4 on both axes: mean 4 → 75 on both */
  {
    g_autoptr(GPtrArray) criteria = ks_eval_criteria_list (ws, NULL);
    for (guint i = 0; i < criteria->len; i++)
      g_assert_true (ks_eval_score_set (ws, opp, ((KsEvalCriterion *) g_ptr_array_index (criteria, i))->id,
                                        4, &error));
  }
  {
    g_autoptr(KsEvaluation) e = load (ws, NULL);
    g_assert_cmpfloat (item_of (e, opp)->chance, ==, 75);
    g_assert_cmpint (item_of (e, opp)->quadrant, ==, KS_EVAL_QUADRANT_DONT_LOSE);
  }

  /* hard times: chance line to the left does not change it; full capacity:
   * attractiveness line up past 75 makes it Secure */
  g_assert_true (ks_eval_set_dividers (ws, 30, 75.5, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ks_workspace_get_undo_label (ws), ==, "Move Divider");
  {
    g_autoptr(KsEvaluation) e = load (ws, NULL);
    g_assert_cmpfloat (e->chance_divider, ==, 30);
    g_assert_cmpfloat (e->attractiveness_divider, ==, 75.5);
    g_assert_cmpint (item_of (e, opp)->quadrant, ==, KS_EVAL_QUADRANT_SECURE);
    /* in memory only: on the divider is high again */
    ks_evaluation_set_dividers (e, 75, 75);
    g_assert_cmpint (item_of (e, opp)->quadrant, ==, KS_EVAL_QUADRANT_DONT_LOSE);
    g_assert_cmpuint (e->counts[KS_EVAL_QUADRANT_DONT_LOSE], ==, 1);
    g_assert_cmpuint (e->counts[KS_EVAL_QUADRANT_SECURE], ==, 0);
  }
  {
    g_autofree char *text = ks_workspace_get_setting (ws, KS_EVAL_SETTING_ATTRACTIVENESS_DIVIDER);
    g_assert_cmpstr (text, ==, "75.5");
  }

  /* refused outside 0–100, nothing written */
  g_assert_false (ks_eval_set_dividers (ws, 101, 50, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The divider of the chance to win is 101; a divider is between 0 and 100");
  g_clear_error (&error);
  g_assert_false (ks_eval_set_dividers (ws, 50, -0.5, &error));
  g_assert_cmpstr (error->message, ==, "The divider of the attractiveness is -0.5; a divider is between 0 and 100");
  g_clear_error (&error);
  g_assert_false (ks_eval_set_dividers (ws, NAN, 50, &error));
  g_clear_error (&error);
  ks_eval_get_dividers (ws, &chance, &attractiveness);
  g_assert_cmpfloat (chance, ==, 30);
  g_assert_cmpfloat (attractiveness, ==, 75.5);

  /* one undo step puts both back */
  undo (ws);
  ks_eval_get_dividers (ws, &chance, &attractiveness);
  g_assert_cmpfloat (chance, ==, 50);
  g_assert_cmpfloat (attractiveness, ==, 50);

  /* a bad stored value reads as the default */
  g_assert_true (ks_workspace_set_setting (ws, KS_EVAL_SETTING_CHANCE_DIVIDER, "lots", &error));
  ks_eval_get_dividers (ws, &chance, NULL);
  g_assert_cmpfloat (chance, ==, 50);
}

/* ---- the loader's filter -------------------------------------------------------- */

static gint64
add_person (KsWorkspace *ws,
            const char  *name,
            const char  *team,
            const char  *region,
            gint64       manager)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsPerson) person = ks_person_new (name);

  ks_person_set_team (person, team);
  ks_person_set_region (person, region);
  ks_person_set_manager_id (person, manager);
  g_assert_true (ks_person_save (person, ws, &error));
  g_assert_no_error (error);
  return ks_person_get_id (person);
}

static gint64
add_dated (KsWorkspace *ws,
           const char  *ref,
           const char  *title,
           gint64       account,
           gint64       owner,
           gint64       product,
           gint64       stage,
           double       value,
           const char  *expected_close,
           const char  *close)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsOpportunity) o = ks_opportunity_new (ref);

  ks_opportunity_set_title (o, title);
  ks_opportunity_set_account_id (o, account);
  ks_opportunity_set_owner_id (o, owner);
  ks_opportunity_set_product_id (o, product);
  ks_opportunity_set_value (o, value);
  ks_opportunity_set_expected_close_date (o, expected_close);
  ks_opportunity_set_close_date (o, close);
  g_assert_true (ks_opportunity_save (o, ws, &error));
  g_assert_no_error (error);
  ks_test_set_opportunity_stage (ws, ks_opportunity_get_id (o), stage);
  return ks_opportunity_get_id (o);
}

static void
test_load_filter (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  gint64 max = add_person (ws, "Max Vogel", "Management", "EU", 0);
  gint64 ann = add_person (ws, "Ann Berg", "North", "EU", max);
  gint64 bob = add_person (ws, "Bob Lund", "South", "US", 0);
  gint64 acme = ks_test_add_account (ws, "Acme");
  gint64 globex = ks_test_add_account (ws, "Globex");
  gint64 p1 = ks_test_add_product (ws, "Sensor");
  gint64 p2 = ks_test_add_product (ws, "Gateway");
  gint64 o1, o2, o5;
  g_autoptr(KsEvaluation) all = NULL;

  o1 = add_dated (ws, "o1", "Retrofit", acme, ann, p1, STAGE_NO_PRICE, 1000, "2026-03-31", NULL);
  o2 = add_dated (ws, "o2", "Beta", globex, bob, p2, STAGE_WITH_PRICE, NAN, NULL, "2026-04-01");
  add_dated (ws, "o3", "Won one", acme, bob, p1, STAGE_WON, 700, NULL, "2026-02-01");
  add_dated (ws, "o4", "Unmapped", acme, ann, p1, 0, 300, "2026-03-01", NULL);
  add_dated (ws, "o6", "Lost one", globex, ann, p2, STAGE_LOST, 50, NULL, "2026-03-01");
  o5 = add_dated (ws, "o5", "Alpha", globex, ann, p2, STAGE_LEAD, 500, "2026-06-30", NULL);

  /* only the open ones (o3 won, o6 lost, o4 unmapped are out), by account,
   * then title: Acme Retrofit, Globex Alpha, Globex Beta */
  all = load (ws, NULL);
  {
    g_autofree char *refs = refs_of (all);
    g_assert_cmpstr (refs, ==, "o1 o5 o2");
  }
  g_assert_cmpstr (item_of (all, o1)->account, ==, "Acme");
  g_assert_cmpstr (item_of (all, o1)->title, ==, "Retrofit");
  g_assert_cmpstr (item_of (all, o1)->stage, ==, "Proposal without price");
  g_assert_cmpfloat (item_of (all, o1)->value, ==, 1000);
  g_assert_true (isnan (item_of (all, o2)->value));
  /* the legend: the stages present, by position */
  g_assert_cmpuint (all->stages->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (all->stages, 0), ==, "Lead qualified");
  g_assert_cmpstr (g_ptr_array_index (all->stages, 2), ==, "Proposal with price");
  g_assert_cmpuint (item_of (all, o5)->stage_index, ==, 0);
  g_assert_cmpuint (item_of (all, o1)->stage_index, ==, 1);
  g_assert_cmpuint (item_of (all, o2)->stage_index, ==, 2);
  g_assert_cmpuint (all->n_unscored, ==, 3);

#define REFS(expected, ...) \
  G_STMT_START { \
    KsFunnelFilter f = { __VA_ARGS__ }; \
    g_autofree char *got = filtered_refs (ws, &f); \
    g_assert_cmpstr (got, ==, expected); \
  } G_STMT_END

  REFS ("o1 o5 o2", .owner = NULL);
  REFS ("o1 o5", .owner = "Ann Berg");
  REFS ("", .owner = "ann berg");             /* exact */
  REFS ("o1 o5", .manager = "Max Vogel");
  REFS ("o2", .team = "South");
  REFS ("o1 o5", .region = "EU");
  REFS ("o1", .account = "Acme");
  REFS ("o5 o2", .product = "Gateway");
  /* the period on coalesce (expected close, close), both ends inclusive:
   * o1 2026-03-31, o2 2026-04-01 (closed date only), o5 2026-06-30 */
  REFS ("o5 o2", .from = "2026-04-01");
  REFS ("o1", .to = "2026-03-31");
  REFS ("o2", .from = "2026-04-01", .to = "2026-04-01");
  REFS ("o1 o2", .from = "2026-03-31", .to = "2026-04-01");
  REFS ("o5", .owner = "Ann Berg", .account = "Globex");
  REFS ("", .owner = "Bob Lund", .account = "Acme");   /* o3 is won */
#undef REFS

  /* counts per quadrant: o1 100/100 Don't lose, o5 chance 0 / attr 100 Invest */
  score (ws, o1, KS_EVAL_CHANCE, "Strength of the relationship", 5);
  score (ws, o1, KS_EVAL_ATTRACTIVENESS, "Learning value", 5);
  score (ws, o5, KS_EVAL_CHANCE, "Matching cultures", 1);
  score (ws, o5, KS_EVAL_ATTRACTIVENESS, "Learning value", 5);
  {
    g_autoptr(KsEvaluation) e = load (ws, NULL);

    g_assert_cmpuint (e->counts[KS_EVAL_QUADRANT_DONT_LOSE], ==, 1);
    g_assert_cmpuint (e->counts[KS_EVAL_QUADRANT_INVEST], ==, 1);
    g_assert_cmpuint (e->counts[KS_EVAL_QUADRANT_SECURE], ==, 0);
    g_assert_cmpuint (e->counts[KS_EVAL_QUADRANT_DROP], ==, 0);
    g_assert_cmpuint (e->n_unscored, ==, 1);
    g_assert_cmpfloat (item_of (e, o5)->chance, ==, 0);
    g_assert_cmpint (item_of (e, o2)->quadrant, ==, KS_EVAL_QUADRANT_NONE);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/evaluation/axis-value", test_axis_value);
  g_test_add_func ("/core/evaluation/quadrants", test_quadrants);
  g_test_add_func ("/core/evaluation/criteria/defaults", test_default_criteria);
  g_test_add_func ("/core/evaluation/criteria/edits", test_criteria_edits);
  g_test_add_func ("/core/evaluation/criteria/refused", test_criteria_refused);
  g_test_add_func ("/core/evaluation/scores", test_scores_and_undo);
  g_test_add_func ("/core/evaluation/dividers", test_dividers);
  g_test_add_func ("/core/evaluation/load/filter", test_load_filter);

  return g_test_run ();
}
