#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A team workspace on PostgreSQL: `import crm` and the reports, timed as
whole keystone-cli processes against the same server.

    bench/bench-team.py --cli BUILD/src/cli/keystone-cli [--data bench/out]
                        [--scales 10] [--runs 3]

Needs a PostgreSQL server in libpq's environment (PGHOST, PGPORT, PGUSER,
PGPASSWORD; `pg_virtualenv -t -v 15 bench/bench-team.py …` gives a
throwaway one) and the psql client. Each figure runs in databases of its
own, made and dropped here.

  import crm xN   keystone-cli -w postgresql:///DB import crm DATA/xN into a
                  new workspace (made by `init` beforehand, not timed)
        baseline  psql, one transaction: CREATE four plain tables of text
                  columns and \\copy the same four CSV files into them
  report …  xN    keystone-cli -w postgresql:///DB report scores|abc|funnel|
                  forecast --json on DATA/xN-reports.keystone copied to the
                  server (keystone-cli copy), best of --runs
        baseline  the same command on the file itself

Prints a Markdown table: figure, Keystone, baseline, ratio, target. Only the
Python standard library is used.
"""

import argparse
import os
import subprocess
import sys
import time

FILES = {
    "accounts.csv": "account, sector, year_established, revenue, employees, office_location, subsidiary_of",
    "products.csv": "product, series, sales_price",
    "sales_teams.csv": "sales_agent, manager, regional_office",
    "sales_pipeline.csv": "opportunity_id, sales_agent, product, account, deal_stage, engage_date, close_date, close_value",
}

REPORTS = ("scores", "abc", "funnel", "forecast")


def psql(sql, database="postgres"):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
                   check=True, stdout=subprocess.DEVNULL)


def timed(argv):
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def fresh_database(name):
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(f"CREATE DATABASE {name}")
    return f"postgresql:///{name}"


def copy_script(folder):
    lines = ["BEGIN;"]
    for i, (name, columns) in enumerate(FILES.items()):
        table = f"t{i}"
        cols = ", ".join(f"{c.strip()} text" for c in columns.split(","))
        lines.append(f"CREATE TABLE {table} ({cols});")
        lines.append(f"\\copy {table} FROM '{os.path.join(folder, name)}' WITH (FORMAT csv, HEADER true)")
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


def bench_import(cli, folder, runs):
    best_k = best_b = None
    script = copy_script(folder)
    for run in range(runs):
        uri = fresh_database("ks_bench_import")
        subprocess.run([cli, "-w", uri, "init"], check=True, stdout=subprocess.DEVNULL)
        t = timed([cli, "-w", uri, "import", "crm", folder])
        best_k = t if best_k is None else min(best_k, t)
        fresh_database("ks_bench_copy")
        start = time.perf_counter()
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "ks_bench_copy"],
                       input=script.encode(), check=True, stdout=subprocess.DEVNULL)
        t = time.perf_counter() - start
        best_b = t if best_b is None else min(best_b, t)
    psql("DROP DATABASE IF EXISTS ks_bench_import WITH (FORCE)")
    psql("DROP DATABASE IF EXISTS ks_bench_copy WITH (FORCE)")
    return best_k, best_b


def bench_reports(cli, workspace_file, runs):
    uri = fresh_database("ks_bench_reports")
    subprocess.run([cli, "copy", workspace_file, uri], check=True, stdout=subprocess.DEVNULL)
    results = {}
    for report in REPORTS:
        best_k = best_b = None
        for run in range(runs):
            t = timed([cli, "-w", uri, "report", report, "--json"])
            best_k = t if best_k is None else min(best_k, t)
            t = timed([cli, "-w", workspace_file, "report", report, "--json"])
            best_b = t if best_b is None else min(best_b, t)
        results[report] = (best_k, best_b)
    psql("DROP DATABASE IF EXISTS ks_bench_reports WITH (FORCE)")
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", default="bench/out")
    parser.add_argument("--scales", default="10")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    if not (os.environ.get("PGHOST") or os.environ.get("PGSERVICE")):
        print("skipped: no PostgreSQL server in the environment (PGHOST); "
              "run under pg_virtualenv -t -v 15")
        return 0

    print("| figure | Keystone | baseline | ratio | target |")
    print("| --- | --- | --- | --- | --- |")
    for scale in args.scales.split(","):
        folder = os.path.join(args.data, f"x{scale}")
        k, b = bench_import(args.cli, folder, args.runs)
        print(f"| import crm ×{scale} into PostgreSQL | {k:.3f} s | {b:.3f} s (psql \\copy) | "
              f"{k / b:.2f}× | ≤ 3× |")
        reports_file = os.path.join(args.data, f"x{scale}-reports.keystone")
        if not os.path.exists(reports_file):
            print(f"| report … ×{scale} | (run bench/bench-reports.py first: no {reports_file}) | | | |")
            continue
        for report, (k, b) in bench_reports(args.cli, reports_file, max(args.runs, 5)).items():
            print(f"| report {report} ×{scale} on PostgreSQL | {k * 1000:.0f} ms | "
                  f"{b * 1000:.0f} ms (the file) | {k / b:.2f}× | ≤ 100 ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
