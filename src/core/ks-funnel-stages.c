/* ks-funnel-stages.c — the funnel's stages and the map from imported stage
 * names onto them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions are kept dense (1 … n). A won stage is 100 %, a lost one 0 %.
 * The stage map's sources are the imported names folded to lower case
 * and trimmed; mapping a name moves every opportunity that carries it.
 * Any change that moves opportunities between stages rebuilds the funnel
 * summary in the same transaction (and so in the same undo step).
 */
#define G_LOG_DOMAIN "ks-funnel"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-funnel-private.h"

GPtrArray *
ks_stage_list (KsWorkspace  *workspace,
               GError      **error)
{
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_stage_free);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT id, position, name, probability, outcome, description"
                                     "  FROM funnel_stages ORDER BY position, id",
                                     error)))
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsStage *stage = g_new0 (KsStage, 1);

      stage->id = ks_stmt_column_int64 (stmt, 0);
      stage->position = ks_stmt_column_int (stmt, 1);
      stage->name = g_strdup (ks_column_text (stmt, 2));
      stage->probability = ks_stmt_column_double (stmt, 3);
      if (!ks_outcome_from_string (ks_column_text (stmt, 4), &stage->outcome))
        stage->outcome = KS_OUTCOME_OPEN;
      stage->description = g_strdup (ks_column_text (stmt, 5));
      g_ptr_array_add (stages, stage);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the funnel stages"));
      return NULL;
    }
  return g_steal_pointer (&stages);
}

gboolean
ks_funnel_stage_outcome (KsWorkspace *workspace,
                         gint64       stage_id,
                         KsOutcome   *outcome)
{
  KsStmt *stmt;
  gboolean found = FALSE;

  if (!(stmt = ks_workspace_prepare (workspace, "SELECT outcome FROM funnel_stages WHERE id = ?1", NULL)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, stage_id);
  if (ks_stmt_step (stmt) == KS_STEP_ROW)
    found = ks_outcome_from_string (ks_column_text (stmt, 0), outcome);
  ks_stmt_reset (stmt);
  return found;
}

static char *
fold_source (const char *source)
{
  /* ASCII only, as SQL's lower () folds. */
  g_autofree char *down = g_ascii_strdown (source ? source : "", -1);

  return g_strdup (g_strstrip (down));
}

static gboolean
check_stage (const char  *name,
             double       probability,
             KsOutcome    outcome,
             char       **trimmed,
             GError     **error)
{
  *trimmed = g_strstrip (g_strdup (name ? name : ""));
  if (**trimmed == '\0')
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID, _("A stage needs a name"));
      return FALSE;
    }
  if ((guint) outcome > KS_OUTCOME_LOST)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("Stage “%s” has no valid outcome"), *trimmed);
      return FALSE;
    }
  if (!(probability >= 0 && probability <= 100))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The probability of stage “%s” must be between 0 and 100 %%, not %g"),
                   *trimmed, probability);
      return FALSE;
    }
  if (outcome == KS_OUTCOME_WON && probability != 100)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("Stage “%s” means won, so its probability must be 100 %%"), *trimmed);
      return FALSE;
    }
  if (outcome == KS_OUTCOME_LOST && probability != 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("Stage “%s” means lost, so its probability must be 0 %%"), *trimmed);
      return FALSE;
    }
  return TRUE;
}

static void
name_taken_error (KsWorkspace *workspace,
                  const char  *name,
                  GError     **error,
                  GError      *local)
{
  if (ks_workspace_last_error (workspace) == KS_DB_ERROR_UNIQUE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                 _("There is already a stage “%s”"), name);
  else
    g_propagate_error (error, g_error_copy (local));
}

/* Puts @id at @position (1-based, clamped) and renumbers the others. */
static gboolean
place_stage (KsWorkspace *workspace,
             gint64       id,
             int          position,
             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  KsStmt *stmt;
  int rc;

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT id FROM funnel_stages WHERE id <> ?1 ORDER BY position, id",
                                     error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 other = ks_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, other);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the funnel stages"));
      return FALSE;
    }
  if (id > 0)
    {
      if (position < 1 || position > (int) ids->len + 1)
        position = ids->len + 1;
      g_array_insert_val (ids, position - 1, id);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      if (!(stmt = ks_workspace_prepare (workspace,
                                         "UPDATE funnel_stages SET position = ?2 WHERE id = ?1 AND position <> ?2",
                                         error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      ks_stmt_bind_int (stmt, 2, i + 1);
      if (!ks_workspace_step_done (workspace, stmt, _("reorder the funnel stages"), error))
        return FALSE;
    }
  return TRUE;
}

/* The stage's own name maps onto it, unless the name is mapped already. */
static gboolean
map_own_name (KsWorkspace *workspace,
              gint64       id,
              const char  *name,
              GError     **error)
{
  g_autofree char *key = fold_source (name);
  KsStmt *stmt;

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO stage_map (source, stage_id) VALUES (?1, ?2)"
                                     " ON CONFLICT (source) DO UPDATE SET stage_id = excluded.stage_id"
                                     " WHERE stage_map.stage_id IS NULL",
                                     error)))
    return FALSE;
  ks_bind_text (stmt, 1, key);
  ks_stmt_bind_int64 (stmt, 2, id);
  return ks_workspace_step_done (workspace, stmt, _("map the stage name"), error);
}

gint64
ks_stage_add (KsWorkspace  *workspace,
              const char   *name,
              double        probability,
              KsOutcome     outcome,
              int           position,
              GError      **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) local = NULL;
  KsStmt *stmt;
  gint64 id;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!check_stage (name, probability, outcome, &trimmed, error))
    return 0;
  if (!ks_workspace_begin (workspace, _("Add Stage"), error))
    return 0;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO funnel_stages (position, name, probability, outcome)"
                                     " VALUES ((SELECT coalesce (max (position), 0) + 1 FROM funnel_stages),"
                                     "         ?1, ?2, ?3)",
                                     error)))
    goto fail;
  ks_bind_text (stmt, 1, trimmed);
  ks_stmt_bind_double (stmt, 2, probability);
  ks_bind_text (stmt, 3, ks_outcome_to_string (outcome));
  if (!ks_workspace_step_done (workspace, stmt, _("add the stage"), &local))
    {
      name_taken_error (workspace, trimmed, error, local);
      goto fail;
    }
  id = ks_workspace_last_insert_id (workspace);
  if (!place_stage (workspace, id, position, error) || !map_own_name (workspace, id, trimmed, error) ||
      !ks_workspace_commit (workspace, error))
    goto fail;
  return id;

fail:
  ks_workspace_rollback (workspace);
  return 0;
}

gboolean
ks_stage_update (KsWorkspace  *workspace,
                 gint64        id,
                 const char   *name,
                 double        probability,
                 KsOutcome     outcome,
                 const char   *description,
                 GError      **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) local = NULL;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!check_stage (name, probability, outcome, &trimmed, error))
    return FALSE;
  if (!ks_workspace_begin (workspace, _("Edit Stage"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "UPDATE funnel_stages SET name = ?2, probability = ?3, outcome = ?4,"
                                     " description = ?5 WHERE id = ?1",
                                     error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  ks_bind_text (stmt, 2, trimmed);
  ks_stmt_bind_double (stmt, 3, probability);
  ks_bind_text (stmt, 4, ks_outcome_to_string (outcome));
  ks_bind_text (stmt, 5, description ? description : "");
  if (!ks_workspace_step_done (workspace, stmt, _("change the stage"), &local))
    {
      name_taken_error (workspace, trimmed, error, local);
      goto fail;
    }
  if (ks_workspace_changes (workspace) == 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no stage with id %" PRId64), id);
      goto fail;
    }
  /* An outcome change moves won days in or out of the summary. */
  if (!map_own_name (workspace, id, trimmed, error) || !ks_funnel_summary_rebuild (workspace, error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

gboolean
ks_stage_move (KsWorkspace  *workspace,
               gint64        id,
               int           position,
               GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (ks_workspace_query_int (workspace, "SELECT count (*) FROM funnel_stages WHERE id = ?1", id, 0,
                              _("read the funnel stages"), error) <= 0)
    {
      if (error && !*error)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no stage with id %" PRId64), id);
      return FALSE;
    }
  if (!ks_workspace_begin (workspace, _("Move Stage"), error))
    return FALSE;
  if (!place_stage (workspace, id, MAX (position, 1), error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return ks_workspace_commit (workspace, error);
}

gboolean
ks_stage_delete (KsWorkspace  *workspace,
                 gint64        id,
                 GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Delete Stage"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM funnel_stages WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete the stage"), error))
    goto fail;
  if (ks_workspace_changes (workspace) == 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no stage with id %" PRId64), id);
      goto fail;
    }
  /* ON DELETE SET NULL left its opportunities and names unmapped. */
  if (!place_stage (workspace, 0, 0, error) || !ks_funnel_summary_rebuild (workspace, error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

/* ---- the stage map ---- */

/* Every distinct stage text the opportunities carry, with its count
 * (through the index on stage). */
static GHashTable *
stage_texts (KsWorkspace  *workspace,
             GError      **error)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  KsStmt *stmt;
  int rc;

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT stage, count (*) FROM opportunities GROUP BY stage", error)))
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_hash_table_insert (texts, g_strdup (ks_column_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) ks_stmt_column_int64 (stmt, 1)));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the opportunities' stages"));
      return NULL;
    }
  return g_steal_pointer (&texts);
}

GPtrArray *
ks_stage_mapping_list (KsWorkspace  *workspace,
                       GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_stage_mapping_free);
  g_autoptr(GHashTable) texts = NULL;
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(texts = stage_texts (workspace, error)) ||
      !(stmt = ks_workspace_prepare (workspace,
                                     "SELECT source, coalesce (stage_id, 0) FROM stage_map"
                                     " ORDER BY stage_id IS NOT NULL, source",
                                     error)))
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsStageMapping *mapping = g_new0 (KsStageMapping, 1);
      GHashTableIter iter;
      const char *text;
      gpointer count;

      mapping->source = g_strdup (ks_column_text (stmt, 0));
      mapping->stage_id = ks_stmt_column_int64 (stmt, 1);
      g_hash_table_iter_init (&iter, texts);
      while (g_hash_table_iter_next (&iter, (gpointer *) &text, &count))
        {
          g_autofree char *key = fold_source (text);

          if (g_str_equal (key, mapping->source))
            mapping->n_opportunities += GPOINTER_TO_SIZE (count);
        }
      g_ptr_array_add (list, mapping);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the stage map"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
ks_funnel_map_source (KsWorkspace *workspace,
                      const char  *source,
                      gboolean    *known,
                      GError     **error)
{
  g_autofree char *key = fold_source (source);
  KsStmt *stmt;
  gint64 id = 0;
  int rc;

  *known = FALSE;
  if (!*key)
    return 0;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "SELECT coalesce (stage_id, 0) FROM stage_map WHERE source = ?1", error)))
    return -1;
  ks_bind_text (stmt, 1, key);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      *known = TRUE;
      id = ks_stmt_column_int64 (stmt, 0);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the stage map"));
      return -1;
    }
  return id;
}

gint64
ks_stage_mapping_lookup (KsWorkspace  *workspace,
                         const char   *source,
                         GError      **error)
{
  gboolean known;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);
  return MAX (ks_funnel_map_source (workspace, source, &known, error), 0);
}

gboolean
ks_stage_mapping_set (KsWorkspace  *workspace,
                      const char   *source,
                      gint64        stage_id,
                      GError      **error)
{
  g_autofree char *key = fold_source (source);
  g_autoptr(GHashTable) texts = NULL;
  GHashTableIter iter;
  const char *text;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!*key)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("An imported stage name cannot be empty"));
      return FALSE;
    }
  if (stage_id > 0 &&
      ks_workspace_query_int (workspace, "SELECT count (*) FROM funnel_stages WHERE id = ?1", stage_id, 0,
                              _("read the funnel stages"), error) <= 0)
    {
      if (error && !*error)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("Cannot map “%s”: there is no stage with id %" PRId64), key, stage_id);
      return FALSE;
    }
  if (!ks_workspace_begin (workspace, _("Map Stage Name"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO stage_map (source, stage_id) VALUES (?1, ?2)"
                                     " ON CONFLICT (source) DO UPDATE SET stage_id = excluded.stage_id",
                                     error)))
    goto fail;
  ks_bind_text (stmt, 1, key);
  ks_bind_id (stmt, 2, stage_id);
  if (!ks_workspace_step_done (workspace, stmt, _("map the stage name"), error))
    goto fail;
  /* Each spelling of the name that folds to it, through the stage index. */
  if (!(texts = stage_texts (workspace, error)))
    goto fail;
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &text, NULL))
    {
      g_autofree char *folded = fold_source (text);

      if (!g_str_equal (folded, key))
        continue;
      if (!(stmt = ks_workspace_prepare (workspace,
                                         "UPDATE opportunities SET version = version + 1, stage_id = ?2"
                                         " WHERE stage = ?1 AND stage_id IS DISTINCT FROM ?2",
                                         error)))
        goto fail;
      ks_bind_text (stmt, 1, text);
      ks_bind_id (stmt, 2, stage_id);
      if (!ks_workspace_step_done (workspace, stmt, _("move the opportunities"), error))
        goto fail;
    }
  if (!ks_funnel_summary_rebuild (workspace, error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

KsOutcome
ks_funnel_text_outcome (KsWorkspace *workspace,
                        const char  *stage)
{
  gboolean known;
  gint64 id = ks_funnel_map_source (workspace, stage, &known, NULL);
  KsOutcome outcome;

  if (id > 0 && ks_funnel_stage_outcome (workspace, id, &outcome))
    return outcome;
  return ks_opportunity_stage_outcome (stage);
}
