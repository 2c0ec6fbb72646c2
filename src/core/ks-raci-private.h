/* ks-raci-private.h — for the RACI files of core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-raci.h"

G_BEGIN_DECLS

/* Writes a whole chart held in memory: its phases, tasks (each task's phase
 * by index), columns (person_id, or role) and letters. @replace_id > 0
 * replaces that chart's contents (its name, scope, account and ARSCI mode
 * are kept, except that ARSCI is switched on when @chart->arsci is);
 * otherwise a new chart is created from @chart's name, scope, account_id and
 * arsci. One user action labelled @label (nests in a caller's). */
gint64       ks_raci_chart_write      (KsWorkspace        *workspace,
                                       const KsRaciChart  *chart,
                                       gint64              replace_id,
                                       const char         *label,
                                       GError            **error);

/* Appends to an in-memory chart (the builders of CSV, JSON and templates);
 * ks_raci_chart_grow() sizes letters and main to tasks × columns, keeping
 * what is set. */
guint        ks_raci_chart_add_phase  (KsRaciChart  *chart,
                                       const char   *name);
guint        ks_raci_chart_add_task   (KsRaciChart  *chart,
                                       guint         phase,
                                       const char   *name);
guint        ks_raci_chart_add_column (KsRaciChart  *chart,
                                       gint64        person_id,
                                       const char   *role,
                                       const char   *label);
void         ks_raci_chart_grow       (KsRaciChart  *chart);
void         ks_raci_chart_set        (KsRaciChart  *chart,
                                       guint         task,
                                       guint         column,
                                       KsRaciLetter  letter,
                                       gboolean      main);

/* The people of @account_id's team by role: casefolded role → person
 * (KsRaciColumn with resolved_id/resolved_name set; core members first,
 * then by name). */
GHashTable  *ks_raci_team_roles       (KsWorkspace  *workspace,
                                       gint64        account_id,
                                       GError      **error);
/* Every role some account team uses, casefolded → as written (first seen). */
GHashTable  *ks_raci_known_roles      (KsWorkspace  *workspace,
                                       GError      **error);

G_END_DECLS
