/* ks-funnel-model.c — the funnel and forecast charts' input from core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-funnel-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ks-format.h"
#include "ks-funnel-model.h"

GArray *
ks_funnel_model_bands (const KsFunnelReport *report)
{
  GArray *bands = g_array_new (FALSE, TRUE, sizeof (KsFunnelBand));

  g_return_val_if_fail (report != NULL, bands);

  for (guint i = 0; i < report->stages->len; i++)
    {
      const KsFunnelStageRow *row = &g_array_index (report->stages, KsFunnelStageRow, i);
      KsFunnelBand band = {
        .name = row->name,
        .kind = row->outcome == KS_OUTCOME_WON ? KS_FUNNEL_BAND_WON
              : row->outcome == KS_OUTCOME_LOST ? KS_FUNNEL_BAND_LOST : KS_FUNNEL_BAND_OPEN,
        .count = row->count,
        .value = row->value,
        .weighted_value = row->weighted_value,
        .probability = row->probability,
        .conversion = row->conversion,
      };

      g_array_append_val (bands, band);
    }
  return bands;
}

const char *
ks_funnel_model_shape_title (KsFunnelShape shape)
{
  switch (shape)
    {
    case KS_FUNNEL_SHAPE_OPTIMAL:
      return _("Optimal funnel");
    case KS_FUNNEL_SHAPE_WIDE:
      return _("Wide funnel");
    case KS_FUNNEL_SHAPE_LONG_NARROW:
      return _("Long and narrow funnel");
    case KS_FUNNEL_SHAPE_UNKNOWN:
    default:
      return _("Shape not known yet");
    }
}

char *
ks_funnel_model_summary (const KsFunnelReport *report)
{
  g_autofree char *value = ks_format_grouped (round (report->open_value));
  g_autofree char *weighted = ks_format_grouped (round (report->open_weighted));
  g_autofree char *won = ks_format_grouped (round (report->won_value));
  char hit[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (report->hit_rate))
    g_strlcpy (hit, "–", sizeof hit);
  else
    g_ascii_formatd (hit, sizeof hit, "%.1f", report->hit_rate);
  /* Translators: the funnel's summary line */
  return g_strdup_printf (_("Open %u · value %s · weighted %s · won %u (%s) · hit rate %s %%"),
                          report->open_count, value, weighted, report->won_count, won, hit);
}

GArray *
ks_forecast_model_bars (const KsForecast *forecast)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (KsForecastBar));

  g_return_val_if_fail (forecast != NULL, bars);

  for (guint i = 0; i < forecast->rows->len; i++)
    {
      const KsForecastRow *row = &g_array_index (forecast->rows, KsForecastRow, i);
      KsForecastBar bar = {
        .period = row->period,
        .weighted = row->weighted,
        .best_case = row->best_case,
        .won = row->won,
        .open_count = row->open_count,
        .won_count = row->won_count,
      };

      g_array_append_val (bars, bar);
    }
  return bars;
}

char *
ks_forecast_model_note (const KsForecast *forecast)
{
  g_autofree char *value = NULL;

  if (forecast->undated_count == 0)
    return NULL;
  value = ks_format_grouped (forecast->undated_value);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u open opportunity without a close date (value %s) is not shown",
                                       "%u open opportunities without a close date (value %s) are not shown",
                                       forecast->undated_count),
                          forecast->undated_count, value);
}
