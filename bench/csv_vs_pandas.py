#!/usr/bin/python3
"""Times pandas read_csv of the files goaltrack's csv_bench exported (and, for scale,
the peer kit's own files), to compare with goaltrack::import_csv.

Usage: /usr/bin/python3 bench/csv_vs_pandas.py [EXPORT_DIR] [KIT_DIR]
  EXPORT_DIR  default /tmp/goaltrack-csv-bench (written by goaltrack_bench
              --benchmark_filter=csv_import)
  KIT_DIR     default /tmp/peers-data/scale-1.0

pandas reads every column with its C parser and default type inference and no validation at all
(no references, no dates checked), which only favours pandas. Prints seconds and MB/s
per file and in total; best of 3 runs.
"""
import os
import sys
import time

import pandas as pd

export_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/goaltrack-csv-bench"
kit_dir = sys.argv[2] if len(sys.argv) > 2 else "/tmp/peers-data/scale-1.0"


def time_folder(folder, options):
    total_bytes = 0
    total_seconds = 0.0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".csv"):
            continue
        path = os.path.join(folder, name)
        size = os.path.getsize(path)
        best = None
        for _ in range(3):
            start = time.perf_counter()
            frame = pd.read_csv(path, **options)
            seconds = time.perf_counter() - start
            best = seconds if best is None else min(best, seconds)
            del frame
        total_bytes += size
        total_seconds += best
        print(f"  {name:32s} {size / 1e6:9.1f} MB {best:8.3f} s {size / 1e6 / best:8.1f} MB/s")
    print(f"  {'TOTAL':32s} {total_bytes / 1e6:9.1f} MB {total_seconds:8.3f} s "
          f"{total_bytes / 1e6 / total_seconds:8.1f} MB/s")
    return total_bytes, total_seconds


print(f"pandas {pd.__version__} read_csv of goaltrack's export_csv output in {export_dir}:")
# Default options (type inference, the C parser); utf-8-sig for the byte order mark.
time_folder(export_dir, {"encoding": "utf-8-sig", "low_memory": False})
print(f"pandas read_csv (numbers parsed) of the kit's files in {kit_dir}:")
time_folder(kit_dir, {})
