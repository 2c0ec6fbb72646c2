/* ks-funnel-edit.c — edits of one opportunity's funnel fields (stage,
 * value, close date, momentum), one user action each, and the stage map
 * applied to opportunities written without a stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit takes the opportunity out of the funnel summary, changes the
 * row and puts it back, inside one transaction: the undo step reverses the
 * summary with the row. A stage change is recorded in the stage history
 * with its date, becomes the opportunity's stage date and last activity,
 * and its stage text becomes the stage's name (so the workspace JSON and a
 * later import read the same name).
 */
#define G_LOG_DOMAIN "ks-funnel"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-funnel-private.h"

/* Runs @stmt (its parameters bound) between taking opportunity @id out of
 * the summary and putting it back. */
static gboolean
update_in_summary (KsWorkspace  *workspace,
                   gint64        id,
                   KsStmt *stmt,
                   const char   *action,
                   GError      **error)
{
  if (!ks_funnel_summary_apply (workspace, id, -1, error))
    return FALSE;
  if (!ks_workspace_step_done (workspace, stmt, action, error))
    return FALSE;
  if (ks_workspace_changes (workspace) == 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no opportunity with id %" PRId64), id);
      return FALSE;
    }
  return ks_funnel_summary_apply (workspace, id, 1, error);
}

static gboolean
check_date (const char  *date,
            const char  *what,
            GError     **error)
{
  gint64 day;

  if (date && !ks_funnel_day_number (date, &day))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The %s “%s” is not a date (use YYYY-MM-DD)"), what, date);
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_opportunity_move_to_stage (KsWorkspace  *workspace,
                              gint64        id,
                              gint64        stage_id,
                              const char   *date,
                              GError      **error)
{
  g_autofree char *today = NULL;
  KsStmt *stmt;
  gint64 from;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!date)
    date = today = ks_funnel_today ();
  if (!check_date (date, _("date of the stage change"), error))
    return FALSE;
  if (ks_workspace_query_int (workspace, "SELECT count (*) FROM funnel_stages WHERE id = ?1", stage_id, 0,
                              _("read the funnel stages"), error) <= 0)
    {
      if (error && !*error)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no stage with id %" PRId64), stage_id);
      return FALSE;
    }
  from = ks_workspace_query_int (workspace,
                                 "SELECT coalesce (stage_id, 0) FROM opportunities WHERE id = ?1",
                                 id, 0, _("read the opportunity"), error);
  if (from < 0)
    return FALSE;
  if (from == stage_id)
    return TRUE;

  if (!ks_workspace_begin (workspace, _("Change Stage"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed)"
                                     " SELECT id, stage_id, ?2, ?3 FROM opportunities WHERE id = ?1",
                                     error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  ks_stmt_bind_int64 (stmt, 2, stage_id);
  ks_bind_text (stmt, 3, date);
  if (!ks_workspace_step_done (workspace, stmt, _("record the stage change"), error))
    goto fail;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "UPDATE opportunities SET version = version + 1, stage_id = ?2,"
                                     "  stage = (SELECT name FROM funnel_stages WHERE id = ?2),"
                                     "  stage_date = ?3,"
                                     "  last_activity = CASE WHEN last_activity IS NULL OR last_activity < ?3"
                                     "                       THEN ?3 ELSE last_activity END"
                                     " WHERE id = ?1",
                                     error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  ks_stmt_bind_int64 (stmt, 2, stage_id);
  ks_bind_text (stmt, 3, date);
  if (!update_in_summary (workspace, id, stmt, _("change the stage"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

gboolean
ks_opportunity_change_value (KsWorkspace  *workspace,
                             gint64        id,
                             double        value,
                             GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!isnan (value) && (value < 0 || !isfinite (value)))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The value of an opportunity cannot be negative (%g)"), value);
      return FALSE;
    }
  if (!ks_workspace_begin (workspace, _("Change Value"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "UPDATE opportunities SET version = version + 1, value = ?2 WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  ks_bind_double_or_null (stmt, 2, value);
  if (!update_in_summary (workspace, id, stmt, _("change the value"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

gboolean
ks_opportunity_change_close_date (KsWorkspace  *workspace,
                                  gint64        id,
                                  const char   *date,
                                  GError      **error)
{
  KsStmt *stmt;
  KsOutcome outcome = KS_OUTCOME_OPEN;
  gint64 stage_id;
  g_autofree char *engage = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (date && !*date)
    date = NULL;
  if (!check_date (date, _("close date"), error))
    return FALSE;
  stage_id = ks_workspace_query_int (workspace, "SELECT coalesce (stage_id, 0) FROM opportunities WHERE id = ?1",
                                     id, 0, _("read the opportunity"), error);
  if (stage_id < 0)
    return FALSE;
  if (stage_id > 0)
    ks_funnel_stage_outcome (workspace, stage_id, &outcome);

  if (!ks_workspace_begin (workspace, _("Change Close Date"), error))
    return FALSE;
  /* Won or lost: the close date; open: the expected one. The CHECK-like
   * rule of ks_opportunity_validate: no close before the engage date. */
  if (!(stmt = ks_workspace_prepare (workspace,
                                     outcome == KS_OUTCOME_OPEN
                                     ? "UPDATE opportunities SET version = version + 1, expected_close_date = ?2 WHERE id = ?1"
                                     : "UPDATE opportunities SET version = version + 1, close_date = ?2 WHERE id = ?1"
                                       " AND (?2 IS NULL OR engage_date IS NULL OR engage_date <= ?2)",
                                     error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  ks_bind_text_or_null (stmt, 2, date);
  if (!ks_funnel_summary_apply (workspace, id, -1, error) ||
      !ks_workspace_step_done (workspace, stmt, _("change the close date"), error))
    goto fail;
  if (ks_workspace_changes (workspace) == 0)
    {
      if (outcome != KS_OUTCOME_OPEN &&
          ks_workspace_query_int (workspace, "SELECT count (*) FROM opportunities WHERE id = ?1", id, 0,
                                  _("read the opportunity"), NULL) > 0)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("The opportunity cannot close on %s, before it was engaged"), date);
      else
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no opportunity with id %" PRId64), id);
      goto fail;
    }
  if (!ks_funnel_summary_apply (workspace, id, 1, error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

gboolean
ks_opportunity_change_momentum (KsWorkspace  *workspace,
                                gint64        id,
                                KsMomentum    momentum,
                                GError      **error)
{
  g_autofree char *today = ks_funnel_today ();
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail ((guint) momentum <= KS_MOMENTUM_FADING, FALSE);

  if (!ks_workspace_begin (workspace, _("Change Momentum"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "UPDATE opportunities SET version = version + 1, momentum = ?2, last_activity = ?3 WHERE id = ?1",
                                     error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  ks_bind_text (stmt, 2, ks_momentum_to_string (momentum));
  ks_bind_text (stmt, 3, today);
  if (!ks_workspace_step_done (workspace, stmt, _("change the momentum"), error))
    goto fail;
  if (ks_workspace_changes (workspace) == 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no opportunity with id %" PRId64), id);
      goto fail;
    }
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

gboolean
ks_funnel_map_unmapped (KsWorkspace  *workspace,
                        GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Map Stage Names"), error))
    return FALSE;
  if (!ks_workspace_exec (workspace,
                          "INSERT INTO stage_map (source, stage_id)"
                          "  SELECT DISTINCT lower (trim (stage)), CAST (NULL AS INTEGER) FROM opportunities"
                          "   WHERE stage_id IS NULL AND length (trim (stage)) > 0"
                          "     AND lower (trim (stage)) NOT IN (SELECT source FROM stage_map);"
                          "UPDATE opportunities SET version = version + 1, stage_id ="
                          "  (SELECT m.stage_id FROM stage_map m WHERE m.source = lower (trim (opportunities.stage)))"
                          " WHERE stage_id IS NULL AND length (trim (stage)) > 0",
                          error) ||
      !ks_funnel_summary_rebuild (workspace, error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return ks_workspace_commit (workspace, error);
}
