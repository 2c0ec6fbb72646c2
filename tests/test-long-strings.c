/* test-long-strings.c — every view of the window survives translations
 * twice as long as the English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite 'display') in a pseudo-language whose catalogue
 * (tests/make-pseudo-catalogue.py, built by meson) doubles every letter
 * of every string: "Accounts" is "AAccccoouunnttss". German runs about a
 * third longer than English, single words far more; this is harder than
 * any real language. The locale is de_DE.UTF-8 (LANGUAGE=pseudo picks the
 * catalogue; gettext ignores LANGUAGE in the C locale), so numbers are
 * formatted the German way too.
 *
 * On the demo workspace, a 1280 × 800 window (the default size) shows each
 * page and view in turn: the accounts page's profile, power map, plan and
 * RACI tabs, People, the portfolio's four views, RACI, the funnel's four
 * views. After each, the window's minimum size must still fit 1280 × 800:
 * a label that neither wraps nor ellipsizes makes its window wider than
 * the screen, and then a part of the view is cut off. When one does not
 * fit, the message names the widgets, from the window down, whose minimum
 * width exceeds the window's, so the culprit is found at once.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ks-funnel-page.h"
#include "ks-json.h"
#include "ks-portfolio-page.h"
#include "ks-test-display.h"
#include "ks-window.h"
#include "ks-workspace.h"

#define WIDTH  1280
#define HEIGHT 800

static char *tmpdir;
static KsWorkspace *workspace;
static KsWindow *window;

/* Helpers */

/* The chain of widgets from @widget down, the widest child each time, while
 * it is wider than a third of @limit. */
static void
describe_wide (GtkWidget *widget,
               int        limit,
               GString   *out,
               guint      depth)
{
  GtkWidget *widest = NULL;
  int widest_min = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int min = 0;

      if (!gtk_widget_get_visible (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > widest_min)
        {
          widest_min = min;
          widest = c;
        }
    }
  /* below the limit only the widest part of a row of them matters: go
   * on while the widest is over a third of it */
  if (!widest || widest_min <= limit / 3 || depth > 40)
    {
      /* a row of parts, none of them too wide alone: list them */
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        {
          int min = 0;

          if (!gtk_widget_get_visible (c))
            continue;
          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
          g_string_append_printf (out, "\n%*s· %s (%s) %d", (int) depth * 2, "", G_OBJECT_TYPE_NAME (c),
                                  gtk_widget_get_css_name (c), min);
          if (GTK_IS_LABEL (c))
            g_string_append_printf (out, ": “%s”", gtk_label_get_text (GTK_LABEL (c)));
          else if (GTK_IS_BUTTON (c) && gtk_button_get_label (GTK_BUTTON (c)))
            g_string_append_printf (out, ": “%s”", gtk_button_get_label (GTK_BUTTON (c)));
          else if (GTK_IS_MENU_BUTTON (c) && gtk_menu_button_get_label (GTK_MENU_BUTTON (c)))
            g_string_append_printf (out, ": “%s”", gtk_menu_button_get_label (GTK_MENU_BUTTON (c)));
        }
      return;
    }
  g_string_append_printf (out, "\n%*s%s (%s) min width %d", (int) depth * 2, "",
                          G_OBJECT_TYPE_NAME (widest), gtk_widget_get_css_name (widest), widest_min);
  if (GTK_IS_LABEL (widest))
    g_string_append_printf (out, ": “%s”", gtk_label_get_text (GTK_LABEL (widest)));
  else if (GTK_IS_BUTTON (widest) && gtk_button_get_label (GTK_BUTTON (widest)))
    g_string_append_printf (out, ": “%s”", gtk_button_get_label (GTK_BUTTON (widest)));
  describe_wide (widest, limit, out, depth + 1);
}

static void
assert_fits (const char *what)
{
  int min_w = 0, min_h = 0;

  ks_test_wait_for_idle ();
  ks_test_wait_for_paint (GTK_WIDGET (window));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, WIDTH, &min_h, NULL, NULL, NULL);
  if (min_w > WIDTH || min_h > HEIGHT)
    {
      g_autoptr(GString) chain = g_string_new (NULL);

      describe_wide (GTK_WIDGET (window), WIDTH, chain, 0);
      g_test_message ("TOO WIDE %s:%s", what, chain->str);
      g_test_fail_printf ("%s: the window needs at least %d × %d with strings twice as long, over %d × %d:%s",
                          what, min_w, min_h, WIDTH, HEIGHT, chain->str);
      return;
    }
  g_test_message ("%s: minimum %d × %d", what, min_w, min_h);
}

/* Tests */

static void
test_catalogue_active (void)
{
  /* the pseudo-language is what the window speaks */
  g_assert_cmpstr (_("Accounts"), ==, "AAccccoouunnttss");
}

static void
test_account_views (void)
{
  static const char *const views[] = { "profile", "map", "plan", "raci" };

  ks_window_set_page (window, "accounts");
  g_assert_true (ks_window_select_account_name (window, "Kessler Automotive Group"));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *what = g_strdup_printf ("the account's %s", views[i]);

      ks_window_set_account_view (window, views[i]);
      assert_fits (what);
    }
}

static void
test_people (void)
{
  ks_window_set_page (window, "people");
  assert_fits ("People");
}

static void
test_portfolio_views (void)
{
  static const char *const views[] = { "matrix", "abc", "ranking", "scores" };
  KsPortfolioPage *portfolio;

  ks_window_set_page (window, "portfolio");
  portfolio = KS_PORTFOLIO_PAGE (ks_window_get_portfolio_page (window));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *what = g_strdup_printf ("the portfolio's %s", views[i]);

      ks_portfolio_page_set_view (portfolio, views[i]);
      assert_fits (what);
    }
}

static void
test_raci (void)
{
  ks_window_set_page (window, "raci");
  assert_fits ("RACI");
}

static void
test_funnel_views (void)
{
  static const char *const views[] = { "funnel", "forecast", "opportunities", "evaluation" };
  KsFunnelPage *funnel;

  ks_window_set_page (window, "funnel");
  funnel = KS_FUNNEL_PAGE (ks_window_get_funnel_page (window));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *what = g_strdup_printf ("the funnel's %s", views[i]);

      ks_funnel_page_set_view (funnel, views[i]);
      ks_funnel_page_flush (funnel);
      assert_fits (what);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mo = NULL, *dir = NULL, *messages = NULL, *contents = NULL;
  gsize length;
  int status;

  if (!ks_test_display_init_translated (&argc, &argv, &tmpdir, "pseudo"))
    return 0;
  /* the catalogue meson made, where gettext looks for "pseudo" */
  mo = g_build_filename (g_getenv ("KEYSTONE_BUILD_ROOT"), "tests", "keystone-pseudo.mo", NULL);
  g_assert_true (g_file_get_contents (mo, &contents, &length, &error));
  dir = g_build_filename (tmpdir, "locale", NULL);
  messages = g_build_filename (dir, "pseudo", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0755), ==, 0);
  g_clear_pointer (&mo, g_free);
  mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_set_contents (mo, contents, length, &error));
  ks_test_bind_catalogues (dir);

  window = ks_test_demo_window (tmpdir, &workspace);

  g_test_add_func ("/app/long-strings/catalogue-active", test_catalogue_active);
  g_test_add_func ("/app/long-strings/account-views", test_account_views);
  g_test_add_func ("/app/long-strings/people", test_people);
  g_test_add_func ("/app/long-strings/portfolio-views", test_portfolio_views);
  g_test_add_func ("/app/long-strings/raci", test_raci);
  g_test_add_func ("/app/long-strings/funnel-views", test_funnel_views);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&workspace);
  return status;
}
