/* ks-team-member.c — one person in one account's team (core or extended, with a role)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-team-member"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "ks-team-member.h"
#include "ks-workspace-private.h"

struct _KsTeamMember
{
  GObject   parent_instance;

  gint64    id;
  gint64    account_id;
  gint64    person_id;
  char     *account_name;
  char     *person_name;
  char     *person_title;
  gboolean  core;
  char     *role;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_PERSON_ID,
  PROP_ACCOUNT_NAME,
  PROP_PERSON_NAME,
  PROP_PERSON_TITLE,
  PROP_CORE,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsTeamMember, ks_team_member, G_TYPE_OBJECT)

#define SELECT_MEMBER \
  "SELECT t.id, t.account_id, t.person_id, a.name, p.name, p.title, t.core, t.role" \
  "  FROM account_team t" \
  "  JOIN accounts a ON a.id = t.account_id" \
  "  JOIN people p ON p.id = t.person_id "

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  return TRUE;
}

static KsTeamMember *
member_from_row (KsStmt *stmt)
{
  KsTeamMember *self = g_object_new (KS_TYPE_TEAM_MEMBER, NULL);

  self->id = ks_stmt_column_int64 (stmt, 0);
  self->account_id = ks_stmt_column_int64 (stmt, 1);
  self->person_id = ks_stmt_column_int64 (stmt, 2);
  set_string (&self->account_name, ks_column_text (stmt, 3));
  set_string (&self->person_name, ks_column_text (stmt, 4));
  set_string (&self->person_title, ks_column_text (stmt, 5));
  self->core = ks_stmt_column_int (stmt, 6) != 0;
  set_string (&self->role, ks_column_text (stmt, 7));
  return self;
}

static GListModel *
list_members (KsWorkspace  *workspace,
              const char   *sql,
              gint64        id,
              GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (KS_TYPE_TEAM_MEMBER);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  KsStmt *stmt;
  int rc;

  if (!(stmt = ks_workspace_prepare (workspace, sql, error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_ptr_array_add (items, member_from_row (stmt));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the account team"));
      return NULL;
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The names of the person and the account, for messages; empty when unknown. */
static void
lookup_names (KsWorkspace  *workspace,
              gint64        account_id,
              gint64        person_id,
              char        **account_name,
              char        **person_name)
{
  KsStmt *stmt;

  stmt = ks_workspace_prepare (workspace,
                               "SELECT (SELECT name FROM accounts WHERE id = ?1),"
                               "       (SELECT name FROM people WHERE id = ?2)",
                               NULL);
  if (stmt)
    {
      ks_stmt_bind_int64 (stmt, 1, account_id);
      ks_stmt_bind_int64 (stmt, 2, person_id);
      if (ks_stmt_step (stmt) == KS_STEP_ROW)
        {
          *account_name = g_strdup (ks_column_text (stmt, 0));
          *person_name = g_strdup (ks_column_text (stmt, 1));
        }
      ks_stmt_reset (stmt);
    }
  if (!*account_name)
    *account_name = g_strdup ("");
  if (!*person_name)
    *person_name = g_strdup ("");
}

static void
ks_team_member_finalize (GObject *object)
{
  KsTeamMember *self = KS_TEAM_MEMBER (object);

  g_free (self->account_name);
  g_free (self->person_name);
  g_free (self->person_title);
  g_free (self->role);

  G_OBJECT_CLASS (ks_team_member_parent_class)->finalize (object);
}

static void
ks_team_member_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KsTeamMember *self = KS_TEAM_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_ACCOUNT_ID: g_value_set_int64 (value, self->account_id); break;
    case PROP_PERSON_ID: g_value_set_int64 (value, self->person_id); break;
    case PROP_ACCOUNT_NAME: g_value_set_string (value, self->account_name); break;
    case PROP_PERSON_NAME: g_value_set_string (value, self->person_name); break;
    case PROP_PERSON_TITLE: g_value_set_string (value, self->person_title); break;
    case PROP_CORE: g_value_set_boolean (value, self->core); break;
    case PROP_ROLE: g_value_set_string (value, self->role); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_team_member_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KsTeamMember *self = KS_TEAM_MEMBER (object);

  switch (prop_id)
    {
    case PROP_CORE: ks_team_member_set_core (self, g_value_get_boolean (value)); break;
    case PROP_ROLE: ks_team_member_set_role (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_team_member_class_init (KsTeamMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ks_team_member_finalize;
  object_class->get_property = ks_team_member_get_property;
  object_class->set_property = ks_team_member_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PERSON_ID] = g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, "", ro);
  properties[PROP_PERSON_NAME] = g_param_spec_string ("person-name", NULL, NULL, "", ro);
  properties[PROP_PERSON_TITLE] = g_param_spec_string ("person-title", NULL, NULL, "", ro);
  properties[PROP_CORE] = g_param_spec_boolean ("core", NULL, NULL, TRUE, rw);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ks_team_member_init (KsTeamMember *self)
{
  self->account_name = g_strdup ("");
  self->person_name = g_strdup ("");
  self->person_title = g_strdup ("");
  self->role = g_strdup ("");
  self->core = TRUE;
}

/**
 * ks_team_member_new:
 *
 * Returns: (transfer full): a core team member with no role, not yet saved
 */
KsTeamMember *
ks_team_member_new (gint64 account_id,
                    gint64 person_id)
{
  KsTeamMember *self = g_object_new (KS_TYPE_TEAM_MEMBER, NULL);

  self->account_id = MAX (account_id, 0);
  self->person_id = MAX (person_id, 0);
  return self;
}

#define STRING_ACCESSORS(field)                                             \
  const char *                                                              \
  ks_team_member_get_##field (KsTeamMember *self)                           \
  {                                                                         \
    g_return_val_if_fail (KS_IS_TEAM_MEMBER (self), NULL);                  \
    return self->field;                                                     \
  }

#define ID_ACCESSORS(field)                                                 \
  gint64                                                                    \
  ks_team_member_get_##field (KsTeamMember *self)                           \
  {                                                                         \
    g_return_val_if_fail (KS_IS_TEAM_MEMBER (self), 0);                     \
    return self->field;                                                     \
  }

ID_ACCESSORS (id)
ID_ACCESSORS (account_id)
ID_ACCESSORS (person_id)
STRING_ACCESSORS (account_name)
STRING_ACCESSORS (person_name)
STRING_ACCESSORS (person_title)
STRING_ACCESSORS (role)

void
ks_team_member_set_role (KsTeamMember *self,
                         const char   *role)
{
  g_return_if_fail (KS_IS_TEAM_MEMBER (self));
  if (set_string (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

gboolean
ks_team_member_get_core (KsTeamMember *self)
{
  g_return_val_if_fail (KS_IS_TEAM_MEMBER (self), FALSE);
  return self->core;
}

void
ks_team_member_set_core (KsTeamMember *self,
                         gboolean      core)
{
  g_return_if_fail (KS_IS_TEAM_MEMBER (self));
  core = !!core;
  if (self->core == core)
    return;
  self->core = core;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORE]);
}

/**
 * ks_team_member_list_for_account:
 *
 * Returns: (transfer full): a #GListModel of #KsTeamMember, the core team
 *   first, then by person name
 */
GListModel *
ks_team_member_list_for_account (KsWorkspace  *workspace,
                                 gint64        account_id,
                                 GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  return list_members (workspace,
                       SELECT_MEMBER "WHERE t.account_id = ?1"
                       " ORDER BY t.core DESC, p.name COLLATE NOCASE, p.name",
                       account_id, error);
}

/**
 * ks_team_member_list_for_person:
 *
 * Returns: (transfer full): a #GListModel of #KsTeamMember, one per account
 *   whose team holds the person, by account name
 */
GListModel *
ks_team_member_list_for_person (KsWorkspace  *workspace,
                                gint64        person_id,
                                GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  return list_members (workspace,
                       SELECT_MEMBER "WHERE t.person_id = ?1"
                       " ORDER BY a.name COLLATE NOCASE, a.name",
                       person_id, error);
}

KsTeamMember *
ks_team_member_load (KsWorkspace  *workspace,
                     gint64        id,
                     GError      **error)
{
  KsStmt *stmt;
  KsTeamMember *self = NULL;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace, SELECT_MEMBER "WHERE t.id = ?1", error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    self = member_from_row (stmt);
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no team member with id %" PRId64), id);
  else if (rc != KS_STEP_ROW)
    ks_workspace_set_sql_error (workspace, error, _("read a team member"));
  return self;
}

gboolean
ks_team_member_validate (KsTeamMember  *self,
                         GError       **error)
{
  g_return_val_if_fail (KS_IS_TEAM_MEMBER (self), FALSE);

  if (self->account_id <= 0 || self->person_id <= 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A team member needs an account and a person"));
      return FALSE;
    }
  return TRUE;
}

/**
 * ks_team_member_save:
 *
 * Adds the person to the account's team (id 0) or updates their place in it,
 * as one user action. A person is in an account's team at most once.
 */
gboolean
ks_team_member_save (KsTeamMember  *self,
                     KsWorkspace   *workspace,
                     GError       **error)
{
  KsStmt *stmt;
  gboolean inserting;
  g_autoptr(KsTeamMember) stored = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KS_IS_TEAM_MEMBER (self), FALSE);
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_team_member_validate (self, error))
    return FALSE;

  inserting = self->id <= 0;
  if (!ks_workspace_begin (workspace, inserting ? _("Add team member") : _("Edit team member"), error))
    return FALSE;

  if (inserting)
    stmt = ks_workspace_prepare (workspace,
                                 "INSERT INTO account_team (account_id, person_id, core, role)"
                                 " VALUES (?1, ?2, ?3, ?4)",
                                 error);
  else
    stmt = ks_workspace_prepare (workspace,
                                 "UPDATE account_team SET account_id = ?1, person_id = ?2, core = ?3, role = ?4"
                                 " WHERE id = ?5",
                                 error);
  if (!stmt)
    goto fail;

  ks_stmt_bind_int64 (stmt, 1, self->account_id);
  ks_stmt_bind_int64 (stmt, 2, self->person_id);
  ks_stmt_bind_int (stmt, 3, self->core ? 1 : 0);
  ks_bind_text (stmt, 4, self->role);
  if (!inserting)
    ks_stmt_bind_int64 (stmt, 5, self->id);

  if (!ks_workspace_step_done (workspace, stmt, _("save the team member"), &local_error))
    {
      int rc = ks_workspace_last_error (workspace);

      if (rc == KS_DB_ERROR_UNIQUE)
        {
          g_autofree char *account_name = NULL;
          g_autofree char *person_name = NULL;

          lookup_names (workspace, self->account_id, self->person_id, &account_name, &person_name);
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” is already in the team of “%s”"), person_name, account_name);
        }
      else if (rc == KS_DB_ERROR_FOREIGN_KEY)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("The account or the person of this team member is not in the workspace"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (inserting)
    self->id = ks_workspace_last_insert_id (workspace);
  else if (ks_workspace_changes (workspace) == 0)
    {
      /* Deleted since it was loaded (another window, an undo). */
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("This team member is no longer in the workspace"));
      goto fail;
    }
  if (!ks_workspace_commit (workspace, error))
    {
      if (inserting)
        self->id = 0;
      return FALSE;
    }

  /* Pick up the joined names as stored. */
  if ((stored = ks_team_member_load (workspace, self->id, NULL)))
    {
      if (set_string (&self->account_name, stored->account_name))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NAME]);
      if (set_string (&self->person_name, stored->person_name))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_NAME]);
      if (set_string (&self->person_title, stored->person_title))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_TITLE]);
    }
  if (inserting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;

fail:
  ks_workspace_rollback (workspace);
  if (inserting)
    self->id = 0;
  return FALSE;
}

gboolean
ks_team_member_delete (KsWorkspace  *workspace,
                       gint64        id,
                       GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Remove team member"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM account_team WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("remove the team member"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}
