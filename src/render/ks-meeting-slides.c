/* ks-meeting-slides.c — one meeting slide laid out at a size, and drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sizes are fractions of the slide's height (u = height / 1080), so a
 * slide reads the same on a projector, in a preview and in the minutes.
 * Every text is measured here, once, into an item with the box the layout
 * gave it; drawing replays the items, the matrix and the map.
 */
#define G_LOG_DOMAIN "ks-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-format.h"
#include "ks-meeting-slides-private.h"
#include "ks-funnel-chart.h"
#include "ks-portfolio-draw.h"
#include "ks-powermap-draw.h"

/* Type sizes at 1080 px. */
#define PX_TITLE    52.0
#define PX_HERO     72.0
#define PX_HEADING  34.0
#define PX_BODY     30.0
#define PX_DETAIL   24.0
#define PX_NUMBER  150.0
#define PX_PICTURE  20.0   /* names in the matrix and on the map's cards */
#define MARGIN      64.0

typedef struct
{
  KsSlideLayout   *layout;
  PangoContext    *context;
  const KsPalette *palette;
  double           u;
  double           margin;
  KsChartRect      slide;
  KsChartRect      body;
} Builder;

/* ---- pieces ------------------------------------------------------------------ */

static PangoFontDescription *
font_new (const Builder *b,
          double         px,
          gboolean        bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, b->palette->font_family ? b->palette->font_family : "sans-serif");
  pango_font_description_set_absolute_size (font, px * b->u * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return font;
}

static double
line_height (const Builder *b,
             double         px,
             gboolean       bold)
{
  g_autoptr(PangoFontDescription) font = font_new (b, px, bold);

  return ks_chart_line_height (b->context, font);
}

/* Measures @string at @px into an item at (@x, @y) inside @box: one line
 * ellipsized to @max_width, or with @max_lines > 1 wrapped into at most that
 * many. Returns the item (its rect holds the measured size). */
static KsSlideItem *
add_text (Builder           *b,
          const char        *string,
          double             px,
          gboolean           bold,
          KsSlideRole        role,
          double             x,
          double             y,
          double             max_width,
          int                max_lines,
          const KsChartRect *box)
{
  g_autoptr(PangoFontDescription) font = font_new (b, px, bold);
  KsSlideItem item = { KS_ITEM_TEXT, role };

  ks_chart_text_init (&item.text, b->context, font, string, max_width, max_lines > 1, max_lines);
  item.rect = (KsChartRect) { x, y, item.text.width, item.text.height };
  item.box = box ? *box : b->slide;
  g_array_append_val (b->layout->items, item);
  return &g_array_index (b->layout->items, KsSlideItem, b->layout->items->len - 1);
}

/* The same, its right edge at @right. */
static KsSlideItem *
add_text_right (Builder           *b,
                const char        *string,
                double             px,
                gboolean           bold,
                KsSlideRole        role,
                double             right,
                double             y,
                double             max_width,
                const KsChartRect *box)
{
  KsSlideItem *item = add_text (b, string, px, bold, role, right, y, max_width, 1, box);

  item->rect.x = right - item->rect.width;
  return item;
}

static void
add_box (Builder           *b,
         KsSlideItemKind    kind,
         KsSlideRole        role,
         double             x,
         double             y,
         double             width,
         double             height,
         const KsChartRect *box)
{
  KsSlideItem item = { kind, role, { x, y, width, height } };

  item.box = box ? *box : b->slide;
  g_array_append_val (b->layout->items, item);
}

static KsSlideRole
band_role (KsScoreBand band)
{
  switch (band)
    {
    case KS_BAND_VERY_WEAK:
    case KS_BAND_MODERATE:
      return KS_ROLE_NEGATIVE;
    case KS_BAND_MEDIUM:
      return KS_ROLE_NEUTRAL;
    case KS_BAND_GOOD:
    case KS_BAND_VERY_GOOD:
    default:
      return KS_ROLE_POSITIVE;
    }
}

/* "+4.2", "−1.0", "±0.0". */
static char *
format_change (double change)
{
  g_autofree char *number = ks_format_fixed (fabs (change), 1);

  if (change > 0.05)
    return g_strdup_printf ("+%s", number);
  if (change < -0.05)
    return g_strdup_printf ("−%s", number);
  return g_strdup_printf ("±%s", number);
}

static KsSlideRole
change_role (double change)
{
  return change > 0.05 ? KS_ROLE_POSITIVE : change < -0.05 ? KS_ROLE_NEGATIVE : KS_ROLE_MUTED;
}

/* ---- chrome ------------------------------------------------------------------- */

/* The slide's title on the left (under @kicker, the kind of an account's
 * slide, when given), the meeting and the slide's number on the right, a
 * rule under them; sets the body below. */
static void
add_header (Builder    *b,
            const char *meeting,
            const char *kicker,
            const char *title,
            const char *position)
{
  double m = b->margin, u = b->u;
  double corner_w = 560 * u;
  double kicker_h = kicker ? line_height (b, PX_DETAIL + 2, TRUE) : 0;
  double title_h = line_height (b, PX_TITLE, TRUE);
  double rule_y;
  KsChartRect title_box = { m, m, b->slide.width - 2 * m - corner_w - 32 * u, kicker_h + title_h };
  KsChartRect corner_box = { b->slide.width - m - corner_w, m, corner_w, kicker_h + title_h };

  if (kicker)
    add_text (b, kicker, PX_DETAIL + 2, TRUE, KS_ROLE_ACCENT, m, m, title_box.width, 1, &title_box);
  add_text (b, title, PX_TITLE, TRUE, KS_ROLE_FOREGROUND, m, m + kicker_h, title_box.width, 1, &title_box);
  add_text_right (b, meeting, PX_DETAIL, FALSE, KS_ROLE_MUTED, b->slide.width - m, m,
                  corner_w, &corner_box);
  add_text_right (b, position, PX_DETAIL, FALSE, KS_ROLE_MUTED, b->slide.width - m,
                  m + line_height (b, PX_DETAIL, FALSE), corner_w, &corner_box);
  rule_y = m + kicker_h + title_h + 16 * u;
  add_box (b, KS_ITEM_RULE, KS_ROLE_GRID, m, rule_y, b->slide.width - 2 * m, MAX (2 * u, 1), NULL);
  b->body = (KsChartRect) { m, rule_y + 40 * u, b->slide.width - 2 * m,
                            b->slide.height - m - (rule_y + 40 * u) };
}

/* "and 3 more" at (x, y) in @box. */
static void
add_more (Builder           *b,
          guint              n,
          double             x,
          double             y,
          double             width,
          const KsChartRect *box)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n), n);

  add_text (b, text, PX_DETAIL, FALSE, KS_ROLE_MUTED, x, y, width, 1, box);
}

/* ---- the agenda ---------------------------------------------------------------- */

static char *
long_date (const char *iso)
{
  GDate date;
  char buffer[128];
  guint y, m, d;

  if (!iso || sscanf (iso, "%u-%u-%u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup (iso ? iso : "");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  /* TRANSLATORS: a meeting's date on its first slide, g_date_strftime() format */
  if (g_date_strftime (buffer, sizeof buffer, _("%A %-d %B %Y"), &date) == 0)
    return g_strdup (iso);
  return g_strdup (buffer);
}

/* "Jonas Müller · class A · 68.7 good": the agenda account's owner, ABC
 * class and weighted score from the portfolio; NULL when it has none. */
static char *
agenda_detail (const KsSlideSource *source,
               gint64               account_id)
{
  const KsPortfolio *p = source->portfolio;
  g_autoptr(GString) out = NULL;

  for (guint i = 0; p && i < p->items->len; i++)
    {
      const KsPortfolioItem *item = &g_array_index (p->items, KsPortfolioItem, i);

      if (item->account_id != account_id)
        continue;
      out = g_string_new (NULL);
      if (item->owner && *item->owner)
        g_string_append_printf (out, "%s · ", item->owner);
      g_string_append_printf (out, _("class %s"), ks_abc_class_name (item->klass));
      if (!isnan (item->weighted))
        {
          g_autofree char *score = ks_format_fixed (item->weighted, 1);
          g_string_append_printf (out, " · %s %s", score, ks_score_band_label (item->band));
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  return NULL;
}

static void
layout_agenda (Builder             *b,
               const KsSlideSource *source,
               const char          *position)
{
  const KsMeeting *m = source->meeting;
  double u = b->u, x = b->margin, y = b->margin + 24 * u;
  double width = b->slide.width - 2 * b->margin;
  double row_h = line_height (b, PX_BODY, FALSE) + 22 * u;
  g_autofree char *date = long_date (m->date);
  g_autoptr(GString) people = g_string_new (NULL);
  KsChartRect box;
  guint n = m->accounts->len, per_column, columns, shown;
  KsSlideItem *item;

  /* (An item points into the layout's array only until the next is added.) */
  add_text_right (b, position, PX_DETAIL, FALSE, KS_ROLE_MUTED, b->slide.width - b->margin,
                  b->margin, 220 * u, NULL);
  box = (KsChartRect) { x, y, width - 240 * u, line_height (b, PX_HERO, TRUE) };
  item = add_text (b, m->title, PX_HERO, TRUE, KS_ROLE_FOREGROUND, x, y, box.width, 1, &box);
  y += item->rect.height + 12 * u;
  box = (KsChartRect) { x, y, width, line_height (b, PX_HEADING, FALSE) };
  item = add_text (b, date, PX_HEADING, FALSE, KS_ROLE_ACCENT, x, y, width, 1, &box);
  y += item->rect.height + 24 * u;

  for (guint i = 0; i < m->attendees->len; i++)
    g_string_append_printf (people, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (m->attendees, i));
  {
    g_autofree char *line = people->len
      ? g_strdup_printf (_("Attendees: %s"), people->str)
      : g_strdup (_("No attendees listed"));

    box = (KsChartRect) { x, y, width, 2 * line_height (b, PX_BODY, FALSE) };
    item = add_text (b, line, PX_BODY, FALSE, KS_ROLE_MUTED, x, y, width, 2, &box);
    y += box.height + 36 * u;
  }
  add_box (b, KS_ITEM_RULE, KS_ROLE_GRID, x, y, width, MAX (2 * u, 1), NULL);
  y += 32 * u;
  box = (KsChartRect) { x, y, width, line_height (b, PX_HEADING, TRUE) };
  item = add_text (b, _("Agenda"), PX_HEADING, TRUE, KS_ROLE_FOREGROUND, x, y, width, 1, &box);
  y += item->rect.height + 20 * u;

  if (n == 0)
    {
      box = (KsChartRect) { x, y, width, row_h };
      add_text (b, _("No accounts on the agenda"), PX_BODY, FALSE, KS_ROLE_MUTED, x, y, width, 1, &box);
      return;
    }
  per_column = (guint) MAX (1.0, floor ((b->slide.height - b->margin - y) / row_h));
  columns = MIN (3u, (n + per_column - 1) / per_column);
  shown = MIN (n, per_column * columns);
  if (shown < n)
    shown--;   /* room for "and N more" */
  for (guint i = 0; i < shown; i++)
    {
      guint c = i / per_column, r = i % per_column;
      double cw = width / columns, cx = x + c * cw, cy = y + r * row_h;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *detail = columns == 1 ? agenda_detail (source, g_array_index (m->account_ids, gint64, i)) : NULL;
      KsChartRect cell = { cx, cy, cw - 24 * u, row_h };
      double name_w = cell.width - 64 * u;

      add_text (b, number, PX_BODY, TRUE, KS_ROLE_ACCENT, cx, cy, 60 * u, 1, &cell);
      if (detail)
        {
          /* Owner, class and score on the right; the name gets the rest. */
          item = add_text_right (b, detail, PX_BODY - 4, FALSE, KS_ROLE_MUTED, cx + cell.width,
                                 cy + 3 * u, cell.width * 0.45, &cell);
          name_w = item->rect.x - 32 * u - (cx + 64 * u);
        }
      add_text (b, g_ptr_array_index (m->accounts, i), PX_BODY, FALSE, KS_ROLE_FOREGROUND,
                cx + 64 * u, cy, name_w, 1, &cell);
    }
  if (shown < n)
    {
      guint c = shown / per_column, r = shown % per_column;
      double cw = width / columns;
      KsChartRect cell = { x + c * cw, y + r * row_h, cw - 24 * u, row_h };

      add_more (b, n - shown, cell.x + 64 * u, cell.y, cell.width - 64 * u, &cell);
    }
}

/* ---- the portfolio ------------------------------------------------------------- */

static void
layout_portfolio (Builder             *b,
                  const KsSlideSource *source)
{
  KsSlideLayout *l = b->layout;
  KsMatrixModel model;

  l->matrix_rect = b->body;
  if (!source->portfolio)
    {
      KsChartRect box = b->body;
      add_text (b, _("No review period yet: once the accounts are scored for a period, the portfolio matrix appears here"),
                PX_BODY, FALSE, KS_ROLE_MUTED, box.x, box.y, box.width, 2, &box);
      return;
    }
  /* In the slide's palette: the classes' colours follow its style. The
   * layout copies what it keeps. */
  ks_matrix_model_init (&model, source->portfolio, l->palette);
  l->matrix = ks_matrix_layout_new (&model.spec, (const KsBubble *) model.bubbles->data,
                                    model.bubbles->len, l->palette,
                                    l->matrix_rect.width, l->matrix_rect.height, NULL);
  ks_matrix_model_clear (&model);
}

/* ---- the score card ------------------------------------------------------------ */

static void
layout_score_card (Builder              *b,
                   const KsSlideAccount *a)
{
  double u = b->u;
  KsChartRect body = b->body;
  double left_w = body.width * 0.34, x = body.x, y = body.y;
  KsChartRect left = { body.x, body.y, left_w - 48 * u, body.height };
  KsChartRect right = { body.x + left_w, body.y, body.width - left_w, body.height };
  KsSlideItem *item;
  g_autofree char *number = NULL;

  /* Left: the weighted score, its band and its change. */
  if (a->period)
    {
      g_autofree char *label = g_strdup_printf (_("Weighted score, %s"), a->period);
      item = add_text (b, label, PX_BODY, FALSE, KS_ROLE_MUTED, x, y, left.width, 1, &left);
      y += item->rect.height + 8 * u;
    }
  number = isnan (a->weighted) ? g_strdup ("—") : ks_format_fixed (a->weighted, 1);
  item = add_text (b, number, PX_NUMBER, TRUE, isnan (a->weighted) ? KS_ROLE_MUTED : KS_ROLE_FOREGROUND,
                   x, y, left.width, 1, &left);
  y += item->rect.height + 8 * u;
  if (isnan (a->weighted))
    {
      g_autofree char *text = a->period ? g_strdup_printf (_("Not scored in %s"), a->period)
                                        : g_strdup (_("Not scored yet: the score card fills once a review period has scores"));
      add_text (b, text, PX_BODY, FALSE, KS_ROLE_MUTED, x, y, left.width, 2, &left);
    }
  else
    {
      item = add_text (b, ks_score_band_label (a->band), PX_HEADING + 10, TRUE, band_role (a->band),
                       x, y, left.width, 1, &left);
      y += item->rect.height + 24 * u;
      if (!isnan (a->prev_weighted))
        {
          g_autofree char *change = format_change (a->weighted - a->prev_weighted);
          g_autofree char *text = g_strdup_printf (_("%s since %s"), change, a->prev_period);
          item = add_text (b, text, PX_BODY, TRUE, change_role (a->weighted - a->prev_weighted),
                           x, y, left.width, 2, &left);
        }
      else
        item = add_text (b, a->prev_period ? _("Not scored in the period before")
                                           : _("No earlier period to compare with"),
                         PX_BODY, FALSE, KS_ROLE_MUTED, x, y, left.width, 2, &left);
    }

  /* Under it, the weighted score of the last periods as bars (0–100). */
  if (a->history->len > 1)
    {
      guint n = a->history->len;
      double label_h = line_height (b, PX_DETAIL - 4, FALSE);
      double value_h = line_height (b, PX_DETAIL - 2, TRUE);
      double slot = MIN (left.width / n, 150 * u), bar_w = MIN (slot - 20 * u, 64 * u);
      double base = left.y + left.height - label_h - 8 * u;
      double area_h = MIN (200 * u, base - value_h - 8 * u - (y + 60 * u));
      double top = base - area_h;

      if (area_h > 40 * u)
        {
          add_text (b, _("Weighted score by period"), PX_DETAIL, FALSE, KS_ROLE_MUTED, left.x,
                    top - value_h - 8 * u - line_height (b, PX_DETAIL, FALSE) - 8 * u, left.width, 1, &left);
          add_box (b, KS_ITEM_RULE, KS_ROLE_GRID, left.x, base, slot * n, MAX (2 * u, 1), &left);
          for (guint i = 0; i < n; i++)
            {
              const KsSlidePeriod *p = &g_array_index (a->history, KsSlidePeriod, i);
              double sx = left.x + i * slot, bx = sx + (slot - bar_w) / 2;
              KsChartRect cell = { sx, top - value_h - 8 * u, slot, base - top + value_h + 8 * u + label_h + 8 * u };
              gboolean current = i + 1 == n;
              g_autofree char *value = isnan (p->weighted) ? g_strdup ("—") : ks_format_fixed (p->weighted, 1);
              double h = isnan (p->weighted) ? 0 : area_h * CLAMP (p->weighted, 0, 100) / 100;

              if (h > 0)
                add_box (b, KS_ITEM_BOX, current ? KS_ROLE_ACCENT : KS_ROLE_UNKNOWN, bx, base - h, bar_w, h, &cell);
              item = add_text (b, value, PX_DETAIL - 2, current, current ? KS_ROLE_FOREGROUND : KS_ROLE_MUTED,
                               sx + 4 * u, base - h - value_h - 4 * u, slot - 8 * u, 1, &cell);
              item->rect.x = sx + (slot - item->rect.width) / 2;   /* centred over the bar */
              item = add_text (b, p->name, PX_DETAIL - 4, FALSE, KS_ROLE_MUTED, sx + 4 * u, base + 8 * u,
                               slot - 8 * u, 1, &cell);
              item->rect.x = sx + (slot - item->rect.width) / 2;
            }
        }
    }

  /* Right: each criterion, its score as a bar with the previous score
   * marked, and its change. */
  {
    double row_h = 84 * u, name_w = right.width * 0.40, bar_w = right.width * 0.30;
    double score_r = right.x + name_w + bar_w + right.width * 0.13, change_r = right.x + right.width;
    double ry = right.y;
    guint n = a->criteria->len, fit, shown;
    KsChartRect head = { right.x, ry, right.width, line_height (b, PX_DETAIL, FALSE) };

    add_text (b, _("Criterion (weight)"), PX_DETAIL, FALSE, KS_ROLE_MUTED, right.x, ry, name_w, 1, &head);
    add_text_right (b, _("Score"), PX_DETAIL, FALSE, KS_ROLE_MUTED, score_r, ry, right.width * 0.13, &head);
    add_text_right (b, _("Change"), PX_DETAIL, FALSE, KS_ROLE_MUTED, change_r, ry, right.width * 0.17, &head);
    ry += head.height + 16 * u;
    fit = (guint) MAX (0.0, floor ((right.y + right.height - ry) / row_h));
    shown = n <= fit ? n : (fit > 0 ? fit - 1 : 0);
    for (guint i = 0; i < shown; i++)
      {
        const KsSlideCriterion *c = &g_array_index (a->criteria, KsSlideCriterion, i);
        KsChartRect row = { right.x, ry, right.width, row_h };
        g_autofree char *weight = ks_format_fixed (c->weight, c->weight == floor (c->weight) ? 0 : 1);
        g_autofree char *score = isnan (c->score) ? g_strdup ("—") : ks_format_fixed (c->score, 0);
        double bar_x = right.x + name_w, bar_y = ry + row_h / 2 - 12 * u;

        add_text (b, c->name, PX_BODY, FALSE, KS_ROLE_FOREGROUND, right.x, ry, name_w - 24 * u, 1, &row);
        {
          g_autofree char *w = g_strdup_printf (_("weight %s %%"), weight);
          add_text (b, w, PX_DETAIL, FALSE, KS_ROLE_MUTED, right.x, ry + line_height (b, PX_BODY, FALSE),
                    name_w - 24 * u, 1, &row);
        }
        add_box (b, KS_ITEM_BOX, KS_ROLE_TRACK, bar_x, bar_y, bar_w, 24 * u, &row);
        if (!isnan (c->score))
          add_box (b, KS_ITEM_BOX, KS_ROLE_ACCENT, bar_x, bar_y, bar_w * CLAMP (c->score, 0, 100) / 100,
                   24 * u, &row);
        if (!isnan (c->prev))
          add_box (b, KS_ITEM_RULE, KS_ROLE_FOREGROUND,
                   bar_x + bar_w * CLAMP (c->prev, 0, 100) / 100 - 2 * u, bar_y - 8 * u, 4 * u, 40 * u, &row);
        add_text_right (b, score, PX_BODY + 4, TRUE, isnan (c->score) ? KS_ROLE_MUTED : KS_ROLE_FOREGROUND,
                        score_r, ry + 8 * u, right.width * 0.13, &row);
        if (!isnan (c->score) && !isnan (c->prev))
          {
            g_autofree char *change = format_change (c->score - c->prev);
            add_text_right (b, change, PX_BODY, TRUE, change_role (c->score - c->prev),
                            change_r, ry + 8 * u, right.width * 0.17, &row);
          }
        else
          add_text_right (b, "—", PX_BODY, FALSE, KS_ROLE_MUTED, change_r, ry + 8 * u, right.width * 0.17, &row);
        ry += row_h;
      }
    if (shown < n)
      add_more (b, n - shown, right.x, ry, right.width, &right);
  }
}

/* ---- the power map ----------------------------------------------------------------- */

static void
layout_power_map (Builder              *b,
                  const KsSlideAccount *a)
{
  KsSlideLayout *l = b->layout;
  double u = b->u;
  KsChartRect body = b->body;
  double map_w = body.width * 0.64;
  KsChartRect panel = { body.x + map_w + 32 * u, body.y, body.width - map_w - 32 * u, body.height };
  KsChartRect inner = { panel.x + 28 * u, panel.y + 24 * u, panel.width - 56 * u, panel.height - 48 * u };
  double y = inner.y;
  guint n = a->coverage ? a->coverage->findings->len : 0;
  KsSlideItem *item;

  l->map_rect = (KsChartRect) { body.x, body.y, map_w, body.height };
  if (a->map.nodes->len > 0)
    {
      l->map = ks_map_layout_new ((const KsMapNode *) a->map.nodes->data, a->map.nodes->len,
                                  (const KsMapLine *) a->map.lines->data, a->map.lines->len,
                                  l->palette, NULL);
      l->map_view = (KsMapView) { 0 };
      l->map_view.legend_corner = KS_MAP_CORNER_BOTTOM_LEFT;
      ks_map_view_fit (l->map, l->map_rect.width, l->map_rect.height, 16 * u, 1.5, &l->map_view);
    }
  else
    add_text (b, _("No contacts on the power map yet: add the customer’s people on the account’s power map"), PX_BODY, FALSE, KS_ROLE_MUTED,
              l->map_rect.x, l->map_rect.y + l->map_rect.height / 2 - 20 * u, l->map_rect.width, 2,
              &l->map_rect);

  add_box (b, KS_ITEM_BOX, KS_ROLE_SURFACE, panel.x, panel.y, panel.width, panel.height, NULL);
  item = add_text (b, _("Coverage"), PX_HEADING, TRUE, KS_ROLE_FOREGROUND, inner.x, y, inner.width, 1, &inner);
  y += item->rect.height + 8 * u;
  if (a->coverage)
    {
      g_autofree char *counts = g_strdup_printf (_("%u contacts, %u of our people own them"),
                                                 a->coverage->contacts, a->coverage->owners);
      item = add_text (b, counts, PX_DETAIL, FALSE, KS_ROLE_MUTED, inner.x, y, inner.width, 2, &inner);
      y += item->rect.height + 24 * u;
    }
  if (n == 0)
    {
      add_text (b, _("No gaps found"), PX_BODY, TRUE, KS_ROLE_POSITIVE, inner.x, y, inner.width, 1, &inner);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const KsCoverageFinding *f = g_ptr_array_index (a->coverage->findings, i);
      double item_h = 3 * line_height (b, PX_DETAIL + 2, FALSE);
      double more_h = line_height (b, PX_DETAIL, FALSE);

      /* Keep room for "and N more" unless this is the last finding. */
      if (y + item_h + (i + 1 < n ? 14 * u + more_h : 0) > inner.y + inner.height)
        {
          add_more (b, n - i, inner.x + 28 * u, y, inner.width - 28 * u, &inner);
          return;
        }
      add_text (b, "•", PX_DETAIL + 2, TRUE, KS_ROLE_NEGATIVE, inner.x, y, 24 * u, 1, &inner);
      item = add_text (b, f->message, PX_DETAIL + 2, FALSE, KS_ROLE_FOREGROUND, inner.x + 28 * u, y,
                       inner.width - 28 * u, 3, &inner);
      y += item->rect.height + 14 * u;
    }
}

/* ---- the plan summary --------------------------------------------------------------- */

static void
layout_plan_column (Builder           *b,
                    const char        *heading,
                    GPtrArray         *lines,
                    const char        *empty,
                    const KsChartRect *column)
{
  double u = b->u, x = column->x, y = column->y;
  double text_h = 2 * line_height (b, PX_BODY - 2, FALSE), detail_h = line_height (b, PX_DETAIL, FALSE);
  double more_h = line_height (b, PX_DETAIL, FALSE);
  KsSlideItem *item;

  item = add_text (b, heading, PX_HEADING, TRUE, KS_ROLE_FOREGROUND, x, y, column->width, 1, column);
  y += item->rect.height + 20 * u;
  if (lines->len == 0)
    {
      add_text (b, empty, PX_BODY - 2, FALSE, KS_ROLE_MUTED, x, y, column->width, 2, column);
      return;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const KsSlideLine *line = g_ptr_array_index (lines, i);
      double need = text_h + 4 * u + (*line->detail ? detail_h : 0);

      /* Room for this line, and then (unless it is the last) for "and N more"
       * after the gap. */
      if (y + need + (i + 1 < lines->len ? 24 * u + more_h : 0) > column->y + column->height)
        {
          add_more (b, lines->len - i, x, y, column->width, column);
          return;
        }
      item = add_text (b, line->text, PX_BODY - 2, FALSE, KS_ROLE_FOREGROUND, x, y, column->width, 2, column);
      y += item->rect.height + 4 * u;
      if (*line->detail)
        {
          item = add_text (b, line->detail, PX_DETAIL, line->alarm, line->alarm ? KS_ROLE_NEGATIVE : KS_ROLE_MUTED,
                           x, y, column->width, 1, column);
          y += item->rect.height;
        }
      y += 24 * u;
    }
}

static void
layout_plan (Builder              *b,
             const KsSlideAccount *a)
{
  double gap = 56 * b->u, w = (b->body.width - 2 * gap) / 3;
  KsChartRect c1 = { b->body.x, b->body.y, w, b->body.height };
  KsChartRect c2 = { b->body.x + w + gap, b->body.y, w, b->body.height };
  KsChartRect c3 = { b->body.x + 2 * (w + gap), b->body.y, w, b->body.height };

  layout_plan_column (b, _("Objectives"), a->objectives, _("No objectives in the plan"), &c1);
  add_box (b, KS_ITEM_RULE, KS_ROLE_GRID, c2.x - gap / 2, c2.y, MAX (2 * b->u, 1), c2.height, NULL);
  layout_plan_column (b, _("Overdue Actions"), a->overdue, _("Nothing overdue"), &c2);
  add_box (b, KS_ITEM_RULE, KS_ROLE_GRID, c3.x - gap / 2, c3.y, MAX (2 * b->u, 1), c3.height, NULL);
  layout_plan_column (b, _("Next Steps"), a->next_steps, _("No open actions or next steps"), &c3);
}

/* ---- the funnel ------------------------------------------------------------------ */

static void
layout_funnel (Builder              *b,
               const KsSlideAccount *a)
{
  KsSlideLayout *l = b->layout;
  g_autoptr(GArray) bands = ks_funnel_model_bands (a->funnel);
  g_autofree char *summary = ks_funnel_model_summary (a->funnel);
  KsFunnelSpec spec = { 0 };

  spec.size_by = KS_FUNNEL_SIZE_COUNT;
  spec.shape_title = ks_funnel_model_shape_title (a->funnel->shape);
  spec.shape_reason = a->funnel->shape_reason;
  spec.summary = summary;
  spec.empty_title = _("No opportunities");
  spec.empty_detail = _("The account has no opportunities in the pipeline");
  l->funnel_rect = b->body;
  l->funnel = ks_funnel_layout_new (&spec, (const KsFunnelBand *) bands->data, bands->len, l->palette,
                                    l->funnel_rect.width, l->funnel_rect.height, NULL);
}

/* ---- the decisions -------------------------------------------------------------- */

static guint
layout_decisions (Builder             *b,
                  const KsSlideSource *source,
                  guint                first)
{
  GPtrArray *decisions = source->decisions;
  double u = b->u, x = b->body.x, width = b->body.width, y = b->body.y;
  double widths[] = { 0.22, 0.50, 0.16, 0.12 };
  const char *heads[] = { _("Account"), _("Decision"), _("Owner"), _("Due") };
  double row_h = 2 * line_height (b, PX_BODY - 2, FALSE) + 24 * u;
  double head_h = line_height (b, PX_DETAIL, FALSE);
  guint n = decisions->len, fit, placed = 0;
  double cx = x;

  if (n == 0)
    {
      KsChartRect box = b->body;
      add_text (b, _("No decisions taken yet"), PX_BODY, FALSE, KS_ROLE_MUTED, x, y, width, 1, &box);
      return 0;
    }
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      KsChartRect cell = { cx, y, widths[c] * width - 24 * u, head_h };
      add_text (b, heads[c], PX_DETAIL, FALSE, KS_ROLE_MUTED, cx, y, cell.width, 1, &cell);
      cx += widths[c] * width;
    }
  y += head_h + 12 * u;
  fit = (guint) MAX (1.0, floor ((b->body.y + b->body.height - y) / row_h));
  if (first == G_MAXUINT)
    {
      /* The newest that fit; a first row says how many came before. */
      first = n > fit ? n - (fit - 1) : 0;
      if (first > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u earlier decision, listed in the minutes",
                                                                "%u earlier decisions, listed in the minutes",
                                                                first), first);
          KsChartRect box = { x, y, width, row_h };
          add_text (b, text, PX_DETAIL, FALSE, KS_ROLE_MUTED, x, y, width, 1, &box);
          y += row_h;
          fit--;
        }
    }
  for (guint i = first; i < n && placed < fit; i++, placed++)
    {
      const KsMeetingDecision *d = g_ptr_array_index (decisions, i);
      const char *cells[] = { d->account, d->text, *d->owner ? d->owner : "—", *d->due ? d->due : "—" };

      add_box (b, KS_ITEM_RULE, KS_ROLE_GRID, x, y, width, MAX (1.5 * u, 1), NULL);
      cx = x;
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          KsChartRect cell = { cx, y, widths[c] * width - 24 * u, row_h };
          add_text (b, cells[c], PX_BODY - 2, c == 1, c == 0 ? KS_ROLE_ACCENT : KS_ROLE_FOREGROUND,
                    cx, y + 12 * u, cell.width, c == 1 || c == 0 ? 2 : 1, &cell);
          cx += widths[c] * width;
        }
      y += row_h;
    }
  return placed;
}

/* ---- the layout ------------------------------------------------------------------ */

KsSlideLayout *
ks_slide_layout_new (const KsSlideSource  *source,
                     KsSlideKind           kind,
                     const KsSlideAccount *account,
                     const char           *title,
                     const char           *position,
                     guint                 first,
                     guint                *n_placed,
                     const KsPalette      *palette,
                     double                width,
                     double                height)
{
  KsSlideLayout *l = g_new0 (KsSlideLayout, 1);
  Builder b = { l };
  g_autofree char *corner = NULL;
  guint placed = 0;

  g_return_val_if_fail (width > 0 && height > 0, l);

  l->width = width;
  l->height = height;
  l->style = palette->style;
  l->items = g_array_new (FALSE, TRUE, sizeof (KsSlideItem));
  l->highlight = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (l->highlight, source->meeting->account_ids->data, source->meeting->account_ids->len);
  b.context = ks_chart_context_new ();
  b.palette = palette;
  b.u = height / KS_SLIDE_HEIGHT;
  b.margin = MARGIN * b.u;
  b.slide = (KsChartRect) { 0, 0, width, height };
  /* The pictures' names at PX_PICTURE px: the palette's size is in points. */
  l->palette = ks_palette_copy (palette);
  ks_palette_set_font (l->palette, palette->font_family, PX_PICTURE * b.u * 72.0 / 96.0);

  if (kind == KS_SLIDE_AGENDA)
    layout_agenda (&b, source, position);
  else
    {
      corner = g_strdup_printf ("%s · %s", source->meeting->title, source->meeting->date);
      if (account)
        add_header (&b, corner, ks_slide_kind_label (kind), account->name, position);
      else
        add_header (&b, corner, NULL, title, position);
      switch (kind)
        {
        case KS_SLIDE_PORTFOLIO:
          layout_portfolio (&b, source);
          break;
        case KS_SLIDE_SCORE_CARD:
          layout_score_card (&b, account);
          break;
        case KS_SLIDE_POWER_MAP:
          layout_power_map (&b, account);
          break;
        case KS_SLIDE_PLAN:
          layout_plan (&b, account);
          break;
        case KS_SLIDE_DECISIONS:
          placed = layout_decisions (&b, source, first);
          break;
        case KS_SLIDE_FUNNEL:
          layout_funnel (&b, account);
          break;
        case KS_SLIDE_AGENDA:
        default:
          g_assert_not_reached ();
        }
    }
  if (n_placed)
    *n_placed = placed;
  g_object_unref (b.context);
  return l;
}

void
ks_slide_layout_free (KsSlideLayout *layout)
{
  if (!layout)
    return;
  for (guint i = 0; i < layout->items->len; i++)
    {
      KsSlideItem *item = &g_array_index (layout->items, KsSlideItem, i);
      if (item->kind == KS_ITEM_TEXT)
        ks_chart_text_clear (&item->text);
    }
  g_array_unref (layout->items);
  g_clear_pointer (&layout->matrix, ks_matrix_layout_free);
  g_clear_pointer (&layout->map, ks_map_layout_free);
  g_clear_pointer (&layout->funnel, ks_funnel_layout_free);
  g_array_unref (layout->highlight);
  ks_palette_free (layout->palette);
  g_free (layout);
}

static const KsColor *
role_color (const KsPalette *palette,
            KsSlideRole      role)
{
  switch (role)
    {
    case KS_ROLE_MUTED:
      return &palette->muted;
    case KS_ROLE_ACCENT:
      return &palette->accent;
    case KS_ROLE_POSITIVE:
      return &palette->positive;
    case KS_ROLE_NEUTRAL:
      return &palette->neutral;
    case KS_ROLE_NEGATIVE:
      return &palette->negative;
    case KS_ROLE_UNKNOWN:
      return &palette->unknown;
    case KS_ROLE_SURFACE:
      return &palette->surface;
    case KS_ROLE_GRID:
      return &palette->grid;
    case KS_ROLE_FOREGROUND:
    default:
      return &palette->foreground;
    }
}

void
ks_slide_layout_draw (const KsSlideLayout *layout,
                      cairo_t             *cr,
                      const KsPalette     *palette)
{
  double u = layout->height / KS_SLIDE_HEIGHT;

  cairo_save (cr);
  ks_color_set_source (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  for (guint i = 0; i < layout->items->len; i++)
    {
      const KsSlideItem *item = &g_array_index (layout->items, KsSlideItem, i);

      if (item->role == KS_ROLE_TRACK)
        {
          KsColor track = ks_color_mix (&palette->background, &palette->foreground, 0.15);
          ks_color_set_source (cr, &track);
        }
      else
        ks_color_set_source (cr, role_color (palette, item->role));
      switch (item->kind)
        {
        case KS_ITEM_TEXT:
          ks_chart_text_show (cr, &item->text, item->rect.x, item->rect.y);
          break;
        case KS_ITEM_BOX:
          ks_chart_rounded_rect (cr, item->rect.x, item->rect.y, item->rect.width, item->rect.height, 8 * u);
          cairo_fill (cr);
          break;
        case KS_ITEM_RULE:
        default:
          cairo_rectangle (cr, item->rect.x, item->rect.y, item->rect.width, item->rect.height);
          cairo_fill (cr);
          break;
        }
    }

  if (layout->matrix)
    {
      KsMatrixDrawState state = { 0 };

      /* The agenda's accounts are drawn selected. */
      state.selected_ids = (const gint64 *) layout->highlight->data;
      state.n_selected = layout->highlight->len;
      cairo_save (cr);
      cairo_translate (cr, layout->matrix_rect.x, layout->matrix_rect.y);
      cairo_rectangle (cr, 0, 0, layout->matrix_rect.width, layout->matrix_rect.height);
      cairo_clip (cr);
      ks_matrix_draw (cr, layout->matrix, layout->palette, &state);
      cairo_restore (cr);
    }
  if (layout->map)
    {
      KsMapDrawState state = { 0 };

      state.view = layout->map_view;
      cairo_save (cr);
      cairo_translate (cr, layout->map_rect.x, layout->map_rect.y);
      cairo_rectangle (cr, 0, 0, layout->map_rect.width, layout->map_rect.height);
      cairo_clip (cr);
      ks_map_draw (cr, layout->map, layout->palette, &state);
      cairo_restore (cr);
    }
  if (layout->funnel)
    {
      cairo_save (cr);
      cairo_translate (cr, layout->funnel_rect.x, layout->funnel_rect.y);
      cairo_rectangle (cr, 0, 0, layout->funnel_rect.width, layout->funnel_rect.height);
      cairo_clip (cr);
      ks_funnel_draw (cr, layout->funnel, layout->palette, NULL);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

guint
ks_slide_layout_count_overflow (const KsSlideLayout *layout)
{
  const double slack = 0.5;
  guint n = 0;

  for (guint i = 0; i < layout->items->len; i++)
    {
      const KsSlideItem *item = &g_array_index (layout->items, KsSlideItem, i);
      const KsChartRect *r = &item->rect, *box = &item->box;

      if (r->x < box->x - slack || r->y < box->y - slack ||
          r->x + r->width > box->x + box->width + slack || r->y + r->height > box->y + box->height + slack ||
          box->x < -slack || box->y < -slack ||
          box->x + box->width > layout->width + slack || box->y + box->height > layout->height + slack)
        {
          g_debug ("outside its box: “%s” at %.1f, %.1f, %.1f × %.1f in %.1f, %.1f, %.1f × %.1f",
                   item->kind == KS_ITEM_TEXT ? pango_layout_get_text (item->text.layout) : "(shape)",
                   r->x, r->y, r->width, r->height, box->x, box->y, box->width, box->height);
          n++;
        }
    }
  if (layout->matrix)
    {
      double w, h;

      ks_matrix_layout_get_size (layout->matrix, &w, &h);
      if (layout->matrix_rect.x + w > layout->width + slack || layout->matrix_rect.y + h > layout->height + slack)
        n++;
    }
  if (layout->funnel)
    {
      const KsChartRect *r = &layout->funnel_rect;

      if (r->x < -slack || r->y < -slack || r->x + r->width > layout->width + slack ||
          r->y + r->height > layout->height + slack)
        n++;
    }
  if (layout->map)
    {
      KsMapRect bounds;
      double vx1, vy1, vx2, vy2;

      ks_map_layout_get_bounds (layout->map, &bounds);
      ks_map_view_from_model (&layout->map_view, bounds.x, bounds.y, &vx1, &vy1);
      ks_map_view_from_model (&layout->map_view, bounds.x + bounds.width, bounds.y + bounds.height, &vx2, &vy2);
      if (vx1 < -slack || vy1 < -slack || vx2 > layout->map_rect.width + slack ||
          vy2 > layout->map_rect.height + slack)
        n++;
    }
  return n;
}
