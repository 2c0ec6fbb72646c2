/* ks-cli-funnel.c — keystone-cli report funnel, report forecast and
 * funnel map (shared/docs/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "keystone-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ks-cli-funnel.h"
#include "ks-export.h"
#include "ks-funnel-model.h"
#include "ks-palette.h"

void
ks_cli_funnel_filter (const Options  *opts,
                      KsFunnelFilter *filter)
{
  *filter = (KsFunnelFilter) {
    .owner = opts->owner,
    .manager = opts->manager,
    .team = opts->team,
    .region = opts->region,
    .account = opts->account,
    .product = opts->product,
    .from = opts->from,
    .to = opts->to,
  };
}

/* --from / --to are dates. */
int
ks_cli_funnel_check_dates (const Options *opts)
{
  const char *dates[] = { opts->from, opts->to };
  const char *names[] = { "--from", "--to" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GDateTime) dt = NULL;
      g_autofree char *iso = NULL;

      if (!dates[i])
        continue;
      iso = g_strconcat (dates[i], "T00:00:00Z", NULL);
      if (strlen (dates[i]) != 10 || !(dt = g_date_time_new_from_iso8601 (iso, NULL)))
        return usage_error (_("%s “%s” is not a date (use YYYY-MM-DD)"), names[i], dates[i]);
    }
  return EXIT_DONE;
}

static char *
money (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.0f", value);
}

static char *
percent (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("–");
  return g_strdup_printf ("%s %%", g_ascii_formatd (buf, sizeof buf, "%.1f", value));
}

static void
write_cut_rows (KsJsonWriter *j,
                GArray       *rows)
{
  ks_json_writer_begin (j, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const KsFunnelCutRow *row = &g_array_index (rows, KsFunnelCutRow, i);

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "name");
      ks_json_writer_string (j, row->name);
      ks_json_writer_key (j, "open");
      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "count");
      ks_json_writer_int (j, row->open_count);
      ks_json_writer_key (j, "value");
      ks_json_writer_number (j, row->open_value, -1);
      ks_json_writer_key (j, "weighted_value");
      ks_json_writer_number (j, row->open_weighted, -1);
      ks_json_writer_end (j, '}');
      ks_json_writer_key (j, "won");
      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "count");
      ks_json_writer_int (j, row->won_count);
      ks_json_writer_key (j, "value");
      ks_json_writer_number (j, row->won_value, -1);
      ks_json_writer_end (j, '}');
      ks_json_writer_key (j, "lost");
      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "count");
      ks_json_writer_int (j, row->lost_count);
      ks_json_writer_end (j, '}');
      ks_json_writer_key (j, "hit_rate");
      ks_json_writer_number (j, row->hit_rate, -1);
      ks_json_writer_end (j, '}');
    }
  ks_json_writer_end (j, ']');
}

static void
write_report_json (KsFunnelReport *report,
                   GArray         *cuts,
                   const char     *cut_name)
{
  g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

  ks_json_writer_begin (j, '{');
  ks_json_writer_key (j, "stages");
  ks_json_writer_begin (j, '[');
  for (guint i = 0; i < report->stages->len; i++)
    {
      const KsFunnelStageRow *row = &g_array_index (report->stages, KsFunnelStageRow, i);

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "name");
      ks_json_writer_string (j, row->name);
      ks_json_writer_key (j, "probability");
      ks_json_writer_number (j, row->probability, -1);
      ks_json_writer_key (j, "count");
      ks_json_writer_int (j, row->count);
      ks_json_writer_key (j, "value");
      ks_json_writer_number (j, row->value, -1);
      ks_json_writer_key (j, "weighted_value");
      ks_json_writer_number (j, row->weighted_value, -1);
      ks_json_writer_key (j, "outcome");
      ks_json_writer_string (j, ks_outcome_to_string (row->outcome));
      ks_json_writer_key (j, "priced");
      ks_json_writer_int (j, row->priced);
      ks_json_writer_key (j, "conversion");
      ks_json_writer_number (j, row->conversion, -1);
      ks_json_writer_key (j, "average_days");
      ks_json_writer_number (j, row->average_days, -1);
      ks_json_writer_end (j, '}');
    }
  ks_json_writer_end (j, ']');
  ks_json_writer_key (j, "open");
  ks_json_writer_begin (j, '{');
  ks_json_writer_key (j, "count");
  ks_json_writer_int (j, report->open_count);
  ks_json_writer_key (j, "value");
  ks_json_writer_number (j, report->open_value, -1);
  ks_json_writer_key (j, "weighted_value");
  ks_json_writer_number (j, report->open_weighted, -1);
  ks_json_writer_key (j, "priced");
  ks_json_writer_int (j, report->priced_count);
  ks_json_writer_key (j, "unpriced");
  ks_json_writer_int (j, report->unpriced_count);
  ks_json_writer_end (j, '}');
  ks_json_writer_key (j, "won");
  ks_json_writer_begin (j, '{');
  ks_json_writer_key (j, "count");
  ks_json_writer_int (j, report->won_count);
  ks_json_writer_key (j, "value");
  ks_json_writer_number (j, report->won_value, -1);
  ks_json_writer_key (j, "average_days_to_order");
  ks_json_writer_number (j, report->average_days_to_order, -1);
  ks_json_writer_end (j, '}');
  ks_json_writer_key (j, "lost");
  ks_json_writer_begin (j, '{');
  ks_json_writer_key (j, "count");
  ks_json_writer_int (j, report->lost_count);
  ks_json_writer_key (j, "value");
  ks_json_writer_number (j, report->lost_value, -1);
  ks_json_writer_end (j, '}');
  ks_json_writer_key (j, "unmapped");
  ks_json_writer_begin (j, '{');
  ks_json_writer_key (j, "count");
  ks_json_writer_int (j, report->unmapped_count);
  ks_json_writer_key (j, "value");
  ks_json_writer_number (j, report->unmapped_value, -1);
  ks_json_writer_end (j, '}');
  ks_json_writer_key (j, "hit_rate");
  ks_json_writer_number (j, report->hit_rate, -1);
  ks_json_writer_key (j, "shape");
  ks_json_writer_begin (j, '{');
  ks_json_writer_key (j, "kind");
  ks_json_writer_string (j, ks_funnel_shape_to_string (report->shape));
  ks_json_writer_key (j, "reason");
  ks_json_writer_string (j, report->shape_reason ? report->shape_reason : "");
  ks_json_writer_end (j, '}');
  if (cuts)
    {
      ks_json_writer_key (j, "by");
      ks_json_writer_string (j, cut_name);
      ks_json_writer_key (j, "cuts");
      write_cut_rows (j, cuts);
    }
  ks_json_writer_end (j, '}');
  print_json_text (j);
}

static void
print_report (KsFunnelReport *report,
              GArray         *cuts)
{
  static const char *headers[] = {
    N_("Stage"), N_("Probability"), N_("Count"), N_("Value"), N_("Weighted"), N_("Conversion"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *open_value = money (report->open_value);
  g_autofree char *open_weighted = money (report->open_weighted);
  g_autofree char *won_value = money (report->won_value);
  g_autofree char *hit = percent (report->hit_rate);

  for (guint i = 0; i < report->stages->len; i++)
    {
      const KsFunnelStageRow *row = &g_array_index (report->stages, KsFunnelStageRow, i);
      char **cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      cells[0] = g_strdup (row->name);
      cells[1] = percent (row->probability);
      cells[2] = g_strdup_printf ("%u", row->count);
      cells[3] = money (row->value);
      cells[4] = row->outcome == KS_OUTCOME_OPEN ? money (row->weighted_value) : g_strdup ("");
      cells[5] = row->outcome == KS_OUTCOME_OPEN ? percent (row->conversion) : g_strdup ("");
      g_ptr_array_add (rows, cells);
    }
  print_table (headers, G_N_ELEMENTS (headers), rows);
  g_print (_("Open: %u, value %s, weighted %s\n"), report->open_count, open_value, open_weighted);
  if (report->priced_count || report->unpriced_count)
    g_print (_("  without a value: %u valued at their product's list price, %u at 0 (no price known)\n"),
             report->priced_count, report->unpriced_count);
  g_print (_("Won: %u, value %s; lost: %u; hit rate %s\n"), report->won_count, won_value,
           report->lost_count, hit);
  if (report->unmapped_count)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Unmapped: %u opportunity whose stage name is not mapped to a stage\n",
                          "Unmapped: %u opportunities whose stage names are not mapped to a stage\n",
                          report->unmapped_count),
             report->unmapped_count);
  g_print (_("Shape: %s. %s\n"), ks_funnel_shape_to_string (report->shape),
           report->shape_reason ? report->shape_reason : "");
  if (cuts)
    {
      static const char *cut_headers[] = {
        N_("Name"), N_("Open"), N_("Open value"), N_("Weighted"), N_("Won"), N_("Won value"),
        N_("Lost"), N_("Hit rate"),
      };
      g_autoptr(GPtrArray) cut_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < cuts->len; i++)
        {
          const KsFunnelCutRow *row = &g_array_index (cuts, KsFunnelCutRow, i);
          char **cells = g_new0 (char *, G_N_ELEMENTS (cut_headers) + 1);

          cells[0] = g_strdup (*row->name ? row->name : _("(none)"));
          cells[1] = g_strdup_printf ("%u", row->open_count);
          cells[2] = money (row->open_value);
          cells[3] = money (row->open_weighted);
          cells[4] = g_strdup_printf ("%u", row->won_count);
          cells[5] = money (row->won_value);
          cells[6] = g_strdup_printf ("%u", row->lost_count);
          cells[7] = percent (row->hit_rate);
          g_ptr_array_add (cut_rows, cells);
        }
      g_print ("\n");
      print_table (cut_headers, G_N_ELEMENTS (cut_headers), cut_rows);
    }
}

int
ks_cli_report_funnel (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsFunnelReport) report = NULL;
  GArray *cuts = NULL;
  KsFunnelFilter filter;
  KsFunnelCut cut = KS_FUNNEL_CUT_OWNER;
  int status;

  if (g_strv_length (opts->args) != 2)
    return usage_error (_("usage: keystone-cli report funnel [--owner NAME] [--account NAME] [--manager NAME] "
                          "[--team T] [--region R] [--product P] [--from DATE] [--to DATE] "
                          "[--by owner|manager|team|region|sector|account|product] [--json]"));
  if (opts->by && !ks_funnel_cut_from_string (opts->by, &cut))
    return usage_error (_("--by “%s” is not one of owner, manager, team, region, sector, account, product"),
                        opts->by);
  if ((status = ks_cli_funnel_check_dates (opts)) != EXIT_DONE)
    return status;
  if (!(ws = open_existing (opts, &error)))
    return refused (error);
  ks_cli_funnel_filter (opts, &filter);
  if (!(report = ks_funnel_report_load (ws, &filter, &error)))
    return refused (error);
  if (opts->by && !(cuts = ks_funnel_cut_load (ws, &filter, cut, &error)))
    return refused (error);
  if (opts->json)
    write_report_json (report, cuts, opts->by);
  else
    print_report (report, cuts);
  ks_funnel_cut_rows_free (cuts);
  return EXIT_DONE;
}

int
ks_cli_report_forecast (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsForecast) forecast = NULL;
  KsFunnelFilter filter;
  KsForecastPeriod period = KS_FORECAST_MONTH;
  int status;

  if (g_strv_length (opts->args) != 2)
    return usage_error (_("usage: keystone-cli report forecast [--by month|quarter] [--owner NAME] "
                          "[--account NAME] [--manager NAME] [--team T] [--region R] [--product P] "
                          "[--from DATE] [--to DATE] [--json]"));
  if (opts->by)
    {
      if (g_str_equal (opts->by, "quarter"))
        period = KS_FORECAST_QUARTER;
      else if (!g_str_equal (opts->by, "month"))
        return usage_error (_("--by “%s” is not month or quarter"), opts->by);
    }
  if ((status = ks_cli_funnel_check_dates (opts)) != EXIT_DONE)
    return status;
  if (!(ws = open_existing (opts, &error)))
    return refused (error);
  ks_cli_funnel_filter (opts, &filter);
  if (!(forecast = ks_forecast_load (ws, &filter, period, &error)))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "by");
      ks_json_writer_string (j, period == KS_FORECAST_QUARTER ? "quarter" : "month");
      ks_json_writer_key (j, "periods");
      ks_json_writer_begin (j, '[');
      for (guint i = 0; i < forecast->rows->len; i++)
        {
          const KsForecastRow *row = &g_array_index (forecast->rows, KsForecastRow, i);

          ks_json_writer_begin (j, '{');
          ks_json_writer_key (j, "period");
          ks_json_writer_string (j, row->period);
          ks_json_writer_key (j, "weighted");
          ks_json_writer_number (j, row->weighted, -1);
          ks_json_writer_key (j, "best_case");
          ks_json_writer_number (j, row->best_case, -1);
          ks_json_writer_key (j, "won");
          ks_json_writer_number (j, row->won, -1);
          ks_json_writer_key (j, "open_count");
          ks_json_writer_int (j, row->open_count);
          ks_json_writer_key (j, "won_count");
          ks_json_writer_int (j, row->won_count);
          ks_json_writer_end (j, '}');
        }
      ks_json_writer_end (j, ']');
      ks_json_writer_key (j, "undated");
      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "count");
      ks_json_writer_int (j, forecast->undated_count);
      ks_json_writer_key (j, "value");
      ks_json_writer_number (j, forecast->undated_value, -1);
      ks_json_writer_key (j, "weighted");
      ks_json_writer_number (j, forecast->undated_weighted, -1);
      ks_json_writer_end (j, '}');
      ks_json_writer_end (j, '}');
      print_json_text (j);
      return EXIT_DONE;
    }

  {
    static const char *headers[] = {
      N_("Period"), N_("Weighted"), N_("Best case"), N_("Won"), N_("Open"), N_("Won count"),
    };
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

    for (guint i = 0; i < forecast->rows->len; i++)
      {
        const KsForecastRow *row = &g_array_index (forecast->rows, KsForecastRow, i);
        char **cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

        cells[0] = g_strdup (row->period);
        cells[1] = money (row->weighted);
        cells[2] = money (row->best_case);
        cells[3] = money (row->won);
        cells[4] = g_strdup_printf ("%u", row->open_count);
        cells[5] = g_strdup_printf ("%u", row->won_count);
        g_ptr_array_add (rows, cells);
      }
    if (rows->len)
      print_table (headers, G_N_ELEMENTS (headers), rows);
    if (forecast->undated_count)
      {
        g_autofree char *value = money (forecast->undated_value);

        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "%u open opportunity has no close date (value %s) and is in no period\n",
                              "%u open opportunities have no close date (value %s) and are in no period\n",
                              forecast->undated_count),
                 forecast->undated_count, value);
      }
  }
  return EXIT_DONE;
}

/* funnel map SOURCE STAGE|--unmap */
int
ks_cli_funnel (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  const char *sub = opts->args[1];
  guint n = g_strv_length (opts->args);
  gint64 stage_id = 0;

  if (g_strcmp0 (sub, "map") != 0 || n != 4)
    return usage_error (_("usage: keystone-cli funnel map NAME STAGE   (STAGE “none” unmaps NAME)"));
  if (!(ws = open_existing (opts, &error)))
    return refused (error);
  if (!(stages = ks_stage_list (ws, &error)))
    return refused (error);
  if (!g_str_equal (opts->args[3], "none"))
    {
      for (guint i = 0; i < stages->len && !stage_id; i++)
        {
          KsStage *stage = g_ptr_array_index (stages, i);
          g_autofree char *a = g_utf8_casefold (stage->name, -1);
          g_autofree char *b = g_utf8_casefold (opts->args[3], -1);

          if (g_str_equal (a, b))
            stage_id = stage->id;
        }
      if (!stage_id)
        {
          g_set_error (&error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                       _("There is no stage “%s”"), opts->args[3]);
          return refused (error);
        }
    }
  if (!ks_stage_mapping_set (ws, opts->args[2], stage_id, &error))
    return refused (error);
  return EXIT_DONE;
}

/* ---- render funnel, render forecast ---- */

static int
render_size (const Options *opts,
             int           *width,
             int           *height)
{
  if (opts->width < 0 || opts->height < 0 || opts->width > 20000 || opts->height > 20000)
    return usage_error (_("--width and --height take 1 to 20000"));
  *width = opts->width > 0 ? opts->width : 1920;
  *height = opts->height > 0 ? opts->height : 1080;
  return EXIT_DONE;
}

static char *
filter_title (const char           *what,
              const KsFunnelFilter *filter)
{
  GString *title = g_string_new (what);
  const char *parts[] = { filter->owner, filter->manager, filter->team, filter->region,
                          filter->account, filter->product };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i])
      g_string_append_printf (title, " — %s", parts[i]);
  if (filter->from || filter->to)
    g_string_append_printf (title, " — %s … %s", filter->from ? filter->from : "", filter->to ? filter->to : "");
  return g_string_free (title, FALSE);
}

static int
render_funnel_or_forecast (const Options *opts,
                           gboolean       forecast_chart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  KsFunnelFilter filter;
  KsExportFormat format;
  int width = 1920, height = 1080, status;

  if (g_strv_length (opts->args) != 2 || !opts->output)
    return usage_error (_("usage: keystone-cli render %s [--owner NAME] [--account NAME] [filters] "
                          "[--by %s] [--width W] [--height H] -o FILE"),
                        opts->args[1], forecast_chart ? "month|quarter" : "count|value");
  if ((status = render_size (opts, &width, &height)) != EXIT_DONE ||
      (status = ks_cli_funnel_check_dates (opts)) != EXIT_DONE)
    return status;
  if (!ks_export_format_for_path (opts->output, &format, &error))
    return usage_error ("%s", error->message);
  if (opts->by && !(forecast_chart ? g_str_equal (opts->by, "month") || g_str_equal (opts->by, "quarter")
                                   : g_str_equal (opts->by, "count") || g_str_equal (opts->by, "value")))
    return usage_error (_("--by “%s” is not %s"), opts->by, forecast_chart ? "month or quarter" : "count or value");
  if (!(ws = open_existing (opts, &error)))
    return refused (error);
  ks_cli_funnel_filter (opts, &filter);

  if (forecast_chart)
    {
      KsForecastPeriod period = g_strcmp0 (opts->by, "quarter") == 0 ? KS_FORECAST_QUARTER : KS_FORECAST_MONTH;
      g_autoptr(KsForecast) forecast = ks_forecast_load (ws, &filter, period, &error);
      g_autoptr(GArray) bars = NULL;
      g_autofree char *title = NULL;
      g_autofree char *note = NULL;
      KsForecastSpec spec = { 0 };

      if (!forecast)
        return refused (error);
      bars = ks_forecast_model_bars (forecast);
      title = filter_title (_("Forecast"), &filter);
      note = ks_forecast_model_note (forecast);
      spec.title = title;
      spec.note = note;
      if (!ks_forecast_chart_export (opts->output, &spec, (const KsForecastBar *) bars->data, bars->len,
                                     palette, width, height, &error))
        return refused (error);
      g_print (g_dngettext (GETTEXT_PACKAGE, "Drew the forecast of %u period into %s\n",
                            "Drew the forecast of %u periods into %s\n", bars->len),
               bars->len, opts->output);
    }
  else
    {
      g_autoptr(KsFunnelReport) report = ks_funnel_report_load (ws, &filter, &error);
      g_autoptr(GArray) bands = NULL;
      g_autofree char *title = NULL;
      g_autofree char *summary = NULL;
      KsFunnelSpec spec = { 0 };

      if (!report)
        return refused (error);
      bands = ks_funnel_model_bands (report);
      title = filter_title (_("Funnel"), &filter);
      summary = ks_funnel_model_summary (report);
      spec.title = title;
      spec.size_by = g_strcmp0 (opts->by, "value") == 0 ? KS_FUNNEL_SIZE_VALUE : KS_FUNNEL_SIZE_COUNT;
      spec.shape_title = ks_funnel_model_shape_title (report->shape);
      spec.shape_reason = report->shape_reason;
      spec.summary = summary;
      if (!ks_funnel_chart_export (opts->output, &spec, (const KsFunnelBand *) bands->data, bands->len,
                                   palette, width, height, &error))
        return refused (error);
      g_print (g_dngettext (GETTEXT_PACKAGE, "Drew the funnel of %u opportunity into %s\n",
                            "Drew the funnel of %u opportunities into %s\n",
                            report->open_count + report->won_count + report->lost_count),
               report->open_count + report->won_count + report->lost_count, opts->output);
    }
  return EXIT_DONE;
}

int
ks_cli_render_funnel (const Options *opts)
{
  return render_funnel_or_forecast (opts, FALSE);
}

int
ks_cli_render_forecast (const Options *opts)
{
  return render_funnel_or_forecast (opts, TRUE);
}
