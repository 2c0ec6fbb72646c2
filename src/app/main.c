/* main.c — start Keystone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "keystone"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ks-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KsApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* KEYSTONE_LOCALEDIR: the catalogues of a build tree (build-aux/run) */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEYSTONE_LOCALEDIR") ? g_getenv ("KEYSTONE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ks_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
