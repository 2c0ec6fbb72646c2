/* ks-test-util.h — shared helpers for the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary directory, removed (with its contents) at exit. */
char     *ks_test_tmpdir          (void);
/* ../shared/data/crm-sales-opportunities, or NULL when it is not beside the project. */
char     *ks_test_crm_dir         (void);
/* Full contents of a file (asserts it is readable). */
GBytes   *ks_test_read_bytes      (const char *path);
/* Writes text to dir/name and returns the path. */
char     *ks_test_write_file      (const char *dir,
                                   const char *name,
                                   const char *contents,
                                   gssize      length);
/* Path to a built program (keystone-cli), from KEYSTONE_BUILD_ROOT. */
char     *ks_test_build_path      (const char *relative);

G_END_DECLS
