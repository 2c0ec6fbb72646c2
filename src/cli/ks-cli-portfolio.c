/* ks-cli-portfolio.c — keystone-cli's portfolio commands: import scores,
 * report scores, report abc (shared/docs/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports write their JSON themselves (as ks-json-export.c does for the
 * workspace): json-glib 1.6.6 prints 25.7 as 25.699999999999999, and a
 * score is promised with one decimal.
 */
#define G_LOG_DOMAIN "keystone-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-abc.h"
#include "ks-cli-portfolio.h"
#include "ks-json-writer.h"
#include "ks-scoring.h"

/* ---- import scores -------------------------------------------------------------- */

int
ks_cli_import_scores (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsImportReport) report = NULL;
  g_autofree char *period = NULL;
  const char *file;
  gboolean ok;

  if (g_strv_length (opts->args) != 3)
    return usage_error (_("usage: keystone-cli import scores FILE [--period P] [--json]"));
  file = opts->args[2];
  if (!(ws = open_existing (opts, &error)))
    return refused (error);

  period = opts->period ? g_strstrip (g_strdup (opts->period)) : ks_scores_default_period (ws);
  ok = ks_scores_import_csv (ws, file, period, &report, &error);
  if (!report)
    report = ks_import_report_new ();
  if (!ok && report->errors->len == 0 && error)
    ks_import_report_add (report, TRUE, file, 0, 0, "%s", error->message);

  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_imported (b, "scores", ok ? report->scores : 0);
      json_builder_set_member_name (b, "period");
      json_builder_add_string_value (b, period);
      add_import_issues (b, report, NULL);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    {
      print_file_issues (report->warnings, _("warning"));
      if (ok)
        {
          g_autofree char *n_scores = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u score", "%u scores",
                                                                    report->scores), report->scores);
          g_autofree char *n_warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                                      report->warnings->len),
                                                         report->warnings->len);
          /* Translators: "Imported 12 scores into review period “2026-Q3” (1 warning)" */
          g_print (_("Imported %s into review period “%s” (%s)\n"), n_scores, period, n_warnings);
        }
    }
  /* The errors, with FILE:LINE:COLUMN, always on stderr. */
  return ok ? EXIT_DONE : import_refused (report);
}

/* ---- report scores ------------------------------------------------------------ */

/* The period of --period (which must exist), else the current one; 0 when the
 * workspace has none. FALSE with @error when --period names none. */
gboolean
ks_cli_resolve_period (KsWorkspace    *ws,
                const char     *name,
                gint64         *id,
                GError        **error)
{
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GString) list = NULL;

  if (!name)
    {
      GError *local = NULL;

      *id = ks_period_get_current (ws, &local);
      if (local)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      return TRUE;
    }
  if (!(*id = ks_period_ensure (ws, name, FALSE, error)) && error && *error)
    return FALSE;
  if (*id)
    return TRUE;
  if (!(periods = ks_period_list (ws, error)))
    return FALSE;
  list = g_string_new (NULL);
  for (guint i = 0; i < periods->len; i++)
    g_string_append_printf (list, "%s“%s”", i ? ", " : "", ((KsPeriod *) g_ptr_array_index (periods, i))->name);
  if (periods->len)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("there is no review period “%s”; the periods are %s"), name, list->str);
  else
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("there is no review period “%s”; no scores were imported yet (import scores FILE --period P)"),
                 name);
  return FALSE;
}

/* Highest weighted score first, then by name (the table's order: stable sort). */
static int
compare_by_score (gconstpointer a,
                  gconstpointer b)
{
  const KsAccountScore *x = *(KsAccountScore * const *) a;
  const KsAccountScore *y = *(KsAccountScore * const *) b;

  if (x->weighted != y->weighted)
    return x->weighted > y->weighted ? -1 : 1;
  return 0;
}

static char *
format_score (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buf, sizeof buf, value == floor (value) ? "%.0f" : "%.1f", value));
}

int
ks_cli_report_scores (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsScoreTable) table = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) scored = g_ptr_array_new ();
  guint unscored = 0;
  gint64 period_id = 0;

  if (g_strv_length (opts->args) != 2)
    return usage_error (_("usage: keystone-cli report scores [--period P] [--json]"));
  if (!(ws = open_existing (opts, &error)) ||
      !ks_cli_resolve_period (ws, opts->period, &period_id, &error))
    return refused (error);
  if (period_id)
    {
      if (!(table = ks_score_table_load (ws, period_id, TRUE, &error)))
        return refused (error);
      criteria = g_ptr_array_ref (table->criteria);
      for (guint i = 0; i < table->accounts->len; i++)
        {
          KsAccountScore *row = g_ptr_array_index (table->accounts, i);
          if (row->n_scored)
            g_ptr_array_add (scored, row);
          else
            unscored++;
        }
      g_ptr_array_sort (scored, compare_by_score);
    }
  else if (!(criteria = ks_criteria_list (ws, &error)))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "period");
      if (table)
        ks_json_writer_string (j, table->period);
      else
        ks_json_writer_null (j);
      ks_json_writer_key (j, "criteria");
      ks_json_writer_begin (j, '[');
      for (guint c = 0; c < criteria->len; c++)
        {
          KsCriterion *crit = g_ptr_array_index (criteria, c);
          ks_json_writer_begin (j, '{');
          ks_json_writer_key (j, "name");
          ks_json_writer_string (j, crit->name);
          ks_json_writer_key (j, "weight");
          ks_json_writer_number (j, crit->weight, -1);
          ks_json_writer_end (j, '}');
        }
      ks_json_writer_end (j, ']');
      ks_json_writer_key (j, "accounts");
      ks_json_writer_begin (j, '[');
      for (guint i = 0; i < scored->len; i++)
        {
          KsAccountScore *row = g_ptr_array_index (scored, i);
          gboolean any_missing = FALSE, any_explained = FALSE;

          ks_json_writer_begin (j, '{');
          ks_json_writer_key (j, "rank");
          ks_json_writer_int (j, i + 1);
          ks_json_writer_key (j, "account");
          ks_json_writer_string (j, row->account);
          ks_json_writer_key (j, "score");
          ks_json_writer_number (j, row->weighted, 1);
          ks_json_writer_key (j, "band");
          ks_json_writer_string (j, ks_score_band_name (row->band));
          ks_json_writer_key (j, "scores");
          ks_json_writer_begin (j, '{');
          for (guint c = 0; c < criteria->len; c++)
            {
              ks_json_writer_key (j, ((KsCriterion *) g_ptr_array_index (criteria, c))->name);
              ks_json_writer_number (j, row->scores[c], -1);
              any_missing |= isnan (row->scores[c]);
              any_explained |= row->explanations[c][0] != '\0';
            }
          ks_json_writer_end (j, '}');
          if (any_explained)
            {
              ks_json_writer_key (j, "explanations");
              ks_json_writer_begin (j, '{');
              for (guint c = 0; c < criteria->len; c++)
                if (row->explanations[c][0])
                  {
                    ks_json_writer_key (j, ((KsCriterion *) g_ptr_array_index (criteria, c))->name);
                    ks_json_writer_string (j, row->explanations[c]);
                  }
              ks_json_writer_end (j, '}');
            }
          if (any_missing)
            {
              ks_json_writer_key (j, "missing");
              ks_json_writer_begin (j, '[');
              for (guint c = 0; c < criteria->len; c++)
                if (isnan (row->scores[c]))
                  ks_json_writer_string (j, ((KsCriterion *) g_ptr_array_index (criteria, c))->name);
              ks_json_writer_end (j, ']');
            }
          ks_json_writer_end (j, '}');
        }
      ks_json_writer_end (j, ']');
      ks_json_writer_key (j, "unscored");
      ks_json_writer_int (j, unscored);
      ks_json_writer_end (j, '}');
      print_json_text (j);
      return EXIT_DONE;
    }

  if (!table)
    {
      g_print (_("No review period yet: import scores with “import scores FILE --period P”.\n"));
      return EXIT_DONE;
    }
  {
    guint n_columns = 4 + criteria->len;
    g_autofree const char **headers = g_new0 (const char *, n_columns + 1);
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    g_autoptr(GString) weights = g_string_new (NULL);

    headers[0] = N_("#");
    headers[1] = N_("Account");
    headers[2] = N_("Score");
    headers[3] = N_("Band");
    for (guint c = 0; c < criteria->len; c++)
      {
        KsCriterion *crit = g_ptr_array_index (criteria, c);
        g_autofree char *w = format_score (crit->weight);

        headers[4 + c] = crit->name;
        g_string_append_printf (weights, "%s%s %s", c ? ", " : "", crit->name, w);
      }
    for (guint i = 0; i < scored->len; i++)
      {
        KsAccountScore *row = g_ptr_array_index (scored, i);
        char **cells = g_new0 (char *, n_columns + 1);
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        cells[0] = g_strdup_printf ("%u", i + 1);
        cells[1] = g_strdup (row->account);
        cells[2] = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", row->weighted));
        cells[3] = g_strdup (ks_score_band_label (row->band));
        for (guint c = 0; c < criteria->len; c++)
          cells[4 + c] = format_score (row->scores[c]);
        g_ptr_array_add (rows, cells);
      }
    /* Translators: "Review period 2026-Q3 (weights: Actual revenue 20, …)" */
    g_print (_("Review period %s (weights: %s)\n"), table->period, weights->str);
    if (rows->len)
      print_table (headers, n_columns, rows);
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u account scored, %u not scored\n",
                          "%u accounts scored, %u not scored\n", scored->len),
             scored->len, unscored);
  }
  return EXIT_DONE;
}

/* ---- report abc ------------------------------------------------------------------ */

int
ks_cli_report_abc (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAbcReport) report = NULL;
  KsRevenueSource source;
  int year = opts->year == KS_CLI_NO_YEAR ? -1 : opts->year;

  if (g_strv_length (opts->args) != 2)
    return usage_error (_("usage: keystone-cli report abc [--year Y] [--json]"));
  if (opts->year != KS_CLI_NO_YEAR && (opts->year < 0 || opts->year > 9999))
    return usage_error (_("--year %d is not a year (0–9999)"), opts->year);
  if (!(ws = open_existing (opts, &error)))
    return refused (error);
  source = ks_abc_get_source (ws);
  if (!(report = ks_abc_report_load (ws, source, year, &error)))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "thresholds");
      ks_json_writer_begin (j, '[');
      ks_json_writer_number (j, report->a_threshold, -1);
      ks_json_writer_number (j, report->b_threshold, -1);
      ks_json_writer_end (j, ']');
      ks_json_writer_key (j, "source");
      ks_json_writer_string (j, source == KS_REVENUE_ACCOUNT ? "account" : "won");
      ks_json_writer_key (j, "year");
      if (year >= 0 && source == KS_REVENUE_WON)
        ks_json_writer_int (j, year);
      else
        ks_json_writer_null (j);
      ks_json_writer_key (j, "total");
      ks_json_writer_number (j, report->total, -1);
      ks_json_writer_key (j, "accounts");
      ks_json_writer_begin (j, '[');
      for (guint i = 0; i < report->rows->len; i++)
        {
          const KsAbcRow *row = &g_array_index (report->rows, KsAbcRow, i);

          ks_json_writer_begin (j, '{');
          ks_json_writer_key (j, "rank");
          ks_json_writer_int (j, row->rank);
          ks_json_writer_key (j, "account");
          ks_json_writer_string (j, row->name);
          ks_json_writer_key (j, "revenue");
          ks_json_writer_number (j, row->revenue, -1);
          ks_json_writer_key (j, "share");
          ks_json_writer_number (j, row->share, -1);
          ks_json_writer_key (j, "cumulative_share");
          ks_json_writer_number (j, row->cumulative_share, -1);
          ks_json_writer_key (j, "class");
          ks_json_writer_string (j, ks_abc_class_name (row->klass));
          ks_json_writer_key (j, "key");
          ks_json_writer_bool (j, row->key);
          ks_json_writer_end (j, '}');
        }
      ks_json_writer_end (j, ']');
      ks_json_writer_key (j, "counts");
      ks_json_writer_begin (j, '{');
      for (int c = KS_ABC_A; c <= KS_ABC_C; c++)
        {
          ks_json_writer_key (j, ks_abc_class_name (c));
          ks_json_writer_int (j, report->counts[c]);
        }
      ks_json_writer_end (j, '}');
      ks_json_writer_key (j, "class_revenue");
      ks_json_writer_begin (j, '{');
      for (int c = KS_ABC_A; c <= KS_ABC_C; c++)
        {
          ks_json_writer_key (j, ks_abc_class_name (c));
          ks_json_writer_number (j, report->class_revenue[c], -1);
        }
      ks_json_writer_end (j, '}');
      ks_json_writer_key (j, "key_accounts");
      ks_json_writer_int (j, report->n_key);
      ks_json_writer_key (j, "key_revenue");
      ks_json_writer_number (j, report->key_revenue, -1);
      ks_json_writer_key (j, "key_share");
      ks_json_writer_number (j, report->key_share, -1);
      ks_json_writer_key (j, "key_share_target");
      ks_json_writer_begin (j, '[');
      ks_json_writer_number (j, KS_ABC_KEY_SHARE_LOW, -1);
      ks_json_writer_number (j, KS_ABC_KEY_SHARE_HIGH, -1);
      ks_json_writer_end (j, ']');
      ks_json_writer_end (j, '}');
      print_json_text (j);
      return EXIT_DONE;
    }

  {
    static const char *headers[] = {
      N_("#"), N_("Account"), N_("Revenue"), N_("Share"), N_("Cumulative"), N_("Class"),
    };
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    for (guint i = 0; i < report->rows->len; i++)
      {
        const KsAbcRow *row = &g_array_index (report->rows, KsAbcRow, i);
        char **cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

        cells[0] = g_strdup_printf ("%u", row->rank);
        cells[1] = row->key ? g_strdup_printf (_("%s (key)"), row->name) : g_strdup (row->name);
        cells[2] = g_strdup_printf ("%.0f", row->revenue);
        cells[3] = g_strdup_printf ("%s %%", g_ascii_formatd (buf, sizeof buf, "%.1f", row->share));
        cells[4] = g_strdup_printf ("%s %%", g_ascii_formatd (buf, sizeof buf, "%.1f", row->cumulative_share));
        cells[5] = g_strdup (ks_abc_class_name (row->klass));
        g_ptr_array_add (rows, cells);
      }
    if (rows->len)
      print_table (headers, G_N_ELEMENTS (headers), rows);
    {
      g_autofree char *what = source == KS_REVENUE_ACCOUNT ? g_strdup (_("the accounts’ own revenue"))
                              : year >= 0 ? g_strdup_printf (_("won in opportunities closed in %d"), year)
                              : g_strdup (_("won, all time"));
      g_print (_("Total %.0f (%s)\n"), report->total, what);
    }
    for (int c = KS_ABC_A; c <= KS_ABC_C; c++)
      {
        double share = report->total > 0 ? report->class_revenue[c] / report->total * 100 : 0;
        /* Translators: "A: 39 accounts, 60.1 % of revenue" */
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u account, %s %% of revenue\n",
                              "%s: %u accounts, %s %% of revenue\n", report->counts[c]),
                 ks_abc_class_name (c), report->counts[c], g_ascii_formatd (buf, sizeof buf, "%.1f", share));
      }
    g_print (_("Key accounts: %u, %s %% of revenue (rule of thumb: 50–60 %%)\n"),
             report->n_key, g_ascii_formatd (buf, sizeof buf, "%.1f", report->key_share));
  }
  return EXIT_DONE;
}
