/* test-portfolio.c — the portfolio matrix's data (ks-portfolio.c): presets,
 * quadrants exactly at the dividers, trails and quadrant changes, filters,
 * colours, saved dividers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scores are written by hand below; every expected position and quadrant is
 * read off them, never computed by the code under test.
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-account.h"
#include "ks-opportunity.h"
#include "ks-portfolio.h"
#include "ks-test-util.h"

typedef struct
{
  KsWorkspace *ws;
  gint64       q2, q3;
  gint64       profit, potential, position;   /* criteria ids */
  gint64       alpha, beta, gamma, delta;     /* accounts */
  gint64       anna, bert;                    /* owners */
} Fixture;

static gint64
criterion_id (KsWorkspace *ws,
              const char  *name)
{
  g_autoptr(GPtrArray) criteria = ks_criteria_list (ws, NULL);
  KsCriterion *c = ks_criteria_find (criteria, name);

  g_assert_nonnull (c);
  return c->id;
}

static void
score (Fixture *f,
       gint64   account,
       gint64   period,
       gint64   criterion,
       double   value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_score_set (f->ws, account, period, criterion, value, NULL, &error));
  g_assert_no_error (error);
}

static gint64
account_with (Fixture    *f,
              const char *name,
              gint64      owner,
              const char *segment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = ks_account_new (name);

  ks_account_set_owner_id (account, owner);
  ks_account_set_segment (account, segment);
  g_assert_true (ks_account_save (account, f->ws, &error));
  g_assert_no_error (error);
  return ks_account_get_id (account);
}

static void
won (Fixture    *f,
     const char *ref,
     gint64      account,
     double      value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsOpportunity) o = ks_opportunity_new (ref);

  ks_opportunity_set_account_id (o, account);
  ks_opportunity_set_stage (o, "Won");
  ks_opportunity_set_value (o, value);
  ks_opportunity_set_close_date (o, "2026-05-01");
  g_assert_true (ks_opportunity_save (o, f->ws, &error));
  g_assert_no_error (error);
}

/* Four accounts; profitability (yield strength) × potential (reserve
 * potential), dividers at 50:
 *   Alpha  Q2 (30, 30) low/low   → Q3 (70, 30) high profitability  (moved)
 *   Beta   Q2 (50, 50) on both dividers = high/high → Q3 (50, 50) (stays)
 *   Gamma  Q2 (80, 20)           → Q3 (20, 80) low profit, high potential (moved)
 *   Delta  only Q3 (10, 90): no trail */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->ws = ks_test_open_workspace (":memory:", TRUE);
  f->anna = ks_test_add_person (f->ws, "Anna Berg", 0);
  f->bert = ks_test_add_person (f->ws, "Bert Lund", 0);
  f->alpha = account_with (f, "Alpha", f->anna, KS_SEGMENT_KEY);
  f->beta = account_with (f, "Beta", f->anna, KS_SEGMENT_NORMAL);
  f->gamma = account_with (f, "Gamma", f->bert, KS_SEGMENT_KEY);
  f->delta = account_with (f, "Delta", 0, KS_SEGMENT_IMPORTANT);
  f->q2 = ks_period_ensure (f->ws, "2026-Q2", TRUE, &error);
  g_assert_no_error (error);
  f->q3 = ks_period_ensure (f->ws, "2026-Q3", TRUE, &error);
  g_assert_no_error (error);
  f->profit = criterion_id (f->ws, "yield strength");
  f->potential = criterion_id (f->ws, "Reserve Potential");
  f->position = criterion_id (f->ws, "Relationship quality");

  score (f, f->alpha, f->q2, f->profit, 30);
  score (f, f->alpha, f->q2, f->potential, 30);
  score (f, f->alpha, f->q3, f->profit, 70);
  score (f, f->alpha, f->q3, f->potential, 30);
  score (f, f->beta, f->q2, f->profit, 50);
  score (f, f->beta, f->q2, f->potential, 50);
  score (f, f->beta, f->q3, f->profit, 50);
  score (f, f->beta, f->q3, f->potential, 50);
  score (f, f->gamma, f->q2, f->profit, 80);
  score (f, f->gamma, f->q2, f->potential, 20);
  score (f, f->gamma, f->q3, f->profit, 20);
  score (f, f->gamma, f->q3, f->potential, 80);
  score (f, f->delta, f->q3, f->profit, 10);
  score (f, f->delta, f->q3, f->potential, 90);

  /* revenue: Gamma 600, Alpha 300, Beta 100, Delta none */
  won (f, "o1", f->gamma, 600);
  won (f, "o2", f->alpha, 300);
  won (f, "o3", f->beta, 100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ws);
}

static const KsPortfolioItem *
item_named (const KsPortfolio *p,
            const char        *name)
{
  for (guint i = 0; i < p->items->len; i++)
    {
      const KsPortfolioItem *item = &g_array_index (p->items, KsPortfolioItem, i);

      if (g_str_equal (item->name, name))
        return item;
    }
  return NULL;
}

static gboolean
moved (const KsPortfolio *p,
       const char        *name)
{
  for (guint i = 0; i < p->moved->len; i++)
    if (g_str_equal (g_array_index (p->items, KsPortfolioItem, g_array_index (p->moved, guint, i)).name, name))
      return TRUE;
  return FALSE;
}

static void
test_quadrant_at_dividers (void)
{
  /* on a divider counts as high */
  g_assert_cmpint (ks_portfolio_quadrant (50, 50, 50, 50), ==, 3);
  g_assert_cmpint (ks_portfolio_quadrant (49.9, 50, 50, 50), ==, 2);
  g_assert_cmpint (ks_portfolio_quadrant (50, 49.9, 50, 50), ==, 1);
  g_assert_cmpint (ks_portfolio_quadrant (49.9, 49.9, 50, 50), ==, 0);
  g_assert_cmpint (ks_portfolio_quadrant (NAN, 10, 50, 50), ==, -1);
  g_assert_cmpint (ks_portfolio_quadrant (10, NAN, 50, 50), ==, -1);
}

static void
test_profitability_potential (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KsPortfolioQuery query = { KS_PRESET_PROFITABILITY_POTENTIAL, .period_id = f->q3 };
  g_autoptr(KsPortfolio) p = ks_portfolio_load (f->ws, &query, &error);
  const KsPortfolioItem *alpha, *beta, *gamma, *delta;

  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->period, ==, "2026-Q3");
  g_assert_cmpstr (p->compare, ==, "2026-Q2");         /* the period before, by default */
  g_assert_cmpfloat (p->x_divider, ==, 50);
  g_assert_cmpfloat (p->y_divider, ==, 50);
  g_assert_cmpfloat (p->x_min, ==, 0);
  g_assert_cmpfloat (p->x_max, ==, 100);
  g_assert_cmpstr (p->quadrants[0], ==, "Retain");
  g_assert_cmpstr (p->quadrants[1], ==, "Retain and nurture");
  g_assert_cmpstr (p->quadrants[2], ==, "Retain and develop");
  g_assert_cmpstr (p->quadrants[3], ==, "Retain, nurture and develop");
  g_assert_null (p->missing);
  g_assert_cmpuint (p->items->len, ==, 4);

  alpha = item_named (p, "Alpha");
  beta = item_named (p, "Beta");
  gamma = item_named (p, "Gamma");
  delta = item_named (p, "Delta");
  g_assert_cmpfloat (alpha->x, ==, 70);
  g_assert_cmpfloat (alpha->y, ==, 30);
  g_assert_cmpfloat (alpha->prev_x, ==, 30);
  g_assert_cmpfloat (alpha->prev_y, ==, 30);
  g_assert_cmpint (alpha->quadrant, ==, 1);
  g_assert_cmpint (alpha->prev_quadrant, ==, 0);
  g_assert_cmpint (beta->quadrant, ==, 3);
  g_assert_cmpint (beta->prev_quadrant, ==, 3);
  g_assert_cmpint (gamma->quadrant, ==, 2);
  g_assert_cmpint (gamma->prev_quadrant, ==, 1);
  g_assert_cmpint (delta->quadrant, ==, 2);
  g_assert_cmpint (delta->prev_quadrant, ==, -1);
  g_assert_true (isnan (delta->prev_x));

  g_assert_cmpuint (p->moved->len, ==, 2);
  g_assert_true (moved (p, "Alpha"));
  g_assert_true (moved (p, "Gamma"));

  /* revenue and ABC class (600 of 1000 before nothing → A; 300: 60 % before → B; 100: 90 % → C) */
  g_assert_cmpfloat (gamma->revenue, ==, 600);
  g_assert_cmpint (gamma->klass, ==, KS_ABC_A);
  g_assert_cmpint (alpha->klass, ==, KS_ABC_B);
  g_assert_cmpint (beta->klass, ==, KS_ABC_C);
  g_assert_cmpint (delta->klass, ==, KS_ABC_C);
  g_assert_cmpfloat (delta->revenue, ==, 0);
  /* coloured by class: the legend has A, B, C */
  g_assert_cmpuint (p->legend->len, ==, 3);
  g_assert_cmpuint (gamma->colour, ==, 0);
  g_assert_cmpuint (alpha->colour, ==, 1);
  g_assert_cmpuint (beta->colour, ==, 2);
}

static void
test_no_compare (Fixture       *f,
                 gconstpointer  data)
{
  KsPortfolioQuery query = { KS_PRESET_PROFITABILITY_POTENTIAL, .period_id = f->q3, .compare_id = -1 };
  g_autoptr(KsPortfolio) p = ks_portfolio_load (f->ws, &query, NULL);
  KsPortfolioQuery first = { KS_PRESET_PROFITABILITY_POTENTIAL, .period_id = f->q2 };
  g_autoptr(KsPortfolio) q = ks_portfolio_load (f->ws, &first, NULL);

  g_assert_null (p->compare);
  g_assert_cmpuint (p->moved->len, ==, 0);
  g_assert_true (isnan (item_named (p, "Alpha")->prev_x));
  /* the first period has none before it; Delta has no score there */
  g_assert_null (q->compare);
  g_assert_cmpuint (q->n_unplaced, ==, 1);
  g_assert_cmpint (item_named (q, "Delta")->quadrant, ==, -1);
}

static void
test_attractiveness_position (Fixture       *f,
                              gconstpointer  data)
{
  KsPortfolioQuery query = { KS_PRESET_ATTRACTIVENESS_POSITION, .period_id = f->q3 };
  g_autoptr(KsPortfolio) p = NULL;
  const KsPortfolioItem *alpha;

  /* Alpha in Q3: relationship quality 60; weighted = (30 × 70 + 30 × 30 + 5 × 60) / 100 = 33.0 */
  score (f, f->alpha, f->q3, f->position, 60);
  p = ks_portfolio_load (f->ws, &query, NULL);
  alpha = item_named (p, "Alpha");
  g_assert_cmpfloat (alpha->x, ==, 60);
  g_assert_cmpfloat (alpha->y, ==, 33.0);
  g_assert_cmpint (alpha->quadrant, ==, 1);
  g_assert_null (p->quadrants[0]);
  g_assert_cmpstr (ks_portfolio_quadrant_name (p, 1), ==, "high x, low y");
  /* Beta has no relationship score: not placed */
  g_assert_cmpint (item_named (p, "Beta")->quadrant, ==, -1);
  g_assert_cmpuint (p->n_unplaced, ==, 3);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  KsPortfolioQuery by_owner = { KS_PRESET_PROFITABILITY_POTENTIAL, .period_id = f->q3, .owner_id = f->anna };
  KsPortfolioQuery by_segment = { KS_PRESET_PROFITABILITY_POTENTIAL, .period_id = f->q3,
                                  .segment = KS_SEGMENT_KEY, .colour_by = KS_COLOUR_BY_SEGMENT };
  g_autoptr(KsPortfolio) mine = ks_portfolio_load (f->ws, &by_owner, NULL);
  g_autoptr(KsPortfolio) key = ks_portfolio_load (f->ws, &by_segment, NULL);

  g_assert_cmpuint (mine->items->len, ==, 2);
  g_assert_nonnull (item_named (mine, "Alpha"));
  g_assert_nonnull (item_named (mine, "Beta"));
  g_assert_cmpuint (key->items->len, ==, 2);
  g_assert_nonnull (item_named (key, "Alpha"));
  g_assert_nonnull (item_named (key, "Gamma"));
  g_assert_cmpuint (key->legend->len, ==, 3);
  g_assert_cmpuint (item_named (key, "Gamma")->colour, ==, 0);

  /* the owner filter's choices: Anna and Bert own accounts, nobody owns Delta */
  {
    g_autoptr(GArray) owners = ks_portfolio_owner_ids (f->ws, NULL);

    g_assert_cmpuint (owners->len, ==, 2);
    g_assert_cmpint (g_array_index (owners, gint64, 0), ==, MIN (f->anna, f->bert));
    g_assert_cmpint (g_array_index (owners, gint64, 1), ==, MAX (f->anna, f->bert));
  }
  /* quadrant names: the preset's strategies, else where the quadrant lies */
  g_assert_cmpstr (ks_portfolio_quadrant_name (key, 1), ==, "Retain and nurture");
  g_assert_cmpstr (ks_portfolio_quadrant_name (key, -1), ==, "not placed");
}

static void
test_owner_colours (Fixture       *f,
                    gconstpointer  data)
{
  KsPortfolioQuery query = { KS_PRESET_PROFITABILITY_POTENTIAL, .period_id = f->q3,
                             .colour_by = KS_COLOUR_BY_OWNER };
  g_autoptr(KsPortfolio) p = ks_portfolio_load (f->ws, &query, NULL);

  /* Bert's portfolio (600) is larger than Anna's (400): he comes first;
   * Delta has no owner and shares the last colour */
  g_assert_cmpuint (p->legend->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (p->legend, 0), ==, "Bert Lund");
  g_assert_cmpstr (g_ptr_array_index (p->legend, 1), ==, "Anna Berg");
  g_assert_cmpuint (item_named (p, "Gamma")->colour, ==, 0);
  g_assert_cmpuint (item_named (p, "Alpha")->colour, ==, 1);
  g_assert_cmpuint (item_named (p, "Delta")->colour, ==, 2);
}

static void
test_custom_axes (Fixture       *f,
                  gconstpointer  data)
{
  KsPortfolioQuery query = { KS_PRESET_CUSTOM, .period_id = f->q3 };
  g_autoptr(KsPortfolio) p = NULL;
  g_autoptr(KsPortfolio) missing = NULL;

  ks_axis_parse ("Yield strength", &query.x);
  ks_axis_parse ("revenue", &query.y);
  p = ks_portfolio_load (f->ws, &query, NULL);
  g_assert_cmpfloat (item_named (p, "Gamma")->y, ==, 600);
  g_assert_true (isnan (item_named (p, "Delta")->y));   /* no revenue: not placed */
  /* a money axis starts with its divider at the median of Alpha, Beta, Gamma */
  g_assert_cmpfloat (p->y_divider, ==, 300);
  g_assert_true (isnan (p->y_min));
  /* revenue does not move between periods: the trail only shows the score's change */
  g_assert_cmpfloat (item_named (p, "Gamma")->prev_y, ==, 600);
  g_assert_cmpfloat (item_named (p, "Gamma")->prev_x, ==, 80);

  ks_axis_parse ("No such criterion", &query.x);
  missing = ks_portfolio_load (f->ws, &query, NULL);
  g_assert_nonnull (missing->missing);
  g_assert_nonnull (strstr (missing->missing, "No such criterion"));
}

static void
test_dividers_saved (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KsPortfolioQuery query = { KS_PRESET_PROFITABILITY_POTENTIAL, .period_id = f->q3 };
  KsPortfolioQuery other = { KS_PRESET_ATTRACTIVENESS_POSITION, .period_id = f->q3 };
  g_autoptr(KsPortfolio) p = NULL;
  g_autoptr(KsPortfolio) o = NULL;
  g_autoptr(KsPortfolio) undone = NULL;

  g_assert_true (ks_portfolio_save_dividers (f->ws, &query, 75, 25, &error));
  g_assert_no_error (error);
  p = ks_portfolio_load (f->ws, &query, NULL);
  g_assert_cmpfloat (p->x_divider, ==, 75);
  g_assert_cmpfloat (p->y_divider, ==, 25);
  /* Alpha (70, 30) is now low profitability, high potential */
  g_assert_cmpint (item_named (p, "Alpha")->quadrant, ==, 2);
  /* per preset: the other one keeps its own */
  o = ks_portfolio_load (f->ws, &other, NULL);
  g_assert_cmpfloat (o->x_divider, ==, 50);
  /* one undo step */
  g_assert_true (ks_workspace_undo (f->ws, &error));
  undone = ks_portfolio_load (f->ws, &query, NULL);
  g_assert_cmpfloat (undone->x_divider, ==, 50);
  g_assert_false (ks_portfolio_save_dividers (f->ws, &query, NAN, 25, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID);
}

static void
test_names (void)
{
  KsPortfolioPreset preset;
  KsColourBy colour;
  KsAxis axis;

  for (KsPortfolioPreset p = KS_PRESET_PROFITABILITY_POTENTIAL; p <= KS_PRESET_CUSTOM; p++)
    {
      g_assert_true (ks_portfolio_preset_from_name (ks_portfolio_preset_name (p), &preset));
      g_assert_cmpint (preset, ==, p);
    }
  g_assert_false (ks_portfolio_preset_from_name ("bogus", &preset));
  g_assert_true (ks_colour_by_from_name ("owner", &colour));
  g_assert_cmpint (colour, ==, KS_COLOUR_BY_OWNER);
  g_assert_false (ks_colour_by_from_name ("size", &colour));
  ks_axis_parse ("employees", &axis);
  g_assert_cmpint (axis.kind, ==, KS_AXIS_EMPLOYEES);
  ks_axis_parse ("Learning partnership", &axis);
  g_assert_cmpint (axis.kind, ==, KS_AXIS_CRITERION);
  g_assert_cmpstr (axis.criterion, ==, "Learning partnership");
}

static void
test_revenue_years (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(KsOpportunity) lost = ks_opportunity_new ("o4");

  ks_opportunity_set_stage (lost, "Lost");
  ks_opportunity_set_close_date (lost, "2019-02-01");
  g_assert_true (ks_opportunity_save (lost, f->ws, NULL));
  years = ks_portfolio_revenue_years (f->ws, &error);
  g_assert_no_error (error);
  /* only the year something was won in */
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2026);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/portfolio/quadrant-at-dividers", test_quadrant_at_dividers);
  g_test_add_func ("/core/portfolio/names", test_names);
  g_test_add ("/core/portfolio/profitability-potential", Fixture, NULL,
              fixture_set_up, test_profitability_potential, fixture_tear_down);
  g_test_add ("/core/portfolio/no-compare", Fixture, NULL,
              fixture_set_up, test_no_compare, fixture_tear_down);
  g_test_add ("/core/portfolio/attractiveness-position", Fixture, NULL,
              fixture_set_up, test_attractiveness_position, fixture_tear_down);
  g_test_add ("/core/portfolio/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/core/portfolio/owner-colours", Fixture, NULL,
              fixture_set_up, test_owner_colours, fixture_tear_down);
  g_test_add ("/core/portfolio/custom-axes", Fixture, NULL,
              fixture_set_up, test_custom_axes, fixture_tear_down);
  g_test_add ("/core/portfolio/dividers-saved", Fixture, NULL,
              fixture_set_up, test_dividers_saved, fixture_tear_down);
  g_test_add ("/core/portfolio/revenue-years", Fixture, NULL,
              fixture_set_up, test_revenue_years, fixture_tear_down);
  return g_test_run ();
}
