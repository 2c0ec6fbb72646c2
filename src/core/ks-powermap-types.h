/* ks-powermap-types.h — the vocabulary of the power map (PRODUCT.md §2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain enums shared by core (storage, coverage checks), render (layout,
 * drawing) and the app. Stored in the workspace as the strings given by
 * ks_powermap_*_to_string(), so the database stays readable.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  KS_NODE_CONTACT,      /* a person at the customer */
  KS_NODE_COMPETITOR,   /* e.g. "Competitor 1" */
  KS_NODE_THIRD_PARTY,  /* e.g. an industry association, a consultant */
} KsNodeKind;

/* Shown as 1 / 2 / 3, 1 = high. 0 = not known. */
typedef enum
{
  KS_POWER_UNKNOWN = 0,
  KS_POWER_HIGH = 1,
  KS_POWER_MEDIUM = 2,
  KS_POWER_LOW = 3,
} KsDecisionPower;

typedef enum
{
  KS_RELATIONSHIP_UNKNOWN,
  KS_RELATIONSHIP_POSITIVE,
  KS_RELATIONSHIP_NEUTRAL,
  KS_RELATIONSHIP_POOR,
} KsRelationship;

typedef enum
{
  KS_ATTITUDE_UNKNOWN,
  KS_ATTITUDE_SUPPORTER,   /* suggested action: engage */
  KS_ATTITUDE_NEUTRAL,     /* suggested action: convince */
  KS_ATTITUDE_OPPONENT,    /* suggested action: avoid, or neutralise */
} KsAttitude;

typedef enum
{
  KS_LEVEL_UNKNOWN,
  KS_LEVEL_OPERATIONAL,
  KS_LEVEL_MANAGEMENT,
  KS_LEVEL_EXECUTIVE,
} KsLevel;

/* A contact may hold several buying roles. */
typedef enum
{
  KS_ROLE_NONE                 = 0,
  KS_ROLE_ECONOMIC_BUYER       = 1 << 0,
  KS_ROLE_TECHNICAL_BUYER      = 1 << 1,
  KS_ROLE_USER_BUYER           = 1 << 2,
  KS_ROLE_COACH                = 1 << 3,
  KS_ROLE_FINANCIAL_EXPERT     = 1 << 4,
  KS_ROLE_BUSINESS_DEVELOPMENT = 1 << 5,
} KsBuyingRoles;

typedef enum
{
  KS_LINE_REPORTS_TO,   /* solid: from reports to to */
  KS_LINE_DOTTED,       /* dotted-line reporting (matrix organisations) */
  KS_LINE_INFLUENCE,    /* dashed arrow: from influences to, strength 1–3 */
} KsLineKind;

/* Registered types, for properties and list models. */
#define KS_TYPE_NODE_KIND      (ks_node_kind_get_type ())
#define KS_TYPE_DECISION_POWER (ks_decision_power_get_type ())
#define KS_TYPE_RELATIONSHIP   (ks_relationship_get_type ())
#define KS_TYPE_ATTITUDE       (ks_attitude_get_type ())
#define KS_TYPE_LEVEL          (ks_level_get_type ())
#define KS_TYPE_BUYING_ROLES   (ks_buying_roles_get_type ())
#define KS_TYPE_LINE_KIND      (ks_line_kind_get_type ())

GType ks_node_kind_get_type      (void) G_GNUC_CONST;
GType ks_decision_power_get_type (void) G_GNUC_CONST;
GType ks_relationship_get_type   (void) G_GNUC_CONST;
GType ks_attitude_get_type       (void) G_GNUC_CONST;
GType ks_level_get_type          (void) G_GNUC_CONST;
GType ks_buying_roles_get_type   (void) G_GNUC_CONST;
GType ks_line_kind_get_type      (void) G_GNUC_CONST;

#define KS_BUYING_ROLES_ALL 0x3f

/* The stored strings ("contact", "third-party", "high", "poor", "supporter",
 * "executive", "economic-buyer", "reports-to", ...): stable, untranslated; used in
 * the database, in JSON and in CSV. Power is stored as its number but also has
 * names (unknown, high, medium, low). from_string() returns FALSE for anything
 * else and accepts the exact strings only. */
const char *ks_node_kind_to_string         (KsNodeKind       kind);
gboolean    ks_node_kind_from_string       (const char      *text,
                                            KsNodeKind      *out);
const char *ks_decision_power_to_string    (KsDecisionPower  power);
gboolean    ks_decision_power_from_string  (const char      *text,
                                            KsDecisionPower *out);
const char *ks_relationship_to_string      (KsRelationship   relationship);
gboolean    ks_relationship_from_string    (const char      *text,
                                            KsRelationship  *out);
const char *ks_attitude_to_string          (KsAttitude       attitude);
gboolean    ks_attitude_from_string        (const char      *text,
                                            KsAttitude      *out);
const char *ks_level_to_string             (KsLevel          level);
gboolean    ks_level_from_string           (const char      *text,
                                            KsLevel         *out);
const char *ks_line_kind_to_string         (KsLineKind       kind);
gboolean    ks_line_kind_from_string       (const char      *text,
                                            KsLineKind      *out);
/* One buying role (a single flag) ↔ its string. */
const char *ks_buying_role_to_string       (KsBuyingRoles    role);
gboolean    ks_buying_role_from_string     (const char      *text,
                                            KsBuyingRoles   *out);
/* Every string of a kind, in the enum's order, NULL-terminated (for messages
 * and pickers). Buying roles: one string per flag, lowest bit first. */
const char * const *ks_node_kind_strings       (void);
const char * const *ks_decision_power_strings  (void);
const char * const *ks_relationship_strings    (void);
const char * const *ks_attitude_strings        (void);
const char * const *ks_level_strings           (void);
const char * const *ks_line_kind_strings       (void);
const char * const *ks_buying_role_strings     (void);

/* A strict YYYY-MM-DD of a real day (last contact, snapshot dates); out may
 * be NULL. */
gboolean    ks_iso_date_parse              (const char      *text,
                                            GDate           *out);

/* Words for people (translated): "Competitor", "High", "Poor", "Supporter",
 * "Economic buyer", "Reports to"... */
const char *ks_node_kind_label             (KsNodeKind       kind);
const char *ks_decision_power_label        (KsDecisionPower  power);
const char *ks_relationship_label          (KsRelationship   relationship);
const char *ks_attitude_label              (KsAttitude       attitude);
const char *ks_attitude_action_label       (KsAttitude       attitude);  /* engage, convince, avoid */
const char *ks_level_label                 (KsLevel          level);
const char *ks_buying_role_label           (KsBuyingRoles    role);
const char *ks_line_kind_label             (KsLineKind       kind);

G_END_DECLS
