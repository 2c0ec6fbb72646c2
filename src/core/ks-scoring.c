/* ks-scoring.c — the key account review: weighted criteria, review periods,
 * scores per account and period (PRODUCT.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables (schema 4): score_criteria, review_periods, account_scores. The
 * weighted score is computed here, never stored, so a change of weights
 * recomputes every period.
 */
#define G_LOG_DOMAIN "ks-scoring"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-scoring.h"
#include "ks-workspace-private.h"

#define MAX_PERIOD_CHARS 40

enum { S_ACCOUNT, S_CRITERION, S_SCORE, S_EXPLANATION };
static const char *const score_columns[] = { "account", "criterion", "score", "explanation" };

/* ---- pure functions ---------------------------------------------------------- */

double
ks_score_weighted (const double *weights,
                   const double *scores,
                   guint         n)
{
  double sum = 0;
  double tenths;

  g_return_val_if_fail (n == 0 || (weights != NULL && scores != NULL), NAN);

  /* Σ weight × score is a sum of exact products for the usual whole-number
   * weights and scores; dividing by 10 (not by 100, then times 10) keeps
   * 3500 → 350 exact. The nudge makes a half that binary arithmetic put
   * just below (2004.9999…) round away from zero as written. */
  for (guint i = 0; i < n; i++)
    if (!isnan (scores[i]) && !isnan (weights[i]))
      sum += weights[i] * scores[i];
  tenths = sum / 10.0;
  tenths = round (tenths + (tenths >= 0 ? 1e-9 : -1e-9));
  return tenths / 10.0 + 0.0;   /* + 0.0: never -0 */
}

KsScoreBand
ks_score_band (double weighted)
{
  /* Upper bounds; the scores have one decimal, the margin absorbs binary error. */
  if (weighted <= 20 + 1e-9)
    return KS_BAND_VERY_WEAK;
  if (weighted <= 40 + 1e-9)
    return KS_BAND_MODERATE;
  if (weighted <= 60 + 1e-9)
    return KS_BAND_MEDIUM;
  if (weighted <= 80 + 1e-9)
    return KS_BAND_GOOD;
  return KS_BAND_VERY_GOOD;
}

const char *
ks_score_band_name (KsScoreBand band)
{
  static const char *const names[KS_N_BANDS] = {
    "very weak", "moderate", "medium", "good", "very good",
  };

  g_return_val_if_fail ((guint) band < KS_N_BANDS, "");
  return names[band];
}

const char *
ks_score_band_label (KsScoreBand band)
{
  switch (band)
    {
    case KS_BAND_VERY_WEAK: return _("Very weak");
    case KS_BAND_MODERATE: return _("Moderate");
    case KS_BAND_MEDIUM: return _("Medium");
    case KS_BAND_GOOD: return _("Good");
    case KS_BAND_VERY_GOOD: return _("Very good");
    default: g_return_val_if_reached ("");
    }
}

static char *
name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  return g_utf8_casefold (trimmed, -1);
}

gboolean
ks_score_weights_check (const char * const *names,
                        const double       *weights,
                        guint               n,
                        GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double sum = 0;

  g_return_val_if_fail (n == 0 || (names != NULL && weights != NULL), FALSE);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = name_key (names[i]);

      if (!names[i] || !g_utf8_validate (names[i], -1, NULL) || !*key)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("Criterion %u has no name; every criterion needs one"), i + 1);
          return FALSE;
        }
      if (g_hash_table_contains (seen, key))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("The criterion “%s” is listed twice; names must differ (ignoring case)"),
                       names[i]);
          return FALSE;
        }
      g_hash_table_add (seen, g_steal_pointer (&key));
      if (!(weights[i] >= 0 && weights[i] <= 100))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("The weight of “%s” is %g; a weight is between 0 and 100"),
                       names[i], weights[i]);
          return FALSE;
        }
      sum += weights[i];
    }
  if (fabs (sum - 100) > 1e-6)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The weights add up to %g, not 100; change them so that they sum to 100"),
                   sum);
      return FALSE;
    }
  return TRUE;
}

/* ---- criteria ---------------------------------------------------------------- */

void
ks_criterion_free (KsCriterion *criterion)
{
  if (criterion)
    {
      g_free (criterion->name);
      g_free (criterion);
    }
}

static KsCriterion *
criterion_new (gint64      id,
               const char *name,
               double      weight)
{
  KsCriterion *c = g_new0 (KsCriterion, 1);

  c->id = id;
  c->name = g_strdup (name);
  c->weight = weight;
  return c;
}

GPtrArray *
ks_criteria_list (KsWorkspace  *workspace,
                  GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_criterion_free);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT id, name, weight FROM score_criteria ORDER BY position, id",
                                     error)))
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_ptr_array_add (list, criterion_new (ks_stmt_column_int64 (stmt, 0), ks_column_text (stmt, 1),
                                          ks_stmt_column_double (stmt, 2)));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the review criteria"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

KsCriterion *
ks_criteria_find (GPtrArray  *criteria,
                  const char *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (criteria != NULL, NULL);

  if (!name)
    return NULL;
  key = name_key (name);
  for (guint i = 0; i < criteria->len; i++)
    {
      KsCriterion *c = g_ptr_array_index (criteria, i);
      g_autofree char *other = name_key (c->name);

      if (g_str_equal (key, other))
        return c;
    }
  return NULL;
}

static gboolean
run_stmt (KsWorkspace   *ws,
          KsStmt  *stmt,
          const char    *action,
          GError       **error)
{
  return ks_workspace_step_done (ws, stmt, action, error);
}

gboolean
ks_criteria_set (KsWorkspace       *workspace,
                 const KsCriterion *criteria,
                 guint              n,
                 GError           **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree const char **names = NULL;
  g_autofree double *weights = NULL;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (n == 0 || criteria != NULL, FALSE);

  names = g_new0 (const char *, n + 1);
  weights = g_new0 (double, n + 1);
  for (guint i = 0; i < n; i++)
    {
      names[i] = criteria[i].name;
      weights[i] = criteria[i].weight;
    }
  if (!ks_score_weights_check (names, weights, n, error))
    return FALSE;

  if (!ks_workspace_begin (workspace, _("Change Criteria"), error))
    return FALSE;
  if (!(stored = ks_criteria_list (workspace, error)))
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      gboolean found = FALSE;

      if (criteria[i].id == 0)
        continue;
      for (guint j = 0; j < stored->len && !found; j++)
        found = ((KsCriterion *) g_ptr_array_index (stored, j))->id == criteria[i].id;
      if (!found || g_hash_table_contains (kept, &criteria[i].id))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("Could not change the criteria: “%s” refers to criterion %" PRId64
                         ", which is not in this workspace or listed twice"),
                       criteria[i].name, criteria[i].id);
          goto fail;
        }
      g_hash_table_add (kept, (gpointer) &criteria[i].id);
    }

  /* Criteria not listed go, with their scores. */
  for (guint j = 0; j < stored->len; j++)
    {
      KsCriterion *c = g_ptr_array_index (stored, j);

      if (g_hash_table_contains (kept, &c->id))
        continue;
      if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM account_scores WHERE criterion_id = ?1", error)))
        goto fail;
      ks_stmt_bind_int64 (stmt, 1, c->id);
      if (!run_stmt (workspace, stmt, _("delete the scores of a criterion"), error))
        goto fail;
      if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM score_criteria WHERE id = ?1", error)))
        goto fail;
      ks_stmt_bind_int64 (stmt, 1, c->id);
      if (!run_stmt (workspace, stmt, _("delete a criterion"), error))
        goto fail;
    }

  /* Renamed ones first get a name no one uses, so that two criteria can
   * swap names without tripping over UNIQUE. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (criteria[i].name));
      gboolean renamed = FALSE;

      if (criteria[i].id == 0)
        continue;
      for (guint j = 0; j < stored->len; j++)
        {
          KsCriterion *c = g_ptr_array_index (stored, j);
          if (c->id == criteria[i].id)
            renamed = g_strcmp0 (c->name, name) != 0;
        }
      if (!renamed)
        continue;
      if (!(stmt = ks_workspace_prepare (workspace,
                                         "UPDATE score_criteria SET name = '\x01' || CAST (id AS TEXT) WHERE id = ?1",
                                         error)))
        goto fail;
      ks_stmt_bind_int64 (stmt, 1, criteria[i].id);
      if (!run_stmt (workspace, stmt, _("rename a criterion"), error))
        goto fail;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (criteria[i].name));

      if (criteria[i].id)
        {
          if (!(stmt = ks_workspace_prepare (workspace,
                                             "UPDATE score_criteria SET name = ?2, weight = ?3, position = ?4 "
                                             "WHERE id = ?1",
                                             error)))
            goto fail;
          ks_stmt_bind_int64 (stmt, 1, criteria[i].id);
        }
      else if (!(stmt = ks_workspace_prepare (workspace,
                                              "INSERT INTO score_criteria (name, weight, position) "
                                              "VALUES (?2, ?3, ?4)",
                                              error)))
        goto fail;
      ks_bind_text (stmt, 2, name);
      ks_stmt_bind_double (stmt, 3, criteria[i].weight);
      ks_stmt_bind_int64 (stmt, 4, i);
      if (!run_stmt (workspace, stmt, _("save a criterion"), error))
        goto fail;
    }
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

/* ---- review periods ------------------------------------------------------------ */

void
ks_period_free (KsPeriod *period)
{
  if (period)
    {
      g_free (period->name);
      g_free (period);
    }
}

GPtrArray *
ks_period_list (KsWorkspace  *workspace,
                GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_period_free);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace, "SELECT id, name FROM review_periods ORDER BY name, id", error)))
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsPeriod *p = g_new0 (KsPeriod, 1);

      p->id = ks_stmt_column_int64 (stmt, 0);
      p->name = g_strdup (ks_column_text (stmt, 1));
      g_ptr_array_add (list, p);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the review periods"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* A trimmed period name, or NULL with an error saying why it cannot be one. */
static char *
check_period_name (const char  *name,
                   GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (!name || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A review period needs a name in UTF-8"));
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (name));
  if (!*trimmed)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A review period needs a name, such as “2026-Q3”"));
      return NULL;
    }
  if (g_utf8_strlen (trimmed, -1) > MAX_PERIOD_CHARS)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The review period name “%.40s…” is too long; at most %d characters"),
                   trimmed, MAX_PERIOD_CHARS);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

/* Steps a bound statement whose first column is an id: the first row's id
 * into @id (0 when there is none). FALSE, with @error set, on a failure. */
static gboolean
step_id (KsWorkspace   *workspace,
         KsStmt  *stmt,
         gint64        *id,
         GError       **error)
{
  int rc = ks_stmt_step (stmt);

  *id = rc == KS_STEP_ROW ? ks_stmt_column_int64 (stmt, 0) : 0;
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the review periods"));
      return FALSE;
    }
  return TRUE;
}

static gint64
period_id_for_name (KsWorkspace  *workspace,
                    const char   *name,
                    GError      **error)
{
  KsStmt *stmt;
  gint64 id;

  if (!(stmt = ks_workspace_prepare (workspace, "SELECT id FROM review_periods WHERE name = ?1", error)))
    return -1;
  ks_bind_text (stmt, 1, name);
  return step_id (workspace, stmt, &id, error) ? id : -1;
}

/* The period's name (NULL when absent; on a failure with @error set). */
static char *
period_name (KsWorkspace  *workspace,
             gint64        id,
             GError      **error)
{
  KsStmt *stmt;
  char *name = NULL;
  int rc;

  if (!(stmt = ks_workspace_prepare (workspace, "SELECT name FROM review_periods WHERE id = ?1", error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    name = g_strdup (ks_column_text (stmt, 0));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    ks_workspace_set_sql_error (workspace, error, _("read the review periods"));
  return name;
}

gint64
ks_period_ensure (KsWorkspace  *workspace,
                  const char   *name,
                  gboolean      create,
                  GError      **error)
{
  g_autofree char *trimmed = NULL;
  KsStmt *stmt;
  gint64 id;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!(trimmed = check_period_name (name, error)))
    return 0;
  id = period_id_for_name (workspace, trimmed, error);
  if (id < 0)
    return 0;
  if (id > 0 || !create)
    return id;

  if (!ks_workspace_begin (workspace, _("Add Review Period"), error))
    return 0;
  if ((stmt = ks_workspace_prepare (workspace, "INSERT INTO review_periods (name) VALUES (?1)", error)))
    ks_bind_text (stmt, 1, trimmed);
  return ks_workspace_insert_commit (workspace, stmt, _("add a review period"), error);
}

/* The current-period setting follows a rename or a deletion. */
static gboolean
update_current_setting (KsWorkspace  *workspace,
                        const char   *old_name,
                        const char   *new_name,
                        GError      **error)
{
  g_autofree char *current = ks_workspace_get_setting (workspace, KS_SCORING_SETTING_CURRENT_PERIOD);

  if (!current || g_strcmp0 (current, old_name) != 0)
    return TRUE;
  return ks_workspace_set_setting (workspace, KS_SCORING_SETTING_CURRENT_PERIOD, new_name, error);
}

gboolean
ks_period_rename (KsWorkspace  *workspace,
                  gint64        id,
                  const char   *name,
                  GError      **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *old = NULL;
  GError *local = NULL;
  gint64 other;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(trimmed = check_period_name (name, error)))
    return FALSE;
  if (!(old = period_name (workspace, id, &local)))
    {
      if (local)
        g_propagate_error (error, local);
      else
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no review period with id %" PRId64), id);
      return FALSE;
    }
  if (g_str_equal (old, trimmed))
    return TRUE;
  other = period_id_for_name (workspace, trimmed, error);
  if (other < 0)
    return FALSE;
  if (other > 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("Could not rename the review period “%s”: there is a period “%s” already"),
                   old, trimmed);
      return FALSE;
    }

  if (!ks_workspace_begin (workspace, _("Rename Review Period"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "UPDATE review_periods SET name = ?2 WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  ks_bind_text (stmt, 2, trimmed);
  if (!run_stmt (workspace, stmt, _("rename a review period"), error) ||
      !update_current_setting (workspace, old, trimmed, error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

gboolean
ks_period_delete (KsWorkspace  *workspace,
                  gint64        id,
                  GError      **error)
{
  g_autofree char *old = NULL;
  GError *local = NULL;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(old = period_name (workspace, id, &local)))
    {
      if (local)
        g_propagate_error (error, local);
      else
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no review period with id %" PRId64), id);
      return FALSE;
    }
  if (!ks_workspace_begin (workspace, _("Delete Review Period"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM account_scores WHERE period_id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!run_stmt (workspace, stmt, _("delete the scores of a review period"), error))
    goto fail;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM review_periods WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!run_stmt (workspace, stmt, _("delete a review period"), error) ||
      !update_current_setting (workspace, old, NULL, error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

gint64
ks_period_get_current (KsWorkspace  *workspace,
                       GError      **error)
{
  g_autofree char *name = NULL;
  KsStmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  name = ks_workspace_get_setting (workspace, KS_SCORING_SETTING_CURRENT_PERIOD);
  if (name)
    {
      id = period_id_for_name (workspace, name, error);
      if (id < 0)
        return 0;
      if (id > 0)
        return id;
    }
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT id FROM review_periods ORDER BY name DESC, id DESC LIMIT 1",
                                     error)))
    return 0;
  return step_id (workspace, stmt, &id, error) ? id : 0;
}

gboolean
ks_period_set_current (KsWorkspace  *workspace,
                       gint64        id,
                       GError      **error)
{
  g_autofree char *name = NULL;
  GError *local = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(name = period_name (workspace, id, &local)))
    {
      if (local)
        g_propagate_error (error, local);
      else
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no review period with id %" PRId64), id);
      return FALSE;
    }
  if (!ks_workspace_begin (workspace, _("Change Current Period"), error))
    return FALSE;
  if (!ks_workspace_set_setting (workspace, KS_SCORING_SETTING_CURRENT_PERIOD, name, error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return ks_workspace_commit (workspace, error);
}

gint64
ks_period_get_previous (KsWorkspace  *workspace,
                        gint64        id,
                        GError      **error)
{
  KsStmt *stmt;
  gint64 previous = 0;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT p.id FROM review_periods p, review_periods c"
                                     " WHERE c.id = ?1 AND (p.name < c.name OR (p.name = c.name AND p.id < c.id))"
                                     " ORDER BY p.name DESC, p.id DESC LIMIT 1",
                                     error)))
    return 0;
  ks_stmt_bind_int64 (stmt, 1, id);
  return step_id (workspace, stmt, &previous, error) ? previous : 0;
}

/* ---- scores -------------------------------------------------------------------- */

gboolean
ks_score_set (KsWorkspace  *workspace,
              gint64        account_id,
              gint64        period_id,
              gint64        criterion_id,
              double        score,
              const char   *explanation,
              GError      **error)
{
  g_autofree char *account = NULL;
  g_autofree char *criterion = NULL;
  gboolean has_period = FALSE;
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT (SELECT name FROM accounts WHERE id = ?1),"
                                     "       (SELECT name FROM score_criteria WHERE id = ?2),"
                                     "       (SELECT count (*) FROM review_periods WHERE id = ?3)",
                                     error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  ks_stmt_bind_int64 (stmt, 2, criterion_id);
  ks_stmt_bind_int64 (stmt, 3, period_id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      if (!ks_stmt_column_is_null (stmt, 0))
        account = g_strdup (ks_column_text (stmt, 0));
      if (!ks_stmt_column_is_null (stmt, 1))
        criterion = g_strdup (ks_column_text (stmt, 1));
      has_period = ks_stmt_column_int (stmt, 2) > 0;
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the scores"));
      return FALSE;
    }
  if (!account || !criterion || !has_period)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   !account ? _("Could not set the score: there is no account with id %" PRId64)
                   : !criterion ? _("Could not set the score: there is no criterion with id %" PRId64)
                   : _("Could not set the score: there is no review period with id %" PRId64),
                   !account ? account_id : !criterion ? criterion_id : period_id);
      return FALSE;
    }
  if (!isnan (score) && !(score >= 0 && score <= 100))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The score of “%s” for “%s” is %g; a score is between 0 and 100"),
                   account, criterion, score);
      return FALSE;
    }
  if (explanation && !g_utf8_validate (explanation, -1, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The explanation of the score of “%s” for “%s” is not UTF-8"), account, criterion);
      return FALSE;
    }

  if (!ks_workspace_begin (workspace, _("Change Score"), error))
    return FALSE;
  if (isnan (score))
    stmt = ks_workspace_prepare (workspace,
                                 "DELETE FROM account_scores"
                                 " WHERE account_id = ?1 AND period_id = ?2 AND criterion_id = ?3",
                                 error);
  else
    stmt = ks_workspace_prepare (workspace,
                                 "INSERT INTO account_scores (account_id, period_id, criterion_id, score, explanation)"
                                 " VALUES (?1, ?2, ?3, ?4, coalesce (?5, ''))"
                                 " ON CONFLICT (account_id, period_id, criterion_id) DO UPDATE"
                                 " SET score = excluded.score,"
                                 "     explanation = CASE WHEN ?5 IS NULL THEN account_scores.explanation"
                                 "                        ELSE excluded.explanation END",
                                 error);
  if (!stmt)
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  ks_stmt_bind_int64 (stmt, 2, period_id);
  ks_stmt_bind_int64 (stmt, 3, criterion_id);
  if (!isnan (score))
    {
      ks_stmt_bind_double (stmt, 4, score);
      if (explanation)
        ks_stmt_bind_text (stmt, 5, explanation);
    }
  if (!run_stmt (workspace, stmt, _("save the score"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

static void
account_score_free (gpointer data)
{
  KsAccountScore *row = data;

  g_free (row->account);
  g_free (row->segment);
  g_free (row->owner);
  g_free (row->scores);
  g_strfreev (row->explanations);
  g_free (row);
}

static KsAccountScore *
account_score_new (guint n_criteria)
{
  KsAccountScore *row = g_new0 (KsAccountScore, 1);

  row->scores = g_new (double, MAX (n_criteria, 1));
  row->explanations = g_new0 (char *, n_criteria + 1);
  for (guint i = 0; i < n_criteria; i++)
    {
      row->scores[i] = NAN;
      row->explanations[i] = g_strdup ("");
    }
  row->weighted = NAN;
  return row;
}

static void
weights_of (GPtrArray *criteria,
            double    *weights)
{
  for (guint i = 0; i < criteria->len; i++)
    weights[i] = ((KsCriterion *) g_ptr_array_index (criteria, i))->weight;
}

static void
compute (GPtrArray    *criteria,
         const double *scores,
         guint        *n_scored,
         double       *weighted,
         KsScoreBand  *band)
{
  g_autofree double *weights = g_new (double, MAX (criteria->len, 1));

  weights_of (criteria, weights);
  *n_scored = 0;
  for (guint i = 0; i < criteria->len; i++)
    if (!isnan (scores[i]))
      (*n_scored)++;
  if (*n_scored == 0)
    {
      *weighted = NAN;
      *band = KS_BAND_VERY_WEAK;
      return;
    }
  *weighted = ks_score_weighted (weights, scores, criteria->len);
  *band = ks_score_band (*weighted);
}

void
ks_score_table_update_row (KsScoreTable   *table,
                           KsAccountScore *row)
{
  g_return_if_fail (table != NULL && row != NULL);

  compute (table->criteria, row->scores, &row->n_scored, &row->weighted, &row->band);
}

void
ks_score_table_free (KsScoreTable *table)
{
  if (!table)
    return;
  g_free (table->period);
  g_clear_pointer (&table->criteria, g_ptr_array_unref);
  g_clear_pointer (&table->accounts, g_ptr_array_unref);
  g_clear_pointer (&table->by_account, g_hash_table_unref);
  g_free (table);
}

KsAccountScore *
ks_score_table_find (KsScoreTable *table,
                     gint64        account_id)
{
  g_return_val_if_fail (table != NULL, NULL);

  return g_hash_table_lookup (table->by_account, &account_id);
}

/* Index of a criterion id in @criteria, -1 when not there. */
static GHashTable *
criterion_index (GPtrArray *criteria)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < criteria->len; i++)
    {
      KsCriterion *c = g_ptr_array_index (criteria, i);
      g_hash_table_insert (index, &c->id, GUINT_TO_POINTER (i + 1));
    }
  return index;
}

typedef struct
{
  char           *key;
  KsAccountScore *row;
} SortItem;

static int
compare_sort_items (gconstpointer a,
                    gconstpointer b)
{
  const SortItem *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  if (c)
    return c;
  return (x->row->account_id > y->row->account_id) - (x->row->account_id < y->row->account_id);
}

KsScoreTable *
ks_score_table_load (KsWorkspace   *workspace,
                     gint64         period_id,
                     gboolean       all_accounts,
                     GError       **error)
{
  g_autoptr(KsScoreTable) table = g_new0 (KsScoreTable, 1);
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (account_score_free);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  GError *local = NULL;
  KsStmt *stmt;
  guint n;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  table->period_id = period_id;
  table->by_account = g_hash_table_new (g_int64_hash, g_int64_equal);
  table->accounts = g_ptr_array_new_with_free_func (account_score_free);
  if (!(table->criteria = ks_criteria_list (workspace, error)))
    return NULL;
  n = table->criteria->len;
  if (period_id)
    {
      if (!(table->period = period_name (workspace, period_id, &local)))
        {
          if (local)
            g_propagate_error (error, local);
          else
            g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                         _("There is no review period with id %" PRId64), period_id);
          return NULL;
        }
    }
  else
    table->period = g_strdup ("");

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT a.id, a.name, a.segment, a.owner_id, p.name"
                                     "  FROM accounts a LEFT JOIN people p ON p.id = a.owner_id",
                                     error)))
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsAccountScore *row = account_score_new (n);

      row->account_id = ks_stmt_column_int64 (stmt, 0);
      row->account = g_strdup (ks_column_text (stmt, 1));
      row->segment = g_strdup (ks_column_text (stmt, 2));
      row->owner_id = ks_stmt_column_int64 (stmt, 3);
      row->owner = g_strdup (ks_column_text (stmt, 4));
      g_ptr_array_add (rows, row);
      g_hash_table_insert (table->by_account, &row->account_id, row);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the accounts"));
      return NULL;
    }

  index = criterion_index (table->criteria);
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT account_id, criterion_id, score, explanation"
                                     "  FROM account_scores WHERE period_id = ?1",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, period_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 account_id = ks_stmt_column_int64 (stmt, 0);
      gint64 criterion_id = ks_stmt_column_int64 (stmt, 1);
      KsAccountScore *row = g_hash_table_lookup (table->by_account, &account_id);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &criterion_id));

      if (!row || i == 0)
        continue;
      row->scores[i - 1] = ks_stmt_column_double (stmt, 2);
      g_free (row->explanations[i - 1]);
      row->explanations[i - 1] = g_strdup (ks_column_text (stmt, 3));
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the scores"));
      return NULL;
    }

  /* By name as people sort (g_utf8_collate), then id. */
  for (guint i = 0; i < rows->len; i++)
    {
      KsAccountScore *row = g_ptr_array_index (rows, i);
      SortItem item = { NULL, row };

      ks_score_table_update_row (table, row);
      if (!all_accounts && row->n_scored == 0)
        {
          g_hash_table_remove (table->by_account, &row->account_id);
          continue;
        }
      item.key = g_utf8_collate_key (row->account, -1);
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_sort_items);
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      KsAccountScore *row = g_ptr_array_index (rows, i);
      if (!g_hash_table_contains (table->by_account, &row->account_id))
        account_score_free (row);
    }
  for (guint i = 0; i < items->len; i++)
    {
      SortItem *item = &g_array_index (items, SortItem, i);
      g_ptr_array_add (table->accounts, item->row);
      g_free (item->key);
    }
  return g_steal_pointer (&table);
}

static void
history_item_free (gpointer data)
{
  KsScoreHistoryItem *item = data;

  g_free (item->period);
  g_free (item->scores);
  g_free (item);
}

void
ks_score_history_free (KsScoreHistory *history)
{
  if (!history)
    return;
  g_clear_pointer (&history->criteria, g_ptr_array_unref);
  g_clear_pointer (&history->periods, g_ptr_array_unref);
  g_free (history);
}

KsScoreHistory *
ks_score_history_load (KsWorkspace  *workspace,
                       gint64        account_id,
                       GError      **error)
{
  g_autoptr(KsScoreHistory) history = g_new0 (KsScoreHistory, 1);
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) by_period = g_hash_table_new (g_int64_hash, g_int64_equal);
  KsStmt *stmt;
  guint n;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  history->periods = g_ptr_array_new_with_free_func (history_item_free);
  if (!(history->criteria = ks_criteria_list (workspace, error)) ||
      !(periods = ks_period_list (workspace, error)))
    return NULL;
  n = history->criteria->len;
  for (guint i = 0; i < periods->len; i++)
    {
      KsPeriod *p = g_ptr_array_index (periods, i);
      KsScoreHistoryItem *item = g_new0 (KsScoreHistoryItem, 1);

      item->period_id = p->id;
      item->period = g_strdup (p->name);
      item->scores = g_new (double, MAX (n, 1));
      for (guint j = 0; j < n; j++)
        item->scores[j] = NAN;
      g_ptr_array_add (history->periods, item);
      g_hash_table_insert (by_period, &item->period_id, item);
    }

  index = criterion_index (history->criteria);
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT period_id, criterion_id, score FROM account_scores WHERE account_id = ?1",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 period_id = ks_stmt_column_int64 (stmt, 0);
      gint64 criterion_id = ks_stmt_column_int64 (stmt, 1);
      KsScoreHistoryItem *item = g_hash_table_lookup (by_period, &period_id);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &criterion_id));

      if (item && i > 0)
        item->scores[i - 1] = ks_stmt_column_double (stmt, 2);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the scores"));
      return NULL;
    }
  for (guint i = 0; i < history->periods->len; i++)
    {
      KsScoreHistoryItem *item = g_ptr_array_index (history->periods, i);
      compute (history->criteria, item->scores, &item->n_scored, &item->weighted, &item->band);
    }
  return g_steal_pointer (&history);
}

/* ---- import -------------------------------------------------------------------- */

typedef struct
{
  gint64  account_id;
  gint64  criterion_id;
  double  score;
  char   *explanation;   /* NULL = keep the stored one */
  guint   line;
} ScoreRow;

typedef struct
{
  KsWorkspace *ws;
  KsCsvReader *reader;
  GHashTable  *accounts;      /* name → id (gint64 *) */
  GHashTable  *account_keys;  /* casefolded name → GPtrArray of names */
  GPtrArray   *criteria;
  GArray      *rows;          /* of ScoreRow */
  GHashTable  *seen;          /* "account_id:criterion_id" → line */
} ScoreJob;

static void
score_row_clear (gpointer data)
{
  g_free (((ScoreRow *) data)->explanation);
}

static void
score_job_clear (ScoreJob *job)
{
  g_clear_pointer (&job->accounts, g_hash_table_unref);
  g_clear_pointer (&job->account_keys, g_hash_table_unref);
  g_clear_pointer (&job->criteria, g_ptr_array_unref);
  g_clear_pointer (&job->rows, g_array_unref);
  g_clear_pointer (&job->seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScoreJob, score_job_clear)

static gboolean
score_job_load (ScoreJob  *job,
                GError   **error)
{
  KsStmt *stmt;
  int rc;

  if (!(job->criteria = ks_criteria_list (job->ws, error)))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (job->ws, "SELECT id, name FROM accounts ORDER BY name", error)))
    return FALSE;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      const char *name = ks_column_text (stmt, 1);
      gint64 id = ks_stmt_column_int64 (stmt, 0);
      char *key = g_utf8_casefold (name, -1);
      GPtrArray *names = g_hash_table_lookup (job->account_keys, key);

      g_hash_table_insert (job->accounts, g_strdup (name), g_memdup2 (&id, sizeof id));
      if (!names)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (job->account_keys, key, names);
        }
      else
        g_free (key);
      g_ptr_array_add (names, g_strdup (name));
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (job->ws, error, _("read the accounts"));
      return FALSE;
    }
  return TRUE;
}

static void
read_score_row (KsCsvReader *reader,
                gpointer     user_data)
{
  ScoreJob *job = user_data;
  const char *account = ks_csv_reader_required (reader, S_ACCOUNT);
  const char *criterion = ks_csv_reader_required (reader, S_CRITERION);
  const char *score_text = ks_csv_reader_required (reader, S_SCORE);
  const char *explanation = ks_csv_reader_value (reader, S_EXPLANATION, NULL);
  g_autofree char *name = NULL;
  g_autofree char *score_trimmed = NULL;
  g_autofree char *pair = NULL;
  ScoreRow row = { 0 };
  KsCriterion *c = NULL;
  gint64 *id;
  double score;
  gboolean ok = TRUE;

  if (account)
    {
      name = g_strstrip (g_strdup (account));
      if ((id = g_hash_table_lookup (job->accounts, name)))
        row.account_id = *id;
      else
        {
          g_autofree char *key = g_utf8_casefold (name, -1);
          GPtrArray *names = g_hash_table_lookup (job->account_keys, key);
          g_autofree char *shown = ks_csv_shorten (name);

          if (names && names->len == 1)
            row.account_id = *(gint64 *) g_hash_table_lookup (job->accounts, g_ptr_array_index (names, 0));
          else if (names)
            {
              g_autoptr(GString) list = g_string_new (NULL);
              for (guint i = 0; i < names->len; i++)
                g_string_append_printf (list, "%s“%s”", i ? ", " : "", (char *) g_ptr_array_index (names, i));
              ks_csv_reader_cell_error (reader, S_ACCOUNT, KS_IMPORT_ERROR_VALUE,
                                        _("the account “%s” is ambiguous: it could be %s"), shown, list->str);
              ok = FALSE;
            }
          else
            {
              ks_csv_reader_cell_error (reader, S_ACCOUNT, KS_IMPORT_ERROR_VALUE,
                                        _("there is no account “%s” in this workspace"), shown);
              ok = FALSE;
            }
        }
    }
  else
    ok = FALSE;

  if (criterion)
    {
      if ((c = ks_criteria_find (job->criteria, criterion)))
        row.criterion_id = c->id;
      else
        {
          g_autofree char *shown = ks_csv_shorten (criterion);
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint i = 0; i < job->criteria->len; i++)
            g_string_append_printf (list, "%s“%s”", i ? ", " : "",
                                    ((KsCriterion *) g_ptr_array_index (job->criteria, i))->name);
          ks_csv_reader_cell_error (reader, S_CRITERION, KS_IMPORT_ERROR_VALUE,
                                    _("there is no criterion “%s”; the criteria are %s"), shown, list->str);
          ok = FALSE;
        }
    }
  else
    ok = FALSE;

  if (score_text)
    {
      score_trimmed = g_strstrip (g_strdup (score_text));
      if (!ks_csv_parse_decimal (score_trimmed, &score))
        {
          g_autofree char *shown = ks_csv_shorten (score_text);
          ks_csv_reader_cell_error (reader, S_SCORE, KS_IMPORT_ERROR_VALUE,
                                    _("the score “%s” is not a number; a score is between 0 and 100"), shown);
          ok = FALSE;
        }
      else if (!(score >= 0 && score <= 100))
        {
          g_autofree char *shown = ks_csv_shorten (score_trimmed);
          ks_csv_reader_cell_error (reader, S_SCORE, KS_IMPORT_ERROR_VALUE,
                                    _("the score %s is outside 0–100"), shown);
          ok = FALSE;
        }
    }
  else
    ok = FALSE;

  if (!ok)
    return;

  pair = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, row.account_id, row.criterion_id);
  if (g_hash_table_contains (job->seen, pair))
    {
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (job->seen, pair));
      ks_csv_reader_cell_warning (reader, S_CRITERION,
                                  _("“%s” was scored already on line %u; this later row counts"),
                                  c->name, first);
    }
  else
    g_hash_table_insert (job->seen, g_steal_pointer (&pair),
                         GUINT_TO_POINTER (ks_csv_reader_get_row_line (reader)));
  row.score = score + 0.0;
  row.explanation = ks_csv_is_blank (explanation) ? NULL : g_strdup (explanation);
  row.line = ks_csv_reader_get_row_line (reader);
  g_array_append_val (job->rows, row);
}

char *
ks_scores_default_period (KsWorkspace *workspace)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 id;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  id = ks_period_get_current (workspace, NULL);
  if (id > 0)
    {
      char *name = period_name (workspace, id, NULL);
      if (name)
        return name;
    }
  now = g_date_time_new_now_local ();
  return g_strdup_printf ("%04d-Q%d", g_date_time_get_year (now),
                          (g_date_time_get_month (now) - 1) / 3 + 1);
}

gboolean
ks_scores_import_csv (KsWorkspace     *workspace,
                      const char      *path,
                      const char      *period,
                      KsImportReport **report_out,
                      GError         **error)
{
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autoptr(KsCsvReader) reader = NULL;
  g_auto(ScoreJob) job = { 0 };
  g_autofree char *period_name_used = NULL;
  KsStmt *stmt;
  gint64 period_id;
  gint code;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report_out)
    *report_out = NULL;

  period_name_used = period ? check_period_name (period, error) : ks_scores_default_period (workspace);
  if (!period_name_used)
    goto refused;

  job.ws = workspace;
  job.accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job.account_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  job.rows = g_array_new (FALSE, TRUE, sizeof (ScoreRow));
  g_array_set_clear_func (job.rows, score_row_clear);
  job.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  reader = ks_csv_reader_open (path, path, score_columns, G_N_ELEMENTS (score_columns), 3, report);
  if (!reader)
    {
      ks_import_report_add (report, TRUE, path, 0, 0, _("there is no file “%s”"), path);
      ks_import_report_set_error (report, KS_IMPORT_ERROR_IO, NULL, error);
      goto refused;
    }
  job.reader = reader;
  if (ks_csv_reader_failed (reader))
    {
      ks_import_report_set_error (report, ks_csv_reader_get_error_code (reader), NULL, error);
      goto refused;
    }
  if (!score_job_load (&job, error))
    goto refused;

  ks_csv_reader_run (reader, read_score_row, &job);
  ks_csv_reader_finish (reader);
  if (ks_csv_reader_failed (reader))
    {
      code = ks_csv_reader_get_error_code (reader);
      ks_import_report_set_error (report, code >= 0 ? code : KS_IMPORT_ERROR_VALUE, NULL, error);
      goto refused;
    }

  if (!ks_workspace_begin (workspace, _("Import Scores"), error))
    goto refused;
  if (!(period_id = ks_period_ensure (workspace, period_name_used, TRUE, error)))
    goto fail;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO account_scores (account_id, period_id, criterion_id, score, explanation)"
                                     " VALUES (?1, ?2, ?3, ?4, coalesce (?5, ''))"
                                     " ON CONFLICT (account_id, period_id, criterion_id) DO UPDATE"
                                     " SET score = excluded.score,"
                                     "     explanation = CASE WHEN ?5 IS NULL THEN account_scores.explanation"
                                     "                        ELSE excluded.explanation END"
                                     " WHERE account_scores.score IS DISTINCT FROM excluded.score"
                                     "    OR (?5 IS NOT NULL AND account_scores.explanation IS DISTINCT FROM excluded.explanation)",
                                     error)))
    goto fail;
  for (guint i = 0; i < job.rows->len; i++)
    {
      ScoreRow *row = &g_array_index (job.rows, ScoreRow, i);

      ks_stmt_bind_int64 (stmt, 1, row->account_id);
      ks_stmt_bind_int64 (stmt, 2, period_id);
      ks_stmt_bind_int64 (stmt, 3, row->criterion_id);
      ks_stmt_bind_double (stmt, 4, row->score);
      if (row->explanation)
        ks_stmt_bind_text (stmt, 5, row->explanation);
      else
        ks_stmt_bind_null (stmt, 5);
      if (!run_stmt (workspace, stmt, _("save a score"), error))
        goto fail;
    }
  if (!ks_workspace_commit (workspace, error))
    goto refused;
  report->scores = g_hash_table_size (job.seen);
  if (report_out)
    *report_out = g_steal_pointer (&report);
  return TRUE;

fail:
  ks_workspace_rollback (workspace);
refused:
  if (report_out)
    *report_out = g_steal_pointer (&report);
  return FALSE;
}
