/* ks-raci-csv.c — a RACI chart as CSV: phase, task, person, letter[, main]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per letter, in the chart's order (tasks, then columns). The first
 * task also lists the columns it has no letter in (letter empty), so the
 * columns come back in their order; a task without letters is one row with
 * person and letter empty, an empty phase one row with only its name.
 * Import reads the whole file into a KsRaciChart first and writes it only
 * when no row was refused.
 */
#define G_LOG_DOMAIN "ks-raci"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-raci-private.h"
#include "ks-workspace-private.h"

enum { C_PHASE, C_TASK, C_PERSON, C_LETTER, C_MAIN };
static const char *const raci_columns[] = { "phase", "task", "person", "letter", "main" };

/* ---- export ------------------------------------------------------------------- */

static void
append_field (GString    *out,
              const char *text)
{
  if (!text)
    text = "";
  if (strpbrk (text, ",\"\r\n") || (*text && (g_ascii_isspace (text[0]) ||
                                               g_ascii_isspace (text[strlen (text) - 1]))))
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

static void
append_row (GString    *out,
            gboolean    with_main,
            const char *phase,
            const char *task,
            const char *person,
            char        letter,
            gboolean    main)
{
  char l[2] = { letter, 0 };

  append_field (out, phase);
  g_string_append_c (out, ',');
  append_field (out, task);
  g_string_append_c (out, ',');
  append_field (out, person);
  g_string_append_c (out, ',');
  g_string_append (out, l);
  if (with_main)
    g_string_append (out, main ? ",yes" : ",");
  g_string_append_c (out, '\n');
}

char *
ks_raci_csv_default_scope (const char *path)
{
  g_autofree char *base = NULL;
  gsize n;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  n = strlen (base);
  if (n > 4 && g_ascii_strcasecmp (base + n - 4, ".csv") == 0)
    base[n - 4] = '\0';
  return g_steal_pointer (&base);
}

char *
ks_raci_export_csv (const KsRaciChart *chart)
{
  GString *out = g_string_new (NULL);
  guint nt, nc;
  gboolean with_main = FALSE;
  g_autofree gboolean *phase_has_tasks = NULL;

  g_return_val_if_fail (chart != NULL, NULL);

  nt = chart->tasks->len;
  nc = chart->columns->len;
  for (guint t = 0; t < nt; t++)
    for (guint c = 0; c < nc; c++)
      if (ks_raci_chart_get (chart, t, c) == KS_RACI_R && chart->main[t * chart->n_sized_columns + c])
        with_main = TRUE;
  g_string_append (out, with_main ? "phase,task,person,letter,main\n" : "phase,task,person,letter\n");

  phase_has_tasks = g_new0 (gboolean, MAX (chart->phases->len, 1));
  for (guint t = 0; t < nt; t++)
    phase_has_tasks[((KsRaciTask *) g_ptr_array_index (chart->tasks, t))->phase] = TRUE;

  for (guint p = 0, t = 0; p < chart->phases->len; p++)
    {
      const char *phase = ((KsRaciPhase *) g_ptr_array_index (chart->phases, p))->name;

      if (!phase_has_tasks[p])
        {
          append_row (out, with_main, phase, NULL, NULL, 0, FALSE);
          continue;
        }
      for (; t < nt && ((KsRaciTask *) g_ptr_array_index (chart->tasks, t))->phase == p; t++)
        {
          const char *task = ((KsRaciTask *) g_ptr_array_index (chart->tasks, t))->name;
          gboolean any = FALSE;

          for (guint c = 0; c < nc; c++)
            {
              KsRaciColumn *column = g_ptr_array_index (chart->columns, c);
              KsRaciLetter l = ks_raci_chart_get (chart, t, c);

              if (l == KS_RACI_EMPTY && t > 0)
                continue;
              append_row (out, with_main, phase, task, column->label, (char) l,
                          l == KS_RACI_R && chart->main[t * chart->n_sized_columns + c]);
              any = TRUE;
            }
          if (!any)
            append_row (out, with_main, phase, task, NULL, 0, FALSE);
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- import ------------------------------------------------------------------- */

typedef struct
{
  KsWorkspace *ws;
  KsRaciChart *chart;        /* what the file says */
  gboolean     arsci_known;  /* an existing chart: its mode decides S */
  gboolean     arsci;
  GHashTable  *people;       /* name → id (gint64 *) */
  GHashTable  *people_keys;  /* casefolded name → GPtrArray of names */
  GHashTable  *roles;        /* casefolded role → role as written */
  GHashTable  *phases;       /* name → index + 1 */
  GHashTable  *tasks;        /* "phase\x1ftask" → index + 1 */
  GHashTable  *columns;      /* "p:ID" or "r:casefolded role" → index + 1 */
  GHashTable  *cells;        /* "task:column" → line */
  GHashTable  *mains;        /* task index → line */
} RaciJob;

static void
raci_job_clear (RaciJob *job)
{
  g_clear_pointer (&job->chart, ks_raci_chart_free);
  g_clear_pointer (&job->people, g_hash_table_unref);
  g_clear_pointer (&job->people_keys, g_hash_table_unref);
  g_clear_pointer (&job->roles, g_hash_table_unref);
  g_clear_pointer (&job->phases, g_hash_table_unref);
  g_clear_pointer (&job->tasks, g_hash_table_unref);
  g_clear_pointer (&job->columns, g_hash_table_unref);
  g_clear_pointer (&job->cells, g_hash_table_unref);
  g_clear_pointer (&job->mains, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RaciJob, raci_job_clear)

static gboolean
load_people (RaciJob  *job,
             GError  **error)
{
  KsStmt *stmt = ks_workspace_prepare (job->ws, "SELECT id, name FROM people ORDER BY name, id", error);
  int rc;

  if (!stmt)
    return FALSE;
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      const char *name = ks_column_text (stmt, 1);
      gint64 id = ks_stmt_column_int64 (stmt, 0);
      char *key = g_utf8_casefold (name, -1);
      GPtrArray *names = g_hash_table_lookup (job->people_keys, key);

      g_hash_table_insert (job->people, g_strdup (name), g_memdup2 (&id, sizeof id));
      if (!names)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (job->people_keys, key, names);
        }
      else
        g_free (key);
      g_ptr_array_add (names, g_strdup (name));
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (job->ws, error, _("read the people"));
      return FALSE;
    }
  return TRUE;
}

/* The column a person cell names: its index, or -1 with an error. */
static int
row_column (RaciJob     *job,
            KsCsvReader *reader,
            const char  *person)
{
  g_autofree char *name = g_strstrip (g_strdup (person));
  g_autofree char *fold = g_utf8_casefold (name, -1);
  g_autofree char *key = NULL;
  const char *label = name;
  const char *role = NULL;
  gint64 person_id = 0;
  gint64 *id;
  gpointer found;

  if ((id = g_hash_table_lookup (job->people, name)))
    person_id = *id;
  else
    {
      GPtrArray *names = g_hash_table_lookup (job->people_keys, fold);

      if (names && names->len == 1)
        {
          label = g_ptr_array_index (names, 0);
          person_id = *(gint64 *) g_hash_table_lookup (job->people, label);
        }
      else if (names)
        {
          g_autoptr(GString) list = g_string_new (NULL);
          g_autofree char *shown = ks_csv_shorten (name);

          for (guint i = 0; i < names->len; i++)
            g_string_append_printf (list, "%s“%s”", i ? ", " : "", (char *) g_ptr_array_index (names, i));
          ks_csv_reader_cell_error (reader, C_PERSON, KS_IMPORT_ERROR_VALUE,
                                    _("the person “%s” is ambiguous: it could be %s"), shown, list->str);
          return -1;
        }
      else if ((role = g_hash_table_lookup (job->roles, fold)))
        label = role;
      else
        {
          g_autofree char *shown = ks_csv_shorten (name);
          ks_csv_reader_cell_error (reader, C_PERSON, KS_IMPORT_ERROR_VALUE,
                                    _("there is no person “%s” in this workspace, and no account team "
                                      "has a role of that name"), shown);
          return -1;
        }
    }
  key = person_id > 0 ? g_strdup_printf ("p:%" G_GINT64_FORMAT, person_id) : g_strconcat ("r:", fold, NULL);
  if (g_hash_table_lookup_extended (job->columns, key, NULL, &found))
    return GPOINTER_TO_INT (found) - 1;
  {
    guint i = ks_raci_chart_add_column (job->chart, person_id, role, label);
    g_hash_table_insert (job->columns, g_steal_pointer (&key), GINT_TO_POINTER (i + 1));
    return i;
  }
}

static void
read_raci_row (KsCsvReader *reader,
               gpointer     user_data)
{
  RaciJob *job = user_data;
  const char *phase_text = ks_csv_reader_required (reader, C_PHASE);
  const char *task_text = ks_csv_reader_value (reader, C_TASK, NULL);
  const char *person = ks_csv_reader_value (reader, C_PERSON, NULL);
  const char *letter_text = ks_csv_reader_value (reader, C_LETTER, NULL);
  const char *main_text = ks_csv_reader_value (reader, C_MAIN, NULL);
  g_autofree char *phase_name = NULL;
  g_autofree char *task_name = NULL;
  g_autofree char *task_key = NULL;
  g_autofree char *cell_key = NULL;
  KsRaciLetter letter = KS_RACI_EMPTY;
  gboolean main = FALSE, ok = TRUE;
  gpointer found;
  guint line = ks_csv_reader_get_row_line (reader);
  guint phase, task;
  int column = -1;

  if (!phase_text)
    return;
  phase_name = g_strstrip (g_strdup (phase_text));
  task_name = g_strstrip (g_strdup (task_text ? task_text : ""));
  if (!*task_name && (!ks_csv_is_blank (person) || !ks_csv_is_blank (letter_text)))
    {
      ks_csv_reader_required (reader, C_TASK);
      return;
    }

  if (!ks_csv_is_blank (letter_text))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (letter_text));
      gboolean arsci = job->arsci_known ? job->arsci : TRUE;

      if (g_utf8_strlen (trimmed, -1) != 1 || !ks_raci_letter_parse (g_utf8_get_char (trimmed), arsci, &letter))
        {
          g_autofree char *shown = ks_csv_shorten (trimmed);
          if (g_utf8_strlen (trimmed, -1) == 1 && g_unichar_toupper (g_utf8_get_char (trimmed)) == 'S')
            ks_csv_reader_cell_error (reader, C_LETTER, KS_IMPORT_ERROR_VALUE,
                                      _("S (supportive) is used only in an ARSCI chart; this chart is RACI"));
          else
            ks_csv_reader_cell_error (reader, C_LETTER, KS_IMPORT_ERROR_VALUE,
                                      _("the letter “%s” is not one of R, A, C, I or S"), shown);
          ok = FALSE;
        }
      if (ks_csv_is_blank (person))
        {
          ks_csv_reader_cell_error (reader, C_PERSON, KS_IMPORT_ERROR_VALUE,
                                    _("a letter needs a person or a role"));
          ok = FALSE;
        }
    }
  if (!ks_csv_is_blank (main_text))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (main_text));

      if (g_ascii_strcasecmp (trimmed, "yes") == 0)
        main = TRUE;
      else if (g_ascii_strcasecmp (trimmed, "no") != 0)
        {
          g_autofree char *shown = ks_csv_shorten (trimmed);
          ks_csv_reader_cell_error (reader, C_MAIN, KS_IMPORT_ERROR_VALUE,
                                    _("“main” is “yes” or empty, not “%s”"), shown);
          ok = FALSE;
        }
      if (main && letter != KS_RACI_R && ok)
        {
          ks_csv_reader_cell_error (reader, C_MAIN, KS_IMPORT_ERROR_VALUE,
                                    _("only an R can be the task's main responsible"));
          ok = FALSE;
        }
    }
  if (!ks_csv_is_blank (person) && (column = row_column (job, reader, person)) < 0)
    ok = FALSE;
  if (!ok)
    return;

  if (g_hash_table_lookup_extended (job->phases, phase_name, NULL, &found))
    phase = GPOINTER_TO_UINT (found) - 1;
  else
    {
      phase = ks_raci_chart_add_phase (job->chart, phase_name);
      g_hash_table_insert (job->phases, g_strdup (phase_name), GUINT_TO_POINTER (phase + 1));
    }
  if (!*task_name)
    return;
  task_key = g_strdup_printf ("%u\x1f%s", phase, task_name);
  if (g_hash_table_lookup_extended (job->tasks, task_key, NULL, &found))
    task = GPOINTER_TO_UINT (found) - 1;
  else
    {
      task = ks_raci_chart_add_task (job->chart, phase, task_name);
      g_hash_table_insert (job->tasks, g_steal_pointer (&task_key), GUINT_TO_POINTER (task + 1));
    }
  if (column < 0 || letter == KS_RACI_EMPTY)
    return;

  cell_key = g_strdup_printf ("%u:%d", task, column);
  if (g_hash_table_lookup_extended (job->cells, cell_key, NULL, &found))
    {
      KsRaciColumn *c = g_ptr_array_index (job->chart->columns, column);
      ks_csv_reader_cell_error (reader, C_PERSON, KS_IMPORT_ERROR_VALUE,
                                _("“%s” has a letter for “%s” already, on line %u; one letter per task and person"),
                                c->label, task_name, GPOINTER_TO_UINT (found));
      return;
    }
  if (main && g_hash_table_lookup_extended (job->mains, GUINT_TO_POINTER (task + 1), NULL, &found))
    {
      ks_csv_reader_cell_error (reader, C_MAIN, KS_IMPORT_ERROR_VALUE,
                                _("“%s” has its main R already, on line %u; only one R is the main one"),
                                task_name, GPOINTER_TO_UINT (found));
      return;
    }
  g_hash_table_insert (job->cells, g_steal_pointer (&cell_key), GUINT_TO_POINTER (line));
  if (main)
    g_hash_table_insert (job->mains, GUINT_TO_POINTER (task + 1), GUINT_TO_POINTER (line));
  if (letter == KS_RACI_S)
    job->chart->arsci = TRUE;
  ks_raci_chart_set (job->chart, task, column, letter, main);
}

gboolean
ks_raci_import_csv (KsWorkspace     *workspace,
                    const char      *path,
                    const char      *scope,
                    KsImportReport  *report,
                    GError         **error)
{
  g_autoptr(KsImportReport) own_report = NULL;
  g_autoptr(KsCsvReader) reader = NULL;
  g_autoptr(KsRaciChart) existing = NULL;
  g_auto(RaciJob) job = { 0 };
  g_autofree char *name = NULL;
  GError *local = NULL;
  gint64 chart_id, written;
  gint code;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!report)
    report = own_report = ks_import_report_new ();
  name = g_strstrip (g_strdup (scope ? scope : ""));
  if (!*name || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The RACI chart to import into has no name"));
      return FALSE;
    }

  job.ws = workspace;
  job.chart = ks_raci_chart_new ();
  job.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job.people_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  job.phases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job.tasks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job.columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job.cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job.mains = g_hash_table_new (g_direct_hash, g_direct_equal);

  chart_id = ks_raci_chart_find (workspace, name, &local);
  if (!chart_id)
    {
      if (!g_error_matches (local, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      g_clear_error (&local);
    }
  if (chart_id)
    {
      if (!(existing = ks_raci_chart_load (workspace, chart_id, -1, error)))
        return FALSE;
      job.arsci_known = TRUE;
      job.arsci = existing->arsci;
    }
  if (!load_people (&job, error) || !(job.roles = ks_raci_known_roles (workspace, error)))
    return FALSE;
  for (guint i = 0; existing && i < existing->columns->len; i++)
    {
      KsRaciColumn *c = g_ptr_array_index (existing->columns, i);
      char *key;

      if (!c->role)
        continue;
      key = g_utf8_casefold (c->role, -1);
      if (g_hash_table_contains (job.roles, key))
        g_free (key);
      else
        g_hash_table_insert (job.roles, key, g_strdup (c->role));
    }

  reader = ks_csv_reader_open (path, path, raci_columns, G_N_ELEMENTS (raci_columns), 4, report);
  if (!reader)
    {
      ks_import_report_add (report, TRUE, path, 0, 0, _("there is no file “%s”"), path);
      ks_import_report_set_error (report, KS_IMPORT_ERROR_IO, NULL, error);
      return FALSE;
    }
  if (ks_csv_reader_failed (reader))
    {
      ks_import_report_set_error (report, ks_csv_reader_get_error_code (reader), NULL, error);
      return FALSE;
    }
  ks_csv_reader_run (reader, read_raci_row, &job);
  ks_csv_reader_finish (reader);
  if (ks_csv_reader_failed (reader))
    {
      code = ks_csv_reader_get_error_code (reader);
      ks_import_report_set_error (report, code >= 0 ? code : KS_IMPORT_ERROR_VALUE, NULL, error);
      return FALSE;
    }

  ks_raci_chart_grow (job.chart);
  job.chart->name = g_strdup (name);
  job.chart->scope = KS_RACI_SCOPE_PROCESS;
  written = ks_raci_chart_write (workspace, job.chart, chart_id, _("Import RACI Chart"), error);
  if (!written)
    return FALSE;
  report->letters = g_hash_table_size (job.cells);
  return TRUE;
}
