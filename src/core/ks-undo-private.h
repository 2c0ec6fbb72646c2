/* ks-undo-private.h — the undo log behind KsWorkspace (core only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-workspace-private.h"

G_BEGIN_DECLS

typedef struct _KsUndo KsUndo;

KsUndo     *ks_undo_new              (KsWorkspace        *workspace,
                                      const char * const *tables,
                                      guint               n_tables,
                                      GError            **error);
void        ks_undo_free             (KsUndo             *self);
void        ks_undo_clear            (KsUndo             *self);
const char *ks_undo_get_label        (KsUndo             *self,
                                      gboolean            redo);

/* Inside a user transaction. */
gboolean    ks_undo_begin_step       (KsUndo             *self,
                                      GError            **error);
gboolean    ks_undo_end_step         (KsUndo             *self,
                                      const char         *label,
                                      GError            **error);
void        ks_undo_step_committed   (KsUndo             *self);
void        ks_undo_step_abandoned   (KsUndo             *self);

/* Inside an undo/redo transaction. */
gboolean    ks_undo_replay           (KsUndo             *self,
                                      gboolean            redo,
                                      GError            **error);
void        ks_undo_replay_committed (KsUndo             *self,
                                      gboolean            redo);
void        ks_undo_replay_abandoned (KsUndo             *self);

G_END_DECLS
