/* ks-evaluation.c — the opportunity evaluation matrix: criteria, scores,
 * dividers and the loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables (schema 7): evaluation_criteria (axis, position, name, weight),
 * evaluation_scores (opportunity, criterion, score 1–5). Axis values are
 * computed on every read, never stored, so a change of weights moves every
 * bubble and loses no score.
 */
#define G_LOG_DOMAIN "ks-evaluation"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ks-evaluation.h"
#include "ks-workspace-private.h"

/* ---- pure functions ---------------------------------------------------------- */

const char *
ks_eval_axis_to_string (KsEvalAxis axis)
{
  return axis == KS_EVAL_CHANCE ? "chance" : "attractiveness";
}

gboolean
ks_eval_axis_from_string (const char *text,
                          KsEvalAxis *axis)
{
  if (g_strcmp0 (text, "attractiveness") == 0)
    *axis = KS_EVAL_ATTRACTIVENESS;
  else if (g_strcmp0 (text, "chance") == 0)
    *axis = KS_EVAL_CHANCE;
  else
    return FALSE;
  return TRUE;
}

const char *
ks_eval_axis_label (KsEvalAxis axis)
{
  return axis == KS_EVAL_CHANCE ? _("Our chance to win") : _("Attractiveness to us");
}

/* The weighted mean of scores 1–5 on 0–100; NaN without a weight. */
static double
value_from_sums (double sum_ws,
                 double sum_w)
{
  if (!(sum_w > 0))
    return NAN;
  return (sum_ws / sum_w - 1.0) / 4.0 * 100.0;
}

double
ks_eval_axis_value (const double *weights,
                    const int    *scores,
                    guint         n)
{
  double sum_ws = 0, sum_w = 0;

  g_return_val_if_fail (n == 0 || (weights != NULL && scores != NULL), NAN);

  for (guint i = 0; i < n; i++)
    if (scores[i] >= 1 && scores[i] <= KS_EVAL_MAX_SCORE && isfinite (weights[i]) && weights[i] >= 0)
      {
        sum_ws += weights[i] * scores[i];
        sum_w += weights[i];
      }
  return value_from_sums (sum_ws, sum_w);
}

KsEvalQuadrant
ks_eval_quadrant (double chance,
                  double attractiveness,
                  double chance_divider,
                  double attractiveness_divider)
{
  if (isnan (chance) || isnan (attractiveness))
    return KS_EVAL_QUADRANT_NONE;
  return (KsEvalQuadrant) ((chance >= chance_divider ? 1 : 0) |
                           (attractiveness >= attractiveness_divider ? 2 : 0));
}

static const char *const quadrant_ids[KS_EVAL_N_QUADRANTS] = {
  "drop", "secure", "invest", "dont-lose",
};

const char *
ks_eval_quadrant_id (KsEvalQuadrant quadrant)
{
  if (quadrant < 0 || quadrant >= KS_EVAL_N_QUADRANTS)
    return "";
  return quadrant_ids[quadrant];
}

gboolean
ks_eval_quadrant_from_id (const char     *id,
                          KsEvalQuadrant *quadrant)
{
  for (int i = 0; i < KS_EVAL_N_QUADRANTS; i++)
    if (g_strcmp0 (id, quadrant_ids[i]) == 0)
      {
        *quadrant = (KsEvalQuadrant) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ks_eval_quadrant_name (KsEvalQuadrant quadrant)
{
  switch (quadrant)
    {
    case KS_EVAL_QUADRANT_DROP:
      return _("Drop");
    case KS_EVAL_QUADRANT_SECURE:
      return _("Secure");
    case KS_EVAL_QUADRANT_INVEST:
      return _("Invest");
    case KS_EVAL_QUADRANT_DONT_LOSE:
      return _("Don’t lose");
    case KS_EVAL_QUADRANT_NONE:
    default:
      return _("Not placed");
    }
}

const char *
ks_eval_quadrant_advice (KsEvalQuadrant quadrant)
{
  switch (quadrant)
    {
    case KS_EVAL_QUADRANT_DROP:
      return _("Drop it early, or invest the minimum; if it turns into an order anyway, check it is not bad money.");
    case KS_EVAL_QUADRANT_SECURE:
      return _("Secure it at the right margin, without extra investment.");
    case KS_EVAL_QUADRANT_INVEST:
      return _("Invest to raise the chance to win: this is where market share grows.");
    case KS_EVAL_QUADRANT_DONT_LOSE:
      return _("Don’t lose it: losing hurts profit and share of customer.");
    case KS_EVAL_QUADRANT_NONE:
    default:
      return _("Score at least one criterion on each axis to place it.");
    }
}

/* ---- criteria ------------------------------------------------------------------ */

void
ks_eval_criterion_free (KsEvalCriterion *criterion)
{
  if (criterion)
    {
      g_free (criterion->name);
      g_free (criterion);
    }
}

static char *
name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  return g_utf8_casefold (trimmed, -1);
}

static KsEvalCriterion *
criterion_from_row (KsStmt *stmt)
{
  KsEvalCriterion *c = g_new0 (KsEvalCriterion, 1);

  c->id = ks_stmt_column_int64 (stmt, 0);
  ks_eval_axis_from_string (ks_column_text (stmt, 1), &c->axis);
  c->position = ks_stmt_column_int (stmt, 2);
  c->name = g_strdup (ks_column_text (stmt, 3));
  c->weight = ks_stmt_column_double (stmt, 4);
  return c;
}

GPtrArray *
ks_eval_criteria_list (KsWorkspace  *workspace,
                       GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_eval_criterion_free);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT id, axis, position, name, weight FROM evaluation_criteria"
                                     " ORDER BY CASE axis WHEN 'attractiveness' THEN 0 ELSE 1 END, position, id",
                                     error)))
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_ptr_array_add (list, criterion_from_row (stmt));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the evaluation criteria"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

KsEvalCriterion *
ks_eval_criteria_find (GPtrArray  *criteria,
                       KsEvalAxis  axis,
                       const char *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (criteria != NULL, NULL);

  if (!name)
    return NULL;
  key = name_key (name);
  for (guint i = 0; i < criteria->len; i++)
    {
      KsEvalCriterion *c = g_ptr_array_index (criteria, i);
      g_autofree char *other = NULL;

      if (c->axis != axis)
        continue;
      other = name_key (c->name);
      if (g_str_equal (key, other))
        return c;
    }
  return NULL;
}

KsEvalCriterion *
ks_eval_criteria_find_any (GPtrArray  *criteria,
                           const char *name,
                           gboolean   *ambiguous)
{
  KsEvalCriterion *a = ks_eval_criteria_find (criteria, KS_EVAL_ATTRACTIVENESS, name);
  KsEvalCriterion *c = ks_eval_criteria_find (criteria, KS_EVAL_CHANCE, name);

  if (ambiguous)
    *ambiguous = a && c;
  if (a && c)
    return NULL;
  return a ? a : c;
}

/* The criterion with @id, or NULL with NOT_FOUND. */
static KsEvalCriterion *
criterion_load (KsWorkspace  *workspace,
                gint64        id,
                GError      **error)
{
  KsStmt *stmt;
  KsEvalCriterion *c = NULL;
  int rc;

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT id, axis, position, name, weight FROM evaluation_criteria WHERE id = ?1",
                                     error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    c = criterion_from_row (stmt);
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read an evaluation criterion"));
      return NULL;
    }
  if (!c)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no evaluation criterion with id %" PRId64), id);
  return c;
}

/* A trimmed name for a criterion of @axis (other than @self_id), or NULL
 * with an error saying why it cannot be one. */
static char *
check_name (KsWorkspace  *workspace,
            KsEvalAxis    axis,
            const char   *name,
            gint64        self_id,
            const char   *old_name,
            GError      **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GPtrArray) all = NULL;
  KsEvalCriterion *other;

  if (!name || !g_utf8_validate (name, -1, NULL))
    {
      if (old_name)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("The new name of the criterion “%s” is not UTF-8"), old_name);
      else
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("The name of a new criterion of “%s” is not UTF-8"), ks_eval_axis_label (axis));
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (name));
  if (!*trimmed)
    {
      if (old_name)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("Could not rename the criterion “%s”: a criterion needs a name"), old_name);
      else
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("Could not add a criterion to “%s”: a criterion needs a name"),
                     ks_eval_axis_label (axis));
      return NULL;
    }
  if (!(all = ks_eval_criteria_list (workspace, error)))
    return NULL;
  other = ks_eval_criteria_find (all, axis, trimmed);
  if (other && other->id != self_id)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” already has a criterion “%s”"), ks_eval_axis_label (axis), other->name);
      return NULL;
    }
  /* Names are unique across both axes too: the workspace JSON and
   * keystone-cli name a criterion without its axis. */
  other = ks_eval_criteria_find (all, axis == KS_EVAL_ATTRACTIVENESS ? KS_EVAL_CHANCE : KS_EVAL_ATTRACTIVENESS,
                                 trimmed);
  if (other)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” already has a criterion “%s”; a name can only be used once"),
                   ks_eval_axis_label (other->axis), other->name);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

static gboolean
check_weight (const char   *name,
              double        weight,
              GError      **error)
{
  if (isfinite (weight) && weight >= 0)
    return TRUE;
  g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
               _("The weight of the criterion “%s” is %g; a weight is a number of 0 or more"), name, weight);
  return FALSE;
}

gint64
ks_eval_criterion_add (KsWorkspace  *workspace,
                       KsEvalAxis    axis,
                       const char   *name,
                       double        weight,
                       GError      **error)
{
  g_autofree char *trimmed = NULL;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!(trimmed = check_name (workspace, axis, name, 0, NULL, error)))
    return 0;
  if (!check_weight (trimmed, weight, error))
    return 0;
  if (!ks_workspace_begin (workspace, _("Add Criterion"), error))
    return 0;
  stmt = ks_workspace_prepare (workspace,
                               "INSERT INTO evaluation_criteria (axis, position, name, weight)"
                               " VALUES (?1, (SELECT coalesce (max (position), 0) + 1 FROM evaluation_criteria"
                               "              WHERE axis = ?1), ?2, ?3)",
                               error);
  if (stmt)
    {
      ks_bind_text (stmt, 1, ks_eval_axis_to_string (axis));
      ks_bind_text (stmt, 2, trimmed);
      ks_stmt_bind_double (stmt, 3, weight);
    }
  return ks_workspace_insert_commit (workspace, stmt, _("add an evaluation criterion"), error);
}

gboolean
ks_eval_criterion_rename (KsWorkspace  *workspace,
                          gint64        id,
                          const char   *name,
                          GError      **error)
{
  g_autoptr(KsEvalCriterion) c = NULL;
  g_autofree char *trimmed = NULL;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(c = criterion_load (workspace, id, error)))
    return FALSE;
  if (!(trimmed = check_name (workspace, c->axis, name, id, c->name, error)))
    return FALSE;
  if (!ks_workspace_begin (workspace, _("Rename Criterion"), error))
    return FALSE;
  stmt = ks_workspace_prepare (workspace, "UPDATE evaluation_criteria SET name = ?2 WHERE id = ?1", error);
  if (stmt)
    {
      ks_stmt_bind_int64 (stmt, 1, id);
      ks_bind_text (stmt, 2, trimmed);
    }
  return ks_workspace_step_commit (workspace, stmt, _("rename an evaluation criterion"), error);
}

gboolean
ks_eval_criterion_set_weight (KsWorkspace  *workspace,
                              gint64        id,
                              double        weight,
                              GError      **error)
{
  g_autoptr(KsEvalCriterion) c = NULL;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(c = criterion_load (workspace, id, error)))
    return FALSE;
  if (!check_weight (c->name, weight, error))
    return FALSE;
  if (!ks_workspace_begin (workspace, _("Change Weight"), error))
    return FALSE;
  stmt = ks_workspace_prepare (workspace, "UPDATE evaluation_criteria SET weight = ?2 WHERE id = ?1", error);
  if (stmt)
    {
      ks_stmt_bind_int64 (stmt, 1, id);
      ks_stmt_bind_double (stmt, 2, weight);
    }
  return ks_workspace_step_commit (workspace, stmt, _("change the weight of an evaluation criterion"), error);
}

gboolean
ks_eval_criterion_delete (KsWorkspace  *workspace,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(KsEvalCriterion) c = NULL;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(c = criterion_load (workspace, id, error)))
    return FALSE;
  if (!ks_workspace_begin (workspace, _("Delete Criterion"), error))
    return FALSE;
  /* The scores go first and by name, so the undo log holds them. */
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM evaluation_scores WHERE criterion_id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete the scores of an evaluation criterion"), error))
    goto fail;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM evaluation_criteria WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete an evaluation criterion"), error))
    goto fail;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "UPDATE evaluation_criteria SET position = position - 1"
                                     " WHERE axis = ?1 AND position > ?2",
                                     error)))
    goto fail;
  ks_bind_text (stmt, 1, ks_eval_axis_to_string (c->axis));
  ks_stmt_bind_int (stmt, 2, c->position);
  if (!ks_workspace_step_done (workspace, stmt, _("renumber the evaluation criteria"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

gboolean
ks_eval_criterion_move (KsWorkspace  *workspace,
                        gint64        id,
                        int           position,
                        GError      **error)
{
  g_autoptr(KsEvalCriterion) c = NULL;
  g_autoptr(GPtrArray) all = NULL;
  KsStmt *stmt;
  int n = 0;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(c = criterion_load (workspace, id, error)))
    return FALSE;
  if (!(all = ks_eval_criteria_list (workspace, error)))
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    n += ((KsEvalCriterion *) g_ptr_array_index (all, i))->axis == c->axis;
  position = CLAMP (position, 1, n);
  if (position == c->position)
    return TRUE;
  if (!ks_workspace_begin (workspace, _("Move Criterion"), error))
    return FALSE;
  stmt = ks_workspace_prepare (workspace,
                               "UPDATE evaluation_criteria SET position ="
                               " CASE WHEN id = ?2 THEN ?4"
                               "      WHEN ?4 < ?3 AND position >= ?4 AND position < ?3 THEN position + 1"
                               "      WHEN ?4 > ?3 AND position > ?3 AND position <= ?4 THEN position - 1"
                               "      ELSE position END"
                               " WHERE axis = ?1",
                               error);
  if (stmt)
    {
      ks_bind_text (stmt, 1, ks_eval_axis_to_string (c->axis));
      ks_stmt_bind_int64 (stmt, 2, id);
      ks_stmt_bind_int (stmt, 3, c->position);
      ks_stmt_bind_int (stmt, 4, position);
    }
  return ks_workspace_step_commit (workspace, stmt, _("move an evaluation criterion"), error);
}

/* ---- scores -------------------------------------------------------------------- */

gboolean
ks_eval_score_set (KsWorkspace  *workspace,
                   gint64        opportunity_id,
                   gint64        criterion_id,
                   int           score,
                   GError      **error)
{
  g_autofree char *ref = NULL;
  g_autofree char *criterion = NULL;
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT (SELECT ref FROM opportunities WHERE id = ?1),"
                                     "       (SELECT name FROM evaluation_criteria WHERE id = ?2)",
                                     error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, opportunity_id);
  ks_stmt_bind_int64 (stmt, 2, criterion_id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      if (!ks_stmt_column_is_null (stmt, 0))
        ref = g_strdup (ks_column_text (stmt, 0));
      if (!ks_stmt_column_is_null (stmt, 1))
        criterion = g_strdup (ks_column_text (stmt, 1));
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the evaluation scores"));
      return FALSE;
    }
  if (!ref || !criterion)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   !ref ? _("Could not set the score: there is no opportunity with id %" PRId64)
                        : _("Could not set the score: there is no evaluation criterion with id %" PRId64),
                   !ref ? opportunity_id : criterion_id);
      return FALSE;
    }
  if (score < 0 || score > KS_EVAL_MAX_SCORE)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The score of opportunity %s for “%s” is %d; a score is 1 to 5, or 0 for none"),
                   ref, criterion, score);
      return FALSE;
    }

  if (!ks_workspace_begin (workspace, _("Change Evaluation"), error))
    return FALSE;
  if (score == 0)
    stmt = ks_workspace_prepare (workspace,
                                 "DELETE FROM evaluation_scores WHERE opportunity_id = ?1 AND criterion_id = ?2",
                                 error);
  else
    stmt = ks_workspace_prepare (workspace,
                                 "INSERT INTO evaluation_scores (opportunity_id, criterion_id, score)"
                                 " VALUES (?1, ?2, ?3)"
                                 " ON CONFLICT (opportunity_id, criterion_id) DO UPDATE SET score = excluded.score",
                                 error);
  if (stmt)
    {
      ks_stmt_bind_int64 (stmt, 1, opportunity_id);
      ks_stmt_bind_int64 (stmt, 2, criterion_id);
      if (score)
        ks_stmt_bind_int (stmt, 3, score);
    }
  return ks_workspace_step_commit (workspace, stmt, _("save the evaluation score"), error);
}

gint64
ks_eval_find_opportunity (KsWorkspace  *workspace,
                          const char   *ref,
                          GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (ref ? ref : ""));
  KsStmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!(stmt = ks_workspace_prepare (workspace, "SELECT id FROM opportunities WHERE ref = ?1", error)))
    return 0;
  ks_bind_text (stmt, 1, trimmed);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    id = ks_stmt_column_int64 (stmt, 0);
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("find the opportunity"));
      return 0;
    }
  if (!id)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no opportunity “%s”"), trimmed);
  return id;
}

gboolean
ks_eval_scores_load (KsWorkspace  *workspace,
                     gint64        opportunity_id,
                     GPtrArray    *criteria,
                     int          *scores,
                     GError      **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (criteria != NULL && (criteria->len == 0 || scores != NULL), FALSE);

  for (guint i = 0; i < criteria->len; i++)
    {
      KsEvalCriterion *c = g_ptr_array_index (criteria, i);

      scores[i] = 0;
      g_hash_table_insert (by_id, &c->id, GUINT_TO_POINTER (i + 1));
    }
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT criterion_id, score FROM evaluation_scores WHERE opportunity_id = ?1",
                                     error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, opportunity_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 criterion_id = ks_stmt_column_int64 (stmt, 0);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, &criterion_id));

      if (index)
        scores[index - 1] = ks_stmt_column_int (stmt, 1);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the evaluation scores"));
      return FALSE;
    }
  return TRUE;
}

/* ---- dividers ------------------------------------------------------------------ */

static double
divider_setting (KsWorkspace *workspace,
                 const char  *key)
{
  g_autofree char *text = ks_workspace_get_setting (workspace, key);
  char *end = NULL;
  double value;

  if (!text)
    return KS_EVAL_DEFAULT_DIVIDER;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end || !(value >= 0 && value <= 100))
    return KS_EVAL_DEFAULT_DIVIDER;
  return value;
}

void
ks_eval_get_dividers (KsWorkspace *workspace,
                      double      *chance,
                      double      *attractiveness)
{
  g_return_if_fail (KS_IS_WORKSPACE (workspace));

  if (chance)
    *chance = divider_setting (workspace, KS_EVAL_SETTING_CHANCE_DIVIDER);
  if (attractiveness)
    *attractiveness = divider_setting (workspace, KS_EVAL_SETTING_ATTRACTIVENESS_DIVIDER);
}

/* The shortest of %.15g and %.17g that reads back as @value. */
static void
format_number (char   *buffer,
               gsize   size,
               double  value)
{
  g_ascii_formatd (buffer, size, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, size, "%.17g", value);
}

gboolean
ks_eval_set_dividers (KsWorkspace  *workspace,
                      double        chance,
                      double        attractiveness,
                      GError      **error)
{
  char cs[G_ASCII_DTOSTR_BUF_SIZE], as[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(chance >= 0 && chance <= 100) || !(attractiveness >= 0 && attractiveness <= 100))
    {
      gboolean bad_chance = !(chance >= 0 && chance <= 100);

      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   bad_chance ? _("The divider of the chance to win is %g; a divider is between 0 and 100")
                              : _("The divider of the attractiveness is %g; a divider is between 0 and 100"),
                   bad_chance ? chance : attractiveness);
      return FALSE;
    }
  format_number (cs, sizeof cs, chance + 0.0);
  format_number (as, sizeof as, attractiveness + 0.0);
  if (!ks_workspace_begin (workspace, _("Move Divider"), error))
    return FALSE;
  if (!ks_workspace_set_setting (workspace, KS_EVAL_SETTING_CHANCE_DIVIDER, cs, error) ||
      !ks_workspace_set_setting (workspace, KS_EVAL_SETTING_ATTRACTIVENESS_DIVIDER, as, error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return ks_workspace_commit (workspace, error);
}

/* ---- the matrix ---------------------------------------------------------------- */

static void
item_clear (gpointer data)
{
  KsEvalItem *item = data;

  g_free (item->ref);
  g_free (item->title);
  g_free (item->account);
  g_free (item->stage);
}

void
ks_evaluation_free (KsEvaluation *evaluation)
{
  if (!evaluation)
    return;
  g_clear_pointer (&evaluation->items, g_array_unref);
  g_clear_pointer (&evaluation->stages, g_ptr_array_unref);
  g_free (evaluation);
}

int
ks_evaluation_find (const KsEvaluation *evaluation,
                    gint64              id)
{
  g_return_val_if_fail (evaluation != NULL, -1);

  for (guint i = 0; i < evaluation->items->len; i++)
    if (g_array_index (evaluation->items, KsEvalItem, i).id == id)
      return (int) i;
  return -1;
}

void
ks_evaluation_set_dividers (KsEvaluation *evaluation,
                            double        chance,
                            double        attractiveness)
{
  g_return_if_fail (evaluation != NULL);

  evaluation->chance_divider = chance;
  evaluation->attractiveness_divider = attractiveness;
  memset (evaluation->counts, 0, sizeof evaluation->counts);
  evaluation->n_unscored = 0;
  for (guint i = 0; i < evaluation->items->len; i++)
    {
      KsEvalItem *item = &g_array_index (evaluation->items, KsEvalItem, i);

      item->quadrant = ks_eval_quadrant (item->chance, item->attractiveness, chance, attractiveness);
      if (item->quadrant == KS_EVAL_QUADRANT_NONE)
        evaluation->n_unscored++;
      else
        evaluation->counts[item->quadrant]++;
    }
}

typedef struct
{
  gint64  id;
  int     position;
  char   *name;
} StageKey;

static int
compare_stage_keys (gconstpointer a,
                    gconstpointer b)
{
  const StageKey *x = a, *y = b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static void
bind_filter_text (KsStmt *stmt,
                  int           idx,
                  const char   *text)
{
  if (text)
    ks_stmt_bind_text (stmt, idx, text);
  else
    ks_stmt_bind_null (stmt, idx);
}

static gboolean
load_items (KsWorkspace          *workspace,
            const KsFunnelFilter *filter,
            KsEvaluation         *evaluation,
            GArray               *stage_keys,
            GError              **error)
{
  KsStmt *stmt;
  int rc;

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT o.id, o.ref, o.title, coalesce (a.name, ''), o.value,"
                                     "       st.id, st.name, st.position"
                                     " FROM opportunities o"
                                     " JOIN funnel_stages st ON st.id = o.stage_id AND st.outcome = 'open'"
                                     " LEFT JOIN accounts a ON a.id = o.account_id"
                                     " LEFT JOIN people w ON w.id = o.owner_id"
                                     " LEFT JOIN people m ON m.id = w.manager_id"
                                     " LEFT JOIN products p ON p.id = o.product_id"
                                     " WHERE (?1 IS NULL OR w.name = ?1)"
                                     "   AND (?2 IS NULL OR m.name = ?2)"
                                     "   AND (?3 IS NULL OR w.team = ?3)"
                                     "   AND (?4 IS NULL OR w.region = ?4)"
                                     "   AND (?5 IS NULL OR a.name = ?5)"
                                     "   AND (?6 IS NULL OR p.name = ?6)"
                                     "   AND (?7 IS NULL OR coalesce (o.expected_close_date, o.close_date) >= ?7)"
                                     "   AND (?8 IS NULL OR coalesce (o.expected_close_date, o.close_date) <= ?8)"
                                     " ORDER BY coalesce (a.name, ''), o.title, o.ref",
                                     error)))
    return FALSE;
  if (filter)
    {
      bind_filter_text (stmt, 1, filter->owner);
      bind_filter_text (stmt, 2, filter->manager);
      bind_filter_text (stmt, 3, filter->team);
      bind_filter_text (stmt, 4, filter->region);
      bind_filter_text (stmt, 5, filter->account);
      bind_filter_text (stmt, 6, filter->product);
      bind_filter_text (stmt, 7, filter->from);
      bind_filter_text (stmt, 8, filter->to);
    }
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsEvalItem item = {
        .id = ks_stmt_column_int64 (stmt, 0),
        .ref = g_strdup (ks_column_text (stmt, 1)),
        .title = g_strdup (ks_column_text (stmt, 2)),
        .account = g_strdup (ks_column_text (stmt, 3)),
        .value = ks_column_double_or_nan (stmt, 4),
        .stage_id = ks_stmt_column_int64 (stmt, 5),
        .stage = g_strdup (ks_column_text (stmt, 6)),
        .chance = NAN,
        .attractiveness = NAN,
        .quadrant = KS_EVAL_QUADRANT_NONE,
      };
      gboolean known = FALSE;

      for (guint i = 0; i < stage_keys->len && !known; i++)
        known = g_array_index (stage_keys, StageKey, i).id == item.stage_id;
      if (!known)
        {
          StageKey key = { item.stage_id, ks_stmt_column_int (stmt, 7), item.stage };
          g_array_append_val (stage_keys, key);
        }
      g_array_append_val (evaluation->items, item);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the open opportunities"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  double sum_ws[KS_EVAL_N_AXES];
  double sum_w[KS_EVAL_N_AXES];
} Sums;

static gboolean
load_scores (KsWorkspace   *workspace,
             KsEvaluation  *evaluation,
             GError       **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree Sums *sums = g_new0 (Sums, evaluation->items->len + 1);
  KsStmt *stmt;
  int rc;

  for (guint i = 0; i < evaluation->items->len; i++)
    g_hash_table_insert (by_id, &g_array_index (evaluation->items, KsEvalItem, i).id,
                         GUINT_TO_POINTER (i + 1));
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT s.opportunity_id, c.axis, c.weight, s.score"
                                     " FROM evaluation_scores s"
                                     " JOIN evaluation_criteria c ON c.id = s.criterion_id"
                                     " JOIN opportunities o ON o.id = s.opportunity_id"
                                     " JOIN funnel_stages st ON st.id = o.stage_id AND st.outcome = 'open'",
                                     error)))
    return FALSE;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 id = ks_stmt_column_int64 (stmt, 0);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, &id));
      KsEvalAxis axis;
      double weight = ks_stmt_column_double (stmt, 2);
      int score = ks_stmt_column_int (stmt, 3);

      if (!index || !ks_eval_axis_from_string (ks_column_text (stmt, 1), &axis) ||
          score < 1 || score > KS_EVAL_MAX_SCORE)
        continue;
      sums[index - 1].sum_ws[axis] += weight * score;
      sums[index - 1].sum_w[axis] += weight;
      g_array_index (evaluation->items, KsEvalItem, index - 1).n_scored++;
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the evaluation scores"));
      return FALSE;
    }
  for (guint i = 0; i < evaluation->items->len; i++)
    {
      KsEvalItem *item = &g_array_index (evaluation->items, KsEvalItem, i);

      item->chance = value_from_sums (sums[i].sum_ws[KS_EVAL_CHANCE], sums[i].sum_w[KS_EVAL_CHANCE]);
      item->attractiveness = value_from_sums (sums[i].sum_ws[KS_EVAL_ATTRACTIVENESS],
                                              sums[i].sum_w[KS_EVAL_ATTRACTIVENESS]);
    }
  return TRUE;
}

KsEvaluation *
ks_evaluation_load (KsWorkspace          *workspace,
                    const KsFunnelFilter *filter,
                    GError              **error)
{
  g_autoptr(KsEvaluation) evaluation = g_new0 (KsEvaluation, 1);
  g_autoptr(GArray) stage_keys = g_array_new (FALSE, FALSE, sizeof (StageKey));
  double chance, attractiveness;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  evaluation->items = g_array_new (FALSE, TRUE, sizeof (KsEvalItem));
  g_array_set_clear_func (evaluation->items, item_clear);
  evaluation->stages = g_ptr_array_new_with_free_func (g_free);

  if (!load_items (workspace, filter, evaluation, stage_keys, error) ||
      !load_scores (workspace, evaluation, error))
    return NULL;

  /* The legend: the stages present, by position; each item's index into it. */
  g_array_sort (stage_keys, compare_stage_keys);
  for (guint i = 0; i < stage_keys->len; i++)
    g_ptr_array_add (evaluation->stages, g_strdup (g_array_index (stage_keys, StageKey, i).name));
  for (guint i = 0; i < evaluation->items->len; i++)
    {
      KsEvalItem *item = &g_array_index (evaluation->items, KsEvalItem, i);

      for (guint j = 0; j < stage_keys->len; j++)
        if (g_array_index (stage_keys, StageKey, j).id == item->stage_id)
          item->stage_index = j;
    }

  ks_eval_get_dividers (workspace, &chance, &attractiveness);
  ks_evaluation_set_dividers (evaluation, chance, attractiveness);
  return g_steal_pointer (&evaluation);
}
