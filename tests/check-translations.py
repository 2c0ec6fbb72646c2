#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every catalogue in po/LINGUAS translates the current sources
completely and correctly.

For each language: a template is made from po/POTFILES.in with xgettext
(the keywords of meson's 'glib' preset and po/meson.build's own), the
catalogue is merged with it in a temporary folder (msgmerge, no fuzzy
matching, so a changed English string counts as untranslated), and
`msgfmt --check --statistics` must report every message translated, none
fuzzy, none untranslated, and no error (placeholders that differ from the
English, a bad plural header, a broken header).

Also fails when po/LINGUAS names a language without a .po file, or a .po
file is missing from po/LINGUAS.

Usage: check-translations.py [SOURCE_ROOT]   (default: the parent of this folder)
"""
import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = [
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--keyword=ngettext:1,2", "--keyword=KS_FORMAT_COUNT:1,2",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]


def languages(po_dir):
    names = []
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            names.extend(line.split())
    return names


def make_template(root, out):
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        files = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    result = subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments", "--sort-output", "-o", out,
                             "--directory", root] + KEYWORDS + files, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"FAIL: xgettext could not make the template:\n{result.stderr}")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    po_dir = os.path.join(root, "po")
    failures = []
    listed = languages(po_dir)
    present = sorted(n[:-3] for n in os.listdir(po_dir) if n.endswith(".po"))
    for lang in listed:
        if lang not in present:
            failures.append(f"po/LINGUAS names {lang}, but there is no po/{lang}.po")
    for lang in present:
        if lang not in listed:
            failures.append(f"po/{lang}.po is not in po/LINGUAS: it would not be built or installed")

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "keystone.pot")
        make_template(root, pot)
        for lang in listed:
            if lang not in present:
                continue
            merged = os.path.join(tmp, f"{lang}.po")
            subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged,
                            os.path.join(po_dir, f"{lang}.po"), pot], check=True)
            result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                                    capture_output=True, text=True)
            report = (result.stdout + result.stderr).strip()
            print(f"{lang}: {report.splitlines()[-1] if report else '(no output)'}")
            if result.returncode != 0:
                failures.append(f"po/{lang}.po: msgfmt --check failed:\n{report}")
            elif re.search(r"fuzzy|untranslated", report):
                failures.append(f"po/{lang}.po is not complete for the current sources: {report}")

    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    if not listed:
        print("no languages in po/LINGUAS")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
