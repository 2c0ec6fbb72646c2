/* ks-cli-raci.c — keystone-cli's RACI commands: import raci, export raci,
 * raci check, raci list, raci template (shared/docs/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "keystone-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-account.h"
#include "ks-cli-raci.h"
#include "ks-export.h"
#include "ks-json-writer.h"
#include "ks-palette.h"
#include "ks-raci.h"
#include "ks-raci-draw.h"
#include "ks-raci-model.h"

/* ---- import raci / export raci --------------------------------------------------- */

int
ks_cli_import_raci (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsImportReport) report = ks_import_report_new ();
  g_autofree char *scope = NULL;
  const char *file;
  gboolean ok;

  if (g_strv_length (opts->args) != 3)
    return usage_error (_("usage: keystone-cli import raci FILE [--scope NAME] [--json]"));
  file = opts->args[2];
  if (opts->scope)
    scope = g_strdup (opts->scope);
  else
    scope = ks_raci_csv_default_scope (file);
  if (!(ws = open_existing (opts, &error)))
    return refused (error);

  ok = ks_raci_import_csv (ws, file, scope, report, &error);
  if (!ok && report->errors->len == 0 && error)
    ks_import_report_add (report, TRUE, file, 0, 0, "%s", error->message);

  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "scope");
      json_builder_add_string_value (b, scope);
      add_imported (b, "letters", ok ? report->letters : 0);
      add_import_issues (b, report, NULL);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    {
      print_file_issues (report->warnings, _("warning"));
      if (ok)
        {
          g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter", "%u letters",
                                                             report->letters), report->letters);
          /* Translators: "Imported 24 letters into the RACI chart “Quotes”" */
          g_print (_("Imported %s into the RACI chart “%s”\n"), n, scope);
        }
    }
  return ok ? EXIT_DONE : import_refused (report);
}

/* The chart of --scope, loaded with its roles resolved for --account when given. */
static KsRaciChart *
load_scope (const Options  *opts,
            KsWorkspace    *ws,
            const char     *scope,
            GError        **error)
{
  g_autoptr(KsAccount) account = NULL;
  gint64 id;

  if (opts->account && !(account = ks_account_find (ws, opts->account, error)))
    return NULL;
  if (!(id = ks_raci_chart_find (ws, scope, error)))
    return NULL;
  return ks_raci_chart_load (ws, id, account ? ks_account_get_id (account) : 0, error);
}

int
ks_cli_export_raci (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsRaciChart) chart = NULL;
  g_autofree char *csv = NULL;

  if (g_strv_length (opts->args) != 2 || !opts->scope)
    return usage_error (_("usage: keystone-cli export raci --scope NAME [-o FILE]"));
  if (!(ws = open_existing (opts, &error)) ||
      !(chart = load_scope (opts, ws, opts->scope, &error)))
    return refused (error);
  csv = ks_raci_export_csv (chart);
  if (opts->output && g_strcmp0 (opts->output, "-") != 0)
    return g_file_set_contents (opts->output, csv, -1, &error) ? EXIT_DONE : refused (error);
  return print_export (csv);
}

/* ---- render raci ----------------------------------------------------------------- */

int
ks_cli_render_raci (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsRaciChart) chart = NULL;
  g_autoptr(KsRaciCheck) check = NULL;
  g_autoptr(KsRaciGridModel) model = NULL;
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  KsExportFormat format;

  if (g_strv_length (opts->args) != 2 || !opts->scope || !opts->output)
    return usage_error (_("usage: keystone-cli render raci --scope NAME [--account NAME] "
                          "[--width W] [--height H] -o FILE"));
  if (opts->width < 0 || opts->height < 0 || opts->width > 20000 || opts->height > 20000 ||
      (opts->width > 0) != (opts->height > 0))
    return usage_error (_("--width and --height go together and take a size from 1 to 20000"));
  if (!ks_export_format_for_path (opts->output, &format, &error))
    return usage_error ("%s", error->message);
  if (!(ws = open_existing (opts, &error)) ||
      !(chart = load_scope (opts, ws, opts->scope, &error)))
    return refused (error);

  /* Without a size: the whole grid at 100 % (PDF: landscape A4 pages with
   * the headers repeated). */
  check = ks_raci_check (chart);
  model = ks_raci_grid_model_from_chart (chart, check);
  if (!ks_raci_export (opts->output, model, palette, opts->width, opts->height, &error))
    return refused (error);
  if (!opts->json)
    g_print (_("Drew the RACI chart “%s” (%u tasks × %u columns) into %s\n"),
             chart->name, chart->tasks->len, chart->columns->len, opts->output);
  else
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, opts->output);
      json_builder_set_member_name (b, "tasks");
      json_builder_add_int_value (b, chart->tasks->len);
      json_builder_set_member_name (b, "columns");
      json_builder_add_int_value (b, chart->columns->len);
      json_builder_set_member_name (b, "errors");
      json_builder_add_int_value (b, check->n_errors);
      json_builder_end_object (b);
      print_json (b);
    }
  return EXIT_DONE;
}

/* ---- raci check ------------------------------------------------------------------ */

static const char *
column_person (KsRaciColumn *c)
{
  return c->resolved_name ? c->resolved_name : c->label;
}

static void
write_check (KsJsonWriter      *j,
             const KsRaciChart *chart,
             const KsRaciCheck *check)
{
  ks_json_writer_key (j, "scope");
  ks_json_writer_string (j, chart->name);
  write_string_or_null (j, "account", chart->account_name);
  ks_json_writer_key (j, "tasks");
  ks_json_writer_int (j, chart->tasks->len);
  for (int severity = KS_RACI_ERROR; severity <= KS_RACI_WARNING; severity++)
    {
      ks_json_writer_key (j, severity == KS_RACI_ERROR ? "errors" : "warnings");
      ks_json_writer_begin (j, '[');
      for (guint i = 0; i < check->findings->len; i++)
        {
          KsRaciFinding *f = g_ptr_array_index (check->findings, i);

          if ((int) f->severity != severity)
            continue;
          ks_json_writer_begin (j, '{');
          write_string_or_null (j, "task", f->task >= 0
                                ? ((KsRaciTask *) g_ptr_array_index (chart->tasks, f->task))->name : NULL);
          write_string_or_null (j, "column", f->column >= 0
                                ? ((KsRaciColumn *) g_ptr_array_index (chart->columns, f->column))->label : NULL);
          ks_json_writer_key (j, "kind");
          ks_json_writer_string (j, f->kind);
          ks_json_writer_key (j, "message");
          ks_json_writer_string (j, f->message);
          ks_json_writer_end (j, '}');
        }
      ks_json_writer_end (j, ']');
    }
  ks_json_writer_key (j, "load");
  ks_json_writer_begin (j, '[');
  for (guint c = 0; c < check->n_load; c++)
    {
      KsRaciColumn *column = g_ptr_array_index (chart->columns, c);
      const KsRaciLoad *l = &check->load[c];

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "person");
      ks_json_writer_string (j, column_person (column));
      ks_json_writer_key (j, "column");
      ks_json_writer_string (j, column->label);
      ks_json_writer_key (j, "R");
      ks_json_writer_int (j, l->r);
      ks_json_writer_key (j, "A");
      ks_json_writer_int (j, l->a);
      if (chart->arsci)
        {
          ks_json_writer_key (j, "S");
          ks_json_writer_int (j, l->s);
        }
      ks_json_writer_key (j, "C");
      ks_json_writer_int (j, l->c);
      ks_json_writer_key (j, "I");
      ks_json_writer_int (j, l->i);
      ks_json_writer_end (j, '}');
    }
  ks_json_writer_end (j, ']');
}

static void
print_check (const KsRaciChart *chart,
             const KsRaciCheck *check)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { _("Column"), _("Person"), "R", "A", "C", "I" };
  g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                                          check->n_errors), check->n_errors);
  g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                            check->n_warnings), check->n_warnings);

  if (chart->account_name)
    /* Translators: "Quotation handling — Kessler (for Kessler): 2 errors, 1 warning" */
    g_print (_("%s (for %s): %s, %s\n"), chart->name, chart->account_name, errors, warnings);
  else
    g_print (_("%s: %s, %s\n"), chart->name, errors, warnings);
  for (guint i = 0; i < check->findings->len; i++)
    {
      KsRaciFinding *f = g_ptr_array_index (check->findings, i);
      g_print ("  %s: %s: %s\n", f->severity == KS_RACI_ERROR ? _("error") : _("warning"), f->kind, f->message);
    }
  for (guint c = 0; c < check->n_load; c++)
    {
      KsRaciColumn *column = g_ptr_array_index (chart->columns, c);
      const KsRaciLoad *l = &check->load[c];
      char **row = g_new0 (char *, 7);

      row[0] = g_strdup (column->label);
      row[1] = g_strdup (column->resolved_name ? column->resolved_name : "");
      row[2] = g_strdup_printf ("%u", l->r);
      row[3] = g_strdup_printf ("%u", l->a);
      row[4] = g_strdup_printf ("%u", l->c);
      row[5] = g_strdup_printf ("%u", l->i);
      g_ptr_array_add (rows, row);
    }
  if (rows->len)
    print_table (headers, G_N_ELEMENTS (headers), rows);
  g_print ("\n");
}

static int
raci_check (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_raci_chart_free);
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_raci_check_free);
  gint64 account_id = 0;
  guint n_errors = 0, n_warnings = 0;

  if (g_strv_length (opts->args) != 2)
    return usage_error (_("usage: keystone-cli raci check [--scope NAME] [--account NAME] [--json]"));
  if (!(ws = open_existing (opts, &error)))
    return refused (error);
  if (opts->account)
    {
      if (!(account = ks_account_find (ws, opts->account, &error)))
        return refused (error);
      account_id = ks_account_get_id (account);
    }
  if (opts->scope)
    {
      KsRaciChart *chart = load_scope (opts, ws, opts->scope, &error);
      if (!chart)
        return refused (error);
      g_ptr_array_add (charts, chart);
    }
  else
    {
      /* Every chart; with --account, that account's own charts and the
       * company and process charts, roles resolved for it. */
      g_autoptr(GPtrArray) list = ks_raci_chart_list (ws, account_id ? -1 : 0, &error);
      g_autoptr(GPtrArray) own = NULL;

      if (!list || (account_id && !(own = ks_raci_chart_list (ws, account_id, &error))))
        return refused (error);
      for (guint pass = 0; pass < 2; pass++)
        {
          GPtrArray *from = pass == 0 ? list : own;
          for (guint i = 0; from && i < from->len; i++)
            {
              KsRaciChartInfo *info = g_ptr_array_index (from, i);
              KsRaciChart *chart = ks_raci_chart_load (ws, info->id, account_id, &error);
              if (!chart)
                return refused (error);
              g_ptr_array_add (charts, chart);
            }
        }
    }
  for (guint i = 0; i < charts->len; i++)
    {
      KsRaciCheck *check = ks_raci_check (g_ptr_array_index (charts, i));
      n_errors += check->n_errors;
      n_warnings += check->n_warnings;
      g_ptr_array_add (checks, check);
    }

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      if (opts->scope)
        write_check (j, g_ptr_array_index (charts, 0), g_ptr_array_index (checks, 0));
      else
        {
          ks_json_writer_key (j, "charts");
          ks_json_writer_begin (j, '[');
          for (guint i = 0; i < charts->len; i++)
            {
              ks_json_writer_begin (j, '{');
              write_check (j, g_ptr_array_index (charts, i), g_ptr_array_index (checks, i));
              ks_json_writer_end (j, '}');
            }
          ks_json_writer_end (j, ']');
          ks_json_writer_key (j, "n_errors");
          ks_json_writer_int (j, n_errors);
          ks_json_writer_key (j, "n_warnings");
          ks_json_writer_int (j, n_warnings);
        }
      ks_json_writer_end (j, '}');
      print_json_text (j);
    }
  else
    {
      for (guint i = 0; i < charts->len; i++)
        print_check (g_ptr_array_index (charts, i), g_ptr_array_index (checks, i));
      if (charts->len == 0)
        g_print (_("There are no RACI charts.\n"));
    }
  return n_errors ? EXIT_REFUSED : EXIT_DONE;
}

/* ---- raci list, raci template ------------------------------------------------------ */

static int
raci_list (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (g_strv_length (opts->args) != 2)
    return usage_error (_("usage: keystone-cli raci list [--json]"));
  if (!(ws = open_existing (opts, &error)) || !(list = ks_raci_chart_list (ws, 0, &error)))
    return refused (error);
  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "charts");
      ks_json_writer_begin (j, '[');
      for (guint i = 0; i < list->len; i++)
        {
          KsRaciChartInfo *info = g_ptr_array_index (list, i);
          ks_json_writer_begin (j, '{');
          ks_json_writer_key (j, "name");
          ks_json_writer_string (j, info->name);
          ks_json_writer_key (j, "scope");
          ks_json_writer_string (j, ks_raci_scope_name (info->scope));
          write_string_or_null (j, "account", info->account_name);
          ks_json_writer_key (j, "arsci");
          ks_json_writer_bool (j, info->arsci);
          ks_json_writer_key (j, "tasks");
          ks_json_writer_int (j, info->n_tasks);
          ks_json_writer_end (j, '}');
        }
      ks_json_writer_end (j, ']');
      ks_json_writer_end (j, '}');
      print_json_text (j);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char *headers[] = { _("Name"), _("Scope"), _("Account"), _("Tasks") };

      for (guint i = 0; i < list->len; i++)
        {
          KsRaciChartInfo *info = g_ptr_array_index (list, i);
          char **row = g_new0 (char *, 5);
          row[0] = g_strdup (info->name);
          row[1] = g_strdup (ks_raci_scope_name (info->scope));
          row[2] = g_strdup (info->account_name ? info->account_name : "");
          row[3] = g_strdup_printf ("%u", info->n_tasks);
          g_ptr_array_add (rows, row);
        }
      print_table (headers, G_N_ELEMENTS (headers), rows);
    }
  return EXIT_DONE;
}

static int
raci_template (const Options *opts)
{
  static const char *const names[KS_RACI_N_TEMPLATES] = {
    [KS_RACI_TEMPLATE_QUOTATION] = "quotation",
    [KS_RACI_TEMPLATE_ORDER_DELIVERY] = "order-delivery",
    [KS_RACI_TEMPLATE_HANDOVER] = "handover",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsAccount) account = NULL;
  g_autoptr(KsRaciChart) chart = NULL;
  int template_ = -1;
  gint64 id;

  if (g_strv_length (opts->args) == 3)
    for (guint i = 0; i < KS_RACI_N_TEMPLATES; i++)
      if (g_str_equal (opts->args[2], names[i]))
        template_ = i;
  if (template_ < 0 || !opts->account)
    return usage_error (_("usage: keystone-cli raci template quotation|order-delivery|handover --account NAME [--json]"));
  if (!(ws = open_existing (opts, &error)) ||
      !(account = ks_account_find (ws, opts->account, &error)) ||
      !(id = ks_raci_template_instantiate (ws, template_, ks_account_get_id (account), &error)) ||
      !(chart = ks_raci_chart_load (ws, id, 0, &error)))
    return refused (error);
  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "chart");
      ks_json_writer_string (j, chart->name);
      ks_json_writer_key (j, "account");
      ks_json_writer_string (j, chart->account_name);
      ks_json_writer_key (j, "tasks");
      ks_json_writer_int (j, chart->tasks->len);
      ks_json_writer_end (j, '}');
      print_json_text (j);
    }
  else
    g_print (_("Created the RACI chart “%s”\n"), chart->name);
  return EXIT_DONE;
}

int
ks_cli_raci (const Options *opts)
{
  const char *sub = opts->args[1];

  if (g_strcmp0 (sub, "check") == 0)
    return raci_check (opts);
  if (g_strcmp0 (sub, "list") == 0)
    return raci_list (opts);
  if (g_strcmp0 (sub, "template") == 0)
    return raci_template (opts);
  return usage_error (_("raci what? Use “raci check”, “raci list” or “raci template NAME --account NAME”"));
}
