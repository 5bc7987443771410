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
