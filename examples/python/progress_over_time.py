#!/usr/bin/env python3
"""How progress moved: loads a saved plan, evaluates it at several dates and prints, per
target, its progress and status at each date, then the overall counts.

    PYTHONPATH=<build>/python /usr/bin/python3 examples/python/progress_over_time.py [PLAN]

PLAN is a goaltrack file (goaltrack.save writes one). Without it, the script saves the
origin plan (origin_review.py) to a temporary file and loads that, so it always shows the
whole path: save, load, evaluate at each month's end, compare. Every evaluation's columns
are NumPy arrays (evaluation.progress(), .statuses()), so the table is built without a
Python loop over targets per date.
"""

import datetime as dt
import os
import sys
import tempfile

import numpy as np

import goaltrack as gt


def month_ends(first: dt.date, last: dt.date):
    """The last day of every month from first's month to last's."""
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        yield nxt - dt.timedelta(days=1)
        year, month = nxt.year, nxt.month


def load_plan(argv) -> gt.plan:
    if len(argv) > 1:
        return gt.load(argv[1])
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from origin_review import build_origin_plan
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "origin.goaltrack")
        gt.save(build_origin_plan(), path, gt.archive_format.binary)
        return gt.load(path)


def main(argv) -> None:
    p = load_plan(argv)
    targets = list(p.targets)
    spans = [t.span for t in targets]
    dates = list(month_ends(min(s.first for s in spans), max(s.last for s in spans)))
    evaluations = [gt.evaluate(p, day) for day in dates]
    progress = np.vstack([ev.progress() for ev in evaluations])  # dates x targets
    statuses = np.vstack([ev.statuses() for ev in evaluations])
    names = [s.name for s in gt.target_status.__members__.values()]

    print(f"{len(targets)} targets evaluated at {len(dates)} dates, "
          f"{dates[0].isoformat()} .. {dates[-1].isoformat()}")
    for j, t in enumerate(targets):
        moves = []
        for i, day in enumerate(dates):
            if not t.span.contains(day) and day != dates[-1]:
                continue
            value = progress[i, j]
            shown = "  -  " if np.isnan(value) else f"{value:5.0%}"
            moves.append(f"{day.isoformat()[:7]} {shown} {names[statuses[i, j]]}")
        change = progress[:, j][~np.isnan(progress[:, j])]
        trend = f"{change[0]:.0%} -> {change[-1]:.0%}" if change.size else "no progress figure"
        print(f"\n{t.code} ({t.kind.name}, {t.span}): {trend}")
        for line in moves:
            print("  " + line)

    print("\nachieved targets by date:")
    achieved = (statuses == int(gt.target_status.achieved)).sum(axis=1)
    for day, n in zip(dates, achieved):
        print(f"  {day.isoformat()}  {n}/{len(targets)}")


if __name__ == "__main__":
    main(sys.argv)
