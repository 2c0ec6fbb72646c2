/* ks-meeting-slides.h — the slides of a review meeting and its minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deck is the ordered list of slides of one meeting (ks-meeting.h):
 *
 *   1. the agenda: title, date, attendees, the accounts in order (each with
 *      its owner, ABC class and weighted score when they fit on one column)
 *   2. the portfolio matrix with movement trails, the agenda's accounts
 *      highlighted (the matrix of ks-portfolio-draw.h, the workspace's
 *      default profitability × potential preset and current period)
 *   3. per agenda account, in order: its score card (weighted score, band,
 *      change since the previous period, the weighted score of the last
 *      six periods, each criterion's score and change), its power map (read-only, fitted, ks-powermap-draw.h) with
 *      the coverage findings beside it, its plan summary (objectives,
 *      overdue actions, next steps), its funnel (the account's
 *      opportunities by stage with the shape diagnosis, ks-funnel-chart.h)
 *   4. the decisions taken so far
 *
 * so a 3-account agenda has 1 + 1 + 3 × 4 + 1 = 15 slides. The deck reads
 * everything it shows from the workspace when loaded (and again on
 * ks_meeting_deck_reload), then draws without touching the workspace.
 *
 * Slides are drawn at any size; type scales with the slide's height (body
 * text 30 px at 1080 px, titles 56 px), never with the palette's base size,
 * so a 1920 × 1080 slide reads from across a room; colours come from the
 * palette (light, dark, high contrast). Lists that do not fit end with
 * "and N more" instead of running off their box.
 *
 * Caching: the first draw of a slide at a size lays it out (measures every
 * text, fits the matrix and the map) and keeps that layout; drawing it
 * again at the same size and palette style only replays the kept glyphs
 * and paths. Each slide keeps its two most recent sizes (the projector and
 * the presenter's preview). ks_meeting_deck_reload drops the layouts of the
 * slides whose data changed (plan summaries, decisions).
 *
 * The minutes are one PDF: every slide of the deck as drawn (1920 × 1080
 * laid out, printed at 960 × 540 pt pages, the text kept as text), then the
 * decisions taken as a list (account, text, owner, due date) continued over
 * as many pages as it needs.
 */
#pragma once

#include <cairo.h>

#include "ks-meeting.h"
#include "ks-palette.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  KS_SLIDE_AGENDA,
  KS_SLIDE_PORTFOLIO,
  KS_SLIDE_SCORE_CARD,
  KS_SLIDE_POWER_MAP,
  KS_SLIDE_PLAN,
  KS_SLIDE_DECISIONS,
  KS_SLIDE_FUNNEL,      /* added after the others: an account's, after its plan */
} KsSlideKind;

/* The size slides are laid out at for the minutes, and the one the app's
 * projector view is designed for. */
#define KS_SLIDE_WIDTH  1920.0
#define KS_SLIDE_HEIGHT 1080.0

typedef struct _KsMeetingDeck KsMeetingDeck;

/* "agenda", "portfolio", "score-card", "power-map", "plan", "decisions",
 * "funnel": stable, for keystone-cli and JSON. */
const char      *ks_slide_kind_name              (KsSlideKind       kind);
/* "Agenda", "Portfolio", "Score Card", ...: translated. */
const char      *ks_slide_kind_label             (KsSlideKind       kind);

/* Builds the deck of @meeting_id from the workspace. @today (YYYY-MM-DD,
 * NULL = the local date) decides which actions are overdue and which
 * contacts are stale. NULL with @error set when the meeting does not exist
 * or cannot be read. */
KsMeetingDeck   *ks_meeting_deck_load            (KsWorkspace      *workspace,
                                                  gint64            meeting_id,
                                                  const char       *today,
                                                  GError          **error);
void             ks_meeting_deck_free            (KsMeetingDeck    *deck);
/* Reads the meeting, its decisions and the agenda accounts' plans again
 * (after a decision was taken, undone or edited) and drops the layouts of
 * the slides that show them. The slide count changes only when the agenda
 * changed. */
gboolean         ks_meeting_deck_reload          (KsMeetingDeck    *deck,
                                                  KsWorkspace      *workspace,
                                                  GError          **error);

/* The meeting as loaded (title, date, attendees, agenda). */
const KsMeeting *ks_meeting_deck_get_meeting     (KsMeetingDeck    *deck);
/* The decisions as loaded, of KsMeetingDecision, in the order taken. */
GPtrArray       *ks_meeting_deck_get_decisions   (KsMeetingDeck    *deck);

guint            ks_meeting_deck_get_n_slides    (KsMeetingDeck    *deck);
KsSlideKind      ks_meeting_deck_get_kind        (KsMeetingDeck    *deck,
                                                  guint             slide);
/* The account a slide is about; 0 for the agenda, portfolio and decisions. */
gint64           ks_meeting_deck_get_account_id  (KsMeetingDeck    *deck,
                                                  guint             slide);
/* Its index in the agenda (0-based); -1 for slides about no account. */
int              ks_meeting_deck_get_agenda_index (KsMeetingDeck   *deck,
                                                   guint            slide);
/* A short title naming the slide: "Agenda", "Kessler AG — Score Card". */
const char      *ks_meeting_deck_get_title       (KsMeetingDeck    *deck,
                                                  guint             slide);
/* The first slide of agenda item @agenda_index (0-based), for "a number
 * jumps"; -1 when there is no such item. */
int              ks_meeting_deck_agenda_slide    (KsMeetingDeck    *deck,
                                                  guint             agenda_index);
/* The first slide of the first agenda account, from agenda item @from on
 * (wrapping around), whose name contains @text ignoring case and accents'
 * composition (g_utf8_casefold of NFKC); -1 when none does or @text is
 * empty. For the presentation's "/" search. */
int              ks_meeting_deck_find            (KsMeetingDeck    *deck,
                                                  const char       *text,
                                                  guint             from);

/* Draws slide @slide filling @width × @height from the origin of @cr's
 * user space with @palette's colours. The first draw at a size lays the
 * slide out; later ones replay it. */
void             ks_meeting_deck_draw            (KsMeetingDeck    *deck,
                                                  guint             slide,
                                                  cairo_t          *cr,
                                                  const KsPalette  *palette,
                                                  double            width,
                                                  double            height);
/* For tests: lays slide @slide out at @width × @height and returns how many
 * of its placed pieces (texts, rows, the matrix, the map) reach outside the
 * box the layout gave them or outside the slide; 0 when everything fits. */
guint            ks_meeting_deck_count_overflow  (KsMeetingDeck    *deck,
                                                  guint             slide,
                                                  const KsPalette  *palette,
                                                  double            width,
                                                  double            height);

/* Writes the minutes of the deck's meeting to @path as PDF (see above),
 * in @palette's colours (NULL = light). */
gboolean         ks_meeting_minutes_write        (KsMeetingDeck    *deck,
                                                  const char       *path,
                                                  const KsPalette  *palette,
                                                  GError          **error);
/* Writes slide @slide as PNG, SVG or PDF (by @path's extension) at
 * @width × @height (pixels for PNG, points otherwise). */
gboolean         ks_meeting_slide_export         (KsMeetingDeck    *deck,
                                                  guint             slide,
                                                  const char       *path,
                                                  const KsPalette  *palette,
                                                  double            width,
                                                  double            height,
                                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsMeetingDeck, ks_meeting_deck_free)

G_END_DECLS
