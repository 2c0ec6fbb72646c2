/* ks-json-raci.c — the RACI charts of workspace JSON: reading and checking
 * "raci", and writing the charts once people and accounts are in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart is {"name", "scope", "account" (a name, or null), "arsci",
 * "columns": [{"person": NAME} or {"role": ROLE}], "phases": [{"name",
 * "tasks": [{"name", "letters", "main"}]}]}: "letters" holds one character
 * per column ('.' empty), "main" the index of the column whose R is the
 * main one, or null. ks-json-export.c writes the same shape.
 */
#define G_LOG_DOMAIN "ks-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-json-private.h"
#include "ks-raci-private.h"

static gboolean
read_column (Import       *im,
             KsRaciChart  *chart,
             JsonObject   *object,
             guint         index,
             GError      **error)
{
  const char *person = NULL, *role = NULL;
  guint c;

  if (!ks_json_read_string (im, object, "person", TRUE, &person, SUBJECT_NONE, chart->name, index, error) ||
      !ks_json_read_string (im, object, "role", TRUE, &role, SUBJECT_NONE, chart->name, index, error))
    return FALSE;
  if ((person == NULL) == (role == NULL) ||
      (role && strspn (role, " \t\r\n") == strlen (role)))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, chart->name, index,
                    _("a RACI column holds either a “person” or a “role”"));
      return FALSE;
    }
  if (person && !g_hash_table_contains (im->person_index, person))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, chart->name, index,
                    _("the person “%s” is not among the “people”"), person);
      return FALSE;
    }
  c = ks_raci_chart_add_column (chart, 0, person ? person : role, person ? person : role);
  if (person)
    g_clear_pointer (&((KsRaciColumn *) g_ptr_array_index (chart->columns, c))->role, g_free);
  return TRUE;
}

static gboolean
read_task (Import       *im,
           KsRaciChart  *chart,
           guint         phase,
           JsonObject   *object,
           guint         index,
           GError      **error)
{
  const char *name, *letters;
  gint64 main;
  guint nc = chart->columns->len, t;

  if (!ks_json_read_name (im, object, "name", &name, SUBJECT_NONE, index, error) ||
      !ks_json_read_string (im, object, "letters", FALSE, &letters, SUBJECT_NONE, name, index, error) ||
      !ks_json_read_count (im, object, "main", nc > 0 ? nc - 1 : 0, &main, SUBJECT_NONE, name, index, error))
    return FALSE;
  if (strlen (letters) != nc)
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, name, index,
                    _("“letters” must hold one letter (or “.”) for each of the %u columns"), nc);
      return FALSE;
    }
  t = ks_raci_chart_add_task (chart, phase, name);
  ks_raci_chart_grow (chart);
  for (guint c = 0; c < nc; c++)
    {
      KsRaciLetter l;

      if (letters[c] == '.')
        continue;
      if (!g_ascii_isupper (letters[c]) || !ks_raci_letter_parse (letters[c], chart->arsci, &l))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, name, index,
                        chart->arsci ? _("“letters” may hold only R, A, S, C, I and “.”")
                                     : _("“letters” may hold only R, A, C, I and “.” (S only where “arsci” is true)"));
          return FALSE;
        }
      ks_raci_chart_set (chart, t, c, l, FALSE);
    }
  if (main >= 0)
    {
      if (letters[main] != 'R')
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, name, index,
                        _("“main” must name a column with an R"));
          return FALSE;
        }
      ks_raci_chart_set (chart, t, main, KS_RACI_R, TRUE);
    }
  return TRUE;
}

gboolean
ks_json_read_raci (Import      *im,
                   JsonObject  *root,
                   GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (!ks_json_get_array (im, root, "raci", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autoptr(KsRaciChart) chart = ks_raci_chart_new ();
      const char *name, *scope, *account;
      JsonArray *columns, *phases;
      JsonNode *arsci = json_object_get_member (object, "arsci");
      char *key;

      if (!ks_json_read_name (im, object, "name", &name, SUBJECT_NONE, i, error) ||
          !ks_json_read_string (im, object, "scope", FALSE, &scope, SUBJECT_NONE, name, i, error) ||
          !ks_json_read_string (im, object, "account", TRUE, &account, SUBJECT_NONE, name, i, error))
        return FALSE;
      chart->name = g_strstrip (g_strdup (name));
      key = g_utf8_casefold (chart->name, -1);
      if (g_hash_table_contains (names, key))
        {
          g_free (key);
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, name, i,
                        _("the RACI chart “%s” is listed twice (names are compared ignoring case)"), name);
          return FALSE;
        }
      g_hash_table_add (names, key);
      if (!ks_raci_scope_from_name (scope, &chart->scope))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, name, i,
                        _("“scope” must be “company”, “process” or “account”"));
          return FALSE;
        }
      if ((chart->scope == KS_RACI_SCOPE_ACCOUNT) != (account != NULL))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, name, i,
                        _("an “account” chart names its “account”, and only it does"));
          return FALSE;
        }
      if (account && !g_hash_table_contains (im->account_index, account))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, name, i,
                        _("the account “%s” is not among the “accounts”"), account);
          return FALSE;
        }
      chart->account_name = g_strdup (account);
      if (arsci && !JSON_NODE_HOLDS_NULL (arsci))
        {
          if (!ks_json_holds_type (arsci, G_TYPE_BOOLEAN))
            {
              ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_NONE, name, i,
                            _("“arsci” must be true or false"));
              return FALSE;
            }
          chart->arsci = json_node_get_boolean (arsci);
        }
      if (!ks_json_get_array (im, object, "columns", &columns, SUBJECT_NONE, name, i, error))
        return FALSE;
      for (guint c = 0; columns && c < json_array_get_length (columns); c++)
        if (!read_column (im, chart, json_array_get_object_element (columns, c), c, error))
          return FALSE;
      if (!ks_json_get_array (im, object, "phases", &phases, SUBJECT_NONE, name, i, error))
        return FALSE;
      for (guint p = 0; phases && p < json_array_get_length (phases); p++)
        {
          JsonObject *phase = json_array_get_object_element (phases, p);
          const char *phase_name;
          JsonArray *tasks;
          guint index;

          if (!ks_json_read_name (im, phase, "name", &phase_name, SUBJECT_NONE, p, error) ||
              !ks_json_get_array (im, phase, "tasks", &tasks, SUBJECT_NONE, phase_name, p, error))
            return FALSE;
          index = ks_raci_chart_add_phase (chart, phase_name);
          for (guint t = 0; tasks && t < json_array_get_length (tasks); t++)
            if (!read_task (im, chart, index, json_array_get_object_element (tasks, t), t, error))
              return FALSE;
        }
      ks_raci_chart_grow (chart);
      g_ptr_array_add (im->raci, g_steal_pointer (&chart));
    }
  return TRUE;
}

gboolean
ks_json_write_raci (KsWorkspace  *ws,
                    Import       *im,
                    GError      **error)
{
  for (guint i = 0; i < im->raci->len; i++)
    {
      KsRaciChart *chart = g_ptr_array_index (im->raci, i);

      if (chart->account_name)
        {
          guint a = GPOINTER_TO_UINT (g_hash_table_lookup (im->account_index, chart->account_name));
          g_assert (a > 0);   /* checked while reading */
          chart->account_id = g_array_index (im->accounts, Account, a - 1).id;
        }
      for (guint c = 0; c < chart->columns->len; c++)
        {
          KsRaciColumn *column = g_ptr_array_index (chart->columns, c);
          if (!column->role)
            column->person_id = ks_json_person_id (im, column->label);
        }
      if (!ks_raci_chart_write (ws, chart, 0, _("Import RACI Chart"), error))
        return FALSE;
    }
  return TRUE;
}
