/* ks-funnel.c — the funnel's numbers, shape, forecast and momentum: pure
 * functions over plain cells (PRODUCT.md §6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loaders that fill the cells from a workspace are in
 * ks-funnel-load.c; stages and the stage map in ks-funnel-stages.c; the
 * edits of one opportunity in ks-funnel-edit.c.
 */
#define G_LOG_DOMAIN "ks-funnel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-funnel-private.h"

/* ---- names ---- */

static const char *const outcome_names[] = { "open", "won", "lost" };
static const char *const shape_names[] = { "unknown", "optimal", "wide", "long-narrow" };
static const char *const momentum_names[] = { "developing", "stable", "fading" };
static const char *const cut_names[] = { "owner", "manager", "team", "region", "sector", "account", "product" };

const char *
ks_outcome_to_string (KsOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (outcome_names), NULL);
  return outcome_names[outcome];
}

static gboolean
name_index (const char        *text,
            const char *const *names,
            guint              n,
            guint             *index)
{
  for (guint i = 0; text && i < n; i++)
    if (g_str_equal (text, names[i]))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ks_outcome_from_string (const char *text,
                        KsOutcome  *outcome)
{
  guint i;

  if (!name_index (text, outcome_names, G_N_ELEMENTS (outcome_names), &i))
    return FALSE;
  *outcome = i;
  return TRUE;
}

const char *
ks_funnel_shape_to_string (KsFunnelShape shape)
{
  g_return_val_if_fail ((guint) shape < G_N_ELEMENTS (shape_names), NULL);
  return shape_names[shape];
}

const char *
ks_momentum_to_string (KsMomentum momentum)
{
  g_return_val_if_fail ((guint) momentum < G_N_ELEMENTS (momentum_names), NULL);
  return momentum_names[momentum];
}

gboolean
ks_momentum_from_string (const char *text,
                         KsMomentum *momentum)
{
  guint i;

  if (!name_index (text, momentum_names, G_N_ELEMENTS (momentum_names), &i))
    return FALSE;
  *momentum = i;
  return TRUE;
}

const char *
ks_funnel_cut_to_string (KsFunnelCut cut)
{
  g_return_val_if_fail ((guint) cut < G_N_ELEMENTS (cut_names), NULL);
  return cut_names[cut];
}

gboolean
ks_funnel_cut_from_string (const char  *text,
                           KsFunnelCut *cut)
{
  guint i;

  if (!name_index (text, cut_names, G_N_ELEMENTS (cut_names), &i))
    return FALSE;
  *cut = i;
  return TRUE;
}

void
ks_stage_free (KsStage *stage)
{
  if (!stage)
    return;
  g_free (stage->name);
  g_free (stage->description);
  g_free (stage);
}

void
ks_stage_mapping_free (KsStageMapping *mapping)
{
  if (!mapping)
    return;
  g_free (mapping->source);
  g_free (mapping);
}

/* ---- dates ---- */

gboolean
ks_funnel_day_number (const char *date,
                      gint64     *day)
{
  int y, m, d;

  if (!date || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  m = (date[5] - '0') * 10 + (date[6] - '0');
  d = (date[8] - '0') * 10 + (date[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  /* Days since 0000-03-01 in the proleptic Gregorian calendar. */
  if (m <= 2)
    {
      y--;
      m += 12;
    }
  *day = 365 * (gint64) y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d - 1;
  return TRUE;
}

/* ---- momentum ---- */

KsMomentum
ks_momentum_effective (KsMomentum  stored,
                       KsOutcome   outcome,
                       const char *last_activity,
                       const char *stage_date,
                       const char *engage_date,
                       const char *today,
                       guint       fading_weeks)
{
  const char *dates[] = { last_activity, stage_date, engage_date };
  gint64 newest = G_MININT64, now, day;

  if (outcome != KS_OUTCOME_OPEN || !ks_funnel_day_number (today, &now))
    return stored;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (ks_funnel_day_number (dates[i], &day))
      newest = MAX (newest, day);
  if (newest == G_MININT64)
    return stored;
  if (now - newest >= 7 * (gint64) fading_weeks)
    return KS_MOMENTUM_FADING;
  return stored;
}

/* ---- the report ---- */

void
ks_funnel_report_free (KsFunnelReport *report)
{
  if (!report)
    return;
  if (report->stages)
    {
      for (guint i = 0; i < report->stages->len; i++)
        g_free (g_array_index (report->stages, KsFunnelStageRow, i).name);
      g_array_unref (report->stages);
    }
  g_free (report->shape_reason);
  g_free (report);
}

/* Money sums rounded to cents, so adding and taking away the same values
 * in the summary leaves no binary residue in a report. */
static double
cents (double value)
{
  return round (value * 100.0) / 100.0;
}

static int
row_for_stage (KsFunnelReport *report,
               gint64          stage_id)
{
  for (guint i = 0; i < report->stages->len; i++)
    if (g_array_index (report->stages, KsFunnelStageRow, i).stage_id == stage_id)
      return i;
  return -1;
}

KsFunnelReport *
ks_funnel_compute (GPtrArray               *stages,
                   const KsFunnelCell      *cells,
                   guint                    n_cells,
                   const KsFunnelStageDays *stage_days,
                   guint                    n_stage_days,
                   const KsFunnelTargets   *targets)
{
  KsFunnelReport *report = g_new0 (KsFunnelReport, 1);
  double days = 0;
  int last_open = -1;

  g_return_val_if_fail (stages != NULL, NULL);

  report->stages = g_array_sized_new (FALSE, TRUE, sizeof (KsFunnelStageRow), stages->len);
  for (guint i = 0; i < stages->len; i++)
    {
      const KsStage *stage = g_ptr_array_index (stages, i);
      KsFunnelStageRow row = { 0 };

      row.stage_id = stage->id;
      row.name = g_strdup (stage->name);
      row.probability = stage->probability;
      row.outcome = stage->outcome;
      row.conversion = NAN;
      row.average_days = NAN;
      g_array_append_val (report->stages, row);
      if (stage->outcome == KS_OUTCOME_OPEN)
        last_open = i;
    }

  for (guint c = 0; c < n_cells; c++)
    {
      const KsFunnelCell *cell = &cells[c];
      int index = cell->stage_id > 0 ? row_for_stage (report, cell->stage_id) : -1;
      KsFunnelStageRow *row;
      double value = cell->value;

      if (cell->count == 0)
        continue;
      if (index < 0)
        {
          report->unmapped_count += cell->count;
          report->unmapped_value += value;
          continue;
        }
      row = &g_array_index (report->stages, KsFunnelStageRow, index);
      if (row->outcome == KS_OUTCOME_OPEN && cell->unvalued > 0)
        {
          if (!isnan (cell->list_price))
            {
              value += cell->unvalued * cell->list_price;
              row->priced += cell->unvalued;
              report->priced_count += cell->unvalued;
            }
          else
            report->unpriced_count += cell->unvalued;
        }
      row->count += cell->count;
      row->value += value;
      switch (row->outcome)
        {
        case KS_OUTCOME_OPEN:
          report->open_count += cell->count;
          report->open_value += value;
          break;
        case KS_OUTCOME_WON:
          report->won_count += cell->count;
          report->won_value += value;
          report->days_samples += cell->dated;
          days += cell->days;
          break;
        case KS_OUTCOME_LOST:
          report->lost_count += cell->count;
          report->lost_value += value;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < report->stages->len; i++)
    {
      KsFunnelStageRow *row = &g_array_index (report->stages, KsFunnelStageRow, i);

      row->value = cents (row->value);
      if (row->outcome == KS_OUTCOME_OPEN)
        {
          row->weighted_value = cents (row->value * row->probability / 100.0);
          report->open_weighted += row->weighted_value;
        }
    }
  report->open_value = cents (report->open_value);
  report->open_weighted = cents (report->open_weighted);
  report->won_value = cents (report->won_value);
  report->lost_value = cents (report->lost_value);
  report->unmapped_value = cents (report->unmapped_value);
  report->hit_rate = report->won_count + report->lost_count > 0
                   ? 100.0 * report->won_count / (report->won_count + report->lost_count)
                   : NAN;
  report->average_days_to_order = report->days_samples > 0 ? days / report->days_samples : NAN;

  /* Reached: an opportunity at open stage k has passed every open stage
   * before k; a won one every open stage; a lost one every open stage up
   * to the one it was lost from (the first open stage when not known). */
  {
    guint first_open = G_MAXUINT;

    for (guint i = 0; i < report->stages->len; i++)
      if (g_array_index (report->stages, KsFunnelStageRow, i).outcome == KS_OUTCOME_OPEN)
        {
          first_open = i;
          break;
        }
    for (guint i = 0; i < report->stages->len; i++)
      {
        KsFunnelStageRow *row = &g_array_index (report->stages, KsFunnelStageRow, i);

        if (row->outcome != KS_OUTCOME_OPEN)
          continue;
        row->reached = report->won_count;
        for (guint j = i; j < report->stages->len; j++)
          {
            KsFunnelStageRow *later = &g_array_index (report->stages, KsFunnelStageRow, j);

            if (later->outcome == KS_OUTCOME_OPEN)
              row->reached += later->count;
          }
      }
    for (guint c = 0; c < n_cells; c++)
      {
        const KsFunnelCell *cell = &cells[c];
        int index = cell->stage_id > 0 ? row_for_stage (report, cell->stage_id) : -1;
        int from;

        if (index < 0 || cell->count == 0 ||
            g_array_index (report->stages, KsFunnelStageRow, index).outcome != KS_OUTCOME_LOST)
          continue;
        from = cell->lost_from > 0 ? row_for_stage (report, cell->lost_from) : -1;
        if (from < 0 || g_array_index (report->stages, KsFunnelStageRow, from).outcome != KS_OUTCOME_OPEN)
          from = first_open;
        if (from == (int) G_MAXUINT)
          continue;
        for (int i = 0; i <= from; i++)
          {
            KsFunnelStageRow *row = &g_array_index (report->stages, KsFunnelStageRow, i);

            if (row->outcome == KS_OUTCOME_OPEN)
              row->reached += cell->count;
          }
      }
    for (guint i = 0; i < report->stages->len; i++)
      {
        KsFunnelStageRow *row = &g_array_index (report->stages, KsFunnelStageRow, i);
        guint next = report->won_count;

        if (row->outcome != KS_OUTCOME_OPEN || row->reached == 0)
          continue;
        for (guint j = i + 1; j < report->stages->len && (int) i != last_open; j++)
          if (g_array_index (report->stages, KsFunnelStageRow, j).outcome == KS_OUTCOME_OPEN)
            {
              next = g_array_index (report->stages, KsFunnelStageRow, j).reached;
              break;
            }
        row->conversion = 100.0 * next / row->reached;
      }
  }

  for (guint d = 0; stage_days && d < n_stage_days; d++)
    {
      int index = row_for_stage (report, stage_days[d].stage_id);
      KsFunnelStageRow *row;

      if (index < 0 || stage_days[d].samples == 0)
        continue;
      row = &g_array_index (report->stages, KsFunnelStageRow, index);
      row->average_days = ((isnan (row->average_days) ? 0 : row->average_days * row->days_samples) +
                           stage_days[d].days) / (row->days_samples + stage_days[d].samples);
      row->days_samples += stage_days[d].samples;
    }

  report->leads_needed = NAN;
  if (targets)
    ks_funnel_diagnose (report, targets);
  return report;
}

static char *
format_percent (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", value));
}

void
ks_funnel_diagnose (KsFunnelReport        *report,
                    const KsFunnelTargets *targets)
{
  guint closed = report->won_count + report->lost_count;
  g_autofree char *hit = NULL;
  g_autofree char *target_hit = NULL;

  g_return_if_fail (report != NULL && targets != NULL);

  g_clear_pointer (&report->shape_reason, g_free);
  report->leads_needed = NAN;
  /* Leads per quarter that the order target needs: target ÷ (average won
   * value × hit rate). */
  if (targets->order_target > 0 && report->won_count > 0 && report->won_value > 0 && closed > 0)
    report->leads_needed = ceil (targets->order_target /
                                 (report->won_value / report->won_count * report->won_count / closed));

  if (closed < MAX (targets->min_closed, 1))
    {
      report->shape = KS_FUNNEL_SHAPE_UNKNOWN;
      report->shape_reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Only %u opportunity has been won or lost; "
                                                           "the shape needs at least %u.",
                                                           "Only %u opportunities have been won or lost; "
                                                           "the shape needs at least %u.",
                                                           closed),
                                              closed, MAX (targets->min_closed, 1));
      return;
    }
  hit = format_percent (report->hit_rate);
  target_hit = format_percent (targets->target_hit_rate);
  if (report->hit_rate < targets->target_hit_rate)
    {
      report->shape = KS_FUNNEL_SHAPE_WIDE;
      report->shape_reason = g_strdup_printf (_("Wide compared to the order flow: the hit rate is %s %% "
                                                "(%u won of %u closed), below the target of %s %%. "
                                                "Many leads, few orders: select leads harder and focus "
                                                "on the most promising cases."),
                                              hit, report->won_count, closed, target_hit);
      return;
    }
  if (!isnan (report->average_days_to_order) && report->average_days_to_order > targets->target_days)
    {
      report->shape = KS_FUNNEL_SHAPE_LONG_NARROW;
      report->shape_reason = g_strdup_printf (_("Long and narrow: a won opportunity takes %.0f days "
                                                "from lead to order on average, more than the target "
                                                "of %.0f days. Shorten the sales cycle or bring in "
                                                "leads earlier."),
                                              report->average_days_to_order, targets->target_days);
      return;
    }
  if (!isnan (report->leads_needed) && report->open_count < report->leads_needed)
    {
      report->shape = KS_FUNNEL_SHAPE_LONG_NARROW;
      report->shape_reason = g_strdup_printf (_("Long and narrow: %u open opportunities, but the order "
                                                "target needs %.0f leads a quarter at the present hit "
                                                "rate and deal size. Generate more leads."),
                                              report->open_count, report->leads_needed);
      return;
    }
  report->shape = KS_FUNNEL_SHAPE_OPTIMAL;
  if (isnan (report->average_days_to_order))
    report->shape_reason = g_strdup_printf (_("Optimal: the hit rate is %s %% (%u won of %u closed), "
                                              "at or above the target of %s %%."),
                                            hit, report->won_count, closed, target_hit);
  else
    report->shape_reason = g_strdup_printf (_("Optimal: the hit rate is %s %% (%u won of %u closed), "
                                              "at or above the target of %s %%, and an order takes "
                                              "%.0f days from lead on average (target %.0f)."),
                                            hit, report->won_count, closed, target_hit,
                                            report->average_days_to_order, targets->target_days);
}

/* ---- forecast ---- */

void
ks_forecast_free (KsForecast *forecast)
{
  if (!forecast)
    return;
  for (guint i = 0; forecast->rows && i < forecast->rows->len; i++)
    g_free (g_array_index (forecast->rows, KsForecastRow, i).period);
  g_clear_pointer (&forecast->rows, g_array_unref);
  g_free (forecast);
}

/* Months since year 0 of @date, or -1. */
static int
month_index (const char *date)
{
  gint64 day;

  if (!ks_funnel_day_number (date, &day))
    return -1;
  return ((date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0')) * 12 +
         (date[5] - '0') * 10 + (date[6] - '0') - 1;
}

KsForecast *
ks_forecast_compute (const KsForecastInput *inputs,
                     guint                  n,
                     KsForecastPeriod       period)
{
  KsForecast *forecast = g_new0 (KsForecast, 1);
  int first = G_MAXINT, last = G_MININT;
  guint step = period == KS_FORECAST_QUARTER ? 3 : 1;

  forecast->period = period;
  forecast->rows = g_array_new (FALSE, TRUE, sizeof (KsForecastRow));

  for (guint i = 0; i < n; i++)
    {
      int m;

      if (inputs[i].outcome == KS_OUTCOME_LOST)
        continue;
      if ((m = month_index (inputs[i].date)) < 0)
        continue;
      m -= m % step;
      first = MIN (first, m);
      last = MAX (last, m);
    }
  if (first <= last)
    for (int m = first; m <= last; m += step)
      {
        KsForecastRow row = { 0 };

        if (period == KS_FORECAST_QUARTER)
          row.period = g_strdup_printf ("%04d-Q%d", m / 12, m % 12 / 3 + 1);
        else
          row.period = g_strdup_printf ("%04d-%02d", m / 12, m % 12 + 1);
        g_array_append_val (forecast->rows, row);
      }

  for (guint i = 0; i < n; i++)
    {
      const KsForecastInput *in = &inputs[i];
      double value = in->value;
      int m;
      KsForecastRow *row;

      if (in->outcome == KS_OUTCOME_LOST)
        continue;
      if (isnan (value))
        value = in->outcome == KS_OUTCOME_OPEN && !isnan (in->list_price) ? in->list_price : 0;
      if ((m = month_index (in->date)) < 0)
        {
          if (in->outcome == KS_OUTCOME_OPEN)
            {
              forecast->undated_count++;
              forecast->undated_value += value;
              forecast->undated_weighted += value * in->probability / 100.0;
            }
          continue;
        }
      m -= m % step;
      row = &g_array_index (forecast->rows, KsForecastRow, (m - first) / step);
      if (in->outcome == KS_OUTCOME_WON)
        {
          row->won += value;
          row->won_count++;
          row->weighted += value;
          row->best_case += value;
        }
      else
        {
          row->weighted += value * in->probability / 100.0;
          row->best_case += value;
          row->open_count++;
        }
    }
  for (guint i = 0; i < forecast->rows->len; i++)
    {
      KsForecastRow *row = &g_array_index (forecast->rows, KsForecastRow, i);

      row->weighted = cents (row->weighted);
      row->best_case = cents (row->best_case);
      row->won = cents (row->won);
    }
  forecast->undated_value = cents (forecast->undated_value);
  forecast->undated_weighted = cents (forecast->undated_weighted);
  return forecast;
}

void
ks_funnel_cut_rows_free (GArray *rows)
{
  if (!rows)
    return;
  for (guint i = 0; i < rows->len; i++)
    g_free (g_array_index (rows, KsFunnelCutRow, i).name);
  g_array_unref (rows);
}

void
ks_funnel_filter_copy (KsFunnelFilter       *dest,
                       const KsFunnelFilter *src)
{
  static const KsFunnelFilter none = { 0 };

  if (!src)
    src = &none;
  dest->owner = g_strdup (src->owner);
  dest->manager = g_strdup (src->manager);
  dest->team = g_strdup (src->team);
  dest->region = g_strdup (src->region);
  dest->account = g_strdup (src->account);
  dest->product = g_strdup (src->product);
  dest->from = g_strdup (src->from);
  dest->to = g_strdup (src->to);
}

void
ks_funnel_filter_clear (KsFunnelFilter *filter)
{
  g_free ((char *) filter->owner);
  g_free ((char *) filter->manager);
  g_free ((char *) filter->team);
  g_free ((char *) filter->region);
  g_free ((char *) filter->account);
  g_free ((char *) filter->product);
  g_free ((char *) filter->from);
  g_free ((char *) filter->to);
  memset (filter, 0, sizeof *filter);
}
