#include "goaltrack/error.hpp"

#include "utf8.hpp"

namespace goaltrack {

// Messages quote codes, names and file contents; printable_utf8 keeps them valid UTF-8
// (Python decodes every message, and a log must not be corrupted by the input it reports).

invalid_argument::invalid_argument(const std::string& message)
    : std::invalid_argument(detail::printable_utf8(message)) {}

not_found::not_found(const std::string& message)
    : std::out_of_range(detail::printable_utf8(message)) {}

file_error::file_error(const std::string& message, std::string path,
                       std::optional<std::uint64_t> offset)
    : std::runtime_error(detail::printable_utf8(message)),
      path_(std::move(path)),
      offset_(offset) {}

}  // namespace goaltrack
