/* ks-meeting-deck.c — a meeting's deck: what its slides show, read once;
 * the slides' layouts kept per size; the minutes PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-export.h"
#include "ks-meeting-slides-private.h"
#include "ks-person.h"
#include "ks-plan.h"

#define N_CACHED 2

typedef struct
{
  KsSlideKind     kind;
  int             agenda;               /* index into accounts; -1 = none */
  char           *title;
  KsSlideLayout  *cache[N_CACHED];      /* most recent first */
} Slide;

struct _KsMeetingDeck
{
  gint64        meeting_id;
  char         *today;
  KsMeeting    *meeting;
  GPtrArray    *decisions;              /* KsMeetingDecision */
  KsPortfolio  *portfolio;              /* NULL without a review period */
  GPtrArray    *accounts;               /* KsSlideAccount, in agenda order */
  GArray       *slides;                 /* Slide */
};

/* ---- the data -------------------------------------------------------------------- */

static void
slide_line_free (gpointer data)
{
  KsSlideLine *line = data;

  g_free (line->text);
  g_free (line->detail);
  g_free (line->due);
  g_free (line);
}

static void
slide_account_free (gpointer data)
{
  KsSlideAccount *a = data;

  g_free (a->name);
  g_free (a->period);
  g_free (a->prev_period);
  for (guint i = 0; a->criteria && i < a->criteria->len; i++)
    g_free (g_array_index (a->criteria, KsSlideCriterion, i).name);
  g_clear_pointer (&a->criteria, g_array_unref);
  for (guint i = 0; a->history && i < a->history->len; i++)
    g_free (g_array_index (a->history, KsSlidePeriod, i).name);
  g_clear_pointer (&a->history, g_array_unref);
  ks_map_model_clear (&a->map);
  g_clear_pointer (&a->coverage, ks_coverage_report_free);
  g_clear_pointer (&a->objectives, g_ptr_array_unref);
  g_clear_pointer (&a->overdue, g_ptr_array_unref);
  g_clear_pointer (&a->next_steps, g_ptr_array_unref);
  g_clear_pointer (&a->funnel, ks_funnel_report_free);
  g_free (a);
}

static void
slide_drop_cache (Slide *slide)
{
  for (guint i = 0; i < N_CACHED; i++)
    g_clear_pointer (&slide->cache[i], ks_slide_layout_free);
}

static void
slide_clear (gpointer data)
{
  Slide *slide = data;

  g_free (slide->title);
  slide_drop_cache (slide);
}

static KsSlideLine *
line_new (const char *text,
          const char *detail,
          const char *due,
          gboolean    alarm)
{
  KsSlideLine *line = g_new0 (KsSlideLine, 1);

  line->text = g_strdup (text && *text ? text : _("(no text)"));
  line->detail = g_strdup (detail ? detail : "");
  line->due = g_strdup (due ? due : "");
  line->alarm = alarm;
  return line;
}

/* By due date, undated last. */
static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const KsSlideLine *la = *(const KsSlideLine * const *) a, *lb = *(const KsSlideLine * const *) b;

  if (!*la->due != !*lb->due)
    return *la->due ? -1 : 1;
  return strcmp (la->due, lb->due);
}

static const char *
person_name (GHashTable *people,
             gint64      id)
{
  return id ? g_hash_table_lookup (people, &id) : NULL;
}

/* "Due 2027-01-15 · Ann Berg", from whichever parts there are. */
static char *
join_detail (const char *first,
             const char *second,
             const char *third)
{
  const char *parts[] = { first, second, third };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] && *parts[i])
      g_string_append_printf (out, "%s%s", out->len ? " · " : "", parts[i]);
  return g_string_free (out, FALSE);
}

static gboolean
load_plan (KsSlideAccount *a,
           KsWorkspace    *ws,
           GHashTable     *people,
           const char     *today,
           GError        **error)
{
  g_autoptr(GPtrArray) objectives = g_ptr_array_new_with_free_func (slide_line_free);
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (slide_line_free);
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (slide_line_free);
  KsPlan *plan = ks_plan_load (ws, a->account_id, error);

  if (!plan)
    return FALSE;
  for (guint i = 0; i < plan->items[KS_PLAN_OBJECTIVES]->len; i++)
    {
      const KsPlanItem *item = g_ptr_array_index (plan->items[KS_PLAN_OBJECTIVES], i);
      const char *due = ks_plan_item_get (item, KS_PLAN_OBJECTIVES, "due")->text;
      const char *measure = ks_plan_item_get (item, KS_PLAN_OBJECTIVES, "measure")->text;
      g_autofree char *m = *measure ? g_strdup_printf (_("Measure: %s"), measure) : NULL;
      g_autofree char *d = *due ? g_strdup_printf (_("due %s"), due) : NULL;
      g_autofree char *detail = join_detail (m, d, person_name (people, ks_plan_item_get (item, KS_PLAN_OBJECTIVES, "owner")->id));

      g_ptr_array_add (objectives, line_new (ks_plan_item_get (item, KS_PLAN_OBJECTIVES, "objective")->text,
                                             detail, due, FALSE));
    }
  for (guint i = 0; i < plan->items[KS_PLAN_ACTIONS]->len; i++)
    {
      const KsPlanItem *item = g_ptr_array_index (plan->items[KS_PLAN_ACTIONS], i);
      const char *status = ks_plan_item_get (item, KS_PLAN_ACTIONS, "status")->text;
      const char *due = ks_plan_item_get (item, KS_PLAN_ACTIONS, "due")->text;
      const char *owner = person_name (people, ks_plan_item_get (item, KS_PLAN_ACTIONS, "owner")->id);
      gboolean late = *due && strcmp (due, today) < 0;
      g_autofree char *d = NULL;
      g_autofree char *detail = NULL;

      if (strcmp (status, "done") == 0 || strcmp (status, "dropped") == 0)
        continue;
      d = *due ? g_strdup_printf (late ? _("was due %s") : _("due %s"), due) : NULL;
      detail = join_detail (d, owner, NULL);
      g_ptr_array_add (late ? overdue : next,
                       line_new (ks_plan_item_get (item, KS_PLAN_ACTIONS, "action")->text, detail, due, late));
    }
  for (guint i = 0; i < plan->items[KS_PLAN_MEETINGS]->len; i++)
    {
      const KsPlanItem *item = g_ptr_array_index (plan->items[KS_PLAN_MEETINGS], i);
      const char *steps = ks_plan_item_get (item, KS_PLAN_MEETINGS, "next_steps")->text;
      const char *due = ks_plan_item_get (item, KS_PLAN_MEETINGS, "next_due")->text;
      const char *date = ks_plan_item_get (item, KS_PLAN_MEETINGS, "date")->text;
      gboolean late = *due && strcmp (due, today) < 0;
      g_autofree char *from = *date ? g_strdup_printf (_("from the meeting of %s"), date) : NULL;
      g_autofree char *d = NULL;
      g_autofree char *detail = NULL;

      if (!*steps || ks_plan_item_get (item, KS_PLAN_MEETINGS, "next_done")->number != 0)
        continue;
      d = *due ? g_strdup_printf (late ? _("was due %s") : _("due %s"), due) : NULL;
      detail = join_detail (d, from, NULL);
      g_ptr_array_add (late ? overdue : next, line_new (steps, detail, due, late));
    }
  ks_plan_free (plan);
  g_ptr_array_sort (overdue, compare_lines);
  g_ptr_array_sort (next, compare_lines);
  g_clear_pointer (&a->objectives, g_ptr_array_unref);
  g_clear_pointer (&a->overdue, g_ptr_array_unref);
  g_clear_pointer (&a->next_steps, g_ptr_array_unref);
  a->objectives = g_steal_pointer (&objectives);
  a->overdue = g_steal_pointer (&overdue);
  a->next_steps = g_steal_pointer (&next);
  return TRUE;
}

static KsScoreHistoryItem *
history_period (KsScoreHistory *history,
                gint64          period_id)
{
  for (guint i = 0; period_id && i < history->periods->len; i++)
    {
      KsScoreHistoryItem *item = g_ptr_array_index (history->periods, i);
      if (item->period_id == period_id)
        return item;
    }
  return NULL;
}

static gboolean
load_scores (KsSlideAccount *a,
             KsWorkspace    *ws,
             gint64          period_id,
             gint64          prev_id,
             GError        **error)
{
  g_autoptr(KsScoreHistory) history = ks_score_history_load (ws, a->account_id, error);
  KsScoreHistoryItem *now, *before;

  if (!history)
    return FALSE;
  now = history_period (history, period_id);
  before = history_period (history, prev_id);
  a->period = now ? g_strdup (now->period) : NULL;
  a->prev_period = before ? g_strdup (before->period) : NULL;
  a->weighted = now && now->n_scored > 0 ? now->weighted : NAN;
  a->prev_weighted = before && before->n_scored > 0 ? before->weighted : NAN;
  a->band = now ? now->band : KS_BAND_VERY_WEAK;
  /* The weighted score of the periods up to the current one (by name). */
  a->history = g_array_new (FALSE, TRUE, sizeof (KsSlidePeriod));
  if (now)
    {
      guint last = 0;

      for (guint i = 0; i < history->periods->len; i++)
        if (g_ptr_array_index (history->periods, i) == now)
          last = i;
      for (guint i = last + 1 > KS_SLIDE_MAX_PERIODS ? last + 1 - KS_SLIDE_MAX_PERIODS : 0; i <= last; i++)
        {
          const KsScoreHistoryItem *item = g_ptr_array_index (history->periods, i);
          KsSlidePeriod p = { g_strdup (item->period), item->n_scored > 0 ? item->weighted : NAN };

          g_array_append_val (a->history, p);
        }
    }
  a->criteria = g_array_new (FALSE, TRUE, sizeof (KsSlideCriterion));
  for (guint i = 0; i < history->criteria->len; i++)
    {
      const KsCriterion *c = g_ptr_array_index (history->criteria, i);
      KsSlideCriterion sc = { g_strdup (c->name), c->weight,
                              now ? now->scores[i] : NAN, before ? before->scores[i] : NAN };

      g_array_append_val (a->criteria, sc);
    }
  return TRUE;
}

static GHashTable *
load_people (KsWorkspace  *ws,
             GError      **error)
{
  g_autoptr(GListModel) list = ks_person_list (ws, error);
  GHashTable *people;

  if (!list)
    return NULL;
  people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KsPerson) p = g_list_model_get_item (list, i);
      gint64 id = ks_person_get_id (p);

      g_hash_table_insert (people, g_memdup2 (&id, sizeof id), g_strdup (ks_person_get_name (p)));
    }
  return people;
}

static void
add_slide (KsMeetingDeck *deck,
           KsSlideKind    kind,
           int            agenda,
           char          *title)
{
  Slide slide = { kind, agenda, title };

  g_array_append_val (deck->slides, slide);
}

static void
deck_clear (KsMeetingDeck *deck)
{
  g_clear_pointer (&deck->meeting, ks_meeting_free);
  g_clear_pointer (&deck->decisions, g_ptr_array_unref);
  g_clear_pointer (&deck->portfolio, ks_portfolio_free);
  g_clear_pointer (&deck->accounts, g_ptr_array_unref);
  g_clear_pointer (&deck->slides, g_array_unref);
}

/* Reads everything the deck shows and builds the slide list. */
static gboolean
deck_fill (KsMeetingDeck  *deck,
           KsWorkspace    *ws,
           GError        **error)
{
  g_autoptr(GHashTable) people = NULL;
  gint64 period_id, prev_id = 0;
  KsMeeting *m;

  deck_clear (deck);
  deck->accounts = g_ptr_array_new_with_free_func (slide_account_free);
  deck->slides = g_array_new (FALSE, TRUE, sizeof (Slide));
  g_array_set_clear_func (deck->slides, slide_clear);
  if (!(deck->meeting = ks_meeting_load (ws, deck->meeting_id, error)) ||
      !(deck->decisions = ks_meeting_decisions (ws, deck->meeting_id, error)) ||
      !(people = load_people (ws, error)))
    return FALSE;
  m = deck->meeting;

  period_id = ks_period_get_current (ws, error);
  if (period_id < 0 || (error && *error))
    return FALSE;
  if (period_id > 0)
    {
      KsPortfolioQuery query = { .preset = KS_PRESET_PROFITABILITY_POTENTIAL, .colour_by = KS_COLOUR_BY_ABC };

      prev_id = ks_period_get_previous (ws, period_id, error);
      if (error && *error)
        return FALSE;
      if (!(deck->portfolio = ks_portfolio_load (ws, &query, error)))
        return FALSE;
    }

  add_slide (deck, KS_SLIDE_AGENDA, -1, g_strdup (_("Agenda")));
  add_slide (deck, KS_SLIDE_PORTFOLIO, -1,
             deck->portfolio && deck->portfolio->period
               ? g_strdup_printf (_("Portfolio — %s"), deck->portfolio->period)
               : g_strdup (_("Portfolio")));
  for (guint i = 0; i < m->account_ids->len; i++)
    {
      KsSlideAccount *a = g_new0 (KsSlideAccount, 1);
      KsFunnelFilter filter = { 0 };

      g_ptr_array_add (deck->accounts, a);
      a->account_id = g_array_index (m->account_ids, gint64, i);
      a->name = g_strdup (g_ptr_array_index (m->accounts, i));
      ks_map_model_init (&a->map);
      if (!load_scores (a, ws, period_id, prev_id, error) ||
          !ks_map_model_load (&a->map, ws, a->account_id, error) ||
          !(a->coverage = ks_coverage_check_account (ws, a->account_id, deck->today, error)) ||
          !load_plan (a, ws, people, deck->today, error))
        return FALSE;
      filter.account = a->name;
      if (!(a->funnel = ks_funnel_report_load (ws, &filter, error)))
        return FALSE;
      add_slide (deck, KS_SLIDE_SCORE_CARD, (int) i, g_strdup_printf (_("%s — Score Card"), a->name));
      add_slide (deck, KS_SLIDE_POWER_MAP, (int) i, g_strdup_printf (_("%s — Power Map"), a->name));
      add_slide (deck, KS_SLIDE_PLAN, (int) i, g_strdup_printf (_("%s — Plan Summary"), a->name));
      add_slide (deck, KS_SLIDE_FUNNEL, (int) i, g_strdup_printf (_("%s — Funnel"), a->name));
    }
  add_slide (deck, KS_SLIDE_DECISIONS, -1, g_strdup (_("Decisions")));
  return TRUE;
}

/* ---- public API ------------------------------------------------------------------ */

const char *
ks_slide_kind_name (KsSlideKind kind)
{
  static const char *const names[] = {
    "agenda", "portfolio", "score-card", "power-map", "plan", "decisions", "funnel",
  };

  g_return_val_if_fail (kind <= KS_SLIDE_FUNNEL, NULL);
  return names[kind];
}

const char *
ks_slide_kind_label (KsSlideKind kind)
{
  static const char *const labels[] = {
    N_("Agenda"), N_("Portfolio"), N_("Score Card"), N_("Power Map"), N_("Plan Summary"), N_("Decisions"),
    N_("Funnel"),
  };

  g_return_val_if_fail (kind <= KS_SLIDE_FUNNEL, NULL);
  return _(labels[kind]);
}

KsMeetingDeck *
ks_meeting_deck_load (KsWorkspace  *workspace,
                      gint64        meeting_id,
                      const char   *today,
                      GError      **error)
{
  KsMeetingDeck *deck;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  deck = g_new0 (KsMeetingDeck, 1);
  deck->meeting_id = meeting_id;
  if (today)
    deck->today = g_strdup (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      deck->today = g_date_time_format (now, "%Y-%m-%d");
    }
  if (!deck_fill (deck, workspace, error))
    {
      ks_meeting_deck_free (deck);
      return NULL;
    }
  return deck;
}

void
ks_meeting_deck_free (KsMeetingDeck *deck)
{
  if (!deck)
    return;
  deck_clear (deck);
  g_free (deck->today);
  g_free (deck);
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

static gboolean
same_strings (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
ks_meeting_deck_reload (KsMeetingDeck  *deck,
                        KsWorkspace    *workspace,
                        GError        **error)
{
  g_autoptr(KsMeeting) meeting = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GHashTable) people = NULL;

  g_return_val_if_fail (deck != NULL && KS_IS_WORKSPACE (workspace), FALSE);

  if (!(meeting = ks_meeting_load (workspace, deck->meeting_id, error)))
    return FALSE;
  /* Another agenda, title, date or attendees: every slide changes. */
  if (!same_ids (meeting->account_ids, deck->meeting->account_ids) ||
      !same_strings (meeting->accounts, deck->meeting->accounts) ||
      !same_strings (meeting->attendees, deck->meeting->attendees) ||
      g_strcmp0 (meeting->title, deck->meeting->title) != 0 ||
      g_strcmp0 (meeting->date, deck->meeting->date) != 0)
    return deck_fill (deck, workspace, error);

  if (!(decisions = ks_meeting_decisions (workspace, deck->meeting_id, error)) ||
      !(people = load_people (workspace, error)))
    return FALSE;
  for (guint i = 0; i < deck->accounts->len; i++)
    if (!load_plan (g_ptr_array_index (deck->accounts, i), workspace, people, deck->today, error))
      return FALSE;
  g_ptr_array_unref (deck->decisions);
  deck->decisions = g_steal_pointer (&decisions);
  ks_meeting_free (deck->meeting);
  deck->meeting = g_steal_pointer (&meeting);
  for (guint i = 0; i < deck->slides->len; i++)
    {
      Slide *slide = &g_array_index (deck->slides, Slide, i);
      if (slide->kind == KS_SLIDE_PLAN || slide->kind == KS_SLIDE_DECISIONS)
        slide_drop_cache (slide);
    }
  return TRUE;
}

const KsMeeting *
ks_meeting_deck_get_meeting (KsMeetingDeck *deck)
{
  g_return_val_if_fail (deck != NULL, NULL);
  return deck->meeting;
}

GPtrArray *
ks_meeting_deck_get_decisions (KsMeetingDeck *deck)
{
  g_return_val_if_fail (deck != NULL, NULL);
  return deck->decisions;
}

guint
ks_meeting_deck_get_n_slides (KsMeetingDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);
  return deck->slides->len;
}

static Slide *
get_slide (KsMeetingDeck *deck,
           guint          slide)
{
  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (slide < deck->slides->len, NULL);
  return &g_array_index (deck->slides, Slide, slide);
}

KsSlideKind
ks_meeting_deck_get_kind (KsMeetingDeck *deck,
                          guint          slide)
{
  Slide *s = get_slide (deck, slide);
  return s ? s->kind : KS_SLIDE_AGENDA;
}

gint64
ks_meeting_deck_get_account_id (KsMeetingDeck *deck,
                                guint          slide)
{
  Slide *s = get_slide (deck, slide);

  if (!s || s->agenda < 0)
    return 0;
  return ((KsSlideAccount *) g_ptr_array_index (deck->accounts, s->agenda))->account_id;
}

int
ks_meeting_deck_get_agenda_index (KsMeetingDeck *deck,
                                  guint          slide)
{
  Slide *s = get_slide (deck, slide);
  return s ? s->agenda : -1;
}

const char *
ks_meeting_deck_get_title (KsMeetingDeck *deck,
                           guint          slide)
{
  Slide *s = get_slide (deck, slide);
  return s ? s->title : NULL;
}

int
ks_meeting_deck_agenda_slide (KsMeetingDeck *deck,
                              guint          agenda_index)
{
  g_return_val_if_fail (deck != NULL, -1);

  for (guint i = 0; i < deck->slides->len; i++)
    if (g_array_index (deck->slides, Slide, i).agenda == (int) agenda_index)
      return (int) i;
  return -1;
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return normal ? g_utf8_casefold (normal, -1) : g_strdup ("");
}

int
ks_meeting_deck_find (KsMeetingDeck *deck,
                      const char    *text,
                      guint          from)
{
  g_autofree char *needle = NULL;
  guint n;

  g_return_val_if_fail (deck != NULL, -1);

  n = deck->accounts->len;
  if (!text || !g_utf8_validate (text, -1, NULL) || n == 0)
    return -1;
  needle = fold (text);
  g_strstrip (needle);
  if (*needle == '\0')
    return -1;
  for (guint k = 0; k < n; k++)
    {
      guint i = (from + k) % n;
      g_autofree char *name = fold (((KsSlideAccount *) g_ptr_array_index (deck->accounts, i))->name);

      if (strstr (name, needle))
        return ks_meeting_deck_agenda_slide (deck, i);
    }
  return -1;
}

static KsSlideLayout *
layout_slide (KsMeetingDeck   *deck,
              guint            slide,
              const char      *position,
              guint            first,
              guint           *n_placed,
              const KsPalette *palette,
              double           width,
              double           height)
{
  Slide *s = &g_array_index (deck->slides, Slide, slide);
  KsSlideSource source = { deck->meeting, deck->decisions, deck->portfolio, deck->today };

  return ks_slide_layout_new (&source, s->kind,
                              s->agenda >= 0 ? g_ptr_array_index (deck->accounts, s->agenda) : NULL,
                              s->title, position, first, n_placed, palette, width, height);
}

/* The kept layout of @slide at this size and style, laid out when missing. */
static KsSlideLayout *
cached_layout (KsMeetingDeck   *deck,
               guint            slide,
               const KsPalette *palette,
               double           width,
               double           height)
{
  Slide *s = &g_array_index (deck->slides, Slide, slide);
  g_autofree char *position = NULL;
  KsSlideLayout *l;

  for (guint i = 0; i < N_CACHED; i++)
    if (s->cache[i] && s->cache[i]->width == width && s->cache[i]->height == height &&
        s->cache[i]->style == palette->style)
      {
        l = s->cache[i];
        s->cache[i] = s->cache[0];
        s->cache[0] = l;
        return l;
      }
  position = g_strdup_printf ("%u / %u", slide + 1, deck->slides->len);
  l = layout_slide (deck, slide, position, G_MAXUINT, NULL, palette, width, height);
  ks_slide_layout_free (s->cache[N_CACHED - 1]);
  memmove (&s->cache[1], &s->cache[0], (N_CACHED - 1) * sizeof (KsSlideLayout *));
  s->cache[0] = l;
  return l;
}

void
ks_meeting_deck_draw (KsMeetingDeck   *deck,
                      guint            slide,
                      cairo_t         *cr,
                      const KsPalette *palette,
                      double           width,
                      double           height)
{
  g_return_if_fail (deck != NULL && cr != NULL && palette != NULL);
  g_return_if_fail (slide < deck->slides->len);

  if (width <= 0 || height <= 0)
    return;
  ks_slide_layout_draw (cached_layout (deck, slide, palette, width, height), cr, palette);
}

guint
ks_meeting_deck_count_overflow (KsMeetingDeck   *deck,
                                guint            slide,
                                const KsPalette *palette,
                                double           width,
                                double           height)
{
  g_return_val_if_fail (deck != NULL && palette != NULL, 0);
  g_return_val_if_fail (slide < deck->slides->len, 0);

  return ks_slide_layout_count_overflow (cached_layout (deck, slide, palette, width, height));
}

/* ---- files ----------------------------------------------------------------------- */

typedef struct
{
  guint slide;
  guint first;    /* decisions pages: the first decision */
} Page;

typedef struct
{
  KsMeetingDeck   *deck;
  const KsPalette *palette;
  GArray          *pages;
} MinutesData;

static void
draw_minutes_page (cairo_t  *cr,
                   guint     page,
                   double    width,
                   double    height,
                   gpointer  user_data)
{
  MinutesData *data = user_data;
  const Page *p = &g_array_index (data->pages, Page, page);
  g_autofree char *position = g_strdup_printf ("%u / %u", page + 1, data->pages->len);
  KsSlideLayout *l = layout_slide (data->deck, p->slide, position, p->first, NULL, data->palette,
                                   KS_SLIDE_WIDTH, KS_SLIDE_HEIGHT);

  cairo_save (cr);
  cairo_scale (cr, width / KS_SLIDE_WIDTH, height / KS_SLIDE_HEIGHT);
  ks_slide_layout_draw (l, cr, data->palette);
  cairo_restore (cr);
  ks_slide_layout_free (l);
}

gboolean
ks_meeting_minutes_write (KsMeetingDeck    *deck,
                          const char       *path,
                          const KsPalette  *palette,
                          GError          **error)
{
  g_autoptr(KsPalette) light = NULL;
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (Page));
  g_autofree char *title = NULL;
  MinutesData data;

  g_return_val_if_fail (deck != NULL && path != NULL, FALSE);

  if (!palette)
    palette = light = ks_palette_new (KS_PALETTE_LIGHT);
  for (guint i = 0; i < deck->slides->len; i++)
    {
      Page page = { i, 0 };

      if (g_array_index (deck->slides, Slide, i).kind != KS_SLIDE_DECISIONS)
        {
          g_array_append_val (pages, page);
          continue;
        }
      /* Every decision, over as many pages as they need. */
      do
        {
          guint placed = 0;
          KsSlideLayout *l = layout_slide (deck, i, "", page.first, &placed, palette,
                                           KS_SLIDE_WIDTH, KS_SLIDE_HEIGHT);

          ks_slide_layout_free (l);
          g_array_append_val (pages, page);
          if (placed == 0)
            break;
          page.first += placed;
        }
      while (page.first < deck->decisions->len);
    }
  data = (MinutesData) { deck, palette, pages };
  title = g_strdup_printf (_("Minutes: %s, %s"), deck->meeting->title, deck->meeting->date);
  return ks_export_pages_to_pdf (path, KS_SLIDE_WIDTH / 2, KS_SLIDE_HEIGHT / 2, pages->len, title,
                                 draw_minutes_page, &data, error);
}

typedef struct
{
  KsMeetingDeck   *deck;
  guint            slide;
  const KsPalette *palette;
} SlideData;

static void
draw_slide_file (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  SlideData *data = user_data;

  ks_meeting_deck_draw (data->deck, data->slide, cr, data->palette, width, height);
}

gboolean
ks_meeting_slide_export (KsMeetingDeck    *deck,
                         guint             slide,
                         const char       *path,
                         const KsPalette  *palette,
                         double            width,
                         double            height,
                         GError          **error)
{
  g_autoptr(KsPalette) light = NULL;
  SlideData data;

  g_return_val_if_fail (deck != NULL && path != NULL, FALSE);
  g_return_val_if_fail (slide < deck->slides->len, FALSE);

  if (!palette)
    palette = light = ks_palette_new (KS_PALETTE_LIGHT);
  data = (SlideData) { deck, slide, palette };
  return ks_export_to_file (path, width, height, 1.0, draw_slide_file, &data, error);
}
