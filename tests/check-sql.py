#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No SQL built from user text (QUALITY.md §2), checked in the sources.

Usage: tests/check-sql.py SOURCE_ROOT

1. SQLite is used only in src/core: no other folder calls sqlite3_*.
2. In src/core, SQL assembled at run time (a printf-style format or a GString
   append whose text holds SQL words) appears only in the functions listed in
   ALLOWED below, each of which fills in identifiers that come from the
   schema or the plan template, or numbers, never text a user typed or a file
   held. Anything else is reported with file, line and the statement.
3. Nobody uses sqlite3_mprintf/sqlite3_snprintf (quoting by hand).
4. In src/core, only the files in SQLITE_FILES below reach SQLite itself
   (sqlite3_*, SQLITE_*, <sqlite3.h>, ks-workspace-sqlite.h); every other
   file runs its statements through the interface in ks-db.h, so that a
   second database engine is new files, not a rewrite.

5. Every UPDATE of a table with row versions (schema step 10) adds one to
   version as its first assignment, so that a save made from a row read
   earlier sees any change since (no lost updates on a team workspace).

The script checks itself first: a snippet that builds SQL from a name must be
reported, or the check is broken.
"""
import os
import re
import sys

SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WHERE|VALUES|TRIGGER)\b")
BUILDERS = re.compile(r"\b(g_strdup_printf|g_string_append_printf|g_string_printf|g_snprintf|"
                      r"g_strconcat|g_string_append|g_string_append_len)\s*\(")
FORBIDDEN = re.compile(r"\bsqlite3_(mprintf|vmprintf|snprintf)\s*\(")
FUNCTION = re.compile(r"^([a-z_][a-z0-9_]*)\s*\(", re.M)

# file → functions allowed to assemble SQL, and why.
ALLOWED = {
    "src/core/ks-plan.c": {
        # column and table names from ks-plan-template.c
        "build_sql",
    },
    "src/core/ks-undo.c": {
        # trigger text over our own tables' columns (PRAGMA table_info)
        "create_triggers", "ks_undo_free",
    },
    "src/core/ks-workspace.c": {
        # numbers (schema version, application id) and index names read from sqlite_schema
        "run_migration_step", "ks_workspace_drop_indexes",
    },
    "src/core/ks-workspace-copy.c": {
        # table names from ks_workspace_tables (), columns from the schema's catalogue
        "copy_table", "clear_table",
    },
    "src/core/ks-workspace-server.c": {
        # the schema version (a number) and index names read from pg_index
        "ks_workspace_server_migrate_step", "ks_workspace_server_drop_indexes",
    },
}


# The core files that use SQLite itself, and why.
SQLITE_FILES = {
    "src/core/ks-db-sqlite.c": "the statement interface (ks-db.h) over SQLite",
    "src/core/ks-workspace-sqlite.h": "what the files below share",
    "src/core/ks-workspace.c": "opening the file, migrations, PRAGMAs, change notification (update hook)",
    "src/core/ks-undo.c": "undo and redo by temporary triggers",
    "src/core/ks-crm-import-pipeline.c": "the bulk load of opportunities through a virtual table",
}
SQLITE_USE = re.compile(r"\bsqlite3_|\bSQLITE_[A-Z_]+\b|#include\s*<sqlite3\.h>|ks-workspace-sqlite\.h")


# Schema step 10: the tables whose rows carry a version.
VERSIONED = ("people", "accounts", "contacts", "opportunities", "account_plans", "plan_objectives",
             "plan_products", "plan_meetings", "plan_projects", "plan_actions", "plan_notes")
# "%s" stands for a plan list's table (ks-plan.c's build_sql); the upsert of
# account_plans names its own column.
VERSIONED_UPDATE = re.compile(r'\bUPDATE (?:\\")?(%s|%%s)(?:\\")? SET\b' % "|".join(VERSIONED))
VERSION_FIRST = re.compile(r'^[\s"\\]*version = version \+ 1,')
UPSERT_PLAN = re.compile(r'ON CONFLICT \(account_id\) DO UPDATE SET')


def check_versions(path, text):
    """Rule 5: an UPDATE of a versioned table bumps its version first."""
    if path in ("src/core/ks-schema.c", "src/core/ks-undo.c"):
        return []   # shipped migrations; undo puts whole rows back
    problems = []
    for m in VERSIONED_UPDATE.finditer(text):
        if not VERSION_FIRST.match(text[m.end():m.end() + 80]):
            problems.append("%s:%d: UPDATE %s does not begin with version = version + 1"
                            % (path, text.count("\n", 0, m.start()) + 1, m.group(1)))
    for m in UPSERT_PLAN.finditer(text):
        if "version = account_plans.version + 1" not in text[m.end():m.end() + 200]:
            problems.append("%s:%d: the plan's upsert does not add one to its version"
                            % (path, text.count("\n", 0, m.start()) + 1))
    return problems


def check_engine(path, text):
    """Rule 4: SQLite itself only in SQLITE_FILES."""
    if path in SQLITE_FILES:
        return []
    m = SQLITE_USE.search(text)
    if not m:
        return []
    return ["%s:%d: uses SQLite itself (%s); go through ks-db.h, or name the file in SQLITE_FILES with a reason"
            % (path, text.count("\n", 0, m.start()) + 1, m.group(0))]


def functions_by_line(text):
    """For each line number (from 1), the name of the function it is in."""
    owners = {}
    current = None
    for number, line in enumerate(text.split("\n"), start=1):
        m = FUNCTION.match(line)
        if m:
            current = m.group(1)
        owners[number] = current
    return owners


def statements(text):
    """(line, text) of each builder call, joined across lines up to its ';'."""
    for m in BUILDERS.finditer(text):
        end, quoted, escaped = m.end(), False, False
        while end < len(text):
            c = text[end]
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                quoted = not quoted
            elif c == ";" and not quoted:
                break
            end += 1
        yield text.count("\n", 0, m.start()) + 1, text[m.start():end]


def check_file(path, text, allowed):
    problems = []
    owners = functions_by_line(text)
    for line, stmt in statements(text):
        literals = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', stmt))
        if not SQL_WORDS.search(literals):
            continue
        function = owners.get(line)
        if function not in allowed:
            problems.append("%s:%d: SQL assembled at run time in %s(): %s"
                            % (path, line, function or "?", " ".join(stmt.split())[:120]))
    for m in FORBIDDEN.finditer(text):
        problems.append("%s:%d: %s quotes SQL by hand; bind parameters instead"
                        % (path, text.count("\n", 0, m.start()) + 1, m.group(0)))
    return problems


def self_test():
    snippet = ('static void\nfind (const char *name)\n{\n'
               '  char *sql = g_strdup_printf ("SELECT id FROM accounts WHERE name = \'%s\'", name);\n}\n')
    found = check_file("snippet.c", snippet, set())
    if len(found) != 1 or "find()" not in found[0]:
        sys.exit("check-sql.py is broken: it did not report SQL built from a name (%r)" % found)
    if check_file("snippet.c", snippet, {"find"}):
        sys.exit("check-sql.py is broken: an allowed function was reported")
    engine = "static int\nstep (sqlite3_stmt *stmt)\n{\n  return sqlite3_step (stmt);\n}\n"
    if len(check_engine("src/core/ks-snippet.c", engine)) != 1 or check_engine("src/core/ks-undo.c", engine):
        sys.exit("check-sql.py is broken: SQLite outside the listed files was not reported, or was in them")
    stale = 'stmt = prepare (ws, "UPDATE accounts SET name = ?2 WHERE id = ?1");\n'
    bumped = 'stmt = prepare (ws, "UPDATE accounts SET "\n  "version = version + 1, name = ?2 WHERE id = ?1");\n'
    if len(check_versions("src/core/ks-snippet.c", stale)) != 1 or check_versions("src/core/ks-snippet.c", bumped):
        sys.exit("check-sql.py is broken: an UPDATE that keeps the version was not reported, or one that bumps it was")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    self_test()
    problems = []
    checked = 0
    for folder in ("src/core", "src/render", "src/app", "src/cli"):
        for name in sorted(os.listdir(os.path.join(root, folder))):
            if not name.endswith((".c", ".h")):
                continue
            rel = folder + "/" + name
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                text = f.read()
            checked += 1
            if folder != "src/core":
                if re.search(r"\bsqlite3_|#include\s*<sqlite3\.h>|ks-workspace-private\.h", text):
                    problems.append("%s: uses SQLite or the workspace's private header outside src/core" % rel)
                continue
            problems += check_file(rel, text, ALLOWED.get(rel, set()))
            problems += check_engine(rel, text)
            problems += check_versions(rel, text)
    for p in problems:
        print(p)
    print("%d files checked, %d problems" % (checked, len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
