#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the MIME package recognises Keystone workspaces.

Builds a private MIME database from the system's freedesktop.org.xml plus our
package, then asks GIO for the content type of
  - a workspace named *.keystone             -> application/x-keystone-workspace
  - a workspace without the extension        -> application/x-keystone-workspace (magic)
  - another SQLite file without an extension -> application/vnd.sqlite3
The workspaces carry the PRAGMA application_id that src/core/ks-workspace.c
writes (KS_APPLICATION_ID), read from the source so the two cannot drift apart.

Usage: check-mime.py SOURCE_ROOT MIME_XML
Exit 77 (skipped) when update-mime-database, gio or the freedesktop.org
database is not installed.
"""
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

WORKSPACE_TYPE = "application/x-keystone-workspace"
SQLITE_TYPE = "application/vnd.sqlite3"
SKIP = 77


def find_system_package():
    dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    for d in dirs.split(":") + ["/usr/share"]:
        path = os.path.join(d, "mime", "packages", "freedesktop.org.xml")
        if os.path.isfile(path):
            return path
    return None


def read_application_id(source_root):
    path = os.path.join(source_root, "src", "core", "ks-workspace.c")
    with open(path, encoding="utf-8") as f:
        m = re.search(r"#define\s+KS_APPLICATION_ID\s+(0x[0-9A-Fa-f]+|\d+)", f.read())
    if not m:
        raise SystemExit(f"no KS_APPLICATION_ID in {path}")
    return int(m.group(1), 0)


def make_sqlite(path, application_id):
    db = sqlite3.connect(path)
    if application_id is not None:
        db.execute(f"PRAGMA application_id = {application_id:d}")
    db.execute("CREATE TABLE t (x INTEGER)")
    db.commit()
    db.close()


def content_type(path, env):
    out = subprocess.run(["gio", "info", "-a", "standard::content-type", path],
                         env=env, capture_output=True, text=True, check=True).stdout
    m = re.search(r"standard::content-type:\s*(\S+)", out)
    return m.group(1) if m else None


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    source_root, mime_xml = argv[1], argv[2]
    system_package = find_system_package()
    if not (shutil.which("update-mime-database") and shutil.which("gio") and system_package):
        print("skipped: needs update-mime-database, gio and shared-mime-info")
        return SKIP

    application_id = read_application_id(source_root)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="keystone-mime-") as tmp:
        share = os.path.join(tmp, "share")
        packages = os.path.join(share, "mime", "packages")
        os.makedirs(packages)
        os.makedirs(os.path.join(tmp, "home"))
        shutil.copy(system_package, packages)
        shutil.copy(mime_xml, os.path.join(packages, os.path.basename(mime_xml)))
        env = dict(os.environ, XDG_DATA_DIRS=share, XDG_DATA_HOME=os.path.join(tmp, "home"),
                   GIO_USE_VFS="local", GIO_USE_VOLUME_MONITOR="unix")
        subprocess.run(["update-mime-database", os.path.join(share, "mime")], env=env, check=True)
        cases = [
            ("named.keystone", application_id, WORKSPACE_TYPE),
            ("workspace-without-extension", application_id, WORKSPACE_TYPE),
            ("other-sqlite-without-extension", None, SQLITE_TYPE),
        ]
        for name, app_id, expected in cases:
            path = os.path.join(tmp, name)
            make_sqlite(path, app_id)
            got = content_type(path, env)
            ok = got == expected
            failures += not ok
            print(f"{'ok' if ok else 'FAIL'}: {name}: {got} (expected {expected})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
