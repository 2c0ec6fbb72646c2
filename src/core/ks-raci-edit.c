/* ks-raci-edit.c — RACI chart edits: charts (create, rename, ARSCI mode,
 * delete), phases and tasks, columns and cells, and writing a whole chart
 * held in memory (PRODUCT.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables (schema 6): raci_charts, raci_phases, raci_tasks, raci_columns,
 * raci_cells. Phases, tasks (within their phase) and columns keep a
 * position 0 … n-1 that the edits below keep dense.
 */
#define G_LOG_DOMAIN "ks-raci"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "ks-raci-private.h"
#include "ks-workspace-private.h"

#define MAX_NAME_CHARS 200

/* ---- helpers --------------------------------------------------------------------- */

static char *
clean_name (const char  *name,
            const char  *what,
            GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (!name || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The %s has no name; it needs one"), what);
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (name));
  if (!*trimmed)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The %s has no name; it needs one"), what);
      return NULL;
    }
  if (g_utf8_strlen (trimmed, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The name of the %s is longer than %d characters"), what, MAX_NAME_CHARS);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

static gboolean
run (KsWorkspace   *ws,
     KsStmt  *stmt,
     const char    *action,
     GError       **error)
{
  return ks_workspace_step_done (ws, stmt, action, error);
}

/* Runs fixed SQL taking ?1 = @a (and ?2 = @b where it has a second parameter). */
static gboolean
run_ids (KsWorkspace  *ws,
         const char   *sql,
         gint64        a,
         gint64        b,
         const char   *action,
         GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws, sql, error);

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, a);
  if (ks_stmt_bind_parameter_count (stmt) >= 2)
    ks_stmt_bind_int64 (stmt, 2, b);
  return run (ws, stmt, action, error);
}


/* The fixed statements that keep one kind of row's positions dense. */
typedef struct Positions Positions;
struct Positions
{
  const char *what;          /* for messages: "phase", "task", "column" */
  const Positions *parent;   /* the kind of row the parent is; NULL: a chart */
  const char *parent_of;     /* ?1 id → parent, position */
  const char *count;         /* ?1 parent → n */
  const char *open_gap;      /* ?1 parent, ?2 position: position + 1 from there */
  const char *close_gap;     /* ?1 parent, ?2 position: position - 1 after it */
  const char *set_position;  /* ?1 id, ?2 position */
  const char *insert;        /* ?1 parent, ?2 position, ?3 name (phases and tasks) */
  const char *rename;        /* ?1 id, ?2 name (phases and tasks) */
  const char *add_label;     /* the undo labels of the edits */
  const char *rename_label;
};

static const Positions phase_positions = {
  N_("phase"),
  NULL,
  "SELECT chart_id, position FROM raci_phases WHERE id = ?1",
  "SELECT count (*) FROM raci_phases WHERE chart_id = ?1",
  "UPDATE raci_phases SET position = position + 1 WHERE chart_id = ?1 AND position >= ?2",
  "UPDATE raci_phases SET position = position - 1 WHERE chart_id = ?1 AND position > ?2",
  "UPDATE raci_phases SET position = ?2 WHERE id = ?1",
  "INSERT INTO raci_phases (chart_id, position, name) VALUES (?1, ?2, ?3)",
  "UPDATE raci_phases SET name = ?2 WHERE id = ?1",
  N_("Add Phase"),
  N_("Rename Phase"),
};

static const Positions task_positions = {
  N_("task"),
  &phase_positions,
  "SELECT phase_id, position FROM raci_tasks WHERE id = ?1",
  "SELECT count (*) FROM raci_tasks WHERE phase_id = ?1",
  "UPDATE raci_tasks SET position = position + 1 WHERE phase_id = ?1 AND position >= ?2",
  "UPDATE raci_tasks SET position = position - 1 WHERE phase_id = ?1 AND position > ?2",
  "UPDATE raci_tasks SET position = ?2 WHERE id = ?1",
  "INSERT INTO raci_tasks (phase_id, position, name) VALUES (?1, ?2, ?3)",
  "UPDATE raci_tasks SET name = ?2 WHERE id = ?1",
  N_("Add Task"),
  N_("Rename Task"),
};

static const Positions column_positions = {
  N_("column"),
  NULL,
  "SELECT chart_id, position FROM raci_columns WHERE id = ?1",
  "SELECT count (*) FROM raci_columns WHERE chart_id = ?1",
  "UPDATE raci_columns SET position = position + 1 WHERE chart_id = ?1 AND position >= ?2",
  "UPDATE raci_columns SET position = position - 1 WHERE chart_id = ?1 AND position > ?2",
  "UPDATE raci_columns SET position = ?2 WHERE id = ?1",
  NULL, NULL, NULL, NULL,
};

static gboolean
row_parent (KsWorkspace     *ws,
            const Positions *kind,
            gint64           id,
            gint64          *parent,
            gint64          *position,
            GError         **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws, kind->parent_of, error);
  int rc;

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      *parent = ks_stmt_column_int64 (stmt, 0);
      *position = ks_stmt_column_int64 (stmt, 1);
    }
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    return ks_raci_not_found (error, _(kind->what), id);
  if (rc != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (ws, error, _("read a RACI chart"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
shift (KsWorkspace *ws,
       const char  *sql,
       gint64       parent,
       gint64       position,
       GError     **error)
{
  return run_ids (ws, sql, parent, position, _("move a row of a RACI chart"), error);
}

/* Makes room at @position (clamped; -1 = last) under @parent; returns it or -1. */
static gint64
open_gap (KsWorkspace     *ws,
          const Positions *kind,
          gint64           parent,
          int              position,
          GError         **error)
{
  gint64 n = ks_workspace_query_int (ws, kind->count, parent, 0, _("read a RACI chart"), error);

  if (n < 0)
    return -1;
  if (position < 0 || position > n)
    return n;
  if (!shift (ws, kind->open_gap, parent, position, error))
    return -1;
  return position;
}

static gboolean
move_row (KsWorkspace     *ws,
          const Positions *kind,
          gint64           id,
          int              position,
          const char      *label,
          GError         **error)
{
  gint64 parent = 0, old = 0, n;
  KsStmt *stmt;

  if (!row_parent (ws, kind, id, &parent, &old, error))
    return FALSE;
  if ((n = ks_workspace_query_int (ws, kind->count, parent, 0, _("read a RACI chart"), error)) < 0)
    return FALSE;
  if (position < 0 || position >= n)
    position = n - 1;
  if (position == old)
    return TRUE;
  if (!ks_workspace_begin (ws, label, error))
    return FALSE;
  if (!shift (ws, kind->close_gap, parent, old, error) ||
      !shift (ws, kind->open_gap, parent, position, error) ||
      !(stmt = ks_workspace_prepare (ws, kind->set_position, error)))
    {
      ks_workspace_rollback (ws);
      return FALSE;
    }
  ks_stmt_bind_int64 (stmt, 1, id);
  ks_stmt_bind_int64 (stmt, 2, position);
  return ks_workspace_step_commit (ws, stmt, _("move a row of a RACI chart"), error);
}

/* ---- charts -------------------------------------------------------------------- */

/* The id of a chart named @name ignoring case (other than @except), 0 if none, -1 on error. */
static gint64
chart_named (KsWorkspace  *ws,
             const char   *name,
             gint64        except,
             GError      **error)
{
  g_autoptr(GPtrArray) list = ks_raci_chart_list (ws, 0, error);
  g_autofree char *key = g_utf8_casefold (name, -1);

  if (!list)
    return -1;
  for (guint i = 0; i < list->len; i++)
    {
      KsRaciChartInfo *info = g_ptr_array_index (list, i);
      g_autofree char *other = g_utf8_casefold (info->name, -1);

      if (info->id != except && g_str_equal (key, other))
        return info->id;
    }
  return 0;
}

static gboolean
check_scope (KsWorkspace  *ws,
             KsRaciScope   scope,
             gint64        account_id,
             GError      **error)
{
  if (scope != KS_RACI_SCOPE_ACCOUNT)
    {
      if (account_id != 0)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("Only an account's RACI chart belongs to an account"));
          return FALSE;
        }
      return TRUE;
    }
  if (account_id <= 0 ||
      ks_workspace_query_int (ws, "SELECT count (*) FROM accounts WHERE id = ?1", account_id, 0,
                              _("read the accounts"), error) <= 0)
    {
      if (error && !*error)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("An account's RACI chart needs an account"));
      return FALSE;
    }
  return TRUE;
}

gint64
ks_raci_chart_create (KsWorkspace  *workspace,
                      const char   *name,
                      KsRaciScope   scope,
                      gint64        account_id,
                      gboolean      arsci,
                      GError      **error)
{
  g_autofree char *trimmed = NULL;
  KsStmt *stmt;
  gint64 other;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!(trimmed = clean_name (name, _("RACI chart"), error)) ||
      !check_scope (workspace, scope, account_id, error))
    return 0;
  if ((other = chart_named (workspace, trimmed, 0, error)) != 0)
    {
      if (other > 0)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("There is a RACI chart “%s” already; chart names must differ (ignoring case)"),
                     trimmed);
      return 0;
    }
  if (!ks_workspace_begin (workspace, _("Add RACI Chart"), error))
    return 0;
  if ((stmt = ks_workspace_prepare (workspace,
                                    "INSERT INTO raci_charts (name, scope, account_id, arsci)"
                                    " VALUES (?1, ?2, ?3, ?4)",
                                    error)))
    {
      ks_bind_text (stmt, 1, trimmed);
      ks_bind_text (stmt, 2, ks_raci_scope_name (scope));
      ks_bind_id (stmt, 3, account_id);
      ks_stmt_bind_int (stmt, 4, arsci ? 1 : 0);
    }
  return ks_workspace_insert_commit (workspace, stmt, _("add a RACI chart"), error);
}

static gboolean
chart_exists (KsWorkspace  *ws,
              gint64        chart_id,
              GError      **error)
{
  gint64 n = ks_workspace_query_int (ws, "SELECT count (*) FROM raci_charts WHERE id = ?1", chart_id, 0,
                                     _("read a RACI chart"), error);

  if (n < 0)
    return FALSE;
  if (n == 0)
    return ks_raci_not_found (error, _("chart"), chart_id);
  return TRUE;
}

/* Runs one fixed UPDATE/DELETE with ?1 (and ?2 text) as one user action. */
static gboolean
simple_edit (KsWorkspace  *ws,
             const char   *label,
             const char   *sql,
             gint64        id,
             const char   *text,
             gint64        value,
             GError      **error)
{
  KsStmt *stmt;

  if (!ks_workspace_begin (ws, label, error))
    return FALSE;
  if ((stmt = ks_workspace_prepare (ws, sql, error)))
    {
      ks_stmt_bind_int64 (stmt, 1, id);
      if (text)
        ks_bind_text (stmt, 2, text);
      else if (ks_stmt_bind_parameter_count (stmt) >= 2)
        ks_stmt_bind_int64 (stmt, 2, value);
    }
  return ks_workspace_step_commit (ws, stmt, _("change a RACI chart"), error);
}

gboolean
ks_raci_chart_rename (KsWorkspace  *workspace,
                      gint64        chart_id,
                      const char   *name,
                      GError      **error)
{
  g_autofree char *trimmed = NULL;
  gint64 other;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(trimmed = clean_name (name, _("RACI chart"), error)) || !chart_exists (workspace, chart_id, error))
    return FALSE;
  if ((other = chart_named (workspace, trimmed, chart_id, error)) != 0)
    {
      if (other > 0)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("There is a RACI chart “%s” already; chart names must differ (ignoring case)"),
                     trimmed);
      return FALSE;
    }
  return simple_edit (workspace, _("Rename RACI Chart"),
                      "UPDATE raci_charts SET name = ?2 WHERE id = ?1", chart_id, trimmed, 0, error);
}

gboolean
ks_raci_chart_set_arsci (KsWorkspace  *workspace,
                         gint64        chart_id,
                         gboolean      arsci,
                         GError      **error)
{
  gint64 n_s;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!chart_exists (workspace, chart_id, error))
    return FALSE;
  if (!arsci)
    {
      n_s = ks_workspace_query_int (workspace,
                                    "SELECT count (*) FROM raci_cells x JOIN raci_columns c ON c.id = x.column_id"
                                    " WHERE c.chart_id = ?1 AND x.letter = 'S'",
                                    chart_id, 0, _("read a RACI chart"), error);
      if (n_s < 0)
        return FALSE;
      if (n_s > 0)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The chart has %" PRId64 " S (supportive) letter; change it before leaving ARSCI mode",
                                    "The chart has %" PRId64 " S (supportive) letters; change them before leaving ARSCI mode",
                                    n_s),
                       n_s);
          return FALSE;
        }
    }
  return simple_edit (workspace, arsci ? _("Use ARSCI") : _("Use RACI"),
                      "UPDATE raci_charts SET arsci = ?2 WHERE id = ?1", chart_id, NULL, arsci ? 1 : 0, error);
}

gboolean
ks_raci_chart_delete (KsWorkspace  *workspace,
                      gint64        chart_id,
                      GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!chart_exists (workspace, chart_id, error))
    return FALSE;
  return simple_edit (workspace, _("Delete RACI Chart"),
                      "DELETE FROM raci_charts WHERE id = ?1", chart_id, NULL, 0, error);
}

/* ---- phases and tasks ---------------------------------------------------------------- */

/* Adds a phase or a task named @name under @parent (a chart or a phase). */
static gint64
insert_named (KsWorkspace     *ws,
              const Positions *kind,
              gint64           parent,
              const char      *name,
              int              position,
              GError         **error)
{
  g_autofree char *trimmed = NULL;
  KsStmt *stmt = NULL;
  gint64 chart, at;

  if (!(trimmed = clean_name (name, _(kind->what), error)) ||
      !(kind->parent ? row_parent (ws, kind->parent, parent, &chart, &at, error)
                     : chart_exists (ws, parent, error)))
    return 0;
  if (!ks_workspace_begin (ws, _(kind->add_label), error))
    return 0;
  if ((at = open_gap (ws, kind, parent, position, error)) >= 0 &&
      (stmt = ks_workspace_prepare (ws, kind->insert, error)))
    {
      ks_stmt_bind_int64 (stmt, 1, parent);
      ks_stmt_bind_int64 (stmt, 2, at);
      ks_bind_text (stmt, 3, trimmed);
    }
  return ks_workspace_insert_commit (ws, stmt, _("change a RACI chart"), error);
}

/* Renames a phase or a task. */
static gboolean
rename_named (KsWorkspace     *ws,
              const Positions *kind,
              gint64           id,
              const char      *name,
              GError         **error)
{
  g_autofree char *trimmed = NULL;
  gint64 parent, position;

  if (!(trimmed = clean_name (name, _(kind->what), error)) ||
      !row_parent (ws, kind, id, &parent, &position, error))
    return FALSE;
  return simple_edit (ws, _(kind->rename_label), kind->rename, id, trimmed, 0, error);
}

static gboolean
delete_positioned (KsWorkspace     *ws,
                   const Positions *kind,
                   const char      *sql,
                   const char      *label,
                   gint64           id,
                   GError         **error)
{
  gint64 parent, position;

  if (!row_parent (ws, kind, id, &parent, &position, error))
    return FALSE;
  if (!ks_workspace_begin (ws, label, error))
    return FALSE;
  if (!run_ids (ws, sql, id, 0, _("change a RACI chart"), error) ||
      !shift (ws, kind->close_gap, parent, position, error))
    {
      ks_workspace_rollback (ws);
      return FALSE;
    }
  return ks_workspace_commit (ws, error);
}

gint64
ks_raci_phase_add (KsWorkspace  *workspace,
                   gint64        chart_id,
                   const char   *name,
                   int           position,
                   GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  return insert_named (workspace, &phase_positions, chart_id, name, position, error);
}

gboolean
ks_raci_phase_rename (KsWorkspace  *workspace,
                      gint64        phase_id,
                      const char   *name,
                      GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return rename_named (workspace, &phase_positions, phase_id, name, error);
}

gboolean
ks_raci_phase_move (KsWorkspace  *workspace,
                    gint64        phase_id,
                    int           position,
                    GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return move_row (workspace, &phase_positions, phase_id, position, _("Move Phase"), error);
}

gboolean
ks_raci_phase_delete (KsWorkspace  *workspace,
                      gint64        phase_id,
                      GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return delete_positioned (workspace, &phase_positions, "DELETE FROM raci_phases WHERE id = ?1",
                            _("Delete Phase"), phase_id, error);
}

gint64
ks_raci_task_add (KsWorkspace  *workspace,
                  gint64        phase_id,
                  const char   *name,
                  int           position,
                  GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  return insert_named (workspace, &task_positions, phase_id, name, position, error);
}

gboolean
ks_raci_task_rename (KsWorkspace  *workspace,
                     gint64        task_id,
                     const char   *name,
                     GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return rename_named (workspace, &task_positions, task_id, name, error);
}

gboolean
ks_raci_task_move (KsWorkspace  *workspace,
                   gint64        task_id,
                   gint64        phase_id,
                   int           position,
                   GError      **error)
{
  gint64 old_phase, old_position, old_chart, new_chart, p;
  KsStmt *stmt;
  gint64 at;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!row_parent (workspace, &task_positions, task_id, &old_phase, &old_position, error) ||
      !row_parent (workspace, &phase_positions, phase_id, &new_chart, &p, error) ||
      !row_parent (workspace, &phase_positions, old_phase, &old_chart, &p, error))
    return FALSE;
  if (old_chart != new_chart)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A task moves only within its own RACI chart"));
      return FALSE;
    }
  if (old_phase == phase_id)
    return move_row (workspace, &task_positions, task_id, position, _("Move Task"), error);

  if (!ks_workspace_begin (workspace, _("Move Task"), error))
    return FALSE;
  if (!shift (workspace, task_positions.close_gap, old_phase, old_position, error) ||
      (at = open_gap (workspace, &task_positions, phase_id, position, error)) < 0 ||
      !(stmt = ks_workspace_prepare (workspace,
                                     "UPDATE raci_tasks SET phase_id = ?2, position = ?3 WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, task_id);
  ks_stmt_bind_int64 (stmt, 2, phase_id);
  ks_stmt_bind_int64 (stmt, 3, at);
  return ks_workspace_step_commit (workspace, stmt, _("move a task"), error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

gboolean
ks_raci_task_delete (KsWorkspace  *workspace,
                     gint64        task_id,
                     GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return delete_positioned (workspace, &task_positions, "DELETE FROM raci_tasks WHERE id = ?1",
                            _("Delete Task"), task_id, error);
}

/* ---- columns and cells ---------------------------------------------------------------- */

gint64
ks_raci_column_add (KsWorkspace  *workspace,
                    gint64        chart_id,
                    gint64        person_id,
                    const char   *role,
                    int           position,
                    GError      **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(KsRaciChart) chart = NULL;
  KsStmt *stmt = NULL;
  gint64 at;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (person_id > 0)
    {
      gint64 n = ks_workspace_query_int (workspace, "SELECT count (*) FROM people WHERE id = ?1", person_id, 0,
                                         _("read the people"), error);
      if (n <= 0)
        {
          if (n == 0)
            g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                         _("There is no person with id %" PRId64), person_id);
          return 0;
        }
    }
  else if (!(trimmed = clean_name (role, _("role"), error)))
    return 0;
  if (!(chart = ks_raci_chart_load (workspace, chart_id, -1, error)))
    return 0;
  for (guint i = 0; i < chart->columns->len; i++)
    {
      KsRaciColumn *c = g_ptr_array_index (chart->columns, i);
      gboolean same;

      if (person_id > 0)
        same = c->person_id == person_id;
      else
        {
          g_autofree char *a = g_utf8_casefold (trimmed, -1);
          g_autofree char *b = c->role ? g_utf8_casefold (c->role, -1) : NULL;
          same = b && g_str_equal (a, b);
        }
      if (same)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” has a column in this chart already"), c->label);
          return 0;
        }
    }

  if (!ks_workspace_begin (workspace, _("Add Column"), error))
    return 0;
  if ((at = open_gap (workspace, &column_positions, chart_id, position, error)) >= 0 &&
      (stmt = ks_workspace_prepare (workspace,
                                    "INSERT INTO raci_columns (chart_id, position, person_id, role)"
                                    " VALUES (?1, ?2, ?3, ?4)",
                                    error)))
    {
      ks_stmt_bind_int64 (stmt, 1, chart_id);
      ks_stmt_bind_int64 (stmt, 2, at);
      ks_bind_id (stmt, 3, person_id > 0 ? person_id : 0);
      ks_bind_text_or_null (stmt, 4, person_id > 0 ? NULL : trimmed);
    }
  return ks_workspace_insert_commit (workspace, stmt, _("add a column"), error);
}

gboolean
ks_raci_column_move (KsWorkspace  *workspace,
                     gint64        column_id,
                     int           position,
                     GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return move_row (workspace, &column_positions, column_id, position, _("Move Column"), error);
}

gboolean
ks_raci_column_set_role (KsWorkspace  *workspace,
                         gint64        column_id,
                         const char   *role,
                         GError      **error)
{
  g_autofree char *trimmed = NULL;
  gint64 kind;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(trimmed = clean_name (role, _("role"), error)))
    return FALSE;
  /* 0: no such column, 1: a role's, 2: a person's */
  kind = ks_workspace_query_int (workspace,
                                 "SELECT CASE WHEN person_id IS NULL THEN 1 ELSE 2 END "
                                 "FROM raci_columns WHERE id = ?1",
                                 column_id, 0, _("read a RACI chart"), error);
  if (kind < 0)
    return FALSE;
  if (kind == 0)
    return ks_raci_not_found (error, _("column"), column_id);
  if (kind == 2)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID, "%s",
                   _("This column is a person's and shows their name; add a role's column to name a role"));
      return FALSE;
    }
  return simple_edit (workspace, _("Rename Role"), "UPDATE raci_columns SET role = ?2 WHERE id = ?1",
                      column_id, trimmed, 0, error);
}

gboolean
ks_raci_column_delete (KsWorkspace  *workspace,
                       gint64        column_id,
                       GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  return delete_positioned (workspace, &column_positions, "DELETE FROM raci_columns WHERE id = ?1",
                            _("Delete Column"), column_id, error);
}

gboolean
ks_raci_cell_set (KsWorkspace  *workspace,
                  gint64        task_id,
                  gint64        column_id,
                  KsRaciLetter  letter,
                  gboolean      main,
                  GError      **error)
{
  gint64 phase, position, task_chart, column_chart, arsci;
  KsStmt *stmt;
  char text[2] = { (char) letter, 0 };

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!row_parent (workspace, &task_positions, task_id, &phase, &position, error) ||
      !row_parent (workspace, &phase_positions, phase, &task_chart, &position, error) ||
      !row_parent (workspace, &column_positions, column_id, &column_chart, &position, error))
    return FALSE;
  if (task_chart != column_chart)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The task and the column belong to different RACI charts"));
      return FALSE;
    }
  if (letter != KS_RACI_EMPTY && !ks_raci_letter_parse ((gunichar) letter, TRUE, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A RACI cell holds R, A, C, I or S"));
      return FALSE;
    }
  if (letter == KS_RACI_S)
    {
      if ((arsci = ks_workspace_query_int (workspace, "SELECT arsci FROM raci_charts WHERE id = ?1", task_chart, 0,
                                           _("read a RACI chart"), error)) < 0)
        return FALSE;
      if (!arsci)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("S (supportive) is used only in an ARSCI chart; switch the chart to ARSCI first"));
          return FALSE;
        }
    }
  if (main && letter != KS_RACI_R)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("Only an R can be the task's main responsible"));
      return FALSE;
    }

  if (!ks_workspace_begin (workspace, letter == KS_RACI_EMPTY ? _("Clear Cell") : _("Set Cell"), error))
    return FALSE;
  if (letter == KS_RACI_EMPTY)
    {
      if (!run_ids (workspace, "DELETE FROM raci_cells WHERE task_id = ?1 AND column_id = ?2",
                    task_id, column_id, _("clear a cell"), error))
        goto fail;
      return ks_workspace_commit (workspace, error);
    }
  if (main && !run_ids (workspace,
                        "UPDATE raci_cells SET main = 0"
                        " WHERE task_id = ?1 AND column_id <> ?2 AND main = 1",
                        task_id, column_id, _("set a cell"), error))
    goto fail;
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_cells (task_id, column_id, letter, main) VALUES (?1, ?2, ?3, ?4)"
                                     " ON CONFLICT (task_id, column_id) DO UPDATE"
                                     " SET letter = excluded.letter, main = excluded.main"
                                     " WHERE raci_cells.letter IS DISTINCT FROM excluded.letter"
                                     "    OR raci_cells.main IS DISTINCT FROM excluded.main",
                                     error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, task_id);
  ks_stmt_bind_int64 (stmt, 2, column_id);
  ks_bind_text (stmt, 3, text);
  ks_stmt_bind_int (stmt, 4, main ? 1 : 0);
  return ks_workspace_step_commit (workspace, stmt, _("set a cell"), error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

/* ---- writing a whole chart ------------------------------------------------------------ */

gint64
ks_raci_chart_write (KsWorkspace        *workspace,
                     const KsRaciChart  *chart,
                     gint64              replace_id,
                     const char         *label,
                     GError            **error)
{
  g_autofree gint64 *phase_ids = NULL;
  g_autofree gint64 *task_ids = NULL;
  g_autofree gint64 *column_ids = NULL;
  g_autofree guint *task_position = NULL;
  g_autofree guint *phase_count = NULL;
  guint nt = chart->tasks->len, nc = chart->columns->len;
  KsStmt *stmt;
  gint64 id = replace_id;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!ks_workspace_begin (workspace, label, error))
    return 0;
  if (replace_id > 0)
    {
      if (!run_ids (workspace, "DELETE FROM raci_phases WHERE chart_id = ?1", replace_id, 0,
                    _("replace a RACI chart"), error) ||
          !run_ids (workspace, "DELETE FROM raci_columns WHERE chart_id = ?1", replace_id, 0,
                    _("replace a RACI chart"), error) ||
          (chart->arsci &&
           !run_ids (workspace, "UPDATE raci_charts SET arsci = 1 WHERE id = ?1 AND arsci = 0", replace_id, 0,
                     _("replace a RACI chart"), error)))
        goto fail;
    }
  else if (!(id = ks_raci_chart_create (workspace, chart->name, chart->scope, chart->account_id,
                                        chart->arsci, error)))
    goto fail;

  phase_ids = g_new0 (gint64, MAX (chart->phases->len, 1));
  phase_count = g_new0 (guint, MAX (chart->phases->len, 1));
  task_ids = g_new0 (gint64, MAX (nt, 1));
  task_position = g_new0 (guint, MAX (nt, 1));
  column_ids = g_new0 (gint64, MAX (nc, 1));

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_phases (chart_id, position, name) VALUES (?1, ?2, ?3)", error)))
    goto fail;
  for (guint i = 0; i < chart->phases->len; i++)
    {
      KsRaciPhase *p = g_ptr_array_index (chart->phases, i);

      ks_stmt_bind_int64 (stmt, 1, id);
      ks_stmt_bind_int64 (stmt, 2, i);
      ks_bind_text (stmt, 3, p->name);
      if (!run (workspace, stmt, _("add a phase"), error))
        goto fail;
      phase_ids[i] = ks_workspace_last_insert_id (workspace);
    }
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_tasks (phase_id, position, name) VALUES (?1, ?2, ?3)", error)))
    goto fail;
  for (guint i = 0; i < nt; i++)
    {
      KsRaciTask *t = g_ptr_array_index (chart->tasks, i);

      ks_stmt_bind_int64 (stmt, 1, phase_ids[t->phase]);
      ks_stmt_bind_int64 (stmt, 2, phase_count[t->phase]++);
      ks_bind_text (stmt, 3, t->name);
      if (!run (workspace, stmt, _("add a task"), error))
        goto fail;
      task_ids[i] = ks_workspace_last_insert_id (workspace);
    }
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_columns (chart_id, position, person_id, role)"
                                     " VALUES (?1, ?2, ?3, ?4)", error)))
    goto fail;
  for (guint i = 0; i < nc; i++)
    {
      KsRaciColumn *c = g_ptr_array_index (chart->columns, i);

      ks_stmt_bind_int64 (stmt, 1, id);
      ks_stmt_bind_int64 (stmt, 2, i);
      ks_bind_id (stmt, 3, c->person_id);
      ks_bind_text_or_null (stmt, 4, c->person_id > 0 ? NULL : c->role);
      if (!run (workspace, stmt, _("add a column"), error))
        goto fail;
      column_ids[i] = ks_workspace_last_insert_id (workspace);
    }
  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO raci_cells (task_id, column_id, letter, main) VALUES (?1, ?2, ?3, ?4)",
                                     error)))
    goto fail;
  for (guint t = 0; t < nt; t++)
    for (guint c = 0; c < nc; c++)
      {
        char text[2] = { (char) ks_raci_chart_get (chart, t, c), 0 };

        if (!text[0])
          continue;
        ks_stmt_bind_int64 (stmt, 1, task_ids[t]);
        ks_stmt_bind_int64 (stmt, 2, column_ids[c]);
        ks_bind_text (stmt, 3, text);
        ks_stmt_bind_int (stmt, 4, chart->main[t * chart->n_sized_columns + c] && text[0] == 'R' ? 1 : 0);
        if (!run (workspace, stmt, _("set a cell"), error))
          goto fail;
      }
  if (!ks_workspace_commit (workspace, error))
    return 0;
  return id;

fail:
  ks_workspace_rollback (workspace);
  return 0;
}
