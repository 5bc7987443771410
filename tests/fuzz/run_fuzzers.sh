#!/usr/bin/env bash
# Fuzzes every harness built in BUILD_DIR for SECONDS each (default 60), one after the
# other, starting from its committed seed corpus (tests/fuzz/corpus/<name>, read only:
# new inputs go to a scratch folder) and the inputs that once crashed it
# (tests/fuzz/crashes/<name>). A crash, leak, timeout (10 s) or out-of-memory (2 GB)
# stops with a non-zero status and leaves the input in crashes/<name>/ of the source
# tree: commit it (with the fix), and ctest will replay it for ever.
#   bash tests/fuzz/run_fuzzers.sh build-fuzz/tests/fuzz 60
set -euo pipefail
build_dir=${1:?usage: run_fuzzers.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for exe in "$build_dir"/*_fuzz; do
  [ -x "$exe" ] || continue
  harness=$(basename "$exe")
  name=${harness%_fuzz}
  mkdir -p "$scratch/$name" "$here/crashes/$name"
  dirs=("$scratch/$name")
  [ -d "$here/corpus/$name" ] && dirs+=("$here/corpus/$name")
  [ -n "$(ls -A "$here/crashes/$name")" ] && dirs+=("$here/crashes/$name")
  echo "== $harness: ${seconds}s"
  if ! "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$here/crashes/$name/" "${dirs[@]}" 2>"$scratch/$name.log"; then
    status=1
    echo "!! $harness failed; input saved under tests/fuzz/crashes/$name/"
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs" "$scratch/$name.log" || true
  rmdir "$here/crashes/$name" 2>/dev/null || true
done
exit $status
