/* ks-json-private.h — for the ks-json-*.c files only: a document as read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing runs in two halves. ks-json-read.c and ks-json-read-accounts.c
 * parse the text and check the whole document into the plain structs below
 * (types, references, duplicates, cycles) without touching the workspace;
 * then ks-json-import.c writes them into an empty workspace, or
 * ks-json-account.c merges one account's handover document into a workspace
 * that already has data, in one transaction either way. ks-json-export.c
 * writes both kinds of document.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ks-json.h"
#include "ks-json-writer.h"
#include "ks-plan.h"
#include "ks-raci.h"
#include "ks-workspace-private.h"

G_BEGIN_DECLS

/* The "format" of a whole workspace and of one account's handover document. */
#define FORMAT_TAG "keystone-workspace"
#define ACCOUNT_FORMAT_TAG "keystone-account"

/* The rows of a document as read. Strings point into the parser's nodes; the
 * ids are 0 until the rows are written (or matched) in the workspace. */
typedef struct
{
  JsonObject *object;
  const char *name, *title, *phone, *email, *team, *region, *area;
  const char *manager;        /* NULL when none */
  gint64      id;
} Person;

typedef struct
{
  JsonObject *object;
  const char *name, *series;
  double      price;
  gint64      id;
} Product;

typedef struct
{
  JsonObject *object;
  const char *name, *sector, *country, *time_zone, *segment, *lifecycle, *notes;
  const char *parent, *owner; /* NULL when none */
  gint64      year;           /* -1 when unknown */
  gint64      employees;      /* -1 when unknown */
  double      revenue;
  gint64      id;
} Account;

typedef struct
{
  guint       account;        /* index into accounts */
  const char *person, *role;
  gboolean    core;
} Member;

typedef struct
{
  guint       account;
  const char *name, *title, *department, *phone, *email, *channel, *time_zone, *notes;
  /* The power map: stored strings, checked. */
  const char *kind, *relationship, *attitude, *level;
  gint64      power;          /* 0 unknown, 1 high ... 3 low */
  guint       roles;          /* KsBuyingRoles */
  const char *owner;          /* NULL when none */
  const char *last_contact;   /* NULL when never */
  double      x, y;           /* NaN when not placed */
  gboolean    pinned;
  gint64      id;
} Contact;

typedef struct
{
  guint       from, to;       /* indices into contacts */
  const char *kind;
  gint64      strength;       /* -1 when none */
} Line;

typedef struct
{
  guint       account;
  const char *taken, *label;
  char       *data;           /* the nodes in their stored form */
} Snapshot;

typedef struct
{
  JsonObject *object;
  const char *ref, *title, *stage;
  const char *account, *product, *owner;                 /* NULL when none */
  const char *engage_date, *close_date, *expected_close_date;  /* NULL when unknown */
  double      value;
  /* The funnel (ks-json-funnel.c): dates NULL when unset, momentum one of
   * ks_momentum_to_string ()'s; its history and evaluation are the
   * HistoryIn and EvaluationIn rows whose opportunity is this one's index. */
  const char *stage_date, *momentum, *last_activity;
  gboolean    has_history;    /* the object holds "stage_history" */
  guint       history_start, history_len;         /* its HistoryIn rows */
  guint       evaluation_start, evaluation_len;   /* its EvaluationIn rows */
  gint64      id;             /* once written or matched */
} Opportunity;

/* The funnel's stages, stage map and evaluation criteria of a workspace
 * document, and each opportunity's stage history and evaluation scores. */
typedef struct
{
  JsonObject *object;
  const char *name, *outcome, *description;
  double      probability;
} StageIn;

typedef struct
{
  JsonObject *object;
  const char *source;
  const char *stage;          /* NULL = not mapped */
} StageMapIn;

typedef struct
{
  JsonObject *object;
  const char *axis, *name;
  double      weight;
} EvalCriterionIn;

typedef struct
{
  JsonObject *object;
  guint       opportunity;    /* index into opportunities */
  const char *from, *to;      /* stage names; NULL = none */
  const char *date;
} HistoryIn;

typedef struct
{
  JsonObject *object;         /* the opportunity's "evaluation" */
  guint       opportunity;
  const char *criterion;
  gint64      score;          /* 1–5 */
} EvaluationIn;

/* The key account review. */
typedef struct
{
  JsonObject *object;
  const char *name;
  double      weight;
  gint64      id;
} CriterionIn;

typedef struct
{
  JsonObject *object;
  const char *name;
  gint64      id;
} PeriodIn;

typedef struct
{
  JsonObject *object;
  guint       account;        /* index into accounts */
  const char *period, *criterion, *explanation;
  double      score;
} ScoreIn;

/* An account's plan as read, its references not yet ids. */
typedef struct
{
  guint       account;        /* index into accounts */
  KsPlan     *plan;
} PlanIn;

/* A reference in a plan: value->id is set once the rows are written. */
typedef struct
{
  guint        plan;          /* index into plans */
  KsPlanValue *value;
  KsPlanKind   kind;
  const char  *name;
  guint        contact;       /* CONTACT: index into contacts */
} PlanRef;

typedef enum
{
  SUBJECT_NONE,
  SUBJECT_SETTINGS,
  SUBJECT_PERSON,
  SUBJECT_PRODUCT,
  SUBJECT_ACCOUNT,
  SUBJECT_OPPORTUNITY,
} SubjectKind;

typedef struct
{
  const char *origin;
  gboolean    account_mode;   /* a "keystone-account" document */
  JsonParser *parser;         /* holds the nodes the strings below point into */
  GArray     *positions;      /* Position, in order of the objects' starts */
  GArray     *open;           /* guint indices into positions of objects being parsed */
  GHashTable *objects;        /* JsonObject* → index + 1 into positions */

  GPtrArray  *settings;       /* key, value, key, value... */
  GArray     *people;
  GArray     *products;
  GArray     *accounts;
  GArray     *members;
  GArray     *contacts;
  GArray     *lines;
  GArray     *snapshots;
  GArray     *opportunities;
  GPtrArray  *plans;          /* PlanIn */
  GArray     *plan_refs;      /* PlanRef */
  gboolean    has_criteria;   /* the document holds "criteria" */
  GArray     *criteria;       /* CriterionIn */
  GArray     *periods;        /* PeriodIn */
  GArray     *scores;         /* ScoreIn */
  GHashTable *criterion_index;   /* casefolded name → index + 1 */
  gboolean    has_stages;     /* the document holds "stages" */
  gboolean    has_stage_map;  /* ... "stage_map" */
  gboolean    has_eval_criteria;  /* ... "evaluation_criteria" */
  GArray     *stages;         /* StageIn */
  GArray     *stage_map;      /* StageMapIn */
  GArray     *eval_criteria;  /* EvalCriterionIn */
  GArray     *history;        /* HistoryIn */
  GArray     *evaluations;    /* EvaluationIn */
  GHashTable *period_index;      /* name → index + 1 */
  GHashTable *person_index;   /* name → index + 1 */
  GHashTable *product_index;
  GHashTable *account_index;
  GPtrArray  *raci;           /* KsRaciChart: person columns hold the name in label
                               * (role NULL, person_id 0), account_name the account */
  JsonArray  *meetings;       /* the document's "meetings", checked (ks-json-meeting.c) */
} Import;

/* Reading (ks-json-read.c) ---------------------------------------------------- */

void      ks_json_import_init   (Import      *im,
                                 const char  *origin,         /* for messages, may be NULL */
                                 gboolean     account_mode);  /* a "keystone-account" document */
void      ks_json_import_clear  (Import      *im);
/* Parses data (a byte order mark is skipped) and reads and checks the whole
 * document into im; an error names ORIGIN:LINE:COLUMN and why. */
gboolean  ks_json_read          (Import      *im,
                                 const char  *data,
                                 gsize        length,
                                 GError     **error);

/* Sets "ORIGIN:LINE:COLUMN: SUBJECT: reason" at the start of object (the
 * document's start when NULL); name or else index + 1 names the subject. */
void      ks_json_fail          (Import       *im,
                                 GError      **error,
                                 gint          code,
                                 JsonObject   *object,
                                 SubjectKind   kind,
                                 const char   *name,
                                 guint         index,
                                 const char   *format,
                                 ...) G_GNUC_PRINTF (8, 9);

/* The typed readers of one member; on a wrong value they fail () and return
 * FALSE. */
gboolean  ks_json_holds_type    (JsonNode     *node,
                                 GType         type);
gboolean  ks_json_is_iso_date   (const char   *date);
/* Missing or null → "" (or NULL when nullable; "" is NULL there too). */
gboolean  ks_json_read_string   (Import       *im,
                                 JsonObject   *object,
                                 const char   *member,
                                 gboolean      nullable,
                                 const char  **out,
                                 SubjectKind   kind,
                                 const char   *name,
                                 guint         index,
                                 GError      **error);
/* A string that is not empty once trimmed. */
gboolean  ks_json_read_name     (Import       *im,
                                 JsonObject   *object,
                                 const char   *member,
                                 const char  **out,
                                 SubjectKind   kind,
                                 guint         index,
                                 GError      **error);
/* Missing or null → NaN; negative only when negative_ok. */
gboolean  ks_json_read_number   (Import       *im,
                                 JsonObject   *object,
                                 const char   *member,
                                 gboolean      negative_ok,
                                 double       *out,
                                 SubjectKind   kind,
                                 const char   *name,
                                 guint         index,
                                 GError      **error);
/* Missing or null → -1; otherwise a whole number from 0 to max. */
gboolean  ks_json_read_count    (Import       *im,
                                 JsonObject   *object,
                                 const char   *member,
                                 gint64        max,
                                 gint64       *out,
                                 SubjectKind   kind,
                                 const char   *name,
                                 guint         index,
                                 GError      **error);
/* One of allowed; missing or null → fallback. Errors name the account. */
gboolean  ks_json_read_one_of   (Import            *im,
                                 JsonObject        *object,
                                 const char        *member,
                                 const char *const *allowed,
                                 const char        *fallback,
                                 const char       **out,
                                 const char        *name,
                                 guint              index,
                                 GError           **error);
/* A list of objects; missing or null → *out = NULL. */
gboolean  ks_json_get_array     (Import       *im,
                                 JsonObject   *object,
                                 const char   *member,
                                 JsonArray   **out,
                                 SubjectKind   kind,
                                 const char   *name,
                                 guint         index,
                                 GError      **error);

/* ks-json-read-accounts.c: "accounts" (each with its team, contacts, lines,
 * snapshots, plan and scores) once the people and products are read; and
 * "criteria" and "review_periods", which the accounts' scores name. */
gboolean  ks_json_read_accounts (Import       *im,
                                 JsonObject   *root,
                                 GError      **error);
gboolean  ks_json_read_scoring  (Import       *im,
                                 JsonObject   *root,
                                 GError      **error);

/* ks-json-funnel.c: a workspace document's "stages", "stage_map" and
 * "evaluation_criteria"; one opportunity's "stage_date", "momentum",
 * "last_activity", "stage_history" and "evaluation" (@index: its place in
 * im->opportunities, which it is appended to afterwards). */
gboolean  ks_json_read_funnel   (Import       *im,
                                 JsonObject   *root,
                                 GError      **error);
gboolean  ks_json_read_opportunity_funnel (Import      *im,
                                           Opportunity *o,
                                           guint        index,
                                           GError     **error);

/* ks-json-meeting.c: the workspace's "meetings" (after the accounts, whose
 * plans' actions the decisions name); written after the plans. */
gboolean  ks_json_read_meetings  (Import       *im,
                                  JsonObject   *root,
                                  GError      **error);
gboolean  ks_json_write_meetings (KsWorkspace  *ws,
                                  Import       *im,
                                  GError      **error);
gboolean  ks_json_export_meetings (KsWorkspace  *ws,
                                   KsJsonWriter *json,
                                   GError      **error);

/* ks-json-raci.c: the workspace's "raci" charts (after the people and
 * accounts are read), and writing them once those rows are in. */
gboolean  ks_json_read_raci     (Import       *im,
                                 JsonObject   *root,
                                 GError      **error);
gboolean  ks_json_write_raci    (KsWorkspace  *ws,
                                 Import       *im,
                                 GError      **error);

/* Writing (ks-json-import.c) -------------------------------------------------- */

/* The ids the document's people and products were given (or matched); 0 for
 * NULL or a name the document does not hold. */
gint64    ks_json_person_id     (Import       *im,
                                 const char   *name);
gint64    ks_json_product_id    (Import       *im,
                                 const char   *name);
/* Sets the plans' references and accounts to ids, once those rows are written. */
void      ks_json_resolve_plan_refs (Import   *im);
/* Steps a statement that returns no rows; "Could not import the workspace". */
gboolean  ks_json_step          (KsWorkspace   *ws,
                                 KsStmt  *stmt,
                                 GError       **error);
/* value ≥ 0, else NULL. */
void      ks_json_bind_count    (KsStmt  *stmt,
                                 int            idx,
                                 gint64         value);

/* ks-json-funnel.c: the document's stages, stage map and evaluation criteria
 * replace the workspace's (those it does not hold stay), before the
 * opportunities are written. */
gboolean  ks_json_write_funnel  (KsWorkspace  *ws,
                                 Import       *im,
                                 GError      **error);
/* Once the opportunities are written: each one's stage history and
 * evaluation scores (names resolved against the workspace's stages and
 * criteria; a name it does not have is refused with the document's
 * position), then their stages from their stage texts through the stage
 * map (ks_funnel_map_unmapped, which rebuilds the funnel summary).
 * @report NULL: a whole workspace, written into opportunities that have no
 * history or scores yet. Otherwise a handover document merged into
 * existing ones: an opportunity's history is replaced when the file's
 * differs, its scores are set criterion by criterion, a criterion this
 * workspace lacks is dropped with a warning, and each opportunity that
 * changed is reported updated (unless created). */
gboolean  ks_json_write_opportunities_funnel (KsWorkspace            *ws,
                                              Import                 *im,
                                              KsAccountImportReport  *report,
                                              GError                **error);

/* Exporting (ks-json-export.c) ------------------------------------------------ */

/* Steps stmt: 1 for a row, 0 when done, -1 (error set, stmt reset) on failure. */
int       ks_json_step_row      (KsWorkspace   *ws,
                                 KsStmt  *stmt,
                                 GError       **error);

/* ks-json-funnel.c: "stages", "stage_map" and "evaluation_criteria" (whole
 * workspace), and one opportunity's "stage_history" and, when it has
 * scores, "evaluation". */
gboolean  ks_json_export_funnel (KsWorkspace   *ws,
                                 KsJsonWriter  *json,
                                 GError       **error);
gboolean  ks_json_export_opportunity_funnel (KsWorkspace   *ws,
                                             KsJsonWriter  *json,
                                             gint64         opportunity_id,
                                             GError       **error);

/* One account's handover document (ks-json-account.c) ------------------------- */

/* Merges the read document's one account into ws (inside the caller's
 * transaction), saying what it did in report. */
gboolean  ks_json_merge_account (KsWorkspace            *ws,
                                 Import                 *im,
                                 KsAccountImportReport  *report,
                                 GError                **error);
/* Empties report, for a second use or after a refused import. */
void      ks_account_import_report_reset (KsAccountImportReport *report);

G_END_DECLS
