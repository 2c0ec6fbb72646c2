/* ks-search.h — search across the workspace: accounts, contacts, people,
 * plan texts and opportunities, ranked, with the matches marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a user types is split into words (letters and digits; everything
 * else separates), and every word matches as a prefix, so "ham pla" finds
 * "Hamburg plant". Case and accents are folded on both sides ("muller"
 * finds "Müller"). Results come best first: a match in what names a thing
 * (an account's or a person's name, an objective, an opportunity's title)
 * counts ten times one in its other texts.
 *
 * Marks are byte ranges into the result's plain title and snippet; a caller
 * that makes markup escapes the text between them itself.
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

/* The kinds, in the order results are grouped. The numbers are stored in
 * the index (ks-search-schema.h): never renumber. */
typedef enum
{
  KS_SEARCH_ACCOUNT = 1,
  KS_SEARCH_CONTACT = 2,
  KS_SEARCH_PERSON = 3,
  KS_SEARCH_PLAN = 4,          /* the plan's scalar texts (profile, SWOT, ...); id = the account */
  KS_SEARCH_OBJECTIVE = 5,
  KS_SEARCH_MEETING = 6,
  KS_SEARCH_PROJECT = 7,
  KS_SEARCH_ACTION = 8,
  KS_SEARCH_NOTE = 9,          /* a handover note */
  KS_SEARCH_OPPORTUNITY = 10,
} KsSearchKind;

#define KS_SEARCH_N_KINDS 11

typedef struct
{
  gsize start;   /* bytes, [start, end) */
  gsize end;
} KsSearchMark;

typedef struct
{
  KsSearchKind  kind;
  gint64        id;           /* the account, contact, person, plan item or opportunity;
                               * for KS_SEARCH_PLAN the account */
  gint64        account_id;   /* the account it belongs to; 0 for people */
  char         *account;      /* that account's name; "" for people */
  char         *title;        /* what names it (for plan texts: the field's label) */
  GArray       *title_marks;  /* of KsSearchMark */
  char         *snippet;      /* the matching text around the first match; may be "" */
  GArray       *snippet_marks;
  const char   *field;        /* the column the snippet comes from ("notes", "strengths", "ref", ...);
                               * NULL when only the title matched */
  double        score;        /* bm25: smaller is better */
} KsSearchResult;

void        ks_search_result_free   (KsSearchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsSearchResult, ks_search_result_free)

/* "account", "contact", ... (JSON, stable) and the translated heading
 * ("Accounts", "Contacts", ...). */
const char *ks_search_kind_key      (KsSearchKind    kind);
const char *ks_search_kind_heading  (KsSearchKind    kind);
/* The FTS query for what a user typed: every word quoted, as a prefix;
 * NULL when @text holds no word. Exposed for the tests. */
char       *ks_search_build_query   (const char     *text);
/* Up to @limit results (KsSearchResult*) best first; an empty array when
 * @text holds no word. */
GPtrArray  *ks_search_run           (KsWorkspace    *workspace,
                                     const char     *text,
                                     guint           limit,
                                     GError        **error);
/* A large CRM import leaves its opportunities out of the index (it only
 * notes their ids) and ks_search_run () indexes them before it searches.
 * ks_search_catch_up () does that now: one transaction that makes no undo
 * step and changes nothing a user sees; TRUE at once when nothing waits.
 * ks_search_catch_up_some () indexes at most @max_ids ids' worth (for an
 * idle, a slice at a time) and sets *@done when nothing is left. On a
 * read-only workspace with opportunities waiting both fail (it cannot be
 * written); ks_search_run () then searches what is indexed, and
 * ks_search_count_pending () says how many opportunities are not
 * searchable yet (-1 on error). */
gboolean    ks_search_catch_up      (KsWorkspace    *workspace,
                                     GError        **error);
gboolean    ks_search_catch_up_some (KsWorkspace    *workspace,
                                     guint           max_ids,
                                     gboolean       *done,
                                     GError        **error);
gint64      ks_search_count_pending (KsWorkspace    *workspace,
                                     GError        **error);
/* @text with its marks as Pango markup (<b>…</b>), everything escaped. */
char       *ks_search_markup        (const char     *text,
                                     const GArray   *marks);

G_END_DECLS
