#pragma once
/// @file
/// The languages labels and reports are written in.

#include <cstdint>

namespace goaltrack {

/// A language of labels and reports.
enum class language : std::uint8_t {
  vi,  ///< Vietnamese: decimal comma (58,1%), dot as thousands separator
  en,  ///< English: decimal point (58.1%), comma as thousands separator
};

}  // namespace goaltrack
