#!/usr/bin/env python3
"""`goaltrack evaluate` against the library call it makes (issue 11, point 8: the command
on the national plan within 1.2x the library call plus the load).

    /usr/bin/python3 bench/cli_vs_library.py --build build/release \
        --archive /tmp/goaltrack_peer_1.0.bin.gtk [--runs 7] [--as-of 2021-09-30] \
        [--format csv] [--report-subject 35107 --report-period 2021]

Times three whole processes in turn, run after run (A B C A B C ...; one warm-up round
first, not counted, which also brings the archive into the page cache):

  command   goaltrack evaluate ARCHIVE --as-of D --format F -o OUT.F  (F: --format, csv)
  library   goaltrack_evaluate_library ARCHIVE D            (load + evaluate)
  lib+csv   goaltrack_evaluate_library ARCHIVE D OUT2.csv   (+ the command's CSV, written)

and, with --report-subject CODE, a fourth in the same turn (issue 11's report for a province):

  report    goaltrack report ARCHIVE --subject CODE --as-of D [--period P] -o OUT.txt

It prints each one's wall, user+sys and peak RSS (median, min, max), then the ratios
command/library, command/lib+csv (and report/library) taken run by run (the same round) with their median:
the machine is shared, so only ratios from one run mean anything. The in-process phases
of the library program (load, evaluate, output: formatted and written) are printed from its
last run, and the two CSV files are compared byte for byte (with --format csv).
"""

import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd):
    """Wall seconds, user+sys seconds, peak RSS MB and stderr of one run of cmd."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err.decode()


def spread(xs):
    return f"{statistics.median(xs):8.3f} ({min(xs):.3f}-{max(xs):.3f})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build/release", help="the build folder")
    ap.add_argument("--archive", default="/tmp/goaltrack_peer_1.0.bin.gtk")
    ap.add_argument("--as-of", default="2021-09-30")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--format", default="csv", choices=("csv", "json", "text"),
                    help="the command's output format (lib+csv writes CSV whatever it is)")
    ap.add_argument("--report-subject", default="",
                    help="also time `goaltrack report` of this collective (a province's code)")
    ap.add_argument("--report-period", default="", help="the report's --period (e.g. 2021)")
    args = ap.parse_args()

    out = tempfile.mkdtemp(prefix="gt-cli-vs-lib-")
    cli_csv = os.path.join(out, "command." + args.format)
    lib_csv = os.path.join(out, "library.csv")
    commands = {
        "command": [os.path.join(args.build, "bin", "goaltrack"), "evaluate", args.archive,
                    "--as-of", args.as_of, "--format", args.format, "-o", cli_csv],
        "library": [os.path.join(args.build, "bench", "goaltrack_evaluate_library"),
                    args.archive, args.as_of],
        "lib+csv": [os.path.join(args.build, "bench", "goaltrack_evaluate_library"),
                    args.archive, args.as_of, lib_csv],
    }
    report_txt = os.path.join(out, "report.txt")
    if args.report_subject:
        commands["report"] = [os.path.join(args.build, "bin", "goaltrack"), "report",
                              args.archive, "--subject", args.report_subject,
                              "--as-of", args.as_of, "-o", report_txt]
        if args.report_period:
            commands["report"][-2:-2] = ["--period", args.report_period]
    for name, cmd in commands.items():
        print(f"{name:8} {' '.join(cmd)}")
    results = {name: [] for name in commands}
    phases = ""
    for r in range(args.runs + 1):
        for name, cmd in commands.items():
            wall, cpu, rss, err = run(cmd)
            if r > 0:
                results[name].append((wall, cpu, rss))
            if name == "lib+csv":
                phases = err.strip()
    print(f"\n{args.runs} counted runs of each, interleaved, after one warm-up round")
    print(f"{'':8} {'wall s (median, min-max)':>28} {'user+sys s':>28} {'peak RSS MB':>26}")
    for name, rows in results.items():
        print(f"{name:8} {spread([x[0] for x in rows]):>28} {spread([x[1] for x in rows]):>28} "
              f"{spread([x[2] for x in rows]):>26}")
    pairs = [("command", "library"), ("command", "lib+csv")]
    if args.report_subject:
        pairs.append(("report", "library"))
    for top, base in pairs:
        ratios = [c[0] / b[0] for c, b in zip(results[top], results[base])]
        print(f"wall {top} / {base}: median {statistics.median(ratios):.3f} "
              f"(min {min(ratios):.3f}, max {max(ratios):.3f}; run by run)")
    print(f"library phases, last run of lib+csv: {phases}")
    if args.format == "csv":
        same = filecmp.cmp(cli_csv, lib_csv, shallow=False)
        print(f"CSV of the command and of the library program identical: {same} "
              f"({os.path.getsize(cli_csv) / 1e6:.1f} MB)")
    else:
        print(f"the command's {args.format}: {os.path.getsize(cli_csv) / 1e6:.1f} MB")
    for f in (cli_csv, lib_csv, report_txt):
        if os.path.exists(f):
            os.remove(f)
    os.rmdir(out)


if __name__ == "__main__":
    main()
