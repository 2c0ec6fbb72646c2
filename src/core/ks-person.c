/* ks-person.c — a person on our side (the company role map)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-person"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-person.h"
#include "ks-workspace-private.h"

struct _KsPerson
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *title;
  char    *phone;
  char    *email;
  char    *team;
  char    *region;
  char    *area;
  gint64   manager_id;
  char    *manager_name;
  guint    account_count;
  gint64   version;   /* of the row it was read from; 0 for a new one */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_TEAM,
  PROP_REGION,
  PROP_AREA,
  PROP_MANAGER_ID,
  PROP_MANAGER_NAME,
  PROP_ACCOUNT_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KsPerson, ks_person, G_TYPE_OBJECT)

#define SELECT_PERSON \
  "SELECT p.id, p.name, p.title, p.phone, p.email, p.team, p.region, p.area," \
  "       p.manager_id, coalesce (m.name, '')," \
  "       (SELECT count(*) FROM account_team t WHERE t.person_id = p.id), p.version" \
  "  FROM people p" \
  "  LEFT JOIN people m ON m.id = p.manager_id "

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

static KsPerson *
person_from_row (KsStmt *stmt)
{
  KsPerson *self = g_object_new (KS_TYPE_PERSON, NULL);

  self->id = ks_stmt_column_int64 (stmt, 0);
  set_string (&self->name, ks_column_text (stmt, 1));
  set_string (&self->title, ks_column_text (stmt, 2));
  set_string (&self->phone, ks_column_text (stmt, 3));
  set_string (&self->email, ks_column_text (stmt, 4));
  set_string (&self->team, ks_column_text (stmt, 5));
  set_string (&self->region, ks_column_text (stmt, 6));
  set_string (&self->area, ks_column_text (stmt, 7));
  self->manager_id = ks_stmt_column_int64 (stmt, 8);
  set_string (&self->manager_name, ks_column_text (stmt, 9));
  self->account_count = (guint) ks_stmt_column_int64 (stmt, 10);
  self->version = ks_stmt_column_int64 (stmt, 11);
  return self;
}

/* Refuses a manager who is the person or reports to them, directly or not. */
static gboolean
check_manager (KsPerson     *self,
               KsWorkspace  *workspace,
               GError      **error)
{
  KsStmt *stmt;
  gboolean cycle = FALSE;
  int rc;

  if (self->manager_id <= 0 || self->id <= 0)
    return TRUE;
  stmt = ks_workspace_prepare (workspace,
                               "WITH RECURSIVE up (id) AS ("
                               "  SELECT ?1"
                               "  UNION SELECT p.manager_id FROM people p JOIN up ON p.id = up.id"
                               "   WHERE p.manager_id IS NOT NULL)"
                               "SELECT count(*) FROM up WHERE id = ?2",
                               error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, self->manager_id);
  ks_stmt_bind_int64 (stmt, 2, self->id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    cycle = ks_stmt_column_int (stmt, 0) > 0;
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (workspace, error, _("check the manager"));
      return FALSE;
    }
  if (cycle)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” cannot be managed by someone who reports to them, directly or indirectly"),
                   self->name);
      return FALSE;
    }
  return TRUE;
}

static void
ks_person_finalize (GObject *object)
{
  KsPerson *self = KS_PERSON (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->team);
  g_free (self->region);
  g_free (self->area);
  g_free (self->manager_name);

  G_OBJECT_CLASS (ks_person_parent_class)->finalize (object);
}

static void
ks_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KsPerson *self = KS_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_EMAIL: g_value_set_string (value, self->email); break;
    case PROP_TEAM: g_value_set_string (value, self->team); break;
    case PROP_REGION: g_value_set_string (value, self->region); break;
    case PROP_AREA: g_value_set_string (value, self->area); break;
    case PROP_MANAGER_ID: g_value_set_int64 (value, self->manager_id); break;
    case PROP_MANAGER_NAME: g_value_set_string (value, self->manager_name); break;
    case PROP_ACCOUNT_COUNT: g_value_set_uint (value, self->account_count); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KsPerson *self = KS_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME: ks_person_set_name (self, g_value_get_string (value)); break;
    case PROP_TITLE: ks_person_set_title (self, g_value_get_string (value)); break;
    case PROP_PHONE: ks_person_set_phone (self, g_value_get_string (value)); break;
    case PROP_EMAIL: ks_person_set_email (self, g_value_get_string (value)); break;
    case PROP_TEAM: ks_person_set_team (self, g_value_get_string (value)); break;
    case PROP_REGION: ks_person_set_region (self, g_value_get_string (value)); break;
    case PROP_AREA: ks_person_set_area (self, g_value_get_string (value)); break;
    case PROP_MANAGER_ID: ks_person_set_manager_id (self, g_value_get_int64 (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_person_class_init (KsPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ks_person_finalize;
  object_class->get_property = ks_person_get_property;
  object_class->set_property = ks_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, "", rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, "", rw);
  properties[PROP_TEAM] = g_param_spec_string ("team", NULL, NULL, "", rw);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, "", rw);
  properties[PROP_AREA] = g_param_spec_string ("area", NULL, NULL, "", rw);
  properties[PROP_MANAGER_ID] = g_param_spec_int64 ("manager-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MANAGER_NAME] = g_param_spec_string ("manager-name", NULL, NULL, "", ro);
  properties[PROP_ACCOUNT_COUNT] = g_param_spec_uint ("account-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ks_person_init (KsPerson *self)
{
  self->name = g_strdup ("");
  self->title = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->team = g_strdup ("");
  self->region = g_strdup ("");
  self->area = g_strdup ("");
  self->manager_name = g_strdup ("");
}

KsPerson *
ks_person_new (const char *name)
{
  KsPerson *self = g_object_new (KS_TYPE_PERSON, NULL);
  set_string (&self->name, name);
  return self;
}

#define STRING_ACCESSORS(field, PROP)                                       \
  const char *                                                              \
  ks_person_get_##field (KsPerson *self)                                    \
  {                                                                         \
    g_return_val_if_fail (KS_IS_PERSON (self), NULL);                       \
    return self->field;                                                     \
  }

#define STRING_SETTER(field, PROP)                                          \
  void                                                                      \
  ks_person_set_##field (KsPerson   *self,                                  \
                         const char *value)                                 \
  {                                                                         \
    g_return_if_fail (KS_IS_PERSON (self));                                 \
    if (set_string (&self->field, value))                                   \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);         \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_SETTER (name, PROP_NAME)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_SETTER (title, PROP_TITLE)
STRING_ACCESSORS (phone, PROP_PHONE)
STRING_SETTER (phone, PROP_PHONE)
STRING_ACCESSORS (email, PROP_EMAIL)
STRING_SETTER (email, PROP_EMAIL)
STRING_ACCESSORS (team, PROP_TEAM)
STRING_SETTER (team, PROP_TEAM)
STRING_ACCESSORS (region, PROP_REGION)
STRING_SETTER (region, PROP_REGION)
STRING_ACCESSORS (area, PROP_AREA)
STRING_SETTER (area, PROP_AREA)
STRING_ACCESSORS (manager_name, PROP_MANAGER_NAME)

gint64
ks_person_get_id (KsPerson *self)
{
  g_return_val_if_fail (KS_IS_PERSON (self), 0);
  return self->id;
}

gint64
ks_person_get_version (KsPerson *self)
{
  g_return_val_if_fail (KS_IS_PERSON (self), 0);
  return self->version;
}

gint64
ks_person_get_manager_id (KsPerson *self)
{
  g_return_val_if_fail (KS_IS_PERSON (self), 0);
  return self->manager_id;
}

void
ks_person_set_manager_id (KsPerson *self,
                          gint64    manager_id)
{
  g_return_if_fail (KS_IS_PERSON (self));
  manager_id = MAX (manager_id, 0);
  if (self->manager_id == manager_id)
    return;
  self->manager_id = manager_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_ID]);
}

guint
ks_person_get_account_count (KsPerson *self)
{
  g_return_val_if_fail (KS_IS_PERSON (self), 0);
  return self->account_count;
}

/**
 * ks_person_list:
 *
 * Returns: (transfer full): a #GListModel of #KsPerson sorted by name
 */
GListModel *
ks_person_list (KsWorkspace  *workspace,
                GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (KS_TYPE_PERSON);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace, SELECT_PERSON "ORDER BY p.name COLLATE NOCASE, p.name", error);
  if (!stmt)
    return NULL;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_ptr_array_add (items, person_from_row (stmt));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the people"));
      return NULL;
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

KsPerson *
ks_person_load (KsWorkspace  *workspace,
                gint64        id,
                GError      **error)
{
  KsStmt *stmt;
  KsPerson *self = NULL;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!(stmt = ks_workspace_prepare (workspace, SELECT_PERSON "WHERE p.id = ?1", error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    self = person_from_row (stmt);
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no person with id %" PRId64), id);
  else if (rc != KS_STEP_ROW)
    ks_workspace_set_sql_error (workspace, error, _("read a person"));
  return self;
}

gboolean
ks_person_any (KsWorkspace *workspace)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  return ks_workspace_query_int (workspace, "SELECT count(*) FROM (SELECT 1 FROM people LIMIT 1) AS t",
                                 0, 0, NULL, NULL) > 0;
}

/**
 * ks_person_find:
 * @name: an exact name, or one that matches a single person ignoring case
 *
 * Returns: (transfer full) (nullable): the person; an unknown or ambiguous
 *   name is an error that lists candidates
 */
KsPerson *
ks_person_find (KsWorkspace  *workspace,
                const char   *name,
                GError      **error)
{
  KsStmt *stmt;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) similar = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(stmt = ks_workspace_prepare (workspace, SELECT_PERSON "WHERE p.name = ?1", error)))
    return NULL;
  ks_stmt_bind_text (stmt, 1, name);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      KsPerson *self = person_from_row (stmt);
      ks_stmt_reset (stmt);
      return self;
    }
  ks_stmt_reset (stmt);

  /* Case-insensitively (SQLite folds ASCII only). */
  if (!(stmt = ks_workspace_prepare (workspace, SELECT_PERSON "ORDER BY p.name", error)) ||
      !ks_workspace_match_name (workspace, stmt, 1, name, (KsRowFunc) person_from_row,
                                found, similar, error))
    return NULL;
  if (found->len == 1)
    return g_object_ref (g_ptr_array_index (found, 0));
  if (found->len > 1)
    {
      g_autofree char *names = ks_quote_names (found, (KsNameFunc) ks_person_get_name);
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("The person name “%s” is ambiguous: %s"), name, names);
    }
  else if (similar->len > 0)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no person “%s”; similar names: %s"), name, similar->str);
  else
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no person “%s”"), name);
  return NULL;
}

/**
 * ks_person_validate:
 *
 * Checks what can be checked without the workspace: a name, not their own
 * manager. A manager cycle through others is refused by ks_person_save().
 */
gboolean
ks_person_validate (KsPerson  *self,
                    GError   **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (KS_IS_PERSON (self), FALSE);

  trimmed = g_strstrip (g_strdup (self->name));
  if (*trimmed == '\0')
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A person needs a name"));
      return FALSE;
    }
  if (self->id > 0 && self->manager_id == self->id)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” cannot be their own manager"), self->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * ks_person_save:
 *
 * Inserts (id 0) or updates the whole row as one user action. On success the
 * object holds the stored row (new id, manager name, account count, version).
 * A person read from the workspace is saved only over the version it was
 * read at, as ks_account_save() does: otherwise KS_WORKSPACE_ERROR_CONFLICT,
 * and saving again replaces the other user's values.
 */
static gboolean
person_save_once (gpointer       object,
                  KsWorkspace   *workspace,
                  GError       **error)
{
  KsPerson *self = object;
  KsStmt *stmt;
  gint64 new_version;
  gboolean inserting;
  g_autofree char *name = NULL;
  g_autoptr(KsPerson) stored = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KS_IS_PERSON (self), FALSE);
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_person_validate (self, error))
    return FALSE;

  inserting = self->id <= 0;
  if (!ks_workspace_begin (workspace, inserting ? _("Add person") : _("Edit person"), error))
    return FALSE;
  if (!check_manager (self, workspace, error))
    goto fail;

  if (inserting)
    stmt = ks_workspace_prepare (workspace,
                                 "INSERT INTO people (name, title, phone, email, team, region, area, manager_id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error);
  else
    stmt = ks_workspace_prepare (workspace,
                                 "UPDATE people SET version = version + 1, name = ?1, title = ?2, phone = ?3, email = ?4,"
                                 " team = ?5, region = ?6, area = ?7, manager_id = ?8"
                                 " WHERE id = ?9 AND (?10 = 0 OR version = ?10)",
                                 error);
  if (!stmt)
    goto fail;

  name = g_strstrip (g_strdup (self->name));
  ks_bind_text (stmt, 1, name);
  ks_bind_text (stmt, 2, self->title);
  ks_bind_text (stmt, 3, self->phone);
  ks_bind_text (stmt, 4, self->email);
  ks_bind_text (stmt, 5, self->team);
  ks_bind_text (stmt, 6, self->region);
  ks_bind_text (stmt, 7, self->area);
  ks_bind_id (stmt, 8, self->manager_id);
  if (!inserting)
    {
      ks_stmt_bind_int64 (stmt, 9, self->id);
      ks_stmt_bind_int64 (stmt, 10, self->version);
    }

  if (!ks_workspace_step_done (workspace, stmt, _("save the person"), &local_error))
    {
      int rc = ks_workspace_last_error (workspace);

      if (rc == KS_DB_ERROR_UNIQUE)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("There is already a person named “%s”"), name);
      else if (rc == KS_DB_ERROR_FOREIGN_KEY)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("The manager of “%s” is not in the workspace"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (inserting)
    self->id = ks_workspace_last_insert_id (workspace);
  else if (ks_workspace_changes (workspace) == 0)
    {
      /* Deleted since it was loaded (another window, an undo), or changed
       * by another user since (a newer version). */
      if ((stored = ks_person_load (workspace, self->id, NULL)))
        {
          g_autoptr(GString) theirs = g_string_new (NULL);

          ks_conflict_note (theirs, _("name"), stored->name, self->name);
          ks_conflict_note (theirs, _("title"), stored->title, self->title);
          ks_conflict_note (theirs, _("phone"), stored->phone, self->phone);
          ks_conflict_note (theirs, _("email"), stored->email, self->email);
          ks_conflict_note (theirs, _("team"), stored->team, self->team);
          ks_conflict_note (theirs, _("region"), stored->region, self->region);
          ks_conflict_note (theirs, _("area"), stored->area, self->area);
          if (stored->manager_id != self->manager_id)
            ks_conflict_note (theirs, _("manager"), stored->manager_name, KS_CONFLICT_DIFFERENT);
          ks_workspace_set_conflict (error, name, theirs);
          self->version = stored->version;   /* saving again replaces theirs */
        }
      else
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("“%s” is no longer in the workspace"), name);
      goto fail;
    }
  /* The version this save made: one past the version it was checked
   * against, or, unchecked, as this transaction sees it (a read after the
   * commit could see a later save's). */
  new_version = inserting ? 1
                : self->version > 0 ? self->version + 1
                : ks_workspace_query_int (workspace, "SELECT version FROM people WHERE id = ?1",
                                          self->id, 0, _("read the person"), error);
  if (new_version < 0)
    goto fail;
  if (!ks_workspace_commit (workspace, error))
    {
      if (inserting)
        self->id = 0;
      return FALSE;
    }
  self->version = new_version;

  /* Pick up what the workspace adds (manager name, account count) as stored. */
  if ((stored = ks_person_load (workspace, self->id, NULL)))
    {
      if (set_string (&self->manager_name, stored->manager_name))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_NAME]);
      if (self->account_count != stored->account_count)
        {
          self->account_count = stored->account_count;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_COUNT]);
        }
      ks_person_set_name (self, stored->name);
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

/* One user action, tried again when other users' transactions stood in its way. */
gboolean
ks_person_save (KsPerson     *self,
                KsWorkspace  *workspace,
                GError      **error)
{
  return ks_workspace_save_retrying (workspace, person_save_once, self, error);
}

/**
 * ks_person_delete:
 *
 * Removes the person with their team memberships; accounts, opportunities
 * and people they owned or managed keep no owner or manager.
 */
gboolean
ks_person_delete (KsWorkspace  *workspace,
                  gint64        id,
                  GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Delete person"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM people WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete the person"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}
