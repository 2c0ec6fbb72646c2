/* ks-search-private.h — for core files only: bulk loads and the search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-search.h"

G_BEGIN_DECLS

typedef struct _KsSearchBulk KsSearchBulk;

typedef enum
{
  KS_SEARCH_BULK_ACCOUNTS,
  KS_SEARCH_BULK_PEOPLE,
  KS_SEARCH_BULK_OPPORTUNITIES,
} KsSearchBulkTable;

/* Around a bulk INSERT into @table, inside the caller's transaction:
 * begin drops the table's insert triggers into the index (keeping their
 * text from the schema); end indexes the rows added since in one
 * statement (accounts, people) or notes their ids in search_pending
 * (opportunities: indexed by ks_search_catch_up () before the next
 * search), puts the triggers back, and frees @bulk whatever happens. A
 * transaction that rolls back restores the triggers and forgets the ids
 * by itself; free a bulk that never ends with ks_search_bulk_free (). */
KsSearchBulk *ks_search_bulk_begin (KsWorkspace        *workspace,
                                    KsSearchBulkTable   table,
                                    GError            **error);
gboolean      ks_search_bulk_end   (KsWorkspace        *workspace,
                                    KsSearchBulk       *bulk,
                                    GError            **error);
void          ks_search_bulk_free  (KsSearchBulk       *bulk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsSearchBulk, ks_search_bulk_free)

G_END_DECLS
