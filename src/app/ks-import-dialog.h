/* ks-import-dialog.h — the dialog that reports an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-app-util.h"
#include "ks-csv.h"

G_BEGIN_DECLS

/* "8,800 opportunities": the plural form by the count, the number grouped. */
#define KS_FORMAT_COUNT(singular, plural, n) \
  ({ g_autofree char *number_ = ks_format_number ((n), 0); \
     g_strdup_printf (ngettext (singular, plural, (n)), number_); })

/* Shows what an import did, over @parent's window: when @ok, @summary (what
 * came in), that Undo takes it back, and the warnings to check; otherwise
 * that nothing was imported and the errors to fix (file:line:column:
 * message each), or @error's message when the report has none. Returns the
 * dialog. */
GtkWindow *ks_import_dialog_show (GtkWidget            *parent,
                                  gboolean              ok,
                                  const char           *summary,
                                  const KsImportReport *report,
                                  const GError         *error);

G_END_DECLS
