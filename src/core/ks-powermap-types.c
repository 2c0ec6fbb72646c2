/* ks-powermap-types.c — the power map's words: stored strings and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each enum has one table of stored strings, indexed by value, that the
 * database CHECK constraints (ks-schema.c), JSON and CSV share. The GEnum
 * nicks are the same strings.
 */
#define G_LOG_DOMAIN "ks-powermap-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-powermap-types.h"

G_DEFINE_ENUM_TYPE (KsNodeKind, ks_node_kind,
  G_DEFINE_ENUM_VALUE (KS_NODE_CONTACT, "contact"),
  G_DEFINE_ENUM_VALUE (KS_NODE_COMPETITOR, "competitor"),
  G_DEFINE_ENUM_VALUE (KS_NODE_THIRD_PARTY, "third-party"))

G_DEFINE_ENUM_TYPE (KsDecisionPower, ks_decision_power,
  G_DEFINE_ENUM_VALUE (KS_POWER_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (KS_POWER_HIGH, "high"),
  G_DEFINE_ENUM_VALUE (KS_POWER_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (KS_POWER_LOW, "low"))

G_DEFINE_ENUM_TYPE (KsRelationship, ks_relationship,
  G_DEFINE_ENUM_VALUE (KS_RELATIONSHIP_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (KS_RELATIONSHIP_POSITIVE, "positive"),
  G_DEFINE_ENUM_VALUE (KS_RELATIONSHIP_NEUTRAL, "neutral"),
  G_DEFINE_ENUM_VALUE (KS_RELATIONSHIP_POOR, "poor"))

G_DEFINE_ENUM_TYPE (KsAttitude, ks_attitude,
  G_DEFINE_ENUM_VALUE (KS_ATTITUDE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (KS_ATTITUDE_SUPPORTER, "supporter"),
  G_DEFINE_ENUM_VALUE (KS_ATTITUDE_NEUTRAL, "neutral"),
  G_DEFINE_ENUM_VALUE (KS_ATTITUDE_OPPONENT, "opponent"))

G_DEFINE_ENUM_TYPE (KsLevel, ks_level,
  G_DEFINE_ENUM_VALUE (KS_LEVEL_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (KS_LEVEL_OPERATIONAL, "operational"),
  G_DEFINE_ENUM_VALUE (KS_LEVEL_MANAGEMENT, "management"),
  G_DEFINE_ENUM_VALUE (KS_LEVEL_EXECUTIVE, "executive"))

G_DEFINE_FLAGS_TYPE (KsBuyingRoles, ks_buying_roles,
  G_DEFINE_ENUM_VALUE (KS_ROLE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (KS_ROLE_ECONOMIC_BUYER, "economic-buyer"),
  G_DEFINE_ENUM_VALUE (KS_ROLE_TECHNICAL_BUYER, "technical-buyer"),
  G_DEFINE_ENUM_VALUE (KS_ROLE_USER_BUYER, "user-buyer"),
  G_DEFINE_ENUM_VALUE (KS_ROLE_COACH, "coach"),
  G_DEFINE_ENUM_VALUE (KS_ROLE_FINANCIAL_EXPERT, "financial-expert"),
  G_DEFINE_ENUM_VALUE (KS_ROLE_BUSINESS_DEVELOPMENT, "business-development"))

G_DEFINE_ENUM_TYPE (KsLineKind, ks_line_kind,
  G_DEFINE_ENUM_VALUE (KS_LINE_REPORTS_TO, "reports-to"),
  G_DEFINE_ENUM_VALUE (KS_LINE_DOTTED, "dotted"),
  G_DEFINE_ENUM_VALUE (KS_LINE_INFLUENCE, "influence"))

static const char *const node_kinds[] = { "contact", "competitor", "third-party", NULL };
static const char *const powers[] = { "unknown", "high", "medium", "low", NULL };
static const char *const relationships[] = { "unknown", "positive", "neutral", "poor", NULL };
static const char *const attitudes[] = { "unknown", "supporter", "neutral", "opponent", NULL };
static const char *const levels[] = { "unknown", "operational", "management", "executive", NULL };
static const char *const line_kinds[] = { "reports-to", "dotted", "influence", NULL };
static const char *const buying_roles[] = {
  "economic-buyer", "technical-buyer", "user-buyer", "coach", "financial-expert",
  "business-development", NULL,
};

static gboolean
lookup (const char *const *table,
        const char        *text,
        int               *out)
{
  if (!text)
    return FALSE;
  for (int i = 0; table[i]; i++)
    if (g_str_equal (table[i], text))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

#define STRING_FUNCS(Type, prefix, table)                                   \
  const char *                                                              \
  prefix##_to_string (Type value)                                           \
  {                                                                         \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table) - 1, NULL);  \
    return table[value];                                                    \
  }                                                                         \
                                                                            \
  gboolean                                                                  \
  prefix##_from_string (const char *text,                                   \
                        Type       *out)                                    \
  {                                                                         \
    int i;                                                                  \
                                                                            \
    if (!lookup (table, text, &i))                                          \
      return FALSE;                                                         \
    if (out)                                                                \
      *out = (Type) i;                                                      \
    return TRUE;                                                            \
  }                                                                         \
                                                                            \
  const char * const *                                                      \
  prefix##_strings (void)                                                   \
  {                                                                         \
    return table;                                                           \
  }

STRING_FUNCS (KsNodeKind, ks_node_kind, node_kinds)
STRING_FUNCS (KsDecisionPower, ks_decision_power, powers)
STRING_FUNCS (KsRelationship, ks_relationship, relationships)
STRING_FUNCS (KsAttitude, ks_attitude, attitudes)
STRING_FUNCS (KsLevel, ks_level, levels)
STRING_FUNCS (KsLineKind, ks_line_kind, line_kinds)

/* The index of a single flag, or -1. */
static int
role_index (KsBuyingRoles role)
{
  for (int i = 0; buying_roles[i]; i++)
    if ((guint) role == (1u << i))
      return i;
  return -1;
}

const char *
ks_buying_role_to_string (KsBuyingRoles role)
{
  int i = role_index (role);

  g_return_val_if_fail (i >= 0, NULL);
  return buying_roles[i];
}

gboolean
ks_buying_role_from_string (const char    *text,
                            KsBuyingRoles *out)
{
  int i;

  if (!lookup (buying_roles, text, &i))
    return FALSE;
  if (out)
    *out = 1u << i;
  return TRUE;
}

const char * const *
ks_buying_role_strings (void)
{
  return buying_roles;
}

gboolean
ks_iso_date_parse (const char *text,
                   GDate      *out)
{
  guint year, month, day;

  if (!text || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
         g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  if (out)
    g_date_set_dmy (out, day, month, year);
  return TRUE;
}

const char *
ks_node_kind_label (KsNodeKind kind)
{
  switch (kind)
    {
    case KS_NODE_CONTACT: return _("Contact");
    case KS_NODE_COMPETITOR: return _("Competitor");
    case KS_NODE_THIRD_PARTY: return _("Third party");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
ks_decision_power_label (KsDecisionPower power)
{
  switch (power)
    {
    case KS_POWER_UNKNOWN: return C_("decision power", "Unknown");
    case KS_POWER_HIGH: return C_("decision power", "High");
    case KS_POWER_MEDIUM: return C_("decision power", "Medium");
    case KS_POWER_LOW: return C_("decision power", "Low");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
ks_relationship_label (KsRelationship relationship)
{
  switch (relationship)
    {
    case KS_RELATIONSHIP_UNKNOWN: return C_("relationship", "Unknown");
    case KS_RELATIONSHIP_POSITIVE: return C_("relationship", "Positive");
    case KS_RELATIONSHIP_NEUTRAL: return C_("relationship", "Neutral");
    case KS_RELATIONSHIP_POOR: return C_("relationship", "Poor");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
ks_attitude_label (KsAttitude attitude)
{
  switch (attitude)
    {
    case KS_ATTITUDE_UNKNOWN: return C_("attitude", "Unknown");
    case KS_ATTITUDE_SUPPORTER: return C_("attitude", "Supporter");
    case KS_ATTITUDE_NEUTRAL: return C_("attitude", "Neutral");
    case KS_ATTITUDE_OPPONENT: return C_("attitude", "Opponent");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
ks_attitude_action_label (KsAttitude attitude)
{
  switch (attitude)
    {
    case KS_ATTITUDE_UNKNOWN: return _("Find out");
    case KS_ATTITUDE_SUPPORTER: return _("Engage");
    case KS_ATTITUDE_NEUTRAL: return _("Convince");
    case KS_ATTITUDE_OPPONENT: return _("Avoid or neutralise");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
ks_level_label (KsLevel level)
{
  switch (level)
    {
    case KS_LEVEL_UNKNOWN: return C_("level", "Unknown");
    case KS_LEVEL_OPERATIONAL: return _("Operational");
    case KS_LEVEL_MANAGEMENT: return _("Management");
    case KS_LEVEL_EXECUTIVE: return _("Executive");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
ks_buying_role_label (KsBuyingRoles role)
{
  switch (role)
    {
    case KS_ROLE_ECONOMIC_BUYER: return _("Economic buyer");
    case KS_ROLE_TECHNICAL_BUYER: return _("Technical buyer");
    case KS_ROLE_USER_BUYER: return _("User buyer");
    case KS_ROLE_COACH: return _("Coach");
    case KS_ROLE_FINANCIAL_EXPERT: return _("Financial expert");
    case KS_ROLE_BUSINESS_DEVELOPMENT: return _("Business development");
    case KS_ROLE_NONE:
    default: g_return_val_if_reached (NULL);
    }
}

const char *
ks_line_kind_label (KsLineKind kind)
{
  switch (kind)
    {
    case KS_LINE_REPORTS_TO: return _("Reports to");
    case KS_LINE_DOTTED: return _("Dotted-line report");
    case KS_LINE_INFLUENCE: return _("Influence");
    default: g_return_val_if_reached (NULL);
    }
}
