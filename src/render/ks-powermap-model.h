/* ks-powermap-model.h — an account's power map, read from the workspace as layout input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One loader for the canvas, the exports and keystone-cli, so every picture of
 * a map starts from the same nodes and lines.
 */
#pragma once

#include "ks-powermap-layout.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  GArray    *nodes;      /* KsMapNode; strings point into contacts and strings */
  GArray    *lines;      /* KsMapLine */
  GPtrArray *contacts;   /* KsContact, in the order of nodes */
  GPtrArray *strings;    /* owned strings the nodes point to (owner initials) */
} KsMapModel;

void      ks_map_model_init  (KsMapModel   *model);
void      ks_map_model_clear (KsMapModel   *model);
/* Replaces the model's contents with the account's contacts and lines. */
gboolean  ks_map_model_load  (KsMapModel   *model,
                              KsWorkspace  *workspace,
                              gint64        account_id,
                              GError      **error);
/* "Åsa Lindqvist" → "ÅL": the owner badge on a card. */
char     *ks_map_initials    (const char   *name);

G_END_DECLS
