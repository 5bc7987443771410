# Install rules and a relocatable CMake package: find_package(goaltrack CONFIG) then
# target_link_libraries(app PRIVATE goaltrack::goaltrack).
include(CMakePackageConfigHelpers)

set(GOALTRACK_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/goaltrack"
    CACHE STRING "Where goaltrack's CMake package files are installed")

install(TARGETS goaltrack EXPORT goaltrackTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/goaltrack"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
install(EXPORT goaltrackTargets
  NAMESPACE goaltrack::
  DESTINATION ${GOALTRACK_INSTALL_CMAKEDIR})

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/goaltrackConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/goaltrackConfig.cmake"
  INSTALL_DESTINATION ${GOALTRACK_INSTALL_CMAKEDIR})
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/goaltrackConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/goaltrackConfig.cmake"
  "${PROJECT_BINARY_DIR}/goaltrackConfigVersion.cmake"
  DESTINATION ${GOALTRACK_INSTALL_CMAKEDIR})
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/goaltrack)
if(TARGET goaltrack_cli)
  install(TARGETS goaltrack_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
# The JSON Schema of render_json's documents, for readers of goaltrack's JSON reports.
install(FILES "${PROJECT_SOURCE_DIR}/schema/document.schema.json"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/goaltrack)
