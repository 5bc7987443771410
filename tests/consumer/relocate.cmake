# Installs goaltrack's build into a staging prefix, then moves that prefix elsewhere,
# so that the find_package consumer proves the package is relocatable.
# Usage: cmake -DBUILD_DIR=... -DSTAGING=... -DPREFIX=... -P relocate.cmake
file(REMOVE_RECURSE "${STAGING}" "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${STAGING}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
file(RENAME "${STAGING}" "${PREFIX}")

# Only the public API is installed: no internal header, and no public header names one.
file(GLOB_RECURSE _installed_headers RELATIVE "${PREFIX}/include" "${PREFIX}/include/*")
foreach(_header IN LISTS _installed_headers)
  if(_header MATCHES "/detail/" OR NOT _header MATCHES "^goaltrack/.*\\.hpp$")
    message(FATAL_ERROR "installed header ${_header} is not part of the public API")
  endif()
  file(STRINGS "${PREFIX}/include/${_header}" _includes REGEX "^#include \"")
  foreach(_line IN LISTS _includes)
    if(NOT _line MATCHES "^#include \"goaltrack/[a-z_/]+\\.hpp\"$" OR _line MATCHES "detail")
      message(FATAL_ERROR "${_header} includes a header that is not public: ${_line}")
    endif()
  endforeach()
endforeach()
list(LENGTH _installed_headers _count)
message(STATUS "relocated install holds ${_count} public headers")
