/* ks-json-funnel.c — the funnel in workspace and handover JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workspace document holds the funnel's "stages" (by position), the
 * "stage_map" from imported stage names onto them and the opportunity
 * evaluation's "evaluation_criteria"; each opportunity (in both kinds of
 * document) its "stage_date", "momentum", "last_activity", "stage_history"
 * (stage names, not ids) and, when scored, its "evaluation" by criterion
 * name. An opportunity's stage itself is not written: its stage text maps
 * onto it through the stage map, as every write keeps it.
 *
 * Importing checks types and ranges while reading; names are resolved
 * against the workspace once its stages and criteria are written, and a
 * name it does not have is refused with the document's position (the
 * import's transaction then writes nothing).
 */
#define G_LOG_DOMAIN "ks-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-funnel-private.h"
#include "ks-json-private.h"

static const char *const outcomes[] = { "open", "won", "lost", NULL };
static const char *const momenta[] = { "developing", "stable", "fading", NULL };
static const char *const axes[] = { "attractiveness", "chance", NULL };

/* Reading ------------------------------------------------------------------- */

/* One of @allowed; missing or null → @fallback (NULL: required). */
static gboolean
read_choice (Import            *im,
             JsonObject        *object,
             const char        *member,
             const char *const *allowed,
             const char        *fallback,
             const char       **out,
             SubjectKind        kind,
             const char        *name,
             guint              index,
             GError           **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *list = NULL;

  if ((!node || JSON_NODE_HOLDS_NULL (node)) && fallback)
    {
      *out = fallback;
      return TRUE;
    }
  if (node && ks_json_holds_type (node, G_TYPE_STRING) && g_strv_contains (allowed, json_node_get_string (node)))
    {
      *out = json_node_get_string (node);
      return TRUE;
    }
  list = g_strjoinv (", ", (char **) allowed);
  ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
                _("“%s” must be one of %s"), member, list);
  return FALSE;
}

static gboolean
read_date (Import       *im,
           JsonObject   *object,
           const char   *member,
           gboolean      nullable,
           const char  **out,
           const char   *name,
           guint         index,
           GError      **error)
{
  if (!ks_json_read_string (im, object, member, TRUE, out, SUBJECT_OPPORTUNITY, name, index, error))
    return FALSE;
  if ((*out && !ks_json_is_iso_date (*out)) || (!*out && !nullable))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_OPPORTUNITY, name, index,
                    nullable ? _("“%s” is not a date: “%s” (use YYYY-MM-DD or null)")
                             : _("“%s” is not a date: “%s” (use YYYY-MM-DD)"),
                    member, *out ? *out : "null");
      return FALSE;
    }
  return TRUE;
}

/* A number from 0 to 100, required. */
static gboolean
read_percent (Import       *im,
              JsonObject   *object,
              const char   *member,
              const char   *what,
              const char   *name,
              guint         index,
              double       *out,
              GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NAN;
  if (node && (ks_json_holds_type (node, G_TYPE_INT64) || ks_json_holds_type (node, G_TYPE_DOUBLE)))
    *out = json_node_get_double (node);
  if (!(*out >= 0 && *out <= 100))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, NULL, index,
                    /* TRANSLATORS: "the stage “Won” needs a “probability” from 0 to 100" */
                    _("the %s “%s” needs a “%s” from 0 to 100"), what, name, member);
      return FALSE;
    }
  return TRUE;
}

static char *
fold_source (const char *source)
{
  /* As the stage map folds: ASCII only, as SQL's lower () does, and trimmed. */
  char *down = g_ascii_strdown (source, -1);

  return g_strstrip (down);
}

static gboolean
read_stages (Import      *im,
             JsonObject  *root,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node = json_object_get_member (root, "stages");
  JsonArray *array;

  im->has_stages = node && !JSON_NODE_HOLDS_NULL (node);
  if (!ks_json_get_array (im, root, "stages", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      StageIn s = { json_array_get_object_element (array, i) };

      if (!ks_json_read_name (im, s.object, "name", &s.name, SUBJECT_NONE, i, error) ||
          !read_percent (im, s.object, "probability", _("stage"), s.name, i, &s.probability, error) ||
          !read_choice (im, s.object, "outcome", outcomes, "open", &s.outcome, SUBJECT_NONE, NULL, i, error) ||
          !ks_json_read_string (im, s.object, "description", FALSE, &s.description, SUBJECT_NONE, NULL, i, error))
        return FALSE;
      if (g_str_equal (s.outcome, "won") && s.probability != 100)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, s.object, SUBJECT_NONE, NULL, i,
                        _("the stage “%s” means won, so its probability must be 100"), s.name);
          return FALSE;
        }
      if (g_str_equal (s.outcome, "lost") && s.probability != 0)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, s.object, SUBJECT_NONE, NULL, i,
                        _("the stage “%s” means lost, so its probability must be 0"), s.name);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) s.name))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, s.object, SUBJECT_NONE, NULL, i,
                        _("the stage “%s” is listed twice"), s.name);
          return FALSE;
        }
      g_array_append_val (im->stages, s);
    }
  return TRUE;
}

static gboolean
read_stage_map (Import      *im,
                JsonObject  *root,
                GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *node = json_object_get_member (root, "stage_map");
  JsonArray *array;

  im->has_stage_map = node && !JSON_NODE_HOLDS_NULL (node);
  if (!ks_json_get_array (im, root, "stage_map", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      StageMapIn m = { json_array_get_object_element (array, i) };

      if (!ks_json_read_name (im, m.object, "source", &m.source, SUBJECT_NONE, i, error) ||
          !ks_json_read_string (im, m.object, "stage", TRUE, &m.stage, SUBJECT_NONE, NULL, i, error))
        return FALSE;
      if (!g_hash_table_add (seen, fold_source (m.source)))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, m.object, SUBJECT_NONE, NULL, i,
                        _("the stage name “%s” is mapped twice (names are compared ignoring case)"), m.source);
          return FALSE;
        }
      g_array_append_val (im->stage_map, m);
    }
  return TRUE;
}

static gboolean
read_eval_criteria (Import      *im,
                    JsonObject  *root,
                    GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *node = json_object_get_member (root, "evaluation_criteria");
  JsonArray *array;

  im->has_eval_criteria = node && !JSON_NODE_HOLDS_NULL (node);
  if (!ks_json_get_array (im, root, "evaluation_criteria", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      EvalCriterionIn c = { json_array_get_object_element (array, i) };
      char *key;

      if (!read_choice (im, c.object, "axis", axes, NULL, &c.axis, SUBJECT_NONE, NULL, i, error) ||
          !ks_json_read_name (im, c.object, "name", &c.name, SUBJECT_NONE, i, error) ||
          !read_percent (im, c.object, "weight", _("evaluation criterion"), c.name, i, &c.weight, error))
        return FALSE;
      /* An opportunity's "evaluation" names criteria without their axis. */
      key = g_strstrip (g_utf8_casefold (c.name, -1));
      if (!g_hash_table_add (seen, key))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, c.object, SUBJECT_NONE, NULL, i,
                        _("the evaluation criterion “%s” is listed twice (names are compared ignoring case, "
                          "on both axes)"), c.name);
          return FALSE;
        }
      g_array_append_val (im->eval_criteria, c);
    }
  return TRUE;
}

gboolean
ks_json_read_funnel (Import      *im,
                     JsonObject  *root,
                     GError     **error)
{
  return read_stages (im, root, error) &&
         read_stage_map (im, root, error) &&
         read_eval_criteria (im, root, error);
}

static gboolean
read_history (Import       *im,
              Opportunity  *o,
              guint         index,
              GError      **error)
{
  JsonNode *node = json_object_get_member (o->object, "stage_history");
  JsonArray *array;

  o->has_history = node && !JSON_NODE_HOLDS_NULL (node);
  o->history_start = im->history->len;
  if (!ks_json_get_array (im, o->object, "stage_history", &array, SUBJECT_OPPORTUNITY, o->ref, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      HistoryIn h = { json_array_get_object_element (array, i), index };

      if (!ks_json_read_string (im, h.object, "from", TRUE, &h.from, SUBJECT_OPPORTUNITY, o->ref, index, error) ||
          !ks_json_read_string (im, h.object, "to", TRUE, &h.to, SUBJECT_OPPORTUNITY, o->ref, index, error) ||
          !read_date (im, h.object, "date", FALSE, &h.date, o->ref, index, error))
        return FALSE;
      g_array_append_val (im->history, h);
    }
  o->history_len = im->history->len - o->history_start;
  return TRUE;
}

static gboolean
read_evaluation (Import       *im,
                 Opportunity  *o,
                 guint         index,
                 GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *node = json_object_get_member (o->object, "evaluation");
  g_autoptr(GList) members = NULL;
  JsonObject *evaluation;

  o->evaluation_start = im->evaluations->len;
  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, o->object, SUBJECT_OPPORTUNITY, o->ref, index,
                    _("“evaluation” must be an object of criterion names and scores"));
      return FALSE;
    }
  evaluation = json_node_get_object (node);
  members = json_object_get_members (evaluation);
  for (GList *l = members; l; l = l->next)
    {
      EvaluationIn e = { evaluation, index, l->data };
      JsonNode *value = json_object_get_member (evaluation, e.criterion);
      char *key = g_strstrip (g_utf8_casefold (e.criterion, -1));

      if (ks_json_holds_type (value, G_TYPE_INT64))
        e.score = json_node_get_int (value);
      else if (ks_json_holds_type (value, G_TYPE_DOUBLE) && json_node_get_double (value) == floor (json_node_get_double (value)))
        e.score = (gint64) CLAMP (json_node_get_double (value), -1, 6);
      if (e.score < 1 || e.score > 5)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, evaluation, SUBJECT_OPPORTUNITY, o->ref, index,
                        _("the evaluation of “%s” must be a whole number from 1 to 5"), e.criterion);
          g_free (key);
          return FALSE;
        }
      if (!*key)
        g_clear_pointer (&key, g_free);
      if (!key || !g_hash_table_add (seen, key))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, evaluation, SUBJECT_OPPORTUNITY, o->ref, index,
                        _("the evaluation names the criterion “%s” twice or not at all"), e.criterion);
          return FALSE;
        }
      g_array_append_val (im->evaluations, e);
    }
  o->evaluation_len = im->evaluations->len - o->evaluation_start;
  return TRUE;
}

gboolean
ks_json_read_opportunity_funnel (Import       *im,
                                 Opportunity  *o,
                                 guint         index,
                                 GError      **error)
{
  return read_date (im, o->object, "stage_date", TRUE, &o->stage_date, o->ref, index, error) &&
         read_choice (im, o->object, "momentum", momenta, "stable", &o->momentum,
                      SUBJECT_OPPORTUNITY, o->ref, index, error) &&
         read_date (im, o->object, "last_activity", TRUE, &o->last_activity, o->ref, index, error) &&
         read_history (im, o, index, error) &&
         read_evaluation (im, o, index, error);
}

/* Writing ------------------------------------------------------------------- */

static gboolean
insert_own_names (KsWorkspace  *ws,
                  Import       *im,
                  GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "INSERT INTO stage_map (source, stage_id)"
                                             " SELECT ?1, id FROM funnel_stages WHERE name = ?2"
                                             " ON CONFLICT (source) DO NOTHING",
                                             error);

  if (!stmt)
    return FALSE;
  for (guint i = 0; i < im->stages->len; i++)
    {
      StageIn *s = &g_array_index (im->stages, StageIn, i);
      g_autofree char *source = fold_source (s->name);

      ks_bind_text (stmt, 1, source);
      ks_bind_text (stmt, 2, s->name);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The stages' ids by name: exact names, then (prefixed "\1") case-folded ones. */
static GHashTable *
stage_names (KsWorkspace  *ws,
             GError      **error)
{
  g_autoptr(GPtrArray) stages = ks_stage_list (ws, error);
  GHashTable *names;

  if (!stages)
    return NULL;
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < stages->len; i++)
    {
      KsStage *s = g_ptr_array_index (stages, i);
      g_autofree char *folded = g_utf8_casefold (s->name, -1);

      g_hash_table_insert (names, g_strdup (s->name), GINT_TO_POINTER ((gint) s->id));
      g_hash_table_insert (names, g_strconcat ("\1", folded, NULL), GINT_TO_POINTER ((gint) s->id));
    }
  return names;
}

/* The stage @name names (0 for NULL); FALSE when there is no such stage. */
static gboolean
stage_id (GHashTable  *names,
          const char  *name,
          gint64      *id)
{
  g_autofree char *folded = NULL;
  g_autofree char *key = NULL;
  gpointer value;

  *id = 0;
  if (!name)
    return TRUE;
  if (!(value = g_hash_table_lookup (names, name)))
    {
      folded = g_utf8_casefold (name, -1);
      key = g_strconcat ("\1", folded, NULL);
      value = g_hash_table_lookup (names, key);
    }
  *id = GPOINTER_TO_INT (value);
  return *id > 0;
}

gboolean
ks_json_write_funnel (KsWorkspace  *ws,
                      Import       *im,
                      GError      **error)
{
  KsStmt *stmt;

  if (im->has_stages)
    {
      if (!ks_workspace_exec (ws, "DELETE FROM stage_map", error) ||
          !ks_workspace_exec (ws, "DELETE FROM funnel_stages", error) ||
          !(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO funnel_stages (position, name, probability, outcome, description)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5)",
                                         error)))
        return FALSE;
      for (guint i = 0; i < im->stages->len; i++)
        {
          StageIn *s = &g_array_index (im->stages, StageIn, i);

          ks_stmt_bind_int64 (stmt, 1, i + 1);
          ks_bind_text (stmt, 2, s->name);
          ks_stmt_bind_double (stmt, 3, s->probability);
          ks_bind_text (stmt, 4, s->outcome);
          ks_bind_text (stmt, 5, s->description);
          if (!ks_json_step (ws, stmt, error))
            return FALSE;
        }
      /* Without a map of its own, each stage's name maps onto it. */
      if (!im->has_stage_map && !insert_own_names (ws, im, error))
        return FALSE;
    }
  if (im->has_stage_map)
    {
      g_autoptr(GHashTable) names = stage_names (ws, error);

      if (!names ||
          !ks_workspace_exec (ws, "DELETE FROM stage_map", error) ||
          !(stmt = ks_workspace_prepare (ws, "INSERT INTO stage_map (source, stage_id) VALUES (?1, ?2)", error)))
        return FALSE;
      for (guint i = 0; i < im->stage_map->len; i++)
        {
          StageMapIn *m = &g_array_index (im->stage_map, StageMapIn, i);
          g_autofree char *source = fold_source (m->source);
          gint64 id;

          if (!stage_id (names, m->stage, &id))
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, m->object, SUBJECT_NONE, NULL, i,
                            _("the stage name “%s” maps onto “%s”, which is not a stage"), m->source, m->stage);
              return FALSE;
            }
          ks_bind_text (stmt, 1, source);
          ks_bind_id (stmt, 2, id);
          if (!ks_json_step (ws, stmt, error))
            return FALSE;
        }
    }
  if (im->has_eval_criteria)
    {
      guint position[G_N_ELEMENTS (axes)] = { 0 };

      if (!ks_workspace_exec (ws, "DELETE FROM evaluation_criteria", error) ||
          !(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO evaluation_criteria (axis, position, name, weight)"
                                         " VALUES (?1, ?2, ?3, ?4)",
                                         error)))
        return FALSE;
      for (guint i = 0; i < im->eval_criteria->len; i++)
        {
          EvalCriterionIn *c = &g_array_index (im->eval_criteria, EvalCriterionIn, i);
          guint axis = g_str_equal (c->axis, axes[0]) ? 0 : 1;

          ks_bind_text (stmt, 1, c->axis);
          ks_stmt_bind_int64 (stmt, 2, ++position[axis]);
          ks_bind_text (stmt, 3, c->name);
          ks_stmt_bind_double (stmt, 4, c->weight);
          if (!ks_json_step (ws, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The workspace's evaluation criteria by case-folded name; -1 for a name
 * both axes use. */
static GHashTable *
criterion_names (KsWorkspace  *ws,
                 GError      **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  KsStmt *stmt = ks_workspace_prepare (ws, "SELECT id, name FROM evaluation_criteria", error);
  int row;

  if (!stmt)
    return NULL;
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      char *key = g_strstrip (g_utf8_casefold (ks_column_text (stmt, 1), -1));
      gint64 id = g_hash_table_contains (names, key) ? -1 : ks_stmt_column_int64 (stmt, 0);

      g_hash_table_insert (names, key, GINT_TO_POINTER ((gint) id));
    }
  if (row < 0)
    return NULL;
  ks_stmt_reset (stmt);
  return g_steal_pointer (&names);
}

/* Does the opportunity's stored history differ from the file's (resolved)? */
static gboolean
history_differs (KsWorkspace  *ws,
                 gint64        opportunity_id,
                 const gint64 *ids,       /* from, to per entry */
                 HistoryIn    *entries,
                 guint         n,
                 gboolean     *differs,
                 GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT coalesce (from_stage_id, 0), coalesce (to_stage_id, 0), changed"
                                             "  FROM stage_history WHERE opportunity_id = ?1 ORDER BY changed, id",
                                             error);
  guint i = 0;
  int row;

  if (!stmt)
    return FALSE;
  *differs = FALSE;
  ks_stmt_bind_int64 (stmt, 1, opportunity_id);
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      if (i >= n || ks_stmt_column_int64 (stmt, 0) != ids[2 * i] || ks_stmt_column_int64 (stmt, 1) != ids[2 * i + 1] ||
          g_strcmp0 (ks_column_text (stmt, 2), entries[i].date) != 0)
        *differs = TRUE;
      i++;
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  if (i != n)
    *differs = TRUE;
  return TRUE;
}

static gboolean
write_history (KsWorkspace  *ws,
               Import       *im,
               Opportunity  *o,
               GHashTable   *stages,
               gboolean      merging,
               gboolean     *changed,
               GError      **error)
{
  /* An empty array has no data: no index into it then (UBSan, found by fuzz-json-import). */
  HistoryIn *entries = o->history_len ? &g_array_index (im->history, HistoryIn, o->history_start) : NULL;
  g_autofree gint64 *ids = g_new0 (gint64, 2 * o->history_len + 2);
  KsStmt *stmt;

  for (guint i = 0; i < o->history_len; i++)
    for (guint end = 0; end < 2; end++)
      {
        const char *name = end == 0 ? entries[i].from : entries[i].to;

        if (!stage_id (stages, name, &ids[2 * i + end]))
          {
            ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, entries[i].object, SUBJECT_OPPORTUNITY, o->ref,
                          entries[i].opportunity,
                          _("its stage history names the stage “%s”, which is not a stage"), name);
            return FALSE;
          }
      }
  if (merging)
    {
      gboolean differs;

      if (!o->has_history)
        return TRUE;
      if (!history_differs (ws, o->id, ids, entries, o->history_len, &differs, error))
        return FALSE;
      if (!differs)
        return TRUE;
      *changed = TRUE;
      if (!(stmt = ks_workspace_prepare (ws, "DELETE FROM stage_history WHERE opportunity_id = ?1", error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, o->id);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  if (!(stmt = ks_workspace_prepare (ws,
                                     "INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed)"
                                     " VALUES (?1, ?2, ?3, ?4)",
                                     error)))
    return FALSE;
  for (guint i = 0; i < o->history_len; i++)
    {
      ks_stmt_bind_int64 (stmt, 1, o->id);
      ks_bind_id (stmt, 2, ids[2 * i]);
      ks_bind_id (stmt, 3, ids[2 * i + 1]);
      ks_bind_text (stmt, 4, entries[i].date);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_evaluation (KsWorkspace            *ws,
                  Import                 *im,
                  Opportunity            *o,
                  GHashTable             *criteria,
                  KsAccountImportReport  *report,
                  GHashTable             *dropped,
                  gboolean               *changed,
                  GError                **error)
{
  KsStmt *stmt;

  if (o->evaluation_len == 0)
    return TRUE;
  if (!(stmt = ks_workspace_prepare (ws,
                                     "INSERT INTO evaluation_scores (opportunity_id, criterion_id, score)"
                                     " VALUES (?1, ?2, ?3)"
                                     " ON CONFLICT (opportunity_id, criterion_id) DO UPDATE"
                                     " SET score = excluded.score WHERE evaluation_scores.score IS DISTINCT FROM excluded.score",
                                     error)))
    return FALSE;
  for (guint i = 0; i < o->evaluation_len; i++)
    {
      EvaluationIn *e = &g_array_index (im->evaluations, EvaluationIn, o->evaluation_start + i);
      g_autofree char *key = g_strstrip (g_utf8_casefold (e->criterion, -1));
      gint64 id = GPOINTER_TO_INT (g_hash_table_lookup (criteria, key));

      if (id <= 0 && report)
        {
          if (g_hash_table_add (dropped, g_steal_pointer (&key)))
            g_ptr_array_add (report->warnings,
                             g_strdup_printf (_("the evaluation criterion “%s” is not in this workspace; "
                                                "its scores were dropped"), e->criterion));
          continue;
        }
      if (id <= 0)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, e->object, SUBJECT_OPPORTUNITY, o->ref, e->opportunity,
                        id < 0 ? _("the evaluation criterion “%s” is on both axes, so its name is ambiguous")
                               : _("the evaluation names “%s”, which is not an evaluation criterion"),
                        e->criterion);
          return FALSE;
        }
      ks_stmt_bind_int64 (stmt, 1, o->id);
      ks_stmt_bind_int64 (stmt, 2, id);
      ks_stmt_bind_int64 (stmt, 3, e->score);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      if (ks_workspace_changes (ws) > 0)
        *changed = TRUE;
    }
  return TRUE;
}

static gboolean
listed (GPtrArray  *names,
        const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

gboolean
ks_json_write_opportunities_funnel (KsWorkspace            *ws,
                                    Import                 *im,
                                    KsAccountImportReport  *report,
                                    GError                **error)
{
  g_autoptr(GHashTable) stages = stage_names (ws, error);
  g_autoptr(GHashTable) criteria = stages ? criterion_names (ws, error) : NULL;
  g_autoptr(GHashTable) dropped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!criteria)
    return FALSE;
  for (guint i = 0; i < im->opportunities->len; i++)
    {
      Opportunity *o = &g_array_index (im->opportunities, Opportunity, i);
      gboolean changed = FALSE;

      g_assert (o->id > 0);   /* written or matched */
      if (!write_history (ws, im, o, stages, report != NULL, &changed, error) ||
          !write_evaluation (ws, im, o, criteria, report, dropped, &changed, error))
        return FALSE;
      if (report && changed && !listed (report->opportunities_created, o->ref) &&
          !listed (report->opportunities_updated, o->ref))
        g_ptr_array_add (report->opportunities_updated, g_strdup (o->ref));
    }
  return ks_funnel_map_unmapped (ws, error);
}

/* Exporting ----------------------------------------------------------------- */

gboolean
ks_json_export_funnel (KsWorkspace   *ws,
                       KsJsonWriter  *json,
                       GError       **error)
{
  GString *out = ks_json_writer_get_buffer (json);
  KsStmt *stmt;
  int row;

  if (!(stmt = ks_workspace_prepare (ws,
                                     "SELECT name, probability, outcome, description"
                                     "  FROM funnel_stages ORDER BY position, id",
                                     error)))
    return FALSE;
  ks_json_writer_key (json, "stages");
  ks_json_writer_begin (json, '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      ks_json_writer_begin (json, '{');
      ks_json_writer_key (json, "name");
      ks_json_writer_string (json, ks_column_text (stmt, 0));
      ks_json_writer_key (json, "probability");
      ks_json_writer_item (json);
      ks_json_append_double (out, ks_stmt_column_double (stmt, 1));
      ks_json_writer_key (json, "outcome");
      ks_json_writer_string (json, ks_column_text (stmt, 2));
      ks_json_writer_key (json, "description");
      ks_json_writer_string (json, ks_column_text (stmt, 3));
      ks_json_writer_end (json, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  ks_json_writer_end (json, ']');

  if (!(stmt = ks_workspace_prepare (ws,
                                     "SELECT m.source, s.name FROM stage_map m"
                                     "  LEFT JOIN funnel_stages s ON s.id = m.stage_id"
                                     " ORDER BY m.source",
                                     error)))
    return FALSE;
  ks_json_writer_key (json, "stage_map");
  ks_json_writer_begin (json, '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      ks_json_writer_begin (json, '{');
      ks_json_writer_key (json, "source");
      ks_json_writer_string (json, ks_column_text (stmt, 0));
      ks_json_writer_key (json, "stage");
      if (ks_stmt_column_is_null (stmt, 1))
        ks_json_writer_null (json);
      else
        ks_json_writer_string (json, ks_column_text (stmt, 1));
      ks_json_writer_end (json, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  ks_json_writer_end (json, ']');

  if (!(stmt = ks_workspace_prepare (ws,
                                     "SELECT axis, name, weight FROM evaluation_criteria ORDER BY axis, position, id",
                                     error)))
    return FALSE;
  ks_json_writer_key (json, "evaluation_criteria");
  ks_json_writer_begin (json, '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      ks_json_writer_begin (json, '{');
      ks_json_writer_key (json, "axis");
      ks_json_writer_string (json, ks_column_text (stmt, 0));
      ks_json_writer_key (json, "name");
      ks_json_writer_string (json, ks_column_text (stmt, 1));
      ks_json_writer_key (json, "weight");
      ks_json_writer_item (json);
      ks_json_append_double (out, ks_stmt_column_double (stmt, 2));
      ks_json_writer_end (json, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  ks_json_writer_end (json, ']');
  return TRUE;
}

gboolean
ks_json_export_opportunity_funnel (KsWorkspace   *ws,
                                   KsJsonWriter  *json,
                                   gint64         opportunity_id,
                                   GError       **error)
{
  gboolean open = FALSE;
  KsStmt *stmt;
  int row;

  if (!(stmt = ks_workspace_prepare (ws,
                                     "SELECT f.name, t.name, h.changed FROM stage_history h"
                                     "  LEFT JOIN funnel_stages f ON f.id = h.from_stage_id"
                                     "  LEFT JOIN funnel_stages t ON t.id = h.to_stage_id"
                                     " WHERE h.opportunity_id = ?1 ORDER BY h.changed, h.id",
                                     error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, opportunity_id);
  ks_json_writer_key (json, "stage_history");
  ks_json_writer_begin (json, '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      ks_json_writer_begin (json, '{');
      for (int col = 0; col < 2; col++)
        {
          ks_json_writer_key (json, col == 0 ? "from" : "to");
          if (ks_stmt_column_is_null (stmt, col))
            ks_json_writer_null (json);
          else
            ks_json_writer_string (json, ks_column_text (stmt, col));
        }
      ks_json_writer_key (json, "date");
      ks_json_writer_string (json, ks_column_text (stmt, 2));
      ks_json_writer_end (json, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  ks_json_writer_end (json, ']');

  if (!(stmt = ks_workspace_prepare (ws,
                                     "SELECT c.name, s.score FROM evaluation_scores s"
                                     "  JOIN evaluation_criteria c ON c.id = s.criterion_id"
                                     " WHERE s.opportunity_id = ?1 ORDER BY c.axis, c.position, c.id",
                                     error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, opportunity_id);
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      if (!open)
        {
          ks_json_writer_key (json, "evaluation");
          ks_json_writer_begin (json, '{');
          open = TRUE;
        }
      ks_json_writer_key (json, ks_column_text (stmt, 0));
      ks_json_writer_int (json, ks_stmt_column_int64 (stmt, 1));
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  if (open)
    ks_json_writer_end (json, '}');
  return TRUE;
}
