/* ks-schema.c — the workspace schema, one migration per version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Once a migration has shipped it never changes: add a new step instead.
 * Each step runs in its own transaction together with its PRAGMA user_version.
 * Every table keeps its rowid: the undo log (ks-undo.c) addresses rows by it.
 */
#define G_LOG_DOMAIN "ks-schema"

#include "ks-schema-private.h"

static const char *const migrations[] = {
  /* 1: accounts, people, account teams, contacts, products, opportunities */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  team TEXT NOT NULL DEFAULT '',"
  "  region TEXT NOT NULL DEFAULT '',"
  "  area TEXT NOT NULL DEFAULT '',"
  "  manager_id INTEGER REFERENCES people (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX people_manager ON people (manager_id);"
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),"
  "  parent_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,"
  "  sector TEXT NOT NULL DEFAULT '',"
  "  country TEXT NOT NULL DEFAULT '',"
  "  time_zone TEXT NOT NULL DEFAULT '',"
  "  year_established INTEGER,"
  "  revenue REAL CHECK (revenue IS NULL OR revenue >= 0),"
  "  employees INTEGER CHECK (employees IS NULL OR employees >= 0),"
  "  owner_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  segment TEXT NOT NULL DEFAULT 'normal' CHECK (segment IN ('key', 'important', 'normal')),"
  "  lifecycle TEXT NOT NULL DEFAULT 'development'"
  "    CHECK (lifecycle IN ('acquisition', 'development', 'retention', 'win-back')),"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX accounts_parent ON accounts (parent_id);"
  "CREATE INDEX accounts_owner ON accounts (owner_id);"
  "CREATE TABLE account_team ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  core INTEGER NOT NULL DEFAULT 1 CHECK (core IN (0, 1)),"
  "  role TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (account_id, person_id)"
  ");"
  "CREATE INDEX account_team_person ON account_team (person_id);"
  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  department TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  channel TEXT NOT NULL DEFAULT '',"
  "  time_zone TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (account_id, name)"
  ");"
  "CREATE TABLE products ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),"
  "  series TEXT NOT NULL DEFAULT '',"
  "  price REAL CHECK (price IS NULL OR price >= 0)"
  ");"
  "CREATE TABLE opportunities ("
  "  id INTEGER PRIMARY KEY,"
  "  ref TEXT NOT NULL UNIQUE CHECK (length (trim (ref)) > 0),"
  "  account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,"
  "  product_id INTEGER REFERENCES products (id) ON DELETE SET NULL,"
  "  owner_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  stage TEXT NOT NULL DEFAULT '',"
  "  value REAL,"
  "  engage_date TEXT,"
  "  close_date TEXT,"
  "  expected_close_date TEXT"
  ");"
  "CREATE INDEX opportunities_account ON opportunities (account_id);"
  "CREATE INDEX opportunities_product ON opportunities (product_id);"
  "CREATE INDEX opportunities_owner ON opportunities (owner_id);"
  "CREATE INDEX opportunities_stage ON opportunities (stage);",

  /* 2: the power map. Contacts gain their map attributes (the strings of
   * ks-powermap-types.h; power 0 = not known, 1 = high ... 3 = low; roles are
   * KsBuyingRoles flags; x/y NULL = not placed on the canvas yet). Lines join
   * two contacts of one account; snapshots keep the nodes' states as JSON. */
  "ALTER TABLE contacts ADD COLUMN kind TEXT NOT NULL DEFAULT 'contact'"
  "  CHECK (kind IN ('contact', 'competitor', 'third-party'));"
  "ALTER TABLE contacts ADD COLUMN power INTEGER NOT NULL DEFAULT 0"
  "  CHECK (power BETWEEN 0 AND 3);"
  "ALTER TABLE contacts ADD COLUMN relationship TEXT NOT NULL DEFAULT 'unknown'"
  "  CHECK (relationship IN ('unknown', 'positive', 'neutral', 'poor'));"
  "ALTER TABLE contacts ADD COLUMN attitude TEXT NOT NULL DEFAULT 'unknown'"
  "  CHECK (attitude IN ('unknown', 'supporter', 'neutral', 'opponent'));"
  "ALTER TABLE contacts ADD COLUMN level TEXT NOT NULL DEFAULT 'unknown'"
  "  CHECK (level IN ('unknown', 'operational', 'management', 'executive'));"
  "ALTER TABLE contacts ADD COLUMN roles INTEGER NOT NULL DEFAULT 0"
  "  CHECK (roles BETWEEN 0 AND 63);"
  "ALTER TABLE contacts ADD COLUMN owner_id INTEGER REFERENCES people (id) ON DELETE SET NULL;"
  "ALTER TABLE contacts ADD COLUMN last_contact TEXT"
  "  CHECK (last_contact IS NULL OR"
  "         (length (last_contact) = 10 AND"
  "          last_contact GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'));"
  "ALTER TABLE contacts ADD COLUMN x REAL;"
  "ALTER TABLE contacts ADD COLUMN y REAL;"
  "ALTER TABLE contacts ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));"
  "CREATE INDEX contacts_owner ON contacts (owner_id);"
  "CREATE TABLE contact_lines ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  from_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  to_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('reports-to', 'dotted', 'influence')),"
  "  strength INTEGER CHECK (strength IS NULL OR strength BETWEEN 1 AND 3),"
  "  CHECK (from_id <> to_id),"
  "  UNIQUE (from_id, to_id, kind)"
  ");"
  "CREATE INDEX contact_lines_account ON contact_lines (account_id);"
  "CREATE INDEX contact_lines_to ON contact_lines (to_id);"
  "CREATE TABLE map_snapshots ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  taken TEXT NOT NULL"
  "    CHECK (length (taken) = 10 AND taken GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  label TEXT NOT NULL DEFAULT '',"
  "  data TEXT NOT NULL DEFAULT '[]'"
  ");"
  "CREATE INDEX map_snapshots_account ON map_snapshots (account_id, taken);",
};

guint
ks_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
ks_schema_migration (guint version)
{
  g_return_val_if_fail (version >= 1 && version <= G_N_ELEMENTS (migrations), NULL);

  return migrations[version - 1];
}
