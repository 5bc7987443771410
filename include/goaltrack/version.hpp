#pragma once
/// @file
/// The library's version: the single source of truth. CMake reads these three macros
/// to set the project version, so the package version and the code always agree.

#include <string_view>

#define GOALTRACK_VERSION_MAJOR 0
#define GOALTRACK_VERSION_MINOR 1
#define GOALTRACK_VERSION_PATCH 0

/// The version as one number: major * 10000 + minor * 100 + patch.
#define GOALTRACK_VERSION \
  (GOALTRACK_VERSION_MAJOR * 10000 + GOALTRACK_VERSION_MINOR * 100 + GOALTRACK_VERSION_PATCH)

#include "goaltrack/export.hpp"

namespace goaltrack {

/// The version of the compiled library as "major.minor.patch". Compare it with the
/// GOALTRACK_VERSION_* macros to detect a header/library mismatch.
GOALTRACK_API std::string_view version() noexcept;

}  // namespace goaltrack
