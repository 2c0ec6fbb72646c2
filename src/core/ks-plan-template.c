/* ks-plan-template.c — the sections and fields of the mini account plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that says what a plan holds (PRODUCT.md §3). Keys are column
 * names (schema 3 in ks-schema.c) and JSON keys; never rename one.
 */
#define G_LOG_DOMAIN "ks-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-plan.h"

/* The perception ladder (§3.8), lowest first. */
static const char *const perception_keys[] = {
  "opportunistic", "one-time", "qualified", "repeated",
  "preferred", "key", "development-partner", "strategic", NULL,
};
static const char *const perception_labels[] = {
  N_("Opportunistic"), N_("One-time supplier"), N_("Qualified supplier"),
  N_("Repeated supplier"), N_("Preferred supplier"), N_("Key supplier"),
  N_("Development partner"), N_("Strategic partnership"), NULL,
};

static const char *const status_keys[] = { "open", "in-progress", "done", "dropped", NULL };
static const char *const status_labels[] = {
  N_("Open"), N_("In progress"), N_("Done"), N_("Dropped"), NULL,
};

static const char *const author_keys[] = { "mentor", "mentee", NULL };
static const char *const author_labels[] = { N_("Sales manager"), N_("Coordinator"), NULL };

#define TEXT(k, l, h)      { k, KS_PLAN_KIND_TEXT, l, h, NULL, NULL }
#define LONG(k, l, h)      { k, KS_PLAN_KIND_LONG_TEXT, l, h, NULL, NULL }
#define NUMBER(k, l, h)    { k, KS_PLAN_KIND_NUMBER, l, h, NULL, NULL }
#define PERCENT(k, l, h)   { k, KS_PLAN_KIND_PERCENT, l, h, NULL, NULL }
#define DATE(k, l, h)      { k, KS_PLAN_KIND_DATE, l, h, NULL, NULL }
#define BOOL(k, l, h)      { k, KS_PLAN_KIND_BOOL, l, h, NULL, NULL }
#define CHOICE(k, l, h, c) { k, KS_PLAN_KIND_CHOICE, l, h, c##_keys, c##_labels }
#define PERSON(k, l, h)    { k, KS_PLAN_KIND_PERSON, l, h, NULL, NULL }
#define CONTACT(k, l, h)   { k, KS_PLAN_KIND_CONTACT, l, h, NULL, NULL }
#define PRODUCT(k, l, h)   { k, KS_PLAN_KIND_PRODUCT, l, h, NULL, NULL }

/* Scalar fields, grouped by section in section order (account_plans). */
static const KsPlanField fields[] = {
  /* profile: 12 */
  LONG ("business", N_("What they do"), N_("Their business in a few sentences")),
  LONG ("offering", N_("Products and services"), NULL),
  LONG ("markets", N_("Markets and customers"), NULL),
  TEXT ("locations", N_("Locations"), N_("Headquarters, plants, sales offices")),
  LONG ("capabilities", N_("Unique capabilities"), NULL),
  LONG ("positioning", N_("Positioning"), N_("How they compete: price, quality, innovation…")),
  LONG ("structure", N_("Structure and people"), NULL),
  LONG ("funding", N_("Funding and growth"), NULL),
  NUMBER ("sites", N_("Number of sites"), NULL),
  TEXT ("solvency", N_("Solvency"), N_("Rating or payment behaviour")),
  NUMBER ("investment", N_("Investment volume per year"), NULL),
  TEXT ("production", N_("Production numbers"), N_("e.g. 1.2 million units a year")),
  /* contacts: 1 */
  LONG ("decision_process", N_("Decision-making process"),
        N_("Who decides, who is asked, how long it takes, what the buying steps are")),
  /* products: 1 */
  PERCENT ("share_of_wallet", N_("Share of wallet"), N_("Our share of what they spend on what we sell, in %")),
  /* swot: 8 */
  LONG ("strengths", N_("Strengths"), NULL),
  LONG ("strengths_help", N_("How can we help them use it?"), NULL),
  LONG ("weaknesses", N_("Weaknesses"), NULL),
  LONG ("weaknesses_help", N_("How can we help them overcome it?"), NULL),
  LONG ("opportunities", N_("Opportunities"), NULL),
  LONG ("opportunities_help", N_("How can we help them seize it?"), NULL),
  LONG ("threats", N_("Threats"), NULL),
  LONG ("threats_help", N_("How can we help them avert it?"), NULL),
  /* perception: 2 */
  CHOICE ("perception_current", N_("How they see us today"), NULL, perception),
  CHOICE ("perception_target", N_("Where we want to be"), NULL, perception),
  /* knowledge: 9 */
  LONG ("history", N_("History"), N_("How the relationship started and developed")),
  LONG ("problems", N_("Problems"), N_("Complaints, escalations, open issues")),
  LONG ("successes", N_("Success stories"), NULL),
  LONG ("future", N_("Future"), N_("Where the account is heading")),
  LONG ("lessons", N_("Lessons learned"), NULL),
  LONG ("communication", N_("Communication style"), N_("Phone or e-mail, formal or casual, how often")),
  LONG ("culture", N_("Cultural aspects"), NULL),
  LONG ("may_say", N_("What may be said to the customer"), NULL),
  LONG ("early_warnings", N_("Who gets early warnings"), N_("Whom to tell first about delays, price changes, problems")),
  /* handover: 6 */
  PERSON ("mentor", N_("Handed over by"), N_("The sales manager")),
  PERSON ("mentee", N_("Taken over by"), N_("The sales coordinator")),
  BOOL ("trainings_done", N_("Trainings done"), NULL),
  BOOL ("joint_visit_done", N_("Joint visit held"), NULL),
  BOOL ("introduced", N_("Coordinator introduced to the customer"), NULL),
  BOOL ("plan_reviewed", N_("Plan reviewed together"), NULL),
};

static const KsPlanField objective_fields[] = {
  TEXT ("objective", N_("Objective"), N_("Specific: what exactly")),
  TEXT ("measure", N_("Measure"), N_("Measurable: how we know it is reached")),
  DATE ("due", N_("Due"), N_("Time-bound: by when")),
  PERSON ("owner", N_("Owner"), NULL),
};

static const KsPlanField product_fields[] = {
  PRODUCT ("product", N_("Product"), NULL),
  NUMBER ("volume", N_("Volume per year"), NULL),
  TEXT ("price_notes", N_("Price notes"), NULL),
};

static const KsPlanField meeting_fields[] = {
  DATE ("date", N_("Date"), NULL),
  TEXT ("ours", N_("Our attendees"), NULL),
  TEXT ("theirs", N_("Their attendees"), NULL),
  LONG ("notes", N_("Notes"), NULL),
  TEXT ("next_steps", N_("Next steps"), NULL),
  DATE ("next_due", N_("Next steps due"), NULL),
  BOOL ("next_done", N_("Next steps done"), NULL),
};

static const KsPlanField project_fields[] = {
  TEXT ("name", N_("Project"), NULL),
  LONG ("description", N_("Description"), NULL),
  PERCENT ("probability", N_("Probability"), N_("0–100 %")),
  NUMBER ("volume", N_("Volume per year"), NULL),
  LONG ("milestones", N_("Milestones"), NULL),
  NUMBER ("budget", N_("Budget"), NULL),
  TEXT ("competitor1", N_("Competitor 1"), NULL),
  TEXT ("competitor2", N_("Competitor 2"), NULL),
  TEXT ("competitor3", N_("Competitor 3"), NULL),
  CONTACT ("contact", N_("Customer contact"), NULL),
  PERSON ("owner", N_("Our owner"), NULL),
};

static const KsPlanField action_fields[] = {
  TEXT ("action", N_("Action"), NULL),
  PERSON ("owner", N_("Owner"), NULL),
  DATE ("due", N_("Due"), NULL),
  CHOICE ("status", N_("Status"), NULL, status),
};

static const KsPlanField note_fields[] = {
  DATE ("date", N_("Date"), NULL),
  CHOICE ("author", N_("From"), NULL, author),
  LONG ("text", N_("Note"), NULL),
};

static const KsPlanListInfo lists[KS_PLAN_N_LISTS] = {
  { KS_PLAN_OBJECTIVES, "objectives", "plan_objectives", N_("Objective"), N_("Add Objective"),
    objective_fields, G_N_ELEMENTS (objective_fields), 3, NULL, FALSE },
  { KS_PLAN_PRODUCTS, "products", "plan_products", N_("Product"), N_("Add Product"),
    product_fields, G_N_ELEMENTS (product_fields), 0, NULL, FALSE },
  { KS_PLAN_MEETINGS, "meetings", "plan_meetings", N_("Meeting"), N_("Add Meeting"),
    meeting_fields, G_N_ELEMENTS (meeting_fields), 0, "date", TRUE },
  { KS_PLAN_PROJECTS, "projects", "plan_projects", N_("Project"), N_("Add Project"),
    project_fields, G_N_ELEMENTS (project_fields), 0, NULL, FALSE },
  { KS_PLAN_ACTIONS, "actions", "plan_actions", N_("Action"), N_("Add Action"),
    action_fields, G_N_ELEMENTS (action_fields), 0, NULL, FALSE },
  { KS_PLAN_NOTES, "notes", "plan_notes", N_("Note"), N_("Add Note"),
    note_fields, G_N_ELEMENTS (note_fields), 0, "date", FALSE },
};

static const KsPlanSectionInfo sections[KS_PLAN_N_SECTIONS] = {
  { KS_PLAN_SECTION_PROFILE, "profile", N_("Customer Profile"),
    N_("What the customer does, and its key figures"), 0, 12, KS_PLAN_NO_LIST },
  { KS_PLAN_SECTION_OBJECTIVES, "objectives", N_("Top 3 Objectives"),
    N_("Specific, measurable, with a date"), 12, 0, KS_PLAN_OBJECTIVES },
  { KS_PLAN_SECTION_CONTACTS, "contacts", N_("Contacts and Decisions"),
    N_("The people from the power map, and how the customer decides"), 12, 1, KS_PLAN_NO_LIST },
  { KS_PLAN_SECTION_PRODUCTS, "products", N_("Products Bought"),
    N_("What they buy from us, how much a year"), 13, 1, KS_PLAN_PRODUCTS },
  { KS_PLAN_SECTION_MEETINGS, "meetings", N_("Meetings"),
    N_("Who met, what was said, what comes next"), 14, 0, KS_PLAN_MEETINGS },
  { KS_PLAN_SECTION_PROJECTS, "projects", N_("Key Projects"),
    N_("The customer's projects we want to be part of"), 14, 0, KS_PLAN_PROJECTS },
  { KS_PLAN_SECTION_SWOT, "swot", N_("SWOT"),
    N_("The customer's strengths, weaknesses, opportunities and threats"), 14, 8, KS_PLAN_NO_LIST },
  { KS_PLAN_SECTION_PERCEPTION, "perception", N_("Perception Ladder"),
    N_("How the customer sees us, and where we want to be"), 22, 2, KS_PLAN_NO_LIST },
  { KS_PLAN_SECTION_KNOWLEDGE, "knowledge", N_("Knowledge Transfer"),
    N_("What the sales manager knows and the coordinator needs"), 24, 9, KS_PLAN_NO_LIST },
  { KS_PLAN_SECTION_ACTIONS, "actions", N_("Action Plan"),
    N_("Who does what by when"), 33, 0, KS_PLAN_ACTIONS },
  { KS_PLAN_SECTION_HANDOVER, "handover", N_("Handover"),
    N_("From the sales manager to the coordinator"), 33, 6, KS_PLAN_NOTES },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == 39);
G_STATIC_ASSERT (G_N_ELEMENTS (perception_keys) == 9);

const KsPlanSectionInfo *
ks_plan_sections (guint *n_sections)
{
  if (n_sections)
    *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

const KsPlanSectionInfo *
ks_plan_section_info (KsPlanSection section)
{
  g_return_val_if_fail (section >= 0 && section < KS_PLAN_N_SECTIONS, NULL);
  return &sections[section];
}

const KsPlanField *
ks_plan_fields (guint *n_fields)
{
  if (n_fields)
    *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

static int
index_of (const KsPlanField *table,
          guint              n,
          const char        *key)
{
  if (key == NULL)
    return -1;
  for (guint i = 0; i < n; i++)
    if (strcmp (table[i].key, key) == 0)
      return (int) i;
  return -1;
}

int
ks_plan_field_index (const char *key)
{
  return index_of (fields, G_N_ELEMENTS (fields), key);
}

const KsPlanListInfo *
ks_plan_list_info (KsPlanList list)
{
  g_return_val_if_fail (list >= 0 && list < KS_PLAN_N_LISTS, NULL);
  return &lists[list];
}

int
ks_plan_list_field_index (KsPlanList  list,
                          const char *key)
{
  g_return_val_if_fail (list >= 0 && list < KS_PLAN_N_LISTS, -1);
  return index_of (lists[list].fields, lists[list].n_fields, key);
}

const char * const *
ks_plan_perception_levels (void)
{
  return perception_keys;
}

int
ks_plan_perception_rank (const char *level)
{
  for (guint i = 0; level && perception_keys[i]; i++)
    if (strcmp (perception_keys[i], level) == 0)
      return (int) i + 1;
  return 0;
}

const char *
ks_plan_choice_label (const KsPlanField *field,
                      const char        *choice)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->kind != KS_PLAN_KIND_CHOICE || choice == NULL)
    return NULL;
  for (guint i = 0; field->choices[i]; i++)
    if (strcmp (field->choices[i], choice) == 0)
      return _(field->choice_labels[i]);
  return NULL;
}
