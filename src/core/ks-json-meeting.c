/* ks-json-meeting.c — the review meetings of workspace JSON: writing,
 * reading and checking "meetings", and writing them once the plans are in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting is {"title", "date", "attendees": [PERSON], "agenda": [ACCOUNT],
 * "decisions": [{"account": ACCOUNT, "action": N}]}: names for people and
 * accounts, and a decision as the account's plan action it became, N
 * counting that account's "actions" from 1 in the document's order.
 * Decisions are listed by account name and plan order, as the accounts and
 * their actions are, so a document reads back into the same order (the
 * order they were taken in is not kept across an import). The
 * list comes after "raci" and only when the workspace has meetings, so a
 * workspace without any exports as before. Handover documents leave
 * meetings out (an action's source stays behind with the workspace).
 */
#define G_LOG_DOMAIN "ks-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ks-json-private.h"

/* ---- writing a document --------------------------------------------------------- */

static gboolean
export_names (KsWorkspace   *ws,
              KsJsonWriter  *json,
              const char    *key,
              const char    *sql,
              gint64         meeting_id,
              GError       **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws, sql, error);
  int row;

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, meeting_id);
  ks_json_writer_key (json, key);
  ks_json_writer_begin (json, '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    ks_json_writer_string (json, ks_column_text (stmt, 0));
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  ks_json_writer_end (json, ']');
  return TRUE;
}

static gboolean
export_decisions (KsWorkspace   *ws,
                  KsJsonWriter  *json,
                  gint64         meeting_id,
                  GError       **error)
{
  /* The action's rank among its account's actions, in the plan's order
   * (position, id) that the export writes them in. */
  KsStmt *stmt = ks_workspace_prepare (ws,
    "SELECT c.name, (SELECT count (*) FROM plan_actions b"
    "                 WHERE b.account_id = a.account_id"
    "                   AND (b.position < a.position OR (b.position = a.position AND b.id <= a.id)))"
    "  FROM plan_actions a JOIN accounts c ON c.id = a.account_id"
    " WHERE a.meeting_id = ?1 ORDER BY c.name, a.position, a.id", error);
  int row;

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, meeting_id);
  ks_json_writer_key (json, "decisions");
  ks_json_writer_begin (json, '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      ks_json_writer_begin (json, '{');
      ks_json_writer_key (json, "account");
      ks_json_writer_string (json, ks_column_text (stmt, 0));
      ks_json_writer_key (json, "action");
      ks_json_writer_int (json, ks_stmt_column_int64 (stmt, 1));
      ks_json_writer_end (json, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  ks_json_writer_end (json, ']');
  return TRUE;
}

gboolean
ks_json_export_meetings (KsWorkspace   *ws,
                         KsJsonWriter  *json,
                         GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  KsStmt *stmt;
  int row;

  if (!(stmt = ks_workspace_prepare (ws, "SELECT id FROM meetings ORDER BY date, id", error)))
    return FALSE;
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      gint64 id = ks_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  if (ids->len == 0)
    return TRUE;

  ks_json_writer_key (json, "meetings");
  ks_json_writer_begin (json, '[');
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!(stmt = ks_workspace_prepare (ws, "SELECT title, date FROM meetings WHERE id = ?1", error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, id);
      if ((row = ks_json_step_row (ws, stmt, error)) <= 0)
        return FALSE;   /* the row was listed a moment ago, in the same transaction */
      ks_json_writer_begin (json, '{');
      ks_json_writer_key (json, "title");
      ks_json_writer_string (json, ks_column_text (stmt, 0));
      ks_json_writer_key (json, "date");
      ks_json_writer_string (json, ks_column_text (stmt, 1));
      ks_stmt_reset (stmt);
      if (!export_names (ws, json, "attendees",
                         "SELECT p.name FROM meeting_attendees a JOIN people p ON p.id = a.person_id"
                         " WHERE a.meeting_id = ?1 ORDER BY a.position, a.id", id, error) ||
          !export_names (ws, json, "agenda",
                         "SELECT c.name FROM meeting_agenda a JOIN accounts c ON c.id = a.account_id"
                         " WHERE a.meeting_id = ?1 ORDER BY a.position, a.id", id, error) ||
          !export_decisions (ws, json, id, error))
        return FALSE;
      ks_json_writer_end (json, '}');
    }
  ks_json_writer_end (json, ']');
  return TRUE;
}

/* ---- reading a document --------------------------------------------------------- */

/* A list of names each in @index (people or accounts), none twice. */
static gboolean
read_names (Import      *im,
            JsonObject  *object,
            const char  *member,
            GHashTable  *index,
            const char  *title,
            guint        i,
            GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, title, i,
                    _("“%s” must be a list of names"), member);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint k = 0; k < json_array_get_length (array); k++)
    {
      JsonNode *element = json_array_get_element (array, k);
      const char *name;

      if (!ks_json_holds_type (element, G_TYPE_STRING))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, title, i,
                        _("“%s” must be a list of names"), member);
          return FALSE;
        }
      name = json_node_get_string (element);
      if (!g_hash_table_contains (index, name))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, title, i,
                        strcmp (member, "attendees") == 0
                          ? _("the attendee “%s” is not among the “people”")
                          : _("the account “%s” is not among the “accounts”"),
                        name);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) name))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, title, i,
                        _("“%s” lists “%s” twice"), member, name);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
ks_json_read_meetings (Import      *im,
                       JsonObject  *root,
                       GError     **error)
{
  JsonArray *array;

  if (!ks_json_get_array (im, root, "meetings", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *title, *date;
      JsonArray *decisions;

      if (!ks_json_read_name (im, object, "title", &title, SUBJECT_NONE, i, error) ||
          !ks_json_read_string (im, object, "date", FALSE, &date, SUBJECT_NONE, title, i, error))
        return FALSE;
      if (!ks_json_is_iso_date (date))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, title, i,
                        _("“date” must be a real date as YYYY-MM-DD"));
          return FALSE;
        }
      if (!read_names (im, object, "attendees", im->person_index, title, i, error) ||
          !read_names (im, object, "agenda", im->account_index, title, i, error) ||
          !ks_json_get_array (im, object, "decisions", &decisions, SUBJECT_NONE, title, i, error))
        return FALSE;
      for (guint d = 0; decisions && d < json_array_get_length (decisions); d++)
        {
          JsonObject *decision = json_array_get_object_element (decisions, d);
          const char *account;
          gint64 action;

          if (!ks_json_read_name (im, decision, "account", &account, SUBJECT_NONE, d, error) ||
              !ks_json_read_count (im, decision, "action", G_MAXINT32, &action, SUBJECT_NONE, account, d, error))
            return FALSE;
          if (!g_hash_table_contains (im->account_index, account))
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, decision, SUBJECT_NONE, account, d,
                            _("the account “%s” is not among the “accounts”"), account);
              return FALSE;
            }
          if (action < 1)
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, decision, SUBJECT_NONE, account, d,
                            _("“action” must count the account’s actions from 1"));
              return FALSE;
            }
        }
    }
  im->meetings = array;
  return TRUE;
}

/* ---- writing the workspace ------------------------------------------------------ */

static gint64
account_id (Import     *im,
            const char *name)
{
  guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (im->account_index, name));

  g_assert (slot > 0);   /* checked while reading */
  return g_array_index (im->accounts, Account, slot - 1).id;
}

static gboolean
write_names (KsWorkspace  *ws,
             Import       *im,
             JsonObject   *object,
             gint64        meeting_id,
             gboolean      people,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, people ? "attendees" : "agenda");
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint k = 0; array && k < json_array_get_length (array); k++)
    {
      const char *name = json_array_get_string_element (array, k);
      KsStmt *stmt = ks_workspace_prepare (ws,
        people ? "INSERT INTO meeting_attendees (meeting_id, position, person_id) VALUES (?1, ?2, ?3)"
               : "INSERT INTO meeting_agenda (meeting_id, position, account_id) VALUES (?1, ?2, ?3)",
        error);

      if (!stmt)
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, meeting_id);
      ks_stmt_bind_int64 (stmt, 2, (gint64) k + 1);
      ks_stmt_bind_int64 (stmt, 3, people ? ks_json_person_id (im, name) : account_id (im, name));
      if (!ks_workspace_step_done (ws, stmt, _("import a meeting"), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ks_json_write_meetings (KsWorkspace  *ws,
                        Import       *im,
                        GError      **error)
{
  if (!ks_workspace_exec (ws, "DELETE FROM meetings", error))
    return FALSE;
  for (guint i = 0; im->meetings && i < json_array_get_length (im->meetings); i++)
    {
      JsonObject *object = json_array_get_object_element (im->meetings, i);
      JsonNode *node = json_object_get_member (object, "decisions");
      JsonArray *decisions = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      g_autofree char *title = g_strstrip (g_strdup (json_object_get_string_member (object, "title")));
      KsStmt *stmt = ks_workspace_prepare (ws, "INSERT INTO meetings (title, date) VALUES (?1, ?2)", error);
      gint64 id;

      if (!stmt)
        return FALSE;
      ks_bind_text (stmt, 1, title);
      ks_bind_text (stmt, 2, json_object_get_string_member (object, "date"));
      if (!ks_workspace_step_done (ws, stmt, _("import a meeting"), error))
        return FALSE;
      id = ks_workspace_last_insert_id (ws);
      if (!write_names (ws, im, object, id, TRUE, error) ||
          !write_names (ws, im, object, id, FALSE, error))
        return FALSE;
      for (guint d = 0; decisions && d < json_array_get_length (decisions); d++)
        {
          JsonObject *decision = json_array_get_object_element (decisions, d);
          const char *account = json_object_get_string_member (decision, "account");
          gint64 action = json_object_get_int_member (decision, "action");

          /* The plans are in: the account's actions hold positions 1 … n. */
          stmt = ks_workspace_prepare (ws,
                                       "UPDATE plan_actions SET version = version + 1, meeting_id = ?3"
                                       " WHERE account_id = ?1 AND position = ?2", error);
          if (!stmt)
            return FALSE;
          ks_stmt_bind_int64 (stmt, 1, account_id (im, account));
          ks_stmt_bind_int64 (stmt, 2, action);
          ks_stmt_bind_int64 (stmt, 3, id);
          if (!ks_workspace_step_done (ws, stmt, _("import a meeting’s decision"), error))
            return FALSE;
          if (ks_workspace_changes (ws) != 1)
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, decision, SUBJECT_NONE, account, d,
                            _("the account “%s” has no action %" PRId64 " in its plan"),
                            account, action);
              return FALSE;
            }
        }
    }
  return TRUE;
}
