/* ks-map-snapshot.c — an account's power map as of a date, and what changed since
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nodes are stored as one JSON text per snapshot (map_snapshots.data), so
 * a snapshot keeps people who have since been deleted or renamed.
 */
#define G_LOG_DOMAIN "ks-map-snapshot"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ks-map-snapshot.h"
#include "ks-workspace-private.h"

G_DEFINE_BOXED_TYPE (KsMapSnapshot, ks_map_snapshot, ks_map_snapshot_copy, ks_map_snapshot_free)

static void
node_state_clear (gpointer data)
{
  KsMapNodeState *node = data;

  g_clear_pointer (&node->name, g_free);
  g_clear_pointer (&node->owner, g_free);
}

static const char *
owner_or_null (const char *owner)
{
  return owner && *owner ? owner : NULL;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

GArray *
ks_map_node_states_new (void)
{
  GArray *nodes = g_array_new (FALSE, TRUE, sizeof (KsMapNodeState));

  g_array_set_clear_func (nodes, node_state_clear);
  return nodes;
}

void
ks_map_node_states_add (GArray          *nodes,
                        const char      *name,
                        KsNodeKind       kind,
                        KsDecisionPower  power,
                        KsRelationship   relationship,
                        KsAttitude       attitude,
                        const char      *owner)
{
  KsMapNodeState node = {
    g_strdup (name ? name : ""), kind, power, relationship, attitude,
    g_strdup (owner_or_null (owner)),
  };

  g_return_if_fail (nodes != NULL);
  g_array_append_val (nodes, node);
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const KsMapNodeState *) a)->name, ((const KsMapNodeState *) b)->name);
}

gboolean
ks_map_node_states_sort (GArray  *nodes,
                         GError **error)
{
  g_return_val_if_fail (nodes != NULL, FALSE);

  g_array_sort (nodes, compare_nodes);
  for (guint i = 1; i < nodes->len; i++)
    if (compare_nodes (&g_array_index (nodes, KsMapNodeState, i - 1),
                       &g_array_index (nodes, KsMapNodeState, i)) == 0)
      {
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("The node “%s” is in the snapshot twice"),
                     g_array_index (nodes, KsMapNodeState, i).name);
        return FALSE;
      }
  return TRUE;
}

char *
ks_map_node_states_to_json (GArray *nodes)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (nodes != NULL, NULL);

  json_builder_begin_array (b);
  for (guint i = 0; i < nodes->len; i++)
    {
      const KsMapNodeState *n = &g_array_index (nodes, KsMapNodeState, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, n->name);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, ks_node_kind_to_string (n->kind));
      json_builder_set_member_name (b, "power");
      json_builder_add_int_value (b, n->power);
      json_builder_set_member_name (b, "relationship");
      json_builder_add_string_value (b, ks_relationship_to_string (n->relationship));
      json_builder_set_member_name (b, "attitude");
      json_builder_add_string_value (b, ks_attitude_to_string (n->attitude));
      json_builder_set_member_name (b, "owner");
      if (owner_or_null (n->owner))
        json_builder_add_string_value (b, n->owner);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static gboolean
bad_node (GError    **error,
          guint       index,
          const char *what)
{
  g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
               _("Node %u of the snapshot: %s"), index + 1, what);
  return FALSE;
}

/* A string member, or NULL when it is missing or null; FALSE when it is
 * something else. */
static gboolean
string_member (JsonObject  *object,
               const char  *member,
               const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = json_node_get_string (node);
  return TRUE;
}

GArray *
ks_map_node_states_from_json (const char  *text,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) nodes = ks_map_node_states_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (text != NULL, NULL);

  if (!json_parser_load_from_data (parser, text, -1, &local_error))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The snapshot is damaged: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (!root || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The snapshot is damaged: it is not a list of nodes"));
      return NULL;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *member;
      KsNodeKind kind = KS_NODE_CONTACT;
      KsDecisionPower power = KS_POWER_UNKNOWN;
      KsRelationship relationship = KS_RELATIONSHIP_UNKNOWN;
      KsAttitude attitude = KS_ATTITUDE_UNKNOWN;
      const char *name, *owner = NULL, *value = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          bad_node (error, i, _("it is not an object"));
          return NULL;
        }
      object = json_node_get_object (element);
      member = json_object_get_member (object, "name");
      if (!member || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING ||
          !*(name = json_node_get_string (member)))
        {
          bad_node (error, i, _("it has no name"));
          return NULL;
        }
      if (!string_member (object, "kind", &value) || (value && !ks_node_kind_from_string (value, &kind)))
        {
          bad_node (error, i, _("“kind” must be contact, competitor or third-party"));
          return NULL;
        }
      if (!string_member (object, "relationship", &value) ||
          (value && !ks_relationship_from_string (value, &relationship)))
        {
          bad_node (error, i, _("“relationship” must be unknown, positive, neutral or poor"));
          return NULL;
        }
      if (!string_member (object, "attitude", &value) || (value && !ks_attitude_from_string (value, &attitude)))
        {
          bad_node (error, i, _("“attitude” must be unknown, supporter, neutral or opponent"));
          return NULL;
        }
      member = json_object_get_member (object, "power");
      if (member && !JSON_NODE_HOLDS_NULL (member))
        {
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
              json_node_get_int (member) < KS_POWER_UNKNOWN || json_node_get_int (member) > KS_POWER_LOW)
            {
              bad_node (error, i, _("“power” must be 0, 1, 2 or 3"));
              return NULL;
            }
          power = json_node_get_int (member);
        }
      if (!string_member (object, "owner", &owner))
        {
          bad_node (error, i, _("“owner” must be a name or null"));
          return NULL;
        }
      ks_map_node_states_add (nodes, name, kind, power, relationship, attitude, owner);
    }
  if (!ks_map_node_states_sort (nodes, error))
    return NULL;
  return g_steal_pointer (&nodes);
}

KsMapSnapshot *
ks_map_snapshot_new (gint64      account_id,
                     const char *taken,
                     const char *label)
{
  KsMapSnapshot *self = g_new0 (KsMapSnapshot, 1);

  self->account_id = account_id;
  self->taken = taken ? g_strdup (taken) : today_iso ();
  self->label = g_strdup (label ? label : "");
  self->nodes = ks_map_node_states_new ();
  return self;
}

KsMapSnapshot *
ks_map_snapshot_copy (const KsMapSnapshot *self)
{
  KsMapSnapshot *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = ks_map_snapshot_new (self->account_id, self->taken, self->label);
  copy->id = self->id;
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const KsMapNodeState *n = &g_array_index (self->nodes, KsMapNodeState, i);
      ks_map_node_states_add (copy->nodes, n->name, n->kind, n->power, n->relationship,
                              n->attitude, n->owner);
    }
  return copy;
}

void
ks_map_snapshot_free (KsMapSnapshot *self)
{
  if (!self)
    return;
  g_free (self->taken);
  g_free (self->label);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_free (self);
}

static KsMapSnapshot *
snapshot_from_row (KsStmt  *stmt,
                   GError       **error)
{
  g_autoptr(KsMapSnapshot) self = ks_map_snapshot_new (ks_stmt_column_int64 (stmt, 1),
                                                       ks_column_text (stmt, 2),
                                                       ks_column_text (stmt, 3));
  GArray *nodes;

  self->id = ks_stmt_column_int64 (stmt, 0);
  if (!(nodes = ks_map_node_states_from_json (ks_column_text (stmt, 4), error)))
    return NULL;
  g_array_unref (self->nodes);
  self->nodes = nodes;
  return g_steal_pointer (&self);
}

KsMapSnapshot *
ks_map_snapshot_current (KsWorkspace  *workspace,
                         gint64        account_id,
                         GError      **error)
{
  g_autoptr(KsMapSnapshot) self = NULL;
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace,
                               "SELECT c.name, c.kind, c.power, c.relationship, c.attitude, o.name"
                               "  FROM contacts c LEFT JOIN people o ON o.id = c.owner_id"
                               " WHERE c.account_id = ?1 ORDER BY c.name",
                               error);
  if (!stmt)
    return NULL;
  self = ks_map_snapshot_new (account_id, NULL, NULL);
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsNodeKind kind = KS_NODE_CONTACT;
      KsRelationship relationship = KS_RELATIONSHIP_UNKNOWN;
      KsAttitude attitude = KS_ATTITUDE_UNKNOWN;

      ks_node_kind_from_string (ks_column_text (stmt, 1), &kind);
      ks_relationship_from_string (ks_column_text (stmt, 3), &relationship);
      ks_attitude_from_string (ks_column_text (stmt, 4), &attitude);
      ks_map_node_states_add (self->nodes, ks_column_text (stmt, 0), kind,
                              CLAMP (ks_stmt_column_int (stmt, 2), KS_POWER_UNKNOWN, KS_POWER_LOW),
                              relationship, attitude, ks_stmt_column_text (stmt, 5));
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the power map"));
      return NULL;
    }
  /* SQLite's BINARY order is byte order already; sorting keeps the promise. */
  if (!ks_map_node_states_sort (self->nodes, error))
    return NULL;
  return g_steal_pointer (&self);
}

KsMapSnapshot *
ks_map_snapshot_save (KsWorkspace  *workspace,
                      gint64        account_id,
                      const char   *taken,
                      const char   *label,
                      GError      **error)
{
  g_autoptr(KsMapSnapshot) self = NULL;
  g_autofree char *data = NULL;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (taken && !ks_iso_date_parse (taken, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a date (use YYYY-MM-DD)"), taken);
      return NULL;
    }
  if (!ks_workspace_begin (workspace, _("Save snapshot"), error))
    return NULL;
  if (!(self = ks_map_snapshot_current (workspace, account_id, error)))
    goto fail;
  if (taken)
    {
      g_free (self->taken);
      self->taken = g_strdup (taken);
    }
  g_free (self->label);
  self->label = g_strdup (label ? label : "");
  data = ks_map_node_states_to_json (self->nodes);

  if (!(stmt = ks_workspace_prepare (workspace,
                                     "INSERT INTO map_snapshots (account_id, taken, label, data)"
                                     " VALUES (?1, ?2, ?3, ?4)",
                                     error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  ks_bind_text (stmt, 2, self->taken);
  ks_bind_text (stmt, 3, self->label);
  ks_bind_text (stmt, 4, data);
  if (ks_stmt_step (stmt) != KS_STEP_DONE)
    {
      if (ks_workspace_last_error (workspace) == KS_DB_ERROR_FOREIGN_KEY)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no account with id %" PRId64), account_id);
      else
        ks_workspace_set_sql_error (workspace, error, _("save the snapshot"));
      ks_stmt_reset (stmt);
      goto fail;
    }
  ks_stmt_reset (stmt);
  self->id = ks_workspace_last_insert_id (workspace);
  if (!ks_workspace_commit (workspace, error))
    return NULL;
  return g_steal_pointer (&self);

fail:
  ks_workspace_rollback (workspace);
  return NULL;
}

GPtrArray *
ks_map_snapshot_list (KsWorkspace  *workspace,
                      gint64        account_id,
                      GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_map_snapshot_free);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace,
                               "SELECT id, account_id, taken, label, data FROM map_snapshots"
                               " WHERE account_id = ?1 ORDER BY taken, id",
                               error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsMapSnapshot *snapshot = snapshot_from_row (stmt, error);
      if (!snapshot)
        {
          ks_stmt_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (list, snapshot);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the snapshots"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

KsMapSnapshot *
ks_map_snapshot_load (KsWorkspace  *workspace,
                      gint64        id,
                      GError      **error)
{
  KsMapSnapshot *self = NULL;
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  stmt = ks_workspace_prepare (workspace,
                               "SELECT id, account_id, taken, label, data FROM map_snapshots WHERE id = ?1",
                               error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    self = snapshot_from_row (stmt, error);
  ks_stmt_reset (stmt);
  if (rc == KS_STEP_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no snapshot with id %" PRId64), id);
  else if (rc != KS_STEP_ROW)
    ks_workspace_set_sql_error (workspace, error, _("read a snapshot"));
  return self;
}

gboolean
ks_map_snapshot_delete (KsWorkspace  *workspace,
                        gint64        id,
                        GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if (!ks_workspace_begin (workspace, _("Delete snapshot"), error))
    return FALSE;
  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM map_snapshots WHERE id = ?1", error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (!ks_workspace_step_done (workspace, stmt, _("delete the snapshot"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

/* ---- diff ------------------------------------------------------------------ */

static void
add_change (GPtrArray       *changes,
            KsMapChangeKind  kind,
            const char      *name,
            const char      *before,
            const char      *after)
{
  KsMapChange *change = g_new0 (KsMapChange, 1);

  change->kind = kind;
  change->name = g_strdup (name);
  change->before = g_strdup (before);
  change->after = g_strdup (after);
  g_ptr_array_add (changes, change);
}

/* Nodes of one snapshot by name, when they are not sorted (hand-built). */
static GHashTable *
index_nodes (GArray *nodes)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < nodes->len; i++)
    {
      KsMapNodeState *n = &g_array_index (nodes, KsMapNodeState, i);
      if (n->name && !g_hash_table_contains (index, n->name))
        g_hash_table_insert (index, n->name, n);
    }
  return index;
}

static void
compare_node (GPtrArray            *changes,
              const KsMapNodeState *a,
              const KsMapNodeState *b)
{
  if (a->power != b->power)
    add_change (changes, KS_MAP_CHANGE_POWER, b->name,
                ks_decision_power_to_string (a->power), ks_decision_power_to_string (b->power));
  if (a->relationship != b->relationship)
    add_change (changes, KS_MAP_CHANGE_RELATIONSHIP, b->name,
                ks_relationship_to_string (a->relationship), ks_relationship_to_string (b->relationship));
  if (a->attitude != b->attitude)
    add_change (changes, KS_MAP_CHANGE_ATTITUDE, b->name,
                ks_attitude_to_string (a->attitude), ks_attitude_to_string (b->attitude));
  if (g_strcmp0 (owner_or_null (a->owner), owner_or_null (b->owner)) != 0)
    add_change (changes, KS_MAP_CHANGE_OWNER, b->name, owner_or_null (a->owner), owner_or_null (b->owner));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ks_map_snapshot_diff:
 *
 * Returns: (transfer full): a #GPtrArray of #KsMapChange
 */
GPtrArray *
ks_map_snapshot_diff (const KsMapSnapshot *older,
                      const KsMapSnapshot *newer)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_map_change_free);
  g_autoptr(GHashTable) old_index = NULL;
  g_autoptr(GHashTable) new_index = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (older != NULL && newer != NULL, changes);

  old_index = index_nodes (older->nodes);
  new_index = index_nodes (newer->nodes);
  for (guint side = 0; side < 2; side++)
    {
      GArray *nodes = side == 0 ? older->nodes : newer->nodes;
      for (guint i = 0; i < nodes->len; i++)
        {
          char *name = g_array_index (nodes, KsMapNodeState, i).name;
          if (name && g_hash_table_add (seen, name))
            g_ptr_array_add (names, name);
        }
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const KsMapNodeState *a = g_hash_table_lookup (old_index, name);
      const KsMapNodeState *b = g_hash_table_lookup (new_index, name);

      if (!a)
        add_change (changes, KS_MAP_CHANGE_ADDED, name, NULL, NULL);
      else if (!b)
        add_change (changes, KS_MAP_CHANGE_REMOVED, name, NULL, NULL);
      else
        compare_node (changes, a, b);
    }
  return changes;
}

void
ks_map_change_free (KsMapChange *change)
{
  if (!change)
    return;
  g_free (change->name);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

const char *
ks_map_change_kind_to_string (KsMapChangeKind kind)
{
  static const char *const names[] = {
    "added", "removed", "power", "relationship", "attitude", "owner",
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

/* The translated word for a stored string of the given change. */
static const char *
value_label (KsMapChangeKind  kind,
             const char      *value)
{
  KsDecisionPower power;
  KsRelationship relationship;
  KsAttitude attitude;

  if (!value)
    return _("nobody");
  switch (kind)
    {
    case KS_MAP_CHANGE_POWER:
      if (ks_decision_power_from_string (value, &power))
        return ks_decision_power_label (power);
      break;
    case KS_MAP_CHANGE_RELATIONSHIP:
      if (ks_relationship_from_string (value, &relationship))
        return ks_relationship_label (relationship);
      break;
    case KS_MAP_CHANGE_ATTITUDE:
      if (ks_attitude_from_string (value, &attitude))
        return ks_attitude_label (attitude);
      break;
    case KS_MAP_CHANGE_ADDED:
    case KS_MAP_CHANGE_REMOVED:
    case KS_MAP_CHANGE_OWNER:
    default:
      break;
    }
  return value;
}

char *
ks_map_change_describe (const KsMapChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  switch (change->kind)
    {
    case KS_MAP_CHANGE_ADDED:
      return g_strdup_printf (_("%s joined the map"), change->name);
    case KS_MAP_CHANGE_REMOVED:
      return g_strdup_printf (_("%s left the map"), change->name);
    case KS_MAP_CHANGE_POWER:
      return g_strdup_printf (_("%s: decision power %s → %s"), change->name,
                              value_label (change->kind, change->before),
                              value_label (change->kind, change->after));
    case KS_MAP_CHANGE_RELATIONSHIP:
      return g_strdup_printf (_("%s: relationship %s → %s"), change->name,
                              value_label (change->kind, change->before),
                              value_label (change->kind, change->after));
    case KS_MAP_CHANGE_ATTITUDE:
      return g_strdup_printf (_("%s: attitude %s → %s"), change->name,
                              value_label (change->kind, change->before),
                              value_label (change->kind, change->after));
    case KS_MAP_CHANGE_OWNER:
      return g_strdup_printf (_("%s: owner %s → %s"), change->name,
                              value_label (change->kind, change->before),
                              value_label (change->kind, change->after));
    default:
      g_return_val_if_reached (NULL);
    }
}
