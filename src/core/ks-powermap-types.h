/* ks-powermap-types.h — the vocabulary of the power map (PRODUCT.md §2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain enums shared by core (storage, coverage checks), render (layout,
 * drawing) and the app. Stored in the workspace as the strings given by
 * ks_powermap_*_to_string(), so the database stays readable.
 */
#pragma once

#include <glib.h>

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

G_END_DECLS
