/* ks-contact-line.c — a line between two contacts on an account's power map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-contact-line"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "ks-contact-line.h"
#include "ks-workspace-private.h"

struct _KsContactLine
{
  GObject     parent_instance;

  gint64      id;
  gint64      account_id;
  gint64      from_id;
  gint64      to_id;
  KsLineKind  kind;
  guint       strength;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_FROM_ID,
  PROP_TO_ID,
  PROP_KIND,
  PROP_STRENGTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsContactLine, ks_contact_line, G_TYPE_OBJECT)

#define SELECT_LINE \
  "SELECT id, account_id, from_id, to_id, kind, strength FROM contact_lines "

/* One end of a line, as stored. */
typedef struct
{
  gint64      account_id;
  KsNodeKind  kind;
  char       *name;
} End;

static void
end_clear (End *end)
{
  g_clear_pointer (&end->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (End, end_clear)

static KsContactLine *
line_from_row (KsStmt *stmt)
{
  KsContactLine *self = g_object_new (KS_TYPE_CONTACT_LINE, NULL);

  self->id = ks_stmt_column_int64 (stmt, 0);
  self->account_id = ks_stmt_column_int64 (stmt, 1);
  self->from_id = ks_stmt_column_int64 (stmt, 2);
  self->to_id = ks_stmt_column_int64 (stmt, 3);
  if (!ks_line_kind_from_string (ks_column_text (stmt, 4), &self->kind))
    self->kind = KS_LINE_INFLUENCE;
  self->strength = ks_stmt_column_is_null (stmt, 5) ? 0 : ks_stmt_column_int (stmt, 5);
  return self;
}

static gboolean
load_end (KsWorkspace  *workspace,
          gint64        id,
          End          *end,
          GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (workspace,
                                             "SELECT account_id, kind, name FROM contacts WHERE id = ?1",
                                             error);
  int rc;

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      end->account_id = ks_stmt_column_int64 (stmt, 0);
      if (!ks_node_kind_from_string (ks_column_text (stmt, 1), &end->kind))
        end->kind = KS_NODE_CONTACT;
      end->name = g_strdup (ks_column_text (stmt, 2));
    }
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no contact with id %" PRId64), id);
      return FALSE;
    }
  if (rc != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (workspace, error, _("read a contact"));
      return FALSE;
    }
  return TRUE;
}

/* The name of whom a contact reports to, other than through line @except;
 * NULL when nobody. */
static gboolean
current_manager (KsWorkspace  *workspace,
                 gint64        contact_id,
                 gint64        except,
                 char        **name,
                 GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (workspace,
                                             "SELECT c.name FROM contact_lines l"
                                             "  JOIN contacts c ON c.id = l.to_id"
                                             " WHERE l.from_id = ?1 AND l.kind = 'reports-to'"
                                             "   AND l.id IS DISTINCT FROM ?2"
                                             " LIMIT 1",
                                             error);
  int rc;

  *name = NULL;
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, contact_id);
  ks_bind_id (stmt, 2, except);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    *name = g_strdup (ks_column_text (stmt, 0));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("check the reporting lines"));
      return FALSE;
    }
  return TRUE;
}

/* Would "from reports to to" close a loop? It does when to already reports,
 * directly or up the chain, to from (line @except left out). */
static gboolean
closes_loop (KsWorkspace  *workspace,
             gint64        from_id,
             gint64        to_id,
             gint64        except,
             gboolean     *loop,
             GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (workspace,
                                             "WITH RECURSIVE up (id) AS ("
                                             "  SELECT ?1"
                                             "  UNION SELECT l.to_id FROM contact_lines l JOIN up ON l.from_id = up.id"
                                             "   WHERE l.kind = 'reports-to' AND l.id IS DISTINCT FROM ?3)"
                                             "SELECT count(*) FROM up WHERE id = ?2",
                                             error);
  int rc;

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, to_id);
  ks_stmt_bind_int64 (stmt, 2, from_id);
  ks_bind_id (stmt, 3, except);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    *loop = ks_stmt_column_int (stmt, 0) > 0;
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (workspace, error, _("check the reporting lines"));
      return FALSE;
    }
  return TRUE;
}

/* Everything about the ends: same account, people for reporting lines, one
 * manager, no loop. Sets account_id from the ends. */
static gboolean
check_ends (KsContactLine  *self,
            KsWorkspace    *workspace,
            GError        **error)
{
  g_auto(End) from = { 0 };
  g_auto(End) to = { 0 };

  if (!load_end (workspace, self->from_id, &from, error) ||
      !load_end (workspace, self->to_id, &to, error))
    return FALSE;

  if (from.account_id != to.account_id)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” and “%s” are contacts of different accounts; a line joins two contacts of one account"),
                   from.name, to.name);
      return FALSE;
    }
  if (self->account_id > 0 && self->account_id != from.account_id)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” and “%s” are not contacts of this line's account"), from.name, to.name);
      return FALSE;
    }

  if (self->kind != KS_LINE_INFLUENCE && (from.kind != KS_NODE_CONTACT || to.kind != KS_NODE_CONTACT))
    {
      const char *outsider = from.kind != KS_NODE_CONTACT ? from.name : to.name;
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” is a competitor or third party: it can only be linked by an influence line"),
                   outsider);
      return FALSE;
    }

  if (self->kind == KS_LINE_REPORTS_TO)
    {
      g_autofree char *manager = NULL;
      gboolean loop = FALSE;

      if (!current_manager (workspace, self->from_id, self->id, &manager, error))
        return FALSE;
      if (manager)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” already reports to “%s”; draw a dotted line for a second manager"),
                       from.name, manager);
          return FALSE;
        }
      if (!closes_loop (workspace, self->from_id, self->to_id, self->id, &loop, error))
        return FALSE;
      if (loop)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” cannot report to “%s”: “%s” already reports to “%s”, directly or through others"),
                       from.name, to.name, to.name, from.name);
          return FALSE;
        }
    }

  self->account_id = from.account_id;
  return TRUE;
}

static void
ks_contact_line_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KsContactLine *self = KS_CONTACT_LINE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_ACCOUNT_ID: g_value_set_int64 (value, self->account_id); break;
    case PROP_FROM_ID: g_value_set_int64 (value, self->from_id); break;
    case PROP_TO_ID: g_value_set_int64 (value, self->to_id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_STRENGTH: g_value_set_uint (value, self->strength); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_contact_line_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KsContactLine *self = KS_CONTACT_LINE (object);

  switch (prop_id)
    {
    case PROP_FROM_ID: ks_contact_line_set_from_id (self, g_value_get_int64 (value)); break;
    case PROP_TO_ID: ks_contact_line_set_to_id (self, g_value_get_int64 (value)); break;
    case PROP_KIND: ks_contact_line_set_kind (self, g_value_get_enum (value)); break;
    case PROP_STRENGTH: ks_contact_line_set_strength (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_contact_line_class_init (KsContactLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = ks_contact_line_get_property;
  object_class->set_property = ks_contact_line_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_FROM_ID] = g_param_spec_int64 ("from-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TO_ID] = g_param_spec_int64 ("to-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, KS_TYPE_LINE_KIND, KS_LINE_REPORTS_TO, rw);
  properties[PROP_STRENGTH] = g_param_spec_uint ("strength", NULL, NULL, 0, G_MAXUINT, 0, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ks_contact_line_init (KsContactLine *self)
{
}

KsContactLine *
ks_contact_line_new (gint64     from_id,
                     gint64     to_id,
                     KsLineKind kind)
{
  KsContactLine *self = g_object_new (KS_TYPE_CONTACT_LINE, NULL);

  self->from_id = MAX (from_id, 0);
  self->to_id = MAX (to_id, 0);
  self->kind = kind;
  return self;
}

gint64
ks_contact_line_get_id (KsContactLine *self)
{
  g_return_val_if_fail (KS_IS_CONTACT_LINE (self), 0);
  return self->id;
}

gint64
ks_contact_line_get_account_id (KsContactLine *self)
{
  g_return_val_if_fail (KS_IS_CONTACT_LINE (self), 0);
  return self->account_id;
}

#define ACCESSORS(Type, field, PROP)                                        \
  Type                                                                      \
  ks_contact_line_get_##field (KsContactLine *self)                         \
  {                                                                         \
    g_return_val_if_fail (KS_IS_CONTACT_LINE (self), 0);                    \
    return self->field;                                                     \
  }                                                                         \
                                                                            \
  void                                                                      \
  ks_contact_line_set_##field (KsContactLine *self,                         \
                               Type           value)                        \
  {                                                                         \
    g_return_if_fail (KS_IS_CONTACT_LINE (self));                           \
    if (self->field == value)                                               \
      return;                                                               \
    self->field = value;                                                    \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);           \
  }

ACCESSORS (gint64, from_id, PROP_FROM_ID)
ACCESSORS (gint64, to_id, PROP_TO_ID)
ACCESSORS (KsLineKind, kind, PROP_KIND)
ACCESSORS (guint, strength, PROP_STRENGTH)

/**
 * ks_contact_line_list_for_account:
 *
 * Returns: (transfer full): a #GListModel of #KsContactLine, oldest first
 */
GListModel *
ks_contact_line_list_for_account (KsWorkspace  *workspace,
                                  gint64        account_id,
                                  GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (KS_TYPE_CONTACT_LINE);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace, SELECT_LINE "WHERE account_id = ?1 ORDER BY id", error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_ptr_array_add (items, line_from_row (stmt));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the lines of the power map"));
      return NULL;
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

KsContactLine *
ks_contact_line_load (KsWorkspace  *workspace,
                      gint64        id,
                      GError      **error)
{
  KsStmt *stmt;
  KsContactLine *self = NULL;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace, SELECT_LINE "WHERE id = ?1", error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    self = line_from_row (stmt);
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no line with id %" PRId64), id);
  else if (rc != KS_STEP_ROW)
    ks_workspace_set_sql_error (workspace, error, _("read a line of the power map"));
  return self;
}

gboolean
ks_contact_line_validate (KsContactLine  *self,
                          GError        **error)
{
  g_return_val_if_fail (KS_IS_CONTACT_LINE (self), FALSE);

  if (self->from_id <= 0 || self->to_id <= 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A line needs a contact at each end"));
      return FALSE;
    }
  if (self->from_id == self->to_id)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A line cannot join a contact to itself"));
      return FALSE;
    }
  if ((guint) self->kind > KS_LINE_INFLUENCE)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("%d is not a kind of line (reports-to, dotted or influence)"), (int) self->kind);
      return FALSE;
    }
  if (self->strength > 3)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The strength of a line is 1, 2 or 3 (or none), not %u"), self->strength);
      return FALSE;
    }
  return TRUE;
}

/**
 * ks_contact_line_save:
 *
 * Inserts (id 0) or updates the line as one user action ("Link contacts",
 * "Edit line"). The account is taken from the ends.
 */
gboolean
ks_contact_line_save (KsContactLine  *self,
                      KsWorkspace    *workspace,
                      GError        **error)
{
  KsStmt *stmt;
  gboolean inserting;
  gint64 account_before;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KS_IS_CONTACT_LINE (self), FALSE);
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_contact_line_validate (self, error))
    return FALSE;

  inserting = self->id <= 0;
  account_before = self->account_id;
  if (!ks_workspace_begin (workspace, inserting ? _("Link contacts") : _("Edit line"), error))
    return FALSE;
  if (!check_ends (self, workspace, error))
    goto fail;

  if (inserting)
    stmt = ks_workspace_prepare (workspace,
                                 "INSERT INTO contact_lines (account_id, from_id, to_id, kind, strength)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  else
    stmt = ks_workspace_prepare (workspace,
                                 "UPDATE contact_lines SET account_id = ?1, from_id = ?2, to_id = ?3,"
                                 " kind = ?4, strength = ?5 WHERE id = ?6",
                                 error);
  if (!stmt)
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, self->account_id);
  ks_stmt_bind_int64 (stmt, 2, self->from_id);
  ks_stmt_bind_int64 (stmt, 3, self->to_id);
  ks_bind_text (stmt, 4, ks_line_kind_to_string (self->kind));
  if (self->strength > 0)
    ks_stmt_bind_int (stmt, 5, self->strength);
  else
    ks_stmt_bind_null (stmt, 5);
  if (!inserting)
    ks_stmt_bind_int64 (stmt, 6, self->id);

  if (!ks_workspace_step_done (workspace, stmt, _("save the line"), &local_error))
    {
      if (ks_workspace_last_error (workspace) == KS_DB_ERROR_UNIQUE)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("These two contacts are already joined by a line of this kind"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (inserting)
    self->id = ks_workspace_last_insert_id (workspace);
  else if (ks_workspace_changes (workspace) == 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("The line is no longer in the workspace"));
      goto fail;
    }
  if (!ks_workspace_commit (workspace, error))
    {
      if (inserting)
        self->id = 0;
      self->account_id = account_before;
      return FALSE;
    }
  if (inserting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  if (account_before != self->account_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
  return TRUE;

fail:
  ks_workspace_rollback (workspace);
  if (inserting)
    self->id = 0;
  self->account_id = account_before;
  return FALSE;
}

gboolean
ks_contact_line_delete (KsWorkspace  *workspace,
                        gint64        id,
                        GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Delete line"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM contact_lines WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete the line"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}
