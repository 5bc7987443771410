#!/usr/bin/env bash
# One-command set-up, build and run for a fresh Debian 12 machine. Idempotent: packages
# are installed only when missing, CMake reconfigures and rebuilds only what changed.
#
#   bash cmake/dev.sh example   # goaltrack report on the origin review's CSV folder, and the examples
#   bash cmake/dev.sh test      # the whole test suite (warnings are errors)
#   bash cmake/dev.sh shared    # goaltrack as a shared library: its users' tests
#   bash cmake/dev.sh asan      # the whole test suite under ASan + UBSan
#   bash cmake/dev.sh fuzz [S]  # libFuzzer harnesses: replay the corpus, then S s each (60)
#   bash cmake/dev.sh bench     # Release build of the benchmarks
#   bash cmake/dev.sh lint      # the house rules: clang-format, test names, clang-tidy
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# chromium and python3-pil: the tests render the HTML reports and look at the screenshots.
# libutf8proc-dev, libzip-dev, libdeflate-dev, libexpat1-dev, libxlsxwriter-dev, pkg-config: text as
# people type it and Excel workbooks (see CMakeLists.txt). python3-openpyxl and
# python3-pandas: the tests read workbooks from another writer and DataFrames.
packages=(cmake ninja-build g++ libboost-date-time-dev libboost-serialization-dev libeigen3-dev
          libgtest-dev libgmock-dev libbenchmark-dev pybind11-dev python3-dev python3-numpy
          python3-pytest nlohmann-json3-dev python3-jsonschema libcli11-dev chromium python3-pil
          pkg-config libutf8proc-dev libzip-dev libdeflate-dev libexpat1-dev libxlsxwriter-dev
          python3-openpyxl python3-pandas)

install_missing_packages() {
  local missing=()
  for p in "${packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "dev.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Builds with at most as many jobs as cores (the machines here have two).
build() {
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" --parallel "$(nproc)" "${@:2}"
}

command=${1:-}
case "$command" in
  example)
    # The main job through the command line, as a planning office runs it: the origin
    # review's CSV folder reported in Vietnamese and English, as text and as HTML pages
    # with charts (build/dev/report_vi.html, report_en.html); then the example programs.
    install_missing_packages
    build dev --target goaltrack_cli annual_review okr_quarterly
    for lang in vi en; do
      ./build/dev/bin/goaltrack report examples/annual_review/data --as-of 21/01/2021 \
        --policy review --lang "$lang"
      ./build/dev/bin/goaltrack report examples/annual_review/data --as-of 21/01/2021 \
        --policy review --lang "$lang" --format html -o "build/dev/report_$lang.html"
      echo "written: build/dev/report_$lang.html"
      echo
    done
    ./build/dev/examples/annual_review
    ./build/dev/examples/okr_quarterly
    ;;
  test)
    install_missing_packages
    build dev
    ctest --preset dev --parallel "$(nproc)"
    ;;
  shared)
    # What a shared goaltrack changes: the library, its installed package and every user
    # of its exports (examples, Python, the find_package consumer). The unit tests link
    # the library's objects statically either way, so `test` has run them already.
    install_missing_packages
    build shared --target goaltrack goaltrack_cli goaltrack_python annual_review okr_quarterly
    ctest --preset shared --parallel "$(nproc)" \
      -R '^(example\.|python\.|consumer\.(install|find_package)$)'
    ;;
  asan)
    install_missing_packages
    build asan
    ctest --preset asan --parallel "$(nproc)"
    ;;
  fuzz)
    install_missing_packages clang-14 libclang-rt-14-dev
    harnesses=()
    for f in tests/fuzz/*_fuzz.cpp; do harnesses+=("$(basename "$f" .cpp)"); done
    build fuzz --target "${harnesses[@]}"
    ctest --preset fuzz
    bash tests/fuzz/run_fuzzers.sh build/fuzz/tests/fuzz "${2:-60}"
    ;;
  lint)
    install_missing_packages clang-format clang-tidy
    # Formatting: the project's .clang-format, everywhere.
    git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror
    # One test naming style: snake_case suites and names.
    if grep -nE '^TEST(_F|_P)?\((\w*[A-Z]\w*,|\w+, *\w*[A-Z])' tests/*.cpp; then
      echo "dev.sh lint: test names must be snake_case" >&2
      exit 1
    fi
    # clang-tidy with the project's .clang-tidy, on the library's own sources.
    cmake --preset dev >/dev/null
    # -Wno-unknown-warning-option: the database holds GCC flags clang does not know.
    git ls-files 'src/*.cpp' | xargs run-clang-tidy -quiet -p build/dev -j "$(nproc)" \
      -extra-arg=-Wno-unknown-warning-option >/tmp/goaltrack-tidy.log 2>&1 ||
      { grep -E 'warning:|error:' /tmp/goaltrack-tidy.log | sort -u; exit 1; }
    echo "dev.sh lint: clean"
    ;;
  bench)
    install_missing_packages
    build release
    echo "built: build/release/bench/goaltrack_bench and build/release/bench/goaltrack_peer (see bench/README.md)"
    ;;
  *)
    echo "usage: bash cmake/dev.sh example|test|shared|asan|fuzz [seconds]|bench|lint" >&2
    exit 2
    ;;
esac
