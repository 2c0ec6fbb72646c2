/* ks-search-private.h — for core files only: bulk loads and the search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-search.h"

G_BEGIN_DECLS

typedef struct _KsSearchBulk KsSearchBulk;

/* Around a bulk INSERT of opportunities, inside the caller's transaction:
 * begin drops the per-row index trigger (keeping its text from the
 * schema), end notes the ids added since in search_pending (indexed by
 * ks_search_catch_up () before the next search) and puts the trigger
 * back, and frees @bulk whatever happens. A transaction that rolls back
 * restores the trigger and forgets the ids by itself. */
KsSearchBulk *ks_search_bulk_begin (KsWorkspace   *workspace,
                                    GError       **error);
gboolean      ks_search_bulk_end   (KsWorkspace   *workspace,
                                    KsSearchBulk  *bulk,
                                    GError       **error);

G_END_DECLS
