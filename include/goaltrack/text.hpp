#pragma once
/// @file
/// The rule every text of a plan keeps: codes, names, titles, units, labels, sources and
/// notes are well-formed UTF-8 of at most max_text_bytes bytes. Every entry point (the
/// API, import_csv, load) checks it and refuses a text that breaks it with an
/// invalid_argument (a csv_error, a corrupt_error) naming the entity and the field, so
/// that whatever a plan holds can be saved, loaded, exported and read from Python.

#include <cstddef>

namespace goaltrack {

/// The most bytes one text of a plan may have (1 MiB); also load_limits::string_bytes'
/// default, so that every plan that can be built can be saved and loaded again.
inline constexpr std::size_t max_text_bytes = std::size_t{1} << 20;

}  // namespace goaltrack
