#pragma once
/// @file
/// The peer kit's national plan (../shared/peers, gen.py's files) as a goaltrack::plan,
/// built once per process through the public API (the kit's ids become codes), for the
/// benchmarks that measure persistence on it (archive_bench.cpp, csv_bench.cpp).

#include <filesystem>
#include <string>

#include "goaltrack/goaltrack.hpp"

namespace goaltrack_bench {

/// The environment variable `name` as a path, or `fallback` when unset or empty.
std::filesystem::path env_path(const char* name, const char* fallback);

/// The kit's folder: $GOALTRACK_PEER_DATA, default /tmp/peers-data/scale-1.0.
std::filesystem::path kit_dir();

/// The kit's plan from kit_dir(), built on first use; nullptr when it cannot be built,
/// with the reason in `error` (e.g. no data: generate it with the kit's gen.py).
const goaltrack::plan* kit_plan(std::string& error);

}  // namespace goaltrack_bench
