/* ks-account-page-private.h — the account page's instance, for its own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-account-page.c (the page: header, profile fields, notes, deleting),
 * ks-account-team.c (the account team and its dialog),
 * ks-account-opportunities.c (the opportunities) and ks-account-score-card.c
 * (the scores) only.
 */
#pragma once

#include <adwaita.h>

#include "ks-account.h"
#include "ks-account-page.h"
#include "ks-app-util.h"

G_BEGIN_DECLS

/* The rows of the account's slice of the funnel (ks-account-opportunities.c). */
#define KS_ACCOUNT_FUNNEL_N_STATS 5

typedef enum
{
  FIELD_NAME,
  FIELD_SECTOR,
  FIELD_COUNTRY,
  FIELD_TIME_ZONE,
  FIELD_REVENUE,
  FIELD_EMPLOYEES,
  FIELD_YEAR,
  N_FIELDS
} Field;

struct _KsAccountPage
{
  GtkWidget            parent_instance;

  KsWorkspace         *workspace;
  gint64               account_id;
  KsAccount           *account;            /* as last loaded */
  char                *loaded[N_FIELDS];   /* what each entry row showed when loaded */
  AdwEntryRow         *rows[N_FIELDS];
  GArray              *parent_ids;         /* gint64 per parent_row position; 0 = none */
  GArray              *owner_ids;          /* gint64 per owner_row position; 0 = none */
  guint                notes_timeout_id;
  gboolean             notes_dirty;
  gboolean             updating;
  int                  applying;           /* the field being saved, or -1 */

  /* template */
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *name_label;
  GtkLabel            *segment_badge;
  GtkLabel            *summary_label;
  GtkLabel            *revenue_figure;
  GtkLabel            *employees_figure;
  GtkLabel            *open_figure;
  GtkLabel            *won_figure;
  AdwPreferencesGroup *profile_group;
  AdwPreferencesGroup *company_group;
  AdwPreferencesGroup *notes_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *sector_row;
  AdwEntryRow         *country_row;
  AdwEntryRow         *time_zone_row;
  AdwEntryRow         *revenue_row;
  AdwEntryRow         *employees_row;
  AdwEntryRow         *year_row;
  AdwComboRow         *parent_row;
  AdwComboRow         *owner_row;
  AdwComboRow         *segment_row;
  AdwComboRow         *lifecycle_row;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *team_group;
  AdwPreferencesGroup *opportunities_group;
  AdwPreferencesGroup *funnel_group;
  GtkListBox          *funnel_list;
  GtkWidget           *funnel_button;
  GtkWidget           *funnel_rows[KS_ACCOUNT_FUNNEL_N_STATS];
  GtkListBox          *team_list;
  GtkListBox          *opportunities_list;
  AdwPreferencesGroup *scores_group;
  GtkListBox          *scores_list;
  GtkWidget           *delete_button;
};

static inline const char *
nonnull (const char *s)
{
  return s ? s : "";
}

static inline void
show_error (KsAccountPage *self,
            const char    *heading,
            const GError  *error)
{
  ks_message_dialog_show (GTK_WIDGET (self), heading, error->message);
}

/* ks-account-team.c */
void _ks_account_page_refresh_team            (KsAccountPage  *self);
/* account.add-member, edit-member, remove-member */
void _ks_account_page_class_add_team_actions  (GtkWidgetClass *widget_class);

/* ks-account-opportunities.c */
void _ks_account_page_init_opportunities      (KsAccountPage  *self);
void _ks_account_page_refresh_opportunities   (KsAccountPage  *self);

/* ks-account-score-card.c */
void _ks_account_page_refresh_scores          (KsAccountPage  *self);

G_END_DECLS
