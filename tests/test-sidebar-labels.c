/* test-sidebar-labels.c — the sidebar's five places keep their whole names
 * in every language Keystone ships
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display'). The sidebar's view switcher names
 * Accounts, People, Portfolio, RACI and Funnel under their icons; at 300
 * pixels the Finnish "Asiakkaat" was cut to "Asiakk…" (and the other
 * languages' longer names too), so the sidebar opens at 340. For each of
 * fi, nb and de (the catalogues meson builds into build/po) and English, a
 * demo window of the default 1280 × 800 is opened and every label of the
 * switcher that shows must be whole, not ellipsized. The locale is
 * de_DE.UTF-8 (gettext ignores LANGUAGE in the C locale).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ks-test-display.h"
#include "ks-window.h"
#include "ks-workspace.h"

/* GNU gettext: bumped after LANGUAGE changes, so that it looks again */
extern int _nl_msg_cat_cntr;

static char *tmpdir;

/* The switcher whose stack has a "funnel" page: the sidebar's. */
static AdwViewSwitcher *
find_sidebar_switcher (GtkWidget *widget)
{
  if (ADW_IS_VIEW_SWITCHER (widget))
    {
      AdwViewStack *stack = adw_view_switcher_get_stack (ADW_VIEW_SWITCHER (widget));

      if (stack && adw_view_stack_get_child_by_name (stack, "funnel"))
        return ADW_VIEW_SWITCHER (widget);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwViewSwitcher *found = find_sidebar_switcher (c);

      if (found)
        return found;
    }
  return NULL;
}

/* The labels under @widget that show, with their texts cut (ellipsized). */
static void
collect_cut (GtkWidget *widget,
             guint     *shown,
             GString   *cut)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      (*shown)++;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_string_append_printf (cut, "%s“%s” (%d px)", cut->len ? ", " : "",
                                gtk_label_get_text (GTK_LABEL (widget)), gtk_widget_get_width (widget));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_cut (c, shown, cut);
}

static void
test_language (gconstpointer data)
{
  const char *language = data;
  g_autofree char *dir = g_build_filename (tmpdir, language, NULL);
  g_autoptr(KsWorkspace) workspace = NULL;
  g_autoptr(GString) cut = g_string_new (NULL);
  KsWindow *window;
  AdwViewSwitcher *switcher;
  guint shown = 0;

  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  window = ks_test_demo_window (dir, &workspace);
  if (!g_str_equal (language, "en"))
    /* the catalogue is the one in use: the first place is not "Accounts"
     * in Finnish or Norwegian (German keeps the English word) */
    g_assert_cmpstr (_("Could not connect to the team workspace: %s"), !=,
                     "Could not connect to the team workspace: %s");

  switcher = find_sidebar_switcher (GTK_WIDGET (window));
  g_assert_nonnull (switcher);
  collect_cut (GTK_WIDGET (switcher), &shown, cut);
  /* five places, each a label that shows */
  g_assert_cmpuint (shown, >=, 5);
  if (cut->len)
    g_error ("%s: the sidebar cuts %s", language, cut->str);

  gtk_window_destroy (GTK_WINDOW (window));
  ks_test_wait_for_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *catalogues = NULL;

  if (!ks_test_display_init_translated (&argc, &argv, &tmpdir, "en"))
    return 0;
  /* the catalogues meson built: build/po/LL/LC_MESSAGES/keystone.mo */
  catalogues = g_build_filename (g_getenv ("KEYSTONE_BUILD_ROOT"), "po", NULL);
  ks_test_bind_catalogues (catalogues);

  g_test_add_data_func ("/app/sidebar-labels/en", "en", test_language);
  g_test_add_data_func ("/app/sidebar-labels/fi", "fi", test_language);
  g_test_add_data_func ("/app/sidebar-labels/nb", "nb", test_language);
  g_test_add_data_func ("/app/sidebar-labels/de", "de", test_language);
  return g_test_run ();
}
