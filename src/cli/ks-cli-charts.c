/* ks-cli-charts.c — keystone-cli's portfolio pictures: render portfolio,
 * render abc, render ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same loaders (ks_portfolio_load, ks_abc_report_load) and the same
 * drawing (ks-portfolio-model) as the app's portfolio page, so a picture
 * made here is the one on screen.
 */
#define G_LOG_DOMAIN "keystone-cli"

#include "config.h"

#include "ks-cli-charts.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-account.h"
#include "ks-cli-portfolio.h"
#include "ks-export.h"
#include "ks-person.h"
#include "ks-portfolio-model.h"

static int
check_size (const Options *opts)
{
  if (opts->width < 0 || opts->height < 0 || opts->width > 20000 || opts->height > 20000)
    return usage_error (_("--width and --height take a size from 1 to 20000"));
  return EXIT_DONE;
}

/* Fills @query from the options; on failure returns the exit status. */
static int
portfolio_query (const Options     *opts,
                 KsWorkspace       *ws,
                 KsPortfolioQuery  *query,
                 GError           **error)
{
  *query = (KsPortfolioQuery) { KS_PRESET_PROFITABILITY_POTENTIAL, .year = -1 };

  if (opts->preset && !ks_portfolio_preset_from_name (opts->preset, &query->preset))
    return usage_error (_("--preset takes “profitability-potential”, “attractiveness-position” or "
                          "“custom”, not “%s”"), opts->preset);
  if ((opts->x_axis || opts->y_axis) && query->preset != KS_PRESET_CUSTOM)
    {
      if (opts->preset)
        return usage_error (_("--x and --y need --preset custom"));
      query->preset = KS_PRESET_CUSTOM;
    }
  if (query->preset == KS_PRESET_CUSTOM && (!opts->x_axis || !opts->y_axis))
    return usage_error (_("--preset custom needs --x AXIS and --y AXIS (score, revenue, "
                          "account-revenue, employees or a criterion’s name)"));
  if (opts->x_axis)
    ks_axis_parse (opts->x_axis, &query->x);
  if (opts->y_axis)
    ks_axis_parse (opts->y_axis, &query->y);
  if (opts->colour_by && !ks_colour_by_from_name (opts->colour_by, &query->colour_by))
    return usage_error (_("--colour-by takes “abc”, “segment” or “owner”, not “%s”"), opts->colour_by);
  if (opts->segment)
    {
      const char * const *segments = ks_account_segments ();

      query->segment = NULL;
      for (guint i = 0; segments[i]; i++)
        if (g_ascii_strcasecmp (opts->segment, segments[i]) == 0)
          query->segment = segments[i];
      if (!query->segment)
        return usage_error (_("--segment takes “key”, “important” or “normal”, not “%s”"), opts->segment);
    }
  if (opts->year != KS_CLI_NO_YEAR)
    query->year = opts->year;

  if (!ks_cli_resolve_period (ws, opts->period, &query->period_id, error))
    return EXIT_REFUSED;
  if (g_strcmp0 (opts->compare, "none") == 0)
    query->compare_id = -1;
  else if (opts->compare)
    {
      if (!ks_cli_resolve_period (ws, opts->compare, &query->compare_id, error))
        return EXIT_REFUSED;
    }
  if (opts->owner)
    {
      g_autoptr(KsPerson) owner = ks_person_find (ws, opts->owner, error);

      if (!owner)
        return EXIT_REFUSED;
      query->owner_id = ks_person_get_id (owner);
    }
  return EXIT_DONE;
}

static int
render (const Options    *opts,
        KsPortfolioChart  chart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(KsPortfolio) portfolio = NULL;
  g_autoptr(KsAbcReport) abc = NULL;
  g_autoptr(KsRanking) ranking = NULL;
  KsPortfolioCharts charts = { NULL, NULL, NULL };
  KsPortfolioQuery query;
  KsExportFormat format;
  int status;

  if (g_strv_length (opts->args) != 2 || !opts->output)
    return usage_error (_("usage: keystone-cli render %s [OPTIONS] -o FILE"), opts->args[1]);
  if ((status = check_size (opts)) != EXIT_DONE)
    return status;
  if (opts->top < 0 || opts->top > 1000)
    return usage_error (_("--top takes a number from 1 to 1000"));
  if (!ks_export_format_for_path (opts->output, &format, &error))
    return usage_error ("%s", error->message);
  if (!(ws = open_existing (opts, &error)))
    return refused (error);

  if (chart == KS_PORTFOLIO_CHART_ABC)
    {
      abc = ks_abc_report_load (ws, -1, opts->year != KS_CLI_NO_YEAR ? opts->year : -1, &error);
      if (!abc)
        return refused (error);
      charts.abc = abc;
    }
  else
    {
      status = portfolio_query (opts, ws, &query, &error);
      if (status == EXIT_REFUSED)
        return refused (error);
      if (status != EXIT_DONE)
        return status;
      if (!(portfolio = ks_portfolio_load (ws, &query, &error)))
        return refused (error);
      charts.portfolio = portfolio;
      if (chart == KS_PORTFOLIO_CHART_RANKING)
        {
          ranking = ks_portfolio_ranking (portfolio, opts->top > 0 ? opts->top : 20);
          charts.ranking = ranking;
        }
    }

  if (!ks_portfolio_chart_export (opts->output, chart, &charts, palette,
                                  opts->width > 0 ? opts->width : 1920,
                                  opts->height > 0 ? opts->height : 1080, &error))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, opts->output);
      if (portfolio)
        {
          json_builder_set_member_name (b, "period");
          if (portfolio->period)
            json_builder_add_string_value (b, portfolio->period);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "compared_with");
          if (portfolio->compare)
            json_builder_add_string_value (b, portfolio->compare);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "accounts");
          json_builder_add_int_value (b, portfolio->items->len);
          json_builder_set_member_name (b, "placed");
          json_builder_add_int_value (b, portfolio->items->len - portfolio->n_unplaced);
          json_builder_set_member_name (b, "changed_quadrant");
          json_builder_begin_array (b);
          for (guint i = 0; i < portfolio->moved->len; i++)
            json_builder_add_string_value (b, g_array_index (portfolio->items, KsPortfolioItem,
                                                             g_array_index (portfolio->moved, guint, i)).name);
          json_builder_end_array (b);
        }
      if (abc)
        {
          json_builder_set_member_name (b, "accounts");
          json_builder_add_int_value (b, abc->rows->len);
        }
      json_builder_end_object (b);
      print_json (b);
    }
  else if (chart == KS_PORTFOLIO_CHART_ABC && !(abc->total > 0))
    /* the picture says so too */
    g_print (_("No revenue to analyse; drew that message into %s\n"), opts->output);
  else if (chart == KS_PORTFOLIO_CHART_ABC)
    g_print (_("Drew the ABC analysis of %u accounts into %s\n"), abc->rows->len, opts->output);
  else
    {
      g_print (_("Drew the %s of %u accounts into %s\n"),
               chart == KS_PORTFOLIO_CHART_RANKING ? _("ranking") : _("portfolio matrix"),
               portfolio->items->len, opts->output);
      if (portfolio->missing)
        g_printerr ("keystone-cli: %s\n", portfolio->missing);
    }
  return EXIT_DONE;
}

int
ks_cli_render_portfolio (const Options *opts)
{
  return render (opts, KS_PORTFOLIO_CHART_MATRIX);
}

int
ks_cli_render_abc (const Options *opts)
{
  return render (opts, KS_PORTFOLIO_CHART_ABC);
}

int
ks_cli_render_ranking (const Options *opts)
{
  return render (opts, KS_PORTFOLIO_CHART_RANKING);
}
