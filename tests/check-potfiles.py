#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks po/POTFILES.in against the source tree.

Fails when
  - a file under src/ or ui/ with translatable strings (gettext calls such as
    _("..."), N_(), C_(), ngettext(), or translatable="yes" in a .ui file) is
    not listed;
  - a translatable data file (data/*.desktop.in, data/*.metainfo.xml.in,
    data/*.gschema.xml, data/*.mime.xml) is not listed;
  - POTFILES.in lists a file that does not exist, or lists a file twice.
Files named in po/POTFILES.skip are exempt. An unsorted POTFILES.in is
reported but does not fail.

Usage: check-potfiles.py [SOURCE_ROOT]   (default: the parent of this folder)
       check-potfiles.py --list [SOURCE_ROOT]   prints what POTFILES.in should hold
"""
import os
import re
import sys

C_SUFFIXES = (".c", ".h")
UI_SUFFIXES = (".ui",)
DATA_PATTERNS = (
    re.compile(r"^data/[^/]+\.desktop\.in$"),
    re.compile(r"^data/[^/]+\.metainfo\.xml\.in$"),
    re.compile(r"^data/[^/]+\.gschema\.xml$"),
    re.compile(r"^data/[^/]+\.mime\.xml$"),
)

# The keywords of meson's 'glib' xgettext preset, plus plain gettext.
C_CALL = re.compile(
    r"(?<![A-Za-z0-9_])"
    r"(?:_|N_|C_|NC_|Q_|g_dgettext|g_dcgettext|g_dngettext|g_dpgettext|g_dpgettext2|"
    r"gettext|dgettext|dcgettext|ngettext|dngettext|pgettext|npgettext|g_strip_context)"
    r"\s*\(")
UI_TRANSLATABLE = re.compile(r"""translatable\s*=\s*["'](?:yes|true|1)["']""", re.I)


def strip_c(text):
    """C text without comments, string and character literals (kept as "")."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def c_is_translatable(text):
    for line in strip_c(text).splitlines():
        if re.match(r"\s*#\s*define\b", line):
            continue  # a macro that defines _() itself is not a use
        if C_CALL.search(line):
            return True
    return False


def wanted_files(root):
    found = set()
    for top in ("src", "ui"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                if not name.endswith(C_SUFFIXES + UI_SUFFIXES):
                    continue
                try:
                    with open(path, encoding="utf-8", errors="replace") as f:
                        text = f.read()
                except OSError:
                    continue
                if name.endswith(UI_SUFFIXES):
                    if UI_TRANSLATABLE.search(text):
                        found.add(rel)
                elif c_is_translatable(text):
                    found.add(rel)
    data = os.path.join(root, "data")
    if os.path.isdir(data):
        for name in os.listdir(data):
            rel = "data/" + name
            if os.path.isfile(os.path.join(data, name)) and any(p.match(rel) for p in DATA_PATTERNS):
                found.add(rel)
    return found


def read_list(path):
    entries = []
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if line and not line.startswith("#"):
                    entries.append((number, line))
    except FileNotFoundError:
        pass
    return entries


def main(argv):
    args = argv[1:]
    list_mode = "--list" in args
    args = [a for a in args if a != "--list"]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))

    wanted = wanted_files(root)
    if list_mode:
        print("\n".join(sorted(wanted)))
        return 0

    potfiles_path = os.path.join(root, "po", "POTFILES.in")
    if not os.path.isfile(potfiles_path):
        print(f"po/POTFILES.in is missing (looked in {root})")
        return 1
    listed = read_list(potfiles_path)
    skipped = {name for _, name in read_list(os.path.join(root, "po", "POTFILES.skip"))}

    errors = []
    seen = set()
    for number, name in listed:
        if name in seen:
            errors.append(f"po/POTFILES.in:{number}: {name} is listed twice")
        seen.add(name)
        if not os.path.isfile(os.path.join(root, name)):
            errors.append(f"po/POTFILES.in:{number}: {name} does not exist")
    for name in sorted(wanted - seen - skipped):
        errors.append(f"{name} has translatable strings but is not in po/POTFILES.in")

    names = [name for _, name in listed]
    if names != sorted(names):
        print("note: po/POTFILES.in is not sorted")

    for e in errors:
        print(e)
    print(f"{len(listed)} files listed, {len(wanted)} with translatable strings, "
          f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
