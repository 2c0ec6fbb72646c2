/* ks-cli-evaluation.c — keystone-cli's opportunity evaluation matrix:
 * report evaluation, render evaluation, evaluation score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same loader (ks_evaluation_load) and drawing (ks-evaluation-chart) as
 * the app's evaluation page, so a picture made here is the one on screen.
 */
#define G_LOG_DOMAIN "keystone-cli"

#include "config.h"

#include "ks-cli-evaluation.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "ks-account.h"
#include "ks-evaluation.h"
#include "ks-evaluation-chart.h"
#include "ks-export.h"
#include "ks-format.h"
#include "ks-person.h"

typedef enum
{
  CMD_REPORT,
  CMD_RENDER,
  CMD_SCORE,
} Command;

static const char *const usages[] = {
  N_("usage: keystone-cli report evaluation [--owner NAME] [--account NAME] [--json]"),
  N_("usage: keystone-cli render evaluation [--owner NAME] [--account NAME] [--width W] [--height H] -o FILE"),
  N_("usage: keystone-cli evaluation score --opportunity REF --criterion NAME --score N [--json]"),
};

/* As the book lists them. */
static const KsEvalQuadrant quadrant_order[] = {
  KS_EVAL_QUADRANT_INVEST, KS_EVAL_QUADRANT_DONT_LOSE, KS_EVAL_QUADRANT_SECURE, KS_EVAL_QUADRANT_DROP,
};

/* The first option given that @command does not take, or NULL. */
static const char *
foreign_option (const Options *opts,
                Command        command)
{
  gboolean filter = command != CMD_SCORE;

  if (opts->demo)
    return "--demo";
  if (opts->dry_run)
    return "--dry-run";
  if (opts->replace)
    return "--replace";
  if (opts->today)
    return "--today";
  if (opts->period)
    return "--period";
  if (opts->year != KS_CLI_NO_YEAR)
    return "--year";
  if (opts->compare)
    return "--compare";
  if (opts->preset)
    return "--preset";
  if (opts->x_axis)
    return "--x";
  if (opts->y_axis)
    return "--y";
  if (opts->colour_by)
    return "--colour-by";
  if (opts->segment)
    return "--segment";
  if (opts->top)
    return "--top";
  if (opts->scope)
    return "--scope";
  if (opts->owner && !filter)
    return "--owner";
  if (opts->account && !filter)
    return "--account";
  if (opts->output && command != CMD_RENDER)
    return "-o";
  if ((opts->width || opts->height) && command != CMD_RENDER)
    return opts->width ? "--width" : "--height";
  if (opts->opportunity && command != CMD_SCORE)
    return "--opportunity";
  if (opts->criterion && command != CMD_SCORE)
    return "--criterion";
  if (opts->score && command != CMD_SCORE)
    return "--score";
  return NULL;
}

/* Opens the workspace and loads the matrix for --owner and --account
 * (names as CLI.md says: exact, then ignoring case). */
static KsEvaluation *
load (const Options  *opts,
      KsWorkspace   **ws_out,
      GError        **error)
{
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsPerson) owner = NULL;
  g_autoptr(KsAccount) account = NULL;
  KsFunnelFilter filter = { 0 };
  KsEvaluation *evaluation;

  if (!(ws = open_existing (opts, error)))
    return NULL;
  if (opts->owner)
    {
      if (!(owner = ks_person_find (ws, opts->owner, error)))
        return NULL;
      filter.owner = ks_person_get_name (owner);
    }
  if (opts->account)
    {
      if (!(account = ks_account_find (ws, opts->account, error)))
        return NULL;
      filter.account = ks_account_get_name (account);
    }
  if (!(evaluation = ks_evaluation_load (ws, &filter, error)))
    return NULL;
  if (ws_out)
    *ws_out = g_steal_pointer (&ws);
  return evaluation;
}

static char *
format_axis (double value)
{
  return isnan (value) ? g_strdup ("—") : ks_format_fixed (value, 1);
}

static int
report (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsEvaluation) e = NULL;

  if (!(e = load (opts, NULL, &error)))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "dividers");
      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "chance");
      ks_json_writer_number (j, e->chance_divider, -1);
      ks_json_writer_key (j, "attractiveness");
      ks_json_writer_number (j, e->attractiveness_divider, -1);
      ks_json_writer_end (j, '}');
      ks_json_writer_key (j, "quadrants");
      ks_json_writer_begin (j, '{');
      for (guint i = 0; i < G_N_ELEMENTS (quadrant_order); i++)
        {
          ks_json_writer_key (j, ks_eval_quadrant_id (quadrant_order[i]));
          ks_json_writer_int (j, e->counts[quadrant_order[i]]);
        }
      ks_json_writer_end (j, '}');
      ks_json_writer_key (j, "unscored");
      ks_json_writer_int (j, e->n_unscored);
      ks_json_writer_key (j, "opportunities");
      ks_json_writer_begin (j, '[');
      for (guint i = 0; i < e->items->len; i++)
        {
          const KsEvalItem *item = &g_array_index (e->items, KsEvalItem, i);

          ks_json_writer_begin (j, '{');
          ks_json_writer_key (j, "id");
          ks_json_writer_string (j, item->ref);
          ks_json_writer_key (j, "title");
          ks_json_writer_string (j, item->title);
          write_string_or_null (j, "account", *item->account ? item->account : NULL);
          ks_json_writer_key (j, "stage");
          ks_json_writer_string (j, item->stage);
          ks_json_writer_key (j, "value");
          ks_json_writer_number (j, item->value, -1);
          ks_json_writer_key (j, "chance");
          ks_json_writer_number (j, item->chance, -1);
          ks_json_writer_key (j, "attractiveness");
          ks_json_writer_number (j, item->attractiveness, -1);
          write_string_or_null (j, "quadrant",
                                item->quadrant == KS_EVAL_QUADRANT_NONE ? NULL : ks_eval_quadrant_id (item->quadrant));
          ks_json_writer_end (j, '}');
        }
      ks_json_writer_end (j, ']');
      ks_json_writer_end (j, '}');
      print_json_text (j);
      return EXIT_DONE;
    }

  {
    static const char *headers[] = { N_("Opportunity"), N_("Title"), N_("Account"), N_("Stage"), N_("Value"),
                                     N_("Chance"), N_("Attractiveness"), N_("Strategy") };
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    g_autofree char *cd = ks_format_fixed (e->chance_divider, 1);
    g_autofree char *ad = ks_format_fixed (e->attractiveness_divider, 1);

    for (guint i = 0; i < e->items->len; i++)
      {
        const KsEvalItem *item = &g_array_index (e->items, KsEvalItem, i);
        char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

        row[0] = g_strdup (item->ref);
        row[1] = g_strdup (item->title);
        row[2] = g_strdup (item->account);
        row[3] = g_strdup (item->stage);
        row[4] = isnan (item->value) ? g_strdup ("—") : ks_format_grouped (item->value);
        row[5] = format_axis (item->chance);
        row[6] = format_axis (item->attractiveness);
        row[7] = g_strdup (ks_eval_quadrant_name (item->quadrant));
        g_ptr_array_add (rows, row);
      }
    if (rows->len)
      print_table (headers, G_N_ELEMENTS (headers), rows);
    else
      g_print (_("No open opportunities match.\n"));
    g_print (_("Dividers: chance to win %s, attractiveness %s. "
               "Invest %u, don’t lose %u, secure %u, drop %u; not scored %u.\n"),
             cd, ad, e->counts[KS_EVAL_QUADRANT_INVEST], e->counts[KS_EVAL_QUADRANT_DONT_LOSE],
             e->counts[KS_EVAL_QUADRANT_SECURE], e->counts[KS_EVAL_QUADRANT_DROP], e->n_unscored);
  }
  return EXIT_DONE;
}

static int
render (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsEvaluation) e = NULL;
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(GArray) bubbles = NULL;
  KsEvalChartInput input;
  KsExportFormat format;
  guint placed = 0;

  if (!opts->output)
    return usage_error ("%s", _(usages[CMD_RENDER]));
  if (opts->width < 0 || opts->height < 0 || opts->width > 20000 || opts->height > 20000)
    return usage_error (_("--width and --height take a size from 1 to 20000"));
  if (!ks_export_format_for_path (opts->output, &format, &error))
    return usage_error ("%s", error->message);
  if (!(e = load (opts, NULL, &error)))
    return refused (error);

  bubbles = g_array_sized_new (FALSE, TRUE, sizeof (KsEvalBubble), e->items->len);
  for (guint i = 0; i < e->items->len; i++)
    {
      const KsEvalItem *item = &g_array_index (e->items, KsEvalItem, i);
      KsEvalBubble b = {
        .id = item->id,
        .label = *item->title ? item->title : item->ref,
        .chance = item->chance,
        .attractiveness = item->attractiveness,
        .value = item->value,
        .stage = item->stage_index,
      };

      placed += item->quadrant != KS_EVAL_QUADRANT_NONE;
      g_array_append_val (bubbles, b);
    }
  input = (KsEvalChartInput) {
    .chance_divider = e->chance_divider,
    .attractiveness_divider = e->attractiveness_divider,
    .stages = (const char * const *) e->stages->pdata,
    .n_stages = e->stages->len,
    .bubbles = (const KsEvalBubble *) bubbles->data,
    .n_bubbles = bubbles->len,
  };
  if (!ks_eval_chart_export (opts->output, &input, palette,
                             opts->width > 0 ? opts->width : 1920,
                             opts->height > 0 ? opts->height : 1080, &error))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "file");
      ks_json_writer_string (j, opts->output);
      ks_json_writer_key (j, "opportunities");
      ks_json_writer_int (j, e->items->len);
      ks_json_writer_key (j, "placed");
      ks_json_writer_int (j, placed);
      ks_json_writer_end (j, '}');
      print_json_text (j);
    }
  else
    g_print (_("Drew the evaluation matrix of %u open opportunities (%u scored) into %s\n"),
             e->items->len, placed, opts->output);
  return EXIT_DONE;
}

static int
score (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autofree int *scores = NULL;
  g_autofree double *weights = NULL;
  g_autofree int *axis_scores = NULL;
  KsEvalCriterion *criterion;
  gboolean ambiguous = FALSE;
  double value[KS_EVAL_N_AXES], chance_divider, attractiveness_divider;
  KsEvalQuadrant quadrant;
  gint64 opportunity;
  char *end = NULL;
  long n;

  if (g_strv_length (opts->args) != 2 || !opts->opportunity || !opts->criterion || !opts->score)
    return usage_error ("%s", _(usages[CMD_SCORE]));
  n = strtol (opts->score, &end, 10);
  if (end == opts->score || *end || n < G_MININT || n > G_MAXINT)
    return usage_error (_("--score takes a whole number from 1 to 5, or 0 to clear the score, not “%s”"),
                        opts->score);
  if (!(ws = open_existing (opts, &error)))
    return refused (error);
  if (!(opportunity = ks_eval_find_opportunity (ws, opts->opportunity, &error)))
    return refused (error);
  if (!(criteria = ks_eval_criteria_list (ws, &error)))
    return refused (error);
  if (!(criterion = ks_eval_criteria_find_any (criteria, opts->criterion, &ambiguous)))
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < criteria->len; i++)
        g_string_append_printf (names, "%s“%s”", i ? ", " : "",
                                ((KsEvalCriterion *) g_ptr_array_index (criteria, i))->name);
      if (ambiguous)
        g_set_error (&error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("“%s” names a criterion on both axes; rename one of them"), opts->criterion);
      else
        g_set_error (&error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no evaluation criterion “%s”; there are %s"), opts->criterion, names->str);
      return refused (error);
    }
  if (!ks_eval_score_set (ws, opportunity, criterion->id, (int) n, &error))
    return refused (error);

  /* Where the opportunity is now. */
  scores = g_new0 (int, criteria->len + 1);
  weights = g_new0 (double, criteria->len + 1);
  axis_scores = g_new0 (int, criteria->len + 1);
  if (!ks_eval_scores_load (ws, opportunity, criteria, scores, &error))
    return refused (error);
  for (int axis = 0; axis < KS_EVAL_N_AXES; axis++)
    {
      guint m = 0;

      for (guint i = 0; i < criteria->len; i++)
        {
          const KsEvalCriterion *c = g_ptr_array_index (criteria, i);

          if ((int) c->axis != axis)
            continue;
          weights[m] = c->weight;
          axis_scores[m++] = scores[i];
        }
      value[axis] = ks_eval_axis_value (weights, axis_scores, m);
    }
  ks_eval_get_dividers (ws, &chance_divider, &attractiveness_divider);
  quadrant = ks_eval_quadrant (value[KS_EVAL_CHANCE], value[KS_EVAL_ATTRACTIVENESS],
                               chance_divider, attractiveness_divider);

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "opportunity");
      ks_json_writer_string (j, opts->opportunity);
      ks_json_writer_key (j, "criterion");
      ks_json_writer_string (j, criterion->name);
      ks_json_writer_key (j, "axis");
      ks_json_writer_string (j, ks_eval_axis_to_string (criterion->axis));
      ks_json_writer_key (j, "score");
      if (n)
        ks_json_writer_int (j, n);
      else
        ks_json_writer_null (j);
      ks_json_writer_key (j, "chance");
      ks_json_writer_number (j, value[KS_EVAL_CHANCE], -1);
      ks_json_writer_key (j, "attractiveness");
      ks_json_writer_number (j, value[KS_EVAL_ATTRACTIVENESS], -1);
      write_string_or_null (j, "quadrant", quadrant == KS_EVAL_QUADRANT_NONE ? NULL : ks_eval_quadrant_id (quadrant));
      ks_json_writer_end (j, '}');
      print_json_text (j);
    }
  else
    {
      g_autofree char *c = format_axis (value[KS_EVAL_CHANCE]);
      g_autofree char *a = format_axis (value[KS_EVAL_ATTRACTIVENESS]);

      if (n)
        g_print (_("%s: “%s” scored %ld. "), opts->opportunity, criterion->name, n);
      else
        g_print (_("%s: “%s” cleared. "), opts->opportunity, criterion->name);
      g_print (_("Chance to win %s, attractiveness %s: %s\n"), c, a, ks_eval_quadrant_name (quadrant));
    }
  return EXIT_DONE;
}

int
ks_cli_evaluation (const Options *opts)
{
  const char *cmd = opts->args[0];
  Command command;
  const char *foreign;

  if (g_str_equal (cmd, "report"))
    command = CMD_REPORT;
  else if (g_str_equal (cmd, "render"))
    command = CMD_RENDER;
  else if (g_strcmp0 (opts->args[1], "score") == 0)
    command = CMD_SCORE;
  else
    return usage_error (_("evaluation what? Use “evaluation score --opportunity REF --criterion NAME --score N”"));

  if ((foreign = foreign_option (opts, command)))
    return usage_error (_("%s does not apply here; %s"), foreign, _(usages[command]));
  if (g_strv_length (opts->args) != 2)
    return usage_error ("%s", _(usages[command]));
  switch (command)
    {
    case CMD_REPORT:
      return report (opts);
    case CMD_RENDER:
      return render (opts);
    case CMD_SCORE:
    default:
      return score (opts);
    }
}
