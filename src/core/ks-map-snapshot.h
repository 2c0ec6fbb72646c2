/* ks-map-snapshot.h — an account's power map as of a date, and what changed since
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A snapshot keeps, per node, the state a review compares: name, kind,
 * decision power, relationship, attitude and our owner. Nodes are matched by
 * name (unique within an account). Plain structs: the diff is a pure
 * function, usable without a workspace.
 */
#pragma once

#include "ks-powermap-types.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  char            *name;
  KsNodeKind       kind;
  KsDecisionPower  power;
  KsRelationship   relationship;
  KsAttitude       attitude;
  char            *owner;          /* our person's name; NULL or "" = none */
} KsMapNodeState;

typedef struct
{
  gint64  id;                      /* 0 for a snapshot not stored (the current map) */
  gint64  account_id;
  char   *taken;                   /* YYYY-MM-DD */
  char   *label;
  GArray *nodes;                   /* of KsMapNodeState, sorted by name */
} KsMapSnapshot;

typedef enum
{
  KS_MAP_CHANGE_ADDED,             /* in newer only */
  KS_MAP_CHANGE_REMOVED,           /* in older only */
  KS_MAP_CHANGE_POWER,
  KS_MAP_CHANGE_RELATIONSHIP,
  KS_MAP_CHANGE_ATTITUDE,
  KS_MAP_CHANGE_OWNER,
} KsMapChangeKind;

typedef struct
{
  KsMapChangeKind  kind;
  char            *name;           /* the node */
  char            *before;         /* stored strings ("high", "poor", an owner's name); */
  char            *after;          /* NULL for added/removed and for "no owner" */
} KsMapChange;

#define KS_TYPE_MAP_SNAPSHOT (ks_map_snapshot_get_type ())
GType          ks_map_snapshot_get_type     (void) G_GNUC_CONST;

/* A new, empty array of KsMapNodeState that frees its nodes' strings. */
GArray        *ks_map_node_states_new       (void);
/* Appends a node (the strings are copied). */
void           ks_map_node_states_add       (GArray            *nodes,
                                             const char        *name,
                                             KsNodeKind         kind,
                                             KsDecisionPower    power,
                                             KsRelationship     relationship,
                                             KsAttitude         attitude,
                                             const char        *owner);
/* Sorts by name (byte order) and refuses a name given twice. */
gboolean       ks_map_node_states_sort      (GArray            *nodes,
                                             GError           **error);
/* The stored form: a compact JSON array of objects {name, kind, power,
 * relationship, attitude, owner} (power as 0–3, owner null when none). */
char          *ks_map_node_states_to_json   (GArray            *nodes);
GArray        *ks_map_node_states_from_json (const char        *text,
                                             GError           **error);

KsMapSnapshot *ks_map_snapshot_new          (gint64             account_id,
                                             const char        *taken,
                                             const char        *label);
KsMapSnapshot *ks_map_snapshot_copy         (const KsMapSnapshot *self);
void           ks_map_snapshot_free         (KsMapSnapshot     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsMapSnapshot, ks_map_snapshot_free)

/* The account's map as it is now (id 0; taken = today, label ""). */
KsMapSnapshot *ks_map_snapshot_current      (KsWorkspace       *workspace,
                                             gint64             account_id,
                                             GError           **error);
/* Stores the current map as of @taken (YYYY-MM-DD; NULL = today) with a
 * label, as one user action ("Save snapshot"). Returns it, with its id. */
KsMapSnapshot *ks_map_snapshot_save         (KsWorkspace       *workspace,
                                             gint64             account_id,
                                             const char        *taken,
                                             const char        *label,
                                             GError           **error);
/* Of KsMapSnapshot, oldest first (by date, then in the order saved). */
GPtrArray     *ks_map_snapshot_list         (KsWorkspace       *workspace,
                                             gint64             account_id,
                                             GError           **error);
KsMapSnapshot *ks_map_snapshot_load         (KsWorkspace       *workspace,
                                             gint64             id,
                                             GError           **error);
gboolean       ks_map_snapshot_delete       (KsWorkspace       *workspace,
                                             gint64             id,
                                             GError           **error);

/* What changed from @older to @newer: of KsMapChange, by node name, then in
 * the order of KsMapChangeKind. A node that changed kind counts as one
 * change of each attribute that differs, not as removed and added. */
GPtrArray     *ks_map_snapshot_diff         (const KsMapSnapshot *older,
                                             const KsMapSnapshot *newer);
void           ks_map_change_free           (KsMapChange       *change);
const char    *ks_map_change_kind_to_string (KsMapChangeKind    kind);  /* "added", "attitude"... */
/* A sentence for people: "Dr. Hartmann: attitude neutral → supporter". */
char          *ks_map_change_describe       (const KsMapChange *change);

G_END_DECLS
