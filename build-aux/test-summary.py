#!/usr/bin/env python3
"""Counts GTest cases in meson's testlog JSON files and prints 'N passed, N failed'.

TAP tests count per case; other tests per program. A TAP program that failed
without a 'not ok' line (crash, abort, timeout) adds one failure. Several log
files (one per test setup) add up."""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        print(f"missing test log {path}", file=sys.stderr)
        failed += 1
        continue
    for line in lines:
        if not line.strip():
            continue
        t = json.loads(line)
        result = t.get("result", "ERROR")
        tap = [l for l in (t.get("stdout") or "").splitlines() if re.match(r"(not )?ok\b", l)]
        if tap:
            bad = 0
            for l in tap:
                if re.search(r"#\s*SKIP", l, re.I):
                    skipped += 1
                elif l.startswith("not ok") and not re.search(r"#\s*TODO", l, re.I):
                    bad += 1
                else:
                    passed += 1
            if result not in ("OK", "SKIP", "EXPECTEDFAIL") and bad == 0:
                bad = 1
            failed += bad
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or passed == 0 else 0)
