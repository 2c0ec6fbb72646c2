/* ks-meeting.c — review meetings: agenda, attendees, decisions as plan actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ks-abc.h"
#include "ks-due-date.h"
#include "ks-meeting.h"
#include "ks-plan.h"
#include "ks-workspace-private.h"

/* ---- values ------------------------------------------------------------------ */

KsMeeting *
ks_meeting_new (const char *title,
                const char *date)
{
  KsMeeting *meeting = g_new0 (KsMeeting, 1);

  meeting->title = g_strdup (title ? title : "");
  meeting->date = g_strdup (date ? date : "");
  meeting->attendee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  meeting->attendees = g_ptr_array_new_with_free_func (g_free);
  meeting->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  meeting->accounts = g_ptr_array_new_with_free_func (g_free);
  return meeting;
}

void
ks_meeting_free (KsMeeting *meeting)
{
  if (!meeting)
    return;
  g_free (meeting->title);
  g_free (meeting->date);
  g_array_unref (meeting->attendee_ids);
  g_ptr_array_unref (meeting->attendees);
  g_array_unref (meeting->account_ids);
  g_ptr_array_unref (meeting->accounts);
  g_free (meeting);
}

void
ks_meeting_decision_free (KsMeetingDecision *decision)
{
  if (!decision)
    return;
  g_free (decision->account);
  g_free (decision->text);
  g_free (decision->owner);
  g_free (decision->due);
  g_free (decision->status);
  g_free (decision);
}

/* ---- checks ------------------------------------------------------------------ */

/* A title trimmed, one line, not empty; NULL with @error set otherwise. */
static char *
clean_title (const char  *title,
             GError     **error)
{
  g_autofree char *clean = NULL;

  if (!title || !g_utf8_validate (title, -1, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A meeting’s title must be text"));
      return NULL;
    }
  clean = g_strstrip (g_strdup (title));
  g_strdelimit (clean, "\r\n\t", ' ');
  if (*clean == '\0')
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A meeting needs a title"));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  GDate d;

  if (!ks_due_date_from_iso (date, &d))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The meeting date “%s” is not a real date as YYYY-MM-DD"), date ? date : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
meeting_exists (KsWorkspace  *workspace,
                gint64        id,
                GError      **error)
{
  gint64 found = ks_workspace_query_int (workspace, "SELECT count (*) FROM meetings WHERE id = ?1",
                                         id, 0, _("look up the meeting"), error);

  if (found < 0)
    return FALSE;
  if (found == 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no meeting with the id %" PRId64), id);
      return FALSE;
    }
  return TRUE;
}

/* Every id names a row of people (or accounts) and none is listed twice. */
static gboolean
check_ids (KsWorkspace   *workspace,
           const gint64  *ids,
           guint          n,
           gboolean       people,
           GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  const char *sql = people ? "SELECT count (*) FROM people WHERE id = ?1"
                           : "SELECT count (*) FROM accounts WHERE id = ?1";

  for (guint i = 0; i < n; i++)
    {
      gint64 found = ks_workspace_query_int (workspace, sql, ids[i], 0,
                                             people ? _("look up an attendee")
                                                    : _("look up an agenda account"),
                                             error);
      if (found < 0)
        return FALSE;
      if (found == 0)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       people ? _("There is no person with the id %" PRId64 " to attend the meeting")
                              : _("There is no account with the id %" PRId64 " to put on the agenda"),
                       ids[i]);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) &ids[i]))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       people ? _("An attendee is listed twice (person id %" PRId64 ")")
                              : _("An account is on the agenda twice (account id %" PRId64 ")"),
                       ids[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- reading ----------------------------------------------------------------- */

/* Fills the attendees or the agenda of @meeting, ids and names, in order. */
static gboolean
load_members (KsWorkspace  *workspace,
              KsMeeting    *meeting,
              gboolean      people,
              GError      **error)
{
  const char *sql = people
    ? "SELECT a.person_id, p.name FROM meeting_attendees a JOIN people p ON p.id = a.person_id"
      " WHERE a.meeting_id = ?1 ORDER BY a.position, a.id"
    : "SELECT a.account_id, c.name FROM meeting_agenda a JOIN accounts c ON c.id = a.account_id"
      " WHERE a.meeting_id = ?1 ORDER BY a.position, a.id";
  GArray *ids = people ? meeting->attendee_ids : meeting->account_ids;
  GPtrArray *names = people ? meeting->attendees : meeting->accounts;
  KsStmt *stmt = ks_workspace_prepare (workspace, sql, error);
  int rc;

  if (!stmt)
    return FALSE;
  g_array_set_size (ids, 0);
  g_ptr_array_set_size (names, 0);
  ks_stmt_bind_int64 (stmt, 1, meeting->id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 id = ks_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup (ks_column_text (stmt, 1)));
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, people ? _("read the meeting’s attendees")
                                                           : _("read the meeting’s agenda"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_details (KsWorkspace  *workspace,
              KsMeeting    *meeting,
              GError      **error)
{
  gint64 n;

  if (!load_members (workspace, meeting, TRUE, error) ||
      !load_members (workspace, meeting, FALSE, error))
    return FALSE;
  n = ks_workspace_query_int (workspace, "SELECT count (*) FROM plan_actions WHERE meeting_id = ?1",
                              meeting->id, 0, _("count the meeting’s decisions"), error);
  if (n < 0)
    return FALSE;
  meeting->n_decisions = (guint) n;
  return TRUE;
}

GPtrArray *
ks_meeting_list (KsWorkspace  *workspace,
                 GError      **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_meeting_free);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace, "SELECT id, title, date FROM meetings ORDER BY date DESC, id DESC", error);
  if (!stmt)
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsMeeting *m = ks_meeting_new (ks_column_text (stmt, 1), ks_column_text (stmt, 2));

      m->id = ks_stmt_column_int64 (stmt, 0);
      g_ptr_array_add (meetings, m);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("list the meetings"));
      return NULL;
    }
  for (guint i = 0; i < meetings->len; i++)
    if (!load_details (workspace, g_ptr_array_index (meetings, i), error))
      return NULL;
  return g_steal_pointer (&meetings);
}

KsMeeting *
ks_meeting_load (KsWorkspace  *workspace,
                 gint64        id,
                 GError      **error)
{
  g_autoptr(KsMeeting) meeting = NULL;
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace, "SELECT title, date FROM meetings WHERE id = ?1", error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      meeting = ks_meeting_new (ks_column_text (stmt, 0), ks_column_text (stmt, 1));
      meeting->id = id;
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the meeting"));
      return NULL;
    }
  if (!meeting)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no meeting with the id %" PRId64), id);
      return NULL;
    }
  if (!load_details (workspace, meeting, error))
    return NULL;
  return g_steal_pointer (&meeting);
}

/* ---- writing ----------------------------------------------------------------- */

/* Replaces the attendees (or the agenda) of meeting @id; inside a transaction. */
static gboolean
write_members (KsWorkspace   *workspace,
               gint64         id,
               const gint64  *ids,
               guint          n,
               gboolean       people,
               GError       **error)
{
  KsStmt *stmt;

  if (!check_ids (workspace, ids, n, people, error))
    return FALSE;
  stmt = ks_workspace_prepare (workspace, people ? "DELETE FROM meeting_attendees WHERE meeting_id = ?1"
                                                 : "DELETE FROM meeting_agenda WHERE meeting_id = ?1",
                               error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("change the meeting"), error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      stmt = ks_workspace_prepare (workspace,
                                   people ? "INSERT INTO meeting_attendees (meeting_id, position, person_id) VALUES (?1, ?2, ?3)"
                                          : "INSERT INTO meeting_agenda (meeting_id, position, account_id) VALUES (?1, ?2, ?3)",
                                   error);
      if (!stmt)
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, id);
      ks_stmt_bind_int64 (stmt, 2, (gint64) i + 1);
      ks_stmt_bind_int64 (stmt, 3, ids[i]);
      if (!ks_workspace_step_done (workspace, stmt, _("change the meeting"), error))
        return FALSE;
    }
  return TRUE;
}

gint64
ks_meeting_create (KsWorkspace      *workspace,
                   const KsMeeting  *meeting,
                   GError          **error)
{
  g_autofree char *title = NULL;
  KsStmt *stmt;
  gint64 id;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);
  g_return_val_if_fail (meeting != NULL, 0);

  if (!(title = clean_title (meeting->title, error)) || !check_date (meeting->date, error))
    return 0;
  if (!ks_workspace_begin (workspace, _("New Meeting"), error))
    return 0;
  stmt = ks_workspace_prepare (workspace, "INSERT INTO meetings (title, date) VALUES (?1, ?2)", error);
  if (!stmt)
    goto fail;
  ks_bind_text (stmt, 1, title);
  ks_bind_text (stmt, 2, meeting->date);
  if (!ks_workspace_step_done (workspace, stmt, _("add the meeting"), error))
    goto fail;
  id = ks_workspace_last_insert_id (workspace);
  if (!write_members (workspace, id, (const gint64 *) meeting->attendee_ids->data,
                      meeting->attendee_ids->len, TRUE, error) ||
      !write_members (workspace, id, (const gint64 *) meeting->account_ids->data,
                      meeting->account_ids->len, FALSE, error) ||
      !ks_workspace_commit (workspace, error))
    goto fail;
  return id;

fail:
  ks_workspace_rollback (workspace);
  return 0;
}

/* One UPDATE of an existing meeting's column as its own user action. */
static gboolean
update_meeting (KsWorkspace  *workspace,
                gint64        id,
                const char   *label,
                const char   *sql,
                const char   *value,
                GError      **error)
{
  KsStmt *stmt;

  if (!ks_workspace_begin (workspace, label, error))
    return FALSE;
  if (!meeting_exists (workspace, id, error) ||
      !(stmt = ks_workspace_prepare (workspace, sql, error)))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  ks_stmt_bind_int64 (stmt, 1, id);
  ks_bind_text (stmt, 2, value);
  return ks_workspace_step_commit (workspace, stmt, _("change the meeting"), error);
}

gboolean
ks_meeting_rename (KsWorkspace  *workspace,
                   gint64        id,
                   const char   *title,
                   GError      **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!(clean = clean_title (title, error)))
    return FALSE;
  return update_meeting (workspace, id, _("Rename Meeting"),
                         "UPDATE meetings SET title = ?2 WHERE id = ?1", clean, error);
}

gboolean
ks_meeting_set_date (KsWorkspace  *workspace,
                     gint64        id,
                     const char   *date,
                     GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!check_date (date, error))
    return FALSE;
  return update_meeting (workspace, id, _("Change Meeting Date"),
                         "UPDATE meetings SET date = ?2 WHERE id = ?1", date, error);
}

gboolean
ks_meeting_delete (KsWorkspace  *workspace,
                   gint64        id,
                   GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Delete Meeting"), error))
    return FALSE;
  if (!meeting_exists (workspace, id, error) ||
      !(stmt = ks_workspace_prepare (workspace, "DELETE FROM meetings WHERE id = ?1", error)))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  ks_stmt_bind_int64 (stmt, 1, id);
  return ks_workspace_step_commit (workspace, stmt, _("delete the meeting"), error);
}

static gboolean
set_members (KsWorkspace   *workspace,
             gint64         id,
             const gint64  *ids,
             guint          n,
             gboolean       people,
             GError       **error)
{
  if (!ks_workspace_begin (workspace, people ? _("Change Attendees") : _("Change Agenda"), error))
    return FALSE;
  if (!meeting_exists (workspace, id, error) ||
      !write_members (workspace, id, ids, n, people, error) ||
      !ks_workspace_commit (workspace, error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_meeting_set_agenda (KsWorkspace   *workspace,
                       gint64         id,
                       const gint64  *account_ids,
                       guint          n_accounts,
                       GError       **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (account_ids != NULL || n_accounts == 0, FALSE);

  return set_members (workspace, id, account_ids, n_accounts, FALSE, error);
}

gboolean
ks_meeting_set_attendees (KsWorkspace   *workspace,
                          gint64         id,
                          const gint64  *person_ids,
                          guint          n_people,
                          GError       **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (person_ids != NULL || n_people == 0, FALSE);

  return set_members (workspace, id, person_ids, n_people, TRUE, error);
}

/* ---- picking the agenda ------------------------------------------------------- */

/* The ids of @owner_id's accounts, as a set. */
static GHashTable *
owned_accounts (KsWorkspace  *workspace,
                gint64        owner_id,
                GError      **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  KsStmt *stmt = ks_workspace_prepare (workspace, "SELECT id FROM accounts WHERE owner_id = ?1", error);
  int rc;

  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, owner_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_hash_table_add (set, g_memdup2 (&(gint64) { ks_stmt_column_int64 (stmt, 0) }, sizeof (gint64)));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the owner’s accounts"));
      return NULL;
    }
  return g_steal_pointer (&set);
}

GArray *
ks_meeting_pick_accounts (KsWorkspace          *workspace,
                          const KsAgendaFilter *filter,
                          GError              **error)
{
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KsAbcReport) abc = NULL;
  g_autoptr(GHashTable) owned = NULL;
  g_autoptr(GHashTable) selected = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!(abc = ks_abc_report_load (workspace, -1, -1, error)))   /* all years */
    return NULL;
  if (filter->owner_id && !(owned = owned_accounts (workspace, filter->owner_id, error)))
    return NULL;

  if (filter->selection)
    {
      /* The selection's order; the report knows every account. */
      selected = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < filter->n_selection; i++)
        {
          const gint64 *id = &filter->selection[i];
          const KsAbcRow *row = ks_abc_report_find (abc, *id);

          if (!row || !g_hash_table_add (selected, (gpointer) id))
            continue;
          if (filter->a_class_only && row->klass != KS_ABC_A)
            continue;
          if (owned && !g_hash_table_contains (owned, id))
            continue;
          g_array_append_val (picked, *id);
        }
      return g_steal_pointer (&picked);
    }

  for (guint i = 0; i < abc->rows->len; i++)
    {
      const KsAbcRow *row = &g_array_index (abc->rows, KsAbcRow, i);

      if (filter->a_class_only && row->klass != KS_ABC_A)
        continue;
      if (owned && !g_hash_table_contains (owned, &row->id))
        continue;
      g_array_append_val (picked, row->id);
    }
  return g_steal_pointer (&picked);
}

/* ---- decisions --------------------------------------------------------------- */

static void
set_text (KsPlanValue *value,
          const char  *text)
{
  g_free (value->text);
  value->text = g_strdup (text);
}

gint64
ks_meeting_add_decision (KsWorkspace  *workspace,
                         gint64        meeting_id,
                         gint64        account_id,
                         const char   *text,
                         gint64        owner_id,
                         const char   *due,
                         GError      **error)
{
  const KsPlanListInfo *info = ks_plan_list_info (KS_PLAN_ACTIONS);
  g_autofree char *clean = NULL;
  KsPlanValue *values = NULL;
  KsStmt *stmt;
  GDate d;
  gint64 found, action_id = 0;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  if (!text || !g_utf8_validate (text, -1, NULL) ||
      *(clean = g_strstrip (g_strdup (text))) == '\0')
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A decision needs a text saying what was decided"));
      return 0;
    }
  g_strdelimit (clean, "\r\n\t", ' ');
  if (due && *due && !ks_due_date_from_iso (due, &d))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The decision’s due date “%s” is not a real date as YYYY-MM-DD"), due);
      return 0;
    }

  if (!ks_workspace_begin (workspace, _("Add Decision"), error))
    return 0;
  if (!meeting_exists (workspace, meeting_id, error))
    goto out;
  found = ks_workspace_query_int (workspace, "SELECT count (*) FROM accounts WHERE id = ?1",
                                  account_id, 0, _("look up the account"), error);
  if (found == 0)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                 _("There is no account with the id %" PRId64 " to take a decision on"),
                 account_id);
  if (found <= 0)
    goto out;
  if (owner_id)
    {
      found = ks_workspace_query_int (workspace, "SELECT count (*) FROM people WHERE id = ?1",
                                      owner_id, 0, _("look up the owner"), error);
      if (found == 0)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("There is no person with the id %" PRId64 " to own the decision"),
                     owner_id);
      if (found <= 0)
        goto out;
    }

  values = g_new0 (KsPlanValue, info->n_fields);
  for (guint i = 0; i < info->n_fields; i++)
    ks_plan_value_init (&values[i]);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const char *key = info->fields[i].key;

      if (strcmp (key, "action") == 0)
        set_text (&values[i], clean);
      else if (strcmp (key, "owner") == 0)
        values[i].id = owner_id;
      else if (strcmp (key, "due") == 0 && due)
        set_text (&values[i], due);
      else if (strcmp (key, "status") == 0)
        set_text (&values[i], "open");
    }
  action_id = ks_plan_add_item (workspace, account_id, KS_PLAN_ACTIONS, values, error);
  if (!action_id)
    goto out;
  stmt = ks_workspace_prepare (workspace, "UPDATE plan_actions SET version = version + 1, meeting_id = ?2 WHERE id = ?1", error);
  if (!stmt)
    {
      action_id = 0;
      goto out;
    }
  ks_stmt_bind_int64 (stmt, 1, action_id);
  ks_stmt_bind_int64 (stmt, 2, meeting_id);
  if (!ks_workspace_step_done (workspace, stmt, _("note the decision’s meeting"), error) ||
      !ks_workspace_commit (workspace, error))
    action_id = 0;

out:
  if (!action_id)
    ks_workspace_rollback (workspace);
  if (values)
    {
      for (guint i = 0; i < info->n_fields; i++)
        ks_plan_value_clear (&values[i]);
      g_free (values);
    }
  return action_id;
}

GPtrArray *
ks_meeting_decisions (KsWorkspace  *workspace,
                      gint64        meeting_id,
                      GError      **error)
{
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_meeting_decision_free);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace,
                               "SELECT a.id, a.account_id, c.name, a.action, a.owner, p.name, a.due, a.status"
                               " FROM plan_actions a JOIN accounts c ON c.id = a.account_id"
                               " LEFT JOIN people p ON p.id = a.owner"
                               " WHERE a.meeting_id = ?1 ORDER BY a.id",
                               error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, meeting_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsMeetingDecision *d = g_new0 (KsMeetingDecision, 1);

      d->action_id = ks_stmt_column_int64 (stmt, 0);
      d->account_id = ks_stmt_column_int64 (stmt, 1);
      d->account = g_strdup (ks_column_text (stmt, 2));
      d->text = g_strdup (ks_column_text (stmt, 3));
      d->owner_id = ks_stmt_column_int64 (stmt, 4);
      d->owner = g_strdup (ks_column_text (stmt, 5));
      d->due = g_strdup (ks_column_text (stmt, 6));
      d->status = g_strdup (ks_column_text (stmt, 7));
      g_ptr_array_add (decisions, d);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the meeting’s decisions"));
      return NULL;
    }
  return g_steal_pointer (&decisions);
}

gint64
ks_meeting_action_source (KsWorkspace  *workspace,
                          gint64        action_id,
                          GError      **error)
{
  gint64 id;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);

  id = ks_workspace_query_int (workspace, "SELECT coalesce (meeting_id, 0) FROM plan_actions WHERE id = ?1",
                               action_id, 0, _("look up the action’s meeting"), error);
  return id < 0 ? 0 : id;
}
