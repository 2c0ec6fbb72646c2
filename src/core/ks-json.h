/* ks-json.h — the whole workspace as JSON (json-glib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * export → import into an empty workspace → export gives the same bytes.
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

char     *ks_json_export           (KsWorkspace  *workspace,
                                    GError      **error);   /* UTF-8, pretty-printed */
gboolean  ks_json_export_to_file   (KsWorkspace  *workspace,
                                    const char   *path,
                                    GError      **error);
/* Loads a workspace document in one transaction (one undo step). Refuses a
 * non-empty workspace unless replace is TRUE (then everything is replaced).
 * Errors name the file (origin, may be NULL), the line and column and why. */
gboolean  ks_json_import_data      (KsWorkspace  *workspace,
                                    const char   *data,
                                    gssize        length,
                                    const char   *origin,
                                    gboolean      replace,
                                    GError      **error);
gboolean  ks_json_import_file      (KsWorkspace  *workspace,
                                    const char   *path,
                                    gboolean      replace,
                                    GError      **error);

/* The demo workspace (a fictional company), loaded from the core's resources. */
gboolean  ks_json_load_demo        (KsWorkspace  *workspace,
                                    GError      **error);

G_END_DECLS
