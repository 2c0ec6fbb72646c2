#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time `import crm` against the sqlite3 shell's .import of the same CSVs.

    bench/bench-import.py --bench-import BUILD/bench/bench-import [--data bench/out]
                          [--scales 1,10,100] [--runs 3]

For each scale N (folders DATA/xN made by gen-data.py), in the same run and
alternating so both see the same machine load:

  Keystone  bench-import: a new workspace file, ks_crm_import() of the four
            CSVs (one transaction), close
  baseline  sqlite3 shell: a new database file, four plain tables (the CSVs'
            columns, no keys, no indexes), then in one transaction
            `.import --csv --skip 1` of the four CSVs, close

Both use WAL and synchronous=NORMAL, as the workspace does. Times are wall
clock of the whole process, best of --runs. Prints a Markdown table: figure,
Keystone, baseline, ratio, and Keystone's peak resident memory (the largest
of its runs, from the kernel's accounting of the process). Only the Python
standard library is used.
"""

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

TABLES = (
    ("accounts.csv", "accounts",
     "account, sector, year_established, revenue, employees, office_location, subsidiary_of"),
    ("sales_teams.csv", "sales_teams", "sales_agent, manager, regional_office"),
    ("products.csv", "products", "product, series, sales_price"),
    ("sales_pipeline.csv", "sales_pipeline",
     "opportunity_id, sales_agent, product, account, deal_stage, engage_date, close_date, close_value"),
)


def baseline_script(folder):
    lines = ["PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;"]
    for _, table, columns in TABLES:
        lines.append("CREATE TABLE %s (%s);" % (table, columns))
    lines.append("BEGIN;")
    for name, table, _ in TABLES:
        path = os.path.join(folder, name)
        if '"' in path or "\n" in path:
            sys.exit("bench-import.py: the data path cannot contain quotes or newlines")
        lines.append('.import --csv --skip 1 "%s" %s' % (path, table))
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


def timed(command, stdin=None):
    """Wall clock seconds and peak resident memory (MB) of one process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=out, stderr=err, text=True)
        if stdin:
            child.stdin.write(stdin)
        child.stdin.close()
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            err.seek(0)
            sys.exit("bench-import.py: %s failed (%d):\n%s"
                     % (command[0], child.returncode, err.read().decode(errors="replace")))
    return elapsed, usage.ru_maxrss / 1024.0


def fresh(tmp, name):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(os.path.join(tmp, name + suffix))
        except FileNotFoundError:
            pass
    return os.path.join(tmp, name)


def count_rows(folder, name):
    with open(os.path.join(folder, name), "rb") as f:
        return sum(1 for _ in f) - 1


def seconds(value):
    return "%.3f s" % value if value < 10 else "%.2f s" % value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-import", required=True, help="the bench-import program")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sqlite3", default="sqlite3")
    args = parser.parse_args()

    if not shutil.which(args.sqlite3):
        sys.exit("bench-import.py: the sqlite3 shell is missing (Debian: apt install sqlite3)")
    program = os.path.abspath(args.bench_import)
    scales = [int(s) for s in args.scales.split(",") if s]

    rows = []
    with tempfile.TemporaryDirectory(prefix="keystone-bench-") as tmp:
        for n in scales:
            folder = os.path.abspath(os.path.join(args.data, "x%d" % n))
            if not os.path.isdir(folder):
                sys.exit("bench-import.py: %s is missing; run bench/gen-data.py %d" % (folder, n))
            script = baseline_script(folder)
            keystone, baseline, memory = [], [], []
            for _ in range(args.runs):
                k, rss = timed([program, "--quiet", fresh(tmp, "w.keystone"), folder])
                keystone.append(k)
                memory.append(rss)
                baseline.append(timed([args.sqlite3, fresh(tmp, "b.db")], stdin=script)[0])
            k, b = min(keystone), min(baseline)
            figure = "import crm ×%d (%d accounts, %d opportunities)" % (
                n, count_rows(folder, "accounts.csv"), count_rows(folder, "sales_pipeline.csv"))
            rows.append((figure, k, b, max(memory)))
            print("%s: Keystone %s, baseline %s" % (figure, seconds(k), seconds(b)), file=sys.stderr)

    print("| figure | Keystone | baseline | ratio | Keystone peak resident memory |")
    print("| --- | --- | --- | --- | --- |")
    for figure, k, b, rss in rows:
        print("| %s | %s | %s | %.2f× | %.0f MB |" % (figure, seconds(k), seconds(b), k / b, rss))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print()
    print("baseline: sqlite3 shell `.import --csv --skip 1` of the same four CSVs into plain tables, "
          "one transaction, WAL, synchronous=NORMAL; wall clock, best of %d; %s, %d CPUs, load %.1f"
          % (args.runs, platform.platform(terse=True), os.cpu_count() or 0, load))


if __name__ == "__main__":
    main()
