#pragma once
/// @file
/// The languages labels and reports are written in.

#include <cstdint>
#include <string_view>

#include "goaltrack/export.hpp"

namespace goaltrack {

/// A language of labels and reports.
enum class language : std::uint8_t {
  vi,  ///< Vietnamese: decimal comma (58,1%), dot as thousands separator
  en,  ///< English: decimal point (58.1%), comma as thousands separator
};

/// The language's ISO 639-1 code: "vi" or "en".
GOALTRACK_API std::string_view to_string(language lang) noexcept;
/// The language with this ISO 639-1 code. @throws parse_error naming the text.
GOALTRACK_API language parse_language(std::string_view code);

}  // namespace goaltrack
