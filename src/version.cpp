#include "goaltrack/version.hpp"

#define GOALTRACK_STR2(x) #x
#define GOALTRACK_STR(x) GOALTRACK_STR2(x)

namespace goaltrack {

std::string_view version() noexcept {
  return GOALTRACK_STR(GOALTRACK_VERSION_MAJOR) "." GOALTRACK_STR(
      GOALTRACK_VERSION_MINOR) "." GOALTRACK_STR(GOALTRACK_VERSION_PATCH);
}

}  // namespace goaltrack
