#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a pseudo-translation of Keystone that doubles every letter of every
string ("Accounts" → "AAccccoouunnttss"), for the test that every view
survives translations twice as long as the English (test-long-strings).

Placeholders (%s, %1$s, %.1f, %<PRId64>, %%), markup tags and entities,
escapes and mnemonic underscores stay as they are, so the catalogue passes
msgfmt --check and every format string takes the same arguments.

Usage: make-pseudo-catalogue.py SOURCE_ROOT OUTPUT.mo
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "check_translations", os.path.join(os.path.dirname(os.path.abspath(__file__)), "check-translations.py"))
check_translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_translations)

KEEP = re.compile(
    r"%(?:\d+\$)?[-+ #0'_^]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?(?:<[A-Za-z0-9_]+>|[A-Za-z%])"
    r"|<[^<>]*>"
    r"|&[A-Za-z#0-9]+;"
    r"|\\.")


def double(text):
    out, pos = [], 0
    for m in KEEP.finditer(text):
        out.append("".join(c + c if c.isalpha() else c for c in text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append("".join(c + c if c.isalpha() else c for c in text[pos:]))
    return "".join(out)


def read_string(lines, i, key):
    """The PO string that starts at lines[i] with @key, still escaped, and the next index."""
    parts = [lines[i][len(key):].strip()[1:-1]]
    i += 1
    while i < len(lines) and lines[i].startswith('"'):
        parts.append(lines[i].strip()[1:-1])
        i += 1
    return "".join(parts), i


def pseudo_po(pot_text):
    out = ['msgid ""', 'msgstr ""',
           '"Project-Id-Version: keystone\\n"', '"PO-Revision-Date: 2026-12-07 00:00+0000\\n"',
           '"Last-Translator: test-long-strings\\n"', '"Language-Team: none\\n"', '"Language: pseudo\\n"',
           '"MIME-Version: 1.0\\n"', '"Content-Transfer-Encoding: 8bit\\n"',
           '"Content-Type: text/plain; charset=UTF-8\\n"',
           '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', '']
    for block in pot_text.split("\n\n"):
        lines = [l for l in block.splitlines() if l and not l.startswith("#")]
        flags = [l for l in block.splitlines() if l.startswith("#,")]
        ctxt = msgid = plural = None
        i = 0
        while i < len(lines):
            if lines[i].startswith("msgctxt "):
                ctxt, i = read_string(lines, i, "msgctxt")
            elif lines[i].startswith("msgid_plural "):
                plural, i = read_string(lines, i, "msgid_plural")
            elif lines[i].startswith("msgid "):
                msgid, i = read_string(lines, i, "msgid")
            else:
                i += 1
        if not msgid:
            continue
        out.extend(flags)
        if ctxt is not None:
            out.append(f'msgctxt "{ctxt}"')
        out.append(f'msgid "{msgid}"')
        if plural is not None:
            out.append(f'msgid_plural "{plural}"')
            out.append(f'msgstr[0] "{double(msgid)}"')
            out.append(f'msgstr[1] "{double(plural)}"')
        else:
            out.append(f'msgstr "{double(msgid)}"')
        out.append("")
    return "\n".join(out) + "\n"


def main():
    root, output = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "keystone.pot")
        check_translations.make_template(root, pot)
        po = os.path.join(tmp, "pseudo.po")
        with open(pot, encoding="utf-8") as f, open(po, "w", encoding="utf-8") as g:
            g.write(pseudo_po(f.read()))
        os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
        subprocess.run(["msgfmt", "--check", "-o", output, po], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
