/* ks-meeting.h — meeting mode: the portfolio review meeting, its agenda,
 * attendees and the decisions taken (PRODUCT.md §4 "Meeting mode")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Storage (schema 8): meetings (title, date), meeting_attendees (people on
 * our side, ordered), meeting_agenda (accounts, ordered; an account appears
 * once per meeting). A decision is not a table of its own: it is an action
 * on the account's plan (plan_actions, status "open", with owner and due
 * date) whose meeting_id names the meeting it was taken in, so it lives on
 * in the plan page, the printed plan and the completeness checks. Deleting
 * a meeting keeps its actions and forgets their source; deleting an account
 * or a person drops it from agendas and attendee lists.
 *
 * Each write below is one user action: one undo step, one round of
 * changed::TABLE signals. Every function sets @error on failure, naming
 * what was refused and why; nothing is written then.
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     id;            /* 0 until stored */
  char      *title;         /* non-empty, one line */
  char      *date;          /* YYYY-MM-DD */
  GArray    *attendee_ids;  /* gint64 person ids, in order */
  GPtrArray *attendees;     /* char *, their names (filled by load; may be empty when built) */
  GArray    *account_ids;   /* gint64 account ids: the agenda, in order */
  GPtrArray *accounts;      /* char *, their names (filled by load; may be empty when built) */
  guint      n_decisions;   /* filled by load and list */
} KsMeeting;

/* A new meeting in memory (no ids, no names); @title and @date copied. */
KsMeeting  *ks_meeting_new            (const char       *title,
                                       const char       *date);
void        ks_meeting_free           (KsMeeting        *meeting);

/* Every meeting, newest date first (then newest id), with attendees, agenda
 * and decision counts. Of KsMeeting. */
GPtrArray  *ks_meeting_list           (KsWorkspace      *workspace,
                                       GError          **error);
/* One meeting; NULL with KS_WORKSPACE_ERROR_NOT_FOUND when there is none. */
KsMeeting  *ks_meeting_load           (KsWorkspace      *workspace,
                                       gint64            id,
                                       GError          **error);
/* Stores @meeting's title, date, attendee_ids and account_ids as a new
 * meeting ("New Meeting"); returns its id, 0 on error. Refused: an empty
 * title, a date that is not a real YYYY-MM-DD, an unknown person or
 * account, one listed twice. */
gint64      ks_meeting_create         (KsWorkspace      *workspace,
                                       const KsMeeting  *meeting,
                                       GError          **error);
/* "Rename Meeting" / "Change Meeting Date". */
gboolean    ks_meeting_rename         (KsWorkspace      *workspace,
                                       gint64            id,
                                       const char       *title,
                                       GError          **error);
gboolean    ks_meeting_set_date       (KsWorkspace      *workspace,
                                       gint64            id,
                                       const char       *date,
                                       GError          **error);
/* "Delete Meeting": the meeting, its agenda and attendees; the actions it
 * produced stay on their plans without a source. */
gboolean    ks_meeting_delete         (KsWorkspace      *workspace,
                                       gint64            id,
                                       GError          **error);
/* "Change Agenda": replaces the agenda with @account_ids in this order. */
gboolean    ks_meeting_set_agenda     (KsWorkspace      *workspace,
                                       gint64            id,
                                       const gint64     *account_ids,
                                       guint             n_accounts,
                                       GError          **error);
/* "Change Attendees": replaces the attendees with @person_ids in this order. */
gboolean    ks_meeting_set_attendees  (KsWorkspace      *workspace,
                                       gint64            id,
                                       const gint64     *person_ids,
                                       guint             n_people,
                                       GError          **error);

/* Which accounts an agenda starts from. The conditions combine (all must
 * hold); with none set every account is picked. */
typedef struct
{
  gboolean      a_class_only;  /* ABC class A only (ks-abc.h, the workspace's source and thresholds) */
  gint64        owner_id;      /* only accounts this person owns; 0 = anyone's */
  const gint64 *selection;     /* only these (e.g. the portfolio matrix's selection); NULL = no limit */
  guint         n_selection;
} KsAgendaFilter;

/* The account ids @filter picks (a GArray of gint64). Order: with a
 * selection, the selection's order (duplicates and unknown ids dropped);
 * otherwise the ABC order: revenue descending, ties by name. "My A
 * accounts" is { .a_class_only = TRUE, .owner_id = me }. */
GArray     *ks_meeting_pick_accounts  (KsWorkspace          *workspace,
                                       const KsAgendaFilter *filter,
                                       GError              **error);

/* A decision: an action on an account's plan taken in a meeting. */
typedef struct
{
  gint64  action_id;    /* the plan_actions row */
  gint64  account_id;
  char   *account;      /* name */
  char   *text;
  gint64  owner_id;     /* 0 = nobody */
  char   *owner;        /* name; "" = nobody */
  char   *due;          /* YYYY-MM-DD; "" = none */
  char   *status;       /* the action's status key: "open", "done", ... */
} KsMeetingDecision;

void        ks_meeting_decision_free  (KsMeetingDecision *decision);

/* "Add Decision": appends an action to @account_id's plan (text, owner,
 * due YYYY-MM-DD, status "open") noting @meeting_id as its source; one
 * undo step. Returns the action's id, 0 on error. Refused: an empty text,
 * an unknown meeting, account or owner, a due date that is not a real
 * YYYY-MM-DD. @owner_id 0 and @due NULL or "" leave them unset. The
 * account need not be on the agenda (a decision may concern another). */
gint64      ks_meeting_add_decision   (KsWorkspace      *workspace,
                                       gint64            meeting_id,
                                       gint64            account_id,
                                       const char       *text,
                                       gint64            owner_id,
                                       const char       *due,
                                       GError          **error);
/* The decisions of @meeting_id in the order they were taken (action id).
 * Of KsMeetingDecision; an action edited later shows its current text,
 * owner, due date and status; a deleted one is gone. */
GPtrArray  *ks_meeting_decisions      (KsWorkspace      *workspace,
                                       gint64            meeting_id,
                                       GError          **error);
/* The meeting an action came from; 0 when none (or on error). */
gint64      ks_meeting_action_source  (KsWorkspace      *workspace,
                                       gint64            action_id,
                                       GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsMeeting, ks_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsMeetingDecision, ks_meeting_decision_free)

G_END_DECLS
