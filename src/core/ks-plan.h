/* ks-plan.h — the mini account plan (PRODUCT.md §3): a fixed template per account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan is a fixed template, not a blank document, so it is described by
 * tables (ks-plan-template.c): sections, each with scalar fields and at most
 * one list (objectives, products bought, meetings, key projects, actions,
 * handover notes), each list with its own fields. Storage, JSON, the plan page,
 * the printed plan and the completeness checks all walk these tables, so a
 * field added to the template appears everywhere at once.
 *
 * Storage (schema 3): one row per account in account_plans (a column per
 * scalar field, named by its key), one table per list (plan_objectives,
 * plan_products, plan_meetings, plan_projects, plan_actions, plan_notes) with
 * id, account_id, position and a column per field. A plan that was never
 * written has no row and loads as an empty plan.
 *
 * Values: one KsPlanValue per field, its member chosen by the field's kind.
 * In JSON, references are names (a person's, a contact's of the same account,
 * a product's), dates are "YYYY-MM-DD", numbers are numbers, booleans are
 * booleans, choices are their key strings; empty values are left out.
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  KS_PLAN_KIND_TEXT,       /* one line */
  KS_PLAN_KIND_LONG_TEXT,  /* paragraphs */
  KS_PLAN_KIND_NUMBER,     /* ≥ 0: counts, money, volumes */
  KS_PLAN_KIND_PERCENT,    /* 0–100 */
  KS_PLAN_KIND_DATE,       /* YYYY-MM-DD */
  KS_PLAN_KIND_BOOL,
  KS_PLAN_KIND_CHOICE,     /* one of field->choices (keys), "" = not chosen */
  KS_PLAN_KIND_PERSON,     /* one of our people */
  KS_PLAN_KIND_CONTACT,    /* one of the account's contacts */
  KS_PLAN_KIND_PRODUCT,    /* one of our products */
} KsPlanKind;

typedef struct
{
  const char         *key;            /* column, JSON key, stable */
  KsPlanKind          kind;
  const char         *label;          /* N_(): translate with _() */
  const char         *hint;           /* N_() or NULL: what to write there */
  const char * const *choices;        /* CHOICE: NULL-terminated keys */
  const char * const *choice_labels;  /* CHOICE: N_() labels, same order */
} KsPlanField;

typedef enum
{
  KS_PLAN_OBJECTIVES,   /* at most 3, SMART */
  KS_PLAN_PRODUCTS,     /* products the customer buys */
  KS_PLAN_MEETINGS,     /* newest first */
  KS_PLAN_PROJECTS,
  KS_PLAN_ACTIONS,
  KS_PLAN_NOTES,        /* handover thread, oldest first */
  KS_PLAN_N_LISTS,
  KS_PLAN_NO_LIST = -1,
} KsPlanList;

typedef struct
{
  KsPlanList          id;
  const char         *key;          /* JSON key: "objectives", ... */
  const char         *table;        /* "plan_objectives", ... */
  const char         *item_label;   /* N_(): "Objective" */
  const char         *add_label;    /* N_(): "Add Objective" */
  const KsPlanField  *fields;
  guint               n_fields;
  guint               max_items;    /* 0 = no limit */
  const char         *sort_key;     /* DATE field the list is ordered by, or NULL = position */
  gboolean            newest_first;
} KsPlanListInfo;

typedef enum
{
  KS_PLAN_SECTION_PROFILE,       /* customer profile and key figures */
  KS_PLAN_SECTION_OBJECTIVES,
  KS_PLAN_SECTION_CONTACTS,      /* contacts (from the power map) + decision process */
  KS_PLAN_SECTION_PRODUCTS,
  KS_PLAN_SECTION_MEETINGS,
  KS_PLAN_SECTION_PROJECTS,
  KS_PLAN_SECTION_SWOT,
  KS_PLAN_SECTION_PERCEPTION,
  KS_PLAN_SECTION_KNOWLEDGE,
  KS_PLAN_SECTION_ACTIONS,
  KS_PLAN_SECTION_HANDOVER,
  KS_PLAN_N_SECTIONS,
} KsPlanSection;

typedef struct
{
  KsPlanSection  id;
  const char    *key;        /* "profile", ... */
  const char    *title;      /* N_(): the section title, as printed */
  const char    *summary;    /* N_(): one line under the title */
  guint          first_field;  /* index into ks_plan_fields () */
  guint          n_fields;     /* this section's scalar fields */
  KsPlanList     list;         /* KS_PLAN_NO_LIST when none */
} KsPlanSectionInfo;

/* The template. */
const KsPlanSectionInfo *ks_plan_sections        (guint          *n_sections);
const KsPlanSectionInfo *ks_plan_section_info    (KsPlanSection   section);
const KsPlanField       *ks_plan_fields          (guint          *n_fields);  /* every scalar field, in section order */
int                      ks_plan_field_index     (const char     *key);       /* -1 when unknown */
const KsPlanListInfo    *ks_plan_list_info       (KsPlanList      list);
int                      ks_plan_list_field_index (KsPlanList     list,
                                                   const char    *key);       /* -1 when unknown */
/* The perception ladder, lowest first: "opportunistic" ... "strategic". */
const char * const      *ks_plan_perception_levels (void);
int                      ks_plan_perception_rank   (const char    *level);   /* 1–8, 0 = not set/unknown */
const char              *ks_plan_choice_label    (const KsPlanField *field,
                                                  const char        *choice); /* translated; NULL when unknown */

/* One value; which member counts depends on the field's kind. */
typedef struct
{
  char   *text;    /* TEXT, LONG_TEXT, DATE, CHOICE: never NULL, "" = empty */
  double  number;  /* NUMBER, PERCENT: NaN = empty. BOOL: 0 or 1 */
  gint64  id;      /* PERSON, CONTACT, PRODUCT: 0 = empty */
} KsPlanValue;

void      ks_plan_value_init      (KsPlanValue       *value);  /* the empty value */
void      ks_plan_value_clear     (KsPlanValue       *value);
void      ks_plan_value_copy      (const KsPlanValue *src,
                                   KsPlanValue       *dest);   /* dest is overwritten, not cleared */
gboolean  ks_plan_value_is_empty  (const KsPlanField *field,
                                   const KsPlanValue *value);  /* BOOL: never empty */
gboolean  ks_plan_value_equal     (const KsPlanField *field,
                                   const KsPlanValue *a,
                                   const KsPlanValue *b);
/* Checks a value against its field: dates real and YYYY-MM-DD, percent 0–100,
 * numbers finite and ≥ 0, choices known, text valid UTF-8. The message names
 * the field's label and says why. */
gboolean  ks_plan_value_validate  (const KsPlanField *field,
                                   const KsPlanValue *value,
                                   GError           **error);
/* What a user typed → a value (for TEXT … CHOICE; references are picked, not
 * typed). Numbers accept the C format and the locale's; "" is the empty value. */
gboolean  ks_plan_value_parse     (const KsPlanField *field,
                                   const char        *text,
                                   KsPlanValue       *value,
                                   GError           **error);

typedef struct
{
  gint64       id;       /* 0 until stored */
  KsPlanValue *values;   /* one per field of the list */
  gint64       version;  /* of the row it was read from (schema step 10); 0 until stored */
} KsPlanItem;

typedef struct
{
  gint64       account_id;
  KsPlanValue *values;                    /* one per ks_plan_fields () */
  GPtrArray   *items[KS_PLAN_N_LISTS];    /* of KsPlanItem, in the list's order */
} KsPlan;

KsPlan     *ks_plan_new          (gint64        account_id);   /* an empty plan */
void        ks_plan_free         (KsPlan       *plan);
KsPlanItem *ks_plan_item_new     (KsPlanList    list);         /* an empty item */
void        ks_plan_item_free    (KsPlanItem   *item);
gboolean    ks_plan_is_empty     (const KsPlan *plan);
/* Values by key, for callers that know the template (render, tests). */
const KsPlanValue *ks_plan_get   (const KsPlan *plan,
                                  const char   *key);
const KsPlanValue *ks_plan_item_get (const KsPlanItem *item,
                                     KsPlanList        list,
                                     const char       *key);

/* The workspace side. Each write is one undo step, labelled for the user. */
KsPlan     *ks_plan_load         (KsWorkspace  *workspace,
                                  gint64        account_id,
                                  GError      **error);
/* Replaces the whole stored plan of plan->account_id with plan (items keep
 * their order; their ids are renewed). */
gboolean    ks_plan_save         (KsWorkspace  *workspace,
                                  const KsPlan *plan,
                                  GError      **error);
gboolean    ks_plan_set_field    (KsWorkspace       *workspace,
                                  gint64             account_id,
                                  const char        *key,
                                  const KsPlanValue *value,
                                  GError           **error);
/* Adds an item at the end (values NULL = an empty item); returns its id, 0 on
 * error. Refused when the list is full (objectives: 3). */
gint64      ks_plan_add_item     (KsWorkspace       *workspace,
                                  gint64             account_id,
                                  KsPlanList         list,
                                  const KsPlanValue *values,
                                  GError           **error);
gboolean    ks_plan_set_item_field (KsWorkspace       *workspace,
                                    KsPlanList         list,
                                    gint64             item_id,
                                    const char        *key,
                                    const KsPlanValue *value,
                                    GError           **error);
/* The same, saved only over the version of the item that *version names
 * (0: whatever it is). On success *version is the item's new version; when
 * another user has saved the item since, nothing is saved, the error is
 * KS_WORKSPACE_ERROR_CONFLICT with their value, and *version becomes the
 * item's: saving again replaces theirs. */
gboolean    ks_plan_set_item_field_at (KsWorkspace       *workspace,
                                       KsPlanList         list,
                                       gint64             item_id,
                                       gint64            *version,
                                       const char        *key,
                                       const KsPlanValue *value,
                                       GError           **error);
gboolean    ks_plan_delete_item  (KsWorkspace  *workspace,
                                  KsPlanList    list,
                                  gint64        item_id,
                                  GError      **error);

G_END_DECLS
