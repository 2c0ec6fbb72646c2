/* ks-contact-import.c — import an account's contacts and their lines from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are checked and written as they are read, inside one transaction; lines
 * (the contacts file's reports_to, or every row of an influences file) are
 * collected, checked together against the lines already stored (one manager
 * each, no reporting loop, reporting lines only between people) and written
 * at the end. Any error rolls the whole import back.
 */
#define G_LOG_DOMAIN "ks-contact-import"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-contact-import.h"
#include "ks-powermap-types.h"
#include "ks-workspace-private.h"

enum {
  C_NAME, C_TITLE, C_DEPARTMENT, C_REPORTS_TO, C_POWER, C_RELATIONSHIP, C_ATTITUDE, C_OWNER,
  C_ROLES, C_EMAIL, C_PHONE, C_KIND, C_LEVEL, C_LAST_CONTACT,
};
static const char *const contact_columns[] = {
  "name", "title", "department", "reports_to", "decision_power", "relationship", "attitude", "owner",
  "buying_role", "email", "phone", "kind", "level", "last_contact",
};

enum { I_FROM, I_TO, I_KIND, I_STRENGTH };
static const char *const influence_columns[] = { "from", "to", "kind", "strength" };

/* The accepted words for decision power, and the power each means. */
static const char *const power_words[] = { "high", "medium", "low", "1", "2", "3", NULL };
static const KsDecisionPower power_values[] = {
  KS_POWER_HIGH, KS_POWER_MEDIUM, KS_POWER_LOW, KS_POWER_HIGH, KS_POWER_MEDIUM, KS_POWER_LOW,
};

/* A node of the account: stored, or created by this import. */
typedef struct
{
  gint64      id;
  char       *name;
  KsNodeKind  kind;
  guint       line;        /* the row of this import that names it, 0 if none */
} Node;

/* A line the file asks for. */
typedef struct
{
  Node       *from;
  Node       *to;
  KsLineKind  kind;
  gint        strength;    /* 1–3, 0 = keep / none */
  guint       line;
  guint       column;      /* of the cell naming the far end */
} Link;

typedef struct
{
  KsWorkspace    *ws;
  KsImportReport *report;
  KsCsvReader    *reader;
  gint64          account_id;
  char           *account;

  GPtrArray      *nodes;        /* of Node, owned */
  GHashTable     *by_name;      /* name → Node */
  GHashTable     *by_key;       /* match key → Node, the first with that key */
  GHashTable     *people;       /* name → id (gint64 *) */
  GHashTable     *people_keys;  /* match key → id */
  GHashTable     *owner_refs;   /* owner name as written → id (gint64 *), resolved once */
  GArray         *links;        /* of Link */
  GPtrArray      *pending_to;   /* of char *: the reports_to name of each link of the contacts file */

  guint           n_contacts;
  guint           n_lines;
  gboolean        db_failed;
  GError         *db_error;

  KsStmt   *insert_contact;
  KsStmt   *update_contact;
  KsStmt   *insert_person;
} Job;

#define SQL_INSERT_CONTACT \
  "INSERT INTO contacts (account_id, name, title, department, phone, email, kind, power," \
  "  relationship, attitude, level, roles, owner_id, last_contact) " \
  "VALUES (?1, ?2, coalesce (?3, ''), coalesce (?4, ''), coalesce (?5, ''), coalesce (?6, '')," \
  "  coalesce (?7, 'contact'), coalesce (?8, 0), coalesce (?9, 'unknown'), coalesce (?10, 'unknown')," \
  "  coalesce (?11, 'unknown'), coalesce (?12, 0), ?13, ?14)"

/* ?N NULL keeps what is stored. A row it would not change is left alone:
 * importing the same file again moves no version on (others' saves stay
 * valid). */
#define SQL_UPDATE_CONTACT \
  "UPDATE contacts SET version = version + 1, title = coalesce (?3, title), department = coalesce (?4, department)," \
  "  phone = coalesce (?5, phone), email = coalesce (?6, email), kind = coalesce (?7, kind)," \
  "  power = coalesce (?8, power), relationship = coalesce (?9, relationship)," \
  "  attitude = coalesce (?10, attitude), level = coalesce (?11, level), roles = coalesce (?12, roles)," \
  "  owner_id = coalesce (?13, owner_id), last_contact = coalesce (?14, last_contact) " \
  "WHERE id = ?1 AND account_id = ?2 AND (title IS DISTINCT FROM coalesce (?3, title)" \
  "  OR department IS DISTINCT FROM coalesce (?4, department) OR phone IS DISTINCT FROM coalesce (?5, phone)" \
  "  OR email IS DISTINCT FROM coalesce (?6, email) OR kind IS DISTINCT FROM coalesce (?7, kind)" \
  "  OR power IS DISTINCT FROM coalesce (?8, power)" \
  "  OR relationship IS DISTINCT FROM coalesce (?9, relationship)" \
  "  OR attitude IS DISTINCT FROM coalesce (?10, attitude) OR level IS DISTINCT FROM coalesce (?11, level)" \
  "  OR roles IS DISTINCT FROM coalesce (?12, roles) OR owner_id IS DISTINCT FROM coalesce (?13, owner_id)" \
  "  OR last_contact IS DISTINCT FROM coalesce (?14, last_contact))"

static void
node_free (gpointer data)
{
  Node *n = data;

  g_free (n->name);
  g_free (n);
}

static void
job_clear (Job *job)
{
  g_clear_pointer (&job->account, g_free);
  g_clear_pointer (&job->by_name, g_hash_table_unref);
  g_clear_pointer (&job->by_key, g_hash_table_unref);
  g_clear_pointer (&job->nodes, g_ptr_array_unref);
  g_clear_pointer (&job->people, g_hash_table_unref);
  g_clear_pointer (&job->people_keys, g_hash_table_unref);
  g_clear_pointer (&job->owner_refs, g_hash_table_unref);
  g_clear_pointer (&job->links, g_array_unref);
  g_clear_pointer (&job->pending_to, g_ptr_array_unref);
  g_clear_error (&job->db_error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Job, job_clear)

static Node *
node_add (Job        *job,
          const char *name,
          gint64      id,
          KsNodeKind  kind)
{
  Node *n = g_new0 (Node, 1);
  g_autofree char *key = ks_import_match_key (name);

  n->id = id;
  n->name = g_strdup (name);
  n->kind = kind;
  g_ptr_array_add (job->nodes, n);
  g_hash_table_insert (job->by_name, n->name, n);
  if (*key && !g_hash_table_contains (job->by_key, key))
    g_hash_table_insert (job->by_key, g_steal_pointer (&key), n);
  return n;
}

/* A stored or imported node by name: exactly, then by match key. */
static Node *
node_find (Job        *job,
           const char *name,
           gboolean   *by_key)
{
  Node *n = g_hash_table_lookup (job->by_name, name);
  g_autofree char *key = NULL;

  *by_key = FALSE;
  if (n)
    return n;
  key = ks_import_match_key (name);
  if (*key && (n = g_hash_table_lookup (job->by_key, key)))
    *by_key = TRUE;
  return n;
}

static void
db_failed (Job        *job,
           const char *action)
{
  g_autoptr(GError) error = NULL;

  ks_workspace_set_sql_error (job->ws, &error, action);
  if (!job->db_error)
    job->db_error = g_error_copy (error);
  job->db_failed = TRUE;
  ks_csv_reader_error (job->reader, KS_IMPORT_ERROR_VALUE, ks_csv_reader_get_row_line (job->reader), 0,
                       "%s", error->message);
  ks_csv_reader_stop (job->reader);
}

static gboolean
step (Job          *job,
      KsStmt *stmt,
      const char   *action)
{
  int rc = ks_stmt_step (stmt);

  if (rc != KS_STEP_DONE && rc != KS_STEP_ROW)
    {
      db_failed (job, action);
      ks_stmt_reset (stmt);
      return FALSE;
    }
  ks_stmt_reset (stmt);
  return TRUE;
}

/* Loads the account's nodes and our people. */
static gboolean
job_load (Job     *job,
          GError **error)
{
  KsStmt *stmt;
  int rc;

  if (!(stmt = ks_workspace_prepare (job->ws, "SELECT name FROM accounts WHERE id = ?1", error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, job->account_id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    job->account = g_strdup (ks_column_text (stmt, 0));
  ks_stmt_reset (stmt);
  if (!job->account)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no account with id %" PRId64), job->account_id);
      return FALSE;
    }

  if (!(stmt = ks_workspace_prepare (job->ws,
                                     "SELECT id, name, kind FROM contacts WHERE account_id = ?1 ORDER BY id",
                                     error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, job->account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsNodeKind kind = KS_NODE_CONTACT;

      ks_node_kind_from_string (ks_column_text (stmt, 2), &kind);
      node_add (job, ks_column_text (stmt, 1), ks_stmt_column_int64 (stmt, 0), kind);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (job->ws, error, _("read the contacts"));
      return FALSE;
    }

  if (!(stmt = ks_workspace_prepare (job->ws, "SELECT id, name FROM people ORDER BY id", error)))
    return FALSE;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      g_autofree char *key = ks_import_match_key (ks_column_text (stmt, 1));

      *id = ks_stmt_column_int64 (stmt, 0);
      g_hash_table_insert (job->people, g_strdup (ks_column_text (stmt, 1)), id);
      if (*key && !g_hash_table_contains (job->people_keys, key))
        g_hash_table_insert (job->people_keys, g_steal_pointer (&key), g_memdup2 (id, sizeof *id));
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (job->ws, error, _("read the people"));
      return FALSE;
    }
  return TRUE;
}

static void
job_init (Job            *job,
          KsWorkspace    *ws,
          gint64          account_id,
          KsImportReport *report)
{
  memset (job, 0, sizeof *job);
  job->ws = ws;
  job->report = report;
  job->account_id = account_id;
  job->nodes = g_ptr_array_new_with_free_func (node_free);
  job->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  job->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->people_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->owner_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->links = g_array_new (FALSE, TRUE, sizeof (Link));
  job->pending_to = g_ptr_array_new_with_free_func (g_free);
}

/* ---- values ------------------------------------------------------------------ */

static gboolean
match_word (const char         *text,
            const char * const *words,
            guint              *index)
{
  g_autofree char *key = ks_import_match_key (text);

  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *word = ks_import_match_key (words[i]);
      if (g_strcmp0 (key, word) == 0)
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The cell of an enumerated column: -1 when empty, -2 (and an error naming
 * the value and the allowed ones) when not allowed, else the word's index. */
static int
read_word (Job                *job,
           guint               column,
           const char * const *words)
{
  const char *text = ks_csv_reader_value (job->reader, column, NULL);
  g_autofree char *shown = NULL;
  g_autofree char *allowed = NULL;
  guint index;

  if (ks_csv_is_blank (text))
    return -1;
  if (match_word (text, words, &index))
    return index;
  shown = ks_csv_shorten (text);
  allowed = g_strjoinv (", ", (char **) words);
  ks_csv_reader_cell_error (job->reader, column, KS_IMPORT_ERROR_VALUE,
                            _("“%s” in column %s is not one of %s"),
                            shown, ks_csv_reader_column_name (job->reader, column), allowed);
  return -2;
}

/* buying_role: one or several roles separated by ';' or '|'. -1 when empty. */
static gint64
read_roles (Job *job)
{
  const char *text = ks_csv_reader_value (job->reader, C_ROLES, NULL);
  g_auto(GStrv) parts = NULL;
  gint64 roles = 0;

  if (ks_csv_is_blank (text))
    return -1;
  parts = g_strsplit_set (text, ";|", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *part = g_strstrip (parts[i]);
      guint index;

      if (!*part)
        continue;
      if (!match_word (part, ks_buying_role_strings (), &index))
        {
          g_autofree char *shown = ks_csv_shorten (part);
          g_autofree char *allowed = g_strjoinv (", ", (char **) ks_buying_role_strings ());
          ks_csv_reader_cell_error (job->reader, C_ROLES, KS_IMPORT_ERROR_VALUE,
                                    _("“%s” in column %s is not one of %s (separate several with ; or |)"),
                                    shown, contact_columns[C_ROLES], allowed);
          return -2;
        }
      roles |= 1 << index;
    }
  return roles;
}

/* Our person named in the owner cell: exactly, then by match key; else a new
 * person, with a warning, as the CRM import does for sales agents. 0 when the
 * cell is empty, -1 on a database failure. */
static gint64
read_owner (Job *job)
{
  const char *text = ks_csv_reader_value (job->reader, C_OWNER, NULL);
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  gint64 *id;

  if (ks_csv_is_blank (text))
    return 0;
  name = g_strstrip (g_strdup (text));
  if ((id = g_hash_table_lookup (job->people, name)))
    return *id;
  if ((id = g_hash_table_lookup (job->owner_refs, name)))
    return *id;

  key = ks_import_match_key (name);
  if (*key && (id = g_hash_table_lookup (job->people_keys, key)))
    {
      GHashTableIter iter;
      gpointer stored, value;
      g_autofree char *shown = ks_csv_shorten (name);

      /* The stored spelling, for the message. */
      g_hash_table_iter_init (&iter, job->people);
      while (g_hash_table_iter_next (&iter, &stored, &value))
        if (*(gint64 *) value == *id)
          break;
      ks_csv_reader_cell_warning (job->reader, C_OWNER, _("owner “%s” matched to “%s”"),
                                  shown, (const char *) stored);
    }
  else
    {
      g_autofree char *shown = ks_csv_shorten (name);
      gint64 fresh;

      ks_stmt_bind_text (job->insert_person, 1, name);
      if (!step (job, job->insert_person, _("add a person")))
        return -1;
      fresh = ks_workspace_last_insert_id (job->ws);
      g_hash_table_insert (job->people, g_strdup (name), g_memdup2 (&fresh, sizeof fresh));
      if (*key)
        g_hash_table_insert (job->people_keys, g_strdup (key), g_memdup2 (&fresh, sizeof fresh));
      ks_csv_reader_cell_warning (job->reader, C_OWNER,
                                  _("owner “%s” is not among the people; added as a new person"), shown);
      id = g_hash_table_lookup (job->people, name);
    }
  g_hash_table_insert (job->owner_refs, g_strdup (name), g_memdup2 (id, sizeof *id));
  return *id;
}

static void
bind_text_or_null (KsStmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text)
    ks_stmt_bind_text (stmt, index, text);
  else
    ks_stmt_bind_null (stmt, index);
}

/* ---- contacts ------------------------------------------------------------------ */

static void
read_contact (KsCsvReader *r,
              gpointer     data)
{
  Job *job = data;
  const char *cell = ks_csv_reader_required (r, C_NAME);
  g_autofree char *name = NULL;
  const char *last = NULL, *reports_to;
  int power, relationship, attitude, kind, level;
  gint64 roles, owner;
  KsStmt *stmt;
  gboolean by_key;
  Node *n;

  if (!cell)
    return;
  name = g_strstrip (g_strdup (cell));

  power = read_word (job, C_POWER, power_words);
  relationship = read_word (job, C_RELATIONSHIP, ks_relationship_strings ());
  attitude = read_word (job, C_ATTITUDE, ks_attitude_strings ());
  kind = read_word (job, C_KIND, ks_node_kind_strings ());
  level = read_word (job, C_LEVEL, ks_level_strings ());
  roles = read_roles (job);
  if ((last = ks_csv_reader_value (r, C_LAST_CONTACT, NULL)) && !ks_csv_parse_iso_date (last))
    {
      g_autofree char *shown = ks_csv_shorten (last);
      ks_csv_reader_cell_error (r, C_LAST_CONTACT, KS_IMPORT_ERROR_VALUE,
                                _("“%s” in column %s is not a date (use YYYY-MM-DD)"),
                                shown, contact_columns[C_LAST_CONTACT]);
      return;
    }
  if (power == -2 || relationship == -2 || attitude == -2 || kind == -2 || level == -2 || roles == -2)
    return;
  if (ks_csv_reader_failed (r))
    return;   /* the file is refused anyway: save the writes */
  if ((owner = read_owner (job)) < 0)
    return;

  n = node_find (job, name, &by_key);
  if (n && by_key && n->line == 0 && ks_csv_reader_warning_allowed (r))
    {
      g_autofree char *shown = ks_csv_shorten (name);
      ks_import_report_add (job->report, FALSE, ks_csv_reader_get_name (r), ks_csv_reader_get_row_line (r),
                            ks_csv_reader_column (r, C_NAME),
                            _("contact “%s” matched to “%s”"), shown, n->name);
    }
  if (n && n->line && ks_csv_reader_warning_allowed (r))
    {
      g_autofree char *shown = ks_csv_shorten (name);
      ks_import_report_add (job->report, FALSE, ks_csv_reader_get_name (r), ks_csv_reader_get_row_line (r),
                            ks_csv_reader_column (r, C_NAME),
                            _("contact “%s” appears again (first in line %u); the values of this row are used"),
                            shown, n->line);
    }

  stmt = n ? job->update_contact : job->insert_contact;
  if (n)
    ks_stmt_bind_int64 (stmt, 1, n->id);
  else
    ks_stmt_bind_int64 (stmt, 1, job->account_id);
  if (n)
    ks_stmt_bind_int64 (stmt, 2, job->account_id);
  else
    ks_stmt_bind_text (stmt, 2, name);
  bind_text_or_null (stmt, 3, ks_csv_reader_value (r, C_TITLE, NULL));
  bind_text_or_null (stmt, 4, ks_csv_reader_value (r, C_DEPARTMENT, NULL));
  bind_text_or_null (stmt, 5, ks_csv_reader_value (r, C_PHONE, NULL));
  bind_text_or_null (stmt, 6, ks_csv_reader_value (r, C_EMAIL, NULL));
  bind_text_or_null (stmt, 7, kind >= 0 ? ks_node_kind_to_string (kind) : NULL);
  if (power >= 0)
    ks_stmt_bind_int (stmt, 8, power_values[power]);
  else
    ks_stmt_bind_null (stmt, 8);
  bind_text_or_null (stmt, 9, relationship >= 0 ? ks_relationship_to_string (relationship) : NULL);
  bind_text_or_null (stmt, 10, attitude >= 0 ? ks_attitude_to_string (attitude) : NULL);
  bind_text_or_null (stmt, 11, level >= 0 ? ks_level_to_string (level) : NULL);
  if (roles >= 0)
    ks_stmt_bind_int64 (stmt, 12, roles);
  else
    ks_stmt_bind_null (stmt, 12);
  ks_bind_id (stmt, 13, owner);
  bind_text_or_null (stmt, 14, last);
  if (!step (job, stmt, _("save a contact")))
    return;

  if (!n)
    n = node_add (job, name, ks_workspace_last_insert_id (job->ws),
                  kind >= 0 ? (KsNodeKind) kind : KS_NODE_CONTACT);
  else if (kind >= 0)
    n->kind = kind;
  if (n->line == 0)
    job->n_contacts++;
  n->line = ks_csv_reader_get_row_line (r);

  if (!ks_csv_is_blank (reports_to = ks_csv_reader_value (r, C_REPORTS_TO, NULL)))
    {
      /* Resolved once every contact of the file is known. */
      Link link = { n, NULL, KS_LINE_REPORTS_TO, 0, n->line, ks_csv_reader_column (r, C_REPORTS_TO) };

      g_array_append_val (job->links, link);
      g_ptr_array_add (job->pending_to, g_strstrip (g_strdup (reports_to)));
    }
}

/* ---- lines --------------------------------------------------------------------- */

/* Checks the file's lines against each other and the stored ones, then
 * writes them. */
static void
write_links (Job *job)
{
  KsCsvReader *r = job->reader;
  g_autoptr(GHashTable) managers = g_hash_table_new (NULL, NULL);   /* Node → Node it reports to */
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  KsStmt *stmt, *drop, *upsert;
  int rc;

  for (guint i = 0; i < job->nodes->len; i++)
    {
      Node *n = g_ptr_array_index (job->nodes, i);
      g_hash_table_insert (by_id, &n->id, n);
    }

  /* The stored reporting lines, then the file's over them. */
  stmt = ks_workspace_prepare (job->ws,
                               "SELECT from_id, to_id FROM contact_lines"
                               " WHERE account_id = ?1 AND kind = 'reports-to'",
                               NULL);
  if (!stmt)
    {
      db_failed (job, _("read the lines of the power map"));
      return;
    }
  ks_stmt_bind_int64 (stmt, 1, job->account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 from = ks_stmt_column_int64 (stmt, 0), to = ks_stmt_column_int64 (stmt, 1);
      Node *a = g_hash_table_lookup (by_id, &from), *b = g_hash_table_lookup (by_id, &to);

      if (a && b)
        g_hash_table_insert (managers, a, b);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      db_failed (job, _("read the lines of the power map"));
      return;
    }

  for (guint i = 0; i < job->links->len; i++)
    {
      Link *l = &g_array_index (job->links, Link, i);

      ks_csv_reader_set_row_line (r, l->line);
      if (l->kind != KS_LINE_INFLUENCE && (l->from->kind != KS_NODE_CONTACT || l->to->kind != KS_NODE_CONTACT))
        {
          g_autofree char *who = ks_csv_shorten (l->from->kind != KS_NODE_CONTACT ? l->from->name : l->to->name);
          ks_csv_reader_error (r, KS_IMPORT_ERROR_VALUE, l->line, l->column,
                               _("“%s” is a competitor or third party: it can only be linked by an influence line"),
                               who);
          continue;
        }
      if (l->kind == KS_LINE_REPORTS_TO)
        g_hash_table_insert (managers, l->from, l->to);
    }
  if (ks_csv_reader_failed (r))
    return;

  /* No loops: from each new reporting line, walk up the chain. */
  for (guint i = 0; i < job->links->len; i++)
    {
      Link *l = &g_array_index (job->links, Link, i);
      guint steps = 0;

      if (l->kind != KS_LINE_REPORTS_TO || g_hash_table_lookup (managers, l->from) != l->to)
        continue;
      for (Node *up = l->to; up; up = g_hash_table_lookup (managers, up))
        if (up == l->from || ++steps > job->nodes->len)
          {
            g_autofree char *who = ks_csv_shorten (l->from->name);
            g_autofree char *boss = ks_csv_shorten (l->to->name);
            ks_csv_reader_error (r, KS_IMPORT_ERROR_VALUE, l->line, l->column,
                                 _("“%s” cannot report to “%s”: “%s” already reports to “%s”, "
                                   "directly or through others"),
                                 who, boss, boss, who);
            g_hash_table_remove (managers, l->from);   /* one message per loop */
            break;
          }
    }
  if (ks_csv_reader_failed (r))
    return;

  drop = ks_workspace_prepare (job->ws,
                               "DELETE FROM contact_lines WHERE from_id = ?1 AND kind = 'reports-to'"
                               " AND to_id IS DISTINCT FROM ?2",
                               NULL);
  upsert = ks_workspace_prepare (job->ws,
                                 "INSERT INTO contact_lines (account_id, from_id, to_id, kind, strength)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)"
                                 " ON CONFLICT (from_id, to_id, kind) DO UPDATE"
                                 " SET strength = coalesce (excluded.strength, contact_lines.strength)"
                                 " WHERE contact_lines.strength IS DISTINCT FROM"
                                 "  coalesce (excluded.strength, contact_lines.strength)",
                                 NULL);
  if (!drop || !upsert)
    {
      db_failed (job, _("save a line"));
      return;
    }
  for (guint i = 0; i < job->links->len; i++)
    {
      Link *l = &g_array_index (job->links, Link, i);
      gboolean changed = FALSE;

      ks_csv_reader_set_row_line (r, l->line);
      if (l->kind == KS_LINE_REPORTS_TO)
        {
          ks_stmt_bind_int64 (drop, 1, l->from->id);
          ks_stmt_bind_int64 (drop, 2, l->to->id);
          if (!step (job, drop, _("save a line")))
            return;
          changed = ks_workspace_changes (job->ws) > 0;
        }
      ks_stmt_bind_int64 (upsert, 1, job->account_id);
      ks_stmt_bind_int64 (upsert, 2, l->from->id);
      ks_stmt_bind_int64 (upsert, 3, l->to->id);
      ks_stmt_bind_text_static (upsert, 4, ks_line_kind_to_string (l->kind), -1);
      if (l->strength > 0)
        ks_stmt_bind_int (upsert, 5, l->strength);
      else
        ks_stmt_bind_null (upsert, 5);
      if (!step (job, upsert, _("save a line")))
        return;
      if (changed || ks_workspace_changes (job->ws) > 0)
        job->n_lines++;
    }
}

/* The reports_to names of the contacts file, now that all contacts are known. */
static void
resolve_reports_to (Job *job)
{
  KsCsvReader *r = job->reader;
  guint kept = 0;

  for (guint i = 0; i < job->links->len; i++)
    {
      Link *l = &g_array_index (job->links, Link, i);
      const char *name = g_ptr_array_index (job->pending_to, i);
      g_autofree char *shown = ks_csv_shorten (name);
      gboolean by_key;
      Node *to = node_find (job, name, &by_key);

      ks_csv_reader_set_row_line (r, l->line);
      if (!to)
        {
          if (ks_csv_reader_warning_allowed (r))
            ks_import_report_add (job->report, FALSE, ks_csv_reader_get_name (r), l->line, l->column,
                                  _("“%s” in column reports_to is not a contact of “%s”; no line was drawn"),
                                  shown, job->account);
          continue;
        }
      if (to == l->from)
        {
          ks_csv_reader_error (r, KS_IMPORT_ERROR_VALUE, l->line, l->column,
                               _("“%s” cannot report to themselves"), shown);
          continue;
        }
      if (by_key && ks_csv_reader_warning_allowed (r))
        ks_import_report_add (job->report, FALSE, ks_csv_reader_get_name (r), l->line, l->column,
                              _("reports_to “%s” matched to “%s”"), shown, to->name);
      l->to = to;
      g_array_index (job->links, Link, kept++) = *l;
    }
  g_array_set_size (job->links, kept);
}

/* ---- influences ----------------------------------------------------------------- */

static Node *
read_end (Job   *job,
          guint  column)
{
  const char *cell = ks_csv_reader_required (job->reader, column);
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  gboolean by_key;
  Node *n;

  if (!cell)
    return NULL;
  name = g_strstrip (g_strdup (cell));
  shown = ks_csv_shorten (name);
  if (!(n = node_find (job, name, &by_key)))
    {
      ks_csv_reader_cell_error (job->reader, column, KS_IMPORT_ERROR_VALUE,
                                _("“%s” in column %s is not a contact of “%s”"),
                                shown, influence_columns[column], job->account);
      return NULL;
    }
  if (by_key)
    ks_csv_reader_cell_warning (job->reader, column, _("“%s” in column %s matched to “%s”"),
                                shown, influence_columns[column], n->name);
  return n;
}

static void
read_influence (KsCsvReader *r,
                gpointer     data)
{
  Job *job = data;
  Node *from = read_end (job, I_FROM);
  Node *to = read_end (job, I_TO);
  int kind = read_word (job, I_KIND, ks_line_kind_strings ());
  const char *cell = ks_csv_reader_value (r, I_STRENGTH, NULL);
  g_autofree char *strength = cell ? g_strstrip (g_strdup (cell)) : NULL;
  gint64 value = 0;
  Link link;

  if (strength && *strength && !ks_csv_parse_integer (strength, 1, 3, &value))
    {
      g_autofree char *shown = ks_csv_shorten (strength);
      ks_csv_reader_cell_error (r, I_STRENGTH, KS_IMPORT_ERROR_VALUE,
                                _("“%s” in column strength is not one of 1, 2, 3"), shown);
      return;
    }
  if (!from || !to || kind == -2)
    return;
  if (from == to)
    {
      ks_csv_reader_cell_error (r, I_TO, KS_IMPORT_ERROR_VALUE,
                                _("a line cannot join “%s” to itself"), from->name);
      return;
    }

  link = (Link) { from, to, kind >= 0 ? (KsLineKind) kind : KS_LINE_INFLUENCE, (gint) value,
                  ks_csv_reader_get_row_line (r), ks_csv_reader_column (r, I_TO) };

  /* The same line twice, or a second manager: the later row wins. */
  for (guint i = 0; i < job->links->len; i++)
    {
      Link *other = &g_array_index (job->links, Link, i);

      if (other->from == from && other->kind == link.kind &&
          (other->to == to || link.kind == KS_LINE_REPORTS_TO))
        {
          if (ks_csv_reader_warning_allowed (r))
            ks_import_report_add (job->report, FALSE, ks_csv_reader_get_name (r), link.line,
                                  ks_csv_reader_column (r, I_FROM),
                                  _("this line replaces the one in line %u"), other->line);
          g_array_remove_index (job->links, i);
          break;
        }
    }
  g_array_append_val (job->links, link);
}

/* ---- the imports ------------------------------------------------------------------ */

typedef enum
{
  IMPORT_CONTACTS,
  IMPORT_INFLUENCES,
} ImportKind;

static gboolean
run_import (KsWorkspace     *ws,
            const char      *path,
            gint64           account_id,
            KsImportReport  *report,
            ImportKind       what,
            GError         **error)
{
  g_auto(Job) job = { 0 };
  g_autoptr(KsCsvReader) reader = NULL;
  gboolean contacts = what == IMPORT_CONTACTS;
  gint code;

  g_return_val_if_fail (KS_IS_WORKSPACE (ws), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A report describes one import: what an earlier one left goes. */
  ks_import_report_clear (report);
  job_init (&job, ws, account_id, report);

  reader = contacts
    ? ks_csv_reader_open (path, path, contact_columns, G_N_ELEMENTS (contact_columns), 1, report)
    : ks_csv_reader_open (path, path, influence_columns, G_N_ELEMENTS (influence_columns), 2, report);
  if (!reader)
    {
      ks_import_report_add (report, TRUE, path, 0, 0, _("there is no file “%s”"), path);
      ks_import_report_set_error (report, KS_IMPORT_ERROR_IO, NULL, error);
      return FALSE;
    }
  job.reader = reader;
  if (ks_csv_reader_failed (reader))
    {
      ks_import_report_set_error (report, ks_csv_reader_get_error_code (reader), NULL, error);
      return FALSE;
    }

  if (!ks_workspace_begin (ws, contacts ? _("Import contacts") : _("Import lines"), error))
    return FALSE;
  if (!job_load (&job, error) ||
      !(job.insert_contact = ks_workspace_prepare (ws, SQL_INSERT_CONTACT, error)) ||
      !(job.update_contact = ks_workspace_prepare (ws, SQL_UPDATE_CONTACT, error)) ||
      !(job.insert_person = ks_workspace_prepare (ws, "INSERT INTO people (name) VALUES (?1)", error)))
    {
      ks_workspace_rollback (ws);
      return FALSE;
    }

  ks_csv_reader_run (reader, contacts ? read_contact : read_influence, &job);
  if (!ks_csv_reader_failed (reader))
    {
      if (contacts)
        resolve_reports_to (&job);
      if (!ks_csv_reader_failed (reader))
        write_links (&job);
    }
  ks_csv_reader_finish (reader);

  if (ks_csv_reader_failed (reader))
    {
      ks_workspace_rollback (ws);
      code = ks_csv_reader_get_error_code (reader);
      if (job.db_error && report->errors->len == 0)
        g_propagate_error (error, g_steal_pointer (&job.db_error));
      else
        ks_import_report_set_error (report, code >= 0 ? code : KS_IMPORT_ERROR_VALUE, NULL, error);
      return FALSE;
    }
  if (!ks_workspace_commit (ws, error))
    return FALSE;

  report->contacts = job.n_contacts;
  report->lines = job.n_lines;
  return TRUE;
}

/**
 * ks_contacts_import:
 *
 * See ks-contact-import.h. Returns FALSE and sets error (the first entry of
 * report->errors, with FILE:LINE:COLUMN) when the file was refused; then
 * nothing was written.
 */
gboolean
ks_contacts_import (KsWorkspace     *workspace,
                    const char      *path,
                    gint64           account_id,
                    KsImportReport  *report,
                    GError         **error)
{
  return run_import (workspace, path, account_id, report, IMPORT_CONTACTS, error);
}

gboolean
ks_influences_import (KsWorkspace     *workspace,
                      const char      *path,
                      gint64           account_id,
                      KsImportReport  *report,
                      GError         **error)
{
  return run_import (workspace, path, account_id, report, IMPORT_INFLUENCES, error);
}
